from __future__ import annotations

import re

from doclint import lazyre
from doclint.diagnostics import Diagnostic
from doclint.rule import Rule
from doclint.rules.mojibake import claimed

_FFFD = lazyre.compile("\ufffd+")


class ReplacementCharacter(Rule):
    """Replacement character (U+FFFD): text already lost in an earlier decode.

    ## What it does
    Flags runs of `�`, the character a decoder substitutes for bytes it could
    not read.

    A `�` that ends a stretch of mojibake whose last byte it replaced
    (`â€�`) is reported by `mojibake`, which repairs the stretch as a whole.
    A `�` on a line that names it (`U+FFFD`, `replacement character`: a text
    about the character) and one in Markdown code are left alone.

    ## Why is this bad?
    The original characters are gone; only the source can restore them. The
    document should be re-fetched or re-decoded from the original bytes.

    ## Example
    `The caf\ufffd opened in 1998.`

    ## Fix safety
    There is no fix: nothing can tell what was lost.
    """

    code = "E107"
    screen = frozenset("\ufffd")
    name = "replacement-character"
    category = "encoding"
    severity = "error"

    def check(self, document, context):
        if "\ufffd" not in document.suspects:
            return
        in_mojibake = claimed(document)
        for m in _FFFD.finditer(document.text):
            if in_mojibake(m.start()):
                continue  # `â€�`: mojibake reports it whole, with what ftfy reads
            if document.in_example_code(m.start()) or _named(document.text, m.start()):
                continue  # the character shown, not text lost: `the replacement character U+FFFD � is used`
            n = len(m.group())
            yield Diagnostic(m.start(), m.end(),
                             f"Replacement character{'s' * (n > 1)} (U+FFFD x{n}): text lost in an earlier decode")


_NAMED = lazyre.compile(r"U\+FFFD|replacement\s+character", re.IGNORECASE)


def _named(text: str, at: int) -> bool:
    """Whether the line of the character at `at` names it (a text about the character shows it)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return _NAMED.search(text, start, len(text) if end == -1 else end) is not None
