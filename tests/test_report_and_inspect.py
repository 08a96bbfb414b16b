"""The run report written with every successful run, and the inspect pictures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from bulletin_etl.cli import main
from bulletin_etl.schemas import per_bulletin

from .conftest import BULLETIN_2024
from .synth.render_html import chromium


@pytest.fixture(scope="module")
def report(output_2024: Path) -> str:
    return (output_2024 / "report.html").read_text(encoding="utf-8")


def test_report_is_self_contained(report: str) -> None:
    assert report.startswith("<!DOCTYPE html>")
    assert "<script" not in report
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", report), "no network references"


def test_report_lists_every_dataset_with_rows_schema_and_preview(report: str) -> None:
    """Every dataset of the bulletin (those across editions, institutions and institution_names,
    are not in the report of a year)."""
    for name, spec in per_bulletin().items():
        assert f"<a href='#2024-{name}'><code>{name}</code></a>" in report
        assert f"schema ({len(spec.columns)} columns)" in report
    assert ("<td data-label=\"dataset\"><a href='#2024-evaluation_ratings'><code>evaluation_ratings</code></a></td>"
            "<td data-label=\"rows\" class='num'>57</td>") in report
    assert "<td>南京鼓楼医院（含分院）</td>" in report  # the first row of the appointments preview


def test_report_highlights_the_five_mismatches_with_pages(report: str) -> None:
    rows = re.findall(r'<tr class="mismatch">(.*?)</tr>', report)
    assert len(rows) == 5
    assert any("玄武区" in r and '<td data-label="source_page" class="num">5</td>' in r for r in rows)
    assert any("健康档案 739 万份" in r and '<td data-label="source_page" class="num">1</td>' in r for r in rows)
    assert "<b>5</b>consistency mismatches" in report


def test_report_shows_warnings_and_timing(report: str) -> None:
    assert "南京市六台区人民医院" in report and "<b>1</b>warning<" in report
    assert "<td>read PDF and layout</td>" in report and "<td>worker start-up and hand-back</td>" in report


def test_one_run_gives_one_run_time_and_its_parts_add_up(report: str, output_2024: Path) -> None:
    import json

    manifest = json.loads((output_2024 / "manifest.json").read_text(encoding="utf-8"))
    run, (entry,) = manifest["last_run"], manifest["bulletins"]
    steps = run["steps"]
    assert list(steps) == ["start-up and checks", f"reading {BULLETIN_2024}", "writing datasets"]
    assert abs(sum(steps.values()) - run["seconds"]) < 0.002  # rounded parts
    assert abs(sum(entry["timings"].values()) - steps[f"reading {BULLETIN_2024}"]) < 0.01
    assert f"in {run['seconds']:.1f}&nbsp;s (start-up and checks {steps['start-up and checks']:.2f} s, " in report
    reading = re.search(r"<th>reading this bulletin</th><th class='num'>([\d.]+)</th>", report)
    assert reading and abs(float(reading.group(1)) - steps[f"reading {BULLETIN_2024}"]) < 0.01
    last = re.search(r"<td>the last run in all \([^<]*\)</td><td class='num'>([\d.]+)</td>", report)
    assert last and float(last.group(1)) == run["seconds"]


def test_inspect_draws_the_pages_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "pictures"
    assert main(["inspect", str(BULLETIN_2024), "--pages", "4,9", "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"{BULLETIN_2024.stem}-page-04.png", f"{BULLETIN_2024.stem}-page-09.png"]
    with Image.open(out / names[1]) as image:
        assert image.size[0] > 500
        colours = {colour for _, colour in image.convert("RGB").getcolors(maxcolors=1 << 24)}
    assert (0, 90, 255) in colours  # a table outline
    assert (0, 160, 0) in colours  # a recognised heading
    assert "outlines:" in capsys.readouterr().err


def test_inspect_takes_page_ranges(tmp_path: Path) -> None:
    out = tmp_path / "pictures"
    assert main(["inspect", str(BULLETIN_2024), "--pages", "1-3,9", "--out", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [f"{BULLETIN_2024.stem}-page-{n:02d}.png" for n in (1, 2, 3, 9)]


@pytest.mark.parametrize("pages", ["four", "3-1", "2-", "1,,x"])
def test_inspect_refuses_bad_pages_argument(tmp_path: Path, capsys: pytest.CaptureFixture, pages: str) -> None:
    assert main(["inspect", str(BULLETIN_2024), "--pages", pages, "--out", str(tmp_path / "pictures")]) == 2
    assert capsys.readouterr().err == (
        f"bulletin-etl: error: --pages takes page numbers and ranges separated by commas (1-3,9), not {pages!r}\n")
    assert not (tmp_path / "pictures").exists()


def test_inspect_refuses_pages_the_file_does_not_have(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["inspect", str(BULLETIN_2024), "--pages", "4,99", "--out", str(tmp_path / "pictures")]) == 2
    assert capsys.readouterr().err == (
        f"bulletin-etl: error: {BULLETIN_2024}: no page 99: the file has 11 pages; nothing drawn\n")
    assert not (tmp_path / "pictures").exists()


def test_report_reads_on_a_phone(report: str) -> None:
    assert "<meta name='viewport' content='width=device-width, initial-scale=1'>" in report
    # every table sits in its own sideways-scrolling box, so the page itself never scrolls sideways
    assert len(re.findall(r"<table[ >]", report)) == report.count('<div class="scroll"><table') > 0
    assert ".scroll{overflow-x:auto" in report
    assert re.search(r"<code class=\"hash\">[0-9a-f]{64}</code>", report) and "code.hash{overflow-wrap:anywhere" in report


def test_report_numbers_read_like_the_columns(report: str, output_2024: Path) -> None:
    import pandas as pd

    assert ('<td data-label="printed" class="num">1,543</td><td data-label="expected" class="num">1,544</td>'
            '<td data-label="source_page" class="num">5</td>') in report  # page: no separator
    assert "<p>None: all 17 datasets passed their schemas.</p>" in report
    checks = len(pd.read_parquet(output_2024 / "consistency"))
    assert f"The bulletin contradicts itself in 5 places (of {checks:,} checks)" in report


def test_counts_read_the_same_everywhere() -> None:
    import pandas as pd

    from bulletin_etl.wording import count, figure

    assert [count(0, "row"), count(1, "row"), count(1234567, "row")] == ["0 rows", "1 row", "1,234,567 rows"]
    assert count(1, "consistency mismatch", "consistency mismatches") == "1 consistency mismatch"
    assert count(2, "consistency mismatch", "consistency mismatches") == "2 consistency mismatches"
    assert [figure(3066151), figure(1079989.53), figure(12.0)] == ["3,066,151", "1,079,989.53", "12"]
    assert [figure(None), figure(float("nan")), figure(pd.NA)] == ["∅", "∅", "∅"]


def test_report_counts_rows_of_data_apart_from_derived_rows(report: str, output_2024: Path) -> None:
    import pandas as pd

    rows = {name: len(pd.read_parquet(output_2024 / name)) for name in per_bulletin()}
    roles = {name: spec.role for name, spec in per_bulletin().items()}
    data = sum(n for name, n in rows.items() if roles[name] == "data")
    derived = sum(n for name, n in rows.items() if roles[name] == "derived")
    assert (data, derived, sum(rows.values())) == (321, 342, 664)  # the bulletins row is neither
    assert '<div class="card ok"><b>321</b>rows of data</div>' in report
    assert '<div class="card ok"><b>342</b>derived rows<small>consistency, printed_figures, totals</small></div>' in report
    assert "<b>664</b>" not in report


def _section(report: str, dataset: str) -> str:
    return report.split(f"<h3 id='2024-{dataset}'>", 1)[1].split("<h3", 1)[0]


def test_report_previews_say_how_many_rows_they_show(report: str) -> None:
    assert "<caption>first 5 of 44 rows</caption>" in _section(report, "appointments_12320")
    assert "<caption>all 4 rows</caption>" in _section(report, "remote_medicine")
    assert "<caption>all 2 rows</caption>" in _section(report, "health_certificates")
    assert "<caption>the only row</caption>" in _section(report, "bulletins")
    # every 2024 dataset has rows, so a preview, but printed_figures: the 2024 tables print every figure plainly
    assert report.count("<caption>") == len(per_bulletin()) - 1


def test_the_consistency_preview_shows_mismatches_first(report: str) -> None:
    preview = _section(report, "consistency").split("</details>", 1)[1]
    assert "<caption>first 5 of 307 rows, mismatches first</caption>" in preview
    statuses = re.findall(r"<td>(ok|mismatch)</td>", preview)
    assert statuses == ["mismatch"] * 5
    assert "<td>玄武区</td>" in preview and "<td>“健康档案 739 万份”</td>" in preview


def test_a_preview_puts_mismatches_before_ok_rows_and_keeps_their_order() -> None:
    import pandas as pd

    from bulletin_etl.report import _preview

    frame = pd.DataFrame({"subject": ["a", "b", "c", "d", "e", "f", "g"],
                          "status": ["ok", "mismatch", "ok", "ok", "mismatch", "ok", "ok"]})
    shown = _preview(frame)
    assert "<caption>first 5 of 7 rows, mismatches first</caption>" in shown
    assert re.findall(r"<td>([a-g])</td>", shown) == ["b", "e", "a", "c", "d"]
    assert "<caption>all 2 rows</caption>" in _preview(frame.head(2).assign(status="ok"))


def _with_a_schema_failure(output_2024: Path, tmp_path: Path) -> Path:
    """A copy of the 2024 folder whose manifest says hotline_12320 failed its schema: one case shown, 3 more."""
    import json
    import shutil

    tree = tmp_path / "output"
    shutil.copytree(output_2024, tree)
    manifest = json.loads((tree / "manifest.json").read_text(encoding="utf-8"))
    manifest["bulletins"][0]["schema_failures"] = [{
        "file": BULLETIN_2024.name, "dataset": "hotline_12320", "pages": [5], "sections": ["hotline_12320"],
        "cases": [{"column": "unit", "check": "isin(['个', '通', '件'])", "value": "'次'", "page": 5,
                   "section": "hotline_12320"}], "more_cases": 3, "previous_partition_kept": True}]
    (tree / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return tree


def _stacked_tables(page: str) -> list[tuple[list[str], list[list[tuple[str, int]]]]]:
    """Each table that becomes cards on a narrow screen: its header, and per row each cell's (data-label, colspan)."""
    tables = []
    for table in re.findall(r'<table class="stack">(.*?)</table>', page, re.S):
        head = re.findall(r"<th>(.*?)</th>", table.split("</thead>")[0])
        rows = [[(re.search(r'data-label="([^"]*)"', attrs).group(1) if "data-label" in attrs else None,
                  int(m.group(1)) if (m := re.search(r"colspan='(\d+)'", attrs)) else 1)
                 for attrs in re.findall(r"<td([^>]*)>", row)]
                for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table.split("<tbody>")[1])]
        tables.append((head, rows))
    return tables


def test_tables_read_row_by_row_name_every_cell_after_its_column(output_2024: Path, tmp_path: Path) -> None:
    from bulletin_etl.report import render

    page = render(_with_a_schema_failure(output_2024, tmp_path))
    tables = _stacked_tables(page)
    heads = [head for head, _ in tables]
    assert heads[:4] == [["dataset", "file", "page", "section", "column", "check", "value", "partition"],
                         ["check", "dataset", "subject", "metric", "printed", "expected", "source_page", "detail"],
                         ["page", "section", "kind", "message"], ["dataset", "rows", "what it holds"]]
    assert heads[4:] == [["column", "type", "nullable", "checks", "description"]] * len(per_bulletin())
    assert [len(rows) for _, rows in tables[:4]] == [2, 5, 1, 17]
    for head, rows in tables:
        for row in rows:
            column = 0
            for label, span in row:  # a cell across several columns (the failure's 'and 3 more') has no label
                assert label == (head[column] if span == 1 else ""), (head, row)
                column += span
            assert column == len(head)
    assert ("<tr class=\"failure\"><td data-label=\"dataset\"><code>hotline_12320</code></td>"
            "<td data-label=\"\" colspan='7' class='muted'>and 3 more failing values</td></tr>") in page
    # the data previews and the timing keep their columns (and scroll sideways in their box)
    # (printed_figures, empty for 2024, has no preview)
    assert len(re.findall(r"<table>", page)) == len(per_bulletin())
    narrow = page.split("@media (max-width:600px)")[1].split("</style>")[0]
    assert "table.stack thead{display:none}" in narrow and "table.stack td::before{content:attr(data-label)" in narrow



MEASURE = """<script>
const box = e => e.getBoundingClientRect();
const tables = [...document.querySelectorAll('table')].map(t => {
  const wrap = t.parentElement, cells = [...t.querySelectorAll('tbody td')];
  return {stack: t.classList.contains('stack'), head: [...t.querySelectorAll('th')].slice(0, 2).map(h => h.textContent),
          rows: t.querySelectorAll('tbody tr').length, overflow: wrap.scrollWidth - wrap.clientWidth,
          beyond: Math.max(...cells.map(c => box(c).right - box(wrap).right)),
          display: getComputedStyle(cells[0]).display, align: cells.map(c => getComputedStyle(c).textAlign)
            .filter((a, i) => cells[i].classList.contains('num'))};
});
parent.document.getElementById('measured').textContent = JSON.stringify(
  {width: innerWidth, page: document.documentElement.scrollWidth, tables});
</script>"""
"""Measures the report as laid out in a frame of the width asked for and writes the figures into the page
holding the frame (read back with --dump-dom). Headless Chromium's window is at least 500 px wide, so the
report is laid out in a frame: media queries follow the frame's width. The script goes into a test-only copy
of the report; the report itself has no scripts."""


def _measure(page: str, tmp_path: Path, width: int) -> dict:
    import html
    import json
    import subprocess

    frame = html.escape(page.replace("</body>", MEASURE + "</body>"), quote=True)
    wrapper = tmp_path / f"measure-{width}.html"
    wrapper.write_text(f'<!DOCTYPE html><html><body style="margin:0"><pre id="measured"></pre>'
                       f'<iframe style="border:0;width:{width}px;height:900px" srcdoc="{frame}"></iframe></body></html>',
                       encoding="utf-8")
    done = subprocess.run(
        [str(chromium()), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / f'profile-{width}'}",
         "--window-size=1400,1000", "--dump-dom", wrapper.as_uri()], capture_output=True, text=True, timeout=180, check=True)
    return json.loads(html.unescape(re.search(r'<pre id="measured">(.*?)</pre>', done.stdout, re.S).group(1)))


@pytest.mark.skipif(chromium() is None, reason="needs Chromium (Debian package chromium) to lay the page out")
def test_at_390px_failures_mismatches_and_warnings_read_without_sideways_scrolling(output_2024: Path,
                                                                                   tmp_path: Path) -> None:
    from bulletin_etl.report import render

    page = render(_with_a_schema_failure(output_2024, tmp_path))
    phone = _measure(page, tmp_path, 390)
    assert phone["width"] == 390 and phone["page"] <= 390
    rows = {tuple(t["head"]): t["rows"] for t in phone["tables"] if t["stack"]}
    assert [rows[("dataset", "file")], rows[("check", "dataset")], rows[("page", "section")]] == [2, 5, 1]
    for table in (t for t in phone["tables"] if t["stack"]):
        assert table["display"] == "block" and table["overflow"] <= 0 and table["beyond"] <= 0.5, table
    # the data previews keep their columns: the widest scroll inside their own box, not the page
    assert any(t["overflow"] > 0 for t in phone["tables"] if not t["stack"])

    desktop = _measure(page, tmp_path, 1280)
    assert desktop["width"] == 1280
    mismatches = next(t for t in desktop["tables"] if t["head"] == ["check", "dataset"])
    assert mismatches["display"] == "table-cell" and mismatches["overflow"] <= 0
    assert mismatches["align"] == ["right"] * 15  # printed, expected, source_page of 5 rows: right-aligned


def page_colours(png: Path, styles: list) -> set[tuple[int, int, int]]:
    """The colours drawn over the page of a --stages picture, its legend (as tall as one line
    for its title and one per layer, and a margin) cut off."""
    from bulletin_etl.inspect import LEGEND_LINE

    with Image.open(png) as image:
        width, height = image.size
        page = image.convert("RGB").crop((0, 0, width, height - LEGEND_LINE * (len(styles) + 1) - 10))
        return {colour for _, colour in page.getcolors(maxcolors=1 << 24)}


def test_inspect_stages_writes_what_its_help_says(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Per page, a picture per group of stages, named as the help names them, each layer of the
    page in its colour; the legend lines name every layer."""
    from bulletin_etl.cli import STAGES_HELP
    from bulletin_etl.inspect import FURNITURE, GROUPS, HEADER, RECOGNISED, REGION, ROW, RULE, TABLE, TEXT, TOTAL_ROW

    out = tmp_path / "stages"
    assert main(["inspect", str(BULLETIN_2024), "--pages", "9", "--stages", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        f"{BULLETIN_2024.stem}-page-09-{k}-{group}.png" for k, group in enumerate(GROUPS, start=1)]
    assert all(f"-{k}-{group}.png" in STAGES_HELP for k, group in enumerate(GROUPS, start=1))
    # page 9 holds three ruled tables, the first closed by its 合计 row, and two section headings
    drawn = {"rules": {TABLE, HEADER, REGION, RULE}, "columns": {TABLE, RULE}, "rows": {TABLE, HEADER, ROW, TOTAL_ROW},
             "flow": {TEXT, FURNITURE, RECOGNISED}}
    for k, (group, styles) in enumerate(GROUPS.items(), start=1):
        assert drawn[group] <= page_colours(out / f"{BULLETIN_2024.stem}-page-09-{k}-{group}.png", styles), group
    err = capsys.readouterr().err
    for group, styles in GROUPS.items():
        assert f"{group}: " + "; ".join(f"{s.name} rgb{s.colour}" for s in styles) in err


def test_inspect_stages_draws_a_three_line_table_broken_by_the_page(tmp_path: Path) -> None:
    """The rule closing the table's first part is ours (magenta); its columns come from the
    gutters of its text (cyan), its header ends at the rule under the header (red)."""
    from bulletin_etl.inspect import CLOSING, GROUPS, GUTTER, HEADER, RULE, TABLE

    from .test_layout_trace import broken_table_pdf

    pdf = broken_table_pdf(tmp_path)
    out = tmp_path / "stages"
    assert main(["inspect", str(pdf), "--stages", "--out", str(out), "-q"]) == 0
    assert len(list(out.iterdir())) == 2 * len(GROUPS)
    assert CLOSING in page_colours(out / f"{pdf.stem}-page-01-1-rules.png", GROUPS["rules"])
    assert CLOSING not in page_colours(out / f"{pdf.stem}-page-02-1-rules.png", GROUPS["rules"])
    assert {GUTTER, HEADER, TABLE, RULE} <= page_colours(out / f"{pdf.stem}-page-01-2-columns.png", GROUPS["columns"])


def test_inspect_stages_draws_a_title_broken_by_the_page(tmp_path: Path) -> None:
    """'…采集情况（医' at page 1's foot, '院）' atop page 2: the heading is drawn (green) where it
    starts; its box from its first line's top to its last line's foot was upside down, and
    drawing it raised ValueError (reportlab seed 745006, page 4, across page columns)."""
    from bulletin_etl.inspect import GROUPS, RECOGNISED

    from .test_layout_headings import title_broken_by_page_pdf

    pdf = title_broken_by_page_pdf(tmp_path)
    out = tmp_path / "stages"
    assert main(["inspect", str(pdf), "--stages", "--out", str(out), "-q"]) == 0
    assert len(list(out.iterdir())) == 2 * len(GROUPS)
    assert RECOGNISED in page_colours(out / f"{pdf.stem}-page-01-4-flow.png", GROUPS["flow"])


def upside_down_heading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Headings joined as before the fix: a box from the first line's top to the last line's foot."""
    from dataclasses import replace

    from bulletin_etl.layout import sections

    joined = sections.joined_heading
    monkeypatch.setattr(sections, "joined_heading", lambda lines: replace(joined(lines), bottom=lines[-1].bottom))


def test_a_shape_inspect_cannot_draw_is_one_line_naming_file_page_and_stage(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """No traceback: the shape is left out, the rest drawn, one line per page and stage, exit 4;
    --debug shows the traceback."""
    from bulletin_etl.inspect import GROUPS

    from .test_layout_headings import title_broken_by_page_pdf

    pdf = title_broken_by_page_pdf(tmp_path)
    upside_down_heading(monkeypatch)
    out = tmp_path / "stages"
    assert main(["inspect", str(pdf), "--stages", "--out", str(out), "-q"]) == 4
    assert len(list(out.iterdir())) == 2 * len(GROUPS)
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (f"bulletin-etl: internal error: {pdf}: page 1: stage 'section headings' (flow picture): 1 shape not "
                    "drawn (ValueError: y1 must be greater than or equal to y0; the first box x0 138.0, top 762.7, x1 "
                    "378.7, bottom 62.9); the rest was drawn (rerun with --debug for the traceback and report it)")
    assert main(["inspect", str(pdf), "--out", str(tmp_path / "plain"), "-q"]) == 4
    assert "stage 'section headings' (page picture): 1 shape not drawn (ValueError" in capsys.readouterr().err
    with pytest.raises(ValueError, match="y1 must be greater than or equal to y0"):
        main(["inspect", str(pdf), "--stages", "--out", str(out), "-q", "--debug"])


def test_a_shape_not_drawn_is_described_in_points() -> None:
    from bulletin_etl.inspect import described
    from bulletin_etl.layout.trace import Box, HLine, VLine

    assert described(Box(79.33882, 431.3825, 335.0832, 89.1481)) == "box x0 79.3, top 431.4, x1 335.1, bottom 89.1"
    assert described(HLine(100.04, 60.0, 500.0)) == "line at y 100.0 from x 60.0 to 500.0"
    assert described(VLine(300.0, 700.0, 90.0)) == "line at x 300.0 from y 700.0 to 90.0"
