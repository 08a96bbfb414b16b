"""The gazetteer: split names the source runs together, type them, flag near-misses.

The source lists names separated by 、 but sometimes drops the separator
("南京市第一医院南京市妇幼保健院"). A list item that is not a known name is covered by known
names end to end (Aho-Corasick finds the candidates, the fewest-names cover wins). An item that
does not split entirely into known names is cut by the shape of institution names (issue 19 §4): where
a run ending in a name suffix (医院, 中心, …) or a known name is immediately followed by a known prefix
(a city, a district, 江苏, …) or a known name, never inside a known name; each such cut is reported
with its parts. An item that splits neither way is kept whole and reported, never guessed. A name one
character away from a known name ("南京市六台区人民医院" vs 六合区) is kept as printed and flagged.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick

from .schemas import load_yaml

RUN_TOGETHER = "run_together"
SUSPECTED_TYPO = "suspected_typo"
CONJUNCTIONS = "和与及"
AREA_WORDS = ("社区", "园区", "院区", "城区", "校区", "景区", "街区", "片区", "小区")
"""Words ending in 区 that name no district: a name holding one is no misprinted district."""


@dataclass(frozen=True)
class Name:
    text: str  # as printed
    kind: str  # city | district | institution
    quirk: str | None = None


@dataclass
class Split:
    names: list[Name]
    problem: str | None = None  # why an item was kept whole, or how it was split without the gazetteer
    by_shape: bool = False  # cut by the shape of institution names, not by known names: uncertain


def normalise(text: str) -> tuple[str, list[int]]:
    """NFKC without whitespace, with each normalised char's index in the printed text."""
    chars, index = [], []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        for n in unicodedata.normalize("NFKC", ch):
            chars.append(n)
            index.append(i)
    return "".join(chars), index


@dataclass
class Gazetteer:
    kinds: dict[str, str] = field(default_factory=dict)  # normalised name → kind
    suffixes: tuple[str, ...] = ()  # how an institution's name ends (医院, 中心, …), normalised
    prefixes: tuple[str, ...] = ()  # how a name begins beyond the cities and districts (江苏, 中国, …)

    @classmethod
    def curated(cls) -> Gazetteer:
        raw = load_yaml("gazetteer.yaml")
        g = cls()
        g.add(raw.get("cities", []), "city")
        g.add(raw.get("districts", []), "district")
        g.add(raw.get("institutions", []), "institution")
        g.suffixes = tuple(normalise(x)[0] for x in raw.get("name_suffixes", []))
        g.prefixes = tuple(normalise(x)[0] for x in raw.get("name_prefixes", []))
        return g

    def add(self, names: Iterable[str], kind: str) -> None:
        for name in names:
            key = normalise(name)[0]
            if key and key not in self.kinds:
                self.kinds[key] = kind
        self._automaton = None

    def __len__(self) -> int:
        return len(self.kinds)

    def kind(self, name: str) -> str | None:
        return self.kinds.get(normalise(name)[0])

    def _matcher(self) -> ahocorasick.Automaton:
        if getattr(self, "_automaton", None) is None:
            automaton = ahocorasick.Automaton()
            for key in self.kinds:
                automaton.add_word(key, key)
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def cover(self, text: str) -> list[tuple[int, int]] | None:
        """Spans (in normalised text) of the fewest known names covering it end to end."""
        if not self.kinds or not text:
            return None
        ends: dict[int, list[int]] = {}
        for end, key in self._matcher().iter(text):
            ends.setdefault(end + 1, []).append(end + 1 - len(key))
        best: dict[int, list[tuple[int, int]]] = {0: []}
        for end in range(1, len(text) + 1):
            options = [best[s] + [(s, end)] for s in ends.get(end, []) if s in best]
            if options:
                best[end] = min(options, key=len)
        return best.get(len(text))

    def cover_with_one_typo(self, text: str) -> tuple[list[tuple[int, int]], int, str] | None:
        """Spans of known names covering text end to end where exactly one span is a known name
        with one character substituted ('南京鼓搂医院南京市儿童医院'): the spans, which one is the
        misprint, and the known name it is one character from. None unless that is the only way."""
        exact: dict[int, list[int]] = {}
        for end, key in self._matcher().iter(text):
            exact.setdefault(end + 1, []).append(end + 1 - len(key))
        fuzzy: dict[tuple[int, int], str] = {}
        for key in self.kinds:
            for start in range(len(text) - len(key) + 1):
                window = text[start:start + len(key)]
                if window not in self.kinds and sum(a != b for a, b in zip(key, window)) == 1:
                    fuzzy.setdefault((start, start + len(key)), key)
        # best[(end, typos)] = fewest spans covering text[:end] with that many misprinted spans
        best: dict[tuple[int, int], list[tuple[int, int]]] = {(0, 0): []}
        for end in range(1, len(text) + 1):
            for typos in (0, 1):
                options = [best[(s, typos)] + [(s, end)] for s in exact.get(end, []) if (s, typos) in best]
                if typos:
                    options += [best[(s, 0)] + [(s, e)] for (s, e) in fuzzy if e == end and (s, 0) in best]
                if options:
                    best[(end, typos)] = min(options, key=len)
        spans = best.get((len(text), 1))
        if spans is None or len(spans) < 2:
            return None
        misprint = next(i for i, span in enumerate(spans) if text[span[0]:span[1]] not in self.kinds)
        return spans, misprint, fuzzy[spans[misprint]]

    def near_miss(self, text: str) -> str | None:
        """A known name (or district inside the text) one substituted character away."""
        for key in self.kinds:
            if len(key) == len(text) and sum(a != b for a, b in zip(key, text)) == 1:
                return key
        for key, kind in self.kinds.items():
            if kind != "district" or len(key) < 3:
                continue
            for start in range(len(text) - len(key) + 1):
                if misspells_district(text[start:start + len(key)], key):
                    return key
        return None

    def split(self, item: str) -> Split:
        """One 、-separated list item → the names it holds."""
        norm, index = normalise(item)
        if not norm:
            return Split([])
        if norm in self.kinds:
            return Split([Name(item.strip(), self.kinds[norm])])
        spans = self.cover(norm)
        if spans is None:
            return self._split_unknown(item, norm, index)
        if len(spans) == 1:
            return Split([Name(item.strip(), self.kinds[norm])])
        return Split([Name(_printed(item, index, s, e), self.kinds[norm[s:e]], RUN_TOGETHER) for s, e in spans])

    def _split_unknown(self, item: str, norm: str, index: list[int]) -> Split:
        """An item known names do not cover: a conjunction between names, one misprinted name among
        known ones, names cut by their shape, a misprint of one name, or kept whole."""
        for pos, ch in enumerate(norm):
            # 'X和Y': a conjunction between two known names is a separator, not a quirk.
            if ch in CONJUNCTIONS and norm[:pos] in self.kinds and self.cover(norm[pos + 1:]):
                head = Name(_printed(item, index, 0, pos), self.kinds[norm[:pos]])
                return Split([head, *self.split(_printed(item, index, pos + 1, len(norm))).names])
        typo_cover = self.cover_with_one_typo(norm)
        if typo_cover is not None:
            spans, misprint, known = typo_cover
            names = [Name(_printed(item, index, s, e), self.kinds.get(norm[s:e]) or self.kinds[known],
                          SUSPECTED_TYPO if i == misprint else RUN_TOGETHER) for i, (s, e) in enumerate(spans)]
            return Split(names, f"{names[misprint].text!r} is one character away from the known name "
                                f"{known!r}; kept as printed")
        shaped = self.shape_cover(norm)
        if shaped is not None:
            return self._split_by_shape(item, norm, index, shaped)
        near = self.near_miss(norm)
        if near is not None:
            return Split([Name(item.strip(), _kind_by_suffix(norm), SUSPECTED_TYPO)],
                         f"one character away from the known name {near!r}; kept as printed")
        return Split([Name(item.strip(), _kind_by_suffix(norm))],
                     "not a known name and does not split into known names; kept whole")

    def shape_cover(self, text: str) -> list[tuple[int, int]] | None:
        """Spans of two or more names cut by the shape of institution names ('南京市建邺区人民医院' +
        '南京蒲口康复医院'): at every place where a name ends and a name begins, never inside a known
        name. None unless every part has a name's shape (a suffix, and more than a prefix before it)."""
        known = self.known_spans(text)
        cuts = [p for p in range(1, len(text)) if self.is_name_cut(text, p, known)]
        bounds = [0, *cuts, len(text)]
        spans = list(zip(bounds, bounds[1:]))
        if not cuts or not all(self.has_name_shape(text[s:e]) for s, e in spans):
            return None
        return spans

    def known_spans(self, text: str) -> list[tuple[int, int]]:
        """Every occurrence of a known institution in text (names inside names too); a city or a
        district begins a name ('南京市建邺区…'), it does not end one."""
        if not self.kinds:
            return []
        return [(end + 1 - len(key), end + 1) for end, key in self._matcher().iter(text)
                if self.kinds[key] == "institution"]

    def is_name_cut(self, text: str, pos: int, known: list[tuple[int, int]]) -> bool:
        """A name ends right before pos and another begins at it, and no known institution runs across it."""
        ends_name = text[:pos].endswith(self.suffixes) or any(e == pos for _, e in known)
        begins_name = any(text.startswith(p, pos) for p in self._prefixes()) or any(s == pos for s, _ in known)
        return ends_name and begins_name and not any(s < pos < e for s, e in known)

    def has_name_shape(self, part: str) -> bool:
        """A known institution, or a name ending in a name suffix with more before it than a prefix
        ('南京蒲口康复医院'; not '六合区分院', a campus's tail, nor '南京市', a city)."""
        if self.kinds.get(part) == "institution":
            return True
        suffix = next((x for x in self.suffixes if part.endswith(x)), None)
        if suffix is None:
            return False
        prefix = max((p for p in self._prefixes() if part.startswith(p)), key=len, default="")
        return len(part) > len(prefix) + len(suffix)

    def _prefixes(self) -> tuple[str, ...]:
        """How a name begins: the prefixes listed, the cities and the districts."""
        return self.prefixes + tuple(k for k, kind in self.kinds.items() if kind in ("city", "district"))

    def _split_by_shape(self, item: str, norm: str, index: list[int], spans: list[tuple[int, int]]) -> Split:
        """Names cut by their shape: the known ones typed, the others by their suffix, a part one
        character away from a known name flagged as a misprint; the problem names every part."""
        names, notes = [], []
        for s, e in spans:
            key, text = norm[s:e], _printed(item, index, s, e)
            near = None if key in self.kinds else self.near_miss(key)
            if near is not None:
                notes.append(f"{text!r} is one character away from the known name {near!r}; kept as printed")
            names.append(Name(text, self.kinds.get(key) or _kind_by_suffix(key),
                              SUSPECTED_TYPO if near is not None else RUN_TOGETHER))
        parts = " | ".join(repr(n.text) for n in names)
        return Split(names, "; ".join([f"split by the shape of institution names, not by known names: {parts}",
                                       *notes]), by_shape=True)


def misspells_district(window: str, district: str) -> bool:
    """The window is the district's name with one character other than its last substituted
    ('栖震区' for 栖霞区), and does not end in a word of its own ('阳江社区': '江社区' is no 江宁区)."""
    if window == district or window[-1] != district[-1]:
        return False
    if window[-2:] in AREA_WORDS and window[-2:] != district[-2:]:
        return False
    return sum(a != b for a, b in zip(district, window)) == 1


def _printed(item: str, index: list[int], start: int, end: int) -> str:
    """The printed text behind normalised chars start..end."""
    return item[index[start]:index[end - 1] + 1].strip()


def _kind_by_suffix(norm: str) -> str:
    if norm.endswith(("医院", "中心", "院", "所", "站", "诊所", "门诊部")):
        return "institution"
    if norm.endswith("区") and len(norm) <= 5:
        return "district"
    if norm.endswith("市") and len(norm) <= 4:
        return "city"
    return "institution"
