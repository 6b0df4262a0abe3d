"""Scaling of the in-document duplicate rules (repeated-passage, repeated-sentence).

    python -m bench.duplicate_rules [--runs 3]

Builds documents of 500, 5,000 and 50,000 paragraphs (1x, 10x, 100x) from
generated sentences, with 5% of the paragraphs repeated later (exactly or with
an edit), and times the two rules together in-process on one core.
"""
from __future__ import annotations

import argparse
import random

from doclint.config import Config
from doclint.engine import Linter

from bench.harness import time_check

WORDS = ("market council player season company minister report price court police water school film music "
         "energy budget union vote team match bank rate growth deal plan figure week city country year "
         "officials said expected would could after before during against between under while").split()


def paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 4)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
        words.append(str(rng.randint(1, 10_000)))
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def build(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    paras = [paragraph(rng) for _ in range(n)]
    for _ in range(n // 20):
        i = rng.randrange(n // 2)
        copy = paras[i] if rng.random() < 0.5 else paras[i].replace(".", "!", 1)
        paras.insert(rng.randrange(i + 1, len(paras)), copy)
    return "Headline\n\n" + "\n\n".join(paras) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    linter = Linter.from_config(Config(), select=["D101", "D102"])
    base = None
    for n in (500, 5_000, 50_000):
        data = build(n).encode()
        med, _, found = time_check(linter, data, a.runs)
        base = base or med
        print(f"{n:6d} paragraphs, {len(data) / 1e6:5.1f} MB: median {med:7.3f} s "
              f"({med / base:5.1f}x the 1x time; {len(data) / med / 1e6:.1f} MB/s), {found} diagnostics")


if __name__ == "__main__":
    main()
