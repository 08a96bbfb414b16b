"""The layout trace (layout/trace.py): what each stage found, recorded on the code path `extract`
runs, for `inspect --stages` to draw. A 三线表 drawn continued over a page break without its
closing rule, and the 2024 bulletin's page 9 (three ruled tables), show what the stages record;
extract reads the same with a trace active."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bulletin_etl.layout import document, trace
from bulletin_etl.layout.sections import cut
from bulletin_etl.layout.trace import Box, HLine, Trace
from bulletin_etl.pipeline import extract, recognise
from bulletin_etl.sections import TITLE_PATTERNS
from bulletin_etl.sections.base import Context

from .conftest import BULLETIN_2024
from .pdfkit import make_pdf
from .test_layout_continued import LEFT, PITCH, RIGHT, ROWS, folio, header, row, rule

SYNTH = Path(__file__).parent / "data" / "synth"
MORE_ROWS = [("13", "南京市第一医院", ["8,000", "100", "8,100"]), ("14", "南京市儿童医院", ["7,000", "50", "7,050"])]


def broken_page(c) -> None:
    """A 三线表 the page break cuts: its top rule, header and header rule, four rows, no rule under them."""
    below = header(c, 68)
    for k, (seq, name, figures) in enumerate(ROWS):
        row(c, below + 2 + k * PITCH, seq, name, figures)
    folio(c, "- 5 -")


def continued_page(c) -> None:
    """The table goes on under its repeated header and ends with its bottom rule."""
    below = header(c, 68)
    for k, (seq, name, figures) in enumerate(MORE_ROWS):
        row(c, below + 2 + k * PITCH, seq, name, figures)
    rule(c, below + 2 + len(MORE_ROWS) * PITCH, 1.5)
    folio(c, "- 6 -")


def broken_table_pdf(folder: Path) -> Path:
    return make_pdf(folder / "broken-three-line.pdf", broken_page, continued_page)


def read_traced(pdf: Path) -> Trace:
    """The PDF read as extract reads it, up to its sections recognised, with a trace active."""
    with trace.tracing() as found:
        doc = document.load(pdf)
        recognise(cut(doc, TITLE_PATTERNS)[1:], Context(file=doc.path, year=0))
    return found


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Trace:
    return read_traced(broken_table_pdf(tmp_path_factory.mktemp("trace")))


@pytest.fixture(scope="module")
def page9() -> Trace:
    return read_traced(BULLETIN_2024)


def test_nothing_is_recorded_without_an_active_trace() -> None:
    built: list[int] = []

    def shapes():
        built.append(1)
        yield HLine(10, 0, 100)

    trace.record("rules", shapes(), page=1)
    assert built == [] and not trace.active()  # the shapes were never built


def test_a_trace_records_what_is_recorded_inside_it_only() -> None:
    with trace.tracing() as outer:
        trace.at_page(3)
        trace.record("rules", [HLine(10, 0, 100)])  # on the page at hand
        with trace.tracing() as inner:
            trace.record("regions", [Box(0, 10, 100, 50)], page=4)
        trace.record("regions", [Box(0, 60, 100, 90)], page=4)
    trace.record("rules", [HLine(20, 0, 100)], page=3)
    assert outer.shapes("rules", 3) == [HLine(10, 0, 100)]
    assert outer.shapes("regions", 4) == [Box(0, 60, 100, 90)]
    assert inner.shapes("regions", 4) == [Box(0, 10, 100, 50)] and inner.shapes("rules", 3) == []


def test_the_rules_and_region_of_a_three_line_table_broken_by_the_page(broken: Trace) -> None:
    """Two rules on the first page (top and under the header): one run, closed by a rule of our
    own under the last row; the continued page has its own bottom rule."""
    assert broken.shapes("rules", 1) == [HLine(68, LEFT, RIGHT), HLine(92, LEFT, RIGHT)]
    assert [run.label for run in broken.shapes("rule runs", 1)] == ["2 rules"]
    [closing] = broken.shapes("closing rules", 1)
    last_row = broken.shapes("body rows", 1)[-1]
    assert last_row.bottom < closing.y <= last_row.bottom + 1 and (closing.x0, closing.x1) == (LEFT, RIGHT)
    assert broken.shapes("regions", 1) == [Box(LEFT, 68, RIGHT, closing.y, "unruled, 3 rules")]
    assert [r.y for r in broken.shapes("rules", 2)] == pytest.approx([68, 92, 92 + 2 + 2 * PITCH])
    assert broken.shapes("closing rules", 2) == []
    assert [region.label for region in broken.shapes("regions", 2)] == ["unruled, 3 rules"]


@pytest.mark.parametrize("page", [1, 2])
def test_the_columns_of_a_three_line_table_broken_by_the_page(broken: Trace, page: int) -> None:
    """Five columns, each edge in the gap between its neighbours' text: 序号 (to x 114) | names
    (128–223) | figures ending at 300 | at 400 (header from 360) | at 500 (figures from 471)."""
    edges = [line.x for line in broken.shapes("columns", page)]
    assert len(edges) == 6 and (edges[0], edges[-1]) == (LEFT, RIGHT)
    gaps = [(114, 128), (223, 255), (300, 360), (400, 471)]
    assert all(a < x < b for x, (a, b) in zip(edges[1:-1], gaps)), edges
    gutters = broken.shapes("gutters", page)
    assert len(gutters) == 4 and all(a.x1 <= b.x0 for a, b in zip(gutters, gutters[1:]))


@pytest.mark.parametrize(("page", "rows"), [(1, 4), (2, 2)])
def test_the_header_and_rows_of_a_three_line_table_broken_by_the_page(broken: Trace, page: int, rows: int) -> None:
    assert broken.shapes("header boundary", page) == [HLine(92, LEFT, RIGHT, "header ends")]
    levels = broken.shapes("header levels", page)
    assert len(levels) == 5 and {box.label for box in levels} == {"level 0"}
    bands = broken.shapes("body rows", page)
    assert len(bands) == rows and broken.shapes("total rows", page) == []
    assert [b.top for b in bands] == pytest.approx([92 + 2 + k * PITCH for k in range(rows)], abs=1)
    assert all(92 < b.top < b.bottom for b in bands)


def test_the_folio_under_a_broken_table_is_furniture(broken: Trace) -> None:
    [folio_box] = broken.shapes("furniture", 1)
    assert folio_box.top > 790 and broken.shapes("text lines", 1) == []


def test_page_9_of_2024_three_ruled_tables(page9: Trace) -> None:
    """Page 9: the 互联网医院 table's last rows and 合计 (10 columns), then the two 平台数据采集
    tables (8 columns each), all ruled: pdfplumber reads them; no unruled region, no gutter."""
    assert len(page9.shapes("rules", 9)) == 34
    assert [r.label for r in page9.shapes("regions", 9)] == ["ruled"] * 3
    assert page9.shapes("gutters", 9) == [] and page9.shapes("closing rules", 9) == []
    edges = [line.x for line in page9.shapes("columns", 9)]
    assert len(edges) == 11 + 9 + 9
    assert edges[:11] == pytest.approx([73.7, 95.0, 215.5, 253.7, 292.0, 330.3, 368.6, 406.8, 445.1, 483.3, 521.6], abs=1)
    assert edges[11:20] == edges[20:] == pytest.approx([72.3, 177.1, 242.4, 286.3, 333.1, 375.6, 430.9, 467.7, 523.0],
                                                       abs=1)
    assert [line.y for line in page9.shapes("header boundary", 9)] == pytest.approx([122.4, 407.2, 678.1], abs=1)
    assert len(page9.shapes("body rows", 9)) == 6 + 12 + 6
    [total] = page9.shapes("total rows", 9)
    assert total.bottom == page9.shapes("tables", 9)[0].bottom  # 合计 closes the first table
    assert len(page9.shapes("section headings", 9)) == 2 and page9.shapes("unrecognised headings", 9) == []
    assert len(page9.shapes("furniture", 9)) == 1  # the folio '- 9 -'


@pytest.mark.parametrize("pdf", [BULLETIN_2024, SYNTH / "docx-three_line-30.pdf"], ids=["2024", "docx-three_line-30"])
def test_extract_reads_the_same_with_a_trace_active(pdf: Path) -> None:
    plain = extract(pdf)
    with trace.tracing() as found:
        traced = extract(pdf)
    assert {m.stage for m in found.marks} >= {"rules", "regions", "columns", "header boundary", "body rows"}
    assert plain.frames.keys() == traced.frames.keys()
    for name, frame in plain.frames.items():
        pd.testing.assert_frame_equal(frame, traced.frames[name])
    assert [(w.page, w.kind, w.message) for w in plain.warnings] == [(w.page, w.kind, w.message) for w in traced.warnings]
