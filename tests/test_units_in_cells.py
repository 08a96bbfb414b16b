"""Figures printed with their unit in the cell ('38682.77万', '1.2亿', '45%'), in full-width
digits, or broken over a line end: the parsing rules on pure inputs, and a drawn table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bulletin_etl.layout.notes import figures
from bulletin_etl.sections.base import Context, is_percent_column, number_cell
from bulletin_etl.text import (
    continues_figure,
    fold_width,
    join_wrapped,
    looks_numeric,
    parse_number,
    parse_percent,
    wrap_is_a_space,
)


@pytest.mark.parametrize(("printed", "value"), [
    ("38682.77万", Decimal("386827700")),
    ("1.2亿", Decimal("120000000")),
    ("3,066,151", Decimal("3066151")),
    ("３８６８２．７７万", Decimal("386827700")),
    ("１，２３４", Decimal("1234")),
    ("38682.77 万", Decimal("386827700")),
    ("372", Decimal("372")),
])
def test_a_unit_in_the_cell_is_applied(printed: str, value: Decimal) -> None:
    assert parse_number(printed) == value


@pytest.mark.parametrize("printed", ["万达", "万", "45%", "1万2", "万5", "12亿万", "第1万"])
def test_what_is_no_figure_with_a_unit(printed: str) -> None:
    assert parse_number(printed) is None


def test_percent_is_read_as_printed_only_where_asked() -> None:
    assert parse_percent("45%") == Decimal("45")
    assert parse_percent("１２．５％") == Decimal("12.5")
    assert parse_percent("45") is None
    assert parse_percent("45万") is None


@pytest.mark.parametrize(("text", "numeric"), [
    ("38682.77万", True), ("1.2亿", True), ("45%", True), ("１２３", True), ("3,066,151", True),
    ("万达医院", False), ("万", False), ("12320热线", False),
])
def test_looks_numeric_takes_figures_with_units(text: str, numeric: bool) -> None:
    assert looks_numeric(text) is numeric


def test_fold_width_keeps_positions_and_the_clause_comma() -> None:
    assert fold_width("共３７２．５万份，其中") == "共372.5万份，其中"


@pytest.mark.parametrize(("before", "after", "cut"), [
    ("38682.", "77万", True), ("1,234,", "567", True), ("123", "45", True), ("１２３", "４５", True),
    ("38682", ".77", True), ("38682.77", "万", True), ("45", "%", True),
    ("１９６，５８９，", "５６４", True),  # full-width digits separate thousands with '，'
    ("Health", "App", False), ("App", "2", False), ("版本2", "App", False),
])
def test_continues_figure(before: str, after: str, cut: bool) -> None:
    assert continues_figure(before, after) is cut


def test_a_figure_cut_after_a_separator_is_unfinished() -> None:
    from bulletin_etl.text import is_unfinished_figure

    assert is_unfinished_figure("38682.") and is_unfinished_figure("1,234,")
    assert is_unfinished_figure("１９６，５８９，")  # Typst wraps '１９６，５８９，５６４' in a narrow cell
    assert not is_unfinished_figure("１９６，５８９") and not is_unfinished_figure("南京，")


def test_a_figure_broken_over_a_line_end_joins_without_a_space() -> None:
    assert join_wrapped(["38682.", "77万"]) == "38682.77万"
    assert join_wrapped(["１２３", "４５"]) == "１２３４５"
    assert join_wrapped(["38682.77", "万"]) == "38682.77万"
    # names still join as before
    assert join_wrapped(["Health", "App"]) == "Health App"
    assert join_wrapped(["南京万达", "医院"]) == "南京万达医院"


def test_prose_figures_in_full_width_and_with_units() -> None:
    (figure,) = figures("共采集检验检查报告３７２．５万份")
    assert (figure.value, figure.unit, figure.printed) == (Decimal("3725000"), "份", "３７２．５万份")
    (figure,) = figures(join_wrapped(["累计受理咨询电话38682.", "77万个"]))
    assert figure.value == Decimal("386827700")


def test_a_name_with_wan_is_no_figure() -> None:
    assert figures("万达医院接入平台") == []


def _cell(text: str, column: str = "visits", integer: bool = True) -> tuple[Decimal | None, list[str]]:
    ctx = Context(Path("x.pdf"), 2030)
    value = number_cell(text, column, ctx, 1, integer=integer)
    return value, [w.message for w in ctx.warnings]


def test_number_cell_applies_the_unit_in_the_columns_own_unit() -> None:
    assert _cell("38682.77万") == (Decimal("386827700"), [])
    # a 千元 column printing 亿: 亿 is a numeral, the figure stays in thousand yuan
    assert _cell("3.2亿", "outpatient_revenue_thousand_yuan", integer=False) == (Decimal("320000000"), [])


def test_a_count_that_is_not_whole_is_reported_never_rounded() -> None:
    value, warnings = _cell("3.14159万")
    assert value is None
    assert warnings == ["column visits: '3.14159万' reads as 31415.9, not a whole number; left empty"]


def test_a_percent_outside_a_ratio_column_is_reported() -> None:
    value, warnings = _cell("45%")
    assert value is None
    assert warnings == ["column visits: cannot read '45%' as a whole number; left empty"]
    assert _cell("45%", "completion_percent", integer=False) == (Decimal("45"), [])


def test_is_percent_column() -> None:
    assert is_percent_column("completion_percent")
    assert not is_percent_column("outpatient_visits")


def _physical_exam_bulletin(path: Path, style: str, align: str = "middle",
                            wrapped: tuple[str, str] = ("３８６８２．", "７７万")) -> Path:
    """The 2030 physical-exam table, its figures printed with 万/亿 in the cells, one in full-width
    digits wrapped over a line end in its narrow cell ('３８６８２．' / '７７万'), a hospital named
    with 万, and a 合计 row printed with units."""
    from .pdfkit import CJK_FONT, Table, cell, make_pdf, text

    def page(c) -> None:
        text(c, 72, 60, "南京市卫生信息中心 编印 2031 年 1 月 20 日", 11, CJK_FONT)
        text(c, 100, 100, "2030 年度南京市体检综合管理平台数据量统计", 16, CJK_FONT)
        t = Table(left=60, top=140, col_widths=[30, 110, 80, 56, 80, 80], row_heights=[30, 20, 30, 20], style=style,
                  align=align)
        header = ["序号", "单位", "2030年报告数量", "2030年数据条数", "累计报告数量", "累计数据条数"]
        t.cells = [cell(0, j, h if len(h) < 6 else [h[:5], h[5:]]) for j, h in enumerate(header)]
        rows = [["1", "南京万达医院", "3.5万", "38682.77万", "12万", "1.2亿"],
                ["2", "南京市第一医院", "３８６８２", ["３８６８２．", "７７万"], "40,000", "2亿"],
                ["合计", "", "73682", "77365.54万", "16万", "3.2亿"]]
        t.cells += [cell(i, j, v) for i, row in enumerate(rows, 1) for j, v in enumerate(row)]
        t.draw(c)
    return make_pdf(path, page)


@pytest.mark.parametrize(("style", "align", "wrapped"), [
    ("grid", "middle", ("３８６８２．", "７７万")),
    ("three_line", "middle", ("３８６８２．", "７７万")),
    # cut between digits, top-aligned: the cell's second line runs on closer than the next row
    ("three_line", "top", ("３８６８２７", "７００")),
    # cut before its unit, centred: the figure's first part stands alone over the row's own line
    ("three_line", "middle", ("38682.77", "万")),
    ("three_line", "top", ("38682.77", "万")),
])
def test_a_drawn_table_with_units_in_its_cells(tmp_path: Path, style: str, align: str, wrapped: tuple[str, str]) -> None:
    import json

    import pandas as pd

    from bulletin_etl.cli import main

    out = tmp_path / "out"
    pdf = _physical_exam_bulletin(tmp_path / "units.pdf", style, align, wrapped)
    assert main(["extract", str(pdf), "--out", str(out), "-q"]) == 0
    rows = pd.read_parquet(out / "physical_exam_reports").to_dict("records")
    assert [(r["institution"], r["reports_annual"], r["records_annual"], r["reports_cumulative"], r["records_cumulative"])
            for r in rows] == [("南京万达医院", 35000, 386827700, 120000, 120000000),
                               ("南京市第一医院", 38682, 386827700, 40000, 200000000)]
    totals = pd.read_parquet(out / "totals").to_dict("records")
    assert sorted((t["metric"], t["value"], t["printed"]) for t in totals) == [
        ("records_annual", 773655400.0, "77365.54万"), ("records_cumulative", 320000000.0, "3.2亿"),
        ("reports_annual", 73682.0, "73682"), ("reports_cumulative", 160000.0, "16万")]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    kinds = {w["kind"] for w in manifest["bulletins"][0]["warnings"]}
    assert "unparsed_cell" not in kinds


@pytest.mark.parametrize(("text", "mark"), [
    ("３，０６６，１５１", False), ("3,066,151", False), ("分别为120，350家", True), ("共３家，其中", True),
    # two figure cells set close, read as one run: a Latin group, then a full-width figure
    ("338,548３０，６７３，５３７", False), ("67,745４２，０２８．９９", False), ("共 1,000３家，其中", True),
])
def test_a_full_width_thousands_separator_is_no_sentence_mark(text: str, mark: bool) -> None:
    from bulletin_etl.layout.vocabulary import has_sentence_mark

    assert has_sentence_mark(text) is mark


def test_wrap_is_a_space() -> None:
    assert wrap_is_a_space("Health", "App")
    assert not wrap_is_a_space("38682.", "77")
    assert not wrap_is_a_space("收入（千", "元）")


def _glyphs(x: float, text: str, width: float = 4.0) -> list[dict]:
    return [{"text": ch, "x0": x + i * width, "x1": x + (i + 1) * width} for i, ch in enumerate(text)]


def test_autospace_before_a_unit_parts_no_columns() -> None:
    """LibreOffice sets '119.783' and its '万' 1.5 pt apart (autospace): the gap runs down the
    column, yet it is one column; a gap before a figure of the next column is one."""
    from bulletin_etl.layout.tables.columns import _parts_figures_from_units

    gap = (28.0, 29.5)
    units = [_glyphs(0, "119.783") + _glyphs(29.5, "万"), _glyphs(4, "16.0916") + _glyphs(29.5, "万")]
    assert _parts_figures_from_units(gap, units)
    figures = [_glyphs(0, "119.783") + _glyphs(29.5, "652")]
    assert not _parts_figures_from_units(gap, figures)


@pytest.mark.parametrize(("printed", "plain"), [
    ("12345", True), ("3.5", True), (" 372 ", True), ("38682.77万", False), ("1.2亿", False), ("3,066,151", False),
    ("３８６８２", False), ("45%", False), ("12 345", False),
])
def test_is_plain_figure(printed: str, plain: bool) -> None:
    from bulletin_etl.sections.base import is_plain_figure

    assert is_plain_figure(printed) is plain


def _figures(text: str, column: str = "visits", integer: bool = True) -> list[tuple]:
    from bulletin_etl.sections.base import PrintedFigure, figure_cell

    kept: list[PrintedFigure] = []
    figure_cell(text, column, Context(Path("x.pdf"), 2030), 1, integer, kept)
    return [(f.column, f.printed, f.value) for f in kept]


def test_figure_cell_keeps_what_is_not_printed_plainly() -> None:
    assert _figures("38682.77万") == [("visits", "38682.77万", Decimal("386827700"))]
    assert _figures("１，２３４") == [("visits", "１，２３４", Decimal("1234"))]
    assert _figures("45%", "completion_percent", integer=False) == [("completion_percent", "45%", Decimal("45"))]
    assert _figures("12345") == []
    assert _figures("/") == []
    assert _figures("") == []


def test_figure_cell_keeps_what_it_cannot_read_with_no_value() -> None:
    assert _figures("约3万") == [("visits", "约3万", None)]
    assert _figures("3.5") == [("visits", "3.5", None)]  # plain, yet no whole number: left empty, kept
    assert _figures("45%") == [("visits", "45%", None)]


def test_row_key_text() -> None:
    from bulletin_etl.sections.base import row_key_text

    row = {"district": "鼓楼区", "referral_type": "outpatient", "period": "annual", "count": 3}
    assert row_key_text(row, ["district", "referral_type", "period"]) == (
        "district=鼓楼区; referral_type=outpatient; period=annual")


def test_a_reshaped_tables_figures_are_keyed_as_its_dataset_rows() -> None:
    """family_doctor_referrals reads one printed row into a row per referral type and period: a
    figure printed with 万 is keyed by the long row it went to, in its column count."""
    from bulletin_etl.sections.base import PrintedFigure
    from bulletin_etl.sections.family_doctor_referrals import SECTION

    record = {"district": "鼓楼区", "outpatient_cumulative": Decimal("12000"), "lab_exam_annual": Decimal("7"),
              "source_page": 4}
    rows = SECTION._printed_rows(record, [PrintedFigure("outpatient_cumulative", "1.2万", Decimal("12000"))])
    assert rows == [{"dataset": "family_doctor_referrals", "column": "count", "printed": "1.2万",
                     "row_key": "district=鼓楼区; referral_type=outpatient; period=cumulative",
                     "value": Decimal("12000"), "source_page": 4}]


def test_a_drawn_tables_printed_figures(tmp_path: Path) -> None:
    """Every figure of the drawn table printed otherwise than plainly, as printed, keyed by its row;
    the plain ones ('73682' is a 合计: totals keeps it) are not repeated."""
    import pandas as pd

    from bulletin_etl.cli import main

    out = tmp_path / "out"
    pdf = _physical_exam_bulletin(tmp_path / "units.pdf", "grid")
    assert main(["extract", str(pdf), "--out", str(out), "-q"]) == 0
    rows = pd.read_parquet(out / "printed_figures").to_dict("records")
    first, wanda = "institution=南京市第一医院", "institution=南京万达医院"
    assert sorted((r["row_key"], r["column"], r["printed"], r["value"], r["dataset"], r["source_page"]) for r in rows) == sorted([
        (wanda, "reports_annual", "3.5万", 35000.0, "physical_exam_reports", 1),
        (wanda, "records_annual", "38682.77万", 386827700.0, "physical_exam_reports", 1),
        (wanda, "reports_cumulative", "12万", 120000.0, "physical_exam_reports", 1),
        (wanda, "records_cumulative", "1.2亿", 120000000.0, "physical_exam_reports", 1),
        (first, "reports_annual", "３８６８２", 38682.0, "physical_exam_reports", 1),
        (first, "records_annual", "３８６８２．７７万", 386827700.0, "physical_exam_reports", 1),
        (first, "reports_cumulative", "40,000", 40000.0, "physical_exam_reports", 1),
        (first, "records_cumulative", "2亿", 200000000.0, "physical_exam_reports", 1),
    ])
    # joins back on the dataset's key
    data = pd.read_parquet(out / "physical_exam_reports")
    data["row_key"] = "institution=" + data["institution"].astype(str)
    joined = pd.DataFrame(rows).merge(data, on="row_key")
    assert len(joined) == len(rows)
