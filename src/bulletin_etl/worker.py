"""Each bulletin is read in a worker process under a memory cap and a wall-time budget, so that a
hostile PDF costs at most the budget: the worker is killed, the run fails with one line naming the
page that was being read (or, once every page was read, the stage that was running), and the output
folder is untouched.

The worker reports progress lines and each stage it starts as it goes; it hands back the
BulletinResult (or the BulletinError) by pickle, and the layout settings cross to it the same way.
Fork is used where the platform has it (the parent has already imported the pipeline, so a worker
starts in milliseconds), spawn elsewhere.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import pickle
import resource
import signal
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from . import guard
from .errors import BulletinError, DamagedInput, OverBudget
from .interrupts import ignore_interrupts, interrupts_held
from .layout.settings import LayoutSettings
from .pipeline import BulletinResult, Progress, extract


@dataclasses.dataclass(frozen=True)
class Stage:
    """What the worker was last heard doing: reading or laying out a page, or a stage after every
    page was read ('the completeness checks'); a budget message names it."""

    name: str | None = None  # None: not at the first page yet (the file's structure is checked)
    page: int | None = None
    pages_read: int = 0  # the highest page started so far

    def then(self, name: str, page: int | None = None) -> Stage:
        return Stage(name, page, max(self.pages_read, page or 0))

    @property
    def where(self) -> str:
        """' while reading page 7', ' during the completeness checks (after all 12 pages were read)',
        or nothing before the first page."""
        if self.name is None:
            return ""
        if self.page is not None:
            return f" while {self.name} page {self.page}"
        return f" during {self.name} (after {self._pages_read})"

    def still(self, seconds: float) -> str:
        """'still reading after 120 s' (the error names the page), 'still running the completeness
        checks after 120 s (all 12 pages were read)'."""
        if self.name is None or self.page is not None:
            return f"still {self.name or 'reading'} after {seconds:g} s"
        return f"still running {self.name} after {seconds:g} s ({self._pages_read})"

    @property
    def _pages_read(self) -> str:
        return "its only page was read" if self.pages_read == 1 else f"all {self.pages_read} pages were read"


class RemoteTraceback(Exception):
    """The worker's traceback, chained under an internal error so that --debug shows it."""

    def __str__(self) -> str:
        return self.args[0]


def extract_guarded(path: str | Path, progress: Progress = lambda message: None,
                    limits: guard.Limits | None = None, settings: LayoutSettings | None = None) -> BulletinResult:
    """pipeline.extract in a worker process under the budget, with the given layout settings (None:
    the defaults); raises what extract would raise, or OverBudget when the worker ran out of time
    or memory."""
    path = Path(path)
    limits = limits or guard.limits
    worker, receive = _start_worker(path, limits, settings)
    try:
        return _follow(path, worker, receive, progress, limits)
    finally:
        receive.close()
        if worker.is_alive():
            worker.kill()
        worker.join()


def _start_worker(path: Path, limits: guard.Limits,
                  settings: LayoutSettings | None) -> tuple[multiprocessing.process.BaseProcess, Connection]:
    """The worker reading the bulletin, started, and the end of the pipe it reports on."""
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() \
        else multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(path, limits, settings, send), daemon=True)
    with interrupts_held():  # until the worker ignores Ctrl-C, one that comes is only noted, in both processes
        worker.start()
    send.close()
    return worker, receive


def _follow(path: Path, worker: multiprocessing.process.BaseProcess, receive: Connection, progress: Progress,
            limits: guard.Limits) -> BulletinResult:
    """The worker's reports until its result, within the time budget: the stage it is in, its
    progress lines, its result or what it raised."""
    stage = Stage()
    deadline = time.monotonic() + limits.seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not receive.poll(left):
            raise OverBudget(path, f"{stage.still(limits.seconds)}; over the time budget — "
                                   "raise it with --time-budget if the file is trusted", stage.page)
        try:
            kind, payload = receive.recv()
        except (EOFError, OSError):
            raise _died(path, worker, stage, limits) from None
        if kind == "stage":
            stage = payload
        elif kind == "result":
            return payload
        else:
            _pass_on(kind, payload, progress)


def _pass_on(kind: str, payload: Any, progress: Progress) -> None:
    """A progress line passed on; an error the worker met raised here, as extract raises it."""
    if kind == "progress":
        progress(payload)
    elif kind == "bulletin_error":
        cls, fields = payload
        raise cls(**fields)
    elif kind == "internal":
        exc, text = payload
        raise exc from RemoteTraceback(text)


def _died(path: Path, worker: multiprocessing.process.BaseProcess, stage: Stage,
          limits: guard.Limits) -> BulletinError:
    worker.join(5)
    code = worker.exitcode
    if code is not None and code < 0 and -code == signal.SIGKILL:
        return OverBudget(path, f"the reader was killed{stage.where} (out of memory?); "
                                f"the memory budget is {limits.memory_bytes / 2**30:g} GiB", stage.page)
    return DamagedInput(path, f"damaged: the PDF parser crashed{stage.where} (exit status {code})", stage.page)


def _work(path: Path, limits: guard.Limits, settings: LayoutSettings | None, send: Connection) -> None:
    """The worker: cap the memory, read the bulletin, send back what came of it."""
    ignore_interrupts()
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    except (ValueError, OSError):
        pass  # a hard limit already lower than the budget stays in force
    guard.limits = limits
    current = [Stage()]

    def started(stage: str, page: int | None = None) -> None:
        current[0] = current[0].then(stage, page)
        send.send(("stage", current[0]))

    guard.stage_started = started
    try:
        result = extract(path, progress=lambda message: send.send(("progress", message)), settings=settings)
        send.send(("result", result))
    except BulletinError as exc:
        fields = {f.name: getattr(exc, f.name) for f in dataclasses.fields(exc)}
        send.send(("bulletin_error", (type(exc), fields)))
    except MemoryError:
        send.send(("bulletin_error", (OverBudget, {
            "file": path, "page": current[0].page,
            "problem": f"over the memory budget of {limits.memory_bytes / 2**30:g} GiB{current[0].where}"})))
    except Exception as exc:
        text = "".join(traceback.format_exception(exc))
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        send.send(("internal", (exc, text)))
    finally:
        send.close()
        os._exit(0)  # no atexit handlers or buffers of the parent's run twice
