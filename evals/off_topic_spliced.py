"""Off-topic rule against paragraphs spliced into a folder of real articles, by kind of intruder.

    python -m evals.off_topic_spliced FOLDER [--labels labels.jsonl] [--seed 1]

FOLDER holds clean articles, one per .txt file (with `--labels`, a JSON Lines
file of {"doc": "docs/NAME.txt", "category": ..., "defects": [...]} as the
evaluation corpus has, only the documents without defects are used and the
category tells same-section from other-section donors). For each kind of
intruder (other or same section; in the middle or as the very last
paragraph), every article receives one paragraph of another article, and the
folder of spliced articles is checked in one run (`doclint check --select
T101`), so corpus statistics are as in a real run. Prints recall per kind,
precision, and how many unspliced articles are flagged. Nothing is written
outside a temporary folder.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

KINDS = [("other", "middle"), ("other", "end"), ("same", "middle"), ("same", "end")]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def _check(folder: Path, config: Path) -> dict[str, list[tuple[int, int]]]:
    p = subprocess.run([sys.executable, "-m", "doclint", "check", "--config", str(config), "--no-cache", "--select",
                        "T101", "--format", "json", str(folder)], capture_output=True, text=True)
    found: dict[str, list[tuple[int, int]]] = {}
    for d in json.loads(p.stdout)["diagnostics"]:
        found.setdefault(Path(d["path"]).name, []).append((d["line"], d["end_line"]))
    return found


def articles_of(folder: Path, labels: Path | None) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The clean articles of six paragraphs or more (name -> paragraphs), and each one's category."""
    category = {}
    if labels:
        for line in labels.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if not rec["defects"]:
                category[Path(rec["doc"]).name] = rec.get("category", "")
    names = sorted(p.name for p in folder.glob("*.txt") if not labels or p.name in category)
    articles = {n: _paragraphs((folder / n).read_text(encoding="utf-8")) for n in names}
    return {n: paras for n, paras in articles.items() if len(paras) >= 6}, category


def spliced(articles, category, section: str, where: str, rng) -> dict[str, tuple[str, int]]:
    """Each article with a paragraph of another article ("same" or "other" section) inserted in the "middle" or
    at the "end": name -> (text, the intruder's first line)."""
    out = {}
    for n, paras in articles.items():
        donors = [m for m in articles if m != n and (category.get(m) == category.get(n)) == (section == "same")]
        if not donors:
            continue
        donor = articles[rng.choice(donors)]
        intruder = rng.choice([p for p in donor[1:] if len(p.split()) >= 25] or donor[1:])
        at = len(paras) if where == "end" else rng.randrange(2, len(paras) - 1)
        body = paras[:at] + [intruder] + paras[at:]
        out[n] = "\n\n".join(body) + "\n", 1 + sum(p.count("\n") + 2 for p in body[:at])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--labels", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                    help='an option of the rule, in TOML: --option threshold=0.6 --option backend=\'"lexical"\'')
    a = ap.parse_args()
    articles, category = articles_of(a.folder, a.labels)
    rng = random.Random(a.seed)
    with tempfile.TemporaryDirectory(prefix="doclint-splice-") as tmp:
        config = Path(tmp) / "doclint.toml"
        config.write_text("[rules.off-topic-paragraph]\n" + "".join(f"{o}\n" for o in a.option), encoding="utf-8")
        clean = Path(tmp) / "clean"
        clean.mkdir()
        for n, paras in articles.items():
            (clean / n).write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        clean_flagged = len(_check(clean, config))
        total_found = total_flags = total_right = 0
        print(f"{len(articles)} articles of 6 paragraphs or more; clean articles flagged: {clean_flagged}")
        for section, where in KINDS:
            folder = Path(tmp) / f"{section}-{where}"
            folder.mkdir()
            inserted: dict[str, int] = {}
            for n, (text, line) in spliced(articles, category, section, where, rng).items():
                inserted[n] = line
                (folder / n).write_text(text, encoding="utf-8")
            found = _check(folder, config)
            hits = sum(any(lo <= inserted[n] <= hi for lo, hi in found.get(n, [])) for n in inserted)
            flags = sum(len(v) for v in found.values())
            right = sum(1 for n, spans in found.items() for lo, hi in spans if n in inserted and lo <= inserted[n] <= hi)
            total_found, total_flags, total_right = total_found + hits, total_flags + flags, total_right + right
            print(f"  {section:5}-section intruder, {where:6}: recall {hits / max(1, len(inserted)):.3f} "
                  f"({hits}/{len(inserted)}), precision {right / max(1, flags):.3f}")
        print(f"  all: precision {total_right / max(1, total_flags):.3f}")


if __name__ == "__main__":
    main()
