"""The fitting script of the source-tag scanner's extent weights (fit/source_tag_extents.py) on the articles
written for doclint: its cases are cut as the scanner cuts them, and its search finds a better weight when one
is broken."""
import dataclasses
import tomllib
from pathlib import Path

from fit import source_tag_extents as fitting

from doclint.rules import source_tag

ARTICLES = Path(__file__).parent / "data" / "articles.toml"


def _texts() -> list[str]:
    articles = tomllib.loads(ARTICLES.read_text(encoding="utf-8"))["article"]
    return [a["headline"] + "\n\n" + "\n\n".join(a["paragraphs"]) + "\n" for a in articles]


def test_cases_glue_a_tag_before_a_paragraph_and_the_rule_cuts_most_exactly():
    cases = fitting.make_cases(_texts(), 0, 60, 1)
    assert {c.kind for c in cases} == {"teaser", "credit"}
    for case in cases[:5]:
        assert case.document.line_text(case.line)[case.length] == " "  # the tag, then the paragraph
    counts = fitting.right(cases, source_tag.ExtentWeights())
    assert sum(counts.values()) >= 0.8 * len(cases)
    assert source_tag.WEIGHTS == source_tag.ExtentWeights()  # right() leaves the rule's weights as they were


def test_the_fit_mends_a_broken_weight_and_keeps_the_news_openings():
    cases = fitting.opening_cases()
    broken = dataclasses.replace(source_tag.ExtentWeights(), name_cut=0.0)  # 114 of the 120 openings cut right
    before = sum(fitting.right(cases, broken).values())
    fitted = fitting.fit(cases, broken, rounds=1, frozen={"name_words"})
    assert before < len(cases) and sum(fitting.right(cases, fitted).values()) == len(cases)
    assert fitted.name_cut > 0 and fitted.name_words == broken.name_words  # mended; the frozen one kept
    assert source_tag.WEIGHTS == source_tag.ExtentWeights()
