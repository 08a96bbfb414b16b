"""十件大事 — the year's headline events, each a paragraph '一、<title>。<body>'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout.sections import SectionText
from ..text import chinese_numeral
from .base import Context, Records
from .titles import Title

EVENT = re.compile(r"^(?P<number>[一二三四五六七八九十]+)、(?P<text>.*)$", re.S)


@dataclass(frozen=True)
class Events:
    name: str = "events"
    title: Title = Title("大事", endings=("大事",))
    datasets: tuple[str, ...] = ("events",)
    uses_gazetteer: bool = False

    def extract(self, text: SectionText, ctx: Context) -> Records:
        events, stray = text.items(EVENT)
        for paragraph in stray:
            ctx.warn(paragraph.page, f"text before the first numbered event not read: {paragraph.text[:40]!r}", "unparsed_text")
        out = []
        for paragraph in events:
            m = EVENT.match(paragraph.text)
            assert m is not None  # items() began each paragraph with it
            title, stop, body = m["text"].partition("。")
            if not stop:
                ctx.warn(paragraph.page, f"event {m['number']} has no '。' ending its title", "unparsed_text")
            out.append({"number": chinese_numeral(m["number"]), "number_zh": m["number"], "source_page": paragraph.page,
                        "title": title.strip(), "body": body.strip()})
        return {"events": out}


SECTION = Events()
