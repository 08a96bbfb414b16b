"""The header of an unruled table: where it ends, and its levels — group titles over the
sub-columns under their short rules, wrapped header cells stacked over one column.

Each way a piece of header text is placed is a named rule below (`_rule_beneath`, `_stands_over`,
`_reaches_down`, …), tested on its own case in tests/test_layout_header.py."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

from ...text import squash
from .. import intervals as iv
from ..settings import LayoutSettings
from .columns import clustered, make_cell, span_of
from .model import Cell
from .regions import Rule
from .segments import Segment, has_figure, middle

Line = list[Segment]
Key = tuple[tuple[int, ...], int]  # a header cell's columns and its level


def _extent(s: Segment) -> iv.Span:
    return (s.x0, s.x1)


def _crosses(s: Segment, y: float, settings: LayoutSettings) -> bool:
    """Text reaching across a rule: a header cell's last line the producer let overflow (clipped
    on paper), no text of the band under the rule."""
    return s.top < y - settings.rule_crossing_pt < s.bottom


def _another_header_level(band: list[Line], groups: list[iv.Span]) -> bool:
    """A band under a header rule that is a header level ruled across: several cells, no figure,
    and not the rest of a row the page break cut (`is_cut_row_rest`)."""
    return not has_figure(band) and not is_cut_row_rest(band, groups)


def is_cut_row_rest(band: list[Line], groups: list[iv.Span]) -> bool:
    """The rest of a row the page break cut, continued under the repeated header: on each line a
    lone run of text in each of the header's column groups (`side_by_side_groups`) — the rest of
    a wrapped name ('…医' / '院'), or in a table printed as two halves side by side the rests of
    both halves' names ('健康南京APP小' / '程序' and '我的南京客户' / '端')."""
    return all(sum(iv.contains(group, s.x0) for s in line) <= 1 for line in band for group in groups)


def side_by_side_groups(header: list[Line]) -> list[iv.Span]:
    """The extents of the column groups a header repeats side by side (序号 名称 预约数量 |
    序号 名称 预约数量): its texts, left to right, the same run of two texts or more, two times
    or more; each group from its first text to the next group's. The whole width when the
    header repeats none."""
    runs = sorted((s for line in header for s in line), key=lambda s: (s.x0, s.top))
    texts = [squash(s.text) for s in runs]
    n = len(texts)
    # a group is two columns or more: one label twice ('人次' '人次') is no table printed twice
    width = next((w for w in range(2, n // 2 + 1) if n % w == 0 and texts[w:] == texts[:-w]), None)
    if width is None:
        return [(-math.inf, math.inf)]
    starts = [runs[k].x0 for k in range(width, n, width)]  # the first group reaches the table's left edge
    return list(zip([-math.inf, *starts], [*starts, math.inf]))


def header_boundary(region: list[Rule], rows: list[Line], settings: LayoutSettings) -> float:
    """Where the header ends. With rules inside the table: the first full-width rule with text
    above it, moved down past bands that are another header level. Without (a 三线表 page that
    does not repeat its header): above the first line holding a figure. A header line reading
    just '2019' (a wrapped '2019年报告数量') is why rules come first."""
    def band(a: float, b: float) -> list[Line]:
        return [row for row in rows if iv.contains((a, b), middle(row))]

    inner = region[1:-1]
    top = region[0].y
    first = next((i for i, r in enumerate(inner) if band(top, r.y)), None)
    if first is None:
        figures = [row for row in rows if has_figure([row])]
        # No figure at all: a header left alone at the foot of a page.
        return min(s.top for s in figures[0]) - settings.boundary_gap_pt if figures else region[-1].y
    groups = side_by_side_groups(band(top, inner[first].y))
    while first + 1 < len(inner):
        rule = inner[first].y
        below = [[s for s in row if not _crosses(s, rule, settings)] for row in band(rule, inner[first + 1].y)]
        if not _another_header_level(below, groups):
            break
        first += 1
    return inner[first].y


def _runs(under: list[int], cuts: tuple[int, ...]) -> list[list[int]]:
    """The columns cut into runs at the given places (indices into `under`)."""
    bounds = [0, *cuts, len(under)]
    return [under[a:b] for a, b in zip(bounds, bounds[1:])]


def _lead_in(heads: list[iv.Span], column: int) -> iv.Span:
    """The room before a column's header text, from the previous column's header text (from the
    page's edge for the first column): a start-aligned title over the column starts there, at its
    cell's edge plus padding, however far a centred header stands in from that edge."""
    start = heads[column][0]
    return (min(heads[column - 1][1], start) if column > 0 else -math.inf, start)


def _misfit(titles: list[iv.Span], runs: list[list[int]], heads: list[iv.Span], centred: bool) -> float:
    """How far each title stands from the headers of its run of columns: centre from centre, or
    its start from the room before the run's first header (`_lead_in`)."""
    def misfit(title: iv.Span, run: list[int]) -> float:
        left, right = heads[run[0]][0], heads[run[-1]][1]
        if centred:
            return abs(iv.midpoint(title) - iv.midpoint((left, right)))
        return iv.distance(title[0], _lead_in(heads, run[0]))

    return sum(misfit(title, run) for title, run in zip(titles, runs))


def _share_out(under: list[int], clusters: list[list[Segment]], heads: list[iv.Span],
               settings: LayoutSettings) -> dict[int, list[int]]:
    """The columns under one rule shared among the group titles over it (neighbouring groups'
    rules touch and read as one): each title owns a run of columns, in order, and stands over
    the run's own headers — centred over them, or starting where they start, one alignment for
    all the titles; of all the ways to cut the columns into runs, the one that fits best (the
    first of equals). (A title's start alone misleads when columns differ in width: a centred
    title over a narrow column and a wide one starts past the narrow one.) Titles are centred
    unless starting fits clearly better (`starts_fit_clearly_better`)."""
    if len(clusters) <= 1 or len(under) < len(clusters):
        return {0: list(under)}
    titles = [iv.hull(_extent(p) for p in cluster) for cluster in clusters]
    ways = list(itertools.combinations(range(1, len(under)), len(clusters) - 1))
    best = {centred: min(ways, key=lambda cuts: _misfit(titles, _runs(under, cuts), heads, centred))
            for centred in (True, False)}
    misfits = {centred: _misfit(titles, _runs(under, cuts), heads, centred) for centred, cuts in best.items()}
    starting = starts_fit_clearly_better(misfits[True], misfits[False], settings)
    return dict(enumerate(_runs(under, best[not starting])))


def starts_fit_clearly_better(centred_misfit: float, start_misfit: float, settings: LayoutSettings) -> bool:
    """Group titles start where their columns start (left-aligned headers) only when that fits
    clearly better than centring them (within `start_aligned_share` of the centred misfit): a
    centred title over a wide column may start a few points from another column's start by chance."""
    return start_misfit < settings.start_aligned_share * centred_misfit


def _stands_over(a: Segment, b: Segment) -> bool:
    """Two lines of one wrapped header cell: either one's middle within the other's extent."""
    return iv.contains(_extent(b), a.centre) or iv.contains(_extent(a), b.centre)


def _stacks(parts: list[Segment]) -> list[list[Segment]]:
    """Lines standing over each other, from the top: each joins the first stack it stands over."""
    stacks: list[list[Segment]] = []
    for s in sorted(parts, key=lambda s: (s.top, s.x0)):
        home = next((st for st in stacks if any(_stands_over(s, o) for o in st)), None)
        if home is None:
            stacks.append([s])
        else:
            home.append(s)
    return stacks


def _level(s: Segment, inner: list[Rule], settings: LayoutSettings) -> int:
    """The text's header level: how many header rules over its middle stand above it. By the
    text's vertical middle: a CJK font's glyph box may reach above the rule it sits under."""
    centre_y = iv.midpoint((s.top, s.bottom))
    return sum(1 for r in inner if r.y <= centre_y and r.covers(s.centre, settings))


def _rule_beneath(s: Segment, inner: list[Rule], settings: LayoutSettings) -> int | None:
    """The nearest header rule under the text, if any (its index): text with a rule beneath it
    is a group title over the columns under that rule."""
    centre_y = iv.midpoint((s.top, s.bottom))
    below = [i for i, r in enumerate(inner) if r.y >= centre_y and r.covers(s.centre, settings)]
    return min(below, key=lambda i: inner[i].y) if below else None


def _titles_and_leaves(rows: list[Line], inner: list[Rule],
                       settings: LayoutSettings) -> tuple[dict[tuple[int, int], list[Segment]], dict[int, list[Segment]]]:
    """The header's text sorted out: group titles by the rule beneath them and their level, the
    rest (leaves, a column's own header) by level."""
    groups: dict[tuple[int, int], list[Segment]] = {}
    leaves: dict[int, list[Segment]] = {}
    for s in (s for row in rows for s in row):
        level, beneath = _level(s, inner, settings), _rule_beneath(s, inner, settings)
        if beneath is None:
            leaves.setdefault(level, []).append(s)
        else:
            groups.setdefault((beneath, level), []).append(s)
    return groups, leaves


def _leaf_cells(leaves: dict[int, list[Segment]], columns, settings: LayoutSettings) -> Iterator[tuple[Key, list[Segment]]]:
    """The lines of one header cell are stacked on a common middle ('2022' over '年总量'): the
    cell's column is the one under the whole stack, not under its shortest line."""
    for level, parts in leaves.items():
        for stack in _stacks(parts):
            yield (span_of(Segment([c for p in stack for c in p.chars], settings), columns, settings), level), stack


def _column_holding(x: float, columns) -> int | None:
    return next((c for c, column in enumerate(columns) if iv.contains(column, x)), None)


def _column_heads(leaves: dict[int, list[Segment]], columns) -> dict[int, iv.Span]:
    """Where each column's own header text lies (a leaf centred in its cell), for the group
    titles over several columns to be placed by."""
    extents: dict[int, list[iv.Span]] = {}
    for s in (s for parts in leaves.values() for s in parts):
        c = _column_holding(s.centre, columns)
        if c is not None:
            extents.setdefault(c, []).append(_extent(s))
    return {c: iv.hull(spans) for c, spans in extents.items()}


def _columns_under(rule: Rule, text_extents: list[iv.Span], settings: LayoutSettings) -> list[int]:
    """The columns under a group title's rule, by where the column's text lies: on a continued
    page with few rows the estimated edges can sit far from the printed ones."""
    return [c for c, extent in enumerate(text_extents) if rule.covers(iv.midpoint(extent), settings)]


def _group_cells(groups: dict[tuple[int, int], list[Segment]], inner: list[Rule], columns, text_extents,
                 heads: dict[int, iv.Span], settings: LayoutSettings) -> Iterator[tuple[Key, list[Segment]]]:
    """Group titles over the columns under their rule, shared out among the titles over it."""
    for (index, level), parts in groups.items():
        clusters = clustered(parts)
        placed = [heads.get(c, text_extents[c]) for c in range(len(columns))]
        owned = _share_out(_columns_under(inner[index], text_extents, settings), clusters, placed, settings)
        for k, cluster in enumerate(clusters):
            yield (tuple(owned.get(k) or span_of(cluster[0], columns, settings)), level), cluster


def _reaches_down(span: tuple[int, ...], level: int, cells: dict[Key, list[Segment]]) -> bool:
    """A header cell with no cell under it in any of its columns stands down to the header's last
    level (单位 beside a group title over its sub-columns)."""
    return not any(other > level and set(s) & set(span) for s, other in cells)


def _grid(cells: dict[Key, list[Segment]], columns, settings: LayoutSettings) -> list[list[Cell | None]]:
    """The header's slots, level by level, each taken by the cell over it."""
    if not cells:
        return []
    levels = max(level for _, level in cells) + 1
    grid: list[list[Cell | None]] = [[None] * len(columns) for _ in range(levels)]
    for (span, level), parts in sorted(cells.items(), key=lambda kv: kv[0][1]):
        cell = make_cell(span, parts, columns, settings)
        for r in range(level, levels if _reaches_down(span, level, cells) else level + 1):
            for c in span:
                grid[r][c] = cell
    return grid


def header_slots(rows: list[Line], inner: list[Rule], columns, text_extents,
                 settings: LayoutSettings) -> list[list[Cell | None]]:
    """Header levels. Text with a rule beneath it inside the header is a group header over the
    sub-columns under that rule; the rules of neighbouring groups may touch and read as one, so
    the columns under a rule go to the group header standing over them (`_share_out`). Text
    stacked without a rule between is one wrapped cell."""
    groups, leaves = _titles_and_leaves(rows, inner, settings)
    heads = _column_heads(leaves, columns)
    cells: dict[Key, list[Segment]] = {}
    for key, parts in itertools.chain(_leaf_cells(leaves, columns, settings),
                                      _group_cells(groups, inner, columns, text_extents, heads, settings)):
        cells.setdefault(key, []).extend(parts)
    return _grid(cells, columns, settings)
