from __future__ import annotations

import html
import re
from dataclasses import dataclass

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule, option
from doclint.rules.mojibake import claimed, settled

# A terminal's control sequences (CSI: `ESC[31m`; OSC: `ESC]0;title BEL`). Not the two-character escapes (`ESC M`):
# in text an ESC before a capital is a stray control, and the capital starts a word.
_ANSI = r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\))"
# C0 and C1 controls except tab, line feed and carriage return. A control that is part of a stretch of mojibake
# (`â€\x9d`, the closing quote misread) is the mojibake rule's to repair (see `check`).
_CONTROL = lazyre.compile(f"{_ANSI}|[\\u2028\\u2029]|[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1a\\x1c-\\x1f\\x7f-\\x9f]|\\x1b"
                          # a carriage return written in caret notation (`^M`) at a line's end, as a pager or an editor
                          # shows it and a copy of its screen keeps it
                          "|\\^M(?=\\r?\\n|\\Z)")
_SCREEN = frozenset(map(chr, [*range(0, 9), 11, 12, *range(14, 32), *range(0x7F, 0xA0), 0x2028, 0x2029]))
_NAMES = {0: "NUL", 7: "BEL", 8: "BS", 0x0B: "vertical tab", 0x0C: "form feed", 0x1A: "SUB", 0x1B: "ESC",
          0x7F: "DEL", 0x2028: "line separator", 0x2029: "paragraph separator"}
# Windows-1252 prints at most of the C1 positions: a text in that encoding decoded as Latin-1 keeps its curly
# quotes, dashes and ellipses as C1 controls (`It\x92s`, `\x93Yes\x94`), and deleting them loses them. Where
# the character fits its place, it is put back instead.
_CP1252 = {chr(c): bytes([c]).decode("cp1252") for c in range(0x80, 0xA0) if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_SKIPPED = frozenset(map(chr, range(0x80, 0xA0))) | frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_ENTITY_BEFORE = lazyre.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});$")
_ENTITY_AFTER = lazyre.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CONTRACTION = lazyre.compile(r"(?:s|t|d|m|ll|re|ve)\b", re.IGNORECASE)  # what follows an apostrophe inside a word
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
    (`ESC[31m`; not in a Markdown code block, where a terminal's coloured
    output is shown on purpose), and U+0080-U+009F; also Unicode's line and paragraph
    separators (U+2028, U+2029), line breaks that word processors and
    JavaScript leave behind and that most tools do not read as one; and a
    carriage return written as `^M` at a line's end, as a pager or an editor
    shows it (`Total: 5 units^M`).

    A C1 control where Windows-1252 has a quotation mark, a dash, an ellipsis
    or a euro sign, and that character fits its place (`It\\x92s`,
    `\\x93Yes\\x94`, German `\\x84Ja\\x93`, `1990\\x962000`), is a Windows-1252
    text decoded as Latin-1: the message says which character it was. Where
    two or more such controls fit their places, a control where Windows-1252
    has a letter (`\\x8akoda` for `Škoda`) is that letter when it sits in a
    word. A control that is part of a stretch of mojibake (`â€\\x9d` for `”`)
    is left to `mojibake`, which repairs the stretch whole.

    ## Why is this bad?
    They are invisible or break terminals, parsers and tokenisers. They come
    from legacy files, terminals and broken conversions, never from the author.

    ## Example
    `The shares rose\\x0b 5%` holds a vertical tab. A form feed alone on its
    line is a page break (RFCs and GNU licences are paginated so) and is kept,
    unless `page-breaks` is false.

    ## Fix safety
    The fix deletes the character (or the whole escape sequence, or `^M`); a
    line or paragraph separator becomes a line break or a blank line. These
    are safe. A Windows-1252 character read as Latin-1 becomes that character
    again (deleting it lost the apostrophe of `It's`): safe where two or more
    fit their places, unsafe where one alone does (it may be a control dropped
    at random, but deleting it would lose the character for good, so `--fix`
    leaves it for `--unsafe-fixes`).
    """

    code = "E103"
    screen = _SCREEN
    name = "control-character"
    category = "encoding"
    severity = "error"
    fixable = "sometimes"
    Options = Options

    def check(self, document, context):
        text = document.text
        if not document.suspects & _SCREEN and "^M" not in text:
            return
        matches = list(_CONTROL.finditer(text))
        if any(len(m.group()) == 1 and "\x80" <= m.group() <= "\x9f" for m in matches):
            in_mojibake = claimed(document)
            matches = [m for m in matches if not in_mojibake(m.start())]
        # A Windows-1252 text read as Latin-1 shows it in every quotation mark and apostrophe: a character is put
        # back by --fix where two or more marks, dashes or signs fit their places (one that fits may be a control
        # dropped at random, and is put back only by --unsafe-fixes), and a letter (Š, œ) only then, as nothing
        # else tells it from a stray control.
        meant_at = {m.start(): _windows_1252(text, m.start(), m.group()) for m in matches if len(m.group()) == 1}
        evidence = sum(c is not None and not c.isalpha() for c in meant_at.values()) >= 2
        found = []  # (match, what, fix, whether the fix puts a Windows-1252 character back)
        for m in matches:
            s = m.group()
            if s == "\f" and self.options.page_breaks and _alone_on_line(text, m.start()):
                continue
            meant = meant_at.get(m.start())
            if s == "^M":
                what, fix = "a carriage return written as ^M", Fix.safe(Edit(m.start(), m.end()), message="Delete it")
            elif len(s) > 1:
                if document.in_code(m.start()):
                    continue  # a terminal's coloured output shown in a code block (```ansi): the author's example
                what, fix = f"ANSI escape sequence {s[1:]!r}", Fix.safe(Edit(m.start(), m.end()), message="Delete it")
            else:
                what = f"U+{ord(s):04X}" + (f" ({_NAMES[ord(s)]})" if ord(s) in _NAMES else "")
                if meant is not None and (evidence or not meant.isalpha()):
                    what += f" (Windows-1252 {meant} read as Latin-1)"
                    fix = (Fix.safe if evidence else Fix.unsafe)(Edit(m.start(), m.end(), meant),
                                                                 message=f"Replace with {meant}")
                elif s in "\u2028\u2029":  # a line break most tools do not read as one: made the document's own
                    breaks = document.newline * (1 if s == "\u2028" else 2)
                    fix = Fix.safe(Edit(m.start(), m.end(), breaks), message="Replace with a line break" + (
                        "" if s == "\u2028" else " and a blank line"))
                else:
                    fix = Fix.safe(Edit(m.start(), m.end()), message="Delete it")
            put_back = meant is not None and bool(fix.edits[0].replacement)
            found.append((m, what, settled(document, m.start(), fix), put_back))
        # The characters put back stand on one another's evidence: were --fix to put back some (others waiting for
        # --unsafe-fixes, on a line whose mojibake repair is unsafe), the rest would no longer have it. All or none.
        if any(put_back and not fix.is_safe for _, _, fix, put_back in found):
            found = [(m, what, Fix.unsafe(*fix.edits, message=fix.message) if put_back else fix, put_back)
                     for m, what, fix, put_back in found]
        for m, what, fix, _ in found:
            yield Diagnostic(m.start(), m.end(), f"Control character: {what}", fix=fix)


def _windows_1252(text: str, at: int, char: str) -> str | None:
    """The Windows-1252 character the C1 control at `at` stands for, if it fits its place: an apostrophe after a
    letter, an opening quotation mark before a word and a closing one after, a dash between spaces (an en dash
    also between digits), an ellipsis after a word, a euro sign before a number. A control dropped anywhere else
    (`gov\x93ernment`) is no character of the text."""
    meant = _CP1252.get(char)
    if meant is None:
        return None
    # The neighbours, past any other C1 control (`quotes\x85\x94` is `quotes…”`) and invisible character: whether
    # those are put back or deleted, which they may be by an earlier --fix, does not change how this one is read.
    i, j = at - 1, at + 1
    while i >= 0 and text[i] in _SKIPPED:
        i -= 1
    while j < len(text) and text[j] in _SKIPPED:
        j += 1
    before = text[i] if i >= 0 else "\n"
    after = text[j] if j < len(text) else "\n"
    if before == ";" and (entity := _ENTITY_BEFORE.search(text, max(0, i - 40), i + 1)):
        before = html.unescape(entity.group())[-1:] or before  # as html-entity will leave it: `&amp;\x92`
    if after == "&" and (entity := _ENTITY_AFTER.match(text, j)):
        after = html.unescape(entity.group())[:1] or after
    word_before, word_after = before.isalnum(), after.isalnum()
    if meant in "\u2019\u203a":  # an apostrophe (it's, don't, the 1990s) or a closing single mark
        fits = ((word_before and (not word_after or _CONTRACTION.match(text, j) is not None))
                or (before in "\u2018.!?,;" and not word_after))
    elif meant in "\u201e\u201a\u2039":  # opening marks
        fits = before in _OPENING and not after.isspace() and after != "\n"
    elif meant in "\u2018\u201c":  # opening marks in English, closing ones in German (`„Ja“`, `‚ja‘`)
        fits = (before in _OPENING and not after.isspace() and after != "\n") or (
            not before.isspace() and not word_after and i >= 0)
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
