"""Columns of an unruled table from the text's gutters, the cells its text makes in them, and the
column layouts learnt across pages (a table continued under its repeated header keeps its columns)."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...text import is_cjk, join_wrapped
from ..lines import group_rows, row_text
from .model import Cell
from .segments import Segment, is_total_row
from .settings import SETTINGS

if TYPE_CHECKING:
    from . import UnruledTable


@dataclass
class Columns:
    """Column extents (edge to edge), the gutters between them, and where their text lies."""

    bounds: list[tuple[float, float]]
    gutters: list[tuple[float, float]]
    text: list[tuple[float, float]]


def _spanning_total(row: list[Segment]) -> bool:
    return is_total_row(row) and any(ch.isdigit() for ch in row[0].text)


def columns_of(body: list[list[Segment]], header: list[list[Segment]], x0: float, x1: float) -> Columns:
    """Column extents from the gutters that no body text crosses. A total row's figures count
    (on a continued page its 合计 may be the only row with figures), unless leaving them out
    parts more columns: its figures are the widest, nearly touching in tight columns
    ('0 197655 456965'). A total printed in one run across the table ('合计：290146') never counts."""
    # A total's label ('合 计') is centred across the merged 序号 and name cells: only its
    # figures say where columns are.
    with_totals = [c for row in body if not _spanning_total(row) for s in (row[1:] if is_total_row(row) else row)
                   for c in s.chars]
    without = [c for row in body if not is_total_row(row) for s in row for c in s.chars]
    # Character by character (printed spaces included: '南京卫生 12320 微信' is one cell), so
    # that a narrow 序号 column set close to the names still shows its gutter. A continued page
    # holding only the header and a '合计：N' line has no figures in columns: its header cells
    # are the columns then.
    visible = [c for c in with_totals if not c["text"].isspace()]
    size = statistics.median(c.get("size", SETTINGS.default_size) for c in visible) if visible else SETTINGS.default_size
    chars, covered = with_totals, _covered(with_totals, SETTINGS.gutter_min * size)
    if without:
        parted = _covered(without, SETTINGS.gutter_min * size)
        if len(parted) > len(covered):
            chars, covered = without, parted
    covered = _split_under_headers(covered, chars, [s for row in header for s in row])
    # A header cell is its stacked lines together ('2026 年报告数' over a centred '量' that
    # stands in the gutter beside right-aligned figures). A centred header over one-digit
    # figures may not overlap them: it joins the neighbouring column that has no header of
    # its own; only a header with no such neighbour is a column of its own (blank body).
    cells = clustered(_header_cells([s for row in header for s in row], size))

    def over(cell: list[Segment], interval: list[float]) -> bool:
        return any(interval[0] <= s.x1 and s.x0 <= interval[1] for s in cell)

    headed = [any(over(cell, iv) for cell in cells) for iv in covered]
    for cell in cells:
        if any(over(cell, iv) for iv in covered):
            continue
        lo, hi = min(s.x0 for s in cell), max(s.x1 for s in cell)
        top = min(s.top for s in cell)
        left = max((i for i, iv in enumerate(covered) if iv[1] <= lo), default=None)
        right = min((i for i, iv in enumerate(covered) if iv[0] >= hi), default=None)
        # a column's own header reaches down to this cell's line: a band over several columns
        # standing wholly above it ('预约方式', centred over five; '门急诊信息' stacked over its
        # sub-column's leaf next door) heads none of them alone
        own = [any(over([part], covered[i]) and part.bottom > top for other in cells for part in other)
               if i is not None else True for i in (left, right)]
        orphans = [i for i, headed_here in zip((left, right), own) if i is not None and not (headed[i] and headed_here)]
        if orphans:
            i = min(orphans, key=lambda i: min(abs(covered[i][0] - hi), abs(lo - covered[i][1])))
            covered[i] = [min(covered[i][0], lo), max(covered[i][1], hi)]
            headed[i] = True
        else:
            covered.append([lo, hi])
            headed.append(True)
    covered.sort()
    edges = [x0] + [(covered[i][1] + covered[i + 1][0]) / 2 for i in range(len(covered) - 1)] + [x1]
    return Columns(list(zip(edges, edges[1:])), [(covered[i][1], covered[i + 1][0]) for i in range(len(covered) - 1)],
                   [(a, b) for a, b in covered])


def _covered(chars: list[dict], tolerance: float) -> list[list[float]]:
    """The extents the characters cover, gaps narrower than `tolerance` bridged."""
    covered: list[list[float]] = []
    for a, b in sorted((c["x0"], c["x1"]) for c in chars):
        if covered and a <= covered[-1][1] + tolerance:
            covered[-1][1] = max(covered[-1][1], b)
        else:
            covered.append([a, b])
    return covered


def _split_under_headers(covered: list[list[float]], chars: list[dict], header: list[Segment]) -> list[list[float]]:
    """Columns set so tight that a figure of one nearly touches the next one's ('195463 286381'
    closer than a printed space) read as one from the body alone; their headers stand apart.
    Where two header cells stand over one such run, and a gap that no character crosses lies
    between them in every row, the run is two columns."""
    visible = [c for c in chars if not c["text"].isspace()]
    size = statistics.median(c.get("size", SETTINGS.default_size) for c in visible) if visible else SETTINGS.default_size
    out: list[list[float]] = []
    for interval in covered:
        # the header text over the run (a header line set as tight as its figures reads as one
        # segment across several columns: only its characters over this run count)
        inside = []
        for h in header:
            over = [c for c in h.chars if interval[0] <= (c["x0"] + c["x1"]) / 2 <= interval[1]]
            # header cells set as tight as their columns ('诊间预约第三方') still leave a gap
            # between them; text of one cell sits closer
            # A part reaching over the whole run heads all of it; a part over one side is a
            # column's own cell, however wide: a narrow column's centred header ('第三方') is
            # nearly as wide as its figures, which abut the next column's.
            for part in _parts(over, SETTINGS.tight_gutter * size):
                px0, px1 = min(c["x0"] for c in part), max(c["x1"] for c in part)
                m = SETTINGS.run_cover
                if not (px0 <= interval[0] + m and px1 >= interval[1] - m):
                    inside.append((px0, px1, min(c["top"] for c in part)))
        # a group cell centred over two of the run's leaf cells ('业务数据' over '收入（千元）' and
        # '人次') would join them into one: only the cells under no other over the run count
        inside = [g for g in inside if not _over_two(g, inside)]
        heads: list[list[float]] = []  # header cells over the run, stacked lines as one
        for x0, x1, _ in sorted(inside):
            if heads and x0 <= heads[-1][1]:
                heads[-1][1] = max(heads[-1][1], x1)
            else:
                heads.append([x0, x1])
        pieces = [interval]
        if len(heads) >= 2:
            strict: list[list[float]] = []
            for a, b in sorted((c["x0"], c["x1"]) for c in chars if interval[0] <= (c["x0"] + c["x1"]) / 2 <= interval[1]):
                if strict and a <= strict[-1][1]:
                    strict[-1][1] = max(strict[-1][1], b)
                else:
                    strict.append([a, b])
            for left, right in zip(heads, heads[1:]):
                lo, hi = (left[0] + left[1]) / 2, (right[0] + right[1]) / 2
                gap = next(((strict[i][1], strict[i + 1][0]) for i in range(len(strict) - 1)
                            if lo < (strict[i][1] + strict[i + 1][0]) / 2 < hi
                            and strict[i + 1][0] - strict[i][1] >= SETTINGS.tight_gutter * size), None)
                # two columns: most lines with text on the sparser side hold text on both sides
                # of the gap ('/' centred in a column of right-aligned figures leaves a gap no
                # line has text on both sides of; a remarks column holds text in a few rows only)
                lines = group_rows([c for c in chars if interval[0] <= (c["x0"] + c["x1"]) / 2 <= interval[1]
                                    and not c["text"].isspace()])
                if gap is not None:
                    left_side = [any(c["x1"] <= gap[0] for c in ln) for ln in lines]
                    right_side = [any(c["x0"] >= gap[1] for c in ln) for ln in lines]
                    both = sum(a and b for a, b in zip(left_side, right_side))
                    if 2 * both < min(sum(left_side), sum(right_side)) or not both:
                        gap = None
                if gap is not None:
                    last = pieces.pop()
                    pieces += [[last[0], gap[0]], [gap[1], last[1]]]
        out.extend(pieces)
    return out


def _over_two(cell: tuple[float, float, float], cells: list[tuple[float, float, float]]) -> bool:
    """Whether `cell` stands over two cells below it that stand apart (a group header)."""
    under = sorted((x0, x1) for x0, x1, top in cells if top > cell[2] and x0 < cell[1] and cell[0] < x1)
    return any(b[0] > a[1] for a, b in zip(under, under[1:]))


def _parts(chars: list[dict], gap: float) -> list[list[dict]]:
    """The visible characters of one line in runs parted by gaps of at least `gap` beyond twice
    the run's usual spacing, with no printed space in them and not where Chinese meets Latin
    text: header cells set edge to edge ('电子健康证数备注'), while '2030 年总量', '2028年' set
    with autospace and a letter-spaced '单 位 名 称' stay one."""
    ordered = sorted(chars, key=lambda c: c["x0"])
    visible = [c for c in ordered if not c["text"].isspace()]
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(visible, visible[1:]))
    gap += 2 * max(gaps[(len(gaps) - 1) // 2], 0.0) if gaps else 0.0
    parts: list[list[dict]] = []
    spaced = False
    for char in ordered:
        if char["text"].isspace():
            spaced = True
            continue
        # producers set a gap between Chinese and Latin text of one cell ('2028 年', autospace)
        autospaced = bool(parts) and is_cjk(char["text"][:1]) != is_cjk(parts[-1][-1]["text"][-1:])
        if parts and (spaced or autospaced or char["x0"] - parts[-1][-1]["x1"] < gap):
            parts[-1].append(char)
        else:
            parts.append([char])
        spaced = False
    return parts


def _header_cells(header: list[Segment], size: float) -> list[Segment]:
    """Header segments parted where cells set edge to edge leave a gap between them."""
    return [Segment(part) for s in header for part in _parts(s.chars, SETTINGS.tight_gutter * size)]


def _column_of(x: float, columns: list[tuple[float, float]]) -> int:
    return next((i for i, (a, b) in enumerate(columns) if x <= b), len(columns) - 1)


def span_of(segment: Segment, columns: list[tuple[float, float]]) -> tuple[int, ...]:
    """The columns whose middles the text covers ('合计：290146' across the table), else the
    column holding the text's own middle: a centred header such as '累计总量' may reach past the
    gutter of right-aligned figures without belonging to the next column."""
    m = SETTINGS.span_margin
    covered = [i for i, (a, b) in enumerate(columns) if segment.x0 - m <= (a + b) / 2 <= segment.x1 + m]
    if covered:
        return tuple(range(min(covered), max(covered) + 1))
    return (_column_of(segment.centre, columns),)


def _cell_text(parts: list[Segment]) -> str:
    chars = [c for s in parts for c in s.chars]
    return join_wrapped([row_text(r) for r in group_rows(chars)])


def split_at_gutters(segment: Segment, gutters: list[tuple[float, float]]) -> list[Segment]:
    """Cut a run of text where a gap between two of its characters overlaps a gutter between
    columns ('1 南京市…' in a tight 序号 column; two centred header cells close together);
    text running across a gutter without a gap ('合计：290146', '预约挂号') stays whole."""
    pieces: list[list[dict]] = [[]]
    last: dict | None = None
    spaced = False  # a printed space since the last glyph: '2022 年总' is one run of text
    for char in segment.chars:
        if char["text"].isspace():
            spaced = True
        elif last is not None:
            gap = char["x0"] - last["x1"]
            size = max(char.get("size", SETTINGS.default_size), SETTINGS.min_size)
            if not spaced and gap > SETTINGS.split_gap * size and any(
                    last["x1"] < b and a < char["x0"] for a, b in gutters):
                pieces.append([])
        pieces[-1].append(char)
        if not char["text"].isspace():
            last, spaced = char, False
    return [Segment(p) for p in pieces if any(not c["text"].isspace() for c in p)]


def make_cell(span: tuple[int, ...], parts: list[Segment], columns) -> Cell:
    """A cell as wide as its columns and as tall as its text."""
    top = min(s.top for s in parts)
    bottom = max(s.bottom for s in parts)
    return Cell((columns[span[0]][0], top, columns[span[-1]][1], bottom), _cell_text(parts))


def clustered(parts: list[Segment]) -> list[list[Segment]]:
    """Segments stacked over each other (a header wrapped onto two lines) are one cell."""
    out: list[list[Segment]] = []
    for s in sorted(parts, key=lambda s: s.x0):
        if out and s.x0 <= max(p.x1 for p in out[-1]):
            out[-1].append(s)
        else:
            out.append([s])
    return out


def _keeps_apart(columns: Columns, body: list[list[Segment]]) -> bool:
    """No two runs of text of one body row fall in one column (a total's label aside)."""
    for row in body:
        if is_total_row(row):
            continue
        spans = [span_of(s, columns.bounds) for s in row]
        if len(spans) != len(set(spans)):
            return False
    return True


def _same_header(a, b) -> bool:
    """The same header texts at the same places (within a couple of points)."""
    return len(a) == len(b) and all(ta == tb and abs(xa - xb) <= SETTINGS.same_header_x for (xa, ta), (xb, tb) in zip(a, b))


class Layouts:
    """Column layouts of unruled tables, by header, learnt from every page before any grid is
    built: a table continued under its repeated header keeps its columns, and the page holding
    most of its rows shows them best (a page with one or two rows cannot show its gutters)."""

    def __init__(self) -> None:
        self.known: list[tuple[list, Columns, int]] = []
        self.short: dict[int, list] = {}  # the body rows of a layout learnt from short pages only, by index

    def find(self, table: UnruledTable) -> Columns | None:
        """The layout learnt for this table's header. A table with too few rows to show its own
        gutters (the rest of a table under its repeated header) whose header was set otherwise
        than elsewhere (a group label merged with a sub-column, a cell wrapped differently) takes
        the layout of a table as wide whose header has the same characters, that showed more
        rows and that keeps this page's cells apart (two tables may share their header's words:
        the districts' and the hospitals' platform tables)."""
        signature, extent = table.signature, (table.region[0].x0, table.region[0].x1)
        found, shown = next(((cols, seen) for known, cols, seen in self.known if _same_header(known, signature)),
                            (None, table.figure_rows))
        if shown >= SETTINGS.rows_to_show_columns:
            return found
        letters = Counter("".join(text for _, text in signature))
        return next((cols for known, cols, seen in self.known
                     if seen > shown and Counter("".join(text for _, text in known)) == letters
                     and abs(cols.bounds[0][0] - extent[0]) <= SETTINGS.rule_same_extent
                     and abs(cols.bounds[-1][1] - extent[1]) <= SETTINGS.rule_same_extent
                     and _keeps_apart(cols, table.body_rows)), found)

    def learn(self, table: UnruledTable) -> None:
        signature, rows = table.signature, table.figure_rows
        if not signature:
            return
        few = SETTINGS.rows_to_show_columns
        for i, (known, _, seen) in enumerate(self.known):
            if _same_header(known, signature):
                if i in self.short and rows < few:
                    # pages each too short to show the gutters show them together (a table
                    # continued over two short pages: a cut row's rest in a column its page
                    # leaves otherwise empty)
                    self.short[i] += table.body_rows
                    columns = columns_of(self.short[i], table.header_rows, table.region[0].x0, table.region[0].x1)
                    self.known[i] = (known, columns, seen + rows)
                elif rows > seen:
                    self.short.pop(i, None)
                    self.known[i] = (known, table.own_columns(), rows)
                return
        if rows < few:
            self.short[len(self.known)] = list(table.body_rows)
        self.known.append((signature, table.own_columns(), rows))
