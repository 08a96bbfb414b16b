"""互联网医院诊疗数据统计: per institution, four groups of figures (预约挂号, 咨询数据, 就诊数据,
在线处方), each for the year and to date, a 合计 row, and a note with three counts of institutions
('批准并准入 N 家 … 正常提供互联网服务 N 家，其中 N 家已接入市互联网医院服务门户')."""

from __future__ import annotations

import random

from ..content import Column, Section
from .context import Context
from .datasets import figure
from .figures import logu
from .names import pick_institutions
from .tables import order_rows, seq_table
from .totals import total_record

NAME = "internet_hospitals"

GROUPS = [("预约挂号", "appointments"), ("咨询数据", "consultations"), ("就诊数据", "visits"), ("在线处方", "prescriptions")]
"""The group headers and the stem of their columns (<stem>_annual, <stem>_cumulative)."""


def build(ctx: Context) -> Section:
    rng = ctx.rng
    n = rng.randint(3, 45)
    names = pick_institutions(rng, n, ctx.table_names, p_invented=0.35)
    groups = list(GROUPS)
    if rng.random() < 0.4:
        rng.shuffle(groups)
    items = [_institution(rng, name, groups) for name in names]
    if ctx.edition is not None:  # one edition of a series (editions.py): the model's institutions and figures
        items = ctx.edition.rows(ctx, NAME, names, items)
        n = len(items)
    items = order_rows(rng, items, rng.choice(["appointments_cumulative", "appointments_annual"]))
    inst_head = rng.choices(["单位", "医疗机构", "单位名称"], weights=[8, 1, 1])[0]
    cols = [Column(("序号",), "seq", "seq"), Column((inst_head,), "name", "institution")]
    for label, key in groups:
        cols.append(figure(NAME, (label, f"{ctx.printed_year()}{rng.choice(['总量', '总量', '度总量'])}"), f"{key}_annual"))
        cols.append(figure(NAME, (label, "累计总量"), f"{key}_cumulative"))
    sec = seq_table(ctx, NAME, f"{ctx.title_year()}南京市互联网医院诊疗数据统计", cols, items, notes=[])
    _licence_note(ctx, sec, n)
    return sec


def _institution(rng: random.Random, name: str, groups: list[tuple[str, str]]) -> dict:
    """One institution's figures, group by group: to date at least the year's, some zero."""
    item: dict = {"_name": name}
    base = logu(rng, 1, 300000)
    for _, key in groups:
        if rng.random() < 0.15:
            a = 0
        else:
            a = int(base * rng.uniform(0.0, 1.0))
        c = a if rng.random() < 0.15 else a + logu(rng, 1, max(2, base * 2))
        if rng.random() < 0.05:
            a, c = 0, 0
        item[f"{key}_annual"] = a
        item[f"{key}_cumulative"] = c
    return item


def _licence_note(ctx: Context, sec: Section, in_service: int) -> None:
    """The note of licensed, serving and portal-connected institutions, and its figures in the totals."""
    rng, p = ctx.rng, ctx.p
    licensed = in_service + rng.randint(0, 25)
    portal = rng.randint(max(1, in_service // 2), in_service)
    f1, f2, f3 = p.fig(str(licensed), "家"), p.fig(str(in_service), "家"), p.fig(str(portal), "家")
    sec.notes = [f"注：南京市批准并准入{p.sp(f1).rstrip()}医疗机构互联网医院牌照，正常提供互联网服务{p.sp(f2).rstrip()}，"
                 f"其中{p.sp(f3).rstrip()}已接入市互联网医院服务门户。"]
    sec.rows["totals"] += [
        total_record(NAME, "licensed_internet_hospitals", licensed, f1, "家", "note"),
        total_record(NAME, "internet_hospitals_in_service", in_service, f2, "家", "note"),
        total_record(NAME, "internet_hospitals_on_city_portal", portal, f3, "家", "note"),
    ]
