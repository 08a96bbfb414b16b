"""Fourth producer: the bulletin as Typst markup, compiled to PDF in-process by the `typst` Python
package (the Typst compiler ships in its wheel; no system tool).

Independent of reportlab, Word/LibreOffice and Chromium: Typst lays the text out with its own
line breaker (CJK broken between any two characters, justified by stretching the gaps), embeds
the CJK faces as CID fonts subset by its own code, strokes table rules as paths from its own grid
layout (cell strokes joined per run of cells, `table.hline`/`vline` wherever asked), repeats a
table's header on every page it runs over (`table.header(repeat: true)`), and sets merged cells
with `table.cell(colspan:, rowspan:)` — the "Typst-made edition with merged-down group cells" of
issue 17. Pages, folios ('- 3 -', '第 N 页  共 M 页', '3 / 11' through `counter(page)`) and
running headers come from `set page(header:, footer:)`, landscape pages from `page(flipped: true)`.

Every printed text goes into the markup as a Typst string literal (`"…"`, backslash and quote
escaped), never as markup, so '*', '_', '#', '$', '<', '@', '[' in content print as themselves
and runs of spaces stay as typed (the spacing family's '单  位').

The draw families it draws (draws.py): typography (sizes, faces, regular / bold / stroked,
centre / left / indent), furniture, landscape, masthead (the name large; the masthead line so
large that its date wraps), wraps (titles in narrow boxes, ragged text), page_breaks (titles not
kept with what follows, their lines not kept together; unruled tables' rows cut by a page),
spacing, notes, bands (content). Not drawn: a continuation page's header merged otherwise than the
first page's (Typst repeats the header as it is). The shading family is
painted by `_fill` and `_backdrop` (the dark_fills family's light text by `_ink`, a show rule on
the table's cells), the two_columns family by `_prose` (Typst's `columns`); titles_under_columns
by `_close_under_columns`, columns_under_title by `_columns_close_under_title`.

Needs the `typst` package (the test extras) and the Debian CJK fonts (Typst's bundled fonts have
no CJK); tests skip without them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import random
import re
import subprocess
from pathlib import Path

from . import furniture, long_names_atop, page_draws, typography
from .content import BodyRow, Bulletin, Fill, PrintedTable, Section, is_dark
from .draws import forced, stream
from .render_docx import FONTS

STYLES = ("grid", "no_inner_verticals", "three_line")
TITLE_TAIL = re.compile(r"[（(][^（()）]{1,8}[)）]$")
"""A title's bracketed last words ('（区）', '（医院）', '（2030）')."""
TIMESTAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""The PDFs' creation date: the same bytes for the same bulletin (committed fixtures)."""
ALIGN = {"centre": "center", "left": "left", "indent": "left"}
FAMILIES = {**FONTS, "uming": "AR PL UMing"}
"""The faces by font key as Typst names them (fontconfig's 'AR PL UMing CN' is 'AR PL UMing' to Typst)."""


FITTED = """#let fitted(width, sizes, make) = context {
  let chosen = sizes.last()
  for size in sizes {
    if measure(make(size)).width <= width {
      chosen = size
      break
    }
  }
  make(chosen)
}"""
"""A table made at the first size at which it fits the width (Typst measures it)."""


def _s(text: str) -> str:
    """A Typst string literal: printed as is, no markup."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ems(text: str) -> float:
    """About how many ems a line of text takes (CJK one each, digits and Latin about half)."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.3 if ch.isspace() else 0.55 for ch in text)


@functools.cache
def _typst():
    try:
        import typst
    except ImportError:
        return None
    return typst


@functools.cache
def _font_files() -> dict[str, str]:
    """fontconfig's CJK faces here: family name → file."""
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "family", "file"], capture_output=True, text=True,
                                check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    found: dict[str, str] = {}
    for line in listed.splitlines():
        path, _, families = line.partition(": ")
        for family in families.split(","):
            found.setdefault(family.strip(), path.strip())
    return found


def font_paths() -> list[str]:
    """The folders of the CJK faces this producer uses (Typst searches them besides its own)."""
    files = _font_files()
    return sorted({str(Path(files[FONTS[key]]).parent) for key in available_fonts()})


def available_fonts() -> list[str]:
    """The font keys (render_docx.FONTS) whose face is installed here; none without typst."""
    if _typst() is None:
        return []
    files = _font_files()
    return [key for key, family in FONTS.items() if family in files]


def missing() -> str | None:
    """Why this producer cannot run here (None: it can)."""
    if _typst() is None:
        return "the Python package typst is not installed (pip install -e '.[test]' installs typst==0.15.0)"
    if not available_fonts():
        return ("none of the Debian CJK fonts fonts-noto-cjk / fonts-wqy-zenhei / fonts-arphic-uming is installed "
                "(Typst's own fonts have no CJK)")
    return None


def _folio(pattern: str) -> str:
    """'第 {n} 页  共 {m} 页' → Typst code for the footer's text."""
    parts = []
    for part in re.split(r"(\{[nm]\})", pattern):
        if part == "{n}":
            parts.append("str(counter(page).get().first())")
        elif part == "{m}":
            parts.append("str(counter(page).final().first())")
        elif part:
            parts.append(_s(part))
    return " + ".join(parts)


class _Page:
    """The bulletin's page, type and table settings, drawn from the seed."""

    def __init__(self, b: Bulletin, style: str, font: str, seed: int):
        rng = self.rng = random.Random(f"typst-{seed}")
        self.style, self.font = style, font
        m = page_draws.metrics(rng)
        self.body, self.lead, self.table_size, self.note, self.margins = m.body, m.lead, m.table_size, m.note, m.margins
        self.latin, self.outer, self.line, self.heavy = m.latin, m.outer, m.line, m.heavy
        self.pad = (round(rng.uniform(1.5, 4.0), 1), round(rng.uniform(2.0, 4.5), 1))  # x, y in pt
        self.valign = rng.choice(["top", "horizon"])
        self.num_align = rng.choice(["right", "center"])
        self.mast_rule = rng.choice([0.8, 1.0, 1.5])
        heading = round(self.body * rng.uniform(1.2, 1.4) * 2) / 2
        drawn = page_draws.draw(b, seed, font, available_fonts(), self.body, self.lead, heading,
                                ("regular", "bold", "stroke"))
        self.typo, self.furniture, self.wide_from = drawn.typo, drawn.furniture, drawn.wide_from
        self.mast, self.wraps, self.tails = drawn.mast, drawn.wraps, drawn.tails
        self.mast_boxes = drawn.boxes
        self.body, self.lead = self.typo.body, self.typo.lead
        # wraps family: some bulletins set their text ragged, not justified
        self.justify = not (self.wraps is not None and random.Random(f"wraps-ragged-{seed}").random() < 0.3)
        # page_breaks family: titles not kept with what follows, nor their lines together; the
        # rows of unruled tables may be cut by a page (under the repeated header)
        breaks = stream("page_breaks", seed) if "page_breaks" in b.draws else None
        self.loose = breaks is not None and breaks.random() < 0.5
        self.cut_rows = breaks is not None and breaks.random() < 0.5 and style != "grid"
        self.spaced = "spacing" in b.draws
        self.draws = b.draws
        self.drawn: dict = {}
        # long_names_atop family: its table (marked), the space set over it
        self.atop_table: PrintedTable | None = None
        self.push_pt: float | None = None

    @property
    def text_width(self) -> float:
        """The text block's width in points (A4 portrait)."""
        return (21.0 - self.margins[1] - self.margins[3]) / 2.54 * 72

    def faces(self, font: str) -> str:
        names = ([self.latin] if self.latin else []) + [FAMILIES[font]]
        return "(" + ", ".join(_s(n) for n in names) + ",)"

    def setup(self) -> str:
        """The document's set rules: page, furniture, body text."""
        t, f = self.margins, self.furniture
        folio_align = "center" if f.folio_align == "centre" else "if calc.odd(counter(page).get().first()) {right} else {left}"
        footer = (f"context align({folio_align}, text(font: {self.faces(self.font)}, size: {f.folio_size}pt,"
                  f" {_folio(furniture.FOLIOS[f.folio])}))")
        lines = [f"#set page(paper: \"a4\", margin: (top: {t[0]}cm, right: {t[1]}cm, bottom: {t[2]}cm, left: {t[3]}cm),"
                 f" footer: {footer}, footer-descent: 40%{self.header()})",
                 f"#set text(font: {self.faces(self.font)}, size: {self.body}pt, lang: \"zh\", region: \"cn\","
                 " top-edge: 0.88em, bottom-edge: -0.12em)",
                 f"#set par(leading: {round(self.lead - self.body, 2)}pt, spacing: {round(self.lead - self.body, 2)}pt,"
                 f" justify: {str(self.justify).lower()})",
                 f"#set table(inset: (x: {self.pad[0]}pt, y: {self.pad[1]}pt))",
                 FITTED]
        if self.loose:
            lines.append("#set text(costs: (widow: 0%, orphan: 0%))")
        if not self.cut_rows:
            lines.append("#set table.cell(breakable: false)")
        return "\n".join(lines)

    def header(self) -> str:
        f = self.furniture
        if not f.header:
            return ""
        words = _s(f.header[0]) if len(f.header) == 1 else f"{_s(f.header[0])} + h(1fr) + {_s(f.header[1])}"
        align = "center" if len(f.header) == 1 else "left"
        rule = (f" + v(2pt, weak: false) + line(length: 100%, stroke: {f.header_rule}pt)" if f.header_rule else "")
        body = f"align({align}, text(font: {self.faces(self.font)}, size: {f.header_size}pt, {words})){rule}"
        first = "" if f.header_on_first_page else "if counter(page).get().first() > 1 "
        return f", header: context {first}{{ align(bottom, block({body})) }}"

    def title(self, title: str, role: typography.Role, close: bool = False) -> str:
        """A title as its role sets it; the wraps family may set it in a box so narrow that its
        bracketed tail goes alone onto the next line ('…采集情况' / '（区）'). A `close` title
        (two_columns family, `_close_under_columns`) is set in the body's size a line's pitch under
        the text above it, as a paragraph would be."""
        if close:
            role = dataclasses.replace(role, size=self.body)
        weight = ", weight: \"bold\"" if role.weight == "bold" else ""
        stroke = ", stroke: 0.35pt + black" if role.weight == "stroke" else ""
        words = f"text(font: {self.faces(role.font)}, size: {role.size}pt{weight}{stroke}, {_s(title)})"
        indent = "h(2em) + " if role.align == "indent" else ""
        width = "100%"
        tail = TITLE_TAIL.search(title)
        if self.tails and tail and self.wraps is not None and self.wraps.random() < 0.7:
            ems = _ems(title[:tail.start()].rstrip()) + (2 if role.align == "indent" else 0) + 0.7
            width = f"{ems * role.size:.1f}pt"  # the title's ems, not the block's (the body's)
            self.drawn.setdefault("narrow_titles", []).append(title)
        before = round(role.size * self.rng.uniform(0.6, 1.3), 1)
        if close:
            before = round(self.lead - self.body, 2)
        sticky = "false" if self.loose else "true"
        breakable = "true" if self.loose else "false"
        return (f"#align({ALIGN[role.align]}, block(width: {width}, above: {before}pt, below: {round(role.size * 0.5, 1)}pt,"
                f" sticky: {sticky}, breakable: {breakable}, par(justify: false, leading: {round(role.size * 0.35, 1)}pt,"
                f" text(size: {role.size}pt, {indent}{words}))))")


def _luma(grey: Fill) -> str:
    """A grey as Typst's luma, a colour (dark_fills family) as its rgb."""
    return f'rgb("#{grey}")' if isinstance(grey, str) else f"luma({round(grey * 100)}%)"


def _ink(t: PrintedTable) -> str:
    """A show rule printing the text of the table's dark cells (header band, body rows) in the
    shading's light ink (dark_fills family); '' when none is dark."""
    sh, n = t.shading, t.n_header_rows
    if sh is None:
        return ""
    rows = [y + n for y in range(len(t.rows)) if is_dark(sh.row_grey(y))]
    header = is_dark(sh.header)
    if not rows and not header:
        return ""
    dark = f"it.y < {n}" if header else "false"
    return f'show table.cell: it => {{ set text(fill: rgb("#{sh.ink}")) if {dark} or it.y in {_tuple(rows)}; it }}; '


def _tuple(values: list[int]) -> str:
    return "(" + "".join(f"{v}, " for v in values) + ")"


def _dict(entries: dict[str, Fill]) -> str:
    """A Typst dictionary of greys ('(:)' when empty)."""
    return "(" + (", ".join(f'"{k}": {_luma(g)}' for k, g in entries.items()) or ":") + ")"


def _fill(page: _Page, t: PrintedTable) -> str:
    """The shading family's backgrounds as the table's `fill`, a function of the cell's column and
    row (a merged cell is asked at its first column, as content.Shading says): the header band,
    whole body rows (zebra, the 合计 row), single cells over their row's fill."""
    sh, n = t.shading, t.n_header_rows
    if sh is None or (sh.header is None and not sh.rows and not sh.cells):
        return "none"
    header = _luma(sh.header) if sh.header is not None else "none"
    rows = _dict({str(r): g for r, g in sh.rows.items()})
    cells = _dict({f"{r},{c}": g for (r, c), g in sh.cells.items()})
    return (f"(x, y) => if y < {n} {{ {header} }} else {{ let k = str(y - {n}); "
            f"{cells}.at(k + \",\" + str(x), default: {rows}.at(k, default: none)) }}")


def _backdrop(t: PrintedTable, table: str) -> str:
    """The shading family's one fill behind the whole table (white, or near-white), a block under it."""
    sh = t.shading
    return table if sh is None or sh.backdrop is None else f"block(fill: {_luma(sh.backdrop)}, {table})"


def _prose(page: _Page, s: Section, last_apart: bool = False) -> list[str]:
    """The section's paragraphs, set in page columns when the two_columns family asks: Typst's
    `columns` (it fills the left column first and does not balance). Where the columns fit one
    page they are balanced as an editor balances them (a paragraph of a few lines is not left in
    the left column alone beside an empty one): kept whole in a block half as tall as the text
    set in one column, and a line more (the right column a line or two shorter, or as tall), a
    rule in the gutter as tall as the block when asked; columns running over a page are set
    without balance or rule, the last paragraph moved on to the next column by a column break
    when `last_apart` (`_close_under_columns`: where that break falls in a left column, the
    columns' last page ends in a right column shorter than the left)."""
    indent = "0em" if s.flush else "2em"  # flush_paragraphs family: set flush left
    paragraphs = [f"#par(first-line-indent: (amount: {indent}, all: true), {_s(p)})" for p in s.paragraphs]
    cols = s.columns
    if cols is None or not paragraphs:
        return paragraphs
    text = "\n\n".join(paragraphs)
    body = f"columns({cols.count}, gutter: {cols.gap_em}em)[\n{text}\n]"
    broken = body
    if last_apart and len(paragraphs) > 1:
        broken = f"columns({cols.count}, gutter: {cols.gap_em}em)[\n" + "\n\n".join(
            [*paragraphs[:-1], "#colbreak()", paragraphs[-1]]) + "\n]"
    rule = f"place(top + center, line(angle: 90deg, length: half, stroke: {page.line}pt)); " if cols.rule else ""
    one = f"measure(block(width: (size.width - {cols.gap_em}em) / {cols.count}, [\n{text}\n])).height"
    return [f"#layout(size => {{ let body = {body}; let h = measure(block(width: size.width, body)).height;"
            f" if h <= size.height {{ let half = {one} / {cols.count} + {page.lead}pt;"
            f" block(breakable: false, height: half, {{ {rule}body }}) }} else {{ {broken} }} }})"]


def _strokes(page: _Page, t: PrintedTable) -> tuple[str, list[str], list[str], list[str]]:
    """The table's `stroke`, and the lines drawn atop the header, under it (both repeated with
    the header) and at the table's end, for its style."""
    line, heavy, n = f"{page.line}pt", f"{page.heavy}pt", t.n_header_rows
    if t.shading is not None and t.shading.rules is not None:  # white borders (dark_zebra family)
        line, heavy = f'({line} + rgb("#{t.shading.rules}"))', f'({heavy} + rgb("#{t.shading.rules}"))'
    if page.style == "grid":
        return line, [], [], []
    if page.style == "no_inner_verticals":
        sides = [f"table.vline(x: 0, stroke: {line})", f"table.vline(x: {t.n_cols}, stroke: {line})"] if page.outer else []
        return f"(x: none, y: {line})", [], [], sides
    groups = [f"table.hline(y: {hc.row + 1}, start: {hc.col}, end: {hc.col + hc.colspan}, stroke: {line})"
              for hc in t.header_cells() if hc.colspan > 1 and hc.row + hc.rowspan < n]
    return "none", [f"table.hline(y: 0, stroke: {heavy})"], [*groups, f"table.hline(y: {n}, stroke: {line})"], \
        [f"table.hline(stroke: {heavy})"]


def _body_cells(page: _Page, t: PrintedTable, row: BodyRow) -> list[str]:
    out, c = [], 0
    while c < t.n_cols:
        if row.merge and row.merge[0] == c:
            a, b = row.merge
            align = "left" if row.kind == "span" else "center"
            out.append(f"table.cell(colspan: {b - a}, align: {align} + {page.valign}, {_s(row.cells[a])})")
            c = b
            continue
        kind = t.columns[c].kind
        text = _s(row.cells[c])
        if kind == "name" and t is page.atop_table:  # long_names_atop family: its marks
            text = _marked(t, row, text)
        # figures never wrap: a box is set on one line
        out.append(f"box({text})" if kind in ("num", "seq") else text)
        c += 1
    return out


def _marked(t: PrintedTable, row: BodyRow, text: str) -> str:
    """A data row's name cell with the long_names_atop family's mark (`long_names_atop.mark`)."""
    data = [r for r in t.rows if r.kind == "data"]
    if not any(r is row for r in data):
        return text
    return "[" + long_names_atop.mark(next(k for k, r in enumerate(data) if r is row)) + f"#{text}]"


def _widths(t: PrintedTable) -> str:
    """The table's columns: as many as it has, each as wide as Typst makes it — but the name
    column `name_width_em` wide where the long_names family sets it."""
    if not t.name_width_em:
        return str(t.n_cols)
    return "(" + ", ".join(f"{t.name_width_em}em" if c.kind == "name" else "auto" for c in t.columns) + ",)"


def _table(page: _Page, t: PrintedTable, size: float | None, width: float) -> str:
    """The table at the largest size (not above the one drawn) at which it fits the text width
    `width` (pt): Typst would otherwise shrink its columns and let the unbreakable figures run
    into their neighbours."""
    stroke, top, under, end = _strokes(page, t)
    aligns = {"num": page.num_align, "name": "left"}
    columns = ", ".join(f"{aligns.get(c.kind, 'center')} + {page.valign}" for c in t.columns)
    head = []
    for hc in t.header_cells():
        spans = (f"colspan: {hc.colspan}, " if hc.colspan > 1 else "") + (f"rowspan: {hc.rowspan}, " if hc.rowspan > 1 else "")
        # placed where they go: header_cells() lists a group's cells before the next group's
        align = "left" if t.group_align == "start" and hc.colspan > 1 else "center"  # group_start family
        head.append(f"table.cell(x: {hc.col}, y: {hc.row}, {spans}align: {align} + horizon, {_s(hc.text)})")
    body = [cell for row in t.rows for cell in _body_cells(page, t, row)]
    first = size or page.table_size
    sizes = [first] + [s for s in (10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0) if s < first]
    inset = f" inset: (x: {page.pad[0]}pt, y: {page.pad[1]}pt + {t.row_pad_em}em)," if t.row_pad_em else ""  # airy_rows
    table = (f"table(columns: {_widths(t)}, stroke: {stroke}, fill: {_fill(page, t)},{inset}\n"
             f" align: (x, y) => ({columns},).at(x),\n"
             f" table.header(repeat: true, {', '.join(top + head + under)}),\n"
             f" {', '.join(body + end)}\n)")
    return (f"#block(width: 100%, above: 6pt, below: 4pt)[\n"
            f"#set par(leading: 0.35em, spacing: 0.35em, justify: false)\n"
            f"#fitted({width}pt, ({', '.join(f'{s}pt' for s in sizes)},), size => {{ set text(size: size);"
            f" {_ink(t)}align(center, {_backdrop(t, table)}) }})]")


def _section(page: _Page, s: Section, last_apart: bool = False, close: bool = False) -> list[str]:
    """The section's title, its paragraphs, table and notes; a `close` title (columns_under_title
    family) flush left, a line's pitch under the part title."""
    table_section = s.table is not None and not s.paragraphs
    role = page.typo.role(table_section)
    if close:
        role = dataclasses.replace(role, align="left")
    out = [page.title(s.title, role, close=close)]
    if page.push_pt is not None and s.table is not None and s.table is page.atop_table:  # long_names_atop family
        out.insert(0, f"#v({page.push_pt}pt)")
    out += [f"#align(center, text(size: {page.body - 1}pt, {_s(line)}))" for line in s.preamble]
    out += _prose(page, s, last_apart)
    if s.table is not None:
        wide = page.wide_from is not None and s.table.n_cols >= page.wide_from
        size = min(page.table_size, 9.0 if wide else 8.0) if s.table.n_cols >= 8 else None
        out.append(_table(page, s.table, size, page.text_width + (wide and (29.7 - 21.0) / 2.54 * 72)))
    if s.close_notes:  # close_notes family: in the body's size and leading, right under the table
        out += [f"#block(above: {round(page.lead - page.body, 2)}pt, below: 4pt, par(justify: false, {_s(n)}))"
                for n in s.notes]
    else:
        out += [f"#block(above: 4pt, below: 4pt, par(justify: false, leading: 0.45em, text(size: {page.note}pt, {_s(n)})))"
                for n in s.notes]
    out.append("#v(12pt, weak: true)")
    return out


def _wide(page: _Page, s: Section) -> bool:
    return s.table is not None and page.wide_from is not None and s.table.n_cols >= page.wide_from


def _masthead(b: Bulletin, page: _Page) -> list[str]:
    """The masthead line ('<issuer> 编印' left, the date right); the masthead family may set the
    bulletin's name large above it, and the line so large that its date wraps."""
    left, right = b.masthead
    mast, out = page.mast, []
    if mast is not None and mast.name:
        size = round(page.body * mast.name_scale * 2) / 2
        weight = {"bold": ", weight: \"bold\"", "stroke": ", stroke: 0.35pt + black"}.get(mast.name_weight, "")
        for k, line in enumerate(mast.name):
            s_ = size if k == 0 else max(page.body, size * 0.6)
            out.append(f"#align(center, block(below: {round(s_ * 0.3, 1)}pt, text(size: {s_}pt"
                       f"{weight if k == 0 else ''}, {_s(line)})))")
        page.drawn["masthead_name"] = list(mast.name)
    rule = f"#v(4pt, weak: false)\n#line(length: 100%, stroke: {page.mast_rule}pt)\n#v(12pt)"
    if mast is not None and mast.wrap:
        head, _ = mast.date_split(right)
        size = page.text_width / ((_ems(f"{left} {head}") + 0.35) if head else (_ems(left) + 1.3))
        if size <= 3 * page.body:
            page.drawn["masthead_wrap"] = {"size": round(size, 1), "aim": mast.wrap}
            out.append(f"#par(justify: false, leading: 0.3em, text(size: {size:.1f}pt, box({_s(left)}) + \" \" + {_s(right)}))")
            out.append(rule)
            return out
    boxes = _mast_boxes(page, left, right, page.mast_boxes) if page.mast_boxes is not None else None
    out.append(boxes or f"#block(width: 100%, text(size: {page.typo.masthead}pt, {_s(left)} + h(1fr) + {_s(right)}))")
    out.append(rule)
    return out


def _mast_boxes(page: _Page, left: str, right: str, boxes: furniture.MastBoxes) -> str | None:
    """The masthead's boxes (masthead family, as render_html draws them): two grid cells, each a
    little narrower than its text so that its last characters wrap under its first glyph, the
    cells `gap_em` apart; or one line, the boxes `gap_em` apart. None where the size it takes is
    not a masthead's (under the body, over three times it)."""
    widths = (_ems(left) - 0.5, _ems(right) - 0.5) if boxes.aim == "wrap" else (_ems(left), _ems(right))
    size = page.text_width / (sum(widths) + boxes.gap_em)
    if not page.body <= size <= 3 * page.body:
        return None
    page.drawn["masthead_boxes"] = {"size": round(size, 1), "aim": boxes.aim, "gap_em": boxes.gap_em}
    if boxes.aim == "apart":
        return f"#block(width: 100%, text(size: {size:.1f}pt, {_s(left)} + h(1fr) + {_s(right)}))"
    cells = f"columns: ({widths[0]:.2f}em, 1fr, {widths[1]:.2f}em), text({_s(left)}), [], text({_s(right)})"
    return (f"#block(width: 100%)[#set text(size: {size:.1f}pt); #set par(justify: false, leading: 0.3em);"
            f" #grid({cells})]")


def _close_under_columns(b: Bulletin, seed: int) -> bool:
    """titles_under_columns family (with two_columns; drawn on the stream 'two_columns-titles-<seed>'): where the events
    are set in columns, half the bulletins (all when forced) move the last event on to the next
    column by a column break (`_prose`) and set the title after them ('统计数据') on the same page,
    in the body's size, a line's pitch under the columns — under the left column's last line,
    a paragraph's end, when the break fell in a left column taller than the right one left for the
    last event; the others (counter-case) as before: set apart, often larger, often on a page of
    its own."""
    if not {"two_columns", "titles_under_columns"} <= b.draws or b.events.columns is None:
        return False
    return forced("two_columns") or forced("titles_under_columns") or stream("two_columns-titles", seed).random() < 0.5


def _fits_left_column(page: _Page, title: str, events: Section) -> bool:
    """The title, set flush left in the body's size, ends an em or more before the events' gutter."""
    assert events.columns is not None
    column = (page.text_width / page.body - events.columns.gap_em) / 2
    return _ems(title) <= column - 1


def _columns_close_under_title(b: Bulletin, seed: int, close: bool, page: _Page) -> bool:
    """columns_under_title family (with titles_under_columns; drawn on the stream
    'columns_under_title-<seed>'): where the part title is set close under the events' columns
    (`close`, `_close_under_columns`) and the first statistics section is prose set in columns
    (two_columns family), and both titles fit the left column (`_fits_left_column`), half the
    bulletins (all when forced) set both flush left and that section's title close too, in the
    body's size a line's pitch under the part title, and its columns as wide apart as
    the events' (`_with_gutter_of`), so that its columns begin at the pitch of the columns above,
    under one gutter, the two titles between them (typst 790111: they were read as one
    stretch, cut at the part title, the second columns then read across the gutter); the others
    (counter-case) set it as before."""
    first = b.sections[0] if b.sections else None
    if not close or "columns_under_title" not in b.draws or first is None:
        return False
    if first.columns is None or not first.paragraphs:
        return False
    if not (_fits_left_column(page, b.part_title, b.events) and _fits_left_column(page, first.title, b.events)):
        return False
    return forced("columns_under_title") or stream("columns_under_title", seed).random() < 0.5


def _with_gutter_of(s: Section, events: Section) -> Section:
    """The section set in columns as wide apart as the events' (columns_under_title family): one
    gutter down both, as an edition keeps one column layout."""
    assert s.columns is not None and events.columns is not None
    return dataclasses.replace(s, columns=dataclasses.replace(s.columns, gap_em=events.columns.gap_em))


def source(b: Bulletin, *, style: str, font: str, seed: int, push_pt: float | None = None) -> tuple[str, dict]:
    """The bulletin as Typst markup, and what was drawn how; `push_pt`: the space the long_names_atop
    family sets over its table (`render` measures it)."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose from {STYLES}")
    page = _Page(b, style, font, seed)
    if long_names_atop.chosen(b.sections, b.draws, seed):
        page.atop_table = next(s.table for s in b.sections if s.name == long_names_atop.TABLE)
        page.push_pt = push_pt
        page.drawn["long_names_atop"] = {"push_pt": push_pt, "cut_rows": page.cut_rows,
                                         "line_pt": round(page.table_size * 1.35, 2)}
    close = _close_under_columns(b, seed)
    parts = [f"#set document(title: {_s(f'{b.year} 年度南京市卫生信息中心统计数据（synthetic {seed}）')})",
             page.setup(), *_masthead(b, page), *_section(page, b.events, last_apart=close)]
    if page.rng.random() < 0.6 and not close:
        parts.append("#pagebreak(weak: true)")
    typo = page.typo.caption if b.part_is_caption() else page.typo.heading
    first_close = _columns_close_under_title(b, seed, close, page)
    if first_close:
        typo = dataclasses.replace(typo, align="left")
    parts.append(page.title(b.part_title, typo, close=close))
    if close:
        page.drawn["title_close_under_columns"] = b.part_title
    sections = list(b.sections)
    if first_close:
        page.drawn["columns_close_under_title"] = sections[0].title
        sections[0] = _with_gutter_of(sections[0], b.events)
    i = 0
    while i < len(sections):
        if not _wide(page, sections[i]):
            parts += _section(page, sections[i], close=first_close and i == 0)
            i += 1
            continue
        # a run of wide tables on landscape pages of their own
        inner = []
        while i < len(sections) and _wide(page, sections[i]):
            inner += _section(page, sections[i])
            i += 1
        parts.append("#page(flipped: true)[\n" + "\n".join(inner) + "\n]")
        page.drawn["landscape"] = page.drawn.get("landscape", 0) + 1
    if b.colophon:
        parts.append(f"#pagebreak(weak: true)\n#v({page.rng.randint(30, 45)}%)")
        parts.append(f"#block(below: 12pt, text(size: {page.typo.colophon}pt, {_s(b.colophon[0])}))")
        parts += [f"#par({_s(line)})" for line in b.colophon[1:]]
    info = {"style": style, "font": font, "typography": page.typo.as_dict(), "furniture": page.furniture.as_dict(),
            "landscape_from": page.wide_from, "body_size": page.body, "table_size": page.table_size,
            "justified": page.justify, "loose": page.loose, "cut_rows": page.cut_rows, **page.drawn}
    return "\n".join(parts) + "\n", info


def render(b: Bulletin, path: Path, *, style: str, font: str, seed: int) -> dict:
    """Compile the bulletin to a PDF at `path`; returns what was drawn how."""
    typst = _typst()
    if typst is None:
        raise RuntimeError(missing())
    markup, info = source(b, style=style, font=font, seed=seed)
    atop = info.get("long_names_atop")
    if atop is not None:  # long_names_atop family: measure, then move the table down
        marks = json.loads(typst.query(markup.encode("utf-8"), f"<{long_names_atop.MARK}>", field="value",
                                       font_paths=font_paths()))
        table = next(s.table for s in b.sections if s.name == long_names_atop.TABLE)
        names = [row.cells[next(j for j, c in enumerate(table.columns) if c.kind == "name")]
                 for row in table.rows if row.kind == "data"]
        found = long_names_atop.push(marks, names, atop["cut_rows"], atop["line_pt"])
        if found is not None:
            markup, info = source(b, style=style, font=font, seed=seed, push_pt=found[1])
            info["long_names_atop"]["name"] = names[found[0]]
    try:
        typst.compile(markup.encode("utf-8"), output=str(path), font_paths=font_paths(), timestamp=TIMESTAMP)
    except typst.TypstError as e:  # the message alone names no line
        raise RuntimeError(f"typst: {e.diagnostic or e}") from e
    return info
