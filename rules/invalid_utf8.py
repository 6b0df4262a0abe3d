from __future__ import annotations

from doclint.diagnostics import Diagnostic, Fix
from doclint.rule import Rule


class InvalidUtf8(Rule):
    """The file is not valid UTF-8.

    ## What it does
    Reports the line and column of the first byte that is not UTF-8 and names
    the legacy encoding that decodes the file (Windows-1252, else Latin-1).

    ## Why is this bad?
    Tools that expect UTF-8 crash on the file or silently replace characters
    with `�`, losing text for good.

    ## Example
    The bytes `Caf\\xe9 \\xa3 5` (Windows-1252) instead of `Café £ 5` in UTF-8.

    ## Fix safety
    The fix transcodes the file to UTF-8. It is offered, as a safe fix, only
    when the guessed encoding decodes every byte to printable text. Otherwise
    the file is reported and no byte is changed.
    """

    code = "E102"
    name = "invalid-utf8"
    category = "encoding"
    severity = "error"
    fixable = "sometimes"

    def check(self, document, context):
        p = document.problem
        if p is None or p.binary:
            return
        start = document.line_starts[p.line - 1] + p.column - 1
        if p.guess:
            message = (f"File is not UTF-8: byte 0x{p.byte:02X} at {p.line}:{p.column}; "
                       f"it decodes as {p.guess_name}")
        else:
            message = f"File is not UTF-8: byte 0x{p.byte:02X} at {p.line}:{p.column}; no encoding decodes it cleanly"
        fix = None
        if p.confident:
            fix = Fix.safe(message=f"Transcode from {p.guess_name} to UTF-8", transcode=True)
        else:
            message += " (not fixed: the guess is uncertain)"
        yield Diagnostic(start, min(start + 1, len(document.text)), message, fix=fix)
