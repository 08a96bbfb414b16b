"""A table continued on a page of another shape (layout/tables/columns.py `fits_recentred_table`,
`moved_to`): WeasyPrint gives a page the shape of the section it opens with, so a portrait table
begun on a landscape page (the section before it opened that page) goes on on a portrait page,
centred there, 123 pt further left. Its rest — the repeated header and the '合 计：N' line, which
shows no gutters — takes the columns learnt on the landscape page, moved to where it stands
(weasyprint 790091 found it). Small PDFs drawn here (tests/pdfkit.py)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape

from bulletin_etl.layout.document import load
from bulletin_etl.layout.settings import LayoutSettings
from bulletin_etl.layout.tables import Grid, Rule, UnruledTable, stitch
from bulletin_etl.layout.tables import columns as cols

from .pdfkit import make_pdf, text
from .test_layout_columns import drawn

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given

SIZE = 10.0
PITCH = 21.75
WIDTHS = [23.5, 84.2, 51.8, 22.8, 84.2, 52.6]  # 序号 名称 预约数量, twice (two halves side by side)
# the header's labels as WeasyPrint set them, from the table's left edge: '预 约 数 量' ends 2.8 pt
# before the second '序号' starts, so that a header alone reads them as one cell
HEADER = [(2.1, "序号"), (24.9, "名 称"), (109.1, "预 约 数 量"), (160.9, "序号"), (183.7, "名 称"),
          (267.9, "预 约 数 量")]
ROWS = [("1", "江苏省预约挂号网", "67,348", "4", "我的南京客户端", "1,297"),
        ("2", "12320 快速预约", "28,174", "5", "南京医保小程序", "721"),
        ("3", "江苏健康通", "16,332", "6", "南京发布城市服务", "144")]
ROW_X = [9.1, 25.6, 124.4, 167.9, 184.4, 289.2]
TOTAL = "合 计：114016"
TOTAL_CELLS = [TOTAL, "", "", "", "", ""]  # drawn in STSong, it ends short of the name column's middle
WIDE_LEFT, TALL_LEFT = 261.0, 137.7  # the table centred on a landscape page, then on a portrait one


def table_page(left: float, rows: list[list[tuple[float, str]]], size: tuple[float, float]):
    """A page of one table without vertical rules at `left`: its header, then `rows` (offsets
    from the left edge), a rule under each."""
    def draw(c) -> None:
        c.setPageSize(size)
        c.setLineWidth(0.75)
        width = sum(WIDTHS)
        for k in range(len(rows) + 2):
            c.line(left, size[1] - (70.0 + k * PITCH), left + width, size[1] - (70.0 + k * PITCH))
        for k, row in enumerate([HEADER, *rows]):
            for x, s in row:
                text(c, left + x, 77.0 + k * PITCH + A4[1] - size[1], s, SIZE)  # pdfkit measures from A4's top
    return draw


def channels(tmp_path: Path, second_left: float, second_shape: tuple[float, float]) -> list[Grid]:
    rows = [list(zip(ROW_X, row)) for row in ROWS]
    pdf = make_pdf(tmp_path / "recentred.pdf", table_page(WIDE_LEFT, rows, landscape(A4)),
                   table_page(second_left, [[(2.8, TOTAL)]], second_shape))
    return [b for b in load(pdf).blocks if isinstance(b, Grid)]


def test_a_tables_rest_on_a_page_of_another_shape_takes_its_columns_moved(tmp_path: Path) -> None:
    """The rest on the portrait page reads as the landscape page's six columns, moved 123.3 pt
    left: its header parts as there, and its total goes on the same table."""
    grids = channels(tmp_path, TALL_LEFT, A4)
    assert [g.page for g in grids] == [1, 2]
    shift = TALL_LEFT - WIDE_LEFT
    assert [(round(a + shift, 1), round(b + shift, 1)) for a, b in grids[0].col_bounds] == \
        [(round(a, 1), round(b, 1)) for a, b in grids[1].col_bounds]
    assert grids[1].row(0) == ["序号", "名 称", "预 约 数 量", "序号", "名 称", "预 约 数 量"]
    tables = stitch(grids, DEFAULTS)
    assert len(tables) == 1
    assert [r.cells for r in tables[0].rows] == [list(r) for r in ROWS] + [TOTAL_CELLS]
    assert [r.page for r in tables[0].rows] == [1, 1, 1, 2]
    assert tables[0].rows[-1].is_total


def test_a_tables_rest_where_it_stood_keeps_its_columns(tmp_path: Path) -> None:
    """Counter-case: the rest on a landscape page too, at the same place, takes the columns
    learnt there unmoved, as before."""
    grids = channels(tmp_path, WIDE_LEFT, landscape(A4))
    assert grids[0].col_bounds == grids[1].col_bounds
    tables = stitch(grids, DEFAULTS)
    assert len(tables) == 1
    assert tables[0].rows[-1].cells == TOTAL_CELLS


def test_a_layout_is_moved_to_a_tables_left_edge_and_fits_only_as_wide(tmp_path: Path) -> None:
    """`moved_to` keeps every extent; `fits_recentred_table` asks what `_fits_short_table`
    asks of the moved layout: the same header letters, as wide, the body's cells kept apart."""
    learnt = cols.Columns([(60.0, 150.0), (150.0, 300.0)], [(120.0, 180.0)], [(60.0, 120.0), (180.0, 300.0)])
    moved = cols.moved_to(learnt, 160.0)
    assert moved == cols.Columns([(160.0, 250.0), (250.0, 400.0)], [(220.0, 280.0)], [(160.0, 220.0), (280.0, 400.0)])
    header = drawn(tmp_path, (160, 100, "单位"), (280, 100, "预约挂号"))
    body = drawn(tmp_path, (160, 120, "南京市"), (300, 120, "12"))
    known = [(60.0, "单位预约"), (200.0, "挂号")]

    def table(x0: float, x1: float) -> UnruledTable:
        return UnruledTable([Rule(95.0, x0, x1), Rule(135.0, x0, x1)], [], 2, header, body, 115.0, DEFAULTS)

    assert cols.fits_recentred_table(learnt, known, table(160.0, 400.0), DEFAULTS)
    assert not cols._fits_short_table(learnt, known, table(160.0, 400.0), DEFAULTS)  # where it stood: not as wide
    assert not cols.fits_recentred_table(learnt, known, table(160.0, 380.0), DEFAULTS)  # narrower
    assert not cols.fits_recentred_table(learnt, [(60.0, "单位"), (200.0, "数量")], table(160.0, 400.0), DEFAULTS)
