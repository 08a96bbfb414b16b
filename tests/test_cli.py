"""The command line: progress, quiet, strict, the summary, the docs kept in sync."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from bulletin_etl import docs
from bulletin_etl.cli import build_parser, main
from bulletin_etl.schemas import all_schemas, per_bulletin

from .conftest import BULLETIN_2024, ROOT


def test_progress_and_summary_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[:2] == [f"[1/1] {BULLETIN_2024}", "  11 pages read"]
    assert "  evaluation_ratings: 57 rows, page 3, 1 warning" in lines
    assert "  development_index: 1 row, page 3" in lines
    assert any(line.startswith(f"  warning: {BULLETIN_2024}: page 3: section evaluation_ratings:") for line in lines)
    # 321 rows in the gold CSVs of the section datasets; 342 derived: 35 totals (gold) and 307 checks
    edition = lines.index("  2024 edition, 11 pages: 321 rows of data, 342 derived, 1 warning")
    summary = lines.index(next(line for line in lines if line.startswith("wrote ")))
    assert summary == edition + 1
    assert lines[summary:] == [
        f"wrote {len(per_bulletin())} datasets of 1 bulletin to {out}: 321 rows of data and 342 derived (totals, "
        f"consistency checks); 1 warning, 5 consistency mismatches; {lines[summary].rsplit('; ', 1)[1]}",
        "5 consistency mismatches (the bulletin contradicts itself; the data is kept as printed):",
        "  2024 family_doctor_referrals: 玄武区 all_types_annual: printed 12, expected 13 (page 5)",
        "  2024 family_doctor_referrals: 合计 all_types_annual: printed 1,543, expected 1,544 (page 5)",
        "  2024 family_doctor_referrals: 江北新区 inpatient_bed: printed 27, expected 24 (page 5)",
        "  and 2 more",
        "7 institution names matched otherwise than exactly, for the first time (institution_names.match):",
        *[f"  warning: {BULLETIN_2024.name}: section {section}: {message}" for section, message in [
            ("appointments_12320", "'南京鼓楼医院（含分院）' (2024) is taken for '南京鼓楼医院' (institution i925807b17535, "
                                   "match alias)"),
            ("evaluation_ratings", "'中科院皮研所' (2024) is taken for '中国医学科学院皮肤病研究所' (institution "
                                   "i1b7bc01829b7, match alias)"),
            ("evaluation_ratings", "'南京市六台区人民医院' (2024) is taken for '南京市六合区人民医院' (institution "
                                   "ic7d5e6ff3710, match suspected_typo)"),
            ("evaluation_ratings", "'南京市溧水区中医医院' (2024) is taken for '南京市溧水区中医院' (institution "
                                   "i206cf11d9891, match alias)"),
            ("evaluation_ratings", "'江北医院' (2024) is taken for '南京江北医院' (institution iba352070be57, match normalised)"),
            ("evaluation_ratings", "'江宁医院' (2024) is taken for '南京市江宁医院' (institution i0a0be39c4f81, "
                                   "match normalised)"),
            ("internet_hospitals", "'南京市浦口区中医医院' (2024) is taken for '南京市浦口区中医院' (institution "
                                   "i19d1ad6e96c8, match alias)"),
        ]],
        f"{out} now holds 2024 (1 edition); report: {out / 'report.html'}",
    ]
    seconds = lines[summary].rsplit("; ", 1)[1]
    assert re.fullmatch(r"\d+\.\d s", seconds)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert f"{manifest['last_run']['seconds']:.1f} s" == seconds  # one figure, on the terminal and in the manifest


def test_quiet_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(BULLETIN_2024), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_strict_lets_facts_about_the_source_pass(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """The 2024 bulletin's one warning is its printed typo 六台区, kept as printed: a fact about the
    source, not lost or uncertain data, so --strict writes it (tests/test_warnings.py refuses)."""
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q", "--strict"]) == 0
    assert capsys.readouterr().err == ""
    (entry,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"]
    assert [w["kind"] for w in entry["warnings"]] == ["suspected_typo"]


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


def test_out_naming_a_file_is_refused_before_any_extraction(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    afile = tmp_path / "data.txt"
    afile.write_text("mine", encoding="utf-8")
    for out in (afile, afile / "output"):
        assert main(["extract", str(BULLETIN_2024), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err == f"bulletin-etl: error: --out {out}: {afile} is a file, not a folder; nothing was read\n"
    assert afile.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.txt"]


def test_debug_is_accepted_before_and_after_the_subcommand() -> None:
    parser = build_parser()
    assert parser.parse_args(["--debug", "extract"]).debug is True
    assert parser.parse_args(["extract", "--debug"]).debug is True
    assert parser.parse_args(["inspect", "x.pdf", "--debug"]).debug is True
    assert parser.parse_args(["extract"]).debug is False


def test_a_folder_given_means_its_pdfs(tmp_path: Path) -> None:
    folder = tmp_path / "bulletins"
    folder.mkdir()
    (folder / BULLETIN_2024.name).write_bytes(BULLETIN_2024.read_bytes())
    (folder / "notes.txt").write_text("not a bulletin", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(folder), "--out", str(out), "-q"]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [b["source_file"] for b in manifest["bulletins"]] == [BULLETIN_2024.name]


def test_an_empty_folder_given_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["extract", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"bulletin-etl: error: {tmp_path / 'empty'}/ holds no *.pdf\n"


def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run([sys.executable, "-m", "bulletin_etl", "--version"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "bulletin-etl 0.1.0")
    done = subprocess.run([sys.executable, "-m", "bulletin_etl", "inspect", "missing.pdf", "--pages", "x"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and done.stderr.startswith("bulletin-etl: error: --pages takes")


def test_manifest_records_the_command_line_run_time_and_warning_kinds(output_2024: Path) -> None:
    manifest = json.loads((output_2024 / "manifest.json").read_text(encoding="utf-8"))
    run = manifest["last_run"]
    assert run["command"] == f"bulletin-etl extract {BULLETIN_2024} --out {output_2024} -q"
    assert 0 < run["seconds"] < 600
    (entry,) = manifest["bulletins"]
    assert entry["command"] == run["command"] and entry["extracted_at"] == run["started_at"]
    assert entry["consistency_mismatches"] == 5
    assert [w["kind"] for w in entry["warnings"]] == ["suspected_typo"]
    assert entry["schema_failures"] == []


def test_issue_date_and_year_read_back_typed(output_2024: Path) -> None:
    import pyarrow.dataset as ds

    bulletins = pd.read_parquet(output_2024 / "bulletins", partitioning=ds.partitioning(flavor="hive"))
    assert str(bulletins["issue_date"].dtype) == "date32[day][pyarrow]"
    assert bulletins["issue_date"].iloc[0].isoformat() == "2025-01-24"
    assert pd.api.types.is_integer_dtype(bulletins["year"]) and bulletins["year"].tolist() == [2024]


@pytest.mark.parametrize("module", ["bulletin_etl", "bulletin_etl.cli"])
@pytest.mark.filterwarnings("ignore:'bulletin_etl.cli' found in sys.modules:RuntimeWarning")  # in-process run only
def test_python_dash_m_goes_through_the_entry_point(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m bulletin_etl` and `python -m bulletin_etl.cli` run the console script's entry
    (entry.main: a Ctrl-C while the command line loads is one line, the run time counts from the
    process's start), never cli.main on its own."""
    import runpy

    from bulletin_etl import entry

    called = []
    monkeypatch.setattr(entry, "main", lambda: called.append(module) or 7)
    with pytest.raises(SystemExit) as exited:
        runpy.run_module(module, run_name="__main__", alter_sys=False)
    assert (exited.value.code, called) == (7, [module])
    done = subprocess.run([sys.executable, "-m", module, "extract", "missing.pdf", "-q"],
                          capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (2, "bulletin-etl: error: missing.pdf: no such file\n")
