"""Print many HTML files to PDF with one headless Chromium, over the DevTools protocol.

Starting Chromium costs about as much as printing a bulletin, so one browser prints them all:
`--remote-debugging-pipe` gives the protocol on file descriptors 3 (commands in) and 4 (replies
out), one JSON message per NUL-terminated chunk. Page.printToPDF with preferCSSPageSize honours
the @page rules exactly as `--print-to-pdf` does (same pages, same text).
"""

from __future__ import annotations

import base64
import json
import os
import select
import subprocess
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


class Browser:
    def __init__(self, exe: str, timeout: float = 120):
        self.profile = tempfile.TemporaryDirectory()
        commands_r, commands_w = os.pipe()
        replies_r, replies_w = os.pipe()

        def to_3_and_4() -> None:  # in the child: the pipe ends become fds 3 and 4
            a, b = os.dup(commands_r), os.dup(replies_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen([exe, *FLAGS, f"--user-data-dir={self.profile.name}", "--remote-debugging-pipe",
                                      "about:blank"], pass_fds=(3, 4), preexec_fn=to_3_and_4,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands_r)
        os.close(replies_w)
        self.out = os.fdopen(commands_w, "wb", buffering=0)
        self.inp = os.fdopen(replies_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict] = []
        self.timeout = timeout
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=self.session)

    def _message(self) -> dict:
        while b"\0" not in self.buffer:
            if not select.select([self.inp], [], [], self.timeout)[0]:
                raise RuntimeError(f"Chromium said nothing for {self.timeout:.0f} s")
            chunk = self.inp.read(1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, session: str | None = None, **params) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"Chromium: {method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def _wait(self, event: str) -> None:
        for i, m in enumerate(self.events):
            if m.get("method") == event:
                del self.events[i]
                return
        while self._message().get("method") != event:
            pass

    def print_pdf(self, html: Path, pdf: Path) -> None:
        self.events.clear()
        self.call("Page.navigate", session=self.session, url=Path(html).resolve().as_uri())
        self._wait("Page.loadEventFired")
        data = self.call("Page.printToPDF", session=self.session, preferCSSPageSize=True, printBackground=True,
                         displayHeaderFooter=False)["data"]
        Path(pdf).write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.proc.wait(timeout=30)
        except (RuntimeError, OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        finally:
            self.out.close()
            self.inp.close()
            self.profile.cleanup()


def print_all(exe: str, pairs: list[tuple[Path, Path]]) -> None:
    """Print each (html, pdf) pair with one browser."""
    browser = Browser(exe)
    try:
        for html, pdf in pairs:
            browser.print_pdf(html, pdf)
    finally:
        browser.close()
