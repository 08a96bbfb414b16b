"""Tables on a page, ruled or not, read into the same Grid so everything downstream is shared.

The driver, as pdfplumber's `TableFinder` drives its stages: `find_tables` takes pdfplumber's
ruled tables (`ruled`; read band by band down the page, so that one table's rules are never
snapped onto another's), then the tables without inner vertical rules outside them: their regions
between horizontal rules (`regions`), each split at its header (`header.header_boundary`).
`page_grids` reads those into grids once every page is seen — columns from the text's gutters,
learnt across pages (`columns`), header levels from the short rules inside the header (`header`),
rows from the rules or the text lines (`body`). `stitch` makes logical tables of the grids.
Every tolerance is a field of `..settings.LayoutSettings`, handed by the driver to each stage."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import pdfplumber

from ...text import join_wrapped, squash
from .. import graphics, trace
from ..intervals import covers, overlapping_groups
from ..lines import CharsByHeight, centre_inside
from ..settings import LayoutSettings
from ..vocabulary import MASTHEAD, WHOLE_MASTHEAD, is_page_number
from . import marks
from .body import band_cells, body_bands
from .columns import Columns, Layouts, columns_of, split_at_gutters
from .header import header_boundary, header_slots, side_by_side_groups
from .model import Cell, Grid, LogicalTable, TableRow
from .regions import Rule, broken_at_foot, extend_down, horizontal_rules, is_head_band_at_foot, regions
from .ruled import closing_edges, grid_from_cells
from .segments import Segment, has_figure, line_text, middle, segments
from .stitch import header_paths, header_row_count, split_side_by_side, stitch

__all__ = [
    "Cell", "Columns", "Grid", "Layouts", "LogicalTable", "Rule", "TableRow", "UnruledTable", "find_tables",
    "find_unruled", "grid_from_cells", "grid_from_rules", "header_paths",
    "header_row_count", "page_grids", "split_side_by_side", "stitch",
]


def find_tables(page: pdfplumber.page.Page, chars: list[dict],
                settings: LayoutSettings) -> tuple[list[Grid], list[UnruledTable]]:
    """A page's ruled tables as grids, and its unruled tables outside them, found but not yet read:
    their columns are learnt from every page first (`Layouts`), then `page_grids` reads them.
    Tables are found by the page's rules only, never by its backgrounds (`graphics`)."""
    grids: list[Grid] = []
    index = CharsByHeight(chars)
    graphics.record_backgrounds(page, settings)
    page = graphics.ruling_page(page, settings)  # a shaded cell's fill rules nothing: rules only from here
    for table in _ruled_tables(page, index, settings):
        if len(table.cells) < 2:
            continue
        inside = index.inside(table.bbox)
        grid = grid_from_cells(table.cells, inside, page.page_number, settings)
        if grid.n_cols >= 2:  # one column means only the rows are ruled: read it by its gutters
            grids.append(grid)
    marks.record_ruled(grids, page.page_number)
    unruled = find_unruled(page.edges, index, page.page_number, page.width, [g.bbox for g in grids], settings)
    return grids, unruled


def _ruled_tables(page: pdfplumber.page.Page, index: CharsByHeight,
                  settings: LayoutSettings) -> list[pdfplumber.table.Table]:
    """pdfplumber's ruled tables, read band by band down the page. pdfplumber snaps rules that
    lie near each other to their average across the whole page, and chains them: a small table's
    last column rule a few points from column rules of other tables further down is moved past
    the ends of its own row rules, and the cells along it are lost (a browser draws every border
    as a thin filled rectangle, two edges 0.75 pt apart, so such chains come even at a small
    snap tolerance). Rules of separate tables do not overlap in height: each band of edges that
    do (within `ruled_band_gap_pt`) is snapped on its own, as pdfplumber reads a page holding only
    that table. A grid's last row the page broke off without the rule under it gets one of ours
    (`ruled.closing_edges`)."""
    finder = settings.pdfplumber
    if not {finder["vertical_strategy"], finder["horizontal_strategy"]} <= {"lines", "lines_strict"}:
        return page.find_tables(finder)
    strict = "line" if finder["vertical_strategy"] == "lines_strict" else None
    tables = []
    for band in overlapping_groups(page.edges, lambda e: (e["top"], e["bottom"]), settings.ruled_band_gap_pt):
        vertical = pdfplumber.utils.filter_edges(band, "v", edge_type=strict)
        horizontal = pdfplumber.utils.filter_edges(
            band, "h", edge_type="line" if finder["horizontal_strategy"] == "lines_strict" else None)
        if len(vertical) < 2 or len(horizontal) < 2:  # no cell without two rules each way
            continue
        horizontal += closing_edges(vertical, horizontal, index, settings)
        tables += page.find_tables({**finder, "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                                    "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal})
    return tables


def page_grids(ruled: list[Grid], unruled: list[UnruledTable], layouts: Layouts, settings: LayoutSettings) -> list[Grid]:
    """Every table of a page as a grid: the ruled ones, then the unruled ones in the columns
    learnt for their header."""
    return ruled + [g for t in unruled if (g := grid_from_rules(t, settings, layouts)) is not None]


@dataclass
class UnruledTable:
    """One unruled table found on a page, its lines read once and split at its header, with the
    settings it was found with (its own columns are read with them)."""

    region: list[Rule]
    inner: list[Rule]
    page: int
    header_rows: list[list[Segment]]
    body_rows: list[list[Segment]]
    boundary: float
    settings: LayoutSettings

    @property
    def signature(self) -> list[tuple[float, str]]:
        return sorted((s.x0, squash(s.text)) for row in self.header_rows for s in row)

    @property
    def figure_rows(self) -> int:
        return sum(1 for row in self.body_rows if has_figure([row]))

    def own_columns(self) -> Columns:
        return columns_of(self.body_rows, self.header_rows, self.region[0].x0, self.region[0].x1, self.settings)


def analyse(region: list[Rule], inner: list[Rule], index: CharsByHeight, page: int,
            settings: LayoutSettings) -> UnruledTable | None:
    top, bottom = region[0], region[-1]
    rows = [row for row in segments([c for c in index.chars if centre_inside(c, (top.x0, top.y, top.x1, bottom.y))],
                                    settings)
            if not is_page_number(line_text(row))]  # a folio between a table's rules is furniture
    # one line between two rules is a ruled-off line (a masthead), not a table, unless it is the
    # header of a table the page broke right under it
    if not rows or (len(rows) < 2 and not is_head_band_at_foot(rows, bottom, index, settings)):
        return None
    if _is_ruled_off_masthead(rows, page, settings):
        return None
    boundary = header_boundary(region, rows, settings)
    return UnruledTable(region, inner, page, [row for row in rows if middle(row) < boundary],
                        [row for row in rows if middle(row) >= boundary], boundary, settings)


def _is_ruled_off_masthead(rows: list[list[Segment]], page: int, settings: LayoutSettings) -> bool:
    """The masthead ruled off on the first page, the bulletin's name over it: a few lines (at
    most `masthead_row_count`), one of them the masthead line ('<issuer> 编印 2025 年 1 月 24 日'),
    and no figure in the others."""
    if page != 1 or len(rows) > settings.masthead_row_count:
        return False
    masthead = [MASTHEAD.search(squash(line_text(row))) is not None for row in rows]
    if not any(masthead):
        boxed = boxed_masthead_rows(rows, settings)
        masthead = [k in boxed for k in range(len(rows))]
    return any(masthead) and not has_figure([row for row, dated in zip(rows, masthead) if not dated])


def boxed_masthead_rows(rows: list[list[Segment]], settings: LayoutSettings) -> range:
    """The rows of a masthead set in two boxes so large that each wraps its last characters under
    its first glyph ('南京市卫生信息中心 编  2030 年 1 月 22' / '印  日'): no row says '编印' or
    ends in the date, yet a row and the rows it wraps onto (at most `masthead_wrap_line_count`)
    read box by box as the whole masthead. Empty where no rows do."""
    for first in range(len(rows)):
        for more in range(1, settings.masthead_wrap_line_count + 1):
            if first + more < len(rows) and reads_as_masthead_by_box(rows[first:first + more + 1], settings):
                return range(first, first + more + 1)
    return range(0)


def reads_as_masthead_by_box(rows: list[list[Segment]], settings: LayoutSettings) -> bool:
    """The rows' segments, gathered into boxes by where they start (a box's wrapped part starts
    under its first glyph, `masthead_box_x_em`) and read box by box, left to right, say all the
    masthead says: an issuer, '编印', the date ending it."""
    parts = [s for row in rows for s in row if s.visible]
    if not parts:
        return False
    size = max(c.get("size", settings.default_size_pt) for s in parts for c in s.visible)
    boxes = overlapping_groups(parts, lambda s: (s.x0, s.x0), settings.masthead_box_x_em * size)
    text = " ".join(join_wrapped([s.text for s in sorted(box, key=lambda s: s.top)]) for box in boxes)
    return WHOLE_MASTHEAD.search(squash(text)) is not None


def grid_from_rules(table: UnruledTable, settings: LayoutSettings, layouts: Layouts | None = None) -> Grid | None:
    """The grid of one unruled table, in the columns its header is known by (or its own)."""
    found = (layouts.find(table) if layouts else None) or table.own_columns()
    marks.record_columns(table, found)
    columns, gutters = found.bounds, found.gutters
    if len(columns) < 2:
        return None
    top, bottom, boundary = table.region[0], table.region[-1], table.boundary
    x0, x1 = top.x0, top.x1
    header_rows = [[p for s in row for p in split_at_gutters(s, gutters, settings, header=True)]
                   for row in table.header_rows]
    body_rows = [[p for s in row for p in split_at_gutters(s, gutters, settings)] for row in table.body_rows]
    m = settings.inner_rule_margin_pt
    header_inner = [r for r in table.inner if top.y + m < r.y < boundary - m and covers((x0, x1), (r.x0, r.x1), m)]
    slots = header_slots(header_rows, header_inner, columns, found.text, settings)
    marks.record_header_levels(table, slots)
    bounds = [(top.y, boundary)] * len(slots)
    groups = side_by_side_groups(header_rows)
    for band_top, band_bottom, band in body_bands(body_rows, [r.y for r in table.region if r.y >= boundary], settings, groups):
        cells = band_cells(band, columns, gutters, settings)
        row: list[Cell | None] = [None] * len(columns)
        for span, cell in cells.items():
            for c in span:
                row[c] = cell
        slots.append(row)
        bounds.append((band_top, band_bottom))
    return Grid(page=table.page, bbox=(x0, top.y, x1, bottom.y), slots=slots, row_bounds=bounds, col_bounds=columns)


def find_unruled(edges: list[dict], index: CharsByHeight, page: int, page_width: float,
                 taken: list[tuple], settings: LayoutSettings) -> list[UnruledTable]:
    """Every table on the page whose columns are not ruled, outside the areas already taken."""
    chars = index.chars
    rules = horizontal_rules(edges, settings)
    trace.record("rules", trace.rule_lines(rules), page)
    sizes = [c.get("size", settings.default_size_pt) for c in chars] or [settings.default_size_pt]
    min_stacked = settings.min_rule_em * statistics.median(sizes)
    min_width = max(settings.min_rule_page_share * page_width, min_stacked)
    trace.at_page(page)
    found = regions(rules, index, min_width, min_stacked, settings)
    found = sorted(found + broken_at_foot(rules, index, found, min_width, min_stacked, settings), key=lambda run: run[0].y)
    found = [extend_down(run, index, found, settings) for run in found]
    tables = []
    for region in found:
        top, bottom = region[0].y, region[-1].y
        m = settings.taken_margin_pt
        if any(t[1] - m <= top <= t[3] + m or t[1] - m <= bottom <= t[3] + m for t in taken):
            continue
        inner = [r for r in rules if top < r.y < bottom and r not in region]
        table = analyse(region, inner, index, page, settings)
        if table is not None:
            tables.append(table)
    marks.record_unruled(tables, rules, page)
    return tables
