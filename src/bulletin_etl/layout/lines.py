"""Characters → text lines in reading order, keeping the spaces the source prints."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..text import is_cjk
from .intervals import clustered_by_centre
from .settings import LayoutSettings

BOLD_MARKERS = ("bold", "heavy", "black", "semibold", "demi")


def centre_inside(char: dict, bbox: tuple) -> bool:
    """A character belongs to the box its middle falls in (x0, top, x1, bottom)."""
    cx = (char["x0"] + char["x1"]) / 2
    cy = (char["top"] + char["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


class CharsByHeight:
    """A page's characters sorted by their middle's height, to take those inside a box without
    looking at every character of the page (the table stages ask for hundreds of boxes)."""

    def __init__(self, chars: list[dict]) -> None:
        self._chars = sorted(chars, key=lambda c: (c["top"] + c["bottom"]) / 2)
        self._middles = [(c["top"] + c["bottom"]) / 2 for c in self._chars]

    def inside(self, bbox: tuple) -> list[dict]:
        """The characters whose middle falls in the box, as centre_inside decides (in height order)."""
        lo = bisect.bisect_left(self._middles, bbox[1])
        hi = bisect.bisect_right(self._middles, bbox[3])
        return [c for c in self._chars[lo:hi] if bbox[0] <= (c["x0"] + c["x1"]) / 2 <= bbox[2]]

    @property
    def chars(self) -> list[dict]:
        return self._chars


@dataclass
class TextLine:
    """One printed line: its text, where it is, and how it is set."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    doctop: float
    size: float
    bold: bool
    chars: list[dict] = field(default_factory=list, repr=False)
    # where the line's page column starts and ends (left, right), for a line set in a column of a page set in
    # columns (page_columns.py); None: the line runs between the page's margins
    frame: tuple[float, float] | None = None


def is_bold(char: dict) -> bool:
    name = char.get("fontname", "").lower()
    return any(marker in name for marker in BOLD_MARKERS)


def group_rows(chars: Iterable[dict], settings: LayoutSettings) -> list[list[dict]]:
    """Cluster characters into rows by vertical centre (`row_centre_lines`: relative to the
    character's height), each row in reading order."""
    in_order = sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    rows = clustered_by_centre(in_order, lambda c: (c["top"], c["bottom"]), settings.row_centre_lines,
                               floor=settings.min_size_pt)
    return [sorted(row, key=lambda c: c["x0"]) for row in rows]


def tracking(chars: Sequence[dict], settings: LayoutSettings) -> float:
    """The space a line sets between its glyphs (0 unless tracked or justified by spreading):
    the lower median gap between neighbouring glyphs. A run of a few glyphs ('5 7', 'A B') shows
    no spacing of its own: its gaps are word gaps."""
    visible = [c for c in chars if not c["text"].isspace()]
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(visible, visible[1:]))
    return max(gaps[(len(gaps) - 1) // 2], 0.0) if len(gaps) >= settings.tracked_gap_count else 0.0


def row_text(chars: Sequence[dict], settings: LayoutSettings, *, page_text: bool = False) -> str:
    """Text of one row: printed spaces kept (collapsed), a visible gap between two Latin/digit
    glyphs read as a space (producers that position words without space glyphs). A justified
    line spreads every glyph apart ('2 0 2 2年'): only a gap wider than the line's own spacing
    counts. In a page's text line (`page_text`, outside tables) a gutter between two Chinese
    glyphs is no space (`is_cjk_gutter`); a table cell's text keeps its gaps as spaces."""
    out: list[str] = []
    prev: dict | None = None
    spacing = tracking(chars, settings)
    for char in chars:
        text = char["text"]
        if text.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            prev = char
            continue
        if prev is not None and not prev["text"].isspace() and _reads_as_space(prev, char, spacing, settings, page_text):
            out.append(" ")
        out.append(text)
        prev = char
    return "".join(out).strip()


def glyph_size(char: dict, settings: LayoutSettings) -> float:
    """A glyph's size for measuring gaps in ems: its own, or the default where the PDF gives none,
    never under `min_size_pt` (a glyph reported at 0 pt would make every gap wide)."""
    return max(char.get("size", settings.default_size_pt), settings.min_size_pt)


def _reads_as_space(prev: dict, char: dict, spacing: float, settings: LayoutSettings, page_text: bool) -> bool:
    """The gap between two neighbouring glyphs, no space printed in it, stands for a word space."""
    gap = char["x0"] - prev["x1"] - spacing
    size = glyph_size(char, settings)
    both_latin = not is_cjk(prev["text"][-1]) and not is_cjk(char["text"][0])
    if page_text and is_cjk_gutter(prev, char, spacing, settings):
        return False
    return gap > (settings.latin_word_gap_em if both_latin else settings.cjk_word_gap_em) * size


def is_cjk_gutter(prev: dict, char: dict, spacing: float, settings: LayoutSettings) -> bool:
    """Two Chinese glyphs parted by a page gutter (`cjk_gutter_gap_em` over the line's own spacing),
    no space printed between them: a row read across the two columns of a paragraph set in
    columns, one row of it on the page ('…卫生热线共受' | '理咨询电话…', the columns going on over
    the page break), joins one column's line to the next column's. Chinese prose sets no space
    between two of its characters, and a line end inside it is none ('受' + '理' is '受理'); a
    word space (a name list's) is printed, or narrower than a gutter; a running header's two
    parts at the margins stand farther apart than a gutter (`cjk_gutter_max_em`)."""
    if not (is_cjk(prev["text"][-1]) and is_cjk(char["text"][0])):
        return False
    size = glyph_size(char, settings)
    gap_em = (char["x0"] - prev["x1"] - spacing) / size
    return settings.cjk_gutter_gap_em <= gap_em <= settings.cjk_gutter_max_em


def build_lines(chars: Iterable[dict], page: int, settings: LayoutSettings) -> list[TextLine]:
    lines = []
    for row in group_rows(chars, settings):
        visible = [c for c in row if not c["text"].isspace()]
        if not visible:
            continue
        text = row_text(row, settings, page_text=True)
        sizes = sorted(c.get("size", 0.0) for c in visible)
        lines.append(
            TextLine(
                text=text,
                page=page,
                x0=min(c["x0"] for c in visible),
                x1=max(c["x1"] for c in visible),
                top=min(c["top"] for c in visible),
                bottom=max(c["bottom"] for c in visible),
                doctop=min(c["doctop"] for c in visible),
                size=sizes[len(sizes) // 2],
                bold=sum(is_bold(c) for c in visible) >= settings.bold_share * len(visible),
                chars=visible,
            )
        )
    return lines


Margins = dict[int, tuple[float, float]]
"""Per page: where its text lines start and end (left, right)."""


def margins(lines: Iterable[TextLine], settings: LayoutSettings,
            page_widths: dict[int, float] | None = None) -> Margins:
    """Where each page's text block starts and ends. A page whose lines fit inside the
    document's own margins (the edges most lines share, on pages of the width most lines are
    set on, `page_widths`) takes them: two short lines of a page may end together by chance (a caption
    and a paragraph's last line), which is no margin. A page reaching past them shows its own:
    with lines enough, the outermost edges that at least two lines share (one line set apart, a
    large masthead or a right-aligned date, is no margin); with a few lines, its outermost
    edges (a landscape page)."""
    lines = list(lines)
    pages: dict[int, list[TextLine]] = {}
    for ln in lines:
        pages.setdefault(ln.page, []).append(ln)
    # Punctuation may hang past the margin in ragged text: measure the margin without it.
    agree = settings.margin_agreement_pt
    # the document's margins are where its full-width lines start and end, not a page column's edges
    full = _on_usual_pages([ln for ln in lines if ln.frame is None] or lines, page_widths or {}, settings)
    usual = (_most_common([ln.x0 for ln in full], agree), _most_common([text_edge(ln) for ln in full], agree)) \
        if lines else None
    body = body_size(full)
    out: Margins = {}
    for page, on_page in pages.items():
        lefts, rights = margin_edges(on_page)
        if usual and all(within_margins(ln, usual, body, settings) for ln in on_page):
            out[page] = usual
        elif len(on_page) >= settings.own_margins_line_count:
            out[page] = (_outermost(lefts, min, agree), _outermost(rights, max, agree))
        else:
            out[page] = (min(lefts), max(rights))
    return out


def margin_edges(on_page: list[TextLine]) -> tuple[list[float], list[float]]:
    """Each line's left and right edge as its page's own margins are measured from them: a line
    set in a page column stands at the outer edges of the page's columns (where its left column
    starts, where its right column ends), for the edge a column shares with the gutter is no
    margin of the page. Measured at the lines' own edges, a landscape page holding a short
    section in two columns under a centred title took the left column's end, which three lines
    share, for its right margin: the title reached it, stopped short of nothing, and ran on into
    the columns' text (weasyprint 920039)."""
    frames = [ln.frame for ln in on_page if ln.frame is not None]
    if not frames:
        return [ln.x0 for ln in on_page], [text_edge(ln) for ln in on_page]
    start, end = column_set_edges(frames)
    return ([ln.x0 if ln.frame is None else start for ln in on_page],
            [text_edge(ln) if ln.frame is None else end for ln in on_page])


def column_set_edges(frames: list[tuple[float, float]]) -> tuple[float, float]:
    """Where a page's columns start and end: the first column's start, the last one's end. A right
    column of one short line ends there (its frame is that line's): the set is not widened to its
    columns' common width, for the masthead's two boxes read as columns are no pair of equal columns
    (widened so, page 1 of weasyprint 40, landscape_columns forced, got a right margin 56 pt past its
    text's)."""
    return min(left for left, _ in frames), max(right for _, right in frames)


def _on_usual_pages(lines: list[TextLine], page_widths: dict[int, float], settings: LayoutSettings) -> list[TextLine]:
    """The lines on pages of the document's usual width, the width most of these lines are set on
    (not most pages: a bulletin may print more tables on landscape pages than prose pages), or
    all of them when no page widths are known."""
    if not page_widths:
        return lines
    widths = [page_widths[ln.page] for ln in lines if ln.page in page_widths]
    if not widths:
        return lines
    usual = _most_common(widths, settings.page_shape_agreement_pt)
    return [ln for ln in lines if is_usual_page_width(page_widths.get(ln.page, usual), usual, settings)]


def is_usual_page_width(width: float, usual: float, settings: LayoutSettings) -> bool:
    """A page of the document's usual shape: a landscape page among portrait ones is not, and its
    captions, centred on the wider page ('6. 2019年度…数据量统计' ending 46 pt past the portrait
    pages' right margin), set no margin of the portrait pages' prose (taken for it, every prose
    line "stopped short" and was a paragraph of its own)."""
    return abs(width - usual) <= settings.page_shape_agreement_pt


def within_margins(line: TextLine, usual: tuple[float, float], body: float, settings: LayoutSettings) -> bool:
    """The line starts and ends inside the document's margins, give or take `margin_agreement_pt`
    or a glyph's overfill (`page_overfill_em` of the line's size): a justified line a few points
    past the margin (a glyph squeezed in at its end) leaves its page with the document's margins,
    where measuring the page alone would take two centred captions' edges for its margins. A
    line in smaller type may end past the body's lines by less than a body character
    (`fills_past_ragged_body`). A page set otherwise (a landscape page, its lines a column wider)
    reaches far past them."""
    slack = max(settings.margin_agreement_pt, settings.page_overfill_em * line.size)
    ends_inside = text_edge(line) <= usual[1] + slack or fills_past_ragged_body(line, usual[1], body, settings)
    return line.x0 >= usual[0] - slack and ends_inside


def fills_past_ragged_body(line: TextLine, body_edge: float, body: float, settings: LayoutSettings) -> bool:
    """The line is set smaller than the body (`body` its size) and ends past `body_edge`, where the
    body's lines end, by less than `ragged_body_fill_em` body characters: ragged body lines hold
    whole characters and stop short of the text block's edge by up to one, where smaller type
    still fits (a 9 pt note under a table reaching 13 pt past 16 pt ragged text, html 707726)."""
    return line.size < body and text_edge(line) - body_edge < settings.ragged_body_fill_em * body


def line_margins(line: TextLine, page_margins: Margins) -> tuple[float, float]:
    """Where the line's text may start and end: its page column's edges when it is set in one,
    else its page's margins."""
    return line.frame or page_margins[line.page]


def column_frame(lines: list[TextLine], settings: LayoutSettings) -> tuple[float, float]:
    """The edges of a page column, from its lines as a page's own margins are found: the outermost
    edges at least two of its lines share."""
    agree = settings.margin_agreement_pt
    return _outermost([ln.x0 for ln in lines], min, agree), _outermost([text_edge(ln) for ln in lines], max, agree)


def _outermost(edges: list[float], pick, agree: float) -> float:
    """The outermost of the edges at least two lines share (within `agree` points)."""
    shared = [e for e in edges if sum(abs(e - other) <= agree for other in edges) >= 2]
    return pick(shared or edges)


def _most_common(edges: list[float], agree: float) -> float:
    """The edge most lines share (within `agree` points of it)."""
    return max(edges, key=lambda e: sum(abs(e - other) <= agree for other in edges))


HANGING = set("，。、；：！？）》」』”’,.;:!?)")


def text_edge(line: TextLine) -> float:
    """Where the line's text ends, not counting a punctuation mark hanging at its end."""
    chars = [c for c in line.chars if not c["text"].isspace()]
    if len(chars) > 1 and chars[-1]["text"] in HANGING:  # only one mark can hang: '（2029），' ends at '）'
        chars.pop()
    return chars[-1]["x1"] if chars else line.x1


def body_size(lines: Iterable[TextLine]) -> float:
    """The size most of the running text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.chars)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def font_family(char: dict) -> str:
    """'ABCDEF+NotoSerifCJKsc-Bold' → 'notoserifcjksc': the family without subset tag or style."""
    name = char.get("fontname", "").split("+", 1)[-1]
    return re.split(r"[-,]", name, maxsplit=1)[0].lower()


def line_family(line: TextLine) -> str:
    """The family most of a line's CJK glyphs are set in (digits may come from a Latin font)."""
    chars = [c for c in line.chars if is_cjk(c["text"])] or line.chars
    return Counter(font_family(c) for c in chars).most_common(1)[0][0] if chars else ""
