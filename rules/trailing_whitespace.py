from __future__ import annotations

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule


class TrailingWhitespace(Rule):
    """Trailing whitespace, including non-breaking spaces, at the end of a line.

    ## What it does
    Flags spaces, tabs, non-breaking spaces and other Unicode spaces after the
    last visible character of a line.

    ## Why is this bad?
    Trailing whitespace is invisible noise: it makes identical paragraphs hash
    differently, clutters diffs, and is usually a leftover of HTML conversion.

    ## Example
    ```
    The minister resigned.\u00a0\u00a0
    ```
    Use instead: `The minister resigned.`

    ## Fix safety
    The fix deletes the trailing whitespace. It is safe.
    """

    code = "W102"
    name = "trailing-whitespace"
    category = "whitespace"
    fixable = "safe"

    def check(self, document, context):
        text = document.text
        for line in range(document.line_count):
            start, end = document.line_span(line)
            content = text[start:end]
            stripped = content.rstrip()
            if stripped and len(stripped) < len(content):
                cut = start + len(stripped)
                yield Diagnostic(cut, end, f"Trailing whitespace ({end - cut} character{'s' * (end - cut != 1)})",
                                 fix=Fix.safe(Edit(cut, end), message="Remove trailing whitespace"))
