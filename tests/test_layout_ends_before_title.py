"""A title set like the body right under a paragraph's last line that its writer left without a
'。' and that stops only a glyph or two short of the margin (Typst 50598: '…二等奖等诸多荣誉' over
the part's '统计数据' under the events' left column): too little room for `closes_paragraph`
(`paragraph_short_em`), yet room for the title's first glyph, so the producer did not break the
line for want of room (`line_ends.leaves_room_for`) and the title opens a block of its own
(`Flow.ends_before_title`). Counter-cases: a short line worded like a title under a line reaching
the margin is its paragraph's rest, and so is one after a line leaving its clause open."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_etl.layout.headings import flow_of
from bulletin_etl.layout.line_ends import leaves_room_for

from .pdfkit import make_pdf, text
from .test_layout_headings import BODY, FULL, LEFT, RIGHT, centred, small_table, titles
from .test_layout_lone_column import DEFAULTS, line

MARGINS = {1: (LEFT, RIGHT)}
CLOSING = FULL[:34]  # a paragraph's last line two glyphs short of the margin, no '。'
assert len(FULL) - len(CLOSING) == 2


def test_leaves_room_for() -> None:
    assert leaves_room_for(line(CLOSING), line("统计数据"), MARGINS, DEFAULTS)  # two ems free, one needed
    assert not leaves_room_for(line(FULL[:35]), line("统计数据"), MARGINS, DEFAULTS)  # one em free: the glyph did not fit
    assert not leaves_room_for(line(FULL), line("统计数据"), MARGINS, DEFAULTS)  # a full line
    assert not leaves_room_for(line(FULL[:33]), line("12320热线数据"), MARGINS, DEFAULTS)  # '12320' did not fit
    assert not leaves_room_for(line(CLOSING), line(""), MARGINS, DEFAULTS)  # nothing to fit
    framed = line(CLOSING[:10], LEFT)
    framed.frame = (LEFT, LEFT + 12 * BODY)  # in a page column: measured from its edge
    assert leaves_room_for(framed, line("统计数据"), MARGINS, DEFAULTS)
    framed.frame = (LEFT, LEFT + 11 * BODY)
    assert not leaves_room_for(framed, line("统计数据"), MARGINS, DEFAULTS)


def test_ends_before_title() -> None:
    flow = flow_of([line(FULL), line(CLOSING), line("统计数据")], MARGINS, DEFAULTS)
    assert flow.ends_before_title(line(CLOSING), line("统计数据"))
    assert not flow.ends_before_title(line(FULL), line("统计数据"))  # the line reaches the margin
    assert not flow.ends_before_title(line(FULL[:33] + "，"), line("统计数据"))  # its clause goes on
    assert not flow.ends_before_title(line(CLOSING), line("在全国重点城市中"))  # no title's words
    assert not flow.ends_before_title(line("远程医疗数据"), line("统计数据"))  # a title over a title's rest


def _page(closing: str, under: str):
    """A masthead, a section of one flush-left paragraph ending in `closing` with `under` right
    under it at the body's pitch, flush left, and a table section after it."""
    def page(c) -> None:
        text(c, LEFT, 40, "南京市卫生信息中心 编印 2031 年 1 月 20 日", BODY)
        centred(c, 80, "2030 年度南京市远程医疗数据")
        for k, row in enumerate([FULL, FULL, closing, under]):
            text(c, LEFT, 110 + 1.6 * BODY * k, row, BODY)
        centred(c, 110 + 1.6 * BODY * 4 + 20, "2030 年度南京市电子健康卡发卡情况统计")
        small_table(110 + 1.6 * BODY * 4 + 50).draw(c)
    return page


def test_a_title_under_a_closing_line_a_glyph_or_two_short_is_a_heading(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "title.pdf", _page(CLOSING, "统计数据"))
    assert titles(pdf) == ["", "2030 年度南京市远程医疗数据", "统计数据", "2030 年度南京市电子健康卡发卡情况统计"]


@pytest.mark.parametrize("closing", [
    FULL,  # the line reaches the margin: '远程医学会诊系统数据' is the paragraph's rest
    FULL[:34] + "，",  # a glyph short but its clause left open
])
def test_a_title_worded_rest_under_a_line_going_on_is_no_heading(tmp_path: Path, closing: str) -> None:
    pdf = make_pdf(tmp_path / "rest.pdf", _page(closing, "远程医学会诊系统数据"))
    assert titles(pdf) == ["", "2030 年度南京市远程医疗数据", "2030 年度南京市电子健康卡发卡情况统计"]
