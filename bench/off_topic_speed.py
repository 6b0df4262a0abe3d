"""Time of the off-topic rule per 600-word article, after start-up, for each backend.

    python -m bench.off_topic_speed [--rounds 20] [--merge 2]
    python -m bench.off_topic_speed --folder DIR


Articles of about 600 words are assembled from tests/data/articles.toml (19
paragraphs of 31 words; `--merge 2` joins them two by two into 10, closer to a
news article: the rule's cost grows with the number of paragraphs). The
analyses shared with other rules (paragraph repeats) are computed before the
clock starts, as they are in a real run; each article is seen once before
timing, so the embedding backend's word cache is warm. The backends take turns
article by article. Prints the median and lower quartile of this process's CPU
time per article, and the median wall time (on a shared machine the wall time
includes waiting for another process's turn on the core).

`--folder DIR` measures what a run pays instead, new words included: every
article (.txt) of the folder is checked once, in path order, after corpus
statistics are counted over the folder (as a run does, which also enters
every word into the word table), each backend in a fresh process of its own.
The embeddings backend then pays for tokenising and embedding each word the
first time it meets it. Prints the mean and median CPU time per article and
the mean per 600 words; then the first article's time (its check embeds every
word the statistics entered into the word table) and the mean per 600 words of
the others.
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
    ap.add_argument("--merge", type=int, default=1,
                    help="join this many consecutive paragraphs into one (2: about 10 paragraphs of 60 words)")
    ap.add_argument("--folder", type=Path, help="check these articles once each, new words included")
    ap.add_argument("--backend", help=argparse.SUPPRESS)  # --folder: the backend this process measures
    a = ap.parse_args()
    if a.folder and a.backend:
        return _folder(a.folder, a.backend)
    if a.folder:
        import subprocess
        import sys

        for backend in ["lexical"] + (["embeddings"] if embeddings.available() else []):
            subprocess.run([sys.executable, __file__, "--folder", str(a.folder), "--backend", backend], check=True)
        return
    arts = tomllib.loads(DATA.read_text(encoding="utf-8"))["article"]
    docs = []
    for i in range(len(arts)):
        parts = [arts[(i + k) % len(arts)] for k in range(4)]
        paras = parts[0]["paragraphs"] + parts[1]["paragraphs"] + parts[2]["paragraphs"] + parts[3]["paragraphs"][:1]
        paras = [" ".join(paras[n:n + a.merge]) for n in range(0, len(paras), a.merge)]
        docs.append(parts[0]["headline"] + "\n\n" + "\n\n".join(paras) + "\n")
    words = statistics.mean(len(d.split()) for d in docs)
    print(f"{len(docs)} articles of {words:.0f} words in {statistics.mean(d.count(chr(10) * 2) for d in docs):.0f} "
          f"paragraphs")
    backends = ["lexical"] + (["embeddings"] if embeddings.available() else [])
    if len(backends) == 1:
        print("embeddings: not installed")
    rules = {b: OffTopicParagraph(Options(backend=b)) for b in backends}
    for rule in rules.values():
        rule.prepare()
        for d in docs:
            list(rule.check(Document("x", d), Context()))
    times = {b: [] for b in backends}
    cpu = {b: [] for b in backends}
    for _ in range(a.rounds):  # the backends take turns article by article: a noisy spell hits both alike
        for d in docs:
            for backend, rule in rules.items():
                doc = Document("x", d)
                paragraph_matches(doc)
                t, c = time.perf_counter(), time.process_time()
                list(rule.check(doc, Context()))
                cpu[backend].append(time.process_time() - c)
                times[backend].append(time.perf_counter() - t)
    for backend in backends:
        wall, used = sorted(times[backend]), sorted(cpu[backend])
        print(f"{backend:10} {words:.0f}-word articles: CPU median {statistics.median(used) * 1000:.2f} ms "
              f"(lower quartile {used[len(used) // 4] * 1000:.2f}), wall median {statistics.median(wall) * 1000:.2f} ms "
              f"per article")


def _folder(folder: Path, backend: str) -> None:
    from doclint.cohesion import CorpusStats

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    stats = CorpusStats()
    for text in texts:
        stats.add(text)
    context = Context()
    context.corpus = stats
    rule = OffTopicParagraph(Options(backend=backend))
    rule.prepare()
    used = []
    for text in texts:
        doc = Document("x", text)
        paragraph_matches(doc)
        c = time.process_time()
        list(rule.check(doc, context))
        used.append(time.process_time() - c)
    words = sum(len(t.split()) for t in texts)
    later = words - len(texts[0].split())
    print(f"{backend:10} {len(texts)} articles of {words / len(texts):.0f} words on average, each checked once (new "
          f"words included): CPU per article mean {statistics.mean(used) * 1000:.2f} ms, median "
          f"{statistics.median(used) * 1000:.2f} ms; per 600 words {sum(used) / words * 600 * 1000:.2f} ms; the "
          f"first article {used[0] * 1000:.0f} ms (it prepares every word the statistics met), the others "
          f"{sum(used[1:]) / later * 600 * 1000:.2f} ms per 600 words")


if __name__ == "__main__":
    main()
