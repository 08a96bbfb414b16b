"""Which section a piece of the bulletin is: by its title's key words (titles.py), and where the
title says too little ('（四）服务情况', '四、相关数据') or names two sections, by its content —
its table's header words against each section's column map and its row labels (districts or
institutions), or its paragraphs' sentence shapes (the prose section's own extractor reads every
paragraph). Content recognition needs strong evidence and one section alone showing it: an
unknown table ('电子健康卡发卡情况统计': 序号 发卡渠道 …) shares a word or two with many maps
and stays unrecognised."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from ..column_maps import match_columns
from ..layout.sections import SectionText
from ..layout.tables import LogicalTable, split_side_by_side
from ..names import Gazetteer
from .base import Context, Section, TableSection
from .titles import TitleMatch

HEADER_SHARE = 0.75
"""Share of a table's header cells a section's column map must name for the table to be that
section's: an unknown table shares 序号 and 单位 (half of four) with several maps."""

MIN_HEADER_CELLS = 3
"""Header cells a map must name at least: a two-column table says too little."""

PROSE_MISREADS = frozenset({"unparsed_text", "unknown_figure"})
"""Warnings by which a prose section's extractor says a paragraph is not in its sentence shapes."""


@dataclass(frozen=True)
class Evidence:
    """Why a piece's content is a section's, in words a reader can check."""

    section: Section
    reason: str


def title_matches(sections: Iterable[Section], title: str) -> list[TitleMatch]:
    """Every section the printed title names, with why (an empty title names none)."""
    found = (section.title.match(section.name, title) for section in sections)
    return [m for m in found if m is not None]


def by_content(piece: SectionText, sections: Iterable[Section], gazetteer: Gazetteer) -> list[Evidence]:
    """The sections whose content the piece shows strong evidence of: a table piece by its
    first table, a piece without a table by its paragraphs."""
    tables = piece.tables()
    if tables:
        return [e for s in sections if isinstance(s, TableSection) for e in table_evidence(s, tables[0], gazetteer)]
    return [e for s in sections if not isinstance(s, TableSection) for e in prose_evidence(s, piece)]


def table_evidence(section: TableSection, table: LogicalTable, gazetteer: Gazetteer) -> list[Evidence]:
    """The section's evidence in the table: most of its header cells in the section's column
    map, and row labels of the kind the map's key column holds."""
    if section.side_by_side:
        table = split_side_by_side(table)
    match = match_columns(table.header_paths, section.columns)
    named, cells = len(match.by_index), len(table.header_paths)
    if named < MIN_HEADER_CELLS or named < HEADER_SHARE * cells:
        return []
    kind = labels_kind(section, table, match.by_index, gazetteer)
    if kind is None:
        return []
    reason = f"its table's header: {named} of {cells} cells in the {section.name} column map{kind}"
    return [Evidence(cast(Section, section), reason)]  # a frozen TableSection is a Section read-only


def labels_kind(section: TableSection, table: LogicalTable, by_index: dict, gazetteer: Gazetteer) -> str | None:
    """'' or ', rows labelled by district' where the row labels fit the map's key column (a
    district column most of whose labels are districts, an institution column most of whose are
    not); None where they do not. Tables without such a column fit."""
    columns = {rule.columns[0]: index for index, rule in by_index.items()}
    key = next((c for c in ("district", "institution") if c in columns), None)
    if key is None:
        return ""
    labels = [row.cells[columns[key]] for row in table.rows if not row.is_total and row.cells[columns[key]].strip()]
    districts = sum(gazetteer.kind(label) == "district" for label in labels)
    by_district = 2 * districts > len(labels)
    if by_district != (key == "district"):
        return None
    return f", rows labelled by {key}"


def prose_evidence(section: Section, piece: SectionText) -> list[Evidence]:
    """The section's evidence in paragraphs: its extractor reads rows from them and every
    paragraph has its sentence shapes (a scratch reading; nothing is kept)."""
    if not piece.paragraphs():
        return []
    scratch = Context(file=Path("scratch"), year=0)
    rows = section.extract(piece, scratch).get(section.datasets[0], [])
    if not rows or any(w.kind in PROSE_MISREADS for w in scratch.warnings):
        return []
    return [Evidence(section, f"its paragraphs have the sentence shapes of {section.name}")]


def decide(piece: SectionText, matches: list[TitleMatch], unnamed: list[Section], sections: tuple[Section, ...],
           ctx: Context) -> Section | None:
    """The section the piece is: the one its title names; among two its title names, or among
    the sections no title names when its title names none, the one its content alone shows.
    A decision by content is a warning naming the printed title and why; two titles' worth of
    evidence is reported, not guessed."""
    if len(matches) == 1:
        return next(s for s in sections if s.name == matches[0].section)
    among = [s for s in sections if any(m.section == s.name for m in matches)] if matches else unnamed
    evidence = by_content(piece, among, ctx.gazetteer)
    if len(evidence) == 1:
        ctx.section = evidence[0].section.name
        ctx.warn(piece.page, f"heading {piece.title!r} {_what_title_says(matches)}; read as "
                             f"{evidence[0].section.name} by its content ({evidence[0].reason})", "section_by_content")
        ctx.section = ""
        return evidence[0].section
    if matches:
        names = " and ".join(m.section for m in matches)
        ctx.warn(piece.page, f"heading {piece.title!r} names {names} ({'; '.join(m.reason for m in matches)}) and its "
                             "content does not tell which; its content was not extracted", "ambiguous_heading")
    return None


def _what_title_says(matches: list[TitleMatch]) -> str:
    if not matches:
        return "names no section"
    return "names " + " and ".join(m.section for m in matches)


def moved_table(section: Section, piece: SectionText, unnamed: list[Section],
                ctx: Context) -> tuple[SectionText, tuple[Section, SectionText]] | None:
    """A table under another section's heading whose own title is not set as a heading (a prose
    section's: '…远程医疗数据' over paragraphs, then a table; a table section's: a second table
    after its own), read as the table section its content alone shows: the section's own part
    and (that section, the table part); None where there is no such table."""
    parts = foreign_table_part(section, piece)
    if parts is None:
        return None
    prose, rest = parts
    found = table_by_content(rest, f"{piece.title!r} ({section.name})", unnamed, ctx)
    return None if found is None else (prose, (found, rest))


def unplaced_table(piece: SectionText, unnamed: list[Section], ctx: Context) -> tuple[Section, SectionText] | None:
    """A table under the heading of a section neither its title nor its content places (a section
    unknown to the extractor) after that section's own first table, read as the table section its
    content alone shows (a headless table standing under the unknown one): (that section, the
    table part); None where there is no such table."""
    tables = piece.tables()
    if len(tables) < 2:
        return None
    rest = piece.split_at_grid(tables[1].grids[0])[1]
    found = table_by_content(rest, f"{piece.title!r} (no known section)", unnamed, ctx)
    return None if found is None else (found, rest)


def table_by_content(rest: SectionText, heading: str, unnamed: list[Section], ctx: Context) -> Section | None:
    """The one section no title names that the table part's content shows, reported as read by
    content under `heading`; None where its content shows none or several."""
    evidence = by_content(rest, unnamed, ctx.gazetteer)
    if len(evidence) != 1:
        return None
    ctx.section = evidence[0].section.name
    ctx.warn(rest.page, f"a table under heading {heading} read as {evidence[0].section.name} "
                        f"by its content ({evidence[0].reason})", "section_by_content")
    ctx.section = ""
    return evidence[0].section


def foreign_table_part(section: Section, piece: SectionText) -> tuple[SectionText, SectionText] | None:
    """Where a table that may be another section's starts in the piece: a prose section's first
    table, a table section's second (its first is its own); None where the piece has none."""
    tables = piece.tables()
    if not isinstance(section, TableSection):
        return piece.split_at_table() if tables else None
    if len(tables) < 2:
        return None
    return piece.split_at_grid(tables[1].grids[0])
