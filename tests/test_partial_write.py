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

import pytest

from bulletin_etl.cli import EXIT_PARTIAL, main
from bulletin_etl.schemas import all_schemas
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
    for name in written:
        assert (out / name / "year=2024" / "part-0.parquet").is_file()

    (entry,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"]
    assert "hotline_12320" not in entry["datasets"] and len(entry["datasets"]) == len(all_schemas()) - 1
    assert entry["schema_failures"] == [{
        "file": NAME, "dataset": "hotline_12320", "pages": [5], "sections": ["hotline_12320"],
        "cases": [{"column": "unit", "check": "isin(['个', '通', '件'])", "value": "'次'", "page": 5,
                   "section": "hotline_12320"}],
        "more_cases": 0, "previous_partition_kept": False,
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
