"""The optional semantic backend: static word embeddings shipped inside a wheel (WordLlama).

Installed with `pip install "doclint[embeddings]"`. The embedding matrix and
tokenizer are read from the installed package's own files, never from the
network, and only when a rule asks for them.

A text's embedding is the mean of its tokens' vectors (as WordLlama computes
it). Tokens never cross a space, so each distinct word is tokenised once and
its summed vector cached: a 600-word article then costs about 0.4 ms
instead of a tokenizer call per paragraph.
"""
from __future__ import annotations

import importlib.util
import itertools
import os
from functools import lru_cache

WEIGHTS = ("weights", "l2_supercat_256.safetensors")
TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
MAX_CACHED_WORDS = 200_000


@lru_cache(maxsize=1)
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
    """Tokenise new words and store their summed token vectors (the caller makes room: see embed)."""
    import numpy as np

    global _table, _counts
    if _table is None:
        _table = np.zeros((max(1024, len(words)), matrix.shape[1]), dtype=np.float32)
        _counts = np.zeros(len(_table), dtype=np.float32)
    need = len(_rows) + len(words)
    if need > len(_table):  # grow by doubling (np.resize would refill the new rows by repeating the old)
        size = max(need, 2 * len(_table))
        table, counts = np.empty((size, matrix.shape[1]), dtype=np.float32), np.empty(size, dtype=np.float32)
        table[:len(_rows)], counts[:len(_rows)] = _table[:len(_rows)], _counts[:len(_rows)]
        _table, _counts = table, counts
    encode = getattr(tokenizer, "encode_batch_fast", tokenizer.encode_batch)  # fast: no character offsets
    encodings = encode(words, add_special_tokens=False)
    if tokenizer.padding:  # another layout may pad: keep only the real tokens
        ids = [[i for i, keep in zip(e.ids, e.attention_mask) if keep] for e in encodings]
    else:
        ids = [e.ids for e in encodings]
    lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
    first = len(_rows)
    _rows.update(zip(words, range(first, first + len(words))))
    _counts[first:first + len(words)] = lengths
    _table[first:first + len(words)] = 0.0
    flat = np.fromiter(itertools.chain.from_iterable(ids), dtype=np.int64, count=int(lengths.sum()))
    if flat.size:  # every word's token vectors summed at once (words without tokens stay zero)
        nonempty = lengths > 0
        offsets = np.concatenate(([0], np.cumsum(lengths[nonempty])[:-1]))
        sums = np.add.reduceat(matrix[flat].astype(np.float32), offsets, axis=0)
        _table[np.arange(first, first + len(words))[nonempty]] = sums


def embed(texts: list[str]):
    """Unit-length embeddings, one row per text (a numpy float32 array)."""
    import numpy as np

    tokenizer, matrix = model()
    split = [text.split() for text in texts]
    lengths = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
    out = np.zeros((len(texts), matrix.shape[1]), dtype=np.float32)
    if not lengths.any():
        return out
    flat = list(itertools.chain.from_iterable(split))
    rows = list(map(_rows.get, flat))
    if None in rows:
        unseen = list(dict.fromkeys(w for w, r in zip(flat, rows) if r is None))
        if len(_rows) + len(unseen) > MAX_CACHED_WORDS:  # start the cache afresh with this call's words
            _rows.clear()
            unseen = list(dict.fromkeys(flat))
        _add_words(unseen, tokenizer, matrix)
        rows = list(map(_rows.__getitem__, flat))
    # A text is its word counts times the distinct words' vectors: one small matrix product.
    words, column = np.unique(np.array(rows, dtype=np.int64), return_inverse=True)
    text_of = np.repeat(np.arange(len(texts)), lengths)
    counts = np.bincount(text_of * len(words) + column, minlength=len(texts) * len(words))
    counts = counts.reshape(len(texts), len(words)).astype(np.float32)
    means = (counts @ _table[words]) / np.maximum(counts @ _counts[words], 1.0)[:, None]
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    return np.divide(means, norms, out=out, where=norms > 0)
