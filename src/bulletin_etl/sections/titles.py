"""Section titles as data: the key words that identify a section's title, in any order, and the
endings a title may have. A title worded otherwise than the 2024 bulletin's — another synonym
ending ('…数据统计', '…情况', '…概况'), another word order, with or without the year, '年度' or
'南京市', numbered ('（四）', '2.1') — names its section as long as its key words are there.

    Title("健康证")                        any title naming 健康证 and ending like a title
    Title("采集", "(区)|各区|分区")         both keys; a key's alternatives split by '|'

A title matching two sections is not decided here: `matching_sections` returns both and the
caller decides by content or reports it (pipeline.recognise)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout.vocabulary import without_numbering

SYNONYM_ENDINGS = ("统计", "情况", "概况", "数据", "统计表", "一览表", "一览", "汇总", "简表")
"""How a statistics section's title may end, whatever the section ('…数据统计', '…情况统计',
'…数据量统计' end in 统计)."""

TRAILING_REMARK = r"(?:\([^()]{1,16}\))?"
"""A bracketed group a title may end with ('（区）', '（2024）'), squashed to ASCII brackets."""


@dataclass(frozen=True)
class TitleMatch:
    """Why a title names a section: the key words found and the ending it has."""

    section: str
    words: tuple[str, ...]
    ending: str

    @property
    def reason(self) -> str:
        return f"names {'+'.join(self.words)}, ends in {self.ending}"


@dataclass(frozen=True, init=False)
class Title:
    """The key words of a section's title (each key one word or alternatives 'a|b'; all keys,
    in any order) and the endings beyond the shared synonyms its own titles have ('大事')."""

    keys: tuple[str, ...]
    endings: tuple[str, ...]

    def __init__(self, *keys: str, endings: tuple[str, ...] = ()):
        object.__setattr__(self, "keys", keys)
        object.__setattr__(self, "endings", tuple(endings) + SYNONYM_ENDINGS)

    def match(self, section: str, title: str) -> TitleMatch | None:
        """The key words and ending that make `title` (as printed) this section's, or None."""
        text = without_numbering(title)
        words = [next((w for w in key.split("|") if w in text), None) for key in self.keys]
        ending = self.ending_of(text)
        if ending is None or None in words:
            return None
        return TitleMatch(section, tuple(w for w in words if w is not None), ending)

    def ending_of(self, text: str) -> str | None:
        """The ending the squashed title ends in (a bracketed remark after it aside)."""
        bare = re.sub(TRAILING_REMARK + "$", "", text)
        return next((e for e in sorted(self.endings, key=len, reverse=True) if bare.endswith(e)), None)

    @property
    def pattern(self) -> str:
        """The same as one regex over the squashed, unnumbered title, for the layout layer's
        heading test: each key anywhere (lookaheads), then an ending."""
        keys = "".join(f"(?=.*(?:{'|'.join(map(re.escape, key.split('|')))}))" for key in self.keys)
        endings = "|".join(map(re.escape, sorted(self.endings, key=len, reverse=True)))
        return f"^{keys}.*(?:{endings}){TRAILING_REMARK}$"
