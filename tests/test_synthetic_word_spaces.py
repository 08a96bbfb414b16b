"""Synthetic bulletins of the word_spaces draw family (tests/synth/draws.py): a line of the events
across the page holding a lone figure between two word spaces ('…接入 15 家…'), justified by those
spaces alone, each stretched over an em — wider than a page gutter — as WeasyPrint justifies
Chinese text (weasyprint 790024, pinned in test_synthetic_two_columns.py, where the paragraph's
short last line under such a line made a short column pair of it). The counter-case of a space
ending a left column's line (`page_columns.ends_left_line`): the space after the figure follows
it as far as the space before did, inside the line (`glyph_spacing`, `parted_by_word_space`).
Reportlab draws it; the other producers set the events as before."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from .synth.draws import ALL, drawn_through
from .synth.model import make_bulletin, truth
from .synth.render_reportlab import render_info
from .synth.sweep import Case, bulletin, cannot_render, replay

CASES = [
    # seed, style, font, the line drawn justified by its spaces, each gap (glyph to glyph, in ems)
    (11, "three_line", "STSong-Light", "服务。组织开展数据安全专项检查，覆盖全市 44 家二级以上医疗机构。", 2.11),
    (10, "grid", "STSong-Light", "入 15 家医院体检中心，实现个人健康画像描绘、健康趋势分析、", 1.22),
    (3, "no_inner_verticals", "STSong-Light", "市 92 家二级以上医疗机构。互联网医院服务门户上线运行，市民可通过健", 1.37),
]


def test_the_family_draws_these_cases(monkeypatch: pytest.MonkeyPatch) -> None:
    """About two in five of the bulletins whose events, across the page, hold a lone figure; one or
    two glyphs moved on; never events set in columns; all of them when forced."""
    drawn = {seed: make_bulletin(seed, draws=ALL).events.word_spaced for seed in range(1, 81)}
    assert [seed for seed, k in drawn.items() if k][:8] == [3, 6, 7, 10, 11, 22, 23, 27]
    assert sum(bool(k) for k in drawn.values()) == 19 and set(drawn.values()) == {0, 1, 2}
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "word_spaces")
    bulletins = [make_bulletin(seed, draws=ALL) for seed in range(1, 41)]
    assert all(bool(b.events.word_spaced) == (b.events.columns is None) for b in bulletins)


@pytest.mark.parametrize("seed", range(12))
def test_the_family_leaves_the_truth_alone(seed: int) -> None:
    with_it, without = make_bulletin(seed, draws=ALL), make_bulletin(seed, draws=ALL - {"word_spaces"})
    assert truth(with_it) == truth(without)
    assert with_it.events.paragraphs == without.events.paragraphs


@pytest.mark.parametrize("seed, style, font, line, gap_em", CASES)
def test_word_spaced_lines_extract_exactly(seed: int, style: str, font: str, line: str, gap_em: float,
                                           tmp_path: Path) -> None:
    """The line reportlab justifies by its spaces, printed with them (each in the middle of its gap,
    the gaps alike and over an em), then the bulletin extracted exactly."""
    reason = cannot_render("reportlab", font)
    if reason:
        pytest.skip(reason)
    # the families these were checked with: carried_rests, added since, pads a table of seed 3
    case = Case(seed, "reportlab", style, font, draws=drawn_through("ragged_columns"))
    info = render_info(bulletin(case)[0], tmp_path / "b.pdf", style=style, font=font, seed=seed)
    assert info["word_spaced"] == line
    with pdfplumber.open(tmp_path / "b.pdf") as pdf:
        printed = next((page, ln) for page in pdf.pages for ln in page.extract_text_lines()
                       if ln["text"].replace(" ", "") == line.replace(" ", ""))
        chars = [c for c in printed[0].chars if printed[1]["top"] - 1 < c["top"] < printed[1]["bottom"] - 1]
    glyphs = [c for c in chars if not c["text"].isspace()]
    gaps = [(a["x1"], b["x0"]) for a, b in zip(glyphs, glyphs[1:]) if b["x0"] - a["x1"] > 1.0]
    assert [round((end - start) / glyphs[0]["size"], 2) for start, end in gaps] == [gap_em, gap_em]
    spaces = [c for c in chars if c["text"] == " "]
    assert [round((c["x0"] + c["x1"]) / 2 - (start + end) / 2, 1) for c, (start, end) in zip(spaces, gaps)] == [0.0, 0.0]
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"
