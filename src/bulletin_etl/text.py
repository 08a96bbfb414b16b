"""Text primitives shared by every section: CJK-aware joining, normalisation, numbers, units."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import cache

CJK_RANGES = (
    (0x3000, 0x303F),  # CJK punctuation
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),  # full-width forms: （）：，
    (0x2018, 0x201F),  # curly quotes the source uses around CJK phrases
)

YEAR = r"(?:19|20)\d\d"
"""A bulletin year as printed in titles and headers; never a fixed year."""

UNIT_MULTIPLIERS = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                  "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

MISSING_MARKS = {"", "/", "／", "-", "—", "–"}


def is_cjk(ch: str) -> bool:
    """Whether a glyph's text is CJK; judged by its first character (a ligature or an unmapped
    glyph's '(cid:N)' carries several)."""
    if not ch:
        return False
    code = ord(ch[0])
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)


KANGXI_RADICALS = range(0x2F00, 0x2FD6)
CJK_COMPATIBILITY_IDEOGRAPHS = range(0xF900, 0xFADA)


@cache
def _glyph_folds() -> dict[int, str]:
    from .schemas import load_yaml  # data shipped with the package

    data = load_yaml("glyph_folds.yaml")
    folds = {code: unicodedata.normalize("NFKC", chr(code))
             for code in (*KANGXI_RADICALS, *CJK_COMPATIBILITY_IDEOGRAPHS)}
    folds = {code: text for code, text in folds.items() if text != chr(code)}
    for table in ("kangxi_nfkc_overrides", "radicals_supplement"):
        folds.update({ord(radical): ideograph for radical, ideograph in data[table].items()})
    return folds


def fold_glyphs(text: str) -> str:
    """Radical and compatibility code points → the character printed ('⼈⺠' → '人民'): some
    producers' ToUnicode maps name the radical that shares the ideograph's glyph."""
    return text.translate(_glyph_folds())


FIGURE_END = re.compile(r"\d[.,，]?$")  # a figure in full-width digits separates thousands with '，'
FIGURE_START = re.compile(r"[.,]?\d|[万亿%]")


def continues_figure(before: str, after: str) -> bool:
    """Whether a line end cuts a figure: '38682.' / '77', '1,234,' / '567', '123' / '45' (full-width
    digits read as digits), '38682.77' / '万'. A figure is never printed as two numbers split by a
    bare line end."""
    return bool(FIGURE_END.search(fold_width(before[-2:])) and FIGURE_START.match(fold_width(after[:2])))


def is_unfinished_figure(text: str) -> bool:
    """A figure the line end cut after its decimal point or a thousands separator ('38682.', '1,234,',
    '１９６，５８９，')."""
    return bool(re.search(r"\d[.,，]$", fold_width(text.strip()[-2:])))


def is_wide_digit(char: str) -> bool:
    """A full-width digit ('０'–'９'), each a CJK character a line may end after."""
    return "０" <= char <= "９"


def line_end_may_cut(before: str, rest: str) -> bool:
    """A line end may fall between a figure's two parts: after its decimal point or a separator
    ('３８６８２．' / '７７万'), before its unit ('38682.77' / '万'), or between two full-width
    digits ('１７５４０８３．５' / '８'). A figure in Latin digits is one word a producer keeps whole:
    '158' over '３０８' two lines on is a row's figure over the next row's, never one cut figure."""
    head, tail = before.strip()[-1:], rest.strip()[:1]
    if is_unfinished_figure(before) or tail in UNIT_MULTIPLIERS:
        return bool(tail)
    return is_wide_digit(head) and is_wide_digit(tail)


def wrap_is_a_space(before: str, after: str) -> bool:
    """A line end between two Latin or digit runs that do not make one figure ('Health' / 'App')."""
    return not is_cjk(before[-1]) and not is_cjk(after[0]) and not continues_figure(before, after)


def join_wrapped(parts: list[str]) -> str:
    """Join text that the PDF wrapped onto several lines.

    A wrap between two CJK characters (or CJK and anything) leaves no trace: "收入（千" + "元）"
    is "收入（千元）"; nor does a wrap inside a figure ('38682.' + '77万' → '38682.77万'). Only
    between two Latin/digit runs does a wrap stand for a space ("Health" + "App" → "Health App").
    """
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and wrap_is_a_space(out, part):
            out += " "
        out += part
    return out


FULL_WIDTH_FIGURE_CHARS = {code: chr(code - 0xFEE0) for code in (*range(0xFF10, 0xFF1A), 0xFF0E, 0xFF05)}
"""０-９, '．' and '％' → their ASCII forms, one character for one (positions in the text stay)."""


def fold_width(text: str) -> str:
    """Full-width digits, '．' and '％' as ASCII, for reading figures ('３７２．５' → '372.5').
    The full-width '，' stays: in prose it ends a clause."""
    return text.translate(FULL_WIDTH_FIGURE_CHARS)


def squash(text: str) -> str:
    """Comparable form of printed text: NFKC (full-width → half-width) and no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def tidy(text: str) -> str:
    """Printed text with runs of whitespace collapsed to one space and the ends stripped."""
    return re.sub(r"\s+", " ", text).strip()


def is_missing(text: str | None) -> bool:
    return text is None or text.strip() in MISSING_MARKS


FIGURE_RE = re.compile(r"^(?P<number>[+-]?\d+(?:\.\d+)?)(?:(?P<multiplier>[万亿])|(?P<percent>%))?$")
"""A figure as a cell prints it: '38682.77万', '1.2亿', '45%', or a plain number (full-width and
thousands separators already folded away)."""


def cell_figure(text: str) -> re.Match | None:
    """The figure a cell prints, its `number`, `multiplier` (万/亿) and `percent` read apart."""
    return FIGURE_RE.match(squash(text).replace(",", ""))


def parse_number(text: str) -> Decimal | None:
    """'1,234' → 1234, '1629775.52' → Decimal('1629775.52'), '38682.77万' → 386827700 (万 and 亿
    are numerals: the figure counts what the column counts); None when it is no such number (a
    percent is not: only a ratio column reads it, see parse_percent)."""
    m = cell_figure(text)
    if m is None or m["percent"]:
        return None
    return expand_units(m["number"], m["multiplier"])


def parse_percent(text: str) -> Decimal | None:
    """'45%' → 45, '12.5%' → 12.5 (in percent, as printed); None when the cell prints no percent."""
    m = cell_figure(text)
    return Decimal(m["number"]) if m is not None and m["percent"] else None


def looks_numeric(text: str | None) -> bool:
    """A data cell: a number (with 万/亿 or % after it), a fraction 'a/b' or a missing mark '/'."""
    if text is None:
        return False
    s = squash(text).replace(",", "")
    return bool(FIGURE_RE.match(s) or re.fullmatch(r"\d+/\d+", s) or s in {"/", "／"})


def expand_units(number: str, multiplier: str | None) -> Decimal:
    """'190.49', '亿' → 19049000000; '372', '万' → 3720000; '３７２．５', '万' → 3725000."""
    value = Decimal(fold_width(number))
    if multiplier:
        value *= UNIT_MULTIPLIERS[multiplier]
    return value


def chinese_numeral(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23; digits pass through."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in CHINESE_DIGITS and ch != "十" for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + CHINESE_DIGITS[ch]
        return value
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or ones == "十":  # '十十', '一二十': not a numeral, not a KeyError
        raise ValueError(f"not a Chinese numeral: {text!r}")
    return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[ones] if ones else 0)


def year_pattern(template: str) -> str:
    """A pattern written with '{year}' for any bulletin year ('{year}年总量')."""
    return template.replace("{year}", YEAR)
