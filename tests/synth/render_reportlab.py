"""Draw a synthetic bulletin (model.Bulletin) as a PDF with reportlab's canvas.

Typography after the 2024 bulletin: masthead '<issuer> 编印 … <date>' on page 1 with a rule under
it; headings as typography.py draws them per bulletin (any size 0.85–1.4× the body, regular or
bold faked by stroking the glyphs, the body's face or another, centred or not, 公文 style; with
the typography family off: centred and 1.2–1.4× the body, as in 2024);
body paragraphs with a two-character first-line indent, wrapped to the text width; notes under
tables in a smaller size; a folio '- N -' at the foot of every page. Tables are drawn by hand
(lines + drawString) in one of three styles:

  grid                every row and column rule; merged header cells without rules inside
  no_inner_verticals  a rule under every row, optional outer border, no vertical rules inside;
                      a rule under a group header spanning only its sub-columns
  three_line          三线表: heavy rule above the header, thin rule under it, heavy rule under the
                      last row; group headers with a short rule over their sub-columns only

A table that does not fit continues on the next page under its repeated header rows; sometimes
the break falls inside a row whose name wraps (first line with seq and figures on page N, the
rest of the name on page N+1).

Where the tests control every position they also draw (draws.py): the bulletin's name above the
masthead and a masthead wrapped inside its date (masthead); titles whose bracketed tail wraps
alone, and paragraphs tracked so that a line is cut short before a bracketed group (wraps); titles
broken by the page, '统计数据' or a prose section ending at a page's foot, orphaned table titles,
rows cut in unruled tables and continuation headers merged otherwise (page_breaks). render_info()
names what it drew where.
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

from . import furniture, typography
from .content import BodyRow, Bulletin, Fill, HeaderCell, PageColumns, PrintedTable, Section, fill_rgb
from .draws import forced, stream
from .model import LONE_FIGURE

STYLES = ("grid", "no_inner_verticals", "three_line")
FONT_FILES = {
    "wqy-zenhei": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "uming": "/usr/share/fonts/truetype/arphic/uming.ttc",
}
PAGE_W, PAGE_H = A4
CM = 28.3465

NO_START = set("，。、；：！？）》」』”’%,.;:!?)]}")
NO_END = set("（《「『“‘([{")
HUNG_EM = 0.5  # a '“' opening a line hangs this far before the edge, as Typst hangs it (hung_quotes family)
FULL_WIDTH_EM = 0.9  # … when its glyph is this wide at least (a full-width mark, its ink in its right half)
OPEN_FEET_SHARE = 0.3  # bulletins whose grid tables reportlab leaves open at a page's foot (open_feet family)
TOKEN = re.compile(r"[A-Za-z0-9.%@_\-]+|\s+|.", re.S)
GROUP = r"[（(][^（()）\s]{1,6}[)）][，。、；：]?"
TOKEN_GROUPS = re.compile(GROUP + r"|[A-Za-z0-9.%@_\-]+|\s+|.", re.S)
"""Tokens of a producer that keeps a short bracketed group and the mark after it together
('（2019），'): a line before one that does not fit is cut short (the wraps family)."""
STARTS_GROUP = re.compile(GROUP)
TITLE_TAIL = re.compile(r"[（(][^（()）]{1,8}[)）]$")
"""A title's bracketed last words ('（区）', '（医院）', '（2030）')."""


def available_fonts() -> list[str]:
    """Fonts render() accepts on this machine: STSong-Light always, the TTF ones if installed."""
    return ["STSong-Light"] + [name for name, path in FONT_FILES.items() if Path(path).is_file()]


def _register(font: str) -> None:
    if font in pdfmetrics.getRegisteredFontNames():
        return
    if font == "STSong-Light":
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    elif font in FONT_FILES:
        if not Path(FONT_FILES[font]).is_file():
            raise FileNotFoundError(f"font {font!r} not installed ({FONT_FILES[font]})")
        pdfmetrics.registerFont(TTFont(font, FONT_FILES[font], subfontIndex=0))
    else:
        raise ValueError(f"unknown font {font!r}; choose from {available_fonts()}")


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

class Text:
    """Mixed-font measuring and drawing: CJK in the CJK font, ASCII runs maybe in a Latin face."""

    def __init__(self, c: rl_canvas.Canvas, cjk: str, latin: str):
        self.c, self.cjk, self.latin = c, cjk, latin

    def runs(self, s: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for ch in s:
            f = self.latin if ch.isascii() else self.cjk
            if out and out[-1][0] == f:
                out[-1] = (f, out[-1][1] + ch)
            else:
                out.append((f, ch))
        return out

    def width(self, s: str, size: float, track: float = 0.0) -> float:
        return sum(pdfmetrics.stringWidth(t, f, size) for f, t in self.runs(s)) + track * len(s)

    def draw(self, x: float, top: float, s: str, size: float, char_space: float = 0.0, stroke: bool = False,
             glyphs: bool = False) -> float:
        """Draw one line whose glyph box starts about `top` (top-down page coordinates). `stroke`
        fakes bold as producers do for a CJK face without a bold one: fill and stroke the glyphs
        (text render mode 2) with a thin line; the font name stays the regular one."""
        baseline = self.c._pagesize[1] - (top + 0.88 * size)
        runs = self.runs(s)
        if glyphs:
            # glyph by glyph at their own places: reportlab's Tc reaches pdfminer for some glyphs
            # of a subset TrueType run and not others (a tracked line came out 1.6 em short, a
            # paragraph end no producer prints)
            runs = [(f, ch) for f, t in runs for ch in t]
        for f, t in runs:
            self.c.setFont(f, size)
            if stroke:
                self.c.saveState()
                self.c.setLineWidth(size * 0.035)
                obj = self.c.beginText(x, baseline)
                obj.setTextRenderMode(2)
                obj.setFont(f, size)
                obj.setCharSpace(char_space)
                obj.textOut(t)
                self.c.drawText(obj)
                self.c.restoreState()
            elif char_space and not glyphs:
                self.c.drawString(x, baseline, t, charSpace=char_space)
            else:
                self.c.drawString(x, baseline, t)
            x += pdfmetrics.stringWidth(t, f, size) + char_space * len(t)
        return x

    def wrap(self, s: str, size: float, width: float, first_indent: float = 0.0, hang: bool = False,
             groups: bool = False, track: float = 0.0) -> list[str]:
        """Greedy line breaking: CJK anywhere, Latin/digit runs whole; no closing punctuation at
        a line start (with `hang` it hangs past the measure, else the character before it moves
        down with it), no opening bracket at a line end. `groups`: short bracketed groups whole
        ('（2019），'); `track`: extra space after every character (字距)."""
        lines: list[list[str]] = []
        cur: list[str] = []
        cur_w = 0.0
        avail = width - first_indent
        for tok in (TOKEN_GROUPS if groups else TOKEN).findall(s):
            if tok.isspace():
                if not cur:
                    continue
                tok = " "
            w = self.width(tok, size, track)
            if cur_w + w <= avail + 0.01 or not cur:
                cur.append(tok)
                cur_w += w
                continue
            carry: list[str] = []
            if tok in NO_START:
                if hang:
                    cur.append(tok)  # hanging punctuation
                    cur_w += w
                    continue
                while len(cur) > 1 and (cur[-1] in NO_START or cur[-1] == " "):
                    carry.insert(0, cur.pop())
                if len(cur) > 1:
                    carry.insert(0, cur.pop())
            while len(cur) > 1 and cur[-1] in NO_END:
                carry.insert(0, cur.pop())
            while cur and cur[-1] == " ":
                cur.pop()
            lines.append(cur)
            cur = carry + ([] if tok == " " else [tok])
            cur_w = sum(self.width(t, size, track) for t in cur)
            avail = width
        while cur and cur[-1] == " ":
            cur.pop()
        if cur:
            lines.append(cur)
        return ["".join(ln) for ln in lines] or [""]


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

def _side_by_side(pt: PrintedTable) -> bool:
    """A table printed as two identical column groups side by side (序号 名称 预约数量 twice)."""
    headers = [c.header for c in pt.columns]
    half = len(headers) // 2
    return len(headers) == 2 * half > 0 and headers[:half] == headers[half:]


@dataclass
class RowPlan:
    row: BodyRow
    cells: list[list[str]]  # wrapped lines per column ([] for columns covered by a merge)
    n_lines: int
    splittable: bool


@dataclass
class TablePlan:
    table: PrintedTable
    size: float
    lead: float
    pad_x: float
    pad_y: float
    col_w: list[float]
    left: float
    header_h: list[float]
    header_lines: dict[tuple[int, int], list[str]]
    rows: list[RowPlan]
    num_align: str
    label_align: str
    style: str
    outer_border: bool
    line_w: float
    heavy_w: float
    cut_row: int | None = None  # the row the page break must cut (cut_halves family)

    @property
    def width(self) -> float:
        return sum(self.col_w)

    def xs(self) -> list[float]:
        out = [self.left]
        for w in self.col_w:
            out.append(out[-1] + w)
        return out

    def row_h(self, n_lines: int) -> float:
        return n_lines * self.lead + 2 * self.pad_y


def _set_fill(c: rl_canvas.Canvas, fill: Fill) -> None:
    """The canvas's fill colour: a grey as a grey, a colour (six hex digits) as RGB."""
    if isinstance(fill, str):
        c.setFillColorRGB(*(v / 255 for v in fill_rgb(fill)))
    else:
        c.setFillGray(fill)


def _fill(c: rl_canvas.Canvas, ph: float, box: tuple[float, float, float, float], grey: Fill,
          stroke: float = 0.0) -> None:
    """A filled rectangle (x0, top, x1, bottom, top-based), its outline stroked `stroke` wide if
    not 0; the fill colour is black again afterwards, for the text."""
    x0, top, x1, bottom = box
    _set_fill(c, grey)
    if stroke:
        c.setLineWidth(stroke)
    c.rect(x0, ph - bottom, x1 - x0, bottom - top, stroke=1 if stroke else 0, fill=1)
    c.setFillGray(0)


def paint_shading(c: rl_canvas.Canvas, ph: float, plan: TablePlan, rows: list[BodyRow], xs: list[float],
                  ys: list[float], indexes: list[int]) -> None:
    """The shading family's backgrounds of one page of a table, under its rules and text: the
    backdrop, the header band, whole rows, then single cells (stroked in grid tables when the
    shading says so). `rows` are the body rows on the page, `indexes` their numbers in the table."""
    shading = plan.table.shading
    assert shading is not None
    n_h = plan.table.n_header_rows
    if shading.backdrop is not None:
        _fill(c, ph, (xs[0], ys[0], xs[-1], ys[-1]), shading.backdrop)
    if shading.header is not None:
        _fill(c, ph, (xs[0], ys[0], xs[-1], ys[n_h]), shading.header)
    for n, k in enumerate(indexes):
        grey = shading.row_grey(k)
        if grey is not None:
            _fill(c, ph, (xs[0], ys[n_h + n], xs[-1], ys[n_h + n + 1]), grey)
    stroke = plan.line_w if shading.stroked and plan.style == "grid" else 0.0
    for n, (k, row) in enumerate(zip(indexes, rows)):
        for j in range(plan.table.n_cols):
            grey = shading.cells.get((k, j))
            merged = row.merge is not None and row.merge[0] <= j < row.merge[1]
            if grey is None or (merged and row.merge is not None and j != row.merge[0]):
                continue
            end = row.merge[1] if merged and row.merge is not None else j + 1
            _fill(c, ph, (xs[j], ys[n_h + n], xs[end], ys[n_h + n + 1]), grey, stroke)


@dataclass
class Fragment:
    """The part of a table printed on one page: (row index, first line, end line) per row."""

    rows: list[tuple[int, int, int]] = field(default_factory=list)


class Renderer:
    def __init__(self, b: Bulletin, path, style: str, font: str, seed: int, total_pages: int = 0):
        if style not in STYLES:
            raise ValueError(f"unknown style {style!r}; choose from {STYLES}")
        _register(font)
        self.b, self.style, self.font = b, style, font
        self.rng = rng = random.Random(f"layout-{seed}")
        self.c = rl_canvas.Canvas(path if isinstance(path, io.BytesIO) else str(path), pagesize=A4, invariant=True)  # same bytes
        self.c.setTitle(f"{b.year} 年度南京市卫生信息中心统计数据（synthetic {seed}）")
        latin = rng.choice([font, "Times-Roman"])
        self.t = Text(self.c, font, latin)
        # typography
        self.body = rng.choice([11.0, 11.5, 12.0, 12.5, 13.0, 13.5, 14.0])
        self.heading = min(18.0, max(15.0, round(self.body * rng.uniform(1.2, 1.4) * 2) / 2))
        self.lead = self.body * rng.uniform(1.45, 1.85)
        self.note = max(8.5, min(self.body - 1.5, rng.choice([9.0, 9.5, 10.0, 10.5])))
        self.table_size = rng.choice([8.5, 9.0, 9.0, 9.5, 10.0, 10.5])
        self.ml = rng.uniform(1.9, 3.0) * CM
        self.mr = self.ml if rng.random() < 0.7 else rng.uniform(1.9, 3.0) * CM
        self.mt = rng.uniform(2.0, 3.0) * CM
        self.mb = rng.uniform(2.2, 3.0) * CM
        self.justify = rng.random() < 0.85
        self.hung_quotes, self.cut_at_quote = False, None  # the hung_quotes family, while its section is drawn
        self.word_spaced = 0  # the word_spaces family, while its section is drawn across the page
        self.indent_em = 2.0  # a paragraph's first-line indent, while its section is drawn (flush_paragraphs: 0)
        self.glyphs = False  # a paragraph's lines drawn glyph by glyph, while its section is drawn (mark_columns)
        self.split_rows = rng.random() < 0.6
        self.draws = b.draws
        self.texts: dict[str, Text] = {font: self.t}
        if "typography" in self.draws:
            self.typo = typography.draw(stream("typography", seed), font, available_fonts(), self.body, self.lead,
                                        self.heading)
            self.body, self.lead, self.heading = self.typo.body, self.typo.lead, self.typo.heading.size
        else:
            role = typography.Role(self.heading, font, "regular", "centre")
            self.typo = typography.Typography("legacy", self.body, self.lead, role, role, 0.0, self.heading)
        self.info: dict = {
            "style": style, "font": font, "latin_font": latin, "body_size": self.body, "heading_size": self.heading,
            "table_size": self.table_size, "note_size": self.note, "justified": self.justify,
            "margins_lrtb": [round(m, 1) for m in (self.ml, self.mr, self.mt, self.mb)],
            "split_rows": [], "tables": {}, "typography": self.typo.as_dict(), "draws": sorted(self.draws),
        }
        self.furniture = (furniture.draw(stream("furniture", seed), b.year, b.issuer) if "furniture" in self.draws
                          else furniture.LEGACY)
        self.landscape_from = furniture.landscape(stream("landscape", seed)) if "landscape" in self.draws else None
        self.notes_rng = stream("notes", seed) if "notes" in self.draws else None
        self.total_pages = total_pages
        self.info["furniture"] = self.furniture.as_dict()
        self.info["landscape_pages"] = []
        # the masthead, wraps and page_breaks families (draws.py): each decides from its own stream
        self.mast = furniture.masthead(stream("masthead", seed), b.year) if "masthead" in self.draws else None
        self.boxes = (furniture.mast_boxes(stream("masthead-boxes", seed), forced("masthead"))
                      if "masthead" in self.draws else None)
        self.wraps: dict | None = None
        if "wraps" in self.draws:
            w = stream("wraps", seed)
            self.wraps = {"rng": w, "tail": w.random() < 0.6, "mid": w.random() < 0.15, "groups": w.random() < 0.6,
                          "ragged": w.random() < 0.8, "titles": {}, "paragraphs": {}}
        self.breaks: dict | None = None
        if "page_breaks" in self.draws:
            r = stream("page_breaks", seed)
            n = len(b.sections)
            self.breaks = {"title_at": r.randrange(n) if n and r.random() < 0.55 else None,
                           "split": r.choice(["inside", "inside", "before", "mid"]),
                           "stats_at_foot": r.random() < 0.3,
                           "prose_at_foot": r.randrange(n) if n and r.random() < 0.5 else None,
                           "cut_rows": r.random() < 0.7, "remerge": r.random() < 0.5,
                           "remerge_rest": r.choice(["empty", "span"]), "rng": r}
            # drawn after the others, so that adding it changed none of their draws
            self.breaks["orphan_at"] = r.randrange(n) if n and r.random() < 0.4 else None
            # a stream of its own ('page_breaks-head-<seed>': the draws above stay as they were): an
            # unruled table broken right after its header (the header alone at a page's foot, its
            # rows on the next page under the repeated header), and its counter-case, an orphaned
            # title boxed by two rules at a page's foot
            h = random.Random(f"page_breaks-head-{seed}")
            self.breaks["head_at"] = h.randrange(n) if n and (forced("page_breaks") or h.random() < 0.4) else None
            self.breaks["boxed_orphan"] = h.random() < 0.5
        self.heading_span = (0.0, 0.0)  # the last heading's top and bottom
        self.head_alone = False  # the next table's header goes alone at this page's foot (page_breaks)
        # the note_frames family: a table's notes set in the table's width (draws.py)
        self.note_frames = stream("note_frames", seed) if "note_frames" in self.draws else None
        # the open_feet family: grid rows open at a page's foot, column rules run past a table's end (draws.py)
        self.open_feet: float | None = None  # how far the column rules run past a table's last rule, in pt
        if "open_feet" in self.draws:
            r = stream("open_feet", seed)
            if forced("open_feet") or r.random() < OPEN_FEET_SHARE:
                self.open_feet = round(r.uniform(2.0, 6.0), 1)
        self.table_frame: tuple[float, float] | None = None  # the last table's left edge and width
        # the cut_halves family: a side-by-side table cut by the page inside a row (draws.py)
        self.cut_halves: dict | None = None
        if "cut_halves" in self.draws:
            r = stream("cut_halves", seed)
            if forced("cut_halves") or r.random() < 0.5:
                # the cut_halves_beside family (drawn on a stream of its own): the right half's row
                # cut beside the left half's last rows
                beside = "cut_halves_beside" in self.draws and stream("cut_halves-beside", seed).random() < 0.5
                self.cut_halves = {"row": None, "beside": beside}
        if b.events.mark_column:  # the mark_columns family
            self.line_up_marks(b.events)
        self.page = 1
        self.y = self.mt

    # ---- pages -------------------------------------------------------------------------------
    @property
    def pw(self) -> float:
        return self.c._pagesize[0]

    @property
    def ph(self) -> float:
        return self.c._pagesize[1]

    @property
    def width(self) -> float:
        return self.pw - self.ml - self.mr

    @property
    def bottom(self) -> float:
        return self.ph - self.mb

    def folio(self) -> None:
        """The page's furniture: its folio and, maybe, a running header with a rule under it."""
        f = self.furniture
        s = f.folio_text(self.page, self.total_pages or self.page)
        size = f.folio_size
        w = self.t.width(s, size)
        x = (self.pw - w) / 2
        if f.folio_align == "outside":
            x = self.pw - self.mr - w if self.page % 2 else self.ml
        self.t.draw(x, self.ph - self.mb / 2 - size / 2, s, size)
        if f.header and (self.page > 1 or f.header_on_first_page):
            hs = f.header_size
            top = self.mt * 0.45 - hs
            if len(f.header) == 1:
                self.t.draw((self.pw - self.t.width(f.header[0], hs)) / 2, top, f.header[0], hs)
            else:
                self.t.draw(self.ml, top, f.header[0], hs)
                self.t.draw(self.pw - self.mr - self.t.width(f.header[1], hs), top, f.header[1], hs)
            if f.header_rule:
                y = top + hs * 1.45
                self.c.setLineWidth(f.header_rule)
                self.c.line(self.ml, self.ph - y, self.pw - self.mr, self.ph - y)

    def new_page(self, landscape: bool | None = None) -> None:
        """The next page, turned to `landscape` or back (None: as this one)."""
        self.folio()
        self.c.showPage()
        self.page += 1
        if landscape is not None and landscape != (self.pw > self.ph):
            self.c.setPageSize((PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H))
        if self.pw > self.ph:
            self.info["landscape_pages"].append(self.page)
        self.y = self.mt

    def room(self) -> float:
        return self.bottom - self.y

    def ensure(self, h: float) -> None:
        if self.room() < h:
            self.new_page()

    # ---- text blocks ---------------------------------------------------------------------------
    def masthead(self) -> None:
        left, right = self.b.masthead
        size = self.body if self.rng.random() < 0.6 else self.body - 1
        if "typography" in self.draws:
            size = self.typo.masthead  # may be set larger than the body (issue 9, 6)
        mast = self.mast
        if mast is not None and mast.name:
            # the bulletin's name, large and centred above the masthead line: masthead, no section
            ns = round(self.body * mast.name_scale * 2) / 2
            for k, line in enumerate(mast.name):
                s_ = ns if k == 0 else max(self.body, ns * 0.6)
                self.t.draw((self.pw - self.t.width(line, s_)) / 2, self.y, line, s_, stroke=mast.name_weight != "regular")
                self.y += s_ * 1.45
            self.y += ns * 0.4
            self.info["masthead_name"] = {"lines": list(mast.name), "size": ns}
        if mast is not None and mast.wrap:
            head, tail = mast.date_split(right)
            whole = self.t.width(f"{left} {right}", 1.0)  # at 1 pt
            first = self.t.width(f"{left} {head}" if head else left, 1.0)
            lo, hi = self.width / whole, self.width / first  # too large for one line, its first part fits
            size = min(hi * 0.99, lo * mast.name_scale * 0.85, 3.0 * self.body)
            if size > lo * 1.01:
                # set as one line pushed apart and wrapped: '<issuer> 编印 … 2021年1月26' / '日'
                self.t.draw(self.ml, self.y, left, size)
                if head:
                    self.t.draw(self.pw - self.mr - self.t.width(head, size), self.y, head, size)
                self.y += size * 1.3
                self.t.draw(self.ml, self.y, tail, size)
                self.y += size * 1.5
                self.info["masthead_wrap"] = {"size": round(size, 1), "lines": [f"{left} {head}".strip(), tail]}
                right = ""
        if right and self.boxes is not None:
            size, right = self.mast_boxes(left, right, self.boxes, size)
        if right:
            self.t.draw(self.ml, self.y, left, size)
            self.t.draw(self.pw - self.mr - self.t.width(right, size), self.y, right, size)
            self.y += size * 1.5
        self.c.setLineWidth(self.rng.choice([0.8, 1.0, 1.5]))
        self.c.line(self.ml, self.ph - self.y, self.pw - self.mr, self.ph - self.y)
        self.y += size * 1.2

    def mast_boxes(self, left: str, right: str, boxes: furniture.MastBoxes, size: float) -> tuple[float, str]:
        """The masthead's two boxes (masthead family): each wrapping its last character under its
        first glyph ('… 编' / '印' at the left margin, '… 22' / '日' in the date's box, right
        aligned), the boxes `gap_em` apart; or one line, the boxes `gap_em` apart. The size and
        what is left to set as one line ('' where the boxes were drawn); as it was where the size
        it takes is not a masthead's (under the body, over three times it)."""
        kept = (left[:-1], right[:-1]) if boxes.aim == "wrap" else (left, right)
        aim = self.width / (sum(self.t.width(text, 1.0) for text in kept) + boxes.gap_em)
        if not self.body <= aim <= 3 * self.body:
            return size, right
        self.info["masthead_boxes"] = {"size": round(aim, 1), "aim": boxes.aim, "gap_em": boxes.gap_em}
        if boxes.aim == "apart":
            return aim, right
        date_box = self.pw - self.mr - self.t.width(kept[1], aim)
        for x, text in ((self.ml, left), (date_box, right)):
            self.t.draw(x, self.y, text[:-1], aim)
            self.t.draw(x, self.y + aim * 1.3, text[-1], aim)
        self.y += aim * 2.8
        return aim, ""

    def text_in(self, font: str) -> Text:
        """Text set in another face (a heading's), Latin runs in that face too."""
        if font not in self.texts:
            _register(font)
            self.texts[font] = Text(self.c, font, font)
        return self.texts[font]

    def title_lines(self, title: str, role: typography.Role) -> list[str]:
        """The title's lines: wrapped at the measure, or (wraps family) set in a box so narrow
        that its bracketed tail goes alone onto the next line ('…采集情况' / '（区）'), or broken
        in the middle. One decision per title, so that measuring and drawing agree."""
        size = role.size
        indent = 2 * size if role.align == "indent" else 0.0
        lines = self.text_in(role.font).wrap(title, size, self.width - indent)
        w = self.wraps
        if w is None or len(lines) != 1:
            return lines
        if title not in w["titles"]:
            rng, split = w["rng"], None
            tail = TITLE_TAIL.search(title)
            if tail and w["tail"] and rng.random() < 0.7:
                split = [title[:tail.start()].rstrip(), tail.group(0)]
            elif w["mid"] and rng.random() < 0.3:
                split = self._mid_split(title, rng)
            w["titles"][title] = split
            if split:
                self.info.setdefault("wrapped_titles", []).append(split)
        return w["titles"][title] or lines

    @staticmethod
    def _mid_split(title: str, rng: random.Random) -> list[str] | None:
        """Two lines broken between two CJK characters near the middle, as a narrow box does."""
        cjk = [k for k in range(4, len(title) - 3)
               if not title[k - 1].isascii() and not title[k].isascii() and title[k] not in NO_START
               and title[k - 1] not in NO_END and not title[k].isspace()]
        if not cjk:
            return None
        k = rng.choice(cjk)
        return [title[:k], title[k:]]

    def page_split(self, title: str, how: str, rng: random.Random) -> list[str] | None:
        """Where a title broken by the page breaks: inside its bracketed tail ('…情况（医' / '院）'),
        before the tail, or between two CJK characters."""
        tail = TITLE_TAIL.search(title)
        k = tail.start() + 2 if tail else 0
        if tail and how == "inside" and len(tail.group(0)) >= 4 and not (title[k - 1].isascii() and title[k].isascii()):
            return [title[:k], title[k:]]  # never inside a run of digits ('（2025）' breaks before its bracket)
        if tail and how in ("inside", "before"):
            return [title[:tail.start()].rstrip(), tail.group(0)]
        return self._mid_split(title, rng)

    def heading_block(self, title: str, keep: float, role: typography.Role | None = None,
                      broken: list[str] | None = None, at_foot: bool = False) -> None:
        """A heading set as `role` says (centred, left or indented; any size and weight); moves to
        a new page unless `keep` points of content fit under it. `broken` (page_breaks family):
        its two lines, the first set at this page's foot, the second atop the next page.
        `at_foot`: set at this page's foot whatever follows (the content goes to the next page);
        the content's own keep is then the caller's business."""
        role = role or self.typo.heading
        size = role.size
        t = self.text_in(role.font)
        indent = 2 * size if role.align == "indent" else 0.0
        lines = broken or self.title_lines(title, role)
        before = size * self.rng.uniform(0.8, 1.4)
        h = len(lines) * size * 1.35
        if broken or at_foot:
            self.y = self.bottom - (size * 1.35 if broken else h) - 0.5
        elif self.y > self.mt + 1:
            if self.room() < before + h + keep:
                self.new_page()
            else:
                self.y += before
        self.heading_span = (self.y, self.y + h)  # where its lines stand (the last page's, when broken)
        for n, ln in enumerate(lines):
            if broken and n == 1:
                self.new_page()
                self.info.setdefault("titles_broken_by_page", []).append({"page": self.page - 1, "lines": broken})
            x = self.ml + (self.width - t.width(ln, size)) / 2 if role.align == "centre" else self.ml + indent
            t.draw(x, self.y, ln, size, stroke=role.weight != "regular")
            self.y += size * 1.35
        self.y += size * self.rng.uniform(0.3, 0.7)

    def paragraph(self, text: str, size: float | None = None, indent: bool = True, centre: bool = False,
                  width: float | None = None, left: float | None = None, lead: float | None = None) -> None:
        size = size or self.body
        width = width or self.width
        left = self.ml if left is None else left
        lead = lead or (self.lead if size == self.body else size * 1.45)
        ind = self.indent_em * size if indent else 0.0
        lines, track = self.para_lines(text, size, width, ind) if indent else (
            self.t.wrap(text, size, width, ind, hang=True), 0.0)
        cut = self.lines_cut_at_quote(text, size, width, ind) if text == self.cut_at_quote else None
        if cut is not None:
            lines, track = cut
        elif self.word_spaced and not track and "word_spaced" not in self.info:
            lines = self.lines_word_spaced(text, lines, size, width)
        for i, ln in enumerate(lines):
            if self.room() < lead:
                self.new_page()
            x = left + (ind if i == 0 else -self.hung(ln) * size)
            if i < len(lines) - 1 and ln == self.info.get("word_spaced"):
                self.draw_word_spaced(x, self.y + (lead - size) / 2, ln, size, width - (x - left))
                self.y += lead
                continue
            cs = 0.0
            natural = self.t.width(ln, size, track) - track  # no tracking after a line's last glyph: it ends at the margin
            cut = track or (self.wraps is not None and self.wraps["groups"])
            if centre:
                x = left + (width - natural) / 2
            elif cut and self.wraps["ragged"] and i < len(lines) - 1 and STARTS_GROUP.match(lines[i + 1]):
                cs = 0.0  # cut short before a bracketed group that did not fit: left short (wraps family)
            elif self.justify and i < len(lines) - 1 and len(ln) > 1:
                cs = (width - (x - left) - natural) / (len(ln) - 1)
                if abs(cs) > 0.25 * size:
                    cs = 0.0
            self.t.draw(x, self.y + (lead - size) / 2, ln, size, cs + track, glyphs=bool(track) or self.glyphs)
            self.y += lead

    def line_up_marks(self, sec: Section) -> None:
        """The mark_columns family: the text width narrowed by up to seven characters, the first
        width at which three consecutive lines of an event's paragraph set a mid-line '，' or '、' at
        one x (`_marks_lined_up`): a blank strip down the marks' right halves, no gutter (prose
        across the page, the counter-case of page_columns.is_gutter_of_mark_boxes' columns); the
        width as it was when none does."""
        base = self.mr
        for chars in range(8):
            self.mr = base + chars * self.body
            lined = self._marks_lined_up(sec)
            if lined is not None:
                self.info["mark_columns"] = {"narrower_chars": chars, "x": lined}
                return
        self.mr = base

    def _marks_lined_up(self, sec: Section) -> float | None:
        """The x (from the margin) where three consecutive lines of one of the section's paragraphs set
        a mid-line '，' or '、' (as `paragraph` justifies them), or None."""
        groups = self.wraps is not None and self.wraps["groups"]
        ind = indent_em(sec) * self.body
        for text in sec.paragraphs:
            if groups and STARTS_GROUP.search(text):
                continue  # tracked by the wraps family: its lines are measured as drawn only
            lines = self.t.wrap(text, self.body, self.width, ind, hang=True, groups=groups)
            marks = [self._mark_xs(ln, ind if i == 0 else 0.0, i == len(lines) - 1) for i, ln in enumerate(lines)]
            for a, b, c in zip(marks, marks[1:], marks[2:]):
                common = a & b & c
                if common:
                    return min(common) / 2
        return None

    def _mark_xs(self, line: str, start: float, last: bool) -> set[int]:
        """The half-points from the margin where the line's mid-line '，' and '、' stand, justified."""
        size = self.body
        natural = self.t.width(line, size)
        cs = 0.0
        if self.justify and not last and len(line) > 1:
            cs = (self.width - start - natural) / (len(line) - 1)
            cs = cs if abs(cs) <= 0.25 * size else 0.0
        return {round(2 * (start + self.t.width(line[:i], size) + i * cs))
                for i, ch in enumerate(line[:-1]) if ch in "，、" and i > 0}

    def prose(self, sec: Section) -> None:
        """A section's paragraphs across the text width, or in page columns (two_columns family)."""
        justified = self.justify
        self.justify = self.justify and not sec.ragged  # ragged_columns: the columns set unjustified
        self.hung_quotes = sec.hung_quote and self.justify and self.t.width("“", 10.0) >= FULL_WIDTH_EM * 10.0
        self.indent_em = indent_em(sec)
        self.glyphs = sec.mark_column  # mark_columns: each glyph where it was measured (no Tc read otherwise)
        if sec.columns is not None:
            draw_in_columns(self, sec.paragraphs, sec.columns)
        else:
            self.cut_at_quote = next((p for p in sec.paragraphs if self.hung_quotes
                                      and self.lines_cut_at_quote(p, self.body, self.width, self.indent_em * self.body)),
                                     None)
            self.word_spaced = sec.word_spaced if self.justify else 0
            for p in sec.paragraphs:
                self.paragraph(p)
        self.hung_quotes, self.cut_at_quote, self.word_spaced = False, None, 0
        self.indent_em, self.glyphs, self.justify = 2.0, False, justified

    def lines_word_spaced(self, text: str, lines: list[str], size: float, width: float) -> list[str]:
        """The paragraph's lines with its first line (not its last) holding a lone figure between its
        only two spaces ('…接入 6 家…') broken `word_spaced` glyphs early (Chinese glyphs, no mark that
        may not start a line moved, no opening one left at its end), the rest wrapped anew; the line is
        recorded (info['word_spaced']) and drawn justified by its spaces alone (word_spaces family)."""
        k = self.word_spaced
        for j, ln in enumerate(lines[:-1]):
            kept, moved = ln[:-k], ln[-k:]
            if ln.count(" ") != 2 or not LONE_FIGURE.search(kept) or not all(not ch.isascii() for ch in moved):
                continue
            if moved[0] in NO_START or kept[-1] in NO_END:
                continue
            rest = text[_offset_after(text, lines[:j + 1]):].lstrip()
            self.info["word_spaced"] = kept
            return [*lines[:j], kept, *self.t.wrap(moved + rest, size, width, 0.0, hang=True)]
        return lines

    def draw_word_spaced(self, x: float, top: float, line: str, size: float, avail: float) -> None:
        """A line justified by its word spaces alone, as WeasyPrint justifies Chinese text: its glyphs
        set at their own widths, each space stretched to share what the line leaves of `avail`, the
        printed space in the middle of its gap (word_spaces family)."""
        words = line.split(" ")
        gap = (avail - sum(self.t.width(w, size) for w in words)) / (len(words) - 1)
        space = self.t.width(" ", size)
        for n, word in enumerate(words):
            x = self.t.draw(x, top, word, size)
            if n < len(words) - 1:
                self.t.draw(x + (gap - space) / 2, top, " ", size)
                x += gap

    def lines_cut_at_quote(self, text: str, size: float, width: float, ind: float,
                           from_line: int = 0) -> tuple[list[str], float] | None:
        """The paragraph's lines with the first line from `from_line` on (not its last) that ends
        in a '“' and at most three glyphs after it cut before the mark, the rest wrapped anew from
        the mark, hung half an em before the edge (hung_quotes family); None when no line does."""
        lines, track = self.para_lines(text, size, width, ind)
        for j in range(from_line, len(lines) - 1):
            k = lines[j].rfind("“")
            if 0 < k and len(lines[j]) - k <= 3 and lines[j][k - 1] not in NO_END:
                marks = "".join(lines[:j]).count("“") + lines[j][:k].count("“")
                at = [n for n, ch in enumerate(text) if ch == "“"][marks]
                rest = self.t.wrap(text[at:], size, width, -HUNG_EM * size, hang=True, track=track)
                return [*lines[:j], lines[j][:k], *rest], track
        return None

    def hung(self, line: str, column: int = 0) -> float:
        """How far (in ems) a paragraph's line, not its first, starts before its edge: half an em
        when it opens with a '“' in a section whose quotes hang (hung_quotes family, in a font whose
        '“' is full-width: Typst trims its blank left half, a narrow Latin quote has none; recorded
        with its page column, 0 across the page), else 0."""
        if not (self.hung_quotes and line.startswith("“")):
            return 0.0
        self.info.setdefault("hung_quotes", []).append((column, line))
        return HUNG_EM

    def para_lines(self, text: str, size: float, width: float, ind: float) -> tuple[list[str], float]:
        """A body paragraph's lines and its tracking. The wraps family keeps short bracketed
        groups whole ('（2019），') and, for a paragraph holding one, tracks the characters a
        little (字距, up to a quarter em) so that a group falls at a line's end and does not fit: the line before it
        is cut short (the extractor must not end the paragraph there)."""
        w = self.wraps
        if w is None or not w["groups"]:
            return self.t.wrap(text, size, width, ind, hang=True), 0.0
        key = (text, size, width, ind)
        if key not in w["paragraphs"]:
            choice = (self.t.wrap(text, size, width, ind, hang=True, groups=True), 0.0)
            if STARTS_GROUP.search(text):
                tracks = [0.0] + [size * k / 100 for k in w["rng"].sample(range(1, 26), 25)]
                for track in tracks:
                    lines = self.t.wrap(text, size, width, ind, hang=True, groups=True, track=track)
                    if any(STARTS_GROUP.match(ln) for ln in lines[1:]):
                        choice = (lines, track)
                        self.info.setdefault("cut_before_group", []).append(
                            next(ln for ln in lines[1:] if STARTS_GROUP.match(ln))[:12])
                        break
            w["paragraphs"][key] = choice
        return w["paragraphs"][key]

    # ---- tables ----------------------------------------------------------------------------------
    def plan_table(self, pt: PrintedTable) -> TablePlan:
        rng = self.rng
        size = self.table_size
        pad_x = rng.uniform(2.0, 4.0)
        pad_y = rng.uniform(2.0, 4.5) + pt.row_pad_em * self.table_size  # airy_rows family: rows far apart
        max_w = self.pw - 2 * 1.6 * CM
        target = self.width * rng.uniform(0.93, 1.0)
        narrow_names = rng.random() < 0.75
        while True:
            lead = size * 1.3
            col_w = self._col_widths(pt, size, pad_x, target, max_w, narrow_names)
            if col_w is not None or size <= 7.0:
                break
            size -= 0.5
        if col_w is None:
            col_w = self._col_widths(pt, size, pad_x, max_w, max_w * 1.5, False)
        tw = sum(col_w)
        left = (self.pw - tw) / 2 if tw > self.width else self.ml + (self.width - tw) / 2
        # header: wrapped texts and row heights
        n_h = pt.n_header_rows
        header_lines: dict[tuple[int, int], list[str]] = {}
        heights = [lead + 2 * pad_y] * n_h
        cells = pt.header_cells()
        for hc in cells:
            w = sum(col_w[hc.col:hc.col + hc.colspan]) - 2 * pad_x
            lines = self.t.wrap(hc.text, size, w)
            header_lines[(hc.row, hc.col)] = lines
            if hc.rowspan == 1:
                heights[hc.row] = max(heights[hc.row], len(lines) * lead + 2 * pad_y)
        for hc in cells:
            if hc.rowspan > 1:
                need = len(header_lines[(hc.row, hc.col)]) * lead + 2 * pad_y
                have = sum(heights[hc.row:hc.row + hc.rowspan])
                if need > have:
                    heights[hc.row + hc.rowspan - 1] += need - have
        if rng.random() < 0.5:
            heights = [h + rng.uniform(0, 6) for h in heights]
        rows = []
        for row in pt.rows:
            wrapped: list[list[str]] = []
            j = 0
            while j < pt.n_cols:
                a, b_ = row.merge if row.merge and row.merge[0] == j else (j, j + 1)
                w = sum(col_w[a:b_]) - 2 * pad_x
                wrapped.append(self.t.wrap(row.cells[a], size, w) if row.cells[a] else [])
                wrapped += [[] for _ in range(a + 1, b_)]
                j = b_
            n = max(1, max(len(x) for x in wrapped))
            rows.append(RowPlan(row, wrapped, n, row.kind == "data"))
        return TablePlan(
            table=pt, size=size, lead=lead, pad_x=pad_x, pad_y=pad_y, col_w=col_w, left=left, header_h=heights,
            header_lines=header_lines, rows=rows, num_align=rng.choice(["right", "centre", "centre"]),
            label_align=rng.choice(["left", "centre"]), style=self.style, outer_border=rng.random() < 0.5,
            line_w=rng.choice([0.5, 0.6, 0.75]), heavy_w=rng.choice([1.0, 1.25, 1.5]),
        )

    def _col_widths(self, pt: PrintedTable, size: float, pad: float, target: float, max_w: float,
                    narrow_names: bool) -> list[float] | None:
        rng = self.rng
        em = size
        need: list[float] = []
        for j, col in enumerate(pt.columns):
            texts = [r.cells[j] for r in pt.rows if r.kind != "span" and not (r.merge and r.merge[0] <= j < r.merge[1])]
            content = max((self.t.width(x, size) for x in texts if x), default=0.0)
            head = col.header[-1]
            head_w = self.t.width(head, size)
            if col.kind == "name":
                need.append(max(content, 4 * em) + 2 * pad)
            elif col.kind == "seq":
                need.append(max(content, 1.0 * em) + 2 * pad + 2)
            else:
                # figures never wrap; a header may wrap onto two or three lines
                # counted without spaces: a letter-spaced '快 速 预 约' (spacing family) is as short
                # as it was, and the draws after it stay as they were
                lines = 1 if len(head.replace(" ", "")) <= 4 else rng.choice([2, 2, 3])
                need.append(max(content + 2 * pad + 2, min(head_w, max(2 * em, head_w / lines + 0.5 * em)) + 2 * pad))
        # a group header needs room over its sub-columns
        for hc in pt.header_cells():
            if hc.colspan > 1:
                w = self.t.width(hc.text, size) / 2 + 2 * pad
                have = sum(need[hc.col:hc.col + hc.colspan])
                if w > have:
                    for c in range(hc.col, hc.col + hc.colspan):
                        need[c] += (w - have) / hc.colspan
        names = [j for j, col in enumerate(pt.columns) if col.kind == "name"]
        natural = {j: need[j] for j in names}
        if narrow_names:
            # wide enough for most names; the longest ones wrap inside their cell
            q = rng.uniform(0.55, 0.9)
            for j in names:
                widths = sorted(self.t.width(r.cells[j], size) for r in pt.rows
                                if r.kind == "data" and r.cells[j])
                if widths:
                    cap = widths[min(len(widths) - 1, int(q * len(widths)))] + 2 * pad
                    need[j] = max(min(need[j], cap, 15 * em + 2 * pad), 6 * em + 2 * pad)
        total = sum(need)
        if total > max_w:
            if names and all(need[j] > 6 * em + 2 * pad for j in names):
                excess = total - max_w
                for j in names:
                    need[j] = max(6 * em + 2 * pad, need[j] - excess / len(names))
                total = sum(need)
            if total > max_w:
                return None
        if total < target:
            # spread the rest over the columns, a name column no wider than its longest name
            extra = target - total
            grow = {j for j, col in enumerate(pt.columns) if col.kind != "seq"}
            limit = {j: (natural[j] - em if narrow_names else natural[j] + 4 * em) for j in names}
            for _ in range(4):
                grow = {j for j in grow if j not in limit or need[j] < limit[j] - 0.01}
                if extra <= 0.5 or not grow:
                    break
                base = sum(need[j] for j in grow)
                given = 0.0
                for j in grow:
                    add = extra * need[j] / base
                    if j in limit:
                        add = min(add, max(0.0, limit[j] - need[j]))
                    need[j] += add
                    given += add
                extra -= given
        return need

    def fragments(self, plan: TablePlan, first_room: float, page_room: float, tail: float = 0.0) -> list[Fragment]:
        """Rows per page. The first fragment may come out empty (the table starts on the next
        page); `tail` (the notes under the table) stays on the page of the last rows."""
        header = sum(plan.header_h)
        frags = [Fragment()]
        used = header
        room = first_room
        force = self.split_rows and self.rng.random() < 0.7
        if self.breaks is not None and plan.style != "grid" and self.breaks["cut_rows"]:
            force = True  # page_breaks family: a wrapped name cut by the page in an unruled table
        i = 0
        queue = [(k, 0, r.n_lines) for k, r in enumerate(plan.rows)]
        while i < len(queue):
            k, a, b_ = queue[i]
            h = plan.row_h(b_ - a)
            if used + h <= room:
                frags[-1].rows.append((k, a, b_))
                used += h
                i += 1
                continue
            # the page is full: split a wrapped row at the break, or start the row on a new page
            fits = int((room - used - 2 * plan.pad_y) // plan.lead)
            row = plan.rows[k]
            if (self.split_rows or k == plan.cut_row) and row.splittable and b_ - a >= 2 and fits >= 1 and frags[-1].rows:
                frags[-1].rows.append((k, a, a + fits))
                queue[i] = (k, a + fits, b_)
            elif force and frags[-1].rows:
                # break earlier, inside a recent row whose name wraps, so that the page break
                # falls between its first line (seq, name part, figures) and the rest of the name
                done = frags[-1].rows
                cands = [n for n in range(max(0, len(done) - 4), len(done))
                         if plan.rows[done[n][0]].splittable and done[n][1] == 0 and done[n][2] >= 2]
                if cands:
                    n = cands[-1]
                    kk, _, bb = done[n]
                    frags[-1].rows = done[:n] + [(kk, 0, 1)]
                    queue[i:i] = [(kk, 1, bb)] + done[n + 1:]
                force = False
            frags.append(Fragment())
            used = header
            room = page_room
        if tail and used + tail > room:
            moved: list[tuple[int, int, int]] = []
            while frags[-1].rows and (used + tail > room or len(moved) < 2):
                r = frags[-1].rows.pop()
                moved.insert(0, r)
                used -= plan.row_h(r[2] - r[1])
            frags.append(Fragment(moved))
        return frags[:1] + [f for f in frags[1:] if f.rows]

    def draw_table(self, pt: PrintedTable, name: str = "", tail: float = 0.0) -> None:
        plan = self.plan_table(pt)
        if self.cut_halves is not None and self.cut_halves["row"] is not None and name == self.cut_halves["section"]:
            self._wrap_halves(plan, self.cut_halves["row"], self.cut_halves["halves"])
            for k, j in self.cut_halves.get("wrapped", []):
                self._wrap_name(plan, k, j)
        self.table_frame = (plan.left, plan.width)
        header = sum(plan.header_h)
        first_rows = sum(plan.row_h(r.n_lines) for r in plan.rows[:2])
        alone = self._head_alone_at_foot(plan, name)
        # a row the cut_halves family cuts is placed to fit (with fewer rows over it than two)
        if not alone and plan.cut_row is None and self.room() < header + first_rows:
            self.new_page()
        # the header alone at the page's foot: no row fits under it on this page
        frags = self.fragments(plan, header + 0.01 if alone else self.room(), self.bottom - self.mt, tail)
        if not frags[0].rows and not alone:
            self.new_page()
            frags = frags[1:]
        self.info["tables"][name] = {"first_page": self.page, "pages": len(frags), "size": plan.size,
                                     "col_widths": [round(w, 1) for w in plan.col_w]}
        for n, frag in enumerate(frags):
            if n:
                self.new_page()
                k, a, _ = frag.rows[0]
                if a > 0:
                    self.info["split_rows"].append({"section": name, "page": self.page - 1,
                                                    "row": plan.rows[k].row.cells[:3]})
            remerged = self._remerged(plan) if n and self.breaks is not None and self.breaks["remerge"] else None
            if remerged:
                self.info.setdefault("remerged_headers", []).append({"section": name, "page": self.page})
            self.y = self.draw_fragment(plan, frag, self.y, remerged, ends=n == len(frags) - 1)

    def _head_alone_asked(self, sec: Section, index: int) -> bool:
        """The page_breaks family asks this section's table to break right after its header: a
        table section with no text between its title and its table, not at a page's top."""
        return (self.breaks is not None and self.breaks["head_at"] == index and sec.table is not None
                and not sec.paragraphs and not sec.preamble and self.y > self.mt + 1)

    def _title_to_foot_for_head(self, sec: Section, role: typography.Role) -> float:
        """Move down so that the title and the table's header (its size guessed generously) end
        near the page's foot; the keep the title then needs (none: the header goes where it fits)."""
        assert sec.table is not None
        reserve = role.size * 1.35 * 2 + role.size * 2 + self.table_size * 1.3 * sec.table.n_header_rows * 2.5 + 10
        if self.room() > reserve:
            self.y = self.bottom - reserve
        return 0.0

    def _box_orphan(self, role: typography.Role) -> None:
        """Two rules across the text width boxing in the title just set alone at the page's foot
        (the page_breaks family's counter-case to a table's header alone there: a title)."""
        top, bottom = self.heading_span
        self.c.setLineWidth(0.75)
        for y in (top - role.size * 0.3, bottom + role.size * 0.2):
            self.c.line(self.ml, self.ph - y, self.ml + self.width, self.ph - y)
        self.info.setdefault("boxed_orphans", []).append({"page": self.page})

    def _head_alone_at_foot(self, plan: TablePlan, name: str) -> bool:
        """The page_breaks family's table broken right after its header: an unruled table whose
        section asked for it (`head_alone`), with room on this page for its header and more."""
        alone, self.head_alone = self.head_alone, False
        if not alone or plan.style == "grid" or self.room() < sum(plan.header_h) + 1:
            return False
        self.info.setdefault("heads_at_foot", []).append({"section": name, "page": self.page})
        return True

    def _remerged(self, plan: TablePlan) -> tuple[list[HeaderCell], dict[tuple[int, int], list[str]]] | None:
        """The header as a continuation page repeats it merged otherwise (page_breaks family): each
        group label merged with the sub-column under it into one cell of two rows ('预约挂号' over
        '2030年总量'), its other sub-columns under an empty cell or spanning both rows. Two-level
        headers only; None when no group's two labels fit in that cell."""
        pt = plan.table
        if pt.n_header_rows != 2:
            return None
        cells, lines = [], dict(plan.header_lines)
        first: set[int] = set()  # a remerged group's first column
        rest: set[int] = set()  # its other columns
        for hc in pt.header_cells():
            if hc.row == 0 and hc.colspan > 1:
                both = plan.header_lines[(0, hc.col)] + plan.header_lines[(1, hc.col)]
                if len(both) * plan.lead + 2 * plan.pad_y <= sum(plan.header_h) + 0.01:
                    cells.append(HeaderCell(0, hc.col, hc.text, rowspan=2))
                    lines[(0, hc.col)] = both
                    first.add(hc.col)
                    rest.update(range(hc.col + 1, hc.col + hc.colspan))
                    continue
            if hc.row == 1 and hc.col in first:
                continue  # merged into its group's cell
            if hc.row == 1 and hc.col in rest and self.breaks["remerge_rest"] == "span":
                cells.append(HeaderCell(0, hc.col, hc.text, rowspan=2))
                lines[(0, hc.col)] = plan.header_lines[(1, hc.col)]
                continue
            cells.append(hc)
        return (cells, lines) if first else None

    def draw_fragment(self, plan: TablePlan, frag: Fragment, top: float,
                      header: tuple[list[HeaderCell], dict[tuple[int, int], list[str]]] | None = None,
                      ends: bool = True) -> float:
        pt = plan.table
        head_cells, head_lines = header or (pt.header_cells(), plan.header_lines)
        xs = plan.xs()
        n_h = pt.n_header_rows
        ys = [top]
        for h in plan.header_h:
            ys.append(ys[-1] + h)
        for _k, a, b_ in frag.rows:
            ys.append(ys[-1] + plan.row_h(b_ - a))
        # ownership of slots, for rules: header cells, then body cells (merged or single); a slot
        # no cell covers (above a sub-column of a remerged header) is an empty cell of its own
        owner: list[list[object]] = [[("e", r, c) for c in range(pt.n_cols)] for r in range(n_h)]
        for hc in head_cells:
            for r in range(hc.row, hc.row + hc.rowspan):
                for c in range(hc.col, hc.col + hc.colspan):
                    owner[r][c] = ("h", hc.row, hc.col)
        for n, (k, _a, _b) in enumerate(frag.rows):
            row = plan.rows[k].row
            line = []
            for c in range(pt.n_cols):
                if row.merge and row.merge[0] <= c < row.merge[1]:
                    line.append(("b", n, row.merge[0]))
                else:
                    line.append(("b", n, c))
            owner.append(line)
        if pt.shading is not None:
            paint_shading(self.c, self.ph, plan, [plan.rows[k].row for k, _a, _b in frag.rows], xs, ys,
                          [k for k, _a, _b in frag.rows])
        self._rules(plan, owner, xs, ys, n_h, head_cells, ends)
        # header texts: centred both ways (a group's title at its cell's start: group_start family)
        s = plan.size
        sh = pt.shading
        self._ink(sh.header_ink() if sh else None)
        for hc in head_cells:
            lines = head_lines[(hc.row, hc.col)]
            x0, x1 = xs[hc.col], xs[hc.col + hc.colspan]
            y0, y1 = ys[hc.row], ys[hc.row + hc.rowspan]
            ty = (y0 + y1) / 2 - len(lines) * plan.lead / 2
            start = pt.group_align == "start" and hc.colspan > 1
            for ln in lines:
                x = x0 + plan.pad_x if start else (x0 + x1 - self.t.width(ln, s)) / 2
                self.t.draw(x, ty + (plan.lead - s) / 2, ln, s)
                ty += plan.lead
        self._ink(None)
        # body: top-aligned
        for n, (k, a, b_) in enumerate(frag.rows):
            rp = plan.rows[k]
            y0 = ys[n_h + n]
            for c in range(pt.n_cols):
                lines = rp.cells[c][a:b_]
                if not lines:
                    continue
                span = rp.row.merge if rp.row.merge and rp.row.merge[0] == c else (c, c + 1)
                x0, x1 = xs[span[0]], xs[span[1]]
                align = self._align(plan, rp.row, c)
                self._ink(sh.cell_ink(k, span[0]) if sh else None)
                ty = y0 + plan.pad_y
                for ln in lines:
                    w = self.t.width(ln, s)
                    if align == "left":
                        x = x0 + plan.pad_x
                    elif align == "right":
                        x = x1 - plan.pad_x - w
                    else:
                        x = (x0 + x1 - w) / 2
                    self.t.draw(x, ty + (plan.lead - s) / 2, ln, s)
                    ty += plan.lead
                self._ink(None)
        return ys[-1]

    def _ink(self, ink: str | None) -> None:
        """Text printed light over a dark fill (dark_fills family), black otherwise; a black text
        sets nothing, so a bulletin without dark fills draws the bytes it drew before."""
        if ink is not None:
            self.c.setFillColorRGB(*(v / 255 for v in fill_rgb(ink)))
            self._inked = True
        elif getattr(self, "_inked", False):
            self.c.setFillGray(0)
            self._inked = False

    def _align(self, plan: TablePlan, row: BodyRow, c: int) -> str:
        pt = plan.table
        if row.kind == "span":
            return "left"
        kind = pt.columns[c].kind
        if row.kind == "total" and row.cells[c].replace(" ", "") == "合计":
            return "centre"
        if kind == "name":
            return "left"
        if kind == "label":
            return plan.label_align
        if kind == "num":
            return plan.num_align
        return "centre"

    def _rules(self, plan: TablePlan, owner: list[list[object]], xs: list[float], ys: list[float], n_h: int,
               head_cells: list[HeaderCell], ends: bool = True) -> None:
        """The table's rules, in black or in the shading's rule colour (white borders between dark
        cells, dark_zebra family); a black table sets no colour, so it draws the bytes it drew before.
        `ends`: the fragment ends the table (else the page breaks it under its last row)."""
        rules = plan.table.shading.rules if plan.table.shading else None
        if rules is not None:
            self.c.setStrokeColorRGB(*(v / 255 for v in fill_rgb(rules)))
        self._rule_lines(plan, owner, xs, ys, n_h, head_cells, self._open_foot(plan, ys, ends))
        if rules is not None:
            self.c.setStrokeGray(0)

    def _open_foot(self, plan: TablePlan, ys: list[float], ends: bool) -> float | None:
        """The open_feet family in a grid table: None where its rules are drawn as usual; else how far
        its column rules run past its last row's foot — 0 (no rule under that row) where the page
        breaks the table, as Chromium prints a row ending right at the page's content foot (html
        920010), the family's overshoot (2–6 pt, the rule under the row drawn, no text between)
        where the table ends: the counter-case."""
        if self.open_feet is None or plan.style != "grid":
            return None
        foot = self.open_feet if ends else 0.0
        self.info.setdefault("open_feet", []).append({"page": self.page, "foot": round(ys[-1], 1), "past": foot})
        return foot

    def _rule_lines(self, plan: TablePlan, owner: list[list[object]], xs: list[float], ys: list[float], n_h: int,
                    head_cells: list[HeaderCell], open_foot: float | None = None) -> None:
        c = self.c
        n_rows, n_cols = len(owner), len(owner[0])

        def hline(y: float, x0: float, x1: float, w: float) -> None:
            c.setLineWidth(w)
            c.line(x0, self.ph - y, x1, self.ph - y)

        def vline(x: float, y0: float, y1: float, w: float) -> None:
            c.setLineWidth(w)
            c.line(x, self.ph - y0, x, self.ph - y1)

        if plan.style == "three_line":
            hline(ys[0], xs[0], xs[-1], plan.heavy_w)
            hline(ys[n_h], xs[0], xs[-1], plan.line_w)
            hline(ys[-1], xs[0], xs[-1], plan.heavy_w)
            for hc in head_cells:
                if hc.colspan > 1 and hc.row + hc.rowspan < n_h + 0:
                    y = ys[hc.row + hc.rowspan]
                    hline(y, xs[hc.col] + 3, xs[hc.col + hc.colspan] - 3, plan.line_w)
            return
        # horizontal rules where the slots above and below belong to different cells
        for i in range(n_rows + 1):
            start = None
            for j in range(n_cols + 1):
                draw = j < n_cols and (i in (0, n_rows) or owner[i - 1][j] != owner[i][j])
                draw = draw and not (i == n_rows and open_foot == 0.0)  # open_feet: the row left open
                if draw and start is None:
                    start = j
                if not draw and start is not None:
                    hline(ys[i], xs[start], xs[j], plan.line_w)
                    start = None
        # vertical rules
        for j in range(n_cols + 1):
            outer = j in (0, n_cols)
            if plan.style == "no_inner_verticals" and not (outer and plan.outer_border):
                continue
            start = None
            for i in range(n_rows + 1):
                draw = i < n_rows and (outer or owner[i][j - 1] != owner[i][j])
                if draw and start is None:
                    start = i
                if not draw and start is not None:
                    past = open_foot if open_foot and i == n_rows else 0.0  # open_feet: run past the table's end
                    vline(xs[j], ys[start], ys[i] + past, plan.line_w)
                    start = None

    # ---- the document ------------------------------------------------------------------------
    def section(self, sec: Section, index: int = -1) -> None:
        wide = (sec.table is not None and self.landscape_from is not None
                and sec.table.n_cols >= self.landscape_from)
        if wide or self.pw > self.ph:
            # a wide table on pages of its own turned landscape; the next section turns back
            self.new_page(landscape=wide)
        keep = 3 * self.lead
        if sec.table is not None and not sec.paragraphs:
            keep = self.table_size * 1.3 * (sec.table.n_header_rows + 2) * 1.8 + 10
        foot = self.notes_rng is not None and sec.table is not None and bool(sec.notes) \
            and self.notes_rng.random() < 0.45 and self._to_page_foot(sec)
        if foot:
            keep = min(keep, self.room() / 2)
        role = self.typo.role(sec.table is not None and not sec.paragraphs)
        broken, orphan = None, False
        if self.breaks is not None and not foot and self.y > self.mt + 1:
            if self.breaks["title_at"] == index and self.room() > 3 * role.size:
                broken = self.page_split(sec.title, self.breaks["split"], self.breaks["rng"])
            elif self.breaks["prose_at_foot"] == index and sec.table is None:
                self._prose_to_page_foot(sec, role)
            elif (self.breaks["orphan_at"] == index and sec.table is not None and not sec.paragraphs
                  and self.room() > 4 * role.size):
                # a table's title left alone at a page's foot, its table atop the next page (a
                # producer without keep-with-next)
                orphan = True
                self.info.setdefault("orphan_titles", []).append({"section": sec.name, "page": self.page})
        if sec.columns is not None and sec.columns.foot_row and broken is None and not orphan:
            keep = self._columns_to_page_foot(sec, role)
        head_alone = self._head_alone_asked(sec, index) and not (foot or orphan or broken)
        if head_alone:
            keep = self._title_to_foot_for_head(sec, role)
        self.heading_block(sec.title, keep, role, broken=broken, at_foot=orphan)
        if orphan and self.breaks is not None and self.breaks["boxed_orphan"]:
            self._box_orphan(role)
        self.head_alone = head_alone
        for line in sec.preamble:
            self.paragraph(line, size=self.body - 0.5 if self.rng.random() < 0.5 else self.body - 1.5, indent=False,
                           centre=True)
            self.y += 2
        self.prose(sec)
        if sec.table is not None:
            self.y += self.rng.uniform(2, 6)
            note_gap = self.rng.uniform(3, 6)
            note_size, note_lead = (self.body, self.lead) if sec.close_notes else (self.note, self.note * 1.45)
            if sec.close_notes:
                note_gap = 0.0  # close_notes family: the note at the body's line pitch under the last row
            tail = 0.0
            if sec.notes and not foot:
                tail = note_gap + sum(len(self.t.wrap(n, note_size, self.width, hang=True)) for n in sec.notes) \
                    * note_lead + 2
            if self.cut_halves is not None and not foot and _side_by_side(sec.table):
                self._cut_halves_at_foot(sec)
            self.draw_table(sec.table, sec.name, tail)
            if sec.notes:
                self.y += note_gap
                left, width = self._note_frame(sec)
                for note in sec.notes:
                    centre = note.startswith("（") and self.t.width(note, self.note) < self.width and self.rng.random() < 0.6
                    self.paragraph(note, size=note_size, indent=False, centre=centre and not sec.close_notes, left=left,
                                   width=width)
            self.y += max(CM * 1.05, self.heading)
        else:
            self.y += self.body * 0.5

    def _prose_to_page_foot(self, sec: Section, role: typography.Role) -> None:
        """Move down the page so that this prose section's last line is (about) the page's last
        line; the next section's title then opens the next page (page_breaks family: a section
        ending at a page's foot and another starting atop the next are two, not one)."""
        size = role.size
        h = 1.4 * size + len(self.title_lines(sec.title, role)) * size * 1.35 + 0.7 * size
        ind = indent_em(sec) * self.body
        h += sum(len(self.para_lines(p, self.body, self.width, ind)[0]) * self.lead for p in sec.paragraphs)
        if self.y + h < self.bottom - 1:
            self.y = self.bottom - h - 0.5
            self.info["prose_at_foot"] = {"section": sec.name, "page": self.page}

    def _columns_to_page_foot(self, sec: Section, role: typography.Role) -> float:
        """Move down the page so that this section's title and one row of its columns are the
        page's last lines (two_columns family, `foot_row`); the title's keep: that row."""
        size = role.size
        h = 1.4 * size + len(self.title_lines(sec.title, role)) * size * 1.35 + 0.7 * size + self.lead
        if self.y + h < self.bottom - 1:
            self.y = self.bottom - h
        self.info.setdefault("column_foot_rows", []).append({"section": sec.name, "page": self.page})
        return self.lead

    def _to_page_foot(self, sec: Section) -> bool:
        """Move down the page so that this section's table ends with its notes at the foot of
        the page — maybe with the notes' last line over the page break (issue 9, 4). False when
        the section does not fit in what is left of this page."""
        role = self.typo.role(not sec.paragraphs)
        size = role.size
        h = 1.1 * size + len(self.title_lines(sec.title, role)) * size * 1.35 + 0.5 * size
        h += sum(len(self.t.wrap(line, self.body - 1, self.width)) * (self.body - 1) * 1.45 + 2 for line in sec.preamble)
        ind = indent_em(sec) * self.body
        h += sum(len(self.t.wrap(p, self.body, self.width, ind) if self.wraps is None
                     else self.para_lines(p, self.body, self.width, ind)[0]) * self.lead for p in sec.paragraphs)
        state = self.rng.getstate()  # measure the table without changing what is drawn next
        plan = self.plan_table(sec.table)
        self.rng.setstate(state)
        h += 4 + sum(plan.header_h) + sum(plan.row_h(r.n_lines) for r in plan.rows)
        note_lead = self.note * 1.45
        lines = sum(len(self.t.wrap(n, self.note, self.width, hang=True)) for n in sec.notes)
        h += 4.5 + lines * note_lead
        spill = self.notes_rng.choice([0, 0, 1]) if lines >= 2 else 0
        end = self.bottom - 1 + spill * note_lead
        if end - h < self.y:
            return False  # not on this page: the layout as it comes
        self.y = end - h
        self.info.setdefault("notes_at_foot", []).append({"section": sec.name, "page": self.page, "spill": spill})
        return True

    def _note_frame(self, sec: Section) -> tuple[float | None, float | None]:
        """Where a table's notes are set: across the page's text width, or (note_frames family,
        about half the tables' notes of a bulletin drawing it) in a block of their own set in from
        the page's margin by one to two ems, or the table's left edge where that is further in, as
        a producer setting them in the table's block or a paragraph style indented left does —
        their second line then starts where the first does, right of the page's margin."""
        rng = self.note_frames
        if rng is None or self.table_frame is None:
            return None, None
        if not forced("note_frames") and rng.random() >= 0.5:
            return None, None
        left = max(self.table_frame[0], self.ml + rng.uniform(1.0, 2.0) * self.note)
        self.info.setdefault("notes_set_in", []).append({"section": sec.name, "page": self.page,
                                                         "indent": round(left - self.ml, 1)})
        return left, self.ml + self.width - left

    def _cut_halves_at_foot(self, sec: Section) -> None:
        """Move down the page so that the page break cuts the last row of the side-by-side table
        whose halves both hold a channel (or, `both` false, the left half alone) after its first
        line: its names wrapped, their rests under the repeated header on the next page
        (cut_halves family; docx 710034). Nothing is moved when that row's first line does not fit
        on this page."""
        pt = sec.table
        assert pt is not None
        width = len(pt.columns) // 2
        k = max((k for k, r in enumerate(pt.rows) if r.kind == "data"), default=0)
        if k < 2:  # two rows over it: the table is not moved to the next page whole
            return
        both = bool(pt.rows[k].cells[width + 1])  # an odd number of channels leaves the right half empty
        state = self.rng.getstate()  # measure the table without changing what is drawn next
        plan = self.plan_table(pt)
        self.rng.setstate(state)
        halves = (1, width + 1) if both else (1,)
        wrapped: list[tuple[int, int]] = []
        if not both and self.cut_halves["beside"] and k >= 3:  # a row over the cut one: it can be cut
            k, halves, wrapped = k - 2, (width + 1,), [(k - 1, width + 1)]
        self._wrap_halves(plan, k, halves)
        for row, column in wrapped:
            self._wrap_name(plan, row, column)
        need = sum(plan.header_h) + sum(plan.row_h(r.n_lines) for r in plan.rows[:k]) + plan.row_h(1) + 0.5 * plan.lead
        if self.y + need > self.bottom:
            return
        self.y = self.bottom - need
        self.cut_halves.update(section=sec.name, row=k, halves=halves, wrapped=wrapped)
        self.info.setdefault("cut_halves", []).append({"section": sec.name, "page": self.page, "row": k,
                                                       "halves": len(halves), "beside": bool(wrapped)})

    def _wrap_halves(self, plan: TablePlan, k: int, halves: tuple[int, ...]) -> None:
        """The names of row k in the given columns wrapped onto two lines (a producer's column too
        narrow for them), its page break forced after the first."""
        for j in halves:
            self._wrap_name(plan, k, j)
        plan.cut_row = k

    @staticmethod
    def _wrap_name(plan: TablePlan, k: int, j: int) -> None:
        """The name in column j of row k wrapped onto two lines, near its middle, never inside a run
        of Latin letters or digits ('12320')."""
        row = plan.rows[k]
        name = row.row.cells[j]
        cuts = [i for i in range(1, len(name)) if not (name[i - 1].isascii() and name[i].isascii())
                or name[i] == " "]
        cut = min(cuts, key=lambda i: abs(i - len(name) / 2), default=len(name))
        row.cells[j] = [name[:cut].rstrip(), name[cut:].lstrip()]
        row.n_lines = max(2, row.n_lines)

    def render(self) -> None:
        b = self.b
        self.masthead()
        self.heading_block(b.events.title, 3 * self.lead)
        self.prose(b.events)
        if self.rng.random() < 0.6:
            self.new_page()
        else:
            self.y += self.heading
        # page_breaks family: '统计数据' at one page's foot, the first section's title atop the
        # next: two headings, not one broken by the page
        at_foot = (self.breaks is not None and self.breaks["stats_at_foot"] and self.y > self.mt + 1
                   and self.room() > 4 * self.typo.heading.size)
        role = self.typo.caption if b.part_is_caption() else None  # part_title family
        self.heading_block(b.part_title, 6 * self.lead, role, at_foot=at_foot)
        if at_foot:
            self.info["stats_at_foot"] = self.page
        for n, sec in enumerate(b.sections):
            self.section(sec, n)
        if b.colophon:
            self.new_page(landscape=False)
            self.y = self.ph * self.rng.uniform(0.35, 0.55)
            self.t.draw(self.ml, self.y, b.colophon[0], self.typo.colophon)
            self.y += self.typo.colophon * 2
            for line in b.colophon[1:]:
                self.t.draw(self.ml, self.y, line, self.body)
                self.y += self.lead
        self.folio()
        self.c.showPage()
        self.c.save()
        self.info["pages"] = self.page


def indent_em(sec: Section) -> float:
    """A paragraph's first-line indent in the section, in body ems: two characters, none where the
    paragraphs are set flush left (flush_paragraphs family)."""
    return 0.0 if sec.flush else 2.0


ColumnLine = tuple[int, int, str, float]
"""A paragraph's line set in a page column: its index in the paragraph, the paragraph's line
count, its text, the paragraph's tracking."""


def _offset_after(text: str, lines: list[str]) -> int:
    """Where `text` goes on after the wrapped `lines` (the spaces a line break dropped skipped)."""
    pos = 0
    for ch in "".join(lines):
        while text[pos] != ch:
            pos += 1
        pos += 1
    return pos


def draw_in_columns(r: Renderer, paragraphs: list[str], cols: PageColumns) -> None:
    """Paragraphs set in page columns (two_columns family), as frames of equal width `gap_em`
    body ems apart: on each page the columns hold what fits, the last page's balanced (or the
    right one holding two lines, or, on a page after the first, `last_right` lines:
    `_rows_before_last_page`), a vertical rule in each gutter when asked."""
    gap = (cols.hung_gap_em if r.hung_quotes and cols.hung_gap_em else cols.gap_em) * r.body
    width = (r.width - gap * (cols.count - 1)) / cols.count
    wraps = [r.para_lines(p, r.body, width, r.indent_em * r.body) for p in paragraphs]
    if r.hung_quotes:
        wraps = _cut_in_right_column(r, paragraphs, wraps, width)
    lines: list[ColumnLine] = []
    for wrapped, track in wraps:
        lines += [(i, len(wrapped), ln, track) for i, ln in enumerate(wrapped)]
    first = True
    while lines:
        rows = int(r.room() // r.lead)
        if first and cols.foot_row and rows >= 1:
            rows = 1  # the columns' first page holds one row of them (at its foot)
        elif rows < 2:
            r.new_page()
            continue
        carried, first = not first, False
        parts = _column_parts(lines, _rows_before_last_page(len(lines), rows, cols), cols, carried)
        if carried and cols.last_right and [len(part) for part in parts][1:] == [cols.last_right]:
            r.info.setdefault("column_last_pages", []).append({"page": r.page, "left": len(parts[0])})
        for k, part in enumerate(parts):
            left = r.ml + k * (width + gap)
            for row, line in enumerate(part):
                _column_line(r, line, left, width, r.y + row * r.lead)
        depth = max(len(part) for part in parts) * r.lead
        if cols.rule:
            r.c.setLineWidth(0.5)
            for k in range(1, len(parts)):
                x = r.ml + k * (width + gap) - gap / 2
                r.c.line(x, r.ph - r.y, x, r.ph - r.y - depth)
        r.y += depth
        lines = lines[sum(len(part) for part in parts):]
        if lines:
            r.new_page()


def _cut_in_right_column(r: Renderer, paragraphs: list[str], wraps: list[tuple[list[str], float]],
                         width: float) -> list[tuple[list[str], float]]:
    """The paragraphs' lines, one of the latter half's lines (the right column's, the columns on one
    page) cut before a '“' so that the next line opens with it, hung (`lines_cut_at_quote`): the
    last paragraph that can be so cut (hung_quotes family)."""
    half = (sum(len(w) for w, _ in wraps) + 1) // 2
    before = [sum(len(w) for w, _ in wraps[:k]) for k in range(len(wraps))]
    for k in reversed(range(len(paragraphs))):
        cut = r.lines_cut_at_quote(paragraphs[k], r.body, width, r.indent_em * r.body, max(0, half + 1 - before[k]))
        if cut is not None:
            return [*wraps[:k], cut, *wraps[k + 1:]]
    return wraps


def _rows_before_last_page(n: int, rows: int, cols: PageColumns) -> int:
    """The rows this page's columns take (`rows` fit) of the `n` lines left: all, but when the
    columns' last page is to hold `last_right` lines in its right column and the rest would end on
    this page with more left of them than a column holds, full rows of all but about `carry`
    lines, which with the `last_right` go on the next page (the columns end here higher up)."""
    rest = n - cols.last_right
    if not cols.last_right or rest <= rows or n > 2 * rows:
        return rows
    return max(1, (rest - min(cols.carry, rows)) // 2)


def _column_parts(lines: list[ColumnLine], rows: int, cols: PageColumns,
                  carried: bool = False) -> list[list[ColumnLine]]:
    """The lines each column of this page holds: full columns while the text goes on past the
    page, else the rest balanced (the left columns one line longer), or with two lines in the last
    column ('short_right'), or, the columns going on from the page before (`carried`), with
    `last_right` lines in the right column and the rest in the left one (Typst)."""
    n = min(len(lines), rows * cols.count)
    if n == rows * cols.count:
        heights = [rows] * cols.count
    elif carried and cols.count == 2 and 0 < cols.last_right < n - cols.last_right <= rows:
        heights = [n - cols.last_right, cols.last_right]
    elif cols.fill == "short_right" and cols.count == 2 and 4 <= n - 2 <= rows:
        heights = [n - 2, 2]
    else:
        heights = [n // cols.count + (k < n % cols.count) for k in range(cols.count)]
    out, at = [], 0
    for h in heights:
        out.append(lines[at:at + h])
        at += h
    return [part for part in out if part]


def _column_line(r: Renderer, line: ColumnLine, left: float, width: float, top: float) -> None:
    """One line of a paragraph in a column: the first indented two ems, the others justified to the
    column's width when the bulletin justifies its text, the paragraph's last left short."""
    i, count, text, track = line
    x = left + (r.indent_em * r.body if i == 0 else -r.hung(text, round((left - r.ml) / width)) * r.body)
    cs = 0.0
    natural = r.t.width(text, r.body, track) - track
    if r.justify and i < count - 1 and len(text) > 1:
        cs = (width - (x - left) - natural) / (len(text) - 1)
        cs = cs if abs(cs) <= 0.25 * r.body else 0.0
    r.t.draw(x, top + (r.lead - r.body) / 2, text, r.body, cs + track, glyphs=bool(track))


def render(b: Bulletin, path: Path, *, style: str, font: str, seed: int) -> None:
    """Draw bulletin `b` into `path`; `seed` drives the layout (margins, sizes, widths, breaks)."""
    render_info(b, path, style=style, font=font, seed=seed)


def render_info(b: Bulletin, path: Path, *, style: str, font: str, seed: int) -> dict:
    """render(), returning what was drawn how (sizes, margins, table pages, rows split by a
    page break)."""
    r = Renderer(b, Path(path), style, font, seed)
    if r.furniture.needs_total:  # '共 M 页': count the pages first
        r = Renderer(b, io.BytesIO(), style, font, seed)
        r.render()
        r = Renderer(b, Path(path), style, font, seed, total_pages=r.page)
    r.render()
    return r.info
