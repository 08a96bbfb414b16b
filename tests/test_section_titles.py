"""Sections recognised by meaning: a title's key words in any order with any synonym ending, its
numbering dropped; a title that says too little (or names two sections) decided by the content
under it, with a warning; an unknown table left unrecognised. Pure titles first, then small
drawn PDFs whose structure the tests know."""

from __future__ import annotations

from pathlib import Path

import pytest

from bulletin_etl.completeness import is_numbered_heading
from bulletin_etl.layout.document import load
from bulletin_etl.layout.sections import cut
from bulletin_etl.layout.tables import Grid
from bulletin_etl.layout.vocabulary import without_numbering
from bulletin_etl.pipeline import recognise
from bulletin_etl.sections import SECTIONS, TITLE_PATTERNS
from bulletin_etl.sections.base import Context
from bulletin_etl.sections.recognition import title_matches
from bulletin_etl.text import squash

from .pdfkit import Table, cell, make_pdf
from .test_layout_headings import LEFT, centred, para, text


@pytest.mark.parametrize("printed, title", [
    ("（四）服务情况", "服务情况"),
    ("( 四 )服务情况", "服务情况"),
    ("四、相关数据", "相关数据"),
    ("1. 健康证数据", "健康证数据"),
    ("1、2021 年度远程医疗数据", "2021年度远程医疗数据"),
    ("2.1 南京市远程医疗数据", "南京市远程医疗数据"),
    ("1.1 2028年度十件大事", "2028年度十件大事"),
    ("第一部分 统计数据", "统计数据"),
    ("12320预约挂号服务统计", "12320预约挂号服务统计"),  # digits of the title's own
    ("2024 年度南京市远程医疗数据", "2024年度南京市远程医疗数据"),  # a year is no number
    ("十件大事", "十件大事"),
    ("（2024）发展指数", "(2024)发展指数"),
])
def test_a_headings_number_is_never_part_of_its_title(printed: str, title: str) -> None:
    assert without_numbering(printed) == title


def named(title: str) -> list[str]:
    return [m.section for m in title_matches(SECTIONS, title)]


@pytest.mark.parametrize("title, section", [
    # the 2024 bulletin's titles
    ("2024 年度南京市卫生信息中心十件大事", "events"),
    ("全国卫生健康信息化发展指数（2024）", "development_index"),
    ("南京市医疗机构国家三项测评成绩", "evaluation_ratings"),
    ("2024 年度南京市远程医疗数据", "remote_medicine"),
    ("2024 年度南京市体检综合管理平台数据量统计", "physical_exam_reports"),
    ("2024 年南京市家庭医生分级诊疗系统转诊数据统计", "family_doctor_referrals"),
    ("2024 年度南京市从业人员健康证系统数据统计", "health_certificates"),
    ("南京 12320 卫生热线 2024 年度数据统计", "hotline_12320"),
    ("2024 年度 12320 预约挂号服务统计", "appointments_12320"),
    ("2024 年度线上预约情况统计", "online_booking_channels"),
    ("2024 年南京市互联网医院诊疗数据统计", "internet_hospitals"),
    ("2024 年度南京市卫生信息平台数据采集情况（区）", "platform_collection_districts"),
    ("2024 年度南京市卫生信息平台数据采集情况（医院）", "platform_collection_hospitals"),
    # the same sections worded otherwise: endings, word order, year, city, numbering
    ("（四）健康证系统2028年度概况", "health_certificates"),
    ("南京市2028年从业人员健康证办理统计表", "health_certificates"),
    ("3. 卫生热线12320情况统计", "hotline_12320"),
    ("12320平台预约挂号一览表", "appointments_12320"),
    ("2028年网上预约情况", "online_booking_channels"),
    ("各区卫生信息平台数据采集概况", "platform_collection_districts"),
    ("卫生信息平台医院数据采集情况统计", "platform_collection_hospitals"),
    ("2.3 分级诊疗转诊数据", "family_doctor_referrals"),
    ("国家三项测评结果", "evaluation_ratings"),
    ("2028年度全国卫生健康信息化发展指数排名情况", "development_index"),
    ("远程医疗系统运行情况", "remote_medicine"),
    ("南京市互联网医院服务概况", "internet_hospitals"),
])
def test_a_title_names_its_section_whatever_its_wording(title: str, section: str) -> None:
    assert named(title) == [section]


@pytest.mark.parametrize("title", [
    # the unknown sections the generator draws: no known section's key words
    "2028年度南京市电子健康卡发卡情况统计",
    "2028年南京市基层医疗卫生机构信息系统建设情况统计",
    "南京市居民健康档案开放调阅情况统计",
    "南京市出生医学证明电子证照签发情况统计",
    "南京市检查检验结果互认情况统计",
    # titles that say too little: only content can tell
    "（四）服务情况", "四、相关数据", "相关业务数据统计",
    # the part title and the colophon
    "统计数据", "南京市卫生信息中心",
    # a section's key words in running text, not ending as a title does
    "南京市健康证系统上线运行",
])
def test_a_title_without_a_sections_key_words_names_none(title: str) -> None:
    assert named(title) == []


@pytest.mark.parametrize("title, sections", [
    ("卫生信息平台各区医院数据采集情况", ["platform_collection_districts", "platform_collection_hospitals"]),
    ("12320卫生热线预约挂号服务统计", ["appointments_12320", "hotline_12320"]),
    ("12320线上预约情况统计", ["appointments_12320", "online_booking_channels"]),
])
def test_a_title_naming_two_sections_returns_both_for_the_content_to_decide(title: str, sections: list[str]) -> None:
    assert sorted(named(title)) == sections


def test_a_match_says_why() -> None:
    (match,) = title_matches(SECTIONS, "（二）2028年卫生信息平台数据采集概况（区）")
    assert match.reason == "names 采集+(区), ends in 概况"


def test_the_layout_pattern_of_a_title_agrees_with_its_words() -> None:
    import re
    for section in SECTIONS:
        pattern = re.compile(section.title.pattern)
        for title in ("2028年度南京市健康证系统数据统计", "各区卫生信息平台数据采集概况", "12320平台预约挂号一览表",
                      "相关业务数据统计", "南京市健康证系统上线运行"):
            assert bool(pattern.search(without_numbering(title))) == (section.name in named(title)), (section.name, title)


@pytest.mark.parametrize("line, heading", [
    ("4、南京市医疗机构国家三项测评成绩", True),
    ("2、2021 年", True),  # a numbered title's first line alone
    ("1、国家医疗健康信息互联互通标准化成熟度测评：南京市和栖霞区、江宁区、", False),
    ("3、国家医院智慧服务评级；东部战区空军医院", False),
    ("一、推进智慧医院建设，提升服务水平。", False),
])
def test_a_numbered_heading_is_told_from_a_numbered_item(line: str, heading: bool) -> None:
    assert is_numbered_heading(line) is heading


# --- content recognition on drawn pages -------------------------------------------------------

MASTHEAD = "南京市卫生信息中心 编印 2031 年 1 月 20 日"
INTRO = "南京市卫生信息中心持续推进全民健康信息平台建设完善数据标准体系扎实推进各"


def grid(top: float, rows: list[list[str]], widths: list[float]) -> Table:
    cells = [cell(r, c, value) for r, row in enumerate(rows) for c, value in enumerate(row)]
    return Table(LEFT, top, widths, [20] * len(rows), cells)


CERTIFICATES = [["类别", "用人单位数", "个人用户数", "预约订单数", "电子健康证数"],
                ["2030年", "1203", "45012", "30211", "40122"],
                ["累计", "8120", "301220", "200112", "290146"]]
UNKNOWN = [["序号", "发卡渠道", "2030年发卡数量", "累计发卡数量"],
           ["1", "微信公众号", "1200", "53012"],
           ["2", "医院自助机", "800", "21030"]]
PLATFORM_HEADER = ["接入单位", "定时数据上传量", "实时数据上传天数", "门急诊信息/人次"]


def pieces_of(tmp_path: Path, name: str, sections: list[tuple[str, list[list[str]] | None]]):
    """A page: the masthead, a paragraph under a known title, then each (title, table) given."""
    def page(c):
        text(c, LEFT, 40, MASTHEAD)
        centred(c, 80, "2030 年度南京市远程医疗数据")
        y = para(c, 110, [INTRO[2:], "远程会诊系统。"])
        for title, rows in sections:
            if title:  # none: a section printed under the heading before it
                centred(c, y + 20, title)
            if rows is None:
                y = para(c, y + 50, HOTLINE)
                continue
            table = grid(y + 50, rows, [60.0] + [90.0] * (len(rows[0]) - 1))
            table.draw(c)
            y = table.bottom
    return cut(load(make_pdf(tmp_path / name, page)), TITLE_PATTERNS)[1:]


HOTLINE = ["2030年，南京12320卫生热线共受理咨询电话1500个，其", "中咨询类600个、医疗投诉300个、电话预约600个，受理",
           "市12345工单100件，省12345工单80件，自接工单70件。"]


def test_a_table_under_a_title_that_says_too_little_is_read_as_the_section_its_header_names(tmp_path: Path) -> None:
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "vague.pdf", [("（四）相关业务数据统计", CERTIFICATES),
                                                        ("（五）2030年度南京市电子健康卡发卡情况统计", UNKNOWN)]), ctx)
    assert [s.name for s, _ in found] == ["remote_medicine", "health_certificates"]
    assert [(w.kind, w.section, w.message) for w in ctx.warnings] == [
        ("section_by_content", "health_certificates",
         "heading '（四）相关业务数据统计' names no section; read as health_certificates by its content "
         "(its table's header: 5 of 5 cells in the health_certificates column map)"),
        ("unknown_heading", None,
         "unrecognised section heading '（五）2030年度南京市电子健康卡发卡情况统计' (a table headed "
         "'序号 | 发卡渠道 | 2030年发卡数量 | 累计发卡数量'); its content was not extracted"),
    ]


def test_an_unknown_table_under_a_title_that_says_too_little_stays_unrecognised(tmp_path: Path) -> None:
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "unknown.pdf", [("（四）相关业务数据统计", UNKNOWN)]), ctx)
    assert [s.name for s, _ in found] == ["remote_medicine"]
    assert [w.kind for w in ctx.warnings] == ["unknown_heading"]


@pytest.mark.parametrize("labels, section", [
    (["玄武区", "秦淮区", "江宁区"], "platform_collection_districts"),
    (["南京鼓楼医院", "江苏省人民医院", "南京市第一医院"], "platform_collection_hospitals"),
])
def test_a_title_naming_two_sections_is_decided_by_the_tables_row_labels(tmp_path: Path, labels: list[str],
                                                                        section: str) -> None:
    rows = [PLATFORM_HEADER] + [[label, "1200", "365", "30211"] for label in labels]
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "two.pdf", [("2030年卫生信息平台各区医院数据采集情况", rows)]), ctx)
    assert [s.name for s, _ in found] == ["remote_medicine", section]
    (warning,) = ctx.warnings
    assert warning.kind == "section_by_content"
    assert warning.message == (
        "heading '2030年卫生信息平台各区医院数据采集情况' names platform_collection_districts and "
        f"platform_collection_hospitals; read as {section} by its content (its table's header: 4 of 4 cells in the "
        f"{section} column map, rows labelled by {'district' if 'district' in section else 'institution'})")


def test_paragraphs_under_a_title_that_says_too_little_are_read_by_their_sentence_shapes(tmp_path: Path) -> None:
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "prose.pdf", [("四、服务开展情况统计", None)]), ctx)
    assert [s.name for s, _ in found] == ["remote_medicine", "hotline_12320"]
    assert [(w.kind, w.message) for w in ctx.warnings] == [
        ("section_by_content", "heading '四、服务开展情况统计' names no section; read as hotline_12320 by its content "
                               "(its paragraphs have the sentence shapes of hotline_12320)")]


@pytest.mark.parametrize("line, alone", [
    ("采集情况（区）", False),  # a known title's words, but a wrapped title's rest ('…平台数据' / '采集情况（区）')
    ("2028年卫生信息平台数据采集情况（区）", True),
    ("（四）健康证系统概况", True),
])
def test_a_known_title_alone_on_a_line_is_as_long_as_a_title(line: str, alone: bool) -> None:
    from bulletin_etl.layout.headings import flow_of, known_alone
    from bulletin_etl.layout.settings import LayoutSettings

    assert known_alone(flow_of([], {}, LayoutSettings(), TITLE_PATTERNS), line) is alone


@pytest.mark.parametrize("line, row", [
    ("2.6 南京 12320 卫生热线2022年数据统计", False),  # the heading's number is no figure of a row
    ("2.7 2022年 12320 预约挂号服务统计", False),
    ("3 南京江北医院 60481 4223", True),
])
def test_a_numbered_title_is_no_table_row(line: str, row: bool) -> None:
    from bulletin_etl.layout.vocabulary import is_table_row

    assert is_table_row(line) is row


def test_a_table_under_a_prose_sections_heading_is_read_as_the_section_its_content_shows(tmp_path: Path) -> None:
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "moved.pdf", [("", CERTIFICATES)]), ctx)
    assert [(s.name, len(p.paragraphs()), len(p.tables())) for s, p in found] == [
        ("remote_medicine", 1, 0), ("health_certificates", 0, 1)]
    assert [(w.kind, w.section, w.message) for w in ctx.warnings] == [
        ("section_by_content", "health_certificates",
         "a table under heading '2030 年度南京市远程医疗数据' (remote_medicine) read as health_certificates by its "
         "content (its table's header: 5 of 5 cells in the health_certificates column map)")]


def test_an_unknown_table_under_a_prose_sections_heading_stays_where_it_is(tmp_path: Path) -> None:
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "moved-unknown.pdf", [("", UNKNOWN)]), ctx)
    assert [(s.name, len(p.tables())) for s, p in found] == [("remote_medicine", 1)]
    assert ctx.warnings == []


def test_a_title_naming_two_sections_whose_content_does_not_tell_is_reported(tmp_path: Path) -> None:
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "ambiguous.pdf", [("2030年12320卫生热线预约挂号服务统计", UNKNOWN)]), ctx)
    assert [s.name for s, _ in found] == ["remote_medicine"]
    assert [(w.kind, w.message) for w in ctx.warnings] == [
        ("ambiguous_heading", "heading '2030年12320卫生热线预约挂号服务统计' names appointments_12320 and hotline_12320 "
                              "(names 12320+预约, ends in 统计; names 热线, ends in 统计) and its content does not tell "
                              "which; its content was not extracted")]


REMARK = "（不包含 12320 电话预约、医院诊间预约、医院自有途径预约）"


@pytest.mark.parametrize("remark", [True, False])
def test_a_remark_right_over_a_moved_table_goes_with_the_table(tmp_path: Path, remark: bool) -> None:
    """The remark under a table section's own (unprinted) title, '（不包含 12320 电话预约…）', set right
    over its table after a prose section's paragraphs: the table's, not the prose's last paragraph
    (the evaluation section read it as a clause). Counter-case: without a remark, the paragraph
    over the table stays the prose's."""
    def page(c):
        text(c, LEFT, 40, MASTHEAD)
        centred(c, 80, "2030 年度南京市远程医疗数据")
        y = para(c, 110, [INTRO[2:], "远程会诊系统。"])
        if remark:
            centred(c, y + 20, REMARK)
        grid(y + 50, CERTIFICATES, [60.0] + [90.0] * 4).draw(c)

    ctx = Context(file=tmp_path / "b.pdf", year=0)
    pieces = cut(load(make_pdf(tmp_path / "remark.pdf", page)), TITLE_PATTERNS)[1:]
    first = next(i for i, b in enumerate(pieces[0].blocks) if isinstance(b, Grid))
    assert [squash(ln.text) for ln in pieces[0].remark_over_table(first)] == ([squash(REMARK)] if remark else [])
    found = recognise(pieces, ctx)
    assert [(s.name, [q.text for q in p.paragraphs()]) for s, p in found] == [
        ("remote_medicine", [INTRO[2:] + "远程会诊系统。"]), ("health_certificates", [REMARK] if remark else [])]
    assert [w.kind for w in ctx.warnings] == ["section_by_content"]  # the table read by its content


EXAMS = [["序号", "单位", "2030年报告数量", "累计报告数量"],
         ["1", "南京鼓楼医院", "1200", "5000"],
         ["2", "江苏省人民医院", "800", "3000"]]


def test_a_second_table_under_a_table_sections_heading_is_read_as_the_section_its_content_shows(
        tmp_path: Path) -> None:
    """The heading between two tables lost (LibreOffice dropped it in docx 710287): the second
    table is the section its content alone shows, among those no title names."""
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "second.pdf", [("2030年度南京市从业人员健康证系统数据统计", CERTIFICATES),
                                                         ("", EXAMS)]), ctx)
    assert [(s.name, len(p.tables())) for s, p in found] == [
        ("remote_medicine", 0), ("health_certificates", 1), ("physical_exam_reports", 1)]
    assert [(w.kind, w.section, w.message) for w in ctx.warnings] == [
        ("section_by_content", "physical_exam_reports",
         "a table under heading '2030年度南京市从业人员健康证系统数据统计' (health_certificates) read as "
         "physical_exam_reports by its content (its table's header: 4 of 4 cells in the physical_exam_reports "
         "column map, rows labelled by institution)")]


def test_an_unknown_second_table_under_a_table_sections_heading_stays_where_it_is(tmp_path: Path) -> None:
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "second-unknown.pdf", [("2030年度南京市从业人员健康证系统数据统计", CERTIFICATES),
                                                                 ("", UNKNOWN)]), ctx)
    assert [(s.name, len(p.tables())) for s, p in found] == [("remote_medicine", 0), ("health_certificates", 2)]
    assert ctx.warnings == []


def test_a_table_sections_notes_are_those_under_its_own_table_when_an_unread_table_follows(tmp_path: Path) -> None:
    """The note under the section's table, then an unknown table printed without a heading: the
    section's own part ends at the unknown table and its notes are the line under its table."""
    from bulletin_etl.sections.base import own_part

    def page(c):
        text(c, LEFT, 40, MASTHEAD)
        centred(c, 80, "2030年度南京市从业人员健康证系统数据统计")
        first = grid(110, CERTIFICATES, [60.0] + [90.0] * 4)
        first.draw(c)
        text(c, LEFT, first.bottom + 4, "注：累计办理电子健康证290146张。")
        grid(first.bottom + 50, UNKNOWN, [60.0] + [90.0] * 3).draw(c)

    (piece,) = cut(load(make_pdf(tmp_path / "notes.pdf", page)), TITLE_PATTERNS)[1:]
    tables = piece.tables()
    assert [t.n_cols for t in tables] == [5, 4]
    assert piece.notes() == []  # under the last table: nothing
    own = own_part(piece, tables)
    assert [p.text for p in own.notes()] == ["注：累计办理电子健康证290146张。"]
    assert [t.n_cols for t in own.tables()] == [5]
    assert own_part(own, own.tables()) is own


UNKNOWN_TITLE = "2030年南京市居民健康档案开放调阅情况统计"


def test_a_second_table_under_an_unknown_sections_heading_is_read_as_the_section_its_content_shows(
        tmp_path: Path) -> None:
    """A headless table (its own title not set as a heading) standing under the table of a section
    unknown to the extractor (reportlab 720261): the unknown section is reported and left out, its
    second table read as the section its content alone shows (`unplaced_table`)."""
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "unplaced.pdf", [(UNKNOWN_TITLE, UNKNOWN), ("", EXAMS)]), ctx)
    assert [(s.name, len(p.tables())) for s, p in found] == [("remote_medicine", 0), ("physical_exam_reports", 1)]
    assert [(w.kind, w.section) for w in ctx.warnings] == [("unknown_heading", None),
                                                           ("section_by_content", "physical_exam_reports")]
    assert ctx.warnings[1].message == (
        f"a table under heading '{UNKNOWN_TITLE}' (no known section) read as physical_exam_reports by its content "
        "(its table's header: 4 of 4 cells in the physical_exam_reports column map, rows labelled by institution)")


@pytest.mark.parametrize("part", ["统计数据", "数据统计", "第二部分 统计数据", "主要统计指标"])
def test_the_parts_heading_however_worded_is_no_unknown_section(tmp_path: Path, part: str) -> None:
    """The part's heading over the statistics sections, nothing under it but the next title, is
    left without a warning; a section's title ending '…数据统计' whose subject no section knows is
    still reported as unrecognised."""
    def page(c):
        text(c, LEFT, 40, MASTHEAD)
        centred(c, 80, "2030 年度南京市远程医疗数据")
        y = para(c, 110, [INTRO[2:], "远程会诊系统。"])
        centred(c, y + 30, part)
        centred(c, y + 70, "2030年南京市智慧药房数据统计")
        grid(y + 100, UNKNOWN, [60.0] + [90.0] * 3).draw(c)

    pieces = cut(load(make_pdf(tmp_path / "part.pdf", page)), TITLE_PATTERNS)[1:]
    assert [p.title for p in pieces] == ["2030 年度南京市远程医疗数据", part, "2030年南京市智慧药房数据统计"]
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    assert [s.name for s, _ in recognise(pieces, ctx)] == ["remote_medicine"]
    assert [(w.kind, w.message) for w in ctx.warnings] == [
        ("unknown_heading", "unrecognised section heading '2030年南京市智慧药房数据统计' (a table headed "
                            f"{' | '.join(UNKNOWN[0])!r}); its content was not extracted")]


def test_an_unknown_second_table_under_an_unknown_sections_heading_is_left_out(tmp_path: Path) -> None:
    ctx = Context(file=tmp_path / "b.pdf", year=0)
    found = recognise(pieces_of(tmp_path, "unplaced-unknown.pdf", [(UNKNOWN_TITLE, UNKNOWN), ("", UNKNOWN)]), ctx)
    assert [(s.name, len(p.tables())) for s, p in found] == [("remote_medicine", 0)]
    assert [w.kind for w in ctx.warnings] == ["unknown_heading"]
