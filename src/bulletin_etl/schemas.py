"""schemas/datasets/*.yaml → one definition per dataset, used for Pandera validation, the Parquet
schema (with each column's description in the field metadata) and the README's dataset list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow
import yaml

from .declared_checks import BadCheck, DeclaredChecks, parse_checks
from .figures import BadFigure, Entity, Figure, parse_entity, parse_figure, parse_note_periods

PARTITION_COLUMNS = ("year",)
"""Stored in the folder names (year=2024), not inside the files: pandas' hive reader refuses a
column that is in both, and every hive-aware reader (pandas, pyarrow, DuckDB, Spark) restores it."""

PANDAS_DTYPES = {"int": "Int64", "float": "Float64", "string": "string", "bool": "boolean",
                 # pandas' Arrow date type: stored in the files' pandas metadata, so pd.read_parquet
                 # gives dates back (an object column of datetime.date would read back as object).
                 "date": pd.ArrowDtype(pa_arrow.date32())}
ARROW_TYPES = {
    "int": pa_arrow.int64(),
    "float": pa_arrow.float64(),
    "string": pa_arrow.string(),
    "bool": pa_arrow.bool_(),
    "date": pa_arrow.date32(),
}


def data_dir():
    """The schemas folder shipped inside the package (also linked as ./schemas in the repo)."""
    return resources.files("bulletin_etl") / "schemas"


def load_yaml(*parts: str) -> Any:
    node = data_dir()
    for part in parts:
        node = node / part
    return yaml.safe_load(node.read_text(encoding="utf-8"))


def _whole(value: Any) -> int:
    whole = int(value)  # a fraction must not be cut to its integer part silently, nor text read
    if whole != value:
        raise ValueError(f"{value!r} is not a whole number")
    return whole


def _real(value: Any) -> float:
    if isinstance(value, str):  # float('1.5') would pass a cell's text through unread
        raise TypeError(f"{value!r} is text, not a number")
    return float(value)


def _date(value: object) -> dt.date:
    if not isinstance(value, dt.date):
        raise TypeError(f"{value!r} is not a date")
    return value


CONVERT = {"int": _whole, "float": _real, "date": _date}
"""Record value → the column's Python value; a value that does not convert fails the dataset."""

DATASET_KEYS = frozenset({"name", "description", "section", "key", "columns", "role", "checks", "entity",
                          "note_periods"})
DATASET_REQUIRED = DATASET_KEYS - {"role", "checks", "entity", "note_periods"}
ROLES = ("data", "derived", "bulletin", "editions")
"""What a dataset's rows are: data read from a section (the default); derived from other datasets
(printed totals gathered, consistency checks); one row per bulletin read; or computed over every
edition the output folder holds, when it is written (institutions.py)."""
COLUMN_KEYS = frozenset({"type", "description", "nullable", "min", "max", "allowed", "pattern", "figure"})
"""`figure`: what the column's values are as figures — metric, period, unit (figures.py)."""


class SchemaFileError(ValueError):
    """A schema file that does not say what the loader expects: an unknown or missing key, an
    undefined shared field. (An unquoted comma in a YAML flow mapping cuts a description short and
    leaves the rest as a key; refusing unknown keys is what catches it.)"""


class BadRecords(ValueError):
    """Records that cannot become the dataset's frame: `cases` are (record index, value) pairs."""

    def __init__(self, dataset: str, column: str, check: str, cases: list[tuple[int, object]]) -> None:
        self.dataset, self.column, self.check, self.cases = dataset, column, check, cases
        shown = ", ".join(repr(v) for _, v in cases[:5])
        super().__init__(f"dataset {dataset}: column {column}: {check}: {shown}")


class UnknownColumns(BadRecords):
    """Records carrying a key that is not a column of their dataset (a typo in a column map's
    target would otherwise give an all-null column)."""


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str
    description: str
    nullable: bool = True
    min: float | None = None
    max: float | None = None
    allowed: tuple[str, ...] | None = None
    pattern: str | None = None
    figure: Figure | None = None
    """Set on a column of figures: each value is one row of `observations` (figures.py)."""

    def checks(self) -> list[pa.Check]:
        checks = []
        if self.min is not None:
            checks.append(pa.Check.ge(self.min))
        if self.max is not None:
            checks.append(pa.Check.le(self.max))
        if self.allowed is not None:
            checks.append(pa.Check.isin(list(self.allowed)))
        if self.pattern is not None:
            checks.append(pa.Check.str_matches(self.pattern))
        return checks


@dataclass(frozen=True)
class DatasetSchema:
    name: str
    description: str
    section: str
    key: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    role: str = "data"
    checks: DeclaredChecks = field(default_factory=DeclaredChecks)
    """What consistency.py checks in the dataset's rows (declared_checks.py)."""
    entity: Entity | None = None
    """What each row is about, where the dataset has figures (figures.py)."""
    note_periods: dict[str, str] = field(default_factory=dict)
    """The period of each figure of the notes under the dataset's table, by metric id."""

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)

    def type_of(self, name: str, default: str = "int") -> str:
        """A column's type; columns a section reshapes away (wide → long) are counts by default."""
        return next((c.type for c in self.columns if c.name == name), default)

    def pandera(self) -> pa.DataFrameSchema:
        return pa.DataFrameSchema(
            {
                c.name: pa.Column(
                    PANDAS_DTYPES[c.type] if c.type != "date" else None,
                    checks=c.checks(),
                    nullable=c.nullable and c.name not in self.key,
                )
                for c in self.columns
            },
            unique=list(self.key),
            strict=True,
            ordered=True,
            name=self.name,
        )

    def arrow(self) -> pa_arrow.Schema:
        """The schema of the files: every column but the partition columns."""
        return pa_arrow.schema(
            [
                pa_arrow.field(c.name, ARROW_TYPES[c.type], nullable=c.nullable and c.name not in self.key,
                               metadata={"description": c.description})
                for c in self.columns
                if c.name not in PARTITION_COLUMNS
            ],
            metadata={"dataset": self.name, "description": self.description},
        )

    def frame(self, records: list[dict]) -> pd.DataFrame:
        """Records → a DataFrame with exactly this dataset's columns and dtypes; a record key that is
        not a column raises UnknownColumns."""
        known = set(self.column_names)
        unknown = sorted({k for record in records for k in record} - known)
        if unknown:
            cases = [(i, record[unknown[0]]) for i, record in enumerate(records) if unknown[0] in record]
            raise UnknownColumns(self.name, unknown[0], f"not a column of the schema (records carry "
                                 f"{', '.join(map(repr, unknown))})", cases)
        frame = pd.DataFrame.from_records(records, columns=self.column_names)
        for c in self.columns:
            if c.type in CONVERT:
                values, bad = [], []
                for i, v in enumerate(frame[c.name]):
                    try:
                        values.append(None if v is None or v != v else CONVERT[c.type](v))
                    except (TypeError, ValueError, ArithmeticError):
                        bad.append((i, v))
                if bad:
                    raise BadRecords(self.name, c.name, f"is not of type {c.type}", bad)
                frame[c.name] = pd.array(values, dtype=PANDAS_DTYPES[c.type])
            else:
                frame[c.name] = frame[c.name].astype(PANDAS_DTYPES[c.type])
        return frame


def _check_keys(node: object, allowed: frozenset[str], required: set[str], where: str) -> dict:
    if not isinstance(node, dict):
        raise SchemaFileError(f"{where}: expected a mapping, found {node!r}")
    unknown = [str(k) for k in node if k not in allowed]
    if unknown:
        raise SchemaFileError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))} "
                              f"(allowed: {', '.join(sorted(allowed))}; a description with a comma needs quotes)")
    missing = sorted(required - set(node))
    if missing:
        raise SchemaFileError(f"{where}: missing {', '.join(missing)}")
    return node


def _column(name: str, spec: dict | None, fields: dict, where: str) -> ColumnSpec:
    if spec is None:
        if name not in fields:
            raise SchemaFileError(f"{where}: column {name} is `~` but fields.yaml does not define it")
        merged = dict(fields[name])
    else:
        merged = dict(_check_keys(spec, COLUMN_KEYS, {"type", "description"}, f"{where}: column {name}"))
    if merged["type"] not in ARROW_TYPES:
        raise SchemaFileError(f"{where}: column {name} has type {merged['type']!r}; known: {', '.join(ARROW_TYPES)}")
    allowed = merged.get("allowed")
    return ColumnSpec(
        name=name,
        type=merged["type"],
        description=merged["description"],
        nullable=merged.get("nullable", True),
        min=merged.get("min"),
        max=merged.get("max"),
        allowed=tuple(allowed) if allowed else None,
        pattern=merged.get("pattern"),
    )


def parse_fields(text: str, where: str = "fields.yaml") -> dict[str, dict]:
    """The shared field definitions, each checked like a dataset's column."""
    raw = yaml.safe_load(text) or {}
    return {name: _check_keys(spec, COLUMN_KEYS, {"type", "description"}, f"{where}: field {name}")
            for name, spec in raw.items()}


def parse_dataset(text: str, fields: dict[str, dict], where: str) -> DatasetSchema:
    """One schemas/datasets/<name>.yaml; SchemaFileError names the file and the offending key."""
    raw = _check_keys(yaml.safe_load(text), DATASET_KEYS, set(DATASET_REQUIRED), where)
    if raw.get("role", "data") not in ROLES:
        raise SchemaFileError(f"{where}: role {raw['role']!r} is not one of {', '.join(ROLES)}")
    columns = tuple(_column(n, s, fields, where) for n, s in raw["columns"].items())
    names = {c.name for c in columns}
    if not set(raw["key"]) <= names:
        raise SchemaFileError(f"{where}: key {raw['key']} names columns the file does not define")
    allowed = {c.name: c.allowed for c in columns}
    try:
        checks = parse_checks(raw.get("checks"), allowed)
    except BadCheck as exc:
        raise SchemaFileError(f"{where}: checks: {exc}") from None
    columns, entity, note_periods = _figures(raw, columns, fields, where)
    return DatasetSchema(name=raw["name"], description=raw["description"], section=raw["section"],
                         key=tuple(raw["key"]), columns=columns, role=raw.get("role", "data"), checks=checks,
                         entity=entity, note_periods=note_periods)


def _figures(raw: dict, columns: tuple[ColumnSpec, ...], fields: dict,
             where: str) -> tuple[tuple[ColumnSpec, ...], Entity | None, dict[str, str]]:
    """The columns with their `figure:` read, the dataset's `entity:` and `note_periods:`
    (figures.py); a dataset with figures must say what its rows are about."""
    allowed = {c.name: c.allowed for c in columns}
    declared = {name: (spec if spec is not None else fields[name]).get("figure") for name, spec in raw["columns"].items()}
    try:
        columns = tuple(c if declared[c.name] is None else replace(c, figure=parse_figure(declared[c.name], c.name, allowed))
                        for c in columns)
        entity = parse_entity(raw["entity"], allowed) if "entity" in raw else None
        note_periods = parse_note_periods(raw["note_periods"]) if "note_periods" in raw else {}
    except BadFigure as exc:
        raise SchemaFileError(f"{where}: {exc}") from None
    if entity is None and any(c.figure for c in columns):
        raise SchemaFileError(f"{where}: columns declare figures but the dataset declares no entity:")
    return columns, entity, note_periods


def check_references(schemas: dict[str, DatasetSchema]) -> None:
    """Each claim compares with a dataset (and column) that is defined: SchemaFileError otherwise."""
    for spec in schemas.values():
        for number, claim in enumerate(spec.checks.claim, 1):
            reference = claim.reference()
            if reference is None:
                continue
            dataset, column = reference
            if dataset not in schemas or (column is not None and column not in schemas[dataset].column_names):
                raise SchemaFileError(f"datasets/{spec.name}.yaml: checks: claim {number}: compare: "
                                      f"{'.'.join(filter(None, reference))} is not a dataset or column")


@cache
def all_schemas() -> dict[str, DatasetSchema]:
    fields = parse_fields((data_dir() / "fields.yaml").read_text(encoding="utf-8"))
    out = {}
    for node in sorted((data_dir() / "datasets").iterdir(), key=lambda n: n.name):
        if not node.name.endswith(".yaml"):
            continue
        spec = parse_dataset(node.read_text(encoding="utf-8"), fields, f"datasets/{node.name}")
        if f"{spec.name}.yaml" != node.name:
            raise SchemaFileError(f"datasets/{node.name}: names the dataset {spec.name!r}; the file name must match")
        out[spec.name] = spec
    check_references(out)
    return out


def per_bulletin() -> dict[str, DatasetSchema]:
    """The datasets an extraction of one bulletin gives (all but those computed across editions)."""
    return {name: spec for name, spec in all_schemas().items() if spec.role != "editions"}


def schema(name: str) -> DatasetSchema:
    return all_schemas()[name]
