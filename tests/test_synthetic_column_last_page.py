"""Synthetic bulletins once misread on two-column prose in Typst (issue 17, classes A1 and A3),
pinned whole: each must extract exactly (layout/page_columns.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .synth.sweep import Case, cannot_render, replay

BROKEN_BEFORE = [
    # seed, producer, style, font, quirks: what was read wrong
    # the columns' last page: the events' long left column (headings, short last lines) beside a
    # right column of one line, read across the page (`goes_on_carried_column`)
    (720039, "typst", "grid", "noto-serif", False),
    (720058, "typst", "three_line", "noto-sans", False),
    # a single-column page: a '。' set mid-line where the folio's two parts leave a gutter probe,
    # its box running up to the next glyph, read as a short pair's gutter (`side_point`)
    (720083, "typst", "grid", "uming", False),
]


@pytest.mark.parametrize("seed, producer, style, font, quirks", BROKEN_BEFORE)
def test_typst_column_bulletins_once_misread(seed: int, producer: str, style: str, font: str, quirks: bool,
                                            tmp_path: Path) -> None:
    reason = cannot_render(producer, font)
    if reason:
        pytest.skip(reason)
    case = Case(seed, producer, style, font, quirks=quirks)
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"
