"""Synthetic bulletins whose internet hospitals' table holds a name wrapped over four or five lines
right above a name of two (issue 17, typst 790048): centred on its row, the long name's lines under
the row's line run on evenly spaced to the next row's name, whose own line is blank there, and close
the long name, mirroring its lines over the row (layout/tables/body.py
`closes_a_name_centred_above`). The long_names draw family (tests/synth/long_names.py) draws the
case and its counter-case (the pair the other way round); the sweep failure is pinned in
test_synthetic_bulletins.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from .synth.draws import ALL, drawn_through
from .synth.long_names import TABLE
from .synth.model import make_bulletin, truth
from .synth.sweep import Case, cannot_render, replay


def _names(seed: int, draws: frozenset[str]) -> list[str]:
    b = make_bulletin(seed, draws=draws)
    sec = next(s for s in b.sections if s.name == TABLE)
    assert sec.table is not None
    return [row.cells[1] for row in sec.table.rows if row.kind == "data"]


def test_the_family_draws_a_long_name_over_a_short_one_and_the_other_way_round(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "long_names")
    names, before = _names(771001, ALL), _names(771001, ALL - {"long_names"})
    changed = [k for k, (new, old) in enumerate(zip(names, before)) if new != old]
    assert changed == [0, 1, 6, 7]
    assert [names[k] for k in changed] == ["南京阳江综合门诊部", "江苏华润大药房连锁有限公司雨花台区湖山路诊所",
                                           "江苏老百姓大药房连锁有限公司溧水区河西大街诊所", "南京东山综合门诊部"]


@pytest.mark.parametrize("seed", range(40))
def test_the_family_changes_only_the_names_it_prints(seed: int) -> None:
    """The renamed rows keep their figures; no other dataset changes."""
    with_it, without = truth(make_bulletin(seed, draws=ALL)), truth(make_bulletin(seed, draws=ALL - {"long_names"}))
    assert {k: v for k, v in with_it.items() if k not in (TABLE, "printed_figures")} == \
        {k: v for k, v in without.items() if k not in (TABLE, "printed_figures")}
    strip = [{k: v for k, v in rec.items() if k != "institution"} for rec in with_it.get(TABLE, [])]
    assert strip == [{k: v for k, v in rec.items() if k != "institution"} for rec in without.get(TABLE, [])]


CASES = [
    # the long_names family forced, the name column five characters wide (seeds 771000–771009 with
    # the family forced: 10/10 exact; 9/10 before closes_a_name_centred_above)
    ("typst", 771008, "three_line", "noto-sans"),  # '南京市江宁区麒麟街道社区卫生服务中心' over the long name
    # lost its fourth line to it before
    ("typst", 771001, "no_inner_verticals", "wqy-zenhei"),  # both pairs
    ("typst", 771005, "three_line", "uming"),  # three long names in a table of 45 rows
]


@pytest.mark.parametrize(("producer", "seed", "style", "font"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_a_long_name_centred_over_a_short_one_keeps_its_lines(producer: str, seed: int, style: str, font: str,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reason = cannot_render(producer, font)
    if reason:
        pytest.skip(reason)
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "long_names")
    # the families it was checked with: long_names_atop, added since, moves 771001's table
    case = Case(seed, producer, style, font, draws=drawn_through("ragged_columns"))
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"
