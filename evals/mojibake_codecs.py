"""How much mojibake of each codec `doclint check --fix` repairs, on texts of your choice.

    python -m evals.mojibake_codecs FOLDER [--codecs cp1252 mac_roman cp1251 cp437 cp1250]

Every .txt file of FOLDER is taken as clean. For each codec, a copy of every
file whose second paragraph has non-ASCII characters gets that paragraph
encoded as UTF-8 and decoded with the codec (as a page saved in one encoding
and read in another); the copies are fixed in one run (`doclint check --fix
--unsafe-fixes --select E101` in a temporary folder) and compared with the
originals word by word. Prints, per codec, the damaged words before and after
the fix and the files restored exactly; then, with one damaged phrase added to
each clean file instead, in how many files the fix changes that phrase and
nothing else. Texts in languages other than English
exercise the codecs best: Windows Cyrillic needs Cyrillic text.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path


def damaged(text: str, codec: str) -> str | None:
    paras = text.split("\n\n")
    if len(paras) < 2 or paras[1].isascii():
        return None
    try:
        paras[1] = paras[1].encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return None  # a byte the codec does not define
    return "\n\n".join(paras)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--codecs", nargs="+", default=["cp1252", "mac_roman", "cp1251", "cp437", "cp1250"])
    a = ap.parse_args()
    clean = {p.name: p.read_text(encoding="utf-8") for p in sorted(a.folder.glob("*.txt"))}
    for codec in a.codecs:
        with tempfile.TemporaryDirectory(prefix="doclint-mojibake-") as tmp:
            before = {}
            for name, text in clean.items():
                bad = damaged(text, codec)
                if bad is not None and len(bad.split()) == len(text.split()):
                    before[name] = bad
                    (Path(tmp) / name).write_text(bad, encoding="utf-8")
            subprocess.run([sys.executable, "-m", "doclint", "check", "--isolated", "--no-cache", "--quiet",
                            "--select", "E101", "--fix", "--unsafe-fixes", tmp], capture_output=True)
            words_before = words_after = exact = 0
            for name, bad in before.items():
                fixed = (Path(tmp) / name).read_text(encoding="utf-8")
                gold = clean[name].split()
                words_before += sum(x != y for x, y in zip(bad.split(), gold))
                words_after += sum(x != y for x, y in zip(fixed.split(), gold)) if len(fixed.split()) == len(gold) \
                    else len(gold)
                exact += fixed == clean[name]
        print(f"{codec:10} {len(before):4} files: damaged words {words_before} -> {words_after}, "
              f"restored exactly {exact}/{len(before)}; {_phrase_only(clean, codec)}")


PHRASE = {"cp1251": "Привет, «мир»"}  # what is damaged in otherwise clean texts: Windows Cyrillic needs Cyrillic
PHRASE_LATIN = "it’s café — «ok»"


def _phrase_only(clean: dict[str, str], codec: str) -> str:
    """One damaged phrase added to each clean text's first paragraph: in how many texts `--fix` changes the
    phrase back and nothing else (the repairs of what ftfy declines must not touch the texts' own characters)."""
    good = PHRASE.get(codec, PHRASE_LATIN)
    bad = good.encode("utf-8").decode(codec)
    with tempfile.TemporaryDirectory(prefix="doclint-mojibake-") as tmp:
        want = {}
        for name, text in clean.items():
            first, _, rest = text.partition("\n\n")
            want[name] = f"{first} {good}\n\n{rest}" if rest else f"{first} {good}"
            (Path(tmp) / name).write_text(want[name].replace(good, bad, 1), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "doclint", "check", "--isolated", "--no-cache", "--quiet",
                        "--select", "E101", "--fix", "--unsafe-fixes", tmp], capture_output=True)
        only = sum((Path(tmp) / name).read_text(encoding="utf-8") == want[name] for name in clean)
    return f"a damaged phrase in each clean text: only it repaired in {only}/{len(clean)}"


if __name__ == "__main__":
    main()
