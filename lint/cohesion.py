"""Evidence that a paragraph belongs to its document, for the off-topic rule.

Lexical evidence is a naive-Bayes log-likelihood per content word: a word the
rest of the document also uses is evidence of belonging, the more so the
rarer it is (document frequencies come from the corpus being checked, when
there is one); a word the rest never uses is mild evidence against.
Semantic evidence, when the optional `embeddings` backend is installed, is the
cosine between the paragraph's static embedding and the rest's.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter

import numpy as np

from doclint.text import STOP_WORDS, stem

_TOKEN = re.compile(r"[^\W_](?:[\w'’.,-]*[^\W_])?")
BELONG = 0.25  # P(a content word of a paragraph recurs elsewhere in its own document)
FALLBACK_DF = 0.02  # P(a content word occurs in an unrelated document), without corpus statistics


@lru_cache(maxsize=200_000)
def _key(token: str) -> str | None:
    """The term a token counts as (a stem or a number), or None for stop words and scraps."""
    low = token.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if low in STOP_WORDS:
        return None
    if not low.isalpha() and any(c.isdigit() for c in low):
        return low if len(low) >= 3 else None
    return stem(low) if len(low) >= 3 else None


def content_terms(text: str) -> list[tuple[str, str]]:
    """(term, as written) for each content word (no stop words) and number of a text, in order."""
    tokens = _TOKEN.findall(text)
    return [(key, token) for key, token in zip(map(_key, tokens), tokens) if key is not None]


@lru_cache(maxsize=100_000)
def _word_terms(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The terms of one whitespace-separated word's tokens, and those of them written as names (capitalised).

    Tokens never contain whitespace, so a text's tokens are its words' tokens:
    caching per word spares the regex for every word seen before.
    """
    keys, names = [], []
    for token in _TOKEN.findall(word):
        key = _key(token)
        if key is not None:
            keys.append(key)
            if token[0].isupper() and not key[0].isdigit():
                names.append(key)
    return tuple(keys), tuple(names)


def _keys_and_names(text: str) -> tuple[list[str], list[str]]:
    """Every term of a text in order, and every name (a capitalised term not opening the text), with repeats."""
    parts = list(map(_word_terms, text.split()))
    keys = list(chain.from_iterable(map(itemgetter(0), parts)))
    names = list(chain.from_iterable(map(itemgetter(1), parts)))
    opening = _TOKEN.search(text)  # the opening word is capitalised anyway: a name only where it recurs
    if names and opening and opening.group()[0].isupper() and _key(opening.group()) == names[0]:
        del names[0]
    return keys, names


@dataclass
class TermMatrix:
    """Which paragraph uses which content term, as matrices (one row per paragraph, one column per term)."""

    vocabulary: list[str]  # column -> term
    uses: np.ndarray  # bool: the paragraph uses the term
    names: np.ndarray  # bool: ... as a name (capitalised, not opening the paragraph, not a number)
    counts: np.ndarray  # per term: how many paragraphs and headlines use it

    @classmethod
    def of(cls, paragraphs: list[str], headlines: list[str] = ()) -> "TermMatrix":
        columns: dict[str, int] = {}
        rows, cols, name_rows, name_cols = [], [], [], []
        for row, text in enumerate(paragraphs):
            keys, names = _keys_and_names(text)
            cols += [columns.setdefault(k, len(columns)) for k in dict.fromkeys(keys)]  # reproducible order
            rows += [row] * (len(cols) - len(rows))
            names = {columns[k] for k in names}
            name_cols += names
            name_rows += [row] * len(names)
        head = {columns[k] for text in headlines for k in _keys_and_names(text)[0] if k in columns}
        uses = np.zeros((len(paragraphs), len(columns)), dtype=bool)
        uses[rows, cols] = True
        names = np.zeros_like(uses)
        names[name_rows, name_cols] = True
        counts = uses.sum(axis=0)
        counts[list(head)] += 1
        return cls(list(columns), uses, names, counts)


@dataclass
class CorpusStats:
    """Document frequencies of content terms over the documents checked together."""

    documents: int = 0
    df: Counter = field(default_factory=Counter)
    _weights: tuple = field(default_factory=lambda: ({}, {}), repr=False, compare=False)  # absent, gain

    def add(self, text: str) -> None:
        self.documents += 1
        keys = set(chain.from_iterable(map(itemgetter(0), map(_word_terms, set(text.split())))))
        self.df.update(keys)
        self._forget()

    def merge(self, other: "CorpusStats") -> None:
        self.documents += other.documents
        self.df.update(other.df)
        self._forget()

    def _forget(self) -> None:
        for cache in self._weights:
            cache.clear()

    def p0(self, key: str) -> float:
        """Probability that an unrelated document contains the term."""
        if self.documents < 20:
            return FALLBACK_DF
        return min(0.9, max(self.df.get(key, 0), 1) / self.documents)


NO_CORPUS = CorpusStats()


def term_weights(vocabulary: list[str], stats: CorpusStats) -> tuple[np.ndarray, np.ndarray]:
    """Per term: the log-likelihood ratio when the rest of the document lacks it, and what sharing it adds.

    The evidence that a set of terms comes from the same document as a context
    is then (absent summed over the terms + gain summed over those the context
    shares) / number of terms.
    """
    absent, gain = stats._weights
    if len(absent) > 500_000:  # a long run over a corpus without statistics meets ever new words
        absent.clear()
        gain.clear()
    for key in vocabulary:
        if key not in absent:
            p = stats.p0(key)
            absent[key] = math.log((1 - BELONG) / (1 - p))
            gain[key] = math.log(BELONG / p) - absent[key]
    n = len(vocabulary)
    return (np.fromiter(map(absent.__getitem__, vocabulary), dtype=np.float64, count=n),
            np.fromiter(map(gain.__getitem__, vocabulary), dtype=np.float64, count=n))
