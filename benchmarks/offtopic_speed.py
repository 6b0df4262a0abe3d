"""Time of the off-topic rule per 600-word article, after start-up, for each backend.

    python benchmarks/offtopic_speed.py [--rounds 20]

Articles of about 600 words are assembled from tests/data/articles.toml. The
analyses shared with other rules (paragraph repeats) are computed before the
clock starts, as they are in a real run; each article is seen once before
timing, so the embedding backend's word cache is warm. Prints the median and
minimum wall time and the median CPU time of this process (on a shared machine
the wall time includes waiting for another process's turn on the core).
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # as the CLI does: one core
    os.environ.setdefault(_name, "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from doclint import embeddings  # noqa: E402
from doclint.document import Document  # noqa: E402
from doclint.repeats import paragraph_matches  # noqa: E402
from doclint.rule import Context  # noqa: E402
from doclint.rules.off_topic_paragraph import OffTopicParagraph, Options  # noqa: E402

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
        times, cpu = [], []
        for _ in range(a.rounds):
            for d in docs:
                doc = Document("x", d)
                paragraph_matches(doc, 0.9, 8, 15)
                t, c = time.perf_counter(), time.process_time()
                list(rule.check(doc, Context()))
                cpu.append(time.process_time() - c)
                times.append(time.perf_counter() - t)
        print(f"{backend:10} {words:.0f}-word articles: wall median {statistics.median(times) * 1000:.2f} ms "
              f"(min {min(times) * 1000:.2f}), CPU median {statistics.median(cpu) * 1000:.2f} ms per article")


if __name__ == "__main__":
    main()
