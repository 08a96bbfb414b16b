"""远程医疗数据: one paragraph per remote-medicine system (会诊, 临检, 心电, 影像) — institutions
connected, those new this year (named), reports and specimens in 万, consultations exact or '余';
a truth row per system, its columns as the schema lists them, empty where the text says nothing."""

from __future__ import annotations

from decimal import Decimal

from ..content import Section
from .context import Context
from .datasets import columns
from .figures import fmt_dec, logu
from .names import DISTRICTS

NAME = "remote_medicine"

REMOTE_NEW = ["南京鼓楼医院集团仪征医院", "淮安市第一人民医院", "淮安市肿瘤医院", "建邺区海峡城社区卫生服务中心",
              "南京医科大学附属逸夫医院", "南京市红十字医院", "南京市享悦医院", "句容市人民医院", "马鞍山市中心医院",
              "滁州市第一人民医院", "扬州市江都人民医院", "宿迁市第一人民医院", "镇江市第三人民医院",
              "南京市六合区竹镇中心卫生院", "南京市溧水区东屏街道社区卫生服务中心", "南京江北医院",
              "江宁区秣陵街道社区卫生服务中心", "盱眙县人民医院", "南京市浦口区第三人民医院", "金湖县人民医院"]


def build(ctx: Context) -> Section:
    w = _Writer(ctx)
    systems = [w.consultation(), w.lab(), w.ecg(), w.imaging()]
    paragraphs = [text.replace("  ", " ") for text, _ in systems]
    return Section(NAME, f"{ctx.title_year()}南京市远程医疗数据", paragraphs=paragraphs,
                   rows={NAME: [row for _, row in systems]})


def _blank(system: str, connected: int) -> dict:
    """A system's truth row with nothing said yet but its name and institutions connected."""
    row: dict[str, object] = {name: None for name in columns(NAME) if name != "year"}
    row.update(system=system, institutions_connected=connected)
    return row


class _Writer:
    """The four systems' paragraphs and rows, drawn in print order; the new institutions come from
    one pool, each named once."""

    def __init__(self, ctx: Context):
        self.ctx, self.rng, self.p = ctx, ctx.rng, ctx.p
        self.pool = list(REMOTE_NEW)
        self.rng.shuffle(self.pool)

    def consultation(self) -> tuple[str, dict]:
        row = _blank("南京市远程医学会诊系统", self.rng.randint(30, 120))
        new = self.new_clause(row)
        text = (f"南京市远程医学会诊系统累计接入{self.p.sp(str(row['institutions_connected']))}家医疗机构"
                + (f"，{new}。" if new else "。"))
        text += self.consult(row, self.rng.choice(["次", "例"]))
        return text, row

    def lab(self) -> tuple[str, dict]:
        rng, p = self.rng, self.p
        row = _blank("南京市远程临检诊断系统", rng.randint(80, 250))
        new = self.new_clause(row)
        rep, rep_v = self.wan(50, 900)
        spe, spe_v = self.wan(3, 60)
        row["reports_annual"], row["specimens_annual"] = rep_v, spe_v
        text = (f"南京市远程临检诊断系统累计接入{p.sp(str(row['institutions_connected']))}家医疗机构"
                + (f"，{new}。" if new else "。"))
        text += (f"{self.ctx.printed_year()}共采集检验报告{p.sp(rep).rstrip()}万份，"
                 f"通过平台流转标本{p.sp(spe).rstrip()}万份。").replace("  ", " ")
        if rng.random() < 0.4:
            ds = rng.sample(DISTRICTS, rng.randint(1, 4))
            text += (f"（{'、'.join(ds)}区域临床检验检查系统升级于{p.sp(self.ctx.printed_year())}{rng.randint(1, 12)} 月"
                     "恢复数据采集）")
        return text, row

    def ecg(self) -> tuple[str, dict]:
        row = _blank("南京市远程心电诊断监测系统", self.rng.randint(80, 250))
        dom = self.rng.random() < 0.5
        text = f"南京市远程心电诊断监测系统接入{self.p.sp(str(row['institutions_connected']))}家医疗机构"
        text += "，并完成了系统的国产化替代。" if dom else "。"
        row["domestic_replacement_completed"] = True if dom else None
        new = self.new_clause(row)
        text += f"{new}。" if new else ""
        rep, rep_v = self.wan(5, 120)
        row["reports_annual"] = rep_v
        text += f"{self.ctx.printed_year()}共采集心电病例报告{self.p.sp(rep).rstrip()}万份，" + self.consult(row, "例")
        return text, row

    def imaging(self) -> tuple[str, dict]:
        row = _blank("南京市远程影像诊断系统", self.rng.randint(80, 250))
        dom = self.rng.random() < 0.5
        text = f"南京市远程影像诊断系统接入{self.p.sp(str(row['institutions_connected']))}家医疗机构"
        text += "并完成了系统的国产化替代。" if dom else "。"
        row["domestic_replacement_completed"] = True if dom else None
        new = self.new_clause(row)
        text += f"{new}。" if new else ""
        text += self.consult(row, "例")
        return text, row

    def new_clause(self, row: dict) -> str:
        """The institutions newly connected this year, named ('' when none)."""
        k = self.rng.choices([0, 1, 2, 3, 4], weights=[1, 4, 3, 2, 1])[0]
        if k == 0:
            return ""
        names = [self.pool.pop() for _ in range(k)]
        row["new_institutions"] = "、".join(names)
        row["new_institutions_count"] = k
        if k == 1:
            return f"{self.ctx.printed_year()}新增接入机构为{names[0]}"
        return f"{self.ctx.printed_year()}新增接入机构{self.p.sp(str(k))}家，分别是{'、'.join(names)}"

    def wan(self, lo: int, hi: int) -> tuple[str, int]:
        """A figure in 万 as printed ('372' or '37.2') and its value, the unit expanded."""
        if self.rng.random() < 0.3:
            d = Decimal(self.rng.randint(lo * 10, hi * 10)) / 10
        else:
            d = Decimal(self.rng.randint(lo, hi))
        return fmt_dec(d), int(d * 10000)

    def consult(self, row: dict, unit: str) -> str:
        """Annual and/or cumulative consultations, exact or '余'."""
        rng, p = self.rng, self.p
        shape = rng.choices(["cum", "ann", "both"], weights=[4, 3, 2])[0]
        out = []
        if shape in ("ann", "both"):
            approx = rng.random() < 0.4
            a = rng.randint(1, 30) * 100 if approx else logu(rng, 10, 20000)
            row["consultations_annual"] = a
            row["consultations_annual_is_approximate"] = approx
            label = rng.choice(["开展会诊", "全年开展会诊", "通过平台开展各类会诊"])
            out.append(label + p.fig(str(a), ("余" if approx else "") + unit))
        if shape in ("cum", "both"):
            c = (row["consultations_annual"] or 0) + logu(rng, 20, 50000)
            row["consultations_cumulative"] = c
            out.append(rng.choice(["累计开展会诊", "累计通过平台开展各类会诊"]) + p.fig(str(c), unit))
        return "，".join(out) + "。"
