"""Bulletins as LibreOffice sets them from a .docx (the synthetic `docx` producer): a title's
tail carried under the page header's rule in the title's own large size, the rest of a row the
page break cut printed under the repeated header, a paragraph line left short where a character
and the comma after it moved on together. Each test draws a small PDF whose structure it knows
(tests/pdfkit.py)."""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout.document import load
from bulletin_etl.layout.sections import cut
from bulletin_etl.sections import TITLE_PATTERNS

from .pdfkit import PAGE_H, make_pdf
from .test_layout_headings import BODY, LEFT, RIGHT, centred, first_page, small_table


def test_a_title_tail_set_large_midway_between_a_page_header_rule_and_the_table_is_no_header(tmp_path: Path) -> None:
    """LibreOffice carries a broken title's tail ('（区）') to the next page and sets it, in the
    title's size, midway between the page header's rule and the table's top rule (as wide as the
    table, give or take a couple of points): it is not far under the first rule, but set twice
    the table's size it is no header band of the table; the title completes over the pages."""
    def page1(c) -> None:
        first_page(c)
        centred(c, PAGE_H - 80, "2030 年南京市卫生信息平台数据采集情况", 1.3 * BODY)

    def page2(c) -> None:
        c.setLineWidth(0.5)
        c.line(LEFT - 2.5, PAGE_H - 41, RIGHT + 2.5, PAGE_H - 41)
        centred(c, 56, "（区）", 1.3 * BODY)
        table = small_table(86)
        table.col_widths = [216, 216]
        table.style = "rows_only"
        table.draw(c)

    pieces = cut(load(make_pdf(tmp_path / "tail-midway.pdf", page1, page2)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030 年度南京市远程医疗数据", "2030 年南京市卫生信息平台数据采集情况（区）"]
    [table] = pieces[2].tables()
    assert table.header_paths == [("类别",), ("2030年",)]
    assert [row.cells for row in table.rows] == [["发卡数", "123"], ["用卡数", "45"]]

