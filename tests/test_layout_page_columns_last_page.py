"""Page columns on their last page and a closing mark at a short pair's gutter (layout/page_columns.py),
on small PDFs drawn here (tests/pdfkit.py): the columns' last page, its long left column holding
headings and paragraphs' short last lines beside a right column of one line, goes on the column the
page before left open (`goes_on_carried_column`), a line of it hanging a '“' before the column's
start too (`starts_inside_column`); a '。' whose box spans a probed gutter's middle
goes with the text before it (`side_point`), so that a line across a single-column page whose mark
runs up to the next glyph parts no short pair."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from bulletin_etl.layout.document import load
from bulletin_etl.layout.lines import build_lines
from bulletin_etl.layout.page_columns import (
    Stretch,
    find_stretches,
    fits_column,
    goes_on_carried_column,
    is_bare_folio_at_foot,
    is_short_column_pair,
    page_rows,
    side_point,
    starts_inside_column,
    text_frame,
)
from bulletin_etl.layout.tables import Grid

from .pdfkit import drawn_chars, make_pdf, text
from .test_layout_page_columns import (
    COLUMN_CHARS,
    DEFAULTS,
    GUTTER,
    INTRO,
    LEADING,
    LEFT,
    RIGHT,
    SIZE,
    WORDS,
    event,
    full_width,
    paragraph_texts,
    wrapped,
)

LAST_EVENTS = [event(k, 150) for k in range(6)]
"""Six events of seven column lines each, the last one short (20 glyphs)."""
LEFT_COLUMN = (LEFT, LEFT + COLUMN_CHARS * SIZE)
RIGHT_COLUMN = (LEFT + COLUMN_CHARS * SIZE + GUTTER, RIGHT)


def flow(c, top: float, part: list[tuple[bool, str]], column: int) -> None:
    """Column lines (first, text) down a column from `top`, a paragraph's first line indented two glyphs."""
    for row, (first, s) in enumerate(part):
        text(c, LEFT + column * (COLUMN_CHARS * SIZE + GUTTER) + (2 * SIZE if first else 0.0), top + row * LEADING, s, SIZE)


def last_page_columns(tmp_path: Path, runs_off: bool, folio: str = "") -> Path:
    """LAST_EVENTS in two columns of 16 rows down page one, under a paragraph across the page; page
    two holds the rest as Typst sets the columns' last page: the left column filled first (nine
    lines: the fifth event's end, the sixth's start, its first line indented), the right column
    the sixth event's short last line alone, beside the left column's first line. With `runs_off`
    False page one ends in a paragraph across it, so no column is left open; `folio` printed
    centred at page one's foot."""
    lines = [ln for p in LAST_EVENTS for ln in wrapped(p)]
    rows = 16

    def one(c) -> None:
        bottom = full_width(c, 60.0, INTRO)
        flow(c, bottom + 12.0, lines[:rows], 0)
        flow(c, bottom + 12.0, lines[rows:2 * rows], 1)
        if not runs_off:
            full_width(c, bottom + 12.0 + (rows + 1) * LEADING, INTRO)
        text(c, (LEFT + RIGHT) / 2, 800.0, folio, SIZE)

    def two(c) -> None:
        flow(c, 100.0, lines[2 * rows:-1], 0)
        flow(c, 100.0, lines[-1:], 1)

    return make_pdf(tmp_path / "last_page.pdf", one, two, lambda c: full_width(c, 60.0, INTRO * 8))


def test_the_columns_last_page_with_a_right_column_of_a_line_goes_on_the_open_column(tmp_path: Path) -> None:
    """Page two's left column holds an event's first line (indented) and another's short last line,
    so its lines do not all reach its edge, and only its first row has text on both sides; but the
    left column goes on the one page one left open (`goes_on_carried_column`): the page is read left
    column first, each event one paragraph."""
    path = last_page_columns(tmp_path, runs_off=True)
    two = [b for b in load(path).blocks if not isinstance(b, Grid) and b.page == 2]
    assert [ln.frame for ln in two] == [LEFT_COLUMN] * 9 + [(RIGHT_COLUMN[0], RIGHT_COLUMN[0] + 19 * SIZE)]  # '。' hangs
    assert paragraph_texts(path) == [INTRO, *LAST_EVENTS, INTRO * 8]


def test_a_bare_folio_under_the_columns_leaves_them_open(tmp_path: Path) -> None:
    """Page one's folio is a bare number ('2', reportlab's furniture) under the columns: the page's
    text still ends in the columns (`is_bare_folio_at_foot`), and page two goes on them."""
    blocks = [b for b in load(last_page_columns(tmp_path, runs_off=True, folio="2")).blocks if not isinstance(b, Grid)]
    one, two = ([b for b in blocks if b.page == page] for page in (1, 2))
    assert one[-1].text == "2" and one[-1].frame is None
    assert [ln.frame for ln in two] == [LEFT_COLUMN] * 9 + [(RIGHT_COLUMN[0], RIGHT_COLUMN[0] + 19 * SIZE)]


def test_is_bare_folio_at_foot(tmp_path: Path) -> None:
    """A number alone under the page's other lines is a folio; the same number above a line, or a
    number with words, is not."""
    lines = build_lines(drawn_chars(tmp_path, [(LEFT, 100.0, "全市卫生健康信息化建设"), (LEFT, 120.0, "12"),
                                               (LEFT, 140.0, "第2页"), (300.0, 800.0, "2")], SIZE), 1, DEFAULTS)
    assert [ln.text for ln in lines if is_bare_folio_at_foot(ln, lines)] == ["2"]


def test_the_same_page_after_no_open_column_is_no_short_pair(tmp_path: Path) -> None:
    """The counter-case: page one ends in a paragraph across it (no column left open): page two's
    one row with text on both sides, over a left column not all reaching its edge, is no short pair."""
    path = last_page_columns(tmp_path, runs_off=False)
    with pdfplumber.open(path) as pdf:
        assert find_stretches(page_rows(pdf.pages[1].chars, DEFAULTS), DEFAULTS) == []
    assert {b.frame for b in load(path).blocks if not isinstance(b, Grid) and b.page == 2} == {None}


def test_goes_on_carried_column(tmp_path: Path) -> None:
    """Page two's left column goes on page one's left column, not on a narrower one (its lines
    stand past its edge) nor on one wider by three glyphs (no line reaches its edge)."""
    with pdfplumber.open(last_page_columns(tmp_path, runs_off=True)) as pdf:
        left = [c for c in pdf.pages[1].chars if c["x0"] < RIGHT_COLUMN[0] - GUTTER / 2]
    assert goes_on_carried_column(left, LEFT_COLUMN, DEFAULTS)
    assert not goes_on_carried_column(left, (LEFT, LEFT_COLUMN[1] - 3 * SIZE), DEFAULTS)
    assert not goes_on_carried_column(left, (LEFT, LEFT_COLUMN[1] + 3 * SIZE), DEFAULTS)


def test_starts_inside_column(tmp_path: Path) -> None:
    """A line starts inside the column at its start or within `margin_agreement_pt` before it, or
    with a '“' hung half an em before it; a '“' a whole em before it, or a glyph other than an
    opening mark half an em before it, starts outside."""
    runs = [(LEFT, 100.0, "健康南京"), (LEFT - 1.0, 120.0, "健康南京"), (LEFT - SIZE / 2, 140.0, "“健康南京”"),
            (LEFT - SIZE, 160.0, "“健康南京”"), (LEFT - SIZE / 2, 180.0, "健康南京")]
    lines = build_lines(drawn_chars(tmp_path, runs, SIZE), 1, DEFAULTS)
    assert [starts_inside_column(ln, LEFT_COLUMN, DEFAULTS) for ln in lines] == [True, True, True, False, False]


def test_the_columns_last_lines_alone_under_a_hung_bracket_go_on_the_open_column(tmp_path: Path) -> None:
    """typst 758005: page two holds the columns' last lines in its left column alone, the right one
    empty, the first line opening with a '（' hung half an em before the column (its last glyph
    half an em past the edge). The lines go on the column page one left open (`continue_column`,
    `fits_column`), so that none reaching its edge stops short: the fifth event, whose line on page
    two opens with the bracket, is one paragraph across the break, the sixth another."""
    lines = [ln for p in LAST_EVENTS for ln in wrapped(p)]
    rows = 16
    first, rest = lines[2 * rows]
    assert not first
    hung = "（" + rest
    printed = [*lines[:2 * rows], (False, hung), *lines[2 * rows + 1:]]
    starts = [k for k, (opens, _) in enumerate(printed) if opens] + [len(printed)]
    events = ["".join(s for _, s in printed[a:b]) for a, b in zip(starts, starts[1:])]

    def one(c) -> None:
        bottom = full_width(c, 60.0, INTRO)
        flow(c, bottom + 12.0, lines[:rows], 0)
        flow(c, bottom + 12.0, lines[rows:2 * rows], 1)

    def two(c) -> None:
        text(c, LEFT - SIZE / 2, 100.0, hung, SIZE)
        flow(c, 100.0 + LEADING, lines[2 * rows + 1:], 0)

    path = make_pdf(tmp_path / "hung_rest.pdf", one, two, lambda c: full_width(c, 60.0, INTRO * 8))
    two_lines = [b for b in load(path).blocks if not isinstance(b, Grid) and b.page == 2]
    assert {ln.frame for ln in two_lines} == {LEFT_COLUMN}
    assert paragraph_texts(path) == [INTRO, *events, INTRO * 8]


def test_fits_column(tmp_path: Path) -> None:
    """typst 758005: the page after the columns holds their last lines in its left column alone (the
    right one empty), the first opening with a '（' hung half an em before the column and the lines
    holding Latin digits overfilled by up to two thirds of an em. Each fits the column the page before
    left open (`continue_column`): it starts inside it, a hung opening mark too (`starts_inside_column`),
    and ends at most an em (`page_column_overfill_em`) past its edge; a line ending further out (text
    across the page, a centred title), or starting a whole em before the column, does not."""
    edge = LEFT_COLUMN[1]
    runs = [(LEFT - SIZE / 2, 100.0, "（" + WORDS[:COLUMN_CHARS - 1]),  # hung, ends half an em past the edge
            (LEFT, 120.0, WORDS[:COLUMN_CHARS]), (LEFT, 140.0, WORDS[:COLUMN_CHARS - 1] + "，"),
            (LEFT, 160.0, WORDS[:COLUMN_CHARS + 1]),  # an em past the edge
            (LEFT, 180.0, WORDS[:COLUMN_CHARS + 2]),  # two ems
            (LEFT - SIZE, 200.0, "（" + WORDS[:COLUMN_CHARS - 2]),  # hung a whole em out
            (edge - 4 * SIZE, 220.0, "统计数据统计数据")]  # a centred title past the edge
    lines = build_lines(drawn_chars(tmp_path, runs, SIZE), 1, DEFAULTS)
    assert [fits_column(ln, LEFT_COLUMN, DEFAULTS) for ln in lines] == [True, True, True, True, False, False, False]


def test_goes_on_carried_column_with_a_hung_quote(tmp_path: Path) -> None:
    """The columns' last page whose left column holds a line opening with a '“' hung half an em
    before the column (hung_quotes with column_last_pages, seed 12 of the sweep) still goes on the
    column the page before left open; hung a whole em out, it does not."""
    lines = [ln for p in LAST_EVENTS for ln in wrapped(p)][32:-1]
    runs = [(LEFT + (2 * SIZE if first else 0.0), 100.0 + row * LEADING, s) for row, (first, s) in enumerate(lines)]
    hung = [(LEFT - SIZE / 2, 100.0 + len(runs) * LEADING, "“" + WORDS[:COLUMN_CHARS - 1])]
    far = [(LEFT - SIZE, 100.0 + len(runs) * LEADING, "“" + WORDS[:COLUMN_CHARS - 1])]
    assert goes_on_carried_column(drawn_chars(tmp_path, runs + hung, SIZE), LEFT_COLUMN, DEFAULTS)
    assert not goes_on_carried_column(drawn_chars(tmp_path, runs + far, SIZE), LEFT_COLUMN, DEFAULTS)


def mark_at_middle_page(space_after_box_em: float):
    """A paragraph across the page, then one whose first line across the page holds a '。' (a full
    em box) at the page's middle, `space_after_box_em` of space after it, and a short last line;
    a folio in two parts under them, its right part starting one em after the mark's box starts
    ('第2页  共6页'), so that the folio's gutter probe starts where the mark's box does."""
    mark_x = (LEFT + RIGHT) / 2 - 0.5 * SIZE
    n = int((mark_x - LEFT) / SIZE)

    def page(c) -> None:
        bottom = full_width(c, 60.0, INTRO)
        body = WORDS * 2
        text(c, mark_x - n * SIZE, bottom + 12.0, body[:n] + "。", SIZE)
        text(c, mark_x + (1 + space_after_box_em) * SIZE, bottom + 12.0, body[:n], SIZE)
        text(c, LEFT, bottom + 12.0 + LEADING, body[:8] + "。", SIZE)
        full_width(c, bottom + 12.0 + 2 * LEADING, INTRO)
        text(c, mark_x - 3 * SIZE, 780.0, "第2页", SIZE)
        text(c, mark_x + SIZE, 780.0, "共6页", SIZE)
    return page


def mid_line_mark(tmp_path: Path, space_after_box_em: float) -> tuple[Stretch, tuple[float, float], list]:
    """The line with the '。' and the short line under it as a stretch whose gutter is the mark's
    box start to the next glyph, the page's text frame, and the page's rows."""
    with pdfplumber.open(make_pdf(tmp_path / "mark.pdf", mark_at_middle_page(space_after_box_em))) as pdf:
        rows = page_rows(pdf.pages[0].chars, DEFAULTS)
    line = next(k for k, row in enumerate(rows) if "。" in "".join(c["text"] for run in row.runs for c in run)[:-1])
    visible = sorted((c for run in rows[line].runs for c in run), key=lambda c: c["x0"])
    k = next(k for k, c in enumerate(visible) if c["text"] == "。")
    return Stretch(rows[line:line + 2], (visible[k]["x0"], visible[k + 1]["x0"])), text_frame(rows, DEFAULTS), rows


def test_a_mid_line_mark_spanning_the_gutters_middle_parts_no_short_pair(tmp_path: Path) -> None:
    """The '。''s box runs up to the next glyph: the gutter from its box's start to that glyph has
    its middle at the mark's centre. The mark goes with the text before it (`side_point`), so the
    line is seen parted only after a mid-line mark: no short pair; on the page, the folio's probe
    finds no columns and the paragraph reads in order."""
    stretch, frame, rows = mid_line_mark(tmp_path, 0.0)
    mark = next(c for c in stretch.rows[0].chars if c["text"] == "。")
    assert find_stretches(rows, DEFAULTS) == []
    assert not is_short_column_pair(stretch, frame, DEFAULTS)
    assert side_point(mark) == mark["x0"] and mark in stretch.sides(DEFAULTS)[0]


def test_clear_space_after_the_marks_box_still_parts_a_short_pair(tmp_path: Path) -> None:
    """The counter-case: a full em of space after the mark's box is a gutter: a short pair, the mark
    in its left column."""
    stretch, frame, _ = mid_line_mark(tmp_path, 1.0)
    assert is_short_column_pair(stretch, frame, DEFAULTS)
    assert "".join(c["text"] for c in stretch.sides(DEFAULTS)[0]).count("。") == 2


def test_side_point() -> None:
    """A glyph stands at its box's centre, a closing mark at its box's start; an opening mark is no
    closing one."""
    assert side_point({"text": "南", "x0": 100.0, "x1": 110.0}) == 105.0
    assert side_point({"text": "。", "x0": 100.0, "x1": 110.0}) == 100.0
    assert side_point({"text": "“", "x0": 100.0, "x1": 110.0}) == 105.0
