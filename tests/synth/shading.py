"""The shading draw family: tables printed with backgrounds, as Word's and WPS's table styles and
CSS backgrounds print them — a grey header band, zebra body rows, a filled 合计 row, single cells
filled (stroked or not), light and mid greys, sometimes one fill (white or near-white) behind the
whole table. What is filled is a plain description on the table (`content.Shading`) that every
producer paints in its own way; the truth does not change: a background rules nothing.

The dark_fills family (`draw_dark`, a stream of its own) darkens some tables' header band or 合计
row to a dark grey, navy or near-black printed with white or light text (a table style's dark
header), over the shading family's light fills or alone.

The dark_zebra family (`draw_zebra`, a stream of its own) bands tables dark: every other body row
dark with light text (`band_table`), and in half of them every cell filled and the borders white
(`Shading.rules`), as a dark table style prints them."""

from __future__ import annotations

import random

from .content import PrintedTable, Section, Shading

PATTERNS = ("header", "zebra", "total", "cells", "header+zebra", "header+total", "header+zebra+total", "zebra+cells")
"""What a shaded table fills; a table style prints one of these."""

BULLETIN_SHARE = 0.35  # bulletins with shaded tables
TABLE_SHARE = 0.75  # of their tables, those shaded
CELL_SHARE = 0.15  # of a table's body cells, those filled one by one ('cells')
BACKDROP_SHARE = 0.2  # shaded tables with one fill behind the whole table


def _greys(rng: random.Random) -> tuple[float, float]:
    """A light grey and a darker one (never darker than mid grey: black text stays readable)."""
    return round(rng.uniform(0.82, 0.95), 2), round(rng.uniform(0.6, 0.8), 2)


def shade_table(rng: random.Random, table: PrintedTable, pattern: str) -> Shading:
    """One table's backgrounds in `pattern` (some of PATTERNS' words joined by '+')."""
    light, dark = _greys(rng)
    parts = set(pattern.split("+"))
    shading = Shading(stroked=rng.random() < 0.5)
    if "header" in parts:
        shading.header = rng.choice([light, dark])
    if "zebra" in parts:
        odd = rng.randrange(2)
        shading.rows.update({i: light for i in range(len(table.rows)) if i % 2 == odd})
    if "total" in parts:
        shading.rows.update({i: dark for i, row in enumerate(table.rows) if row.kind in ("total", "span")})
    if "cells" in parts:
        shading.cells = {(i, j): rng.choice([light, dark]) for i in range(len(table.rows)) for j in range(table.n_cols)
                         if rng.random() < CELL_SHARE}
    if rng.random() < BACKDROP_SHARE:
        shading.backdrop = rng.choice([1.0, 0.97])
    return shading


def draw(rng: random.Random, sections: list[Section], forced: bool = False) -> None:
    """About a third of bulletins (every one when `forced`) shade most of their tables, each in a
    pattern of its own."""
    if rng.random() >= BULLETIN_SHARE and not forced:
        return
    for sec in sections:
        if sec.table is None or rng.random() >= TABLE_SHARE:
            continue
        sec.table.shading = shade_table(rng, sec.table, rng.choice(PATTERNS))


DARK_PATTERNS = ("header", "total", "header+total")
"""What a dark table style fills dark."""
DARK_COLOURS = ("1F3864", "203764", "2F5496", "1F4E79", "262626", "0D0D0D", "404040", "7B2C2C")
"""Dark fills as table styles print them: navy and dark blues, near-blacks, a dark red."""
INKS = ("FFFFFF", "FFFFFF", "F2F2F2", "DDEBF7", "FFF2CC")
"""The light text printed over a dark fill: white, near-white, pale blue, pale yellow."""
DARK_BULLETIN_SHARE = 0.3  # bulletins with dark fills
DARK_TABLE_SHARE = 0.6  # of their tables, those with a dark header or 合计 row


def _dark(rng: random.Random) -> float | str:
    """A dark fill: a grey from near-black to dark grey, or a dark colour."""
    return round(rng.uniform(0.05, 0.35), 2) if rng.random() < 0.4 else rng.choice(DARK_COLOURS)


def darken_table(rng: random.Random, table: PrintedTable, pattern: str) -> Shading:
    """The table's shading (its own light one, or a new one) with the parts `pattern` names dark;
    single light cells on a darkened row are dropped, so a row's text has one colour."""
    shading = table.shading or Shading()
    shading.ink = rng.choice(INKS)
    parts = set(pattern.split("+"))
    if "header" in parts:
        shading.header = _dark(rng)
    if "total" in parts:
        fill = _dark(rng)
        dark_rows = {i for i, row in enumerate(table.rows) if row.kind in ("total", "span")}
        shading.rows.update({i: fill for i in dark_rows})
        shading.cells = {k: g for k, g in shading.cells.items() if k[0] not in dark_rows}
    return shading


def draw_dark(rng: random.Random, sections: list[Section], forced: bool = False) -> None:
    """About a third of bulletins (every one when `forced`) print a dark header band or 合计 row in
    most of their tables."""
    if rng.random() >= DARK_BULLETIN_SHARE and not forced:
        return
    for sec in sections:
        if sec.table is None or rng.random() >= DARK_TABLE_SHARE:
            continue
        totals = any(row.kind in ("total", "span") for row in sec.table.rows)
        sec.table.shading = darken_table(rng, sec.table, rng.choice(DARK_PATTERNS) if totals else "header")


ZEBRA_BULLETIN_SHARE = 0.2  # bulletins with dark zebra rows (dark_zebra family)
ZEBRA_TABLE_SHARE = 0.7  # of their tables, those banded dark
WHITE_RULES_SHARE = 0.5  # banded tables whose every cell is filled and whose borders are white


def band_table(rng: random.Random, table: PrintedTable, white_rules: bool) -> Shading:
    """A table banded dark (a dark table style): every other body row dark with light text, the
    rows between light grey or unfilled, the header band dark or not; with `white_rules` every cell
    is filled (the header dark, the rows between light grey) and the table's borders print white —
    between dark cells a white border still parts them; at the table's edge it borders the page."""
    dark, odd = _dark(rng), rng.randrange(2)
    between = round(rng.uniform(0.75, 0.95), 2) if white_rules or rng.random() < 0.5 else None
    shading = Shading(ink=rng.choice(INKS), rules="FFFFFF" if white_rules else None)
    shading.header = _dark(rng) if white_rules or rng.random() < 0.5 else None
    for i in range(len(table.rows)):
        fill = dark if i % 2 == odd else between
        if fill is not None:
            shading.rows[i] = fill
    return shading


def draw_zebra(rng: random.Random, sections: list[Section], forced: bool = False) -> None:
    """Some bulletins (every one when `forced`) band most of their tables dark, half of those with
    white borders (the dark_zebra family; it replaces the table's other fills)."""
    if rng.random() >= ZEBRA_BULLETIN_SHARE and not forced:
        return
    for sec in sections:
        if sec.table is None or rng.random() >= ZEBRA_TABLE_SHARE:
            continue
        sec.table.shading = band_table(rng, sec.table, rng.random() < WHITE_RULES_SHARE)
