"""The failures a user can cause, each rendered as one line naming file, page and section."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class BulletinError(Exception):
    """Base class: something about one input bulletin that stops its extraction."""

    file: str | Path
    problem: str
    page: int | None = None
    section: str | None = None

    def __str__(self) -> str:
        where = [str(self.file)]  # as the user gave it
        if self.page is not None:
            where.append(f"page {self.page}")
        if self.section:
            where.append(f"section {self.section}")
        return one_line(f"{': '.join(where)}: {self.problem}")


def one_line(text: str) -> str:
    """Control characters (a newline in a file name, a NUL from a damaged PDF) escaped, so that a
    message is always exactly one line of the terminal."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class UnreadableInput(BulletinError):
    """Missing, empty, not a PDF, or a PDF that cannot be parsed."""


class DamagedInput(UnreadableInput):
    """A PDF that opens but whose content cannot be read in full: streams that decode with data
    loss, a page tree that loops, glyphs without a Unicode mapping."""


class OverBudget(BulletinError):
    """Parsing would take more time, memory or decoded stream bytes than the budget allows."""


class NoTextLayer(BulletinError):
    """Blank pages only, or scanned images with no text to read."""


class NotABulletin(BulletinError):
    """A readable PDF in which no bulletin section was recognised."""


class StrictModeFailure(BulletinError):
    """--strict was given and the extraction produced warnings."""
