"""Off-topic rule on texts written for doclint (tests/data/articles.toml), beyond the dev corpus.

    python -m evals.off_topic_own_articles [--backend lexical|embeddings|auto] [--corpus] [--paragraphs N]

Each article is checked alone (clean), and with a paragraph of every other
article inserted: in the middle or at the very end, from another section or
from the same section (the hard case). Prints recall and precision by kind,
clean articles flagged, and the time per document. With `--corpus`, the 120
documents are checked together in one run (`doclint check`), so the rule
weighs words by their corpus frequencies; every article occurs in about
fifteen of them, so every word is common there, the hardest case for
statistics. With `--paragraphs N`, every article is cut to its first N
paragraphs (short news items: `--paragraphs 2` gives three paragraphs with the
intruder, `--paragraphs 3` clean articles of three).
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from doclint.document import Document
from doclint.rule import Context
from doclint.rules.off_topic_paragraph import OffTopicParagraph, Options

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles.toml"


def cases(paragraphs: int | None = None):
    """(name, kind, text, intruder line or None) for every test document (hosts cut to `paragraphs`)."""
    articles = tomllib.loads(DATA.read_text(encoding="utf-8"))["article"]
    for host in articles:
        paras = list(host["paragraphs"])[:paragraphs]
        yield host["id"], "clean", _text(host["headline"], paras), None
        for other in articles:
            if other is host:
                continue
            section = "same-section" if other["section"] == host["section"] else "other-section"
            intruder = other["paragraphs"][1]
            for where, pos in (("middle", (len(paras) + 1) // 2), ("end", len(paras))):
                body = paras[:pos] + [intruder] + paras[pos:]
                yield f"{host['id']}+{other['id']}", f"{section}/{where}", _text(host["headline"], body), 3 + 2 * pos


def _text(headline: str, paras: list[str]) -> str:
    return headline + "\n\n" + "\n\n".join(paras) + "\n"


def evaluate(backend: str, threshold: float | None = None, paragraphs: int | None = None):
    opts = Options(backend=backend) if threshold is None else Options(backend=backend, threshold=threshold)
    rule = OffTopicParagraph(opts)
    found, total, flagged, right, clean_flagged, clean = Counter(), Counter(), Counter(), Counter(), 0, 0
    times = []
    for name, kind, text, line in cases(paragraphs):
        doc = Document.from_bytes(name, text.encode())
        t = time.perf_counter()
        lines = [doc.position(d.start)[0] for d in rule.check(doc, Context())]
        times.append(time.perf_counter() - t)
        if line is None:
            clean += 1
            clean_flagged += bool(lines)
            continue
        total[kind] += 1
        found[kind] += line in lines
        flagged[kind] += len(lines)
        right[kind] += sum(x == line for x in lines)
    return found, total, flagged, right, clean_flagged, clean, times


def evaluate_corpus(backend: str, paragraphs: int | None = None):
    """evaluate(), the documents checked together in one run of the command line."""
    import json
    import subprocess
    import sys
    import tempfile

    found, total, flagged, right, clean_flagged, clean = Counter(), Counter(), Counter(), Counter(), 0, 0
    with tempfile.TemporaryDirectory(prefix="doclint-offtopic-") as tmp:
        expected = {}
        for n, (name, kind, text, line) in enumerate(cases(paragraphs)):
            (Path(tmp) / f"{n:03d}.txt").write_text(text, encoding="utf-8")
            expected[f"{n:03d}.txt"] = (kind, line)
        (Path(tmp) / "doclint.toml").write_text(f'[rules.off-topic-paragraph]\nbackend = "{backend}"\n')
        out = subprocess.run([sys.executable, "-m", "doclint", "check", "--no-cache", "--select", "T101", "--format",
                              "json", "."], cwd=tmp, capture_output=True, text=True).stdout
        lines = {}
        for d in json.loads(out)["diagnostics"]:
            lines.setdefault(Path(d["path"]).name, []).append(d["line"])
    for name, (kind, line) in expected.items():
        got = lines.get(name, [])
        if line is None:
            clean, clean_flagged = clean + 1, clean_flagged + bool(got)
            continue
        total[kind] += 1
        found[kind] += line in got
        flagged[kind] += len(got)
        right[kind] += sum(x == line for x in got)
    return found, total, flagged, right, clean_flagged, clean, []


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--backend", default="auto")
    ap.add_argument("--threshold", type=float)
    ap.add_argument("--corpus", action="store_true", help="check the documents together, with corpus statistics")
    ap.add_argument("--paragraphs", type=int, help="cut every article to its first N paragraphs")
    a = ap.parse_args()
    found, total, flagged, right, clean_flagged, clean, times = (
        evaluate_corpus(a.backend, a.paragraphs) if a.corpus else evaluate(a.backend, a.threshold, a.paragraphs))
    print(f"backend {a.backend}: {sum(total.values())} documents with an intruder, {clean} clean")
    for kind in sorted(total):
        print(f"  {kind:22} recall {found[kind] / total[kind]:.2f} ({found[kind]}/{total[kind]})  "
              f"precision {right[kind] / max(1, flagged[kind]):.2f}")
    print(f"  {'all':22} recall {sum(found.values()) / sum(total.values()):.2f}  "
          f"precision {sum(right.values()) / max(1, sum(flagged.values())):.2f}")
    times.sort()
    print(f"  clean articles flagged: {clean_flagged}/{clean}" + (
        f"; median {times[len(times) // 2] * 1000:.2f} ms per document (first call, which loads the model, excluded)"
        if times else ""))


if __name__ == "__main__":
    main()
