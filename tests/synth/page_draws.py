"""The draws of the families that shape a whole bulletin's pages, as the HTML and Typst producers
take them: typography, furniture, landscape, masthead and wraps, each from its own stream."""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import furniture, typography
from .content import Bulletin
from .draws import forced, stream


@dataclass
class Metrics:
    """Sizes and rules of a page printed from markup (HTML, Typst): points, margins in cm."""

    body: float
    lead: float  # body line pitch
    table_size: float
    note: float
    margins: list[float]  # top right bottom left, cm
    latin: str | None  # a Latin face for figures and words, or the CJK face's own
    outer: bool  # no_inner_verticals tables drawn with their outer verticals
    line: float  # rule width
    heavy: float  # a 三线表's top and bottom rule width


def metrics(rng: random.Random) -> Metrics:
    """The page's sizes and rules, drawn in this order from the producer's own stream."""
    body = rng.choice([11.0, 12.0, 12.0, 13.0, 14.0])
    return Metrics(body=body, lead=round(body * rng.uniform(1.45, 1.85), 1),
                   table_size=rng.choice([8.5, 9.0, 9.5, 10.0, 10.5]), note=rng.choice([9.0, 9.5, 10.0, 10.5]),
                   margins=[round(rng.uniform(1.9, 3.0), 2) for _ in range(4)],
                   latin=rng.choice([None, None, "Liberation Serif", "DejaVu Sans"]), outer=rng.random() < 0.5,
                   line=rng.choice([0.5, 0.6, 0.75]), heavy=rng.choice([1.0, 1.25, 1.5]))


@dataclass
class PageDraws:
    typo: typography.Typography
    furniture: furniture.Furniture
    wide_from: int | None  # tables this wide go on landscape pages (landscape family)
    mast: furniture.Masthead | None
    boxes: furniture.MastBoxes | None  # the masthead's two boxes wrapped, or far apart (masthead family)
    wraps: random.Random | None  # the wraps family's stream, for the producer's own wraps draws
    tails: bool  # a title's bracketed tail wrapped alone onto the next line


def draw(b: Bulletin, seed: int, font: str, fonts: list[str], body: float, lead: float, heading: float,
         weights: tuple[str, ...]) -> PageDraws:
    """The page families' draws for one bulletin; a family switched off gives what the producer
    drew before the families existed (the body size and line pitch given, a centred title)."""
    if "typography" in b.draws:
        typo = typography.draw(stream("typography", seed), font, fonts, body, lead, heading, weights=weights)
    else:
        role = typography.Role(heading, font, "regular", "centre")
        typo = typography.Typography("legacy", body, lead, role, role, body, heading)
    wraps = stream("wraps", seed) if "wraps" in b.draws else None
    return PageDraws(
        typo=typo,
        furniture=furniture.draw(stream("furniture", seed), b.year, b.issuer) if "furniture" in b.draws else furniture.LEGACY,
        wide_from=_wide_from(b, seed),
        mast=furniture.masthead(stream("masthead", seed), b.year) if "masthead" in b.draws else None,
        boxes=furniture.mast_boxes(stream("masthead-boxes", seed), forced("masthead")) if "masthead" in b.draws else None,
        wraps=wraps,
        tails=wraps is not None and wraps.random() < 0.6,
    )


def _wide_from(b: Bulletin, seed: int) -> int | None:
    return wide_tables_from(b.draws, seed)


def wide_tables_from(draws: frozenset[str], seed: int) -> int | None:
    """Tables this wide go on landscape pages (landscape family); with the landscape_captions
    family, every table of four columns or more (its own stream)."""
    wide_from = furniture.landscape(stream("landscape", seed)) if "landscape" in draws else None
    if "landscape_captions" not in draws:
        return wide_from
    return furniture.landscape_captions(stream("landscape_captions", seed), wide_from, forced("landscape_captions"))
