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
from typing import NamedTuple

from doclint.text import STOP_WORDS, stem

_TOKEN = re.compile(r"[^\W_](?:[\w'’.,-]*[^\W_])?")
BELONG = 0.25  # P(a content word of a paragraph recurs elsewhere in its own document)
FALLBACK_DF = 0.02  # P(a content word occurs in an unrelated document), without corpus statistics


class Term(NamedTuple):  # a tuple: a document makes hundreds, and a tuple is the cheapest to build
    key: str  # stem, or the number itself
    shown: str  # as written, for messages
    proper: bool  # a capitalised word inside a sentence: a name


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


def content_terms(text: str) -> list[Term]:
    """Content words (no stop words) and numbers of a text, stemmed."""
    out = []
    prev = "."
    for tok in _TOKEN.findall(text):
        key = _key(tok)
        if key is not None:
            proper = tok[0].isupper() and not prev.endswith((".", "!", "?")) and not key[0].isdigit()
            out.append(Term(key, tok, proper))
        prev = tok
    return out


@dataclass
class CorpusStats:
    """Document frequencies of content terms over the documents checked together."""

    documents: int = 0
    df: Counter = field(default_factory=Counter)
    _weights: dict = field(default_factory=dict, repr=False, compare=False)  # key -> (absent, gain)

    def add(self, text: str) -> None:
        self.documents += 1
        keys = set(map(_key, set(_TOKEN.findall(text))))
        keys.discard(None)
        self.df.update(keys)
        self._weights.clear()

    def merge(self, other: "CorpusStats") -> None:
        self.documents += other.documents
        self.df.update(other.df)
        self._weights.clear()

    def p0(self, key: str) -> float:
        """Probability that an unrelated document contains the term."""
        if self.documents < 20:
            return FALLBACK_DF
        return min(0.9, max(self.df.get(key, 0), 1) / self.documents)


NO_CORPUS = CorpusStats()


@dataclass
class Weights:
    """Per term: the log-likelihood ratio when the context lacks it, and what sharing it adds."""

    absent: dict[str, float]
    gain: dict[str, float]


def evidence(terms: set[str], context: set[str], weights: Weights) -> float:
    """Mean log-likelihood ratio that `terms` come from the same document as `context`."""
    if not terms:
        return 0.0
    return (sum(map(weights.absent.__getitem__, terms)) + sum(map(weights.gain.__getitem__, terms & context))) / len(terms)


def term_weights(keys, stats: CorpusStats) -> Weights:
    """For each term: the evidence when the rest of the document does not share it, and the gain when it does."""
    cache = stats._weights
    if len(cache) > 500_000:  # a long run over a corpus without statistics meets ever new words
        cache.clear()
    absent, gain = {}, {}
    for key in keys:
        pair = cache.get(key)
        if pair is None:
            p = stats.p0(key)
            no = math.log((1 - BELONG) / (1 - p))
            pair = cache[key] = (no, math.log(BELONG / p) - no)
        absent[key], gain[key] = pair
    return Weights(absent, gain)
