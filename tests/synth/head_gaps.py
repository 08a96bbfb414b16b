"""The head_gaps family (html and WeasyPrint; draws.py): how close neighbouring header labels stand
where Chinese meets a digit between them, and autospace inside a label.

The case: header cells padded 1.0–1.5 pt a side, so that two labels as wide as their columns stand
2–3 pt apart — under a quarter em — where one ends in Chinese and the next begins with a digit
('2019年报告数量' | '2019年数据条数', weasyprint 720007): a gap as narrow as autospace, between two
labels. The counter-case: a quarter em of autospace inside a label between a digit and the Chinese
after it ('2019 年报告数量', as Typst and Word set it, printed as letter-spacing after the digit), the
cells padded 2.5 pt or more so that the labels stand clearly apart. The truth is unchanged.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class HeadGaps:
    tight_pt: float | None  # header cells' padding left and right (the case), or None
    autospace_em: float | None  # letter-spacing after a digit followed by Chinese in a label (counter-case)


AUTOSPACED_MIN_PAD_PT = 2.5
"""The counter-case's least header padding: labels 5 pt apart, clearly more than autospace."""


def draw(rng: random.Random, force: bool) -> HeadGaps | None:
    """About a quarter of the bulletins (all when forced), half of them the case, half the counter-case."""
    if not (force or rng.random() < 0.25):
        return None
    if rng.random() < 0.5:
        return HeadGaps(round(rng.uniform(1.0, 1.5), 1), None)
    return HeadGaps(None, 0.25)


def css(gaps: HeadGaps | None, pad_pt: float) -> str:
    """The header cells' padding left and right, where the family sets it."""
    if gaps is None:
        return ""
    side = gaps.tight_pt if gaps.tight_pt is not None else max(pad_pt, AUTOSPACED_MIN_PAD_PT)
    return f"th {{ padding-left: {side}pt; padding-right: {side}pt; }}"


_DIGIT_BEFORE_CJK = re.compile(r"([0-9])(?=[\u4e00-\u9fff])")


def label(escaped: str, gaps: HeadGaps | None) -> str:
    """A header label's HTML, a digit before Chinese spaced a quarter em after (counter-case)."""
    if gaps is None or gaps.autospace_em is None:
        return escaped
    return _DIGIT_BEFORE_CJK.sub(lambda m: f'<span style="letter-spacing: {gaps.autospace_em}em">{m.group(1)}</span>',
                                 escaped)
