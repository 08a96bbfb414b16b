"""How counts and figures read in messages, the summary and the report — one place, so that
"1 row", "2 rows" and "1,234,567" come out the same everywhere."""

from __future__ import annotations

import sys

MISSING = "∅"


def figure(value: int | float | None) -> str:
    """A count with thousands separators, as the report's number columns show it (1,234,567);
    a missing figure (None, NA, NaN — a check may lack its printed or expected side) as ∅."""
    if value is None or missing_figure(value):
        return MISSING
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 row', '2 rows', '1,234 rows'; irregular plurals given ('1 consistency mismatch')."""
    return f"{figure(n)} {noun if n == 1 else plural or noun + 's'}"


def missing_figure(value: object) -> bool:
    """None, NaN, or pandas' NA: a figure that is not there."""
    return value is None or _pandas_na(value) or value != value


def _pandas_na(value: object) -> bool:
    """Pandas' NA, looked up only where pandas is loaded already (a value can be it only then), so
    that the command line starts without importing pandas."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and value is pandas.NA


SHOWN_CHARACTERS = 20
"""Characters of a printed text quoted in a message; a longer one is cut and its length said."""


def quoted(printed: str, counted_as: str = "characters") -> str:
    """A printed text as a message quotes it: "'1,234'", or cut when long:
    "'86256476812807765451…' (1866 digits)" — one line stays one readable line."""
    if len(printed) <= SHOWN_CHARACTERS:
        return repr(printed)
    shown = repr(printed[:SHOWN_CHARACTERS])
    return f"{shown[:-1]}…{shown[-1]} ({len(printed)} {counted_as})"
