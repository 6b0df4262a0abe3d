"""Start-up and throughput of `doclint check`, measured as users run it (a new process each time).

    python benchmarks/startup.py [--runs 15] [--files 500]

Prints medians: interpreter start-up alone, a one-file check of the seed, and
a check of a folder of many files (copies of the seed with varied text).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_cde6c8420819af79.txt"


def median_seconds(cmd: list[str], runs: int, cwd=None) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--files", type=int, default=500)
    a = ap.parse_args()
    py = median_seconds([sys.executable, "-c", "pass"], a.runs)
    one = median_seconds([sys.executable, "-m", "doclint", "check", str(SEED)], a.runs)
    with tempfile.TemporaryDirectory() as tmp:
        text = SEED.read_text(encoding="utf-8")
        for i in range(a.files):
            (Path(tmp) / f"{i:05d}.txt").write_text(text.replace("Putin", f"Putin{i}"), encoding="utf-8")
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        many = median_seconds([sys.executable, "-m", "doclint", "check", tmp], max(3, a.runs // 5))
    print(f"python -c pass                 median {py * 1000:7.1f} ms")
    print(f"doclint check <seed>           median {one * 1000:7.1f} ms  ({one / py:.1f}x interpreter start-up, "
          f"+{(one - py) * 1000:.0f} ms)")
    print(f"doclint check <{a.files} files>      median {many * 1000:7.1f} ms  "
          f"({many / a.files * 1000:.2f} ms/file, {size / many / 1e6:.2f} MB/s)")


if __name__ == "__main__":
    main()
