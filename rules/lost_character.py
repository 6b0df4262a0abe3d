from __future__ import annotations

from doclint import lazyre
from doclint.diagnostics import Diagnostic
from doclint.rule import Rule

# A question mark inside a word, between two letters, the word standing alone (not in a URL's query `page?id=3`,
# nor glued to code): what an encoder that cannot write a character writes instead (`Nicol?s` for `Nicolás`,
# `don?t` for `don’t`). A question ends a word and is followed by a space or a capital.
_LOST = lazyre.compile(r"(?<![^\s(\"'“‘\[])[^\W\d_]+(?:\?[^\W\d_]+)+(?=[\s,.;!)\"'”’\]]|:\s|:$|$)")


class LostCharacter(Rule):
    """Question mark standing for a character lost in a conversion (`Nicol?s`).

    ## What it does
    Flags words with a question mark between two letters, where a small
    letter follows it: `Nicol?s Ech?niz` for `Nicolás Echániz`, `don?t` for
    `don’t`. An encoder that cannot write a character in its target encoding
    (a name with accents sent as ASCII, a curly apostrophe saved as
    Latin-1) writes `?` instead. A question mark that ends a question, one in
    a URL (`page?id=3`) or in code, and one before a capital are left alone.

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
        for m in _LOST.finditer(text):
            word = m.group()
            if not all(part[:1].islower() for part in word.split("?")[1:]) or len(word) - word.count("?") < 3:
                continue  # `Really?Yes`: a question glued to the next sentence; `x?y`: a formula
            if document.in_example_code(m.start()):
                continue
            yield Diagnostic(m.start(), m.end(), f'"{word}": a "?" inside a word stands for a character lost in an '
                                                 f"earlier conversion")
