"""Synthetic bulletins of the landscape_captions draw family (tests/synth/furniture.py
`landscape_captions`): every table of four columns or more on a landscape page, so that more pages
are landscape than portrait and several captions centred on landscape pages end together past the
portrait pages' margin. The portrait pages keep the margins of their own prose
(layout/lines.py `margins` by page width); weasyprint 55 lost a heading when the usual width was
counted by pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from .synth import furniture
from .synth.draws import ALL, stream
from .synth.sweep import Case, cannot_render, replay

CASES = [
    # producer, seed, style, font
    ("weasyprint", 55, "three_line", "wqy-zenhei"),
    ("weasyprint", 7, "grid", "wqy-zenhei"),
    ("typst", 55, "three_line", "wqy-zenhei"),
]


def test_the_family_draws_these_cases() -> None:
    for _, seed, _, _ in CASES:
        assert furniture.landscape(stream("landscape", seed)) is not None
        assert furniture.landscape_captions(stream("landscape_captions", seed), 8, False) == 4
    assert furniture.landscape_captions(stream("landscape_captions", 720007), 8, False) == 8  # the pinned replay's
    assert furniture.landscape_captions(stream("landscape_captions", 7), None, True) is None  # no landscape pages


@pytest.mark.parametrize(("producer", "seed", "style", "font"), CASES, ids=[f"{p}-{s}" for p, s, _, _ in CASES])
def test_landscape_captions_family_through_each_producer(producer: str, seed: int, style: str, font: str,
                                                         tmp_path: Path) -> None:
    reason = cannot_render(producer, font)
    if reason:
        pytest.skip(reason)
    assert replay(Case(seed, producer, style, font, draws=ALL), tmp_path) == []
