"""The truth of `printed_figures`: every figure a table prints otherwise than as the plain writing
of its value — with its unit ('38682.77万', the units family), in full-width digits ('３８６８２'),
with thousands separators ('3,066,151', the thousands family) — keyed by the dataset row it goes
to (BodyRow.feeds) and the column it fills. Read off the tables as finally printed, after every
family has had its say, so that whatever reprints a figure is covered."""

from __future__ import annotations

import re

from bulletin_etl.schemas import schema

from .content import BodyRow, Column, Section
from .sections import DATASET_KEYS

PLAIN = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
MISSING = ("", "/", "／")


def printed_figures(sections: list[Section]) -> list[dict]:
    """The rows of every section's table (the 合计 rows are totals', not here)."""
    out = []
    for sec in sections:
        if sec.table is None or not sec.rows.get(sec.name):
            continue
        truth = sec.rows[sec.name]
        for row in sec.table.rows:
            if row.kind == "data":
                _check_feeds(row, truth, sec.name)
                out += _row_figures(sec.name, sec.table.columns, row)
    return out


def _check_feeds(row: BodyRow, truth: list[dict], dataset: str) -> None:
    if not any(rec is fed for fed in row.feeds for rec in truth) and any(
            c.strip() not in MISSING for c in row.cells):
        raise AssertionError(f"{dataset}: a printed row {row.cells} feeds none of the dataset's truth records")


def _row_figures(dataset: str, columns: list[Column], row: BodyRow) -> list[dict]:
    out, seen = [], {}
    for col, cell in zip(columns, row.cells):
        if col.kind != "num" or col.field is None:
            continue
        occurrence = seen[col.field] = seen.get(col.field, -1) + 1
        if cell.strip() in MISSING:
            continue
        for record, column, part in _targets(dataset, columns, row, col.field, occurrence, cell):
            if not PLAIN.fullmatch(part.strip()):
                out.append({"dataset": dataset, "row_key": _row_key(dataset, record), "column": column,
                            "printed": part.strip(), "value": record[column]})
    return out


def _targets(dataset: str, columns: list[Column], row: BodyRow, field: str, occurrence: int,
             cell: str) -> list[tuple[dict, str, str]]:
    """(truth record, its column, the text printed for it) of one printed cell: a figure of its own,
    'a/b' feeding two columns, or a wide table's cell going to one long row."""
    holding = [rec for rec in row.feeds if field in rec]
    if holding:
        return [(holding[occurrence], field, cell)]
    parted = [rec for rec in row.feeds if any(c.startswith(f"{field}_") for c in rec)]
    if parted:  # 'a/b': realtime_forms → realtime_forms_uploaded, realtime_forms_total
        record = parted[occurrence]
        names = [c for c in record if c.startswith(f"{field}_")]
        return list(zip([record] * len(names), names, re.split(r"\s*[/／]\s*", cell.strip())))
    printed = {c.field for c in columns}
    reshaped = [k for k in DATASET_KEYS[dataset] if k not in printed]
    long = next(rec for rec in row.feeds if "_".join(str(rec[k]) for k in reshaped) == field)
    value = next(c for c in long if c not in DATASET_KEYS[dataset] and schema(dataset).type_of(c) in ("int", "float"))
    return [(long, value, cell)]


def _row_key(dataset: str, record: dict) -> str:
    """As the extractor writes it: the dataset's key (less the year) as key=value joined by '; '."""
    return "; ".join(f"{k}={record[k]}" for k in DATASET_KEYS[dataset])
