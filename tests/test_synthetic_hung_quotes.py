"""Synthetic bulletins of the hung_quotes draw family (tests/synth/draws.py): a line of the events
opening with a '“' hung half an em before its edge, as Typst hangs it (issue 17, class A2) — in a
right page column, its box in a gutter 1–1.3 ems wide (the case), or across the page (the
counter-case). Reportlab draws it; Typst hangs such marks where its lines fall (its pinned replays
are in test_synthetic_two_columns.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import bulletin_etl.layout.page_columns as page_columns

from .synth.draws import drawn_through
from .synth.model import make_bulletin, truth
from .synth.render_reportlab import render_info
from .synth.sweep import Case, bulletin, cannot_render, replay

DRAWN = drawn_through("cut_halves_beside")
"""The families this file's bulletins were checked with: a family added since may draw on their
seeds and print them otherwise (as flush_paragraphs did on seed 12)."""

CASES = [
    # seed, style, font, where the family hangs a '“' (reportlab, not forced); seed 12 without the
    # column_last_pages family, which moves its right column's hung lines to the columns' last
    # page's left column (both families at once: tests/test_synthetic_column_last_page.py)
    (12, "three_line", "STSong-Light", "in the events' right column"),
    (8, "grid", "STSong-Light", "across the page (the events in one column)"),
]
DRAWS = {12: DRAWN - {"column_last_pages"}, 8: DRAWN}


def test_the_family_draws_these_cases() -> None:
    """About two bulletins in five whose events quote; the columns' reportlab gutter narrowed."""
    twelve, eight = make_bulletin(12, draws=DRAWN), make_bulletin(8, draws=DRAWN)
    assert twelve.events.hung_quote and twelve.events.columns is not None
    assert (twelve.events.columns.gap_em, twelve.events.columns.hung_gap_em) == (2.0, 1.1)
    assert eight.events.hung_quote and eight.events.columns is None
    drawn = sum(make_bulletin(seed, draws=DRAWN).events.hung_quote for seed in range(1, 41))
    assert 0.25 * 40 <= drawn <= 0.55 * 40


@pytest.mark.parametrize("seed", range(12))
def test_the_family_leaves_the_truth_alone(seed: int) -> None:
    with_it, without = make_bulletin(seed, draws=DRAWN), make_bulletin(seed, draws=DRAWN - {"hung_quotes"})
    assert truth(with_it) == truth(without)
    assert with_it.events.paragraphs == without.events.paragraphs


@pytest.mark.parametrize("seed, style, font, where", CASES)
def test_hung_quotes_extract_exactly(seed: int, style: str, font: str, where: str, tmp_path: Path) -> None:
    """The lines reportlab hangs (page column 1: the right one; 0: across the page or the left
    column), then the bulletin extracted exactly."""
    reason = cannot_render("reportlab", font)
    if reason:
        pytest.skip(reason)
    case = Case(seed, "reportlab", style, font, draws=DRAWS[seed])
    info = render_info(bulletin(case)[0], tmp_path / "b.pdf", style=style, font=font, seed=seed)
    hung = [(column, line[:6]) for column, line in info["hung_quotes"]]
    assert hung == {12: [(0, "“绿色低碳”"), (0, "“电子病历版"), (1, "“创”的劲头"), (1, "“合理膳食”")],
                    8: [(0, "“合理膳食”")]}[seed], where
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"


def test_a_forced_hung_quote_needs_the_rule(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Forced (seed 5, grid, uming: a '“' hung in the right column 1.3 ems from the left one): exact,
    and misread when a mark hanging before the right column's start is not let stand at its box's
    end (`hangs_at_column_start`)."""
    reason = cannot_render("reportlab", "uming")
    if reason:
        pytest.skip(reason)
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "hung_quotes")
    case = Case(5, "reportlab", "grid", "uming", draws=DRAWN)
    assert make_bulletin(5, draws=DRAWN).events.columns.hung_gap_em == 1.3  # type: ignore[union-attr]
    (tmp_path / "with").mkdir()
    (tmp_path / "without").mkdir()
    assert replay(case, tmp_path / "with") == [], f"replay: {case.replay}"
    monkeypatch.setattr(page_columns, "hangs_at_column_start", lambda *args: False)
    assert replay(Case(5, "reportlab", "grid", "uming", draws=DRAWN), tmp_path / "without") != []
