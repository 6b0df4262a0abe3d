"""Inline suppression comments: a document's own say on which findings it accepts.

Written as HTML comments, as markdownlint's are, so that a Markdown page
renders without them:

    <!-- doclint-disable-next-line repeated-passage -->
    <!-- doclint-disable D101, S111 -->  ...  <!-- doclint-enable -->
    <!-- doclint-disable-line -->  (on the line of the finding)
    <!-- doclint-disable-file off-topic -->

A comment lists rule selectors as the command line takes them (codes, code
prefixes, names, categories, ALL), separated by spaces or commas; none means
every rule. A colon starts the reason, free text for the reader
(`<!-- doclint-disable-line D101: quoted on purpose -->`). A selector that
names no rule suppresses nothing. A finding is suppressed when the line it
starts on is, for its rule; findings inside a directive comment itself are
suppressed too (two identical directives are no repeated passage). In
Markdown, a directive inside a fenced code block or a code span is an
example, not a directive.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from doclint import lazyre

from doclint.selectors import selects

SCREEN = "doclint-"
# The selectors' stretch is bounded, so that a line of unclosed comments stays linear.
_DIRECTIVE = lazyre.compile(r"<!--\s*doclint-(disable-next-line|disable-line|disable-file|disable|enable)\b"
                            r"(?P<selectors>[^\n]{0,300}?)-->", re.IGNORECASE)


def _selectors(text: str) -> tuple[str, ...]:
    """The selectors of a directive; a colon starts the reason, which is free text (`D101: quoted on purpose`)."""
    return tuple(s for s in re.split(r"[\s,]+", text.split(":", 1)[0].strip()) if s)


def names(rule, selectors: tuple[str, ...]) -> bool:
    """Whether the selectors name the rule (no selector names every rule), as `--select` reads them."""
    return not selectors or any(selects(s, rule) for s in selectors)


@dataclass
class Suppressions:
    """The directives of one document, by line (1-based). Small and picklable: a corpus run keeps it with the
    document's stub, for the corpus rules' findings."""

    ranges: list = field(default_factory=list)  # (line, "disable" or "enable", selectors), in order
    lines: dict = field(default_factory=dict)  # line -> [selectors, ...] (disable-line, disable-next-line)
    whole: list = field(default_factory=list)  # [selectors, ...] (disable-file)
    spans: list = field(default_factory=list)  # (start, end) of each directive comment, in order
    _states: dict = field(default_factory=dict, repr=False, compare=False)  # rule code -> where its state changes

    def suppresses(self, rule, line: int, start: int | None = None, end: int | None = None) -> bool:
        if any(names(rule, s) for s in self.whole) or any(names(rule, s) for s in self.lines.get(line, ())):
            return True
        if start is not None:
            n = bisect.bisect_right(self.spans, (start, float("inf"))) - 1
            if n >= 0 and end <= self.spans[n][1]:
                return True
        at, off = self._changes(rule)
        n = bisect.bisect_right(at, line) - 1
        return n >= 0 and off[n]

    def _changes(self, rule) -> tuple[list, list]:
        """The lines where disable and enable comments set the rule's state, and the state each sets (computed
        once per rule: a page of many comments and many findings stays cheap)."""
        if rule.code not in self._states:
            at, off = [], []
            for line, kind, selectors in self.ranges:
                if names(rule, selectors):
                    at.append(line)
                    off.append(kind == "disable")
            self._states[rule.code] = at, off
        return self._states[rule.code]


def parse(document) -> Suppressions | None:
    """The document's suppressions, or None when it has no directive."""
    text = document.text
    if SCREEN not in text:
        return None
    markdown = document.markdown
    found = Suppressions()
    for m in _DIRECTIVE.finditer(text):
        if markdown and _is_example(document, m.start()):
            continue
        kind, selectors = m.group(1).lower(), _selectors(m.group("selectors"))
        line = document.position(m.start())[0]
        found.spans.append(m.span())
        if kind == "disable-file":
            found.whole.append(selectors)
        elif kind in ("disable-line", "disable-next-line"):
            found.lines.setdefault(line + (kind == "disable-next-line"), []).append(selectors)
        else:
            found.ranges.append((line, kind, selectors))
    return found if found.spans else None


def _is_example(document, offset: int) -> bool:
    """Whether a directive of a Markdown page stands in a fenced code block or a code span (an example of one)."""
    blocks = [b for b in document.code_blocks if b[0] <= offset < b[1]]
    if blocks and blocks[0][0] != offset:  # inside a fenced block (a comment's own span starts at the comment)
        return True
    line_start = document.text.rfind("\n", 0, offset) + 1
    return document.text.count("`", line_start, offset) % 2 == 1


def unknown_selectors(document, known) -> list[tuple[int, str]]:
    """(line, selector) for each selector of the document's directives that names no rule (`known(selector)` is
    False): a misspelt name suppresses nothing, and must not seem to work."""
    out = []
    markdown = document.markdown
    for m in _DIRECTIVE.finditer(document.text):
        if markdown and _is_example(document, m.start()):
            continue
        out += [(document.position(m.start())[0], s) for s in _selectors(m.group("selectors")) if not known(s)]
    return out
