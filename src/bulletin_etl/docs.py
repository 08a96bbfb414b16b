"""Regenerate the README's generated lists — the datasets (from schemas/) and the warning kinds
(from WARNING_KINDS) — so that the README and the code never disagree.

    python -m bulletin_etl.docs README.md   (or: make readme-datasets)
"""

from __future__ import annotations

import sys
from pathlib import Path

from .schemas import all_schemas
from .sections.base import SOURCE_FACT_KINDS, WARNING_KINDS

START = "<!-- datasets:start (generated from schemas/ by `make readme-datasets`) -->"
END = "<!-- datasets:end -->"
KINDS_START = "<!-- warning-kinds:start (generated from WARNING_KINDS by `make readme-datasets`) -->"
KINDS_END = "<!-- warning-kinds:end -->"
STRICT_PASSES = "passes (a fact about the source, kept as printed)"


def dataset_list() -> str:
    lines = [START, "", "| dataset | key | columns | what it holds |", "| --- | --- | --- | --- |"]
    for spec in all_schemas().values():
        lines.append(f"| `{spec.name}` | {', '.join(spec.key)} | {len(spec.columns)} | {spec.description} |")
    lines += ["", END]
    return "\n".join(lines)


def warning_kinds() -> str:
    lines = [KINDS_START, "", "| kind | what it reports | `--strict` |", "| --- | --- | --- |"]
    lines += [f"| `{kind}` | {meaning} | {STRICT_PASSES if kind in SOURCE_FACT_KINDS else 'refuses'} |"
              for kind, meaning in WARNING_KINDS.items()]
    lines += ["", KINDS_END]
    return "\n".join(lines)


def _replace(text: str, start: str, end: str, block: str) -> str:
    head, found, rest = text.partition(start)
    if not found:
        return text
    _, _, tail = rest.partition(end)
    return head + block + tail


def render(readme: str) -> str:
    readme = _replace(readme, START, END, dataset_list())
    return _replace(readme, KINDS_START, KINDS_END, warning_kinds())


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "README.md")
    path.write_text(render(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
