"""Horizontal rules → the regions of tables drawn without inner vertical rules: rows ruled but
columns open, or the yearbook 三线表 (a rule above and below the header and under the last row,
group headers with a short rule beneath their sub-columns). A region is a run of long rules of one
extent with table text between them; a 三线表 broken by the page is closed with a rule of our own."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...text import join_wrapped, squash
from ..lines import CharsByHeight, row_text
from ..vocabulary import BARE_FOLIO, NOTE, has_sentence_mark, is_page_number, reads_as_title
from .segments import Segment, has_figure, is_prose, line_text, segments
from .settings import SETTINGS


@dataclass
class Rule:
    y: float
    x0: float
    x1: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0

    def covers(self, x: float) -> bool:
        return self.x0 - SETTINGS.rule_cover <= x <= self.x1 + SETTINGS.rule_cover


def horizontal_rules(edges: list[dict]) -> list[Rule]:
    """Rules from horizontal edges: pieces drawn cell by cell that touch end to end are one rule,
    and the two edges of a thin filled rectangle are one. A shorter rule drawn within a longer
    one at the same height (a table's top rule touching the rule under a page header) stays a
    rule of its own."""
    pieces = sorted((e for e in edges if e.get("orientation") == "h"), key=lambda e: (e["top"], e["x0"]))
    bands: list[list[dict]] = []
    for edge in pieces:
        if bands and edge["top"] - bands[-1][0]["top"] <= SETTINGS.rule_y_tolerance:
            bands[-1].append(edge)
        else:
            bands.append([edge])
    gap = SETTINGS.rule_x_gap
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


def _tabular(rows: list[list[Segment]], width: float) -> bool:
    """Text between two rules belongs to the table unless a line of it is one run of running
    text across much of the table's width (a note or a paragraph between two tables). A lone
    fragment of a wrapped name, carried over a page break, is narrow and stays in; header cells
    set so tight that no gap parts them ('2030年总量累计总量…') are no sentence and stay in too.
    A note ('注：…') is never table text, however narrow or spaced; nor is a line of sentences
    that justified setting stretched into several runs."""
    return not any((r[-1].x1 - r[0].x0 > SETTINGS.prose_width_share * width and is_prose(line_text(r))
                    and (len(r) == 1 or has_sentence_mark(line_text(r))))
                   or NOTE.match(line_text(r)) or is_page_number(line_text(r)) for r in rows)


def _heading_between(chars: list[dict], table_chars: list[dict] | None = None) -> bool:
    """A section title between two tables: a line on its own that reads like a title, or one set
    clearly larger than the table's text (or than the rest of the text when no table text is
    known yet). Captions may be set no larger than the table itself: the words decide then."""
    rows = segments(chars)
    # Header cells set edge to edge may read as one worded run ('…表单上传情况'); a header has
    # other rows of several cells beside it, a title stands alone (or over a remark), perhaps
    # broken over two lines ('2026 年度线上预约' / '情况统计').
    lines = [row[0].text for row in rows]
    if all(len(row) == 1 for row in rows) and any(
            len(squash(text)) >= SETTINGS.min_title_chars and reads_as_title(text)
            for text in lines + [join_wrapped(pair) for pair in zip(lines, lines[1:])]):
        return True
    sizes = sorted(c.get("size", 0.0) for c in chars if not c["text"].isspace())
    reference = sorted(c.get("size", 0.0) for c in table_chars or [] if not c["text"].isspace()) or sizes
    return bool(sizes) and sizes[-1] >= SETTINGS.heading_size_ratio * reference[len(reference) // 2]


def _same_extent(a: Rule, b: Rule) -> bool:
    return abs(a.x0 - b.x0) <= SETTINGS.rule_same_extent and abs(a.x1 - b.x1) <= SETTINGS.rule_same_extent


def _table_within(narrower: list[Rule], chars: CharsByHeight) -> bool:
    """Two rules of one narrower extent with figures between them, or three of one extent (a
    table's repeated header over an empty cut row): a table of its own. The rules under a
    table's group headers never come three times at one extent, nor twice with figures between."""
    for i, a in enumerate(narrower):
        same = [r for r in narrower[i + 1:] if _same_extent(a, r)]
        if len(same) + 1 >= SETTINGS.stacked_rules:
            return True
        if same and has_figure(segments(chars.inside((a.x0, a.y, a.x1, same[0].y)))):
            return True
    return False


def _trim(run: list[Rule], chars: CharsByHeight) -> list[Rule]:
    """A run's outer rules with nothing between them and the next are no part of its table (the
    rule under a page header, as wide as the table below it), nor a first rule with a stray line
    under it."""
    def empty(a: Rule, b: Rule) -> bool:
        return not any(not c["text"].isspace() for c in chars.inside((a.x0, a.y, a.x1, b.y)))

    def stray(a: Rule, b: Rule, last: Rule) -> bool:
        """One run of text (or lines of one run each) far under the first rule and nearer the
        next, or one set clearly larger than the table's text below it: no cell of a header band
        (set centred or at its top, in the table's size) but a line over the table, under a page
        header's rule (a title's part that the page break carried over, which LibreOffice sets
        midway between the rules, perhaps with its subtitle under it)."""
        rows = segments(chars.inside((a.x0, a.y, a.x1, b.y)))
        # Lines of one run each: the carried-over part of a title may have a subtitle under it
        # ('…预约情况统计' over '（不包含…）'); a header band has cells side by side.
        if not rows or any(len(row) != 1 for row in rows):
            return False
        first, lowest = rows[0][0], rows[-1][0]
        height = first.bottom - first.top
        above, below = first.top - a.y, b.y - lowest.bottom
        if above > SETTINGS.stray_line_lines * height and above - below > height:
            return True
        if len(rows) != 1:
            return False
        table = sorted(c.get("size", SETTINGS.default_size) for c in chars.inside((a.x0, b.y, a.x1, last.y))
                       if not c["text"].isspace())
        return bool(table) and min(c.get("size", SETTINGS.default_size) for c in first.visible) >= (
            SETTINGS.heading_size_ratio * table[len(table) // 2])

    while len(run) >= 2 and (empty(run[0], run[1]) or (len(run) >= 3 and stray(run[0], run[1], run[-1]))):
        run = run[1:]
    while len(run) >= 2 and empty(run[-2], run[-1]):
        run = run[:-1]
    return run


def regions(rules: list[Rule], index: CharsByHeight, min_width: float, min_stacked: float) -> list[list[Rule]]:
    """Runs of long rules of the same extent with table-like text between them. A narrow table
    (a few columns, narrower than `min_width`) has rules too: three or more of one extent, at
    least `min_stacked` long (the rule under a group header never comes three times)."""
    narrow = [r for r in rules if min_stacked <= r.length < min_width]
    long = [r for r in rules if r.length >= min_width or (
        r in narrow and sum(_same_extent(r, other) for other in narrow) >= SETTINGS.stacked_rules)]
    # Rules of one extent, give or take a producer's rounding: a rule within reach of any rule
    # of a group joins it, and joins groups it reaches both of (a table's outer rules drawn a
    # little wider than its inner ones, a page header's rule between the two).
    groups: list[list[Rule]] = []
    for rule in long:
        reached = [g for g in groups if any(_same_extent(r, rule) for r in g)]
        merged = sorted([r for g in reached for r in g] + [rule], key=lambda r: r.y)
        groups = [g for g in groups if not any(g is h for h in reached)] + [merged]
    groups.sort(key=lambda g: g[0].y)
    out = []
    for group in groups:
        run = [group[0]]
        for rule in group[1:]:
            between = index.inside((run[-1].x0, run[-1].y, run[-1].x1, rule.y))
            # A long rule reaching outside this table's width belongs to another table; one
            # inside it is the rule under a group header — unless rules of its extent come
            # again further down: a narrower table of its own stands between.
            inside = [r for r in long if run[-1].y < r.y < rule.y]
            other_table = any(r.x0 < rule.x0 - SETTINGS.rule_same_extent or r.x1 > rule.x1 + SETTINGS.rule_same_extent
                              for r in inside) or _table_within(
                [r for r in inside if not _same_extent(r, rule)], index)
            tabular = _tabular(segments(between), rule.length)
            if tabular and not other_table and not _heading_between(
                    between, index.inside((run[0].x0, run[0].y, run[0].x1, run[-1].y))):
                run.append(rule)
            else:
                out.append(run)
                run = [rule]
        out.append(run)
    out = [_trim(run, index) for run in out]
    runs = sorted((run for run in out if len(run) >= 2), key=lambda run: run[0].y - run[-1].y)
    kept: list[list[Rule]] = []
    for run in runs:  # tallest first: rules of group headers that touch end to end are not a table
        margin = SETTINGS.nested_run_margin
        if not any(k[0].y - margin <= run[0].y and run[-1].y <= k[-1].y + margin for k in kept):
            kept.append(run)
    return sorted(kept, key=lambda run: run[0].y)


def extend_down(run: list[Rule], index: CharsByHeight, others: list[list[Rule]]) -> list[Rule]:
    """A 三线表 broken by the page has no rule under its last row on this page: take the table
    lines below its last rule (rows of several cells and the short runs of wrapped names) down
    to a heading, a note, a wide gap or the next table; close it with a rule of our own."""
    last = run[-1]
    limit = min((o[0].y for o in others if o[0].y > last.y), default=float("inf"))
    margin = SETTINGS.extend_margin
    below = [c for c in index.inside((last.x0 - margin, last.y, last.x1 + margin, limit))
             if last.y < (c["top"] + c["bottom"]) / 2 < limit]
    # Rules with only header text between them: the table's body is all below, so its first
    # row belongs to it even standing lower than rows stand apart (the space LibreOffice leaves
    # above a row the page split, under the repeated header). A table with a body above its
    # last rule is complete there: text under it keeps to the usual gap.
    # The table's own text sets the size a line below must not clearly exceed: a title set
    # larger, cut at the table's ends, may not read as one ('…年度数据统' of '…年度数据统计').
    own = index.inside((last.x0, run[0].y, last.x1, last.y))
    headed = not has_figure(segments(own))
    taken: list[list[Segment]] = []
    for row in segments(below):
        height = row[0].bottom - row[0].top
        # the row's lowest text: a wrapped name's last line may stand below its figures
        previous = max(s.bottom for s in taken[-1]) if taken else last.y
        text = "".join(s.text for s in row)
        wide = len(row) == 1 and row[0].x1 - row[0].x0 > SETTINGS.prose_width_share * last.length and is_prose(text)
        # the whole printed line, also past the table's edges: a folio set across them
        line = row_text(sorted(index.inside((-math.inf, row[0].top, math.inf, row[0].bottom)), key=lambda c: c["x0"]))
        # to the line's highest text: digits set in a Latin face stand lower than the CJK beside them
        allowed = SETTINGS.first_row_gap_lines if headed and not taken else SETTINGS.row_gap_lines
        gapped = min(s.top for s in row) - previous > allowed * height
        # a folio printed as the number alone is the page's last line ('4' under the last row)
        bare_folio = BARE_FOLIO.match(line) is not None and not any(
            (c["top"] + c["bottom"]) / 2 > row[0].bottom and not c["text"].isspace()
            for c in index.inside((-math.inf, row[0].bottom, math.inf, math.inf)))
        # a folio read with its cells apart: run together, a row's figures around a '/' for a
        # missing value ('14  53958  /  8363490') read as one ('1453958/8363490')
        folio = is_page_number(line_text(row)) or is_page_number(line) or bare_folio
        if folio or NOTE.match(text) or wide or gapped or _heading_between(
                [c for r in taken + [row] for s in r for c in s.visible], own):
            break
        taken.append(row)
    if not any(len(r) >= 2 for r in taken):
        return run
    return [*run, Rule(max(s.bottom for s in taken[-1]) + SETTINGS.closing_rule_gap, last.x0, last.x1)]
