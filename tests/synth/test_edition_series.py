"""Consecutive editions from one content model (editions.py): the truth says what each edition
prints and is self-consistent, every rename kind and counter-case is drawn, a pair reads back
exactly; bulletins drawn without an edition draw as they did."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest

from .compare import compare
from .content import Bulletin
from .draws import drawn_through, pinned_draws
from .editions import (
    ALIASES,
    CERTIFICATES,
    COUNTER_KINDS,
    INSTITUTION_TABLES,
    MILITARY_PREFIX,
    OTHER_INSTITUTIONS,
    RENAME_KINDS,
    ROWS_CHECKED,
    EditionSeries,
    checked_metric,
    edition_pair,
    edition_series,
    expected_mismatches,
    expected_year_over_year,
    fold,
    id_problems,
)
from .model import make_bulletin, truth
from .render_reportlab import available_fonts, render
from .sections import DATASET_KEYS
from .sweep import compare_mismatches

SEEDS = range(8)


def _digest(b: Bulletin) -> str:
    """What a bulletin prints and its truth, as plain data (no layout field a later family may add,
    no set in hash order), digested."""
    sections = []
    for s in [b.events, *b.sections]:
        table = None if s.table is None else ([c.header for c in s.table.columns],
                                              [(r.kind, r.cells, r.merge) for r in s.table.rows])
        sections.append((s.name, s.title, s.preamble, s.paragraphs, s.notes, table, s.rows))
    head = (b.seed, b.year, b.issuer, b.issue_date, b.masthead, b.colophon, b.expected_warnings, b.missing_sections,
            sorted(b.expected_mismatches, key=repr), sorted(b.draws), b.part_title, b.part_role)
    return hashlib.sha256(repr((head, sections, truth(b))).encode()).hexdigest()[:16]


@pytest.mark.parametrize(("seed", "quirks", "draws", "digest"), [
    (0, False, drawn_through("ragged_columns"), "fe9569f94731e451"),
    (7, True, drawn_through("ragged_columns"), "dd2a914f9fd0e82b"),
    (101, False, drawn_through("ragged_columns"), "ba2025a68f7dfa2e"),
    (790048, False, pinned_draws(790048), "afe7974f06d462ac"),
    (910123, False, pinned_draws(910123), "fd17c2a170b2d17c"),
])
def test_bulletins_without_an_edition_draw_as_before(seed: int, quirks: bool, draws: frozenset[str],
                                                    digest: str) -> None:
    """The edition hooks change no bulletin of its own (digests taken at 23f3fb2, before them; the
    same at i18-ids 2251d3d, institution_id being no truth's column)."""
    assert _digest(make_bulletin(seed, quirks=quirks, draws=draws)) == digest


@pytest.fixture(scope="module")
def pairs() -> dict[int, EditionSeries]:
    return {seed: edition_pair(seed) for seed in SEEDS}


@pytest.mark.parametrize("seed", SEEDS)
def test_editions_are_consecutive_years_of_one_seed(pairs: dict[int, EditionSeries], seed: int) -> None:
    pair = pairs[seed]
    older, newer = pair.bulletins
    assert newer.year == older.year + 1 and 2019 <= older.year and newer.year <= 2030
    assert older.issue_date.year == older.year + 1 and newer.issue_date.year == newer.year + 1
    assert older.seed == newer.seed == seed and "long_names" not in older.draws


@pytest.mark.parametrize("seed", SEEDS)
def test_every_cumulative_follows_but_the_planted_break(pairs: dict[int, EditionSeries], seed: int) -> None:
    pair = pairs[seed]
    rows = pair.year_over_year(1)
    broken = [r for r in rows if not r.follows]
    planted = pair.planted
    assert planted is not None and len(broken) == 1
    row = broken[0]
    assert (row.dataset, row.entity, row.metric) == (planted.dataset, planted.entity, planted.metric)
    assert row.previous + row.annual == planted.expected != planted.printed == row.cumulative
    assert planted.year == pair.years[1] and row.cumulative >= row.annual
    assert len(rows) > 10 and {r.dataset for r in rows} >= {planted.dataset}


def test_year_over_year_rows_cover_every_dataset_printing_both() -> None:
    """Seed 0 prints every section: institutions, districts, certificates and the 12320 all-time total."""
    rows = edition_pair(0).year_over_year(1)
    assert {r.dataset for r in rows} == {"internet_hospitals", "physical_exam_reports", "family_doctor_referrals",
                                         CERTIFICATES, "appointments_12320"}


def test_a_series_of_three_follows_at_both_transitions() -> None:
    series = edition_series(3, 3)
    assert series.years == [series.years[0] + k for k in range(3)]
    broken = [(k, r) for k in (1, 2) for r in series.year_over_year(k) if not r.follows]
    assert len(broken) == 1 and series.planted is not None and broken[0][0] == series.planted.edition


def _renamed_as_its_kind(kind: str, old: str, new: str) -> bool:
    """The two names differ as the rename kind says."""
    short, long = sorted((old, new), key=len)
    if kind == "city_prefix":
        return short.startswith("南京") and long == short.replace("南京", "南京市", 1)
    if kind == "district_qu":
        return len(long) == len(short) + 1 and long.replace("区", "", 1) == short
    if kind == "military_prefix":
        return long == MILITARY_PREFIX + short
    if kind == "former_name":
        folded = unicodedata.normalize("NFKC", long)
        return folded.endswith(")") and (f"({short})" in folded or folded.startswith(f"{short}("))
    if kind == "bracket_width":
        return old != new and unicodedata.normalize("NFKC", old) == unicodedata.normalize("NFKC", new)
    return any({old, new} == {a, b} for a, b, _ in ALIASES)


def test_every_rename_kind_is_drawn_and_renames_as_its_kind(pairs: dict[int, EditionSeries]) -> None:
    drawn: set[str] = set()
    for pair in pairs.values():
        renames = pair.renames(1)
        assert renames
        for r in renames:
            assert _renamed_as_its_kind(r.kind, r.old, r.new), r
        assert len({r.entity for r in renames}) == len(renames)
        drawn |= {r.kind for r in renames}
    assert drawn == set(RENAME_KINDS)


@pytest.mark.parametrize("seed", SEEDS)
def test_counter_cases_are_printed_side_by_side(pairs: dict[int, EditionSeries], seed: int) -> None:
    """Each counter-case pair (one character apart, a hospital and its campus, the city's and the
    province's) is printed in one table of each edition, as two institutions."""
    pair = pairs[seed]
    counters = [e for e in pair.model.entities if e.role == "counter"]
    assert sorted({e.kind for e in counters}) == sorted(COUNTER_KINDS) and len(counters) == 6
    for k in (0, 1):
        names = pair.names(k)
        for kind in COUNTER_KINDS:
            one, other = [e for e in counters if e.kind == kind]
            assert one.names[k] != other.names[k]
            assert any(names[d].get(one.names[k]) == one.key and names[d].get(other.names[k]) == other.key
                       for d in INSTITUTION_TABLES), (kind, one.names[k], other.names[k])


@pytest.mark.parametrize("seed", SEEDS)
def test_no_two_institutions_share_a_name(pairs: dict[int, EditionSeries], seed: int) -> None:
    """In each edition a printed name is one institution's, across the tables; no two institutions
    of a series fold alike (the renames' normalisation never makes two one)."""
    pair = pairs[seed]
    for k in (0, 1):
        owners: dict[str, set[str]] = {}
        for names in pair.names(k, everywhere=True).values():
            for name, key in names.items():
                owners.setdefault(unicodedata.normalize("NFKC", name), set()).add(key)
        assert all(len(keys) == 1 for keys in owners.values())
    folds = [(fold(name), e.key) for e in pair.model.entities for name in set(e.names)]
    assert len({f for f, _ in folds}) == len({(f, key) for f, key in folds})


@pytest.mark.parametrize("seed", SEEDS)
def test_entries_and_exits_are_printed_in_one_edition_only(pairs: dict[int, EditionSeries], seed: int) -> None:
    pair = pairs[seed]
    entries, exits = pair.entries(1), pair.exits(1)
    assert any(m.dataset in INSTITUTION_TABLES for m in entries)
    assert any(m.dataset in INSTITUTION_TABLES for m in exits)
    for m in entries:
        assert pair.names(1).get(m.dataset, {m.name: m.entity}).get(m.name) == m.entity
        assert m.entity not in pair.names(0).get(m.dataset, {}).values()
    for m in exits:
        assert m.entity not in pair.names(1).get(m.dataset, {}).values()
    renamed = {r.entity for r in pair.renames(1)}
    assert not renamed & {m.entity for m in [*entries, *exits]}


def test_the_alias_renames_are_the_curated_lists_entries() -> None:
    """The alias renames are drawn from the project's curated list (the contract): each entry two
    different spellings, with its reason, that the extractor's identity resolves to one key."""
    from bulletin_etl.identity import resolve
    from bulletin_etl.schemas import load_yaml

    listed = load_yaml("institution_aliases.yaml")["aliases"]
    assert ALIASES == [(a["printed"], a["canonical"], a["reason"]) for a in listed] and len(ALIASES) >= 8
    assert all(a != b and reason and resolve(a).key == resolve(b).key for a, b, reason in ALIASES)


@pytest.mark.parametrize(("seed", "style"), [(3, "grid"), (4, "three_line")])
def test_a_pair_reads_back_exactly(tmp_path: Path, seed: int, style: str) -> None:
    """Both editions rendered by reportlab, extracted into one output folder, each read exactly
    (its datasets, warnings and consistency checks) by the current extractor."""
    from bulletin_etl.cli import main

    pair = edition_pair(seed)
    fonts = available_fonts()
    pdfs = []
    for b in pair.bulletins:
        pdfs.append(tmp_path / f"edition-{b.year}.pdf")
        render(b, pdfs[-1], style=style, font=fonts[seed % len(fonts)], seed=seed)
    out = tmp_path / "out"
    assert main(["extract", *map(str, pdfs), "--out", str(out), "-q"]) == 0
    for b in pair.bulletins:
        assert compare(truth(b), out, expected_warnings=b.expected_warnings) == []
    for k, b in enumerate(pair.bulletins):  # the planted break reported on its edition (year_over_year)
        assert compare_mismatches(expected_mismatches(pair, k), out, b.year) == []


@pytest.mark.parametrize("seed", SEEDS)
def test_editions_truth_keys_and_totals(pairs: dict[int, EditionSeries], seed: int) -> None:
    """Each edition's truth is a bulletin's: one row per key in every dataset, every printed 合计 of
    a table the model fills its column's sum. (That it fits the schemas is test_synth's check of
    every truth, the same code.)"""
    for t in pairs[seed].truths:
        for dataset, rows in t.items():
            keys = [tuple(r[k] for k in DATASET_KEYS[dataset]) for r in rows]
            assert len(keys) == len(set(keys)), dataset
        for total in t["totals"]:
            if total["source"] == "total_row" and total["dataset"] in INSTITUTION_TABLES:
                column = [r[total["metric"]] for r in t[total["dataset"]]]
                assert total["value"] == sum(column), total


def test_id_problems_name_unresolved_renames_and_wrong_merges(pairs: dict[int, EditionSeries]) -> None:
    """The check the extractor's ids will be held to: ids equal to the truth's keys pass; a rename
    given a new id is not resolved; a counter-case pair given one id is wrongly merged."""
    pair = pairs[1]
    ids = {(year, dataset, name): key for k, year in enumerate(pair.years)
           for dataset, names in pair.names(k).items() for name, key in names.items()}
    assert id_problems(pair, ids, everywhere=False) == []
    assert id_problems(pair, ids)[0].endswith("no institution_id")  # the evaluation lists' rows too
    rename = pair.renames(1)[0]
    split = {at: (f"new-{key}" if at[0] == pair.years[1] and at[2] == rename.new else key) for at, key in ids.items()}
    assert [p.split(":")[0] for p in id_problems(pair, split, everywhere=False)] == ["not resolved"]
    one, other = [e for e in pair.model.entities if e.kind == "one_character"]
    merged = {at: (one.key if key == other.key else key) for at, key in ids.items()}
    assert id_problems(pair, merged, everywhere=False) == [
        f"wrongly merged under id {one.key}: {one.names[-1]} / {other.names[-1]}"]
    missing = dict(ids)
    missing.pop(next(iter(ids)))
    assert len(id_problems(pair, missing, everywhere=False)) == 1


def test_expected_mismatches_add_the_planted_break_on_its_edition(pairs: dict[int, EditionSeries]) -> None:
    pair = pairs[0]
    planted = pair.planted
    assert planted is not None and planted.edition == 1
    assert expected_mismatches(pair, 0) == pair.bulletins[0].expected_mismatches
    assert expected_mismatches(pair, 1) == pair.bulletins[1].expected_mismatches | {
        ("year_over_year", planted.dataset, None, checked_metric(planted.dataset, planted.metric))}


@pytest.mark.parametrize("seed", SEEDS)
def test_expected_year_over_year_rows_have_one_mismatch_the_planted_break(pairs: dict[int, EditionSeries],
                                                                           seed: int) -> None:
    """The truth the extractor's year_over_year rows are held to: every figure printed in both
    editions ok but exactly the planted break, each entry and exit of a matched table listed."""
    pair = pairs[seed]
    rows = expected_year_over_year(pair, 1)
    planted = pair.planted
    assert planted is not None
    mismatches = [key for key, status in rows.items() if status == "mismatch"]
    assert [(d, m) for d, _, m in mismatches] == [(planted.dataset, checked_metric(planted.dataset, planted.metric))]
    listed = sorted((d, s) for (d, s, _), status in rows.items() if status in ("entering", "leaving"))
    assert listed == sorted((m.dataset, m.name) for m in pair.entries(1) + pair.exits(1) if m.dataset in ROWS_CHECKED)


def test_other_datasets_names_are_the_models_where_they_fold_alike(pairs: dict[int, EditionSeries]) -> None:
    """The evaluation lists and the platform table, drawn as a single bulletin draws them, print
    some of the model's institutions (under any of their names, or one folding alike): those rows
    are the model's institutions; the others are outside the truth."""
    mapped = 0
    for pair in pairs.values():
        for k in (0, 1):
            for dataset in OTHER_INSTITUTIONS:
                for name, key in pair.names(k, everywhere=True)[dataset].items():
                    assert fold(name) in {fold(n) for n in pair.model.entity(key).names}
                    mapped += 1
    assert mapped > 100
