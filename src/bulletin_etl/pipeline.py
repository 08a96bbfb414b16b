"""The only loop: read a bulletin → find its sections → extract → validate. Writing is output.py.

A dataset that fails its schema does not stop the others: it is returned as a SchemaFailure
(which values, on which page, from which section) and the caller decides — write the rest, or,
with --strict, nothing."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.errors

from . import completeness, guard, identity
from .consistency import reconcile, run_check
from .errors import NotABulletin
from .layout import document, trace
from .layout.sections import SectionText, cut
from .layout.settings import LayoutSettings
from .layout.vocabulary import MASTHEAD, without_numbering
from .names import Gazetteer
from .schemas import BadRecords, per_bulletin, schema
from .sections import IGNORED_HEADINGS, SECTIONS, TITLE_PATTERNS
from .sections.base import Context, Section, Warning_
from .sections.masthead import Masthead, read_masthead
from .sections.recognition import decide, moved_table, title_matches, unplaced_table
from .sections.titles import TitleMatch
from .text import YEAR, squash
from .wording import count

Progress = Callable[[str], None]

TITLE_YEAR = re.compile(rf"(?:({YEAR})年|[（(]({YEAR})[)）])")


MAX_FAILURE_CASES = 5
"""Failing values shown per dataset; the rest are counted."""


@dataclass(frozen=True)
class FailureCase:
    """One value (or row) that broke a check: where it was printed and what it was."""

    column: str | None
    check: str
    value: str
    page: int | None
    section: str | None

    def as_dict(self) -> dict:
        return {"column": self.column, "check": self.check, "value": self.value, "page": self.page,
                "section": self.section}


@dataclass(frozen=True)
class SchemaFailure:
    """A dataset of one bulletin that failed its schema and was therefore not written."""

    file: str
    dataset: str
    cases: tuple[FailureCase, ...]
    more: int = 0  # failing values beyond those in cases
    # a gathered dataset (pipeline.is_gathered) written without the rows of these sections' datasets,
    # its other rows written; empty: the dataset was not written at all
    written_without: tuple[str, ...] = ()

    @property
    def pages(self) -> list[int]:
        return sorted({c.page for c in self.cases if c.page is not None})

    @property
    def sections(self) -> list[str]:
        return sorted({c.section for c in self.cases if c.section})

    def __str__(self) -> str:
        return self.located(self.file)

    def located(self, file: str | Path) -> str:
        """The failure as one line, naming the file as given (the path the user typed)."""
        where = [str(file)]
        if self.pages:
            where.append("page " + ", ".join(map(str, self.pages)))
        if self.sections:
            where.append("section " + ", ".join(self.sections))
        shown = "; ".join(f"{c.column or '(row)'}: {c.check} failed for {c.value}" for c in self.cases)
        more = f"; and {self.more} more" if self.more else ""
        return f"{': '.join(where)}: dataset {self.dataset} failed its schema ({shown}{more})"

    def as_dict(self) -> dict:
        return {"file": self.file, "dataset": self.dataset, "pages": self.pages, "sections": self.sections,
                "cases": [c.as_dict() for c in self.cases], "more_cases": self.more,
                "written_without": list(self.written_without)}


@dataclass
class BulletinResult:
    path: Path
    sha256: str
    pages: int
    year: int
    frames: dict[str, pd.DataFrame]  # the datasets that passed their schema
    warnings: list[Warning_] = field(default_factory=list)
    sections_found: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # step → seconds
    failures: list[SchemaFailure] = field(default_factory=list)  # the datasets that did not
    settings: dict[str, object] = field(default_factory=dict)  # the layout settings changed from the defaults


def recognise(pieces: list[SectionText], ctx: Context) -> list[tuple[Section, SectionText]]:
    """Each piece's section: the one its title names, or, where the title names none or two, the
    one its content shows (sections/recognition.py) among those no title names."""
    titled = [title_matches(SECTIONS, piece.title) for piece in pieces]
    unnamed = [s for s in SECTIONS if not any(m.section == s.name for ms in titled for m in ms)]
    found: list[tuple[Section, SectionText]] = []
    for piece, matches in zip(pieces, titled):
        for section, part in _parts_of(piece, _section_of(piece, matches, unnamed, ctx), unnamed, ctx):
            if any(s is section for s, _ in found):
                ctx.warn(part.page, f"section {section.name} appears a second time ({part.title!r}); the first one "
                                    "was used", "duplicate_section")
                continue
            found.append((section, part))
    _record_headings(pieces, found)
    return found


def _parts_of(piece: SectionText, section: Section | None, unnamed: list[Section],
              ctx: Context) -> list[tuple[Section, SectionText]]:
    """The piece's parts and their sections: the piece under its section, split where a table
    under it is another section's (`moved_table`); of a piece no section places, only such a
    table (`unplaced_table`)."""
    if section is None:
        unplaced = unplaced_table(piece, unnamed, ctx)
        return [] if unplaced is None else [unplaced]
    moved = moved_table(section, piece, unnamed, ctx)
    return [(section, piece)] if moved is None else [(section, moved[0]), moved[1]]


def _section_of(piece: SectionText, matches: list[TitleMatch], unnamed: list[Section], ctx: Context) -> Section | None:
    """The piece's section, or None; a heading neither its words nor its content place is reported
    (the part title '统计数据' and the colophon only when a table under them is placed)."""
    ignored = not matches and any(re.search(p, without_numbering(piece.title)) for p in IGNORED_HEADINGS)
    if ignored and not piece.tables():
        return None
    section = decide(piece, matches, unnamed, SECTIONS, ctx)
    if section is None and not matches and not ignored:
        tables = piece.tables()
        headed = f" (a table headed {' | '.join(' / '.join(p) for p in tables[0].header_paths)!r})" if tables else ""
        ctx.warn(piece.page, f"unrecognised section heading {piece.title!r}{headed}; its content was not extracted",
                 "unknown_heading")
    return section


def _record_headings(pieces: list[SectionText], found: list[tuple[Section, SectionText]]) -> None:
    """The headings the sections were cut at, for `inspect`: those a section claims, and the others."""
    if not trace.active():
        return
    claimed = [piece for _, piece in found]
    trace.record_placed("section headings", (p.heading for p in claimed if p.heading))
    ids = {id(p) for p in claimed}
    trace.record_placed("unrecognised headings", (p.heading for p in pieces if p.heading and id(p) not in ids))


def bulletin_year(found: list[tuple[Section, SectionText]], issue_year: int | None, ctx: Context) -> int:
    years = Counter(
        int(a or b) for _, piece in found for a, b in TITLE_YEAR.findall(without_numbering(piece.title))
    )
    if years:
        year, _ = years.most_common(1)[0]
        for other in sorted(set(years) - {year}):
            ctx.warn(None, f"section titles name the year {other}, most name {year}; {year} is used", "year_mismatch")
    elif issue_year is not None:
        year = issue_year - 1
        ctx.warn(None, f"no year in any section title; using the year before the masthead date: {year}",
                 "year_inferred")
    else:
        raise NotABulletin(ctx.file, "cannot tell which year the bulletin covers (no year in titles or masthead)")
    if issue_year is not None and issue_year not in (year, year + 1):
        ctx.warn(None, f"masthead is dated {issue_year}, but the sections cover {year}", "year_mismatch")
    return year


DATE_LINE = re.compile(r"\d\s*年\s*\d{1,2}\s*月")
SENTENCE = re.compile(r"[，。；：,;]")


def peek_year(path: str | Path) -> int | None:
    """The year a bulletin covers as its first page's titles say it — short lines without sentence
    punctuation naming a year ('2024 年度南京市卫生信息中心十件大事'), the masthead date aside.
    Cheap enough to run on every file before extracting any; None where the page does not tell."""
    import pdfplumber

    try:
        guard.check_structure(Path(path), document.check_file(Path(path)))  # no pipe, bomb or loop
        with guard.quiet_parser(), pdfplumber.open(path, pages=[1]) as pdf:
            text = pdf.pages[0].extract_text() or ""
    except Exception:  # an unreadable file is reported by extract(), in its own words
        return None
    # the masthead's line names the year of issue, not the year covered, even when set so large
    # that its date wraps ('… 编印 2022 年' / '2 月 5 日')
    years = Counter(
        int(a or b) for line in text.splitlines()
        if not SENTENCE.search(line) and not DATE_LINE.search(line) and not MASTHEAD.search(squash(line))
        for a, b in TITLE_YEAR.findall(squash(line))
    )
    return years.most_common(1)[0][0] if years else None


def extract(path: str | Path, progress: Progress = lambda message: None,
            settings: LayoutSettings | None = None) -> BulletinResult:
    """Read one bulletin into validated DataFrames, laid out with the given settings (None: the
    defaults); raises a BulletinError on bad input. Each stage after the pages are read is
    announced (guard.stage_started): a budget that runs out names it."""
    clock = time.perf_counter()
    timings: dict[str, float] = {}
    doc = document.load(path, settings)
    ctx = Context(file=doc.path, year=0, gazetteer=Gazetteer.curated())
    # a page printed twice is read once, before sections are cut: read twice, its rows would
    # repeat their keys and fail the schema (and, printed three times, its top and foot lines
    # would pass for running headers); check() names it with the page it repeats
    guard.stage_started("the search for repeated pages")
    copies = run_check(ctx.warn, "the search for repeated pages", completeness.repeated_pages, doc) or {}
    doc = completeness.read_once(doc, copies)
    timings["read PDF and layout"] = time.perf_counter() - clock
    progress(f"  {count(doc.n_pages, 'page')} read")  # under the caller's line naming the file
    guard.stage_started("the search for sections")
    found, masthead = _find_sections(doc, ctx)
    records = _read_sections(found, ctx, timings, progress)
    identity.add_institution_ids(records, with_institution_ids(), ctx.gazetteer)
    clock = time.perf_counter()
    guard.stage_started("the consistency checks")
    records["consistency"] = reconcile(records, ctx.warn)
    guard.stage_started("the completeness checks")
    completeness.check(doc, records, ctx, copies)
    timings["consistency checks"] = time.perf_counter() - clock
    records["bulletins"] = [{
        "issuer": masthead.issuer, "issue_date": masthead.issue_date, "source_file": doc.path.name,
        "sha256": doc.sha256, "pages": doc.n_pages,
    }]
    guard.stage_started("the validation of the datasets")
    clock = time.perf_counter()
    frames, failures = validate(records, ctx)
    timings["validation"] = time.perf_counter() - clock
    return BulletinResult(doc.path, doc.sha256, doc.n_pages, ctx.year, frames, ctx.warnings,
                          [s.name for s, _ in found], timings, failures, doc.settings.changed())


def _find_sections(doc: document.Document, ctx: Context) -> tuple[list[tuple[Section, SectionText]], Masthead]:
    """The sections recognised and the masthead; the year they cover is set on ctx."""
    pieces = cut(doc, TITLE_PATTERNS)
    for page, message in doc.parser_warnings:
        ctx.warn(page, f"PDF parser: {message}", "parser")
    found = recognise(pieces[1:], ctx)
    if not found:
        raise NotABulletin(doc.path, "no bulletin section recognised (is this a health-information bulletin?)")
    masthead = read_masthead(pieces[0], ctx)
    ctx.year = bulletin_year(found, masthead.issue_date.year if masthead.issue_date else None, ctx)
    return found, masthead


def _read_sections(found: list[tuple[Section, SectionText]], ctx: Context, timings: dict[str, float],
                   progress: Progress) -> dict[str, list[dict]]:
    """Every dataset's records from the sections found (those that need the gazetteer last, once
    the tables have named their institutions); a section not found is a warning."""
    records: dict[str, list[dict]] = {name: [] for name in per_bulletin()}
    for section in sorted((s for s, _ in found), key=lambda s: s.uses_gazetteer):
        piece = next(p for s, p in found if s is section)
        if section.uses_gazetteer:
            _names_from_tables(records, ctx.gazetteer)
        guard.stage_started(f"the reading of section {section.name}")
        ctx.section = section.name
        before = len(ctx.warnings)
        clock = time.perf_counter()
        for dataset, rows in section.extract(piece, ctx).items():
            records[dataset].extend(rows)
        timings[f"section {section.name}"] = time.perf_counter() - clock
        read = len(records[section.datasets[0]])
        progress(f"  {section.name}: {count(read, 'row')}, page {piece.page}"
                 + (f", {count(len(ctx.warnings) - before, 'warning')}" if len(ctx.warnings) > before else ""))
    ctx.section = ""
    for section in SECTIONS:
        if not any(s is section for s, _ in found):
            ctx.warn(None, f"section {section.name} not found; its dataset is empty for {ctx.year}", "section_not_found")
    return records


def _names_from_tables(records: dict[str, list[dict]], gazetteer: Gazetteer) -> None:
    for rows in records.values():
        gazetteer.add((r["institution"] for r in rows if r.get("institution")), "institution")
        gazetteer.add((r["district"] for r in rows if r.get("district")), "district")


def validate(records: dict[str, list[dict]], ctx: Context) -> tuple[dict[str, pd.DataFrame], list[SchemaFailure]]:
    """Every dataset checked against its schema: those that pass, and what failed in the others. A
    dataset gathered from several sections (`is_gathered`: totals, printed_figures, consistency)
    that fails is written without the rows of the sections that fail it (`without_failing_sources`),
    the others' rows kept."""
    frames, failures = {}, []
    for name, rows in records.items():
        frame, failure = _validated(name, rows, ctx)
        if failure is not None and is_gathered(name):
            frame, failure = without_failing_sources(name, rows, ctx, failure)
        if frame is not None:
            frames[name] = frame
        if failure is not None:
            failures.append(failure)
    return frames, failures


def with_institution_ids() -> set[str]:
    """The datasets naming institutions: each row's `institution_id` is derived from its name."""
    return {name for name, spec in per_bulletin().items() if "institution_id" in spec.column_names}


def is_gathered(dataset: str) -> bool:
    """A dataset whose rows come from several sections, each row naming its own: its key has the
    column `dataset`."""
    return "dataset" in schema(dataset).key


def without_failing_sources(name: str, rows: list[dict], ctx: Context,
                            failure: SchemaFailure) -> tuple[pd.DataFrame | None, SchemaFailure]:
    """The gathered dataset without the rows of the sections (values of its `dataset` column) whose
    rows fail the schema on their own, and the failure saying which were left out; nothing (and
    the failure as it was) when every source fails or what is left still fails."""
    sources = list(dict.fromkeys(row.get("dataset") for row in rows))
    failing = {s for s in sources if _validated(name, [r for r in rows if r.get("dataset") == s], ctx)[1] is not None}
    kept = [r for r in rows if r.get("dataset") not in failing]
    frame, still = _validated(name, kept, ctx) if failing and kept else (None, failure)
    if frame is None or still is not None:
        return None, failure
    return frame, replace(failure, written_without=tuple(str(s) for s in sources if s in failing))


def _validated(name: str, rows: list[dict], ctx: Context) -> tuple[pd.DataFrame | None, SchemaFailure | None]:
    """The dataset's frame when its rows pass the schema, or what failed."""
    spec = schema(name)
    records_of_year = [{"year": ctx.year, **row} for row in rows]
    try:
        return spec.pandera().validate(spec.frame(records_of_year), lazy=True), None
    except BadRecords as exc:  # a value that does not even convert to the column's type
        cases = [_case(name, exc.column, exc.check, value, records_of_year[i]) for i, value in exc.cases]
    except pandera.errors.SchemaErrors as exc:
        cases = _schema_cases(name, exc, records_of_year)
    return None, SchemaFailure(ctx.file.name, name, tuple(cases[:MAX_FAILURE_CASES]),
                               max(0, len(cases) - MAX_FAILURE_CASES))


def _schema_cases(name: str, exc: pandera.errors.SchemaErrors, records_of_year: list[dict]) -> list[FailureCase]:
    """pandera's failure cases, one per repeated key rather than one per key column of each row."""
    spec = schema(name)
    cases, repeated = [], set()
    for _, c in exc.failure_cases.iterrows():
        row = _row(records_of_year, c.get("index"))
        if c.get("check") == "multiple_fields_uniqueness":
            key = tuple(row.get(k) for k in spec.key)
            if row and key not in repeated:
                repeated.add(key)
                cases.append(_case(name, None, f"unique key ({', '.join(spec.key)})", key, row))
            continue
        column = c.get("column")
        cases.append(_case(name, column if isinstance(column, str) else None, str(c.get("check")),
                           c.get("failure_case"), row))
    return cases


def _row(records: list[dict], index: Any) -> dict:
    """The record a pandera failure points at (none for a failure of a whole column)."""
    try:
        return records[int(index)]
    except (TypeError, ValueError, IndexError):  # None or NaN: no row
        return {}


def _case(dataset: str, column: str | None, check: str, value: object, row: dict) -> FailureCase:
    # a gathered dataset's rows (totals, printed_figures, consistency) name the dataset (= section) they
    # come from; others have one section.
    section = row.get("dataset") if is_gathered(dataset) else schema(dataset).section
    page = row.get("source_page")
    return FailureCase(column, check, repr(value), int(page) if isinstance(page, int) else None, section)
