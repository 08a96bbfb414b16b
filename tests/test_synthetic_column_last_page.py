"""Two-column prose ending on a last page set as Typst sets it (issue 17, class A1): the
column_last_pages family (tests/synth/draws.py, drawn on the stream 'two_columns-last-<seed>';
reportlab draws it), each bulletin extracted exactly (layout/page_columns.py). The Typst bulletins
once misread so (720039, 720058, and 720083 of class A3) are pinned whole in
test_synthetic_two_columns.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_etl.layout.document import load
from bulletin_etl.layout.tables import Grid

from .synth.draws import drawn_through
from .synth.model import make_bulletin
from .synth.render_reportlab import render_info
from .synth.sweep import Case, cannot_render, check, render

DRAWN = drawn_through("cut_halves_beside")
"""The families this file's bulletins were checked with: a family added since may draw on their
seeds and print them otherwise (as flush_paragraphs did on seed 12)."""

LAST_PAGE_CASES = [
    # seed, style, font, where the columns' last page is (reportlab, 1-based) and its left
    # column's line count, beside a right column of one line: the events (12, 39), the remote
    # medicine paragraphs (64); before, the folio '2' under the page before's columns closed them
    (12, "no_inner_verticals", "STSong-Light", {"page": 3, "left": 12}),
    (39, "three_line", "uming", {"page": 4, "left": 9}),
    (64, "three_line", "wqy-zenhei", {"page": 6, "left": 11}),
]


def test_the_family_ends_some_columns_on_a_typst_last_page(tmp_path: Path) -> None:
    """The events of seeds 12 and 39 and the remote medicine paragraphs of 64 end on a page whose
    right column holds one line; seed 5's events (balanced, the counter-case) do not."""
    for seed, style, font, last in LAST_PAGE_CASES:
        b = make_bulletin(seed, draws=DRAWN)
        drawn = [s.columns for s in [b.events, *b.sections] if s.columns is not None and s.columns.last_right]
        assert [c.last_right for c in drawn] == [1], seed
        if cannot_render("reportlab", font) is None:
            info = render_info(b, tmp_path / f"{seed}.pdf", style=style, font=font, seed=seed)
            assert info["column_last_pages"] == [last], seed
    b = make_bulletin(5, draws=DRAWN)
    assert b.events.columns is not None and b.events.columns.last_right == 0
    assert "column_last_pages" not in render_info(b, tmp_path / "5.pdf", style="grid", font="STSong-Light", seed=5)


@pytest.mark.parametrize("seed, style, font, last", LAST_PAGE_CASES)
def test_a_right_column_of_a_line_on_the_columns_last_page_reads_exactly(seed: int, style: str, font: str,
                                                                         last: dict, tmp_path: Path) -> None:
    """Extracted exactly, the last page's lines read in their columns (they carry its edges)."""
    reason = cannot_render("reportlab", font)
    if reason:
        pytest.skip(reason)
    case = Case(seed, "reportlab", style, font, draws=DRAWN)
    pdf = render([case], tmp_path)[seed]
    assert check(case, pdf, tmp_path).problems == [], f"replay: {case.replay}"
    on_last = [b for b in load(pdf).blocks if not isinstance(b, Grid) and b.page == last["page"] and b.frame]
    assert len(on_last) == last["left"] + 1, case.replay

