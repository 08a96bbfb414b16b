"""What the README shows runs: every fenced python block, against a fresh extraction in the folder
layout `make run` leaves (output/ beside the working directory), importing only what `make run`
installs (the runtime dependencies, not the test extras)."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from bulletin_etl.sections.base import WARNING_KINDS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```python\n(.*?)^```", README, flags=re.M | re.S)


def _distribution(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_readme_has_python_blocks() -> None:
    assert len(BLOCKS) >= 1


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_python_block_runs_against_a_fresh_extraction(number: int, output_2024: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture) -> None:
    monkeypatch.chdir(output_2024.parent)  # holds `output/`, as the repository does after `make run`
    namespace: dict = {"__name__": "__readme__"}
    exec(compile(BLOCKS[number], f"README.md python block {number + 1}", "exec"), namespace)
    said = capsys.readouterr()
    if "events" in namespace:  # the pandas example: years as integers, dates that compare with a Timestamp
        import pandas as pd

        assert pd.api.types.is_integer_dtype(namespace["events"]["year"])
        assert set(namespace["events"]["year"]) == {2024} and len(namespace["events"]) == 10
        issued = namespace["bulletins"]["issue_date"]
        assert pd.api.types.is_datetime64_any_dtype(issued) and (issued > pd.Timestamp("2025-01-01")).tolist() == [True]
        assert "[2024]" in said.out.splitlines()  # the block's own comparison, as printed
    assert "Traceback" not in said.err


def test_python_blocks_import_only_runtime_dependencies() -> None:
    """`make run` installs the project's dependencies only; a README import from the test extras
    (duckdb once was) would fail there while passing here."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_distribution(r) for r in project["dependencies"]}
    test_only = {_distribution(r) for r in project["optional-dependencies"]["test"]}
    providers = packages_distributions()
    for block in BLOCKS:
        for node in ast.walk(ast.parse(block)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            for name in names:
                top = name.split(".")[0]
                dists = {d.lower().replace("_", "-") for d in providers.get(top, [])}
                assert dists & runtime, f"README imports {name}, which no runtime dependency provides"
                assert not dists & test_only, f"README imports {name} from a test-only dependency"


def test_readme_names_every_warning_kind_and_exit_status() -> None:
    for kind in WARNING_KINDS:
        assert f"`{kind}`" in README, kind
    for status in (0, 2, 3, 4, 5):
        assert f"\n| {status} | " in README
