"""Header words → dataset columns, read from schemas/column_maps/<section>.yaml.

A map names each column by the header path printed above it: the levels of a merged header
joined with '/', compared without spaces and with full-width forms folded ('预约挂号/{year}年总量').
`{year}` stands for any bulletin year, so the map is year-agnostic. A key 'a/b' splits a printed
fraction '11/11' into two columns. A renamed column next year is a one-line change there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .schemas import load_yaml
from .text import YEAR, squash, year_pattern


@dataclass(frozen=True)
class ColumnRule:
    columns: tuple[str, ...]
    pattern: re.Pattern

    @property
    def is_fraction(self) -> bool:
        return len(self.columns) == 2


@dataclass(frozen=True)
class ColumnMap:
    section: str
    rules: tuple[ColumnRule, ...]
    row_labels: dict[str, dict[str, re.Pattern]] = field(default_factory=dict)
    notes: dict[str, re.Pattern] = field(default_factory=dict)

    def label(self, column: str, text: str) -> str | None:
        """A row label mapped to its value ('2024 年' → 'annual'), None when not recognised."""
        for value, pattern in self.row_labels.get(column, {}).items():
            if pattern.fullmatch(squash(text)):
                return value
        return None


@dataclass
class ColumnMatch:
    """Which table column feeds which dataset column(s), and what did not match."""

    by_index: dict[int, ColumnRule]
    unmapped: list[str]
    missing: list[str]
    header_years: set[int]
    bands: list[str] = field(default_factory=list)  # header levels over mapped columns that no map names


def path_key(path: tuple[str, ...]) -> str:
    return "/".join(squash(level) for level in path)


def _compile(template: str) -> re.Pattern:
    return re.compile(year_pattern(squash(template)))


@cache
def column_map(section: str) -> ColumnMap:
    raw = load_yaml("column_maps", f"{section}.yaml")
    rules = tuple(
        ColumnRule(tuple(name.split("/")), _compile(template)) for name, template in (raw.get("columns") or {}).items()
    )
    row_labels = {
        column: {value: _compile(t) for value, t in values.items()}
        for column, values in (raw.get("row_labels") or {}).items()
    }
    notes = {metric: re.compile(year_pattern(t)) for metric, t in (raw.get("notes") or {}).items()}
    return ColumnMap(section=section, rules=rules, row_labels=row_labels, notes=notes)


def _keys(path: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    """The ways a header path may name its column, most specific first, each with the levels it
    leaves out: the whole path; its levels joined (one header cell broken over a page, '2024年' /
    '报告数量'); then without its top levels (a band printed over several column groups)."""
    keys = []
    for cut in range(len(path)):
        rest = path[cut:]
        keys.append((path[:cut], path_key(rest)))
        if len(rest) > 1:
            keys.append((path[:cut], path_key(rest).replace("/", "")))
    return keys


def match_columns(paths: list[tuple[str, ...]], cmap: ColumnMap) -> ColumnMatch:
    by_index: dict[int, ColumnRule] = {}
    unmapped = []
    bands: dict[str, None] = {}
    years: set[int] = set()
    for index, path in enumerate(paths):
        years.update(int(y) for y in re.findall(f"({YEAR})年", path_key(path)))
        for dropped, key in _keys(path):
            rule = next((r for r in cmap.rules if r.pattern.fullmatch(key) and r not in by_index.values()), None)
            if rule is not None:
                by_index[index] = rule
                bands.update(dict.fromkeys(" / ".join(dropped) for _ in [0] if dropped))
                break
        else:
            unmapped.append(" / ".join(path) or f"(column {index + 1} without header)")
    found = {r for r in by_index.values()}
    missing = [c for r in cmap.rules if r not in found for c in r.columns]
    return ColumnMatch(by_index=by_index, unmapped=unmapped, missing=missing, header_years=years, bands=list(bands))
