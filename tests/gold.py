"""Reading gold CSVs and extracted partitions into one comparable form.

The gold README defines the comparison: numbers as numbers, '' as missing, booleans as
true/false, text after NFKC with whitespace removed (the PDF does not keep the spaces the
source text has at line wraps)."""

from __future__ import annotations

import json
import math
import unicodedata
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow.dataset as pads


def cell(value) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return Decimal(repr(value)).normalize() if isinstance(value, float) else Decimal(value)
    text = "".join(unicodedata.normalize("NFKC", str(value)).split())
    if text == "":
        return None
    if text in ("true", "false"):
        return text == "true"
    try:
        return Decimal(text).normalize()
    except ArithmeticError:
        return text


def gold_meta(gold_dir: Path) -> dict:
    return json.loads((gold_dir / "datasets.json").read_text(encoding="utf-8"))["datasets"]


def gold_rows(gold_dir: Path, dataset: str) -> dict[tuple, dict]:
    meta = gold_meta(gold_dir)[dataset]
    frame = pd.read_csv(gold_dir / f"{dataset}.csv", dtype=str, keep_default_na=False)
    return _keyed(frame, meta["keys"], meta["columns"])


def extracted_rows(out_dir: Path, dataset: str, keys: list[str], columns: list[str]) -> dict[tuple, dict]:
    frame = pads.dataset(str(out_dir / dataset), format="parquet", partitioning="hive").to_table().to_pandas()
    return _keyed(frame, keys, columns)


def _keyed(frame: pd.DataFrame, keys: list[str], columns: list[str]) -> dict[tuple, dict]:
    rows = {}
    for record in frame.to_dict("records"):
        row = {c: cell(record.get(c)) for c in columns}
        key = tuple(row[k] for k in keys)
        assert key not in rows, f"duplicate key {key}"
        rows[key] = row
    return rows
