"""The long_names draw family: in the internet hospitals' table, a row named so long that its narrow
name column (five characters wide in Typst, `NAME_WIDTH_EM`) wraps it over five lines
('江苏国药大药房连锁有限公司高淳区雨花西路诊所'), right above a row named over two ('南京麒麟综合门诊部').
Centred on its row (Typst), the long name's lines under the row's line run on evenly spaced down to
the next row's name, whose own line is blank there: those lines close the long name, mirroring its
lines over the row (typst 790048). The counter-case, a second pair the other way round: a name of
two lines right above a long one, whose first lines, over its row, open it. The truth follows the
names; printed_figures is read off the printed tables."""

from __future__ import annotations

import random
import unicodedata

from .content import Section
from .sections.names import BRANDS, DISTRICTS, PLACES, ROADS
from .wrapped_rows import rename

SHARE = 0.25
"""Share of the bulletins that draw it (all of them with --force long_names)."""
NAME_WIDTH_EM = 5.0
"""The name column's width where the family draws (Typst, `PrintedTable.name_width_em`): five
characters a line, a long name's twenty-one to twenty-five over five lines (a Typst table too wide
for its page squeezes its name column so, as in 790048)."""

TABLE = "internet_hospitals"


def long_name(rng: random.Random) -> str:
    """A clinic of a pharmacy chain, twenty-one to twenty-five characters."""
    return f"江苏{rng.choice(BRANDS)}大药房连锁有限公司{rng.choice(DISTRICTS)}{rng.choice(ROADS)}诊所"


def short_name(rng: random.Random) -> str:
    """An outpatient department, nine or ten characters: two lines in a narrow name column."""
    return f"南京{rng.choice(PLACES)}综合门诊部"


def draw(rng: random.Random, sections: list[Section], force: bool = False) -> None:
    """The case (a long name over a short one) on two consecutive rows and, where the table has two
    rows more apart from them, the counter-case (a short name over a long one)."""
    if not force and rng.random() >= SHARE:
        return
    sec = next((s for s in sections if s.name == TABLE and s.table is not None), None)
    if sec is None:
        return
    assert sec.table is not None
    name_at = next(j for j, col in enumerate(sec.table.columns) if col.field == "institution")
    prose = [text for s in sections for text in [*s.paragraphs, *s.notes, *s.preamble]]
    rows = [row for row in sec.table.rows if row.kind == "data"]
    free = [k for k in range(len(rows) - 1)
            if not any(name in text for name in (rows[k].cells[name_at], rows[k + 1].cells[name_at]) for text in prose)]
    if not free:
        return
    first = rng.choice(free)
    pairs = [(first, (long_name, short_name))]
    others = [k for k in free if k + 1 < first - 1 or k > first + 2]
    if others:
        pairs.append((rng.choice(others), (short_name, long_name)))
    for k, makers in pairs:
        for row, make in zip(rows[k:k + 2], makers):
            rename(sec, row, name_at, _unused(rng, make, prose, sec, name_at), TABLE)
    sec.table.name_width_em = NAME_WIDTH_EM


def _unused(rng: random.Random, make, prose: list[str], sec: Section, name_at: int) -> str:
    """A name `make` draws that the table and the bulletin's prose print nowhere (NFKC-folded); the
    renamed rows' names are printed in no prose either (renaming them changes nothing it says)."""
    assert sec.table is not None
    taken = {unicodedata.normalize("NFKC", row.cells[name_at]) for row in sec.table.rows}
    while True:
        name = make(rng)
        if unicodedata.normalize("NFKC", name) not in taken and not any(name in text for text in prose):
            return name
