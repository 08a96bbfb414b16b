"""A section set in page columns right under the title that ends the columns above
(layout/page_columns.py), on small PDFs drawn here (tests/pdfkit.py): events in two columns whose
right column, taller, went on alone; a title at the left margin a line's pitch under it, read after
both columns (`left_column_ended_above`); and under the title, at the same pitch, the next
section's paragraphs in two columns again. The rows from the title on are looked at again
(`_stretches_at`): the second columns begin a stretch of their own and are read column by column
(typst 790111: the remote medicine's columns under '统计数据汇总' and its heading were read row by
row across the gutter). Counter-case: text across the page under the title stays one line a row."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from bulletin_etl.layout.page_columns import find_stretches, page_rows

from .pdfkit import make_pdf, text
from .test_layout_page_columns import DEFAULTS, EVENTS, INTRO, LEADING, LEFT, SIZE, draw_columns, full_width, paragraph_texts

TITLE = "统计数据"
TOP = 100.0


def columns_under_title(below: str) -> object:
    """Event 0 in the left column (three lines), events 1 and 2 in the right (six); the title at
    the left margin a line's pitch under the right column's last line; a line's pitch under the
    title, events 3 and 4 in two columns (`below` 'columns') or INTRO across the page ('across')."""
    def page(c) -> None:
        draw_columns(c, TOP, EVENTS[:3], rule=False, split=3)
        text(c, LEFT, TOP + 6 * LEADING, TITLE, SIZE)
        if below == "columns":
            draw_columns(c, TOP + 7 * LEADING, EVENTS[3:5], rule=False)
        else:
            full_width(c, TOP + 7 * LEADING, INTRO)
    return page


def test_columns_under_the_title_are_a_stretch_of_their_own(tmp_path: Path) -> None:
    """Two stretches: the events' six rows, and the three rows under the title (events 3 and 4,
    three lines each, one a column); each read column by column."""
    path = make_pdf(tmp_path / "under.pdf", columns_under_title("columns"))
    with pdfplumber.open(path) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    first, second = find_stretches(rows, DEFAULTS)
    assert len(rows) == 10 and first.rows == rows[:6] and second.rows == rows[7:]
    assert paragraph_texts(path) == [*EVENTS[:3], TITLE, *EVENTS[3:5]]


def test_text_across_the_page_under_the_title_is_no_stretch(tmp_path: Path) -> None:
    """The counter-case: the paragraph across the page under the title stays out of any stretch."""
    path = make_pdf(tmp_path / "across.pdf", columns_under_title("across"))
    with pdfplumber.open(path) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (found,) = find_stretches(rows, DEFAULTS)
    assert found.rows == rows[:6]
    assert paragraph_texts(path) == [*EVENTS[:3], TITLE, INTRO]
