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
# Per producer (reportlab ~1.5 s a bulletin, docx ~4 s with LibreOffice, html ~5 s with one
# Chromium start each, weasyprint ~3 s to print in process and ~2 s to extract, typst ~0.3 s to
# render and ~1.3 s to extract, on one core): BULLETIN_SYNTH_COUNT_HTML=10 etc. override the count
# above. The two newest producers draw 3 per run unless told otherwise (BULLETIN_SYNTH_COUNT_<P>, or
# a BULLETIN_SYNTH_COUNT below 3): one of each table style, and the whole suite stays within its time.
SYNTH_COUNTS = {p: int(os.environ.get(f"BULLETIN_SYNTH_COUNT_{p.upper()}") or SYNTH_COUNT)
                for p in ("reportlab", "docx", "html")}
for _newest in ("weasyprint", "typst"):
    SYNTH_COUNTS[_newest] = int(os.environ.get(f"BULLETIN_SYNTH_COUNT_{_newest.upper()}") or min(SYNTH_COUNT, 3))


def pytest_report_header(config: pytest.Config) -> str:
    counts = " ".join(f"{p}={n}" for p, n in SYNTH_COUNTS.items())
    return (f"synthetic bulletins: BULLETIN_SYNTH_BASE={SYNTH_BASE} BULLETIN_SYNTH_COUNT={SYNTH_COUNT} "
            f"(per producer: {counts}; BULLETIN_SYNTH_COUNT_<PRODUCER> overrides; set them to replay this run; "
            f"BULLETIN_SYNTH_OFF={os.environ.get('BULLETIN_SYNTH_OFF', '')!s} switches draw families off)")
