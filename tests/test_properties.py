"""Properties of the engine and fixer on arbitrary text (hypothesis)."""
from __future__ import annotations

import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_linter
from doclint.document import Document
from doclint.fixer import apply_edits, select_fixes

LINTER = make_linter()
ALPHABET = st.sampled_from(list("ab .,\n\r\t\u00a0\u200b\u00e9\u00c3\u00a9&;#\x0b\x00\u200e\u05e9") + [
    "&amp;", "&amp", "&nbsp", "&#8217", "\u00e2\u20ac\u2122", "Source: Reuters", "(Reuters)", " - Reuters", "Advertisement\n\n",
    "Read more: Markets fall ", "The same sentence repeats here again and again today.\n\n",
    "\\u2019", "\\ud83d\\ude00", "\\", "'", "sia\u0308", "si\u00c4\u2122", "\u2013\u220f", "\u0393\u00c7\u00f6"])
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=300))
def test_check_never_raises_on_bytes(data):
    doc = Document.from_bytes("x.txt", data)
    for d in LINTER.check(doc):
        assert 0 <= d.start <= d.end <= len(doc.text)
        assert d.line >= 1 and d.column >= 1


@SETTINGS
@given(TEXTS, st.booleans())
def test_fix_is_idempotent(text, unsafe):
    once = LINTER.fix(Document.from_bytes("x.txt", text.encode()), unsafe=unsafe)
    assert once.converged
    twice = LINTER.fix(once.document, unsafe=unsafe)
    assert twice.document.text == once.document.text
    assert twice.fixed == 0


@SETTINGS
@given(TEXTS, st.booleans())
def test_fix_changes_only_inside_diagnostic_spans(text, unsafe):
    doc = Document.from_bytes("x.txt", text.encode())
    diagnostics = [d for d in LINTER.check(doc) if d.fix and (unsafe or d.fix.is_safe)]
    for d in diagnostics:
        for e in d.fix.edits:  # an edit stays in the span or the whitespace adjoining it
            assert not doc.text[e.start:d.start].strip() and not doc.text[d.end:e.end].strip()
    fixes = select_fixes([d.fix for d in diagnostics])
    edits = [e for f in fixes for e in f.edits]
    fixed = apply_edits(doc.text, edits)
    # everything outside the edited ranges survives, in order
    kept, pos = [], 0
    for e in sorted(edits):
        kept.append(doc.text[pos:e.start])
        pos = e.end
    kept.append(doc.text[pos:])
    it = iter(fixed)
    assert all(ch in it for ch in "".join(kept))


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 5)), max_size=8))
def test_selected_fixes_never_overlap(ranges):
    from doclint.diagnostics import Edit, Fix

    fixes = [Fix.safe(Edit(s, s + n, "x")) for s, n in ranges]
    taken = [e for f in select_fixes(fixes) for e in f.edits]
    for i, a in enumerate(taken):
        for b in taken[i + 1:]:
            assert a.end <= b.start or b.end <= a.start
            assert not (a.start == b.start and (a.start == a.end or b.start == b.end))



@given(st.lists(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4)), min_size=1, max_size=3), max_size=12))
def test_fix_selection_is_the_same_as_comparing_every_pair(fix_edits):
    # select_fixes bisects the edits taken so far; comparing each edit with every taken one (as it once did, in
    # time quadratic in the number of fixes) must choose the same fixes, insertions and multi-edit fixes included.
    from doclint.diagnostics import Edit, Fix
    from doclint.fixer import _overlaps

    fixes = [Fix.safe(*[Edit(s, s + n, "x") for s, n in edits]) for edits in fix_edits]
    taken, chosen = [], []
    for fix in sorted(fixes, key=lambda f: (f.edits[0].start, f.edits[0].end)):
        if any(_overlaps(e, t) for e in fix.edits for t in taken):
            continue
        if any(_overlaps(a, b) for i, a in enumerate(fix.edits) for b in fix.edits[i + 1:]):
            continue
        taken.extend(fix.edits)
        chosen.append(fix)
    assert [id(f) for f in select_fixes(fixes)] == [id(f) for f in chosen]

_WORDS = st.sampled_from(["Korea", "korean", "The", "the", "NATO's", "2024", "U.S.", "don't", "(Reuters)", "Haj,",
                          "«Paris»", "x", "—", "co-operation", "Kim", "kim", "Putin.", "état", "Ölpreis", "12%"])


@given(st.lists(_WORDS, max_size=30), st.sampled_from([" ", "\n", "  \t"]))
def test_terms_cached_per_word_equal_terms_of_the_whole_text(words, space):
    # The off-topic rule's lexicon keeps terms per whitespace-separated word; that must equal tokenising the whole
    # text, with a name being a capitalised, non-numeric term anywhere but at the text's first token.
    from doclint.cohesion import _TOKEN, _key
    from doclint.lexicon import text_terms

    text = space.join(words)
    tokens = _TOKEN.findall(text)
    keys = [_key(t) for t in tokens]
    expected_names = [k for n, (t, k) in enumerate(zip(tokens, keys))
                      if n > 0 and k is not None and t[0].isupper() and not k[0].isdigit()]
    got_keys, got_names = text_terms(text)
    assert got_keys == [k for k in keys if k is not None]
    assert sorted(set(got_names)) == sorted(set(expected_names))


def test_alphanumeric_words_are_one_token():
    # The lexicon skips the token regex for words where str.isalnum() holds: [^\W_] must be exactly isalnum().
    import re

    from doclint.cohesion import _TOKEN

    one = re.compile(r"[^\W_]")
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if bool(one.match(c)) != c.isalnum()] == []
    assert _TOKEN.findall("Ölpreis2024ß") == ["Ölpreis2024ß"]


@given(st.lists(st.integers(min_value=0, max_value=50), max_size=60))
def test_sort_based_unique_equals_numpy_unique(values):
    import numpy as np

    from doclint.arrays import sorted_unique, unique_first_inverse

    array = np.array(values, dtype=np.int64)
    expected = np.unique(array, return_index=True, return_inverse=True)
    assert np.array_equal(sorted_unique(array), expected[0])
    for got, want in zip(unique_first_inverse(array), expected):
        assert np.array_equal(got, want.reshape(-1))


_TRICKY = st.lists(st.sampled_from(list("ab Σσ'’-.\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u200b\u2028&;#x2İ")
                                   + ["&amp;", "&nbsp;", "&#32;", "ΟΔΟΣ"]), max_size=40).map("".join)


@given(_TRICKY)
def test_word_hashes_cached_per_raw_word_equal_hashing_the_normalised_text(text):
    # Near-duplicate signatures hash each raw whitespace-separated word once per run; that must equal hashing the
    # words of the whole normalised text, whatever whitespace, entities and deleted characters it holds.
    import zlib

    from doclint import minhash
    from doclint.text import normalize, words

    expected = [zlib.crc32(w.encode("utf-8")) for w in words(normalize(text))]
    assert minhash.word_hashes(text).tolist() == expected


def test_word_hashes_hash_each_new_word_once_however_often_it_occurs(monkeypatch):
    # A 28 MB record of a few words repeated four million times took 18 s when every occurrence of a word new
    # to the run was hashed again.
    from doclint import minhash

    monkeypatch.setattr(minhash, "_WORD_HASHES", {})
    calls = []
    real = minhash.zlib.crc32
    monkeypatch.setattr(minhash.zlib, "crc32", lambda data: calls.append(data) or real(data))
    hashes = minhash.word_hashes("alpha beta, alpha beta, alpha " * 1000)
    assert len(hashes) == 5000 and sorted(set(calls)) == sorted(calls) == [b"alpha", b"beta"]


def test_deleted_space_is_every_whitespace_character_normalize_deletes():
    from doclint.text import DELETED_WHITESPACE_RE, normalize

    characters = [chr(c) for c in range(0x110000)]
    deleted_whitespace = {c for c in characters if c.isspace() and normalize(f"a{c}b") == "ab"}
    assert deleted_whitespace == {c for c in characters if DELETED_WHITESPACE_RE.match(c)}


@given(st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=50, unique=True))
def test_minhash_signature_is_each_permutations_least_hash(values):
    # Signature position j is min over the shingles of ((a_j * x + b_j) mod 2^64) >> 32, the multiply-add-shift
    # family the module documents, however the minimum is computed.
    import numpy as np

    from doclint import minhash

    a, b = minhash.permutations(16)
    expected = [min((((int(aj) * x + int(bj)) % 2**64) >> 32) for x in values) for aj, bj in zip(a, b)]
    hashes = np.array(sorted(values), dtype=np.uint32)
    assert minhash.signature(hashes, 16).tolist() == expected


@given(st.lists(st.sampled_from(list("ab c-'’.\u00e9İ_1\u201c") + ["&amp;"]), max_size=40).map("".join), st.integers(0, 10))
def test_has_words_counts_like_words(text, n):
    # Boilerplate signatures ask whether a normalised paragraph has enough words without listing them all.
    from doclint.text import has_words, normalize, words

    norm = normalize(text)
    assert has_words(norm, n) == (len(words(norm)) >= n)


@SETTINGS
@given(st.dictionaries(st.integers(0, 50), st.integers(1, 4), max_size=30), st.randoms(use_true_random=False))
def test_repeat_candidates_do_not_depend_on_the_order_keys_were_counted_in(counts, rnd):
    # repeated-passage tries the candidates sharing the most keys; ties used to follow the order in which string
    # hashes listed the keys, so the findings changed from one run to the next
    from collections import Counter

    from doclint.repeats import MAX_CANDIDATES, _best

    items = list(counts.items())
    rnd.shuffle(items)
    shuffled = Counter(dict(items))
    expected = sorted(counts, key=lambda i: (-counts[i], i))[:MAX_CANDIDATES]
    assert _best(shuffled) == _best(Counter(counts)) == expected


def _doubled_naively(text: str):
    """repeated_sentence._doubled without its screen: every start of a second copy tried after every word, the
    closest first, each with every gap (a glued label's words) from none to STUTTER_GAP."""
    from doclint.rules.repeated_sentence import _STUTTER_MAX, _WORD, STUTTER_GAP, STUTTER_MIN_WORDS, _glued_label

    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    words = [w for _, _, w in tokens]
    i, n = 0, len(tokens)
    while i < n:
        found = next(((j - i - gap, gap) for j in range(i + STUTTER_MIN_WORDS, n) for gap in range(STUTTER_GAP + 1)
                      if STUTTER_MIN_WORDS <= j - i - gap <= min(_STUTTER_MAX, (n - i - gap) // 2)
                      and words[i:j - gap] == words[j:j + j - i - gap]), None)
        if found is not None:
            k, gap = found
            between = text[tokens[i + k - 1][1]:tokens[i + k + gap][0]]
            if _glued_label(between) if gap else not between.strip(" \t.,;:—–-'\"’”"):
                yield (tokens[i][0], tokens[i + k - 1][1]), (tokens[i + k + gap][0], tokens[i + 2 * k + gap - 1][1])
                i += 2 * k + gap
                continue
        i += 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from("the a of cat dog ran fast red big".split()), max_size=90),
       st.integers(0, 89), st.integers(8, 30), st.lists(st.sampled_from([" ", " ", ", ", ". ", " — ", ".", ""]),
                                                        min_size=1), st.sampled_from([[], ["staff"], ["staff", "writer"]]))
def test_a_doubled_run_is_found_by_its_repeated_first_word_as_by_trying_every_length(words, at, k, seps, label):
    # repeated_sentence looks for a run repeated (after at most a glued label) only where its first word comes back;
    # the result must be what trying every start of a copy after every word gives.
    from doclint.rules.repeated_sentence import _doubled

    if len(words) > at:
        words = words[:at + k] + label + words[at:at + k] + words[at + k:]
    text = "".join(w + seps[n % len(seps)] for n, w in enumerate(words))
    assert list(_doubled(text, 0, len(text))) == list(_doubled_naively(text))


def _overlap_naively(text: str, before, after):
    """repeated_sentence._overlap without its screen on the later paragraph's first words."""
    from doclint.rules.repeated_sentence import _WORD, STUTTER_MIN_WORDS, WINDOW_MAX

    head = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, before.start, before.end)]
    tail = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, after.start, after.end)]
    tail = tail[:WINDOW_MAX + 1]
    if not tail:
        return None
    first = len(head) - min(WINDOW_MAX, len(head) - STUTTER_MIN_WORDS, len(tail) - 1)
    ends = [w for _, _, w in head[max(first, 0):]]
    opening = [w for _, _, w in tail]
    for n in range(len(ends)):
        k = len(ends) - n
        if k >= STUTTER_MIN_WORDS and ends[n:] == opening[:k]:
            return (head[-k][0], head[-1][1]), (tail[0][0], tail[k - 1][1])
    return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from("the a of Cat dog ran fast red big".split()), min_size=16, max_size=40),
       st.lists(st.sampled_from("the a of cat Dog ran fast red big".split()), min_size=1, max_size=30),
       st.integers(0, 24), st.lists(st.sampled_from([" ", " ", ", ", ". "]), min_size=1))
def test_a_window_is_found_with_the_screen_as_without_it(before, after, k, seps):
    # _overlap first checks that the later paragraph's first words all stand in the end of the one before;
    # the result must be the one comparing every run of words gives.
    from types import SimpleNamespace

    from doclint.rules.repeated_sentence import _overlap

    after = before[len(before) - min(k, len(before)):] + after  # the later paragraph may open with the end of the first
    one = "".join(w + seps[n % len(seps)] for n, w in enumerate(before)).rstrip()
    two = "".join(w + seps[n % len(seps)] for n, w in enumerate(after)).rstrip()
    text = one + "\n\n" + two
    first = SimpleNamespace(start=0, end=len(one))
    second = SimpleNamespace(start=len(one) + 2, end=len(text))
    assert _overlap(text, first, second) == _overlap_naively(text, first, second)
