"""bulletin-etl — turn statistical bulletin PDFs into validated, partitioned Parquet datasets.

  bulletin-etl extract                      every *.pdf in raw/ → output/
  bulletin-etl extract raw/2025.pdf --out data
  bulletin-etl extract --strict             warnings fail the run (nothing is written)
  bulletin-etl inspect raw/2025.pdf --pages 1-3,9

Exit status: 0 written; 2 bad input or a bad argument (one line naming the file, page and section;
the output folder unchanged); 3 --strict failed (a warning or a schema failure; nothing written);
4 an internal error (one line too; --debug shows the traceback); 5 written in part: a dataset failed
its schema and was left out (its partitions of earlier runs kept), every other dataset was written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import sys
import time
from pathlib import Path

from . import __version__
from .errors import BulletinError, StrictModeFailure, one_line
from .wording import count, figure

EXIT_BAD_INPUT = 2
EXIT_STRICT = 3
EXIT_INTERNAL = 4
EXIT_PARTIAL = 5
MISMATCHES_SHOWN = 3


class UsageError(Exception):
    """A command-line argument that cannot work (not tied to one bulletin): exit 2, one line."""


def _say(quiet: bool):
    def say(message: str) -> None:
        if not quiet:
            print(message, file=sys.stderr, flush=True)
    return say


def _error(message: str) -> None:
    print(f"bulletin-etl: error: {one_line(message)}", file=sys.stderr, flush=True)


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


def _refuse_duplicate_years(years: dict[Path, int | None], when: str) -> None:
    by_year: dict[int, list[Path]] = {}
    for path, year in years.items():
        if year is not None:
            by_year.setdefault(year, []).append(path)
    clashes = [(y, paths) for y, paths in sorted(by_year.items()) if len(paths) > 1]
    if clashes:
        said = "; ".join(f"{' and '.join(p.name for p in paths)} {'both' if len(paths) == 2 else 'all'} cover {year}"
                         for year, paths in clashes)
        raise UsageError(f"{said} ({when}); give one bulletin per year")


def cmd_extract(args: argparse.Namespace) -> int:
    from .guard import MB, Limits
    from .output import write_all
    from .pipeline import peek_year
    from .report import render as render_report
    from .worker import extract_guarded

    say = _say(args.quiet)
    _check_out(args.out)
    pdfs = _pdfs(args.pdf, args.raw)
    if len(pdfs) > 1:  # cheap: the titles on each first page, before the long extraction
        _refuse_duplicate_years({pdf: peek_year(pdf) for pdf in pdfs}, "by their titles; nothing was extracted")
    started, started_at = time.perf_counter(), dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    results = []
    for number, pdf in enumerate(pdfs, 1):
        say(f"[{number}/{len(pdfs)}] {pdf}")
        try:
            result = extract_guarded(pdf, progress=say, limits=Limits(
                seconds=args.time_budget, page_stream_bytes=int(args.page_budget_mb * MB)))
        except BulletinError:
            raise
        except Exception as exc:
            exc.bulletin = pdf.name
            raise
        for warning in result.warnings:
            say(f"  warning: {warning}")
        if args.strict and result.failures:
            raise StrictModeFailure(pdf, "; ".join(str(f).removeprefix(f"{pdf.name}: ") for f in result.failures)
                                    + "; with --strict nothing written")
        if args.strict and result.warnings:
            raise StrictModeFailure(pdf, f"{count(len(result.warnings), 'warning')} with --strict; nothing written")
        results.append(result)
    _refuse_duplicate_years({r.path: r.year for r in results}, "nothing was written")
    run = {"command": shlex.join(["bulletin-etl", *args.argv]), "started_at": started_at,
           "seconds": round(time.perf_counter() - started, 3)}
    try:
        out = write_all(args.out, results, run, extra_files=lambda tree: {"report.html": render_report(tree)})
    except PermissionError as exc:  # the folder changed under us, or a file in it is not ours to read
        raise UsageError(f"--out {args.out}: permission denied ({exc.filename}); nothing was written") from None
    _summary(results, out, time.perf_counter() - started, say)
    return EXIT_PARTIAL if any(r.failures for r in results) else 0


def _summary(results: list, out: Path, seconds: float, say) -> None:
    """The closing lines: what was written, what contradicts itself, what failed, where the report is."""
    rows = sum(len(f) for r in results for f in r.frames.values())
    datasets = len({d for r in results for d in r.frames})
    warnings = sum(len(r.warnings) for r in results)
    mismatches = [(r.year, m) for r in results if "consistency" in r.frames
                  for m in r.frames["consistency"].query("status == 'mismatch'").to_dict("records")]
    failures = [f for r in results for f in r.failures]
    say(f"wrote {count(datasets, 'dataset')}, {count(rows, 'row')} from {count(len(results), 'bulletin')} to {out} "
        f"({count(warnings, 'warning')}, {count(len(mismatches), 'consistency mismatch', 'consistency mismatches')}, "
        f"{seconds:.1f} s)")
    if mismatches:
        say(f"{count(len(mismatches), 'consistency mismatch', 'consistency mismatches')} (the bulletin contradicts "
            "itself; the data is kept as printed):")
        for year, m in mismatches[:MISMATCHES_SHOWN]:
            say(f"  {year} {m['dataset']}: {m['subject']} {m['metric']}: printed {figure(m['printed'])}, "
                f"expected {figure(m['expected'])} (page {m['source_page']})")
        if len(mismatches) > MISMATCHES_SHOWN:
            say(f"  and {len(mismatches) - MISMATCHES_SHOWN} more")
    for failure in failures:  # an error, shown even with -q
        print(f"bulletin-etl: error: {failure}; not written, its earlier partitions (if any) kept",
              file=sys.stderr, flush=True)
    say(f"report: {out / 'report.html'}")
    if failures:
        print(f"bulletin-etl: {count(len(failures), 'dataset')} failed {'its' if len(failures) == 1 else 'their'} schema; "
              f"everything else was written (exit status {EXIT_PARTIAL})", file=sys.stderr, flush=True)


def cmd_inspect(args: argparse.Namespace) -> int:
    from .inspect import LEGEND, inspect

    pages = _pages(args.pages)
    if pages:
        _check_pages(Path(args.pdf), pages)
    written = inspect(args.pdf, args.out, pages)
    say = _say(args.quiet)
    for path in written:
        say(str(path))
    say("outlines: " + "; ".join(f"{name} rgb{colour}" for name, colour in LEGEND.items()))
    return 0


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
        raise UsageError(f"{pdf.name}: no page {', '.join(map(str, missing))}: the file has "
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
    ex.set_defaults(run=cmd_extract)
    ins = sub.add_parser("inspect", parents=[debug], help="draw what was detected on page images (PNG)",
                         description="Write PNG images of pages with the detected headings, tables, header cells "
                                     "and rows outlined. Example: bulletin-etl inspect raw/2025.pdf --pages 1-3,9")
    ins.add_argument("pdf", help="a bulletin PDF")
    ins.add_argument("--pages", help="pages to draw, 1-based: numbers and ranges, comma-separated (default: all)")
    ins.add_argument("--out", default="inspect", help="folder for the PNG files (default: inspect)")
    ins.add_argument("-q", "--quiet", action="store_true", help="do not list the files written")
    ins.set_defaults(run=cmd_inspect)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    args.argv = argv
    try:
        return args.run(args)
    except StrictModeFailure as exc:
        _error(str(exc))
        return EXIT_STRICT
    except (BulletinError, UsageError) as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("bulletin-etl: interrupted; output folder unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug of ours, not the user's: still one line, output untouched
        if args.debug:
            raise
        where = f" while reading {exc.bulletin}" if hasattr(exc, "bulletin") else ""
        print(one_line(f"bulletin-etl: internal error{where}: {type(exc).__name__}: {exc} "
                       "(output folder unchanged; rerun with --debug for the traceback and report it)"),
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
