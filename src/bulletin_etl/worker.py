"""Each bulletin is read in a worker process under a memory cap and a wall-time budget, so that a
hostile PDF costs at most the budget: the worker is killed, the run fails with one line naming the
page that was being read, and the output folder is untouched.

The worker reports progress lines and the page it starts as it goes; it hands back the
BulletinResult (or the BulletinError) by pickle. Fork is used where the platform has it (the
parent has already imported the pipeline, so a worker starts in milliseconds), spawn elsewhere.
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

from . import guard
from .errors import BulletinError, DamagedInput, OverBudget
from .interrupts import ignore_interrupts, interrupts_held
from .pipeline import BulletinResult, Progress, extract


class RemoteTraceback(Exception):
    """The worker's traceback, chained under an internal error so that --debug shows it."""

    def __str__(self) -> str:
        return self.args[0]


def extract_guarded(path: str | Path, progress: Progress = lambda message: None,
                    limits: guard.Limits | None = None) -> BulletinResult:
    """pipeline.extract in a worker process under the budget; raises what extract would raise, or
    OverBudget when the worker ran out of time or memory."""
    path = Path(path)
    limits = limits or guard.limits
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(path, limits, send), daemon=True)
    with interrupts_held():  # until the worker ignores Ctrl-C, one that comes is only noted, in both processes
        worker.start()
    send.close()
    page: int | None = None
    deadline = time.monotonic() + limits.seconds
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not receive.poll(left):
                raise OverBudget(path, f"still reading after {limits.seconds:g} s; over the time budget — "
                                       "raise it with --time-budget if the file is trusted", page)
            try:
                kind, payload = receive.recv()
            except (EOFError, OSError):
                raise _died(path, worker, page, limits) from None
            if kind == "page":
                page = payload
            elif kind == "progress":
                progress(payload)
            elif kind == "result":
                return payload
            elif kind == "bulletin_error":
                cls, fields = payload
                raise cls(**fields)
            elif kind == "internal":
                exc, text = payload
                raise exc from RemoteTraceback(text)
    finally:
        receive.close()
        if worker.is_alive():
            worker.kill()
        worker.join()


def _died(path: Path, worker: multiprocessing.process.BaseProcess, page: int | None,
          limits: guard.Limits) -> BulletinError:
    worker.join(5)
    code = worker.exitcode
    where = f" on page {page}" if page else ""
    if code is not None and code < 0 and -code == signal.SIGKILL:
        return OverBudget(path, f"the reader was killed{where} (out of memory?); "
                                f"the memory budget is {limits.memory_bytes / 2**30:g} GiB", page)
    return DamagedInput(path, f"damaged: the PDF parser crashed{where} (exit status {code})", page)


def _work(path: Path, limits: guard.Limits, send: Connection) -> None:
    """The worker: cap the memory, read the bulletin, send back what came of it."""
    ignore_interrupts()
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    except (ValueError, OSError):
        pass  # a hard limit already lower than the budget stays in force
    guard.limits = limits
    page: list[int | None] = [None]

    def started(number: int) -> None:
        page[0] = number
        send.send(("page", number))

    guard.page_started = started
    try:
        result = extract(path, progress=lambda message: send.send(("progress", message)))
        send.send(("result", result))
    except BulletinError as exc:
        fields = {f.name: getattr(exc, f.name) for f in dataclasses.fields(exc)}
        send.send(("bulletin_error", (type(exc), fields)))
    except MemoryError:
        where = f" while reading page {page[0]}" if page[0] else ""
        send.send(("bulletin_error", (OverBudget, {
            "file": path, "page": page[0],
            "problem": f"over the memory budget of {limits.memory_bytes / 2**30:g} GiB{where}"})))
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
