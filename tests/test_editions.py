"""Several years' bulletins in one output folder: one partition per year in every dataset,
re-extracting a year replaces only that year, and readers see all years as one table."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

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
    for name in all_schemas():
        assert sorted(p.name for p in (out / name).iterdir()) == [f"year={y}" for y in years], name
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


def test_two_bulletins_of_one_year_are_refused(editions, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    raw, _, _ = editions
    copy = tmp_path / "again-2024.pdf"
    copy.write_bytes(BULLETIN_2024.read_bytes())
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), str(copy), "--out", str(out), "-q"]) == 2
    assert "several bulletins cover the year(s) [2024]" in capsys.readouterr().err
    assert not out.exists()
