"""The heading test's rules one at a time (layout/headings.py): each named rule on the case it
recognises and on a near miss. Rules over the whole flow draw a small page; rules over a line's
text or its box take lines written out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from bulletin_etl.layout.document import load
from bulletin_etl.layout.furniture import drop_furniture
from bulletin_etl.layout.headings import (
    Flow,
    _completes,
    _line_gap,
    _no_title,
    below_on_page,
    broken_by_page,
    closes_remark,
    ends_sentence,
    flow_of,
    follows_closely,
    heading_at,
    is_caption,
    is_masthead_line,
    is_title_tail,
    known_as_pair,
    known_only_together,
    known_pair_across_pages,
    known_pair_set_as_one,
    may_continue_title,
    numbered_title_rest,
    one_line_title_alone,
    running_text_pair,
    same_page_and_size,
    same_size,
    table_follows,
    title_second_line,
    two_line_title_alone,
    two_titles,
    worded_only_together,
)
from bulletin_etl.layout.lines import TextLine, fills_past_ragged_body, margins, within_margins
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.sections import TITLE_PATTERNS
from bulletin_etl.text import squash

from .pdfkit import CJK_FONT, PAGE_H, make_pdf, text
from .test_layout_headings import BODY, FULL, LEFT, RIGHT, centred, first_page, para, small_table, titles

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given

MASTHEAD_LINE = "南京市卫生信息中心 编印 2031 年 1 月 20 日"


def line(words: str, top: float = 100.0, size: float = BODY, page: int = 1, x0: float = LEFT) -> TextLine:
    """A line written out by hand: one em per character, from x0."""
    return TextLine(text=words, page=page, x0=x0, x1=x0 + len(words) * size, top=top, bottom=top + size,
                    doctop=top, size=size, bold=False)


def hand_flow(*lines: TextLine) -> Flow:
    return flow_of(list(lines), margins(lines, DEFAULTS), DEFAULTS, TITLE_PATTERNS)


def drawn_flow(pdf: Path) -> Flow:
    blocks = drop_furniture(load(pdf).blocks, DEFAULTS)
    return flow_of(blocks, margins((b for b in blocks if isinstance(b, TextLine)), DEFAULTS), DEFAULTS,
                   TITLE_PATTERNS)


def at(flow: Flow, words: str) -> int:
    """The index of the line that says `words`."""
    return next(i for i, b in enumerate(flow.blocks) if isinstance(b, TextLine) and squash(b.text) == squash(words))


def pair(flow: Flow, first: str, second: str) -> tuple[TextLine, TextLine]:
    a, b = flow.line(at(flow, first)), flow.line(at(flow, second))
    assert a is not None and b is not None
    return a, b


# --- rules on lines written out by hand ---------------------------------------------------------

def test_sizes_closer_than_half_a_point_are_one_size() -> None:
    assert same_size(12.0, 12.4, DEFAULTS)
    assert not same_size(12.0, 12.5, DEFAULTS)


def test_same_page_and_size() -> None:
    assert same_page_and_size(line("一"), line("二", top=120, size=BODY + 0.3), DEFAULTS)
    assert not same_page_and_size(line("一"), line("二", page=2), DEFAULTS)
    assert not same_page_and_size(line("一"), line("二", size=BODY + 2), DEFAULTS)


def test_below_on_page_means_starting_under_the_others_foot() -> None:
    above = line("一", top=100)
    assert below_on_page(above, line("二", top=100 + BODY + 1))
    assert not below_on_page(above, line("二", top=100 + BODY))  # touching
    assert not below_on_page(above, line("二", top=100 + BODY + 1, page=2))


@pytest.mark.parametrize("words, ends", [("作。", True), ("作。 ", True), ("（不包含医院自有途径预约）", True),
                                         ("2030 年度南京市远程医疗数据", False), ("分别为", False),
                                         ("全国卫生健康信息化发展指数（2027）", False)])
def test_ends_a_sentence_or_a_remark(words: str, ends: bool) -> None:
    assert ends_sentence(words) is ends


@pytest.mark.parametrize("words, closes", [
    ("（不包含 12320 电话预约、医院诊间预约、医院自有途径预约）", True),  # the whole line in brackets
    ("约）", True), ("院）", True),  # a remark's (or a title's) rest wrapped from the line above
    ("（2027）", True),
    ("全国卫生健康信息化发展指数（2027）", False),  # a group after words: '显示，…' may follow
    ("2030 年南京市卫生信息平台数据采集情况（区）", False),
    ("（不包含 12320 电话预约", False),  # no closing bracket
])
def test_a_line_closes_a_remark_only_when_the_remark_is_all_it_holds(words: str, closes: bool) -> None:
    assert closes_remark(words) is closes


@pytest.mark.parametrize("words, masthead", [(MASTHEAD_LINE, True), ("南京市卫生信息中心 编印", True),
                                             ("2031 年 1 月 20 日", True), ("2030 年度南京市远程医疗数据", False)])
def test_the_masthead_line_is_found_by_what_it_says(words: str, masthead: bool) -> None:
    assert is_masthead_line(words) is masthead


@pytest.mark.parametrize("words, tail", [("（区）", True), ("（医院）", True), ("（2030）", True),
                                         ("（单位：万人次）", False), ("采集情况（区）", False),
                                         # a title's ending word alone ('…信息系统建设情况' / '统计')
                                         ("统计", True), ("情况统计", True), ("统计（区）", True),
                                         ("统计数据公报", False), ("合计", False)])
def test_a_titles_bracketed_tail_alone(words: str, tail: bool) -> None:
    assert is_title_tail(words) is tail


def test_no_title_is_a_sentence_or_the_masthead() -> None:
    assert _no_title("一、突出政治引领，激活党建动能。", DEFAULTS)
    assert _no_title(MASTHEAD_LINE, DEFAULTS)
    assert not _no_title("2030 年度南京市远程医疗数据", DEFAULTS)


def test_running_text_pairs_are_two_body_lines_one_under_the_other() -> None:
    first = line(FULL, top=100)
    assert running_text_pair(first, line(FULL, top=119.2), BODY, DEFAULTS)
    assert not running_text_pair(first, line(FULL, top=119.2, size=16), BODY, DEFAULTS)
    assert not running_text_pair(first, line(FULL, top=50, page=2), BODY, DEFAULTS)


def test_the_line_gap_is_the_median_space_between_running_text_lines() -> None:
    lines = [line(FULL, top=100), line(FULL, top=119), line(FULL, top=140), line(FULL, top=161),
             line("2030 年度南京市远程医疗数据", top=200, size=16), line(FULL, top=250)]
    assert _line_gap(list(lines), BODY, DEFAULTS) == 9.0  # gaps 7, 9, 9 at the body's size; the title's not
    assert _line_gap([], BODY, DEFAULTS) == 0.0


def test_worded_only_together() -> None:
    flow = hand_flow()
    assert worded_only_together(flow, "2030 年度南京市卫生信息平台各区", "数据采集情况（区）")
    assert not worded_only_together(flow, "2030 年度南京市电子健康卡发卡情况统计", "（单位：万人次）")


def test_known_only_together() -> None:
    flow = hand_flow()
    assert known_only_together(flow, "2030 年南京市卫生信息平台数据", "采集情况（区）")
    assert not known_only_together(flow, "2030 年南京市卫生信息平台数据采集情况（区）", "（单位：万人次）")
    # the rest names a section on its own: one title only under a numbered first line
    assert known_only_together(flow, "2.2 2026年度南京市卫生信息平台数据", "采集情况（医院）")
    assert not known_only_together(flow, "2026年度南京市卫生信息平台数据", "采集情况（医院）")


def test_a_known_pair_set_as_one_title() -> None:
    """An unnumbered title whose first line reads as a title alone ('…平台数据') and whose rest names
    a section alone ('采集情况（医院）'): one title when set in one size, close under it. Counter-cases:
    the part's title '统计数据' (a section's title of its own) over a known title; the rest spaced
    apart or set in another size."""
    flow = hand_flow()
    first, rest = "2022年度南京市卫生信息平台数据", "采集情况（医院）"
    assert known_pair_set_as_one(flow, line(first), line(rest, top=100 + 1.4 * BODY))
    assert not known_pair_set_as_one(flow, line("统计数据"), line(rest, top=100 + 1.4 * BODY))
    assert not known_pair_set_as_one(flow, line(first), line(rest, top=100 + 3 * BODY))
    assert not known_pair_set_as_one(flow, line(first), line(rest, top=100 + 1.4 * BODY, size=1.3 * BODY))
    assert not known_pair_set_as_one(flow, line(first), line(rest, top=100, page=2))


def test_a_known_pair_names_its_section_only_together() -> None:
    flow = hand_flow()
    assert known_as_pair(flow, "2019 年南京市卫生信息平台数据", "采集情况（医院）")
    assert not known_as_pair(flow, "2019 年南京市卫生信息平台数据采集情况（医院）", "（单位：万人次）")  # whole alone
    assert not known_as_pair(flow, "2019 年度南京市远程医疗数据", "采集情况（医院）")  # another section's words


def test_a_known_pair_broken_by_the_page() -> None:
    """reportlab 920141: '2019 年南京市卫生信息平台数据' the last line of page 3, '采集情况（医院）' in
    its size the first of page 4: one title. Counter-cases: the rest on the same page (that is
    `known_pair_set_as_one`'s case), two pages on, in another size; the part's title over it."""
    flow = hand_flow()
    foot, rest = line("2019 年南京市卫生信息平台数据", top=749), line("采集情况（医院）", top=77, page=2)
    assert known_pair_across_pages(flow, foot, rest)
    assert not known_pair_across_pages(flow, foot, line("采集情况（医院）", top=770))
    assert not known_pair_across_pages(flow, foot, line("采集情况（医院）", top=77, page=3))
    assert not known_pair_across_pages(flow, foot, line("采集情况（医院）", top=77, page=2, size=1.3 * BODY))
    assert not known_pair_across_pages(flow, line("统计数据", top=749), rest)
    # a title saying its own year atop the page is a title of its own, under a foot title left alone
    titled = line("2019 年南京市卫生信息平台数据采集情况（区）", top=77, page=2)
    assert not known_pair_across_pages(flow, line("2019 年度南京市电子健康卡发卡情况统计", top=749), titled)
    assert broken_by_page(flow, foot, rest)


@pytest.mark.parametrize("first, second, rest", [
    ("2.2 2026年度南京市卫生信息平台数据", "采集情况（医院）", True),
    ("（四）2026年度南京市卫生信息平台", "数据采集情况（区）", True),
    ("一、2026年度南京市卫生信息平台数据", "采集情况（区）", True),
    ("2026年度南京市卫生信息平台数据", "采集情况（医院）", False),  # not numbered: may be two titles
    ("统计数据", "（二）2024年度南京市卫生信息平台数据采集情况", False),  # the second numbered
    ("（一）2026年度南京市远程医疗数据", "（二）2026年度南京市健康证数据", False),
])
def test_a_numbered_titles_rest_carries_no_number(first: str, second: str, rest: bool) -> None:
    assert numbered_title_rest(first, second) is rest


@pytest.mark.parametrize("first, second, completes", [
    ("2030 年南京市互联网医院诊疗数据统计", "（医院）", True),  # the bracketed tail
    ("2030 年度南京市卫生信息平台各区", "数据采集情况（区）", True),  # worded only together
    ("2030 年南京市卫生信息平台数据", "采集情况（区）", True),  # known only together
    ("2030 年度南京市电子健康卡发卡情况统计", "（单位：万人次）", False),
])
def test_a_next_line_completes_a_title(first: str, second: str, completes: bool) -> None:
    assert _completes(hand_flow(), line(first), line(second, top=120)) is completes


def test_a_title_may_go_on_in_its_size_with_no_sentence_or_with_its_tail() -> None:
    title = line("2030 年度南京市卫生信息平台各区")
    assert may_continue_title(title, line("数据采集情况（区）", top=120), DEFAULTS)
    assert may_continue_title(title, line("（区）", top=120), DEFAULTS)  # a remark's shape, but a title's tail
    assert not may_continue_title(title, line("（单位：万人次）", top=120), DEFAULTS)
    assert not may_continue_title(title, line("一、突出政治引领，激活党建动能。", top=120), DEFAULTS)
    assert not may_continue_title(title, line("数据采集情况（区）", top=120, size=BODY + 2), DEFAULTS)
    # a numbered line begins a heading of its own, never a title's rest
    assert not may_continue_title(line("统计数据"), line("（二）2024年度南京市卫生信息平台数据采集情况", top=120), DEFAULTS)
    assert not may_continue_title(title, line("2.2 数据采集情况（区）", top=120), DEFAULTS)
    assert may_continue_title(line("2.2 2030 年度南京市卫生信息平台各区"), line("数据采集情况（区）", top=120), DEFAULTS)


def test_a_second_line_follows_closely_on_its_page() -> None:
    flow, title = hand_flow(), line("2030 年度南京市卫生信息平台各区", top=100)
    assert follows_closely(flow, title, line("数据采集情况（区）", top=100 + BODY + 0.7 * BODY))
    assert not follows_closely(flow, title, line("数据采集情况（区）", top=100 + BODY + 0.9 * BODY))
    assert not follows_closely(flow, title, line("数据采集情况（区）", top=50, page=2))


def test_a_title_broken_by_the_page_goes_on_atop_the_next() -> None:
    flow = hand_flow()
    foot, rest = line("2030 年南京市卫生信息平台数据采集情况（医", top=760), line("院）", top=50, page=2)
    assert broken_by_page(flow, foot, rest)
    assert not broken_by_page(flow, foot, line("院）", top=780))  # same page: follows_closely's case
    assert not broken_by_page(flow, foot, line("院）", top=50, page=3))


def test_two_known_titles_one_over_the_other_are_two() -> None:
    flow = hand_flow()
    assert two_titles(flow, line("统计数据"), line("全国卫生健康信息化发展指数", top=120))
    assert two_titles(flow, line("数据统计"), line("全国卫生健康信息化发展指数", top=120))  # the part, worded otherwise
    assert not two_titles(flow, line("全国卫生健康信息化发展指数"), line("（2030）", top=120))  # its tail
    assert not two_titles(flow, line("2030 年度南京市卫生信息中心"), line("十件大事", top=120))  # no title alone


def test_a_known_title_is_known_and_worded_as_a_title() -> None:
    flow = hand_flow()
    assert flow.known_title("统计数据")
    assert flow.known("2030 年度南京市卫生信息中心") and not flow.known_title("2030 年度南京市卫生信息中心")


# --- rules over the flow, on drawn pages --------------------------------------------------------

def test_where_paragraphs_close_and_open(tmp_path: Path) -> None:
    def page(c):
        text(c, LEFT, 40, MASTHEAD_LINE, BODY)
        y = para(c, 80, [FULL[2:], FULL, "作。"])  # indented first line, a full line, a short last line
        text(c, LEFT, y + 2 * BODY, FULL, BODY)  # after space
        text(c, LEFT, y + 3.6 * BODY, FULL[:-1] + "。", BODY)  # reaches the margin, ends a sentence

    flow = drawn_flow(make_pdf(tmp_path / "paragraphs.pdf", page))
    first, full, last = at(flow, FULL[2:]), at(flow, FULL), at(flow, "作。")
    spaced, sentence = last + 1, last + 2
    assert flow.closes_paragraph(flow.line(at(flow, MASTHEAD_LINE)))  # however wide
    assert flow.closes_paragraph(flow.line(last))  # stops short
    assert flow.closes_paragraph(flow.line(sentence))  # ends a sentence at the margin
    assert not flow.closes_paragraph(flow.line(full))
    assert flow.indented(flow.line(first - 1), flow.line(first)) and not flow.indented(flow.line(first), flow.line(full))
    assert flow.spaced(flow.line(last), flow.line(spaced)) and not flow.spaced(flow.line(full), flow.line(full + 1))
    assert flow.opens_paragraph(flow.line(last), flow.line(spaced))
    assert [flow.starts_block(i) for i in (first, full, last, spaced, sentence)] == [True, False, False, True, False]
    assert [flow.ends_block(i) for i in (first, full, last, spaced, sentence)] == [False, False, True, False, True]


def test_the_centred_rest_of_a_remark_is_no_indent(tmp_path: Path) -> None:
    """'（不包含…医院自有途径预' / '约）': the second line centred under a full first line."""
    def page(c):
        first_page(c)
        text(c, LEFT, 200, "（" + FULL[1:], BODY)
        centred(c, 200 + 1.5 * BODY, "约）")
        text(c, LEFT + 2 * BODY, 260, FULL[2:], BODY)  # an indented paragraph …
        text(c, LEFT + 2 * BODY, 260 + 1.5 * BODY, "作。", BODY)  # … and a line starting where it starts

    flow = drawn_flow(make_pdf(tmp_path / "centred-rest.pdf", page))
    remark, rest = pair(flow, "（" + FULL[1:], "约）")
    assert flow.centred_inside(remark, rest) and flow.centred_rest(remark, rest)
    assert not flow.indented(remark, rest)
    indented, under = pair(flow, FULL[2:], "作。")
    assert not flow.centred_inside(indented, under) and not flow.centred_rest(indented, under)


def test_a_page_break_next_to_a_page_of_few_lines_shows_no_margins(tmp_path: Path) -> None:
    foot_line = "扎实推进" + FULL[4:]

    def page1(c):
        first_page(c)
        text(c, LEFT, PAGE_H - 80, foot_line, BODY)

    def page2(c):
        text(c, LEFT, 50, FULL[:20], BODY)
        small_table(80).draw(c)

    flow = drawn_flow(make_pdf(tmp_path / "few-lines.pdf", page1, page2))
    foot, top = pair(flow, foot_line, FULL[:20])
    assert flow.unmeasured_page_break(foot, top)
    assert not flow.unmeasured_page_break(*pair(flow, FULL[2:], "作。"))  # no page break


def test_a_line_a_few_points_past_the_margin_keeps_its_page_on_the_document_margins(tmp_path: Path) -> None:
    """A page of two centred captions, a centred title and a paragraph whose first line runs 3 pt
    (a quarter em) past the document's margin: the page keeps the document's margins, not the
    captions' edges, and the title stands alone (reportlab 720176). Counter-case: a page set
    wider (a landscape page's column) keeps its own."""
    title = "全国卫生健康信息化发展指数（2031）"
    overfull = FULL[:34]

    def page1(c):
        first_page(c)
        para(c, 200, [FULL[2:], *[FULL] * 8, "作。"])

    def page2(c):
        centred(c, 60, "（截至2031年底，总预约挂号量为86105次）", size=10.0)
        centred(c, 100, title)
        text(c, LEFT + 2 * BODY + 3, 130, overfull, BODY)
        text(c, LEFT, 150, "信息化发展总指数中排名第八。", BODY)
        centred(c, 200, "2031年度南京市从业人员健康证系统数据统计", size=9.5)
        small_table(220).draw(c)
        centred(c, 400, "2031年度南京市体检综合管理平台数据量统计", size=9.5)
        small_table(420).draw(c)

    def wide(c):
        for k in range(6):
            text(c, LEFT - 20, 60 + k * 1.6 * BODY, FULL + FULL[:6], BODY)

    blocks = drop_furniture(load(make_pdf(tmp_path / "overfill.pdf", page1, page2, wide)).blocks, DEFAULTS)
    lines = [b for b in blocks if isinstance(b, TextLine)]
    found = margins(lines, DEFAULTS)
    assert [tuple(round(e, 1) for e in found[p]) for p in (1, 2, 3)] == [(LEFT, RIGHT), (LEFT, RIGHT),
                                                                        (LEFT - 20, LEFT - 20 + 42 * BODY)]
    long_line = next(ln for ln in lines if ln.text == overfull)
    assert within_margins(long_line, found[1], BODY, DEFAULTS)
    assert not within_margins(long_line, found[1], BODY, LayoutSettings(page_overfill_em=0.2))  # 3 pt is 0.25 em
    assert not within_margins(next(ln for ln in lines if ln.page == 3), found[1], BODY, DEFAULTS)
    narrow = margins(lines, LayoutSettings(page_overfill_em=0.2))[2]  # the page measured alone: the captions' edges
    assert narrow != found[2] and narrow[0] > LEFT + 2 * BODY
    flow = drawn_flow(tmp_path / "overfill.pdf")
    assert one_line_title_alone(flow, flow.line(at(flow, title)), at(flow, title))


@pytest.mark.parametrize(("size", "past", "fills"), [
    (9.0, 0.8 * BODY, True),  # a note in smaller type, less than a body character past the body's lines
    (9.0, 1.2 * BODY, False),  # farther: a page set wider
    (BODY, 0.8 * BODY, False),  # a body-size line past them (`page_overfill_em` judges it)
    (14.0, 0.5 * BODY, False),  # a larger line
])
def test_smaller_type_may_fill_past_ragged_body_lines(size: float, past: float, fills: bool) -> None:
    note = line("注：" + "字" * 10, size=size, x0=RIGHT + past - 12 * size)
    assert fills_past_ragged_body(note, RIGHT, BODY, DEFAULTS) is fills


def test_a_small_note_past_ragged_body_lines_keeps_its_page_on_the_document_margins(tmp_path: Path) -> None:
    """Ragged body lines stop short of the text block's edge; a note in smaller type on a page of
    two centred captions reaches 0.8 body characters past them: the page keeps the document's
    margins, not the captions' edges, so the caption over a bracketed line as wide as the page
    stands alone as a title (html 707726: '2028年度线上预约情况统计' over '（不包含 12320 电话预约…）'
    read as its first line, its table then the hotline's). Counter-case: a note 1.2 body characters
    past shows the page set otherwise."""
    caption = "2031年度线上预约情况统计"
    bracketed = "（不包含 12320 电话预约、医院诊间预约、医院自有途径预约）"

    def page1(c):
        first_page(c)
        para(c, 200, [FULL[2:], *[FULL] * 8, "作。"])

    def page2(past: float):
        def draw(c):
            centred(c, 60, caption, size=11.0)
            text(c, LEFT, 90, bracketed, BODY)
            small_table(110).draw(c)
            centred(c, 200, "2031年互联网医院服务数据", size=11.0)
            small_table(220).draw(c)
            note = "注：南京市批准并准入 12 家医疗机构互联网医院牌照，正常提供互联网服务 6 家，其中 3 家已接入市互联网"
            size = 9.0 * (RIGHT + past - LEFT) / pdfmetrics.stringWidth(note, CJK_FONT, 9.0)  # from the margin
            assert size < BODY - 1
            text(c, LEFT, 300, note, size)
            text(c, LEFT, 312, "医院服务门户。", size)
        return draw

    for past, kept in ((0.8 * BODY, True), (1.2 * BODY, False)):
        pdf = make_pdf(tmp_path / f"ragged-{past}.pdf", page1, page2(past))
        blocks = drop_furniture(load(pdf).blocks, DEFAULTS)
        found = margins([b for b in blocks if isinstance(b, TextLine)], DEFAULTS)
        assert (found[2] == found[1]) is kept
        assert margins([b for b in blocks if isinstance(b, TextLine)], LayoutSettings(ragged_body_fill_em=0.01))[2] \
            != found[1]
        if kept:
            flow = drawn_flow(pdf)
            assert one_line_title_alone(flow, flow.line(at(flow, caption)), at(flow, caption))


def test_a_caption_is_set_apart_with_a_table_right_under_it(tmp_path: Path) -> None:
    def page(c):
        para(c, 60, [FULL[2:], "作。"])
        centred(c, 120, "附表一 各区发卡分布", size=10.5)
        small_table(140).draw(c)
        centred(c, 300, "附表二 各区用卡分布")  # at the body's size
        small_table(320).draw(c)

    flow = drawn_flow(make_pdf(tmp_path / "captions.pdf", page))
    small, plain = at(flow, "附表一 各区发卡分布"), at(flow, "附表二 各区用卡分布")
    assert table_follows(flow, small) and table_follows(flow, plain) and not table_follows(flow, small - 1)
    assert is_caption(flow, flow.line(small), small)
    assert not is_caption(flow, flow.line(plain), plain)
    assert one_line_title_alone(flow, flow.line(small), small)
    assert not one_line_title_alone(flow, flow.line(plain), plain)


def test_a_title_alone_on_one_line_or_on_two(tmp_path: Path) -> None:
    def page(c):
        first_page(c)
        centred(c, 200, "2030 年度南京市卫生信息平台各区")
        centred(c, 200 + 1.4 * BODY, "数据采集情况（区）")
        small_table(250).draw(c)
        text(c, LEFT, 330, FULL[:-1] + "统", BODY)  # a title's word ending a line of running text
        text(c, LEFT, 330 + 1.6 * BODY, "计数据。", BODY)

    flow = drawn_flow(make_pdf(tmp_path / "alone.pdf", page))
    i = at(flow, "2030 年度南京市卫生信息平台各区")
    top, second = pair(flow, "2030 年度南京市卫生信息平台各区", "数据采集情况（区）")
    assert title_second_line(flow, i) is second
    assert two_line_title_alone(flow, top, i, second)
    assert heading_at(flow, i) == i + 1
    title = at(flow, "2030 年度南京市远程医疗数据")
    assert one_line_title_alone(flow, flow.line(title), title) and heading_at(flow, title) == title
    running = at(flow, FULL[:-1] + "统")
    assert not one_line_title_alone(flow, flow.line(running), running) and heading_at(flow, running) is None


def test_a_titles_second_line_is_never_a_second_title_or_a_unit_line(tmp_path: Path) -> None:
    def page1(c):
        text(c, LEFT, 40, MASTHEAD_LINE, BODY)
        centred(c, 80, "统计数据", 1.3 * BODY)
        centred(c, 80 + 1.5 * BODY, "全国卫生健康信息化发展指数", 1.3 * BODY)
        centred(c, 80 + 3.0 * BODY, "（2030）", 1.3 * BODY)
        para(c, 150, ["2030年，全国卫生健康信息化发展指数发布，南京市位列第五。"])
        centred(c, PAGE_H - 80, "2030 年度南京市电子健康卡发卡情况统计", 1.3 * BODY)

    def page2(c):
        centred(c, 50, "（单位：万人次）", 1.3 * BODY)
        small_table(80).draw(c)

    flow = drawn_flow(make_pdf(tmp_path / "second-lines.pdf", page1, page2))
    part, index = at(flow, "统计数据"), at(flow, "全国卫生健康信息化发展指数")
    assert title_second_line(flow, part) is None
    assert title_second_line(flow, index) is flow.line(index + 1)
    assert heading_at(flow, part) == part and heading_at(flow, index) == index + 1
    assert title_second_line(flow, at(flow, "2030 年度南京市电子健康卡发卡情况统计")) is None




def test_a_line_short_only_for_the_bracketed_group_after_it_closes_no_paragraph(tmp_path: Path) -> None:
    """A line stops five characters short of the margin ('…信息化发展指数'), but only because
    '（2028），' did not fit after it (a producer keeps the bracketed group and its mark
    together): its paragraph goes on."""
    short = "推进全民健康信息平台建设国家卫健委发布全国卫生健康信息化发展指数"[-31:]

    def page(c) -> None:
        first_page(c)
        para(c, 220, [FULL[2:], short])
        text(c, LEFT, 220 + 2 * 1.6 * BODY, "（2028），南京市在副省级城市及省会城市中保持了第四名的成", BODY)
        text(c, LEFT, 220 + 3 * 1.6 * BODY, "绩。", BODY)

    flow = drawn_flow(make_pdf(tmp_path / "group.pdf", page))
    i = at(flow, short)
    assert flow.ends_short(flow.line(i))  # short of the margin …
    assert not flow.ends_block(i)  # … for the group after it only


def test_a_numbered_title_wrapped_onto_a_line_naming_a_section_is_one_title(tmp_path: Path) -> None:
    """'2.2 …平台数据' / '采集情况（医院）': the rest names a section on its own, but carries no number
    in an edition that numbers its headings. Titles set at the body's size (公文), where typography
    says nothing. Counter-case: two numbered titles one over the other."""
    size = BODY

    def page(c) -> None:
        first_page(c)
        centred(c, 200, "2.2 2026年度南京市卫生信息平台数据", size)
        centred(c, 200 + 1.4 * size, "采集情况（医院）", size)
        small_table(250).draw(c)
        centred(c, 330, "（一）2026年度南京市远程医疗数据", size)
        centred(c, 330 + 1.4 * size, "（二）2026年度南京市健康证数据", size)
        small_table(380).draw(c)

    assert titles(make_pdf(tmp_path / "numbered.pdf", page)) == [
        "", "2030 年度南京市远程医疗数据", "2.2 2026年度南京市卫生信息平台数据采集情况（医院）",
        "（一）2026年度南京市远程医疗数据", "（二）2026年度南京市健康证数据"]


@pytest.mark.parametrize("part", ["统计数据", "数据统计", "主要统计指标"])
def test_an_unnumbered_title_wrapped_onto_a_line_naming_a_section_is_one_title(tmp_path: Path, part: str) -> None:
    """'2022年度南京市卫生信息平台数据' / '采集情况（医院）' at the body's size: the first line reads as a
    title alone and the rest names a section alone, but only together do they name one
    (`known_pair_set_as_one`). Counter-case: the part's title ('统计数据', however worded:
    `vocabulary.is_part_title`) over a known title is two."""
    size = BODY

    def page(c) -> None:
        first_page(c)
        centred(c, 200, "2022年度南京市卫生信息平台数据", size)
        centred(c, 200 + 1.4 * size, "采集情况（医院）", size)
        small_table(250).draw(c)
        centred(c, 330, part, size)
        centred(c, 330 + 1.4 * size, "2022年度南京市远程医疗数据", size)
        small_table(380).draw(c)

    assert titles(make_pdf(tmp_path / "unnumbered.pdf", page)) == [
        "", "2030 年度南京市远程医疗数据", "2022年度南京市卫生信息平台数据采集情况（医院）",
        part, "2022年度南京市远程医疗数据"]


def test_a_numbered_line_under_the_part_title_is_a_heading_of_its_own(tmp_path: Path) -> None:
    """'统计数据' and '（二）…数据采集情况' close under it (a title naming no section alone, so
    `two_titles` does not part them): the number begins a heading."""
    size = 1.3 * BODY

    def page(c) -> None:
        first_page(c)
        centred(c, 200, "统计数据", size)
        centred(c, 200 + 1.4 * size, "（二）2024年度南京市卫生信息平台数据采集情况", size)
        small_table(250).draw(c)

    flow = drawn_flow(make_pdf(tmp_path / "part.pdf", page))
    part = at(flow, "统计数据")
    assert title_second_line(flow, part) is None
    assert heading_at(flow, part) == part and heading_at(flow, part + 1) == part + 1


def test_a_bracketed_group_ending_a_full_line_closes_no_paragraph(tmp_path: Path) -> None:
    """A paragraph in a narrow column starts '全国卫生健康信息化发展指数（2027）' and goes on '显示，…'
    on the next line: the line reaches the margin and its '）' closes no remark, so it is the
    paragraph's first line, no heading. Counter-case: a remark wholly in brackets ends its paragraph."""
    width, chars = pdfmetrics.stringWidth(INDEX_LINE, CJK_FONT, BODY), 18
    rest = ["显示，南京市在副省级城市及省会城市中保持", "了第四名的成绩。"]

    def page(c) -> None:
        text(c, LEFT, 40, MASTHEAD_LINE[:chars], BODY)
        text(c, LEFT + chars * BODY - width, 80, INDEX_LINE, BODY)  # indented, ending at the margin
        text(c, LEFT, 80 + 1.6 * BODY, rest[0][:chars], BODY)
        text(c, LEFT, 80 + 3.2 * BODY, rest[1], BODY)
        text(c, LEFT + chars * BODY - pdfmetrics.stringWidth(REMARK_LINE, CJK_FONT, BODY), 140, REMARK_LINE, BODY)
        text(c, LEFT, 140 + 1.6 * BODY, "南京市卫生信息中心持续推进全民健康信息", BODY)

    flow = drawn_flow(make_pdf(tmp_path / "index.pdf", page))
    index, remark = at(flow, INDEX_LINE), at(flow, REMARK_LINE)
    assert not flow.ends_block(index) and heading_at(flow, index) is None
    assert flow.ends_block(remark)


INDEX_LINE = "全国卫生健康信息化发展指数（2027）"
REMARK_LINE = "（不包含医院诊间预约、自有途径预约）"
