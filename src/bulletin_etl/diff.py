"""What changed between two editions an output folder holds (`bulletin-etl diff OUTPUT --from Y1
--to Y2`, and a section per pair of editions in report.html): per dataset, the institutions (or
districts) entering, leaving and renamed — matched on institution_id, so a renamed hospital is one
institution —, the largest changes of each figure, and the columns that appeared or vanished (a
column with a figure in one edition and none in the other, or in one edition's files only).

It reads the folder's partitions and nothing else; the same two editions give the same diff
whichever order they were extracted in (the ids do not depend on it)."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from .schemas import DatasetSchema, all_schemas
from .wording import count, figure, missing_figure

TOP = 3
"""The largest changes listed per figure."""
NAMES_SHOWN = 12
"""Institutions named per list on the terminal (all of them in --json and the report)."""
NOT_FIGURES = {"year", "seq", "source_page", "list_position"}
"""Numeric columns that name or locate a row rather than count something."""
PART = "part-0.parquet"
MANIFEST = "manifest.json"


class DiffError(Exception):
    """A diff that cannot be made from what was given (no such folder, a year it does not hold):
    one line for the user."""


@dataclass
class Change:
    subject: str
    earlier: float
    later: float
    change: float


@dataclass
class DatasetDiff:
    dataset: str
    rows_earlier: int | None  # None: the edition does not print the dataset
    rows_later: int | None
    entity: str | None = None  # institution, district: what entering / leaving / renamed list
    entering: list[dict] = field(default_factory=list)  # {"id", "name"}
    leaving: list[dict] = field(default_factory=list)
    renamed: list[dict] = field(default_factory=list)  # {"id", "from", "to"}
    columns_appeared: list[str] = field(default_factory=list)
    columns_vanished: list[str] = field(default_factory=list)
    largest_changes: dict[str, list[Change]] = field(default_factory=dict)


@dataclass
class EditionDiff:
    earlier: int
    later: int
    datasets: list[DatasetDiff]

    def as_dict(self) -> dict:
        return {"from": self.earlier, "to": self.later, "datasets": [asdict(d) for d in self.datasets]}

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)


def held_years(tree: Path) -> list[int]:
    """The years the folder's manifest lists; DiffError when it is no output folder."""
    if not tree.is_dir():
        raise DiffError(f"{tree}: no such folder")
    try:
        manifest = json.loads((tree / MANIFEST).read_text(encoding="utf-8"))
        return sorted(int(b["year"]) for b in manifest.get("bulletins", []))
    except (OSError, ValueError, KeyError, TypeError):
        raise DiffError(f"{tree}: not an output folder of bulletin-etl (no readable {MANIFEST})") from None


def _years_said(years: list[int]) -> str:
    return ", ".join(map(str, years)) if years else "no edition"


def check_years(tree: Path, earlier: int, later: int) -> None:
    """DiffError unless the folder holds both years and they differ."""
    years = held_years(tree)
    for option, year in (("--from", earlier), ("--to", later)):
        if year not in years:
            raise DiffError(f"{option} {year}: {tree} holds no {year} edition (it holds {_years_said(years)})")
    if earlier == later:
        raise DiffError(f"--from and --to are both {earlier}: give two different editions")


def diff(tree: str | Path, earlier: int, later: int, top: int = TOP) -> EditionDiff:
    """The diff of edition `later` against `earlier` (either may be the older)."""
    tree = Path(tree)
    check_years(tree, earlier, later)
    found = []
    for name, spec in sorted(all_schemas().items()):
        if spec.role != "data":
            continue
        frames = [_partition(tree, name, year) for year in (earlier, later)]
        if frames[0] is not None or frames[1] is not None:
            found.append(dataset_diff(spec, frames[0], frames[1], top))
    return EditionDiff(earlier, later, found)


def _partition(tree: Path, dataset: str, year: int) -> pd.DataFrame | None:
    part = tree / dataset / f"year={year}" / PART
    return pq.read_table(part).to_pandas() if part.is_file() else None


def dataset_diff(spec: DatasetSchema, earlier: pd.DataFrame | None, later: pd.DataFrame | None,
                 top: int = TOP) -> DatasetDiff:
    """One dataset's diff; an edition that does not print it gives its rows as None and nothing else."""
    out = DatasetDiff(spec.name, None if earlier is None else len(earlier), None if later is None else len(later))
    if earlier is None or later is None:
        return out
    if len(earlier) and len(later):  # an edition printing no row of it has no column to compare
        out.columns_appeared, out.columns_vanished = _columns(spec, later, earlier), _columns(spec, earlier, later)
    entity = entity_column(spec)
    if entity is not None:
        out.entity = "institution" if entity == "institution_id" else entity
        label = "institution" if entity == "institution_id" else entity
        _entities(out, _names(earlier, entity, label), _names(later, entity, label))
    out.largest_changes = largest_changes(spec, earlier, later, top)
    return out


def entity_column(spec: DatasetSchema) -> str | None:
    """What a row is about across editions: its institution's id, else its district."""
    return next((c for c in ("institution_id", "district") if c in spec.column_names), None)


def _names(frame: pd.DataFrame, entity: str, label: str) -> dict[str, list[str]]:
    """Each entity of an edition → the names it is printed under, sorted."""
    names: dict[str, set[str]] = {}
    for key, name in zip(frame[entity], frame[label]):
        if not missing_figure(key):
            names.setdefault(str(key), set()).add(str(name))
    return {key: sorted(printed) for key, printed in names.items()}


def _entities(out: DatasetDiff, earlier: dict[str, list[str]], later: dict[str, list[str]]) -> None:
    out.entering = _by_name([{"id": k, "name": " / ".join(n)} for k, n in later.items() if k not in earlier])
    out.leaving = _by_name([{"id": k, "name": " / ".join(n)} for k, n in earlier.items() if k not in later])
    out.renamed = sorted(({"id": k, "from": " / ".join(earlier[k]), "to": " / ".join(n)}
                          for k, n in later.items() if k in earlier and earlier[k] != n),
                         key=lambda item: (item["to"], item["id"]))


def _by_name(items: list[dict[str, str]]) -> list[dict[str, str]]:
    return sorted(items, key=lambda item: (item["name"], item["id"]))


def _columns(spec: DatasetSchema, have: pd.DataFrame, lack: pd.DataFrame) -> list[str]:
    """The columns `have` holds a value in and `lack` none (or lacks altogether)."""
    return [c for c in spec.column_names if c not in NOT_FIGURES and _filled(have, c) and not _filled(lack, c)]


def _filled(frame: pd.DataFrame, column: str) -> bool:
    """Whether the edition's files have the column and a value in it."""
    return column in frame.columns and bool(frame[column].notna().any())


def figure_columns(spec: DatasetSchema) -> list[str]:
    """The columns holding figures: numbers, not in the key, neither row number nor page."""
    return [c.name for c in spec.columns
            if c.type in ("int", "float") and c.name not in NOT_FIGURES and c.name not in spec.key]


def match_key(spec: DatasetSchema) -> list[str]:
    """The columns matching a row across editions: the dataset's key without the year, an
    institution by its id."""
    id_for_name = {"institution": "institution_id"} if "institution_id" in spec.column_names else {}
    return [id_for_name.get(c, c) for c in spec.key if c not in NOT_FIGURES]


def _unique_rows(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """The rows whose match key is printed once in the edition (one printed twice matches nothing)."""
    return frame.drop_duplicates(key, keep=False).set_index(key)


def _subject(spec: DatasetSchema, row: pd.Series, key: tuple) -> str:
    """How a matched row is named: its institution as the later edition prints it, or its key."""
    if "institution_id" in spec.column_names and "institution" in row.index:
        return str(row["institution"])
    return " ".join(str(part) for part in key)


def largest_changes(spec: DatasetSchema, earlier: pd.DataFrame, later: pd.DataFrame, top: int = TOP
                    ) -> dict[str, list[Change]]:
    """Per figure, the `top` largest changes (by size, then subject) of the rows printed in both
    editions with the figure in both; a figure that changed nowhere is left out."""
    key = match_key(spec)
    before, after = _unique_rows(earlier, key), _unique_rows(later, key)
    both = [k for k in after.index if k in before.index]
    out = {}
    for metric in figure_columns(spec):
        changes = []
        for k in both:
            was, now = before.at[k, metric], after.at[k, metric]
            if missing_figure(was) or missing_figure(now) or was == now:
                continue
            subject = _subject(spec, after.loc[k], k if isinstance(k, tuple) else (k,))
            changes.append(Change(subject, _number(was), _number(now), _number(Decimal(str(now)) - Decimal(str(was)))))
        changes.sort(key=lambda c: (-abs(c.change), c.subject))
        if changes:
            out[metric] = changes[:top]
    return out


def _number(value: object) -> float:
    """A figure as JSON writes it: a whole number as an int."""
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() else number


# ---------------------------------------------------------------------- the terminal

def _width(text: str) -> int:
    """Columns the text takes on a terminal (a CJK character two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + figure(value)


def _listed(items: list[dict], shown: int = NAMES_SHOWN) -> str:
    said = [f"{item['name']}" for item in items[:shown]]
    more = f", and {len(items) - shown} more" if len(items) > shown else ""
    return "、".join(said) + more


def _rows_line(d: DatasetDiff, earlier: int, later: int) -> str:
    def rows(n: int | None, year: int) -> str:
        return f"not printed in {year}" if n is None else count(n, "row")

    return f"{d.dataset}: {rows(d.rows_earlier, earlier)} → {rows(d.rows_later, later)}"


def _entity_lines(d: DatasetDiff) -> list[str]:
    if d.entity is None:
        return []
    lines = [f"  {what} ({count(len(items), str(d.entity))}): {_listed(items)}" for what, items in
             (("entering", d.entering), ("leaving", d.leaving)) if items]
    lines += [f"  renamed: {r['from']} → {r['to']}" for r in d.renamed]
    return lines


def _change_table(d: DatasetDiff, earlier: int, later: int) -> list[str]:
    rows = [(metric, c.subject, figure(c.earlier), figure(c.later), _signed(c.change))
            for metric, changes in d.largest_changes.items() for c in changes]
    if not rows:
        return []
    head = ("figure", "row", str(earlier), str(later), "change")
    widths = [max(_width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  largest changes:"]
    for r in [head, *rows]:
        cells = [_pad(cell, widths[i], right=i >= 2) for i, cell in enumerate(r)]
        lines.append("    " + "  ".join(cells).rstrip())
    return lines


def render_text(result: EditionDiff, tree: str | Path = "") -> str:
    """The diff as the terminal shows it: a block per dataset."""
    earlier, later = result.earlier, result.later
    lines = [f"{tree}: {earlier} → {later}" if tree else f"{earlier} → {later}"]
    for d in result.datasets:
        lines += ["", _rows_line(d, earlier, later), *_entity_lines(d)]
        for what, columns in (("appeared", d.columns_appeared), ("vanished", d.columns_vanished)):
            if columns:
                lines.append(f"  columns {what}: {', '.join(columns)}")
        lines += _change_table(d, earlier, later)
    return "\n".join(lines) + "\n"
