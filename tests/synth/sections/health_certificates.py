"""从业人员健康证系统数据统计: two rows, the year's ('2027年') and to date ('累计'), of employers,
individual users, appointment orders and electronic certificates; no 合计."""

from __future__ import annotations

from ..content import BodyRow, Column, PrintedTable, Section
from .context import Context
from .datasets import figure
from .figures import logu
from .tables import insert_extra

NAME = "health_certificates"


def build(ctx: Context) -> Section:
    rng = ctx.rng
    cols = [Column((rng.choice(["类别", "类别", "统计期"]),), "label", "period"),
            figure(NAME, ("用人单位数",), "employers"), figure(NAME, ("个人用户数",), "individual_users"),
            figure(NAME, ("预约订单数",), "appointment_orders"),
            figure(NAME, ("电子健康证数",), "electronic_certificates")]
    ann = {"employers": logu(rng, 2000, 30000), "individual_users": logu(rng, 30000, 400000)}
    ann["appointment_orders"] = int(ann["individual_users"] * rng.uniform(3, 8))
    ann["electronic_certificates"] = int(ann["appointment_orders"] * rng.uniform(0.85, 1.0))
    cum = {k: int(v * rng.uniform(2.5, 9)) for k, v in ann.items()}
    if ctx.edition is not None:  # one edition of a series (editions.py): to date, the last edition's and this year's
        ann, cum = ctx.edition.periods(NAME, ann, cum)
    truth = [{"period": "annual", **ann}, {"period": "cumulative", **cum}]
    rows = [BodyRow([ctx.printed_year()] + [str(ann[c.field]) for c in cols[1:]], feeds=[truth[0]]),
            BodyRow(["累计"] + [str(cum[c.field]) for c in cols[1:]], feeds=[truth[1]])]
    table = PrintedTable(cols, rows)
    insert_extra(rng, table, NAME, ctx.warnings)
    return Section(NAME, f"{ctx.title_year()}南京市从业人员健康证系统数据统计", table=table, rows={NAME: truth, "totals": []})
