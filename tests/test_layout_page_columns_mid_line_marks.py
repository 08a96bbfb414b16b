"""Marks and spaces at a column's line end or inside a line (layout/page_columns.py, issue 17).

A closing mark set inside a line is no column's end: on a page
of one column, a footer in two parts ('第4页 共9页') probes a gutter where a '、' set mid-line in
two rows stands; its box starts at the footer's left part's end, as a mark hanging at a column's
end would, but runs right up to the next glyph (`abuts_next_glyph`), so it stands at its whole box
and the rows cross the probe. The counter-case: a mark hanging at a left column's end, the gutter
after its box, still stands at its box's start (`hangs_at_column_end`).

A space printed at a left column's line end, where a justified CJK line spreads its glyphs (Typst:
'…基于 ' before '12320' moved on), follows the last glyph as the glyphs follow each other
(`ends_left_line`): the row, beside a right column's line, is cut in two at the gutter. Its
glyphs' spacing is measured where no printed space stands between them (`glyph_spacing`,
`parted_by_word_space`): a lone figure between two word spaces a justified line stretched wider
than a gutter ('…接入 6 家…', WeasyPrint) is followed by its second space as far as by its first,
inside the line, and the line stays whole."""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout.page_columns import (
    abuts_next_glyph,
    crosses,
    ends_left_line,
    find_stretches,
    glyph_spacing,
    page_rows,
    parted_by_word_space,
    standing_in_row,
)
from bulletin_etl.layout.settings import LayoutSettings

from .pdfkit import drawn_chars

DEFAULTS = LayoutSettings()
SIZE, LEADING, FOOTER_SIZE = 10.0, 16.0, 6.0
LEFT = 60.0
LINE_CHARS = 44  # CJK glyphs a line across the page holds (1 em each)
MARK_AT = 22  # where the '、' stands in the two rows: x 280–290
WORDS = "全市卫生健康信息化建设持续推进服务能力不断提升数据共享范围逐步扩大群众就医体验明显改善"
BODY = (WORDS * 2)[:LINE_CHARS]
LISTED = BODY[:MARK_AT] + "、" + BODY[MARK_AT + 1:]  # a list of names: '…医院、南京市…'
FOOTER_LEFT_END = LEFT + MARK_AT * SIZE + 2.0  # the footer's left part ends just inside the mark's box
FOOTER_GAP = 6.0  # a space at the footer's size: wider than `page_column_gap_em` of it


def one_column_page(tmp_path: Path) -> list:
    """Six lines across the page, the third and fourth with a '、' inside them at MARK_AT, and a
    footer in two parts under them whose gap stands inside the mark's box."""
    rows = [(LEFT, 100.0 + r * LEADING, LISTED if r in (2, 3) else BODY) for r in range(6)]
    footer_left = FOOTER_LEFT_END - 3 * FOOTER_SIZE
    footer = [(footer_left, 220.0, "第4页"), (FOOTER_LEFT_END + FOOTER_GAP, 220.0, "共9页")]
    chars = drawn_chars(tmp_path, rows, SIZE) + drawn_chars(tmp_path, footer, FOOTER_SIZE)
    return page_rows(chars, DEFAULTS)


def test_a_mid_line_mark_crosses_a_footers_probe(tmp_path: Path) -> None:
    """The footer's gap is the page's only probe; its left column's edge is the footer's left end,
    2 pt inside the '、''s box, so the mark would hang at that column's end — but the next glyph
    follows its box at once: it stands at its whole box, and both rows cross the probe. The page
    has no stretch."""
    rows = one_column_page(tmp_path)
    assert [len(row.runs) for row in rows] == [1, 1, 1, 1, 1, 1, 2]
    probe = (FOOTER_LEFT_END + FOOTER_GAP - DEFAULTS.page_column_gap_em * FOOTER_SIZE, FOOTER_LEFT_END + FOOTER_GAP)
    marked = rows[2]
    assert crosses(marked, probe, DEFAULTS, FOOTER_LEFT_END)
    assert (LEFT + MARK_AT * SIZE, LEFT + (MARK_AT + 1) * SIZE) in [
        (round(a, 1), round(b, 1)) for a, b in standing_in_row(marked, DEFAULTS, FOOTER_LEFT_END, probe[1])]
    assert find_stretches(rows, DEFAULTS) == []


def test_a_mark_hanging_at_a_columns_end_still_stands_at_its_boxs_start(tmp_path: Path) -> None:
    """The counter-case: the same '、' ending a left column's line, the right column's line 1.5 em
    after its box's start: the gap follows its box, so it hangs at the column's end and the row
    leaves a probe at the column's edge free."""
    edge = LEFT + MARK_AT * SIZE
    right = edge + 1.5 * SIZE
    chars = drawn_chars(tmp_path, [(LEFT, 100.0, BODY[:MARK_AT] + "、"), (right, 100.0, BODY[:MARK_AT])], SIZE)
    (row,) = page_rows(chars, DEFAULTS)
    probe = (right - DEFAULTS.page_column_gap_em * SIZE, right)
    assert not crosses(row, probe, DEFAULTS, edge)
    assert (round(edge, 1), round(edge, 1)) in [(round(a, 1), round(b, 1)) for a, b in standing_in_row(row, DEFAULTS, edge)]


def test_abuts_next_glyph() -> None:
    """A closing mark whose box ends where the next glyph starts (within `touch_pt`) abuts it; a
    mark a gap before it, or a glyph that is no closing mark, does not."""
    def glyph(text: str, x0: float) -> dict:
        return {"text": text, "x0": x0, "x1": x0 + SIZE, "size": SIZE}

    assert abuts_next_glyph(glyph("、", 100.0), glyph("南", 110.0), DEFAULTS)
    assert abuts_next_glyph(glyph("，", 100.0), glyph("南", 110.4), DEFAULTS)
    assert not abuts_next_glyph(glyph("、", 100.0), glyph("南", 115.0), DEFAULTS)
    assert not abuts_next_glyph(glyph("院", 100.0), glyph("南", 110.0), DEFAULTS)


def spread(x: float, top: float, glyphs: str, spacing: float) -> list[tuple[float, float, str]]:
    """A justified line's glyphs, one run each, `spacing` pt apart (a space's box 0.3 em wide)."""
    out = []
    for g in glyphs:
        out.append((x, top, g))
        x += (0.3 * SIZE if g == " " else SIZE) + spacing
    return out


def test_a_space_at_a_left_lines_end_parts_the_row_at_the_gutter(tmp_path: Path) -> None:
    """The left column's line, its glyphs 0.9 pt apart, ends in a space as far after its last
    glyph; the right column's line starts 3 em after it: the row is two runs. The counter-case: a
    word space stretched inside a line, 0.6 em clear of the glyph before, joins them."""
    left = spread(LEFT, 100.0, BODY[:20] + " ", 0.9)
    right = [(LEFT + 20 * (SIZE + 0.9) + 3 * SIZE, 100.0, BODY[:10])]
    stretched = [(LEFT, 130.0, BODY[:20]), (LEFT + 20 * SIZE + 6.0, 130.0, " "), (LEFT + 23 * SIZE, 130.0, BODY[:10])]
    rows = page_rows(drawn_chars(tmp_path, left + right + stretched, SIZE), DEFAULTS)
    assert [len(row.runs) for row in rows] == [2, 1]
    assert "".join(c["text"] for c in rows[0].runs[0]) == BODY[:20]


def test_ends_left_line() -> None:
    """A space after the run's last glyph by no more than the run's own spacing and `touch_pt`
    ends the line; one farther clear of it stands inside a line."""
    run = [{"text": "基", "x0": 100.0, "x1": 110.0}, {"text": "于", "x0": 110.9, "x1": 120.9}]
    assert ends_left_line((121.8, 124.8), run, DEFAULTS)
    assert ends_left_line((121.3, 124.3), run[1:], DEFAULTS)
    assert not ends_left_line((123.0, 126.0), run, DEFAULTS)
    assert not ends_left_line((121.8, 124.8), run[1:], DEFAULTS)


FIGURE_WIDTH = 5.56  # '6' in the drawn Latin face
SPACE_WIDTH = 2.78  # ' ' in the drawn Latin face
WORD_GAP = 11.5  # a justified word space each side of the figure, glyph to glyph: wider than a gutter


def figure_between_word_spaces(x: float, top: float, before: str, after: str) -> list[tuple[float, float, str]]:
    """'…接入 6 家…' justified as WeasyPrint sets it (weasyprint 790024): Chinese glyphs abutting, the
    spaces either side of a lone figure stretched as wide, each standing in the middle of its gap."""
    figure = x + len(before) * SIZE + WORD_GAP
    rest = figure + FIGURE_WIDTH + WORD_GAP
    inset = (WORD_GAP - SPACE_WIDTH) / 2
    return [(x, top, before), (x + len(before) * SIZE + inset, top, " "), (figure, top, "6"),
            (figure + FIGURE_WIDTH + inset, top, " "), (rest, top, after)]


def test_a_figure_between_justified_word_spaces_keeps_its_line_whole(tmp_path: Path) -> None:
    """A line across the page ('…接入 6 家…') whose two word spaces, either side of the figure near the
    page's middle, are stretched wider than a gutter, over a paragraph's short last line ending left of
    them: the space after the figure follows it as far as the space before did — a word space, not a
    left column's line end — so the line is one run and the page has no stretch (its lines were read as
    a short column pair: '…接入 6' / '绘、…等。' / '家医院…'). The run's glyph spacing is the Chinese
    glyphs' (`glyph_spacing`), not the word space before the figure (`parted_by_word_space`)."""
    before = BODY[:20]
    after = BODY[20:LINE_CHARS - 3]
    runs = [(LEFT, 100.0, BODY), *figure_between_word_spaces(LEFT, 100.0 + LEADING, before, after),
            (LEFT, 100.0 + 2 * LEADING, BODY[:15] + "。")]
    rows = page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)
    assert [len(row.runs) for row in rows] == [1, 1, 1]
    assert "".join(c["text"] for c in rows[1].runs[0]) == before + "6" + after
    assert find_stretches(rows, DEFAULTS) == []


def test_a_space_ending_a_left_line_after_a_figure_still_parts_the_row(tmp_path: Path) -> None:
    """The counter-case: a left column's line ending in a figure after a word space, a space printed
    right after the figure as the line's glyphs follow each other (0.9 pt), the right column's line
    3 em on: the space ends the left line (`ends_left_line`), the row is two runs."""
    left = spread(LEFT, 100.0, BODY[:19], 0.9)
    figure = LEFT + 19 * (SIZE + 0.9) + 3.0
    left += [(figure - 2.0, 100.0, " "), (figure, 100.0, "6"), (figure + FIGURE_WIDTH + 0.9, 100.0, " ")]
    right = [(figure + FIGURE_WIDTH + 3 * SIZE, 100.0, BODY[:10])]
    (row,) = page_rows(drawn_chars(tmp_path, left + right, SIZE), DEFAULTS)
    assert ["".join(c["text"] for c in run) for run in row.runs] == [BODY[:19] + "6", BODY[:10]]


def test_glyph_spacing_and_parted_by_word_space() -> None:
    """A gap holding a printed space parts two words; the run's glyph spacing is the last gap that
    holds none. Given no spaces, the gap before the figure counts as glyph spacing and the space
    after it would end a left column's line."""
    run = [{"text": "接", "x0": 100.0, "x1": 110.0}, {"text": "入", "x0": 110.0, "x1": 120.0},
           {"text": "6", "x0": 131.5, "x1": 137.06}]
    spaces = [(124.36, 127.14), (141.42, 144.2)]
    assert parted_by_word_space(run[1], run[2], spaces, DEFAULTS)
    assert not parted_by_word_space(run[0], run[1], spaces, DEFAULTS)
    assert glyph_spacing(run, spaces, DEFAULTS) == 0.0
    assert glyph_spacing(run, [], DEFAULTS) == 11.5
    assert not ends_left_line(spaces[1], run, DEFAULTS, spaces)
    assert ends_left_line(spaces[1], run, DEFAULTS)
