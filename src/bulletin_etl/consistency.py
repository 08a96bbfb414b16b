"""Reconcile the bulletin with itself: printed totals against their parts, year figures against
cumulative ones, and what the prose claims against the sections it summarises.

The data is never changed: each check is a row saying what was printed, what the parts or the
other section give, and whether they agree.

Which dataset gets which check is data: the `checks:` block of its schemas/datasets/<name>.yaml
(declared_checks.py says what each kind takes), and for the prose, the sentence shapes of
schemas/claims.yaml. This module is the generic engine that runs them; the rows of one kind are
listed dataset by dataset in the registry's order of sections."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar

from .declared_checks import PERIODS, AnnualLeCumulative, Claim, ColumnTotal, RowSubtotal
from .errors import one_line
from .schemas import all_schemas, load_yaml
from .sections import SECTIONS
from .text import chinese_numeral, expand_units, squash

Records = dict[str, list[dict]]

RATING_CLAIM = re.compile(
    r"(?P<number>\d+)\s*(?P<what>个区|家医院)(?:[^，。；、0-9]*?(?P<level>[一二三四五六七八九十]+级[甲乙丙丁]?等?))?"
)
EVALUATION_WORDS = ("互联互通", "电子病历", "智慧服务")


@dataclass
class Check:
    check: str
    dataset: str
    subject: str
    metric: str
    printed: Decimal | None
    expected: Decimal | None
    detail: str
    source_page: int | None = None
    lower_bound: bool = False

    def row(self) -> dict:
        self.printed = None if self.printed is None else Decimal(self.printed)
        self.expected = None if self.expected is None else Decimal(self.expected)
        if self.printed is None or self.expected is None:
            status = "mismatch"
        elif self.lower_bound:
            status = "ok" if self.expected >= self.printed else "mismatch"
        else:
            status = "ok" if self.printed == self.expected else "mismatch"
        relation = "is at most" if self.lower_bound else "against"
        return {
            "check": self.check, "dataset": self.dataset, "subject": self.subject, "metric": self.metric,
            "printed": self.printed, "expected": self.expected, "status": status,
            "detail": f"{self.detail}: printed {_show(self.printed)} {relation} {_show(self.expected)}",
            "source_page": self.source_page,
        }


def _show(value: Decimal | None) -> str:
    if value is None:
        return "nothing"
    value = Decimal(value)
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)


def _sum(values: Iterable) -> Decimal:
    return sum((Decimal(v) for v in values if v is not None), Decimal(0))


def _totals(records: Records, source: str) -> dict[tuple[str, str], dict]:
    return {(t["dataset"], t["metric"]): t for t in records.get("totals", []) if t["source"] == source}


def _declared(kind: str) -> list[tuple[str, Any]]:
    """(dataset, its declared check of `kind`) for every dataset declaring one, in the registry's
    order of sections: the order their rows are listed in."""
    specs = all_schemas()
    order = {section.datasets[0]: i for i, section in enumerate(SECTIONS)}
    names = sorted(specs, key=lambda name: (order.get(name, len(order)), name))
    return [(name, check) for name in names if (check := getattr(specs[name].checks, kind))]


def column_totals(records: Records) -> list[Check]:
    """Every printed 合计 whose column its dataset declares (column_total), against the column's sum."""
    checks = []
    schemas = all_schemas()
    for (dataset, metric), total in _totals(records, "total_row").items():
        declared = schemas[dataset].checks.column_total if dataset in schemas else None
        parts = _summed(declared, metric, records.get(dataset, [])) if declared else None
        if parts is not None:
            checks.append(Check("column_total", dataset, "合计", metric, total["value"], _sum(parts),
                                f"printed 合计 of {metric} against the sum of its {len(parts)} rows", total["source_page"]))
    return checks


def _summed(declared: ColumnTotal, metric: str, rows: list[dict]) -> list | None:
    """The figures a printed 合计 of `metric` adds up; None when the check does not cover its column."""
    if declared.value is not None:
        return [r[declared.value] for r in rows if "_".join(r[c] for c in declared.per) == metric]
    return [r.get(metric) for r in rows] if metric in declared.columns else None


def row_subtotals(records: Records) -> list[Check]:
    """Each declared row_subtotal: datasets printing a total in each row first, then those holding
    one figure per row; each followed by its 合计 row when declared."""
    declared = _declared("row_subtotal")
    checks = []
    for dataset, spec in [(d, s) for d, s in declared if s.name is None] + [(d, s) for d, s in declared if s.name]:
        rows = records.get(dataset, [])
        checks += _subtotals_of_figures(dataset, spec, rows) if spec.name else _subtotals_in_rows(dataset, spec, rows)
        if spec.total_row:
            checks += _subtotals_of_total_row(dataset, spec, records)
    return checks


def _subtotal_detail(spec: RowSubtotal) -> str:
    return f"printed {spec.label or spec.total} against {'+'.join(spec.parts)}"


def _subtotals_in_rows(dataset: str, spec: RowSubtotal, rows: list[dict]) -> list[Check]:
    """Every row's printed total against its parts; a row whose total is not printed is a mismatch."""
    return [Check("row_subtotal", dataset, row.get(spec.subject) or "", spec.total, row.get(spec.total),
                  _sum(row.get(p) for p in spec.parts), _subtotal_detail(spec), row.get("source_page"))
            for row in rows]


def _subtotals_of_figures(dataset: str, spec: RowSubtotal, rows: list[dict]) -> list[Check]:
    """The figures of one subject (and period) gathered from their rows, where the total is among them."""
    groups: dict[tuple, dict[str, Decimal]] = defaultdict(dict)
    pages = {}
    for row in rows:
        groups[(row[spec.subject], row[spec.period] if spec.period else None)][row[spec.name]] = row[spec.value]
        pages[row[spec.subject]] = row["source_page"]
    return [Check("row_subtotal", dataset, subject, spec.total + _suffix(period), figures.get(spec.total),
                  _sum(figures.get(p) for p in spec.parts), _subtotal_detail(spec), pages.get(subject))
            for (subject, period), figures in groups.items() if spec.total in figures]


def _suffix(period: str | None) -> str:
    """How a period is appended to a metric: outpatient + annual → outpatient_annual."""
    return "" if period is None else f"_{period}"


def _subtotals_of_total_row(dataset: str, spec: RowSubtotal, records: Records) -> list[Check]:
    """The printed 合计 row's total against its printed parts, per period."""
    printed = {metric: total for (d, metric), total in _totals(records, "total_row").items() if d == dataset}
    page = next((total["source_page"] for total in printed.values()), None)
    checks = []
    for suffix in [_suffix(p) for p in PERIODS] if spec.period else [""]:
        total = printed.get(spec.total + suffix)
        if total is not None:
            parts = (printed[p + suffix]["value"] for p in spec.parts if p + suffix in printed)
            checks.append(Check("row_subtotal", dataset, "合计", spec.total + suffix, total["value"], _sum(parts),
                                f"合计 row: {_subtotal_detail(spec)}", page))
    return checks


def prose_totals(records: Records) -> list[Check]:
    """Each declared prose_total: the stated total against the sum of the parts stated with it."""
    checks = []
    for dataset, spec in _declared("prose_total"):
        figures = {row[spec.name]: row for row in records.get(dataset, [])}
        if spec.total not in figures:
            continue
        total, listed = figures[spec.total], [p for p in spec.parts if p in figures]
        checks.append(Check("prose_total", dataset, total[spec.subject], spec.total, total[spec.value],
                            _sum(figures[p][spec.value] for p in listed),
                            f"stated total against the {len(listed)} categories listed with it", total["source_page"]))
    return checks


def annual_within_cumulative(records: Records) -> list[Check]:
    """Each declared annual_le_cumulative: pairs in one row first, then pairs across rows."""
    declared = _declared("annual_le_cumulative")
    checks = [c for dataset, spec in declared if spec.stems for c in _pairs_in_rows(dataset, spec, records.get(dataset, []))]
    checks += [c for dataset, spec in declared if spec.period
               for c in _pairs_across_rows(dataset, spec, records.get(dataset, []))]
    return [c for c in checks if c is not None]


def _pairs_in_rows(dataset: str, spec: AnnualLeCumulative, rows: list[dict]) -> list[Check | None]:
    return [_period_check(dataset, row.get(spec.subject) or "", stem, row.get(f"{stem}_annual"),
                          row.get(f"{stem}_cumulative"), row.get("source_page"))
            for row in rows for stem in spec.stems]


NO_SUBJECT = "—"
"""The subject of a figure in a dataset whose rows are its periods only."""


def _pairs_across_rows(dataset: str, spec: AnnualLeCumulative, rows: list[dict]) -> list[Check | None]:
    """The annual and the cumulative row's figures paired by subject and metric; the page is the annual row's."""
    annual, cumulative = PERIODS
    pairs: dict[tuple[str, str], dict[str, object]] = defaultdict(dict)
    pages = {}
    for row in rows:
        subject = row[spec.subject] if spec.subject else NO_SUBJECT
        figures = [(row[spec.name], row[spec.value])] if spec.name else [(c, row.get(c)) for c in spec.columns]
        for metric, value in figures:
            pairs[(subject, metric)][row[spec.period]] = value
            if row[spec.period] == annual:
                pages[(subject, metric)] = row["source_page"]
    return [_period_check(dataset, subject, metric, pair.get(annual), pair.get(cumulative), pages.get((subject, metric)))
            for (subject, metric), pair in pairs.items()]


def _period_check(dataset, subject, metric, annual, cumulative, page) -> Check | None:
    if annual is None or cumulative is None:
        return None
    return Check("annual_le_cumulative", dataset, subject, metric, annual, cumulative,
                 f"{subject} {metric}: the year's figure must not exceed the cumulative one", page, lower_bound=True)


@cache
def claims() -> list[dict]:
    """schemas/claims.yaml, read once."""
    return load_yaml("claims.yaml")


def _claim_value(m: re.Match) -> Decimal:
    if "numeral" in m.groupdict() and m["numeral"]:
        return Decimal(chinese_numeral(m["numeral"]))
    return expand_units(m["number"], m.groupdict().get("multiplier"))


def counted_rows() -> dict[str, str]:
    """metric → the dataset whose rows a claim of that metric counts (compare: rows_of), from
    claims.yaml and the claims declared in datasets' checks."""
    counted = {c["id"]: c["compare"]["rows_of"] for c in claims() if "rows_of" in c["compare"]}
    for _, declared in _declared("claim"):
        counted |= {claim.metric: claim.compare[1] for claim in declared if claim.compare[0] == "rows_of"}
    return counted


def _note(records: Records, metric: str) -> dict | None:
    return {t["metric"]: t for t in records.get("totals", []) if t["source"] == "note"}.get(metric)


def _compared(compare: tuple[str, Any], records: Records) -> tuple[Decimal, str] | None:
    """What a claim is compared with (declared_checks.COMPARED) and where it was found; None when the
    bulletin does not print it: a claim about a section this bulletin lacks cannot be checked."""
    kind, target = compare
    if kind == "totals":
        note = _note(records, target)
        return None if note is None else (note["value"], f"note under the {note['dataset']} table: {note['printed']}")
    if kind == "rows_of":
        return (Decimal(len(records[target])), f"rows of {target}") if records.get(target) else None
    dataset, column = target
    if kind == "total_row":
        total = _totals(records, "total_row").get((dataset, column))
        return None if total is None else (total["value"], f"the printed 合计 of {dataset}.{column}")
    rows = records.get(dataset, [])
    if not rows or rows[0].get(column) is None:
        return None
    return Decimal(rows[0][column]), f"{dataset}.{column}"


def event_claims(records: Records) -> list[Check]:
    """Sentences of the headline events that restate a figure printed elsewhere (schemas/claims.yaml)."""
    checks = []
    for event in records.get("events", []):
        text = f"{event['title']}。{event['body']}"
        for claim in claims():
            for m in re.finditer(claim["pattern"], text):
                printed = _claim_value(m)
                other = _compared(next(iter(claim["compare"].items())), records)
                if other is None:
                    continue
                checks.append(Check(claim.get("kind", "claim"), "events", f"“{m.group(0)}”", claim["id"], printed,
                                    other[0], f"event {event['number_zh']} states {m.group(0)}; {other[1]}",
                                    event.get("source_page"), lower_bound=claim.get("kind") == "lower_bound"))
        checks.extend(_rating_claims(text, records, event))
    return checks


def _rating_claims(text: str, records: Records, event: dict) -> list[Check]:
    """'南京市和 3个区、4 家医院获得国家互联互通测评五级乙等，7 个区和 21 家医院获得四级甲等': the
    counts of districts and hospitals per evaluation and level against the ratings lists."""
    ratings = records.get("evaluation_ratings", [])
    if not ratings:
        return []
    checks, evaluation = [], None
    for sentence in re.split(r"[。；]", text):
        for clause in re.split(r"，", sentence):
            word = next((w for w in EVALUATION_WORDS if w in clause), None)
            if word:
                evaluation = next((r["evaluation"] for r in ratings if word in r["evaluation"]), None)
            found = list(RATING_CLAIM.finditer(clause))
            level = next((m["level"] for m in reversed(found) if m["level"]), None)
            if evaluation is None or level is None:
                continue
            for m in found:
                kind = "district" if m["what"] == "个区" else "institution"
                listed = [r for r in ratings if r["evaluation"] == evaluation and squash(r["level"]) == squash(level)
                          and r["institution_type"] == kind]
                label = "districts" if kind == "district" else "hospitals"
                checks.append(Check("claim", "events", f"“{_claim_text(clause, m, level)}”", f"{label}_listed",
                                    Decimal(m["number"]), Decimal(len(listed)),
                                    f"event {event['number_zh']}: {label} listed as {evaluation} {level}",
                                    event.get("source_page")))
    return checks


def _claim_text(clause: str, m: re.Match, level: str) -> str:
    end = clause.find(level, m.end())
    return clause[m.start():end + len(level)] if end >= 0 else m.group(0)


def cross_section(records: Records) -> list[Check]:
    """A figure one section prints that another gives too: each claim declared in a dataset's checks,
    note figures first, then figures in rows."""
    declared = [(dataset, claim) for dataset, claims in _declared("claim") for claim in claims]
    checks = [c for dataset, claim in declared if claim.note for c in _note_claim(dataset, claim, records)]
    checks += [c for dataset, claim in declared if claim.row for c in _row_claim(dataset, claim, records)]
    return checks


def _note_claim(dataset: str, claim: Claim, records: Records) -> list[Check]:
    notes = {(t["dataset"], t["metric"]): t for t in records.get("totals", []) if t["source"] == "note"}
    note, other = notes.get((dataset, claim.note)), _compared(claim.compare, records)
    if note is None or other is None:
        return []
    return [Check("claim", dataset, f"“{note['printed']}”", claim.metric, note["value"], other[0], claim.detail,
                  note["source_page"])]


def _row_claim(dataset: str, claim: Claim, records: Records) -> list[Check]:
    """`claim.column` of every row whose `claim.row` column holds the text given (spaces ignored)."""
    other = _compared(claim.compare, records)
    column, text = claim.row or ("", "")
    return [Check("claim", dataset, f"“{row[column]} {row[claim.column]}”", claim.metric, row[claim.column], other[0],
                  claim.detail, row["source_page"])
            for row in records.get(dataset, []) if other is not None and text in squash(row[column])]


CHECKS = (column_totals, row_subtotals, prose_totals, annual_within_cumulative, event_claims, cross_section)

Warn = Callable[[int | None, str, str], None]
"""Context.warn: (page, message, kind)."""
T = TypeVar("T")

FAILURE_SHOWN = 120
"""Characters of a failed check's exception quoted in its warning: its cause, never a page of text."""


def run_check(warn: Warn, name: str, check: Callable[..., T], *args: object) -> T | None:
    """What check(*args) returns; if it raises, a warning naming the check (and None): a check that
    cannot run costs what it would have found, never the bulletin. MemoryError is let through: a
    check bounded by what is printed never runs out of memory, and one that does has left the
    worker's heap exhausted; the worker reports it as over the memory budget, naming the stage."""
    try:
        return check(*args)
    except MemoryError:
        raise
    except Exception as exc:
        detail = one_line(str(exc))
        if len(detail) > FAILURE_SHOWN:
            detail = detail[:FAILURE_SHOWN] + "…"
        warn(None, f"{name} could not run ({type(exc).__name__}: {detail}); what it checks was not checked", "other")
        return None


def _rows(run: Callable[[Records], list[Check]], records: Records) -> list[dict]:
    return [check.row() for check in run(records)]


def reconcile(records: Records, warn: Warn) -> list[dict]:
    """The rows of every check, each (check, dataset, subject, metric) once; a check that raises is
    a warning (its rows are missing) and the others still run."""
    rows: list[dict] = []
    for run in CHECKS:
        rows += run_check(warn, f"the consistency check {run.__name__}", _rows, run, records) or []
    seen: set[tuple] = set()
    unique = []
    for row in rows:
        key = (row["check"], row["dataset"], row["subject"], row["metric"])
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique
