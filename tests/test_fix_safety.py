"""The fix-safety policy (README, "Fix safety"): a safe fix deletes only what is certainly not the author's text.

Property, over real documents (the project's own pages and articles) with leftovers of every kind glued into
them at random: after `--fix` (safe fixes only, as many passes as it takes), every word of the author's text is
still there, and every word that went was inside the span of a finding whose safe fix the policy allows on the
document as checked before fixing. A later pass that deleted a word no finding named at the start would fail it.
"""
from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, make_linter
from doclint.document import Document
from doclint.fixer import MAX_PASSES, apply_edits, select_fixes

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

LINTER = make_linter()
WORD = re.compile(r"\S+")
ARTICLES = tomllib.loads((ROOT / "tests" / "data" / "articles.toml").read_text("utf-8"))["article"]
PAGES = [path for path in [ROOT / "README.md", ROOT / "ARCHITECTURE.md", *sorted((ROOT / "docs").glob("*.md"))]
         if path.exists()]
# Leftovers written for this test, of the kinds the rules read: closed tags, credits, prompts, furniture, damage.
LEFTOVERS = ["(Source: www.example.com)", "(AP)", "Follow us on Twitter @example", "Advertisement",
             "Jane Doe and John Roe contributed to this report.", "Read more: Markets fall again",
             "Click here to subscribe to our newsletter.", "Visit www.example.com for more news.",
             "Sent from my iPhone", "Tom &amp; Jerry", "caf\u00c3\u00a9", "it\u00e2\u20ac\u2122s", "\u200b",
             "[FACEBOOK]: http://www.facebook.com/example", "(With inputs from PTI)", "Image copyright Getty Images"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _article(n: int) -> str:
    article = ARTICLES[n % len(ARTICLES)]
    return article["headline"] + "\n\n" + "\n\n".join(article["paragraphs"]) + "\n"


def _page(n: int) -> tuple[str, str]:
    path = PAGES[n % len(PAGES)]
    return path.name, path.read_text("utf-8")


def _spliced(text: str, inserts: list[tuple[int, int, int]]) -> tuple[str, Counter]:
    """The text with leftovers glued in at paragraph boundaries, (paragraph, leftover, how) each, `how` being on a
    line of its own, glued before the paragraph, or glued after it; and the words put in."""
    paras, put = text.split("\n\n"), Counter()
    for where, which, how in inserts:
        n = where % len(paras)
        tag = LEFTOVERS[which % len(LEFTOVERS)]
        lines = paras[n].strip("\n").split("\n")
        if (how % 3 == 1 and _FENCE.match(lines[0])) or (how % 3 == 2 and _FENCE.match(lines[-1])):
            how = 0  # text glued to a code fence unpairs the fences: code and prose trade places
        paras[n] = [f"{tag}\n\n{paras[n]}", f"{tag} {paras[n]}", f"{paras[n].rstrip()} {tag}"][how % 3]
        put += Counter(WORD.findall(tag))
    return "\n\n".join(paras), put


_FENCE = re.compile(r"\s*(?:```|~~~)")


def _lost_words(before: str, after: str) -> Counter:
    """The words of `before` that `after` no longer holds, counted (a word deleted from one of two identical
    passages is lost once, whichever copy a diff would name)."""
    return Counter(WORD.findall(before)) - Counter(WORD.findall(after))


def _check_policy(name: str, original: str, inserts) -> None:
    """--fix takes only words that were put in; and in each pass, only words of the findings it fixes."""
    text, put = _spliced(original, inserts)
    document = Document.from_bytes(name, text.encode("utf-8"))
    for _ in range(MAX_PASSES):
        safe = [d for d in LINTER.check(document) if d.fix and d.fix.is_safe]
        if not safe:
            break
        chosen = {id(f) for f in select_fixes([d.fix for d in safe])}
        taken = [d for d in safe if id(d.fix) in chosen]
        allowed = Counter()
        for d in taken:  # the words a safe fix may take or change: those its finding's span touches
            allowed += Counter(m.group() for m in WORD.finditer(document.text)
                               if m.start() <= d.end and d.start <= m.end())
        after = apply_edits(document.text, [e for d in taken for e in d.fix.edits])
        assert not _lost_words(document.text, after) - allowed, (name, dict(_lost_words(document.text, after)))
        document = document.with_text(after, transcode=any(d.fix.transcode for d in taken))
    lost = _lost_words(text, document.text)
    assert not lost - put, (name, "the author's words", dict(lost - put))


@SETTINGS
@given(st.integers(0, 100), st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50), st.integers(0, 2)),
                                      max_size=4))
def test_safe_fixes_delete_no_word_of_an_article_outside_a_finding_allowed_to(n, inserts):
    _check_policy("article.txt", _article(n), inserts)


@SETTINGS
@given(st.integers(0, 100), st.lists(st.tuples(st.integers(0, 500), st.integers(0, 50), st.integers(0, 2)),
                                      max_size=3))
def test_safe_fixes_delete_no_word_of_a_documentation_page_outside_a_finding_allowed_to(n, inserts):
    name, text = _page(n)
    _check_policy(name, text, inserts)


def test_the_pages_and_articles_as_written_lose_no_word_to_safe_fixes():
    for name, text in [_page(n) for n in range(len(PAGES))] + [(f"{n}.txt", _article(n)) for n in range(8)]:
        document = Document.from_bytes(name, text.encode("utf-8"))
        assert not _lost_words(document.text, LINTER.fix(document).document.text), name
