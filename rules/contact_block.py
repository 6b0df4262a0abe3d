from __future__ import annotations

import re

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule
from doclint.text import SENTENCE_ENDS

# What a release calls its contact block: "Media Contact:", "Investor Contacts:", "Company Contact:", "Press
# inquiries:", "MEDIA CONTACT" alone on its line, perhaps after the release's date on the same line ("May 25, 2021 Media Contact: Jane Roe"). A bare
# "Contact:" or "Contact Details For ..." is matched too, and left alone (see _labelled).
_LABEL = lazyre.compile(
    r"[ \t]*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}[ \t]+))?"
    r"(?P<label>(?i:(?P<qualifier>(?:Media|Press|Investors?|Company|Corporate|PR|News|Public\s+Relations|Agency)\s+)?"
    r"(?:Contacts?|Inquiries|Enquiries)(?P<details>\s*(?:Details|Information|Info)(?:\s*For\s+[^\n:]{1,60})?)?)"
    r"(?P<colon>[ \t]*:)?)[ \t]*(?P<rest>[^\n]*)$")
# A telephone number written as a field ("Office: 714-347-8408", "Cell: (714) 504-1917", "Tel.: +44 20 7946 0000"):
# two such fields, with the names and titles over them, make a contact block with no label.
_PHONE_FIELD = lazyre.compile(r"(?:^|,)[ \t]*(?:Office|Cell|Phone|Tel|Telephone|Mobile|Fax|Direct|Main)\.?[ \t]*:[ \t]*"
                              r"\+?[\d(]", re.IGNORECASE)  # (opening its line or after a comma: not a link's `tel:`)
# What a contact block gives: an e-mail address, a telephone number, a web address.
# (Bounded, each alternative, so that a search over a line of megabytes stays linear.)
_CONTACT = lazyre.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,63}|\+?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}"
                          r"|\+\d[\d ().-]{7,20}\d|\bhttps?://|\bwww\.")
# A line naming a person or a company: two to six words, capitalised, perhaps with a role after a comma ("Ron
# Brewer, CEO", "PCG Advisory, Inc.", "ADA Joe D'Agostino").
_NAME_LINE = lazyre.compile(r"[ \t]*[A-Z][\w.'’&-]*(?:,?[ \t]+(?:[A-Z][\w.'’&-]*|of|and|&)){1,5}[ \t]*,?(?:[ \t]+[\w.'’&-]+){0,3}"
                            r"[ \t]*$")
# What a contact block needs, as a quick screen of the whole text before its lines are read: a label's word (found
# as plain text: fast) or a telephone field (a colon before a figure, then the field's name before it).
_LABEL_WORDS = ("ontact", "ONTACT", "nquiries", "NQUIRIES")
_COLON_FIGURE = lazyre.compile(r":[ \t]*\+?[\d(]")
_FIELD_BEFORE = lazyre.compile(r"(?i:office|cell|phone|tel|telephone|mobile|fax|direct|main)\.?[ \t]*$")


def _screened(text: str) -> bool:
    if any(word in text for word in _LABEL_WORDS):
        return True
    return any(_FIELD_BEFORE.search(text, max(0, m.start() - 12), m.start()) for m in _COLON_FIGURE.finditer(text))


BLOCK_LINE_WORDS = 10  # the most words of a line of a contact block (a name, a title, a number); a sentence is longer
NAME_WORDS = 4  # a line this short ending in a full stop is a name's or a company's (`PCG Advisory, Inc.`), no sentence
BLOCK_LINES = 12  # the most lines with words a contact block runs to (three contacts, a name, a title, a number each)
_SENTENCE_END = lazyre.compile(f"[a-z][{re.escape(SENTENCE_ENDS)}]$")


class ContactBlock(Rule):
    """A press release's contact block: the names, numbers and addresses of its issuer's press office.

    ## What it does
    Flags the block of short lines a press release gives for its media or
    investor contacts: a label that says whose contacts they are (`Media
    Contact:`, `Investor Contacts:`, `Company Contact:`, `Press
    inquiries:`; a bare `Contact:` is as often a shop's or an event's own
    line, and is left alone), then
    lines of at most ten words (names, titles, companies, telephone
    numbers, e-mail and web addresses; blank lines between them allowed),
    at least one of which gives a number or an address; or, with no label,
    two telephone numbers or more written as fields (`Office:
    714-347-8408`, `Cell: (714) 504-1917`) with the names and titles over
    them. The block ends at the first longer line or sentence. E-mail
    (whose signatures are `mail-furniture`'s) and documentation are not
    read.

    ## Why is this bad?
    The press office's phone numbers are not the release's text: the same
    block closes every release an issuer sends, and names people the text
    does not speak of.

    ## Example
    ```
    Investor Contacts:

    Jane Roe
    Example Advisory, Inc.
    646.555.0100
    jroe@example.com
    ```

    ## Fix safety
    The fix deletes the block's lines. It is unsafe: where a block of short
    lines ends is read from their length.
    """

    code = "S107"
    name = "contact-block"
    category = "source-tag"
    fixable = "unsafe"

    def check(self, document, context):
        if document.is_mail or document.is_documentation:
            return
        if not _screened(document.text):
            return  # no label and no telephone field: most documents, passed over at once
        lines = [document.line_text(i) for i in range(document.line_count)]
        i = 0
        while i < len(lines):
            found = _labelled(lines, i) or _fielded(lines, i)
            if found is None:
                i += 1
                continue
            first, column, last = found
            yield self._diagnostic(document, first, column, last)
            i = last + 1

    @staticmethod
    def _diagnostic(document, first: int, column: int, last: int) -> Diagnostic:
        start = document.line_span(first)[0] + column
        end = document.line_span(last)[1]
        shown = " ".join(document.text[start:end].split())
        shown = shown if len(shown) <= 60 else shown[:59] + "\u2026"
        return Diagnostic(start, end, f'Press release\'s contact block ({last - first + 1} lines): "{shown}"',
                          fix=Fix.unsafe(Edit(start, end), message="Delete the contact block"))


def _short(line: str) -> bool:
    """A line a contact block holds: a few words, no sentence ending it (an address's full stop, or a company's
    `Inc.` on a line of NAME_WORDS words or fewer, aside), no rule (`---`) and no Markdown link (a page's footer)."""
    stripped = line.strip()
    count = len(stripped.split())
    if not 0 < count <= BLOCK_LINE_WORDS or not any(c.isalnum() for c in stripped) or stripped.startswith(("[", "![")):
        return False
    return not _SENTENCE_END.search(stripped) or count <= NAME_WORDS or bool(_CONTACT.search(stripped))


def _run(lines: list[str], i: int) -> list[int]:
    """The lines with words from line i on that a block holds (see _short), blank lines passed over."""
    run, k = [], i
    while k < len(lines) and len(run) < BLOCK_LINES:
        if not lines[k].strip():
            k += 1
            continue
        if not _short(lines[k]):
            break
        run.append(k)
        k += 1
    return run


def _labelled(lines: list[str], i: int) -> tuple[int, int, int] | None:
    """(first line, column, last line) of a block under a contact label at line i, or None."""
    m = _LABEL.match(lines[i])
    if m is None or (m.group("date") and not m.group("rest")):
        return None
    rest = m.group("rest").strip()
    if rest and (not m.group("colon") or not _short(rest)):
        return None  # "Press contacts were told ...", "Contact: the council said it would ..." open sentences
    run = _run(lines, i + 1)
    items = ([rest] if rest else []) + [lines[k] for k in run]
    if not items or not any(_CONTACT.search(x) for x in items):
        return None
    if not m.group("qualifier"):
        return None  # a bare "Contact:" or "Contact Details:" is as often the page's own (a shop's, a report
        # seller's, an event's listing: blind labellers left two such blocks and marked three)
    last = max((k for k in run if _CONTACT.search(lines[k])), default=i)
    return i, m.start("label"), last


def _fielded(lines: list[str], i: int) -> tuple[int, int, int] | None:
    """(first line, 0, last line) of a block of names and telephone fields that opens at line i, or None: its
    first line a name, two fields or more in the block."""
    if not _NAME_LINE.match(lines[i]) or _CONTACT.search(lines[i]):
        return None
    run = _run(lines, i)
    fields = [k for k in run if _PHONE_FIELD.search(lines[k])]
    if sum(len(_PHONE_FIELD.findall(lines[k])) for k in fields) < 2 or fields[0] - i > 3:
        return None  # (a name and at most two lines of title over the first number)
    last = max(k for k in run if _CONTACT.search(lines[k]) or _PHONE_FIELD.search(lines[k]))
    return i, 0, last
