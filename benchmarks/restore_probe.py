"""Does `--fix --unsafe-fixes` give back the original? Defects injected into texts written for doclint.

    python benchmarks/restore_probe.py [--cases 60] [--combined 400]

Each article of tests/data/articles.toml (cut to five or more paragraphs) is
damaged by one kind of defect at a time, `--cases` times per kind with a
different random draw (where, which tag, which character), and then by two or
three kinds together (`--combined` documents). Every damaged document is fixed
in-process with every rule and unsafe fixes on, and counts as restored when the
result equals the original text exactly. Prints the share restored per kind
and for the combinations, with the kinds of the combinations that failed.

The kinds: a paragraph repeated later, exactly or with a word dropped and one
changed; a paragraph of another article inserted (off-topic); a source tag
glued to a paragraph's end (after a space or with none) or on its own line;
trailing whitespace; an invisible or a control character inside a word;
separator lines holding a non-breaking space; a run of blank lines; the whole
body pasted again after a tag.
"""
from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from doclint.config import Config
from doclint.document import Document
from doclint.engine import Linter

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles.toml"
TAGS = ["(Source: www.example.com)", "Read more: Markets fall again", "Source: Reuters", "(With inputs from PTI)",
        "Follow us on Twitter @example", "Image copyright Getty Images", "Also read: Prices rise", "-- ANI",
        "Click here to subscribe to our newsletter.", "Sign up for our daily newsletter.", "(Photo: AFP)",
        "Like us on Facebook", "Share this article", "Courtesy: The Hindu", "Also Read | Stocks slide"]
INVISIBLE = ["\u200b", "\u00ad", "\u2060", "\ufeff"]
CONTROL = ["\x07", "\x1b", "\x0b", "\x7f"]
KINDS = ["repeated", "near-copy", "off-topic", "tag-glued", "tag-line", "trailing", "invisible", "control",
         "nbsp-lines", "blank-run", "body-twice"]


def damaged(articles: list[dict], rng: random.Random, kinds: list[str]) -> tuple[str, str]:
    """(damaged text, original text) of a random article with the given kinds of defect."""
    k = rng.randrange(len(articles))
    art = articles[k]
    paras = list(art["paragraphs"][:rng.randint(5, len(art["paragraphs"]))])
    original = art["headline"] + "\n\n" + "\n\n".join(paras) + "\n"
    sep, blank_at, twice = "\n\n", None, None
    for kind in sorted(kinds, key=lambda kind: kind == "tag-line"):  # a tag line last: no edit falls on it
        i = rng.randrange(1, len(paras))
        if kind == "repeated":
            paras.insert(rng.randint(i + 1, len(paras)), paras[i])
        elif kind == "near-copy":
            words = paras[i].split()
            j = rng.randrange(len(words))
            words[j] += rng.choice([",", "s"])
            words.pop(rng.randrange(len(words)))
            paras.insert(rng.randint(i + 1, len(paras)), " ".join(words))
        elif kind == "off-topic":
            other = articles[(k + rng.randint(1, len(articles) - 1)) % len(articles)]
            paras.insert(rng.randint(2, len(paras)), rng.choice(other["paragraphs"][1:]))
        elif kind == "tag-glued":
            paras[i] += rng.choice([" ", ""]) + rng.choice(TAGS)
        elif kind == "tag-line":
            paras.insert(rng.randint(1, len(paras)), rng.choice(TAGS))
        elif kind == "trailing":
            paras[i] += rng.choice([" ", "  ", "\t"])
        elif kind in ("invisible", "control"):
            text = paras[i]
            at = rng.choice([n for n, c in enumerate(text) if c == " "]) + rng.choice([-2, 2])
            chars = INVISIBLE if kind == "invisible" else CONTROL
            paras[i] = text[:at] + rng.choice(chars) + text[at:]
        elif kind == "nbsp-lines":
            sep = rng.choice(["\n\u00a0\n", "\n \n"])
        elif kind == "blank-run":
            blank_at = rng.randrange(1, len(paras))
        elif kind == "body-twice":
            twice = rng.choice(["Advertisement", "Source: Reuters", "Read more", "(END)"])
    if twice:
        paras = paras + [twice] + paras
    seps = [sep] * len(paras)
    if blank_at is not None:
        seps[blank_at] = "\n" * rng.randint(3, 5)
    text = art["headline"] + seps[0] + "".join(p + s for p, s in zip(paras, seps[1:] + ["\n"]))
    return text, original


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=60)
    ap.add_argument("--combined", type=int, default=400)
    a = ap.parse_args()
    articles = tomllib.loads(DATA.read_text(encoding="utf-8"))["article"]
    linter = Linter.from_config(Config(), select=["ALL"])

    def restored(text: str, original: str) -> bool:
        return linter.fix(Document.from_bytes("probe.txt", text.encode()), unsafe=True).document.text == original

    for n, kind in enumerate(KINDS):
        rng = random.Random(1000 + n)
        ok = sum(restored(*damaged(articles, rng, [kind])) for _ in range(a.cases))
        print(f"  {kind:11} restored {ok}/{a.cases}")
    rng, ok, failed = random.Random(7), 0, Counter()
    for _ in range(a.combined):
        kinds = rng.sample(KINDS, rng.randint(2, 3))
        if restored(*damaged(articles, rng, kinds)):
            ok += 1
        else:
            failed[" + ".join(sorted(kinds))] += 1
    print(f"  two or three kinds together: restored {ok}/{a.combined}")
    for kinds, count in failed.most_common(8):
        print(f"    not restored {count}x: {kinds}")


if __name__ == "__main__":
    main()
