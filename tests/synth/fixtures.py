"""Write the fixed-seed regression PDFs of tests/data/synth/ (one per producer and style).

    python -m tests.synth.fixtures

Each fixture's .json names the draw families (draws.py) it was drawn with; a fixture without
that field was drawn before the families existed (= all of them off).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from .draws import ALL, NONE
from .model import truth
from .sweep import Case, bulletin, render

TARGET = Path(__file__).resolve().parents[1] / "data" / "synth"
CHOSEN = [
    # drawn before the draw families existed
    Case(101, "reportlab", "grid", "STSong-Light", draws=NONE),
    Case(102, "reportlab", "three_line", "wqy-zenhei", quirks=True, draws=NONE),
    Case(103, "docx", "no_inner_verticals", "uming", draws=NONE),
    Case(104, "docx", "three_line", "wqy-zenhei", draws=NONE),
    # every draw family on (issue 9); each passed the sweep that found it
    Case(16, "html", "grid", "uming", draws=ALL),  # five header bands, two unknown sections
    Case(28, "html", "grid", "uming", draws=ALL),  # 公文 typography, landscape, thousands separators, running header
    Case(26, "docx", "no_inner_verticals", "wqy-zenhei", draws=ALL),  # bands, landscape, bold titles, running header
    Case(30, "docx", "three_line", "uming", draws=ALL),  # 公文 typography, '第 N 页  共 M 页'
    # failures found by sweeps, each fixed in the layout layer
    Case(648617, "reportlab", "no_inner_verticals", "uming", draws=ALL),  # '25,143' in ruled rows is no sentence
    Case(648627, "docx", "three_line", "uming", draws=ALL),  # a table's repeated header under a running header's rule
    Case(6, "docx", "three_line", "uming", draws=ALL),  # '2028' '年数据条数' set with autospace is one header cell
    Case(11, "html", "no_inner_verticals", "noto-serif", draws=ALL),  # a page's only row, its name centred on it
    Case(43, "html", "three_line", "wqy-zenhei", draws=ALL),  # a title right under a wide masthead line
    Case(6, "reportlab", "three_line", "wqy-zenhei", quirks=True, draws=ALL),  # a cut row under a header set otherwise
    Case(105, "reportlab", "no_inner_verticals", "wqy-zenhei", quirks=True, draws=ALL),  # a title broken over a table
    # session of 2026-11-28 08:29: the final sweep's failures and the spacing family's
    Case(20143, "html", "three_line", "noto-serif", draws=ALL),  # tight columns under a group cell; a sparse remarks column
    Case(22111, "html", "three_line", "noto-sans", draws=ALL),  # a broken 三线表 going on past a name wrapped below its figures
    Case(818981, "html", "grid", "wqy-zenhei", quirks=True, draws=ALL),  # a small grid under a bigger one's borders (snapping)
    Case(20128, "html", "three_line", "noto-sans", draws=ALL),  # the masthead's two boxes each wrapped ('印 日')
    Case(20118, "docx", "no_inner_verticals", "noto-serif", draws=ALL),  # the rest of a cut row in a header cell ('接入单位院')
    Case(30022, "html", "no_inner_verticals", "noto-serif", draws=ALL),  # header labels letter-spaced with two spaces
    Case(55912, "docx", "three_line", "wqy-zenhei", draws=ALL),  # a bare folio under a broken 三线表
    Case(55896, "docx", "three_line", "noto-serif", draws=ALL),  # a continued page's first row standing low
    Case(664934, "html", "three_line", "noto-serif", draws=ALL),  # a row's '/' figures read as a folio 'N / M'
    # session of 2026-12-07: the fresh-clone run's and the final sweep's failures
    Case(306763, "html", "grid", "noto-sans", draws=ALL),  # side-by-side groups numbered down the left group first
    Case(60149, "html", "three_line", "uming", draws=ALL),  # a centred name beside a remark wrapped a character a line
    Case(60101, "html", "three_line", "uming", draws=ALL),  # a wrapped label's trailing spaces hanging over the next cell
    # issue 17: WeasyPrint, one per style, each exact in the first sweep (seeds 1-40); all with a
    # landscape page and a running header over a rule, printed as an even-odd filled frame
    Case(40, "weasyprint", "grid", "uming", quirks=True, draws=ALL),  # a bulletin name above the masthead
    Case(38, "weasyprint", "no_inner_verticals", "wqy-zenhei", draws=ALL),  # bold titles, folios '第 N 页'
    Case(9, "weasyprint", "three_line", "noto-sans", quirks=True, draws=ALL),  # folios 'N / M'
    # issue 17: the Typst producer, one per style, each exact in its first sweep
    Case(28, "typst", "grid", "uming", draws=ALL),  # 公文 typography, landscape, '第 N 页', running header, masthead
    Case(17, "typst", "no_inner_verticals", "uming", draws=ALL),  # landscape, a wrapped masthead, rows cut by a page
    Case(21, "typst", "three_line", "noto-sans", quirks=True, draws=ALL),  # bands, landscape, cut rows, ragged text
    Case(14, "typst", "no_inner_verticals", "wqy-zenhei", draws=ALL),  # '12320在线预约' autospaced over a gutter
]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m tests.synth.fixtures", description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="redraw every fixture (default: only those not written yet;"
                    " LibreOffice and Chromium do not give the same bytes twice)")
    args = ap.parse_args(argv)
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for case in CHOSEN:
            if not args.all and (TARGET / f"{case.producer}-{case.style}-{case.seed}.pdf").exists():
                continue
            pdf = render([case], Path(tmp))[case.seed]
            stem = TARGET / f"{case.producer}-{case.style}-{case.seed}"
            stem.with_suffix(".pdf").write_bytes(pdf.read_bytes())
            meta = {"seed": case.seed, "producer": case.producer, "style": case.style, "font": case.font,
                    "quirks": case.quirks, "draws": sorted(case.draws)}
            stem.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
            t = truth(bulletin(case)[0])
            stem.with_suffix(".truth.json").write_text(json.dumps(t, ensure_ascii=False, default=str), encoding="utf-8")
            print(stem.with_suffix(".pdf"))


if __name__ == "__main__":
    main()
