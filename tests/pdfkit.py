"""Tiny PDF-drawing helpers for layout tests: ruled tables with merged cells, CJK text, headings.

Coordinates are given top-down (like pdfplumber reports them); the helpers convert to reportlab's
bottom-up page space. Chinese text is set in reportlab's built-in CID font STSong-Light (pdfplumber
extracts it as 'STSongStd-Light' with the right Unicode characters); pure ASCII in Helvetica;
headings in Helvetica-Bold (the layout layer detects headings by 'Bold' in the font name, and no
built-in CJK font has a bold face).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas as rl_canvas

CJK_FONT = "STSong-Light"
LATIN_FONT = "Helvetica"
BOLD_FONT = "Helvetica-Bold"
PAGE_W, PAGE_H = A4

if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


def font_for(text: str) -> str:
    return LATIN_FONT if text.isascii() else CJK_FONT


def text(c: rl_canvas.Canvas, x: float, top: float, s: str, size: float = 10.0, font: str | None = None) -> None:
    """Draw one line whose glyph box starts about `top` (baseline at top + 0.8 * size)."""
    c.setFont(font or font_for(s), size)
    c.drawString(x, PAGE_H - (top + 0.8 * size), s)


def heading(c: rl_canvas.Canvas, x: float, top: float, s: str, size: float = 12.0) -> None:
    text(c, x, top, s, size, BOLD_FONT)


@dataclass
class Cell:
    row: int
    col: int
    lines: list[str]
    rowspan: int = 1
    colspan: int = 1

    def covers(self, r: int, c: int) -> bool:
        return self.row <= r < self.row + self.rowspan and self.col <= c < self.col + self.colspan


def cell(row: int, col: int, content: str | Sequence[str], rowspan: int = 1, colspan: int = 1) -> Cell:
    lines = [content] if isinstance(content, str) else list(content)
    return Cell(row, col, lines, rowspan, colspan)


@dataclass
class Table:
    """A fully ruled table; every slot not covered by a given cell is an empty single cell."""

    left: float
    top: float
    col_widths: list[float]
    row_heights: list[float]
    cells: list[Cell] = field(default_factory=list)
    size: float = 9.0
    leading: float = 12.0
    style: str = "grid"  # grid | no_inner_verticals | rows_only (no vertical rule at all) | three_line
    align: str = "middle"  # middle | top: where a cell's lines sit vertically
    centred_rows: int = 0  # the first rows (a header) set centred across their cells, the rest from the left
    open_foot: bool = False  # no rule under the last row (Chromium's grid row ending at the page's content foot)

    @property
    def bottom(self) -> float:
        return self.top + sum(self.row_heights)

    def _owner(self, r: int, c: int) -> Cell | None:
        return next((x for x in self.cells if x.covers(r, c)), None)

    def _merged(self, r1: int, c1: int, r2: int, c2: int) -> bool:
        a, b = self._owner(r1, c1), self._owner(r2, c2)
        return a is not None and a is b

    def draw(self, c: rl_canvas.Canvas) -> None:
        xs = [self.left]
        for w in self.col_widths:
            xs.append(xs[-1] + w)
        ys = [self.top]
        for h in self.row_heights:
            ys.append(ys[-1] + h)
        n_rows, n_cols = len(self.row_heights), len(self.col_widths)
        c.setLineWidth(0.5)
        header_rows = max((cl.row + cl.rowspan for cl in self.cells if cl.rowspan > 1 or cl.colspan > 1
                           and cl.row == 0), default=1)
        # horizontal rules: boundary i lies between row i-1 and row i
        for i, y in enumerate(ys):
            for j in range(n_cols):
                if 0 < i < n_rows and self._merged(i - 1, j, i, j):
                    continue
                if self.style == "three_line" and i not in (0, n_rows) and i > header_rows:
                    continue  # 三线表: no rules between body rows
                if self.open_foot and i == n_rows:
                    continue
                c.line(xs[j], PAGE_H - y, xs[j + 1], PAGE_H - y)
        # vertical rules: boundary j lies between column j-1 and column j
        for j, x in enumerate(xs):
            if self.style in ("three_line", "rows_only") or (self.style == "no_inner_verticals" and 0 < j < n_cols):
                continue
            for i in range(n_rows):
                if 0 < j < n_cols and self._merged(i, j - 1, i, j):
                    continue
                c.line(x, PAGE_H - ys[i], x, PAGE_H - ys[i + 1])
        for cl in self.cells:
            x0 = xs[cl.col]
            top, bottom = ys[cl.row], ys[cl.row + cl.rowspan]
            block = len(cl.lines) * self.leading
            spare = 0 if self.align == "top" else (bottom - top - block) / 2
            start = top + spare + (self.leading - self.size) / 2
            for k, line in enumerate(cl.lines):
                x = x0 + 3
                if cl.row < self.centred_rows:
                    x = (x0 + xs[cl.col + cl.colspan] - c.stringWidth(line, font_for(line), self.size)) / 2
                text(c, x, start + k * self.leading, line, self.size)


def make_pdf(path: Path, *pages: Callable[[rl_canvas.Canvas], None]) -> Path:
    """One page per drawing function."""
    c = rl_canvas.Canvas(str(path), pagesize=A4)
    for draw in pages:
        draw(c)
        c.showPage()
    c.save()
    return path


def drawn_chars(folder: Path, runs: Sequence[tuple[float, float, str]], size: float) -> list[dict]:
    """Runs of text (x, top, text) drawn at `size` pt on one page of a new PDF in `folder`, read
    back as pdfplumber's characters."""
    import pdfplumber

    def draw(c: rl_canvas.Canvas) -> None:
        for x, top, s in runs:
            text(c, x, top, s, size)

    pdf = make_pdf(folder / f"runs-{len(list(folder.iterdir()))}.pdf", draw)
    with pdfplumber.open(pdf) as doc:
        return doc.pages[0].chars
