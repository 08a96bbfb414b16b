"""What every section module is made of: its title's key words (titles.py), the dataset(s) it fills, and — for
tables — a column map under schemas/column_maps/. The mechanics live here, once."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from ..column_maps import ColumnMap, ColumnMatch, column_map, match_columns
from ..layout import notes as note_text
from ..layout.sections import SectionText
from ..layout.tables import LogicalTable, TableRow, split_side_by_side
from ..names import Gazetteer
from ..schemas import schema
from ..text import YEAR, is_missing, parse_number, parse_percent, squash, tidy
from ..wording import quoted
from .titles import Title

Records = dict[str, list[dict]]

MAX_FIGURE = Decimal(10) ** 15
"""Far above any count a city bulletin prints, far below what Parquet's int64 holds."""

FRACTION_BAR = re.compile(r"[/／]")
"""The bar of an 'a/b' cell, half- or full-width."""

TOTAL_LABEL = re.compile(r"^(合计|总计)[:：]?(?P<rest>.*)$")


WARNING_KINDS = {
    "unknown_heading": "a section heading no section module claims",
    "section_by_content": "a heading that names no section (or two), its section recognised by its content: the "
                          "warning names the printed title and the evidence",
    "ambiguous_heading": "a heading naming two sections whose content does not tell which; not extracted",
    "duplicate_section": "a known section printed a second time",
    "section_not_found": "a known section missing from the bulletin; its dataset is empty for the year",
    "no_table": "a table section without a table, or with a second one that was not read",
    "unmapped_column": "a table column header no column map knows; its values were not extracted",
    "missing_column": "a column the map expects is not in the table header",
    "unmapped_band": "a header level over several mapped columns that no map names; reported once",
    "unparsed_cell": "a cell or total that does not read as a number (or a/b); left empty",
    "unknown_row_label": "a row label the map does not know; the row was skipped",
    "row_without_key": "a row without its key columns; skipped",
    "unknown_figure": "a figure in a note or paragraph with no metric id; not extracted",
    "unparsed_text": "a paragraph or clause that does not have the section's sentence shape",
    "suspected_typo": "a name one character away from a known name; kept as printed",
    "unknown_name": "a name neither known nor splittable into known names: kept whole, or cut by the shape of "
                    "institution names (every part named)",
    "year_mismatch": "a title, header, label or masthead naming another year than the bulletin's",
    "year_inferred": "no section title names the year; it was taken from the masthead date",
    "masthead": "the masthead (issuer 编印 date) missing or unreadable",
    "parser": "a complaint of the PDF parser",
    "incomplete": "a sign that part of the bulletin was not read: a printed page number, item or 序号 missing "
                  "or repeated, a turned, empty or image-only page, a count larger than the rows read",
    "institution_match": "an institution printed under a name other than its current one, taken for it by a rule, "
                         "the alias list or a typo's correction (institution_names.match); said the first time the "
                         "output folder holds the match",
    "other": "anything else",
}
"""Every warning's `kind`: stable ids for programs reading manifest.json, meaning in words."""

SOURCE_FACT_KINDS = frozenset({"suspected_typo", "year_mismatch", "institution_match"})
"""Warnings that state a fact about the source, whose data was kept as printed: `extract --strict`
lets them pass. Every other kind means data lost or uncertain, and --strict refuses it."""


@dataclass
class Warning_:
    file: str
    page: int | None
    section: str | None
    message: str
    kind: str = "other"

    def __str__(self) -> str:
        return self.located(self.file)

    def located(self, file: str | Path) -> str:
        """The warning as one line, naming the file as given (the path the user typed)."""
        where = [str(file)]
        if self.page is not None:
            where.append(f"page {self.page}")
        if self.section:
            where.append(f"section {self.section}")
        return f"{': '.join(where)}: {self.message}"

    def as_dict(self) -> dict:
        return {"file": self.file, "page": self.page, "section": self.section, "kind": self.kind,
                "message": self.message}


@dataclass
class Context:
    """What a section extractor may know beyond its own text: the bulletin year, the gazetteer,
    and where to report what it did not recognise."""

    file: Path
    year: int
    section: str = ""
    warnings: list[Warning_] = field(default_factory=list)
    gazetteer: Gazetteer = field(default_factory=Gazetteer.curated)

    def warn(self, page: int | None, message: str, kind: str = "other") -> None:
        if kind not in WARNING_KINDS:
            raise ValueError(f"unknown warning kind {kind!r}; add it to WARNING_KINDS")
        self.warnings.append(Warning_(self.file.name, page, self.section or None, message, kind))


class Section(Protocol):
    name: str
    title: Title
    datasets: tuple[str, ...]
    uses_gazetteer: bool
    """Whether extract() reads ctx.gazetteer: such a section runs after the others, once the tables
    have added the names they print to it."""

    def extract(self, text: SectionText, ctx: Context) -> Records: ...


def number_cell(text: str, column: str, ctx: Context, page: int, integer: bool) -> Decimal | None:
    """A numeric cell: '/' and blanks are missing; anything else unreadable is reported. A unit in
    the cell is applied ('38682.77万' → 386827700, in the column's own unit); a percent ('45%') is
    read only in a ratio column (a name ending in _percent), as printed (45)."""
    if is_missing(text):
        return None
    value = parse_percent(text) if is_percent_column(column) else parse_number(text)
    if value is None:
        ctx.warn(page, f"column {column}: cannot read {quoted(text)} as a {'whole ' if integer else ''}number; "
                       "left empty", "unparsed_cell")
        return None
    if integer and value != value.to_integral_value():
        # '3.14159万' in a count column: never rounded silently
        ctx.warn(page, f"column {column}: {quoted(text)} reads as {value.normalize():f}, not a whole number; "
                       "left empty", "unparsed_cell")
        return None
    if not plausible(value):
        ctx.warn(page, f"column {column}: {quoted(text)} is beyond any plausible figure (cells run together?); left empty",
                 "unparsed_cell")
        return None
    return value


PLAIN_FIGURE = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
"""A figure printed as the plain writing of its value: ASCII digits, no unit, separator or percent."""


def is_plain_figure(text: str) -> bool:
    """'12345', '3.5': nothing printed beyond the value; '38682.77万', '1,234', '３８', '45%' are not."""
    return PLAIN_FIGURE.fullmatch(text.strip()) is not None


@dataclass(frozen=True)
class PrintedFigure:
    """A table figure whose printed text is not the plain writing of its value (or which could not
    be read: value None), kept for the printed_figures dataset."""

    column: str
    printed: str
    value: Decimal | None


def figure_cell(text: str, column: str, ctx: Context, page: int, integer: bool,
                figures: list[PrintedFigure]) -> Decimal | None:
    """number_cell, the printed text kept in `figures` where it is not the plain writing of the
    value read, or where nothing could be read (value None): nothing printed is lost."""
    value = number_cell(text, column, ctx, page, integer)
    if not is_missing(text) and (value is None or not is_plain_figure(text)):
        figures.append(PrintedFigure(column, text.strip(), value))
    return value


def row_key_text(row: dict, key: list[str]) -> str:
    """A row's key as text, 'district=鼓楼区; referral_type=outpatient; period=annual' (key order)."""
    return "; ".join(f"{k}={row.get(k)}" for k in key)


def is_percent_column(column: str) -> bool:
    """A ratio column, whose cells print percents ('45%'): its name says so."""
    return column.endswith("_percent")


def plausible(figure: Decimal) -> bool:
    """Within what a city bulletin can print (a run of cells read as one number is not)."""
    return abs(figure) < MAX_FIGURE


def own_part(text: SectionText, tables: list[LogicalTable]) -> SectionText:
    """The section up to a second table it does not read: its notes are those under its own table
    ('（截止…总预约挂号量为…）' over an unknown table printed without a heading)."""
    return text if len(tables) < 2 else text.split_at_grid(tables[1].grids[0])[0]


@dataclass(frozen=True)
class TableSection:
    """A section holding one table (possibly continued over pages), rows → one dataset row each,
    合计 rows and note figures → totals."""

    name: str
    title: Title
    dataset: str
    side_by_side: bool = False
    reshape: Callable[[list[dict]], list[dict]] | None = None
    total_metric: Callable[[str], str] = field(default=lambda column: column)
    uses_gazetteer: bool = False

    @property
    def datasets(self) -> tuple[str, ...]:
        return (self.dataset, "totals", "printed_figures")

    @property
    def columns(self) -> ColumnMap:
        return column_map(self.name)

    @property
    def row_key(self) -> list[str]:
        """The dataset's key columns that the table itself prints (not year, not reshaped ones)."""
        mapped = {c for r in self.columns.rules for c in r.columns}
        return [k for k in schema(self.dataset).key if k in mapped]

    def extract(self, text: SectionText, ctx: Context) -> Records:
        tables = text.tables()
        if not tables:
            ctx.warn(text.page, "no table found under the heading; dataset left empty", "no_table")
            return {self.dataset: [], "totals": [], "printed_figures": []}
        table = tables[0]
        for extra in tables[1:]:
            ctx.warn(extra.first_page, f"a second table with {extra.n_cols} columns in the section was not read", "no_table")
        if self.side_by_side:
            table = split_side_by_side(table)
        match = match_columns(table.header_paths, self.columns)
        self._report_columns(match, table, ctx)
        records, totals, printed = [], [], []
        for row in table.rows:
            total = TOTAL_LABEL.match(row.label)
            if total:
                totals.extend(self._total_row(row, match, total["rest"], ctx))
                continue
            figures: list[PrintedFigure] = []
            record = self._record(row, match, ctx, figures)
            if record is not None:
                records.append(record)
                printed.extend(self._printed_rows(record, figures))
        if self.reshape is not None:
            records = self.reshape(records)
        totals.extend(self._note_figures(own_part(text, tables), ctx))
        return {self.dataset: records, "totals": totals, "printed_figures": printed}

    def _report_columns(self, match: ColumnMatch, table: LogicalTable, ctx: Context) -> None:
        for header, columns in Counter(match.unmapped).items():  # one warning for a header over several columns
            ctx.warn(table.first_page, f"unmapped column header {header!r}; its values were not extracted"
                     if columns == 1 else f"unmapped column header {header!r} ({columns} columns); their values were "
                     "not extracted", "unmapped_column")
        for band in match.bands:
            ctx.warn(table.first_page, f"header band {band!r} is in no column map; the columns under it were "
                                       "read by their own headers", "unmapped_band")
        for column in match.missing:
            ctx.warn(table.first_page, f"no column for {column!r} found in the table header; left empty", "missing_column")
        for year in sorted(match.header_years - {ctx.year}):
            ctx.warn(table.first_page, f"table header names the year {year}, but the bulletin year is {ctx.year}",
                     "year_mismatch")

    def _record(self, row: TableRow, match: ColumnMatch, ctx: Context, figures: list[PrintedFigure]) -> dict | None:
        """The row's dataset record (None: skipped, and said why); the figures it prints other than
        plainly are added to `figures`."""
        spec = schema(self.dataset)
        record: dict = {"source_page": row.page}
        for index, rule in match.by_index.items():
            cell = row.cells[index]
            if rule.is_fraction:
                # split as printed (full-width digits kept for printed_figures; parse_number folds them)
                parts = FRACTION_BAR.split(re.sub(r"\s+", "", cell)) if not is_missing(cell) else []
                if len(parts) != 2:
                    if parts:
                        ctx.warn(row.page, f"column {rule.columns[0]}: expected 'a/b', found {cell!r}; left empty",
                                 "unparsed_cell")
                        figures.append(PrintedFigure(rule.columns[0], tidy(cell), None))
                    parts = ["", ""]
                for column, part in zip(rule.columns, parts):
                    record[column] = figure_cell(part, column, ctx, row.page, True, figures)
                continue
            column = rule.columns[0]
            kind = spec.type_of(column)
            labels = self.columns.row_labels.get(column)
            if labels:
                record[column] = self.columns.label(column, cell)
                if record[column] is None:
                    ctx.warn(row.page, f"row label {cell!r} in column {column} not recognised; row skipped",
                             "unknown_row_label")
                    return None
                for year in {int(y) for y in re.findall(YEAR, squash(cell))} - {ctx.year}:
                    ctx.warn(row.page, f"row label {cell!r} names the year {year}, but the bulletin year is {ctx.year}",
                             "year_mismatch")
            elif kind in ("int", "float"):
                record[column] = figure_cell(cell, column, ctx, row.page, kind == "int", figures)
            else:
                record[column] = tidy(cell) or None
        if any(record.get(k) is None for k in self.row_key):
            ctx.warn(row.page, f"row {row.cells!r} has no {'/'.join(self.row_key)}; row skipped", "row_without_key")
            return None
        return record

    def _printed_rows(self, record: dict, figures: list[PrintedFigure]) -> list[dict]:
        """The printed_figures rows of one record's figures, each keyed as its dataset keys the row
        (a reshaped dataset's figure reshaped alone: 门诊转诊 / 累计总量 → referral_type, period)."""
        key = [k for k in schema(self.dataset).key if k != "year"]
        rows = []
        for figure in figures:
            alone = {k: record[k] for k in self.row_key} | {figure.column: figure.value, "source_page": record["source_page"]}
            for reshaped in self.reshape([alone]) if self.reshape is not None else [alone]:
                column = next(c for c in reshaped if c not in key and c != "source_page")
                rows.append({"dataset": self.dataset, "row_key": row_key_text(reshaped, key), "column": column,
                             "printed": figure.printed, "value": figure.value, "source_page": record["source_page"]})
        return rows

    def _total_row(self, row: TableRow, match: ColumnMatch, rest: str, ctx: Context) -> list[dict]:
        spec = schema(self.dataset)
        numeric = [
            (i, r.columns[0]) for i, r in match.by_index.items()
            if not r.is_fraction and spec.type_of(r.columns[0]) in ("int", "float") and r.columns[0] != "seq"
        ]
        has_figures = any(not is_missing(row.cells[i]) for i, _ in numeric)
        if row.spans_all or (rest.strip() and not has_figures):
            # '合计：290146' printed in one cell (across the table, or in its first column with
            # the rest blank): it totals the only count column.
            if len(numeric) != 1 or parse_number(rest) is None:
                ctx.warn(row.page, f"total row {quoted(row.cells[0])} cannot be assigned to one column; not extracted",
                         "unparsed_cell")
                return []
            return self._total(numeric[0][1], rest, row.page, ctx)
        return [total for index, column in numeric if not is_missing(row.cells[index])
                for total in self._total(column, row.cells[index], row.page, ctx)]

    def _total(self, column: str, printed: str, page: int, ctx: Context) -> list[dict]:
        """The printed total of one column, or nothing (and a warning) where it is no figure."""
        value = parse_number(printed)
        if value is None:
            ctx.warn(page, f"total row: cannot read {quoted(printed)} in column {column}; not extracted", "unparsed_cell")
            return []
        if not plausible(value):
            ctx.warn(page, f"total row: {quoted(printed)} in column {column} is beyond any plausible figure (cells run "
                           "together?); not extracted", "unparsed_cell")
            return []
        return [{"dataset": self.dataset, "source": "total_row", "metric": self.total_metric(column),
                 "value": value, "unit": None, "printed": tidy(printed), "source_page": page}]

    def _note_figures(self, text: SectionText, ctx: Context) -> list[dict]:
        out = []
        for paragraph in text.notes():
            for figure in note_text.figures(paragraph.text):
                found = note_text.label_of(figure, self.columns.notes)
                if found is None:
                    ctx.warn(paragraph.page,
                             f"note figure {figure.printed!r} in {figure.clause!r} has no metric id; not extracted",
                             "unknown_figure")
                    continue
                out.append({
                    "dataset": self.dataset, "source": "note", "metric": found[0], "value": figure.value,
                    "unit": figure.unit, "printed": figure.printed, "source_page": paragraph.page,
                })
        return out
