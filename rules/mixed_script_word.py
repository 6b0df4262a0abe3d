from __future__ import annotations

import unicodedata

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule
from doclint.text import damaged

# Letters of one script that look like letters of another: what a word spelt in one script borrows from the
# other to hide from search and filters (`Nаval` with a Cyrillic а), or what a keyboard layout left in it. Each
# entry: the look-alike, the letter it stands for. Examples: Cyrillic `а` (U+0430) in `Nаval`, `е` (U+0435) in
# `frее`, Greek `ο` (U+03BF) in `gοod`; Latin `o` in the Cyrillic `Мoсква`.
_CYRILLIC_FOR_LATIN = dict(zip("аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХІЈЅУ", "aeopcyxijsdqwhlABEKMHOPCTXIJSY"))
_GREEK_FOR_LATIN = dict(zip("οΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "oABEZHIKMNOPTYX"))
_LATIN_FOR_CYRILLIC = {latin: cyrillic for cyrillic, latin in _CYRILLIC_FOR_LATIN.items()
                       if cyrillic not in "ӏһԛԝԁ"}  # the rare look-alikes left out: a Latin l, h, q, w, d stays
LOOK_ALIKES = {("CYRILLIC", "LATIN"): _CYRILLIC_FOR_LATIN, ("GREEK", "LATIN"): _GREEK_FOR_LATIN,
               ("LATIN", "CYRILLIC"): _LATIN_FOR_CYRILLIC}  # (the borrowed letter's script, the word's script)
MAX_SHARE = 0.02  # of a text's words, mixed ones beyond which the text is garbled, not spelt with look-alikes: a
# legacy file decoded with the wrong codec mixes scripts in many of its words (4 of the encoding suite's 76 such
# files were garbled further by this rule's fix before this bound), a spam page in a few of thousands
SHARE_FLOOR = 100  # words: a short text may hold MAX_SHARE of this many mixed words (two) before it counts as garbled
MIN_LETTERS = 3  # letters of the word's own script: `Nа` is too short to say which script it is written in
_WORD = lazyre.compile(r"[^\W\d_]+")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return next((s for s in _SCRIPTS if name.startswith(s)), "")


class MixedScriptWord(Rule):
    """A word spelt in one script with look-alike letters of another (`Nаval` with a Cyrillic `а`).

    ## What it does
    Flags a word whose letters are Latin but for a few Cyrillic or Greek
    letters that look like Latin ones (`Nаval`, `frее`, `gοod`), or Cyrillic
    but for Latin look-alikes (`Мoсква` with a Latin `o`). The word needs
    at least three letters of its own script, and every letter of the other
    script must be one of the look-alikes the rule knows
    (`rules/mixed_script_word.py`): `μm`, `Δx` or a Greek letter in a
    formula are no look-alikes and are left alone, as is a word wholly in
    one script, or one whose every letter has a look-alike in the other
    script (`caхap`: it may be either). A file that is not valid UTF-8 is left to `invalid-utf8`:
    its letters are a codec's guess.

    ## Why is this bad?
    The word no longer matches itself: search, deduplication and spelling
    do not find it, which is why spam writes words so, and why a text that
    a keyboard layout mixed up reads wrong to every tool.

    ## Example
    `The Nаval Academy` (the `а` is U+0430, CYRILLIC SMALL LETTER A).

    ## Fix safety
    The fix writes each look-alike as the letter of the word's own script
    that it stands for. It is safe: the word's shape stays, only the letters
    that broke it change.
    """

    code = "E113"
    name = "mixed-script-word"
    category = "encoding"
    fixable = "safe"

    def check(self, document, context):
        text = document.text
        if text.isascii() or getattr(document, "problem", None) is not None or damaged(text):
            return  # a file that is not UTF-8 or holds mojibake: its letters are a codec's guess (see E101, E102)
        found = [(m, _borrowed(m.group())) for m in _WORD.finditer(text) if not m.group().isascii()]
        found = [(m, f) for m, f in found if f is not None and not document.in_example_code(m.start())]
        if len(found) > MAX_SHARE * max(len(text.split()), SHARE_FLOOR):
            return  # mixed words everywhere: a text decoded with the wrong codec, not look-alikes slipped in
        for m, (own, fixed) in found:
            word = m.group()
            shown = ", ".join(f"{unicodedata.name(c).split(' ')[0].title()} {c!r}" for c in sorted(
                {c for c, d in zip(word, fixed) if c != d}))
            yield Diagnostic(m.start(), m.end(), f'"{word}" is {own.title()} but for look-alike letters of '
                                                 f'another script ({shown})',
                             fix=Fix.safe(Edit(m.start(), m.end(), fixed), message=f'Write "{fixed}"'))


def _borrowed(word: str) -> tuple[str, str] | None:
    """(the word's own script, the word written in it alone) when the word's other letters are all look-alikes
    of letters of its own script; None for a word in one script or with other letters."""
    scripts = [_script(c) for c in word]
    counts = {s: scripts.count(s) for s in _SCRIPTS}
    own = max(counts, key=counts.get)
    others = {s for s in scripts if s != own}
    if counts[own] < MIN_LETTERS or not others or "" in others:
        return None
    if all(c in LOOK_ALIKES.get((own, s), {}) for c, sc in zip(word, scripts) if sc == own for s in others):
        return None  # every letter of it has a look-alike in the other script (`caхap`): which it is, the word
        # alone cannot say
    fixed = []
    for char, script in zip(word, scripts):
        if script == own:
            fixed.append(char)
            continue
        table = LOOK_ALIKES.get((script, own), {})
        if char not in table:
            return None
        fixed.append(table[char])
    return own, "".join(fixed)
