from __future__ import annotations

from dataclasses import dataclass

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.layout import is_blank
from doclint.rule import Rule, option


@dataclass(frozen=True)
class Options:
    max_blank_lines: int = option(1, "How many consecutive blank lines are allowed.")
    max_blank_lines_at_start: int = option(0, "How many blank lines may open the file.")
    max_blank_lines_at_end: int = option(0, "How many blank lines may follow the last line of text.")

    def validate(self):
        if min(self.max_blank_lines, self.max_blank_lines_at_start, self.max_blank_lines_at_end) < 0:
            return "max-blank-lines, max-blank-lines-at-start and max-blank-lines-at-end must be 0 or more"
        return None


class TooManyBlankLines(Rule):
    """More consecutive blank lines than allowed.

    ## What it does
    Flags runs of blank (or whitespace-only) lines longer than
    `max-blank-lines` (default 1), and blank lines that open the file or
    follow its last line of text (`max-blank-lines-at-start` and
    `max-blank-lines-at-end`, default 0). In Markdown, blank lines inside a
    fenced code block are the code's own layout and are left alone.

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
            if not _blank(document.line_text(line)):
                line += 1
                continue
            first = line
            while line < limit and _blank(document.line_text(line)):
                line += 1
            last = line - 1
            count = last - first + 1
            if first == 0 and last == limit - 1:
                return  # no text at all: an empty document, not a layout to tidy
            if first == 0:
                most, where = self.options.max_blank_lines_at_start, " at the start of the file"
            elif last == limit - 1:  # nothing but blank lines after it: the file's end
                most, where = self.options.max_blank_lines_at_end, " at the end of the file"
            else:
                most, where = allowed, ""
            if count <= most or document.in_code(starts[first]):
                continue  # in Markdown, a code block keeps its own layout (two blank lines between Python functions)
            start = starts[first + most]
            end = max(start, document.line_span(last)[1])
            cut_end = starts[last + 1] if last + 1 < n else len(text)
            what = f"{_lines(count)}{where}" if where else f"{count} consecutive blank lines"
            yield Diagnostic(start, end, f"{what} (at most {most} allowed)",
                             fix=Fix.safe(Edit(start, cut_end), message=f"Remove {_lines(count - most)}"))


def _blank(line: str) -> bool:
    """A blank line; one holding a form feed is a page break, which ends a run of blank lines."""
    return is_blank(line) and "\f" not in line


def _lines(count: int) -> str:
    return f"{count} blank line" + ("s" if count != 1 else "")
