"""doclint.lazyre: module-level patterns compiled on first use answer as compiled ones do."""
import copy
import pickle
import re

import pytest

from doclint import lazyre


def test_a_lazy_pattern_is_compiled_on_first_use_only():
    lazy = lazyre.compile(r"(?P<word>\w+)-(\d+)", re.IGNORECASE)
    assert "match" not in vars(lazy)  # nothing compiled yet
    assert lazy.pattern == r"(?P<word>\w+)-(\d+)" and lazy.flags == re.IGNORECASE
    assert "match" not in vars(lazy)  # reading its text compiles nothing
    assert lazy.search("see ABC-12 now").group("word") == "ABC"
    assert "match" in vars(lazy)  # its methods are its own now
    assert lazy.groups == 2 and lazy.groupindex == {"word": 1}


@pytest.mark.parametrize("method, args", [
    ("match", ("abc-1 x",)), ("fullmatch", ("abc-1",)), ("search", ("x abc-1",)), ("findall", ("a-1 b-2",)),
    ("sub", (r"<\1>", "a-1 b-2")), ("subn", ("", "a-1 b-2")), ("split", ("a-1 b-2",)),
])
def test_every_method_answers_as_the_compiled_pattern_does(method, args):
    compiled = re.compile(r"(\w+)-\d")
    lazy = lazyre.compile(r"(\w+)-\d")
    expected, got = getattr(compiled, method)(*args), getattr(lazy, method)(*args)
    if isinstance(expected, re.Match):
        assert (got.span(), got.groups()) == (expected.span(), expected.groups())
    else:
        assert got == expected
    assert [m.span() for m in lazy.finditer("a-1 b-2")] == [m.span() for m in compiled.finditer("a-1 b-2")]


def test_a_lazy_pattern_pickles_and_copies_before_and_after_its_first_use():
    for used in (False, True):
        lazy = lazyre.compile(r"\d+")
        if used:
            lazy.search("1")
        for other in (pickle.loads(pickle.dumps(lazy)), copy.copy(lazy), copy.deepcopy(lazy)):
            assert other.pattern == r"\d+" and other.findall("a 12 b 3") == ["12", "3"]


def test_an_invalid_pattern_fails_where_it_is_used():
    lazy = lazyre.compile("(unclosed")
    with pytest.raises(re.error):
        lazy.search("x")


def test_a_missing_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        lazyre.compile("a").no_such_attribute  # noqa: B018
