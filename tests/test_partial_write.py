"""One bad section costs only its own dataset: a dataset whose rows fail their schema is left out
(its partition of an earlier run kept byte for byte), every other dataset is written, the run exits
with status 5 and names the file, page, section and failing values on stderr, in manifest.json and
in report.html. --strict keeps all-or-nothing.

The bad value is planted by wrapping the 12320-hotline extractor (the extraction runs in a forked
worker, which inherits the patch): its second figure gets a unit the schema does not allow, as a
next-year bulletin printing '医疗投诉 17338 次' would give."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from bulletin_etl.cli import EXIT_PARTIAL, main
from bulletin_etl.schemas import all_schemas, per_bulletin
from bulletin_etl.sections.hotline_12320 import Hotline12320

from .conftest import BULLETIN_2024

NAME = BULLETIN_2024.name


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture()
def bad_unit(monkeypatch: pytest.MonkeyPatch) -> dict:
    """Plants unit '次' on the hotline's second figure; returns that row as extracted (its page)."""
    original = Hotline12320.extract
    planted: dict = {}

    def extract(self, text, ctx):
        records = original(self, text, ctx)
        row = records["hotline_12320"][1]
        row["unit"] = "次"
        planted.update(row)
        return records

    monkeypatch.setattr(Hotline12320, "extract", extract)
    return planted


def test_the_other_datasets_are_written_and_the_failure_is_named(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                                  bad_unit: dict) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q"]) == EXIT_PARTIAL == 5
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"bulletin-etl: error: {BULLETIN_2024}: page 5: section hotline_12320: dataset hotline_12320 failed its schema "
        "(unit: isin(['个', '通', '件']) failed for '次'); not written, its earlier partitions (if any) kept",
        "bulletin-etl: 1 dataset failed its schema; everything else was written (exit status 5)",
    ]
    written = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert written == sorted(set(all_schemas()) - {"hotline_12320"})
    for name in written:  # institutions, one row per institution over all years, is one file
        assert (out / name / ("year=2024" if name != "institutions" else "") / "part-0.parquet").is_file()

    (entry,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"]
    assert "hotline_12320" not in entry["datasets"] and len(entry["datasets"]) == len(per_bulletin()) - 1
    assert entry["schema_failures"] == [{
        "file": NAME, "dataset": "hotline_12320", "pages": [5], "sections": ["hotline_12320"],
        "cases": [{"column": "unit", "check": "isin(['个', '通', '件'])", "value": "'次'", "page": 5,
                   "section": "hotline_12320"}],
        "more_cases": 0, "written_without": [], "previous_partition_kept": False,
    }]

    report = (out / "report.html").read_text(encoding="utf-8")
    assert "<b>1</b>schema failure<" in report
    assert ("<tr class=\"failure\"><td data-label=\"dataset\"><code>hotline_12320</code></td>"
            "<td data-label=\"file\">nanjing-health-info-bulletin-2024.pdf</td><td data-label=\"page\" class=\"num\">5</td>"
            "<td data-label=\"section\">hotline_12320</td><td data-label=\"column\"><code>unit</code></td>"
            "<td data-label=\"check\">isin([&#x27;个&#x27;, &#x27;通&#x27;, &#x27;件&#x27;])</td>"
            "<td data-label=\"value\">&#x27;次&#x27;</td><td data-label=\"partition\">no partition</td></tr>") in report


def test_the_failing_datasets_earlier_partition_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q"]) == 0
    before = _snapshot(out)
    original = Hotline12320.extract

    def extract(self, text, ctx):
        records = original(self, text, ctx)
        records["hotline_12320"][0]["value"] = "347458"  # a figure left as text: not of type int
        return records

    monkeypatch.setattr(Hotline12320, "extract", extract)
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q"]) == 5
    assert f"{BULLETIN_2024}: page 5: section hotline_12320: dataset hotline_12320 failed its schema (value: is not of type int " \
           "failed for '347458')" in capsys.readouterr().err
    after = _snapshot(out)
    hotline = [k for k in before if k.startswith("hotline_12320/")]
    assert hotline == ["hotline_12320/year=2024/part-0.parquet"]
    assert {k: after[k] for k in hotline} == {k: before[k] for k in hotline}
    (entry,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"]
    assert entry["schema_failures"][0]["previous_partition_kept"] is True
    assert "<td data-label=\"partition\">earlier partition kept</td>" in (out / "report.html").read_text(encoding="utf-8")


def test_strict_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture, bad_unit: dict) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q", "--strict"]) == 3
    assert capsys.readouterr().err == (
        f"bulletin-etl: error: {BULLETIN_2024}: page 5: section hotline_12320: dataset hotline_12320 failed its schema "
        "(unit: isin(['个', '通', '件']) failed for '次'); with --strict nothing written\n")
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_repeated_key_is_one_failing_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture) -> None:
    original = Hotline12320.extract

    def extract(self, text, ctx):
        records = original(self, text, ctx)
        records["hotline_12320"].append(dict(records["hotline_12320"][0]))  # the first figure read twice
        return records

    monkeypatch.setattr(Hotline12320, "extract", extract)
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q"]) == 5
    assert (f"bulletin-etl: error: {BULLETIN_2024}: page 5: section hotline_12320: dataset hotline_12320 failed its schema "
            "((row): unique key (year, metric) failed for (2024, 'calls_received'));") in capsys.readouterr().err
    (entry,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"]
    assert [c["column"] for c in entry["schema_failures"][0]["cases"]] == [None]


def printed(dataset: str, row_key: str, column: str, text: str, value: float, page: int) -> dict:
    return {"dataset": dataset, "row_key": row_key, "column": column, "printed": text, "value": value,
            "source_page": page}


@pytest.fixture()
def printed_figures_of_two_sections(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[dict]]:
    """printed_figures rows planted for internet_hospitals (its first row's first figure) and the
    hotline (given by the test in `planted['hotline_12320']`); the hotline's first figure read twice
    when `planted['repeat']` is set, its printed figure with it, as typst 768211 repeated a row
    keyed '2026' (a header line read as a body row)."""
    from bulletin_etl.sections.base import TableSection

    planted: dict[str, list[dict]] = {"hotline_12320": [], "repeat": []}
    table_extract, hotline_extract = TableSection.extract, Hotline12320.extract

    def table(self, text, ctx):
        records = table_extract(self, text, ctx)
        if self.dataset == "internet_hospitals":
            first = records[self.dataset][0]
            records["printed_figures"].append(printed(self.dataset, f"institution={first['institution']}",
                                                      "appointments_annual", "1.2万", 12000.0, first["source_page"]))
        return records

    def hotline(self, text, ctx):
        records = hotline_extract(self, text, ctx)
        records["printed_figures"] = [dict(row) for row in planted["hotline_12320"]]
        if planted["repeat"]:
            records["hotline_12320"].append(dict(records["hotline_12320"][0]))
            records["printed_figures"].append(dict(planted["hotline_12320"][0]))
        return records

    monkeypatch.setattr(TableSection, "extract", table)
    monkeypatch.setattr(Hotline12320, "extract", hotline)
    return planted


def _printed_figures(out: Path) -> list[tuple[str, str, str]]:
    frame = pd.read_parquet(out / "printed_figures" / "year=2024" / "part-0.parquet")
    return sorted(zip(frame["dataset"], frame["row_key"], frame["printed"]))


def test_a_gathered_dataset_loses_only_the_failing_sections_rows(
        tmp_path: Path, capsys: pytest.CaptureFixture, printed_figures_of_two_sections: dict) -> None:
    """The hotline's repeated row fails hotline_12320 and, through its printed figure,
    printed_figures: printed_figures is written with internet_hospitals' row, not dropped for every
    section; the errors stand under the bulletin, before its closing line, each once."""
    planted = printed_figures_of_two_sections
    planted["hotline_12320"].append(printed("hotline_12320", "metric=calls_received", "value", "34.7万", 347000.0, 5))
    planted["repeat"].append(True)
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out)]) == EXIT_PARTIAL
    err = capsys.readouterr().err.splitlines()
    hotline_error = (f"bulletin-etl: error: {BULLETIN_2024}: page 5: section hotline_12320: dataset hotline_12320 failed its "
                     "schema ((row): unique key (year, metric) failed for (2024, 'calls_received')); not written, its "
                     "earlier partitions (if any) kept")
    printed_error = (f"bulletin-etl: error: {BULLETIN_2024}: page 5: section hotline_12320: dataset printed_figures failed "
                     "its schema ((row): unique key (year, dataset, row_key, column) failed for (2024, 'hotline_12320', "
                     "'metric=calls_received', 'value')); its rows of hotline_12320 not written (those of earlier runs "
                     "kept), the rest written")
    edition = err.index("  2024 edition, 11 pages: 311 rows of data, 343 derived, 1 warning; 2 datasets failed the schema "
                        "(above)")
    assert err[edition - 2:edition] == [hotline_error, printed_error]
    assert err.count(hotline_error) == err.count(printed_error) == 1
    assert err[-2:] == ["bulletin-etl: 2 datasets failed their schema; everything else was written (exit status 5)",
                        f"{out} now holds 2024 (1 edition); report: {out / 'report.html'}"]
    assert _printed_figures(out) == [("internet_hospitals", "institution=南京鼓楼医院", "1.2万")]
    (entry,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"]
    assert [(f["dataset"], f["written_without"], f["previous_partition_kept"]) for f in entry["schema_failures"]] == [
        ("hotline_12320", [], False), ("printed_figures", ["hotline_12320"], False)]
    assert entry["datasets"]["printed_figures"] == 1 and "hotline_12320" not in entry["datasets"]
    assert "<td data-label=\"partition\">written without the rows of hotline_12320</td>" in (
        out / "report.html").read_text(encoding="utf-8")


def test_a_gathered_dataset_keeps_the_failing_sections_earlier_rows(
        tmp_path: Path, capsys: pytest.CaptureFixture, printed_figures_of_two_sections: dict) -> None:
    """As a failing dataset's earlier partition is kept, so are the failing section's earlier rows
    of a gathered dataset; the other sections' rows are this run's."""
    planted = printed_figures_of_two_sections
    planted["hotline_12320"].append(printed("hotline_12320", "metric=calls_received", "value", "34.7万", 347000.0, 5))
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q"]) == 0
    before = _printed_figures(out)
    assert before == [("hotline_12320", "metric=calls_received", "34.7万"),
                      ("internet_hospitals", "institution=南京鼓楼医院", "1.2万")]
    planted["hotline_12320"][0]["printed"] = "三十四万七千"
    planted["repeat"].append(True)
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q"]) == EXIT_PARTIAL
    assert _printed_figures(out) == before
    (entry,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"]
    assert [(f["dataset"], f["written_without"], f["previous_partition_kept"]) for f in entry["schema_failures"]] == [
        ("hotline_12320", [], True), ("printed_figures", ["hotline_12320"], True)]
    assert "written without the rows of hotline_12320; their earlier rows kept" in (
        out / "report.html").read_text(encoding="utf-8")
