"""The embedded 2024 bulletin against its hand-checked gold, every dataset, every cell."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bulletin_etl.schemas import all_schemas

from .conftest import BULLETIN_2024, GOLD_2024
from .gold import extracted_rows, gold_meta, gold_rows

DATASETS = sorted(gold_meta(GOLD_2024))


@pytest.mark.parametrize("dataset", DATASETS)
def test_dataset_equals_gold(output_2024: Path, dataset: str) -> None:
    meta = gold_meta(GOLD_2024)[dataset]
    expected = gold_rows(GOLD_2024, dataset)
    got = extracted_rows(output_2024, dataset, meta["keys"], meta["columns"])
    assert sorted(got, key=str) == sorted(expected, key=str), "rows differ by key"
    wrong = [(key, c, expected[key][c], got[key][c]) for key in expected for c in meta["columns"]
             if expected[key][c] != got[key][c]]
    assert wrong == []
    assert len(got) == meta["rows"]


def test_gold_lists_every_dataset_with_a_schema() -> None:
    assert set(DATASETS) <= set(all_schemas())


def test_layout_is_hive_with_descriptions(output_2024: Path) -> None:
    for name, spec in all_schemas().items():
        # a dataset without a year (institutions: one row per institution over all years) is one file
        partition = "year=2024" if "year" in spec.column_names else ""
        part = output_2024 / name / partition / "part-0.parquet"
        assert part.is_file(), name
        file_schema = pq.read_schema(part)
        assert "year" not in file_schema.names
        for column in spec.columns:
            if column.name != "year":
                assert file_schema.field(column.name).metadata[b"description"].decode() == column.description


def test_manifest(output_2024: Path) -> None:
    manifest = json.loads((output_2024 / "manifest.json").read_text(encoding="utf-8"))
    (entry,) = manifest["bulletins"]
    assert entry["year"] == 2024
    assert entry["source_file"] == BULLETIN_2024.name
    assert entry["pages"] == 11
    assert len(entry["sha256"]) == 64
    assert entry["datasets"]["evaluation_ratings"] == 57
    messages = [w["message"] for w in entry["warnings"]]
    assert len(messages) == 1 and "南京市六台区人民医院" in messages[0] and "suspected" not in messages[0]
    assert entry["warnings"][0]["page"] == 3


def test_bulletins_dataset(output_2024: Path) -> None:
    import pandas as pd

    row = pd.read_parquet(output_2024 / "bulletins").iloc[0]
    assert row["issuer"] == "南京市卫生信息中心"
    assert str(row["issue_date"]) == "2025-01-24"
    assert int(row["year"]) == 2024
    assert row["pages"] == 11


def test_consistency_finds_exactly_the_five_known_contradictions(output_2024: Path) -> None:
    import pandas as pd

    checks = pd.read_parquet(output_2024 / "consistency")
    mismatches = checks[checks.status == "mismatch"]
    got = sorted((r.check, r.dataset, r.subject, r.metric, r.printed, r.expected) for r in mismatches.itertuples())
    assert got == sorted([
        ("row_subtotal", "family_doctor_referrals", "玄武区", "all_types_annual", 12, 13),
        ("row_subtotal", "family_doctor_referrals", "合计", "all_types_annual", 1543, 1544),
        ("annual_le_cumulative", "family_doctor_referrals", "江北新区", "inpatient_bed", 27, 24),
        ("claim", "events", "“4 家医院获得国家互联互通测评五级乙等”", "hospitals_listed", 4, 3),
        ("claim", "events", "“健康档案 739 万份”", "health_records", 7390000, 8730000),
    ])
    counts = checks.groupby("check").size().to_dict()
    # consistency.md of the gold: 26 column totals, 70 row totals, 1 prose total, 13 claims, 1 lower bound
    assert {k: counts[k] for k in ("column_total", "row_subtotal", "prose_total", "claim", "lower_bound")} == {
        "column_total": 26, "row_subtotal": 70, "prose_total": 1, "claim": 13, "lower_bound": 1}
    assert set(mismatches.source_page) == {1, 5}


def test_the_2024_bulletin_prints_every_table_figure_plainly(output_2024: Path) -> None:
    """The 2024 tables print no unit, separator, full-width digit or percent in a cell, and every
    cell reads: printed_figures is empty for it (its notes' 万/亿 are in totals' printed)."""
    import pandas as pd

    assert len(pd.read_parquet(output_2024 / "printed_figures")) == 0
