"""The layout layer's one-dimensional helpers (layout/intervals.py), on spans written out by hand."""

from __future__ import annotations

from bulletin_etl.layout import intervals as iv


def ident(span):
    return span


def test_overlap_and_gap_of_two_spans() -> None:
    assert iv.overlap((0, 10), (5, 20)) == 5
    assert iv.overlap((0, 10), (10, 20)) == 0  # touching is no overlap
    assert iv.overlap((0, 10), (12, 20)) == 0
    assert iv.gap((0, 10), (12, 20)) == 2 and iv.gap((0, 10), (5, 20)) == -5


def test_covers_with_slack() -> None:
    assert iv.covers((0, 10), (2, 8)) and not iv.covers((0, 10), (2, 11))
    assert iv.covers((0, 10), (-0.5, 10.5), slack=0.5)


def test_median_takes_the_upper_middle_and_a_default() -> None:
    assert iv.median([3, 1, 2]) == 2 and iv.median([4, 1, 3, 2]) == 3 and iv.median([], 7.5) == 7.5


def test_merged_and_free() -> None:
    spans = [(10, 20), (0, 5), (18, 30), (31, 40)]
    assert iv.merged(spans) == [(0, 5), (10, 30), (31, 40)]
    assert iv.merged(spans, slack=1) == [(0, 5), (10, 40)]
    assert iv.free(spans) == [(5, 10), (30, 31)]
    assert iv.free(spans, at_least=2) == [(5, 10)]


def test_overlapping_groups_reach_over_the_furthest_end() -> None:
    spans = [(0, 10), (2, 4), (9, 12), (13, 14), (14.5, 15)]
    assert iv.overlapping_groups(spans, ident) == [[(0, 10), (2, 4), (9, 12)], [(13, 14)], [(14.5, 15)]]
    assert iv.overlapping_groups(spans, ident, slack=1) == [[(0, 10), (2, 4), (9, 12), (13, 14), (14.5, 15)]]


def test_cut_at_gaps_keeps_the_order_given() -> None:
    glyphs = [(0, 1), (1.2, 2), (5, 6), (6.5, 7)]
    assert iv.cut_at_gaps(glyphs, ident, wider_than=0.5) == [[(0, 1), (1.2, 2)], [(5, 6), (6.5, 7)]]
    assert iv.cut_at_gaps(glyphs, ident, wider_than=0.4) == [[(0, 1), (1.2, 2)], [(5, 6)], [(6.5, 7)]]
    assert iv.cut_at_gaps([], ident, wider_than=1) == []


def test_clustered_by_centre_measures_from_the_clusters_mean() -> None:
    # centres 10, 10.8, 11.6: the third is 1.2 from the mean 10.4 of the first two, beyond 0.45 × 2
    glyphs = [(9, 11), (9.8, 11.8), (10.6, 12.6), (20, 22)]
    assert iv.clustered_by_centre(glyphs, ident, tolerance=0.45) == [[(9, 11), (9.8, 11.8)], [(10.6, 12.6)], [(20, 22)]]
    assert iv.clustered_by_centre(glyphs, ident, tolerance=0.7) == [[(9, 11), (9.8, 11.8), (10.6, 12.6)], [(20, 22)]]


def test_meets_counts_touching_spans() -> None:
    assert iv.meets((0, 10), (10, 20)) and iv.meets((10, 20), (0, 10)) and iv.meets((0, 10), (2, 3))
    assert not iv.meets((0, 10), (10.5, 20)) and not iv.meets((10.5, 20), (0, 10))


def test_contains_takes_its_ends_and_slack() -> None:
    assert iv.contains((0, 10), 0) and iv.contains((0, 10), 10) and not iv.contains((0, 10), 10.5)
    assert iv.contains((0, 10), 10.5, slack=0.5) and iv.contains((0, 10), -0.5, slack=0.5)


def test_midpoint_and_hull() -> None:
    assert iv.midpoint((2, 8)) == 5
    assert iv.hull([(5, 6), (0, 2), (3, 9)]) == (0, 9)
    assert iv.hull(s for s in [(1, 2)]) == (1, 2)  # any iterable, read once


def test_overlaps_beyond_a_touch() -> None:
    assert iv.overlaps((0, 10), (9, 20)) and not iv.overlaps((0, 10), (10, 20))
    assert not iv.overlaps((0, 10), (9.7, 20), touch=0.5) and iv.overlaps((0, 10), (9.4, 20), touch=0.5)
    assert iv.overlaps((5, 5.2), (0, 10), touch=0.5)  # a sliver inside a wide span


def test_the_distance_of_a_point_outside_a_span() -> None:
    assert iv.distance(95.0, (100.0, 120.0)) == 5.0
    assert iv.distance(110.0, (100.0, 120.0)) == 0.0
    assert iv.distance(126.0, (100.0, 120.0)) == 6.0
    assert iv.distance(-1e9, (float("-inf"), 100.0)) == 0.0
