"""Page furniture: folios and running headers, one draw per bulletin, shared by every producer.

Issue 9 (6): a running header on every page (an issuer/title line with a rule under it) and
folios like '第 N 页  共 M 页', '- 3 -', '— 3 —', '3 / 11' must be read as furniture, never glued
onto a paragraph, never a heading. Nothing here changes the truth: furniture is not content.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

FOLIOS = {
    "dash": "- {n} -",
    "emdash": "— {n} —",
    "of_total": "第 {n} 页  共 {m} 页",
    "page": "第 {n} 页",
    "slash": "{n} / {m}",
    "plain": "{n}",
}


@dataclass(frozen=True)
class Furniture:
    folio: str  # a FOLIOS key
    folio_align: str  # centre | outside (right on odd pages, left on even ones, as 公文 do)
    folio_size: float
    header: tuple[str, ...]  # () none; (centre,) or (left, right)
    header_size: float = 9.0
    header_rule: float = 0.0  # width of the rule under the header; 0: none
    header_on_first_page: bool = True

    def folio_text(self, n: int, total: int) -> str:
        return FOLIOS[self.folio].format(n=n, m=total)

    @property
    def needs_total(self) -> bool:
        return "{m}" in FOLIOS[self.folio]

    def as_dict(self) -> dict:
        return asdict(self)


LEGACY = Furniture("dash", "centre", 10.5, ())
"""The furniture of the 2024 bulletin (and of the generator before the furniture family)."""


def draw(rng: random.Random, year: int, issuer: str) -> Furniture:
    folio = rng.choices(list(FOLIOS), weights=[3, 3, 3, 1, 3, 1])[0]
    align = "outside" if rng.random() < 0.3 else "centre"
    header: tuple[str, ...] = ()
    if rng.random() < 0.6:
        y = rng.choice([f"{year}年度", f"{year} 年度", f"{year}年"])
        header = rng.choice([(issuer, f"{y}统计数据公报"), (f"{issuer}{y}工作统计",),
                             (f"{y}南京市卫生信息统计公报",), (issuer, f"第 {rng.randint(1, 4)} 期")])
    return Furniture(folio, align, rng.choice([9.0, 10.0, 10.5, 12.0, 14.0]), header,
                     header_size=rng.choice([8.0, 9.0, 10.0, 10.5]),
                     header_rule=rng.choice([0.5, 0.75, 1.0, 1.5]) if header and rng.random() < 0.85 else 0.0,
                     header_on_first_page=rng.random() < 0.5)


def landscape(rng: random.Random) -> int | None:
    """Tables of at least this many columns go on landscape pages (None: none do)."""
    return rng.choice([8, 9, 10]) if rng.random() < 0.4 else None
