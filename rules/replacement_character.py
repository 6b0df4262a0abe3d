from __future__ import annotations

import re

from doclint.diagnostics import Diagnostic
from doclint.rule import Rule

_FFFD = re.compile("\ufffd+")


class ReplacementCharacter(Rule):
    """Replacement character (U+FFFD): text already lost in an earlier decode.

    ## What it does
    Flags runs of `�`, the character a decoder substitutes for bytes it could
    not read.

    ## Why is this bad?
    The original characters are gone; only the source can restore them. The
    document should be re-fetched or re-decoded from the original bytes.

    ## Example
    `The caf\ufffd opened in 1998.`

    ## Fix safety
    There is no fix: nothing can tell what was lost.
    """

    code = "E107"
    name = "replacement-character"
    category = "encoding"
    severity = "error"

    def check(self, document, context):
        if "\ufffd" not in document.suspects:
            return
        for m in _FFFD.finditer(document.text):
            n = len(m.group())
            yield Diagnostic(m.start(), m.end(),
                             f"Replacement character{'s' * (n > 1)} (U+FFFD x{n}): text lost in an earlier decode")
