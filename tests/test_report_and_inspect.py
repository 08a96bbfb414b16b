"""The run report written with every successful run, and the inspect pictures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from bulletin_etl.cli import main
from bulletin_etl.schemas import all_schemas

from .conftest import BULLETIN_2024


@pytest.fixture(scope="module")
def report(output_2024: Path) -> str:
    return (output_2024 / "report.html").read_text(encoding="utf-8")


def test_report_is_self_contained(report: str) -> None:
    assert report.startswith("<!DOCTYPE html>")
    assert "<script" not in report
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", report), "no network references"


def test_report_lists_every_dataset_with_rows_schema_and_preview(report: str) -> None:
    for name, spec in all_schemas().items():
        assert f"<a href='#2024-{name}'><code>{name}</code></a>" in report
        assert f"schema ({len(spec.columns)} columns)" in report
    assert "<td><a href='#2024-evaluation_ratings'><code>evaluation_ratings</code></a></td><td class='num'>57</td>" in report
    assert "<td>南京鼓楼医院（含分院）</td>" in report  # the first row of the appointments preview


def test_report_highlights_the_five_mismatches_with_pages(report: str) -> None:
    rows = re.findall(r'<tr class="mismatch">(.*?)</tr>', report)
    assert len(rows) == 5
    assert any("玄武区" in r and "<td class=\"num\">5</td>" in r for r in rows)
    assert any("健康档案 739 万份" in r and "<td class=\"num\">1</td>" in r for r in rows)
    assert "<b>5</b>consistency mismatches" in report


def test_report_shows_warnings_and_timing(report: str) -> None:
    assert "南京市六台区人民医院" in report and "<b>1</b>warnings" in report
    assert "<td>read PDF and layout</td>" in report and "<th>total</th>" in report


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


def test_inspect_refuses_bad_pages_argument(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["inspect", str(BULLETIN_2024), "--pages", "four", "--out", str(tmp_path / "pictures")])
    assert stop.value.code == 2
    assert capsys.readouterr().err == "bulletin-etl: error: --pages takes page numbers separated by commas, not 'four'\n"
    assert not (tmp_path / "pictures").exists()
