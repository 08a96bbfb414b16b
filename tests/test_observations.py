"""The long table `observations` (observations.py, figures.py): every figure of every dataset of the
2024 bulletin exactly once, as the gold CSVs hold it; what a figure is, declared in the schema
files and refused when declared wrong; and the README's pivot run over the 2024 bulletin and a
synthetic 2025 edition in one folder, with exact values, in either order of extraction."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest

from bulletin_etl import observations
from bulletin_etl.column_maps import column_map
from bulletin_etl.figures import ENTITY_KINDS, PERIODS
from bulletin_etl.output import write_all
from bulletin_etl.schemas import SchemaFileError, all_schemas, data_dir, parse_dataset, parse_fields, schema
from bulletin_etl.sections import SECTIONS
from bulletin_etl.sections.base import TableSection

from . import test_institution_ids
from .conftest import GOLD_2024, ROOT

HIVE = ds.partitioning(flavor="hive")
CITY = "南京市"


def _fold(text: object) -> str:
    """Printed text as score.py compares it: NFKC, whitespace dropped."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


def _observations(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "observations", partitioning=HIVE)


def _gold(name: str) -> list[dict]:
    with (GOLD_2024 / f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _gold_datasets() -> list[str]:
    return sorted(p.stem for p in GOLD_2024.glob("*.csv") if schema(p.stem).entity is not None)


def _gold_figures() -> Counter:
    """(dataset, entity_kind, entity, value) of every figure of the gold CSVs: each figure column's
    non-empty cells, then every row of totals.csv, as a figure of the table printing it."""
    expected: Counter = Counter()
    for name in _gold_datasets():
        spec = schema(name)
        assert spec.entity is not None
        for row in _gold(name):
            entity = row[spec.entity.column] if spec.entity.column else CITY
            expected.update((name, spec.entity.kind, _fold(entity), float(row[c.name]))
                            for c in spec.columns if c.figure is not None and row[c.name] != "")
    for row in _gold("totals"):
        kind, entity = ("total", "合计") if row["source"] == "total_row" else ("city", CITY)
        expected[(row["dataset"], kind, entity, float(row["value"]))] += 1
    return expected


def test_every_figure_of_the_gold_is_one_observation(output_2024: Path) -> None:
    frame = _observations(output_2024)
    observed = Counter((r.dataset, r.entity_kind, _fold(r.entity), r.value) for r in frame.itertuples(index=False))
    assert observed == _gold_figures()
    assert len(frame) == sum(_gold_figures().values()) == 1084
    assert set(frame["year"]) == {2024}


def test_each_figure_has_the_metric_period_and_unit_its_column_declares(output_2024: Path) -> None:
    frame = _observations(output_2024)
    observed = {(r.dataset, _fold(r.entity), r.metric, r.period, r.unit, r.value) for r in frame.itertuples(index=False)}
    for name in _gold_datasets():
        spec = schema(name)
        assert spec.entity is not None
        for row in _gold(name):
            entity = _fold(row[spec.entity.column]) if spec.entity.column else CITY
            for c in spec.columns:
                if c.figure is not None and row[c.name] != "":
                    metric, period, unit = c.figure.read(row)
                    assert (name, entity, metric, period, unit, float(row[c.name])) in observed, (name, entity, c.name)


REMOTE, INDEX = "南京市远程医学会诊系统", "全国卫生健康信息化发展指数(2024)"
SAMPLE = [  # (dataset, entity_kind, entity_id, entity, metric, period, unit, value, page), read off the 2024 PDF
    ("internet_hospitals", "institution", "i925807b17535", "南京鼓楼医院", "appointments", "annual", "次", 243512.0, 8),
    ("internet_hospitals", "institution", "i925807b17535", "南京鼓楼医院", "prescriptions", "cumulative", "张", 82564.0, 8),
    ("internet_hospitals", "total", "total", "合计", "appointments", "cumulative", "次", 921462.0, 9),
    ("internet_hospitals", "city", "city", CITY, "licensed_internet_hospitals", "point", "家", 48.0, 9),
    ("family_doctor_referrals", "district", "玄武区", "玄武区", "outpatient", "cumulative", "次", 32.0, 5),
    ("family_doctor_referrals", "total", "total", "合计", "all_types", "annual", "次", 1543.0, 5),
    ("health_certificates", "city", "city", CITY, "employers", "cumulative", "家", 88892.0, 5),
    ("hotline_12320", "city", "city", CITY, "manual_service", "annual", "通", 98476.0, 5),
    ("appointments_12320", "city", "city", CITY, "appointments_all_time", "cumulative", "次", 37277112.0, 7),
    ("online_booking_channels", "channel", "南京卫生12320微信", "南京卫生 12320 微信", "bookings", "annual", "次", 72860.0, 7),
    ("platform_collection_hospitals", "city", "city", CITY, "electronic_health_records", "point", "份", 8730000.0, 10),
    ("remote_medicine", "system", REMOTE, REMOTE, "institutions_connected", "cumulative", "家", 58.0, 4),
    ("remote_medicine", "system", REMOTE, REMOTE, "institutions_connected", "annual", "家", 3.0, 4),
    ("development_index", "index", INDEX, INDEX, "rank", "point", "名", 5.0, 3),
]


@pytest.mark.parametrize("row", SAMPLE, ids=[f"{r[0]}-{r[4]}-{r[5]}" for r in SAMPLE])
def test_sample_rows_exactly(output_2024: Path, row: tuple) -> None:
    frame = _observations(output_2024)
    columns = ["dataset", "entity_kind", "entity_id", "entity", "metric", "period", "unit", "value", "source_page"]
    found = frame[(frame["dataset"] == row[0]) & (frame["entity"] == row[3]) & (frame["metric"] == row[4])
                  & (frame["period"] == row[5])]
    assert [tuple(r) for r in found[columns].itertuples(index=False)] == [row]


def test_each_figure_has_its_rows_page_and_id(output_2024: Path) -> None:
    frame = _observations(output_2024)
    for name in _gold_datasets():
        spec = schema(name)
        assert spec.entity is not None
        rows = pd.read_parquet(output_2024 / name, partitioning=HIVE)
        own = frame[(frame["dataset"] == name) & (frame["entity_kind"] == spec.entity.kind)]
        if spec.entity.column is None:
            assert set(own["source_page"]) == set(rows["source_page"]), name
            continue
        pages = dict(zip(rows[spec.entity.column], rows["source_page"]))
        assert all(pages[r.entity] == r.source_page for r in own.itertuples(index=False)), name
        if spec.entity.id is not None:
            ids = dict(zip(rows[spec.entity.column], rows[spec.entity.id]))
            assert all(ids[r.entity] == r.entity_id for r in own.itertuples(index=False)), name


def test_an_empty_cell_is_no_observation(output_2024: Path) -> None:
    """'/' printed for a district's revenue: 12 districts × 8 figures, less the empty cells."""
    empty = sum(1 for row in _gold("platform_collection_districts") for v in row.values() if v == "")
    frame = _observations(output_2024)
    assert empty == 2
    assert (frame["dataset"] == "platform_collection_districts").sum() == 12 * 8 - empty


# ---- the declarations


def test_every_note_figure_a_column_map_names_has_a_period() -> None:
    for section in SECTIONS:
        if isinstance(section, TableSection):
            assert set(column_map(section.name).notes) <= set(schema(section.dataset).note_periods), section.name


def test_every_column_a_total_row_may_print_is_a_declared_figure() -> None:
    for name, spec in all_schemas().items():
        declared = spec.checks.column_total
        if declared is not None:
            assert set(declared.columns) <= set(observations.totalled(spec)), name
    referrals = observations.totalled(schema("family_doctor_referrals"))
    figure, named = referrals["outpatient_annual"]
    assert figure.read(named) == ("outpatient", "annual", "次")


def test_figures_are_numbers_and_only_datasets_with_an_entity_have_them() -> None:
    for name, spec in all_schemas().items():
        figures = [c for c in spec.columns if c.figure is not None]
        assert all(c.type in ("int", "float") for c in figures), name
        assert bool(figures) == (spec.entity is not None), name


def test_the_observations_schema_allows_the_kinds_and_periods_figures_py_knows() -> None:
    spec = schema("observations")
    assert set(spec.column("entity_kind").allowed or ()) == {*ENTITY_KINDS, observations.TOTAL}
    assert spec.column("period").allowed == PERIODS


NOT_FIGURES = {"year", "seq", "number", "list_position", "source_page"}
"""Numbers that are no figures of the bulletin's: the year, row numbers and positions, the page."""


def test_every_number_a_section_reads_is_a_figure_or_a_position() -> None:
    for name, spec in all_schemas().items():
        if spec.role == "data":
            numbers = {c.name for c in spec.columns if c.type in ("int", "float")}
            assert numbers - NOT_FIGURES == {c.name for c in spec.columns if c.figure is not None}, name


BOOKINGS = """\
name: online_booking_channels
description: Online appointment bookings per channel.
section: online_booking_channels
key: [year, channel]
entity: {kind: channel, column: channel}
columns:
  year: ~
  channel: {type: string, nullable: false, description: The booking channel as printed.}
  bookings: {type: int, description: Bookings through the channel., figure: {period: annual, unit: 次}}
"""


@pytest.mark.parametrize("old,new,message", [
    ("period: annual", "period: weekly", r"period: \('weekly',\) is not among annual, cumulative, point"),
    ("period: annual", "period: {column: channnel}", r"period: \{'column': 'channnel'\} is not \{column:"),
    ("period: annual, unit: 次", "period: annual", r"column bookings: figure: give period and unit"),
    ("entity: {kind: channel, column: channel}\n", "", r"columns declare figures but the dataset declares no entity"),
    ("kind: channel", "kind: hospital", r"entity: give kind"),
    ("column: channel}", "column: name}", r"entity: \['name'\] names a column"),
])
def test_loader_refuses_a_figure_declared_wrong(old: str, new: str, message: str) -> None:
    fields = parse_fields((data_dir() / "fields.yaml").read_text(encoding="utf-8"))
    assert parse_dataset(BOOKINGS, fields, "x.yaml").column("bookings").figure is not None
    assert old in BOOKINGS
    with pytest.raises(SchemaFileError, match=rf"^x\.yaml: {message}"):
        parse_dataset(BOOKINGS.replace(old, new), fields, "x.yaml")


# ---- two editions in one folder: the README's pivot

# The 2024 bulletin and a synthetic 2025 edition (seed 5052, exact with reportlab), extracted once
# per module: test_institution_ids' fixture.
editions = test_institution_ids.editions
_run = test_institution_ids._run


def _readme_pivot() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"^```python\n(.*?)^```", readme, flags=re.M | re.S) if "output/observations" in b]
    return block


def test_the_readme_pivot_gives_a_time_series_per_hospital(editions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture) -> None:
    first, second, drawn = editions
    write_all(tmp_path / "output", [first], _run)
    write_all(tmp_path / "output", [second], _run)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(_readme_pivot(), "README.md observations block", "exec"), namespace)
    series = namespace["series"]
    assert list(series.columns) == [2024, 2025]
    assert series.loc["南京市儿童医院"].tolist() == [118906.0, 1896.0]
    assert series.loc["南京市第一医院"].tolist() == [2185.0, 1547.0]
    # a hospital renamed between the editions is one row: printed 南京市中西医结合医院（南京市红十字医院） in 2024
    assert series.loc["南京市中西医结合医院"].tolist() == [16016.0, 0.0]
    printed_2025 = {r["institution"]: r["appointments_annual"] for r in drawn["internet_hospitals"]}
    assert printed_2025["南京市儿童医院"] == 1896 and printed_2025["南京市第一医院"] == 1547
    assert capsys.readouterr().out.splitlines() == ["year         2024    2025", "name                     ",
                                                    "南京市儿童医院  118906.0  1896.0", "南京市第一医院    2185.0  1547.0"]


def test_either_order_and_a_second_write_give_the_same_observations(editions, tmp_path: Path) -> None:
    first, second, _ = editions
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    write_all(forward, [first], _run)
    write_all(forward, [second], _run)
    write_all(backward, [second], _run)
    write_all(backward, [first], _run)
    key = ["year", "dataset", "entity_kind", "entity", "metric", "period"]
    frames = [_observations(out).sort_values(key).reset_index(drop=True) for out in (forward, backward)]
    assert frames[0].equals(frames[1])
    assert sorted(Counter(frames[0]["year"]).items()) == [(2024, 1084), (2025, len(_observations(forward)) - 1084)]
    write_all(forward, [first], _run)  # 2024 extracted again: its rows rewritten, none added
    assert _observations(forward).sort_values(key).reset_index(drop=True).equals(frames[0])


def test_a_partition_written_before_ids_gets_its_ids_from_institution_names(editions, tmp_path: Path) -> None:
    """2024 written by a version without institution_id, then 2025 added: the same observations."""
    import pyarrow.parquet as pq

    first, second, _ = editions
    want, out = tmp_path / "now", tmp_path / "before"
    for folder in (want, out):
        write_all(folder, [first], _run)
    for dataset in ("appointments_12320", "internet_hospitals", "physical_exam_reports", "platform_collection_hospitals"):
        part = out / dataset / "year=2024" / "part-0.parquet"
        pq.write_table(pq.read_table(part).drop(["institution_id"]), part)
    for folder in (want, out):
        write_all(folder, [second], _run)
    key = ["year", "dataset", "entity_kind", "entity", "metric", "period"]
    got = _observations(out).sort_values(key).reset_index(drop=True)
    assert got.equals(_observations(want).sort_values(key).reset_index(drop=True))
    assert got["entity_id"].str.match(r"^i[0-9a-f]{12}$").sum() == (got["entity_kind"] == "institution").sum() > 0
