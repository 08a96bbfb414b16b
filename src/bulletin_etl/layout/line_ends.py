"""Where a line of running text ends: short of the right margin because its paragraph ends
there, or only because the next line's first word did not fit after it (a long figure, a
bracketed group kept together, a character with the mark no line may start with)."""

from __future__ import annotations

from ..text import is_cjk
from .lines import HANGING, Margins, TextLine, line_margins, text_edge, tracking
from .settings import LayoutSettings
from .vocabulary import has_sentence_mark


def stops_short(prev: TextLine, nxt: TextLine, margins: Margins, settings: LayoutSettings) -> bool:
    """`prev` stops short of its right margin (`paragraph_short_em`) by more than the next line's
    first word needed (`next_word_room_em` beyond it): its paragraph ends there. Tracked text sets
    its spacing before the word and after it too."""
    room = line_margins(prev, margins)[1] - text_edge(prev)
    return room > settings.paragraph_short_em * prev.size and next_word_fits(prev, nxt, margins, settings)


def next_word_fits(prev: TextLine, nxt: TextLine, margins: Margins, settings: LayoutSettings) -> bool:
    """The room `prev` leaves before its right margin exceeds the next line's first word by more
    than `next_word_room_em`: that word would have fitted after it, so no line break forced it on.
    Tracked text sets its spacing before the word and after it too."""
    room = line_margins(prev, margins)[1] - text_edge(prev)
    word = _first_word_width(nxt, settings) + 2 * tracking(nxt.chars, settings)
    return room > word + settings.next_word_room_em * prev.size


def leaves_room_for(prev: TextLine, nxt: TextLine, margins: Margins, settings: LayoutSettings) -> bool:
    """`prev` stops short of its right margin by more than `nxt`'s first glyph, or the unbreakable
    word it starts with, needs (`line_fit_slack_em` beyond it): the producer did not break `prev`
    for want of room, so its text ends there — however little short of the margin it stops (a
    justified paragraph's last line is set at its natural width, a glyph or so short of the edge;
    `stops_short` wants `paragraph_short_em` to say so without seeing the next line)."""
    glyphs = [c for c in nxt.chars if not c["text"].isspace()]
    if not glyphs:
        return False
    first = max(glyphs[0]["x1"] - glyphs[0]["x0"], _first_word_width(nxt, settings)) + 2 * tracking(nxt.chars, settings)
    room = line_margins(prev, margins)[1] - text_edge(prev)
    return room > first + settings.line_fit_slack_em * prev.size


def runs_on_mid_clause(prev: TextLine, nxt: TextLine, margins: Margins, settings: LayoutSettings) -> bool:
    """`prev`, a line of running text breaking off mid-clause (`breaks_off_mid_clause`) and starting
    at its left margin or a paragraph's indent (at most `margin_row_start_max_em` past it: no centred
    caption), and `nxt` goes on in its size: the text runs on however far short
    of the right margin `prev` stops — a short paragraph of two page columns left in the left
    column alone (WeasyPrint; nothing beside it shows the gutter) on a page whose right margin is
    far beyond that column's edge (WeasyPrint 745036). Not where `nxt` ends further right than `prev`
    (`ends_past`): the text is set wider than `prev`, which stopped short of its measure — a
    paragraph's closing line cut by its writer, over the next paragraph's first line set flush left."""
    left = line_margins(prev, margins)[0]
    body_line = prev.x0 - left <= settings.margin_row_start_max_em * prev.size
    same_size = abs(prev.size - nxt.size) <= settings.same_size_pt
    in_its_measure = same_size and not ends_past(nxt, prev, settings)
    return breaks_off_mid_clause(prev) and body_line and in_its_measure


def ends_past(nxt: TextLine, prev: TextLine, settings: LayoutSettings) -> bool:
    """`nxt`'s text ends more than `wider_measure_em` further right than `prev`'s (hanging marks not
    counted): the lines are set at least as wide as `nxt`, so `prev` stopped short of its measure —
    a line stopping at a column's edge has no line under it ending further right."""
    return text_edge(nxt) - text_edge(prev) > settings.wider_measure_em * prev.size


def breaks_off_mid_clause(line: TextLine) -> bool:
    """The line is prose (a sentence mark in it, `has_sentence_mark`: a title, label or masthead
    has none) and ends on a character, no mark (`ends_on_character`): a paragraph ends in a mark,
    so its text goes on in the next line."""
    return has_sentence_mark(line.text) and ends_on_character(line)


def ends_on_character(line: TextLine) -> bool:
    """The line's last glyph is a CJK character, no mark (a sentence, clause or bracket closing)."""
    glyphs = [c for c in line.chars if not c["text"].isspace()]
    return bool(glyphs) and _cjk_character(glyphs[-1]["text"])


CLAUSE_GOES_ON = frozenset("、，,：:（(“‘《—")
"""Marks after which the text goes on: a list's '、', a clause's '，', a colon, an opening bracket or quote."""


def leaves_clause_open(line: TextLine) -> bool:
    """The line's last glyph is a mark after which its text goes on (`CLAUSE_GOES_ON`): the next line
    continues it, whatever that line begins with ('…覆盖全市一、' / '二、三级医院…' is one sentence)."""
    glyphs = [c for c in line.chars if not c["text"].isspace()]
    return bool(glyphs) and glyphs[-1]["text"] in CLAUSE_GOES_ON


def _first_word_width(line: TextLine, settings: LayoutSettings) -> float:
    """Width of what cannot be broken at the start of a line: the Latin/digit run it starts with
    ('57176个…' → '57176'), or a bracketed group and the mark after it ('（2019），'); 0 for CJK —
    unless a mark follows the first character: no line may start with '，', so '个，' moves on
    as one (LibreOffice, hanging no punctuation, leaves a line two characters short for it)."""
    chars = [c for c in line.chars if not c["text"].isspace()]
    bracketed = _bracketed_width(chars, settings)
    if bracketed is not None:
        return bracketed
    if _character_then_mark(chars):
        return chars[1]["x1"] - chars[0]["x0"]
    return _latin_run_width(line.chars)


def _bracketed_width(chars: list[dict], settings: LayoutSettings) -> float | None:
    """Width of the bracketed group the glyphs start with and of the mark after it ('（2019），'),
    or None when they start with none a producer keeps together."""
    if not chars or chars[0]["text"] not in "（(":
        return None
    close = next((i for i, c in enumerate(chars) if c["text"] in "）)"), None)
    if close is None or close > settings.unbreakable_max_chars:
        return None
    end = close + 1 if close + 1 < len(chars) and chars[close + 1]["text"] in HANGING else close
    return chars[end]["x1"] - chars[0]["x0"]


def _cjk_character(text: str) -> bool:
    """A CJK character other than a mark no line may start with."""
    return is_cjk(text) and text not in HANGING


def _character_then_mark(chars: list[dict]) -> bool:
    """The glyphs start with a CJK character and a mark no line may start with ('个，')."""
    return len(chars) > 1 and _cjk_character(chars[0]["text"]) and chars[1]["text"] in HANGING


def _latin_run_width(chars: list[dict]) -> float:
    """Width of the Latin/digit run the glyphs start with ('57176个…' → '57176'); 0 for none."""
    run = []
    for char in chars:
        if char["text"].isspace() or is_cjk(char["text"]):
            break
        run.append(char)
    return run[-1]["x1"] - run[0]["x0"] if run else 0.0
