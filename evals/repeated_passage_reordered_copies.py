"""repeated-passage and repeated-sentence against copies re-edited by moving or dropping sentences.

    python -m evals.repeated_passage_reordered_copies FOLDER [--articles 150] [--seed 1]

Each clean article (.txt) of FOLDER with a paragraph of four sentences or
more (from the third paragraph on) gets, appended at its end, a copy of one
such paragraph edited one way: its sentences rotated (`swap`), its last,
first or a middle one dropped, its first half kept, its sentences as
paragraphs of their own (`split`), its punctuation stripped, or a sentence
added at its end (`added`; `lead-added`: the same after a copy of the
article's first paragraph, often a single sentence). Each edited
article is checked with the two rules and fixed with `--unsafe-fixes`; prints,
per edit, the articles where a finding is made and those restored exactly.
Nothing is written; the folder is only read.
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from doclint.config import load_config
from doclint.document import Document
from doclint.engine import Linter

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _sentences(p: str) -> list[str]:
    return _SENTENCE.split(p)


EDITS = {
    "swap": lambda s: s[1:] + s[:1],
    "drop-last": lambda s: s[:-1],
    "drop-first": lambda s: s[1:],
    "drop-mid": lambda s: s[:1] + s[2:],
    "half": lambda s: s[:len(s) // 2],
}


def edited(paragraph: str, edit: str) -> str:
    s = _sentences(paragraph)
    if edit == "split":
        return "\n\n".join(s)
    if edit == "nopunct":
        return re.sub(r"[^\w\s]", "", paragraph)
    if edit in ("added", "lead-added"):
        return paragraph + " " + ADDED
    return " ".join(EDITS[edit](s))


ADDED = "The figures were confirmed by officials later in the week."


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    linter = Linter.from_config(load_config(isolated=True), select=["D101", "D102"])
    rng = random.Random(a.seed)
    files = sorted(a.folder.glob("*.txt"))
    rng.shuffle(files)
    kinds = [*EDITS, "split", "nopunct", "added", "lead-added"]
    total = dict.fromkeys(kinds, 0)
    found, restored = dict(total), dict(total)
    for f in files[:a.articles]:
        text = f.read_text(encoding="utf-8")
        paras = text.rstrip("\n").split("\n\n")
        long = [i for i in range(2, len(paras)) if len(_sentences(paras[i])) > 3]
        if len(paras) < 5 or not long:
            continue
        paragraph = paras[rng.choice(long)]
        lead = next((p for p in paras[1:] if len(p.split()) >= 8), paragraph)  # the first paragraph of the text
        for kind in kinds:
            copied = lead if kind == "lead-added" else paragraph
            document = Document.from_bytes(f.name, ("\n\n".join(paras + [edited(copied, kind)]) + "\n").encode())
            total[kind] += 1
            found[kind] += bool(linter.check(document))
            restored[kind] += linter.fix(document, unsafe=True).document.text == text
    for kind in kinds:
        print(f"{kind:10} found {found[kind]}/{total[kind]}, restored exactly {restored[kind]}/{total[kind]}")


if __name__ == "__main__":
    main()
