"""Tables continued over pages as LibreOffice and Chromium set them: a 三线表 carried on under its
repeated header, with no rule under its last row on the page; a remark wrapped over the table
it stands above. Each test draws a small PDF whose
structure it knows (tests/pdfkit.py)."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from bulletin_etl.layout.document import load
from bulletin_etl.layout.sections import cut
from bulletin_etl.layout.tables import Grid
from bulletin_etl.sections import TITLE_PATTERNS

from .pdfkit import PAGE_H, font_for, make_pdf, text
from .test_layout_headings import BODY, LEFT as TEXT_LEFT, RIGHT as TEXT_RIGHT, centred, first_page, small_table

SIZE = 9.5
PITCH = 15.6  # LibreOffice's line pitch for 9.5 pt text in a table cell
LEFT, RIGHT = 86.0, 509.0
FIGURE_RIGHT = [300.0, 400.0, 500.0]  # figures set flush right in three columns


def rule(c, y: float, width: float = 0.5) -> None:
    c.setLineWidth(width)
    c.line(LEFT, PAGE_H - y, RIGHT, PAGE_H - y)


def row(c, top: float, seq: str, name: str, figures: list[str]) -> None:
    text(c, 100, top, seq, SIZE)
    text(c, 128, top, name, SIZE)
    for right, figure in zip(FIGURE_RIGHT, figures):
        text(c, right - stringWidth(figure, font_for(figure), SIZE), top, figure, SIZE)


def header(c, top: float) -> float:
    """The 三线表's top rule, its header and the rule under it; returns the header rule's height."""
    rule(c, top, 1.5)
    for x, label in [(95, "序号"), (150, "单位"), (255, "在线预约"), (360, "快速预约"), (480, "小计")]:
        text(c, x, top + 6, label, SIZE)
    rule(c, top + 24)
    return top + 24


def folio(c, number: str) -> None:
    text(c, 295, 792, number, 11)


ROWS = [("9", "东南大学附属中大医院", ["57,504", "3,249", "60,753"]),
        ("10", "南京市第二医院", ["59,587", "10,156", "69,743"]),
        ("11", "江苏省人民医院", ["14,251", "1,007", "15,258"]),
        ("12", "南京市中心医院", ["9,121", "0", "9,121"])]


def grids(pdf: Path) -> list[Grid]:
    return [b for b in load(pdf).blocks if isinstance(b, Grid)]


def test_a_first_row_standing_low_under_a_repeated_header_is_the_tables(tmp_path: Path) -> None:
    """LibreOffice continues a row the page split (docx rows may split) under the repeated
    header with the lost line's room above it: the first row stands ~16 pt under the header
    rule, more than rows stand apart (1.5 line heights). Nothing but the header stands between
    the rules, so the table's body is all below and that row is its first."""
    def page(c) -> None:
        below = header(c, 68)
        for k, (seq, name, figures) in enumerate(ROWS):
            row(c, below + 16 + k * PITCH, seq, name, figures)
        folio(c, "- 5 -")  # the table carries on over the next page: no rule under its last row

    [grid] = grids(make_pdf(tmp_path / "low-first-row.pdf", page))
    assert [grid.row(i) for i in range(len(grid.slots))] == [
        ["序号", "单位", "在线预约", "快速预约", "小计"],
        ["9", "东南大学附属中大医院", "57,504", "3,249", "60,753"],
        ["10", "南京市第二医院", "59,587", "10,156", "69,743"],
        ["11", "江苏省人民医院", "14,251", "1,007", "15,258"],
        ["12", "南京市中心医院", "9,121", "0", "9,121"]]


def test_a_complete_table_takes_no_figures_as_far_below_its_bottom_rule(tmp_path: Path) -> None:
    """A table with its body above its last rule is complete: a line of figures as far under
    its bottom rule (another table's row, set without rules) is no row of it."""
    def page(c) -> None:
        below = header(c, 68)
        for k, (seq, name, figures) in enumerate(ROWS[:3]):
            row(c, below + 2 + k * PITCH, seq, name, figures)
        bottom = below + 2 + 3 * PITCH
        rule(c, bottom, 1.5)
        row(c, bottom + 16, *ROWS[3])
        folio(c, "- 5 -")

    [grid] = grids(make_pdf(tmp_path / "complete.pdf", page))
    assert [grid.row(i) for i in range(len(grid.slots))] == [
        ["序号", "单位", "在线预约", "快速预约", "小计"],
        ["9", "东南大学附属中大医院", "57,504", "3,249", "60,753"],
        ["10", "南京市第二医院", "59,587", "10,156", "69,743"],
        ["11", "江苏省人民医院", "14,251", "1,007", "15,258"]]


def test_a_centred_remark_wrapped_over_a_table_is_no_heading(tmp_path: Path) -> None:
    """Chromium sets a centred remark under a title (a size under the body's) and wraps its last
    characters onto a line of their own, centred, far from the margin: '约）' is the remark's
    rest, not a caption of the table below; the table stays under the title."""
    def page(c) -> None:
        first_page(c)
        size = BODY - 1
        centred(c, 200, "2030 年度线上预约情况统计")
        remark = "（不包含电话预约、医院诊间预约、医院自有途径预约、自助机预约及其他线下渠道预"
        assert len(remark) * size <= TEXT_RIGHT - TEXT_LEFT <= len(remark) * size + 2 * size  # a full line
        centred(c, 230, remark, size)
        centred(c, 230 + 2 * size, "约）", size)
        small_table(290).draw(c)

    pieces = cut(load(make_pdf(tmp_path / "remark.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030 年度南京市远程医疗数据", "2030 年度线上预约情况统计"]
    [table] = pieces[2].tables()
    assert [row.cells for row in table.rows] == [["发卡数", "123"], ["用卡数", "45"]]
