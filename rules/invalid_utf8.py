from __future__ import annotations

from doclint.diagnostics import Diagnostic, Fix
from doclint.rule import Rule


class InvalidUtf8(Rule):
    """The file is not valid UTF-8.

    ## What it does
    Reports the line and column of the first byte that is not UTF-8 and names
    the legacy encoding the file is written in, with the language it reads
    (`it decodes as Windows-1253 (Greek)`). The encoding is detected with
    charset-normalizer, whose readings of the bytes, and those of the common
    code pages, doclint compares (doclint/legacy.py): the detection is
    confident when one reading is clearly the best, that is, no other is as
    clean, as coherent in its language and as well spelled (its accented
    letters those of one language's alphabet, each in a case and a place that
    fit). Otherwise the message names the rival reading too (`it decodes as
    Windows-1252, or as Windows-1250 (not fixed: the guess is uncertain)`). A file that is UTF-8
    but for a few bytes (a line pasted in Latin-1) is reported as such.

    ## Why is this bad?
    Tools that expect UTF-8 crash on the file or silently replace characters
    with `�`, losing text for good; one that guesses the encoding wrong turns
    every letter into another (`Η ελληνική` read as Windows-1252 is
    `Ç åëëçíéêÞ`).

    ## Example
    The bytes `Caf\\xe9 \\xa3 5` (Windows-1252) instead of `Café £ 5` in UTF-8.

    ## Fix safety
    The fix transcodes the file to UTF-8, and the other rules' fixes are
    applied to the text so read. It is offered, as a safe fix, only when the
    detection is confident and the reading coherent. Otherwise, and for a file
    that is UTF-8 but for a few bytes, there is no fix: no rule's fix is
    applied and the file's bytes are never rewritten.
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
        from doclint.legacy import name

        starts = document.line_starts
        start = min(starts[min(p.line, len(starts)) - 1] + p.column - 1, max(len(document.text) - 1, 0))
        where = f"File is not UTF-8: byte 0x{p.byte:02X} at {p.line}:{p.column}"
        language = f" ({p.language})" if p.language and p.language != "Unknown" else ""
        fix = None
        if p.mixed:
            message = (f"{where}; the file is UTF-8 but for {p.mixed} byte{'s' * (p.mixed > 1)}, which may be "
                       f"{p.guess_name} (not fixed: their encoding is a guess)")
        elif p.guess and p.confident:
            message = f"{where}; it decodes as {p.guess_name}{language}"
            fix = Fix.safe(message=f"Transcode from {p.guess_name} to UTF-8", transcode=True)
        elif p.guess:
            rival = f", or as {name(p.rival)}" if p.rival else ""
            message = f"{where}; it decodes as {p.guess_name}{language}{rival} (not fixed: the guess is uncertain)"
        else:
            message = f"{where}; no encoding decodes it cleanly (not fixed)"
        yield Diagnostic(start, min(start + 1, len(document.text)), message, fix=fix)
