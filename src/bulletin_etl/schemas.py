"""schemas/datasets/*.yaml → one definition per dataset, used for Pandera validation, the Parquet
schema (with each column's description in the field metadata) and the README's dataset list."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow
import yaml

PARTITION_COLUMNS = ("year",)
"""Stored in the folder names (year=2024), not inside the files: pandas' hive reader refuses a
column that is in both, and every hive-aware reader (pandas, pyarrow, DuckDB, Spark) restores it."""

PANDAS_DTYPES = {"int": "Int64", "float": "Float64", "string": "string", "bool": "boolean", "date": "object"}
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
        """Records → a DataFrame with exactly this dataset's columns and dtypes."""
        frame = pd.DataFrame.from_records(records, columns=self.column_names)
        for c in self.columns:
            if c.type == "date":
                frame[c.name] = pd.Series([v for v in frame[c.name]], dtype="object")
            elif c.type == "float":
                frame[c.name] = pd.array([None if v is None or v != v else float(v) for v in frame[c.name]],
                                         dtype="Float64")
            elif c.type == "int":
                frame[c.name] = pd.array([None if v is None or v != v else int(v) for v in frame[c.name]],
                                         dtype=PANDAS_DTYPES[c.type])
            else:
                frame[c.name] = frame[c.name].astype(PANDAS_DTYPES[c.type])
        return frame


def _column(name: str, spec: dict | None, fields: dict) -> ColumnSpec:
    merged = dict(fields[name]) if spec is None else dict(spec)
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


@cache
def all_schemas() -> dict[str, DatasetSchema]:
    fields = load_yaml("fields.yaml")
    out = {}
    for node in sorted((data_dir() / "datasets").iterdir(), key=lambda n: n.name):
        if not node.name.endswith(".yaml"):
            continue
        raw = yaml.safe_load(node.read_text(encoding="utf-8"))
        out[raw["name"]] = DatasetSchema(
            name=raw["name"],
            description=raw["description"],
            section=raw["section"],
            key=tuple(raw["key"]),
            columns=tuple(_column(n, s, fields) for n, s in raw["columns"].items()),
        )
    return out


def schema(name: str) -> DatasetSchema:
    return all_schemas()[name]
