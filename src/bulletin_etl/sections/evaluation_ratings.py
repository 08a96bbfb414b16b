"""国家三项测评成绩 — numbered paragraphs '1、<evaluation>：<names>达到<level>；<names>获得<level>。',
names separated by 、 (sometimes run together), typed and checked against the gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout.sections import SectionText
from ..names import SUSPECTED_TYPO
from .base import Context, Records
from .titles import Title

EVALUATION = re.compile(r"^\s*\d+\s*[、.．]\s*(?P<evaluation>[^：:]+)[：:](?P<body>.*)$", re.S)
LEVEL_CLAUSE = re.compile(
    r"^(?P<names>.+?)(?:达到|获得|达|评为|通过)(?P<prefix>[^、]*?)"
    r"(?P<level>[一二三四五六七八九十]+级[甲乙丙丁]?等?)(?:水平)?\s*$"
)
NUMBERED = re.compile(r"^\s*\d+\s*[、.．]")
NAME_SEPARATOR = re.compile(r"[、，,]")


@dataclass(frozen=True)
class EvaluationRatings:
    name: str = "evaluation_ratings"
    title: Title = Title("测评|评级", endings=("成绩", "结果"))
    datasets: tuple[str, ...] = ("evaluation_ratings",)
    uses_gazetteer: bool = True

    def extract(self, text: SectionText, ctx: Context) -> Records:
        rows: list[dict] = []
        lists, stray = text.items(NUMBERED)
        for paragraph in stray:
            ctx.warn(paragraph.page, f"paragraph not recognised as an evaluation list: {paragraph.text[:40]!r}",
                     "unparsed_text")
        for paragraph in lists:
            m = EVALUATION.match(paragraph.text)
            if m is None:
                ctx.warn(paragraph.page, f"paragraph not recognised as an evaluation list: {paragraph.text[:40]!r}",
                         "unparsed_text")
                continue
            for clause in re.split(r"[；;。]", m["body"]):
                clause = clause.strip()
                if not clause:
                    continue
                level = LEVEL_CLAUSE.match(clause)
                if level is None:
                    ctx.warn(paragraph.page, f"clause without a recognised level: {clause[:40]!r}", "unparsed_text")
                    continue
                rows.extend(self._names(level["names"], m["evaluation"].strip(), level["level"], paragraph.page, ctx))
        return {"evaluation_ratings": rows}

    def _names(self, names: str, evaluation: str, level: str, page: int, ctx: Context) -> list[dict]:
        out: list[dict] = []
        for item in NAME_SEPARATOR.split(names):
            split = ctx.gazetteer.split(item)
            if split.problem:
                # a typo is a fact about the source; names cut without the gazetteer are uncertain
                typo = any(name.quirk == SUSPECTED_TYPO for name in split.names) and not split.by_shape
                ctx.warn(page, f"{item.strip()!r} ({evaluation} {level}): {split.problem}",
                         "suspected_typo" if typo else "unknown_name")
            for name in split.names:
                out.append({
                    "evaluation": evaluation, "level": level, "institution": name.text,
                    "institution_type": name.kind, "list_position": len(out) + 1,
                    "source_quirk": name.quirk, "source_page": page,
                })
        return out


SECTION = EvaluationRatings()
