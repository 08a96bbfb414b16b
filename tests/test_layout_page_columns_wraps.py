"""Page columns whose lines do not quite meet their column's edge (layout/page_columns.py), on
small PDFs drawn here (tests/pdfkit.py): a short pair's left line stopping short only because
the next line's first word (a bracketed year) did not fit after it (`runs_on_to_edge`), and a
closing mark after a line overfilled past its column's edge (`hangs_at_column_end`)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from bulletin_etl.layout.page_columns import Row, column_edge, find_stretches, hangs_at_column_end, page_rows

from .pdfkit import drawn_chars, make_pdf, text
from .test_layout_page_columns import (
    COLUMN_CHARS,
    DEFAULTS,
    GUTTER,
    INTRO,
    LEADING,
    LEFT,
    SIZE,
    WORDS,
    full_width,
    paragraph_texts,
)

RIGHT_COLUMN = LEFT + COLUMN_CHARS * SIZE + GUTTER
OPENING = "全国卫生健康信息化发展指数南京市排名"  # 17 glyphs: indented 2, the line stops 3 em short
YEAR = "（2030），"
REST = "在全国重点城市及省会城市的发展总指数"  # 18 glyphs
RIGHT_LINE = "中位居第一，继续保持前列。"


def short_pair(second_line_opens: str):
    """INTRO across the page, then a short paragraph in two columns: the left column's first line
    OPENING (indented, 3 em short of the column's edge), its second `second_line_opens` then REST
    (the column's edge, 22.9 or 23 em from its start); RIGHT_LINE in the right column beside the first line."""
    def page(c) -> None:
        top = full_width(c, 60.0, INTRO) + 12.0
        text(c, LEFT + 2 * SIZE, top, OPENING, SIZE)
        text(c, LEFT, top + LEADING, second_line_opens + REST, SIZE)
        text(c, RIGHT_COLUMN, top, RIGHT_LINE, SIZE)
    return page


def test_a_left_line_short_for_a_bracketed_year_is_a_short_pairs_line(tmp_path: Path) -> None:
    """The left column's first line stops 3 em short of its edge, only because '（2030），' (kept
    together, no line starting with '，') did not fit after it: the pair is read left column first."""
    path = make_pdf(tmp_path / "year.pdf", short_pair(YEAR))
    with pdfplumber.open(path) as pdf:
        (found,) = find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS)
    assert len(found.rows) == 2
    assert paragraph_texts(path) == [INTRO, OPENING + YEAR + REST + RIGHT_LINE]


def test_a_left_line_short_before_a_chinese_word_is_no_short_pair(tmp_path: Path) -> None:
    """The counter-case: the second line opens with Chinese glyphs, which would have fit after the
    first line: that line ends its paragraph there, and the two texts are no pair of columns."""
    path = make_pdf(tmp_path / "chinese.pdf", short_pair("显示南京市"))
    with pdfplumber.open(path) as pdf:
        assert find_stretches(page_rows(pdf.pages[0].chars, DEFAULTS), DEFAULTS) == []


def overfilled_page(tmp_path: Path, past_em: float, gap_em: float = 1.4) -> list:
    """Two columns `gap_em` apart, four rows; the left column's second line overfilled (a space of
    `past_em` beside a figure) so that its last glyph ends `past_em` past the column's edge, a '，'
    after it."""
    gap = gap_em * SIZE
    right = LEFT + COLUMN_CHARS * SIZE + gap
    body = (WORDS * 2)[:COLUMN_CHARS]
    runs = [(x, 100.0 + r * LEADING, body) for r in (0, 2, 3) for x in (LEFT, right)]
    runs += [(right, 100.0 + LEADING, body), (LEFT, 100.0 + LEADING, body[:10]),
             (LEFT + (10 + past_em) * SIZE, 100.0 + LEADING, body[10:] + "，")]
    return page_rows(drawn_chars(tmp_path, runs, SIZE), DEFAULTS)


def test_a_comma_after_a_line_overfilled_past_its_column_hangs(tmp_path: Path) -> None:
    """The '，' starts a quarter em past the left column's edge (reportlab's '108 家' spaces): it
    hangs from there, the gutter stays free on every row and the stretch holds all four."""
    (found,) = find_stretches(overfilled_page(tmp_path, 0.25), DEFAULTS)
    assert len(found.rows) == 4
    assert found.sides(DEFAULTS)[0][-COLUMN_CHARS * 2 - 1]["text"] == "，"


def test_a_comma_after_a_line_overfilled_by_most_of_an_em_hangs(tmp_path: Path) -> None:
    """The '，' starts 0.9 em past the edge of a column 2.5 em from the next (reportlab's spaces
    round a figure, 720203): it hangs, the stretch holds all four rows."""
    (found,) = find_stretches(overfilled_page(tmp_path, 0.9, gap_em=2.5), DEFAULTS)
    assert len(found.rows) == 4


def test_a_comma_further_past_the_column_crosses_its_gutter(tmp_path: Path) -> None:
    """The counter-case: the '，' starts 1.25 em past the column's edge, more than an overfilled
    line reaches (`page_column_overfill_em`): its ink stands in the gutter, the row crosses it."""
    found = find_stretches(overfilled_page(tmp_path, 1.25, gap_em=2.5), DEFAULTS)
    assert all(len(s.rows) < 4 for s in found)


def test_hangs_at_column_end() -> None:
    """A closing mark up to an em past the edge hangs, a glyph that is no mark never does."""
    comma = {"text": "，", "x0": 112.0, "x1": 124.0, "size": 12.0}
    assert hangs_at_column_end(comma, 100.0, DEFAULTS)
    assert not hangs_at_column_end({**comma, "x0": 112.5}, 100.0, DEFAULTS)
    assert not hangs_at_column_end({**comma, "text": "家"}, 100.0, DEFAULTS)


def halved_row(left_end: float) -> Row:
    """A row cut in two: a left run of glyphs 10 pt wide ending at `left_end`, a right run at 320."""
    left = [{"text": "字", "x0": left_end - 10.0 * k, "x1": left_end - 10.0 * (k - 1), "top": 100.0, "size": 10.0}
            for k in (3, 2, 1)]
    right = [{"text": "字", "x0": 320.0, "x1": 330.0, "top": 100.0, "size": 10.0}]
    return Row(left + right, [left, right])


def test_a_tie_between_column_ends_takes_the_farthest_right() -> None:
    """Two rows cut in two, one a paragraph's short last line ('誉。' at 70.1), one a full line
    (281.5): each end is shared by one row; the column's edge is the farther (a short last line
    never ends past it), whichever comes first."""
    assert column_edge([halved_row(70.1), halved_row(281.5)], DEFAULTS) == 281.5
    assert column_edge([halved_row(281.5), halved_row(70.1)], DEFAULTS) == 281.5


def test_the_end_most_rows_share_beats_a_farther_one() -> None:
    """The counter-case: two rows end at 280, one overfilled to 290 — the edge is 280."""
    assert column_edge([halved_row(290.0), halved_row(280.0), halved_row(280.0)], DEFAULTS) == 280.0
