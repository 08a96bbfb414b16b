"""Tables drawn without inner vertical rules: rows ruled but columns open, or the yearbook
三线表 (a rule above and below the header and under the last row, group headers with a short rule
beneath their sub-columns). Columns come from the text's gutters, rows from the rules (or from
the text lines when the body has none), header levels from the short rules inside the header.
The result is the same Grid the ruled tables give, so everything downstream is shared."""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass

from ..text import join_wrapped, looks_numeric, squash
from .lines import centre_inside, group_rows, row_text
from .tables import Cell, Grid
from .vocabulary import NOTE, SENTENCE_MARKS, TOTAL_WORDS, is_page_number, is_total_label, reads_as_title

TOTAL_FIRST_CHARS = {word[0] for word in TOTAL_WORDS}

RULE_Y_TOLERANCE = 1.5  # a thin filled rectangle gives two edges this close: one rule
RULE_SAME_EXTENT = 3.0  # rules whose ends are this close span one table
RULE_X_GAP = 2.0  # producers draw a rule cell by cell; touching pieces are one rule
SEGMENT_GAP = 0.6  # em: wider than a printed space, narrower than a column gutter
MIN_TITLE_CHARS = 8  # a table title names year, place and subject; a header cell ('咨询数据') is shorter
GUTTER_MIN = 0.35  # em: the narrowest gap between columns (a printed space is about 0.25–0.33)


@dataclass
class Rule:
    y: float
    x0: float
    x1: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0

    def covers(self, x: float) -> bool:
        return self.x0 - 1 <= x <= self.x1 + 1


@dataclass
class Segment:
    """A run of characters on one text line with no gap wider than a space."""

    chars: list[dict]  # printed spaces included, so the text keeps them

    @property
    def visible(self) -> list[dict]:
        return [c for c in self.chars if not c["text"].isspace()]

    @property
    def x0(self) -> float:
        return min(c["x0"] for c in self.visible)

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.visible)

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.visible)

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.visible)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def text(self) -> str:
        return row_text(self.chars)


def horizontal_rules(edges: list[dict]) -> list[Rule]:
    """Rules from horizontal edges: pieces drawn cell by cell that touch end to end are one rule,
    and the two edges of a thin filled rectangle are one. A shorter rule drawn within a longer
    one at the same height (a table's top rule touching the rule under a page header) stays a
    rule of its own."""
    pieces = sorted((e for e in edges if e.get("orientation") == "h"), key=lambda e: (e["top"], e["x0"]))
    bands: list[list[dict]] = []
    for edge in pieces:
        if bands and edge["top"] - bands[-1][0]["top"] <= RULE_Y_TOLERANCE:
            bands[-1].append(edge)
        else:
            bands.append([edge])
    rules = []
    for band in bands:
        y = band[0]["top"]
        runs: list[Rule] = []
        seen: list[tuple[float, float]] = []  # every piece taken, to know a piece drawn twice
        for edge in sorted(band, key=lambda e: (e["x0"], -e["x1"])):
            x0, x1 = edge["x0"], edge["x1"]
            if any(abs(a - x0) <= RULE_X_GAP and abs(b - x1) <= RULE_X_GAP for a, b in seen):
                continue  # the other edge of a thin rectangle, or a piece drawn again
            seen.append((x0, x1))
            # the run this piece continues: it starts within the run (or touching its end) and
            # reaches past it; of several, the one whose end it touches best
            continued = [r for r in runs if r.x0 - RULE_X_GAP <= x0 <= r.x1 + RULE_X_GAP and x1 > r.x1 + RULE_X_GAP]
            if continued:
                run = min(continued, key=lambda r: abs(x0 - r.x1))
                run.x1 = x1
            else:
                runs.append(Rule(y, x0, x1))
        rules.extend(runs)
    return rules


def segments(chars: list[dict]) -> list[list[Segment]]:
    """Text rows, each cut into segments at gaps wider than a space."""
    out = []
    for row in group_rows(chars):
        current: list[dict] = []
        cut: list[Segment] = []
        last: dict | None = None  # last visible char: printed spaces stay inside the segment
        for char in row:
            if char["text"].isspace():
                if current:
                    current.append(char)
                continue
            if last is not None and char["x0"] - last["x1"] > SEGMENT_GAP * max(char.get("size", 10.0), 1.0):
                cut.append(Segment(current))
                current = []
            current.append(char)
            last = char
        if current:
            cut.append(Segment(current))
        if cut:
            out.append(cut)
    return out


def _tabular(rows: list[list[Segment]], width: float) -> bool:
    """Text between two rules belongs to the table unless a line of it is one run of running
    text across much of the table's width (a note or a paragraph between two tables). A lone
    fragment of a wrapped name, carried over a page break, is narrow and stays in; header cells
    set so tight that no gap parts them ('2030年总量累计总量…') are no sentence and stay in too.
    A note ('注：…') is never table text, however narrow or spaced."""
    return not any((len(r) == 1 and r[0].x1 - r[0].x0 > 0.4 * width and _prose(r[0].text))
                   or NOTE.match(_row_text(r)) or is_page_number(_row_text(r)) for r in rows)


def _row_text(row: list[Segment]) -> str:
    return " ".join(s.text for s in row)


def _prose(text: str) -> bool:
    return bool(SENTENCE_MARKS & set(text)) or NOTE.match(text) is not None


def _heading_between(chars: list[dict], table_chars: list[dict] | None = None) -> bool:
    """A section title between two tables: a line on its own that reads like a title, or one set
    clearly larger than the table's text (or than the rest of the text when no table text is
    known yet). Captions may be set no larger than the table itself: the words decide then."""
    rows = segments(chars)
    # Header cells set edge to edge may read as one worded run ('…表单上传情况'); a header has
    # other rows of several cells beside it, a title stands alone (or over a remark).
    if all(len(row) == 1 for row in rows) and any(
            len(squash(row[0].text)) >= MIN_TITLE_CHARS and reads_as_title(row[0].text) for row in rows):
        return True
    sizes = sorted(c.get("size", 0.0) for c in chars if not c["text"].isspace())
    reference = sorted(c.get("size", 0.0) for c in table_chars or [] if not c["text"].isspace()) or sizes
    return bool(sizes) and sizes[-1] >= 1.25 * reference[len(reference) // 2]


def _same_extent(a: Rule, b: Rule) -> bool:
    return abs(a.x0 - b.x0) <= RULE_SAME_EXTENT and abs(a.x1 - b.x1) <= RULE_SAME_EXTENT


def _table_within(narrower: list[Rule], chars: list[dict]) -> bool:
    """Two rules of one narrower extent with figures between them: a table of its own."""
    for i, a in enumerate(narrower):
        b = next((r for r in narrower[i + 1:] if _same_extent(a, r)), None)
        if b is not None and _has_figure(segments([c for c in chars if centre_inside(c, (a.x0, a.y, a.x1, b.y))])):
            return True
    return False


def _trim(run: list[Rule], chars: list[dict]) -> list[Rule]:
    """A run's outer rules with nothing between them and the next are no part of its table (the
    rule under a page header, as wide as the table below it)."""
    def empty(a: Rule, b: Rule) -> bool:
        return not any(centre_inside(c, (a.x0, a.y, a.x1, b.y)) and not c["text"].isspace() for c in chars)

    while len(run) >= 2 and empty(run[0], run[1]):
        run = run[1:]
    while len(run) >= 2 and empty(run[-2], run[-1]):
        run = run[:-1]
    return run


def regions(rules: list[Rule], chars: list[dict], min_width: float) -> list[list[Rule]]:
    """Runs of long rules of the same extent with table-like text between them."""
    long = [r for r in rules if r.length >= min_width]
    groups: list[list[Rule]] = []
    for rule in long:
        group = next((g for g in groups if abs(g[0].x0 - rule.x0) <= RULE_SAME_EXTENT
                      and abs(g[0].x1 - rule.x1) <= RULE_SAME_EXTENT), None)
        if group is None:
            groups.append([rule])
        else:
            group.append(rule)
    out = []
    for group in groups:
        run = [group[0]]
        for rule in group[1:]:
            between = [c for c in chars if centre_inside(c, (run[-1].x0, run[-1].y, run[-1].x1, rule.y))]
            # A long rule reaching outside this table's width belongs to another table; one
            # inside it is the rule under a group header — unless rules of its extent come
            # again further down: a narrower table of its own stands between.
            inside = [r for r in long if run[-1].y < r.y < rule.y]
            other_table = any(r.x0 < rule.x0 - 3 or r.x1 > rule.x1 + 3 for r in inside) or _table_within(
                [r for r in inside if not _same_extent(r, rule)], chars)
            tabular = _tabular(segments(between), rule.length)
            table = [c for c in chars if centre_inside(c, (run[0].x0, run[0].y, run[0].x1, run[-1].y))]
            if tabular and not other_table and not _heading_between(between, table):
                run.append(rule)
            else:
                out.append(run)
                run = [rule]
        out.append(run)
    out = [_trim(run, chars) for run in out]
    runs = sorted((run for run in out if len(run) >= 2), key=lambda run: run[0].y - run[-1].y)
    kept: list[list[Rule]] = []
    for run in runs:  # tallest first: rules of group headers that touch end to end are not a table
        if not any(k[0].y - 1 <= run[0].y and run[-1].y <= k[-1].y + 1 for k in kept):
            kept.append(run)
    return sorted(kept, key=lambda run: run[0].y)


@dataclass
class Columns:
    """Column extents (edge to edge), the gutters between them, and where their text lies."""

    bounds: list[tuple[float, float]]
    gutters: list[tuple[float, float]]
    text: list[tuple[float, float]]


def _spanning_total(row: list[Segment]) -> bool:
    return _is_total(row) and any(ch.isdigit() for ch in row[0].text)


def _columns(body: list[list[Segment]], header: list[list[Segment]], x0: float, x1: float):
    """Column extents from the gutters that no body text crosses (a total printed in one run
    across the table, '合计：290146', is left out; a 合计 row with its figures in their columns
    is not — on a continued page it may be the only row with figures)."""
    # A total's label ('合 计') is centred across the merged 序号 and name cells: only its
    # figures say where columns are.
    chars = [c for row in body if not _spanning_total(row) for s in (row[1:] if _is_total(row) else row)
             for c in s.chars]
    # Character by character (printed spaces included: '南京卫生 12320 微信' is one cell), so
    # that a narrow 序号 column set close to the names still shows its gutter. A continued page
    # holding only the header and a '合计：N' line has no figures in columns: its header cells
    # are the columns then.
    visible = [c for c in chars if not c["text"].isspace()]
    tolerance = GUTTER_MIN * (statistics.median(c.get("size", 10.0) for c in visible) if visible else 10.0)
    covered: list[list[float]] = []
    for a, b in sorted((c["x0"], c["x1"]) for c in chars):
        if covered and a <= covered[-1][1] + tolerance:
            covered[-1][1] = max(covered[-1][1], b)
        else:
            covered.append([a, b])
    # A header cell is its stacked lines together ('2026 年报告数' over a centred '量' that
    # stands in the gutter beside right-aligned figures). A centred header over one-digit
    # figures may not overlap them: it joins the neighbouring column that has no header of
    # its own; only a header with no such neighbour is a column of its own (blank body).
    cells = _clusters([s for row in header for s in row])

    def over(cell: list[Segment], interval: list[float]) -> bool:
        return any(interval[0] <= s.x1 and s.x0 <= interval[1] for s in cell)

    headed = [any(over(cell, iv) for cell in cells) for iv in covered]
    for cell in cells:
        if any(over(cell, iv) for iv in covered):
            continue
        lo, hi = min(s.x0 for s in cell), max(s.x1 for s in cell)
        left = max((i for i, iv in enumerate(covered) if iv[1] <= lo), default=None)
        right = min((i for i, iv in enumerate(covered) if iv[0] >= hi), default=None)
        orphans = [i for i in (left, right) if i is not None and not headed[i]]
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


def _column_of(x: float, columns: list[tuple[float, float]]) -> int:
    return next((i for i, (a, b) in enumerate(columns) if x <= b), len(columns) - 1)


def _span(segment: Segment, columns: list[tuple[float, float]]) -> tuple[int, ...]:
    """The columns whose middles the text covers ('合计：290146' across the table), else the
    column holding the text's own middle: a centred header such as '累计总量' may reach past the
    gutter of right-aligned figures without belonging to the next column."""
    covered = [i for i, (a, b) in enumerate(columns) if segment.x0 - 1 <= (a + b) / 2 <= segment.x1 + 1]
    if covered:
        return tuple(range(min(covered), max(covered) + 1))
    return (_column_of(segment.centre, columns),)


def _cell_text(parts: list[Segment]) -> str:
    chars = [c for s in parts for c in s.chars]
    return join_wrapped([row_text(r) for r in group_rows(chars)])


def _split_at_gutters(segment: Segment, gutters: list[tuple[float, float]]) -> list[Segment]:
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
            if not spaced and gap > 0.15 * max(char.get("size", 10.0), 1.0) and any(
                    last["x1"] < b and a < char["x0"] for a, b in gutters):
                pieces.append([])
        pieces[-1].append(char)
        if not char["text"].isspace():
            last, spaced = char, False
    return [Segment(p) for p in pieces if any(not c["text"].isspace() for c in p)]


def _band_cells(rows: list[list[Segment]], columns, gutters) -> dict[tuple[int, ...], Cell]:
    parts: dict[tuple[int, ...], list[Segment]] = {}
    for row in rows:
        for s in row:
            parts.setdefault(_span(s, columns), []).append(s)
    return {span: _cell(span, ss, columns) for span, ss in parts.items()}


def _cell(span: tuple[int, ...], parts: list[Segment], columns) -> Cell:
    """A cell as wide as its columns and as tall as its text."""
    top = min(s.top for s in parts)
    bottom = max(s.bottom for s in parts)
    return Cell((columns[span[0]][0], top, columns[span[-1]][1], bottom), _cell_text(parts))


def _clusters(parts: list[Segment]) -> list[list[Segment]]:
    """Segments stacked over each other (a header wrapped onto two lines) are one cell."""
    out: list[list[Segment]] = []
    for s in sorted(parts, key=lambda s: s.x0):
        if out and s.x0 <= max(p.x1 for p in out[-1]):
            out[-1].append(s)
        else:
            out.append([s])
    return out


def _share_out(under: list[int], clusters: list[list[Segment]], heads: list[tuple[float, float]]) -> dict[int, list[int]]:
    """The columns under one rule shared among the group titles over it (neighbouring groups'
    rules touch and read as one): each title owns a run of columns, in order, and stands over
    the run's own headers — centred over them, or starting where they start, one alignment for
    all the titles; of all the ways to cut the columns into runs, the one that fits best. (A
    title's start alone misleads when columns differ in width: a centred title over a narrow
    column and a wide one starts past the narrow one.)"""
    if len(clusters) <= 1 or len(under) < len(clusters):
        return {0: list(under)}
    spans = [(min(p.x0 for p in cl), max(p.x1 for p in cl)) for cl in clusters]

    def misfit(k: int, run: list[int], centred: bool) -> float:
        (x0, x1), left, right = spans[k], heads[run[0]][0], heads[run[-1]][1]
        return abs((x0 + x1) / 2 - (left + right) / 2) if centred else abs(x0 - left)

    best: tuple[float, list[int]] | None = None
    for cuts in itertools.combinations(range(1, len(under)), len(clusters) - 1):
        bounds = [0, *cuts, len(under)]
        runs = [under[bounds[k]:bounds[k + 1]] for k in range(len(clusters))]
        score = min(sum(misfit(k, run, centred) for k, run in enumerate(runs)) for centred in (True, False))
        if best is None or score < best[0]:
            best = (score, list(cuts))
    bounds = [0, *best[1], len(under)]
    return {k: under[bounds[k]:bounds[k + 1]] for k in range(len(clusters))}


def _stacks(parts: list[Segment]) -> list[list[Segment]]:
    """Lines standing over each other: each one's middle within the other's extent."""
    stacks: list[list[Segment]] = []
    for s in sorted(parts, key=lambda s: (s.top, s.x0)):
        home = next((st for st in stacks if any(o.x0 <= s.centre <= o.x1 or s.x0 <= o.centre <= s.x1 for o in st)), None)
        if home is None:
            stacks.append([s])
        else:
            home.append(s)
    return stacks


def _header(rows: list[list[Segment]], inner: list[Rule], columns, text_extents) -> list[list[Cell | None]]:
    """Header levels. Text with a rule beneath it inside the header is a group header over the
    sub-columns under that rule; the rules of neighbouring groups may touch and read as one, so
    the columns under a rule go to the group header standing over them (the last one starting
    before the column ends: right for centred and for left-aligned group titles alike). Text
    stacked without a rule between is one wrapped cell."""
    cells: dict[tuple[tuple[int, ...], int], list[Segment]] = {}
    groups: dict[tuple[int, int], list[Segment]] = {}
    leaves: dict[int, list[Segment]] = {}
    for row in rows:
        for s in row:
            # By the text's middle: a CJK font's glyph box may reach above the rule it sits under.
            middle = (s.top + s.bottom) / 2
            level = sum(1 for r in inner if r.y <= middle and r.covers(s.centre))
            below = [i for i, r in enumerate(inner) if r.y >= middle and r.covers(s.centre)]
            if below:
                nearest = min(below, key=lambda i: inner[i].y)
                groups.setdefault((nearest, level), []).append(s)
            else:
                leaves.setdefault(level, []).append(s)
    # The lines of one header cell are stacked on a common middle ('2022' over '年总量'): the
    # cell's column is the one under the whole stack, not under its shortest line.
    for level, parts in leaves.items():
        for stack in _stacks(parts):
            cells.setdefault((_span(Segment([c for p in stack for c in p.chars]), columns), level), []).extend(stack)
    # Where each column's own header text lies (a leaf centred in its cell), for the group
    # titles over several columns to be placed by.
    heads: dict[int, tuple[float, float]] = {}
    for parts in leaves.values():
        for s in parts:
            c = next((c for c, (a, b) in enumerate(columns) if a <= s.centre <= b), None)
            if c is not None:
                a, b = heads.get(c, (s.x0, s.x1))
                heads[c] = (min(a, s.x0), max(b, s.x1))
    for (index, level), parts in groups.items():
        # By where the column's text lies: on a continued page with few rows the estimated
        # edges can sit far from the printed ones.
        under = [c for c, (a, b) in enumerate(text_extents) if inner[index].covers((a + b) / 2)]
        clusters = _clusters(parts)
        owned = _share_out(under, clusters, [heads.get(c, text_extents[c]) for c in range(len(columns))])
        for k, cluster in enumerate(clusters):
            span = tuple(owned.get(k) or _span(cluster[0], columns))
            cells.setdefault((span, level), []).extend(cluster)
    if not cells:
        return []
    levels = max(level for _, level in cells) + 1
    grid: list[list[Cell | None]] = [[None] * len(columns) for _ in range(levels)]
    for (span, level), parts in sorted(cells.items(), key=lambda kv: kv[0][1]):
        cell = _cell(span, parts, columns)
        lowest = not any(other > level and set(s) & set(span) for s, other in cells)
        for r in range(level, levels if lowest else level + 1):
            for c in span:
                grid[r][c] = cell
    return grid


BARE_YEAR = re.compile(r"^(19|20)\d\d$")


def _has_figure(rows: list[list[Segment]]) -> bool:
    """A number other than a bare year: '2022' alone is a wrapped header ('2022' / '年总量')."""
    return any(looks_numeric(s.text) and not BARE_YEAR.match(s.text) for row in rows for s in row)


def _header_boundary(region: list[Rule], rows: list[list[Segment]]) -> float:
    """Where the header ends. With rules inside the table: the first full-width rule with text
    above it, moved down past bands of several cells without a figure (a header level ruled
    across). Without
    (a 三线表 page that does not repeat its header): above the first line holding a figure. A
    header line reading just '2019' (a wrapped '2019年报告数量') is why rules come first."""
    def band(a: float, b: float) -> list[list[Segment]]:
        return [row for row in rows if a <= _middle(row) <= b]

    inner = region[1:-1]
    top = region[0].y
    first = next((i for i, r in enumerate(inner) if band(top, r.y)), None)
    if first is None:
        figures = [row for row in rows if _has_figure([row])]
        # No figure at all: a header left alone at the foot of a page.
        return min(s.top for s in figures[0]) - 0.5 if figures else region[-1].y
    while first + 1 < len(inner):
        below = band(inner[first].y, inner[first + 1].y)
        # A second header level has several cells; a lone run of text is the rest of a row
        # the page break cut (continued under the repeated header).
        if _has_figure(below) or not any(len(row) >= 2 for row in below):
            break
        first += 1
    return inner[first].y


def _same_header(a, b) -> bool:
    """The same header texts at the same places (within a couple of points)."""
    return len(a) == len(b) and all(ta == tb and abs(xa - xb) <= 2 for (xa, ta), (xb, tb) in zip(a, b))


class Layouts:
    """Column layouts of unruled tables, by header, learnt from every page before any grid is
    built: a table continued under its repeated header keeps its columns, and the page holding
    most of its rows shows them best (a page with one or two rows cannot show its gutters)."""

    def __init__(self) -> None:
        self.known: list[tuple[list, Columns, int]] = []

    def find(self, signature: list) -> Columns | None:
        return next((cols for known, cols, _ in self.known if _same_header(known, signature)), None)

    def learn(self, table: UnruledTable) -> None:
        signature, rows = table.signature, table.figure_rows
        if not signature:
            return
        for i, (known, _, seen) in enumerate(self.known):
            if _same_header(known, signature):
                if rows > seen:
                    self.known[i] = (known, table.own_columns(), rows)
                return
        self.known.append((signature, table.own_columns(), rows))


@dataclass
class UnruledTable:
    """One unruled table found on a page, its lines read once and split at its header."""

    region: list[Rule]
    inner: list[Rule]
    page: int
    header_rows: list[list[Segment]]
    body_rows: list[list[Segment]]
    boundary: float

    @property
    def signature(self) -> list[tuple[float, str]]:
        return sorted((s.x0, squash(s.text)) for row in self.header_rows for s in row)

    @property
    def figure_rows(self) -> int:
        return sum(1 for row in self.body_rows if _has_figure([row]))

    def own_columns(self) -> Columns:
        return _columns(self.body_rows, self.header_rows, self.region[0].x0, self.region[0].x1)


def analyse(region: list[Rule], inner: list[Rule], chars: list[dict], page: int) -> UnruledTable | None:
    top, bottom = region[0], region[-1]
    rows = [row for row in segments([c for c in chars if centre_inside(c, (top.x0, top.y, top.x1, bottom.y))])
            if not is_page_number(_row_text(row))]  # a folio between a table's rules is furniture
    if len(rows) < 2:  # one line between two rules is a ruled-off line (a masthead), not a table
        return None
    boundary = _header_boundary(region, rows)
    return UnruledTable(region, inner, page, [row for row in rows if _middle(row) < boundary],
                        [row for row in rows if _middle(row) >= boundary], boundary)


def grid_from_rules(table: UnruledTable, layouts: Layouts | None = None) -> Grid | None:
    """The grid of one unruled table, in the columns its header is known by (or its own)."""
    found = (layouts.find(table.signature) if layouts else None) or table.own_columns()
    columns, gutters = found.bounds, found.gutters
    if len(columns) < 2:
        return None
    top, bottom, boundary = table.region[0], table.region[-1], table.boundary
    x0, x1 = top.x0, top.x1
    header_rows = [[p for s in row for p in _split_at_gutters(s, gutters)] for row in table.header_rows]
    body_rows = [[p for s in row for p in _split_at_gutters(s, gutters)] for row in table.body_rows]
    header_inner = [r for r in table.inner if top.y + 1 < r.y < boundary - 1 and x0 - 1 <= r.x0 and r.x1 <= x1 + 1]
    slots = _header(header_rows, header_inner, columns, found.text)
    bounds = [(top.y, boundary)] * len(slots)
    for band_top, band_bottom, band in _body_bands(body_rows, [r.y for r in table.region if r.y >= boundary]):
        cells = _band_cells(band, columns, gutters)
        row: list[Cell | None] = [None] * len(columns)
        for span, cell in cells.items():
            for c in span:
                row[c] = cell
        slots.append(row)
        bounds.append((band_top, band_bottom))
    return Grid(page=table.page, bbox=(x0, top.y, x1, bottom.y), slots=slots, row_bounds=bounds, col_bounds=columns)


def _middle(row: list[Segment]) -> float:
    return (min(s.top for s in row) + max(s.bottom for s in row)) / 2


def _blank_under(anchor: list[Segment], line: list[Segment]) -> bool:
    """The anchor line has no text where the wrapped line has (a name centred around it). Boxes
    that only touch ('…院区' ending where a wrapped ')' begins) do not overlap."""
    return not any(a.x0 < s.x1 - TOUCH and s.x0 < a.x1 - TOUCH for a in anchor for s in line)


TOUCH = 0.5
"""Points two glyph boxes may share at their edges without overlapping."""


def _is_total(row: list[Segment]) -> bool:
    """'合计', '合 计', or 合 and 计 spread over the merged 序号 and name cells — or set one
    above the other, the figures' line holding only '合'."""
    label = "".join(s.text for s in row[:2] if not looks_numeric(s.text)).replace(" ", "")
    return is_total_label(label) or (label in TOTAL_FIRST_CHARS and any(looks_numeric(s.text) for s in row))


def _centred(rows: list[list[Segment]], anchors: list[int]) -> bool:
    """Cells set vertically centred: some row's own line is blank where the wrapped lines
    next to it have text (its name sits above and below it), or a line without figures stands
    clearly closer to the row below it than to the line above (a name of three lines centred on
    its row: the middle line shares the row's line, the first stands above). Top-aligned tables
    never are: there a wrapped line runs on closely under its own row."""
    return any(
        not _is_total(rows[a]) and j not in anchors and _blank_under(rows[a], rows[j])
        for a in anchors for j in (a - 1, a + 1) if 0 <= j < len(rows)
    ) or any(
        i - 1 >= 0 and i not in anchors and i + 1 in anchors and not _is_total(rows[i + 1])
        and _middle(rows[i + 1]) - _middle(rows[i]) < _middle(rows[i]) - _middle(rows[i - 1])
        - 0.25 * (rows[i][0].bottom - rows[i][0].top)
        for i in range(len(rows))
    )


def _owner(rows: list[list[Segment]], anchors: list[int], i: int, centred: bool) -> int:
    """The row a line without figures belongs to. Top-aligned, a wrapped name runs on below
    its row's line; centred, it also stands above, and the row's own line is blank there.
    A line above the first row that cannot be its centred name is the rest of a row cut by
    the page break: a row of its own here, joined to what it continues when pages are stitched."""
    above = max((a for a in anchors if a < i), default=None)
    below = min((a for a in anchors if a > i), default=None)
    down_ok = below is not None and not _is_total(rows[below]) and _blank_under(rows[below], rows[i])
    if above is None:
        if centred and down_ok:
            return below
        # Centred, the first line of a name centred on the first row stands half a line above it;
        # the rest of a row cut by the page break stands a whole row above the next one.
        pitches = [_middle(rows[b]) - _middle(rows[a]) for a, b in zip(anchors, anchors[1:])]
        pitch = statistics.median(pitches) if pitches else None
        height = rows[i][0].bottom - rows[i][0].top
        close = pitch is not None and _middle(rows[below]) - _middle(rows[i]) < max(0.6 * pitch, 1.35 * height)
        return below if centred and close and not _is_total(rows[below]) else 0  # else: the cut row, one row
    if not centred or below is None:
        return above
    # Lines of one cell stand a line apart, cells a line and their padding: a line clearly
    # nearer the line above or below it goes with that one's row (the last line of a name of
    # three lines centred on its row, above a row whose own line is blank there).
    up = _middle(rows[i]) - _middle(rows[i - 1])
    down = _middle(rows[i + 1]) - _middle(rows[i])
    clear = 0.25 * (rows[i][0].bottom - rows[i][0].top)
    if up < down - clear:
        return above
    if down < up - clear:
        return below
    # Even spacing: the row whose own line is blank where this one has text is its row.
    up_ok = _blank_under(rows[above], rows[i])
    return below if down_ok and not up_ok else above


def _body_bands(rows: list[list[Segment]], rule_ys: list[float]):
    """Body rows: between rules when the body is ruled. Otherwise each line holding a number
    (or a total) anchors a row, and a line without numbers — a wrapped name, set top-aligned
    below its row or centred around it — joins the nearest anchor (the one above on a tie)."""
    if len(rule_ys) > 2:
        for a, b in zip(rule_ys, rule_ys[1:]):
            band = [row for row in rows if a <= _middle(row) <= b]
            if band:
                yield a, b, band
        return
    anchors = [i for i, row in enumerate(rows) if _is_total(row) or any(looks_numeric(s.text) for s in row)]
    if not anchors:
        if rows:  # only the rest of a row the page break cut, under the repeated header
            yield min(s.top for s in rows[0]), max(s.bottom for s in rows[-1]), rows
        return
    centred = _centred(rows, anchors)
    bands: dict[int, list[list[Segment]]] = {}
    for i, row in enumerate(rows):
        bands.setdefault(i if i in anchors else _owner(rows, anchors, i, centred), []).append(row)
    for i in sorted(bands):
        band = sorted(bands[i], key=_middle)
        yield min(s.top for s in band[0]), max(s.bottom for s in band[-1]), band


def _extend_down(run: list[Rule], chars: list[dict], others: list[list[Rule]]) -> list[Rule]:
    """A 三线表 broken by the page has no rule under its last row on this page: take the table
    lines below its last rule (rows of several cells and the short runs of wrapped names) down
    to a heading, a note, a wide gap or the next table; close it with a rule of our own."""
    last = run[-1]
    limit = min((o[0].y for o in others if o[0].y > last.y), default=float("inf"))
    below = [c for c in chars if last.x0 - 2 <= (c["x0"] + c["x1"]) / 2 <= last.x1 + 2
             and last.y < (c["top"] + c["bottom"]) / 2 < limit]
    taken: list[list[Segment]] = []
    for row in segments(below):
        height = row[0].bottom - row[0].top
        previous = taken[-1][0].bottom if taken else last.y
        text = "".join(s.text for s in row)
        wide = len(row) == 1 and row[0].x1 - row[0].x0 > 0.4 * last.length and _prose(text)
        # the whole printed line, also past the table's edges: a folio set across them
        line = row_text(sorted((c for c in chars if row[0].top <= (c["top"] + c["bottom"]) / 2 <= row[0].bottom),
                               key=lambda c: c["x0"]))
        if is_page_number(text) or is_page_number(line) or NOTE.match(text) or wide or row[0].top - previous > 1.5 * height or _heading_between(
                [c for r in taken + [row] for s in r for c in s.visible]):
            break
        taken.append(row)
    if not any(len(r) >= 2 for r in taken):
        return run
    return [*run, Rule(max(s.bottom for s in taken[-1]) + 0.5, last.x0, last.x1)]


def find_unruled(edges: list[dict], chars: list[dict], page: int, page_width: float,
                 taken: list[tuple]) -> list[UnruledTable]:
    """Every table on the page whose columns are not ruled, outside the areas already taken."""
    rules = horizontal_rules(edges)
    sizes = [c.get("size", 10.0) for c in chars] or [10.0]
    min_width = max(0.3 * page_width, 8 * statistics.median(sizes))
    found = regions(rules, chars, min_width)
    found = [_extend_down(run, chars, found) for run in found]
    tables = []
    for region in found:
        top, bottom = region[0].y, region[-1].y
        if any(t[1] - 2 <= top <= t[3] + 2 or t[1] - 2 <= bottom <= t[3] + 2 for t in taken):
            continue
        inner = [r for r in rules if top < r.y < bottom and r not in region]
        table = analyse(region, inner, chars, page)
        if table is not None:
            tables.append(table)
    return tables
