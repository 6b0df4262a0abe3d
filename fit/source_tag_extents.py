"""Fit the source-tag scanner's extent weights: where a teaser's headline or a source's name glued before a
paragraph ends (ExtentWeights in rules/source_tag.py).

    python -m fit.source_tag_extents FOLDER [--cases 600] [--seed 5] [--rounds 2]

FOLDER holds clean articles, one per .txt file, each opening with its headline (the evaluation corpus's `gold/`
folder is one; it is read, never copied). Cases are made as evals/source_tag_glued_teasers.py makes them: a
teaser cue and another article's headline (`Read more: <headline> <paragraph>`), or a credit's cue and a
source's name from its lists (`Source: Dhaka Tribune <paragraph>`), glued before a paragraph of an article (the
third or later); and the news openings of evals/source_tag_teaser_extents.py after its teasers (in both
halves: they hold the openings that a folder of articles has too few of). Each case asks the scanner where the
tag glued to the line's start ends; the answer is right when it is exactly the glued tag.

The folder's articles are split in two halves (even and odd places). The weights are fitted on the first half by
coordinate ascent: each weight in turn tries its value times 0, 0.5, 0.75, 1.25, 1.5 and 2 and plus or minus
0.5 and 1 (whole numbers move by one), and keeps the value that gets the most extents right (the current value
on ties), for `--rounds` rounds. Printed: the extents right with the rule's weights and with the fitted ones, on both halves, by kind,
and each weight the fit moved. The second half says whether a move generalises.
"""
from __future__ import annotations

import argparse
import dataclasses
import random
from pathlib import Path

from evals import source_tag_teaser_extents as openings
from evals import source_tag_glued_teasers as glued_teasers
from evals.source_tag_glued_teasers import CREDITS, CUES

from doclint.document import Document
from doclint.rules import source_tag

FACTORS = (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)  # a weight's value times these
STEPS = (-1.0, -0.5, 0.5, 1.0)  # and plus these (a weight at 0 can move)


@dataclasses.dataclass
class Case:
    kind: str  # "teaser" or "credit"
    document: Document
    line: int  # the line the tag is glued to
    length: int  # the tag's length: the right extent


def make_cases(texts: list[str], half: int, cases: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    pool = [n for n in range(len(texts)) if n % 2 == half]
    heads = [t.split("\n", 1)[0].strip() for t in texts]
    names = [c for c in CREDITS["first"] + CREDITS["second"] if c[:1].isalpha() and ":" in c or c.startswith("Image")]
    out = []
    for n in range(cases):
        drawn = glued_teasers.draw(rng, texts, pool, heads)
        if drawn is None:
            continue
        paras, at, headline = drawn
        kind = "teaser" if n % 2 == 0 else "credit"
        tag = rng.choice(CUES) + headline if kind == "teaser" else rng.choice(names)
        text = glued_teasers.glued(paras, at, tag)
        document = Document.from_bytes("case.txt", text.encode("utf-8"))
        line = text[:text.index(tag + " " + paras[at])].count("\n")
        out.append(Case(kind, document, line, len(tag)))
    return out


def opening_cases() -> list[Case]:
    """The news openings of evals/source_tag_teaser_extents.py, each after every teaser: paragraphs that open with
    a title and a name, a party and a role, an organisation (written for doclint; the same in both halves)."""
    out = []
    for opening in openings.OPENINGS:
        for teaser in openings.TEASERS:
            for cue in openings.CUES:
                paras = openings.BEFORE + [cue + teaser + " " + opening, openings.AFTER]
                text = openings.HEADLINE + "\n\n" + "\n\n".join(paras) + "\n"
                line = 2 * (1 + len(openings.BEFORE))
                out.append(Case("opening", Document.from_bytes("case.txt", text.encode("utf-8")), line,
                                len(cue + teaser)))
    return out


def right(cases: list[Case], weights) -> dict[str, int]:
    """How many cases, by kind, the scanner cuts exactly with these weights."""
    rule, source_tag.WEIGHTS = source_tag.WEIGHTS, weights
    try:
        scan = source_tag.Scanner(source_tag.Options())
        counts = {"teaser": 0, "credit": 0, "opening": 0}
        for case in cases:
            document = case.document
            for key in [k for k in document._analyses if k[0] is source_tag._UsualLength]:
                del document._analyses[key]  # the usual headline length depends on the weights
            content = document.line_text(case.line)
            tags = scan._tags(content, 0, len(content.rstrip()), document, True, True)
            counts[case.kind] += any(t.start == 0 and t.end == case.length for t in tags)
        return counts
    finally:
        source_tag.WEIGHTS = rule


def candidates(value):
    if isinstance(value, int):
        return [value - 1, value + 1]
    return sorted({round(value * f, 3) for f in FACTORS} | {round(value + d, 3) for d in STEPS} - {value})


def fit(cases: list[Case], start, rounds: int, frozen: set[str] = frozenset()):
    best, best_score = start, sum(right(cases, start).values())
    for _ in range(rounds):
        moved = False
        for field in dataclasses.fields(best):
            if field.name in frozen:
                continue
            for value in candidates(getattr(best, field.name)):
                trial = dataclasses.replace(best, **{field.name: value})
                score = sum(right(cases, trial).values())
                if score > best_score:
                    best, best_score, moved = trial, score, True
        if not moved:
            break
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--cases", type=int, default=600, help="cases drawn per half (some are skipped)")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--freeze", nargs="*", default=[], metavar="WEIGHT", help="weights the fit leaves as they are")
    a = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(a.folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"{a.folder}: no .txt articles")
    fixed = opening_cases()
    halves = [make_cases(texts, half, a.cases, a.seed + half) + fixed for half in (0, 1)]
    rule = source_tag.ExtentWeights()
    unknown = set(a.freeze) - {f.name for f in dataclasses.fields(rule)}
    if unknown:
        raise SystemExit(f"no such weight: {', '.join(sorted(unknown))}")
    fitted = fit(halves[0], rule, a.rounds, set(a.freeze))
    for name, weights in (("rule's weights", rule), ("fitted on half 0", fitted)):
        for half, cases in enumerate(halves):
            counts = right(cases, weights)
            total = {k: sum(c.kind == k for c in cases) for k in counts}
            shown = ", ".join(f"{k} {counts[k]}/{total[k]}" for k in counts)
            print(f"{name:17} half {half}: extents right: {shown}")
    moves = [(f.name, getattr(rule, f.name), getattr(fitted, f.name)) for f in dataclasses.fields(rule)
             if getattr(rule, f.name) != getattr(fitted, f.name)]
    print("moved:", ", ".join(f"{n} {a} -> {b}" for n, a, b in moves) if moves else "none (the rule's weights are "
          "a local optimum on half 0)")


if __name__ == "__main__":
    main()
