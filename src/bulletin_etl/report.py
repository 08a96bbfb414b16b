"""output/report.html: one self-contained page describing the whole output folder — every year in
its manifest, newest first: what each bulletin gave, what does not add up in it, what was not
recognised, which dataset failed its schema, and how long it took. It is rendered from the folder
itself (manifest.json and the Parquet partitions), so years extracted by earlier runs are in it too.
No scripts, no network; readable on a phone: the tables read row by row (schema failures, mismatches,
warnings, the dataset index, the schemas) become one card a row of 'column: value' lines on a narrow
screen; the data previews keep their columns and scroll sideways inside their box; hashes wrap."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from . import __version__
from .diff import DatasetDiff, EditionDiff, diff
from .output import MANIFEST, partition_dir, read_manifest
from .schemas import PARTITION_COLUMNS, DatasetSchema, all_schemas
from .wording import count, figure, missing_figure
from .year_over_year import summaries

PREVIEW_ROWS = 5

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;
  margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1d2430;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{margin-top:2.5rem;border-bottom:2px solid #dde3ea;padding-bottom:.3rem}
h3{margin:1.6rem 0 .4rem} .muted{color:#637083} code{background:#f1f4f8;padding:0 .25rem;border-radius:3px}
code.hash{overflow-wrap:anywhere;word-break:break-all}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.88rem}
th,td{border:1px solid #d7dee6;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f4f8} td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
caption{caption-side:top;text-align:left;color:#637083;padding:0 0 .2rem}
.cards{display:flex;gap:.6rem;flex-wrap:wrap;margin:1rem 0}
.card{border:1px solid #d7dee6;border-radius:8px;padding:.5rem .8rem;min-width:7rem}
.card b{display:block;font-size:1.5rem} .card small{display:block;color:#637083}
.bad{background:#fff1f0} .bad b{color:#b42318} .ok b{color:#067647}
tr.mismatch td,tr.failure td{background:#fff1f0} .tag{font-size:.75rem;border-radius:4px;padding:0 .35rem;background:#eef2f6}
details{margin:.3rem 0 1rem} summary{cursor:pointer;color:#285ea8}
.scroll{overflow-x:auto;max-width:100%}
nav a{margin-right:.8rem}
@media (max-width:600px){body{margin:1rem auto;padding:0 .6rem} h1{font-size:1.3rem} h2{font-size:1.2rem}
  .card{min-width:0;flex:1 1 40%} .card b{font-size:1.25rem} table{font-size:.8rem}
  td:not(.num){min-width:11rem}
  table.stack,table.stack tbody,table.stack tr,table.stack td{display:block} table.stack thead{display:none}
  table.stack tr{border:1px solid #d7dee6;border-radius:6px;margin:0 0 .5rem;padding:.2rem 0}
  table.stack td{border:0;min-width:0;min-height:1.45em;position:relative;padding:.15rem .5rem .15rem 7.2rem;text-align:left;
    white-space:normal;overflow-wrap:anywhere}
  table.stack td::before{content:attr(data-label);position:absolute;left:.5rem;width:6.3rem;color:#637083;
    font-weight:600;overflow-wrap:anywhere}
  table.stack td[data-label=""]{padding-left:.5rem} table.stack td[data-label=""]::before{content:none}
  table.stack tr.mismatch,table.stack tr.failure{background:#fff1f0}}
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


IDENTIFIERS = {"year", "seq", "number", "rank", "list_position", "source_page", "pages", "page"}
"""Numbers that name rather than count: no thousands separator (2024, not 2,024)."""


def _cell(value: object, column: str = "") -> str:
    if missing_figure(value):
        return '<td class="muted">∅</td>'
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = str(int(value)) if column in IDENTIFIERS else figure(value)
        return f'<td class="num">{shown}</td>'
    return f"<td>{_e(value)}</td>"


SPAN = re.compile(r"<td[^>]*\bcolspan=['\"]?(\d+)")


def _labelled(row: list[str], head: list[str]) -> list[str]:
    """Each cell of a row named after the column it starts in (data-label), which a narrow screen shows
    before its value; a cell spanning several columns (a note across the row) has an empty label."""
    cells, column = [], 0
    for cell in row:
        span = int(m.group(1)) if (m := SPAN.match(cell)) else 1
        label = head[column] if span == 1 and column < len(head) else ""
        cells.append(cell.replace("<td", f'<td data-label="{_e(label)}"', 1) if cell.startswith("<td") else cell)
        column += span
    return cells


def _table(head: list[str], rows: list[list[str]], classes: list[str] | None = None, *,
           stack: bool = False, caption: str = "") -> str:
    """A table in a box of its own that scrolls sideways on a narrow screen, the page does not.
    stack: a table read row by row, whose rows become cards of 'column: value' lines on a narrow screen."""
    body = "".join(
        f"<tr{f' class={chr(34)}{classes[i]}{chr(34)}' if classes and classes[i] else ''}>"
        f"{''.join(_labelled(row, head) if stack else row)}</tr>"
        for i, row in enumerate(rows))
    css = ' class="stack"' if stack else ""
    return (f'<div class="scroll"><table{css}>' + (f"<caption>{_e(caption)}</caption>" if caption else "")
            + f'<thead><tr>{"".join(f"<th>{_e(h)}</th>" for h in head)}</tr></thead><tbody>{body}</tbody></table></div>')


def _frame(frame: pd.DataFrame, columns: list[str], css: str = "", *, stack: bool = False, caption: str = "") -> str:
    records = frame[columns].astype(object).to_dict("records")
    return _table(columns, [[_cell(r[c], c) for c in columns] for r in records], [css] * len(records),
                  stack=stack, caption=caption)


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
        rows.append([f"<td><code>{_e(c.name)}</code>{key}{part}</td>", f"<td>{c.type}</td>",
                     f"<td>{'yes' if c.nullable and c.name not in spec.key else 'no'}</td>",
                     f"<td>{'; '.join(checks)}</td>", f"<td>{_e(c.description)}</td>"])
    return _table(["column", "type", "nullable", "checks", "description"], rows, stack=True)


def _card(value: int, noun: str, plural: str | None = None, after: str = "", bad: bool = False, note: str = "") -> str:
    """A big figure over its noun, in the singular for 1 ('1 warning', '5 warnings'); a note in small type under it."""
    label = (noun if value == 1 else plural or noun + "s") + after
    small = f"<small>{_e(note)}</small>" if note else ""
    return f'<div class="card {"bad" if bad else "ok"}"><b>{figure(value)}</b>{_e(label)}{small}</div>'


def _partition(tree: Path, dataset: str, year: int) -> pd.DataFrame | None:
    part = partition_dir(tree, dataset, year) / "part-0.parquet"
    return pq.read_table(part).to_pandas() if part.is_file() else None


def _mismatches(consistency: pd.DataFrame | None) -> pd.DataFrame | None:
    return consistency[consistency["status"] == "mismatch"] if consistency is not None else None


def _datasets_by_role(counts: dict[str, int]) -> dict[str, list[str]]:
    """The datasets written, by their schema's role (data, derived, bulletin); an unknown one counts as data."""
    schemas = all_schemas()
    roles: dict[str, list[str]] = {}
    for name in counts:
        roles.setdefault(schemas[name].role if name in schemas else "data", []).append(name)
    return roles


def _heading(entry: dict) -> str:
    year = entry["year"]
    return (f"<h2 id='{year}'>{year} — {_e(entry['source_file'])}</h2>\n"
            f'<p class="muted">{count(entry["pages"], "page")} · sha256 <code class="hash">{_e(entry["sha256"])}</code> · '
            f'{count(len(entry.get("sections_found", [])), "section")} found · extracted {_e(entry.get("extracted_at", "?"))}'
            + (f" by <code>{_e(entry['command'])}</code>" if entry.get("command") else "") + "</p>")


def _cards(entry: dict, consistency: pd.DataFrame | None) -> str:
    """The figures at a glance; rows read from the sections apart from the rows derived from them (totals, checks)."""
    counts: dict[str, int] = entry.get("datasets", {})
    failures, warnings = entry.get("schema_failures", []), entry.get("warnings", [])
    mismatches = _mismatches(consistency)
    roles = _datasets_by_role(counts)
    derived = roles.get("derived", [])
    cards = [_card(len(counts), "dataset", after=" written"),
             _card(sum(counts[n] for n in roles.get("data", [])), "row", after=" of data"),
             _card(sum(counts[n] for n in derived), "derived row", note=", ".join(derived)),
             _card(len(warnings), "warning", bad=bool(warnings)),
             _card(len(mismatches) if mismatches is not None else 0, "consistency mismatch", "consistency mismatches",
                   bad=mismatches is not None and len(mismatches) > 0),
             _card(len(consistency) if consistency is not None else 0, "check", after=" performed"),
             _card(len(failures), "schema failure", bad=bool(failures))]
    return '<div class="cards">\n' + "\n".join(cards) + "\n</div>"


FAILURE_HEAD = ["dataset", "file", "page", "section", "column", "check", "value", "partition"]


def _failure_rows(failure: dict) -> list[list[str]]:
    kept = "earlier partition kept" if failure.get("previous_partition_kept") else "no partition"
    if failure.get("written_without"):
        earlier = "; their earlier rows kept" if failure.get("previous_partition_kept") else ""
        kept = f"written without the rows of {', '.join(failure['written_without'])}{earlier}"
    rows = [[f"<td><code>{_e(failure['dataset'])}</code></td>", f"<td>{_e(failure['file'])}</td>",
             _cell(case.get("page"), "page"), f"<td>{_e(case.get('section'))}</td>",
             f"<td><code>{_e(case.get('column') or '(row)')}</code></td>", f"<td>{_e(case['check'])}</td>",
             f"<td>{_e(case['value'])}</td>", f"<td>{kept}</td>"] for case in failure["cases"]]
    if failure.get("more_cases"):
        rows.append([f"<td><code>{_e(failure['dataset'])}</code></td>",
                     f"<td colspan='7' class='muted'>and {count(failure['more_cases'], 'more failing value')}</td>"])
    return rows


def _failures(entry: dict) -> str:
    failures: list[dict] = entry.get("schema_failures", [])
    if not failures:
        written = count(len(entry.get("datasets", {})), "dataset")
        return f"<h3>Schema failures</h3>\n<p>None: all {written} passed their schemas.</p>"
    one = len(failures) == 1
    rows = [row for f in failures for row in _failure_rows(f)]
    return ("<h3>Schema failures</h3>\n"
            f"<p>{count(len(failures), 'dataset')} of this bulletin failed {'its' if one else 'their'} schema "
            f"and {'was' if one else 'were'} not written (one gathered from several sections: without the failing "
            "sections' rows); a partition of an earlier run, where there is one, is kept as it was (those rows "
            "of it).</p>\n" + _table(FAILURE_HEAD, rows, ["failure"] * len(rows), stack=True))


MISMATCH_COLUMNS = ["check", "dataset", "subject", "metric", "printed", "expected", "source_page", "detail"]


def _consistency(consistency: pd.DataFrame | None) -> str:
    mismatches = _mismatches(consistency)
    if consistency is None or mismatches is None:
        return "<h3>Consistency mismatches</h3>\n<p>Not known: the consistency dataset was not written for this year.</p>"
    if not len(mismatches):
        return ("<h3>Consistency mismatches</h3>\n<p>None: every printed total and claim checked "
                f"({count(len(consistency), 'check')}) agrees with its parts.</p>")
    return ("<h3>Consistency mismatches</h3>\n"
            f"<p>The bulletin contradicts itself in {count(len(mismatches), 'place')} "
            f"(of {count(len(consistency), 'check')}); the data is kept as printed.</p>\n"
            + _frame(mismatches, MISMATCH_COLUMNS, "mismatch", stack=True))


def _warnings(warnings: list[dict]) -> str:
    if not warnings:
        return "<h3>Warnings</h3>\n<p>None.</p>"
    return "<h3>Warnings</h3>\n" + _table(["page", "section", "kind", "message"], [
        [_cell(w.get("page"), "page"), f"<td>{_e(w.get('section'))}</td>", f"<td><code>{_e(w.get('kind'))}</code></td>",
         f"<td>{_e(w['message'])}</td>"] for w in warnings], stack=True)


def _index(year: int, counts: dict[str, int]) -> str:
    schemas = all_schemas()
    return "<h3>Datasets</h3>\n" + _table(["dataset", "rows", "what it holds"], [
        [f"<td><a href='#{year}-{name}'><code>{name}</code></a></td>", f"<td class='num'>{figure(rows)}</td>",
         f"<td>{_e(schemas[name].description if name in schemas else '')}</td>"] for name, rows in counts.items()],
        stack=True)


def _preview(frame: pd.DataFrame) -> str:
    """The first rows of a dataset, captioned with how many of how many; a check's mismatches come first."""
    first = ""
    if "status" in frame.columns and (frame["status"] == "mismatch").any():
        frame = frame.sort_values("status", key=lambda s: s != "mismatch", kind="stable")
        first = ", mismatches first"
    if len(frame) <= PREVIEW_ROWS:
        caption = "the only row" if len(frame) == 1 else "all " + count(len(frame), "row")
    else:
        caption = f"first {figure(PREVIEW_ROWS)} of {count(len(frame), 'row')}"
    return _frame(frame.head(PREVIEW_ROWS), list(frame.columns), caption=caption + first)


def _dataset(tree: Path, year: int, name: str) -> str:
    spec = all_schemas().get(name)
    frame = _partition(tree, name, year)
    if spec is None or frame is None:
        return ""
    return (f"<h3 id='{year}-{name}'><code>{name}</code> "
            f"<span class='muted'>{count(len(frame), 'row')}</span></h3><p>{_e(spec.description)}</p>\n"
            f"<details><summary>schema ({len(spec.columns)} columns)</summary>{_schema(spec)}</details>"
            + ("\n" + _preview(frame) if len(frame) else ""))


def _timing(timings: dict[str, float], run: dict) -> str:
    """The steps of reading this bulletin and their total; when the last run read it, that run's
    whole time under it (start-up and writing included): the figure the terminal gave."""
    if not timings:
        return ""
    rows = [[f"<td>{_e(step)}</td>", f"<td class='num'>{seconds:.3f}</td>"] for step, seconds in timings.items()]
    rows.append(["<th>reading this bulletin</th>", f"<th class='num'>{sum(timings.values()):.3f}</th>"])
    if run:
        rows.append([f"<td>the last run in all ({_e(_run_steps(run))})</td>", f"<td class='num'>{run['seconds']:.3f}</td>"])
    return "<h3>Timing</h3>" + _table(["step", "seconds"], rows)


def _run_steps(run: dict) -> str:
    """'start-up and checks 0.05 s, reading raw/x.pdf 0.95 s, writing datasets 0.10 s'."""
    return ", ".join(f"{step} {seconds:.2f} s" for step, seconds in run.get("steps", {}).items())


def _last_run_of(entry: dict, manifest: dict) -> dict:
    """The manifest's last run when it is the run that read this bulletin, else nothing."""
    run = manifest.get("last_run", {})
    read_by_it = run.get("started_at") == entry.get("extracted_at") and run.get("command") == entry.get("command")
    return run if read_by_it and isinstance(run.get("seconds"), (int, float)) else {}


def _bulletin(tree: Path, entry: dict, manifest: dict) -> str:
    """One bulletin's part of the page: heading, cards, schema failures, mismatches, warnings, datasets, timing."""
    year = entry["year"]
    counts: dict[str, int] = entry.get("datasets", {})
    consistency = _partition(tree, "consistency", year) if "consistency" in counts else None
    parts = [_heading(entry), _cards(entry, consistency), _failures(entry), _consistency(consistency),
             _warnings(entry.get("warnings", [])), _index(year, counts),
             *(_dataset(tree, year, name) for name in counts),
             _timing(entry.get("timings", {}), _last_run_of(entry, manifest))]
    return "\n".join(p for p in parts if p)


PAIR_HEAD = ["dataset", "rows", "entering", "leaving", "renamed", "columns appeared", "columns vanished"]
CHANGE_HEAD = ["figure", "row", "from", "to", "change"]


def _names(items: list[dict]) -> str:
    return "、".join(_e(item["name"]) for item in items)


def _pair_row(d: DatasetDiff) -> list[str]:
    rows = f"{figure(d.rows_earlier)} → {figure(d.rows_later)}"
    renamed = "<br>".join(f"{_e(r['from'])} → {_e(r['to'])}" for r in d.renamed)
    return [f"<td><code>{_e(d.dataset)}</code></td>", f"<td>{rows}</td>", f"<td>{_names(d.entering)}</td>",
            f"<td>{_names(d.leaving)}</td>", f"<td>{renamed}</td>", f"<td>{_e(', '.join(d.columns_appeared))}</td>",
            f"<td>{_e(', '.join(d.columns_vanished))}</td>"]


def _changes(d: DatasetDiff) -> str:
    """The largest changes of a dataset's figures, folded away under its name."""
    rows = [[f"<td><code>{_e(metric)}</code></td>", f"<td>{_e(c.subject)}</td>", _cell(c.earlier), _cell(c.later),
             f"<td class='num'>{'+' if c.change > 0 else ''}{figure(c.change)}</td>"]
            for metric, changes in d.largest_changes.items() for c in changes]
    return (f"<details><summary><code>{_e(d.dataset)}</code>: largest changes</summary>"
            + _table(CHANGE_HEAD, rows, stack=True) + "</details>") if rows else ""


def _year_over_year(tree: Path, later: int) -> str:
    """How many of the later edition's cumulatives follow from the earlier's (consistency rows)."""
    said = next((line for line in summaries(tree) if line.startswith(f"{later} against")), None)
    if said is None:
        return ""
    return (f"<p>Year over year (cumulative = last edition's + this year's; <code>consistency</code> check "
            f"<code>year_over_year</code>): {_e(said)}.</p>")


def _pair(tree: Path, result: EditionDiff) -> str:
    """One pair of editions: what entered, left, was renamed, which columns came and went, the
    largest changes (the `bulletin-etl diff` of the two)."""
    earlier, later = result.earlier, result.later
    return (f"<h2 id='diff-{earlier}-{later}'>{earlier} → {later}</h2>\n"
            f"<p class='muted'>What changed between the two editions (<code>bulletin-etl diff OUTPUT --from {earlier} "
            f"--to {later}</code>); institutions matched on their id, so a renamed one is listed as renamed.</p>"
            + _year_over_year(tree, later)
            + _table(PAIR_HEAD, [_pair_row(d) for d in result.datasets], stack=True)
            + "".join(_changes(d) for d in result.datasets))


def edition_pairs(years: list[int]) -> list[tuple[int, int]]:
    """The pairs of editions next to each other among those held, newest first."""
    ordered = sorted(years)
    return list(zip(ordered, ordered[1:]))[::-1]


def _pairs(tree: Path, years: list[int]) -> str:
    """A section per pair of editions next to each other, newest first."""
    return "\n".join(_pair(tree, diff(tree, earlier, later)) for earlier, later in edition_pairs(years))


def render(tree: str | Path) -> str:
    """The report of an output folder, from its manifest.json and partitions."""
    tree = Path(tree)
    manifest = read_manifest(tree)
    entries = sorted(manifest.get("bulletins", []), key=lambda b: b["year"], reverse=True)
    run = manifest.get("last_run", {})
    seconds = f" in {run['seconds']:.1f}&nbsp;s ({_e(_run_steps(run))})" if isinstance(run.get("seconds"), (int, float)) else ""
    last = (f"Last run: <code>{_e(run.get('command'))}</code> at {_e(run.get('started_at'))}{seconds}, "
            f"bulletin-etl {_e(manifest.get('package_version', __version__))}." if run else "")
    years = "".join(f"<a href='#{b['year']}'>{b['year']}</a>" for b in entries) + "".join(
        f"<a href='#diff-{a}-{b}'>{a} → {b}</a>" for a, b in edition_pairs([e["year"] for e in entries]))
    body = "\n".join(_bulletin(tree, b, manifest) for b in entries) + _pairs(tree, [b["year"] for b in entries])
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>bulletin-etl output report</title><style>{STYLE}</style></head><body>"
            "<h1>bulletin-etl output report</h1>"
            f"<p class='muted'>This folder holds {count(len(entries), 'bulletin')}"
            f"{', newest first' if len(entries) > 1 else ''}. {last} "
            f"Open the datasets under this folder with pandas or DuckDB; the same facts are in {MANIFEST}.</p>"
            f"<nav>{years}</nav>{body}</body></html>")
