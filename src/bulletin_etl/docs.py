"""Regenerate the README's dataset list from schemas/ so the two never disagree.

    python -m bulletin_etl.docs README.md   (or: make readme-datasets)
"""

from __future__ import annotations

import sys
from pathlib import Path

from .schemas import all_schemas

START = "<!-- datasets:start (generated from schemas/ by `make readme-datasets`) -->"
END = "<!-- datasets:end -->"


def dataset_list() -> str:
    lines = [START, "", "| dataset | key | columns | what it holds |", "| --- | --- | --- | --- |"]
    for spec in all_schemas().values():
        lines.append(f"| `{spec.name}` | {', '.join(spec.key)} | {len(spec.columns)} | {spec.description} |")
    lines += ["", END]
    return "\n".join(lines)


def render(readme: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return head + dataset_list() + tail


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "README.md")
    path.write_text(render(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
