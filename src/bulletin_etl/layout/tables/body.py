"""The body rows of an unruled table: between rules when the body is ruled, else one row per line
holding a figure, the wrapped lines of its names joined to it (set top-aligned or centred).

Each way a line without figures is placed is a named rule below (`_leaves_room_for`,
`_clearly_nearer_below`, …), tested on its own drawn case in tests/test_layout_body.py."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterator, Sequence

from ...text import (
    UNIT_MULTIPLIERS,
    continues_figure,
    is_unfinished_figure,
    is_wide_digit,
    line_end_may_cut,
    looks_numeric,
)
from .. import intervals as iv
from ..settings import LayoutSettings
from .columns import make_cell, span_of
from .model import Cell
from .segments import Segment, is_total_row, middle

Line = list[Segment]
Groups = Sequence[iv.Span]
WHOLE_WIDTH: Groups = ((-math.inf, math.inf),)
"""The column groups of a table that prints none side by side: one, its whole width."""


def _line_height(line: Line) -> float:
    """A line's height, by its first run of text."""
    return line[0].bottom - line[0].top


def _blank_under(anchor: Line, line: Line, settings: LayoutSettings) -> bool:
    """The anchor line has no text where the wrapped line has (a name centred around it). Boxes
    that only touch ('…院区' ending where a wrapped ')' begins) do not overlap."""
    return not any(iv.overlaps((a.x0, a.x1), (s.x0, s.x1), settings.touch_pt) for a in anchor for s in line)


def _leaves_room_for(row: Line, line: Line, settings: LayoutSettings, groups: Groups = WHOLE_WIDTH) -> bool:
    """A row's own line, not a total's, blank where the line has text in a column group it has
    text in (`shares_a_column_group`): room for its centred name."""
    return not is_total_row(row) and shares_a_column_group(row, line, groups) and _blank_under(row, line, settings)


def _groups_of(line: Line, groups: Groups) -> set[int]:
    """The column groups the line's runs start in."""
    return {k for s in line for k, group in enumerate(groups) if iv.contains(group, s.x0)}


def shares_a_column_group(row: Line, line: Line, groups: Groups) -> bool:
    """The row's own line has text in a column group where the line has (`groups`: the header's
    groups printed side by side, `header.side_by_side_groups`). A table printed as two halves
    side by side with fewer rows in its right half has rows of the left half alone: blank in the
    right half, such a row says nothing of how the right half's names are set ('约' under
    '12320快速预' beside the left half's last row '3 健康南京 358')."""
    return bool(_groups_of(row, groups) & _groups_of(line, groups))


def _anchors_a_row(line: Line) -> bool:
    """A line holding a figure, or a total's label, is a body row's own line."""
    return is_total_row(line) or any(looks_numeric(s.text) for s in line)


def _figures_of(line: Line) -> list[Segment]:
    """The line's runs that read as figures: a wrapped name beside a wrapped figure ('雨花台' /
    '区' beside '106.0326' / '万') is no part of it."""
    return [s for s in line if looks_numeric(s.text)]


def _run_over(rows: list[Line], i: int, s: Segment, settings: LayoutSettings) -> Segment | None:
    """The nearest run above a run of line i in its column, within the lines of one cell (a centred
    cell's first line may stand over its row's own line, which is blank there)."""
    reach = settings.figure_wrap_lines * _line_height(rows[i])
    for row in reversed([row for row in rows[:i] if middle(rows[i]) - middle(row) <= reach]):
        over = [a for a in row if iv.overlaps((a.x0, a.x1), (s.x0, s.x1), settings.touch_pt)]
        if over:
            return over[0]
    return None


def _figure_cuts_over(rows: list[Line], i: int, settings: LayoutSettings) -> list[tuple[Segment, Segment]] | None:
    """The figures of line i each with the run over it that the line end cut ('３８６８２．' over
    '７７万'); None when some figure of the line continues none."""
    cut = []
    for s in _figures_of(rows[i]):
        above = _run_over(rows, i, s, settings)
        if above is None or not continues_figure(above.text, s.text):
            return None
        cut.append((above, s))
    return cut


def goes_on_as_wide_digits_or_unit(rest: str) -> bool:
    """A figure's rest after a line end that fell between two of its digits: full-width digits
    (each a CJK character, breakable anywhere) or its unit ('万'). Latin digits are one word a
    producer keeps whole: '153' under '44068' is the next row's figure, not their tail."""
    first = rest.strip()[:1]
    return bool(first) and (first in UNIT_MULTIPLIERS or is_wide_digit(first))


def _continues_a_figure(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    """A line finishing figures the line end cut in the line above, a narrow cell's wrapped figure
    and not a row: when a figure above stops at its decimal point or a separator ('３８６８２．' /
    '７７万'), or, digits cut between digits ('１２３' / '４５'), when it stands clearly nearer the line
    above than the line below (rows stand further apart than the lines of one cell; the table's
    last line, `_close_under_the_line_above`; or under it at the pitch of one cell's lines,
    `runs_on_at_a_cells_pitch`), goes on in
    full-width digits or a unit (`goes_on_as_wide_digits_or_unit`) and either finishes figures
    begun over a row's own line (`_rests_under_their_row`) or holds fewer figures than a line
    above it (`fewer_figures_than_above`)."""
    cut = _figure_cuts_over(rows, i, settings)
    if not cut:
        return False
    if any(is_unfinished_figure(above.text) for above, _ in cut):
        return True
    if not all(goes_on_as_wide_digits_or_unit(rest.text) for _, rest in cut):
        return False
    if _rests_under_their_row(rows, i, cut):
        return True
    if not fewer_figures_than_above(rows, i, settings):
        return False
    return _close_under_the_line_above(rows, i, settings) or runs_on_at_a_cells_pitch(rows, i, settings)


def _cells_line_pitches(rows: list[Line], i: int, settings: LayoutSettings) -> list[float]:
    """How far a line without figures, other than line i, stands under the line above it where the
    two close one cell (`one_cell_down_to`: the next line stands further by the cells' padding): a
    name's wrapped line under its row's own, the pitch of one cell's lines."""
    return [middle(rows[k]) - middle(rows[k - 1]) for k in range(1, len(rows))
            if k != i and not _anchors_a_row(rows[k]) and one_cell_down_to(rows, k - 1, k, settings)]


def runs_on_at_a_cells_pitch(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    """The line and the line above close one cell (`one_cell_down_to`), the line standing under it
    at the pitch a wrapped name's line stands under its row's elsewhere in the table
    (`_cells_line_pitches`, within `cell_pitch_pt`): the lines of one cell, the next row the cells'
    padding further. A tight table pads a row too thinly to be clearly nearer (`clear_gap_lines`):
    '南京市鼓楼区人民医 … １９９９６１７．２' over '院 ３', 9.4 pt, the next row 11 pt on, as '…淳溪医' over
    '院' above (typst 920088). A row of its own stands under the line above a line and the padding."""
    if i < 1 or not one_cell_down_to(rows, i - 1, i, settings):
        return False
    up = middle(rows[i]) - middle(rows[i - 1])
    return any(abs(up - pitch) <= settings.cell_pitch_pt for pitch in _cells_line_pitches(rows, i, settings))


def _next_line_of_figures(rows: list[Line], i: int) -> int | None:
    """The first line below the line that holds a figure or a total (`_anchors_a_row`)."""
    return next((j for j in range(i + 1, len(rows)) if _anchors_a_row(rows[j])), None)


def _clearly_nearer_above_than_the_next_figures(rows: list[Line], i: int, below: int, settings: LayoutSettings) -> bool:
    """The line stands clearly nearer its neighbour above than the next line holding figures. The
    lines between hold only the rest of its name ('南京医科大学' / '友谊整形外科' beside the '３' of
    '１５６４２６３' / '医院'), a cell's line apart like the figure's rest from its line: they tie and
    tell nothing. The next row's own line stands a row's padding further."""
    up = middle(rows[i]) - middle(_neighbour(rows, i, -1, settings))
    down = middle(rows[below]) - middle(rows[i])
    return up < down - settings.clear_gap_lines * _line_height(rows[i])


def _close_under_the_line_above(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    """A line of figures clearly nearer the line above it than the next line of figures below
    (`_clearly_nearer_above_than_the_next_figures`), unless clearly nearer its neighbour below: a
    row's own line, its name wrapped onto the next line, stands closer to that line than to the
    row above. With no line of figures below, clearly nearer the line above than the line below,
    or closer under the line above than the rows above stand apart (`_ends_the_table_close_under`,
    also the table's last line)."""
    if i + 1 == len(rows):
        return _ends_the_table_close_under(rows, i, settings)
    if _clearly_nearer_below(rows, i, settings):
        return False
    below = _next_line_of_figures(rows, i)
    if below is not None:
        return _clearly_nearer_above_than_the_next_figures(rows, i, below, settings)
    return _clearly_nearer_above(rows, i, settings) or _ends_the_table_close_under(rows, i, settings)


def _ends_the_table_close_under(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    """A line with no line of figures below it (the table's last row), clearly nearer the line
    above it than that one stands from its own neighbour above: with no row below to measure by,
    the rows above set the pitch, and a cell's wrapped line ('２，３４３，４９５．５' / '１' at a
    top-aligned table's foot) runs on closer. A last row set as far below as the rows above stand
    apart is a row."""
    if i < 2:
        return False
    up = middle(rows[i]) - middle(rows[i - 1])
    before = middle(rows[i - 1]) - middle(_neighbour(rows, i - 1, -1, settings))
    return up < before - settings.clear_gap_lines * _line_height(rows[i])


def _rests_under_their_row(rows: list[Line], i: int, cut: list[tuple[Segment, Segment]]) -> bool:
    """Every figure of the line finishes one begun above a row's own line where a line end may
    cut it (`line_end_may_cut`): a wrapped figure centred on its row, its first part over the
    row's line, its rest under it ('３，１２５，８' / '合计 …' / '４０，７９３'), however the lines
    around it are spaced (the table's last line has none below)."""
    line_of = {id(s): k for k, row in enumerate(rows[:i]) for s in row}
    return all(line_end_may_cut(above.text, rest.text) and any(_anchors_a_row(rows[k]) for k in range(line_of[id(above)] + 1, i))
               for above, rest in cut)


def fewer_figures_than_above(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    """A line of figures the line end cut holds fewer figures than the row's own line above it: a
    narrow cell wraps, its neighbours stand whole on the row's line. A line as full of figures as
    every line above it is a row of its own, however close (rows '155' over '356' in a tight
    table: whole figures, every digit a figure may follow)."""
    reach = settings.figure_wrap_lines * _line_height(rows[i])
    mine = len(_figures_of(rows[i]))
    return any(len(_figures_of(row)) > mine for row in rows[:i] if middle(rows[i]) - middle(row) <= reach)


def _a_rows_own_line(rows: list[Line], k: int, settings: LayoutSettings) -> bool:
    """A line holding a figure or a total that finishes no figure cut above it: the rest of a
    wrapped figure ('８' under '１７５４０８３．５') holds a figure but is no row's own line."""
    return _anchors_a_row(rows[k]) and not _continues_a_figure(rows, k, settings)


def _finished_across_a_row(rows: list[Line], i: int, s: Segment, settings: LayoutSettings) -> bool:
    """A later line, past a row's own line (`_a_rows_own_line`), finishes the run's figure in its
    column where a line end may cut it (`line_end_may_cut`)."""
    reach = 2 * settings.figure_wrap_lines * _line_height(rows[i])
    for j in range(i + 1, len(rows)):
        if middle(rows[j]) - middle(rows[i]) > reach:
            return False
        under = [t for t in rows[j] if iv.overlaps((s.x0, s.x1), (t.x0, t.x1), settings.touch_pt)]
        if under:
            cut = continues_figure(s.text, under[0].text) and line_end_may_cut(s.text, under[0].text)
            return cut and any(_a_rows_own_line(rows, k, settings) for k in range(i + 1, j))
    return False


def _opens_a_wrapped_figure(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    """A line each of whose figures a later line finishes across a row's own line: a wrapped figure
    centred on its row ('38682.77' over the row's line, '万' under it), not a row."""
    figures = _figures_of(rows[i])
    return bool(figures) and all(_finished_across_a_row(rows, i, s, settings) for s in figures)


def _sunk_below_its_lines_figures(rest: Segment, line: Line, settings: LayoutSettings) -> bool:
    """A run standing clearly lower than the line's other figures: the rest of a figure wrapped
    around the row's line ('万' half a line under '8392496'), which the line end merged into it."""
    others = [t for t in _figures_of(line) if t is not rest]
    drop = settings.wrapped_rest_drop_lines * (rest.bottom - rest.top)
    return bool(others) and middle([rest]) - middle(others) > drop


def _finished_on_the_rows_line(rows: list[Line], i: int, s: Segment, settings: LayoutSettings) -> bool:
    """The next line, a row's own, finishes the run's figure in its column where a line end may
    cut it (`line_end_may_cut`), the rest sunk below that line's figures
    (`_sunk_below_its_lines_figures`): a figure centred on its row ('712.7414' over the row's
    line, '万' under it), the rest close enough to share the row's line."""
    under = [t for t in rows[i + 1] if iv.overlaps((s.x0, s.x1), (t.x0, t.x1), settings.touch_pt)] if i + 1 < len(rows) else []
    if not under or not continues_figure(s.text, under[0].text):
        return False
    return line_end_may_cut(s.text, under[0].text) and _sunk_below_its_lines_figures(under[0], rows[i + 1], settings)


def _opens_a_figure_on_the_next_line(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    """A line each of whose figures the next line, a row's own, finishes under it
    (`_finished_on_the_rows_line`): the first line of figures centred on that row, not a row."""
    figures = _figures_of(rows[i])
    return bool(figures) and all(_finished_on_the_rows_line(rows, i, s, settings) for s in figures)


def _wrapped_figure_part(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    """A line holding only parts of figures its cells wrapped: no row of its own."""
    return opens_a_figure_centred_on_its_row(rows, i, settings) or _continues_a_figure(rows, i, settings)


def opens_a_figure_centred_on_its_row(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    """A line whose every figure a later line finishes, on the row's own line under it or past it
    (`_opens_a_figure_on_the_next_line`, `_opens_a_wrapped_figure`): the first part of figures
    wrapped and centred on that row, not the rest of a row the page cut, which finishes what the
    page before began. Over a continued page's first row, a total ('621.2059' over '合计
    911394420 …', '万' under it; html 920137), it is the total's."""
    return _opens_a_figure_on_the_next_line(rows, i, settings) or _opens_a_wrapped_figure(rows, i, settings)


def _in_another_column(other: Line, line: Line, settings: LayoutSettings) -> bool:
    """A line without figures with no text where the line has: a cell of another column wrapped on
    lines of its own (a remark '新接入' one character a line in its narrow cell, its '新' above the
    first line of a two-line name centred on the same row). Its lines fall where its own cell's
    do, so it tells nothing of how the line's cell is spaced."""
    return not _anchors_a_row(other) and _blank_under(other, line, settings)


def _neighbour(rows: list[Line], i: int, step: int, settings: LayoutSettings) -> Line:
    """The nearest line above (step -1) or below (+1) the line that is not in another column; the
    adjacent line when every one is."""
    others = [rows[j] for j in range(i + step, -1 if step < 0 else len(rows), step)]
    return next((o for o in others if not _in_another_column(o, rows[i], settings)), others[0])


def _spacing(rows: list[Line], i: int, settings: LayoutSettings) -> tuple[float, float, float]:
    """How far the line stands from its neighbour above and its neighbour below, and the difference
    that counts as clear: lines of one cell stand a line apart, cells a line and their padding."""
    up = middle(rows[i]) - middle(_neighbour(rows, i, -1, settings))
    down = middle(_neighbour(rows, i, 1, settings)) - middle(rows[i])
    return up, down, settings.clear_gap_lines * _line_height(rows[i])


def _clearly_nearer_above(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    up, down, clear = _spacing(rows, i, settings)
    return up < down - clear


def _clearly_nearer_below(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    up, down, clear = _spacing(rows, i, settings)
    return down < up - clear


def _name_around_its_row(rows: list[Line], anchors: list[int], a: int, settings: LayoutSettings,
                         groups: Groups = WHOLE_WIDTH) -> bool:
    """A row's own line blank where a wrapped line next to it has text (`wraps_into_the_rows_blank`):
    its name sits above and below it."""
    return any(wraps_into_the_rows_blank(rows, anchors, a, j, settings, groups) for j in (a - 1, a + 1) if 0 <= j < len(rows))


def wraps_into_the_rows_blank(rows: list[Line], anchors: list[int], a: int, j: int, settings: LayoutSettings,
                              groups: Groups = WHOLE_WIDTH) -> bool:
    """Line `j`, next to row `a`'s own line and no row's own, has text where the row's line is
    blank. Above the row, not a line that closes its cell (`_closes_its_cell`): the last line of a
    taller cell of the row above — a remark of three lines beside a name of two, top-aligned
    ('含' / '分' / '院' over a row with no remark, html 867005) — wraps into no blank of this row.
    The body's first line has no cell above it to close."""
    if j in anchors or not _leaves_room_for(rows[a], rows[j], settings, groups):
        return False
    return j > a or j == 0 or not _closes_its_cell(rows, j, settings)


def _over_a_row(rows: list[Line], anchors: list[int], i: int) -> bool:
    """A line without figures right over a row's line, not a total's."""
    return i not in anchors and i + 1 in anchors and not is_total_row(rows[i + 1])


def _first_line_of_a_centred_name(rows: list[Line], anchors: list[int], i: int, settings: LayoutSettings) -> bool:
    """A line without figures clearly nearer the row's line below it than the line above: a name
    of three lines centred on its row, the middle one on the row's line, the first above it."""
    return i >= 1 and _over_a_row(rows, anchors, i) and _clearly_nearer_below(rows, i, settings)


def _centred(rows: list[Line], anchors: list[int], settings: LayoutSettings, groups: Groups = WHOLE_WIDTH,
             foot: float | None = None) -> bool:
    """Cells set vertically centred: some row's name stands around its blank line, or a name's
    first line stands over its row, or the body's first line opens the first row's centred name
    (`opens_a_centred_first_row`). Top-aligned tables never show these: there a wrapped line runs
    on closely under its own row."""
    if any(_name_around_its_row(rows, anchors, a, settings, groups) for a in anchors):
        return True
    return any(_first_line_of_a_centred_name(rows, anchors, i, settings) for i in range(len(rows))) or \
        opens_a_centred_first_row(rows, anchors, settings, foot)


def opens_a_centred_first_row(rows: list[Line], anchors: list[int], settings: LayoutSettings,
                              foot: float | None = None) -> bool:
    """The body's first line stands over the first row, not a total, and opens its centred name
    (`opens_the_first_rows_centred_name`: a line under the row mirrors it and closes the cell). A
    continued page whose rows are named over three lines each, the middle one on the row's line,
    shows no blank line around which a name is centred, nor a line right over a row but the
    first: its first row alone shows how the cells are set ('南京江心' / '洲妇产医' level with the
    figures / '院', then '南京市秦' / '淮区永阳' over the next row's '街道社区'; typst 881101 with
    long_names_atop forced)."""
    if not anchors or anchors[0] == 0 or is_total_row(rows[anchors[0]]):
        return False
    return opens_the_first_rows_centred_name(rows, anchors, 0, anchors[0], settings, foot)


def _row_pitch(rows: list[Line], anchors: list[int]) -> float | None:
    """The usual distance between rows' own lines (none with a single row)."""
    pitches = [middle(rows[b]) - middle(rows[a]) for a, b in zip(anchors, anchors[1:])]
    return statistics.median(pitches) if pitches else None


def _within_a_line_of_its_figures(line: Line, row: Line) -> bool:
    """Nearer than a line's height to a row's figures, a line cannot be a line of its own above
    them: it is the first line of a name centred on that row."""
    figures = [s for s in row if looks_numeric(s.text)]
    return bool(figures) and middle(figures) - middle(line) < _line_height(line)


def _opens_a_name_centred_on(rows: list[Line], anchors: list[int], i: int, first: int, settings: LayoutSettings) -> bool:
    """The first line of a name centred on the first row stands half a line above it; the rest of
    a row cut by the page break stands a whole row above the next one. Close means within a share
    of the row pitch or a few line heights; with no pitch to go by (one row), the row's own line
    must also be blank under it (the cut row's rest may lie in a column the next row leaves empty)."""
    pitch = _row_pitch(rows, anchors)
    reach = max(settings.first_name_pitch_share * pitch if pitch is not None else 0.0,
                settings.first_name_lines * _line_height(rows[i]))
    close = middle(rows[first]) - middle(rows[i]) < reach
    return close and (pitch is not None or _blank_under(rows[first], rows[i], settings))


def _owner_over_the_first_row(rows: list[Line], anchors: list[int], i: int, first: int, centred: bool,
                              settings: LayoutSettings, foot: float | None = None) -> int:
    """A line above the first row is that row's name, or the rest of a row cut by the page break:
    a row of its own here (0), joined to what it continues when pages are stitched. foot: the
    rule closing the table, if any. A line opening a figure centred on the first row
    (`opens_a_figure_centred_on_its_row`) is that row's, a total's too."""
    if opens_a_figure_centred_on_its_row(rows, i, settings):
        return first
    if is_total_row(rows[first]):
        return 0
    if _within_a_line_of_its_figures(rows[i], rows[first]) or opens_the_first_rows_centred_name(
            rows, anchors, i, first, settings, foot):
        return first
    if runs_on_under_an_opened_name(rows, anchors, i, first, settings, foot):
        return first
    if centred and _opens_a_name_centred_on(rows, anchors, i, first, settings) and not padded_over_its_row(
            rows, i, first, settings):
        return first
    return 0


def stands_at_one_pitch(gaps: list[float], settings: LayoutSettings) -> bool:
    """Gaps between lines each within `cell_pitch_pt` of the first: the lines of one cell."""
    return all(abs(gap - gaps[0]) <= settings.cell_pitch_pt for gap in gaps)


def _column_gaps(rows: list[Line], i: int, start: int, last: int, settings: LayoutSettings) -> list[float]:
    """How far each line with text in line i's column (`_parts_in_column`) stands under the one
    before, from line `start` down to line `last`, lines blank there left out. A row's own line is
    measured by its run in the column, not by its figures, which another font sets a little apart."""
    middles = []
    for k in range(start, last + 1):
        parts = _parts_in_column([rows[k]], rows[i], settings)
        if parts:
            middles.append(middle(parts))
    return [b - a for a, b in zip(middles, middles[1:])]


def padded_over_its_row(rows: list[Line], i: int, first: int, settings: LayoutSettings) -> bool:
    """The lines with text in the line's column, from the line down to the first row's own line,
    stand at no one pitch: some gap is wider than another by more than `cell_pitch_pt`, the cells'
    padding between them. A centred name runs down to its row's line at the pitch of one cell's
    lines; the rest of a row the page break cut closes its own cell over the row — run on over two
    lines and padded from the row ('口区瑞金' / '路诊所' 12.2 pt apart, the row's '江北新区' 26.2 pt on;
    typst 920132, top-aligned) or padded from the row's centred name ('院' 13.4 pt over '南京市浦',
    which runs on 12.2 pt over '口区中医' on the row's line; typst 920138, tight and centred). With
    one gap to measure, nothing tells."""
    gaps = _column_gaps(rows, i, i, first, settings)
    return bool(gaps) and not stands_at_one_pitch(gaps, settings)


def padded_under_the_line_above(rows: list[Line], i: int, first: int, settings: LayoutSettings) -> bool:
    """Over the first row, the line stands under the line above it further, by more than
    `cell_pitch_pt`, than the lines from it down to the row's own line stand apart at one pitch
    (`stands_at_one_pitch`): the cells' padding parts it from the line above, however thin — a
    tight table's 1.2 pt is not clearly nearer (`clear_gap_lines`). The first line of a name of five
    centred on the row, '南京市玄' 13.4 pt under the cut row's rest '童医院', runs on 12.2 pt over
    '武区禄口' and the row's '街道中山' (typst 920138)."""
    if i < 1 or _blank_under(rows[i - 1], rows[i], settings):
        return False
    gaps = _column_gaps(rows, i, i - 1, first, settings)
    return len(gaps) > 1 and stands_at_one_pitch(gaps[1:], settings) and gaps[0] > gaps[1] + settings.cell_pitch_pt


def runs_on_in_its_cell(rows: list[Line], i: int, first: int, settings: LayoutSettings) -> bool:
    """Over the first row, the line runs on under the line above (`runs_on_under_the_line_above`)
    with no padding between them that the lines down to the row measure (`padded_under_the_line_above`)."""
    return runs_on_under_the_line_above(rows, i, settings) and not padded_under_the_line_above(rows, i, first, settings)


def runs_on_under_an_opened_name(rows: list[Line], anchors: list[int], i: int, first: int, settings: LayoutSettings,
                                 foot: float | None = None) -> bool:
    """Over the first row, the line runs on under the lines above it (`runs_on_under_the_line_above`,
    each in turn) up to one that opens the first row's centred name
    (`opens_the_first_rows_centred_name`; `runs_on_in_its_cell`): a line of that name, however far over the row's
    figures a name of six lines sets it ('江苏国药' opens, '大药房连' runs on under it, 18 pt over the
    figures; typst 881114 with long_names_atop forced)."""
    for k in range(i - 1, -1, -1):
        if not runs_on_in_its_cell(rows, k + 1, first, settings):
            return False
        if opens_the_first_rows_centred_name(rows, anchors, k, first, settings, foot):
            return True
    return False


def _parts_in_column(lines: list[Line], line: Line, settings: LayoutSettings) -> list[Segment]:
    """The runs of the lines that stand over or under the line's text: its column's."""
    return [s for other in lines for s in other if not _blank_under([s], line, settings)]


def _row_centre(row: Line, line: Line, settings: LayoutSettings) -> float:
    """The middle of a row's centred cell in the line's column: the row's own run there (a name's
    middle line), else its figures (a name of an even number of lines leaves it blank)."""
    return middle(_parts_in_column([row], line, settings) or _figures_of(row) or row)


def _balanced_on_its_figures(row: Line, held: list[Line], line: Line, settings: LayoutSettings) -> bool:
    """The lines a row holds so far, its own among them, already centre its text in the line's
    column on its figures: a centred name complete without the line (a one-line name level with
    its figures, or two lines around its blank line), which one more line would push off centre."""
    parts, figures = _parts_in_column(held, line, settings), _figures_of(row)
    tolerance = settings.centred_name_lines * _line_height(line)
    return bool(parts and figures) and abs(middle(parts) - middle(figures)) <= tolerance


def _mirroring_lines(rows: list[Line], i: int, below: int, settings: LayoutSettings, until: int) -> list[int]:
    """The lines without figures in the line's column, under the row below and before `until`,
    that stand as far under that row as the line stands over it."""
    centre = _row_centre(rows[below], rows[i], settings)
    over, tolerance = centre - middle(rows[i]), settings.centred_name_lines * _line_height(rows[i])
    return [j for j in range(below + 1, until) if abs(middle(rows[j]) - centre - over) <= tolerance
            and not _anchors_a_row(rows[j]) and not _blank_under(rows[j], rows[i], settings)]


def _mirrored_under(rows: list[Line], i: int, below: int, settings: LayoutSettings) -> bool:
    """A line without figures in the line's column stands as far under the row below as the line
    stands over it: the last and the first line of a name centred on that row."""
    return bool(_mirroring_lines(rows, i, below, settings, len(rows)))


def _closes_its_cell(rows: list[Line], j: int, settings: LayoutSettings, foot: float | None = None) -> bool:
    """A line clearly nearer the line above it than the line below: its cell's last line, the next
    row a line and the cells' padding under it. The table's last line closes its cell when the
    table's foot (its rule) stands clearly more than half a line's spacing under it: the padding."""
    if j + 1 < len(rows):
        return _clearly_nearer_above(rows, j, settings)
    if foot is None or j == 0:
        return False
    up = middle(rows[j]) - middle(_neighbour(rows, j, -1, settings))
    return 2 * (foot - middle(rows[j])) > up + settings.clear_gap_lines * _line_height(rows[j])


def opens_the_first_rows_centred_name(rows: list[Line], anchors: list[int], i: int, first: int,
                                      settings: LayoutSettings, foot: float | None = None) -> bool:
    """A line over the first row, more than a line's height over its figures (airy rows set a
    name's lines apart), opens the name centred on it when a line of the row's own mirrors it under
    the row's line and closes the row's cell ('南京市溧水区燕子矶' / '街道天元东路社区卫' level with the
    figures / '生服务站', then padding). The rest of a row the page break cut stands a line and
    the cells' padding over the row: mirrored only where the cells have no padding to tell by,
    and then by no line that closes its cell — nor by any when it runs on under the rest
    (`runs_on_in_its_cell`), nor when the cells' padding parts it from the row's line
    (`padded_over_its_row`)."""
    if runs_on_in_its_cell(rows, i, first, settings) or padded_over_its_row(rows, i, first, settings):
        return False
    until = min((a for a in anchors if a > first), default=len(rows))
    return any(_closes_its_cell(rows, j, settings, foot) or one_cell_down_to(rows, i, j, settings)
               for j in _mirroring_lines(rows, i, first, settings, until))


def one_cell_down_to(rows: list[Line], i: int, j: int, settings: LayoutSettings) -> bool:
    """The lines with text in the line's column, from line i down to line j, stand at one pitch (each
    gap within `cell_pitch_pt` of the first), and the next line under j stands further by more: the
    lines of one cell, its padding under j. A padding too thin to be clearly nearer
    (`clear_gap_lines`) is still a padding where the cell's own lines measure the pitch (a name of six
    lines centred on the first row under a continued page's repeated header, its first line
    '江苏先声' two and a half lines over the figures, the padding 2 pt; typst 920005). The rest of a
    row the page break cut stands that padding over the next row's name: no pitch runs on from it."""
    if j + 1 >= len(rows):
        return False
    column = [middle(rows[k]) for k in range(i, j + 1) if not _blank_under(rows[k], rows[i], settings)]
    gaps = [b - a for a, b in zip(column, column[1:])]
    if not gaps or not stands_at_one_pitch(gaps, settings):
        return False
    return middle(_neighbour(rows, j, 1, settings)) - column[-1] > gaps[0] + settings.cell_pitch_pt


def runs_on_under_the_line_above(rows: list[Line], i: int, settings: LayoutSettings) -> bool:
    """Over the first row, the line stands under a line with text over its own no further than
    over the row's line (not `_clearly_nearer_below`): no cells' padding parts it from the line
    above, the two are lines of one cell — the rest of a row the page break cut, run on over two
    lines ('友谊整形外科' / '医院江北分院' over '江苏省口腔医' and its figures / '院', a tight top-aligned
    table whose foot closes the last cell; docx 790172). A name centred on the first row stands the
    cells' padding under the rest above it."""
    return i >= 1 and not _blank_under(rows[i - 1], rows[i], settings) and not _clearly_nearer_below(rows, i, settings)


def opens_a_name_centred_below(rows: list[Line], i: int, above: int, below: int, held: list[Line],
                               settings: LayoutSettings) -> bool:
    """An evenly spaced line between two rows of a tight centred table (Typst) opens the name of
    the row below when the row above is complete without it and a line under the row below
    mirrors it ('南京百年世家中医医院' one line on its row, then '南京市秦淮区中华门街' / '道珠江路社区卫生服务'
    / '站' centred on the next)."""
    return _balanced_on_its_figures(rows[above], held, rows[i], settings) and _mirrored_under(rows, i, below, settings)


def closes_a_name_centred_above(rows: list[Line], i: int, above: int, held: list[Line], settings: LayoutSettings) -> bool:
    """A line the row above holds in the line's column stands as far over that row's centre
    (`_row_centre`) as the line stands under it (within `centred_name_lines`): the two mirror each
    other about the row, the line closing the name centred there — a name of five lines, its middle
    one level with the figures, evenly spaced down to the next row's name ('江苏国药大' / '药房连锁有'
    over '限公司高淳', '区雨花西路' / '诊所' under it; Typst 790048), however blank the next row's own
    line is where the line has text. held: the lines the row above holds so far."""
    centre = _row_centre(rows[above], rows[i], settings)
    under, tolerance = middle(rows[i]) - centre, settings.centred_name_lines * _line_height(rows[i])
    over = [centre - middle(line) for line in held if not _anchors_a_row(line) and not _blank_under(line, rows[i], settings)]
    return under > tolerance and any(abs(distance - under) <= tolerance for distance in over)


def _owner_between(rows: list[Line], i: int, above: int, below: int, held: list[Line], settings: LayoutSettings,
                   groups: Groups = WHOLE_WIDTH) -> int:
    """A line between two rows of a centred table: clearly nearer the line above or below it, it
    goes with that one's row (the last line of a name of three lines centred on its row, above a
    row whose own line is blank there); evenly spaced, with the row above when it mirrors a line of
    that row's name over it (`closes_a_name_centred_above`), with the row below when it opens a name
    centred there, else with the row whose own line is blank where this one has text. held: the
    lines the row above holds so far."""
    if _clearly_nearer_above(rows, i, settings):
        return above
    if _clearly_nearer_below(rows, i, settings):
        return below
    if closes_a_name_centred_above(rows, i, above, held, settings):
        return above
    if opens_a_name_centred_below(rows, i, above, below, held, settings):
        return below
    if _leaves_room_for(rows[below], rows[i], settings, groups) and not _blank_under(rows[above], rows[i], settings):
        return below
    return above


def _owner(rows: list[Line], anchors: list[int], i: int, centred: bool, bands: dict[int, list[Line]],
           settings: LayoutSettings, groups: Groups = WHOLE_WIDTH, foot: float | None = None) -> int:
    """The row a line without figures belongs to. Top-aligned, a wrapped name runs on below
    its row's line; centred, it also stands above, and the row's own line is blank there.
    bands: the lines each row above holds so far; foot: the rule closing the table, if any."""
    above = [a for a in anchors if a < i]
    below = [a for a in anchors if a > i]
    if not above:
        return _owner_over_the_first_row(rows, anchors, i, min(below), centred, settings, foot)
    if not centred or not below:
        return max(above)
    return _owner_between(rows, i, max(above), min(below), bands.get(max(above), []), settings, groups)


def _ruled_bands(rows: list[Line], rule_ys: list[float]) -> Iterator[tuple[float, float, list[Line]]]:
    """A ruled body: the lines between each two rules are one row."""
    for a, b in zip(rule_ys, rule_ys[1:]):
        band = [row for row in rows if iv.contains((a, b), middle(row))]
        if band:
            yield a, b, band


def body_bands(rows: list[Line], rule_ys: list[float], settings: LayoutSettings,
               groups: Groups = WHOLE_WIDTH) -> Iterator[tuple[float, float, list[Line]]]:
    """Body rows: between rules when the body is ruled. Otherwise each line holding a number
    (or a total) anchors a row, and a line without numbers — a wrapped name, set top-aligned
    below its row or centred around it — joins the nearest anchor (the one above on a tie).
    `groups`: the column groups the header prints side by side (`header.side_by_side_groups`)."""
    if len(rule_ys) > 2:
        yield from _ruled_bands(rows, rule_ys)
        return
    anchors = [i for i, row in enumerate(rows) if _anchors_a_row(row) and not _wrapped_figure_part(rows, i, settings)]
    if not anchors:
        if rows:  # only the rest of a row the page break cut, under the repeated header
            yield min(s.top for s in rows[0]), max(s.bottom for s in rows[-1]), rows
        return
    foot = rule_ys[-1] if len(rule_ys) == 2 else None  # the rule under the body: the header's, then the table's foot
    centred = _centred(rows, anchors, settings, groups, foot)
    bands: dict[int, list[Line]] = {}
    for i, row in enumerate(rows):
        owner = i if i in anchors else _owner(rows, anchors, i, centred, bands, settings, groups, foot)
        bands.setdefault(owner, []).append(row)
    for i in sorted(bands):
        band = sorted(bands[i], key=middle)
        yield min(s.top for s in band[0]), max(s.bottom for s in band[-1]), band


def band_cells(rows: list[Line], columns, gutters, settings: LayoutSettings) -> dict[tuple[int, ...], Cell]:
    """A body row's cells: its text gathered by the columns it spans."""
    parts: dict[tuple[int, ...], list[Segment]] = {}
    for row in rows:
        for s in row:
            parts.setdefault(span_of(s, columns, settings), []).append(s)
    return {span: make_cell(span, ss, columns, settings) for span, ss in parts.items()}
