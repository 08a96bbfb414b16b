"""卫生信息平台数据采集情况（区）: the platform table (platform_collection.py), one row per district."""

from __future__ import annotations

from ..content import Section
from .context import Context
from .names import DISTRICTS
from .platform_collection import platform_table

NAME = "platform_collection_districts"


def build(ctx: Context) -> Section:
    districts = list(DISTRICTS)
    if ctx.rng.random() < 0.25:
        districts = [d for d in districts if ctx.rng.random() < 0.8] or districts[:4]
    table, truth, totals = platform_table(ctx, NAME, districts, "district", "接入单位")
    return Section(NAME, f"{ctx.title_year()}南京市卫生信息平台数据采集情况（区）", table=table,
                   rows={NAME: truth, "totals": totals})
