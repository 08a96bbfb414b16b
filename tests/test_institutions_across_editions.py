"""The datasets across editions (institutions.py) on hand-built names: which printed name is an
institution's, and how each printed name matched its id."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from bulletin_etl import institutions
from bulletin_etl.identity import canonical_key, institution_id, resolve

PUKOU = institution_id(canonical_key("南京市浦口区人民医院"))
LISHUI_TCM = institution_id(resolve("南京市溧水区中医医院").key)


def _names(rows: list[tuple[int, str, str]]) -> pd.DataFrame:
    return pd.DataFrame([{"year": y, "dataset": d, "institution": n, "institution_id": institution_id(resolve(n).key),
                          "how": resolve(n).match} for y, d, n in rows], columns=institutions.NAME_COLUMNS)


def test_the_name_is_the_latest_editions() -> None:
    names = _names([(2024, "internet_hospitals", "南京市浦口人民医院"), (2025, "internet_hospitals", "南京市浦口区人民医院")])
    assert set(names["institution_id"]) == {PUKOU}
    assert institutions.latest_name(names) == "南京市浦口区人民医院"


def test_the_name_is_one_the_rules_resolve_before_an_alias_then_the_most_printed() -> None:
    names = _names([(2024, "evaluation_ratings", "南京市溧水区中医医院"), (2024, "internet_hospitals", "南京市溧水区中医医院"),
                    (2024, "appointments_12320", "南京市溧水区中医院")])
    assert set(names["institution_id"]) == {LISHUI_TCM}
    assert institutions.latest_name(names) == "南京市溧水区中医院"
    both = _names([(2024, "a", "南京江北医院"), (2024, "b", "南京江北医院"), (2024, "c", "江北医院")])
    assert institutions.latest_name(both) == "南京江北医院"


def test_each_match_kind() -> None:
    assert institutions.match_of("南京市浦口区人民医院", "exact", "南京市浦口区人民医院") == "exact"
    assert institutions.match_of("南京市浦口人民医院", "exact", "南京市浦口区人民医院") == "normalised"
    assert institutions.match_of("南京市溧水区中医医院", "alias", "南京市溧水区中医院") == "alias"
    assert institutions.match_of("南京市六台区人民医院", "suspected_typo", "南京市六合区人民医院") == "suspected_typo"
    assert institutions.match_of("南京市红十字医院", "exact", "南京市中西医结合医院（南京市红十字医院）") == "normalised"


def test_institution_rows_give_years_and_the_district_the_name_states() -> None:
    names = _names([(2023, "internet_hospitals", "南京市浦口人民医院"), (2025, "internet_hospitals", "南京市浦口区人民医院"),
                    (2024, "internet_hospitals", "南京鼓楼医院")])
    rows = institutions.institution_rows(names).set_index("institution_id")
    assert rows.loc[PUKOU].to_dict() == {"name": "南京市浦口区人民医院", "district": "浦口区", "first_year": 2023,
                                         "last_year": 2025}
    assert pd.isna(rows.loc[institution_id(canonical_key("南京鼓楼医院")), "district"])


def test_a_match_is_warned_once_and_not_again() -> None:
    names = _names([(2024, "internet_hospitals", "南京市浦口人民医院"), (2025, "internet_hospitals", "南京市浦口区人民医院"),
                    (2025, "appointments_12320", "南京市浦口区人民医院"), (2025, "evaluation_ratings", "南京市浦口人民医院")])
    table = institutions.institution_rows(names)
    rows = institutions.name_rows(names, table)
    warned = institutions.new_match_warnings(rows, table, set(), {2024: "a.pdf", 2025: "b.pdf"})
    assert [(w.file, w.section, w.kind) for w in warned] == [("a.pdf", "internet_hospitals", "institution_match")]
    assert institutions.new_match_warnings(rows, table, {("南京市浦口人民医院", PUKOU, "normalised")}, {}) == []


def _partition(tree: Path, dataset: str, year: int, frame: pd.DataFrame) -> None:
    folder = tree / dataset / f"year={year}"
    folder.mkdir(parents=True)
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), folder / institutions.PART)


def test_a_partition_written_before_ids_gets_them_from_its_names(tmp_path: Path) -> None:
    old = pd.DataFrame({"institution": ["南京市浦口人民医院", "南京市", "南京市六台区人民医院"],
                        "institution_type": ["institution", "city", "institution"],
                        "source_quirk": [None, None, "suspected_typo"]})
    _partition(tmp_path, "evaluation_ratings", 2024, old)
    partitions = institutions.read_partitions(tmp_path, [2024])
    [ids] = institutions.folder_ids(partitions)
    assert ids == [PUKOU, None, institution_id(canonical_key("南京市六合区人民医院"))]
    institutions.rewrite_ids(partitions[0], ids)
    assert "institution_id" not in pq.read_table(partitions[0].path).column_names  # its columns kept


def test_ids_follow_former_names_across_editions(tmp_path: Path) -> None:
    """2023 prints the former name alone, 2024 the new name with the former in brackets, 2025 the
    new name alone: one id, the former name's, in every partition, rewritten where it differs."""
    printed = {2023: "南京市红十字医院", 2024: "南京市中西医结合医院（南京市红十字医院）", 2025: "南京市中西医结合医院"}
    for year, name in printed.items():
        _partition(tmp_path, "internet_hospitals", year, pd.DataFrame(
            {"institution": [name, "南京市第一医院"], "institution_id": [institution_id(resolve(name).key)] * 2}))
    institutions.write(tmp_path, [2023, 2024, 2025], {})
    red_cross = institution_id(canonical_key("南京市红十字医院"))
    for year in printed:
        part = pq.read_table(tmp_path / "internet_hospitals" / f"year={year}" / institutions.PART)
        assert part.column("institution_id").to_pylist()[0] == red_cross
    table = pd.read_parquet(tmp_path / "institutions" / institutions.PART).set_index("institution_id")
    assert table.loc[red_cross, "name"] == "南京市中西医结合医院" and len(table) == 2
    names = pd.read_parquet(tmp_path / "institution_names", partitioning=ds.partitioning(flavor="hive"))
    assert dict(zip(names["name_as_printed"], names["match"]))["南京市红十字医院"] == "normalised"
