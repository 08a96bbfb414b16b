"""The masthead ('南京市卫生信息中心 编印' and the issue date, early in the next year), the colophon
some bulletins print at their end, and the `bulletins` dataset's row."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ..content import Bulletin
from .context import Context

ISSUER = "南京市卫生信息中心"


@dataclass
class Masthead:
    issue_date: dt.date
    line: tuple[str, str]  # ('南京市卫生信息中心 编印', '2028 年 1 月 24 日')
    colophon: list[str] | None


def build(ctx: Context) -> Masthead:
    rng = ctx.rng
    issue = dt.date(ctx.year + 1, rng.choice([1, 1, 1, 2, 2, 3]), rng.randint(2, 28))
    date_text = rng.choice([f"{issue.year} 年 {issue.month} 月 {issue.day} 日", f"{issue.year}年{issue.month}月{issue.day}日"])
    return Masthead(issue, (f"{ISSUER} 编印", date_text), _colophon(rng))


def _colophon(rng: random.Random) -> list[str] | None:
    if rng.random() >= 0.5:
        return None
    return [ISSUER, "地址：南京市紫竹林 3号", "邮编：210003", "电话：025-83626620", "传真：025-83626621",
            "E-mail：njwsxx@163.com", "网址：www.nj12320.org",
            f"责任编辑：{rng.choice(['陈颖', '王磊', '李娜', '张敏'])} 本期共印 {rng.randint(3, 8) * 100 + 10} 份"]


def truth(b: Bulletin) -> list[dict]:
    """The `bulletins` dataset's row: what the masthead says."""
    return [{"year": b.year, "issuer": b.issuer, "issue_date": b.issue_date.isoformat()}]
