"""Third producer: the bulletin as HTML with print CSS, printed to PDF by headless Chromium.

Independent of reportlab (which the tests drive glyph by glyph) and of Word/LibreOffice: Chromium
(Skia) lays the text out itself, embeds CJK faces as CID or Type 3 fonts (with no FontBBox), may
map common characters to Kangxi / CJK Radicals Supplement code points, and paints every CSS
border as a thin filled rectangle (no stroked lines at all) — the classes of issue 9 (2, 3).
Tables use CSS borders in the three styles, <thead> rows that Chromium repeats on every page,
colspan/rowspan merges; pages, margins, folios and running headers come from @page rules (margin
boxes), landscape pages from a named page.

Needs Debian `chromium` (tests skip without it). One Chromium prints a whole run (chromium.py).
"""

from __future__ import annotations

import functools
import html
import random
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import chromium as cdp
from . import furniture, head_gaps, page_draws, typography
from .content import Bulletin, Fill, PrintedTable, Section, fill_hex, is_dark
from .draws import forced, stream
from .render_docx import FONTS
from .render_docx import available_fonts as _fc_fonts

STYLES = ("grid", "no_inner_verticals", "three_line")
TITLE_TAIL = re.compile(r"[（(][^（()）]{1,8}[)）]$")
"""A title's bracketed last words ('（区）', '（医院）', '（2030）')."""


def _ems(text: str) -> float:
    """About how many ems a line of text takes: CJK one each, digits and Latin about half, a
    space less (the browser's own measure decides; this only aims a box's width)."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.3 if ch.isspace() else 0.55 for ch in text)


@functools.cache
def chromium() -> str | None:
    """The Chromium executable, if it runs here (Debian's /usr/bin/chromium is a wrapper script
    that stays behind when the browser itself is missing)."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        return None
    try:
        subprocess.run([exe, "--version"], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return exe


def available_fonts() -> list[str]:
    """CJK faces fontconfig knows here (Chromium finds them by family name)."""
    return _fc_fonts()


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _folio_content(pattern: str) -> str:
    """'第 {n} 页  共 {m} 页' → CSS content with the page counters."""
    out, rest = [], pattern
    while rest:
        i = min((rest.find(k) for k in ("{n}", "{m}") if k in rest), default=-1)
        if i < 0:
            out.append(_css_string(rest))
            break
        if i:
            out.append(_css_string(rest[:i]))
        out.append("counter(page)" if rest[i:i + 3] == "{n}" else "counter(pages)")
        rest = rest[i + 3:]
    return " ".join(out)


class Page:
    """The bulletin's page, type and table settings, drawn from the seed. A printer of its own
    (render_weasyprint.py) subclasses it: its own random stream, the title weights it can print,
    CSS of its own after this one's."""

    producer = "html"
    """Names the page's random stream ('html-<seed>')."""
    weights: tuple[str, ...] = ("regular", "bold", "stroke")
    stroke = "-webkit-text-stroke: 0.35pt #000;"
    """How a stroked title is printed (Chromium's own property)."""

    rests_on_named_pages = False  # a table's rest broken by a row onto a page of its own shape (WeasyPrint)

    def __init__(self, b: Bulletin, style: str, font: str, seed: int):
        rng = self.rng = random.Random(f"{self.producer}-{seed}")
        self.style, self.font, self.family = style, font, FONTS[font]
        m = page_draws.metrics(rng)
        self.body, self.lead, self.table_size, self.note, self.margins = m.body, m.lead, m.table_size, m.note, m.margins
        self.latin, self.outer, self.line, self.heavy = m.latin, m.outer, m.line, m.heavy
        self.pad = (round(rng.uniform(1.5, 4.0), 1), round(rng.uniform(2.0, 4.5), 1))
        # figures level with the first line of a wrapped name, or centred between its lines
        self.valign = rng.choice(["top", "middle"])
        heading = round(self.body * rng.uniform(1.2, 1.4) * 2) / 2
        drawn = page_draws.draw(b, seed, font, available_fonts(), self.body, self.lead, heading, self.weights)
        self.typo, self.furniture, self.wide_from = drawn.typo, drawn.furniture, drawn.wide_from
        self.mast, self.wraps, self.tails = drawn.mast, drawn.wraps, drawn.tails
        self.mast_boxes = drawn.boxes
        self.body, self.lead = self.typo.body, self.typo.lead
        # wraps family: some bulletins set their text ragged, not justified; a line that ends
        # before a bracketed group Chromium keeps whole ('（2019），') then stays visibly short
        ragged = self.wraps is not None and random.Random(f"wraps-ragged-{seed}").random() < 0.3
        self.text_align = "left" if ragged else "justify"
        # page_breaks family: titles not kept with what follows, nor their lines together — a
        # title may be left at a page's foot, or broken by the page between its lines
        loose = "page_breaks" in b.draws and stream("page_breaks", seed).random() < 0.5
        self.keep = "break-after: auto; orphans: 1; widows: 1;" if loose else "break-after: avoid;"
        self.drawn: dict = {}
        self.draws = b.draws
        # head_gaps family (its own stream): header labels set close, or autospaced inside
        self.head_gaps = head_gaps.draw(stream("head_gaps", seed), forced("head_gaps")) if "head_gaps" in b.draws else None
        # recentred_rests family (its own stream; producers whose named pages a row breaks onto)
        self.recentred_rests = self.rests_on_named_pages and "recentred_rests" in b.draws and (
            forced("recentred_rests") or stream("recentred_rests", seed).random() < 0.5)

    @property
    def text_width(self) -> float:
        """The text block's width in points (A4 portrait)."""
        return (21.0 - self.margins[1] - self.margins[3]) / 2.54 * 72

    def title_attrs(self, title: str, role: typography.Role) -> str:
        """wraps family: a title box so narrow that the title's bracketed tail goes alone onto the
        next line ('…采集情况' / '（区）'): as wide as the rest and less than an em more."""
        tail = TITLE_TAIL.search(title)
        if not (self.tails and tail and self.wraps.random() < 0.7):
            return ""
        head = title[:tail.start()].rstrip()
        ems = _ems(head) + (2 if role.align == "indent" else 0) + 0.7
        self.drawn.setdefault("narrow_titles", []).append(title)
        centre = " margin-left: auto; margin-right: auto;" if role.align == "centre" else ""
        return f' style="max-width: {ems:.2f}em;{centre}"'

    def faces(self, font: str) -> str:
        names = ([self.latin] if self.latin else []) + [FONTS[font], "serif"]
        return ", ".join(_css_string(n) if n != "serif" else n for n in names)

    def role_css(self, cls: str, role: typography.Role) -> str:
        weight = "bold" if role.weight == "bold" else "normal"
        stroke = self.stroke if role.weight == "stroke" else ""
        align = "center" if role.align == "centre" else "left"
        indent = "2em" if role.align == "indent" else "0"
        before = round(role.size * self.rng.uniform(0.6, 1.3), 1)
        return (f".{cls} {{ font-family: {self.faces(role.font)}; font-size: {role.size}pt; font-weight: {weight};"
                f" {stroke} text-align: {align}; text-indent: {indent}; margin: {before}pt 0 {round(role.size * 0.5, 1)}pt;"
                f" line-height: 1.35; {self.keep} }}")

    def css(self) -> str:
        t, m = self.margins, self.furniture
        line, heavy = f"{self.line}pt solid #000", f"{self.heavy}pt solid #000"
        folio = f"content: {_folio_content(furniture.FOLIOS[m.folio])}; font-family: {self.faces(self.font)};" \
                f" font-size: {m.folio_size}pt;"
        pages = [f"@page {{ size: A4; margin: {t[0]}cm {t[1]}cm {t[2]}cm {t[3]}cm;"]
        if m.folio_align == "centre":
            pages[0] += f" @bottom-center {{ {folio} }} }}"
        else:
            pages[0] += " }"
            pages.append(f"@page :right {{ @bottom-right {{ {folio} }} }}")
            pages.append(f"@page :left {{ @bottom-left {{ {folio} }} }}")
        if m.header:
            rule = f"border-bottom: {m.header_rule}pt solid #000;" if m.header_rule else ""
            box = f"font-family: {self.faces(self.font)}; font-size: {m.header_size}pt; {rule} vertical-align: bottom;" \
                  " padding-bottom: 2pt;"
            if len(m.header) == 1:
                boxes = f"@top-center {{ content: {_css_string(m.header[0])}; {box} }}"
            else:
                boxes = (f"@top-left {{ content: {_css_string(m.header[0])}; {box} }}"
                         f" @top-center {{ content: \"\\00a0\"; {box} }}"
                         f" @top-right {{ content: {_css_string(m.header[1])}; {box} }}")
            pages.append(f"@page {{ {boxes} }}")
            if not m.header_on_first_page:
                pages.append("@page :first { @top-left { content: none; } @top-center { content: none; }"
                             " @top-right { content: none; } }")
        pages.append("@page wide { size: A4 landscape; }")
        table = {
            "grid": f"td, th {{ border: {line}; }}",
            "no_inner_verticals": f"td, th {{ border-top: {line}; border-bottom: {line}; }}"
                                  + (f" table {{ border-left: {line}; border-right: {line}; }}" if self.outer else "")
                                  + f" th.group {{ border-bottom: {line}; }}",
            "three_line": f"table {{ border-top: {heavy}; border-bottom: {heavy}; }} thead {{ border-bottom: {line}; }}"
                          f" th.group {{ border-bottom: {line}; }}",
        }[self.style]
        return "\n".join(pages + [
            f"body {{ font-family: {self.faces(self.font)}; font-size: {self.body}pt; line-height: {self.lead}pt;"
            " margin: 0; }",
            "p { margin: 0; }",
            f"p.text {{ text-indent: 2em; text-align: {self.text_align}; }}",
            f"p.pre {{ text-align: center; font-size: {self.body - 1}pt; }}",
            f"p.note {{ font-size: {self.note}pt; line-height: 1.45; margin-top: 4pt; }}",
            self.role_css("h", self.typo.heading),
            self.role_css("cap", self.typo.caption),
            f".mast {{ display: flex; justify-content: space-between; font-size: {self.typo.masthead}pt;"
            f" border-bottom: {self.rng.choice([0.8, 1.0, 1.5])}pt solid #000; padding-bottom: 4pt; margin-bottom: 12pt; }}",
            f"table {{ border-collapse: collapse; margin: 6pt auto 0; font-size: {self.table_size}pt; line-height: 1.3; }}",
            f"td, th {{ padding: {self.pad[1]}pt {self.pad[0]}pt; font-weight: normal; vertical-align: {self.valign}; }}",
            "td.num { text-align: " + self.rng.choice(["right", "center"]) + "; white-space: nowrap; }",
            "td.name { text-align: left; } td.seq, td.label, td.text { text-align: center; }",
            "td.narrow { white-space: normal; }",  # units family: '38682.77' / '万' (its width set on each cell)
            "tr { break-inside: avoid; }",
            table,
            head_gaps.css(self.head_gaps, self.pad[0]),
            ".wide { page: wide; }",
            ".sec { margin-bottom: 18pt; }",
            f".colophon {{ break-before: page; padding-top: {self.rng.randint(30, 45)}vh; }}",
            f".colophon .first {{ font-size: {self.typo.colophon}pt; margin-bottom: 12pt; }}",
        ])


def _background(grey: Fill | None, ink: str | None = None) -> str:
    """A CSS background of this grey or colour (none for None), printed as it is (Chromium leaves
    backgrounds out of print unless told); over a dark fill the text light (dark_fills family)."""
    if grey is None:
        return ""
    color = f" color: #{ink.lower()};" if ink is not None and is_dark(grey) else ""
    return f"background: #{fill_hex(grey).lower()}; -webkit-print-color-adjust: exact; print-color-adjust: exact;{color}"


def _styled(css: str) -> str:
    return f' style="{css}"' if css else ""


def _shade(t: PrintedTable, where: str, row: int = -1, col: int = -1, css: str = "") -> str:
    """The style attribute painting the shading family's fill of a table's part ('th': the header
    band; 'tr': a body row; 'td': a body cell) after `css` of its own, '' when neither."""
    sh = t.shading
    if sh is None:
        return _styled(css)
    grey = {"th": sh.header, "tr": sh.row_grey(row), "td": sh.cells.get((row, col))}[where]
    return _styled(css + _background(grey, sh.ink))


def _figure_ems(t: PrintedTable, c: int) -> float:
    """A narrow unit column's width: its widest figure without the unit (a digit is about half an
    em), so that the 万 goes onto a line of its own and the header wraps no tighter."""
    return 0.55 * max((len(row.cells[c].rstrip("万亿")) for row in t.rows if c < len(row.cells)), default=2)


def _light_rules(colour: str) -> str:
    """A style element printing the next table's borders in `colour` (white borders between dark
    cells, dark_zebra family): the stylesheet's borders keep their width and kind."""
    parts = ("table.rules", "table.rules thead", "table.rules td", "table.rules th")
    return f"<style>{', '.join(parts)} {{ border-color: #{colour.lower()}; }}</style>"


def _table(t: PrintedTable, size: float | None, spaced: bool = False, gaps: head_gaps.HeadGaps | None = None,
           break_last: bool = False) -> str:
    """`spaced` (spacing family): a cell's run of spaces printed as typed ('单  位' keeps its two),
    not collapsed to one as HTML would. Backgrounds (shading family) on th, tr and td.
    `break_last` (recentred_rests family): the last row goes on the next page."""
    sh = t.shading
    style = _styled((f"font-size: {size}pt;" if size else "") + _background(sh.backdrop if sh else None))

    def cell(text: str) -> str:
        return f'<span style="white-space: pre-wrap">{_e(text)}</span>' if spaced and "  " in text else _e(text)

    if sh is None or sh.rules is None:
        out = [f"<table{style}><thead>"]
    else:
        out = [_light_rules(sh.rules), f'<table class="rules"{style}><thead>']
    if t.row_pad_em:  # airy_rows family: rows far apart
        out[-1] = out[-1].replace("<table", f'<table data-airy="{t.row_pad_em}"', 1)
        out.insert(-1, f'<style>table[data-airy="{t.row_pad_em}"] td {{ padding-top: {t.row_pad_em + 0.2}em;'
                       f' padding-bottom: {t.row_pad_em + 0.2}em; }}</style>')
    n = t.n_header_rows
    cells = t.header_cells()
    for r in range(n):
        out.append("<tr>")
        for hc in (c for c in cells if c.row == r):
            span = (f' colspan="{hc.colspan}"' if hc.colspan > 1 else "") + (f' rowspan="{hc.rowspan}"' if hc.rowspan > 1 else "")
            cls = ' class="group"' if hc.colspan > 1 and hc.row + hc.rowspan < n else ""
            start = "text-align: left; " if t.group_align == "start" and hc.colspan > 1 else ""  # group_start family
            out.append(f"<th{span}{cls}{_shade(t, 'th', css=start)}>{head_gaps.label(cell(hc.text), gaps)}</th>")
        out.append("</tr>")
    out.append("</thead><tbody>")
    for i, row in enumerate(t.rows):
        rest = "break-before: page; " if break_last and i == len(t.rows) - 1 else ""
        out.append(f"<tr{_shade(t, 'tr', i, css=rest)}>")
        c = 0
        while c < t.n_cols:
            if row.merge and row.merge[0] == c:
                a, b = row.merge
                cls = "name" if row.kind == "span" else "seq"
                out.append(f'<td colspan="{b - a}" class="{cls}"{_shade(t, "td", i, a)}>{cell(row.cells[a])}</td>')
                c = b
                continue
            narrow = " narrow" if t.columns[c].narrow else ""
            width = f"width: {_figure_ems(t, c):.1f}em; " if narrow else ""
            out.append(f'<td class="{t.columns[c].kind}{narrow}"{_shade(t, "td", i, c, width)}>{cell(row.cells[c])}</td>')
            c += 1
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _prose(s: Section) -> list[str]:
    """The section's paragraphs, set in page columns when the two_columns family asks (CSS
    columns, balanced; a column rule in the gutter or none). Orphans and widows of one line are
    allowed in them, as an editor allows them there: with CSS's two, a paragraph of three lines
    stays whole in the left column beside an empty right one."""
    flush = ' style="text-indent: 0"' if s.flush else ""  # flush_paragraphs family
    paragraphs = [f'<p class="text"{flush}>{_e(p)}</p>' for p in s.paragraphs]
    cols = s.columns
    if cols is None or not paragraphs:
        return paragraphs
    rule = "0.5pt solid #000" if cols.rule else "none"
    style = f"columns: {cols.count}; column-gap: {cols.gap_em}em; column-rule: {rule}; column-fill: balance;"
    style += " orphans: 1; widows: 1;"
    return [f'<div class="columns" style="{style}">', *paragraphs, "</div>"]


def _is_wide(s: Section, page: Page) -> bool:
    """The section's table goes on landscape pages (landscape family)."""
    return s.table is not None and page.wide_from is not None and s.table.n_cols >= page.wide_from


def recentred_rest(sections: list[Section], page: Page) -> Section | None:
    """recentred_rests family: a table set portrait right after a landscape one (the online booking
    channels' where it is one of them, else the first), which
    WeasyPrint begins on the landscape page (a section of no named page goes on the page at hand)
    and, its last row broken onto the next page, goes on on a portrait page, centred there, the
    rest showing no gutters (weasyprint 790091). Where the landscape table fills its page, the
    table begins on a portrait page, and its rest goes on on one as wide: the counter-case."""
    if not page.recentred_rests:
        return None
    after = [s for before, s in zip(sections, sections[1:])
             if _is_wide(before, page) and s.table is not None and not _is_wide(s, page) and len(s.table.rows) >= 2]
    # the online booking channels' halves side by side first: their header's labels run together
    rest = next((s for s in after if s.name == "online_booking_channels"), after[0] if after else None)
    if rest is not None:
        page.drawn["recentred_rest"] = rest.title
    return rest


def _section(s: Section, page: Page, break_last: bool = False) -> str:
    table_section = s.table is not None and not s.paragraphs
    wide = _is_wide(s, page)
    attrs = page.title_attrs(s.title, page.typo.role(table_section)) if page.wraps is not None else ""
    out = [f'<div class="sec{" wide" if wide else ""}">',
           f'<p class="{"cap" if table_section else "h"}"{attrs}>{_e(s.title)}</p>']
    out += [f'<p class="pre">{_e(line)}</p>' for line in s.preamble]
    out += _prose(s)
    if s.table is not None:
        size = min(page.table_size, 9.0 if wide else 8.0) if s.table.n_cols >= 8 else None
        out.append(_table(s.table, size, spaced="spacing" in page.draws, gaps=page.head_gaps, break_last=break_last))
    # close_notes family: the note in the body's size and leading, no space above it
    close = f' style="font-size: {page.body}pt; line-height: {page.lead}pt; margin-top: 0"' if s.close_notes else ""
    out += [f'<p class="note"{close}>{_e(n)}</p>' for n in s.notes]
    out.append("</div>")
    return "\n".join(out)


def build(b: Bulletin, path: Path, *, style: str, font: str, seed: int) -> dict:
    """Write the bulletin as an HTML file (no PDF yet); returns what was drawn how."""
    text, drawn = document(b, Page, style=style, font=font, seed=seed)
    Path(path).write_text(text, encoding="utf-8")
    return drawn


def document(b: Bulletin, page_class: type[Page], *, style: str, font: str, seed: int) -> tuple[str, dict]:
    """The bulletin as one HTML document with its print CSS, set by `page_class` (Page for
    Chromium, render_weasyprint's for WeasyPrint), and what was drawn how."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose from {STYLES}")
    page = page_class(b, style, font, seed)
    parts = ["<!doctype html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{b.year} 年度南京市卫生信息中心统计数据（synthetic {seed}）</title>",
             f"<style>\n{page.css()}\n</style></head><body>",
             *_masthead(b, page),
             _section(b.events, page)]
    brk = ' style="break-before: page"' if page.rng.random() < 0.6 else ""
    cls = "cap" if b.part_is_caption() else "h"  # part_title family
    parts.append(f'<p class="{cls}"{brk}>{_e(b.part_title)}</p>')
    rest = recentred_rest(b.sections, page)
    parts += [_section(s, page, break_last=s is rest) for s in b.sections]
    if b.colophon:
        parts.append(f'<div class="colophon"><p class="first">{_e(b.colophon[0])}</p>'
                     + "".join(f"<p>{_e(line)}</p>" for line in b.colophon[1:]) + "</div>")
    parts.append("</body></html>")
    drawn = {"style": style, "font": font, "typography": page.typo.as_dict(), "furniture": page.furniture.as_dict(),
             "landscape_from": page.wide_from, "body_size": page.body, "table_size": page.table_size,
             "cell_valign": page.valign, **page.drawn}
    return "\n".join(parts), drawn


def _masthead(b: Bulletin, page: Page) -> list[str]:
    """The masthead line ('<issuer> 编印' left, the date right); the masthead family may set the
    bulletin's name large above it, and the line so large that its date wraps in its own box."""
    left, right = b.masthead
    mast, out = page.mast, []
    if mast is not None and mast.name:
        size = round(page.body * mast.name_scale * 2) / 2
        weight = {"bold": " font-weight: bold;", "stroke": f" {page.stroke}"}.get(mast.name_weight, "")
        for k, line in enumerate(mast.name):
            s_ = size if k == 0 else max(page.body, size * 0.6)
            out.append(f'<p style="text-align: center; font-size: {s_}pt; line-height: 1.4;{weight if k == 0 else ""}'
                       f' margin: 0 0 {round(s_ * 0.3, 1)}pt;">{_e(line)}</p>')
        page.drawn["masthead_name"] = list(mast.name)
    if mast is not None and mast.wrap:
        head, _ = mast.date_split(right)
        # one line of running text, so large that it wraps inside the date (or before it, 'all'):
        # the issuer and the date's first part fill the line, less than an em to spare
        size = page.text_width / ((_ems(f"{left} {head}") + 0.35) if head else (_ems(left) + 1.3))
        if size <= 3 * page.body:
            page.drawn["masthead_wrap"] = {"size": round(size, 1), "aim": mast.wrap}
            out.append(f'<div class="mast" style="display: block; font-size: {size:.1f}pt; line-height: 1.3;">'
                       f'<span style="white-space: nowrap">{_e(left)}</span> {_e(right)}</div>')
            return out
    if page.mast_boxes is not None:
        boxes = _mast_boxes(page, left, right, page.mast_boxes)
        if boxes is not None:
            out.append(boxes)
            return out
    out.append(f'<div class="mast"><span>{_e(left)}</span><span>{_e(right)}</span></div>')
    return out


def _mast_boxes(page: Page, left: str, right: str, boxes: furniture.MastBoxes) -> str | None:
    """The masthead's boxes (masthead family): each box a little narrower than its text, so that
    its last characters wrap under its first glyph, the boxes `gap_em` apart; or one line, the
    boxes `gap_em` apart. None where the size it takes is not a masthead's (under the body, over
    three times it)."""
    widths = (_ems(left) - 0.5, _ems(right) - 0.5) if boxes.aim == "wrap" else (_ems(left), _ems(right))
    size = page.text_width / (sum(widths) + boxes.gap_em)
    if not page.body <= size <= 3 * page.body:
        return None
    page.drawn["masthead_boxes"] = {"size": round(size, 1), "aim": boxes.aim, "gap_em": boxes.gap_em}
    spans = [f'<span style="flex: none; width: {w:.2f}em">{_e(t)}</span>' if boxes.aim == "wrap" else f"<span>{_e(t)}</span>"
             for t, w in zip((left, right), widths)]
    return f'<div class="mast" style="font-size: {size:.1f}pt; line-height: 1.3;">{"".join(spans)}</div>'


def convert(html_files: list[Path], out_dir: Path, timeout: float = 120, one_browser: bool = True) -> list[Path]:
    """Print each HTML file to out_dir/<stem>.pdf with headless Chromium (a private profile):
    all with one browser over the DevTools pipe (chromium.py, about twice as fast), or one
    `chromium --print-to-pdf` per file where the pipe cannot be opened."""
    exe = chromium()
    if exe is None:
        raise RuntimeError("Chromium is not installed (Debian package: chromium)")
    pairs = [(Path(f), Path(out_dir) / f"{Path(f).stem}.pdf") for f in html_files]
    browser = None
    if one_browser:
        try:
            browser = cdp.Browser(exe, timeout)
        except (OSError, RuntimeError):
            browser = None
    if browser is not None:
        try:
            for html_file, pdf in pairs:
                browser.print_pdf(html_file, pdf)
        finally:
            browser.close()
    else:
        with tempfile.TemporaryDirectory() as profile:
            for html_file, pdf in pairs:
                subprocess.run([exe, *cdp.FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                                "--no-pdf-header-footer", html_file.resolve().as_uri()],
                               check=True, capture_output=True, timeout=timeout)
    missing = [pdf.name for _, pdf in pairs if not pdf.exists()]
    if missing:
        raise RuntimeError(f"Chromium did not write {missing}")
    return [pdf for _, pdf in pairs]
