"""The off-topic rule on the seed and on texts written for doclint (benchmarks/offtopic_eval.py)."""
from __future__ import annotations

import sys

import pytest

from conftest import ROOT, SEED, lint

sys.path.insert(0, str(ROOT / "benchmarks"))
import offtopic_eval  # noqa: E402

from doclint import embeddings  # noqa: E402


def test_seed_haj_paragraph_is_the_only_one_flagged():
    found = lint(SEED.read_bytes(), ["T101"], {"off-topic-paragraph": {"backend": "embeddings"}})
    assert [d.line for d in found] == [20]
    assert "Haj" in found[0].message and "Mecca" in found[0].message


def test_seed_lexical_backend_ranks_haj_first():
    # Without embeddings the short NATO paragraph (10 content words, one shared) is flagged too.
    found = lint(SEED.read_bytes(), ["T101"], {"off-topic-paragraph": {"backend": "lexical"}})
    assert 20 in [d.line for d in found] and len(found) <= 2
    probability = {d.line: float(d.message.split("probability ")[1][:4]) for d in found}
    assert probability[20] == max(probability.values())


@pytest.mark.parametrize("backend,recall,precision,clean", [("lexical", 0.8, 0.65, 4), ("embeddings", 0.65, 0.95, 1)])
def test_own_articles(backend, recall, precision, clean):
    found, total, flagged, right, clean_flagged, _, _ = offtopic_eval.evaluate(backend)
    assert sum(found.values()) / sum(total.values()) >= recall
    assert sum(right.values()) / sum(flagged.values()) >= precision
    assert clean_flagged <= clean


def test_embeddings_extra_is_installed_for_the_test_suite():
    # The test extra installs it, so that the semantic backend is exercised, not skipped.
    assert embeddings.available()


def test_auto_backend_uses_embeddings_when_installed():
    text = SEED.read_text(encoding="utf-8")
    (d,) = lint(text, ["T101"])
    assert "similarity" in d.message
