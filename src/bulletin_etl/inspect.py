"""Pictures of what the layout layer saw: page images with the detected headings, tables,
header cells and rows outlined, so a user whose new bulletin misbehaves can see why."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from .layout import document
from .layout.lines import TextLine
from .layout.sections import cut
from .layout.settings import LayoutSettings
from .layout.tables import Grid, header_row_count
from .pipeline import recognise
from .sections import TITLE_PATTERNS
from .sections.base import Context

RECOGNISED = (0, 160, 0)  # a heading that starts a known section
UNRECOGNISED = (220, 0, 0)  # a heading no section claims
TABLE = (0, 90, 255)
HEADER = (255, 150, 0)
ROW = (0, 170, 120)
TOTAL_ROW = (150, 0, 200)
TEXT = (170, 170, 170)

LEGEND = {
    "recognised section heading": RECOGNISED, "unrecognised heading": UNRECOGNISED, "table": TABLE,
    "header cell": HEADER, "data row": ROW, "合计 row": TOTAL_ROW, "text line": TEXT,
}


def _rgba(rgb: tuple[int, int, int], alpha: int) -> tuple[int, int, int, int]:
    return (*rgb, alpha)


def inspect(pdf: str | Path, out_dir: str | Path, pages: list[int] | None = None, resolution: int = 100,
            settings: LayoutSettings | None = None) -> list[Path]:
    """Write one annotated PNG per page (all pages, or those listed, 1-based), laid out with the
    given settings (None: the defaults)."""
    doc = document.load(pdf, settings)
    ctx = Context(file=doc.path, year=0)
    pieces = cut(doc, TITLE_PATTERNS)
    recognised = {id(piece.heading) for _, piece in recognise(pieces[1:], ctx)}
    headings: dict[int, list[TextLine]] = {}
    for piece in pieces[1:]:
        headings.setdefault(piece.heading.page, []).append(piece.heading)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with pdfplumber.open(doc.path) as source:
        wanted = pages or list(range(1, doc.n_pages + 1))
        for number in wanted:
            if not 1 <= number <= doc.n_pages:
                continue
            image = source.pages[number - 1].to_image(resolution=resolution)
            blocks = [b for b in doc.blocks if b.page == number]
            for block in blocks:
                if isinstance(block, TextLine):
                    image.draw_rect((block.x0, block.top, block.x1, block.bottom), fill=None,
                                    stroke=TEXT, stroke_width=1)
                else:
                    _draw_grid(image, block)
            for heading in headings.get(number, []):
                colour = RECOGNISED if id(heading) in recognised else UNRECOGNISED
                image.draw_rect((heading.x0 - 2, heading.top - 2, heading.x1 + 2, heading.bottom + 2),
                                fill=_rgba(colour, 40), stroke=colour, stroke_width=3)
            target = out / f"{doc.path.stem}-page-{number:02d}.png"
            image.save(target)
            written.append(target)
    return written


def _draw_grid(image, grid: Grid) -> None:
    n_header = header_row_count(grid)
    image.draw_rect(grid.bbox, fill=None, stroke=TABLE, stroke_width=3)
    seen: set[int] = set()
    for r, row in enumerate(grid.slots):
        for cell in row:
            if cell is None or id(cell) in seen:
                continue
            seen.add(id(cell))
            if r < n_header:
                image.draw_rect(cell.bbox, fill=_rgba(HEADER, 60), stroke=HEADER, stroke_width=1)
    for r in range(n_header, len(grid.slots)):
        top, bottom = grid.row_bounds[r]
        label = next((t for t in grid.row(r) if t.strip()), "")
        colour = TOTAL_ROW if label.startswith(("合计", "总计")) else ROW
        image.draw_rect((grid.bbox[0] + 1, top + 1, grid.bbox[2] - 1, bottom - 1), fill=None, stroke=colour, stroke_width=1)
