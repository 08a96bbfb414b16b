"""Synthetic bulletins with a table printed without a heading of its own right under another table
section's table (the headless_tables draw family, tests/synth/headless.py), through every installed
producer: the known section's table is read as that section by its content (the warning says so),
an unknown section's table stays a second table not read, and the section above it keeps the notes
under its own table."""

from __future__ import annotations

from pathlib import Path

import pytest

from .synth.draws import PINNED, pinned_draws
from .synth.model import make_bulletin, truth
from .synth.sweep import PRODUCERS, cannot_render, check, missing_tool, plan, render, replay

CASES = [
    # seed, what the family draws for it
    (143, "the health certificates' table under the internet hospitals' table and its notes"),
    (564, "an unknown section's table under the internet hospitals' table and its notes"),
]
"""Seeds whose bulletins are not numbered (the rewording family's numbered titles leave the family
out), chosen from the draws as they are: a seed's draw moves when a family is added or changed."""


def test_the_family_draws_these_cases() -> None:
    drawn = {seed: make_bulletin(seed, draws=PINNED) for seed, _ in CASES}
    headless = {seed: [(before.name, s.name) for before, s in zip(b.sections, b.sections[1:]) if not s.title]
                for seed, b in drawn.items()}
    assert headless[143] == [("internet_hospitals", "health_certificates")]
    assert [(before, s.startswith("unknown_")) for before, s in headless[564]] == [("internet_hospitals", True)]
    assert ("health_certificates", "read as health_certificates by its content") in drawn[143].expected_warnings
    assert ("internet_hospitals", "a second table with") in drawn[564].expected_warnings
    plain = make_bulletin(564, draws=PINNED - {"headless_tables"})
    unknown_titles = [w for w in plain.expected_warnings if w not in drawn[564].expected_warnings]
    assert len(unknown_titles) == 1 and unknown_titles[0][0] == ""  # its title is not printed, nor reported


@pytest.mark.parametrize("seed", range(40))
def test_the_family_leaves_the_truth_alone(seed: int) -> None:
    """A heading dropped changes no figure; the only warnings it adds say how the table was read."""
    with_it, without = make_bulletin(seed, draws=PINNED), make_bulletin(seed, draws=PINNED - {"headless_tables"})
    assert truth(with_it) == truth(without)
    added = [w for w in with_it.expected_warnings if w not in without.expected_warnings]
    assert all(text.endswith("by its content") or text == "a second table with" for _, text in added)


def test_numbered_bulletins_never_draw_it() -> None:
    from .synth.headless import NUMBERED

    for seed in range(200):
        b = make_bulletin(seed, draws=PINNED)
        if any(NUMBERED.match(s.title) for s in b.sections):
            plain = make_bulletin(seed, draws=PINNED - {"headless_tables"})
            assert [s.title for s in b.sections] == [s.title for s in plain.sections], seed


@pytest.mark.parametrize("producer", PRODUCERS)
def test_headless_tables_extract_exactly(producer: str, tmp_path: Path) -> None:
    reason = missing_tool(producer)
    if reason:
        pytest.skip(reason)
    cases = plan([seed for seed, _ in CASES], producer)
    pdfs = render(cases, tmp_path)
    for case in cases:
        check(case, pdfs[case.seed], tmp_path)
    assert [(case.seed, case.problems) for case in cases] == [(case.seed, []) for case in cases]


STACKED_CASES = [
    # producer, seed, style, font, quirks, the section above, the headless one under it
    ("reportlab", 720064, "no_inner_verticals", "wqy-zenhei", False, "family_doctor_referrals", "health_certificates"),
    # the health certificates' table 70 pt under the family doctors' table, ruled at the same extent: the empty
    # band between them ends the run of rules
    ("weasyprint", 720214, "no_inner_verticals", "uming", False, "platform_collection_districts",
     "platform_collection_hospitals"),
    # the hospitals' table 18.5 pt (about a row) under the districts' table, the margins around its empty title
    # collapsed: the empty band over its head ends the run of rules
]
"""Bulletins whose headless table stands under another table of the same width with an empty band
between them (regions.is_empty_band_past_pitch, regions.is_empty_band_over_head), through the
producers that printed them."""


@pytest.mark.parametrize(("producer", "seed", "style", "font", "quirks", "above", "headless"), STACKED_CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in STACKED_CASES])
def test_a_headless_table_stacked_under_one_of_its_width(producer: str, seed: int, style: str, font: str,
                                                          quirks: bool, above: str, headless: str,
                                                          tmp_path: Path) -> None:
    from .synth.sweep import Case

    reason = cannot_render(producer, font)
    if reason:
        pytest.skip(reason)
    drawn = make_bulletin(seed, quirks=quirks, draws=PINNED)
    names = [s.name for s in drawn.sections]
    assert names[names.index(above) + 1] == headless
    assert not drawn.sections[names.index(headless)].title
    case = Case(seed, producer, style, font, quirks, draws=pinned_draws(seed))
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"
