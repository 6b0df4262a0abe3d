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
# Windows-1252 prints at most of the C1 positions: a text in that encoding decoded as Latin-1 keeps its curly
# quotes, dashes and ellipses as C1 controls (`It\x92s`, `\x93Yes\x94`), and deleting them loses them. Where
# the character fits its place, it is put back instead.
_CP1252 = {chr(c): bytes([c]).decode("cp1252") for c in range(0x80, 0xA0) if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_CONTRACTION = re.compile(r"(?:s|t|d|m|ll|re|ve)\b", re.IGNORECASE)  # what follows an apostrophe inside a word
_OPENING = " \t\n\r([{\"'\u2018\u201c-\u2013\u2014/"  # what may stand before an opening quotation mark


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

    A C1 control where Windows-1252 has a quotation mark, a dash, an ellipsis
    or a euro sign, and that character fits its place (`It\\x92s`,
    `\\x93Yes\\x94`, `1990\\x962000`), is a Windows-1252 text decoded as
    Latin-1, when two or more such controls fit their places (one alone may
    be a control dropped at random): the message says which character it
    was. In such a text, a control where Windows-1252 has a letter
    (`\\x8akoda` for `Škoda`) is that letter when it sits in a word.

    ## Why is this bad?
    They are invisible or break terminals, parsers and tokenisers. They come
    from legacy files, terminals and broken conversions, never from the author.

    ## Example
    `The shares rose\\x0b 5%` holds a vertical tab. A form feed alone on its
    line is a page break (RFCs and GNU licences are paginated so) and is kept,
    unless `page-breaks` is false.

    ## Fix safety
    The fix deletes the character (or the whole escape sequence); a line or
    paragraph separator becomes a line break or a blank line; a Windows-1252
    character read as Latin-1 becomes that character again (deleting it lost
    the apostrophe of `It's`). It is safe.
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
        matches = list(_CONTROL.finditer(text))
        # A Windows-1252 text read as Latin-1 shows it in every quotation mark and apostrophe: a character is put
        # back only where two or more marks, dashes or signs fit their places (one that fits may be a control
        # dropped at random), and a letter (Š, œ) only then, as nothing else tells it from a stray control.
        meant_at = {m.start(): _windows_1252(text, m.start(), m.group()) for m in matches if len(m.group()) == 1}
        evidence = sum(c is not None and not c.isalpha() for c in meant_at.values()) >= 2
        for m in matches:
            s = m.group()
            if s == "\f" and self.options.page_breaks and _alone_on_line(text, m.start()):
                continue
            if len(s) > 1:
                what = f"ANSI escape sequence {s[1:]!r}"
            else:
                what = f"U+{ord(s):04X}" + (f" ({_NAMES[ord(s)]})" if ord(s) in _NAMES else "")
            meant = meant_at.get(m.start()) if evidence else None
            if meant is not None:
                what += f" (Windows-1252 {meant} read as Latin-1)"
                fix = Fix.safe(Edit(m.start(), m.end(), meant), message=f"Replace with {meant}")
            elif s in "\u2028\u2029":  # a line break that most tools do not read as one: made the document's own
                breaks = document.newline * (1 if s == "\u2028" else 2)
                fix = Fix.safe(Edit(m.start(), m.end(), breaks), message="Replace with a line break" + (
                    "" if s == "\u2028" else " and a blank line"))
            else:
                fix = Fix.safe(Edit(m.start(), m.end()), message="Delete it")
            yield Diagnostic(m.start(), m.end(), f"Control character: {what}", fix=fix)


def _windows_1252(text: str, at: int, char: str) -> str | None:
    """The Windows-1252 character the C1 control at `at` stands for, if it fits its place: an apostrophe after a
    letter, an opening quotation mark before a word and a closing one after, a dash between spaces (an en dash
    also between digits), an ellipsis after a word, a euro sign before a number. A control dropped anywhere else
    (`gov\x93ernment`) is no character of the text."""
    meant = _CP1252.get(char)
    if meant is None:
        return None
    before = text[at - 1] if at > 0 else "\n"
    after = text[at + 1] if at + 1 < len(text) else "\n"
    word_before, word_after = before.isalnum(), after.isalnum()
    if meant in "\u2019\u203a":  # an apostrophe (it's, don't, the 1990s) or a closing single mark
        fits = ((word_before and (not word_after or _CONTRACTION.match(text, at + 1) is not None))
                or (before in "\u2018.!?,;" and not word_after))
    elif meant in "\u2018\u201c\u201e\u201a\u2039":  # opening marks
        fits = before in _OPENING and not after.isspace() and after != "\n"
    elif meant == "\u201d":
        fits = not before.isspace() and not word_after
    elif meant in "\u2013\u2014":
        fits = (before == " " and after == " ") or (meant == "\u2013" and before.isdigit() and after.isdigit())
    elif meant == "\u2026":
        fits = not before.isspace() and not word_after
    elif meant == "\u20ac":
        fits = after.isdigit() and not word_before
    elif meant == "\u2122":
        fits = word_before and not word_after
    elif meant == "\u2022":
        fits = before in "\n\t " and after == " "
    elif meant.isalpha():  # Š, œ: in a word (and in a text whose other controls were Windows-1252: see check)
        fits = before.isalpha() or after.isalpha()
    else:
        fits = False  # rarer signs (†, ‰): nothing tells them from a stray control
    return meant if fits else None


def _alone_on_line(text: str, at: int) -> bool:
    """Whether the character at `at` is the only thing on its line but whitespace."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return not text[start:end if end != -1 else len(text)].strip()
