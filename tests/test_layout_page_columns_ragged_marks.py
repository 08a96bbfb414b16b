"""Page columns of ragged (unjustified) lines ending in closing marks (layout/page_columns.py), on
small PDFs drawn here (tests/pdfkit.py), as reportlab set the events and the hotline of seed 790182:
the left column's edge is where lines ending in a '，' set inside the column end too, not an em
short of it (`line_end_candidates`, `column_edge`); a '”。' ending a left line, the glyphs touching
each other and the '。''s box reaching over the right column's first glyph, hangs at the column's
end as one chain (`opens_hung_chain`), while the same marks set inside a line across the page stand
at their whole boxes; and a page whose columns go on from the page before, one left line stopping
short in a '、' and the next overfilled by a '、' hung most of the way over the gutter, is read in
columns."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from bulletin_etl.layout.document import load
from bulletin_etl.layout.page_columns import (
    column_edge,
    find_stretches,
    line_end_candidates,
    opens_hung_chain,
    page_rows,
)
from bulletin_etl.layout.tables import Grid

from .pdfkit import PAGE_H, drawn_chars, make_pdf, text
from .test_layout_page_columns import DEFAULTS, LEFT, WORDS

SIZE, LEADING = 12.0, 19.3
COLUMN_CHARS = 18
EDGE = LEFT + COLUMN_CHARS * SIZE  # the left column's right edge, 276 pt
RIGHT_START = EDGE + 1.93 * SIZE  # reportlab's gutter in 790182: 23.2 pt at 12 pt
TEXT = WORDS * 12


def glyphs(c, x: float, top: float, s: str, pitch: float = SIZE) -> float:
    """The glyphs drawn one by one from `x`, `pitch` apart; returns where the last one's box ends."""
    for k, glyph in enumerate(s):
        text(c, x + k * pitch, top, glyph, SIZE)
    return x + (len(s) - 1) * pitch + SIZE


def left_line(row: int) -> str:
    """The left column's ragged lines: most end in a '，' set inside the column (its box ending at
    the column's edge), two in a glyph there, three a glyph or two short; the seventh in '”。'
    hung past the edge."""
    body = TEXT[row * COLUMN_CHARS:(row + 1) * COLUMN_CHARS]
    if row in (0, 2, 4, 8, 9):
        return body[:-1] + "，"
    if row in (3, 7):
        return body
    if row == 6:
        return body + "”。"
    return body[:-1 - row % 2]


def ragged_columns(c) -> None:
    """Ten rows of two columns, unjustified (each glyph an em after the one before)."""
    for row in range(10):
        top = 80.0 + row * LEADING
        glyphs(c, LEFT, top, left_line(row))
        glyphs(c, RIGHT_START, top, TEXT[(row + 20) * COLUMN_CHARS:(row + 21) * COLUMN_CHARS])


def test_ragged_columns_whose_left_line_ends_in_a_hung_chain_are_one_stretch(tmp_path: Path) -> None:
    """The row whose left line ends in '”。', the '。''s box 0.8 pt over the right column's first
    glyph, leaves the gutter free: one stretch of ten rows, its left column's edge at 276 pt, the
    seventh left line read whole and the right column after the left."""
    path = make_pdf(tmp_path / "ragged.pdf", ragged_columns)
    with pdfplumber.open(path) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (stretch,) = find_stretches(rows, DEFAULTS)
    assert len(stretch.rows) == 10
    assert round(column_edge([row for row in rows if len(row.runs) == 2], DEFAULTS), 1) == EDGE
    lines = [ln.text for ln in load(path).blocks if not isinstance(ln, Grid)]
    assert lines[6] == left_line(6)
    assert lines[:10] == [left_line(row) for row in range(10)]
    assert lines[10] == TEXT[20 * COLUMN_CHARS:21 * COLUMN_CHARS]


def across_the_page(c) -> None:
    """The counter-case: ten lines across the page, the seventh setting '”，' where the columns'
    gutter would be and going on right after the '，' (the marks inside the line), the other rows
    in two ragged columns."""
    for row in range(10):
        top = 80.0 + row * LEADING
        if row == 6:
            glyphs(c, LEFT, top, TEXT[:COLUMN_CHARS] + "”，" + TEXT[40:60])
            continue
        glyphs(c, LEFT, top, left_line(row))
        glyphs(c, RIGHT_START, top, TEXT[(row + 20) * COLUMN_CHARS:(row + 21) * COLUMN_CHARS])


def test_a_line_across_the_page_through_marks_at_the_gutter_cuts_the_columns(tmp_path: Path) -> None:
    """The line across the page sets its '，' right before the next glyph: inside the line, at its
    whole box, it crosses the gutter, and the rows above and under it are two stretches."""
    with pdfplumber.open(make_pdf(tmp_path / "across.pdf", across_the_page)) as pdf:
        stretches = find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS)
    assert [len(s.rows) for s in stretches] == [6, 3]


def test_opens_hung_chain(tmp_path: Path) -> None:
    """'”。' ending a row, or its '。' overlapping the next glyph by 0.8 pt (no glyph set after
    it), is a chain hung at a line's end; '”，' with a glyph right after the '，', a lone '，', or
    '”' before a glyph, is not."""
    runs = [(LEFT, 100.0, "应用”。"), (LEFT, 120.0, "应用”。"), (LEFT + 4 * SIZE - 0.8, 120.0, "药"),
            (LEFT, 140.0, "驶舱”，实"), (LEFT, 160.0, "工作，推进"), (LEFT, 180.0, "应用”药")]
    chars = sorted(drawn_chars(tmp_path, runs, SIZE), key=lambda c: (c["top"], c["x0"]))
    rows = [chars[0:4], chars[4:9], chars[9:14], chars[14:19], chars[19:23]]
    assert [opens_hung_chain(rows[0], 2, DEFAULTS), opens_hung_chain(rows[1], 2, DEFAULTS),
            opens_hung_chain(rows[2], 2, DEFAULTS), opens_hung_chain(rows[3], 2, DEFAULTS),
            opens_hung_chain(rows[4], 2, DEFAULTS)] == [True, True, False, False, False]


def test_line_end_candidates(tmp_path: Path) -> None:
    """A line ending in a glyph shows one end; one ending in a closing mark (or two) shows the end
    of the glyph before the marks and the last mark's box end."""
    runs = [(LEFT, 100.0, "健康南京"), (LEFT, 120.0, "健康南京，"), (LEFT, 140.0, "健康南京”。")]
    chars = sorted(drawn_chars(tmp_path, runs, SIZE), key=lambda c: (c["top"], c["x0"]))
    ends = [line_end_candidates(run) for run in (chars[0:4], chars[4:9], chars[9:15])]
    assert [tuple(round(e, 1) for e in row) for row in ends] == [
        (LEFT + 4 * SIZE,), (LEFT + 4 * SIZE, LEFT + 5 * SIZE), (LEFT + 4 * SIZE, LEFT + 6 * SIZE)]


HOTLINE_EDGE = LEFT + 18.5 * SIZE  # the left column's edge: 282 pt
HOTLINE_RIGHT = HOTLINE_EDGE + 16.0  # a gutter of 1.33 em, a rule in its middle


def continued_hotline(c) -> None:
    """The hotline's columns going on from the page before (which set one row of them at its foot,
    read across): the left column's first line stops short in a '、' set inside the column (the
    next figure did not fit), its second, overfilled 3 pt by the spaces beside its figures, ends in
    a '、' hung past the edge, its box 1 pt short of the right column's line; its third alone; the
    right column of two lines; a title across the page under them."""
    glyphs(c, LEFT, 80.0, TEXT[:17] + "、")
    glyphs(c, HOTLINE_RIGHT, 80.0, TEXT[100:118])
    end = glyphs(c, LEFT, 99.3, TEXT[17:35], (HOTLINE_EDGE + 3.0 - SIZE - LEFT) / 17)
    glyphs(c, end, 99.3, "、")
    glyphs(c, HOTLINE_RIGHT, 99.3, TEXT[118:122] + "。")
    glyphs(c, LEFT, 118.6, TEXT[35:53], (HOTLINE_EDGE + 3.0 - SIZE - LEFT) / 17)
    c.setLineWidth(0.5)
    c.line(HOTLINE_EDGE + 8.0, PAGE_H - 78.0, HOTLINE_EDGE + 8.0, PAGE_H - 134.0)
    glyphs(c, LEFT + 6 * SIZE, 160.0, "年度数据采集情况")


def test_continued_columns_parted_by_a_hung_mark_are_read_column_by_column(tmp_path: Path) -> None:
    """The three rows are one stretch (the first line's '、' inside the column shows its edge, so
    the second's '、', hung 3 pt past it, stands at its box's start): the left column's three lines
    are read before the right column's two, the title after them."""
    path = make_pdf(tmp_path / "hotline.pdf", continued_hotline)
    lines = [ln.text for ln in load(path).blocks if not isinstance(ln, Grid)]
    assert lines == [TEXT[:17] + "、", TEXT[17:35] + "、", TEXT[35:53], TEXT[100:118], TEXT[118:122] + "。",
                     "年度数据采集情况"]
