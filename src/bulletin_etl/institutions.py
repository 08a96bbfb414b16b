"""The datasets across editions: `institutions` (one row per institution id) and
`institution_names` (every name each was printed under, per year and dataset, and how it matched),
computed from every year the output folder holds each time it is written (output.py), so that
adding, re-extracting or removing an edition rewrites them with the rest, atomically.

The ids themselves come from the printed names alone (identity.py); what depends on the editions
held is only which name is the institution's (the latest printed) and so which printed names are
`exact` and which `normalised`. A non-exact match is a warning the first time the folder holds it."""

from __future__ import annotations

import shutil
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
NAME_COLUMNS = ["year", "dataset", "institution", "institution_id"]


def printed_names(tree: Path, years: list[int]) -> pd.DataFrame:
    """Each (year, dataset, printed name, id) the folder's datasets with an institution_id hold."""
    frames = []
    for dataset, spec in sorted(per_bulletin().items()):
        if "institution_id" not in spec.column_names:
            continue
        for year in years:
            part = tree / dataset / f"year={year}" / PART
            if part.is_file():
                frame = with_ids(pq.read_table(part).to_pandas())[["institution", "institution_id"]]
                frames.append(frame.dropna().assign(year=year, dataset=dataset))
    if not frames:
        return pd.DataFrame(columns=NAME_COLUMNS)
    return pd.concat(frames, ignore_index=True)[NAME_COLUMNS]


def with_ids(frame: pd.DataFrame) -> pd.DataFrame:
    """A partition's rows with their institution ids: those it holds, or, in a partition written
    before ids were (no institution_id column), those its printed names give (the curated
    gazetteer correcting the names flagged as typos)."""
    if "institution_id" in frame.columns:
        return frame
    gazetteer = Gazetteer.curated()
    resolved = [identity.row_resolution(row, gazetteer) for row in frame.to_dict("records")]
    ids = [None if r is None else identity.institution_id(r.key) for r in resolved]
    return frame.assign(institution_id=pd.Series(ids, index=frame.index, dtype="string"))


def latest_name(names: pd.DataFrame) -> str:
    """An institution's name: of those its latest year prints, the ones its own spelling resolves
    (no alias, no typo) first, then the one printed in most datasets, then sort order."""
    latest = names[names["year"] == names["year"].max()].drop_duplicates(["dataset", "institution"])
    counts = latest["institution"].value_counts()
    own_id = names["institution_id"].iloc[0]
    return min(counts.index, key=lambda name: (not is_own_spelling(name, own_id), -counts[name], name))


def is_own_spelling(printed: str, institution_id: str) -> bool:
    """The printed name resolves to the id by the rules alone (not by the alias list or a typo)."""
    resolution = identity.resolve(printed)
    return resolution.match == identity.EXACT and identity.institution_id(resolution.key) == institution_id


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


def match_of(printed: str, institution_id: str, name: str) -> str:
    """How a printed name matched its id: alias or suspected_typo where those decided it (an id
    its own spelling does not give came from the gazetteer's typo correction), else exact when it
    is the institution's name as printed, normalised otherwise."""
    resolution = identity.resolve(printed)
    if resolution.match == identity.ALIAS:
        return identity.ALIAS
    if identity.institution_id(resolution.key) != institution_id:
        return identity.SUSPECTED_TYPO
    return identity.EXACT if printed == name else identity.NORMALISED


def name_rows(names: pd.DataFrame, institutions: pd.DataFrame) -> pd.DataFrame:
    """One row per (year, dataset, printed name, id), with its match."""
    current = dict(zip(institutions["institution_id"], institutions["name"]))
    distinct = names.drop_duplicates().sort_values(NAME_COLUMNS)
    rows = [{"year": int(r.year), "institution_id": r.institution_id, "name_as_printed": r.institution,
             "dataset": r.dataset, "match": match_of(r.institution, r.institution_id, current[r.institution_id])}
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
    names = printed_names(tree, years)
    institutions = institution_rows(names)
    rows = name_rows(names, institutions)
    for dataset in (NAMES, INSTITUTIONS):
        shutil.rmtree(tree / dataset, ignore_errors=True)
    _write_unpartitioned(tree, INSTITUTIONS, schema(INSTITUTIONS).pandera().validate(institutions))
    checked = schema(NAMES).pandera().validate(rows)
    for year, part in checked.groupby("year", sort=True):
        folder = tree / NAMES / f"year={year}"
        folder.mkdir(parents=True)
        table = pa.Table.from_pandas(part.drop(columns=list(PARTITION_COLUMNS)), schema=schema(NAMES).arrow(),
                                     preserve_index=False)
        pq.write_table(table, folder / PART)
    return new_match_warnings(rows, institutions, before, files)


def _write_unpartitioned(tree: Path, dataset: str, frame: pd.DataFrame) -> None:
    """A dataset without a year column: one file, `<dataset>/part-0.parquet`."""
    (tree / dataset).mkdir(parents=True)
    table = pa.Table.from_pandas(frame, schema=schema(dataset).arrow(), preserve_index=False)
    pq.write_table(table, tree / dataset / PART)
