"""Paragraphs set flush left (many Word styles; the flush_paragraphs draw family): no first-line
indent, a paragraph told from the next only by where its last line stops. A closing line its writer
left without a final mark, ending on a character after a clause's '，', must not be taken to run on
into the next paragraph's first line (`line_ends.ends_past`, the counter-case of
`runs_on_mid_clause`); and a closing line that fills the measure, or stops a character short of it,
shows no end at all: the next item's start ('二、', '2、', a system's name) cuts it
(`sections.cut_before_items`)."""

from __future__ import annotations

import re
from pathlib import Path

from bulletin_etl.layout.document import load
from bulletin_etl.layout.furniture import drop_furniture
from bulletin_etl.layout.line_ends import ends_past, leaves_clause_open, runs_on_mid_clause
from bulletin_etl.layout.lines import TextLine, margins
from bulletin_etl.layout.sections import Paragraph, SectionText, cut_before_items, paragraphs

from .pdfkit import make_pdf, text
from .test_layout_headings import BODY, FULL, LEFT, RIGHT
from .test_layout_lone_column import DEFAULTS, FIRST, SECOND, line

EVENT = re.compile(r"^[一二三四五六七八九十]+、")

CUT = "推动全市医疗卫生机构信息系统互联互通，实现业务协同"  # a closing line with a '，', ending on a character
NEXT = "二、" + FULL[2:]  # the next paragraph's first line, flush left, across the measure
assert len(CUT) < 36 - 2 and len(NEXT) == 36


def _lines(tmp_path: Path, rows: list[str]) -> list[TextLine]:
    """`rows` drawn flush left, one under the other at the body's pitch (a page of a paragraph's
    full lines above them, so that the page shows its margins)."""
    def draw(c) -> None:
        for k, row in enumerate([FULL, FULL, FULL, *rows]):
            text(c, LEFT, 80 + 1.6 * BODY * k, row, BODY)
    doc = load(make_pdf(tmp_path / "flush.pdf", draw))
    return [b for b in drop_furniture(doc.blocks, DEFAULTS) if isinstance(b, TextLine)]


def test_a_closing_line_cut_mid_clause_over_a_flush_paragraph_ends_its_paragraph(tmp_path: Path) -> None:
    """'…互联互通，实现业务协同' (no '。') stops ten characters short; the next line, flush left, runs
    to the margin: two paragraphs, not one running on inside a clause."""
    found = [p.text for p in paragraphs(_lines(tmp_path, ["一、" + FULL[2:], CUT, NEXT, "南京市卫生信息中心。"]), DEFAULTS)]
    assert found == [FULL * 3 + "一、" + FULL[2:] + CUT, NEXT + "南京市卫生信息中心。"]


def test_ends_past() -> None:
    assert ends_past(line(SECOND + "南京市"), line(FIRST), DEFAULTS)  # 20 characters under 13: the measure is wider
    assert not ends_past(line("在全国重点城市中"), line(FIRST), DEFAULTS)  # a paragraph's last line in its column
    assert not ends_past(line(FIRST[:-1] + "发。"), line(FIRST), DEFAULTS)  # as far, its '。' hanging


def test_runs_on_mid_clause_not_over_a_wider_line() -> None:
    margins_ = {1: (LEFT, RIGHT)}
    assert runs_on_mid_clause(line(FIRST), line("在全国重点城市中排名第三。"), margins_, DEFAULTS)
    assert not runs_on_mid_clause(line(FIRST), line(NEXT), margins_, DEFAULTS)


def _items(lines: list[TextLine]) -> list[str]:
    text_ = SectionText(None, list(lines), margins(lines, DEFAULTS), settings=DEFAULTS)
    found, stray = text_.items(EVENT)
    return [p.text for p in stray] + [p.text for p in found]


def test_an_item_after_a_closing_line_filling_the_measure_is_its_own(tmp_path: Path) -> None:
    """'…作用显著。' fills its line (no room to stop short); '二、' under it begins the next event."""
    full_end = FULL[:31] + "作用显著。"
    found = _items(_lines(tmp_path, ["一、" + FULL[2:], full_end, NEXT, "南京市卫生信息中心。"]))
    assert found == [FULL * 3, "一、" + FULL[2:] + full_end, NEXT + "南京市卫生信息中心。"]


def test_an_item_after_a_closing_line_a_character_short_is_its_own(tmp_path: Path) -> None:
    """'…获得四级甲等' (no '。') stops a character short of the margin: too little to end a paragraph."""
    short_end = FULL[:29] + "获得四级甲等"
    found = _items(_lines(tmp_path, ["一、" + FULL[2:], short_end, NEXT]))
    assert found == [FULL * 3, "一、" + FULL[2:] + short_end, NEXT]


def test_cut_before_items_keeps_a_paragraph_without_an_item_start() -> None:
    lines = [line(FULL), line(FULL[:20] + "。"), line("南京市卫生信息中心。")]
    whole = Paragraph("whole", 1, lines)
    assert cut_before_items(whole, EVENT) == [whole]
    parts = cut_before_items(Paragraph("x", 1, [line("一、" + FULL[2:]), line(NEXT)]), EVENT)
    assert [p.text for p in parts] == ["一、" + FULL[2:], NEXT]


def test_an_item_start_after_a_clause_left_open_is_no_cut() -> None:
    """'…覆盖全市一、' / '二、三级医院…': the list of grades goes on over the line end; the line
    that begins like an event ('二、') continues the sentence (`leaves_clause_open`)."""
    opened = line("一、" + FULL[2:-3] + "全市一、")
    whole = Paragraph("whole", 1, [opened, line("二、三级医院" + FULL[6:])])
    assert cut_before_items(whole, EVENT) == [whole]


def test_leaves_clause_open() -> None:
    assert leaves_clause_open(line("覆盖全市一、"))
    assert leaves_clause_open(line("推动互联互通，"))
    assert leaves_clause_open(line("分别为："))
    assert not leaves_clause_open(line("获得四级甲等"))
    assert not leaves_clause_open(line("作用显著。"))
