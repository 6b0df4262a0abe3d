from __future__ import annotations

from dataclasses import dataclass

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.document import is_blank
from doclint.rule import Rule, option


@dataclass(frozen=True)
class Options:
    max_blank_lines: int = option(1, "How many consecutive blank lines are allowed.")

    def validate(self):
        return "max-blank-lines must be 0 or more" if self.max_blank_lines < 0 else None


class TooManyBlankLines(Rule):
    """More consecutive blank lines than allowed.

    ## What it does
    Flags runs of blank (or whitespace-only) lines longer than
    `max-blank-lines` (default 1).

    ## Why is this bad?
    Paragraphs are separated by one blank line. Longer runs are leftovers of
    removed markup; they change how tools split paragraphs and make equal
    documents differ.

    ## Example
    ```
    First paragraph.



    Second paragraph.
    ```
    Use instead: one blank line between the paragraphs.

    ## Fix safety
    The fix deletes the extra lines. It is safe: only line breaks and
    whitespace are removed.
    """

    code = "W104"
    name = "too-many-blank-lines"
    category = "whitespace"
    fixable = "safe"
    Options = Options

    def check(self, document, context):
        allowed = self.options.max_blank_lines
        text, starts = document.text, document.line_starts
        n = document.line_count
        limit = n - 1 if text.endswith("\n") else n  # the "line" after a final newline is not a line
        line = 0
        while line < limit:
            if not is_blank(document.line_text(line)):
                line += 1
                continue
            first = line
            while line < limit and is_blank(document.line_text(line)):
                line += 1
            last = line - 1
            count = last - first + 1
            if count <= allowed:
                continue
            start = starts[first + allowed]
            end = max(start, document.line_span(last)[1])
            cut_end = starts[last + 1] if last + 1 < n else len(text)
            yield Diagnostic(start, end, f"{count} consecutive blank lines (at most {allowed} allowed)",
                             fix=Fix.safe(Edit(start, cut_end), message=f"Remove {count - allowed} blank lines"))
