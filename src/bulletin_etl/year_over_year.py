"""Year over year: each edition's cumulative figures against the last edition's plus this year's
(cumulative(y) = cumulative(y−1) + annual(y)), where the output folder holds editions y−1 and y.

Which figures are annual / cumulative pairs, and which column matches a row across editions
(institution_id, district), is data: the `year_over_year` check of a dataset's YAML
(declared_checks.YearOverYear). The rows are `consistency` rows of edition y (check
year_over_year), computed from the partitions the folder holds each time it is written
(output.py), so that extracting either edition again recomputes them and an edition no longer held
takes them away. A row printed in one of the two editions only is listed as entering or leaving,
not as a mismatch."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .consistency import NO_SUBJECT, Check, Records
from .declared_checks import PERIODS, YearOverYear
from .schemas import PARTITION_COLUMNS, all_schemas, schema

CHECK = "year_over_year"
CONSISTENCY = "consistency"
PART = "part-0.parquet"
NOTE_SUBJECT = "合计"
"""The subject of a note's figure to date, checked against the printed 合计 of the year."""
ENTERING, LEAVING = "entering", "leaving"


@dataclass
class Figures:
    """One row's annual and cumulative figures in one edition (metric → value), as its consistency
    row names them, and where it was printed."""

    subject: str
    page: int | None = None
    annual: dict[str, object] = field(default_factory=dict)
    cumulative: dict[str, object] = field(default_factory=dict)


Rows = dict[object, Figures]
"""An edition's figures of one dataset, by the key matching a row across editions."""


def declared() -> list[tuple[str, YearOverYear]]:
    """(dataset, its year_over_year check) of every dataset declaring one, by name."""
    return [(name, spec.checks.year_over_year) for name, spec in sorted(all_schemas().items())
            if spec.checks.year_over_year is not None]


def figures(spec: YearOverYear, dataset: str, records: Records) -> Rows:
    """An edition's figures of `dataset` as the check declares them; a key printed twice in the
    edition matches no row of the other (which would it be?) and is left out."""
    if spec.note is not None:
        return _note_figures(spec, dataset, records.get("totals", []))
    rows = records.get(dataset, [])
    return _stem_figures(spec, rows) if spec.stems else _period_figures(spec, rows)


def _stem_figures(spec: YearOverYear, rows: list[dict]) -> Rows:
    out: Rows = {}
    twice = set()
    for row in rows:
        key = row.get(spec.key or "")
        if key in out:
            twice.add(key)
        subject = row.get(spec.label or spec.key or "")
        out[key] = Figures(str(subject), row.get("source_page"),
                           {f"{s}_cumulative": row.get(f"{s}_annual") for s in spec.stems},
                           {f"{s}_cumulative": row.get(f"{s}_cumulative") for s in spec.stems})
    return {key: f for key, f in out.items() if key not in twice and key is not None}


def _period_figures(spec: YearOverYear, rows: list[dict]) -> Rows:
    """Rows of one period each (annual, cumulative): their figures gathered by key."""
    annual, _ = PERIODS
    out: Rows = {}
    for row in rows:
        key = row.get(spec.key) if spec.key else NO_SUBJECT
        got = out.setdefault(key, Figures(str(key)))
        named = [(row.get(spec.name), row.get(spec.value or ""))] if spec.name else [(c, row.get(c)) for c in spec.columns]
        into = got.annual if row.get(spec.period or "") == annual else got.cumulative
        into.update({f"{metric}_cumulative": value for metric, value in named})
        if row.get(spec.period or "") == annual or got.page is None:
            got.page = row.get("source_page")
    return out


def _note_figures(spec: YearOverYear, dataset: str, totals: list[dict]) -> Rows:
    """The note's figure to date, and the printed 合计 of `total` as the year's."""
    printed = {(t["source"], t["metric"]): t for t in totals if t["dataset"] == dataset}
    note, total = printed.get(("note", spec.note)), printed.get(("total_row", spec.total))
    if note is None:
        return {}
    metric = str(spec.note)
    return {NO_SUBJECT: Figures(NOTE_SUBJECT, note.get("source_page"), {metric: total and total["value"]},
                                {metric: note["value"]})}


def compare(dataset: str, earlier: Rows, later: Rows, year: int) -> list[dict]:
    """The consistency rows of edition `year` against `year`−1 for one dataset: each row and metric
    printed in both, then the rows entering, then those leaving. Nothing when either edition does
    not print the dataset (nothing to follow from, or nothing to check)."""
    if not (earlier and later):
        return []
    rows = [check.row() for key, now in later.items() if key in earlier
            for check in _checks(dataset, earlier[key], now, year)]
    rows += [_one_sided(dataset, now, ENTERING, f"printed in {year}, not in {year - 1}")
             for key, now in later.items() if key not in earlier]
    rows += [_one_sided(dataset, then, LEAVING, f"printed in {year - 1}, not in {year}")
             for key, then in earlier.items() if key not in later]
    return rows


def _checks(dataset: str, then: Figures, now: Figures, year: int) -> Iterable[Check]:
    """One check per metric whose three figures are printed (an empty cell is nothing to check)."""
    renamed = f" (printed {then.subject} in {year - 1})" if then.subject != now.subject else ""
    for metric, cumulative in now.cumulative.items():
        previous, annual = then.cumulative.get(metric), now.annual.get(metric)
        if _missing(previous) or _missing(annual) or _missing(cumulative):
            continue
        expected = Decimal(str(previous)) + Decimal(str(annual))
        yield Check(CHECK, dataset, now.subject, metric, Decimal(str(cumulative)), expected,
                    f"{now.subject}{renamed} {metric}: {year} against {year - 1}'s "
                    f"{_show(previous)} + {year}'s {_show(annual)}", now.page)


def _missing(value: object) -> bool:
    return value is None or bool(pd.isna(value))


def _show(value: object) -> str:
    number = Decimal(str(value))
    return format(number.normalize(), "f") if number == number.to_integral_value() else str(number)


def _one_sided(dataset: str, figures: Figures, status: str, detail: str) -> dict:
    """A row printed in one of the two editions: listed, not checked (its metric: the whole row)."""
    return {"check": CHECK, "dataset": dataset, "subject": figures.subject, "metric": NO_SUBJECT,
            "printed": None, "expected": None, "status": status,
            "detail": f"{detail}: {status}, its cumulatives not checked", "source_page": figures.page}


def reconcile(earlier: Records, later: Records, year: int) -> list[dict]:
    """Every year_over_year row of edition `year` given the records of `year`−1 and `year`."""
    return [row for dataset, spec in declared()
            for row in compare(dataset, figures(spec, dataset, earlier), figures(spec, dataset, later), year)]


# ---------------------------------------------------------------------- the output folder

def _records(tree: Path, year: int) -> Records:
    """The records of one edition's partitions the checks read (none when the folder lacks it)."""
    out: Records = {}
    for dataset in [name for name, _ in declared()] + ["totals"]:
        part = tree / dataset / f"year={year}" / PART
        if part.is_file():
            frame = pq.read_table(part).to_pandas().astype(object)
            out[dataset] = frame.where(frame.notna(), None).to_dict("records")
    return out


def held_years(tree: Path) -> list[int]:
    """The years whose consistency partition the folder holds."""
    folder = tree / CONSISTENCY
    return sorted(int(p.name.removeprefix("year=")) for p in folder.glob("year=*") if (p / PART).is_file())


def write(tree: Path) -> None:
    """Each edition's year_over_year rows of its consistency partition recomputed from the
    partitions the (staged) tree holds: against the year before where it holds that year, none
    otherwise. A partition whose rows do not change is not rewritten."""
    for year in held_years(tree):
        earlier = _records(tree, year - 1)
        rows = reconcile(earlier, _records(tree, year), year) if earlier else []
        _rewrite(tree / CONSISTENCY / f"year={year}" / PART, year, rows)


def _rewrite(part: Path, year: int, rows: list[dict]) -> None:
    table = pq.read_table(part)
    frame = table.to_pandas()
    kept = frame[frame["check"] != CHECK]
    records = [{**r, "year": year} for r in kept.astype(object).where(kept.notna(), None).to_dict("records")]
    spec = schema(CONSISTENCY)
    new = spec.pandera().validate(spec.frame(records + [{**r, "year": year} for r in rows]))
    written = pa.Table.from_pandas(new.drop(columns=list(PARTITION_COLUMNS)), schema=spec.arrow(), preserve_index=False)
    if not written.equals(table):
        pq.write_table(written, part)


STATUSES = (("ok", "ok"), ("mismatch", "mismatches"), (ENTERING, ENTERING), (LEAVING, LEAVING))
"""The statuses of the rows, each with its plural, in the order a summary says them."""


def summaries(tree: Path) -> list[str]:
    """'2025 against 2024: 154 ok, 1 mismatch, 4 entering, 2 leaving' for each edition of the
    folder with year_over_year rows, oldest first."""
    lines = []
    for year in held_years(tree):
        checks = pq.read_table(tree / CONSISTENCY / f"year={year}" / PART, columns=["check", "status"]).to_pandas()
        statuses = checks.loc[checks["check"] == CHECK, "status"].value_counts()
        if len(statuses):
            said = ", ".join(f"{int(statuses.get(s, 0)):,} {s if statuses.get(s, 0) == 1 else plural}"
                             for s, plural in STATUSES)
            lines.append(f"{year} against {year - 1}: {said}")
    return lines
