"""What the statistics tables of a synthetic bulletin share: the order of their rows, an unknown
column some bulletins add, and the '序号 | 单位 | figures… | 合计' table of several sections."""

from __future__ import annotations

import random

from ..content import BodyRow, Column, PrintedTable, Section
from .context import Context
from .figures import logu, num, printed
from .totals import column_totals, total_label_row


def order_rows(rng: random.Random, items: list[dict], key: str) -> list[dict]:
    how = rng.choices(["desc", "name", "shuffle"], weights=[6, 2, 2])[0]
    if how == "desc":
        return sorted(items, key=lambda r: -(r[key] or 0))
    if how == "name":
        return sorted(items, key=lambda r: r["_name"])
    out = list(items)
    rng.shuffle(out)
    return out



def extra_column(rng: random.Random, n_rows: int, numeric_ok: bool = True, districts: bool = False) -> tuple[str, list[str]]:
    """An extra column the extractor does not know: its header and its cells."""
    if numeric_ok and rng.random() < 0.5:
        header = rng.choice(["新增指标", "环比增幅", "上年同期", "同比增长"])
        if header in ("环比增幅", "同比增长"):
            cells = [f"{rng.uniform(-30, 80):.1f}%" if rng.random() < 0.9 else "/" for _ in range(n_rows)]
        else:
            cells = [str(logu(rng, 1, 50000)) for _ in range(n_rows)]
        return header, cells
    header = "备注"
    words = ["系统升级", "部分停传", "新接入", "数据补传"] if districts else ["新接入", "试运行", "含分院", "系统升级"]
    cells = [rng.choice(words) if rng.random() < 0.35 else "" for _ in range(n_rows)]
    return header, cells


def insert_extra(rng: random.Random, table: PrintedTable, name: str, b_warnings: list, numeric_ok: bool = True,
                 at_end: bool | None = None) -> None:
    """Maybe add an unknown column; the extractor must warn and still read the known columns."""
    if rng.random() >= 0.15:
        return
    n_data = len(table.rows)
    header, cells = extra_column(rng, n_data, numeric_ok, districts=name in ("family_doctor_referrals",
                                                                            "platform_collection_districts"))
    # where: at the end, or between two top-level column groups after the name column
    bounds = [len(table.columns)]
    if header != "备注" and not at_end:
        j = 0
        while j < len(table.columns):
            col = table.columns[j]
            k = j + 1
            if len(col.header) == 2:
                while k < len(table.columns) and table.columns[k].header[:1] == col.header[:1]:
                    k += 1
            if col.kind == "num" and k < len(table.columns):
                bounds.append(k)
            j = k
    pos = rng.choice(bounds)
    table.columns.insert(pos, Column((header,), "text" if header == "备注" else "num", None))
    for row, cell in zip(table.rows, cells):
        if row.kind == "span":
            row.cells.insert(pos, "")
            row.merge = (0, len(row.cells))
            continue
        row.cells.insert(pos, "" if row.kind == "total" and header == "备注" else cell)
        if row.merge and row.merge[0] >= pos:
            row.merge = (row.merge[0] + 1, row.merge[1] + 1)
    b_warnings.append((name, f"unmapped column header '{header}'"))



def seq_table(ctx: Context, name: str, title: str, cols: list[Column], items: list[dict], notes: list[str]) -> Section:
    """A table '序号 | 单位 | figures…' with a 合计 row summing every figure column."""
    data_rows, truth = [], []
    for seq, item in enumerate(items, 1):
        row, record = _seq_row(seq, item, cols)
        data_rows.append(row)
        truth.append(record)
    figures, totals = column_totals(name, cols, items)
    table = PrintedTable(cols, data_rows + [total_label_row(ctx.rng, len(cols), figures, (0, 1))])
    insert_extra(ctx.rng, table, name, ctx.warnings)
    return Section(name, title, preamble=[], table=table, notes=notes, rows={name: truth, "totals": totals})


def _seq_row(seq: int, item: dict, cols: list[Column]) -> tuple[BodyRow, dict]:
    """One institution's printed row and its truth record."""
    record = {"seq": seq, "institution": item["_name"]}
    cells = []
    for col in cols:
        if col.field == "seq":
            cells.append(str(seq))
        elif col.field == "institution":
            cells.append(item["_name"])
        else:
            cells.append(printed(item[col.field]))
            record[col.field] = num(item[col.field])
    return BodyRow(cells, feeds=[record]), record
