"""Did the producer print everything its document holds? A synthetic bulletin must print all of its
truth; a PDF that lacks some of it tests nothing (the extractor cannot read what is not there).

LibreOffice 7.4 lays out a freshly imported .docx and, now and then, prints some paragraphs on no
page at all: docx 740108 (three_line, noto-sans, a continuous section of two columns before) lost
the titles '7. …健康证系统数据统计', '8. 南京12320卫生热线…', '9. …预约挂号服务统计' and the hotline
paragraph between three tables, though its document model holds them (LibreOffice's own text export
prints them) and the same document saved as .odt and laid out again prints them. No property of the
paragraphs or tables around them (keep-with-next, widow control, the tables' repeated header rows,
the empty paragraphs between, exact line spacing) made the lost text print without moving the layout
before it too: the fault is in the order in which LibreOffice lays the import out.

So the check is by characters: every character the document's text holds (less white space and the
zero-width spaces LibreOffice prints as nothing) must be printed at least as often in the PDF's body,
between the top and bottom page margins. A lost paragraph or title lacks many; a repeated table header
only adds. The running header and the folio above and below the margins are not counted: they print
digits the body does not hold, and a folio '6' made up for the '6' LibreOffice lost from '覆盖全市 61 家'
(docx 790282), so the lost digit went unseen."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

UNPRINTED = re.compile(r"[\s\u200b]")
"""Characters a producer prints as no glyph: white space, the zero-width space."""

WORD_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def docx_text(path: Path) -> str:
    """The text of a .docx body (paragraphs and table cells, not its headers and footers)."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return "".join(_unescape(t) for t in WORD_TEXT.findall(xml))


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace(
        "&amp;", "&")


PAGE_MARGIN = re.compile(r"<w:pgMar\s[^>]*>")
TWIPS_PER_PT = 20


def page_margins_pt(path: Path) -> tuple[float, float]:
    """The least top and bottom page margins (points) of a .docx's sections: its headers and footers
    print outside them, its body inside (0, 0 when it sets none)."""
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    margins = [_margin_pt(tag, "top") for tag in PAGE_MARGIN.findall(xml)], [
        _margin_pt(tag, "bottom") for tag in PAGE_MARGIN.findall(xml)]
    return min(margins[0], default=0.0), min(margins[1], default=0.0)


def _margin_pt(tag: str, side: str) -> float:
    found = re.search(rf'w:{side}="(-?\d+)"', tag)
    return abs(int(found.group(1))) / TWIPS_PER_PT if found else 0.0


def pdf_text(path: Path, top_pt: float = 0.0, bottom_pt: float = 0.0) -> str:
    """Every character pdfplumber reads off the PDF's pages, less those wholly above the top margin
    `top_pt` or below the bottom margin `bottom_pt` (running headers, folios)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "".join(c["text"] for page in pdf.pages for c in page.chars
                       if c["bottom"] > top_pt and c["top"] < page.height - bottom_pt)


def unprinted(written: str, printed: str) -> Counter:
    """Characters written more often than printed, with how many are missing."""
    want = Counter(UNPRINTED.sub("", written))
    have = Counter(UNPRINTED.sub("", printed))
    return Counter({ch: n - have[ch] for ch, n in want.items() if n > have[ch]})


def defect(written: str, printed: str) -> str | None:
    """What the PDF lacks, said in a line (None: it prints everything written)."""
    missing = unprinted(written, printed)
    if not missing:
        return None
    shown = "".join(ch for ch, _ in missing.most_common(24))
    return (f"render defect: {sum(missing.values())} character(s) of the document printed on no page "
            f"(most missed: {shown})")


def docx_defect(docx: Path, pdf: Path) -> str | None:
    """What LibreOffice's PDF of this .docx lacks in its body (None: nothing)."""
    return defect(docx_text(docx), pdf_text(pdf, *page_margins_pt(docx)))
