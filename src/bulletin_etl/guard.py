"""Budgets and structure checks made before pdfminer walks a PDF, so that a hostile or damaged file
is refused with a one-line reason instead of hanging the parser or eating the machine.

What is checked here, on the raw objects (nothing is laid out yet):
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
from dataclasses import dataclass
from pathlib import Path

from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
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
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect:
        raise DamagedInput(path, "password-protected (it needs a password to open); save an unprotected copy") from None
    except PDFEncryptionError as exc:
        raise DamagedInput(path, f"password-protected or encrypted in a way that cannot be read ({exc})") from None
    except Exception:  # pdfplumber will say what it makes of the damage, with its own words
        return []
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


def _page_tree(path: Path, doc: PDFDocument, root: object) -> tuple[list[tuple[dict, object]], list]:
    """Leaf pages in order with their inherited resources, walked without recursion; a node met
    again on its own path is a loop, a leaf met again is a page listed twice."""
    pages: list[tuple[dict, object]] = []
    notes: list[tuple[int | None, str]] = []
    seen_leaves: dict[int, int] = {}
    if not isinstance(root, PDFObjRef):
        return pages, notes
    declared = None
    stack: list[tuple[PDFObjRef, object, tuple[int, ...]]] = [(root, None, ())]
    while stack:
        ref, inherited, ancestors = stack.pop()
        if ref.objid in ancestors:
            raise DamagedInput(path, f"damaged: the page tree loops (object {ref.objid} lists itself among its "
                                     "own pages); refused rather than walked forever")
        try:
            node = _resolve(doc, ref)
        except Exception:
            continue
        if not isinstance(node, dict):
            continue
        resources = node.get("Resources", inherited)
        kids = node.get("Kids")
        if node.get("Type") is LITERAL_PAGES or (kids is not None and node.get("Type") is not LITERAL_PAGE):
            if declared is None:
                declared = node.get("Count")
            kids = _resolve(doc, kids)
            if not isinstance(kids, list):
                continue
            if len(kids) + len(pages) + len(stack) > limits.max_pages:
                raise OverBudget(path, f"the page tree lists more than {limits.max_pages} pages; refused")
            for kid in reversed(kids):
                if isinstance(kid, PDFObjRef):
                    stack.append((kid, resources, (*ancestors, ref.objid)))
            continue
        if ref.objid in seen_leaves:
            notes.append((len(pages) + 1, f"the page tree lists page {seen_leaves[ref.objid]} a second time; "
                                          "it was read once"))
            continue
        seen_leaves[ref.objid] = len(pages) + 1
        pages.append((node, resources))
    if isinstance(declared, int) and declared != len(pages):
        notes.append((None, f"the page tree says it holds {declared} pages (/Count) but lists {len(pages)}; "
                            f"the {len(pages)} listed were read"))
    return pages, notes


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


def _decoded_size(stream: PDFStream, cap: int) -> tuple[int, bool]:
    """Size of the stream once Flate-decoded, counted up to cap; False when it does not decode."""
    data = stream.rawdata if stream.rawdata is not None else stream.data
    if data is None:
        return 0, True
    if stream.decipher and stream.rawdata is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
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


class _DataLoss(logging.Handler):
    """The pages on which pdfminer said it decoded a stream with data loss."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.page: int | None = None
        self.pages: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if "data-loss" in record.getMessage().lower() and self.page is not None:
            self.pages.add(self.page)


@contextmanager
def data_loss_log() -> Iterator[_DataLoss]:
    logger = logging.getLogger("pdfminer")
    handler = _DataLoss()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
