from __future__ import annotations

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule
from doclint.rules.mojibake import settled
from doclint.rules.quoted_printable import ENCODED_WORD, header_end

# Encoded-words separated only by linear white space, a folded line included (behind a quote prefix in a quoted
# header), are one text (RFC 2047 §6.2): the white space between them is no part of it.
_RUN = lazyre.compile(rf"{ENCODED_WORD.pattern}(?:(?:[ \t]|\r?\n(?:[ \t]*>)*[ \t])+{ENCODED_WORD.pattern})*")


class MimeEncodedWord(Rule):
    """MIME encoded-word left undecoded in the text.

    ## What it does
    Flags RFC 2047 encoded-words, the form mail headers write text beyond
    ASCII in (`=?ISO-8859-1?Q?Fran=E7ois?=`, `=?UTF-8?B?...?=`), where they
    stand undecoded in text: a forwarded or quoted message's header, a
    digest, a name copied from a header. A run of encoded-words separated by
    white space (a folded header line) is one text. Those in the header
    block that opens a document that is a mail message are left alone: there
    they are how the header writes such text.

    ## Why is this bad?
    A reader sees `=?ISO-8859-1?Q?M=FCller?=` for `Müller`; search and
    deduplication see neither name.

    ## Example
    `> From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <jm at example.org>`

    Use instead: `> From: Jürgen Müller <jm at example.org>`

    ## Fix safety
    The fix writes the decoded text. The encoded-word names its charset, so
    the decoding is certain and the fix is safe; one whose charset Python
    does not know or whose bytes the charset does not decode is reported
    with no fix.
    """

    code = "E111"
    name = "mime-encoded-word"
    category = "encoding"
    severity = "warning"
    fixable = "sometimes"

    def check(self, document, context):
        text = document.text
        if "=?" not in text:
            return
        for m in _RUN.finditer(text, header_end(text)):
            if document.in_example_code(m.start()):
                continue
            run = m.group()
            decoded = _decoded(run)
            shown = " ".join(run.split())
            if decoded is None:
                yield Diagnostic(m.start(), m.end(), f'MIME encoded-word "{shown}" left in the text (its charset '
                                                     f'does not decode it: not fixed)')
                continue
            fix = settled(document, m.start(), Fix.safe(Edit(m.start(), m.end(), decoded),
                                                        message=f'Replace with "{decoded}"'))
            yield Diagnostic(m.start(), m.end(), f'MIME encoded-word "{shown}" left in the text: should be '
                                                 f'"{decoded}"', fix=fix)


def _decoded(run: str) -> str | None:
    """The run's text, decoded strictly with the charsets it names; None when one is unknown or fails."""
    import base64
    import binascii
    import quopri

    parts = []
    for m in ENCODED_WORD.finditer(run):
        charset, kind, payload = m.groups()
        try:
            if kind in "Bb":
                data = base64.b64decode(payload + "=" * (-len(payload) % 4), validate=True)
            else:
                data = quopri.decodestring(payload.encode("ascii"), header=True)  # `_` is a space
            parts.append((data, charset.lower()))
        except (binascii.Error, ValueError, UnicodeEncodeError):
            return None
    out = []
    # Adjacent words of one charset are decoded together: a multi-byte character may be split between them.
    for data, charset in parts:
        if out and out[-1][1] == charset:
            out[-1] = (out[-1][0] + data, charset)
        else:
            out.append((data, charset))
    try:
        text = "".join(data.decode(charset) for data, charset in out)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if text.isprintable() else None
