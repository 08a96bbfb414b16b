"""Synthetic bulletins with prose set in two page columns (the two_columns draw family,
tests/synth/draws.py), through every installed producer: extracted exactly, the columns read as
columns (their lines carry their column's edges)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_etl.layout.document import load

from .synth.draws import ALL, PINNED, drawn_through, pinned_draws
from .synth.model import make_bulletin
from .synth.sweep import PRODUCERS, Case, cannot_render, check, fonts, missing_tool, render, replay

CASES = [
    # seed, style, what the family draws for it
    (5, "grid", "the events with a rule between the columns, the remote-medicine paragraphs without"),
    (12, "three_line", "the events without a rule"),
    (25, "no_inner_verticals", "the events with a rule, the right column short (reportlab)"),
    (9012, "three_line", "the development index's two sentences with a right column of a line, the hotline with a rule"),
]


def test_the_family_draws_these_cases() -> None:
    drawn = {seed: make_bulletin(seed, draws=PINNED) for seed, _, _ in CASES}
    events = {seed: b.events.columns for seed, b in drawn.items()}
    assert all(events.values())
    assert [events[seed].rule for seed in (5, 12, 25)] == [True, False, True]  # type: ignore[union-attr]
    assert events[25].fill == "short_right"  # type: ignore[union-attr]
    assert drawn[5].section("remote_medicine").columns.rule is False  # type: ignore[union-attr]
    short = drawn[9012].section("development_index").columns
    assert short is not None and short.fill == "short_right" and drawn[9012].section("hotline_12320").columns.rule


@pytest.mark.parametrize("producer", PRODUCERS)
def test_two_column_bulletins_extract_exactly(producer: str, tmp_path: Path) -> None:
    reason = missing_tool(producer)
    if reason:
        pytest.skip(reason)
    cases = [Case(seed, producer, style, fonts(producer)[0], draws=pinned_draws(seed)) for seed, style, _ in CASES]
    pdfs = render(cases, tmp_path)
    for case in cases:
        check(case, pdfs[case.seed], tmp_path)
        assert case.problems == [], f"replay: {case.replay}"
        in_columns = [ln for ln in load(pdfs[case.seed]).lines if ln.frame is not None]
        assert len(in_columns) >= 10, case.replay


RAGGED_CASES = [
    # seed, style: the events set in columns unjustified (the ragged_columns family, all families on)
    (5, "grid"),
    (13, "three_line"),
]


def test_ragged_columns_extract_exactly(tmp_path: Path) -> None:
    """Columns of unjustified lines, many of the left column's ending in a mark inside it (reportlab
    790182's events): extracted exactly, the columns read as columns."""
    reason = cannot_render("reportlab", "STSong-Light")
    if reason:
        pytest.skip(reason)
    cases = [Case(seed, "reportlab", style, "STSong-Light", draws=ALL) for seed, style in RAGGED_CASES]
    assert all(make_bulletin(case.seed, draws=ALL).events.ragged for case in cases)
    pdfs = render(cases, tmp_path)
    for case in cases:
        check(case, pdfs[case.seed], tmp_path)
        assert case.problems == [], f"replay: {case.replay}"
        assert len([ln for ln in load(pdfs[case.seed]).lines if ln.frame is not None]) >= 10, case.replay


FOOT_ROW_CASES = [
    # seed, style: the hotline's columns begin at a page's foot with one row (reportlab); read across
    # that row, '…热线共受理咨询' | '电话…' (9) and '…热线共' | '受理咨询电话…' (33) must not part at the gutter
    (9, "no_inner_verticals"),
    (33, "no_inner_verticals"),
]


def test_the_family_begins_some_columns_at_a_page_foot() -> None:
    """foot_row (a stream of its own): the hotline of seeds 9 and 33, not the events."""
    for seed, _ in FOOT_ROW_CASES:
        b = make_bulletin(seed, draws=PINNED)
        hotline = b.section("hotline_12320").columns
        assert hotline is not None and hotline.foot_row
        assert b.events.columns is None or not b.events.columns.foot_row


def test_one_row_of_columns_at_a_page_foot_reads_across_exactly(tmp_path: Path) -> None:
    """The row is read across the gutter (no column frame) and its two halves join without a
    space: the hotline's figures are all labelled (lines.is_cjk_gutter)."""
    reason = cannot_render("reportlab", "wqy-zenhei")
    if reason:
        pytest.skip(reason)
    cases = [Case(seed, "reportlab", style, "wqy-zenhei" if seed == 33 else "STSong-Light", draws=pinned_draws(seed))
             for seed, style in FOOT_ROW_CASES]
    pdfs = render(cases, tmp_path)
    for case in cases:
        check(case, pdfs[case.seed], tmp_path)
        assert case.problems == [], f"replay: {case.replay}"
        across = [ln.text for ln in load(pdfs[case.seed]).lines if "热线共" in ln.text and ln.frame is None]
        assert len(across) == 1 and "热线共受理咨询电话" in across[0], case.replay


BROKEN_BEFORE = [
    # seed, producer, style, font, quirks: what the columns hold that was read wrong (issue 17, class 1)
    (700155, "reportlab", "three_line", "wqy-zenhei", False),  # a '、' hanging into a 1.3 em gutter
    (710048, "reportlab", "three_line", "uming", False),  # the same, the events read across the gutter
    (710256, "docx", "grid", "noto-sans", True),  # the index's short pair under a centred title and table
    (710080, "typst", "grid", "wqy-zenhei", False),  # the events' last lines alone in a page's left column
    (710040, "typst", "grid", "wqy-zenhei", True),  # remote medicine going on over a page break
    # a right column's line opening with a '“' Typst hangs half an em into the gutter (issue 17, class A2)
    (720129, "typst", "grid", "noto-serif", False),
    (720153, "typst", "grid", "uming", False),
    (720185, "typst", "three_line", "uming", False),
    (720216, "typst", "grid", "noto-sans", False),
    # the columns' last page: the events' long left column (headings, short last lines) beside a
    # right column of one line, read across the page (class A1, `goes_on_carried_column`)
    (720039, "typst", "grid", "noto-serif", False),
    (720058, "typst", "three_line", "noto-sans", False),
    # a single-column page: a '。' set mid-line where the folio's two parts leave a gutter probe,
    # its box running up to the next glyph, read as a short pair's gutter (class A3, `side_point`)
    (720083, "typst", "grid", "uming", False),
    # column lines short of or past their column's edge (issue 17, class 1)
    # remote medicine over a page break: '108 家…3家，' overfills its column, its '，' hanging past the edge
    (730008, "reportlab", "three_line", "uming", False),
    # the index's short pair: '全国卫生健康信息化发展指数' stops short before '（2030）显示…'
    (801013, "weasyprint", "three_line", "wqy-zenhei", False),
    # the same in ragged text: '布全国卫生健康信息化发展指数' before '(2019)，…' (no heading)
    (710280, "typst", "grid", "wqy-zenhei", True),
    # the hotline in two columns, justified: '106725个、|医疗投诉' stretched after a mid-line '、' read as a table's gutter
    (710142, "docx", "no_inner_verticals", "wqy-zenhei", True),
    # a justified line's mid-line '、' box (0.19 pt to the next glyph) taken for a short pair's gutter
    (710285, "docx", "three_line", "uming", True),
    # a folio pair ('第2页 / 共10页') probe ties the gutter (25 rows free each); a line ending in two hanging marks crosses it
    (720087, "reportlab", "no_inner_verticals", "uming", True),
    # a running header ('南京市卫生信息中心 / 第2期') probe ties the gutter
    (720058, "docx", "three_line", "noto-sans", False),
    (720089, "docx", "grid", "noto-serif", True),
    # the left column's edge tied between a short last line ('誉。' 70.1) and a full line (281.5), the first taken
    (720104, "reportlab", "no_inner_verticals", "wqy-zenhei", False),
    # '…地方标准，': reportlab's spaces round '3 项' overfill the line past the edge, its '，' hanging from there
    (720203, "reportlab", "grid", "wqy-zenhei", False),
    # the index's short pair in 12 pt at the page top, its left column's second line 20.3 pt under: the page
    # pitch was taken from a 10.5 pt note's 15 pt steps, cutting the stretch after one row
    (720023, "html", "grid", "uming", False),
    # reportlab overfilling a left column's line by closing marks hung past its edge: '…应用”。', the
    # '。' up to the right column's first glyph, read across the gutter, cutting the columns in two
    # (`trails_hung_mark`); the columns' last page whose one two-sided row is parted by a hung '、'
    # alone, read as a mark-box gutter (`continues_carried_column`)
    (740002, "reportlab", "three_line", "STSong-Light", True),
    (745006, "reportlab", "grid", "uming", True),
    # no columns at all: WeasyPrint justifying '…接入 6 家…' an em a space either side of the figure near
    # the page's middle, over the paragraph's short last line, read as a short column pair ('…接入 6' /
    # '绘、…等。' / '家医院…'): the space after the figure was taken for a left line's end, the word
    # space before it for the line's glyph spacing (`glyph_spacing`, `parted_by_word_space`)
    (790024, "weasyprint", "no_inner_verticals", "uming", False),
    # ragged events whose left lines end mostly in a '，' set inside the column: its edge read an em short,
    # so '…应用”。' (the marks touching, the '。' over the right column's first glyph) crossed the gutter and
    # the events were mixed; the hotline's columns going on from a page's foot, a '、' hung 3 pt past the
    # edge 1 pt short of the right line, read across (`line_end_candidates`, `opens_hung_chain`)
    (790182, "reportlab", "three_line", "STSong-Light", False),
    # the hotline in two columns of four lines, LibreOffice spreading every character of a justified line,
    # the word space too: '…干预 5798', '电话预约 46438…' over a gap wider than a gutter cut two column lines
    # in three, read as a table's gutter (`is_tabular`) and across the page (`spread_like_a_glyph`)
    (881004, "docx", "grid", "uming", False),
]

FOUND_AT = {881004: "columns_under_title"}
"""Seeds a helper's small sweep found at a later commit than their range's sweep, each with the last
family of that commit: drawn with those families (`drawn_through`), not their range's (`pinned_draws`)."""


@pytest.mark.parametrize("seed, producer, style, font, quirks", BROKEN_BEFORE)
def test_two_column_bulletins_once_misread(seed: int, producer: str, style: str, font: str, quirks: bool,
                                           tmp_path: Path) -> None:
    reason = cannot_render(producer, font)
    if reason:
        pytest.skip(reason)
    draws = drawn_through(FOUND_AT[seed]) if seed in FOUND_AT else pinned_draws(seed)
    case = Case(seed, producer, style, font, quirks=quirks, draws=draws)
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"


TYPST_SWEPT = [
    # seed, style, font, quirks, force: two-column prose Typst set that was read wrong (issue 17);
    # the sweep's seeds (720000–, 740000–, 790000–) drawn with their sweep's families (pinned_draws), the
    # helpers' (750000–, 760000–) with the families up to airy_rows, which they were found with
    (720203, "grid", "uming", False, ""),  # a mid-line '、' under a footer's probe (abuts_next_glyph)
    (763004, "three_line", "wqy-zenhei", False, ""),  # a space at a left line's end (ends_left_line)
    # read exactly since this session's first round (hangs_at_column_start, goes_on_carried_column,
    # side_point, above_title_under_columns)
    (740033, "grid", "uming", False, ""),
    (740058, "three_line", "noto-sans", True, ""),
    (740069, "grid", "noto-serif", False, ""),
    (740156, "grid", "noto-sans", True, ""),
    (740173, "grid", "uming", False, ""),
    (720191, "no_inner_verticals", "wqy-zenhei", True, ""),
    (750003, "three_line", "uming", False, ""),
    (750108, "three_line", "noto-sans", False, ""),
    (761101, "grid", "noto-serif", False, ""),
    (763041, "grid", "noto-serif", False, "two_columns"),
    (764005, "three_line", "uming", False, "two_columns"),
    # the sweep at 3f1d458 (790000–, its families through cut_halves_beside): the development index
    # in a short pair of columns, its one row with text on both sides ending in a '）' trimmed at the
    # left column's edge (trimmed_at_column_end)
    (790003, "grid", "uming", False, ""),
    (790087, "no_inner_verticals", "noto-sans", False, ""),  # a ragged columns' last page (reaches_column_edge)
    (790111, "no_inner_verticals", "wqy-zenhei", True, ""),  # columns under a title under columns; '备注' (clustered)
    # the part's title a pitch under a left column's last line filling it with its paragraph's '。',
    # read as that column's line before the right one: event 十 lost (is_title_under_full_line)
    (790158, "three_line", "noto-sans", True, ""),
    (790206, "grid", "noto-sans", False, ""),
]


def swept_draws(seed: int) -> frozenset[str]:
    """The families the seed was drawn with when it failed: a sweep's (pinned_draws), or, for the
    helpers' seeds (750000–769999), the families up to airy_rows."""
    return drawn_through("airy_rows") if 750000 <= seed < 770000 else pinned_draws(seed)


@pytest.mark.parametrize("seed, style, font, quirks, force", TYPST_SWEPT)
def test_typst_two_column_bulletins_once_misread(seed: int, style: str, font: str, quirks: bool, force: str,
                                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reason = cannot_render("typst", font)
    if reason:
        pytest.skip(reason)
    if force:
        monkeypatch.setenv("BULLETIN_SYNTH_FORCE", force)
    case = Case(seed, "typst", style, font, quirks=quirks, draws=swept_draws(seed))
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"


TYPST_TYPED_SPACES = [
    # seed, style, font, quirks: two_columns forced, at the families through cut_halves_beside; one run
    # of header labels, '2026年报告数量' autospaced beside '2026 年数据条数' typed with a space: the
    # printed space was taken to show the run set no autospace, so the quarter em after '2026' over
    # the names' gutter cut, and '2026' stood in the names' column (fixed by autospaces_into_chinese)
    (768211, "three_line", "noto-serif", False),  # physical_exam_reports: a header row keyed '2026', exit 5
    (768210, "no_inner_verticals", "noto-serif", True),  # … and family_doctor_referrals' '2026' | '年总量'
    (768204, "no_inner_verticals", "uming", False),  # '单位 2021' | '年报告数量'; '累计总量2021' | '年度总量'
]


@pytest.mark.parametrize("seed, style, font, quirks", TYPST_TYPED_SPACES)
def test_typst_labels_typed_with_and_without_a_space(seed: int, style: str, font: str, quirks: bool,
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reason = cannot_render("typst", font)
    if reason:
        pytest.skip(reason)
    monkeypatch.setenv("BULLETIN_SYNTH_FORCE", "two_columns")
    case = Case(seed, "typst", style, font, quirks=quirks, draws=drawn_through("cut_halves_beside"))
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"


TYPST_COLUMNS_UNDER_TITLE = [
    # seed, style, font: the columns_under_title family drawn (every family on): the development
    # index's columns a line's pitch under its title, flush left, under '统计数据' set close under the
    # events' columns, one gutter down both; read as one stretch cut at the part title, the index's
    # columns were skipped and read across the gutter before the rows under a title under columns
    # were looked at again (typst 790111)
    (13, "three_line", "noto-sans"),
    (147, "three_line", "noto-sans"),
]


@pytest.mark.parametrize("seed, style, font", TYPST_COLUMNS_UNDER_TITLE)
def test_typst_columns_close_under_the_part_title(seed: int, style: str, font: str, tmp_path: Path) -> None:
    reason = cannot_render("typst", font)
    if reason:
        pytest.skip(reason)
    # the families these were checked with: carried_rests, added since, pads a table of seed 147
    case = Case(seed, "typst", style, font, draws=drawn_through("ragged_columns"))
    assert replay(case, tmp_path) == [], f"replay: {case.replay}"
