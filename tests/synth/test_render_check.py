"""render_check: a PDF that prints less text than its document holds is a render defect, which the
sweep counts apart (never as exact); a PDF that prints everything, and more (running headers, repeated
table headers), is none."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from tests import pdfkit

from .render_check import defect, docx_defect, docx_text, unprinted
from .sweep import Case, is_render_defect, render_defect

TITLE = "8. 南京12320卫生热线2030 年度数据统计"
HOTLINE = "2030 年，南京12320卫生热线共受理咨询电话279245个。"
TABLE = ("类别", "2030 年", "3,177")


def _docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph(TITLE)
    doc.add_paragraph(HOTLINE.replace(" 27", " \u200b27"))  # the zero-width space LibreOffice prints as nothing
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, TABLE):
        cell.text = text
    doc.save(path)
    return path


def _pdf(path: Path, *lines: str) -> Path:
    def page(c) -> None:
        for k, line in enumerate(lines):
            pdfkit.text(c, 60, 60 + 20 * k, line)
    return pdfkit.make_pdf(path, page)


def test_the_text_of_a_docx_is_its_paragraphs_and_cells(tmp_path: Path) -> None:
    assert docx_text(_docx(tmp_path / "text.docx")).replace("\u200b", "") == (
        TITLE + HOTLINE + "".join(TABLE))


def test_white_space_and_zero_width_spaces_need_no_glyph() -> None:
    assert unprinted("热线 共受理\u200b 9 个", "热线共受理9个") == {}
    assert defect("南京 12320", "第 1 页\n南京12320 南京") is None


def test_a_lost_title_is_told_with_the_characters_missing() -> None:
    assert unprinted("统计数据统计", "统计数据") == {"统": 1, "计": 1}
    assert defect("统计数据统计", "统计数据") == (
        "render defect: 2 character(s) of the document printed on no page (most missed: 统计)")


def test_a_docx_printed_whole_has_no_defect(tmp_path: Path) -> None:
    docx = _docx(tmp_path / "docx-1.docx")
    pdf = _pdf(tmp_path / "docx-1.pdf", "南京市卫生信息中心 第 2 期", TITLE, HOTLINE, "  ".join(TABLE), "1 / 10")
    assert docx_defect(docx, pdf) is None
    assert render_defect(Case(1, "docx", "grid", "uming"), pdf) is None


def test_a_docx_whose_pdf_lost_a_title_and_a_paragraph_is_a_render_defect(tmp_path: Path) -> None:
    """As LibreOffice printed docx 740108: the tables, not the title and the paragraph between them."""
    _docx(tmp_path / "docx-740108.docx")
    pdf = _pdf(tmp_path / "docx-740108.pdf", "  ".join(TABLE))
    lost = render_defect(Case(740108, "docx", "three_line", "noto-sans"), pdf)
    assert lost is not None and lost.startswith("render defect: 55 character(s)")  # the title and the paragraph
    case = Case(740108, "docx", "three_line", "noto-sans", problems=[lost, "hotline_12320: missing row (x)"])
    assert is_render_defect(case)
    assert not is_render_defect(Case(740108, "docx", "three_line", "noto-sans", problems=["x"]))


def test_only_the_docx_producer_is_checked(tmp_path: Path) -> None:
    _docx(tmp_path / "reportlab-7.docx")
    pdf = _pdf(tmp_path / "reportlab-7.pdf", "  ".join(TABLE))
    assert render_defect(Case(7, "reportlab", "grid", "STSong-Light"), pdf) is None
