"""Page graphics → rules and backgrounds: which drawn shapes rule a table and which only shade it.

pdfplumber makes edges of every rectangle, line and curve on a page, filled or stroked alike. A
shaded table (a grey header band, zebra body rows, a filled 合计 row, per-cell fills, as Word's
and WPS's table styles and CSS backgrounds print) has a filled rectangle behind each cell, row or
band, and their edges would cut the table into pieces or make tables of their own. A shape only
filled, never stroked, is a background — unless it is thin: LibreOffice and Chromium draw a
border as a thin filled rectangle, and that is a rule (`rule_max_thickness_pt`, and long against
its thickness, `rule_min_aspect_ratio`). A fill in the page's own colour (white painted over part
of the page) is never a rule, however thin. A stroked shape's strokes are rules, filled or not.
As PyMuPDF's table finder decides in `make_edges` (fill-only paths are edges only when thin).

The table layer reads rules through `ruling_page` (the page without its backgrounds: its `edges`
and its `find_tables` see rules only); `backgrounds` lists the fills for `inspect --stages`."""

from __future__ import annotations

from collections.abc import Iterator

import pdfplumber

from . import trace
from .settings import LayoutSettings

SHAPES = ("rect", "curve")
"""The objects a fill can be: rectangles and closed paths (pdfplumber's lines are never filled)."""


def is_page_colour(colour: object) -> bool:
    """White in any colour space pdfplumber reports: grey (1,), RGB (1, 1, 1), CMYK (0, 0, 0, 0)."""
    if not isinstance(colour, (tuple, list)) or not colour or not all(isinstance(v, (int, float)) for v in colour):
        return False
    values = [float(v) for v in colour]
    return all(v == 0.0 for v in values) if len(values) == 4 else all(v == 1.0 for v in values)


def is_thin(obj: dict, settings: LayoutSettings) -> bool:
    """A shape no thicker than a rule and long against its thickness: a border drawn filled."""
    short, long = sorted((obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]))
    return short <= settings.rule_max_thickness_pt and long >= settings.rule_min_aspect_ratio * short


def is_fill_only(obj: dict) -> bool:
    """A rectangle or closed path painted by filling it, not by stroking its outline."""
    return obj.get("object_type") in SHAPES and bool(obj.get("fill")) and not obj.get("stroke")


def is_background(obj: dict, settings: LayoutSettings) -> bool:
    """A fill behind text, not a rule: filled only, and either wider than a rule or in the page's
    own colour (a thin white rectangle rules nothing on a white page)."""
    if not is_fill_only(obj):
        return False
    return not is_thin(obj, settings) or is_page_colour(obj.get("non_stroking_color"))


def ruling_page(page: pdfplumber.page.Page, settings: LayoutSettings) -> pdfplumber.page.Page:
    """The page as its rules draw it: every object but the backgrounds (the page itself when it
    has none, so that nothing is copied for the common unshaded page)."""
    if not any(is_background(obj, settings) for kind in SHAPES for obj in page.objects.get(kind, [])):
        return page
    return page.filter(lambda obj: not is_background(obj, settings))


def backgrounds(page: pdfplumber.page.Page, settings: LayoutSettings) -> list[dict]:
    """The page's fills that are backgrounds, in drawing order per kind."""
    return [obj for kind in SHAPES for obj in page.objects.get(kind, []) if is_background(obj, settings)]


def _background_boxes(page: pdfplumber.page.Page, settings: LayoutSettings) -> Iterator[trace.Box]:
    for obj in backgrounds(page, settings):
        yield trace.Box(obj["x0"], obj["top"], obj["x1"], obj["bottom"], "background")


def record_backgrounds(page: pdfplumber.page.Page, settings: LayoutSettings) -> None:
    """The page's backgrounds, for the rules picture of `inspect --stages`."""
    trace.record("backgrounds", _background_boxes(page, settings), page.page_number)
