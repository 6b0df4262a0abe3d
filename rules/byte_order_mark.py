from __future__ import annotations

from doclint.diagnostics import Diagnostic, Fix
from doclint.rule import Rule


class ByteOrderMark(Rule):
    """The file starts with a byte-order mark.

    ## What it does
    Flags a UTF-8 byte-order mark (`EF BB BF`) or a UTF-16 or UTF-32 one at
    the start of the file (a UTF-32 file is read as such, not as UTF-16 or as
    binary data).

    ## Why is this bad?
    UTF-8 needs no byte order. The mark ends up glued to the first word of the
    document when files are concatenated or parsed, and breaks exact matching.

    ## Example
    A file whose first bytes are `EF BB BF 54 68 65` ("\\ufeffThe").

    ## Fix safety
    The fix saves the file as UTF-8 without the mark. It is safe.
    """

    code = "E108"
    name = "byte-order-mark"
    category = "encoding"
    severity = "warning"
    fixable = "safe"

    def check(self, document, context):
        if document.bom:
            what = {"utf-16": "UTF-16", "utf-32": "UTF-32"}.get(document.encoding, "UTF-8")
            yield Diagnostic(0, 0, f"File starts with a {what} byte-order mark",
                             fix=Fix.safe(message="Save as UTF-8 without the mark", transcode=True))
