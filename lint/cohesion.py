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
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from doclint import lexicon
from doclint.lexicon import TOKEN as _TOKEN
from doclint.lexicon import term_key as _key
from doclint.arrays import grown, sorted_unique, unique_first_inverse
from doclint.text import words

BELONG = 0.25  # P(a content word of a paragraph recurs elsewhere in its own document)
FALLBACK_DF = 0.02  # P(a content word occurs in an unrelated document), without corpus statistics
# A document whose typical content word occurs in this share of the corpus's documents or more is one of many
# copies of its story (in news corpora its median is 0.02-0.08): the corpus says nothing of its words' rarity.
COPIES_DF = 0.1
# Corpus statistics are counted, and used, for at least this many documents: below it one document weighs 5% or
# more of every frequency, coarser than FALLBACK_DF, which is used instead.
MIN_DOCUMENTS = 20


def content_terms(text: str) -> list[tuple[str, str]]:
    """(term, as written) for each content word (no stop words) and number of a text, in order."""
    tokens = _TOKEN.findall(text)
    return [(key, token) for key, token in zip(map(_key, tokens), tokens) if key is not None]


@dataclass
class TermMatrix:
    """Which paragraph uses which content term, as matrices (one row per paragraph, one column per term)."""

    term_ids: np.ndarray  # column -> the term's lexicon number
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
        found, first, column = unique_first_inverse(term)
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
            counts[rank[sorted_unique(at[found[at] == head])]] += 1
        n = len(lengths) - len(headlines)
        return cls(found[order], uses, names, counts, word_ids[:int(lengths[:n].sum())], lengths[:n])

    def terms_of(self, columns: np.ndarray) -> list[str]:
        """The terms of the columns a boolean mask selects (valid until the lexicon starts afresh: use them before
        checking another document)."""
        return list(map(lexicon.terms.__getitem__, self.term_ids[columns].tolist()))


@dataclass
class CorpusStats:
    """Document frequencies of content terms over the documents checked together, and their headlines (the words
    of each, doclint.text.words: story-teaser knows a teaser that links to another document by its headline)."""

    documents: int = 0
    df: Counter = field(default_factory=Counter)
    headlines: set = field(default_factory=set)
    _weights: dict = field(default_factory=dict, repr=False, compare=False)  # see term_weights

    def add(self, text: str, headline: str | None = None) -> None:
        self.documents += 1
        self.df.update(map(lexicon.terms.__getitem__, lexicon.distinct_terms(set(text.split()))))
        if headline:
            self.headlines.add(" ".join(words(headline)))
        self._forget()

    def merge(self, other: "CorpusStats") -> None:
        self.documents += other.documents
        self.df.update(other.df)
        self.headlines |= other.headlines
        self._forget()

    def _forget(self) -> None:
        self._weights.clear()

    def p0(self, key: str) -> float:
        """Probability that an unrelated document contains the term."""
        if self.documents < MIN_DOCUMENTS:
            return FALLBACK_DF
        return min(0.9, max(self.df.get(key, 0), 1) / self.documents)


NO_CORPUS = CorpusStats()


def term_weights(term_ids: np.ndarray, stats: CorpusStats) -> tuple[np.ndarray, np.ndarray]:
    """Per term (lexicon numbers): the log-likelihood ratio when the rest of the document lacks it, and what
    sharing it adds.

    The evidence that a set of terms comes from the same document as a context
    is then (absent summed over the terms + gain summed over those the context
    shares) / number of terms. Kept per lexicon term number, computed the first
    time a term is met, until the statistics or the lexicon change.

    When the terms' median frequency in the corpus is COPIES_DF or more, the
    corpus holds many copies of the document's story (syndication, or a test
    set built from a few articles) and inflates every frequency: the terms are
    then weighed as without statistics.
    """
    cache = stats._weights
    if cache.get("generation") != lexicon.generation:
        cache.clear()
        cache.update(generation=lexicon.generation, absent=np.zeros(0), gain=np.zeros(0), known=np.zeros(0, bool),
                     p0=np.zeros(0))
    for name in ("absent", "gain", "known", "p0"):
        cache[name] = grown(cache[name], len(lexicon.terms))
    absent, gain, known, p0 = cache["absent"], cache["gain"], cache["known"], cache["p0"]
    for t in term_ids[~known[term_ids]].tolist():
        p = p0[t] = stats.p0(lexicon.terms[t])
        absent[t] = math.log((1 - BELONG) / (1 - p))
        gain[t] = math.log(BELONG / p) - absent[t]
        known[t] = True
    if stats is not NO_CORPUS and len(term_ids) and np.median(p0[term_ids]) >= COPIES_DF:
        return term_weights(term_ids, NO_CORPUS)
    return absent[term_ids], gain[term_ids]
