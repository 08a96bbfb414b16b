"""Ctrl-C at the moments where it must wait: while the new output tree is swapped in (two renames
that must both happen), while a worker process is being started (it must not inherit a handler
that turns the interrupt into a traceback of its own), while extension modules are imported (an
interrupt raised inside one can make CPython end the process by SIGINT even though it was
handled), and once the command is done, while Python shuts down.

Held means recorded by a Python-level handler and raised once the moment is over. (Blocking the
signal would not do: pyarrow and numpy run threads of their own, and a signal blocked in the main
thread is delivered to one of them.)"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Recorder:
    """A SIGINT handler that only notes that the signal came."""

    def __init__(self) -> None:
        self.arrived = False

    def __call__(self, signum: int, frame: object) -> None:
        self.arrived = True


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C held back inside the block and raised as KeyboardInterrupt once it ends. (Python
    runs signal handlers in its main thread only, so elsewhere there is nothing to hold.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    recorder = _Recorder()
    before = signal.signal(signal.SIGINT, recorder)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if before is None else before)
    if recorder.arrived:
        raise KeyboardInterrupt


def ignore_interrupts() -> None:
    """From here on Ctrl-C is ignored: in a worker (the interrupt is its parent's to handle), and
    in a command that has finished, while Python shuts down (which otherwise restores the default
    handler, so that an interrupt then would end the process by the signal with nothing said)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
