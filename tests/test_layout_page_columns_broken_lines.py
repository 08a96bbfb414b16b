"""A left column's short line under a paragraph's last line (layout/page_columns.py), on small PDFs
drawn here (tests/pdfkit.py), as reportlab set the events of seed 920134 (wqy-zenhei) on the
columns' last page: '…全年受理群众来电', three ems short of the column's edge and no sentence, under
'…辅助决策依据。', read as a title under the columns and cut from them, though it stops short only
because the figure opening the line under it ('303170 个，…') did not fit after it
(`broken_before_first_word`). Counter-case: the line under it opening with a Chinese glyph, which
would have fitted, leaves it a title under the columns."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from reportlab.pdfbase.pdfmetrics import stringWidth

from bulletin_etl.layout.line_ends import next_word_fits
from bulletin_etl.layout.page_columns import broken_before_first_word, find_stretches, page_rows

from .pdfkit import LATIN_FONT, make_pdf, text
from .test_layout_lone_column import BODY, line
from .test_layout_page_columns import DEFAULTS, LEFT
from .test_layout_page_columns_ragged_marks import COLUMN_CHARS, EDGE, LEADING, RIGHT_START, SIZE, TEXT, glyphs

FIGURE = "303170"  # 3.3 ems at 12 pt: wider than the three ems the short line leaves
SHORT = TEXT[:COLUMN_CHARS - 3]  # the short line, no sentence: three ems short of the edge
ROWS = 8


def left_lines(opens_with_figure: bool):
    """Eight left lines: three full, a paragraph's last line ending in '。' four ems short, the
    short line, the line under it opening with `FIGURE` (or a Chinese glyph), two full lines; a
    right column of three lines beside the first three (the columns' last page)."""
    def draw(c) -> None:
        for row in range(ROWS):
            top = 80.0 + row * LEADING
            if row == 3:
                glyphs(c, LEFT, top, TEXT[40:53] + "。")
            elif row == 4:
                glyphs(c, LEFT, top, SHORT)
            elif row == 5 and opens_with_figure:
                text(c, LEFT, top, FIGURE, SIZE)
                glyphs(c, LEFT + stringWidth(FIGURE, LATIN_FONT, SIZE), top, "个，" + TEXT[60:72])
            else:
                glyphs(c, LEFT, top, TEXT[row * COLUMN_CHARS:(row + 1) * COLUMN_CHARS])
            if row < 3:
                glyphs(c, RIGHT_START, top, TEXT[(row + 20) * COLUMN_CHARS:(row + 21) * COLUMN_CHARS])
    return draw


def rows_of(tmp_path: Path, opens_with_figure: bool) -> list:
    with pdfplumber.open(make_pdf(tmp_path / f"broken-{opens_with_figure}.pdf", left_lines(opens_with_figure))) as pdf:
        return page_rows(pdf.pages[0].chars, DEFAULTS)


def test_a_line_broken_before_a_figure_stays_in_the_left_column(tmp_path: Path) -> None:
    """The short line goes on in the figure under it: one stretch of all eight rows."""
    rows = rows_of(tmp_path, True)
    (stretch,) = find_stretches(rows, DEFAULTS)
    assert stretch.rows == rows[:ROWS]


def test_a_short_line_over_a_line_opening_with_a_glyph_is_a_title_under_the_columns(tmp_path: Path) -> None:
    """The counter-case: a Chinese glyph would have fitted after the short line, which is a title
    under the columns: the stretch ends above it, its four rows kept."""
    rows = rows_of(tmp_path, False)
    (stretch,) = find_stretches(rows, DEFAULTS)
    assert stretch.rows == rows[:4]


def test_broken_before_first_word(tmp_path: Path) -> None:
    """The short line is broken before the figure under it, not before a Chinese glyph, nor when
    no row stands under it."""
    probed = ((RIGHT_START - DEFAULTS.page_column_gap_em * SIZE, RIGHT_START), EDGE)
    figure, glyph = rows_of(tmp_path, True), rows_of(tmp_path, False)
    assert [broken_before_first_word(figure[4], figure[5], probed, DEFAULTS),
            broken_before_first_word(glyph[4], glyph[5], probed, DEFAULTS),
            broken_before_first_word(figure[4], None, probed, DEFAULTS)] == [True, False, False]


def test_next_word_fits() -> None:
    """A line three ems short of its margin (glyphs an em wide) leaves room for a Chinese glyph, or
    a figure of two (2 + 0.5 em `next_word_room_em` < 3), not for one of three or six."""
    margins = {1: (LEFT, LEFT + 20 * BODY)}
    short = line(TEXT[:17])
    assert [next_word_fits(short, line(nxt), margins, DEFAULTS) for nxt in ("群众满意率", "12个，", "123个", "303170个")] \
        == [True, True, False, False]
