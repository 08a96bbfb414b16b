"""Institution ids across editions, end to end: the 2024 bulletin and a synthetic edition of
another year (drawn by tests/synth, rendered with reportlab) written into one output folder in
either order give the same ids, the same `institutions` and `institution_names`; writing an
edition again changes nothing; a non-exact match is warned the first time only."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest

from bulletin_etl.identity import institution_id, resolve, typo_correction
from bulletin_etl.names import Gazetteer
from bulletin_etl.output import write_all
from bulletin_etl.pipeline import BulletinResult, extract

from .conftest import BULLETIN_2024
from .synth import render_reportlab
from .synth.draws import drawn_through
from .synth.model import make_bulletin, truth

SEED = 5052
"""A synthetic edition of 2025 (seed 5052, the families through ragged_columns): exact with reportlab."""

WITH_IDS = ("appointments_12320", "evaluation_ratings", "internet_hospitals", "physical_exam_reports",
            "platform_collection_hospitals")


def _run() -> dict:
    return {"command": "test", "started_at": "2026-01-01T00:00:00+00:00", "seconds": 0.0}


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[BulletinResult, BulletinResult, dict]:
    folder = tmp_path_factory.mktemp("editions")
    b = make_bulletin(SEED, draws=drawn_through("ragged_columns"))
    pdf = folder / f"reportlab-{SEED}.pdf"
    render_reportlab.render(b, pdf, style="grid", font="wqy-zenhei", seed=SEED)
    return extract(BULLETIN_2024), extract(pdf), truth(b)


def _hive(out: Path, dataset: str) -> pd.DataFrame:
    frame = pd.read_parquet(out / dataset, partitioning=ds.partitioning(flavor="hive"))
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def _ids(out: Path) -> set[tuple]:
    return {(int(r.year), dataset, r.institution, r.institution_id) for dataset in WITH_IDS
            for r in _hive(out, dataset).itertuples(index=False)}


def _written(out: Path, *batches: list[BulletinResult]) -> Path:
    for batch in batches:
        write_all(out, batch, _run)
    return out


def test_either_order_gives_the_same_ids_and_datasets(editions, tmp_path: Path) -> None:
    first, second, _ = editions
    assert (first.year, second.year) == (2024, 2025)
    forward = _written(tmp_path / "forward", [first], [second])
    backward = _written(tmp_path / "backward", [second], [first])
    together = _written(tmp_path / "together", [second, first])
    assert _ids(forward) == _ids(backward) == _ids(together)
    for dataset in ("institutions", "institution_names"):
        assert _hive(forward, dataset).equals(_hive(backward, dataset)), dataset
        assert _hive(forward, dataset).equals(_hive(together, dataset)), dataset


def test_writing_an_edition_again_changes_no_id(editions, tmp_path: Path) -> None:
    first, second, _ = editions
    out = _written(tmp_path / "out", [first], [second])
    before = (_ids(out), _hive(out, "institutions"), _hive(out, "institution_names"))
    _written(out, [first])
    assert _ids(out) == before[0]
    assert _hive(out, "institutions").equals(before[1])
    assert _hive(out, "institution_names").equals(before[2])
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["institution_warnings"] == []


def test_each_id_is_that_of_the_printed_names_key(editions, tmp_path: Path) -> None:
    """The ids are those the rules give the names the editions print (2024's gold and the synthetic
    truth), the gazetteer's typo correction for a name printed with source_quirk suspected_typo."""
    first, second, expected_truth = editions
    out = _written(tmp_path / "out", [first, second])
    gold = {(r.institution, str(r.source_quirk) == "suspected_typo") for r in first.frames["evaluation_ratings"]
            .itertuples() if r.institution_type == "institution"}
    names = {(r["institution"], r.get("source_quirk") == "suspected_typo") for dataset in WITH_IDS
             for r in expected_truth.get(dataset, []) if r.get("institution_type", "institution") == "institution"}
    for dataset in WITH_IDS[:1] + WITH_IDS[2:]:
        gold |= {(name, False) for name in first.frames[dataset]["institution"]}
    gazetteer = Gazetteer.curated()

    def expected(name: str, typo: bool) -> str:
        return institution_id(resolve(name, typo_correction(name, gazetteer) if typo else None).key)

    want = {expected(name, typo) for name, typo in gold | names}
    assert set(_hive(out, "institutions")["institution_id"]) == want
    assert set(_hive(out, "institution_names")["institution_id"]) == want


def test_institutions_in_both_editions_keep_one_id(editions, tmp_path: Path) -> None:
    first, second, _ = editions
    out = _written(tmp_path / "out", [second], [first])
    institutions = _hive(out, "institutions")
    both = institutions[(institutions.first_year == 2024) & (institutions.last_year == 2025)]
    shared = ({resolve(n).key for n in first.frames["internet_hospitals"]["institution"]}
              & {resolve(n).key for n in second.frames["internet_hospitals"]["institution"]})
    assert shared and {institution_id(k) for k in shared} <= set(both["institution_id"])
    assert institutions["institution_id"].is_unique


def test_a_non_exact_match_is_warned_the_first_time_only(editions, tmp_path: Path) -> None:
    first, second, _ = editions
    out = _written(tmp_path / "out", [first])
    warned = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["institution_warnings"]
    names = _hive(out, "institution_names")
    non_exact = names[names.match != "exact"]
    assert {w["message"].split("'")[1] for w in warned} == set(non_exact["name_as_printed"])
    assert all(w["kind"] == "institution_match" for w in warned)
    _written(out, [second])
    again = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["institution_warnings"]
    assert not {w["message"] for w in again} & {w["message"] for w in warned}


def test_a_folder_written_before_ids_gets_the_same_ids(editions, tmp_path: Path) -> None:
    """2024 written by a version without institution_id, then 2025 added: the same datasets."""
    import pyarrow.parquet as pq

    first, second, _ = editions
    want = _written(tmp_path / "now", [first], [second])
    out = _written(tmp_path / "before", [first])
    for dataset in WITH_IDS:
        part = out / dataset / "year=2024" / "part-0.parquet"
        pq.write_table(pq.read_table(part).drop(["institution_id"]), part)
    _written(out, [second])
    for dataset in ("institutions", "institution_names"):
        assert _hive(out, dataset).equals(_hive(want, dataset)), dataset
