"""12320 卫生热线数据统计 — one paragraph of figures '<label> N 个/通/件'; labels → metric ids
are data in schemas/column_maps/hotline_12320.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from ..column_maps import column_map
from ..layout import notes
from ..layout.sections import SectionText
from ..text import tidy
from .base import Context, Records
from .titles import Title


@dataclass(frozen=True)
class Hotline12320:
    name: str = "hotline_12320"
    title: Title = Title("热线")
    datasets: tuple[str, ...] = ("hotline_12320",)
    uses_gazetteer: bool = False

    def extract(self, text: SectionText, ctx: Context) -> Records:
        labels = column_map(self.name).notes
        rows = []
        for paragraph in text.paragraphs():
            for figure in notes.figures(paragraph.text):
                found = notes.label_of(figure, labels)
                if found is None:
                    ctx.warn(paragraph.page, f"figure {figure.printed!r} in {figure.clause!r} has no metric id; not extracted",
                             "unknown_figure")
                    continue
                metric, match = found
                rows.append({
                    "metric": metric, "label_zh": tidy(match.group(0)), "value": int(figure.value),
                    "unit": figure.unit, "source_page": paragraph.page,
                })
        return {"hotline_12320": rows}


SECTION = Hotline12320()
