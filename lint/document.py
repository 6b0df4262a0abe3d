"""The document model: bytes, decoded text, line index, blocks and cached views.

A Document is built once per input and shared by every rule.  Decoding never
raises: a file that is not UTF-8 keeps its bytes, a best-effort text, and a
`DecodeProblem` that the encoding rules report.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from doclint import lazyre
from doclint import text as text_helpers
from doclint.layout import (MAIL_HEADER, PARAGRAPH, Block, in_field_block, is_blank, is_field,  # noqa: F401 (is_blank: re-exported)
                            read_layout, wraps)
from doclint.layout import html_parts as _html_parts
from doclint.layout import underlined_heading

# A line that opens with a word in lower case (not an address, a handle or an identifier: "bitcoin-dev@...")
_LOWER_WORD = lazyre.compile(r"\s*[a-z]+(?:['’-][a-z]+)*[,;:.]?(?:\s|$)")
_LINK_END = lazyre.compile(r"\]\([^()\s]*\)\s*$")  # a Markdown link closes the line: "... a [draft](https://...)"
BOM = "\ufeff"
# A dataset's word for a line break: Multi-News's source articles are stored each on one line, their line breaks
# written `NEWLINE_CHAR` (` NEWLINE_CHAR NEWLINE_CHAR ` between paragraphs). A text on one line that holds it
# LINE_TOKEN_MIN times or more is read with each token as a line break (see Document.reading).
LINE_TOKEN = "NEWLINE_CHAR"
LINE_TOKEN_MIN = 2
UTF8_BOM = b"\xef\xbb\xbf"

@dataclass(frozen=True)
class DecodeProblem:
    """Where and how UTF-8 decoding failed.

    `guess` is the legacy encoding that decodes the bytes best (Python's codec
    name; doclint.legacy detects it), or None when nothing decodes them
    plausibly (binary data); `confident` says whether a transcoding fix may be
    offered. `language` is the language the guess reads, `rival` an encoding
    that reads the bytes as other text about as well (why the guess is not
    confident), and `mixed` the number of bytes that are not UTF-8 in a file
    that is UTF-8 otherwise (they are read as Windows-1252 then).
    """

    byte_offset: int
    byte: int
    line: int  # 1-based
    column: int  # 1-based, in code points
    guess: str | None
    confident: bool
    binary: bool = False
    language: str | None = None
    rival: str | None = None
    mixed: int = 0

    @property
    def guess_name(self) -> str | None:
        from doclint.legacy import name

        return name(self.guess)


_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _decode(data: bytes) -> tuple[str, bool, str, DecodeProblem | None]:
    """Return (text, had_bom, encoding, problem). Never raises."""
    for marks, codec in ((_UTF32_BOMS, "utf-32"), (_UTF16_BOMS, "utf-16")):  # UTF-32's LE mark opens with UTF-16's
        if data.startswith(marks):
            try:
                return data.decode(codec), True, codec, None
            except UnicodeDecodeError:
                pass
    bom = data.startswith(UTF8_BOM)
    body = data[3:] if bom else data
    nul = body.find(b"\x00", 0, 8192)
    if nul != -1 and _binary(body):  # like git: a NUL byte near the start means binary data, unless it is text
        return body.decode("latin-1"), bom, "binary", _problem(body, nul, None, False, True)
    try:
        return body.decode("utf-8"), bom, "utf-8", None
    except UnicodeDecodeError as exc:
        bad = exc.start
    if _control_ratio(body[:65536]) > 0.1:
        return body.decode("latin-1"), bom, "binary", _problem(body, bad, None, False, True)
    from doclint import legacy  # charset-normalizer, imported only for a file that is not UTF-8

    stray = legacy.stray_bytes(body)
    if stray:  # UTF-8 but for a few bytes: read them as Windows-1252, change nothing
        return legacy.mixed_text(body), bom, "utf-8", _problem(body, bad, "cp1252", False, False, mixed=stray)
    found = legacy.detect(body)
    if found.text is None:
        return body.decode("cp1252", errors="ignore"), bom, "binary", _problem(body, bad, None, False, False)
    return found.text, bom, found.encoding, _problem(body, bad, found.encoding, found.confident, False,
                                                      language=found.language, rival=found.rival)


def _problem(body: bytes, bad: int, guess: str | None, confident: bool, binary: bool, **more) -> DecodeProblem:
    # Where the byte is in the text as read (a multi-byte legacy reading may count the bytes before it otherwise)
    prefix = body[:bad].decode("utf-8" if more.get("mixed") or not guess else guess, errors="replace")
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return DecodeProblem(bad, body[bad], line, column, guess, confident, binary, **more)


def _binary(body: bytes) -> bool:
    """Binary data, for a file with a NUL byte near its start: not so when the rest is UTF-8 text and NULs are
    stray characters in it (a few, at most 1 in 100 bytes of the first 8 KB), which control-character reports."""
    head = body[:8192]
    nuls = head.count(b"\x00")
    if (nuls > 4 and nuls * 100 > len(head)) or _control_ratio(head) > 0.1:
        return True
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(data)


class _Positions:
    """Offsets to 1-based (line, column), given `line_starts`."""

    __slots__ = ()
    line_starts: list[int]

    def line_of(self, offset: int) -> int:
        """0-based line holding `offset`."""
        return bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count code points."""
        line = self.line_of(offset)
        return line + 1, offset - self.line_starts[line] + 1

    def end_position(self, start: int, end: int) -> tuple[int, int]:
        """1-based (line, column) one past the last character of [start, end)."""
        if end <= start:
            return self.position(start)
        line, col = self.position(end - 1)
        return line, col + 1


class DocumentStub(_Positions):
    """What corpus rules and reporters need of a document after it was checked: its name and line index."""

    __slots__ = ("path", "line_starts", "record", "suppressions")  # a corpus run holds one per document
    binary = False

    def __init__(self, path: str, line_starts, record: dict | None = None, suppressions=None):
        from array import array

        self.path = path
        self.line_starts = array("I" if not line_starts or line_starts[-1] < 1 << 32 else "Q", line_starts)
        self.record = record
        self.suppressions = suppressions  # the document's inline suppressions (doclint.suppression), if any


class Document(_Positions):
    """One input: raw bytes, decoded text, line index, blocks and lazy views."""

    def __init__(self, path: str, text: str, *, data: bytes | None = None, bom: bool = False,
                 encoding: str = "utf-8", problem: DecodeProblem | None = None):
        self.path = path
        self.text = text
        self.data = data
        self.bom = bom
        self.encoding = encoding
        self.problem = problem
        self._analyses: dict = {}  # (analysis, its parameters) -> value: see analysis()
        self.record: dict | None = None  # {"id", "number"} for a record of a JSONL corpus
        # The document rules' findings, once they have run where the corpus signatures are computed: a corpus rule
        # need not report again what a document rule reported.
        self.findings: list = []
        self.line_tokens: list[tuple[int, int]] = []  # where a reading put line breaks for a dataset's tokens

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> "Document":
        text, bom, encoding, problem = _decode(data)
        return cls(path, text, data=data, bom=bom, encoding=encoding, problem=problem)

    def with_text(self, text: str, *, transcode: bool = False) -> "Document":
        """The same input with new text (after a fix). `transcode` drops the BOM and legacy encoding."""
        if transcode:
            new = Document(self.path, text)
        else:
            new = Document(self.path, text, bom=self.bom, encoding=self.encoding, problem=self.problem)
        new.record = self.record
        return new

    @property
    def binary(self) -> bool:
        return self.problem is not None and self.problem.binary

    @property
    def writable(self) -> bool:
        """Whether fixed text can be written back without losing bytes."""
        return self.problem is None or self.problem.confident

    def encode(self) -> bytes:
        if self.encoding in ("utf-16", "utf-32"):
            return self.text.encode(self.encoding)  # with its byte-order mark
        return (UTF8_BOM if self.bom else b"") + self.text.encode("utf-8")

    # -- line index -------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_span(self, line: int) -> tuple[int, int]:
        """(start, end) of a 0-based line's content, without its line break (\\n or \\r\\n)."""
        starts = self.line_starts
        start = starts[line]
        if line + 1 < len(starts):
            end = starts[line + 1] - 1
            if end > start and self.text[end - 1] == "\r":
                end -= 1
        else:
            end = len(self.text)
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.text[start:end]

    @cached_property
    def reading(self) -> "Document":
        """The document as the rules read it. A file whose every line break is a lone carriage return (the classic
        Mac OS convention, kept by some scraped corpora) is read with LF breaks, one character for one, so that
        its lines, paragraphs and positions are those an editor shows and every offset holds in the file as it
        is; any other document is read as it is. Rules that judge the line breaks themselves read the file
        (Rule.raw_line_breaks)."""
        text = self.text
        if LINE_TOKEN in text and text.count("\n") <= 1 and text.count(LINE_TOKEN) >= LINE_TOKEN_MIN:
            return self._token_reading()
        if "\r" not in text or "\n" in text:
            return self
        view = Document(self.path, text.replace("\r", "\n"), data=self.data, bom=self.bom, encoding=self.encoding,
                        problem=self.problem)
        view.record = self.record
        view.newline = "\r"  # what a fix inserts as a line break: the file's own
        return view

    def _token_reading(self) -> "Document":
        """A text on one line whose line breaks a dataset wrote as LINE_TOKEN, read with each token as spaces and a
        line break (as long as the token: every offset holds in the file). The rules read its lines and paragraphs;
        positions are reported in the file, and no fix cuts a token (see Linter.check). Whitespace rules read the
        file itself: the padding is no one's trailing space."""
        filler = " " * (len(LINE_TOKEN) - 1) + "\n"
        view = Document(self.path, self.text.replace(LINE_TOKEN, filler), data=self.data, bom=self.bom,
                        encoding=self.encoding, problem=self.problem)
        view.record = self.record
        view.newline = f" {LINE_TOKEN} "  # what a fix inserts as a line break: the dataset's own
        view.line_tokens = [(m.start(), m.end()) for m in re.finditer(LINE_TOKEN, self.text)]
        return view

    @property
    def shown(self) -> "Document":
        """The document whose lines a user's editor shows: the reading of a file of lone carriage returns, the file
        itself where a dataset's tokens stand for line breaks."""
        reading = self.reading
        return self if reading.line_tokens else reading

    def stub(self) -> DocumentStub:
        return DocumentStub(self.path, self.line_starts, self.record, self.suppressions)

    @cached_property
    def suppressions(self):
        """The document's inline suppression comments (doclint.suppression.Suppressions), or None."""
        if "doclint-" not in self.text:  # the module is not even imported for a text without one
            return None
        from doclint.suppression import parse

        return parse(self)

    @cached_property
    def newline(self) -> str:
        """The document's dominant line break."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf and crlf * 2 > self.text.count("\n") else "\n"

    # -- blocks -----------------------------------------------------------
    @cached_property
    def _layout(self) -> tuple[list[Block], bool]:
        return read_layout(self.text, [self.line_span(i) for i in range(self.line_count)], self.path)

    @property
    def blocks(self) -> list[Block]:
        """The document's blocks (doclint.layout): paragraphs of prose, whatever the physical lines, and the
        structure around them (Markdown's code, lists, tables ...; an e-mail's header block and quotes)."""
        return self._layout[0]

    @property
    def is_mail(self) -> bool:
        """Whether the document is e-mail: it opens with a header block (a message's, or a digest's notice or
        contents; see layout)."""
        return bool(self.blocks) and self.blocks[0].kind == MAIL_HEADER

    @property
    def markdown(self) -> bool:
        """Whether the document is Markdown: by its name (`.md`, ...), or, for a name that does not say (a `.txt`
        file, a record of a JSONL corpus), by its marks (layout.written_in_markdown). E-mail never is. The layout
        decided it when it read the blocks."""
        return self._layout[1]

    @cached_property
    def is_documentation(self) -> bool:
        """Whether the document is documentation in sections, which repeats its own notes on purpose: Markdown, or a
        plain text with a heading underlined with `=` or `-` (not e-mail, whose digest separators are none)."""
        return self.markdown or (not self.is_mail and underlined_heading(self.text))

    def in_field_block(self, line: int) -> bool:
        """Whether a 0-based line is a field of a header or a record, two or more `Name: value` lines together
        (see layout.in_field_block): a package's metadata, not its text."""
        if not is_field(self.line_text(line)):
            return False
        first = max(0, line - 1)
        return in_field_block([self.line_text(k) for k in range(first, min(self.line_count, line + 2))], line - first)

    def continues(self, line: int) -> bool:
        """Whether a 0-based line continues the sentence of the line before it in the same block (a hard wrap):
        then what opens the line is no start of a paragraph, nor of a tag. A line filled to a wrap width that
        ends mid-sentence is continued; so is any line that ends mid-sentence on a word when the next one opens
        with a word in lower case (`... and finds` / `related reports.`: a wrap past the usual width), or a
        Markdown link ends it (`... open a [draft](https://...)` / `via GitHub.`: its address is no text)."""
        if line <= 0 or is_blank(current := self.line_text(line)):
            return False
        before = self.line_text(line - 1)
        if wraps(before):
            return True
        return bool(_LOWER_WORD.match(current)) and (before.rstrip()[-1:].isalpha() or bool(_LINK_END.search(before)))

    def analysis(self, kind, *parameters):
        """The analysis `kind` of this document, computed once (`kind.compute(document, *parameters)`) and shared
        by every rule that asks for it with the same parameters. An analysis is a class named for what it holds
        (`ParagraphMatches`, `Vocabulary`), defined beside the code that computes it: rules ask by type, never by
        a string."""
        key = (kind, parameters)
        try:
            return self._analyses[key]
        except KeyError:
            value = self._analyses[key] = kind.compute(self, *parameters)
            return value

    @cached_property
    def prose_runs(self) -> list[Block]:
        """The prose blocks, with the pieces of a long line joined back into one block: what the rules that read
        sentences in running text read (a credit, a teaser, a dateline), whatever the paragraph rules cut."""
        out: list[Block] = []
        for block in self.blocks:
            if not block.prose:
                continue
            if block.piece and out and out[-1].piece and out[-1].first_line == block.first_line:
                last = out[-1]
                out[-1] = Block(last.index, last.start, block.end, last.first_line, block.last_line, PARAGRAPH, True)
                continue
            out.append(block)
        return out

    def block_lines(self, block: Block) -> list[tuple[int, int, int]]:
        """(line, start, end) of each line of a block, the span clipped to the block (a piece of a long line is
        only part of its line)."""
        out = []
        for line in range(block.first_line, block.last_line + 1):
            start, end = self.line_span(line)
            out.append((line, max(start, block.start), min(end, block.end)))
        return out

    def block_text(self, block: Block) -> str:
        return self.text[block.start:block.end]

    @cached_property
    def paragraphs(self) -> list[Block]:
        """Body blocks: neither the headline nor a dateline."""
        return [b for b in self.blocks if b.kind == "paragraph"]

    # -- lazy views -------------------------------------------------------
    @cached_property
    def code_blocks(self) -> list[tuple[int, int]]:
        """(start, end) of each fenced code block (```` ``` ```` or `~~~`), HTML comment and line that is one whole
        HTML or JSX tag (`<Diagram name="..." alt="...">`) of a Markdown file, and in any file each hunk of a
        unified diff (a patch sent by mail: see _DIFF_HUNK), disjoint and sorted. None is prose: an example repeated
        in two languages is no duplicate, nor are two diagrams' alt texts, nor the same change made in three files."""
        text = self.text
        hunks = [m.span() for m in _DIFF_HUNK.finditer(text)] if "@@ -" in text else []
        if not self.markdown or "<" not in text and "```" not in text and "~~~" not in text:
            return hunks
        spans = [m.span() for m in _FENCED.finditer(text)] if "```" in text or "~~~" in text or "<!--" in text \
            else []
        if "<" in text:
            spans += [m.span() for m in _TAG_LINE.finditer(text)]
        return _merged(spans + hunks)

    def in_code(self, offset: int) -> bool:
        """Whether `offset` lies inside a fenced code block (see code_blocks)."""
        return _inside(self.code_blocks, offset)

    @cached_property
    def example_code(self) -> list[tuple[int, int]]:
        """(start, end) of the code a document shows on purpose, disjoint and sorted: in a Markdown file its
        code_blocks, code spans and indented code lines; in any text, an interactive session (`>>> ` prompts and
        the output printed after them, up to a blank line), as package descriptions and READMEs show them.
        Rules that read characters (entities, escapes, mojibake) leave them alone: an example of an escape is
        written on purpose."""
        spans = [m.span() for m in _SESSION.finditer(self.text)] if ">>>" in self.text else []
        if self.markdown:
            spans += self.code_blocks + [m.span() for m in _INLINE_CODE.finditer(self.text)]
        return _merged(spans)

    def in_example_code(self, offset: int) -> bool:
        """Whether `offset` lies in code the document shows on purpose (see example_code)."""
        return _inside(self.example_code, offset)

    @cached_property
    def html_parts(self) -> list[tuple[int, int]]:
        """(start, end) of each MIME part of a mail that holds the message again as HTML (see layout.html_parts):
        markup, whose entities and transfer encoding are its own syntax."""
        return _html_parts(self.text) if self.is_mail and "text/html" in self.text else []

    def in_html_part(self, offset: int) -> bool:
        return _inside(self.html_parts, offset)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence, split inside each block."""
        out = []
        for block in self.blocks:
            text = self.block_text(block)
            pos = 0
            for m in text_helpers.SENTENCE_BREAK.finditer(text):
                out.append(_strip_span(text, pos, m.end(), block.start))
                pos = m.end()
            if text[pos:].strip():
                out.append(_strip_span(text, pos, len(text), block.start))
        return out

    screen = None  # the pattern of characters the rules checking this document screen for (set by the engine)

    @cached_property
    def suspects(self) -> frozenset[str]:
        """The characters of the text that the checking rules' screens name (one fast pass, shared; see
        Rule.screen); every character of the text when no screen was set."""
        return frozenset(self.screen.findall(self.text) if self.screen is not None else self.text)

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        """(start, end, lowercased word) for every word of the text."""
        return [(m.start(), m.end(), m.group().lower()) for m in text_helpers.WORD.finditer(self.text)]


# Fenced code blocks and HTML comments (compiled when a Markdown file first asks, not by every run's import).
_FENCED = lazyre.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,}).*?^[ \t]{0,3}(?P=fence)[ \t]*$|<!--.*?-->",
                         re.MULTILINE | re.DOTALL)


# A hunk of a unified diff, with the file headers before it (`diff --git a/x b/x`, `index ...`, `--- a/x`, `+++ b/x`),
# its `@@ -35,7 +35,7 @@` line and the lines it changes or keeps (` `, `+`, `-`, `\ No newline at end of file`), up
# to the first other line; a line `-- ` is a signature's separator (git send-email's `-- ` + version), not a line
# removed. A blank line inside a hunk (its context line's space stripped by a mail client) stays in it when a
# hunk's line follows.
_DIFF_HUNK = lazyre.compile(r"^(?:(?:diff --git |index |--- |\+\+\+ |new file mode |deleted file mode )[^\n]*\n)*"
                            r"@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@[^\n]*(?:\n(?!-- ?$)(?:[ +\-\\][^\n]*|@@ [^\n]*"
                            r"|(?:diff --git |index )[^\n]*|(?=\n[ +\-@])))*", re.MULTILINE)


# A Markdown line that is one whole HTML or JSX tag, opening, closing or empty (CommonMark's HTML block of kind 7;
# MDX components): markup, whatever its attributes say.
_TAG_LINE = lazyre.compile(r"""^[ \t]{0,3}</?[A-Za-z][\w.:-]*(?:\s+(?:[^<>"'{}]|"[^"\n]*"|'[^'\n]*'|\{[^{}\n]*\})*)?/?>"""
                           r"[ \t]*$", re.MULTILINE)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The (start, end) spans sorted, overlapping ones joined."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` lies in one of the sorted, disjoint (start, end) spans."""
    if not spans:
        return False
    from bisect import bisect_right

    n = bisect_right(spans, (offset, float("inf"))) - 1
    return n >= 0 and spans[n][0] <= offset < spans[n][1]


# An interactive session: a line opening with a `>>> ` prompt and a statement (a call, an import, an assignment),
# and the lines after it up to a blank line. Not mail quoted three times (`>>> The question is, ...`).
_SESSION = lazyre.compile(r"^[ \t]*>>>[ \t]+(?:[\w.\[\]'\"]+\(|import\s|from\s+\w|[\w.]+\s*=[^=]|print\b)"
                          r".*(?:\n(?![ \t]*$).*)*", re.MULTILINE)


# Markdown's code spans (which may wrap onto the next line of their paragraph) and indented code lines.
_INLINE_CODE = lazyre.compile(r"`(?:[^`\n]|\n(?![ \t]*(?:\n|$)))+`|^(?: {4}|\t).*$", re.MULTILINE)


def _strip_span(text: str, start: int, end: int, base: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return base + start, base + end
