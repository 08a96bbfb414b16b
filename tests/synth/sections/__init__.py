"""The sections of a synthetic bulletin, one module each, in the shapes of the 2024 bulletin.

Each statistics section's module has its NAME (the extractor's section name, which is also its
dataset's) and `build(ctx)`, which draws the section from the bulletin's shared Context (context.py)
and returns what it prints (content.Section: title, paragraphs, table, notes) with its truth rows,
per dataset (its own and `totals`). events.py and masthead.py build the rest of the page. What
the datasets' columns, keys and types are, the project's schemas say (datasets.py); the helpers
the sections share are names.py, figures.py, tables.py, totals.py and platform_collection.py.

The order in which sections draw from the one stream is part of every seed's bulletin: tables
first (their institutions feed the evaluation lists, the 12320 table's 快速预约 total the channels
table), then prose, then the events, which restate some of it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..content import Section
from . import (
    appointments_12320,
    development_index,
    evaluation_ratings,
    events,
    family_doctor_referrals,
    health_certificates,
    hotline_12320,
    internet_hospitals,
    online_booking_channels,
    physical_exam_reports,
    platform_collection_districts,
    platform_collection_hospitals,
    remote_medicine,
)
from .context import Context
from .datasets import columns, keys

STATISTICS = (development_index, evaluation_ratings, remote_medicine, physical_exam_reports, family_doctor_referrals,
              health_certificates, hotline_12320, appointments_12320, online_booking_channels, internet_hospitals,
              platform_collection_districts, platform_collection_hospitals)
STAT_SECTIONS = [module.NAME for module in STATISTICS]
"""The statistics sections in the order of the 2024 bulletin."""
BUILDERS: dict[str, Callable[[Context], Section]] = {module.NAME: module.build for module in STATISTICS}

PROSE = (evaluation_ratings.NAME, development_index.NAME, remote_medicine.NAME, hotline_12320.NAME)
"""The statistics sections printed as prose: drawn after the tables."""

DATASETS = ("bulletins", events.NAME, *STAT_SECTIONS, "totals", "printed_figures")
"""The datasets of a bulletin's truth, in the order truth() gives them."""
DATASET_COLUMNS = {name: columns(name) for name in DATASETS}
DATASET_KEYS = {name: keys(name) for name in DATASETS}
"""Row keys within one bulletin (the schemas' keys less the year)."""


def build_sections(ctx: Context, present: list[str]) -> dict[str, Section]:
    """The statistics sections `present` names, drawn tables first (the channels table after the
    12320 table), then prose."""
    order = sorted(present, key=lambda name: (name in PROSE, name == online_booking_channels.NAME))
    return {name: BUILDERS[name](ctx) for name in order}
