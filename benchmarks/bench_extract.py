"""Wall time of a full extraction next to the floor: pdfplumber opening every page and reading
its chars. Both are measured in the same run, alternately, and reported as medians and a ratio
(the machines are noisy; only the ratio means much).

    python benchmarks/bench_extract.py [PDF] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PDF = ROOT / "raw" / "nanjing-health-info-bulletin-2024.pdf"


def baseline(pdf: Path) -> float:
    started = time.perf_counter()
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            _ = page.chars
    return time.perf_counter() - started


def cli_extract(pdf: Path) -> float:
    """The user's command, a process of its own (interpreter start-up and imports included)."""
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bulletin_etl.cli", "extract", str(pdf), "--out", f"{tmp}/out", "-q"],
                       check=True)
        return time.perf_counter() - started


def in_process_extract(pdf: Path) -> float:
    from bulletin_etl.pipeline import extract

    started = time.perf_counter()
    extract(pdf)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"pdfplumber chars (baseline)": [], "extract, in process": [],
                                     "bulletin-etl extract (CLI)": []}
    in_process_extract(args.pdf)  # warm imports and caches once, outside the timings
    for _ in range(args.repeat):
        times["pdfplumber chars (baseline)"].append(baseline(args.pdf))
        times["extract, in process"].append(in_process_extract(args.pdf))
        times["bulletin-etl extract (CLI)"].append(cli_extract(args.pdf))
    base = statistics.median(times["pdfplumber chars (baseline)"])
    print(f"{args.pdf.name}, {args.repeat} runs each, medians:")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:32s} {median:7.3f} s   ×{median / base:5.2f} of baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
