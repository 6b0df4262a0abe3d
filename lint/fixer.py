"""Applying fixes to text (writing the result is doclint.io.atomic's).

Fixes are applied whole or not at all: they are taken in order of their first
edit, and a fix whose edits overlap an edit already taken waits for the next
pass (the engine re-checks the text and repeats until nothing fixable is left).
"""
from __future__ import annotations

import bisect
import dataclasses

from doclint.diagnostics import Diagnostic, Edit, Fix

# Passes of fix-and-check before a document is declared not to converge. A fix that makes room for another takes a
# pass each; no document of the dev corpus or the tests needs more than a few, so 12 means a loop, not a slow fix.
MAX_PASSES = 12


class FixError(Exception):
    """Fixing did not converge, or a file could not be written."""


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions conflict with anything at the same point
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def clear_of(fix: Fix, tokens: list[tuple[int, int]]) -> Fix | None:
    """The fix with no edit cutting into one of `tokens` (the (start, end) of a dataset's words for a line break,
    read as spaces and a line break: see Document.reading): an edit that starts inside one starts after it, one
    that ends inside one ends before it, an insertion inside one goes before it, so that a token is deleted whole
    or kept; None if no edit is left."""
    starts = [s for s, _ in tokens]

    def outside(at: int, after: bool) -> int:
        k = bisect.bisect_left(starts, at) - 1
        if k >= 0 and tokens[k][0] < at < tokens[k][1]:
            return tokens[k][1] if after else tokens[k][0]
        return at

    edits = []
    for edit in fix.edits:
        if edit.start == edit.end:
            at = outside(edit.start, after=False)
            edits.append(Edit(at, at, edit.replacement))
            continue
        start, end = outside(edit.start, after=True), outside(edit.end, after=False)
        if start < end:
            edits.append(Edit(start, end, edit.replacement))
        elif edit.replacement:
            edits.append(Edit(end, end, edit.replacement))
    if not edits and not (fix.transcode or fix.drop_record):
        return None
    return dataclasses.replace(fix, edits=tuple(edits))


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


class _Taken:
    """The edits taken so far, sorted by start. They overlap no other, so their ends are sorted too, and an edit
    can only overlap the few that start before its end and end after its start: a lookup is a bisection, not a
    scan (a text with 30,000 fixes took 90 s to select them, comparing each with all taken before it)."""

    def __init__(self):
        self.starts: list[int] = []
        self.edits: list[Edit] = []

    def overlaps(self, edit: Edit) -> bool:
        i = bisect.bisect_right(self.starts, edit.end)
        while i > 0:
            i -= 1
            taken = self.edits[i]
            if _overlaps(edit, taken):
                return True
            if taken.end < edit.start:
                return False
        return False

    def add(self, edit: Edit) -> None:
        i = bisect.bisect_right(self.starts, edit.start)
        self.starts.insert(i, edit.start)
        self.edits.insert(i, edit)


def select_fixes(fixes: list[Fix]) -> list[Fix]:
    """The fixes that can be applied together in one pass (no two overlap)."""
    taken = _Taken()
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.edits[0].start, f.edits[0].end) if f.edits else (-1, -1)):
        if any(taken.overlaps(e) for e in fix.edits):
            continue
        # edits inside one fix must not overlap each other either
        if any(_overlaps(a, b) for i, a in enumerate(fix.edits) for b in fix.edits[i + 1:]):
            continue
        for e in fix.edits:
            taken.add(e)
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
