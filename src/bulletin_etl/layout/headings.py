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
from .lines import Margins, TextLine, body_size, line_family, text_edge
from .tables import Grid
from .vocabulary import MASTHEAD, is_sentence, reads_as_title


@dataclass(frozen=True)
class HeadingSettings:
    larger: float = 1.1
    """× body size: a line this much larger is typographically a heading, whatever it says."""
    different: float = 0.04
    """A size this far from the body's (either way) sets a line apart: a caption 14 pt under 16 pt."""
    indent: float = 0.8
    """em: a line starting this far past the page's left margin starts a paragraph."""
    short: float = 2.0
    """em: a line stopping this far before the right margin ends its paragraph."""
    gap: float = 0.6
    """× line size: this much more space above a line than between the body's lines starts a new
    block of text (公文 leading is loose: a plain gap would see a block at every line)."""
    wrap_gap: float = 0.8
    """× heading size: the second line of a wrapped title follows closer than this."""
    centred: float = 1.0
    """em: a line whose middle is this close under the middle of a full line above it, in the same
    size, is the wrapped rest of a centred paragraph (a remark under a title), not indented."""


SETTINGS = HeadingSettings()

SENTENCE_ENDS = tuple("。！？）)")
"""A line ending a sentence or a remark may end its paragraph although it reaches the margin (a
page with one line of text cannot show where its margin is)."""

TITLE_TAIL = re.compile(r"^[（(][^（()）:：]{1,8}[)）]$")
"""A title's last words wrapped alone onto the next line: '（区）', '（医院）', '（2030）' — not a
unit line ('（单位：万人次）')."""

FEW_LINES = 3
"""A page with fewer text lines than this (a table's page with its note) shows no margins: a
line after a page break from it may start a block."""


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
    settings: HeadingSettings = SETTINGS

    def line(self, i: int) -> TextLine | None:
        block = self.blocks[i] if 0 <= i < len(self.blocks) else None
        return block if isinstance(block, TextLine) else None

    def ends_short(self, line: TextLine) -> bool:
        return self.margins[line.page][1] - text_edge(line) > self.settings.short * line.size

    def starts_block(self, i: int) -> bool:
        """Line i begins a paragraph: after a table or a short line, indented, or after space."""
        line, prev = self.line(i), self.line(i - 1)
        if line is None:
            return False
        if prev is None or self.ends_short(prev) or prev.text.rstrip().endswith(SENTENCE_ENDS):
            return True
        if MASTHEAD.search(squash(prev.text)):  # the masthead's dated line, however wide, ends its block
            return True
        if prev.page != line.page and min(self.lines_on[prev.page], self.lines_on[line.page]) < FEW_LINES:
            return True
        if line.x0 - self.margins[line.page][0] > self.settings.indent * line.size and not self.centred_rest(prev, line):
            return True
        return prev.page == line.page and line.top - prev.bottom > self.line_gap + self.settings.gap * line.size

    def centred_rest(self, prev: TextLine, line: TextLine) -> bool:
        """The line is the rest of a centred paragraph the line above wraps (the caller has seen that
        line reach the margin): set in its size, centred under it and clearly inside both its ends,
        and no title of its own. Its room on either side is no indent ('（不包含…医院自有途径预' /
        '约）'); a paragraph's first line starting where an indented line above starts is one."""
        inset = self.settings.indent * line.size
        return (prev.page == line.page and abs(prev.size - line.size) < 0.5 and not self.worded(line.text)
                and line.x0 - prev.x0 > inset and prev.x1 - line.x1 > inset
                and abs((prev.x0 + prev.x1) / 2 - (line.x0 + line.x1) / 2) <= self.settings.centred * line.size)

    def ends_block(self, i: int) -> bool:
        line = self.line(i)
        return line is not None and (self.ends_short(line) or self.line(i + 1) is None or self.starts_block(i + 1))

    def strong(self, line: TextLine) -> bool:
        return line.bold or line.size >= self.settings.larger * self.body

    def set_apart(self, line: TextLine) -> bool:
        return abs(line.size - self.body) >= self.settings.different * self.body or line_family(line) != self.family

    def known(self, text: str) -> bool:
        """Matches a known section's title."""
        flat = squash(text)
        return any(t.search(flat) for t in self.titles)

    def worded(self, text: str) -> bool:
        return reads_as_title(text) or self.known(text)


def body_family(lines: Iterable[TextLine]) -> str:
    families: Counter[str] = Counter()
    for line in lines:
        families[line_family(line)] += len(line.chars)
    return families.most_common(1)[0][0] if families else ""


def _line_gap(blocks: list[Block], body: float) -> float:
    """The median space between consecutive body-size lines on a page."""
    gaps = sorted(b.top - a.bottom for a, b in zip(blocks, blocks[1:])
                  if isinstance(a, TextLine) and isinstance(b, TextLine) and a.page == b.page
                  and abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5 and b.top > a.bottom)
    return gaps[len(gaps) // 2] if gaps else 0.0


def _no_title(text: str) -> bool:
    return is_sentence(text) or MASTHEAD.search(squash(text)) is not None


def _completes(flow: Flow, line: TextLine, nxt: TextLine) -> bool:
    """The next line is the rest of this title: the title's bracketed tail ('（区）'), or the two
    read as a title where the first alone does not, or as a known section's title where neither
    alone is one ('…平台数据' / '采集情况（区）')."""
    joined = join_wrapped([line.text, nxt.text])
    return (TITLE_TAIL.match(squash(nxt.text)) is not None
            or (not flow.worded(line.text) and flow.worded(joined))
            or (flow.known(joined) and not flow.known(line.text) and not flow.known(nxt.text)))


def heading_at(flow: Flow, i: int) -> int | None:
    """The index of the last line of a heading starting at block i (a title may wrap onto a
    second line), or None when block i starts no heading."""
    line = flow.line(i)
    if line is None or _no_title(line.text):
        return None
    nxt = flow.line(i + 1)
    alike = nxt is not None and abs(nxt.size - line.size) < 0.5 and (
        not _no_title(nxt.text) or TITLE_TAIL.match(squash(nxt.text)) is not None)
    close = alike and nxt.page == line.page and nxt.top - line.bottom < flow.settings.wrap_gap * line.size
    # a title broken by the page ('…采集情况（医' at one page's foot, '院）' atop the next, or
    # '…采集情况' and '（区）'): when the first part alone reads like no title and the two
    # together do, or the next page starts with the title's bracketed tail alone
    close = close or (alike and nxt.page == line.page + 1 and _completes(flow, line, nxt))
    # two known titles one over the other, each worded as a title on its own ('统计数据', the
    # part's heading, over a section's title) are two headings, not one title wrapped (a line
    # ending '…中心' matches the colophon's pattern but is no title: '…信息中心' / '十件大事')
    close = close and not (flow.known(line.text) and flow.known(nxt.text) and reads_as_title(line.text)
                           and reads_as_title(nxt.text) and TITLE_TAIL.match(squash(nxt.text)) is None)
    if flow.strong(line):
        return i + 1 if close and flow.strong(nxt) else i
    if not flow.starts_block(i):
        return None
    if close and flow.ends_block(i + 1) and _completes(flow, line, nxt):
        return i + 1
    if not flow.ends_block(i):
        return None
    if flow.worded(line.text):
        return i
    table_follows = isinstance(flow.blocks[i + 1] if i + 1 < len(flow.blocks) else None, Grid)
    return i if table_follows and flow.set_apart(line) else None


def find_headings(blocks: list[Block], margins: Margins, titles: Iterable[str] = ()) -> list[tuple[int, int]]:
    """(first, last) block index of every heading in the flow, in order."""
    lines = [b for b in blocks if isinstance(b, TextLine)]
    body = body_size(lines)
    flow = Flow(blocks, margins, body, body_family(lines), tuple(re.compile(t) for t in titles),
                Counter(ln.page for ln in lines), _line_gap(blocks, body))
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
