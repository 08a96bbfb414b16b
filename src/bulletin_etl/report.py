"""output/report.html: one self-contained page per run — what each bulletin gave, what does
not add up in it, what was not recognised, and how long it took. No scripts, no network."""

from __future__ import annotations

import datetime as dt
import html
import math

import pandas as pd

from . import __version__
from .pipeline import BulletinResult
from .schemas import PARTITION_COLUMNS, DatasetSchema, all_schemas

PREVIEW_ROWS = 5

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;
  margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1d2430;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{margin-top:2.5rem;border-bottom:2px solid #dde3ea;padding-bottom:.3rem}
h3{margin:1.6rem 0 .4rem} .muted{color:#637083} code{background:#f1f4f8;padding:0 .25rem;border-radius:3px}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.88rem}
th,td{border:1px solid #d7dee6;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f4f8} td.num{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.card{border:1px solid #d7dee6;border-radius:8px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.5rem}
.bad{background:#fff1f0} .bad b{color:#b42318} .ok b{color:#067647}
tr.mismatch td{background:#fff1f0} .tag{font-size:.75rem;border-radius:4px;padding:0 .35rem;background:#eef2f6}
details{margin:.3rem 0 1rem} summary{cursor:pointer;color:#285ea8}
.scroll{overflow-x:auto}
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


IDENTIFIERS = {"year", "seq", "number", "rank", "list_position", "source_page", "pages"}
"""Numbers that name rather than count: no thousands separator (2024, not 2,024)."""


def _cell(value: object, column: str = "") -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return '<td class="muted">∅</td>'
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if column in IDENTIFIERS:
            return f'<td class="num">{int(value)}</td>'
        shown = f"{value:,.2f}" if isinstance(value, float) and not value.is_integer() else f"{int(value):,}"
        return f'<td class="num">{shown}</td>'
    return f"<td>{_e(value)}</td>"


def _frame(frame: pd.DataFrame, columns: list[str], classes: list[str] | None = None) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    rows = []
    for i, record in enumerate(frame[columns].astype(object).to_dict("records")):
        css = f' class="{classes[i]}"' if classes and classes[i] else ""
        rows.append(f"<tr{css}>" + "".join(_cell(record[c], c) for c in columns) + "</tr>")
    return f'<div class="scroll"><table><tr>{head}</tr>{"".join(rows)}</table></div>'


def _schema(spec: DatasetSchema) -> str:
    rows = []
    for c in spec.columns:
        checks = []
        if c.min is not None:
            checks.append(f"≥ {c.min:g}")
        if c.max is not None:
            checks.append(f"≤ {c.max:g}")
        if c.allowed:
            checks.append("one of " + ", ".join(c.allowed))
        if c.pattern:
            checks.append(f"matches <code>{_e(c.pattern)}</code>")
        key = " <span class='tag'>key</span>" if c.name in spec.key else ""
        part = " <span class='tag'>partition</span>" if c.name in PARTITION_COLUMNS else ""
        rows.append(f"<tr><td><code>{_e(c.name)}</code>{key}{part}</td><td>{c.type}</td>"
                    f"<td>{'yes' if c.nullable and c.name not in spec.key else 'no'}</td>"
                    f"<td>{'; '.join(checks)}</td><td>{_e(c.description)}</td></tr>")
    return ("<table><tr><th>column</th><th>type</th><th>nullable</th><th>checks</th><th>description</th></tr>"
            + "".join(rows) + "</table>")


def _card(label: str, value: object, bad: bool = False) -> str:
    return f'<div class="card {"bad" if bad else "ok"}"><b>{_e(value)}</b>{_e(label)}</div>'


def _bulletin(result: BulletinResult) -> str:
    frames = result.frames
    consistency = frames.get("consistency", pd.DataFrame())
    mismatches = consistency[consistency["status"] == "mismatch"] if len(consistency) else consistency
    rows = sum(len(f) for f in frames.values())
    parts = [
        f"<h2>{_e(result.year)} — {_e(result.path.name)}</h2>",
        f'<p class="muted">{result.pages} pages · sha256 <code>{result.sha256}</code> · '
        f'sections found: {len(result.sections_found)}</p>',
        '<div class="cards">', _card("datasets", len(frames)), _card("rows", f"{rows:,}"),
        _card("warnings", len(result.warnings), bool(result.warnings)),
        _card("consistency mismatches", len(mismatches), len(mismatches) > 0),
        _card("checks performed", len(consistency)), _card("schema failures", 0), "</div>",
        "<h3>Consistency mismatches</h3>",
    ]
    if len(mismatches):
        parts.append("<p>The bulletin contradicts itself here; the data is kept as printed.</p>")
        parts.append(_frame(mismatches, ["check", "dataset", "subject", "metric", "printed", "expected", "source_page", "detail"],
                            ["mismatch"] * len(mismatches)))
    else:
        parts.append("<p>None: every printed total and claim checked agrees with its parts.</p>")
    parts.append("<h3>Warnings</h3>")
    if result.warnings:
        parts.append("<table><tr><th>page</th><th>section</th><th>message</th></tr>" + "".join(
            f"<tr><td class='num'>{_e(w.page)}</td><td>{_e(w.section)}</td><td>{_e(w.message)}</td></tr>"
            for w in result.warnings) + "</table>")
    else:
        parts.append("<p>None.</p>")
    parts.append("<h3>Validation</h3>"
                 f"<p>All {len(frames)} datasets passed their schemas (a failing dataset stops the run "
                 "before anything is written, so a written report never shows one).</p>")
    parts.append("<h3>Datasets</h3>")
    parts.append("<table><tr><th>dataset</th><th>rows</th><th>what it holds</th></tr>" + "".join(
        f"<tr><td><a href='#{result.year}-{name}'><code>{name}</code></a></td><td class='num'>{len(frame):,}</td>"
        f"<td>{_e(all_schemas()[name].description)}</td></tr>" for name, frame in frames.items()) + "</table>")
    for name, frame in frames.items():
        spec = all_schemas()[name]
        parts.append(f"<h3 id='{result.year}-{name}'><code>{name}</code> "
                     f"<span class='muted'>{len(frame):,} rows</span></h3><p>{_e(spec.description)}</p>")
        parts.append(f"<details><summary>schema ({len(spec.columns)} columns)</summary>{_schema(spec)}</details>")
        if len(frame):
            parts.append(_frame(frame.head(PREVIEW_ROWS), list(frame.columns)))
    parts.append("<h3>Timing</h3><table><tr><th>step</th><th>seconds</th></tr>" + "".join(
        f"<tr><td>{_e(step)}</td><td class='num'>{seconds:.3f}</td></tr>" for step, seconds in result.timings.items())
        + f"<tr><th>total</th><th class='num'>{sum(result.timings.values()):.3f}</th></tr></table>")
    return "\n".join(parts)


def render(results: list[BulletinResult], total_seconds: float | None = None) -> str:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    years = ", ".join(str(r.year) for r in results)
    timing = f" in {total_seconds:.1f} s" if total_seconds is not None else ""
    body = "\n".join(_bulletin(r) for r in sorted(results, key=lambda r: r.year))
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>bulletin-etl run report</title>"
            f"<style>{STYLE}</style></head><body><h1>bulletin-etl run report</h1>"
            f"<p class='muted'>{len(results)} bulletin(s) ({years}) extracted{timing} on {when} by bulletin-etl "
            f"{__version__}. Open the datasets under this folder with pandas or DuckDB; see manifest.json.</p>"
            f"{body}</body></html>")
