"""The local engine against the Ray engine on the same synthetic sharded JSONL corpus, and the Ray driver's memory
as the corpus grows.

    python -m bench.ray_engine [--mb 1000 ...] [--shards 8] [--cpus 2] [--skip-local] [--select CODES]
                               [--dirty 0.3] [--folder DIR] [--python PY]

For each `--mb` size, writes that many megabytes of news-like records (10%
near-duplicates of earlier records, many of them in another shard; `--dirty`
of them with trailing spaces on a line, so that document rules find something
in every such record) into `--shards` JSONL files in a temporary folder (under
`--folder`, default the current one), then runs the real command on them:

    doclint check --no-cache SHARDS...                                  (local engine, --jobs CPUS)
    doclint check --engine ray -j CPUS --output-dir OUT SHARDS...        (a local Ray instance)

and prints, for each: wall time, throughput (MB/s, and per core), the peak
resident memory of the main process (`/usr/bin/time -v`: for Ray, the
driver); for Ray also the time of each stage and the peak memory of each
worker (from OUT/summary.json). `--select` passes rule codes to `--select`
(a check of fewer rules takes less time; the corpus rules, whose signatures
are what a driver gathers, are the ones to keep). The corpus is deleted after
each size. Needs the ray extra: pip install "doclint[ray]".
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import article, near_copy


def make_shards(folder: Path, mb: float, shards: int, dirty: float = 0.0, seed: int = 7) -> tuple[list[Path], int]:
    rng = random.Random(seed)
    paths = [folder / f"part-{i:05d}.jsonl" for i in range(shards)]
    files = [open(p, "w", encoding="utf-8") for p in paths]
    recent: list[str] = []
    size = records = 0
    while size < mb * 1e6:
        text = near_copy(rng, rng.choice(recent)) if recent and rng.random() < 0.1 else article(rng)
        recent = (recent + [text])[-2000:]
        if rng.random() < dirty:
            text = text.replace("\n\n", "  \n\n", 1)  # trailing spaces after the headline
        line = json.dumps({"id": f"doc-{records}", "text": text, "source": "synthetic"}) + "\n"
        files[rng.randrange(shards)].write(line)
        size += len(line.encode())
        records += 1
    for f in files:
        f.close()
    return paths, records


def timed(python: str, args: list[str]) -> tuple[float, float, str]:
    """(seconds, peak resident MB of the command, its stderr)."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", python, "-m", "doclint", *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    if p.returncode not in (0, 1):
        print(p.stderr[-2000:], file=sys.stderr)
    return elapsed, int(peak.group(1)) / 1024 if peak else float("nan"), p.stderr


def one_size(a: argparse.Namespace, mb: float) -> None:
    with tempfile.TemporaryDirectory(dir=a.folder) as d:
        tmp = Path(d)
        paths, records = make_shards(tmp, mb, a.shards, a.dirty)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"corpus: {size:.0f} MB in {a.shards} shards, {records} records; {a.cpus} CPUs")
        shards = [str(p) for p in paths]
        common = ["check", "--no-cache", "--no-progress", "--format", "json", "-o", str(tmp / "report.json")]
        if a.select:
            common += ["--select", a.select]
        if not a.skip_local:
            t, peak, _ = timed(a.python, [*common, "--jobs", str(a.cpus), *shards])
            print(f"  local engine: {t:7.1f} s, {size / t:.2f} MB/s ({size / t / a.cpus:.2f} MB/s per core), "
                  f"peak memory of the main process {peak:.0f} MB")
        out = tmp / "out"
        t, peak, _ = timed(a.python, [*common, "--engine", "ray", "--jobs", str(a.cpus), "--output-dir", str(out),
                                      *shards])
        summary = json.loads((out / "summary.json").read_text())
        seconds = summary["seconds"]
        workers = summary["worker_peak_mb"]
        print(f"  ray engine:   {t:7.1f} s, {size / t:.2f} MB/s ({size / t / a.cpus:.2f} MB/s per core), "
              f"peak memory of the driver {peak:.0f} MB")
        print(f"    stages: check {seconds['check']:.1f} s, shuffle {seconds['shuffle']:.1f} s, "
              f"corpus rules {seconds['corpus']:.1f} s, writing {seconds.get('write', 0):.1f} s")
        print(f"    peak memory per worker: {', '.join(f'{w:.0f}' for w in workers)} MB ({len(workers)} workers)")
        print(f"    diagnostics: {summary['diagnostics']} ({summary['by_rule']})", flush=True)
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, nargs="+", default=[1000])
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--skip-local", action="store_true")
    ap.add_argument("--select", help="rule codes for --select (comma-separated)")
    ap.add_argument("--dirty", type=float, default=0.0, help="share of records with trailing spaces")
    ap.add_argument("--folder", type=Path, default=Path.cwd(), help="where the corpus is written")
    ap.add_argument("--python", default=sys.executable, help="the interpreter whose doclint runs")
    a = ap.parse_args()
    for mb in a.mb:
        one_size(a, mb)


if __name__ == "__main__":
    main()
