"""The headless_tables draw family: a table section printed without a heading of its own right
under another table section's table and notes (a producer or an editor lost the heading between
two tables: LibreOffice dropped '6、…健康证系统数据统计' between two tables in docx 710287). Its
content tells which section it is; the extractor reads it as that section and says so. The
counter-case: an unknown section's table printed so stays unread, a second table of the section
above it (the warning says so) — no known section claims an unknown table.

Only bulletins whose headings are not numbered draw it: a heading removed from a numbered run
leaves a gap in the count, which the completeness check reports in some numbering styles only."""

from __future__ import annotations

import random
import re

from .content import Section
from .rewording import CONTENT_RECOGNISED

SHARE = 0.12
"""Share of the bulletins whose headings are not numbered that draw a headless table (all of them
with --force headless_tables)."""

NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.\d* |\d+、)")
"""A heading numbered by the rewording family ('六、', '（六）', '6. ', '6、', '2.5 ')."""


def draw(rng: random.Random, sections: list[Section], warnings: list, force: bool = False) -> None:
    """One table section (or an unknown one, about one time in four where there is one) loses its
    heading; the section before it must be a titled table section with another column count (a
    table of as many columns atop the next page would read as its continuation)."""
    if not force and rng.random() >= SHARE:
        return
    if any(NUMBERED.match(s.title) for s in sections):
        return
    pairs = [(before, s) for before, s in zip(sections, sections[1:]) if _headless_fits(before, s, warnings)]
    unknown = [p for p in pairs if p[1].name.startswith("unknown_")]
    known = [p for p in pairs if p[1].name in CONTENT_RECOGNISED]
    chosen = unknown if unknown and rng.random() < 0.25 else known
    if not chosen:
        return
    before, sec = rng.choice(chosen)
    if sec.name.startswith("unknown_"):
        warnings.remove(next(w for w in warnings if w[0] == "" and w[1] in sec.title))
        warnings.append((before.name, "a second table with"))
    else:
        warnings.append((sec.name, f"read as {sec.name} by its content"))
    sec.title = ""


def _headless_fits(before: Section, sec: Section, warnings: list) -> bool:
    """A titled table section above, a table section below with no subtitle, the two tables of
    different column counts, neither told by its content already."""
    said = {name for name, text in warnings if text.endswith("by its content")}
    tables = before.table is not None and sec.table is not None and not before.paragraphs and not sec.paragraphs
    return (tables and bool(before.title) and bool(sec.title) and not sec.preamble
            and before.table.n_cols != sec.table.n_cols and not {before.name, sec.name} & said)
