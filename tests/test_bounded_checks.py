"""Issue 15, item 3: the completeness and consistency checks cost in proportion to what is printed,
and a check that fails costs its own findings, never the bulletin.

An unseen bulletin's 序号 column was read as one cell ('12345678910'); the 序号 check counted up to
that number and the run died over the memory budget, 'while reading' a page long read. Here a small
bulletin is drawn (tests/pdfkit.py) with such a column, and with a year in a 序号 cell: each is one
warning and the bulletin is written. A check made to raise is a warning naming it; one made to run
out of memory or time is refused naming the stage that was running.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
import pytest

from bulletin_etl import completeness, consistency, guard
from bulletin_etl.cli import main
from bulletin_etl.completeness import _missing_runs, _printed_pages_lost, _row_number, _run_together
from bulletin_etl.errors import OverBudget
from bulletin_etl.layout.pagefacts import PageFacts
from bulletin_etl.text import chinese_numeral
from bulletin_etl.worker import Stage, extract_guarded

from .pdfkit import CJK_FONT, Table, cell, make_pdf, text

HOSPITALS = ["南京鼓楼医院", "江苏省人民医院", "南京市第一医院", "南京市中医院", "南京市儿童医院",
             "南京脑科医院", "南京市妇幼保健院", "南京市中西医结合医院", "南京市胸科医院", "南京市口腔医院"]
HEADER = ["序号", "单位", "2030年报告数量", "2030年数据条数", "累计报告数量", "累计数据条数"]


def _bulletin(path: Path, numbers: str) -> Path:
    """The 2030 physical-exam table, ten hospitals. `numbers`: 'ruled' (1…10, one cell each),
    'one cell' (1…10 set in one cell over the ten rows: read as '12345678910') or 'year' (the last
    row's 序号 printed 2024)."""
    def page(c) -> None:
        text(c, 60, 60, "南京市卫生信息中心 编印 2031 年 1 月 20 日", 11, CJK_FONT)
        text(c, 150, 100, "2030 年度南京市体检综合管理平台数据量统计", 16, CJK_FONT)
        t = Table(left=60, top=140, col_widths=[36, 120, 85, 85, 80, 80], row_heights=[20] * 11, leading=20)
        t.cells = [cell(0, col, head) for col, head in enumerate(HEADER)]
        if numbers == "one cell":
            t.cells.append(cell(1, 0, [str(n) for n in range(1, 11)], rowspan=10))
        for row, name in enumerate(HOSPITALS, 1):
            if numbers != "one cell":
                t.cells.append(cell(row, 0, "2024" if numbers == "year" and row == 10 else str(row)))
            t.cells += [cell(row, col, str(row * 100 + col)) for col in range(2, 6)] + [cell(row, 1, name)]
        t.draw(c)
    return make_pdf(path, page)


ONE_WARNING = {
    "one cell": "table row 序号 '12345678910' on page 1 is not a row number (the table has at most 10 rows): "
                "the 序号 column may have been read as one cell; not checked",
    "year": "table row 序号 '2024' on page 1 is not a row number (the table has at most 10 rows): "
            "a year or a figure may have been read into the 序号 column; not checked",
}


def _run(pdf: Path, out: Path) -> tuple[int, float, list[dict]]:
    """Exit status, seconds, and the warnings other than the sections this small bulletin lacks."""
    started = time.monotonic()
    status = main(["extract", str(pdf), "--out", str(out), "-q"])
    seconds = time.monotonic() - started
    warnings = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bulletins"][0]["warnings"] \
        if status == 0 else []
    return status, seconds, [w for w in warnings if w["kind"] != "section_not_found"]


@pytest.mark.parametrize("numbers", ["one cell", "year"])
def test_a_sequence_number_that_is_no_row_number_is_one_warning(tmp_path: Path, numbers: str) -> None:
    """Before: '12345678910' had the check count to it (over the memory budget, exit 2); '2024'
    gave 'table rows 序号 10–2023 missing'."""
    out = tmp_path / "out"

    status, seconds, warnings = _run(_bulletin(tmp_path / "b.pdf", numbers), out)

    assert status == 0
    assert seconds < 30
    assert [(w["page"], w["kind"], w["message"]) for w in warnings] == [(1, "incomplete", ONE_WARNING[numbers])]
    rows = pd.read_parquet(out / "physical_exam_reports")
    assert list(rows["institution"]) == HOSPITALS


def test_the_drawn_table_numbered_one_to_ten_is_complete(tmp_path: Path) -> None:
    status, _, warnings = _run(_bulletin(tmp_path / "b.pdf", "ruled"), tmp_path / "out")

    assert (status, warnings) == (0, [])


# --------------------------------------------------------------------------- a check that fails


def _failing_sequences(grids, pages, warn) -> None:
    raise RuntimeError("planted")


def cross_section(records) -> list:  # stands in for consistency.cross_section, by name
    raise KeyError("planted")


@pytest.mark.parametrize("which", ["completeness", "consistency"])
def test_a_check_that_raises_is_a_warning_and_the_bulletin_is_written(tmp_path: Path, monkeypatch, which: str) -> None:
    """Before: the exception ended the bulletin (exit 4, nothing written)."""
    if which == "completeness":
        monkeypatch.setattr(completeness, "_sequences", _failing_sequences)
        said = "the completeness check of 序号 columns could not run (RuntimeError: planted); what it checks was not checked"
    else:
        monkeypatch.setattr(consistency, "CHECKS", (*consistency.CHECKS[:-1], cross_section))
        said = "the consistency check cross_section could not run (KeyError: 'planted'); what it checks was not checked"
    out = tmp_path / "out"

    status, _, warnings = _run(_bulletin(tmp_path / "b.pdf", "ruled"), out)

    assert status == 0
    assert [(w["page"], w["section"], w["kind"], w["message"]) for w in warnings] == [(None, None, "other", said)]
    assert len(pd.read_parquet(out / "physical_exam_reports")) == 10


# --------------------------------------------------------------------------- budgets name the stage


def _greedy_sequences(grids, pages, warn) -> None:
    bytearray(2**40)  # a check that counts up to a printed number: more than any budget


def _slow_sequences(grids, pages, warn) -> None:
    time.sleep(60)


def test_running_out_of_memory_in_a_check_names_the_stage(tmp_path: Path, monkeypatch) -> None:
    """Before: 'over the memory budget of 4 GiB while reading page 1', the last page laid out."""
    monkeypatch.setattr(completeness, "_sequences", _greedy_sequences)

    with pytest.raises(OverBudget) as caught:
        extract_guarded(_bulletin(tmp_path / "b.pdf", "ruled"))

    assert caught.value.page is None
    assert caught.value.problem == "over the memory budget of 4 GiB during the completeness checks (after its only " \
                                   "page was read)"


def test_running_out_of_time_in_a_check_names_the_stage(tmp_path: Path, monkeypatch) -> None:
    """Before: 'still reading after 5 s', naming page 1."""
    monkeypatch.setattr(completeness, "_sequences", _slow_sequences)

    with pytest.raises(OverBudget) as caught:
        extract_guarded(_bulletin(tmp_path / "b.pdf", "ruled"), limits=guard.Limits(seconds=5))

    assert caught.value.page is None
    assert caught.value.problem == "still running the completeness checks after 5 s (its only page was read); over " \
                                   "the time budget — raise it with --time-budget if the file is trusted"


def test_a_stage_after_the_pages_is_named_with_how_many_were_read() -> None:
    stage = Stage()
    for page in range(1, 13):
        stage = stage.then("reading", page)
    laying_out = stage.then("laying out", 3)

    assert (Stage().where, stage.where, laying_out.where) == ("", " while reading page 12", " while laying out page 3")
    assert laying_out.then("the completeness checks").where == \
        " during the completeness checks (after all 12 pages were read)"
    assert laying_out.still(120) == "still laying out after 120 s"


# --------------------------------------------------------------------------- the predicates


def test_a_row_number_has_at_most_nine_digits() -> None:
    assert (_row_number("37"), _row_number("007"), _row_number("999999999")) == (37, 7, 999999999)
    assert _row_number("1" * 10) is None
    assert _row_number("1" * 5000) is None  # never converted: int() refuses past 4300 digits


def test_numbers_run_together_are_told_from_a_year() -> None:
    assert _run_together("12345678910")
    assert _run_together("3738394041")
    assert _run_together("99100101")
    assert not _run_together("2024")
    assert not _run_together("10")
    assert not _run_together("7")


def test_missing_runs_are_found_between_neighbours_whatever_the_numbers() -> None:
    """{number: pages printing it}, the table's first page: a gap up to 10**12 is two numbers, not
    a range of them."""
    pages = {2: [3], 3: [3], 6: [4], 10**12: [5]}

    assert _missing_runs(pages, 3) == [(1, 1, 3, 3), (4, 5, 3, 4), (7, 10**12 - 1, 4, 5)]


def test_printed_page_numbers_count_the_pages_lost_between_file_pages() -> None:
    def page(number: int, folio: int | None) -> PageFacts:
        return PageFacts(number, 100, 0, 0, 0, folio)

    pages = [page(1, 1), page(2, 2), page(3, 5), page(4, None), page(5, 7)]

    assert _printed_pages_lost(pages) == {3: 2}


def test_a_chinese_count_that_does_not_read_is_a_value_error() -> None:
    """'十十件大事' ended the completeness check with a KeyError."""
    for printed in ("十十", "一二十", "二十十"):
        with pytest.raises(ValueError):
            chinese_numeral(printed)
    assert (chinese_numeral("十"), chinese_numeral("二十三"), chinese_numeral("十二")) == (10, 23, 12)


def test_an_item_label_beyond_ninety_nine_is_said_in_digits() -> None:
    assert (completeness._label(99, "一、"), completeness._label(123, "一、")) == ("九十九、", "123、")


CHANNELS = ["12320 快速预约", "微信城市服务", "南京医保小程序", "江苏省预约挂号网", "支付宝城市服务",
            "我的南京客户端", "南京卫生 12320 网", "南京卫生 12320 微信", "健康南京"]


def _side_by_side_over_two_pages(path: Path) -> Path:
    """The online-booking table in two side-by-side groups continued over a page, numbered down the
    left group on every page first: page 1 holds 1, 2 | 6, 7; page 2 holds 3, 4, 5 | 8, 9."""
    def table_page(c, title: bool, rows: list[tuple[int, int | None]]) -> None:
        if title:
            text(c, 60, 60, "南京市卫生信息中心 编印 2031 年 1 月 20 日", 11, CJK_FONT)
            text(c, 150, 100, "2030 年线上预约情况统计", 16, CJK_FONT)
        t = Table(left=60, top=140, col_widths=[36, 130, 70, 36, 130, 70], row_heights=[20] * (len(rows) + 1), leading=20)
        t.cells = [cell(0, col, head) for col, head in enumerate(["序号", "名称", "预约数量"] * 2)]
        for row, (left, right) in enumerate(rows, 1):
            for group, number in ((0, left), (3, right)):
                if number is not None:
                    t.cells += [cell(row, group, str(number)), cell(row, group + 1, CHANNELS[number - 1]),
                                cell(row, group + 2, str(1000 - number))]
        t.draw(c)

    return make_pdf(path, lambda c: table_page(c, True, [(1, 6), (2, 7)]),
                    lambda c: table_page(c, False, [(3, 8), (4, 9), (5, None)]))


def test_side_by_side_groups_numbered_down_the_left_first_are_complete(tmp_path: Path) -> None:
    """The right group's 6 and 7 on the first page count rows printed on the next: the table's rows
    are those of all its pages, not of the pages up to the number's own."""
    status, _, warnings = _run(_side_by_side_over_two_pages(tmp_path / "b.pdf"), tmp_path / "out")

    assert status == 0
    assert [w for w in warnings if w["kind"] == "incomplete"] == []


def _with_total(path: Path, total: str) -> Path:
    """The physical-exam table of three hospitals and its 合计 row, whose first count is `total`."""
    def page(c) -> None:
        text(c, 60, 60, "南京市卫生信息中心 编印 2031 年 1 月 20 日", 11, CJK_FONT)
        text(c, 150, 100, "2030 年度南京市体检综合管理平台数据量统计", 16, CJK_FONT)
        t = Table(left=60, top=140, col_widths=[36, 120, 85, 85, 80, 80], row_heights=[20] * 5, leading=20)
        t.cells = [cell(0, col, head) for col, head in enumerate(HEADER)]
        for row, name in enumerate(HOSPITALS[:3], 1):
            t.cells += [cell(row, 0, str(row)), cell(row, 1, name)] + [cell(row, col, str(row * 100 + col)) for col in range(2, 6)]
        t.cells += [cell(4, 0, "合计", colspan=2), cell(4, 2, total)] + [cell(4, col, str(600 + 3 * col)) for col in range(3, 6)]
        t.draw(c)
    return make_pdf(path, page)


def test_a_total_beyond_any_plausible_figure_is_not_read_as_one(tmp_path: Path) -> None:
    """A run of cells read as one number in a 合计 row gave the total the value inf, and a consistency
    mismatch with no warning (fuzz huge_sequence_number:150258); it is left out and said, as in a body cell."""
    out = tmp_path / "out"

    status, _, warnings = _run(_with_total(tmp_path / "b.pdf", "1234567890123456"), out)

    assert status == 0
    assert [w["message"] for w in warnings if w["kind"] == "unparsed_cell"] == [
        "total row: '1234567890123456' in column reports_annual is beyond any plausible figure "
        "(cells run together?); not extracted"]
    totals = pd.read_parquet(out / "totals")
    assert sorted(totals["metric"]) == ["records_annual", "records_cumulative", "reports_cumulative"]
    assert sorted(totals["value"]) == [609.0, 612.0, 615.0]


def test_a_long_printed_text_is_quoted_cut_with_its_length() -> None:
    from bulletin_etl.wording import quoted

    assert quoted("12345") == "'12345'"
    assert quoted("8" * 1866, "digits") == "'88888888888888888888…' (1866 digits)"
    assert quoted("a\nb" * 15) == "'a\\nba\\nba\\nba\\nba\\nba\\nba\\n…' (45 characters)"  # one line
