"""Consecutive editions of a synthetic bulletin drawn from one content model (issue 18, Tests).

    from tests.synth.editions import edition_pair, edition_series

    pair = edition_pair(7)                    # editions y−1 and y (edition_series(7, 3): three years)
    older, newer = pair.bulletins             # two normal synthetic bulletins (model.Bulletin)
    render(older, Path("/tmp/a.pdf"), style="grid", font="STSong-Light", seed=7)   # any producer
    pair.names(1)        # edition 1: dataset → printed institution name → true entity key
    pair.renames(1)      # Rename(entity, old, new, kind) between editions 0 and 1
    pair.entries(1), pair.exits(1)            # Member(dataset, entity, name) printed in one edition only
    pair.planted         # the one year-over-year break: Break(dataset, entity, metric, year, expected, printed)
    pair.year_over_year(1)   # every row printed with both an annual and a cumulative, as issue 18 §3 checks it

What is drawn. `ContentModel(seed, count)` draws, on its own stream ('editions-<seed>'), the
institutions of the series and their figures in the three tables that print institutions with
year-over-year figures (internet_hospitals, physical_exam_reports, appointments_12320):

- renames, each between two consecutive editions, of every class issue 18 §1 names (RENAME_KINDS:
  about three in four pairs draw each): the city prefix added or dropped (南京… / 南京市…), the
  district's 区 inserted (南京市浦口人民医院 / 南京市浦口区人民医院), the military owner's prefix
  (中国人民解放军…), the former name kept in brackets after the new one (南京市市级机关医院, then
  南京市中心医院（南京市市级机关医院）; or that, then 南京市中心医院; full- or half-width), a
  campus's brackets full- and half-width, and a curated alias (an entirely new name: 江苏省省级机关医院 /
  江苏省老年医院 — ALIASES, the entries of the project's curated list
  schemas/institution_aliases.yaml, the contract: a pair not in it is no alias);
- counter-cases, distinct institutions printed side by side in every edition, never renamed: names
  one character apart (南京市第一医院 / 南京市第二医院), a hospital and its campus (…江北院区, …浦口分院,
  bare or in brackets), 南京市中医院 and 江苏省中医院 (COUNTER_KINDS: one pair of each in every series);
- other institutions (fillers: the generator's real and invented names), most printed in every
  edition, some entering (printed from an edition on) or leaving (printed up to one); in the first
  table printed, one entering and one leaving at every transition at least; no two institutions
  of a series fold alike (`fold`: the renames' normalisation and the project's curated aliases);
- figures: an institution's cumulative is its last edition's plus its annual, for every row printed
  in consecutive editions; at its first edition as a single bulletin draws it. The same holds for
  the referrals per district and type, the health certificates' two rows, and the 12320 all-time
  total (the last edition's plus this year's 合计 小计), which the model carries from one edition to
  the next while they are drawn (their districts enter and leave as each edition draws them);
- exactly one planted break (`planted`): one cumulative of one row (an institution's in
  internet_hospitals or physical_exam_reports, or a health-certificates figure) off what follows
  by a little; later editions follow from the figure as printed.

Each edition is `make_bulletin(seed, draws=…, edition=…)`: a normal bulletin of the model's year
(the first drawn 2019–2029, the others the years after), every draw family as usual except
long_names (it renames internet hospitals' rows) and the units family's 万 names (they rename a
row): its layout draws are the seed's, so the editions of one series look alike, as one
publisher's do; its year-over-year tables are the model's. A bulletin drawn without an edition
draws exactly as before (test_edition_series pins a few).

The truth (`EditionSeries`) is read off each edition's own truth (model.truth), so that it says what
is printed: the datasets the bulletin leaves out print nothing, and their institutions enter,
leave and are renamed nowhere. Names printed in the other datasets with institutions (the
evaluation lists, the platform table: drawn as a single bulletin draws them) are the model's
institutions where they fold as one does (`names(k, everywhere=True)`), else outside its truth.

Sweeping pairs: `.venv/bin/python -m tests.synth.edition_pairs --seeds 0-29 --out /tmp/pairs`
(edition_pairs.py; reportlab, style and font by seed) draws edition_pair(seed), renders both
bulletins, extracts each and writes both into ONE output folder in either order (older first, newer
first), then holds the ids read off the output to the series' truth — id_problems(series, ids), the
renames resolved and the institutions wrongly merged, the same ids in either order — compares each
edition's datasets with its truth (compare), and lists the cumulatives off in the output with rows
joined on institution_id, which must be exactly the planted break. Other producers: render with
theirs in place of render_reportlab.render. Once the extractor checks year over year (issue 18 §3),
compare_mismatches(expected_mismatches(series, k), OUT, year) per edition, as sweep.check does (the
planted break one more, on the later edition). A sweep's plant_wrong_total (a misprinted 合计)
would move the 12320 all-time chain when it hits 小计: plant it in neither edition, or expect it.
"""

from __future__ import annotations

import functools
import random
import re
import unicodedata
from dataclasses import dataclass, field

from bulletin_etl.schemas import load_yaml

from .content import Bulletin
from .draws import default_draws
from .model import _section_order, make_bulletin, truth
from .sections import appointments_12320, family_doctor_referrals, health_certificates, internet_hospitals, physical_exam_reports
from .sections.context import Context
from .sections.names import DISTRICTS, REAL_INSTITUTIONS, invent_institution

INTERNET, EXAMS, BOOKINGS = internet_hospitals.NAME, physical_exam_reports.NAME, appointments_12320.NAME
REFERRALS, CERTIFICATES = family_doctor_referrals.NAME, health_certificates.NAME
INSTITUTION_TABLES = (INTERNET, EXAMS, BOOKINGS)
"""The tables whose institutions and figures the model draws."""
OTHER_INSTITUTIONS = ("evaluation_ratings", "platform_collection_hospitals")
"""The other datasets with an institution column."""
CUMULATIVE_PAIRS = {
    # dataset → (annual column, cumulative column) pairs printed per row
    INTERNET: [(f"{stem}_annual", f"{stem}_cumulative") for _, stem in internet_hospitals.GROUPS],
    EXAMS: [("reports_annual", "reports_cumulative"), ("records_annual", "records_cumulative")],
}
CERTIFICATE_METRICS = ("employers", "individual_users", "appointment_orders", "electronic_certificates")
ALL_TIME = "appointments_all_time"
"""The 12320 note's all-time total (totals dataset): the last edition's plus this year's 合计 小计."""
DROPPED_FAMILIES = frozenset({"long_names"})
"""Families an edition does not draw: they rename a row of a table the model names."""

RENAME_SHARE = 0.75  # series drawing each rename kind
ENTERING_SHARE = 0.15  # fillers entering the series at a later edition
LEAVING_SHARE = 0.15  # fillers leaving it before its last edition

CITY_PREFIX = ["南京梅山医院", "南京同仁医院", "南京江北医院", "南京一民医院", "南京怡悦医院"]
"""Names printed '南京…' in one edition and '南京市…' in another."""
DISTRICT_STEMS = ["浦口", "六合", "溧水", "高淳"]
DISTRICT_KINDS = ["人民医院", "中医院", "妇幼保健院"]
"""'南京市浦口人民医院' / '南京市浦口区人民医院'."""
MILITARY = ["东部战区总医院", "东部战区空军医院"]
MILITARY_PREFIX = "中国人民解放军"
FORMER_NAMES = [("南京市市级机关医院", "南京市中心医院"), ("南京市红十字医院", "南京市中西医结合医院"),
                ("南京市江宁医院", "南京医科大学附属江宁医院")]
"""(former, new): the new name printed with the former in brackets after it."""
BRACKETED_CAMPUSES = [("南京市妇幼保健院", "丁家庄院区"), ("东南大学附属中大医院", "江北院区"),
                      ("南京医科大学附属逸夫医院", "江宁院区")]
"""Campuses printed with full-width brackets in one edition, half-width in another."""


def curated_aliases() -> list[tuple[str, str, str]]:
    """(printed, canonical, reason): the entries of the project's curated alias list
    (schemas/institution_aliases.yaml), the contract the alias renames are drawn from."""
    return [(entry["printed"], entry["canonical"], entry["reason"])
            for entry in load_yaml("institution_aliases.yaml").get("aliases") or []]


ALIASES = curated_aliases()
"""(one name, the other, why they are one institution): the alias renames' pairs."""
RENAME_KINDS = ("city_prefix", "district_qu", "military_prefix", "former_name", "bracket_width", "alias")

ONE_CHARACTER = [("南京市第一医院", "南京市第二医院"), ("南京医科大学第二附属医院", "南京医科大学第四附属医院")]
CAMPUSES = [("南京市儿童医院", "河西院区"), ("江苏省人民医院", "浦口分院"), ("南京市胸科医院", "江北院区")]
"""A hospital and one of its campuses, two institutions ('…江北院区' or '…（江北院区）')."""
KINDS = [("南京市中医院", "江苏省中医院"), ("南京市口腔医院", "江苏省口腔医院"), ("南京市肿瘤医院", "江苏省肿瘤医院")]
"""The city's hospital and the province's of one kind: two institutions."""
COUNTER_KINDS = ("one_character", "campus", "city_or_province")

BRACKETS = re.compile(r"[（(]([^（()）]*)[)）]")


@functools.cache
def project_aliases() -> dict[str, str]:
    """The extractor's curated aliases, printed → canonical (NFKC) (schemas/institution_aliases.yaml,
    issue 18 §1): two names it lists as one are one institution, so the model never draws them as two."""
    return {unicodedata.normalize("NFKC", printed): unicodedata.normalize("NFKC", canonical)
            for printed, canonical, _ in ALIASES}


def fold(name: str) -> str:
    """A name as the renames here leave it: NFKC (bracket widths), the project's curated alias
    followed, no '南京市'/'南京' city prefix, no district '区', no military prefix. Two institutions
    of a series never fold alike."""
    text = unicodedata.normalize("NFKC", name)
    text = project_aliases().get(text, text).replace(MILITARY_PREFIX, "")
    return re.sub(r"^南京市?", "", text).replace("区", "")


@dataclass
class Entity:
    """One institution of the series: its printed name in each edition, what it stands for."""

    key: str
    names: list[str]  # by edition
    role: str  # rename | counter | filler
    kind: str = ""  # the rename kind or counter-case kind
    first: int = 0  # the first edition printing it
    last: int = 0  # the last edition printing it


@dataclass
class Break:
    """The planted year-over-year break: a cumulative printed off the last edition's plus the annual."""

    dataset: str
    entity: str  # the entity key ('' for the health certificates' cumulative row)
    metric: str  # the cumulative column
    edition: int
    year: int
    expected: int
    printed: int


@dataclass
class Rename:
    entity: str
    old: str
    new: str
    kind: str


@dataclass(frozen=True)
class Member:
    """An entity (institution key or district) printed in one dataset of an edition."""

    dataset: str
    entity: str
    name: str


@dataclass
class Following:
    """One row and metric printed with both an annual and a cumulative in two consecutive editions."""

    dataset: str
    entity: str
    metric: str
    previous: int  # the cumulative of edition k−1
    annual: int  # the annual of edition k
    cumulative: int  # the cumulative of edition k

    @property
    def follows(self) -> bool:
        return self.previous + self.annual == self.cumulative


class ContentModel:
    """The institutions, their names and their figures across `count` consecutive editions."""

    def __init__(self, seed: int, count: int = 2, draws: frozenset[str] | None = None):
        self.seed, self.count = seed, count
        self.draws = (default_draws() if draws is None else frozenset(draws)) - DROPPED_FAMILIES
        rng = random.Random(f"editions-{seed}")
        self.rng = rng
        first_year = rng.randint(2019, 2030 - count + 1)
        self.years = [first_year + k for k in range(count)]
        _, self.missing = _section_order(Context(seed, False, self.draws).rng)  # as make_bulletin draws it
        missing = self.missing
        self.printed_tables = [name for name in INSTITUTION_TABLES if name not in missing]
        self.entities: list[Entity] = []
        self.members: dict[str, list[str]] = {name: [] for name in INSTITUTION_TABLES}
        self._draw_renames()
        self._draw_counter_cases()
        self._draw_fillers()
        self.figures: dict[tuple[str, str], list[dict | None]] = {}
        self.planted: Break | None = None
        self._plan_break()
        self._draw_figures()
        self.carried: dict[tuple, dict[int, dict]] = {}  # figures the editions drew, carried to the next

    # ------------------------------------------------------------------ institutions
    def _add(self, names: list[str], role: str, kind: str, tables: list[str], first: int = 0,
             last: int | None = None) -> Entity:
        entity = Entity(f"{role}-{len(self.entities):02d}", names, role, kind, first,
                        self.count - 1 if last is None else last)
        self.entities.append(entity)
        for name in tables:
            self.members[name].append(entity.key)
        return entity

    def _tables(self) -> list[str]:
        """The tables an entity of the renames and counter-cases is printed in: one or more of those
        the bulletin prints, most often the internet hospitals'."""
        printed = self.printed_tables or list(INSTITUTION_TABLES)
        chosen = [name for name, share in ((INTERNET, 0.8), (EXAMS, 0.4), (BOOKINGS, 0.5))
                  if name in printed and self.rng.random() < share]
        return chosen or [printed[0]]

    def _renamed(self, before: str, after: str, either_way: bool = True) -> list[str]:
        """The names by edition: `before` up to a transition, `after` from it (or, `either_way`, the
        other way round)."""
        if either_way and self.rng.random() < 0.5:
            before, after = after, before
        at = self.rng.randint(1, self.count - 1)
        return [before if k < at else after for k in range(self.count)]

    def _draw_renames(self) -> None:
        rng = self.rng
        kinds = [kind for kind in RENAME_KINDS if rng.random() < RENAME_SHARE] or [rng.choice(RENAME_KINDS)]
        used: set[str] = set()  # the folds of the renames drawn: no two institutions fold alike
        for kind in kinds:
            pair = self._rename_pair(kind)
            while {fold(name) for name in pair} & used:  # '南京市浦口中医院' and the alias '…浦口区中医医院'
                pair = self._rename_pair(kind)
            used |= {fold(name) for name in pair}
            self._add(self._renamed(*pair, kind != "former_name"), "rename", kind, self._tables())

    def _rename_pair(self, kind: str) -> tuple[str, str]:
        rng = self.rng
        if kind == "city_prefix":
            name = rng.choice(CITY_PREFIX)
            return name, name.replace("南京", "南京市", 1)
        if kind == "district_qu":
            stem, what = rng.choice(DISTRICT_STEMS), rng.choice(DISTRICT_KINDS)
            return f"南京市{stem}{what}", f"南京市{stem}区{what}"
        if kind == "military_prefix":
            name = rng.choice(MILITARY)
            return name, MILITARY_PREFIX + name
        if kind == "former_name":
            former, new = rng.choice(FORMER_NAMES)
            opening, closing = rng.choice([("（", "）"), ("(", ")")])
            both = f"{new}{opening}{former}{closing}"
            return (former, both) if rng.random() < 0.5 else (both, new)  # renamed, or the former name dropped
        if kind == "bracket_width":
            base, campus = rng.choice(BRACKETED_CAMPUSES)
            return f"{base}（{campus}）", f"{base}({campus})"
        one, other, _ = rng.choice(ALIASES)
        return one, other

    def _draw_counter_cases(self) -> None:
        rng = self.rng
        campus_base, campus = rng.choice(CAMPUSES)
        campus_name = f"{campus_base}{campus}" if rng.random() < 0.5 else f"{campus_base}（{campus}）"
        for kind, pair in (("one_character", rng.choice(ONE_CHARACTER)), ("campus", (campus_base, campus_name)),
                           ("city_or_province", rng.choice(KINDS))):
            tables = self._tables()  # both printed side by side wherever one is
            for name in pair:
                self._add([name] * self.count, "counter", kind, tables)

    def _reserved(self) -> set[str]:
        """Folds a filler may not have: every name of the other entities, with and without its
        brackets, and what its brackets hold."""
        out = set()
        for entity in self.entities:
            for name in entity.names:
                out |= {fold(name), fold(BRACKETS.sub("", name)), *(fold(m) for m in BRACKETS.findall(name))}
        return out

    def _filler(self, reserved: set[str]) -> str:
        rng = self.rng
        while True:
            name = rng.choice(REAL_INSTITUTIONS) if rng.random() < 0.5 else invent_institution(rng)
            if fold(name) not in reserved and not BRACKETS.search(name):
                reserved.add(fold(name))
                return name

    def _draw_fillers(self) -> None:
        rng = self.rng
        reserved = self._reserved()
        sizes = {INTERNET: (6, 24), EXAMS: (5, 10), BOOKINGS: (5, 20)}
        last = self.count - 1
        for table in INSTITUTION_TABLES:
            spans = [(0, last)] * 3  # three rows in every edition at least
            if table == (self.printed_tables or [INTERNET])[0]:  # at each transition one entering, one leaving
                spans += [(k, last) for k in range(1, self.count)] + [(0, k - 1) for k in range(1, self.count)]
            spans += [self._span() for _ in range(max(0, rng.randint(*sizes[table]) - len(spans)))]
            for since, until in spans:
                name = self._filler(reserved)
                self._add([name] * self.count, "filler", "", [table], since, until)

    def _span(self) -> tuple[int, int]:
        """The editions a filler is printed in: all of them, or from one on, or up to one."""
        r, last = self.rng.random(), self.count - 1
        if r < ENTERING_SHARE:
            return self.rng.randint(1, last), last
        if r < ENTERING_SHARE + LEAVING_SHARE:
            return 0, self.rng.randint(0, last - 1)
        return 0, last

    def entity(self, key: str) -> Entity:
        return next(e for e in self.entities if e.key == key)

    # ------------------------------------------------------------------ figures
    def _plan_break(self) -> None:
        """The dataset, row and edition of the one planted break (its figures: _draw_figures)."""
        rng = self.rng
        rows = [(name, key) for name in (INTERNET, EXAMS) if name in self.printed_tables
                for key in self.members[name] if self.entity(key).first < self.entity(key).last]
        if rows and (rng.random() < 0.85 or CERTIFICATES in self.missing):
            dataset, key = rng.choice(rows)
            entity = self.entity(key)
            edition = rng.randint(entity.first + 1, entity.last)
            metric = rng.choice(CUMULATIVE_PAIRS[dataset])[1]
        else:
            dataset, key, metric = CERTIFICATES, "", rng.choice(CERTIFICATE_METRICS)
            edition = rng.randint(1, self.count - 1)
        self.planted = Break(dataset, key, metric, edition, self.years[edition], 0, 0)

    def _misprint(self, expected: int, annual: int) -> int:
        """A cumulative off `expected` by a little, never under the year's figure."""
        delta = self.rng.randint(1, max(1, min(999, expected // 20)))
        down = expected - delta
        return down if self.rng.random() < 0.5 and down >= annual else expected + delta

    def _is_planted(self, dataset: str, key: str, edition: int) -> bool:
        p = self.planted
        return p is not None and (p.dataset, p.entity, p.edition) == (dataset, key, edition)

    def _draw_figures(self) -> None:
        rng = self.rng
        draw = {INTERNET: lambda name: internet_hospitals._institution(rng, name, internet_hospitals.GROUPS),
                EXAMS: lambda name: physical_exam_reports._centre(rng, name),
                BOOKINGS: lambda name: appointments_12320._institution(rng, name)}
        for dataset in INSTITUTION_TABLES:
            for key in self.members[dataset]:
                entity = self.entity(key)
                by_edition: list[dict | None] = [None] * self.count
                for k in range(entity.first, entity.last + 1):
                    item = draw[dataset](entity.names[k])
                    item.pop("_name")
                    if k > entity.first:
                        self._follow(dataset, key, k, item, by_edition[k - 1])
                    by_edition[k] = item
                self.figures[(dataset, key)] = by_edition

    def _follow(self, dataset: str, key: str, k: int, item: dict, previous: dict | None) -> None:
        """The cumulatives of edition k: the last edition's plus this year's (one planted off it)."""
        assert previous is not None
        for annual, cumulative in CUMULATIVE_PAIRS.get(dataset, []):
            item[cumulative] = previous[cumulative] + item[annual]
            if self._is_planted(dataset, key, k) and self.planted is not None and self.planted.metric == cumulative:
                self.planted.expected = item[cumulative]
                item[cumulative] = self.planted.printed = self._misprint(item[cumulative], item[annual])

    def names_at(self, edition: int) -> dict[str, str]:
        """Every name the model prints in an edition → its entity key."""
        return {e.names[edition]: e.key for e in self.entities if e.first <= edition <= e.last}


@dataclass
class Edition:
    """What make_bulletin asks of the model while it draws edition `index` (the hooks in the
    sections' builders: context.Context.edition)."""

    model: ContentModel
    index: int

    @property
    def year(self) -> int:
        return self.model.years[self.index]

    def rows(self, ctx: Context, dataset: str, drawn_names: list[str], drawn: list[dict]) -> list[dict]:
        """The table's institutions and figures in this edition (in place of those drawn), and
        their names among the bulletin's table names (the evaluation lists draw from them)."""
        ctx.table_names.difference_update(drawn_names)
        items = []
        for key in self.model.members[dataset]:
            figures = self.model.figures[(dataset, key)][self.index]
            if figures is not None:
                items.append({"_name": self.model.entity(key).names[self.index], **figures})
        ctx.table_names.update(item["_name"] for item in items)
        return items

    def _carried(self, what: tuple) -> dict | None:
        return self.model.carried.get(what, {}).get(self.index - 1)

    def _carry(self, what: tuple, figures: dict) -> None:
        self.model.carried.setdefault(what, {})[self.index] = dict(figures)

    def district(self, ctx: Context, dataset: str, district: str, drawn: dict) -> dict:
        """A district's referrals: to date the last edition's plus this year's, printed totals that
        add up (the single bulletin's off-by-one total is not drawn, nor expected)."""
        ctx.mismatches.discard(("row_subtotal", dataset, district, "all_types_annual"))
        rec = dict(drawn)
        previous = self._carried((dataset, district))
        for period in ("annual", "cumulative"):
            for key in family_doctor_referrals.BY_TYPE:
                if period == "cumulative" and previous is not None:
                    rec[f"{key}_cumulative"] = previous[f"{key}_cumulative"] + rec[f"{key}_annual"]
            rec[f"{family_doctor_referrals.ALL_TYPES}_{period}"] = sum(rec[f"{key}_{period}"]
                                                                      for key in family_doctor_referrals.BY_TYPE)
        self._carry((dataset, district), rec)
        return rec

    def periods(self, dataset: str, annual: dict, cumulative: dict) -> tuple[dict, dict]:
        """The health certificates: to date the last edition's plus this year's (one planted off it)."""
        previous = self._carried((dataset,))
        cumulative = dict(cumulative)
        if previous is not None:
            for metric in CERTIFICATE_METRICS:
                cumulative[metric] = previous[metric] + annual[metric]
                if self.model._is_planted(dataset, "", self.index) and self.model.planted is not None \
                        and self.model.planted.metric == metric:
                    self.model.planted.expected = cumulative[metric]
                    cumulative[metric] = self.model.planted.printed = self.model._misprint(cumulative[metric],
                                                                                           annual[metric])
        self._carry((dataset,), cumulative)
        return annual, cumulative

    def all_time(self, dataset: str, year_total: int, drawn: int) -> int:
        """The 12320 all-time total: the last edition's plus this year's."""
        previous = self._carried((dataset, ALL_TIME))
        value = drawn if previous is None else previous["value"] + year_total
        self._carry((dataset, ALL_TIME), {"value": value})
        return value


@dataclass
class EditionSeries:
    """Consecutive editions drawn from one content model, and their truth read off what each prints."""

    seed: int
    model: ContentModel
    bulletins: list[Bulletin]
    truths: list[dict[str, list[dict]]] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return [b.year for b in self.bulletins]

    @property
    def planted(self) -> Break | None:
        """The planted break, where its dataset is printed in both editions."""
        p = self.model.planted
        if p is None or not (self.truths[p.edition][p.dataset] and self.truths[p.edition - 1][p.dataset]):
            return None
        return p

    def names(self, k: int, everywhere: bool = False) -> dict[str, dict[str, str]]:
        """Edition k: per dataset the model draws, each printed institution name → its entity key.
        `everywhere`: also the names the other datasets with institutions print (OTHER_INSTITUTIONS:
        the evaluation lists, the platform table, drawn as a single bulletin draws them) that fold as
        one of the model's institutions does ('南京市鼓楼医院' when the model prints 南京鼓楼医院),
        each that institution's; their other names are the single bulletin's, outside the truth."""
        known = self.model.names_at(k)
        out = {dataset: {r["institution"]: known[r["institution"]] for r in self.truths[k][dataset]}
               for dataset in INSTITUTION_TABLES}
        if everywhere:
            folds = {fold(name): e.key for e in self.model.entities for name in e.names}
            for dataset in OTHER_INSTITUTIONS:
                printed = [r["institution"] for r in self.truths[k][dataset]]
                out[dataset] = {name: folds[fold(name)] for name in printed if fold(name) in folds}
        return out

    def members(self, k: int) -> set[Member]:
        """Every institution and district printed in edition k's year-over-year tables."""
        out = {Member(dataset, key, name) for dataset, names in self.names(k).items() for name, key in names.items()}
        return out | {Member(REFERRALS, r["district"], r["district"]) for r in self.truths[k][REFERRALS]}

    def entries(self, k: int) -> list[Member]:
        """Printed in a dataset of edition k, not in the same dataset of edition k−1 (that dataset printed)."""
        return self._one_sided(k, k - 1)

    def exits(self, k: int) -> list[Member]:
        """Printed in a dataset of edition k−1, not in the same dataset of edition k (that dataset printed)."""
        return self._one_sided(k - 1, k)

    def _one_sided(self, here: int, there: int) -> list[Member]:
        other = {(m.dataset, m.entity) for m in self.members(there)}
        printed = {d for d, rows in self.truths[there].items() if rows}
        return sorted((m for m in self.members(here) if (m.dataset, m.entity) not in other and m.dataset in printed),
                      key=lambda m: (m.dataset, m.entity))

    def renames(self, k: int) -> list[Rename]:
        """Institutions printed in editions k−1 and k (in any dataset) under different names."""
        before, after = self._printed_names(k - 1), self._printed_names(k)
        return [Rename(key, before[key], after[key], self.model.entity(key).kind)
                for key in sorted(before.keys() & after.keys()) if before[key] != after[key]]

    def _printed_names(self, k: int) -> dict[str, str]:
        return {key: name for names in self.names(k).values() for name, key in names.items()}

    def year_over_year(self, k: int) -> list[Following]:
        """Every row and metric printed with an annual and a cumulative in editions k−1 and k."""
        return [*self._institution_rows(k), *self._referral_rows(k), *self._certificate_rows(k),
                *self._all_time_rows(k)]

    def _institution_rows(self, k: int) -> list[Following]:
        out = []
        for dataset, pairs in CUMULATIVE_PAIRS.items():
            keys = [self.names(j)[dataset] for j in (k - 1, k)]
            rows = [{keys[i][r["institution"]]: r for r in self.truths[j][dataset]} for i, j in enumerate((k - 1, k))]
            for key in sorted(rows[0].keys() & rows[1].keys()):
                out += [Following(dataset, key, cum, rows[0][key][cum], rows[1][key][ann], rows[1][key][cum])
                        for ann, cum in pairs]
        return out

    def _referral_rows(self, k: int) -> list[Following]:
        rows = [{(r["district"], r["referral_type"], r["period"]): r["count"] for r in self.truths[j][REFERRALS]}
                for j in (k - 1, k)]
        return [Following(REFERRALS, district, kind, rows[0][(district, kind, "cumulative")],
                          rows[1][(district, kind, "annual")], rows[1][(district, kind, "cumulative")])
                for district, kind, period in sorted(rows[0].keys() & rows[1].keys()) if period == "cumulative"]

    def _certificate_rows(self, k: int) -> list[Following]:
        rows = [{r["period"]: r for r in self.truths[j][CERTIFICATES]} for j in (k - 1, k)]
        if not (rows[0] and rows[1]):
            return []
        return [Following(CERTIFICATES, "", m, rows[0]["cumulative"][m], rows[1]["annual"][m],
                          rows[1]["cumulative"][m]) for m in CERTIFICATE_METRICS]

    def _all_time_rows(self, k: int) -> list[Following]:
        def total(j: int, metric: str) -> int | None:
            return next((r["value"] for r in self.truths[j]["totals"]
                         if (r["dataset"], r["metric"]) == (BOOKINGS, metric)), None)

        previous, annual, cumulative = total(k - 1, ALL_TIME), total(k, "subtotal"), total(k, ALL_TIME)
        if previous is None or annual is None or cumulative is None:
            return []
        return [Following(BOOKINGS, "", ALL_TIME, previous, annual, cumulative)]


def edition_series(seed: int, count: int = 3, draws: frozenset[str] | None = None) -> EditionSeries:
    """`count` consecutive editions of one content model, drawn in order (each carries figures to the next)."""
    model = ContentModel(seed, count, draws)
    bulletins = [make_bulletin(seed, draws=model.draws, edition=Edition(model, k)) for k in range(count)]
    return EditionSeries(seed, model, bulletins, [truth(b) for b in bulletins])


def edition_pair(seed: int, draws: frozenset[str] | None = None) -> EditionSeries:
    """Editions y−1 and y of one content model."""
    return edition_series(seed, 2, draws)


def districts_of(series: EditionSeries, k: int) -> list[str]:
    """The districts edition k prints in its referrals table, in DISTRICTS' order."""
    printed = {r["district"] for r in series.truths[k][REFERRALS]}
    return [d for d in DISTRICTS if d in printed]


def id_problems(series: EditionSeries, ids: dict[tuple[int, str, str], str], everywhere: bool = True) -> list[str]:
    """What an extractor's institution ids get wrong against the series' truth. `ids` maps (year,
    dataset, name as printed) → institution_id, read off the output's `institution_id` columns; the
    rows held to it are those names(k, everywhere) gives. Problems: a printed row with no id, one
    institution under two ids (a rename not resolved), two institutions under one id (wrongly merged)."""
    problems = []
    by_entity: dict[str, set[str]] = {}
    by_id: dict[str, set[str]] = {}
    for k, year in enumerate(series.years):
        for dataset, names in series.names(k, everywhere).items():
            for name, key in names.items():
                got = ids.get((year, dataset, name))
                if got is None:
                    problems.append(f"{year} {dataset} '{name}': no institution_id")
                    continue
                by_entity.setdefault(key, set()).add(got)
                by_id.setdefault(got, set()).add(key)
    for key, given in sorted(by_entity.items()):
        if len(given) > 1:
            its_names = sorted(set(series.model.entity(key).names))
            problems.append(f"not resolved: {' / '.join(its_names)} ({key}) under ids {sorted(given)}")
    for one_id, keys in sorted(by_id.items()):
        if len(keys) > 1:
            merged = [series.model.entity(key).names[-1] for key in sorted(keys)]
            problems.append(f"wrongly merged under id {one_id}: {' / '.join(merged)}")
    return problems


YEAR_OVER_YEAR = "year_over_year"
"""The consistency check of issue 18 §3 (cumulative(y) = cumulative(y−1) + annual(y))."""


def checked_metric(dataset: str, metric: str) -> str:
    """How the year_over_year rows name a cumulative figure: the column of a table printing both
    in each row (reports_cumulative), <figure>_cumulative of the period rows (employers_cumulative,
    outpatient_cumulative), the note's id (appointments_all_time)."""
    return f"{metric}_cumulative" if dataset in (CERTIFICATES, REFERRALS) else metric


def expected_mismatches(series: EditionSeries, k: int) -> set[tuple[str, str, str | None, str]]:
    """The contradictions edition k's consistency rows must report once the output holds the
    editions before it too: the bulletin's own, and the planted break on the edition it is planted
    in (check, dataset, subject None: whatever the extractor names the row, metric)."""
    expected = set(series.bulletins[k].expected_mismatches)
    planted = series.planted
    if planted is not None and planted.edition == k:
        expected.add((YEAR_OVER_YEAR, planted.dataset, None, checked_metric(planted.dataset, planted.metric)))
    return expected


WHOLE_ROW = "—"
"""The subject of the health certificates' figures (their rows are periods only), and the metric
of a row entering or leaving (the whole row): the extractor's year_over_year rows' words."""
NOTE_SUBJECT = "合计"
"""The subject of the 12320 all-time total, checked against the year's printed 合计."""
ROWS_CHECKED = (INTERNET, EXAMS, REFERRALS)
"""The datasets whose rows the year-over-year check matches across editions (and so lists as
entering or leaving); the health certificates and the 12320 note are one figure each."""


def expected_year_over_year(series: EditionSeries, k: int) -> dict[tuple[str, str, str], str]:
    """Edition k's year_over_year rows as the truth gives them: (dataset, subject, metric) → status.
    Each figure printed in both editions is ok but the planted break; each row of ROWS_CHECKED
    printed in one edition only is entering or leaving (subject: its name in the edition printing it)."""
    def subject(following: Following) -> str:
        if following.dataset in CUMULATIVE_PAIRS:
            return series.model.entity(following.entity).names[k]
        return {CERTIFICATES: WHOLE_ROW, BOOKINGS: NOTE_SUBJECT}.get(following.dataset, following.entity)

    rows = {(f.dataset, subject(f), checked_metric(f.dataset, f.metric)): "ok" if f.follows else "mismatch"
            for f in series.year_over_year(k)}
    rows |= {(m.dataset, m.name, WHOLE_ROW): "entering" for m in series.entries(k) if m.dataset in ROWS_CHECKED}
    rows |= {(m.dataset, m.name, WHOLE_ROW): "leaving" for m in series.exits(k) if m.dataset in ROWS_CHECKED}
    return rows
