"""The four places a section is defined agree — the registry (sections/__init__.py), its column map
(schemas/column_maps), its dataset schema (schemas/datasets) and the README's dataset list — and the
schema files say what the loader expects, with every description a whole sentence."""

from __future__ import annotations

import re

import pytest

from bulletin_etl import docs
from bulletin_etl.column_maps import column_map
from bulletin_etl.schemas import (
    SchemaFileError,
    UnknownColumns,
    all_schemas,
    data_dir,
    parse_dataset,
    parse_fields,
    schema,
)
from bulletin_etl.sections import SECTIONS
from bulletin_etl.sections.base import TableSection

from .conftest import ROOT

# Datasets no single section fills: the masthead's, and the two every table section feeds.
NOT_FROM_ONE_SECTION = {"bulletins": "masthead", "consistency": None, "totals": None}


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
