"""Inline suppression comments (doclint.suppression)."""
from __future__ import annotations

import json

import pytest

from conftest import fix, lint, run_cli


def _lines(text, select=("W102",), path="doc.txt"):
    return [d.line for d in lint(text, list(select), path=path)]


def test_disable_next_line_and_disable_line():
    text = ("One.  \n"
            "<!-- doclint-disable-next-line trailing-whitespace -->\n"
            "Two.  \n"
            "Three.  <!-- doclint-disable-line W102 -->\n"
            "Four.  \n")
    assert _lines(text) == [1, 5]


def test_disable_until_enable_by_code_prefix_name_or_category():
    for selector in ("W102", "W1", "trailing-whitespace", "whitespace", "ALL", ""):
        text = (f"One.  \n<!-- doclint-disable {selector} -->\nTwo.  \nThree.  \n<!-- doclint-enable -->\nFour.  \n")
        assert _lines(text) == [1, 6], selector


def test_enable_of_one_rule_leaves_the_others_disabled():
    text = ("<!-- doclint-disable -->\n"
            "<!-- doclint-enable W102 -->\n"
            "Tony Blair&#39;s plan.  \n")
    assert [d.code for d in lint(text, ["W102", "E106"])] == ["W102"]


def test_a_selector_that_names_another_rule_suppresses_nothing():
    text = "<!-- doclint-disable-next-line E106, mojibake -->\nTwo.  \n"
    assert _lines(text) == [2]
    assert _lines(text.replace("E106", "repeated-pasage")) == [2]  # a misspelt name: the finding stays visible


def test_a_colon_starts_the_reason():
    text = "Write &amp; as the page shows it. <!-- doclint-disable-line E106: the entity is the subject -->\n"
    assert lint(text, ["E106"]) == []
    assert len(lint(text.replace("E106:", "W102:"), ["E106"])) == 1


def test_disable_file_for_the_rules_it_names():
    text = "Tony Blair&#39;s plan.  \n\n<!-- doclint-disable-file encoding -->\n"
    assert [d.code for d in lint(text, ["W102", "E106"])] == ["W102"]


def test_a_suppressed_finding_is_not_fixed():
    text = "<!-- doclint-disable-next-line -->\nTwo.  \nThree.  \n"
    assert fix(text, ["W102"]) == "<!-- doclint-disable-next-line -->\nTwo.  \nThree.\n"


def test_identical_directives_are_no_repeated_passage():
    directive = ("<!-- doclint-disable-next-line trailing-whitespace, source-tag, html-entity, mojibake, "
                 "repeated-sentence, off-topic-paragraph -->")
    paras = ["The council voted on Tuesday night to keep all five branch libraries open for another year.",
             "Residents had signed a petition against the closures and packed the public gallery for the vote."]
    text = f"Title\n\n{directive}\n\n{paras[0]}\n\n{directive}\n\n{paras[1]}\n"
    assert lint(text, ["D101", "D102"]) == []  # the second directive, a paragraph of its own, repeats the first


def test_markdown_examples_of_directives_are_not_directives():
    text = ("Write `<!-- doclint-disable-next-line -->` before a line:\n\n"
            "```\n<!-- doclint-disable-file -->\n```\n\n"
            "Two.  \n")
    assert _lines(text, path="guide.md") == [7]
    assert _lines(text, path="guide.txt") == []  # in plain text there is no code to quote them in


def test_a_near_duplicate_document_suppressed_in_the_later_file(tmp_path):
    article = " ".join(f"Sentence {i} of the article talks about topic {i % 7} at some length." for i in range(60))
    (tmp_path / "a.txt").write_text(f"Original\n\n{article}\n")
    (tmp_path / "b.txt").write_text(f"Copy\n\n{article}\n")
    (tmp_path / "c.txt").write_text(f"Copy\n\n{article}\n\n<!-- doclint-disable-file near-duplicate-document -->\n")
    for jobs in ("1", "2"):
        for cache in ("--no-cache", "--cache-dir=cache"):
            for _ in range(2):  # the second time from the index
                p = run_cli("check", "--format", "json", "--select", "D201", "--jobs", jobs, cache, ".", cwd=tmp_path)
                found = [d["path"] for d in json.loads(p.stdout)["diagnostics"]]
                assert found == ["b.txt"], (jobs, cache)


@pytest.mark.parametrize("rule,line,make", [
    ("D101", 7, lambda p: f"Headline\n\n{p}\n\nAnother paragraph about the weather on the coast today.\n\n"
                          f"<!-- a note -->\n{p}\n"),
    ("S111", 5, lambda p: "Headline\n\nSome text of the article here.\n\n<!-- a note -->\n(Source: www.site.com)\n"),
], ids=["repeated-passage", "source-credit"])
def test_a_comment_right_above_a_paragraph_does_not_hide_its_findings(rule, line, make):
    # The comment became the paragraph's first line, and rules that leave Markdown comments alone skipped the
    # whole paragraph: a misspelt suppression comment seemed to work.
    text = make("The council approved the new budget on Monday after a long debate about schools and roads.")
    assert [(d.code, d.line) for d in lint(text, select=[rule], path="page.md")] == [(rule, line + 1)]


def test_a_suppression_naming_no_rule_is_reported(tmp_path):
    from conftest import run_cli

    (tmp_path / "page.md").write_text("Headline\n\nSome text of the article here.\n\n"
                                      "<!-- doclint-disable-next-line repeated-pasage, S101 -->\n"
                                      "(Source: www.site.com)\n")
    p = run_cli("check", "--no-cache", "page.md", cwd=tmp_path)
    assert b"page.md:5: suppression comment names no rule: 'repeated-pasage' (see `doclint rules`)" in p.stderr
    assert p.returncode == 0 and b"S111" not in p.stdout  # the rule it does name (S101, now S111-S114) is suppressed
