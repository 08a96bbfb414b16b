"""Tables a page break or a close setting left hard to see (issue 17, the sweep's single
failures): a narrow 三线表 broken right under its header, a title's bracketed tail carried over
under the page header's rule, two figure cells set so close that they read as one run, and a
second table under a table section's heading. Geometry is drawn (tests/pdfkit.py) and read back
by pdfplumber, the layout's own functions run on it; exact values asserted."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from bulletin_etl.layout.lines import CharsByHeight
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables.regions import Rule
from bulletin_etl.layout.tables.segments import segments
from bulletin_etl.layout.vocabulary import has_sentence_mark

from .pdfkit import PAGE_H, PAGE_W, make_pdf, text

DEFAULTS = LayoutSettings()
rg = importlib.import_module("bulletin_etl.layout.tables.regions")


def drawn(tmp_path: Path, draw: Callable) -> tuple[CharsByHeight, list[Rule]]:
    with pdfplumber.open(make_pdf(tmp_path / "page.pdf", draw)) as pdf:
        page = pdf.pages[0]
        return CharsByHeight(page.chars), rg.horizontal_rules(page.edges, DEFAULTS)


def rule(c, y: float, x0: float, x1: float) -> None:
    c.setLineWidth(0.5)
    c.line(x0, PAGE_H - y, x1, PAGE_H - y)


def unruled(tmp_path: Path, draw: Callable) -> list[list[str]]:
    """The rows of every table the unruled finder reads on the drawn page."""
    from bulletin_etl.layout import tables

    with pdfplumber.open(make_pdf(tmp_path / "page.pdf", draw)) as pdf:
        page = pdf.pages[0]
        index = CharsByHeight(page.chars)
        found = tables.find_unruled(page.edges, index, 1, page.width, [], DEFAULTS)
        return [[" | ".join(t.text for t in row) for row in [*table.header_rows, *table.body_rows]] for table in found]


# ---------------------------------------------------------------------------------------------
# A narrow 三线表 broken by the page right under its header

NARROW = (200.0, 360.0)  # 160 pt: narrower than `min_rule_page_share` of the page, 3 rules needed


def _head_at_foot(c, *, folio: bool = True, below: str | None = None, figure_row: bool = True) -> None:
    x0, x1 = NARROW
    text(c, 240, 700, "2030年度南京市健康证系统情况", 12)
    rule(c, 720, x0, x1)
    for x, label in ((205, "类别"), (240, "用人单位数"), (300, "个人用户数")):
        text(c, x, 725, label, 9)
    rule(c, 740, x0, x1)
    if figure_row:
        for x, cell in ((205, "2030年"), (252, "22,418"), (312, "137,252")):
            text(c, x, 746, cell, 9)
    if below is not None:
        text(c, 72, 770, below, 9)
    if folio:
        text(c, PAGE_W / 2, 800, "6", 9)


def test_a_narrow_head_over_rows_down_to_the_folio_is_a_broken_table(tmp_path: Path) -> None:
    index, rules = drawn(tmp_path, _head_at_foot)
    assert rg.is_head_over_rows_to_foot(rules, index, [], DEFAULTS)
    assert rg.broken_at_foot(rules, index, [], min_width=178, min_stacked=80, settings=DEFAULTS) == [rules]
    assert unruled(tmp_path, _head_at_foot) == [["类别 | 用人单位数 | 个人用户数", "2030年 | 22,418 | 137,252"]]


def test_a_narrow_head_with_text_under_its_rows_is_no_broken_table(tmp_path: Path) -> None:
    """Running text under the rows: the table is not at the page's foot (two rules around a caption
    or a box, not a table the page broke)."""
    def page(c) -> None:
        _head_at_foot(c, below="本表数据来源于各单位上报，截至年底，下同。")

    index, rules = drawn(tmp_path, page)
    assert not rg.is_head_over_rows_to_foot(rules, index, [], DEFAULTS)
    assert unruled(tmp_path, page) == []


def test_two_narrow_rules_with_figures_between_or_nothing_under_are_no_broken_head(tmp_path: Path) -> None:
    def no_rows(c) -> None:
        _head_at_foot(c, figure_row=False)

    index, rules = drawn(tmp_path, no_rows)
    assert not rg.is_head_over_rows_to_foot(rules, index, [], DEFAULTS)  # nothing to close

    def figures_between(c) -> None:
        rule(c, 720, *NARROW)
        text(c, 205, 725, "2030年", 9)
        text(c, 262, 725, "22,418", 9)
        rule(c, 740, *NARROW)
        text(c, 205, 746, "累计", 9)
        text(c, 262, 746, "165,196", 9)

    index, rules = drawn(tmp_path, figures_between)
    assert not rg.is_head_over_rows_to_foot(rules, index, [], DEFAULTS)


def test_a_rule_within_a_found_run_is_not_looked_at_again() -> None:
    run = [Rule(100, 60, 460), Rule(200, 60, 460)]
    assert rg._within_any(Rule(150, 100, 300), [run], DEFAULTS)
    assert not rg._within_any(Rule(250, 100, 300), [run], DEFAULTS)


# ---------------------------------------------------------------------------------------------
# A title's bracketed tail under the page header's rule


def _tail_under_page_rule(c, tail: str) -> None:
    rule(c, 100, 60, 460)  # the page header's rule, as wide as the table
    text(c, 240, 101.5, tail, 9)  # set right under it (Chromium)
    rule(c, 120, 60, 460)
    text(c, 70, 125, "接入单位", 9)
    text(c, 300, 125, "实时数据表单上传情况", 9)
    rule(c, 140, 60, 460)
    text(c, 70, 145, "南京市鼓楼医院", 9)
    text(c, 300, 145, "11/11", 9)
    rule(c, 160, 60, 460)


def test_a_line_wholly_in_brackets_under_the_first_rule_is_stray(tmp_path: Path) -> None:
    index, rules = drawn(tmp_path, lambda c: _tail_under_page_rule(c, "（医院）"))
    page_rule, top, _, bottom = rules
    line = segments(index.inside((page_rule.x0, page_rule.y, page_rule.x1, top.y)), DEFAULTS)
    assert rg.is_bracketed_line(line)
    assert rg._stray_line_under(page_rule, top, bottom, index, DEFAULTS)
    assert rg._trim(rules, index, DEFAULTS) == rules[1:]


def test_a_header_band_of_one_worded_label_is_no_stray_line(tmp_path: Path) -> None:
    index, rules = drawn(tmp_path, lambda c: _tail_under_page_rule(c, "门急诊信息"))
    page_rule, top, _, bottom = rules
    line = segments(index.inside((page_rule.x0, page_rule.y, page_rule.x1, top.y)), DEFAULTS)
    assert not rg.is_bracketed_line(line)
    assert not rg._stray_line_under(page_rule, top, bottom, index, DEFAULTS)
    assert rg._trim(rules, index, DEFAULTS) == rules


# ---------------------------------------------------------------------------------------------
# Two figure cells read as one run


def test_a_latin_group_then_a_full_width_figure_holds_no_sentence_mark() -> None:
    assert not has_sentence_mark("338,548３０，６７３，５３７")
    assert not has_sentence_mark("2 南京脑科医院 92,108 6,631,776 338,548３０，６７３，５３７")
    assert has_sentence_mark("共 1,000３家，其中")  # the full-width '，' after a lone digit is a sentence's
    assert has_sentence_mark("３,０６６")  # full-width digits around a Latin comma: no separator


def test_a_row_with_figures_set_close_is_table_text_not_running_text(tmp_path: Path) -> None:
    def page(c) -> None:
        text(c, 70, 100, "2", 9)
        text(c, 90, 100, "南京脑科医院", 9)
        text(c, 220, 100, "92,108", 9)
        text(c, 300, 100, "338,548", 9)
        text(c, 331.5, 100, "３０，６７３，５３７", 9)  # right against the figure before it

    index, _ = drawn(tmp_path, page)
    rows = segments(index.chars, DEFAULTS)
    assert [s.text for s in rows[0]][-1] == "338,548３０，６７３，５３７"
    assert rg._tabular(rows, 400, DEFAULTS)
