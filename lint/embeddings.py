"""The optional semantic backend: static word embeddings shipped inside a wheel (WordLlama).

Installed with `pip install "doclint[embeddings]"`. The embedding matrix and
tokenizer are read from the installed package's own files, never from the
network, and only when a rule asks for them.

A text's embedding is the mean of its tokens' vectors (as WordLlama computes
it). Tokens never cross a space, so each distinct word is tokenised once and
its summed vector cached: a 600-word article then costs about a millisecond
instead of a tokenizer call per paragraph.
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

WEIGHTS = ("weights", "l2_supercat_256.safetensors")
TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
MAX_CACHED_WORDS = 200_000


def available() -> bool:
    return importlib.util.find_spec("wordllama") is not None


@lru_cache(maxsize=1)
def model():
    """(tokenizer, embedding matrix) from the wordllama package's files."""
    spec = importlib.util.find_spec("wordllama")
    root = os.path.dirname(spec.origin)
    weights, tokenizer = os.path.join(root, *WEIGHTS), os.path.join(root, *TOKENIZER)
    if os.path.exists(weights) and os.path.exists(tokenizer):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        matrix = next(iter(load_file(weights).values()))
        return Tokenizer.from_file(tokenizer), matrix
    from pathlib import Path

    from wordllama import WordLlama  # another layout: let the package find its files (downloads disabled)

    wl = WordLlama.load(cache_dir=Path(root), disable_download=True)
    return wl.tokenizer, wl.embedding


_rows: dict[str, int] = {}  # word -> row of _table
_table = None  # summed token vectors of every word seen, one row per word (grows by doubling)
_counts = None  # tokens per word


def _add_words(words: list[str], tokenizer, matrix) -> None:
    import numpy as np

    global _table, _counts
    if _table is None or len(_rows) + len(words) > MAX_CACHED_WORDS:
        _rows.clear()
        _table = np.zeros((max(1024, len(words)), matrix.shape[1]), dtype=np.float32)
        _counts = np.zeros(len(_table), dtype=np.float32)
    need = len(_rows) + len(words)
    if need > len(_table):
        size = max(need, 2 * len(_table))
        _table = np.resize(_table, (size, matrix.shape[1]))
        _counts = np.resize(_counts, size)
    for word, enc in zip(words, tokenizer.encode_batch(words, add_special_tokens=False)):
        ids = [i for i, keep in zip(enc.ids, enc.attention_mask) if keep]
        row = len(_rows)
        _rows[word] = row
        _table[row] = matrix[ids].sum(axis=0, dtype=np.float32)
        _counts[row] = len(ids)


def embed(texts: list[str]):
    """Unit-length embeddings, one row per text (a numpy float32 array)."""
    import numpy as np

    tokenizer, matrix = model()
    split = [t.split() for t in texts]
    unseen = sorted({w for ws in split for w in ws if w not in _rows})
    if unseen:
        _add_words(unseen, tokenizer, matrix)
    out = np.zeros((len(texts), matrix.shape[1]), dtype=np.float32)
    rows = [n for n, ws in enumerate(split) if ws]
    if not rows:
        return out
    # One gather and two reduceat calls for all texts: sums of word vectors, and token counts.
    index = np.fromiter((_rows[w] for n in rows for w in split[n]), dtype=np.int64)
    offsets = np.cumsum([0] + [len(split[n]) for n in rows[:-1]])
    sums = np.add.reduceat(_table[index], offsets, axis=0)
    tokens = np.maximum(np.add.reduceat(_counts[index], offsets), 1.0)
    means = sums / tokens[:, None]
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    out[rows] = means / np.where(norms == 0, 1.0, norms)
    return out
