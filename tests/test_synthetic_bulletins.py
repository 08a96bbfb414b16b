"""Property tests: bulletins of other years, drawn by two independent producers, extracted and
compared cell by cell with the content they were drawn from. Every bulletin has one printed 合计
misprinted on purpose: the consistency dataset must report it, and nothing it was not told of.

Each run draws a fresh base seed (printed in the pytest header; set BULLETIN_SYNTH_BASE to
replay a run, BULLETIN_SYNTH_COUNT to change how many bulletins per producer). A failing case's
test id names its seed, style and font, and its message the command that replays it alone. The producers:
  - reportlab: the tests draw every rule and glyph themselves;
  - docx: python-docx writes a Word document that LibreOffice headless turns into PDF, as the
    real bulletin was made (skipped, loudly, where LibreOffice or the CJK fonts are missing).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .synth import render_docx
from .synth.model import truth
from .synth.sweep import Case, bulletin, check, plan, render

from .conftest import SYNTH_BASE, SYNTH_COUNT

FIXTURES = Path(__file__).parent / "data" / "synth"

SEEDS = list(range(SYNTH_BASE, SYNTH_BASE + SYNTH_COUNT))
CASES = {producer: plan(SEEDS, producer) for producer in ("reportlab", "docx")}


def _ids(cases: list[Case]) -> list[str]:
    return [f"seed{c.seed}-{c.style}-{c.font}{'-quirks' if c.quirks else ''}" for c in cases]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[int, Path]]]:
    """Every bulletin of the run, rendered once (LibreOffice converts all documents in one go)."""
    out = {}
    for producer, cases in CASES.items():
        if producer == "docx" and (render_docx.soffice() is None or not render_docx.available_fonts()):
            continue
        folder = tmp_path_factory.mktemp(producer)
        out[producer] = (folder, render(cases, folder))
    return out


def _run(rendered, producer: str, index: int) -> None:
    if producer not in rendered:
        pytest.skip("LibreOffice (soffice) or the Debian CJK fonts fonts-wqy-zenhei / fonts-arphic-uming "
                    "are not installed; .ci/run installs them")
    folder, pdfs = rendered[producer]
    case = CASES[producer][index]
    check(case, pdfs[case.seed], folder)
    assert case.problems == [], f"replay: {case.replay}"


@pytest.mark.parametrize("index", range(SYNTH_COUNT), ids=_ids(CASES["reportlab"]))
def test_reportlab_bulletin_extracts_exactly(rendered, index: int) -> None:
    _run(rendered, "reportlab", index)


@pytest.mark.parametrize("index", range(SYNTH_COUNT), ids=_ids(CASES["docx"]))
def test_docx_bulletin_extracts_exactly(rendered, index: int) -> None:
    _run(rendered, "docx", index)


def test_the_run_covers_every_style_and_font() -> None:
    for producer, cases in CASES.items():
        assert {c.style for c in cases} == {"grid", "no_inner_verticals", "three_line"}, producer
    assert len({c.font for c in CASES["reportlab"]}) >= 2 or SYNTH_COUNT < 6


# ----------------------------------------------------------------------------- fixed regressions

FIXED = sorted(FIXTURES.glob("*.pdf"))


@pytest.mark.parametrize("pdf", FIXED, ids=[p.stem for p in FIXED])
def test_regression_fixture(pdf: Path, tmp_path: Path) -> None:
    """Committed PDFs from earlier runs (each with the seed it was drawn from): the bytes stay
    the same whatever the generator or LibreOffice become."""
    meta = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    # drawn before the draw families existed when the file names none (tests/synth/draws.py)
    case = Case(meta["seed"], meta["producer"], meta["style"], meta["font"], meta["quirks"],
                draws=frozenset(meta.get("draws", ())))
    drawn = json.loads(json.dumps(truth(bulletin(case)[0]), ensure_ascii=False, default=str))
    assert drawn == json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8")), \
        "the generator changed: regenerate the fixtures with tests/synth/fixtures.py"
    check(case, pdf, tmp_path)
    assert case.problems == []
