"""The long_names_atop draw family (Typst, with long_names): the internet hospitals' table moved
down its page so that the page break falls right over the longest name of its first page's rows
(a row after the second), a name of several lines centred on its row (typst 920005: under the
repeated header of the continued page, a name of six lines, its first line two and a half lines
over its figures, evenly spaced down to its last line, the cells' padding under that —
`body.one_cell_down_to`).

Where the table's cells may be cut by a page (the page_breaks family's `cut_rows`), the same move
cuts that row instead, the counter-case: its first line on the page before, the rest of its name
over the next row under the repeated header, the padding between them — a cut row's rest, no
name's first line.

Two passes: the bulletin is compiled once with a mark in every data row's name cell (`mark`) to
find where the rows begin and how much room their page leaves, then set with that much space
more over the table's title (`push`). Nothing is moved where fewer than three rows begin on the
table's first page. The truth is unchanged."""

from __future__ import annotations

from .content import Section
from .draws import forced, stream

SHARE = 0.5
"""Share of the bulletins drawing long_names in Typst that draw it (all of them with --force)."""
TABLE = "internet_hospitals"
MARK = "atop-row"
"""The marks' label (Typst metadata: the row's index among the data rows, its page, the mark's
y and the page's room, in pt)."""
CUT_LINES = 1.6
"""Where the cells may be cut: the move leaves room for the name's first line (in lines)."""


def chosen(sections: list[Section], draws: frozenset[str], seed: int) -> bool:
    """The family draws in this bulletin: long_names narrowed the table's name column."""
    if "long_names_atop" not in draws or "long_names" not in draws:
        return False
    sec = next((s for s in sections if s.name == TABLE and s.table is not None), None)
    if sec is None or sec.table is None or not sec.table.name_width_em:
        return False
    return forced("long_names_atop") or stream("long_names_atop", seed).random() < SHARE


def mark(row: int) -> str:
    """Typst markup of an invisible mark in a data row's name cell: where it stands and the room
    its page leaves, in pt."""
    room = "(if page.flipped { page.width } else { page.height }) - page.margin.bottom.length"
    return (f"#context [#metadata((row: {row}, page: here().page(), y: here().position().y / 1pt,"
            f" room: ({room}) / 1pt)) <{MARK}>]")


def push(marks: list[dict], names: list[str], cut_rows: bool, line_pt: float) -> tuple[int, float] | None:
    """The row the page break is to fall over (the longest name of the rows after the second that
    begin on the page the first begins on; the first on a tie) and the space to set over the
    table's title so that its name begins just past its page's room (or, cells cut, a first line's
    room before it); None where no such row is."""
    at = {m["row"]: m for m in marks}
    if 0 not in at:
        return None
    rows = [k for k in sorted(at) if k >= 2 and at[k]["page"] == at[0]["page"]]
    if not rows:
        return None
    k = max(rows, key=lambda r: (len(names[r]), -r))
    room = at[k]["room"] - at[k]["y"]
    space = room - CUT_LINES * line_pt if cut_rows else room + 1.0
    return (k, round(space, 2)) if space > 0 else None
