from __future__ import annotations

from dataclasses import dataclass

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.layout import MARKDOWN_SUFFIXES as MARKDOWN
from doclint.rule import Rule, option


@dataclass(frozen=True)
class Options:
    markdown_line_breaks: bool = option(True, "In Markdown files, keep exactly two trailing spaces before a line of "
                                              "text: Markdown's hard line break.")


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

    In Markdown files (`.md`, `.markdown`), exactly two trailing spaces
    before another line of text are a hard line break, not noise: they are
    kept (option `markdown-line-breaks`).

    ## Fix safety
    The fix deletes the trailing whitespace. It is safe.
    """

    code = "W102"
    name = "trailing-whitespace"
    category = "whitespace"
    fixable = "safe"
    Options = Options

    def check(self, document, context):
        text = document.text
        markdown = self.options.markdown_line_breaks and str(document.path).lower().endswith(MARKDOWN)
        for line in range(document.line_count):
            start, end = document.line_span(line)
            content = text[start:end]
            stripped = content.rstrip()
            if markdown and content.endswith("  ") and len(content) - len(stripped) == 2 and stripped \
                    and _text_follows(document, line):
                continue  # Markdown's hard line break
            if stripped and len(stripped) < len(content):
                cut = start + len(stripped)
                yield Diagnostic(cut, end, f"Trailing whitespace ({end - cut} character{'s' * (end - cut != 1)})",
                                 fix=Fix.safe(Edit(cut, end), message="Remove trailing whitespace"))


def _text_follows(document, line: int) -> bool:
    """Whether the next line holds text (a hard line break only breaks a line inside a paragraph)."""
    if line + 1 >= document.line_count:
        return False
    start, end = document.line_span(line + 1)
    return bool(document.text[start:end].strip())
