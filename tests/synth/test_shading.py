"""The shading draw family (shading.py): drawn as described, painted by every producer, the truth
unchanged, and shaded bulletins extracted exactly (fills are backgrounds, not rules)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pdfplumber
import pytest

from bulletin_etl.layout import graphics
from bulletin_etl.layout.settings import LayoutSettings

from . import render_docx, render_html, render_reportlab
from .draws import PINNED, forced
from .model import make_bulletin, truth
from .sweep import Case, check, fonts, missing_tool, render


@pytest.mark.parametrize("seed", range(20))
def test_shading_leaves_the_truth_alone(seed: int) -> None:
    with_it, without = make_bulletin(seed, draws=PINNED), make_bulletin(seed, draws=PINNED - {"shading"})
    assert truth(with_it) == truth(without)
    assert with_it.expected_warnings == without.expected_warnings


def _shadings(seeds: range) -> list[list]:
    """The shading family's own fills (the dark_fills and dark_zebra families, which darken some, off)."""
    return [[s.table.shading for s in make_bulletin(seed, draws=PINNED - {"dark_fills", "dark_zebra"}).sections
             if s.table and s.table.shading]
            for seed in seeds]


def test_shading_is_drawn_in_every_pattern() -> None:
    per_bulletin = _shadings(range(60))
    assert 0.2 * 60 <= sum(bool(s) for s in per_bulletin) <= 0.5 * 60
    every = [s for bulletin in per_bulletin for s in bulletin]
    assert any(s.header is not None for s in every) and any(s.rows for s in every) and any(s.cells for s in every)
    assert {s.backdrop for s in every} >= {None, 1.0}
    assert any(s.stroked for s in every) and not all(s.stroked for s in every)
    greys = [g for s in every for g in [s.header, *s.rows.values(), *s.cells.values()] if g is not None]
    assert min(greys) >= 0.6 and max(greys) <= 0.95  # never darker than mid grey: black text stays readable


def test_a_forced_family_shades_every_bulletin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "shading")
    assert forced("shading") and not forced("spacing")
    assert all(_shadings(range(10)))


def _shaded(monkeypatch: pytest.MonkeyPatch, seed: int):
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "shading")
    return make_bulletin(seed)


def test_reportlab_paints_backgrounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    render_reportlab.render(_shaded(monkeypatch, 3), tmp_path / "b.pdf", style="three_line", font="STSong-Light", seed=3)
    with pdfplumber.open(tmp_path / "b.pdf") as doc:
        assert sum(len(graphics.backgrounds(p, LayoutSettings())) for p in doc.pages) > 10


def test_docx_shades_the_cells_themselves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = render_docx.build(_shaded(monkeypatch, 3), tmp_path / "b.docx", style="three_line", font="uming", seed=3)
    with zipfile.ZipFile(path) as z:
        assert z.read("word/document.xml").count(b"<w:shd ") > 10


def test_docx_shades_the_same_cells_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bulletin built again in the same run shades the same cells (a merged cell once): cells were told
    apart by id() of lxml proxies freed in between, and a later cell taken for one already shaded
    went unshaded in some runs — a sweep's docx failure then printed otherwise when replayed."""
    b = _shaded(monkeypatch, 1)
    built = []
    for k in range(3):
        path = render_docx.build(b, tmp_path / f"b{k}.docx", style="grid", font="uming", seed=1)
        with zipfile.ZipFile(path) as z:
            built.append(z.read("word/document.xml"))
    assert built[1] == built[0] and built[2] == built[0]


def test_html_prints_css_backgrounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    render_html.build(_shaded(monkeypatch, 3), tmp_path / "b.html", style="three_line", font="uming", seed=3)
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert html.count("background: #") > 10 and "print-color-adjust: exact" in html


ROUND_TRIPS = [  # (producer, seed, style): each lost rows while fills were read as rules
    ("reportlab", 2, "no_inner_verticals"), ("reportlab", 3, "three_line"),
    ("html", 3, "three_line"), ("docx", 6, "three_line"),
]


@pytest.mark.parametrize(("producer", "seed", "style"), ROUND_TRIPS)
def test_shaded_bulletin_extracts_exactly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, producer: str, seed: int,
                                          style: str) -> None:
    if missing_tool(producer):
        pytest.skip(missing_tool(producer))
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "shading")
    case = Case(seed, producer, style, fonts(producer)[0], draws=PINNED)
    pdf = render([case], tmp_path)[seed]
    assert check(case, pdf, tmp_path).problems == []
