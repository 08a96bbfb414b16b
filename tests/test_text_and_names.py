"""Chinese numerals, unit expansion, note figures, the name splitter and header maps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bulletin_etl.column_maps import column_map, match_columns
from bulletin_etl.layout.notes import figures, label_of
from bulletin_etl.names import RUN_TOGETHER, SUSPECTED_TYPO, Gazetteer, misspells_district
from bulletin_etl.text import chinese_numeral, expand_units, fold_glyphs, is_cjk, join_wrapped, parse_number


@pytest.mark.parametrize("text, value", [
    ("一", 1), ("五", 5), ("九", 9), ("十", 10), ("十一", 11), ("十九", 19), ("二十", 20), ("二十三", 23), ("7", 7),
])
def test_chinese_numeral(text: str, value: int) -> None:
    assert chinese_numeral(text) == value


def test_chinese_numeral_refuses_other_text() -> None:
    with pytest.raises(ValueError):
        chinese_numeral("第五")


@pytest.mark.parametrize("number, multiplier, value", [
    ("372", "万", Decimal("3720000")), ("190.49", "亿", Decimal("19049000000")),
    ("3.91", "亿", Decimal("391000000")), ("13", "万", Decimal("130000")), ("48", None, Decimal("48")),
])
def test_expand_units(number: str, multiplier: str | None, value: Decimal) -> None:
    assert expand_units(number, multiplier) == value


def test_parse_number() -> None:
    assert parse_number("1,234") == Decimal("1234")
    assert parse_number("1629775.52") == Decimal("1629775.52")
    assert parse_number("11/11") is None
    assert parse_number("/") is None


def test_join_wrapped() -> None:
    assert join_wrapped(["收入（千", "元）"]) == "收入（千元）"
    assert join_wrapped(["12320 在", "线预约"]) == "12320 在线预约"
    assert join_wrapped(["Health", "App"]) == "Health App"


def test_figures_with_units_and_labels() -> None:
    text = "注：累计采集有效数据190.49亿条，主索引2854万条，智能提示、健康档案调阅累计使用1301万次，开展会诊 1000 余例。"
    found = figures(text)
    assert [(f.value, f.unit, f.printed, f.approximate) for f in found] == [
        (Decimal("19049000000"), "条", "190.49亿条", False),
        (Decimal("28540000"), "条", "2854万条", False),
        (Decimal("13010000"), "次", "1301万次", False),
        (Decimal("1000"), "例", "1000 余例", True),
    ]


def test_dates_are_not_figures() -> None:
    assert figures("南京市体检综合管理平台 2024 年 10 月上线") == []


def test_label_before_then_after() -> None:
    labels = column_map("internet_hospitals").notes
    found = figures("南京市批准并准入 48 家医疗机构互联网医院牌照，正常提供互联网服务 32 家，其中 26 家已接入市互联网医院服务门户。")
    assert [label_of(f, labels)[0] for f in found] == [
        "licensed_internet_hospitals", "internet_hospitals_in_service", "internet_hospitals_on_city_portal"]


@pytest.fixture()
def gazetteer() -> Gazetteer:
    g = Gazetteer.curated()
    g.add(["南京市六合区人民医院", "南京市第一医院（河西院区）"], "institution")
    return g


def test_known_names_run_together(gazetteer: Gazetteer) -> None:
    split = gazetteer.split("南京市口腔医院南京医科大学第二附属医院")
    assert [(n.text, n.kind, n.quirk) for n in split.names] == [
        ("南京市口腔医院", "institution", RUN_TOGETHER), ("南京医科大学第二附属医院", "institution", RUN_TOGETHER)]
    assert split.problem is None


def test_three_names_run_together(gazetteer: Gazetteer) -> None:
    split = gazetteer.split("江苏省中医院南京鼓楼医院南京市儿童医院")
    assert [n.text for n in split.names] == ["江苏省中医院", "南京鼓楼医院", "南京市儿童医院"]


def test_conjunction_is_a_separator(gazetteer: Gazetteer) -> None:
    split = gazetteer.split("南京市和江宁区")
    assert [(n.text, n.kind, n.quirk) for n in split.names] == [("南京市", "city", None), ("江宁区", "district", None)]


def test_unknown_residue_is_kept_whole_and_reported(gazetteer: Gazetteer) -> None:
    split = gazetteer.split("南京市第一医院某某新医院")  # no prefix after 医院: no name begins there
    assert [(n.text, n.quirk) for n in split.names] == [("南京市第一医院某某新医院", None)]
    assert "kept whole" in split.problem and not split.by_shape


def test_typo_one_character_from_a_known_name_is_flagged_not_fixed(gazetteer: Gazetteer) -> None:
    split = gazetteer.split("南京市六台区人民医院")
    assert [(n.text, n.quirk) for n in split.names] == [("南京市六台区人民医院", SUSPECTED_TYPO)]
    assert "南京市六合区人民医院" in split.problem


def test_typo_of_a_district_inside_an_unknown_name() -> None:
    split = Gazetteer.curated().split("南京市溧水县区妇幼保健所")
    assert split.names[0].quirk is None  # '溧水县区' is not one substitution from a 3-char district name
    split = Gazetteer.curated().split("南京市栖震区中心医院")
    assert split.names[0].quirk == SUSPECTED_TYPO and "栖霞区" in split.problem


@pytest.mark.parametrize("printed", ["南京市第一医院(河西院区)", "南京市第一医院（河西院区）"])
def test_full_and_half_width_brackets_match(gazetteer: Gazetteer, printed: str) -> None:
    split = gazetteer.split(printed)
    assert [(n.text, n.quirk) for n in split.names] == [(printed, None)]
    assert split.problem is None


def test_brackets_kept_as_printed_when_split(gazetteer: Gazetteer) -> None:
    split = gazetteer.split("南京市第一医院(河西院区)南京市中医院")
    assert [n.text for n in split.names] == ["南京市第一医院(河西院区)", "南京市中医院"]


def test_header_map_is_year_agnostic_and_reports_unknown_headers() -> None:
    paths = [("序号",), ("单位",), ("预约挂号", "2031 年总量"), ("预约挂号", "累计总量"), ("新指标", "2031年总量")]
    match = match_columns(paths, column_map("internet_hospitals"))
    assert {i: r.columns for i, r in match.by_index.items()} == {
        0: ("seq",), 1: ("institution",), 2: ("appointments_annual",), 3: ("appointments_cumulative",)}
    assert match.unmapped == ["新指标 / 2031年总量"]
    assert "visits_annual" in match.missing
    assert match.header_years == {2031}


def test_fraction_column_maps_to_two_columns() -> None:
    match = match_columns([("接入单位",), ("实时数据表单上传情况",)], column_map("platform_collection_districts"))
    assert match.by_index[1].columns == ("realtime_forms_uploaded", "realtime_forms_total")


def test_a_header_cell_broken_into_two_levels_still_maps() -> None:
    match = match_columns([("序号",), ("单位",), ("2030 年", "报告数量")], column_map("physical_exam_reports"))
    assert match.by_index[2].columns == ("reports_annual",)
    assert match.unmapped == []


@pytest.mark.parametrize("printed", ["南京鼓搂医院南京市儿童医院", "南京市儿童医院南京鼓搂医院"])
def test_run_together_names_split_when_one_is_misprinted(gazetteer: Gazetteer, printed: str) -> None:
    split = gazetteer.split(printed)
    by_name = {n.text: n.quirk for n in split.names}
    assert by_name == {"南京鼓搂医院": SUSPECTED_TYPO, "南京市儿童医院": RUN_TOGETHER}
    assert [n.text for n in split.names] == ([printed[:6], printed[6:]] if printed.startswith("南京鼓") else
                                             [printed[:7], printed[7:]])
    assert "南京鼓搂医院" in split.problem and "南京鼓楼医院" in split.problem


def test_two_misprints_run_together_are_cut_by_shape_and_both_flagged(gazetteer: Gazetteer) -> None:
    split = gazetteer.split("南京鼓搂医院南京市儿董医院")
    assert [(n.text, n.quirk) for n in split.names] == [("南京鼓搂医院", SUSPECTED_TYPO), ("南京市儿董医院", SUSPECTED_TYPO)]
    assert split.by_shape and "'南京鼓搂医院' | '南京市儿董医院'" in split.problem
    assert "'南京鼓楼医院'" in split.problem and "'南京市儿童医院'" in split.problem  # neither corrected


@pytest.mark.parametrize("printed, parts", [
    ("南京市建邺区人民医院南京蒲口康复医院", ["南京市建邺区人民医院", "南京蒲口康复医院"]),  # docx 910013: known + new
    ("南京蒲口康复医院南京市建邺区人民医院", ["南京蒲口康复医院", "南京市建邺区人民医院"]),  # new + known
    ("南京河西康复医院江苏华润大药房连锁有限公司秦淮区长江路诊所",
     ["南京河西康复医院", "江苏华润大药房连锁有限公司秦淮区长江路诊所"]),  # two new names
    ("南京蒲口康复医院泰康仙林鼓楼医院", ["南京蒲口康复医院", "泰康仙林鼓楼医院"]),  # a known name begins, no prefix
    ("南京市第一医院(河西院区)南京河西康复医院", ["南京市第一医院(河西院区)", "南京河西康复医院"]),  # a known campus ends
])
def test_new_names_run_together_are_cut_by_their_shape(gazetteer: Gazetteer, printed: str, parts: list[str]) -> None:
    gazetteer.add(["南京市建邺区人民医院"], "institution")  # printed in one of the bulletin's tables
    split = gazetteer.split(printed)
    assert [(n.text, n.kind, n.quirk) for n in split.names] == [(p, "institution", RUN_TOGETHER) for p in parts]
    assert split.by_shape
    assert split.problem == ("split by the shape of institution names, not by known names: "
                             + " | ".join(repr(p) for p in parts))


def test_a_misprint_in_a_name_cut_by_shape_is_flagged_as_printed(gazetteer: Gazetteer) -> None:
    split = gazetteer.split("南京市第一医院南京市建业区仙林医院")
    assert [(n.text, n.quirk) for n in split.names] == [("南京市第一医院", RUN_TOGETHER),
                                                        ("南京市建业区仙林医院", SUSPECTED_TYPO)]
    assert "'南京市建业区仙林医院' is one character away from the known name '建邺区'; kept as printed" in split.problem


@pytest.mark.parametrize("printed", [
    "东部战区总医院秦淮医疗区",  # a known name: 医院 inside it, no prefix after
    "南京鼓楼医院六合区分院",  # a campus's tail: a district and a suffix, nothing between
    "南京市第一医院某某新医院",  # no prefix after the suffix
    "南京河西康复医院",  # one new name
    "南京市建邺区仙林医院",  # one new name: a city and a district begin it, they end no name
])
def test_runs_that_are_not_cut_by_shape(gazetteer: Gazetteer, printed: str) -> None:
    assert [n.text for n in gazetteer.split(printed).names] == [printed]
    assert gazetteer.shape_cover(printed) is None


def test_no_cut_inside_a_known_name(gazetteer: Gazetteer) -> None:
    # a name printed elsewhere whose inside has a name's shape (医院 then 南京…) is never cut there
    gazetteer.add(["江苏省人民医院南京医科大学第一附属医院"], "institution")
    split = gazetteer.split("江苏省人民医院南京医科大学第一附属医院南京河西康复医院")
    assert [n.text for n in split.names] == ["江苏省人民医院南京医科大学第一附属医院", "南京河西康复医院"]


def test_is_name_cut() -> None:
    g = Gazetteer.curated()
    text = "东部战区总医院南京河西康复医院"
    cuts = [p for p in range(1, len(text)) if g.is_name_cut(text, p, g.known_spans(text))]
    assert cuts == [7]  # not after 东部战区 (no suffix), not inside 东部战区总医院
    assert not g.is_name_cut("南京鼓楼医院江北院区", 6, g.known_spans("南京鼓楼医院江北院区"))


@pytest.mark.parametrize("part, shaped", [("南京蒲口康复医院", True), ("泰康仙林鼓楼医院", True), ("六合区分院", False),
                                          ("南京医院", False), ("南京市建邺区", False), ("中科院皮研所", True),
                                          ("南京市", False), ("建邺区", False)])
def test_has_name_shape(part: str, shaped: bool) -> None:
    assert Gazetteer.curated().has_name_shape(part) is shaped


def test_without_suffixes_nothing_is_cut_by_shape() -> None:
    g = Gazetteer()
    g.add(["南京市第一医院"], "institution")
    g.add(["南京市"], "city")
    assert g.shape_cover("南京市第一医院南京河西康复医院") is None


@pytest.mark.parametrize("printed, folded", [
    ("⼀、南京市⼈⺠医院⻔⼾⽹站", "一、南京市人民医院门户网站"),  # Chromium/Skia's ToUnicode choices
    ("⺟婴", "母婴"),  # a supplement radical with an NFKC form of its own
    ("南京市第一医院 2,345", "南京市第一医院 2,345"),  # ordinary text untouched
])
def test_radical_code_points_fold_to_the_printed_characters(printed: str, folded: str) -> None:
    assert fold_glyphs(printed) == folded


def test_glyph_folds_agree_with_unicode_where_unicode_has_a_mapping() -> None:
    """The table's own entries: a Kangxi radical folds as NFKC says unless listed as an override
    (NFKC gives a traditional form), and every supplement radical folds to a CJK ideograph."""
    import unicodedata

    from bulletin_etl.schemas import load_yaml
    from bulletin_etl.text import KANGXI_RADICALS

    data = load_yaml("glyph_folds.yaml")
    for radical, ideograph in data["kangxi_nfkc_overrides"].items():
        assert ord(radical) in KANGXI_RADICALS
        assert unicodedata.normalize("NFKC", radical) not in (radical, ideograph)
    for radical, ideograph in data["radicals_supplement"].items():
        assert 0x2E80 <= ord(radical) <= 0x2EFF
        assert is_cjk(ideograph) or ord(ideograph) >= 0x20000  # an ideograph of a supplementary plane
        nfkc = unicodedata.normalize("NFKC", radical)
        assert nfkc in (radical, ideograph)
    assert all(is_cjk(fold_glyphs(chr(code))) for code in KANGXI_RADICALS)


def test_is_cjk_takes_a_glyph_of_several_characters() -> None:
    assert is_cjk("") is False
    assert is_cjk("(cid:12)") is False
    assert is_cjk("南京") is True


def test_a_band_over_column_groups_does_not_unmap_the_columns_under_it() -> None:
    """A third header level spanning every activity group ('诊疗活动') is reported once as a band;
    the leaves map by the rest of their paths."""
    paths = [("序号",), ("单位",), ("诊疗活动", "预约挂号", "2031年总量"), ("诊疗活动", "预约挂号", "累计总量"),
             ("诊疗活动", "咨询数据", "2031 年总量")]
    match = match_columns(paths, column_map("internet_hospitals"))
    assert match.bands == ["诊疗活动"]
    assert match.unmapped == []
    assert {i: r.columns for i, r in match.by_index.items()} == {
        0: ("seq",), 1: ("institution",), 2: ("appointments_annual",), 3: ("appointments_cumulative",),
        4: ("consultations_annual",)}


@pytest.mark.parametrize("window, district, misspelt", [
    ("栖震区", "栖霞区", True), ("江兆新区", "江北新区", True), ("栖霞区", "栖霞区", False),
    ("栖霞县", "栖霞区", False), ("江社区", "江宁区", False), ("花园区", "花台区", False),
])
def test_misspells_district(window: str, district: str, misspelt: bool) -> None:
    assert misspells_district(window, district) is misspelt


def test_a_community_centre_is_no_misprinted_district() -> None:
    # '阳江社区': 江社区 is one character from 江宁区, but 社区 is a word (new_names, seed 910454)
    split = Gazetteer.curated().split("雨花台区阳江社区卫生服务中心")
    assert [(n.text, n.quirk) for n in split.names] == [("雨花台区阳江社区卫生服务中心", None)]
    assert "kept whole" in split.problem
