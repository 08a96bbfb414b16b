"""One-dimensional geometry, once: spans on one axis (a glyph's x0–x1, a line's top–bottom), how
they overlap, the gaps between them, and groups of them — by overlap, cut at gaps, or clustered
around a running centre. Every stage of the layout layer measures with these, so that "touching",
"overlapping" and "apart" mean the same thing everywhere.

Items are anything with a span: the functions take `span`, a function from an item to its
(start, end), the way pdfplumber's clustering helpers take a key."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")
Span = tuple[float, float]


def overlap(a: Span, b: Span) -> float:
    """How far two spans overlap (0 when they only touch or lie apart)."""
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def covers(outer: Span, inner: Span, slack: float = 0.0) -> bool:
    """`inner` lies within `outer`, give or take `slack` at either end."""
    return outer[0] - slack <= inner[0] and inner[1] <= outer[1] + slack


def gap(a: Span, b: Span) -> float:
    """The space from the end of `a` to the start of `b` (negative when they overlap)."""
    return b[0] - a[1]


def distance(x: float, span: Span) -> float:
    """How far `x` lies outside `span` (0 within it)."""
    return max(0.0, span[0] - x, x - span[1])


def median(values: Iterable[float], default: float = 0.0) -> float:
    """The middle value (the upper one of an even count), or `default` when there is none."""
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else default


def lower_median(values: Iterable[float], default: float = 0.0) -> float:
    """The middle value (the lower one of an even count), or `default` when there is none."""
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2] if ordered else default


def merged(spans: Iterable[Span], slack: float = 0.0) -> list[Span]:
    """The union of spans: overlapping ones, and ones less than `slack` apart, joined."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start - out[-1][1] <= slack:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def free(spans: Iterable[Span], at_least: float = 0.0) -> list[Span]:
    """The gaps between the union of spans at least `at_least` wide, in order."""
    union = merged(spans)
    return [(a[1], b[0]) for a, b in zip(union, union[1:]) if b[0] - a[1] >= at_least]


def overlapping_groups(items: Iterable[T], span: Callable[[T], Span], slack: float = 0.0) -> list[list[T]]:
    """Items in order of start, grouped while each starts within the reach of the group so far
    (its furthest end, plus `slack`): stacked pieces of one cell, overlapping rules."""
    groups: list[list[T]] = []
    reach = 0.0
    for item in sorted(items, key=lambda i: span(i)[0]):
        start, end = span(item)
        if groups and start <= reach + slack:
            groups[-1].append(item)
            reach = max(reach, end)
        else:
            groups.append([item])
            reach = end
    return groups


def cut_at_gaps(items: Sequence[T], span: Callable[[T], Span], wider_than: float) -> list[list[T]]:
    """Items already in order, cut wherever one starts more than `wider_than` after the previous
    one ends: a line's glyphs into runs, a column's lines into blocks."""
    groups: list[list[T]] = []
    for item in items:
        if groups and gap(span(groups[-1][-1]), span(item)) <= wider_than:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def clustered_by_centre(items: Iterable[T], span: Callable[[T], Span], tolerance: float,
                        floor: float = 1.0) -> list[list[T]]:
    """Items in order of centre, each joining the previous cluster when its centre lies within
    `tolerance` × its own extent (at least `floor`) of that cluster's mean centre: glyphs into
    lines by their vertical middles."""
    def centre(item: T) -> float:
        start, end = span(item)
        return (start + end) / 2

    clusters: list[list[T]] = []
    total = 0.0  # the sum of the last cluster's centres
    for item in sorted(items, key=centre):
        start, end = span(item)
        if clusters and abs(centre(item) - total / len(clusters[-1])) <= tolerance * max(end - start, floor):
            clusters[-1].append(item)
            total += centre(item)
        else:
            clusters.append([item])
            total = centre(item)
    return clusters


def meets(a: Span, b: Span) -> bool:
    """Two spans overlap or touch (share at least an end)."""
    return a[0] <= b[1] and b[0] <= a[1]


def contains(span: Span, x: float, slack: float = 0.0) -> bool:
    """The point `x` lies within `span` (ends included), give or take `slack` at either end."""
    return span[0] - slack <= x <= span[1] + slack


def midpoint(span: Span) -> float:
    """The middle of a span: where a centred text stands, a band's height for its rows."""
    return (span[0] + span[1]) / 2


def hull(spans: Iterable[Span]) -> Span:
    """The smallest span holding every one of `spans` (there must be at least one)."""
    ordered = list(spans)
    return min(s[0] for s in ordered), max(s[1] for s in ordered)


def overlaps(a: Span, b: Span, touch: float = 0.0) -> bool:
    """The spans share more than `touch` at their facing ends (boxes sharing just `touch` at their
    edges only touch). Unlike `overlap(a, b) > touch`, a span narrower than `touch` may overlap."""
    return a[0] < b[1] - touch and b[0] < a[1] - touch
