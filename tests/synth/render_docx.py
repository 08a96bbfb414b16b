"""Second producer: the bulletin as a Word document (python-docx), turned into PDF by LibreOffice
headless — as the real bulletin was made. Tables use Word's own merged cells, repeated header rows
and borders; LibreOffice decides line wraps and page breaks (rows may break across pages)."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell

from . import furniture, render_check, typography
from .content import Bulletin, Fill, PrintedTable, Section, fill_hex
from .draws import stream

FONTS = {"wqy-zenhei": "WenQuanYi Zen Hei", "uming": "AR PL UMing CN", "noto-sans": "Noto Sans CJK SC",
         "noto-serif": "Noto Serif CJK SC"}
STYLES = ("grid", "no_inner_verticals", "three_line")
TITLE_TAIL = re.compile(r"[（(][^（()）]{1,8}[)）]$")
"""A title's bracketed last words ('（区）', '（医院）', '（2030）')."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available_fonts() -> list[str]:
    """Fonts LibreOffice can use here (fc-list knows them)."""
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return [key for key, family in FONTS.items() if family in listed]


def _font(run, family: str, size: float, bold: bool = False) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = family
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), family)


def _paragraph(doc, text: str, family: str, size: float, *, indent: bool = False, align=None, bold=False,
               space_after: float = 0, space_before: float = 0, line: float | None = None):
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(space_after)
    p.paragraph_format.space_before = Pt(space_before)
    if line:
        p.paragraph_format.line_spacing = Pt(line)
    if indent:
        p.paragraph_format.first_line_indent = Pt(2 * size)
    if align is not None:
        p.alignment = align
    _font(p.add_run(text), family, size, bold)
    return p


def _border(parent, edges: dict[str, tuple[str, int]]) -> None:
    """edges: name → (val, size in eighths of a point); e.g. {'top': ('single', 12)}."""
    for name, (val, size) in edges.items():
        el = parent.find(qn(f"w:{name}"))
        if el is None:
            el = OxmlElement(f"w:{name}")
            parent.append(el)
        el.set(qn("w:val"), val)
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")


def _table_borders(table, style: str, rng: random.Random) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    tbl_pr.append(borders)
    thin, heavy, none = ("single", 4), ("single", 12), ("nil", 0)
    if style == "grid":
        _border(borders, {e: thin for e in ("top", "left", "bottom", "right", "insideH", "insideV")})
    elif style == "no_inner_verticals":
        outer = thin if rng.random() < 0.5 else none
        _border(borders, {"top": thin, "bottom": thin, "insideH": thin, "left": outer, "right": outer,
                          "insideV": none})
    else:
        _border(borders, {"top": heavy, "bottom": heavy, "insideH": none, "left": none, "right": none,
                          "insideV": none})


def _cell_margins(table, twips: int) -> None:
    """Every cell's text `twips` from its top and bottom edges (airy_rows family: rows far apart),
    as a table's default cell margins (w:tblCellMar)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "bottom"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)


def _cell_bottom(cell, size: int) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        tc_pr.append(borders)
    _border(borders, {"bottom": ("single", size)})


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _set_text(cell, text: str, family: str, size: float, align, spaced: bool = False) -> None:
    """`spaced` (spacing family): a run of spaces kept as typed ('单  位' keeps its two)."""
    cell.text = ""
    p = cell.paragraphs[0]
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(text)
    _font(run, family, size)
    if spaced and "  " in text:
        for t in run._element.findall(qn("w:t")):
            t.set(qn("xml:space"), "preserve")


def _table(doc, printed: PrintedTable, family: str, size: float, style: str, width_cm: float, rng: random.Random,
           spaced: bool = False):
    n_head = printed.n_header_rows
    size = _fit_size(printed, size, width_cm, rng)
    table = doc.add_table(rows=n_head + len(printed.rows), cols=printed.n_cols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _table_borders(table, style, rng)
    if printed.row_pad_em:
        _cell_margins(table, round(printed.row_pad_em * size * 20))
    widths = [Cm(w) for w in _widths(printed, size, width_cm, rng)]
    _fixed_grid(table, widths)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    for r in range(n_head):
        _repeat_header(table.rows[r])
    for hc in printed.header_cells():
        cell = table.cell(hc.row, hc.col)
        if hc.rowspan > 1 or hc.colspan > 1:
            cell = cell.merge(table.cell(hc.row + hc.rowspan - 1, hc.col + hc.colspan - 1))
        start = printed.group_align == "start" and hc.colspan > 1  # group_start family
        _set_text(cell, hc.text, family, size, WD_ALIGN_PARAGRAPH.LEFT if start else WD_ALIGN_PARAGRAPH.CENTER, spaced)
        if style == "three_line" and (hc.row + hc.rowspan < n_head):
            _cell_bottom(cell, 4)  # the short rule under a group header
    if style == "three_line":
        # The rule under the header, on every cell of the last header row and on the first
        # cell of each vertical merge reaching it (LibreOffice draws a merge's border from there).
        for r in range(n_head):
            for tc in table.rows[r]._tr.tc_lst:
                if r == n_head - 1 or tc.vMerge == "restart":
                    _cell_bottom(_Cell(tc, table), 4)
    for i, body in enumerate(printed.rows):
        r = n_head + i
        for c, text in enumerate(body.cells):
            kind = printed.columns[c].kind
            align = WD_ALIGN_PARAGRAPH.RIGHT if kind == "num" else (
                WD_ALIGN_PARAGRAPH.CENTER if kind in ("seq", "label") else WD_ALIGN_PARAGRAPH.LEFT)
            _set_text(table.cell(r, c), text, family, size, align, spaced)
        if body.kind == "span":
            merged = table.cell(r, 0).merge(table.cell(r, printed.n_cols - 1))
            _set_text(merged, body.cells[0], family, size, WD_ALIGN_PARAGRAPH.LEFT, spaced)
        elif body.merge is not None:
            a, b = body.merge
            merged = table.cell(r, a).merge(table.cell(r, b - 1))
            _set_text(merged, body.cells[a], family, size, WD_ALIGN_PARAGRAPH.CENTER, spaced)
    if printed.shading is not None:
        _shade(table, printed)
    return table


def _shd(grey: Fill):
    """A w:shd element filling with this grey (or colour), as Word's table styles shade cells."""
    el = OxmlElement("w:shd")
    el.set(qn("w:val"), "clear")
    el.set(qn("w:color"), "auto")
    el.set(qn("w:fill"), fill_hex(grey))
    return el


def _shade_cell(tc, grey: Fill, ink: str | None = None) -> None:
    """The cell's fill; its text in `ink` when the fill is dark (dark_fills family)."""
    tc_pr = tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    tc_pr.append(_shd(grey))
    if ink is not None:
        for run in _Cell(tc, None).paragraphs[0].runs:
            run.font.color.rgb = RGBColor.from_string(ink)


def _shade(table, printed: PrintedTable) -> None:
    """The shading family through the table's own shading (w:shd): the backdrop on the table, the
    header band on every header cell, a row's fill on its cells, a single cell's over it."""
    sh = printed.shading
    assert sh is not None
    n_head = printed.n_header_rows
    if sh.rules is not None:  # white borders between dark cells (dark_zebra family): every border's colour
        for el in table._tbl.iter(*(qn(f"w:{e}") for e in ("top", "left", "bottom", "right", "insideH", "insideV"))):
            if el.get(qn("w:color")) is not None:
                el.set(qn("w:color"), sh.rules)
    if sh.backdrop is not None:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        borders.addnext(_shd(sh.backdrop))
    for r in range(n_head):
        for tc in table.rows[r]._tr.tc_lst:
            if sh.header is not None:
                _shade_cell(tc, sh.header, sh.header_ink())
    for i in range(len(printed.rows)):
        # a merged cell is shaded by its first column, as reportlab paints it. The cells themselves are
        # kept, not their id(): lxml frees a cell's Python proxy once nothing holds it, and a later
        # cell's proxy may then get the same id — a cell left unshaded in one run, shaded in the next
        seen: list = []
        for c in range(printed.n_cols):
            tc = table.cell(n_head + i, c)._tc
            grey = sh.cell_grey(i, c)
            if grey is not None and not any(tc is cell for cell in seen):
                _shade_cell(tc, grey, sh.cell_ink(i, c))
            seen.append(tc)


def _text_cm(text: str, size: float) -> float:
    points = sum(size if ord(ch) > 0x2E80 else 0.62 * size for ch in text)
    return points / 72 * 2.54


def _widths(printed: PrintedTable, size: float, width_cm: float, rng: random.Random) -> list[float]:
    """Figures never wrap (their column is as wide as the widest figure plus padding); the name
    column takes what is left, so long names wrap inside it."""
    padding = 0.6  # LibreOffice's default cell margins and a little air
    need = []
    for j, column in enumerate(printed.columns):
        cells = [row.cells[j] for row in printed.rows if row.kind != "span" and j < len(row.cells)
                 and not (row.merge and row.merge[0] <= j < row.merge[1])]
        if column.narrow:  # units family: the figure's 万 wraps onto a line of its own
            cells = [c.rstrip("万亿") for c in cells]
        widest = max((_text_cm(c, size) for c in cells), default=0.0)
        words = max((_text_cm(part, size) for part in column.header[-1:] for part in [part[:4]]), default=0.0)
        need.append((widest if column.narrow else max(widest, words)) + padding)
    flexible = [j for j, c in enumerate(printed.columns) if c.kind in ("name", "text")]
    fixed = sum(w for j, w in enumerate(need) if j not in flexible)
    spare = max(width_cm - fixed, 2.5 * len(flexible) or 0.0)
    widths = list(need)
    for j in flexible:
        widths[j] = min(need[j], spare * rng.uniform(0.55, 1.0) / len(flexible))
        widths[j] = max(widths[j], _text_cm("医院医院医院", size) + padding)
    return widths


def _fit_size(printed: PrintedTable, size: float, width_cm: float, rng: random.Random) -> float:
    """The largest size (not above the one chosen) at which the figures fit on one line."""
    for candidate in (size, 10, 9.5, 9, 8.5, 8, 7.5, 7):
        if candidate <= size and sum(_widths(printed, candidate, width_cm, random.Random(0))) <= width_cm:
            return candidate
    return 7


def _fixed_grid(table, widths) -> None:
    """LibreOffice lays a table out from <w:tblGrid>, not from the cells' widths."""
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips if hasattr(width, "twips") else width / 635)))
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def build(b: Bulletin, path: Path, *, style: str, font: str, seed: int) -> Path:
    """Write the bulletin as .docx (no PDF yet)."""
    rng = random.Random(seed * 7919 + 17)
    family = FONTS[font]
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    margin = rng.uniform(1.8, 3.0)
    section.left_margin = section.right_margin = Cm(margin)
    section.top_margin = section.bottom_margin = Cm(rng.uniform(2.0, 2.8))
    body, title, small = rng.choice([12, 13, 14]), rng.choice([16, 17, 18]), rng.choice([9, 10, 10.5])
    width_cm = 21.0 - 2 * margin
    furn = furniture.draw(stream("furniture", seed), b.year, b.issuer) if "furniture" in b.draws else None
    footer = section.footer.paragraphs[0]
    if furn is None:
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number_field(footer, family, 10)
    else:
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER if furn.folio_align == "centre" else WD_ALIGN_PARAGRAPH.RIGHT
        _folio(footer, furniture.FOLIOS[furn.folio], family, furn.folio_size)
        if furn.header:
            _running_header(section, furn, family, 21.0 - 2 * margin)
    wide_from = furniture.landscape(stream("landscape", seed)) if "landscape" in b.draws else None
    if "typography" in b.draws:
        # Word can make a title bold (LibreOffice then fakes the weight for a face without a
        # bold one) or leave it regular; the face and size are drawn as for every producer
        typo = typography.draw(stream("typography", seed), font, available_fonts(), body, 0.0, title,
                               weights=("regular", "bold"))
        body = typo.body
        masthead, colophon = typo.masthead, typo.colophon
    else:
        role = typography.Role(title, font, "bold", "centre")
        typo = typography.Typography("legacy", body, 0.0, role, role, body, title)
        masthead, colophon = body, title
    lay = _Layout(typo, family, small, style, width_cm)
    lay.wide_from = wide_from
    if "wraps" in b.draws:
        wraps = stream("wraps", seed)
        lay.wraps = wraps if wraps.random() < 0.6 else None
        # ragged text: a line ending before a bracketed group kept whole ('（2019），') stays short
        if random.Random(f"wraps-ragged-{seed}").random() < 0.3:
            lay.text_align = WD_ALIGN_PARAGRAPH.LEFT

    lay.loose = "page_breaks" in b.draws and stream("page_breaks", seed).random() < 0.5
    lay.spaced = "spacing" in b.draws
    mast = furniture.masthead(stream("masthead", seed), b.year) if "masthead" in b.draws else None
    if mast is not None and mast.name:
        # the bulletin's name set large above the masthead line (masthead family): no section
        size = round(body * mast.name_scale * 2) / 2
        for k, line in enumerate(mast.name):
            _paragraph(doc, line, family, size if k == 0 else max(body, size * 0.6), align=WD_ALIGN_PARAGRAPH.CENTER,
                       bold=k == 0 and mast.name_weight != "regular", space_after=4)
    if mast is not None and mast.wrap:
        # the masthead line so large that it wraps inside its date: the first part and a little
        # less than the rest fill the line
        head, _ = mast.date_split(b.masthead[1])
        aim = width_cm / (_text_cm(f"{b.masthead[0]} {head}", 1.0) + 0.35 / 72 * 2.54)
        masthead = round(aim, 1) if aim <= 3 * body else masthead
    _paragraph(doc, f"{b.masthead[0]} {b.masthead[1]}", family, masthead, space_after=12)
    _section(doc, b.events, lay, rng)
    lay.heading(doc, b.part_title, typo.caption if b.part_is_caption() else typo.heading)  # part_title family
    for s in b.sections:
        _section(doc, s, lay, rng)
    if lay.landscape:
        _turn(doc, False)
    if b.colophon:
        _paragraph(doc, b.colophon[0], family, colophon, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        for line in b.colophon[1:]:
            _paragraph(doc, line, family, small + 1)
    doc.save(path)
    return path


class _Layout:
    """The bulletin's typography and table settings, as the sections need them."""

    ALIGN = {"centre": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT, "indent": WD_ALIGN_PARAGRAPH.LEFT}

    def __init__(self, typo: typography.Typography, family: str, small: float, style: str, width_cm: float):
        self.typo, self.family, self.small, self.style, self.width_cm = typo, family, small, style, width_cm
        self.body = typo.body
        self.wide_from: int | None = None  # tables of this many columns go on landscape pages
        self.landscape = False  # the current page is
        self.wraps: random.Random | None = None  # wraps family: titles in narrow boxes
        self.loose = False  # page_breaks family: titles' lines not kept together
        self.text_align = WD_ALIGN_PARAGRAPH.JUSTIFY  # wraps family: maybe ragged (LEFT)
        self.spaced = False  # spacing family: table cells keep their runs of spaces

    def title(self, doc, text: str, role: typography.Role, *, over_table: bool = False) -> None:
        """A section's title; the wraps family may set it in a box so narrow (paragraph indents)
        that its bracketed tail goes alone onto the next line ('…采集情况' / '（区）').
        `over_table`: the table comes right under it (see `heading`)."""
        p = self.heading(doc, text, role, kept=not over_table)
        if self.loose:
            p.paragraph_format.widow_control = False  # a two-line title may break over a page
        tail = TITLE_TAIL.search(text)
        if self.wraps is None or not tail or self.wraps.random() >= 0.7:
            return
        head = text[:tail.start()].rstrip()
        need = _text_cm(head, role.size) + (0.7 + (2 if role.align == "indent" else 0)) * role.size / 72 * 2.54
        spare = self.width_cm + (29.7 - 21.0 if self.landscape else 0.0) - need
        if spare <= 0:
            return
        if role.align == "centre":
            p.paragraph_format.left_indent = p.paragraph_format.right_indent = Cm(spare / 2)
        else:
            p.paragraph_format.right_indent = Cm(spare)

    def heading(self, doc, text: str, role: typography.Role, *, kept: bool = True):
        """A title kept with what follows, as an editor's heading style keeps it (and as html's
        'break-after: avoid'), unless the page_breaks family leaves it loose or a table comes right
        under it (`kept` False). LibreOffice 7.4 prints a title kept with a table nowhere when that
        table ends near a page's foot with another title after it: '…健康证系统数据统计' over its
        table at the foot of a page (seed 707726 --quirks), and with its table and the next title
        before a continuous section of columns (seed 720062). Kept with text, a title is laid out:
        with no title kept, LibreOffice left one standing between two tables off every page when a
        continuous section of columns followed (seed 710287, '6、…健康证系统数据统计'); with the
        titles over text kept it is printed."""
        p = _paragraph(doc, text, FONTS.get(role.font, self.family), role.size, align=self.ALIGN[role.align],
                       indent=role.align == "indent", bold=role.weight != "regular", space_after=6,
                       space_before=0 if self.typo.kind == "legacy" else round(role.size * 0.5))
        p.paragraph_format.keep_with_next = kept and not self.loose
        return p

    def text(self, doc, text: str, flush: bool = False) -> None:
        """A body paragraph, its first line indented two characters unless set flush left
        (flush_paragraphs family). A number after a space is marked (`_mark_number_breaks`): in one
        column as in two, LibreOffice lost its first digit when a justified line ended at the space."""
        _paragraph(doc, _mark_number_breaks(text), self.family, self.body, indent=not flush, align=self.text_align,
                   line=self.typo.lead or None)


def _field(paragraph, name: str, family: str, size: float) -> None:
    """A PAGE or NUMPAGES field in its own run."""
    run = paragraph.add_run()
    _font(run, family, size)
    for kind, text in (("begin", None), (None, f" {name} "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._element.append(el)


def _folio(paragraph, pattern: str, family: str, size: float) -> None:
    """A folio like '第 {n} 页  共 {m} 页': {n} the PAGE field, {m} NUMPAGES."""
    for part in re.split(r"(\{[nm]\})", pattern):
        if part == "{n}":
            _field(paragraph, "PAGE", family, size)
        elif part == "{m}":
            _field(paragraph, "NUMPAGES", family, size)
        elif part:
            _font(paragraph.add_run(part), family, size)


def _running_header(section, furn: furniture.Furniture, family: str, width_cm: float) -> None:
    """The issuer/title line at the head of every page, maybe with a rule under it."""
    section.different_first_page_header_footer = not furn.header_on_first_page
    p = section.header.paragraphs[0]
    if len(furn.header) == 1:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(p.add_run(furn.header[0]), family, furn.header_size)
    else:
        p.paragraph_format.tab_stops.add_tab_stop(Cm(width_cm), alignment=2)  # right-aligned
        _font(p.add_run(f"{furn.header[0]}\t{furn.header[1]}"), family, furn.header_size)
    if furn.header_rule:
        p_pr = p._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        p_pr.append(borders)
        _border(borders, {"bottom": ("single", int(furn.header_rule * 8))})
    if not furn.header_on_first_page:
        # the first page keeps the folio but has no running header
        _folio(section.first_page_footer.paragraphs[0], furniture.FOLIOS[furn.folio], family, furn.folio_size)
        section.first_page_footer.paragraphs[0].alignment = section.footer.paragraphs[0].alignment


def _page_number_field(paragraph, family: str, size: float) -> None:
    """'- N -' with N a PAGE field, as the bulletin's folio."""
    _font(paragraph.add_run("- "), family, size)
    _field(paragraph, "PAGE", family, size)
    _font(paragraph.add_run(" -"), family, size)


def _turn(doc, landscape: bool) -> None:
    """A new page (a new Word section) turned landscape or back to portrait."""
    prev = doc.sections[-1]
    new = doc.add_section(WD_SECTION.NEW_PAGE)
    short, long_ = min(prev.page_width, prev.page_height), max(prev.page_width, prev.page_height)
    new.different_first_page_header_footer = False  # the running header on every page of it
    new.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    new.page_width, new.page_height = (long_, short) if landscape else (short, long_)


def _section(doc, s: Section, lay: _Layout, rng: random.Random) -> None:
    family, small = lay.family, lay.small
    wide = s.table is not None and lay.wide_from is not None and s.table.n_cols >= lay.wide_from
    if wide or lay.landscape:
        _turn(doc, wide)
        lay.landscape = wide
    lay.title(doc, s.title, lay.typo.role(s.table is not None and not s.paragraphs),
              over_table=s.table is not None and not s.preamble and not s.paragraphs)
    for line in s.preamble:
        _paragraph(doc, line, family, small + 1, align=WD_ALIGN_PARAGRAPH.CENTER)
    if s.columns is not None and s.paragraphs:
        _column_paragraphs(doc, s, lay)
    else:
        for text in s.paragraphs:
            lay.text(doc, text, s.flush)
    if s.table is not None:
        width = lay.width_cm + (29.7 - 21.0 if lay.landscape else 0.0)
        _table(doc, s.table, family, small, lay.style, width, rng, spaced=lay.spaced)
    for note in s.notes:
        if s.close_notes:  # close_notes family: in the body's size and leading, right under the table
            _paragraph(doc, note, family, lay.body, align=WD_ALIGN_PARAGRAPH.LEFT, line=lay.typo.lead or None)
        else:
            _paragraph(doc, note, family, small, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(doc, "", family, lay.body, space_after=6)


def _columns_element(section, count: int, gap_pt: float, rule: bool) -> None:
    """The Word section set in `count` columns `gap_pt` apart, a line between them or none
    (w:cols num, space in twentieths of a point, sep); count 1: back to one column."""
    sect = section._sectPr
    cols = sect.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sect.append(cols)
    for name in ("w:num", "w:space", "w:sep", "w:equalWidth"):
        cols.attrib.pop(qn(name), None)
    if count > 1:
        cols.set(qn("w:num"), str(count))
        cols.set(qn("w:space"), str(round(gap_pt * 20)))
        cols.set(qn("w:sep"), "1" if rule else "0")
    else:
        cols.set(qn("w:space"), "720")


def _column_paragraphs(doc, s: Section, lay: _Layout) -> None:
    """The section's paragraphs in a continuous Word section of page columns (two_columns family):
    LibreOffice balances the columns of a section that ends on the page. Widow and orphan control
    is off in them, as an editor turns it off there: with it, a paragraph of three lines stays
    whole in the left column beside an empty right one. The text after it is back in one column."""
    cols = s.columns
    assert cols is not None
    doc.add_section(WD_SECTION.CONTINUOUS)
    _columns_element(doc.sections[-1], cols.count, cols.gap_em * lay.body, cols.rule)
    for text in s.paragraphs:
        lay.text(doc, text, s.flush)
        doc.paragraphs[-1].paragraph_format.widow_control = False
    doc.add_section(WD_SECTION.CONTINUOUS)  # ends the columns' section (its properties copied into the break)
    _columns_element(doc.sections[-1], 1, 0.0, False)


def _mark_number_breaks(text: str) -> str:
    """A zero-width space (U+200B, which LibreOffice prints as nothing) between a space and the
    number after it: when a justified column line ended at such a space, LibreOffice printed the
    number's first digit nowhere ('覆盖全市 83 家' as '市 ' / '3 家', seed 186; '电话 277830个' lost
    its '2', seed 710142; in one column too: '覆盖全市 61 家' as '市 ' / '1 家', seed 790282). With
    the explicit break the line ends where it did and keeps the digit (a non-breaking space kept it
    too but stretched narrow columns' lines wide)."""
    return re.sub(r"(?<=\S) (?=\d)", " \u200b", text)


def convert(docx_files: list[Path], out_dir: Path, timeout: float = 600) -> list[Path]:
    """All documents in one LibreOffice run (start-up dominates), with a private profile. A PDF that
    prints less text than its document holds is laid out again (`_lay_out_again`)."""
    office = soffice()
    if office is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    _soffice(office, "pdf", docx_files, out_dir, timeout)
    pdfs = [out_dir / f"{f.stem}.pdf" for f in docx_files]
    missing = [p.name for p in pdfs if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}")
    _lay_out_again(office, [(d, p) for d, p in zip(docx_files, pdfs) if render_check.docx_defect(d, p)], timeout)
    return pdfs


def _soffice(office: str, kind: str, files: list[Path], out_dir: Path, timeout: float) -> None:
    """Convert `files` to `kind` (pdf, odt) into `out_dir` in one LibreOffice run, with a private profile."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", kind,
                        "--outdir", str(out_dir), *map(str, files)],
                       check=True, capture_output=True, timeout=timeout)


def _lay_out_again(office: str, lost: list[tuple[Path, Path]], timeout: float) -> None:
    """(docx, pdf) pairs whose PDF prints some of the document's text on no page (render_check: LibreOffice
    7.4 lost three titles and a paragraph between tables of docx 740108): each document saved as .odt
    and that laid out afresh, which prints them; the new PDF replaces the old one only when it prints
    everything (otherwise the sweep reports the old one as a render defect). A bulletin printed whole
    the first time is never laid out again, so no other bulletin prints differently."""
    if not lost:
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _soffice(office, "odt", [docx for docx, _ in lost], folder, timeout)
        _soffice(office, "pdf", [folder / f"{docx.stem}.odt" for docx, _ in lost], folder, timeout)
        for docx, pdf in lost:
            again = folder / f"{docx.stem}.pdf"
            if again.exists() and render_check.docx_defect(docx, again) is None:
                shutil.copyfile(again, pdf)
