"""A page gutter between two Chinese glyphs of a text line is no space (lines.is_cjk_gutter), on
small PDFs drawn here (tests/pdfkit.py): a paragraph set in two columns with one row of it on a
page (its columns going on over the page break) is read across that row, and the gutter between
'…热线共受' and '理咨询电话…' must not cut '受理'. Counter-cases keep their spaces: a gutter beside a
figure ('南京' | '12320'), spaces printed in a justified line (a name list), a word-space-wide gap,
a table cell's text (row_text without page_text)."""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout import sections
from bulletin_etl.layout.document import load
from bulletin_etl.layout.lines import build_lines, group_rows, is_cjk_gutter, row_text
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Grid

from .pdfkit import CJK_FONT, PAGE_H, drawn_chars, make_pdf, text

DEFAULTS = LayoutSettings()
SIZE = 10.0
LEFT, COLUMN = 60.0, 220.0  # the left column's start and width (22 glyphs)
LEFT_LINE = "二〇二九年南京卫生热线共受"
RIGHT_LINE = "理咨询电话五万个其中咨询类"


def justified(c, x: float, top: float, line: str, width: float) -> None:
    """One line spread to `width` by the space between its glyphs (字距), as a justified column
    line is: its last glyph ends at x + width."""
    t = c.beginText()
    t.setFont(CJK_FONT, SIZE)
    t.setCharSpace((width - len(line) * SIZE) / (len(line) - 1))
    t.setTextOrigin(x, PAGE_H - (top + 0.8 * SIZE))
    t.textOut(line)
    c.drawText(t)


def line_texts(tmp_path: Path, runs: list[tuple[float, float, str]]) -> list[str]:
    return [ln.text for ln in build_lines(drawn_chars(tmp_path, runs, SIZE), 1, DEFAULTS)]


def test_a_gutter_between_two_chinese_glyphs_is_no_space(tmp_path: Path) -> None:
    """The two halves of a row read across a 1.5 em gutter, the narrowest the generator draws
    (1 em) too: the text runs on as over a line end."""
    for gutter_em in (1.0, 1.5, 3.0):
        right = LEFT + len(LEFT_LINE) * SIZE + gutter_em * SIZE
        assert line_texts(tmp_path, [(LEFT, 100.0, LEFT_LINE), (right, 100.0, RIGHT_LINE)]) == [LEFT_LINE + RIGHT_LINE]


def test_two_justified_column_lines_read_across_are_one_text(tmp_path: Path) -> None:
    """Each half justified to its column (its own spacing between glyphs), a 2 em gutter between."""
    def page(c) -> None:
        justified(c, LEFT, 100.0, LEFT_LINE, COLUMN)
        justified(c, LEFT + COLUMN + 2 * SIZE, 100.0, RIGHT_LINE, COLUMN)

    chars = drawn_chars_of(make_pdf(tmp_path / "justified.pdf", page))
    assert [ln.text for ln in build_lines(chars, 1, DEFAULTS)] == [LEFT_LINE + RIGHT_LINE]


def drawn_chars_of(path: Path) -> list[dict]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return pdf.pages[0].chars


def test_a_gutter_beside_a_figure_stays_a_space(tmp_path: Path) -> None:
    """'…南京' | '12320卫生热线…': between a Chinese glyph and a figure the gap reads as it did."""
    right = LEFT + 6 * SIZE + 2 * SIZE
    assert line_texts(tmp_path, [(LEFT, 100.0, "二〇二九年南京"), (right, 100.0, "12320卫生热线")]) == [
        "二〇二九年南京 12320卫生热线"]


def test_spaces_printed_in_a_justified_name_list_stay(tmp_path: Path) -> None:
    """A list of names parted by printed spaces, the line justified wide: the spaces are kept."""
    names = "张小明 李红 王建国 赵丽 陈志强"

    def page(c) -> None:
        justified(c, LEFT, 100.0, names, 2 * COLUMN)

    chars = drawn_chars_of(make_pdf(tmp_path / "names.pdf", page))
    assert [ln.text for ln in build_lines(chars, 1, DEFAULTS)] == [names]


def test_a_word_space_wide_gap_between_chinese_glyphs_stays_a_space(tmp_path: Path) -> None:
    """Two Chinese words 0.75 em apart, no space printed: a word space (narrower than a gutter)."""
    assert line_texts(tmp_path, [(LEFT, 100.0, "南京市"), (LEFT + 3.75 * SIZE, 100.0, "卫生信息中心")]) == [
        "南京市 卫生信息中心"]


def test_a_table_cells_spread_label_keeps_its_space(tmp_path: Path) -> None:
    """'合    计' spread across a cell: a cell's text (row_text without page_text) keeps its gap."""
    chars = drawn_chars(tmp_path, [(LEFT, 100.0, "合"), (LEFT + 3 * SIZE, 100.0, "计")], SIZE)
    (row,) = group_rows(chars, DEFAULTS)
    assert row_text(row, DEFAULTS) == "合 计"
    assert row_text(row, DEFAULTS, page_text=True) == "合计"


def test_a_running_headers_parts_at_the_margins_stay_two_words(tmp_path: Path) -> None:
    """'南京市卫生信息中心' at the left margin, '统计数据公报' at the right: farther apart than any
    gutter (`cjk_gutter_max_em`), a space."""
    assert line_texts(tmp_path, [(LEFT, 40.0, "南京市卫生信息中心"), (400.0, 40.0, "统计数据公报")]) == [
        "南京市卫生信息中心 统计数据公报"]


def test_is_cjk_gutter() -> None:
    """The predicate alone: two Chinese glyphs at least `cjk_gutter_gap_em` apart over the line's
    spacing; a figure on either side, or a narrower gap, is no gutter."""
    def glyph(ch: str, x0: float) -> dict:
        return {"text": ch, "x0": x0, "x1": x0 + SIZE, "size": SIZE}

    assert is_cjk_gutter(glyph("受", 0.0), glyph("理", SIZE + 9.0), 0.0, DEFAULTS)
    assert not is_cjk_gutter(glyph("受", 0.0), glyph("理", SIZE + 8.9), 0.0, DEFAULTS)
    assert not is_cjk_gutter(glyph("受", 0.0), glyph("理", SIZE + 10.0), 2.0, DEFAULTS)
    assert not is_cjk_gutter(glyph("京", 0.0), glyph("1", SIZE + 20.0), 0.0, DEFAULTS)
    assert is_cjk_gutter(glyph("受", 0.0), glyph("理", SIZE + 40.0), 0.0, DEFAULTS)
    assert not is_cjk_gutter(glyph("受", 0.0), glyph("理", SIZE + 40.1), 0.0, DEFAULTS)


def test_a_paragraph_with_one_row_of_its_columns_on_the_page_reads_whole(tmp_path: Path) -> None:
    """A paragraph across the page, then the next paragraph's first row set in two columns at the
    page's foot (the left column's line indented, each line justified to its column): the
    paragraph reads '…共受理咨询电话…' ('省 12345 工 单' in the sweep's replays)."""
    intro = "本年度全市卫生健康信息化工作围绕便民惠民目标持续推进各项重点任务全面完成。"

    def page(c) -> None:
        text(c, LEFT + 2 * SIZE, 80.0, intro, SIZE)
        justified(c, LEFT + 2 * SIZE, 100.0, LEFT_LINE, COLUMN - 2 * SIZE)
        justified(c, LEFT + COLUMN + 2 * SIZE, 100.0, RIGHT_LINE, COLUMN)

    doc = load(make_pdf(tmp_path / "one_row.pdf", page))
    text_lines = [b for b in doc.blocks if not isinstance(b, Grid)]
    assert [p.text for p in sections.paragraphs(text_lines, DEFAULTS)] == [intro, LEFT_LINE + RIGHT_LINE]
