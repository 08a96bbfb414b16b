"""The bulletin's own words that the geometry needs: what a total row, a note, a title, a
masthead, a page number and the back page's contact lines look like. Section-specific wording
(titles of known sections, header labels) lives with the sections and in schemas/."""

from __future__ import annotations

import re
import unicodedata

from ..text import YEAR, looks_numeric, squash
from .settings import LayoutSettings

TOTAL_WORDS = ("合计", "总计")
"""A row label that makes a row the table's printed total ('合 计' too: spaces are dropped first)."""

NOTE = re.compile(r"^\s*[（(]?\s*(注|说明|备注)\s*\d*\s*[:：]")
"""The paragraph under a table that remarks on it ('注：…', '说明：…')."""

COLOPHON = re.compile(r"^(地址|邮编|电话|传真|E-?mail|网址|责任编辑)\s*[:：]", re.I)
"""The back page's contact lines ('地址：…', '责任编辑：… 本期共印 510 份'): not bulletin content.
The colon matters: '电话预约 59701个…' is a wrapped line of the hotline paragraph."""

PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]+\s*\d+\s*[-—–－]+"  # - 3 -, — 3 —
    r"|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"  # 第 3 页, 第 3 页 共 11 页
    r"|\d+\s*/\s*\d+"  # 3 / 11
    r"|(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?"  # Page 3 of 11
    r")$",
    re.I,
)
"""The folio, in the forms producers print it."""

ISSUE_DATE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
"""The masthead's date, '2025 年 1 月 24 日'."""

MASTHEAD = re.compile(rf"编印|{ISSUE_DATE.pattern}\s*$")
"""The masthead line ('<issuer> 编印 2025 年 1 月 24 日'): found by what it says, however large."""

WHOLE_MASTHEAD = re.compile(rf"^.+编印.*?{ISSUE_DATE.pattern}$")
"""The masthead line with all it says (squashed): an issuer, '编印', the date ending the line."""

SENTENCE_MARKS = frozenset("。，；！？,;!?")
"""A title is no sentence: a line holding one of these marks is running text, not a heading."""

SENTENCE_ENDS = tuple("。！？")
"""The marks ending a sentence: a line ending in one may end its paragraph although it reaches the
margin or its column's edge."""

_DIGIT_GROUP = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))|(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
"""A thousands separator: Latin digits around a Latin comma, or full-width ones around a full-width
comma. Latin and full-width digits are told apart (`\\d` would take both): two figure cells set
close read as one run ('338,548３０，６７３') have a Latin group followed by a full-width digit."""


def has_sentence_mark(text: str) -> bool:
    """A sentence mark other than the comma of a thousands separator ('3,066,151' and, all in
    full width, '３，０６６，１５１' are figures; the full-width '，' in '分别为120，350家' is a
    sentence's)."""
    return bool(SENTENCE_MARKS & set(_DIGIT_GROUP.sub("", text)))


TITLE_WORDS = re.compile(
    r"(统计|情况|概况|成绩|结果|大事|数据|指数|一览表?|汇总|简表|目录)"
    r"(?:表)?(?:[（(][^（()）]{1,16}[)）])?$"
)
"""How the bulletin's section and table titles end ('…数据统计', '…采集情况（区）',
'…发展指数（2024）', '十件大事'), whatever the section."""

HEADING_NUMBER = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百\d]+(?:部分|章|节)"  # 第一部分, 第2章
    r"|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)"  # （四）, (4): full-width brackets folded by NFKC
    r"|[一二三四五六七八九十]{1,3}\s*[、.]"  # 一、, 四.
    r"|\d{1,2}(?:\.\d{1,2}(?!\d))+\.?"  # 1.1, 2.1.3 — never into a year ('1.1 2028年')
    r"|\d{1,2}\s*(?:、|\.(?!\d))"  # 1、, 4. — not '12320' nor a year (no mark), nor '1.5'
    r")"
)
"""The number a heading may be printed with (on its NFKC text, spaces kept: '1.1 2028年' is
'1.1' and a year): never part of its title."""


def unnumbered(text: str) -> str:
    """A line's text after a heading's number, spaces kept ('2.6 南京 12320 卫生热线…' →
    '南京 12320 卫生热线…'); the text as it is when it starts with no number."""
    folded = unicodedata.normalize("NFKC", text)
    number = HEADING_NUMBER.match(folded)
    return folded[number.end():] if number else text


def starts_numbered(text: str) -> bool:
    """The line starts with a heading's number ('（二）…', '2.2 …', '一、…'): it begins a heading or
    an item of its own, never the rest of a title wrapped from the line above."""
    return HEADING_NUMBER.match(unicodedata.normalize("NFKC", text)) is not None


def without_numbering(title: str) -> str:
    """A heading's title as compared (squashed), its number dropped: '（四）2028年健康证数据' →
    '2028年健康证数据'; '12320预约挂号服务统计' keeps its digits."""
    return squash(unnumbered(title))


PART_WORDS = ("统计", "数据", "资料", "附表", "指标", "主要", "汇总", "情况")
"""The words a part's heading over the statistics sections is made of ('统计数据', '主要统计数据',
'统计资料', '数据统计汇总'): none of them names what a section counts (转诊, 体检, 热线 …)."""

PART_NOUNS = ("统计", "数据", "资料", "附表", "指标")
"""What the part holds: its heading names one of these ('主要情况' alone names no statistics)."""

PART_TITLE = re.compile(
    rf"^[:：]?(?=.*(?:{'|'.join(PART_NOUNS)}))(?:{'|'.join(PART_WORDS)}){{2,}}$"
)
"""The part's heading over the statistics sections (squashed, its number dropped: '第二部分 统计数据',
'二、主要统计数据'): two or more of the part's words and nothing else — a title naming a subject
('家庭医生转诊数据统计', '相关业务数据统计') is a section's."""


def is_part_title(title: str) -> bool:
    """The heading names the statistics part, not a section: only the part's words after its
    number ('（二）统计资料', '第二部分：主要统计数据'), whatever the edition calls it."""
    return PART_TITLE.match(without_numbering(title)) is not None


BARE_FOLIO = re.compile(r"^\s*\d{1,3}\s*$")
"""A folio printed as the number alone, at the top or foot of its page."""


def is_page_number(text: str) -> bool:
    return PAGE_NUMBER.match(text.strip()) is not None


def is_total_label(label: str) -> bool:
    return label.replace(" ", "").startswith(TOTAL_WORDS)


def ends_with_colon(text: str) -> bool:
    """Leads in to what follows ('主要指标如下：'), as no title does."""
    return squash(text).endswith((":", "："))


def is_punctuated(text: str) -> bool:
    """Punctuated as running text is: a sentence mark, or a colon leading in to what follows."""
    return has_sentence_mark(text) or ends_with_colon(text)


def fits_a_title(text: str, settings: LayoutSettings) -> bool:
    """Some text, and no longer than a title gets (`title_max_chars`)."""
    return 0 < len(squash(text)) <= settings.title_max_chars


def reads_as_title(text: str, settings: LayoutSettings) -> bool:
    """Worded like a title: no sentence punctuation, not too long, ending the way titles end."""
    return fits_a_title(text, settings) and not is_punctuated(text) and TITLE_WORDS.search(squash(text)) is not None


YEAR_IN_TITLE = re.compile(rf"{YEAR}年")
"""The year a title opens with ('2030 年度…', '（二）2028年…'), printed once in a title."""


def names_a_year(text: str) -> bool:
    """Says a year as a title does ('2030 年'): a title's rest wrapped or broken away from its
    year says none ('采集情况（医院）'), a title of its own does."""
    return YEAR_IN_TITLE.search(squash(text)) is not None


REMARK = re.compile(r"^[（(][^（()）]*[)）]$")
"""A line wholly in brackets: a remark under a title ('（不包含…预约）'), not a title."""


def is_remark(text: str) -> bool:
    """Wholly in brackets ('（不包含 12320 电话预约、…）'), a remark on what follows or precedes it."""
    return REMARK.match(squash(text)) is not None


def is_sentence(text: str, settings: LayoutSettings) -> bool:
    """Running text, a note, a remark, a list item or a table row left outside its table: never
    a heading, however it is set."""
    return is_running_text(text, settings) or is_aside(text) or is_table_row(text)


def is_running_text(text: str, settings: LayoutSettings) -> bool:
    """Punctuated as running text, or longer than any title (`title_max_chars`)."""
    return is_punctuated(text) or len(squash(text)) > settings.title_max_chars


def is_aside(text: str) -> bool:
    """A note ('注：…') or a remark wholly in brackets ('（不包含…预约）')."""
    return NOTE.match(text) is not None or is_remark(text)


def is_table_row(text: str) -> bool:
    """Several figures standing apart ('3 南京江北医院 60481 4223'): a title names at most one
    besides its year and its number ('2.6 南京 12320 卫生热线 2028 年度数据统计')."""
    return sum(1 for token in unnumbered(text).split() if looks_numeric(token) and not re.fullmatch(YEAR, token)) >= 2
