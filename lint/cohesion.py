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
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field

from doclint.text import STOP_WORDS, stem

_TOKEN = re.compile(r"[^\W_](?:[\w'’.,-]*[^\W_])?")
BELONG = 0.25  # P(a content word of a paragraph recurs elsewhere in its own document)
FALLBACK_DF = 0.02  # P(a content word occurs in an unrelated document), without corpus statistics


@dataclass(frozen=True)
class Term:
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

    def add(self, text: str) -> None:
        self.documents += 1
        keys = set(map(_key, _TOKEN.findall(text)))
        keys.discard(None)
        self.df.update(keys)

    def merge(self, other: "CorpusStats") -> None:
        self.documents += other.documents
        self.df.update(other.df)

    def p0(self, key: str) -> float:
        """Probability that an unrelated document contains the term."""
        if self.documents < 20:
            return FALLBACK_DF
        return min(0.9, max(self.df.get(key, 0), 1) / self.documents)


NO_CORPUS = CorpusStats()


def evidence(terms: set[str], context: set[str], weights: dict[str, tuple[float, float]]) -> float:
    """Mean log-likelihood ratio that `terms` come from the same document as `context`.

    `weights` maps each term to its (shared, not shared) log-likelihood ratios; see `term_weights`.
    """
    if not terms:
        return 0.0
    return sum(weights[k][0] if k in context else weights[k][1] for k in terms) / len(terms)


def term_weights(keys, stats: CorpusStats) -> dict[str, tuple[float, float]]:
    """For each term: the evidence when the rest of the document shares it, and when it does not."""
    out = {}
    for key in keys:
        p = stats.p0(key)
        out[key] = (math.log(BELONG / p), math.log((1 - BELONG) / (1 - p)))
    return out
