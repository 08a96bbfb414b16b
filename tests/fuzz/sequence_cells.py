"""Large numbers printed in a bulletin's 序号 cells, in place of the row numbers (the family
huge_sequence_number of mutations.py): the numbers of a column run together as one cell reads
them, a year, a figure, a run of thousands of digits. Issue 15: such a 序号 had the completeness
check count up to it.

The cells are found with pdfplumber — digits under a '序号' header, a line of them one cell — and
each is redrawn where its draw operator stands in the page's content stream ('x y Td /F2 10.5
Tf<05>Tj'), the digits in Helvetica, sized down to fit the header's width, the rest of the stream
as it was. What is drawn follows from the seed alone.
"""

from __future__ import annotations

import io
import random
import re
import zlib
from dataclasses import dataclass
from functools import cache
from itertools import groupby

from .pdfedit import Editor, literal

HEADER = ("序", "号")
COLUMN_MARGIN = 8.0  # points either side of the header that a 序号 digit's centre may stand
DIGIT_WIDTH = 0.556  # Helvetica's digits, in ems
FONT = "FSeq"  # the font name added to the page's resources for the new digits
DRAW = re.compile(rb"(?P<x>-?[\d.]+) (?P<y>-?[\d.]+) Td\s*/(?P<font>[^\s/]+) (?P<size>[\d.]+) Tf\s*"
                  rb"(?:<[0-9A-Fa-f\s]*>\s*Tj|\[[^\]]*\]\s*TJ)")
"""A cell's text as this bulletin's producer draws it: moved to, font set, shown."""
SAME_PLACE = 0.05  # points: a draw operator at the origin pdfplumber gives a cell's first digit


@dataclass(frozen=True)
class SequenceCell:
    page: int  # 0-based index
    origin: tuple[float, float]  # where its first digit is drawn, in PDF space
    text: str
    column: tuple[float, float]  # the 序号 header's left and right


@cache
def sequence_cells(data: bytes) -> tuple[SequenceCell, ...]:
    """Every 序号 cell of the PDF, page by page, top to bottom."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return tuple(cell for page in pdf.pages for cell in _cells_of(page.page_number - 1, page.chars))


def _cells_of(page: int, chars: list[dict]) -> list[SequenceCell]:
    cells = []
    for head, tail in zip(chars, chars[1:]):
        if (head["text"], tail["text"]) != HEADER:
            continue
        left, right = min(head["x0"], tail["x0"]), max(head["x1"], tail["x1"])
        digits = [c for c in chars if c["text"].isdigit() and c["top"] > tail["top"]
                  and left - COLUMN_MARGIN < (c["x0"] + c["x1"]) / 2 < right + COLUMN_MARGIN]
        digits.sort(key=lambda c: (round(c["top"], 1), c["x0"]))
        for _, line in groupby(digits, key=lambda c: round(c["top"], 1)):
            line = list(line)
            cells.append(SequenceCell(page, (line[0]["matrix"][4], line[0]["matrix"][5]),
                                      "".join(c["text"] for c in line), (left, right)))
    return cells


def large_number(rng: random.Random) -> tuple[str, str]:
    """(what it is, its digits)."""
    kind = rng.choice(["numbers run together", "a year", "a figure", "thousands of digits"])
    if kind == "numbers run together":
        first = rng.choice([1, 1, rng.randrange(2, 40)])
        return kind, "".join(str(n) for n in range(first, first + rng.randrange(5, 40)))
    if kind == "a year":
        return kind, str(rng.randrange(1990, 2040))
    if kind == "a figure":
        return kind, str(rng.randrange(10**4, 10**15))
    return kind, str(rng.randrange(1, 10)) + "".join(rng.choice("0123456789") for _ in range(rng.randrange(1000, 6000)))


def redrawn(stream: bytes, cell: SequenceCell, digits: str) -> bytes | None:
    """The content stream with the cell's draw showing `digits` instead, from the header's left,
    no wider than the header and its margins; None when the cell's draw is not in this stream."""
    for m in DRAW.finditer(stream):
        if abs(float(m["x"]) - cell.origin[0]) < SAME_PLACE and abs(float(m["y"]) - cell.origin[1]) < SAME_PLACE:
            left, right = cell.column[0] - COLUMN_MARGIN / 2, cell.column[1] + COLUMN_MARGIN / 2
            size = min(float(m["size"]), (right - left) / (DIGIT_WIDTH * len(digits)))
            draw = b"%.2f %s Td /%s %.6g Tf (%s) Tj" % (left, m["y"], FONT.encode(), size, digits.encode())
            return stream[:m.start()] + draw + stream[m.end():]
    return None


def with_large_numbers(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One to three 序号 cells of one page redrawn with large numbers."""
    cells = sequence_cells(data)
    page = rng.choice(sorted({c.page for c in cells}))
    on_page = [c for c in cells if c.page == page]
    chosen = rng.sample(on_page, min(len(on_page), rng.choice([1, 1, 2, 3])))
    editor = Editor(data)
    objid = editor.page_ids()[page]
    page_dict = dict(editor.get(objid))
    refs = page_dict["Contents"] if isinstance(page_dict["Contents"], list) else [page_dict["Contents"]]
    streams = {ref.objid: editor.get(ref.objid).get_data() for ref in refs}
    said = []
    for cell in chosen:
        kind, digits = large_number(rng)
        for stream_id, stream in streams.items():
            changed = redrawn(stream, cell, digits)
            if changed is not None:
                streams[stream_id] = changed
                shown = digits if len(digits) <= 20 else f"{digits[:20]}… ({len(digits)} digits)"
                said.append(f"序号 {cell.text} printed as {kind} {shown}")
                break
    for stream_id, stream in streams.items():
        editor.put_stream(stream_id, {"Filter": literal("FlateDecode")}, zlib.compress(stream))
    page_dict["Resources"] = _with_font(editor, page_dict["Resources"])
    editor.put(objid, page_dict)
    return editor.result(), f"page {page + 1}: " + ("; ".join(said) or "no 序号 cell's draw found; nothing changed")


def _with_font(editor: Editor, resources: object) -> dict:
    """The page's resources with Helvetica added as FONT (a direct copy: other pages share them)."""
    resources = dict(editor.get(resources.objid)) if hasattr(resources, "objid") else dict(resources)
    fonts = resources["Font"]
    fonts = dict(editor.get(fonts.objid)) if hasattr(fonts, "objid") else dict(fonts)
    fonts[FONT] = {"Type": literal("Font"), "Subtype": literal("Type1"), "BaseFont": literal("Helvetica")}
    resources["Font"] = fonts
    return resources
