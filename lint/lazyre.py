"""Regular expressions compiled the first time they are used.

The rules define about 190 patterns at module level; compiling them all when
the modules are imported took some 30 ms of a one-file check, which uses
fewer than half of them (`docs/performance.md`). `compile()` returns a
`LazyPattern` that holds the pattern's text and compiles it on its first use;
from then on the compiled pattern's methods are the object's own attributes,
so that a call costs what a call on a compiled pattern does. `pattern` and
`flags` are known without compiling (`rf"{WORD.pattern}..."` builds another
pattern for free).

Worker processes compile the patterns they use themselves: compiling all of
them before the pool forks made a folder check no faster.

Compiling is mostly parsing the pattern and generating the matcher's program
(a list of integers); a one-file check compiled some 130 patterns, 75 ms of
its run. `compiled_now()` keeps each program in the user's cache
(`~/.cache/doclint/regex-<interpreter>.marshal`, keyed by the interpreter's
version and its regex engine's magic number, each entry by the pattern's text
and flags) and builds the pattern from it, as `re` does after parsing. A
program is what this interpreter's own compiler produced for that text; a
pattern built from it equals (`==`) the one `re.compile` returns. Where the
interpreter does not compile this way (not CPython, or a version whose
internals differ), or `DOCLINT_NO_REGEX_CACHE=1` is set, `re.compile` is used.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys

from doclint import usercache

try:  # the compiler `re.compile` uses: re._compiler and re._parser since Python 3.11, sre_* before
    import _sre
    from re import _compiler as _re_compiler
    from re import _parser as _re_parser
except ImportError:  # pragma: no cover - Python 3.10, or an interpreter without _sre
    try:
        import _sre
        import sre_compile as _re_compiler
        import sre_parse as _re_parser
    except ImportError:
        _sre = None

MAX_PROGRAMS = 4096  # doclint defines about 320 patterns with its wordings; a file past this starts afresh

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A pattern compiled on first use; it answers what `re.Pattern` does (not `isinstance`, nor `re.sub(p, ...)`
    with it as first argument: call its methods)."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):
        # Called only for what the object lacks: its first use (or a special name, which pickle and copy look
        # up on objects that may not be set up yet).
        if name.startswith("__") or "pattern" not in self.__dict__:
            raise AttributeError(name)
        return getattr(self._compile(), name)

    def _compile(self) -> re.Pattern:
        compiled = compiled_now(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.groups, self.groupindex = compiled.groups, compiled.groupindex
        return compiled

    def __reduce__(self):
        return LazyPattern, (self.pattern, self.flags)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 (named as re.compile, which it stands for)
    """The pattern, compiled when it is first used."""
    return LazyPattern(pattern, flags)


class _Programs:
    """The compiled programs of patterns, read from the user's cache on first need and written back at exit when
    this process compiled a pattern the file lacked."""

    def __init__(self):
        self.entries: dict | None = None  # (pattern, flags) -> program, as the file keeps them
        self.built: dict[tuple[str, int], re.Pattern] = {}  # the patterns built in this process, as re caches them
        self.added = False
        self.usable = _sre is not None and sys.implementation.name == "cpython" \
            and not os.environ.get("DOCLINT_NO_REGEX_CACHE")
        self.path = ""

    def pattern(self, pattern: str, flags: int) -> re.Pattern:
        key = (pattern, int(flags))  # re.IGNORECASE is an int subclass that marshal does not keep
        built = self.built.get(key)
        if built is None:
            built = self.built[key] = self._build(key)
        return built

    def _build(self, key: tuple[str, int]) -> re.Pattern:
        if self.entries is None:
            tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
            self.path = usercache.path(f"regex-{tag}.marshal")
            self.entries = self._read()
        program = self.entries.get(key)
        if program is None:
            program = _program(*key)
            self.entries[key] = program
            if not self.added:
                self.added = True
                atexit.register(self.write)
        return _sre.compile(key[0], *program)

    def _read(self) -> dict:
        try:
            with open(self.path, "rb") as f:
                entries = marshal.loads(f.read())  # marshal.load reads a file object piece by piece: 20 times slower
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def write(self) -> None:
        """Merge this process's programs into the file (another process may have written since it was read)."""
        entries = self._read()
        entries.update(self.entries or {})
        if len(entries) > MAX_PROGRAMS:
            entries = dict(self.entries or {})
        tmp = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(marshal.dumps(entries))
            os.replace(tmp, self.path)
        except (OSError, ValueError):  # a cache folder that cannot be written is no error
            try:
                os.remove(tmp)
            except OSError:
                pass


def _program(pattern: str, flags: int) -> tuple:
    """What `re` passes to the regex engine for this pattern: as `re._compiler.compile` computes it."""
    parsed = _re_parser.parse(pattern, flags)
    code = _re_compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # Plain ints (the compiler's opcodes and flags are int subclasses), as marshal keeps them.
    return int(flags | parsed.state.flags), list(map(int, code)), parsed.state.groups - 1, groupindex, \
        tuple(indexgroup)


_PROGRAMS = _Programs()


def compiled_now(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, built from the program kept in the user's cache where there is one."""
    if _PROGRAMS.usable and isinstance(pattern, str) and isinstance(flags, int):
        try:
            return _PROGRAMS.pattern(pattern, flags)
        except re.error:
            raise
        except Exception:  # noqa: BLE001 - internals that differ from what this expects: compile as re does
            _PROGRAMS.usable = False
    return re.compile(pattern, flags)
