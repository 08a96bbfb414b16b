"""The `units` draw family: figures printed with their unit in the cell ('38682.77万', '1.2亿')
instead of in the header, figures in full-width digits (０１２３, '．', '，') in cells and in prose,
and names holding 万 that are no unit ('南京万寿医院').

Everything is done on what a section prints (content.Section), so every producer prints it. The
truth keeps the numbers; the `printed` of a 合计 (totals) keeps the figure as printed, and events'
bodies (kept as printed) keep their full-width digits; every cell it reprints is a row of the
printed_figures truth (tests/synth/printed.py, read off the printed tables). Only whole figures of at least 万 get a unit,
printed with exactly as many decimals as they need (386827700 → '38682.77万'), so the printed
text means the number exactly: never a rounded one.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal

from ..content import BodyRow, Section

FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")
WHOLE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
"""A whole figure as a cell prints it ('386827700', '3,066,151')."""
PROSE_FIGURE = re.compile(r"\d+(?:\.\d+)?(?=\s?余?\s?[万亿]?\s?[个通件份例次家条张台项位])")
"""A figure in a sentence, followed by its counting word ('１２３ 家', '372万份'); not a year, a
date or a name's digits ('12320卫生热线', '市 12345 工单')."""
HOTLINE_FIGURE = re.compile(r"(\d{5,})(\s?)([个通件])")
WAN_NAMES = ["南京万寿医院", "南京市万安社区卫生服务中心", "万达健康门诊部"]
UNITS = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}


def draw(rng: random.Random, sections: list[Section], events: Section, renames: bool = True) -> None:
    """About two bulletins in five print some tables' figures with units in the cells or in
    full-width digits; some of those print prose figures in full-width digits (and the hotline's in
    万) or name one institution with 万 (not where `renames` is off: an edition of a series, whose
    names are its content model's)."""
    if rng.random() >= 0.4:
        return
    for sec in sections:
        if sec.table is None or any(row.kind == "span" for row in sec.table.rows):
            continue  # '合计：N' across the table stays as it is
        if rng.random() < 0.5:
            _in_cells(rng, sec)
        if rng.random() < 0.2 and renames:
            _wan_name(rng, sec, [*sections, events])
    if rng.random() < 0.5:
        for sec in [*sections, events]:
            _prose(rng, sec)


def with_unit(value: int, unit: str) -> str:
    """386827700, '万' → '38682.77万': exactly as many decimals as the figure needs."""
    return f"{format((Decimal(value) / UNITS[unit]).normalize(), 'f')}{unit}"


def with_magnitude(value: int, yi: bool) -> str:
    """In 亿 where the figure reaches it and `yi`, else in 万."""
    return with_unit(value, "亿" if yi and value >= UNITS["亿"] else "万")


def _in_cells(rng: random.Random, sec: Section) -> None:
    """Some figure columns of the table printed with 万 (or 亿) in every cell (only where every
    figure is at least that large: a count column printing '0.0012万' is not plausible), or
    some of their cells in full-width digits."""
    assert sec.table is not None
    body = [row for row in sec.table.rows if row.kind == "data"]
    totals = [row for row in sec.table.rows if row.kind == "total"]
    for j, col in enumerate(sec.table.columns):
        if col.kind != "num" or not body or rng.random() < 0.5:
            continue
        cells = [row.cells[j] for row in body + totals]
        values = [int(c.replace(",", "")) if WHOLE.fullmatch(c) else None for c in cells]
        if all(v is not None and v >= UNITS["万"] for v in values) and rng.random() < 0.6:
            # some bulletins print each figure in its own magnitude: '9876.5万' over '1.2亿'
            yi = rng.random() < 0.5
            _reprint(sec, j, body + totals, lambda text, yi=yi: with_magnitude(int(text.replace(",", "")), yi))
            # the producers that can wrap its 万 onto a line of its own; only under a short header
            # ('人次'), which the narrow column does not wrap too
            col.narrow = rng.random() < 0.8 and len(col.header[-1].replace(" ", "")) <= 3
        elif rng.random() < 0.4:
            rows = [row for row in body + totals if rng.random() < 0.5]
            _reprint(sec, j, rows, lambda text: text.translate(FULL_WIDTH))


def _reprint(sec: Section, j: int, rows: list[BodyRow], reprint) -> None:
    """Column j of the rows printed anew; a 合计's printed text follows where it names one total."""
    for row in rows:
        old = row.cells[j]
        if old == "/" or not old:
            continue
        row.cells[j] = reprint(old)
        if row.kind == "total":
            _reprint_total(sec, old, row.cells[j])


def _reprint_total(sec: Section, old: str, new: str) -> None:
    matching = [rec for rec in sec.rows.get("totals", []) if rec["source"] == "total_row" and rec["printed"] == old]
    for rec in matching:  # two columns totalling the same figure are both reprinted alike
        rec["printed"] = new


def _printed_elsewhere(name: str, sections: list[Section]) -> bool:
    return any(name in text for s in sections for text in [*s.paragraphs, *s.notes, *s.preamble])


def _wan_name(rng: random.Random, sec: Section, everywhere: list[Section]) -> None:
    """A counter-case: one institution named with 万, which is no unit (one no other section names,
    so that renaming it changes nothing else)."""
    assert sec.table is not None
    names = [j for j, col in enumerate(sec.table.columns) if col.field == "institution"]
    rows = [row for row in sec.table.rows if row.kind == "data"]
    truth = sec.rows.get(sec.name, [])
    if not names or not rows:
        return
    row = rng.choice(rows)
    old, new = row.cells[names[0]], rng.choice(WAN_NAMES)
    if any(new in r.cells for r in sec.table.rows) or _printed_elsewhere(old, everywhere):
        return
    records = [rec for rec in truth if rec.get("institution") == old]
    row.cells[names[0]] = new
    for rec in records:
        rec["institution"] = new


def _prose(rng: random.Random, sec: Section) -> None:
    """Prose figures in full-width digits ('共受理咨询电话２３４５６７个'), and the hotline's large
    ones in 万 ('7.9605万个'); the events' truth keeps its bodies as printed."""
    if not sec.paragraphs or rng.random() < 0.5:
        return
    if sec.name == "hotline_12320" and rng.random() < 0.5:
        sec.paragraphs = [HOTLINE_FIGURE.sub(lambda m: f"{with_unit(int(m[1]), '万')}{m[3]}", p) for p in sec.paragraphs]
        return

    def full_width(text: str) -> str:
        return PROSE_FIGURE.sub(lambda m: m[0].translate(FULL_WIDTH), text)

    sec.paragraphs = [full_width(p) for p in sec.paragraphs]
    for rec in sec.rows.get("events", []):
        rec["title"], rec["body"] = full_width(rec["title"]), full_width(rec["body"])
