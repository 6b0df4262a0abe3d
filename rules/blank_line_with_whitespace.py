from __future__ import annotations

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule


class BlankLineWithWhitespace(Rule):
    """Blank line holding only whitespace, such as non-breaking spaces.

    ## What it does
    Flags lines that look empty but hold spaces, tabs, non-breaking spaces
    (U+00A0) or other Unicode spaces. A line holding a form feed is a page
    break, not a blank line (see `control-character`).

    ## Why is this bad?
    Scraped pages often separate paragraphs with `&nbsp;` lines. They look
    blank, but tools that split paragraphs on empty lines, diff tools and
    deduplication hashes see text there.

    ## Example
    ```
    First paragraph.
    \u00a0
    Second paragraph.
    ```
    Use instead: an empty line.

    ## Fix safety
    The fix empties the line. It is safe: only whitespace is removed.
    """

    code = "W101"
    name = "blank-line-with-whitespace"
    category = "whitespace"
    fixable = "safe"

    def check(self, document, context):
        for line in range(document.line_count):
            start, end = document.line_span(line)
            if end > start and not document.text[start:end].strip() and "\f" not in document.text[start:end]:
                kinds = "non-breaking spaces" if "\u00a0" in document.text[start:end] else "whitespace"
                yield Diagnostic(start, end, f"Blank line holds {kinds} ({_n(end - start)})",
                                 fix=Fix.safe(Edit(start, end), message="Empty the line"))


def _n(count: int) -> str:
    return f"{count} character{'s' * (count != 1)}"
