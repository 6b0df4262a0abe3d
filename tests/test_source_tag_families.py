"""The wordings of the source-tag scanner, family by family (rules/source_tag_families.toml): each example under
`flags` is a tag of its family and each under `passes` is not.

For a family whose extent is closed, credit, end or line, its pattern must take a `flags` example whole and must
not take a `passes` example whole. For a name or a headline family, whose tag's end the scanner judges, its cue
must match at a `flags` example's start, and the scanner must find no tag of the family in a document whose
paragraph is a `passes` example (no source-tag rule may flag it there).
"""
from __future__ import annotations

import pytest

from conftest import lint
from doclint.rules import source_tag
from doclint.rules.source_tag import EXTENTS, KINDS, Wordings, wordings

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

FAMILIES = wordings().families
CLOSED = ("closed", "credit", "end", "line")
ARTICLE = "A headline of the story\n\nThe council met on Monday to discuss the budget for next year.\n\n{}\n"


def _examples(field: str):
    for n, family in enumerate(FAMILIES):
        for example in getattr(family, field):
            yield pytest.param(n, example, id=f"{family.id}:{example[:40]}")


@pytest.mark.parametrize("n,example", list(_examples("flags")))
def test_a_family_flags_its_examples(n, example):
    family, m = FAMILIES[n], wordings().compiled(n).match(example)
    assert m is not None, f"{family.id}: its pattern does not match {example!r}"
    if family.extent in CLOSED:
        assert m.end() == len(example), f"{family.id}: its pattern takes only {example[:m.end()]!r}"


@pytest.mark.parametrize("n,example", list(_examples("passes")))
def test_a_family_passes_its_counter_examples(n, example):
    family, m = FAMILIES[n], wordings().compiled(n).match(example)
    if family.extent in CLOSED:
        assert m is None or m.end() != len(example), f"{family.id}: its pattern takes {example!r} whole"
        return
    text = ARTICLE.format(example)
    found = [d.message for d in lint(text, ["S101"]) if text[d.start:d.end] in example]
    assert not found, f"{family.id}: {found}"


def test_every_family_has_an_example_of_each_side():
    for family in FAMILIES:
        assert family.flags, f"{family.id}: give an example that must flag"
        assert family.passes, f"{family.id}: give an example that must not flag"
        assert family.seen, f"{family.id}: say where the wording was seen"


def test_the_families_are_well_formed():
    data = tomllib.loads(source_tag.FAMILIES_FILE.read_text(encoding="utf-8"))
    ids = [entry["id"] for entry in data["family"]]
    assert len(ids) == len(set(ids)), "family ids must be unique"
    for entry in data["family"]:
        assert entry["kind"] in KINDS and entry["extent"] in EXTENTS, entry["id"]
        assert not entry.get("mid") or entry["extent"] in ("closed", "credit"), entry["id"]
        # a tag found anywhere in a line is closed by its brackets
        assert not entry.get("anywhere") or (entry["extent"] == "closed" and entry["starts"] in (["["], ["("])), entry["id"]
    assert Wordings(data).families == FAMILIES


def test_a_pattern_names_only_pieces_that_exist():
    data = tomllib.loads(source_tag.FAMILIES_FILE.read_text(encoding="utf-8"))
    data["family"][0] = {**data["family"][0], "pattern": "{{NO_SUCH_PIECE}}"}
    with pytest.raises(KeyError):
        Wordings(data)
