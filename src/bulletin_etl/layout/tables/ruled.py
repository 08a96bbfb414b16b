"""Ruled tables: pdfplumber's cell boxes → a Grid, each cell filled with its characters."""

from __future__ import annotations

import bisect

import pdfplumber

from ...text import join_wrapped
from .. import intervals as iv
from ..lines import CharsByHeight, group_rows, row_text
from ..settings import LayoutSettings
from .model import Cell, Grid
from .regions import only_folio_below

Bounds = list[tuple[float, float]]


def _edges(values: list[float], settings: LayoutSettings) -> list[float]:
    """Distinct rule positions; pdfplumber already snapped them, so rounding is enough."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > settings.edge_merge_pt:
            out.append(v)
    return out


def _covers_slot(cell: tuple[float, float], slot: tuple[float, float], settings: LayoutSettings) -> bool:
    """A cell (on one axis) covers a slot whose middle it holds, give or take a rule's width."""
    return iv.contains(cell, iv.midpoint(slot), settings.slot_margin_pt)


def _slots(cells: list[Cell], rows: Bounds, cols: Bounds, settings: LayoutSettings) -> list[list[Cell | None]]:
    """Each slot (row × column) taken by the cell covering it; a merged cell takes several."""
    slots: list[list[Cell | None]] = [[None] * len(cols) for _ in rows]
    for cell in cells:
        x0, top, x1, bottom = cell.bbox
        for r in (r for r, row in enumerate(rows) if _covers_slot((top, bottom), row, settings)):
            for c in (c for c, col in enumerate(cols) if _covers_slot((x0, x1), col, settings)):
                slots[r][c] = cell
    return slots


def _slot_holding(x: float, bounds: Bounds, starts: list[float]) -> int | None:
    """The slot (on one axis) whose bounds hold `x`, if any; `starts` are the bounds' starts."""
    i = bisect.bisect_right(starts, x) - 1
    return i if i >= 0 and iv.contains(bounds[i], x) else None


def _fill(slots: list[list[Cell | None]], rows: Bounds, cols: Bounds, chars: list[dict], settings: LayoutSettings) -> None:
    """Each cell's text: the characters whose middles its slots hold, read line by line, wrapped
    lines joined."""
    row_tops, col_lefts = [top for top, _ in rows], [left for left, _ in cols]
    by_cell: dict[Cell, list[dict]] = {}  # a Cell compares by identity
    for char in chars:
        r = _slot_holding(iv.midpoint((char["top"], char["bottom"])), rows, row_tops)
        c = _slot_holding(iv.midpoint((char["x0"], char["x1"])), cols, col_lefts)
        cell = None if r is None or c is None else slots[r][c]
        if cell is not None:
            by_cell.setdefault(cell, []).append(char)
    for cell, cell_chars in by_cell.items():
        cell.text = join_wrapped([row_text(row, settings) for row in group_rows(cell_chars, settings)])


def grid_from_cells(cell_boxes: list[tuple], chars: list[dict], page: int, settings: LayoutSettings) -> Grid:
    """Build a grid from pdfplumber's cell boxes and fill each cell with its characters."""
    xs = _edges([b[0] for b in cell_boxes] + [b[2] for b in cell_boxes], settings)
    ys = _edges([b[1] for b in cell_boxes] + [b[3] for b in cell_boxes], settings)
    cols = list(zip(xs, xs[1:]))
    rows = list(zip(ys, ys[1:]))
    slots = _slots([Cell(tuple(b)) for b in cell_boxes], rows, cols, settings)
    # A row with no cell at all is a rule-spacing artefact, not a printed row.
    keep = [r for r, row in enumerate(slots) if any(row)]
    slots = [slots[r] for r in keep]
    rows = [rows[r] for r in keep]
    _fill(slots, rows, cols, chars, settings)
    return Grid(page=page, bbox=(xs[0], ys[0], xs[-1], ys[-1]), slots=slots, row_bounds=rows, col_bounds=cols)


def row_rules(horizontal: list[dict], settings: LayoutSettings) -> list[dict]:
    """The horizontal edges that rule rows: longer than a rule is thick (`rule_max_thickness_pt`),
    not the ends of a column's rule painted as a thin rectangle."""
    return [e for e in horizontal if e["x1"] - e["x0"] > settings.rule_max_thickness_pt]


def closing_edges(vertical: list[dict], horizontal: list[dict], index: CharsByHeight,
                  settings: LayoutSettings) -> list[dict]:
    """The rule under a grid's last row that the page broke off, drawn by us: one edge across the
    table at its column rules' foot, when `is_row_open_at_foot`; none else. Chromium leaves the
    border a row ending right at the page's content foot shares with the next row to neither page
    (html 920010); the row's cells are lost without it."""
    rows = row_rules(horizontal, settings)
    if not rows or not vertical:
        return []
    foot = max(e["bottom"] for e in vertical)
    hanging = [e for e in vertical if e["bottom"] >= foot - settings.snap_tolerance_pt]
    if not is_row_open_at_foot(rows, hanging, index, settings):
        return []
    last = max(rows, key=lambda e: e["top"])
    x0, x1 = _extent(rows)
    moved = pdfplumber.utils.move_object(last, "v", foot - last["top"])
    return [{**moved, "x0": x0, "x1": x1, "width": x1 - x0}]


def is_row_open_at_foot(rows: list[dict], hanging: list[dict], index: CharsByHeight, settings: LayoutSettings) -> bool:
    """A grid row the page broke off with no rule under it: the column rules reaching lowest
    (`hanging`) run across the table to one foot (`runs_columns_to_one_foot`) that no row rule
    rules across (a cell stroked alone may close its own box there), a line of text stands wholly
    between the row rule above and that foot, and nothing is printed under the foot but the folio.
    Column rules drawn a little past a table's closing rule hold no text (a note close under it
    reaches past their foot); a grid whose columns run on over text mid-page was not broken by the page."""
    foot = max(e["bottom"] for e in hanging)
    slack = settings.snap_tolerance_pt
    at_foot = [e for e in rows if e["top"] >= foot - slack]
    open_columns = runs_columns_to_one_foot(rows, hanging, settings) and not rules_across(at_foot, rows, settings)
    top = max((e["top"] for e in rows if e["top"] < foot - slack), default=foot)
    x0, x1 = _extent(rows)
    printed = [c for c in index.inside((x0, top, x1, foot)) if not c["text"].isspace() and c["bottom"] <= foot + slack]
    return open_columns and bool(printed) and only_folio_below(foot, index, settings)


def runs_columns_to_one_foot(rows: list[dict], hanging: list[dict], settings: LayoutSettings) -> bool:
    """Column rules at the table's both ends (within `snap_tolerance_pt`), all ending level with
    each other: the outer and inner rules of one row's cells."""
    if len(hanging) < 2:
        return False
    slack = settings.snap_tolerance_pt
    ends = iv.covers(_extent(hanging), _extent(rows), slack)
    feet = [e["bottom"] for e in hanging]
    return ends and max(feet) - min(feet) <= slack


def rules_across(pieces: list[dict], rows: list[dict], settings: LayoutSettings) -> bool:
    """Rule pieces at one height that together span the table (its row rules' extent), touching
    within `rule_x_gap_pt`: a browser or reportlab draws a row's rule cell by cell."""
    spans = iv.merged([(e["x0"], e["x1"]) for e in pieces], settings.rule_x_gap_pt)
    return any(iv.covers(span, _extent(rows), settings.snap_tolerance_pt) for span in spans)


def _extent(edges: list[dict]) -> tuple[float, float]:
    return min(e["x0"] for e in edges), max(e["x1"] for e in edges)
