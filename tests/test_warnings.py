"""Nothing silently dropped: what the extractor does not recognise is reported with file, page
and the text concerned — on stderr and in manifest.json — and --strict turns it into a failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bulletin_etl.cli import main

from .pdfkit import CJK_FONT, Table, cell, make_pdf, text


def _heading(c, top: float, s: str) -> None:
    text(c, 150, top, s, 16, CJK_FONT)  # larger than the body: a heading by size


def _bulletin(path: Path) -> Path:
    """A tiny bulletin: the 2030 health-certificate table with an unknown extra column, a row
    labelled 2029, a figure that cannot be read ('2O0'), and a section nobody knows."""
    def page(c) -> None:
        text(c, 72, 60, "南京市卫生信息中心 编印 2031 年 1 月 20 日", 11, CJK_FONT)
        _heading(c, 100, "2030 年度南京市从业人员健康证系统数据统计")
        t = Table(left=72, top=140, col_widths=[70, 70, 70, 70, 70, 70], row_heights=[20] * 3)
        header = ["类别", "用人单位数", "个人用户数", "预约订单数", "电子健康证数", "新增指标"]
        t.cells = [cell(0, c_, h) for c_, h in enumerate(header)]
        t.cells += [cell(1, c_, v) for c_, v in enumerate(["2029 年", "10", "20", "30", "40", "5"])]
        t.cells += [cell(2, c_, v) for c_, v in enumerate(["累计", "100", "2O0", "300", "400", "6"])]
        t.draw(c)
        _heading(c, 260, "2030 年度南京市智慧药房数据统计")
        text(c, 72, 300, "本年共开通智慧药房 12 家，服务 3400 人次。", 11, CJK_FONT)
    return make_pdf(path, page)


@pytest.fixture()
def bulletin(tmp_path: Path) -> Path:
    return _bulletin(tmp_path / "tiny.pdf")


def test_each_unrecognised_thing_is_a_warning(bulletin: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(bulletin), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    warnings = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"][0]["warnings"]
    messages = {w["message"]: w for w in warnings}
    expected = [
        ("health_certificates", 1, "unmapped_column", "unmapped column header '新增指标'; its values were not extracted"),
        ("health_certificates", 1, "year_mismatch", "row label '2029 年' names the year 2029, but the bulletin year is 2030"),
        ("health_certificates", 1, "unparsed_cell", "column individual_users: cannot read '2O0' as a whole number; left empty"),
        (None, 1, "unknown_heading",
         "unrecognised section heading '2030 年度南京市智慧药房数据统计'; its content was not extracted"),
        (None, None, "section_not_found", "section events not found; its dataset is empty for 2030"),
    ]
    for section, page, kind, message in expected:
        assert message in messages, message
        assert (messages[message]["section"], messages[message]["page"], messages[message]["kind"]) == (section, page, kind)
        where = f"{bulletin}: " + (f"page {page}: " if page else "") + (f"section {section}: " if section else "")
        assert f"  warning: {where}{message}" in err.splitlines()


def test_known_columns_are_still_extracted(bulletin: Path, tmp_path: Path) -> None:
    import pandas as pd

    out = tmp_path / "out"
    assert main(["extract", str(bulletin), "--out", str(out), "-q"]) == 0
    rows = pd.read_parquet(out / "health_certificates").to_dict("records")
    assert [(r["period"], r["employers"], r["individual_users"], r["electronic_certificates"]) for r in rows] == [
        ("annual", 10, 20, 40), ("cumulative", 100, None, 400)]


def test_strict_fails_and_writes_nothing(bulletin: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(bulletin), "--out", str(out), "-q", "--strict"]) == 3
    assert capsys.readouterr().err == (
        f"bulletin-etl: error: {bulletin}: 15 warnings of lost or uncertain data (section_not_found, unknown_heading, "
        "unmapped_column, unparsed_cell) with --strict; nothing written\n")
    assert not out.exists()


def test_a_header_over_several_unmapped_columns_is_one_warning(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Two columns headed '新增指标' that no map knows: one warning naming both, not one per column
    (typst 768211 said "unmapped column header '体检数据'" four times)."""
    def page(c):
        text(c, 72, 60, "南京市卫生信息中心 编印 2031 年 1 月 20 日", 11, CJK_FONT)
        _heading(c, 100, "2030 年度南京市从业人员健康证系统数据统计")
        t = Table(left=72, top=140, col_widths=[70] * 7, row_heights=[20] * 3)
        header = ["类别", "用人单位数", "个人用户数", "预约订单数", "电子健康证数", "新增指标", "新增指标"]
        t.cells = [cell(0, c_, h) for c_, h in enumerate(header)]
        t.cells += [cell(1, c_, v) for c_, v in enumerate(["2029 年", "10", "20", "30", "40", "5", "7"])]
        t.cells += [cell(2, c_, v) for c_, v in enumerate(["累计", "100", "200", "300", "400", "6", "8"])]
        t.draw(c)

    pdf = make_pdf(tmp_path / "twice.pdf", page)
    out = tmp_path / "out"
    assert main(["extract", str(pdf), "--out", str(out)]) == 0
    unmapped = [line for line in capsys.readouterr().err.splitlines() if "unmapped column" in line]
    assert unmapped == [f"  warning: {pdf}: page 1: section health_certificates: unmapped column header '新增指标' "
                        "(2 columns); their values were not extracted"]
    warnings = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"][0]["warnings"]
    assert [w["message"] for w in warnings if w["kind"] == "unmapped_column"] == [
        "unmapped column header '新增指标' (2 columns); their values were not extracted"]
