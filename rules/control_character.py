from __future__ import annotations

import re
from dataclasses import dataclass

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule, option

# A terminal's control sequences (CSI: `ESC[31m`; OSC: `ESC]0;title BEL`). Not the two-character escapes (`ESC M`):
# in text an ESC before a capital is a stray control, and the capital starts a word.
_ANSI = r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\))"
# C0 and C1 controls except tab, line feed and carriage return. A C1 control right after a
# UTF-8 lead byte read as Latin-1 (Â..ô) belongs to mojibake and is left to that rule.
_CONTROL = re.compile(f"{_ANSI}|[\\u2028\\u2029]|[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1a\\x1c-\\x1f\\x7f]|(?<![\\u00c2-\\u00f4\\x80-\\x9f])[\\x80-\\x9f]|\\x1b")
_SCREEN = frozenset(map(chr, [*range(0, 9), 11, 12, *range(14, 32), *range(0x7F, 0xA0), 0x2028, 0x2029]))
_NAMES = {0: "NUL", 7: "BEL", 8: "BS", 0x0B: "vertical tab", 0x0C: "form feed", 0x1A: "SUB", 0x1B: "ESC",
          0x7F: "DEL", 0x2028: "line separator", 0x2029: "paragraph separator"}


@dataclass(frozen=True)
class Options:
    page_breaks: bool = option(True, "Keep a form feed that stands alone on its line (a page break, as RFCs and "
                                     "GNU licences use it).")


class ControlCharacter(Rule):
    """Control character in the text.

    ## What it does
    Flags C0 and C1 control characters other than tab, line feed and carriage
    return: NUL, vertical tab, form feed, SUB, DEL, ANSI escape sequences
    (`ESC[31m`), and U+0080-U+009F; also Unicode's line and paragraph
    separators (U+2028, U+2029), line breaks that word processors and
    JavaScript leave behind and that most tools do not read as one.

    ## Why is this bad?
    They are invisible or break terminals, parsers and tokenisers. They come
    from legacy files, terminals and broken conversions, never from the author.

    ## Example
    `The shares rose\\x0b 5%` holds a vertical tab. A form feed alone on its
    line is a page break (RFCs and GNU licences are paginated so) and is kept,
    unless `page-breaks` is false.

    ## Fix safety
    The fix deletes the character (or the whole escape sequence); a line or
    paragraph separator becomes a line break or a blank line. It is safe.
    """

    code = "E103"
    name = "control-character"
    category = "encoding"
    severity = "error"
    fixable = "safe"
    Options = Options

    def check(self, document, context):
        if not document.suspects & _SCREEN:
            return
        text = document.text
        for m in _CONTROL.finditer(text):
            s = m.group()
            if s == "\f" and self.options.page_breaks and _alone_on_line(text, m.start()):
                continue
            if len(s) > 1:
                what = f"ANSI escape sequence {s[1:]!r}"
            else:
                what = f"U+{ord(s):04X}" + (f" ({_NAMES[ord(s)]})" if ord(s) in _NAMES else "")
            if s in "\u2028\u2029":  # a line break that most tools do not read as one: made the document's own
                breaks = document.newline * (1 if s == "\u2028" else 2)
                fix = Fix.safe(Edit(m.start(), m.end(), breaks), message="Replace with a line break" + (
                    "" if s == "\u2028" else " and a blank line"))
            else:
                fix = Fix.safe(Edit(m.start(), m.end()), message="Delete it")
            yield Diagnostic(m.start(), m.end(), f"Control character: {what}", fix=fix)


def _alone_on_line(text: str, at: int) -> bool:
    """Whether the character at `at` is the only thing on its line but whitespace."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return not text[start:end if end != -1 else len(text)].strip()
