"""Start-up and throughput of `doclint check`, measured as users run it (a new process each time).

    python -m bench.startup [--runs 15] [--files 500] [--python A B] [--json FILE]

Prints medians: interpreter start-up alone, a one-file check of the seed, and
a check of a folder of many files (copies of the seed with varied text); with
two interpreters (two installations of doclint), both side by side and the
ratio of the second to the first.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.harness import SEED, arguments, doclint, median_seconds, side_by_side, write_results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--files", type=int, default=500)
    a = arguments(ap)
    figures = {}
    pythons = {py: [py, "-c", "pass"] for py in a.python}
    figures.update(side_by_side("python -c pass", median_seconds(pythons, a.runs), "ms"))
    one = {py: doclint(py, "check", "--no-cache", str(SEED)) for py in a.python}
    figures.update(side_by_side("doclint check <seed>", median_seconds(one, a.runs), "ms"))
    with tempfile.TemporaryDirectory() as tmp:
        text = SEED.read_text(encoding="utf-8")
        for i in range(a.files):
            (Path(tmp) / f"{i:05d}.txt").write_text(text.replace("Putin", f"Putin{i}"), encoding="utf-8")
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        many = {py: doclint(py, "check", "--no-cache", tmp) for py in a.python}
        medians = median_seconds(many, max(3, a.runs // 5))
        figures.update(side_by_side(f"doclint check <{a.files} files>", medians, "ms"))
    for py, seconds in medians.items():
        print(f"  {py}: {seconds / a.files * 1000:.2f} ms/file, {size / seconds / 1e6:.2f} MB/s")
    write_results(a.json, "bench.startup", figures)


if __name__ == "__main__":
    main()
