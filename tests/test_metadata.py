"""The four places a section is defined agree — the registry (sections/__init__.py), its column map
(schemas/column_maps), its dataset schema (schemas/datasets) and the README's dataset list — and the
schema files say what the loader expects, with every description a whole sentence and every
declared check naming what its dataset has."""

from __future__ import annotations

import inspect
import itertools
import re

import pytest

from bulletin_etl import docs
from bulletin_etl.column_maps import column_map
from bulletin_etl.schemas import (
    SchemaFileError,
    UnknownColumns,
    all_schemas,
    check_references,
    data_dir,
    parse_dataset,
    parse_fields,
    schema,
)
from bulletin_etl.sections import SECTIONS
from bulletin_etl.sections.base import TableSection

from .conftest import ROOT

# Datasets no single section fills: the masthead's, the two every table section feeds, and the two
# computed across the editions an output folder holds.
NOT_FROM_ONE_SECTION = {"bulletins": "masthead", "consistency": None, "totals": None, "institutions": None,
                        "institution_names": None, "observations": None}


def _column_map_files() -> set[str]:
    return {n.name.removesuffix(".yaml") for n in (data_dir() / "column_maps").iterdir() if n.name.endswith(".yaml")}


def test_every_section_fills_datasets_that_have_a_schema_naming_it() -> None:
    schemas = all_schemas()
    filled = set()
    for section in SECTIONS:
        for dataset in section.datasets:
            assert dataset in schemas, f"section {section.name} fills {dataset}, which has no schema"
            filled.add(dataset)
        own = section.datasets[0]
        assert schemas[own].section == section.name, f"datasets/{own}.yaml names section {schemas[own].section!r}"
    by_one_section = {n for n, s in schemas.items() if n not in NOT_FROM_ONE_SECTION}
    assert by_one_section <= filled, f"schemas no section fills: {sorted(by_one_section - filled)}"
    assert schemas["bulletins"].section == NOT_FROM_ONE_SECTION["bulletins"]


def test_every_column_map_belongs_to_a_section_and_every_table_section_has_one() -> None:
    names = {s.name for s in SECTIONS}
    assert _column_map_files() <= names, f"column maps of no section: {sorted(_column_map_files() - names)}"
    for section in SECTIONS:
        if isinstance(section, TableSection):
            assert section.name in _column_map_files(), f"table section {section.name} has no column map"


@pytest.mark.parametrize("section", [s for s in SECTIONS if isinstance(s, TableSection)], ids=lambda s: s.name)
def test_column_map_targets_are_columns_of_the_dataset(section: TableSection) -> None:
    """Each record a table row gives (after the section's reshape) carries only dataset columns,
    and every key column the table prints is mapped."""
    spec = schema(section.dataset)
    cmap = column_map(section.name)
    targets = {c for rule in cmap.rules for c in rule.columns}
    assert set(cmap.row_labels) <= targets, "row labels for a column the map does not name"
    record = {"source_page": 1, **{c: None for c in targets}}
    for column in cmap.row_labels:
        record[column] = next(iter(cmap.row_labels[column]))
    records = section.reshape([record]) if section.reshape else [record]
    assert records, "the reshape dropped a complete row"
    for row in records:
        stray = set(row) - set(spec.column_names)
        assert not stray, f"{section.name} maps to {sorted(stray)}, not columns of {section.dataset}"
    if section.reshape is None:
        assert set(spec.key) - {"year"} <= targets, "a key column the table prints has no header rule"


def test_readme_lists_every_dataset_and_every_section_dataset() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    datasets = readme.partition(docs.START)[2].partition(docs.END)[0]
    listed = set(re.findall(r"^\| `(\w+)` \|", datasets, flags=re.M))
    assert listed == set(all_schemas())
    assert {d for s in SECTIONS for d in s.datasets} <= listed


SENTENCE_END = re.compile(r"[.。]$")
PAIRS = ("()", "（）", "[]", "“”")


def _descriptions() -> list[tuple[str, str, tuple[str, ...]]]:
    out = [(f"datasets/{name}.yaml", spec.description, ()) for name, spec in all_schemas().items()]
    out += [(f"datasets/{name}.yaml: {c.name}", c.description, c.allowed or ()) for name, spec in all_schemas().items()
            for c in spec.columns]
    return out


@pytest.mark.parametrize("where,description,codes", _descriptions(), ids=[w for w, _, _ in _descriptions()])
def test_every_description_is_a_whole_sentence(where: str, description: str, codes: tuple[str, ...]) -> None:
    assert isinstance(description, str) and description.strip() == description
    # A sentence starts with a capital, a CJK word or a code ('total_row: …', 'annual = …').
    first = re.split(r"[\s:=,]", description)[0]
    assert not description[0].islower() or "_" in first or first in codes, f"{where}: starts mid-sentence: {description!r}"
    assert SENTENCE_END.search(description), f"{where}: does not end a sentence: {description!r}"
    for opening, closing in PAIRS:
        assert description.count(opening) == description.count(closing), f"{where}: unbalanced {opening}{closing}"


MEASURE_WORDS = 6
"""Fewer words than this cannot say what a column measures, and over which period ('The figure.'
was one such description)."""


@pytest.mark.parametrize("where,description,codes", _descriptions(), ids=[w for w, _, _ in _descriptions()])
def test_every_description_says_what_it_holds(where: str, description: str, codes: tuple[str, ...]) -> None:
    assert len(description.split()) >= MEASURE_WORDS, f"{where}: {description!r} does not say what is measured"


EVENTS_WITH_AN_UNQUOTED_COMMA = """\
name: events
description: The bulletin's headline events.
section: events
key: [year, number]
columns:
  year: ~
  number: {type: int, nullable: false, description: Event number.}
  number_zh: {type: string, description: Event number as printed (一, 二, …).}
"""


def test_loader_rejects_an_unknown_key_naming_file_and_key() -> None:
    fields = parse_fields((data_dir() / "fields.yaml").read_text(encoding="utf-8"))
    with pytest.raises(SchemaFileError) as error:
        parse_dataset(EVENTS_WITH_AN_UNQUOTED_COMMA, fields, "datasets/events.yaml")
    assert str(error.value).startswith("datasets/events.yaml: column number_zh: unknown key(s) '二', '…).' ")
    quoted = EVENTS_WITH_AN_UNQUOTED_COMMA.replace("(一, 二, …).}", "(一, 二, …).'}").replace(
        "description: Event number as", "description: 'Event number as")
    spec = parse_dataset(quoted, fields, "datasets/events.yaml")
    assert spec.column("number_zh").description == "Event number as printed (一, 二, …)."


def test_loader_rejects_unknown_top_level_keys_and_fields() -> None:
    fields = parse_fields((data_dir() / "fields.yaml").read_text(encoding="utf-8"))
    with pytest.raises(SchemaFileError, match=r"^x\.yaml: unknown key\(s\) 'colums'"):
        parse_dataset(EVENTS_WITH_AN_UNQUOTED_COMMA.replace("columns:", "colums:"), fields, "x.yaml")
    with pytest.raises(SchemaFileError, match=r"^fields\.yaml: field year: unknown key\(s\) 'nulable'"):
        parse_fields("year: {type: int, nulable: false, description: The year.}")


def test_frame_rejects_a_record_key_that_is_not_a_column() -> None:
    events = schema("events")
    with pytest.raises(UnknownColumns) as error:
        events.frame([{"year": 2024, "number": 1, "number_zh": "一", "tilte": "x", "body": "y", "source_page": 1}])
    assert (error.value.column, error.value.cases) == ("tilte", [(0, "x")])
    assert str(error.value) == "dataset events: column tilte: not a column of the schema (records carry 'tilte'): 'x'"


# --------------------------------------------------------------------------- declared checks


def _declared_checks() -> list[tuple[str, str, object]]:
    return [(name, kind, check) for name, spec in all_schemas().items() for kind, check in spec.checks.declared()]


@pytest.mark.parametrize("dataset,kind,check", _declared_checks(), ids=[f"{d}-{k}" for d, k, _ in _declared_checks()])
def test_every_declared_check_names_columns_its_dataset_has(dataset: str, kind: str, check) -> None:
    """Columns by name; in a dataset holding one figure per row, the figures (total, parts) by the
    values its `name` column allows, or else by the metric ids its column map gives."""
    spec = schema(dataset)
    named = {name for names in check.named().values() for name in names}
    assert named <= set(spec.column_names), f"{dataset}: {kind} names {sorted(named - set(spec.column_names))}"
    if kind in ("row_subtotal", "prose_total") and check.name:
        figures = spec.column(check.name).allowed or tuple(column_map(spec.section).notes)
        assert {check.total, *check.parts} <= set(figures), f"{dataset}: {kind} adds up figures the dataset never holds"
    if kind == "claim" and check.note:
        assert check.note in column_map(spec.section).notes, f"{dataset}: no note figure {check.note}"


def test_every_claim_compares_with_a_dataset_and_column_that_exist() -> None:
    schemas = all_schemas()
    for dataset, kind, check in _declared_checks():
        if kind == "claim" and check.reference() is not None:
            other, column = check.reference()
            assert other in schemas and (column is None or column in schemas[other].column_names), dataset


@pytest.mark.parametrize("section", [s for s in SECTIONS if isinstance(s, TableSection)], ids=lambda s: s.name)
def test_every_total_a_table_prints_is_checked(section: TableSection) -> None:
    """Each column a 合计 row can fill (numbers, not 序号 or an 'a/b' pair) is covered by the
    dataset's column_total: a printed total no check reads would pass unseen."""
    spec = schema(section.dataset)
    declared = spec.checks.column_total
    assert declared is not None, f"{section.dataset} declares no column_total"
    filled = [section.total_metric(rule.columns[0]) for rule in column_map(section.name).rules
              if not rule.is_fraction and spec.type_of(rule.columns[0]) in ("int", "float") and rule.columns[0] != "seq"]
    if declared.value is None:
        covered = set(declared.columns)
    else:
        covered = {"_".join(values) for values in itertools.product(*(spec.column(c).allowed for c in declared.per))}
    assert filled and set(filled) <= covered, f"{section.dataset}: totals of {sorted(set(filled) - covered)} unchecked"


def _dataset_file(name: str) -> str:
    return (data_dir() / "datasets" / f"{name}.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("dataset,old,new,message", [
    ("appointments_12320", "row_subtotal:", "row_subtotl:",
     "checks: unknown check kind(s) 'row_subtotl' (known: column_total, row_subtotal, prose_total, annual_le_cumulative, year_over_year, claim)"),
    ("appointments_12320", "total: subtotal,", "total: subtotal, partz: [third_party],",
     "checks: row_subtotal: unknown key(s) 'partz' (allowed: label, name, parts, period, subject, total, total_row, value)"),
    ("appointments_12320", "parts: [online_12320,", "parts: [onlin_12320,",
     "checks: row_subtotal: parts: 'onlin_12320' is not a column of the dataset"),
    ("physical_exam_reports", "stems: [reports, records]", "stems: [reports, record]",
     "checks: annual_le_cumulative: stems: 'record_annual' is not a column of the dataset"),
    ("family_doctor_referrals", "parts: [outpatient, lab_exam, inpatient_bed]", "parts: [outpatient, lab_exam, bed]",
     "checks: row_subtotal: total/parts: 'bed' is not a value of referral_type (outpatient, lab_exam, inpatient_bed, all_types)"),
    ("health_certificates", "{period: period, columns:", "{period: employers, columns:",
     "checks: annual_le_cumulative: period: column employers must allow exactly annual, cumulative"),
    ("online_booking_channels", "{row: {channel: 快速预约}, column: bookings,", "{row: {channel: 快速预约},",
     "checks: claim 1: give `note`, or `row` with `column`"),
])
def test_loader_refuses_a_check_naming_file_and_key(dataset: str, old: str, new: str, message: str) -> None:
    fields = parse_fields((data_dir() / "fields.yaml").read_text(encoding="utf-8"))
    text = _dataset_file(dataset)
    assert old in text
    with pytest.raises(SchemaFileError) as error:
        parse_dataset(text.replace(old, new), fields, f"datasets/{dataset}.yaml")
    assert str(error.value) == f"datasets/{dataset}.yaml: {message}"


def test_loader_refuses_a_claim_comparing_with_a_column_no_dataset_has() -> None:
    fields = parse_fields((data_dir() / "fields.yaml").read_text(encoding="utf-8"))
    text = _dataset_file("online_booking_channels").replace("[appointments_12320, quick_booking]",
                                                           "[appointments_12320, quick_bookings]")
    wrong = parse_dataset(text, fields, "datasets/online_booking_channels.yaml")
    with pytest.raises(SchemaFileError) as error:
        check_references({**all_schemas(), wrong.name: wrong})
    assert str(error.value) == ("datasets/online_booking_channels.yaml: checks: claim 1: compare: "
                                "appointments_12320.quick_bookings is not a dataset or column")


def test_the_sections_that_read_the_gazetteer_say_so() -> None:
    for section in SECTIONS:
        assert isinstance(section.uses_gazetteer, bool), section.name
        assert section.uses_gazetteer == ("ctx.gazetteer" in inspect.getsource(type(section))), section.name
