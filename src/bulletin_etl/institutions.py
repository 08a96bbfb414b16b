"""The datasets across editions: `institutions` (one row per institution id) and
`institution_names` (every name each was printed under, per year and dataset, and how it matched),
computed from every year the output folder holds each time it is written (output.py), so that
adding, re-extracting or removing an edition rewrites them with the rest, atomically.

The ids come from the printed names (identity.py): each name's key, and the chains of former names
the editions held print in brackets (identity.chain_roots), so that every partition's
institution_id is rewritten here too where a chain changed it. What else depends on the editions
held is which name is the institution's (the latest printed) and so which printed names are
`exact` and which `normalised`. A non-exact match is a warning the first time the folder holds it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import identity
from .names import Gazetteer
from .schemas import PARTITION_COLUMNS, per_bulletin, schema
from .sections.base import Warning_

NAMES, INSTITUTIONS = "institution_names", "institutions"
PART = "part-0.parquet"
NAME_COLUMNS = ["year", "dataset", "institution", "institution_id", "how"]
"""A printed name of a partition, its id, and how identity.resolve read it (exact: by the rules
alone; alias; suspected_typo)."""


@dataclass(frozen=True)
class Partition:
    """A year's partition of a dataset with institution ids, and how each row's name resolves."""

    dataset: str
    year: int
    path: Path
    frame: pd.DataFrame
    resolved: list[identity.Resolution | None]


def read_partitions(tree: Path, years: list[int]) -> list[Partition]:
    """The given years' partitions of every dataset with an institution_id."""
    gazetteer = Gazetteer.curated()
    found = []
    for dataset, spec in sorted(per_bulletin().items()):
        if "institution_id" not in spec.column_names:
            continue
        for year in years:
            part = tree / dataset / f"year={year}" / PART
            if part.is_file():
                frame = pq.read_table(part).to_pandas()
                resolved = [identity.row_resolution(row, gazetteer) for row in frame.to_dict("records")]
                found.append(Partition(dataset, year, part, frame, resolved))
    return found


def folder_ids(partitions: list[Partition]) -> list[list[str | None]]:
    """Each partition's ids: those of the chains the former names printed in any of them link
    (identity.chained_ids), so that a name and its former name printed in different editions
    are one institution."""
    flat = identity.chained_ids([r for p in partitions for r in p.resolved])
    out, at = [], 0
    for p in partitions:
        out.append(flat[at:at + len(p.resolved)])
        at += len(p.resolved)
    return out


def rewrite_ids(partition: Partition, ids: list[str | None]) -> None:
    """The partition's institution_id column as the folder's chains give it, where it differs (a
    partition written before ids existed keeps its columns)."""
    table = pq.read_table(partition.path)
    column = table.schema.get_field_index("institution_id")
    if column < 0 or table.column(column).to_pylist() == ids:
        return
    field = table.schema.field(column)
    pq.write_table(table.set_column(column, field, pa.array(ids, type=field.type)), partition.path)


def printed_names(partitions: list[Partition], ids: list[list[str | None]]) -> pd.DataFrame:
    """Each (year, dataset, printed name, id, how) of the partitions' rows naming an institution."""
    rows = [{"year": p.year, "dataset": p.dataset, "institution": name, "institution_id": given, "how": r.match}
            for p, given_ids in zip(partitions, ids)
            for name, r, given in zip(p.frame["institution"], p.resolved, given_ids) if r is not None]
    return pd.DataFrame(rows, columns=NAME_COLUMNS)


def latest_name(names: pd.DataFrame) -> str:
    """An institution's name: of those its latest year prints, the ones its own spelling resolves
    (no alias, no typo) first, then the one printed in most datasets, then sort order."""
    latest = names[names["year"] == names["year"].max()].drop_duplicates(["dataset", "institution"])
    counts = latest["institution"].value_counts()
    own = set(latest.loc[latest["how"] == identity.EXACT, "institution"])
    return min(counts.index, key=lambda name: (name not in own, -counts[name], name))


def stated_district(names: pd.DataFrame) -> str | None:
    """The district the institution's printed names state, the latest first."""
    for name in names.sort_values(["year", "institution"], ascending=[False, True])["institution"]:
        district = identity.district_of(identity.canonical_key(name))
        if district is not None:
            return district
    return None


def institution_rows(names: pd.DataFrame) -> pd.DataFrame:
    """One row per institution id."""
    rows = [{"institution_id": key, "name": latest_name(group), "district": stated_district(group),
             "first_year": int(group["year"].min()), "last_year": int(group["year"].max())}
            for key, group in names.groupby("institution_id", sort=True)]
    return schema(INSTITUTIONS).frame(rows)


def match_of(printed: str, how: str, name: str) -> str:
    """How a printed name matched its id: alias or suspected_typo where those decided it (`how`,
    identity.resolve's), else exact when it is the institution's name as printed, normalised
    otherwise (by the rules, or along a chain of former names)."""
    if how in (identity.ALIAS, identity.SUSPECTED_TYPO):
        return how
    return identity.EXACT if printed == name else identity.NORMALISED


def name_rows(names: pd.DataFrame, institutions: pd.DataFrame) -> pd.DataFrame:
    """One row per (year, dataset, printed name, id), with its match."""
    current = dict(zip(institutions["institution_id"], institutions["name"]))
    distinct = names.sort_values(NAME_COLUMNS).drop_duplicates(NAME_COLUMNS[:-1])
    rows = [{"year": int(r.year), "institution_id": r.institution_id, "name_as_printed": r.institution,
             "dataset": r.dataset, "match": match_of(r.institution, r.how, current[r.institution_id])}
            for r in distinct.itertuples(index=False)]
    return schema(NAMES).frame(rows)


def previous_matches(tree: Path) -> set[tuple[str, str, str]]:
    """The (printed name, id, match) non-exact matches the folder held before this write."""
    folder = tree / NAMES
    if not folder.is_dir():
        return set()
    table = pq.read_table(folder, partitioning="hive").to_pandas()
    return {(r.name_as_printed, r.institution_id, r.match) for r in table.itertuples(index=False)
            if r.match != identity.EXACT}


def new_match_warnings(names: pd.DataFrame, institutions: pd.DataFrame, before: set[tuple[str, str, str]],
                       files: dict[int, str]) -> list[Warning_]:
    """A warning for each non-exact match the folder did not hold before, once (its first year)."""
    current = dict(zip(institutions["institution_id"], institutions["name"]))
    warnings, said = [], set()
    for r in names.sort_values(["year", "dataset", "name_as_printed"]).itertuples(index=False):
        made = (r.name_as_printed, r.institution_id, r.match)
        if r.match == identity.EXACT or made in before or made in said:
            continue
        said.add(made)
        warnings.append(Warning_(files.get(int(r.year), ""), None, r.dataset,
                                 f"{r.name_as_printed!r} ({r.year}) is taken for {current[r.institution_id]!r} "
                                 f"(institution {r.institution_id}, match {r.match})", "institution_match"))
    return warnings


def write(tree: Path, years: list[int], files: dict[int, str]) -> list[Warning_]:
    """Rewrite both datasets in the (staged) tree from the given years' partitions; the warnings
    of the non-exact matches made for the first time. `files`: year → its bulletin's file name."""
    before = previous_matches(tree)
    partitions = read_partitions(tree, years)
    ids = folder_ids(partitions)
    for partition, given in zip(partitions, ids):
        rewrite_ids(partition, given)
    names = printed_names(partitions, ids)
    institutions = institution_rows(names)
    rows = name_rows(names, institutions)
    for dataset in (NAMES, INSTITUTIONS):
        shutil.rmtree(tree / dataset, ignore_errors=True)
    _write_unpartitioned(tree, INSTITUTIONS, schema(INSTITUTIONS).pandera().validate(institutions))
    write_by_year(tree, NAMES, schema(NAMES).pandera().validate(rows))
    return new_match_warnings(rows, institutions, before, files)


def write_by_year(tree: Path, dataset: str, frame: pd.DataFrame) -> None:
    """A validated dataset of every edition as one partition per year (the folder made anew)."""
    for year, part in frame.groupby("year", sort=True):
        folder = tree / dataset / f"year={year}"
        folder.mkdir(parents=True)
        table = pa.Table.from_pandas(part.drop(columns=list(PARTITION_COLUMNS)), schema=schema(dataset).arrow(),
                                     preserve_index=False)
        pq.write_table(table, folder / PART)


def _write_unpartitioned(tree: Path, dataset: str, frame: pd.DataFrame) -> None:
    """A dataset without a year column: one file, `<dataset>/part-0.parquet`."""
    (tree / dataset).mkdir(parents=True)
    table = pa.Table.from_pandas(frame, schema=schema(dataset).arrow(), preserve_index=False)
    pq.write_table(table, tree / dataset / PART)
