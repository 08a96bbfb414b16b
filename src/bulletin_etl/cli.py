"""bulletin-etl — turn statistical bulletin PDFs into validated, partitioned Parquet datasets.

  bulletin-etl extract                      every *.pdf in raw/ → output/
  bulletin-etl extract raw/2025.pdf --out data
  bulletin-etl extract --strict             warnings fail the run (nothing is written)
  bulletin-etl extract --settings my-settings.yaml   layout tolerances changed for an unusual bulletin
  bulletin-etl inspect raw/2025.pdf --pages 1-3,9
  bulletin-etl inspect raw/2025.pdf --pages 9 --stages   what each layout stage found, drawn
  bulletin-etl diff output --from 2024 --to 2025     what changed between two editions (--json)

Exit status: 0 written; 2 bad input or a bad argument (one line naming the file, page and section;
the output folder unchanged); 3 --strict failed (a warning of lost or uncertain data, or a schema
failure; nothing written); 4 an internal error (one line too; --debug shows the traceback); 5
written in part: a dataset failed its schema and was left out (its partitions of earlier runs
kept), every other dataset was written; 130 interrupted (Ctrl-C): the output folder unchanged, or,
when the write had begun, completed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shlex
import stat
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .entry import INTERRUPTED as EXIT_INTERRUPTED
from .entry import INTERRUPTED_BEFORE_WRITING
from .errors import BulletinError, StrictModeFailure, one_line
from .interrupts import ignore_interrupts, interrupts_held
from .wording import count, figure

if TYPE_CHECKING:
    from .layout.settings import LayoutSettings

EXIT_BAD_INPUT = 2
EXIT_STRICT = 3
EXIT_INTERNAL = 4
EXIT_PARTIAL = 5
MISMATCHES_SHOWN = 3


class UsageError(Exception):
    """A command-line argument that cannot work (not tied to one bulletin): exit 2, one line."""


class WhileReading(Exception):
    """An internal error met while one bulletin was read: the error, and the file it was read from."""

    def __init__(self, pdf: Path, error: Exception) -> None:
        super().__init__(pdf, error)
        self.pdf, self.error = pdf, error


def _print(message: str) -> None:
    """Every line the command prints: on stderr, control characters escaped (a file name holding a
    newline stays on its line)."""
    print(one_line(message), file=sys.stderr, flush=True)


def _say(quiet: bool) -> Callable[[str], None]:
    def say(message: str) -> None:
        if not quiet:
            _print(message)
    return say


def _error(message: str) -> None:
    _print(f"bulletin-etl: error: {message}")


def _pdfs(given: list[str], raw: str) -> list[Path]:
    """The PDFs to read: those given, a folder given meaning its *.pdf, none given meaning raw/."""
    pdfs: list[Path] = []
    for name in given or [raw]:
        path = Path(name)
        if path.is_dir():
            found = sorted(path.glob("*.pdf"))
            if not found:
                raise UsageError(f"no PDF given and none found in {path}/" if not given else f"{path}/ holds no *.pdf")
            pdfs.extend(found)
        elif not given:
            raise UsageError(f"no PDF given and the folder {path}/ does not exist")
        else:
            pdfs.append(path)
    return pdfs


def _same_file(path: Path) -> tuple:
    """What makes two paths one file: its device and inode (a path given twice, a folder and a
    file in it, a link), or the path itself where it cannot be looked at (the error comes later)."""
    try:
        info = path.stat()
    except OSError:
        return ("path", os.path.abspath(path))
    return ("inode", info.st_dev, info.st_ino)


def _content(path: Path) -> tuple | None:
    """The size and SHA-256 of a regular file of PDF size; None for anything else (a pipe or a
    device is never read here: check_file refuses it later, in its own words)."""
    from .guard import limits

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > limits.max_file_bytes:
            return None
        return info.st_size, hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _read_once(pdfs: list[Path], say: Callable[[str], None]) -> list[Path]:
    """Each file once: a path given twice (or a folder and a file in it) is read once, silently; a
    byte-identical copy under another name is read once and named as such."""
    if len(pdfs) < 2:  # nothing to compare: the file is not read twice for its hash
        return pdfs
    kept: list[Path] = []
    files: set[tuple] = set()
    contents: dict[tuple, Path] = {}
    for path in pdfs:
        file, content = _same_file(path), _content(path)
        if file in files:
            continue
        files.add(file)
        if content in contents:
            say(f"{path}: a byte-identical copy of {contents[content]}; read once")
            continue
        if content is not None:
            contents[content] = path
        kept.append(path)
    return kept


def _check_out(out: str) -> None:
    """Refuse an output folder that cannot be written before anything is read: the new state is
    staged beside it, so its parent (or the nearest folder that exists above) must take new
    entries."""
    path = Path(out)
    writable_from = None
    for folder in (path, *path.parents):
        try:
            exists = folder.exists()
        except PermissionError:
            raise UsageError(f"--out {out}: permission denied (cannot look into {folder.parent}); "
                             "nothing was read") from None
        if exists and not folder.is_dir():
            raise UsageError(f"--out {out}: {folder} is a file, not a folder; nothing was read")
        if exists and folder != path and writable_from is None:
            writable_from = folder
    if writable_from is not None and not os.access(writable_from, os.W_OK | os.X_OK):
        raise UsageError(f"--out {out}: permission denied (cannot write in {writable_from.absolute()}); "
                         "nothing was read")


def _settings(path: str | None) -> LayoutSettings | None:
    """The layout settings --settings FILE gives (None: the defaults); a file that names an unknown
    setting, a value of the wrong type or one out of range is a UsageError naming file and field."""
    if path is None:
        return None
    from .layout.settings import BadSetting, read_settings

    try:
        return read_settings(path)
    except BadSetting as exc:
        raise UsageError(str(exc)) from None


def _refuse_duplicate_years(years: dict[Path, int | None], when: str) -> None:
    by_year: dict[int, list[Path]] = {}
    for path, year in years.items():
        if year is not None:
            by_year.setdefault(year, []).append(path)
    clashes = [(y, paths) for y, paths in sorted(by_year.items()) if len(paths) > 1]
    if clashes:
        said = "; ".join(f"{' and '.join(map(str, paths))} {'both' if len(paths) == 2 else 'all'} cover {year}"
                         for year, paths in clashes)
        raise UsageError(f"{said} ({when}); give one bulletin per year")


@dataclass
class RunClock:
    """How long the run took, in steps that add up to the one figure the terminal, the manifest and
    the report all give: start-up and checks, reading each bulletin, writing the output."""

    command: str
    started_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    steps: dict[str, float] = field(default_factory=dict)
    since: float = field(default_factory=time.perf_counter)  # when the step now running began

    def lap(self, step: str) -> float:
        """Close a step at now; the seconds it took."""
        now = time.perf_counter()
        seconds, self.since = now - self.since, now
        self.steps[step] = self.steps.get(step, 0.0) + seconds
        return seconds

    @property
    def seconds(self) -> float:
        return sum(self.steps.values())

    def record(self) -> dict:
        """The run as manifest.json keeps it, the writing step closed at the moment it is asked for."""
        self.lap(WRITING)
        return {"command": self.command, "started_at": self.started_at, "seconds": round(self.seconds, 3),
                "steps": {step: round(seconds, 3) for step, seconds in self.steps.items()}}


STARTING, WRITING = "start-up and checks", "writing datasets"


def cmd_extract(args: argparse.Namespace) -> int:
    # A Ctrl-C raised inside an extension module's import can make Python end by SIGINT even though
    # the interrupt is handled (CPython flags it as unhandled): held, it is raised once they are in
    with interrupts_held():
        from .output import write_all
        from .pipeline import peek_year
        from .report import render as render_report
        from .worker import extract_guarded  # noqa: F401  (imported here for the same reason)

    clock = RunClock(shlex.join(["bulletin-etl", *args.argv]), since=args.started)
    say = _say(args.quiet)
    args.layout = _settings(args.settings)
    _check_out(args.out)
    pdfs = _read_once(_pdfs(args.pdf, args.raw), say)
    if len(pdfs) > 1:  # cheap: the titles on each first page, before the long extraction
        _refuse_duplicate_years({pdf: peek_year(pdf) for pdf in pdfs}, "by their titles; nothing was extracted")
    clock.lap(STARTING)
    results = [_extract_one(pdf, f"[{number}/{len(pdfs)}]", args, say, clock) for number, pdf in enumerate(pdfs, 1)]
    _refuse_duplicate_years({r.path: r.year for r in results}, "nothing was written")
    def committed() -> None:  # from here on an interrupt leaves the new state, not the old one
        args.written = Path(args.out)

    try:
        write_all(args.out, results, clock.record, extra_files=lambda tree: {"report.html": render_report(tree)},
                  on_commit=committed)
    except PermissionError as exc:  # the folder changed under us, or a file in it is not ours to read
        raise UsageError(f"--out {args.out}: permission denied ({exc.filename}); nothing was written") from None
    _summary(results, Path(args.out), clock, say)
    return EXIT_PARTIAL if any(r.failures for r in results) else 0


def _extract_one(pdf: Path, counter: str, args: argparse.Namespace, say: Callable[[str], None], clock: RunClock):
    """One bulletin through the guarded worker, its progress and warnings said as they come."""
    from .guard import MB, Limits
    from .worker import extract_guarded

    say(f"{counter} {pdf}")
    try:
        result = extract_guarded(pdf, progress=say, limits=Limits(
            seconds=args.time_budget, page_stream_bytes=int(args.page_budget_mb * MB)), settings=args.layout)
    except BulletinError:
        raise
    except Exception as exc:
        raise WhileReading(pdf, exc) from exc
    result.timings[HAND_OVER] = clock.lap(f"reading {pdf}") - sum(result.timings.values())
    for warning in result.warnings:
        say(f"  warning: {warning.located(pdf)}")
    _refuse_when_strict(args.strict, pdf, result)
    for failure in result.failures:  # errors, shown even with -q, in the bulletin's place, before its closing line
        _error(failed_schema(pdf, failure))
    say(f"  {_edition(result)}")
    return result


def failed_schema(pdf: Path, failure) -> str:
    """A dataset that failed its schema, and what of it was written: nothing, or, of one gathered
    from several sections, the rows of the others."""
    if failure.written_without:
        return (f"{failure.located(pdf)}; its rows of {', '.join(failure.written_without)} not written (those of "
                "earlier runs kept), the rest written")
    return f"{failure.located(pdf)}; not written, its earlier partitions (if any) kept"


HAND_OVER = "worker start-up and hand-back"
"""The part of a bulletin's reading time spent outside the worker's own steps."""


def _refuse_when_strict(strict: bool, pdf: Path, result) -> None:
    """--strict refuses lost or uncertain data (and schema failures), not facts about the source
    that were kept as printed (a suspected typo, another year named somewhere)."""
    from .sections.base import SOURCE_FACT_KINDS

    if not strict:
        return
    if result.failures:
        raise StrictModeFailure(pdf, "; ".join(f.located(pdf).removeprefix(f"{pdf}: ") for f in result.failures)
                                + "; with --strict nothing written")
    doubtful = [w for w in result.warnings if w.kind not in SOURCE_FACT_KINDS]
    if doubtful:
        kinds = ", ".join(sorted({w.kind for w in doubtful}))
        raise StrictModeFailure(pdf, f"{count(len(doubtful), 'warning')} of lost or uncertain data ({kinds}) "
                                     "with --strict; nothing written")


def _rows(results: list, role: str) -> int:
    from .schemas import schema

    return sum(len(frame) for r in results for name, frame in r.frames.items() if schema(name).role == role)


def _edition(result) -> str:
    """'2024 edition, 11 pages: 321 rows of data, 342 derived, 1 warning'."""
    said = [f"{count(_rows([result], 'data'), 'row')} of data", f"{figure(_rows([result], 'derived'))} derived"]
    if result.warnings:
        said.append(count(len(result.warnings), "warning"))
    failed = f"; {count(len(result.failures), 'dataset')} failed the schema (above)" if result.failures else ""
    return f"{result.year} edition, {count(result.pages, 'page')}: {', '.join(said)}{failed}"


def _summary(results: list, out: Path, clock: RunClock, say: Callable[[str], None]) -> None:
    """The closing lines: what was written, what contradicts itself, what failed, which years the
    folder holds now, where the report is."""
    from .output import read_manifest

    datasets = len({d for r in results for d in r.frames})
    warnings = sum(len(r.warnings) for r in results)
    mismatches = [(r.year, m) for r in results if "consistency" in r.frames
                  for m in r.frames["consistency"].query("status == 'mismatch'").to_dict("records")]
    say(f"wrote {count(datasets, 'dataset')} of {count(len(results), 'bulletin')} to {out}: "
        f"{count(_rows(results, 'data'), 'row')} of data and {figure(_rows(results, 'derived'))} derived "
        f"(totals, consistency checks); {count(warnings, 'warning')}, "
        f"{count(len(mismatches), 'consistency mismatch', 'consistency mismatches')}; {clock.seconds:.1f} s")
    _mismatches(mismatches, say)
    _year_over_year(out, say)
    manifest = read_manifest(out)
    _institution_warnings(manifest.get("institution_warnings", []), say)
    _failures(sum(len(r.failures) for r in results))
    years = sorted(b["year"] for b in manifest.get("bulletins", []))
    say(f"{out} now holds {_years(years)}; report: {out / 'report.html'}")


def _mismatches(mismatches: list[tuple[int, dict]], say: Callable[[str], None]) -> None:
    if not mismatches:
        return
    say(f"{count(len(mismatches), 'consistency mismatch', 'consistency mismatches')} (the bulletin contradicts "
        "itself; the data is kept as printed):")
    for year, m in mismatches[:MISMATCHES_SHOWN]:
        say(f"  {year} {m['dataset']}: {m['subject']} {m['metric']}: printed {figure(m['printed'])}, "
            f"expected {figure(m['expected'])} (page {m['source_page']})")
    if len(mismatches) > MISMATCHES_SHOWN:
        say(f"  and {len(mismatches) - MISMATCHES_SHOWN} more")


def _year_over_year(out: Path, say: Callable[[str], None]) -> None:
    """Each edition's cumulatives against the edition before, where the folder holds both."""
    from .year_over_year import summaries

    for line in summaries(out):
        say(f"year over year (consistency check year_over_year), {line}")


def _institution_warnings(warnings: list[dict], say: Callable[[str], None]) -> None:
    """The institution names this write matched to an id otherwise than exactly, for the first time
    (facts about the source: --strict lets them pass)."""
    if not warnings:
        return
    say(f"{count(len(warnings), 'institution name')} matched otherwise than exactly, for the first time "
        "(institution_names.match):")
    for warning in warnings:
        say(f"  warning: {warning['file']}: section {warning['section']}: {warning['message']}")


def _failures(failures: int) -> None:
    """How many datasets failed their schema (each named under its bulletin): shown even with -q."""
    if failures:
        _print(f"bulletin-etl: {count(failures, 'dataset')} failed {'its' if failures == 1 else 'their'} "
               f"schema; everything else was written (exit status {EXIT_PARTIAL})")


def _years(years: list[int]) -> str:
    """'2024 (1 edition)', '2022–2024 (3 editions)', '2021, 2023 and 2024 (3 editions)'."""
    editions = count(len(years), "edition")
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]} ({editions})"
    shown = ", ".join(map(str, years[:-1])) + (" and " if len(years) > 1 else "") + str(years[-1]) if years else "no year"
    return f"{shown} ({editions})"


def cmd_inspect(args: argparse.Namespace) -> int:
    """The pictures; a shape that cannot be drawn (a bug of ours) is one line naming file, page and
    stage, the rest drawn, exit status 4 (--debug: the traceback instead)."""
    from .inspect import NotDrawn, inspect, legend, not_drawn_lines

    pages = _pages(args.pages)
    settings = _settings(args.settings)
    if pages:
        _check_pages(Path(args.pdf), pages)
    problems: list[NotDrawn] = []
    written = inspect(args.pdf, args.out, pages, stages=args.stages, settings=settings,
                      not_drawn=None if args.debug else problems.append)
    say = _say(args.quiet)
    for line in [*map(str, written), *legend(args.stages)]:
        say(line)
    for line in not_drawn_lines(args.pdf, problems):
        _print(f"bulletin-etl: internal error: {line} (rerun with --debug for the traceback and report it)")
    return EXIT_INTERNAL if problems else 0


def cmd_diff(args: argparse.Namespace) -> int:
    """The diff of two editions the output folder holds, on stdout: a table, or JSON."""
    from .diff import DiffError, diff, render_text

    try:
        result = diff(Path(args.output), args.earlier, args.later, top=args.top)
    except DiffError as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(result.as_json() + "\n" if args.json else render_text(result, args.output))
    return 0


def _year(text: str) -> int:
    """A year (--from, --to)."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"expected a year such as 2024, not {text!r}")
    return int(text)


def _positive(text: str) -> int:
    """A whole number of at least 1 (--top)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _add_diff(sub, debug: argparse.ArgumentParser) -> None:
    from .diff import TOP

    cmd = sub.add_parser("diff", parents=[debug], help="what changed between two editions of an output folder",
                         description="Per dataset: the institutions (districts) entering, leaving and renamed "
                                     "(matched on institution_id), the largest changes of each figure, the columns "
                                     "that appeared or vanished. Example: bulletin-etl diff output --from 2024 --to 2025")
    cmd.add_argument("output", help="an output folder of bulletin-etl extract holding both editions")
    cmd.add_argument("--from", dest="earlier", type=_year, required=True, metavar="YEAR", help="the edition compared from")
    cmd.add_argument("--to", dest="later", type=_year, required=True, metavar="YEAR", help="the edition compared to")
    cmd.add_argument("--top", type=_positive, default=TOP, metavar="N",
                     help=f"the largest changes listed per figure (default: {TOP})")
    cmd.add_argument("--json", action="store_true", help="JSON for machines instead of the table")
    cmd.set_defaults(run=cmd_diff)


def _pages(text: str | None) -> list[int] | None:
    """'1-3,9' → [1, 2, 3, 9]."""
    if not text:
        return None
    pages: list[int] = []
    try:
        for part in (p.strip() for p in text.split(",") if p.strip()):
            first, dash, last = part.partition("-")
            span = range(int(first), int(last if dash else first) + 1)
            if not span:
                raise ValueError
            pages.extend(p for p in span if p not in pages)
    except ValueError:
        raise UsageError(f"--pages takes page numbers and ranges separated by commas (1-3,9), not {text!r}") from None
    return pages


def _check_pages(pdf: Path, pages: list[int]) -> None:
    import pdfplumber

    try:
        with pdfplumber.open(pdf) as source:
            n_pages = len(source.pages)
    except Exception:  # not a readable PDF: inspect() says so in its own words
        return
    missing = [p for p in pages if not 1 <= p <= n_pages]
    if missing:
        raise UsageError(f"{pdf}: no page {', '.join(map(str, missing))}: the file has "
                         f"{count(n_pages, 'page')}; nothing drawn")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bulletin-etl", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"bulletin-etl {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    # accepted after the subcommand too; SUPPRESS keeps a subcommand from resetting a --debug given before it
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="show the traceback of an internal error")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", parents=[debug], help="extract bulletin PDFs into Parquet datasets",
                        description="Extract every dataset of each bulletin PDF. "
                                    "Example: bulletin-etl extract raw/*.pdf --out output")
    ex.add_argument("pdf", nargs="*", help="bulletin PDF files or folders of them (default: every *.pdf in --raw)")
    ex.add_argument("--out", default="output", help="output folder (default: output)")
    ex.add_argument("--raw", default="raw", help="folder searched when no PDF is given (default: raw)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress lines, only errors")
    ex.add_argument("--strict", action="store_true",
                    help="treat warnings and schema failures as errors: fail and write nothing")
    ex.add_argument("--time-budget", type=float, default=120, metavar="SECONDS",
                    help="wall time allowed to read one bulletin; past it the bulletin is refused (default: 120)")
    ex.add_argument("--page-budget-mb", type=float, default=16, metavar="MB",
                    help="decoded content one page may draw; a page over it (a compression bomb?) is named "
                         "and the bulletin refused (default: 16)")
    _settings_option(ex)
    ex.set_defaults(run=cmd_extract)
    _add_inspect(sub, debug)
    _add_diff(sub, debug)
    return parser


STAGES_HELP = ("draw what each stage found instead, as pdfplumber's debug_tablefinder does: per page, four PNGs, "
               "<name>-page-NN-1-rules.png (horizontal rules, runs of rules of one extent, table regions, closing "
               "rules, ruled tables' cells), -2-columns.png (gutters, column edges, header boundary, header cells by "
               "level), -3-rows.png (tables, header cells, body rows, 合计 rows) and -4-flow.png (text lines, furniture "
               "dropped, headings), each layer in its own colour, named in a legend under the page")


def _add_inspect(sub, debug: argparse.ArgumentParser) -> None:
    ins = sub.add_parser("inspect", parents=[debug], help="draw what was detected on page images (PNG)",
                         description="Write PNG images of pages with the detected headings, tables, header cells "
                                     "and rows outlined, read as extract reads them; with --stages, what each stage "
                                     "found. Example: bulletin-etl inspect raw/2025.pdf --pages 1-3,9 --stages")
    ins.add_argument("pdf", help="a bulletin PDF")
    ins.add_argument("--pages", help="pages to draw, 1-based: numbers and ranges, comma-separated (default: all)")
    ins.add_argument("--out", default="inspect", help="folder for the PNG files (default: inspect)")
    ins.add_argument("--stages", action="store_true", help=STAGES_HELP)
    ins.add_argument("-q", "--quiet", action="store_true", help="do not list the files written")
    _settings_option(ins)
    ins.set_defaults(run=cmd_inspect)


def _settings_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--settings", metavar="FILE",
                         help="a YAML mapping of layout setting → value overriding the defaults, for a bulletin set "
                              "otherwise (the fields of bulletin_etl/layout/settings.py, e.g. gutter_min_em: 0.5); "
                              "recorded in manifest.json")


def main(argv: list[str] | None = None, process_started: float | None = None) -> int:
    """The command line; its exit status. `process_started` (time.perf_counter) says that this call
    is the whole process (the console script): its run time counts from then, and once the command
    has finished, Ctrl-C is ignored while Python shuts down rather than ending the process by the
    signal with the exit status lost."""
    argv = sys.argv[1:] if argv is None else argv
    # filled in by the parser; `written` is read after an interrupt
    args = argparse.Namespace(argv=argv, written=None, started=process_started or time.perf_counter())
    try:
        status = _run(args)
        if process_started is not None:
            ignore_interrupts()
    except KeyboardInterrupt:  # between the run's end and the line above
        return _interrupted(args.written)
    return status


def _run(args: argparse.Namespace) -> int:
    try:
        return build_parser().parse_args(args.argv, namespace=args).run(args)
    except StrictModeFailure as exc:
        _error(str(exc))
        return EXIT_STRICT
    except (BulletinError, UsageError) as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return _interrupted(args.written)
    except Exception as exc:  # a bug of ours, not the user's: still one line, output untouched
        if getattr(args, "debug", False):
            raise
        where, error = (f" while reading {exc.pdf}", exc.error) if isinstance(exc, WhileReading) else ("", exc)
        _print(f"bulletin-etl: internal error{where}: {type(error).__name__}: {error} "
               "(output folder unchanged; rerun with --debug for the traceback and report it)")
        return EXIT_INTERNAL


def _interrupted(written: Path | None) -> int:
    """Ctrl-C: never swallowed, never a traceback. Before the output folder was swapped in, it is
    unchanged; once the swap had begun it was finished first, and the line says so."""
    if written is None:
        _print(INTERRUPTED_BEFORE_WRITING)
    else:
        _print(f"bulletin-etl: interrupted after the write had begun; the write completed ({written} holds this "
               "run's result)")
    return EXIT_INTERRUPTED


if __name__ == "__main__":  # `python -m bulletin_etl.cli`: through the entry point, as the console script runs
    from bulletin_etl.entry import main as entry_point

    sys.exit(entry_point())
