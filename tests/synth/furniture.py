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


def landscape_captions(rng: random.Random, wide_from: int | None, force: bool) -> int | None:
    """The landscape_captions family (~35% of the bulletins with landscape pages, all when forced): every table of four columns or
    more on a landscape page, so that several captions centred on landscape pages end together
    past the portrait pages' margin (weasyprint 720007: they outnumbered the prose lines ending at
    its margin, mostly set in page columns or ragged)."""
    if wide_from is None or not (force or rng.random() < 0.35):
        return wide_from
    return 4


@dataclass(frozen=True)
class Masthead:
    """Page 1 above the first heading (issue 9, 6: the masthead is found by what it says, however
    large): maybe the bulletin's name set large and centred above the '<issuer> 编印 <date>' line,
    and maybe that line set so large that its date wraps ('… 2021年1月26' / '日'). Neither is
    content: the extractor must take both as masthead, never as a section."""

    name: tuple[str, ...]  # () none; else the name's line(s), e.g. ('南京市卫生信息统计公报',)
    name_scale: float  # the name's size over the body's
    name_weight: str  # regular | bold | stroke (a producer without the weight sets it regular)
    wrap: str  # '' no wrap; else where the date breaks: 'mark' ('…26' / '日'), 'day' ('…1月' / '26日'),
    #            'month' ('…年' / '1月26日'), 'all' (the whole date on the next line)

    def date_split(self, date: str) -> tuple[str, str]:
        """The masthead date's part left on the first line and the part wrapped to the next."""
        flat = date.rstrip()
        if self.wrap == "all":
            return "", flat
        at = {"mark": len(flat) - 1, "day": flat.rindex("月") + 1, "month": flat.index("年") + 1}[self.wrap]
        return flat[:at].rstrip(), flat[at:].lstrip()

    def as_dict(self) -> dict:
        return asdict(self)


NO_MASTHEAD_DRAW = Masthead((), 1.0, "regular", "")


def masthead(rng: random.Random, year: int) -> Masthead:
    name: tuple[str, ...] = ()
    if rng.random() < 0.6:
        title = rng.choice(["卫生信息统计简报", "南京市卫生信息统计公报", "南京卫生信息统计公报", "卫生信息统计",
                            f"{year}年度南京市卫生信息统计公报", "南京市卫生信息中心统计简报"])
        name = (title,)
        if rng.random() < 0.3:  # an issue line under the name, set smaller
            name += (rng.choice([f"第 {rng.randint(1, 4)} 期", f"（{year}年度）", f"{year}年第{rng.randint(1, 4)}期"]),)
    wrap = rng.choice(["mark", "day", "month", "all"]) if rng.random() < 0.35 else ""
    return Masthead(name, round(rng.uniform(1.3, 1.8), 2), rng.choice(["regular", "bold", "stroke"]), wrap)


@dataclass(frozen=True)
class MastBoxes:
    """The masthead family's boxes draw (a stream of its own, 'masthead-boxes-<seed>'): the
    masthead's two boxes ('<issuer> 编印' left, the date right) set so large on the page's
    measure that each wraps its last characters under its first glyph ('… 编' / '印', '… 22' /
    '日'), the boxes `gap_em` apart — a gap down both lines that a page-column cut may run
    through; or (the counter-case) one line, the boxes `gap_em` apart, nothing wrapped."""

    aim: str  # 'wrap' | 'apart'
    gap_em: float  # the room between the boxes, in the masthead's ems


def mast_boxes(rng: random.Random, always: bool = False) -> MastBoxes | None:
    """~40% of bulletins (all when `always`), wrapped boxes or one line far apart alike."""
    drawn = rng.random() < 0.4  # drawn first, so that a bulletin forced draws what it draws unforced
    if not (drawn or always):
        return None
    aim = rng.choice(["wrap", "apart"])
    return MastBoxes(aim, round(rng.uniform(1.2, 3.0) if aim == "wrap" else rng.uniform(2.0, 4.0), 2))
