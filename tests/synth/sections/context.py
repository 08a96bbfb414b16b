"""What the sections of one synthetic bulletin share while they are drawn: one random stream (the
order in which sections draw from it is part of every seed's bulletin), the bulletin's year and
typing habits, its expected warnings and contradictions, and the facts one section tells another
(the institutions of the tables feed the evaluation lists, the 12320 table's 快速预约 total the
channels table, the table counts the events)."""

from __future__ import annotations

import random

from ..draws import stream


class Printer:
    """Bulletin-wide typing habits: '2027 年' or '2027年', a space between figure and unit or not."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.p_year_space = rng.choice([0.0, 0.5, 1.0])
        self.p_unit_space = rng.choice([0.0, 0.4, 0.8])

    def y(self, year: int, suffix: str = "年") -> str:
        return f"{year} {suffix}" if self.rng.random() < self.p_year_space else f"{year}{suffix}"

    def fig(self, number: str, unit: str) -> str:
        return f"{number} {unit}" if self.rng.random() < self.p_unit_space else f"{number}{unit}"

    def sp(self, text: str) -> str:
        """A figure or Latin run in running text, maybe with spaces around it."""
        return f" {text} " if self.rng.random() < self.p_unit_space else text


class Context:
    """One bulletin's drawing state, handed from section to section."""

    def __init__(self, seed: int, quirks: bool, draws: frozenset[str] = frozenset(), edition=None):
        self.seed = seed
        self.rng = random.Random(seed)
        self.quirks = quirks
        self.typo_pairs = stream("typo_pairs", seed) if "typo_pairs" in draws else None
        # new_names family: a quirk of the source, as typo_pairs
        self.new_names = stream("new_names", seed) if quirks and "new_names" in draws else None
        self.year = self.rng.randint(2019, 2030)
        # one edition of a series drawn from one content model (editions.py; None: a bulletin of its own): its
        # year, and the institutions and figures of its year-over-year tables, are the model's
        self.edition = edition
        if edition is not None:
            self.year = edition.year  # the year drawn above is drawn all the same: the stream goes on as it did
        self.p = Printer(self.rng)
        self.warnings: list[tuple[str, str]] = []
        self.table_names: set[str] = set()  # institutions printed in this bulletin's tables
        self.facts: dict = {}
        # Contradictions printed on purpose: (check, dataset, subject, metric) of the consistency
        # dataset that must come out 'mismatch' (subject None: any).
        self.mismatches: set[tuple[str, str, str | None, str]] = set()

    def printed_year(self, suffix: str = "年") -> str:
        """The bulletin's year as this bulletin types it ('2027 年' or '2027年')."""
        return self.p.y(self.year, suffix)

    def title_year(self) -> str:
        """'2027年' or '2027年度' in a title."""
        return self.printed_year(self.rng.choice(["年", "年度", "年度"]))
