"""Where a cold run's time goes: the CPU time of each stage and rule of `doclint check --jobs 1` on a folder.

    python -m bench.stages FOLDER [--select ...] [--top 0]

Runs the real command in this process, one worker, no index, with every rule's
`check` and `signature`, the corpus rules and the statistics pass wrapped in a
timer (CPU time of this process, so that another process's turn on a shared
core does not count). Prints each stage's seconds and share of the whole run,
import and start-up included; `--top N` also prints the N functions with the
most own time under cProfile (which slows the run: its total is not comparable).
"""
from __future__ import annotations

import argparse
import collections
import os
import sys
import time

TIMES: collections.Counter = collections.Counter()


def timed(name: str, function):
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            result = function(*args, **kwargs)
            if hasattr(result, "__next__"):  # a rule's check is a generator: time its whole run
                result = list(result)
            return result
        finally:
            TIMES[name] += time.process_time() - start
    return wrapper


def instrument() -> None:
    from doclint import runner, statistics
    from doclint.registry import _entry_point_rules

    for _, rule in _entry_point_rules():
        if "check" in vars(rule):
            rule.check = timed(f"check {rule.code} {rule.name}", rule.check)
        if "signature" in vars(rule):
            rule.signature = timed(f"signature {rule.code} {rule.name}", rule.signature)
        if "check_corpus" in vars(rule):
            rule.check_corpus = timed(f"corpus {rule.code} {rule.name}", rule.check_corpus)
    statistics.count = timed("statistics pass", statistics.count)
    runner.LocalRun.run = timed("the run (after start-up)", runner.LocalRun.run)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--select", default=None)
    ap.add_argument("--top", type=int, default=0)
    a = ap.parse_args()
    start = time.process_time()
    wall = time.perf_counter()
    instrument()
    from doclint.cli import main as cli

    args = ["check", "--no-cache", "--no-progress", "--jobs", "1", "--format", "json", "-o", os.devnull, a.folder]
    if a.select:
        args += ["--select", a.select]
    profile = None
    if a.top:
        import cProfile

        profile = cProfile.Profile()
        profile.enable()
    try:
        cli(args, standalone_mode=False)
    except SystemExit:
        pass
    if profile:
        profile.disable()
    total = time.process_time() - start
    print(f"{'whole process (CPU)':44} {total:7.3f} s   wall {time.perf_counter() - wall:.3f} s")
    for name, seconds in sorted(TIMES.items(), key=lambda x: -x[1]):
        print(f"{name:44} {seconds:7.3f} s {seconds / total:6.1%}")
    if profile:
        import pstats

        pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(a.top)


if __name__ == "__main__":
    main()
