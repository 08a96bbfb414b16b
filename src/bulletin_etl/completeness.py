"""Was everything read? The bulletin says so itself, redundantly: its printed page numbers run
without a gap, its enumerations (一、… 十、, 1、2、3、) and its tables' 序号 columns count up by one,
and counts in the prose ("接入 8 家医院体检中心") agree with the rows of the table they summarise.
A gap, a repeat or a disagreement is a warning naming what is missing and the page; so is a page
whose text is turned, and a page with no text layer among pages that have one. A page whose text
repeats another page's word for word (a page printed twice in a damaged file) is read once and
named with the page it repeats, so its rows are neither doubled nor lost.

Every check costs in proportion to what is printed, never to a printed number: a 序号 larger than
the rows its table's pages can hold (a year, a figure, a column whose numbers were read as one cell)
is named once and not counted to. A check that raises is a warning naming it; the others still run.

Nothing here knows a particular year's content: only the shapes of page numbers, enumerators and
sequence-number headers, and which claims count rows (schemas/claims.yaml and the claims declared in
schemas/datasets/*.yaml).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from itertools import accumulate
from typing import TypeVar

from .consistency import claims, counted_rows, run_check
from .guard import page_list
from .layout.document import Document
from .layout.furniture import furniture
from .layout.lines import TextLine
from .layout.pagefacts import PageFacts
from .layout.tables import Grid
from .layout.vocabulary import has_sentence_mark, without_numbering
from .sections.base import Context
from .text import chinese_numeral, squash
from .wording import count, quoted

Warn = Callable[[int | None, str], None]
T = TypeVar("T")

TURNED_SHARE = 0.5
"""A page most of whose characters are not set horizontally is read as turned."""

ENUMERATOR = {
    "一、": re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*、"),
    "1、": re.compile(r"^\s*(\d{1,3})\s*、"),
}
"""Item numbers that start a line, by style: a run of each style counts up from one."""

PROMISED_COUNT = re.compile(r"([一二三四五六七八九十]{1,3})件大事")
"""A title that says how many items follow ('十件大事')."""

SEQUENCE_HEADER = "序号"
DIGITS = re.compile(r"[0-9]+")
"""A 序号 cell's text (NFKC: full-width digits read as these)."""

def repeated_pages(doc: Document) -> dict[int, int]:
    """Pages whose text is another page's word for word: {copy: the first page with that text}.

    Compared is the text of every line and table cell of the page in reading order, its folio and
    running header or footer aside, so a copy that only prints another page number still counts.
    A page with nothing besides (an empty page, a page with only its running header) is not a copy
    of anything: nothing on it would be read twice."""
    texts: dict[int, list[object]] = {}
    running = furniture(doc.blocks, doc.settings)
    for block in doc.blocks:
        if id(block) in running:
            continue
        text = block.text if isinstance(block, TextLine) else \
            tuple(tuple(cell.text if cell else "" for cell in row) for row in block.slots)
        texts.setdefault(block.page, []).append(text)
    first: dict[tuple, int] = {}
    copies: dict[int, int] = {}
    for page in sorted(texts):
        key = tuple(texts[page])
        if key in first:
            copies[page] = first[key]
        else:
            first[key] = page
    return copies


def read_once(doc: Document, copies: dict[int, int]) -> Document:
    """The document without the blocks of the pages that repeat an earlier one (their facts kept,
    so pages are still counted and numbered as in the file)."""
    if not copies:
        return doc
    return dataclasses.replace(doc, blocks=[b for b in doc.blocks if b.page not in copies])


def check(doc: Document, records: dict[str, list[dict]], ctx: Context,
          copies: dict[int, int] | None = None) -> None:
    """Warn (page, message) for every sign that part of the bulletin was not read; `copies` are
    the pages read once because they repeat another (repeated_pages). Each check runs on its own:
    one that raises is a warning naming it, and the others still run."""
    def warn(page: int | None, message: str) -> None:
        ctx.warn(page, message, "incomplete")

    def run(what: str, check: Callable[..., T], *args: object) -> T | None:
        return run_check(ctx.warn, f"the completeness check of {what}", check, *args)

    copies = copies or {}
    kept = [p for p in doc.pages if p.number not in copies]
    run("repeated pages", _copies, copies, warn)
    unread = run("pages not read", _pages, doc.pages, warn) or set()
    if unread:
        run("sections lost with unread pages", _lost_sections, ctx, sorted(unread))
    run("printed page numbers", _folios, kept, unread, warn)
    run("enumerations", _enumerations, doc, warn)
    run("序号 columns", _sequences, [b for b in doc.blocks if isinstance(b, Grid)], kept, warn)
    run("row counts", _row_counts, records, warn)
    run("figures the events restate", _restated, records, warn)


def _copies(copies: dict[int, int], warn: Warn) -> None:
    """One warning per page that was repeated, naming it and its copies."""
    by_original: dict[int, list[int]] = {}
    for copy, original in sorted(copies.items()):
        by_original.setdefault(original, []).append(copy)
    for original, pages in sorted(by_original.items()):
        if len(pages) == 1:
            said = f"page {pages[0]} repeats page {original} word for word (a page printed twice); it was read once"
        else:
            said = (f"pages {page_list(pages)} repeat page {original} word for word (a page printed "
                    f"{len(pages) + 1} times); it was read once")
        warn(pages[0], said)


def _pages(pages: list[PageFacts], warn: Warn) -> set[int]:
    """Pages whose content was not (properly) read: turned, image-only, empty among text pages."""
    unread: set[int] = set()
    if not any(p.glyphs for p in pages):
        return unread
    for p in pages:
        if p.glyphs and p.turned > TURNED_SHARE * p.glyphs:
            warn(p.number, f"page {p.number} is turned ({p.turned} of its {p.glyphs} characters are not horizontal); "
                           "its content was not read in order")
            unread.add(p.number)
        elif not p.glyphs and p.images:
            warn(p.number, f"page {p.number} has no text layer (scanned?); its content was not read")
            unread.add(p.number)
        elif not p.glyphs and p.number != len(pages):
            warn(p.number, f"page {p.number} is empty (nothing drawn on it: a broken page?); "
                           "whatever it held was not read")
            unread.add(p.number)
    return unread


def _lost_sections(ctx: Context, unread: list[int]) -> None:
    """A section not found while a page could not be read was most likely on that page: lost,
    not absent."""
    for warning in ctx.warnings:
        if warning.kind == "section_not_found":
            warning.message = (f"{warning.message.split(';')[0]} — lost with page(s) {page_list(unread)}, which "
                               "could not be read; its dataset is empty")


def _folios(pages: list[PageFacts], unread: set[int], warn: Warn) -> None:
    """Printed page numbers: a gap not explained by unread pages in between, or a repeat."""
    numbered = [(p.number, p.folio) for p in pages if p.folio is not None]
    where: dict[int, list[int]] = {}
    for page, folio in numbered:
        where.setdefault(folio, []).append(page)
    for folio, found in where.items():
        if len(found) > 1:
            warn(found[1], f"printed page {folio} appears {len(found)} times (pages {page_list(found)} of the file); "
                           "a page printed more than once")
    if not numbered:
        return
    first_page, first_folio = numbered[0]
    if first_folio > first_page and first_folio > 1:  # numbering starts later than the file does
        missing = _span(1, first_folio - 1)
        warn(first_page, f"printed page {missing} not found before page {first_page} of the file; "
                         "content may be missing")
    for (page, folio), (next_page, next_folio) in zip(numbered, numbered[1:]):
        between = next_page - page - 1
        if next_folio - folio - 1 > between:
            missing = _span(folio + 1 + between, next_folio - 1)
            warn(next_page, f"printed page {missing} not found (between pages {page} and {next_page} of the file); "
                            "content may be missing")


def _span(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}–{last}"


def _enumerations(doc: Document, warn: Warn) -> None:
    """Lines that start with an item number: each style counts up by one from 一/1 — numbered
    headings ('四、2028年健康证数据统计') in a run of their own, apart from the items under them."""
    for style, pattern in ENUMERATOR.items():
        runs: dict[bool, list[tuple[int, int]]] = {False: [], True: []}  # heading? → (number, page)
        for line in doc.lines:
            number = _item_number(pattern, line.text)
            if number is not None:
                heading = is_numbered_heading(line.text)
                runs[heading] = _counted(runs[heading], number, line, style, warn)
        if style == "一、":
            _promised(doc, runs[False], warn)


ITEM_MARKS = frozenset("：:、")
"""An item names what it lists ('1、国家医院智慧服务评级：…', '…南京市和江宁区、'); a title does not."""


def is_numbered_heading(text: str) -> bool:
    """A line whose number is a heading's: after the number, no sentence mark and no item's
    colon or list comma — also a title's first line alone ('2、2021 年' / '度南京市远程医疗数据')."""
    rest = without_numbering(text)
    return bool(rest) and not has_sentence_mark(rest) and not ITEM_MARKS & set(rest)


def _item_number(pattern: re.Pattern, text: str) -> int | None:
    m = pattern.match(text)
    if not m:
        return None
    try:
        return chinese_numeral(m.group(1))
    except ValueError:
        return None


def _counted(run: list[tuple[int, int]], number: int, line: TextLine, style: str, warn: Warn) -> list[tuple[int, int]]:
    """The run with the item added; a repeat or a gap in the count is reported. Item 1 starts a new run."""
    if number == 1 or not run:
        run = []
    elif number <= run[-1][0]:  # counting again from an item already read: a repeat
        earlier = next((p for n, p in reversed(run) if n == number), run[-1][1])
        warn(line.page, f"item {_label(number, style)} appears twice (page {earlier} and page {line.page})")
    elif number != run[-1][0] + 1:
        warn(line.page, f"items {_label(run[-1][0] + 1, style)}–{_label(number - 1, style)} missing "
                        f"(after page {run[-1][1]}, before {_label(number, style)} on page {line.page})"
             if number - run[-1][0] > 2 else
             f"item {_label(run[-1][0] + 1, style)} missing (after page {run[-1][1]}, "
             f"before {_label(number, style)} on page {line.page})")
    run.append((number, line.page))
    return run


def _promised(doc: Document, run: list[tuple[int, int]], warn: Warn) -> None:
    """'十件大事' promises ten events: fewer read means the last ones are missing."""
    for line in doc.lines:
        m = PROMISED_COUNT.search(squash(line.text))
        try:
            promised = chinese_numeral(m.group(1)) if m else None
        except ValueError:  # '十十件大事': no count that reads
            promised = None
        if promised is None:
            continue
        last = max((n for n, _ in run), default=0)
        if run and last < promised:
            warn(run[-1][1], f"the title '{line.text.strip()}' promises {promised} items but the last one read is "
                             f"{_label(last, '一、')}; items {_label(last + 1, '一、')}–{_label(promised, '一、')} missing "
                             f"after page {run[-1][1]}")
        return


CHINESE = "一二三四五六七八九"


def _label(number: int, style: str) -> str:
    if style != "一、" or not 1 <= number < 100:  # '一二三、' reads as 123: said in digits
        return f"{number}、"
    if number < 10:
        return CHINESE[number - 1] + "、"
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else CHINESE[tens - 1]) + "十" + (CHINESE[ones - 1] if ones else "") + "、"


def _sequences(grids: list[Grid], pages: list[PageFacts], warn: Warn) -> None:
    """序号 columns: across a table's pages the numbers run from 1 without a gap or a repeat. A
    table is read as a set of numbers, not in reading order: side-by-side groups number across
    (1 | 2 on one line, or the left group first), and a new 1 starts the next table. A 序号 that
    cannot be a row number of its table (a year, a figure, the column's numbers read as one cell)
    is named once and left out: no gap is reckoned up to it."""
    capacity = _RowCapacity.of(grids, _printed_pages_lost(pages))
    tables: list[list[tuple[str, int]]] = []
    for printed, page in _sequence_numbers(grids):
        if _row_number(printed) == 1 or not tables:
            tables.append([])
        tables[-1].append((printed, page))
    for table in tables:
        printed_on = _row_numbers(table, capacity, warn)
        for number, where in sorted(printed_on.items()):
            if len(where) > 1:
                warn(where[1], f"table row 序号 {number} appears twice (page {where[0]} and page {where[1]})")
        for start, end, before, after in _missing_runs(printed_on, table[0][1]):
            warn(after, f"table rows 序号 {_span(start, end)} missing (between page {before} and page {after})")


LONGEST_ROW_NUMBER = 9
"""Digits a 序号 may have: no bulletin's table has a billion rows. Longer digit runs are never
converted to a number (int() of thousands of digits is slow, and refused past 4300)."""


def _row_number(printed: str) -> int | None:
    """The number a 序号 cell prints; None when it is too long to be a row number at all."""
    return int(printed) if len(printed) <= LONGEST_ROW_NUMBER else None


@dataclasses.dataclass(frozen=True)
class _RowCapacity:
    """How many numbered rows the pages of a table can hold: on a page with 序号 columns the rows
    under them (side-by-side groups each count); on any other page — turned, scanned, holding other
    content — and on each page the printed page numbers say is missing, as many as the fullest page
    numbers. So a table that goes on over a lost page still counts up to its rows after it, while a
    year or a figure in a 序号 cell (or a column read as one cell) stands out, and what the check
    ranges over stays what is printed."""

    up_to: list[int]  # [page] → the rows file pages 1…page (and the pages lost among them) can hold
    fullest: int

    @classmethod
    def of(cls, grids: Iterable[Grid], lost: dict[int, int]) -> _RowCapacity:
        rows: dict[int, int] = {}
        for grid, _, cells, first in _sequence_columns(grids):
            rows[grid.page] = rows.get(grid.page, 0) + len(cells) - first
        fullest = max(rows.values(), default=0)
        held = (rows.get(page, fullest) + lost.get(page, 0) * fullest for page in range(1, max(rows, default=0) + 1))
        return cls(list(accumulate(held, initial=0)), fullest)

    def between(self, first: int, last: int) -> int:
        """Rows file pages first…last can hold."""
        return self.up_to[last] - self.up_to[first - 1]


def _printed_pages_lost(pages: list[PageFacts]) -> dict[int, int]:
    """{file page: how many printed pages are missing right before it}, as the printed page numbers
    count them (a page lost from the file leaves a gap in them)."""
    numbered = [(p.number, p.folio) for p in pages if p.folio is not None]
    lost = {}
    for (page, folio), (next_page, next_folio) in zip(numbered, numbered[1:]):
        if next_folio - folio > next_page - page:
            lost[next_page] = (next_folio - folio) - (next_page - page)
    return lost


def _row_numbers(table: list[tuple[str, int]], capacity: _RowCapacity, warn: Warn) -> dict[int, list[int]]:
    """{number: the pages printing it} of a table's 序号 cells that can be row numbers; each one that
    cannot — larger than the rows all the table's pages can hold — is named once. (All of them, not
    those up to its own: side-by-side groups continued over a page number the left group down every
    page first, so the right group's numbers on the first page count rows printed after it.) A table
    whose first number read is not 1 may have begun on any earlier page."""
    first_page = table[0][1] if _row_number(table[0][0]) == 1 else 1
    last_page = max(page for _, page in table)
    rows = capacity.between(first_page, last_page)
    held = f"the table has at most {count(rows, 'row')}" if first_page == last_page else \
        f"the table's pages {first_page}–{last_page} hold at most {count(rows, 'row')}"
    pages: dict[int, list[int]] = {}
    for printed, page in table:
        number = _row_number(printed)
        if number is not None and number <= rows:
            pages.setdefault(number, []).append(page)
            continue
        cause = "the 序号 column may have been read as one cell" if _run_together(printed) else \
            "a year or a figure may have been read into the 序号 column"
        shown = quoted(printed, "digits")
        warn(page, f"table row 序号 {shown} on page {page} is not a row number ({held}): {cause}; not checked")
    return pages


def _run_together(printed: str) -> bool:
    """'12345678910', '3738394041': numbers counting up by one, printed as one — a 序号 column
    whose cells were read as one."""
    for width in range(1, min(LONGEST_ROW_NUMBER, len(printed) - 1) + 1):
        number, at = int(printed[:width]), width
        while at < len(printed):
            number += 1
            following = str(number)
            if not printed.startswith(following, at):
                break
            at += len(following)
        if at == len(printed):
            return True
    return False


def _missing_runs(pages: dict[int, list[int]], first_page: int) -> list[tuple[int, int, int, int]]:
    """(first, last, page before, page after) of each run of numbers missing below the largest read,
    found between neighbours in order — never by counting up to a printed number."""
    numbers = sorted(pages)
    earliest_after = list(accumulate((min(pages[n]) for n in reversed(numbers)), min))[::-1]
    runs: list[tuple[int, int, int, int]] = []
    latest_before: int | None = None  # the last page printing a number below the run
    previous = 0
    for number, after in zip(numbers, earliest_after):
        if number > previous + 1:
            runs.append((previous + 1, number - 1, first_page if latest_before is None else latest_before, after))
        latest_before = max(pages[number] if latest_before is None else [latest_before, *pages[number]])
        previous = number
    return runs


def _sequence_columns(grids: Iterable[Grid]) -> Iterable[tuple[Grid, int, list[str], int]]:
    """(grid, column, its cells' text, the first row holding a number) of every 序号 column."""
    for grid in grids:
        for col in range(grid.n_cols):
            cells = [squash(slot.text) if (slot := row[col]) else "" for row in grid.slots]
            first = next((i for i, c in enumerate(cells) if DIGITS.fullmatch(c)), None)
            if first is not None and SEQUENCE_HEADER in "".join(cells[:first]):
                yield grid, col, cells, first


def _sequence_numbers(grids: Iterable[Grid]) -> Iterable[tuple[str, int]]:
    """(the digits printed, page) of every 序号 cell, a cell merged over several rows once."""
    for grid, col, cells, first in _sequence_columns(grids):
        for r in range(first, len(cells)):
            merged = r > 0 and grid.slots[r][col] is grid.slots[r - 1][col]  # one cell over several rows
            if DIGITS.fullmatch(cells[r]) and not merged:
                yield cells[r], grid.page


def _row_counts(records: dict[str, list[dict]], warn: Warn) -> None:
    """A count printed in the prose or a note that is larger than the rows the table gave."""
    metrics = counted_rows()
    for row in records.get("consistency", []):
        dataset = metrics.get(row["metric"])
        if dataset is None or row["printed"] is None or row["expected"] is None:
            continue
        printed, rows = Decimal(row["printed"]), Decimal(row["expected"])
        if printed > rows:
            warn(row["source_page"], f"{dataset}: {row['subject']} (page {row['source_page']}) counts {printed} but "
                                     f"{rows} rows were read; {printed - rows} row(s) missing?")


def _restated(records: dict[str, list[dict]], warn: Warn) -> None:
    """A figure the events restate from a note or a table that was not read: the note or the
    table (or the page holding it) is missing."""
    notes = {t["metric"] for t in records.get("totals", []) if t.get("source") == "note"}
    for event in records.get("events", []):
        text = f"{event['title']}。{event['body']}"
        for claim in claims():
            compare = claim["compare"]
            if "totals" in compare:
                found, what = compare["totals"] in notes, f"no note under a table gives {compare['totals']}"
            elif "rows_of" in compare:
                found, what = bool(records.get(compare["rows_of"])), f"no {compare['rows_of']} table was read"
            else:
                continue
            m = re.search(claim["pattern"], text)
            if m and not found:
                warn(event.get("source_page"), f"event {event['number_zh']} states '{m.group(0)}' but {what}; "
                                               "a note, a table or a page may be missing")
