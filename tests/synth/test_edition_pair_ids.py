"""Edition pairs rendered by reportlab and extracted into one output folder, in either order
(edition_pairs.py): every rename resolved to one id, nothing wrongly merged, the same ids whichever
edition is written first, and, rows joined on those ids, exactly the planted year-over-year break;
the consistency dataset's year_over_year rows (issue 18 §3) are exactly the truth's in either order:
every figure printed in both editions ok but the planted break, every entry and exit listed.
Seeds: 1 (a former name dropped, the alias 江苏省老年医院,
break in internet_hospitals), 3 (a former name put in brackets, the alias 中科院皮研所, break in
physical_exam_reports), 8 (a former name put in brackets, break in health_certificates),
26 (the alias 南京医科大学附属脑科医院, break in physical_exam_reports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .edition_pairs import run_pair


@pytest.mark.parametrize("seed", [1, 3, 8, 26])
def test_a_pair_in_one_folder_resolves_every_rename_in_either_order(tmp_path: Path, seed: int) -> None:
    outcome = run_pair(seed, tmp_path)
    assert outcome.misread == []
    assert outcome.problems == []
    assert outcome.same_ids
    assert outcome.renames >= 2 and outcome.resolved == outcome.renames and outcome.merged == 0
    assert outcome.planted and "?" not in {key for _, key, _ in outcome.planted}
    assert outcome.breaks == outcome.planted
    expected = outcome.expected_year_over_year
    assert outcome.year_over_year == {"older first": expected, "newer first": expected}
    assert sum(status == "mismatch" for status in expected.values()) == 1
