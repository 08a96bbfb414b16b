"""The command's entry point: a Ctrl-C that comes while the command line itself is still being
loaded ends as one during the run does — exit status 130, one line, no traceback."""

from __future__ import annotations

import sys
import time

STARTED = time.perf_counter()  # the run time the command reports counts from here
INTERRUPTED = 130
INTERRUPTED_BEFORE_WRITING = "bulletin-etl: interrupted; output folder unchanged"


def main() -> int:
    try:
        from .cli import main as command_line
    except KeyboardInterrupt:
        print(INTERRUPTED_BEFORE_WRITING, file=sys.stderr, flush=True)
        return INTERRUPTED
    return command_line(process_started=STARTED)
