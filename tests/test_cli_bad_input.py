"""Bad input on the command line: one error line naming the file, exit status 2, output untouched.

Every bad PDF is generated here (reportlab, plus a hand-made PNG for the "scanned" case). Each
case runs against three states of the --out folder: absent, empty, and holding a previous
successful extraction of the 2024 bulletin; in every state the folder (and its parent, where the
staging folders live) must be byte-identical after the failed run.
"""

from __future__ import annotations

import hashlib
import io
import random
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from bulletin_etl.cli import main

GOOD_PDF = Path(__file__).parents[1] / "raw" / "nanjing-health-info-bulletin-2024.pdf"
ERROR_PREFIX = "bulletin-etl: error: "
OUT_NAME = "output"

LETTER_LINES = (
    "Dear Ms Smith,",
    "Thank you for your letter of 3 March about the garden fence.",
    "We will send a carpenter next Tuesday morning.",
    "Yours sincerely,",
    "John Doe",
)


# --------------------------------------------------------------------------- PDF makers


def _new_canvas(buffer: io.BytesIO) -> canvas.Canvas:
    # invariant=1: no timestamps or random IDs, so the same bytes on every run
    return canvas.Canvas(buffer, pagesize=A4, invariant=1)


def letter_pdf() -> bytes:
    """An ordinary one-page English letter in Helvetica: readable text, but no bulletin."""
    buffer = io.BytesIO()
    c = _new_canvas(buffer)
    c.setFont("Helvetica", 12)
    for i, line in enumerate(LETTER_LINES):
        c.drawString(72, 770 - 18 * i, line)
    c.showPage()
    c.save()
    return buffer.getvalue()


def blank_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages have nothing drawn on them."""
    buffer = io.BytesIO()
    c = _new_canvas(buffer)
    for _ in range(pages):
        c.showPage()
    c.save()
    return buffer.getvalue()


def png_bytes(width: int = 64, height: int = 48) -> bytes:
    """A small RGB gradient PNG written with zlib + struct only."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    rows = b"".join(
        b"\x00" + bytes(v for x in range(width) for v in (x * 4 % 256, y * 5 % 256, (x + y) % 256))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages holding only an image object, no text: what a scanner produces."""
    buffer = io.BytesIO()
    c = _new_canvas(buffer)
    image = ImageReader(io.BytesIO(png_bytes()))
    for _ in range(pages):
        c.drawImage(image, 72, 400, width=450, height=340)
        c.showPage()
    c.save()
    return buffer.getvalue()


def truncated_pdf() -> bytes:
    """A valid PDF cut in half: the header survives, the %%EOF trailer does not."""
    data = letter_pdf()
    half = data[: len(data) // 2]
    assert half.startswith(b"%PDF-") and b"%%EOF" not in half
    return half


def _random_bytes(count: int, seed: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.getrandbits(8) for _ in range(count))


def corrupt_pdf() -> bytes:
    """Header line and final %%EOF intact; every object, the xref and the trailer are random bytes."""
    data = letter_pdf()
    body_start = data.index(b"\n") + 1
    body_end = data.rindex(b"%%EOF")
    corrupt = data[:body_start] + _random_bytes(body_end - body_start, seed=1234) + data[body_end:]
    assert corrupt.startswith(b"%PDF-") and corrupt.rstrip().endswith(b"%%EOF")
    assert b" obj" not in corrupt[body_start:body_end] and b"xref" not in corrupt
    return corrupt


def corrupt_stream_dict_pdf() -> bytes:
    """A subtler corruption: only the dictionary of the page's content stream is random bytes.

    pdfminer recovers from this but logs a warning through the logging module, which reaches the
    terminal of a real CLI run (it is hidden in-process by pytest's log capture).
    """
    data = letter_pdf()
    contents = data.index(b"/Contents ") + len(b"/Contents ")
    objid = data[contents:data.index(b" 0 R", contents)]
    start = data.index(b"\n" + objid + b" 0 obj") + len(b"\n" + objid + b" 0 obj")
    end = data.index(b"stream", start)
    return data[:start] + _random_bytes(end - start, seed=7) + data[end:]


# --------------------------------------------------------------------------- bad input cases


@dataclass(frozen=True)
class BadInput:
    id: str
    file_name: str
    content: Callable[[], bytes] | None  # None: the file is not created
    problem: str  # words the error line must contain

    def make(self, folder: Path) -> Path:
        path = folder / self.file_name
        if self.content is not None:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.content())
        return path


BAD_INPUTS = [
    BadInput("missing", "missing-bulletin.pdf", None, "no such file"),
    BadInput("empty", "empty-bulletin.pdf", lambda: b"", "empty"),
    BadInput("not-a-pdf", "notes-renamed.pdf", lambda: b"Shopping list\n- milk\n- bread\n" * 20, "not a PDF"),
    BadInput("truncated", "truncated-bulletin.pdf", truncated_pdf, "truncated"),
    BadInput("corrupt", "corrupt-bulletin.pdf", corrupt_pdf, "cannot be read"),
    BadInput("blank-pages", "blank-bulletin.pdf", blank_pdf, "blank"),
    BadInput("scanned", "scanned-bulletin.pdf", scanned_pdf, "no text layer"),
    BadInput("not-a-bulletin", "letter.pdf", letter_pdf, "no bulletin section"),
]


# --------------------------------------------------------------------------- output snapshots


@dataclass(frozen=True)
class Snapshot:
    files: dict[str, str]  # relative path → sha256
    dirs: frozenset[str]


def snapshot(root: Path) -> Snapshot | None:
    """Every file's hash and every folder under root; None when root does not exist."""
    if not root.exists():
        return None
    files: dict[str, str] = {}
    dirs: set[str] = set()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir():
            dirs.add(rel)
        else:
            files[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return Snapshot(files, frozenset(dirs))


def staging_leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if ".staging-" in p.name)


@dataclass(frozen=True)
class OutFolder:
    path: Path
    state: str
    before: Snapshot | None
    parent_before: frozenset[str]

    def assert_unchanged(self) -> None:
        assert snapshot(self.path) == self.before, f"--out folder ({self.state}) changed"
        assert staging_leftovers(self.path) == [], "staging folder left beside --out"
        assert frozenset(p.name for p in self.path.parent.iterdir()) == self.parent_before


def one_error_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected exactly one stderr line, got {len(lines)}:\n{stderr}"
    line = lines[0]
    assert line.strip(), "the stderr line is empty"
    assert line.startswith(ERROR_PREFIX), line
    return line


def assert_refused(status: int, err: str, bad: "BadInput", out_folder: "OutFolder") -> None:
    """Exit 2, one line naming the file and the problem, and --out exactly as it was."""
    assert status == 2, err
    line = one_error_line(err)
    assert bad.file_name in line
    assert bad.problem in line
    out_folder.assert_unchanged()


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def previous_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A --out folder holding one successful extraction of the 2024 bulletin (run once per module)."""
    out = tmp_path_factory.mktemp("previous-run") / OUT_NAME
    assert main(["extract", str(GOOD_PDF), "--out", str(out), "-q"]) == 0
    assert (out / "manifest.json").is_file()
    assert staging_leftovers(out) == []
    return out


@pytest.fixture(params=["absent", "empty", "populated"])
def out_folder(request: pytest.FixtureRequest, tmp_path: Path) -> OutFolder:
    out = tmp_path / "site" / OUT_NAME
    out.parent.mkdir()
    if request.param == "empty":
        out.mkdir()
    elif request.param == "populated":
        shutil.copytree(request.getfixturevalue("previous_run"), out)
    return OutFolder(out, request.param, snapshot(out), frozenset(p.name for p in out.parent.iterdir()))


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    return folder


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=[b.id for b in BAD_INPUTS])
def test_bad_input_is_one_line_exit_2_and_output_untouched(
    bad: BadInput, out_folder: OutFolder, inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = bad.make(inputs)

    status = main(["extract", str(pdf), "--out", str(out_folder.path), "-q"])

    assert_refused(status, capsys.readouterr().err, bad, out_folder)


GOOD_THEN_BAD = [
    *[pytest.param(bad, "populated", id=f"{bad.id}-populated") for bad in BAD_INPUTS],
    pytest.param(BAD_INPUTS[-1], "absent", id=f"{BAD_INPUTS[-1].id}-absent"),
    pytest.param(BAD_INPUTS[-1], "empty", id=f"{BAD_INPUTS[-1].id}-empty"),
]


@pytest.mark.parametrize(("bad", "out_folder"), GOOD_THEN_BAD, indirect=["out_folder"])
def test_good_then_bad_pdf_writes_nothing(
    bad: BadInput, out_folder: OutFolder, inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """All or nothing: the good 2024 bulletin followed by a bad one leaves --out as it was."""
    pdf = bad.make(inputs)

    status = main(["extract", str(GOOD_PDF), str(pdf), "--out", str(out_folder.path), "-q"])

    assert_refused(status, capsys.readouterr().err, bad, out_folder)


def test_no_pdf_and_empty_raw_folder(
    out_folder: OutFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = tmp_path / "empty-raw"
    raw.mkdir()

    status = main(["extract", "--raw", str(raw), "--out", str(out_folder.path), "-q"])

    err = capsys.readouterr().err
    assert status == 2, err
    line = one_error_line(err)
    assert raw.name in line
    assert "none found" in line
    out_folder.assert_unchanged()


SUBPROCESS_CASES = [
    BAD_INPUTS[0],  # missing file
    # the wording for this one is left open: only the one-line, exit-2, untouched-output contract
    BadInput("corrupt-stream-dict", "damaged-stream.pdf", corrupt_stream_dict_pdf, ""),
]


@pytest.mark.parametrize("bad", SUBPROCESS_CASES, ids=[b.id for b in SUBPROCESS_CASES])
def test_real_process_prints_one_line_and_no_traceback(
    bad: BadInput, out_folder: OutFolder, inputs: Path, tmp_path: Path
) -> None:
    """What a user's terminal shows: no traceback, no stray library log lines, only the error."""
    pdf = bad.make(inputs)

    proc = subprocess.run(
        [sys.executable, "-m", "bulletin_etl.cli", "extract", str(pdf), "--out", str(out_folder.path), "-q"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )

    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2, proc.stderr
    line = one_error_line(proc.stderr)
    assert bad.file_name in line
    assert bad.problem in line
    out_folder.assert_unchanged()
