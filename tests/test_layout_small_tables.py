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

from .pdfkit import PAGE_H, Table, cell, font_for, make_pdf, text

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


# ---------------------------------------------------------------------------------------------
# Unruled tables: a table closed by its own bottom rule, a larger title and justified text below


def test_a_title_set_larger_right_under_a_small_tables_bottom_rule_is_no_row_of_it(tmp_path: Path) -> None:
    """A small table in 9 pt with its rows ruled, its last rule closing it; right under it (a
    third of a line's height) the next section's title in 14 pt, wider than the table, then
    justified text in 16 pt whose spread words stand apart like cells. Cut at the table's ends
    the title reads as no title ('…年度数据统' of '…年度数据统计'), and set in one size with the
    justified line it was no larger than they: the two were taken as rows of a broken 三线表, and
    their text across the table's gutters left it one column: no table at all. Text set this much
    larger than the table's own is never a row of it."""
    rows = [["类别", "单位数", "用户数", "订单数"], ["2030年", "2742", "13809", "55868"],
            ["累计", "8323", "104147", "449175"]]
    t = Table(left=200, top=100, col_widths=[50, 50, 50, 50], row_heights=[20, 20, 20], style="no_inner_verticals")
    t.cells = [cell(r, c, value) for r, row in enumerate(rows) for c, value in enumerate(row)]
    title = "南京市卫生热线二〇三〇年度数据统计"
    words = ["个，其中咨询类", "72689", "个、医疗投诉", "18259", "个、电话预约"]

    def page(c: rl_canvas.Canvas) -> None:
        text(c, 60, 60, "二〇三〇年度南京市从业人员健康证系统数据统计", 14)
        t.draw(c)
        text(c, 300 - len(title) * 14 / 2, t.bottom + 5, title, 14)
        widths = [c.stringWidth(w, font_for(w), 16) for w in words]
        gap = (480 - sum(widths)) / (len(words) - 1)  # justified from 60 to 540
        x = 60.0
        for w, width in zip(words, widths):
            text(c, x, t.bottom + 30, w, 16)
            x += width + gap

    doc = load(make_pdf(tmp_path / "title-under.pdf", page))
    grids = [b for b in doc.blocks if isinstance(b, Grid)]
    assert len(grids) == 1
    assert rows_of(grids[0]) == rows
    assert grids[0].bbox[3] == pytest.approx(t.bottom, abs=1)
    assert [b.text for b in doc.blocks if not isinstance(b, Grid)][1:] == [title, " ".join(words)]
