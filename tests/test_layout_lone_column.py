"""A short paragraph left alone in a page's left column (WeasyPrint does not balance two columns
of a line or two): its first line stops far short of the page's right margin, nothing beside it
shows the gutter, and yet the text runs on inside a clause (`line_ends.runs_on_mid_clause`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_etl.layout.document import load
from bulletin_etl.layout.furniture import drop_furniture
from bulletin_etl.layout.line_ends import breaks_off_mid_clause, ends_on_character, runs_on_mid_clause
from bulletin_etl.layout.lines import TextLine
from bulletin_etl.layout.sections import paragraphs
from bulletin_etl.layout.settings import LayoutSettings

from .pdfkit import make_pdf, text
from .test_layout_headings import BODY, FULL, LEFT, RIGHT

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given

FIRST = "信息化发展指数发布，南京市"  # 13 characters: the left half of a 36-character line
SECOND = "在全国重点城市的总指数中排名第三。"
assert LEFT + (2 + len(FIRST)) * BODY < (LEFT + RIGHT) / 2


def _paragraphs(tmp_path: Path, first: str, first_x0: float) -> list[str]:
    """The paragraphs of a page of two full lines across the text width, then `first` (from
    `first_x0`) and SECOND (from the margin) in the left half."""
    def draw(c) -> None:
        text(c, LEFT + 2 * BODY, 80, FULL[2:], BODY)
        text(c, LEFT, 80 + 1.6 * BODY, FULL[:30] + "作用显著。", BODY)
        text(c, first_x0, 80 + 3.2 * BODY, first, BODY)
        text(c, LEFT, 80 + 4.8 * BODY, SECOND, BODY)
    doc = load(make_pdf(tmp_path / "lone.pdf", draw))
    lines = [b for b in drop_furniture(doc.blocks, DEFAULTS) if isinstance(b, TextLine)]
    return [p.text for p in paragraphs(lines, DEFAULTS)]


def test_a_paragraph_alone_in_the_left_column_is_one_paragraph(tmp_path: Path) -> None:
    """WeasyPrint 745036: '…发布，南京市' stops half a page short, the sentence goes on below."""
    assert _paragraphs(tmp_path, FIRST, LEFT + 2 * BODY) == [FULL[2:] + FULL[:30] + "作用显著。", FIRST + SECOND]


@pytest.mark.parametrize("first, indent", [
    ("信息化发展指数发布南京市。", 2),  # the line ends a sentence: its paragraph ends
    ("信息化发展指数，发布南京市", 6),  # a line set far in from the margin: a caption
])
def test_a_short_line_ending_a_sentence_or_centred_ends_its_paragraph(tmp_path: Path, first: str, indent: int) -> None:
    assert _paragraphs(tmp_path, first, LEFT + indent * BODY)[1:] == [first, SECOND]


def line(words: str, x0: float = LEFT, size: float = BODY) -> TextLine:
    """A line of `words`, one character an em wide, with its glyphs."""
    chars = [{"text": ch, "x0": x0 + k * size, "x1": x0 + (k + 1) * size, "size": size} for k, ch in enumerate(words)]
    return TextLine(text=words, page=1, x0=x0, x1=x0 + len(words) * size, top=100.0, bottom=100.0 + size,
                    doctop=100.0, size=size, bold=False, chars=chars)


def test_runs_on_mid_clause() -> None:
    margins = {1: (LEFT, RIGHT)}
    assert runs_on_mid_clause(line(FIRST, LEFT + 2 * BODY), line(SECOND), margins, DEFAULTS)
    assert not runs_on_mid_clause(line(FIRST + "。"), line(SECOND), margins, DEFAULTS)  # a mark ends it
    assert not runs_on_mid_clause(line(FIRST, LEFT + 4 * BODY), line(SECOND), margins, DEFAULTS)  # centred
    assert not runs_on_mid_clause(line(FIRST), line(SECOND, size=9.0), margins, DEFAULTS)  # a note in smaller type
    framed = line(FIRST, LEFT + 200)
    framed.frame = (LEFT + 200, RIGHT)  # in a page column: measured from its edge
    assert runs_on_mid_clause(framed, line(SECOND), margins, DEFAULTS)


def test_ends_on_character() -> None:
    assert ends_on_character(line("南京市"))
    assert not ends_on_character(line("南京市，"))
    assert not ends_on_character(line("（2025）"))
    assert not ends_on_character(line("2025"))
    assert not ends_on_character(line(""))


def test_breaks_off_mid_clause() -> None:
    assert breaks_off_mid_clause(line("2025年，全国卫生健康信息化发展指数发布，南京市"))
    assert not breaks_off_mid_clause(line("南京市卫生信息中心 编印 2026年1月4日"))  # a masthead: no sentence mark
    assert not breaks_off_mid_clause(line("十件大事"))  # a title
    assert not breaks_off_mid_clause(line("全国卫生健康信息化发展指数发布，南京市排名第三。"))  # ends a sentence
