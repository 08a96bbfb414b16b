"""卫生信息平台数据采集情况（医院）: the platform table (platform_collection.py), one row per
hospital, and a note of five platform-wide figures in 万 and 亿 ('累计采集有效数据 190.49亿条')."""

from __future__ import annotations

from decimal import Decimal

from ..content import Section
from .context import Context
from .figures import fmt_dec
from .names import pick_institutions
from .platform_collection import platform_table
from .totals import total_record

NAME = "platform_collection_hospitals"


def build(ctx: Context) -> Section:
    rng = ctx.rng
    names = pick_institutions(rng, rng.randint(3, 45), ctx.table_names, p_invented=0.15, hospitals_only=True)
    table, truth, totals = platform_table(ctx, NAME, names, "institution", "接入单位")
    note = _note(ctx, totals)
    return Section(NAME, f"{ctx.title_year()}南京市卫生信息平台数据采集情况（医院）", table=table, notes=[note],
                   rows={NAME: truth, "totals": totals})


def _note(ctx: Context, totals: list[dict]) -> str:
    """The note's five figures, each with its unit as printed ('190.49亿条' or '190.49 亿条'), and
    their records (units expanded) added to `totals`."""
    rng, f = ctx.rng, ctx.p.fig
    recs = Decimal(rng.randint(5000, 40000)) / 100  # 亿
    mpi = rng.randint(1500, 4000)  # 万
    ehr = rng.randint(400, 1200)  # 万
    views = rng.randint(200, 3000)  # 万
    shared = Decimal(rng.randint(50, 900)) / 100  # 亿
    figs = [
        ("valid_records_collected_cumulative", "累计采集有效数据", recs, "亿", "条"),
        ("master_patient_index_records", "主索引", Decimal(mpi), "万", "条"),
        ("electronic_health_records", "建立居民电子健康档案", Decimal(ehr), "万", "份"),
        ("smart_reminder_and_record_views_cumulative", "智能提示、健康档案调阅累计使用", Decimal(views), "万", "次"),
        ("data_shared_with_primary_care", "向基层共享数据", shared, "亿", "条"),
    ]
    parts = []
    for metric, label, value, mult, unit in figs:
        text = f(fmt_dec(value), mult + unit) if rng.random() < 0.7 else f(fmt_dec(value), mult) + unit
        parts.append(f"{label}{text}")
        expanded = value * (10 ** 8 if mult == "亿" else 10 ** 4)
        totals.append(total_record(NAME, metric, expanded, text, unit, "note"))
    return "注：" + "，".join(parts) + "。"
