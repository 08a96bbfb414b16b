"""Logical tables from the page grids: a table continued over the following pages (its repeated
header dropped, a row the page break cut joined again), and side-by-side column groups stacked."""

from __future__ import annotations

from collections import Counter

from ...text import join_wrapped, looks_numeric, squash
from ..intervals import covers
from ..settings import LayoutSettings
from .model import Cell, Grid, LogicalTable, TableRow


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


def _repeats_header(row: list[str], header: list[str], spill: dict[int, str], carried: dict[int, str],
                    words: set[str], settings: LayoutSettings) -> bool:
    """A continued page's first row repeats the header: the same texts, or some cut short where
    the producer clipped a header cell too low for its last line ('实时数据表单上传' for
    '实时数据表单上传情况'); the clipped text then shows in the cell below (noted in `spill`).
    A cell may also hold more than its header: the head of a row the page break cut, printed
    under the repeated header, that the clipped text drew into the header ('接入单位院'; noted in
    `carried`; never words of the header itself, `words`: see `_header_words`). At most
    `max_clipped_share` of the row may differ so: more is data."""
    if len(row) != len(header):
        return False
    cut: dict[int, str] = {}
    more: dict[int, str] = {}
    for c, (printed, known) in enumerate(zip(row, header)):
        printed, known = squash(printed), squash(known)
        if printed == known:
            continue
        if _is_clipped(printed, known, settings):
            cut[c] = known[len(printed):]
        elif _holds_cut_row_head(printed, known, words, settings):
            more[c] = printed[len(known):]
        else:
            return False
    if len(cut) + len(more) > settings.max_clipped_share * len(row):
        return False
    spill.update(cut)
    carried.update(more)
    return True


def _is_clipped(printed: str, known: str, settings: LayoutSettings) -> bool:
    """A header cell printed cut short: the start of its text, at least `min_clipped_chars` long."""
    return len(printed) >= settings.min_clipped_chars and known.startswith(printed)


def _holds_cut_row_head(printed: str, known: str, words: set[str], settings: LayoutSettings) -> bool:
    """A header cell printed with more than its text: the extra neither a figure nor the header's
    own words (see `_header_words`), but the head of a row the page break cut."""
    if not known or not printed.startswith(known):
        return False
    extra = printed[len(known):]
    return not looks_numeric(extra) and not _header_words(extra, words, settings)


def _header_words(extra: str, words: set[str], settings: LayoutSettings) -> bool:
    """Whether the extra text of a repeated header cell is the header's own: a whole header
    cell ('就诊数据2030年度总量': a group label and its sub-column run together), or the start of
    one, clipped. Characters merely found inside a header word are no header of their own: the
    rest of a cut row ('院') may well occur in one ('出院信息')."""
    return extra in words or (len(extra) >= settings.min_clipped_chars and any(w.startswith(extra) for w in words))


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
            if not _continues_merged_cell(rows, r, c):
                letters.update(squash(text))
    return letters


def _continues_merged_cell(rows: list[list[str]], r: int, c: int) -> bool:
    """A slot a merged cell covers past its first: the text of the slot to its left or above."""
    left = rows[r][c - 1] if c else None
    above = rows[r - 1][c] if r else None
    return rows[r][c] in (left, above)


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
    if _stands_whole(prev) or _stands_whole(nxt):
        return False
    if all(cell.strip() for cell in nxt.cells):
        return False
    return not any(looks_numeric(a) and looks_numeric(b) for a, b in zip(prev.cells, nxt.cells))


def _stands_whole(row: TableRow) -> bool:
    """One cell across the whole row ('合计：290146'), or a total: neither half of a row the page
    break cut, nor a row that side-by-side groups share."""
    return row.spans_all or row.is_total


def _columns_under(foot: Grid, grid: Grid, settings: LayoutSettings) -> list[int] | None:
    """For each of the grid's columns, the column of the header part left at the previous
    page's foot standing over it; None when the two are not one table's parts."""
    if foot.n_cols == grid.n_cols:
        return list(range(grid.n_cols))
    same = settings.rule_same_extent_pt
    if abs(foot.bbox[0] - grid.bbox[0]) > same or abs(foot.bbox[2] - grid.bbox[2]) > same:
        return None
    under = [_column_at(foot.col_bounds, (x0 + x1) / 2) for x0, x1 in grid.col_bounds]
    return None if None in under else [f for f in under if f is not None]


def _column_at(col_bounds: list[tuple[float, float]], x: float) -> int | None:
    """The first column whose bounds hold `x`, ends included."""
    return next((c for c, bounds in enumerate(col_bounds) if covers(bounds, (x, x))), None)


def stitch(grids: list[Grid], settings: LayoutSettings) -> list[LogicalTable]:
    """Continue a table over the following grids with the same columns; drop the repeated
    header and re-join a row that the page break split."""
    tables: list[LogicalTable] = []
    foot: Grid | None = None  # a header left alone at the foot of the previous page
    for grid in grids:
        headed = _headed_by_foot(foot, grid, settings) if foot is not None else None
        if headed is not None:  # a table broken right after its header: it starts at the foot
            tables.append(headed)
            foot = None
            continue
        if tables and _continues_on(tables[-1], grid):
            _continue(tables[-1], grid, settings)
            continue
        n_header = header_row_count(grid)
        if n_header == len(grid.slots):
            foot = grid  # a header alone at the foot of a page; the table starts where its rows do
            continue
        tables.append(_new_table(grid, n_header, foot, settings))
        foot = None
    return [_without_phantom_columns(t) for t in tables]


def _continues_on(table: LogicalTable, grid: Grid) -> bool:
    """A grid on a later page than the table's last, with as many columns: the table goes on."""
    return grid.n_cols == table.n_cols and grid.page > table.grids[-1].page


def _continue(table: LogicalTable, grid: Grid, settings: LayoutSettings) -> None:
    """The table's rows go on with the grid's below its repeated header: the text of header
    cells clipped into the first row taken out of it, a row cut under the header put back, and
    the head of a row the page break cut joined to its first half."""
    spill: dict[int, str] = {}
    carried: dict[int, str] = {}
    rows = _rows_of(grid, _repeated_header_end(table, grid, spill, carried, settings))
    if rows and spill:
        rows[0].cells = [_unspill(cell, spill.get(c)) for c, cell in enumerate(rows[0].cells)]
    if carried:
        rows.insert(0, TableRow([carried.get(c, "") for c in range(grid.n_cols)], grid.page))
    if rows and table.rows and _split_by_page_break(table.rows[-1], rows[0]):
        head = rows.pop(0)
        last = table.rows[-1]
        last.cells = [join_wrapped([a, b]) for a, b in zip(last.cells, head.cells)]
    table.rows.extend(rows)
    table.grids.append(grid)


def _repeated_header_end(table: LogicalTable, grid: Grid, spill: dict[int, str], carried: dict[int, str],
                         settings: LayoutSettings) -> int:
    """How many of the grid's first rows repeat the table's header (0 when it is not repeated):
    row for row, some cells clipped (see `_repeats_header`); else with its levels run together,
    in one row or in each of its rows (a group label merged with the sub-column under it); else
    the same characters merged otherwise (see `_repeats_letters`)."""
    return (_rows_repeating_header(table, grid, spill, carried, settings)
            or _rows_repeating_paths(grid, table.header_paths) or _repeats_letters(grid, table.header_rows))


def _rows_repeating_header(table: LogicalTable, grid: Grid, spill: dict[int, str], carried: dict[int, str],
                           settings: LayoutSettings) -> int:
    """The grid's first rows that repeat the header's rows, each tried in turn on the next row."""
    start = 0
    words = {squash(cell) for header in table.header_rows for cell in header}
    for header in table.header_rows:
        if start < len(grid.slots) and _repeats_header(grid.row(start), header, spill, carried, words, settings):
            start += 1
    return start


def _rows_repeating_paths(grid: Grid, paths: list[tuple[str, ...]]) -> int:
    """The grid's first rows that each repeat the header with its levels run together."""
    start = 0
    while start < len(grid.slots) and _repeats_paths(grid.row(start), paths):
        start += 1
    return start


def _new_table(grid: Grid, n_header: int, foot: Grid | None, settings: LayoutSettings) -> LogicalTable:
    """A table starting on the grid, under its `n_header` header rows. When the header row
    itself broke over the page, its top part is the header left at the previous page's foot
    (whose group cells may span columns the rest of the header parts)."""
    paths = header_paths(grid, n_header)
    header_rows = [grid.row(r) for r in range(n_header)]
    under = _columns_under_foot(foot, grid, n_header, settings)
    if foot is not None and under is not None:
        above = header_paths(foot, len(foot.slots))
        paths = [_under_foot_path(above[f], b, is_own_foot_cell(foot, f, under)) for f, b in zip(under, paths)]
        header_rows = [[foot.row(r)[f] for f in under] for r in range(len(foot.slots))] + header_rows
    return LogicalTable(header_paths=paths, header_rows=header_rows, rows=_rows_of(grid, n_header), grids=[grid])


def is_own_foot_cell(foot: Grid, col: int, under: list[int]) -> bool:
    """The lowest header cell the page's foot left over its column `col` heads one column of the
    next page's alone (`under`: the foot's column over each of the grid's): no group title merged
    over other columns, nor one column of the foot over two of the grid's ('就诊数据'). The
    header row broke inside that cell, and what the next page prints under it is the rest of its
    text ('住院收入（千' / '元）', LibreOffice)."""
    lowest = foot.slots[-1]
    cell = lowest[col]
    return cell is not None and sum(other is cell for other in lowest) == 1 and under.count(col) == 1


def _under_foot_path(above: tuple[str, ...], below: tuple[str, ...], own: bool) -> tuple[str, ...]:
    """A column's header path from the part left at the foot and the part printed on the next
    page: the rest of a cell the page broke (`own`) joined to its text, else levels of their own
    (a group title at the foot over the sub-columns' labels); a level printed on both pages once."""
    if own and _new_text_below(above, below):
        return above[:-1] + (join_wrapped([above[-1], below[0]]),) + below[1:]
    return tuple(dict.fromkeys(above + below))


def _new_text_below(above: tuple[str, ...], below: tuple[str, ...]) -> bool:
    """The next page prints header text under the foot's that the foot's does not hold (a
    header repeated there adds none)."""
    return bool(above) and bool(below) and below[0] not in above


def _columns_under_foot(foot: Grid | None, grid: Grid, n_header: int, settings: LayoutSettings) -> list[int] | None:
    """For a grid with a header of its own, the columns of the header part left at the foot of
    the page before standing over its columns (see `_columns_under`); else None."""
    if foot is None or foot.page != grid.page - 1 or not n_header:
        return None
    return _columns_under(foot, grid, settings)


def _headed_by_foot(foot: Grid, grid: Grid, settings: LayoutSettings) -> LogicalTable | None:
    """The table whose whole header the page before left alone at its foot, its rows in the
    grid: under that header repeated (as a continued page repeats it, see `_repeated_header_end`)
    or under none. None when the grid is no such table's (another page, other columns or ends,
    or a header of its own that repeats no part of the foot's: the rest of a header row the page
    broke, see `_new_table`)."""
    if foot.page != grid.page - 1 or not _heads_whole(foot, grid, settings):
        return None
    table = LogicalTable(header_paths=header_paths(foot, len(foot.slots)),
                         header_rows=[foot.row(r) for r in range(len(foot.slots))])
    if header_row_count(grid) and not _repeated_header_end(table, grid, {}, {}, settings):
        return None
    _continue(table, grid, settings)
    return table


def _heads_whole(foot: Grid, grid: Grid, settings: LayoutSettings) -> bool:
    """The header at the page's foot is a whole header over the grid's rows: as many columns,
    the same ends (`rule_same_extent_pt`)."""
    same = settings.rule_same_extent_pt
    return foot.n_cols == grid.n_cols and all(abs(a - b) <= same for a, b in zip(foot.bbox[::2], grid.bbox[::2]))


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
    width = _group_width([tuple(squash(p) for p in path) for path in table.header_paths])
    if width is None:
        return table
    # '合计：N' across the groups is one total, kept once, under the stacked rows
    totals = [TableRow(r.cells[:width], r.page, r.spans_all) for r in table.rows if _stands_whole(r)]
    rows = [row for g in range(table.n_cols // width) for row in _group_rows(table.rows, g * width, width)]
    return LogicalTable(
        header_paths=table.header_paths[:width],
        header_rows=[r[:width] for r in table.header_rows],
        rows=rows + totals,
        grids=table.grids,
    )


def _group_width(keys: list[tuple[str, ...]]) -> int | None:
    """The width of the narrowest column group that the header paths repeat side by side, two
    times or more; None when they repeat none."""
    n = len(keys)
    return next((width for width in range(1, n // 2 + 1)
                 if n % width == 0 and all(keys[i] == keys[i % width] for i in range(n))), None)


def _group_rows(rows: list[TableRow], start: int, width: int) -> list[TableRow]:
    """The rows of the column group `width` wide from column `start`, less the rows that stand
    whole and the group's empty parts."""
    group: list[TableRow] = []
    for row in rows:
        part = TableRow(row.cells[start:start + width], row.page)
        if _stands_whole(row) or part.is_empty:
            continue
        if group and _continues_wrapped_name(part):
            group[-1].cells = [join_wrapped([a, b]) for a, b in zip(group[-1].cells, part.cells)]
            continue
        group.append(part)
    return group


def _continues_wrapped_name(part: TableRow) -> bool:
    """A group's part of a row with no first cell and no figure: without rules, a name wrapped
    in the right-hand group shares its line with the next row of the left-hand group, and it
    continues its own row."""
    return not part.cells[0].strip() and not any(map(looks_numeric, part.cells))
