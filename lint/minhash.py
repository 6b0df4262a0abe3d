"""MinHash signatures and LSH banding, vectorised with numpy.

A document becomes the set of its k-word shingles, each hashed to 32 bits
(crc32, stable across processes). Its signature holds, for each of `num_perm`
hash functions h(x) = ((a*x + b) mod 2^64) >> 32 (multiply-add-shift, a
universal family that needs no division), the minimum over its shingles. Two
signatures agree in a position with probability equal to the sets' Jaccard
similarity. LSH splits signatures into `bands` of `rows`; documents sharing a
band are candidates, which the caller verifies.
"""
from __future__ import annotations

import zlib
from array import array
from functools import lru_cache

import numpy as np

from doclint.arrays import sorted_unique

SHIFT = np.uint64(32)
EMPTY = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(seed)
    a = rng.randint(1, (1 << 63) - 1, size=num_perm, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.randint(0, (1 << 63) - 1, size=num_perm, dtype=np.uint64)
    return a, b


_WORD_HASHES: dict[str, bytes] = {}  # raw word -> crc32 of its words as native uint64s (array "Q"), shared by a run
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd multipliers (golden ratio, splitmix64) to combine and mix
_MIX2 = np.uint64(0xBF58476D1CE4E5B9)


def word_hashes(text: str) -> np.ndarray:
    """crc32 (stable across processes) of each word of the normalised text (doclint.text.words(normalize(text))).

    Normalising and tokenising never cross whitespace, so each whitespace-
    separated word of the raw text is normalised, tokenised and hashed once per
    run and cached: a document costs a split and one lookup per word. The
    cached hashes are bytes, so that a document's are one join (seven times
    faster than flattening tuples of ints into an array).
    """
    from doclint.text import DELETED_WHITESPACE_RE, normalize, words

    cache = _WORD_HASHES
    if len(cache) > 1_000_000:
        cache.clear()
    if DELETED_WHITESPACE_RE.search(text):
        text = DELETED_WHITESPACE_RE.sub("", text)
    raw = text.split()
    try:
        joined = b"".join(map(cache.__getitem__, raw))
    except KeyError:  # words met for the first time: each distinct one is hashed once, however often it occurs
        for word in set(raw).difference(cache):
            cache[word] = array("Q", [zlib.crc32(w.encode("utf-8")) for w in words(normalize(word))]).tobytes()
        joined = b"".join(map(cache.__getitem__, raw))
    return np.frombuffer(joined, dtype=np.uint64)


def shingle_hashes(h: np.ndarray, k: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of the k-word shingles of a text given as its word hashes (the whole text when
    shorter).

    A shingle's hash combines its k word hashes positionally (h1*M^(k-1) + ...
    + hk, mod 2^64) and mixes the result, all in numpy: no string is built per
    shingle.
    """
    if not len(h):
        return np.empty(0, dtype=np.uint32)
    k = min(k, len(h))
    with np.errstate(over="ignore"):
        acc = h[: len(h) - k + 1].copy()
        for j in range(1, k):
            acc = acc * _MIX + h[j: len(h) - k + 1 + j]
        acc ^= acc >> np.uint64(31)
        acc *= _MIX2
        acc ^= acc >> np.uint64(29)
    return sorted_unique((acc >> np.uint64(32)).astype(np.uint32))


def sequence_hash(h: np.ndarray) -> int:
    """A stable hash of a word-hash sequence and its length: equal for texts whose normalised words are equal."""
    return zlib.crc32(h.astype("<u8").tobytes()) | (len(h) << 32)


def signature(hashes: np.ndarray, num_perm: int) -> np.ndarray:
    if hashes.size == 0:
        return np.full(num_perm, EMPTY, dtype=np.uint32)
    a, b = permutations(num_perm)
    with np.errstate(over="ignore"):
        values = np.multiply.outer(hashes.astype(np.uint64), a)  # in place from here: no temporary copies
        values += b
    # The shift keeps order (x <= y implies x >> 32 <= y >> 32), so the minimum is shifted, not every value.
    return (values.min(axis=0) >> SHIFT).astype(np.uint32)


def estimated_jaccard(s1: np.ndarray, s2: np.ndarray) -> float:
    return float(np.count_nonzero(s1 == s2)) / len(s1)


def exact_jaccard(h1: np.ndarray, h2: np.ndarray) -> float:
    if h1.size == 0 and h2.size == 0:
        return 1.0
    inter = np.intersect1d(h1, h2, assume_unique=True).size
    return inter / (h1.size + h2.size - inter)


class SpillFile:
    """uint32 arrays kept in an unnamed temporary file and read back on demand.

    A corpus run holds one shingle set per document until it verifies candidate
    pairs; on disk they cost the main process no memory (the operating system's
    page cache keeps the hot ones). The file disappears when it is closed.
    """

    def __init__(self):
        self._file = None
        self._end = 0

    def put(self, array: np.ndarray) -> tuple[int, int]:
        import tempfile

        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="doclint-")
        data = np.ascontiguousarray(array, dtype=np.uint32).tobytes()
        self._file.seek(self._end)
        self._file.write(data)
        ref = (self._end, len(array))
        self._end += len(data)
        return ref

    def get(self, ref: tuple[int, int]) -> np.ndarray:
        offset, count = ref
        self._file.seek(offset)
        return np.frombuffer(self._file.read(count * 4), dtype=np.uint32)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file, self._end = None, 0


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


def candidate_pairs(signatures, bands: int, rows: int, index=None) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of signatures that share a band.

    `signatures` is a list of arrays, a 2-D array, or a Table; with `index`,
    signature i is row index[i] of the Table (read a column at a time, never
    copied whole).
    Each band's values are folded into one 64-bit key per document, sorted, and
    runs of equal keys are the buckets: no dict per band. A key collision only
    adds a candidate, which the caller verifies.
    """
    matrix = signatures if index is not None else np.asarray(signatures, dtype=np.uint32)
    count = len(matrix) if index is None else len(index)
    pairs: set[tuple[int, int]] = set()
    if count < 2:
        return pairs
    with np.errstate(over="ignore"):
        for band in range(bands):
            key = np.zeros(count, dtype=np.uint64)
            for column in range(band * rows, (band + 1) * rows):
                values = matrix[:, column] if index is None else matrix.column(column, index)
                key = key * _MIX + values.astype(np.uint64)
            order = np.argsort(key, kind="stable")
            ordered = key[order]
            starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
            ends = np.append(starts[1:], len(ordered))
            for a, b in zip(starts[ends - starts > 1].tolist(), ends[ends - starts > 1].tolist()):
                members = sorted(order[a:b].tolist())
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        pairs.add((members[x], members[y]))
    return pairs


def band_keys(signature: np.ndarray, bands: int, rows: int) -> list[int]:
    """The key of each band of one signature, as candidate_pairs computes it: equal keys, same bucket."""
    matrix = np.asarray(signature, dtype=np.uint32)[: bands * rows].reshape(bands, rows).astype(np.uint64)
    key = np.zeros(bands, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for column in range(rows):
            key = key * _MIX + matrix[:, column]
    return key.tolist()


class Table:
    """Signatures as rows of fixed-size blocks: no array object per document, and growing never copies."""

    BLOCK = 16384

    def __init__(self, width: int):
        self.width = width
        self.blocks: list[np.ndarray] = []
        self.size = 0

    def add(self, signature: np.ndarray) -> int:
        if self.size == len(self.blocks) * self.BLOCK:
            self.blocks.append(np.empty((self.BLOCK, self.width), dtype=np.uint32))
        self.blocks[-1][self.size % self.BLOCK] = signature
        self.size += 1
        return self.size - 1

    def row(self, n: int) -> np.ndarray:
        return self.blocks[n // self.BLOCK][n % self.BLOCK]

    def column(self, c: int, index) -> np.ndarray:
        """Column c of the rows in `index` (one value per row: 4 bytes per document)."""
        whole = np.concatenate([block[:, c] for block in self.blocks])
        return whole[index]
