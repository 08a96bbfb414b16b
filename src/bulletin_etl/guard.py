"""Budgets and structure checks made before pdfminer walks a PDF, so that a hostile or damaged file
is refused with a one-line reason instead of hanging the parser or eating the machine.

What is checked here, on the raw objects (nothing is laid out yet):
- every object the cross-reference sections list, read once through a document that cannot follow
  references forever: a chain of objects that are each only a reference to the next and comes back
  on itself (N → M → N), wherever it is, would hang pdfplumber's pdfminer when it follows it;
- the page tree: a node that is its own descendant (a loop), a page listed twice, more pages than
  the budget, a /Count that disagrees with the pages the tree holds;
- each page's content streams (and the forms they draw): their decoded size against the per-page
  budget (a 50 KB stream can inflate to 50 MB of operators), and whether they decode at all
  (pdfminer silently turns an undecodable Flate stream into nothing).
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect, PDFXRefStream
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFObjRef, PDFStream
from pdfminer.psparser import LIT

from .errors import DamagedInput, OverBudget

MB = 2**20
LITERAL_PAGES, LITERAL_PAGE, LITERAL_FORM = LIT("Pages"), LIT("Page"), LIT("Form")


@dataclass(frozen=True)
class Limits:
    """The per-bulletin budget. Defaults are documented in the README and on `extract --help`."""

    seconds: float = 120.0  # wall time to read one bulletin (--time-budget)
    memory_bytes: int = 4 * 2**30  # address space of the worker that reads it
    page_stream_bytes: int = 16 * MB  # decoded content streams of one page (--page-budget-mb)
    max_pages: int = 2000
    max_file_bytes: int = 512 * MB


limits = Limits()
"""The budget in force in this process; the worker sets it from the command line's flags."""


def stage_started(stage: str, page: int | None = None) -> None:
    """Called as each stage of reading a bulletin starts: 'reading' and 'laying out' with the page,
    then the stages after every page was read ('the completeness checks', …). Nothing here; the
    worker puts in its place a function that reports each stage to the parent, which can then name
    what was running when a budget ran out."""


def page_started(number: int) -> None:
    """A page starts being read."""
    stage_started("reading", number)


def check_structure(path: Path, data: bytes) -> list[tuple[int | None, str]]:
    """Refuse a page tree that loops or is over budget and pages whose streams are too big or do
    not decode; return notes on harmless oddities (page number, message) for the warnings."""
    with quiet_parser():  # what pdfminer complains of here, it says again when the file is read
        return _check_structure(path, data)


@contextmanager
def quiet_parser() -> Iterator[None]:
    """pdfminer's complaints kept off the terminal where nobody collects them."""
    logger = logging.getLogger("pdfminer")
    propagate, logger.propagate = logger.propagate, False
    handler = logging.NullHandler()
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _check_structure(path: Path, data: bytes) -> list[tuple[int | None, str]]:
    doc = _open(path, data)
    if doc is None:
        return []
    _refuse_reference_loops(path, doc)
    try:
        root = doc.catalog.get("Pages")
    except Exception:
        return []
    pages, notes = _page_tree(path, doc, root)
    over, undecodable = [], []
    for number, (page, resources) in enumerate(pages, 1):
        try:
            size, broken = _content_size(doc, page, resources, limits.page_stream_bytes)
        except Exception:  # a page dict too broken to measure: pdfplumber reports it
            continue
        if size > limits.page_stream_bytes:
            over.append(number)
        if broken:
            undecodable.append(number)
    if undecodable:
        raise DamagedInput(path, f"damaged: the content of page(s) {page_list(undecodable)} does not decompress "
                                 "(corrupt stream); its text cannot be read", undecodable[0])
    if over:
        raise OverBudget(path, f"page(s) {page_list(over)} draw more than {limits.page_stream_bytes // MB} MB of "
                               "decoded content (a compression bomb?); over the page budget — raise it with "
                               "--page-budget-mb if the file is trusted", over[0])
    return notes


def _open(path: Path, data: bytes) -> LoopSafeDocument | None:
    """The document, or None when pdfminer cannot open it (pdfplumber will say what it makes of the
    damage, in its own words)."""
    try:
        return LoopSafeDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect:
        raise DamagedInput(path, "password-protected (it needs a password to open); save an unprotected copy") from None
    except PDFEncryptionError as exc:
        raise DamagedInput(path, f"password-protected or encrypted in a way that cannot be read ({exc})") from None
    except ReferenceLoop as loop:  # met opening it: the catalog, the trailer's /Prev, a cross-reference stream's /Length
        raise reference_loop(path, loop.chain) from None
    except MemoryError:
        raise
    except Exception:
        return None


class ReferenceLoop(Exception):
    """Following indirect references came back to an object already on the way; `chain` names the
    objects of the loop, its first one again at its end."""

    def __init__(self, chain: list[int]) -> None:
        super().__init__(" → ".join(map(str, chain)))
        self.chain = chain


class LoopSafeDocument(PDFDocument):
    """A PDFDocument that raises ReferenceLoop where pdfminer would follow references forever.

    pdfminer resolves a reference by asking for the object again for as long as the answer is a
    reference (resolve1), so objects whose whole value is a reference to each other (N → M → N) are
    asked for forever, wherever a reference to one is followed (the page tree, resources, a font, a
    content array, a stream's /Length as the stream is parsed); and reading an object that needs its
    own value to be read (a stream whose /Length leads back to it) recurses until Python gives up.
    Every object asked for here stays on a path while it is read and while the chain of references
    its value starts is followed; one asked for again while on that path closes a loop. All reading
    goes through getobj, the parsing of streams and object streams too, so no loop gets past it."""

    def __init__(self, parser: PDFParser) -> None:
        self._path: dict[int, None] = {}  # an ordered set: the objects being read or followed, in order
        self._settled: set[int] = set()  # objects whose chain of references is known to end
        super().__init__(parser)  # opening the file already reads objects (the catalog) through getobj

    def getobj(self, objid: int) -> object:
        depth = len(self._path)
        try:
            value = self._enter(objid)
            if isinstance(value, PDFObjRef) and objid not in self._settled:
                self._follow(objid, value)
            return value
        finally:
            while len(self._path) > depth:
                self._path.popitem()

    def _enter(self, objid: int) -> object:
        if objid in self._path:
            path = list(self._path)
            raise ReferenceLoop([*path[path.index(objid):], objid])
        self._path[objid] = None
        return super().getobj(objid)

    def _follow(self, objid: int, value: PDFObjRef) -> None:
        """A value that is only a reference starts a chain pdfminer will follow to its end: it must end.
        Each object of a chain that ends is settled, so that a long chain is followed once, not once
        for each of its objects."""
        chain = [objid]
        link: object = value
        try:
            while isinstance(link, PDFObjRef) and link.objid not in self._settled:
                chain.append(link.objid)
                link = self._enter(link.objid)
        except (ReferenceLoop, MemoryError):
            raise
        except Exception:  # a chain ending at a missing or broken object ends there: pdfminer reads None
            pass
        self._settled.update(chain)


def _refuse_reference_loops(path: Path, doc: LoopSafeDocument) -> None:
    """Every object of the file read once through the loop-safe document: pdfplumber's pdfminer
    follows a loop wherever it meets one, and what it will meet depends on pages, fonts and forms
    the guard does not walk, so a loop anywhere is refused before pdfplumber opens the file."""
    for objid in sorted(_object_ids(doc)):
        try:
            doc.getobj(objid)
        except ReferenceLoop as loop:
            raise reference_loop(path, loop.chain) from None
        except MemoryError:
            raise
        except Exception:  # an object too broken to read: pdfplumber says so if a page needs it
            continue


def _object_ids(doc: PDFDocument) -> set[int]:
    ids: set[int] = set()
    for xref in doc.xrefs:
        ids.update(_stream_xref_ids(xref) if isinstance(xref, PDFXRefStream) else xref.get_objids())
    return ids


def _stream_xref_ids(xref: PDFXRefStream) -> Iterator[int]:
    """The numbers a cross-reference stream has an entry for, range by range (pdfminer's get_objids
    reads each range's entries from the start of the table), and no more than its table holds (a
    damaged /Size or /Index declares billions)."""
    left = len(xref.data or b"") // max(xref.entlen or 1, 1)
    for start, count in xref.ranges:
        if not (isinstance(start, int) and isinstance(count, int)):
            return
        taken = max(0, min(count, left))
        yield from range(start, start + taken)
        left -= taken


def reference_loop(path: Path, chain: list[int]) -> DamagedInput:
    """The one line naming a loop of references (its first object again at its end), however long."""
    first, others = chain[0], chain[1:-1]
    if not others:
        return DamagedInput(path, f"damaged: object {first} refers to itself ({first} → {first}), a reference that "
                                  "never resolves; refused")
    if len(others) == 1:
        through = f"object {others[0]}"
    elif len(others) <= 3:
        through = f"objects {', '.join(map(str, others[:-1]))} and {others[-1]}"
    else:
        through = f"{len(others)} other objects"
    shown = chain if len(chain) <= 6 else [*chain[:3], "…", *chain[-2:]]
    return DamagedInput(path, f"damaged: object {first} refers back to itself through {through} "
                              f"({' → '.join(map(str, shown))}), a chain of references that never resolves; refused")


def page_list(numbers: list[int]) -> str:
    """'3, 4, 9' — at most ten numbers, then how many more."""
    shown = ", ".join(map(str, numbers[:10]))
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")


def _resolve(doc: PDFDocument, obj: object) -> object:
    seen = 0
    while isinstance(obj, PDFObjRef) and seen < 32:
        obj = doc.getobj(obj.objid)
        seen += 1
    return obj


@dataclass
class _Leaves:
    """The page tree's leaf pages in order with their inherited resources, each read once however
    often the tree lists it, and what was noted of the tree on the way."""

    pages: list[tuple[dict, object]] = field(default_factory=list)
    notes: list[tuple[int | None, str]] = field(default_factory=list)
    seen: dict[int, int] = field(default_factory=dict)  # a leaf's object → its page number

    def add(self, objid: int, node: dict, resources: object) -> None:
        if objid in self.seen:
            self.notes.append((len(self.pages) + 1, f"the page tree lists page {self.seen[objid]} a second time; "
                                                    "it was read once"))
            return
        self.seen[objid] = len(self.pages) + 1
        self.pages.append((node, resources))

    def check_count(self, declared: object) -> None:
        """A /Count that disagrees with the pages listed is noted; the listed pages are read."""
        if isinstance(declared, int) and declared != len(self.pages):
            self.notes.append((None, f"the page tree says it holds {declared} pages (/Count) but lists {len(self.pages)}; "
                                     f"the {len(self.pages)} listed were read"))


def _page_tree(path: Path, doc: PDFDocument, root: object) -> tuple[list[tuple[dict, object]], list]:
    """Leaf pages in order with their inherited resources, walked without recursion; a node met
    again on its own path is a loop, a leaf met again is a page listed twice."""
    leaves = _Leaves()
    if not isinstance(root, PDFObjRef):
        return leaves.pages, leaves.notes
    declared = None
    stack: list[tuple[PDFObjRef, object, tuple[int, ...]]] = [(root, None, ())]
    while stack:
        ref, inherited, ancestors = stack.pop()
        node = _tree_node(path, doc, ref, ancestors)
        if node is None:
            continue
        resources = node.get("Resources", inherited)
        if not _lists_pages(node):
            leaves.add(ref.objid, node, resources)
            continue
        declared = node.get("Count") if declared is None else declared
        kids = _kid_refs(path, doc, node, len(leaves.pages) + len(stack))
        stack += [(kid, resources, (*ancestors, ref.objid)) for kid in kids]
    leaves.check_count(declared)
    return leaves.pages, leaves.notes


def _tree_node(path: Path, doc: PDFDocument, ref: PDFObjRef, ancestors: tuple[int, ...]) -> dict | None:
    """The page tree node `ref` names, or None when it cannot be read or is no dictionary. A node
    among its own ancestors is a loop: refused."""
    if ref.objid in ancestors:
        raise DamagedInput(path, f"damaged: the page tree loops (object {ref.objid} lists itself among its "
                                 "own pages); refused rather than walked forever")
    try:
        node = _resolve(doc, ref)
    except Exception:
        return None
    return node if isinstance(node, dict) else None


def _lists_pages(node: dict) -> bool:
    """An inner node of the page tree: typed /Pages, or holding /Kids without being typed /Page."""
    return node.get("Type") is LITERAL_PAGES or (node.get("Kids") is not None and node.get("Type") is not LITERAL_PAGE)


def _kid_refs(path: Path, doc: PDFDocument, node: dict, listed: int) -> list[PDFObjRef]:
    """The node's kids last first, as the walk's stack pops them; none when /Kids is no array.
    More pages than the budget, with the `listed` ones found or waiting, are refused."""
    kids = _resolve(doc, node.get("Kids"))
    if not isinstance(kids, list):
        return []
    if len(kids) + listed > limits.max_pages:
        raise OverBudget(path, f"the page tree lists more than {limits.max_pages} pages; refused")
    return [kid for kid in reversed(kids) if isinstance(kid, PDFObjRef)]


def _content_size(doc: PDFDocument, page: dict, resources: object, budget: int) -> tuple[int, bool]:
    """Decoded bytes of a page's content streams and the forms its resources hold (each form once),
    decoding no further than the budget; and whether any stream failed to decode."""
    streams = _resolve(doc, page.get("Contents"))
    streams = list(streams) if isinstance(streams, list) else [streams]
    queue = [(s, resources) for s in streams]
    queue += [(s, None) for s in _forms(doc, resources)]
    seen: set[int] = set()
    total, broken = 0, False
    while queue and total <= budget:
        ref, _ = queue.pop()
        objid = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
        if objid in seen:
            continue
        seen.add(objid)
        stream = _resolve(doc, ref)
        if not isinstance(stream, PDFStream):
            continue
        size, ok = _decoded_size(stream, budget - total + 1)
        total += size
        broken |= not ok
        if stream.get("Subtype") is LITERAL_FORM:
            queue += [(s, None) for s in _forms(doc, stream.get("Resources"))]
    return total, broken


def _forms(doc: PDFDocument, resources: object) -> list:
    resources = _resolve(doc, resources)
    if not isinstance(resources, dict):
        return []
    xobjects = _resolve(doc, resources.get("XObject"))
    if not isinstance(xobjects, dict):
        return []
    out = []
    for ref in xobjects.values():
        obj = _resolve(doc, ref)
        if isinstance(obj, PDFStream) and obj.get("Subtype") is LITERAL_FORM:
            out.append(ref)
    return out


def _deciphered(stream: PDFStream, data: bytes) -> bytes:
    """An encrypted file's stream bytes, decrypted with the key of the object holding them."""
    assert stream.decipher is not None and stream.objid is not None and stream.genno is not None
    return stream.decipher(stream.objid, stream.genno, data, stream.attrs)


def _decoded_size(stream: PDFStream, cap: int) -> tuple[int, bool]:
    """Size of the stream once Flate-decoded, counted up to cap; False when it does not decode."""
    data = stream.rawdata if stream.rawdata is not None else stream.data
    if data is None:
        return 0, True
    if stream.decipher and stream.rawdata is not None:
        data = _deciphered(stream, data)
    filters = [f for f, _ in stream.get_filters()]
    if not filters:
        return len(data), True
    if filters[0] not in LITERALS_FLATE_DECODE:
        return len(data), True  # other filters do not inflate much; pdfminer decodes them
    inflater = zlib.decompressobj()
    size = 0
    try:
        chunk = inflater.decompress(data, cap)
        size += len(chunk)
        while inflater.unconsumed_tail and size <= cap:
            chunk = inflater.decompress(inflater.unconsumed_tail, cap)
            size += len(chunk)
    except zlib.error:
        return size, False
    return size, size > cap or inflater.eof  # a stream that stops short lost its end


class DataLoss(logging.Handler):
    """The pages on which pdfminer said it decoded a stream with data loss."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.page: int | None = None
        self.pages: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if "data-loss" in record.getMessage().lower() and self.page is not None:
            self.pages.add(self.page)


@contextmanager
def data_loss_log() -> Iterator[DataLoss]:
    logger = logging.getLogger("pdfminer")
    handler = DataLoss()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
