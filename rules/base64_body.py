from __future__ import annotations

import base64
import binascii
import codecs
import re

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule

# A part's header declaring base64 (RFC 2045 §6.8), at a line's start: a message's own header block or a MIME
# part's, never a quoted one (`> Content-Transfer-Encoding: base64` quotes another message's header).
_DECLARED = lazyre.compile(r"^Content-Transfer-Encoding:[ \t]*base64[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_CONTENT_TYPE = lazyre.compile(r"^Content-Type:[ \t]*([\w.+-]+/[\w.+-]+)((?:[^\n]*\n[ \t][^\n]*)*[^\n]*)",
                               re.IGNORECASE | re.MULTILINE)
_CHARSET = lazyre.compile(r"charset=\"?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# A line of base64 as encoders write it: the alphabet only, four characters to a group, at most 76 to a line
# (RFC 2045), padding only at its end.
_LINE = lazyre.compile(r"[A-Za-z0-9+/]{4,76}={0,2}\r?")
_BLANK = lazyre.compile(r"\r?\n(?:[ \t]*\r?\n)+")  # the blank lines that end a header block
# What decoded text must be to count as a text part left encoded: this share of its characters printable or white
# space (an attachment's bytes are not), of at least MIN_CHARS characters.
TEXT_SHARE = 0.98
MIN_CHARS = 20


class Base64Body(Rule):
    """A text part of a mail left base64-encoded: the message's words unreadable.

    ## What it does
    Flags the body of a mail message, or of one of its MIME parts, that a
    header line `Content-Transfer-Encoding: base64` declares base64 (RFC
    2045) and that stands as base64 in the text: lines of the base64
    alphabet after the header block, up to a blank line or the next part's
    boundary. It counts only where the part is text (`Content-Type:
    text/plain`, or no type: plain text is the default), the lines decode
    as base64 and the bytes decode as text in the part's declared charset
    (UTF-8 where none is declared), 98% of them printable. An attachment
    (an image, a PDF: `Content-Type: image/png`), an HTML part (the message
    again as a web page, `mail-furniture`'s), a quoted header (`>
    Content-Transfer-Encoding: base64`) and a PGP signature's armour are
    left alone.

    ## Why is this bad?
    The message's text is there only as
    `SGkgSWxwbywKCk9uIFR1ZSwgSnVuIDEw...`: no reader, search or model sees
    its words, and a corpus counts noise as text. Mailing-list archives
    keep such bodies as the list received them.

    ## Example
    ```
    Content-Type: text/plain; charset="utf-8"
    Content-Transfer-Encoding: base64

    SGkgSWxwbywKCk9uIFR1ZSwgSnVuIDEwLCAyMDI1LCBhdCAzOjM1IEFNLCBJbHBvIEphcnZpbmVu
    ```
    Use instead: the decoded text (`Hi Ilpo, On Tue, Jun 10, 2025, at 3:35 AM, ...`).

    ## Fix safety
    The fix replaces the encoded lines with the text they decode to (its
    line breaks written as the document writes them). It is safe: base64
    and the declared charset decode one way only, and the fix is made only
    where both decode cleanly. The header line is left as it is.
    """

    code = "E114"
    name = "base64-body"
    category = "encoding"
    severity = "warning"
    fixable = "safe"

    def check(self, document, context):
        text = document.text
        if "base64" not in text and "BASE64" not in text:
            return
        for declared in _DECLARED.finditer(text):
            part = _part(text, declared.start(), declared.end())
            if part is None:
                continue
            start, end, charset = part
            decoded = _decoded(text[start:end], charset)
            if decoded is None:
                continue
            newline = "\r\n" if "\r\n" in text[start:end] else "\n"
            replacement = decoded.replace("\r\n", "\n").replace("\r", "\n")
            replacement = replacement.rstrip("\n")  # (the encoded lines' last break stays after the span)
            if newline != "\n":
                replacement = replacement.replace("\n", newline)
            lines = text.count("\n", start, end) + (not text.endswith("\n", start, end))
            words = " ".join(decoded.split()[:8])
            shown = words if len(words) <= 60 else words[:59] + "\u2026"
            yield Diagnostic(start, end, f'A text part left base64-encoded ({lines} lines): it reads "{shown}"',
                             fix=Fix.safe(Edit(start, end, replacement), message="Decode the base64 text"))


def _part(text: str, at: int, line_end: int) -> tuple[int, int, str] | None:
    """(start, end, charset) of the encoded lines a `Content-Transfer-Encoding: base64` line at `at` declares:
    its header block must declare a text part, perhaps by saying nothing of its type; None otherwise."""
    block_start = max(text.rfind("\n\n", 0, at), text.rfind("\r\n\r\n", 0, at))
    block_start = 0 if block_start < 0 else block_start
    blank = _BLANK.search(text, line_end)
    if blank is None:
        return None
    header = text[block_start:blank.start()]
    kind = _CONTENT_TYPE.search(header)
    if kind is not None and kind.group(1).lower() != "text/plain":
        return None  # an attachment, or an HTML part (mail-furniture's)
    charset = _CHARSET.search(kind.group(2)) if kind is not None else None
    start = end = blank.end()
    while end < len(text):
        line_stop = text.find("\n", end)
        line_stop = len(text) if line_stop < 0 else line_stop
        if not _LINE.fullmatch(text, end, line_stop):
            break
        end = line_stop + 1 if line_stop < len(text) else line_stop
    if end == start:
        return None
    if end > start and text[end - 1] == "\n":
        end -= 1  # the last line's break stays with the text after it
        if end > start and text[end - 1] == "\r":
            end -= 1
    return start, end, charset.group(1) if charset else "utf-8"


def _decoded(encoded: str, charset: str) -> str | None:
    """The text base64 lines decode to in `charset`, or None where they do not decode cleanly or do not read as
    text (see TEXT_SHARE, MIN_CHARS)."""
    try:
        codecs.lookup(charset)
        data = base64.b64decode("".join(encoded.split()), validate=True)
        decoded = data.decode(charset)
    except (LookupError, binascii.Error, ValueError):
        return None
    if len(decoded.strip()) < MIN_CHARS:
        return None
    printable = sum(c.isprintable() or c in "\n\r\t" for c in decoded)
    return decoded if printable >= TEXT_SHARE * len(decoded) else None
