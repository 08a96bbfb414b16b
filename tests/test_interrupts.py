"""Ctrl-C is never swallowed and never a traceback: exit status 130 and one line, the output folder
unchanged — or, once the new tree had begun to replace the old one, the write finished and the
line says so."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bulletin_etl import output
from bulletin_etl.cli import main

from .conftest import BULLETIN_2024

UNCHANGED = "bulletin-etl: interrupted; output folder unchanged"


def completed(out: Path) -> str:
    return f"bulletin-etl: interrupted after the write had begun; the write completed ({out} holds this run's result)"


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def populated(output_2024: Path, tmp_path: Path) -> Path:
    """An output folder written by an earlier run with another command line, so that a run that
    completed its write is told from one that left the folder as it was."""
    out = tmp_path / "out"
    shutil.copytree(output_2024, out)
    return out


def interrupt_me() -> None:
    """What a terminal's Ctrl-C does to this process (pytest's main thread receives it)."""
    os.kill(os.getpid(), signal.SIGINT)


def test_an_interrupt_while_the_datasets_are_written_leaves_the_folder_unchanged(
        populated: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    before = snapshot(populated)
    write_dataset = output.write_dataset

    def interrupted_halfway(root: Path, dataset: str, year: int, frame):
        if dataset == "events":
            interrupt_me()
        return write_dataset(root, dataset, year, frame)

    monkeypatch.setattr(output, "write_dataset", interrupted_halfway)

    assert main(["extract", str(BULLETIN_2024), "--out", str(populated), "-q"]) == 130
    assert capsys.readouterr().err == UNCHANGED + "\n"
    assert snapshot(populated) == before
    assert [p.name for p in populated.parent.iterdir()] == ["out"]  # no staging folder left behind


def test_an_interrupt_during_the_commit_lets_it_finish_and_says_so(
        populated: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    swap = output._swap

    def interrupted_swap(tree: Path, out_dir: Path, stage: Path) -> None:
        interrupt_me()  # arrives as the swap starts: held back until the new tree is in place
        swap(tree, out_dir, stage)

    monkeypatch.setattr(output, "_swap", interrupted_swap)
    argv = ["extract", str(BULLETIN_2024), "--out", str(populated), "-q", "--time-budget", "99"]

    assert main(argv) == 130
    assert capsys.readouterr().err == completed(populated) + "\n"
    manifest = json.loads((populated / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["last_run"]["command"] == "bulletin-etl " + " ".join(argv)
    assert (populated / "report.html").is_file()
    assert [p.name for p in populated.parent.iterdir()] == ["out"]


def test_an_interrupt_while_a_bulletin_is_read_stops_the_run(
        populated: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    from bulletin_etl import cli

    before = snapshot(populated)
    monkeypatch.setattr(cli, "_say", lambda quiet: lambda message: interrupt_me())  # at the worker's first progress line

    assert main(["extract", str(BULLETIN_2024), "--out", str(populated), "-q"]) == 130
    assert capsys.readouterr().err == UNCHANGED + "\n"
    assert snapshot(populated) == before


DELAYS = [0.25, 0.5, 0.8, 1.1, 1.4, 1.7, 2.0]
"""Seconds after the start at which the real command is interrupted: while it loads its libraries,
while the worker reads, while the output is written and swapped, once it is done. (Python's own
start, the first hundredths of a second before any of the command's code runs, is left out: an
interrupt there is the interpreter's to report.)"""


@pytest.mark.parametrize("delay", DELAYS)
def test_ctrl_c_on_the_real_command(delay: float, populated: Path, tmp_path: Path) -> None:
    """Sent to the whole process group, as a terminal does: the worker too receives it."""
    before = snapshot(populated)
    argv = [sys.executable, "-m", "bulletin_etl", "extract", str(BULLETIN_2024), "--out", str(populated), "-q"]
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True, cwd=tmp_path, start_new_session=True)
    time.sleep(delay)
    try:
        os.killpg(proc.pid, signal.SIGINT)
    except ProcessLookupError:  # finished already
        pass
    _, err = proc.communicate(timeout=120)

    assert "Traceback" not in err, err
    if proc.returncode == 0:  # done before the interrupt arrived
        assert err == ""
    elif err == UNCHANGED + "\n":
        assert proc.returncode == 130 and snapshot(populated) == before
    else:
        assert (proc.returncode, err) == (130, completed(populated) + "\n")
        assert snapshot(populated) != before
