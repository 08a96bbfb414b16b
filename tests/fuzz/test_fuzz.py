"""The short fuzz run of `make test`: 33 mutated or hostile inputs, seeded (replay any case with
`python -m tests.fuzz --replay family:seed`), each through the real command in its own process,
under its own time budget, against a populated output folder. The long run is `make fuzz N=1000`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .mutations import HOSTILE
from .runner import ALL_FAMILIES, GOOD_PDF, Baseline, run_case

SEED = 10_000
BUDGET = 30.0  # seconds of --time-budget per case; the runner allows 30 more before calling it hung
CASES = [(family, SEED + i) for i, family in enumerate(f for f in ALL_FAMILIES if f != "hostile")
         if family not in ("page_copies",)]  # 200+ page copies take 20 s: the long run covers them
CASES += [(family, SEED + 100 + i) for i, family in enumerate(["byte_flips", "truncation", "chunk_deletion",
                                                               "broken_xref", "stream_corruption", "lose_page",
                                                               "rotate_page", "broken_page_dict", "cid_glyphs",
                                                               "scanned_insert", "lose_page"])]
CASES += [("hostile", SEED + 200 + i) for i in range(len(HOSTILE))]


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Baseline, bytes]:
    work = tmp_path_factory.mktemp("fuzz")
    work.chmod(0o755)
    return work, Baseline.build(work), GOOD_PDF.read_bytes()


@pytest.mark.parametrize(("family", "seed"), CASES, ids=[f"{f}:{s}" for f, s in CASES])
def test_fuzz_case_keeps_the_contract(family: str, seed: int, populated: tuple[Path, Baseline, bytes]) -> None:
    work, baseline, good = populated

    outcome = run_case(family, seed, work, baseline, good, BUDGET)

    context = f"{outcome.what}: exit {outcome.exit}, stderr {outcome.stderr!r}; replay: {outcome.replay()}"
    assert not outcome.hung, context
    assert outcome.exit != 4 and not outcome.traceback, context
    assert not outcome.multi_line_error, context
    assert outcome.output_unchanged is not False, f"output folder changed after a failed run; {context}"
    assert not outcome.silent, f"data differs in {outcome.differs} with no warning naming a page or section " \
                               f"(new warnings {outcome.new_warnings}); {context}"
