"""--settings FILE: layout settings for a bulletin that needs them, recorded in the manifest; a
file that names an unknown setting, a value of the wrong type or one out of range is exit 2 with
one line naming the file and the setting, before anything is read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bulletin_etl.cli import main
from bulletin_etl.layout.settings import read_settings

from .conftest import BULLETIN_2024, ROOT


def settings_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "my-settings.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_settings_file_changes_the_output_and_is_recorded(tmp_path: Path, output_2024: Path) -> None:
    """The notes under the 2024 bulletin's tables stand more than 0.1 em under them: with
    `note_gap_em: 0.1` they are no notes, so their figures are not read into `totals` and the
    events that restate them are reported as unmatched."""
    out = tmp_path / "out"
    mine = settings_file(tmp_path, "# notes must touch their table\nnote_gap_em: 0.1\n")
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q", "--settings", str(mine)]) == 0
    (entry,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"]
    (default,) = json.loads((output_2024 / "manifest.json").read_text(encoding="utf-8"))["bulletins"]
    assert entry["settings"] == {"note_gap_em": 0.1}
    assert default["settings"] == {}
    assert (default["datasets"]["totals"], entry["datasets"]["totals"]) == (35, 26)
    assert [w["kind"] for w in entry["warnings"]] == ["suspected_typo"] + ["incomplete"] * 3


@pytest.mark.parametrize(("body", "problem"), [
    ("gutter_min: 0.5\n", "unknown setting 'gutter_min' (did you mean gutter_min_em?)"),
    ("gutter_min_em: wide\n", "setting gutter_min_em must be a number, not 'wide'"),
    ("gutter_min_em: 0\n", "setting gutter_min_em must be positive, not 0"),
    ("gutter_row_count: 2.5\n", "setting gutter_row_count must be a whole number, not 2.5"),
    ("- gutter_min_em: 0.5\n", "expected a mapping of setting: value, found list"),
])
def test_a_bad_settings_file_is_exit_2_naming_file_and_setting(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                               body: str, problem: str) -> None:
    bad = settings_file(tmp_path, body)
    out = tmp_path / "out"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "--settings", str(bad)]) == 2
    assert capsys.readouterr().err == f"bulletin-etl: error: {bad}: {problem}\n"
    assert not out.exists()
    assert main(["inspect", str(BULLETIN_2024), "--out", str(out), "--settings", str(bad)]) == 2
    assert capsys.readouterr().err == f"bulletin-etl: error: {bad}: {problem}\n"
    assert not out.exists()


def test_a_missing_settings_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = tmp_path / "none.yaml"
    assert main(["extract", str(BULLETIN_2024), "--out", str(tmp_path / "out"), "--settings", str(missing)]) == 2
    assert capsys.readouterr().err == f"bulletin-etl: error: {missing}: cannot be read (No such file or directory)\n"


def test_inspect_draws_with_the_settings_given(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    mine = settings_file(tmp_path, "note_gap_em: 0.1\n")
    assert main(["inspect", str(BULLETIN_2024), "--out", str(tmp_path / "pictures"), "--pages", "1", "-q",
                 "--settings", str(mine)]) == 0
    assert [p.name for p in (tmp_path / "pictures").iterdir()] == [f"{BULLETIN_2024.stem}-page-01.png"]


def test_the_readme_example_is_a_good_settings_file(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```yaml\n(# my-settings.yaml.*?)```", readme, re.S)
    assert read_settings(settings_file(tmp_path, example)).changed() == {"gutter_min_em": 0.5, "note_gap_em": 3.0}
