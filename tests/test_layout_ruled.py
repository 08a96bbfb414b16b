"""The rules of the ruled-table stage (layout/tables/ruled.py): which slots a cell box covers,
which slot holds a character, and a drawn table read through them."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from bulletin_etl.layout.document import load
from bulletin_etl.layout.lines import CharsByHeight
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Grid, grid_from_cells, stitch
from bulletin_etl.layout.tables.model import Cell
from bulletin_etl.layout.tables.ruled import (
    _covers_slot,
    _slot_holding,
    _slots,
    closing_edges,
    is_row_open_at_foot,
    row_rules,
    rules_across,
    runs_columns_to_one_foot,
)

from .pdfkit import PAGE_H, Table, cell, make_pdf, text

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


# A grid's last row the page broke off without the rule under it (html 920010: Chromium leaves the
# border a row ending right at the page's content foot shares with the next row to neither page).
HEAD = [cell(0, 0, "序号"), cell(0, 1, "单位"), cell(0, 2, "小计")]
OPEN_ROWS = [("1", "南京江北医院", "21"), ("2", "南京尧化康复医院", "68"), ("3", "南京市职业病防治院", "18")]


def _open_grid(top: float, rows=OPEN_ROWS, open_foot: bool = True) -> Table:
    t = Table(left=80, top=top, col_widths=[30, 200, 60], row_heights=[21] * (len(rows) + 1), open_foot=open_foot)
    t.cells = HEAD + [cell(r, c, v) for r, row in enumerate(rows, 1) for c, v in enumerate(row)]
    return t


def _page_edges(pdf: Path) -> tuple[list[dict], list[dict], CharsByHeight]:
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        return ([e for e in page.edges if e["orientation"] == "v"], [e for e in page.edges if e["orientation"] == "h"],
                CharsByHeight(page.chars))


def _drawn(tmp_path: Path, *drawings) -> Path:
    def draw(c) -> None:
        for drawing in drawings:
            drawing(c)
    return make_pdf(tmp_path / f"open-{len(list(tmp_path.iterdir()))}.pdf", draw)


def _folio(c) -> None:
    text(c, 500, 800, "第 5 页")


def test_a_grid_row_open_at_the_pages_foot_is_closed_at_its_column_rules_foot(tmp_path: Path) -> None:
    vertical, horizontal, index = _page_edges(_drawn(tmp_path, _open_grid(678).draw, _folio))  # rows end at 762
    assert is_row_open_at_foot(row_rules(horizontal, DEFAULTS),
                               [e for e in vertical if e["bottom"] > 742], index, DEFAULTS)
    (edge,) = closing_edges(vertical, horizontal, index, DEFAULTS)
    assert (edge["x0"], edge["x1"], edge["top"], edge["bottom"]) == pytest.approx((80, 370, 762, 762))


def test_a_cell_stroked_alone_under_an_open_row_leaves_it_open(tmp_path: Path) -> None:
    """reportlab strokes a shaded cell's fill: the open row's 序号 cell closes its own box (open_feet
    family, reportlab 12), the rest of the row stays open."""
    def boxed(c) -> None:
        c.rect(80, PAGE_H - 762, 30, 21, stroke=1, fill=0)

    vertical, horizontal, index = _page_edges(_drawn(tmp_path, _open_grid(678).draw, boxed, _folio))
    (edge,) = closing_edges(vertical, horizontal, index, DEFAULTS)
    assert (edge["x0"], edge["x1"], edge["top"]) == pytest.approx((80, 370, 762))


def test_rule_pieces_touching_end_to_end_rule_across_the_table() -> None:
    rows = [{"x0": 80.0, "x1": 370.0}]

    def piece(x0: float, x1: float) -> dict:
        return {"x0": x0, "x1": x1}

    assert rules_across([piece(80, 110), piece(110, 310), piece(311, 370)], rows, DEFAULTS)  # cell by cell
    assert not rules_across([piece(80, 110)], rows, DEFAULTS)  # one cell's stroke
    assert not rules_across([piece(80, 110), piece(120, 370)], rows, DEFAULTS)  # a gap wider than a rule's join


def test_column_rules_past_the_last_rule_close_no_row_without_text_or_above_other_text(tmp_path: Path) -> None:
    def overshoot(c) -> None:  # column rules drawn 12 pt past a closed table's last rule: no text between
        _open_grid(678, OPEN_ROWS[:2], open_foot=False).draw(c)
        for x in (80, 110, 310, 370):
            c.line(x, PAGE_H - 741, x, PAGE_H - 753)

    def prose_under(c) -> None:  # the grid's columns run on over a row mid-page: the page did not break it
        _open_grid(400).draw(c)
        text(c, 80, 520, "2024年，全市共受理咨询电话355648个。")

    def one_column(c) -> None:  # a single rule hanging under the table: a mark, not a row's cells
        _open_grid(678, OPEN_ROWS[:2], open_foot=False).draw(c)
        c.line(80, PAGE_H - 741, 80, PAGE_H - 762)
        text(c, 84, 746, "注")

    def close_note(c) -> None:  # column rules 7 pt past a closed table's end, a note right under its rule
        _open_grid(678, OPEN_ROWS[:2], open_foot=False).draw(c)
        for x in (80, 110, 310, 370):
            c.line(x, PAGE_H - 741, x, PAGE_H - 748)
        text(c, 80, 742, "注：累计采集", 8)  # its middle above their foot, its glyphs reaching past it

    for drawing in (overshoot, prose_under, one_column, close_note):
        vertical, horizontal, index = _page_edges(_drawn(tmp_path, drawing, _folio))
        assert closing_edges(vertical, horizontal, index, DEFAULTS) == [], drawing.__name__


def test_column_rules_run_to_one_foot_at_the_tables_both_ends() -> None:
    rows = [{"x0": 80.0, "x1": 370.0, "top": 741.0}]

    def rule(x: float, bottom: float) -> dict:
        return {"x0": x, "x1": x, "bottom": bottom}

    assert runs_columns_to_one_foot(rows, [rule(80, 762), rule(110, 762), rule(370, 762)], DEFAULTS)
    assert not runs_columns_to_one_foot(rows, [rule(80, 762), rule(110, 762)], DEFAULTS)  # the right end ruled off
    assert not runs_columns_to_one_foot(rows, [rule(80, 762), rule(370, 750)], DEFAULTS)  # two feet
    assert not runs_columns_to_one_foot(rows, [rule(80, 762)], DEFAULTS)


def test_a_grid_broken_under_an_open_row_keeps_that_row(tmp_path: Path) -> None:
    """The whole page read: the row under the last drawn rule is the table's, its rest on the next
    page under the repeated header."""
    def first(c) -> None:
        _open_grid(678).draw(c)
        _folio(c)

    def second(c) -> None:
        _open_grid(80, [("4", "江苏省中医院", "11"), ("5", "南京市中医院", "81")], open_foot=False).draw(c)

    tables = stitch([b for b in load(make_pdf(tmp_path / "broken.pdf", first, second)).blocks
                     if isinstance(b, Grid)], DEFAULTS)
    assert [[row.cells for row in t.rows] for t in tables] == [[
        ["1", "南京江北医院", "21"], ["2", "南京尧化康复医院", "68"], ["3", "南京市职业病防治院", "18"],
        ["4", "江苏省中医院", "11"], ["5", "南京市中医院", "81"]]]
