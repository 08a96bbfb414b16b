"""Layout layer on a 三线表 continued over a page whose running header is ruled in a page margin
box, as headless Chromium prints it (`@page { @top-left … @top-right { border-bottom } }`): the
header's rule, three boxes wide, stands right on top of the table's top rule, 0.75 pt apart, and
both are thin filled rectangles drawn piece by piece (the header box by box, the table cell by
cell), some of their pieces meeting at the same x.

Every PDF is drawn with reportlab (tests/pdfkit.py).
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from bulletin_etl.layout.document import load
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Grid, LogicalTable, horizontal_rules, stitch

from .pdfkit import PAGE_H, make_pdf, text

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given

HEADS = ((64, "序号"), (100, "医疗机构"), (260, "2028 年度总量"), (345, "累计总量"), (430, "备注"))
COLUMN_ENDS = (60, 95, 250, 335, 420, 535)  # the table's cell edges: its rules are drawn cell by cell
HEADER_BOXES = (50, 250, 270, 545)  # the running header's three margin boxes: one edge at a cell edge
LINE = 0.75  # Chromium paints a 0.75 pt border as a filled rectangle


def _rule(c, top: float, xs: tuple[float, ...]) -> None:
    """A horizontal rule from `top` down LINE, painted as one filled rectangle per piece."""
    for x0, x1 in zip(xs, xs[1:]):
        c.rect(x0, PAGE_H - top - LINE, x1 - x0, LINE, stroke=0, fill=1)


def _running_header(c) -> None:
    text(c, 50, 40, "南京市卫生信息中心", 8)
    text(c, 470, 40, "统计数据公报", 8)
    _rule(c, 50, HEADER_BOXES)


def _header(c, top: float) -> float:
    """The table's top rule at `top`, its header row, the rule under it; returns where it ends."""
    _rule(c, top, COLUMN_ENDS)
    for x, head in HEADS:
        text(c, x, top + 6, head, 8)
    _rule(c, top + 20, COLUMN_ENDS)
    return top + 20 + LINE


def _rows(c, top: float, rows: list[list[str]]) -> float:
    for row in rows:
        for (x, _), value in zip(HEADS, row):
            text(c, x, top + 4, value, 8)
        top += 16
    return top


FIRST = [["1", "东南大学附属中大医院", "120", "240", "系统升级"],
         ["2", "南京市第一医院", "2890", "2900", ""],
         ["3", "南京市高淳中医院", "1007", "1046", ""]]
SECOND = [["4", "南京市儿童医院", "5", "6", "试运行"],
          ["5", "南京脑科医院", "16", "44", ""],
          ["6", "江苏省人民医院", "73", "77", "含分院"]]


def _page1(c) -> None:
    _running_header(c)
    text(c, 50, 80, "南京市互联网医院诊疗数据统计", 11)
    _rows(c, _header(c, 100), FIRST)  # the page ends under the third row: no closing rule


def _page2(c) -> None:
    _running_header(c)
    bottom = _rows(c, _header(c, 50 + LINE), SECOND)  # the page's first line: the top rule under the header's
    _rule(c, bottom + 2, COLUMN_ENDS)


def test_a_table_rule_right_under_a_page_header_rule_keeps_its_own_ends(tmp_path: Path) -> None:
    """The two rules fall in one band of heights; each stays one rule with its own ends. A cell
    piece starting where a header box ends was taken into the header's rule (it reaches further
    than the box piece starting there), the box into the table's, and the two rules swapped ends
    (50–535 and 60–545): neither had the table's extent any more."""
    path = make_pdf(tmp_path / "under-header.pdf", _page2)
    with pdfplumber.open(path) as pdf:
        rules = horizontal_rules(pdf.pages[0].edges, DEFAULTS)
    assert [(round(r.y, 2), round(r.x0, 2), round(r.x1, 2)) for r in rules[:2]] == [
        (50.0, 50.0, 545.0), (50.0, 60.0, 535.0)]


def test_a_three_line_table_continued_under_a_ruled_page_header_keeps_its_repeated_header(tmp_path: Path) -> None:
    """On the continuation page the table's top rule lost its extent to the header's rule, so
    the table began at the rule under its repeated header: the header was left as a line of
    text between the two pages' grids, where the heading finder took a header line worded like
    a title ('2028 年度总量 …') for one and cut the table's rows on that page from its section."""
    blocks = load(make_pdf(tmp_path / "continued.pdf", _page1, _page2)).blocks
    assert [b.text for b in blocks if b.page == 2 and not isinstance(b, Grid)] == ["南京市卫生信息中心 统计数据公报"]
    second = [b for b in blocks if b.page == 2 and isinstance(b, Grid)]
    assert len(second) == 1, second
    assert [second[0].row(r) for r in range(len(second[0].slots))] == [
        ["序号", "医疗机构", "2028 年度总量", "累计总量", "备注"]] + SECOND
    tables = stitch([b for b in blocks if isinstance(b, Grid)], DEFAULTS)
    assert len(tables) == 1, tables
    table: LogicalTable = tables[0]
    assert table.header_paths == [("序号",), ("医疗机构",), ("2028 年度总量",), ("累计总量",), ("备注",)]
    assert [row.cells for row in table.rows] == FIRST + SECOND
