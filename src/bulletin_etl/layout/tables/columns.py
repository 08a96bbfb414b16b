"""Columns of an unruled table from the text's gutters, the cells its text makes in them, and the
column layouts learnt across pages (a table continued under its repeated header keeps its columns)."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...text import fold_width, is_cjk, join_wrapped
from .. import intervals as iv
from ..intervals import Span
from ..lines import glyph_size, group_rows, row_text
from ..page_columns import hangs_past_edge
from ..settings import LayoutSettings
from .model import Cell
from .segments import Segment, is_total_row

if TYPE_CHECKING:
    from . import UnruledTable


@dataclass
class Columns:
    """Column extents (edge to edge), the gutters between them, and where their text lies."""

    bounds: list[tuple[float, float]]
    gutters: list[tuple[float, float]]
    text: list[tuple[float, float]]


def _spanning_total(row: list[Segment]) -> bool:
    """A total printed with its figure in one run across the table ('合计：290146')."""
    return is_total_row(row) and any(ch.isdigit() for ch in row[0].text)


def columns_of(body: list[list[Segment]], header: list[list[Segment]], x0: float, x1: float,
               settings: LayoutSettings) -> Columns:
    """Column extents from the gutters that no body text crosses (`_gutter_runs`), parted where
    two header cells stand over one run (`_split_under_headers`) and widened by the header cells
    that stand over no run (`_place_header_cells`); the edges lie midway between the runs."""
    header_segments = [s for row in header for s in row]
    chars, runs, size = _gutter_runs(body, settings)
    runs = _split_under_headers(runs, chars, header_segments, settings)
    runs = _place_header_cells(runs, clustered(_header_cells(header_segments, size, settings), settings.touch_pt),
                               settings)
    return _columns_between(sorted(runs), x0, x1)


def _text_size(chars: list[dict], settings: LayoutSettings) -> float:
    """The median font size of the printed (not blank) characters."""
    visible = [c for c in chars if not c["text"].isspace()]
    default = settings.default_size_pt
    return statistics.median(c.get("size", default) for c in visible) if visible else default


def _figures_of(row: list[Segment]) -> list[Segment]:
    """A total's label ('合 计') is centred across the merged 序号 and name cells: only its
    figures say where columns are."""
    return row[1:] if is_total_row(row) else row


def _gutter_runs(body: list[list[Segment]], settings: LayoutSettings) -> tuple[list[dict], list[Span], float]:
    """The body characters that show the columns, the runs they cover between gutters, and their
    size. A total row's figures count (on a continued page its 合计 may be the only row with
    figures), unless leaving them out parts more columns: its figures are the widest, nearly
    touching in tight columns ('0 197655 456965'). A total printed in one run across the table
    ('合计：290146') never counts."""
    with_totals = [c for row in body if not _spanning_total(row) for s in _figures_of(row) for c in _inked(s)]
    without = [c for row in body if not is_total_row(row) for s in row for c in _inked(s)]
    # Character by character (printed spaces included: '南京卫生 12320 微信' is one cell), so
    # that a narrow 序号 column set close to the names still shows its gutter. A continued page
    # holding only the header and a '合计：N' line has no figures in columns: its header cells
    # are the columns then.
    size = _text_size(with_totals, settings)
    chars, runs = with_totals, _covered(with_totals, settings.gutter_min_em * size)
    if without:
        parted = _covered(without, settings.gutter_min_em * size)
        if len(parted) > len(runs):
            chars, runs = without, parted
    return chars, runs, size


def _inked(segment: Segment) -> list[dict]:
    """A segment's characters less the printed spaces hanging after its last glyph
    (`is_hanging_tail`)."""
    last = segment.x1
    return [c for c in segment.chars if not is_hanging_tail(c, last)]


def is_hanging_tail(char: dict, last_glyph_x1: float) -> bool:
    """A printed space after the last glyph of its run of text: a browser leaves the spaces of a
    line wrapped there ('合  ' over '计', a total's label set one character a line) reaching to its
    cell's edge, and so across the gutter into the next column's text, yet they print nothing.
    Spaces between glyphs stay: they join one cell's words ('南京卫生 12320 微信')."""
    return char["text"].isspace() and char["x0"] >= last_glyph_x1


def _columns_between(runs: list[Span], x0: float, x1: float) -> Columns:
    """Columns from `x0` to `x1` around the runs in order, each edge midway across a gutter."""
    pairs = list(zip(runs, runs[1:]))
    edges = [x0] + [(a[1] + b[0]) / 2 for a, b in pairs] + [x1]
    return Columns(list(zip(edges, edges[1:])), [(a[1], b[0]) for a, b in pairs], list(runs))


def _covered(chars: list[dict], tolerance: float) -> list[Span]:
    """The extents the characters cover, gaps narrower than `tolerance` bridged."""
    return iv.merged(((c["x0"], c["x1"]) for c in chars), slack=tolerance)


def _place_header_cells(runs: list[Span], cells: list[list[Segment]], settings: LayoutSettings) -> list[Span]:
    """A header cell is its stacked lines together ('2026 年报告数' over a centred '量' that
    stands in the gutter beside right-aligned figures). A centred header over one-digit figures
    may not overlap them: it joins the neighbouring column that has no header of its own; only a
    header with no such neighbour is a column of its own (blank body). A cell set at its start
    over one run (`set_at_column_start`) takes the run back to where it starts."""
    runs = list(runs)
    headed = [any(_stands_over(cell, run) for cell in cells) for run in runs]
    for cell in cells:
        over = [i for i, run in enumerate(runs) if _stands_over(cell, run)]
        if len(over) == 1 and set_at_column_start(cell, runs, settings):
            runs[over[0]] = (min(runs[over[0]][0], _extent(cell)[0]), runs[over[0]][1])
        if over:
            continue
        extent = _extent(cell)
        open_sides = _unheaded_neighbours(cell, runs, headed, cells)
        if open_sides:
            i = min(open_sides, key=lambda i: _distance(extent, runs[i]))
            runs[i] = (min(runs[i][0], extent[0]), max(runs[i][1], extent[1]))
            headed[i] = True
        else:
            runs.append(extent)
            headed.append(True)
    return runs


def set_at_column_start(cell: list[Segment], runs: list[Span], settings: LayoutSettings) -> bool:
    """Lines of a header cell starting together (within `start_aligned_lines_pt`), one of them
    standing over no run: set at their cell's start, left of right-aligned figures — WeasyPrint
    sets a th at its start, and a group title started over its first sub-column's label
    ('门急诊信息' over '人次', 7 pt past the figures on its left, 11 pt before its own) clusters
    with it. Midway between the runs, the column's edge would leave the label's middle in the
    column on its left (weasyprint 790067); a centred stack ('2026 年报告数' over '量') starts
    nowhere together."""
    starts = [s.x0 for s in cell]
    together = len(cell) > 1 and max(starts) - min(starts) <= settings.start_aligned_lines_pt
    return together and any(not any(_stands_over([line], run) for run in runs) for line in cell)


def _extent(cell: list[Segment]) -> Span:
    return min(s.x0 for s in cell), max(s.x1 for s in cell)


def _distance(a: Span, b: Span) -> float:
    """How far apart two spans' nearer ends stand."""
    return min(abs(b[0] - a[1]), abs(a[0] - b[1]))


def _stands_over(cell: list[Segment], run: Span) -> bool:
    """Some line of a header cell overlaps the run or touches it."""
    return any(iv.meets((s.x0, s.x1), run) for s in cell)


def _neighbours(extent: Span, runs: list[Span]) -> tuple[int | None, int | None]:
    """The nearest run wholly left of `extent` and the nearest wholly right of it (in the
    order the runs are listed: a cell placed as a column of its own comes last)."""
    left = max((i for i, run in enumerate(runs) if run[1] <= extent[0]), default=None)
    right = min((i for i, run in enumerate(runs) if run[0] >= extent[1]), default=None)
    return left, right


def _unheaded_neighbours(cell: list[Segment], runs: list[Span], headed: list[bool],
                         cells: list[list[Segment]]) -> list[int]:
    """The neighbouring runs of a header cell that stands over none that have no header down to
    the cell's line: no header at all, or only a band standing wholly above it."""
    top = min(s.top for s in cell)
    return [i for i in _neighbours(_extent(cell), runs)
            if i is not None and not (headed[i] and _headed_down_to(runs[i], top, cells))]


def _headed_down_to(run: Span, top: float, cells: list[list[Segment]]) -> bool:
    """A column's own header reaches down to the line at `top`: a band over several columns
    standing wholly above it ('预约方式', centred over five; '门急诊信息' stacked over its
    sub-column's leaf next door) heads none of them alone."""
    return any(_stands_over([part], run) and part.bottom > top for cell in cells for part in cell)


def _split_under_headers(runs: list[Span], chars: list[dict], header: list[Segment],
                         settings: LayoutSettings) -> list[Span]:
    """Columns set so tight that a figure of one nearly touches the next one's ('195463 286381'
    closer than a printed space) read as one from the body alone; their headers stand apart.
    Where two header cells stand over one such run, and a gap that no character crosses lies
    between them in every row, the run is two columns."""
    size = _text_size(chars, settings)
    return [piece for run in runs for piece in _split_run(run, chars, header, size, settings)]


def _split_run(run: Span, chars: list[dict], header: list[Segment], size: float, settings: LayoutSettings) -> list[Span]:
    """One run of body text, cut at the first gap between two neighbouring header cells over it
    that parts the lines under it into two columns (`_parts_two_columns`)."""
    heads = _heads_over(run, header, size, settings)
    if len(heads) < 2:
        return [run]
    under = [c for c in chars if _centred_in(c, run)]
    gaps = iv.free(_ink_spans(group_rows(under, settings), settings), at_least=settings.tight_gutter_em * size)
    lines = group_rows([c for c in under if not c["text"].isspace()], settings)
    pieces = [run]
    for left, right in zip(heads, heads[1:]):
        gap = _gap_between(left, right, [g for g in gaps if _parts_two_columns(g, lines)])
        if gap is not None:
            last = pieces.pop()
            pieces += [(last[0], gap[0]), (gap[1], last[1])]
    return pieces


def _ink_spans(lines: list[list[dict]], settings: LayoutSettings) -> Iterator[Span]:
    """Where each line's glyphs print: a mark ending its text (`ends_on_blank_half`) only over its
    box's inked part (`closing_mark_ink_share`)."""
    for line in lines:
        ordered = sorted(line, key=lambda c: c["x0"])
        for char, following in zip(ordered, [*ordered[1:], None]):
            share = settings.closing_mark_ink_share if ends_on_blank_half(char, following, settings) else 1.0
            yield char["x0"], char["x0"] + share * (char["x1"] - char["x0"])


FULL_WIDTH_POINTS = frozenset("．")
"""A figure's point printed full-width ('２，１４９，３７０．' wrapped after it): inked at its box's
left, as a closing mark is."""


def ends_on_blank_half(char: dict, following: dict | None, settings: LayoutSettings) -> bool:
    """A Chinese closing mark or a full-width point (`FULL_WIDTH_POINTS`) ending its text: the last
    glyph of its line, or set apart from the next (its box ending more than `touch_pt` before it).
    Typst trims the blank right half of such a mark at a line's end, so its box reaches half an em
    past the column's edge, to 0.9 pt from the next column's widest figure ('２，１４９，３７０．'
    wrapped in a tight revenue column beside '124,571', typst 790115); a mark inside a figure
    ('２，１４９') abuts the next glyph and counts whole."""
    if not (hangs_past_edge(char) or char["text"] in FULL_WIDTH_POINTS):
        return False
    return following is None or following["x0"] - char["x1"] > settings.touch_pt


def _centred_in(char: dict, run: Span) -> bool:
    middle = (char["x0"] + char["x1"]) / 2
    return iv.covers(run, (middle, middle))


def _heads_over(run: Span, header: list[Segment], size: float, settings: LayoutSettings) -> list[Span]:
    """The header cells over the run, each one's stacked lines as one, in order. A group cell
    centred over two of the run's leaf cells ('业务数据' over '收入（千元）' and '人次') would join
    them into one: only the cells under no other over the run count."""
    inside = [part for h in header for part in _header_parts_in(run, h, size, settings)]
    return iv.merged(part[:2] for part in inside if not _over_two(part, inside))


def _header_parts_in(run: Span, segment: Segment, size: float,
                     settings: LayoutSettings) -> list[tuple[float, float, float]]:
    """The extent and top of each cell of a header segment over the run that heads part of it.
    A header line set as tight as its figures reads as one segment across several columns:
    only its characters over this run count. Header cells set as tight as their columns
    ('诊间预约第三方') still leave a gap between them; text of one cell sits closer."""
    over = [c for c in segment.chars if _centred_in(c, run)]
    parts = [(min(c["x0"] for c in p), max(c["x1"] for c in p), min(c["top"] for c in p))
             for p in _parts(over, settings.tight_gutter_em * size)]
    return [p for p in parts if not _heads_whole_run(p[:2], run, settings)]


def _heads_whole_run(part: Span, run: Span, settings: LayoutSettings) -> bool:
    """A header part reaching over the whole run heads all of it; a part over one side is a
    column's own cell, however wide: a narrow column's centred header ('第三方') is nearly as
    wide as its figures, which abut the next column's."""
    return iv.covers(part, run, slack=settings.run_cover_pt)


def _gap_between(left: Span, right: Span, gaps: list[Span]) -> Span | None:
    """The first gap whose middle lies between the middles of two header cells."""
    lo, hi = (left[0] + left[1]) / 2, (right[0] + right[1]) / 2
    return next((g for g in gaps if lo < (g[0] + g[1]) / 2 < hi), None)


def _parts_two_columns(gap: Span, lines: list[list[dict]]) -> bool:
    """A gap with text on both sides in most lines (`_text_on_both_sides`) that is not a figure's
    autospace before its unit (`_parts_figures_from_units`). Between two heads over columns set
    tight (Typst's 1.7 pt padding) the gap before each figure's '万' may come first: the
    columns' gap is the next one ('31.7778 万' | '１４７１９５２')."""
    return _text_on_both_sides(gap, lines) and not _parts_figures_from_units(gap, lines)


UNIT_MARKS = frozenset("万亿%％")
"""What a cell may print right after its figure ('38682.77万', '45%')."""


def _parts_figures_from_units(gap: Span, lines: list[list[dict]]) -> bool:
    """A gap between each line's figure and its unit: LibreOffice sets autospace between Latin and
    Chinese text, so a column printing '119.783万' holds a gap down its length before its 万."""
    for line in lines:
        left = [c for c in line if c["x1"] <= gap[0]]
        right = [c for c in line if c["x0"] >= gap[1]]
        if left and right and not _figure_then_unit(max(left, key=lambda c: c["x1"]), min(right, key=lambda c: c["x0"])):
            return False
    return True


def _figure_then_unit(last: dict, first: dict) -> bool:
    return fold_width(last["text"][-1:]).isdigit() and first["text"][:1] in UNIT_MARKS


def _text_on_both_sides(gap: Span, lines: list[list[dict]]) -> bool:
    """Two columns: most lines with text on the sparser side of the gap hold text on both sides
    ('/' centred in a column of right-aligned figures leaves a gap no line has text on both
    sides of; a remarks column holds text in a few rows only)."""
    left = [any(c["x1"] <= gap[0] for c in line) for line in lines]
    right = [any(c["x0"] >= gap[1] for c in line) for line in lines]
    both = sum(a and b for a, b in zip(left, right))
    return both > 0 and 2 * both >= min(sum(left), sum(right))


def _over_two(cell: tuple[float, float, float], cells: list[tuple[float, float, float]]) -> bool:
    """Whether `cell` stands over two cells below it that stand apart (a group header)."""
    under = sorted((x0, x1) for x0, x1, top in cells if top > cell[2] and x0 < cell[1] and cell[0] < x1)
    return any(iv.gap(a, b) > 0 for a, b in zip(under, under[1:]))


def _parts(chars: list[dict], gap: float) -> list[list[dict]]:
    """The visible characters of one line in runs parted by gaps of at least `gap` beyond twice
    the run's usual spacing, with no printed space in them and not where Chinese meets Latin
    text: header cells set edge to edge ('电子健康证数备注'), while '2030 年总量', '2028年' set
    with autospace and a letter-spaced '单 位 名 称' stay one."""
    ordered = sorted(chars, key=lambda c: c["x0"])
    gap += 2 * _usual_spacing([c for c in ordered if not c["text"].isspace()])
    parts: list[list[dict]] = []
    spaced = False
    for char in ordered:
        if char["text"].isspace():
            spaced = True
            continue
        if parts and _same_part(parts[-1][-1], char, spaced, gap):
            parts[-1].append(char)
        else:
            parts.append([char])
        spaced = False
    return parts


def _usual_spacing(visible: list[dict]) -> float:
    """The lower median gap between neighbouring glyphs (0 when they overlap or there is one)."""
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(visible, visible[1:]))
    return max(gaps[(len(gaps) - 1) // 2], 0.0) if gaps else 0.0


def _same_part(previous: dict, char: dict, spaced: bool, gap: float) -> bool:
    """A glyph stays in the part of the one before it across a printed space, where Chinese meets
    Latin text, or across a gap narrower than `gap`."""
    return spaced or _autospaced(previous, char) or char["x0"] - previous["x1"] < gap


def _autospaced(previous: dict, char: dict) -> bool:
    """Producers set a gap between Chinese and Latin text of one cell ('2028 年', autospace)."""
    return is_cjk(char["text"][:1]) != is_cjk(previous["text"][-1:])


def _header_cells(header: list[Segment], size: float, settings: LayoutSettings) -> list[Segment]:
    """Header segments parted where cells set edge to edge leave a gap between them."""
    return [Segment(part, settings) for s in header for part in _parts(s.chars, settings.tight_gutter_em * size)]


def _column_of(x: float, columns: list[tuple[float, float]]) -> int:
    return next((i for i, (a, b) in enumerate(columns) if x <= b), len(columns) - 1)


def span_of(segment: Segment, columns: list[tuple[float, float]], settings: LayoutSettings) -> tuple[int, ...]:
    """The columns whose middles the text covers ('合计：290146' across the table), else the
    column holding the text's own middle: a centred header such as '累计总量' may reach past the
    gutter of right-aligned figures without belonging to the next column."""
    extent = (segment.x0, segment.x1)
    margin = settings.span_margin_pt
    covered = [i for i, (a, b) in enumerate(columns) if iv.covers(extent, ((a + b) / 2, (a + b) / 2), margin)]
    if covered:
        return tuple(range(min(covered), max(covered) + 1))
    return (_column_of(segment.centre, columns),)


def _cell_text(parts: list[Segment], settings: LayoutSettings) -> str:
    chars = [c for s in parts for c in s.chars]
    return join_wrapped([row_text(r, settings) for r in group_rows(chars, settings)])


def split_at_gutters(segment: Segment, gutters: list[tuple[float, float]], settings: LayoutSettings,
                     header: bool = False) -> list[Segment]:
    """Cut a run of text where a gap between two of its characters overlaps a gutter between
    columns ('1 南京市…' in a tight 序号 column; two centred header cells close together);
    text running across a gutter without a gap ('合计：290146', '预约挂号') stays whole, and so
    does a `header` label across an autospace gap ('2028 年总量', `is_autospace_gap`): a label
    wider than its column reaches over gutters, while a body row's figure and the remark beside
    it ('9340' '系统升级') may stand as close."""
    pieces: list[list[dict]] = [[]]
    last: dict | None = None
    spaced = False  # a printed space since the last glyph: '2022 年总' is one run of text
    autospacing = not sets_no_autospace(segment.chars, settings)
    for char in segment.chars:
        if char["text"].isspace():
            spaced = True
        elif last is not None and not spaced and _cuts_over_gutter(last, char, gutters, settings, header,
                                                                   autospacing):
            pieces.append([])
        pieces[-1].append(char)
        if not char["text"].isspace():
            last, spaced = char, False
    return [Segment(p, settings) for p in pieces if any(not c["text"].isspace() for c in p)]


def _cuts_over_gutter(left: dict, right: dict, gutters: list[tuple[float, float]], settings: LayoutSettings,
                      header: bool = False, autospacing: bool = True) -> bool:
    """A gap wider than `split_gap_em` between two glyphs over a gutter cuts, unless it is, in a
    header whose producer sets autospace (`autospacing`), the gap set where Chinese meets Latin
    text (`is_autospace_gap`). In a header the gap need only stand near a gutter
    (`header_gap_near_gutter`)."""
    gap = blank_between(left, right, settings)
    size = glyph_size(right, settings)
    if header and autospacing and is_autospace_gap(left, right, size, settings):
        return False
    reach = settings.header_gutter_reach_em * size if header else 0.0
    if mark_blank_fills_gutter(left, right, gutters, settings):
        return True
    return gap > settings.split_gap_em * size and any(
        header_gap_near_gutter((left["x1"], right["x0"]), gutter, reach) for gutter in gutters)


def blank_between(left: dict, right: dict, settings: LayoutSettings) -> float:
    """The blank between two glyphs on paper. A Chinese closing mark's ink fills only the left
    part of its box (`closing_mark_ink_share`): one set apart from the next glyph (their boxes
    more than `touch_pt` apart, `set_apart_after_mark`) leaves its box's blank part to the gap —
    a label overflowing its tight cell ('收入（千元）' 1 pt before '人次', Typst) stands 5 pt from
    the next. A mark abutting the next glyph is inside one run of text: its box counts whole."""
    if set_apart_after_mark(left, right, settings):
        return right["x0"] - (left["x0"] + settings.closing_mark_ink_share * (left["x1"] - left["x0"]))
    return right["x0"] - left["x1"]


def set_apart_after_mark(left: dict, right: dict, settings: LayoutSettings) -> bool:
    """A Chinese closing mark (`hangs_past_edge`) whose box ends more than `touch_pt` before the
    next glyph's: the two are not set edge to edge in one run of text."""
    return hangs_past_edge(left) and right["x0"] - left["x1"] > settings.touch_pt


def mark_blank_fills_gutter(left: dict, right: dict, gutters: list[tuple[float, float]],
                            settings: LayoutSettings) -> bool:
    """A Chinese closing mark abutting the next glyph (not `set_apart_after_mark`) whose box's
    blank part, wider than `split_gap_em`, holds a whole gutter (give or take `touch_pt`): the
    mark's ink ends where the gutter begins and the next glyph starts where it ends, so no ink
    of the run stands over the gutter — a label overflowing its tight cell by just the mark's
    blank half, edge to edge with the next label ('收入（千元）' '人 次', Typst). A label
    reaching over a gutter, its mark inked within it, stays one run of text."""
    if not hangs_past_edge(left) or set_apart_after_mark(left, right, settings):
        return False
    blank = (left["x0"] + settings.closing_mark_ink_share * (left["x1"] - left["x0"]), right["x0"])
    wide = blank[1] - blank[0] > settings.split_gap_em * glyph_size(right, settings)
    return wide and any(iv.covers(blank, gutter, settings.touch_pt) for gutter in gutters)


def header_gap_near_gutter(gap: tuple[float, float], gutter: tuple[float, float], reach: float) -> bool:
    """A gap between two glyphs over a gutter, or within `reach` of one: two header labels each
    wider than the figures under it reach past their gutter, and the gap between them may stand
    over the neighbour's figures ('收入（千元）' ending past the gutter, '人 次' 0.4 em on)."""
    return gap[0] < gutter[1] + reach and gutter[0] - reach < gap[1]


def sets_no_autospace(chars: list[dict], settings: LayoutSettings) -> bool:
    """A run of text that sets a change between Chinese and Latin text otherwise than by autospace:
    touching (`autospace_min_em`, '2019年') or across a printed space ('2028 年'). Its producer
    sets no autospace (WeasyPrint, Chromium) or its author typed the spaces, so a bare gap of a
    quarter em where the script changes elsewhere in the run is no autospace but the gap between
    two header labels ('2019年报告数量' and '2019年数据条数', 3.0 pt apart over the gutter of their
    figures). A printed space tells only where the run shows no autospace of its own
    (`autospaces_into_chinese`): Typst prints a typed '2023 年总量' beside the '2023年总量' it
    autospaces, in one run of labels."""
    changes = list(_script_changes(chars))
    if any(script_change_without_autospace(left, right, False, settings) for left, right, _ in changes):
        return True
    typed = any(spaced for _, _, spaced in changes)
    return typed and not any(autospaces_into_chinese(left, right, spaced, settings) for left, right, spaced in changes)


def _script_changes(chars: list[dict]) -> Iterator[tuple[dict, dict, bool]]:
    """Each pair of glyphs where Chinese meets Latin text, and whether a printed space stands between."""
    last: dict | None = None
    spaced = False
    for char in chars:
        if char["text"].isspace():
            spaced = True
            continue
        if last is not None and _autospaced(last, char):
            yield last, char, spaced
        last, spaced = char, False


def autospaces_into_chinese(left: dict, right: dict, spaced: bool, settings: LayoutSettings) -> bool:
    """Latin text running into Chinese across a bare gap of autospace width ('2023' | '年总量', a
    quarter em, no printed space): the producer's autospace inside one label, for a label seldom
    ends in Latin text with the next one opening in Chinese."""
    size = glyph_size(right, settings)
    autospace = (settings.autospace_min_em * size, settings.autospace_max_em * size)
    return not spaced and is_cjk(right["text"][:1]) and iv.contains(autospace, right["x0"] - left["x1"])


def script_change_without_autospace(left: dict, right: dict, spaced: bool, settings: LayoutSettings) -> bool:
    """Chinese meeting Latin text across a printed space (`spaced`) or touching it
    (`autospace_min_em`): set otherwise than by autospace."""
    touching = right["x0"] - left["x1"] < settings.autospace_min_em * glyph_size(right, settings)
    return _autospaced(left, right) and (spaced or touching)


def is_autospace_gap(left: dict, right: dict, size: float, settings: LayoutSettings) -> bool:
    """Typst (and Word's autospace) set a quarter em, no printed space, between Latin and Chinese
    text of one cell ('2028 年总量'): a gap that narrow where the script changes is inside the cell,
    even over a gutter of the figures under it."""
    return _autospaced(left, right) and right["x0"] - left["x1"] <= settings.autospace_max_em * size


def make_cell(span: tuple[int, ...], parts: list[Segment], columns, settings: LayoutSettings) -> Cell:
    """A cell as wide as its columns and as tall as its text."""
    top = min(s.top for s in parts)
    bottom = max(s.bottom for s in parts)
    return Cell((columns[span[0]][0], top, columns[span[-1]][1], bottom), _cell_text(parts, settings))


def clustered(parts: list[Segment], touch: float = 0.0) -> list[list[Segment]]:
    """Segments stacked over each other (a header wrapped onto two lines) are one cell; two
    sharing at most `touch` of their extents only touch, side by side: a label overflowing its
    tight cell by its closing mark's blank part up to the next column's label set lower ('住院收入
    （千元）' ending 0.1 pt past the start of '备注', centred down the header beside it: Typst 790111)."""
    return iv.overlapping_groups(parts, lambda s: (s.x0, s.x1), -touch)


def _keeps_apart(columns: Columns, body: list[list[Segment]], settings: LayoutSettings) -> bool:
    """No two runs of text of one body row fall in one column (a total's label aside)."""
    for row in body:
        if is_total_row(row):
            continue
        spans = [span_of(s, columns.bounds, settings) for s in row]
        if len(spans) != len(set(spans)):
            return False
    return True


def _same_header_layout(a: list[tuple[float, str]], b: list[tuple[float, str]], settings: LayoutSettings) -> bool:
    """Two header signatures hold the same header texts at the same places (within a couple of
    points)."""
    near = settings.same_header_x_pt
    return len(a) == len(b) and all(ta == tb and abs(xa - xb) <= near for (xa, ta), (xb, tb) in zip(a, b))


def _header_letters(signature: list[tuple[float, str]]) -> Counter:
    """The characters of a header signature's texts, however they were cut into cells."""
    return Counter("".join(text for _, text in signature))


def texts_in_place(known: list[tuple[float, str]], signature: list[tuple[float, str]],
                   settings: LayoutSettings) -> int:
    """How many of a header's texts a learnt header holds at the same place (within
    `same_header_x_pt`): two tables as wide may share their header's words yet not their columns
    (the districts' and the hospitals' platform tables, the hospitals' names the wider), and a
    table's header printed alone at a page's foot is the header of the one set where it stands."""
    near = settings.same_header_x_pt
    return sum(any(tk == text and abs(xk - x) <= near for xk, tk in known) for x, text in signature)


def _placed_likest(layouts: list[tuple[list[tuple[float, str]], Columns]], signature: list[tuple[float, str]],
                   settings: LayoutSettings) -> Columns | None:
    """Of the layouts learnt under headers, the one holding most of this header's texts in place
    (`texts_in_place`); the one learnt first of those as good."""
    best = max(layouts, key=lambda layout: texts_in_place(layout[0], signature, settings), default=None)
    return best[1] if best else None


def _same_extent(columns: Columns, extent: Span, settings: LayoutSettings) -> bool:
    """A layout spans the table's width: both outer edges within a producer's rounding."""
    same = settings.rule_same_extent_pt
    return abs(columns.bounds[0][0] - extent[0]) <= same and abs(columns.bounds[-1][1] - extent[1]) <= same


def _fits_short_table(columns: Columns, known: list[tuple[float, str]], table: UnruledTable,
                      settings: LayoutSettings) -> bool:
    """A layout learnt under a header with the same characters fits a table too short to show
    its own gutters: as wide, and keeping its body's cells apart."""
    extent = (table.region[0].x0, table.region[0].x1)
    return (_header_letters(known) == _header_letters(table.signature) and _same_extent(columns, extent, settings)
            and _keeps_apart(columns, table.body_rows, settings))


def moved_to(columns: Columns, x0: float) -> Columns:
    """The layout moved along the line so that its left edge stands at `x0`, every extent kept."""
    dx = x0 - columns.bounds[0][0]

    def move(spans: list[Span]) -> list[Span]:
        return [(a + dx, b + dx) for a, b in spans]
    return Columns(move(columns.bounds), move(columns.gutters), move(columns.text))


def fits_recentred_table(columns: Columns, known: list[tuple[float, str]], table: UnruledTable,
                         settings: LayoutSettings) -> bool:
    """A layout learnt where the table stood elsewhere fits a table too short to show its own
    gutters once moved to its left edge: a table centred on a page of another shape (a landscape
    page's table continued on a portrait page, WeasyPrint 790091) stands further left or right,
    as wide, under the same header."""
    return _fits_short_table(moved_to(columns, table.region[0].x0), known, table, settings)


class Layouts:
    """Column layouts of unruled tables, by header, learnt from every page before any grid is
    built: a table continued under its repeated header keeps its columns, and the page holding
    most of its rows shows them best (a page with one or two rows cannot show its gutters). They
    are learnt with the document's settings."""

    def __init__(self, settings: LayoutSettings) -> None:
        self.settings = settings
        self.known: list[tuple[list, Columns, int]] = []
        self.short: dict[int, list] = {}  # the body rows of a layout learnt from short pages only, by index

    def find(self, table: UnruledTable) -> Columns | None:
        """The layout learnt for this table's header. A table with too few rows to show its own
        gutters (the rest of a table under its repeated header) whose header was set otherwise
        than elsewhere (a group label merged with a sub-column, a cell wrapped differently) takes
        the layout of a table as wide whose header has the same characters, that showed more
        rows and that keeps this page's cells apart (two tables may share their header's words:
        the districts' and the hospitals' platform tables; of several, the one with the most header
        texts where this one's stand, `texts_in_place`) — one standing where it stands, else
        one re-centred on a page of another shape, moved to it (`fits_recentred_table`)."""
        signature = table.signature
        settings = self.settings
        found, shown = next(((cols, seen) for known, cols, seen in self.known
                             if _same_header_layout(known, signature, settings)), (None, table.figure_rows))
        if shown >= settings.gutter_row_count:
            return found
        fuller = [(known, cols) for known, cols, seen in self.known if seen > shown]
        in_place = _placed_likest([(known, cols) for known, cols in fuller
                                   if _fits_short_table(cols, known, table, settings)], signature, settings)
        recentred = (moved_to(cols, table.region[0].x0) for known, cols in fuller
                     if fits_recentred_table(cols, known, table, settings))
        return in_place or next(recentred, found)

    def learn(self, table: UnruledTable) -> None:
        signature, rows = table.signature, table.figure_rows
        if not signature:
            return
        few = self.settings.gutter_row_count
        for i, (known, _, seen) in enumerate(self.known):
            if _same_header_layout(known, signature, self.settings):
                if i in self.short and rows < few:
                    # pages each too short to show the gutters show them together (a table
                    # continued over two short pages: a cut row's rest in a column its page
                    # leaves otherwise empty)
                    self.short[i] += table.body_rows
                    columns = columns_of(self.short[i], table.header_rows, table.region[0].x0, table.region[0].x1,
                                         self.settings)
                    self.known[i] = (known, columns, seen + rows)
                elif rows > seen:
                    self.short.pop(i, None)
                    self.known[i] = (known, table.own_columns(), rows)
                return
        if rows < few:
            self.short[len(self.known)] = list(table.body_rows)
        self.known.append((signature, table.own_columns(), rows))
