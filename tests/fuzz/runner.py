"""Run mutated bulletins through the real command, one process per case, against a populated
output folder, and judge each run by the contract of issue 10:

- no run outlives its budget (the command's --time-budget, plus a margin for start-up);
- no exit 4, no Python traceback, a failed run prints exactly one line;
- after a failed run the output folder is byte-identical;
- a run that exits 0 with data different from the clean bulletin's has a new warning naming a
  page or the section concerned;
- a partial write (exit 5: a dataset failed its schema) keeps that dataset's earlier partitions byte
  for byte, names the page or section of each failure, and what it did write is judged as exit 0 is.
  The summary counts exit 5 apart (column `exit5`), so a run that has any is seen as such;
- a hostile path, and a reference loop (issue 15), is refused (exit 2) in the words that name it
  (column `msg` counts those that are not).

    python -m tests.fuzz --n 400 [--seed S] [--families a,b] [--budget 60] [--json results.jsonl]
    python -m tests.fuzz --replay stream_bomb:17
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from .. import unprivileged
from .mutations import FAMILIES, HOSTILE

ROOT = Path(__file__).resolve().parents[2]
GOOD_PDF = ROOT / "raw" / "nanjing-health-info-bulletin-2024.pdf"
ALL_FAMILIES = [*FAMILIES, "hostile"]
MARGIN = 30.0  # seconds past the command's own budget before a run counts as hung
PARTIAL = 5
REFUSED_AS = {"reference_cycle": "never resolves; refused"}  # families every case of which is refused in these words


class UnprivilegedUnavailable(RuntimeError):
    """The unreadable-file case cannot be tested: we are root and cannot drop root's capabilities."""


@dataclass
class Outcome:
    family: str
    seed: int
    what: str
    exit: int | None  # None: killed as hung
    seconds: float
    peak_mb: float
    stderr: str
    traceback: bool = False
    multi_line_error: bool = False
    output_unchanged: bool | None = None  # judged after a non-zero exit
    differs: list[str] = field(default_factory=list)  # datasets that differ from the clean run (exit 0)
    new_warnings: list[str] = field(default_factory=list)
    silent: bool = False  # exit 0 or 5, data written differs, no new warning naming a page or section
    failed_datasets: list[str] = field(default_factory=list)  # exit 5: the datasets that failed their schema
    partial_broken: bool = False  # exit 5 and a failed dataset's old partition not kept, or its failure unnamed
    wrong_message: bool = False  # a hostile path not refused (exit 2) in the words that name it

    @property
    def hung(self) -> bool:
        return self.exit is None

    @property
    def ok(self) -> bool:
        return not (self.hung or self.exit == 4 or self.traceback or self.multi_line_error or self.silent
                    or self.output_unchanged is False or self.partial_broken or self.wrong_message)

    def replay(self) -> str:
        return f"python -m tests.fuzz --replay {self.family}:{self.seed}"


def make_case(family: str, seed: int, folder: Path, good: bytes) -> tuple[Path, str]:
    """The input file of one case under folder, and what was done to it."""
    folder.mkdir(parents=True, exist_ok=True)
    if family == "hostile":
        hostile = HOSTILE[seed % len(HOSTILE)]
        return hostile.make(folder), f"hostile: {hostile.name}"
    data, what = FAMILIES[family](good, random.Random(f"{family}:{seed}"))
    path = folder / f"{family}-{seed}.pdf"
    path.write_bytes(data)
    path.chmod(0o644)
    return path, what


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(root.rglob("*"))}


def datasets(out: Path, year: int = 2024) -> dict[str, pd.DataFrame]:
    return {d.name: pd.read_parquet(part) for d in sorted(out.iterdir())
            if (part := d / f"year={year}" / "part-0.parquet").is_file()}


def warnings_of(out: Path, year: int = 2024) -> list[dict]:
    manifest = json.loads((out / "manifest.json").read_text())
    return [w for b in manifest["bulletins"] if b["year"] == year for w in b.get("warnings", [])]


def _key(warning: dict) -> tuple:
    return warning.get("page"), warning.get("section"), warning.get("message")


@dataclass
class Baseline:
    """A populated output folder (the clean bulletin extracted) and what that run produced."""

    out: Path
    snapshot: dict[str, str]
    frames: dict[str, pd.DataFrame]
    warnings: set[tuple]

    @classmethod
    def build(cls, folder: Path) -> Baseline:
        out = folder / "populated"
        subprocess.run(_command(GOOD_PDF, out, 120), check=True, capture_output=True, cwd=folder)
        return cls(out, snapshot(out), datasets(out), {_key(w) for w in warnings_of(out)})


def _command(pdf: Path, out: Path, budget: float) -> list[str]:
    return [sys.executable, "-m", "bulletin_etl.cli", "extract", str(pdf), "--out", str(out), "-q",
            "--time-budget", f"{budget:g}"]


def run_case(family: str, seed: int, work: Path, baseline: Baseline, good: bytes, budget: float) -> Outcome:
    case = work / f"{family}-{seed}"
    if case.exists():
        shutil.rmtree(case, ignore_errors=True)
    pdf, what = make_case(family, seed, case / "in", good)
    out = case / "site" / "output"
    shutil.copytree(baseline.out, out)
    command = _command(pdf, out, budget)
    if pdf.name.startswith("unreadable"):  # root reads anything: run it without root's capabilities
        prefix = unprivileged.prefix()
        if prefix is None:
            raise UnprivilegedUnavailable(unprivileged.unavailable_reason())
        command = prefix + command
    exit_code, seconds, peak, stderr = _run(command, case, budget + MARGIN)
    outcome = Outcome(family, seed, what, exit_code, round(seconds, 2), round(peak, 1), stderr.strip())
    judge(outcome, out, baseline)
    if family == "hostile":  # the line says what the path is, in the words of issue 10
        expect = HOSTILE[seed % len(HOSTILE)].expect
        outcome.wrong_message = outcome.exit != 2 or expect not in outcome.stderr
    elif family in REFUSED_AS:  # damage refused in its own words, not by a budget or another complaint
        outcome.wrong_message = outcome.exit != 2 or REFUSED_AS[family] not in outcome.stderr
    shutil.rmtree(case, ignore_errors=True)
    return outcome


def judge(outcome: Outcome, out: Path, baseline: Baseline) -> None:
    """Mark what the run (outcome.exit, outcome.stderr) broke of the contract, given the output
    folder it left."""
    outcome.traceback = "Traceback" in outcome.stderr
    lines = [ln for ln in outcome.stderr.splitlines() if ln.strip()]
    if outcome.exit not in (0, None):
        # every line the command prints is its own message; a failure is one line, except that a
        # partial write (exit 5, issue 9) prints one line per failed dataset and a summary
        outcome.multi_line_error = any(not ln.startswith("bulletin-etl: ") for ln in lines) or (
            outcome.exit != PARTIAL and len(lines) != 1)
        if outcome.exit != PARTIAL:
            outcome.output_unchanged = snapshot(out) == baseline.snapshot
    if outcome.exit == PARTIAL:
        # a partial write changes the folder by its own contract (README, exit status 5): the failed
        # datasets' partitions stay byte for byte as they were, each failure names its page or
        # section, and what was written is judged like an exit-0 run below
        failures = [f for b in json.loads((out / "manifest.json").read_text())["bulletins"] if b["year"] == 2024
                    for f in b.get("schema_failures", [])]
        outcome.failed_datasets = sorted({f["dataset"] for f in failures})
        now = snapshot(out)

        def files_of(tree: dict[str, str], dataset: str) -> dict[str, str]:
            return {k: v for k, v in tree.items() if k == dataset or k.startswith(f"{dataset}/")}

        # a gathered dataset (totals, printed_figures, consistency) failing for some sections is written
        # with the others' rows: only the datasets left out whole keep their files byte for byte
        whole = {f["dataset"] for f in failures if not f.get("written_without")}
        kept = all(files_of(now, d) == files_of(baseline.snapshot, d) for d in whole)
        named = all(f.get("pages") or f.get("sections") for f in failures)
        outcome.partial_broken = not (failures and kept and named)
    if outcome.exit in (0, PARTIAL):
        frames = datasets(out)
        outcome.differs = sorted(name for name in set(frames) | set(baseline.frames) if name != "bulletins"
                                 and name not in outcome.failed_datasets
                                 and not _same(frames.get(name), baseline.frames.get(name)))
        new = [w for w in warnings_of(out) if _key(w) not in baseline.warnings]
        outcome.new_warnings = [f"page {w.get('page')}, {w.get('section')}: {w.get('message')}" for w in new]
        named = [w for w in new if w.get("page") is not None or w.get("section") in outcome.differs]
        outcome.silent = bool(outcome.differs) and not named


def _same(a: pd.DataFrame | None, b: pd.DataFrame | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.reset_index(drop=True).equals(b.reset_index(drop=True))


def _run(command: list[str], cwd: Path, timeout: float) -> tuple[int | None, float, float, str]:
    """Exit status (None when killed as hung), wall seconds, peak RSS in MB of the process and the
    workers it waited for, stderr."""
    with tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, cwd=cwd, start_new_session=True)
        status, usage = None, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                os.killpg(proc.pid, 9)
                _, status, usage = os.wait4(proc.pid, 0)
                status = None
                break
            time.sleep(0.05)
        proc.returncode = 0  # reaped above; keep Popen from waiting again
        seconds = time.monotonic() - started
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    code = None if status is None else os.waitstatus_to_exitcode(status)
    return code, seconds, usage.ru_maxrss / 1024, stderr


def cases(n: int, seed: int, families: list[str]) -> list[tuple[str, int]]:
    """n cases, families in turn, seeds counting up from the base seed."""
    return [(families[i % len(families)], seed + i) for i in range(n)]


def summary(outcomes: list[Outcome]) -> str:
    by_family: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_family[o.family].append(o)
    head = (f"{'family':18} {'n':>4} {'exits':24} {'hung':>4} {'exit4':>5} {'tb':>3} {'multi':>5} "
            f"{'changed':>7} {'silent':>6} {'exit5':>5} {'5bad':>4} {'msg':>3} {'peakMB':>7} {'slowest':>8}")
    rows = [head, "-" * len(head)]
    for family, group in sorted(by_family.items()) + [("ALL", outcomes)]:
        exits = Counter("hung" if o.hung else str(o.exit) for o in group)
        slowest = max(group, key=lambda o: o.seconds)
        rows.append(f"{family:18} {len(group):>4} {' '.join(f'{k}:{v}' for k, v in sorted(exits.items())):24} "
                    f"{sum(o.hung for o in group):>4} {sum(o.exit == 4 for o in group):>5} "
                    f"{sum(o.traceback for o in group):>3} {sum(o.multi_line_error for o in group):>5} "
                    f"{sum(o.output_unchanged is False for o in group):>7} {sum(o.silent for o in group):>6} "
                    f"{sum(o.exit == PARTIAL for o in group):>5} {sum(o.partial_broken for o in group):>4} "
                    f"{sum(o.wrong_message for o in group):>3} "
                    f"{max(o.peak_mb for o in group):>7.0f} {slowest.seconds:>7.1f}s")
    slowest = max(outcomes, key=lambda o: o.seconds)
    heaviest = max(outcomes, key=lambda o: o.peak_mb)
    rows.append(f"slowest: {slowest.family}:{slowest.seed} ({slowest.what}) {slowest.seconds:.1f}s exit {slowest.exit}")
    rows.append(f"peak memory: {heaviest.family}:{heaviest.seed} ({heaviest.what}) {heaviest.peak_mb:.0f} MB")
    for o in outcomes:
        if not o.ok:
            rows.append(f"FAIL {o.family}:{o.seed} ({o.what}) exit {o.exit}: {o.stderr[:300]!r} "
                        f"differs={o.differs} new_warnings={o.new_warnings[:3]}  replay: {o.replay()}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100, help="number of cases (default: 100)")
    parser.add_argument("--seed", type=int, default=None, help="base seed (default: new, printed)")
    parser.add_argument("--families", default=",".join(ALL_FAMILIES), help="comma-separated families")
    parser.add_argument("--budget", type=float, default=60, help="--time-budget of each run (default: 60)")
    parser.add_argument("--json", type=Path, help="write one JSON line per case here")
    parser.add_argument("--replay", help="one case, family:seed")
    args = parser.parse_args(argv)
    if args.replay:
        family, seed = args.replay.split(":")
        todo = [(family, int(seed))]
    else:
        seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
        print(f"base seed {seed}", flush=True)
        todo = cases(args.n, seed, args.families.split(","))
    good = GOOD_PDF.read_bytes()
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="bulletin-fuzz-") as tmp:
        work = Path(tmp)
        baseline = Baseline.build(work)
        for number, (family, case_seed) in enumerate(todo, 1):
            outcome = run_case(family, case_seed, work, baseline, good, args.budget)
            outcomes.append(outcome)
            print(f"[{number}/{len(todo)}] {family}:{case_seed} {outcome.what}: exit {outcome.exit} "
                  f"{outcome.seconds:.1f}s {outcome.peak_mb:.0f}MB{'' if outcome.ok else '  FAIL'}", flush=True)
            if args.json:
                with args.json.open("a") as f:
                    f.write(json.dumps(asdict(outcome), ensure_ascii=False) + "\n")
    print(summary(outcomes))
    return 0 if all(o.ok for o in outcomes) else 1
