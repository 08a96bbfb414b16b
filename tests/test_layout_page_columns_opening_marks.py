"""An opening mark hanging before a right column's line (layout/page_columns.py, issue 17 class A2):
Typst hangs a '“' that begins a line half an em before its column's edge, into the gutter; on
small PDFs drawn here (tests/pdfkit.py), the row must still leave the gutter free, and the
counter-cases (an opening mark at a line's start or inside a line across the page) cut no gutter."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_etl.layout.page_columns import (
    Row,
    column_start,
    find_stretches,
    hangs_at_column_start,
    hangs_before_edge,
    line_start_candidates,
    page_rows,
)
from bulletin_etl.layout.settings import LayoutSettings

from .pdfkit import drawn_chars

DEFAULTS = LayoutSettings()
SIZE, LEADING = 10.0, 16.0
LEFT = 60.0
COLUMN_CHARS = 22  # CJK glyphs a column's line holds (1 em each)
EDGE = LEFT + COLUMN_CHARS * SIZE  # the left column's right edge
WORDS = "全市卫生健康信息化建设持续推进服务能力不断提升数据共享范围逐步扩大群众就医体验明显改善"
BODY = (WORDS * 2)[:COLUMN_CHARS]
QUOTED = "“" + BODY[:COLUMN_CHARS - 1]  # a right column's line opening with a quote, hung


def hung_quote_rows(tmp_path: Path, gap_em: float, quoted_row: int = 1) -> list:
    """Two columns `gap_em` apart, four rows; the right column's line on `quoted_row` begins with a
    '“' (a full em box) hung half an em before the column's edge, as Typst sets it."""
    right = EDGE + gap_em * SIZE
    runs = [(x, 100.0 + r * LEADING, BODY) for r in range(4) for x in (LEFT, right) if (r, x) != (quoted_row, right)]
    runs.append((right - 0.5 * SIZE, 100.0 + quoted_row * LEADING, QUOTED))
    return page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)


@pytest.mark.parametrize("gap_em, runs", [(1.1, [2, 1, 2, 2]), (2.5, [2, 2, 2, 2])])
def test_a_quote_hanging_before_the_right_column_leaves_the_gutter_free(tmp_path: Path, gap_em: float,
                                                                       runs: list[int]) -> None:
    """Columns 1.1 em apart (Typst's gutter): the hung '“' leaves 0.6 em beside the left line, so
    its row is one run, but the mark stands at its box's end (`_standing`) and crosses no gutter —
    the stretch holds all four rows, its gutter measured to the column's edge, the '“' read in the
    right column at its line's start. 2.5 em apart the row is cut in two, the right run starting at
    the mark: the same."""
    rows = hung_quote_rows(tmp_path, gap_em)
    assert [len(row.runs) for row in rows] == runs
    (found,) = find_stretches(rows, DEFAULTS)
    assert len(found.rows) == 4
    assert (round(found.gutter[0], 1), round(found.gutter[1], 1)) == (EDGE, EDGE + gap_em * SIZE)
    left, right = found.sides(DEFAULTS)
    assert len(left) == 4 * COLUMN_CHARS and "".join(c["text"] for c in right if abs(c["top"] - rows[1].top) < 1) == QUOTED


def test_a_quote_hanging_before_the_right_column_of_the_stretchs_first_row(tmp_path: Path) -> None:
    """The stretch's first row (`_may_start`) may open its right line with a hung quote."""
    (found,) = find_stretches(hung_quote_rows(tmp_path, 1.1, quoted_row=0), DEFAULTS)
    assert len(found.rows) == 4 and found.sides(DEFAULTS)[1][0]["text"] == "“"


def test_a_quote_opening_single_column_lines_makes_no_gutter(tmp_path: Path) -> None:
    """The counter-case: text in one column whose lines begin with a '“' hung half an em before the
    margin (a paragraph of quotations): no text stands left of the marks, the page has no columns."""
    line = "“" + (WORDS * 2)[:2 * COLUMN_CHARS]
    runs = [(LEFT - 0.5 * SIZE, 100.0 + r * LEADING, line) for r in range(4)]
    rows = page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)
    assert [len(row.runs) for row in rows] == [1, 1, 1, 1] and find_stretches(rows, DEFAULTS) == []


def test_a_quote_inside_a_line_across_the_gutter_does_not_hang(tmp_path: Path) -> None:
    """The counter-case inside a line: columns 1.1 em apart, and between their rows a line across
    the page whose '“' starts at the left column's edge, its box ending 0.1 em short of the right
    column's. The glyph before the mark abuts it and stands in the gutter: the line crosses it and
    belongs to no stretch, the rows above and below it forming two."""
    right = EDGE + 1.1 * SIZE
    across = (WORDS * 2)[:COLUMN_CHARS] + "“" + (WORDS * 2)[:COLUMN_CHARS]
    runs = [(x, 100.0 + r * LEADING, BODY) for r in (0, 1, 3, 4) for x in (LEFT, right)]
    runs.append((LEFT, 100.0 + 2 * LEADING, across))
    rows = page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)
    found = find_stretches(rows, DEFAULTS)
    assert [len(s.rows) for s in found] == [2, 2] and all(rows[2] not in s.rows for s in found)


def test_hangs_before_edge() -> None:
    """Chinese opening marks may hang at a line's start; closing ones, Latin brackets and text do not."""
    assert [hangs_before_edge({"text": t}) for t in "“‘《（【「"] == [True] * 6
    assert [hangs_before_edge({"text": t}) for t in "”）(\"健"] == [False] * 5


def test_hangs_at_column_start() -> None:
    """An opening mark whose box starts inside the right column, or before its start by at most
    `opening_mark_hang_share` of its box and `margin_agreement_pt` (5 + 1.5 pt at 10 pt), hangs
    there; one starting farther left (a box ending at the start, inside a line) does not."""
    start = 300.0

    def quote(x0: float) -> dict:
        return {"text": "“", "x0": x0, "x1": x0 + SIZE, "size": SIZE}

    assert [hangs_at_column_start(quote(x0), start, DEFAULTS) for x0 in (305.0, 300.0, 295.0, 293.5, 293.4, 290.0)] == \
        [True, True, True, True, False, False]
    assert not hangs_at_column_start({"text": "健", "x0": 295.0, "x1": 305.0, "size": SIZE}, start, DEFAULTS)


SHORT_RIGHT_GAP_EM = 1.42
"""A '“' hung half an em into it leaves 0.92 em beside the left column's edge, a gap wider than the
narrowest gutter (its row cut in two there), as reportlab's 1.3 em gutter beside lines ending a
little short of its frame did (160259)."""


def short_right_column_rows(tmp_path: Path, hung: bool) -> list:
    """Two columns `SHORT_RIGHT_GAP_EM` apart (from the left column's edge its lines reach), eight
    rows in the left column, the sixth overfilled by a point (its last glyph past the edge, as
    reportlab's justified lines reach); a right column of two lines, the columns' last page's
    (`short_right`): the first opening with a '“', hung half an em before the column (`hung`) or set
    at its start, the second a paragraph's short last line."""
    right = EDGE + SHORT_RIGHT_GAP_EM * SIZE
    runs = [(LEFT, 100.0 + r * LEADING, BODY) for r in range(8) if r != 5]
    runs += [(LEFT, 100.0 + 5 * LEADING, BODY[:-1]), (EDGE - SIZE + 1.0, 100.0 + 5 * LEADING, BODY[-1])]
    runs += [(right - (0.5 * SIZE if hung else 0.0), 100.0, QUOTED), (right, 100.0 + LEADING, BODY[:12] + "。")]
    return page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)


@pytest.mark.parametrize("hung", [True, False])
def test_a_short_right_column_opening_with_a_hung_quote_holds_the_whole_left_column(tmp_path: Path,
                                                                                     hung: bool) -> None:
    """reportlab 160259 (events, short_right, hung_quotes): a right column of two lines, the first
    opening with a '“' hung half an em into the gutter. Probed at the mark's box, the gutter began at
    the left column's edge, the overfilled sixth row crossed it and the stretch ended above it; the
    right column's lines were read after the third row of the left one. The second line shows the
    column's start (`column_start`): one stretch of all eight rows, the gutter from the left
    column's edge to the right column's start. Counter-case: the '“' set at the column's start, the
    same."""
    rows = short_right_column_rows(tmp_path, hung)
    (found,) = find_stretches(rows, DEFAULTS)
    assert len(found.rows) == 8
    assert (round(found.gutter[0], 1), round(found.gutter[1], 1)) == (EDGE + 1.0, EDGE + SHORT_RIGHT_GAP_EM * SIZE)
    left, right = found.sides(DEFAULTS)
    assert len(left) == 8 * COLUMN_CHARS and "".join(c["text"] for c in right) == QUOTED + BODY[:12] + "。"


def test_line_start_candidates() -> None:
    """A line opening with an opening mark may show the column's start at the mark's box start or
    half its box later (hung); a line opening with a glyph at that glyph's start."""
    quote = {"text": "“", "x0": 295.0, "x1": 305.0}
    glyph = {"text": "健", "x0": 300.0, "x1": 310.0}
    assert line_start_candidates([quote, glyph], DEFAULTS) == (295.0, 300.0)
    assert line_start_candidates([glyph], DEFAULTS) == (300.0,)


def test_column_start() -> None:
    """The leftmost start of the rows whose right part opens with no opening mark; when every one
    does, the leftmost mark's box start (a '“' alone may be set at the start)."""
    def row(*starts: tuple[str, float]) -> Row:
        left = {"text": "健", "x0": 60.0, "x1": 70.0}
        runs = [[left], [{"text": t, "x0": x, "x1": x + SIZE} for t, x in starts]]
        return Row([c for run in runs for c in run], runs)

    assert column_start([row(("“", 295.0)), row(("健", 300.0)), row(("康", 300.4))], DEFAULTS) == 300.0
    assert column_start([row(("“", 295.0)), row(("《", 296.0))], DEFAULTS) == 295.0
