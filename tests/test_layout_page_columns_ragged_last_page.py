"""The columns' last page set ragged (layout/page_columns.py), on small PDFs drawn here
(tests/pdfkit.py): events in two columns run off page one's right column; page two holds their rest
in its left column alone, set unjustified as Typst sets it — whole glyphs to a line, each line up to
a glyph short of the column's edge that page one's full lines show. Those lines go on page one's
column (`continue_column`): they reach its edge as a ragged column's prose does (`reaches_column_edge`,
within `page_column_reach_em`), so that no line of them reads as a paragraph's short last line, nor a
line worded like a title as a heading (typst 790087: '数据、体检数据、死亡数据、妇幼数据' read as the
physical examinations' heading, and event 十 lost under it). Counter-case: lines stopping two glyphs
short of the edge do not fill the column, and go on none."""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout.document import load
from bulletin_etl.layout.lines import TextLine
from bulletin_etl.layout.page_columns import reaches_column_edge
from bulletin_etl.layout.tables import Grid

from .pdfkit import make_pdf
from .test_layout_page_columns import (
    COLUMN_CHARS,
    DEFAULTS,
    INTRO,
    LEFT,
    LONG_EVENTS,
    SIZE,
    flow,
    full_width,
    paragraph_texts,
    wrapped,
)

ROWS = 16  # column rows on page one
EDGE = LEFT + COLUMN_CHARS * SIZE  # the left column's right edge, as page one's full lines show it


def rewrapped(parts: list[tuple[bool, str]], chars: int) -> list[tuple[bool, str]]:
    """The parts (a paragraph's start or its rest, text) wrapped at `chars` glyphs a line, a
    paragraph's first line indented two glyphs: (first, text)."""
    out = []
    for first, rest in parts:
        while rest:
            n = chars - 2 if first else chars
            out.append((first, rest[:n]))
            rest, first = rest[n:], False
    return out


def page_two_parts() -> list[tuple[bool, str]]:
    """What page one leaves of the events: the rest of the one running off its right column's
    foot, and the events after it."""
    numbered = [(k, ln) for k, p in enumerate(LONG_EVENTS) for ln in wrapped(p)]
    left = numbered[2 * ROWS:]
    out: list[tuple[bool, str]] = []
    for k in sorted({k for k, _ in left}):
        lines = [ln for j, ln in left if j == k]
        out.append((lines[0][0], "".join(s for _, s in lines)))
    return out


def ragged_last_page(tmp_path: Path, short_by: int) -> Path:
    """A paragraph across page one, then LONG_EVENTS in two full columns of ROWS rows; page two
    their rest in its left column alone, each line `short_by` glyphs short of the column's edge;
    page three, text across the page."""
    lines = [ln for p in LONG_EVENTS for ln in wrapped(p)]

    def one(c) -> None:
        bottom = full_width(c, 60.0, INTRO)
        flow(c, bottom + 12.0, lines[:ROWS], 0)
        flow(c, bottom + 12.0, lines[ROWS:2 * ROWS], 1)

    def two(c) -> None:
        flow(c, 100.0, rewrapped(page_two_parts(), COLUMN_CHARS - short_by), 0)

    return make_pdf(tmp_path / "ragged.pdf", one, two, lambda c: full_width(c, 60.0, INTRO * 8))


def page_two(path: Path) -> list[TextLine]:
    return [b for b in load(path).blocks if not isinstance(b, Grid) and b.page == 2]


def test_the_drawing_leaves_page_two_an_events_rest_and_a_whole_event() -> None:
    """The fixture's premise: page two opens inside event 4 (no indent) and holds event 5 whole."""
    parts = page_two_parts()
    assert [first for first, _ in parts] == [False, True] and parts[1][1] == LONG_EVENTS[5]


def test_a_ragged_column_a_glyph_short_of_its_edge_goes_on_the_page_before(tmp_path: Path) -> None:
    """Page two's lines, each one glyph short of the column's edge (none within
    `margin_agreement_pt` of it), carry page one's column's edges: event 4 is one paragraph across
    the break, event 5 another."""
    path = ragged_last_page(tmp_path, 1)
    two = page_two(path)
    assert len(two) == 12 and {ln.frame for ln in two} == {(LEFT, EDGE)}
    assert paragraph_texts(path) == [INTRO, *LONG_EVENTS, INTRO * 8]


def test_lines_two_glyphs_short_of_the_edge_go_on_no_column(tmp_path: Path) -> None:
    """The counter-case: lines stopping two glyphs short of the column's edge (past
    `page_column_reach_em`) do not fill it: they go on no column, and stand as short lines."""
    two = page_two(ragged_last_page(tmp_path, 2))
    assert len(two) == 12 and {ln.frame for ln in two} == {None}


def test_reaches_column_edge_counts_a_glyph_and_a_half_short() -> None:
    """A line ending within `page_column_reach_em` (1.5 em) of the column's right edge reaches it."""
    def ending(x1: float) -> TextLine:
        char = {"text": "字", "x0": x1 - SIZE, "x1": x1, "top": 100.0, "bottom": 100.0 + SIZE, "size": SIZE}
        return TextLine("字", 1, x1 - SIZE, x1, 100.0, 100.0 + SIZE, 100.0, SIZE, False, [char])

    assert DEFAULTS.page_column_reach_em == 1.5
    assert reaches_column_edge(ending(EDGE), (LEFT, EDGE), DEFAULTS)
    assert reaches_column_edge(ending(EDGE - 15.0), (LEFT, EDGE), DEFAULTS)
    assert not reaches_column_edge(ending(EDGE - 15.5), (LEFT, EDGE), DEFAULTS)
