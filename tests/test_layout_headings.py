"""Headings found by what they say and where they stand, not by how they happen to be set; page
furniture never glued to content. Each test draws a small PDF whose structure it knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_etl.layout.document import load
from bulletin_etl.layout.sections import cut
from bulletin_etl.sections import TITLE_PATTERNS

from .pdfkit import CJK_FONT, PAGE_H, Table, cell, make_pdf, text

BODY = 12.0
LEFT, RIGHT = 60.0, 60.0 + 36 * BODY  # 36 body characters to a line


def para(c, top: float, lines: list[str], size: float = BODY) -> float:
    """A paragraph indented two characters on its first line; every full line is 36 chars."""
    for k, line in enumerate(lines):
        text(c, LEFT + (2 * size if k == 0 else 0), top + k * 1.6 * size, line, size)
    return top + len(lines) * 1.6 * size + 0.4 * size


def centred(c, top: float, line: str, size: float = BODY, font: str = CJK_FONT) -> None:
    width = len(line) * size
    text(c, LEFT + (RIGHT - LEFT - width) / 2, top, line, size, font)


FULL = "南京市卫生信息中心持续推进全民健康信息平台建设完善数据标准体系扎实推进各"
assert len(FULL) == 36


def small_table(top: float) -> Table:
    return Table(LEFT, top, [120, 90], [20, 20, 20],
                 [cell(0, 0, "类别"), cell(0, 1, "2030年"), cell(1, 0, "发卡数"), cell(1, 1, "123"),
                  cell(2, 0, "用卡数"), cell(2, 1, "45")])


def first_page(c) -> None:
    """A masthead and a first section of one paragraph, the page's foot left free."""
    text(c, LEFT, 40, "南京市卫生信息中心 编印 2031 年 1 月 20 日", BODY)
    centred(c, 80, "2030 年度南京市远程医疗数据")
    para(c, 110, [FULL[2:], FULL, "作。"])


def titles(pdf: Path) -> list[str]:
    return [p.title for p in cut(load(pdf), TITLE_PATTERNS)]


def test_regular_headings_at_the_body_size_are_found_by_their_words(tmp_path: Path) -> None:
    """公文: headings in the body's own font and size, neither bold nor larger."""
    def page(c):
        text(c, LEFT, 40, "南京市卫生信息中心 编印 2031 年 1 月 20 日", BODY)
        centred(c, 80, "2030 年度南京市远程医疗数据")
        y = para(c, 110, [FULL[2:], FULL, "作。"])
        y = para(c, y, [FULL[2:], "南京市远程医学会诊系统数据。"])  # a paragraph ending in a title word
        centred(c, y + 10, "2030 年度南京市电子健康卡发卡情况统计")
        small_table(y + 40).draw(c)

    pdf = make_pdf(tmp_path / "gongwen.pdf", page)
    pieces = cut(load(pdf), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030 年度南京市远程医疗数据", "2030 年度南京市电子健康卡发卡情况统计"]
    assert [len(p.paragraphs()) for p in pieces[1:]] == [2, 0]
    assert pieces[0].lines[0].text.startswith("南京市卫生信息中心")
    assert len(pieces[2].tables()) == 1


def test_a_caption_smaller_than_the_body_over_a_table_is_a_heading(tmp_path: Path) -> None:
    def page(c):
        para(c, 60, [FULL[2:], "作。"])
        centred(c, 120, "附表一 各区发卡分布", size=10.5)  # no title word: its setting and the table say it
        small_table(140).draw(c)

    assert titles(make_pdf(tmp_path / "caption.pdf", page)) == ["", "附表一 各区发卡分布"]


@pytest.mark.parametrize("first, second", [
    ("2030 年度南京市卫生信息平台各区", "数据采集情况（区）"),  # a long title centred over two lines
    ("2030 年度南京市卫生信息平台数据采集情况", "（区）"),  # its bracketed end alone: no remark under it
])
def test_a_title_wrapped_over_two_centred_lines_is_one_heading(tmp_path: Path, first: str, second: str) -> None:
    def page(c):
        para(c, 60, [FULL[2:], "作。"])
        centred(c, 120, first)
        centred(c, 120 + 1.4 * BODY, second)
        small_table(170).draw(c)

    assert titles(make_pdf(tmp_path / "wrapped.pdf", page)) == ["", first + second]


def test_emphasised_sentences_and_a_large_masthead_are_not_headings(tmp_path: Path) -> None:
    def page(c):
        text(c, LEFT, 40, "南京市卫生信息中心 编印 2031 年 1 月 20 日", 1.3 * BODY)  # larger than the body
        centred(c, 80, "十件大事", 1.3 * BODY)
        text(c, LEFT + 2 * BODY, 110, "一、突出政治引领，激活党建动能。", 1.3 * BODY)  # an event title set large
        para(c, 110 + 1.6 * BODY, ["深入学习，扎实开展党纪学习教育。"])

    pieces = cut(load(make_pdf(tmp_path / "bold.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "十件大事"]
    assert [p.text for p in pieces[1].paragraphs()] == ["一、突出政治引领，激活党建动能。", "深入学习，扎实开展党纪学习教育。"]


def test_running_headers_and_folios_are_furniture(tmp_path: Path) -> None:
    """A running header over a rule on every page and '第 N 页 共 M 页' under the text: never
    content, never a heading, never glued onto the paragraph that crosses the page break."""
    folios = ["第 1 页 共 3 页", "— 2 —", "3 / 3"]

    def page(k: int, lines: list[str]):
        def draw(c):
            text(c, LEFT, 30, "南京市卫生信息统计简报 2030 年度数据统计", 9)
            c.line(LEFT, PAGE_H - 42, RIGHT, PAGE_H - 42)
            if k == 0:
                centred(c, 70, "2030 年度南京市远程医疗数据")
            top = 100
            for line in lines:
                text(c, LEFT + (2 * BODY if line.startswith("南京市远程") else 0), top, line, BODY)
                top += 1.6 * BODY
            text(c, (LEFT + RIGHT) / 2 - 30, 800, folios[k], 9)
        return draw

    pdf = make_pdf(tmp_path / "furniture.pdf",
                   page(0, ["南京市远程" + FULL[7:], FULL]),
                   page(1, [FULL, FULL[:10] + "。"]),
                   page(2, ["南京市远程" + FULL[7:], "完成。"]))
    pieces = cut(load(pdf), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030 年度南京市远程医疗数据"]
    assert pieces[0].blocks == []
    texts = [p.text for p in pieces[1].paragraphs()]
    assert texts == ["南京市远程" + FULL[7:] + FULL + FULL + FULL[:10] + "。", "南京市远程" + FULL[7:] + "完成。"]


def test_a_large_bulletin_name_above_the_masthead_line_is_masthead(tmp_path: Path) -> None:
    def page(c):
        centred(c, 40, "卫生信息统计简报", 1.6 * BODY)
        text(c, LEFT, 80, "南京市卫生信息中心 编印 2031 年 1 月 20 日", BODY)
        centred(c, 120, "十件大事", 1.3 * BODY)
        para(c, 150, ["一、突出政治引领，激活党建动能。"])

    pieces = cut(load(make_pdf(tmp_path / "name.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "十件大事"]
    assert [ln.text for ln in pieces[0].lines] == ["卫生信息统计简报", "南京市卫生信息中心 编印 2031 年 1 月 20 日"]



def test_a_large_masthead_wrapped_inside_its_date_is_one_masthead(tmp_path: Path) -> None:
    """Set large, the dated line wraps before its last character ('… 2031 年 1 月 20' / '日'):
    the '日' alone is no heading and the date is read whole."""
    from bulletin_etl.sections.base import Context
    from bulletin_etl.sections.masthead import read_masthead

    def page(c):
        text(c, LEFT, 40, "南京市卫生信息中心 编印 2031 年 1 月 20", 1.8 * BODY)
        text(c, LEFT, 40 + 2.6 * BODY, "日", 1.8 * BODY)
        centred(c, 120, "2030 年度南京市卫生信息中心十件大事")
        para(c, 150, ["一、突出政治引领，激活党建动能。"])

    pieces = cut(load(make_pdf(tmp_path / "wrapped-masthead.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030 年度南京市卫生信息中心十件大事"]
    ctx = Context(file=tmp_path / "wrapped-masthead.pdf", year=2030)
    masthead = read_masthead(pieces[0], ctx)
    assert (masthead.issuer, str(masthead.issue_date)) == ("南京市卫生信息中心", "2031-01-20")
    assert ctx.warnings == []


@pytest.mark.parametrize("size", [BODY, 1.3 * BODY])
def test_a_title_broken_by_the_page_is_one_heading(tmp_path: Path, size: float) -> None:
    """'…采集情况（医' at the foot of one page, '院）' atop the next: one title. A title at a page's
    foot and another atop the next page stay two."""
    def page1(c):
        text(c, LEFT, 40, "南京市卫生信息中心 编印 2031 年 1 月 20 日", BODY)
        centred(c, 80, "2030 年度南京市远程医疗数据", size)
        para(c, 110, [FULL[2:], FULL, "作。"])
        centred(c, PAGE_H - 80, "2030 年南京市卫生信息平台数据采集情况（医", size)

    def page2(c):
        centred(c, 50, "院）", size)
        small_table(80).draw(c)
        centred(c, PAGE_H - 80, "2030 年度南京市电子健康卡发卡情况统计", size)

    def page3(c):
        centred(c, 50, "2030 年南京市卫生信息平台数据采集情况（区）", size)
        small_table(80).draw(c)
        centred(c, PAGE_H - 80, "2030 年南京市互联网医院诊疗数据统计", size)  # a title on its own …

    def page4(c):
        centred(c, 50, "（医院）", size)  # … but its bracketed tail atop the next page
        small_table(80).draw(c)

    pieces = cut(load(make_pdf(tmp_path / "broken-title.pdf", page1, page2, page3, page4)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030 年度南京市远程医疗数据", "2030 年南京市卫生信息平台数据采集情况（医院）",
                                         "2030 年度南京市电子健康卡发卡情况统计", "2030 年南京市卫生信息平台数据采集情况（区）",
                                         "2030 年南京市互联网医院诊疗数据统计（医院）"]
    assert [len(p.tables()) for p in pieces[2:]] == [1, 0, 1, 1]


@pytest.mark.parametrize("part", ["统计数据", "主要统计指标", "统计资料"])
def test_a_part_heading_right_over_a_section_title_is_its_own_heading(tmp_path: Path, part: str) -> None:
    """'统计数据' set close over a section title whose bracketed tail wrapped: two headings, the
    second one whole ('全国卫生健康信息化发展指数（2030）'). So too the part's title in words no
    title ends with ('主要统计指标', '统计资料': `heads_alone`; docx 790073 read '主要统计指标' as
    the title's first line and left '（2025）' to the sentence under it)."""
    def page(c):
        text(c, LEFT, 40, "南京市卫生信息中心 编印 2031 年 1 月 20 日", BODY)
        centred(c, 80, part, 1.3 * BODY)
        centred(c, 80 + 1.5 * BODY, "全国卫生健康信息化发展指数", 1.3 * BODY)
        centred(c, 80 + 3.0 * BODY, "（2030）", 1.3 * BODY)
        para(c, 150, ["2030年，全国卫生健康信息化发展指数发布，南京市位列第五。"])

    pieces = cut(load(make_pdf(tmp_path / "part-heading.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", part, "全国卫生健康信息化发展指数（2030）"]
    assert [p.text for p in pieces[2].paragraphs()] == ["2030年，全国卫生健康信息化发展指数发布，南京市位列第五。"]


def test_a_masthead_ruled_off_with_the_bulletins_name_is_no_table(tmp_path: Path) -> None:
    """The bulletin's name (over two lines) and the masthead line between two rules (a running
    header above), the date set far right and wrapped ('… 2031 年 1 月 20' / '日'): lines between
    rules, one holding figures, yet no table."""
    from bulletin_etl.sections.base import Context
    from bulletin_etl.sections.masthead import read_masthead

    def page(c):
        c.setLineWidth(0.5)
        text(c, 230, 29, "2030 年度南京市卫生信息统计公报", 9)
        c.line(77, PAGE_H - 40, 529, PAGE_H - 40)
        text(c, 232, 60, "卫生信息统计", 22)
        text(c, 245, 86, "（2030年度）", 14)
        text(c, 77, 110, "南京市卫生信息中心 编印", 18)
        text(c, 380, 110, "2031 年 1 月 20", 18)
        text(c, 77, 132, "日", 18)
        c.line(77, PAGE_H - 154, 529, PAGE_H - 154)
        text(c, 77, 189, "2030 年度南京市卫生信息中心十件大事", 16)
        text(c, 109, 229, "一、突出政治引领，激活党建动能。", 16)

    pdf = make_pdf(tmp_path / "ruled-masthead.pdf", page)
    pieces = cut(load(pdf), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030 年度南京市卫生信息中心十件大事"]
    ctx = Context(file=pdf, year=2030)
    masthead = read_masthead(pieces[0], ctx)
    assert (masthead.issuer, str(masthead.issue_date)) == ("南京市卫生信息中心", "2031-01-20")
    assert ctx.warnings == []


def test_a_title_broken_by_the_page_over_a_table_under_a_page_header_rule(tmp_path: Path) -> None:
    """'…平台数据' (a title's words on their own) at a page's foot, '采集情况（区）' atop the next
    page, between the page header's rule and the table's top rule of the same width: one title,
    and its second part no header of the table."""
    def page1(c):
        first_page(c)
        centred(c, PAGE_H - 80, "2030 年南京市卫生信息平台数据", 1.3 * BODY)

    def page2(c):
        c.setLineWidth(0.5)
        c.line(LEFT, PAGE_H - 41, RIGHT, PAGE_H - 41)
        centred(c, 86, "采集情况（区）", 1.3 * BODY)
        table = small_table(111)
        table.col_widths = [216, 216]
        table.style = "rows_only"
        table.draw(c)

    pieces = cut(load(make_pdf(tmp_path / "title-over-table.pdf", page1, page2)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030 年度南京市远程医疗数据", "2030 年南京市卫生信息平台数据采集情况（区）"]
    [table] = pieces[2].tables()
    assert table.header_paths == [("类别",), ("2030年",)]
    assert [row.cells for row in table.rows] == [["发卡数", "123"], ["用卡数", "45"]]


def test_a_title_wrapped_where_both_lines_match_known_patterns_stays_one(tmp_path: Path) -> None:
    """'2030 年度南京市卫生信息中心' (the colophon's pattern) over '十件大事' (the events' words),
    set large on two lines: one title."""
    def page(c):
        text(c, LEFT, 40, "南京市卫生信息中心 编印 2031 年 1 月 20 日", BODY)
        centred(c, 80, "2030 年度南京市卫生信息中心", 1.4 * BODY)
        centred(c, 80 + 1.6 * BODY, "十件大事", 1.4 * BODY)
        para(c, 140, ["一、突出政治引领，激活党建动能。"])

    assert titles(make_pdf(tmp_path / "wrapped-known.pdf", page)) == ["", "2030 年度南京市卫生信息中心十件大事"]


def test_a_unit_line_atop_the_next_page_is_no_title_tail(tmp_path: Path) -> None:
    """A title at a page's foot and '（单位：万人次）' atop the next page: the unit line stays out
    of the title."""
    def page1(c):
        first_page(c)
        centred(c, PAGE_H - 80, "2030 年度南京市电子健康卡发卡情况统计", 1.3 * BODY)

    def page2(c):
        centred(c, 50, "（单位：万人次）", 1.3 * BODY)
        small_table(80).draw(c)

    assert titles(make_pdf(tmp_path / "unit-line.pdf", page1, page2)) == [
        "", "2030 年度南京市远程医疗数据", "2030 年度南京市电子健康卡发卡情况统计"]


def test_a_title_right_under_a_wide_masthead_line_is_a_heading(tmp_path: Path) -> None:
    """The masthead's dated line set large across the whole measure, the first title right under
    it at the body's size and leading: the masthead line ends its block, the title stands alone."""
    def page(c):
        text(c, LEFT, 40, "南京市卫生信息中心 编印", 1.5 * BODY)
        text(c, RIGHT - 11 * 0.5 * 1.5 * BODY - 4 * 1.5 * BODY, 40, "2031年1月20日", 1.5 * BODY)
        text(c, LEFT, 40 + 1.5 * BODY + 0.6 * BODY, "2030年度南京市卫生信息中心十件大事", BODY)
        para(c, 40 + 3.5 * BODY, ["一、突出政治引领，激活党建动能。"])

    assert titles(make_pdf(tmp_path / "wide-masthead.pdf", page)) == ["", "2030年度南京市卫生信息中心十件大事"]


def title_broken_by_page_pdf(tmp_path: Path) -> Path:
    """A masthead and a section, then '2030 年南京市卫生信息平台数据采集情况（医' at the first page's
    foot and '院）' atop the next, over a table: one heading on two pages."""
    def page1(c):
        first_page(c)
        centred(c, PAGE_H - 80, "2030 年南京市卫生信息平台数据采集情况（医")

    def page2(c):
        centred(c, 50, "院）")
        small_table(80).draw(c)

    return make_pdf(tmp_path / "title-broken-by-page.pdf", page1, page2)


def test_a_title_broken_by_the_page_is_boxed_where_it_starts(tmp_path: Path) -> None:
    """Its box is its first line's on the first page: from the first line's top to the last
    line's foot it would be upside down (the foot atop page 2 is higher than the top at page 1's
    foot), and `inspect --stages` could not draw it."""
    doc = load(title_broken_by_page_pdf(tmp_path))
    heading = cut(doc, TITLE_PATTERNS)[2].heading
    assert heading is not None and heading.text == "2030 年南京市卫生信息平台数据采集情况（医院）"
    (first,) = [b for b in doc.blocks if getattr(b, "text", "") == "2030 年南京市卫生信息平台数据采集情况（医"]
    assert (heading.page, heading.x0, heading.top, heading.x1, heading.bottom) == (
        1, first.x0, first.top, first.x1, first.bottom)
    assert 0 < heading.bottom - heading.top < 1.5 * BODY


def test_a_known_pair_broken_by_the_page_is_one_heading(tmp_path: Path) -> None:
    """reportlab 920141: '2030 年南京市卫生信息平台数据' alone at the first page's foot (a title's
    words, no known section's) and '采集情况（医院）' atop the next over a table (a known section's
    title on its own): one heading, not an unknown one and a known one. Counter-case: the same
    rest under a first line naming no part of it ('2030 年度南京市远程医疗数据' with its paragraph)
    stays a heading of its own."""
    def page1(c):
        first_page(c)
        centred(c, PAGE_H - 80, "2030 年南京市卫生信息平台数据", size=10.5)

    def page2(c):
        centred(c, 50, "采集情况（医院）", size=10.5)
        small_table(80).draw(c)

    assert titles(make_pdf(tmp_path / "pair-broken-by-page.pdf", page1, page2)) == [
        "", "2030 年度南京市远程医疗数据", "2030 年南京市卫生信息平台数据采集情况（医院）"]

    def page2_alone(c):
        centred(c, 50, "采集情况（医院）", size=10.5)
        small_table(80).draw(c)

    assert titles(make_pdf(tmp_path / "rest-alone.pdf", first_page, page2_alone)) == [
        "", "2030 年度南京市远程医疗数据", "采集情况（医院）"]


def test_a_headings_lines_printed_together_go_on_down_its_first_page() -> None:
    """Down the page: all its lines; its rest atop the next page, or atop the right page column
    (higher on the same page): from the first line to where it breaks."""
    from bulletin_etl.layout.lines import TextLine
    from bulletin_etl.layout.sections import printed_together

    def line(page: int, top: float) -> TextLine:
        return TextLine("标题", page, 60.0, 200.0, top, top + 12.0, top, 12.0, False)

    down = [line(1, 100.0), line(1, 115.0)]
    assert printed_together(down) == down
    assert printed_together([line(1, 760.0), line(2, 50.0)]) == [line(1, 760.0)]
    assert printed_together([line(1, 431.0), line(1, 77.0)]) == [line(1, 431.0)]  # seed 745006's, across page columns
    assert printed_together([*down, line(2, 50.0), line(2, 65.0)]) == down
