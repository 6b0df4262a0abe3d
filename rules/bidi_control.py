from __future__ import annotations

import unicodedata

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule

_SCREEN = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI = lazyre.compile("[\u202a-\u202e\u2066-\u2069]")


class BidiControl(Rule):
    """Bidirectional override or isolate control ("Trojan Source").

    ## What it does
    Flags the embedding, override and isolate controls U+202A-U+202E and
    U+2066-U+2069. The left-to-right and right-to-left marks (U+200E, U+200F),
    which right-to-left text needs, are not flagged.

    ## Why is this bad?
    Security: these characters reorder how text is displayed, so what a reader
    sees can differ from what the text contains (CVE-2021-42574, "Trojan
    Source"). In scraped prose they are almost never intended.

    ## Example
    `Pay \u202eusd 001\u202c now` displays reversed.

    ## Fix safety
    The fix deletes the control. It is unsafe: in genuine right-to-left text
    removing it can change the displayed order, so review it.
    """

    code = "E105"
    screen = _SCREEN
    name = "bidi-control"
    category = "encoding"
    severity = "error"
    fixable = "unsafe"

    def check(self, document, context):
        if not document.suspects & _SCREEN:
            return
        for m in _BIDI.finditer(document.text):
            c = m.group()
            name = unicodedata.name(c).lower()
            yield Diagnostic(m.start(), m.end(),
                             f"Bidirectional control U+{ord(c):04X} ({name}): it can make the text display "
                             f"differently from what it contains (security)",
                             fix=Fix.unsafe(Edit(m.start(), m.end()), message="Delete it"))
