"""Layout layer on small PDFs drawn like headless Chromium prints a bulletin's tables: cells
padded and vertically centred (a wrapped name stands above and below its row's figures), long
tables continued over pages with their header repeated, titles carried over a page break.

Every PDF is drawn with reportlab (tests/pdfkit.py); see tests/test_layout_tables.py for the
tables drawn as the other producers print them.
"""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout.document import load
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Grid, LogicalTable, stitch

from .pdfkit import PAGE_H, make_pdf, text

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given


def only_table(path: Path) -> LogicalTable:
    tables = stitch([b for b in load(path).blocks if isinstance(b, Grid)], DEFAULTS)
    assert len(tables) == 1, tables
    return tables[0]


def cells_of(table: LogicalTable) -> list[list[str]]:
    return [row.cells for row in table.rows]


HEADS = ((64, "序号"), (100, "单位"), (260, "预约挂号"), (330, "累计总量"))


def _centred_three_line_rows(c, top: float, rows: list[list[str]], size: float = 8.0, pad: float = 3.0,
                             leading: float = 10.0, figure_drop: float = 2.0, heads=HEADS) -> float:
    """Draw a 三线表's body rows from `top`, each cell's lines centred vertically in its row (the
    name column, `row[1]`, may hold several lines joined by '|'); no rule between rows. The
    figures' glyph boxes stand `figure_drop` lower than the names' (Chromium sets both on one
    baseline, the digits in a Latin font whose box sits lower than the CJK font's). Returns where
    the last row ends."""
    xs = [x for x, _ in heads]
    for row in rows:
        lines = row[1].split("|")
        height = len(lines) * leading + 2 * pad
        middle = top + height / 2
        for x, value in zip(xs, row):
            if x == 100:
                for k, line in enumerate(lines):
                    text(c, x, middle - len(lines) * leading / 2 + k * leading + (leading - size) / 2, line, size)
            else:
                text(c, x, middle - size / 2 + figure_drop, value, size)
        top += height
    return top


def _three_line_header(c, top: float, size: float = 8.0, heads=HEADS) -> float:
    c.setLineWidth(0.5)
    for y in (top, top + 20):
        c.line(60, PAGE_H - y, 400, PAGE_H - y)
    for x, head in heads:
        text(c, x, top + 6, head, size)
    return top + 20


def test_a_broken_three_line_table_keeps_its_rows_after_a_wrapped_centred_name(tmp_path: Path) -> None:
    """A 三线表 broken by the page has no rule under its rows on the first page; its rows are
    taken down to a wide gap. A name wrapped over two lines, centred on its row, stands below its
    row's figures: the gap to the next row is measured from the name's last line, not from the
    figures (measured from them, the rows below were lost)."""
    first = [["1", "南京市鼓楼医院", "120", "240"],
             ["2", "江苏省中西医结合医|院", "2890", "2900"],
             ["3", "南京市高淳中医院", "1007", "1046"],
             ["4", "南京市第一医院", "16", "44"]]
    second = [["5", "南京市儿童医院", "5", "6"]]

    def page1(c) -> None:
        _centred_three_line_rows(c, _three_line_header(c, 600), first)

    def page2(c) -> None:
        bottom = _centred_three_line_rows(c, _three_line_header(c, 60), second)
        c.line(60, PAGE_H - bottom, 400, PAGE_H - bottom)

    table = only_table(make_pdf(tmp_path / "broken-centred.pdf", page1, page2))
    assert table.header_paths == [("序号",), ("单位",), ("预约挂号",), ("累计总量",)]
    assert cells_of(table) == [["1", "南京市鼓楼医院", "120", "240"],
                               ["2", "江苏省中西医结合医院", "2890", "2900"],
                               ["3", "南京市高淳中医院", "1007", "1046"],
                               ["4", "南京市第一医院", "16", "44"],
                               ["5", "南京市儿童医院", "5", "6"]]


def test_a_row_of_figures_around_a_slash_under_a_broken_three_line_table_is_no_folio(tmp_path: Path) -> None:
    """A row's line of figures with '/' for a missing value ('3  120  /  55', its name centred
    above and below it) reads as a folio ('3120/55') when its cells are run together; read as
    printed, cells apart, it is a row, and the rows below it stay in the table."""
    heads = ((64, "序号"), (100, "单位"), (230, "预约挂号"), (290, "咨询数据"), (350, "累计总量"))
    first = [["1", "南京市鼓楼医院", "12", "8", "20"],
             ["2", "南京市第一医院", "30", "5", "35"],
             ["3", "江苏益丰大药房连锁有限|公司秦淮区御道街诊所", "120", "/", "55"],
             ["4", "南京市高淳中医院", "7", "1", "8"]]
    second = [["5", "南京市儿童医院", "5", "6", "11"]]

    def page1(c) -> None:
        _centred_three_line_rows(c, _three_line_header(c, 600, heads=heads), first, figure_drop=0.0, heads=heads)

    def page2(c) -> None:
        bottom = _centred_three_line_rows(c, _three_line_header(c, 60, heads=heads), second, figure_drop=0.0,
                                          heads=heads)
        c.line(60, PAGE_H - bottom, 400, PAGE_H - bottom)

    table = only_table(make_pdf(tmp_path / "slash-row.pdf", page1, page2))
    assert table.header_paths == [("序号",), ("单位",), ("预约挂号",), ("咨询数据",), ("累计总量",)]
    assert cells_of(table) == [["1", "南京市鼓楼医院", "12", "8", "20"],
                               ["2", "南京市第一医院", "30", "5", "35"],
                               ["3", "江苏益丰大药房连锁有限公司秦淮区御道街诊所", "120", "/", "55"],
                               ["4", "南京市高淳中医院", "7", "1", "8"],
                               ["5", "南京市儿童医院", "5", "6", "11"]]


def test_a_title_line_carried_over_under_the_page_header_rule_is_no_header_cell(tmp_path: Path) -> None:
    """A title broken by the page: its last line ('（区）') stands alone atop the next page, right
    under the page header's rule (as wide as the table), set larger than the table. It is no
    cell of the table's header (read as one, it was glued to a column's header)."""
    def page1(c) -> None:
        text(c, 90, 760, "2030年度南京市卫生信息平台数据采集情况", 13)

    def page2(c) -> None:
        c.setLineWidth(0.5)
        text(c, 160, 50, "南京市卫生信息中心2030年工作统计", 8)
        rows = [["玄武区", "23143203", "287"], ["建邺区", "1580", "158"], ["秦淮区", "122884563", "177"]]
        ys = [62.0, 88.0, 108.0, 126.0, 144.0, 162.0]
        for k, y in enumerate(ys):
            if k != 3 and k != 4:  # the page header's rule, the table's top, header and bottom rules
                c.line(60, PAGE_H - y, 400, PAGE_H - y)
        text(c, 210, 64.5, "（区）", 13)
        for x, head in ((64, "接入单位"), (160, "定时数据上传量"), (280, "实时数据上传天数")):
            text(c, x, 94, head, 8)
        for y, row in zip(ys[2:], rows):
            for x, value in zip((64, 160, 280), row):
                text(c, x, y + 5, value, 8)

    table = only_table(make_pdf(tmp_path / "carried-title.pdf", page1, page2))
    assert table.header_paths == [("接入单位",), ("定时数据上传量",), ("实时数据上传天数",)]
    assert cells_of(table) == [["玄武区", "23143203", "287"], ["建邺区", "1580", "158"], ["秦淮区", "122884563", "177"]]


def _chromium_rules(c, xs: list[float], ys: list[float], skip_h=(), skip_v=()) -> None:
    """A fully ruled table as Chromium prints CSS borders: every side of every cell a thin
    filled rectangle (0.75 pt), a vertical one from the top of its row's rule, a horizontal one
    from the right of the vertical before it. `skip_h` holds (row boundary, column) pairs and
    `skip_v` (column boundary, row) pairs left out (merged cells)."""
    w = 0.75
    for i, y in enumerate(ys):
        for j in range(len(xs) - 1):
            if (i, j) not in skip_h:
                c.rect(xs[j] + (w if j else 0), PAGE_H - y - w, xs[j + 1] - xs[j] - (w if j else 0) + w, w,
                       stroke=0, fill=1)
    for j, x in enumerate(xs):
        for i in range(len(ys) - 1):
            if (j, i) not in skip_v:
                c.rect(x, PAGE_H - ys[i + 1] - w, w, ys[i + 1] - ys[i], stroke=0, fill=1)


def test_a_group_cell_keeps_its_sub_cells_beside_another_tables_nearby_column_rule(tmp_path: Path) -> None:
    """Two ruled tables on a page, a column rule of the first 3.75 pt left of the rule before a
    group cell ('门急诊信息') of the second: pdfplumber snaps both to one position page-wide, the
    rule under the group cell no longer meets it, and the group cell swallowed its sub-cells.
    Each table is read from its own rules."""
    first_xs = [85.0, 200.0, 312.0, 420.0, 512.0]
    first = [["单位", "预约挂号", "累计总量", "备注"]] + [[f"南京市第{k}医院", str(100 + k), str(200 + k), ""]
                                                   for k in range(1, 9)]
    second_xs = [85.0, 200.0, 315.75, 357.75, 412.5, 512.0]
    body = ["江苏省中西医结合医院", "380457460", "0", "/", "0"]

    def page(c) -> None:
        ys = [100.0 + 18 * k for k in range(len(first) + 1)]
        _chromium_rules(c, first_xs, ys)
        for y, row in zip(ys, first):
            for x, value in zip(first_xs, row):
                if value:
                    text(c, x + 4, y + 5, value, 8)
        top = ys[-1] + 60
        ys2 = [top, top + 17.25, top + 44.25, top + 71.25]
        # 单位, 定时数据上传量 and 出院人次 over both header rows; 门急诊信息 over 人次 and 收入（千元）
        _chromium_rules(c, second_xs, ys2, skip_h={(1, 0), (1, 1), (1, 4)}, skip_v={(3, 0)})
        text(c, 89, top + 18, "单位", 8)
        text(c, 204, top + 18, "定时数据上传量", 8)
        text(c, 345, top + 5, "门急诊信息", 8)
        text(c, 320, top + 26, "人次", 8)
        text(c, 361, top + 26, "收入（千元）", 8)
        text(c, 417, top + 18, "出院人次", 8)
        for x, value in zip(second_xs, body):
            text(c, x + 4, top + 53, value, 8)

    tables = stitch([b for b in load(make_pdf(tmp_path / "two-ruled.pdf", page)).blocks if isinstance(b, Grid)], DEFAULTS)
    assert len(tables) == 2
    assert cells_of(tables[0]) == first[1:]
    assert tables[1].header_paths == [("单位",), ("定时数据上传量",), ("门急诊信息", "人次"),
                                      ("门急诊信息", "收入（千元）"), ("出院人次",)]
    assert cells_of(tables[1]) == [body]
