"""Fit the off-topic rule's logistic weights: how the weights in rules/off_topic_paragraph.py were set.

    python -m fit.off_topic_weights CORPUS [--backend embeddings|lexical] [--seeds 3 4] [--drop F ...] [--add F ...]
    python -m fit.off_topic_weights CORPUS --halves [--test-seeds 7 8] [--compare '{"bias": -4.6, ...}']

CORPUS is a labelled corpus as the evaluation's dev corpus (docs/*.txt and
labels.jsonl; it is read, never copied). The rule's evidence for every
single-paragraph unit it judges is collected from the corpus's documents
(labelled intruders are the positives; units that overlap an intruder without
being one are left out) and from paragraphs spliced into its clean articles
by off_topic_spliced.py (every kind, for each of `--seeds`; none with
`--seeds`). Corpus statistics are those of the corpus's documents. A logistic
regression with an L2 penalty of 1 is fitted by Newton's method and printed,
to be rounded into the rule. `--drop bridge` fits without that evidence; `--add F` also fits evidence the
rule computes but does not weigh yet (a candidate). Scores are by kind of unit: dev intruders, same- and
other-section splices, and those of them at the very end.

With `--halves`, the documents are split in two halves by a hash of their
host article's name: weights fitted on one half (its corpus documents and
its splices of `--seeds`) are measured on the other half's corpus documents
and on fresh splices (`--test-seeds`), with and without the bridge, against
the rule's own weights and those given with `--compare` (say, a previous
version's): intruders found and false alarms at the rule's threshold, by kind
of intruder. The embeddings weights in the rule are halfway between the fit
printed without `--halves` and the previous weights (an earlier fit on the dev
corpus alone, without the bridge: bias -4.6, rest -2.3, neighbours -2.0,
names -0.75, size 1.6, rest_gap -0.5, cosine -11.5, gap -7.5).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from pathlib import Path

import numpy as np

from evals import off_topic_spliced as offtopic_splice

from doclint.cohesion import CorpusStats  # noqa: E402
from doclint.document import Document  # noqa: E402
from doclint.rule import Context  # noqa: E402
from doclint.rules import off_topic_paragraph as rule_module  # noqa: E402


def collect(docs, stats, backend: str) -> list[dict]:
    """One row per single-paragraph unit judged: its evidence, whether it is an intruder, and its host's name."""
    seen = []
    probabilities, units = rule_module._probabilities, rule_module._units

    def capture_units(judged, pairs):
        seen.append(units(judged, pairs))
        return seen[-1]

    def capture(features, weights):
        seen.append({k: np.asarray(v, dtype=float) for k, v in features.items()})
        return probabilities(features, weights)

    rule_module._units, rule_module._probabilities = capture_units, capture
    try:
        rule = rule_module.OffTopicParagraph(rule_module.Options(backend=backend))
        rule.prepare()
        rows = []
        for name, text, bad in docs:
            document = Document.from_bytes(name, text.encode("utf-8"))
            seen.clear()
            list(rule.check(document, Context(corpus=stats)))
            if len(seen) < 2:
                continue  # the rule abstained
            (first, last), features = seen[0], seen[1]
            originals = [i for i in range(len(document.paragraphs))
                         if i not in rule_module.paragraph_matches(document)]
            for u in np.flatnonzero(first == last).tolist():
                para = document.paragraphs[originals[first[u]]]
                lo, hi = document.position(para.start)[0], document.position(para.end - 1)[0]
                hit = [a <= hi and b >= lo for a, b in bad]
                if any(hit) and not any(a <= lo and hi <= b for a, b in bad):
                    continue  # overlaps an intruder without being one
                rows.append(dict(host=name.split("|")[0], kind=name.split("|")[1] if "|" in name else "dev",
                                 positive=any(hit), **{k: float(v[u]) for k, v in features.items()}))
        return rows
    finally:
        rule_module._units, rule_module._probabilities = units, probabilities


def fit(rows, names, l2=1.0):
    x = np.hstack([np.ones((len(rows), 1)), np.array([[r[k] for k in names] for r in rows])])
    y = np.array([r["positive"] for r in rows], dtype=float)
    w, penalty = np.zeros(x.shape[1]), np.diag([0.0] + [l2] * len(names))
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        w -= np.linalg.solve((x * (p * (1 - p))[:, None]).T @ x + penalty, x.T @ (p - y) + penalty @ w)
    return dict(zip(["bias", *names], w.tolist()))


def score(rows, weights, threshold=0.7) -> str:
    out = []
    for kind in ("dev", "same", "other", "same-end", "other-end"):
        section, _, end = kind.partition("-")
        part = [r for r in rows if r["kind"].startswith(section) and r["kind"].endswith(end)]
        z = np.array([weights["bias"] + sum(weights[k] * r[k] for k in weights if k != "bias") for r in part])
        flagged, positive = 1 / (1 + np.exp(-z)) >= threshold, np.array([r["positive"] for r in part])
        out.append(f"{kind} {int((flagged & positive).sum())}/{int(positive.sum())} +{int((flagged & ~positive).sum())}")
    return ", ".join(out)


def write_weights(path: Path, weights: dict, corpus: Path, metric: str) -> None:
    """The fitted weights as data (TOML), after a header saying how they were made: the command, the corpus, the
    date and what they were fitted on. A rule takes them over by hand, citing the file."""
    import time

    header = [f"# command: python -m fit.off_topic_weights {' '.join(sys.argv[1:])}", f"# corpus: {corpus}",
              f"# date: {time.strftime('%Y-%m-%d')}", f"# metric: L2-penalised logistic regression (log loss, Newton steps) over {metric}"]
    body = [f"{name} = {value!r}" for name, value in weights.items()]
    path.write_text("\n".join(header + ["", "[weights]", *body]) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--backend", default="embeddings", choices=["embeddings", "lexical"])
    ap.add_argument("--seeds", type=int, nargs="*", default=[3, 4])
    ap.add_argument("--halves", action="store_true")
    ap.add_argument("--alone", action="store_true", help="also every document checked alone (no corpus statistics)")
    ap.add_argument("--test-seeds", type=int, nargs="*", default=[7, 8])
    ap.add_argument("--compare", type=json.loads, help="weights (JSON) to measure beside the fitted ones")
    ap.add_argument("--drop", nargs="*", default=[], metavar="FEATURE", help="fit without these features")
    ap.add_argument("--add", nargs="*", default=[], metavar="FEATURE", help="fit with these unweighted features too")
    ap.add_argument("--out", type=Path, help="write the fitted weights to this file, with their provenance")
    a = ap.parse_args()
    labels = [json.loads(line) for line in (a.corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    docs = [(rec["doc"], (a.corpus / rec["doc"]).read_text(encoding="utf-8"),
             [(d["start_line"], d["end_line"]) for d in rec["defects"] if d["type"] == "off-topic"]) for rec in labels]
    stats = CorpusStats()
    for _, text, _ in docs:
        stats.add(text)
    articles, category = offtopic_splice.articles_of(a.corpus / "docs", a.corpus / "labels.jsonl")
    for seed in a.seeds + (a.test_seeds if a.halves else []):
        rng = random.Random(seed)
        for section, where in offtopic_splice.KINDS:
            for name, (text, line) in offtopic_splice.spliced(articles, category, section, where, rng).items():
                docs.append((f"docs/{name}|{section}-{seed}-{where}", text, [(line, line)]))
    rows = collect(docs, stats, a.backend) + (collect(docs, None, a.backend) if a.alone else [])
    current = rule_module.SEMANTIC if a.backend == "embeddings" else rule_module.LEXICAL
    names = [k for k in current if k not in ("bias", *a.drop)] + a.add
    if not a.halves:
        rows = [r for r in rows if r["kind"] == "dev" or int(r["kind"].split("-")[1]) in a.seeds]
        print(f"{len(rows)} units, {sum(r['positive'] for r in rows)} intruders")
        fitted = {k: round(v, 2) for k, v in fit(rows, names).items()}
        print("fitted:", fitted)
        print("in the rule:", current)
        if a.out:
            write_weights(a.out, fitted, a.corpus, f"{len(rows)} units, {sum(r['positive'] for r in rows)} intruders")
        return
    for half in (0, 1):
        mine = [r for r in rows if zlib.crc32(r["host"].encode()) & 1 == half]
        others = [r for r in rows if zlib.crc32(r["host"].encode()) & 1 != half]
        train = [r for r in mine if r["kind"] == "dev" or int(r["kind"].split("-")[1]) in a.seeds]
        test = [r for r in others if r["kind"] == "dev" or int(r["kind"].split("-")[1]) in a.test_seeds]
        print(f"fitted on half {half}, measured on half {1 - half} (found/intruders +false alarms):")
        print("  fitted:                ", score(test, fit(train, names)))
        if "bridge" in names:
            print("  fitted without bridge: ", score(test, fit(train, [k for k in names if k != "bridge"])))
        print("  the rule's weights:    ", score(test, current), "(halfway to a fit that saw this half's articles)")
        if a.compare:
            print("  --compare:             ", score(test, a.compare))


if __name__ == "__main__":
    main()
