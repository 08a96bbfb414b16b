"""The header of an unruled table: where it ends, and its levels — group titles over the
sub-columns under their short rules, wrapped header cells stacked over one column."""

from __future__ import annotations

import itertools

from .columns import clustered, make_cell, span_of
from .model import Cell
from .regions import Rule
from .segments import Segment, has_figure, middle
from .settings import SETTINGS


def header_boundary(region: list[Rule], rows: list[list[Segment]]) -> float:
    """Where the header ends. With rules inside the table: the first full-width rule with text
    above it, moved down past bands of several cells without a figure (a header level ruled
    across). Without
    (a 三线表 page that does not repeat its header): above the first line holding a figure. A
    header line reading just '2019' (a wrapped '2019年报告数量') is why rules come first."""
    def band(a: float, b: float) -> list[list[Segment]]:
        return [row for row in rows if a <= middle(row) <= b]

    inner = region[1:-1]
    top = region[0].y
    first = next((i for i, r in enumerate(inner) if band(top, r.y)), None)
    if first is None:
        figures = [row for row in rows if has_figure([row])]
        # No figure at all: a header left alone at the foot of a page.
        return min(s.top for s in figures[0]) - SETTINGS.boundary_gap if figures else region[-1].y
    while first + 1 < len(inner):
        rule = inner[first].y
        # Text crossing the rule above the band is a header cell's last line the producer let
        # overflow (clipped on paper): no cell of the band.
        below = [[s for s in row if not s.top < rule - SETTINGS.rule_crossing < s.bottom]
                 for row in band(rule, inner[first + 1].y)]
        # A second header level has several cells; a lone run of text is the rest of a row
        # the page break cut (continued under the repeated header).
        if has_figure(below) or not any(len(row) >= 2 for row in below):
            break
        first += 1
    return inner[first].y


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


def header_slots(rows: list[list[Segment]], inner: list[Rule], columns, text_extents) -> list[list[Cell | None]]:
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
            centre_y = (s.top + s.bottom) / 2
            level = sum(1 for r in inner if r.y <= centre_y and r.covers(s.centre))
            below = [i for i, r in enumerate(inner) if r.y >= centre_y and r.covers(s.centre)]
            if below:
                nearest = min(below, key=lambda i: inner[i].y)
                groups.setdefault((nearest, level), []).append(s)
            else:
                leaves.setdefault(level, []).append(s)
    # The lines of one header cell are stacked on a common middle ('2022' over '年总量'): the
    # cell's column is the one under the whole stack, not under its shortest line.
    for level, parts in leaves.items():
        for stack in _stacks(parts):
            cells.setdefault((span_of(Segment([c for p in stack for c in p.chars]), columns), level), []).extend(stack)
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
        clusters = clustered(parts)
        owned = _share_out(under, clusters, [heads.get(c, text_extents[c]) for c in range(len(columns))])
        for k, cluster in enumerate(clusters):
            span = tuple(owned.get(k) or span_of(cluster[0], columns))
            cells.setdefault((span, level), []).extend(cluster)
    if not cells:
        return []
    levels = max(level for _, level in cells) + 1
    grid: list[list[Cell | None]] = [[None] * len(columns) for _ in range(levels)]
    for (span, level), parts in sorted(cells.items(), key=lambda kv: kv[0][1]):
        cell = make_cell(span, parts, columns)
        lowest = not any(other > level and set(s) & set(span) for s, other in cells)
        for r in range(level, levels if lowest else level + 1):
            for c in span:
                grid[r][c] = cell
    return grid
