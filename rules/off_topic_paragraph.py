from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from doclint.cohesion import NO_CORPUS, content_terms, evidence, term_weights
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.repeats import paragraph_matches, removal_start
from doclint.rule import Rule, option
from doclint.text import STOP_WORDS, WORD

# Logistic weights over the evidence (see `doclint rule off-topic-paragraph` and README for how they were set).
# Lexical: mean naive-Bayes evidence against the rest (E), against the neighbours (N), shared names (S), size.
LEXICAL = {"bias": 0.0, "rest": -8.7, "neighbours": -4.3, "names": -1.2, "size": -0.25, "rest_gap": -1.9}
# With embeddings: the same, plus the cosine to the rest (C) and its gap to the document's median (G).
SEMANTIC = {"bias": -4.6, "rest": -2.3, "neighbours": -2.0, "names": -0.75, "size": 1.6, "rest_gap": -0.5,
            "cosine": -11.5, "gap": -7.5}
_QUOTES = "\"“‘'«"


@dataclass(frozen=True)
class Options:
    backend: str = option("auto", '"lexical", "embeddings" (needs `pip install "doclint[embeddings]"`), '
                                  'or "auto": embeddings when installed.')
    threshold: float = option(0.7, "Report a paragraph whose off-topic probability is at least this (0-1).")
    min_terms: int = option(8, "Paragraphs with fewer content words are not judged.")
    min_paragraphs: int = option(4, "Documents with fewer judgeable paragraphs are not judged.")
    pairs: bool = option(True, "Also judge runs of two consecutive paragraphs together.")

    def validate(self):
        if self.backend not in ("auto", "lexical", "embeddings"):
            return 'backend must be "auto", "lexical" or "embeddings"'
        if self.backend == "embeddings":
            from doclint import embeddings

            if not embeddings.available():
                return 'backend "embeddings" needs the extra: pip install "doclint[embeddings]"'
        if not 0 < self.threshold < 1:
            return "threshold must be between 0 and 1"
        return None


@dataclass
class _Unit:
    members: tuple[int, ...]  # indexes into the document's original (non-repeated) paragraphs
    keys: set
    shown: dict
    names: set
    features: dict
    score: float = 0.0
    shared: list = None


class OffTopicParagraph(Rule):
    """Paragraph that does not belong to the article around it.

    ## What it does
    Scores every paragraph against the rest of its document and reports the
    outliers, with the evidence: how many of its content words occur
    elsewhere, which do not, and the resulting probability.

    The evidence is a naive-Bayes log-likelihood per content word (stop words
    removed, light stemming so `Korea` and `Korean` match): a word the rest of
    the document also uses is evidence of belonging, the more so the rarer it
    is; a word it never uses is mild evidence against. Rarity comes from the
    documents checked together (corpus document frequencies) when there are
    twenty or more, otherwise every word counts alike. Shared names and the
    two neighbouring paragraphs add evidence. With the optional `embeddings`
    backend (static WordLlama embeddings shipped in a wheel, no download), the
    cosine between the paragraph and the rest of the document joins in. The
    evidence is combined into a probability by fixed logistic weights.

    Repeated copies are judged once (the first copy). The rule abstains where
    evidence is thin: paragraphs of fewer than `min-terms` content words,
    headlines and datelines, documents with fewer than `min-paragraphs`
    judgeable paragraphs, and quotations whose speaker is named elsewhere. Runs
    of two consecutive paragraphs are judged together too (each paragraph
    seen alone then shares words with its partner): a pair needs a higher
    probability, halfway between `threshold` and 1, and each of its paragraphs
    at least half the threshold on its own.

    ## Why is this bad?
    Aggregators and scrapers splice paragraphs from neighbouring stories into
    an article. The result misinforms readers and poisons training data.

    ## Example
    An article about a defence pact containing: `This week, over two million
    Muslims will finish their Haj pilgrimage...`

    ## Fix safety
    The fix deletes the paragraph and its separator. It is unsafe: this is a
    judgement, so plain `--fix` never applies it.
    """

    code = "T101"
    name = "off-topic-paragraph"
    category = "off-topic"
    fixable = "unsafe"
    Options = Options
    wants_corpus_stats = True

    def check(self, document, context):
        o = self.options
        paras = document.paragraphs
        copies = paragraph_matches(document)  # repeated copies are judged once, as their first copy
        originals = [i for i in range(len(paras)) if i not in copies]
        if len(originals) < o.min_paragraphs:
            return
        stats = getattr(context, "corpus", None) or NO_CORPUS
        headline = [b for b in document.blocks if b.kind == "headline"]
        terms = {i: content_terms(document.block_text(paras[i])) for i in originals}
        keysets = {i: {t.key for t in terms[i]} for i in originals}
        head_keys = {t.key for b in headline for t in content_terms(document.block_text(b))}
        counts: Counter = Counter()
        for i in originals:
            counts.update(keysets[i])
        counts.update(head_keys)
        judged = [n for n, i in enumerate(originals) if len(keysets[i]) >= o.min_terms]
        if len(judged) < o.min_paragraphs:
            return
        weights = term_weights(counts, stats)
        units = [self._unit((n,), originals, keysets, terms, counts, weights) for n in judged]
        if o.pairs:
            units += [self._unit((n, n + 1), originals, keysets, terms, counts, weights)
                      for n in judged if n + 1 in judged]
        singles = sorted(u.features["rest"] for u in units if len(u.members) == 1)
        median = singles[len(singles) // 2]
        for u in units:  # how much less it belongs than the document's typical paragraph
            u.features["rest_gap"] = u.features["rest"] - median
        semantic = self._semantic(document, originals, units)
        model = SEMANTIC if semantic else LEXICAL
        for u in units:
            u.score = _probability(u.features, model)
        single = {u.members[0]: u.score for u in units if len(u.members) == 1}
        pair_threshold = (1 + o.threshold) / 2  # a pair has more words, so more chance to look foreign
        flagged = set()
        for u in sorted(units, key=lambda u: (len(u.members), -u.score)):
            if u.score < (o.threshold if len(u.members) == 1 else pair_threshold) or flagged & set(u.members):
                continue
            if len(u.members) == 2 and min(single[n] for n in u.members) < o.threshold / 2:
                continue  # each paragraph of an off-topic pair must look off-topic on its own too
            if len(u.members) == 1 and self._quoted_speaker(document, paras[originals[u.members[0]]], u, counts):
                continue
            flagged |= set(u.members)
            yield self._diagnostic(document, originals, terms, u, semantic)

    def prepare(self) -> None:
        from doclint import embeddings

        if self.options.backend != "lexical" and embeddings.available():
            embeddings.model()

    def _unit(self, members, originals, keysets, terms, counts, weights) -> _Unit:
        sets = [keysets[originals[n]] for n in members]
        keys = sets[0] if len(sets) == 1 else sets[0] | sets[1]
        if len(sets) == 1:
            shared = {k for k in keys if counts[k] > 1}  # used by another paragraph or the headline
        else:
            shared = {k for k in keys if counts[k] > (k in sets[0]) + (k in sets[1])}
        lo, hi = members[0] - 1, members[-1] + 1
        neighbours = set().union(*(keysets[originals[n]] for n in (lo, hi) if 0 <= n < len(originals)))
        names = {t.key for n in members for t in terms[originals[n]] if t.proper}
        features = {
            "rest": evidence(keys, shared, weights),
            "neighbours": evidence(keys, neighbours, weights) if neighbours else 0.0,
            "names": min(len(names & shared), 3),
            "size": math.log(len(keys)),
        }
        u = _Unit(members, keys, {}, names, features)
        u.shared = shared
        return u

    def _semantic(self, document, originals, units) -> bool:
        from doclint import embeddings

        if self.options.backend == "lexical" or (self.options.backend == "auto" and not embeddings.available()):
            return False
        import numpy as np

        paras = document.paragraphs
        vectors = embeddings.embed([document.block_text(paras[i]) for i in originals])
        first = np.array([u.members[0] for u in units])
        last = np.array([u.members[-1] for u in units])
        own = vectors[first] + np.where((last != first)[:, None], vectors[last], 0.0)  # a pair sums both
        rest = vectors.sum(axis=0) - own
        norms = np.linalg.norm(own, axis=1) * np.linalg.norm(rest, axis=1)
        cosines = np.einsum("ij,ij->i", own, rest) / np.where(norms == 0, 1.0, norms)
        singles = sorted(float(c) for u, c in zip(units, cosines) if len(u.members) == 1)
        median = singles[len(singles) // 2] if singles else 0.0
        for u, c in zip(units, cosines):
            u.features["cosine"] = float(c)
            u.features["gap"] = float(c) - median
        return True

    @staticmethod
    def _quoted_speaker(document, block, unit, counts) -> bool:
        """A quotation whose speaker is named elsewhere in the document belongs to it."""
        text = document.block_text(block).lstrip()
        return text[:1] in _QUOTES and any(counts.get(k, 0) > 1 for k in unit.names)

    def _diagnostic(self, document, originals, terms, u: _Unit, semantic: bool) -> Diagnostic:
        paras = document.paragraphs
        for n in u.members:
            for t in terms[originals[n]]:
                u.shown.setdefault(t.key, t.shown)
        u.shared = sorted(u.shared)
        first, last = paras[originals[u.members[0]]], paras[originals[u.members[-1]]]
        unshared = [u.shown[k] for k in sorted(u.keys - set(u.shared), key=lambda k: (not u.shown[k][:1].isupper(), k))]
        listed = ", ".join(unshared[:6]) + (", \u2026" if len(unshared) > 6 else "")
        what = "Off-topic paragraph" if len(u.members) == 1 else "Off-topic run of 2 paragraphs"
        language = _language_note(document, paras, originals, u.members)
        if language:
            what += f" ({language})"
        n, s = len(u.keys), len(u.shared)
        if s == 0:
            evidence_text = f"none of its {n} content words ({listed}) occur elsewhere in the document"
        else:
            evidence_text = (f"{s} of its {n} content words occur elsewhere "
                             f"({', '.join(u.shown[k] for k in u.shared[:4])}); not: {listed}")
        extra = f", similarity {u.features['cosine']:.2f}" if semantic else ""
        message = (f"{what}: {evidence_text} (probability {u.score:.2f}{extra}; "
                   f"threshold {self.options.threshold:.2f})")
        fix = Fix.unsafe(Edit(removal_start(document, first), last.end), message="Delete the paragraph")
        return Diagnostic(first.start, last.end, message, fix=fix)


def _language_note(document, paras, originals, members) -> str:
    """"apparently in another language: ..." when the unit has almost none of the English function words the
    rest of the document is full of (a spliced paragraph in another language, or another script). Lists of
    names (a team line-up) have no function words either, so most of the unit's words must be lower case."""
    raw = [w for n in members for w in WORD.findall(document.block_text(paras[originals[n]]))]
    inside = [w.lower() for w in raw]
    rest = [w for n, i in enumerate(originals) if n not in members
            for w in WORD.findall(document.block_text(paras[i]).lower())]
    if len(inside) < 12 or len(rest) < 50 or sum(w[0].islower() for w in raw) < len(raw) / 2:
        return ""
    share_in = sum(w in STOP_WORDS for w in inside) / len(inside)
    share_rest = sum(w in STOP_WORDS for w in rest) / len(rest)
    if share_rest < 0.25 or share_in > 0.08:
        return ""
    return (f"apparently in another language: {share_in:.0%} of its words are English function words, "
            f"against {share_rest:.0%} in the rest")


def _probability(features: dict, weights: dict) -> float:
    z = weights["bias"] + sum(weights[k] * v for k, v in features.items() if k in weights)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
