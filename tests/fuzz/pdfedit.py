"""Object-level edits of a PDF by incremental update: the edited and new objects are appended after
the original bytes with their own xref section and a trailer pointing back (/Prev) to the old one.

Only for making damaged test inputs: objects are read with pdfminer and written back with a small
serialiser that knows the types pdfminer returns.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream
from pdfminer.psparser import PSKeyword, PSLiteral


def serialise(obj: object) -> bytes:
    """A pdfminer object as PDF syntax."""
    if isinstance(obj, PDFObjRef):
        return b"%d 0 R" % obj.objid
    if isinstance(obj, bool):
        return b"true" if obj else b"false"
    if isinstance(obj, int):
        return b"%d" % obj
    if isinstance(obj, float):
        return (b"%.6f" % obj).rstrip(b"0").rstrip(b".")
    if isinstance(obj, PSLiteral):
        name = obj.name if isinstance(obj.name, str) else obj.name.decode("latin-1")
        return b"/" + name.encode("latin-1")
    if isinstance(obj, PSKeyword):
        return obj.name if isinstance(obj.name, bytes) else obj.name.encode()
    if isinstance(obj, bytes):
        return b"<" + obj.hex().encode() + b">"
    if isinstance(obj, str):
        return b"<" + obj.encode("latin-1", "replace").hex().encode() + b">"
    if isinstance(obj, dict):
        return b"<<" + b"".join(b"/" + str(k).encode("latin-1") + b" " + serialise(v) + b"\n"
                                for k, v in obj.items()) + b">>"
    if isinstance(obj, list | tuple):
        return b"[" + b" ".join(serialise(v) for v in obj) + b"]"
    if obj is None:
        return b"null"
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def literal(name: str) -> PSLiteral:
    return PSLiteral(name)


@dataclass
class Editor:
    """The objects of one PDF, editable; `result()` is the original bytes plus one update."""

    data: bytes
    doc: PDFDocument = field(init=False)
    changed: dict[int, bytes] = field(default_factory=dict)
    next_id: int = field(init=False)

    def __post_init__(self) -> None:
        self.doc = PDFDocument(PDFParser(io.BytesIO(self.data)))
        self.next_id = max(oid for xref in self.doc.xrefs for oid in xref.get_objids()) + 1

    def get(self, objid: int):
        return self.doc.getobj(objid)

    @property
    def pages_root(self) -> int:
        return self.doc.catalog["Pages"].objid

    def page_ids(self) -> list[int]:
        """Leaf page object ids in order (the tree is walked once, loops ignored)."""
        out: list[int] = []
        seen: set[int] = set()

        def walk(objid: int) -> None:
            if objid in seen:
                return
            seen.add(objid)
            node = self.get(objid)
            if node.get("Type") is literal("Pages") or "Kids" in node:
                for kid in node["Kids"]:
                    walk(kid.objid)
            else:
                out.append(objid)
        walk(self.pages_root)
        return out

    def put(self, objid: int, obj: object) -> None:
        self.changed[objid] = serialise(obj)

    def put_stream(self, objid: int, attrs: dict, raw: bytes) -> None:
        attrs = {**attrs, "Length": len(raw)}
        self.changed[objid] = serialise(attrs) + b"\nstream\n" + raw + b"\nendstream"

    def put_raw(self, objid: int, body: bytes) -> None:
        self.changed[objid] = body

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def ref(self, objid: int) -> PDFObjRef:
        return PDFObjRef(None, objid)

    def stream_of(self, objid: int) -> PDFStream:
        return self.get(objid)

    def result(self) -> bytes:
        out = bytearray(self.data)
        if not out.endswith(b"\n"):
            out += b"\n"
        offsets: dict[int, int] = {}
        for objid, body in sorted(self.changed.items()):
            offsets[objid] = len(out)
            out += b"%d 0 obj\n" % objid + body + b"\nendobj\n"
        xref_at = len(out)
        out += b"xref\n0 1\n0000000000 65535 f \n"
        for objid, offset in sorted(offsets.items()):
            out += b"%d 1\n%010d 00000 n \n" % (objid, offset)
        trailer = self.doc.xrefs[0].get_trailer() if self.doc.xrefs else {}
        prev = int(re.findall(rb"startxref\s+(\d+)", self.data)[-1])
        new_trailer = {"Size": max(self.next_id, max(offsets, default=0) + 1), "Root": trailer.get("Root"),
                       "Prev": prev}
        if trailer.get("Info") is not None:
            new_trailer["Info"] = trailer["Info"]
        if trailer.get("ID") is not None:
            new_trailer["ID"] = trailer["ID"]
        out += b"trailer\n" + serialise(new_trailer) + b"\nstartxref\n%d\n%%%%EOF\n" % xref_at
        return bytes(out)
