"""线上预约情况统计: bookings per online channel, printed in two halves side by side
('序号 | 名称 | 预约数量' twice) with '合计：N' across the table. The 12320 快速预约 channel restates
the 12320 table's 快速预约 total."""

from __future__ import annotations

from ..content import BodyRow, Column, PrintedTable, Section
from .context import Context
from .datasets import figure
from .figures import logu
from .totals import total_record

NAME = "online_booking_channels"

CHANNELS = ["健康南京", "南京卫生 12320 微信", "我的南京客户端", "12320 快速预约", "江苏省预约挂号网",
            "南京卫生 12320 网", "支付宝城市服务", "微信城市服务", "江苏健康通", "南京医保小程序",
            "健康南京 APP 小程序", "南京发布城市服务"]


def build(ctx: Context) -> Section:
    rng = ctx.rng
    items = _channels(ctx)
    cols = [Column(("序号",), "seq", "seq"), Column(("名称",), "name", "channel"), figure(NAME, ("预约数量",), "bookings")]
    cols += [Column(c.header, c.kind, c.field) for c in cols]
    truth = [{"seq": k + 1, "channel": item["_name"], "bookings": item["bookings"]} for k, item in enumerate(items)]
    rows = _two_halves(items, truth)
    total = sum(i["bookings"] for i in items)
    label = rng.choice(["合计：", "合计：", "合计:", "合计： "]) + str(total)
    rows.append(BodyRow([label] + [""] * 5, "span", merge=(0, 6)))
    table = PrintedTable(cols, rows)
    pre = ["（不包含 12320 电话预约、医院诊间预约、医院自有途径预约）"] if rng.random() < 0.85 else []
    return Section(NAME, f"{ctx.title_year()}线上预约情况统计", preamble=pre, table=table,
                   rows={NAME: truth, "totals": [total_record(NAME, "bookings", total, str(total))]})


def _channels(ctx: Context) -> list[dict]:
    """Some channels and their bookings, mostly largest first."""
    rng = ctx.rng
    names = rng.sample(CHANNELS, rng.randint(3, 9))
    items: list[dict] = []
    for name in names:
        v = logu(rng, 100, 200000)
        if name == "12320 快速预约" and "quick_booking_total" in ctx.facts:
            v = ctx.facts["quick_booking_total"]
        items.append({"_name": name, "bookings": v})
    if rng.random() < 0.7:
        items.sort(key=lambda r: -r["bookings"])
    return items


def _two_halves(items: list[dict], truth: list[dict]) -> list[BodyRow]:
    """The first half of the channels on the left, the rest on the right (its last cells blank);
    each row feeds its channels' truth records."""
    n = len(items)
    half = (n + 1) // 2
    rows = []
    for i in range(half):
        cells = []
        for k in (i, i + half):
            cells += [str(k + 1), items[k]["_name"], str(items[k]["bookings"])] if k < n else ["", "", ""]
        rows.append(BodyRow(cells, feeds=[truth[k] for k in (i, i + half) if k < n]))
    return rows
