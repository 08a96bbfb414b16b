"""What each layout stage found, recorded for `inspect --stages` to draw over the page.

The stages report what they found with `record` as `extract` runs them; nothing is kept unless a
trace is active (`tracing()`, a context variable), so `extract` runs the identical code and pays
one look-up per call. Shapes are in PDF points, top-based as pdfplumber reports them. Whatever
builds shapes for a record is passed as a generator: it is only run while a trace is active."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Protocol

from ..wording import count


@dataclass(frozen=True)
class Box:
    """An area: a table, a region, a row, a line of text; `label` says what it is when it is one
    of several kinds ('level 1', '3 rules')."""

    x0: float
    top: float
    x1: float
    bottom: float
    label: str = ""

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True)
class HLine:
    """A horizontal line at height `y` from `x0` to `x1`: a rule, a header boundary."""

    y: float
    x0: float
    x1: float
    label: str = ""


@dataclass(frozen=True)
class VLine:
    """A vertical line at `x` from `top` to `bottom`: a column edge."""

    x: float
    top: float
    bottom: float
    label: str = ""


Shape = Box | HLine | VLine


@dataclass(frozen=True)
class Mark:
    """One shape a stage found on a page."""

    stage: str
    page: int
    shape: Shape


@dataclass
class Trace:
    """Every mark recorded while the trace was active, in the order the stages ran."""

    marks: list[Mark] = field(default_factory=list)
    page: int = 0  # the page being read, for stages that are not told theirs

    def shapes(self, stage: str, page: int) -> list[Shape]:
        """What the stage found on the page."""
        return [m.shape for m in self.marks if m.stage == stage and m.page == page]


_ACTIVE: ContextVar[Trace | None] = ContextVar("layout_trace", default=None)


@contextmanager
def tracing() -> Iterator[Trace]:
    """A trace that records what the stages run inside the block find."""
    trace = Trace()
    token = _ACTIVE.set(trace)
    try:
        yield trace
    finally:
        _ACTIVE.reset(token)


def record(stage: str, shapes: Iterable[Shape], page: int | None = None) -> None:
    """The stage found these shapes on the page (by default the page being read, `at_page`)."""
    trace = _ACTIVE.get()
    if trace is not None:
        on = trace.page if page is None else page
        trace.marks.extend(Mark(stage, on, shape) for shape in shapes)


def active() -> bool:
    """Whether a trace is recording."""
    return _ACTIVE.get() is not None


def at_page(page: int) -> None:
    """The stages that follow work on this page."""
    trace = _ACTIVE.get()
    if trace is not None:
        trace.page = page


class Placed(Protocol):
    """Something printed on a page: a text line."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


def record_placed(stage: str, items: Iterable[Placed], label: str = "") -> None:
    """The stage found these things, each on its own page, as boxes."""
    trace = _ACTIVE.get()
    if trace is not None:
        trace.marks.extend(Mark(stage, it.page, Box(it.x0, it.top, it.x1, it.bottom, label)) for it in items)


def record_dropped(stage: str, before: Iterable[Placed], kept: Iterable[Placed], label: str = "") -> None:
    """The stage dropped the things of `before` that are not among those it `kept`."""
    if _ACTIVE.get() is not None:
        ids = {id(k) for k in kept}
        record_placed(stage, (b for b in before if id(b) not in ids), label)


class Ruling(Protocol):
    """A horizontal rule at height `y` from `x0` to `x1`."""

    y: float
    x0: float
    x1: float


def rule_lines(rules: Iterable[Ruling], label: str = "") -> Iterator[HLine]:
    for rule in rules:
        yield HLine(rule.y, rule.x0, rule.x1, label)


def run_boxes(runs: Iterable[Sequence[Ruling]]) -> Iterator[Box]:
    """Each run of rules as the box from its first rule to its last, as wide as its widest."""
    for run in runs:
        yield Box(min(r.x0 for r in run), run[0].y, max(r.x1 for r in run), run[-1].y, count(len(run), "rule"))
