"""Closing marks hung at a left page column's end (layout/page_columns.py), on small PDFs drawn here
(tests/pdfkit.py), as reportlab overfills a line: a '。' trailing a '”' hung past the left column's
edge, reaching up to the right column's first glyph, hangs with it (`trails_hung_mark`), so that
its row does not run across the gutter and cut the columns in two (seed 740002); and the columns'
last page, whose one row with text on both sides is parted by a '、' hung past the left column's edge
alone, is read in columns when its left column goes on the one the page before left open
(`continues_carried_column`, seed 745006) — not when no column was left open."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from bulletin_etl.layout.document import load
from bulletin_etl.layout.page_columns import (
    continues_carried_column,
    find_stretches,
    page_rows,
    trails_hung_mark,
)
from bulletin_etl.layout.tables import Grid

from .pdfkit import drawn_chars, make_pdf, text
from .test_layout_page_columns import DEFAULTS, LEFT, SIZE, WORDS, full_width

LEADING = 16.0
COLUMN_CHARS = 22
EDGE = LEFT + COLUMN_CHARS * SIZE  # the left column's right edge, 280 pt
RIGHT_START = EDGE + 1.75 * SIZE  # a narrow gutter, as reportlab's two-column frames leave
RIGHT_EDGE = RIGHT_START + COLUMN_CHARS * SIZE
TEXT = WORDS * 12


def spread(c, top: float, s: str, first_x: float, last_x: float) -> None:
    """One line's glyphs, each drawn alone, from `first_x` to the last glyph's start at `last_x`
    (a line reportlab spreads wider than its column)."""
    pitch = (last_x - first_x) / (len(s) - 1)
    for k, glyph in enumerate(s):
        text(c, first_x + k * pitch, top, glyph, SIZE)


def overfilled_columns(c) -> None:
    """A paragraph across the page, then two columns of ten rows; the left column's sixth line,
    a paragraph's spread last line, ends in '”。', the '”' starting 0.8 pt past the column's edge
    and the '。' 1.2 em past it, its box running over the right column's first glyph."""
    bottom = full_width(c, 60.0, WORDS)
    for row in range(10):
        top = bottom + 12.0 + row * LEADING
        if row == 5:
            spread(c, top, TEXT[:20] + "”。", LEFT, EDGE + 1.2 * SIZE)
        else:
            text(c, LEFT, top, TEXT[row * COLUMN_CHARS:(row + 1) * COLUMN_CHARS], SIZE)
        text(c, RIGHT_START, top, TEXT[(row + 10) * COLUMN_CHARS:(row + 11) * COLUMN_CHARS], SIZE)


def test_a_mark_trailing_a_hung_mark_keeps_the_columns_whole(tmp_path: Path) -> None:
    """The row with '…”。' leaves the gutter free (the '。' hangs with the '”' at the left column's
    end): one stretch of ten rows, the left column read first, its sixth line ending in '”。', the
    right column's sixth line starting with its own first glyph."""
    path = make_pdf(tmp_path / "overfilled.pdf", overfilled_columns)
    with pdfplumber.open(path) as pdf:
        (stretch,) = find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS)
    assert len(stretch.rows) == 10
    lines = [b for b in load(path).blocks if not isinstance(b, Grid)]
    assert [ln.text for ln in lines][6] == TEXT[:20] + "”。"
    assert [ln.text for ln in lines][16] == TEXT[15 * COLUMN_CHARS:16 * COLUMN_CHARS]
    assert [ln.frame is not None for ln in lines] == [False] + [True] * 20


def test_trails_hung_mark(tmp_path: Path) -> None:
    """A closing mark after a closing mark, spaced as the line's glyphs are, trails it; one an em
    farther, or after a glyph that is no mark, or an opening mark, does not."""
    chars = sorted(drawn_chars(tmp_path, [(LEFT, 100.0, "健康南京”。"), (LEFT, 120.0, "健康南京”"),
                                          (LEFT + 6 * SIZE, 120.0, "。"), (LEFT, 140.0, "健康南京。"),
                                          (LEFT, 160.0, "健康南京”“")], SIZE), key=lambda c: (c["top"], c["x0"]))
    rows = [chars[0:6], chars[6:11], chars[11:16], chars[16:22]]
    assert [trails_hung_mark(row[:-1], row[-1], DEFAULTS) for row in rows] == [True, False, False, False]


def last_page(c, hung_mark: bool) -> None:
    """The columns' last page as reportlab sets it: a long left column (nine lines, the fourth a
    paragraph's short last line, the fifth indented) beside a right column of a line; the left
    column's first line ends in a '、' hung past its edge (`hung_mark`), leaving less than a
    gutter's width between its box and the right column's line."""
    lines = [TEXT[:COLUMN_CHARS] + ("、" if hung_mark else ""), TEXT[22:44], TEXT[44:66], TEXT[66:70] + "。",
             TEXT[70:90], TEXT[90:112], TEXT[112:134], TEXT[134:156], TEXT[156:178]]
    for row, s in enumerate(lines):
        text(c, LEFT + (2 * SIZE if row == 4 else 0.0), 100.0 + row * LEADING, s, SIZE)
    text(c, RIGHT_START, 100.0, "务协同。", SIZE)


def test_the_columns_last_page_parted_by_a_hung_mark_goes_on_the_carried_column(tmp_path: Path) -> None:
    """The last page's one row with text on both sides is parted by the hung '、''s box alone: read
    in columns when the page before left a column open (`continues_carried_column`), not when
    none is open (a line across the page whose marks stand one over another)."""
    with pdfplumber.open(make_pdf(tmp_path / "last.pdf", lambda c: last_page(c, True))) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (stretch,) = find_stretches(rows, DEFAULTS, (LEFT, EDGE))
    left, right = stretch.sides(DEFAULTS)
    assert len(stretch.rows) == 9 and "".join(c["text"] for c in right) == "务协同。"
    assert continues_carried_column(stretch, (LEFT, EDGE), DEFAULTS)
    assert not continues_carried_column(stretch, None, DEFAULTS)
    assert not continues_carried_column(stretch, (LEFT, EDGE - 3 * SIZE), DEFAULTS)
    assert find_stretches(rows, DEFAULTS) == []
