"""The steps of layout/sections.py one at a time, on lines written out by hand: what cannot be
broken at the start of a line, and a masthead's boxes joined with the lines they wrapped onto.
tests/test_layout_masthead_wrap.py and tests/test_layout_docx_tables.py draw the whole cases."""

from __future__ import annotations

from bulletin_etl.layout.lines import TextLine
from bulletin_etl.layout.line_ends import (
    _bracketed_width,
    _character_then_mark,
    _cjk_character,
    _first_word_width,
    _latin_run_width,
)
from bulletin_etl.layout.sections import (
    _box_sized,
    _box_starts,
    _boxes,
    _glyph_offsets,
    _glyph_under,
    _join_boxes,
    _reaches_next_box,
    _runs,
    _wrapped_parts,
)
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.vocabulary import WHOLE_MASTHEAD
from bulletin_etl.text import squash

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given

MAST = 22.0
LEFT, DATE_BOX = 85.0, 326.0


def glyphs(x0: float, words: str, size: float = MAST) -> list[dict]:
    """One glyph per character, one em wide each, from x0."""
    return [{"text": ch, "x0": x0 + k * size, "x1": x0 + (k + 1) * size} for k, ch in enumerate(words)]


def line(*pieces: tuple[float, str], size: float = MAST, top: float = 70.0) -> TextLine:
    """A line of pieces (x0, text) apart: its text keeps a space between pieces, its glyphs do not."""
    chars = [c for x0, words in pieces for c in glyphs(x0, words.replace(" ", ""), size)]
    return TextLine(text=" ".join(words for _, words in pieces), page=1, x0=chars[0]["x0"], x1=chars[-1]["x1"],
                    top=top, bottom=top + size, doctop=top, size=size, bold=False, chars=chars)


ISSUER, DATE = "南京市卫生信息中心编", "2021年2月18"
MASTHEAD = line((LEFT, ISSUER), (DATE_BOX, DATE))
WRAPPED = line((LEFT, "印"), (DATE_BOX, "日"), top=70 + 1.3 * MAST)


# --- what cannot be broken at the start of a line -----------------------------------------------

def test_a_bracketed_group_and_its_mark_go_on_together() -> None:
    assert _bracketed_width(glyphs(0, "（2019），", 10), DEFAULTS) == 70.0
    assert _bracketed_width(glyphs(0, "（2019）年", 10), DEFAULTS) == 60.0
    long_group = "（" + "一" * DEFAULTS.unbreakable_max_chars + "）"
    assert _bracketed_width(glyphs(0, long_group, 10), DEFAULTS) is None  # long: may break
    assert _bracketed_width(glyphs(0, "2019年", 10), DEFAULTS) is None


def test_a_cjk_character_is_no_mark() -> None:
    assert _cjk_character("个")
    assert not _cjk_character("，")
    assert not _cjk_character("5")


def test_a_character_then_a_mark_no_line_starts_with() -> None:
    assert _character_then_mark(glyphs(0, "个，", 10))
    assert not _character_then_mark(glyphs(0, "个人", 10))
    assert not _character_then_mark(glyphs(0, "5，", 10))
    assert not _character_then_mark(glyphs(0, "个", 10))


def test_a_latin_run_up_to_a_space_or_a_cjk_character() -> None:
    assert _latin_run_width(glyphs(0, "57176个", 10)) == 50.0
    assert _latin_run_width(glyphs(0, "57 176", 10)) == 20.0
    assert _latin_run_width(glyphs(0, "个57", 10)) == 0.0


def test_the_first_word_is_the_first_rule_that_applies() -> None:
    assert _first_word_width(line((0, "（2019），发布"), size=10), DEFAULTS) == 70.0
    assert _first_word_width(line((0, "个，其中"), size=10), DEFAULTS) == 20.0
    assert _first_word_width(line((0, "57176个"), size=10), DEFAULTS) == 50.0
    assert _first_word_width(line((0, "其中"), size=10), DEFAULTS) == 0.0


# --- a masthead's boxes --------------------------------------------------------------------------

def test_glyph_offsets_skip_the_printed_spaces() -> None:
    assert _glyph_offsets(line((0, "编"), (100, "印"))) == [0, 2]
    mismatch = TextLine("编印", 1, 0, 20, 0, 10, 0, 10, False, chars=glyphs(0, "编日", 10))
    assert _glyph_offsets(mismatch) is None


def test_runs_are_cut_where_glyphs_stand_more_than_the_gap_apart() -> None:
    runs = _runs(WRAPPED, MAST)
    assert runs is not None and [text for _, text in runs] == ["印", "日"]
    together = _runs(line((LEFT, "印日")), MAST)
    assert together is not None and [text for _, text in together] == ["印日"]


def test_a_wrapped_line_is_set_in_the_boxs_size() -> None:
    assert _box_sized(MASTHEAD, line((LEFT, "印"), size=MAST + 1), DEFAULTS)
    assert not _box_sized(MASTHEAD, line((LEFT, "印"), size=MAST + 2), DEFAULTS)


def test_a_glyph_starts_under_one_of_the_lines_glyphs_or_none() -> None:
    assert _glyph_under(MASTHEAD, {"x0": LEFT + 2}, DEFAULTS) == 0
    assert _glyph_under(MASTHEAD, {"x0": DATE_BOX}, DEFAULTS) == len(ISSUER)
    assert _glyph_under(MASTHEAD, {"x0": LEFT + MAST / 2}, DEFAULTS) is None


def test_wrapped_parts_go_to_the_glyph_they_start_under() -> None:
    parts = _wrapped_parts(MASTHEAD, [WRAPPED], DEFAULTS)
    assert parts is not None and {k: [text for _, text in runs] for k, runs in parts.items()} == {
        0: ["印"], len(ISSUER): ["日"]}
    assert _wrapped_parts(MASTHEAD, [line((LEFT, "印"), (DATE_BOX, "日"), size=30)], DEFAULTS) is None  # another size
    assert _wrapped_parts(MASTHEAD, [line((LEFT + MAST / 2, "印"))], DEFAULTS) is None  # under no glyph


def test_boxes_start_at_the_line_over_each_part_and_at_a_whole_date() -> None:
    offsets = _glyph_offsets(MASTHEAD)
    assert offsets is not None
    assert _box_starts(MASTHEAD, offsets, {0: [], len(ISSUER): []}) == [0, len(ISSUER)]
    dated = line((LEFT, "南京市卫生信息中心编"), (DATE_BOX, "2021年2月8日"))
    dated_offsets = _glyph_offsets(dated)
    assert dated_offsets is not None
    assert _box_starts(dated, dated_offsets, {0: []}) == [0, len(ISSUER)]
    assert _boxes(MASTHEAD, [0, len(ISSUER)]) == [(0, len(ISSUER)), (len(ISSUER), len(MASTHEAD.chars))]


def test_a_wrapped_part_reaching_into_the_next_box_is_no_wrap_of_its_own() -> None:
    runs = _runs(line((LEFT, "印")), MAST)
    assert runs is not None
    assert not _reaches_next_box(MASTHEAD, runs, len(ISSUER), DEFAULTS)
    wide = _runs(line((DATE_BOX - 2 * MAST, "印印印")), MAST)
    assert wide is not None and _reaches_next_box(MASTHEAD, wide, len(ISSUER), DEFAULTS)
    assert not _reaches_next_box(MASTHEAD, wide, len(MASTHEAD.chars), DEFAULTS)  # the last box: nothing after it


def test_boxes_joined_with_their_wrapped_parts_read_as_the_whole_masthead() -> None:
    joined = _join_boxes(MASTHEAD, [WRAPPED], DEFAULTS)
    assert joined is not None
    assert squash(joined.text) == "南京市卫生信息中心编印2021年2月18日"
    assert WHOLE_MASTHEAD.search(squash(joined.text))
    assert joined.bottom == WRAPPED.bottom and len(joined.chars) == len(MASTHEAD.chars) + 2
    assert _join_boxes(MASTHEAD, [line((LEFT + MAST / 2, "印"))], DEFAULTS) is None
