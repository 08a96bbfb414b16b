"""Synthetic bulletins (two_columns draw family) whose next section's title is set under unbalanced
page columns at their pitch (issue 17): Typst ends the columns' last page in a short right column,
and the title a line's pitch under the left column's last line was read as one more line of it —
the right column's events then fell under the title's section (`page_columns.is_title_under_columns`).
Extracted exactly through the producer that drew them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .synth.draws import ALL, pinned_draws
from .synth.sweep import Case, cannot_render, replay

TITLE_UNDER_COLUMNS = [
    # seed, producer, style, font, quirks, draws: what the columns hold that was read wrong
    # '统计数据' a pitch under '享调阅。' (event 9's end, left column); event 10 in the right column was lost
    (720294, "typst", "no_inner_verticals", "uming", False, pinned_draws(720294)),
    # the two_columns-titles stream: the last event moved on by a column break, '统计数据' a pitch under the
    # left column's paragraph end, the right column shorter
    (763030, "typst", "no_inner_verticals", "noto-sans", False, ALL),
    # the same stream: the right column taller (event 10 alone), '统计数据' a pitch under its last line, left
    # of the gutter alone — the left column had ended above (`left_column_ended_above`)
    (763052, "typst", "no_inner_verticals", "noto-serif", False, ALL),
]


@pytest.mark.parametrize("seed, producer, style, font, quirks, draws", TITLE_UNDER_COLUMNS,
                         ids=[str(case[0]) for case in TITLE_UNDER_COLUMNS])
def test_a_title_under_unbalanced_columns_extracts_exactly(seed: int, producer: str, style: str, font: str,
                                                            quirks: bool, draws: frozenset[str], tmp_path: Path) -> None:
    reason = cannot_render(producer, font)
    if reason:
        pytest.skip(reason)
    case = Case(seed, producer, style, font, quirks=quirks, draws=draws)
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"

