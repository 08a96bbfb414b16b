"""Write bulletins' validated datasets as hive-partitioned Parquet, atomically (a dataset that failed its
schema is left out, never half-written; one gathered from several sections is written without the
failing sections' rows, their rows of an earlier run kept).

The new state of the output folder is built in a staging folder beside it (a copy of the
current one with the re-extracted years' partitions replaced) and swapped in with two renames,
so a failed run leaves the output folder exactly as it was."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import __version__, institutions, observations, year_over_year
from .interrupts import interrupts_held
from .pipeline import BulletinResult
from .schemas import PARTITION_COLUMNS, schema
from .sections.base import Warning_

MANIFEST = "manifest.json"


def partition_dir(root: Path, dataset: str, year: int) -> Path:
    return root / dataset / f"year={year}"


def write_dataset(root: Path, dataset: str, year: int, frame) -> Path:
    folder = partition_dir(root, dataset, year)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    table = pa.Table.from_pandas(frame.drop(columns=list(PARTITION_COLUMNS)), schema=schema(dataset).arrow(),
                                 preserve_index=False)
    target = folder / "part-0.parquet"
    pq.write_table(table, target)
    return target


def earlier_rows(root: Path, dataset: str, year: int, sources: tuple[str, ...]) -> pa.Table | None:
    """The rows of a gathered dataset's partition (an earlier run's) that these sections gave: kept
    when this run's rows of them failed the schema (None: there are none)."""
    target = partition_dir(root, dataset, year) / "part-0.parquet"
    if not sources or not target.is_file():
        return None
    earlier = pq.read_table(target)
    rows = earlier.filter(pc.is_in(earlier["dataset"], value_set=pa.array(list(sources))))
    return rows if rows.num_rows else None


def append_rows(target: Path, rows: pa.Table) -> None:
    """The rows added to the end of a Parquet file, in its schema."""
    table = pq.read_table(target)
    pq.write_table(pa.concat_tables([table, rows.select(table.column_names).cast(table.schema)]), target)


def manifest_entry(result: BulletinResult, run: dict, previous: Path,
                   carried: frozenset[tuple[int, str]] = frozenset()) -> dict:
    """What manifest.json keeps of one bulletin; `previous` is the output tree before this run (a
    failed dataset's partition there was kept), `carried` the (year, dataset) partitions written
    with an earlier run's rows of the sections that failed (`SchemaFailure.written_without`)."""
    consistency = result.frames.get("consistency")
    mismatches = int((consistency["status"] == "mismatch").sum()) if consistency is not None else None
    return {
        "year": result.year,
        "source_file": result.path.name,
        "sha256": result.sha256,
        "pages": result.pages,
        "sections_found": result.sections_found,
        "datasets": {name: len(frame) for name, frame in result.frames.items()},
        "consistency_mismatches": mismatches,
        "warnings": [w.as_dict() for w in result.warnings],
        "schema_failures": [
            {**f.as_dict(), "previous_partition_kept": (result.year, f.dataset) in carried if f.written_without
             else partition_dir(previous, f.dataset, result.year).is_dir()}
            for f in result.failures
        ],
        "extracted_at": run["started_at"],
        "command": run["command"],
        "timings": {step: round(seconds, 3) for step, seconds in result.timings.items()},
        "settings": result.settings,
    }


def write_all(out_dir: str | Path, results: list[BulletinResult], run: Callable[[], dict],
              extra_files: Callable[[Path], dict[str, str]] | None = None,
              on_commit: Callable[[], None] | None = None) -> Path:
    """Replace the partitions of every result's year in out_dir, atomically. A dataset that failed
    its schema is not written: its partition from an earlier run, if any, stays as it was.

    `run` says how the output was made (command, started_at, seconds), asked once the partitions
    are written so that its time includes theirs; `extra_files` is called with the new tree, once
    partitions and manifest are in place, for files describing it; `on_commit` is called once the
    new tree has replaced the old (an interrupt then no longer leaves the folder as it was).

    The datasets across editions (institutions.py) are rewritten from every year the new tree
    holds; the manifest's `institution_warnings` are the non-exact name matches this write made first;
    each edition's year_over_year consistency rows (year_over_year.py) are recomputed likewise."""
    out_dir = Path(out_dir).absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    try:
        tree = _staged_copy(out_dir, stage)
        _write_tree(tree, results, run, extra_files)
        with interrupts_held():
            _swap(tree, out_dir, stage)
            if on_commit is not None:
                on_commit()
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return out_dir


def _staged_copy(out_dir: Path, stage: Path) -> Path:
    """A copy of the output folder in the staging folder (an empty folder when there is none yet)."""
    tree = stage / "tree"
    if out_dir.exists():
        shutil.copytree(out_dir, tree, symlinks=True)
    else:
        tree.mkdir()
    return tree


def _write_tree(tree: Path, results: list[BulletinResult], run: Callable[[], dict],
                extra_files: Callable[[Path], dict[str, str]] | None) -> None:
    """The results' partitions, then the manifest (`run` asked once the partitions are written),
    then the files describing the new tree."""
    previous = _read_manifest(tree)
    carried = set()
    for result in results:
        left_out = {f.dataset: f.written_without for f in result.failures}
        for dataset, frame in result.frames.items():
            earlier = earlier_rows(tree, dataset, result.year, left_out.get(dataset, ()))
            target = write_dataset(tree, dataset, result.year, frame)
            if earlier is not None:  # a gathered dataset written in part keeps the failing sections' rows of before
                append_rows(target, earlier)
                carried.add((result.year, dataset))
    identities = _institutions(tree, previous, results)
    year_over_year.write(tree)  # after the ids: it matches rows on them
    manifest = _manifest(previous, results, run(), tree, frozenset(carried))
    manifest["institution_warnings"] = [w.as_dict() for w in identities]
    (tree / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    for name, content in (extra_files(tree) if extra_files else {}).items():
        (tree / name).write_text(content, encoding="utf-8")


def _institutions(tree: Path, previous: dict, results: list[BulletinResult]) -> list[Warning_]:
    """The datasets across editions (institutions.py, then observations.py, which reads the ids
    settled) rewritten from every year the tree now holds; the warnings of the non-exact name
    matches it holds for the first time."""
    files = {b["year"]: b["source_file"] for b in previous.get("bulletins", [])}
    files.update({r.year: r.path.name for r in results})
    warnings = institutions.write(tree, sorted(files), files)
    observations.write(tree, sorted(files))
    return warnings


def _manifest(previous: dict, results: list[BulletinResult], how: dict, tree: Path,
              carried: frozenset[tuple[int, str]] = frozenset()) -> dict:
    """The earlier manifest's bulletins with those of the results' years replaced, and this run."""
    bulletins = {b["year"]: b for b in previous.get("bulletins", [])}
    for result in results:
        bulletins[result.year] = manifest_entry(result, how, tree, carried)
    return {
        "package": "bulletin-etl",
        "package_version": __version__,
        "written_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "last_run": how,
        "bulletins": [bulletins[y] for y in sorted(bulletins)],
    }


def read_manifest(out_dir: str | Path) -> dict:
    """The manifest of an output folder ({} when there is none or it is unreadable)."""
    return _read_manifest(Path(out_dir))


def _read_manifest(tree: Path) -> dict:
    path = tree / MANIFEST
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _swap(tree: Path, out_dir: Path, stage: Path) -> None:
    if out_dir.exists():
        old = stage / "previous"
        os.rename(out_dir, old)
        try:
            os.rename(tree, out_dir)
        except OSError:
            os.rename(old, out_dir)
            raise
    else:
        os.rename(tree, out_dir)
