"""The local engine against the Ray engine on the same synthetic sharded JSONL corpus.

    python -m bench.ray_engine [--mb 1000] [--shards 8] [--cpus 2] [--skip-local]

Writes `--mb` megabytes of news-like records (10% near-duplicates of earlier
records, many of them in another shard) into `--shards` JSONL files in a
temporary folder, then runs the real command on them twice:

    doclint check --no-cache SHARDS...                                  (local engine, --jobs CPUS)
    doclint check --engine ray -j CPUS --output-dir OUT SHARDS...        (a local Ray instance)

and prints, for each: wall time, throughput (MB/s, and per core), the peak
resident memory of the main process (`/usr/bin/time -v`); for Ray also the
time spent in the LSH/paragraph-hash shuffle and the peak memory of each
worker (from OUT/summary.json). Needs the ray extra: pip install "doclint[ray]".
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import article, near_copy


def make_shards(folder: Path, mb: float, shards: int, seed: int = 7) -> tuple[list[Path], int]:
    rng = random.Random(seed)
    paths = [folder / f"part-{i:05d}.jsonl" for i in range(shards)]
    files = [open(p, "w", encoding="utf-8") for p in paths]
    recent: list[str] = []
    size = records = 0
    while size < mb * 1e6:
        text = near_copy(rng, rng.choice(recent)) if recent and rng.random() < 0.1 else article(rng)
        recent = (recent + [text])[-2000:]
        line = json.dumps({"id": f"doc-{records}", "text": text, "source": "synthetic"}) + "\n"
        files[rng.randrange(shards)].write(line)
        size += len(line.encode())
        records += 1
    for f in files:
        f.close()
    return paths, records


def timed(args: list[str]) -> tuple[float, float, str]:
    """(seconds, peak resident MB of the command, its stderr)."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "doclint", *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    if p.returncode not in (0, 1):
        print(p.stderr[-2000:], file=sys.stderr)
    return elapsed, int(peak.group(1)) / 1024 if peak else float("nan"), p.stderr


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1000)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--skip-local", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as d:
        tmp = Path(d)
        paths, records = make_shards(tmp, a.mb, a.shards)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"corpus: {size:.0f} MB in {a.shards} shards, {records} records; {a.cpus} CPUs")
        shards = [str(p) for p in paths]
        common = ["check", "--no-cache", "--no-progress", "--format", "json", "-o", str(tmp / "report.json")]
        if not a.skip_local:
            t, peak, _ = timed([*common, "--jobs", str(a.cpus), *shards])
            print(f"  local engine: {t:7.1f} s, {size / t:.2f} MB/s ({size / t / a.cpus:.2f} MB/s per core), "
                  f"peak memory of the main process {peak:.0f} MB")
        out = tmp / "out"
        t, peak, _ = timed([*common, "--engine", "ray", "--jobs", str(a.cpus), "--output-dir", str(out), *shards])
        summary = json.loads((out / "summary.json").read_text())
        seconds = summary["seconds"]
        workers = summary["worker_peak_mb"]
        print(f"  ray engine:   {t:7.1f} s, {size / t:.2f} MB/s ({size / t / a.cpus:.2f} MB/s per core), "
              f"peak memory of the driver {peak:.0f} MB")
        print(f"    stages: check {seconds['check']:.1f} s, shuffle {seconds['shuffle']:.1f} s, "
              f"corpus rules {seconds['corpus']:.1f} s, writing {seconds.get('write', 0):.1f} s")
        print(f"    peak memory per worker: {', '.join(f'{w:.0f}' for w in workers)} MB ({len(workers)} workers)")
        print(f"    diagnostics: {summary['diagnostics']} ({summary['by_rule']})")


if __name__ == "__main__":
    main()
