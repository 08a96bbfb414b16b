"""The wrapped_rows draw family: a row of the hospitals' platform table named so long that a
narrow name column wraps it over three lines, beside its largest figure printed in full-width
digits, which a narrow figure column may wrap once (Typst's three-line tables: '南京医科大学' /
'友谊整形外科' / '医院' beside '１５６４２６' / '３', no rules between rows — the figure's rest ties
between its row's line and the name's third line). The counter-case: another row named as long, its
figures as they were (Latin digits that stay whole): the name's second and third lines hold no
figure and join their row. The truth follows the names; printed_figures is read off the printed
tables, so the full-width figure is a row of it."""

from __future__ import annotations

import random

from .content import BodyRow, Section
from .sections.units import FULL_WIDTH, WHOLE

SHARE = 0.15
"""Share of the bulletins that draw it (all of them with --force wrapped_rows)."""

TABLE = "platform_collection_hospitals"
LONG_NAMES = ["南京中医药大学附属南京市中西医结合医院", "中国人民解放军东部战区总医院秦淮医疗区",
              "南京医科大学附属南京儿童医院河西院区", "南京大学医学院附属鼓楼医院仙林院区",
              "南京中医药大学附属南京中医院城南分院", "南京医科大学友谊整形外科医院江北分院"]
"""Names of seventeen to nineteen characters, three lines or more in a name column six to eight
characters wide (one drawn only where the bulletin prints it nowhere already)."""
MIN_DIGITS = 6
"""The figure printed full-width has at least this many digits: wider than its column's label."""


def draw(rng: random.Random, sections: list[Section], force: bool = False) -> None:
    """One row (the case) and, where there is another, a second (the counter-case) renamed long;
    the case's largest whole figure printed in full-width digits."""
    if not force and rng.random() >= SHARE:
        return
    sec = next((s for s in sections if s.name == TABLE and s.table is not None), None)
    names = [name for name in LONG_NAMES if not _printed_in(name, sections)]
    if sec is None or len(names) < 2:
        return
    assert sec.table is not None
    name_at = next(j for j, col in enumerate(sec.table.columns) if col.field == "institution")
    rows = [row for row in sec.table.rows if row.kind == "data" and _widest_figure(sec, row) is not None
            and not _printed_elsewhere(row.cells[name_at], sections, sec)]
    if not rows:
        return
    picked = rng.sample(rows, min(2, len(rows)))
    for row, new in zip(picked, rng.sample(names, len(picked))):
        rename(sec, row, name_at, new)
    j = _widest_figure(sec, picked[0])
    assert j is not None
    picked[0].cells[j] = picked[0].cells[j].translate(FULL_WIDTH)


def _widest_figure(sec: Section, row: BodyRow) -> int | None:
    """The column of the row's widest whole figure in Latin digits, of at least MIN_DIGITS digits."""
    assert sec.table is not None
    wide = [(len(text.replace(",", "")), j) for j, (text, col) in enumerate(zip(row.cells, sec.table.columns))
            if col.kind == "num" and WHOLE.fullmatch(text) and len(text.replace(",", "")) >= MIN_DIGITS]
    return max(wide)[1] if wide else None


def _printed_in(name: str, sections: list[Section]) -> bool:
    tables = [cell for s in sections if s.table is not None for row in s.table.rows for cell in row.cells]
    return any(name in text for s in sections for text in [*s.paragraphs, *s.notes, *s.preamble, *tables])


def _printed_elsewhere(name: str, sections: list[Section], sec: Section) -> bool:
    """The name printed outside this table (prose, notes, another table): renaming it here would
    change what those say."""
    others = [s for s in sections if s is not sec]
    return _printed_in(name, others) or any(name in text for text in [*sec.paragraphs, *sec.notes, *sec.preamble])


def rename(sec: Section, row: BodyRow, name_at: int, new: str, table: str = TABLE) -> None:
    """The row printed under a new name, and its records in the truth of `table` with it."""
    old = row.cells[name_at]
    row.cells[name_at] = new
    for rec in sec.rows.get(table, []):
        if rec.get("institution") == old:
            rec["institution"] = new
