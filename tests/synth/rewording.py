"""The rewording draw family: section titles worded otherwise than the 2024 bulletin's, with the
same meaning — another synonym ending ('…情况', '…概况', '…统计表'), the year elsewhere or not at
all, '年' or '年度', with or without '南京市' — and the whole bulletin's headings numbered one way
('一、', '（一）', '1.', '1、', '2.1'); sometimes a title that says too little ('（四）相关业务数据统计'),
so that only the section's content tells which it is (the expected warning says so); sometimes a
table section printed without a heading of its own, under a prose section's or '统计数据'.

The part_title family (`part_title`, a stream of its own) words the part's heading over the
statistics sections otherwise ('主要统计数据', '统计数据汇总', '数据统计', '统计资料', '主要统计指标',
'第二部分 统计数据') or sets it like the table title right under it.

Counter-cases kept: the unknown sections' titles are numbered like the rest but never reworded
into a known section's words, and no rewording here names another section's key words."""

from __future__ import annotations

import random

from .content import Section
from .sections.names import ZH_NUM

SUBJECTS: dict[str, list[str]] = {
    # section → its subject as other editions may word it ('{e}': where the ending goes, when not last)
    "physical_exam_reports": ["体检综合管理平台数据量", "体检综合管理平台报告", "体检平台数据"],
    "family_doctor_referrals": ["家庭医生分级诊疗系统转诊", "家庭医生转诊", "分级诊疗转诊"],
    "health_certificates": ["从业人员健康证系统", "健康证系统", "从业人员健康证办理"],
    "hotline_12320": ["12320卫生热线", "12320热线服务", "卫生热线12320"],
    "appointments_12320": ["12320预约挂号服务", "12320预约挂号", "12320平台预约挂号"],
    "online_booking_channels": ["线上预约", "线上预约渠道", "网上预约"],
    "internet_hospitals": ["互联网医院诊疗", "互联网医院服务", "互联网医院"],
    "platform_collection_districts": ["卫生信息平台数据采集{e}（区）", "各区卫生信息平台数据采集", "卫生信息平台分区数据采集"],
    "platform_collection_hospitals": ["卫生信息平台数据采集{e}（医院）", "各医院卫生信息平台数据采集",
                                      "卫生信息平台医院数据采集"],
    "remote_medicine": ["远程医疗", "远程医疗服务", "远程医疗系统运行"],
    "evaluation_ratings": ["医疗机构国家三项测评{e}", "国家三项测评{e}"],
    "development_index": ["全国卫生健康信息化发展指数{e}"],
}
ENDINGS = ["数据统计", "情况统计", "情况", "统计", "数据", "概况", "统计表", "一览表"]
OWN_ENDINGS = {"evaluation_ratings": ["成绩", "结果", "成绩情况"], "development_index": ["", "排名情况"]}
"""Sections whose title ends in a word of its own ('…测评成绩', '…发展指数')."""

VAGUE = ["相关业务数据统计", "服务开展情况统计", "业务运行数据统计", "主要服务数据一览", "年度工作开展情况"]
"""Titles that say too little: no section's key words, only a title's ending."""

CONTENT_RECOGNISED = ("physical_exam_reports", "family_doctor_referrals", "health_certificates", "online_booking_channels",
                      "appointments_12320", "internet_hospitals", "platform_collection_districts",
                      "platform_collection_hospitals", "hotline_12320", "remote_medicine", "development_index",
                      "evaluation_ratings")
"""The sections whose content alone tells them apart: a table whose header words their column map
names, or paragraphs in their sentence shapes (the events' title always names them)."""

NUMBERINGS = ["一、", "（一）", "1.", "1、", "2.1"]


def reword(rng: random.Random, year: int, events: Section, sections: list[Section], warnings: list,
           cases: random.Random | None = None, always: bool = False) -> None:
    """About half the bulletins reword one to three titles; some number every heading; about one
    in five gives one section a title that says too little. `cases` (a stream of its own, so that
    the draws above stay as they were) draws the numbered titles' cases in some bulletins (all
    when `always`): see `numbered_cases`."""
    known = [s for s in sections if s.name in SUBJECTS]
    if rng.random() < 0.5 and known:
        for sec in rng.sample(known, min(len(known), rng.randint(1, 3))):
            sec.title = reworded(rng, year, sec.name)
    vague = [s for s in sections if s.name in CONTENT_RECOGNISED]
    if rng.random() < 0.2 and vague:
        sec = rng.choice(vague)
        sec.title = rng.choice(VAGUE)
        warnings.append((sec.name, f"read as {sec.name} by its content"))
    featured = cases is not None and (always or cases.random() < CASES_SHARE)
    if featured:
        numbered_cases(year, sections, warnings)
    move_under(rng, sections, warnings)
    if rng.random() < 0.35:
        number(rng.choice(NUMBERINGS), events, sections)
    elif featured and cases is not None:
        number(cases.choice(NUMBERINGS), events, sections)


CASES_SHARE = 0.3
"""Share of the reworded bulletins drawing `numbered_cases`."""

LONG_TITLES = {"platform_collection_districts": "{y}年度南京市卫生信息平台数据采集情况（区）",
               "platform_collection_hospitals": "{y}年度南京市卫生信息平台数据采集情况（医院）"}
"""The platform titles in their longest form: a title that wraps at a large heading size or in a
narrow box, its rest ('采集情况（医院）') naming the section on its own."""


def numbered_cases(year: int, sections: list[Section], warnings: list) -> None:
    """The numbered titles' cases on purpose (the bulletin is numbered too, `reword`): the platform
    titles in their longest form, so that '2.2 …平台数据' / '采集情况（医院）' wraps with a rest that
    names a section, and '（二）…数据采集情况' / '（区）' may stand right under '统计数据' (a numbered
    line begins a heading: counter-case of the wrap); and the online-booking table under the prose
    section before it, with its remark '（不包含 12320 电话预约…）' right over the table (counter-case:
    the other moved tables have none). A title that says too little stays as it is."""
    said = {name for name, text in warnings if text.endswith("by its content")}
    for sec in sections:
        if sec.name in LONG_TITLES and sec.name not in said:
            sec.title = LONG_TITLES[sec.name].format(y=year)
    for before, sec in zip(sections, sections[1:]):
        if sec.name == "online_booking_channels" and sec.preamble and under_prose(before, sec, said):
            sec.title = ""
            warnings.append((sec.name, f"read as {sec.name} by its content"))


def under_prose(before: Section, sec: Section, said: set[str]) -> bool:
    """The section may be printed under the heading of the prose section before it: neither is
    read by its content already (two sections' content under a title that says too little is not
    drawn)."""
    return before.name in PROSE and not {before.name, sec.name} & said


PROSE = ("remote_medicine", "hotline_12320", "development_index", "evaluation_ratings")


def move_under(rng: random.Random, sections: list[Section], warnings: list) -> None:
    """About one bulletin in eight prints a table section without a heading of its own, under the
    heading before it: right after a prose section's paragraphs (under a title that names that
    section: two sections' content under a title that says too little is not drawn), or first
    under '统计数据'. Its content tells which it is (the expected warning says so)."""
    said = {name for name, text in warnings if text.endswith("by its content")}
    movable = [s for before, s in zip([None, *sections], sections)
               if (before is None or (before.name in PROSE and before.name not in said))
               and s.name in CONTENT_RECOGNISED and s.table is not None and s.name not in said]
    if rng.random() >= 0.12 or not movable:
        return
    sec = rng.choice(movable)
    sec.title = ""
    warnings.append((sec.name, f"read as {sec.name} by its content"))


def reworded(rng: random.Random, year: int, name: str) -> str:
    """The section's title in other words: subject, ending, year (before, after, in brackets or
    none; '年' or '年度'), with '南京市' or not."""
    subject = rng.choice(SUBJECTS[name])
    ending = rng.choice(OWN_ENDINGS.get(name, ENDINGS))
    worded = subject.format(e=ending) if "{e}" in subject else subject + ending
    city = rng.choice(["", "南京市"]) if not worded.startswith(("全国", "12320", "卫生热线")) else ""
    when = f"{year}{rng.choice(['年', '年度'])}"
    where = rng.choice(["front", "front", "after_city", "none"])
    if where == "front":
        return f"{when}{city}{worded}"
    if where == "after_city" and city:
        return f"{city}{when}{worded}"
    return f"{city}{worded}"


PART_TITLES = ("统计数据", "主要统计数据", "统计数据汇总", "数据统计", "统计资料", "主要统计指标", "第二部分 统计数据")
"""The part's heading over the statistics sections as editions may word it (part_title family):
only the part's words ('统计', '数据', '资料', '指标', '主要', '汇总') and a part's number ('第二部分',
never '二、' or '（二）', which the sections' own numbering counts). Its counter-cases are drawn by
the rewording family: section titles ending '…数据统计' that name a subject ('家庭医生转诊数据统计'),
titles that say too little ('相关业务数据统计'), and the unknown sections' own titles."""
PART_SHARE = 0.3  # bulletins printing the part's heading otherwise (its words or its size)


def part_title(rng: random.Random, forced: bool = False) -> tuple[str, str]:
    """The part's heading and how it is set (part_title family): in some bulletins (every one when
    `forced`) worded otherwise (PART_TITLES) or set like the table titles
    right over the first one — two headings on consecutive lines in one size, the first naming the
    part (its counter-case: a title's two lines, '…平台数据' / '采集情况（医院）', one heading)."""
    if rng.random() >= PART_SHARE and not forced:
        return "统计数据", "heading"
    return rng.choice(PART_TITLES), rng.choice(("heading", "first"))


def number(style: str, events: Section, sections: list[Section]) -> None:
    """Every heading numbered one way, the events first (the part title '统计数据' is the renderer's
    and stays as it is)."""
    for i, sec in enumerate([s for s in [events, *sections] if s.title], 1):
        sec.title = f"{numeral(style, i)}{sec.title}"


def numeral(style: str, i: int) -> str:
    """The i-th heading's number in the style ('2.1': the events 1.1, the statistics 2.1, 2.2 …)."""
    zh = chinese(i)
    return {"一、": f"{zh}、", "（一）": f"（{zh}）", "1.": f"{i}. ", "1、": f"{i}、",
            "2.1": "1.1 " if i == 1 else f"2.{i - 1} "}[style]


def chinese(n: int) -> str:
    """一 … 十, 十一 … 十九, 二十 …"""
    if n <= 10:
        return ZH_NUM[n]
    tens, ones = divmod(n, 10)
    return (ZH_NUM[tens] if tens > 1 else "") + "十" + (ZH_NUM[ones] if ones else "")
