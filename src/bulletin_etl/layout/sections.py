"""The document flow cut at its headings; each piece offers its paragraphs, tables and notes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text import join_wrapped, squash
from .blocks import Block
from .document import Document
from .furniture import drop_furniture
from .headings import find_headings
from .intervals import clustered_by_centre, cut_at_gaps
from .line_ends import leaves_clause_open, runs_on_mid_clause, stops_short
from .lines import Margins, TextLine, line_margins, margins
from .settings import LayoutSettings
from .tables import Grid, LogicalTable, stitch
from .vocabulary import ISSUE_DATE, MASTHEAD, WHOLE_MASTHEAD, has_sentence_mark, is_remark


@dataclass
class Paragraph:
    text: str
    page: int
    lines: list[TextLine] = field(repr=False, default_factory=list)


@dataclass
class SectionText:
    """Everything between one heading and the next. `heading` is None for the masthead. It carries
    the document's settings for its paragraphs, tables and notes."""

    heading: TextLine | None
    blocks: list[Block]
    page_margins: Margins = field(default_factory=dict)
    settings: LayoutSettings = field(kw_only=True)

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    @property
    def page(self) -> int:
        if self.heading:
            return self.heading.page
        return self.blocks[0].page if self.blocks else 1

    @property
    def lines(self) -> list[TextLine]:
        return [b for b in self.blocks if isinstance(b, TextLine)]

    @property
    def grids(self) -> list[Grid]:
        return [b for b in self.blocks if isinstance(b, Grid)]

    def tables(self) -> list[LogicalTable]:
        return stitch(self.grids, self.settings)

    def paragraphs(self) -> list[Paragraph]:
        return paragraphs(self.lines, self.settings, self.page_margins)

    def items(self, start: re.Pattern) -> tuple[list[Paragraph], list[Paragraph]]:
        """Paragraphs grouped into items that each begin with `start` ('一、', '1、', a system
        name). A paragraph that begins none continues the item before it: the layout may see a
        paragraph break inside an item. Paragraphs before the first item come back apart."""
        found: list[Paragraph] = []
        stray: list[Paragraph] = []
        for p in (part for whole in self.paragraphs() for part in cut_before_items(whole, start)):
            if start.match(p.text):
                found.append(Paragraph(p.text, p.page, list(p.lines)))
            elif found:
                found[-1] = Paragraph(join_wrapped([found[-1].text, p.text]), found[-1].page, found[-1].lines + p.lines)
            else:
                stray.append(p)
        return found, stray

    def notes(self) -> list[Paragraph]:
        """Text set right under the section's last table ('注：…', parenthesised remarks): lines
        that follow it without a gap wider than a blank line (or at the top of the next page when
        the table filled its page). Text further down is not a note."""
        grids = [(i, b) for i, b in enumerate(self.blocks) if isinstance(b, Grid)]
        if not grids:
            return []
        last, above = grids[-1]
        page, bottom = above.page, above.bbox[3]
        kept: list[TextLine] = []
        for block in self.blocks[last + 1:]:
            if not isinstance(block, TextLine):
                break
            turned = block.page == page + 1  # the table ended at the foot of the page
            if not turned and (block.page != page or block.top - bottom > self.settings.note_gap_em * block.size):
                break
            kept.append(block)
            page, bottom = block.page, block.bottom
        return paragraphs(kept, self.settings, note_margins(kept, self.page_margins))

    def split_at_table(self) -> tuple[SectionText, SectionText]:
        """The piece up to its first table, and the rest from that table on (without a heading of
        its own): a table printed under another section's heading, its caption not set as one. A
        remark right above the table ('（不包含 12320 电话预约…）') is the table's, not the prose's."""
        first = next((i for i, b in enumerate(self.blocks) if isinstance(b, Grid)), len(self.blocks))
        first -= len(self.remark_over_table(first))
        return self._split_at(first)

    def split_at_grid(self, grid: Grid) -> tuple[SectionText, SectionText]:
        """The piece up to the given grid (a later table's first), and the rest from it on: a
        second table under a table section's heading, its own title not printed as a heading."""
        return self._split_at(next(i for i, b in enumerate(self.blocks) if b is grid))

    def _split_at(self, index: int) -> tuple[SectionText, SectionText]:
        return (SectionText(self.heading, self.blocks[:index], self.page_margins, settings=self.settings),
                SectionText(None, self.blocks[index:], self.page_margins, settings=self.settings))

    def remark_over_table(self, table: int) -> list[TextLine]:
        """The lines of the paragraph right above block `table` when it is a remark wholly in
        brackets (`is_remark`, wrapped or not); none otherwise."""
        lines = [b for b in self.blocks[:table] if isinstance(b, TextLine)]
        found = paragraphs(lines, self.settings, self.page_margins)
        last = found[-1] if found else None
        if last is None or not is_remark(last.text) or lines[-1] is not self.blocks[table - 1]:
            return []
        return last.lines

    def preamble(self) -> list[Paragraph]:
        """Text between the heading and the first table (a subtitle such as '（不包含…）')."""
        first = next((i for i, b in enumerate(self.blocks) if isinstance(b, Grid)), len(self.blocks))
        return paragraphs([b for b in self.blocks[:first] if isinstance(b, TextLine)], self.settings, self.page_margins)


def note_margins(lines: list[TextLine], page_margins: Margins) -> Margins:
    """The margins a table's notes are set in, per page: the page's, but on the left where the
    notes start furthest left when that is right of the page's margin. Notes are set in a frame
    of their own (under a table set in from the margin), and a page of a few lines takes its
    margins from its outermost lines (a title's tail hanging left): a note's second line is
    indented from neither ('…其中27家已接入市互联' / '网医院服务门户。')."""
    out = dict(page_margins)
    for page in {ln.page for ln in lines}:
        left, right = page_margins[page]
        out[page] = (max(left, min(ln.x0 for ln in lines if ln.page == page)), right)
    return out


def paragraphs(lines: list[TextLine], settings: LayoutSettings, page_margins: Margins | None = None) -> list[Paragraph]:
    """Group wrapped lines into paragraphs: a paragraph starts where a line is indented past the
    page's text margin, or where the line before it stopped short of the right margin. The
    margins are the whole page's when given: a section with two lines on a page cannot show them."""
    if not lines:
        return []
    found = margins(lines, settings)
    found.update(page_margins or {})
    out: list[Paragraph] = []
    current: list[TextLine] = []
    for ln in lines:
        if current:
            prev = current[-1]
            indented = ln.x0 - line_margins(ln, found)[0] > settings.paragraph_indent_em * ln.size
            if indented or ends_paragraph(prev, ln, found, settings):
                out.append(_paragraph(current))
                current = []
        current.append(ln)
    out.append(_paragraph(current))
    return out


def ends_paragraph(prev: TextLine, nxt: TextLine, found: Margins, settings: LayoutSettings) -> bool:
    """`prev` ends its paragraph: it stops short of its right margin (`stops_short`) and does not
    run on into `nxt` inside a clause (`runs_on_mid_clause`: a paragraph left alone in a page
    column, its right margin not shown)."""
    return stops_short(prev, nxt, found, settings) and not runs_on_mid_clause(prev, nxt, found, settings)


def cut_before_items(paragraph: Paragraph, start: re.Pattern) -> list[Paragraph]:
    """The paragraph cut before each of its lines, after the first, that begins an item (`start`:
    '二、', '2、', a system's name). Paragraphs set flush left show where one ends only by its last
    line stopping short; a last line that fills the measure (or hangs its '。' past it), or one that
    ends a sentence its writer left without a mark a character or two short of it, shows nothing,
    and the next item would be read into the one before. The items' starts are their sections'
    words: a line inside an item begins with one only where the line before leaves its clause open
    (`leaves_clause_open`: '…覆盖全市一、' / '二、三级医院…'), which is no cut."""
    parts: list[list[TextLine]] = [[]]
    for ln in paragraph.lines:
        if parts[-1] and start.match(ln.text) and not leaves_clause_open(parts[-1][-1]):
            parts.append([])
        parts[-1].append(ln)
    if len(parts) == 1:
        return [paragraph]
    return [_paragraph(lines) for lines in parts]


def _paragraph(lines: list[TextLine]) -> Paragraph:
    return Paragraph(join_wrapped([ln.text for ln in lines]), lines[0].page, lines)


def _masthead_end(blocks: list[Block], settings: LayoutSettings) -> int:
    """Index of the masthead's dated line ('编印', '2025 年 1 月 24 日') on the first page, before
    any table; -1 when there is none."""
    for i, block in enumerate(blocks[:settings.masthead_line_count]):
        if not isinstance(block, TextLine) or block.page != blocks[0].page:
            break
        if MASTHEAD.search(squash(block.text)) and not has_sentence_mark(block.text):
            # a masthead set large may wrap inside its date ('… 2021年1月26' / '日'): the date
            # runs across the end of the masthead's line, not in the lines after it
            own = len(squash(block.text))
            for more in range(1, settings.masthead_wrap_line_count + 1):
                following = [b for b in blocks[i + 1:i + 1 + more] if isinstance(b, TextLine) and b.page == block.page]
                if ISSUE_DATE.search(squash(block.text)) or len(following) < more:
                    break
                date = ISSUE_DATE.search(squash("".join(b.text for b in [block, *following])))
                if date and date.start() < own < date.end():
                    return i + more
            return i
    return -1


def _unboxed_masthead(blocks: list[Block], settings: LayoutSettings) -> list[Block]:
    """The flow with its masthead's boxes joined (`_unbox_masthead`), first as the flow reads them,
    else with the first page's head put back side by side (`_head_side_by_side`) — taken only
    where the masthead then reads whole, so that a flow whose masthead is otherwise set keeps it."""
    unboxed = _unbox_masthead(blocks, settings)
    if has_whole_masthead(unboxed, settings):
        return unboxed
    beside = _unbox_masthead(_head_side_by_side(blocks, settings), settings)
    return beside if has_whole_masthead(beside, settings) else unboxed


def has_whole_masthead(blocks: list[Block], settings: LayoutSettings) -> bool:
    """One of the first page's first lines says all the masthead says (`WHOLE_MASTHEAD`)."""
    return any(WHOLE_MASTHEAD.search(squash(ln.text)) for ln in _head_lines(blocks, settings.masthead_line_count))


def _head_lines(blocks: list[Block], count: int) -> list[TextLine]:
    """The flow's leading text lines on its first page, at most `count` of them."""
    head: list[TextLine] = []
    for block in blocks[:count]:
        if not isinstance(block, TextLine) or block.page != blocks[0].page:
            break
        head.append(block)
    return head


def _head_side_by_side(blocks: list[Block], settings: LayoutSettings) -> list[Block]:
    """The first page's head (the masthead's lines and their wraps) with lines standing on one
    baseline joined into one, left to right. A masthead whose two boxes are set so large that both
    wrap leaves a gap down the page between them, and a page-column cut runs through it
    (page_columns.py): the flow then reads the issuer's box ('南京市卫生信息中心 编' / '印') before
    the date's ('2030 年 1 月 22' / '日'), and no line of it says '编印' or ends in the date."""
    head = _head_lines(blocks, settings.masthead_line_count + settings.masthead_wrap_line_count)
    rows = clustered_by_centre(head, lambda ln: (ln.top, ln.bottom), settings.row_centre_lines,
                               floor=settings.min_size_pt)
    joined = [_side_by_side(row) for row in rows]
    return [*joined, *blocks[len(head):]]


def _side_by_side(row: list[TextLine]) -> TextLine:
    """Lines on one baseline read as the one line they are printed as, left to right."""
    if len(row) == 1:
        return row[0]
    ordered = sorted(row, key=lambda ln: ln.x0)
    first = ordered[0]
    return TextLine(text=" ".join(ln.text for ln in ordered), page=first.page, x0=first.x0,
                    x1=max(ln.x1 for ln in ordered), top=min(ln.top for ln in ordered),
                    bottom=max(ln.bottom for ln in ordered), doctop=min(ln.doctop for ln in ordered),
                    size=first.size, bold=first.bold, chars=[c for ln in ordered for c in ln.chars])


def _unbox_masthead(blocks: list[Block], settings: LayoutSettings) -> list[Block]:
    """The masthead set in boxes side by side ('<issuer> 编印' in one, the date in the other: a
    two-cell row, a flex line) and so large that each box wraps its last characters onto a line of
    its own, under the box's first glyph: '南京市卫生信息中心 编 2021 年 2 月 18' / '印 日'.
    Read line by line, neither line says '编印' nor ends in a date, and '印 日' would pass for a
    heading. Joined box by box they are one masthead line: '南京市卫生信息中心 编印 2021 年 2 月
    18日'. A line of the masthead that says all it should is left as it is."""
    for i, block in enumerate(blocks[:settings.masthead_line_count]):
        if not isinstance(block, TextLine) or block.page != blocks[0].page:
            break
        if WHOLE_MASTHEAD.search(squash(block.text)):
            return blocks
        for more in range(1, settings.masthead_wrap_line_count + 1):
            following = [b for b in blocks[i + 1:i + 1 + more] if isinstance(b, TextLine) and b.page == block.page]
            if len(following) < more:
                break
            joined = _join_boxes(block, following, settings)
            if joined is not None and WHOLE_MASTHEAD.search(squash(joined.text)):
                return [*blocks[:i], joined, *blocks[i + 1 + more:]]
    return blocks


Run = tuple[list[dict], str]
"""Glyphs standing together on a line, and their text."""


def _join_boxes(line: TextLine, wrapped: list[TextLine], settings: LayoutSettings) -> TextLine | None:
    """`line` with the lines its boxes wrapped onto joined box by box, or None where they are no
    such wraps: a box's wrapped part is set in the box's size, starts under one of the line's
    glyphs (the box's first) and ends before the next box starts. Parts of one wrapped line stand
    further apart than a printed space (two boxes)."""
    offsets = _glyph_offsets(line)
    parts = _wrapped_parts(line, wrapped, settings) if offsets is not None else None
    if offsets is None or parts is None:
        return None
    boxes = _boxes(line, _box_starts(line, offsets, parts))
    if any(_reaches_next_box(line, parts.get(start, []), end, settings) for start, end in boxes):
        return None
    return _joined_line(line, wrapped, offsets, parts, boxes)


def _box_sized(line: TextLine, more: TextLine, settings: LayoutSettings) -> bool:
    """The wrapped line is set in the line's own size, give or take a producer's rounding."""
    return abs(more.size - line.size) <= settings.masthead_box_size_share * line.size


def _glyph_under(line: TextLine, glyph: dict, settings: LayoutSettings) -> int | None:
    """Which of the line's glyphs the given glyph starts right under, if any."""
    first = min(range(len(line.chars)), key=lambda k: abs(line.chars[k]["x0"] - glyph["x0"]))
    return first if abs(line.chars[first]["x0"] - glyph["x0"]) <= settings.masthead_box_x_em * line.size else None


def _wrapped_parts(line: TextLine, wrapped: list[TextLine], settings: LayoutSettings) -> dict[int, list[Run]] | None:
    """The wrapped lines' runs by the glyph of `line` each starts under (its box's first), or None
    when a wrapped line is set in another size or a run starts under none of the line's glyphs."""
    parts: dict[int, list[Run]] = {}
    for more in wrapped:
        runs = _runs(more, settings.masthead_box_gap_em * more.size) if _box_sized(line, more, settings) else None
        if runs is None:
            return None
        for run in runs:
            first = _glyph_under(line, run[0][0], settings)
            if first is None:
                return None
            parts.setdefault(first, []).append(run)
    return parts


def _box_starts(line: TextLine, offsets: list[int], parts: dict[int, list[Run]]) -> list[int]:
    """The glyphs the line's boxes start at: its first, each over a wrapped part, and a date the
    line holds whole — a box of its own, so that what wraps under the line's start is the
    issuer's ('… 编 2021 年 2 月 8 日' / '印')."""
    dated = re.search(rf"{ISSUE_DATE.pattern}\s*$", line.text)
    own = [offsets.index(dated.start())] if dated and dated.start() in offsets else []
    return sorted({0, *parts, *own})


def _boxes(line: TextLine, starts: list[int]) -> list[tuple[int, int]]:
    """The boxes' glyph ranges, each from its start to the next box's."""
    return list(zip(starts, [*starts[1:], len(line.chars)]))


def _reaches_next_box(line: TextLine, runs: list[Run], end: int, settings: LayoutSettings) -> bool:
    """A box's wrapped part reaches into the next box, which starts at glyph `end`: no wrap of
    this box."""
    if end >= len(line.chars):
        return False
    limit = line.chars[end]["x0"] + settings.masthead_box_x_em * line.size
    return any(c["x1"] > limit for chars, _ in runs for c in chars)


def _joined_line(line: TextLine, wrapped: list[TextLine], offsets: list[int], parts: dict[int, list[Run]],
                 boxes: list[tuple[int, int]]) -> TextLine:
    """The line read box by box, each box's text and glyphs followed by its wrapped parts'."""
    texts, glyphs = [], []
    for start, end in boxes:
        runs = parts.get(start, [])
        texts.append(join_wrapped([_text_of(line, offsets, start, end), *(text for _, text in runs)]))
        glyphs += line.chars[start:end] + [c for chars, _ in runs for c in chars]
    return TextLine(text=" ".join(texts), page=line.page, x0=min(c["x0"] for c in glyphs),
                    x1=max(c["x1"] for c in glyphs), top=line.top, bottom=max(ln.bottom for ln in [line, *wrapped]),
                    doctop=line.doctop, size=line.size, bold=line.bold, chars=glyphs)


def _text_of(line: TextLine, offsets: list[int], start: int, end: int) -> str:
    """The line's text from glyph `start` up to glyph `end` (to the text's end for the last)."""
    return line.text[offsets[start]:offsets[end] if end < len(line.chars) else len(line.text)]


def _glyph_offsets(line: TextLine) -> list[int] | None:
    """Where each of the line's glyphs starts in its text (the text keeps the printed spaces the
    glyphs lack); None where the text does not spell the glyphs."""
    out, pos = [], 0
    for char in line.chars:
        at = line.text.find(char["text"], pos)
        if at < 0:
            return None
        out.append(at)
        pos = at + len(char["text"])
    return out


def _runs(line: TextLine, gap: float) -> list[Run] | None:
    """The line's glyphs cut where they stand more than `gap` apart, each run with its text."""
    offsets = _glyph_offsets(line)
    if offsets is None or not line.chars:
        return None
    chars = line.chars
    groups = cut_at_gaps(range(len(chars)), lambda k: (chars[k]["x0"], chars[k]["x1"]), gap)
    return [(chars[g[0]:g[-1] + 1], _text_of(line, offsets, g[0], g[-1] + 1).strip()) for g in groups]


def joined_heading(lines: list[TextLine]) -> TextLine:
    """A heading's lines as one: their text joined, on the first line's page, its box around the
    lines that go on down that page from the first (`printed_together`)."""
    first = lines[0]
    if len(lines) == 1:
        return first
    boxed = printed_together(lines)
    return TextLine(text=join_wrapped([ln.text for ln in lines]), page=first.page, x0=min(ln.x0 for ln in boxed),
                    x1=max(ln.x1 for ln in boxed), top=first.top, bottom=boxed[-1].bottom, doctop=first.doctop,
                    size=first.size, bold=first.bold, chars=[c for ln in lines for c in ln.chars])


def printed_together(lines: list[TextLine]) -> list[TextLine]:
    """The lines from the first on while each stands on its page under the one before: a title the
    page breaks ('…采集情况（医' / '院）' atop the next page) or a page column breaks (its rest atop
    the right column, higher on the page) goes on elsewhere, and a box from its first line's top
    to its last line's foot would be upside down."""
    together = [lines[0]]
    for line in lines[1:]:
        if line.page != together[-1].page or line.top < together[-1].top:
            break
        together.append(line)
    return together


def cut(document: Document, titles: Iterable[str] = ()) -> list[SectionText]:
    """The flow, less its page furniture, cut at its headings (layout/headings.py; `titles` are
    patterns of known section titles, squashed text). The first piece, before any heading, is
    the masthead. The document's settings go with every piece."""
    settings = document.settings
    blocks = drop_furniture(document.blocks, settings)
    page_margins = margins((b for b in blocks if isinstance(b, TextLine)), settings,
                           {page.number: page.width for page in document.pages})
    pieces: list[SectionText] = [SectionText(None, [], page_margins, settings=settings)]
    # Lines above the masthead's own line ('<issuer> 编印 <date>', however large) are the
    # masthead too: a bulletin's name set large at the top is no section.
    blocks = _unboxed_masthead(blocks, settings)
    masthead = _masthead_end(blocks, settings)
    starts = {first: last for first, last in find_headings(blocks, page_margins, settings, titles) if first > masthead}
    i = 0
    while i < len(blocks):
        if i in starts:
            lines = [b for b in blocks[i:starts[i] + 1] if isinstance(b, TextLine)]  # a heading is lines
            pieces.append(SectionText(joined_heading(lines), [], page_margins, settings=settings))
            i = starts[i] + 1
            continue
        pieces[-1].blocks.append(blocks[i])
        i += 1
    return pieces
