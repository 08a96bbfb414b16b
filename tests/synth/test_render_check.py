"""render_check: a PDF that prints less text than its document holds is a render defect, which the
sweep counts apart (never as exact); a PDF that prints everything, and more (running headers, repeated
table headers), is none."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from tests import pdfkit

from .render_check import defect, docx_defect, docx_text, page_margins_pt, pdf_text, unprinted
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
            pdfkit.text(c, 80, 100 + 20 * k, line)  # inside the 1-inch margins of the python-docx template
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


def test_a_digit_lost_from_the_body_is_not_made_up_by_a_folio(tmp_path: Path) -> None:
    """As LibreOffice printed docx 790282: '覆盖全市 61 家' as '市 ' / '1 家', the folio '6' under the
    bottom margin (the python-docx template's: 1 inch) holding as many '6' as the document lost."""
    doc = Document()
    doc.add_paragraph("覆盖全市 \u200b61 家")
    docx = tmp_path / "docx-790282.docx"
    doc.save(docx)

    def page(c) -> None:
        pdfkit.text(c, 72, 100, "覆盖全市")
        pdfkit.text(c, 72, 120, "1 家")
        pdfkit.text(c, 290, 800, "6")  # the folio, wholly below the bottom margin (842 - 72 pt)
    pdf = pdfkit.make_pdf(tmp_path / "docx-790282.pdf", page)
    assert page_margins_pt(docx) == (72.0, 72.0)
    assert pdf_text(pdf) == "覆盖全市1 家6"
    assert pdf_text(pdf, 72.0, 72.0) == "覆盖全市1 家"
    assert docx_defect(docx, pdf) == (
        "render defect: 1 character(s) of the document printed on no page (most missed: 6)")


def test_a_docx_printed_whole_with_its_folio_has_no_defect(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("覆盖全市 \u200b61 家")
    docx = tmp_path / "docx-1.docx"
    doc.save(docx)

    def page(c) -> None:
        pdfkit.text(c, 72, 40, "南京市卫生信息中心")  # the running header, above the top margin
        pdfkit.text(c, 72, 100, "覆盖全市")
        pdfkit.text(c, 72, 120, "61 家")
        pdfkit.text(c, 290, 800, "6")
    assert docx_defect(docx, pdfkit.make_pdf(tmp_path / "docx-1.pdf", page)) is None
