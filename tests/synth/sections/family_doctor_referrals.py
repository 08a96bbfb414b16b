"""家庭医生分级诊疗系统转诊数据统计: per district, referrals by type (门诊, 检验检查, 床位) and
their printed total (各类转诊总量), each for the year and to date, and a 合计 row. The truth is long:
one row per district, referral type and period, the types and periods as the schema allows them.
Now and then a district's printed total is off by one, kept as printed."""

from __future__ import annotations

import random

from ..content import BodyRow, Column, PrintedTable, Section
from .context import Context
from .datasets import allowed, figure
from .figures import logu
from .names import DISTRICTS
from .tables import insert_extra
from .totals import total_label_row, total_record

NAME = "family_doctor_referrals"

TYPES = allowed(NAME, "referral_type")
PERIODS = allowed(NAME, "period")
ALL_TYPES = "all_types"
"""The referral type of the printed total over the others."""
BY_TYPE = [t for t in TYPES if t != ALL_TYPES]
LABELS = {"outpatient": "门诊转诊", "lab_exam": "检验检查转诊", "inpatient_bed": "床位转诊", ALL_TYPES: "各类转诊总量"}


def build(ctx: Context) -> Section:
    rng = ctx.rng
    districts = _districts(rng)
    cols = [Column((rng.choice(["行政区划", "行政区划", "辖区"]),), "label", "district")]
    for key in TYPES:
        cols.append(figure(NAME, (LABELS[key], f"{ctx.printed_year()}总量"), f"{key}_annual"))
        cols.append(figure(NAME, (LABELS[key], "累计总量"), f"{key}_cumulative"))
    rows, truth, wide = [], [], []
    off_by = 0
    for d in districts:
        rec, delta = _district(ctx, d)
        if ctx.edition is not None:  # one edition of a series (editions.py): to date, the last edition's and this year's
            rec, delta = ctx.edition.district(ctx, NAME, d, rec), 0
        off_by += delta
        wide.append(rec)
        long = [{"district": d, "referral_type": key, "period": period, "count": rec[f"{key}_{period}"]}
                for key in TYPES for period in PERIODS]
        rows.append(BodyRow([d] + [str(rec[c.field]) for c in cols[1:]], feeds=long))
        truth += long
    figures, totals = _totals(cols, wide)
    if off_by:  # the 合计 row adds the printed totals, which no longer add up by type
        ctx.mismatches.add(("row_subtotal", NAME, "合计", "all_types_annual"))
    table = PrintedTable(cols, rows + [total_label_row(rng, len(cols), figures, (0,))])
    insert_extra(rng, table, NAME, ctx.warnings, at_end=True)
    return Section(NAME, f"{ctx.title_year()}南京市家庭医生分级诊疗系统转诊数据统计", table=table,
                   rows={NAME: truth, "totals": totals})


def _districts(rng: random.Random) -> list[str]:
    """Every district in the usual order; some bulletins leave some out or list them otherwise."""
    districts = list(DISTRICTS)
    if rng.random() < 0.3:
        districts = [d for d in districts if rng.random() < 0.75] or districts[:3]
    if rng.random() < 0.25:
        rng.shuffle(districts)
    return districts


def _district(ctx: Context, district: str) -> tuple[dict, int]:
    """One district's figures, wide ('outpatient_annual' …), and how far its printed annual total
    is off the sum of its types (kept as printed, a contradiction the checks must find)."""
    rng = ctx.rng
    rec = {}
    for key in BY_TYPE:
        a = logu(rng, 1, 400) - 1 if rng.random() < 0.85 else 0
        c = a + logu(rng, 1, 900) - 1
        rec[f"{key}_annual"], rec[f"{key}_cumulative"] = a, c
    for period in PERIODS:
        rec[f"{ALL_TYPES}_{period}"] = sum(rec[f"{k}_{period}"] for k in BY_TYPE)
    delta = 0
    if rng.random() < 0.04:  # a printed row total that is off by one, kept as printed
        delta = rng.choice([-1, 1]) if rec["all_types_annual"] > 0 else 1
        rec["all_types_annual"] += delta
        ctx.mismatches.add(("row_subtotal", NAME, district, "all_types_annual"))
    return rec, delta


def _totals(cols: list[Column], wide: list[dict]) -> tuple[dict[int, str], list[dict]]:
    """The 合计 row's figures (by column) and their truth records."""
    figures, totals = {}, []
    for j, col in enumerate(cols[1:], 1):
        s = sum(r[col.field] for r in wide)
        figures[j] = str(s)
        totals.append(total_record(NAME, col.field, s, str(s)))
    return figures, totals
