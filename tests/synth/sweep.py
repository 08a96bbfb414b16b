"""Render many synthetic bulletins with each producer, extract each, compare with its truth.

    python -m tests.synth.sweep --seeds 100-149 [--producer reportlab|docx|html|weasyprint|typst|all] [--out DIR]
        [--off FAMILIES] [--through FAMILY]

Used by tests/test_synthetic_bulletins.py; run by hand to hunt for failures. A failing case
prints the seed, producer, style and font that replay it. A docx bulletin whose PDF lacks text its
document holds (render_check) is a render defect, counted apart: not exact, and no fault of the
extractor's.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bulletin_etl.cli import main as cli_main

from . import render_check, render_docx, render_html, render_reportlab, render_typst, render_weasyprint, triage
from .compare import compare
from .content import Bulletin
from .draws import ALL, FAMILIES, default_draws, drawn_through, parse_off
from .model import make_bulletin, truth
from .sections.totals import plant_wrong_total

STYLES = ("grid", "no_inner_verticals", "three_line")


@dataclass
class Case:
    seed: int
    producer: str
    style: str
    font: str
    quirks: bool = False
    draws: frozenset = field(default_factory=default_draws)
    problems: list[str] = field(default_factory=list)
    exit_code: int | None = None

    @property
    def replay(self) -> str:
        quirks = " --quirks" if self.quirks else ""
        off = ALL - self.draws
        off_flag = f" --off {','.join(f for f in FAMILIES if f in off)}" if off else ""
        force = os.environ.get("BULLETIN_SYNTH_FORCE")
        force_flag = f" --force {force}" if force else ""
        return (f"python -m tests.synth.sweep --seeds {self.seed} --producer {self.producer} "
                f"--style {self.style} --font {self.font}{quirks}{off_flag}{force_flag}")


PRODUCERS = ("reportlab", "docx", "html", "weasyprint", "typst")


def fonts(producer: str) -> list[str]:
    return {"docx": render_docx.available_fonts, "html": render_html.available_fonts,
            "reportlab": render_reportlab.available_fonts, "weasyprint": render_weasyprint.available_fonts,
            "typst": render_typst.available_fonts}[producer]()


def missing_tool(producer: str) -> str | None:
    """Why this producer cannot run here (None: it can)."""
    if producer == "docx" and (render_docx.soffice() is None or not render_docx.available_fonts()):
        return ("LibreOffice (soffice) or the Debian CJK fonts fonts-wqy-zenhei / fonts-arphic-uming "
                "are not installed; .ci/run installs them")
    if producer == "html" and (render_html.chromium() is None or not render_html.available_fonts()):
        return ("Chromium (Debian package chromium) or the Debian CJK fonts fonts-noto-cjk / fonts-wqy-zenhei / "
                "fonts-arphic-uming are not installed")
    if producer == "weasyprint":
        return render_weasyprint.missing()
    if producer == "typst":
        return render_typst.missing()
    return None


def replay(case: Case, folder: Path) -> list[str]:
    """Render one bulletin and compare its extraction with its truth: the differences (none when exact)."""
    pdf = render([case], folder)[case.seed]
    return check(case, pdf, folder).problems


def cannot_render(producer: str, font: str) -> str | None:
    """Why this producer cannot print a bulletin in this font here (None: it can)."""
    return missing_tool(producer) or (None if font in fonts(producer) else f"font {font} is not installed")


def plan(seeds: list[int], producer: str) -> list[Case]:
    """Style and font by seed, so that a run covers every style and every font it can."""
    available = fonts(producer)
    cases = []
    for i, seed in enumerate(seeds):
        pick = random.Random(f"{producer}-{seed}")
        style = STYLES[i % len(STYLES)] if len(seeds) >= len(STYLES) else pick.choice(STYLES)
        font = available[(i // len(STYLES)) % len(available)] if available else ""
        cases.append(Case(seed, producer, style, font, quirks=pick.random() < 0.25))
    return cases


def bulletin(case: Case) -> tuple[Bulletin, set]:
    """The case's bulletin with one printed 合计 misprinted, and the contradictions the
    consistency dataset must then report (exactly those)."""
    b = make_bulletin(case.seed, quirks=case.quirks, draws=case.draws)
    return b, plant_wrong_total(b, random.Random(f"plant-{case.seed}"))


def render(cases: list[Case], folder: Path) -> dict[int, Path]:
    pdfs: dict[int, Path] = {}
    docx_files, html_files = [], []
    for case in cases:
        b, _ = bulletin(case)
        if case.producer == "docx":
            docx_files.append(render_docx.build(b, folder / f"{case.producer}-{case.seed}.docx", style=case.style,
                                                font=case.font, seed=case.seed))
        elif case.producer == "html":
            html_files.append(folder / f"{case.producer}-{case.seed}.html")
            render_html.build(b, html_files[-1], style=case.style, font=case.font, seed=case.seed)
        elif case.producer == "weasyprint":
            pdfs[case.seed] = folder / f"{case.producer}-{case.seed}.pdf"
            render_weasyprint.render(b, pdfs[case.seed], style=case.style, font=case.font, seed=case.seed)
        elif case.producer == "typst":
            pdfs[case.seed] = folder / f"{case.producer}-{case.seed}.pdf"
            render_typst.render(b, pdfs[case.seed], style=case.style, font=case.font, seed=case.seed)
        else:
            pdfs[case.seed] = folder / f"{case.producer}-{case.seed}.pdf"
            render_reportlab.render(b, pdfs[case.seed], style=case.style, font=case.font, seed=case.seed)
    if docx_files:
        for pdf in render_docx.convert(docx_files, folder):
            pdfs[int(pdf.stem.split("-")[-1])] = pdf
    if html_files:
        for pdf in render_html.convert(html_files, folder):
            pdfs[int(pdf.stem.split("-")[-1])] = pdf
    return pdfs


def check(case: Case, pdf: Path, folder: Path) -> Case:
    out = folder / f"out-{case.producer}-{case.seed}"
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        case.exit_code = cli_main(["extract", str(pdf), "--out", str(out), "-q"])
    b, contradictions = bulletin(case)
    if case.exit_code != 0:
        case.problems.append(f"extract exited with {case.exit_code}: {stderr.getvalue().strip()[:600]}")
    else:
        complaints = parser_complaints(pdf)
        expected = b.expected_warnings + [("", c) for c in complaints]
        case.problems = compare(truth(b), out, expected_warnings=expected)
        case.problems += compare_mismatches(contradictions, out, b.year)
        case.problems += said_once(out, b.year, complaints)
    lost = render_defect(case, pdf)
    if lost:
        case.problems.insert(0, lost)
    return case


RENDER_DEFECT = "render defect:"
"""The first words of the problem saying the PDF lacks text its document holds (render_check)."""


def render_defect(case: Case, pdf: Path) -> str | None:
    """What the producer printed on no page (None: everything, or a producer not checked): the
    docx producer's PDF against its .docx, written beside it. A synthetic bulletin must print all
    of its truth: a bulletin that does not is counted apart, never passed as exact."""
    docx = pdf.with_suffix(".docx")
    if case.producer != "docx" or not docx.exists():
        return None
    return render_check.docx_defect(docx, pdf)


def is_render_defect(case: Case) -> bool:
    return bool(case.problems) and case.problems[0].startswith(RENDER_DEFECT)


COMPLAINT = re.compile(r"Could not get (\w+)|(\w+) cannot be parsed")


def parser_complaints(pdf: Path) -> list[str]:
    """What pdfminer says about this PDF's fonts while loading them (Chromium's Type 3 fonts have
    no FontBBox): the extractor must pass each kind of complaint on once, not once per font
    (issue 9, 2). Returned as the words a warning must contain, e.g. 'FontBBox'."""
    import logging

    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    heard: list[str] = []

    class Ear(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            heard.append(record.getMessage())

    ear = Ear(logging.WARNING)
    logger = logging.getLogger("pdfminer")
    logger.addHandler(ear)
    try:
        with open(pdf, "rb") as fh:
            doc = PDFDocument(PDFParser(fh))
            fonts = PDFResourceManager(caching=False)
            for page in PDFPage.create_pages(doc):
                for spec in (resolve1((page.resources or {}).get("Font")) or {}).values():
                    fonts.get_font(None, resolve1(spec))
    finally:
        logger.removeHandler(ear)
    words = []
    for message in heard:
        m = COMPLAINT.search(message)
        word = (m.group(1) or m.group(2)) if m else message[:40]
        if word not in words:
            words.append(word)
    return words


def said_once(out: Path, year: int, complaints: list[str]) -> list[str]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry = next((e for e in manifest.get("bulletins", []) if e.get("year") == year), {})
    problems = []
    for word in complaints:
        n = sum(word in w["message"] for w in entry.get("warnings", []))
        if n > 1:
            problems.append(f"parser complaint '{word}' reported {n} times, expected once per file")
    return problems


def compare_mismatches(expected: set, out: Path, year: int) -> list[str]:
    """The consistency dataset must report the planted contradictions and nothing else."""
    import pandas as pd

    checks = pd.read_parquet(out / "consistency")
    checks = checks[(checks["year"].astype(int) == year) & (checks["status"] == "mismatch")]
    found = [(r.check, r.dataset, r.subject, r.metric) for r in checks.itertuples()]
    problems = []
    for want in expected:
        if not any(f[0] == want[0] and f[1] == want[1] and f[3] == want[3] and want[2] in (None, f[2]) for f in found):
            problems.append(f"consistency: expected mismatch not reported: {want}")
    for f in found:
        if not any(f[0] == w[0] and f[1] == w[1] and f[3] == w[3] and w[2] in (None, f[2]) for w in expected):
            problems.append(f"consistency: unexpected mismatch: {f}")
    return problems


def run(seeds: list[int], producer: str, folder: Path) -> list[Case]:
    cases = plan(seeds, producer)
    pdfs = render(cases, folder)
    return [check(case, pdfs[case.seed], folder) for case in cases]


def _extractor() -> str:
    """Where bulletin_etl was imported from (a snapshot of a commit, or the working tree)."""
    import bulletin_etl

    return str(Path(bulletin_etl.__file__).parent)


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=Path(__file__).parent).stdout.strip()
    except OSError:
        return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.synth.sweep", description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="1-20", help="a range A-B or a comma list")
    ap.add_argument("--producer", default="all", choices=[*PRODUCERS, "all", "both"],
                    help="all: every producer; both: reportlab and docx")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--show", type=int, default=5, help="problems shown per failing case")
    ap.add_argument("--style", choices=STYLES, help="replay: this style for every seed")
    ap.add_argument("--font", help="replay: this font for every seed")
    ap.add_argument("--quirks", action="store_true", help="replay: plant run-together names and typos")
    ap.add_argument("--json", type=Path, help="write every case (seed, replay, differences, failure classes) here")
    ap.add_argument("--off", default="", help=f"draw families to switch off (debugging): {','.join(FAMILIES)} or all;"
                    " adds to BULLETIN_SYNTH_OFF")
    ap.add_argument("--through", choices=FAMILIES, help="draw only the families up to this one (a sweep's own, "
                    "replaying a seed swept at an older commit: draws.drawn_through, SWEPT_THROUGH)")
    ap.add_argument("--force", default="", help="draw families to draw in every bulletin (testing): sets "
                    "BULLETIN_SYNTH_FORCE")
    args = ap.parse_args(argv)
    if args.force:
        parse_off(args.force)  # names checked
        os.environ["BULLETIN_SYNTH_FORCE"] = args.force
    draws = default_draws() - parse_off(args.off)
    if args.through:
        draws &= drawn_through(args.through)
    if "-" in args.seeds:
        a, b = args.seeds.split("-")
        seeds = list(range(int(a), int(b) + 1))
    else:
        seeds = [int(s) for s in args.seeds.split(",")]
    folder = args.out or Path(tempfile.mkdtemp(prefix="sweep-"))
    folder.mkdir(parents=True, exist_ok=True)
    producers = {"all": list(PRODUCERS), "both": ["reportlab", "docx"]}.get(args.producer, [args.producer])
    failed = 0
    record = []
    generator = _commit()  # the generator as it was when the sweep started
    for producer in producers:
        if missing_tool(producer):
            print(f"{producer}: skipped: {missing_tool(producer)}")
            continue
        cases = plan(seeds, producer)
        for case in cases:
            case.style = args.style or case.style
            case.font = args.font or case.font
            case.quirks = args.quirks or (case.quirks and not (args.style or args.font))
            case.draws = draws
        started = time.perf_counter()
        pdfs = render(cases, folder)
        rendered = time.perf_counter()
        cases = [check(case, pdfs[case.seed], folder) for case in cases]
        checked = time.perf_counter()
        bad = [c for c in cases if c.problems]
        failed += len(bad)
        defects = sum(map(is_render_defect, cases))
        record += [{"seed": c.seed, "producer": c.producer, "style": c.style, "font": c.font, "quirks": c.quirks,
                    "off": sorted(ALL - c.draws), "replay": c.replay, "problems": c.problems,
                    "classes": triage.classify(c.problems)} for c in cases]
        if args.json:  # after every producer, so that a long sweep shows its first results early
            args.json.write_text(json.dumps({"generator": generator, "extractor": _extractor(), "cases": record},
                                            ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{producer}: {len(cases) - len(bad)}/{len(cases)} exact, {defects} render defect(s) (a bulletin: render "
              f"{(rendered - started) / len(cases):.1f} s, extract and compare {(checked - rendered) / len(cases):.1f} s)")
        for case in bad:
            kind = "RENDER DEFECT" if is_render_defect(case) else "FAIL"
            print(f"  {kind} {len(case.problems)} problem(s); replay: {case.replay}")
            for p in case.problems[:args.show]:
                print(f"      {p}")
    print(f"files in {folder}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
