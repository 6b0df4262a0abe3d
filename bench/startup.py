"""Start-up and throughput of `doclint check`, measured as users run it (a new process each time).

    python -m bench.startup [--runs 15] [--files 500] [--python A B] [--json FILE]

Prints medians: interpreter start-up alone, the imports every check pays
(`import numpy, click`, with OpenBLAS on one thread as doclint sets it: the
floor), a one-file check of the seed, and a check
of a folder of many files (copies of the seed with varied text); with two
interpreters (two installations of doclint), both side by side and the ratio
of the second to the first; and for each interpreter the one-file check as a
multiple of `python -c pass`. Every check runs in a temporary folder that holds
only its files, so that no project around them is read (in a project, a
one-file check also compares the file with the project's other files).

A doclint whose modules have no cached bytecode (an editable install with
PYTHONDONTWRITEBYTECODE set) compiles them at every start: the script says so.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.harness import SEED, arguments, doclint, median_seconds, side_by_side, write_results


# What every check imports, as doclint imports it: OpenBLAS limited to one thread (its thread pool alone costs
# some 50 ms at start on a 2-core machine; doclint parallelises with processes instead).
FLOOR = "import os; os.environ.setdefault('OPENBLAS_NUM_THREADS', '1'); import numpy, click"


def compiled(python: str) -> bool:
    """Whether the doclint this interpreter imports has cached bytecode for its modules."""
    probe = ("import doclint, importlib.util, os, sys; spec = importlib.util.find_spec('doclint.engine'); "
             "sys.exit(0 if os.path.exists(importlib.util.cache_from_source(spec.origin)) else 1)")
    return subprocess.run([python, "-c", probe]).returncode == 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--files", type=int, default=500)
    a = arguments(ap)
    for py in a.python:
        if not compiled(py):
            print(f"warning: {py}: doclint's modules have no cached bytecode: each start compiles them "
                  f"(run `{py} -m compileall -q` on the package, or install it without -e)")
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp) / "one", Path(tmp) / "many"
        one.mkdir()
        many.mkdir()
        shutil.copy(SEED, one / SEED.name)
        pythons = {py: [py, "-c", "pass"] for py in a.python}
        floor = {py: [py, "-c", FLOOR] for py in a.python}
        checks = {py: doclint(py, "check", "--no-cache", SEED.name) for py in a.python}
        passes = median_seconds(pythons, a.runs, cwd=one)
        figures.update(side_by_side("python -c pass", passes, "ms"))
        figures.update(side_by_side("python -c 'import numpy, click'", median_seconds(floor, a.runs, cwd=one), "ms"))
        medians = median_seconds(checks, a.runs, cwd=one)
        figures.update(side_by_side("doclint check <seed>", medians, "ms"))
        for py in a.python:
            print(f"  {py}: a one-file check takes {medians[py] / passes[py]:.1f} times `python -c pass`")
        text = SEED.read_text(encoding="utf-8")
        for i in range(a.files):
            (many / f"{i:05d}.txt").write_text(text.replace("Putin", f"Putin{i}"), encoding="utf-8")
        size = sum(p.stat().st_size for p in many.iterdir())
        commands = {py: doclint(py, "check", "--no-cache", ".") for py in a.python}
        medians = median_seconds(commands, max(3, a.runs // 5), cwd=many)
        figures.update(side_by_side(f"doclint check <{a.files} files>", medians, "ms"))
    for py, seconds in medians.items():
        print(f"  {py}: {seconds / a.files * 1000:.2f} ms/file, {size / seconds / 1e6:.2f} MB/s")
    write_results(a.json, "bench.startup", figures)


if __name__ == "__main__":
    main()
