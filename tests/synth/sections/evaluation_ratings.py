"""国家三项测评成绩: one paragraph per evaluation listing, level by level, what reached it — for the
interoperability evaluation the city and districts first, then institutions (the gazetteer's and
the tables' hospitals). With `quirks`, names run together (no 、) and one-character typos, each
with its source_quirk and the warning the extractor must give."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .. import new_names
from ..content import Section
from ..draws import forced
from .context import Context
from .names import DISTRICTS, gazetteer_names

NAME = "evaluation_ratings"

EVALUATIONS = [
    "国家医疗健康信息互联互通标准化成熟度测评",
    "国家医院电子病历系统功能应用水平分级评价",
    "国家医院智慧服务评级",
]
MAJOR_HOSPITALS = {"江苏省人民医院", "南京鼓楼医院", "南京市儿童医院", "江苏省中医院", "南京市妇幼保健院",
                   "东南大学附属中大医院", "南京市第一医院", "南京市中医院", "东部战区总医院"}
TYPO_SWAPS = {"合": "台", "淳": "谆", "浦": "蒲", "溧": "漂", "栖": "柄", "邺": "业", "宁": "宇", "鼓": "豉",
              "儿": "几", "胸": "胞"}

Level = tuple[str, str, str]
"""A level, the verb before it and the word after it: ('六级', '达到', '水平')."""


@dataclass
class _Lists:
    """What the lists draw from: institutions and districts (shuffled; a district is listed once),
    and how many each level lists (the events restate some)."""

    ctx: Context
    pool: list[str]
    districts: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    new_names: new_names.NewNames | None = None  # the new_names family's draw


def build(ctx: Context) -> Section:
    rng = ctx.rng
    lists = _lists(ctx)
    if ctx.new_names is not None:
        lists.new_names = new_names.draw(ctx.new_names, ctx.table_names, forced("new_names"))
    interop, emr, smart = _levels(ctx)
    paragraphs, truth = [], []
    for number, (evaluation, levels) in enumerate(zip(EVALUATIONS, [interop, emr, smart]), 1):
        paragraph, rows = _evaluation(lists, number, evaluation, levels)
        paragraphs.append(paragraph)
        truth += rows
    ctx.facts["eval_counts"] = lists.counts
    ctx.facts["interop_levels"] = [lv for lv, _, _ in interop]
    ctx.facts["emr_levels"] = [lv for lv, _, _ in emr]
    ctx.facts["smart_levels"] = [lv for lv, _, _ in smart]
    title = rng.choice(["南京市医疗机构国家三项测评成绩", "南京市医疗机构国家三项测评成绩",
                        f"{ctx.title_year()}南京市医疗机构国家三项测评成绩"])
    return Section(NAME, title, paragraphs=paragraphs, rows={NAME: truth})


def _lists(ctx: Context) -> _Lists:
    gaz = gazetteer_names()
    pool = sorted(set(gaz["institutions"]) | {n for n in ctx.table_names
                                              if "(" not in n and "（" not in n and n.endswith("医院")})
    ctx.rng.shuffle(pool)
    districts = list(gaz["districts"])
    ctx.rng.shuffle(districts)
    return _Lists(ctx, pool, districts)


def _levels(ctx: Context) -> tuple[list[Level], list[Level], list[Level]]:
    """The levels each evaluation lists, top first; a higher one in some years."""
    rng = ctx.rng
    interop = [("五级乙等", "达到互联互通", "")]
    if ctx.year >= 2025 and rng.random() < 0.4:
        interop.insert(0, ("五级甲等", "达到互联互通", ""))
    interop.append(("四级甲等", "获得", ""))
    emr = ([("七级", "达到", "水平")] if rng.random() < 0.3 else []) + [("六级", "达到", "水平"), ("五级", "达", "水平")]
    smart = ([("四级", "获得", "")] if rng.random() < 0.3 else []) + [("三级", "获得", "")]
    return interop, emr, smart


def _evaluation(lists: _Lists, number: int, evaluation: str, levels: list[Level]) -> tuple[str, list[dict]]:
    """'1、<evaluation>：A、B达到…；C、D获得…。' and its rows; an institution is listed at one level."""
    used: set[str] = set()
    clauses, truth = [], []
    for li, (level, verb, suffix) in enumerate(levels):
        names = _listed(lists, number, evaluation, li, level, len(levels), used)
        rows = [{"evaluation": evaluation, "level": level, "institution": x, "institution_type": t,
                 "list_position": i, "source_quirk": None} for i, (x, t) in enumerate(names, 1)]
        printed = _printed_list(lists.ctx, rows, names)
        plan = lists.new_names
        if plan is not None and plan.number == number and li == len(levels) - 1:
            printed = new_names.apply(plan, rows, printed, lists.ctx.warnings)
            lists.counts[f"{number}_{level}_inst"] = len(rows)
        clauses.append(f"{printed}{verb}{level}{suffix}")
        truth += rows
    return f"{number}、{evaluation}：" + "；".join(clauses) + "。", truth


def _listed(lists: _Lists, number: int, evaluation: str, li: int, level: str, n_levels: int,
            used: set[str]) -> list[tuple[str, str]]:
    """The names one level lists, each with its institution_type."""
    rng = lists.ctx.rng
    names: list[tuple[str, str]] = []
    if evaluation == EVALUATIONS[0]:
        names, n_inst = _interop_places(lists, li, level)
    else:
        n_inst = rng.randint(1, 4) if li == 0 and n_levels > 1 else rng.randint(4, 16)
    # the big hospitals tend to reach the top levels; every evaluation its own list
    weight = {x: rng.random() * (0.4 if x in MAJOR_HOSPITALS and li == 0 else 1.0) for x in lists.pool}
    inst = sorted((x for x in lists.pool if x not in used), key=weight.__getitem__)[:n_inst]
    used.update(inst)
    lists.counts[f"{number}_{level}_inst"] = len(inst)
    return names + [(x, "institution") for x in inst]


def _interop_places(lists: _Lists, li: int, level: str) -> tuple[list[tuple[str, str]], int]:
    """The interoperability levels open with places (the city at the top level, then districts);
    also how many institutions follow them."""
    rng = lists.ctx.rng
    k = rng.randint(1, 4) if li == 0 else rng.randint(2, 7)
    ds = [lists.districts.pop() for _ in range(min(k, len(lists.districts)))]
    names = [("南京市", "city")] if li == 0 else []
    names += [(d, "district") for d in ds]
    lists.counts[f"interop_{level}_districts"] = len(ds)
    return names, rng.randint(2, 6) if li == 0 else rng.randint(5, 18)


def _printed_list(ctx: Context, rows: list[dict], names: list[tuple[str, str]]) -> str:
    """The names as printed: joined with 、 (和 after the city), quirks planted."""
    printed_names = [x for x, _ in names]
    seps = ["、"] * (len(names) - 1)
    if names and names[0][1] == "city" and len(names) > 1:
        seps[0] = "和"
    if ctx.quirks:
        inst = [i for i, r in enumerate(rows) if r["institution_type"] == "institution"]
        _run_together(ctx, rows, printed_names, seps, inst)
        _one_typo(ctx, rows, printed_names, inst)
    return printed_names[0] + "".join(s + x for s, x in zip(seps, printed_names[1:]))


def _run_together(ctx: Context, rows: list[dict], names: list[str], seps: list[str], inst: list[int]) -> None:
    """Maybe run two neighbouring institutions together (no 、 between them)."""
    pairs = [i for i in inst if i + 1 in inst]
    if not pairs or ctx.rng.random() >= 0.5:
        return
    i = ctx.rng.choice(pairs)
    seps[i] = ""
    rows[i]["source_quirk"] = rows[i + 1]["source_quirk"] = "run_together"
    stream = ctx.typo_pairs
    if stream is not None and stream.random() < 0.6:
        # one of the two run together is misprinted too ('南京鼓搂医院南京市儿童医院'): still two
        # institutions, the misprint kept and flagged as such
        j = stream.choice([i, i + 1])
        if _misprintable(names[j]):
            _misprint(ctx, stream, rows, names, j)


def _one_typo(ctx: Context, rows: list[dict], names: list[str], inst: list[int]) -> None:
    """Maybe misprint one character of an institution's name."""
    candidates = [i for i in inst if rows[i]["source_quirk"] is None and _misprintable(names[i])]
    if candidates and ctx.rng.random() < 0.4:
        _misprint(ctx, ctx.rng, rows, names, ctx.rng.choice(candidates))


def _misprintable(name: str) -> bool:
    """A character past the name's first two that a typo could swap."""
    return any(ch in TYPO_SWAPS for ch in name[2:])


def _misprint(ctx: Context, rng: random.Random, rows: list[dict], names: list[str], i: int) -> None:
    """One character of the i-th name swapped for a look-alike, flagged suspected_typo; the warning
    names the misprint."""
    name = names[i]
    pos = rng.choice([p for p, ch in enumerate(name) if ch in TYPO_SWAPS and p >= 2])
    names[i] = rows[i]["institution"] = name[:pos] + TYPO_SWAPS[name[pos]] + name[pos + 1:]
    ctx.facts.setdefault("misprints", {})[names[i]] = Misprint(name, pos, rows[i]["source_quirk"])
    rows[i]["source_quirk"] = "suspected_typo"
    ctx.warnings.append((NAME, names[i]))


@dataclass(frozen=True)
class Misprint:
    """What a misprinted name stands for: the name it misspells, where, and its quirk without the
    misprint (run_together in a pair run together, else None)."""

    name: str
    at: int
    quirk: str | None


def unseen_misprints(ctx: Context, sections: list[Section]) -> None:
    """The truth of misprints the bulletin no longer shows as such. A misprint is told by the name it
    misspells, printed in a table or in the gazetteer, or by a district's name it misspells; a family
    that renames table rows afterwards (wrapped_rows, long_names) may rename the very row it
    misspells (docx 910013: '南京蒲口康复医院' of a row renamed '南京禄口综合门诊部'). Then it is a name
    nobody listed, as printed: run together with its neighbour it is cut by the shape of institution
    names (the pool's names begin with 南京 or 江苏 or are in the gazetteer, and end in 医院), alone
    it is kept whole; its warning names it either way."""
    misprints: dict[str, Misprint] = ctx.facts.get("misprints", {})
    ratings = next((s for s in sections if s.name == NAME), None)
    if not misprints or ratings is None:
        return
    known = set(gazetteer_names()["institutions"]) | {
        r["institution"] for s in sections if s.name != NAME for rows in s.rows.values() for r in rows
        if r.get("institution")}
    for row in ratings.rows[NAME]:
        misprint = misprints.get(row["institution"])
        if misprint is not None and not _told(row["institution"], misprint, known):
            row["source_quirk"] = misprint.quirk


def _told(printed: str, misprint: Misprint, known: set[str]) -> bool:
    """Whether the extractor can tell the misprint: a known name one character from it, or the
    misspelt character inside a district's name."""
    if any(len(k) == len(printed) and sum(a != b for a, b in zip(k, printed)) == 1 for k in known):
        return True
    return any(s <= misprint.at < s + len(d) for d in DISTRICTS
               for s in range(len(misprint.name)) if misprint.name.startswith(d, s))
