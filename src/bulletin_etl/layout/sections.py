"""The document flow cut at its headings; each piece offers its paragraphs, tables and notes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..text import is_cjk, join_wrapped
from .document import Block, Document
from .lines import TextLine
from .tables import Grid, LogicalTable, stitch


@dataclass
class Paragraph:
    text: str
    page: int
    lines: list[TextLine] = field(repr=False, default_factory=list)


@dataclass
class SectionText:
    """Everything between one heading and the next. `heading` is None for the masthead."""

    heading: TextLine | None
    blocks: list[Block]
    page_margins: Margins = field(default_factory=dict)

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
        return stitch(self.grids)

    def paragraphs(self) -> list[Paragraph]:
        return paragraphs(self.lines, self.page_margins)

    def items(self, start: re.Pattern) -> tuple[list[Paragraph], list[Paragraph]]:
        """Paragraphs grouped into items that each begin with `start` ('一、', '1、', a system
        name). A paragraph that begins none continues the item before it: the layout may see a
        paragraph break inside an item. Paragraphs before the first item come back apart."""
        found: list[Paragraph] = []
        stray: list[Paragraph] = []
        for p in self.paragraphs():
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
        last = max((i for i, b in enumerate(self.blocks) if isinstance(b, Grid)), default=None)
        if last is None:
            return []
        above = self.blocks[last]
        page, bottom = above.page, above.bbox[3]
        kept: list[TextLine] = []
        for block in self.blocks[last + 1:]:
            if not isinstance(block, TextLine):
                break
            turned = block.page == page + 1  # the table ended at the foot of the page
            if not turned and (block.page != page or block.top - bottom > 2.0 * block.size):
                break
            kept.append(block)
            page, bottom = block.page, block.bottom
        return paragraphs(kept, self.page_margins)

    def preamble(self) -> list[Paragraph]:
        """Text between the heading and the first table (a subtitle such as '（不包含…）')."""
        first = next((i for i, b in enumerate(self.blocks) if isinstance(b, Grid)), len(self.blocks))
        return paragraphs([b for b in self.blocks[:first] if isinstance(b, TextLine)], self.page_margins)


Margins = dict[int, tuple[float, float]]
"""Per page: where its text lines start and end (left, right)."""


def margins(lines: list[TextLine]) -> Margins:
    out: Margins = {}
    for ln in lines:
        # Punctuation may hang past the margin in ragged text: measure the margin without it.
        left, right = out.get(ln.page, (ln.x0, _text_edge(ln)))
        out[ln.page] = (min(left, ln.x0), max(right, _text_edge(ln)))
    return out


def paragraphs(lines: list[TextLine], page_margins: Margins | None = None) -> list[Paragraph]:
    """Group wrapped lines into paragraphs: a paragraph starts where a line is indented past the
    page's text margin, or where the line before it stopped short of the right margin. The
    margins are the whole page's when given: a section with two lines on a page cannot show them."""
    if not lines:
        return []
    found = margins(lines)
    found.update(page_margins or {})
    left = {page: m[0] for page, m in found.items()}
    right = {page: m[1] for page, m in found.items()}
    out: list[Paragraph] = []
    current: list[TextLine] = []
    for ln in lines:
        if current:
            prev = current[-1]
            indented = ln.x0 - left[ln.page] > 0.8 * ln.size
            room = right[prev.page] - _text_edge(prev)
            # A line also stops short when the next word (a long figure) did not fit after it.
            short = room > 2.0 * prev.size and room > _first_word_width(ln) + 0.5 * prev.size
            if indented or short:
                out.append(_paragraph(current))
                current = []
        current.append(ln)
    out.append(_paragraph(current))
    return out


HANGING = set("，。、；：！？）》」』”’,.;:!?)")


def _text_edge(line: TextLine) -> float:
    """Where the line's text ends, not counting a punctuation mark hanging at its end."""
    chars = [c for c in line.chars if not c["text"].isspace()]
    if len(chars) > 1 and chars[-1]["text"] in HANGING:  # only one mark can hang: '（2029），' ends at '）'
        chars.pop()
    return chars[-1]["x1"] if chars else line.x1


def _first_word_width(line: TextLine) -> float:
    """Width of the Latin/digit run a line starts with ('57176个…' → '57176'); 0 for CJK."""
    run = []
    for char in line.chars:
        if char["text"].isspace() or is_cjk(char["text"]):
            break
        run.append(char)
    return run[-1]["x1"] - run[0]["x0"] if run else 0.0


def _paragraph(lines: list[TextLine]) -> Paragraph:
    return Paragraph(join_wrapped([ln.text for ln in lines]), lines[0].page, lines)


def body_size(blocks: list[Block]) -> float:
    """The size most of the running text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for block in blocks:
        if isinstance(block, TextLine):
            sizes[round(block.size, 1)] += len(block.chars)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _is_heading(block: Block, body: float) -> bool:
    """Bold, or clearly larger than the running text (a producer may fake bold for a CJK font
    without a bold face, so the font name alone cannot be trusted)."""
    return isinstance(block, TextLine) and (block.bold or block.size >= 1.1 * body)


def cut(document: Document) -> list[SectionText]:
    """Split the flow at headings (bold lines outside tables); a heading that wraps onto a second
    bold line is one heading. The first piece, before any heading, is the masthead."""
    page_margins = margins(document.lines)
    pieces: list[SectionText] = [SectionText(None, [], page_margins)]
    blocks = document.blocks
    body = body_size(blocks)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if _is_heading(block, body):
            heading = block
            while i + 1 < len(blocks) and _continues_heading(heading, blocks[i + 1], body):
                nxt = blocks[i + 1]
                heading = TextLine(
                    text=join_wrapped([heading.text, nxt.text]), page=heading.page, x0=min(heading.x0, nxt.x0),
                    x1=max(heading.x1, nxt.x1), top=heading.top, bottom=nxt.bottom, doctop=heading.doctop,
                    size=heading.size, bold=True, chars=heading.chars + nxt.chars,
                )
                i += 1
            pieces.append(SectionText(heading, [], page_margins))
        else:
            pieces[-1].blocks.append(block)
        i += 1
    return pieces


def _continues_heading(heading: TextLine, block: Block, body: float) -> bool:
    return (
        _is_heading(block, body)
        and block.page == heading.page
        and abs(block.size - heading.size) < 0.5
        and block.top - heading.bottom < 0.8 * heading.size
    )
