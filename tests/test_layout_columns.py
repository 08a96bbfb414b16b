"""Columns of tables without inner vertical rules, on small PDFs drawn here (tests/pdfkit.py):
columns set so tight that the body alone does not part them, and each rule `columns_of` is made
of on its own."""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout.document import load
from bulletin_etl.layout.lines import group_rows
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Grid, LogicalTable, Rule, UnruledTable, stitch
from bulletin_etl.layout.tables import columns as cols
from bulletin_etl.layout.tables.segments import Segment, segments

from .pdfkit import LATIN_FONT, PAGE_H, Table, cell, drawn_chars, make_pdf, text

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given


def only_table(path: Path) -> LogicalTable:
    tables = stitch([b for b in load(path).blocks if isinstance(b, Grid)], DEFAULTS)
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


# ---------------------------------------------------------------------------------------------
# The rules columns_of is made of, one at a time: lines of text drawn here and read back as
# segments, or spans written out by hand where a rule only measures.


def drawn(tmp_path: Path, *pieces: tuple[float, float, str]) -> list[list[Segment]]:
    """Pieces of text (x, top, text) drawn at 10 pt on one page, read back as rows of segments."""
    return segments(drawn_chars(tmp_path, pieces, 10.0), DEFAULTS)


def chars_of(rows: list[list[Segment]]) -> list[dict]:
    return [c for row in rows for s in row for c in s.chars]


def extent(segment: Segment) -> tuple[float, float]:
    return segment.x0, segment.x1


def glyph(x0: float, x1: float, s: str = "8") -> dict:
    return {"x0": x0, "x1": x1, "top": 100.0, "bottom": 110.0, "text": s, "size": 10.0}


def test_a_totals_label_shows_no_column_but_its_figures_do(tmp_path: Path) -> None:
    (total,) = drawn(tmp_path, (60, 100, "合 计"), (200, 100, "120"), (260, 100, "340"))
    assert cols._figures_of(total) == total[1:]
    assert not cols._spanning_total(total)
    (spanning,) = drawn(tmp_path, (60, 100, "合计：290146"))
    assert cols._spanning_total(spanning)


def test_gutter_runs_take_a_totals_figures_on_a_page_with_no_other(tmp_path: Path) -> None:
    """A continued page whose only row with figures is its 合计: the figures show the columns."""
    body = drawn(tmp_path, (60, 100, "合计"), (200, 100, "120"), (260, 100, "340"))
    _, runs, size = cols._gutter_runs(body, DEFAULTS)
    assert size == 10.0
    assert [round(a) for a, _ in runs] == [200, 260]


def test_gutter_runs_leave_out_a_total_whose_figures_nearly_touch(tmp_path: Path) -> None:
    """'197655' and '456965' stand closer than a gutter: with the total the two columns read as
    one, without it they stand apart."""
    body = drawn(tmp_path, (60, 100, "一"), (139, 100, "12"), (175, 100, "34"),
                 (60, 120, "二"), (139, 120, "56"), (175, 120, "78"),
                 (60, 140, "合计"), (116.6, 140, "197655"), (152.6, 140, "456965"))
    chars, runs, _ = cols._gutter_runs(body, DEFAULTS)
    assert len(runs) == 3
    assert "1" not in "".join(c["text"] for c in chars if c["top"] > 135)


def test_gutter_runs_never_count_a_total_printed_across_the_table(tmp_path: Path) -> None:
    body = drawn(tmp_path, (60, 100, "一"), (200, 100, "12"), (60, 120, "合计：290146"))
    chars, runs, _ = cols._gutter_runs(body, DEFAULTS)
    assert "".join(c["text"] for c in chars) == "一12"
    assert [round(a) for a, _ in runs] == [60, 200]


def test_columns_between_put_edges_midway_across_gutters() -> None:
    columns = cols._columns_between([(10.0, 20.0), (30.0, 40.0)], 0.0, 50.0)
    assert columns.bounds == [(0.0, 25.0), (25.0, 50.0)]
    assert columns.gutters == [(20.0, 30.0)] and columns.text == [(10.0, 20.0), (30.0, 40.0)]


def test_a_header_cell_stands_over_a_run_it_touches(tmp_path: Path) -> None:
    ((cell,),) = drawn(tmp_path, (100, 100, "数量"))
    assert cols._stands_over([cell], (120.0, 130.0))  # touching its right edge
    assert not cols._stands_over([cell], (121.0, 130.0))
    assert cols._neighbours((135.0, 140.0), [(100.0, 110.0), (150.0, 160.0), (120.0, 130.0)]) == (2, 1)
    assert cols._distance((100.0, 110.0), (113.0, 120.0)) == 3.0


def test_a_header_cell_in_a_gutter_joins_the_column_with_no_header(tmp_path: Path) -> None:
    """'量' centred over one-digit figures stands in the gutter; the column on its left has no
    header, the one on its right has '数量' on the same line: '量' heads the left one."""
    rows = drawn(tmp_path, (130, 100, "量"), (160, 100, "数量"))
    cells = cols.clustered([s for row in rows for s in row])
    runs = [(100.0, 120.0), (160.0, 180.0)]
    assert cols._unheaded_neighbours(cells[0], runs, [False, True], cells) == [0]
    assert cols._place_header_cells(runs, cells, DEFAULTS) == [(100.0, 140.0), (160.0, 180.0)]


def test_a_header_cell_between_two_headed_columns_is_a_column_of_its_own(tmp_path: Path) -> None:
    rows = drawn(tmp_path, (100, 100, "甲"), (130, 100, "乙"), (160, 100, "丙"))
    cells = cols.clustered([s for row in rows for s in row])
    runs = [(100.0, 120.0), (160.0, 180.0)]
    assert cols._unheaded_neighbours(cells[1], runs, [True, True], cells) == []
    assert cols._place_header_cells(runs, cells, DEFAULTS) == [(100.0, 120.0), (160.0, 180.0), (130.0, 140.0)]


def test_a_band_standing_wholly_above_a_header_cell_heads_no_column_alone(tmp_path: Path) -> None:
    """'预约方式' stands over the right column one line above '量': that column has no header of
    its own down to '量''s line, while the left column's '甲' stands on it."""
    rows = drawn(tmp_path, (160, 100, "预约方式"), (100, 120, "甲"), (130, 120, "量"))
    cells = cols.clustered([s for row in rows for s in row])
    runs = [(100.0, 120.0), (160.0, 180.0)]
    gutter_cell = next(c for c in cells if c[0].text == "量")
    assert not cols._headed_down_to(runs[1], gutter_cell[0].top, cells)
    assert cols._headed_down_to(runs[0], gutter_cell[0].top, cells)
    assert cols._unheaded_neighbours(gutter_cell, runs, [True, True], cells) == [1]


def test_a_header_part_reaching_over_the_whole_run_heads_all_of_it() -> None:
    assert cols._heads_whole_run((99.5, 150.5), (100.0, 150.0), DEFAULTS)
    assert cols._heads_whole_run((100.5, 149.5), (100.0, 150.0), DEFAULTS)  # within the run's cover margin
    assert not cols._heads_whole_run((100.0, 130.0), (100.0, 150.0), DEFAULTS)


def test_header_parts_over_a_run_part_a_tight_header_line(tmp_path: Path) -> None:
    """'诊间预约第三方' set as tight as its columns reads as one segment; the gap between its two
    cells is wider than the glyphs' own spacing."""
    ((tight,),) = drawn(tmp_path, (100, 100, "诊间预约"), (142, 100, "第三方"))
    parts = cols._header_parts_in((95.0, 180.0), tight, 10.0, DEFAULTS)
    assert [(round(a), round(b)) for a, b, _ in parts] == [(100, 140), (142, 172)]
    assert cols._header_parts_in((101.0, 139.0), tight, 10.0, DEFAULTS) == []  # '诊间预约' reaches over it all


def test_heads_over_a_run_leave_out_a_group_cell_over_two_leaves(tmp_path: Path) -> None:
    """'业务数据' centred over '收入' and '人次' would join them into one head."""
    header = [s for row in drawn(tmp_path, (115, 100, "业务数据"), (100, 115, "收入"), (150, 115, "人次"))
              for s in row]
    heads = cols._heads_over((90.0, 200.0), header, 10.0, DEFAULTS)
    assert [(round(a), round(b)) for a, b in heads] == [(100, 120), (150, 170)]


def test_the_gap_between_two_heads_is_the_first_between_their_middles() -> None:
    gaps = [(10.0, 12.0), (30.0, 32.0), (44.0, 46.0)]
    assert cols._gap_between((0.0, 30.0), (40.0, 60.0), gaps) == (30.0, 32.0)
    assert cols._gap_between((0.0, 20.0), (22.0, 40.0), gaps) == (10.0, 12.0)
    assert cols._gap_between((50.0, 60.0), (70.0, 80.0), gaps) is None


def lines_of(rows: list[list[Segment]]) -> list[list[dict]]:
    return group_rows([c for c in chars_of(rows) if not c["text"].isspace()], DEFAULTS)


def test_text_on_both_sides_of_a_gap_in_most_lines_parts_two_columns(tmp_path: Path) -> None:
    gap = (130.0, 140.0)
    two_columns = drawn(tmp_path, (100, 100, "12"), (150, 100, "34"), (100, 120, "56"), (150, 120, "78"))
    assert cols._text_on_both_sides(gap, lines_of(two_columns))
    # a remarks column holding text in one row of three
    remarks = drawn(tmp_path, (100, 100, "12"), (150, 100, "备注"), (100, 120, "56"), (100, 140, "9"))
    assert cols._text_on_both_sides(gap, lines_of(remarks))


def test_a_slash_centred_among_right_aligned_figures_parts_no_columns(tmp_path: Path) -> None:
    """'/' stands left of the gap, the figures right of it, never both on one line."""
    gap = (130.0, 140.0)
    one_column = drawn(tmp_path, (120, 100, "/"), (150, 120, "1234"), (120, 140, "/"))
    assert not cols._text_on_both_sides(gap, lines_of(one_column))
    # text on both sides in only one of the three lines either side holds
    mostly_apart = drawn(tmp_path, (100, 100, "12"), (150, 100, "34"), (100, 120, "56"), (150, 140, "78"),
                         (100, 160, "9"), (150, 180, "0"))
    assert not cols._text_on_both_sides(gap, lines_of(mostly_apart))


def test_a_run_under_two_header_cells_splits_at_the_gap_between_them(tmp_path: Path) -> None:
    """'195463' and '286381' stand 2 pt apart, closer than a printed space, under '甲列' and '乙列'."""
    body = drawn(tmp_path, (100, 120, "195463"), (135.4, 120, "286381"), (117.8, 140, "12"), (158.3, 140, "34"))
    header = [s for row in drawn(tmp_path, (103.4, 100, "甲列"), (138.8, 100, "乙列")) for s in row]
    chars = chars_of(body)
    (run,) = cols._covered(chars, DEFAULTS.gutter_min_em * 10.0)
    pieces = cols._split_run(run, chars, header, 10.0, DEFAULTS)
    assert [(round(a, 1), round(b, 1)) for a, b in pieces] == [(100.0, 133.4), (135.4, 169.4)]
    assert cols._split_run(run, chars, header[:1], 10.0, DEFAULTS) == [run]


def test_a_run_splits_past_the_gap_before_a_figures_unit(tmp_path: Path) -> None:
    """Typst sets its columns 3.4 pt apart: '31.7778 万' (autospaced 2.5 pt before its unit) stands
    that close to '１４７１９５２'. The first gap between the heads' middles is the unit's; the
    columns part at the next one."""
    body = drawn(tmp_path, (256.7, 120, "31.7778"), (295.3, 120, "万"), (308.7, 120, "１４７１９５２"),
                 (251.1, 140, "213.7878"), (295.3, 140, "万"), (339.8, 140, "8711026"))
    header = [s for row in drawn(tmp_path, (255.5, 100, "个人用户数"), (324, 100, "预约订单数")) for s in row]
    chars = chars_of(body)
    (run,) = cols._covered(chars, DEFAULTS.gutter_min_em * 10.0)
    lines = lines_of(body)
    assert cols._parts_figures_from_units((292.8, 295.3), lines) and not cols._parts_two_columns((292.8, 295.3), lines)
    assert cols._parts_two_columns((305.3, 308.7), lines)
    pieces = cols._split_run(run, chars, header, 10.0, DEFAULTS)
    assert [(round(a, 1), round(b, 1)) for a, b in pieces] == [(251.1, 305.3), (308.7, 378.7)]


def test_a_glyph_stays_in_its_part_across_a_space_a_change_of_script_or_a_narrow_gap() -> None:
    assert cols._autospaced(glyph(0, 5, "8"), glyph(8, 18, "年"))
    assert not cols._autospaced(glyph(0, 5, "2"), glyph(8, 13, "8"))
    assert cols._same_part(glyph(0, 5), glyph(9, 14), spaced=True, gap=2.0)
    assert cols._same_part(glyph(0, 5, "8"), glyph(9, 19, "年"), spaced=False, gap=2.0)
    assert cols._same_part(glyph(0, 5), glyph(6, 11), spaced=False, gap=2.0)
    assert not cols._same_part(glyph(0, 5), glyph(7, 12), spaced=False, gap=2.0)
    assert cols._usual_spacing([glyph(0, 5), glyph(6, 11), glyph(14, 19), glyph(24, 29)]) == 3.0
    assert cols._usual_spacing([glyph(0, 5)]) == 0.0


def test_parts_of_a_header_line(tmp_path: Path) -> None:
    """Cells set edge to edge ('电子健康证数' '备注') part; an autospaced '2028 年' and a
    letter-spaced '单位名称' stay one."""
    rows = drawn(tmp_path, (100, 100, "电子健康证数"), (162, 100, "备注"),
                 (100, 120, "2028"), (125.2, 120, "年"),
                 (100, 140, "单"), (115, 140, "位"), (130, 140, "名"), (145, 140, "称"))
    by_line = [[c for c in chars_of(rows) if abs(c["top"] - top) < 2] for top in (100, 120, 140)]
    assert [len(p) for p in cols._parts(by_line[0], 1.5)] == [6, 2]
    assert [len(p) for p in cols._parts(by_line[1], 1.5)] == [5]
    assert [len(p) for p in cols._parts(by_line[2], 1.5)] == [4]


def test_same_header_layout_compares_texts_and_places() -> None:
    a = [(100.0, "单位"), (200.0, "数量")]
    assert cols._same_header_layout(a, [(101.5, "单位"), (199.0, "数量")], DEFAULTS)
    assert not cols._same_header_layout(a, [(100.0, "单位"), (205.0, "数量")], DEFAULTS)
    assert not cols._same_header_layout(a, [(100.0, "单位"), (200.0, "人次")], DEFAULTS)
    assert not cols._same_header_layout(a, a[:1], DEFAULTS)


def test_a_layout_for_a_short_table_has_its_headers_letters_and_its_width(tmp_path: Path) -> None:
    assert cols._header_letters([(0.0, "预约"), (50.0, "挂号")]) == cols._header_letters([(0.0, "挂号预约")])
    learnt = cols.Columns([(60.0, 150.0), (150.0, 300.0)], [(120.0, 180.0)], [(60.0, 120.0), (180.0, 300.0)])
    assert cols._same_extent(learnt, (61.0, 298.0), DEFAULTS)
    assert not cols._same_extent(learnt, (60.0, 290.0), DEFAULTS)
    header = drawn(tmp_path, (60, 100, "单位"), (180, 100, "预约挂号"))
    body = drawn(tmp_path, (60, 120, "南京市"), (200, 120, "12"))
    table = UnruledTable([Rule(95.0, 60.0, 300.0), Rule(135.0, 60.0, 300.0)], [], 1, header, body, 115.0, DEFAULTS)
    known = [(60.0, "单位预约"), (200.0, "挂号")]
    assert cols._fits_short_table(learnt, known, table, DEFAULTS)
    assert not cols._fits_short_table(learnt, [(60.0, "单位"), (200.0, "数量")], table, DEFAULTS)
    squeezed = cols.Columns([(60.0, 250.0), (250.0, 300.0)], [(240.0, 260.0)], [(60.0, 240.0), (260.0, 300.0)])
    assert not cols._fits_short_table(squeezed, known, table, DEFAULTS)  # '南京市' and '12' in one column


def test_texts_in_place_counts_the_header_texts_a_learnt_header_holds_where_they_stand() -> None:
    header = [(84.0, "接入单位"), (132.0, "定时数据上"), (146.0, "传量"), (192.0, "实时数据")]
    assert cols.texts_in_place(header, [(85.5, "接入单位"), (132.0, "定时数据上")], DEFAULTS) == 2
    assert cols.texts_in_place(header, [(95.0, "接入单位"), (152.0, "定时数据上")], DEFAULTS) == 0  # elsewhere
    assert cols.texts_in_place(header, [(84.0, "单位"), (192.0, "实时数据")], DEFAULTS) == 1  # another text


def test_a_header_alone_takes_the_layout_of_the_table_whose_header_stands_where_it_does(tmp_path: Path) -> None:
    """Two tables as wide share their header's words (the districts' and the hospitals' platform
    tables), the first learnt set with its columns further right (wider names). A header printed
    alone at a page's foot, no row under it, is the one whose texts stand where it stands: taking
    the other's columns read '定时数据上' and '实时数据' as one cell over two columns (reportlab and
    docx 326630)."""
    header = drawn(tmp_path, (60, 100, "单位"), (140, 100, "定时数量"), (220, 100, "实时天数"))
    table = UnruledTable([Rule(95.0, 60.0, 300.0), Rule(115.0, 60.0, 300.0)], [], 2, header, [], 115.0, DEFAULTS)
    wider = cols.Columns([(60.0, 170.0), (170.0, 250.0), (250.0, 300.0)], [(160.0, 180.0), (240.0, 260.0)],
                         [(60.0, 160.0), (180.0, 240.0), (260.0, 300.0)])
    own = cols.Columns([(60.0, 130.0), (130.0, 210.0), (210.0, 300.0)], [(120.0, 140.0), (200.0, 220.0)],
                       [(60.0, 120.0), (140.0, 200.0), (220.0, 300.0)])
    layouts = cols.Layouts(DEFAULTS)
    layouts.known = [([(80.0, "单位"), (170.0, "定时"), (170.0, "数量"), (250.0, "实时天数")], wider, 13),
                     ([(60.0, "单位"), (140.0, "定时"), (140.0, "数量"), (220.0, "实时天数")], own, 12)]
    assert layouts.find(table) is own
    layouts.known.reverse()
    assert layouts.find(table) is own


def test_an_autospace_gap_over_a_gutter_stays_inside_the_header_cell() -> None:
    """Typst sets '2028 年总量' with a quarter em and no printed space between '8' and '年': over the
    gutter of the figures under it, that gap is inside the cell ('12320在线预约' is one label);
    a wider gap, the same gap between two digits or two Chinese characters, or between a body
    row's figure and its remark ('9340' '系统升级'), still cuts."""
    gutter = [(52.0, 60.0)]
    assert cols.is_autospace_gap(glyph(40, 50, "8"), glyph(52.5, 62.5, "年"), 10.0, DEFAULTS)
    assert not cols.is_autospace_gap(glyph(40, 50, "8"), glyph(54, 64, "年"), 10.0, DEFAULTS)
    assert not cols._cuts_over_gutter(glyph(40, 50, "0"), glyph(52.5, 62.5, "在"), gutter, DEFAULTS, header=True)
    assert cols._cuts_over_gutter(glyph(40, 50, "0"), glyph(52.5, 62.5, "系"), gutter, DEFAULTS)
    assert cols._cuts_over_gutter(glyph(40, 50, "位"), glyph(54, 59, "1"), gutter, DEFAULTS, header=True)
    assert cols._cuts_over_gutter(glyph(40, 50, "2"), glyph(52.5, 57.5, "8"), gutter, DEFAULTS, header=True)
    assert cols._cuts_over_gutter(glyph(40, 50, "位"), glyph(52.5, 62.5, "在"), gutter, DEFAULTS, header=True)
    label = Segment([glyph(30, 35, "2"), glyph(35, 40, "0"), glyph(40, 45, "2"), glyph(45, 50, "0"),
                     glyph(52.5, 62.5, "在"), glyph(62.5, 72.5, "线")], DEFAULTS)
    assert [s.text for s in cols.split_at_gutters(label, gutter, DEFAULTS, header=True)] == ["2020在线"]
    assert [s.text for s in cols.split_at_gutters(label, gutter, DEFAULTS)] == ["2020", "在线"]


def test_two_header_labels_parted_by_a_gap_beside_their_gutter() -> None:
    """'收入（千元）' ends 0.8 pt past the gutter of the figures under it and '人 次' begins 3.7 pt
    later (Typst's tight cells): the gap between the labels stands over the neighbour's
    figures, within an em of the gutter, and parts the cells; a body row's gap there does not."""
    gutter = [(599.3, 603.0)]
    income = [glyph(549.8 + 9 * i, 558.8 + 9 * i, ch) for i, ch in enumerate("收入（千元）")]
    visits = [glyph(607.5, 616.5, "人"), glyph(616.5, 618.5, " "), glyph(620.5, 629.5, "次")]
    run = Segment(income + visits, DEFAULTS)
    assert [s.text for s in cols.split_at_gutters(run, gutter, DEFAULTS, header=True)] == ["收入（千元）", "人 次"]
    assert [s.text for s in cols.split_at_gutters(run, gutter, DEFAULTS)] == ["收入（千元）人 次"]
    assert cols.header_gap_near_gutter((603.8, 607.5), gutter[0], 9.0)
    assert not cols.header_gap_near_gutter((620.0, 624.0), gutter[0], 9.0)


# ---------------------------------------------------------------------------------------------
# A total's label set one character a line, the spaces of its wrapped first line hanging to the
# next column (`is_hanging_tail`; html 731405 found it)


NAMES = ["南京市儿童医院", "南京梅山医院", "南京市溧水区中医院", "南京市六合区中医院"]


def _numbered_table(c, total_label: list[str], names: list[str] = NAMES) -> None:
    """A table of 序号, 单位 and 数量, the 序号 figures right-aligned 14 pt before the names,
    and a 合计 row whose label lines are `total_label`, one over the other beside its figure."""
    size, left, top = 10.0, 60.0, 100.0
    widths = [32.0, 120.0, 60.0]
    rows = [[str(k), name, figure] for k, (name, figure) in enumerate(zip(names, ["2646", "327", "654", "665"]), 1)]
    t = Table(left=left, top=top, col_widths=widths, row_heights=[20.0] * (len(rows) + 1) + [30.0], size=size,
              style="no_inner_verticals", centred_rows=1)
    t.cells = [cell(0, k, h) for k, h in enumerate(["序号", "单位", "数量"])]
    t.draw(c)
    for r, row in enumerate(rows):
        y = top + 20.0 * (r + 1) + 5.0
        text(c, left + 20 - c.stringWidth(row[0], LATIN_FONT, size), y, row[0], size)
        text(c, left + 34, y, row[1], size)
        text(c, left + 210 - c.stringWidth(row[2], LATIN_FONT, size), y, row[2], size)
    y = top + 20.0 * (len(rows) + 1) + 2.0
    for k, line in enumerate(total_label):
        text(c, left + 8, y + 12.0 * k, line, size)
    text(c, left + 210 - c.stringWidth("4292", LATIN_FONT, size), y + 6.0, "4292", size)


def test_the_spaces_hanging_after_a_wrapped_total_label_part_no_columns(tmp_path: Path) -> None:
    """'合' and its trailing spaces reach from the 序号 column to the names' first glyph (which
    stands 14 pt from the 序号 figures), '计' on the line under: the spaces print nothing, the 序号
    and 单位 columns stay apart (counted, they made one column of both)."""
    table = only_table(make_pdf(tmp_path / "hanging.pdf", lambda c: _numbered_table(c, ["合        ", "计"])))
    assert table.header_paths == [("序号",), ("单位",), ("数量",)]
    assert [row.cells for row in table.rows] == [
        ["1", "南京市儿童医院", "2646"], ["2", "南京梅山医院", "327"], ["3", "南京市溧水区中医院", "654"],
        ["4", "南京市六合区中医院", "665"], ["合计", "", "4292"]]


def test_spaces_between_the_words_of_a_cell_still_bridge_its_column(tmp_path: Path) -> None:
    """Counter-case: every name printed as '南京  …', two spaces (4 pt, wider than a gutter
    without them) between its words: spaces between glyphs still join them, one 单位 column."""
    names = ["南京  市儿童医院", "南京  梅山医院", "南京  溧水区中医院", "南京  六合区中医院"]
    table = only_table(make_pdf(tmp_path / "spaced.pdf", lambda c: _numbered_table(c, ["合        ", "计"], names)))
    assert table.header_paths == [("序号",), ("单位",), ("数量",)]
    assert [row.cells for row in table.rows] == [
        ["1", "南京 市儿童医院", "2646"], ["2", "南京 梅山医院", "327"], ["3", "南京 溧水区中医院", "654"],
        ["4", "南京 六合区中医院", "665"], ["合计", "", "4292"]]


def test_a_hanging_tail_is_a_space_after_the_last_glyph_only() -> None:
    assert cols.is_hanging_tail(glyph(20, 23, " "), 20.0)
    assert not cols.is_hanging_tail(glyph(20, 23, " "), 30.0)  # between two words of one cell
    assert not cols.is_hanging_tail(glyph(20, 30, "计"), 20.0)


# ---------------------------------------------------------------------------------------------
# Two header labels a quarter em apart where Chinese meets a digit, from a producer that sets no
# autospace (`sets_no_autospace`; weasyprint 720007 found it)


def _report_counts(c, gap: float) -> None:
    """'单位', '2019年报告数量' and '2019年数据条数' over right-aligned figures, each label as wide
    as its figures' column less `gap`, right-aligned with them: the labels stand `gap` apart."""
    size, left, top = 10.0, 60.0, 100.0
    label = c.stringWidth("2019年报告数量", "STSong-Light", size)
    widths = [120.0, label + gap, label + gap]
    rows = [["东部战区总医院", "46", "7452"], ["南京市儿童医院", "388", "60528"], ["南京市第一医院", "69660", "14837580"]]
    t = Table(left=left, top=top, col_widths=widths, row_heights=[20.0] * (len(rows) + 1), size=size,
              style="no_inner_verticals")
    t.draw(c)
    ends = [left + widths[0] + widths[1], left + sum(widths)]
    for k, head in enumerate(["2019年报告数量", "2019年数据条数"]):
        text(c, ends[k] - label, top + 5.0, head, size)
    text(c, left + 3, top + 5.0, "单位", size)
    for r, row in enumerate(rows, start=1):
        text(c, left + 3, top + 20.0 * r + 5.0, row[0], size)
        for k, value in enumerate(row[1:]):
            text(c, ends[k] - c.stringWidth(value, LATIN_FONT, size), top + 20.0 * r + 5.0, value, size, LATIN_FONT)


def test_two_labels_a_quarter_em_apart_where_a_digit_follows_chinese(tmp_path: Path) -> None:
    """'…报告数量' ends where its figures end and '2019年数据条数' begins 3.0 pt (0.3 em) on, over
    the gutter: a gap where Chinese meets a digit, as narrow as autospace, yet each label sets
    '2019年' with none, so the gap parts two labels (read as one, '2019年报告数量2019年数据条数'
    mapped no column)."""
    table = only_table(make_pdf(tmp_path / "labels.pdf", lambda c: _report_counts(c, 3.0)))
    assert table.header_paths == [("单位",), ("2019年报告数量",), ("2019年数据条数",)]
    assert [row.cells for row in table.rows] == [
        ["东部战区总医院", "46", "7452"], ["南京市儿童医院", "388", "60528"], ["南京市第一医院", "69660", "14837580"]]


def test_a_run_that_sets_chinese_against_latin_with_no_gap_sets_no_autospace() -> None:
    """'9年' touching: no autospace in the run, and its quarter em at '量' | '2' over a gutter cuts;
    counter-case: a run that sets a quarter em at each change ('2019 年报告数量', Typst) keeps its
    autospace gap over a gutter whole."""
    gutter = [(80.0, 100.0)]
    tight = [glyph(0, 5, "2"), glyph(5, 10, "0"), glyph(10, 15, "1"), glyph(15, 20, "9"), glyph(20, 30, "年"),
             glyph(30, 40, "报"), glyph(40, 80, "告数量"), glyph(83, 88, "2"), glyph(88, 93, "0"), glyph(93, 103, "年")]
    assert cols.sets_no_autospace(tight, DEFAULTS)
    assert [s.text for s in cols.split_at_gutters(Segment(tight, DEFAULTS), gutter, DEFAULTS, header=True)] == [
        "2019年报告数量", "20年"]
    spaced = [glyph(0, 5, "2"), glyph(5, 10, "0"), glyph(10, 15, "1"), glyph(15, 20, "9"), glyph(22.5, 32.5, "年"),
              glyph(32.5, 80, "报告数"), glyph(82.5, 87.5, "2"), glyph(87.5, 92.5, "0"), glyph(95, 105, "年")]
    assert not cols.sets_no_autospace(spaced, DEFAULTS)
    assert [s.text for s in cols.split_at_gutters(Segment(spaced, DEFAULTS), gutter, DEFAULTS, header=True)] == [
        "2019年报告数20年"]


def test_a_run_that_prints_a_space_where_chinese_meets_latin_sets_no_autospace() -> None:
    """'2028 年报告数量' printed with a space after the year (1.9 pt) and the next label '2028 年…'
    2.2 pt on (weasyprint, head_gaps family, seed 5): the run spaces its script changes with
    printed spaces, so the bare 2.2 pt gap at '量' | '2' is no autospace and parts the labels."""
    gutter = [(356.1, 388.6)]
    first = [glyph(294.0, 298.8, "2"), glyph(298.8, 303.5, "0"), glyph(303.5, 308.2, "2"), glyph(308.2, 312.9, "8"),
             glyph(312.9, 314.8, " "), glyph(314.8, 323.3, "年"), glyph(323.3, 348.8, "报告数"), glyph(348.8, 357.3, "量")]
    second = [glyph(359.5, 364.2, "2"), glyph(364.2, 368.9, "0"), glyph(368.9, 373.7, "2"), glyph(373.7, 378.4, "8"),
              glyph(378.4, 380.3, " "), glyph(380.3, 388.8, "年"), glyph(388.8, 397.3, "数")]
    assert cols.sets_no_autospace(first + second, DEFAULTS)
    assert not cols.sets_no_autospace(first[:4] + first[5:] + second[:4], DEFAULTS)  # no space, nor touching
    run = Segment(first + second, DEFAULTS)
    assert [s.text for s in cols.split_at_gutters(run, gutter, DEFAULTS, header=True)] == ["2028 年报告数量", "2028 年数"]


def test_a_script_change_set_touching_or_across_a_space_is_no_autospace() -> None:
    assert cols.script_change_without_autospace(glyph(40, 45, "9"), glyph(45, 55, "年"), False, DEFAULTS)
    assert cols.script_change_without_autospace(glyph(40, 45, "9"), glyph(47, 57, "年"), True, DEFAULTS)
    assert not cols.script_change_without_autospace(glyph(40, 45, "9"), glyph(47.5, 57.5, "年"), False, DEFAULTS)
    assert not cols.script_change_without_autospace(glyph(40, 50, "数"), glyph(50, 60, "量"), False, DEFAULTS)


def test_a_closing_mark_set_apart_leaves_its_boxs_blank_part_to_the_gap() -> None:
    """Typst 740014: a table too wide for the page, its cells squeezed, '收入（千元）' overflowing its
    cell ends 1 pt (0.125 em) before '人次' — under `split_gap_em` by the boxes, yet the '）' inks
    only its box's left half, and on paper the labels stand 5 pt apart over the gutter of the
    figures under them: two header cells. A mark abutting the next glyph is one run of text."""
    assert cols.set_apart_after_mark(glyph(397.67, 405.67, "）"), glyph(406.67, 414.67, "人"), DEFAULTS)
    assert not cols.set_apart_after_mark(glyph(397.67, 405.67, "）"), glyph(405.67, 413.67, "人"), DEFAULTS)
    assert not cols.set_apart_after_mark(glyph(397.67, 405.67, "元"), glyph(406.67, 414.67, "人"), DEFAULTS)
    assert cols.blank_between(glyph(397.67, 405.67, "）"), glyph(406.67, 414.67, "人"), DEFAULTS) == 5.0
    assert cols.blank_between(glyph(397.67, 405.67, "）"), glyph(405.67, 413.67, "人"), DEFAULTS) == 0.0
    assert cols.blank_between(glyph(397.67, 405.67, "元"), glyph(406.67, 414.67, "人"), DEFAULTS) == 1.0
    gutter = [(395.67, 406.67)]  # between '66523.32' and '1572' under the labels
    income = [glyph(357.67 + 8 * i, 365.67 + 8 * i, ch) for i, ch in enumerate("收入（千元）")]
    apart = Segment(income + [glyph(406.67, 414.67, "人"), glyph(414.67, 422.67, "次")], DEFAULTS)
    assert [s.text for s in cols.split_at_gutters(apart, gutter, DEFAULTS, header=True)] == ["收入（千元）", "人次"]
    abutting = Segment(income + [glyph(405.67, 413.67, "人"), glyph(413.67, 421.67, "次")], DEFAULTS)
    assert [s.text for s in cols.split_at_gutters(abutting, gutter, DEFAULTS, header=True)] == ["收入（千元）人次"]
    plain = [glyph(357.67 + 8 * i, 365.67 + 8 * i, ch) for i, ch in enumerate("门诊收入")]
    close = Segment(plain + [glyph(390.67, 398.67, "人"), glyph(398.67, 406.67, "次")], DEFAULTS)
    assert [s.text for s in cols.split_at_gutters(close, [(389.67, 400.0)], DEFAULTS, header=True)] == ["门诊收入人次"]


def test_a_closing_marks_blank_holding_a_whole_gutter_cuts_though_the_next_glyph_abuts() -> None:
    """Typst 740135 (740185 the same 0.4 pt apart): '收入（千元）' overflows its squeezed cell by
    just the '）''s blank half and abuts '人 次'; the figures under the one end where the '）''s
    ink ends (411.39), those under the other start where '人' starts (415.39): the gutter is the
    mark's blank, no ink of the run stands over it — two header cells. The mark inked within a
    wider gutter (the label reaching over it), a mark not abutting, a glyph other than a closing
    mark, a blank too narrow: no cut by this rule."""
    mark, next_glyph = glyph(407.39, 415.39, "）"), glyph(415.39, 423.39, "人")
    assert cols.mark_blank_fills_gutter(mark, next_glyph, [(411.4, 415.4)], DEFAULTS)
    assert cols.mark_blank_fills_gutter(glyph(405.56, 413.56, "）"), glyph(413.96, 421.96, "人"),
                                        [(409.6, 414.0)], DEFAULTS)
    assert not cols.mark_blank_fills_gutter(mark, next_glyph, [(409.39, 416.39)], DEFAULTS)  # ink over it
    assert not cols.mark_blank_fills_gutter(mark, next_glyph, [(300.0, 320.0)], DEFAULTS)
    assert not cols.mark_blank_fills_gutter(glyph(407.39, 415.39, "元"), next_glyph, [(411.4, 415.4)], DEFAULTS)
    assert not cols.mark_blank_fills_gutter(mark, glyph(416.39, 424.39, "人"), [(411.4, 415.4)], DEFAULTS)
    narrow = glyph(407.39, 408.39, "）")  # its blank half 0.5 pt, under split_gap_em
    assert not cols.mark_blank_fills_gutter(narrow, glyph(408.39, 416.39, "人"), [(407.9, 408.39)], DEFAULTS)
    income = [glyph(367.39 + 8 * i, 375.39 + 8 * i, ch) for i, ch in enumerate("收入（千元）")]
    run = Segment(income + [next_glyph, glyph(423.39, 431.39, "次")], DEFAULTS)
    assert [s.text for s in cols.split_at_gutters(run, [(411.4, 415.4)], DEFAULTS, header=True)] == ["收入（千元）", "人次"]
    assert [s.text for s in cols.split_at_gutters(run, [(395.67, 416.39)], DEFAULTS, header=True)] == ["收入（千元）人次"]


# ---------------------------------------------------------------------------------------------
# A label typed with a space where Chinese meets Latin text beside one Typst autospaces: the
# printed space shows no autospace in the run only where it sets none of its own
# (`autospaces_into_chinese`; typst 768211, 768210, 768204 found it, 710081 before them)


def _typed_apart(c) -> None:
    """'单位', then '2026年报告数量' as Typst sets it, a quarter em (2.5 pt) of autospace after the
    year, and 5 pt on '2026 年数据条数' typed with a space; each label wider than its figures, the
    first reaching back over the gutter after the names so that its autospace gap stands in it."""
    size, left, top = 10.0, 60.0, 100.0
    rows = [["南京市鼓楼区铁心桥街道卫生院", "118,157", "23,867,714"], ["南京市第二医院", "38,429", "5,918,066"],
            ["南京市江宁医院", "13,302", "997,650"]]
    t = Table(left=left, top=top, col_widths=[150.0, 70.0, 80.0], row_heights=[20.0] * (len(rows) + 1), size=size,
              style="no_inner_verticals")
    t.draw(c)
    ends = [left + 220.0, left + 300.0]
    year = c.stringWidth("2026", LATIN_FONT, size)
    label = year + 2.5 + c.stringWidth("年报告数量", "STSong-Light", size)
    text(c, ends[0] - label, top + 5.0, "2026", size)
    text(c, ends[0] - label + year + 2.5, top + 5.0, "年报告数量", size)
    text(c, ends[0] + 5.0, top + 5.0, "2026 年数据条数", size)
    text(c, left + 3, top + 5.0, "单位", size)
    for r, row in enumerate(rows, start=1):
        text(c, left + 3, top + 20.0 * r + 5.0, row[0], size)
        for k, value in enumerate(row[1:]):
            text(c, ends[k] - c.stringWidth(value, LATIN_FONT, size), top + 20.0 * r + 5.0, value, size, LATIN_FONT)


def test_a_label_typed_with_a_space_leaves_its_neighbours_autospace_whole(tmp_path: Path) -> None:
    """'2026 年数据条数' is typed with a space, but the run autospaces '2026年报告数量' 5 pt before it
    (`autospaces_into_chinese`): the quarter em after '2026' over the names' gutter does not cut.
    Cut, '2026' stood in the names' column: its header read '单位 2026' (typst 768204); under a group
    title, a header row of its own keyed '2026', and the dataset failed its schema (typst 768211)."""
    pdf = make_pdf(tmp_path / "labels.pdf", _typed_apart)
    table = only_table(pdf)
    assert table.header_paths == [("单位",), ("2026年报告数量",), ("2026 年数据条数",)]
    assert [row.cells for row in table.rows] == [
        ["南京市鼓楼区铁心桥街道卫生院", "118,157", "23,867,714"], ["南京市第二医院", "38,429", "5,918,066"],
        ["南京市江宁医院", "13,302", "997,650"]]



def test_a_typed_space_beside_autospaced_labels_keeps_the_run_autospacing() -> None:
    """Typst 710081: one run of labels '2023 年总量' (a typed space, 2.2 pt) then '累计总量' and
    '2023年总量' (autospace, 1.7 pt bare) over their columns: the run autospaces, so the bare gap
    at '3' | '年' over a gutter keeps '2023年总量' whole. Counter-case: without the autospaced
    label the typed space still tells the run sets none (WeasyPrint, head_gaps)."""
    typed = [glyph(216.6, 221.1, "2"), glyph(221.1, 225.5, "0"), glyph(225.5, 230.0, "2"), glyph(230.0, 234.4, "3"),
             glyph(234.4, 236.6, " "), glyph(236.6, 243.6, "年"), glyph(243.6, 257.6, "总量"),
             glyph(261.0, 289.0, "累计总量")]
    bare = [glyph(292.4, 296.9, "2"), glyph(296.9, 301.4, "0"), glyph(301.4, 305.8, "2"), glyph(305.8, 310.3, "3"),
            glyph(312.0, 319.0, "年"), glyph(319.0, 333.0, "总量")]
    assert cols.autospaces_into_chinese(bare[3], bare[4], False, DEFAULTS)
    assert not cols.autospaces_into_chinese(typed[3], typed[5], True, DEFAULTS)  # across the typed space
    assert not cols.autospaces_into_chinese(typed[6], typed[7], False, DEFAULTS)  # Chinese into Chinese
    assert not cols.sets_no_autospace(typed + bare, DEFAULTS)
    assert cols.sets_no_autospace(typed, DEFAULTS)
    gutter = [(305.0, 312.0)]
    assert [s.text for s in cols.split_at_gutters(Segment(typed + bare, DEFAULTS), gutter, DEFAULTS, header=True)] == [
        "2023 年总量累计总量2023年总量"]


# ---------------------------------------------------------------------------------------------
# A mark ending its text counts only its inked part where two heads part one run (typst 790115),
# and lines of a header cell starting together take their column back to where they start
# (weasyprint 790067)


def test_a_mark_ending_its_text_prints_only_over_its_boxs_left_part() -> None:
    """A Chinese closing mark or a full-width point, the last glyph of its line or set apart from
    the next; a mark inside a figure abuts the next digit and counts whole, and so do other glyphs."""
    point = glyph(195.0, 205.0, "．")
    assert cols.ends_on_blank_half(point, None, DEFAULTS)
    assert cols.ends_on_blank_half(point, glyph(205.9, 211.46, "1"), DEFAULTS)
    assert not cols.ends_on_blank_half(point, glyph(205.3, 210.86, "1"), DEFAULTS)  # within touch_pt
    assert cols.ends_on_blank_half(glyph(195.0, 205.0, "）"), None, DEFAULTS)
    assert not cols.ends_on_blank_half(glyph(125.0, 135.0, "，"), glyph(135.0, 145.0, "１"), DEFAULTS)
    assert not cols.ends_on_blank_half(glyph(195.0, 205.0, "０"), None, DEFAULTS)
    assert not cols.ends_on_blank_half(glyph(200.0, 202.78, "."), None, DEFAULTS)  # a Latin point hangs no half
    spans = list(cols._ink_spans([[glyph(185.0, 195.0, "０"), point, glyph(205.9, 211.46, "1")]], DEFAULTS))
    assert spans == [(185.0, 195.0), (195.0, 200.0), (205.9, 211.46)]


def test_two_heads_part_a_run_where_a_wrapped_figures_point_overhangs_its_column(tmp_path: Path) -> None:
    """Typst 790115: '２，１４９，３７０．' wrapped after its point in a tight revenue column;
    Typst trims the point's blank half at the line's end, so its box reaches 5 pt past the
    column's figures, 0.9 pt from the discharges' widest figure ('124,571'): one run of body text
    under '收入（千元）' and '人次', parted only by the point's ink. Two columns, the gutter from the
    point's ink to the next figure; a row of plain figures leaves the run whole."""
    def chars(x: float, top: float, s: str) -> list[tuple[float, float, str]]:
        return [(x + 10 * k, top, ch) for k, ch in enumerate(s)]

    header = drawn(tmp_path, (140, 80, "收入（千元）"), (215, 80, "人次"))
    body = drawn(tmp_path, (152.74, 100, "1599452.7"), (212.2, 100, "14968"),
                 *chars(105, 120, "２，１４９，３７０．"), (205.9, 120, "124571"))
    columns = cols.columns_of(body, header, 100.0, 260.0, DEFAULTS)
    assert [(round(a, 1), round(b, 1)) for a, b in columns.gutters] == [(200.0, 205.9)]
    plain = drawn(tmp_path, (152.74, 100, "1599452.7"), (206.4, 100, "124571"))
    assert len(cols.columns_of(plain, header, 100.0, 260.0, DEFAULTS).gutters) == 1  # 6.4 pt: a gutter by itself


def test_header_lines_starting_together_take_their_column_back_to_their_start(tmp_path: Path) -> None:
    """Weasyprint 790067: WeasyPrint sets a th at its start, the group title '门急诊信息' over its
    first sub-column's '人次', both 7 pt past the figures on their left and 11 pt before their own
    right-aligned ones: the run under them starts where they start, and the edge lies in the
    7 pt gap (midway between the figures it would leave '人次''s middle in the column on the
    left). A centred stack ('2026 年报告数' over '量') and a one-line label start nowhere together."""
    rows = drawn(tmp_path, (161.4, 100, "门急诊信息"), (161.4, 115, "人次"))
    cells = cols.clustered([s for row in rows for s in row])
    runs = [(128.9, 154.8), (190.1, 224.4)]
    assert cols.set_at_column_start(cells[0], runs, DEFAULTS)
    assert cols._place_header_cells(runs, cells, DEFAULTS) == [(128.9, 154.8), (161.4, 224.4)]
    centred = drawn(tmp_path, (180, 100, "2026年报告数"), (205, 115, "量"))
    stack = cols.clustered([s for row in centred for s in row])
    assert len(stack) == 1 and not cols.set_at_column_start(stack[0], runs, DEFAULTS)
    assert cols._place_header_cells(runs, stack, DEFAULTS) == runs
    over = drawn(tmp_path, (190.1, 100, "门急诊信息"), (190.1, 115, "人次"))  # over its run: nothing to take back
    assert not cols.set_at_column_start(cols.clustered([s for row in over for s in row])[0], runs, DEFAULTS)
