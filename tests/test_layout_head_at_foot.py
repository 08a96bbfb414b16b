"""A 三线表 the page broke right after its header (issue 17, docx 731002): its top rule, its one
header row and the rule under it alone at a page's foot, the body on the next page. One line
between two rules is otherwise a ruled-off line (a masthead, a boxed title), never a table. The
pages are drawn (tests/pdfkit.py) and read back by pdfplumber; exact values asserted."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from bulletin_etl.layout.document import load
from bulletin_etl.layout.lines import CharsByHeight
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Grid, stitch
from bulletin_etl.layout.tables.regions import Rule
from bulletin_etl.layout.tables.segments import segments

from .pdfkit import PAGE_H, PAGE_W, make_pdf, text

DEFAULTS = LayoutSettings()
rg = importlib.import_module("bulletin_etl.layout.tables.regions")

LEFT, RIGHT = 64.0, 531.0
HEADER = ((73, "行政区划"), (150, "门诊转诊"), (250, "检验检查转诊"), (360, "床位转诊"), (450, "各类转诊总量"))
TITLE = "2030年度南京市家庭医生分级诊疗系统转诊数据统计"


def rule(c, y: float) -> None:
    c.setLineWidth(0.5)
    c.line(LEFT, PAGE_H - y, RIGHT, PAGE_H - y)


def folio(c, number: str) -> None:
    text(c, PAGE_W / 2, 795, number, 9)


def head_at_foot(c, *, band: tuple[tuple[float, str], ...] = HEADER, below: str | None = None) -> None:
    """A table title, then the two rules with `band` between them at the page's foot."""
    text(c, 110, 690, TITLE, 12)
    rule(c, 720)
    for x, label in band:
        text(c, x, 724, label, 9)
    rule(c, 738)
    if below is not None:
        text(c, 72, 760, below, 9)
    folio(c, "- 7 -")


BODY = [("玄武区", ["68", "8", "299", "375"]), ("秦淮区", ["96", "15", "54", "165"]),
        ("合计", ["164", "23", "353", "540"])]


def body_on_next_page(c, *, repeated: bool = True) -> None:
    """The table's rows at the top of the next page, under its repeated header or none."""
    top = 72.0
    rule(c, top)
    if repeated:
        for x, label in HEADER:
            text(c, x, top + 4, label, 9)
        top += 18
        rule(c, top)
    for i, (name, figures) in enumerate(BODY):
        y = top + 4 + 16 * i
        text(c, 73, y, name, 9)
        for x, figure in zip((160, 270, 370, 470), figures):
            text(c, x, y, figure, 9)
    rule(c, top + 16 * len(BODY) + 4)
    folio(c, "- 8 -")


def drawn(tmp_path: Path, draw: Callable) -> tuple[CharsByHeight, list[Rule]]:
    with pdfplumber.open(make_pdf(tmp_path / "page.pdf", draw)) as pdf:
        page = pdf.pages[0]
        return CharsByHeight(page.chars), rg.horizontal_rules(page.edges, DEFAULTS)


def band_rows(index: CharsByHeight, top: Rule, bottom: Rule) -> list:
    return segments(index.inside((top.x0, top.y, top.x1, bottom.y)), DEFAULTS)


def test_a_header_band_alone_at_the_foot_is_a_tables_head(tmp_path: Path) -> None:
    index, [top, bottom] = drawn(tmp_path, head_at_foot)
    rows = band_rows(index, top, bottom)
    assert [s.text for s in rows[0]] == [label for _, label in HEADER]
    assert rg.is_header_line(rows[0], DEFAULTS)
    assert rg.is_head_band_at_foot(rows, bottom, index, DEFAULTS)


def test_a_title_boxed_by_rules_at_the_foot_is_no_head(tmp_path: Path) -> None:
    index, [top, bottom] = drawn(tmp_path, lambda c: head_at_foot(c, band=((110, TITLE),)))
    rows = band_rows(index, top, bottom)
    assert not rg.is_header_line(rows[0], DEFAULTS)
    assert not rg.is_head_band_at_foot(rows, bottom, index, DEFAULTS)


def test_a_title_in_spaced_runs_between_rules_is_no_head(tmp_path: Path) -> None:
    """A title set in runs ('2030年度' apart from the rest) still holds a run worded as a title."""
    band = ((73, "2030年度"), (150, "南京市家庭医生分级诊疗"), (320, "系统转诊数据统计"))
    index, [top, bottom] = drawn(tmp_path, lambda c: head_at_foot(c, band=band))
    rows = band_rows(index, top, bottom)
    assert len(rows[0]) == 3
    assert not rg.is_head_band_at_foot(rows, bottom, index, DEFAULTS)


def test_a_header_band_with_text_under_it_or_few_cells_or_figures_is_no_head(tmp_path: Path) -> None:
    index, [top, bottom] = drawn(tmp_path, lambda c: head_at_foot(c, below="本表数据来源于各区上报，下同。"))
    assert not rg.is_head_band_at_foot(band_rows(index, top, bottom), bottom, index, DEFAULTS)  # not the foot

    index, [top, bottom] = drawn(tmp_path, lambda c: head_at_foot(c, band=HEADER[:2]))
    assert not rg.is_head_band_at_foot(band_rows(index, top, bottom), bottom, index, DEFAULTS)  # two cells

    figures = ((73, "玄武区"), (160, "68"), (270, "8"), (370, "299"))
    index, [top, bottom] = drawn(tmp_path, lambda c: head_at_foot(c, band=figures))
    assert not rg.is_head_band_at_foot(band_rows(index, top, bottom), bottom, index, DEFAULTS)  # a row


def grids(pdf: Path) -> list[Grid]:
    return [b for b in load(pdf).blocks if isinstance(b, Grid)]


def test_the_head_at_the_foot_heads_the_rows_on_the_next_page(tmp_path: Path) -> None:
    found = grids(make_pdf(tmp_path / "two.pdf", head_at_foot, body_on_next_page))
    assert [(g.page, len(g.slots)) for g in found] == [(1, 1), (2, 4)]
    [table] = stitch(found, DEFAULTS)
    assert table.header_paths == [(label,) for _, label in HEADER]
    assert [r.cells for r in table.rows] == [[name, *figures] for name, figures in BODY]


def test_a_title_boxed_at_the_foot_stays_out_of_the_tables(tmp_path: Path) -> None:
    found = grids(make_pdf(tmp_path / "boxed.pdf", lambda c: head_at_foot(c, band=((110, TITLE),)),
                           body_on_next_page))
    assert [(g.page, len(g.slots)) for g in found] == [(2, 4)]


def test_the_head_at_the_foot_heads_rows_that_do_not_repeat_it(tmp_path: Path) -> None:
    found = grids(make_pdf(tmp_path / "none.pdf", head_at_foot, lambda c: body_on_next_page(c, repeated=False)))
    assert [(g.page, len(g.slots)) for g in found] == [(1, 1), (2, 3)]
    [table] = stitch(found, DEFAULTS)
    assert table.header_paths == [(label,) for _, label in HEADER]
    assert [r.cells for r in table.rows] == [[name, *figures] for name, figures in BODY]


SHIFTED = 25.0
"""How much further right another table under the same header words sets its columns (wider names)."""


def same_words_further_right(c) -> None:
    """A table as wide under the same header words, each set `SHIFTED` further right, its rows
    showing its own columns: learnt first."""
    rule(c, 100)
    for x, label in HEADER:
        text(c, x + SHIFTED, 104, label, 9)
    rule(c, 118)
    for i, (name, figures) in enumerate(BODY):
        text(c, 73, 122 + 16 * i, f"南京市{name}", 9)
        for x, figure in zip((160, 270, 370, 470), figures):
            text(c, x + SHIFTED, 122 + 16 * i, figure, 9)
    rule(c, 122 + 16 * len(BODY))
    folio(c, "- 6 -")


def body_under_header_wrapped_otherwise(c) -> None:
    """The rows on the next page under the header repeated with one label wrapped
    ('检验检查' / '转诊'): its own layout, under another signature than the foot's."""
    rule(c, 72)
    for x, label in HEADER:
        text(c, x, 76, "检验检查" if label == "检验检查转诊" else label, 9)
    text(c, 250, 88, "转诊", 9)
    rule(c, 102)
    for i, (name, figures) in enumerate(BODY):
        text(c, 73, 106 + 16 * i, name, 9)
        for x, figure in zip((160, 270, 370, 470), figures):
            text(c, x, 106 + 16 * i, figure, 9)
    rule(c, 106 + 16 * len(BODY))
    folio(c, "- 8 -")


def test_the_head_at_the_foot_takes_the_columns_of_the_table_standing_where_it_does(tmp_path: Path) -> None:
    """Two tables share their header's words, the first learnt set further right (the districts'
    and the hospitals' platform tables, reportlab 326630). The head at the foot, no row under it,
    takes the columns of the one whose header texts stand where its own do (`texts_in_place`),
    the rows' own on the next page, not the first learnt."""
    found = grids(make_pdf(tmp_path / "three.pdf", same_words_further_right, head_at_foot,
                           body_under_header_wrapped_otherwise))
    assert [(g.page, len(g.slots)) for g in found] == [(1, 4), (2, 1), (3, 4)]
    assert found[1].col_bounds == found[2].col_bounds
    assert found[1].col_bounds != found[0].col_bounds
    assert found[1].row(0) == [label for _, label in HEADER]


def group_rule(c, y: float, x0: float) -> None:
    c.setLineWidth(0.5)
    c.line(x0, PAGE_H - y, RIGHT, PAGE_H - y)


def header_broken_inside_its_cells(c) -> None:
    """A two-level header at the foot whose row the page broke inside its cells: '出院信息' over
    its sub-columns' labels, the last of them cut after '住院收入（千' (LibreOffice, docx 326630)."""
    text(c, 110, 690, "2030年度南京市卫生信息平台数据采集情况（区）", 12)
    rule(c, 716)
    text(c, 73, 726, "接入单位", 9)
    text(c, 150, 722, "门诊", 9)
    text(c, 150, 735, "总量", 9)
    text(c, 335, 720, "出院信息", 9)
    group_rule(c, 731, 240)
    text(c, 260, 735, "人次", 9)
    text(c, 390, 735, "住院收入（千", 9)
    rule(c, 748)
    folio(c, "- 10 -")


CUT_ROWS = [("玄武区", ["68", "8", "299.5"]), ("秦淮区", ["96", "15", "54.25"]), ("鼓楼区", ["12", "7", "31.5"])]


def header_rest_and_rows(c) -> None:
    """The rest of the broken header row, '元）', between two rules atop the next page; the rows."""
    rule(c, 60)
    text(c, 400, 63, "元）", 9)
    rule(c, 75)
    for i, (name, figures) in enumerate(CUT_ROWS):
        text(c, 73, 79 + 16 * i, name, 9)
        for x, figure in zip((160, 265, 400), figures):
            text(c, x, 79 + 16 * i, figure, 9)
    rule(c, 79 + 16 * len(CUT_ROWS))
    folio(c, "- 11 -")


def test_the_rest_of_a_header_cell_the_page_broke_is_that_cells_text(tmp_path: Path) -> None:
    """'元）' atop the next page ends '住院收入（千' (stitch.is_own_foot_cell): one level under
    '出院信息', not a third; the group title stays a level over its sub-columns."""
    found = grids(make_pdf(tmp_path / "broken.pdf", header_broken_inside_its_cells, header_rest_and_rows))
    assert [(g.page, len(g.slots)) for g in found] == [(1, 2), (2, 4)]
    [table] = stitch(found, DEFAULTS)
    assert table.header_paths == [("接入单位",), ("门诊总量",), ("出院信息", "人次"), ("出院信息", "住院收入（千元）")]
    assert [r.cells for r in table.rows] == [[name, *figures] for name, figures in CUT_ROWS]
