"""Page furniture: folios and running headers or footers. Never content, never a heading, never
glued onto a paragraph. Found by what they say (a folio's shapes) and by repeating at the same
place page after page (an issuer or title line over a rule, a footer line)."""

from __future__ import annotations

import re
from collections import defaultdict

from ..text import squash
from . import trace
from .blocks import Block
from .lines import TextLine
from .settings import LayoutSettings
from .tables import Grid
from .vocabulary import BARE_FOLIO, is_page_number


def _edge_lines(blocks: list[Block], settings: LayoutSettings) -> list[TextLine]:
    """The text lines at the top and at the foot of one page, above or below all its tables."""
    lines = sorted((b for b in blocks if isinstance(b, TextLine)), key=lambda ln: ln.top)
    grids = [b for b in blocks if isinstance(b, Grid)]
    top_limit = min((g.bbox[1] for g in grids), default=float("inf"))
    foot_limit = max((g.bbox[3] for g in grids), default=float("-inf"))
    edge = settings.furniture_line_count
    head = [ln for ln in lines[:edge] if ln.bottom <= top_limit]
    foot = [ln for ln in lines[-edge:] if ln.top >= foot_limit]
    return head + [ln for ln in foot if ln not in head]


def _shape(line: TextLine) -> str:
    """A running line's text with its numbers blanked: '简报 第 3 期 2025' repeats as itself."""
    return re.sub(r"\d+", "#", squash(line.text))


def furniture(blocks: list[Block], settings: LayoutSettings) -> set[int]:
    """ids of the text lines that are page furniture."""
    pages: dict[int, list[Block]] = defaultdict(list)
    for block in blocks:
        pages[block.page].append(block)
    found: set[int] = set()
    places: dict[str, list[TextLine]] = defaultdict(list)
    for page_blocks in pages.values():
        for line in _edge_lines(page_blocks, settings):
            if is_page_number(line.text) or BARE_FOLIO.match(line.text):
                found.add(id(line))
            else:
                places[_shape(line)].append(line)
    for lines in places.values():
        if len({ln.page for ln in lines}) < settings.furniture_page_count:
            continue
        # the same text at the same place on several pages (one place for headers, one for footers)
        tops = sorted(ln.top for ln in lines)
        for line in lines:
            near = sum(abs(line.top - top) <= settings.furniture_drift_pt for top in tops)
            if near >= settings.furniture_page_count:
                found.add(id(line))
    return found


def drop_furniture(blocks: list[Block], settings: LayoutSettings) -> list[Block]:
    gone = furniture(blocks, settings)
    trace.record_placed("furniture", (b for b in blocks if id(b) in gone and isinstance(b, TextLine)),
                        "running header, footer or folio")
    return [b for b in blocks if id(b) not in gone]
