"""Page graphics → rules and backgrounds: which drawn shapes rule a table and which only shade it.

pdfplumber makes edges of every rectangle, line and curve on a page, filled or stroked alike. A
shaded table (a grey header band, zebra body rows, a filled 合计 row, per-cell fills, as Word's
and WPS's table styles and CSS backgrounds print) has a filled rectangle behind each cell, row or
band, and their edges would cut the table into pieces or make tables of their own. A shape only
filled, never stroked, is a background — unless it is thin: LibreOffice and Chromium draw a
border as a thin filled rectangle, and that is a rule (`rule_max_thickness_pt`, and long against
its thickness, `rule_min_aspect_ratio`). A thin fill in the page's own colour (white painted over
part of the bare page) rules nothing — unless it is painted on a shading (`is_white_border`): a
dark table style prints its borders white, and a white border between dark cells parts them as a
black one parts white cells. A stroked shape's strokes are rules, filled or not. As PyMuPDF's
table finder decides in `make_edges` (fill-only paths are edges only when thin).

The table layer reads rules through `ruling_page` (the page without its backgrounds: its `edges`
and its `find_tables` see rules only); `backgrounds` lists the fills for `inspect --stages`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pdfplumber

from . import intervals, trace
from .settings import LayoutSettings

SHAPES = ("rect", "curve")
"""The objects a fill can be: rectangles and closed paths (pdfplumber's lines are never filled)."""


def is_page_colour(colour: object) -> bool:
    """White in any colour space pdfplumber reports: grey (1,) or a bare 1.0 (pdfminer's '1 g'), RGB
    (1, 1, 1), CMYK (0, 0, 0, 0)."""
    if isinstance(colour, (int, float)) and not isinstance(colour, bool):
        colour = (colour,)
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


def is_shading(obj: dict, settings: LayoutSettings) -> bool:
    """A fill wider than a rule in a colour other than the page's: a shaded cell, row or band, what
    a white border can be painted on."""
    return is_fill_only(obj) and not is_thin(obj, settings) and not is_page_colour(obj.get("non_stroking_color"))


def lies_on(obj: dict, fill: dict, settings: LayoutSettings) -> bool:
    """The middle of `obj` lies within `fill`'s box, give or take `white_border_slack_pt`: a border
    painted on the cell it borders, on the seam of two cells that meet under it, or along a
    table's outermost cell."""
    slack = settings.white_border_slack_pt
    x = intervals.midpoint((obj["x0"], obj["x1"]))
    y = intervals.midpoint((obj["top"], obj["bottom"]))
    return intervals.contains((fill["x0"], fill["x1"]), x, slack) \
        and intervals.contains((fill["top"], fill["bottom"]), y, slack)


def is_white_border(obj: dict, shadings_under: Iterable[dict], settings: LayoutSettings) -> bool:
    """A thin fill in the page's colour painted on (or along) one of `shadings_under` (the
    shadings drawn before it): a white border of a dark table style, parting its dark cells. The
    same fill on the bare page rules nothing."""
    colour = obj.get("non_stroking_color")
    return is_page_colour(colour) and any(is_shading(f, settings) and lies_on(obj, f, settings) for f in shadings_under)


def is_background(obj: dict, settings: LayoutSettings, shadings_under: Iterable[dict] = ()) -> bool:
    """A fill behind text, not a rule: filled only, and either wider than a rule or in the page's
    own colour (a thin white rectangle rules nothing on a white page) — but not a white border on
    one of `shadings_under` (the shadings drawn before it)."""
    if not is_fill_only(obj):
        return False
    if not is_thin(obj, settings):
        return True
    return is_page_colour(obj.get("non_stroking_color")) and not is_white_border(obj, shadings_under, settings)


def _shadings_under(page: pdfplumber.page.Page, settings: LayoutSettings) -> Callable[[str, int], Iterator[dict]]:
    """The shadings drawn before the `index`-th shape of `kind`. pdfplumber keeps each kind's
    objects in the content stream's order but no order across kinds: a shading of the other kind
    counts as drawn before."""
    shadings = {kind: [(i, obj) for i, obj in enumerate(page.objects.get(kind, [])) if is_shading(obj, settings)]
                for kind in SHAPES}

    def under(kind: str, index: int) -> Iterator[dict]:
        return (obj for other in SHAPES for i, obj in shadings[other] if other != kind or i < index)
    return under


def backgrounds(page: pdfplumber.page.Page, settings: LayoutSettings) -> list[dict]:
    """The page's fills that are backgrounds, in drawing order per kind."""
    under = _shadings_under(page, settings)
    return [obj for kind in SHAPES for i, obj in enumerate(page.objects.get(kind, []))
            if is_background(obj, settings, under(kind, i))]


def ruling_page(page: pdfplumber.page.Page, settings: LayoutSettings) -> pdfplumber.page.Page:
    """The page as its rules draw it: every object but the backgrounds (the page itself when it
    has none, so that nothing is copied for the common unshaded page)."""
    found = {id(obj) for obj in backgrounds(page, settings)}
    if not found:
        return page
    return page.filter(lambda obj: id(obj) not in found)


def _background_boxes(page: pdfplumber.page.Page, settings: LayoutSettings) -> Iterator[trace.Box]:
    for obj in backgrounds(page, settings):
        yield trace.Box(obj["x0"], obj["top"], obj["x1"], obj["bottom"], "background")


def record_backgrounds(page: pdfplumber.page.Page, settings: LayoutSettings) -> None:
    """The page's backgrounds, for the rules picture of `inspect --stages`."""
    trace.record("backgrounds", _background_boxes(page, settings), page.page_number)
