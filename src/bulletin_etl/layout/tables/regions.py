"""Horizontal rules → the regions of tables drawn without inner vertical rules: rows ruled but
columns open, or the yearbook 三线表 (a rule above and below the header and under the last row,
group headers with a short rule beneath their sub-columns). A region is a run of long rules of one
extent with table text between them; a 三线表 broken by the page is closed with a rule of our own."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...text import join_wrapped, looks_numeric, squash
from .. import trace
from ..intervals import covers, lower_median, median
from ..lines import CharsByHeight, row_text
from ..settings import LayoutSettings
from ..vocabulary import BARE_FOLIO, NOTE, REMARK, has_sentence_mark, is_page_number, reads_as_title
from .segments import Segment, has_figure, is_figures_only, is_prose, line_text, segments


@dataclass
class Rule:
    y: float
    x0: float
    x1: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0

    def covers(self, x: float, settings: LayoutSettings) -> bool:
        """`x` lies within the rule's ends, give or take `rule_cover_pt`."""
        return covers((self.x0, self.x1), (x, x), settings.rule_cover_pt)


def horizontal_rules(edges: list[dict], settings: LayoutSettings) -> list[Rule]:
    """Rules from horizontal edges: pieces drawn cell by cell that touch end to end are one rule,
    and the two edges of a thin filled rectangle are one. A shorter rule drawn within a longer
    one at the same height (a table's top rule touching the rule under a page header) stays a
    rule of its own."""
    pieces = sorted((e for e in edges if e.get("orientation") == "h"), key=lambda e: (e["top"], e["x0"]))
    bands: list[list[dict]] = []
    for edge in pieces:
        if bands and edge["top"] - bands[-1][0]["top"] <= settings.rule_y_tolerance_pt:
            bands[-1].append(edge)
        else:
            bands.append([edge])
    gap = settings.rule_x_gap_pt
    rules = []
    for band in bands:
        y = band[0]["top"]
        runs: list[Rule] = []
        heights: list[float] = []  # the height of each run's last piece
        seen: list[tuple[float, float]] = []  # every piece taken, to know a piece drawn twice
        for edge in sorted(band, key=lambda e: (e["x0"], -e["x1"])):
            x0, x1 = edge["x0"], edge["x1"]
            if any(abs(a - x0) <= gap and abs(b - x1) <= gap for a, b in seen):
                continue  # the other edge of a thin rectangle, or a piece drawn again
            seen.append((x0, x1))
            # the run this piece continues: it starts within the run (or touching its end) and
            # reaches past it; of several, the one whose end it touches best, and of runs ending
            # at the same place, the one drawn at its height: a table's top rule drawn cell by
            # cell right under a page header's rule (Chromium's margin box, 0.75 pt apart) shares
            # column ends with it, and a cell piece taken into the header's rule swaps their ends
            continued = [i for i, r in enumerate(runs) if r.x0 - gap <= x0 <= r.x1 + gap and x1 > r.x1 + gap]
            if continued:
                i = min(continued, key=lambda i: (abs(x0 - runs[i].x1), abs(edge["top"] - heights[i])))
                runs[i].x1 = x1
                heights[i] = edge["top"]
            else:
                runs.append(Rule(y, x0, x1))
                heights.append(edge["top"])
        rules.extend(runs)
    return rules


def _tabular(rows: list[list[Segment]], width: float, settings: LayoutSettings) -> bool:
    """Text between two rules belongs to the table unless a line of it is running text across
    much of the table's width (a note or a paragraph between two tables), a note or a folio."""
    return not any(_is_running_text(row, width, settings) or _is_note_or_folio(row) for row in rows)


def _is_running_text(row: list[Segment], width: float, settings: LayoutSettings) -> bool:
    """A line reading as prose across more than `prose_width_share` of the table's width. A lone
    fragment of a wrapped name, carried over a page break, is narrow and stays in the table."""
    wide = row[-1].x1 - row[0].x0 > settings.prose_width_share * width
    return wide and _reads_as_prose(row)


def _reads_as_prose(row: list[Segment]) -> bool:
    """Prose (a sentence mark, or a note's '注：') in one run, or in several runs a line of
    sentences that justified setting stretched apart. Header cells set so tight that no gap
    parts them ('2030年总量累计总量…') hold no sentence mark."""
    text = line_text(row)
    return is_prose(text) and (len(row) == 1 or has_sentence_mark(line_text(_words_of(row))))


def _words_of(row: list[Segment]) -> list[Segment]:
    """A line's runs less its figures: a figure a narrow cell cut after a digit of a group
    ('３７８，８３１，２' / '０６') keeps its full-width '，', no sentence mark; so do figure cells
    set close enough to read as one run (`is_figures_only`)."""
    return [s for s in row if not (looks_numeric(s.text) or is_figures_only(s.text))]


def _is_note_or_folio(row: list[Segment]) -> bool:
    """A note ('注：…') is never table text, however narrow or spaced; nor a folio ('- 3 -')."""
    text = line_text(row)
    return NOTE.match(text) is not None or is_page_number(text)


def _heading_between(chars: list[dict], settings: LayoutSettings, table_chars: list[dict] | None = None) -> bool:
    """A section title between two tables: a line on its own that reads like a title, or one set
    clearly larger than the table's text (or than the rest of the text when no table text is
    known yet). Captions may be set no larger than the table itself: the words decide then."""
    rows = segments(chars, settings)
    # Header cells set edge to edge may read as one worded run ('…表单上传情况'); a header has
    # other rows of several cells beside it, a title stands alone (or over a remark), perhaps
    # broken over two lines ('2026 年度线上预约' / '情况统计').
    lines = [row[0].text for row in rows]
    if all(len(row) == 1 for row in rows) and any(
            len(squash(text)) >= settings.min_title_chars and reads_as_title(text, settings)
            for text in lines + [join_wrapped([a, b]) for a, b in zip(lines, lines[1:])]):
        return True
    sizes = sorted(c.get("size", 0.0) for c in chars if not c["text"].isspace())
    reference = [c.get("size", 0.0) for c in table_chars or [] if not c["text"].isspace()] or sizes
    return bool(sizes) and sizes[-1] >= settings.heading_size_ratio * median(reference)


def _same_extent(a: Rule, b: Rule, settings: LayoutSettings) -> bool:
    same = settings.rule_same_extent_pt
    return abs(a.x0 - b.x0) <= same and abs(a.x1 - b.x1) <= same


def _table_within(narrower: list[Rule], chars: CharsByHeight, settings: LayoutSettings) -> bool:
    """Two rules of one narrower extent with figures between them, or three of one extent (a
    table's repeated header over an empty cut row): a table of its own. The rules under a
    table's group headers never come three times at one extent, nor twice with figures between."""
    for i, a in enumerate(narrower):
        same = [r for r in narrower[i + 1:] if _same_extent(a, r, settings)]
        if len(same) + 1 >= settings.stacked_rule_count:
            return True
        if same and has_figure(segments(chars.inside((a.x0, a.y, a.x1, same[0].y)), settings)):
            return True
    return False


def _trim(run: list[Rule], chars: CharsByHeight, settings: LayoutSettings) -> list[Rule]:
    """A run less the outer rules that are no part of its table: an empty band closes it only as the
    rest of a row the page split (`closes_split_rows_rest`)."""
    while len(run) >= 2 and _first_rule_outside(run, chars, settings):
        run = run[1:]
    while len(run) >= 2 and _nothing_between(run[-2], run[-1], chars) and not closes_split_rows_rest(run, chars, settings):
        run = run[:-1]
    return run


def closes_split_rows_rest(run: list[Rule], chars: CharsByHeight, settings: LayoutSettings) -> bool:
    """The run's last rule closes an empty band right under its head (header text between its first
    rules, no figure: `_is_head`), the band no taller than `split_row_rest_head_ratio` times that head:
    the rest of a row the page split, carried under the repeated header with none of its text —
    LibreOffice moves the bottom padding of a row padded far apart (a 合计 row) onto the next page
    (docx 790048). The table ends at that rule, and a note under it stands right under the table.
    A rule further under a head, or under body rows, is no part of the table."""
    if len(run) < 3:
        return False
    head = segments(chars.inside((run[0].x0, run[0].y, run[0].x1, run[-2].y)), settings)
    band = run[-1].y - run[-2].y
    return _is_head(head, settings) and band <= settings.split_row_rest_head_ratio * (run[-2].y - run[0].y)


def _first_rule_outside(run: list[Rule], chars: CharsByHeight, settings: LayoutSettings) -> bool:
    """A run's first rule with nothing between it and the next (the rule under a page header, as
    wide as the table below it), or with a stray line under it, is no part of its table."""
    return _nothing_between(run[0], run[1], chars) or (
        len(run) >= 3 and _stray_line_under(run[0], run[1], run[-1], chars, settings))


def _nothing_between(a: Rule, b: Rule, chars: CharsByHeight) -> bool:
    """No glyph within the ends of rule `a` between it and the rule `b` below."""
    return not any(not c["text"].isspace() for c in chars.inside((a.x0, a.y, a.x1, b.y)))


def _stray_line_under(a: Rule, b: Rule, last: Rule, chars: CharsByHeight, settings: LayoutSettings) -> bool:
    """No cell of a header band (set centred or at its top, in the table's size, cells side by
    side) but a line over the table between its first rules `a` and `b`, under a page header's
    rule: a title's part that the page break carried over, which LibreOffice sets midway between
    the rules and a page with its table far down sets right under the first (`set_off_centre`),
    perhaps with its subtitle under it ('…预约情况统计' over '（不包含…）'), or a line wholly in brackets
    set anywhere between them."""
    rows = segments(chars.inside((a.x0, a.y, a.x1, b.y)), settings)
    if not rows or any(len(row) != 1 for row in rows):
        return False
    if set_off_centre(rows, a, b, settings) or is_bracketed_line(rows):
        return True
    return len(rows) == 1 and _set_larger(rows[0][0], chars.inside((a.x0, b.y, a.x1, last.y)), settings)


def is_bracketed_line(rows: list[list[Segment]]) -> bool:
    """One line wholly in brackets: a title's bracketed tail ('（医院）') or a remark that the page
    break carried over under the page header's rule, set right under it (Chromium, WeasyPrint) —
    never a header band, whose labels are words."""
    return len(rows) == 1 and REMARK.match(squash(rows[0][0].text)) is not None


def _far_below_first_rule(rows: list[list[Segment]], a: Rule, b: Rule, settings: LayoutSettings) -> bool:
    """Lines standing more than `stray_line_lines` line heights under rule `a`, and clearly
    nearer the rule `b` below them than `a` (by more than a line height)."""
    first, lowest = rows[0][0], rows[-1][0]
    height = first.bottom - first.top
    above, below = first.top - a.y, b.y - lowest.bottom
    return above > settings.stray_line_lines * height and above - below > height


def set_off_centre(rows: list[list[Segment]], a: Rule, b: Rule, settings: LayoutSettings) -> bool:
    """Lines between rules `a` and `b` set far from one of them and clearly nearer the other
    (`_far_below_first_rule`, `_far_above_next_rule`): no header band, which fills its rules'
    band or is centred in it."""
    return _far_below_first_rule(rows, a, b, settings) or _far_above_next_rule(rows, a, b, settings)


def _far_above_next_rule(rows: list[list[Segment]], a: Rule, b: Rule, settings: LayoutSettings) -> bool:
    """Lines standing more than `stray_band_lines` line heights over rule `b`, and clearly nearer
    rule `a` above them (by more than a line height): a title's rest and its remark the page break
    carried over, set right under the page header's rule, their table set far down the page (reportlab
    920148: '预约情况统计' / '（不包含…）' 550 pt over it). A header band is as tall as its lines."""
    first, lowest = rows[0][0], rows[-1][0]
    height = lowest.bottom - lowest.top
    above, below = first.top - a.y, b.y - lowest.bottom
    return below > settings.stray_band_lines * height and below - above > height


def _set_larger(line: Segment, table_chars: list[dict], settings: LayoutSettings) -> bool:
    """A line whose every glyph is set `heading_size_ratio` times the table text's (median) size."""
    table = [c.get("size", settings.default_size_pt) for c in table_chars if not c["text"].isspace()]
    return bool(table) and min(c.get("size", settings.default_size_pt) for c in line.visible) >= (
        settings.heading_size_ratio * median(table))


def regions(rules: list[Rule], index: CharsByHeight, min_width: float, min_stacked: float,
            settings: LayoutSettings) -> list[list[Rule]]:
    """Runs of long rules of the same extent with table-like text between them. A narrow table
    (a few columns, narrower than `min_width`) has rules too: three or more of one extent, at
    least `min_stacked` long (the rule under a group header never comes three times)."""
    long = _table_rules(rules, min_width, min_stacked, settings)
    runs = [run for group in _extent_groups(long, settings) for run in _runs_in(group, long, index, settings)]
    trace.record("rule runs", trace.run_boxes(runs))
    return _outermost([_trim(run, index, settings) for run in runs], settings)


def _table_rules(rules: list[Rule], min_width: float, min_stacked: float, settings: LayoutSettings) -> list[Rule]:
    """The rules that may bound a table: those at least `min_width` long, and narrower ones (at
    least `min_stacked`) stacked at one extent."""
    narrow = [r for r in rules if min_stacked <= r.length < min_width]
    return [r for r in rules if r.length >= min_width or (r in narrow and _is_stacked(r, narrow, settings))]


def _is_stacked(rule: Rule, narrow: list[Rule], settings: LayoutSettings) -> bool:
    """`stacked_rule_count` or more narrow rules of this rule's extent (itself counted): a narrow
    table's top, header and bottom rules."""
    return sum(_same_extent(rule, other, settings) for other in narrow) >= settings.stacked_rule_count


def _extent_groups(rules: list[Rule], settings: LayoutSettings) -> list[list[Rule]]:
    """Rules of one extent, give or take a producer's rounding, top-down: a rule within reach of
    any rule of a group joins it, and joins groups it reaches both of (a table's outer rules drawn
    a little wider than its inner ones, a page header's rule between the two)."""
    groups: list[list[Rule]] = []
    for rule in rules:
        reached = [g for g in groups if any(_same_extent(r, rule, settings) for r in g)]
        joined = sorted([r for g in reached for r in g] + [rule], key=lambda r: r.y)
        groups = [g for g in groups if not any(g is h for h in reached)] + [joined]
    return sorted(groups, key=lambda g: g[0].y)


def _runs_in(group: list[Rule], long: list[Rule], index: CharsByHeight, settings: LayoutSettings) -> list[list[Rule]]:
    """A group's rules cut into runs where the next rule closes no part of the same table."""
    out = []
    run = [group[0]]
    for rule in group[1:]:
        if _continues_run(run, rule, long, index, settings):
            run.append(rule)
        else:
            out.append(run)
            run = [rule]
    out.append(run)
    return out


def _continues_run(run: list[Rule], rule: Rule, long: list[Rule], index: CharsByHeight, settings: LayoutSettings) -> bool:
    """The next rule of a run's extent closes the same table: no other table's rules stand
    between (`long`: every rule that may bound a table), the text between is table text and no
    heading (set larger than the run's text so far, or worded as a title), nor an empty band far
    taller than its rows."""
    between = index.inside((run[-1].x0, run[-1].y, run[-1].x1, rule.y))
    inside = [r for r in long if run[-1].y < r.y < rule.y]
    if is_empty_band_past_pitch(run, rule, between, settings):
        return False
    if is_empty_band_over_head(run, rule, long, between, index, settings):
        return False
    if _other_table_between(inside, rule, index, settings):
        return False
    if not _tabular(segments(between, settings), rule.length, settings):
        return False
    return not _heading_between(between, settings, index.inside((run[0].x0, run[0].y, run[0].x1, run[-1].y)))


def is_empty_band_past_pitch(run: list[Rule], rule: Rule, between: list[dict], settings: LayoutSettings) -> bool:
    """No glyph between the run's last rule and `rule`, which stands more than
    `empty_band_pitch_ratio` times the run's row pitch (the lower median gap between its rules) below:
    the space between two tables of one width stacked one under the other, the lower printed
    without a heading. A blank row is one pitch; a tall row holds text; a lone rule has no pitch."""
    if len(run) < 2 or any(not c["text"].isspace() for c in between):
        return False
    pitch = lower_median(b.y - a.y for a, b in zip(run, run[1:]))
    return rule.y - run[-1].y > settings.empty_band_pitch_ratio * pitch


def is_empty_band_over_head(run: list[Rule], rule: Rule, long: list[Rule], between: list[dict],
                            index: CharsByHeight, settings: LayoutSettings) -> bool:
    """No glyph between the run's last rule and `rule`, figures in the run's last row and a head
    under `rule` (its rows down to the next rule of its extent among `long`, none with a figure,
    a line of header cells among them): a second table, printed without a heading, under the
    first's body — WeasyPrint collapses the margins around the empty title, so the band is no
    taller than a row. A blank row in a body has body rows under it."""
    if len(run) < 2 or any(not c["text"].isspace() for c in between):
        return False
    last_row = segments(index.inside((run[-1].x0, run[-2].y, run[-1].x1, run[-1].y)), settings)
    return has_figure(last_row) and _is_head(_rows_under(rule, long, index, settings), settings)


def _is_head(rows: list[list[Segment]], settings: LayoutSettings) -> bool:
    """Rows with no figure, one of them a line of header cells side by side."""
    return not has_figure(rows) and any(is_header_line(row, settings) for row in rows)


def _rows_under(rule: Rule, long: list[Rule], index: CharsByHeight, settings: LayoutSettings) -> list[list[Segment]]:
    """The text rows within `rule`'s ends from it down to the next rule of its extent (none: none)."""
    below = [r.y for r in long if r.y > rule.y and _same_extent(r, rule, settings)]
    return segments(index.inside((rule.x0, rule.y, rule.x1, min(below))), settings) if below else []


def _other_table_between(inside: list[Rule], rule: Rule, index: CharsByHeight, settings: LayoutSettings) -> bool:
    """Long rules between two rules of one extent that are another table's: one reaching outside
    this table's width, or narrower ones that make a table of their own. A narrower one alone is
    the rule under a group header."""
    narrower = [r for r in inside if not _same_extent(r, rule, settings)]
    return _reaches_outside(inside, rule, settings) or _table_within(narrower, index, settings)


def _reaches_outside(inside: list[Rule], rule: Rule, settings: LayoutSettings) -> bool:
    """A rule reaching past either end of `rule` (by more than `rule_same_extent_pt`)."""
    return any(not covers((rule.x0, rule.x1), (r.x0, r.x1), settings.rule_same_extent_pt) for r in inside)


def _outermost(runs: list[list[Rule]], settings: LayoutSettings) -> list[list[Rule]]:
    """Runs of two rules or more, top-down, less those within a taller run's height: the rules
    of group headers that touch end to end are not a table."""
    kept: list[list[Rule]] = []
    for run in sorted((run for run in runs if len(run) >= 2), key=lambda run: run[0].y - run[-1].y):  # tallest first
        if not any(_within_height(run, k, settings) for k in kept):
            kept.append(run)
    return sorted(kept, key=lambda run: run[0].y)


def _within_height(run: list[Rule], taller: list[Rule], settings: LayoutSettings) -> bool:
    """A run from top to bottom within a taller run's first and last rule (`nested_run_margin_pt`)."""
    return covers((taller[0].y, taller[-1].y), (run[0].y, run[-1].y), settings.nested_run_margin_pt)


def extend_down(run: list[Rule], index: CharsByHeight, others: list[list[Rule]], settings: LayoutSettings) -> list[Rule]:
    """A 三线表 broken by the page has no rule under its last row on this page: take the table
    lines below its last rule (rows of several cells and the short runs of wrapped names) down
    to a heading, a note, a gap wider than both the usual one and the table's own row pitch, or
    the next table; close it with a rule of our own."""
    last = run[-1]
    # The table's own text sets the size a line below must not clearly exceed: a title set
    # larger, cut at the table's ends, may not read as one ('…年度数据统' of '…年度数据统计').
    own = index.inside((last.x0, run[0].y, last.x1, last.y))
    headed = not has_figure(segments(own, settings))
    above = max((c["bottom"] for c in own if not c["text"].isspace()), default=last.y)
    taken: list[list[Segment]] = []
    lines = segments(_chars_below(last, index, others, settings), settings)
    for row, following in zip(lines, [*lines[1:], []]):
        # the row's lowest text: a wrapped name's last line may stand below its figures
        previous = max(s.bottom for s in taken[-1]) if taken else last.y
        ended = _ends_broken_table(row, index, last.length, settings) \
            or _beyond_table_pitch(row, following, previous, TakenRows(above, taken, last.y if headed else None),
                                   headed and not taken, settings)
        if ended or _heading_between([c for r in taken + [row] for s in r for c in s.visible], settings, own):
            break
        taken.append(row)
    if not any(len(r) >= 2 for r in taken):
        return run
    return [*run, Rule(max(s.bottom for s in taken[-1]) + settings.closing_rule_gap_pt, last.x0, last.x1)]


def broken_at_foot(rules: list[Rule], index: CharsByHeight, found: list[list[Rule]], min_width: float,
                   min_stacked: float, settings: LayoutSettings) -> list[list[Rule]]:
    """Narrow 三线表 that the page broke right under their header: a table narrower than
    `min_width` is found by its three rules of one extent, but on the page where its top and header
    rules stand alone (its closing rule is on the next page) only two come; they are a table's
    when header text stands between them and its rows under them run down to the page's foot."""
    narrow = [r for r in rules if min_stacked <= r.length < min_width and not _within_any(r, found, settings)]
    pairs = [group for group in _extent_groups(narrow, settings) if len(group) == 2]
    return [pair for pair in pairs if is_head_over_rows_to_foot(pair, index, found, settings)]


def _within_any(rule: Rule, runs: list[list[Rule]], settings: LayoutSettings) -> bool:
    """The rule stands within a run's height (a group header's rule inside a table found)."""
    return any(covers((run[0].y, run[-1].y), (rule.y, rule.y), settings.nested_run_margin_pt) for run in runs)


def is_head_over_rows_to_foot(pair: list[Rule], index: CharsByHeight, others: list[list[Rule]],
                              settings: LayoutSettings) -> bool:
    """Header text and no figure between the two rules, table rows under the lower one (taken as
    `extend_down` takes a broken table's), and nothing under those rows but the folio: a table
    the page broke, not two group rules nor a pair of rules around a caption."""
    top, head = pair
    between = segments(index.inside((top.x0, top.y, top.x1, head.y)), settings)
    if not between or has_figure(between):
        return False
    closed = extend_down(pair, index, others, settings)
    return len(closed) > len(pair) and only_folio_below(closed[-1].y, index, settings)


def is_head_band_at_foot(rows: list[list[Segment]], bottom: Rule, index: CharsByHeight,
                         settings: LayoutSettings) -> bool:
    """One line between two rules at a page's foot (nothing under the `bottom` rule but the
    folio) that is a header row: a 三线表 the page broke right under its head, its body (and
    perhaps the rest of its header) on the next page. Not a title the rules box in, nor a
    ruled-off line of prose."""
    return len(rows) == 1 and is_header_line(rows[0], settings) and only_folio_below(bottom.y, index, settings)


def is_header_line(row: list[Segment], settings: LayoutSettings) -> bool:
    """Header cells side by side: at least `head_band_cell_count` runs, no figure, none of them
    prose or a title of its own (one long enough, `min_title_chars`, worded as titles end)."""
    return len(row) >= settings.head_band_cell_count and not has_figure([row]) and not any(
        is_prose(s.text) or _is_title_run(s.text, settings) for s in row)


def _is_title_run(text: str, settings: LayoutSettings) -> bool:
    return len(squash(text)) >= settings.min_title_chars and reads_as_title(text, settings)


def only_folio_below(y: float, index: CharsByHeight, settings: LayoutSettings) -> bool:
    """Nothing printed under `y` across the page but folio lines."""
    below = [c for c in index.inside((-math.inf, y, math.inf, math.inf)) if (c["top"] + c["bottom"]) / 2 > y]
    return all(_is_folio_line(row, index, settings) for row in segments(below, settings))


def _chars_below(last: Rule, index: CharsByHeight, others: list[list[Rule]], settings: LayoutSettings) -> list[dict]:
    """The characters under a run's last rule, within its ends (`extend_margin_pt`), down to the
    next table's first rule."""
    limit = min((o[0].y for o in others if o[0].y > last.y), default=math.inf)
    margin = settings.extend_margin_pt
    return [c for c in index.inside((last.x0 - margin, last.y, last.x1 + margin, limit))
            if last.y < (c["top"] + c["bottom"]) / 2 < limit]


def _stands_apart(row: list[Segment], previous: float, first_under_header: bool, settings: LayoutSettings) -> bool:
    """A row whose highest text stands more than `row_gap_lines` line heights under `previous`
    (the lowest text above it). Digits set in a Latin face stand lower than the CJK beside them.
    Under rules with only header text between them the table's body is all below, so its first
    row belongs to it even standing lower (`first_row_gap_lines`: the space LibreOffice leaves
    above a row the page split, under the repeated header); a table with a body above its last
    rule is complete there, and text under it keeps to the usual gap."""
    allowed = settings.first_row_gap_lines if first_under_header else settings.row_gap_lines
    return min(s.top for s in row) - previous > allowed * (row[0].bottom - row[0].top)


@dataclass
class TakenRows:
    """The lines taken under a broken 三线表's last rule so far, and the lowest text above that rule
    (its header's, or its body's last row): the table's own pitch is read from them."""

    above: float
    rows: list[list[Segment]]
    # the last rule's height where only header text stands above it (the body all below: a table the page
    # broke under its header, or continued under its repeated header); None under a body
    header_rule: float | None = None


def _beyond_table_pitch(row: list[Segment], following: list[Segment], previous: float, taken: TakenRows,
                        first_under_header: bool, settings: LayoutSettings) -> bool:
    """A row standing apart from the text above (`_stands_apart`) and not at the table's own
    pitch either (`is_at_table_pitch`): rows set far apart (cells padded an em above and below)
    continue their table; a paragraph after a wider gap ends it."""
    return _stands_apart(row, previous, first_under_header, settings) and not is_at_table_pitch(
        row, following, previous, taken, settings)


def is_at_table_pitch(row: list[Segment], following: list[Segment], previous: float, taken: TakenRows,
                      settings: LayoutSettings) -> bool:
    """A row whose gap to the text above (`previous`) is the table's own row gap: within
    `row_pitch_tolerance_lines` line heights of the widest gap between the rows taken so far, or
    at most `head_gap_pitch_ratio` times the gap across the last rule (from the text above it to
    the first row taken). Cells padded far apart set every row gap alike; a header's cells may be
    padded less than the body's (Chromium, WeasyPrint), so the gap across the rule is the
    smaller. Only a row's start stands at the pitch (`opens_row`, given the `following` line):
    other lines under the table (prose, a note, a title, cut at its ends) keep to the usual gap.
    No row taken yet, or none that opens a table row (`taken_from_a_row`): no pitch, but under a
    header the body's own padding (`is_at_padding_pitch`)."""
    if not opens_row(row, following, settings):
        return False
    if is_at_padding_pitch(row, previous, taken, settings):
        return True
    if not taken_from_a_row(taken, row, settings):
        return False
    tops = [min(s.top for s in r) for r in taken.rows]
    bottoms = [max(s.bottom for s in r) for r in taken.rows]
    gaps = [top - bottom for bottom, top in zip(bottoms, tops[1:])]
    height = row[0].bottom - row[0].top
    gap = min(s.top for s in row) - previous
    within_rows = bool(gaps) and gap <= max(gaps) + settings.row_pitch_tolerance_lines * height
    return within_rows or gap <= settings.head_gap_pitch_ratio * (tops[0] - taken.above)


def is_at_padding_pitch(row: list[Segment], previous: float, taken: TakenRows, settings: LayoutSettings) -> bool:
    """Under a header with no body above its rule (`TakenRows.header_rule`) the first line taken is
    the body's, whether it opens a row or ends one the page split (docx: '区）' under the repeated
    header): it stands under the rule by a body cell's padding above its text. Rows padded alike
    stand twice that apart — one cell's padding below, the next one's above — give or take
    `row_pitch_tolerance_lines` line heights. The gap across the rule says less: a header's cells
    may be padded far less than the body's (Chromium: 3 pt against 9, a row gap of 1.5 times it)."""
    if taken.header_rule is None or not taken.rows:
        return False
    padding = min(s.top for s in taken.rows[0]) - taken.header_rule
    gap = min(s.top for s in row) - previous
    return gap <= 2 * padding + settings.row_pitch_tolerance_lines * (row[0].bottom - row[0].top)


def taken_from_a_row(taken: TakenRows, row: list[Segment], settings: LayoutSettings) -> bool:
    """The lines taken under the last rule begin with a table row's start (`opens_row`, the line
    after it the next taken or `row`), or begin the body under its header (`begins_body_under_header`):
    a pitch is read from the table's own rows only. A heading and its bracketed year under a closed
    table ('全国卫生健康信息化发展指数' / '(2027)') set no pitch, and the two-column prose under them
    stays out of the table (typst 720058)."""
    if not taken.rows:
        return False
    after = taken.rows[1] if len(taken.rows) > 1 else row
    return opens_row(taken.rows[0], after, settings) or begins_body_under_header(taken)


def begins_body_under_header(taken: TakenRows) -> bool:
    """Lines taken under a rule with only header text above it (`TakenRows.header_rule`) are the
    body's, whether the first opens a row or ends one the page split: LibreOffice carries a split
    row's rest under the repeated header ('司江北新区天' / '元东路诊所', two runs alone, docx 716691),
    and the gap across the rule, header cell's padding below and body cell's above, is a row gap.
    The body's padding read from the rule (`is_at_padding_pitch`) falls short of it where a face
    sets its glyphs high in the line (wqy-zenhei: its leading all under the glyphs)."""
    return taken.header_rule is not None and bool(taken.rows)


def opens_row(row: list[Segment], following: list[Segment], settings: LayoutSettings) -> bool:
    """The first line of a table row: cells side by side, or one run with cells side by side
    right under it (within `row_gap_lines`) — a name wrapped over three lines, its figures set
    level with the middle one. A line of prose is followed by prose, or by nothing."""
    if len(row) >= 2:
        return True
    height = row[0].bottom - row[0].top
    return len(following) >= 2 and min(s.top for s in following) - row[0].bottom <= settings.row_gap_lines * height


def _ends_broken_table(row: list[Segment], index: CharsByHeight, width: float, settings: LayoutSettings) -> bool:
    """A line under a broken 三线表 that is none of its rows: a folio, a note, or one run of
    running text across much of the table's `width`."""
    text = "".join(s.text for s in row)
    return (_is_folio_line(row, index, settings) or NOTE.match(text) is not None
            or _is_one_run_of_running_text(row, width, settings))


def _is_one_run_of_running_text(row: list[Segment], width: float, settings: LayoutSettings) -> bool:
    return len(row) == 1 and _is_running_text(row, width, settings)


def _is_folio_line(row: list[Segment], index: CharsByHeight, settings: LayoutSettings) -> bool:
    """A folio: the row as read (a folio read with its cells apart: run together, a row's
    figures around a '/' for a missing value, '14  53958  /  8363490', read as one,
    '1453958/8363490'), or the whole printed line (a folio set across the table's edges), or a
    bare number that is the page's last line ('4' under the last row)."""
    line = _printed_line(row, index, settings)
    return is_page_number(line_text(row)) or is_page_number(line) or _is_bare_folio(line, row, index)


def _printed_line(row: list[Segment], index: CharsByHeight, settings: LayoutSettings) -> str:
    """The whole printed line a row stands on, also past the table's edges."""
    return row_text(sorted(index.inside((-math.inf, row[0].top, math.inf, row[0].bottom)), key=lambda c: c["x0"]),
                    settings)


def _is_bare_folio(line: str, row: list[Segment], index: CharsByHeight) -> bool:
    """A folio printed as the number alone: nothing printed under it."""
    return BARE_FOLIO.match(line) is not None and not _printed_below(row[0].bottom, index)


def _printed_below(y: float, index: CharsByHeight) -> bool:
    return any((c["top"] + c["bottom"]) / 2 > y and not c["text"].isspace()
               for c in index.inside((-math.inf, y, math.inf, math.inf)))
