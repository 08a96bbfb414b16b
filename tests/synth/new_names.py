"""The new_names draw family (issue 19 §4): institutions new this year, in no table and not in the
gazetteer, listed in the evaluation ratings' prose run together with their neighbour, no 、 between
('南京市建邺区人民医院南京河西康复医院', docx 910013): the extractor cuts them by the shape of
institution names (a suffix 医院, 中心, … right before a prefix 南京, 江苏, a district, … or a known
name), each part a row, both quirked run_together, the warning naming both parts. The run is two new
names, or a listed (known) name then a new one, or a new one then a listed one. Counter-case, in the
same list: a new campus's name ('南京仙林口腔医院河西分院'), 医院 inside it followed by a place that
begins no name, listed alone and kept whole (its warning: not a known name). The truth follows."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .sections.names import PLACES, SPECIALTIES, gazetteer_names, invent_institution

SHARE = 0.3
"""Share of the bulletins that draw it (all of them with --force new_names)."""
RUNS = ("new+new", "known+new", "new+known")
NAME = "evaluation_ratings"
PREFIXES = ("南京", "江苏", "中国", "东南大学", "东部战区")
"""How a name may begin (a campus's place must not): the gazetteer's name_prefixes' first words."""
LONG_NAMES_SHAPES = ("综合门诊部", "大药房连锁有限公司")
"""The shapes of long_names' names (long_names.short_name, long_name)."""


@dataclass(frozen=True)
class NewNames:
    """One bulletin's draw: which evaluation's last level lists them, how the run is made, the new
    names run together (the first alone where a listed name is the other), the campus listed alone."""

    number: int
    run: str
    pair: tuple[str, str]
    campus: str


def draw(rng: random.Random, table_names: set[str], force: bool = False) -> NewNames | None:
    """The family's draw for a bulletin, names printed nowhere else and in no gazetteer."""
    if not force and rng.random() >= SHARE:
        return None
    known = set(gazetteer_names()["institutions"]) | table_names
    first = _new(rng, known, lambda: _institution(rng))
    second = _new(rng, known | {first}, lambda: _institution(rng))
    campus = _new(rng, known | {first, second}, lambda: _campus(rng))
    return NewNames(rng.choice([2, 3]), rng.choice(RUNS), (first, second), campus)


def _institution(rng: random.Random) -> str:
    """A new institution, not of the shapes the long_names family renames table rows to afterwards
    ('南京红山综合门诊部', '江苏…大药房连锁有限公司…诊所'): such a row may print a name one character
    from it ('南京顶山综合门诊部'), which makes it look a misprint (910096 drawn so)."""
    while True:
        name = invent_institution(rng)
        if not name.endswith(LONG_NAMES_SHAPES[0]) and LONG_NAMES_SHAPES[1] not in name:
            return name


def _campus(rng: random.Random) -> str:
    """'南京仙林口腔医院河西分院': a hospital's name, then a place that begins no name, then 分院."""
    places = [p for p in PLACES if not p.startswith(PREFIXES)]
    return f"南京{rng.choice(places)}{rng.choice(SPECIALTIES)}医院{rng.choice(places)}分院"


def _new(rng: random.Random, known: set[str], make) -> str:
    """A name `make` draws that no known name is inside of, nor one character away from (a new
    name, not a misprint), nor whose inside is a known name."""
    while True:
        name = make()
        if not any(k in name or _one_apart(k, name) for k in known):
            return name


def _one_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def apply(plan: NewNames, rows: list[dict], printed: str, warnings: list[tuple[str, str]]) -> str:
    """The level's printed list with the new names added at its end, and its truth rows."""
    evaluation, level = rows[-1]["evaluation"], rows[-1]["level"]

    def row(name: str, quirk: str | None) -> dict:
        return {"evaluation": evaluation, "level": level, "institution": name, "institution_type": "institution",
                "list_position": 0, "source_quirk": quirk}

    last = rows[-1]
    new = plan.pair[0]
    if plan.run == "known+new" and last["source_quirk"] is None:
        printed, parts = printed + new, (last["institution"], new)
        last["source_quirk"] = "run_together"
        rows.append(row(new, "run_together"))
    elif plan.run == "new+known" and last["source_quirk"] is None:
        printed, parts = printed[:-len(last["institution"])] + new + last["institution"], (new, last["institution"])
        last["source_quirk"] = "run_together"
        rows.insert(len(rows) - 1, row(new, "run_together"))
    else:
        printed, parts = printed + "、" + "".join(plan.pair), plan.pair
        rows.extend(row(name, "run_together") for name in plan.pair)
    warnings.append((NAME, "not by known names: " + " | ".join(repr(p) for p in parts)))
    rows.append(row(plan.campus, None))
    warnings.append((NAME, f"{plan.campus!r} ({evaluation} {level}): not a known name"))
    for position, r in enumerate(rows, 1):
        r["list_position"] = position
    return printed + "、" + plan.campus
