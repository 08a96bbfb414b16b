"""A word space LibreOffice spreads as it spreads a justified line's glyphs (layout/page_columns.py,
issue 17, docx 881004).

LibreOffice justifies a Chinese line by spreading every character, a printed space too: each gap
about 0.3 em, so that glyph to glyph over a word space before a figure ('…干预 5798', '电话预约
46438…') is wider than a page gutter. The space follows the glyph before it as the line's glyphs
follow each other, as a space ending a left column's line does (`ends_left_line`) — but the next
glyph follows the space as closely (`spread_like_a_glyph`): a character of the line, and the row
stays one run there. The hotline paragraph set in two columns of four lines, two of whose left
lines were so cut in three runs, read as a table (`is_tabular`: two rows of four cut by a further
gutter) and across the gutter. The counter-case: three lines across the page whose spread word
spaces stand one over another (a blank strip down the page, both sides filled) are no columns;
and a space ending a left column's line, a gutter after it, still parts the row
(test_layout_page_columns_mid_line_marks)."""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout.page_columns import find_stretches, page_rows, spread_like_a_glyph
from bulletin_etl.layout.settings import LayoutSettings

from .pdfkit import drawn_chars

DEFAULTS = LayoutSettings()
SIZE, LEADING = 10.0, 16.0
LEFT = 60.0
COLUMN = 160.0  # a column's width: 16 em
GUTTER = 20.0  # 2 em
FIGURE_WIDTH = 5.56  # a digit in the drawn Latin face
SPACE_WIDTH = 2.78  # ' ' in the drawn Latin face


def width_of(glyph: str) -> float:
    if glyph == " ":
        return SPACE_WIDTH
    return FIGURE_WIDTH if glyph.isdigit() else SIZE


def justified(x: float, top: float, glyphs: str, width: float) -> list[tuple[float, float, str]]:
    """The line's glyphs spread evenly over `width`, the space too, as LibreOffice justifies a
    Chinese line: one drawn run per glyph."""
    spacing = (width - sum(width_of(g) for g in glyphs)) / (len(glyphs) - 1)
    out = []
    for g in glyphs:
        out.append((x, top, g))
        x += width_of(g) + spacing
    return out


def hotline_in_columns(tmp_path: Path) -> list:
    """A paragraph of four lines a column set in two columns (docx 881004): its first left line
    indented 2 em and its last left line each with a word space before a figure, spread 4.1 and
    3.8 pt either side, the right column's last line the paragraph's short last line."""
    right = LEFT + COLUMN + GUTTER
    lines = [justified(LEFT + 2 * SIZE, 100.0, "南京卫生热线受 5798", COLUMN - 2 * SIZE),
             justified(LEFT, 100.0 + LEADING, "共受理咨询电话其中咨询类投", COLUMN),
             justified(LEFT, 100.0 + 2 * LEADING, "医疗投诉电话预约人工服务自", COLUMN),
             justified(LEFT, 100.0 + 3 * LEADING, "电话预约 46438个、人工", COLUMN),
             justified(right, 100.0, "通心理危机干预自助语音问答", COLUMN),
             justified(right, 100.0 + LEADING, "受理市民咨询工单全年受理", COLUMN),
             justified(right, 100.0 + 2 * LEADING, "省级工单自接工单全年受理", COLUMN),
             [(right, 100.0 + 3 * LEADING, "件，自接工单件。")]]
    return page_rows(drawn_chars(tmp_path, [run for line in lines for run in line], SIZE), DEFAULTS)


def test_a_spread_word_space_keeps_a_column_line_whole(tmp_path: Path) -> None:
    """Each row is cut at the gutter alone, and the four rows are one stretch of two columns."""
    rows = hotline_in_columns(tmp_path)
    assert [len(row.runs) for row in rows] == [2, 2, 2, 2]
    assert "".join(c["text"] for c in rows[0].runs[0]) == "南京卫生热线受5798"
    assert "".join(c["text"] for c in rows[3].runs[0]) == "电话预约46438个、人工"
    (stretch,) = find_stretches(rows, DEFAULTS)
    assert len(stretch.rows) == 4
    assert [round(x, 1) for x in stretch.gutter] == [LEFT + COLUMN, LEFT + COLUMN + GUTTER]


def test_spread_words_over_one_another_are_no_columns(tmp_path: Path) -> None:
    """The counter-case: three lines across the page spread alike, each with a word space before a
    figure at one x, leave a blank strip wider than a gutter down the page, prose filling both its
    sides: each line is one run, and the page has no stretch."""
    words = ("全市卫生健康信息化建设", "持续推进服务能力不断提升", "数据共享范围逐步扩大群众")
    lines = [justified(LEFT, 100.0 + k * LEADING, w[:10] + " 5798" + (w * 2)[:11], 2 * COLUMN + GUTTER)
             for k, w in enumerate(words)]
    rows = page_rows(drawn_chars(tmp_path, [run for line in lines for run in line], SIZE), DEFAULTS)
    assert [len(row.runs) for row in rows] == [1, 1, 1]
    assert find_stretches(rows, DEFAULTS) == []


def test_spread_like_a_glyph() -> None:
    """The next glyph follows the space by no more than the run's own spacing and `touch_pt`: the
    space is spread as a glyph; a gutter after it, or a next glyph farther than the spacing, is
    not."""
    run = [{"text": "干", "x0": 100.0, "x1": 113.0}, {"text": "预", "x0": 115.9, "x1": 128.9}]
    space = (131.8, 138.3)
    assert spread_like_a_glyph(space, (run, {"text": "5", "x0": 141.2}), DEFAULTS)
    assert spread_like_a_glyph(space, (run, {"text": "5", "x0": 141.6}), DEFAULTS)
    assert not spread_like_a_glyph(space, (run, {"text": "5", "x0": 142.0}), DEFAULTS)
    assert not spread_like_a_glyph(space, (run, {"text": "1", "x0": 138.3 + 1.5 * 13.0}), DEFAULTS)
    assert not spread_like_a_glyph(space, (run[1:], {"text": "5", "x0": 141.2}), DEFAULTS)
