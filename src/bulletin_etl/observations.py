"""The dataset `observations`: every figure of every dataset in every edition the output folder
holds, one row per figure — the long table of which "appointments per hospital per year" is one
filter and one pivot. Which columns are figures, and each one's metric, period and unit, is
declared in the dataset's schema file (figures.py), as is what its rows are about (`entity:`);
nothing here reads a column's name for its meaning.

It is rewritten from every year's partitions on each write (output.py), after institutions.py has
settled the institution ids, so that adding, re-extracting or removing an edition rewrites it with
the rest, atomically, and its ids are those of the partitions.

Two kinds of figure are not rows of the dataset they belong to: a printed 合计 row and a figure in
a note under a table, both kept in `totals`. Each is written once, as a figure of the table's
dataset: a 合计 as the column it totals declares (entity_kind total), a note's figure with the
period the dataset's `note_periods:` declares and the unit printed (entity_kind city)."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pyarrow.parquet as pq

from .figures import Entity, Figure, FromColumn
from .identity import nfkc, vocabulary
from .institutions import NAMES, PART, write_by_year
from .schemas import DatasetSchema, per_bulletin, schema

OBSERVATIONS = "observations"
TOTALS = "totals"
TOTAL_ROW = "合计"
"""The label a table's total row is printed under: the entity of its figures."""
CITY, TOTAL = "city", "total"
"""entity_kind and entity_id of a figure of the whole city (a note's), and of a 合计 row's."""
NOTE = "note"
"""totals.source of a figure in a note under a table (the other: a 合计 row)."""

Row = dict[str, object]


def read_year(tree: Path, dataset: str, year: int) -> list[Row]:
    """The rows of a dataset's partition of one year (none when the partition is absent)."""
    part = tree / dataset / f"year={year}" / PART
    return pq.read_table(part).to_pylist() if part.is_file() else []


def is_figure(value: object) -> bool:
    """A printed figure: not empty ('/' printed, or not stated) and not a NaN."""
    return value is not None and value == value


def the_city() -> Row:
    """The entity of a figure of the whole city: named as the gazetteer names the city (the
    evaluation lists print it so among the districts and institutions they rate)."""
    return {"entity_kind": CITY, "entity_id": CITY, "entity": vocabulary().cities[0]}


def entity_of(entity: Entity, row: Row) -> Row:
    """What the row is about: its kind, a key stable across editions (the id column's where the
    dataset has one, else the printed name folded by identity.nfkc), and its name as printed; a
    dataset about the whole city names no column."""
    if entity.column is None:
        return the_city()
    printed = row.get(entity.column)
    key = row.get(entity.id) if entity.id is not None else nfkc(str(printed))
    return {"entity_kind": entity.kind, "entity_id": key, "entity": printed}


def observation(head: Row, figure: Figure, row: Row, value: object, page: object) -> Row:
    """One figure: `head` (year, dataset, entity) and what the figure declares it is in `row`."""
    metric, period, unit = figure.read(row)
    if not isinstance(value, int | float):  # the schemas declare figures on number columns only
        raise TypeError(f"{head['dataset']}: {metric}: {value!r} is not a number")
    return {**head, "metric": metric, "period": period, "unit": unit or None, "value": float(value), "source_page": page}


def dataset_rows(spec: DatasetSchema, year: int, rows: list[Row]) -> list[Row]:
    """Every figure of a dataset's rows of one year, row by row, in the order of its columns."""
    assert spec.entity is not None
    figures = [(c.name, c.figure) for c in spec.columns if c.figure is not None]
    out = []
    for row in rows:
        head = {"year": year, "dataset": spec.name, **entity_of(spec.entity, row)}
        out += [observation(head, figure, row, row[name], row.get("source_page"))
                for name, figure in figures if is_figure(row.get(name))]
    return out


def totalled(spec: DatasetSchema) -> dict[str, tuple[Figure, Row]]:
    """Each metric a 合计 row of the dataset may name → the figure it totals and the values that
    name it: a column of figures by its name; in a dataset holding one figure per row (its
    column_total's `value`), the values of the check's `per` columns joined with '_', as
    consistency.py names them (referral_type outpatient, period annual: outpatient_annual)."""
    out: dict[str, tuple[Figure, Row]] = {c.name: (c.figure, {}) for c in spec.columns if c.figure is not None}
    declared = spec.checks.column_total
    if declared is None or declared.value is None or spec.column(declared.value).figure is None:
        return out
    figure = spec.column(declared.value).figure
    assert figure is not None
    for values in itertools.product(*(spec.column(c).allowed or () for c in declared.per)):
        out["_".join(values)] = (figure, dict(zip(declared.per, values)))
    return out


def totals_rows(year: int, rows: list[Row], schemas: dict[str, DatasetSchema]) -> list[Row]:
    """The figures of `totals`, each as a figure of the dataset whose table prints it."""
    out = []
    for row in rows:
        spec = schemas.get(str(row["dataset"]))
        if spec is None:  # a dataset this version no longer has
            continue
        head: Row = {"year": year, "dataset": spec.name}
        if row["source"] == NOTE:
            figure = Figure(FromColumn("metric"), spec.note_periods.get(str(row["metric"]), ""), FromColumn("unit"))
            out.append(observation({**head, **the_city()}, figure, row,
                                   row["value"], row.get("source_page")))
            continue
        figure, named = totalled(spec)[str(row["metric"])]
        out.append(observation({**head, "entity_kind": TOTAL, "entity_id": TOTAL, "entity": TOTAL_ROW}, figure, named,
                               row["value"], row.get("source_page")))
    return out


NameIds = dict[tuple[int, str, str], str]
"""(year, dataset, printed name) → institution id, as institution_names holds them."""


def name_ids(tree: Path) -> NameIds:
    """The ids institutions.py gave every printed name of the tree."""
    folder = tree / NAMES
    if not folder.is_dir():
        return {}
    table = pq.read_table(folder, partitioning="hive").to_pylist()
    return {(int(r["year"]), r["dataset"], r["name_as_printed"]): r["institution_id"] for r in table}


def lacks_ids(entity: Entity | None, rows: list[Row]) -> bool:
    """A partition written before its dataset had an id column (by an earlier version)."""
    if entity is None or entity.id is None:
        return False
    return bool(rows) and entity.id not in rows[0]


def with_ids(spec: DatasetSchema, year: int, rows: list[Row], ids: NameIds) -> list[Row]:
    """The rows, those of a partition without ids given the ids institutions.py gave their names."""
    if not lacks_ids(spec.entity, rows):
        return rows
    assert spec.entity is not None and spec.entity.id is not None
    id_column, column = spec.entity.id, str(spec.entity.column)
    return [{**row, id_column: ids.get((year, spec.name, str(row.get(column))))} for row in rows]


def rows_of_year(tree: Path, year: int, schemas: dict[str, DatasetSchema], ids: NameIds) -> list[Row]:
    """Every figure of one year's partitions: the datasets' own rows, then the totals'."""
    out = []
    for name, spec in schemas.items():
        if spec.entity is not None:
            out += dataset_rows(spec, year, with_ids(spec, year, read_year(tree, name, year), ids))
    return out + totals_rows(year, read_year(tree, TOTALS, year), schemas)


def write(tree: Path, years: list[int]) -> None:
    """Rewrite `observations` in the (staged) tree from the given years' partitions (after
    institutions.py has written institution_names, whose ids it reads for old partitions)."""
    spec, ids = schema(OBSERVATIONS), name_ids(tree)
    rows = [row for year in years for row in rows_of_year(tree, year, per_bulletin(), ids)]
    frame = spec.pandera().validate(spec.frame(rows))
    shutil.rmtree(tree / OBSERVATIONS, ignore_errors=True)
    write_by_year(tree, OBSERVATIONS, frame)
