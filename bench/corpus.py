"""Corpus-mode figures: throughput, parallelism, the index, scaling, JSONL memory, MinHash vs datasketch.

    python -m bench.corpus [--docs 1000] [--scales 1,10] [--jsonl-mb 100 (0: skip)] [--skip-datasketch]
    python -m bench.corpus --throughput-only --python A B [--json FILE]   (an A/B of two installations)

Synthetic news-like documents (generated sentences, 10% near-duplicates) are
written to a temporary folder; every figure is the median of `--runs` runs of
the real command (`python -m doclint check`), except the MinHash comparison,
which runs in-process. datasketch is needed only for that comparison
(`pip install datasketch`); it is not a dependency of doclint.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import arguments, median_seconds, side_by_side, write_results
from bench.harness import doclint as bench_doclint

WORDS = ("market council player season company minister report price court police water school film music "
         "energy budget union vote team match bank rate growth deal plan figure week city country year "
         "officials expected would could after before during against between under while government "
         "hospital election striker festival album drought farmer tariff investor airline railway").split()


def article(rng: random.Random, n_paras: int = 8) -> str:
    paras = []
    for _ in range(n_paras):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(10, 20))]
            sentences.append(" ".join(words).capitalize() + f" {rng.randint(1, 999)}.")
        paras.append(" ".join(sentences))
    return f"Headline {rng.randint(1, 10**6)}\n\n" + "\n\n".join(paras) + "\n"


def near_copy(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // 60)):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def make_corpus(folder: Path, n: int, seed: int = 3) -> int:
    rng = random.Random(seed)
    texts = []
    for i in range(n):
        texts.append(near_copy(rng, rng.choice(texts)) if texts and rng.random() < 0.1 else article(rng))
    size = 0
    for i, t in enumerate(texts):
        (folder / f"{i:06d}.txt").write_text(t, encoding="utf-8")
        size += len(t.encode())
    return size


def timed(cmd: list[str], runs: int, cwd=None, setup=None) -> float:
    times = []
    for _ in range(runs):
        if setup:
            setup()
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def doclint(*args) -> list[str]:
    return [sys.executable, "-m", "doclint", "check", "--no-progress", "--format", "json", "-o", "/dev/null", *args]


def throughput(tmp: Path, n: int, runs: int, pythons: list[str]) -> dict:
    """Full checks with one and two jobs, and with the index (first and second run); for several interpreters
    (an A/B), in alternating runs. The figures, by label."""
    corpus = tmp / "corpus"
    corpus.mkdir()
    size = make_corpus(corpus, n)
    print(f"corpus: {n} documents, {size / 1e6:.1f} MB")
    figures = {}
    for jobs in (1, 2):
        commands = {py: checking(py, "--no-cache", "--jobs", str(jobs), str(corpus)) for py in pythons}
        medians = median_seconds(commands, runs, cwd=tmp)  # (from a project's folder its documents join the check)
        figures.update(side_by_side(f"full check, --jobs {jobs}, no index", medians))
        print("  " + ", ".join(f"{size / t / 1e6:.2f} MB/s" for t in medians.values()))
    caches = {py: tmp / f"cache-{n}" for n, py in enumerate(pythons)}
    commands = {py: checking(py, "--cache-dir", str(caches[py]), str(corpus)) for py in pythons}
    first = median_seconds(commands, runs, cwd=tmp, setup=lambda py: shutil.rmtree(caches[py], True))
    figures.update(side_by_side("index: first run", first))
    figures.update(side_by_side("index: second run (unchanged)", median_seconds(commands, runs, cwd=tmp)))
    shutil.rmtree(corpus)
    return figures


def checking(python: str, *args) -> list[str]:
    return bench_doclint(python, "check", "--no-progress", "--format", "json", "-o", "/dev/null", *args)


def scaling(tmp: Path, n: int, scales: list[int], runs: int) -> None:
    base = None
    for scale in scales:
        corpus = tmp / f"scale{scale}"
        corpus.mkdir()
        size = make_corpus(corpus, n * scale)
        t = timed(doclint("--no-cache", str(corpus)), max(1, runs if scale < 10 else 1), cwd=tmp)
        base = base or t / scale
        print(f"  {scale:4d}x: {n * scale:7d} documents, {size / 1e6:7.1f} MB: {t:7.2f} s "
              f"({t / (base * scale):.2f}x linear)")
        shutil.rmtree(corpus)


def jsonl_memory(tmp: Path, mb: float) -> None:
    path = tmp / "corpus.jsonl"
    rng = random.Random(5)
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        i = 0
        while size < mb * 1e6:
            line = json.dumps({"id": f"doc-{i}", "text": article(rng), "source": "synthetic"}) + "\n"
            f.write(line)
            size += len(line.encode())
            i += 1
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", *doclint("--no-cache", str(path))], capture_output=True, text=True,
                       cwd=tmp)
    elapsed = time.perf_counter() - t
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    print(f"  JSONL {size / 1e6:.0f} MB, {i} records: {elapsed:.1f} s, peak resident memory of the main process "
          f"{int(peak.group(1)) / 1024 if peak else float('nan'):.0f} MB (/usr/bin/time -v)")
    path.unlink()


def minhash_vs_datasketch(n: int) -> None:
    import numpy as np

    from doclint import minhash
    from doclint.text import normalize, words

    rng = random.Random(11)
    texts = []
    for i in range(n):
        texts.append(near_copy(rng, rng.choice(texts)) if texts and rng.random() < 0.1 else article(rng))
    hashes = [minhash.shingle_hashes(minhash.word_hashes(t), 5) for t in texts]
    tokens = [words(normalize(t)) for t in texts]  # the same words, as strings, for datasketch
    truth = set()  # exact Jaccard >= 0.8 among candidate pairs of a generous LSH (0.3) run
    for i, j in minhash.candidate_pairs([minhash.signature(h, 128) for h in hashes], *minhash.optimal_bands(0.3, 128)):
        if minhash.exact_jaccard(hashes[i], hashes[j]) >= 0.8:
            truth.add((i, j))

    t = time.perf_counter()
    sigs = [minhash.signature(h, 128) for h in hashes]
    bands, rows = minhash.optimal_bands(0.6, 128)
    ours = {(i, j) for i, j in minhash.candidate_pairs(sigs, bands, rows)
            if minhash.exact_jaccard(hashes[i], hashes[j]) >= 0.8}
    ours_t = time.perf_counter() - t

    from datasketch import MinHash, MinHashLSH

    t = time.perf_counter()
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    mhs = []
    for i, toks in enumerate(tokens):
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(toks[k:k + 5]).encode() for k in range(max(1, len(toks) - 4))])
        lsh.insert(i, m)
        mhs.append(m)
    theirs = set()
    for i, m in enumerate(mhs):
        for j in lsh.query(m):
            if j != i and m.jaccard(mhs[j]) >= 0.8:
                theirs.add((min(i, j), max(i, j)))
    theirs_t = time.perf_counter() - t

    def score(found):
        tp = len(found & truth)
        return tp / max(1, len(truth)), tp / max(1, len(found))

    r1, p1 = score(ours)
    r2, p2 = score(theirs)
    print(f"  {n} documents, {len(truth)} pairs with exact Jaccard >= 0.8:")
    print(f"    doclint minhash (numpy, LSH for 0.6 + exact check): {ours_t:6.2f} s, recall {r1:.3f}, precision {p1:.3f}")
    print(f"    datasketch MinHashLSH(0.8) + estimated check:       {theirs_t:6.2f} s, recall {r2:.3f}, precision {p2:.3f}")
    del np


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scales", default="1,10")
    ap.add_argument("--jsonl-mb", type=float, default=100)
    ap.add_argument("--skip-datasketch", action="store_true")
    ap.add_argument("--throughput-only", action="store_true", help="only the throughput and index figures")
    a = arguments(ap)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        write_results(a.json, "bench.corpus", throughput(tmp, a.docs, a.runs, a.python))
        if a.throughput_only:
            return
        print("scaling:")
        scaling(tmp, a.docs, [int(x) for x in a.scales.split(",")], a.runs)
        if a.jsonl_mb > 0:
            print("memory:")
            jsonl_memory(tmp, a.jsonl_mb)
    if not a.skip_datasketch:
        print("MinHash:")
        minhash_vs_datasketch(a.docs)


if __name__ == "__main__":
    main()
