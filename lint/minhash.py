"""MinHash signatures and LSH banding, vectorised with numpy.

A document becomes the set of its k-word shingles, each hashed to 32 bits
(crc32, stable across processes). Its signature holds, for each of `num_perm`
hash functions h(x) = (a*x + b) mod p, the minimum over its shingles. Two
signatures agree in a position with probability equal to the sets' Jaccard
similarity. LSH splits signatures into `bands` of `rows`; documents sharing a
band are candidates, which the caller verifies.
"""
from __future__ import annotations

import zlib
from functools import lru_cache

import numpy as np

MERSENNE = np.uint64((1 << 61) - 1)
MAX_HASH = np.uint64(0xFFFFFFFF)
EMPTY = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(seed)
    a = rng.randint(1, (1 << 61) - 1, size=num_perm, dtype=np.uint64)
    b = rng.randint(0, (1 << 61) - 1, size=num_perm, dtype=np.uint64)
    return a, b


def shingle_hashes(tokens: list[str], k: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of the k-word shingles (the whole text when shorter)."""
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    if len(tokens) < k:
        grams = [" ".join(tokens)]
    else:
        grams = [" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)]
    return np.unique(np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint32, count=len(grams)))


def signature(hashes: np.ndarray, num_perm: int) -> np.ndarray:
    if hashes.size == 0:
        return np.full(num_perm, EMPTY, dtype=np.uint32)
    a, b = permutations(num_perm)
    values = (np.outer(hashes.astype(np.uint64), a) + b) % MERSENNE & MAX_HASH
    return values.min(axis=0).astype(np.uint32)


def estimated_jaccard(s1: np.ndarray, s2: np.ndarray) -> float:
    return float(np.count_nonzero(s1 == s2)) / len(s1)


def exact_jaccard(h1: np.ndarray, h2: np.ndarray) -> float:
    if h1.size == 0 and h2.size == 0:
        return 1.0
    inter = np.intersect1d(h1, h2, assume_unique=True).size
    return inter / (h1.size + h2.size - inter)


def optimal_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising false positives plus false negatives around `threshold` (as datasketch)."""
    def area(f, lo, hi, steps=200):
        step = (hi - lo) / steps
        return sum(f(lo + (i + 0.5) * step) for i in range(steps)) * step

    best, best_err = (1, num_perm), float("inf")
    for bands in range(1, num_perm + 1):
        rows = num_perm // bands
        if rows == 0:
            break
        fp = area(lambda s: 1 - (1 - s ** rows) ** bands, 0.0, threshold)
        fn = area(lambda s: (1 - s ** rows) ** bands, threshold, 1.0)
        if fp + fn < best_err:
            best, best_err = (bands, rows), fp + fn
    return best


def candidate_pairs(signatures: list[np.ndarray], bands: int, rows: int) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of signatures that share at least one band."""
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        buckets: dict[bytes, list[int]] = {}
        lo, hi = band * rows, (band + 1) * rows
        for i, sig in enumerate(signatures):
            buckets.setdefault(sig[lo:hi].tobytes(), []).append(i)
        for members in buckets.values():
            if len(members) > 1:
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        pairs.add((members[x], members[y]))
    return pairs
