"""Ruled tables: pdfplumber's cell boxes → a Grid, each cell filled with its characters."""

from __future__ import annotations

import bisect

from ...text import join_wrapped
from ..lines import group_rows, row_text
from .model import Cell, Grid
from .settings import SETTINGS


def _edges(values: list[float]) -> list[float]:
    """Distinct rule positions; pdfplumber already snapped them, so rounding is enough."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SETTINGS.edge_merge:
            out.append(v)
    return out


def grid_from_cells(cell_boxes: list[tuple], chars: list[dict], page: int) -> Grid:
    """Build a grid from pdfplumber's cell boxes and fill each cell with its characters."""
    xs = _edges([b[0] for b in cell_boxes] + [b[2] for b in cell_boxes])
    ys = _edges([b[1] for b in cell_boxes] + [b[3] for b in cell_boxes])
    cols = list(zip(xs, xs[1:]))
    rows = list(zip(ys, ys[1:]))
    cells = [Cell(tuple(b)) for b in cell_boxes]
    slots: list[list[Cell | None]] = [[None] * len(cols) for _ in rows]
    for cell in cells:
        x0, top, x1, bottom = cell.bbox
        m = SETTINGS.slot_margin
        for r, (y0, y1) in enumerate(rows):
            if top - m <= (y0 + y1) / 2 <= bottom + m:
                for c, (a, b) in enumerate(cols):
                    if x0 - m <= (a + b) / 2 <= x1 + m:
                        slots[r][c] = cell
    # A row with no cell at all is a rule-spacing artefact, not a printed row.
    keep = [r for r, row in enumerate(slots) if any(row)]
    slots = [slots[r] for r in keep]
    rows = [rows[r] for r in keep]

    by_cell: dict[int, list[dict]] = {}
    ids = {id(c): c for c in cells}
    row_tops = [r[0] for r in rows]
    col_lefts = [c[0] for c in cols]
    for char in chars:
        cx = (char["x0"] + char["x1"]) / 2
        cy = (char["top"] + char["bottom"]) / 2
        r = bisect.bisect_right(row_tops, cy) - 1
        c = bisect.bisect_right(col_lefts, cx) - 1
        if 0 <= r < len(rows) and 0 <= c < len(cols) and cy <= rows[r][1] and cx <= cols[c][1]:
            cell = slots[r][c]
            if cell is not None:
                by_cell.setdefault(id(cell), []).append(char)
    for key, cell_chars in by_cell.items():
        ids[key].text = join_wrapped([row_text(row) for row in group_rows(cell_chars)])
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return Grid(page=page, bbox=bbox, slots=slots, row_bounds=rows, col_bounds=cols)
