"""Synthetic bulletins (two_columns draw family) whose column lines do not quite meet their column's
edge, once misread (issue 17, class 1): extracted exactly through the producer that drew them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .synth.draws import PINNED
from .synth.sweep import Case, cannot_render, replay

BROKEN_BEFORE = [
    # seed, producer, style, font, quirks: what the columns hold that was read wrong
    # remote medicine over a page break: '108 家…3家，' overfills its column, its '，' hanging past the edge
    (730008, "reportlab", "three_line", "uming", False),
    # the index's short pair: '全国卫生健康信息化发展指数' stops short before '（2030）显示…'
    (801013, "weasyprint", "three_line", "wqy-zenhei", False),
    # the same in ragged text: '布全国卫生健康信息化发展指数' before '(2019)，…' (no heading)
    (710280, "typst", "grid", "wqy-zenhei", True),
    # the hotline in two columns, justified: '106725个、|医疗投诉' stretched after a mid-line '、' read as a table's gutter
    (710142, "docx", "no_inner_verticals", "wqy-zenhei", True),
    # a justified line's mid-line '、' box (0.19 pt to the next glyph) taken for a short pair's gutter
    (710285, "docx", "three_line", "uming", True),
    # a folio pair ('第2页 / 共10页') probe ties the gutter (25 rows free each); a line ending in two hanging marks crosses it
    (720087, "reportlab", "no_inner_verticals", "uming", True),
    # a running header ('南京市卫生信息中心 / 第2期') probe ties the gutter
    (720058, "docx", "three_line", "noto-sans", False),
    (720089, "docx", "grid", "noto-serif", True),
    # the left column's edge tied between a short last line ('誉。' 70.1) and a full line (281.5), the first taken
    (720104, "reportlab", "no_inner_verticals", "wqy-zenhei", False),
    # '…地方标准，': reportlab's spaces round '3 项' overfill the line past the edge, its '，' hanging from there
    (720203, "reportlab", "grid", "wqy-zenhei", False),
    # the index's short pair in 12 pt at the page top, its left column's second line 20.3 pt under: the page
    # pitch was taken from a 10.5 pt note's 15 pt steps, cutting the stretch after one row
    (720023, "html", "grid", "uming", False),
]


@pytest.mark.parametrize("seed, producer, style, font, quirks", BROKEN_BEFORE)
def test_columns_short_of_or_past_their_edge_extract_exactly(seed: int, producer: str, style: str, font: str,
                                                              quirks: bool, tmp_path: Path) -> None:
    reason = cannot_render(producer, font)
    if reason:
        pytest.skip(reason)
    case = Case(seed, producer, style, font, quirks=quirks, draws=PINNED)
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"
