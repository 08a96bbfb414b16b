"""The body rows of an unruled table: between rules when the body is ruled, else one row per line
holding a figure, the wrapped lines of its names joined to it (set top-aligned or centred)."""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from ...text import looks_numeric
from .columns import make_cell, span_of
from .model import Cell
from .segments import Segment, is_total_row, middle
from .settings import SETTINGS


def _blank_under(anchor: list[Segment], line: list[Segment]) -> bool:
    """The anchor line has no text where the wrapped line has (a name centred around it). Boxes
    that only touch ('…院区' ending where a wrapped ')' begins) do not overlap."""
    return not any(a.x0 < s.x1 - SETTINGS.touch and s.x0 < a.x1 - SETTINGS.touch for a in anchor for s in line)


def _centred(rows: list[list[Segment]], anchors: list[int]) -> bool:
    """Cells set vertically centred: some row's own line is blank where the wrapped lines
    next to it have text (its name sits above and below it), or a line without figures stands
    clearly closer to the row below it than to the line above (a name of three lines centred on
    its row: the middle line shares the row's line, the first stands above). Top-aligned tables
    never are: there a wrapped line runs on closely under its own row."""
    return any(
        not is_total_row(rows[a]) and j not in anchors and _blank_under(rows[a], rows[j])
        for a in anchors for j in (a - 1, a + 1) if 0 <= j < len(rows)
    ) or any(
        i - 1 >= 0 and i not in anchors and i + 1 in anchors and not is_total_row(rows[i + 1])
        and middle(rows[i + 1]) - middle(rows[i]) < middle(rows[i]) - middle(rows[i - 1])
        - SETTINGS.clear_share * (rows[i][0].bottom - rows[i][0].top)
        for i in range(len(rows))
    )


def _owner(rows: list[list[Segment]], anchors: list[int], i: int, centred: bool) -> int:
    """The row a line without figures belongs to. Top-aligned, a wrapped name runs on below
    its row's line; centred, it also stands above, and the row's own line is blank there.
    A line above the first row that cannot be its centred name is the rest of a row cut by
    the page break: a row of its own here, joined to what it continues when pages are stitched."""
    above = max((a for a in anchors if a < i), default=None)
    below = min((a for a in anchors if a > i), default=None)
    down_ok = below is not None and not is_total_row(rows[below]) and _blank_under(rows[below], rows[i])
    if above is None:
        # Centred, the first line of a name centred on the first row stands half a line above it;
        # the rest of a row cut by the page break stands a whole row above the next one (and
        # blank under it: the cut row's rest may lie in a column the next row leaves empty).
        pitches = [middle(rows[b]) - middle(rows[a]) for a, b in zip(anchors, anchors[1:])]
        pitch = statistics.median(pitches) if pitches else None
        height = rows[i][0].bottom - rows[i][0].top
        close = below is not None and middle(rows[below]) - middle(rows[i]) < max(
            SETTINGS.first_name_pitch * pitch if pitch is not None else 0.0, SETTINGS.first_name_lines * height)
        if centred and down_ok and close:
            return below
        # Nearer than a line's height to the first row's figures, it cannot be a line of its
        # own above them: it is the first line of a name centred on that row (its only row here).
        figures = [s for s in rows[below] if looks_numeric(s.text)] if below is not None else []
        if figures and not is_total_row(rows[below]) and (
                middle(figures) - middle(rows[i]) < rows[i][0].bottom - rows[i][0].top):
            return below
        return below if centred and pitch is not None and close and not is_total_row(rows[below]) else 0  # else: the cut row
    if not centred or below is None:
        return above
    # Lines of one cell stand a line apart, cells a line and their padding: a line clearly
    # nearer the line above or below it goes with that one's row (the last line of a name of
    # three lines centred on its row, above a row whose own line is blank there).
    up = middle(rows[i]) - middle(rows[i - 1])
    down = middle(rows[i + 1]) - middle(rows[i])
    clear = SETTINGS.clear_share * (rows[i][0].bottom - rows[i][0].top)
    if up < down - clear:
        return above
    if down < up - clear:
        return below
    # Even spacing: the row whose own line is blank where this one has text is its row.
    up_ok = _blank_under(rows[above], rows[i])
    return below if down_ok and not up_ok else above


def body_bands(rows: list[list[Segment]], rule_ys: list[float]) -> Iterator[tuple[float, float, list[list[Segment]]]]:
    """Body rows: between rules when the body is ruled. Otherwise each line holding a number
    (or a total) anchors a row, and a line without numbers — a wrapped name, set top-aligned
    below its row or centred around it — joins the nearest anchor (the one above on a tie)."""
    if len(rule_ys) > 2:
        for a, b in zip(rule_ys, rule_ys[1:]):
            band = [row for row in rows if a <= middle(row) <= b]
            if band:
                yield a, b, band
        return
    anchors = [i for i, row in enumerate(rows) if is_total_row(row) or any(looks_numeric(s.text) for s in row)]
    if not anchors:
        if rows:  # only the rest of a row the page break cut, under the repeated header
            yield min(s.top for s in rows[0]), max(s.bottom for s in rows[-1]), rows
        return
    centred = _centred(rows, anchors)
    bands: dict[int, list[list[Segment]]] = {}
    for i, row in enumerate(rows):
        bands.setdefault(i if i in anchors else _owner(rows, anchors, i, centred), []).append(row)
    for i in sorted(bands):
        band = sorted(bands[i], key=middle)
        yield min(s.top for s in band[0]), max(s.bottom for s in band[-1]), band


def band_cells(rows: list[list[Segment]], columns, gutters) -> dict[tuple[int, ...], Cell]:
    parts: dict[tuple[int, ...], list[Segment]] = {}
    for row in rows:
        for s in row:
            parts.setdefault(span_of(s, columns), []).append(s)
    return {span: make_cell(span, ss, columns) for span, ss in parts.items()}
