"""Every kind of mail furniture (rules/mail_furniture.py FURNITURE) finds its own examples at the end of a
message, as mail software appends them."""
import pytest

from doclint.rules.mail_furniture import FURNITURE

from conftest import lint

KINDS = [(f.name, example) for f in FURNITURE for example in f.examples]
MAIL_ONLY = {f.name for f in FURNITURE if f.mail_only}
HEADER = "From: Jane Doe <jane@example.org>\nSubject: Re: nightly build\n\n"  # for the kinds read only in mail


def test_every_kind_has_an_example():
    assert {f.name for f in FURNITURE} == {name for name, _ in KINDS}


@pytest.mark.parametrize("name,example", KINDS, ids=[f"{n}:{e[:30]}" for n, e in KINDS])
def test_a_kind_finds_its_example(name, example):
    text = f"Hi all,\n\nThe nightly build failed again on the test machine; I will look at it tomorrow.\n\n{example}\n"
    text = HEADER + text if name in MAIL_ONLY else text
    found = [d for d in lint(text.encode("utf-8"), ["S121"], None) if d.code == "S121"]
    assert found, f"{name}: its example is not found: {example!r}"
    assert text.index(example.splitlines()[0]) >= found[0].start
