"""A masthead set so large that it wraps inside its own boxes: the issuer ('<issuer> 编印') in
one box on the left, the date in another on the right (a two-cell row, a flex line), each box
wrapping its last characters onto a line of its own under the box's first glyph ('… 编' / '印',
'… 2 月 18' / '日'). The two lines are one masthead read box by box, never a section heading.
Each test draws a small PDF whose structure it knows."""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout.document import load
from bulletin_etl.layout.lines import TextLine
from bulletin_etl.layout.sections import SectionText, cut
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import boxed_masthead_rows, reads_as_masthead_by_box
from bulletin_etl.layout.tables.segments import segments
from bulletin_etl.sections import TITLE_PATTERNS
from bulletin_etl.sections.base import Context
from bulletin_etl.sections.masthead import read_masthead

from .pdfkit import PAGE_H, drawn_chars, make_pdf, text

DEFAULTS = LayoutSettings()

LEFT, RIGHT = 85.0, 518.0  # a measure of 433 pt, as Chromium sets A4 with its margins
MAST = 22.0  # the masthead's size (二号), larger than the body
BODY = 16.0  # the body (三号)
DATE_BOX = 326.0  # where the date's box starts: the issuer's box ends short of it


def centred(c, top: float, line: str, size: float) -> None:
    text(c, LEFT + (RIGHT - LEFT - len(line) * size) / 2, top, line, size)


def draw_first_page(c, issuer: tuple[str, str], date: tuple[str, str], name: str | None = None,
                    date_box: float = DATE_BOX) -> None:
    """The bulletin's name (maybe), the masthead in two boxes each wrapped onto a second line,
    the rule under it, the first section's title and a paragraph."""
    top = 70.0
    if name:
        centred(c, top, name, 21)
        top += 36
    for k in (0, 1):
        if issuer[k]:
            text(c, LEFT, top + k * 1.3 * MAST, issuer[k], MAST)
        if date[k]:
            text(c, date_box, top + k * 1.3 * MAST, date[k], MAST)
    c.setLineWidth(1.0)
    rule = top + 2.6 * MAST + 4
    c.line(LEFT, PAGE_H - rule, RIGHT, PAGE_H - rule)
    text(c, LEFT + 2 * BODY, rule + 16, "2030年度南京市卫生信息中心十件大事", BODY)
    text(c, LEFT + 2 * BODY, rule + 50, "一、夯实科研基础，争做全国试点。", BODY)


def masthead_of(tmp_path: Path, pieces: list[SectionText]) -> tuple[str | None, str, list[str]]:
    ctx = Context(file=tmp_path / "masthead.pdf", year=2030)
    m = read_masthead(pieces[0], ctx)
    return m.issuer, str(m.issue_date), [w.message for w in ctx.warnings]


def test_a_masthead_wrapped_in_both_its_boxes_is_one_masthead(tmp_path: Path) -> None:
    """'南京市卫生信息中心 编' and '2031 年 2 月 18' on one line, '印' and '日' under their boxes'
    first glyphs on the next (Chromium's flex masthead at 22 pt): the bulletin's name above and
    both lines are the masthead, read box by box; no '印 日' heading."""
    def page(c):
        draw_first_page(c, ("南京市卫生信息中心 编", "印"), ("2031 年 2 月 18", "日"), name="卫生信息统计")

    pieces = cut(load(make_pdf(tmp_path / "masthead.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030年度南京市卫生信息中心十件大事"]
    masthead_lines = [ln.text for ln in pieces[0].lines]
    assert masthead_lines == ["卫生信息统计", "南京市卫生信息中心 编印 2031 年 2 月 18日"]
    assert masthead_of(tmp_path, pieces) == ("南京市卫生信息中心", "2031-02-18", [])


def test_a_masthead_whose_issuer_box_alone_wraps_is_one_masthead(tmp_path: Path) -> None:
    """The date whole on the first line, only '印' wrapped under the issuer's box: the line ends
    in a date, yet its issuer ('… 编' / '印') is read whole and '印' is no heading."""
    def page(c):
        draw_first_page(c, ("南京市卫生信息中心 编", "印"), ("2031 年 2 月 8 日", ""))

    pieces = cut(load(make_pdf(tmp_path / "masthead.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030年度南京市卫生信息中心十件大事"]
    assert [ln.text for ln in pieces[0].lines] == ["南京市卫生信息中心 编印 2031 年 2 月 8 日"]
    assert masthead_of(tmp_path, pieces) == ("南京市卫生信息中心", "2031-02-08", [])


def test_a_masthead_whose_date_box_wraps_twice_is_one_masthead(tmp_path: Path) -> None:
    """The date's box wrapping before its month ('2031 年 2' / '月 18 日'), the issuer's before
    '印': the second line holds more than a character a box, still read box by box."""
    def page(c):
        draw_first_page(c, ("南京市卫生信息中心 编", "印"), ("2031 年 2", "月 18 日"))

    pieces = cut(load(make_pdf(tmp_path / "masthead.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030年度南京市卫生信息中心十件大事"]
    assert masthead_of(tmp_path, pieces) == ("南京市卫生信息中心", "2031-02-18", [])


def test_a_whole_masthead_line_keeps_the_title_under_it(tmp_path: Path) -> None:
    """Counter-case: the masthead whole on one line and the first title right under it, at the
    issuer's left edge: the title is no wrap of the masthead's box, it stays a heading."""
    def page(c):
        text(c, LEFT, 70, "南京市卫生信息中心 编印", MAST)
        text(c, DATE_BOX + 2 * MAST, 70, "2031 年 2 月 8 日", 16)
        text(c, LEFT, 70 + 1.3 * MAST, "2030年度南京市卫生信息中心十件大事", MAST)
        text(c, LEFT + 2 * BODY, 70 + 4 * MAST, "一、夯实科研基础，争做全国试点。", BODY)

    pieces = cut(load(make_pdf(tmp_path / "masthead.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030年度南京市卫生信息中心十件大事"]
    assert masthead_of(tmp_path, pieces) == ("南京市卫生信息中心", "2031-02-08", [])


WIDE_DATE_BOX = 350.0  # the date's box starts well clear of the issuer's: a gap a page-column cut runs through


def test_a_wrapped_masthead_cut_into_page_columns_is_one_masthead(tmp_path: Path) -> None:
    """Both boxes wrapped and the date's box set far right (Chromium's flex masthead on a narrow
    page, 22 pt): the gap between the boxes runs down both lines, and the page-column stage reads
    the issuer's box ('… 编' / '印') before the date's ('2031 年 2 月 18' / '日'). Put back side
    by side, the lines are one masthead; no '印', '日' or bulletin-name heading."""
    def page(c):
        draw_first_page(c, ("南京市卫生信息中心 编", "印"), ("2031 年 2 月 18", "日"), name="卫生信息统计",
                        date_box=WIDE_DATE_BOX)

    pieces = cut(load(make_pdf(tmp_path / "masthead.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030年度南京市卫生信息中心十件大事"]
    assert [ln.text for ln in pieces[0].lines] == ["卫生信息统计", "南京市卫生信息中心 编印 2031 年 2 月 18日"]
    assert masthead_of(tmp_path, pieces) == ("南京市卫生信息中心", "2031-02-18", [])


def test_a_first_page_head_side_by_side_stays_as_read_where_the_masthead_is_whole(tmp_path: Path) -> None:
    """Counter-case: a name left and a note right on one baseline at the page's head, over a
    masthead line read whole: the flow is left as it reads (one line: no page-column cut there)."""
    def page(c):
        text(c, LEFT, 70, "卫生信息统计", MAST)
        text(c, WIDE_DATE_BOX, 70, "内部资料", MAST)
        text(c, LEFT, 70 + 1.3 * MAST, "南京市卫生信息中心 编印 2031 年 2 月 8 日", BODY)
        text(c, LEFT + 2 * BODY, 70 + 4 * MAST, "2030年度南京市卫生信息中心十件大事", BODY)
        text(c, LEFT + 2 * BODY, 70 + 6 * MAST, "一、夯实科研基础，争做全国试点。", BODY)

    pieces = cut(load(make_pdf(tmp_path / "masthead.pdf", page)), TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030年度南京市卫生信息中心十件大事"]
    assert [ln.text for ln in pieces[0].lines] == ["卫生信息统计 内部资料", "南京市卫生信息中心 编印 2031 年 2 月 8 日"]
    assert masthead_of(tmp_path, pieces) == ("南京市卫生信息中心", "2031-02-08", [])


def boxed_rows(tmp_path: Path, second: tuple[str, str]) -> list:
    """The masthead's two rows as the table stage cuts them: the issuer's box and the date's on
    the first, `second` (under the issuer's box, under the date's) on the next."""
    runs = [(LEFT, 70, "南京市卫生信息中心 编"), (WIDE_DATE_BOX, 70, "2031 年 2 月 18"),
            (LEFT, 70 + 1.3 * MAST, second[0]), (WIDE_DATE_BOX, 70 + 1.3 * MAST, second[1])]
    return segments(drawn_chars(tmp_path, runs, MAST), DEFAULTS)


def test_rows_read_box_by_box_as_the_masthead(tmp_path: Path) -> None:
    """'… 编' / '印' under the issuer's box, '… 18' / '日' under the date's: box by box the two rows
    are the whole masthead; row by row neither is (no '编印', no date at a row's end)."""
    rows = boxed_rows(tmp_path, ("印", "日"))
    assert [[s.text for s in row] for row in rows] == [["南京市卫生信息中心 编", "2031 年 2 月 18"], ["印", "日"]]
    assert reads_as_masthead_by_box(rows, DEFAULTS)
    assert boxed_masthead_rows(rows, DEFAULTS) == range(0, 2)


def test_rows_whose_wraps_stand_under_the_other_box_are_no_masthead(tmp_path: Path) -> None:
    """Counter-case: '日' under the issuer's box and '印' under the date's: the wraps go with the
    box they stand under, and neither box then reads as its part of the masthead."""
    rows = boxed_rows(tmp_path, ("日", "印"))
    assert not reads_as_masthead_by_box(rows, DEFAULTS)
    assert boxed_masthead_rows(rows, DEFAULTS) == range(0)


def draw_ruled_off_boxes(c, second: tuple[str, str]) -> None:
    """A running header over its rule, the masthead's two wrapped boxes, the masthead's rule, then
    the first section: the masthead stands between two rules as a small table would."""
    text(c, LEFT + 120, 40, "南京市卫生信息中心2030年工作统计", 10)
    c.setLineWidth(0.8)
    c.line(LEFT, PAGE_H - 54, RIGHT, PAGE_H - 54)
    text(c, LEFT, 70, "南京市卫生信息中心 编", MAST)
    text(c, WIDE_DATE_BOX, 70, "2031 年 2 月 18", MAST)
    text(c, LEFT, 70 + 1.3 * MAST, second[0], MAST)
    text(c, WIDE_DATE_BOX, 70 + 1.3 * MAST, second[1], MAST)
    c.setLineWidth(1.0)
    rule = 70 + 2.6 * MAST + 4
    c.line(LEFT, PAGE_H - rule, RIGHT, PAGE_H - rule)
    text(c, LEFT + 2 * BODY, rule + 16, "2030年度南京市卫生信息中心十件大事", BODY)
    text(c, LEFT + 2 * BODY, rule + 50, "一、夯实科研基础，争做全国试点。", BODY)


def test_a_wrapped_masthead_between_two_rules_is_no_table(tmp_path: Path) -> None:
    """The wrapped boxes between a running header's rule and the masthead's own: no two-column
    table, the masthead read whole."""
    document = load(make_pdf(tmp_path / "masthead.pdf", lambda c: draw_ruled_off_boxes(c, ("印", "日"))))
    assert all(isinstance(b, TextLine) for b in document.blocks)
    pieces = cut(document, TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030年度南京市卫生信息中心十件大事"]
    assert masthead_of(tmp_path, pieces) == ("南京市卫生信息中心", "2031-02-18", [])
