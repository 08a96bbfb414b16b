"""How counts and figures read in messages, the summary and the report — one place, so that
"1 row", "2 rows" and "1,234,567" come out the same everywhere."""

from __future__ import annotations

import sys

MISSING = "∅"


def figure(value: int | float | None) -> str:
    """A count with thousands separators, as the report's number columns show it (1,234,567);
    a missing figure (None, NA, NaN — a check may lack its printed or expected side) as ∅."""
    if _missing(value):
        return MISSING
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 row', '2 rows', '1,234 rows'; irregular plurals given ('1 consistency mismatch')."""
    return f"{figure(n)} {noun if n == 1 else plural or noun + 's'}"


def _missing(value: object) -> bool:
    """None, NaN, or pandas' NA — looked up only where pandas is loaded already (a value can be
    pandas' NA only then), so that the command line starts without importing pandas."""
    pandas = sys.modules.get("pandas")
    return value is None or (pandas is not None and value is pandas.NA) or value != value
