"""Pictures of what the layout layer saw: page images with what each stage found drawn over
them, so a user whose new bulletin misbehaves can see which stage went wrong.

The bulletin is read as `extract` reads it (document.load, sections cut and recognised) with a
trace active (layout/trace.py): every shape drawn is one a stage recorded on that code path. The
plain picture outlines the headings, tables, header cells and rows; `stages=True` draws, in the
manner of pdfplumber's `debug_tablefinder`, one picture per group of stages (`GROUPS`), each
layer in its own colour with a legend under the page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from PIL import Image, ImageDraw, ImageFont

from .layout import document, trace
from .layout.sections import cut
from .layout.settings import LayoutSettings
from .layout.trace import Box, HLine, Shape, Trace
from .pipeline import recognise
from .sections import TITLE_PATTERNS
from .sections.base import Context
from .wording import count

RGB = tuple[int, int, int]

RECOGNISED = (0, 160, 0)  # a heading that starts a known section
UNRECOGNISED = (220, 0, 0)  # a heading no section claims
TABLE = (0, 90, 255)
HEADER = (255, 150, 0)
ROW = (0, 170, 120)
TOTAL_ROW = (150, 0, 200)
TEXT = (170, 170, 170)
RULE = (230, 0, 0)
REGION = (0, 160, 0)
CLOSING = (230, 0, 230)
GUTTER = (0, 200, 255)
FURNITURE = (150, 80, 20)
BACKGROUND = (120, 120, 120)

LEGEND = {
    "recognised section heading": RECOGNISED, "unrecognised heading": UNRECOGNISED, "table": TABLE,
    "header cell": HEADER, "data row": ROW, "合计 row": TOTAL_ROW, "text line": TEXT,
}


@dataclass(frozen=True)
class Style:
    """How one stage's shapes are drawn: `fill` is the fill's opacity (0: none), `grow` points
    added around a box (negative: inside it), `width` the stroke in pixels (0: none)."""

    stage: str
    name: str
    colour: RGB
    width: int = 1
    fill: int = 0
    grow: float = 0.0


HEADINGS = [
    Style("section headings", "recognised section heading", RECOGNISED, width=3, fill=40, grow=2),
    Style("unrecognised headings", "unrecognised heading", UNRECOGNISED, width=3, fill=40, grow=2),
]
TABLES = [
    Style("tables", "table", TABLE, width=3),
    Style("header cells", "header cell (rows without a figure)", HEADER, fill=60),
    Style("body rows", "body row", ROW, grow=-1),
    Style("total rows", "total row", TOTAL_ROW, grow=-1),
]
PLAIN = [Style("text lines", "text line", TEXT), *TABLES, *HEADINGS]
"""The picture without --stages, in drawing order."""

GROUPS = {
    "rules": [
        Style("backgrounds", "background fill (not a rule)", BACKGROUND, width=1, fill=35),
        Style("ruled tables", "ruled table cell (pdfplumber)", TABLE, fill=30),
        Style("rule runs", "run of rules of one extent (table candidate)", HEADER, width=2, grow=4),
        Style("regions", "region of an unruled table", REGION, width=3, fill=25),
        Style("rules", "horizontal rule", RULE, width=2),
        Style("closing rules", "closing rule (ours: the table goes on over the page)", CLOSING, width=4),
    ],
    "columns": [
        Style("gutters", "gutter (no body text crosses it)", GUTTER, fill=90),
        Style("header levels", "header cell of an unruled table", HEADER, fill=60),
        Style("columns", "column edge", TABLE, width=2),
        Style("header boundary", "header boundary", RULE, width=3),
    ],
    "rows": TABLES,
    "flow": [
        Style("text lines", "text line", TEXT),
        Style("page columns", "line read in a page column (left column, then right)", GUTTER, width=2),
        Style("furniture", "furniture dropped (running line, folio)", FURNITURE, width=2, fill=60),
        *HEADINGS,
    ],
}
"""The pictures of --stages, one per group, in the order the stages run; each group's layers in
drawing order."""


@dataclass(frozen=True)
class NotDrawn:
    """A shape a stage recorded that could not be drawn (a bug of ours: a box upside down, say)."""

    page: int
    stage: str
    picture: str  # the group of stages of the picture ('flow'), or 'page' for the plain picture
    shape: Shape
    error: Exception


OnNotDrawn = Callable[[NotDrawn], None] | None
"""Told of each shape that could not be drawn, the rest of the picture then drawn; None: the
error is raised."""


def not_drawn_lines(pdf: str | Path, problems: list[NotDrawn]) -> list[str]:
    """One line per page and stage whose shapes could not all be drawn, naming file, page, stage,
    how many shapes, the first one's error and the shape itself."""
    by_stage: dict[tuple[int, str, str], list[NotDrawn]] = {}
    for problem in problems:
        by_stage.setdefault((problem.page, problem.stage, problem.picture), []).append(problem)
    lines = []
    for (page, stage, picture), found in by_stage.items():
        first = found[0]
        lines.append(f"{pdf}: page {page}: stage {stage!r} ({picture} picture): {count(len(found), 'shape')} not drawn "
                     f"({type(first.error).__name__}: {first.error}; the first {described(first.shape)}); the rest was drawn")
    return lines


def described(shape: Shape) -> str:
    """The shape in a message, in PDF points: 'box x0 138.0, top 762.7, x1 378.7, bottom 62.9'."""
    if isinstance(shape, Box):
        return f"box x0 {shape.x0:.1f}, top {shape.top:.1f}, x1 {shape.x1:.1f}, bottom {shape.bottom:.1f}"
    if isinstance(shape, HLine):
        return f"line at y {shape.y:.1f} from x {shape.x0:.1f} to {shape.x1:.1f}"
    return f"line at x {shape.x:.1f} from y {shape.top:.1f} to {shape.bottom:.1f}"


def inspect(pdf: str | Path, out_dir: str | Path, pages: list[int] | None = None, resolution: int = 100,
            stages: bool = False, settings: LayoutSettings | None = None, not_drawn: OnNotDrawn = None) -> list[Path]:
    """Write one annotated PNG per page (all pages, or those listed, 1-based), laid out with the
    given settings (None: the defaults); with `stages`, one per group of stages per page. A shape
    that cannot be drawn is passed to `not_drawn` and left out (None: its error is raised)."""
    with trace.tracing() as found:
        doc = _read(pdf, settings)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with pdfplumber.open(doc.path) as source:
        for number in pages or range(1, doc.n_pages + 1):
            if not 1 <= number <= doc.n_pages:
                continue
            image = source.pages[number - 1].to_image(resolution=resolution)
            target = out / f"{doc.path.stem}-page-{number:02d}"
            written += (_stage_pictures(image, found, number, target, not_drawn) if stages
                        else [_picture(image, found, number, target, not_drawn)])
    return written


def _read(pdf: str | Path, settings: LayoutSettings | None) -> document.Document:
    """The bulletin read as `extract` reads it, up to its sections recognised."""
    doc = document.load(pdf, settings)
    pieces = cut(doc, TITLE_PATTERNS)
    recognise(pieces[1:], Context(file=doc.path, year=0))
    return doc


def _picture(image, found: Trace, number: int, target: Path, not_drawn: OnNotDrawn) -> Path:
    """The page with its text lines, tables, header cells, rows and headings outlined."""
    _draw_layers(image, found, number, PLAIN, _teller(not_drawn, number, "page"))
    image.save(target.with_suffix(".png"))
    return target.with_suffix(".png")


def _stage_pictures(image, found: Trace, number: int, target: Path, not_drawn: OnNotDrawn) -> list[Path]:
    """One picture of the page per group of stages, its legend under it."""
    written = []
    for k, (group, styles) in enumerate(GROUPS.items(), start=1):
        image.reset()
        _draw_layers(image, found, number, styles, _teller(not_drawn, number, group))
        path = target.with_name(f"{target.name}-{k}-{group}.png")
        _with_legend(image.annotated, f"page {number}: {group}", styles).save(path)
        written.append(path)
    return written


Failed = Callable[[Shape, Style, Exception], None]


def _teller(not_drawn: OnNotDrawn, number: int, picture: str) -> Failed | None:
    """What tells `not_drawn` of a shape of the page's picture that could not be drawn."""
    if not_drawn is None:
        return None
    return lambda shape, style, error: not_drawn(NotDrawn(number, style.stage, picture, shape, error))


def _draw_layers(image, found: Trace, number: int, styles: list[Style],
                 failed: Failed | None) -> None:
    """Each style's shapes drawn on the page; one that cannot be drawn is passed to `failed`
    (None: its error is raised)."""
    for style in styles:
        for shape in found.shapes(style.stage, number):
            try:
                _draw(image, shape, style)
            except Exception as error:  # a shape of ours PIL refuses: the rest of the picture still drawn
                if failed is None:
                    raise
                failed(shape, style, error)


def _draw(image, shape: Shape, style: Style) -> None:
    if isinstance(shape, Box):
        g = style.grow
        fill = (*style.colour, style.fill) if style.fill else None
        image.draw_rect((shape.x0 - g, shape.top - g, shape.x1 + g, shape.bottom + g), fill=fill, stroke=style.colour,
                        stroke_width=style.width)
    elif isinstance(shape, HLine):
        image.draw_line(((shape.x0, shape.y), (shape.x1, shape.y)), stroke=style.colour, stroke_width=style.width)
    else:
        image.draw_line(((shape.x, shape.top), (shape.x, shape.bottom)), stroke=style.colour, stroke_width=style.width)


LEGEND_LINE = 20
"""Pixels per line of the legend under a stage picture."""


def _with_legend(page: Image.Image, title: str, styles: list[Style]) -> Image.Image:
    """The page picture over its legend: a title, then a swatch of each layer's colour and its name."""
    font = ImageFont.load_default(size=14)
    width, height = page.size
    picture = Image.new("RGB", (width, height + LEGEND_LINE * (len(styles) + 1) + 10), "white")
    picture.paste(page, (0, 0))
    draw = ImageDraw.Draw(picture)
    draw.text((10, height + 5), title, fill="black", font=font)
    for k, style in enumerate(styles, start=1):
        y = height + 5 + k * LEGEND_LINE
        draw.rectangle((10, y + 2, 40, y + 14), fill=style.colour)
        draw.text((50, y), style.name, fill="black", font=font)
    return picture


def legend(stages: bool = False) -> list[str]:
    """What the colours mean, a line per picture kind."""
    if not stages:
        return ["outlines: " + "; ".join(f"{name} rgb{colour}" for name, colour in LEGEND.items())]
    return [f"{group}: " + "; ".join(f"{s.name} rgb{s.colour}" for s in styles) for group, styles in GROUPS.items()]
