"""Progress of a run on stderr: documents done, rate and time left, redrawn in place, only on a terminal."""
from __future__ import annotations

import sys
import time

REDRAW = 0.2  # seconds between redraws: often enough to look alive, rarely enough to cost nothing


class Progress:
    clock = staticmethod(time.monotonic)

    def __init__(self, enabled: bool, total: int | None = None):
        self.enabled = enabled and sys.stderr.isatty()
        self.total = total
        self.done = 0
        self.start = self.clock()
        self.last = 0.0

    def step(self) -> None:
        if not self.enabled:
            return
        self.done += 1
        now = self.clock()
        if now - self.last >= REDRAW:
            self.last = now
            rate = self.done / max(now - self.start, 1e-9)
            left = ""
            if self.total and self.done <= self.total:
                left = f", {(self.total - self.done) / rate:.0f}s left"
            of = f"/{self.total}" if self.total else ""
            sys.stderr.write(f"\r\x1b[2Kdoclint: {self.done}{of} documents, {rate:.0f}/s{left}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()
