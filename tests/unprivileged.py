"""Running the real command without root's right to read and write anything, wherever the clone
lives.

Root passes every permission check, so a test of "this file cannot be read" must run the command
as something less. Switching to another user (uid 65534) fails when the clone, and with it the
interpreter of its virtual environment, lies in a folder only root may enter (a clone under /root
or in a `mktemp -d` folder). Dropping every capability instead keeps the user, so the clone and
the interpreter stay reachable through their owner's permission bits, while the mode bits of
other files hold as they do for any user: a file of mode 000 cannot be read, a folder of mode 000
cannot be entered, a folder of mode 555 cannot be written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

DROP_EVERY_CAPABILITY = ["setpriv", "--bounding-set=-all", "--inh-caps=-all"]


def is_root() -> bool:
    return os.geteuid() == 0


@cache
def prefix() -> list[str] | None:
    """The command prefix that runs what follows without privileges: nothing when we are not
    root; setpriv dropping every capability when we are; None when root cannot drop them (no
    setpriv, or a sandbox that refuses), checked by reading a file of mode 000 in a probe."""
    if not is_root():
        return []
    if shutil.which(DROP_EVERY_CAPABILITY[0]) is None:
        return None
    with tempfile.TemporaryDirectory(prefix="bulletin-unprivileged-") as tmp:
        closed = Path(tmp) / "closed"
        closed.write_bytes(b"")
        closed.chmod(0)
        probe = "import bulletin_etl, os, sys; sys.exit(0 if not os.access(sys.argv[1], os.R_OK) else 1)"
        try:
            subprocess.run([*DROP_EVERY_CAPABILITY, sys.executable, "-c", probe, str(closed)], check=True,
                           capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return None
    return list(DROP_EVERY_CAPABILITY)


def unavailable_reason() -> str:
    return "running as root, and setpriv cannot drop root's capabilities here; root reads and writes every file"

