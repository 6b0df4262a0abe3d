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
"""
from __future__ import annotations

import re

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
        compiled = re.compile(self.pattern, self.flags)
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

