"""Several years' bulletins in one output folder: one partition per year in every dataset,
re-extracting a year replaces only that year, and readers see all years as one table."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from bulletin_etl import pipeline, worker
from bulletin_etl.cli import main
from bulletin_etl.schemas import all_schemas

from .conftest import BULLETIN_2024
from .synth.model import make_bulletin
from .synth.render_reportlab import render


def _synthetic(tmp: Path, seed: int) -> tuple[Path, int]:
    b = make_bulletin(seed)
    pdf = tmp / f"bulletin-{b.year}.pdf"
    render(b, pdf, style="grid", font="STSong-Light", seed=seed)
    return pdf, b.year


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*.parquet"))}


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[int]]:
    tmp = tmp_path_factory.mktemp("editions")
    raw = tmp / "raw"
    raw.mkdir()
    (raw / BULLETIN_2024.name).write_bytes(BULLETIN_2024.read_bytes())
    years = [2024]
    for seed in (1, 2, 3, 4, 5, 6):  # the first two seeds of other years than 2024 and each other
        pdf, year = _synthetic(raw, seed)
        if year in years:
            pdf.unlink()
            continue
        years.append(year)
        if len(years) == 3:
            break
    out = tmp / "output"
    assert main(["extract", "--raw", str(raw), "--out", str(out), "-q"]) == 0
    return raw, out, sorted(years)


def test_one_partition_per_year(editions) -> None:
    _, out, years = editions
    for name, spec in all_schemas().items():
        # institutions (one row per institution, over all years) has no year: one file
        parts = [f"year={y}" for y in years] if "year" in spec.column_names else ["part-0.parquet"]
        assert sorted(p.name for p in (out / name).iterdir()) == parts, name
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [b["year"] for b in manifest["bulletins"]] == years


def test_pandas_and_duckdb_read_all_years_as_one_table(editions) -> None:
    _, out, years = editions
    frame = pd.read_parquet(out / "bulletins")
    assert sorted(int(y) for y in frame["year"]) == years
    rows = duckdb.sql(
        f"select year, count(*) from read_parquet('{out}/events/*/*.parquet', hive_partitioning = true) "
        "group by year order by year").fetchall()
    assert rows == [(y, 10) for y in years]


def test_re_extracting_one_year_replaces_only_its_partitions(editions) -> None:
    raw, out, years = editions
    before = _snapshot(out)
    other = next(y for y in years if y != 2024)
    assert main(["extract", str(raw / f"bulletin-{other}.pdf"), "--out", str(out), "-q"]) == 0
    after = _snapshot(out)
    assert set(after) == set(before)
    changed = {k for k in after if after[k] != before[k]}
    assert all(f"year={other}" in k for k in changed)
    for k in before:
        if f"year={other}" not in k:
            assert after[k] == before[k], k
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [b["year"] for b in manifest["bulletins"]] == years


def test_two_bulletins_of_one_year_are_refused_before_extraction(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "again-2024.pdf"
    copy.write_bytes(BULLETIN_2024.read_bytes() + b"% another file of the same year\n")
    out = tmp_path / "out"
    extracted = []
    monkeypatch.setattr(worker, "extract_guarded", lambda *a, **k: extracted.append(a) or pytest.fail("extracted"))
    assert main(["extract", str(BULLETIN_2024), str(copy), "--out", str(out), "-q"]) == 2
    assert capsys.readouterr().err == (
        f"bulletin-etl: error: {BULLETIN_2024} and {copy} both cover 2024 (by their titles; nothing was "
        "extracted); give one bulletin per year\n")
    assert extracted == [] and not out.exists()


def test_a_duplicate_year_the_titles_hide_is_refused_after_extraction(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "again-2024.pdf"
    copy.write_bytes(BULLETIN_2024.read_bytes() + b"% another file of the same year\n")
    out = tmp_path / "out"
    monkeypatch.setattr(pipeline, "peek_year", lambda path: None)  # a first page that names no year
    assert main(["extract", str(BULLETIN_2024), str(copy), "--out", str(out), "-q"]) == 2
    assert capsys.readouterr().err == (
        f"bulletin-etl: error: {BULLETIN_2024} and {copy} both cover 2024 (nothing was written); "
        "give one bulletin per year\n")
    assert not out.exists()


def test_a_path_given_twice_is_read_once(tmp_path: Path, capsys: pytest.CaptureFixture,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "b.pdf").write_bytes(BULLETIN_2024.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "raw/b.pdf", "raw", "./raw//b.pdf", "--out", "out"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert [line for line in lines if line.startswith("[")] == ["[1/1] raw/b.pdf"]
    assert any(line.startswith("wrote 17 datasets of 1 bulletin to out: 321 rows of data and 342 derived") for line in lines)


def test_a_byte_identical_copy_is_read_once_and_named(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(BULLETIN_2024.read_bytes())
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), str(copy), "--out", str(out)]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[:2] == [f"{copy}: a byte-identical copy of {BULLETIN_2024}; read once", f"[1/1] {BULLETIN_2024}"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [b["source_file"] for b in manifest["bulletins"]] == [BULLETIN_2024.name]


def test_first_page_titles_tell_the_year(editions) -> None:
    raw, _, years = editions
    assert sorted(pipeline.peek_year(pdf) for pdf in raw.glob("*.pdf")) == years


def test_report_describes_every_year_newest_first(editions) -> None:
    """Even after a run that extracted only one year, the report covers the whole folder."""
    raw, out, years = editions
    other = next(y for y in years if y != 2024)
    assert main(["extract", str(raw / f"bulletin-{other}.pdf"), "--out", str(out), "-q"]) == 0
    report = (out / "report.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2 id='(\d{4})'>", report)
    assert headings == [str(y) for y in sorted(years, reverse=True)]
    assert f"This folder holds {len(years)} bulletins, newest first." in report
    for year in years:
        assert f"<a href='#{year}-events'><code>events</code></a>" in report
