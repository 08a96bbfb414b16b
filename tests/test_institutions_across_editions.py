"""The datasets across editions (institutions.py) on hand-built names: which printed name is an
institution's, and how each printed name matched its id."""

from __future__ import annotations

import pandas as pd

from bulletin_etl import institutions
from bulletin_etl.identity import canonical_key, institution_id, resolve

PUKOU = institution_id(canonical_key("南京市浦口区人民医院"))
LISHUI_TCM = institution_id(resolve("南京市溧水区中医医院").key)


def _names(rows: list[tuple[int, str, str]]) -> pd.DataFrame:
    return pd.DataFrame([{"year": y, "dataset": d, "institution": n, "institution_id": institution_id(resolve(n).key)}
                         for y, d, n in rows], columns=institutions.NAME_COLUMNS)


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
    assert institutions.match_of("南京市浦口区人民医院", PUKOU, "南京市浦口区人民医院") == "exact"
    assert institutions.match_of("南京市浦口人民医院", PUKOU, "南京市浦口区人民医院") == "normalised"
    assert institutions.match_of("南京市溧水区中医医院", LISHUI_TCM, "南京市溧水区中医院") == "alias"
    six = institution_id(canonical_key("南京市六合区人民医院"))
    assert institutions.match_of("南京市六台区人民医院", six, "南京市六合区人民医院") == "suspected_typo"


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


def test_a_partition_written_before_ids_gets_them_from_its_names() -> None:
    old = pd.DataFrame({"institution": ["南京市浦口人民医院", "南京市", "南京市六台区人民医院"],
                        "institution_type": ["institution", "city", "institution"],
                        "source_quirk": [None, None, "suspected_typo"]})
    ids = institutions.with_ids(old)["institution_id"].tolist()
    assert ids[0] == PUKOU and pd.isna(ids[1])
    assert ids[2] == institution_id(canonical_key("南京市六合区人民医院"))
