"""Mutation families of a good bulletin PDF, each replayable from (family, seed).

A mutation returns the damaged bytes and a short description of what it did. Byte-level families
damage the file blindly; page-level families make one precise structural edit (by incremental
update, see pdfedit.py); hostile inputs are not PDFs at all but things a path can point to.
"""

from __future__ import annotations

import os
import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .pdfedit import Editor, literal

Mutation = Callable[[bytes, random.Random], tuple[bytes, str]]


# --------------------------------------------------------------------------- byte level


def byte_flips(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    out = bytearray(data)
    count = rng.choice([1, 3, 10, 50])
    for _ in range(count):
        at = rng.randrange(len(out))
        out[at] = rng.randrange(256)
    return bytes(out), f"{count} random bytes replaced"


def truncation(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    cut = rng.randrange(16, len(data) - 16)
    if rng.random() < 0.5:  # the trailer put back, so the damage is found deeper in
        return data[:cut] + b"\nstartxref\n0\n%%EOF\n", f"cut at byte {cut}, %%EOF re-appended"
    return data[:cut], f"cut at byte {cut}"


def chunk_deletion(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    start = rng.randrange(len(data) - 1)
    length = rng.choice([1, 16, 256, 4096, 32768])
    return data[:start] + data[start + length:], f"{length} bytes deleted at {start}"


def broken_xref(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    how = rng.choice(["offsets", "startxref", "keyword"])
    if how == "startxref":
        at = data.rindex(b"startxref")
        return data[:at] + b"startxref\n%d\n%%%%EOF\n" % rng.randrange(len(data)), "startxref points anywhere"
    if how == "keyword":
        return data.replace(b"\nxref", b"\nxrfe", 1), "xref keyword misspelt"
    entries = list(re.finditer(rb"\d{10} \d{5} n", data))
    out = bytearray(data)
    for m in rng.sample(entries, min(len(entries), rng.choice([1, 5, 20]))):
        out[m.start():m.start() + 10] = b"%010d" % rng.randrange(len(data))
    return bytes(out), "xref offsets scrambled"


def _stream_spans(data: bytes) -> list[tuple[int, int]]:
    return [(m.end(), data.index(b"endstream", m.end())) for m in re.finditer(rb"stream\r?\n", data)
            if data.find(b"endstream", m.end()) > 0]


def stream_corruption(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Bytes flipped inside a compressed content stream: pdfminer half-decodes it."""
    spans = [s for s in _stream_spans(data) if s[1] - s[0] > 200]
    start, end = rng.choice(spans)
    out = bytearray(data)
    at = rng.randrange(start + (end - start) // 4, end)
    for i in range(at, min(end, at + rng.choice([1, 4, 16]))):
        out[i] ^= 0xFF
    return bytes(out), f"stream bytes inverted at {at}"


# --------------------------------------------------------------------------- page level


def _pick_page(editor: Editor, rng: random.Random) -> int:
    """A 0-based page index, not the back page (it holds only the colophon)."""
    return rng.randrange(len(editor.page_ids()) - 1)


def _set_kids(editor: Editor, kids: list[int], count: int | None = None) -> None:
    root = dict(editor.get(editor.pages_root))
    root["Kids"] = [editor.ref(k) for k in kids]
    root["Count"] = len(kids) if count is None else count
    editor.put(editor.pages_root, root)


def _contents(page: dict) -> list:
    return list(page["Contents"]) if isinstance(page["Contents"], list) else [page["Contents"]]


def without_page(data: bytes, index: int) -> bytes:
    editor = Editor(data)
    kids = editor.page_ids()
    del kids[index]
    _set_kids(editor, kids)
    return editor.result()


def lose_page(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    index = _pick_page(Editor(data), rng)
    return without_page(data, index), f"page {index + 1} removed from the page tree"


TURNS = {90: b"0 1 -1 0 595 0", 180: b"-1 0 0 -1 595 842", 270: b"0 -1 1 0 0 842"}


def turned_page(data: bytes, index: int, angle: int, by_rotate_key: bool) -> bytes:
    """A page turned, either by its /Rotate key or, as a bad merge or a scanner makes it, by a turn
    of the content itself."""
    editor = Editor(data)
    objid = editor.page_ids()[index]
    page = dict(editor.get(objid))
    if by_rotate_key:
        page["Rotate"] = angle
    else:
        turn, close = editor.new_id(), editor.new_id()
        editor.put_stream(turn, {}, b"q " + TURNS[angle] + b" cm\n")
        editor.put_stream(close, {}, b"\nQ\n")
        page["Contents"] = [editor.ref(turn), *_contents(page), editor.ref(close)]
    editor.put(objid, page)
    return editor.result()


def rotate_page(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    index = _pick_page(Editor(data), rng)
    angle, by_key = rng.choice([90, 180, 270]), rng.random() < 0.5
    return turned_page(data, index, angle, by_key), \
        f"page {index + 1} turned {angle} degrees ({'/Rotate' if by_key else 'content'})"


def doubled_page(data: bytes, index: int, copies: int = 1) -> bytes:
    """Copies of a page (new page objects drawing the same content) right after it."""
    editor = Editor(data)
    objid = editor.page_ids()[index]
    extra = []
    for _ in range(copies):
        copy = editor.new_id()
        editor.put(copy, dict(editor.get(objid)))
        extra.append(copy)
    kids = editor.page_ids()
    _set_kids(editor, kids[:index + 1] + extra + kids[index + 1:])
    return editor.result()


def stamped_copy(data: bytes, index: int, stamp: bytes = b"COPY") -> bytes:
    """A page printed twice, the copy stamped with a word in the top margin: the same rows, but not
    the same text, so nothing may merge the two pages as one."""
    editor = Editor(doubled_page(data, index))
    objid = editor.page_ids()[index + 1]
    page = dict(editor.get(objid))
    resources = dict(editor.get(page["Resources"].objid))
    fonts = resources["Font"]
    fonts = dict(editor.get(fonts.objid)) if hasattr(fonts, "objid") else dict(fonts)
    fonts["FStamp"] = {"Type": literal("Font"), "Subtype": literal("Type1"), "BaseFont": literal("Helvetica")}
    resources["Font"] = fonts
    page["Resources"] = resources
    text = editor.new_id()
    editor.put_stream(text, {}, b"BT /FStamp 9 Tf 520 815 Td (" + stamp + b") Tj ET\n")
    page["Contents"] = [*_contents(page), editor.ref(text)]
    editor.put(objid, page)
    return editor.result()


def duplicate_page(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    index = _pick_page(Editor(data), rng)
    return doubled_page(data, index), f"page {index + 1} printed twice"


def page_copies(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    index, copies = _pick_page(Editor(data), rng), rng.choice([200, 500])
    return doubled_page(data, index, copies), f"{copies} copies of page {index + 1}"


BREAKS = ("no contents", "dangling contents", "garbage")


def broken_page(data: bytes, index: int, how: str) -> bytes:
    editor = Editor(data)
    objid = editor.page_ids()[index]
    page = dict(editor.get(objid))
    if how == "no contents":
        del page["Contents"]
        editor.put(objid, page)
    elif how == "dangling contents":
        page["Contents"] = editor.ref(editor.next_id + 500)
        editor.put(objid, page)
    else:
        editor.put_raw(objid, b"<< /Type /Page /Parent %d 0 R /Contents ]]] >>" % editor.pages_root)
    return editor.result()


def broken_page_dict(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    index, how = _pick_page(Editor(data), rng), rng.choice(BREAKS)
    return broken_page(data, index, how), f"page {index + 1} dictionary broken ({how})"


def looped_tree(data: bytes, at: int) -> bytes:
    editor = Editor(data)
    kids = editor.page_ids()
    kids.insert(at, editor.pages_root)
    _set_kids(editor, kids)
    return editor.result()


def self_kids(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    at = rng.randrange(len(Editor(data).page_ids()) + 1)
    return looped_tree(data, at), f"the page tree lists itself among its kids (at {at})"


def counted(data: bytes, count: int) -> bytes:
    editor = Editor(data)
    _set_kids(editor, editor.page_ids(), count)
    return editor.result()


def huge_count(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    count = rng.choice([10**6, 10**9, 2**31 - 1])
    return counted(data, count), f"/Count {count}"


def bombed_page(data: bytes, index: int, megabytes: int) -> bytes:
    """A small stream that inflates to megabytes of drawing operators, added to one page."""
    editor = Editor(data)
    objid = editor.page_ids()[index]
    bomb = editor.new_id()
    editor.put_stream(bomb, {"Filter": literal("FlateDecode")}, zlib.compress(b"q Q " * (megabytes * 2**18), 9))
    page = dict(editor.get(objid))
    page["Contents"] = [*_contents(page), editor.ref(bomb)]
    editor.put(objid, page)
    return editor.result()


def stream_bomb(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    index, megabytes = _pick_page(Editor(data), rng), rng.choice([20, 50])
    return bombed_page(data, index, megabytes), f"page {index + 1} gets a stream inflating to {megabytes} MB"


def _fonts(editor: Editor) -> list[int]:
    resources = editor.get(editor.get(editor.page_ids()[0])["Resources"].objid)
    fonts = resources["Font"]
    fonts = editor.get(fonts.objid) if hasattr(fonts, "objid") else fonts
    return [ref.objid for ref in fonts.values()]


def without_tounicode(data: bytes, how: str) -> bytes:
    """Every font's text mapping "removed" or "emptied": glyphs come out as (cid:N)."""
    editor = Editor(data)
    for objid in _fonts(editor):
        font = dict(editor.get(objid))
        if "ToUnicode" not in font:
            continue
        if how == "removed":
            del font["ToUnicode"]
            editor.put(objid, font)
        else:
            editor.put_stream(font["ToUnicode"].objid, {}, b"")
    return editor.result()


def strip_tounicode(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    how = rng.choice(["removed", "emptied"])
    return without_tounicode(data, how), f"every font's ToUnicode map {how}"


def scanned_page(data: bytes, index: int) -> bytes:
    """A page whose content is replaced by one image and no text: a scanned insert."""
    editor = Editor(data)
    objid = editor.page_ids()[index]
    image, draw = editor.new_id(), editor.new_id()
    editor.put_stream(image, {"Type": literal("XObject"), "Subtype": literal("Image"), "Width": 8, "Height": 8,
                              "ColorSpace": literal("DeviceGray"), "BitsPerComponent": 8, "Filter": literal("FlateDecode")},
                      zlib.compress(bytes(range(0, 256, 4))))
    editor.put_stream(draw, {}, b"q 400 0 0 560 100 140 cm /Scan Do Q\n")
    page = dict(editor.get(objid))
    page["Resources"] = {"XObject": {"Scan": editor.ref(image)}}
    page["Contents"] = editor.ref(draw)
    editor.put(objid, page)
    return editor.result()


def scanned_insert(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    index = _pick_page(Editor(data), rng)
    return scanned_page(data, index), f"page {index + 1} replaced by a scanned image"


def unmapped_glyphs(data: bytes, index: int, glyphs: bytes) -> bytes:
    """Text drawn on a page in a Type0 font without ToUnicode: its glyphs extract as '(cid:N)'."""
    return _type0_text(data, index, glyphs, None)


def ligature_glyphs(data: bytes, index: int, copies: int = 3) -> bytes:
    """Glyphs whose ToUnicode maps each to two characters ('fi', as a ligature does), drawn at the
    foot of a page: one pdfplumber char with a two-character text."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Ligature def\n"
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            b"1 beginbfchar <0001> <00660069> endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    return _type0_text(data, index, b"\x00\x01" * copies, cmap, at=b"72 60")


def _type0_text(data: bytes, index: int, glyphs: bytes, to_unicode: bytes | None, at: bytes = b"72 400") -> bytes:
    editor = Editor(data)
    objid = editor.page_ids()[index]
    font, descendant = editor.new_id(), editor.new_id()
    type0 = {"Type": literal("Font"), "Subtype": literal("Type0"), "BaseFont": literal("NoMap"),
             "Encoding": literal("Identity-H"), "DescendantFonts": [editor.ref(descendant)]}
    if to_unicode is not None:
        cmap = editor.new_id()
        editor.put_stream(cmap, {}, to_unicode)
        type0["ToUnicode"] = editor.ref(cmap)
    editor.put(font, type0)
    editor.put(descendant, {"Type": literal("Font"), "Subtype": literal("CIDFontType2"), "BaseFont": literal("NoMap"),
                            "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"Identity", "Supplement": 0}})
    page = dict(editor.get(objid))
    resources = dict(editor.get(page["Resources"].objid))
    fonts = resources["Font"]
    fonts = dict(editor.get(fonts.objid)) if hasattr(fonts, "objid") else dict(fonts)
    fonts["FNoMap"] = editor.ref(font)
    resources["Font"] = fonts
    page["Resources"] = resources
    text = editor.new_id()
    editor.put_stream(text, {}, b"BT /FNoMap 12 Tf " + at + b" Td <" + glyphs.hex().encode() + b"> Tj ET\n")
    page["Contents"] = [*_contents(page), editor.ref(text)]
    editor.put(objid, page)
    return editor.result()


def cid_glyphs(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    index = _pick_page(Editor(data), rng)
    glyphs = bytes(rng.randrange(1, 255) for _ in range(2 * rng.choice([1, 5, 40])))
    return unmapped_glyphs(data, index, glyphs), f"page {index + 1} gets {len(glyphs) // 2} glyphs without a Unicode mapping"


LOOP_PLACES = {  # where the reader follows the loop: what the fuzz case says of it
    "pages root": "the page tree's root", "kid": "page {page}'s entry in the page tree",
    "resources": "page {page}'s /Resources", "font": "a font of page {page}", "contents array": "page {page}'s /Contents array",
    "stream length": "the /Length of page {page}'s content stream",
    "object stream length": "the /Length of the object stream holding page {page}",
}


def looping_reference(data: bytes, place: str, length: int, index: int = 0, packed: bool = False) -> bytes:
    """A chain of `length` objects, each only a reference to the next and the last to the first
    (N → N, N → M → N, ...), where the reader follows one on page `index`: pdfminer asks for the next
    object as long as the answer is a reference, so it never stops. Packed, the dictionaries the edit
    changed go into an object stream; at "object stream length", that stream's /Length is the chain."""
    editor = Editor(data)
    start = _loop_start(editor, place, editor.page_ids()[index])
    chain = [start, *(editor.new_id() for _ in range(length - 1))]
    for here, there in zip(chain, chain[1:] + chain[:1]):
        editor.put_raw(here, b"%d 0 R" % there)
    if place == "object stream length":
        return editor.result(packed=True, objstm_length=editor.ref(start))
    return editor.result(packed=packed)


def _loop_start(editor: Editor, place: str, page_id: int) -> int:
    """The object where the loop starts: one the reader follows at that place, or a new one put there."""
    page = dict(editor.get(page_id))
    if place == "pages root":
        return editor.pages_root
    if place == "kid":
        return page_id
    if place == "resources":
        return page["Resources"].objid
    if place == "font":
        resources = editor.get(page["Resources"].objid)
        fonts = resources["Font"]
        fonts = editor.get(fonts.objid) if hasattr(fonts, "objid") else fonts
        return next(iter(fonts.values())).objid
    if place == "stream length":
        return editor.stream_of(_contents(page)[0].objid).attrs["Length"].objid
    start = editor.new_id()
    if place == "contents array":
        page["Contents"] = [*_contents(page), editor.ref(start)]
    editor.put(page_id, page)  # at "object stream length", the page goes into the stream whose /Length loops
    return start


def forwarded_resources(data: bytes, index: int, packed: bool = False) -> bytes:
    """A page's /Resources pointing at a new object whose whole value is a reference to the real
    resources: a chain that ends, which the reader must follow as before."""
    editor = Editor(data)
    page_id = editor.page_ids()[index]
    page = dict(editor.get(page_id))
    hop = editor.new_id()
    editor.put_raw(hop, b"%d 0 R" % page["Resources"].objid)
    page["Resources"] = editor.ref(hop)
    editor.put(page_id, page)
    return editor.result(packed=packed)


def reference_cycle(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    place, length, packed = rng.choice(list(LOOP_PLACES)), rng.randint(1, 3), rng.random() < 0.3
    index = _pick_page(Editor(data), rng)
    loop = "an object that is a reference to itself" if length == 1 else \
        f"a chain of {length} references that comes back on itself"
    packed_too = " (the edited objects in an object stream)" if packed and place != "object stream length" else ""
    return looping_reference(data, place, length, index, packed), \
        f"{loop} at {LOOP_PLACES[place].format(page=index + 1)}{packed_too}"


def huge_sequence_number(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Large numbers printed in 序号 cells in place of the row numbers: the column's numbers run
    together, a year, a figure, thousands of digits (issue 15; the drawing is sequence_cells.py)."""
    from .sequence_cells import with_large_numbers

    return with_large_numbers(data, rng)


def password(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Not a mutation of the bulletin: a small PDF that needs a user password."""
    import io

    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    enc = pdfencrypt.StandardEncryption(f"secret-{rng.randrange(1000)}", ownerPassword="owner", strength=128)
    c = canvas.Canvas(buffer, encrypt=enc, invariant=1)
    c.drawString(72, 700, "2024 statistics")
    c.showPage()
    c.save()
    return buffer.getvalue(), "user-password PDF"


# --------------------------------------------------------------------------- hostile paths


@dataclass(frozen=True)
class Hostile:
    """A path that is not a regular readable PDF file; `make` creates it under a folder."""

    name: str
    expect: str  # words the error line must contain

    def make(self, folder: Path) -> Path:
        path = folder / f"{self.name}.pdf"
        if self.name == "fifo":
            os.mkfifo(path)
        elif self.name == "dev-zero":
            path.symlink_to("/dev/zero")
        elif self.name == "symlink-loop":
            path.symlink_to(path.name)
        elif self.name == "folder":
            path.mkdir()
        elif self.name == "unreadable":
            path.write_bytes(b"%PDF-1.4\n%%EOF\n")
            path.chmod(0)
        elif self.name == "newline-name":
            path = folder / "two\nlines.pdf"
            path.write_bytes(b"not a pdf at all")
        return path


HOSTILE = [Hostile("fifo", "not a regular file"), Hostile("dev-zero", "not a regular file"),
           Hostile("symlink-loop", "symlink loop"), Hostile("folder", "folder"),
           Hostile("unreadable", "permission denied"), Hostile("newline-name", "two\\nlines.pdf")]

FAMILIES: dict[str, Mutation] = {
    "byte_flips": byte_flips, "truncation": truncation, "chunk_deletion": chunk_deletion,
    "broken_xref": broken_xref, "stream_corruption": stream_corruption,
    "lose_page": lose_page, "rotate_page": rotate_page, "duplicate_page": duplicate_page,
    "broken_page_dict": broken_page_dict, "self_kids": self_kids, "huge_count": huge_count,
    "stream_bomb": stream_bomb, "page_copies": page_copies, "strip_tounicode": strip_tounicode,
    "cid_glyphs": cid_glyphs, "scanned_insert": scanned_insert, "password": password,
    "reference_cycle": reference_cycle,
    "huge_sequence_number": huge_sequence_number,
}
