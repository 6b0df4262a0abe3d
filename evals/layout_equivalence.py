"""Do hard-wrapped and one-line versions of the same documents give the same findings?

    python -m evals.layout_equivalence DOCS LABELS [--width 70] [--show 5]

DOCS is a folder of labelled documents and LABELS their labels in the evaluation corpus's format (one JSON object
per line: `{"doc": ..., "defects": [{"type", "start_line", "end_line"}, ...]}`, lines 1-based). Each document is
checked as it is, re-wrapped at `--width` columns (paragraphs kept, separated by blank lines) and with its
paragraphs joined into one line (as datasets store articles). A defect counts as found in a layout when a
finding of its category covers any of its characters: characters are matched across layouts by their rank among
the text's non-space characters, which the layouts keep. Whitespace defects do not survive a re-wrap and are
not counted. Prints, per layout and category, the defects found and the findings that cover none (false alarms),
and the documents where the layouts disagree.
"""
from __future__ import annotations

import argparse
import bisect
import json
import textwrap
from collections import Counter
from pathlib import Path

from doclint.config import Config
from doclint.document import Document
from doclint.engine import Linter

CATEGORIES = ("duplicate", "off-topic", "source-tag", "encoding")


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs: runs of lines between blank lines, each with its lines joined by spaces."""
    out, current = [], []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def wrapped(text: str, width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False, replace_whitespace=False)
                       for p in paragraphs(text)) + "\n"


def one_line(text: str) -> str:
    return " ".join(paragraphs(text)) + "\n"


def ranks(text: str) -> list[int]:
    """Offsets of the text's non-space characters, in order (rank -> offset)."""
    return [i for i, c in enumerate(text) if not c.isspace()]


def to_ranks(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    return bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, end)


def findings(linter: Linter, name: str, text: str) -> list[tuple[str, int, int]]:
    document = Document.from_bytes(name, text.encode("utf-8"))
    offsets = ranks(document.text)
    return [(d.category, *to_ranks(offsets, d.start, max(d.end, d.start + 1)))
            for d in linter.check(document) if d.category in CATEGORIES]


def defect_ranks(text: str, defect: dict) -> tuple[int, int]:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:defect["start_line"] - 1])
    end = sum(len(line) + 1 for line in lines[:defect["end_line"]]) - 1
    return to_ranks(ranks(text), start, end)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", type=Path)
    ap.add_argument("labels", type=Path)
    ap.add_argument("--width", type=int, default=70)
    ap.add_argument("--show", type=int, default=5)
    a = ap.parse_args()
    linter = Linter.from_config(Config())
    layouts = {"original": lambda t: t, f"wrapped at {a.width}": lambda t: wrapped(t, a.width), "one line": one_line}
    found = {name: Counter() for name in layouts}
    false = {name: Counter() for name in layouts}
    total = Counter()
    disagree = []
    for row in map(json.loads, a.labels.read_text("utf-8").splitlines()):
        path = a.docs / Path(row["doc"]).name
        original = path.read_text("utf-8", errors="replace")
        defects = [(d["type"], defect_ranks(original, d)) for d in row["defects"] if d["type"] in CATEGORIES]
        total.update(kind for kind, _ in defects)
        seen = {}
        for layout, make in layouts.items():
            diags = findings(linter, path.name, make(original))
            hit = [any(c == kind and s < e2 and s2 < e for c, s, e in diags) for kind, (s2, e2) in defects]
            found[layout].update(kind for (kind, _), ok in zip(defects, hit) if ok)
            false[layout].update(c for c, s, e in diags
                                 if not any(c == kind and s < e2 and s2 < e for kind, (s2, e2) in defects))
            seen[layout] = tuple(hit)
        if len(set(seen.values())) > 1:
            disagree.append((path.name, seen))
    for layout in layouts:
        cells = "  ".join(f"{c} {found[layout][c]}/{total[c]} ({false[layout][c]} false)" for c in CATEGORIES)
        print(f"{layout:16} {cells}")
    print(f"documents where the layouts disagree: {len(disagree)}")
    for name, seen in disagree[:a.show]:
        print(" ", name, {k: "".join("x" if h else "." for h in v) for k, v in seen.items()})


if __name__ == "__main__":
    main()
