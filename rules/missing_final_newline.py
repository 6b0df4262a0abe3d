from __future__ import annotations

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule


class MissingFinalNewline(Rule):
    """The file does not end with a line break.

    ## What it does
    Flags a non-empty document whose last line has no line break. Not a
    record of a JSONL corpus: its text is a JSON string, which by convention
    ends where its last line does.

    ## Why is this bad?
    Concatenating such files glues the last line of one to the first line of
    the next, and many tools count or compare lines wrongly.

    ## Example
    A file whose last bytes are `...the end.` with no `\\n`.

    ## Fix safety
    The fix appends the file's own line break (`\\n` or `\\r\\n`). It is safe.
    """

    code = "W106"
    name = "missing-final-newline"
    category = "whitespace"
    fixable = "safe"

    def check(self, document, context):
        text = document.text
        if text and not text.endswith("\n") and document.record is None:
            end = len(text)
            yield Diagnostic(end, end, "No line break at the end of the file",
                             fix=Fix.safe(Edit(end, end, document.newline), message="Add a final line break"))
