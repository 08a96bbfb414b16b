"""What each page says about itself, kept for the completeness checks: its printed page number,
how much of its text is not set horizontally, glyphs without a Unicode mapping, images."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import build_lines
from .settings import LayoutSettings
from .vocabulary import is_page_number

UNMAPPED = re.compile(r"^\(cid:\d+\)$")
"""pdfminer's text for a glyph whose font has no Unicode mapping for it."""


@dataclass(frozen=True)
class PageFacts:
    number: int  # 1-based position in the file
    glyphs: int  # characters with visible text
    turned: int  # of those, not set left to right on a horizontal baseline
    unmapped: int  # of those, '(cid:N)': no Unicode mapping
    images: int
    folio: int | None  # the printed page number ('- 3 -' → 3)
    width: float = 0.0  # the page's width in points (a landscape page is wider than the bulletin's usual pages)


def horizontal(char: dict, settings: LayoutSettings) -> bool:
    """Set left to right on a horizontal baseline: the text matrix keeps x pointing right (a
    shear for italics is fine; a page turned 90° or 180° is not)."""
    a, b, *_ = char.get("matrix") or (1, 0, 0, 1, 0, 0)
    return a > 0 and abs(b) <= settings.italic_shear_ratio * a


def page_facts(number: int, chars: list[dict], images: int, size: tuple[float, float],
               settings: LayoutSettings) -> PageFacts:
    width, height = size
    visible = [c for c in chars if c["text"].strip()]
    band_share = settings.folio_band_share
    band = [c for c in visible if c["bottom"] < height * band_share or c["top"] > height * (1 - band_share)]
    flat = [c for c in band if horizontal(c, settings)]
    folios = [ln.text for ln in build_lines(flat, number, settings) if is_page_number(ln.text)]
    folio = _number_in(folios[-1]) if folios else None
    return PageFacts(number, len(visible), sum(not horizontal(c, settings) for c in visible),
                     sum(bool(UNMAPPED.match(c["text"])) for c in visible), images, folio, width)


def _number_in(folio: str) -> int | None:
    """The page number a folio prints ('- 3 -', '第 3 页 共 11 页': the first one)."""
    digits = re.search(r"\d+", folio)
    return int(digits.group()) if digits else None
