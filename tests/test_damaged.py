"""Issue 10, case by case: damaged and hostile inputs never hang, never lose data silently, and say
what is wrong in one line naming the page.

Each damaged PDF is the 2024 bulletin with one precise edit (tests/fuzz/mutations.py, by
incremental update), so what the edit removed or broke is known exactly and the warning or error
must name it.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from bulletin_etl.cli import main
from bulletin_etl.errors import OverBudget, UnreadableInput
from bulletin_etl.pipeline import extract
from bulletin_etl.text import is_cjk
from bulletin_etl.worker import extract_guarded
from tests.fuzz import mutations as mut
from tests.fuzz.pdfedit import Editor

GOOD_PDF = Path(__file__).parents[1] / "raw" / "nanjing-health-info-bulletin-2024.pdf"
PREFIX = "bulletin-etl: error: "


@pytest.fixture(scope="module")
def good() -> bytes:
    return GOOD_PDF.read_bytes()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def incomplete(pdf: Path) -> list[tuple[int | None, str]]:
    return [(w.page, w.message) for w in extract(pdf).warnings if w.kind == "incomplete"]


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run the command; it must exit 2 with exactly one line, which is returned."""
    status = main(["extract", *argv, "-q"])
    err = capsys.readouterr().err
    assert status == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(PREFIX), err
    return lines[0]


# --------------------------------------------------------------------------- pages lost, turned, broken


def test_the_clean_bulletin_is_complete() -> None:
    assert incomplete(GOOD_PDF) == []


def test_a_lost_page_is_named_by_the_printed_page_numbers(tmp_path: Path, good: bytes) -> None:
    pdf = write(tmp_path, "lost.pdf", mut.without_page(good, 2))

    assert (3, "printed page 3 not found (between pages 2 and 3 of the file); content may be missing") \
        in incomplete(pdf)


def test_a_lost_first_page_is_named(tmp_path: Path, good: bytes) -> None:
    pdf = write(tmp_path, "lost-first.pdf", mut.without_page(good, 0))

    assert incomplete(pdf)[0] == (1, "printed page 1 not found before page 1 of the file; content may be missing")


def test_lost_events_are_named_against_the_title_that_counts_them(tmp_path: Path, good: bytes) -> None:
    """Page 2 holds events 六–十; the title '十件大事' says there are ten."""
    pdf = write(tmp_path, "lost-2.pdf", mut.without_page(good, 1))

    warnings = incomplete(pdf)

    assert (1, "the title '2024 年度南京市卫生信息中心十件大事' promises 10 items but the last one read is 五、; "
               "items 六、–十、 missing after page 1") in warnings
    assert (2, "printed page 2 not found (between pages 1 and 2 of the file); content may be missing") in warnings


def test_a_lost_last_numbered_page_is_found_by_the_figures_the_events_restate(tmp_path: Path, good: bytes) -> None:
    """Page 10 ends the platform table and holds its note; no printed page number follows it."""
    pdf = write(tmp_path, "lost-10.pdf", mut.without_page(good, 9))

    messages = [m for _, m in incomplete(pdf)]

    assert "event 四 states '主索引 2854 万份' but no note under a table gives master_patient_index_records; " \
           "a note, a table or a page may be missing" in messages


@pytest.mark.parametrize("angle", [90, 180, 270])
@pytest.mark.parametrize("by_key", [True, False], ids=["rotate-key", "turned-content"])
def test_a_turned_page_is_named(tmp_path: Path, good: bytes, angle: int, by_key: bool) -> None:
    pdf = write(tmp_path, "turned.pdf", mut.turned_page(good, 2, angle, by_key))

    warnings = incomplete(pdf)

    assert (3, "page 3 is turned (654 of its 654 characters are not horizontal); its content was not read in order") \
        in warnings


def test_a_page_without_contents_is_named(tmp_path: Path, good: bytes) -> None:
    pdf = write(tmp_path, "empty.pdf", mut.broken_page(good, 2, "no contents"))

    assert (3, "page 3 is empty (nothing drawn on it: a broken page?); whatever it held was not read") \
        in incomplete(pdf)


def test_a_garbage_page_dictionary_is_damage(tmp_path: Path, good: bytes, capsys) -> None:
    pdf = write(tmp_path, "garbage.pdf", mut.broken_page(good, 2, "garbage"))

    assert "garbage.pdf: damaged: cannot be read as a PDF" in refused(capsys, str(pdf), "--out", str(tmp_path / "o"))


def test_a_scanned_page_among_text_pages_is_named_and_the_rows_it_held_counted_missing(tmp_path: Path, good: bytes) -> None:
    pdf = write(tmp_path, "scanned-6.pdf", mut.scanned_page(good, 5))

    warnings = [(w.page, w.kind, w.message) for w in extract(pdf).warnings]

    assert (6, "incomplete", "page 6 has no text layer (scanned?); its content was not read") in warnings
    # the 12320 table's heading was on page 6; its rows going on over page 7, now under the hotline's
    # heading, are read as the table they are (by their header), and the rows lost are named
    assert (7, "section_by_content", "a table under heading '南京 12320 卫生热线 2024 年度数据统计' (hotline_12320) "
                                     "read as appointments_12320 by its content (its table's header: 7 of 7 cells in "
                                     "the appointments_12320 column map, rows labelled by institution)") in warnings
    assert (7, "incomplete", "table rows 序号 9–36 missing (between page 4 and page 7)") in warnings


def _frames_by_file_page(result, copy: int | None = None) -> dict:
    """A result's datasets (the bulletins row aside: it names the file), with the source pages after
    `copy` counted as if that page were not in the file."""
    out = {}
    for name, frame in result.frames.items():
        if name == "bulletins":
            continue
        frame = frame.reset_index(drop=True).copy()
        if copy is not None and "source_page" in frame:
            frame["source_page"] = frame["source_page"].map(lambda p: p - 1 if p is not None and p > copy else p)
        out[name] = frame
    return out


@pytest.fixture(scope="module")
def clean_result():
    return extract(GOOD_PDF)


@pytest.fixture(scope="module")
def clean_frames(clean_result) -> dict:
    return _frames_by_file_page(clean_result)


@pytest.mark.parametrize("index", [0, 1, 2, 5, 9])
def test_a_page_printed_twice_is_read_once_and_named(tmp_path: Path, good: bytes, clean_frames: dict,
                                                     index: int) -> None:
    """Read twice, page 2's events or page 10's hospitals would repeat their keys and fail the
    schema: the copy is read once, every row is the clean bulletin's, and the warning names both."""
    pdf = write(tmp_path, "twice.pdf", mut.doubled_page(good, index))
    page, copy = index + 1, index + 2

    result = extract(pdf)

    assert [(w.page, w.message) for w in result.warnings if w.kind == "incomplete"] == [
        (copy, f"page {copy} repeats page {page} word for word (a page printed twice); it was read once")]
    assert result.failures == []
    frames = _frames_by_file_page(result, copy)
    assert frames.keys() == clean_frames.keys()
    for name, frame in clean_frames.items():
        assert frames[name].equals(frame), name


def test_twenty_copies_of_a_page_are_named_once(tmp_path: Path, good: bytes) -> None:
    pdf = write(tmp_path, "copies.pdf", mut.doubled_page(good, 10 - 1, 20))

    result = extract(pdf)

    assert [(w.page, w.message) for w in result.warnings if w.kind == "incomplete"] == [
        (11, "pages 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 and 10 more repeat page 10 word for word (a page printed "
             "21 times); it was read once")]
    assert result.failures == []
    assert len(result.frames["platform_collection_hospitals"]) == \
        len(extract(GOOD_PDF).frames["platform_collection_hospitals"])


def test_two_hundred_copies_of_a_page_are_read_once_within_the_budget(tmp_path: Path, good: bytes,
                                                                       clean_frames: dict, capsys) -> None:
    """Issue 10: 200 copies of one page (a 0.4 MB file) ran past 60 s. Read once, they cost the
    layout of the pages and no more; the run stays inside the default budget."""
    import json
    import time

    pdf = write(tmp_path, "copies.pdf", mut.doubled_page(good, 2, 200))
    out = tmp_path / "out"

    started = time.monotonic()
    status = main(["extract", str(pdf), "--out", str(out), "-q"])
    seconds = time.monotonic() - started

    assert status == 0, capsys.readouterr().err
    assert seconds < 60
    manifest = json.loads((out / "manifest.json").read_text())
    assert [(w["page"], w["message"]) for w in manifest["bulletins"][0]["warnings"] if w["kind"] == "incomplete"] == [
        (4, "pages 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 and 190 more repeat page 3 word for word (a page printed 201 "
            "times); it was read once")]
    assert manifest["bulletins"][0]["datasets"] == {name: len(frame) for name, frame in clean_frames.items()} | \
        {"bulletins": 1}


def test_a_copy_that_differs_is_not_merged_and_its_repeated_rows_fail_the_schema(tmp_path: Path, good: bytes,
                                                                                capsys) -> None:
    """Page 2 printed again with a stamp: not the same text, so not one page. Its events repeat
    their numbers: a real schema failure, exit 5 naming page and section; the events partition of
    the earlier run is kept byte for byte, and the repeat is named by the printed page number and
    the enumeration."""
    import hashlib
    import json

    out = tmp_path / "out"
    assert main(["extract", str(GOOD_PDF), "--out", str(out), "-q"]) == 0
    events = out / "events" / "year=2024" / "part-0.parquet"
    before = hashlib.sha256(events.read_bytes()).hexdigest()
    capsys.readouterr()
    pdf = write(tmp_path, "stamped.pdf", mut.stamped_copy(good, 1))

    status = main(["extract", str(pdf), "--out", str(out), "-q"])

    assert status == 5
    assert capsys.readouterr().err.splitlines() == [
        f"{PREFIX}{pdf}: page 2: section events: dataset events failed its schema ((row): unique key "
        "(year, number) failed for (2024, 6); (row): unique key (year, number) failed for (2024, 7); (row): unique "
        "key (year, number) failed for (2024, 8); (row): unique key (year, number) failed for (2024, 9); (row): "
        "unique key (year, number) failed for (2024, 10)); not written, its earlier partitions (if any) kept",
        "bulletin-etl: 1 dataset failed its schema; everything else was written (exit status 5)"]
    assert hashlib.sha256(events.read_bytes()).hexdigest() == before
    manifest = json.loads((out / "manifest.json").read_text())
    warnings = [(w["page"], w["message"]) for w in manifest["bulletins"][0]["warnings"] if w["kind"] == "incomplete"]
    assert warnings == [(3, "printed page 2 appears 2 times (pages 2, 3 of the file); a page printed more than once"),
                        (3, "item 六、 appears twice (page 2 and page 3)")]


# --------------------------------------------------------------------------- page tree and budgets


def test_a_page_tree_that_lists_itself_is_refused(tmp_path: Path, good: bytes, capsys) -> None:
    pdf = write(tmp_path, "loop.pdf", mut.looped_tree(good, 4))

    line = refused(capsys, str(pdf), "--out", str(tmp_path / "o"))

    assert line == f"{PREFIX}{pdf}: damaged: the page tree loops (object 34 lists itself among its own pages); " \
                   "refused rather than walked forever"


LOOPS = [  # place, objects in the chain, page index, packed; the loop the message names
    ("pages root", 1, 0, False, "object 34 refers to itself (34 → 34), a reference that never resolves"),
    ("kid", 2, 1, False, "object 4 refers back to itself through object 84 (4 → 84 → 4), a chain of references "
                         "that never resolves"),
    ("kid", 3, 1, False, "object 4 refers back to itself through objects 84 and 85 (4 → 84 → 85 → 4), a chain of "
                         "references that never resolves"),
    ("resources", 2, 0, False, "object 81 refers back to itself through object 84 (81 → 84 → 81), a chain of "
                               "references that never resolves"),
    ("font", 2, 0, False, "object 59 refers back to itself through object 84 (59 → 84 → 59), a chain of references "
                          "that never resolves"),
    ("contents array", 2, 0, False, "object 84 refers back to itself through object 85 (84 → 85 → 84), a chain of "
                                    "references that never resolves"),
    ("contents array", 2, 0, True, "object 84 refers back to itself through object 85 (84 → 85 → 84), a chain of "
                                   "references that never resolves"),
    ("stream length", 2, 0, False, "object 3 refers back to itself through object 84 (3 → 84 → 3), a chain of "
                                   "references that never resolves"),
    ("object stream length", 2, 0, True, "object 84 refers back to itself through object 85 (84 → 85 → 84), a chain "
                                         "of references that never resolves"),
]


@pytest.mark.parametrize(("place", "length", "index", "packed", "loop"), LOOPS,
                         ids=[f"{p.replace(' ', '-')}-{n}{'-packed' if k else ''}" for p, n, _, k, _ in LOOPS])
def test_a_chain_of_references_that_comes_back_on_itself_is_refused_at_once(tmp_path: Path, good: bytes, capsys,
                                                                            place: str, length: int, index: int,
                                                                            packed: bool, loop: str) -> None:
    """Issue 15: pdfminer asks for the next object as long as the answer is a reference, so a chain
    that comes back on itself ran for the whole time budget; it is refused before the pages are read."""
    import time

    pdf = write(tmp_path, "loop.pdf", mut.looping_reference(good, place, length, index, packed))

    started = time.monotonic()
    line = refused(capsys, str(pdf), "--out", str(tmp_path / "o"), "--time-budget", "20")

    assert line == f"{PREFIX}{pdf}: damaged: {loop}; refused"
    assert time.monotonic() - started < 3
    assert not (tmp_path / "o").exists()


def test_a_long_loop_is_named_in_one_short_line(tmp_path: Path, good: bytes, capsys) -> None:
    pdf = write(tmp_path, "loop.pdf", mut.looping_reference(good, "kid", 12, 1))

    line = refused(capsys, str(pdf), "--out", str(tmp_path / "o"), "--time-budget", "20")

    assert line == f"{PREFIX}{pdf}: damaged: object 4 refers back to itself through 11 other objects (4 → 84 → 85 → " \
                   "… → 94 → 4), a chain of references that never resolves; refused"


def test_a_loop_met_as_the_file_is_opened_is_refused(tmp_path: Path, good: bytes, capsys) -> None:
    """The catalog is read as pdfminer opens the file, before any page: the trailer's /Root at an
    object that is a reference to itself."""
    editor = Editor(good)
    editor.put_raw(82, b"82 0 R")
    pdf = write(tmp_path, "root.pdf", editor.result())

    line = refused(capsys, str(pdf), "--out", str(tmp_path / "o"), "--time-budget", "20")

    assert line == f"{PREFIX}{pdf}: damaged: object 82 refers to itself (82 → 82), a reference that never resolves; refused"


def test_a_stream_whose_length_leads_back_to_the_stream_is_refused(tmp_path: Path, good: bytes, capsys) -> None:
    """Page 1's content stream (2) has its /Length in object 3; made a reference to the stream
    itself, reading the stream needs the stream (pdfminer recursed until Python gave up)."""
    editor = Editor(good)
    editor.put_raw(3, b"2 0 R")
    pdf = write(tmp_path, "length.pdf", editor.result())

    line = refused(capsys, str(pdf), "--out", str(tmp_path / "o"), "--time-budget", "20")

    assert line == f"{PREFIX}{pdf}: damaged: object 2 refers back to itself through object 3 (2 → 3 → 2), a chain " \
                   "of references that never resolves; refused"


def test_a_cross_reference_stream_lists_each_range_and_no_more_than_its_table() -> None:
    """pdfminer's own listing reads every range's entries from the start of the table, and goes on
    through the billions of numbers a damaged /Index declares."""
    from pdfminer.pdfdocument import PDFXRefStream

    from bulletin_etl.guard import _stream_xref_ids

    xref = PDFXRefStream()
    xref.ranges, xref.entlen, xref.data = [(0, 1), (84, 2), (90, 10**9)], 7, bytes(7 * 5)

    assert list(_stream_xref_ids(xref)) == [0, 84, 85, 90, 91]


@pytest.mark.parametrize("packed", [False, True], ids=["plain", "packed"])
def test_a_reference_to_a_reference_that_ends_is_read_as_before(tmp_path: Path, good: bytes, clean_result,
                                                               clean_frames: dict, packed: bool) -> None:
    """The counter-case: an object whose whole value is a reference to the real resources is one hop
    the reader follows; the bulletin reads exactly as the clean one."""
    pdf = write(tmp_path, "hop.pdf", mut.forwarded_resources(good, 0, packed))

    result = extract(pdf)

    assert result.failures == []
    assert [(w.page, w.kind, w.message) for w in result.warnings] == \
        [(w.page, w.kind, w.message) for w in clean_result.warnings]
    frames = _frames_by_file_page(result)
    assert frames.keys() == clean_frames.keys()
    for name, frame in clean_frames.items():
        assert frames[name].equals(frame), name


def test_an_absurd_page_count_is_a_warning_and_the_pages_listed_are_read(tmp_path: Path, good: bytes) -> None:
    pdf = write(tmp_path, "count.pdf", mut.counted(good, 10**9))

    result = extract(pdf)

    assert result.pages == 11
    assert [w.message for w in result.warnings if w.kind == "parser"] == [
        "PDF parser: the page tree says it holds 1000000000 pages (/Count) but lists 11; the 11 listed were read"]


def test_a_stream_bomb_is_refused_naming_its_page(tmp_path: Path, good: bytes, capsys) -> None:
    pdf = write(tmp_path, "bomb.pdf", mut.bombed_page(good, 2, 20))

    line = refused(capsys, str(pdf), "--out", str(tmp_path / "o"))

    assert line == f"{PREFIX}{pdf}: page 3: page(s) 3 draw more than 16 MB of decoded content (a compression " \
                   "bomb?); over the page budget — raise it with --page-budget-mb if the file is trusted"


def test_the_time_budget_stops_a_slow_bulletin_naming_the_page(tmp_path: Path, good: bytes, capsys) -> None:
    """The bomb let through by a larger page budget is then stopped by the time budget."""
    pdf = write(tmp_path, "slow.pdf", mut.bombed_page(good, 2, 20))

    line = refused(capsys, str(pdf), "--out", str(tmp_path / "o"), "--page-budget-mb", "64", "--time-budget", "3")

    assert line == f"{PREFIX}{pdf}: page 3: still reading after 3 s; over the time budget — raise it with " \
                   "--time-budget if the file is trusted"


def _address_space() -> int:
    return next(int(line.split()[1]) * 1024 for line in Path("/proc/self/status").read_text().splitlines()
                if line.startswith("VmSize:"))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to size the cap")
def test_the_memory_cap_turns_exhaustion_into_a_refusal_naming_the_page(tmp_path: Path, monkeypatch) -> None:
    """The worker (forked from this process) may grow 64 MB past what it starts with; reading
    'page 7' asks for 1 GiB."""
    from bulletin_etl import guard, worker

    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("the stand-in parser reaches the worker only by fork")

    def greedy(path, progress, settings):
        guard.page_started(7)
        return bytearray(2**30)

    monkeypatch.setattr(worker, "extract", greedy)
    cap = _address_space() + 64 * 2**20

    with pytest.raises(OverBudget) as caught:
        extract_guarded(tmp_path / "any.pdf", limits=guard.Limits(memory_bytes=cap))

    assert caught.value.page == 7
    assert caught.value.problem == f"over the memory budget of {cap / 2**30:g} GiB while reading page 7"


def test_the_worker_hands_back_the_result_intact(good: bytes) -> None:
    in_process = extract(GOOD_PDF)
    guarded = extract_guarded(GOOD_PDF)

    assert pickle.loads(pickle.dumps(in_process)).frames.keys() == in_process.frames.keys()
    assert guarded.frames.keys() == in_process.frames.keys()
    for name, frame in in_process.frames.items():
        assert guarded.frames[name].equals(frame), name
    assert [str(w) for w in guarded.warnings] == [str(w) for w in in_process.warnings]


def test_the_worker_sends_progress_lines(good: bytes) -> None:
    said: list[str] = []

    extract_guarded(GOOD_PDF, progress=said.append)

    assert said[0] == "  11 pages read"
    assert any(line.startswith("  events: 10 rows, page 1") for line in said)


def test_a_bulletin_error_crosses_the_worker_with_its_page_and_section(tmp_path: Path, good: bytes) -> None:
    pdf = write(tmp_path, "bomb.pdf", mut.bombed_page(good, 2, 20))

    with pytest.raises(OverBudget) as caught:
        extract_guarded(pdf)

    assert (caught.value.file, caught.value.page) == (pdf, 3)


# --------------------------------------------------------------------------- damage


def _flip_stream_end(data: bytes, page_index: int) -> bytes:
    """The last byte of a page's compressed content (its checksum) inverted."""
    editor = Editor(data)
    contents = editor.get(editor.page_ids()[page_index])["Contents"]
    start = data.index(b"stream", data.index(b"\n%d 0 obj" % contents.objid)) + len(b"stream\n")
    end = data.index(b"endstream", start)
    last = data.rindex(bytes([data[end - 2]]), start, end - 1) if data[end - 1:end] in b"\r\n" else end - 1
    out = bytearray(data)
    out[last] ^= 0xFF
    return bytes(out)


def test_a_stream_that_decodes_with_data_loss_is_damage(tmp_path: Path, good: bytes, capsys) -> None:
    pdf = write(tmp_path, "corrupt.pdf", _flip_stream_end(good, 1))

    line = refused(capsys, str(pdf), "--out", str(tmp_path / "o"))

    assert line.startswith(f"{PREFIX}{pdf}: page 2: damaged: ")


def test_the_data_loss_log_names_the_page() -> None:
    import logging

    from bulletin_etl.guard import data_loss_log

    with data_loss_log() as loss:
        loss.page = 4
        logging.getLogger("pdfminer.pdftypes").warning("Data-loss while decompressing corrupted data")
        loss.page = 5
        logging.getLogger("pdfminer.pdftypes").warning("something else")

    assert loss.pages == {4}


def test_glyphs_without_unicode_mapping_need_ocr(tmp_path: Path, good: bytes, capsys) -> None:
    pdf = write(tmp_path, "cid.pdf", mut.unmapped_glyphs(good, 4, bytes(range(1, 11))))

    line = refused(capsys, str(pdf), "--out", str(tmp_path / "o"))

    assert line == f"{PREFIX}{pdf}: page 5: no text mapping (needs OCR): 5 glyph(s) on page(s) 5 have no Unicode " \
                   "mapping and read as '(cid:N)'"


@pytest.mark.parametrize("how", ["removed", "emptied"])
def test_stripped_tounicode_maps_need_ocr(tmp_path: Path, good: bytes, capsys, how: str) -> None:
    pdf = write(tmp_path, "stripped.pdf", mut.without_tounicode(good, how))

    line = refused(capsys, str(pdf), "--out", str(tmp_path / "o"))

    assert line.startswith(f"{PREFIX}{pdf}: page 1: no text mapping (needs OCR): ")
    assert line.endswith(" glyph(s) on page(s) 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 1 more have no Unicode mapping "
                         "and read as '(cid:N)'")


def test_is_cjk_takes_a_glyph_of_several_characters() -> None:
    assert is_cjk("(cid:12)") is False
    assert is_cjk("中文") is True
    assert is_cjk("") is False


def test_a_glyph_mapping_to_two_characters_is_read(tmp_path: Path, good: bytes) -> None:
    """Issue 10: a ligature glyph ('fi' from one glyph) crashed the heading measure with
    `ord() expected a character`. Three such glyphs at the foot of page 1 read as one line."""
    import pdfplumber

    from bulletin_etl.layout import document

    pdf = write(tmp_path, "ligature.pdf", mut.ligature_glyphs(good, 0))
    with pdfplumber.open(pdf) as opened:
        assert [c["text"] for c in opened.pages[0].chars if "f" in c["text"]] == ["fi", "fi", "fi"]

    assert [(line.page, line.text) for line in document.load(pdf).lines if "fi" in line.text] == [(1, "fififi")]
    result = extract(pdf)
    assert result.failures == [] and result.frames["events"].shape[0] == 10


def test_a_password_protected_pdf_says_so(tmp_path: Path, capsys) -> None:
    import random

    data, _ = mut.password(b"", random.Random(0))
    pdf = write(tmp_path, "locked.pdf", data)

    assert refused(capsys, str(pdf), "--out", str(tmp_path / "o")) == \
        f"{PREFIX}{pdf}: password-protected (it needs a password to open); save an unprotected copy"


# --------------------------------------------------------------------------- not a regular file


@pytest.mark.parametrize(("name", "expected"), [
    ("fifo", "{path}: not a regular file (a named pipe); give the PDF file itself"),
    ("dev-zero", "{path}: not a regular file (a device); give the PDF file itself"),
    ("symlink-loop", "{path}: symlink loop (the link points back to itself)"),
    ("newline-name", "{folder}/two\\nlines.pdf: not a PDF (no %PDF header)"),
])
def test_what_is_not_a_regular_file_is_refused_before_it_is_read(tmp_path: Path, capsys, name: str, expected: str) -> None:
    path = next(h for h in mut.HOSTILE if h.name == name).make(tmp_path)

    assert refused(capsys, str(path), "--out", str(tmp_path / "o")) == PREFIX + expected.format(path=path, folder=tmp_path)


def test_an_unreadable_file_is_permission_denied(tmp_path: Path) -> None:
    """Root reads any file, so the real command runs without privileges (as root: with every
    capability dropped, see tests/unprivileged.py), wherever the clone and tmp_path live."""
    path = next(h for h in mut.HOSTILE if h.name == "unreadable").make(tmp_path)

    proc = _as_unprivileged(["extract", str(path), "--out", str(tmp_path / "o"), "-q"], tmp_path)

    assert (proc.returncode, proc.stderr) == (2, f"{PREFIX}{path}: permission denied (the file cannot be read)\n")
    assert not (tmp_path / "o").exists()


def _as_unprivileged(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """The real command without root's right to read and write anything (skipped, with the reason,
    where root cannot give it up)."""
    from tests import unprivileged

    prefix = unprivileged.prefix()
    if prefix is None:
        pytest.skip(unprivileged.unavailable_reason())
    return subprocess.run([*prefix, sys.executable, "-m", "bulletin_etl.cli", *argv], capture_output=True,
                          text=True, timeout=120, cwd=cwd, env={**os.environ, "HOME": str(cwd)})


@pytest.mark.parametrize(("where", "mode", "expected"), [
    ("closed/out", 0o000, "--out {d}/closed/out: permission denied (cannot look into {d}/closed); nothing was read"),
    ("closed/out", 0o555, "--out {d}/closed/out: permission denied (cannot write in {d}/closed); nothing was read"),
    ("closed/a/b", 0o555, "--out {d}/closed/a/b: permission denied (cannot write in {d}/closed); nothing was read"),
])
def test_an_output_folder_that_cannot_be_written_is_refused_before_reading(where: str, mode: int, expected: str,
                                                                           tmp_path: Path) -> None:
    """Was exit 4 (an internal PermissionError) after the whole extraction; now a bad argument."""
    pdf = write(tmp_path, "b.pdf", GOOD_PDF.read_bytes())
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed").chmod(mode)

    proc = _as_unprivileged(["extract", str(pdf), "--out", str(tmp_path / where), "-q"], tmp_path)

    (tmp_path / "closed").chmod(0o755)  # so that pytest can clean up after us
    assert (proc.returncode, proc.stderr) == (2, f"{PREFIX}{expected.format(d=tmp_path)}\n")


def test_an_argument_with_a_newline_stays_on_one_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "a\nfile").write_text("")

    line = refused(capsys, str(tmp_path / "x.pdf"), "--out", str(tmp_path / "a\nfile" / "out"))

    assert line == f"{PREFIX}--out {tmp_path}/a\\nfile/out: {tmp_path}/a\\nfile is a file, not a folder; nothing was read"


def test_a_read_refused_by_the_system_is_permission_denied(tmp_path: Path, capsys, monkeypatch) -> None:
    """What the system says when the file cannot be read, whoever runs the tests."""
    path = write(tmp_path, "locked-away.pdf", b"%PDF-1.4\n%%EOF\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)

    assert refused(capsys, str(path), "--out", str(tmp_path / "o")) == \
        f"{PREFIX}{path}: permission denied (the file cannot be read)"


def test_a_named_pipe_does_not_hang_the_real_command(tmp_path: Path) -> None:
    path = next(h for h in mut.HOSTILE if h.name == "fifo").make(tmp_path)

    proc = subprocess.run([sys.executable, "-m", "bulletin_etl.cli", "extract", str(path), "--out",
                           str(tmp_path / "o"), "-q"], capture_output=True, text=True, timeout=60, cwd=tmp_path)

    assert (proc.returncode, proc.stderr) == (2, f"{PREFIX}{path}: not a regular file (a named pipe); "
                                                 "give the PDF file itself\n")


def test_check_file_refuses_an_oversized_file(tmp_path: Path, monkeypatch) -> None:
    from bulletin_etl import guard
    from bulletin_etl.layout.document import check_file

    path = write(tmp_path, "big.pdf", b"%PDF-1.4\n" + b" " * 3 * guard.MB + b"%%EOF\n")
    monkeypatch.setattr(guard, "limits", guard.Limits(max_file_bytes=2 * guard.MB))

    with pytest.raises(OverBudget, match="3 MB is larger than any bulletin"):
        check_file(path)


def test_a_file_name_with_control_characters_stays_on_one_line() -> None:
    message = str(UnreadableInput(Path("/tmp/a\nb\x1b[31m.pdf"), "not a PDF"))

    assert message == "/tmp/a\\nb\\x1b[31m.pdf: not a PDF"


def test_a_flate_stream_cut_short_counts_as_undecodable() -> None:
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import LIT

    from bulletin_etl.guard import _decoded_size

    whole = zlib.compress(b"BT (x) Tj ET " * 100)
    ok = PDFStream({"Filter": LIT("FlateDecode")}, whole)
    cut = PDFStream({"Filter": LIT("FlateDecode")}, whole[: len(whole) // 2])

    assert _decoded_size(ok, 10**6) == (1300, True)
    assert _decoded_size(cut, 10**6)[1] is False
