"""The table model every stage builds and every reader of tables uses.

A grid is the page's table as slots (row × column) each covered by one printed cell; a merged
cell covers several slots. A logical table is what a reader sees: column header *paths* (a merged
group header over its sub-headers, e.g. 预约挂号 / 2024年总量) and data rows, continued across
pages with the repeated header dropped and a row broken by the page break joined again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...text import looks_numeric, squash
from ..vocabulary import is_total_label


@dataclass(eq=False)
class Cell:
    bbox: tuple[float, float, float, float]
    text: str = ""


@dataclass
class Grid:
    """One table as printed on one page."""

    page: int
    bbox: tuple[float, float, float, float]
    slots: list[list[Cell | None]]
    row_bounds: list[tuple[float, float]]
    col_bounds: list[tuple[float, float]]

    @property
    def n_cols(self) -> int:
        return len(self.col_bounds)

    def row(self, index: int) -> list[str]:
        return [cell.text if cell else "" for cell in self.slots[index]]

    def row_spans_all(self, index: int) -> bool:
        """One merged cell across the whole row (e.g. '合计：290146')."""
        first = self.slots[index][0]
        return first is not None and all(cell is first for cell in self.slots[index])


@dataclass
class TableRow:
    cells: list[str]
    page: int
    spans_all: bool = False

    @property
    def is_empty(self) -> bool:
        return not any(c.strip() for c in self.cells)

    @property
    def is_total(self) -> bool:
        return is_total_label(self.label)

    @property
    def label(self) -> str:
        """The row's leading text cells run together: '合计', or '合' and '计' printed spread
        over the merged 序号 and name cells."""
        words: list[str] = []
        for cell in self.cells:
            if looks_numeric(cell):
                break
            word = squash(cell)
            if word and (not words or word != words[-1]):  # a merged cell repeats its text
                words.append(word)
            if any(ch.isdigit() for ch in word):  # '合计：290146' holds its own figure
                break
        return "".join(words)


@dataclass
class LogicalTable:
    """A table as the reader sees it, possibly continued over several pages."""

    header_paths: list[tuple[str, ...]]
    header_rows: list[list[str]]
    rows: list[TableRow] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)

    @property
    def n_cols(self) -> int:
        return len(self.header_paths)

    @property
    def first_page(self) -> int:
        return self.grids[0].page
