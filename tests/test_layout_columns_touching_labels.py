"""Header labels that only touch (layout/tables/columns.py), on small PDFs drawn here
(tests/pdfkit.py): a label overflowing its tight cell by its closing mark's blank part reaches a
tenth of a point into the next column's label, set half a line higher ('备注' centred down a header
of two lines beside '住院收入（千元）', Typst 790111). Sharing no more than `touch_pt` of their
extents, the two are no label wrapped onto two lines (`clustered` with `touch`): '备注' heads a
column of its own over a blank body, and its warning ('unmapped column header') is not lost.
Counter-case: a label wrapped onto a second line, stacked under it, stays one cell."""

from __future__ import annotations

from pathlib import Path

from bulletin_etl.layout.tables import columns as cols

from .test_layout_columns import DEFAULTS, drawn


def test_labels_sharing_a_tenth_of_a_point_are_two_cells(tmp_path: Path) -> None:
    """'住院收入（千元）' (eight glyphs from 100 pt, to 180) and '备注' from 179.9 pt, 9 pt higher:
    two cells; '备注', over no body run and beside a headed one, is a column of its own."""
    rows = drawn(tmp_path, (179.9, 111.0, "备注"), (100.0, 120.0, "住院收入（千元）"))
    parts = [s for row in rows for s in row]
    assert sorted((s.text, round(s.x0, 1), round(s.x1, 1)) for s in parts) == [
        ("住院收入（千元）", 100.0, 180.0), ("备注", 179.9, 199.9)]
    cells = cols.clustered(parts, DEFAULTS.touch_pt)
    assert [[s.text for s in cell] for cell in cells] == [["住院收入（千元）"], ["备注"]]
    assert cols._place_header_cells([(105.0, 170.0)], cells, DEFAULTS) == [(105.0, 170.0), (179.9, 199.9)]
    assert len(cols.clustered(parts)) == 1  # touching boxes counted whole: one cell, and no column


def test_a_label_wrapped_under_its_first_line_stays_one_cell(tmp_path: Path) -> None:
    """The counter-case: '2026年报告数' over a centred '量' (its middle under the line above) is
    one cell, `touch_pt` or not."""
    rows = drawn(tmp_path, (100.0, 100.0, "2026年报告数"), (126.0, 112.0, "量"))
    parts = [s for row in rows for s in row]
    assert [len(cell) for cell in cols.clustered(parts, DEFAULTS.touch_pt)] == [2]
