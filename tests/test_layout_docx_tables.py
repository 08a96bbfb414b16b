"""Bulletins as LibreOffice sets them from a .docx (the synthetic `docx` producer): a title's
tail carried under the page header's rule in the title's own large size, the rest of a row the
page break cut printed under the repeated header, a paragraph line left short where a character
and the comma after it moved on together. Each test draws a small PDF whose structure it knows
(tests/pdfkit.py)."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from bulletin_etl.layout.document import load
from bulletin_etl.layout.sections import cut
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Grid, stitch
from bulletin_etl.sections import TITLE_PATTERNS

from .pdfkit import PAGE_H, Table, cell, font_for, make_pdf, text
from .test_layout_headings import BODY, FULL, LEFT, RIGHT, centred, first_page, small_table

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given


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


def test_the_rest_of_a_cut_row_is_carried_though_a_header_word_holds_its_characters(tmp_path: Path) -> None:
    """LibreOffice clips the repeated header cell too low for its last line ('情况') and prints
    that line beside the rest of the row the page break cut ('院'); the header reads '接入单位院'.
    '院' is no word of the header for appearing inside one ('出院信息'): it still ends its row
    on the previous page."""
    widths = [130, 60, 100, 70]

    def page1(c) -> None:
        t = Table(left=60, top=600, col_widths=widths, row_heights=[32, 20, 20], style="rows_only")
        t.cells = [cell(0, 0, "接入单位"), cell(0, 1, "上传天数"), cell(0, 2, ["实时数据表单上传", "情况"]),
                   cell(0, 3, "出院信息"),
                   cell(1, 0, "南京市鼓楼医院"), cell(1, 1, "12"), cell(1, 2, "11/11"), cell(1, 3, "41"),
                   cell(2, 0, "江苏省口腔医"), cell(2, 1, "288"), cell(2, 2, "7/12"), cell(2, 3, "52")]
        t.draw(c)

    def page2(c) -> None:
        t = Table(left=60, top=60, col_widths=widths, row_heights=[20, 20, 20], style="rows_only", align="top")
        t.cells = [cell(0, 0, "接入单位"), cell(0, 1, "上传天数"), cell(0, 2, "实时数据表单上传"),
                   cell(0, 3, "出院信息"), cell(1, 0, "院"), cell(1, 2, "情况"),
                   cell(2, 0, "南京脑科医院"), cell(2, 1, "273"), cell(2, 2, "9/12"), cell(2, 3, "63")]
        t.draw(c)

    tables = stitch([b for b in load(make_pdf(tmp_path / "carried.pdf", page1, page2)).blocks if isinstance(b, Grid)], DEFAULTS)
    assert [t.header_paths for t in tables] == [[("接入单位",), ("上传天数",), ("实时数据表单上传情况",), ("出院信息",)]]
    assert [row.cells for row in tables[0].rows] == [
        ["南京市鼓楼医院", "12", "11/11", "41"], ["江苏省口腔医院", "288", "7/12", "52"], ["南京脑科医院", "273", "9/12", "63"]]


def test_a_line_left_short_of_a_character_and_its_comma_runs_on(tmp_path: Path) -> None:
    """LibreOffice breaks '… 179712' / '个，其中…': no line may start with '，', so '个，' moves
    on together, leaving more than two characters' room at the line's end (less than the pair
    and half a character). The paragraph runs on: the figure keeps its unit."""
    full = "个，" + FULL[2:]  # a full line
    rest = "受理市卫生热线工单共三百件，全部办结。"

    def page(c) -> None:
        first_page(c)
        centred(c, 200, "南京 12320 卫生热线 2030 年数据统计")
        text(c, LEFT + 2 * BODY, 230, "2030 年，南京卫生热线共受理咨询电话", BODY)
        # the figure ends 2.3 characters short of the margin: '个，' (two) did not fit after it
        text(c, RIGHT - 2.3 * BODY - stringWidth("179712", font_for("179712"), BODY), 230, "179712", BODY)
        text(c, LEFT, 230 + 1.6 * BODY, full, BODY)
        text(c, LEFT, 230 + 3.2 * BODY, FULL, BODY)
        text(c, LEFT, 230 + 4.8 * BODY, rest, BODY)

    pieces = cut(load(make_pdf(tmp_path / "run-on.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030 年度南京市远程医疗数据", "南京 12320 卫生热线 2030 年数据统计"]
    assert [p.text for p in pieces[2].paragraphs()] == [
        "2030 年，南京卫生热线共受理咨询电话 179712" + full + FULL + rest]
