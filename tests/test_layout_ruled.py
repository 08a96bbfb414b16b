"""The rules of the ruled-table stage (layout/tables/ruled.py): which slots a cell box covers,
which slot holds a character, and a drawn table read through them."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import grid_from_cells
from bulletin_etl.layout.tables.model import Cell
from bulletin_etl.layout.tables.ruled import _covers_slot, _slot_holding, _slots

from .pdfkit import Table, cell, make_pdf, text

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given


def test_a_cell_covers_a_slot_whose_middle_it_holds_give_or_take_a_rules_width() -> None:
    assert _covers_slot((10, 30), (10, 20), DEFAULTS)
    assert _covers_slot((10, 30), (29, 33), DEFAULTS)  # middle 31: a rule's width past the cell's end
    assert not _covers_slot((10, 30), (30, 34), DEFAULTS)  # middle 32: the next cell's slot
    assert not _covers_slot((10, 30), (30, 50), DEFAULTS)


def test_the_slot_holding_a_point_is_none_outside_every_slot() -> None:
    bounds = [(0.0, 10.0), (10.0, 20.0), (25.0, 30.0)]
    starts = [a for a, _ in bounds]
    assert _slot_holding(5, bounds, starts) == 0
    assert _slot_holding(10, bounds, starts) == 1  # on a shared edge: the slot it starts
    assert _slot_holding(22, bounds, starts) is None  # between two slots
    assert _slot_holding(-1, bounds, starts) is None and _slot_holding(31, bounds, starts) is None


def test_a_merged_cell_takes_every_slot_it_covers() -> None:
    rows, cols = [(0.0, 10.0), (10.0, 20.0)], [(0.0, 50.0), (50.0, 80.0)]
    merged, a, b = Cell((0, 0, 50, 20)), Cell((50, 0, 80, 10)), Cell((50, 10, 80, 20))
    assert _slots([merged, a, b], rows, cols, DEFAULTS) == [[merged, a], [merged, b]]


def test_a_drawn_table_with_a_merged_cell_reads_its_text_once(tmp_path: Path) -> None:
    t = Table(left=60, top=100, col_widths=[100, 60], row_heights=[20, 20, 20])
    t.cells = [cell(0, 0, "单位"), cell(0, 1, "数量"), cell(1, 0, "南京市鼓楼医院", rowspan=2),
               cell(1, 1, "12"), cell(2, 1, "30")]

    def draw(c) -> None:
        t.draw(c)
        text(c, 300, 300, "表外")  # outside the table: in no cell

    pdf = make_pdf(tmp_path / "ruled.pdf", draw)
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        (table,) = page.find_tables()
        grid = grid_from_cells(table.cells, page.chars, 1, DEFAULTS)
    assert [grid.row(r) for r in range(3)] == [["单位", "数量"], ["南京市鼓楼医院", "12"], ["南京市鼓楼医院", "30"]]
    assert grid.slots[1][0] is grid.slots[2][0]
    assert grid.bbox == pytest.approx((60, 100, 220, 160), abs=0.5)
