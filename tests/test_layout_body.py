"""The rules of the body stage (layout/tables/body.py) that place a line without figures — a
wrapped name — with its row, each on a few lines drawn here (tests/pdfkit.py) and read as the
table stages read them: text lines cut into segments. Lines are drawn 9 pt high."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables.body import (
    _anchors_a_row,
    _balanced_on_its_figures,
    _blank_under,
    _centred,
    _clearly_nearer_above,
    _clearly_nearer_below,
    _closes_its_cell,
    _first_line_of_a_centred_name,
    _in_another_column,
    _leaves_room_for,
    _mirrored_under,
    _mirroring_lines,
    _name_around_its_row,
    _opens_a_name_centred_on,
    _owner_between,
    _owner_over_the_first_row,
    _row_pitch,
    _within_a_line_of_its_figures,
    body_bands,
    closes_a_name_centred_above,
    one_cell_down_to,
    opens_a_centred_first_row,
    opens_a_figure_centred_on_its_row,
    opens_a_name_centred_below,
    opens_the_first_rows_centred_name,
    padded_over_its_row,
    padded_under_the_line_above,
    runs_on_in_its_cell,
    runs_on_under_an_opened_name,
    runs_on_under_the_line_above,
    shares_a_column_group,
    stands_at_one_pitch,
    wraps_into_the_rows_blank,
)
from bulletin_etl.layout.tables.segments import Segment, segments

from .pdfkit import drawn_chars

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given

NAME_X, FIGURE_X = 60.0, 200.0


def drawn(tmp_path: Path, *runs: tuple[float, float, str]) -> list[list[Segment]]:
    """The lines of a page holding the given runs of text, each (x, top, text)."""
    return segments(drawn_chars(tmp_path, runs, 9), DEFAULTS)


def row(top: float, name: str | None, *figures: str) -> list[tuple[float, float, str]]:
    """A body row's own line: its name (None: left blank, the name centred around it) and figures."""
    runs = [(NAME_X, top, name)] if name else []
    return runs + [(FIGURE_X + 60 * k, top, f) for k, f in enumerate(figures)]


def test_a_row_is_blank_under_text_it_only_touches(tmp_path: Path) -> None:
    rows = drawn(tmp_path, (60, 100, "南京市"), (100, 112, "医院"), (80, 124, "院"), (86.7, 136, ")"))
    anchor = rows[0]  # '南京市' spans 60–87
    assert _blank_under(anchor, rows[1], DEFAULTS)  # clear of it
    assert not _blank_under(anchor, rows[2], DEFAULTS)  # under its text
    assert _blank_under(anchor, rows[3], DEFAULTS)  # ')' shares 0.3 pt with '市': the boxes touch


def test_a_total_leaves_no_room_for_a_name(tmp_path: Path) -> None:
    rows = drawn(tmp_path, *row(100, "合计", "12"), *row(112, "南京", "30"), (100, 124, "医院"))
    assert not _leaves_room_for(rows[0], rows[2], DEFAULTS)
    assert _leaves_room_for(rows[1], rows[2], DEFAULTS)


def test_a_line_with_a_figure_or_a_total_anchors_a_row(tmp_path: Path) -> None:
    rows = drawn(tmp_path, *row(100, "南京市鼓楼医院", "120"), *row(112, "合计"), *row(124, "南京市江北新区"))
    assert [_anchors_a_row(line) for line in rows] == [True, True, False]


@pytest.mark.parametrize("tops, nearer", [
    ((100, 112, 130), "above"),  # 12 above, 18 below
    ((100, 118, 130), "below"),
    ((100, 112, 124), None),  # evenly spaced
    ((100, 112, 125), None),  # 1 pt apart is no clear difference (a quarter line is)
])
def test_a_line_clearly_nearer_one_neighbour(tmp_path: Path, tops: tuple[float, ...], nearer: str | None) -> None:
    rows = drawn(tmp_path, *[(NAME_X, top, "南京市") for top in tops])
    assert _clearly_nearer_above(rows, 1, DEFAULTS) == (nearer == "above")
    assert _clearly_nearer_below(rows, 1, DEFAULTS) == (nearer == "below")


def test_a_name_set_around_its_rows_blank_line(tmp_path: Path) -> None:
    centred = drawn(tmp_path, (NAME_X, 100, "南京市江北新区"), *row(110, None, "15", "30"), (NAME_X, 120, "卫生服务站"))
    assert _name_around_its_row(centred, [1], 1, DEFAULTS)
    top_aligned = drawn(tmp_path, *row(100, "南京市江北新区", "15", "30"), (NAME_X, 112, "卫生服务站"))
    assert not _name_around_its_row(top_aligned, [0], 0, DEFAULTS)


REMARK_X = 380.0  # a remark column right of the figures


def test_a_taller_cell_of_the_row_above_wraps_into_no_blank_of_this_row(tmp_path: Path) -> None:
    """html 867005, top-aligned: a row whose remark wraps over three lines ('含' / '分' / '院') beside
    a name of two, 10.5 apart, then a row with no remark 16.5 under the remark's last line. That
    line closes its cell (clearly nearer the line above), so it is no centred name's first line
    over the blank remark of the row under it: the table is not centred, and the name's second
    line stays with its row. Counter-case: a line evenly spaced over a row's blank line (a name
    centred around it) wraps into it."""
    top_aligned = drawn(tmp_path, *row(100, "南京市溧水区中", "3851246"), (REMARK_X, 100, "含"),
                        (NAME_X, 110.5, "医医院"), (REMARK_X, 110.5, "分"), (REMARK_X, 121, "院"),
                        *row(137.5, "江苏省肿瘤医院", "49622181"))
    assert not wraps_into_the_rows_blank(top_aligned, [0, 3], 3, 2, DEFAULTS)
    assert not _name_around_its_row(top_aligned, [0, 3], 3, DEFAULTS)
    assert [len(band) for _, _, band in body_bands(top_aligned, [], DEFAULTS)] == [3, 1]
    centred = drawn(tmp_path, *row(100, "南京市鼓楼医院", "120"), (NAME_X, 116, "南京市江北新区"),
                    *row(126, None, "15"), (NAME_X, 136, "卫生服务站"))
    assert wraps_into_the_rows_blank(centred, [0, 2], 2, 1, DEFAULTS)
    assert wraps_into_the_rows_blank(centred, [0, 2], 2, 3, DEFAULTS)  # under the row: as before


def test_the_first_line_of_a_name_centred_on_its_row(tmp_path: Path) -> None:
    centred = drawn(tmp_path, *row(100, "南京市鼓楼医院", "120"), (NAME_X, 118, "南京市江北新区"),
                    *row(129, "泰山街道", "15"), (NAME_X, 140, "卫生服务站"))
    assert _first_line_of_a_centred_name(centred, [0, 2], 1, DEFAULTS)
    assert not _first_line_of_a_centred_name(centred, [0, 2], 3, DEFAULTS)  # under its row
    top_aligned = drawn(tmp_path, *row(100, "南京市江北新区", "15"), (NAME_X, 111, "卫生服务站"),
                        *row(125, "南京市鼓楼医院", "120"))
    assert not _first_line_of_a_centred_name(top_aligned, [0, 2], 1, DEFAULTS)
    over_a_total = drawn(tmp_path, *row(100, "南京市鼓楼医院", "120"), (NAME_X, 118, "南京市江北新区"),
                         *row(129, "合计", "15"))
    assert not _first_line_of_a_centred_name(over_a_total, [0, 2], 1, DEFAULTS)


def test_the_row_pitch_is_the_median_distance_between_rows(tmp_path: Path) -> None:
    rows = drawn(tmp_path, *row(100, "甲", "1"), *row(120, "乙", "2"), *row(150, "丙", "3"))
    assert _row_pitch(rows, [0, 1, 2]) == pytest.approx(25)  # between 20 and 30
    assert _row_pitch(rows, [1]) is None


def test_a_line_within_a_line_of_a_rows_figures(tmp_path: Path) -> None:
    rows = drawn(tmp_path, (NAME_X, 100, "南京市"), *row(106, None, "12"))
    assert _within_a_line_of_its_figures(rows[0], rows[1])
    rows = drawn(tmp_path, (NAME_X, 100, "南京市"), *row(112, None, "12"))
    assert not _within_a_line_of_its_figures(rows[0], rows[1])
    rows = drawn(tmp_path, (NAME_X, 100, "南京市"), (FIGURE_X, 106, "医院"))
    assert not _within_a_line_of_its_figures(rows[0], rows[1])  # no figures to stand by


def test_a_name_centred_on_the_first_row_opens_half_a_line_above_it(tmp_path: Path) -> None:
    name = (NAME_X, 100, "南京市江北新区")
    rows = drawn(tmp_path, name, *row(110, None, "15"), *row(130, None, "30"))
    assert _opens_a_name_centred_on(rows, [1, 2], 0, 1, DEFAULTS)  # 10 pt over a row pitch of 20
    cut = drawn(tmp_path, (NAME_X, 88, "桥荫路社区"), *row(110, None, "15"), *row(130, None, "30"))
    assert not _opens_a_name_centred_on(cut, [1, 2], 0, 1, DEFAULTS)  # a whole row above: a cut row's rest
    # With one row there is no pitch: the row's own line must be blank under the name.
    assert _opens_a_name_centred_on(drawn(tmp_path, name, *row(110, None, "15")), [1], 0, 1, DEFAULTS)
    assert not _opens_a_name_centred_on(drawn(tmp_path, name, *row(110, "泰山街道", "15")), [1], 0, 1, DEFAULTS)


def test_a_line_over_a_first_row_that_is_a_total_is_a_row_of_its_own(tmp_path: Path) -> None:
    rows = drawn(tmp_path, (NAME_X, 100, "南京"), *row(106, None, "15"))
    assert _owner_over_the_first_row(rows, [1], 0, 1, centred=False, settings=DEFAULTS) == 1  # within a line of its figures
    total = drawn(tmp_path, (NAME_X, 100, "南京"), *row(106, "合计", "15"))
    assert _owner_over_the_first_row(total, [1], 0, 1, centred=True, settings=DEFAULTS) == 0


def total_first_under_its_header(tmp_path: Path, over: str, under: str | None) -> list[list[Segment]]:
    """A continued page's only row, a total, its third figure wrapped in two ('621.2059' / '万', html
    920137) and centred on the total's line; `under`: None leaves no line under the total."""
    runs = [(330, 100, over), *row(106, "合计", "911394420", "260962"), (FIGURE_X + 180, 106, "475279")]
    return drawn(tmp_path, *runs, *([(357, 112, under)] if under else []))


def test_a_figure_opened_over_a_first_row_that_is_a_total_is_the_totals(tmp_path: Path) -> None:
    rows = total_first_under_its_header(tmp_path, "621.2059", "万")
    assert [[s.text for s in line] for line in rows] == [["621.2059"], ["合计", "911394420", "260962", "475279"], ["万"]]
    assert opens_a_figure_centred_on_its_row(rows, 0, DEFAULTS)
    assert _owner_over_the_first_row(rows, [1], 0, 1, centred=False, settings=DEFAULTS) == 1
    assert [[s.text for line in band for s in line] for _, _, band in body_bands(rows, [95, 125], DEFAULTS)] == [
        ["621.2059", "合计", "911394420", "260962", "475279", "万"]]


def test_whole_figures_over_a_first_row_that_is_a_total_are_a_row_of_their_own(tmp_path: Path) -> None:
    """The counter-case: a figure no line under the total finishes ('1066' over it, nothing under):
    the rest of a row the page cut, stitched to that row later."""
    rows = total_first_under_its_header(tmp_path, "1066", None)
    assert not opens_a_figure_centred_on_its_row(rows, 0, DEFAULTS)
    assert len(list(body_bands(rows, [95, 125], DEFAULTS))) == 2


def test_the_first_line_of_an_airy_name_centred_on_the_first_row(tmp_path: Path) -> None:
    """html 757004, airy rows: under a continued page's repeated header, a name of three lines
    centred on the first row, its lines 11 pt apart (more than a line's height): its first line is
    the row's, mirrored by its last under the row's line; the total under it takes no line."""
    rows = drawn(tmp_path, (NAME_X, 100, "南京市溧水区燕子矶"), *row(111, "街道天元东路社区卫", "0", "2"),
                 (NAME_X, 122, "生服务站"), *row(140, "合计", "127319", "130428"))
    assert not _within_a_line_of_its_figures(rows[0], rows[1])
    assert opens_the_first_rows_centred_name(rows, [1, 3], 0, 1, DEFAULTS)
    assert _owner_over_the_first_row(rows, [1, 3], 0, 1, centred=False, settings=DEFAULTS) == 1
    assert names_of_bands(rows) == [["南京市溧水区燕子矶", "街道天元东路社区卫", "生服务站"], ["合计"]]


def test_a_cut_rows_rest_over_the_first_row_stays_a_row_of_its_own(tmp_path: Path) -> None:
    """Counter-cases: the rest of a row the page break cut ('院') over the first row. Over a
    top-aligned name wrapped under its row, nothing mirrors it. In a tight table (no padding) a
    line wrapped under the row mirrors it, but runs on to the next row a line under it: no cell
    closes there, the rest stays a row (stitching joins it). Over an airy centred name, the rest
    stands a line and the padding over the name's first line, which alone the name's last mirrors.
    And a line of the next row mirrors nothing."""
    top_aligned = drawn(tmp_path, (NAME_X, 100, "院"), *row(122, "南京市鼓楼医院", "15"), (NAME_X, 133, "卫生服务站"),
                        *row(150, "南京市中医院", "30"))
    assert not opens_the_first_rows_centred_name(top_aligned, [1, 3], 0, 1, DEFAULTS)
    tight = drawn(tmp_path, (NAME_X, 100, "院"), *row(111, "南京市鼓楼医院", "15"), (NAME_X, 122, "卫生服务站"),
                  *row(133, "南京市中医院", "30"))
    assert _mirrored_under(tight, 0, 1, DEFAULTS) and not _closes_its_cell(tight, 2, DEFAULTS)
    assert not opens_the_first_rows_centred_name(tight, [1, 3], 0, 1, DEFAULTS)
    assert names_of_bands(tight) == [["院"], ["南京市鼓楼医院", "卫生服务站"], ["南京市中医院"]]
    airy = drawn(tmp_path, (NAME_X, 82, "院"), (NAME_X, 100, "南京市溧水区燕子矶"),
                 *row(111, "街道天元东路社区卫", "0"), (NAME_X, 122, "生服务站"), *row(140, "南京市中医院", "30"))
    assert not opens_the_first_rows_centred_name(airy, [2, 4], 0, 2, DEFAULTS)
    assert opens_the_first_rows_centred_name(airy, [2, 4], 1, 2, DEFAULTS)
    assert names_of_bands(airy) == [["院"], ["南京市溧水区燕子矶", "街道天元东路社区卫", "生服务站"], ["南京市中医院"]]
    next_rows = drawn(tmp_path, (NAME_X, 100, "院"), *row(122, "南京江北医院", "15"),
                      *row(133, "南京古柏医院", "30"), (NAME_X, 144, "卫生服务站"), *row(162, "南京市中医院", "45"))
    assert _mirrored_under(next_rows, 0, 1, DEFAULTS)  # '卫生服务站', the next row's
    assert not opens_the_first_rows_centred_name(next_rows, [1, 2, 4], 0, 1, DEFAULTS)


def test_a_long_name_centred_on_the_first_row_runs_at_its_cells_pitch(tmp_path: Path) -> None:
    """Typst 920005: under a continued page's repeated header, a name of six lines centred on the
    first row, 12 pt apart, its row's own line blank between its third and fourth; the next row's
    name 14 pt under its last line (a padding of 2 pt, too thin to be clearly nearer). Its first line
    '江苏先声' stands 2.5 lines over the figures, and '西路诊所' mirrors it: the lines from one to the
    other run at one pitch, the padding under the mirror, so the first line opens the name and the
    six lines are one row's; the next rows keep their own names."""
    rows = drawn(tmp_path, (NAME_X, 100, "江苏先声"), (NAME_X, 112, "再康大药"), (NAME_X, 124, "房连锁有"),
                 *row(130, None, "89539"), (NAME_X, 136, "限公司六"), (NAME_X, 148, "合区雨花"),
                 (NAME_X, 160, "西路诊所"), (NAME_X, 174, "南京麒麟"), *row(186, "综合门诊", "1556"),
                 (NAME_X, 198, "部"))
    assert _mirroring_lines(rows, 0, 3, DEFAULTS, 8) == [6]
    assert not _closes_its_cell(rows, 6, DEFAULTS)  # 12 over it, 14 under it: no clear difference …
    assert one_cell_down_to(rows, 0, 6, DEFAULTS)  # … but one pitch from '江苏先声' down to it, then further
    assert opens_the_first_rows_centred_name(rows, [3, 8], 0, 3, DEFAULTS)
    assert names_of_bands(rows) == [["江苏先声", "再康大药", "房连锁有", "限公司六", "合区雨花", "西路诊所"],
                                    ["南京麒麟", "综合门诊", "部"]]


def test_a_cut_rows_rest_over_a_mirrored_name_runs_at_no_pitch(tmp_path: Path) -> None:
    """Counter-cases: the rest of a row the page break cut ('诊所') stands the cells' padding (2 pt)
    over the first row's name of four lines centred on it; the next row's first line, as far under
    the row, mirrors it, but the padding parts the rest from the name: no pitch runs on from it,
    and it stays a row of its own (stitching joins it). In a table with no padding (the lines
    evenly spaced past the mirror) nothing tells one cell from the next: the rest stays too."""
    padded = drawn(tmp_path, (NAME_X, 98, "诊所"), (NAME_X, 112, "南京医科"), (NAME_X, 124, "大学第四"),
                   *row(130, None, "15"), (NAME_X, 136, "附属医院"), (NAME_X, 148, "江北分院"),
                   (NAME_X, 162, "南京麒麟"), *row(174, "综合门诊", "30"), (NAME_X, 186, "部"))
    assert _mirroring_lines(padded, 0, 3, DEFAULTS, 7) == [6]
    assert not one_cell_down_to(padded, 0, 6, DEFAULTS)
    assert not opens_the_first_rows_centred_name(padded, [3, 7], 0, 3, DEFAULTS)
    assert names_of_bands(padded)[0] == ["诊所"]
    tight = drawn(tmp_path, (NAME_X, 100, "院"), *row(111, "南京市鼓楼医院", "15"), (NAME_X, 122, "卫生服务站"),
                  *row(133, "南京市中医院", "30"))
    assert not one_cell_down_to(tight, 0, 2, DEFAULTS)  # evenly on under the mirror: no padding to tell by


def test_a_continued_pages_first_row_shows_its_cells_centred(tmp_path: Path) -> None:
    """Typst 881101 (long_names_atop forced), airy rows: a continued page holding two rows named over
    three lines each, the middle line level with the figures, the lines 11.5 pt apart, the rows 26.5:
    no row's line is blank, no line stands right over a row but the first, yet '南京江心' opens the
    first row's name ('院' mirrors it and closes the cell): the cells are centred, and '南京市秦' /
    '淮区永阳', clearly nearer the next row, open its name."""
    rows = drawn(tmp_path, (NAME_X, 100, "南京江心"), *row(111.5, "洲妇产医", "2782"), (NAME_X, 123, "院"),
                 (NAME_X, 149.5, "南京市秦"), (NAME_X, 161, "淮区永阳"), *row(172.5, "街道社区", "31"),
                 (NAME_X, 184, "卫生服务"), (NAME_X, 195.5, "中心"), *row(222, "合计", "198783"))
    assert opens_a_centred_first_row(rows, [1, 5, 8], DEFAULTS)
    assert _centred(rows, [1, 5, 8], DEFAULTS)
    assert names_of_bands(rows) == [["南京江心", "洲妇产医", "院"], ["南京市秦", "淮区永阳", "街道社区", "卫生服务", "中心"],
                                    ["合计"]]


def test_a_cut_rows_rest_over_a_top_aligned_first_row_shows_no_centring(tmp_path: Path) -> None:
    """Counter-cases: the rest of a cut row ('院') over a top-aligned first row, nothing mirroring
    it; a first row that is the total; a body opening on its first row."""
    top_aligned = drawn(tmp_path, (NAME_X, 100, "院"), *row(122, "南京市鼓楼医院", "15"), (NAME_X, 133, "卫生服务站"),
                        *row(150, "南京市中医院", "30"))
    assert not opens_a_centred_first_row(top_aligned, [1, 3], DEFAULTS)
    assert not _centred(top_aligned, [1, 3], DEFAULTS)
    total = drawn(tmp_path, (NAME_X, 100, "院"), *row(111, "合计", "15"), (NAME_X, 122, "卫生服务站"))
    assert not opens_a_centred_first_row(total, [1], DEFAULTS)
    first = drawn(tmp_path, *row(100, "南京市鼓楼医院", "15"), (NAME_X, 111, "卫生服务站"))
    assert not opens_a_centred_first_row(first, [0], DEFAULTS)


def test_the_lines_running_on_under_an_opened_name_are_the_first_rows(tmp_path: Path) -> None:
    """Typst 881114 (long_names_atop forced): a name of six lines centred on the continued page's first
    row, then rows of three-line names 27 pt apart. '江苏国药' opens the name ('所' mirrors it, one
    pitch down to it, the padding under it); '大药房连', 18 pt over the figures, further than a
    share of so short a row pitch (28 pt), runs on under it in the same cell: the row's too. Counter-case:
    the first line of the page opens nothing (the docx 790172 rest, above)."""
    rows = drawn(tmp_path, (NAME_X, 100, "江苏国药"), (NAME_X, 112, "大药房连"), (NAME_X, 124, "锁有限公"),
                 *row(130, None, "342357"), (NAME_X, 136, "司溧水区"), (NAME_X, 148, "虎踞路诊"),
                 (NAME_X, 160, "所"), (NAME_X, 174, "南京桠溪"), *row(186, "综合门诊", "1438"), (NAME_X, 198, "部"),
                 (NAME_X, 212, "南京怡悦"), *row(218, None, "2457"), (NAME_X, 224, "医院"),
                 (NAME_X, 240, "南京市江"), *row(246, None, "6067"), (NAME_X, 252, "宁中医院"),
                 (NAME_X, 268, "南京市儿"), *row(274, None, "7192"), (NAME_X, 280, "童医院"), *row(296, "合计", "74136"))
    anchors = [3, 8, 11, 14, 17, 19]
    assert opens_the_first_rows_centred_name(rows, anchors, 0, 3, DEFAULTS)
    assert not opens_the_first_rows_centred_name(rows, anchors, 1, 3, DEFAULTS)  # it runs on under '江苏国药'
    assert not _opens_a_name_centred_on(rows, anchors, 1, 3, DEFAULTS)  # 18 pt over, the row pitch 28
    assert runs_on_under_an_opened_name(rows, anchors, 1, 3, DEFAULTS)
    assert _within_a_line_of_its_figures(rows[2], rows[3])  # '锁有限公': the row's as before
    assert not runs_on_under_an_opened_name(rows, anchors, 0, 3, DEFAULTS)  # no line above it
    assert names_of_bands(rows)[:3] == [["江苏国药", "大药房连", "锁有限公", "司溧水区", "虎踞路诊", "所"],
                                        ["南京桠溪", "综合门诊", "部"], ["南京怡悦", "医院"]]


def test_the_table_foot_closes_the_last_cell_of_an_airy_name(tmp_path: Path) -> None:
    """html 758001, airy rows: the continued page's only row, a name of three lines centred on it
    ('南京医科大' / '学附属眼科' level with the figures / '医院'), the table's rule 12.8 pt under its last
    line's middle: the padding under the cell, so the first line is the row's. Counter-case: a rule
    close under the last line (no padding) tells nothing, and the line over the row stays a row of
    its own (the rest of a row the page break cut, in a top-aligned table)."""
    rows = drawn(tmp_path, (NAME_X, 100, "南京医科大"), *row(110, "学附属眼科", "0", "211"), (NAME_X, 120, "医院"))
    assert _closes_its_cell(rows, 2, DEFAULTS, foot=137.3)
    assert not _closes_its_cell(rows, 2, DEFAULTS)  # no rule to go by
    assert not _closes_its_cell(rows, 2, DEFAULTS, foot=130.5)  # 6 pt under its middle: no padding
    assert opens_the_first_rows_centred_name(rows, [1], 0, 1, DEFAULTS, foot=137.3)
    assert names_of_bands(rows, [90.0, 137.3]) == [["南京医科大", "学附属眼科", "医院"]]
    assert names_of_bands(rows, [90.0, 130.5]) == [["南京医科大"], ["学附属眼科", "医院"]]


def test_a_cut_rows_rest_run_on_over_two_lines_stays_with_the_cut_row(tmp_path: Path) -> None:
    """docx 790172, a tight top-aligned table: the rest of a row the page break cut runs on over
    two lines ('友谊整形外科' / '医院江北分院'), right over the table's last row, whose name wraps
    once ('江苏省口腔医' / '院') and closes its cell against the table's foot. The rest's second line
    is mirrored by '院' as a centred name's first line would be, but it stands under the rest's
    first line no further than over the row: no padding parts them, they are one cell's lines.
    Counter-case: a name centred on the row (airy) stands the cells' padding under the rest."""
    rows = drawn(tmp_path, (NAME_X, 100, "友谊整形外科"), (NAME_X, 111, "医院江北分院"),
                 *row(122, "江苏省口腔医", "4250765", "9"), (NAME_X, 133, "院"))
    assert runs_on_under_the_line_above(rows, 1, DEFAULTS)
    assert not runs_on_under_the_line_above(rows, 0, DEFAULTS)  # nothing above it
    assert _mirrored_under(rows, 1, 2, DEFAULTS) and _closes_its_cell(rows, 3, DEFAULTS, foot=146.0)
    assert not opens_the_first_rows_centred_name(rows, [2], 1, 2, DEFAULTS, foot=146.0)
    assert _owner_over_the_first_row(rows, [2], 1, 2, centred=False, settings=DEFAULTS, foot=146.0) == 0
    assert not runs_on_under_an_opened_name(rows, [2], 1, 2, DEFAULTS, foot=146.0)  # '友谊整形外科' opens nothing
    assert names_of_bands(rows, [95.0, 146.0]) == [["友谊整形外科", "医院江北分院"], ["江苏省口腔医", "院"]]
    airy = drawn(tmp_path, (NAME_X, 71, "友谊整形外科"), (NAME_X, 82, "医院江北分院"), (NAME_X, 100, "南京市溧水区燕子矶"),
                 *row(111, "街道天元东路社区卫", "0"), (NAME_X, 122, "生服务站"))
    assert not runs_on_under_the_line_above(airy, 2, DEFAULTS)
    assert opens_the_first_rows_centred_name(airy, [3], 2, 3, DEFAULTS, foot=137.3)
    assert names_of_bands(airy, [66.0, 137.3]) == [["友谊整形外科", "医院江北分院"],
                                                  ["南京市溧水区燕子矶", "街道天元东路社区卫", "生服务站"]]


def test_an_evenly_spaced_line_goes_with_the_row_blank_under_it(tmp_path: Path) -> None:
    below_blank = drawn(tmp_path, *row(100, "南京市鼓楼医院", "120"), (NAME_X, 112, "卫生服务站"), *row(124, None, "15"))
    assert _owner_between(below_blank, 1, 0, 2, below_blank[:1], DEFAULTS) == 2
    neither = drawn(tmp_path, *row(100, "南京市鼓楼医院", "120"), (NAME_X, 112, "卫生服务站"), *row(124, "泰山", "15"))
    assert _owner_between(neither, 1, 0, 2, neither[:1], DEFAULTS) == 0  # the one above on a tie
    nearer_above = drawn(tmp_path, *row(100, "南京市鼓楼医院", "120"), (NAME_X, 110, "卫生服务站"), *row(124, None, "15"))
    assert _owner_between(nearer_above, 1, 0, 2, nearer_above[:1], DEFAULTS) == 0



def names_of_bands(rows: list[list[Segment]], rule_ys: list[float] | None = None) -> list[list[str]]:
    return [[s.text for line in band for s in line if s.x0 < FIGURE_X]
            for _, _, band in body_bands(rows, rule_ys or [], DEFAULTS)]


def name_of_five_lines_over_a_two_line_name(tmp_path: Path) -> list[list[Segment]]:
    """Typst 790048, rows padded: a name of five lines centred on its row, its middle line level
    with the figures, the lines 10 pt apart; 14 pt under its last line, the next row's name of two
    lines around its blank line."""
    return drawn(tmp_path, (NAME_X, 80, "江苏国药大"), (NAME_X, 90, "药房连锁有"), *row(100, "限公司高淳", "319"),
                 (NAME_X, 110, "区雨花西路"), (NAME_X, 120, "诊所"),
                 (NAME_X, 134, "南京麒麟综"), *row(139, None, "78"), (NAME_X, 144, "合门诊部"))


def test_a_line_mirroring_a_line_of_the_name_above_closes_that_name(tmp_path: Path) -> None:
    """'区雨花西路' stands as far under its row's middle line as '药房连锁有' over it: the name's fourth
    line, though evenly spaced between two lines and the next row's own line is blank under it."""
    rows = name_of_five_lines_over_a_two_line_name(tmp_path)
    assert [line[0].text for line in rows] == ["江苏国药大", "药房连锁有", "限公司高淳", "区雨花西路", "诊所",
                                               "南京麒麟综", "78", "合门诊部"]
    assert not _clearly_nearer_above(rows, 3, DEFAULTS) and not _clearly_nearer_below(rows, 3, DEFAULTS)
    assert _leaves_room_for(rows[6], rows[3], DEFAULTS)  # the next row's line is blank under it …
    assert closes_a_name_centred_above(rows, 3, 2, rows[:3], DEFAULTS)  # … but it mirrors '药房连锁有'
    assert _owner_between(rows, 3, 2, 6, rows[:3], DEFAULTS) == 2
    assert names_of_bands(rows) == [["江苏国药大", "药房连锁有", "限公司高淳", "区雨花西路", "诊所"],
                                    ["南京麒麟综", "合门诊部"]]


def test_a_line_mirroring_no_line_of_the_name_above_goes_on_deciding_as_before(tmp_path: Path) -> None:
    """Counter-cases: a one-line name holds no line over its row (the line under it opens the row
    below's name); the line under a name's last line stands twice as far under the row as any of
    its lines over it; a name of two lines around a blank line: its second line, under the
    figures as far as the first over them, mirrors it."""
    one_line = drawn(tmp_path, *row(100, "南京市鼓楼医院", "120"), (NAME_X, 112, "卫生服务站"), *row(124, None, "15"))
    assert not closes_a_name_centred_above(one_line, 1, 0, one_line[:1], DEFAULTS)
    typst = drawn(tmp_path, (NAME_X, 95, "南京医科大学第四附属"), *row(100, None, "15"), (NAME_X, 105, "医院"),
                  (NAME_X, 116, "江苏益丰大药房连锁有"), *row(126, "限公司秦淮区御道街诊", "30"), (NAME_X, 136, "所"))
    assert not closes_a_name_centred_above(typst, 3, 1, typst[:3], DEFAULTS)
    assert closes_a_name_centred_above(typst, 2, 1, typst[:2], DEFAULTS)


def test_an_evenly_spaced_line_opens_a_three_line_name_centred_on_the_row_below(tmp_path: Path) -> None:
    """Typst 740118: a one-line name level with its figures, then a name of three lines centred on
    the next row, all four lines a line apart: the first of the three is the next row's."""
    rows = drawn(tmp_path, *row(100, "南京百年世家中医医院", "15"), (NAME_X, 111, "南京市秦淮区中华门街"),
                 *row(122, "道珠江路社区卫生服务", "30"), (NAME_X, 133, "站"))
    assert _balanced_on_its_figures(rows[0], rows[:1], rows[1], DEFAULTS)
    assert _mirrored_under(rows, 1, 2, DEFAULTS)  # '站' 11 pt under the row, as the line stands over it
    assert opens_a_name_centred_below(rows, 1, 0, 2, rows[:1], DEFAULTS)
    assert _owner_between(rows, 1, 0, 2, rows[:1], DEFAULTS) == 2
    # a first row's name set around its blank line shows the table centred
    table = drawn(tmp_path, (NAME_X, 79, "南京市中医院（西善桥"), *row(84, None, "9"), (NAME_X, 89, "院区）"),
                  *row(100, "南京百年世家中医医院", "15"), (NAME_X, 111, "南京市秦淮区中华门街"),
                  *row(122, "道珠江路社区卫生服务", "30"), (NAME_X, 133, "站"))
    assert names_of_bands(table) == [["南京市中医院（西善桥", "院区）"], ["南京百年世家中医医院"],
                                      ["南京市秦淮区中华门街", "道珠江路社区卫生服务", "站"]]


def test_a_line_opens_a_name_below_a_two_line_name_centred_on_its_blank_line(tmp_path: Path) -> None:
    """Typst 764014: the row above holds a name of two lines around its blank line; a line 11 pt
    under its last line and 10 pt over the next row's name opens that row's three-line name."""
    rows = drawn(tmp_path, (NAME_X, 95, "南京医科大学第四附属"), *row(100, None, "15"), (NAME_X, 105, "医院"),
                 (NAME_X, 116, "江苏益丰大药房连锁有"), *row(126, "限公司秦淮区御道街诊", "30"), (NAME_X, 136, "所"))
    assert not _clearly_nearer_above(rows, 3, DEFAULTS) and not _clearly_nearer_below(rows, 3, DEFAULTS)
    assert _balanced_on_its_figures(rows[1], rows[:3], rows[3], DEFAULTS)
    assert names_of_bands(rows) == [["南京医科大学第四附属", "医院"], ["江苏益丰大药房连锁有", "限公司秦淮区御道街诊", "所"]]


def test_a_line_stays_with_a_row_its_name_is_unbalanced_without(tmp_path: Path) -> None:
    """Counter-case: the last line of a three-line name centred on the row above, though a line
    under the next row stands as far from it, stays with its own row (the row above is off centre
    without it); and with nothing mirrored under the next row, a line stays above (the tie)."""
    rows = drawn(tmp_path, (NAME_X, 89, "南京医科大学"), *row(100, "第四附属医", "15"), (NAME_X, 111, "院"),
                 *row(122, "南京江北医院", "30"), (NAME_X, 133, "南京古柏医院"), *row(144, "南京梅山", "45"))
    assert _mirrored_under(rows, 2, 3, DEFAULTS)
    assert not _balanced_on_its_figures(rows[1], rows[:2], rows[2], DEFAULTS)
    assert not opens_a_name_centred_below(rows, 2, 1, 3, rows[:2], DEFAULTS)
    assert _owner_between(rows, 2, 1, 3, rows[:2], DEFAULTS) == 1
    lone = drawn(tmp_path, *row(100, "南京百年世家中医医院", "15"), (NAME_X, 111, "南京市秦淮区"), *row(122, "道珠江", "30"))
    assert not _mirrored_under(lone, 1, 2, DEFAULTS)
    assert _owner_between(lone, 1, 0, 2, lone[:1], DEFAULTS) == 0


REMARK_X = 340.0


def remark_of_three_lines(row_top: float) -> list[tuple[float, float, str]]:
    """A remark '新接入' wrapped one character a line in its narrow cell, centred on its row: its
    first line stands above the first line of a two-line name centred on the same row."""
    return [(REMARK_X, row_top - 10, "新"), (REMARK_X, row_top, "接"), (REMARK_X, row_top + 10, "入")]


def test_a_line_of_another_column_is_no_neighbour_of_a_name(tmp_path: Path) -> None:
    rows = drawn(tmp_path, (NAME_X, 95, "南京市栖霞"), *row(100, None, "15"), (NAME_X, 105, "区医院"),
                 (NAME_X, 125, "南京怡悦医"), *row(130, None, "30"), (NAME_X, 135, "院"),
                 *remark_of_three_lines(130))
    assert [line[0].text for line in rows] == ["南京市栖霞", "15", "区医院", "新", "南京怡悦医", "30", "院", "入"]
    assert _in_another_column(rows[3], rows[4], DEFAULTS)  # '新' over the remark's column only
    assert not _in_another_column(rows[2], rows[4], DEFAULTS)  # the name above: same column
    assert not _in_another_column(rows[5], rows[4], DEFAULTS)  # a row's own line always counts
    # '南京怡悦医' stands as near '新' as its row's line; measured in its own column it is the
    # first line of the name centred on the row below, not the last of the one above.
    assert _owner_between(rows, 4, 1, 5, rows[:3], DEFAULTS) == 5
    names = [[s.text for line in band for s in line if s.x0 < FIGURE_X] for _, _, band in body_bands(rows, [], DEFAULTS)]
    assert names == [["南京市栖霞", "区医院"], ["南京怡悦医", "院"]]


def test_a_figure_goes_on_after_a_line_end_in_wide_digits_or_its_unit() -> None:
    from bulletin_etl.layout.tables.body import goes_on_as_wide_digits_or_unit

    assert goes_on_as_wide_digits_or_unit("７００")
    assert goes_on_as_wide_digits_or_unit("万")
    assert not goes_on_as_wide_digits_or_unit("153")  # the next row's figure under '44068'
    assert not goes_on_as_wide_digits_or_unit("")


def test_a_line_as_full_of_figures_as_the_one_above_is_a_row(tmp_path: Path) -> None:
    """Rows set tight ('江北新区 … 155' over '玄武区 … 356', 10 pt apart, the next row 14 pt on):
    whole rows, not the tails of figures the line end cut."""
    from bulletin_etl.layout.tables.body import fewer_figures_than_above

    rows = segments(drawn_chars(tmp_path, [(50, 100, "江北新区"), (120, 100, "129886818"), (180, 100, "155"),
                                           (50, 110, "玄武区"), (120, 110, "72517521"), (180, 110, "356")], 9), DEFAULTS)
    assert len(rows) == 2 and not fewer_figures_than_above(rows, 1, DEFAULTS)
    (tail,) = segments(drawn_chars(tmp_path, [(180, 110, "４５")], 9), DEFAULTS)
    assert fewer_figures_than_above([rows[0], tail], 1, DEFAULTS)


# Typst sets a table's Latin figures in the Latin face and its full-width ones in the CJK fallback,
# whose glyph box stands FALLBACK_RISE pt higher on the same baseline; a narrow cell wraps a
# full-width figure (breakable between any two of its digits) and centres it on its row.
FALLBACK_RISE = 0.84


def test_a_line_end_may_cut_a_figure_only_where_a_producer_breaks() -> None:
    from bulletin_etl.text import line_end_may_cut

    assert line_end_may_cut("１７５４０８３．５", "８")  # between two full-width digits
    assert line_end_may_cut("38682.", "77万") and line_end_may_cut("１９６，５８９，", "５６４")  # after a separator
    assert line_end_may_cut("38682.77", "万")  # before its unit
    assert not line_end_may_cut("158", "３０８")  # a Latin figure is one word: the next row's figure under it
    assert not line_end_may_cut("１２５７０２９２５", "112917201")
    assert not line_end_may_cut("38682.77", "")


def wrapped_figure_centred_on_a_row(tmp_path: Path) -> list[list[Segment]]:
    """Three rows, the middle one's name and its last figure each wrapped in two, centred on the
    row's own line, whose Latin '158' stands over the next row's full-width '３０８'."""
    return drawn(tmp_path,
                 *row(80, "南京市胸科医院", "150009707", "３４９"),
                 (NAME_X, 100, "南京燕子矶耳"), (380, 100, "１７５４０８３．５"),
                 (FIGURE_X, 106 - FALLBACK_RISE, "１２５７０２９２５"), (300, 106, "158"),
                 (NAME_X, 112, "鼻喉专科医院"), (410, 112, "８"),
                 (NAME_X, 130, "东部战区空军医院"), (FIGURE_X, 130 - FALLBACK_RISE, "１１２９１７２０１"),
                 (296, 130 - FALLBACK_RISE, "３０８"), (380, 130 - FALLBACK_RISE, "１４３４６７．３"))


def test_a_wrapped_figures_rest_is_no_rows_own_line(tmp_path: Path) -> None:
    from bulletin_etl.layout.tables.body import _a_rows_own_line, _finished_across_a_row

    rows = wrapped_figure_centred_on_a_row(tmp_path)
    assert [[s.text for s in line] for line in rows][1:4] == [
        ["南京燕子矶耳", "１７５４０８３．５"], ["１２５７０２９２５", "158"], ["鼻喉专科医院", "８"]]
    assert _a_rows_own_line(rows, 2, DEFAULTS) and not _a_rows_own_line(rows, 3, DEFAULTS)
    assert _finished_across_a_row(rows, 1, rows[1][1], DEFAULTS)  # '１７５４０８３．５' … '８'
    assert not _finished_across_a_row(rows, 2, rows[2][1], DEFAULTS)  # '158' is no part of '３０８'


def test_a_figure_wrapped_around_its_row_stays_in_that_row(tmp_path: Path) -> None:
    rows = wrapped_figure_centred_on_a_row(tmp_path)
    bands = [[s.text for line in band for s in line] for _, _, band in body_bands(rows, [], DEFAULTS)]
    assert bands == [["南京市胸科医院", "150009707", "３４９"],
                     ["南京燕子矶耳", "１７５４０８３．５", "１２５７０２９２５", "158", "鼻喉专科医院", "８"],
                     ["东部战区空军医院", "１１２９１７２０１", "３０８", "１４３４６７．３"]]


def test_a_wrapped_total_ends_the_table_under_its_row(tmp_path: Path) -> None:
    """The table's last line, the rest of a total's figure cut after a separator and centred on the
    total's line: none below it to measure its spacing by."""
    from bulletin_etl.layout.tables.body import _figure_cuts_over, _rests_under_their_row

    rows = drawn(tmp_path, (NAME_X, 74, "中国医学科学院"), (300, 80, "185"), (NAME_X, 86, "皮肤病研究所"),
                 (FIGURE_X, 100, "３，１２５，８"), (NAME_X, 106 - FALLBACK_RISE, "合计"), (300, 106, "50,357,915"),
                 (FIGURE_X + 4, 112, "４０，７９３"))
    cut = _figure_cuts_over(rows, 5, DEFAULTS)
    assert cut is not None and _rests_under_their_row(rows, 5, cut)
    bands = [[s.text for line in band for s in line] for _, _, band in body_bands(rows, [], DEFAULTS)]
    assert bands == [["中国医学科学院", "185", "皮肤病研究所"], ["３，１２５，８", "合计", "50,357,915", "４０，７９３"]]


def test_two_tight_rows_of_full_width_figures_stay_two_rows(tmp_path: Path) -> None:
    """The counter-case: rows 10 pt apart, each figure whole ('２１３' over '１５８'), no row's own line
    between them: each is a row, however close."""
    from bulletin_etl.layout.tables.body import _figure_cuts_over, _rests_under_their_row

    rows = drawn(tmp_path, *row(100, "南京医科大学", "213", "２１３"), *row(110, "南京燕子矶", "158", "１５８"),
                 *row(124, "东部战区", "308", "３０８"))
    cut = _figure_cuts_over(rows, 1, DEFAULTS)
    assert cut is None or not _rests_under_their_row(rows, 1, cut)
    assert len(list(body_bands(rows, [], DEFAULTS))) == 3


def test_a_wrapped_figures_rest_ends_a_top_aligned_table(tmp_path: Path) -> None:
    """The rest '１' of the last row's '２，３４３，４９５．５' runs on a cell's line under it, the table's
    last line: nearer its row than the rows above stand apart."""
    from bulletin_etl.layout.tables.body import _ends_the_table_close_under

    runs = [*row(100, "南京鼓楼医院", "157", "４，５８５，９９７．１"), (FIGURE_X + 95, 112, "６"),
            *row(132, "南京市胸科医院", "240", "２，３４３，４９５．５")]
    rows = drawn(tmp_path, *runs, (FIGURE_X + 95, 144, "１"))
    assert _ends_the_table_close_under(rows, 3, DEFAULTS)
    bands = [[s.text for line in band for s in line] for _, _, band in body_bands(rows, [], DEFAULTS)]
    assert bands == [["南京鼓楼医院", "157", "４，５８５，９９７．１", "６"],
                     ["南京市胸科医院", "240", "２，３４３，４９５．５", "１"]]


def test_a_last_row_as_far_below_as_the_rows_above_stays_a_row(tmp_path: Path) -> None:
    """The counter-case: a last row of one full-width figure ('１' under '…４９５．５'), set at the
    rows' own pitch, is a row of its own."""
    from bulletin_etl.layout.tables.body import _ends_the_table_close_under

    rows = drawn(tmp_path, *row(100, "南京鼓楼医院", "157", "４５８５"), *row(124, "南京市胸科医院", "240", "２３４３"),
                 (FIGURE_X + 60, 148, "１"))
    assert not _ends_the_table_close_under(rows, 2, DEFAULTS)
    assert len(list(body_bands(rows, [], DEFAULTS))) == 3


def figure_centred_on_a_row_sharing_its_line(tmp_path: Path, rest_top: float) -> list[list[Segment]]:
    """Chromium's centred cells: a name and a figure each wrapped in two ('南京市职业病防治' / '院',
    '712.7414' / '万') around the row's own line, their second lines a few points under its figures,
    close enough to read as one line with it; a row above and below."""
    return drawn(tmp_path, *row(80, "南京市高淳中医院", "10209278", "8.7609万"),
                 (NAME_X, 97, "南京市职业病防治"), (FIGURE_X + 60, 99, "712.7414"),
                 (NAME_X, rest_top, "院"), (FIGURE_X, 104, "8392496"), (FIGURE_X + 62, rest_top, "万"),
                 *row(124, "东部战区总医院", "1652673", "60.6396万"))


def test_a_figure_centred_on_its_row_and_sharing_its_line_is_no_row(tmp_path: Path) -> None:
    from bulletin_etl.layout.tables.body import _opens_a_figure_on_the_next_line, _sunk_below_its_lines_figures

    rows = figure_centred_on_a_row_sharing_its_line(tmp_path, 106.5)
    assert [[s.text for s in line] for line in rows][1:3] == [["南京市职业病防治", "712.7414"], ["院", "8392496", "万"]]
    assert _sunk_below_its_lines_figures(rows[2][2], rows[2], DEFAULTS)  # '万' 3 pt under '8392496'
    assert _opens_a_figure_on_the_next_line(rows, 1, DEFAULTS)
    bands = [[s.text for line in band for s in line] for _, _, band in body_bands(rows, [], DEFAULTS)]
    assert bands == [["南京市高淳中医院", "10209278", "8.7609万"],
                     ["南京市职业病防治", "712.7414", "院", "8392496", "万"],
                     ["东部战区总医院", "1652673", "60.6396万"]]


def test_two_tight_rows_level_with_each_other_stay_two_rows(tmp_path: Path) -> None:
    """The counter-cases: the next row's figure level with its line's figures ('４５６' under '１２３',
    a line end may fall between them) is that row's own, and a one-character name row ('院') under
    a row whose figure ends in a unit's place stays a row."""
    from bulletin_etl.layout.tables.body import _opens_a_figure_on_the_next_line

    rows = drawn(tmp_path, *row(100, "南京", "１２３"), *row(111, "院", "４５６", "789"), *row(124, "东部战区", "308", "１"))
    assert [[s.text for s in line] for line in rows] == [["南京", "１２３"], ["院", "４５６", "789"], ["东部战区", "308", "１"]]
    assert not _opens_a_figure_on_the_next_line(rows, 0, DEFAULTS)
    assert len(list(body_bands(rows, [], DEFAULTS))) == 3
    level = figure_centred_on_a_row_sharing_its_line(tmp_path, 104)  # '万' level with '8392496'
    assert not _opens_a_figure_on_the_next_line(level, 1, DEFAULTS)


def name_of_three_lines_beside_a_figure_wrapped_once(tmp_path: Path, row_gap: float, next_row: bool = True
                                                     ) -> list[list[Segment]]:
    """Typst's three-line tables (no rules between rows), cells top-aligned, their lines 10 pt apart:
    a row over a row whose name wraps over three lines ('南京医科大学' / '友谊整形外科' / '医院') beside
    a full-width figure wrapped once ('１５６４２６' / '３'), the next row (if any) `row_gap` under the
    name's last line. The figure's rest, the name's second and third lines stand evenly spaced."""
    runs = [*row(86, "南京市栖霞区", "３９９８", "314"), *row(86 + row_gap, "南京医科大学", "１５６４２６", "217"),
            (NAME_X, 96 + row_gap, "友谊整形外科"), (FIGURE_X + 18, 96 + row_gap, "３"), (NAME_X, 106 + row_gap, "医院")]
    if next_row:
        runs += row(106 + 2 * row_gap, "南京市第一医院", "０", "188")
    return drawn(tmp_path, *runs)


def test_a_figures_rest_beside_a_names_middle_line_goes_with_its_row(tmp_path: Path) -> None:
    """The rest '３' ties between its row's line and the name's third line (10 pt each way); the next
    line of figures, 24 pt under it, shows it the rest of a figure, not a row."""
    from bulletin_etl.layout.tables.body import (
        _clearly_nearer_above_than_the_next_figures,
        _close_under_the_line_above,
        _next_line_of_figures,
    )

    rows = name_of_three_lines_beside_a_figure_wrapped_once(tmp_path, 14)
    assert [[s.text for s in line] for line in rows][2:4] == [["友谊整形外科", "３"], ["医院"]]
    assert not _clearly_nearer_above(rows, 2, DEFAULTS) and not _clearly_nearer_below(rows, 2, DEFAULTS)
    assert _next_line_of_figures(rows, 2) == 4
    assert _clearly_nearer_above_than_the_next_figures(rows, 2, 4, DEFAULTS)
    assert _close_under_the_line_above(rows, 2, DEFAULTS)
    bands = [[s.text for line in band for s in line] for _, _, band in body_bands(rows, [], DEFAULTS)]
    assert bands == [["南京市栖霞区", "３９９８", "314"],
                     ["南京医科大学", "１５６４２６", "217", "友谊整形外科", "３", "医院"],
                     ["南京市第一医院", "０", "188"]]


def test_a_figures_rest_beside_a_names_middle_line_at_the_tables_foot(tmp_path: Path) -> None:
    """The same row last in its table: no line of figures below to measure by; the rest stands
    closer under its row's line than the rows above stand apart."""
    rows = name_of_three_lines_beside_a_figure_wrapped_once(tmp_path, 14, next_row=False)
    bands = [[s.text for line in band for s in line] for _, _, band in body_bands(rows, [], DEFAULTS)]
    assert bands == [["南京市栖霞区", "３９９８", "314"], ["南京医科大学", "１５６４２６", "217", "友谊整形外科", "３", "医院"]]


def test_a_row_of_one_figure_its_name_wrapped_under_it_stays_a_row(tmp_path: Path) -> None:
    """The counter-case: a row holding one full-width figure ('３' under '１５６４２６', 14 pt on, within
    a figure's wrap), its name wrapped onto the next line 10 pt under it: clearly nearer that line
    than the row above, a row's own line, however far the next line of figures."""
    from bulletin_etl.layout.tables.body import _close_under_the_line_above

    rows = drawn(tmp_path, *row(86, "南京市栖霞区", "３９９８", "314"), *row(100, "南京医科大学", "１５６４２６", "217"),
                 *row(114, "友谊整形外科"), (FIGURE_X + 18, 114, "３"), (NAME_X, 124, "医院"),
                 *row(138, "南京市第一医院", "０", "188"))
    assert _clearly_nearer_below(rows, 2, DEFAULTS)
    assert not _close_under_the_line_above(rows, 2, DEFAULTS)
    bands = [[s.text for line in band for s in line] for _, _, band in body_bands(rows, [], DEFAULTS)]
    assert bands == [["南京市栖霞区", "３９９８", "314"], ["南京医科大学", "１５６４２６", "217"],
                     ["友谊整形外科", "３", "医院"], ["南京市第一医院", "０", "188"]]


RIGHT_HALF = 300.0  # a table printed as two halves side by side: the right half starts here
HALVES = [(float("-inf"), RIGHT_HALF), (RIGHT_HALF, float("inf"))]


def halves_cut_under_the_header(tmp_path: Path) -> list[list[Segment]]:
    """A top-aligned table of two halves side by side, continued under its repeated header: the
    rest of the right half's row the page cut ('12320网'), a right-half name wrapped ('12320快速预'
    / '约') beside the left half's row, and the left half's last row alone (an odd number of rows)."""
    return drawn(tmp_path, (360, 100, "12320网"),
                 (40, 112, "2"), (NAME_X, 112, "南京卫生"), (200, 112, "46735"),
                 (320, 112, "5"), (360, 112, "12320快速预"), (440, 112, "238"),
                 (360, 124, "约"), (40, 136, "3"), (NAME_X, 136, "健康南京"), (200, 136, "358"))


def test_a_row_shares_a_column_group_where_both_have_text(tmp_path: Path) -> None:
    rows = halves_cut_under_the_header(tmp_path)
    assert shares_a_column_group(rows[1], rows[2], HALVES)  # the row's right half holds '12320快速预'
    assert not shares_a_column_group(rows[3], rows[2], HALVES)  # the left half's last row alone
    assert shares_a_column_group(rows[3], rows[2], [(float("-inf"), float("inf"))])  # one group: always
    assert not _leaves_room_for(rows[3], rows[2], DEFAULTS, HALVES)
    assert _leaves_room_for(rows[3], rows[2], DEFAULTS)  # read as one group, it would


def test_a_left_half_row_alone_shows_no_centred_names(tmp_path: Path) -> None:
    rows = halves_cut_under_the_header(tmp_path)
    bands = [[s.text for line in band for s in line if s.x0 > RIGHT_HALF + 40]
             for _, _, band in body_bands(rows, [], DEFAULTS, HALVES)]
    # the cut row's rest a row of its own (stitching joins it to its first half), '约' under its row
    assert bands == [["12320网"], ["12320快速预", "238", "约"], []]
    # read as one group, '约' over the left half's blank right half looks like a centred name: the
    # cut row's rest then opened the name of the row under it (and '约', as far under that row as
    # the rest stands over it, closes that name: `closes_a_name_centred_above`)
    whole = [[s.text for line in band for s in line if s.x0 > RIGHT_HALF + 40]
             for _, _, band in body_bands(rows, [], DEFAULTS)]
    assert whole == [["12320网", "12320快速预", "238", "约"], []]


def tight_rows_under_a_wrapped_name(tmp_path: Path, tops: tuple[float, float, float], rest: str) -> list[list[Segment]]:
    """Typst's tight top-aligned table, lines 11 pt apart within a cell and the cells padded by 2 pt:
    '南京市鼓楼区淳溪医' / '院' (the table's cell pitch), then a row whose full-width figure fills its
    cell ('１９９９６１７．２'), then a line at tops[0] holding `rest` ('院' / a name) and '３' centred
    under that figure, and two more rows at tops[1] and tops[2]."""
    def wide_row(top: float, name: str, *figures: str) -> list[tuple[float, float, str]]:
        return [(NAME_X, top, name), *((x, top, f) for x, f in zip((160.0, 260.0, 360.0), figures))]

    return drawn(tmp_path, *wide_row(100, "南京市鼓楼区淳溪医", "398043262", "６５６０２．６１", "5511"), (NAME_X, 111, "院"),
                 *wide_row(124, "南京市鼓楼区人民医", "387830540", "１９９９６１７．２", "6404"),
                 (NAME_X, tops[0], rest), (291.5, tops[0], "３"),
                 *wide_row(tops[1], "江苏省省级机关医院", "139200908", "１５０２８９．４２", "1744"),
                 *wide_row(tops[2], "南京江北医院", "76553420", "９５６４６９．０２", "36129"))


def test_a_figures_rest_at_the_cells_line_pitch_is_no_row(tmp_path: Path) -> None:
    """typst 920088: '院 ３' stands 11 pt under '南京市鼓楼区人民医 … １９９９６１７．２', the next row 13 pt
    on — not clearly nearer (`clear_gap_lines` × 9 pt), but at the pitch '院' stands under
    '南京市鼓楼区淳溪医' with the padding under it: the lines of one cell, the name's and the figure's
    rests."""
    from bulletin_etl.layout.tables.body import _cells_line_pitches, _close_under_the_line_above, runs_on_at_a_cells_pitch

    rows = tight_rows_under_a_wrapped_name(tmp_path, (135, 148, 161), "院")
    assert [[s.text for s in line] for line in rows][3] == ["院", "３"]
    assert not _close_under_the_line_above(rows, 3, DEFAULTS)
    assert _cells_line_pitches(rows, 3, DEFAULTS) == [pytest.approx(11, abs=DEFAULTS.cell_pitch_pt)]
    assert runs_on_at_a_cells_pitch(rows, 3, DEFAULTS)
    bands = [[s.text for line in band for s in line] for _, _, band in body_bands(rows, [], DEFAULTS)]
    assert len(bands) == 4 and bands[1] == ["南京市鼓楼区人民医", "387830540", "１９９９６１７．２", "6404", "院", "３"]
    assert bands[0] == ["南京市鼓楼区淳溪医", "398043262", "６５６０２．６１", "5511", "院"]


def test_a_row_of_one_figure_a_row_pitch_under_the_row_above_stays_a_row(tmp_path: Path) -> None:
    """The counter-cases: a row '院 … ３' 13 pt under the row above — a line and the cells' padding,
    not the cell pitch of 11 pt — is a row of its own, the next row as far under it (no padding
    closes a cell of the two) or further (closed, but at no cell's pitch)."""
    from bulletin_etl.layout.tables.body import runs_on_at_a_cells_pitch

    for tops in ((137, 150, 163), (137, 152, 165)):
        rows = tight_rows_under_a_wrapped_name(tmp_path, tops, "院")
        assert not runs_on_at_a_cells_pitch(rows, 3, DEFAULTS)
        assert len(list(body_bands(rows, [], DEFAULTS))) == 5


def test_lines_stand_at_one_pitch_within_the_cell_pitch() -> None:
    assert stands_at_one_pitch([12.15, 12.2, 11.9], DEFAULTS)
    assert not stands_at_one_pitch([13.4, 12.15], DEFAULTS)  # a tight table's 1.25 pt padding
    assert stands_at_one_pitch([26.0], DEFAULTS)


def test_a_cut_rows_rest_padded_over_a_top_aligned_first_row_opens_no_name(tmp_path: Path) -> None:
    """Typst 920132, top-aligned: under a continued page's header the rest of a cut row runs on over
    two lines ('口区瑞金' / '路诊所', 12 pt apart) and the cells' padding parts it from the first row's
    line, 26 pt on. The row's name of four lines ends 36 pt under its line, as far as the rest's first
    line stands over it (within `centred_name_lines`), and closes its cell: read as that name's first
    line, the rest made the table centred and the rows below took the next rows' lines. The lines
    down to the row stand at no one pitch: the rest opens no name, and every row keeps its own."""
    rows = drawn(tmp_path, (NAME_X, 100, "口区瑞金"), (NAME_X, 112, "路诊所"), *row(138, "江北新区", "22236"),
                 (NAME_X, 150, "河西社区"), (NAME_X, 162, "卫生服务"), (NAME_X, 174, "中心"),
                 *row(200, "南京市雨", "0"), (NAME_X, 212, "花医院"), *row(238, "江苏国药", "5094"),
                 (NAME_X, 250, "大药房连"), (NAME_X, 262, "锁有限公"))
    anchors = [2, 6, 8]
    assert _mirroring_lines(rows, 0, 2, DEFAULTS, 6) == [5] and _closes_its_cell(rows, 5, DEFAULTS)
    assert padded_over_its_row(rows, 0, 2, DEFAULTS)
    assert not opens_the_first_rows_centred_name(rows, anchors, 0, 2, DEFAULTS)
    assert not opens_a_centred_first_row(rows, anchors, DEFAULTS)
    assert not _centred(rows, anchors, DEFAULTS)
    assert names_of_bands(rows) == [["口区瑞金", "路诊所"], ["江北新区", "河西社区", "卫生服务", "中心"],
                                    ["南京市雨", "花医院"], ["江苏国药", "大药房连", "锁有限公"]]


def test_a_name_running_on_to_its_row_at_one_pitch_is_not_padded_over_it(tmp_path: Path) -> None:
    """Counter-cases: a centred name's lines over the first row run down to the row's line at one
    pitch; one line over the row leaves a single gap, which tells nothing."""
    two_over = drawn(tmp_path, (NAME_X, 100, "江苏国药"), (NAME_X, 112, "大药房连"), *row(124, "锁有限公", "15"),
                     (NAME_X, 136, "司浦口区"), (NAME_X, 148, "诊所"))
    assert not padded_over_its_row(two_over, 0, 2, DEFAULTS)
    assert not padded_over_its_row(two_over, 1, 2, DEFAULTS)
    one_over = drawn(tmp_path, (NAME_X, 100, "南京医科大"), *row(126, "学附属眼科", "0", "211"))
    assert not padded_over_its_row(one_over, 0, 1, DEFAULTS)


def tight_centred_page_under_a_cut_rest(tmp_path: Path) -> list[list[Segment]]:
    """Typst 920138, a tight centred table continued on a page: the cut row's rest '童医院', then a
    name of five lines centred on the first row 12.15 pt apart, its first line 13.4 pt under the rest
    (a padding of 1.25 pt), then names of three and of two lines, the rows' usual pitch 37.7 pt: the
    name's first line stands 24.3 pt over its row, further than a share of that pitch
    (`first_name_pitch_share`)."""
    return drawn(tmp_path, (NAME_X, 100, "童医院"), (NAME_X, 113.4, "南京市玄"), (NAME_X, 125.55, "武区禄口"),
                 *row(137.7, "街道中山", "5"), (NAME_X, 149.85, "路社区卫"), (NAME_X, 162, "生服务站"),
                 (NAME_X, 175.4, "南京仁品"), *row(187.55, "耳鼻喉专", "4"), (NAME_X, 199.7, "科医院"),
                 (NAME_X, 213.1, "南京汤山"), *row(219.17, None, "2267"), (NAME_X, 225.25, "骨科医院"),
                 (NAME_X, 250.8, "江苏省中"), *row(256.87, None, "71"), (NAME_X, 262.95, "医院"),
                 (NAME_X, 288.5, "南京市中"), *row(294.57, None, "14"), (NAME_X, 300.65, "医院"))


def test_a_centred_names_first_line_padded_under_a_cut_rest_opens_the_first_row(tmp_path: Path) -> None:
    """Typst 920138: '南京市玄' stands under the rest '童医院' no clearly further than over '武区禄口'
    (`runs_on_under_the_line_above`), yet further by the padding than its own lines run on down to
    the row: it does not run on in the rest's cell, and it opens the row's name ('生服务站' mirrors it,
    one pitch down to it, the padding under it). The rest, padded over the name, opens none, so it
    stays a row of its own, and '南京仁品' goes with its own row, not with the name it mirrors above."""
    rows = tight_centred_page_under_a_cut_rest(tmp_path)
    anchors = [3, 7, 10, 13, 16]
    assert not _opens_a_name_centred_on(rows, anchors, 1, 3, DEFAULTS)  # 24.3 pt over, the row pitch 37.7
    assert runs_on_under_the_line_above(rows, 1, DEFAULTS)
    assert padded_under_the_line_above(rows, 1, 3, DEFAULTS)
    assert not runs_on_in_its_cell(rows, 1, 3, DEFAULTS)
    assert opens_the_first_rows_centred_name(rows, anchors, 1, 3, DEFAULTS)
    assert padded_over_its_row(rows, 0, 3, DEFAULTS)
    assert not opens_the_first_rows_centred_name(rows, anchors, 0, 3, DEFAULTS)
    assert _owner_over_the_first_row(rows, anchors, 0, 3, centred=True, settings=DEFAULTS) == 0
    assert names_of_bands(rows) == [["童医院"], ["南京市玄", "武区禄口", "街道中山", "路社区卫", "生服务站"],
                                    ["南京仁品", "耳鼻喉专", "科医院"], ["南京汤山", "骨科医院"], ["江苏省中", "医院"],
                                    ["南京市中", "医院"]]


def test_a_cut_rest_padded_over_a_centred_name_close_over_the_first_row_stays_a_row(tmp_path: Path) -> None:
    """Typst 920138, the page before: the rest '院' stands 25.6 pt over the first row, within a share
    of the rows' pitch (55.9 pt, `first_name_pitch_share`) of a centred name's first line, and 13.4
    pt over '南京市浦', which runs on 12.15 pt over the row's '口区中医': padded over the row
    (`padded_over_its_row`), it is no line of that name but a row of its own. Taken for the row's,
    it mirrored '江苏华润' under the row, which then closed that name instead of opening the next."""
    rows = drawn(tmp_path, (NAME_X, 100, "院"), (NAME_X, 113.4, "南京市浦"), *row(125.55, "口区中医", "1207"),
                 (NAME_X, 137.7, "院"), (NAME_X, 151.1, "江苏华润"), (NAME_X, 163.25, "大药房连"),
                 (NAME_X, 175.4, "锁有限公"), *row(181.47, None, "1133"), (NAME_X, 187.55, "司溧水区"),
                 (NAME_X, 199.7, "江东北路"), (NAME_X, 211.85, "诊所"), (NAME_X, 225.25, "南京中华"),
                 *row(237.4, "门综合门", "839"), (NAME_X, 249.55, "诊部"))
    anchors = [2, 7, 12]
    assert _opens_a_name_centred_on(rows, anchors, 0, 2, DEFAULTS)  # close enough by the pitch alone
    assert padded_over_its_row(rows, 0, 2, DEFAULTS)
    assert _owner_over_the_first_row(rows, anchors, 0, 2, centred=True, settings=DEFAULTS) == 0
    assert _owner_over_the_first_row(rows, anchors, 1, 2, centred=True, settings=DEFAULTS) == 2
    assert names_of_bands(rows) == [["院"], ["南京市浦", "口区中医", "院"],
                                    ["江苏华润", "大药房连", "锁有限公", "司溧水区", "江东北路", "诊所"],
                                    ["南京中华", "门综合门", "诊部"]]


def test_a_line_evenly_under_the_line_above_runs_on_in_its_cell(tmp_path: Path) -> None:
    """Counter-cases: lines evenly spaced down to the row (one cell's, no padding between) run on;
    a line right over a row's line blank in its column (a name of two lines around it) has no line
    under it to measure a pitch by; the body's first line has no line above it. A line one gap
    over the row's own run measures the pitch by that gap ('南京中华' 12.15 pt over '门综合门', 13.4
    under the rest '诊所')."""
    even = drawn(tmp_path, (NAME_X, 100, "童医院"), (NAME_X, 112, "南京市玄"), (NAME_X, 124, "武区禄口"),
                 *row(136, "街道中山", "5"))
    assert not padded_under_the_line_above(even, 1, 3, DEFAULTS)
    assert runs_on_in_its_cell(even, 1, 3, DEFAULTS)
    assert not padded_under_the_line_above(even, 0, 3, DEFAULTS)
    blank = drawn(tmp_path, (NAME_X, 100, "院"), (NAME_X, 113.4, "南京仁品"), *row(119.47, None, "4"),
                  (NAME_X, 125.55, "科医院"))
    assert not padded_under_the_line_above(blank, 1, 2, DEFAULTS)
    single = drawn(tmp_path, (NAME_X, 100, "诊所"), (NAME_X, 113.4, "南京中华"), *row(125.55, "门综合门", "5"))
    assert padded_under_the_line_above(single, 1, 2, DEFAULTS)
