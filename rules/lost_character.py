from __future__ import annotations

import re

from doclint import lazyre
from doclint.diagnostics import Diagnostic
from doclint.rule import Rule
from doclint.rules.quoted_printable import HEADER_FIELD, header_end

# A question mark inside a word, between two letters, the word standing alone (not in a URL's query `page?id=3`,
# nor glued to code), or to a hyphenated word's last part (`as-is?they` for `as-is—they`): what an encoder that
# cannot write a character writes instead (`Nicol?s` for `Nicolás`, `don?t` for `don’t`). A question ends a word and is followed by a space or a capital.
_LOST = lazyre.compile(r"(?<![^\s(\"'“‘\[-])[^\W\d_]+(?:\?{1,3}[^\W\d_]+)+(?=[\s,.;!)\"'”’\]]|:\s|:$|$)")


# A question mark that opens a word, after a space, a comma or a bracket, or that follows an abbreviation's full
# stop before a word in lower case: no question ends there, a lost character stood there (`the ?Optimistic
# Concurrency Control?` for curly quotes, `Director,?Laboratory` for a non-breaking space, `a ?crit` for `a écrit`,
# `etc.?on Monday` for a dash). Not in code (`?Sized`, `(?i)`: in an example, or no word follows).
_OPENING = lazyre.compile(r"(?:(?<=[\s,;(])|^)\?(?=[^\W\d_]{2})|(?<=[^\W\d_]\.)\?(?=[a-z])|(?<=[^\W\d_],)\?(?=\d)",
                          re.MULTILINE)  # (and a figure glued after a word's comma: `Sciences,?1675`)
# A list's bullet (`•`) lost at a line's start, quoted or not, before an item that opens with a capital: `> >>> ?
# Still Image capture: method 2 and method 3 ...`. No question opens a line.
_LOST_BULLET = lazyre.compile(r"^[ \t>]*(\?)(?=[ \t]+[A-Z][A-Za-z])", re.MULTILINE)
# R's help operator after the words that send a reader to a help page ("see ?table for ...", "As suggested in
# ?Startup,"): `?` before a function's or a topic's name, no lost character.
_HELP_PAGE = lazyre.compile(r"\b(?:see|at|in|of|read|type|try|check|cf\.?|consult|also)\s+$", re.IGNORECASE)
_ASCII_NAME = lazyre.compile(r"[A-Za-z][A-Za-z0-9_.]*(?![^\W\d_])")
# A contraction whose apostrophe was lost: `I?d`, `I?m`, `I?ll`, `I?ve` (the word is too short for _LOST's rule).
_CONTRACTION = lazyre.compile(r"\bI\?(?:d|m|ll|ve)\b")


# Words written wholly in question marks, two or more in a row (`(???? ????/???? ???)`): words of another script
# that an encoder could not write, each letter become `?`. A question or an emphasis writes its marks after a word.
_LOST_WORDS = lazyre.compile(r"(?<![\w?])\?{2,}(?:[ /]\?{2,})+(?![\w?])")

# Three or more question marks standing alone between spaces (`? ? ? ? Please keep list traffic on the list.`):
# non-breaking spaces that indented or spaced a signature, each become `?`. A writer's marks follow a word.
_LOST_SPACES = lazyre.compile(r"(?<![\w?])\?{1,2}(?:[ \t]\?{1,2}){2,}(?![\w?])")


# Three question marks in a row where one character stood: the three bytes of a curly quote or a dash in UTF-8
# (`’`, `“`, `—`), each written as `?` by an encoder that read them one by one (`don???t`, `Bones???s`). Once a
# document shows such a run inside a word, its other runs of three are the same loss, wherever they stand:
# opening a quotation (`???decaf,'???`), as a dash between spaces (`Burgess ??? maybe`), after a word (`away ???`).
_BYTE_RUN = lazyre.compile(r"(?<!\?)\?{3}(?!\?)")
_BYTE_RUN_IN_WORD = lazyre.compile(r"[^\W\d_]\?{3}[^\W\d_]")


class LostCharacter(Rule):
    """Question mark standing for a character lost in a conversion (`Nicol?s`).

    ## What it does
    Flags words with a question mark between two letters, where a small
    letter follows it: `Nicol?s Ech?niz` for `Nicolás Echániz`, `don?t` for
    `don’t`, also after a hyphenated word's last part (`as-is?they`). An encoder that cannot write a character in its target encoding
    (a name with accents sent as ASCII, a curly apostrophe saved as
    Latin-1) writes `?` instead. Also a question mark that opens a word,
    after a space, a comma or a bracket (`the ?Optimistic Concurrency
    Control?` for curly quotes, `Director,?Laboratory` for a non-breaking
    space, `a ?crit` for `a écrit`; a figure after a word's comma:
    `Sciences,?1675`), one opening a line before a list's item, quoted or
    not (`> ? Still Image capture: ...`: a bullet), one after an abbreviation's full stop
    before a word in lower case (`etc.?on Monday`; not R's help operator
    after `see`, `in` or `at`: `see ?matrix`), a contraction's
    lost apostrophe (`I?d`, `I?m`), and two or more words written wholly in
    question marks (`(???? ????/???? ???)`: words of another script), and
    three or more question marks standing alone between spaces (`? ? ?
    Please keep list traffic on the list.`: non-breaking spaces that
    spaced a signature). In a text where three question marks stand
    inside a word (`don???t`: a curly apostrophe's three bytes in UTF-8,
    each written as `?`), every other run of exactly three is the same loss
    (`???decaf,'???`, `Burgess ??? maybe`). A question mark that ends a question,
    one in a URL (`page?id=3`) or in code (`?Sized`, `(?i)`), one
    between a word and a capital, and those of a message header's routing
    fields (`Received: from ?IPV6:2001:db8::1?`, their syntax; `From:` and
    `Subject:` are read) are left alone. A conversion that wrote `?` for
    what its charset lacked lost every such character of the text: in a text
    that keeps a letter beyond ASCII as it is (`señor`), three `?` are a
    writer's (`drinking???Don't`); in one that keeps `–` or `…`, no letter
    or quote was lost (`Samal area?constantly ...?`: a question), only,
    perhaps, another script's words; one that keeps a character no Western
    charset has (`ł`, Cyrillic) is not read at all.

    ## Why is this bad?
    The character is gone: readers guess, search and deduplication see
    another word, and only the source can restore it.

    ## Example
    `Thanks to Nicol?s for the patch.`

    ## Fix safety
    There is no fix: nothing tells which character was lost.
    """

    code = "E112"
    name = "lost-character"
    category = "encoding"
    severity = "warning"

    def check(self, document, context):
        text = document.text
        if "?" not in text:
            return
        found = []
        kept = _kept_beyond_ascii(text)
        if kept == _BEYOND_CP1252:
            return  # a text that writes `ł` or `中` as they are went through no conversion that lost characters
        letters = kept < _BEYOND_LATIN_1  # (see _kept_beyond_ascii)
        for m in (_LOST.finditer(text) if letters else ()):
            word = m.group()
            if (not all(part[:1].islower() for part in re.split(r"\?+", word)[1:]) or len(word) - word.count("?") < 3) \
                    and not _CONTRACTION.fullmatch(word):
                continue  # `Really?Yes`: a question glued to the next sentence; `x?y`: a formula
            found.append((m.start(), m.end(), f'"{word}": a "?" inside a word stands for a character lost in an '
                                              f"earlier conversion"))
        for m in (_OPENING.finditer(text) if letters else ()):
            if _HELP_PAGE.search(text, max(0, m.start() - 12), m.start()) and _ASCII_NAME.match(text, m.end()):
                continue  # "see ?matrix for more", "Look at ?predict.rpart": R's help operator naming a page
            end = m.end() + len(re.match(r"[^\W\d_]*", text[m.end():m.end() + 40]).group())
            found.append((m.start(), end, f'"{text[m.start():end]}": a "?" opening a word stands for a character '
                                          f"lost in an earlier conversion"))
        for m in (_LOST_BULLET.finditer(text) if letters else ()):
            found.append((m.start(1), m.end(1), '"?": a "?" opening a line before a list\'s item stands for its '
                                                "bullet, lost in an earlier conversion"))
        for m in _LOST_WORDS.finditer(text):
            found.append((m.start(), m.end(), f'"{m.group()}": words written wholly in "?" stand for words of another '
                                              f"script lost in an earlier conversion"))
        for m in _LOST_SPACES.finditer(text):
            found.append((m.start(), m.end(), f'"{m.group()}": question marks standing alone between spaces stand '
                                              f"for spaces (non-breaking ones) lost in an earlier conversion"))
        if _BYTE_RUN_IN_WORD.search(text) and not kept:  # (`ñ` written as it is: no byte of UTF-8 was lost)
            taken = {k for a, b, _ in found for k in range(a, b)}  # (each found span's characters, once)
            for m in _BYTE_RUN.finditer(text):
                if m.start() not in taken:
                    found.append((m.start(), m.end(), f'"{m.group()}": three "?" stand for the three bytes of a '
                                                      f"character (a curly quote, a dash) lost in an earlier "
                                                      f"conversion, as inside this text's words"))
        header = header_end(text) if document.is_mail else 0
        for start, end, message in sorted(found):
            if not document.in_example_code(start) and not (start < header and _routing_field(text, start)):
                yield Diagnostic(start, end, message)


_LATIN_1 = 1  # a text writes characters beyond ASCII, all in Latin-1 (`ñ`, `é`)
_BEYOND_LATIN_1 = 2  # ... and some beyond it, all in Windows-1252 (`–`, `…`, `“`)
_BEYOND_CP1252 = 3  # ... and some Windows-1252 lacks (`ł`, `ő`, Cyrillic, Chinese)


def _kept_beyond_ascii(text: str) -> int:
    """What a text writes beyond ASCII as it is (U+FFFD aside): 0, _LATIN_1, _BEYOND_LATIN_1 or _BEYOND_CP1252.
    A conversion that wrote `?` for what its charset lacked lost every such character of the text. One that kept
    `ñ` lost no character byte by byte (`drinking???Don't`: a writer's questions); one that kept `–` and `…` lost
    no letter or curly quote to ASCII or Latin-1 (`Samal area?constantly splashing repellent?`: a writer's
    question), though one to Windows-1252 may have lost another script's words; one that kept a character no
    Western charset has went through no such conversion."""
    if text.isascii():
        return 0
    beyond = {c for c in text if ord(c) > 0x7F and c != "\ufffd"}
    if not beyond:
        return 0
    if all(ord(c) <= 0xFF for c in beyond):
        return _LATIN_1
    try:
        "".join(beyond).encode("cp1252")
    except UnicodeEncodeError:
        return _BEYOND_CP1252
    return _BEYOND_LATIN_1


# A message's header fields of routing and signing, whose `?` are their syntax (`Received: from
# ?IPV6:2001:db8::1?`, a client's address in brackets of question marks); the fields people write (From, Subject)
# are read.
_PEOPLES_FIELDS = {"from", "to", "cc", "bcc", "subject", "reply-to", "sender", "organization", "organisation"}


def _routing_field(text: str, at: int) -> bool:
    """Whether offset `at` of a header block stands in a field other than one people write."""
    line = text.rfind("\n", 0, at) + 1
    while line > 0 and text[line:line + 1] in " \t":  # a folded line: the field opened on a line above
        line = text.rfind("\n", 0, line - 1) + 1
    m = HEADER_FIELD.match(text, line)
    return m is not None and m.group(1).lower() not in _PEOPLES_FIELDS
