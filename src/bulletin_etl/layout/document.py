"""A PDF → one document flow: text lines and table grids in reading order, page furniture gone.

`load` resolves the layout settings (settings.py) and hands them to every stage that reads the
pages; the Document carries them on to the stages that cut its flow (sections.cut)."""

from __future__ import annotations

import errno
import hashlib
import logging
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from .. import guard
from ..errors import DamagedInput, NoTextLayer, OverBudget, UnreadableInput
from ..text import fold_glyphs
from . import trace
from .blocks import Block
from .intervals import Span
from .lines import TextLine, centre_inside
from .page_columns import continue_column, open_column, page_lines
from .pagefacts import PageFacts, page_facts
from .settings import LayoutSettings
from .tables import Grid, Layouts, UnruledTable, find_tables, page_grids
from .tables.marks import record_grids
from .vocabulary import COLOPHON, is_page_number


@dataclass
class Document:
    path: Path
    sha256: str
    n_pages: int
    blocks: list[Block]
    parser_warnings: list[tuple[int | None, str]] = field(default_factory=list)
    pages: list[PageFacts] = field(default_factory=list)  # for the completeness checks
    settings: LayoutSettings = field(kw_only=True)  # what every stage was given, passed on to those after load

    @property
    def lines(self) -> list[TextLine]:
        return [b for b in self.blocks if isinstance(b, TextLine)]


def _top(block: Block) -> float:
    return block.top if isinstance(block, TextLine) else block.bbox[1]


def check_file(path: Path) -> bytes:
    """Refuse what cannot be a readable PDF before handing it to the parser: a named pipe would
    block the read forever and /dev/zero would fill the memory, so only regular files are read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UnreadableInput(path, "no such file") from None
    except PermissionError:
        raise UnreadableInput(path, "permission denied (cannot look into its folder)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableInput(path, "symlink loop (the link points back to itself)") from None
        raise UnreadableInput(path, f"cannot be opened ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput(path, "is a folder, not a PDF file")
    if not stat.S_ISREG(info.st_mode):
        kind = "a named pipe" if stat.S_ISFIFO(info.st_mode) else "a device" if stat.S_ISCHR(info.st_mode) \
            or stat.S_ISBLK(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "special"
        raise UnreadableInput(path, f"not a regular file ({kind}); give the PDF file itself")
    if info.st_size > guard.limits.max_file_bytes:
        raise OverBudget(path, f"{info.st_size // guard.MB} MB is larger than any bulletin "
                               f"(budget {guard.limits.max_file_bytes // guard.MB} MB); refused")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise UnreadableInput(path, "permission denied (the file cannot be read)") from None
    except OSError as exc:
        raise UnreadableInput(path, f"cannot be read ({exc.strerror})") from None
    if not data:
        raise UnreadableInput(path, "file is empty")
    if b"%PDF-" not in data[:1024]:
        raise UnreadableInput(path, "not a PDF (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableInput(path, "PDF is truncated (no %%EOF trailer at the end)")
    return data


@dataclass
class PageScan:
    """What one page holds before its unruled tables are read (they need every page first)."""

    number: int
    width: float
    chars: list[dict]
    grids: list[Grid]
    unruled: list[UnruledTable]
    images: int


def painted_once(chars: list[dict]) -> list[dict]:
    """A producer faking bold paints a glyph twice at one origin (a fill pass, then a stroke
    pass, possibly through two fonts whose boxes differ): the same text at the same origin is
    one character."""
    seen: set[tuple] = set()
    out = []
    for char in chars:
        matrix = char.get("matrix") or (0, 0, 0, 0, char["x0"], char["top"])
        key = (char["text"], round(matrix[4], 1), round(matrix[5], 1))
        if key not in seen:
            seen.add(key)
            out.append(char)
    return out


def scan_page(page: pdfplumber.page.Page, settings: LayoutSettings) -> PageScan:
    chars = [c for c in painted_once(page.chars) if c.get("upright", True)]
    for char in chars:
        char["text"] = fold_glyphs(char["text"])
    grids, unruled = find_tables(page, chars, settings)
    return PageScan(page.page_number, page.width, chars, grids, unruled, len(page.images))


def page_blocks(scan: PageScan, layouts: Layouts, settings: LayoutSettings,
                carried: Span | None = None) -> tuple[list[Block], Span | None]:
    """The page's blocks in reading order, and the edges of a page column its text leaves open at
    its foot (`open_column`); `carried`: the one the page before left open, which the page's first
    lines may go on (`continue_column`)."""
    grids = page_grids(scan.grids, scan.unruled, layouts, settings)
    record_grids(grids)
    free = [c for c in scan.chars if not any(centre_inside(c, g.bbox) for g in grids)]
    placed = page_lines(free, scan.number, settings, carried)
    built = [ln for _, ln in placed]
    lines = [ln for ln in built if not is_page_number(ln.text) and not COLOPHON.match(ln.text)]
    trace.record_placed("text lines", lines)
    trace.record_dropped("furniture", built, lines, "folio or contact line")
    trace.record_placed("page columns", [ln for ln in lines if ln.frame is not None], "set in a page column")
    # a line of a page column is read where its column stretch begins, column after column
    order = {id(ln): key for key, ln in placed}
    trace.record_placed("page columns", continue_column(lines, carried, settings), "goes on the page before's column")
    blocks: list[Block] = [*lines, *grids]
    return sorted(blocks, key=lambda b: order.get(id(b), (_top(b), 0, _top(b)))), open_column(lines, order)


class _Collect(logging.Handler):
    """Parser complaints, each distinct message once: a producer that embeds a CJK font as many
    Type 3 fonts makes pdfminer say the same thing once per font."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.page: int | None = None
        self.records: list[tuple[int | None, str]] = []
        self._seen: dict[str, tuple[int, int]] = {}  # message → (index in records, times said)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self._seen:
            self._seen[message] = (len(self.records), 1)
            self.records.append((self.page, message))
            return
        index, times = self._seen[message]
        self._seen[message] = (index, times + 1)
        page, _ = self.records[index]
        self.records[index] = (page, f"{message} (said {times + 1} times)")


@contextmanager
def parser_log() -> Iterator[_Collect]:
    """pdfminer logs what it could not parse; those words belong in our warnings, not on the
    user's terminal through Python's last-resort handler."""
    logger = logging.getLogger("pdfminer")
    handler = _Collect()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _read_pages(pdf: pdfplumber.PDF, log: _Collect, loss: guard.DataLoss,
                settings: LayoutSettings) -> tuple[list[PageFacts], list[Block], int]:
    """Every page read (its facts, its scan), then every page laid out once the unruled tables of
    all of them have taught the layouts: (facts, blocks, images drawn). The log and the data-loss
    handler are told the page at hand, and so is guard.stage_started."""
    facts: list[PageFacts] = []
    scans: list[PageScan] = []
    images = 0
    layouts = Layouts(settings)
    for page in pdf.pages:
        log.page = loss.page = page.page_number
        guard.page_started(page.page_number)
        facts.append(page_facts(page.page_number, page.chars, len(page.images), (page.width, page.height), settings))
        scan = scan_page(page, settings)
        for table in scan.unruled:
            layouts.learn(table)
        scans.append(scan)
        images += scan.images
        page.close()
    blocks: list[Block] = []
    carried = None
    for scan in scans:
        log.page = scan.number
        guard.stage_started("laying out", scan.number)
        laid, carried = page_blocks(scan, layouts, settings, carried)
        blocks.extend(laid)
    return facts, blocks, images


def load(path: str | Path, settings: LayoutSettings | dict | None = None) -> Document:
    """Read every page of a bulletin PDF with the given settings (None: the defaults; a mapping:
    the fields it changes); bad input raises a one-line BulletinError."""
    path = Path(path)
    settings = LayoutSettings.resolve(settings)
    data = check_file(path)
    notes = guard.check_structure(path, data)
    log = None
    try:
        with parser_log() as log, guard.data_loss_log() as loss, pdfplumber.open(path) as pdf:
            n_pages = len(pdf.pages)
            if n_pages == 0:
                raise DamagedInput(path, "damaged: the PDF lists no pages")
            facts, blocks, images = _read_pages(pdf, log, loss, settings)
    except (UnreadableInput, NoTextLayer, OverBudget, MemoryError, RecursionError):
        raise
    except Exception as exc:  # pdfminer raises many private exception types on corrupt files
        raise _unreadable(path, exc, log.page if log is not None else None) from exc
    if loss.pages:
        raise DamagedInput(path, f"damaged: streams on page(s) {guard.page_list(sorted(loss.pages))} decode with "
                                 "data loss (corrupt compressed data); their text cannot be trusted", min(loss.pages))
    unmapped = [f.number for f in facts if f.unmapped]
    if unmapped:
        count = sum(f.unmapped for f in facts)
        raise DamagedInput(path, f"no text mapping (needs OCR): {count} glyph(s) on page(s) {guard.page_list(unmapped)} "
                                 "have no Unicode mapping and read as '(cid:N)'", unmapped[0])
    if not blocks:
        if log.records:
            page, message = log.records[0]
            raise DamagedInput(path, f"damaged: cannot be read as a PDF (damaged content: {message[:80]})", page)
        if images:
            raise NoTextLayer(path, f"no text layer on any of its {n_pages} pages (scanned images?); OCR it first")
        raise NoTextLayer(path, f"all {n_pages} pages are blank")
    return Document(path=path, sha256=hashlib.sha256(data).hexdigest(), n_pages=n_pages, blocks=blocks,
                    parser_warnings=notes + log.records, pages=facts, settings=settings)


def _unreadable(path: Path, exc: Exception, page: int | None) -> UnreadableInput:
    """pdfplumber wraps pdfminer's exception; the wrapped one says what is wrong."""
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], Exception) \
        else exc
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
        return DamagedInput(path, "password-protected (it needs a password to open); save an unprotected copy")
    detail = str(inner)[:80] if isinstance(inner, PDFSyntaxError | PSException | ValueError | KeyError | TypeError) else ""
    return DamagedInput(path, f"damaged: cannot be read as a PDF ({type(inner).__name__}{': ' + detail if detail else ''})",
                        page)
