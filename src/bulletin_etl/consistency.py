"""Reconcile the bulletin with itself: printed totals against their parts, year figures against
cumulative ones, and what the prose claims against the sections it summarises.

The data is never changed: each check is a row saying what was printed, what the parts or the
other section give, and whether they agree."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TypeVar

from .errors import one_line
from .schemas import load_yaml
from .text import chinese_numeral, expand_units, squash

Records = dict[str, list[dict]]

ROW_TOTALS = {
    # dataset: (the printed row-total column, the columns it adds up)
    "appointments_12320": ("subtotal", ("online_12320", "quick_booking", "in_clinic", "third_party")),
}
REFERRAL_PARTS = ("outpatient", "lab_exam", "inpatient_bed")
PERIOD_PAIRS = {
    # dataset: column stems that have an _annual and a _cumulative column
    "physical_exam_reports": ("reports", "records"),
    "internet_hospitals": ("appointments", "consultations", "visits", "prescriptions"),
}
HOTLINE_TOTAL = ("calls_received", ("consultations", "medical_complaints", "phone_appointments", "manual_service",
                                    "psychological_crisis_intervention", "self_service_voice_qa"))
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


def column_totals(records: Records) -> list[Check]:
    checks = []
    for (dataset, metric), total in _totals(records, "total_row").items():
        rows = records.get(dataset, [])
        if dataset == "family_doctor_referrals":
            referral_type, _, period = metric.rpartition("_")
            parts = [r["count"] for r in rows if r["referral_type"] == referral_type and r["period"] == period]
        else:
            parts = [r.get(metric) for r in rows]
        checks.append(Check("column_total", dataset, "合计", metric, total["value"], _sum(parts),
                            f"printed 合计 of {metric} against the sum of its {len(parts)} rows", total["source_page"]))
    return checks


def row_subtotals(records: Records) -> list[Check]:
    checks = []
    for dataset, (total, parts) in ROW_TOTALS.items():
        for row in records.get(dataset, []):
            checks.append(Check("row_subtotal", dataset, row.get("institution") or "", total, row.get(total),
                                _sum(row.get(p) for p in parts), f"printed {total} against {'+'.join(parts)}",
                                row.get("source_page")))
    referrals: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(dict)
    pages = {}
    for row in records.get("family_doctor_referrals", []):
        referrals[(row["district"], row["period"])][row["referral_type"]] = row["count"]
        pages[row["district"]] = row["source_page"]
    printed_totals = _totals(records, "total_row")
    for (district, period), counts in referrals.items():
        if "all_types" in counts:
            checks.append(_referral_check(district, period, counts, pages.get(district), ""))
    sums = {f"{t}_{p}": total["value"] for (d, m), total in printed_totals.items()
            if d == "family_doctor_referrals" for t, _, p in [m.rpartition("_")]}
    for period in ("annual", "cumulative"):
        counts = {t: sums.get(f"{t}_{period}") for t in (*REFERRAL_PARTS, "all_types")}
        if counts["all_types"] is not None:
            page = next((t["source_page"] for (d, _), t in printed_totals.items() if d == "family_doctor_referrals"), None)
            checks.append(_referral_check("合计", period, counts, page, "合计 row: "))
    return checks


def _referral_check(subject: str, period: str, counts: dict, page: int | None, prefix: str) -> Check:
    return Check("row_subtotal", "family_doctor_referrals", subject, f"all_types_{period}", counts.get("all_types"),
                 _sum(counts.get(p) for p in REFERRAL_PARTS), f"{prefix}printed 各类转诊总量 against "
                 + "+".join(REFERRAL_PARTS), page)


def prose_totals(records: Records) -> list[Check]:
    figures = {r["metric"]: r for r in records.get("hotline_12320", [])}
    total, parts = HOTLINE_TOTAL
    if total not in figures:
        return []
    return [Check("prose_total", "hotline_12320", figures[total]["label_zh"], total, figures[total]["value"],
                  _sum(figures[p]["value"] for p in parts if p in figures),
                  f"stated total against the {sum(p in figures for p in parts)} categories listed with it",
                  figures[total]["source_page"])]


def annual_within_cumulative(records: Records) -> list[Check]:
    checks = []
    for dataset, stems in PERIOD_PAIRS.items():
        for row in records.get(dataset, []):
            for stem in stems:
                checks.append(_period_check(dataset, row.get("institution") or "", stem, row.get(f"{stem}_annual"),
                                            row.get(f"{stem}_cumulative"), row.get("source_page")))
    by_key: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(dict)
    pages = {}
    for row in records.get("family_doctor_referrals", []):
        by_key[(row["district"], row["referral_type"])][row["period"]] = row["count"]
        pages[row["district"]] = row["source_page"]
    for (district, referral_type), periods in by_key.items():
        checks.append(_period_check("family_doctor_referrals", district, referral_type, periods.get("annual"),
                                    periods.get("cumulative"), pages.get(district)))
    certificates = {r["period"]: r for r in records.get("health_certificates", [])}
    if {"annual", "cumulative"} <= set(certificates):
        for column in ("employers", "individual_users", "appointment_orders", "electronic_certificates"):
            checks.append(_period_check("health_certificates", "—", column, certificates["annual"].get(column),
                                        certificates["cumulative"].get(column), certificates["annual"]["source_page"]))
    return [c for c in checks if c is not None]


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


def event_claims(records: Records) -> list[Check]:
    """Sentences of the headline events that restate a figure printed elsewhere."""
    checks = []
    notes = {t["metric"]: t for t in records.get("totals", []) if t["source"] == "note"}
    for event in records.get("events", []):
        text = f"{event['title']}。{event['body']}"
        page = event.get("source_page")
        for claim in claims():
            for m in re.finditer(claim["pattern"], text):
                printed = _claim_value(m)
                compare = claim["compare"]
                # A claim about a section this bulletin does not print cannot be checked.
                if "totals" in compare:
                    other = notes.get(compare["totals"])
                    if other is None:
                        continue
                    expected = other["value"]
                    source = f"note under the {other['dataset']} table: {other['printed']}"
                elif "rows_of" in compare:
                    if not records.get(compare["rows_of"]):
                        continue
                    expected = Decimal(len(records[compare["rows_of"]]))
                    source = f"rows of {compare['rows_of']}"
                else:
                    dataset, column = compare["column"]
                    rows = records.get(dataset, [])
                    if not rows or rows[0].get(column) is None:
                        continue
                    expected = Decimal(rows[0][column])
                    source = f"{dataset}.{column}"
                checks.append(Check(claim.get("kind", "claim"), "events", f"“{m.group(0)}”", claim["id"], printed,
                                    expected, f"event {event['number_zh']} states {m.group(0)}; {source}", page,
                                    lower_bound=claim.get("kind") == "lower_bound"))
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
    """A figure one section prints that another prints too."""
    checks = []
    notes = {(t["dataset"], t["metric"]): t for t in records.get("totals", []) if t["source"] == "note"}
    in_service = notes.get(("internet_hospitals", "internet_hospitals_in_service"))
    if in_service and records.get("internet_hospitals"):
        checks.append(Check("claim", "internet_hospitals", f"“{in_service['printed']}”", "internet_hospitals_in_service",
                            in_service["value"], Decimal(len(records["internet_hospitals"])),
                            "note: hospitals in service against the rows of the table", in_service["source_page"]))
    quick = _totals(records, "total_row").get(("appointments_12320", "quick_booking"))
    for row in records.get("online_booking_channels", []):
        if "快速预约" in squash(row["channel"]) and quick:
            checks.append(Check("claim", "online_booking_channels", f"“{row['channel']} {row['bookings']}”",
                                "bookings", row["bookings"], quick["value"],
                                "the quick-booking channel against the 12320 table's 快速预约 合计", row["source_page"]))
    return checks


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
