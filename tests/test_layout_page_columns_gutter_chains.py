"""Marks at a page gutter's two sides (layout/page_columns.py), on small PDFs drawn here
(tests/pdfkit.py), as reportlab set the events of seeds 920130 and 977302: a left line overfilled
by '”，' exactly as wide as the gutter, the '，''s box running up to the right column's first glyph,
hangs at the column's end (`hung_chain_filling_gutter`) and leaves the columns whole (a line
across the page whose glyph after the marks misses the right column's start by 0.8 pt still cuts
them: test_layout_page_columns_ragged_marks's counter-case, and `test_hung_chain_filling_gutter`); and
the columns' last page, whose right column is one line opening with a '“' hung half an em before
the column, is probed where the mark's hung part ends (`column_starts`), so that the full left
lines, which reach past a gutter probed at the mark's box, are read as the left column."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from bulletin_etl.layout.document import load
from bulletin_etl.layout.page_columns import (
    Row,
    column_starts,
    find_stretches,
    hung_chain_filling_gutter,
    page_rows,
)
from bulletin_etl.layout.tables import Grid

from .pdfkit import make_pdf
from .test_layout_page_columns import DEFAULTS, LEFT
from .test_layout_page_columns_ragged_marks import COLUMN_CHARS, EDGE, LEADING, SIZE, TEXT, glyphs, left_line

FILLED_START = EDGE + 2 * SIZE  # a gutter of two ems: '”，' hung past the edge fill it (920130)
MISSED_START = FILLED_START - 0.8  # a gutter 0.8 pt narrower: a line's next glyph misses its start


def chained_line(row: int) -> str:
    """The left column's lines (`left_line`), the seventh overfilled by '”，' hung past the edge."""
    return left_line(row)[:-2] + "”，" if row == 6 else left_line(row)


def gutter_filled_by_a_chain(c) -> None:
    """Ten rows of two ragged columns two ems apart; the seventh left line ends in '”，' set after
    its last glyph at the column's edge, the '，''s box ending where the right column starts."""
    for row in range(10):
        top = 80.0 + row * LEADING
        glyphs(c, LEFT, top, chained_line(row))
        glyphs(c, FILLED_START, top, TEXT[(row + 20) * COLUMN_CHARS:(row + 21) * COLUMN_CHARS])


def test_a_chain_of_marks_filling_the_gutter_hangs_at_the_left_column_end(tmp_path: Path) -> None:
    """The row whose left line ends in '”，' leaves the gutter free: one stretch of ten rows, the
    seventh left line read whole, '”，' and all, the right column after the left."""
    path = make_pdf(tmp_path / "filled.pdf", gutter_filled_by_a_chain)
    with pdfplumber.open(path) as pdf:
        (stretch,) = find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS)
    assert len(stretch.rows) == 10
    lines = [ln.text for ln in load(path).blocks if not isinstance(ln, Grid)]
    assert lines[:10] == [chained_line(row) for row in range(10)]
    assert lines[10] == TEXT[20 * COLUMN_CHARS:21 * COLUMN_CHARS]


def glyph(text: str, x0: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + SIZE, "size": SIZE}


def test_hung_chain_filling_gutter() -> None:
    """'”，' starting at the left column's edge, the glyph after them at the right column's start
    (0.4 pt off at most), fills the gutter; not when that glyph stands 0.8 pt off, nor a lone '，'
    before it, nor a chain asked of without the column's edges, nor the glyph before the chain."""
    def row(*texts: str, after: float = FILLED_START) -> list[dict]:
        marks = [glyph(t, EDGE + k * SIZE) for k, t in enumerate(texts)]
        return [glyph("动", EDGE - SIZE), *marks, glyph("教", after)]

    column = (EDGE, FILLED_START)
    assert [hung_chain_filling_gutter(row("”", "，"), 1, column, DEFAULTS),
            hung_chain_filling_gutter(row("”", "，", after=FILLED_START + 0.4), 1, column, DEFAULTS),
            hung_chain_filling_gutter(row("”", "，", after=MISSED_START), 1, column, DEFAULTS),
            hung_chain_filling_gutter(row("，", after=EDGE + SIZE), 1, (EDGE, EDGE + SIZE), DEFAULTS),
            hung_chain_filling_gutter(row("”", "，"), 1, (None, None), DEFAULTS),
            hung_chain_filling_gutter(row("”", "，"), 0, column, DEFAULTS)] == [True, True, False, False, False, False]


QUOTE_START = EDGE + 1.1 * SIZE  # the right column's start: 1.1 em right of the left column's edge
LAST_PAGE_ROWS = 8
RIGHT_LINE = "“干”的作风。"


def last_page_of_columns(hung: bool):
    """The columns' last page (977302): eight rows of a left column going on from the page before,
    the first a paragraph's last line ending an em short of the edge, the others full; a right
    column of one line opening with a '“', hung half an em before the column (`hung`) or set at
    its start."""
    def draw(c) -> None:
        glyphs(c, LEFT, 80.0, TEXT[:COLUMN_CHARS - 2] + "。")
        for row in range(1, LAST_PAGE_ROWS):
            glyphs(c, LEFT, 80.0 + row * LEADING, TEXT[row * COLUMN_CHARS:(row + 1) * COLUMN_CHARS])
        glyphs(c, QUOTE_START - (0.5 * SIZE if hung else 0.0), 80.0, RIGHT_LINE)
    return draw


@pytest.mark.parametrize("hung", [True, False])
def test_a_right_column_of_one_line_opening_with_a_hung_quote(tmp_path: Path, hung: bool) -> None:
    """Probed at the hung '“''s box alone, the gutter started 0.2 em left of the left column's edge
    and every full left line crossed it (one row, no columns). Probed where the mark's hung part
    ends, it holds the whole left column, which goes on the column the page before left open: one
    stretch of eight rows, its left side every left line, its right side the quoted line. The same
    when the '“' is set at the column's start."""
    path = make_pdf(tmp_path / "last.pdf", last_page_of_columns(hung))
    with pdfplumber.open(path) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    (stretch,) = find_stretches(rows, DEFAULTS, carried=(LEFT, EDGE))
    assert len(stretch.rows) == LAST_PAGE_ROWS
    left, right = stretch.sides(DEFAULTS)
    assert len(left) == LAST_PAGE_ROWS * COLUMN_CHARS - 1
    assert "".join(c["text"] for c in right) == RIGHT_LINE


def test_column_starts() -> None:
    """Rows whose right parts all open with an opening mark show two starts: the leftmost mark's
    box start and the leftmost end of the marks' hung halves; a row opening with a glyph shows the
    start alone."""
    def row(*starts: tuple[str, float]) -> Row:
        runs = [[glyph("健", 60.0)], [glyph(t, x) for t, x in starts]]
        return Row([c for run in runs for c in run], runs)

    assert column_starts([row(("“", 295.0)), row(("《", 296.0))], DEFAULTS) == [295.0, 301.0]  # half of a 12 pt box hung
    assert column_starts([row(("“", 295.0)), row(("健", 300.0))], DEFAULTS) == [300.0]
