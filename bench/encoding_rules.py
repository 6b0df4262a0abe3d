"""Throughput of the encoding rules together on clean text (one core, in-process).

    python -m bench.encoding_rules [--mb 20] [--runs 5]

The text is the seed's article body (curly quotes, dashes, accents: clean but
not ASCII), repeated to the requested size, as one document of many lines.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from doclint.config import Config
from doclint.engine import Linter

from bench.harness import time_check

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_cde6c8420819af79.txt"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    body = SEED.read_text(encoding="utf-8").replace("\u00a0", "") + " Café naïve São Paulo — “quoted” £5.\n"
    text = body * int(a.mb * 1e6 / len(body.encode()) + 1)
    data = text.encode("utf-8")
    linter = Linter.from_config(Config(), select=["encoding"])
    med, fastest, found = time_check(linter, data, a.runs)
    print(f"encoding rules ({len(linter.rules)}) on {len(data) / 1e6:.1f} MB of clean text: "
          f"median {med:.3f} s = {len(data) / med / 1e6:.1f} MB/s (min {fastest:.3f} s); diagnostics {found}")


if __name__ == "__main__":
    main()
