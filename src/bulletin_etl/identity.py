"""One institution, one id across editions: a printed name → its canonical key → a stable id.

The key is what is left of a printed name once the ways Chinese institution names change between
editions are taken out, each by a named rule (RULES, in order) over the words of
schemas/institution_aliases.yaml and the districts of schemas/gazetteer.yaml:

  nfkc              full-width letters and brackets as their half-width forms, spaces dropped
  former_name       '南京市X医院（南京市Y医院）': the bracketed former name dropped (it links the chain)
  campus            '南京市第一医院（河西院区）' = '南京市第一医院河西院区': a campus is its own institution
  military_prefix   '中国人民解放军东部战区总医院' = '东部战区总医院'
  city_prefix       '南京市江宁医院' = '南京江宁医院' = '江宁医院'
  district_qu       '南京市浦口人民医院' = '南京市浦口区人民医院' (a district's own hospital only)

A printed name the curated alias list names resolves as the name it stands for; a name the gazetteer
flagged as a suspected typo resolves as the known name it is one character from. Nothing else
merges: names one character apart, 南京市中医院 and 江苏省中医院, a hospital and its campus keep
their own keys.

A former name in brackets links two keys (the new name's → the former's): the names linked across
the editions held make a chain, and the id of every key on it is the hash of the chain's root, the
former-most key (`chain_roots`: follow the brackets back). The id is thus a hash of a key and of the
links the editions print, whichever order they were extracted in; an edition printing a later name
alone, extracted before the edition that links it, changes id when that edition is added (README:
"Institution ids").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from .names import Gazetteer
from .schemas import load_yaml

EXACT = "exact"
NORMALISED = "normalised"
ALIAS = "alias"
SUSPECTED_TYPO = "suspected_typo"
MATCHES = (EXACT, NORMALISED, ALIAS, SUSPECTED_TYPO)

ID_HEX_DIGITS = 12
"""48 bits of sha256: a collision among a few thousand names is about one in 10^8."""

TRAILING_BRACKET = re.compile(r"^(?P<head>.+)\((?P<inner>[^()]+)\)$")


@dataclass(frozen=True)
class Vocabulary:
    """The words the rules read (schemas/institution_aliases.yaml `rules`, gazetteer.yaml)."""

    name_endings: tuple[str, ...]
    campus_endings: tuple[str, ...]
    military_prefixes: tuple[str, ...]
    note_openings: tuple[str, ...]
    district_institutions: tuple[str, ...]
    cities: tuple[str, ...]
    districts: tuple[str, ...]
    aliases: dict[str, str]  # NFKC printed name → canonical name

    @property
    def city_prefixes(self) -> tuple[str, ...]:
        """Each city with and without its 市, longest first ('南京市', '南京')."""
        forms = {form for city in self.cities for form in (city, city.removesuffix("市"))}
        return tuple(sorted(forms, key=len, reverse=True))

    @property
    def district_stems(self) -> dict[str, str]:
        """A district's name without its 区 → the district ('浦口' → '浦口区')."""
        return {d.removesuffix("区"): d for d in self.districts if len(d.removesuffix("区")) >= 2}


@cache
def vocabulary() -> Vocabulary:
    raw = load_yaml("institution_aliases.yaml")
    gazetteer = load_yaml("gazetteer.yaml")
    rules = raw["rules"]
    return Vocabulary(
        name_endings=tuple(rules["name_endings"]), campus_endings=tuple(rules["campus_endings"]),
        military_prefixes=tuple(rules["military_prefixes"]), note_openings=tuple(rules.get("note_openings", [])),
        district_institutions=tuple(rules["district_institutions"]),
        cities=tuple(gazetteer.get("cities", [])), districts=tuple(gazetteer.get("districts", [])),
        aliases={nfkc(a["printed"]): a["canonical"] for a in raw.get("aliases", [])},
    )


def nfkc(name: str) -> str:
    """Rule nfkc: full-width forms ('（）', 'Ａ') as half-width, spaces dropped."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def is_campus(words: str, vocab: Vocabulary) -> bool:
    """'河西院区', '浦口分院': a campus of an institution, its own institution."""
    return words.endswith(vocab.campus_endings)


def is_institution_name(words: str, vocab: Vocabulary) -> bool:
    """'南京市心血管病医院': a whole name (an ending and words before it), not a remark ('医院')."""
    return any(words.endswith(ending) and len(words) > len(ending) for ending in vocab.name_endings)


def is_bracket_note(words: str, vocab: Vocabulary) -> bool:
    """'含分院', '包括南京市X医院': a remark on what a row counts, no name of its own."""
    return words.startswith(vocab.note_openings)


def is_former_name(words: str, vocab: Vocabulary) -> bool:
    """Words in brackets after a name that are another institution's whole name: a campus
    ('河西院区') and a remark ('含分院') are not."""
    return is_institution_name(words, vocab) and not is_campus(words, vocab) and not is_bracket_note(words, vocab)


def former_name(name: str, vocab: Vocabulary) -> str | None:
    """The former name in brackets after a name ('南京市X医院(南京市Y医院)' → '南京市Y医院'), or None."""
    found = TRAILING_BRACKET.match(name)
    if found is None or not is_former_name(found["inner"], vocab):
        return None
    return found["inner"]


def drop_former_name(name: str, vocab: Vocabulary) -> str:
    """Rule former_name: the key is the new name's."""
    former = former_name(name, vocab)
    return name if former is None else name[:-len(former) - 2]


def unbracket_campus(name: str, vocab: Vocabulary) -> str:
    """Rule campus: '南京市第一医院(河西院区)' reads as '南京市第一医院河西院区' (its own key)."""
    found = TRAILING_BRACKET.match(name)
    if found is None or not is_campus(found["inner"], vocab):
        return name
    return found["head"] + found["inner"]


def drop_military_prefix(name: str, vocab: Vocabulary) -> str:
    """Rule military_prefix: '中国人民解放军东部战区总医院' → '东部战区总医院'."""
    for prefix in vocab.military_prefixes:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


MIN_NAME_AFTER_CITY = 3
"""'南京市中医院' → '中医院'; a shorter rest ('南京市医院' → '医院') would be no name of its own."""


def drop_city_prefix(name: str, vocab: Vocabulary) -> str:
    """Rule city_prefix: '南京市江宁医院', '南京江宁医院' → '江宁医院' (a province's '江苏省…' stays)."""
    prefix = next((p for p in vocab.city_prefixes if name.startswith(p)), "")  # the longest: '南京市', not '南京'
    return name[len(prefix):] if len(name) - len(prefix) >= MIN_NAME_AFTER_CITY else name


def insert_district_qu(name: str, vocab: Vocabulary) -> str:
    """Rule district_qu: '浦口人民医院' → '浦口区人民医院', only where a district's own kind of
    institution follows the district's name ('鼓楼医院' is no district's)."""
    for stem, district in vocab.district_stems.items():
        rest = name[len(stem):]
        if name.startswith(stem) and rest in vocab.district_institutions:
            return district + rest
    return name


Rule = Callable[[str, Vocabulary], str]
RULES: tuple[tuple[str, Rule], ...] = (
    ("former_name", drop_former_name),
    ("campus", unbracket_campus),
    ("military_prefix", drop_military_prefix),
    ("city_prefix", drop_city_prefix),
    ("district_qu", insert_district_qu),
)
"""The rules after nfkc, in the order they apply."""


def canonical_key(name: str, vocab: Vocabulary | None = None) -> str:
    """The key of a name by the rules alone (no alias, no typo)."""
    vocab = vocab or vocabulary()
    key = nfkc(name)
    for _, rule in RULES:
        key = rule(key, vocab)
    return key


@dataclass(frozen=True)
class Resolution:
    """What a printed name resolved to, and how: `match` is alias or suspected_typo where those
    decided it, else exact (institutions.py tells exact from normalised across editions)."""

    key: str
    match: str
    former_name: str | None = None


def resolve(printed: str, typo_of: str | None = None, vocab: Vocabulary | None = None) -> Resolution:
    """A printed name's key; `typo_of` is the known name the gazetteer took it for a typo of."""
    vocab = vocab or vocabulary()
    former = former_name(nfkc(printed), vocab)
    alias = vocab.aliases.get(nfkc(printed))
    if alias is not None:
        return Resolution(canonical_key(alias, vocab), ALIAS, former)
    if typo_of is not None:
        return Resolution(canonical_key(typo_of, vocab), SUSPECTED_TYPO, former)
    return Resolution(canonical_key(printed, vocab), EXACT, former)


def former_link(resolution: Resolution | None, vocab: Vocabulary | None = None) -> tuple[str, str] | None:
    """(the key of a name, the key of the former name in its brackets), or None: a link of a chain."""
    if resolution is None or resolution.former_name is None:
        return None
    former = resolve(resolution.former_name, vocab=vocab).key
    return None if former == resolution.key else (resolution.key, former)


def chain_roots(links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each key that links a former name → the root of its chain: follow the former names back to
    a key that names none. A key linking two former names (a merger) is a root itself; a chain
    coming back on itself (renamed back) has the least key of its loop for root. A function of
    the set of links alone, so of no order of the editions."""
    formers: dict[str, set[str]] = {}
    for key, former in links:
        formers.setdefault(key, set()).add(former)
    return {key: chain_root(key, formers) for key in formers}


def chain_root(key: str, formers: dict[str, set[str]]) -> str:
    """The root of one key's chain (chain_roots)."""
    walked = [key]
    while len(formers.get(walked[-1], ())) == 1:
        (former,) = formers[walked[-1]]
        if former in walked:
            return min(walked[walked.index(former):])
        walked.append(former)
    return walked[-1]


def chained_ids(resolved: list[Resolution | None], more_links: Iterable[tuple[str, str]] = ()) -> list[str | None]:
    """The ids of resolved names: each the id of its chain's root over the links the names (and
    `more_links`) print."""
    links = [link for link in map(former_link, resolved) if link is not None]
    roots = chain_roots([*links, *more_links])
    return [None if r is None else institution_id(roots.get(r.key, r.key)) for r in resolved]


def institution_id(key: str) -> str:
    """The id of a canonical key: 'i' and the first hex digits of its sha256 (ASCII, fixed length)."""
    return "i" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


def district_of(key: str, vocab: Vocabulary | None = None) -> str | None:
    """The district a key's name states ('浦口区人民医院' → '浦口区'), or None."""
    vocab = vocab or vocabulary()
    return next((d for d in sorted(vocab.districts, key=len, reverse=True) if d in key), None)


def typo_correction(printed: str, gazetteer: Gazetteer) -> str | None:
    """The known name a name flagged as a suspected typo stands for: the known name one character
    away, or the name with its misprinted district corrected ('南京市六台区人民医院' →
    '南京市六合区人民医院'); None when the gazetteer knows none."""
    norm = nfkc(printed)
    near = gazetteer.near_miss(norm)
    if near is None:
        return None
    if len(near) == len(norm):
        return near
    for start in range(len(norm) - len(near) + 1):
        window = norm[start:start + len(near)]
        if sum(a != b for a, b in zip(near, window)) == 1:
            return norm[:start] + near + norm[start + len(near):]
    return None


def row_resolution(row: dict, gazetteer: Gazetteer) -> Resolution | None:
    """How a dataset row's `institution` resolves; None for a row naming the city or a district
    (evaluation_ratings) or no name. A name the gazetteer flagged (source_quirk suspected_typo)
    resolves as the known name it is one character from."""
    printed = row.get("institution")
    if not printed or row.get("institution_type", "institution") != "institution":
        return None
    typo = typo_correction(printed, gazetteer) if row.get("source_quirk") == SUSPECTED_TYPO else None
    return resolve(printed, typo)


def add_institution_ids(records: dict[str, list[dict]], datasets: set[str], gazetteer: Gazetteer) -> None:
    """Each row of the given datasets gets the `institution_id` of its printed `institution`, its
    chain followed over the former names this bulletin prints (institutions.py follows them over
    every edition the output folder holds)."""
    rows = [row for dataset in sorted(datasets & set(records)) for row in records[dataset]]
    ids = chained_ids([row_resolution(row, gazetteer) for row in rows])
    for row, given in zip(rows, ids):
        row["institution_id"] = given
