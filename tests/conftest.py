"""Shared fixtures: the embedded 2024 bulletin extracted once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_etl.cli import main

ROOT = Path(__file__).resolve().parents[1]
BULLETIN_2024 = ROOT / "raw" / "nanjing-health-info-bulletin-2024.pdf"
GOLD_2024 = Path(__file__).parent / "data" / "gold-2024"


@pytest.fixture(scope="session")
def output_2024(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run2024") / "output"
    assert main(["extract", str(BULLETIN_2024), "--out", str(out), "-q"]) == 0
    return out
