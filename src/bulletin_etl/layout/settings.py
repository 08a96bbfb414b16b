"""Every tolerance of the layout layer in one frozen object, `LayoutSettings`, as pdfplumber keeps
its table finder's in `TableSettings`: text lines, paragraphs, headings, page furniture, the
masthead and tables. The defaults read the bulletins this package was built on; a bulletin set
otherwise may need one changed (`bulletin-etl extract --settings FILE`, a YAML mapping of field →
value, read by `read_settings`).

Each field's name ends in its unit:
  _pt      points on the page (1/72 inch)
  _em      multiples of the font size of the text concerned
  _lines   multiples of the height of the line (or glyph) concerned
  _share   a fraction of a whole its comment names (the page's width, a row's cells, the body size)
  _ratio   a multiple of another size its comment names (the body's size, the table text's)
  _chars   characters
  _count   how many of the things its name says (lines, rows, rules, pages, spaces, gaps)
and `*_strategy` fields name pdfplumber's table strategies.

The settings are passed, never read from a module: `document.load(path, settings)` resolves them
(`LayoutSettings.resolve`: None, a mapping of field → value, or an instance) and the Document
carries them; each stage takes them as a parameter named `settings` from its caller (the table
driver hands them to its stages, `sections.cut` takes the Document's), and the objects whose own
methods need them carry them (the Document, a section's text, a table's column layouts, a run of
text on a line).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

STRATEGIES = ("lines", "lines_strict", "text", "explicit")
"""pdfplumber's table strategies."""


class BadSetting(ValueError):
    """A setting that is unknown, of the wrong type or out of range; the message names it (and the
    file it was read from)."""


@dataclass(frozen=True)
class LayoutSettings:
    # == Text lines: characters → rows → lines (lines.py, pagefacts.py) ==
    row_centre_lines: float = 0.45  # glyphs whose middles stand within this many glyph heights of a row's are on it
    default_size_pt: float = 10.0  # a character that gives no font size is taken as set at this size
    # a glyph's size or height is taken as at least this: a zero would make every tolerance in em nothing
    min_size_pt: float = 1.0
    # a gap wider than the line's own spacing by this, between two Latin or digit glyphs, reads as a space …
    latin_word_gap_em: float = 0.2
    cjk_word_gap_em: float = 0.6  # … and by this where either glyph is Chinese
    tracked_gap_count: int = 4  # gaps a line needs before its glyph spacing counts as tracking, not word spaces
    # a gap this much wider than its line's spacing between two Chinese glyphs of a page's text line, no space
    # printed in it, is a page gutter the line was read across (a paragraph's two columns one row each on a
    # page): a column's line end, read as no space (as the narrowest gutter, `page_column_gap_em`) …
    cjk_gutter_gap_em: float = 0.9
    # … and at most this (as the widest, `page_column_short_gutter_max_em`): a running header's two parts set at
    # the margins ('南京市卫生信息中心' … '统计数据公报') are farther apart, and stay two words
    cjk_gutter_max_em: float = 4.0
    bold_share: float = 0.8  # a line is bold when this share of its glyphs are set in a bold font
    # a text matrix sheared by this much of its x scale is still horizontal (italics); more is a turned page
    italic_shear_ratio: float = 0.1
    folio_band_share: float = 0.12  # printed page numbers sit within this share of the page's height at its top or foot
    margin_agreement_pt: float = 1.5  # line edges this close share a margin
    own_margins_line_count: int = 6  # lines a page needs to show its own margins where they differ from the document's
    page_overfill_em: float = 0.5  # a line this far past the document's margins (a glyph squeezed in) keeps its page on them
    page_shape_agreement_pt: float = 1.0  # pages this close in width are of one shape (portrait 595.3, landscape 841.9)
    # a line in smaller type ending less than this many body sizes past the body's lines keeps its page on the
    # document's margins (ragged body lines stop up to a character short of the text block's edge)
    ragged_body_fill_em: float = 1.0

    # == Paragraphs (headings.py's blocks, sections.py's paragraphs and notes) ==
    paragraph_indent_em: float = 0.8  # a line starting this far past the page's left margin starts a paragraph
    paragraph_short_em: float = 2.0  # a line stopping this far before the right margin ends its paragraph …
    next_word_room_em: float = 0.5  # … when more room than this is left beyond the next line's first word
    # a line stopping short of its margin by more than the next line's first glyph (or unbreakable word) and this
    # much was not broken for want of room: the text ended there, if only a glyph short (a paragraph's last line
    # its writer left without a '。', over a title set like the body)
    line_fit_slack_em: float = 0.2
    # a next line ending this far past a short line shows a measure that line stopped short of (a paragraph's
    # closing line over the next's first, flush left): the short line is no column's edge nothing else shows
    wider_measure_em: float = 1.0
    # this much more space above a line than between the body's lines starts a block of text (公文 leading is
    # loose: a plain gap would see a block at every line)
    paragraph_space_em: float = 0.6
    # a page with fewer text lines than this (a table's page with its note) shows no margins: a line after a
    # page break from it may start a block
    page_break_line_count: int = 3
    note_gap_em: float = 2.0  # text further than this under a table (or under the note above) is no note of it
    unbreakable_max_chars: int = 8  # a bracketed group a producer keeps together on a line ('（2019）'); longer may break

    # == Pages set in columns (page_columns.py) ==
    # a Chinese closing mark's ink fills at most this share of its em box, from the left ('、' '，' '。' are a dot or
    # hook in its lower left; '：' '？' stand in its middle): the space after it is part of a gap
    closing_mark_ink_share: float = 0.5
    # an opening mark beginning a line hangs at most this share of its box before its column's edge (Typst trims a
    # full-width '“' of its blank left half); a mark starting farther left stands inside a line across the gutter
    opening_mark_hang_share: float = 0.5
    # a row starting at most this far right of the page's left margin is a paragraph's line (indented 2 em as a
    # rule) and shows where the page's text width ends; one starting farther is centred (a title, a table)
    margin_row_start_max_em: float = 3.0
    # a column's line overfilled by the spaces beside a figure ('108 家', reportlab) may end this far past the
    # column's edge, a closing mark after it hanging from there (reportlab's spaces round a figure reach 0.9 em)
    page_column_overfill_em: float = 1.0
    page_column_gap_em: float = 0.9  # the narrowest gap between two page columns (CSS sets 1 em by default)
    page_column_two_sided_count: int = 2  # rows with text on both sides of its gutter a stretch of two columns holds
    page_column_width_share: float = 0.3  # each column spans at least this share of the page's text width
    # a column's line ending this close to the column's right edge fills its column (prose, not a cell) …
    page_column_reach_em: float = 1.5
    page_column_full_share: float = 0.5  # … and this share of the two columns' lines fill theirs
    # a short stretch's gutter parts the page's text width in halves differing by at most this (page columns are
    # even; hanging marks and a column's ragged edge take a little)
    page_column_even_em: float = 2.0
    # … and its gutter is at most this wide (editions part page columns by 1–3 em; a masthead's date set far right
    # of its issuer, wrapped under it, is no short pair of columns)
    page_column_short_gutter_max_em: float = 4.0
    # a row under a stretch's last two-sided row stands at most this many times the stretch's line pitch below
    # the row above it to continue its column (a column the other outlasts); farther is text under the columns
    page_column_pitch_ratio: float = 1.25
    # share of a stretch's rows cut by a further gutter, or of its runs that are figures, above which it is a table
    tabular_share: float = 0.3

    # == Headings (headings.py) ==
    heading_larger_ratio: float = 1.1  # × the body size: a line this much larger is a heading, whatever it says
    # share of the body size: a size this far from the body's, either way, sets a line apart (a caption 14 pt
    # under 16 pt)
    set_apart_share: float = 0.04
    title_wrap_gap_em: float = 0.8  # the second line of a wrapped title follows closer than this
    # a line whose middle is this close under the middle of a full line above it, in its size, is the wrapped
    # rest of a centred paragraph (a remark under a title), not indented
    centred_rest_em: float = 1.0
    same_size_pt: float = 0.5  # two sizes closer than this are one (a producer's rounding, not another setting)
    title_max_chars: int = 48  # longer than any title printed on one or two lines; running text is longer

    # == Page furniture: folios, running headers and footers (furniture.py) ==
    furniture_line_count: int = 2  # text lines at the top and at the foot of a page that may be furniture
    furniture_drift_pt: float = 4.0  # a running header keeps its place on every page, give or take this
    # a line repeated on fewer pages than this could be content (a title over a continued table)
    furniture_page_count: int = 3

    # == Masthead (sections.py; the ruled-off masthead in tables/) ==
    masthead_line_count: int = 6  # the masthead is among a bulletin's first lines: a dated line further down is text
    masthead_wrap_line_count: int = 2  # lines a masthead's date, or its boxes, may wrap onto
    # lines a ruled-off masthead holds on the first page (a name over two, issue, issuer and date, its wrap)
    masthead_row_count: int = 5
    masthead_box_x_em: float = 0.15  # a masthead box's wrapped line starts this close under the box's first glyph
    # wider than a printed space: the gap between two boxes' wrapped parts ('印 … 日')
    masthead_box_gap_em: float = 1.0
    masthead_box_size_share: float = 0.05  # a box's wrapped line is set in the box's own size, give or take this share

    # == Tables: ruled (pdfplumber's cells; tables/ruled.py) ==
    vertical_strategy: str = "lines"  # columns ruled by drawn lines; a table without them is read by its gutters
    horizontal_strategy: str = "lines"  # rows ruled by drawn lines, likewise
    # rules this close are one (a border painted as a thin rectangle has two edges ~0.75 apart); pdfplumber's 3
    # snaps a small table's borders onto a bigger table's 3 pt away on the same page, and then they no longer meet
    snap_tolerance_pt: float = 1.5
    # rules this close in height may be one table's (pdfplumber joins and meets rules within 3 pt); bands farther
    # apart are read alone
    ruled_band_gap_pt: float = 3.0
    edge_merge_pt: float = 1.0  # pdfplumber already snapped cell edges: edges this close are one rule
    slot_margin_pt: float = 1.0  # a cell covers a slot whose middle lies within its box, give or take a rule's width
    min_clipped_chars: int = 2  # a repeated header cell cut short keeps at least this much of its text
    max_clipped_share: float = 0.5  # more of a row's cells than this cut short is no repeated header but data

    # == Page graphics: rules and backgrounds (graphics.py) ==
    # a shape only filled is a rule when no thicker than this (a border drawn as a thin filled rectangle, up to a
    # heavy 三线表 rule); thicker, it is a background (a shaded cell, row or header band), never a rule
    rule_max_thickness_pt: float = 3.0
    # … and at least this many times as long as it is thick (a filled dot or square is no rule)
    rule_min_aspect_ratio: float = 4.0
    # a thin white fill whose middle is this close to a shaded cell is its border (Chromium paints a collapsed
    # table's outer border just outside its cells' fills), and a rule; farther out, on the bare page, it rules nothing
    white_border_slack_pt: float = 1.0

    # == Tables: horizontal rules and the regions of unruled tables between them (tables/regions.py) ==
    rule_y_tolerance_pt: float = 1.5  # a thin filled rectangle gives two edges this close: one rule
    rule_x_gap_pt: float = 2.0  # producers draw a rule cell by cell; touching pieces are one rule
    rule_same_extent_pt: float = 3.0  # rules whose ends are this close span one table; farther out, another table's
    rule_cover_pt: float = 1.0  # text this little past a rule's end still stands under (or over) it
    min_rule_page_share: float = 0.3  # a table's rule spans at least this share of the page's width …
    min_rule_em: float = 8.0  # … or this many body ems, whichever is longer: shorter rules are group rules
    nested_run_margin_pt: float = 1.0  # a run of rules within a taller one's (touching group rules) is no table
    taken_margin_pt: float = 2.0  # a region whose top or bottom touches a ruled table's box is that table
    inner_rule_margin_pt: float = 1.0  # a header rule stands clearly inside the table's top, boundary and ends
    extend_margin_pt: float = 2.0  # lines under a broken 三线表 are taken this little past its last rule's ends
    closing_rule_gap_pt: float = 0.5  # the rule we draw under a broken 三线表 stands this far below its last line
    prose_width_share: float = 0.4  # one run of text wider than this share of the table is running text
    row_gap_lines: float = 1.5  # a gap of more line heights than this under a broken 三线表 ends it …
    # … but under a header with no body yet (a 三线表 continued under its repeated header) its first row may stand
    # this far down: LibreOffice continues a row the page split with the lost line's room above it (~1.7 lines)
    first_row_gap_lines: float = 3.0
    # … and a row at the table's own pitch continues it (rows set far apart, cells padded an em above and below): a
    # gap within this many line heights of the widest gap between the rows taken below the last rule …
    row_pitch_tolerance_lines: float = 0.5
    # … or at most this multiple of the gap across the last rule (header text to first row: header cells may be
    # padded less than the body's)
    head_gap_pitch_ratio: float = 1.5
    heading_size_ratio: float = 1.25  # text this many times the table text's size between two tables is a heading
    min_title_chars: int = 8  # a table title names year, place and subject; a header cell ('咨询数据') is shorter
    stray_line_lines: float = 1.5  # a lone line this many line heights under a run's first rule is not in its table
    # lines right under a run's first rule with this many of their line heights empty under them, down to the next
    # rule, are not in its table: a header band is centred in its rules or fills them
    stray_band_lines: float = 3.0
    stacked_rule_count: int = 3  # rules of one narrow extent that make a table (a 三线表's top, header and bottom)
    head_band_cell_count: int = 3  # a lone line between two rules at a page's foot with this many cells is a header
    # an empty band between two rules of one extent taller than this multiple of the run's row pitch (a table printed
    # without a heading under another of the same width) ends the run; a blank row is one pitch
    empty_band_pitch_ratio: float = 3.0
    # an empty band closing a run under its head alone, no taller than this multiple of the head, is the rest of a
    # row the page split (its padding, the text all on the page before): the table's, not a rule under it
    split_row_rest_head_ratio: float = 1.0

    # == Tables: text runs and columns (tables/segments.py, tables/columns.py) ==
    segment_gap_em: float = 0.6  # wider than a printed space, narrower than a column gutter: a gap between runs
    # printed spaces that may letter-space a label ('单  位'): a wider gap they fill is no gutter
    letter_space_count: int = 2
    spaces_fill_share: float = 0.8  # share of a gap the printed spaces must cover to be the label's letter-spacing
    # printed spaces this close one after another are one run (a wrapped line's trailing spaces hanging past its cell)
    space_run_gap_em: float = 0.15
    gutter_min_em: float = 0.35  # the narrowest gap between columns (a printed space is about 0.25–0.33)
    split_gap_em: float = 0.15  # a gap between two glyphs over a gutter, tighter than a space, still cuts
    header_gutter_reach_em: float = 1.0  # … and in a header, one this near a gutter (labels overhang their figures)
    autospace_max_em: float = 0.3  # the widest gap producers set where Chinese meets Latin text (Typst: 0.25)
    # where Chinese meets Latin text closer than this, the producer sets no autospace (Typst's is 0.25)
    autospace_min_em: float = 0.1
    span_margin_pt: float = 1.0  # text reaching this close to a column's middle covers that column
    same_header_x_pt: float = 2.0  # header texts this close across pages stand at the same place
    start_aligned_lines_pt: float = 0.5  # lines of a header cell starting this close are set at the cell's start
    gutter_row_count: int = 3  # rows with figures a page needs to show its own gutters
    touch_pt: float = 0.5  # two glyph boxes may share this much at their edges without overlapping
    # a header cell reaching this close to both ends of a run of tight figures heads the whole run, not one of
    # its columns
    run_cover_pt: float = 1.0
    # the narrowest gap that parts two tight columns under two headers (digit boxes abut)
    tight_gutter_em: float = 0.15

    # == Tables: header and body rows (tables/header.py, tables/body.py) ==
    boundary_gap_pt: float = 0.5  # with no rule to end it, the header ends this far above the first figure
    # group titles are centred over their columns unless starting where they start fits clearly better: its
    # misfit at most this share of the centred one (a centred title may start near a column's start by chance)
    start_aligned_share: float = 0.5
    rule_crossing_pt: float = 1.0  # text reaching this far above a rule crosses it: a cell's text overflowing
    clear_gap_lines: float = 0.25  # a line nearer one neighbour than the other by this much clearly goes with it
    first_name_pitch_share: float = 0.6  # × the row pitch: a centred name's first line stands within this of its row …
    first_name_lines: float = 1.35  # … or within this many line heights (a cut row stands a whole row above)
    # the lines of one cell stand at one pitch: gaps between lines this close are that pitch, and a gap wider by more
    # holds the cells' padding (Typst's tight tables pad a row by 2 pt, less than `clear_gap_lines`)
    cell_pitch_pt: float = 0.5
    figure_wrap_lines: float = 1.6  # a figure the line end cut goes on within this many line heights ('３８６８２．' / '７７万')
    # × its line height: a centred name's lines balance around its row's middle within this (a name's middle line
    # and its row's figures sit a little apart in Typst's fonts)
    centred_name_lines: float = 0.25
    wrapped_rest_drop_lines: float = 0.25  # × its height: a figure's rest this far under its row line's figures was wrapped there

    def __post_init__(self) -> None:
        for f in fields(self):
            value = _checked(f.name, getattr(self, f.name), f.default)
            object.__setattr__(self, f.name, value)

    @classmethod
    def resolve(cls, given: LayoutSettings | Mapping[str, object] | None = None) -> LayoutSettings:
        """The settings for None (the defaults), an instance (itself) or a mapping of field → value
        (the defaults with those fields changed; BadSetting names an unknown field)."""
        if given is None:
            return cls()
        if isinstance(given, cls):
            return given
        if not isinstance(given, Mapping):
            raise BadSetting(f"settings are a mapping of setting → value, not {type(given).__name__}")
        known = [f.name for f in fields(cls)]
        for key in given:
            if key not in known:
                raise BadSetting(f"unknown setting {str(key)!r} ({_closest(str(key), known)})")
        return cls(**given)  # type: ignore[arg-type]

    def changed(self) -> dict[str, object]:
        """The fields that differ from the defaults, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) != f.default}

    @property
    def pdfplumber(self) -> dict[str, str | float]:
        """The settings pdfplumber's own table finder takes for ruled tables."""
        return {"vertical_strategy": self.vertical_strategy, "horizontal_strategy": self.horizontal_strategy,
                "snap_tolerance": self.snap_tolerance_pt}


def _checked(name: str, value: object, default: object) -> object:
    """The value of a field, of its default's type and positive (a strategy: one of pdfplumber's);
    an int given for a float field reads as that float."""
    if isinstance(default, str):
        if value not in STRATEGIES:
            raise BadSetting(f"setting {name} must be one of {', '.join(STRATEGIES)}, not {value!r}")
        return value
    whole = isinstance(default, int)
    if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
        raise BadSetting(f"setting {name} must be {'a whole number' if whole else 'a number'}, not {value!r}")
    if not (math.isfinite(value) and value > 0):
        raise BadSetting(f"setting {name} must be positive, not {value!r}")
    return value if whole else float(value)


def _closest(name: str, known: list[str]) -> str:
    """'did you mean gutter_min_em?' for a name like a known one's: the fields holding each of its
    words (a name without its unit, 'gutter_min'; words in another order), else those spelt
    nearly alike (a typo); else where the settings are listed."""
    words = set(re.split(r"[_\W]+", name.lower())) - {""}
    holding = [k for k in known if words and words <= set(k.split("_"))]
    ranked = sorted(holding, key=lambda k: -difflib.SequenceMatcher(None, name, k).ratio())
    close = ranked[:3] or difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    if not close:
        return "no setting is named like it; the settings are the fields of bulletin_etl/layout/settings.py"
    return f"did you mean {' or '.join([', '.join(close[:-1]), close[-1]] if len(close) > 1 else close)}?"


def read_settings(path: str | Path) -> LayoutSettings:
    """The settings a YAML file gives (a mapping of field → value; the defaults for the fields it
    leaves out). BadSetting names the file, as given, and the field."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadSetting(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise BadSetting(f"{path}: not YAML ({getattr(exc, 'problem', None) or 'unreadable'}{where})") from None
    if not isinstance(raw, dict | None):
        raise BadSetting(f"{path}: expected a mapping of setting: value, found {type(raw).__name__}")
    try:
        return LayoutSettings.resolve(raw or {})
    except BadSetting as exc:
        raise BadSetting(f"{path}: {exc}") from None
