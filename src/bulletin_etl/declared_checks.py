"""The `checks:` block of a dataset's YAML: which of its printed figures add up to which others,
declared as data and run by consistency.py, the way dbt tests are attached to a table in a
schema.yml. A check names columns of its dataset (or, in a dataset holding one figure per row,
values its `name` column allows); the loader refuses an unknown kind, key or column.

    checks:
      column_total: {columns: [online_12320, subtotal]}        # each printed 合计 against its column's sum
      row_subtotal: {subject: institution, total: subtotal, parts: [online_12320, quick_booking]}
      annual_le_cumulative: {subject: institution, stems: [reports]}   # reports_annual ≤ reports_cumulative
      year_over_year: {key: institution_id, label: institution, stems: [reports]}   # across editions
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import MISSING, dataclass, field, fields

PERIODS = ("annual", "cumulative")
"""The values of a `period` column, in the order the checks list them."""

COMPARED = ("totals", "rows_of", "column", "total_row")
"""What a claim's figure may be compared with: a note figure (its metric id), the rows of a dataset,
the first row's value of [dataset, column], or the printed 合计 of [dataset, column]."""

Columns = Mapping[str, "tuple[str, ...] | None"]
"""A dataset's columns, each with the values it allows (None: any)."""


class BadCheck(ValueError):
    """A `checks:` entry the loader refuses; the message names the check and the key (the loader
    adds the file)."""


def _optional(name: str | None) -> tuple[str, ...]:
    return () if name is None else (name,)


def _given(*values: object) -> bool:
    """Whether any of the keys holding these values was given (an empty list is not given)."""
    return any(value not in (None, ()) for value in values)


def _values_allowed(names: Iterable[str], column: str, columns: Columns, key: str) -> None:
    allowed = columns[column]
    for name in names:
        if allowed is not None and name not in allowed:
            raise BadCheck(f"{key}: {name!r} is not a value of {column} ({', '.join(allowed)})")


def _periods(column: str, columns: Columns) -> None:
    if set(columns[column] or ()) != set(PERIODS):
        raise BadCheck(f"period: column {column} must allow exactly {', '.join(PERIODS)}")


@dataclass(frozen=True)
class ColumnTotal:
    """Each printed 合计 against the sum of its column. `columns`: the columns whose 合计 is checked.
    A dataset holding one figure per row in `value` names the printed column by the values of `per`
    joined with '_' (referral_type outpatient, period annual: the 合计 of outpatient_annual)."""

    columns: tuple[str, ...] = ()
    value: str | None = None
    per: tuple[str, ...] = ()

    def named(self) -> dict[str, tuple[str, ...]]:
        return {"columns": self.columns, "value": _optional(self.value), "per": self.per}

    def validate(self, columns: Columns) -> None:
        if bool(self.columns) == bool(self.value) or bool(self.value) != bool(self.per):
            raise BadCheck("give `columns`, or `value` with `per`")


@dataclass(frozen=True)
class RowSubtotal:
    """A total printed in each row (小计) against the parts printed beside it; `subject` names the
    row, `label` is how the detail names the total (its name by default). In a dataset holding one
    figure per row, `name` says which figure a row holds (total and parts are its values) and `value`
    holds it: rows are grouped by subject and `period`, the metric is <total>_<period>. `total_row`:
    the printed 合计 row is checked too."""

    subject: str
    total: str
    parts: tuple[str, ...]
    label: str | None = None
    name: str | None = None
    value: str | None = None
    period: str | None = None
    total_row: bool = False

    def named(self) -> dict[str, tuple[str, ...]]:
        named = {"subject": (self.subject,), "name": _optional(self.name), "value": _optional(self.value),
                 "period": _optional(self.period)}
        if self.name is None:
            named |= {"total": (self.total,), "parts": self.parts}
        return named

    def validate(self, columns: Columns) -> None:
        if (self.name is None) != (self.value is None):
            raise BadCheck("`name` and `value` go together")
        if self.period is not None and self.name is None:
            raise BadCheck("period: only with `name` and `value` (a row holding its figures names their period in its columns)")
        if self.name is not None:
            _values_allowed((self.total, *self.parts), self.name, columns, "total/parts")
        if self.period is not None:
            _periods(self.period, columns)
        if not isinstance(self.total_row, bool):
            raise BadCheck(f"total_row: {self.total_row!r} is not true or false")


@dataclass(frozen=True)
class ProseTotal:
    """A total stated in prose against the parts listed with it, in a dataset holding one figure per
    row: `name` says which figure, `value` holds it, `subject` is the total's printed label."""

    name: str
    value: str
    subject: str
    total: str
    parts: tuple[str, ...]

    def named(self) -> dict[str, tuple[str, ...]]:
        return {"name": (self.name,), "value": (self.value,), "subject": (self.subject,)}

    def validate(self, columns: Columns) -> None:
        _values_allowed((self.total, *self.parts), self.name, columns, "total/parts")


@dataclass(frozen=True)
class AnnualLeCumulative:
    """The year's figure must not exceed the cumulative one. In each row: `stems`, the columns
    <stem>_annual and <stem>_cumulative, the row named by `subject`. Across rows: `period` (annual /
    cumulative) tells the two rows apart, and the figures of `columns` — or, in a dataset holding one
    figure per row, `value` named by `name` — are paired by `subject` (— when none)."""

    subject: str | None = None
    stems: tuple[str, ...] = ()
    period: str | None = None
    columns: tuple[str, ...] = ()
    name: str | None = None
    value: str | None = None

    def named(self) -> dict[str, tuple[str, ...]]:
        return {"subject": _optional(self.subject), "stems": tuple(f"{s}_{p}" for s in self.stems for p in PERIODS),
                "period": _optional(self.period), "columns": self.columns, "name": _optional(self.name),
                "value": _optional(self.value)}

    def validate(self, columns: Columns) -> None:
        if bool(self.stems) == bool(self.period):
            raise BadCheck("give `stems` (both figures in each row) or `period` (an annual and a cumulative row)")
        if self.period is None:
            if self.subject is None or _given(self.columns, self.name, self.value):
                raise BadCheck("stems: with `subject` (the column naming the row) and nothing else")
            return
        _periods(self.period, columns)
        if bool(self.columns) == bool(self.name) or (self.name is None) != (self.value is None):
            raise BadCheck("period: with `columns`, or with `name` and `value`")


@dataclass(frozen=True)
class YearOverYear:
    """Across two consecutive editions: cumulative(y) = cumulative(y−1) + annual(y), for each row
    matched by `key` (institution_id, district; none: the dataset's figures are its periods only),
    named as `label` prints it (the key by default). The pairs are declared as annual_le_cumulative
    declares them: `stems` (<stem>_annual and <stem>_cumulative in each row), or `period` rows with
    `columns` or `name` and `value`. Or `note` with `total`: a note figure to date (a totals metric
    id) against the last edition's plus this year's printed 合计 of the column `total`."""

    key: str | None = None
    label: str | None = None
    stems: tuple[str, ...] = ()
    period: str | None = None
    columns: tuple[str, ...] = ()
    name: str | None = None
    value: str | None = None
    note: str | None = None
    total: str | None = None

    def named(self) -> dict[str, tuple[str, ...]]:
        return {"key": _optional(self.key), "label": _optional(self.label), "total": _optional(self.total),
                **AnnualLeCumulative(None, self.stems, self.period, self.columns, self.name, self.value).named()}

    def validate(self, columns: Columns) -> None:
        if self.note is not None:
            if self.total is None or _given(self.key, self.label, self.stems, self.period, self.columns, self.name):
                raise BadCheck("note: with `total` (the column whose 合计 is the year's figure) and nothing else")
            return
        if self.total is not None:
            raise BadCheck("total: only with `note`")
        if self.stems and self.key is None:
            raise BadCheck("stems: with `key` (the column matching a row across editions)")
        try:
            AnnualLeCumulative(self.key or "", self.stems, self.period, self.columns, self.name,
                               self.value).validate(columns)
        except BadCheck as exc:
            raise BadCheck(str(exc).replace("`subject`", "`key`")) from None

    def metrics(self) -> list[str]:
        """The cumulative figures checked, as the consistency rows name them: <stem>_cumulative,
        <column>_cumulative, or the note's metric id (those of `name` are its values, in the data)."""
        if self.note is not None:
            return [self.note]
        return [f"{s}_cumulative" for s in self.stems] + [f"{c}_cumulative" for c in self.columns]


@dataclass(frozen=True)
class Claim:
    """A figure one section prints that another gives too: a `note` figure under this dataset's table
    (its metric id), or `column` of the rows whose `row` column holds the text given (spaces ignored);
    compared as claims.yaml compares (`compare`, one of COMPARED). `detail` says what is compared."""

    compare: tuple[str, object]
    detail: str
    note: str | None = None
    row: tuple[str, str] | None = None
    column: str | None = None

    @property
    def metric(self) -> str:
        """The metric of the claim's row in the consistency dataset: the note's id or the column."""
        return str(self.note or self.column)

    def named(self) -> dict[str, tuple[str, ...]]:
        return {"row": () if self.row is None else (self.row[0],), "column": _optional(self.column)}

    def validate(self, columns: Columns) -> None:
        if (self.note is None) == (self.row is None) or (self.row is None) != (self.column is None):
            raise BadCheck("give `note`, or `row` with `column`")
        kind, target = self.compare
        if kind not in COMPARED:
            raise BadCheck(f"compare: {kind!r} is not one of {', '.join(COMPARED)}")
        named = kind in ("totals", "rows_of")
        shaped = isinstance(target, str) if named else isinstance(target, tuple) and len(target) == 2
        if not shaped:
            raise BadCheck(f"compare: {kind}: {target!r} is not {'a name' if named else '[dataset, column]'}")

    def reference(self) -> tuple[str, str | None] | None:
        """The (dataset, column) the claim is compared with; None for a note figure's metric id."""
        kind, target = self.compare
        if kind == "rows_of":
            return str(target), None
        return None if kind == "totals" else (target[0], target[1])  # type: ignore[index]


@dataclass(frozen=True)
class DeclaredChecks:
    """A dataset's `checks:` block, each kind declared at most once (claims as a list)."""

    column_total: ColumnTotal | None = None
    row_subtotal: RowSubtotal | None = None
    prose_total: ProseTotal | None = None
    annual_le_cumulative: AnnualLeCumulative | None = None
    year_over_year: YearOverYear | None = None
    claim: tuple[Claim, ...] = field(default_factory=tuple)

    def declared(self) -> list[tuple[str, object]]:
        """(kind, check) of every check declared, claims one by one."""
        single = [(kind, getattr(self, kind)) for kind in KINDS if kind != "claim"]
        return [(kind, check) for kind, check in single if check is not None] + [("claim", c) for c in self.claim]


KINDS: dict[str, type] = {"column_total": ColumnTotal, "row_subtotal": RowSubtotal, "prose_total": ProseTotal,
                          "annual_le_cumulative": AnnualLeCumulative, "year_over_year": YearOverYear, "claim": Claim}


def _frozen(key: str, value: object) -> object:
    """A YAML value as the dataclasses hold it: a list as a tuple, `{a: b}` as the pair (a, b)."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        if len(value) != 1:
            raise BadCheck(f"{key}: expected one `key: value`, found {value!r}")
        ((inner, target),) = value.items()
        return inner, _frozen(f"{key}: {inner}", target)
    return value


def _keys(cls: type, node: object, where: str) -> dict:
    """The YAML mapping of a check of `cls`, refused with an unknown or a missing key."""
    if not isinstance(node, dict):
        raise BadCheck(f"{where}: expected a mapping, found {node!r}")
    keys = {f.name: f.default is MISSING and f.default_factory is MISSING for f in fields(cls)}
    unknown = [str(k) for k in node if k not in keys]
    if unknown:
        raise BadCheck(f"{where}: unknown key(s) {', '.join(map(repr, unknown))} (allowed: {', '.join(sorted(keys))})")
    missing = sorted(k for k, required in keys.items() if required and k not in node)
    if missing:
        raise BadCheck(f"{where}: missing {', '.join(missing)}")
    return node


def _build(kind: str, node: object, columns: Columns, where: str) -> object:
    """One check of `kind` from its YAML mapping, its keys and the columns it names checked."""
    cls = KINDS[kind]
    given = _keys(cls, node, where)
    try:
        check = cls(**{k: _frozen(k, v) for k, v in given.items()})
        for key, names in check.named().items():
            unknown = [name for name in names if name not in columns]
            if unknown:
                raise BadCheck(f"{key}: {unknown[0]!r} is not a column of the dataset")
        check.validate(columns)
    except BadCheck as exc:
        raise BadCheck(f"{where}: {exc}") from None
    return check


def parse_checks(node: object, columns: Columns) -> DeclaredChecks:
    """A dataset's `checks:` mapping (kind → check; `claim` → a list of claims); None is no checks."""
    if node is None:
        return DeclaredChecks()
    if not isinstance(node, dict):
        raise BadCheck(f"expected a mapping of check kinds, found {node!r}")
    unknown = [str(k) for k in node if k not in KINDS]
    if unknown:
        raise BadCheck(f"unknown check kind(s) {', '.join(map(repr, unknown))} (known: {', '.join(KINDS)})")
    built: dict[str, object] = {}
    for kind, spec in node.items():
        if kind == "claim":
            if not isinstance(spec, list):
                raise BadCheck(f"claim: expected a list of claims, found {spec!r}")
            built[kind] = tuple(_build(kind, claim, columns, f"claim {i}") for i, claim in enumerate(spec, 1))
        else:
            built[kind] = _build(kind, spec, columns, kind)
    return DeclaredChecks(**built)  # type: ignore[arg-type]
