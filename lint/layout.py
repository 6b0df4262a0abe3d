"""Layout: what each line of a document is, and the logical blocks its lines form.

Real text comes in layouts that a split at blank lines misreads:

- **Markdown** (read by the file's suffix): front matter, fenced and indented
  code, HTML comments and blocks, headings, lists, tables, link reference
  definitions, block quotes, template shortcodes and admonitions are
  structure, never prose.
- **E-mail** (read from a header block at the start: `From:`, `Date:`,
  `Subject:` ...): the header block, quoted lines (`> ...`) and attribution
  lines (`On ..., Jane wrote:`) are structure; the rest is the message's prose.
- **Hard-wrapped prose** (newswire, e-mail, books): a paragraph's lines end
  mid-sentence at 60-80 characters and the next paragraph starts after a blank
  line or with an indented first line. The wrapped lines are one paragraph.
- **One paragraph per line** (text whose paragraphs are separated by single
  line breaks): most lines end a sentence, so each line is a paragraph.

Blocks keep physical offsets and line numbers (diagnostics point at physical
lines; fixes keep the document's wrapping); `kind` says what a block is. Only
`paragraph` blocks are prose for the rules that read paragraphs; `headline`
and `dateline` are the first lines of an article.

This module reads text only: it imports nothing of doclint but `doclint.text`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from doclint import lazyre
from doclint.text import MARK_LEAD, SENTENCE_BREAK, ends_sentence, looks_like_code

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".mkdn", ".mdwn", ".mdx")

# Block kinds. Prose:
PARAGRAPH, HEADLINE, DATELINE = "paragraph", "headline", "dateline"
# Structure (never prose, never a tag, never compared as a paragraph):
HEADING, LIST, CODE, TABLE, FRONT_MATTER, COMMENT, LINK_DEFINITION, QUOTE, HTML, DIRECTIVE, RULE = (
    "heading", "list", "code", "table", "front-matter", "comment", "link-definition", "quote", "html", "directive",
    "rule")
MAIL_HEADER, ATTRIBUTION, MAIL_NOTE = "mail-header", "attribution", "mail-note"
PROSE = frozenset({PARAGRAPH, HEADLINE, DATELINE})


@dataclass(frozen=True)
class LayoutLimits:
    """The numbers that decide how lines group into paragraphs, with where they come from."""

    # A hard-wrapped line is filled to a width of at most this many characters (newswire wraps at 65-72,
    # e-mail at 72-78; Markdown and web text lines are paragraphs and run far longer).
    wrap_width: int = 100
    # ... and at least this many: a shorter line that does not end a sentence is a heading, a list item or a
    # name, not a line that the writer's editor filled.
    wrap_min: int = 40
    # A run of lines with no blank line is hard-wrapped when one in this many of its lines (or more) is filled and
    # ends mid-sentence: newswire paragraphs of two or three lines end a sentence on every second or third line.
    wrapped_share_inverse: int = 3
    # A run of lines is one paragraph per line when at least this share of its lines (all but the last) end a
    # sentence, and it has three lines or more, or one longer than a wrapped line.
    line_paragraph_share: float = 0.6
    # A run of lines is code when at least half of them read as code (2 / this).
    code_share_inverse: int = 4
    # A line of at least this many characters and sentences is an article stored on one line, read as sentences.
    one_line_chars: int = 1000
    one_line_sentences: int = 8
    one_line_max_lines: int = 2  # ... in a document of at most this many lines (a title and the article)
    # A headline is the first line of a document, at most this long and with no sentence end.
    headline_chars: int = 150
    headline_words: int = 20
    # A dateline is a line of its own, at most this long.
    dateline_chars: int = 60
    # How far into a document its e-mail header block may run, and how many fields it needs. A message as a list
    # archive stores it, with its relays' Received chains and DKIM signatures, has up to 201 header lines in a
    # sample of 57 raw messages of a kernel list (60 cut such a block in two: its rest read as prose).
    mail_header_lines: int = 400
    mail_header_fields: int = 2


LIMITS = LayoutLimits()


@dataclass(frozen=True)
class Block:
    """A run of lines of one kind. Offsets index the text; lines are 0-based."""

    index: int
    start: int
    end: int  # end of the last line's content, before its line break
    first_line: int
    last_line: int
    kind: str
    piece: bool = False  # a piece of a long line cut at sentence ends (an article stored on one line)

    @property
    def prose(self) -> bool:
        return self.kind in PROSE


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


# Markdown's marks that news, web pages and mail hardly write, each a signal of its own (see written_in_markdown):
# two `#` headings, a closed code fence, front matter, two links written `[text](url)`, a link definition, a table
_MARKDOWN_SIGNALS = (
    lazyre.compile(r"^ {0,3}#{1,6}[ \t]+\S.*\n(?:[^\n]*\n)*? {0,3}#{1,6}[ \t]+\S", re.MULTILINE),
    lazyre.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n(?:[^\n]*\n)*? {0,3}\1[ \t]*$", re.MULTILINE),
    lazyre.compile(r"\A(?:---|\+\+\+)[ \t]*\n(?:[\w-]+[ \t]*[:=][^\n]*\n)+(?:---|\+\+\+)[ \t]*$", re.MULTILINE),
    lazyre.compile(r"\[[^\]\n]+\]\((?:https?://|\.{0,2}/|#)[^)\s]*\)(?:.|\n)*?"
                   r"\[[^\]\n]+\]\((?:https?://|\.{0,2}/|#)"),
    lazyre.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(?:https?://|\.{0,2}/)\S*[ \t]*$", re.MULTILINE),
    lazyre.compile(r"^ {0,3}\|[^\n]*\|[ \t]*\n {0,3}\|?[ \t]*:?-{3,}", re.MULTILINE),
)
MARKDOWN_EVIDENCE = 2  # signals a text without a Markdown name needs to be read as Markdown. Documentation saved
# as `.txt` or as a JSONL record shows several (24 of 25 pages of three projects' docs did); news, web pages and
# mail show at most one (a forum's link, a line of hashtags): none of the 1,128 real and injected evaluation
# documents without a Markdown name showed two (docs/layouts.md)


def written_in_markdown(text: str) -> bool:
    """Whether a text whose name does not say it (a `.txt` file, a record of a corpus) is written in Markdown:
    it shows MARKDOWN_EVIDENCE of Markdown's marks (headings, fences, front matter, links, tables)."""
    if "#" not in text and "`" not in text and "[" not in text and "|" not in text and "~" not in text \
            and "---" not in text and "+++" not in text:
        return False
    return sum(1 for signal in _MARKDOWN_SIGNALS if signal.search(text)) >= MARKDOWN_EVIDENCE


_BOUNDARY = r"[ \t>]*--(?P<boundary>[\w'()+,./:=?-]{8,70})[ \t]*"
# A multipart message's boundary, declared by its own header or a part's (`Content-Type: multipart/alternative;` /
# `boundary="000000000000cda37105ff913688"`).
BOUNDARY_PARAM = lazyre.compile(r"\bboundary\s*=\s*\"?([^\";\s]+)", re.IGNORECASE)
_MIME_BOUNDARY = lazyre.compile(_BOUNDARY + "$", re.MULTILINE)
# A multipart message's boundary and the part's headers under it, left in the text (RFC 2046): every part repeats
# them; structure, not a passage.
# The text before a multipart message's first boundary, for mail software that reads no MIME (Thunderbird's, Outlook's
# and Mutt's wordings).
MIME_PREAMBLE = (r"This\s+is\s+a\s+(?:multi-?part\s+message\s+in\s+MIME\s+format|MIME[- ]formatted\s+message"
                 r"|multi-?part\s+MIME\s+message)\b")
MIME_PART_HEADERS = lazyre.compile(_BOUNDARY + r"(?:\r?\n[ \t>]*(?:Content-[\w-]+|MIME-Version):[^\n]*)+\s*"
                                   rf"|[ \t>]*{MIME_PREAMBLE}[^\n]*\s*")  # (and its preamble, which a nested part repeats)
_HTML_PART = lazyre.compile(r"(?:[ \t>]*\S[^\n]*\n){0,8}?[ \t>]*Content-Type\s*:\s*text/html\b", re.IGNORECASE)


def html_parts(text: str) -> list[tuple[int, int]]:
    """(start, end) of each MIME part of a multipart mail left in the text whose headers say text/html: from its
    boundary line to the next line of the same boundary (or the text's end)."""
    parts = []
    for m in _MIME_BOUNDARY.finditer(text):
        if parts and m.start() < parts[-1][1]:
            continue
        if not _HTML_PART.match(text, m.end() + 1):
            continue
        closing = re.compile(rf"^[ \t>]*--{re.escape(m.group('boundary'))}", re.MULTILINE).search(text, m.end())
        parts.append((m.start(), closing.start() if closing else len(text)))
    return parts


# A heading's underline in plain text (reStructuredText's and setext's `===` and `---`), to its line's end
UNDERLINE = lazyre.compile(r"[ \t]*(?:={3,}|-{3,})[ \t]*(?=\r?\n|$)")
_FIELD_START = lazyre.compile(r"[\w-]+:\s")


def underlined_heading(text: str) -> bool:
    """Whether a plain text has a heading underlined with `=` or `-` (`Git v2.3.3 Release Notes` over `====...`,
    as in reStructuredText and plain-text manuals): documentation in sections."""
    lines = text.splitlines()
    return any(_titled(before, line, UNDERLINE) for before, line in zip(lines, lines[1:]))


def _titled(title_line: str, line: str, underline) -> bool:
    """Whether `line` underlines `title_line` as a heading: a rule the `underline` pattern reads, at least half as
    long as the title, which no field is (a patch's `Signed-off-by: ...` over `---` is no heading)."""
    title = title_line.strip()
    return bool(title and underline.fullmatch(line) and len(line.strip()) >= len(title) / 2 and len(title) <= 80
                and any(c.isalpha() for c in title) and not underline.fullmatch(title_line)
                and not _FIELD_START.match(title))


# A title's underline in reStructuredText: one punctuation mark repeated (`====`, `----`, `~~~~`, `^^^^`, ...).
_ADORNMENT = lazyre.compile(r"[ \t]*([=\-~^*+#\"'`])\1{2,}[ \t]*")
# A directive (`.. confval:: name`, `   .. method:: Logger.error(msg)`): an entry of a reference, or a block of its own.
_RST_ENTRY = lazyre.compile(r"[ \t]*\.\.[ \t]+[\w:-]+::")


def section_lines(lines: list[str]) -> list[int]:
    """The lines that open a section of a plain-text document in reStructuredText's manner: a title over its
    underline (any of reStructuredText's adornments, see _titled), and a directive, which opens an entry of a
    reference (`.. confval:: imgmath_dvipng`: each entry gives its type and default in the same words) or a
    block of its own (an example under `.. code-block::`)."""
    return [n for n, line in enumerate(lines)
            if _RST_ENTRY.match(line) or (n + 1 < len(lines) and _titled(line, lines[n + 1], _ADORNMENT))]


# -- line shapes ----------------------------------------------------------------------------------------------
_DATE = lazyre.compile(
    r"""^\s*(?:(?:published|updated|last\s+updated|posted(?:\s+on)?|first\s+published|date)\s*:?\s*)?
    (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:
        \d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}
      | \d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}
      | [a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}
    )(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_FENCE = lazyre.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = lazyre.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_SETEXT = lazyre.compile(r"^ {0,3}(?:=+|-+)\s*$")
_THEMATIC = lazyre.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
# A paragraph of one line that is all bold (`**In `APIRouter`**`), standing between blank lines: a heading written
# with emphasis (markdownlint's MD036), which opens a section as `###` does.
_BOLD_HEADING = lazyre.compile(r"^ {0,3}(\*\*|__)(?=\S)(?:(?!\1).){1,80}(?<=\S)\1\s*$")
_LIST_ITEM = lazyre.compile(r"^\s{0,3}(?:[-*+\u2022]|\d{1,9}[.)])(?:\s+\S|\s*$)")
_TABLE_ROW = lazyre.compile(r"^\s*\|.*\|\s*$|^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_TABLE_DELIMITER = lazyre.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LINK_DEFINITION = lazyre.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S")
_BLOCK_QUOTE = lazyre.compile(r"^ {0,3}>")
# Template shortcodes (Hugo `{{< x >}}`, `{{% x %}}`, Liquid/Jinja `{% x %}`, MkDocs includes `{* file.py hl[2] *}`
# and `{! file.md !}`), admonitions and containers (`!!! note`, `??? tip`, `::: warning`, PyMdown blocks `/// tip` and
# their fences `///`, `//// tab | Python 3.10+`), reStructuredText directives and MDX imports.
_DIRECTIVE = lazyre.compile(r"^\s*(?:\{\{[<%].*[%>]\}\}|\{%.*%\}|\{\*.*\*\}|\{!.*!\}|(?:!!!|\?\?\?\+?|:::)|/{3,}(?=\s|$)"
                            r"|\.\.\s+[\w-]+::"
                            r"|(?:import|export)\s+\S.*\bfrom\s+['\"])")
_HTML_BLOCK = lazyre.compile(r"^\s{0,3}</?(?:address|article|aside|blockquote|br|center|details|div|dl|dt|dd|figcaption"
                             r"|figure|footer|form|h[1-6]|header|hr|iframe|img|li|nav|ol|p|picture|pre|script|section"
                             r"|source|style|summary|table|tbody|td|tfoot|th|thead|tr|ul|video|a|span|sup|sub|kbd|!doctype)"
                             r"(?:[\s/>]|$)", re.IGNORECASE)
_COMMENT_OPEN = lazyre.compile(r"^\s{0,3}<!--")
_MAIL_FIELD = lazyre.compile(r"^(?:From|To|Cc|Bcc|Date|Subject|Sender|Reply-To|Message-I[Dd]|In-Reply-To|References"
                             r"|Return-Path|Received|Delivered-To|MIME-Version|Content-[\w-]+|X-[\w-]+|Newsgroups|Path"
                             r"|Organization|User-Agent|Lines):", re.IGNORECASE)
_MBOX_FROM = lazyre.compile(r"^From \S+ ")
# `Thread-Topic: ...`, and a relay's field with no space after its colon (`ARC-Seal:i=1; a=rsa-sha256; ...`)
_ANY_HEADER_FIELD = lazyre.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*:(?:[ \t]|$|(?=[^\s/]))")
# A mailing-list digest as Mailman sends it: a subscription notice first (`Send bitcoin-dev mailing list submissions
# to`), then a table of contents (`Today's Topics:` and numbered subjects) and each message under its own header
# block (`Message: 4`, then `Date:`, `From:`, `Subject:` ...). The digest is mail; its contents and headers are
# structure, never prose (the same subject listed twice is no repeated passage).
_DIGEST_NOTICE = lazyre.compile(r"^\s*Send\s+.{1,60}\s+mailing\s+list\s+submissions\s+to\b", re.IGNORECASE)
_DIGEST_TOPICS = lazyre.compile(r"^\s*Today's\s+Topics:\s*$")
_DIGEST_ITEM = lazyre.compile(r"^\s+(?:\d+\.\s+)?\S")
_DIGEST_MESSAGE = lazyre.compile(r"^Message:\s*\d+\s*$")
_DIGEST_SEPARATOR = lazyre.compile(r"^-{20,}\s*$")
# A list archive's note where it cut an attachment (`-------------- next part --------------` / `An HTML attachment
# was scrubbed...` / `URL: <...>`): the archive's words, the same under every message (mail-furniture reports it).
_PART_NOTE = lazyre.compile(r"^-{5,}\s*next\s+part\s*-{5,}\s*$", re.IGNORECASE)
_MAIL_QUOTE = lazyre.compile(r"^\s{0,3}(?:>|\|(?=\s))")
# "On Mon, 3 Jan 2007, Jane Doe wrote:", "Jane Doe <jane at example.org> writes:", "Quoting Jane:"
_ATTRIBUTION = lazyre.compile(r"^\s{0,3}(?:>\s*)*(?:(?:On|Am|Le|El)\b[^\n]{0,200}?\b|[^\n]{1,120}?\s|)"
                              r"(?:wrote|writes|said|schrieb|a\s+écrit|escribió)\s*:\s*$"
                              r"|^\s{0,3}(?:>\s*)*quoting\s+[^\n]{1,80}:\s*$", re.IGNORECASE)
_WROTE_ALONE = lazyre.compile(r"^\s{0,3}(?:>\s*)*(?:wrote|writes|schrieb|a\s+écrit|escribió)\s*:\s*$", re.IGNORECASE)
_ATTRIBUTION_START = lazyre.compile(r"^\s{0,3}(?:>\s*)*(?:On|Am|Le|El)\s+\S.{10,}", re.IGNORECASE)


def wraps(line: str, limits: LayoutLimits = LIMITS) -> bool:
    """Whether a line reads as hard-wrapped: filled to a wrap width and ending mid-sentence, so that the next line
    of its block continues its sentence."""
    line = line.strip()
    return limits.wrap_min < len(line) <= limits.wrap_width and not ends_sentence(line, introduces=True)


_QUOTE_PREFIX = lazyre.compile(r"^\s{0,3}(?:>\s?)*")


# A record's field: `Metadata-Version: 2.1`, `Keywords: json,schema`. Two or more together are a header or a
# record (a package's metadata, an HTTP exchange, a mail's headers), whose fields every document of its kind
# holds; one such line alone may be a leftover (`Source: Reuters`).
_FIELD = lazyre.compile(r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*:[ \t]+\S")
# reStructuredText's markup lines: a directive (`.. image:: https://...`) and its options (`   :target: ...`).
_RST_MARKUP = lazyre.compile(r"[ \t]*(?:\.\.[ \t]+[\w|-]+(?:[ \t]+[\w-]+)?::|:[\w-]+:(?:[ \t]|$))")


# A link written in reStructuredText (`` `the docs <https://...>`_ ``): markup that only an author's source keeps
# (a page's scraped text, where sites' prompts and credits come from, never does).
RST_LINK = lazyre.compile(r"`[^`\n]+<(?:https?://|www\.)[^>\s]+>`_")


def is_field(line: str) -> bool:
    """Whether the line reads as a record's field (`Name: value`; see _FIELD)."""
    return _FIELD.match(line) is not None


def in_field_block(lines: list[str], n: int) -> bool:
    """Whether line n of `lines` is a field of a block of two or more (see _FIELD)."""
    return is_field(lines[n]) and any(0 <= k < len(lines) and is_field(lines[k]) for k in (n - 1, n + 1))


def is_rst_markup(line: str) -> bool:
    """Whether the line is a reStructuredText directive or one of its options (markup, not text)."""
    return _RST_MARKUP.match(line) is not None


def unquote(line: str, bars: bool = False) -> tuple[int, int]:
    """(quote depth, length of the quote markers) of an e-mail line: `> > text` is (2, 4). With `bars`, a `|` is a
    quote marker too (`| > text`, as some mail clients quote; see bar_quoted)."""
    prefix = (_BAR_QUOTE_PREFIX if bars else _QUOTE_PREFIX).match(line).group()
    return prefix.count(">") + prefix.count("|"), len(prefix)


_BAR_QUOTE_PREFIX = lazyre.compile(r"^\s{0,3}(?:[>|]\s?)*")
_TABLE_ROW = lazyre.compile(r"\s*\|.*\|\s*$")
BAR_QUOTED_LINES = 5  # lines opening with `|` (and none a table's row) that make a message quote with bars


def bar_quoted(lines: list[str]) -> bool:
    """Whether a message quotes with `|` (`| Anybody have a windows installer ...`, `|>Support for ...`): at least
    BAR_QUOTED_LINES lines open with it before the writer's signature (under `--`, a signature may draw with bars),
    and none of them reads as a table's row (`| a | b |`)."""
    end = next((n for n, line in enumerate(lines) if line.rstrip() in ("--", "-- ")), len(lines))
    barred = [line for line in lines[:end] if line.lstrip(" ").startswith("|")]
    return len(barred) >= BAR_QUOTED_LINES and not any(_TABLE_ROW.match(line) for line in barred)


def is_attribution(line: str, next_line: str = "") -> bool:
    """Whether a line introduces a quotation in a reply: "On Mon, 3 Jan 2007, Jane Doe wrote:", or the first line
    of one wrapped before its verb."""
    return _ATTRIBUTION.match(line) is not None or (
        bool(_ATTRIBUTION_START.match(line)) and bool(_WROTE_ALONE.match(next_line)))


def is_dateline(line: str) -> bool:
    return len(line) <= LIMITS.dateline_chars and bool(_DATE.match(line))


def is_blank(line: str) -> bool:
    """Blank or whitespace only (non-breaking spaces count as whitespace)."""
    return not line.strip()


def _indent(line: str) -> int:
    """How far a line's text stands in: its spaces and tabs, and a block's mark before it (`<p>   Over the past
    ...`, see text.MARK_LEAD): the lines that continue the block are indented under its text, not under the mark."""
    mark = MARK_LEAD.match(line).end()
    return mark if line[:mark].strip() else len(line) - len(line.lstrip(" \t"))


# -- the reader -----------------------------------------------------------------------------------------------
class _Reader:
    """Assigns a kind to every line, then groups lines into blocks."""

    def __init__(self, text: str, spans: list[tuple[int, int]], path: str, limits: LayoutLimits):
        self.text, self.spans, self.limits = text, spans, limits
        self.lines = [text[s:e] for s, e in spans]
        self.blank = [is_blank(line) for line in self.lines]
        self.kinds: list[str | None] = [None] * len(spans)  # None: prose, grouped into paragraphs later
        declared = is_markdown(path)
        self.mail = not declared and (self._mail_header() or self._digest())
        self.markdown = declared or (not self.mail and written_in_markdown(text))

    # each pass marks the lines it recognises as structure
    def read(self) -> list[Block]:
        if self.markdown:
            self._markdown()
        if self.mail:
            self._mail()
        if not self.markdown:
            self._code()
        return self._blocks()

    def _code(self) -> None:
        """Runs of lines that are mostly program code or output (in mail and plain text, which have no fences):
        code repeated in a reply is an example, not a repeated passage."""
        i, n = 0, len(self.lines)
        while i < n:
            if self.blank[i] or self.kinds[i] is not None:
                i += 1
                continue
            j = i
            while j + 1 < n and not self.blank[j + 1] and self.kinds[j + 1] is None:
                j += 1
            code = sum(looks_like_code(self.lines[k]) for k in range(i, j + 1))
            if j > i and code * self.limits.code_share_inverse >= 2 * (j - i + 1):  # two lines or more
                self._mark(i, j, CODE)
            i = j + 1

    def _mark(self, first: int, last: int, kind: str) -> None:
        for i in range(first, last + 1):
            if self.kinds[i] is None:
                self.kinds[i] = kind

    def _mail_header(self) -> bool:
        """Whether the text opens with an e-mail header block (marking it when it does)."""
        lines, n = self.lines, 0
        fields = 0
        while n < min(len(lines), self.limits.mail_header_lines) and not self.blank[n]:
            line = lines[n]
            if _MAIL_FIELD.match(line) or (n == 0 and _MBOX_FROM.match(line)):
                fields += 1
            elif not (n and (line[:1] in " \t" or _ANY_HEADER_FIELD.match(line))):
                return False  # a folded field goes on indented; relays add fields of their own (DKIM-Signature:)
            n += 1
        if fields < self.limits.mail_header_fields or not _MAIL_FIELD.match(lines[0]) and not _MBOX_FROM.match(lines[0]):
            return False
        self._mark(0, n - 1, MAIL_HEADER)
        return True

    def _digest(self) -> bool:
        """Whether the text opens as a mailing-list digest does (see _DIGEST_NOTICE): with its subscription notice,
        or, once a fix has taken the notice away, with its table of contents or its first message's separator and
        header. That opening is marked as the digest's header, as a message's header block is: the text stays
        mail whatever a fix removed from its top."""
        lines, n = self.lines, len(self.lines)
        first = next((i for i, blank in enumerate(self.blank) if not blank), None)
        if first is None:
            return False
        last = first
        if _DIGEST_NOTICE.match(lines[first]):
            while last + 1 < n and not self.blank[last + 1]:
                last += 1
        elif _DIGEST_TOPICS.match(lines[first]):
            last = self._digest_parts(first) - 1
        else:
            message = first + 1 if _DIGEST_SEPARATOR.match(lines[first]) else first
            while message < n and self.blank[message]:
                message += 1
            if message >= n or not _DIGEST_MESSAGE.match(lines[message]) or message + 1 >= n \
                    or not _MAIL_FIELD.match(lines[message + 1]):
                return False
            last = self._digest_parts(message) - 1
        while last > first and self.blank[last]:
            last -= 1
        self.kinds[first:last + 1] = [MAIL_HEADER] * (last + 1 - first)
        return True

    def _digest_parts(self, i: int) -> int:
        """Mark a digest's table of contents or a message's header block starting at line i (see _DIGEST_NOTICE);
        the line after what was marked, or i."""
        lines, n = self.lines, len(self.lines)
        if _DIGEST_TOPICS.match(lines[i]):
            j = i + 1
            while j < n and (self.blank[j] or _DIGEST_ITEM.match(lines[j])):
                j += 1
            self._mark(i, j - 1, LIST)
            return j
        if _DIGEST_MESSAGE.match(lines[i]) and i + 1 < n and _MAIL_FIELD.match(lines[i + 1]):
            j = i + 1
            while j < n and not self.blank[j] and (_MAIL_FIELD.match(lines[j]) or lines[j][:1] in " \t"):
                j += 1
            self._mark(i, j - 1, MAIL_HEADER)
            return j
        return i

    def _mail(self) -> None:
        for i, line in enumerate(self.lines):
            if self.kinds[i] is not None or self.blank[i]:
                continue
            if self._digest_parts(i) > i:
                continue
            if _PART_NOTE.match(line):
                j = i + 1
                while j < len(self.lines) and not self.blank[j]:
                    j += 1
                self._mark(i, j - 1, MAIL_NOTE)
                continue
            if _ATTRIBUTION.match(line):
                self.kinds[i] = ATTRIBUTION
                if _WROTE_ALONE.match(line) and i and _ATTRIBUTION_START.match(self.lines[i - 1]):
                    self.kinds[i - 1] = ATTRIBUTION  # "On Sun, Aug 11, 2013, Jane Doe <jane@example.org>" / "wrote:"
            elif _MAIL_QUOTE.match(line):
                self.kinds[i] = QUOTE

    def _markdown(self) -> None:
        lines, n, i = self.lines, len(self.lines), 0
        if n and lines[0].strip() in ("---", "+++"):  # front matter
            close = lines[0].strip()
            for j in range(1, min(n, 400)):
                if lines[j].strip() in (close, "..."):
                    self._mark(0, j, FRONT_MATTER)
                    i = j + 1
                    break
        previous_blank, in_list = True, False
        while i < n:
            line = lines[i]
            if self.blank[i]:
                previous_blank = True
                i += 1
                continue
            fence = _FENCE.match(line)
            if fence:
                mark = fence.group(1)
                j = i + 1
                while j < n and not (lines[j].lstrip().startswith(mark[0] * len(mark))
                                     and not lines[j].strip().strip(mark[0])):
                    j += 1
                self._mark(i, min(j, n - 1), CODE)
                i, previous_blank = j + 1, False
                continue
            if _COMMENT_OPEN.match(line):
                j = i
                while j < n and "-->" not in lines[j][(line.find("<!--") + 4) if j == i else 0:]:
                    j += 1
                self._mark(i, min(j, n - 1), COMMENT)
                i, previous_blank = j + 1, False
                continue
            if previous_blank and not in_list and _indent(line.expandtabs(4)) >= 4:
                j = i
                while j < n and (self.blank[j] or _indent(lines[j].expandtabs(4)) >= 4):
                    j += 1
                while j > i and self.blank[j - 1]:
                    j -= 1
                self._mark(i, j - 1, CODE)
                i, previous_blank = j, False
                continue
            kind = self._markdown_line(i)
            if kind == LIST:
                in_list = True
            elif kind is None and previous_blank and _indent(line) < 2:
                in_list = False
            if kind is None and in_list and (not previous_blank or _indent(line) >= 2):
                kind = LIST  # a list item's continuation lines and paragraphs
            if kind == TABLE or kind == HTML:
                j = i
                while j + 1 < n and not self.blank[j + 1]:
                    j += 1
                self._mark(i, j, kind)
                i, previous_blank = j + 1, False
                continue
            if kind is not None:
                self.kinds[i] = kind
            i += 1
            previous_blank = False

    def _markdown_line(self, i: int) -> str | None:
        line, lines = self.lines[i], self.lines
        if _HEADING.match(line):
            return HEADING
        if (_BOLD_HEADING.match(line) and (i == 0 or self.blank[i - 1])
                and (i + 1 == len(lines) or self.blank[i + 1])):
            return HEADING
        if _THEMATIC.match(line):
            return RULE
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if _SETEXT.match(nxt) and not self.blank[i] and not _LIST_ITEM.match(line) and i + 1 < len(lines):
            self.kinds[i + 1] = HEADING
            return HEADING
        if _LIST_ITEM.match(line):
            return LIST
        if _LINK_DEFINITION.match(line):
            return LINK_DEFINITION
        if _BLOCK_QUOTE.match(line):
            return QUOTE
        if _DIRECTIVE.match(line):
            return DIRECTIVE
        if _HTML_BLOCK.match(line):
            return HTML
        if "|" in line and (_TABLE_ROW.match(line) or _TABLE_DELIMITER.match(nxt)):
            return TABLE
        return None

    # -- grouping ---------------------------------------------------------------------------------------------
    def _blocks(self) -> list[Block]:
        runs: list[tuple[int, int, str]] = []  # (first line, last line, kind or None for prose)
        i, n = 0, len(self.lines)
        while i < n:
            if self.blank[i]:
                i += 1
                continue
            kind = self.kinds[i]
            j = i
            while j + 1 < n and not self.blank[j + 1] and self.kinds[j + 1] == kind:
                j += 1
            runs.append((i, j, kind))
            i = j + 1
        prose_runs = [r for r in runs if r[2] is None]
        # no blank line between two lines of text, and nothing but prose: every line is a paragraph (unless its
        # lines are hard-wrapped)
        one_per_line = len(runs) == 1 and len(prose_runs) == 1
        out: list[tuple[int, int, str]] = []
        for a, b, kind in runs:
            if kind is not None:
                out.append((a, b, kind))
            elif one_per_line and not self.markdown and not self.mail and not self._wrapped(a, b):
                out += [(k, k, PARAGRAPH) for k in range(a, b + 1)]  # no blank line anywhere: a line is a paragraph
            else:
                out += [(x, y, PARAGRAPH) for x, y in self._paragraphs(a, b)]
        blocks: list[Block] = []
        first_prose = next((k for k, (_, _, kind) in enumerate(out) if kind == PARAGRAPH), None)
        few_lines = len(self.lines) - sum(self.blank) <= self.limits.one_line_max_lines
        for n_, (a, b, kind) in enumerate(out):
            start, end = self.spans[a][0], self.spans[b][1]
            if kind == PARAGRAPH and a == b and few_lines and not self.markdown and self._one_line(start, end):
                for piece_start, piece_end in self._pieces(start, end):
                    blocks.append(Block(len(blocks), piece_start, piece_end, a, b, PARAGRAPH, piece=True))
                continue
            if kind == PARAGRAPH:
                kind = self._prose_kind(n_ == 0 and n_ == first_prose, a, b)
            blocks.append(Block(len(blocks), start, end, a, b, kind))
        return blocks

    def _one_line(self, start: int, end: int) -> bool:
        """Whether a line is a whole article stored on one line (a dataset's record): long, and many sentences."""
        return (end - start >= self.limits.one_line_chars
                and len(SENTENCE_BREAK.findall(self.text, start, end)) + 1 >= self.limits.one_line_sentences)

    def _pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences of a long line, as (start, end) with their spaces left out: its paragraphs are lost, and a
        sentence is the unit the paragraph rules can still compare (a body pasted twice is a run of them)."""
        out, pos = [], start
        for m in SENTENCE_BREAK.finditer(self.text, start, end):
            if _inside_brackets(self.text, m.start(), pos, end):
                continue  # "[ALSO READ: OFFICIAL! The club signs ...](https://...)": a link's text is one piece
            out.append((pos, m.end()))
            pos = m.end()
            while pos < end and self.text[pos].isspace():
                pos += 1
        if pos < end:
            out.append((pos, end))
        return [(a, b) for a, b in out if self.text[a:b].strip()]

    def _wrapped(self, a: int, b: int) -> bool:
        """Whether a run of lines with no blank line reads as hard-wrapped paragraphs: a third of its lines or more
        (the last aside) are filled to a wrap width and end mid-sentence (in paragraphs of two or three lines, the
        others end sentences)."""
        texts = [self.lines[k].rstrip() for k in range(a, b)]
        if not texts:
            return False
        wraps = sum(self.limits.wrap_min <= len(t) <= self.limits.wrap_width and not ends_sentence(t) for t in texts)
        return wraps >= 1 and wraps * self.limits.wrapped_share_inverse >= len(texts)

    def _paragraphs(self, a: int, b: int) -> list[tuple[int, int]]:
        """A run of prose lines as paragraphs: split where an indented line follows an unindented one (newswire
        opens its paragraphs so), then one paragraph per line where its lines are paragraphs (most end a
        sentence) rather than hard-wrapped lines."""
        pieces, start = [], a
        for k in range(a + 1, b + 1):
            indent, before = _indent(self.lines[k]), _indent(self.lines[k - 1])
            # an indented line after an unindented one, or after a sentence's end with another indent (a sign-off
            # indented by a space after a paragraph's indented first line)
            opens = indent > before or (indent and indent != before and ends_sentence(self.lines[k - 1]))
            if opens and not self._continues(k):
                pieces.append((start, k - 1))
                start = k
        pieces.append((start, b))
        out = []
        for x, y in pieces:
            out += self._line_paragraphs(x, y)
        return out

    def _continues(self, k: int) -> bool:
        """An indented line that continues the sentence of the line before it (a hanging indent, a list's
        wrapped item): the line before it is filled and ends mid-sentence, and this line starts in lower case."""
        before = self.lines[k - 1].rstrip()
        word = self.lines[k].lstrip()[:1]
        return word.islower() and not ends_sentence(before)

    def _line_paragraphs(self, a: int, b: int) -> list[tuple[int, int]]:
        if b == a:
            return [(a, b)]
        texts = [self.lines[k].rstrip() for k in range(a, b + 1)]
        ending = sum(ends_sentence(t) for t in texts[:-1])
        if ending >= self.limits.line_paragraph_share * (len(texts) - 1) and (
                len(texts) >= 3 or max(map(len, texts)) > self.limits.wrap_width):
            return [(k, k) for k in range(a, b + 1)]
        return [(a, b)]

    def _prose_kind(self, first: bool, a: int, b: int) -> str:
        text = self.text[self.spans[a][0]:self.spans[b][1]].strip()
        limits = self.limits
        if a == b and is_dateline(text):
            return DATELINE
        if (first and a == b and not self.mail and len(text) <= limits.headline_chars
                and len(text.split()) <= limits.headline_words and text[-1:] not in ".!?:;,"):
            return HEADLINE
        return PARAGRAPH


def read_blocks(text: str, spans: list[tuple[int, int]], path: str, limits: LayoutLimits = LIMITS) -> list[Block]:
    """The blocks of a text, given the (start, end) span of each of its lines."""
    return read_layout(text, spans, path, limits)[0]


def read_layout(text: str, spans: list[tuple[int, int]], path: str,
                limits: LayoutLimits = LIMITS) -> tuple[list[Block], bool]:
    """The blocks of a text and whether it was read as Markdown (by its name, or by its marks: see
    written_in_markdown), decided once for both."""
    reader = _Reader(text, spans, path, limits)
    return reader.read(), reader.markdown


def is_mail(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the text opens with an e-mail header block."""
    return _Reader(text, spans[:LIMITS.mail_header_lines + 1], "", LIMITS).mail


BRACKET_SPAN = 200  # characters: the longest link text (a headline) a sentence break inside brackets is kept within


def _inside_brackets(text: str, at: int, start: int, end: int) -> bool:
    """Whether position `at` of a long line stands inside square brackets that open at most BRACKET_SPAN characters
    before it (after `start`) and close at most as far after it (before `end`): a link's text, whose sentence
    breaks ("¡OFICIAL! ...") are no paragraph's."""
    opened = text.rfind("[", max(start, at - BRACKET_SPAN), at)
    if opened == -1 or text.find("]", opened, at) != -1:
        return False
    closed = text.find("]", at, min(end, at + BRACKET_SPAN))
    return closed != -1 and text.find("[", at, closed) == -1

