"""Synthetic bulletins whose evaluation ratings run together institutions nobody lists (issue 19 §4;
docx 910013, pinned in test_synthetic_bulletins.py): the extractor cuts them by the shape of
institution names (names.Gazetteer.shape_cover), the warning naming both parts; a new campus's name
with 医院 inside it is kept whole. The new_names draw family (tests/synth/new_names.py) draws the
case and its counter-case, with --quirks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bulletin_etl.names import RUN_TOGETHER, Gazetteer

from .synth.draws import drawn_through
from .synth.model import make_bulletin, truth
from .synth.new_names import NAME
from .synth.sweep import Case, cannot_render, fonts, replay

DRAWN = drawn_through("new_names")
SEEDS = [880100, 880103, 880107, 880108, 880109, 880111]
"""Forced seeds whose bulletins print the ratings (880101, 880102, 880110 leave the section out)."""


def _drawn(seed: int, monkeypatch: pytest.MonkeyPatch, quirks: bool = True):
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "new_names")
    return make_bulletin(seed, quirks=quirks, draws=DRAWN)


def _runs(b) -> tuple[list[tuple[str, ...]], list[str]]:
    """The runs the family planted (their parts) and the campuses, from the warnings it expects."""
    texts = [text for section, text in b.expected_warnings if section == NAME]
    runs = [tuple(re.findall(r"'([^']+)'", t)) for t in texts if t.startswith("not by known names: ")]
    campuses = [re.match(r"'([^']+)'", t)[1] for t in texts if t.endswith("): not a known name")]
    return runs, campuses


def test_the_family_draws_a_run_and_a_campus(monkeypatch: pytest.MonkeyPatch) -> None:
    b = _drawn(880100, monkeypatch)
    assert _runs(b) == ([("南京市秦淮区葛塘医院", "南京市儿童医院")], ["南京雄州中医医院桠溪分院"])
    paragraph = next(s for s in b.sections if s.name == NAME).paragraphs[2]
    assert "南京市秦淮区葛塘医院南京市儿童医院、南京雄州中医医院桠溪分院获得三级" in paragraph
    rows = [r for r in truth(b)[NAME] if r["level"] == "三级" and "智慧" in r["evaluation"]]
    assert [(r["institution"], r["source_quirk"]) for r in rows[-3:]] == [
        ("南京市秦淮区葛塘医院", RUN_TOGETHER), ("南京市儿童医院", RUN_TOGETHER), ("南京雄州中医医院桠溪分院", None)]
    assert [r["list_position"] for r in rows] == list(range(1, len(rows) + 1))


def test_the_family_draws_every_kind_of_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two new names, a listed name then a new one, a new one then a listed one (a known name that
    begins with no prefix, '江宁医院', among them)."""
    runs = {seed: _runs(_drawn(seed, monkeypatch))[0][0] for seed in SEEDS}
    assert runs[880103] == ("南京市第二医院", "南京市秦淮区沙洲街道虎踞路社区卫生服务站")  # listed + new
    assert runs[880107] == ("南京尧化中医门诊部", "南京市浦口区冶山街道社区卫生服务中心")  # new + new
    assert runs[880108] == ("玄武区漆桥社区卫生服务中心", "南京市秦淮区竹镇医院")  # a district begins it
    assert runs[880109] == ("南京顶山骨科医院", "江宁医院")  # new + listed


def test_the_family_draws_only_with_quirks_and_changes_only_the_ratings(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _drawn(880100, monkeypatch, quirks=False)
    assert _runs(plain) == ([], [])
    with_it, without = _drawn(880100, monkeypatch), make_bulletin(880100, quirks=True, draws=DRAWN - {"new_names"})
    assert {k: v for k, v in truth(with_it).items() if k != NAME} == \
        {k: v for k, v in truth(without).items() if k != NAME}
    assert [s.paragraphs for s in with_it.sections if s.name != NAME] == \
        [s.paragraphs for s in without.sections if s.name != NAME]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_gazetteer_cuts_the_runs_and_keeps_the_campus(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the names the bulletin's tables print, as the pipeline adds them."""
    b = _drawn(seed, monkeypatch)
    gazetteer = Gazetteer.curated()
    gazetteer.add((r["institution"] for name, rows in truth(b).items() if name != NAME for r in rows
                   if r.get("institution")), "institution")
    (parts,), (campus,) = _runs(b)
    split = gazetteer.split("".join(parts))
    assert [(n.text, n.quirk) for n in split.names] == [(p, RUN_TOGETHER) for p in parts]
    assert split.by_shape
    assert [(n.text, n.quirk) for n in gazetteer.split(campus).names] == [(campus, None)]


CASES = [
    ("reportlab", 880109),  # a new name, then a listed one no prefix begins ('江宁医院')
    ("docx", 880107),  # two new names
    ("html", 880103),  # a listed name, then a new one
    ("weasyprint", 880100),  # a new name, then a listed one
    ("typst", 880108),  # a new name a district begins
]


@pytest.mark.parametrize(("producer", "seed"), CASES, ids=[f"{p}-{s}" for p, s in CASES])
def test_new_names_run_together_through_each_producer(producer: str, seed: int, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    available = fonts(producer)
    reason = cannot_render(producer, available[0] if available else "")
    if reason:
        pytest.skip(reason)
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "new_names")
    case = Case(seed, producer, "grid", available[0], True, draws=DRAWN)
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"
