"""The shapes the table stages are drawn by (`inspect --stages`), recorded on the active trace
(layout/trace.py) by the driver as each stage's result comes back. Every shape is built by a
generator, run only while a trace is active."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...wording import count
from .. import trace
from ..trace import Box, HLine, VLine
from .columns import Columns
from .model import Cell, Grid, TableRow
from .regions import Rule
from .stitch import header_row_count

if TYPE_CHECKING:
    from . import UnruledTable


def _cells(slots: list[list[Cell | None]]) -> Iterator[tuple[int, Cell]]:
    """Each cell of the slots once, with the first row it covers."""
    seen: set[int] = set()
    for r, row in enumerate(slots):
        for cell in row:
            if cell is not None and id(cell) not in seen:
                seen.add(id(cell))
                yield r, cell


def _ruled_cells(grids: list[Grid]) -> Iterator[Box]:
    for grid in grids:
        for _, cell in _cells(grid.slots):
            yield Box(*cell.bbox)


def _outlines(grids: list[Grid], label: str) -> Iterator[Box]:
    for grid in grids:
        yield Box(*grid.bbox, label)


def _grid_column_edges(grids: list[Grid]) -> Iterator[VLine]:
    for grid in grids:
        for x in [grid.col_bounds[0][0], *(x1 for _, x1 in grid.col_bounds)]:
            yield VLine(x, grid.bbox[1], grid.bbox[3], "ruled")


def _header_ends(grids: list[Grid]) -> Iterator[HLine]:
    """Under the rows of a grid that hold no figure: its header as the tables are stitched."""
    for grid in grids:
        n_header = header_row_count(grid)
        if 0 < n_header < len(grid.slots):
            yield HLine(grid.row_bounds[n_header - 1][1], grid.bbox[0], grid.bbox[2], "rows without a figure above")


def record_ruled(grids: list[Grid], page: int) -> None:
    """pdfplumber's ruled tables: their cells, areas, column edges and header boundary."""
    trace.record("ruled tables", _ruled_cells(grids), page)
    trace.record("regions", _outlines(grids, "ruled"), page)
    trace.record("columns", _grid_column_edges(grids), page)
    trace.record("header boundary", _header_ends(grids), page)


def _regions(tables: list[UnruledTable]) -> Iterator[Box]:
    """Each unruled table's region from its first rule to its last, as wide as its first."""
    for table in tables:
        top, bottom = table.region[0], table.region[-1]
        yield Box(top.x0, top.y, top.x1, bottom.y, f"unruled, {count(len(table.region), 'rule')}")


def _closing_rules(tables: list[UnruledTable], rules: list[Rule]) -> Iterator[HLine]:
    """The rules that close a 三线表 broken by the page: drawn by us, none of the page's."""
    for table in tables:
        last = table.region[-1]
        if last not in rules:
            yield HLine(last.y, last.x0, last.x1, "closing rule")


def _boundaries(tables: list[UnruledTable]) -> Iterator[HLine]:
    for table in tables:
        yield HLine(table.boundary, table.region[0].x0, table.region[0].x1, "header ends")


def record_unruled(tables: list[UnruledTable], rules: list[Rule], page: int) -> None:
    """The unruled tables found on a page: their regions, the rules we closed them with, and
    where each one's header ends."""
    trace.record("regions", _regions(tables), page)
    trace.record("closing rules", _closing_rules(tables, rules), page)
    trace.record("header boundary", _boundaries(tables), page)


def _gutters(table: UnruledTable, found: Columns) -> Iterator[Box]:
    top, bottom = table.region[0].y, table.region[-1].y
    for x0, x1 in found.gutters:
        yield Box(x0, top, x1, bottom, "gutter")


def _column_edges(table: UnruledTable, found: Columns) -> Iterator[VLine]:
    top, bottom = table.region[0].y, table.region[-1].y
    for x in [found.bounds[0][0], *(x1 for _, x1 in found.bounds)]:
        yield VLine(x, top, bottom, "column edge")


def record_columns(table: UnruledTable, found: Columns) -> None:
    """The columns an unruled table is read in: the gutters of its text, and the column edges."""
    trace.record("gutters", _gutters(table, found), table.page)
    trace.record("columns", _column_edges(table, found), table.page)


def _levels(slots: list[list[Cell | None]]) -> Iterator[Box]:
    for level, cell in _cells(slots):
        yield Box(*cell.bbox, f"level {level}")


def record_header_levels(table: UnruledTable, slots: list[list[Cell | None]]) -> None:
    """An unruled table's header cells, each labelled with the level it starts at."""
    trace.record("header levels", _levels(slots), table.page)


def is_total(grid: Grid, row: int) -> bool:
    """A 合计 row as the sections read it ('合计', '合 计', or 合 and 计 in two merged cells)."""
    return TableRow(grid.row(row), grid.page).is_total


def _header_cells(grid: Grid) -> Iterator[Box]:
    n_header = header_row_count(grid)
    for r, cell in _cells(grid.slots):
        if r < n_header:
            yield Box(*cell.bbox)


def _rows(grid: Grid, totals: bool) -> Iterator[Box]:
    """The grid's rows under its header, as wide as the table: the totals or the others."""
    for r in range(header_row_count(grid), len(grid.slots)):
        if is_total(grid, r) == totals:
            top, bottom = grid.row_bounds[r]
            yield Box(grid.bbox[0], top, grid.bbox[2], bottom)


def record_grids(grids: list[Grid]) -> None:
    """A page's tables as read: their outline, header cells (the rows without a figure), body
    rows and 合计 rows."""
    if not trace.active():
        return
    for grid in grids:
        trace.record("tables", [Box(*grid.bbox)], grid.page)
        trace.record("header cells", _header_cells(grid), grid.page)
        trace.record("body rows", _rows(grid, totals=False), grid.page)
        trace.record("total rows", _rows(grid, totals=True), grid.page)
