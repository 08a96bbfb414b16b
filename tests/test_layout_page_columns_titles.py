"""A title set under unbalanced page columns at their pitch (layout/page_columns.py), on small PDFs
drawn here (tests/pdfkit.py): Typst fills the left column first, so the columns' last page may end
them in a short right column; the next section's title, set a line's pitch under the left column's
last line in the text's size, is no line of that column (`is_title_under_columns`) — a one-line
sentence there, or the same title with the right column going on beside it, is (typst 720294).
Text left of the gutter alone under a right column taller than the left is none either
(`left_column_ended_above`; typst 763052: the last event moved on to the right column). Under a left
line filling the column and ending a sentence, a short line worded as a title is none either
(`is_title_under_full_line`; typst 790158, 790206), a paragraph's rest worded otherwise is."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from bulletin_etl.layout.page_columns import (
    Row,
    above_title_under_columns,
    find_stretches,
    is_title_under_columns,
    is_title_under_full_line,
    left_column_ended_above,
    left_line_ends_sentence,
    page_rows,
    stops_short_of_column_edge,
)

from .pdfkit import make_pdf, text
from .test_layout_page_columns import (
    COLUMN_CHARS,
    DEFAULTS,
    EVENTS,
    GUTTER,
    LEADING,
    LEFT,
    SIZE,
    draw_columns,
    event,
    paragraph_texts,
    wrapped,
)

TITLE = "统计数据"
SENTENCE = "以上工作均已完成。"
TOP = 100.0
SPLIT = 7  # the left column holds events 0 and 1 (3 and 4 lines, the last 11 glyphs), the right event 2
EDGE = LEFT + COLUMN_CHARS * SIZE  # the left column's right edge
PROBED = ((EDGE + GUTTER - DEFAULTS.page_column_gap_em * SIZE, EDGE + GUTTER), EDGE)


def under_columns(below: str, split: int = SPLIT):
    """Events 0–2 in two columns, the left holding `split` lines; `below` at the left margin a
    line's pitch under the left column's last line, in the text's size."""
    def page(c) -> None:
        bottom = draw_columns(c, TOP, EVENTS[:3], rule=False, split=split)
        text(c, LEFT, bottom, below, SIZE)
    return page


def rows_of(tmp_path: Path, below: str, split: int = SPLIT) -> list[Row]:
    with pdfplumber.open(make_pdf(tmp_path / "under.pdf", under_columns(below, split))) as pdf:
        return page_rows(pdf.pages[0].chars, DEFAULTS)


def test_the_drawing_ends_the_left_column_with_a_paragraphs_last_line() -> None:
    """The fixture's premise: events 0 and 1 fill the left column's seven lines, event 2 the right's two."""
    lines = [ln for p in EVENTS[:2] for ln in wrapped(p)]
    assert len(lines) == SPLIT and len(lines[-1][1]) == 11 and len(wrapped(EVENTS[2])) == 2


def test_a_title_a_pitch_under_unbalanced_columns_is_read_after_them(tmp_path: Path) -> None:
    """The title is cut from the stretch (its seven column rows kept) and read after the right column."""
    rows = rows_of(tmp_path, TITLE)
    (found,) = find_stretches(rows, DEFAULTS)
    assert len(rows) == 8 and found.rows == rows[:7]
    assert paragraph_texts(make_pdf(tmp_path / "read.pdf", under_columns(TITLE))) == [*EVENTS[:3], TITLE]


def test_a_one_line_sentence_under_a_paragraphs_end_stays_in_the_left_column(tmp_path: Path) -> None:
    """A sentence a pitch under the left column's paragraph end is a line of that column."""
    rows = rows_of(tmp_path, SENTENCE)
    (found,) = find_stretches(rows, DEFAULTS)
    assert found.rows == rows
    assert not is_title_under_columns(rows[6], rows[7], PROBED, DEFAULTS)


def test_a_title_beside_the_right_columns_line_stays_a_column_row(tmp_path: Path) -> None:
    """With the right column going on beside it (the left holding five lines), the short row under
    event 0's end has text right of the gutter: no title under the columns."""
    rows = rows_of(tmp_path, TITLE, split=3)
    assert not is_title_under_columns(rows[2], rows[3], PROBED, DEFAULTS)


def test_a_title_under_a_full_line_is_no_title_under_the_columns(tmp_path: Path) -> None:
    """Under a left line reaching the column's edge the short row may be a paragraph's rest."""
    rows = rows_of(tmp_path, TITLE)
    assert stops_short_of_column_edge(rows[6], PROBED, DEFAULTS)
    assert not stops_short_of_column_edge(rows[5], PROBED, DEFAULTS)
    assert not is_title_under_columns(rows[5], rows[7], PROBED, DEFAULTS)
    assert is_title_under_columns(rows[6], rows[7], PROBED, DEFAULTS)


def test_the_stretch_ends_above_the_title(tmp_path: Path) -> None:
    """`above_title_under_columns` keeps the rows above the title; a stretch without one whole."""
    rows = rows_of(tmp_path, TITLE)
    assert above_title_under_columns(rows, PROBED, DEFAULTS) == rows[:7]
    assert above_title_under_columns(rows[:7], PROBED, DEFAULTS) == rows[:7]


def under_the_right_column(c) -> None:
    """Event 0 in the left column (three lines), events 1 and 2 in the right (six); the title at the
    left margin a line's pitch under the right column's last line."""
    bottom = draw_columns(c, TOP, EVENTS[:3], rule=False, split=3)
    text(c, LEFT, bottom + 3 * LEADING, TITLE, SIZE)


def test_a_title_under_a_taller_right_column_is_read_after_it(tmp_path: Path) -> None:
    """Under rows of the right column alone, the left column has ended: the title is no line of it."""
    path = make_pdf(tmp_path / "right.pdf", under_the_right_column)
    with pdfplumber.open(path) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (found,) = find_stretches(rows, DEFAULTS)
    assert len(rows) == 7 and found.rows == rows[:6]
    assert left_column_ended_above(rows[5], PROBED, DEFAULTS) and not left_column_ended_above(rows[2], PROBED, DEFAULTS)
    assert paragraph_texts(path) == [*EVENTS[:3], TITLE]



FULL_END = [EVENTS[0], event(1, 42), EVENTS[2]]  # event 1's two lines: 20 glyphs indented, 22 ending '。' at the edge
REST = "获得四级甲等"  # a paragraph's rest its writer left without a '。', worded as no title


def under_a_full_line(below: str):
    """Events 0 and 1 in the left column (five lines, the last filling it and ending the paragraph
    with its '。'), event 2 in the right (two); `below` at the left margin a line's pitch under it."""
    def page(c) -> None:
        bottom = draw_columns(c, TOP, FULL_END, rule=False, split=5)
        text(c, LEFT, bottom, below, SIZE)
    return page


def full_line_rows(tmp_path: Path, below: str) -> list[Row]:
    with pdfplumber.open(make_pdf(tmp_path / "full.pdf", under_a_full_line(below))) as pdf:
        return page_rows(pdf.pages[0].chars, DEFAULTS)


def test_the_full_line_drawing_ends_its_paragraph_at_the_edge() -> None:
    """The fixture's premise: event 1's last line holds a column's 22 glyphs, the last a '。'."""
    lines = [ln for p in FULL_END[:2] for ln in wrapped(p)]
    assert len(lines) == 5 and len(lines[-1][1]) == COLUMN_CHARS and lines[-1][1].endswith("。")


def test_a_title_under_a_full_line_ending_a_sentence_is_read_after_the_columns(tmp_path: Path) -> None:
    """Typst 790158/790206: the part's title a pitch under a left line filling the column with its
    paragraph's '。' is no line of the column — read after the right column, not before it."""
    rows = full_line_rows(tmp_path, TITLE)
    assert not stops_short_of_column_edge(rows[4], PROBED, DEFAULTS)
    assert left_line_ends_sentence(rows[4], PROBED, DEFAULTS) and not left_line_ends_sentence(rows[3], PROBED, DEFAULTS)
    assert is_title_under_full_line(rows[4], TITLE, PROBED, DEFAULTS)
    assert is_title_under_full_line(rows[4], "第二部分 统计数据", PROBED, DEFAULTS)
    assert is_title_under_columns(rows[4], rows[5], PROBED, DEFAULTS)
    (found,) = find_stretches(rows, DEFAULTS)
    assert len(rows) == 6 and found.rows == rows[:5]
    assert paragraph_texts(make_pdf(tmp_path / "read.pdf", under_a_full_line(TITLE))) == [*FULL_END, TITLE]


def test_a_rest_worded_as_no_title_under_a_full_line_stays_in_its_paragraph(tmp_path: Path) -> None:
    """Counter-case: a short line worded as no title under the full line is its paragraph's rest,
    a line of the left column read before the right one."""
    rows = full_line_rows(tmp_path, REST)
    assert not is_title_under_full_line(rows[4], REST, PROBED, DEFAULTS)
    assert not is_title_under_columns(rows[4], rows[5], PROBED, DEFAULTS)
    (found,) = find_stretches(rows, DEFAULTS)
    assert found.rows == rows
    assert paragraph_texts(make_pdf(tmp_path / "read.pdf", under_a_full_line(REST))) == \
        [FULL_END[0], FULL_END[1] + REST, FULL_END[2]]


def test_a_title_under_a_full_line_going_on_mid_sentence_stays_in_the_column(tmp_path: Path) -> None:
    """Under a full line not ending a sentence (event 0's second line) a title's words are no title
    under the columns: that line's paragraph goes on."""
    rows = full_line_rows(tmp_path, TITLE)
    assert not is_title_under_full_line(rows[1], TITLE, PROBED, DEFAULTS)
