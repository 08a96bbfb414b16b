"""The only loop: read a bulletin → find its sections → extract → validate. Writing is output.py."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.errors

from .consistency import reconcile
from .errors import NotABulletin, ValidationFailed
from .layout import document
from .layout.sections import SectionText, cut
from .names import Gazetteer
from .schemas import all_schemas, schema
from .sections import IGNORED_HEADINGS, SECTIONS
from .sections.base import Context, Section, Warning_, matches_title
from .sections.masthead import read_masthead
from .text import YEAR, squash

Progress = Callable[[str], None]

TITLE_YEAR = re.compile(rf"(?:({YEAR})年|[（(]({YEAR})[)）])")


@dataclass
class BulletinResult:
    path: Path
    sha256: str
    pages: int
    year: int
    frames: dict[str, pd.DataFrame]
    warnings: list[Warning_] = field(default_factory=list)
    sections_found: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # step → seconds


def recognise(pieces: list[SectionText], ctx: Context) -> list[tuple[Section, SectionText]]:
    found: list[tuple[Section, SectionText]] = []
    for piece in pieces:
        section = next((s for s in SECTIONS if matches_title(s, piece.title)), None)
        if section is None:
            if not any(re.search(p, squash(piece.title)) for p in IGNORED_HEADINGS):
                ctx.warn(piece.page, f"unrecognised section heading {piece.title!r}; its content was not extracted")
            continue
        if any(s is section for s, _ in found):
            ctx.warn(piece.page, f"section {section.name} appears a second time ({piece.title!r}); the first one was used")
            continue
        found.append((section, piece))
    return found


def bulletin_year(found: list[tuple[Section, SectionText]], issue_year: int | None, ctx: Context) -> int:
    years = Counter(
        int(a or b) for _, piece in found for a, b in TITLE_YEAR.findall(squash(piece.title))
    )
    if years:
        year, _ = years.most_common(1)[0]
        for other in sorted(set(years) - {year}):
            ctx.warn(None, f"section titles name the year {other}, most name {year}; {year} is used")
    elif issue_year is not None:
        year = issue_year - 1
        ctx.warn(None, f"no year in any section title; using the year before the masthead date: {year}")
    else:
        raise NotABulletin(ctx.file, "cannot tell which year the bulletin covers (no year in titles or masthead)")
    if issue_year is not None and issue_year not in (year, year + 1):
        ctx.warn(None, f"masthead is dated {issue_year}, but the sections cover {year}")
    return year


def extract(path: str | Path, progress: Progress = lambda message: None) -> BulletinResult:
    """Read one bulletin into validated DataFrames; raises a BulletinError on bad input."""
    clock = time.perf_counter()
    timings: dict[str, float] = {}
    doc = document.load(path)
    timings["read PDF and layout"] = time.perf_counter() - clock
    progress(f"{doc.path.name}: {doc.n_pages} pages read")
    pieces = cut(doc)
    ctx = Context(file=doc.path, year=0, gazetteer=Gazetteer.curated())
    for page, message in doc.parser_warnings:
        ctx.warn(page, f"PDF parser: {message}")
    found = recognise(pieces[1:], ctx)
    if not found:
        raise NotABulletin(doc.path, "no bulletin section recognised (is this a health-information bulletin?)")
    masthead = read_masthead(pieces[0], ctx)
    ctx.year = bulletin_year(found, masthead.issue_date.year if masthead.issue_date else None, ctx)

    records: dict[str, list[dict]] = {name: [] for name in all_schemas()}
    for section in sorted((s for s, _ in found), key=lambda s: getattr(s, "needs_gazetteer", False)):
        piece = next(p for s, p in found if s is section)
        if getattr(section, "needs_gazetteer", False):
            _names_from_tables(records, ctx.gazetteer)
        ctx.section = section.name
        before = len(ctx.warnings)
        clock = time.perf_counter()
        for dataset, rows in section.extract(piece, ctx).items():
            records[dataset].extend(rows)
        timings[f"section {section.name}"] = time.perf_counter() - clock
        rows = len(records[section.datasets[0]])
        progress(f"  {section.name}: {rows} rows, page {piece.page}"
                 + (f", {len(ctx.warnings) - before} warnings" if len(ctx.warnings) > before else ""))
    ctx.section = ""
    for section in SECTIONS:
        if not any(s is section for s, _ in found):
            ctx.warn(None, f"section {section.name} not found; its dataset is empty for {ctx.year}")
    clock = time.perf_counter()
    records["consistency"] = reconcile(records)
    timings["consistency checks"] = time.perf_counter() - clock
    records["bulletins"] = [{
        "issuer": masthead.issuer, "issue_date": masthead.issue_date, "source_file": doc.path.name,
        "sha256": doc.sha256, "pages": doc.n_pages,
    }]
    clock = time.perf_counter()
    frames = validate(records, ctx)
    timings["validation"] = time.perf_counter() - clock
    return BulletinResult(doc.path, doc.sha256, doc.n_pages, ctx.year, frames, ctx.warnings,
                          [s.name for s, _ in found], timings)


def _names_from_tables(records: dict[str, list[dict]], gazetteer: Gazetteer) -> None:
    for rows in records.values():
        gazetteer.add((r["institution"] for r in rows if r.get("institution")), "institution")
        gazetteer.add((r["district"] for r in rows if r.get("district")), "district")


def validate(records: dict[str, list[dict]], ctx: Context) -> dict[str, pd.DataFrame]:
    """Every dataset checked against its schema, all failures collected before giving up."""
    frames, failures = {}, []
    for name, rows in records.items():
        spec = schema(name)
        frame = spec.frame([{"year": ctx.year, **row} for row in rows])
        try:
            frames[name] = spec.pandera().validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            for _, case in cases.head(5).iterrows():
                failures.append(f"{name}.{case.get('column')}: {case.get('check')} failed for {case.get('failure_case')!r}")
            if len(cases) > 5:
                failures.append(f"{name}: {len(cases) - 5} more failures")
    if failures:
        raise ValidationFailed(ctx.file, f"{len(failures)} schema failure(s): " + "; ".join(failures))
    return frames
