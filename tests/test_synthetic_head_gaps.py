"""Synthetic bulletins of the head_gaps draw family (tests/synth/head_gaps.py) through the producers
that draw it (html, WeasyPrint): header labels 2–3 pt apart where one ends in Chinese and the next
begins with a digit stay two labels (layout/tables/columns.py `sets_no_autospace`); the
counter-case, a quarter em of autospace inside a label after its year, keeps the label whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from .synth import head_gaps
from .synth.draws import ALL, drawn_through, stream
from .synth.model import make_bulletin
from .synth.sweep import Case, cannot_render, replay

CASES = [
    # producer, seed, what the family draws for it
    ("weasyprint", 35, "labels padded 1.1 pt: '2027年报告数' | '2027年数据条' 2.4 pt apart, wrapped"),
    ("weasyprint", 72, "labels padded 1.1 pt, the year followed by a printed space ('2020 年报告数量')"),
    ("weasyprint", 62, "counter-case: '2028年报告数量' with a quarter em after the year"),
    ("html", 58, "labels padded 1.3 pt: '2028年报告数量' | '2028年数据条数'"),
    ("html", 60, "counter-case: '2023年报告数量' with a quarter em after the year"),
]


def test_the_family_draws_these_cases() -> None:
    drawn = {seed: head_gaps.draw(stream("head_gaps", seed), False) for _, seed, _ in CASES}
    assert {seed: d.tight_pt if d else None for seed, d in drawn.items()} == {35: 1.1, 72: 1.1, 62: None, 58: 1.3,
                                                                              60: None}
    assert [drawn[seed].autospace_em for seed in (62, 60)] == [0.25, 0.25]  # type: ignore[union-attr]
    heads = {seed: [c.text for c in make_bulletin(seed, draws=ALL).section("physical_exam_reports").table.header_cells()]
             for _, seed, _ in CASES}
    assert heads[35][2:4] == ["2027年报告数量", "2027年数据条数"]
    assert heads[72][2:4] == ["2020 年报告数量", "2020 年数据条数"]
    assert heads[62][2] == "2028年报告数量" and heads[60][2] == "2023年报告数量"
    assert head_gaps.draw(stream("head_gaps", 720007), False) is None  # the pinned replay draws none


def test_the_family_prints_close_labels_or_autospace() -> None:
    tight, spaced = head_gaps.HeadGaps(1.1, None), head_gaps.HeadGaps(None, 0.25)
    assert head_gaps.css(tight, 3.0) == "th { padding-left: 1.1pt; padding-right: 1.1pt; }"
    assert head_gaps.css(spaced, 1.5) == "th { padding-left: 2.5pt; padding-right: 2.5pt; }"
    assert head_gaps.css(None, 1.5) == ""
    assert head_gaps.label("2028年报告数量", tight) == "2028年报告数量"
    assert head_gaps.label("2028年报告数量", spaced) == '202<span style="letter-spacing: 0.25em">8</span>年报告数量'
    assert head_gaps.label("2028 年报告数量", spaced) == "2028 年报告数量"


@pytest.mark.parametrize(("producer", "seed", "drawn"), CASES, ids=[f"{p}-{s}" for p, s, _ in CASES])
def test_head_gaps_family_through_each_producer(producer: str, seed: int, drawn: str, tmp_path: Path) -> None:
    reason = cannot_render(producer, "noto-sans")
    if reason:
        pytest.skip(reason)
    # the families these were checked with: carried_rests, added since, pads a table of seeds 58, 62 and 72
    case = Case(seed, producer, "no_inner_verticals", "noto-sans", draws=drawn_through("ragged_columns"))
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"
