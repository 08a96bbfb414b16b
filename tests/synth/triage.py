"""Sort a sweep's failures into the classes of issue 9 and write them up as markdown.

    python -m tests.synth.sweep --seeds 1-30 --producer html --json /tmp/html.json
    python -m tests.synth.triage /tmp/*.json > failures.md

The class is a best guess from the differences alone (the replay command is the judge): it tells
the reader where to look first.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

RADICALS = re.compile(r"[\u2e80-\u2fdf]")
FOLIO = re.compile(r"第\s*\d+\s*页|[-—]\s*\d+\s*[-—]|\b\d+\s*/\s*\d+\b(?!\S*%)|共\s*\d+\s*页")
FURNITURE_WORDS = re.compile(r"统计数据公报|工作统计|卫生信息统计公报|第\s*\d\s*期")
NOTE_WORDS = re.compile(r"^注[：:]|已接入|互联网医院牌照|目前体检数据|总预约挂号量|累计采集有效数据")
UNKNOWN_TITLES = ("电子健康卡发卡", "信息系统建设情况", "健康档案开放调阅", "出生医学证明电子证照", "检查检验结果互认")


def classify(problems: list[str]) -> list[str]:
    """The failure classes these differences point to, most telling first."""
    out: list[str] = []

    def add(name: str) -> None:
        if name not in out:
            out.append(name)

    for p in problems:
        if p.startswith("render defect:"):
            add("render defect (the PDF lacks text its document holds: a producer's fault, not the extractor's)")
        elif "no bulletin section recognised" in p or "cannot tell which year" in p:
            add("heading not found (no section at all)")
        elif "internal error" in p or "exited with 4" in p:
            add("crash (internal error)")
        elif "exited with" in p:
            add("run failed: " + p.split("error:", 1)[-1].strip()[:80])
        elif "PDF parser" in p or "parser complaint" in p:
            add("parser complaints (reported per font, or not expected)")
        elif p.startswith("warning missing") and "header band" in p:
            add("header band not reported")
        elif "masthead" in p or ("unrecognised section heading" in p and "编印" in p) or p.startswith("bulletins "):
            add("masthead not read (set larger than the body?)")
        elif re.search(r"(?:([\u4e00-\u9fff])\1){3,}", p):
            add("duplicated glyphs (fake bold drawn twice: fill + stroke pass)")
        elif RADICALS.search(p):
            add("radicals (Kangxi/CJK Radicals code points in the text)")
        elif p.startswith("warning missing") and any(t in p for t in UNKNOWN_TITLES):
            add("unknown section not reported")
        elif "unexpected warning" in p and re.search(r"section \w+ not found", p):
            add("heading not found: " + re.search(r"section (\w+) not found", p).group(1))
        elif "unexpected warning" in p and "unrecognised section heading" in p:
            title = re.search(r"heading '(.*?)'", p)
            text = title.group(1) if title else p
            if re.search(r"总量|累计|人次|收入|单位|序号", text) and not re.search(r"统计$", text):
                add("table header row read as a heading")
            elif FOLIO.search(text) or FURNITURE_WORDS.search(text):
                add("furniture read as a heading")
            elif NOTE_WORDS.search(text):
                add("note read as a heading")
            elif re.search(r"[，、；。：]", text):
                add("paragraph line read as a heading")
            elif any(t in text for t in UNKNOWN_TITLES):
                continue  # the unknown section, reported as it must be
            else:
                add("heading misread (unrecognised)")
        elif "no table found under the heading" in p:
            add("table not found under its heading")
        elif "has no metric id" in p:
            add("prose read as a note (section boundary lost)")
        elif "unmapped column header" in p or "unknown band" in p:
            add("header band / column unmapped")
        elif "unexpected row" in p and NOTE_WORDS.search(p.split("unexpected row", 1)[1]):
            add("note read as a table row")
        elif FOLIO.search(p.split("got", 1)[-1]) and "got" in p:
            add("furniture glued onto text")
        elif "source_quirk" in p or "suspected_typo" in p or "run_together" in p:
            add("names: run-together / typo")
        elif "," in p.split("got", 1)[-1] and re.search(r"\d,\d{3}", p):
            add("thousands separators")
        elif p.startswith("consistency"):
            add("consistency (a figure misread upstream?)")
        elif "missing row" in p:
            add(f"rows missing: {p.split(':', 1)[0]}")
        elif "unexpected row" in p:
            add(f"unexpected rows: {p.split(':', 1)[0]}")
        elif p.startswith(("warning missing", "unexpected warning")):
            add("warnings differ")
        else:
            add(f"cells differ: {p.split(' ', 1)[0]}")
    # rows missing from a dataset whose heading was not found follow from that
    lost = {k.split(": ", 1)[1] for k in out if k.startswith("heading not found: ")}
    if any(k.startswith("heading not found (no section") for k in out):
        return [k for k in out if not k.startswith(("rows missing", "cells differ", "unexpected rows"))]
    return [k for k in out if not (k.startswith(("rows missing: ", "cells differ: ", "unexpected rows: "))
                                   and k.split(": ", 1)[1] in lost)]


def markdown(cases: list[dict], heading: str = "") -> str:
    by_producer: dict[str, list[dict]] = defaultdict(list)
    for c in cases:
        by_producer[c["producer"]].append(c)
    lines = [heading] if heading else []
    lines.append("| producer | bulletins | exact | failing |")
    lines.append("| --- | --- | --- | --- |")
    for producer, cs in sorted(by_producer.items()):
        bad = [c for c in cs if c["problems"]]
        lines.append(f"| {producer} | {len(cs)} | {len(cs) - len(bad)} | {len(bad)} |")
    lines.append("")
    classes: Counter = Counter()
    example: dict[str, dict] = {}
    for c in cases:
        for k in c["classes"]:
            classes[(c["producer"], k)] += 1
            example.setdefault(k, c)
    lines.append("### Failure classes (bulletins showing each; a bulletin may show several)")
    lines.append("")
    lines.append("| class | producer | bulletins | first replay |")
    lines.append("| --- | --- | --- | --- |")
    for (producer, k), n in sorted(classes.items(), key=lambda x: (-x[1], x[0])):
        first = next(c for c in cases if c["producer"] == producer and k in c["classes"])
        lines.append(f"| {k} | {producer} | {n} | `{first['replay']}` |")
    lines.append("")
    lines.append("### Every failing bulletin")
    for c in cases:
        if not c["problems"]:
            continue
        lines.append("")
        lines.append(f"- **seed {c['seed']} {c['producer']}** style {c['style']}, font {c['font']}"
                     f"{', quirks' if c.get('quirks') else ''} — {'; '.join(c['classes'])}")
        lines.append(f"  replay: `{c['replay']}`")
        for p in c["problems"][:6]:
            lines.append(f"    - {p[:300]}")
        if len(c["problems"]) > 6:
            lines.append(f"    - … {len(c['problems']) - 6} more")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.synth.triage", description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path, help="JSON written by the sweep's --json")
    args = ap.parse_args(argv)
    cases = []
    for f in args.files:
        cases += json.loads(f.read_text(encoding="utf-8"))["cases"]
    sys.stdout.write(markdown(cases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
