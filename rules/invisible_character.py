from __future__ import annotations

import unicodedata

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule
from doclint.rules.mojibake import claimed, settled

_NAMES = {"\u200b": "zero-width space", "\ufeff": "zero-width no-break space (BOM) inside the text",
          "\u00ad": "soft hyphen", "\u2060": "word joiner", "\u200c": "zero-width non-joiner",
          "\u200d": "zero-width joiner", "\u180e": "Mongolian vowel separator", "\u2061": "function application",
          "\u2062": "invisible times", "\u2063": "invisible separator", "\u2064": "invisible plus",
          "\u034f": "combining grapheme joiner", "\u3164": "Hangul filler", "\uffa0": "halfwidth Hangul filler",
          "\u115f": "Hangul choseong filler", "\u1160": "Hangul jungseong filler", "\u2800": "braille pattern blank"}
# Characters that are part of some script's spelling (joiners in Persian or Devanagari and in emoji sequences,
# fillers in Hangul, the blank in braille, the grapheme joiner among combining marks): flagged only where no
# letter of such a script is next to them. Blank fillers are also how spam fakes an empty name or line.
_CONTEXTUAL = frozenset("\u200c\u200d\u034f\u3164\uffa0\u115f\u1160\u2800")
_SCREEN = frozenset("\u200b\ufeff\u00ad\u2060\u2061\u2062\u2063\u2064\u180e") | _CONTEXTUAL
# The blank fillers: a character that shows as a blank. Between two spaces on a line of text it is a gap the
# author typed (social-media posts space their lines with the braille blank, which no platform strips): it
# splits no word. Alone on its line it fakes an empty line; inside a word it hides it.
_BLANKS = frozenset("\u3164\uffa0\u115f\u1160\u2800")
_INVISIBLE = lazyre.compile("[" + "".join(sorted(_SCREEN)) + "]+")
# Directional marks: right-to-left text needs them; on a line with no right-to-left letter they do nothing.
_MARKS = frozenset("\u200e\u200f\u061c")
_MARK = lazyre.compile("[\u200e\u200f\u061c]+")
_RTL = lazyre.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
# Joiners are part of a script's spelling between letters that are not Latin (Persian, Indic, ...)
# and inside emoji sequences; elsewhere they are noise.


def _needs_joiner(ch: str) -> bool:
    if not ch:
        return False
    o = ord(ch)
    if o >= 0x1F000 or 0x2600 <= o <= 0x27BF or 0xFE00 <= o <= 0xFE0F:  # emoji and variation selectors
        return True
    if 0x2800 <= o <= 0x28FF or (o >= 0x0300 and unicodedata.category(ch).startswith("M")):  # braille, marks
        return True
    return ch.isalpha() and o >= 0x0370  # a letter of a non-Latin script


class InvisibleCharacter(Rule):
    """Invisible format character: zero-width space, stray BOM, soft hyphen, word joiner.

    ## What it does
    Flags zero-width spaces, zero-width no-break spaces (a BOM inside the text),
    soft hyphens, word joiners and the invisible math operators. Zero-width
    joiners and non-joiners are flagged only between Latin letters, digits or
    spaces: inside emoji sequences and in scripts such as Persian or Devanagari
    they are part of the spelling and are left alone. So are the combining
    grapheme joiner, the Hangul fillers and the braille blank, flagged only
    away from combining marks, Hangul and braille (spam uses the fillers to
    fake blank names and lines); a blank filler between two spaces on a line
    of text is a gap its author typed (social-media posts space their lines
    with the braille blank) and is left alone. The left-to-right and
    right-to-left marks (U+200E, U+200F, U+061C) are flagged only on a line
    with no right-to-left letter (Hebrew, Arabic, ...), where they do nothing.

    ## Why is this bad?
    They split words invisibly (`lis\u200bted` no longer matches `listed`),
    defeat search and deduplication, and survive copy and paste.

    ## Example
    `The shares were lis\u200bted on Monday.`

    A soft hyphen that is byte 0xAD of a character misread as Latin-1
    (`Ã\xad` for `í`, `ä¸\xad` for `中`) is part of mojibake, which repairs
    it: it is not deleted here.

    ## Fix safety
    The fix deletes the characters. It is safe.
    """

    code = "E104"
    screen = _SCREEN | _MARKS
    name = "invisible-character"
    category = "encoding"
    severity = "error"
    fixable = "safe"

    def check(self, document, context):
        found = document.suspects & (_SCREEN | _MARKS)
        if not found:
            return
        if found & _MARKS:
            yield from _stray_marks(document)
        if not found & _SCREEN:
            return
        text = document.text
        in_mojibake = None
        for m in _INVISIBLE.finditer(text):
            run = m.group()
            # Byte 0xAD of a UTF-8 sequence read as Latin-1 (`Ã\xad` for `í`), or a zero-width space inside a
            # stretch of mojibake, is mojibake's to repair with the stretch
            if in_mojibake is None:
                in_mojibake = claimed(document)
            if any(in_mojibake(i) for i in range(m.start(), m.end())):
                continue
            if set(run) <= _CONTEXTUAL:
                before = text[m.start() - 1] if m.start() else ""
                after = text[m.end()] if m.end() < len(text) else ""
                if _needs_joiner(before) or _needs_joiner(after):
                    continue
                if set(run) <= _BLANKS and _typed_gap(text, m.start(), m.end()):
                    continue
            names = sorted({_NAMES.get(c) or unicodedata.name(c, f"U+{ord(c):04X}").lower() for c in run})
            yield Diagnostic(m.start(), m.end(), f"Invisible character: {', '.join(names)}",
                             fix=settled(document, m.start(), Fix.safe(Edit(m.start(), m.end()), message="Delete it")))


def _typed_gap(text: str, start: int, end: int) -> bool:
    """Whether the blank filler at text[start:end] stands between spaces (or a line's edge and a space) on a line
    that holds other text: `⠀ 📍 Rules: ⠀ ⚠️ Entries close on Friday`."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    edges = (before[-1:] in ("", " ", "\t")) and (after[:1] in ("", " ", "\t")) and (before[-1:] or after[:1])
    return bool(edges) and bool((before + after).strip())


def _stray_marks(document):
    text = document.text
    for m in _MARK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if _RTL.search(text, line_start, len(text) if line_end < 0 else line_end):
            continue
        names = ", ".join(sorted({unicodedata.name(c).lower() for c in m.group()}))
        yield Diagnostic(m.start(), m.end(), f"Invisible character: {names} on a line with no right-to-left text",
                         fix=settled(document, m.start(), Fix.safe(Edit(m.start(), m.end()), message="Delete it")))
