"""The shading draw family: tables printed with backgrounds, as Word's and WPS's table styles and
CSS backgrounds print them — a grey header band, zebra body rows, a filled 合计 row, single cells
filled (stroked or not), light and mid greys, sometimes one fill (white or near-white) behind the
whole table. What is filled is a plain description on the table (`content.Shading`) that every
producer paints in its own way; the truth does not change: a background rules nothing."""

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
