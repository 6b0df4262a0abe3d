"""The optional semantic backend: static word embeddings shipped inside a wheel (WordLlama).

Installed with `pip install "doclint[embeddings]"`. It loads from the package's
own files, never from the network, and only when a rule asks for it.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache


def available() -> bool:
    return importlib.util.find_spec("wordllama") is not None


@lru_cache(maxsize=1)
def model():
    from pathlib import Path

    import wordllama
    from wordllama import WordLlama

    # The weights and tokenizer ship inside the wheel: point the cache there and forbid downloads.
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]):
    """Unit-length embeddings, one row per text (a numpy array)."""
    return model().embed(texts, norm=True)
