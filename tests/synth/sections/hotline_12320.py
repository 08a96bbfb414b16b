"""12320 卫生热线数据统计: one paragraph of figures — calls received (the sum of six kinds of call,
each with its counting word 个 or 通) and three kinds of work order (件)."""

from __future__ import annotations

from ..content import Section
from .context import Context
from .figures import logu

NAME = "hotline_12320"


def build(ctx: Context) -> Section:
    rng, p = ctx.rng, ctx.p
    parts = [("consultations", "咨询类", logu(rng, 20000, 150000), "个"),
             ("medical_complaints", "医疗投诉", logu(rng, 3000, 40000), "个"),
             ("phone_appointments", "电话预约", logu(rng, 40000, 300000), "个"),
             ("manual_service", "人工服务", logu(rng, 30000, 200000), "通"),
             ("psychological_crisis_intervention", "心理危机干预", logu(rng, 1000, 20000), "通"),
             ("self_service_voice_qa", "自助语音问答", logu(rng, 1000, 30000), "个")]
    total = sum(v for _, _, v, _ in parts)
    tickets = [("city_12345_tickets", "市 12345 工单", logu(rng, 5000, 80000), "件"),
               ("province_12345_tickets", "省 12345 工单", logu(rng, 3000, 40000), "件"),
               ("self_received_tickets", "自接工单", logu(rng, 3000, 40000), "件")]
    fg, lab = (lambda v, u: _figure(ctx, v, u)), (lambda text: _label(ctx, text))
    text = (f"{ctx.printed_year()}，南京{p.sp('12320')}卫生热线共受理咨询电话{fg(total, '个')}，其中"
            + "、".join(f"{label}{fg(v, u)}" for _, label, v, u in parts)
            + f"，受理{lab(tickets[0][1])}{fg(tickets[0][2], '件')}，{lab(tickets[1][1])}{fg(tickets[1][2], '件')}，"
            f"{tickets[2][1]}{fg(tickets[2][2], '件')}。")
    text = text.replace("  ", " ")
    truth = [{"metric": "calls_received", "label_zh": "共受理咨询电话", "value": total, "unit": "个"}]
    truth += [{"metric": m, "label_zh": label, "value": v, "unit": u} for m, label, v, u in parts + tickets]
    title = f"南京{p.sp('12320')}卫生热线{ctx.title_year()}数据统计".replace("  ", " ").strip()
    return Section(NAME, title, paragraphs=[text], rows={NAME: truth})


def _figure(ctx: Context, value: int, unit: str) -> str:
    """A figure and its counting word, maybe set off from the label before it by a space."""
    s = ctx.p.fig(str(value), unit)
    return f" {s}" if ctx.rng.random() < ctx.p.p_unit_space else s


def _label(ctx: Context, text: str) -> str:
    """'市 12345 工单' as typed: with its spaces or without."""
    return text if ctx.rng.random() < ctx.p.p_unit_space else text.replace(" ", "")
