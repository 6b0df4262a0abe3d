from __future__ import annotations

import re

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.layout import BOUNDARY_PARAM
from doclint.rule import Rule
from doclint.rules.mojibake import settled

# A quoted-printable escape: `=` and a byte in upper-case hexadecimal (RFC 2045 §6.7).
_ESCAPE = lazyre.compile(r"=[0-9A-F]{2}")
_HIGH_RUN = lazyre.compile(r"(?:=[89A-F][0-9A-F])+")
# What a message's header declares: its body (or a part's) is quoted-printable, in a charset.
_CAPITAL_AFTER = lazyre.compile(r"[A-Z]")  # an escape that no charset decodes, glued to a capital: `=FALSE`, `=FAIL`
_DECLARED = lazyre.compile(r"^[> \t]*Content-Transfer-Encoding:[ \t]*quoted-printable", re.IGNORECASE | re.MULTILINE)
_CHARSET = lazyre.compile(r"^[> \t]*Content-Type:[^\n]*charset=\"?([A-Za-z0-9_.:-]+)", re.IGNORECASE | re.MULTILINE)
_SOFT_BREAK = lazyre.compile(r"(?<=[^=\n])=\r?\n")  # `=` ending a line, not `==` nor a line of `=` alone
_QUOTE_PREFIX = lazyre.compile(r"[ \t]*(?:>[ \t]?)*")
_BASE64_LINE = lazyre.compile(r"[A-Za-z0-9+/]{12,}={1,2}")  # a line of base64 (a PGP signature) ends in padding
_RULER = lazyre.compile(r"[#*+ \t]*(?:={3,}|-{3,}|_{3,}|~{3,})[=\-#*_~+ \t]*")  # a line of `=====` or `#-===` draws a rule
# A soft line break is as long as an encoder wraps: 76 characters with its `=` (RFC 2045), 70 and up where the
# encoder broke before an escape, and a quote prefix added later. In the mail of the real-document corpus every
# soft break but one (`-- =`, a signature separator) ends a line of 75 or 76 characters.
_WRAP = range(70, 77)
# How many escapes or soft breaks of an encoder's width make a document's quoted-printable shown: fewer could be
# a literal `=3D` or a line of code ending in `=`.
_EVIDENCE = 2


class QuotedPrintable(Rule):
    """Quoted-printable left undecoded in a mail body.

    ## What it does
    Flags what a mail's quoted-printable transfer encoding (RFC 2045) leaves
    in text that was never decoded: `=3D` for `=`, `=20` for a space at a
    line's end, `=09` for a tab (Outlook's encoder escapes every tab:
    `Sent:=09Thursday`), `=2E` for a full stop opening a line, `=E2=80=99` for the
    bytes of `’`, `=E9` for a byte of a legacy charset, and soft line breaks
    (a line ending in `=` that the encoder broke at 76 characters,
    `consider=` + `ing`). A document is read as
    quoted-printable only where it shows it: a `Content-Transfer-Encoding:
    quoted-printable` header, or two escapes or soft breaks of the encoder's
    width; a lone `=3D` or a line of code ending in `=` is not enough. Lines
    of base64 (`...JU=`), rules drawn with `=`, a directory name's
    attributes (`/O=Example/C=DE`), comparisons (`>=68,<=82`), URLs' queries
    (`?maxAge=86400`), interactive sessions (`>>> `) and encoded-words in
    headers (`mime-encoded-word`) are not quoted-printable. A multipart
    mail's HTML copy of its text left in quoted-printable is one finding for
    the part, not one for each of its escapes (`mail-furniture` reports the
    part whole, with a fix that deletes it).

    ## Why is this bad?
    The text is not what its author wrote: words are cut in two, code reads
    `x =3D 1`, and accented letters are hexadecimal.

    ## Example
    ```
    > the new version is faster and uses less memory, which matters for consider=
    > ing it for the release.  =20
    ```
    Use instead: the line joined (`considering`) and the space decoded.

    ## Fix safety
    The fix decodes where the decoding is certain, and is safe there: `=3D`,
    `=20` and `=09`, a run of escapes that is valid UTF-8 (`=E2=80=99` is
    `’`), a byte of the charset the document's `Content-Type` declares, and a
    soft break on a line as long as an encoder wraps, joined with the next
    line (its quote prefix, the same as this line's, dropped). A shorter line
    ending in `=`, or a continuation quoted fewer times than its line (an
    address's closing `>` may open it: `<jane=40example.com=` / `> wrote:`),
    is joined by an unsafe fix. A byte of an undeclared charset
    (`=FD`: `ý` in Latin-1, `ı` in Latin-5) is reported with no fix.
    """

    code = "E110"
    name = "quoted-printable"
    category = "encoding"
    severity = "warning"
    fixable = "sometimes"

    def check(self, document, context):
        text = document.text
        if "=" not in text:
            return
        body = header_end(text)
        skip = sorted(encoded_word_spans(text))  # an encoded-word's escapes are mime-encoded-word's
        # (a mail's HTML copy of its text is mail-furniture's whole: its transfer encoding is no damage to the text)
        escapes = [m for m in _ESCAPE.finditer(text, body) if not _inside(skip, m.start())
                   and not document.in_example_code(m.start()) and not _attribute(text, m.start(), m.end())
                   and not _operator_or_url(text, m.start()) and not document.in_html_part(m.start())]
        breaks = [b for b in _soft_breaks(text, body) if not document.in_example_code(b[0])
                  and not document.in_html_part(b[0])]
        yield from _encoded_html_parts(document)
        if not escapes and not breaks:
            return
        declared = _DECLARED.search(text) is not None
        charset = _charset(text)
        found = list(_escapes(text, escapes, charset))
        # (a tab's escape inside a line is decoded where the text shows quoted-printable, but shows none itself)
        shown = sum(kind not in ("other", "tab") for kind, *_ in found) + sum(wrapped for _, _, wrapped, _ in breaks)
        if not declared and shown < _EVIDENCE:
            return
        out = []
        for kind, start, end, decoded in found:
            if kind == "other":
                continue  # `=5F`, `=2E` inside a line: encoders escape them only in words encoded otherwise
            bad = text[start:end]
            if decoded is None:
                message = f'Quoted-printable "{bad}" left in the text (a byte of an unknown charset: not fixed)'
                out.append(Diagnostic(start, end, message))
                continue
            shown_as = {" ": "a space", "\t": "a tab"}.get(decoded, f'"{decoded}"')
            out.append(Diagnostic(start, end, f'Quoted-printable "{bad}" left in the text: should be {shown_as}',
                                  fix=settled(document, start, Fix.safe(Edit(start, end, decoded),
                                                                        message=f"Replace with {shown_as}"))))
        for at, end, wrapped, certain in breaks:
            make = Fix.safe if (wrapped or declared) and certain else Fix.unsafe
            fix = None if end is None else settled(document, at, make(Edit(at, end), message="Join the lines"))
            out.append(Diagnostic(at, end or at + 1, "Quoted-printable soft line break (`=` at the end of a line) "
                                                     "left in the text" + ("" if fix else ": the next line's quote "
                                                                                         "prefix differs"), fix=fix))
        out.sort(key=lambda d: d.start)
        yield from out


def _encoded_html_parts(document):
    """A mail's HTML copy of its text left in quoted-printable: one finding for the part, not one for each of its
    escapes (the part is markup; mail-furniture reports it whole, with a fix that deletes it)."""
    text = document.text
    for start, end in document.html_parts:
        count = len(_ESCAPE.findall(text, start, end)) + text.count("=\n", start, end)
        if count >= _EVIDENCE:
            yield Diagnostic(start, end, f"An HTML part of the message left in quoted-printable ({count} escapes and "
                                         f"soft line breaks): the message again as a web page, encoded for transport")


def header_end(text: str) -> int:
    """Where the header block of the message the document is ends (0 when it starts with none): lines of header
    fields (`Name: value`, folded lines indented) from the first, up to the first blank line, two or more of them
    and one a mail's (From, To, Subject, Date, Message-ID, MIME-Version, Content-Type)."""
    pos, fields, mail = 0, 0, False
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end].rstrip("\r")
        if not line.strip():
            break
        m = HEADER_FIELD.match(line)
        if m:
            fields += 1
            mail = mail or m.group(1).lower() in _MAIL_FIELDS
        elif not (fields and line[:1] in " \t"):
            return 0
        pos = end + 1
    return pos if fields >= 2 and mail else 0


# `suggested_attachment_session_id:` too, and a relay's field with no space after its colon (`ARC-Seal:i=1; ...`)
HEADER_FIELD = lazyre.compile(r"([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]|$|(?=[^\s/]))")
_MAIL_FIELDS = {"from", "to", "cc", "subject", "date", "message-id", "mime-version", "content-type", "reply-to",
                "in-reply-to", "references"}
# An RFC 2047 encoded-word: =?charset?Q?text?= or =?charset?B?text?=.
ENCODED_WORD = lazyre.compile(r"=\?([A-Za-z0-9_.:-]+)(?:\*[A-Za-z-]+)?\?([QqBb])\?([^?\s]*)\?=")


def encoded_word_spans(text: str):
    return (m.span() for m in ENCODED_WORD.finditer(text)) if "=?" in text else ()


# The key of a short attribute before `=`: a directory name's `C=DE`, `ST=CA`, `/O=AB/` (X.500, LDAP, certificates).
_ATTRIBUTE_KEY = lazyre.compile(r"(?:^|[/,;+\s])[A-Z]{1,2}$")


def _attribute(text: str, start: int, end: int) -> bool:
    """Whether the escape text[start:end] is an attribute's value (`/C=DE`): a key of one or two capitals after
    a separator, and no letter or digit after the value; never `=20`, `=3D` or `=09`, the escapes of a space, an
    `=` and a tab (`using a=20`)."""
    return (text[start + 1:end] not in ("20", "3D", "09") and _ATTRIBUTE_KEY.search(text, max(0, start - 3), start)
            is not None and not text[end:end + 1].isalnum())


_TOKEN_START = lazyre.compile(r"[^\s\"'<>()\[\]]*$")


def _operator_or_url(text: str, start: int) -> bool:
    """Whether the `=` at `start` is a comparison's (`setuptools>=68,<=82`) or a URL's query
    (`?maxAge=86400`), not an escape's."""
    if start and text[start - 1] in "<>!=":
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip("> \t"):  # not a quote prefix (`>>=20` is a quoted line's space)
            return True
    token = _TOKEN_START.search(text, max(0, start - 300), start)
    return token is not None and ("://" in token.group() or token.group().startswith("www."))


def _inside(spans: list, at: int) -> bool:
    return any(a <= at < b for a, b in spans)


def _charset(text: str) -> str | None:
    """The one charset the document's Content-Type headers declare, if Python knows it (None when they declare
    several, or none)."""
    import codecs

    found = {m.group(1).lower() for m in _CHARSET.finditer(text)} - {"us-ascii"}
    if len(found) != 1:
        return None
    try:
        return codecs.lookup(found.pop()).name
    except LookupError:
        return None


def _escapes(text: str, escapes: list, charset: str | None):
    """(kind, start, end, decoded or None) for each escape, runs of escapes of bytes beyond ASCII taken whole."""
    taken_to = -1
    for m in escapes:
        start = m.start()
        if start < taken_to:
            continue
        value = int(text[start + 1:start + 3], 16)
        if value >= 0x80:
            run = _HIGH_RUN.match(text, start)
            taken_to = run.end()
            data = bytes(int(run.group()[i + 1:i + 3], 16) for i in range(0, len(run.group()), 3))
            decoded = None
            for codec in ("utf-8", charset):
                if codec:
                    try:
                        decoded = data.decode(codec)
                        break
                    except UnicodeDecodeError:
                        continue
            if decoded is not None and not decoded.isprintable():
                decoded = None
            if decoded is None and _CAPITAL_AFTER.match(text, run.end()):
                yield "other", start, run.end(), None  # `header=FALSE`: an assignment in code, no byte of any charset
                continue
            yield "high", start, run.end(), decoded
        elif value == 0x3D:
            yield "equals", start, m.end(), "="
        elif value in (0x20, 0x09) and _at_line_end(text, m.end()):
            yield "space", start, m.end(), chr(value)
        elif value == 0x09:
            yield "tab", start, m.end(), "\t"  # Outlook's encoder escapes every tab (`Sent:=09Thursday`)
        elif value == 0x2E and (start == 0 or text[start - 1] == "\n"):
            yield "dot", start, m.end(), "."  # encoders escape a full stop opening a line (SMTP's lone `.`)
        else:
            yield "other", start, m.end(), None


def _at_line_end(text: str, at: int) -> bool:
    rest = text[at:at + 3]
    return rest in ("", "=") or rest[:1] == "\n" or rest[:2] == "\r\n" or rest.startswith(("=\n", "=\r\n"))


def _declared(text: str) -> frozenset:
    """The MIME boundaries a text declares (`boundary="=-=XMvxVdaVBbhA+p=-="`)."""
    return frozenset(m.group(1) for m in BOUNDARY_PARAM.finditer(text)) if "boundary" in text.lower() else frozenset()


def _soft_breaks(text: str, body: int):
    """(offset of the `=`, end of the fix's deletion or None, whether the line is as long as an encoder wraps,
    whether the continuation's quote prefix is certain) of each line that ends in a soft line break."""
    boundaries = None  # the text's declared MIME boundaries, read at the first line that may be one
    for m in _SOFT_BREAK.finditer(text, body):
        at = m.start()
        start = text.rfind("\n", 0, at) + 1
        line = text[start:at + 1]
        prefix = _QUOTE_PREFIX.match(line).group()
        content = line[len(prefix):]
        if _BASE64_LINE.fullmatch(content) or _RULER.fullmatch(content):
            continue
        if content.startswith("--") and content.rstrip()[2:].removesuffix("--") in (
                boundaries := _declared(text) if boundaries is None else boundaries):
            continue  # a multipart message's own boundary that ends in `=` (`--=-=XMvxVdaVBbhA+p=-=`): its format
        nxt = m.end()
        next_prefix = _QUOTE_PREFIX.match(text, nxt).group()
        end, certain = None, True
        if ">" not in next_prefix:
            end = nxt if ">" not in prefix else None  # a quoted line continued unquoted: which is it?
        elif prefix.startswith(next_prefix.rstrip(" \t")):
            # The continuation is quoted as often as its line, or fewer times (quoted at another level later:
            # `>> consider=` then `>ing`): its prefix was added after the encoding, and goes
            end = nxt + len(next_prefix)
            # (fewer times is no certainty: an address's closing `>` may open the continuation, `> > ... <jane=40
            # example.com=` / `> wrote:`)
            certain = next_prefix.count(">") == prefix.count(">")
        yield at, end, len(line.rstrip("\r")) in _WRAP or len(content) in _WRAP, certain
