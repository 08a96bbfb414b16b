"""The totals of a synthetic bulletin: printed 合计 rows, their truth records in the `totals`
dataset (with the figures of the notes under tables), and the one 合计 a test misprints on purpose."""

from __future__ import annotations

import random
import re
from decimal import Decimal

from ..content import BodyRow, Bulletin, Column, Section
from .figures import commafy, num, printed


def total_label_row(rng: random.Random, n_cols: int, figures: dict[int, str], label_cols: tuple[int, ...]) -> BodyRow:
    """A 合计 row: the label in the first label column, or merged over the label columns."""
    cells = [""] * n_cols
    for i, v in figures.items():
        cells[i] = v
    label = rng.choice(["合计", "合计", "合计", "合  计"])
    if len(label_cols) > 1 and rng.random() < 0.6:
        cells[label_cols[0]] = label
        return BodyRow(cells, "total", merge=(label_cols[0], label_cols[-1] + 1))
    cells[rng.choice(label_cols)] = label
    return BodyRow(cells, "total")


def sum_column(rows: list[dict], key: str) -> Decimal | int | None:
    values = [r[key] for r in rows if r.get(key) is not None]
    if not values:
        return None
    return sum(values, Decimal(0)) if isinstance(values[0], Decimal) else sum(values)



def total_record(dataset: str, metric: str, value, printed_text: str, unit: str | None = None,
                 source: str = "total_row") -> dict:
    return {"dataset": dataset, "source": source, "metric": metric, "value": num(value), "unit": unit,
            "printed": printed_text}



def column_totals(dataset: str, cols: list[Column], items: list[dict]) -> tuple[dict[int, str], list[dict]]:
    """Every figure column summed: the printed figures of the 合计 row (by column) and their truth records."""
    figures, totals = {}, []
    for j, col in enumerate(cols):
        if col.kind == "num" and col.field:
            s = sum_column(items, col.field)
            figures[j] = printed(s)
            totals.append(total_record(dataset, col.field, s, printed(s)))
    return figures, totals


def plant_wrong_total(b: Bulletin, rng: random.Random) -> set[tuple[str, str, str | None, str]]:
    """Misprint one printed 合计 figure of one table (the truth keeps it as printed, as the
    extractor must) and return the contradictions the consistency checks must now report."""
    candidates = [(s, t) for s in b.sections if s.table is not None
                  for t in s.rows.get("totals", []) if t["source"] == "total_row" and isinstance(t["value"], int)]
    if not candidates:
        return set(b.expected_mismatches)
    section, record = rng.choice(candidates)
    new = _misprinted(rng, record["value"])
    shown = commafy(str(new)) if "," in record["printed"] else str(new)  # as the table prints figures
    record["value"], record["printed"] = new, shown
    _reprint(section, record["metric"], new, shown)
    return _referral_total_row_as_printed(b, set(b.expected_mismatches) | _contradictions(b, record["dataset"],
                                                                                            record["metric"]))


def _misprinted(rng: random.Random, old: int) -> int:
    """A figure off the true one by a little, never negative."""
    new = old + rng.choice([-1, 1]) * rng.randint(1, max(1, min(999, old // 10 or 1)))
    if new < 0 or new == old:
        new = old + rng.randint(1, 9)
    return new


def _reprint(section: Section, metric: str, new: int, shown: str) -> None:
    """The misprinted figure in the table's 合计 row."""
    assert section.table is not None
    total = next(r for r in section.table.rows if r.kind in ("total", "span"))
    if total.kind == "span":  # '合计：N' printed across the table
        total.cells = [re.sub(r"\d+", str(new), c) if c else c for c in total.cells]
    else:
        column = next(j for j, c in enumerate(section.table.columns) if c.field == metric)
        total.cells[column] = shown


def _contradictions(b: Bulletin, dataset: str, metric: str) -> set[tuple[str, str, str | None, str]]:
    """What the consistency checks find wrong once the 合计 of `metric` is misprinted: its column
    total, the claim that 12320 快速预约 is a channel's figure. (The referrals' 合计 row total over
    the referral types: _referral_total_row_as_printed.)"""
    found: set[tuple[str, str, str | None, str]] = {("column_total", dataset, "合计", metric)}
    if dataset == "appointments_12320" and metric == "quick_booking" and _lists_quick_booking(b):
        found.add(("claim", "online_booking_channels", None, "bookings"))
    return found


REFERRALS, REFERRAL_PARTS, PERIODS = "family_doctor_referrals", ("outpatient", "lab_exam", "inpatient_bed"), \
    ("annual", "cumulative")


def _referral_total_row_as_printed(b: Bulletin, expected: set) -> set:
    """The contradictions expected, with the referrals' 合计 row judged as it is finally printed:
    a misprinted district total moves the all-types column total, a misprinted 合计 one of its
    parts, and the two may cancel out (or either may stand alone)."""
    section = b.section(REFERRALS)
    if section is None:
        return expected
    printed = {t["metric"]: t["value"] for t in section.rows.get("totals", []) if t["source"] == "total_row"}
    kept = {m for m in expected if m[:3] != ("row_subtotal", REFERRALS, "合计")}
    return kept | {("row_subtotal", REFERRALS, "合计", f"all_types_{period}") for period in PERIODS
                   if sum(printed[f"{part}_{period}"] for part in REFERRAL_PARTS) != printed[f"all_types_{period}"]}


def _lists_quick_booking(b: Bulletin) -> bool:
    """The channels table lists 12320 快速预约, whose figure the 12320 table's 快速预约 total restates."""
    section = b.section("online_booking_channels")
    channels = section.rows.get("online_booking_channels", []) if section else []
    return any("快速预约" in r["channel"] for r in channels)
