"""Columns of tables without inner vertical rules, on small PDFs drawn here (tests/pdfkit.py):
columns set so tight that the body alone does not part them."""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout.document import load
from bulletin_etl.layout.tables import Grid, LogicalTable, stitch

from .pdfkit import LATIN_FONT, PAGE_H, Table, cell, make_pdf, text


def only_table(path: Path) -> LogicalTable:
    tables = stitch([b for b in load(path).blocks if isinstance(b, Grid)])
    assert len(tables) == 1, tables
    return tables[0]


def test_a_narrow_centred_column_beside_right_aligned_figures(tmp_path: Path) -> None:
    """'诊间预约' holds right-aligned figures ending 1.3 pt before its cell's edge; the next column,
    '第三方', is barely wider than its header and its centred figures ('31732') nearly fill it:
    the two columns' figures stand closer than a printed space, and '第三方' is nearly as wide as
    the figures under both headers. Still two columns (an html sweep found this)."""
    size, left, top = 10.0, 60.0, 100.0
    widths = [120.0, 44.0, 44.0, 31.0, 42.0]
    header = ["单位", "快速预约", "诊间预约", "第三方", "小计"]
    rows = [["南京市儿童医院", "2646", "0", "31732", "69831"],
            ["南京梅山医院", "327", "12", "23076", "31648"],
            ["南京市溧水区中医院", "654", "0", "0", "5190"],
            ["南京市六合区中医院", "0", "0", "377", "665"]]
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)

    def page(c) -> None:
        t = Table(left=left, top=top, col_widths=widths, row_heights=[20.0] * (len(rows) + 1), size=size,
                  style="no_inner_verticals", centred_rows=1)
        t.cells = [cell(0, k, h) for k, h in enumerate(header)]
        t.draw(c)
        for r, row in enumerate(rows):
            y = top + 20.0 * (r + 1) + 5.0
            text(c, xs[0] + 3, y, row[0], size)
            for k, value in enumerate(row[1:], start=1):
                w = c.stringWidth(value, LATIN_FONT, size)
                if k == 3:  # centred
                    x = (xs[k] + xs[k + 1] - w) / 2
                else:  # right-aligned
                    x = xs[k + 1] - 1.3 - w
                text(c, x, y, value, size)

    table = only_table(make_pdf(tmp_path / "tight.pdf", page))
    assert table.header_paths == [(h,) for h in header]
    assert [row.cells for row in table.rows] == rows


def test_a_title_carried_over_with_its_subtitle_under_a_page_header_rule(tmp_path: Path) -> None:
    """The page broke a table's title: its rest ('预约情况统计') and the subtitle under it stand at
    the top of the next page, under the running header's rule, which is within a producer's
    rounding of the table's width: two lines of one run each, far under that rule and close over
    the table's top rule, are no header band of the table (a reportlab sweep found this)."""
    rows = [["序号", "名称", "预约数量"],
            ["1", "支付宝城市服务", "16614"],
            ["2", "南京卫生 12320 微信", "4681"],
            ["3", "健康南京", "3761"]]

    def page(c) -> None:
        text(c, 67, 20, "南京市卫生信息中心 2030年度统计数据公报", 9)
        c.setLineWidth(0.5)
        c.line(67, PAGE_H - 31.3, 528.4, PAGE_H - 31.3)
        text(c, 266, 60.6, "预约情况统计", 10.5)
        text(c, 150, 83.5, "（不包含电话预约、医院诊间预约、医院自有途径预约）", 10.5)
        t = Table(left=69.5, top=99.5, col_widths=[60.0, 246.0, 150.0], row_heights=[20.0] * len(rows), size=9.0,
                  style="no_inner_verticals")
        t.cells = [cell(r, k, v) for r, row in enumerate(rows) for k, v in enumerate(row)]
        t.draw(c)

    table = only_table(make_pdf(tmp_path / "carried.pdf", page))
    assert table.header_paths == [("序号",), ("名称",), ("预约数量",)]
    assert [row.cells for row in table.rows] == rows[1:]
