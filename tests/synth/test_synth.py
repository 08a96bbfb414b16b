"""The synthetic-bulletin generator itself: deterministic, self-consistent, readable PDFs.

The extractor round trip is opt-in (it takes ~1.5 s per bulletin):
    BULLETIN_SYNTH_SEEDS=0-20 BULLETIN_SYNTH_STYLE=grid python -m pytest tests/synth
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from bulletin_etl.schemas import schema

from . import furniture, render_html, typography
from .compare import compare
from .draws import NONE, stream
from .furniture import Furniture
from .model import make_bulletin, truth
from .render_reportlab import STYLES, available_fonts, render, render_info
from .sections import DATASET_KEYS
from .sections.names import is_hospital


def test_same_seed_same_bulletin(tmp_path: Path) -> None:
    assert truth(make_bulletin(5)) == truth(make_bulletin(5))
    assert truth(make_bulletin(5)) != truth(make_bulletin(6))
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render(make_bulletin(5), a, style="grid", font="STSong-Light", seed=5)
    render(make_bulletin(5), b, style="grid", font="STSong-Light", seed=5)
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("seed", range(40))
def test_truth_is_consistent(seed: int) -> None:
    b = make_bulletin(seed)
    t = truth(b)
    assert 2019 <= b.year <= 2030 and b.issue_date.year == b.year + 1
    for dataset, rows in t.items():
        keys = [tuple(r[k] for k in DATASET_KEYS[dataset]) for r in rows]
        assert len(keys) == len(set(keys)), dataset
    assert len(t["events"]) == 10
    totals = {(r["dataset"], r["metric"]): r for r in t["totals"] if r["source"] == "total_row"}
    for dataset in ("physical_exam_reports", "appointments_12320", "internet_hospitals", "online_booking_channels",
                    "platform_collection_districts", "platform_collection_hospitals"):
        for (ds, metric), total in totals.items():
            if ds == dataset:
                parts = [Decimal(str(r[metric])) for r in t[dataset] if r[metric] is not None]
                assert Decimal(str(total["value"])) == sum(parts), (dataset, metric)
    for (ds, metric), total in totals.items():
        if ds == "family_doctor_referrals":
            kind, period = metric.rsplit("_", 1)
            assert total["value"] == sum(r["count"] for r in t[ds] if (r["referral_type"], r["period"]) == (kind, period))
    hotline = {r["metric"]: r["value"] for r in t["hotline_12320"]}
    if hotline:
        six = ("consultations", "medical_complaints", "phone_appointments", "manual_service",
               "psychological_crisis_intervention", "self_service_voice_qa")
        assert hotline["calls_received"] == sum(hotline[m] for m in six)


@pytest.mark.parametrize("seed", range(8))
def test_truth_fits_the_schemas(seed: int) -> None:
    """The truth's datasets are the project's schemas' (sections/datasets.py reads them): every
    dataset becomes its frame by the schema's own conversion (a column it lacks or a value not of
    its type raises), and validates — but for the bulletin row, whose file columns no truth knows."""
    t = truth(make_bulletin(seed, quirks=True))
    for dataset, rows in t.items():
        spec = schema(dataset)
        typed = [{c: dt.date.fromisoformat(v) if spec.type_of(c) == "date" else v for c, v in r.items()} for r in rows]
        frame = spec.frame(typed)
        if spec.role != "bulletin":
            spec.pandera().validate(frame)


def test_is_hospital() -> None:
    assert is_hospital("南京鼓楼医院") and is_hospital("中国医学科学院皮肤病研究所")
    assert is_hospital("南京市江宁医院(湖山路院区)") and is_hospital("南京市第一医院（河西院区）")
    assert not is_hospital("江苏益丰大药房连锁有限公司秦淮区御道街诊所")
    assert not is_hospital("玄武区红山社区卫生服务中心") and not is_hospital("南京江北众允堂中医门诊部")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("font", available_fonts())
def test_pdf_reads_back(tmp_path: Path, style: str, font: str) -> None:
    b = make_bulletin(3)
    pdf = tmp_path / "b.pdf"
    info = render_info(b, pdf, style=style, font=font, seed=3)
    folio = Furniture(**{k: tuple(v) if k == "header" else v for k, v in info["furniture"].items()})
    with pdfplumber.open(pdf) as doc:
        first = doc.pages[0].extract_text()
        assert "编印" in first and b.events.title.replace(" ", "")[:6] in first.replace(" ", "")
        for n, page in enumerate(doc.pages, 1):
            assert folio.folio_text(n, len(doc.pages)).replace(" ", "") in page.extract_text().replace(" ", "")
        text = "".join(p.extract_text() for p in doc.pages).replace(" ", "").replace("\n", "")
    broken = {"".join(t["lines"]): t["lines"] for t in info.get("titles_broken_by_page", [])}
    for section in b.sections:
        # a title broken by the page (page_breaks family) has the page's furniture between its parts
        parts = broken.get(section.title, [section.title])
        assert all(part.replace(" ", "") in text for part in parts)


def _seeds() -> list[int]:
    spec = os.environ.get("BULLETIN_SYNTH_SEEDS", "")
    if not spec:
        return []
    if "-" in spec:
        a, b = spec.split("-")
        return list(range(int(a), int(b)))
    return [int(s) for s in spec.split(",")]


@pytest.mark.skipif(not _seeds(), reason="set BULLETIN_SYNTH_SEEDS (e.g. 0-20) to run the extractor round trip")
@pytest.mark.parametrize("seed", _seeds() or [0])
def test_extractor_round_trip(tmp_path: Path, seed: int) -> None:
    from bulletin_etl.cli import main

    style = os.environ.get("BULLETIN_SYNTH_STYLE", "grid")
    fonts = available_fonts()
    b = make_bulletin(seed)
    pdf = tmp_path / f"bulletin-{seed}.pdf"
    render(b, pdf, style=style, font=fonts[seed % len(fonts)], seed=seed)
    assert main(["extract", str(pdf), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert compare(truth(b), tmp_path / "out", expected_warnings=b.expected_warnings) == []


# ------------------------------------------------------------------------- the draw families

FIXTURE_101 = Path(__file__).resolve().parents[1] / "data" / "synth" / "reportlab-grid-101.pdf"


def test_with_every_family_off_a_seed_draws_what_it_drew_before(tmp_path: Path) -> None:
    """Each family draws from its own stream: switched off, the committed fixture comes back byte for byte."""
    from .sweep import Case
    from .sweep import render as render_cases

    pdf = render_cases([Case(101, "reportlab", "grid", "STSong-Light", draws=NONE)], tmp_path)[101]
    assert pdf.read_bytes() == FIXTURE_101.read_bytes()


def test_every_family_is_drawn() -> None:
    bulletins = [make_bulletin(seed, quirks=True) for seed in range(60)]
    warnings = [w for b in bulletins for w in b.expected_warnings]
    assert any(s.name.startswith("unknown_") for b in bulletins for s in b.sections)
    assert any("header band" in text for _, text in warnings)
    assert any("," in c for b in bulletins for s in b.sections if s.table for r in s.table.rows for c in r.cells)
    assert any(len(c.header) == 3 for b in bulletins for s in b.sections if s.table for c in s.table.columns)
    pairs = [(a, z) for b in bulletins for a, z in zip(truth(b)["evaluation_ratings"], truth(b)["evaluation_ratings"][1:])]
    assert any({a["source_quirk"], z["source_quirk"]} == {"run_together", "suspected_typo"} for a, z in pairs)
    typos = [typography.draw(stream("typography", s), "uming", ["uming", "wqy-zenhei"], 12.0, 20.0, 16.0)
             for s in range(200)]
    assert {t.kind for t in typos} == {"classic", "gongwen", "mixed"}
    assert {t.heading.weight for t in typos} == {"regular", "stroke"}
    ratios = [t.heading.size / t.body for t in typos]
    assert min(ratios) <= 0.9 and max(ratios) >= 1.3 and any(r == 1.0 for r in ratios)
    assert any(t.caption.size < t.body for t in typos) and any(t.masthead > t.body for t in typos)
    assert any(t.kind == "gongwen" and t.heading.size == t.body == 16 and t.heading.font == "wqy-zenhei" for t in typos)
    furn = [furniture.draw(stream("furniture", s), 2027, "南京市卫生信息中心") for s in range(200)]
    assert {f.folio for f in furn} == set(furniture.FOLIOS)
    assert any(f.header and f.header_rule for f in furn)


def test_landscape_and_notes_at_the_page_foot_are_drawn(tmp_path: Path) -> None:
    infos = [render_info(make_bulletin(seed), tmp_path / f"{seed}.pdf", style="grid", font="STSong-Light", seed=seed)
             for seed in range(40, 52)]
    assert any(i["landscape_pages"] for i in infos)
    assert any(n["spill"] for i in infos for n in i.get("notes_at_foot", []))
    with pdfplumber.open(tmp_path / "40.pdf") as doc:
        assert any(p.width > p.height for p in doc.pages) == bool(infos[0]["landscape_pages"])


@pytest.mark.skipif(render_html.chromium() is None or not render_html.available_fonts(),
                    reason="Chromium (Debian package chromium) or the CJK fonts (fonts-noto-cjk, fonts-wqy-zenhei) missing")
def test_chromium_paints_rules_as_rectangles(tmp_path: Path) -> None:
    b = make_bulletin(3)
    render_html.build(b, tmp_path / "b.html", style="grid", font=render_html.available_fonts()[0], seed=3)
    (pdf,) = render_html.convert([tmp_path / "b.html"], tmp_path)
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) > 3
        assert sum(len(p.rects) for p in doc.pages) > 50 and sum(len(p.lines) for p in doc.pages) == 0
        assert "编印" in doc.pages[0].extract_text()


NEW_FAMILIES = frozenset({"masthead", "wraps", "page_breaks"})


@pytest.mark.parametrize("seed", range(20))
def test_typesetting_families_leave_the_truth_alone(seed: int) -> None:
    """The masthead, wraps and page_breaks families change where lines break, never what is printed."""
    from .draws import ALL

    with_them, without = make_bulletin(seed, draws=ALL), make_bulletin(seed, draws=ALL - NEW_FAMILIES)
    assert truth(with_them) == truth(without)
    assert with_them.expected_warnings == without.expected_warnings


def test_masthead_wraps_and_page_breaks_are_drawn(tmp_path: Path) -> None:
    seeds = range(1, 21)
    infos = {seed: render_info(make_bulletin(seed), tmp_path / f"{seed}.pdf", style=STYLES[seed % 3],
                               font="STSong-Light", seed=seed) for seed in seeds}
    for key in ("masthead_name", "masthead_wrap", "wrapped_titles", "titles_broken_by_page", "stats_at_foot",
                "prose_at_foot", "cut_before_group", "remerged_headers", "orphan_titles"):
        assert any(info.get(key) for info in infos.values()), key
    assert any(info["split_rows"] for seed, info in infos.items() if STYLES[seed % 3] != "grid")
    # where they were drawn, they are on the page as drawn
    for seed, info in infos.items():
        with pdfplumber.open(tmp_path / f"{seed}.pdf") as doc:
            pages = [p.extract_text().replace(" ", "") for p in doc.pages]
        if info.get("masthead_name"):
            assert all(line.replace(" ", "") in pages[0].split("编印")[0] for line in info["masthead_name"]["lines"])
        if info.get("masthead_wrap"):
            first, rest = info["masthead_wrap"]["lines"]
            lines = pages[0].splitlines()
            k = next(i for i, ln in enumerate(lines) if first.replace(" ", "") in ln)
            assert lines[k + 1] == rest.replace(" ", "")
        for broken in info.get("titles_broken_by_page", []):
            n, (a, b) = broken["page"], broken["lines"]
            assert a.replace(" ", "") in pages[n - 1] and b.replace(" ", "") in pages[n]
            assert (a + b).replace(" ", "") not in "".join(pages).replace("\n", "")


def test_thousands_separators_reach_every_table_style(tmp_path: Path) -> None:
    """The thousands family prints its figures in the model, so every producer and style gets them;
    check the unruled styles, where a ',' could pass for a sentence mark."""
    import re

    seed = next(s for s in range(200) if any("," in c for sec in make_bulletin(s).sections if sec.table
                                              for r in sec.table.rows for c in r.cells))
    for style in STYLES:
        pdf = tmp_path / f"{style}.pdf"
        render(make_bulletin(seed), pdf, style=style, font="STSong-Light", seed=seed)
        with pdfplumber.open(pdf) as doc:
            assert any(re.search(r"\d,\d{3}", p.extract_text()) for p in doc.pages), style


def test_html_and_docx_draw_the_masthead_and_wraps_families(tmp_path: Path) -> None:
    """Built, not printed (no Chromium or LibreOffice needed): the name above the masthead, the
    wrapping masthead and the narrow title boxes reach the other two producers too; with the
    families off their documents are as before."""
    from docx import Document

    from . import render_docx
    from .draws import ALL

    drawn: dict[str, int] = {}
    for seed in range(1, 31):
        info = render_html.build(make_bulletin(seed), tmp_path / "b.html", style="grid", font="uming", seed=seed)
        for key in ("masthead_name", "masthead_wrap", "narrow_titles"):
            drawn[key] = drawn.get(key, 0) + bool(info.get(key))
    assert all(drawn.values()), drawn
    b = make_bulletin(7, draws=ALL - NEW_FAMILIES)
    render_html.build(b, tmp_path / "a.html", style="grid", font="uming", seed=7)
    assert '<div class="mast"><span>' in (tmp_path / "a.html").read_text(encoding="utf-8")
    for seed in (1, 3):  # the masthead stream draws a name for seed 1, none for seed 3
        b = make_bulletin(seed)
        render_docx.build(b, tmp_path / "b.docx", style="grid", font="uming", seed=seed)
        first = [p.text for p in Document(str(tmp_path / "b.docx")).paragraphs[:4]]
        name = furniture.masthead(stream("masthead", seed), b.year).name
        assert first[:len(name)] == list(name) and "编印" in first[len(name)]
    assert furniture.masthead(stream("masthead", 1), 2021).name and not furniture.masthead(stream("masthead", 3), 2021).name


@pytest.mark.parametrize("seed", range(30000, 30020))
def test_spacing_family_leaves_the_truth_alone(seed: int) -> None:
    """Letter-spaced header labels and 合计 change how a label is set, never what the table says."""
    from .draws import ALL

    with_it, without = make_bulletin(seed, draws=ALL), make_bulletin(seed, draws=ALL - {"spacing"})
    assert truth(with_it) == truth(without)
    assert with_it.expected_warnings == without.expected_warnings
    for a, b in zip(with_it.sections, without.sections):
        if a.table is not None:
            assert [tuple(h.replace(" ", "") for h in c.header) for c in a.table.columns] == \
                   [tuple(h.replace(" ", "") for h in c.header) for c in b.table.columns]
            assert [[c.replace(" ", "") for c in r.cells] for r in a.table.rows] == \
                   [[c.replace(" ", "") for c in r.cells] for r in b.table.rows]


def test_spacing_family_is_drawn(tmp_path: Path) -> None:
    """Some bulletins set short header labels and 合计 letter-spaced, with one space or two; html
    prints two spaces as two (HTML would collapse them)."""
    import re

    spaced = re.compile(r"^[\u4e00-\u9fff]( {1,2}[\u4e00-\u9fff])+$")
    bulletins = [make_bulletin(seed) for seed in range(30000, 30040)]
    headers = [h for b in bulletins for s in b.sections if s.table for c in s.table.columns for h in c.header
               if spaced.match(h)]
    totals = [r.cells for b in bulletins for s in b.sections if s.table for r in s.table.rows
              if r.kind in ("total", "span") and any(re.match(r"合 {1,2}计", c) for c in r.cells)]
    assert 0.15 * len(bulletins) <= sum(any(spaced.match(h) for s in b.sections if s.table for c in s.table.columns
                                            for h in c.header) for b in bulletins) <= 0.5 * len(bulletins)
    assert any("  " in h for h in headers) and any("  " not in h for h in headers)
    assert {"序 号", "单 位"} & set(headers) and totals
    seed = next(b.seed for b in bulletins if any("  " in h for s in b.sections if s.table for c in s.table.columns
                                                  for h in c.header))
    render_html.build(make_bulletin(seed), tmp_path / "b.html", style="grid", font="uming", seed=seed)
    assert '<span style="white-space: pre-wrap">' in (tmp_path / "b.html").read_text(encoding="utf-8")


def _without_printing(rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Truth rows less what records printed text (totals' printed, events' title and body) and the
    institutions the units family may rename."""
    printing = {"printed", "title", "body", "institution"}
    return {name: [{k: v for k, v in row.items() if k not in printing} for row in table] for name, table in rows.items()}


@pytest.mark.parametrize("seed", range(1, 21))
def test_units_family_changes_how_figures_print_not_what_they_are(seed: int) -> None:
    """'38682.77万', '３，０６６，１５１' and full-width prose figures mean the numbers the truth holds;
    a 合计's printed text reads back as its value, and events' bodies differ only in digit width."""
    import unicodedata

    from bulletin_etl.text import parse_number

    from .draws import ALL

    with_it, without = make_bulletin(seed, draws=ALL), make_bulletin(seed, draws=ALL - {"units"})
    drawn, plain = truth(with_it), truth(without)
    assert _without_printing(drawn) == _without_printing(plain)
    assert with_it.expected_warnings == without.expected_warnings
    for rec in drawn["totals"]:
        assert parse_number(rec["printed"]) == Decimal(str(rec["value"])) or rec["source"] == "note", rec
    for a, b in zip(drawn["events"], plain["events"]):
        assert unicodedata.normalize("NFKC", a["body"]) == unicodedata.normalize("NFKC", b["body"])


def test_units_family_is_drawn() -> None:
    """Over forty bulletins: cells with 万 and 亿, full-width cells, prose in full-width digits and
    the hotline in 万, and institutions named with 万 (no unit); over eighty more, narrow unit columns."""
    import re

    from .sections.units import WAN_NAMES

    bulletins = [make_bulletin(seed) for seed in range(1, 41)]
    cells = [c for b in bulletins for s in b.sections if s.table for r in s.table.rows for c in r.cells]
    prose = [p for b in bulletins for s in [b.events, *b.sections] for p in s.paragraphs]
    assert any(re.fullmatch(r"\d+(\.\d+)?万", c) for c in cells)
    assert any(re.fullmatch(r"\d+(\.\d+)?亿", c) for c in cells)
    assert any(re.search(r"[０-９]", c) for c in cells)
    assert any(re.search(r"[０-９]", p) for p in prose) and any(re.search(r"\d万[个通件]", p) for p in prose)
    more = [make_bulletin(seed) for seed in range(41, 121)]  # narrow columns are rarer: under a short header only
    assert any(c.narrow for b in more for s in b.sections if s.table for c in s.table.columns)
    assert set(WAN_NAMES) & set(cells)
