"""Edition pairs through reportlab into one output folder: the extractor's institution ids held to
the series' truth (issue 18 §1), and the figures the year-over-year check (§3) will read.

    .venv/bin/python -m tests.synth.edition_pairs --seeds 0-29 --out /tmp/pairs

For each seed: `edition_pair(seed)` (editions.py), both bulletins rendered by reportlab (style and
font by seed), each extracted once, then written into one folder in either order (older first,
newer first). Per pair it counts the renames between the editions (truth), those resolved (every
name of the institution under one id), the institutions wrongly merged (two of the truth's under
one id), whether both orders give the same ids, and what the extraction misread (compare()).
"""

from __future__ import annotations

import argparse
import contextlib
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds

from bulletin_etl.output import write_all
from bulletin_etl.pipeline import BulletinResult, extract

from .compare import compare
from .editions import (
    CERTIFICATE_METRICS,
    CERTIFICATES,
    CUMULATIVE_PAIRS,
    YEAR_OVER_YEAR,
    EditionSeries,
    edition_pair,
    expected_year_over_year,
    id_problems,
)
from .render_reportlab import STYLES, available_fonts, render

WITH_IDS = ("appointments_12320", "evaluation_ratings", "internet_hospitals", "physical_exam_reports",
            "platform_collection_hospitals")
"""The datasets with an institution_id."""

Ids = dict[tuple[int, str, str], str]


@dataclass
class PairOutcome:
    seed: int
    style: str
    font: str
    renames: int = 0  # renames between the two editions (truth)
    resolved: int = 0  # of those, every name under one id
    merged: int = 0  # ids given to two institutions of the truth
    same_ids: bool = True  # the same ids whichever edition was written first
    problems: list[str] = field(default_factory=list)  # id_problems
    misread: list[str] = field(default_factory=list)  # compare() differences of either edition
    breaks: set[tuple[str, str, str]] = field(default_factory=set)  # cumulatives off, joined on ids
    planted: set[tuple[str, str, str]] = field(default_factory=set)  # the planted break, on its id
    year_over_year: dict[str, dict[tuple[str, str, str], str]] = field(default_factory=dict)  # reported, per order
    expected_year_over_year: dict[tuple[str, str, str], str] = field(default_factory=dict)  # the truth's


def _run() -> dict:
    return {"command": "edition_pairs", "started_at": "2026-01-01T00:00:00+00:00", "seconds": 0.0}


def render_pair(series: EditionSeries, folder: Path, style: str, font: str) -> list[Path]:
    pdfs = []
    for b in series.bulletins:
        pdfs.append(folder / f"edition-{series.seed}-{b.year}.pdf")
        render(b, pdfs[-1], style=style, font=font, seed=series.seed)
    return pdfs


def written(out: Path, results: list[BulletinResult]) -> Path:
    """The results written into `out` one after the other, in the order given."""
    with contextlib.redirect_stderr(io.StringIO()):
        for result in results:
            write_all(out, [result], _run)
    return out


def hive(out: Path, dataset: str) -> pd.DataFrame:
    if not (out / dataset).is_dir():
        return pd.DataFrame()
    return pd.read_parquet(out / dataset, partitioning=ds.partitioning(flavor="hive"))


def read_ids(out: Path) -> Ids:
    """(year, dataset, name as printed) → institution_id, off the output's datasets."""
    ids: Ids = {}
    for dataset in WITH_IDS:
        frame = hive(out, dataset)
        for r in frame.itertuples(index=False) if len(frame) else []:
            if isinstance(r.institution_id, str):
                ids[(int(r.year), dataset, r.institution)] = r.institution_id
    return ids


def rename_counts(series: EditionSeries, ids: Ids) -> tuple[int, int, int]:
    """(renames, resolved, wrongly merged ids) of the pair's truth against the ids."""
    given: dict[str, set[str]] = {}
    owners: dict[str, set[str]] = {}
    for k, year in enumerate(series.years):
        for dataset, names in series.names(k, everywhere=True).items():
            for name, key in names.items():
                if (year, dataset, name) in ids:
                    given.setdefault(key, set()).add(ids[(year, dataset, name)])
                    owners.setdefault(ids[(year, dataset, name)], set()).add(key)
    renames = series.renames(1)
    resolved = sum(len(given.get(r.entity, ())) == 1 for r in renames)
    return len(renames), resolved, sum(len(keys) > 1 for keys in owners.values())


def output_breaks(series: EditionSeries, out: Path) -> set[tuple[str, str, str]]:
    """(dataset, institution_id or '', metric) of every cumulative in the later edition's output
    that is not the earlier's plus the annual, rows joined on institution_id (the health
    certificates by period): what the year-over-year check will find."""
    older, newer = series.years
    found = set()
    for dataset, pairs in CUMULATIVE_PAIRS.items():
        frame = hive(out, dataset)
        if not len(frame):
            continue
        rows = [frame[frame["year"].astype(int) == y].drop_duplicates("institution_id", keep=False)
                .set_index("institution_id") for y in (older, newer)]
        for key in sorted(set(rows[0].index) & set(rows[1].index)):
            found |= {(dataset, key, cum) for ann, cum in pairs
                      if is_off(rows[0].at[key, cum], rows[1].at[key, ann], rows[1].at[key, cum])}
    frame = hive(out, CERTIFICATES)
    if len(frame):
        by = {(int(r.year), r.period): r for r in frame.itertuples(index=False)}
        if all((y, "cumulative") in by for y in (older, newer)) and (newer, "annual") in by:
            found |= {(CERTIFICATES, "", m) for m in CERTIFICATE_METRICS
                      if is_off(getattr(by[(older, "cumulative")], m), getattr(by[(newer, "annual")], m),
                                getattr(by[(newer, "cumulative")], m))}
    return found


def is_off(previous: object, annual: object, cumulative: object) -> bool:
    """The cumulative is not the previous one plus the annual (an empty figure is no break)."""
    if any(pd.isna(v) for v in (previous, annual, cumulative)):
        return False
    return int(previous) + int(annual) != int(cumulative)  # type: ignore[call-overload]


def reported_year_over_year(out: Path, year: int) -> dict[tuple[str, str, str], str]:
    """Edition `year`'s year_over_year consistency rows in the output: (dataset, subject, metric) → status."""
    frame = hive(out, "consistency")
    if not len(frame):
        return {}
    rows = frame[(frame["year"].astype(int) == year) & (frame["check"] == YEAR_OVER_YEAR)]
    return {(r.dataset, r.subject, r.metric): r.status for r in rows.itertuples(index=False)}


def planted_on_ids(series: EditionSeries, ids: Ids) -> set[tuple[str, str, str]]:
    """The planted break as output_breaks names it (its row's id in the later edition)."""
    p = series.planted
    if p is None:
        return set()
    if p.dataset == CERTIFICATES:
        return {(CERTIFICATES, "", p.metric)}
    name = series.model.entity(p.entity).names[p.edition]
    return {(p.dataset, ids.get((p.year, p.dataset, name), "?"), p.metric)}


def run_pair(seed: int, folder: Path, style: str | None = None, font: str | None = None) -> PairOutcome:
    fonts = available_fonts()
    outcome = PairOutcome(seed, style or STYLES[seed % len(STYLES)], font or fonts[seed // len(STYLES) % len(fonts)])
    series = edition_pair(seed)
    pdfs = render_pair(series, folder, outcome.style, outcome.font)
    results = [extract(pdf) for pdf in pdfs]
    first = written(folder / f"out-{seed}-older-first", results)
    second = written(folder / f"out-{seed}-newer-first", results[::-1])
    ids = read_ids(first)
    outcome.same_ids = ids == read_ids(second)
    outcome.problems = id_problems(series, ids)
    outcome.renames, outcome.resolved, outcome.merged = rename_counts(series, ids)
    for b, expected in zip(series.bulletins, series.truths):
        outcome.misread += [f"{b.year}: {d}" for d in compare(expected, first, expected_warnings=b.expected_warnings)]
    outcome.breaks, outcome.planted = output_breaks(series, first), planted_on_ids(series, ids)
    outcome.year_over_year = {order: reported_year_over_year(out, series.years[1]) for order, out in
                              (("older first", first), ("newer first", second))}
    outcome.expected_year_over_year = expected_year_over_year(series, 1)
    return outcome


def _seeds(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        out += list(range(int(low), int(high or low) + 1))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", default="0-9")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    totals = {"renames": 0, "resolved": 0, "merged": 0, "pairs": 0, "ids_exact": 0, "breaks_exact": 0}
    for seed in _seeds(args.seeds):
        o = run_pair(seed, args.out)
        exact_breaks = o.breaks == o.planted
        print(f"seed {seed} {o.style} {o.font}: renames {o.resolved}/{o.renames} resolved, {o.merged} merged, "
              f"same ids {o.same_ids}, breaks {'exact' if exact_breaks else sorted(o.breaks)}, "
              f"{len(o.problems)} id problems, {len(o.misread)} misread", flush=True)
        for line in o.problems + o.misread[:5]:
            print("   ", line)
        totals = {"renames": totals["renames"] + o.renames, "resolved": totals["resolved"] + o.resolved,
                  "merged": totals["merged"] + o.merged, "pairs": totals["pairs"] + 1,
                  "ids_exact": totals["ids_exact"] + (not o.problems and o.same_ids),
                  "breaks_exact": totals["breaks_exact"] + exact_breaks}
    print(f"{totals['pairs']} pairs: renames {totals['resolved']}/{totals['renames']} resolved, "
          f"{totals['merged']} wrongly merged, ids exact {totals['ids_exact']}/{totals['pairs']}, "
          f"breaks exact {totals['breaks_exact']}/{totals['pairs']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
