"""Synthetic bulletins whose unruled tables (Typst's three-line tables, no rules between rows) hold
a name wrapped over three lines beside a figure wrapped once (issue 17, class D): the figure's rest
ties between its row's line and the name's third line, and goes with its row
(layout/tables/body.py `_clearly_nearer_above_than_the_next_figures`). The wrapped_rows draw family
(tests/synth/wrapped_rows.py) draws the case and its counter-case; two sweep failures are pinned as
they were drawn."""

from __future__ import annotations

from pathlib import Path

import pytest

from .synth.draws import ALL, drawn_through, pinned_draws
from .synth.model import make_bulletin, truth
from .synth.sweep import Case, cannot_render, replay
from .synth.wrapped_rows import LONG_NAMES, TABLE


def _table_rows(seed: int, draws: frozenset[str]) -> list[list[str]]:
    b = make_bulletin(seed, draws=draws)
    sec = next(s for s in b.sections if s.name == TABLE)
    assert sec.table is not None
    return [row.cells for row in sec.table.rows if row.kind == "data"]


def test_the_family_draws_a_long_name_beside_a_full_width_figure_and_one_beside_latin_figures(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "wrapped_rows")
    long = [cells for cells in _table_rows(750029, ALL) if cells[0] in LONG_NAMES]
    assert [cells[0] for cells in long] == ["中国人民解放军东部战区总医院秦淮医疗区", "南京中医药大学附属南京市中西医结合医院"]
    full_width = [[text for text in cells[1:] if any("０" <= c <= "９" for c in text)] for cells in long]
    assert full_width == [[], ["５，６０２，０９３"]]  # the counter-case's figures stay Latin


@pytest.mark.parametrize("seed", range(40))
def test_the_family_changes_only_the_names_it_prints(seed: int) -> None:
    """The renamed rows keep their figures; no other dataset changes."""
    with_it, without = truth(make_bulletin(seed, draws=ALL)), truth(make_bulletin(seed, draws=ALL - {"wrapped_rows"}))
    assert {k: v for k, v in with_it.items() if k not in (TABLE, "printed_figures")} == \
        {k: v for k, v in without.items() if k not in (TABLE, "printed_figures")}
    strip = [{k: v for k, v in rec.items() if k != "institution"} for rec in with_it[TABLE]]
    assert strip == [{k: v for k, v in rec.items() if k != "institution"} for rec in without[TABLE]]


CHECKED = drawn_through("ragged_columns")
PINS = [
    # sweep failures, as they were drawn (draws.pinned_draws: the families of their sweep)
    ("typst", 720082, "three_line", "wqy-zenhei", pinned_draws(720082), ""),  # '友谊整形外科' beside the '３' of '１５６４２６３'
    ("typst", 720228, "three_line", "noto-sans", pinned_draws(720228), ""),  # '四附属医院(京' beside '９'
    # the wrapped_rows family, top-aligned cells
    # (the families they were checked with: carried_rests, added since, pads a table of 750014)
    ("typst", 750014, "three_line", "wqy-zenhei", CHECKED, "wrapped_rows"),  # a name of three lines beside '９１'
    ("typst", 750029, "three_line", "wqy-zenhei", CHECKED, "wrapped_rows"),  # the same, and a counter-case
    ("typst", 750018, "three_line", "uming", CHECKED, "wrapped_rows"),  # '７２３'; counter-case: a name of three
    # lines beside whole Latin figures
]


@pytest.mark.parametrize(("producer", "seed", "style", "font", "draws", "force"), PINS,
                         ids=[f"{c[0]}-{c[1]}" for c in PINS])
def test_a_names_middle_line_beside_a_figures_rest(producer: str, seed: int, style: str, font: str,
                                                   draws: frozenset[str], force: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    reason = cannot_render(producer, font)
    if reason:
        pytest.skip(reason)
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", force)
    case = Case(seed, producer, style, font, draws=draws)
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"
