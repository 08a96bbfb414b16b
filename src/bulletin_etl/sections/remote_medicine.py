"""远程医疗数据 — one paragraph per system: '<system>累计接入 N 家医疗机构，<year>年新增接入机构
N 家，分别是…。…开展会诊 N 余例 / 累计…会诊 N 次…共采集…报告 N 万份，…流转标本 N 万份。'"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout import notes
from ..layout.sections import SectionText
from .base import Context, Records
from .titles import Title

SYSTEM = re.compile(r"^(?P<system>[^，。、（）\s]{0,8}?远程[^，。、（）\s]{1,12}?系统)")
CONNECTED = re.compile(r"接入\s*(?P<n>\d+)\s*家(?:医疗)?机构")
NEW_LISTED = re.compile(r"新增接入(?:机构)?\s*(?:(?P<n>\d+)\s*家\s*[，,]?\s*分别(?:是|为)|为|是)(?P<names>[^。]+)")
DOMESTIC = re.compile(r"完成了?\s*系统的?\s*国产化\s*替代")


@dataclass(frozen=True)
class RemoteMedicine:
    name: str = "remote_medicine"
    title: Title = Title("远程医疗")
    datasets: tuple[str, ...] = ("remote_medicine",)
    uses_gazetteer: bool = False

    def extract(self, text: SectionText, ctx: Context) -> Records:
        rows = []
        systems, stray = text.items(SYSTEM)
        for paragraph in stray:
            ctx.warn(paragraph.page, f"paragraph does not start with a system name: {paragraph.text[:40]!r}", "unparsed_text")
        for paragraph in systems:
            body, page = paragraph.text, paragraph.page
            named = SYSTEM.match(body)
            assert named is not None  # items() began each paragraph with a system's name
            system = named["system"]
            row: dict = {"system": system, "source_page": page}
            connected = CONNECTED.search(body)
            row["institutions_connected"] = int(connected["n"]) if connected else None
            new = NEW_LISTED.search(body)
            if new:
                names = [n.strip() for n in re.split(r"[、，,]", new["names"]) if n.strip()]
                row["new_institutions"] = "、".join(names)
                row["new_institutions_count"] = int(new["n"]) if new["n"] else len(names)
            if DOMESTIC.search(body):
                row["domestic_replacement_completed"] = True
            # The system's own name may hold 会诊 ('远程医学会诊系统'): read figures after it.
            for figure in notes.figures(body[len(system):]):
                self._figure(row, figure, ctx, page)
            rows.append(row)
        return {"remote_medicine": rows}

    @staticmethod
    def _figure(row: dict, figure: notes.Figure, ctx: Context, page: int) -> None:
        clause = figure.clause
        cumulative = "累计" in clause
        if CONNECTED.search(clause) or "新增接入" in clause:
            return  # read above, with the names they introduce
        if "会诊" in clause:
            if cumulative:
                row["consultations_cumulative"] = int(figure.value)
            else:
                row["consultations_annual"] = int(figure.value)
                row["consultations_annual_is_approximate"] = figure.approximate
        elif "报告" in clause and not cumulative:
            row["reports_annual"] = int(figure.value)
        elif "标本" in clause and not cumulative:
            row["specimens_annual"] = int(figure.value)
        else:
            ctx.warn(page, f"figure {figure.printed!r} in {clause!r} not recognised; not extracted", "unknown_figure")


SECTION = RemoteMedicine()
