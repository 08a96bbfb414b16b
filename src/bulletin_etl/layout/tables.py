"""Ruled cells → grids → logical tables.

A grid is the page's table as slots (row × column) each covered by one printed cell; a merged
cell covers several slots. A logical table is what a reader sees: column header *paths* (a merged
group header over its sub-headers, e.g. 预约挂号 / 2024年总量) and data rows, continued across
pages with the repeated header dropped and a row broken by the page break joined again.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..text import join_wrapped, looks_numeric, squash
from .lines import group_rows, row_text
from .vocabulary import is_total_label


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


def _edges(values: list[float]) -> list[float]:
    """Distinct rule positions; pdfplumber already snapped them, so rounding is enough."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 1.0:
            out.append(v)
    return out


def grid_from_cells(cell_boxes: list[tuple], chars: list[dict], page: int) -> Grid:
    """Build a grid from pdfplumber's cell boxes and fill each cell with its characters."""
    xs = _edges([b[0] for b in cell_boxes] + [b[2] for b in cell_boxes])
    ys = _edges([b[1] for b in cell_boxes] + [b[3] for b in cell_boxes])
    cols = list(zip(xs, xs[1:]))
    rows = list(zip(ys, ys[1:]))
    cells = [Cell(tuple(b)) for b in cell_boxes]
    slots: list[list[Cell | None]] = [[None] * len(cols) for _ in rows]
    for cell in cells:
        x0, top, x1, bottom = cell.bbox
        for r, (y0, y1) in enumerate(rows):
            if top - 1 <= (y0 + y1) / 2 <= bottom + 1:
                for c, (a, b) in enumerate(cols):
                    if x0 - 1 <= (a + b) / 2 <= x1 + 1:
                        slots[r][c] = cell
    # A row with no cell at all is a rule-spacing artefact, not a printed row.
    keep = [r for r, row in enumerate(slots) if any(row)]
    slots = [slots[r] for r in keep]
    rows = [rows[r] for r in keep]

    by_cell: dict[int, list[dict]] = {}
    ids = {id(c): c for c in cells}
    row_tops = [r[0] for r in rows]
    col_lefts = [c[0] for c in cols]
    for char in chars:
        cx = (char["x0"] + char["x1"]) / 2
        cy = (char["top"] + char["bottom"]) / 2
        r = bisect.bisect_right(row_tops, cy) - 1
        c = bisect.bisect_right(col_lefts, cx) - 1
        if 0 <= r < len(rows) and 0 <= c < len(cols) and cy <= rows[r][1] and cx <= cols[c][1]:
            cell = slots[r][c]
            if cell is not None:
                by_cell.setdefault(id(cell), []).append(char)
    for key, cell_chars in by_cell.items():
        ids[key].text = join_wrapped([row_text(row) for row in group_rows(cell_chars)])
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return Grid(page=page, bbox=bbox, slots=slots, row_bounds=rows, col_bounds=cols)


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


def header_row_count(grid: Grid) -> int:
    """Header rows are the leading rows in which no cell holds a number ('2024 年总量' is a
    header cell; '11', '11/11' and '/' are data)."""
    for index in range(len(grid.slots)):
        if any(looks_numeric(text) for text in grid.row(index)):
            return index
    return len(grid.slots)


def header_paths(grid: Grid, n_header: int) -> list[tuple[str, ...]]:
    """Per column, the texts of the header cells above it, top-down; a cell merged over several
    rows or columns appears once in each path it covers."""
    paths = []
    for c in range(grid.n_cols):
        seen: list[Cell] = []
        for r in range(n_header):
            cell = grid.slots[r][c]
            if cell is not None and cell not in seen and cell.text:
                seen.append(cell)
        paths.append(tuple(cell.text for cell in seen))
    return paths


def _same_header(a: list[str], b: list[str]) -> bool:
    return [squash(x) for x in a] == [squash(x) for x in b]


def _repeats_header(row: list[str], header: list[str], spill: dict[int, str]) -> bool:
    """A continued page's first row repeats the header: the same texts, or some cut short where
    the producer clipped a header cell too low for its last line ('实时数据表单上传' for
    '实时数据表单上传情况'); the clipped text then shows in the cell below (noted in `spill`)."""
    if len(row) != len(header):
        return False
    cut: dict[int, str] = {}
    for c, (printed, known) in enumerate(zip(row, header)):
        printed, known = squash(printed), squash(known)
        if printed == known:
            continue
        if len(printed) >= 2 and known.startswith(printed):
            cut[c] = known[len(printed):]
            continue
        return False
    if len(cut) * 2 > len(row):
        return False
    spill.update(cut)
    return True


def _repeats_paths(row: list[str], paths: list[tuple[str, ...]]) -> bool:
    """A repeated header read as one row: each cell holds its column's header levels run
    together, or the lower ones only (a group label printed once over its columns)."""
    return len(row) == len(paths) and all(
        squash(printed) in {squash("".join(path[k:])) for k in range(len(path))} | ({""} if len(path) > 1 else set())
        for printed, path in zip(row, paths))


def _unspill(cell: str, clipped: str | None) -> str:
    """A data cell under a clipped header cell, less the clipped text printed over it (in
    order, wherever it falls among the cell's own characters: '情1况1/12' → '11/12')."""
    if not clipped:
        return cell
    rest, kept = list(clipped), []
    for ch in cell:
        if rest and ch == rest[0]:
            rest.pop(0)
        else:
            kept.append(ch)
    return "".join(kept).strip() if not rest else cell


def _rows_of(grid: Grid, start: int) -> list[TableRow]:
    return [
        TableRow(grid.row(r), grid.page, grid.row_spans_all(r))
        for r in range(start, len(grid.slots))
        if any(grid.row(r))
    ]


def _split_by_page_break(prev: TableRow, nxt: TableRow) -> bool:
    """A row the page break cut in two: the half on the new page has blanks (usually the seq
    and every number, which sit on the first half) and no column has a number in both halves."""
    if prev.spans_all or nxt.spans_all or prev.is_total or nxt.is_total:
        return False
    if all(cell.strip() for cell in nxt.cells):
        return False
    return not any(looks_numeric(a) and looks_numeric(b) for a, b in zip(prev.cells, nxt.cells))


def stitch(grids: list[Grid]) -> list[LogicalTable]:
    """Continue a table over the following grids with the same columns; drop the repeated
    header and re-join a row that the page break split."""
    tables: list[LogicalTable] = []
    foot: Grid | None = None  # a header left alone at the foot of the previous page
    for grid in grids:
        current = tables[-1] if tables else None
        if current is not None and grid.n_cols == current.n_cols and grid.page > current.grids[-1].page:
            start = 0
            spill: dict[int, str] = {}
            for header in current.header_rows:
                if start < len(grid.slots) and _repeats_header(grid.row(start), header, spill):
                    start += 1
            if start == 0 and grid.slots and _repeats_paths(grid.row(0), current.header_paths):
                start = 1  # the repeated header read as one row: its levels as one text per column
            rows = _rows_of(grid, start)
            if rows and spill:
                rows[0].cells = [_unspill(cell, spill.get(c)) for c, cell in enumerate(rows[0].cells)]
            if rows and current.rows and _split_by_page_break(current.rows[-1], rows[0]):
                head = rows.pop(0)
                last = current.rows[-1]
                last.cells = [join_wrapped([a, b]) for a, b in zip(last.cells, head.cells)]
            current.rows.extend(rows)
            current.grids.append(grid)
            continue
        n_header = header_row_count(grid)
        if n_header == len(grid.slots):
            foot = grid  # a header alone at the foot of a page; the table starts where its rows do
            continue
        paths = header_paths(grid, n_header)
        header_rows = [grid.row(r) for r in range(n_header)]
        if foot is not None and foot.page == grid.page - 1 and foot.n_cols == grid.n_cols and n_header:
            # The header row itself broke over the page: its top part is that foot.
            above = header_paths(foot, len(foot.slots))
            paths = [tuple(dict.fromkeys(a + b)) for a, b in zip(above, paths)]
            header_rows = [foot.row(r) for r in range(len(foot.slots))] + header_rows
        foot = None
        tables.append(LogicalTable(header_paths=paths, header_rows=header_rows,
                                   rows=_rows_of(grid, n_header), grids=[grid]))
    return [_without_phantom_columns(t) for t in tables]


def _phantom(table: LogicalTable, col: int) -> bool:
    """A column that only carries its group's label (no leaf header of its own, its path a
    strict prefix of a neighbour's) and holds nothing in any row: a group header wider than its
    sub-columns, read as one more column of its own."""
    path = table.header_paths[col]
    neighbours = [table.header_paths[c] for c in (col - 1, col + 1) if 0 <= c < table.n_cols]
    return (bool(path) and any(len(n) > len(path) and n[:len(path)] == path for n in neighbours)
            and not any(row.cells[col].strip() for row in table.rows))


def _without_phantom_columns(table: LogicalTable) -> LogicalTable:
    keep = [c for c in range(table.n_cols) if not _phantom(table, c)]
    if len(keep) == table.n_cols:
        return table
    for row in table.rows:
        row.cells = [row.cells[c] for c in keep]
    return LogicalTable(header_paths=[table.header_paths[c] for c in keep],
                        header_rows=[[r[c] for c in keep] for r in table.header_rows],
                        rows=table.rows, grids=table.grids)


def split_side_by_side(table: LogicalTable) -> LogicalTable:
    """Tables that print two or more identical column groups side by side to save space
    (序号 名称 预约数量 | 序号 名称 预约数量) become one group with the rows stacked."""
    keys = [tuple(squash(p) for p in path) for path in table.header_paths]
    n = len(keys)
    for width in range(1, n // 2 + 1):
        if n % width or any(keys[i] != keys[i % width] for i in range(n)):
            continue
        if width == n:
            break
        rows: list[TableRow] = []
        totals = [TableRow(r.cells[:width], r.page, r.spans_all) for r in table.rows if r.spans_all or r.is_total]
        for g in range(n // width):
            group: list[TableRow] = []
            for row in table.rows:
                part = TableRow(row.cells[g * width:(g + 1) * width], row.page)
                if row.spans_all or row.is_total or part.is_empty:
                    continue  # '合计：N' across the groups is one total, kept once (above)
                if group and not part.cells[0].strip() and not any(map(looks_numeric, part.cells)):
                    # Without rules, a name wrapped in the right-hand group shares its line
                    # with the next row of the left-hand group: it continues its own row.
                    group[-1].cells = [join_wrapped([a, b]) for a, b in zip(group[-1].cells, part.cells)]
                    continue
                group.append(part)
            rows += group
        return LogicalTable(
            header_paths=table.header_paths[:width],
            header_rows=[r[:width] for r in table.header_rows],
            rows=rows + totals,
            grids=table.grids,
        )
    return table
