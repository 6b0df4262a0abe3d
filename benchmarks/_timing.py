"""Shared by the benchmark scripts: how long the linter takes to check one document."""
from __future__ import annotations

import statistics
import time

from doclint.document import Document


def time_check(linter, data: bytes, runs: int) -> tuple[float, float, int]:
    """(median seconds, minimum seconds, diagnostics found) of `runs` checks of `data` as one document."""
    times, found = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        found = len(linter.check(Document.from_bytes("bench.txt", data)))
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), found
