"""The short fuzz run of `make test`: 36 mutated or hostile inputs, seeded (replay any case with
`python -m tests.fuzz --replay family:seed`), each through the real command in its own process,
under its own time budget, against a populated output folder. The long run is `make fuzz N=1000`."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .mutations import HOSTILE
from .runner import ALL_FAMILIES, GOOD_PDF, Baseline, UnprivilegedUnavailable, run_case

SEED = 10_000
BUDGET = 30.0  # seconds of --time-budget per case; the runner allows 30 more before calling it hung
CASES = [(family, SEED + i) for i, family in enumerate(f for f in ALL_FAMILIES if f != "hostile")
         if family not in ("page_copies",)]  # 200+ copies take 15 s: tests/test_damaged.py has one such case
CASES += [(family, SEED + 100 + i) for i, family in enumerate(["byte_flips", "truncation", "chunk_deletion",
                                                               "broken_xref", "stream_corruption", "lose_page",
                                                               "rotate_page", "broken_page_dict", "cid_glyphs",
                                                               "scanned_insert", "lose_page"])]
CASES += [("reference_cycle", 10_304), ("reference_cycle", 10_314)]  # at a /Length (3 objects); at a kid, packed
CASES += [("hostile", SEED + 200 + i) for i in range(len(HOSTILE))]
# issue 15: a 序号 column's numbers run together (55 digits), and years beside thousands of digits
CASES += [("huge_sequence_number", SEED + 116), ("huge_sequence_number", SEED + 112)]
MUST_BE_WRITTEN = {"huge_sequence_number"}
"""Families whose damage is no reason to refuse the bulletin: a 序号 that is no row number is a
warning, never over a budget (exit 2 would keep the contract above, so it is asked for here)."""


@pytest.fixture(scope="module")
def populated() -> Iterator[tuple[Path, Baseline, bytes]]:
    with tempfile.TemporaryDirectory(prefix="bulletin-fuzz-") as tmp:
        work = Path(tmp)
        yield work, Baseline.build(work), GOOD_PDF.read_bytes()


@pytest.mark.parametrize(("family", "seed"), CASES, ids=[f"{f}:{s}" for f, s in CASES])
def test_fuzz_case_keeps_the_contract(family: str, seed: int, populated: tuple[Path, Baseline, bytes]) -> None:
    work, baseline, good = populated

    try:
        outcome = run_case(family, seed, work, baseline, good, BUDGET)
    except UnprivilegedUnavailable as exc:
        pytest.skip(str(exc))

    context = f"{outcome.what}: exit {outcome.exit}, stderr {outcome.stderr!r}; replay: {outcome.replay()}"
    assert not outcome.hung, context
    assert outcome.exit != 4 and not outcome.traceback, context
    assert not outcome.multi_line_error, context
    assert family not in MUST_BE_WRITTEN or outcome.exit == 0, context
    assert outcome.output_unchanged is not False, f"output folder changed after a failed run; {context}"
    assert not outcome.silent, f"data differs in {outcome.differs} with no warning naming a page or section " \
                               f"(new warnings {outcome.new_warnings}); {context}"


def test_a_partial_write_is_judged_by_its_own_contract(populated: tuple[Path, Baseline, bytes], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 5 changes the folder by design; the judge holds it to what the README promises: the failed
    dataset's earlier partition kept byte for byte, the failure named, the rest judged as exit 0."""
    import shutil

    from bulletin_etl.cli import main
    from bulletin_etl.sections.hotline_12320 import Hotline12320

    from .runner import GOOD_PDF, Outcome, judge

    _, baseline, _ = populated
    original = Hotline12320.extract

    def bad_unit(self, text, ctx):  # a unit the schema does not allow, as in tests/test_partial_write.py
        records = original(self, text, ctx)
        records["hotline_12320"][1]["unit"] = "次"
        return records

    monkeypatch.setattr(Hotline12320, "extract", bad_unit)
    out = tmp_path / "output"
    shutil.copytree(baseline.out, out)
    status = main(["extract", str(GOOD_PDF), "--out", str(out), "-q"])
    outcome = Outcome("planted", 0, "hotline unit", status, 0.0, 0.0, capsys.readouterr().err)

    judge(outcome, out, baseline)

    assert (outcome.exit, outcome.failed_datasets, outcome.differs) == (5, ["hotline_12320"], [])
    assert outcome.ok and outcome.output_unchanged is None and not outcome.multi_line_error

    shutil.rmtree(out / "hotline_12320" / "year=2024")  # as if the failed dataset's old partition were dropped
    judge(outcome, out, baseline)

    assert outcome.partial_broken and not outcome.ok
