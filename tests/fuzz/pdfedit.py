"""Object-level edits of a PDF by incremental update: the edited and new objects are appended after
the original bytes with their own xref section and a trailer pointing back (/Prev) to the old one.
Packed, the edited dictionaries and arrays go into one object stream, indexed by a cross-reference
stream (PDF 1.5), as a producer that compresses its objects writes them.

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

    def result(self, packed: bool = False, objstm_length: object = None) -> bytes:
        """The original bytes and the update; packed, objstm_length is what the object stream's
        /Length says (its true length when None)."""
        if packed:
            return self._packed_result(objstm_length)
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
        new_trailer = self._trailer(max(self.next_id, max(offsets, default=0) + 1))
        out += b"trailer\n" + serialise(new_trailer) + b"\nstartxref\n%d\n%%%%EOF\n" % xref_at
        return bytes(out)

    def _trailer(self, size: int) -> dict:
        """The new section's trailer: the old one's root, info and ID, and where the old section is."""
        trailer = self.doc.xrefs[0].get_trailer() if self.doc.xrefs else {}
        prev = int(re.findall(rb"startxref\s+(\d+)", self.data)[-1])
        new_trailer = {"Size": size, "Root": trailer.get("Root"), "Prev": prev}
        if trailer.get("Info") is not None:
            new_trailer["Info"] = trailer["Info"]
        if trailer.get("ID") is not None:
            new_trailer["ID"] = trailer["ID"]
        return new_trailer

    def _packed_result(self, objstm_length: object) -> bytes:
        """The update with its dictionaries and arrays in one object stream (pdfminer reads no other
        value from one: a bare `N 0 R` there fails its parser) and a cross-reference stream whose
        entries are 1 (at an offset) or 2 (in the object stream, at an index)."""
        packed = [objid for objid, body in sorted(self.changed.items())
                  if body.startswith((b"<<", b"[")) and not body.rstrip().endswith(b"endstream")]
        objstm, xref_id = self.new_id(), self.new_id()
        plain = {objid: body for objid, body in self.changed.items() if objid not in packed}
        plain[objstm] = self._object_stream(packed, objstm_length)
        entries = {objid: (2, objstm, index) for index, objid in enumerate(packed)}
        out = bytearray(self.data if self.data.endswith(b"\n") else self.data + b"\n")
        for objid, body in sorted(plain.items()):
            entries[objid] = (1, len(out), 0)
            out += b"%d 0 obj\n" % objid + body + b"\nendobj\n"
        entries[xref_id] = (1, len(out), 0)
        table = b"".join(bytes([kind]) + at.to_bytes(4, "big") + index.to_bytes(2, "big")
                         for _, (kind, at, index) in sorted(entries.items()))
        xref = {**self._trailer(self.next_id), "Type": literal("XRef"), "W": [1, 4, 2], "Length": len(table),
                "Index": [n for objid in sorted(entries) for n in (objid, 1)]}  # uncompressed: pdfminer reads either
        out += b"%d 0 obj\n" % xref_id + serialise(xref) + b"\nstream\n" + table + b"\nendstream\nendobj\n"
        return bytes(out + b"startxref\n%d\n%%%%EOF\n" % entries[xref_id][1])

    def _object_stream(self, objids: list[int], length: object) -> bytes:
        """The body of an object stream holding these objects; its /Length says `length` when given."""
        header, bodies = b"", b""
        for objid in objids:
            header += b"%d %d " % (objid, len(bodies))
            bodies += self.changed[objid] + b"\n"
        attrs = {"Type": literal("ObjStm"), "N": len(objids), "First": len(header),
                 "Length": len(header) + len(bodies) if length is None else length}
        return serialise(attrs) + b"\nstream\n" + header + bodies + b"\nendstream"
