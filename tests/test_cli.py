"""The command line: progress, quiet, strict, the summary, the docs kept in sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_etl import docs
from bulletin_etl.cli import build_parser, main
from bulletin_etl.schemas import all_schemas

from .conftest import BULLETIN_2024, ROOT


def test_progress_and_summary_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(BULLETIN_2024), "--out", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0] == f"[1/1] {BULLETIN_2024}"
    assert "  evaluation_ratings: 57 rows, page 3, 1 warnings" in lines
    assert any(line.startswith("  warning: nanjing-health-info-bulletin-2024.pdf: page 3: section evaluation_ratings:")
               for line in lines)
    assert lines[-1].startswith(f"wrote {len(all_schemas())} datasets, ")
    assert "(1 warning(s)" in lines[-1]


def test_quiet_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(BULLETIN_2024), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_strict_fails_on_warnings_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q", "--strict"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["bulletin-etl: error: nanjing-health-info-bulletin-2024.pdf: 1 warning(s) with --strict; nothing written"]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_default_reads_raw_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / BULLETIN_2024.name).write_bytes(BULLETIN_2024.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "-q"]) == 0
    assert (tmp_path / "output" / "events" / "year=2024" / "part-0.parquet").is_file()


def test_rerun_replaces_the_year(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q"]) == 0
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q"]) == 0
    assert [p.name for p in (out / "events").iterdir()] == ["year=2024"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_help_has_an_example() -> None:
    help_text = build_parser()._subparsers._group_actions[0].choices["extract"].format_help()
    assert "Example: bulletin-etl extract" in help_text
    assert "--strict" in help_text and "--out" in help_text


def test_readme_dataset_list_is_generated_from_schemas() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert docs.render(readme) == readme, "run `make readme-datasets`"
    for name in all_schemas():
        assert f"| `{name}` |" in readme
