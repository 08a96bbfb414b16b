"""Compare a synthetic bulletin's truth with what the extractor wrote.

Text is compared after NFKC with all whitespace removed, numbers as numbers (1629775.52 ==
Decimal('1629775.52'), 5 == 5.0), booleans as booleans, None / NaN / '' as missing. Rows are
matched by the dataset keys of tests/data/gold-2024/datasets.json.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import unicodedata
from decimal import Decimal
from pathlib import Path

from .sections import DATASET_COLUMNS, DATASET_KEYS


def norm(value) -> object:
    if value is None:
        return None
    try:
        if value != value:  # NaN, pd.NA raises TypeError
            return None
    except TypeError:
        return None
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        value = value.item()
        if isinstance(value, bool):
            return value
    if isinstance(value, (int, Decimal)):
        return Decimal(value).normalize()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return Decimal(repr(value)).normalize()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = "".join(unicodedata.normalize("NFKC", str(value)).split())
    return text or None


def _read(out_dir: Path, dataset: str, year: int) -> list[dict] | None:
    import pyarrow.dataset as pads

    folder = out_dir / dataset
    if not folder.is_dir():
        return None
    table = pads.dataset(str(folder), format="parquet", partitioning="hive").to_table()
    rows = table.to_pylist()
    return [r for r in rows if r.get("year") in (None, year)]


def _key(row: dict, keys: list[str]) -> tuple:
    return tuple(norm(row.get(k)) for k in keys)


def compare(truth: dict, out_dir: Path, *, expected_warnings=None) -> list[str]:
    """Every difference between `truth` (model.truth(b)) and the extractor's output in `out_dir`:
    missing datasets, missing / unexpected rows (by key), differing cells. With
    `expected_warnings` ([(section, substring)], b.expected_warnings) also every expected warning
    the manifest lacks and every warning nobody expected."""
    out_dir = Path(out_dir)
    problems: list[str] = []
    year = truth["bulletins"][0]["year"]
    for dataset, rows in truth.items():
        columns = DATASET_COLUMNS[dataset]
        keys = DATASET_KEYS[dataset]
        got = _read(out_dir, dataset, year)
        if got is None:
            problems.append(f"{dataset}: dataset missing from the output")
            continue
        want = {}
        for r in rows:
            want[_key(r, keys)] = r
        have: dict[tuple, dict] = {}
        for r in got:
            k = _key(r, keys)
            if k in have:
                problems.append(f"{dataset}: duplicate row for key {k}")
            have[k] = r
        for k in want:
            if k not in have:
                problems.append(f"{dataset}: missing row {_show(k)}")
        for k in have:
            if k not in want:
                problems.append(f"{dataset}: unexpected row {_show(k)}: "
                                + ", ".join(f"{c}={have[k].get(c)!r}" for c in columns if c not in keys and c != "year"))
        for k, r in want.items():
            if k not in have:
                continue
            for c in columns:
                if c == "year" and "year" not in have[k]:
                    continue
                e, g = norm(r.get(c)), norm(have[k].get(c))
                if e != g:
                    problems.append(f"{dataset} {_show(k)}.{c}: expected {r.get(c)!r}, got {have[k].get(c)!r}")
    if expected_warnings is not None:
        problems += compare_warnings(expected_warnings, out_dir, year)
    return problems


def compare_warnings(expected, out_dir: Path, year: int) -> list[str]:
    manifest = json.loads((Path(out_dir) / "manifest.json").read_text(encoding="utf-8"))
    entry = next((b for b in manifest.get("bulletins", []) if b.get("year") == year), None)
    if entry is None:
        return [f"manifest: no bulletin for {year}"]
    warnings = entry.get("warnings", [])
    problems = []
    matched: set[int] = set()
    for section, text in expected:
        hits = [i for i, w in enumerate(warnings)
                if text in w["message"] and (not section or (w.get("section") or "") == section)]
        if not hits:
            problems.append(f"warning missing: [{section or '-'}] …{text}…")
        matched.update(hits)
    for i, w in enumerate(warnings):
        if i not in matched:
            problems.append(f"unexpected warning: [{w.get('section') or '-'} p{w.get('page')}] {w['message']}")
    return problems


def _show(key: tuple) -> str:
    return "(" + ", ".join(format(k, "f") if isinstance(k, Decimal) else str(k) for k in key) + ")"
