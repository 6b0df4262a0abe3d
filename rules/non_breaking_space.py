from __future__ import annotations

import re

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule

# A run of spaces holding at least one non-breaking or other Unicode space, between two visible characters.
_RUN = lazyre.compile(r"(?<=\S)[ \u00a0\u2007\u202f\u2000-\u200a\u3000]*[\u00a0\u2007\u202f\u2000-\u200a\u3000][ \u00a0\u2007\u202f\u2000-\u200a\u3000]*(?=\S)")
# ... or indenting a line (`&nbsp;&nbsp;` before a paragraph in the HTML). Not the ideographic space, with which
# Chinese and Japanese indent a paragraph.
# Nor a space character followed by a tab: a table listing the character itself (Vim's digraph table).
_INDENT = lazyre.compile(r"^[ \t]*[\u00a0\u2007\u202f\u2000-\u200a][ \u00a0\u2007\u202f\u2000-\u200a]*(?=\S)", re.MULTILINE)


class NonBreakingSpace(Rule):
    """Non-breaking or other Unicode space used between words or to indent a line.

    ## What it does
    Flags non-breaking spaces (U+00A0, U+202F, U+2007) and typographic spaces
    (U+2000-U+200A, U+3000) between two words, alone or mixed with ordinary
    spaces, and non-breaking or typographic spaces that indent a line (the
    ideographic space U+3000, with which Chinese and Japanese indent a
    paragraph, is kept there).

    ## Why is this bad?
    They come from `&nbsp;` in the HTML a text was scraped from. Tokenisers,
    search indexes and deduplication treat them differently from a space, so
    the same sentence stops matching itself.

    ## Example
    ```
    However, he said,\u00a0there is room for interpretation.
    ```
    Use instead: `However, he said, there is room for interpretation.`

    ## Fix safety
    The fix replaces the run with one ordinary space, and deletes an indent
    (with the ordinary spaces and tabs in it). It is safe; where a
    non-breaking space is wanted (French typography, `10\u00a0km`), ignore this
    rule for those files.
    """

    code = "W103"
    name = "non-breaking-space"
    category = "whitespace"
    fixable = "safe"

    def check(self, document, context):
        text = document.text
        if not any(c in text for c in "\u00a0\u2007\u202f\u3000") and not re.search("[\u2000-\u200a]", text):
            return
        for m in _RUN.finditer(text):
            names = sorted({f"U+{ord(c):04X}" for c in m.group() if c != " "})
            yield Diagnostic(m.start(), m.end(), f"Non-breaking space ({', '.join(names)}) between words",
                             fix=Fix.safe(Edit(m.start(), m.end(), " "), message="Replace with one space"))
        for m in _INDENT.finditer(text):
            if document.in_example_code(m.start()):
                continue
            names = sorted({f"U+{ord(c):04X}" for c in m.group() if c not in " \t"})
            yield Diagnostic(m.start(), m.end(), f"Non-breaking space ({', '.join(names)}) indenting the line",
                             fix=Fix.safe(Edit(m.start(), m.end()), message="Delete the indent"))
