"""Shared fixtures: the embedded 2024 bulletin extracted once per test session."""

from __future__ import annotations

import os
import random
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


# Synthetic bulletins: a new base seed per run unless BULLETIN_SYNTH_BASE replays one.
SYNTH_BASE = int(os.environ.get("BULLETIN_SYNTH_BASE") or random.SystemRandom().randrange(1, 1_000_000))
SYNTH_COUNT = int(os.environ.get("BULLETIN_SYNTH_COUNT") or 25)


def pytest_report_header(config: pytest.Config) -> str:
    return (f"synthetic bulletins: BULLETIN_SYNTH_BASE={SYNTH_BASE} BULLETIN_SYNTH_COUNT={SYNTH_COUNT} "
            "(per producer; set them to replay this run)")
