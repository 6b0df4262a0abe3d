"""A full check of a folder by doclint against a datatrove pipeline on the same files.

    python -m bench.datatrove_baseline FOLDER --datatrove-python PATH [--runs 3] [--jobs 1 2]

The datatrove pipeline is the one the corpus-mode issue names: FTFY, C4 and
Gopher quality filters, then MinHash LSH with datasketch (5-word shingles, 128
permutations, threshold 0.8) over every document that survives the filters.
With N workers, datatrove runs the filters and the MinHash signatures in N
tasks; the LSH index is then built over all signatures in one process, as a
deduplication must be. doclint runs `doclint check --no-cache --jobs N`.

datatrove is not a doclint dependency: install it into its own virtual
environment and pass that interpreter, e.g.

    python -m venv /tmp/dt && /tmp/dt/bin/pip install "datatrove[processing]" datasketch spacy

Each figure is the median wall time of `--runs` runs of the whole process
(start-up and imports included, as a user waits for them), with the range.
With `--jobs 1 2`, the last line compares two workers with one for both tools
and with this machine's own ceiling: pure-Python work in two processes against
one (a shared or virtual machine's two cores often give less than twice).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PIPELINE = r'''
import glob, pickle, sys
from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.filters import C4QualityFilter, GopherQualityFilter, GopherRepetitionFilter
from datatrove.pipeline.formatters import FTFYFormatter

folder, workers, scratch = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def read(data, rank=0, world_size=1):
    for n, path in enumerate(sorted(glob.glob(folder + "/*.txt"))):
        if n % world_size == rank:
            with open(path, encoding="utf-8", errors="replace") as f:
                yield Document(text=f.read(), id=path)


def signatures(data, rank=0, world_size=1):
    from datasketch import MinHash

    kept = []
    for doc in data:
        words = doc.text.lower().split()
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(words[i:i + 5]).encode() for i in range(max(1, len(words) - 4))])
        kept.append((doc.id, m))
        yield doc
    with open(f"{scratch}/signatures-{rank}.pkl", "wb") as f:
        pickle.dump(kept, f)


LocalPipelineExecutor(
    pipeline=[read, FTFYFormatter(), C4QualityFilter(filter_no_terminal_punct=False), GopherRepetitionFilter(),
              GopherQualityFilter(), signatures],
    tasks=workers, workers=workers, logging_dir=f"{scratch}/logs", skip_completed=False,
    start_method="fork",  # the quickest to start; its default, forkserver, would re-import this script
).run()

from datasketch import MinHashLSH

lsh, pairs = MinHashLSH(threshold=0.8, num_perm=128), 0
for rank in range(workers):
    with open(f"{scratch}/signatures-{rank}.pkl", "rb") as f:
        for key, m in pickle.load(f):
            pairs += len(lsh.query(m))
            lsh.insert(key, m)
print("candidate pairs", pairs)
'''


def _time(cmd: list[str], cwd: str, ok: tuple[int, ...] = (0,)) -> float:
    """Wall time of a command; a failing command stops the benchmark (its time would mean nothing)."""
    start = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if p.returncode not in ok:
        sys.exit(f"{' '.join(cmd[:2])} failed (exit {p.returncode}):\n{p.stderr[-2000:]}")
    return time.perf_counter() - start


def _summary(times: list[float]) -> str:
    return f"median {statistics.median(times):6.2f} s (range {min(times):.2f}-{max(times):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--datatrove-python", required=True, help="an interpreter with datatrove, datasketch and spacy")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    a = ap.parse_args()
    files = sorted(a.folder.glob("*.txt"))
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} documents, {size:.1f} MB in {a.folder}")
    with tempfile.TemporaryDirectory(prefix="doclint-dt-") as tmp:
        script = Path(tmp) / "pipeline.py"
        script.write_text(PIPELINE, encoding="utf-8")
        # A copy of the folder of its own: doclint would otherwise compare against the tree around it.
        subprocess.run(["git", "init", "-q", tmp], check=True)
        copy = Path(tmp) / "docs"
        shutil.copytree(a.folder, copy)
        doclint = [sys.executable, "-m", "doclint", "check", "--no-cache", "--no-progress", "--format", "json"]
        medians = {}
        for jobs in a.jobs:
            dt, ours = [], []
            for _ in range(a.runs):  # alternate the two tools, so that a noisy spell hits both
                scratch = tempfile.mkdtemp(dir=tmp)
                dt.append(_time([a.datatrove_python, str(script), str(copy), str(jobs), scratch], tmp))
                ours.append(_time([*doclint, "--jobs", str(jobs), str(copy)], tmp, ok=(0, 1)))  # 1: it found some
            ratio = statistics.median(dt) / statistics.median(ours)
            medians[jobs] = statistics.median(dt), statistics.median(ours)
            print(f"--jobs {jobs}: datatrove {_summary(dt)}; doclint {_summary(ours)}; "
                  f"doclint is {ratio:.1f} times faster")
    if 1 in medians and 2 in medians:
        (dt1, ours1), (dt2, ours2) = medians[1], medians[2]
        print(f"two workers against one: doclint {ours1 / ours2:.2f} times faster, datatrove {dt1 / dt2:.2f}; "
              f"this machine's own ceiling, pure-Python work in two processes against one: {_ceiling(a.runs)}")


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def _ceiling(runs: int) -> str:
    """How much faster two processes do pure-Python work than one on this machine (median and range of `runs`
    alternations): what two workers of any Python tool can reach here (a shared or virtual machine's two cores
    are often less than two)."""
    import multiprocessing

    work = [1_500_000] * 8
    ratios = []
    for _ in range(max(runs, 3)):
        start = time.perf_counter()
        for n in work:
            _spin(n)
        one = time.perf_counter() - start
        with multiprocessing.get_context("fork").Pool(2) as pool:
            start = time.perf_counter()
            pool.map(_spin, work, chunksize=1)
            two = time.perf_counter() - start
        ratios.append(one / two)
    return f"{statistics.median(ratios):.2f} ({min(ratios):.2f}-{max(ratios):.2f})"


if __name__ == "__main__":
    main()
