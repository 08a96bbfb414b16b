"""`bulletin-etl diff OUTPUT --from Y1 --to Y2` (diff.py, issue 18 §4): per dataset the
institutions entering, leaving and renamed (matched on ids), the largest changes per figure, the
columns that appeared or vanished; a table, --json, a section per pair of editions in report.html;
one-line errors. Hand-built editions first, then the 2024 bulletin with a synthetic 2025 edition
written into one folder in either order."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from bulletin_etl import diff
from bulletin_etl.cli import main
from bulletin_etl.output import write_all
from bulletin_etl.pipeline import extract
from bulletin_etl.report import render as render_report
from bulletin_etl.schemas import schema

from .conftest import BULLETIN_2024
from .synth import render_reportlab
from .synth.draws import drawn_through
from .synth.model import make_bulletin


def _exam(institution: str, key: str, reports: int, records: int | None = 1) -> dict:
    return {"seq": None, "institution": institution, "institution_id": key, "reports_annual": reports,
            "records_annual": records, "reports_cumulative": reports, "records_cumulative": None, "source_page": 3}


EARLIER = [_exam("南京市浦口人民医院", "i000000000001", 10), _exam("南京市第一医院", "i000000000002", 20),
           _exam("南京市胸科医院", "i000000000003", 5), _exam("南京市第二医院", "i000000000005", 7, None)]
LATER = [_exam("南京市浦口区人民医院", "i000000000001", 15), _exam("南京市第一医院", "i000000000002", 12),
         _exam("南京市儿童医院", "i000000000004", 9), _exam("南京市第二医院", "i000000000005", 7, 3)]


def _frame(dataset: str, rows: list[dict], year: int) -> pd.DataFrame:
    return schema(dataset).frame([{**r, "year": year} for r in rows]).drop(columns=["year"])


def test_entering_leaving_renamed_and_the_largest_changes() -> None:
    spec = schema("physical_exam_reports")
    d = diff.dataset_diff(spec, _frame(spec.name, EARLIER, 2024), _frame(spec.name, LATER, 2025), top=2)
    assert (d.rows_earlier, d.rows_later, d.entity) == (4, 4, "institution")
    assert d.entering == [{"id": "i000000000004", "name": "南京市儿童医院"}]
    assert d.leaving == [{"id": "i000000000003", "name": "南京市胸科医院"}]
    assert d.renamed == [{"id": "i000000000001", "from": "南京市浦口人民医院", "to": "南京市浦口区人民医院"}]
    assert (d.columns_appeared, d.columns_vanished) == ([], [])
    assert {m: [(c.subject, c.earlier, c.later, c.change) for c in cs] for m, cs in d.largest_changes.items()} == {
        "reports_annual": [("南京市第一医院", 20, 12, -8), ("南京市浦口区人民医院", 10, 15, 5)],
        "reports_cumulative": [("南京市第一医院", 20, 12, -8), ("南京市浦口区人民医院", 10, 15, 5)]}


def test_columns_with_a_figure_in_one_edition_only() -> None:
    spec = schema("physical_exam_reports")
    earlier = _frame(spec.name, [dict(r, records_annual=None) for r in EARLIER], 2024)
    later = _frame(spec.name, [dict(r, records_cumulative=4) for r in LATER], 2025)
    d = diff.dataset_diff(spec, earlier, later)
    assert (d.columns_appeared, d.columns_vanished) == (["records_annual", "records_cumulative"], [])
    back = diff.dataset_diff(spec, later, earlier)
    assert (back.columns_appeared, back.columns_vanished) == ([], ["records_annual", "records_cumulative"])
    one_sided = diff.dataset_diff(spec, earlier, None)
    assert (one_sided.rows_earlier, one_sided.rows_later, one_sided.largest_changes) == (4, None, {})


def _folder(tmp: Path, years: dict[int, list[dict]]) -> Path:
    for year, rows in years.items():
        folder = tmp / "physical_exam_reports" / f"year={year}"
        folder.mkdir(parents=True)
        table = pa.Table.from_pandas(_frame("physical_exam_reports", rows, year), schema=schema("physical_exam_reports")
                                     .arrow(), preserve_index=False)
        pq.write_table(table, folder / "part-0.parquet")
    (tmp / "manifest.json").write_text(json.dumps({"bulletins": [{"year": y} for y in years]}), encoding="utf-8")
    return tmp


def test_the_table_and_json_on_stdout(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = _folder(tmp_path / "out", {2024: EARLIER, 2025: LATER})
    assert main(["diff", str(out), "--from", "2024", "--to", "2025", "--top", "1"]) == 0
    assert capsys.readouterr().out == (
        f"{out}: 2024 → 2025\n\n"
        "physical_exam_reports: 4 rows → 4 rows\n"
        "  entering (1 institution): 南京市儿童医院\n"
        "  leaving (1 institution): 南京市胸科医院\n"
        "  renamed: 南京市浦口人民医院 → 南京市浦口区人民医院\n"
        "  largest changes:\n"
        "    figure              row             2024  2025  change\n"
        "    reports_annual      南京市第一医院    20    12      -8\n"
        "    reports_cumulative  南京市第一医院    20    12      -8\n")
    assert main(["diff", str(out), "--from", "2025", "--to", "2024", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert (said["from"], said["to"], [d["dataset"] for d in said["datasets"]]) == (2025, 2024, ["physical_exam_reports"])
    exams = said["datasets"][0]
    assert (exams["entering"], exams["leaving"]) == ([{"id": "i000000000003", "name": "南京市胸科医院"}],
                                                     [{"id": "i000000000004", "name": "南京市儿童医院"}])
    assert exams["largest_changes"]["reports_annual"][0] == {"subject": "南京市第一医院", "earlier": 12, "later": 20,
                                                             "change": 8}


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2023", "--to", "2025"], "--from 2023: {out} holds no 2023 edition (it holds 2024, 2025)"),
    (["--from", "2024", "--to", "2026"], "--to 2026: {out} holds no 2026 edition (it holds 2024, 2025)"),
    (["--from", "2024", "--to", "2024"], "--from and --to are both 2024: give two different editions"),
])
def test_a_year_the_folder_does_not_hold_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str],
                                                     message: str) -> None:
    out = _folder(tmp_path / "out", {2024: EARLIER, 2025: LATER})
    assert main(["diff", str(out), *args]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"bulletin-etl: error: {message.format(out=out)}\n")


def test_no_output_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["diff", str(tmp_path / "none"), "--from", "2024", "--to", "2025"]) == 2
    assert capsys.readouterr().err == f"bulletin-etl: error: {tmp_path / 'none'}: no such folder\n"
    assert main(["diff", str(tmp_path), "--from", "2024", "--to", "2025"]) == 2
    assert capsys.readouterr().err == (f"bulletin-etl: error: {tmp_path}: not an output folder of bulletin-etl "
                                       "(no readable manifest.json)\n")
    with pytest.raises(SystemExit) as exit_:
        main(["diff", str(tmp_path), "--from", "last", "--to", "2025"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "bulletin-etl diff: error: argument --from: expected a year such as 2024, not 'last'"
    assert "Traceback" not in err


# ---------------------------------------------------------------------- 2024 and a synthetic 2025

SEED = 5052
"""A synthetic edition of 2025 (as tests/test_institution_ids.py draws it): exact with reportlab."""


def _run() -> dict:
    return {"command": "test", "started_at": "2026-01-01T00:00:00+00:00", "seconds": 0.0}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The 2024 bulletin and the synthetic 2025 edition written into one folder, each order."""
    tmp = tmp_path_factory.mktemp("diff")
    b = make_bulletin(SEED, draws=drawn_through("ragged_columns"))
    pdf = tmp / f"reportlab-{SEED}.pdf"
    render_reportlab.render(b, pdf, style="grid", font="wqy-zenhei", seed=SEED)
    results = [extract(BULLETIN_2024), extract(pdf)]
    outs = []
    for name, order in (("older-first", results), ("newer-first", results[::-1])):
        with contextlib.redirect_stderr(io.StringIO()):
            for result in order:
                write_all(tmp / name, [result], _run)
        outs.append(tmp / name)
    return outs[0], outs[1]


def test_either_order_gives_the_same_diff(folders: tuple[Path, Path]) -> None:
    first, second = folders
    for earlier, later in ((2024, 2025), (2025, 2024)):
        assert diff.diff(first, earlier, later).as_dict() == diff.diff(second, earlier, later).as_dict()


def test_the_diff_of_2024_and_2025(folders: tuple[Path, Path]) -> None:
    result = diff.diff(folders[0], 2024, 2025)
    rows = {d.dataset: (d.rows_earlier, d.rows_later) for d in result.datasets}
    assert rows == {"appointments_12320": (44, 30), "development_index": (1, 1), "evaluation_ratings": (57, 59),
                    "events": (10, 10), "family_doctor_referrals": (96, 96), "health_certificates": (2, 2),
                    "hotline_12320": (10, 10), "internet_hospitals": (32, 30), "online_booking_channels": (6, 3),
                    "physical_exam_reports": (8, 7), "platform_collection_districts": (12, 12),
                    "platform_collection_hospitals": (39, 6), "remote_medicine": (4, 0)}
    by = {d.dataset: d for d in result.datasets}
    internet = by["internet_hospitals"]
    assert (len(internet.entering), len(internet.leaving)) == (19, 22)
    assert [r["to"] for r in internet.renamed] == ["南京市浦口区中医医院 / 南京市浦口区中医院"]
    ratings = by["evaluation_ratings"]
    assert [(r["from"], r["to"]) for r in ratings.renamed] == [
        ("中科院皮研所", "中国医学科学院皮肤病研究所 / 中科院皮研所"), ("南京市六台区人民医院", "南京市六合区人民医院"),
        ("南京市溧水区中医医院", "南京市溧水区中医医院 / 南京市溧水区中医院"), ("江北医院", "南京江北医院")]
    assert (ratings.columns_appeared, ratings.columns_vanished) == ([], ["source_quirk"])
    assert [r["from"] for r in by["appointments_12320"].renamed] == ["南京市溧水区中医院"]
    exams = by["physical_exam_reports"]
    assert [m["name"] for m in exams.leaving] == ["南京市中医院", "南京市中心医院", "南京市中西医结合医院", "南京市妇幼保健院",
                                                  "南京市第一医院", "南京市第二医院", "南京鼓楼医院", "江苏省省级机关医院"]
    top = internet.largest_changes["appointments_annual"][0]
    assert (top.subject, top.earlier, top.later, top.change) == ("南京市儿童医院", 118906, 1896, -117010)
    certificates = by["health_certificates"].largest_changes["employers"]
    assert [(c.subject, c.earlier, c.later) for c in certificates] == [("cumulative", 88892, 7866), ("annual", 11236, 2261)]


def test_the_command_and_the_report(folders: tuple[Path, Path], capsys: pytest.CaptureFixture) -> None:
    out = folders[1]
    assert main(["diff", str(out), "--from", "2024", "--to", "2025"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [f"{out}: 2024 → 2025", "", "appointments_12320: 44 rows → 30 rows",
                         lines[3]] and lines[3].startswith("  entering (14 institutions): 南京一民医院、")
    assert "  renamed: 南京市溧水区中医院 → 南京市溧水区中医医院" in lines
    assert main(["diff", str(out), "--from", "2024", "--to", "2025", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == diff.diff(out, 2024, 2025).as_dict()
    report = render_report(out)  # what extract writes as report.html
    assert report.count("<h2 id='diff-") == 1 and "<h2 id='diff-2024-2025'>2024 → 2025</h2>" in report
    assert "<a href='#diff-2024-2025'>2024 → 2025</a>" in report
