"""A table printed as two halves side by side (序号 名称 预约数量 | 序号 名称 预约数量), its columns
not ruled, continued on the next page under its repeated header, a row the page break cut: the
rests of both halves' wrapped names ('程序', '端') on a line of their own under the header are that
row's rest, not another header level (layout/tables/header.py `is_cut_row_rest`). Each test draws
a small PDF whose structure it knows (tests/pdfkit.py)."""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout.document import load
from bulletin_etl.layout.tables import Grid, split_side_by_side, stitch

from .pdfkit import Table, cell, make_pdf

HEADER = ["序号", "名称", "预约数量"]
WIDTHS = [40.0, 110.0, 60.0] * 2


def _table(top: float, rows: list[list[str | list[str]]], header: bool = True) -> Table:
    """A table without inner vertical rules: the header (when `header`) and the given rows, one
    cell per slot; a row of one text is a cell across the whole table."""
    lines = [HEADER * 2] if header else []
    cells = [cell(0, c, text) for c, text in enumerate(HEADER * 2)] if header else []
    for r, row in enumerate(rows, start=len(lines)):
        if len(row) == 1:
            cells.append(cell(r, 0, row[0], colspan=len(WIDTHS)))
        else:
            cells += [cell(r, c, text) for c, text in enumerate(row) if text]
    heights = [20.0] * len(lines) + [20.0 if len(row) == 1 else 12.0 * max(
        len(t) if isinstance(t, list) else 1 for t in row) + 8 for row in rows]
    return Table(100, top, WIDTHS, heights, cells, style="no_inner_verticals", centred_rows=int(header))


def _bulletin(tmp_path: Path, rests: list[str]) -> Path:
    """Page one: four rows, the last row's names cut by the page ('健康南京APP小',
    '我的南京客户'); page two: the repeated header, the rests of the names in their columns
    (`rests`: the left half's and the right half's, either empty), the total across the table."""
    first = [["1", "南京发布城市服务", "103032", "5", "微信城市服务", "3960"],
             ["2", "12320快速预约", "85447", "6", "江苏省预约挂号网", "616"],
             ["3", "南京医保小程序", "12538", "7", "南京卫生微信", "158"],
             ["4", "健康南京APP小", "6101", "8", "我的南京客户", "113"]]

    def page_one(c) -> None:
        _table(100, first).draw(c)

    def page_two(c) -> None:
        _table(70, [["", rests[0], "", "", rests[1], ""], ["合计：211965"]]).draw(c)

    return make_pdf(tmp_path / "side-by-side.pdf", page_one, page_two)


def _rows(pdf: Path) -> list[list[str]]:
    document = load(pdf)
    (table,) = stitch([b for b in document.blocks if isinstance(b, Grid)], document.settings)
    return [row.cells for row in split_side_by_side(table).rows]


def test_both_halves_names_cut_by_the_page_are_joined_to_their_rows(tmp_path: Path) -> None:
    assert _rows(_bulletin(tmp_path, ["程序", "端"])) == [
        ["1", "南京发布城市服务", "103032"], ["2", "12320快速预约", "85447"], ["3", "南京医保小程序", "12538"],
        ["4", "健康南京APP小程序", "6101"], ["5", "微信城市服务", "3960"], ["6", "江苏省预约挂号网", "616"],
        ["7", "南京卫生微信", "158"], ["8", "我的南京客户端", "113"], ["合计：211965", "", ""]]


def test_one_halfs_name_cut_by_the_page_is_joined_to_its_row(tmp_path: Path) -> None:
    """The counter-case the rule grew from: a lone run under the repeated header."""
    rows = _rows(_bulletin(tmp_path, ["程序", ""]))
    assert rows[3] == ["4", "健康南京APP小程序", "6101"]
    assert rows[7] == ["8", "我的南京客户", "113"]
