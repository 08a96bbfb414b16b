"""Layout layer on small PDFs drawn here: merged headers, wrapped cells, tables across pages,
side-by-side column groups, paragraphs.

Every PDF is drawn with reportlab (tests/pdfkit.py): ruled tables with every row and column rule,
merged cells by leaving out the rules inside them; Chinese in the built-in CID font STSong-Light.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from bulletin_etl.layout.document import load
from bulletin_etl.layout.sections import cut
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Cell, Grid, LogicalTable, split_side_by_side, stitch
from bulletin_etl.layout.tables.segments import hangs_over_text
from bulletin_etl.text import join_wrapped

from .pdfkit import CJK_FONT, PAGE_H, PAGE_W, Table, cell, font_for, heading, make_pdf, text

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given


def grids_of(path: Path) -> list[Grid]:
    return [b for b in load(path).blocks if isinstance(b, Grid)]


def only_table(path: Path) -> LogicalTable:
    tables = stitch(grids_of(path), DEFAULTS)
    assert len(tables) == 1, tables
    return tables[0]


def cells_of(table: LogicalTable) -> list[list[str]]:
    return [row.cells for row in table.rows]


# ---------------------------------------------------------------------------------------------
# The font: the drawing must round-trip through pdfplumber before any layout test means anything.


def test_cjk_font_round_trips_through_pdfplumber(tmp_path: Path) -> None:
    sample = "南京市江北新区泰山街道桥荫路社区卫生服务站 预约挂号 咨询数据 合计：123"
    pdf = make_pdf(tmp_path / "font.pdf", lambda c: text(c, 72, 72, sample, 10, CJK_FONT))
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        assert page.extract_text() == sample
        assert {ch["fontname"] for ch in page.chars} == {"STSongStd-Light"}


# ---------------------------------------------------------------------------------------------
# 1. Two-level merged header


def two_level_header() -> list:
    """单位 over two rows; 预约挂号 and 咨询数据 each over a year and a to-date column."""
    return [
        cell(0, 0, "单位", rowspan=2),
        cell(0, 1, "预约挂号", colspan=2),
        cell(0, 3, "咨询数据", colspan=2),
        cell(1, 1, "2030年总量"),
        cell(1, 2, "累计总量"),
        cell(1, 3, "2030年总量"),
        cell(1, 4, "累计总量"),
    ]


TWO_LEVEL_PATHS = [
    ("单位",),
    ("预约挂号", "2030年总量"),
    ("预约挂号", "累计总量"),
    ("咨询数据", "2030年总量"),
    ("咨询数据", "累计总量"),
]


def test_two_level_merged_header(tmp_path: Path) -> None:
    t = Table(left=60, top=100, col_widths=[150, 70, 70, 70, 70], row_heights=[20] * 5)
    t.cells = two_level_header()
    data = [
        ["南京市鼓楼医院", "120", "3400", "15", "230"],
        ["南京市第一医院", "98", "2100", "/", "0"],
        ["江苏省人民医院", "1,024", "56000", "7", "88"],
    ]
    for r, row in enumerate(data, start=2):
        t.cells += [cell(r, c, v) for c, v in enumerate(row)]
    table = only_table(make_pdf(tmp_path / "merged.pdf", t.draw))

    assert table.header_paths == TWO_LEVEL_PATHS
    assert cells_of(table) == data
    assert [row.page for row in table.rows] == [1, 1, 1]
    assert not any(row.spans_all for row in table.rows)


# ---------------------------------------------------------------------------------------------
# 2. Wrapped header and cell text


def test_wrapped_header_and_cells_join(tmp_path: Path) -> None:
    t = Table(left=60, top=100, col_widths=[120, 60, 60], row_heights=[32, 32, 20])
    t.cells = [
        cell(0, 0, "单位"),
        cell(0, 1, ["2030 年", "总量"]),
        cell(0, 2, "渠道"),
        cell(1, 0, ["南京市江北新区泰山街道", "桥荫路社区卫生服务站"]),
        cell(1, 1, "15"),
        cell(1, 2, ["12320", "online"]),
        cell(2, 0, "南京市鼓楼医院"),
        cell(2, 1, "8"),
        cell(2, 2, "App"),
    ]
    table = only_table(make_pdf(tmp_path / "wrapped.pdf", t.draw))

    assert table.header_paths == [("单位",), ("2030 年总量",), ("渠道",)]
    assert cells_of(table) == [
        ["南京市江北新区泰山街道桥荫路社区卫生服务站", "15", "12320 online"],
        ["南京市鼓楼医院", "8", "App"],
    ]


# ---------------------------------------------------------------------------------------------
# 3. A table continued on the next page with its header repeated

HEADER_3 = ["序号", "名称", "预约数量"]


def _simple_table(top: float, rows: list[list[str]], widths=(40, 130, 70)) -> Table:
    t = Table(left=60, top=top, col_widths=list(widths), row_heights=[20] * len(rows))
    t.cells = [cell(r, c, v) for r, row in enumerate(rows) for c, v in enumerate(row) if v]
    return t


def test_table_continued_over_page_break(tmp_path: Path) -> None:
    rows = [
        ["1", "南京市鼓楼医院", "100"],
        ["2", "南京市第一医院", "200"],
        ["3", "江苏省人民医院", "300"],
        ["4", "南京市儿童医院", "400"],
        ["5", "南京市中医院", "500"],
    ]

    def page1(c):
        heading(c, 60, 60, "1 Appointments 2030")
        _simple_table(100, [HEADER_3, *rows[:3]]).draw(c)

    def page2(c):
        _simple_table(60, [HEADER_3, *rows[3:]]).draw(c)

    pdf = make_pdf(tmp_path / "continued.pdf", page1, page2)
    doc = load(pdf)
    assert doc.n_pages == 2
    assert len([b for b in doc.blocks if isinstance(b, Grid)]) == 2

    sections = cut(doc)
    assert [s.title for s in sections] == ["", "1 Appointments 2030"]
    section = sections[1]
    assert section.page == 1
    tables = section.tables()
    assert len(tables) == 1
    table = tables[0]
    assert table.header_paths == [("序号",), ("名称",), ("预约数量",)]
    assert table.header_rows == [HEADER_3]
    assert cells_of(table) == rows
    assert [row.page for row in table.rows] == [1, 1, 1, 2, 2]
    assert [g.page for g in table.grids] == [1, 2]
    assert table.first_page == 1


# ---------------------------------------------------------------------------------------------
# 4. A row split by the page break

HEADER_4 = ["序号", "名称", "2030年总量", "累计总量"]


def test_row_split_by_page_break_is_joined(tmp_path: Path) -> None:
    widths = (40, 130, 70, 70)

    def page1(c):
        heading(c, 60, 60, "2 Appointments")
        _simple_table(100, [
            HEADER_4,
            ["1", "南京市鼓楼医院", "10", "100"],
            ["2", "南京市第一医院", "20", "200"],
            ["3", "南京市江北新区泰山街道", "30", "300"],
        ], widths).draw(c)

    def page2(c):
        _simple_table(60, [
            HEADER_4,
            ["", "桥荫路社区卫生服务站", "", ""],
            ["4", "南京市儿童医院", "40", "400"],
        ], widths).draw(c)

    pdf = make_pdf(tmp_path / "split.pdf", page1, page2)
    tables = cut(load(pdf))[1].tables()
    assert len(tables) == 1
    table = tables[0]
    assert table.header_paths == [("序号",), ("名称",), ("2030年总量",), ("累计总量",)]
    assert cells_of(table) == [
        ["1", "南京市鼓楼医院", "10", "100"],
        ["2", "南京市第一医院", "20", "200"],
        ["3", "南京市江北新区泰山街道桥荫路社区卫生服务站", "30", "300"],
        ["4", "南京市儿童医院", "40", "400"],
    ]
    assert [row.page for row in table.rows] == [1, 1, 1, 2]


# ---------------------------------------------------------------------------------------------
# 5. Side-by-side column groups with a spanning total row


def test_side_by_side_groups_are_stacked(tmp_path: Path) -> None:
    widths = [30, 100, 60, 30, 100, 60]
    t = Table(left=40, top=100, col_widths=widths, row_heights=[20] * 5)
    header = ["序号", "名称", "预约数量"] * 2
    data = [
        ["1", "南京市鼓楼医院", "100", "4", "南京市儿童医院", "400"],
        ["2", "南京市第一医院", "200", "5", "南京市中医院", "500"],
        ["3", "江苏省人民医院", "300", "6", "南京脑科医院", "600"],
    ]
    for r, row in enumerate([header, *data]):
        t.cells += [cell(r, c, v) for c, v in enumerate(row)]
    t.cells.append(cell(4, 0, "合计：123", colspan=6))
    table = only_table(make_pdf(tmp_path / "side.pdf", t.draw))

    assert table.header_paths == [("序号",), ("名称",), ("预约数量",)] * 2
    assert [row.spans_all for row in table.rows] == [False, False, False, True]

    stacked = split_side_by_side(table)
    assert stacked.header_paths == [("序号",), ("名称",), ("预约数量",)]
    data_rows = [row for row in stacked.rows if not row.spans_all]
    assert [row.cells for row in data_rows] == [
        ["1", "南京市鼓楼医院", "100"],
        ["2", "南京市第一医院", "200"],
        ["3", "江苏省人民医院", "300"],
        ["4", "南京市儿童医院", "400"],
        ["5", "南京市中医院", "500"],
        ["6", "南京脑科医院", "600"],
    ]
    spanning = [row for row in stacked.rows if row.spans_all]
    assert len(spanning) == 1
    assert spanning[0].cells[0] == "合计：123"
    assert len(spanning[0].cells) == 3
    assert stacked.rows[-1] is spanning[0]
    assert [row.page for row in stacked.rows] == [1] * 7


# ---------------------------------------------------------------------------------------------
# 6. Paragraphs

PROSE = (
    "全市持续推进全民健康信息平台建设完善区域卫生信息互联互通机制推动医疗机构数据共享"
    "加快互联网医院发展优化预约挂号服务流程提升群众就医获得感和满意度深化电子健康档案应用"
    "拓展移动支付场景加强网络安全防护体系建设保障数据安全稳定运行"
    "推进检查检验结果互认共享减少重复检查减轻群众负担"
    "实现家庭医生签约服务信息化管理完善基层医疗卫生机构信息系统功能和服务能力"
)


def _lines(counts: list[int]) -> list[str]:
    """Consecutive slices of PROSE, one per count."""
    out, pos = [], 0
    for n in counts:
        out.append(PROSE[pos:pos + n])
        pos += n
    assert [len(x) for x in out] == counts
    return out


def test_paragraphs_split_at_indent_and_join_cjk_without_space(tmp_path: Path) -> None:
    size, left, per_line = 10.0, 72.0, 30
    indent = 2 * size
    # (indented?, number of characters) per printed line; full lines reach the right margin
    layout = [
        [(True, per_line - 2), (False, per_line), (False, 12)],  # ends short
        [(True, per_line - 2), (False, per_line), (False, per_line)],  # ends flush, next indented
        [(True, 10)],
    ]
    strings = iter(_lines([n for para in layout for _, n in para]))
    texts = [[(ind, next(strings)) for ind, _ in para] for para in layout]

    def page(c):
        heading(c, left, 60, "3 Summary")
        top = 100.0
        for para in texts:
            for ind, s in para:
                text(c, left + (indent if ind else 0), top, s, size, CJK_FONT)
                top += 18

    pdf = make_pdf(tmp_path / "prose.pdf", page)
    sections = cut(load(pdf))
    assert [s.title for s in sections] == ["", "3 Summary"]
    paragraphs = sections[1].paragraphs()
    assert [p.text for p in paragraphs] == ["".join(s for _, s in para) for para in texts]
    assert [len(p.lines) for p in paragraphs] == [3, 3, 1]
    assert [p.page for p in paragraphs] == [1, 1, 1]
    assert sections[1].tables() == []
    assert sections[1].notes() == []


# ---------------------------------------------------------------------------------------------
# join_wrapped on plain strings


@pytest.mark.parametrize(
    "parts, joined",
    [
        (["收入（千", "元）"], "收入（千元）"),
        (["南京市江北新区泰山街道", "桥荫路社区卫生服务站"], "南京市江北新区泰山街道桥荫路社区卫生服务站"),
        (["2030 年", "总量"], "2030 年总量"),
        (["Health", "App"], "Health App"),
        (["12320", "online"], "12320 online"),
        (["12320", "热线"], "12320热线"),
        (["预约", "App"], "预约App"),
        (["  Health ", "", " App  "], "Health App"),
        (["a", "b", "c"], "a b c"),
        (["单位"], "单位"),
        ([], ""),
        (["", "  "], ""),
    ],
)
def test_join_wrapped(parts: list[str], joined: str) -> None:
    assert join_wrapped(parts) == joined


# ---------------------------------------------------------------------------------------------
# 7. The same tables drawn without inner vertical rules, and as 三线表 (three-line tables)

UNRULED = [("no_inner_verticals", "middle"), ("three_line", "top"), ("three_line", "middle")]


@pytest.mark.parametrize("style, align", UNRULED)
def test_two_level_header_without_vertical_rules(tmp_path: Path, style: str, align: str) -> None:
    t = Table(left=60, top=100, col_widths=[150, 70, 70, 70, 70], row_heights=[20, 20, 32, 20, 20],
              style=style, align=align)
    t.cells = [*two_level_header(), cell(2, 0, ["南京市江北新区泰山街道", "桥荫路社区卫生服务站"])]
    data = [
        ["南京市江北新区泰山街道桥荫路社区卫生服务站", "120", "3400", "15", "230"],
        ["南京市第一医院", "98", "2100", "/", "0"],
        ["合计", "218", "5500", "15", "230"],
    ]
    for r, row in enumerate(data, start=2):
        t.cells += [cell(r, c, v) for c, v in enumerate(row) if not (r == 2 and c == 0)]
    table = only_table(make_pdf(tmp_path / f"{style}.pdf", t.draw))

    assert table.header_paths == TWO_LEVEL_PATHS
    assert cells_of(table) == data


@pytest.mark.parametrize("style, align", UNRULED)
def test_wrapped_header_without_vertical_rules(tmp_path: Path, style: str, align: str) -> None:
    t = Table(left=60, top=100, col_widths=[120, 60, 70], row_heights=[32, 20, 20], style=style, align=align)
    t.cells = [
        cell(0, 0, "单位"), cell(0, 1, ["2030 年", "总量"]), cell(0, 2, ["实时数据", "上传情况"]),
        cell(1, 0, "南京市鼓楼医院"), cell(1, 1, "8"), cell(1, 2, "11/11"),
        cell(2, 0, "江苏省人民医院"), cell(2, 1, "1,204"), cell(2, 2, "/"),
    ]
    table = only_table(make_pdf(tmp_path / f"{style}.pdf", t.draw))
    assert table.header_paths == [("单位",), ("2030 年总量",), ("实时数据上传情况",)]
    assert cells_of(table) == [["南京市鼓楼医院", "8", "11/11"], ["江苏省人民医院", "1,204", "/"]]


def test_header_row_broken_over_a_page_is_joined(tmp_path: Path) -> None:
    """The header row itself split by the page break: its top lines alone at the foot of page 1,
    the rest of it over the rows on page 2."""
    def page1(c) -> None:
        t = Table(left=60, top=760, col_widths=[130, 70], row_heights=[20])
        t.cells = [cell(0, 0, "单位"), cell(0, 1, "2030年")]
        t.draw(c)

    def page2(c) -> None:
        t = Table(left=60, top=60, col_widths=[130, 70], row_heights=[20, 20, 20])
        t.cells = [cell(0, 1, "报告数量"), cell(1, 0, "南京市鼓楼医院"), cell(1, 1, "12"),
                   cell(2, 0, "江苏省人民医院"), cell(2, 1, "7")]
        t.draw(c)

    table = only_table(make_pdf(tmp_path / "broken-header.pdf", page1, page2))
    # one cell the page broke: its rest joins its text (stitch.is_own_foot_cell), not a level under it
    assert table.header_paths == [("单位",), ("2030年报告数量",)]
    assert cells_of(table) == [["南京市鼓楼医院", "12"], ["江苏省人民医院", "7"]]


FIRST_BOOKINGS = [["序号", "名称", "预约数量"], ["1", "南京市鼓楼医院", "100"], ["2", "南京市第一医院", "200"]]
SECOND_BOOKINGS = [["序号", "名称", "预约数量"], ["1", "江苏省人民医院", "300"]]


def _two_tables(style: str, between):
    """A page drawing: a heading, a table, what `between` draws under it (returning where the
    second table starts), a second table of the same width."""
    def page(c) -> None:
        heading(c, 60, 60, "Appointments")
        t1 = _simple_table(100, FIRST_BOOKINGS)
        t1.style = style
        t1.draw(c)
        t2 = _simple_table(between(c, t1.bottom), SECOND_BOOKINGS)
        t2.style = style
        t2.draw(c)
    return page


@pytest.mark.parametrize("style", ["no_inner_verticals", "three_line"])
def test_a_note_between_two_tables_of_one_width_is_no_row(tmp_path: Path, style: str) -> None:
    """'注：…' under a table whose columns are not ruled, its second line short, and under it a
    second table of the same width with only a caption (no larger than the table text) between."""
    def between(c, bottom: float) -> float:
        text(c, 60, bottom + 6, "注：全市共有 12 家医院接入，其中 8 家已接入市互联网医", 9)
        text(c, 60, bottom + 18, "院服务门户。", 9)
        text(c, 90, bottom + 40, "2030 年度南京市互联网医院预约情况统计", 9)
        return bottom + 60

    first, second = FIRST_BOOKINGS, SECOND_BOOKINGS
    pieces = cut(load(make_pdf(tmp_path / "note.pdf", _two_tables(style, between))))
    assert [p.title for p in pieces] == ["", "Appointments", "2030 年度南京市互联网医院预约情况统计"]
    tables = pieces[1].tables()
    assert [cells_of(t) for t in tables] == [first[1:]]
    assert [p.text for p in pieces[1].notes()] == ["注：全市共有 12 家医院接入，其中 8 家已接入市互联网医院服务门户。"]
    assert [cells_of(t) for t in pieces[2].tables()] == [second[1:]]


@pytest.mark.parametrize("style", ["no_inner_verticals", "rows_only", "three_line"])
def test_rows_of_figures_with_thousands_separators_are_one_table(tmp_path: Path, style: str) -> None:
    """'25,143' holds a comma but is a figure: rows full of them, ruled row by row or not, are no
    running text that would cut the table into pieces (a sweep found this)."""
    rows = [["序号", "单位", "在线预约", "小计"],
            ["1", "南京市浦口人民医院", "25,143", "25,667"],
            ["2", "中国医学科学院皮肤病研究所", "3,000", "4,879"],
            ["3", "南京市玄武区人民医院", "124,618", "1,124,618"]]
    t = _simple_table(100, rows, widths=(40, 170, 80, 80))
    t.style = style
    table = only_table(make_pdf(tmp_path / f"{style}.pdf", t.draw))
    assert table.header_paths == [("序号",), ("单位",), ("在线预约",), ("小计",)]
    assert cells_of(table) == rows[1:]


def test_a_repeated_header_merged_otherwise_is_still_the_header(tmp_path: Path) -> None:
    """Page 2 repeats the header but its producer merged a group label with the sub-column under
    it ('预约挂号' over '2030年总量' as one cell): the same words, so no data row."""
    widths, rows = [150, 70, 70, 70, 70], [20, 20, 20, 20]

    def page1(c) -> None:
        t = Table(left=60, top=100, col_widths=widths, row_heights=rows)
        t.cells = [*two_level_header(),
                   *[cell(r, k, v) for r, row in ((2, ["南京市鼓楼医院", "1", "2", "3", "4"]),
                                                  (3, ["南京市第一医院", "5", "6", "7", "8"]))
                     for k, v in enumerate(row)]]
        t.draw(c)

    def page2(c) -> None:
        t = Table(left=60, top=60, col_widths=widths, row_heights=[20, 20, 20])
        t.cells = [cell(0, 0, "单位", rowspan=2), cell(0, 1, ["预约挂号", "2030年总量"], rowspan=2),
                   cell(1, 2, "累计总量"), cell(0, 3, "咨询数据", colspan=2), cell(1, 3, "2030年总量"),
                   cell(1, 4, "累计总量"),
                   *[cell(2, k, v) for k, v in enumerate(["江苏省人民医院", "9", "10", "11", "12"])]]
        t.draw(c)

    table = only_table(make_pdf(tmp_path / "merged-otherwise.pdf", page1, page2))
    assert table.header_paths == TWO_LEVEL_PATHS
    assert cells_of(table) == [["南京市鼓楼医院", "1", "2", "3", "4"], ["南京市第一医院", "5", "6", "7", "8"],
                               ["江苏省人民医院", "9", "10", "11", "12"]]


def test_a_row_cut_by_the_page_under_a_clipped_repeated_header(tmp_path: Path) -> None:
    """LibreOffice clips a repeated header cell too low for its last line and prints that line
    ('情况') in the band under the header, beside the rest of the row the page break cut ('院'):
    the header is still the header, '院' still ends its row on the previous page."""
    widths = [150, 70, 110]

    def page1(c) -> None:
        t = Table(left=60, top=600, col_widths=widths, row_heights=[32, 20, 20], style="rows_only")
        t.cells = [cell(0, 0, "接入单位"), cell(0, 1, "上传天数"), cell(0, 2, ["实时数据表单上传", "情况"]),
                   cell(1, 0, "南京市鼓楼医院"), cell(1, 1, "12"), cell(1, 2, "11/11"),
                   cell(2, 0, "江苏省省级机关医"), cell(2, 1, "288"), cell(2, 2, "7/12")]
        t.draw(c)

    def page2(c) -> None:
        t = Table(left=60, top=60, col_widths=widths, row_heights=[20, 20, 20], style="rows_only", align="top")
        t.cells = [cell(0, 0, "接入单位"), cell(0, 1, "上传天数"), cell(0, 2, "实时数据表单上传"),
                   cell(1, 0, "院"), cell(1, 2, "情况"),
                   cell(2, 0, "南京脑科医院"), cell(2, 1, "273"), cell(2, 2, "9/12")]
        t.draw(c)

    table = only_table(make_pdf(tmp_path / "clipped.pdf", page1, page2))
    assert table.header_paths == [("接入单位",), ("上传天数",), ("实时数据表单上传情况",)]
    assert cells_of(table) == [["南京市鼓楼医院", "12", "11/11"], ["江苏省省级机关医院", "288", "7/12"],
                               ["南京脑科医院", "273", "9/12"]]


def test_a_narrow_table_under_a_running_header_rule_is_a_table_of_its_own(tmp_path: Path) -> None:
    """A running header's rule as wide as the wide table further down, and between them a narrow
    三线表 (three rules narrower than a third of the page): the narrow one is a table, and the
    wide one starts at its own top rule."""
    narrow = [["行政区划", "签发数量"], ["江北新区", "15103"], ["高淳区", "61009"]]
    wide = [["序号", "名称", "预约数量", "累计数量"], ["1", "南京市鼓楼医院", "100", "1000"]]

    def page(c) -> None:
        text(c, 60, 40, "南京市卫生信息中心 2030 年度统计数据公报", 9)
        c.setLineWidth(0.5)
        c.line(60, PAGE_H - 54, 400, PAGE_H - 54)
        heading(c, 60, 70, "Narrow")
        t1 = _simple_table(100, narrow, widths=(80, 70))
        t1.style = "three_line"
        t1.left = 150
        t1.draw(c)
        heading(c, 60, t1.bottom + 20, "Wide")
        t2 = _simple_table(t1.bottom + 50, wide, widths=(40, 160, 70, 70))
        t2.style = "three_line"
        t2.draw(c)

    tables = stitch(grids_of(make_pdf(tmp_path / "narrow.pdf", page)), DEFAULTS)
    assert [cells_of(t) for t in tables] == [narrow[1:], wide[1:]]
    assert [t.header_paths for t in tables] == [[("行政区划",), ("签发数量",)],
                                                [("序号",), ("名称",), ("预约数量",), ("累计数量",)]]


def test_a_justified_line_spreading_every_glyph_keeps_its_figures_whole(tmp_path: Path) -> None:
    """Justified setting spreads every glyph of a line apart, digits too: '2022年' stays
    '2022年', while a real word space on such a line is still a space."""
    def page(c) -> None:
        for top, line in ((100, "2022年9月，国家卫生健康委发布全国卫生健康信息化发展指数"), (130, "Health App 12320")):
            t = c.beginText()
            t.setFont(CJK_FONT, 11.5)
            t.setCharSpace(2.5)
            t.setTextOrigin(60, PAGE_H - (top + 0.8 * 11.5))
            t.textOut(line)
            c.drawText(t)

    lines = load(make_pdf(tmp_path / "justified.pdf", page)).lines
    assert [ln.text for ln in lines] == ["2022年9月，国家卫生健康委发布全国卫生健康信息化发展指数", "Health App 12320"]


def test_a_centred_name_over_the_only_row_of_a_page_stays_with_it(tmp_path: Path) -> None:
    """The only body row under a header at a page's foot, its name wrapped over two lines and its
    figures set between them (nearer the second): the first line is no row of its own, however
    the second line reads together with the figures."""
    def page(c) -> None:
        c.setLineWidth(0.5)
        for y in (100, 120, 146):
            c.line(60, PAGE_H - y, 400, PAGE_H - y)
        for x, head in ((63, "序号"), (103, "单位"), (303, "预约挂号"), (353, "累计总量")):
            text(c, x, 105, head, 9)
        text(c, 103, 123, "江苏益丰大药房连锁有限", 9)
        text(c, 103, 133.5, "公司六合区桥荫路诊所", 9)
        for x, figure in ((63, "1"), (303, "179,034"), (353, "294,804")):
            text(c, x, 130.1, figure, 9)

    table = only_table(make_pdf(tmp_path / "centred-only-row.pdf", page))
    assert table.header_paths == [("序号",), ("单位",), ("预约挂号",), ("累计总量",)]
    assert cells_of(table) == [["1", "江苏益丰大药房连锁有限公司六合区桥荫路诊所", "179,034", "294,804"]]


def test_the_rest_of_a_cut_row_under_a_header_merged_otherwise_keeps_its_column(tmp_path: Path) -> None:
    """Page 2 shows only the rest of a name the page cut and the total, under a repeated header
    set otherwise (the group label merged with its first sub-column): too few rows to show its
    own gutters, the page takes the columns of the same header's page (the same words, as wide)."""
    widths = [34, 170, 70, 70]

    def page1(c) -> None:
        t = Table(left=60, top=620, col_widths=widths, row_heights=[20, 20, 20, 20, 20, 20], style="three_line",
                  centred_rows=2)
        t.cells = [cell(0, 0, "序号", rowspan=2), cell(0, 1, "单位", rowspan=2), cell(0, 2, "预约挂号", colspan=2),
                   cell(1, 2, "2030年总量"), cell(1, 3, "累计总量")]
        for r, row in enumerate([["1", "南京市鼓楼医院", "10", "20"], ["2", "南京市第一医院", "30", "40"],
                                 ["3", "江苏省人民医院", "50", "60"], ["4", "江苏百信大药房连锁有限公司栖霞区", "5", "6"]],
                                start=2):
            t.cells += [cell(r, k, v) for k, v in enumerate(row)]
        t.draw(c)

    def page2(c) -> None:
        t = Table(left=60, top=60, col_widths=widths, row_heights=[20, 20, 20, 20], style="three_line",
                  centred_rows=2)
        t.cells = [cell(0, 0, "序号", rowspan=2), cell(0, 1, "单位", rowspan=2),
                   cell(0, 2, ["预约挂号", "2030年总量"], rowspan=2), cell(0, 3, "累计总量", rowspan=2),
                   cell(2, 1, "浦珠路诊所"), cell(3, 1, "合计"), cell(3, 2, "95"), cell(3, 3, "126")]
        t.draw(c)

    table = only_table(make_pdf(tmp_path / "rest-of-row.pdf", page1, page2))
    assert table.header_paths == [("序号",), ("单位",), ("预约挂号", "2030年总量"), ("预约挂号", "累计总量")]
    assert cells_of(table) == [["1", "南京市鼓楼医院", "10", "20"], ["2", "南京市第一医院", "30", "40"],
                               ["3", "江苏省人民医院", "50", "60"], ["4", "江苏百信大药房连锁有限公司栖霞区浦珠路诊所", "5", "6"],
                               ["", "合计", "95", "126"]]


def test_a_page_header_rule_between_a_tables_outer_and_inner_extents_is_no_table_rule(tmp_path: Path) -> None:
    """LibreOffice draws a table's outer rules a little wider than its inner ones; a page
    header's rule whose ends fall between the two is no top rule of the table (read from it,
    the table came out twice)."""
    rows = [["序号", "单位", "预约数量"], ["1", "南京市鼓楼医院", "100"], ["2", "南京市第一医院", "200"],
            ["3", "江苏省人民医院", "300"]]

    def page(c) -> None:
        text(c, 80, 36, "南京市卫生信息中心 2030年度统计数据公报", 8)
        c.setLineWidth(0.5)
        c.line(79.6, PAGE_H - 47.7, 515.6, PAGE_H - 47.7)
        ys = [69.5 + 20 * k for k in range(len(rows) + 1)]
        for k, y in enumerate(ys):
            outer = k in (0, len(rows))
            c.line(76.3 if outer else 76.8, PAGE_H - y, 519.0 if outer else 518.5, PAGE_H - y)
        for y, row in zip(ys, rows):
            for x, value in zip((82, 130, 420), row):
                text(c, x, y + 5, value, 9)

    table = only_table(make_pdf(tmp_path / "outer-rules.pdf", page))
    assert table.header_paths == [("序号",), ("单位",), ("预约数量",)]
    assert cells_of(table) == rows[1:]


def test_a_tracked_line_cut_before_a_bracketed_group_is_no_paragraph_end(tmp_path: Path) -> None:
    """Text set with tracking (字距) on every glyph: a line stopping short because '(2030)，'
    with its spacing did not fit after it still runs on into the next line."""
    full = "南京市卫生信息中心持续推进全民健康信息平台建设完善数据标准体系扎实推进各"
    # the group is 51 pt wide with its spacing inside; the cut line stops 58.5 pt short of the
    # margin: room for the group and half an em, not for its spacing before and after it too
    cut_short = "2030年5月，国家卫生健康委员会正式发布全国卫生健康信息化发"
    lines = [(85.8, full[2:]), (60, full), (95.6, cut_short), (60, "(2030)，南京市位列第三。")]

    def page(c) -> None:
        for k, (x, line) in enumerate(lines):
            t = c.beginText()
            t.setFont(CJK_FONT, 11)
            t.setCharSpace(1.9)
            t.setTextOrigin(x, PAGE_H - (100 + 20 * k + 0.8 * 11))
            t.textOut(line)
            c.drawText(t)

    pieces = cut(load(make_pdf(tmp_path / "tracked.pdf", page)))
    assert [p.text for p in pieces[0].paragraphs()] == [full[2:] + full, cut_short + "(2030)，南京市位列第三。"]


@pytest.mark.parametrize("style", ["rows_only", "three_line"])
def test_a_caption_broken_over_two_lines_between_two_tables_parts_them(tmp_path: Path, style: str) -> None:
    """A caption no larger than the table text, broken in the middle of its words over two lines,
    between two tables of one width: neither line alone reads as a title, the two together do."""
    def between(c, bottom: float) -> float:
        text(c, 90, bottom + 14, "2030 年度南京市互联网医院预约", 9)
        text(c, 130, bottom + 26, "情况统计", 9)
        return bottom + 50

    first, second = FIRST_BOOKINGS, SECOND_BOOKINGS
    pieces = cut(load(make_pdf(tmp_path / "caption.pdf", _two_tables(style, between))))
    assert [p.title for p in pieces] == ["", "Appointments", "2030 年度南京市互联网医院预约情况统计"]
    assert [cells_of(t) for t in pieces[1].tables()] == [first[1:]]
    assert [cells_of(t) for t in pieces[2].tables()] == [second[1:]]


def test_a_header_merged_otherwise_over_the_rest_of_a_cut_row(tmp_path: Path) -> None:
    """Page 2 repeats the header merged otherwise, and under it comes the rest of the row the
    page break cut ('院', no figures): the header is still the header, '院' ends its row."""
    widths = [150, 70, 70, 70, 70]

    def page1(c) -> None:
        t = Table(left=60, top=100, col_widths=widths, row_heights=[20, 20, 20, 20])
        t.cells = [*two_level_header(),
                   *[cell(r, k, v) for r, row in ((2, ["南京市鼓楼医院", "1", "2", "3", "4"]),
                                                  (3, ["江苏省省级机关医", "5", "6", "7", "8"]))
                     for k, v in enumerate(row)]]
        t.draw(c)

    def page2(c) -> None:
        t = Table(left=60, top=60, col_widths=widths, row_heights=[20, 20, 20, 20])
        t.cells = [cell(0, 0, "单位", rowspan=2), cell(0, 1, ["预约挂号", "2030年总量"], rowspan=2),
                   cell(1, 2, "累计总量"), cell(0, 3, ["咨询数据", "2030年总量"], rowspan=2), cell(1, 4, "累计总量"),
                   cell(2, 0, "院"),
                   *[cell(3, k, v) for k, v in enumerate(["江苏省人民医院", "9", "10", "11", "12"])]]
        t.draw(c)

    table = only_table(make_pdf(tmp_path / "merged-otherwise-cut.pdf", page1, page2))
    assert table.header_paths == TWO_LEVEL_PATHS
    assert cells_of(table) == [["南京市鼓楼医院", "1", "2", "3", "4"], ["江苏省省级机关医院", "5", "6", "7", "8"],
                               ["江苏省人民医院", "9", "10", "11", "12"]]


def _grid(page: int, rows: list[list[str]]) -> Grid:
    """A grid as a producer's cells read: equal neighbouring texts in a row are one merged cell."""
    slots = []
    for r, texts in enumerate(rows):
        row: list = []
        for c, value in enumerate(texts):
            row.append(row[-1] if c and texts[c - 1] == value and value else Cell((c, r, c + 1, r + 1), value))
        slots.append(row)
    return Grid(page=page, bbox=(0, 0, len(rows[0]), len(rows)), slots=slots,
                row_bounds=[(r, r + 1) for r in range(len(rows))], col_bounds=[(c, c + 1) for c in range(len(rows[0]))])


def test_header_words_in_a_repeated_header_cell_are_no_cut_row() -> None:
    """A repeated header read with a group label and its first sub-column run together
    ('就诊数据2030年度总量'): the extra words are the header's own, no rest of a cut row."""
    header = [["序号", "单位", "就诊数据", "就诊数据", "在线处方", "在线处方"],
              ["序号", "单位", "2030年度总量", "累计总量", "2030年总量", "累计总量"]]
    page1 = _grid(6, [*header, ["44", "南京一民医院", "13", "27", "4", "19"]])
    page2 = _grid(7, [["序号", "单位", "就诊数据2030年度总量", "就诊数据2030年度总量", "在线处方", "在线处方"],
                      ["序号", "单位", "就诊数据2030年度总量", "累计总量", "2030年总量", "累计总量"],
                      ["45", "南京明基医院", "474", "1840", "666", "694"]])
    [table] = stitch([page1, page2], DEFAULTS)
    assert cells_of(table) == [["44", "南京一民医院", "13", "27", "4", "19"], ["45", "南京明基医院", "474", "1840", "666", "694"]]


def test_tight_columns_edge_to_edge_headers_and_a_wide_total(tmp_path: Path) -> None:
    """Columns at their narrowest: header cells set edge to edge with a sliver between them
    ('电子健康证数备注', the last column empty), figures right-aligned, and a total row whose
    wide figures nearly touch ('0 197655'). Every column still reads apart."""
    size = 10.0
    # right edges of the figure columns, and header cells centred over each column
    columns = [("诊间预约", 200, 250), ("第三方", 250, 286.4), ("电子健康证数", 288, 350), ("备注", 350, 372)]
    body = [["南京市鼓楼医院", "0", "73364", "123"], ["南京市第一医院", "0", "50738", "4567"],
            ["江苏省人民医院", "0", "26318", "89"], ["合计", "0", "150420", "4779"]]

    def right(c, x1: float, top: float, value: str) -> None:
        text(c, x1 - 2 - c.stringWidth(value, font_for(value), size), top, value, size)

    def page(c) -> None:
        c.setLineWidth(0.5)
        for y in (100, 118, 118 + 18 * len(body)):
            c.line(60, PAGE_H - y, 372, PAGE_H - y)
        text(c, 62, 104, "单位", size)
        for head, x0, x1 in columns:
            text(c, (x0 + x1 - c.stringWidth(head, font_for(head), size)) / 2, 104, head, size)
        for k, row in enumerate(body):
            top = 122 + 18 * k
            text(c, 62, top, row[0], size)
            for value, (_, _, x1) in zip(row[1:], columns):
                right(c, x1, top, value)

    table = only_table(make_pdf(tmp_path / "tight.pdf", page))
    assert table.header_paths == [("单位",), ("诊间预约",), ("第三方",), ("电子健康证数",), ("备注",)]
    assert cells_of(table) == [[*row, ""] for row in body]


def test_a_letter_spaced_header_cell_is_one_cell(tmp_path: Path) -> None:
    """'单 位 名 称' set with spacing between its letters over short names is one header cell,
    not a column per letter; a short figure run keeps its word space ('5 7' is no '57')."""
    def page(c) -> None:
        c.setLineWidth(0.5)
        for y in (100, 118, 154):
            c.line(90, PAGE_H - y, 260, PAGE_H - y)
        t = c.beginText()
        t.setFont(CJK_FONT, 10)
        t.setCharSpace(3)
        t.setTextOrigin(100, PAGE_H - (104 + 8))
        t.textOut("单位名称")
        t.setCharSpace(0)  # the PDF text state outlives the text object
        c.drawText(t)
        text(c, 200, 104, "数量", 10)
        for top, (name, figure) in ((122, ("鼓楼医院", "12")), (140, ("市一医院", "5 7"))):
            text(c, 92, top, name, 10)
            text(c, 205, top, figure, 10)

    table = only_table(make_pdf(tmp_path / "letter-spaced.pdf", page))
    assert table.header_paths == [("单位名称",), ("数量",)]
    assert cells_of(table) == [["鼓楼医院", "12"], ["市一医院", "5 7"]]


def test_autospace_between_figures_and_chinese_in_a_header_cell_parts_nothing(tmp_path: Path) -> None:
    """Word and LibreOffice set a gap between Latin and Chinese text without a space glyph
    ('2028' 年数据条数'): the header cell stays one, no column of its own for '2028'."""
    def page(c) -> None:
        c.setLineWidth(0.5)
        for y in (100, 118, 154):
            c.line(90, PAGE_H - y, 330, PAGE_H - y)
        text(c, 92, 104, "单位", 10)
        text(c, 200, 104, "2028", 10)
        text(c, 200 + c.stringWidth("2028", font_for("2028"), 10) + 2.5, 104, "年数据条数", 10)
        for top, (name, figure) in ((122, ("南京市鼓楼医院", "9,489,900")), (140, ("南京市第一医院", "12"))):
            text(c, 92, top, name, 10)
            text(c, 300 - c.stringWidth(figure, font_for(figure), 10), top, figure, 10)

    table = only_table(make_pdf(tmp_path / "autospace.pdf", page))
    assert table.header_paths == [("单位",), ("2028年数据条数",)]
    assert cells_of(table) == [["南京市鼓楼医院", "9,489,900"], ["南京市第一医院", "12"]]


def test_a_centred_header_over_short_right_aligned_figures_keeps_its_column(tmp_path: Path) -> None:
    """A wide column (a landscape page): '人次' centred under its group, the figures right-aligned
    and too short to reach under it; only the total's figures do. The total's figures still say
    where the column is (leaving them out parts no more columns)."""
    size = 10.0
    body = [["鼓楼区", "51813", "11766.73"], ["江宁区", "71616", "873581.36"], ["栖霞区", "19597", "5377.41"],
            ["合计", "21554557", "890725.50"]]

    def page(c) -> None:
        c.setLineWidth(0.5)
        for y, x0 in ((100, 60), (116, 200), (134, 60), (134 + 18 * len(body), 60)):
            c.line(x0, PAGE_H - y, 460, PAGE_H - y)
        text(c, 62, 112, "接入单位", size)
        text(c, 330 - c.stringWidth("门急诊信息", CJK_FONT, size) / 2, 103, "门急诊信息", size)
        text(c, 289 - c.stringWidth("人次", CJK_FONT, size) / 2, 120, "人次", size)
        text(c, 395 - c.stringWidth("收入（千元）", CJK_FONT, size) / 2, 120, "收入（千元）", size)
        for k, row in enumerate(body):
            top = 138 + 18 * k
            text(c, 62, top, row[0], size)
            for value, x1 in zip(row[1:], (328, 458)):
                text(c, x1 - c.stringWidth(value, font_for(value), size), top, value, size)

    table = only_table(make_pdf(tmp_path / "centred-leaf.pdf", page))
    assert table.header_paths == [("接入单位",), ("门急诊信息", "人次"), ("门急诊信息", "收入（千元）")]
    assert cells_of(table) == body


def test_a_short_continued_page_takes_the_layout_of_its_own_table(tmp_path: Path) -> None:
    """Two tables with the same header words and width but other columns (hospitals' names are
    wider than districts'); a continued page of one row under a header set otherwise takes the
    layout that keeps its cells apart, not the first one with the same words."""
    def table(c, top: float, split: float, rows: list[list[str]], wrapped: bool = False) -> None:
        c.setLineWidth(0.5)
        bottom = top + 20 + 18 * len(rows)
        for y in (top, top + 20, bottom):
            c.line(60, PAGE_H - y, 400, PAGE_H - y)
        text(c, 62, top + 5, "接入单位", 10)
        if wrapped:
            text(c, split + 4, top + 1, "定时数据", 10)
            text(c, split + 4, top + 10, "上传量", 10)
        else:
            text(c, split + 4, top + 5, "定时数据上传量", 10)
        for k, (name, figure) in enumerate(rows):
            text(c, 62, top + 24 + 18 * k, name, 10)
            text(c, split + 4, top + 24 + 18 * k, figure, 10)

    hospitals = [["南京医科大学第二附属医院", "28178980"], ["南京市溧水区中医院", "377614270"], ["南京江北医院", "1311029"]]
    districts = [["鼓楼区", "226351191"], ["江宁区", "159196619"], ["高淳区", "55172295"]]
    pdf = make_pdf(tmp_path / "two-layouts.pdf", lambda c: table(c, 100, 250, hospitals),
                   lambda c: table(c, 100, 150, districts), lambda c: table(c, 60, 150, [["玄武区", "103064836"]], True))
    # (no title between them here, so the three pages stitch into one table)
    assert cells_of(only_table(pdf)) == hospitals + districts + [["玄武区", "103064836"]]


def test_a_header_broken_over_a_page_under_a_group_cell(tmp_path: Path) -> None:
    """The header's top row alone at a page's foot holds a group cell over two columns; its rest
    atop the next page parts them: one header, the group over both."""
    def page1(c) -> None:
        t = Table(left=60, top=760, col_widths=[130, 70, 70], row_heights=[20])
        t.cells = [cell(0, 0, "单位"), cell(0, 1, "门急诊信息", colspan=2)]
        t.draw(c)

    def page2(c) -> None:
        t = Table(left=60, top=60, col_widths=[130, 70, 70], row_heights=[20, 20, 20])
        t.cells = [cell(0, 1, "人次"), cell(0, 2, "收入（千元）"), cell(1, 0, "南京市鼓楼医院"), cell(1, 1, "12"),
                   cell(1, 2, "3.5"), cell(2, 0, "江苏省人民医院"), cell(2, 1, "7"), cell(2, 2, "1.25")]
        t.draw(c)

    table = only_table(make_pdf(tmp_path / "broken-group-header.pdf", page1, page2))
    assert table.header_paths == [("单位",), ("门急诊信息", "人次"), ("门急诊信息", "收入（千元）")]
    assert cells_of(table) == [["南京市鼓楼医院", "12", "3.5"], ["江苏省人民医院", "7", "1.25"]]


def _tight_three_line_table(c, rows: list[list[str]], gap: float) -> None:
    """A 三线表 whose figure columns are right-aligned and set `gap` points apart (the widest
    figure of one column nearly touching the last of the one before), their headers centred; a
    remarks column left-aligned the same `gap` after the last figures; the group cell '门急诊信息'
    centred over the first two figure columns."""
    size = 9.0

    def width(s: str) -> float:
        return c.stringWidth(s, font_for(s), size)

    name_x = 60.0
    heads = ["人次", "收入（千元）", "人次"]
    spans = []  # (left, right) of each figure column: its widest figure or header
    for k, head in enumerate(heads, start=1):
        left = spans[-1][1] + gap if spans else 180.0
        spans.append((left, left + max([width(head)] + [width(row[k]) for row in rows])))
    remarks_x = spans[-1][1] + gap
    right = remarks_x + 40
    for rule_top in (100, 146):
        c.line(name_x - 4, PAGE_H - rule_top, right, PAGE_H - rule_top)
    group = "门急诊信息"
    text(c, (spans[0][0] + spans[1][1] - width(group)) / 2, 106, group, size)
    c.line(spans[0][0], PAGE_H - 120, spans[1][1], PAGE_H - 120)  # the group's own short rule
    text(c, name_x, 106, "单位", size)  # 单位 and 备注 set at the header's top
    text(c, remarks_x, 106, "备注", size)
    for head, (left, right_edge) in zip(heads, spans):
        text(c, (left + right_edge - width(head)) / 2, 130, head, size)
    top = 152
    for row in rows:
        text(c, name_x, top, row[0], size)
        for k, (_, right_edge) in enumerate(spans, start=1):
            text(c, right_edge - width(row[k]), top, row[k], size)
        if row[4]:
            text(c, remarks_x, top, row[4], size)
        top += 16
    c.line(name_x - 4, PAGE_H - (top + 2), right, PAGE_H - (top + 2))


def test_tight_columns_under_a_group_cell_and_a_sparse_remarks_column_stay_apart(tmp_path: Path) -> None:
    """Columns closer than the narrowest gutter: the leaf headers over them part them though a
    group cell stands centred over both, and a remarks column with text in one row of four
    parts from the figures before it (every row holding a remark holds figures too)."""
    rows = [["南京怡悦医院", "5904425", "12791021.69", "9340", "系统升级"],
            ["江苏省人民医院", "804917", "575435.16", "171401", ""],
            ["南京市溧水区人民医院", "16854", "14182.64", "42958", ""],
            ["南京明基医院", "3", "92932.19", "10258", ""]]
    table = only_table(make_pdf(tmp_path / "tight.pdf", lambda c: _tight_three_line_table(c, rows, gap=2.6)))
    assert table.header_paths == [("单位",), ("门急诊信息", "人次"), ("门急诊信息", "收入（千元）"), ("人次",), ("备注",)]
    assert cells_of(table) == rows


def test_a_small_grid_inside_a_bigger_ones_borders_keeps_its_outer_columns(tmp_path: Path) -> None:
    """Two ruled tables on one page, the second's left rule a little over 3 pt inside the
    first's, both painted as thin filled rectangles too (as Chromium paints CSS borders: two
    edges 0.75 pt apart). pdfplumber's snapping chains all those edges into one cluster and moves
    them to its mean, which the long table's many row segments pull onto its own border: the
    small table's rules then no longer met its left border and its first column was lost."""
    big = Table(left=57.6, top=60, col_widths=[110, 120, 120, 122.7], row_heights=[12] * 30, size=8, leading=9)
    big.cells = [cell(r, k, v) for r in range(30) for k, v in enumerate([f"医院{r}", str(r), str(2 * r), ""])]
    small = Table(left=61.2, top=440, col_widths=[100, 120, 120, 126.5], row_heights=[20, 20])
    small.cells = [cell(r, k, v) for r, row in enumerate([["接入单位", "人次", "收入（千元）", "住院收入（千元）"],
                                                         ["玄武区", "27861", "7397.09", "48731.4"]])
                   for k, v in enumerate(row)]

    def page(c) -> None:
        for table in (big, small):
            table.draw(c)
            c.rect(table.left, PAGE_H - table.bottom, 0.75, table.bottom - table.top, stroke=0, fill=1)

    grids = grids_of(make_pdf(tmp_path / "two-grids.pdf", page))
    assert [grids[-1].row(i) for i in range(len(grids[-1].slots))] == [
        ["接入单位", "人次", "收入（千元）", "住院收入（千元）"], ["玄武区", "27861", "7397.09", "48731.4"]]


def test_a_broken_three_line_table_goes_on_past_a_row_whose_name_wraps_below_its_figures(tmp_path: Path) -> None:
    """A 三线表 cut by the page has no rule under its last row: its rows are taken down to a wide
    gap. A name wrapped over two lines, its figures between them, leaves its second line below
    the figures: the gap to the next row counts from that line, not from the figures."""
    rows = [["1", ["南京仙林中医门诊部"], "733", "41"],
            ["2", ["江苏大参林大药房连锁有限公司鼓楼区中山路诊", "所"], "13", "1"],
            ["3", ["江苏省口腔医院"], "539", "11"],
            ["4", ["南京市溧水区中医医院"], "616", "0"]]

    def page(c) -> None:
        for y in (100, 122):
            c.line(60, PAGE_H - y, 460, PAGE_H - y)
        for x, head in ((62, "序号"), (90, "单位"), (330, "快速预约"), (400, "诊间预约")):
            text(c, x, 107, head, 9.5)
        top = 128.0
        for seq, name, *figures in rows:
            # a wrapped name's lines 12 pt apart, the row's seq and figures between them, nearer
            # the second (Chromium centres the cell's box, not its lines)
            middle = top + 8.5 * (len(name) - 1)
            text(c, 64, middle, seq, 9.5)
            for k, line in enumerate(name):
                text(c, 80, top + 12 * k, line, 9.5)
            for x, figure in zip((370, 440), figures):
                text(c, x - c.stringWidth(figure, font_for(figure), 9.5), middle, figure, 9.5)
            top += 12 * len(name) + 9

    table = only_table(make_pdf(tmp_path / "broken-three-line.pdf", page))
    assert cells_of(table) == [[seq, "".join(name), *figures] for seq, name, *figures in rows]


def _letter_spaced(c, x: float, top: float, label: str, size: float = 9.0) -> None:
    """`label` set character by character with two printed spaces between (in a face whose
    space is 0.6 em wide, as wide as a Latin face's spaces print in CJK text): each gap 1.2 em."""
    for k, ch in enumerate(label):
        text(c, x, top, ch, size)
        x += size
        if k < len(label) - 1:
            for _ in range(2):
                text(c, x, top, " ", size, font="Courier")
                x += 0.6 * size


@pytest.mark.parametrize("style, align", UNRULED)
def test_header_labels_letter_spaced_with_two_spaces_stay_whole(tmp_path: Path, style: str, align: str) -> None:
    """Labels letter-spaced with two printed spaces ('单  位', '累  计  总  量') leave gaps wider
    than a space between their characters: the spaces that fill them keep each label one cell."""
    t = Table(left=60, top=100, col_widths=[110, 110, 70], row_heights=[20, 20, 20], style=style, align=align)
    t.cells = [cell(0, 2, "2030年总量"),
               cell(1, 0, "南京市鼓楼医院"), cell(1, 1, "1066"), cell(1, 2, "56"),
               cell(2, 0, "江苏省人民医院"), cell(2, 1, "722"), cell(2, 2, "0")]

    def page(c) -> None:
        t.draw(c)
        top = 100 + (20 - 9) / 2
        _letter_spaced(c, 63, top, "单位")
        _letter_spaced(c, 173, top, "累计总量")

    table = only_table(make_pdf(tmp_path / f"{style}.pdf", page))
    assert table.header_paths == [("单 位",), ("累 计 总 量",), ("2030年总量",)]
    assert cells_of(table) == [["南京市鼓楼医院", "1066", "56"], ["江苏省人民医院", "722", "0"]]


def _glyphs(c, top: float, placed: list[tuple[float, str]], size: float = 8.0) -> None:
    """Glyphs drawn one by one where a browser set them; printed spaces in Courier (0.6 em)."""
    for x, ch in placed:
        text(c, x, top, ch, size, font="Courier" if ch == " " else None)


def test_a_wrapped_labels_trailing_spaces_hanging_over_the_next_cell_part_nothing(tmp_path: Path) -> None:
    """Chromium hangs the trailing spaces of a wrapped, letter-spaced label ('累  计  总  ' over
    '量') past the end of its cell, over the first glyphs of the next cell ('2022年度'): a run of
    spaces with a glyph's middle inside spaces no text of its own (`hangs_over_text`), so the two
    cells part, while the spaces between '累', '计' and '总' still keep that label one."""
    figures = [("江苏省人民医院", "130", "133", "0"), ("南京市第一医院", "2007", "5810", "2233")]

    def page(c) -> None:
        c.setLineWidth(0.5)
        for y in (100, 126, 160):
            c.line(60, PAGE_H - y, 330, PAGE_H - y)
        text(c, 62, 109, "单位", 8)
        _glyphs(c, 104, [(198.2, "2"), (202.5, "0"), (206.9, "2"), (211.2, "2"), (215.6, "年"), (223.6, "总"),
                         (235.5, "累"), (243.5, " "), (247.4, " "), (252.2, "计"), (260.2, " "), (264.1, " "),
                         (268.9, "总"), (276.9, " "), (281.3, " "),
                         (282.8, "2"), (287.2, "0"), (291.5, "2"), (295.9, "2"), (300.3, "年"), (308.3, "度")])
        _glyphs(c, 114, [(210.9, "量"), (252.2, "量"), (291.5, "总"), (299.5, "量")])
        for top, (name, *values) in zip((130, 144), figures):
            text(c, 62, top, name, 8)
            for x1, value in zip((221.1, 262.4, 310.0), values):
                text(c, x1 - c.stringWidth(value, font_for(value), 8), top, value, 8)

    path = make_pdf(tmp_path / "hanging-spaces.pdf", page)
    with pdfplumber.open(path) as doc:
        line = [ch for ch in doc.pages[0].chars if abs(ch["top"] - 104) < 2]
    middles = [(ch["x0"] + ch["x1"]) / 2 for ch in line if not ch["text"].isspace()]
    spaces = sorted((ch for ch in line if ch["text"].isspace()), key=lambda ch: ch["x0"])
    assert hangs_over_text(spaces[4:], middles)
    assert not hangs_over_text(spaces[:2], middles)
    table = only_table(path)
    assert table.header_paths == [("单位",), ("2022年总量",), ("累 计 总量",), ("2022年度总量",)]
    assert cells_of(table) == [list(row) for row in figures]


def test_a_bare_folio_right_under_a_broken_three_line_table_is_no_row(tmp_path: Path) -> None:
    """A 三线表 cut by the page foot, its page number printed as the number alone, centred, one
    row's pitch under the last row: it is the page's last line, no row of the table (it made a
    column of its own: '(column 4 without header)')."""
    rows = [["1", "东部战区总医院", "1123", "0"], ["2", "南京一民医院", "33", "5"], ["3", "南京同仁医院", "22", "4"]]

    def page(c) -> None:
        for y in (740, 762):
            c.line(60, PAGE_H - y, 460, PAGE_H - y)
        for x, head in ((62, "序号"), (90, "单位"), (330, "在线预约"), (400, "快速预约")):
            text(c, x, 747, head, 9)
        top = 767.0
        for row in rows:
            text(c, 64, top, row[0], 9)
            text(c, 80, top, row[1], 9)
            for x, figure in zip((370, 440), row[2:]):
                text(c, x - c.stringWidth(figure, font_for(figure), 9), top, figure, 9)
            top += 14
        text(c, (PAGE_W - c.stringWidth("4", font_for("4"), 9)) / 2, top, "4", 9)

    table = only_table(make_pdf(tmp_path / "bare-folio.pdf", page))
    assert table.header_paths == [("序号",), ("单位",), ("在线预约",), ("快速预约",)]
    assert cells_of(table) == rows


def test_the_rest_of_a_cut_row_in_a_column_the_next_row_leaves_blank_joins_its_row(tmp_path: Path) -> None:
    """A 三线表 broken by the page cuts a row's remark ('系统升' / '级'). On the next page the
    rest stands a whole row above the first row, in the remarks column that row leaves blank:
    it is no first line of a name centred on that row but the cut row's rest, joined to it."""
    heads = ((62, "序号"), (90, "单位"), (330, "人次"), (380, "备注"))

    def header(c, top: float) -> None:
        for y in (top, top + 22):
            c.line(60, PAGE_H - y, 460, PAGE_H - y)
        for x, head in heads:
            text(c, x, top + 7, head, 10)

    def row(c, top: float, cells: list[str]) -> None:
        for (x, _), value in zip(heads, cells):
            if value:
                if value.isdigit() and x == 330:
                    x = 360 - c.stringWidth(value, font_for(value), 10)
                text(c, x, top, value, 10)

    def page1(c) -> None:
        header(c, 740)
        row(c, 768, ["1", "南京市鼓楼医院", "12", ""])
        row(c, 786, ["2", "江苏省人民医院", "40", "系统升"])

    def page2(c) -> None:
        header(c, 60)
        row(c, 87, ["", "", "", "级"])
        row(c, 105, ["3", "南京市第一医院", "7", ""])
        row(c, 123, ["4", "南京脑科医院", "9", ""])
        c.line(60, PAGE_H - 140, 460, PAGE_H - 140)

    table = only_table(make_pdf(tmp_path / "cut-remark.pdf", page1, page2))
    assert cells_of(table) == [["1", "南京市鼓楼医院", "12", ""], ["2", "江苏省人民医院", "40", "系统升级"],
                               ["3", "南京市第一医院", "7", ""], ["4", "南京脑科医院", "9", ""]]


def test_two_short_pages_of_one_table_show_its_columns_together(tmp_path: Path) -> None:
    """A side-by-side 三线表 (序号 | 名称 | 预约数量, twice) broken by the page after its first row,
    which the break cut ('南京发布城市服' / '务'); the next page holds that rest, one row of the
    left group only and the total. Neither page has rows enough to show its gutters, and the header alone puts
    the rest under the right group's 序号 (its 名称 is centred far right of where names start):
    the two pages' rows together show where the right group's names stand."""
    size = 10.5
    heads = [(100.8, "序号"), (182.6, "名称"), (264.4, "预约数量"), (323.4, "序号"), (388.0, "名称"), (452.7, "预约数量")]

    def header(c, top: float) -> None:
        for y in (top, top + 17):
            c.line(92, PAGE_H - y, 503, PAGE_H - y)
        for x, head in heads:
            text(c, x, top + 2, head, size)

    def right(c, x1: float, top: float, s: str) -> None:
        text(c, x1 - c.stringWidth(s, font_for(s), size), top, s, size)

    def page1(c) -> None:
        header(c, 741)
        top = 760
        text(c, 108.2, top, "1", size)
        text(c, 135.7, top, "南京卫生12320微信", size)
        right(c, 309.5, top, "21,370")
        text(c, 330.7, top, "3", size)
        text(c, 358.3, top, "南京发布城市服", size)
        right(c, 497.8, top, "21,808")

    def page2(c) -> None:
        header(c, 68)
        text(c, 358.3, 87, "务", size)
        text(c, 108.2, 103, "2", size)
        text(c, 135.7, 103, "我的南京客户端", size)
        right(c, 309.5, 103, "1,583")
        text(c, 97.7, 119, "合计：44761", size)
        c.line(92, PAGE_H - 136, 503, PAGE_H - 136)

    table = only_table(make_pdf(tmp_path / "side-by-side-cut.pdf", page1, page2))
    assert cells_of(table) == [["1", "南京卫生12320微信", "21,370", "3", "南京发布城市服务", "21,808"],
                               ["2", "我的南京客户端", "1,583", "", "", ""], ["合计：44761", "", "", "", "", ""]]


def _rows_ruled_under(c, rows: list[list[str]], name_x: float, rights: tuple[float, ...], top: float,
                      extent: tuple[float, float], pitch: float, size: float) -> None:
    """Body rows, the name left-aligned at `name_x`, figures right-aligned at `rights`, a rule
    under each row (no inner vertical rules), one row every `pitch` points from `top`."""
    for row in rows:
        text(c, name_x, top, row[0], size)
        for x1, figure in zip(rights, row[1:]):
            text(c, x1 - c.stringWidth(figure, font_for(figure), size), top, figure, size)
        c.line(extent[0], PAGE_H - (top + pitch - 4), extent[1], PAGE_H - (top + pitch - 4))
        top += pitch


def test_a_leaf_header_beside_its_figures_under_a_short_band_joins_their_column(tmp_path: Path) -> None:
    """Ruled row by row, no inner vertical rules: a band '预约方式' over the booking columns, its
    short text centred over one of them; under it the leaf '快速预约' stands left of its column's
    right-aligned figures, touching none. The band stands wholly above the leaf's line: it heads
    no column on its own, so the leaf still joins the figures beside it (it was a column of its
    own, and the figures a column with no header)."""
    size = 8.5
    rows = [["南京市浦口区中医医院", "31653", "2187", "0"], ["南京市妇幼保健院", "4914", "0", "0"],
            ["南京市江宁医院", "13304", "1201", "0"], ["南京市职业病防治院", "3837", "0", "2689"]]
    rights = (232.4, 314.3, 396.2)

    def page(c) -> None:
        left, right = 60, 420
        c.line(left, PAGE_H - 112, right, PAGE_H - 112)
        text(c, 303.2, 116, "预约方式", size)  # short, over one column only
        c.line(175, PAGE_H - 128, right, PAGE_H - 128)  # the band's own rule over its columns
        for x, head in ((78, "单位"), (178.7, "在线预约"), (258.6, "快速预约"), (340.5, "诊间预约")):
            text(c, x, 134, head, size)
        c.line(left, PAGE_H - 148, right, PAGE_H - 148)
        _rows_ruled_under(c, rows, 78, rights, 154.0, (left, right), 18, size)

    table = only_table(make_pdf(tmp_path / "band-over-leaf.pdf", page))
    assert table.header_paths == [("单位",), ("预约方式", "在线预约"), ("预约方式", "快速预约"), ("预约方式", "诊间预约")]
    assert cells_of(table) == rows


def test_a_leaf_header_beside_its_figures_under_a_group_cell_stacked_over_its_neighbour(tmp_path: Path) -> None:
    """The same with a group cell '门急诊信息' centred over its two sub-columns: it reaches over
    the first one's figures and stands stacked over the second one's leaf '收入（千元）'. Together
    they read as one header cell reaching down to the leaf line, but the group's own line stands
    wholly above the leaf '人次' beside those figures: the leaf still joins them."""
    size = 8.5
    rows = [["玄武区", "115963", "28712.43"], ["高淳区", "36847", "5310.2"], ["溧水区", "91153", "20417.96"]]
    rights = (493.0, 593.0)

    def page(c) -> None:
        left, right = 80, 600
        c.line(left, PAGE_H - 104, right, PAGE_H - 104)
        text(c, 485.3, 108, "门急诊信息", size)
        c.line(444, PAGE_H - 119, right, PAGE_H - 119)  # the group's own rule over its sub-columns
        for x, head in ((88.2, "接入单位"), (446.0, "人次"), (519.9, "收入（千元）")):
            text(c, x, 123, head, size)
        c.line(left, PAGE_H - 136, right, PAGE_H - 136)
        _rows_ruled_under(c, rows, 88.2, rights, 141.0, (left, right), 17, size)

    table = only_table(make_pdf(tmp_path / "group-over-neighbour.pdf", page))
    assert table.header_paths == [("接入单位",), ("门急诊信息", "人次"), ("门急诊信息", "收入（千元）")]
    assert cells_of(table) == rows


def test_a_notes_second_line_under_a_table_set_in_from_a_few_lines_margin_goes_on(tmp_path: Path) -> None:
    """A page of a few lines takes its margins from its outermost lines (here a remark hanging left
    of the table): a note set at the table's left edge wraps onto a second line that starts where
    it does, no paragraph of its own (`note_margins`; typst 710033: '…其中27家已接入市互联' /
    '网医院服务门户。' lost the city-portal figure's label)."""
    def page(c) -> None:
        heading(c, 60, 60, "Appointments")
        text(c, 45, 80, "（不包含电话预约、医院自有途径预约）", 9)
        table = _simple_table(100, FIRST_BOOKINGS)
        table.draw(c)
        text(c, 60, table.bottom + 6, "注：全市共有 12 家医院接入，其中 8 家已接入市互联网医", 9)
        text(c, 60, table.bottom + 18, "院服务门户。", 9)

    pieces = cut(load(make_pdf(tmp_path / "note.pdf", page)))
    assert [p.title for p in pieces] == ["", "Appointments"]
    assert pieces[1].page_margins[1][0] == pytest.approx(45, abs=0.5)  # the remark's edge: the page's margin
    assert [p.text for p in pieces[1].notes()] == ["注：全市共有 12 家医院接入，其中 8 家已接入市互联网医院服务门户。"]


def test_notes_set_in_from_the_margin_keep_their_own_paragraphs(tmp_path: Path) -> None:
    """The counter-case: two notes at the table's edge, the first stopping short, are two
    paragraphs; a note's line indented from the notes' own edge starts one too."""
    def page(c) -> None:
        heading(c, 60, 60, "Appointments")
        text(c, 45, 80, "（不包含电话预约、医院自有途径预约）", 9)
        table = _simple_table(100, FIRST_BOOKINGS)
        table.draw(c)
        text(c, 60, table.bottom + 6, "注：1. 全市共有 12 家医院接入。", 9)
        text(c, 60, table.bottom + 18, "2. 其中 8 家已接入市互联网医院服务门户，余下的将于明年接入市互联网", 9)
        text(c, 78, table.bottom + 30, "3. 数据截至年底。", 9)

    pieces = cut(load(make_pdf(tmp_path / "notes.pdf", page)))
    assert [p.text for p in pieces[1].notes()] == [
        "注：1. 全市共有 12 家医院接入。",
        "2. 其中 8 家已接入市互联网医院服务门户，余下的将于明年接入市互联网",
        "3. 数据截至年底。"]
