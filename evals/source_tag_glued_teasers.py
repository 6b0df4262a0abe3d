"""Where does a tag glued to a paragraph end? Teasers and credits glued into a folder of real articles.

    python -m evals.source_tag_glued_teasers FOLDER [--cases 800] [--seed 1] [--show N] [--corpus]
    python -m evals.source_tag_glued_teasers FOLDER --credits first|second [--cases 3000] [--seed 3]

FOLDER holds clean articles, one per .txt file, each opening with its headline
on the first line (the evaluation corpus's `gold/` folder is one). Each case
takes an article and a paragraph of it (the third or later) and glues before
that paragraph a teaser cue (`Read more: `, `Also read: `) and the headline of
another article of the folder, as a scraper leaves a link to another story:
`Read more: <their headline> <the paragraph>`. The article is checked and fixed
in-process with the source-tag scanner's rules alone (S111-S114, selected by their old code S101). Prints, for each half of the folder (its
files in even and in odd places, so that one half can be used to choose and
the other to confirm), how many teasers were found, fixed exactly, cut too long
(the fix took words of the paragraph) and too short (it left words of the
headline), and a few of each to read with `--show N`. With `--corpus`, the
rule knows the headlines of the folder's documents, as in a run over the
folder with twenty files or more (corpus statistics): the teasers' headlines
are all among them, as on a site whose teasers link to its own stories.

With `--credits`, each case glues instead one of the credits below (a source's
name after a cue, as dev's `Source:` and `Image copyright` tags, and a few of
other kinds) before a paragraph (the third or later) or after it (after a
space, or with none, as a scraper joins two pieces of text), and counts the
documents the fix gives back exactly, by place. The `first` list was written
before the rule's credit names were changed for it (and used while changing
them), the `second` after the first of those changes (and used for the rest).
"""
from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from doclint.config import Config
from doclint.document import Document
from doclint.engine import Linter

CUES = ["Read more: ", "Also read: "]
CREDITS = {
    "first": ["Image copyright Getty Images", "Image copyright AFP", "Image copyright Reuters", "Image copyright PA",
              "Image copyright EPA", "Image copyright BBC", "Image copyright AP", "Image copyright Science Photo Library",
              "Source: Reuters", "Source: The Daily Star", "Source: Dhaka Tribune", "Source: AFP", "Source: BBC News",
              "Source: Prothom Alo", "Source: The Guardian", "Source: Al Jazeera", "Source: Xinhua", "Source: New Age",
              "Photo: AFP", "Photo: Reuters", "Picture: PA", "Source: www.tbsnews.com", "Source: bdnews24.com",
              "(Source: Reuters)", "(With inputs from PTI)", "(Source: The Financial Express)",
              "Follow us on Twitter @dailystar", "Click here to subscribe to our newsletter.",
              "Read more: Oil prices hit record high"],
    "second": ["Source: The Hindu", "Source: Kathmandu Post", "Source: Gulf News", "Source: South China Morning Post",
               "Photo: Bloomberg", "Image copyright Alamy", "Source: The Straits Times", "Source: Irish Examiner",
               "Source: Evening Standard", "Source: Financial Times", "Image copyright Shutterstock", "Source: Arab News",
               "Source: Deutsche Welle", "Source: Le Monde", "Source: Khaleej Times", "Picture: Getty", "Source: Dawn",
               "Image copyright Mirrorpix", "Source: Sky News", "Source: The Telegraph",
               "Image copyright Press Association", "Source: Anadolu Agency"],
}


def draw(rng, texts: list[str], pool: list[int], heads: list[str]):
    """(the host article's paragraphs, the paragraph to glue before, another article's headline), drawn from the
    pool, or None when the draw is unusable (the same article, too few paragraphs, no headline)."""
    host, other = rng.choice(pool), rng.choice(pool)
    paras = texts[host].rstrip("\n").split("\n\n")
    if host == other or len(paras) < 5 or not heads[other]:
        return None
    return paras, rng.randrange(2, len(paras)), heads[other]


def glued(paras: list[str], at: int, tag: str) -> str:
    """The article with the tag glued before its paragraph `at`."""
    return "\n\n".join(paras[:at] + [tag + " " + paras[at]] + paras[at + 1:]) + "\n"


def run(linter, texts: list[str], half: int, cases: int, seed: int, show: int) -> Counter:
    rng = random.Random(seed)
    pool = [n for n in range(len(texts)) if n % 2 == half]
    heads = [t.split("\n", 1)[0].strip() for t in texts]
    counts, shown = Counter(), Counter()
    for _ in range(cases):
        drawn = draw(rng, texts, pool, heads)
        if drawn is None:
            continue
        paras, at, headline = drawn
        tag = rng.choice(CUES) + headline
        text = glued(paras, at, tag)
        start = text.index(tag + " " + paras[at])
        document = Document.from_bytes("teaser.txt", text.encode("utf-8"))
        found = [d for d in linter.check(document) if d.start == start]
        if not found:
            counts["missed"] += 1
            continue
        end, true_end = found[0].end, start + len(tag)
        kind = "exact" if end == true_end else "too long" if end > true_end else "too short"
        counts[kind] += 1
        if kind != "exact" and shown[kind] < show:
            shown[kind] += 1
            print(f"  {kind:9} {tag!r} | {paras[at][:40]!r}... -> took {text[start:end][len(tag) - 15:]!r}")
    return counts


def credits(linter, texts: list[str], names: list[str], cases: int, seed: int, show: int) -> None:
    rng = random.Random(seed)
    total, exact, shown = Counter(), Counter(), 0
    for _ in range(cases):
        clean = texts[rng.randrange(len(texts))]
        paras = clean.rstrip("\n").split("\n\n")
        if len(paras) < 5:
            continue
        at, tag, where = rng.randrange(2, len(paras)), rng.choice(names), rng.choice(["start", "end", "end, no space"])
        glued = {"start": tag + " " + paras[at], "end": paras[at] + " " + tag, "end, no space": paras[at] + tag}[where]
        text = "\n\n".join(paras[:at] + [glued] + paras[at + 1:]) + "\n"
        fixed = linter.fix(Document.from_bytes("credit.txt", text.encode("utf-8")), unsafe=True).document.text
        total[where] += 1
        exact[where] += fixed == clean
        if fixed != clean and shown < show:
            shown += 1
            print(f"  {where:5} {glued[:90]!r}")
    for where in total:
        print(f"glued to the {where:13} of a paragraph: {total[where]}, fixed exactly {exact[where]} "
              f"({exact[where] / total[where]:.3f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--cases", type=int, help="cases drawn (per half for teasers; some are skipped): 800 teasers, "
                                                "3000 credits")
    ap.add_argument("--seed", type=int, help="1 for teasers, 3 for credits")
    ap.add_argument("--credits", choices=sorted(CREDITS), help="glue credits from this list instead of teasers")
    ap.add_argument("--corpus", action="store_true", help="with the folder's corpus statistics (its headlines)")
    ap.add_argument("--show", type=int, default=0, help="print this many wrong extents of each kind")
    a = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(a.folder.glob("*.txt"))]
    linter = Linter.from_config(Config(), select=["S101"])
    if a.corpus:
        from doclint.runner import _stats_of

        linter.context.corpus = _stats_of(sorted(a.folder.glob("*.txt")))
    if a.credits:
        credits(linter, texts, CREDITS[a.credits], a.cases or 3000, 3 if a.seed is None else a.seed, a.show)
        return
    a.cases, a.seed = a.cases or 800, 1 if a.seed is None else a.seed
    for half in (0, 1):
        c = run(linter, texts, half, a.cases, a.seed, a.show)
        total = sum(c.values())
        print(f"half {half}: {total} teasers, found {total - c['missed']}, fixed exactly {c['exact']} "
              f"({c['exact'] / max(total, 1):.3f}), too long {c['too long']}, too short {c['too short']}")


if __name__ == "__main__":
    main()
