"""12320 预约挂号服务统计: per institution, bookings by way (12320 online, 快速预约, 诊间, third
party) and their 小计, a 合计 row, and a note with the all-time total ('总预约挂号量为 N 次')."""

from __future__ import annotations

import random

from ..content import Column, Section
from .context import Context
from .datasets import figure
from .figures import logu
from .names import pick_institutions
from .tables import order_rows, seq_table
from .totals import total_record

NAME = "appointments_12320"


def build(ctx: Context) -> Section:
    rng = ctx.rng
    n = rng.randint(3, 45)
    names = pick_institutions(rng, n, ctx.table_names)
    items = [_institution(rng, name) for name in names]
    if ctx.edition is not None:  # one edition of a series (editions.py): the model's institutions and figures
        items = ctx.edition.rows(ctx, NAME, names, items)
    items = order_rows(rng, items, "subtotal")
    ctx.facts["quick_booking_total"] = sum(i["quick_booking"] for i in items)
    cols = [Column(("序号",), "seq", "seq"),
            Column((rng.choices(["单位", "医疗机构", "单位名称"], weights=[8, 1, 1])[0],), "name", "institution"),
            figure(NAME, (rng.choice(["12320 在线预约", "12320在线预约"]),), "online_12320"),
            figure(NAME, ("快速预约",), "quick_booking"), figure(NAME, ("诊间预约",), "in_clinic"),
            figure(NAME, ("第三方",), "third_party"), figure(NAME, ("小计",), "subtotal")]
    sec = seq_table(ctx, NAME, f"{ctx.title_year()}{ctx.p.sp('12320')}预约挂号服务统计".replace("  ", " "),
                    cols, items, notes=[])
    _all_time_note(ctx, sec, sum(i["subtotal"] for i in items))
    return sec


def _institution(rng: random.Random, name: str) -> dict:
    """One institution's bookings: mostly online, some 快速预约, rarely 诊间, a third party now and then."""
    scale = logu(rng, 2, 200000)
    online = scale
    quick = int(scale * rng.uniform(0, 0.2)) if rng.random() < 0.8 else 0
    clinic = int(scale * rng.uniform(0, 2)) if rng.random() < 0.12 else 0
    third = int(scale * rng.uniform(0, 3)) if rng.random() < 0.6 else 0
    if rng.random() < 0.04:
        third = int(scale * rng.uniform(10, 40))
    return {"_name": name, "online_12320": online, "quick_booking": quick, "in_clinic": clinic,
            "third_party": third, "subtotal": online + quick + clinic + third}


def _all_time_note(ctx: Context, sec: Section, year_total: int) -> None:
    """'（截止 2027 年底，总预约挂号量为 N 次）' under the table, and its figure in the totals."""
    rng = ctx.rng
    alltime = year_total * rng.randint(5, 14) + rng.randint(0, 99999)
    if ctx.edition is not None:  # one edition of a series (editions.py): the last edition's, and this year's
        alltime = ctx.edition.all_time(NAME, year_total, alltime)
    fig = ctx.p.fig(str(alltime), "次")
    y = ctx.printed_year()
    sec.notes = [rng.choice([f"（截止 {y}底，总预约挂号量为 {fig}）", f"（截止{y}底，总预约挂号量为{fig}）",
                             f"（截至{ctx.p.sp(y)}底，总预约挂号量为{fig}）"]).replace("  ", " ")]
    sec.rows["totals"].append(total_record(NAME, "appointments_all_time", alltime, fig, "次", "note"))
