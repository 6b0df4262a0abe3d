from __future__ import annotations

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule

_LONE_CR = lazyre.compile(r"\r(?!\n)")


class MixedLineEndings(Rule):
    """Line endings of more than one kind (CRLF, LF, a lone CR) in one file.

    ## What it does
    Flags the line breaks that differ from the file's dominant convention:
    `\\r\\n` (Windows) in a mostly `\\n` file, or the reverse. Ties go to `\\n`.
    A lone `\\r` (the classic Mac line break) is always flagged: most tools
    do not see it as a line break, so the lines it separates run together.
    A file whose every line break is a lone `\\r` gets one finding, at its
    first line break and spanning them all, that counts them.

    ## Why is this bad?
    Mixed endings come from pasting between systems. They show up as `^M` in
    editors and make lines compare unequal.

    ## Example
    A file whose lines end in `\\n` except one that ends in `\\r\\n`.

    ## Fix safety
    The fix rewrites each odd line break (and each lone `\\r`) to the
    dominant one. It is safe.
    """

    code = "W105"
    name = "mixed-line-endings"
    category = "whitespace"
    fixable = "safe"
    raw_line_breaks = True

    def check(self, document, context):
        text = document.text
        crlf = text.count("\r\n")
        lf = text.count("\n") - crlf
        want = "\r\n" if crlf > lf else "\n"
        if "\r" in text and not crlf and not lf:  # every line break a lone CR: one finding for the whole file
            edits = [Edit(m.start(), m.end(), "\n") for m in _LONE_CR.finditer(text)]
            yield Diagnostic(edits[0].start, edits[-1].end,  # (a fix changes nothing outside its finding)
                             f"The file's {len(edits)} line breaks are lone carriage returns (CR), the classic Mac OS "
                             f"convention, which most tools read as one long line",
                             fix=Fix.safe(*edits, message="Use LF"))
        elif "\r" in text and text.count("\r") > crlf:
            usage = f"the file mostly uses {_name(want)}"
            for m in _LONE_CR.finditer(text):
                yield Diagnostic(m.start(), m.end(), f"Lone carriage return (CR) used as a line break; {usage}",
                                 fix=Fix.safe(Edit(m.start(), m.end(), want), message=f"Use {_name(want)}"))
        if not crlf or not lf:
            return
        for line in range(document.line_count - 1):
            _, end = document.line_span(line)
            brk_end = document.line_starts[line + 1]
            brk = text[end:brk_end]
            if brk != want:
                yield Diagnostic(end, brk_end, f"Line ends with {_name(brk)}; the file mostly uses {_name(want)}",
                                 fix=Fix.safe(Edit(end, brk_end, want), message=f"Use {_name(want)}"))


def _name(brk: str) -> str:
    return "CRLF" if brk == "\r\n" else "LF"
