"""A landscape page's own margins where prose is set in page columns on it (layout/lines.py
`margin_edges`): a short section in two columns under a centred title, on the landscape page a
wide table before it opened (WeasyPrint sets the next section on that page). Its left column's
lines share their end at the gutter, more of them than share any other right edge: taken for the
page's right margin, the centred title reached past it, stopped short of nothing, and the
section's prose was read as its note of the table before (weasyprint 920039)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape

from bulletin_etl.layout.document import load
from bulletin_etl.layout.furniture import drop_furniture
from bulletin_etl.layout.lines import TextLine, column_set_edges, margin_edges, margins, text_edge
from bulletin_etl.layout.sections import cut
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.sections import TITLE_PATTERNS

from .pdfkit import make_pdf, text

DEFAULTS = LayoutSettings()
BODY = 14.0
TITLE_SIZE = 14.5  # set like the body, neither bold nor clearly larger: a heading by its words
WIDE_W, WIDE_H = landscape(A4)
LEFT = 82.5
COLUMN_CHARS = 24
GUTTER = 1.6 * BODY
RIGHT_COLUMN = LEFT + COLUMN_CHARS * BODY + GUTTER
COLUMNS_END = RIGHT_COLUMN + COLUMN_CHARS * BODY
WORDS = "全市卫生健康信息化建设持续推进服务能力不断提升数据共享范围逐步扩大群众就医体验明显改善"
LINES = [(WORDS * 3)[k * COLUMN_CHARS:(k + 1) * COLUMN_CHARS] for k in range(5)]
TITLE = "南京12320卫生热线2030年数据统计"
MASTHEAD = "南京市卫生信息中心 编印 2031 年 1 月 20 日"


def portrait(c) -> None:
    """The masthead and a first section of one paragraph across a portrait page."""
    c.setPageSize(A4)
    text(c, LEFT, 40, MASTHEAD, BODY)
    text(c, 200, 80, "2030年度南京市远程医疗数据", TITLE_SIZE)
    for k, words in enumerate([WORDS[2:], WORDS, WORDS[:5] + "。"]):
        text(c, LEFT + (2 * BODY if k == 0 else 0), 110 + k * 1.6 * BODY, words[:30], BODY)


RIGHT_LINES = [LINES[3], LINES[4][:15] + "。"]


def landscape_columns(right_lines: list[str]):
    """The centred title over three lines of a left column and `right_lines` of a right one."""
    def draw(c) -> None:
        c.setPageSize((WIDE_W, WIDE_H))
        title_x0 = (WIDE_W - c.stringWidth(TITLE, "STSong-Light", TITLE_SIZE)) / 2
        text(c, title_x0, 80, TITLE, TITLE_SIZE)
        for k, words in enumerate(LINES[:3]):
            text(c, LEFT, 110 + k * 1.7 * BODY, words, BODY)
        for k, words in enumerate(right_lines):
            text(c, RIGHT_COLUMN, 110 + k * 1.7 * BODY, words, BODY)
    return draw


def _lines(tmp_path: Path, right_lines: list[str] = RIGHT_LINES):
    doc = load(make_pdf(tmp_path / "landscape-columns.pdf", portrait, landscape_columns(right_lines)))
    lines = [b for b in drop_furniture(doc.blocks, DEFAULTS) if isinstance(b, TextLine)]
    return doc, lines, {page.number: page.width for page in doc.pages}


def test_a_column_line_stands_at_its_columns_outer_edges(tmp_path: Path) -> None:
    """The page's column lines count at the columns' outer edges (where the left one starts, the
    right one ends), the lines across the page at their own: its right margin is the right
    column's end, and the centred title stops short of it, a heading of its own."""
    doc, lines, widths = _lines(tmp_path)
    on_page = [ln for ln in lines if ln.page == 2]
    assert [ln.frame is not None for ln in on_page] == [False, True, True, True, True, True]
    lefts, rights = margin_edges(on_page)
    assert [round(x, 1) for x in lefts[1:]] == [LEFT] * 5
    assert [round(x, 1) for x in rights[1:]] == [round(COLUMNS_END, 1)] * 5
    assert (lefts[0], rights[0]) == (on_page[0].x0, text_edge(on_page[0]))
    assert {p: (round(a, 1), round(b, 1)) for p, (a, b) in margins(lines, DEFAULTS, widths).items()}[2] \
        == (LEFT, round(COLUMNS_END, 1))
    pieces = cut(doc, TITLE_PATTERNS)
    assert [p.title for p in pieces] == ["", "2030年度南京市远程医疗数据", TITLE]
    assert [b.text for b in pieces[2].blocks] == [*LINES[:4], LINES[4][:15] + "。"]


def test_lines_across_the_page_keep_their_own_edges(tmp_path: Path) -> None:
    """Counter-case: a page without page columns measures its margins at its lines' own edges."""
    _, lines, _ = _lines(tmp_path)
    on_page = [ln for ln in lines if ln.page == 1]
    assert margin_edges(on_page) == ([ln.x0 for ln in on_page], [text_edge(ln) for ln in on_page])


def test_the_column_set_spans_its_columns_frames() -> None:
    """The set starts where its first column starts and ends where its last one ends; a right
    column of one short line ends the set there (weasyprint 182's development index, '四，继续保持前列。',
    under a title set apart by its size), and so do the masthead's two boxes read as columns."""
    assert column_set_edges([(58.4, 378.4), (419.0, 547.0)]) == (58.4, 547.0)
    assert column_set_edges([(82.5, 422.4), (444.8, 770.6), (82.5, 422.4)]) == (82.5, 770.6)
    assert column_set_edges([(80.5, 304.1), (345.6, 505.3), (80.5, 286.2), (307.1, 512.8)]) == (80.5, 512.8)
