from __future__ import annotations

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule
from doclint.rules.mojibake import settled

# \uXXXX (a surrogate pair as two of them), \UXXXXXXXX and \u{X...} (see _escaped for a backslash before one)
_ESCAPE = lazyre.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
                         r"|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\u\{[0-9a-fA-F]{1,6}\}")
_JSON_ESCAPE = lazyre.compile(r'\\(?:r\\n|[nt"/])')


def _decode(escape: str) -> str | None:
    """The character an escape stands for, or None (a lone surrogate, a code point beyond Unicode)."""
    if escape.startswith("\\u{"):
        point = int(escape[3:-1], 16)
    elif len(escape) == 12:  # a surrogate pair
        high, low = int(escape[2:6], 16), int(escape[8:12], 16)
        point = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    else:
        point = int(escape[2:], 16)
    if point > 0x10FFFF or 0xD800 <= point <= 0xDFFF:
        return None
    return chr(point)


class UnicodeEscape(Rule):
    """Unicode escape sequence left in the text (`it\\u2019s`, `caf\\u00e9`).

    ## What it does
    Flags `\\uXXXX` escapes (a surrogate pair such as `\\ud83d\\ude00` read as
    one), `\\UXXXXXXXX` and `\\u{...}` standing for a character that is not
    ASCII: what JSON or a programming language's string literal leaves when
    the text was escaped once more than it was unescaped (a scraper that
    stored an API's JSON string as it came), glued to a letter or digit
    (`it\\u2019s`, `\\u201cHello\\u201d`). Text about escapes shows them apart
    or quoted, and is left alone: an escape between spaces or punctuation
    (`write \\u00e9 for é`, `[\\u3000-\\u4000]`), inside a quoted string of code
    (`'b\\u0105r'`), after a backslash (`\\\\u2019`), in Markdown's code spans
    and code blocks; so are escapes of ASCII characters (`\\u0041`) and of
    lone surrogates. In a text that holds such an escape, the JSON string's
    other escapes are reported too: `\\n` and `\\r\\n` (a line break), `\\t`,
    `\\"` and `\\/`, with the same exceptions.

    ## Why is this bad?
    Readers see six characters of code where one letter or quote belongs, and
    the words around it stop matching themselves (`it\\u2019s` is not `it’s`).

    ## Example
    `The minister said it\\u2019s a \\u201cgood day\\u201d.`

    Use instead: `The minister said it’s a “good day”.`

    ## Fix safety
    The fix replaces the escape with the character it stands for. It is safe
    for a Unicode escape glued into a word, which has one reading; unsafe for
    the other JSON escapes (`\\n` becomes the document's line break, and a
    path such as `C:\\new` would read as one).
    """

    code = "E109"
    name = "unicode-escape"
    category = "encoding"
    severity = "warning"
    fixable = "sometimes"

    def check(self, document, context):
        text = document.text
        if "\\u" not in text and "\\U" not in text:
            return
        def shown_as_text(a: int) -> bool:  # an escape written on purpose, or as code
            return _escaped(text, a) or _in_literal(text, a) or document.in_example_code(a)

        found = False
        for m in _ESCAPE.finditer(text):
            a, b = m.span()
            if not ((a > 0 and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum())):
                continue  # "\U0001f52e", "[\u3000-\u4000]": shown on purpose, or nothing to read it into
            if shown_as_text(a):
                continue
            char = _decode(m.group())
            if char is None or char.isascii():
                continue
            found = True
            shown = char if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"
            yield Diagnostic(a, b, f'Unicode escape "{m.group()}" should be "{shown}"',
                             fix=settled(document, a, Fix.safe(Edit(a, b, char), message=f"Replace with {shown}")))
        if not found:
            return
        # The text holds a JSON string's escapes: its line breaks, tabs, quotation marks and slashes are escaped too
        for m in _JSON_ESCAPE.finditer(text):
            a, b = m.span()
            if shown_as_text(a):
                continue
            escape = m.group()
            if escape.endswith("n"):
                char, shown = document.newline, "a line break"
            elif escape == "\\t":
                char, shown = "\t", "a tab"
            else:
                char = escape[1:]
                shown = f"'{char}'" if char == '"' else f'"{char}"'
            yield Diagnostic(a, b, f'JSON escape "{escape}" left in the text (it holds Unicode escapes too): '
                                   f"should be {shown}",
                             fix=Fix.unsafe(Edit(a, b, char), message=f"Replace with {shown}"))


_LONGEST_TOKEN = 200  # characters: how far back a quoted token may open
_LITERAL = lazyre.compile(r"""[(\[{]*[uUbBrR]?["'`]""")


def _in_literal(text: str, start: int) -> bool:
    r"""Whether the escape is inside a quoted string literal of code quoted in the text: its whitespace-separated
    token opens with a quote (`'b\u0105r'`, `".g\u200cit/config"`, `u"caf\u00e9"`)."""
    window = max(0, start - _LONGEST_TOKEN)  # a line with no space does not make every escape read it back
    space = max(text.rfind(" ", window, start), text.rfind("\n", window, start), text.rfind("\t", window, start))
    if space < 0 and window > 0:
        return False  # a token longer than any quoted string of code
    return bool(_LITERAL.match(text, space + 1, start))


def _escaped(text: str, start: int) -> bool:
    """Whether the backslash at `start` is itself escaped (an odd number of backslashes before it)."""
    n = 0
    while start - n - 1 >= 0 and text[start - n - 1] == "\\":
        n += 1
    return n % 2 == 1
