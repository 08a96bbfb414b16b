"""十件大事 — the year's headline events, each a paragraph '一、<title>。<body>'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout.sections import SectionText
from ..text import chinese_numeral, join_wrapped
from .base import Context, Records

EVENT = re.compile(r"^(?P<number>[一二三四五六七八九十]+)、(?P<text>.*)$", re.S)


@dataclass(frozen=True)
class Events:
    name: str = "events"
    title: str = r"大事"
    datasets: tuple[str, ...] = ("events",)

    def extract(self, text: SectionText, ctx: Context) -> Records:
        rows: list[dict] = []
        for paragraph in text.paragraphs():
            m = EVENT.match(paragraph.text)
            if m is None:
                if rows:
                    # A paragraph break the layout saw inside an event: it continues that event.
                    rows[-1]["text"] = join_wrapped([rows[-1]["text"], paragraph.text])
                else:
                    ctx.warn(paragraph.page, f"text before the first numbered event not read: {paragraph.text[:40]!r}")
                continue
            rows.append({"number_zh": m["number"], "text": m["text"], "source_page": paragraph.page})
        out = []
        for row in rows:
            title, stop, body = row.pop("text").partition("。")
            if not stop:
                ctx.warn(row["source_page"], f"event {row['number_zh']} has no '。' ending its title")
            out.append({"number": chinese_numeral(row["number_zh"]), **row, "title": title.strip(), "body": body.strip()})
        return {"events": out}


SECTION = Events()
