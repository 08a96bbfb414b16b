"""The document's margins come from pages of its usual shape (layout/lines.py `margins`,
`is_usual_page_width`): captions centred on landscape pages set no margin of the portrait pages'
prose (weasyprint 720007 found it)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape

from bulletin_etl.layout.document import load
from bulletin_etl.layout.furniture import drop_furniture
from bulletin_etl.layout.lines import TextLine, is_usual_page_width, margins
from bulletin_etl.layout.sections import paragraphs
from bulletin_etl.layout.settings import LayoutSettings

from .pdfkit import CJK_FONT, PAGE_H, make_pdf, text
from .test_layout_headings import BODY, FULL, LEFT, RIGHT

DEFAULTS = LayoutSettings()  # what extract uses when no --settings is given

WIDE_W, WIDE_H = landscape(A4)
CAPTIONS = [["南京市从业人员健康证系统数据统计表", "南京市体检综合管理平台数据量统计表"],
            ["南京市卫生信息平台数据采集情况统计", "南京市出生医学证明电子证照签发情况"]]
assert {len(c) for pair in CAPTIONS for c in pair} == {17}
CAPTION_X0 = (WIDE_W - len(CAPTIONS[0][0]) * BODY) / 2
CAPTION_X1 = CAPTION_X0 + len(CAPTIONS[0][0]) * BODY
# a paragraph whose lines end at the margin or a character short of it (ragged: a figure did not fit)
PROSE = [FULL[2:], FULL[:35], FULL, FULL[:35], FULL, "作。"]


def portrait(c) -> None:
    c.setPageSize(A4)
    for k, words in enumerate(PROSE):
        text(c, LEFT + (2 * BODY if k == 0 else 0), 80 + k * 1.6 * BODY, words, BODY)


def landscape_page(captions: list[str]):
    """A landscape page of two captions centred on it (their tables left out)."""
    def draw(c) -> None:
        c.setPageSize((WIDE_W, WIDE_H))
        c.setFont(CJK_FONT, BODY)
        for k, caption in enumerate(captions):
            c.drawString(CAPTION_X0, WIDE_H - (80 + 200 * k + 0.8 * BODY), caption)
    return draw


def _document(tmp_path: Path) -> tuple[list[TextLine], dict[int, float]]:
    pdf = make_pdf(tmp_path / "shapes.pdf", portrait, *(landscape_page(c) for c in CAPTIONS))
    doc = load(pdf)
    lines = [b for b in drop_furniture(doc.blocks, DEFAULTS) if isinstance(b, TextLine)]
    return lines, {page.number: page.width for page in doc.pages}


def rounded(found: dict[int, tuple[float, float]]) -> dict[int, tuple[float, float]]:
    return {page: (round(a, 1), round(b, 1)) for page, (a, b) in found.items()}


def test_captions_centred_on_landscape_pages_set_no_margin_of_the_portrait_prose(tmp_path: Path) -> None:
    """Four captions centred on two landscape pages end together, 32 pt past the portrait
    page's right margin, more often than its ragged prose lines do: measured over every page,
    they set the document's right margin, and each prose line "stops short" of it, a paragraph
    of its own. Measured on the pages of the usual width, the prose is one paragraph; the
    landscape pages keep their own margins."""
    lines, widths = _document(tmp_path)
    assert {p: round(w, 1) for p, w in widths.items()} == {1: 595.3, 2: 841.9, 3: 841.9}
    edge = (round(CAPTION_X0, 1), round(CAPTION_X1, 1))
    found = margins(lines, DEFAULTS, widths)
    assert rounded(found) == {1: (LEFT, RIGHT), 2: edge, 3: edge}
    prose = [ln for ln in lines if ln.page == 1]
    assert [p.text for p in paragraphs(prose, DEFAULTS, found)] == ["".join(PROSE)]
    old = margins(lines, DEFAULTS)  # without the page widths: the captions' right edge
    assert rounded(old)[1] == (LEFT, edge[1])
    assert [p.text for p in paragraphs(prose, DEFAULTS, old)] == PROSE  # a paragraph a line


def test_pages_of_one_width_are_of_the_usual_shape() -> None:
    """Counter-case: a document of portrait pages only measures its margins over them all, as
    without page widths; a page a point narrower is still of the usual shape."""
    assert is_usual_page_width(595.3, 595.3, DEFAULTS)
    assert is_usual_page_width(594.5, 595.3, DEFAULTS)
    assert not is_usual_page_width(841.9, 595.3, DEFAULTS)
    prose = [TextLine(text=w, page=1 + k // 3, x0=LEFT, x1=LEFT + len(w) * BODY, top=80 + k * 20.0,
                      bottom=92 + k * 20.0, doctop=80 + k * 20.0, size=BODY, bold=False)
             for k, w in enumerate(PROSE)]
    assert margins(prose, DEFAULTS, {1: 595.3, 2: 595.3}) == margins(prose, DEFAULTS)


assert PAGE_H == A4[1]


def test_the_usual_width_is_the_one_most_lines_are_set_on() -> None:
    """A bulletin printing more tables on landscape pages than it has prose pages (the
    landscape_captions family): the usual shape is the portrait pages', where most lines are
    (counted by pages, a landscape page's note at the left margin set the margins of the prose,
    weasyprint 55 with the family)."""
    from bulletin_etl.layout.lines import _on_usual_pages

    def at(page: int, words: str, x0: float = LEFT) -> TextLine:
        return TextLine(text=words, page=page, x0=x0, x1=x0 + len(words) * BODY, top=80.0, bottom=92.0,
                        doctop=80.0, size=BODY, bold=False)

    prose = [at(1, w) for w in PROSE]
    notes = [at(page, "注：" + FULL[:50]) for page in (2, 3, 4)]
    widths = {1: 595.3, 2: 841.9, 3: 841.9, 4: 841.9}
    assert _on_usual_pages(prose + notes, widths, DEFAULTS) == prose
    assert _on_usual_pages(prose + notes, {}, DEFAULTS) == prose + notes
