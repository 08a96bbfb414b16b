"""Layout layer on small tables as a browser prints them (headless Chromium): every CSS border a
thin filled rectangle (two edges each), small tables set apart from the running text.

Every PDF is drawn with reportlab (tests/pdfkit.py); the borders are drawn here as Chromium
draws a collapsed-border table: per cell, a rectangle along its top and one along its left, the
last column's right and the last row's bottom closing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas as rl_canvas

from bulletin_etl.layout.document import load
from bulletin_etl.layout.tables import Grid

from .pdfkit import PAGE_H, make_pdf, text

BORDER = 0.75  # Chromium's 1px border, in points


def grids_of(path: Path) -> list[Grid]:
    return [b for b in load(path).blocks if isinstance(b, Grid)]


def rows_of(grid: Grid) -> list[list[str]]:
    return [grid.row(i) for i in range(len(grid.slots))]


def border_table(c: rl_canvas.Canvas, left: float, top: float, widths: list[float], height: float,
                 rows: list[list[str]], size: float = 9.0) -> None:
    """A fully bordered table, borders as thin filled rectangles, text from each cell's left."""
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top + i * height for i in range(len(rows) + 1)]

    def bar(x0: float, y0: float, x1: float, y1: float) -> None:
        c.rect(x0, PAGE_H - y1, x1 - x0, y1 - y0, stroke=0, fill=1)

    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            bar(xs[j], ys[i], xs[j + 1] + BORDER, ys[i] + BORDER)  # top
            bar(xs[j], ys[i], xs[j] + BORDER, ys[i + 1] + BORDER)  # left
            if value:
                text(c, xs[j] + 4, ys[i] + (height - size) / 2, value, size)
        bar(xs[-1], ys[i], xs[-1] + BORDER, ys[i + 1] + BORDER)  # right
    for j in range(len(widths)):
        bar(xs[j], ys[-1], xs[j + 1] + BORDER, ys[-1] + BORDER)  # bottom


# ---------------------------------------------------------------------------------------------
# Ruled tables: pdfplumber snaps rules near each other across the whole page


def test_a_small_tables_last_column_rule_near_other_tables_rules_keeps_its_column(tmp_path: Path) -> None:
    """The small table's right border (edges at 441.75 and 442.5) stands 1.5 pt from a column
    rule of the table below (444.0, 444.75), which stands 1.5 pt from one of a third table
    further down (446.25, 447.0; thirty rows). Snapped page-wide, at pdfplumber's 3 pt or at
    1.5, the edges chain into one cluster whose mean (near 446) lies more than 3 pt past the
    ends of the small table's row rules: its 备注 column was lost."""
    small = [["类别", "单位数", "备注"], ["累计", "8323", "系统升级"]]
    middle = [["单位", "数量"]] + [[f"单位{i}", str(100 + i)] for i in range(1, 3)]
    large = [["区", "数量"]] + [[f"第{i}区", str(200 + i)] for i in range(1, 30)]

    def page(c: rl_canvas.Canvas) -> None:
        border_table(c, 293.75, 80, [50, 50, 48], 21, small)
        text(c, 100, 140, "第二张表的标题文字较长一些", 12)
        border_table(c, 364, 170, [80, 60], 21, middle)
        text(c, 100, 250, "第三张表的标题文字较长一些", 12)
        border_table(c, 366.25, 280, [80, 60], 15, large)

    grids = grids_of(make_pdf(tmp_path / "snap.pdf", page))
    assert [g.page for g in grids] == [1, 1, 1]
    assert rows_of(grids[0]) == small
    assert grids[0].col_bounds[-1][1] == pytest.approx(442.1, abs=0.5)
    assert rows_of(grids[1]) == middle
    assert rows_of(grids[2]) == large
