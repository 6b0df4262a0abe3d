"""Applying fixes to text, and writing files safely.

Fixes are applied whole or not at all: they are taken in order of their first
edit, and a fix whose edits overlap an edit already taken waits for the next
pass (the engine re-checks the text and repeats until nothing fixable is left).
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from doclint.diagnostics import Diagnostic, Edit, Fix

MAX_PASSES = 12


class FixError(Exception):
    """Fixing did not converge, or a file could not be written."""


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions conflict with anything at the same point
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def within_span(text: str, diagnostic: Diagnostic) -> bool:
    """Whether every edit of the fix stays inside the diagnostic's span and the whitespace adjoining it."""
    if diagnostic.fix is None:
        return True
    for edit in diagnostic.fix.edits:
        if edit.start < diagnostic.start and text[edit.start:diagnostic.start].strip():
            return False
        if edit.end > diagnostic.end and text[diagnostic.end:edit.end].strip():
            return False
        if edit.start > edit.end or edit.start < 0 or edit.end > len(text):
            return False
    return True


def select_fixes(fixes: list[Fix]) -> list[Fix]:
    """The fixes that can be applied together in one pass (no two overlap)."""
    taken: list[Edit] = []
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.edits[0].start, f.edits[0].end) if f.edits else (-1, -1)):
        if any(_overlaps(e, t) for e in fix.edits for t in taken):
            continue
        # edits inside one fix must not overlap each other either
        if any(_overlaps(a, b) for i, a in enumerate(fix.edits) for b in fix.edits[i + 1:]):
            continue
        taken.extend(fix.edits)
        chosen.append(fix)
    return chosen


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for edit in sorted(edits):
        out.append(text[pos:edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, keeping its permissions."""
    import tempfile

    path = Path(path)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".doclint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
