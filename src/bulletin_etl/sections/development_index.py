"""全国卫生健康信息化发展指数 — one sentence: the index, the peer group ranked, the city's rank
('…指数(2024)发布，南京市在直辖市、副省级城市及省会城市的…总指数中排名第五。')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout.sections import SectionText
from ..text import YEAR, chinese_numeral
from .base import Context, Records
from .titles import Title

INDEX = re.compile(rf"(?P<index>[^，,。]*?指数\s*[（(]\s*{YEAR}\s*[)）])")
# '在直辖市、副省级城市及省会城市的…总指数中排名第五' or '在全国重点城市中排名第五'
RANK = re.compile(r"在(?P<peer>[^，,。]+?)(?:的[^，,。]*?)?中?\s*(?:排名|位列|位居|居)第\s*(?P<rank>[一二三四五六七八九十\d]+)")


@dataclass(frozen=True)
class DevelopmentIndex:
    name: str = "development_index"
    title: Title = Title("发展指数", endings=("指数",))
    datasets: tuple[str, ...] = ("development_index",)
    uses_gazetteer: bool = False

    def extract(self, text: SectionText, ctx: Context) -> Records:
        rows = []
        for paragraph in text.paragraphs():
            index, rank = INDEX.search(paragraph.text), RANK.search(paragraph.text)
            if index is None or rank is None:
                ctx.warn(paragraph.page, f"sentence not recognised as an index ranking: {paragraph.text[:50]!r}", "unparsed_text")
                continue
            # '国家卫生健康委发布全国…指数(2021)': the name starts after the verb announcing it.
            name = re.sub(r"^.*?(?:发布了?|公布了?|印发了?)", "", index["index"]).strip()
            rows.append({
                "index_name": name, "peer_group": rank["peer"].strip(),
                "rank": chinese_numeral(rank["rank"]), "source_page": paragraph.page,
            })
        return {"development_index": rows}


SECTION = DevelopmentIndex()
