"""Logical tables from the page grids: a table continued over the following pages (its repeated
header dropped, a row the page break cut joined again), and side-by-side column groups stacked."""

from __future__ import annotations

from collections import Counter

from ...text import join_wrapped, looks_numeric, squash
from .model import Cell, Grid, LogicalTable, TableRow
from .settings import SETTINGS


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


def _repeats_header(row: list[str], header: list[str], spill: dict[int, str], carried: dict[int, str],
                    words: set[str]) -> bool:
    """A continued page's first row repeats the header: the same texts, or some cut short where
    the producer clipped a header cell too low for its last line ('实时数据表单上传' for
    '实时数据表单上传情况'); the clipped text then shows in the cell below (noted in `spill`).
    A cell may also hold more than its header: the head of a row the page break cut, printed
    under the repeated header, that the clipped text drew into the header ('接入单位院'; noted in
    `carried`; never words of the header itself, `words`: see `_header_words`)."""
    if len(row) != len(header):
        return False
    cut: dict[int, str] = {}
    more: dict[int, str] = {}
    for c, (printed, known) in enumerate(zip(row, header)):
        printed, known = squash(printed), squash(known)
        if printed == known:
            continue
        if len(printed) >= SETTINGS.min_clipped_chars and known.startswith(printed):
            cut[c] = known[len(printed):]
            continue
        extra = printed[len(known):]
        if known and printed.startswith(known) and not looks_numeric(extra) and not _header_words(extra, words):
            more[c] = extra
            continue
        return False
    if len(cut) + len(more) > SETTINGS.max_clipped_share * len(row):
        return False
    spill.update(cut)
    carried.update(more)
    return True


def _header_words(extra: str, words: set[str]) -> bool:
    """Whether the extra text of a repeated header cell is the header's own: a whole header
    cell ('就诊数据2030年度总量': a group label and its sub-column run together), or the start of
    one, clipped. Characters merely found inside a header word are no header of their own: the
    rest of a cut row ('院') may well occur in one ('出院信息')."""
    return extra in words or (len(extra) >= SETTINGS.min_clipped_chars and any(w.startswith(extra) for w in words))


def _repeats_paths(row: list[str], paths: list[tuple[str, ...]]) -> bool:
    """A repeated header read as one row: each cell holds its column's header levels run
    together, or the lower ones only (a group label printed once over its columns)."""
    return len(row) == len(paths) and all(
        squash(printed) in {squash("".join(path[k:])) for k in range(len(path))} | ({""} if len(path) > 1 else set())
        for printed, path in zip(row, paths))


def _header_letters(rows: list[list[str]]) -> Counter[str]:
    """The characters of a header, each merged cell counted once (a merged cell repeats its
    text in the slots it covers, across and down)."""
    letters: Counter[str] = Counter()
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (c and row[c - 1] == text) or (r and rows[r - 1][c] == text):
                continue
            letters.update(squash(text))
    return letters


def _repeats_letters(grid: Grid, header_rows: list[list[str]]) -> int:
    """A repeated header whose cells the producer merged otherwise than on the first page (a
    group label and the sub-column under it read as one cell, '门急诊信息人次'): the same
    characters in the grid's own header rows. The number of those rows, else 0."""
    n = header_row_count(grid)
    if not n or n == len(grid.slots):
        return 0
    known = _header_letters(header_rows)
    # the rows under it without figures may be the rest of a row the page break cut ('院')
    return next((k for k in range(n, 0, -1) if _header_letters([grid.row(r) for r in range(k)]) == known), 0)


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


def _columns_under(foot: Grid, grid: Grid) -> list[int] | None:
    """For each of the grid's columns, the column of the header part left at the previous
    page's foot standing over it; None when the two are not one table's parts."""
    if foot.n_cols == grid.n_cols:
        return list(range(grid.n_cols))
    same = SETTINGS.rule_same_extent
    if abs(foot.bbox[0] - grid.bbox[0]) > same or abs(foot.bbox[2] - grid.bbox[2]) > same:
        return None
    under = [next((f for f, (a, b) in enumerate(foot.col_bounds) if a <= (x0 + x1) / 2 <= b), None)
             for x0, x1 in grid.col_bounds]
    return None if None in under else under


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
            carried: dict[int, str] = {}
            words = {squash(cell) for header in current.header_rows for cell in header}
            for header in current.header_rows:
                if start < len(grid.slots) and _repeats_header(grid.row(start), header, spill, carried, words):
                    start += 1
            if start == 0:
                # the repeated header with its levels run together, in one row or in each of its
                # rows (a group label merged with the sub-column under it)
                while start < len(grid.slots) and _repeats_paths(grid.row(start), current.header_paths):
                    start += 1
            if start == 0:
                start = _repeats_letters(grid, current.header_rows)
            rows = _rows_of(grid, start)
            if rows and spill:
                rows[0].cells = [_unspill(cell, spill.get(c)) for c, cell in enumerate(rows[0].cells)]
            if carried:
                rows.insert(0, TableRow([carried.get(c, "") for c in range(grid.n_cols)], grid.page))
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
        under = _columns_under(foot, grid) if foot is not None and foot.page == grid.page - 1 and n_header else None
        if under is not None:
            # The header row itself broke over the page: its top part is that foot (whose group
            # cells may span columns the rest of the header parts).
            above = header_paths(foot, len(foot.slots))
            paths = [tuple(dict.fromkeys(above[f] + b)) for f, b in zip(under, paths)]
            header_rows = [[foot.row(r)[f] for f in under] for r in range(len(foot.slots))] + header_rows
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
