"""Time of the off-topic rule per 600-word article, after start-up, for each backend.

    python benchmarks/offtopic_speed.py [--rounds 20]

Articles of about 600 words are assembled from tests/data/articles.toml. The
analyses shared with other rules (paragraph repeats) are computed before the
clock starts, as they are in a real run; each article is seen once before
timing, so the embedding backend's word cache is warm. Prints the median and
the minimum (the machine is shared: the minimum is the least disturbed run).
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from doclint import embeddings
from doclint.document import Document
from doclint.repeats import paragraph_matches
from doclint.rule import Context
from doclint.rules.off_topic_paragraph import OffTopicParagraph, Options

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles.toml"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    a = ap.parse_args()
    arts = tomllib.loads(DATA.read_text(encoding="utf-8"))["article"]
    docs = []
    for i in range(len(arts)):
        parts = [arts[(i + k) % len(arts)] for k in range(4)]
        paras = parts[0]["paragraphs"] + parts[1]["paragraphs"] + parts[2]["paragraphs"] + parts[3]["paragraphs"][:1]
        docs.append(parts[0]["headline"] + "\n\n" + "\n\n".join(paras) + "\n")
    words = statistics.mean(len(d.split()) for d in docs)
    for backend in ("lexical", "embeddings"):
        if backend == "embeddings" and not embeddings.available():
            print("embeddings: not installed")
            continue
        rule = OffTopicParagraph(Options(backend=backend))
        rule.prepare()
        for d in docs:
            list(rule.check(Document("x", d), Context()))
        times = []
        for _ in range(a.rounds):
            for d in docs:
                doc = Document("x", d)
                paragraph_matches(doc, 0.9, 8, 15)
                t = time.perf_counter()
                list(rule.check(doc, Context()))
                times.append(time.perf_counter() - t)
        print(f"{backend:10} {words:.0f}-word articles: median {statistics.median(times) * 1000:.2f} ms, "
              f"min {min(times) * 1000:.2f} ms per article")


if __name__ == "__main__":
    main()
