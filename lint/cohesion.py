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

import numpy as np

from doclint import lexicon
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


@dataclass
class TermMatrix:
    """Which paragraph uses which content term, as matrices (one row per paragraph, one column per term)."""

    vocabulary: list[str]  # column -> term
    uses: np.ndarray  # bool: the paragraph uses the term
    names: np.ndarray  # bool: ... as a name (capitalised, not opening the paragraph, not a number)
    counts: np.ndarray  # per term: how many paragraphs and headlines use it

    word_ids: np.ndarray = None  # the paragraphs' words, as lexicon numbers (for embeddings)
    lengths: np.ndarray = None  # words per paragraph

    @classmethod
    def of(cls, paragraphs: list[str], headlines: list[str] = ()) -> "TermMatrix":
        row, term, name, word_ids, lengths = lexicon.occurrences(list(paragraphs) + list(headlines))
        in_head = row >= len(paragraphs)  # headlines come last: they only add to the counts
        head, row, term, name = term[in_head], row[~in_head], term[~in_head], name[~in_head]
        found, first, column = np.unique(term, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")  # columns in order of first use: reproducible sums
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        column = rank[column]
        uses = np.zeros((len(paragraphs), len(found)), dtype=bool)
        uses[row, column] = True
        names = np.zeros_like(uses)
        names[row[name], column[name]] = True
        counts = uses.sum(axis=0)
        if len(head) and len(found):
            at = np.minimum(np.searchsorted(found, head), len(found) - 1)
            counts[rank[np.unique(at[found[at] == head])]] += 1
        n = len(lengths) - len(headlines)
        return cls(list(map(lexicon.terms.__getitem__, found[order].tolist())), uses, names, counts,
                   word_ids[:int(lengths[:n].sum())], lengths[:n])


@dataclass
class CorpusStats:
    """Document frequencies of content terms over the documents checked together."""

    documents: int = 0
    df: Counter = field(default_factory=Counter)
    _weights: tuple = field(default_factory=lambda: ({}, {}), repr=False, compare=False)  # absent, gain

    def add(self, text: str) -> None:
        self.documents += 1
        self.df.update(map(lexicon.terms.__getitem__, lexicon.distinct_terms(set(text.split()))))
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
