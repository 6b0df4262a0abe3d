"""The performance scripts' harness: timing, the doclint to time, and results written as JSON.

Every script runs from the repository root as a module (`python -m bench.startup`)
and takes the harness's options:

    --python PY ...   time `PY -m doclint` for each interpreter given (an A/B: two installations, on the same
                      machine, in alternating runs); default: this interpreter
    --json FILE       also write the figures to FILE as JSON: {"script", "python", "figures": {name: value}}
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_cde6c8420819af79.txt"
ARTICLES = ROOT / "tests" / "data" / "articles.toml"


def arguments(parser: argparse.ArgumentParser) -> argparse.Namespace:
    """The script's own options and the harness's."""
    parser.add_argument("--python", nargs="+", default=[sys.executable],
                        help="interpreters whose doclint is timed, in alternating runs (an A/B)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file as JSON")
    return parser.parse_args()


def doclint(python: str, *args: str) -> list[str]:
    """The command that runs doclint with this interpreter."""
    return [python, "-m", "doclint", *args]


def median_seconds(commands: dict[str, list[str]], runs: int, cwd: Path | None = None,
                   setup=None) -> dict[str, float]:
    """The median wall time of each command (by name) over `runs`, the commands taking turns within each round
    so that a busy spell of the machine weighs on all of them alike; `setup(name)` runs before each, untimed."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            if setup:
                setup(name)
            t = time.perf_counter()
            subprocess.run(command, capture_output=True, cwd=cwd)
            times[name].append(time.perf_counter() - t)
    return {name: statistics.median(values) for name, values in times.items()}


def time_check(linter, data: bytes, runs: int) -> tuple[float, float, int]:
    """(median seconds, minimum seconds, diagnostics found) of `runs` in-process checks of `data` as one
    document."""
    from doclint.document import Document

    times, found = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        found = len(linter.check(Document.from_bytes("bench.txt", data)))
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times), found


def side_by_side(label: str, medians: dict[str, float], unit: str = "s") -> dict[str, float]:
    """Print one figure per interpreter, and each one's ratio to the first; the figures, for write_results."""
    first = next(iter(medians.values()))
    scale = 1000 if unit == "ms" else 1
    cells = [f"{medians[name] * scale:8.2f} {unit}" + (f" ({medians[name] / first:.3f}x)" if n else "")
             for n, name in enumerate(medians)]
    print(f"{label:34} " + "  ".join(cells))
    return {f"{label} [{name}]": value for name, value in medians.items()}


def write_results(path: Path | None, script: str, figures: dict) -> None:
    """Write the figures as JSON (when a path is given), with what produced them."""
    if path is None:
        return
    data = {"script": script, "command": " ".join(sys.argv), "machine": platform.machine(),
            "cpus": __import__("os").cpu_count(), "date": time.strftime("%Y-%m-%d"), "figures": figures}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
