"""The rules of the header stage (layout/tables/header.py), each on its own case: header text drawn
here (tests/pdfkit.py) and read as the table stages read it, rules and columns written out by hand;
the pure rules on spans written out by hand. Text is drawn 9 pt high."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables.header import (
    _another_header_level,
    _column_heads,
    _column_holding,
    _columns_under,
    _crosses,
    _lead_in,
    _level,
    _misfit,
    _reaches_down,
    _rule_beneath,
    _runs,
    _share_out,
    _stacks,
    _stands_over,
    _titles_and_leaves,
    header_slots,
    is_cut_row_rest,
    side_by_side_groups,
    starts_fit_clearly_better,
)
from bulletin_etl.layout.tables.regions import Rule
from bulletin_etl.layout.tables.segments import Segment, segments

from .pdfkit import drawn_chars

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given


def drawn(tmp_path: Path, *runs: tuple[float, float, str]) -> list[list[Segment]]:
    """The lines of a page holding the given runs of text, each (x, top, text)."""
    return segments(drawn_chars(tmp_path, runs, 9), DEFAULTS)


def seg(x0: float, x1: float, top: float = 0.0) -> Segment:
    """A run of text written out by hand: one glyph box."""
    return Segment([{"text": "字", "x0": x0, "x1": x1, "top": top, "bottom": top + 9}], DEFAULTS)


def texts(parts: list[Segment]) -> list[str]:
    return [s.text for s in parts]


def test_text_reaching_a_point_above_a_rule_crosses_it(tmp_path: Path) -> None:
    (line,) = drawn(tmp_path, (60, 100, "年报告数量"))  # its box: 100.64–109.64
    assert _crosses(line[0], 105, DEFAULTS)
    assert not _crosses(line[0], 101, DEFAULTS)  # reaching less than a point above: sitting under it
    assert not _crosses(line[0], 111, DEFAULTS)  # over it


WHOLE = [(-math.inf, math.inf)]  # the groups of a header that repeats none


def test_a_band_of_several_cells_without_figures_is_another_header_level(tmp_path: Path) -> None:
    assert _another_header_level(drawn(tmp_path, (60, 100, "2030年总量"), (160, 100, "累计总量")), WHOLE)
    assert not _another_header_level(drawn(tmp_path, (60, 100, "南京市鼓楼医院"), (160, 100, "120")), WHOLE)
    assert not _another_header_level(drawn(tmp_path, (60, 100, "桥荫路社区卫生服务站")), WHOLE)  # a cut row's rest


def test_a_header_repeating_its_texts_side_by_side_is_cut_into_its_groups(tmp_path: Path) -> None:
    """Each group from its first text to the next group's; the first reaches the table's left edge."""
    header = drawn(tmp_path, (125, 100, "序号"), (190, 100, "名称"), (256, 100, "预约数量"),
                   (313, 100, "序号"), (372, 100, "名称"), (431, 100, "预约数量"))
    assert side_by_side_groups(header) == [(-math.inf, 313.0), (313.0, math.inf)]
    three = drawn(tmp_path, *[(x + dx, 100, t) for x in (100, 250, 400) for dx, t in ((0, "名称"), (60, "数量"))])
    assert side_by_side_groups(three) == [(-math.inf, 250.0), (250.0, 400.0), (400.0, math.inf)]


def test_a_header_repeating_no_texts_side_by_side_is_one_group(tmp_path: Path) -> None:
    assert side_by_side_groups(drawn(tmp_path, (60, 100, "序号"), (120, 100, "名称"), (250, 100, "预约数量"))) == WHOLE
    # the same word twice in one header is no group repeated, nor one label over two columns
    assert side_by_side_groups(drawn(tmp_path, (60, 100, "人次"), (120, 100, "收入"), (250, 100, "人次"))) == WHOLE
    assert side_by_side_groups(drawn(tmp_path, (60, 100, "人次"), (250, 100, "人次"))) == WHOLE


def test_a_lone_run_in_each_side_by_side_group_is_the_rest_of_a_cut_row(tmp_path: Path) -> None:
    groups = [(-math.inf, 313.0), (313.0, math.inf)]
    rests = drawn(tmp_path, (159, 100, "程序"), (347, 100, "端"))
    assert is_cut_row_rest(rests, groups)
    assert not _another_header_level(rests, groups)
    assert not is_cut_row_rest(rests, WHOLE)  # the same two runs under a header of one group: two cells
    assert _another_header_level(rests, WHOLE)
    two_in_a_group = drawn(tmp_path, (159, 100, "程序"), (260, 100, "年度"), (347, 100, "端"))
    assert not is_cut_row_rest(two_in_a_group, groups)
    assert is_cut_row_rest(drawn(tmp_path, (347, 100, "端")), groups)  # the right half's rest alone


def test_columns_cut_into_runs() -> None:
    assert _runs([3, 4, 5, 6], (1, 3)) == [[3], [4, 5], [6]]
    assert _runs([3, 4], ()) == [[3, 4]]


def test_the_misfit_of_titles_centred_or_starting_over_their_runs() -> None:
    heads = [(100.0, 120.0), (130.0, 200.0), (210.0, 230.0)]
    titles = [(130.0, 170.0), (205.0, 235.0)]
    assert _misfit(titles, [[0, 1], [2]], heads, centred=True) == pytest.approx(0 + 0)
    # starting: the first title 30 pt past the room before column 0's header (from the page's edge
    # to 100), the second within the room between columns 1 and 2 (200–210)
    assert _misfit(titles, [[0, 1], [2]], heads, centred=False) == pytest.approx(30 + 0)
    assert _misfit(titles, [[0], [1, 2]], heads, centred=True) == pytest.approx(40 + 40)
    assert _misfit(titles, [[0], [1, 2]], heads, centred=False) == pytest.approx(30 + 75)


def test_a_start_aligned_title_starts_in_the_room_before_its_first_columns_header() -> None:
    heads = [(100.0, 120.0), (130.0, 200.0)]
    assert _lead_in(heads, 1) == (120.0, 130.0)
    assert _lead_in(heads, 0) == (-math.inf, 100.0)
    assert _lead_in([(100.0, 135.0), (130.0, 200.0)], 1) == (130.0, 130.0)  # headers that touch: no room


def test_titles_printed_at_their_cells_start_over_centred_headers_share_them_out() -> None:
    # group_start family, reportlab (seed 801005): '门诊转诊' … '各类转诊总量' printed at their cells'
    # left edges over '2019年总量' | '累计总量' centred in wide columns; measured from the headers'
    # starts, centring fitted about as well by chance (runs of 1, 3, 1, 3 columns)
    heads = [(103, 145), (176, 228), (257, 299), (328, 381), (409, 451), (478, 520), (546, 588), (617, 669), (698, 740)]
    titles = [[seg(172, 214)], [seg(324, 387)], [seg(476, 518)], [seg(613, 676)]]
    assert _share_out([1, 2, 3, 4, 5, 6, 7, 8], titles, [(float(a), float(b)) for a, b in heads], DEFAULTS) == {
        0: [1, 2], 1: [3, 4], 2: [5, 6], 3: [7, 8]}


HEADS = [(100.0, 120.0), (130.0, 200.0), (210.0, 230.0), (240.0, 260.0)]  # a narrow column beside a wide one


def test_titles_centred_over_a_narrow_and_a_wide_column_share_them_out() -> None:
    # by its start alone the second title (232–238) would head the last column only
    centred = [[seg(140, 160)], [seg(232, 238)]]
    assert _share_out([0, 1, 2, 3], centred, HEADS, DEFAULTS) == {0: [0, 1], 1: [2, 3]}


def test_titles_starting_where_their_columns_start_share_them_out() -> None:
    # by their middles alone the short titles would head one column and three
    left_aligned = [[seg(100, 104)], [seg(210, 214)]]
    assert _share_out([0, 1, 2, 3], left_aligned, HEADS, DEFAULTS) == {0: [0, 1], 1: [2, 3]}


def test_centred_titles_one_of_which_starts_near_a_column_start_stay_centred() -> None:
    # 门急诊信息 centred over 人次 | 收入（千元）, 出院信息 centred over 人次 | 住院收入（千元）: the second
    # title starts 1.8 pt from the last column's header, so starting-alignment alone would give the
    # first title three columns (misfit 11.8) against centring's right cut (misfit 14)
    heads = [(316.5, 334.5), (365.4, 405.0), (414.8, 432.8), (452.7, 524.7)]
    titles = [[seg(326.5, 371.5)], [seg(454.5, 490.5)]]
    assert _share_out([0, 1, 2, 3], titles, heads, DEFAULTS) == {0: [0, 1], 1: [2, 3]}


def test_starting_alignment_wins_only_when_clearly_better() -> None:
    assert starts_fit_clearly_better(25.0, 0.0, DEFAULTS)
    assert not starts_fit_clearly_better(14.0, 11.8, DEFAULTS)
    assert not starts_fit_clearly_better(0.0, 0.0, DEFAULTS)


def test_one_title_or_too_few_columns_takes_them_all() -> None:
    assert _share_out([1, 2], [[seg(130, 170)]], HEADS, DEFAULTS) == {0: [1, 2]}
    assert _share_out([1], [[seg(100, 120)], [seg(130, 150)]], HEADS, DEFAULTS) == {0: [1]}


def test_lines_of_one_wrapped_header_cell_stand_over_each_other(tmp_path: Path) -> None:
    year, rest = drawn(tmp_path, (107, 100, "2022"), (100, 111, "年总量"))  # '2022' centred over '年总量'
    assert _stands_over(year[0], rest[0]) and _stands_over(rest[0], year[0])
    assert _stands_over(seg(180, 195), seg(100, 200))  # a short line off-centre over a long one
    assert not _stands_over(seg(60, 78), seg(100, 127))


def test_stacks_of_two_wrapped_header_cells(tmp_path: Path) -> None:
    rows = drawn(tmp_path, (107, 100, "2022"), (187, 100, "累计"), (100, 111, "年总量"), (180, 111, "总量"))
    assert [texts(stack) for stack in _stacks([s for row in rows for s in row])] == [["2022", "年总量"], ["累计", "总量"]]


RULE = Rule(110, 50, 300)


def test_the_level_of_header_text_counts_the_rules_over_its_middle(tmp_path: Path) -> None:
    over, reaching, under = (line[0] for line in drawn(tmp_path, (60, 96, "单位"), (160, 108.5, "年份"), (60, 120, "名称")))
    assert _level(over, [RULE], DEFAULTS) == 0
    assert _level(under, [RULE], DEFAULTS) == 1
    assert reaching.top < RULE.y and _level(reaching, [RULE], DEFAULTS) == 1  # a CJK glyph box reaching above its rule
    assert _level(under, [Rule(110, 200, 300)], DEFAULTS) == 0  # a rule over other columns


def test_the_rule_beneath_a_group_title_is_the_nearest_under_it(tmp_path: Path) -> None:
    ((title,),) = drawn(tmp_path, (100, 90, "预约挂号"))
    assert _rule_beneath(title, [Rule(130, 50, 300), Rule(112, 50, 300), Rule(80, 50, 300)], DEFAULTS) == 1
    assert _rule_beneath(title, [Rule(80, 50, 300), Rule(130, 200, 300)], DEFAULTS) is None


def test_header_text_sorted_into_group_titles_and_leaves(tmp_path: Path) -> None:
    rows = drawn(tmp_path, (70, 106, "单位"), (170, 96, "预约挂号"), (140, 116, "2030年"), (215, 116, "累计"))
    groups, leaves = _titles_and_leaves(rows, [Rule(112, 130, 260)], DEFAULTS)
    assert {key: texts(parts) for key, parts in groups.items()} == {(0, 0): ["预约挂号"]}
    assert {key: sorted(texts(parts)) for key, parts in leaves.items()} == {0: ["单位"], 1: ["2030年", "累计"]}


def test_the_column_holding_a_point() -> None:
    columns = [(0.0, 10.0), (10.0, 20.0)]
    assert _column_holding(10, columns) == 0 and _column_holding(15, columns) == 1 and _column_holding(25, columns) is None


def test_a_columns_head_is_where_its_own_header_text_lies() -> None:
    leaves = {0: [seg(12, 18)], 1: [seg(5, 25, 12), seg(31, 39, 12)]}  # a wide line centred in column 0
    assert _column_heads(leaves, [(0.0, 30.0), (30.0, 40.0)]) == {0: (5, 25), 1: (31, 39)}


def test_the_columns_under_a_rule_by_where_their_text_lies() -> None:
    extents = [(40.0, 60.0), (100.0, 140.0), (190.0, 212.0), (190.0, 214.0)]
    assert _columns_under(Rule(112, 100, 200), extents, DEFAULTS) == [1, 2]  # middles 120, 201: within a point of its end


def test_a_header_cell_with_nothing_under_it_reaches_down() -> None:
    cells = {((0,), 0): [], ((1, 2), 0): [], ((1,), 1): [], ((2,), 1): []}
    assert _reaches_down((0,), 0, cells)  # 单位 beside the group
    assert not _reaches_down((1, 2), 0, cells)  # the group title over its sub-columns
    assert _reaches_down((1,), 1, cells)


def test_header_slots_of_a_group_title_over_a_short_rule(tmp_path: Path) -> None:
    rows = drawn(tmp_path, (70, 106, "单位"), (177, 96, "预约挂号"), (140, 116, "2030年"), (216, 116, "累计"))
    columns = [(50.0, 120.0), (130.0, 190.0), (200.0, 260.0)]
    grid = header_slots(rows, [Rule(112, 130, 260)], columns, [(60.0, 110.0), (140.0, 180.0), (205.0, 250.0)], DEFAULTS)
    assert [[cell.text if cell else "" for cell in level] for level in grid] == [
        ["单位", "预约挂号", "预约挂号"], ["单位", "2030年", "累计"]]
    assert grid[0][0] is grid[1][0] and grid[0][1] is grid[0][2]
