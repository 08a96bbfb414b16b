"""The bulletin's words that tell a title from running text, one rule at a time, on printed text
written out by hand."""

from __future__ import annotations

import pytest

from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.vocabulary import (
    ends_with_colon,
    fits_a_title,
    is_aside,
    is_part_title,
    is_punctuated,
    is_running_text,
    is_sentence,
    is_table_row,
    names_a_year,
    reads_as_title,
)

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given

LONG = "南京市卫生信息中心持续推进全民健康信息平台建设完善数据标准体系扎实推进各项工作并在全市范围取得明显成效"
assert len(LONG) > DEFAULTS.title_max_chars


def test_a_colon_at_the_end_leads_in() -> None:
    assert ends_with_colon("主要指标如下：")
    assert ends_with_colon("主要指标如下: ")
    assert not ends_with_colon("注：数据来源于平台")


@pytest.mark.parametrize("text, punctuated", [
    ("全年完成预约 12 万人次。", True),
    ("分别为120，350家", True),
    ("主要指标如下：", True),
    ("门诊量 3,066,151 人次", False),  # a thousands separator is no sentence mark
    ("2030 年度南京市远程医疗数据", False),
])
def test_punctuated_as_running_text(text: str, punctuated: bool) -> None:
    assert is_punctuated(text) is punctuated


def test_a_title_has_some_text_and_no_more_than_a_title_gets() -> None:
    assert fits_a_title("十件大事", DEFAULTS)
    assert not fits_a_title(" ", DEFAULTS)
    assert not fits_a_title(LONG, DEFAULTS)


@pytest.mark.parametrize("text, title", [
    ("2030 年度南京市电子健康卡发卡情况统计", True),
    ("2030 年南京市卫生信息平台数据采集情况（区）", True),
    ("十件大事", True),
    ("南京市远程医学会诊系统数据。", False),  # a title word, but a sentence
    ("数据统计如下：", False),
    ("2030 年度南京市卫生信息中心", False),  # no title's ending
])
def test_worded_like_a_title(text: str, title: bool) -> None:
    assert reads_as_title(text, DEFAULTS) is title


def test_running_text_is_punctuated_or_longer_than_a_title() -> None:
    assert is_running_text("一、突出政治引领，激活党建动能。", DEFAULTS)
    assert is_running_text(LONG, DEFAULTS)
    assert not is_running_text("2030 年度南京市远程医疗数据", DEFAULTS)


@pytest.mark.parametrize("text, aside", [
    ("注：数据来源于平台", True),
    ("（说明 1：不含部队医院）", True),
    ("（不包含医院自有途径预约）", True),
    ("（单位：万人次）", True),
    ("2030 年南京市卫生信息平台数据采集情况（区）", False),
])
def test_a_note_or_a_remark_in_brackets_is_an_aside(text: str, aside: bool) -> None:
    assert is_aside(text) is aside


def test_several_figures_apart_make_a_table_row_and_a_year_does_not_count() -> None:
    assert is_table_row("3 南京江北医院 60481 4223")
    assert not is_table_row("南京 12320 卫生热线 2028 年度数据统计")


@pytest.mark.parametrize("text", ["全年完成预约 12 万人次。", LONG, "注：数据来源于平台", "（单位：万人次）",
                                  "3 南京江北医院 60481 4223"])
def test_running_text_an_aside_or_a_table_row_is_never_a_heading(text: str) -> None:
    assert is_sentence(text, DEFAULTS)


def test_a_title_is_no_sentence() -> None:
    assert not is_sentence("2030 年度南京市电子健康卡发卡情况统计", DEFAULTS)


@pytest.mark.parametrize("title, part", [
    # the part's heading over the statistics sections, as editions word and number it
    ("统计数据", True), ("数据统计", True), ("主要统计数据", True), ("统计数据汇总", True),
    ("统计资料", True), ("主要统计指标", True), ("第二部分 统计数据", True), ("第二部分：主要统计数据", True),
    ("二、主要统计数据", True), ("（二）统计资料", True), ("统 计 数 据", True),
    # a section's title: it names what the section counts
    ("2030年南京市家庭医生分级诊疗系统转诊数据统计", False), ("体检数据统计", False), ("12320卫生热线数据统计", False),
    ("（四）相关业务数据统计", False), ("主要服务数据一览", False),  # says too little, but names a subject
    # no statistics named, one word alone, or more than the part's words
    ("主要情况", False), ("统计", False), ("附表", False), ("统计数据公报", False), ("南京市卫生信息中心", False),
])
def test_a_part_title_is_made_only_of_the_parts_words(title: str, part: bool) -> None:
    assert is_part_title(title) is part


@pytest.mark.parametrize("text, says", [
    ("2030 年南京市卫生信息平台数据", True),
    ("（二）2028年健康证数据", True),
    ("2030 年度南京市远程医疗数据", True),
    ("采集情况（医院）", False),  # a title's rest
    ("全国卫生健康信息化发展指数（2030）", False),  # the year in brackets, no '年'
    ("南京 12320 卫生热线服务统计", False),  # a number, no year
])
def test_a_year_said_as_a_title_says_it(text: str, says: bool) -> None:
    assert names_a_year(text) is says
