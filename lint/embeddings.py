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


_words: dict[str, tuple] = {}


def embed(texts: list[str]):
    """Unit-length embeddings, one row per text (a numpy float32 array)."""
    import numpy as np

    tokenizer, matrix = model()
    split = [t.split() for t in texts]
    unseen = sorted({w for ws in split for w in ws if w not in _words})
    if unseen:
        if len(_words) + len(unseen) > MAX_CACHED_WORDS:
            _words.clear()
        for word, enc in zip(unseen, tokenizer.encode_batch(unseen, add_special_tokens=False)):
            ids = [i for i, keep in zip(enc.ids, enc.attention_mask) if keep]
            _words[word] = (matrix[ids].sum(axis=0, dtype=np.float32), len(ids))
    # One gather and two reduceat calls for all texts: sums of word vectors, and token counts.
    vocab = {w: n for n, w in enumerate(sorted({w for ws in split for w in ws}))}
    out = np.zeros((len(texts), matrix.shape[1]), dtype=np.float32)
    if not vocab:
        return out
    vectors = np.stack([_words[w][0] for w in vocab])
    counts = np.array([_words[w][1] for w in vocab], dtype=np.float32)
    rows = [n for n, ws in enumerate(split) if ws]
    index = np.fromiter((vocab[w] for n in rows for w in split[n]), dtype=np.int64)
    offsets = np.cumsum([0] + [len(split[n]) for n in rows[:-1]])
    sums = np.add.reduceat(vectors[index], offsets, axis=0)
    tokens = np.maximum(np.add.reduceat(counts[index], offsets), 1.0)
    means = sums / tokens[:, None]
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    out[rows] = means / np.where(norms == 0, 1.0, norms)
    return out
