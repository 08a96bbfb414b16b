"""The rules of layout/tables/regions.py one by one: which horizontal rules bound a table, where a
run of them ends, which outer rules are no part of it, and where a 三线表 broken by the page ends
below its last rule; and the driver's rule for a region that is no table. Geometry is drawn
(tests/pdfkit.py) and read back by pdfplumber; predicates on a row's text take segments written
out by hand."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from bulletin_etl.layout import tables
from bulletin_etl.layout.lines import CharsByHeight
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables.regions import Rule
from bulletin_etl.layout.tables.segments import Segment, is_figures_only, line_text, segments

from .pdfkit import PAGE_H, make_pdf, text

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given

# the module, not the package's `regions` function of the same name
rg = importlib.import_module("bulletin_etl.layout.tables.regions")


def seg(x0: float, s: str, top: float = 100.0, size: float = 10.0) -> Segment:
    """A run of glyphs written out by hand, each `size` wide, from `x0`."""
    return Segment([{"text": ch, "x0": x0 + i * size, "x1": x0 + (i + 1) * size, "top": top, "bottom": top + size,
                     "size": size} for i, ch in enumerate(s)], DEFAULTS)


def drawn(tmp_path: Path, draw: Callable) -> tuple[CharsByHeight, list[Rule]]:
    """One drawn page read back: its characters and its horizontal rules."""
    with pdfplumber.open(make_pdf(tmp_path / "page.pdf", draw)) as pdf:
        page = pdf.pages[0]
        return CharsByHeight(page.chars), rg.horizontal_rules(page.edges, DEFAULTS)


def rule(c, y: float, x0: float = 60, x1: float = 460) -> None:
    c.setLineWidth(0.5)
    c.line(x0, PAGE_H - y, x1, PAGE_H - y)


def ruled_lines(c, lines: list[list[tuple[float, str]]], top: float = 100, pitch: float = 20) -> None:
    """Lines of runs (x, text) set 9 pt, a rule over each and one under the last, `pitch` apart."""
    for i, runs in enumerate(lines):
        rule(c, top + i * pitch)
        for x, s in runs:
            text(c, x, top + i * pitch + 5, s, 9)
    rule(c, top + len(lines) * pitch)


def row_at(index: CharsByHeight, top: float) -> list[Segment]:
    """The text row whose glyphs start about `top`."""
    return next(row for row in segments(index.chars, DEFAULTS) if abs(row[0].top - top) < 3)


# ---------------------------------------------------------------------------------------------
# Table text between two rules


def test_running_text_is_prose_across_much_of_the_tables_width() -> None:
    sentence = [seg(60, "本表数据来源于各医院上报。")]  # 13 glyphs, 130 wide
    assert rg._is_running_text(sentence, width=200, settings=DEFAULTS)
    assert not rg._is_running_text(sentence, width=400, settings=DEFAULTS)  # a narrow fragment (a wrapped name's) stays in
    assert not rg._is_running_text([seg(60, "2030年总量累计总量门诊人次")], width=200, settings=DEFAULTS)  # tight header cells


def test_prose_in_several_runs_needs_a_sentence_mark() -> None:
    assert rg._reads_as_prose([seg(60, "全市共有医院"), seg(200, "分别为120，350家。")])  # justified sentences
    assert rg._reads_as_prose([seg(60, "注：单位为万元")])
    assert not rg._reads_as_prose([seg(60, "注："), seg(200, "单位万元")])
    assert not rg._reads_as_prose([seg(60, "南京市鼓楼医院"), seg(200, "1066")])


def test_a_figure_cut_inside_a_digit_group_is_no_sentence() -> None:
    """Typst wraps '３７８，８３１，２０６' in a narrow cell after '２': its '，' before a group of one
    digit is no thousands separator by its shape, yet the run is a figure, and the row no prose."""
    row = [seg(60, "雨花台区"), seg(108, "３７８，８３１，２"), seg(218, "３０"), seg(292, "0/11"), seg(343, "1,932,696")]
    assert not rg._reads_as_prose(row) and not rg._is_running_text(row, width=480, settings=DEFAULTS)
    assert [s.text for s in rg._words_of(row)] == ["雨花台区"]
    assert rg._reads_as_prose([seg(60, "分别为"), seg(200, "120，350家")])  # a sentence's '，' among its words


def test_is_figures_only() -> None:
    assert is_figures_only("11/11３，０５１，３１４１，０２５，２４１．５")
    assert is_figures_only("364,371.27 107,147")  # a printed space inside is no word
    assert is_figures_only("94.6915万") and is_figures_only("-3.6%") and is_figures_only("/1,066")
    assert not is_figures_only("120，350家")  # a sentence's figures among its words
    assert not is_figures_only("/") and not is_figures_only("2023年") and not is_figures_only("，")


def test_figure_cells_read_as_one_run_are_no_sentence() -> None:
    """WeasyPrint sets full-width figures in cells side by side close enough to read as one run
    ('11/11３，０５１，３１４１，０２５，２４１．５', weasyprint 938816): its '，' before '３１４１' is
    no thousands separator by its shape, yet the run holds figures only, and the row is no prose."""
    row = [seg(60, "浦口"), seg(90, "3,926,601"), seg(190, "11/11３，０５１，３１４１，０２５，２４１．５"), seg(450, "39,522")]
    assert [s.text for s in rg._words_of(row)] == ["浦口"]
    assert not rg._reads_as_prose(row) and not rg._is_running_text(row, width=480, settings=DEFAULTS)


def test_a_run_goes_on_over_figure_cells_set_as_one_run(tmp_path: Path) -> None:
    """A row whose full-width figures touch across their cells stays table text: the run of rules
    goes on under it to the rows below (the page's last rows were a table of their own, without
    a header, and lost: weasyprint 938816)."""
    index, rules = drawn(tmp_path, lambda c: ruled_lines(c, [
        [(70, "单位"), (300, "门诊人次")],
        [(70, "浦口区"), (150, "11/11"), (173, "３，０５１，３１４１，０２５，２４１．５")],
        [(70, "江宁区"), (300, "1066")]]))
    lines = [line_text(row) for row in segments(index.chars, DEFAULTS)]
    assert lines[1] == "浦口区 11/11３，０５１，３１４１，０２５，２４１．５"
    assert rg._runs_in(rules, rules, index, DEFAULTS) == [rules]


def test_a_note_or_a_folio_is_never_table_text() -> None:
    assert rg._is_note_or_folio([seg(60, "注：数据截至年底")])
    assert rg._is_note_or_folio([seg(200, "- 3 -")])
    assert not rg._is_note_or_folio([seg(60, "南京市鼓楼医院"), seg(200, "1066")])


def test_table_text_has_no_running_text_note_or_folio_in_it() -> None:
    rows = [[seg(60, "南京市鼓楼医院"), seg(200, "1066")], [seg(60, "江苏省人民医院"), seg(200, "722")]]
    assert rg._tabular(rows, width=200, settings=DEFAULTS)
    assert not rg._tabular([*rows, [seg(60, "注：数据截至年底")]], width=200, settings=DEFAULTS)


# ---------------------------------------------------------------------------------------------
# Which rules may bound a table, and how they group


def test_narrow_rules_stacked_three_at_one_extent_are_a_tables() -> None:
    narrow = [Rule(100, 60, 200), Rule(120, 61, 199), Rule(200, 60, 202), Rule(300, 60, 150)]
    assert rg._is_stacked(narrow[0], narrow, DEFAULTS)  # ends within `rule_same_extent_pt` of each other
    assert not rg._is_stacked(narrow[3], narrow, DEFAULTS)
    assert not rg._is_stacked(narrow[0], narrow[:2], DEFAULTS)


def test_table_rules_are_long_ones_and_stacked_narrow_ones() -> None:
    stacked = [Rule(100, 60, 200), Rule(120, 60, 200), Rule(200, 60, 200)]
    lone, short, long = Rule(300, 60, 150), Rule(310, 60, 70), Rule(400, 60, 460)
    assert rg._table_rules([*stacked, lone, short, long], min_width=300, min_stacked=50, settings=DEFAULTS) == [*stacked, long]


def test_rules_of_one_extent_group_and_a_rule_reaching_two_groups_joins_them() -> None:
    outer, inner, other = Rule(100, 58, 462), Rule(130, 62, 458), Rule(160, 100, 300)
    between = Rule(200, 60, 460)  # within reach of both the outer and the inner extent
    assert rg._extent_groups([outer, other, inner], DEFAULTS) == [[outer], [inner], [other]]  # top-down
    assert rg._extent_groups([outer, other, inner, between], DEFAULTS) == [[outer, inner, between], [other]]


def test_a_rule_reaching_past_either_end_of_another() -> None:
    table = Rule(200, 60, 460)
    assert rg._reaches_outside([Rule(150, 60, 470)], table, DEFAULTS)
    assert rg._reaches_outside([Rule(150, 40, 460)], table, DEFAULTS)
    assert not rg._reaches_outside([Rule(150, 62, 462), Rule(160, 200, 400)], table, DEFAULTS)


def test_a_run_within_a_taller_runs_height() -> None:
    tall = [Rule(100, 60, 460), Rule(300, 60, 460)]
    assert rg._within_height([Rule(120, 200, 300), Rule(140, 200, 300)], tall, DEFAULTS)
    assert rg._within_height([Rule(99.5, 200, 300), Rule(300.5, 200, 300)], tall, DEFAULTS)  # within `nested_run_margin_pt`
    assert not rg._within_height([Rule(280, 200, 300), Rule(320, 200, 300)], tall, DEFAULTS)


def test_only_the_outermost_runs_of_two_rules_or_more_are_kept_top_down() -> None:
    low, high = [Rule(400, 60, 460), Rule(500, 60, 460)], [Rule(100, 60, 460), Rule(300, 60, 460)]
    nested = [Rule(120, 200, 300), Rule(140, 200, 300)]
    assert rg._outermost([low, [Rule(350, 60, 460)], nested, high], DEFAULTS) == [high, low]


# ---------------------------------------------------------------------------------------------
# Where a run of rules ends


def test_a_narrower_table_between_two_rules_is_another_tables(tmp_path: Path) -> None:
    """Between two rules of one extent: a rule wider than them, or two narrower rules with
    figures between them, belong to another table; one narrower rule is a group header's."""
    def page(c) -> None:
        rule(c, 100, 100, 300)
        text(c, 110, 105, "南京市鼓楼医院", 9)
        text(c, 250, 105, "1066", 9)
        rule(c, 120, 100, 300)

    index, _ = drawn(tmp_path, page)
    table = Rule(200, 60, 460)
    assert rg._other_table_between([Rule(150, 40, 480)], table, index, DEFAULTS)
    assert rg._other_table_between([Rule(100, 100, 300), Rule(120, 100, 300)], table, index, DEFAULTS)
    assert not rg._other_table_between([Rule(100, 100, 300)], table, index, DEFAULTS)


def test_a_run_goes_on_over_table_text_and_ends_at_a_note(tmp_path: Path) -> None:
    index, rules = drawn(tmp_path, lambda c: ruled_lines(c, [
        [(70, "单位"), (300, "门诊人次")], [(70, "南京市鼓楼医院"), (300, "1066")],
        [(70, "注：数据来源于各医院上报，截至年底。")]]))
    first, second, third, fourth = rules
    assert rg._continues_run([first], second, rules, index, DEFAULTS)
    assert rg._continues_run([first, second], third, rules, index, DEFAULTS)
    assert not rg._continues_run([first, second, third], fourth, rules, index, DEFAULTS)
    assert rg._runs_in(rules, rules, index, DEFAULTS) == [[first, second, third], [fourth]]


def test_a_run_ends_at_a_heading_set_larger_than_its_text(tmp_path: Path) -> None:
    def page(c) -> None:
        rule(c, 100)
        text(c, 70, 105, "南京市鼓楼医院", 9)
        text(c, 300, 105, "1066", 9)
        rule(c, 120)
        text(c, 70, 127, "人员情况", 16)
        rule(c, 150)

    index, (first, second, third) = drawn(tmp_path, page)
    assert not rg._continues_run([first, second], third, [first, second, third], index, DEFAULTS)
    assert rg._continues_run([first], second, [first, second, third], index, DEFAULTS)


def _ruled_rows(c, top: float, count: int, pitch: float, blank: tuple[int, ...] = ()) -> None:
    """A table's rules from `top`, `count` rows `pitch` apart, a name and a figure in each row
    but the `blank` ones."""
    for i in range(count):
        rule(c, top + i * pitch)
        if i not in blank:
            text(c, 70, top + i * pitch + 4, "南京市鼓楼医院", 9)
            text(c, 300, top + i * pitch + 4, "1066", 9)
    rule(c, top + count * pitch)


def test_an_empty_band_far_taller_than_the_rows_ends_a_run(tmp_path: Path) -> None:
    """Two tables of one width stacked 70 pt apart, the lower one printed without a heading: the
    empty band between them is more than `empty_band_pitch_ratio` row pitches (17 pt) tall."""
    def page(c) -> None:
        _ruled_rows(c, 100, 3, 17)  # rules at 100, 117, 134, 151
        _ruled_rows(c, 221, 2, 16)  # rules at 221, 237, 253

    index, rules = drawn(tmp_path, page)
    assert [r.y for r in rules] == [100, 117, 134, 151, 221, 237, 253]
    upper, lower = rules[:4], rules[4:]
    assert rg.is_empty_band_past_pitch(upper, lower[0], index.inside((60, 151, 460, 221)), DEFAULTS)
    assert not rg._continues_run(upper, lower[0], rules, index, DEFAULTS)
    assert rg._runs_in(rules, rules, index, DEFAULTS) == [upper, lower]


def test_a_blank_row_and_a_tall_row_go_on_a_run(tmp_path: Path) -> None:
    """Counter-cases: a blank row is one pitch; a row of wrapped cells far taller than the rest
    holds text; under a lone rule there is no pitch to measure the band by."""
    def page(c) -> None:
        _ruled_rows(c, 100, 4, 17, blank=(2,))  # rules at 100, 117, 134, 151, 168; the row at 134 blank
        for line in range(6):  # a row of six wrapped lines, 100 pt tall
            text(c, 70, 172 + line * 15, "南京市鼓楼医院", 9)
        text(c, 300, 172, "1066", 9)
        rule(c, 268)

    index, rules = drawn(tmp_path, page)
    assert [r.y for r in rules] == [100, 117, 134, 151, 168, 268]
    blank = index.inside((60, 134, 460, 151))
    assert not rg.is_empty_band_past_pitch(rules[:3], rules[3], blank, DEFAULTS)
    assert not rg.is_empty_band_past_pitch(rules[:5], rules[5], index.inside((60, 168, 460, 268)), DEFAULTS)
    assert not rg.is_empty_band_past_pitch(rules[:1], Rule(300, 60, 460), [], DEFAULTS)
    assert rg._runs_in(rules, rules, index, DEFAULTS) == [rules]


def _head(c, top: float, labels: tuple[str, ...] = ("接入单位", "定时数据上传量", "实时数据上传天数", "门急诊人次")) -> None:
    """A second table's head from `top`: a rule, a line of header cells, a rule 20 pt below."""
    rule(c, top)
    for i, label in enumerate(labels):
        text(c, 70 + i * 100, top + 5, label, 8)
    rule(c, top + 20)


def test_an_empty_band_of_a_row_over_a_head_ends_a_run(tmp_path: Path) -> None:
    """Two tables of one width stacked 18.5 pt apart (WeasyPrint collapses the margins around the
    empty title of the lower one, printed without a heading; 720214): the band is about one row
    pitch (17 pt) tall, but a body row with figures stands over it and a head of header cells
    under it."""
    def page(c) -> None:
        _ruled_rows(c, 100, 3, 17)  # rules at 100, 117, 134, 151
        _head(c, 169.5)  # rules at 169.5, 189.5
        _ruled_rows(c, 189.5, 1, 17)  # a rule at 206.5

    index, rules = drawn(tmp_path, page)
    assert [r.y for r in rules] == [100, 117, 134, 151, 169.5, 189.5, 206.5]
    upper, lower = rules[:4], rules[4:]
    band = index.inside((60, 151, 460, 169.5))
    assert not rg.is_empty_band_past_pitch(upper, lower[0], band, DEFAULTS)
    assert rg.is_empty_band_over_head(upper, lower[0], rules, band, index, DEFAULTS)
    assert rg._runs_in(rules, rules, index, DEFAULTS) == [upper, lower]


def test_a_blank_row_over_body_rows_or_under_a_row_without_figures_goes_on_a_run(tmp_path: Path) -> None:
    """Counter-cases: a blank row with a body row under it; a band under a row without figures
    (a name's alone), though a head stands under it; a lone rule has no row over it."""
    def page(c) -> None:
        _ruled_rows(c, 100, 4, 17, blank=(2,))  # rules at 100, 117, 134, 151, 168; the row at 134 blank
        text(c, 70, 172, "南京市鼓楼医院", 9)  # a row of a name alone
        rule(c, 185)
        _head(c, 203.5)  # rules at 203.5, 223.5

    index, rules = drawn(tmp_path, page)
    assert [r.y for r in rules] == [100, 117, 134, 151, 168, 185, 203.5, 223.5]

    def band(i: int) -> list[dict]:
        return index.inside((60, rules[i - 1].y, 460, rules[i].y))

    assert not rg.is_empty_band_over_head(rules[:3], rules[3], rules, band(3), index, DEFAULTS)
    assert not rg.is_empty_band_over_head(rules[:6], rules[6], rules, band(6), index, DEFAULTS)
    assert rg._is_head(rg._rows_under(rules[6], rules, index, DEFAULTS), DEFAULTS)
    assert not rg.is_empty_band_over_head(rules[:1], rules[1], rules, [], index, DEFAULTS)
    assert rg._runs_in(rules, rules, index, DEFAULTS) == [rules]


def test_a_head_is_rows_without_figures_with_a_line_of_header_cells() -> None:
    cells = [seg(70, "接入单位"), seg(170, "人次"), seg(270, "收入（千元）")]
    assert rg._is_head([[seg(200, "门急诊信息")], cells], DEFAULTS)
    assert not rg._is_head([cells, [seg(70, "南京市"), seg(170, "1,066"), seg(270, "12")]], DEFAULTS)
    assert not rg._is_head([[seg(70, "南京市鼓楼医院")]], DEFAULTS)
    assert not rg._is_head([], DEFAULTS)


# ---------------------------------------------------------------------------------------------
# Outer rules that are no part of their table


def _header_and_row(c, top: float) -> None:
    """A table of a header row and a body row, each 20 pt between its rules, from `top`."""
    rule(c, top)
    text(c, 70, top + 5, "单位", 9)
    text(c, 300, top + 5, "门诊人次", 9)
    rule(c, top + 20)
    text(c, 70, top + 25, "南京市鼓楼医院", 9)
    text(c, 300, top + 25, "1066", 9)
    rule(c, top + 40)


def _header_rule_title_part_and_table(c) -> None:
    rule(c, 100)  # a page header's rule
    text(c, 200, 120, "情况统计", 9)  # a title's part the page break carried over, midway down
    _header_and_row(c, 133)


def test_nothing_between_two_rules(tmp_path: Path) -> None:
    def page(c) -> None:
        rule(c, 100)
        rule(c, 120)
        text(c, 70, 125, "单位", 9)
        rule(c, 140)

    index, (a, b, c) = drawn(tmp_path, page)
    assert rg._nothing_between(a, b, index)
    assert not rg._nothing_between(b, c, index)


def test_a_line_far_under_the_first_rule_and_nearer_the_next(tmp_path: Path) -> None:
    index, (a, b, *_) = drawn(tmp_path, _header_rule_title_part_and_table)
    assert rg._far_below_first_rule(segments(index.inside((a.x0, a.y, a.x1, b.y)), DEFAULTS), a, b, DEFAULTS)
    header = segments(index.inside((a.x0, b.y, a.x1, 153)), DEFAULTS)  # the header row, right under its rule
    assert not rg._far_below_first_rule(header, b, Rule(153, 60, 460), DEFAULTS)


def test_a_line_set_larger_than_the_tables_text(tmp_path: Path) -> None:
    def page(c) -> None:
        text(c, 70, 100, "2030 年度线上预约", 14)
        text(c, 70, 130, "2030 年度线上预约", 10)
        text(c, 70, 160, "南京市鼓楼医院", 9)
        text(c, 300, 160, "1066", 9)

    index, _ = drawn(tmp_path, page)
    table = index.inside((0, 155, 600, 175))
    assert rg._set_larger(row_at(index, 100)[0], table, DEFAULTS)
    assert not rg._set_larger(row_at(index, 130)[0], table, DEFAULTS)  # 10 < 1.25 × 9
    assert not rg._set_larger(row_at(index, 100)[0], [], DEFAULTS)


def test_a_stray_line_under_a_page_header_rule_and_the_first_rule_outside_the_table(tmp_path: Path) -> None:
    index, rules = drawn(tmp_path, _header_rule_title_part_and_table)
    header_rule, top, header, bottom = rules
    assert rg._stray_line_under(header_rule, top, bottom, index, DEFAULTS)
    assert not rg._stray_line_under(top, header, bottom, index, DEFAULTS)  # the header band: cells side by side
    assert rg._first_rule_outside(rules, index, DEFAULTS)
    assert not rg._first_rule_outside(rules[1:], index, DEFAULTS)
    assert rg._trim(rules, index, DEFAULTS) == rules[1:]


def _title_rest_under_header_rule_table_far_down(c) -> None:
    """reportlab 920148: a title's rest and its remark the page break carried over, right under the
    page header's rule (as wide as the table), their table far down the page."""
    rule(c, 40)  # the page header's rule
    text(c, 230, 75, "预约情况统计", 12)
    text(c, 110, 97, "（不包含 12320 电话预约、医院诊间预约、医院自有途径预约）", 12)
    _header_and_row(c, 660)


def test_lines_right_under_the_first_rule_far_over_the_next(tmp_path: Path) -> None:
    index, rules = drawn(tmp_path, _title_rest_under_header_rule_table_far_down)
    header_rule, top, header, bottom = rules
    above = segments(index.inside((header_rule.x0, header_rule.y, header_rule.x1, top.y)), DEFAULTS)
    assert [row[0].text for row in above] == ["预约情况统计", "（不包含 12320 电话预约、医院诊间预约、医院自有途径预约）"]
    assert rg._far_above_next_rule(above, header_rule, top, DEFAULTS)
    assert not rg._far_below_first_rule(above, header_rule, top, DEFAULTS)
    assert rg.set_off_centre(above, header_rule, top, DEFAULTS)
    assert rg._stray_line_under(header_rule, top, bottom, index, DEFAULTS)
    assert rg._trim(rules, index, DEFAULTS) == rules[1:]
    # the header band, right under its rule and as tall as its line: no line set off centre
    band = segments(index.inside((top.x0, top.y, top.x1, header.y)), DEFAULTS)
    assert not rg._far_above_next_rule(band, top, header, DEFAULTS)
    # the title part LibreOffice sets midway down, nearer the next rule: the other case
    index, (a, b, *_) = drawn(tmp_path, _header_rule_title_part_and_table)
    midway = segments(index.inside((a.x0, a.y, a.x1, b.y)), DEFAULTS)
    assert not rg._far_above_next_rule(midway, a, b, DEFAULTS)
    assert rg.set_off_centre(midway, a, b, DEFAULTS)


def _line_atop_band_over_row(label: str, size: float, band: float) -> Callable:
    """A page: `label` right under a rule, the next rule `band` pt under the first, a body row under it."""
    def page(c) -> None:
        rule(c, 100)
        text(c, 200, 102, label, size)
        rule(c, 100 + band)
        text(c, 70, 105 + band, "南京市鼓楼医院", 9)
        text(c, 300, 105 + band, "1066", 9)
        rule(c, 120 + band)

    return page


def test_a_header_label_set_atop_its_band_is_not_off_centre(tmp_path: Path) -> None:
    """A group label at the top of its band, under it 2.5 of its lines to the next rule: a header
    cell, no stray line (`stray_band_lines`)."""
    index, (a, b, _) = drawn(tmp_path, _line_atop_band_over_row("门急诊信息", 9, 33.5))
    rows = segments(index.inside((a.x0, a.y, a.x1, b.y)), DEFAULTS)
    assert not rg.set_off_centre(rows, a, b, DEFAULTS)


def test_a_bare_title_part_set_larger_is_stray_wherever_it_stands(tmp_path: Path) -> None:
    index, (a, b, last) = drawn(tmp_path, _line_atop_band_over_row("情况统计", 14, 20))
    assert rg._stray_line_under(a, b, last, index, DEFAULTS)


def _repeated_head_over_a_rest(c, rest: float, body: bool = False) -> None:
    """docx 790048: a page header's rule, a 三线表's repeated head of two levels (rules at 73.5, 98.5
    under its band, 137.5), and under it the rest of the 合计 row the page split, `rest` tall and empty
    (its bottom padding: its text on the page before), closed by the table's rule; a note right under
    that rule. `body`: a row with figures between the head and the empty band."""
    rule(c, 50)
    rule(c, 73.5)
    for x, label in ((70, "序号"), (150, "医疗机构"), (300, "预约途径"), (420, "小计")):
        text(c, x, 85, label, 9)
    rule(c, 98.5, 240, 400)
    for x, label in ((250, "在线预约"), (330, "快速预约")):
        text(c, x, 110, label, 9)
    rule(c, 137.5)
    top = 137.5
    if body:
        for x, cell in ((70, "15"), (150, "江苏省肿瘤医院"), (250, "653"), (420, "653")):
            text(c, x, top + 6, cell, 9)
        top += 22
        rule(c, top)
    rule(c, top + rest)
    text(c, 60, top + rest + 3, "（截至 2019年底，总预约挂号量为2224958次）", 9)


def test_an_empty_rest_of_a_split_row_under_a_repeated_head_closes_the_table(tmp_path: Path) -> None:
    """docx 790048 (airy_rows): LibreOffice carried the 合计 row's bottom padding (23.75 pt) under the
    repeated head; the run ended at the head's rule, so the note under the table's closing rule stood
    26 pt under the table, past a note's gap, and its total (总预约挂号量) was not read. The empty band,
    no taller than the head over it (64 pt), closes the table."""
    index, rules = drawn(tmp_path, lambda c: _repeated_head_over_a_rest(c, 23.75))
    page_rule, top, group, head, closing = rules
    run = [page_rule, top, head, closing]
    assert rg.closes_split_rows_rest(run[1:], index, DEFAULTS)
    assert rg._trim(run, index, DEFAULTS) == [top, head, closing]


def test_an_empty_band_taller_than_the_head_or_under_body_rows_is_no_rest_of_a_row(tmp_path: Path) -> None:
    """Counter-cases, trimmed as before: an empty band taller than the head over it (a rule further
    down is no part of the table); an empty band under a row with figures; two rules alone."""
    index, rules = drawn(tmp_path, lambda c: _repeated_head_over_a_rest(c, 65))
    page_rule, top, group, head, closing = rules
    assert not rg.closes_split_rows_rest([top, head, closing], index, DEFAULTS)
    assert rg._trim([page_rule, top, head, closing], index, DEFAULTS) == [top, head]
    index, rules = drawn(tmp_path, lambda c: _repeated_head_over_a_rest(c, 23.75, body=True))
    page_rule, top, group, head, row, closing = rules
    assert not rg.closes_split_rows_rest([top, head, row, closing], index, DEFAULTS)
    assert rg._trim([top, head, row, closing], index, DEFAULTS) == [top, head, row]
    assert not rg.closes_split_rows_rest([head, closing], index, DEFAULTS)


# ---------------------------------------------------------------------------------------------
# A 三线表 broken by the page: the lines below its last rule


def test_the_characters_below_a_last_rule_down_to_the_next_table(tmp_path: Path) -> None:
    def page(c) -> None:
        text(c, 70, 105, "南京市鼓楼医院", 9)
        text(c, 20, 125, "页边", 9)  # outside the rule's ends
        text(c, 70, 205, "江苏省人民医院", 9)

    index, _ = drawn(tmp_path, page)
    last = Rule(100, 60, 460)
    below = rg._chars_below(last, index, [[Rule(50, 60, 460)], [Rule(200, 60, 460)]], DEFAULTS)
    assert "".join(c["text"] for c in below) == "南京市鼓楼医院"


def test_a_row_standing_apart_from_the_text_above() -> None:
    row = [seg(60, "南京市鼓楼医院", top=130)]  # 10 high
    assert rg._stands_apart(row, previous=110, first_under_header=False, settings=DEFAULTS)  # 20 > 1.5 lines
    # the first row under a header: 3 lines
    assert not rg._stands_apart(row, previous=110, first_under_header=True, settings=DEFAULTS)
    assert not rg._stands_apart(row, previous=118, first_under_header=False, settings=DEFAULTS)


def test_one_run_of_running_text_alone_on_its_line() -> None:
    assert rg._is_one_run_of_running_text([seg(60, "本表数据来源于各医院上报。")], width=200, settings=DEFAULTS)
    assert not rg._is_one_run_of_running_text([seg(60, "全市共有医院"), seg(200, "分别为120，350家。")], width=200,
                                              settings=DEFAULTS)


def test_a_folio_under_a_broken_table(tmp_path: Path) -> None:
    """'- 3 -' read as the row or set across the table's edges; a bare '4' as the page's last
    line, but no bare number with text under it (a row's figure)."""
    def page(c) -> None:
        text(c, 280, 100, "- 3 -", 9)
        text(c, 30, 130, "-", 9)  # past the table's left end
        text(c, 280, 130, "5 -", 9)
        text(c, 280, 160, "4", 9)
        text(c, 70, 175, "南京市鼓楼医院", 9)
        text(c, 280, 790, "4", 9)

    index, _ = drawn(tmp_path, page)
    assert rg._is_folio_line(row_at(index, 100), index, DEFAULTS)
    across = [s for s in row_at(index, 130) if s.x0 > 60]
    assert rg._printed_line(across, index, DEFAULTS) == "- 5 -" and rg._is_folio_line(across, index, DEFAULTS)
    assert not rg._is_folio_line(row_at(index, 160), index, DEFAULTS)
    assert rg._printed_below(row_at(index, 160)[0].bottom, index)
    assert not rg._printed_below(row_at(index, 790)[0].bottom, index)
    assert rg._is_bare_folio("4", row_at(index, 790), index)
    assert not rg._is_bare_folio("4", row_at(index, 160), index)
    assert rg._is_folio_line(row_at(index, 790), index, DEFAULTS)


def test_a_folio_a_note_or_running_text_ends_a_broken_table(tmp_path: Path) -> None:
    def page(c) -> None:
        text(c, 280, 100, "- 3 -", 9)
        text(c, 70, 120, "注：单位为人次", 9)
        text(c, 70, 140, "本表数据来源于各医院上报，截至年底。", 9)
        text(c, 70, 160, "南京市鼓楼医院", 9)
        text(c, 300, 160, "1066", 9)
        text(c, 70, 180, "南京市鼓楼医院", 9)

    index, _ = drawn(tmp_path, page)
    for top in (100, 120, 140):
        assert rg._ends_broken_table(row_at(index, top), index, width=400, settings=DEFAULTS), top
    for top in (160, 180):
        assert not rg._ends_broken_table(row_at(index, top), index, width=400, settings=DEFAULTS), top


# ---------------------------------------------------------------------------------------------
# The driver (tables/__init__.py): a region that is no table


def test_a_masthead_ruled_off_on_the_first_page_is_no_table() -> None:
    name = [seg(100, "卫生健康统计简报", top=80)]
    masthead = [seg(60, "南京市卫生健康委员会编印", top=100), seg(300, "2025 年 1 月 24 日", top=100)]
    assert tables._is_ruled_off_masthead([name, masthead], page=1, settings=DEFAULTS)
    assert not tables._is_ruled_off_masthead([name, masthead], page=2, settings=DEFAULTS)
    # no masthead line
    assert not tables._is_ruled_off_masthead([name, [seg(60, "南京市鼓楼医院", top=90)]], page=1, settings=DEFAULTS)
    assert not tables._is_ruled_off_masthead([name, masthead, [seg(60, "南京市鼓楼医院", top=120), seg(300, "1066", top=120)]],
                                             page=1, settings=DEFAULTS)  # a figure
    # more lines than a masthead holds
    assert not tables._is_ruled_off_masthead([name] * 5 + [masthead], page=1, settings=DEFAULTS)


# ---------------------------------------------------------------------------------------------
# A broken 三线表 whose rows are set far apart (airy_rows): its own pitch, not a fixed gap

AIRY_PITCH = 25.0  # rows 9 high, 16 apart: more than `row_gap_lines` (1.5 × 9)
AIRY_ROWS = ("玄武区", "秦淮区", "建邺区", "鼓楼区")


def _airy_table(c, under: str | None = None, under_gap: float = AIRY_PITCH) -> None:
    """A 三线表 broken at the page's foot: top and header rules, a header, rows `AIRY_PITCH` apart
    (the first 14 under the header's text: header cells padded less), no closing rule; `under`
    one run `under_gap` under the last row's top."""
    rule(c, 100)
    for x, label in ((70, "行政区划"), (200, "门诊转诊"), (330, "床位转诊")):
        text(c, x, 105, label, 9)
    rule(c, 117)
    for i, name in enumerate(AIRY_ROWS):
        for x, cell in ((70, name), (200, "门诊" + str(35 + i)), (330, "床位" + str(7 + i))):
            text(c, x, 128 + i * AIRY_PITCH, cell, 9)
    if under is not None:
        text(c, 70, 128 + (len(AIRY_ROWS) - 1) * AIRY_PITCH + under_gap, under, 9)


def _taken_names(tmp_path: Path, draw: Callable) -> list[str]:
    """The first cells of the lines `extend_down` takes under the table's header rule."""
    index, rules = drawn(tmp_path, draw)
    closed = rg.extend_down(rules[:2], index, [], DEFAULTS)
    if len(closed) == 2:
        return []
    rows = segments(index.inside((0, rules[1].y, PAGE_H, closed[-1].y)), DEFAULTS)
    return [row[0].text for row in rows]


def test_rows_set_far_apart_continue_a_broken_table_at_its_pitch(tmp_path: Path) -> None:
    assert _taken_names(tmp_path, _airy_table) == list(AIRY_ROWS)


def test_prose_a_note_or_a_title_under_rows_set_far_apart_ends_the_table(tmp_path: Path) -> None:
    """One run under the rows, even at the table's pitch, is no row of it: running text cut at the
    table's ends, a note, the next table's title."""
    for under in ("本表数据来源于各单位上报", "注：单位为人次", "2030年南京市家庭医生转诊数据统计"):
        def page(c, under: str = under) -> None:
            _airy_table(c, under)

        assert _taken_names(tmp_path, page) == list(AIRY_ROWS), under


def test_a_row_past_the_tables_pitch_ends_it(tmp_path: Path) -> None:
    """Cells side by side standing well past the rows' pitch (a paragraph of figures after a real
    gap) end the table: 30 under the last row is more than its gap of 16 and 0.5 line."""
    def page(c) -> None:
        _airy_table(c)
        for x, cell in ((70, "全市"), (200, "门诊99"), (330, "床位99")):
            text(c, x, 128 + (len(AIRY_ROWS) - 1) * AIRY_PITCH + 9 + 30, cell, 9)

    assert _taken_names(tmp_path, page) == list(AIRY_ROWS)


def test_a_row_at_the_tables_own_pitch() -> None:
    """Rows 16 apart (10 high): within 0.5 line of the widest gap between the rows taken; the
    second row against the gap across the last rule (12 from the header's text: 1.5 × 12 = 18)."""
    first, second = [seg(60, "玄武区", top=112), seg(200, "35", top=112)], [seg(60, "秦淮区", top=138), seg(200, "7", top=138)]
    taken = rg.TakenRows(above=100, rows=[first, second])
    row = [seg(60, "建邺区", top=164), seg(200, "21", top=164)]
    assert rg.is_at_table_pitch(row, [], previous=148, taken=taken, settings=DEFAULTS)  # 16 ≤ 16 + 5
    assert rg.is_at_table_pitch([seg(60, "建邺区", top=169), seg(200, "21", top=169)], [], 148, taken, DEFAULTS)  # 21
    assert not rg.is_at_table_pitch([seg(60, "建邺区", top=170), seg(200, "21", top=170)], [], 148, taken, DEFAULTS)
    # one row taken: the gap across the last rule (12) sets the pitch, 1.5 times it
    alone = rg.TakenRows(above=100, rows=[first])
    assert rg.is_at_table_pitch(second, [], previous=122, taken=alone, settings=DEFAULTS)  # 16 ≤ 18
    assert not rg.is_at_table_pitch([seg(60, "秦淮区", top=141), seg(200, "7", top=141)], [], 122, alone, DEFAULTS)
    # one run alone is no row's start, a wrapped name's first line over its figures is; no row taken, no pitch
    assert not rg.is_at_table_pitch([seg(60, "本表数据来源于各单位上报", top=138)], [], 122, alone, DEFAULTS)
    figures = [seg(120, "院区", top=143), seg(200, "7", top=143)]
    assert rg.is_at_table_pitch([seg(60, "南京脑科医院", top=138)], figures, 122, alone, DEFAULTS)
    assert not rg.is_at_table_pitch(first, [], previous=100, taken=rg.TakenRows(above=90, rows=[]), settings=DEFAULTS)


def test_a_row_beyond_the_tables_pitch_stands_apart_and_off_its_pitch() -> None:
    alone = rg.TakenRows(above=100, rows=[[seg(60, "玄武区", top=112), seg(200, "35", top=112)]])
    near = [seg(60, "秦淮区", top=130), seg(200, "7", top=130)]  # 8 under: within 1.5 lines
    assert not rg._beyond_table_pitch(near, [], previous=122, taken=alone, first_under_header=False, settings=DEFAULTS)
    at_pitch = [seg(60, "秦淮区", top=138), seg(200, "7", top=138)]  # 16 under: apart, but at the pitch
    assert not rg._beyond_table_pitch(at_pitch, [], previous=122, taken=alone, first_under_header=False, settings=DEFAULTS)
    off = [seg(60, "秦淮区", top=145), seg(200, "7", top=145)]  # 23 under: past 1.5 × 12
    assert rg._beyond_table_pitch(off, [], previous=122, taken=alone, first_under_header=False, settings=DEFAULTS)


def test_a_rows_first_line_is_cells_or_a_name_over_cells() -> None:
    cells = [seg(60, "玄武区", top=100), seg(200, "35", top=100)]
    assert rg.opens_row(cells, [], DEFAULTS)
    name = [seg(60, "南京脑科医院", top=100)]  # 10 high, bottom 110
    assert rg.opens_row(name, [seg(120, "院区", top=105), seg(200, "7", top=105)], DEFAULTS)  # figures level below
    assert rg.opens_row(name, [seg(120, "院区", top=125), seg(200, "7", top=125)], DEFAULTS)  # 15 ≤ 1.5 lines
    assert not rg.opens_row(name, [seg(120, "院区", top=126), seg(200, "7", top=126)], DEFAULTS)
    assert not rg.opens_row(name, [seg(60, "截至年底，下同。", top=114)], DEFAULTS)  # prose under prose
    assert not rg.opens_row(name, [], DEFAULTS)  # nothing under it


def test_rows_set_far_apart_with_names_wrapped_over_three_lines(tmp_path: Path) -> None:
    """Each row a name over three lines, its figures level with the middle one, rows 16 apart
    (Chromium's padded cells): every row's first line is one run of the name, standing apart."""
    def page(c) -> None:
        rule(c, 100)
        for x, label in ((70, "医疗机构"), (200, "咨询数据"), (330, "在线处方")):
            text(c, x, 105, label, 9)
        rule(c, 117)
        for i, (first, middle, last) in enumerate((("南京市高淳", "区河西街道", "卫生服务站"),
                                                   ("南京脑科医", "院（红山院", "区）"))):
            top = 128 + i * 43  # three lines of 9 over 27, 16 apart
            text(c, 70, top, first, 9)
            for x, cell in ((70, middle), (200, "咨询" + str(35 + i)), (330, "处方" + str(7 + i))):
                text(c, x, top + 9, cell, 9)
            text(c, 70, top + 18, last, 9)

    assert _taken_names(tmp_path, page) == ["南京市高淳", "区河西街道", "卫生服务站", "南京脑科医", "院（红山院", "区）"]


PADDED_PITCH = 28.0  # rows 9 high, 19 apart: the body's cells padded 9.5 above and below


def _padded_table(c, rows: tuple[str, ...] = AIRY_ROWS, rest: str | None = None, last_gap: float = PADDED_PITCH) -> None:
    """A 三线表 broken at the page's foot whose header cells are padded 2 pt and its body's 9.5
    (Chromium, html 843756): the header's text 2 over its rule, the first line 9.5 under it, rows 19
    apart — more than 1.5 times the gap across the rule (11.5). `rest`: the first line under the
    rule is one run, the rest of a row the page split (LibreOffice, docx 843756), the rows under it;
    the last row `last_gap` under the one before."""
    rule(c, 100)
    for x, label in ((70, "行政区划"), (200, "门诊转诊"), (330, "床位转诊")):
        text(c, x, 105, label, 9)
    rule(c, 116)
    top = 125.5
    if rest is not None:
        text(c, 70, top, rest, 9)
        top += PADDED_PITCH
    for i, name in enumerate(rows):
        for x, cell in ((70, name), (200, "门诊" + str(35 + i)), (330, "床位" + str(7 + i))):
            text(c, x, top, cell, 9)
        top += PADDED_PITCH if i < len(rows) - 2 else last_gap


def test_rows_padded_more_than_their_header_continue_a_broken_table(tmp_path: Path) -> None:
    """html 843756: the second row stands 19 under the first, past 1.5 times the gap across the rule
    (17.25); the first row's padding under the rule (9.5) sets the pitch: 2 × 9.5 + 0.5 line."""
    assert _taken_names(tmp_path, _padded_table) == list(AIRY_ROWS)


def test_a_row_past_the_bodys_padding_ends_a_broken_table(tmp_path: Path) -> None:
    """Cells side by side 27 under the row above: past twice the first row's padding (10, its glyphs
    standing 0.6 under their drawn top) and half a line (4.5), and past the rows' gap (19) and half a line."""
    def page(c) -> None:
        _padded_table(c, last_gap=9 + 27)

    assert _taken_names(tmp_path, page) == list(AIRY_ROWS[:-1])


def test_the_rest_of_a_split_row_under_a_repeated_header_sets_the_pitch(tmp_path: Path) -> None:
    """docx 843756: '区）', the rest of a row the page split, alone under the repeated header opens no
    row, so no pitch was read from it; its padding under the rule is the body's."""
    def page(c) -> None:
        _padded_table(c, rest="区）")

    assert _taken_names(tmp_path, page) == ["区）", *AIRY_ROWS]


def _carried_rest_table(c, rest: tuple[str, ...], last_gap: float = 17) -> None:
    """A 三线表 continued under its repeated header as LibreOffice sets it in a face whose glyphs stand
    high in their line (docx 716691, wqy-zenhei): every cell padded 5 above its text and 12 under it
    (its leading all below the glyphs). Under the header's rule, the rest of a row the page split,
    `rest` (one run a line, 11 apart), then rows 17 apart, the last `last_gap` under the one before."""
    rule(c, 100)
    for x, label in ((70, "单位"), (200, "咨询数据"), (330, "在线处方")):
        text(c, x, 105, label, 9)
    rule(c, 126)
    top = 131.0
    for line in rest:
        text(c, 70, top, line, 9)
        top += 11
    top += 17 - 11 + 9
    for i, name in enumerate(AIRY_ROWS):
        for x, cell in ((70, name), (200, "咨询" + str(35 + i)), (330, "处方" + str(7 + i))):
            text(c, x, top, cell, 9)
        top += 9 + (17 if i < len(AIRY_ROWS) - 2 else last_gap)


def test_a_split_rows_rest_over_two_lines_under_a_repeated_header_begins_the_body(tmp_path: Path) -> None:
    """docx 716691: the rest of a split row, two runs alone under the repeated header, opens no row,
    and the rows under it stand 17 apart, past twice the rest's padding under the rule (5, and its
    glyphs' offset) and half a line: the table ended on its rest. The lines under a header are the
    body's, so the gap across the rule (17, 1.5 times it) sets the pitch."""
    def page(c) -> None:
        _carried_rest_table(c, ("司江北新区天", "元东路诊所"))

    assert _taken_names(tmp_path, page) == ["司江北新区天", "元东路诊所", *AIRY_ROWS]


def test_a_row_past_the_pitch_across_the_header_rule_ends_a_table_begun_by_a_rest(tmp_path: Path) -> None:
    """The counter-case: the last row 30 under the row above, past 1.5 times the gap across the rule
    (25.5) and the rows' gap (17) and half a line, is no row of the table."""
    def page(c) -> None:
        _carried_rest_table(c, ("司江北新区天", "元东路诊所"), last_gap=30)

    assert _taken_names(tmp_path, page) == ["司江北新区天", "元东路诊所", *AIRY_ROWS[:-1]]


def test_lines_under_a_header_begin_its_body() -> None:
    """Under a rule with only header text above it the lines taken are the body's, a row's start or
    its rest; under a body (no `header_rule`), or with nothing taken, they begin nothing."""
    rest = [[seg(70, "司江北新区天", top=131)], [seg(70, "元东路诊所", top=142)]]
    assert rg.begins_body_under_header(rg.TakenRows(above=114, rows=rest, header_rule=126))
    assert not rg.begins_body_under_header(rg.TakenRows(above=114, rows=rest))
    assert not rg.begins_body_under_header(rg.TakenRows(above=114, rows=[], header_rule=126))
    row = [seg(70, "玄武区", top=168), seg(200, "35", top=168)]
    assert rg.taken_from_a_row(rg.TakenRows(above=114, rows=rest, header_rule=126), row, DEFAULTS)
    assert not rg.taken_from_a_row(rg.TakenRows(above=114, rows=rest), row, DEFAULTS)


def test_a_row_at_the_bodys_padding_pitch() -> None:
    """The first line taken 9 under the header's rule at 100: a row up to 2 × 9 + 0.5 line (5) under
    the text above is at the pitch; only under a header (no `header_rule` under a body: none)."""
    rest = [seg(60, "区）", top=109)]
    under_header = rg.TakenRows(above=95, rows=[rest], header_rule=100)
    assert rg.is_at_padding_pitch([seg(60, "秦淮区", top=142), seg(200, "7", top=142)], 119, under_header, DEFAULTS)
    assert not rg.is_at_padding_pitch([seg(60, "秦淮区", top=143), seg(200, "7", top=143)], 119, under_header,
                                      DEFAULTS)
    under_body = rg.TakenRows(above=95, rows=[rest])
    assert not rg.is_at_padding_pitch([seg(60, "秦淮区", top=142), seg(200, "7", top=142)], 119, under_body, DEFAULTS)
    assert not rg.is_at_padding_pitch(rest, 100, rg.TakenRows(above=95, rows=[], header_rule=100), DEFAULTS)
    # through is_at_table_pitch: a row's start only; the rest, which opens no row, reads no pitch under a body
    row = [seg(60, "秦淮区", top=142), seg(200, "7", top=142)]
    assert rg.is_at_table_pitch(row, [], 119, under_header, DEFAULTS)
    assert not rg.is_at_table_pitch(row, [], 119, under_body, DEFAULTS)
    assert not rg.is_at_table_pitch([seg(60, "本表数据来源于各单位上报", top=142)], [], 119, under_header, DEFAULTS)


def test_lines_taken_from_a_heading_set_no_pitch() -> None:
    """typst 720058: under a closed 三线表, a heading and its bracketed year were taken (each one run,
    close under the rule), and the gap across the rule, 1.5 times, took the two-column prose under
    them for a row at the table's pitch. A pitch is read only when the lines taken begin with a row."""
    heading, year = [seg(60, "全国卫生健康信息化发展指数", top=112)], [seg(60, "(2027)", top=124)]
    prose = [seg(60, "2027 年 7 月，国家卫生健康委发布", top=142), seg(300, "市的总指数排名中位列第四。", top=142)]
    from_heading = rg.TakenRows(above=100, rows=[heading, year])
    assert not rg.taken_from_a_row(from_heading, prose, DEFAULTS)
    assert not rg.is_at_table_pitch(prose, [], previous=134, taken=from_heading, settings=DEFAULTS)
    cells = [seg(60, "玄武区", top=112), seg(200, "35", top=112)]
    from_cells = rg.TakenRows(above=100, rows=[cells])
    assert rg.taken_from_a_row(from_cells, prose, DEFAULTS)
    assert rg.is_at_table_pitch([seg(60, "秦淮区", top=138), seg(200, "7", top=138)], [], 122, from_cells, DEFAULTS)
    name = rg.TakenRows(above=100, rows=[[seg(60, "南京脑科医院", top=112)]])  # a wrapped name over its cells
    assert rg.taken_from_a_row(name, [seg(120, "院区", top=117), seg(200, "7", top=117)], DEFAULTS)
    assert not rg.taken_from_a_row(rg.TakenRows(above=100, rows=[]), cells, DEFAULTS)
