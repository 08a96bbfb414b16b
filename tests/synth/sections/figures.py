"""Figures of a synthetic bulletin: drawn on a log scale, money in 千元, as printed ('/', '1629775.52',
'3,066,151') and as the truth holds them (int when whole, else float)."""

from __future__ import annotations

import math
import random
import re
from decimal import Decimal


def logu(rng: random.Random, lo: float, hi: float) -> int:
    return int(round(10 ** rng.uniform(math.log10(max(lo, 1)), math.log10(hi))))


def money(cents: int) -> Decimal:
    return (Decimal(cents) / 100).normalize()


def fmt_dec(d: Decimal) -> str:
    return format(d.normalize(), "f")


def num(value) -> int | float | None:
    """A truth number: Decimal → int when whole, else float."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def printed(value) -> str:
    if value is None:
        return "/"
    if isinstance(value, Decimal):
        return fmt_dec(value)
    return str(value)


def commafy(text: str) -> str:
    """'3066151' → '3,066,151', '1629775.52' → '1,629,775.52'; anything else as it is."""
    m = re.fullmatch(r"(\d{4,})(\.\d+)?", text)
    return f"{int(m.group(1)):,}{m.group(2) or ''}" if m else text

