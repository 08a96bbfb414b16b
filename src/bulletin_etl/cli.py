"""bulletin-etl — turn statistical bulletin PDFs into validated, partitioned Parquet datasets.

  bulletin-etl extract                      every *.pdf in raw/ → output/
  bulletin-etl extract raw/2025.pdf --out data
  bulletin-etl extract --strict             warnings fail the run (nothing is written)

User mistakes and bad input print one line naming the file (and page and section where known)
and exit with status 2; nothing in the output folder changes. Status 3 means --strict failed,
4 an internal error (also one line; --debug shows the traceback).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .errors import BulletinError, StrictModeFailure

EXIT_BAD_INPUT = 2
EXIT_STRICT = 3
EXIT_INTERNAL = 4


def _say(quiet: bool):
    def say(message: str) -> None:
        if not quiet:
            print(message, file=sys.stderr, flush=True)
    return say


def cmd_extract(args: argparse.Namespace) -> int:
    from .output import write_all
    from .guard import MB, Limits
    from .worker import extract_guarded
    from .report import render as render_report

    say = _say(args.quiet)
    pdfs = [Path(p) for p in args.pdf] or sorted(Path(args.raw).glob("*.pdf"))
    if not pdfs:
        print(f"bulletin-etl: error: no PDF given and none found in {args.raw}/", file=sys.stderr)
        return EXIT_BAD_INPUT
    started = time.perf_counter()
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
        if args.strict and result.warnings:
            raise StrictModeFailure(pdf, f"{len(result.warnings)} warning(s) with --strict; nothing written")
        results.append(result)
    years = [r.year for r in results]
    if len(set(years)) != len(years):
        dup = sorted({y for y in years if years.count(y) > 1})
        print(f"bulletin-etl: error: several bulletins cover the year(s) {dup}; give one per year", file=sys.stderr)
        return EXIT_BAD_INPUT
    report = render_report(results, time.perf_counter() - started)
    out = write_all(args.out, results, extra_files={"report.html": report})
    rows = sum(len(f) for r in results for f in r.frames.values())
    datasets = len({d for r in results for d in r.frames})
    warnings = sum(len(r.warnings) for r in results)
    say(f"wrote {datasets} datasets, {rows} rows from {len(results)} bulletin(s) to {out} "
        f"({warnings} warning(s), {time.perf_counter() - started:.1f}s)")
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from .inspect import LEGEND, inspect

    pages = _pages(args.pages)
    written = inspect(args.pdf, args.out, pages)
    if pages and len(written) < len(pages):
        print(f"bulletin-etl: warning: {Path(args.pdf).name}: some of the pages {args.pages} do not exist",
              file=sys.stderr)
    say = _say(args.quiet)
    for path in written:
        say(str(path))
    say("outlines: " + "; ".join(f"{name} rgb{colour}" for name, colour in LEGEND.items()))
    return 0


def _pages(text: str | None) -> list[int] | None:
    if not text:
        return None
    try:
        return [int(p) for p in text.split(",") if p.strip()]
    except ValueError:
        print(f"bulletin-etl: error: --pages takes page numbers separated by commas, not {text!r}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bulletin-etl", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"bulletin-etl {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract bulletin PDFs into Parquet datasets",
                        description="Extract every dataset of each bulletin PDF. "
                                    "Example: bulletin-etl extract raw/*.pdf --out output")
    ex.add_argument("pdf", nargs="*", help="bulletin PDF files (default: every *.pdf in --raw)")
    ex.add_argument("--out", default="output", help="output folder (default: output)")
    ex.add_argument("--raw", default="raw", help="folder searched when no PDF is given (default: raw)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress lines, only errors")
    ex.add_argument("--strict", action="store_true", help="treat warnings as errors: fail and write nothing")
    ex.add_argument("--time-budget", type=float, default=120, metavar="SECONDS",
                    help="wall time allowed to read one bulletin; past it the bulletin is refused (default: 120)")
    ex.add_argument("--page-budget-mb", type=float, default=16, metavar="MB",
                    help="decoded content one page may draw; a page over it (a compression bomb?) is named "
                         "and the bulletin refused (default: 16)")
    ex.set_defaults(run=cmd_extract)
    ins = sub.add_parser("inspect", help="draw what was detected on page images (PNG)",
                         description="Write PNG images of pages with the detected headings, tables, header cells "
                                     "and rows outlined. Example: bulletin-etl inspect raw/2025.pdf --pages 4,5")
    ins.add_argument("pdf", help="a bulletin PDF")
    ins.add_argument("--pages", help="pages to draw, 1-based, comma-separated (default: all)")
    ins.add_argument("--out", default="inspect", help="folder for the PNG files (default: inspect)")
    ins.add_argument("-q", "--quiet", action="store_true", help="do not list the files written")
    ins.set_defaults(run=cmd_inspect)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except StrictModeFailure as exc:
        print(f"bulletin-etl: error: {exc}", file=sys.stderr)
        return EXIT_STRICT
    except BulletinError as exc:
        print(f"bulletin-etl: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("bulletin-etl: interrupted; output folder unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug of ours, not the user's: still one line, output untouched
        if args.debug:
            raise
        where = f" while reading {exc.bulletin}" if hasattr(exc, "bulletin") else ""
        print(f"bulletin-etl: internal error{where}: {type(exc).__name__}: {exc} "
              "(output folder unchanged; rerun with --debug for the traceback and report it)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
