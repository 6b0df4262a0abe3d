"""A process-wide table of whitespace-separated words, for rules that read content terms.

The off-topic rule's tokens never cross whitespace, so what it derives from a
word (its content terms, whether each is written as a name, its embedding) is
computed once per distinct word and kept in arrays indexed by the word's
number. A text's terms are then one dictionary lookup per word and a few numpy
gathers, instead of a regex and a stemmer call per token.

The table holds at most MAX_WORDS words; a call that would pass that starts it
afresh (`generation` counts the restarts, so that data kept per word number
elsewhere, as the embeddings are, can be dropped with it).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from doclint import lazyre
from doclint.arrays import grown, sorted_unique
from doclint.text import STOP_WORDS, stem

TOKEN = lazyre.compile(r"[^\W_](?:[\w'’.,-]*[^\W_])?")  # a token of the off-topic rule's terms: never crosses whitespace


@lru_cache(maxsize=200_000)
def term_key(token: str) -> str | None:
    """The term a token counts as (a stem or a number), or None for stop words and scraps."""
    low = token.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if low in STOP_WORDS:
        return None
    if not low.isalpha() and any(c.isdigit() for c in low):
        return low if len(low) >= 3 else None
    return stem(low) if len(low) >= 3 else None


MAX_WORDS = 200_000
generation = 0
words: list[str] = []  # word number -> the word
terms: list[str] = []  # term number -> the term (a stem or a number)
_ids: dict[str, int] = {}
_term_ids: dict[str, int] = {}
# Per word number: where its terms start in the flat arrays, how many it has, whether it has any token at all,
# and whether its first token is a term written as a name (capitalised, not a number).
_start = np.zeros(0, dtype=np.int64)
_count = np.zeros(0, dtype=np.int64)
_has_token = np.zeros(0, dtype=bool)
_opens_name = np.zeros(0, dtype=bool)
_flat_terms = np.zeros(0, dtype=np.int64)  # term numbers of every word's tokens, word after word
_flat_names = np.zeros(0, dtype=bool)  # ... and whether each is written as a name
_flat_size = 0


def ids(text_words: list[str]) -> np.ndarray:
    """The numbers of these words (new ones are added: see the module's note on restarts)."""
    try:  # every word known: one pass, with no list in between (this is most of a warm document's lookups)
        return np.fromiter(map(_ids.__getitem__, text_words), dtype=np.int64, count=len(text_words))
    except KeyError:
        pass
    new = list(dict.fromkeys(w for w in text_words if w not in _ids))
    if len(_ids) + len(new) > MAX_WORDS:
        _restart()
        new = list(dict.fromkeys(text_words))
    _add(new)
    return np.fromiter(map(_ids.__getitem__, text_words), dtype=np.int64, count=len(text_words))


def occurrences(texts: list[str]):
    """Every term occurrence of the texts in order: (text index, term number, written as a name), as arrays.

    A name is a capitalised, non-numeric term, except at a text's first token
    (an opening word is capitalised anyway: it is a name only where it recurs).
    Also returns the texts' word numbers and words per text (for embeddings).
    """
    split = [t.split() for t in texts]
    lengths = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
    word_ids = ids([w for s in split for w in s])
    flat, counts, firsts = _flat_of(word_ids)
    text = np.repeat(np.repeat(np.arange(len(texts)), lengths), counts)
    term, name = _flat_terms[flat], _flat_names[flat]
    opening = (np.cumsum(lengths) - lengths)[lengths > 0]  # each text's first word ...
    for n in np.flatnonzero(~_has_token[word_ids[opening]]):  # ... with a token (rarely not the first)
        end = opening[n] + lengths[lengths > 0][n]
        opening[n] = next((w for w in range(opening[n], end) if _has_token[word_ids[w]]), opening[n])
    opening = opening[_opens_name[word_ids[opening]]]
    name[firsts[opening]] = False
    return text, term, name, word_ids, lengths


def distinct_terms(text_words) -> np.ndarray:
    """The term numbers of these words, each once (sorted)."""
    flat = _flat_of(ids(list(text_words)))[0]  # first: adding words may replace the arrays
    return sorted_unique(_flat_terms[flat])


def _flat_of(word_ids: np.ndarray):
    """Where the words' term occurrences are in the flat arrays, how many each word has, and where each word's
    occurrences start in the result."""
    counts = _count[word_ids]
    ends = np.cumsum(counts)
    firsts = ends - counts
    flat = np.repeat(_start[word_ids] - firsts, counts) + np.arange(int(ends[-1]) if len(ends) else 0)
    return flat, counts, firsts


def text_terms(text: str) -> tuple[list[str], list[str]]:
    """A text's terms in order, and those written as names (as occurrences() counts them)."""
    _, term, name, _, _ = occurrences([text])
    return [terms[t] for t in term], [terms[t] for t in term[name]]


def _add(new: list[str]) -> None:
    first = len(words)
    words.extend(new)
    _ids.update(zip(new, range(first, first + len(new))))
    _grow(len(words))
    flat_terms, flat_names, counts, has_token, opens_name = [], [], [], [], []
    for word in new:
        before = len(flat_terms)
        tokens = [word] if word.isalnum() else TOKEN.findall(word)  # [^\W_] is exactly str.isalnum()
        has_token.append(bool(tokens))
        opens = False
        for i, token in enumerate(tokens):
            key = term_key(token)
            if key is None:
                continue
            is_name = token[0].isupper() and not key[0].isdigit()
            opens = opens or (i == 0 and is_name)
            term = _term_ids.get(key)
            if term is None:
                term = _term_ids[key] = len(terms)
                terms.append(key)
            flat_terms.append(term)
            flat_names.append(is_name)
        opens_name.append(opens)
        counts.append(len(flat_terms) - before)
    end = first + len(new)
    _count[first:end] = counts
    _start[first:end] = np.cumsum(_count[first:end]) - _count[first:end] + _flat_size
    _has_token[first:end] = has_token
    _opens_name[first:end] = opens_name
    _put_flat(flat_terms, flat_names)


def _grow(size: int) -> None:
    global _start, _count, _has_token, _opens_name
    _start, _count, _has_token, _opens_name = (grown(a, size) for a in (_start, _count, _has_token, _opens_name))


def _put_flat(flat_terms: list[int], flat_names: list[bool]) -> None:
    global _flat_terms, _flat_names, _flat_size
    end = _flat_size + len(flat_terms)
    _flat_terms, _flat_names = grown(_flat_terms, end), grown(_flat_names, end)
    _flat_terms[_flat_size:end] = flat_terms
    _flat_names[_flat_size:end] = flat_names
    _flat_size = end


def _restart() -> None:
    global generation, _flat_size
    generation += 1
    words.clear()
    terms.clear()
    _ids.clear()
    _term_ids.clear()
    _flat_size = 0  # every per-word field is written when a word is added
