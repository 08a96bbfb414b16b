"""Institution identity (identity.py): each rule that makes two printed names one institution, and
the counter-cases that must stay apart, on names as the bulletins print them."""

from __future__ import annotations

import pytest

from bulletin_etl import identity
from bulletin_etl.identity import (
    ALIAS,
    EXACT,
    SUSPECTED_TYPO,
    canonical_key,
    district_of,
    institution_id,
    resolve,
    typo_correction,
    vocabulary,
)
from bulletin_etl.names import Gazetteer
from bulletin_etl.schemas import load_yaml


def same(a: str, b: str) -> bool:
    return institution_id(resolve(a).key) == institution_id(resolve(b).key)


def test_rule_nfkc_reads_full_and_half_width_brackets_and_spaces_alike() -> None:
    assert identity.nfkc("南京市江宁医院（湖山路院区）") == "南京市江宁医院(湖山路院区)"
    assert identity.nfkc("南京市 第一医院") == "南京市第一医院"
    assert same("南京市江宁医院（湖山路院区）", "南京市江宁医院(湖山路院区)")


def test_rule_former_name_keeps_the_new_name_as_key_and_the_bracketed_as_alias() -> None:
    resolution = resolve("南京市江北医院（南京市江北人民医院）")
    assert resolution.key == canonical_key("南京市江北医院")
    assert resolution.former_name == "南京市江北人民医院"
    assert same("南京市江北医院（南京市江北人民医院）", "南京市江北医院")


def test_rule_former_name_needs_a_whole_name_in_the_bracket() -> None:
    vocab = vocabulary()
    assert identity.former_name("中国医学科学院皮肤病研究所(医院)", vocab) is None  # a remark, not a name
    assert identity.former_name("南京医科大学第四附属医院(京新)", vocab) is None
    assert not same("南京医科大学第四附属医院(京新)", "南京医科大学第四附属医院")


def test_rule_campus_in_brackets_or_not_is_one_campus() -> None:
    assert same("南京市第一医院（河西院区）", "南京市第一医院河西院区")
    assert identity.former_name("南京市第一医院(河西院区)", vocabulary()) is None


def test_rule_military_prefix_is_dropped() -> None:
    assert canonical_key("中国人民解放军东部战区总医院") == canonical_key("东部战区总医院")
    assert same("中国人民解放军东部战区空军医院", "东部战区空军医院")


def test_rule_city_prefix_added_or_dropped() -> None:
    assert same("南京市江宁医院", "南京江宁医院")
    assert same("南京江北医院", "江北医院")
    assert same("南京鼓楼医院", "南京市鼓楼医院")


def test_rule_city_prefix_keeps_a_name_of_its_own() -> None:
    assert canonical_key("南京市中医院") == "中医院"
    assert identity.drop_city_prefix("南京市医院", vocabulary()) == "南京市医院"


def test_rule_district_qu_inserted_for_a_districts_own_hospital() -> None:
    assert same("南京市浦口人民医院", "南京市浦口区人民医院")
    assert same("南京市高淳人民医院", "高淳区人民医院")
    assert same("南京市六合中医院", "南京市六合区中医院")


def test_rule_district_qu_only_before_a_districts_kind_of_institution() -> None:
    assert canonical_key("南京鼓楼医院") == "鼓楼医院"  # a university hospital, not 鼓楼区's
    assert not same("南京鼓楼医院", "南京市鼓楼区医院")
    assert not same("南京市雨花医院", "南京市雨花台区人民医院")


def test_alias_list_resolves_a_curated_name_with_its_reason() -> None:
    entries = load_yaml("institution_aliases.yaml")["aliases"]
    assert entries and all(e["reason"].strip() and e["printed"] != e["canonical"] for e in entries)
    resolution = resolve("南京鼓楼医院（含分院）")
    assert resolution.match == ALIAS
    assert resolution.key == canonical_key("南京鼓楼医院")


def test_every_alias_points_at_a_name_the_rules_resolve_to_itself() -> None:
    for entry in load_yaml("institution_aliases.yaml")["aliases"]:
        assert identity.nfkc(entry["canonical"]) not in vocabulary().aliases, entry


def test_a_campus_is_its_own_institution() -> None:
    assert not same("南京鼓楼医院江北院区", "南京鼓楼医院")
    assert not same("南京市第一医院浦口分院", "南京市第一医院")
    assert not same("南京市妇幼保健院(丁家庄院区)", "南京市妇幼保健院")
    assert not same("东部战区总医院秦淮医疗区", "东部战区总医院")


def test_the_citys_hospital_is_not_the_provinces() -> None:
    assert not same("南京市中医院", "江苏省中医院")
    assert not same("南京市中西医结合医院", "江苏省中西医结合医院")


def test_numbered_hospitals_stay_apart() -> None:
    assert not same("南京市第一医院", "南京市第二医院")


def test_names_one_character_apart_stay_apart_unless_flagged_a_typo() -> None:
    assert not same("南京市六合区人民医院", "南京市六台区人民医院")
    assert resolve("南京市六台区人民医院").match == EXACT
    corrected = typo_correction("南京市六台区人民医院", Gazetteer.curated())
    assert corrected == "南京市六合区人民医院"
    flagged = resolve("南京市六台区人民医院", typo_of=corrected)
    assert flagged.match == SUSPECTED_TYPO
    assert flagged.key == canonical_key("南京市六合区人民医院")


def test_typo_correction_of_a_whole_known_name() -> None:
    assert typo_correction("南京鼓搂医院", Gazetteer.curated()) == "南京鼓楼医院"
    assert typo_correction("完全陌生的名字", Gazetteer.curated()) is None


@pytest.mark.parametrize("key", ["鼓楼医院", "浦口区人民医院", "第一医院河西院区"])
def test_ids_are_a_function_of_the_key_alone(key: str) -> None:
    assert institution_id(key) == institution_id(str(key))
    assert institution_id(key).startswith("i") and len(institution_id(key)) == 1 + identity.ID_HEX_DIGITS
    assert institution_id(key).isascii()


def test_district_where_the_name_states_it() -> None:
    assert district_of(canonical_key("南京市浦口人民医院")) == "浦口区"
    assert district_of(canonical_key("南京市江宁医院")) is None


def _chained(*names: str) -> dict[str, str | None]:
    """Each printed name → its id over the links all of them print (one output folder's editions)."""
    return dict(zip(names, identity.chained_ids([resolve(name) for name in names])))


def test_chain_rule_former_name_links_the_new_name_to_the_former() -> None:
    assert identity.former_link(resolve("南京市中心医院（南京市市级机关医院）")) == (
        canonical_key("南京市中心医院"), canonical_key("南京市市级机关医院"))
    assert identity.former_link(resolve("南京市中心医院")) is None and identity.former_link(None) is None


def test_chain_rule_every_name_takes_the_id_of_the_former_most() -> None:
    """Old alone (2023), new（old） (2024), new alone (2025), newest（new） (2026): one id, old's."""
    ids = _chained("南京市红十字医院", "南京市中西医结合医院（南京市红十字医院）", "南京市中西医结合医院",
                   "南京市第三医院(南京市中西医结合医院)")
    assert set(ids.values()) == {institution_id(canonical_key("南京市红十字医院"))}


def test_chain_rule_is_order_independent_and_a_later_edition_changes_no_id() -> None:
    editions = ["南京市红十字医院", "南京市中西医结合医院（南京市红十字医院）", "南京市中西医结合医院"]
    assert _chained(*editions) == _chained(*reversed(editions))
    earlier = _chained(*editions[:2])
    assert {name: _chained(*editions)[name] for name in earlier} == earlier


def test_chain_rule_the_one_id_that_changes_an_edition_linking_two_chains_added_later() -> None:
    """The new name printed alone has its own id until an edition linking it to the former name
    is added (README: Institution ids)."""
    alone = _chained("南京市中西医结合医院")["南京市中西医结合医院"]
    linked = _chained("南京市中西医结合医院", "南京市中西医结合医院(南京市红十字医院)")["南京市中西医结合医院"]
    assert alone == institution_id(canonical_key("南京市中西医结合医院")) != linked


def test_chain_roots_of_a_merger_and_of_a_name_renamed_back() -> None:
    roots = identity.chain_roots([("c", "b"), ("b", "a"), ("m", "x"), ("m", "y"), ("p", "q"), ("q", "p")])
    assert roots == {"c": "a", "b": "a", "m": "m", "p": "p", "q": "p"}


def test_chain_counter_case_a_campus_in_brackets_is_no_former_name() -> None:
    vocab = vocabulary()
    assert identity.is_campus("河西院区", vocab) and not identity.is_former_name("河西院区", vocab)
    ids = _chained("南京市第一医院（河西院区）", "南京市第一医院", "南京市第一医院河西院区")
    assert ids["南京市第一医院（河西院区）"] == ids["南京市第一医院河西院区"] != ids["南京市第一医院"]


def test_chain_counter_case_a_note_in_brackets_is_no_former_name() -> None:
    vocab = vocabulary()
    assert identity.is_bracket_note("含南京市第二医院", vocab)
    assert not identity.is_former_name("含南京市第二医院", vocab) and not identity.is_former_name("含分院", vocab)
    assert identity.former_name("南京市第一医院(含南京市第二医院)", vocab) is None
    ids = _chained("南京市第一医院（含南京市第二医院）", "南京市第二医院", "南京鼓楼医院（含分院）", "南京鼓楼医院")
    assert ids["南京市第一医院（含南京市第二医院）"] != ids["南京市第二医院"]
    assert ids["南京鼓楼医院（含分院）"] == ids["南京鼓楼医院"]  # by the alias list, not a chain
