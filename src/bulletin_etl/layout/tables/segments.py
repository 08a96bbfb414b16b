"""Text rows cut into segments at gaps wider than a space, and what a row of segments reads as
(a figure, a total, running text). Every unruled-table stage reads the page's text this way."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text import looks_numeric, squash
from .. import intervals as iv
from ..lines import glyph_size, group_rows, row_text
from ..settings import LayoutSettings
from ..vocabulary import NOTE, TOTAL_WORDS, has_sentence_mark, is_total_label

TOTAL_FIRST_CHARS = {word[0] for word in TOTAL_WORDS}
TOTAL_WITH_FIGURE = re.compile(rf"^\s*(?:{'|'.join(' *'.join(word) for word in TOTAL_WORDS)})\s*[:：]?\s*\d[\d,.]*\s*$")


@dataclass
class Segment:
    """A run of characters on one text line with no gap wider than a space, and the settings its
    text is read with."""

    chars: list[dict]  # printed spaces included, so the text keeps them
    settings: LayoutSettings

    @property
    def visible(self) -> list[dict]:
        return [c for c in self.chars if not c["text"].isspace()]

    @property
    def x0(self) -> float:
        return min(c["x0"] for c in self.visible)

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.visible)

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.visible)

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.visible)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def text(self) -> str:
        return row_text(self.chars, self.settings)


def segments(chars: list[dict], settings: LayoutSettings) -> list[list[Segment]]:
    """Text rows, each cut into segments at gaps wider than a space."""
    out = []
    for row in group_rows(chars, settings):
        row = _without_hanging_spaces(row, settings)
        current: list[dict] = []
        cut: list[Segment] = []
        last: dict | None = None  # last visible char: printed spaces stay inside the segment
        spaces: list[dict] = []  # the printed spaces since `last`
        for char in row:
            if char["text"].isspace():
                if current:
                    current.append(char)
                    spaces.append(char)
                continue
            if last is not None and char["x0"] - last["x1"] > settings.segment_gap_em * glyph_size(char, settings) \
                    and not _letter_spaced(last, char, spaces, settings):
                cut.append(Segment(current, settings))
                current = []
            current.append(char)
            last = char
            spaces = []
        if current:
            cut.append(Segment(current, settings))
        if cut:
            out.append(cut)
    return out


def _without_hanging_spaces(row: list[dict], settings: LayoutSettings) -> list[dict]:
    """A row's characters less its runs of printed spaces that hang over text (`hangs_over_text`).
    Spaces that follow one another closer than `space_run_gap_em` are one run."""
    spaces = [c for c in row if c["text"].isspace()]
    if not spaces:
        return row
    middles = [iv.midpoint((c["x0"], c["x1"])) for c in row if not c["text"].isspace()]
    slack = settings.space_run_gap_em * glyph_size(spaces[0], settings)
    runs = iv.overlapping_groups(spaces, lambda c: (c["x0"], c["x1"]), slack)
    hanging = {id(c) for run in runs if hangs_over_text(run, middles) for c in run}
    return [c for c in row if id(c) not in hanging]


def hangs_over_text(spaces: list[dict], middles: list[float]) -> bool:
    """A run of printed spaces with a glyph's middle inside it spaces no text of its own: a browser
    hangs the trailing spaces of a wrapped line past the end of its cell, over the next cell's
    first glyphs ('累  计  总  ' wrapped before '量' runs into '2022年总' beside it)."""
    extent = iv.hull((c["x0"], c["x1"]) for c in spaces)
    return any(iv.contains(extent, m) for m in middles)


def _letter_spaced(left: dict, right: dict, spaces: list[dict], settings: LayoutSettings) -> bool:
    """A gap filled by one or two printed spaces is a label's letter-spacing ('单  位', '累  计  总
    量'), no gutter: producers print no spaces between cells, and three or more fill a gap
    typed to line columns up."""
    width = sum(c["x1"] - c["x0"] for c in spaces)
    return 0 < len(spaces) <= settings.letter_space_count and width >= settings.spaces_fill_share * (right["x0"] - left["x1"])


def line_text(row: list[Segment]) -> str:
    return " ".join(s.text for s in row)


def is_prose(text: str) -> bool:
    return has_sentence_mark(text) or NOTE.match(text) is not None


def middle(row: list[Segment]) -> float:
    return (min(s.top for s in row) + max(s.bottom for s in row)) / 2


BARE_YEAR = re.compile(r"^(19|20)\d\d$")

FIGURES_RUN = re.compile(r"[/+-]*[0-9][0-9,./%万亿+-]*")
"""Digits and the marks figures print between and after them (full width folded): separators,
points, fractions' slashes, signs, percent and 万/亿; a missing value's '/' may open the run."""


def is_figures_only(text: str) -> bool:
    """A run of figures and nothing else, however many: figure cells set close in one row read as
    one run ('11/11３，０５１，３１４１，０２５，２４１．５', full-width figures in cells side by side)
    — no single figure to `looks_numeric`, and its full-width '，' no thousands separator, yet no
    word of a sentence."""
    return FIGURES_RUN.fullmatch(squash(text)) is not None


def has_figure(rows: list[list[Segment]]) -> bool:
    """A number other than a bare year: '2022' alone is a wrapped header ('2022' / '年总量'); a
    total printed with its figure in one cell ('合计：66150') holds one too."""
    return any((looks_numeric(s.text) and not BARE_YEAR.match(s.text)) or TOTAL_WITH_FIGURE.match(s.text)
               for row in rows for s in row)


def is_total_row(row: list[Segment]) -> bool:
    """'合计', '合 计', or 合 and 计 spread over the merged 序号 and name cells — or set one
    above the other, the figures' line holding only '合'."""
    label = "".join(s.text for s in row[:2] if not looks_numeric(s.text)).replace(" ", "")
    return is_total_label(label) or (label in TOTAL_FIRST_CHARS and any(looks_numeric(s.text) for s in row))
