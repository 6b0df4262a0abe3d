"""The memo of words' token ids (doclint.tokenmemo) and the mapped embedding matrix: the same numbers as the
tokenizer and the safetensors file give, without loading either where the memo holds the words."""
from __future__ import annotations

import numpy as np
import pytest

from conftest import SEED

from doclint import embeddings, tokenmemo  # noqa: E402

ODD = ["<s>", "a<s>b", "café", "naïve", "東京都", "🙂", "x" * 60, "ﬁne", "Ω-3", "e.g.", "—", "don’t", "ǅ"]


@pytest.fixture
def memo_home(tmp_path, monkeypatch):
    """A fresh cache folder, and no memo held from another test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("DOCLINT_NO_TOKEN_MEMO", raising=False)
    monkeypatch.setattr(tokenmemo, "_memos", {})
    monkeypatch.setattr(tokenmemo, "MEMO_BATCH", 10**9)  # whatever words the test process has met: a small run
    return tmp_path


def _words() -> list[str]:
    return sorted(set(SEED.read_text("utf-8").split())) + ODD


def _unloadable(path: str) -> embeddings.LazyTokenizer:
    """A tokenizer of the same file that fails if it is ever loaded."""
    lazy = embeddings.LazyTokenizer(path)

    def load():
        raise AssertionError("the tokenizer was loaded")

    lazy.load = load
    return lazy


def test_memo_gives_the_tokenizers_ids_and_spares_loading_it(memo_home):
    tokenizer, _ = embeddings.model()
    words = _words()
    truth = embeddings._tokenized(words, tokenizer.load())
    assert embeddings._token_ids(words, embeddings.LazyTokenizer(tokenizer.path)) == truth  # fills the memo
    assert list(memo_home.glob("doclint/token-ids-*.sqlite"))
    tokenmemo._memos.clear()  # as a new process would: from the file
    assert embeddings._token_ids(words, _unloadable(tokenizer.path)) == truth


def test_words_the_memo_lacks_are_tokenised_and_kept(memo_home):
    tokenizer, _ = embeddings.model()
    embeddings._token_ids(["harbour", "council"], embeddings.LazyTokenizer(tokenizer.path))
    words = ["harbour", "council", "quayside"]
    assert embeddings._token_ids(words, embeddings.LazyTokenizer(tokenizer.path)) == embeddings._tokenized(
        words, tokenizer.load())
    assert set(tokenmemo.for_file(tokenizer.path).get(words)) == set(words)


def test_a_corpus_and_a_long_word_go_to_the_tokenizer(memo_home, monkeypatch):
    # A process that knows MEMO_BATCH words or more is checking a corpus: the memo is neither read nor written.
    from doclint import lexicon

    tokenizer, _ = embeddings.model()
    lexicon.ids(["one", "two", "three"])
    monkeypatch.setattr(tokenmemo, "MEMO_BATCH", len(lexicon.words))
    words = ["one", "two", "three"]
    embeddings._token_ids(words, embeddings.LazyTokenizer(tokenizer.path))
    assert tokenmemo.for_file(tokenizer.path).get(words) == {}
    monkeypatch.setattr(tokenmemo, "MEMO_BATCH", 10**9)
    long = "y" * (tokenmemo.MEMO_WORD + 1)
    embeddings._token_ids([long, "one"], embeddings.LazyTokenizer(tokenizer.path))
    assert set(tokenmemo.for_file(tokenizer.path).get([long, "one"])) == {"one"}


def test_the_memo_starts_afresh_when_full(memo_home, monkeypatch):
    tokenizer, _ = embeddings.model()
    monkeypatch.setattr(tokenmemo, "MAX_WORDS", 4)
    lazy = embeddings.LazyTokenizer(tokenizer.path)
    embeddings._token_ids(["one", "two", "three"], lazy)
    embeddings._token_ids(["four", "five"], lazy)
    assert set(tokenmemo.for_file(tokenizer.path).get(["one", "two", "three", "four", "five"])) == {"four", "five"}


def test_no_memo_where_the_cache_cannot_be_written_or_it_is_turned_off(memo_home, monkeypatch):
    tokenizer, _ = embeddings.model()
    words = _words()
    truth = embeddings._tokenized(words, tokenizer.load())
    blocked = memo_home / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert embeddings._token_ids(words, embeddings.LazyTokenizer(tokenizer.path)) == truth
    monkeypatch.setenv("XDG_CACHE_HOME", str(memo_home))
    monkeypatch.setenv("DOCLINT_NO_TOKEN_MEMO", "1")
    monkeypatch.setattr(tokenmemo, "_memos", {})
    assert embeddings._token_ids(words, embeddings.LazyTokenizer(tokenizer.path)) == truth
    assert not list(memo_home.glob("doclint/token-ids-*.sqlite"))


def test_mapped_matrix_is_the_safetensors_tensor():
    from safetensors.numpy import load_file

    path = embeddings.os.path.join(embeddings.os.path.dirname(embeddings.importlib.util.find_spec(
        "wordllama").origin), *embeddings.WEIGHTS)
    mapped = embeddings._matrix(path)
    (loaded,) = load_file(path).values()
    assert type(mapped) is np.ndarray and mapped.dtype == loaded.dtype and np.array_equal(mapped, loaded)


def test_a_check_reads_the_memo_alone_once_it_holds_the_words(memo_home, monkeypatch):
    # A one-file run whose words the memo holds never loads the tokenizer (the point of the memo): the second
    # check of the seed, in a fresh model, finds the same paragraph without it.
    from conftest import lint
    from doclint import lexicon

    lexicon._restart()  # the seed's words alone: a batch the memo serves
    first = lint(SEED.read_bytes(), ["T101"], {"off-topic-paragraph": {"backend": "embeddings"}})
    lexicon._restart()
    embeddings.model.cache_clear()
    tokenizer, _ = embeddings.model()
    monkeypatch.setattr(type(tokenizer), "load", lambda self: (_ for _ in ()).throw(AssertionError("loaded")))
    try:
        again = lint(SEED.read_bytes(), ["T101"], {"off-topic-paragraph": {"backend": "embeddings"}})
    finally:
        embeddings.model.cache_clear()
    assert first and [(d.line, d.message) for d in again] == [(d.line, d.message) for d in first]


def test_a_lazy_tokenizer_survives_a_copy_and_memos_of_other_files_go(memo_home):
    import pickle

    tokenizer, _ = embeddings.model()
    copy = pickle.loads(pickle.dumps(embeddings.LazyTokenizer(tokenizer.path)))
    assert copy.path == tokenizer.path and copy.encode("harbour").ids == tokenizer.encode("harbour").ids
    import os

    from doclint import usercache

    folder = memo_home / "doclint"
    folder.mkdir(parents=True, exist_ok=True)
    others = [folder / f"token-ids-{n:016d}.sqlite" for n in range(usercache.KEEP_OTHERS + 1)]
    for n, other in enumerate(others):  # another install's memos, the first written longest ago
        other.write_bytes(b"")
        os.utime(other, ns=(10**18 + n * 10**9, 10**18 + n * 10**9))
    tokenmemo._memos.clear()
    embeddings._token_ids(["harbour"], embeddings.LazyTokenizer(tokenizer.path))
    assert not others[0].exists() and all(other.exists() for other in others[1:])
    assert len(list(folder.glob("token-ids-*.sqlite"))) == usercache.KEEP_OTHERS + 1  # with the one in use
