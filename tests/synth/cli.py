"""python -m tests.synth SEED --out DIR [--style S] [--font F] [--quirks] [--check]

Writes DIR/bulletin-<seed>.pdf and DIR/truth-<seed>.json (truth rows, expected warnings and what
was drawn how). Style and font default to a choice driven by the seed. --check also runs the
extractor on the PDF (into DIR/out-<seed>) and prints every difference from the truth.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

from .model import make_bulletin, truth
from .render_reportlab import STYLES, available_fonts, render_info


def build(seed: int, out: Path, style: str | None = None, font: str | None = None, quirks: bool = False) -> dict:
    pick = random.Random(f"choice-{seed}")
    style = style or pick.choice(STYLES)
    font = font or pick.choice(available_fonts())
    out.mkdir(parents=True, exist_ok=True)
    b = make_bulletin(seed, quirks=quirks)
    pdf = out / f"bulletin-{seed}.pdf"
    started = time.perf_counter()
    layout = render_info(b, pdf, style=style, font=font, seed=seed)
    seconds = time.perf_counter() - started
    info = {
        "seed": seed, "year": b.year, "style": style, "font": font, "quirks": quirks, "pdf": pdf.name,
        "sections": [s.name for s in b.sections], "missing_sections": b.missing_sections,
        "expected_warnings": [list(w) for w in b.expected_warnings], "render_seconds": round(seconds, 3),
        "layout": layout, "truth": truth(b),
    }
    (out / f"truth-{seed}.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.synth", description=__doc__.splitlines()[0])
    ap.add_argument("seed", type=int)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--style", choices=STYLES)
    ap.add_argument("--font", choices=["STSong-Light", "wqy-zenhei", "uming"])
    ap.add_argument("--quirks", action="store_true", help="plant run-together names and typos in the evaluation lists")
    ap.add_argument("--check", action="store_true", help="run bulletin-etl on the PDF and compare with the truth")
    args = ap.parse_args(argv)
    if args.font and args.font not in available_fonts():
        ap.error(f"font {args.font} is not installed here; available: {', '.join(available_fonts())}")
    info = build(args.seed, args.out, args.style, args.font, args.quirks)
    print(f"{args.out / info['pdf']}: year {info['year']}, style {info['style']}, font {info['font']}, "
          f"{info['render_seconds']}s")
    if args.check:
        from .compare import compare

        target = args.out / f"out-{args.seed}"
        exe = Path(sys.executable).with_name("bulletin-etl")
        run = subprocess.run([str(exe), "extract", str(args.out / info["pdf"]), "--out", str(target), "-q"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print(f"extractor failed ({run.returncode}): {run.stderr.strip()}")
            return 1
        problems = compare(info["truth"], target, expected_warnings=[tuple(w) for w in info["expected_warnings"]])
        for p in problems:
            print(p)
        print(f"{len(problems)} difference(s)")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
