"""doclint.lazyre: module-level patterns compiled on first use answer as compiled ones do."""
import copy
import marshal
import os
import pickle
import re
from pathlib import Path

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


# The program cache: a pattern built from a kept program is the pattern re.compile returns.

def _doclint_patterns() -> list[tuple[str, int]]:
    """Every module-level pattern of doclint and its rules, and every source-tag family's."""
    import importlib
    import pkgutil

    import doclint
    import doclint.rules
    from doclint.rules import source_tag

    found = set()
    for package in (doclint, doclint.rules):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            if info.name.endswith((".ray_engine", ".__main__")):
                continue
            module = importlib.import_module(info.name)
            found |= {(v.pattern, v.flags) for v in vars(module).values() if isinstance(v, lazyre.LazyPattern)}
    wordings = source_tag.wordings()
    found |= {(family.pattern, re.IGNORECASE) for family in wordings.families}
    return sorted(p for p in found if isinstance(p[0], str))  # a bytes pattern is compiled by re itself


def test_every_doclint_pattern_built_from_its_program_equals_re_compile(tmp_path, monkeypatch):
    monkeypatch.setattr(lazyre, "_PROGRAMS", lazyre._Programs())
    monkeypatch.setattr(lazyre._PROGRAMS, "write", lambda: None)
    patterns = _doclint_patterns()
    assert len(patterns) > 150
    for pattern, flags in patterns:
        # Pattern equality compares the text, the flags and the engine's program, word for word.
        assert lazyre.compiled_now(pattern, flags) == re.compile(pattern, flags), pattern


def test_kept_programs_are_read_back_without_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    writer = lazyre._Programs()
    monkeypatch.setattr(lazyre, "_PROGRAMS", writer)
    first = lazyre.compiled_now(r"(?P<word>\w+)-(\d+)", re.IGNORECASE)
    writer.write()
    assert [p.name for p in (tmp_path / "doclint").iterdir()] == [Path(writer.path).name]

    monkeypatch.setattr(lazyre, "_PROGRAMS", lazyre._Programs())

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    re.purge()  # re's own cache of compiled patterns would hide a parse
    monkeypatch.setattr(re._parser, "parse", no_parsing)
    again = lazyre.compiled_now(r"(?P<word>\w+)-(\d+)", re.IGNORECASE)
    monkeypatch.undo()
    assert again == first == re.compile(r"(?P<word>\w+)-(\d+)", re.IGNORECASE)
    assert again.search("see ABC-12").group("word") == "ABC"


@pytest.mark.parametrize("content", [b"", b"not marshal at all", b"\xe9\x00\x01", marshal.dumps([1, 2, 3]),
                                     marshal.dumps({("a+", 0): (0, [999999], 0, {}, (None,))})])
def test_a_damaged_cache_file_is_no_error(tmp_path, monkeypatch, content):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    programs = lazyre._Programs()
    monkeypatch.setattr(lazyre, "_PROGRAMS", programs)
    lazyre.compiled_now("b+")  # finds the file's name
    programs.entries = None
    Path(programs.path).parent.mkdir(parents=True)
    Path(programs.path).write_bytes(content)
    assert lazyre.compiled_now("a+") == re.compile("a+")
    assert lazyre.compiled_now("a+").findall("caaab") == ["aaa"]


def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    programs = lazyre._Programs()
    monkeypatch.setattr(lazyre, "_PROGRAMS", programs)
    assert lazyre.compiled_now(r"\d+").findall("a 1 b 22") == ["1", "22"]
    programs.write()  # nothing to write to: no error, and no file left
    assert blocked.read_text().startswith("a file")


def test_the_cache_can_be_bypassed(monkeypatch):
    monkeypatch.setenv("DOCLINT_NO_REGEX_CACHE", "1")
    assert not lazyre._Programs().usable


def test_an_invalid_pattern_fails_as_re_compile_does():
    with pytest.raises(re.error):
        lazyre.compiled_now("(unclosed")
    assert lazyre._PROGRAMS.usable or os.environ.get("DOCLINT_NO_REGEX_CACHE")
