"""The registry: every section the bulletin may hold, in the order extractors run.

Table sections run first because their institution and district names feed the gazetteer that
the prose sections use to split run-together names."""

from __future__ import annotations

from ..layout.vocabulary import PART_TITLE
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
from .base import Section

SECTIONS: tuple[Section, ...] = tuple(
    module.SECTION
    for module in (
        physical_exam_reports,
        family_doctor_referrals,
        health_certificates,
        appointments_12320,
        online_booking_channels,
        internet_hospitals,
        platform_collection_districts,
        platform_collection_hospitals,
        events,
        development_index,
        remote_medicine,
        hotline_12320,
        evaluation_ratings,
    )
)

IGNORED_HEADINGS = (
    PART_TITLE.pattern,  # the part's heading over the statistics sections, however worded
    r"^\S{2,20}(中心|编辑部)$",  # the colophon on the back page names the issuer
)

TITLE_PATTERNS: tuple[str, ...] = tuple(s.title.pattern for s in SECTIONS) + IGNORED_HEADINGS
"""What a heading may say (over its squashed text, numbering dropped): the layout layer finds a
heading by its words as much as by its type."""
