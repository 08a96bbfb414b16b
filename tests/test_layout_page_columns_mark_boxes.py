"""Prose across the page whose rows set marks one over the other (layout/page_columns.py,
`is_gutter_of_mark_boxes`), on small PDFs drawn here (tests/pdfkit.py): a '。' closing a title over
a '、' and a '“' leaves a blank down two rows no wider than the marks' boxes' blank parts; a folio's
two parts under them probe it as a gutter — no columns. Real columns show their gutter clear of
whole boxes in some row, or a mark Typst trimmed at a left column's line end
(`trimmed_at_column_end`)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from bulletin_etl.layout.page_columns import (
    Stretch,
    find_stretches,
    is_gutter_of_mark_boxes,
    page_rows,
    parted_by_mark_box,
    set_in_columns,
    trimmed_at_column_end,
)
from bulletin_etl.layout.settings import LayoutSettings

from .pdfkit import drawn_chars, make_pdf, text

DEFAULTS = LayoutSettings()
SIZE, LEADING, FOLIO = 13.5, 21.6, 10.0
LEFT = 56.3
TITLE = "四、强化人才培养，提升管理效能。"  # its '。' ends at the blank the folio probes
BODY = "践行中心“学习、思考、创新、有为”"
UNDER = ("的文化，全体职工激扬“闯”的精神、", "“创”的劲头、“干”的作风。引领")


def marks_page(mark_shift_pt: float):
    """Two rows of prose across the page: the title '…。' run on by the event's text, over a line
    whose '、' is followed by a '“' (`mark_shift_pt` further right than where the title's '。' starts);
    a full line above and under them, and a folio in two parts at the foot whose right part starts
    between the '。''s ink and the next glyph, and right of where the '“''s box starts."""
    def page(c) -> None:
        text(c, LEFT, 100.0, "互联网护理、云药房等各项智慧医疗服务持续推进，群众就医体验明显改善。", SIZE)
        mark = LEFT + len(UNDER[0]) * SIZE - mark_shift_pt  # where the title's '。' starts
        text(c, mark - (len(TITLE) - 1) * SIZE, 100.0 + LEADING, TITLE + BODY, SIZE)
        text(c, LEFT, 100.0 + 2 * LEADING, UNDER[0], SIZE)
        text(c, LEFT + len(UNDER[0]) * SIZE, 100.0 + 2 * LEADING, UNDER[1], SIZE)
        text(c, LEFT, 100.0 + 3 * LEADING, "“绿色低碳”“垃圾分类”“合理膳食”等文明新风尚蔚然成风。", SIZE)
        start = mark + 11.5  # the folio's right part: 2 pt before the glyph after the '。'
        text(c, start - 10.0 - 3 * FOLIO, 780.0, "第1页", FOLIO)
        text(c, start, 780.0, "共12页", FOLIO)
    return page


def rows_of(tmp_path: Path, mark_shift_pt: float):
    with pdfplumber.open(make_pdf(tmp_path / "marks.pdf", marks_page(mark_shift_pt))) as pdf:
        return page_rows(pdf.pages[0].chars, DEFAULTS)


def test_marks_set_one_over_the_other_make_no_columns(tmp_path: Path) -> None:
    """The '。' over the '、“' (6.5 pt apart, as reportlab justified 755006): both rows are cut in
    two by the folio's probe only where a mark's box stands; they stay lines across the page (only
    the folio's row is cut, alone: no stretch)."""
    rows = rows_of(tmp_path, 6.5)
    assert [len(row.runs) for row in rows] == [1, 1, 1, 1, 2]
    assert find_stretches(rows, DEFAULTS) == []


def test_parted_by_mark_box(tmp_path: Path) -> None:
    """Each of the two rows, parted at the blank between the '。''s ink and the next glyph, is
    parted by a mark's box alone: '。' runs up to '践', '、' up to '“' (`parted_by_mark_box`); the
    two rows as a stretch are no columns (`set_in_columns`)."""
    rows = rows_of(tmp_path, 6.5)
    mark = next(c for c in rows[1].chars if c["text"] == "。")
    middle = mark["x0"] + 0.75 * SIZE
    assert parted_by_mark_box(rows[1], middle, DEFAULTS) and parted_by_mark_box(rows[2], middle, DEFAULTS)
    stretch = Stretch(rows[1:3], (mark["x0"] + 0.5 * SIZE, mark["x1"]))
    assert not set_in_columns(stretch, stretch.gutter, (LEFT, LEFT + 36 * SIZE), DEFAULTS)


def test_a_gutter_clear_of_whole_boxes_is_no_mark_box() -> None:
    """The counter-case: a column's line ending in a glyph a gutter's width before the next
    column's: parted clear of both boxes."""
    from bulletin_etl.layout.page_columns import Row

    def glyph(s: str, x0: float) -> dict:
        return {"text": s, "x0": x0, "x1": x0 + SIZE, "top": 100.0, "bottom": 100.0 + SIZE, "size": SIZE}

    left, right = [glyph("务", 200.0), glyph("。", 213.5)], [glyph("践", 241.0)]
    row = Row(left + right, [left, right])
    assert not parted_by_mark_box(row, 234.0, DEFAULTS)
    assert parted_by_mark_box(Row(left + [glyph("践", 227.0)], [left, [glyph("践", 227.0)]]), 224.0, DEFAULTS)


COLUMN_EDGE = 270.0  # the left column's lines end here (21 glyphs of 10 pt from 60)


def trimmed_mark_pair_rows(tmp_path: Path) -> list:
    """Typst 790003: a paragraph set in a short pair of columns 1.3 em apart under a line across the
    page. The left column's first line ends in a '）' whose box starts half an em before the
    column's edge (Typst trims its blank right half): its ink ends at the edge, where the second line
    ends, its box 0.8 em before the right column's one line."""
    size = 10.0
    return page_rows(drawn_chars(tmp_path, [
        (60.0, 100.0, "本年度全市卫生健康信息化工作围绕便民惠民目标持续推进各项重点任务全面完成现将大事介绍如下"),
        (COLUMN_EDGE - 18.5 * size, 120.0, "全国卫生健康信息化发展指数（二〇二四）"),
        (COLUMN_EDGE + 1.3 * size, 120.0, "展总指数中位居第七，继续保持前列。"),
        (60.0, 136.0, "显示，南京市在副省级城市及省会城市的发"[:19] + "展总"),
    ], size), DEFAULTS)


def test_a_mark_trimmed_at_a_left_columns_end_parts_a_short_pair(tmp_path: Path) -> None:
    """The one row with text on both sides is parted by the '）''s box by less than a gutter
    (`parted_by_mark_box`), but the mark's ink ends at the gutter's start, where the column's other
    line ends (`trimmed_at_column_end`): the pair is two columns, read left column first."""
    rows = trimmed_mark_pair_rows(tmp_path)
    assert [len(row.runs) for row in rows] == [1, 2, 1]
    (found,) = find_stretches(rows, DEFAULTS)
    assert found.rows == rows[1:] and found.gutter == pytest.approx((COLUMN_EDGE, COLUMN_EDGE + 13.0), abs=0.1)
    middle = (found.gutter[0] + found.gutter[1]) / 2
    assert parted_by_mark_box(rows[1], middle, DEFAULTS)
    assert trimmed_at_column_end(rows[1], found.gutter, DEFAULTS)
    assert not is_gutter_of_mark_boxes(found, DEFAULTS)
    left, right = found.sides(DEFAULTS)
    assert "".join(c["text"] for c in right) == "展总指数中位居第七，继续保持前列。"
    assert "".join(c["text"] for c in left).endswith("（二〇二四）显示，南京市在副省级城市及省会城市的发展总")


def test_a_mark_whose_ink_ends_short_of_the_columns_edge_is_no_trimmed_end(tmp_path: Path) -> None:
    """Counter-cases: the column's edge at the mark's box's end (its blank half inside the column,
    the gap after it the mark's box: marks set inside lines across the page, `is_gutter_of_mark_boxes`),
    or farther than `margin_agreement_pt` from its ink; and a row ending in a glyph, not a mark."""
    row = trimmed_mark_pair_rows(tmp_path)[1]
    assert trimmed_at_column_end(row, (COLUMN_EDGE + 1.0, COLUMN_EDGE + 13.0), DEFAULTS)
    assert not trimmed_at_column_end(row, (COLUMN_EDGE + 5.0, COLUMN_EDGE + 13.0), DEFAULTS)
    assert not trimmed_at_column_end(row, (COLUMN_EDGE - 2.0, COLUMN_EDGE + 13.0), DEFAULTS)
    marks = rows_of(tmp_path, 6.5)  # '…效能。践行…': the mark's box runs up to the next glyph
    mark = next(c for c in marks[1].chars if c["text"] == "。")
    assert not trimmed_at_column_end(marks[1], (mark["x1"], mark["x1"] + 1.0), DEFAULTS)
    first = trimmed_mark_pair_rows(tmp_path)[0]
    assert not trimmed_at_column_end(first, (400.0, 420.0), DEFAULTS)  # '…介绍如下' ends in a glyph
