"""How many of each code's findings fall on a labelled defect, in a folder of hand-labelled real documents?

    python -m evals.findings_per_code ROOT [--select S] [--folders cnn mail ...]

ROOT holds `docs/<folder>/...` and `labels/<folder>.jsonl`, one JSON object per line with the document (`file`,
relative to ROOT), the defect's `kind`, the exact `quote` and its `occurrence` (1 = first), as the real-document
evaluation writes them. Each folder is checked as one run (`doclint check --no-cache --format json`, so corpus
rules learn from the folder), and for each code the findings are counted, with those whose span overlaps a
labelled quote. A finding on no label is a false alarm or a defect the labeller missed: read them before
counting them as either.
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path


def label_spans(root: Path, folder: str) -> dict[Path, list[tuple[int, int]]]:
    """The (start, end) code-point span of each labelled quote, by document."""
    spans: dict[Path, list[tuple[int, int]]] = collections.defaultdict(list)
    labels = root / "labels" / f"{folder}.jsonl"
    if not labels.exists():
        return spans
    for line in labels.read_text(encoding="utf-8").splitlines():
        label = json.loads(line)
        if not label.get("quote"):
            continue
        path = (root / label["file"]).resolve()
        text = path.read_bytes().decode("utf-8", errors="replace")
        at = -1
        for _ in range(label.get("occurrence", 1)):
            at = text.find(label["quote"], at + 1)
        if at >= 0:
            spans[path].append((at, at + len(label["quote"])))
    return spans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--select", default="ALL")
    parser.add_argument("--folders", nargs="*")
    args = parser.parse_args(argv)
    folders = args.folders or sorted(p.name for p in (args.root / "docs").iterdir() if p.is_dir())
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for folder in folders:
        run = subprocess.run([sys.executable, "-m", "doclint", "check", "--no-cache", "--format", "json", "--select",
                              args.select, str(args.root / "docs" / folder)], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print(f"{folder}: doclint exited {run.returncode}: {run.stderr.strip()[-300:]}", file=sys.stderr)
            return 2
        spans = label_spans(args.root, folder)
        for d in json.loads(run.stdout)["diagnostics"]:
            labelled = spans.get(Path(d["path"]).resolve(), [])
            counts[d["code"]][0] += 1
            counts[d["code"]][1] += any(a < d["end"] and d["start"] < b for a, b in labelled)
    print(f"{'code':6} {'findings':>8} {'on a label':>10}")
    for code in sorted(counts):
        print(f"{code:6} {counts[code][0]:8} {counts[code][1]:10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
