"""Pages set in columns, read column by column.

An edition may set some of its prose (the ten events, a section's paragraphs) in two page columns,
with or without a vertical rule in the gutter between them. Read row by row across the page, each
printed row would join a line of the left column to a line of the right one. Here a page's
characters are looked at before they become lines: a stretch of rows that all leave one gutter
free, many of them with text on both sides, each side's lines reaching to near their column's
right edge (prose fills its column), is a stretch of two columns; its text is read as the left
column top to bottom, then the right. A stretch runs from a row with text on both sides while its
rows go on at one line pitch and size (a heading set between two stretches belongs to neither; a
stretch of one such row, its columns cut by a page break, takes the page's pitch in its size, so that a heading
set apart under it ends it: `stretch_pitch`). A running header in two parts atop the page, its
right part set flush right where no column line starts, begins no stretch
(`is_running_header_row`), even when set at the columns' pitch and nearly their size. A
short paragraph set in two columns (a right column of a line, one row with text on both sides) is
one when its gutter parts the page's text width in even halves and its left lines fill their
column (`is_short_column_pair`): labels set side by side, or a note beside a text, do not. On the
columns' last page a right column of a line beside a long left column, headings and paragraphs'
short last lines in it, is one when that left column goes on the one the page before left open
(`goes_on_carried_column`), a line of it hanging a '“' before the column's start too
(`starts_inside_column`), its one row with text on both sides parted by a closing mark hung past
the left column's edge alone too (`continues_carried_column`: no mark-box gutter there).
Text across the whole width above or below it (a heading, the paragraph before, a table under
the columns) keeps its place. A title under columns that end in a shorter right column (Typst
fills the left one first), set a line's pitch under the left column's last line and in its size,
is no line of that column when that line ends its paragraph short of the column's edge and the
title, short too, is no sentence (`is_title_under_columns`), or when that line fills the column
ending a sentence and the title is worded as one (`is_title_under_full_line`): it is read after both columns; so is
any text left of the gutter alone under rows of the right column alone (the left column ended
above them, `left_column_ended_above`). A short line that stops short only because the first word
of the line under it, a figure, did not fit after it is no title (`broken_before_first_word`).

A table's own gutters are no page columns (`is_tabular`): a table's rows are cut by several
gutters, hold figures, and their cells do not fill a half of the page.

A gutter is clear of a mark's whole box, not only of its ink: a justified line stretching the
space after a '、' set inside it ('106725 个、 医疗投诉') cuts no further gutter into a row
(`parted_after_mid_line_mark`), and a mark whose box runs up to the next glyph parts no short pair:
a closing mark goes with the text before it, even when its box spans the gutter's middle
(`side_point`). Rows whose marks stand one over the other ('…效能。践行…' over '…精神、“创”…',
or '…南京市第一医院、' over '…南京市中心医院、' set one em a glyph) leave a blank down the page no
wider than the marks' boxes' blank parts: a stretch each of whose rows is parted by a mark's box
alone is no columns (`is_gutter_of_mark_boxes`) — unless the mark ends a left column's line,
trimmed of its blank half as Typst sets it, its ink ending where the column's other lines end
(`trimmed_at_column_end`: a short pair's one row with text on both sides). Nor does a mark whose box runs right up to the
next glyph hang at a column's end when a gutter is probed (a footer's two parts probing one
across a page of one column): it stands at its whole box (`abuts_next_glyph`, `standing_in_row`).
A space printed at a left column's line end, following its last glyph as a justified line's
glyphs follow each other, joins no runs over the gutter after it (`ends_left_line`: a right column of a line beside it);
the glyphs' spacing is measured where no printed space parts them (`glyph_spacing`, `parted_by_word_space`), so that
a figure alone between two word spaces a justified line stretched over an em ('…接入 6 家…', WeasyPrint) keeps
its line whole; so does a space LibreOffice spreads as it spreads the line's glyphs, the next glyph
following it as closely (`spread_like_a_glyph`: '…干预 5798', a gap wider than a gutter over it).

Each line of a column carries its column's edges (`TextLine.frame`), so that paragraphs and
headings measure indents and short lines against the column, not the page. Columns running off a
page's foot go on at the top of the next page's left column: when that page's first lines fill it
alone (the columns' last page), they carry its edges too (`open_column`, `continue_column`); a
folio printed as a bare number under the columns leaves them open (`is_bare_folio_at_foot`).

A closing mark hanging past the left column's edge into the gutter does not cross it: the gutter
is measured from the column's edge, where its box starts (`_standing`), a line overfilled by the
spaces beside a figure (reportlab) reaching a little past it (`hangs_at_column_end`); a closing
mark trailing a mark hung so, as the line's glyphs follow each other, hangs with it ('…应用”。'
reportlab keeps on an overfilled line, its '。' up to the right column's first glyph:
`trails_hung_mark`; in an unjustified line the marks touch, a chain of them running up to no next
glyph hangs as one, `opens_hung_chain`, and so does a chain as wide as the gutter whose last mark
runs up to a glyph set at the right column's start, `hung_chain_filling_gutter`). The column's
edge is read from its lines' ends, a line ending in a closing mark showing it at the mark's box end
(set inside the column, as ragged text sets a '，') or at the glyph's before it (hung):
`line_end_candidates`. Mirrored, an opening mark that begins a right column's line, hung before the column's start into the gutter
(Typst sets a '“' half an em out), stands at its box's end (`hangs_at_column_start`); the
gutter is probed where the column's lines not opening with such a mark start (`column_start`), and
where the marks' hung parts end when every line opens with one (`column_starts`). A short
pair's left line may stop short of its column's edge only because the next line's first word did
not fit after it (`runs_on_to_edge`: a bracketed year moved on whole, ragged text)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..text import is_cjk, looks_numeric
from .intervals import Span, cut_at_gaps, lower_median, median, overlapping_groups, overlaps
from .line_ends import next_word_fits, stops_short
from .lines import HANGING, TextLine, build_lines, column_frame, group_rows, text_edge
from .settings import LayoutSettings
from .vocabulary import BARE_FOLIO, SENTENCE_ENDS, is_page_number, is_part_title, is_sentence, reads_as_title

OrderKey = tuple[float, int, float]
"""Where a line stands in its page's reading order: (the height it is read at, its column — 0
for full-width text —, its own top)."""


@dataclass(frozen=True)
class Row:
    """One printed row across the whole page: its characters (printed spaces too) and its visible
    glyphs cut into runs at gaps wide enough to be a page gutter."""

    chars: list[dict]
    runs: list[list[dict]]

    @property
    def top(self) -> float:
        return min(c["top"] for run in self.runs for c in run)

    @property
    def size(self) -> float:
        return median(c.get("size", 0.0) for run in self.runs for c in run)


@dataclass(frozen=True)
class Stretch:
    """Consecutive rows set in two columns parted at `gutter` (the free span between them)."""

    rows: list[Row]
    gutter: Span

    @property
    def top(self) -> float:
        return self.rows[0].top

    def sides(self, settings: LayoutSettings) -> tuple[list[dict], list[dict]]:
        """The stretch's characters left and right of the gutter's middle, each where it stands
        (`side_point`), a closing mark trailing one hung at the left column's end with it
        (`trailing_hung_marks`)."""
        middle = (self.gutter[0] + self.gutter[1]) / 2
        chars = [c for row in self.rows for c in row.chars]
        hung = self.hung_marks(settings)
        left = [c for c in chars if side_point(c) < middle or id(c) in hung]
        taken = {id(c) for c in left}
        return left, [c for c in chars if id(c) not in taken]

    def hung_marks(self, settings: LayoutSettings) -> set[int]:
        """The closing marks past the gutter's middle that trail a left column's line's end
        (`trailing_hung_marks`), by id."""
        middle = (self.gutter[0] + self.gutter[1]) / 2
        return {id(c) for row in self.rows for c in trailing_hung_marks(row, middle, settings)}


def side_point(char: dict) -> float:
    """Where a glyph stands, to tell the column it belongs to: its box's centre, but a closing
    mark's box's start — its ink is in the box's left part and it closes the text before it, so a
    mark whose box spans the gutter's middle (a '。' set where a probed gutter starts, its box
    running up to the next glyph) goes with the glyph before it."""
    return char["x0"] if hangs_past_edge(char) else (char["x0"] + char["x1"]) / 2


def _x(char: dict, settings: LayoutSettings) -> Span:
    """Where the glyph's ink stands across the page: a closing mark's box is a full em, its ink in
    the box's left part (`closing_mark_ink_share`) — a '，' reaches no further into a gap."""
    if hangs_past_edge(char):
        return char["x0"], char["x0"] + settings.closing_mark_ink_share * (char["x1"] - char["x0"])
    return char["x0"], char["x1"]


def hangs_past_edge(char: dict) -> bool:
    """A Chinese closing mark: set at a line's end, a producer may hang it past the column's edge."""
    return char["text"] in HANGING and is_cjk(char["text"])


OPENING_MARKS = set("“‘《（【「『〈")


def hangs_before_edge(char: dict) -> bool:
    """A Chinese opening mark: set at a line's start, a producer may hang it before the column's
    edge (Typst hangs a '“' half an em into the gutter before a right column's line)."""
    return char["text"] in OPENING_MARKS and is_cjk(char["text"])


def page_rows(chars: Iterable[dict], settings: LayoutSettings) -> list[Row]:
    """The page's rows, top down, each with its runs (rows of printed spaces alone left out)."""
    out = []
    for row in group_rows(chars, settings):
        visible = [c for c in row if not c["text"].isspace()]
        if visible:
            wide = settings.page_column_gap_em * median(c.get("size", 0.0) for c in visible)
            spaces = [_x(c, settings) for c in row if c["text"].isspace()]
            out.append(Row(row, _joined_over_spaces(cut_at_gaps(visible, lambda c: _x(c, settings), wide), spaces, settings)))
    return out


def _joined_over_spaces(runs: list[list[dict]], spaces: list[Span], settings: LayoutSettings) -> list[list[dict]]:
    """The runs, those parted by a justified word space joined: a line justified across its
    column stretches the space between a figure and a Chinese glyph ('2024 年') as wide as a
    gutter, its printed space standing inside the gap, clear of both its sides (a space printed
    at a line's end follows the glyph before it, `ends_left_line`), or spread as its glyphs are,
    the next glyph following it so too (`spread_like_a_glyph`, LibreOffice)."""
    out = [runs[0]]
    for run in runs[1:]:
        inside = spaces_between(out[-1][-1], run[0], spaces, settings)
        if any(not ends_left_line(space, out[-1], settings, spaces)
               or spread_like_a_glyph(space, (out[-1], run[0]), settings, spaces) for space in inside):
            out[-1] = out[-1] + run
        else:
            out.append(run)
    return out


def spaces_between(before: dict, after: dict, spaces: list[Span], settings: LayoutSettings) -> list[Span]:
    """The printed spaces standing in the gap between two glyphs, clear of both (by `touch_pt`)."""
    gap = (_x(before, settings)[1] + settings.touch_pt, _x(after, settings)[0] - settings.touch_pt)
    return [(start, end) for start, end in spaces if gap[0] < start and end < gap[1]]


def ends_left_line(space: Span, run: list[dict], settings: LayoutSettings, spaces: list[Span] | None = None) -> bool:
    """The printed space follows the run's last glyph as the run's glyphs follow each other (within
    `touch_pt` more, `glyph_spacing`): set at the end of a left column's line ('…基于 ' before
    '12320' moved on to the next line), a justified CJK line spreading its glyphs, and the space
    after them, alike — no word space stretched inside a line, which stands clear of the glyph
    before it."""
    return space[0] - run[-1]["x1"] <= glyph_spacing(run, spaces or [], settings) + settings.touch_pt


def spread_like_a_glyph(space: Span, between: tuple[list[dict], dict], settings: LayoutSettings,
                        spaces: list[Span] | None = None) -> bool:
    """The next glyph follows the printed space as the run's glyphs follow each other (within
    `touch_pt` more, `glyph_spacing`), as the space follows the run's last glyph: a justified line
    spreading every character, the space too, as LibreOffice sets Chinese text ('…干预 5798', '电话
    预约 46438…': each gap about 3 pt, glyph to glyph over the space wider than a gutter; docx
    881004). The space is a character of the line, no left column's line end (`ends_left_line`),
    which a gutter follows. `between`: the run before the space and the glyph after it."""
    run, after = between
    return after["x0"] - space[1] <= glyph_spacing(run, spaces or [], settings) + settings.touch_pt


def glyph_spacing(run: list[dict], spaces: list[Span], settings: LayoutSettings) -> float:
    """How far apart the run's glyphs are set: the gap before its last glyph that no printed space
    stands in (0 when none). A gap holding a space is a justified word space, no glyph spacing: a
    figure alone between two ('…接入 6 家医院…', WeasyPrint stretching both spaces an em wide) is
    followed by its second space as far as it follows the first, and that space stands inside the
    line (weasyprint 790024)."""
    pairs = [(a, b) for a, b in zip(run, run[1:]) if not parted_by_word_space(a, b, spaces, settings)]
    return max(pairs[-1][1]["x0"] - pairs[-1][0]["x1"], 0.0) if pairs else 0.0


def parted_by_word_space(before: dict, after: dict, spaces: list[Span], settings: LayoutSettings) -> bool:
    """A printed space stands between the two glyphs (`spaces_between`): they are two words, the
    gap a word space however a justified line stretched it, not the line's spacing of glyphs."""
    return bool(spaces_between(before, after, spaces, settings))


def _standing(char: dict, settings: LayoutSettings, edge: float | None, start: float | None = None) -> Span:
    """Where the glyph stands for a page gutter: a closing mark whose box starts inside the left
    column or at its `edge` (within `margin_agreement_pt`) at its box's start alone — hanging past
    the column's edge into the gutter (a '、' in a gutter of 1.3 em leaves less than
    `page_column_gap_em` beside its ink), it does not cross it. A mark starting right of the edge
    stands with its ink (`_x`): in a line across the page it is no column's end. Mirrored, an
    opening mark hanging before the right column's `start` stands at its box's end alone
    (`hangs_at_column_start`)."""
    if edge is not None and hangs_at_column_end(char, edge, settings):
        return char["x0"], char["x0"]
    if start is not None and hangs_at_column_start(char, start, settings):
        return char["x1"], char["x1"]
    return _x(char, settings)


def hangs_at_column_end(char: dict, edge: float, settings: LayoutSettings) -> bool:
    """A closing mark whose box starts inside the left column, at its `edge`, or past it by no more
    than a line overfilled by the spaces beside a figure reaches (`page_column_overfill_em`; at
    least `margin_agreement_pt`)."""
    reach = max(settings.margin_agreement_pt, settings.page_column_overfill_em * char.get("size", 0.0))
    return hangs_past_edge(char) and char["x0"] - edge <= reach


def hangs_at_column_start(char: dict, start: float, settings: LayoutSettings) -> bool:
    """An opening mark whose box starts inside the right column, at its `start`, or before it by no
    more than `opening_mark_hang_share` of its box (and `margin_agreement_pt`): the mark begins a
    right column's line, hung into the gutter ('“' set half an em before the column, Typst). A mark
    set farther left, its box covering the gutter, is inside a line across it."""
    reach = settings.opening_mark_hang_share * (char["x1"] - char["x0"]) + settings.margin_agreement_pt
    return hangs_before_edge(char) and start - char["x0"] <= reach


def crosses(row: Row, probe: Span, settings: LayoutSettings, edge: float | None = None) -> bool:
    """A glyph of the row stands in the probed gutter (a mark hanging past the left column's
    `edge`, or before the right column's start — the probe's end —, does not, `standing_in_row`):
    the row runs across it."""
    return any(overlaps(span, probe, settings.touch_pt) for span in standing_in_row(row, settings, edge, probe[1]))


def standing_in_row(row: Row, settings: LayoutSettings, edge: float | None = None,
                    start: float | None = None) -> list[Span]:
    """Where each of the row's glyphs stands for a page gutter (`_standing`), left to right — but
    a closing mark whose box runs right up to the next glyph (`abuts_next_glyph`) is set inside a
    line, no column's end, and stands at its whole box — unless it hangs in a chain filling the
    gutter up to the right column's first glyph (`hung_in_gutter`)."""
    glyphs = sorted((c for run in row.runs for c in run), key=lambda c: c["x0"])
    out = [_standing(c, settings, edge, start) for c in glyphs]
    hung = hung_in_gutter(glyphs, (edge, start), settings)
    for k, (mark, after) in enumerate(zip(glyphs, glyphs[1:])):
        if k in hung:
            out[k] = hung[k]
        elif abuts_next_glyph(mark, after, settings) and not opens_hung_chain(glyphs, k, settings):
            out[k] = mark["x0"], mark["x1"]
        elif edge is not None and out[k] == (mark["x0"], mark["x0"]) and trails_hung_mark(glyphs[:k + 1], after, settings):
            out[k + 1] = out[k]
    return out


def opens_hung_chain(glyphs: list[dict], k: int, settings: LayoutSettings) -> bool:
    """The row's k-th glyph, a closing mark, is followed by closing marks each running up to the
    one before (`abuts_next_glyph`), the last of them up to no glyph: a chain of marks ending a
    left column's line ('…应用”。' set unjustified, reportlab overfilling the line by both marks, the
    '。''s box reaching the right column's first glyph but not set after it), which hangs at the
    column's end (`trails_hung_mark`), not a mark set inside a line ('…舱”，实时…')."""
    j = marks_chain_end(glyphs, k, settings)
    return j > k and (j + 1 == len(glyphs) or not abuts_next_glyph(glyphs[j], glyphs[j + 1], settings))


def hung_in_gutter(glyphs: list[dict], column: tuple[float | None, float | None],
                   settings: LayoutSettings) -> dict[int, Span]:
    """The row's closing marks in a chain hung at the left column's end that fills the gutter
    (`hung_chain_filling_gutter`), by index, each standing where the chain's first mark's box
    starts, as a mark hung at the column's end does (`_standing`)."""
    out: dict[int, Span] = {}
    for k, mark in enumerate(glyphs):
        if k not in out and hung_chain_filling_gutter(glyphs, k, column, settings):
            out.update({j: (mark["x0"], mark["x0"]) for j in range(k, marks_chain_end(glyphs, k, settings) + 1)})
    return out


def marks_chain_end(glyphs: list[dict], k: int, settings: LayoutSettings) -> int:
    """The index of the last of the closing marks following the row's k-th glyph, each running up
    to the one before (`abuts_next_glyph`); k when none does."""
    j = k
    while j + 1 < len(glyphs) and hangs_past_edge(glyphs[j + 1]) and abuts_next_glyph(glyphs[j], glyphs[j + 1], settings):
        j += 1
    return j


def hung_chain_filling_gutter(glyphs: list[dict], k: int, column: tuple[float | None, float | None],
                              settings: LayoutSettings) -> bool:
    """The row's k-th glyph, a closing mark hung at the left column's edge (`hangs_at_column_end`;
    `column`: that edge and the right column's start), opens a chain of closing marks each running
    up to the one before (`marks_chain_end`), the last running up to a glyph set where the right
    column's lines start (within `touch_pt`): reportlab overfilling a left line by '”，' two ems
    wide, as wide as the gutter ('…联动”，' beside '教育党员…', 920130). The chain hangs at the
    column's end, though its last box touches the right column. Marks set inside a line across the
    page go on on that line's grid of glyphs, which meets the right column's start only by chance."""
    edge, start = column
    j = marks_chain_end(glyphs, k, settings)
    if edge is None or start is None or not k < j < len(glyphs) - 1:
        return False
    return hangs_at_column_end(glyphs[k], edge, settings) and abs(glyphs[j + 1]["x0"] - start) <= settings.touch_pt


def trailing_hung_marks(row: Row, middle: float, settings: LayoutSettings) -> list[dict]:
    """The row's closing marks right of `middle` that trail the left column's line's end
    (`trails_hung_mark`): they belong to that line."""
    line: list[dict] = []
    out = []
    for char in sorted((c for run in row.runs for c in run), key=lambda c: c["x0"]):
        if side_point(char) < middle or trails_hung_mark(line, char, settings):
            out += [char] if side_point(char) >= middle else []
            line.append(char)
    return out


def trails_hung_mark(line: list[dict], mark: dict, settings: LayoutSettings) -> bool:
    """`mark`, a closing mark, follows the line's last glyph, a closing mark, as the line's glyphs
    follow each other (within `touch_pt` more): a line overfilled by marks reportlab keeps on it
    ('…试点应用”。', no line starting with a closing mark), the second hanging farther into the
    gutter than a line's overfill, up to the right column's first glyph. It hangs with the mark
    before it, at the left column's end."""
    if len(line) < 2 or not (hangs_past_edge(line[-1]) and hangs_past_edge(mark)):
        return False
    before = line[-1]
    spacing = max(before["x0"] - line[-2]["x1"], 0.0)
    return mark["x0"] - before["x1"] <= spacing + settings.touch_pt


def abuts_next_glyph(mark: dict, after: dict, settings: LayoutSettings) -> bool:
    """A closing mark whose box ends where the next glyph's starts (within `touch_pt`): set inside
    a line ('…中医医院、南京市…'), not hanging at a column's end, where the gutter follows its box."""
    return hangs_past_edge(mark) and abs(after["x0"] - mark["x1"]) <= settings.touch_pt


def column_edge(halves: list[Row], settings: LayoutSettings) -> float:
    """The left column's right edge, as the rows cut in two show it: the end most of their left
    runs' last glyphs share (within `margin_agreement_pt`; a short line or a line a Latin word
    overfills does not); a line ending in a closing mark shows two ends it may stand for
    (`line_end_candidates`); of ends shared by as many rows, the farthest right (a paragraph's
    short last line never ends past the edge)."""
    candidates = [line_end_candidates(row.runs[0]) for row in halves]
    ends = sorted({end for row_ends in candidates for end in row_ends})

    def shared(end: float) -> int:
        return sum(any(abs(end - other) <= settings.margin_agreement_pt for other in row_ends) for row_ends in candidates)

    return max(ends, key=lambda e: (shared(e), e))


def line_end_candidates(run: list[dict]) -> tuple[float, ...]:
    """Where a left column's line may show the column's edge: its last glyph's end — but a closing
    mark ending it may stand inside the column, its box ending at the edge (a '，' ragged or
    justified text sets there), or hang past it, the glyph before ending at the edge (Typst, an
    overfilled reportlab line): both ends. A column of ragged lines many of which end in a mark
    inside it (a '，' or '。' ending at the edge) showed only the glyphs' ends before the marks, an em
    short of it, and a mark hung past the edge ('…应用”。') read as no column's end (reportlab 790182)."""
    last = run[-1]["x1"]
    before = next((c["x1"] for c in reversed(run) if not hangs_past_edge(c)), last)
    return (before, last) if hangs_past_edge(run[-1]) else (last,)


def side_of(row: Row, probe: Span, settings: LayoutSettings) -> tuple[bool, bool]:
    """Whether the row has text left of the probed gutter, and right of it."""
    ink = [_x(c, settings) for run in row.runs for c in run]
    return any(end <= probe[1] for _, end in ink), any(start >= probe[0] for start, _ in ink)


def _probes(rows: list[Row], settings: LayoutSettings) -> list[tuple[Span, float]]:
    """Where a page gutter may stand: just left of an edge where right-hand runs of rows cut in
    two start together (within `margin_agreement_pt`), a span as wide as the narrowest gutter;
    kept when a row cut in two leaves it free (a paragraph's first line, indented, starts right
    of its column's edge; a short stretch may hold one row with text on both sides), those most
    rows leave free first, and of those freed by as many rows, the one most rows start their right
    part at (`probe_rank`: a two-part running header or folio starts its right part where no
    column line does, at one row); each with its left column's edge (`column_edge`). A right part
    opening with an opening mark may show the column's start where the mark's hung part ends
    (`line_start_candidates`, `column_start`). A folio's row probes none (`is_folio_row`)."""
    halves = [row for row in rows if len(row.runs) == 2 and not is_folio_row(row)]
    agree = settings.margin_agreement_pt

    def starts(row: Row) -> Span:
        candidates = line_start_candidates(row.runs[1], settings)
        return min(candidates) - agree, max(candidates) + agree

    found = []
    for group in overlapping_groups(halves, starts):
        edge = column_edge(group, settings)
        for start in column_starts(group, settings):
            probe = (start - settings.page_column_gap_em * median(row.size for row in group), start)
            free = sum(not crosses(row, probe, settings, edge) for row in halves)
            if free:
                found.append((probe_rank(free, len(group)), (probe, edge)))
    return [probe for _, probe in sorted(found, key=lambda f: f[0])]


def line_start_candidates(run: list[dict], settings: LayoutSettings) -> tuple[float, ...]:
    """Where a right column's line may show the column's start: its first glyph's start — but an
    opening mark beginning it may be set at the column's start or hung before it, its box ending
    `opening_mark_hang_share` of it inside the column (Typst, reportlab's hung '“'): both. Mirrors
    `line_end_candidates`."""
    first = run[0]
    if not hangs_before_edge(first):
        return (first["x0"],)
    return first["x0"], first["x0"] + settings.opening_mark_hang_share * (first["x1"] - first["x0"])


def column_start(halves: list[Row], settings: LayoutSettings) -> float:
    """The right column's start, as the rows cut in two that start their right part together show
    it (`line_start_candidates`): the leftmost start of the rows not opening with an opening mark
    (`opens_with_opening_mark`) — such a row shows the column's start for sure —, else the leftmost
    mark's box start. A short right column of two lines, the first opening with a '“' hung half an
    em into the gutter (reportlab 160259), starts where the second line does: probed at the mark,
    the gutter began at the left column's edge, and a left line overfilled by a point crossed it."""
    plain = [row.runs[1][0]["x0"] for row in halves if not opens_with_opening_mark(row)]
    return min(plain) if plain else min(row.runs[1][0]["x0"] for row in halves)


def column_starts(halves: list[Row], settings: LayoutSettings) -> list[float]:
    """Where the right column may start, as the rows cut in two that start their right part
    together show it: `column_start` — and, when every one of them opens with an opening mark, also
    where the leftmost mark's hung part ends (`line_start_candidates`). A right column of one line
    on the columns' last page, '“干”的作风。' with its '“' hung half an em before the column
    (reportlab 977302), shows its start there alone: probed at the mark's box, the gutter began at
    the edge of that row's short left line, and every full left line, reaching past it, crossed it."""
    start = column_start(halves, settings)
    if not all(opens_with_opening_mark(row) for row in halves):
        return [start]
    return [start, min(max(line_start_candidates(row.runs[1], settings)) for row in halves)]


def opens_with_opening_mark(row: Row) -> bool:
    """The row's right part begins with a Chinese opening mark (`hangs_before_edge`), which a
    producer may hang before the column's start."""
    return hangs_before_edge(row.runs[1][0])


def is_folio_row(row: Row) -> bool:
    """The row reads as a folio ('第 3 页  共 9 页', `is_page_number`): furniture, centred under the
    text, whose two parts show no page gutter — a probe between them, free on every row above, took
    the folio's left part's end for the left column's edge and cut a column going on under a
    shorter right one (Typst)."""
    return is_page_number("".join(c["text"] for c in row.chars))


def probe_rank(free: int, starting: int) -> tuple[int, int]:
    """How a probed gutter ranks (lower first): by the rows cut in two that leave it free, then by
    the rows whose right part starts at it (the real gutter's column lines, many; a running
    header's or folio's parts, set apart, one)."""
    return -free, -starting


def _stretches_at(rows: list[Row], probed: tuple[Span, float], frame: Span, settings: LayoutSettings,
                  carried: Span | None = None) -> list[Stretch]:
    """The stretches of consecutive rows that leave the probed gutter free, each from a row with
    text on both sides down as long as its rows go on at one line pitch and size (a column
    outlasting the other too), that are set in two columns (`carried`: the column the page before
    left open, `open_column`), each without a title set under its columns
    (`above_title_under_columns`): the rows from that title on are looked at again, a section set
    in columns under it at the same pitch beginning a stretch of its own (typst 790111)."""
    probe, edge = probed
    out: list[Stretch] = []
    i = 0
    while i < len(rows):
        if not _may_start(rows, i, probed, settings):
            i += 1
            continue
        end = i
        while end + 1 < len(rows) and not crosses(rows[end + 1], probe, settings, edge):
            end += 1
        stretch = _at_pitch(rows[i:end + 1], probe, settings, body_pitch(rows, settings, rows[i].size))
        found = Stretch(stretch, gutter_between(stretch, probe, settings, edge))
        if set_in_columns(found, probe, (frame[0], _reach_beside(rows, stretch, frame[0], settings)), settings, carried):
            columns = above_title_under_columns(stretch, probed, settings)
            out.append(Stretch(columns, gutter_between(columns, probe, settings, edge)))
            stretch = columns  # the rows from a title under the columns on may begin columns of their own
        i += len(stretch)
    return out


def _may_start(rows: list[Row], i: int, probed: tuple[Span, float], settings: LayoutSettings) -> bool:
    """The row may begin a stretch: it leaves the probed gutter free, has text on both sides of
    it, and is no running header (`is_running_header_row`)."""
    probe, edge = probed
    if crosses(rows[i], probe, settings, edge) or not all(side_of(rows[i], probe, settings)):
        return False
    return not (i == 0 and is_running_header_row(rows[i], probe, settings))


def is_running_header_row(row: Row, probe: Span, settings: LayoutSettings) -> bool:
    """The page's top row, parted by the probed gutter, is a two-part running header (an issuer
    left, a title or an issue's number set flush right: '南京市卫生信息中心 … 第 2 期'), no row of
    two columns: its right part starts farther right of the right column's edge (the probe's end)
    than a paragraph's indent (`margin_row_start_max_em`), where a column's line never starts.
    Only the page's first row is asked: furniture stands at the top."""
    right = [c for run in row.runs for c in run if _x(c, settings)[0] >= probe[0]]
    return right[0]["x0"] - probe[1] > settings.margin_row_start_max_em * row.size


def body_pitch(rows: list[Row], settings: LayoutSettings, size: float) -> float:
    """The page's line pitch in text of `size`: the lower median of the steps between consecutive
    rows both in that size (within `same_size_pt`; 0 when no two are) — a note or table in another
    size, set at its own pitch, does not stand for a stretch's."""
    def sized(row: Row) -> bool:
        return abs(row.size - size) <= settings.same_size_pt
    return lower_median(b.top - a.top for a, b in zip(rows, rows[1:]) if sized(a) and sized(b))


def _reach_beside(rows: list[Row], stretch: list[Row], margin: float, settings: LayoutSettings) -> float:
    """How far right the page's text outside the stretch reaches, counting the rows set from the
    page's left margin (`starts_at_margin`) — a centred heading or table shows no right margin —
    and not set larger than the stretch's text (`set_larger`: a heading ends where its words end,
    not at the margin; Typst 740232) (0 when there is none)."""
    inside = {id(row) for row in stretch}
    beside = [row for row in rows if id(row) not in inside and starts_at_margin(row, margin, settings)]
    shown = [row for row in beside if not set_larger(row, stretch[0].size, settings)]
    return max((_x(c, settings)[1] for row in shown for run in row.runs for c in run), default=0.0)


def set_larger(row: Row, size: float, settings: LayoutSettings) -> bool:
    """The row is set larger than `size` (by more than `same_size_pt`): a heading over text."""
    return row.size > size + settings.same_size_pt


def starts_at_margin(row: Row, margin: float, settings: LayoutSettings) -> bool:
    """The row's text starts at the page's left margin or a paragraph's indent past it (at most
    `margin_row_start_max_em`): a line of a paragraph set across the text width, not a centred
    title, caption or table."""
    return row.runs[0][0]["x0"] - margin <= settings.margin_row_start_max_em * row.size


def _at_pitch(rows: list[Row], probe: Span, settings: LayoutSettings, page_pitch: float = 0.0) -> list[Row]:
    """The rows from the first (rows[0], with text on both sides) down while each stands at most
    `page_column_pitch_ratio` line pitches under the one above, in its size: a heading set apart
    above the next columns, a running header or footer, text under the columns end it. The pitch
    is the one of the rows beside a row with text on both sides (surely column lines; the lower
    middle one, a two-part running header over two short columns counting as much as they); a
    stretch showing one step only takes the page's (`stretch_pitch`)."""
    two_sided = [all(side_of(row, probe, settings)) for row in rows]
    gaps = [b.top - a.top for k, (a, b) in enumerate(zip(rows, rows[1:])) if two_sided[k] or two_sided[k + 1]]
    if not gaps:
        return rows[:1]
    reach = settings.page_column_pitch_ratio * stretch_pitch(gaps, page_pitch)
    end = 1
    while end < len(rows) and _goes_on(rows[end - 1], rows[end], reach, settings):
        end += 1
    return rows[:end]


def above_title_under_columns(rows: list[Row], probed: tuple[Span, float], settings: LayoutSettings) -> list[Row]:
    """The stretch's rows down to a title set under its columns (`is_title_under_columns`), that
    title and the rows under it left out: they are read after both columns. A short line broken
    before the first word of the row under it (`broken_before_first_word`) is no title."""
    for k in range(1, len(rows)):
        below = rows[k + 1] if k + 1 < len(rows) else None
        if is_title_under_columns(rows[k - 1], rows[k], probed, settings) \
                and not broken_before_first_word(rows[k], below, probed, settings):
            return rows[:k]
    return rows


def broken_before_first_word(row: Row, below: Row | None, probed: tuple[Span, float], settings: LayoutSettings) -> bool:
    """The row's text left of the gutter stops short of the left column's edge only because the
    first word of the row under it would not have fitted after it (`next_word_fits`):
    '…全年受理群众来电' over '303170 个，群众…', a figure reportlab moved on whole (920134). A line of
    the column, short and no sentence though it is — a title under the columns leaves room for the
    first word of the text under it."""
    if below is None:
        return False
    lines = build_lines([c for r in (row, below) for c in left_of_gutter(r, probed, settings)], 0, settings)
    if len(lines) != 2:
        return False
    margins = {0: (min(ln.x0 for ln in lines), probed[1])}
    return not next_word_fits(lines[0], lines[1], margins, settings)


def left_of_gutter(row: Row, probed: tuple[Span, float], settings: LayoutSettings) -> list[dict]:
    """The row's characters whose ink ends left of the probed gutter's end (printed spaces too)."""
    return [c for c in row.chars if _x(c, settings)[1] <= probed[0][1]]


def is_title_under_columns(above: Row, row: Row, probed: tuple[Span, float], settings: LayoutSettings) -> bool:
    """The row, text left of the gutter alone, is set under the columns, no line of the left one:
    under a row without text left of the gutter (`left_column_ended_above`), or a short line that
    is no sentence under a left column's line that ends its paragraph short of the column's edge
    — a title set under columns that ended in a shorter right column (Typst fills the left one
    first and does not balance them), a line's pitch under the left column's last line, in its
    size (a column's paragraphs end in a sentence, never with a title: a title keeps with the
    text after it)."""
    if side_of(row, probed[0], settings)[1]:
        return False
    if left_column_ended_above(above, probed, settings):
        return True
    text = "".join(c["text"] for c in row.chars)
    if is_sentence(text, settings) or not stops_short_of_column_edge(row, probed, settings):
        return False
    return stops_short_of_column_edge(above, probed, settings) or is_title_under_full_line(above, text, probed, settings)


def is_title_under_full_line(above: Row, text: str, probed: tuple[Span, float], settings: LayoutSettings) -> bool:
    """`text`, a short line that is no sentence under a left column's line filling the column, is
    a title set under the columns: worded as one (`reads_as_title`, `is_part_title`: '统计数据',
    '第二部分 统计数据') under a line ending a sentence (`left_line_ends_sentence`) — its paragraph's
    last line may fill the column, its '。' at the edge (typst 790158, 790206). Under a line going
    on mid-sentence, or worded otherwise ('获得四级甲等', a paragraph's rest its writer left without
    a '。'), it is the paragraph's last line."""
    worded = reads_as_title(text, settings) or is_part_title(text)
    return worded and left_line_ends_sentence(above, probed, settings)


def left_line_ends_sentence(row: Row, probed: tuple[Span, float], settings: LayoutSettings) -> bool:
    """The row's last glyph left of the gutter ends a sentence ('。', `SENTENCE_ENDS`)."""
    left = [c for run in row.runs for c in run if _x(c, settings)[1] <= probed[0][1] and not c["text"].isspace()]
    return bool(left) and max(left, key=lambda c: c["x0"])["text"] in SENTENCE_ENDS


def left_column_ended_above(above: Row, probed: tuple[Span, float], settings: LayoutSettings) -> bool:
    """The row above has no text left of the gutter: the left column ended higher (its last page's
    right column, taller, went on alone), and no line under that gap is the left column's — text
    there is set under the columns (a title under a right column holding the last paragraph)."""
    return not side_of(above, probed[0], settings)[0]


def stops_short_of_column_edge(row: Row, probed: tuple[Span, float], settings: LayoutSettings) -> bool:
    """The row's text left of the gutter ends short of the left column's edge by more than
    `page_column_reach_em`: a paragraph's last line, or a title (a full line reaches it)."""
    probe, edge = probed
    ends = [end for end in (_x(c, settings)[1] for run in row.runs for c in run) if end <= probe[1]]
    return bool(ends) and edge - max(ends) > settings.page_column_reach_em * row.size


def stretch_pitch(gaps: list[float], page_pitch: float) -> float:
    """The stretch's line pitch: the lower median of its steps — but one step alone (a single row
    with text on both sides, the row under it) may be the space above a heading set apart under
    the columns, so the page's pitch (`body_pitch`), when smaller, stands for it."""
    if len(gaps) > 1 or page_pitch <= 0:
        return lower_median(gaps)
    return min(gaps[0], page_pitch)


def _goes_on(above: Row, row: Row, reach: float, settings: LayoutSettings) -> bool:
    """The row goes on the column lines above it: near enough under them, in their size."""
    return row.top - above.top <= reach and abs(row.size - above.size) <= settings.same_size_pt


def gutter_between(rows: list[Row], probe: Span, settings: LayoutSettings, edge: float | None = None) -> Span:
    """The free span between the rows' text left of the probe and right of it (a mark hanging past
    the left column's `edge` standing at its box's start, one hanging before the right column's
    start at its box's end, `standing_in_row`)."""
    ink = [span for row in rows for span in standing_in_row(row, settings, edge, probe[1])]
    left = [end for _, end in ink if end <= probe[1]]
    right = [start for start, _ in ink if start >= probe[0]]
    return max(left, default=probe[0]), min(right, default=probe[1])


def set_in_columns(stretch: Stretch, probe: Span, frame: Span, settings: LayoutSettings,
                   carried: Span | None = None) -> bool:
    """Two text columns: a gutter as wide as the narrowest, no table, no marks set one over another
    (`is_gutter_of_mark_boxes`), and either rows enough with text on both sides and both columns wide
    and filled by their lines, or a short stretch of two columns (`is_short_column_pair`;
    `carried`: the column the page before left open)."""
    two_sided = sum(all(side_of(row, probe, settings)) for row in stretch.rows)
    wide_gutter = stretch.gutter[1] - stretch.gutter[0] >= settings.page_column_gap_em * stretch.rows[0].size
    if not two_sided or not wide_gutter or is_tabular(stretch, settings):
        return False
    if is_gutter_of_mark_boxes(stretch, settings) and not continues_carried_column(stretch, carried, settings):
        return False
    if two_sided >= settings.page_column_two_sided_count:
        return fills_both_columns(stretch, settings)
    return is_short_column_pair(stretch, frame, settings, carried)


def is_short_column_pair(stretch: Stretch, frame: Span, settings: LayoutSettings,
                         carried: Span | None = None) -> bool:
    """A short paragraph set in two columns (a right column of a line or two): the gutter, no
    wider than a page's (`page_column_short_gutter_max_em`; a masthead's date set far right of
    its issuer is farther), parts the page's text width (`frame`) in two even halves, as page columns do and a table's columns
    or labels set side by side rarely do (`even_halves`), and the left column's lines, two or
    more, all reach its right edge but the last (prose running on into the right column; a line
    of labels or a running header over a title does not) — or are the column the page before
    left open (`carried`), going on down the columns' last page (`goes_on_carried_column`)."""
    left, _ = stretch.sides(settings)
    narrow = stretch.gutter[1] - stretch.gutter[0] <= settings.page_column_short_gutter_max_em * stretch.rows[0].size
    if not narrow or not even_halves(stretch, frame, settings):
        return False
    if continues_carried_column(stretch, carried, settings):
        return True
    if any(_parted_at_mark(row, stretch.gutter, settings) for row in stretch.rows):
        return False
    lines = group_rows(left, settings)
    above_last = [c for row in lines[:-1] for c in row]
    if len(lines) < settings.page_column_two_sided_count:
        return False
    edge = max(_x(c, settings)[1] for c in left)
    if _filled_rows(above_last, frame[1] - frame[0], settings, edge)[0] == len(lines) - 1:
        return True
    return runs_on_to_edge(left, (frame[1] - frame[0], edge), settings)


def continues_carried_column(stretch: Stretch, carried: Span | None, settings: LayoutSettings) -> bool:
    """The stretch's left column goes on the column the page before left open (`carried`,
    `goes_on_carried_column`): the columns' last page. Its one row with text on both sides may be
    parted by a closing mark hung past the left column's edge alone ('…以俭修身、' beside '务协同。',
    reportlab overfilling a line by the mark, its box reaching most of the way over the gutter):
    a column going on is no line across the page whose marks stand one over another
    (`is_gutter_of_mark_boxes`), nor one parted after a mark set inside it (`_parted_at_mark`)."""
    return carried is not None and goes_on_carried_column(stretch.sides(settings)[0], carried, settings)


def goes_on_carried_column(left: list[dict], carried: Span, settings: LayoutSettings) -> bool:
    """The left column's lines go on the column the page before left open (`carried`) — the
    columns' last page, whose left column holds the rest of the text with its headings and
    paragraphs' short last lines, and whose right column holds a line or two: every line starts
    inside the column (`starts_inside_column`) and ends at most a line's overfill past its
    right edge (`page_column_overfill_em`: a producer justifying loosely overfills a page's lines
    by a point or two), and `page_column_two_sided_count` of them end near that edge
    (`page_column_reach_em`), as the column's prose fills it."""
    lines = build_lines(left, 0, settings)
    size = median(ln.size for ln in lines)
    end = carried[1] + settings.page_column_overfill_em * size
    if not all(starts_inside_column(ln, carried, settings) and text_edge(ln) <= end for ln in lines):
        return False
    full = sum(abs(text_edge(ln) - carried[1]) <= settings.page_column_reach_em * size for ln in lines)
    return full >= settings.page_column_two_sided_count


def starts_inside_column(line: TextLine, column: Span, settings: LayoutSettings) -> bool:
    """The line starts inside the column (within `margin_agreement_pt`), or with an opening mark
    hung before its start (`hangs_at_column_start`: a '“' set half an em out, as the line of the
    column's page before hangs it)."""
    if line.x0 >= column[0] - settings.margin_agreement_pt:
        return True
    return bool(line.chars) and hangs_at_column_start(line.chars[0], column[0], settings)


def _parted_at_mark(row: Row, gutter: Span, settings: LayoutSettings) -> bool:
    """The row's glyphs on either side of the gutter's middle stand apart only after a closing
    mark set inside a line (`parted_after_mid_line_mark`): the gutter is that mark's box — unless
    the mark, trimmed, ends the left column's line (`trimmed_at_column_end`)."""
    middle = (gutter[0] + gutter[1]) / 2
    visible = sorted((c for run in row.runs for c in run), key=lambda c: c["x0"])
    left = [c for c in visible if side_point(c) < middle]
    right = [c for c in visible if side_point(c) >= middle]
    if not (left and right) or trimmed_at_column_end(row, gutter, settings):
        return False
    return parted_after_mid_line_mark(left[-1], right[0], settings)


def trimmed_at_column_end(row: Row, gutter: Span, settings: LayoutSettings) -> bool:
    """The row's text left of the gutter's middle ends in a closing mark whose ink part
    (`closing_mark_ink_share` of its box) ends at the gutter's start, where the left column's other
    lines end (within `margin_agreement_pt`): Typst trims a full-width mark ending a line of its
    blank right half, the box running that half into the gutter ('…发展指数（2024）' beside '展总
    指数…', the '）''s box 10.8 pt before '展' across a gutter of 1.4 em; 790003). The mark ends a
    column's line: no mark set inside a line across the page, where the next glyph follows its
    whole box."""
    middle = (gutter[0] + gutter[1]) / 2
    left = [c for run in row.runs for c in run if side_point(c) < middle]
    if not left:
        return False
    last = max(left, key=lambda c: c["x0"])
    return hangs_past_edge(last) and abs(_x(last, settings)[1] - gutter[0]) <= settings.margin_agreement_pt


def is_gutter_of_mark_boxes(stretch: Stretch, settings: LayoutSettings) -> bool:
    """No row of the stretch leaves the gutter free of its glyphs' whole boxes: each row with text
    on both sides is parted only by the blank part of a mark's box (`parted_by_mark_box`) — prose
    across the page whose rows happen to set a closing mark and an opening one one over the other
    ('…效能。践行…' over '…精神、“创”…', reportlab), the probe a folio's two parts set. Real columns
    show their gutter clear of whole boxes in some row (a column's line ends in a glyph, not a mark),
    or a row's mark trimmed at the left column's end (`trimmed_at_column_end`: a short pair's one
    row with text on both sides, Typst)."""
    middle = (stretch.gutter[0] + stretch.gutter[1]) / 2
    two_sided = [row for row in stretch.rows if all(side_of(row, stretch.gutter, settings))]
    return bool(two_sided) and all(parted_by_mark_box(row, middle, settings)
                                   and not trimmed_at_column_end(row, stretch.gutter, settings) for row in two_sided)


def parted_by_mark_box(row: Row, middle: float, settings: LayoutSettings) -> bool:
    """The row's glyphs either side of `middle` (`side_point`) stand apart, whole boxes counted, by
    less than `page_column_gap_em`: a closing mark's box ('。') or an opening mark's ('“') fills the
    gap its ink leaves."""
    visible = sorted((c for run in row.runs for c in run), key=lambda c: c["x0"])
    left = [c for c in visible if side_point(c) < middle]
    right = [c for c in visible if side_point(c) >= middle]
    if not (left and right):
        return False
    gap = settings.page_column_gap_em * max(left[-1].get("size", 0.0), right[0].get("size", 0.0))
    return right[0]["x0"] - left[-1]["x1"] < gap


def runs_on_to_edge(left: list[dict], measure: tuple[float, float], settings: LayoutSettings) -> bool:
    """The left column, a sizeable share of the page's text width (`measure`: that width and the
    column's right edge; `page_column_width_share`), has lines each of which but the last reaches
    its edge or stops short of it only because the next line's first word did not fit after it
    (`stops_short`: '…发展指数' before '（2030）显示…', justified or ragged text alike)."""
    width, edge = measure
    lines = build_lines(left, 0, settings)
    start = min(ln.x0 for ln in lines)
    if len(lines) < settings.page_column_two_sided_count or edge - start < settings.page_column_width_share * width:
        return False
    margins = {0: (start, edge)}
    return not any(stops_short(above, below, margins, settings) for above, below in zip(lines, lines[1:]))


def even_halves(stretch: Stretch, frame: Span, settings: LayoutSettings) -> bool:
    """The stretch's gutter parts the page's text width (`frame`: from the page's leftmost glyph
    to the rightmost outside the stretch) in halves differing by at most `page_column_even_em`;
    on a page whose other text falls short of the stretch's right end (a column's last lines
    alone on a page, under a centred running header) the width is not shown, and the right
    column need only be no wider than the left."""
    _, right = stretch.sides(settings)
    slack = settings.page_column_even_em * stretch.rows[0].size
    left_half = stretch.gutter[0] - frame[0]
    right_end = max(_x(c, settings)[1] for c in right)
    if frame[1] < right_end - slack:
        return right_end - stretch.gutter[1] <= left_half + slack
    return abs(left_half - (frame[1] - stretch.gutter[1])) <= slack


def fills_both_columns(stretch: Stretch, settings: LayoutSettings) -> bool:
    """Each column is a sizeable share of the stretch's width and has lines reaching near its right
    edge, and most of the two columns' lines do (prose set in a column fills it but for the last
    line of each paragraph, and a short column may hold little else; a table's cells or a list of
    labels do not)."""
    left, right = stretch.sides(settings)
    width = max(c["x1"] for c in left + right) - min(c["x0"] for c in left + right)
    hung = stretch.hung_marks(settings)
    counts = [_filled_rows([c for c in side if id(c) not in hung], width, settings) for side in (left, right)]
    if any(full == 0 for full, _ in counts):
        return False
    return sum(full for full, _ in counts) >= settings.page_column_full_share * sum(rows for _, rows in counts)


def _filled_rows(chars: list[dict], width: float, settings: LayoutSettings,
                 edge: float | None = None) -> tuple[int, int]:
    """How many of the column's rows end near its right edge (`edge`, by default the rightmost
    glyph's), and how many rows it has; (0, rows) when the column spans too little of `width` to
    be one."""
    rows = group_rows(chars, settings)
    edge = max(_x(c, settings)[1] for c in chars) if edge is None else edge
    if edge - min(c["x0"] for c in chars) < settings.page_column_width_share * width:
        return 0, len(rows)
    reach = settings.page_column_reach_em * median(c.get("size", 0.0) for c in chars)
    return sum(edge - max(_x(c, settings)[1] for c in row) <= reach for row in rows), len(rows)


def is_tabular(stretch: Stretch, settings: LayoutSettings) -> bool:
    """The stretch is a table whose gutter looked like a page's: many of its rows are cut by a
    further gutter (a table has several), or many of its runs are figures (a table's cells)."""
    rows = stretch.rows
    runs = [run for row in rows for run in row.runs]
    further = sum(len(rejoined_after_marks(row.runs, settings)) > 2 for row in rows)
    figures = sum(looks_numeric("".join(c["text"] for c in run)) for run in runs)
    return further > settings.tabular_share * len(rows) or figures > settings.tabular_share * len(runs)


def rejoined_after_marks(runs: list[list[dict]], settings: LayoutSettings) -> list[list[dict]]:
    """The row's runs, those cut only after a closing mark set mid-line joined again
    (`parted_after_mid_line_mark`)."""
    out = [runs[0]]
    for run in runs[1:]:
        if parted_after_mid_line_mark(out[-1][-1], run[0], settings):
            out[-1] = out[-1] + run
        else:
            out.append(run)
    return out


def parted_after_mid_line_mark(before: dict, after: dict, settings: LayoutSettings) -> bool:
    """The glyphs stand apart only after a closing mark set inside a line: a justified line
    stretches the space after a '、' ('106725 个、 医疗投诉'), its ink alone leaving a gap as wide as
    a gutter, but the mark's whole box leaves less than `page_column_gap_em` to the next glyph. A
    gutter is clear of a mark's whole box (a mark hanging at a column's end leaves it free)."""
    return hangs_past_edge(before) and after["x0"] - before["x1"] < settings.page_column_gap_em * before.get("size", 0.0)


def text_frame(rows: list[Row], settings: LayoutSettings) -> Span:
    """Where the page's text stands across it: from its leftmost glyph to its rightmost (nowhere
    on a page without text outside its tables)."""
    ink = [_x(c, settings) for row in rows for run in row.runs for c in run]
    return min((start for start, _ in ink), default=0.0), max((end for _, end in ink), default=0.0)


def find_stretches(rows: list[Row], settings: LayoutSettings, carried: Span | None = None) -> list[Stretch]:
    """The page's stretches set in two columns, top down; a row belongs to one at most
    (`carried`: the column the page before left open, `open_column`)."""
    out: list[Stretch] = []
    taken: set[int] = set()
    frame = text_frame(rows, settings)
    for probed in _probes(rows, settings):
        for stretch in _stretches_at(rows, probed, frame, settings, carried):
            ids = {id(row) for row in stretch.rows}
            if not ids & taken:
                taken |= ids
                out.append(stretch)
    return sorted(out, key=lambda s: s.top)


def page_lines(chars: list[dict], page: int, settings: LayoutSettings,
               carried: Span | None = None) -> list[tuple[OrderKey, TextLine]]:
    """The page's text lines, each with where it stands in reading order: a stretch set in two
    columns is read at its top, its left column's lines before its right column's; each of them
    knows its column's edges. A page without columns reads as `build_lines` reads it (`carried`:
    the column the page before left open, `open_column`)."""
    stretches = find_stretches(page_rows(chars, settings), settings, carried)
    if not stretches:
        return [((ln.top, 0, ln.top), ln) for ln in build_lines(chars, page, settings)]
    inside = {id(c) for s in stretches for row in s.rows for c in row.chars}
    out = [((ln.top, 0, ln.top), ln) for ln in build_lines([c for c in chars if id(c) not in inside], page, settings)]
    for stretch in stretches:
        for column, side in enumerate(stretch.sides(settings), start=1):
            lines = build_lines(side, page, settings)
            frame = column_frame(lines, settings)
            for ln in lines:
                ln.frame = frame
                out.append(((stretch.top, column, ln.top), ln))
    return out


def open_column(lines: list[TextLine], order: dict[int, OrderKey]) -> Span | None:
    """The left column's edges of the page's last stretch when that stretch's text is the last the
    page reads (its furniture left out): a paragraph running off the right column's foot goes on at
    the top of the next page's left column. None when the page ends in text across its width (a
    folio printed as a bare number under the text does not count, `is_bare_folio_at_foot`)."""
    text = [ln for ln in lines if not is_bare_folio_at_foot(ln, lines)]
    if not text:
        return None
    last = max(text, key=lambda ln: order[id(ln)])
    if last.frame is None:
        return None
    top = order[id(last)][0]
    left = [ln for ln in lines if order[id(ln)][:2] == (top, 1)]
    return left[0].frame if left else None


def is_bare_folio_at_foot(line: TextLine, lines: list[TextLine]) -> bool:
    """The line is a number alone (`BARE_FOLIO`, '2') under all the page's other lines: a folio,
    furniture, which a folio's patterns ('- 2 -', '第 2 页') leave to the page's text."""
    return BARE_FOLIO.match(line.text) is not None and all(other.top <= line.top for other in lines)


def continue_column(lines: list[TextLine], frame: Span | None, settings: LayoutSettings) -> list[TextLine]:
    """The page's first lines that go on the previous page's open column (`open_column`), now
    carrying its edges: from the page's first line outside a stretch, or the first under smaller
    ones above it (a running header), while they fit inside the column (`fits_column`; a centred
    title or text across the page ends them) — when they fill the column (`fills_carried_column`),
    a page set in one column alone being the columns' last page."""
    if frame is None:
        return []
    free = sorted((ln for ln in lines if ln.frame is None), key=lambda ln: ln.top)
    first = next((k for k, ln in enumerate(free) if fits_column(ln, frame, settings)), len(free))
    if first == len(free) or not all(is_smaller(ln, free[first], settings) for ln in free[:first]):
        return []
    run = [free[first]]
    for ln in free[first + 1:]:
        if not fits_column(ln, frame, settings):
            break
        run.append(ln)
    if not fills_carried_column(run, frame, settings):
        return []
    for ln in run:
        ln.frame = frame
    return run


def is_smaller(line: TextLine, body: TextLine, settings: LayoutSettings) -> bool:
    """The line is set smaller than the body line (by more than `same_size_pt`): a running header."""
    return line.size < body.size - settings.same_size_pt


def fits_column(line: TextLine, frame: Span, settings: LayoutSettings) -> bool:
    """The line stands inside the column's edges as a line of the columns' last page does
    (`goes_on_carried_column`): it starts inside the column, or with an opening mark hung before
    its start (`starts_inside_column`), and ends at most a line's overfill past its right edge
    (`page_column_overfill_em`). Typst hangs the '（' opening the next page's left column half an em
    out and overfills lines holding Latin digits by up to two thirds of an em (typst 758005)."""
    end = frame[1] + settings.page_column_overfill_em * line.size
    return starts_inside_column(line, frame, settings) and text_edge(line) <= end


def fills_carried_column(run: list[TextLine], frame: Span, settings: LayoutSettings) -> bool:
    """At least `page_column_two_sided_count` of the lines reach the column's right edge
    (`reaches_column_edge`): prose filling the column, not a short line or two that happen to fit."""
    return sum(reaches_column_edge(ln, frame, settings) for ln in run) >= settings.page_column_two_sided_count


def reaches_column_edge(line: TextLine, frame: Span, settings: LayoutSettings) -> bool:
    """The line ends within `page_column_reach_em` of the column's right edge, as a full line of
    its prose does: justified text at the edge, ragged text a glyph short of it or less (Typst
    unjustified sets whole glyphs; the edge is where lines ending in a figure or a hung mark reach,
    so the column's last page, in its left column alone, shows its lines short of it: typst 790087)."""
    return frame[1] - text_edge(line) <= settings.page_column_reach_em * line.size
