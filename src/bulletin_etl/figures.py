"""What a dataset's figures are, as its schema file declares them — read by observations.py, which
writes every figure of every edition as one row of a long table.

    entity: {kind: institution, column: institution, id: institution_id}   # what a row is about
    columns:
      appointments_annual: {type: int, …, figure: {metric: appointments, period: annual, unit: 次}}
      count: {type: int, …, figure: {metric: {column: referral_type}, period: {column: period}, unit: 次}}
    note_periods: {appointments_all_time: cumulative}   # the figures of the notes under its table

A figure's metric (its column's name when not given), period and unit are either written out or
read from another column of the same row (`{column: …}`: a dataset holding one figure per row).
The entity is a column of the row (its printed name), and the column holding its stable id where
the dataset has one; a dataset about the whole city names no column."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

PERIODS = ("annual", "cumulative", "point")
"""annual: in the bulletin year; cumulative: to date (累计); point: a state at the year's end or a
count that is neither (institutions connected, a rank)."""

ENTITY_KINDS = ("institution", "district", "channel", "system", "index", "city")
FIGURE_KEYS = frozenset({"metric", "period", "unit"})
ENTITY_KEYS = frozenset({"kind", "column", "id"})

Columns = Mapping[str, "tuple[str, ...] | None"]
"""A dataset's columns, each with the values it allows (None: any)."""


class BadFigure(ValueError):
    """A `figure:`, `entity:` or `note_periods:` entry the loader refuses (the loader adds the file)."""


@dataclass(frozen=True)
class FromColumn:
    """A figure's metric, period or unit read from another column of its row."""

    column: str


Part = str | FromColumn


def part_value(part: Part, row: Mapping[str, object]) -> object:
    """The part's value in a row: written out, or the named column's."""
    return row.get(part.column) if isinstance(part, FromColumn) else part


@dataclass(frozen=True)
class Figure:
    """A column's figure: which metric it is, over which period, in which unit."""

    metric: Part
    period: Part
    unit: Part

    def read(self, row: Mapping[str, object]) -> tuple[object, object, object]:
        """(metric, period, unit) of the figure in this row."""
        return part_value(self.metric, row), part_value(self.period, row), part_value(self.unit, row)


@dataclass(frozen=True)
class Entity:
    """What a dataset's rows are about: its kind, the column printing it, the column of its id."""

    kind: str
    column: str | None = None
    id: str | None = None


def _part(value: object, key: str, columns: Columns) -> Part:
    if isinstance(value, dict):
        if set(value) != {"column"} or value["column"] not in columns:
            raise BadFigure(f"{key}: {value!r} is not {{column: <a column of the dataset>}}")
        return FromColumn(str(value["column"]))
    if not isinstance(value, str) or not value:
        raise BadFigure(f"{key}: {value!r} is neither a word nor {{column: …}}")
    return value


def _check_period(period: Part, columns: Columns) -> None:
    allowed = columns[period.column] if isinstance(period, FromColumn) else (period,)
    if not set(allowed or ("(any)",)) <= set(PERIODS):
        raise BadFigure(f"period: {allowed!r} is not among {', '.join(PERIODS)}")


def parse_figure(raw: object, name: str, columns: Columns) -> Figure:
    """A column's `figure:` mapping (metric defaults to the column's name)."""
    if not isinstance(raw, dict) or not set(raw) <= FIGURE_KEYS or not {"period", "unit"} <= set(raw):
        raise BadFigure(f"column {name}: figure: give period and unit (and metric), found {raw!r}")
    figure = Figure(_part(raw.get("metric", name), "metric", columns), _part(raw["period"], "period", columns),
                    _part(raw["unit"], "unit", columns))
    _check_period(figure.period, columns)
    return figure


def parse_entity(raw: object, columns: Columns) -> Entity:
    """The dataset's `entity:` mapping; its columns must be the dataset's."""
    if not isinstance(raw, dict) or not set(raw) <= ENTITY_KEYS or raw.get("kind") not in ENTITY_KINDS:
        raise BadFigure(f"entity: give kind ({', '.join(ENTITY_KINDS)}) and column, id; found {raw!r}")
    named = [raw[k] for k in ("column", "id") if raw.get(k) is not None]
    if any(c not in columns for c in named):
        raise BadFigure(f"entity: {named!r} names a column the dataset does not have")
    return Entity(raw["kind"], raw.get("column"), raw.get("id"))


def parse_note_periods(raw: object) -> dict[str, str]:
    """The dataset's `note_periods:` mapping, note metric id → period."""
    if not isinstance(raw, dict) or not set(raw.values()) <= set(PERIODS):
        raise BadFigure(f"note_periods: give metric id → one of {', '.join(PERIODS)}; found {raw!r}")
    return {str(k): str(v) for k, v in raw.items()}
