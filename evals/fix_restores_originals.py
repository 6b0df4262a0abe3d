"""Does `--fix --unsafe-fixes` give back the original? Defects injected into texts written for doclint.

    python -m evals.fix_restores_originals [--cases 60] [--combined 400]

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
body pasted again after a tag; a paragraph with typography (`café`, `it’s`,
`€5`) decoded with the wrong codec (mojibake); punctuation written as an HTML
entity (`&rsquo;`, `&amp;`); a minority of the line breaks written as CRLF.
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
# Typography an article may hold, and what an HTML entity makes of the punctuation among it
TYPOGRAPHY = ["café", "naïve", "€5", "“quoted”", "it’s", "—", "São Paulo", "Zürich", "façade", "…", "½", "Ærø"]
ENTITIES = {"&": ["&amp;"], "’": ["&#8217;", "&rsquo;"], "“": ["&ldquo;", "&#8220;"], "—": ["&mdash;", "&#8212;"],
            "…": ["&hellip;"], "\"": ["&quot;"]}
KINDS = ["repeated", "near-copy", "off-topic", "tag-glued", "tag-line", "trailing", "invisible", "control",
         "nbsp-lines", "blank-run", "body-twice", "mojibake", "entity", "crlf"]


def _sloppy_cp1252(text: str) -> str:
    """UTF-8 bytes read as Windows-1252, its five undefined bytes read as Latin-1 (as browsers and ftfy do)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def damaged(articles: list[dict], rng: random.Random, kinds: list[str]) -> tuple[str, str]:
    """(damaged text, original text) of a random article with the given kinds of defect."""
    k = rng.randrange(len(articles))
    art = articles[k]
    paras = list(art["paragraphs"][:rng.randint(5, len(art["paragraphs"]))])
    sep, blank_at, twice, crlf = "\n\n", None, None, False
    clean = list(paras)  # the original's paragraphs: typography an encoding defect damages is added to both
    for kind in [k for k in kinds if k in ("mojibake", "entity")]:  # first, while the paragraphs still align
        i = rng.randrange(1, len(paras))
        words = clean[i].split(" ")
        at = rng.randrange(1, len(words))
        if kind == "mojibake":  # an article with typography, one paragraph of it decoded with the wrong codec
            words.insert(at, rng.choice(TYPOGRAPHY))
            clean[i] = " ".join(words)
            paras[i] = _sloppy_cp1252(clean[i])
        else:  # punctuation written as an HTML entity
            char = rng.choice(list(ENTITIES))
            words.insert(at, {"“": "“so-called”", "\"": "\"so-called\""}.get(char, char))
            clean[i] = " ".join(words)
            paras[i] = clean[i].replace(char, rng.choice(ENTITIES[char]), 1)
    original = art["headline"] + "\n\n" + "\n\n".join(clean) + "\n"
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
        elif kind == "crlf":  # some line breaks written as CRLF (a file edited on two systems)
            crlf = True
        elif kind == "body-twice":
            twice = rng.choice(["Advertisement", "Source: Reuters", "Read more", "(END)", "* * *", "------"])
    if twice:
        paras = paras + [twice] + paras
    seps = [sep] * len(paras)
    if blank_at is not None:
        seps[blank_at] = "\n" * rng.randint(3, 5)
    text = art["headline"] + seps[0] + "".join(p + s for p, s in zip(paras, seps[1:] + ["\n"]))
    if crlf:  # a minority of the line breaks: the fix writes the file's majority ending
        lines = text.split("\n")
        crlfs = set(rng.sample(range(len(lines) - 1), rng.randint(1, (len(lines) - 2) // 2)))
        text = "".join(line + ("\r\n" if n in crlfs else "\n") for n, line in enumerate(lines[:-1])) + lines[-1]
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
