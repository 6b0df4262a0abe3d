"""Off-topic rule against paragraphs in another language or script, spliced into our own English articles.

    python -m evals.off_topic_languages FOLDER

FOLDER holds paragraphs in other languages, one per .txt file, named after their
language (`zh_CN_0.txt`, `ar_AA_3.txt`: the text before the last underscore is
the language). Each is inserted in the middle of each article of
tests/data/articles.toml (cut to its first six paragraphs), and the articles are
checked with `off-topic-paragraph` alone, in-process. Prints, per language, how
many spliced paragraphs were flagged and how many findings say why (another
language or script); then the false alarms: findings on the clean articles and
on the articles with a short quotation in the other language (one sentence of
under 20 letters inside an English paragraph), which must be none.

Paragraphs in many languages are quickly had from Faker (not a dependency):
`pip install --target /tmp/fk faker`, then, with PYTHONPATH=/tmp/fk,
`Faker(locale).paragraph(nb_sentences=4)` for each locale.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from doclint.config import load_config
from doclint.document import Document
from doclint.engine import Linter

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles.toml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    a = ap.parse_args()
    linter = Linter.from_config(load_config(isolated=True), select=["T101"])
    articles = tomllib.loads(DATA.read_text(encoding="utf-8"))["article"]
    foreign = {p.stem: p.read_text(encoding="utf-8").strip() for p in sorted(a.folder.glob("*.txt"))}

    def findings(headline: str, paragraphs: list[str]) -> list:
        text = headline + "\n\n" + "\n\n".join(paragraphs) + "\n"
        return list(linter.check(Document.from_bytes("article.txt", text.encode("utf-8"))))

    total, found, explained = Counter(), Counter(), Counter()
    false_alarms = clean = 0
    for art in articles:
        paras = art["paragraphs"][:6]
        clean += 1
        false_alarms += bool(findings(art["headline"], paras))
        for name, text in foreign.items():
            language = name.rsplit("_", 1)[0]
            total[language] += 1
            diagnostics = findings(art["headline"], paras[:3] + [text] + paras[3:])
            at = [d for d in diagnostics if d.line == 9]  # headline, then three paragraphs: the fourth is on line 9
            found[language] += bool(at)
            explained[language] += any("another language" in d.message or "another script" in d.message
                                       for d in at)
            false_alarms += any(d not in at for d in diagnostics)
            quote = next((s for s in text.replace("。", ".").split(".") if 3 <= len(s.strip()) < 20), None)
            if quote:
                clean += 1
                quoted = paras[:2] + [paras[2] + f' The sign read "{quote.strip()}."'] + paras[3:]
                false_alarms += bool(findings(art["headline"], quoted))
    print(f"{len(articles)} articles, {len(foreign)} paragraphs in {len(total)} languages")
    for language in sorted(total):
        print(f"  {language:8} flagged {found[language]:3}/{total[language]}, explained {explained[language]}")
    print(f"  all      flagged {sum(found.values())}/{sum(total.values())}, explained {sum(explained.values())}")
    print(f"false alarms: {false_alarms} (clean articles and articles quoting a short phrase: {clean})")


if __name__ == "__main__":
    main()
