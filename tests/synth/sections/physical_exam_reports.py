"""体检综合管理平台数据量统计: per institution, reports and data records in the year and to date,
a 合计 row; in some bulletins a note on when the platform went live."""

from __future__ import annotations

import random

from ..content import Column, Section
from .context import Context
from .datasets import figure
from .figures import logu
from .names import pick_institutions
from .tables import order_rows, seq_table

NAME = "physical_exam_reports"


def build(ctx: Context) -> Section:
    rng = ctx.rng
    n = rng.randint(3, 20)
    names = pick_institutions(rng, n, ctx.table_names)
    items = [_centre(rng, name) for name in names]
    if ctx.edition is not None:  # one edition of a series (editions.py): the model's institutions and figures
        items = ctx.edition.rows(ctx, NAME, names, items)
    ctx.facts["physical_exam_centres"] = len(items)
    items = order_rows(rng, items, rng.choice(["reports_annual", "reports_cumulative"]))
    inst_head = rng.choices(["单位", "医疗机构", "单位名称", "医院"], weights=[7, 1, 1, 1])[0]
    cols = [Column(("序号",), "seq", "seq"), Column((inst_head,), "name", "institution"),
            figure(NAME, (f"{ctx.printed_year()}报告数量",), "reports_annual"),
            figure(NAME, (f"{ctx.printed_year()}数据条数",), "records_annual"),
            figure(NAME, ("累计报告数量",), "reports_cumulative"),
            figure(NAME, ("累计数据条数",), "records_cumulative")]
    return seq_table(ctx, NAME, f"{ctx.title_year()}南京市体检综合管理平台数据量统计", cols, items, notes=_note(ctx))


def _centre(rng: random.Random, name: str) -> dict:
    """One centre's figures: records run to some hundred per report; to date at least the year's."""
    ra = logu(rng, 10, 120000)
    rec_a = ra * rng.randint(60, 220)
    rc = ra if rng.random() < 0.2 else int(ra * rng.uniform(1.0, 4.5))
    rec_c = rec_a if rc == ra else rec_a + int((rc - ra) * rng.uniform(80, 200))
    return {"_name": name, "reports_annual": ra, "records_annual": rec_a, "reports_cumulative": rc,
            "records_cumulative": rec_c}


def _note(ctx: Context) -> list[str]:
    if ctx.rng.random() < 0.5:
        return []
    launch = ctx.year - ctx.rng.choice([0, 0, 1, 2])
    return [f"注：南京市体检综合管理平台{ctx.p.sp(ctx.printed_year())}{ctx.rng.randint(1, 12)} 月上线，"
            f"目前体检数据已汇入居民电子健康档案供医生工作站及市民调阅。".replace(str(ctx.year), str(launch), 1)]
