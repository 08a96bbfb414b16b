"""Year over year (year_over_year.py, issue 18 §3) on hand-built editions: cumulative(y) =
cumulative(y−1) + annual(y) per institution_id, district or period row, rows printed in one edition
only listed as entering or leaving; the rows follow the partitions the output folder holds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from bulletin_etl import year_over_year
from bulletin_etl.declared_checks import BadCheck, parse_checks
from bulletin_etl.schemas import schema


def _exam(institution: str, key: str, reports: tuple[int | None, int], records: tuple[int, int], page: int = 5) -> dict:
    return {"institution": institution, "institution_id": key, "reports_annual": reports[0],
            "reports_cumulative": reports[1], "records_annual": records[0], "records_cumulative": records[1],
            "source_page": page}


EARLIER = {
    "physical_exam_reports": [_exam("南京市浦口人民医院", "i000000000001", (10, 100), (1, 50)),
                              _exam("南京市第一医院", "i000000000002", (20, 200), (2, 60)),
                              _exam("南京市胸科医院", "i000000000003", (5, 30), (1, 9))],
    "family_doctor_referrals": [
        {"district": "玄武区", "referral_type": "outpatient", "period": "annual", "count": 11, "source_page": 7},
        {"district": "玄武区", "referral_type": "outpatient", "period": "cumulative", "count": 32, "source_page": 7}],
    "health_certificates": [
        {"period": "annual", "employers": 10, "individual_users": 1, "appointment_orders": 1,
         "electronic_certificates": 1, "source_page": 8},
        {"period": "cumulative", "employers": 100, "individual_users": 10, "appointment_orders": 10,
         "electronic_certificates": 10, "source_page": 8}],
    "totals": [{"dataset": "appointments_12320", "source": "note", "metric": "appointments_all_time", "value": 1000.0,
                "source_page": 6}],
}
LATER = {
    "physical_exam_reports": [_exam("南京市浦口区人民医院", "i000000000001", (15, 115), (4, 55), page=4),  # renamed
                              _exam("南京市第一医院", "i000000000002", (None, 230), (3, 64)),  # no annual reports
                              _exam("南京市儿童医院", "i000000000004", (7, 7), (1, 1))],  # entering; 胸科 leaving
    "family_doctor_referrals": [
        {"district": "玄武区", "referral_type": "outpatient", "period": "annual", "count": 5, "source_page": 9},
        {"district": "玄武区", "referral_type": "outpatient", "period": "cumulative", "count": 38, "source_page": 9}],
    "health_certificates": [
        {"period": "annual", "employers": 7, "individual_users": 2, "appointment_orders": 3,
         "electronic_certificates": 4, "source_page": 10},
        {"period": "cumulative", "employers": 107, "individual_users": 12, "appointment_orders": 13,
         "electronic_certificates": 14, "source_page": 10}],
    "totals": [{"dataset": "appointments_12320", "source": "note", "metric": "appointments_all_time", "value": 1250.0,
                "source_page": 6},
               {"dataset": "appointments_12320", "source": "total_row", "metric": "subtotal", "value": 250.0,
                "source_page": 6}],
}


def _brief(rows: list[dict]) -> list[tuple]:
    return [(r["dataset"], r["subject"], r["metric"], r["printed"], r["expected"], r["status"], r["source_page"])
            for r in rows]


def test_each_declared_figure_against_the_last_editions_plus_the_years() -> None:
    rows = year_over_year.reconcile(EARLIER, LATER, 2025)
    assert _brief(rows) == [
        ("appointments_12320", "合计", "appointments_all_time", 1250, 1250, "ok", 6),
        ("family_doctor_referrals", "玄武区", "outpatient_cumulative", 38, 37, "mismatch", 9),
        ("health_certificates", "—", "employers_cumulative", 107, 107, "ok", 10),
        ("health_certificates", "—", "individual_users_cumulative", 12, 12, "ok", 10),
        ("health_certificates", "—", "appointment_orders_cumulative", 13, 13, "ok", 10),
        ("health_certificates", "—", "electronic_certificates_cumulative", 14, 14, "ok", 10),
        ("physical_exam_reports", "南京市浦口区人民医院", "reports_cumulative", 115, 115, "ok", 4),
        ("physical_exam_reports", "南京市浦口区人民医院", "records_cumulative", 55, 54, "mismatch", 4),
        ("physical_exam_reports", "南京市第一医院", "records_cumulative", 64, 63, "mismatch", 5),  # reports: no annual
        ("physical_exam_reports", "南京市儿童医院", "—", None, None, "entering", 5),
        ("physical_exam_reports", "南京市胸科医院", "—", None, None, "leaving", 5),
    ]
    renamed = rows[7]["detail"]
    assert renamed == ("南京市浦口区人民医院 (printed 南京市浦口人民医院 in 2024) records_cumulative: 2025 against "
                       "2024's 50 + 2025's 4: printed 55 against 54")
    assert rows[9]["detail"] == "printed in 2025, not in 2024: entering, its cumulatives not checked"


def test_a_key_printed_twice_in_an_edition_matches_nothing() -> None:
    twice = _exam("南京浦口人民医院", "i000000000001", (1, 2), (1, 2))
    later = {"physical_exam_reports": LATER["physical_exam_reports"] + [twice]}
    rows = year_over_year.reconcile(EARLIER, later, 2025)
    assert ("physical_exam_reports", "南京市浦口人民医院", "—", None, None, "leaving", 5) in _brief(rows)
    assert not any(r["subject"].endswith("浦口区人民医院") or r["subject"] == "南京浦口人民医院" for r in rows)


def test_a_dataset_printed_in_one_edition_only_gives_no_rows() -> None:
    assert year_over_year.reconcile({"health_certificates": EARLIER["health_certificates"]}, LATER, 2025) == [
        r for r in year_over_year.reconcile(EARLIER, LATER, 2025) if r["dataset"] == "health_certificates"]
    assert year_over_year.reconcile({}, LATER, 2025) == []


def _write(tree: Path, dataset: str, year: int, records: list[dict]) -> None:
    folder = tree / dataset / f"year={year}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    spec = schema(dataset)
    frame = spec.frame([{**{c: None for c in spec.column_names}, **r, "year": year} for r in records])
    pq.write_table(pa.Table.from_pandas(frame.drop(columns=["year"]), schema=spec.arrow(), preserve_index=False),
                   folder / "part-0.parquet")


OWN_CHECK = {"check": "column_total", "dataset": "physical_exam_reports", "subject": "合计", "metric": "reports_annual",
             "printed": 1.0, "expected": 1.0, "status": "ok", "detail": "own", "source_page": 3}


def _edition(tree: Path, year: int, records: dict) -> None:
    for dataset in ("physical_exam_reports", "health_certificates", "family_doctor_referrals"):
        _write(tree, dataset, year, [{"seq": None, **r} for r in records[dataset]] if "seq" in schema(dataset).column_names
               else records[dataset])
    _write(tree, "totals", year, [{"unit": "", "printed": "x", **t} for t in records["totals"]])
    _write(tree, "consistency", year, [OWN_CHECK])


def _checks(tree: Path, year: int) -> pd.DataFrame:
    return pq.read_table(tree / "consistency" / f"year={year}" / "part-0.parquet").to_pandas()


def test_the_rows_follow_the_editions_the_folder_holds(tmp_path: Path) -> None:
    _edition(tmp_path, 2024, EARLIER)
    _edition(tmp_path, 2025, LATER)
    year_over_year.write(tmp_path)
    assert list(_checks(tmp_path, 2024)["check"]) == ["column_total"]
    later = _checks(tmp_path, 2025)
    assert later["check"].value_counts().to_dict() == {"year_over_year": 11, "column_total": 1}
    assert sorted(later.loc[later["status"] == "mismatch", "metric"]) == [
        "outpatient_cumulative", "records_cumulative", "records_cumulative"]
    assert year_over_year.summaries(tmp_path) == ["2025 against 2024: 6 ok, 3 mismatches, 1 entering, 1 leaving"]
    part = tmp_path / "consistency" / "year=2025" / "part-0.parquet"
    before = part.stat().st_mtime_ns
    year_over_year.write(tmp_path)  # nothing changed: the partition is not rewritten
    assert part.stat().st_mtime_ns == before
    fixed = dict(EARLIER, family_doctor_referrals=[dict(r, count=33) if r["period"] == "cumulative" else r
                                                   for r in EARLIER["family_doctor_referrals"]])
    _edition(tmp_path, 2024, fixed)  # 2024 extracted again: 2025's rows recomputed
    year_over_year.write(tmp_path)
    later = _checks(tmp_path, 2025)
    assert sorted(later.loc[later["status"] == "mismatch", "metric"]) == ["records_cumulative", "records_cumulative"]
    for dataset in ("physical_exam_reports", "health_certificates", "family_doctor_referrals", "totals", "consistency"):
        shutil.rmtree(tmp_path / dataset / "year=2024")  # 2024 removed: 2025's rows go with it
    year_over_year.write(tmp_path)
    assert list(_checks(tmp_path, 2025)["check"]) == ["column_total"]
    assert year_over_year.summaries(tmp_path) == []


@pytest.mark.parametrize(("node", "message"), [
    ({"note": "appointments_all_time"}, "note: with `total`"),
    ({"note": "appointments_all_time", "total": "subtotal", "key": "institution"}, "note: with `total`"),
    ({"total": "subtotal", "key": "institution", "stems": ["a"]}, "total: only with `note`"),
    ({"stems": ["a"]}, "stems: with `key`"),
    ({"key": "institution", "stems": ["a"], "period": "period"}, "give `stems`"),
    ({"key": "institution", "stems": ["b"]}, "stems: 'b_annual' is not a column"),
])
def test_a_year_over_year_declaration_is_refused_unless_it_names_its_pairs(node: dict, message: str) -> None:
    columns = {"institution": None, "period": ("annual", "cumulative"), "subtotal": None,
               "a_annual": None, "a_cumulative": None}
    with pytest.raises(BadCheck, match="year_over_year: " + message.replace("`", ".").replace("(", ".")):
        parse_checks({"year_over_year": node}, columns)
