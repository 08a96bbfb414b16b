"""The table the two 卫生信息平台数据采集情况 sections share, per district or per hospital: scheduled
uploads, real-time upload days and forms ('11/11'), outpatient and inpatient visits and revenue
(千元, '/' where missing); some bulletins print a 合计 row."""

from __future__ import annotations

import random

from ..content import BodyRow, Column, PrintedTable
from .context import Context
from .datasets import figure
from .figures import logu, money, num, printed
from .tables import insert_extra, order_rows
from .totals import sum_column, total_label_row, total_record

SUMMED = ("scheduled_upload_records", "outpatient_visits", "outpatient_revenue_thousand_yuan", "discharges",
          "inpatient_revenue_thousand_yuan")
"""The columns a 合计 row sums (days and forms are no quantities to add)."""


def platform_table(ctx: Context, name: str, entities: list[str], entity_field: str,
                   head: str) -> tuple[PrintedTable, list[dict], list[dict]]:
    """The printed table, its truth rows and its totals' records."""
    rng = ctx.rng
    leap = ctx.year % 4 == 0 and (ctx.year % 100 != 0 or ctx.year % 400 == 0)
    forms = rng.choice([11, 11, 11, 12, 15])
    items = [_entity(rng, e, forms, 366 if leap else 365) for e in entities]
    if rng.random() < 0.75:
        items.sort(key=lambda r: -r["scheduled_upload_records"])
    else:
        items = order_rows(rng, items, "outpatient_visits")
    cols = _columns(name, head, entity_field)
    rows, truth = [], []
    for it in items:
        row, rec = _row(it, cols, entity_field)
        rows.append(row)
        truth.append(rec)
    totals: list[dict] = []
    if rng.random() < 0.3:  # the 2024 bulletin prints none; another year might
        figures = {}
        for j, col in enumerate(cols):
            if col.field in SUMMED:
                s = sum_column(items, col.field)
                figures[j] = printed(s)
                if s is not None:
                    totals.append(total_record(name, col.field, s, printed(s)))
        rows.append(total_label_row(rng, len(cols), figures, (0,)))
    table = PrintedTable(cols, rows)
    insert_extra(rng, table, name, ctx.warnings)
    return table, truth, totals


def _entity(rng: random.Random, name: str, forms: int, days_in_year: int) -> dict:
    """One district's or hospital's figures; now and then nothing uploaded, or revenue not printed."""
    sched = logu(rng, 1_000_000, 400_000_000) if rng.random() > 0.04 else 0
    days = rng.randint(0, days_in_year) if rng.random() < 0.3 else rng.randint(150, days_in_year)
    up = forms if rng.random() < 0.65 else rng.randint(0, forms)
    visits = logu(rng, 10_000, 8_000_000) if rng.random() > 0.04 else 0
    rev_o = money(visits * rng.randint(2_000, 9_000) // 100) if visits else None
    dis = logu(rng, 1_000, 250_000) if visits else 0
    rev_i = money(dis * rng.randint(80_000, 300_000) // 100) if dis else None
    if visits and rng.random() < 0.04:
        rev_o = None  # '/' printed though visits are known
    return {"_name": name, "scheduled_upload_records": sched, "realtime_upload_days": days,
            "realtime_forms_uploaded": up, "realtime_forms_total": forms, "outpatient_visits": visits,
            "outpatient_revenue_thousand_yuan": rev_o, "discharges": dis, "inpatient_revenue_thousand_yuan": rev_i}


def _columns(name: str, head: str, entity_field: str) -> list[Column]:
    return [Column((head,), "name", entity_field), figure(name, ("定时数据上传量",), "scheduled_upload_records"),
            figure(name, ("实时数据上传天数",), "realtime_upload_days"),
            figure(name, ("实时数据表单上传情况",), "realtime_forms"),
            figure(name, ("门急诊信息", "人次"), "outpatient_visits"),
            figure(name, ("门急诊信息", "收入（千元）"), "outpatient_revenue_thousand_yuan"),
            figure(name, ("出院信息", "人次"), "discharges"),
            figure(name, ("出院信息", "住院收入（千元）"), "inpatient_revenue_thousand_yuan")]


def _row(it: dict, cols: list[Column], entity_field: str) -> tuple[BodyRow, dict]:
    """One printed row and its truth record; 'a/b' forms feed two columns."""
    cells = [it["_name"]]
    rec = {entity_field: it["_name"]}
    for col in cols[1:]:
        if col.field == "realtime_forms":
            cells.append(f"{it['realtime_forms_uploaded']}/{it['realtime_forms_total']}")
            rec["realtime_forms_uploaded"] = it["realtime_forms_uploaded"]
            rec["realtime_forms_total"] = it["realtime_forms_total"]
        else:
            cells.append(printed(it[col.field]))
            rec[col.field] = num(it[col.field])
    return BodyRow(cells, feeds=[rec]), rec
