"""Which lines of the flow are section headings.

A heading is found by what it says and where it stands, with typography as supporting
evidence only: official documents set headings in a regular 黑体 at the body's size, captions
smaller than the body, fake bold by stroking (the font name says nothing). So a line is a
heading when it is no sentence (no sentence punctuation, not too long, not the masthead), and
  - it is set apart by strong typography (bold by font name, or clearly larger than the body), or
  - it stands on its own (a paragraph of one or two lines) and reads like a title ('…统计',
    '…情况（区）', a known section's title), or
  - it stands on its own, is set differently from the body (another size or family), and a
    table follows it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..text import join_wrapped, squash
from .blocks import Block
from .intervals import Span, gap, median
from .line_ends import leaves_clause_open, leaves_room_for, stops_short
from .lines import Margins, TextLine, body_size, line_family, line_margins, text_edge
from .settings import LayoutSettings
from .tables import Grid
from .vocabulary import (
    MASTHEAD,
    SENTENCE_ENDS,
    is_part_title,
    is_sentence,
    names_a_year,
    reads_as_title,
    starts_numbered,
    without_numbering,
)

REMARK_ENDS = tuple("）)")
OPENING_BRACKETS = "（("

TITLE_TAIL = re.compile(r"^[（(][^（()）:：]{1,8}[)）]$")
"""A title's last words wrapped alone onto the next line: '（区）', '（医院）', '（2030）' — not a
unit line ('（单位：万人次）')."""

ENDING_TAIL = re.compile(r"^(?:统计|情况|数据|概况|汇总|一览|简表|表)+(?:[（(][^（()）:：]{1,8}[)）])?$")
"""A title's ending word wrapped alone onto the next line ('…信息系统建设情况' / '统计'): words that
say what kind of title it is and nothing on their own."""


def same_size(a: float, b: float, settings: LayoutSettings) -> bool:
    """Two sizes the eye takes for one."""
    return abs(a - b) < settings.same_size_pt


def same_page_and_size(a: TextLine, b: TextLine, settings: LayoutSettings) -> bool:
    return a.page == b.page and same_size(a.size, b.size, settings)


def below_on_page(above: TextLine, line: TextLine) -> bool:
    """The line starts under the other one's foot, on the same page."""
    return above.page == line.page and line.top > above.bottom


def ends_sentence(text: str) -> bool:
    """Ends a sentence or a remark ('。', '（不包含…预约）'): such a line may end its paragraph although
    it reaches the margin (a page with one line of text cannot show where its margin is)."""
    return text.rstrip().endswith(SENTENCE_ENDS) or closes_remark(text)


def closes_remark(text: str) -> bool:
    """Ends with a bracket closing a remark: the whole line in brackets ('（不包含…预约）'), or a
    remark's rest wrapped from the line above ('约）'). A bracketed group after words on its line
    closes no remark: '全国卫生健康信息化发展指数（2027）' at a narrow column's end goes on with
    '显示，南京市…'."""
    flat = squash(text)
    if not flat.endswith(REMARK_ENDS):
        return False
    opening = max(flat.rfind(bracket) for bracket in OPENING_BRACKETS)
    return opening <= 0


def is_masthead_line(text: str) -> bool:
    """The masthead's line ('<issuer> 编印 2025 年 1 月 24 日')."""
    return MASTHEAD.search(squash(text)) is not None


def is_title_tail(text: str) -> bool:
    """A title's bracketed last words alone on a line ('（区）'), or its ending word ('统计')."""
    return TITLE_TAIL.match(squash(text)) is not None or ENDING_TAIL.match(squash(text)) is not None


def _vertical(line: TextLine) -> Span:
    return (line.top, line.bottom)


@dataclass(frozen=True)
class Flow:
    """What the heading test needs to know of the whole document."""

    blocks: list[Block]
    margins: Margins
    body: float
    family: str
    titles: tuple[re.Pattern, ...]
    lines_on: Counter[int]  # page → how many text lines it has
    line_gap: float  # the usual space between two lines of running text
    settings: LayoutSettings

    def line(self, i: int) -> TextLine | None:
        block = self.blocks[i] if 0 <= i < len(self.blocks) else None
        return block if isinstance(block, TextLine) else None

    def ends_short(self, line: TextLine) -> bool:
        return line_margins(line, self.margins)[1] - text_edge(line) > self.settings.paragraph_short_em * line.size

    def starts_block(self, i: int) -> bool:
        """Line i begins a paragraph: after a table or a line that closes one, across a page break
        no margins can be seen at, indented, or after space."""
        line, prev = self.line(i), self.line(i - 1)
        if line is None:
            return False
        if prev is None:
            return True
        return self.closes_paragraph(prev, line) or self.unmeasured_page_break(prev, line) or self.opens_paragraph(prev, line)

    def closes_paragraph(self, line: TextLine, nxt: TextLine | None = None) -> bool:
        """The line ends its paragraph: it stops short of the right margin (for more than the next
        line's first word, `stops_before`), ends a sentence or a remark, or is the masthead's dated
        line, however wide."""
        return self.stops_before(line, nxt) or ends_sentence(line.text) or is_masthead_line(line.text)

    def stops_before(self, line: TextLine, nxt: TextLine | None) -> bool:
        """The line stops short of its right margin, and not only because the next line's first
        word did not fit after it ('…发展指数' before '（2028），南京市…' in a narrow column)."""
        if nxt is None or nxt.page != line.page:
            return self.ends_short(line)
        return stops_short(line, nxt, self.margins, self.settings)

    def unmeasured_page_break(self, prev: TextLine, line: TextLine) -> bool:
        """A page break next to a page with too few lines to show its margins."""
        few = self.settings.page_break_line_count
        return prev.page != line.page and min(self.lines_on[prev.page], self.lines_on[line.page]) < few

    def opens_paragraph(self, prev: TextLine, line: TextLine) -> bool:
        """The line opens a block however the line above ends: indented, set apart by space, or a
        title right under a paragraph's last line (`ends_before_title`)."""
        return self.indented(prev, line) or self.spaced(prev, line) or self.ends_before_title(prev, line)

    def ends_before_title(self, prev: TextLine, line: TextLine) -> bool:
        """`prev` ends its paragraph a glyph or so short of the margin, and `line`, set like the
        body right under it, is a title: worded as one where `prev` is not, and `prev` leaves no
        clause open (`leaves_clause_open`) and left room for `line`'s first glyph (`leaves_room_for`)
        — the paragraph's last line its writer left without a '。' ('…二等奖等诸多荣誉' over the
        part's '统计数据', Typst 50598), which `closes_paragraph` takes for a full line. A line
        under one reaching the margin ('…医院获' / '得四级甲等') is its paragraph's rest."""
        if not self.worded(line.text) or self.worded(prev.text):
            return False
        return not leaves_clause_open(prev) and leaves_room_for(prev, line, self.margins, self.settings)

    def indented(self, prev: TextLine, line: TextLine) -> bool:
        """The line starts past the page's left margin, and is no centred rest of the line above."""
        inset = line.x0 - line_margins(line, self.margins)[0]
        return inset > self.settings.paragraph_indent_em * line.size and not self.centred_rest(prev, line)

    def spaced(self, prev: TextLine, line: TextLine) -> bool:
        """More space above the line, on the page of the line above, than between the body's lines."""
        space = gap(_vertical(prev), _vertical(line))
        return prev.page == line.page and space > self.line_gap + self.settings.paragraph_space_em * line.size

    def centred_rest(self, prev: TextLine, line: TextLine) -> bool:
        """The line is the rest of a centred paragraph the line above wraps (the caller has seen that
        line reach the margin): set in its size, centred under it and clearly inside both its ends,
        and no title of its own. Its room on either side is no indent ('（不包含…医院自有途径预' /
        '约）'); a paragraph's first line starting where an indented line above starts is one."""
        return (same_page_and_size(prev, line, self.settings) and self.centred_inside(prev, line)
                and not self.worded(line.text))

    def centred_inside(self, prev: TextLine, line: TextLine) -> bool:
        """The line stands clearly inside both ends of the line above, its middle under that one's."""
        inset = self.settings.paragraph_indent_em * line.size
        inside = line.x0 - prev.x0 > inset and prev.x1 - line.x1 > inset
        return inside and abs((prev.x0 + prev.x1) / 2 - (line.x0 + line.x1) / 2) <= self.settings.centred_rest_em * line.size

    def ends_block(self, i: int) -> bool:
        """Line i ends its paragraph: no line follows it, or the next starts a block (the line
        closing its paragraph among the reasons)."""
        if self.line(i) is None:
            return False
        return self.line(i + 1) is None or self.starts_block(i + 1)

    def strong(self, line: TextLine) -> bool:
        return line.bold or line.size >= self.settings.heading_larger_ratio * self.body

    def set_apart(self, line: TextLine) -> bool:
        return abs(line.size - self.body) >= self.settings.set_apart_share * self.body or line_family(line) != self.family

    def known(self, text: str) -> bool:
        """Matches a known section's title, whatever the heading's number ('（四）', '2.1')."""
        flat = without_numbering(text)
        return any(t.search(flat) for t in self.titles)

    def worded(self, text: str) -> bool:
        return reads_as_title(text, self.settings) or self.known(text)

    def known_title(self, text: str) -> bool:
        """Worded as a title on its own, and matching a known section's title."""
        return self.known(text) and reads_as_title(text, self.settings)


def body_family(lines: Iterable[TextLine]) -> str:
    families: Counter[str] = Counter()
    for line in lines:
        families[line_family(line)] += len(line.chars)
    return families.most_common(1)[0][0] if families else ""


def running_text_pair(a: TextLine, b: TextLine, body: float, settings: LayoutSettings) -> bool:
    """Two lines at the body's size, the second under the first on its page."""
    return below_on_page(a, b) and same_size(a.size, body, settings) and same_size(b.size, body, settings)


def _line_gap(blocks: list[Block], body: float, settings: LayoutSettings) -> float:
    """The median space between consecutive body-size lines on a page."""
    return median(gap(_vertical(a), _vertical(b)) for a, b in zip(blocks, blocks[1:])
                  if isinstance(a, TextLine) and isinstance(b, TextLine) and running_text_pair(a, b, body, settings))


def _no_title(text: str, settings: LayoutSettings) -> bool:
    return is_sentence(text, settings) or is_masthead_line(text)


def worded_only_together(flow: Flow, first: str, second: str) -> bool:
    """Two lines read as a title where the first alone does not."""
    return not flow.worded(first) and flow.worded(join_wrapped([first, second]))


def known_alone(flow: Flow, text: str) -> bool:
    """Matches a known section's title and is as long as a title printed alone gets
    (`min_title_chars`): '采集情况（区）' names the words of a title, but is a wrapped title's rest."""
    return flow.known(text) and len(squash(text)) >= flow.settings.min_title_chars


def known_only_together(flow: Flow, first: str, second: str) -> bool:
    """Two lines match a known section's title where neither alone is one ('…平台数据' / '采集情况（区）'),
    or where the second is one only by the words a numbered title's rest has (`numbered_title_rest`)."""
    together = flow.known(join_wrapped([first, second])) and not flow.known(first)
    return together and (not known_alone(flow, second) or numbered_title_rest(first, second))


def numbered_title_rest(first: str, second: str) -> bool:
    """The first line starts with a heading's number and the second with none: in an edition that
    numbers its headings the second is no heading of its own ('2.2 2026年度南京市卫生信息平台数据' /
    '采集情况（医院）' is one title, although '采集情况（医院）' names a section)."""
    return starts_numbered(first) and not starts_numbered(second)


def known_as_pair(flow: Flow, first: str, second: str) -> bool:
    """The two lines name a known section together and the first names none alone (the rest may:
    '采集情况（医院）')."""
    return flow.known(join_wrapped([first, second])) and not flow.known(first)


def known_pair_set_as_one(flow: Flow, line: TextLine, nxt: TextLine) -> bool:
    """Two lines in one size, the second close under the first, that name a known section only
    together: one title although the rest names a section alone ('2022年度南京市卫生信息平台数据' /
    '采集情况（医院）'). A first line naming a section of its own ('统计数据', the part's title) over
    a known title is two headings."""
    together = known_as_pair(flow, line.text, nxt.text)
    return together and same_page_and_size(line, nxt, flow.settings) and follows_closely(flow, line, nxt)


def known_pair_across_pages(flow: Flow, line: TextLine, nxt: TextLine) -> bool:
    """`known_pair_set_as_one` broken by the page: '2019 年南京市卫生信息平台数据' the last line of
    one page, '采集情况（医院）' in its size the first of the next (reportlab 920141 read them as two
    headings, the first unknown). With no closeness to go by, the rest must say no year: a line
    atop the page saying its own ('2030 年南京市…采集情况（区）') opens a title of its own, under
    a title left alone at the last page's foot."""
    together = known_as_pair(flow, line.text, nxt.text) and not names_a_year(nxt.text)
    return together and nxt.page == line.page + 1 and same_size(line.size, nxt.size, flow.settings)


def _completes(flow: Flow, line: TextLine, nxt: TextLine) -> bool:
    """The next line is the rest of this title: the title's bracketed tail ('（区）'), or the two
    read as a title where the first alone does not, or as a known section's title where neither
    alone is one ('…平台数据' / '采集情况（区）') or where they are set as one title."""
    return (is_title_tail(nxt.text) or worded_only_together(flow, line.text, nxt.text)
            or named_only_together(flow, line, nxt))


def named_only_together(flow: Flow, line: TextLine, nxt: TextLine) -> bool:
    """The two lines name a known section as one title (`known_only_together`, `known_pair_set_as_one`,
    `known_pair_across_pages`)."""
    set_as_one = known_pair_set_as_one(flow, line, nxt) or known_pair_across_pages(flow, line, nxt)
    return known_only_together(flow, line.text, nxt.text) or set_as_one


def may_continue_title(line: TextLine, nxt: TextLine, settings: LayoutSettings) -> bool:
    """The next line is set in the line's size and may be part of a title: it is no sentence, or
    it is a title's bracketed tail; it starts with no heading's number (a numbered line begins a
    heading of its own: '统计数据' over '（二）…采集情况' is two)."""
    if starts_numbered(nxt.text):
        return False
    return same_size(nxt.size, line.size, settings) and (not _no_title(nxt.text, settings) or is_title_tail(nxt.text))


def follows_closely(flow: Flow, line: TextLine, nxt: TextLine) -> bool:
    """The next line follows on the same page, as close as a title's own second line."""
    return nxt.page == line.page and gap(_vertical(line), _vertical(nxt)) < flow.settings.title_wrap_gap_em * line.size


def broken_by_page(flow: Flow, line: TextLine, nxt: TextLine) -> bool:
    """A title broken by the page: '…采集情况（医' at one page's foot and '院）' atop the next, or
    '…采集情况' and '（区）' — the first part alone reads like no title and the two together do,
    or the next page starts with the title's bracketed tail alone."""
    return nxt.page == line.page + 1 and _completes(flow, line, nxt)


def two_titles(flow: Flow, line: TextLine, nxt: TextLine) -> bool:
    """Two known titles one over the other, each worded as a title on its own ('统计数据', the
    part's heading, over a section's title): two headings, not one title wrapped. A line ending
    '…中心' matches the colophon's pattern but is no title: '…信息中心' / '十件大事' is one."""
    return heads_alone(flow, line.text) and flow.known_title(nxt.text) and not is_title_tail(nxt.text)


def heads_alone(flow: Flow, text: str) -> bool:
    """A heading on its own line over a title: a known title worded as one, or the part's title
    in words no title ends with ('主要统计指标', '统计资料', `is_part_title`). Set in the titles'
    size right over the first one, '主要统计指标' read as the first line of '全国卫生健康信息化发展
    指数' and left that title's wrapped tail '（2025）' to its sentence (docx 790073)."""
    return flow.known_title(text) or is_part_title(text)


def title_second_line(flow: Flow, i: int) -> TextLine | None:
    """The line a title starting at line i wraps onto, if it wraps: set like it and close under
    it, or atop the next page and completing it; never a second title."""
    line, nxt = flow.line(i), flow.line(i + 1)
    if line is None or nxt is None or not may_continue_title(line, nxt, flow.settings):
        return None
    if not (follows_closely(flow, line, nxt) or broken_by_page(flow, line, nxt)):
        return None
    return None if two_titles(flow, line, nxt) else nxt


def table_follows(flow: Flow, i: int) -> bool:
    return isinstance(flow.blocks[i + 1] if i + 1 < len(flow.blocks) else None, Grid)


def is_caption(flow: Flow, line: TextLine, i: int) -> bool:
    """Set apart from the body (another size or family) with a table right under it."""
    return table_follows(flow, i) and flow.set_apart(line)


def two_line_title_alone(flow: Flow, line: TextLine, i: int, second: TextLine) -> bool:
    """The title's two lines make a block of their own and only together complete the title."""
    return flow.ends_block(i + 1) and _completes(flow, line, second)


def one_line_title_alone(flow: Flow, line: TextLine, i: int) -> bool:
    """The line is a block of its own, worded as a title or a caption over a table."""
    return flow.ends_block(i) and (flow.worded(line.text) or is_caption(flow, line, i))


def heading_at(flow: Flow, i: int) -> int | None:
    """The index of the last line of a heading starting at block i (a title may wrap onto a
    second line), or None when block i starts no heading. Strong typography makes a heading of
    any line that is no sentence; a line set like the body must stand alone and read as a title."""
    line = flow.line(i)
    if line is None or _no_title(line.text, flow.settings):
        return None
    second = title_second_line(flow, i)
    if flow.strong(line):
        return i + 1 if second is not None and flow.strong(second) else i
    if not flow.starts_block(i):
        return None
    if second is not None and two_line_title_alone(flow, line, i, second):
        return i + 1
    return i if one_line_title_alone(flow, line, i) else None


def flow_of(blocks: list[Block], margins: Margins, settings: LayoutSettings, titles: Iterable[str] = ()) -> Flow:
    """What the heading test needs to know of the flow (`titles`: patterns of known sections' titles)."""
    lines = [b for b in blocks if isinstance(b, TextLine)]
    body = body_size(lines)
    return Flow(blocks, margins, body, body_family(lines), tuple(re.compile(t) for t in titles),
                Counter(ln.page for ln in lines), _line_gap(blocks, body, settings), settings)


def find_headings(blocks: list[Block], margins: Margins, settings: LayoutSettings,
                  titles: Iterable[str] = ()) -> list[tuple[int, int]]:
    """(first, last) block index of every heading in the flow, in order."""
    flow = flow_of(blocks, margins, settings, titles)
    found = []
    i = 0
    while i < len(blocks):
        last = heading_at(flow, i)
        if last is None:
            i += 1
            continue
        found.append((i, last))
        i = last + 1
    return found
