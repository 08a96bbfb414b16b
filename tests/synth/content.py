"""What a synthetic bulletin prints, as data: its sections, their tables (columns, header cells,
body rows) and the truth rows each section feeds. Nothing here knows about geometry: the
renderers decide where things go; the section builders (sections/) decide what is printed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Column:
    """One printed column: its header path (one or two levels), what its cells hold, and the
    dataset column it feeds (None for a column the extractor does not know)."""

    header: tuple[str, ...]
    kind: str  # seq | name | label | num | text
    field: str | None = None
    narrow: bool = False  # set narrower than its figures: '38682.77万' wraps before its 万 (units family)


@dataclass
class BodyRow:
    cells: list[str]
    kind: str = "data"  # data | total | span ('合计：N' in one cell across the table)
    merge: tuple[int, int] | None = None  # columns [a, b) printed as one cell holding cells[a]
    feeds: list[dict] = field(default_factory=list)
    """The truth records (the very dicts of the section's rows) the row's figures go to, in the order
    of its columns (the two halves of a side-by-side table: left, right): model.printed_figures
    keys each figure printed otherwise than plainly by them."""


@dataclass
class HeaderCell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


Fill = float | str
"""A fill: a grey from 0 (black) to 1 (white), or a colour as six hex digits ('1F3864', dark_fills family)."""


def fill_rgb(fill: Fill) -> tuple[int, int, int]:
    """The fill's red, green and blue, 0–255 each."""
    if isinstance(fill, str):
        return int(fill[0:2], 16), int(fill[2:4], 16), int(fill[4:6], 16)
    level = round(fill * 255)
    return level, level, level


def fill_hex(fill: Fill) -> str:
    """The fill as six upper-case hex digits."""
    return "".join(f"{v:02X}" for v in fill_rgb(fill))


def is_dark(fill: Fill | None) -> bool:
    """A fill black text would not read on (its luminance under half): text over it is printed light."""
    if fill is None:
        return False
    r, g, b = fill_rgb(fill)
    return 0.299 * r + 0.587 * g + 0.114 * b < 0.5 * 255


@dataclass
class Shading:
    """The backgrounds a table is printed with (shading family), as any producer can paint them:
    greys from 0 (black) to 1 (white), or colours (dark_fills family). Rows and cells count body
    rows from 0; a cell's fill is painted over its row's, a merged cell's by its first column.
    Text over a dark fill is printed in `ink` (white or a light colour)."""

    header: Fill | None = None  # the whole header band
    rows: dict[int, Fill] = field(default_factory=dict)  # whole body rows: zebra bands, the 合计 row
    cells: dict[tuple[int, int], Fill] = field(default_factory=dict)  # single body cells
    stroked: bool = False  # a producer that draws fills (reportlab) also strokes each cell's fill (grid style)
    backdrop: Fill | None = None  # one fill behind the whole table (1.0: white painted over the page)
    ink: str = "FFFFFF"  # the text's colour over a dark fill (six hex digits)
    rules: str | None = None  # the table's rules' colour (six hex digits; None: black): white borders (dark_zebra)

    def row_grey(self, row: int) -> Fill | None:
        return self.rows.get(row)

    def cell_grey(self, row: int, col: int) -> Fill | None:
        return self.cells.get((row, col), self.rows.get(row))

    def header_ink(self) -> str | None:
        """The header's text colour when its band is dark (None: the text's own, black)."""
        return self.ink if is_dark(self.header) else None

    def cell_ink(self, row: int, col: int) -> str | None:
        """A body cell's text colour when its fill is dark (None: black)."""
        return self.ink if is_dark(self.cell_grey(row, col)) else None


@dataclass
class PrintedTable:
    columns: list[Column]
    rows: list[BodyRow]
    shading: Shading | None = None
    group_align: str = "centre"  # a header group's title over its sub-columns: centre | start (group_start family)
    row_pad_em: float = 0.0  # more space above and under each row's text, in ems of its size (airy_rows family)
    # the name column set this many ems wide, its names wrapped to fit (Typst; long_names family); 0: as wide as
    # the producer makes it
    name_width_em: float = 0.0
    # carried_rests family (reportlab): the body's lines set this many ems apart, each glyph at its line's top (its
    # leading all under it, as LibreOffice sets wqy-zenhei); 0: the producer's own leading, centred
    line_pitch_em: float = 0.0
    # … and the first page break inside the table cuts a row named over more lines than this, carrying this many
    # of its lines under the repeated header (docx 716691); 0: the page breaks where it falls
    carried_rest_lines: int = 0

    @property
    def n_cols(self) -> int:
        return len(self.columns)

    @property
    def n_header_rows(self) -> int:
        return max(len(c.header) for c in self.columns)

    def header_cells(self) -> list[HeaderCell]:
        """Group headers (and bands over groups) merged over their consecutive sub-columns; a
        column's last level spans the header rows left under it. In column order: each top-level
        cell, then the cells under it."""
        n = self.n_header_rows
        cols = [c.header for c in self.columns]
        out: list[HeaderCell] = []
        for r in range(n):
            j = 0
            while j < self.n_cols:
                head = cols[j]
                if len(head) <= r:  # covered by a cell above spanning down
                    j += 1
                elif len(head) == r + 1:
                    out.append(HeaderCell(r, j, head[r], rowspan=n - r))
                    j += 1
                else:
                    k = j
                    while k < self.n_cols and len(cols[k]) > r + 1 and cols[k][:r + 1] == head[:r + 1]:
                        k += 1
                    out.append(HeaderCell(r, j, head[r], colspan=k - j))
                    j = k
        tops = sorted(c.col for c in out if c.row == 0)
        top = {j: max(t for t in tops if t <= j) for j in range(self.n_cols)}
        return sorted(out, key=lambda c: (top[c.col], c.row, c.col))


@dataclass
class PageColumns:
    """A section's paragraphs set in page columns (the two_columns family, draws.py), as any
    producer can set them: how many columns, a vertical rule in the gutter or none, the gutter's
    width in ems of the body size, and how the columns share the text: 'balanced' (as CSS and
    word processors balance them) or 'short_right' (the left column filled first, the right one
    holding the last two lines; a producer that cannot leave a column short balances them).
    `foot_row`: the columns begin at a page's foot with room for one row, one line in each column
    there and the rest atop the next page (reportlab; the others break where their text falls).
    `last_right`: the columns' last page, when they run over a page break, set as Typst sets it
    (the left column filled first): its right column holding this many lines, its left column the
    rest, `carry` lines or so — the page before ending its columns higher up where the rest would
    not fit so (reportlab; 0: balanced as `fill` says)."""

    count: int = 2
    rule: bool = False
    gap_em: float = 2.0
    fill: str = "balanced"
    foot_row: bool = False
    hung_gap_em: float | None = None  # the gutter reportlab sets when it hangs a '“' in it (hung_quotes family)
    last_right: int = 0
    carry: int = 0


@dataclass
class Section:
    name: str  # the extractor's section name
    title: str
    preamble: list[str] = field(default_factory=list)  # subtitle lines under the heading
    paragraphs: list[str] = field(default_factory=list)  # body paragraphs (first line indented unless `flush`)
    table: PrintedTable | None = None
    notes: list[str] = field(default_factory=list)  # printed right under the table, smaller
    columns: PageColumns | None = None  # the paragraphs set in page columns (the heading across the page)
    # a line of the paragraphs, not a first line, opens with a '“' hung half an em before its column's or the
    # page's edge, as Typst hangs it (the hung_quotes family; reportlab draws it so)
    hung_quote: bool = False
    # a line of the paragraphs across the page holding a lone figure between two word spaces ('…接入 6 家…') is
    # broken this many glyphs early and justified by those two spaces alone, each stretched over an em as
    # WeasyPrint stretches them (the word_spaces family; reportlab draws it so; 0: not drawn)
    word_spaced: int = 0
    flush: bool = False  # the paragraphs set flush left, no first-line indent (flush_paragraphs family)
    close_notes: bool = False  # the notes in the body's size right under the table, at its line pitch (close_notes)
    mark_column: bool = False  # reportlab sets the text so that mid-line marks line up down three lines (mark_columns)
    ragged: bool = False  # reportlab sets the paragraphs in page columns unjustified (ragged_columns)
    rows: dict[str, list[dict]] = field(default_factory=dict)  # truth, per dataset (without year)


@dataclass
class Bulletin:
    seed: int
    year: int
    issuer: str
    issue_date: dt.date
    masthead: tuple[str, str]  # ('南京市卫生信息中心 编印', '2028 年 1 月 24 日')
    events: Section
    sections: list[Section]  # statistics sections, in printed order
    colophon: list[str] | None
    expected_warnings: list[tuple[str, str]]
    missing_sections: list[str]
    quirks: bool = False
    expected_mismatches: set = field(default_factory=set)  # (check, dataset, subject|None, metric)
    draws: frozenset = frozenset()  # the draw families (draws.py) this bulletin uses
    part_title: str = "统计数据"  # the heading over the statistics sections (part_title family: worded otherwise)
    part_role: str = "heading"  # set as the headings ('heading') or as the first title under it ('first')

    def part_is_caption(self) -> bool:
        """The part's heading is set as the table titles are: like the first title under it, a table
        section's (part_title family)."""
        first = self.sections[0] if self.sections else None
        return self.part_role == "first" and first is not None and first.table is not None and not first.paragraphs

    def section(self, name: str) -> Section | None:
        return next((s for s in [self.events, *self.sections] if s.name == name), None)

