"""Layout layer on small PDFs with shaded tables: fills are backgrounds, not rules (graphics.py).

A shaded table has a filled rectangle behind its header band, its zebra rows, its 合计 row or
single cells, as Word's table styles, CSS backgrounds and reportlab print them; their edges must
neither cut a table nor make one. A border drawn as a thin filled rectangle (LibreOffice,
Chromium) is still a rule. Every PDF is drawn with reportlab (tests/pdfkit.py).
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from bulletin_etl.layout import graphics, trace
from bulletin_etl.layout.document import load
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Grid, LogicalTable, stitch

from .pdfkit import PAGE_H, Table, cell, make_pdf, text

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given
AS_RULES = LayoutSettings(rule_max_thickness_pt=10000.0, rule_min_aspect_ratio=0.0001)
"""Every fill read as a rule, as the table finder read them before graphics.py."""

XS = (60.0, 100.0, 260.0, 330.0, 400.0)  # column edges of the drawn tables
TOP = 100.0
ROW_H = 20.0
HEAD = ["序号", "单位", "预约挂号", "累计总量"]
BODY = [
    ["1", "南京市鼓楼医院", "1200", "35000"],
    ["2", "南京市第一医院", "860", "21000"],
    ["3", "江苏省人民医院", "1530", "40210"],
    ["4", "南京同仁医院", "77", "1650"],
]
TOTAL = ["合计", "", "3667", "97860"]


def grids_of(path: Path, settings: LayoutSettings = DEFAULTS) -> list[Grid]:
    return [b for b in load(path, settings).blocks if isinstance(b, Grid)]


def only_table(path: Path, settings: LayoutSettings = DEFAULTS) -> LogicalTable:
    tables = stitch(grids_of(path, settings), settings)
    assert len(tables) == 1, tables
    return tables[0]


def cells_of(table: LogicalTable) -> list[list[str]]:
    return [row.cells for row in table.rows]


def row_box(row: int, first: int = 0, end: int = 4) -> tuple[float, float, float, float]:
    """The box of row `row` (0: the header) over columns [first, end)."""
    return (XS[first], TOP + row * ROW_H, XS[end], TOP + (row + 1) * ROW_H)


def cell_boxes(row: int) -> list[tuple[float, float, float, float]]:
    """Each cell of row `row` on its own, as LibreOffice paints a cell's shading (w:shd)."""
    return [row_box(row, j, j + 1) for j in range(4)]


def fill(c, box: tuple[float, float, float, float], grey: float, stroke: float = 0.0) -> None:
    """A rectangle filled with `grey` (top-based box), its outline stroked `stroke` wide if not 0."""
    x0, top, x1, bottom = box
    c.setFillGray(grey)
    if stroke:
        c.setLineWidth(stroke)
    c.rect(x0, PAGE_H - bottom, x1 - x0, bottom - top, stroke=1 if stroke else 0, fill=1)
    c.setFillGray(0)


def rule(c, y: float, width: float = 0.5, filled: bool = False) -> None:
    """A rule across the table at `y`: a stroked line, or a thin filled rectangle as browsers
    and LibreOffice draw borders."""
    if filled:
        fill(c, (XS[0], y - width / 2, XS[-1], y + width / 2), 0.0)
    else:
        c.setLineWidth(width)
        c.line(XS[0], PAGE_H - y, XS[-1], PAGE_H - y)


def rows_text(c, rows: list[list[str]]) -> None:
    """Each row's cells from the left of its column, vertically centred in its row."""
    for r, row in enumerate(rows):
        for x, value in zip(XS, row):
            if value:
                text(c, x + 3, TOP + r * ROW_H + (ROW_H - 9) / 2, value, 9)


def three_line(rows: list[list[str]], fills=(), filled_rules: bool = False):
    """A 三线表 of `rows` (the first is the header) with `fills` (box, grey) painted under it."""
    def draw(c) -> None:
        for box, grey in fills:
            fill(c, box, grey)
        bottom = TOP + len(rows) * ROW_H
        rule(c, TOP, 1.0, filled_rules)
        rule(c, TOP + ROW_H, 0.5, filled_rules)
        rule(c, bottom, 1.0, filled_rules)
        rows_text(c, rows)
    return draw


# ---------------------------------------------------------------------------------------------
# The predicates

def test_a_fill_only_shape_thicker_than_a_rule_is_a_background() -> None:
    band = {"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": (0.8,),
            "x0": 60.0, "x1": 400.0, "top": 100.0, "bottom": 120.0}
    assert graphics.is_fill_only(band)
    assert not graphics.is_thin(band, DEFAULTS)
    assert graphics.is_background(band, DEFAULTS)


def test_a_thin_filled_rectangle_is_a_rule_unless_white() -> None:
    border = {"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": (0, 0, 0),
              "x0": 60.0, "x1": 400.0, "top": 100.0, "bottom": 100.75}
    assert graphics.is_thin(border, DEFAULTS)
    assert not graphics.is_background(border, DEFAULTS)
    assert graphics.is_background({**border, "non_stroking_color": (1, 1, 1)}, DEFAULTS)


def test_a_stroked_shape_is_never_a_background() -> None:
    box = {"object_type": "rect", "fill": True, "stroke": True, "non_stroking_color": (0.8,),
           "x0": 60.0, "x1": 100.0, "top": 100.0, "bottom": 120.0}
    assert not graphics.is_fill_only(box)
    assert not graphics.is_background(box, DEFAULTS)


def test_a_small_filled_square_is_no_rule() -> None:
    dot = {"object_type": "curve", "fill": True, "stroke": False, "non_stroking_color": (0,),
           "x0": 60.0, "x1": 62.0, "top": 100.0, "bottom": 102.0}
    assert not graphics.is_thin(dot, DEFAULTS)
    assert graphics.is_background(dot, DEFAULTS)


def test_page_colour_in_every_colour_space() -> None:
    assert [graphics.is_page_colour(c) for c in [(1,), (1, 1, 1), (0, 0, 0, 0), (0.9,), (0,), None, "P0"]] == [
        True, True, True, False, False, False, False]
    assert [graphics.is_page_colour(c) for c in [1.0, 1, 0.0, True]] == [True, True, False, False]  # pdfminer's '1 g'


def test_a_white_strip_in_grey_on_the_bare_page_is_a_background(tmp_path: Path) -> None:
    """reportlab's setFillGray(1) writes '1 g', which pdfplumber reports as a bare 1.0: white too."""
    pdf = make_pdf(tmp_path / "strip.pdf", lambda c: fill(c, (60, 600, 400, 600.75), 1.0))
    with pdfplumber.open(pdf) as doc:
        assert [b["non_stroking_color"] for b in graphics.backgrounds(doc.pages[0], DEFAULTS)] == [1.0]


def test_a_page_without_backgrounds_is_read_as_it_is(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "plain.pdf", three_line([HEAD, *BODY]))
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        assert graphics.ruling_page(page, DEFAULTS) is page
        assert graphics.backgrounds(page, DEFAULTS) == []


def test_the_ruling_page_has_the_edges_of_the_unshaded_page(tmp_path: Path) -> None:
    """Every strategy pdfplumber is given (lines, explicit, or a mix with text) reads the ruling
    page: its edges are the rules alone, as if the fills were never painted."""
    zebra = [(box, 0.9) for r in (0, 2, 4) for box in cell_boxes(r)]
    shaded = make_pdf(tmp_path / "shaded.pdf", three_line([HEAD, *BODY], fills=zebra))
    plain = make_pdf(tmp_path / "plain.pdf", three_line([HEAD, *BODY]))

    def edges(pdf: Path) -> list[tuple]:
        with pdfplumber.open(pdf) as doc:
            ruling = graphics.ruling_page(doc.pages[0], DEFAULTS)
            return sorted((e["orientation"], e["x0"], e["top"], e["x1"], e["bottom"]) for e in ruling.edges)

    assert edges(shaded) == edges(plain)
    text_columns = LayoutSettings(vertical_strategy="text")
    assert cells_of(only_table(shaded, text_columns)) == cells_of(only_table(plain, text_columns))


# ---------------------------------------------------------------------------------------------
# Shaded tables read as unshaded ones

def test_header_band_over_a_three_line_table(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "band.pdf", three_line([HEAD, *BODY], fills=[(row_box(0), 0.75)]))
    per_cell = make_pdf(tmp_path / "band-cells.pdf", three_line([HEAD, *BODY], fills=[(b, 0.75) for b in cell_boxes(0)]))
    assert cells_of(only_table(per_cell)) == BODY
    table = only_table(pdf)
    assert table.header_paths == [(h,) for h in HEAD]
    assert cells_of(table) == BODY
    with pdfplumber.open(pdf) as doc:
        assert [(b["top"], b["bottom"]) for b in graphics.backgrounds(doc.pages[0], DEFAULTS)] == [(100.0, 120.0)]


def test_zebra_rows_under_three_line_rules(tmp_path: Path) -> None:
    """Each cell filled on its own (a table style's banded rows): read as rules, their edges rule
    every column of the shaded rows, and the table falls apart."""
    zebra = [(box, 0.9) for r in (1, 3) for box in cell_boxes(r)]
    pdf = make_pdf(tmp_path / "zebra.pdf", three_line([HEAD, *BODY], fills=zebra))
    table = only_table(pdf)
    assert table.header_paths == [(h,) for h in HEAD]
    assert cells_of(table) == BODY
    assert [cells_of(t) for t in stitch(grids_of(pdf, AS_RULES), AS_RULES)] != [BODY]


def test_filled_total_row_and_header_band(tmp_path: Path) -> None:
    """Read as rules, the two fills joined every 序号 of the body into one cell (its lines' digits
    run together as a figure wrapped over line ends does: '1234')."""
    shaded = [(row_box(0), 0.8), (row_box(5), 0.65)]
    pdf = make_pdf(tmp_path / "total.pdf", three_line([HEAD, *BODY, TOTAL], fills=shaded))
    table = only_table(pdf)
    assert table.header_paths == [(h,) for h in HEAD]
    assert cells_of(table) == [*BODY, TOTAL]
    assert cells_of(only_table(pdf, AS_RULES))[0][0] == "1234"


def test_white_backdrop_behind_a_table(tmp_path: Path) -> None:
    backdrop = [((XS[0], TOP, XS[-1], TOP + 5 * ROW_H), 1.0)]
    table = only_table(make_pdf(tmp_path / "backdrop.pdf", three_line([HEAD, *BODY], fills=backdrop)))
    assert cells_of(table) == BODY


def test_grid_with_cell_fills_stroked_and_not(tmp_path: Path) -> None:
    t = Table(left=XS[0], top=TOP, col_widths=[b - a for a, b in zip(XS, XS[1:])], row_heights=[ROW_H] * 5)
    t.cells = [cell(r, c, v) for r, row in enumerate([HEAD, *BODY]) for c, v in enumerate(row)]

    def draw(c) -> None:
        fill(c, row_box(0), 0.8)  # the header band, one fill over every header cell
        fill(c, row_box(1, 2, 3), 0.7)
        fill(c, row_box(2, 1, 2), 0.9, stroke=0.5)  # a fill stroked in its cell's outline
        fill(c, row_box(4, 3, 4), 0.6, stroke=0.5)
        t.draw(c)

    table = only_table(make_pdf(tmp_path / "cells.pdf", draw))
    assert table.header_paths == [(h,) for h in HEAD]
    assert cells_of(table) == BODY


NAVY = (0.12, 0.22, 0.39)  # a table style's dark header (1F3864)
WHITE = (1.0, 1.0, 1.0)


def dark_three_line(rows: list[list[str]], fills, inks: dict[int, tuple[float, float, float]]):
    """A 三线表 of `rows` with `fills` (box, RGB colour) under it, the text of the rows `inks`
    names printed in that colour (light text on a dark fill, dark_fills family), the rest black."""
    def draw(c) -> None:
        for (x0, top, x1, bottom), colour in fills:
            c.setFillColorRGB(*colour)
            c.rect(x0, PAGE_H - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
        c.setFillGray(0)
        bottom = TOP + len(rows) * ROW_H
        rule(c, TOP, 1.0)
        rule(c, TOP + ROW_H, 0.5)
        rule(c, bottom, 1.0)
        for r, row in enumerate(rows):
            c.setFillColorRGB(*inks.get(r, (0.0, 0.0, 0.0)))
            rows_text(c, [[""] * len(row)] * r + [row])
        c.setFillGray(0)
    return draw


def test_dark_header_band_and_total_row_with_light_text(tmp_path: Path) -> None:
    """A navy header band and a near-black 合计 row, their text white and pale yellow: the fills
    are backgrounds, and the table reads as the unshaded one (the text's colour is nothing)."""
    rows = [HEAD, *BODY, TOTAL]
    dark = [(row_box(0), NAVY), (row_box(5), (0.05, 0.05, 0.05))]
    pdf = make_pdf(tmp_path / "dark.pdf", dark_three_line(rows, dark, {0: WHITE, 5: (1.0, 0.95, 0.8)}))
    table = only_table(pdf)
    assert table.header_paths == [(h,) for h in HEAD]
    assert cells_of(table) == [*BODY, TOTAL]
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        assert [(b["top"], b["bottom"]) for b in graphics.backgrounds(page, DEFAULTS)] == [(100.0, 120.0), (200.0, 220.0)]
        assert {c["non_stroking_color"] for c in page.chars if c["text"] in "序号合计"} == {WHITE, (1.0, 0.95, 0.8)}


def test_dark_fills_painted_cell_by_cell(tmp_path: Path) -> None:
    """LibreOffice paints a dark header's shading cell by cell: each is a background, none cuts the
    header into rules of its own."""
    pdf = make_pdf(tmp_path / "dark-cells.pdf",
                   dark_three_line([HEAD, *BODY], [(b, NAVY) for b in cell_boxes(0)], {0: WHITE}))
    table = only_table(pdf)
    assert table.header_paths == [(h,) for h in HEAD]
    assert cells_of(table) == BODY


def test_thin_filled_rules_are_still_rules(tmp_path: Path) -> None:
    """The counter-case: a 三线表 whose rules are thin filled rectangles (no stroke at all)."""
    pdf = make_pdf(tmp_path / "filled-rules.pdf", three_line([HEAD, *BODY], filled_rules=True))
    table = only_table(pdf)
    assert table.header_paths == [(h,) for h in HEAD]
    assert cells_of(table) == BODY
    with pdfplumber.open(pdf) as doc:
        assert graphics.backgrounds(doc.pages[0], DEFAULTS) == []


def test_a_fill_with_no_text_near_it_makes_no_table(tmp_path: Path) -> None:
    def draw(c) -> None:
        fill(c, (60, 400, 400, 520), 0.85)  # a grey panel, nothing on it
        fill(c, (60, 600, 400, 602), 1.0)  # a thin white strip: rules nothing
        text(c, 60, 380, "南京市卫生健康信息中心编印", 10)

    assert grids_of(make_pdf(tmp_path / "panel.pdf", draw)) == []


def test_backgrounds_are_recorded_for_the_rules_picture(tmp_path: Path) -> None:
    """`inspect --stages` draws the backgrounds in the rules picture, from the code path extract runs."""
    pdf = make_pdf(tmp_path / "band.pdf", three_line([HEAD, *BODY], fills=[(row_box(0), 0.75), (row_box(2), 0.9)]))
    with trace.tracing() as found:
        load(pdf)
    assert found.shapes("backgrounds", 1) == [trace.Box(60.0, 100.0, 400.0, 120.0, "background"),
                                              trace.Box(60.0, 140.0, 400.0, 160.0, "background")]


# ---------------------------------------------------------------------------------------------
# White borders between dark cells (a dark table style; Chromium paints a border as a thin fill)

BORDER = 0.75  # Chromium's 1px border
DARK_ROWS = (0, 1, 3)  # the header and every other body row: light text on a dark fill


def white_border(c, box: tuple[float, float, float, float]) -> None:
    """A thin fill in RGB white, as Chromium paints it."""
    x0, top, x1, bottom = box
    c.setFillColorRGB(*WHITE)
    c.rect(x0, PAGE_H - bottom, x1 - x0, bottom - top, stroke=0, fill=1)


def white_grid(c) -> None:
    """Chromium's white borders of the table XS × rows 0–4: a thin white fill along every row and
    column edge, the inner ones on the seam of two cells, the outer ones just outside the cells."""
    bottom = TOP + 5 * ROW_H
    for r in range(6):
        y = TOP + r * ROW_H
        white_border(c, (XS[0] - BORDER, y - BORDER / 2, XS[-1] + BORDER, y + BORDER / 2))
    for x in XS:
        white_border(c, (x - BORDER, TOP, x, bottom))


def dark_banded_grid(borders_first: bool = False):
    """A grid table every cell filled (a navy header, body rows near-black and light grey in
    turn, light text on the dark ones), its borders white thin fills painted after the cells —
    or before them, hidden under them, with `borders_first`."""
    fills = [NAVY] + [(0.05, 0.05, 0.05) if r in DARK_ROWS else (0.85, 0.85, 0.85) for r in range(1, 5)]

    def draw(c) -> None:
        if borders_first:
            white_grid(c)
        for r, colour in enumerate(fills):  # each cell on its own, as Chromium paints them
            c.setFillColorRGB(*colour)
            for x0, top, x1, bottom in cell_boxes(r):
                c.rect(x0, PAGE_H - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
        if not borders_first:
            white_grid(c)
        for r, row in enumerate([HEAD, *BODY]):
            c.setFillColorRGB(*(WHITE if r in DARK_ROWS else (0.0, 0.0, 0.0)))
            rows_text(c, [[""] * 4] * r + [row])
        c.setFillGray(0)
    return draw


def thin_white(x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"object_type": "rect", "fill": True, "stroke": False, "non_stroking_color": (1, 1, 1),
            "x0": x0, "x1": x1, "top": top, "bottom": bottom}


def test_a_white_border_is_painted_on_or_along_a_shading() -> None:
    dark_cell = {**thin_white(60.0, 100.0, 100.0, 120.0), "non_stroking_color": (0.05,)}
    white_cell = {**dark_cell, "non_stroking_color": (1,)}
    seam = thin_white(60.0, 119.625, 100.0, 120.375)  # on the seam of two rows
    outside = thin_white(59.25, 100.0, 60.0, 120.0)  # the table's left border, just outside its cells
    afar = thin_white(60.0, 130.0, 100.0, 130.75)  # on the bare page under the table
    across = thin_white(60.0, 109.625, 100.0, 110.375)  # across the middle of one dark band
    assert graphics.is_shading(dark_cell, DEFAULTS)
    assert not graphics.is_shading(white_cell, DEFAULTS) and not graphics.is_shading(seam, DEFAULTS)
    assert [graphics.lies_on(b, dark_cell, DEFAULTS) for b in (seam, outside, afar, across)] == [True, True, False, True]
    assert [graphics.is_white_border(b, [dark_cell], DEFAULTS) for b in (seam, outside, afar, across)] == [
        True, True, False, True]
    assert not graphics.is_white_border({**seam, "non_stroking_color": (0,)}, [dark_cell], DEFAULTS)
    assert [graphics.is_background(seam, DEFAULTS, under) for under in ([dark_cell], [], [white_cell])] == [False, True, True]


def test_white_borders_part_dark_cells(tmp_path: Path) -> None:
    """Every cell filled, the header and every other row dark with white text, the borders thin
    white fills painted on the cells (Chromium, a dark table style): they rule the table as black
    ones rule a white one; only the cells' fills are backgrounds."""
    pdf = make_pdf(tmp_path / "white-borders.pdf", dark_banded_grid())
    table = only_table(pdf)
    assert table.header_paths == [(h,) for h in HEAD]
    assert cells_of(table) == BODY
    with pdfplumber.open(pdf) as doc:
        found = graphics.backgrounds(doc.pages[0], DEFAULTS)
        assert len(found) == 20 and all(b["non_stroking_color"] != WHITE for b in found)


def test_white_borders_under_the_cells_or_on_the_bare_page_rule_nothing(tmp_path: Path) -> None:
    """The counter-cases: the same white fills painted before the cells (hidden under them), and
    on a page with no shading at all, are backgrounds."""
    hidden = make_pdf(tmp_path / "hidden.pdf", dark_banded_grid(borders_first=True))
    bare = make_pdf(tmp_path / "bare.pdf", white_grid)
    with pdfplumber.open(hidden) as doc:
        assert len(graphics.backgrounds(doc.pages[0], DEFAULTS)) == 20 + 6 + 5
    with pdfplumber.open(bare) as doc:
        page = doc.pages[0]
        assert len(graphics.backgrounds(page, DEFAULTS)) == 6 + 5
        assert graphics.ruling_page(page, DEFAULTS).edges == []
