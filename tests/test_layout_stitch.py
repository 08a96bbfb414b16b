"""The rules of layout/tables/stitch.py one by one: when a grid continues a table, which of its
first rows repeat the header, how a header broken over a page is joined, and how side-by-side
column groups are stacked. Grids, rows and header texts are written out by hand."""

from __future__ import annotations

import importlib

from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Cell, Grid, LogicalTable, TableRow

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given

# the module, not the package's `stitch` function of the same name
st = importlib.import_module("bulletin_etl.layout.tables.stitch")


def grid(page: int, rows: list[list[str]], left: float = 0.0) -> Grid:
    """A grid as a producer's cells read, columns 10 wide from `left`: equal neighbouring texts
    in a row are one merged cell."""
    slots = []
    for r, texts in enumerate(rows):
        row: list = []
        for c, value in enumerate(texts):
            row.append(row[-1] if c and texts[c - 1] == value and value else Cell((c, r, c + 1, r + 1), value))
        slots.append(row)
    cols = [(left + 10 * c, left + 10 * (c + 1)) for c in range(len(rows[0]))]
    return Grid(page=page, bbox=(cols[0][0], 0, cols[-1][1], len(rows)), slots=slots,
                row_bounds=[(r, r + 1) for r in range(len(rows))], col_bounds=cols)


def table_of(g: Grid, n_header: int) -> LogicalTable:
    return LogicalTable(header_paths=st.header_paths(g, n_header), header_rows=[g.row(r) for r in range(n_header)],
                        rows=st._rows_of(g, n_header), grids=[g])


HEADER = ["序号", "单位", "实时数据表单上传情况", "门诊人次"]


# ---------------------------------------------------------------------------------------------
# A repeated header


def test_a_header_cell_clipped_keeps_the_start_of_its_text() -> None:
    assert st._is_clipped("实时数据表单上传", "实时数据表单上传情况", DEFAULTS)
    assert not st._is_clipped("实", "实时数据表单上传情况", DEFAULTS)  # shorter than `min_clipped_chars`
    assert not st._is_clipped("表单上传", "实时数据表单上传情况", DEFAULTS)


def test_a_header_cell_holding_the_head_of_a_cut_row() -> None:
    words = {"接入单位", "就诊数据", "2030年度总量"}
    assert st._holds_cut_row_head("接入单位院", "接入单位", words, DEFAULTS)
    assert not st._holds_cut_row_head("接入单位12", "接入单位", words, DEFAULTS)  # a figure
    assert not st._holds_cut_row_head("就诊数据2030年度总量", "就诊数据", words, DEFAULTS)  # the header's own words
    assert not st._holds_cut_row_head("院", "", words, DEFAULTS)
    assert not st._holds_cut_row_head("单位院", "接入单位", words, DEFAULTS)


def test_a_repeated_header_row_notes_clipped_and_carried_text() -> None:
    spill: dict[int, str] = {}
    carried: dict[int, str] = {}
    words = set(HEADER)
    assert st._repeats_header(["序号", "单位", "实时数据表单上传", "门诊人次"], HEADER, spill, carried, words, DEFAULTS)
    assert spill == {2: "情况"} and carried == {}
    assert st._repeats_header(["序号", "单位院", "实时数据表单上传情况", "门诊人次"], HEADER, spill, carried, words, DEFAULTS)
    assert carried == {1: "院"}
    # more than `max_clipped_share` of the row differing is data, and nothing is noted
    assert not st._repeats_header(["序号院", "单位院", "实时数据", "门诊人次"], HEADER, spill, carried, words, DEFAULTS)
    assert not st._repeats_header(["1", "南京市鼓楼医院", "12", "1066"], HEADER, spill, carried, words, DEFAULTS)
    assert not st._repeats_header(HEADER[:3], HEADER, spill, carried, words, DEFAULTS)
    assert spill == {2: "情况"} and carried == {1: "院"}


def test_a_slot_a_merged_cell_covers_past_its_first() -> None:
    rows = [["序号", "就诊数据", "就诊数据"], ["序号", "2030年度总量", "累计总量"]]
    assert st._continues_merged_cell(rows, 0, 2)  # the group label's second slot
    assert st._continues_merged_cell(rows, 1, 0)  # 序号 merged down
    assert not st._continues_merged_cell(rows, 0, 1) and not st._continues_merged_cell(rows, 1, 1)


def test_the_rows_repeating_the_header_row_for_row_or_with_its_levels_run_together() -> None:
    first = grid(1, [["单位", "门急诊信息", "门急诊信息"], ["单位", "人次", "金额"], ["南京市鼓楼医院", "13", "27"]])
    table = table_of(first, 2)
    row_for_row = grid(2, [["单位", "门急诊信息", "门急诊信息"], ["单位", "人次", "金额"], ["南京同仁医院", "4", "19"]])
    run_together = grid(2, [["单位", "门急诊信息人次", "门急诊信息金额"], ["南京同仁医院", "4", "19"]])
    lower_only = grid(2, [["单位", "人次", "金额"], ["南京同仁医院", "4", "19"]])
    # the group label read as one cell with its first sub-column: only the characters tell
    merged_otherwise = grid(2, [["单位", "门急诊信息人次", "门急诊信息人次"], ["单位", "", "金额"], ["南京同仁医院", "4", "19"]])
    no_header = grid(2, [["南京同仁医院", "4", "19"]])
    for g, n in ((row_for_row, 2), (run_together, 1), (lower_only, 1), (merged_otherwise, 2), (no_header, 0)):
        assert st._repeated_header_end(table, g, {}, {}, DEFAULTS) == n, g.slots
    assert st._rows_repeating_header(table, row_for_row, {}, {}, DEFAULTS) == 2
    assert st._rows_repeating_header(table, run_together, {}, {}, DEFAULTS) == 0
    assert st._rows_repeating_paths(run_together, table.header_paths) == 1
    assert st._rows_repeating_header(table, merged_otherwise, {}, {}, DEFAULTS) == 0
    assert st._rows_repeating_paths(merged_otherwise, table.header_paths) == 0


# ---------------------------------------------------------------------------------------------
# A table going on over pages


def test_a_grid_continues_a_table_on_a_later_page_with_as_many_columns() -> None:
    table = table_of(grid(3, [HEADER, ["1", "南京市鼓楼医院", "12", "1066"]]), 1)
    assert st._continues_on(table, grid(4, [["2", "江苏省人民医院", "7", "722"]]))
    assert not st._continues_on(table, grid(3, [["2", "江苏省人民医院", "7", "722"]]))
    assert not st._continues_on(table, grid(4, [["2", "江苏省人民医院", "722"]]))


def test_a_row_standing_whole() -> None:
    assert st._stands_whole(TableRow(["合计", "", "12", "1066"], 1))
    assert st._stands_whole(TableRow(["全市共 12 家"] * 4, 1, spans_all=True))
    assert not st._stands_whole(TableRow(["1", "南京市鼓楼医院", "12", "1066"], 1))


def test_continuing_drops_the_repeated_header_and_joins_a_row_the_page_cut() -> None:
    table = table_of(grid(3, [HEADER, ["1", "南京市鼓楼医", "12", "1066"]]), 1)
    st._continue(table, grid(4, [["序号", "单位", "实时数据表单上传", "门诊人次"], ["", "院", "情况", ""],
                                 ["2", "江苏省人民医院", "7", "722"]]), DEFAULTS)
    assert [row.cells for row in table.rows] == [["1", "南京市鼓楼医院", "12", "1066"], ["2", "江苏省人民医院", "7", "722"]]
    assert [g.page for g in table.grids] == [3, 4]


def foot_of_two(page: int, left: float = 0.0) -> Grid:
    """A header part at a page's foot: '序号' over one column, '就诊数据' over two."""
    return Grid(page=page, bbox=(left, 0, left + 30, 1),
                slots=[[Cell((left, 0, left + 10, 1), "序号"), Cell((left + 10, 0, left + 30, 1), "就诊数据")]],
                row_bounds=[(0, 1)], col_bounds=[(left, left + 10), (left + 10, left + 30)])


def test_the_columns_under_a_header_part_left_at_the_previous_pages_foot() -> None:
    below = grid(6, [["序号", "2030年度总量", "累计总量"], ["1", "13", "27"]])
    same_columns = grid(5, [["序号", "就诊数据", "就诊数据"]])
    assert st._columns_under_foot(same_columns, below, 1, DEFAULTS) == [0, 1, 2]
    assert st._columns_under_foot(foot_of_two(5), below, 1, DEFAULTS) == [0, 1, 1]
    assert st._columns_under_foot(foot_of_two(5, left=2), below, 1, DEFAULTS) == [0, 1, 1]  # within `rule_same_extent_pt`
    assert st._columns_under_foot(foot_of_two(5, left=5), below, 1, DEFAULTS) is None  # another table's
    assert st._columns_under_foot(None, below, 1, DEFAULTS) is None
    assert st._columns_under_foot(foot_of_two(4), below, 1, DEFAULTS) is None  # not the page before
    assert st._columns_under_foot(foot_of_two(5), below, 0, DEFAULTS) is None  # the grid has no header of its own


def test_a_whole_header_at_the_previous_pages_foot_heads_the_rows_under_it_repeated_or_none() -> None:
    head = ["序号", "2030年度总量", "累计总量"]
    foot = grid(5, [head])
    for rows in ([["1", "13", "27"]], [head, ["1", "13", "27"]]):
        table = st._headed_by_foot(foot, grid(6, rows), DEFAULTS)
        assert table is not None
        assert table.header_paths == [("序号",), ("2030年度总量",), ("累计总量",)]
        assert [r.cells for r in table.rows] == [["1", "13", "27"]]
        assert [g.page for g in table.grids] == [6]
    assert st._headed_by_foot(foot_of_two(5), grid(6, [["1", "13", "27"]]), DEFAULTS) is None  # a header part
    assert st._headed_by_foot(foot, grid(7, [["1", "13", "27"]]), DEFAULTS) is None  # not the page before
    rest = grid(6, [["序号", "年总量", "累计"], ["1", "13", "27"]])  # the rest of a header row the page broke
    assert st._headed_by_foot(foot, rest, DEFAULTS) is None


def test_a_header_left_at_the_foot_starts_a_new_table_of_as_many_columns() -> None:
    before = grid(5, [["单位", "总量", "累计"], ["玄武区", "1", "2"]])  # above it on its page
    foot = grid(5, [["序号", "2030年度总量", "累计总量"]])
    tables = st.stitch([before, foot, grid(6, [["序号", "2030年度总量", "累计总量"], ["1", "13", "27"]])], DEFAULTS)
    assert [[g.page for g in t.grids] for t in tables] == [[5], [6]]
    assert tables[1].header_paths == [("序号",), ("2030年度总量",), ("累计总量",)]


def test_the_column_holding_a_point_ends_included() -> None:
    assert st._column_at([(0, 10), (10, 30)], 10) == 0
    assert st._column_at([(0, 10), (10, 30)], 20) == 1
    assert st._column_at([(0, 10), (10, 30)], 31) is None


def test_a_new_table_under_a_header_broken_over_the_page() -> None:
    below = grid(6, [["序号", "2030年度总量", "累计总量"], ["1", "13", "27"]])
    table = st._new_table(below, 1, foot_of_two(5), DEFAULTS)
    assert table.header_paths == [("序号",), ("就诊数据", "2030年度总量"), ("就诊数据", "累计总量")]
    assert table.header_rows == [["序号", "就诊数据", "就诊数据"], ["序号", "2030年度总量", "累计总量"]]
    assert st._new_table(below, 1, None, DEFAULTS).header_paths == [("序号",), ("2030年度总量",), ("累计总量",)]


def test_a_foot_cell_heading_one_column_alone() -> None:
    foot = grid(5, [["序号", "出院信息", "出院信息"], ["", "人次", "住院收入（千"]])
    assert [st.is_own_foot_cell(foot, c, [0, 1, 2]) for c in range(3)] == [True, True, True]
    assert not st.is_own_foot_cell(grid(5, [["序号", "就诊数据", "就诊数据"]]), 1, [0, 1, 2])  # a group title
    assert not st.is_own_foot_cell(foot_of_two(5), 1, [0, 1, 1])  # over two of the next page's columns
    assert st.is_own_foot_cell(foot_of_two(5), 0, [0, 1, 1])


def test_the_rest_of_a_header_cell_the_page_broke_joins_its_text() -> None:
    """LibreOffice breaks a header row inside its cells: '住院收入（千' at page 10's foot under its
    group title, '元）' atop page 11 (docx 326630). The rest is the cell's text, not a level under
    it; under a group title at the foot ('就诊数据', above) the next page's labels are levels."""
    foot = grid(5, [["序号", "出院信息", "出院信息"], ["", "人次", "住院收入（千"]])
    table = st._new_table(grid(6, [["", "", "元）"], ["1", "13", "27.5"]]), 1, foot, DEFAULTS)
    assert table.header_paths == [("序号",), ("出院信息", "人次"), ("出院信息", "住院收入（千元）")]
    assert [row.cells for row in table.rows] == [["1", "13", "27.5"]]
    repeated = st._new_table(grid(6, [["序号", "", ""], ["1", "13", "27.5"]]), 1, foot, DEFAULTS)
    assert repeated.header_paths == [("序号",), ("出院信息", "人次"), ("出院信息", "住院收入（千")]


# ---------------------------------------------------------------------------------------------
# Side-by-side column groups


def test_the_width_of_column_groups_repeated_side_by_side() -> None:
    group = [("序号",), ("名称",), ("预约数量",)]
    assert st._group_width(group * 2) == 3
    assert st._group_width(group * 3) == 3
    assert st._group_width([("x",)] * 4) == 1
    assert st._group_width(group) is None
    assert st._group_width(group + group[:2]) is None


def test_a_part_continuing_a_wrapped_name() -> None:
    assert st._continues_wrapped_name(TableRow(["", "医院", ""], 1))
    assert not st._continues_wrapped_name(TableRow(["", "医院", "12"], 1))
    assert not st._continues_wrapped_name(TableRow(["3", "南京市鼓楼医院", ""], 1))


def test_a_groups_rows_skip_whole_rows_and_empty_parts_and_join_wrapped_names() -> None:
    rows = [TableRow(["1", "南京市鼓楼", "100", "4", "江苏省人民医院", "300"], 1),
            TableRow(["2", "南京市第一医院", "200", "", "医院", ""], 1),
            TableRow(["", "", "", "", "", ""], 1),
            TableRow(["合计：600"] * 6, 1, spans_all=True),
            TableRow(["3", "南京同仁医院", "50", "", "", ""], 1)]
    assert [r.cells for r in st._group_rows(rows, 0, 3)] == [
        ["1", "南京市鼓楼", "100"], ["2", "南京市第一医院", "200"], ["3", "南京同仁医院", "50"]]
    assert [r.cells for r in st._group_rows(rows, 3, 3)] == [["4", "江苏省人民医院医院", "300"]]
