"""The optional semantic backend: static word embeddings shipped inside a wheel (WordLlama).

Installed with `pip install "doclint[embeddings]"`. The embedding matrix and
tokenizer are read from the installed package's own files, never from the
network, and only when a rule asks for them.

A text's embedding is the mean of its tokens' vectors (as WordLlama computes
it). Tokens never cross a space, so each distinct word is tokenised once and
its summed vector kept, one row per word of `doclint.lexicon`: a 600-word
article then costs a fraction of a millisecond instead of a tokenizer call per
paragraph.
"""
from __future__ import annotations

import importlib.util
import itertools
import os
from functools import lru_cache

from doclint import lexicon, tokenmemo
from doclint.arrays import grown

WEIGHTS = ("weights", "l2_supercat_256.safetensors")
TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")


@lru_cache(maxsize=1)
def available() -> bool:
    return importlib.util.find_spec("wordllama") is not None


@lru_cache(maxsize=1)
def model():
    """(tokenizer, embedding matrix) from the wordllama package's files: the tokenizer is loaded when a word the
    memo does not hold needs it (see doclint.tokenmemo), the matrix is mapped from its file, not read."""
    spec = importlib.util.find_spec("wordllama")
    root = os.path.dirname(spec.origin)
    weights, tokenizer = os.path.join(root, *WEIGHTS), os.path.join(root, *TOKENIZER)
    if os.path.exists(weights) and os.path.exists(tokenizer):
        return LazyTokenizer(tokenizer), _matrix(weights)
    from pathlib import Path

    from wordllama import WordLlama  # another layout: let the package find its files (downloads disabled)

    wl = WordLlama.load(cache_dir=Path(root), disable_download=True)
    return wl.tokenizer, wl.embedding


def preload() -> None:
    """Load the model whole, the tokenizer too: before worker processes are forked, so that they share it."""
    tokenizer, _ = model()
    if isinstance(tokenizer, LazyTokenizer):
        tokenizer.load()


class LazyTokenizer:
    """The package's tokenizer, loaded on first use: parsing its JSON costs some 50 ms, which a run whose words the
    memo holds does not pay. Any attribute is the loaded tokenizer's."""

    def __init__(self, path: str):
        self.path = path
        self._loaded = None

    def load(self):
        if self._loaded is None:
            from tokenizers import Tokenizer

            self._loaded = Tokenizer.from_file(self.path)
        return self._loaded

    def __getattr__(self, name):
        if name.startswith("_"):  # not set yet (a copy being unpickled): no tokenizer to ask
            raise AttributeError(name)
        return getattr(self.load(), name)


def _matrix(path: str):
    """The embedding matrix of a safetensors file holding one tensor, mapped into memory (a run reads the rows of
    its words only, where reading the 16 MB file took some 16 ms); through the safetensors package for any other
    layout."""
    import json

    import numpy as np

    try:
        with open(path, "rb") as f:
            size = int.from_bytes(f.read(8), "little")
            header = json.loads(f.read(size))
        (info,) = [v for k, v in header.items() if k != "__metadata__"]
        dtype = {"F16": np.float16, "F32": np.float32}[info["dtype"]]
        start, end = info["data_offsets"]
        shape = tuple(info["shape"])
        if end - start != int(np.prod(shape)) * np.dtype(dtype).itemsize:
            raise ValueError("size")
        return np.asarray(np.memmap(path, dtype=dtype, mode="r", offset=8 + size + start, shape=shape))
    except (OSError, ValueError, KeyError):
        from safetensors.numpy import load_file

        return next(iter(load_file(path).values()))


_converted = None  # (the matrix, its float32 copy): see _float32
LARGE_BATCH = 8192  # new words from which converting the whole matrix costs less than converting rows
LONG_WORD = 64  # tokens from which a word's vectors are summed on their own (see _fill_rows)
LONG_TEXT = 1000  # characters from which a word is tokenised a piece at a time (see _long_word_ids)
_table = None  # summed token vectors of the lexicon's words, one row per word number (grows by doubling)
_known = 0  # words of the lexicon whose rows are filled
_generation = 0  # the lexicon's generation they belong to


def _float32(matrix):
    """The matrix as float32. The package stores it in float16, and summing token rows converts every row
    gathered; a corpus gathers its vocabulary's rows many times over (the dev corpus: 106,000 token rows against
    32,000 in the matrix), so for a large batch of new words the matrix is converted once (about 30 ms and 16 MB),
    which a one-file run does not pay. The sums are the same either way (float16 converts exactly)."""
    global _converted
    if _converted is None or _converted[0] is not matrix:
        _converted = (matrix, matrix.astype("float32", copy=False))
    return _converted[1]


def _fill(tokenizer, matrix) -> None:
    """Tokenise the lexicon's words that have no row yet and store their summed token vectors."""
    import numpy as np

    global _table, _known, _generation
    if _generation != lexicon.generation:  # the lexicon started afresh: so do the rows
        _known, _generation = 0, lexicon.generation
    if _known == len(lexicon.words):
        return
    if _table is None:
        _table = np.zeros((0, matrix.shape[1]), dtype=np.float32)
    _table = grown(_table, len(lexicon.words))
    if len(lexicon.words) - _known >= LARGE_BATCH:
        matrix = _float32(matrix)
    for first in range(_known, len(lexicon.words), 4096):  # in slices: small temporaries stay in cache
        _fill_rows(first, lexicon.words[first:first + 4096], tokenizer, matrix)
    _known = len(lexicon.words)


# What the package's tokenizer does to a text before its BPE model sees it: prepend "▁" and write spaces as "▁"
# (Llama's). A word then tokenises as the model's own tokenize("▁" + word).
_LLAMA_NORMALIZER = {"type": "Sequence", "normalizers": [{"type": "Prepend", "prepend": "\u2581"},
                                                         {"type": "Replace", "pattern": {"String": " "},
                                                          "content": "\u2581"}]}
_direct_cache: dict = {}


def _direct(tokenizer):
    """(the BPE model's tokenize, a pattern of the special tokens' texts) when the tokenizer around the model only
    normalises as Llama's does, else None. Calling the model per word gives the same ids as the whole pipeline
    (checked on the 71,700 distinct words of the dev corpus and of texts in 14 languages) at a third of its cost:
    the pipeline spends most of its time on per-text bookkeeping. A word holding a special token's text (`<s>`),
    which the pipeline matches before the model, goes through the pipeline."""
    key = id(tokenizer)
    if key not in _direct_cache:
        import json
        import re

        try:
            plain = (tokenizer.pre_tokenizer is None and not tokenizer.padding
                     and json.loads(tokenizer.normalizer.__getstate__()) == _LLAMA_NORMALIZER)
            specials = [t.content for t in tokenizer.get_added_tokens_decoder().values()]
        except Exception:  # another tokenizer or version: the pipeline it is
            plain = False
        _direct_cache[key] = ((tokenizer.model.tokenize, re.compile("|".join(map(re.escape, specials))) if specials
                               else None) if plain else None)
    return _direct_cache[key]


def _token_ids(words: list[str], tokenizer) -> list:
    """Each word's token ids (no special tokens added), as a list (an array for a very long word): from the memo
    of the tokenizer's file where it holds them, for a batch small enough (see doclint.tokenmemo)."""
    memo = None
    if isinstance(tokenizer, LazyTokenizer) and len(lexicon.words) < tokenmemo.MEMO_BATCH:
        memo = tokenmemo.for_file(tokenizer.path)  # a small run: once the process knows many words, a corpus
    if memo is None:
        return _tokenized(words, tokenizer)
    known = memo.get([w for w in words if len(w) <= tokenmemo.MEMO_WORD])
    missing = [w for w in words if w not in known]
    if missing:
        fresh = _tokenized(missing, tokenizer)
        memo.put([(w, ids) for w, ids in zip(missing, fresh) if isinstance(ids, list)])
        known.update(zip(missing, fresh))
    return [known[w] for w in words]


def _tokenized(words: list[str], tokenizer) -> list:
    """_token_ids by the tokenizer itself."""
    direct = _direct(tokenizer)
    if direct is None:
        encode = getattr(tokenizer, "encode_batch_fast", tokenizer.encode_batch)  # fast: no character offsets
        encodings = encode(words, add_special_tokens=False)
        if tokenizer.padding:  # another layout may pad: keep only the real tokens
            return [[i for i, keep in zip(e.ids, e.attention_mask) if keep] for e in encodings]
        return [e.ids for e in encodings]
    tokenize, specials = direct
    ids = [[t.id for t in tokenize("\u2581" + w.replace(" ", "\u2581"))] if len(w) <= LONG_TEXT
           else _long_word_ids(w, tokenize) for w in words]
    if specials is not None:
        odd = [n for n, w in enumerate(words) if specials.search(w)]
        if odd:
            for n, e in zip(odd, tokenizer.encode_batch([words[n] for n in odd], add_special_tokens=False)):
                ids[n] = e.ids
    return ids


def _long_word_ids(word: str, tokenize):
    """The token ids of a very long run of text with no space (a paragraph of Chinese, a base64 blob), as an
    array, tokenised LONG_TEXT characters at a time: the model's Token objects for a whole megabyte took about
    100 MB. A merge across a cut is lost, which changes a few of the thousands of tokens the embedding averages."""
    import numpy as np

    parts = []
    for k in range(0, len(word), LONG_TEXT):
        piece = ("\u2581" if k == 0 else "") + word[k:k + LONG_TEXT].replace(" ", "\u2581")
        parts.append(np.fromiter((t.id for t in tokenize(piece)), dtype=np.int64))
    return np.concatenate(parts)


def _fill_rows(first: int, words: list[str], tokenizer, matrix) -> None:
    import numpy as np

    ids = _token_ids(words, tokenizer)
    lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
    flat = np.fromiter(itertools.chain.from_iterable(ids), dtype=np.int64, count=int(lengths.sum()))
    # Each word's token vectors summed, a token position at a time: every word's first token is gathered into
    # its row, then the second token of the words that have one is added, ... (most words have one to three).
    rows = _table[first:first + len(words)]
    starts = np.cumsum(lengths) - lengths
    # A word of many tokens (a long run of text with no space: Chinese, a base64 blob, minified code) is summed on
    # its own, so that the loop below runs at most LONG_WORD times (a 1 MB paragraph of Chinese made it run for
    # every one of its 100,000 tokens: 5 s).
    long = lengths > LONG_WORD
    for n in np.flatnonzero(long).tolist():
        rows[n] = 0.0
        for k in range(starts[n], starts[n] + lengths[n], 4096):  # 4,096 token rows at a time: a few MB
            rows[n] += matrix[flat[k:min(k + 4096, starts[n] + lengths[n])]].sum(axis=0, dtype=np.float32)
    short = np.where(long, 0, lengths)
    rows[(short == 0) & ~long] = 0.0
    some = short > 0
    rows[some] = matrix[flat[starts[some]]]
    more, position = np.flatnonzero(short > 1), 1
    while len(more):
        rows[more] += matrix[flat[starts[more] + position]]
        position += 1
        more = more[short[more] > position]


def embed(texts: list[str]):
    """Unit-length embeddings, one row per text (a numpy float32 array)."""
    import numpy as np

    split = [text.split() for text in texts]
    lengths = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
    return embed_words(lexicon.ids([w for s in split for w in s]), lengths)


def embed_words(word_ids, lengths):
    """embed() of texts given as their words' lexicon numbers, concatenated, and the number of words of each."""
    import numpy as np

    tokenizer, matrix = model()
    out = np.zeros((len(lengths), matrix.shape[1]), dtype=np.float32)
    if not lengths.any():
        return out
    _fill(tokenizer, matrix)
    sums = _sums(word_ids, lengths)  # the mean's direction: dividing by the number of tokens first changes nothing
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return np.divide(sums, norms, out=out, where=norms > 0)


def _sums(word_ids, lengths, block: int = 65_536):
    """Each text's summed word rows: gathered a block of words at a time, so that a huge text cannot need the
    table's width in bytes for every one of its words at once."""
    import bisect

    import numpy as np

    ends = np.cumsum(lengths).tolist()
    starts = [end - n for end, n in zip(ends, lengths.tolist())]
    if len(word_ids) <= block:  # an article: one gather, each text's rows summed straight into its row of the result
        vectors = _table[word_ids]
        out = np.empty((len(ends), _table.shape[1]), dtype=np.float32)
        for row, start, end in zip(out, starts, ends):
            np.add.reduce(vectors[start:end], axis=0, out=row)
        return out
    out = np.zeros((len(ends), _table.shape[1]), dtype=np.float32)
    for low in range(0, len(word_ids), block):
        high = low + block
        vectors = _table[word_ids[low:high]]
        for n in range(bisect.bisect_right(ends, low), bisect.bisect_left(starts, high)):
            out[n] += vectors[max(starts[n], low) - low:min(ends[n], high) - low].sum(axis=0)
    return out
