"""Figures printed in prose: '累计采集有效数据190.49亿条' → 19049000000 条, as printed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..text import expand_units

UNITS = "人次|条|份|次|家|个|例|件|通|位|台|项|元"
FIGURE = re.compile(
    # \d reads full-width digits too ('３７２万份'); '．' is the full-width decimal point
    rf"(?P<number>\d+(?:[.．]\d+)?)\s*(?P<approx>余)?\s*(?P<multiplier>[万亿])?\s*(?P<unit>{UNITS})"
)
CLAUSE_BREAK = re.compile(r"[，。；;！？]")


@dataclass
class Figure:
    clause: str
    before: str  # the clause's text between the previous figure (or clause start) and this one
    after: str  # … and between this figure and the next one (or clause end)
    value: Decimal
    unit: str
    printed: str
    approximate: bool


def clauses(text: str) -> list[str]:
    return [c.strip(" （）()") for c in CLAUSE_BREAK.split(text) if c.strip(" （）()")]


def figures(text: str) -> list[Figure]:
    """Every number followed by a counting unit, clause by clause (dates such as '2024 年 10 月'
    are not figures: 年 and 月 are not counting units)."""
    out = []
    for clause in clauses(text):
        found = list(FIGURE.finditer(clause))
        for i, m in enumerate(found):
            start = found[i - 1].end() if i else 0
            end = found[i + 1].start() if i + 1 < len(found) else len(clause)
            out.append(
                Figure(
                    clause=clause,
                    before=clause[start:m.start()].strip(" 、"),
                    # only up to the next list separator: '…19796 个、电话预约' is not about 19796
                    after=clause[m.end():end].split("、")[0].strip(),
                    value=expand_units(m["number"], m["multiplier"]),
                    unit=m["unit"],
                    printed=m.group(0),
                    approximate=m["approx"] is not None,
                )
            )
    return out


def label_of(figure: Figure, labels: dict[str, re.Pattern]) -> tuple[str, re.Match] | None:
    """The first label pattern found before the figure ('其中咨询类 79605 个'), else after it
    ('其中 26 家已接入市互联网医院服务门户')."""
    for text in (figure.before, figure.after):
        for metric, pattern in labels.items():
            if m := pattern.search(text):
                return metric, m
    return None
