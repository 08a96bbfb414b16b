"""Prose across the page whose rows set marks one over the other (layout/page_columns.py,
`is_gutter_of_mark_boxes`), on small PDFs drawn here (tests/pdfkit.py): a '。' closing a title over
a '、' and a '“' leaves a blank down two rows no wider than the marks' boxes' blank parts; a folio's
two parts under them probe it as a gutter — no columns. Real columns show their gutter clear of
whole boxes in some row."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from bulletin_etl.layout.page_columns import Stretch, find_stretches, page_rows, parted_by_mark_box, set_in_columns
from bulletin_etl.layout.settings import LayoutSettings

from .pdfkit import make_pdf, text

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
