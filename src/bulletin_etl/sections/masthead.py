"""The masthead before the first heading: '<issuer> 编印 2025 年 1 月 24 日'."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..layout.sections import SectionText
from ..layout.vocabulary import ISSUE_DATE
from .base import Context

ISSUER = re.compile(r"^(?P<issuer>\S+?)\s*编印")


@dataclass
class Masthead:
    issuer: str | None
    issue_date: dt.date | None
    page: int


def read_masthead(text: SectionText, ctx: Context) -> Masthead:
    issuer, date = None, None
    for line in text.lines:
        if issuer is None and (m := ISSUER.search(line.text)):
            issuer = m["issuer"]
    # the date may wrap over two lines of a masthead set large
    if m := ISSUE_DATE.search("".join(line.text for line in text.lines)):
        try:
            date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            ctx.warn(text.page, f"masthead date {m.group(0)!r} is not a calendar date", "masthead")
    if issuer is None or date is None:
        ctx.warn(text.page, "masthead (issuer 编印 date) not found before the first heading", "masthead")
    return Masthead(issuer, date, text.page)
