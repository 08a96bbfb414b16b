"""How a bulletin sets its titles: one draw per bulletin, shared by every producer.

Issue 9: real bulletins of other years set headings that are neither bold nor larger — 公文 style
(headings in a 黑体-like face *regular* at the body's size, 16 pt, body in a 宋/仿宋-like face),
table captions smaller than the body in the body's own face, bold faked by stroking the glyphs
(text render mode 2, the font name says nothing), headings at 1.05× the body. A producer passes
the fonts it can use; the draw names fonts by the producer's own keys.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass

SANS = {"wqy-zenhei", "wqy-zenhei-mono", "noto-sans"}
"""黑体-like faces among the producers' font keys."""


@dataclass(frozen=True)
class Role:
    """How one kind of title is set."""

    size: float
    font: str  # a producer font key
    weight: str  # regular | bold (bold property / bold face) | stroke (fake bold: render mode 2)
    align: str  # centre | left | indent (two characters, like a paragraph's first line)


@dataclass(frozen=True)
class Typography:
    kind: str  # classic | gongwen | mixed
    body: float
    lead: float  # body line pitch
    heading: Role  # events, 统计数据 and prose sections
    caption: Role  # titles of sections that are a table
    masthead: float  # masthead size
    colophon: float  # the colophon's first line

    def role(self, table_section: bool) -> Role:
        return self.caption if table_section else self.heading

    def as_dict(self) -> dict:
        return asdict(self)


def draw(rng: random.Random, body_font: str, fonts: list[str], body: float, lead: float, heading: float,
         weights: tuple[str, ...] = ("regular", "stroke")) -> Typography:
    """One bulletin's typography. `body`, `lead` and `heading` are what the producer drew before
    (the 'classic' kind keeps them); `weights` the ways this producer can make a title heavier."""
    kind = rng.choices(["classic", "gongwen", "mixed"], weights=[2, 3, 5])[0]
    others = [f for f in fonts if f != body_font]
    sans = [f for f in fonts if f in SANS]
    if kind == "classic":
        role = Role(heading, body_font, "regular", "centre")
        return Typography(kind, body, lead, role, role, masthead=body, colophon=heading)
    if kind == "gongwen":
        body, lead = 16.0, round(rng.uniform(27.0, 30.0), 1)
        # 黑体 where there is one (maybe the body's own face), else another face or the same
        face = rng.choice(sans) if sans else (rng.choice(others) if others else body_font)
        head = Role(16.0, face, "regular", rng.choice(["centre", "indent", "left"]))
        caption = Role(rng.choice([14.0, 14.0, 15.0, 16.0]), rng.choice([body_font, body_font, face]), "regular",
                       "centre")
        return Typography(kind, body, lead, head, caption, masthead=rng.choice([16.0, 18.0, 22.0]),
                          colophon=rng.choice([16.0, 22.0]))

    def role(lo: float, hi: float) -> Role:
        size = round(body * rng.choice([lo, hi, rng.uniform(lo, hi), 1.0, 1.05]) * 2) / 2
        face = body_font if rng.random() < 0.5 or not others else rng.choice(others)
        return Role(size, face, rng.choice(weights), rng.choices(["centre", "left", "indent"], weights=[6, 2, 2])[0])

    head = role(0.85, 1.4)
    caption = head if rng.random() < 0.5 else Role(round(body * rng.uniform(0.8, 0.95) * 2) / 2, body_font,
                                                   "regular", "centre")
    masthead = body if rng.random() < 0.5 else round(body * rng.uniform(1.1, 1.6) * 2) / 2
    return Typography(kind, body, lead, head, caption, masthead=masthead, colophon=max(head.size, body))
