from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.layout import MIME_PART_HEADERS, is_attribution
from doclint import repeats
from doclint.repeats import paragraph_matches, removal_start, runs
from doclint.rule import Rule, option
from doclint.text import ends_sentence, is_legal_file, looks_like_code, normalize, words


@dataclass(frozen=True)
class Options:
    similarity: float = option(repeats.SIMILARITY,
                               "How similar (0-1, rapidfuzz ratio on normalised text) a near-copy must be.")
    min_words: int = option(repeats.MIN_WORDS, "Paragraphs shorter than this many words are never reported.")
    max_prefix_words: int = option(repeats.MAX_PREFIX_WORDS,
                                   "The longest tag or teaser glued in front of a copy, in words.")
    safe_min_words: int = option(20, "Exact repeats at least this long are removed by plain --fix.")

    def validate(self):
        if not 0 < self.similarity <= 1:
            return "similarity must be in (0, 1]"
        return None


class RepeatedPassage(Rule):
    """Paragraph or run of paragraphs repeated later in the same document.

    ## What it does
    Finds paragraphs that appear again later, exactly or as a near-copy (a
    changed or dropped word, punctuation, letter case, spacing, straight vs
    curly quotes, a truncated ending, or a tag glued in front), and reports each
    repeated run once, on the later copy, with the first copy as the related
    location: `Lines 52-94 repeat lines 8-50 (22 paragraphs, exact copy)`. A
    paragraph made of two or more of an earlier paragraph's sentences, in
    another order or with some left out, and at least half as long, is a copy
    too (`sentences moved or left out`). A passage copied again and again,
    each copy right after the one before (a record that holds its headline,
    dek and byline fifty times over), is one finding that counts its copies:
    `Line 1 repeats line 1 (48 copies of 1 paragraph, ...)`.

    Candidates come from hashing normalised paragraphs and 5-word shingles;
    rapidfuzz scores only candidate pairs. Headlines, datelines, list items and
    paragraphs shorter than `min-words` (a Markdown link's address counts no
    words: `[By Jane Doe](https://...) 4 min read` under each of a page's
    cards is five) are never reported on their own; a
    copy of the headline (and dateline) right before a repeated run (the whole
    document pasted again) goes with the run. A song's refrain labelled as such
    (`Chorus:`, `[Chorus]` on its first line) is meant to come back and is not
    reported, nor is a play's speech that its speaker says again (the
    speaker's name alone on its first line: `ABRAHAM:`). In Markdown, and
    in plain-text documentation (a title underlined as reStructuredText
    writes it, or a directive such as `.. confval:: name`, opens a section;
    two indented blocks, the bodies of list items, directives and literal
    blocks, are entries alike on purpose), a repeat counts only within one section, near
    copies that differ only in numbers are a series, and near copies with a
    word in place of another (`For public keys, ...` / `For symmetric keys,
    ...`) are a reference's parallel sentences, and a paragraph that
    introduces or sums up a code example says the same of another example
    on purpose. So it is in a plain-text reference in entries: four or more
    different title lines opening with the same word, each over a paragraph
    (`public static Store open (String path)`, `public Value get (String
    key)`), each open a section (an API page repeats each method's
    `Parameters` on purpose). In mail, two blocks whose every line is
    indented by four spaces or a tab, or half of whose lines read as code or
    a program's output (`[1] "2003-03-29" ...`, a build's `[INFO] ...` log,
    its `Tests run: 0, Failures: 0, ...` counters and the rules around its
    banners, a patch's removed and added lines), are output or
    code pasted into the message, which may print the same lines twice (two
    interfaces' descriptors, a call run again with another argument): no
    repeat. In any text, two paragraphs of at most 40 words
    (`PARALLEL_MAX_WORDS`) that differ only in words put in the same slot,
    each a name, a figure or a word the other uses elsewhere, are parallel
    sentences (`This product includes software from the LLVM project` /
    `... from the CMake project`), while a common word changed (`normal` /
    `usual`) still makes a near copy; two that differ only by a negation
    (`Who Is Exempt ...?` / `Who Is Not Exempt ...?`) say opposite things,
    no copy; a copy that the author's own sentence, glued in front and
    ending in a colon, introduces (`The significant bit is this: <the
    code again>`) is quoted on purpose, no copy; a run of a table's rows or
    cells written as lines of text (`|Proof you are an honorably discharged
    veteran ...||`) says again what the text says, no copy; a near copy of
    a line of code or a formula (`=10-MOD(MID($A1,2,1)+...` given again for
    longer numbers), or of a sentence that introduces what follows it with
    a colon (`... to be Members of the Council for a term of two years:`
    over another list of names), is a variant written on purpose, no copy;
    a multipart message's boundary and part headers, which every part
    repeats, are structure, no copy; a run of a
    list's items (lines of at most 25 words with no
    sentence's end, or labels such as `Cons:`) that recurs between other
    items of a longer list is what two entries share (`Must hold a current
    CPR certificate` under each of five certifications), no copy, unless
    it is the document's title, which its first line opens with (a page's
    title printed again among its menu's lines), nor is such a run at a
    list's head, under a line that introduces it with a colon (`... follow
    these steps:`), when the list goes on with other items; a run that
    opens a list in HTML markup (`<ol>`, `<li>Go to Start > Settings`) and
    stays inside it while the list goes on differently is a procedure's
    first steps, which the page's next procedure shares, no copy; a
    paragraph too short to report is no
    copy's original, nor is a title on one line (twelve words at most) that
    a later line extends with words of its own (`What is the Best Mattress
    for Side Sleepers?` / `What is the Best Mattress for Side Sleepers?
    Answering FAQs.`: a page's section headings), nor a reply that quotes
    the post before it in quotation marks and answers after it (`“So, I'll
    have to drink through a straw? ...”Take three seconds and read the
    rule`); and a file named as legal text (`LICENSE`, `NOTICE`,
    `COPYING`, ...) bundles its parts' licences in the same words on
    purpose, so it is not checked. Two headings underlined as
    reStructuredText and plain-text manuals write them (`====`, `^^^^`) are
    sections, however alike (`Added \\K (Issue 151 <...>)` / `Recursive
    patterns (Issue 27 <...>)`). In e-mail, a quoted
    passage (`> ...`) that repeats a passage standing earlier in the same
    document, whole or a part of it, from another message (a digest whose
    messages quote each other: a header's field stands between the copies;
    or the writer's own text, quoted again) is reported too: `Quoted passage repeats line 130 (20 words,
    quoted again)`; a body left in quoted-printable is read as decoded (a
    soft line break `=` joins the next line, `=20` is a space); a message
    quoting a message the document does not hold repeats nothing, nor does
    a reviewer quoting a line of a quoted patch to reword it, nor a command
    of one or two lines typed after a prompt's `>` (`> mdadm --assemble
    /dev/md123 ...`, an R session's `> seq(...)`), nor a reply that quotes a
    line to answer it and then, under its attribution, the whole message it
    came from, nor an attribution quoted again. A
    one-line paragraph that a later paragraph repeats, and that reads as a
    photo's caption printed before the text it was written from (it points
    to its picture, `(pictured)`, where the later does not, or runs to eight
    words or more with no full stop where the later ends with one, and the
    later says no more), is reported itself: `Line 47 repeats line 55 as a
    photo's caption`.

    ## Why is this bad?
    Scrapers and CMS exports paste bodies twice and repeat paragraphs. The copy
    adds nothing, skews statistics and teaches models to repeat themselves.

    ## Example
    ```
    The minister resigned on Tuesday after weeks of pressure from her party.

    Other news.

    The minister resigned on Tuesday after weeks of pressure from her party.
    ```

    ## Fix safety
    The fix deletes the later copy and the blank line before it. It is safe for
    exact copies (whitespace aside) of at least `safe-min-words` words, unsafe
    for near-copies: the first copy might be the worse one, and for quoted
    copies: a reply may want its quote (in mail, or on a forum's page, where
    the quoted post's `Jane said:`, `Jane wrote:` or `Originally Posted by
    Jane` stands above the copy, and no `Click to expand...` between).
    """

    code = "D101"
    name = "repeated-passage"
    category = "duplicate"
    fixable = "sometimes"
    Options = Options

    def check(self, document, context):
        if is_legal_file(document.path):
            return  # a LICENSE or NOTICE file bundles its parts' licences, each in the same words on purpose
        o = self.options
        paras = document.paragraphs
        found = _one_per_series(self._runs(document))
        copies = {paras[p].index for run in found for p in range(run.later[0], run.later[1] + 1)}
        copies_from = _copies_from(document, copies)
        for run in found:
            if len(run.matches) == 1 and repeats.caption_first(document.block_text(paras[run.earlier[0]]),
                                                        document.block_text(paras[run.later[0]])):
                yield self._caption(document, paras[run.earlier[0]], paras[run.later[0]])
                continue
            series = run.copies
            (a, b), (c, d) = run.later, (run.matches[0].earlier, run.matches[len(run.matches) // series - 1].earlier)
            first, last = paras[a], paras[b]
            src_first, src_last = paras[c], paras[d]
            headline = _headline_copy(document, first)
            begin, cut = (headline or first).start, removal_start(document, headline or first)
            if headline is None:  # a head pasted again on the last line of the paragraph before: "...visitors.\nHead"
                headline = _headline_line(document, first)
                if headline:
                    cut, begin = headline
            first_line = document.position(begin)[0] - 1
            separator = None if isinstance(headline, tuple) else _separator_before(document, headline or first,
                                                                                   copies_from)
            if separator is not None:  # it goes with the copy, from the blank line before it
                begin, cut = separator.start, removal_start(document, separator)
            texts = [document.block_text(paras[m.later]) for m in run.matches]
            exact = all(m.kind == "exact" and _same_but_space(t, document.block_text(paras[m.earlier]))
                        for m, t in zip(run.matches, texts))
            n = len(run.matches)
            where = (f"Lines {first_line + 1}-{last.last_line + 1}" if last.last_line > first_line
                     else f"Line {first_line + 1}")
            src = (f"lines {src_first.first_line + 1}-{src_last.last_line + 1}"
                   if src_last.last_line > src_first.first_line else f"line {src_first.first_line + 1}")
            count = f"{series} copies of {n // series} paragraph{'s' * (n > series)}" if series > 1 else \
                f"{n} paragraph{'s' * (n > 1)}"
            message = (f"{where} repeat{'s' * (where.startswith('Line '))} {src} ({count}"
                       f"{' and the head' if headline else ''}{', after a separator line' if separator else ''}, "
                       f"{_describe(run, exact)})")
            size = sum(len(words(t)) for t in texts) // series  # (a copy's words: a short line repeated stays unsafe)
            quoted = _forum_quote(document, first_line)  # a reply quoting the post: the thread, not a stray copy
            make = Fix.safe if exact and size >= o.safe_min_words and not quoted else Fix.unsafe
            fix = make(Edit(cut, last.end), message="Delete the later copy")
            related = (self.related(document, src_first.start, src_last.end, "first copy"),)
            yield Diagnostic(begin, last.end, message, fix=fix, related=related)
        yield from self._quoted(document)

    def _runs(self, document) -> list:
        """The runs of repeated paragraphs to report: not those written again on purpose."""
        o, paras = self.options, document.paragraphs
        matches = paragraph_matches(document, o.similarity, o.min_words, o.max_prefix_words)
        templated = _templated(matches, repeats.paragraph_norms(document))
        # A song's chorus, labelled as such, is meant to come back, as is a speech of a play that its speaker says
        # again; a template filled in again and again is a list.
        return [run for run in runs(matches)
                if not all(_REFRAIN.match(t) or _SPEECH.match(t)
                           for t in (document.block_text(paras[m.later]) for m in run.matches))
                and not all(m.kind != "exact" and m.later in templated for m in run.matches)
                and not document.in_code(paras[run.later[0]].start)  # an example repeated in another language
                and not _shared_items(document, run)
                and not _html_list_steps(document, run)
                and not any(_introduced(m, document.block_text(paras[m.later])) for m in run.matches)
                and not all(_table_cell(document.block_text(paras[m.later])) for m in run.matches)
                and not all(m.kind != "exact" and _variant(document.block_text(paras[m.later])) for m in run.matches)
                and not all(MIME_PART_HEADERS.fullmatch(document.block_text(paras[m.later])) for m in run.matches)
                and not all(m.kind == "extended" and _title(document.block_text(paras[m.earlier]))
                            for m in run.matches)
                and not all(m.kind == "extended" and _quoted_reply(document.block_text(paras[m.later]))
                            for m in run.matches)]

    def _caption(self, document, caption, text) -> Diagnostic:
        """A photo's caption printed before the paragraph it was written from: the caption is the leftover."""
        line, source = caption.first_line + 1, text.first_line + 1
        return Diagnostic(caption.start, caption.end,
                          f"Line {line} repeats line {source} as a photo's caption (1 paragraph, near copy)",
                          fix=Fix.unsafe(Edit(removal_start(document, caption), caption.end),
                                         message="Delete the caption"),
                          related=(self.related(document, text.start, text.end, "the paragraph it repeats"),))

    def _quoted(self, document):
        """Quoted passages of an e-mail that repeat an earlier passage of the same document (a digest)."""
        for repeat in repeats.quoted_repeats(document):
            begin = document.line_starts[document.line_of(repeat.start)]  # the quote markers go with the copy
            last = document.line_of(repeat.end)
            after = document.line_starts[last + 1] if last + 1 < document.line_count else repeat.end
            first = document.position(repeat.earlier[0])[0]
            yield Diagnostic(begin, repeat.end,
                             f"Quoted passage repeats line {first} ({repeat.words} words, quoted again)",
                             fix=Fix.unsafe(Edit(begin, after), message="Delete the quoted copy"),
                             related=(self.related(document, *repeat.earlier, "first copy"),))


TITLE_WORDS = 12  # the most words of a title that a page's section headings open with


def _title(text: str) -> bool:
    """Whether a paragraph is a title on one line, of at most TITLE_WORDS words: a page's sections may open with it
    and add their own words (`What is the Best Mattress for Side Sleepers?` / `What is the Best Mattress for Side
    Sleepers? Answering FAQs.`), a heading's pattern, not a copy."""
    return "\n" not in text.strip() and len(text.split()) <= TITLE_WORDS


_OPENING_QUOTE = "“«‘\""
_CLOSING_QUOTE = {"“": "”", "«": "»", "‘": "’", '"': '"'}
REPLY_MIN_CHARS = 10  # what a reply adds after the post it quotes, at least


def _quoted_reply(later: str) -> bool:
    """Whether a paragraph that repeats an earlier one and goes on is a reply that quotes it first: the copy in
    quotation marks, then the reply's own words (`“So, I'll have to drink my cocktails through a straw? ...”Take
    three seconds and read the rule`, a forum scrape that dropped the quote's box)."""
    text = later.strip().lstrip('"').lstrip()  # (a CSV's quoting of the whole field)
    if not text or text[0] not in _OPENING_QUOTE:
        return False
    close = text.find(_CLOSING_QUOTE[text[0]], 1)
    return close > 0 and len(text[close + 1:].strip(' "')) >= REPLY_MIN_CHARS


# A paragraph whose first line labels it as a song's refrain: "Chorus:", "[Chorus]", "(Refrain x2)".
# A paragraph that opens with its speaker's name alone on a line, as a play's speeches do: "ABRAHAM:\nDo you bite
# your thumb at us, sir?" (a name of up to four words, no figures or commas: not "On Mon, 5 May, X wrote:").
_SPEECH = lazyre.compile(r"\s*[A-Z][A-Za-z.'’-]*(?: [A-Za-z.'’-]+){0,3}:[ \t]*\n")
_REFRAIN = lazyre.compile(r"\s*[\[(]?\s*(?:chorus|refrain|hook|pre-chorus|post-chorus)\b[^\n]{0,20}?[\])]?\s*:?\s*\n",
                          re.IGNORECASE)


# A copy that a sentence of the author's introduces, glued in front and ending in a colon ("Let's break this down.
# The significant bit is this: theorem socrates_is_mortal ..."), quotes the earlier text on purpose: a tutorial
# showing its code again. A label glued in front ("Related: ...") has at most INTRODUCTION_MIN_WORDS - 1 words, and
# a quotation introduced so ("And he went even further on his next show, saying: 'If we are ...'") is a site's
# pull quote printed again.
INTRODUCTION_MIN_WORDS = 4


# A forum reply's quote of an earlier post, as a scrape keeps it: the post's author and `said:` or `wrote:` on a line
# of their own (XenForo, phpBB, Discourse) or vBulletin's `Originally Posted by <name>`, then the post; XenForo
# closes the quote with `Click to expand...`. A reply repeats the post it quotes on purpose.
_FORUM_ATTRIBUTION = lazyre.compile(r"[ \t]*(?:Quote:?[ \t]*)?(?:Originally\s+Posted\s+by\s+\S[^\n]{0,60}"
                                    r"|\S[^\n]{0,60}?\s(?:said|wrote)[ \t]*:)[ \t]*$")
_QUOTE_END = lazyre.compile(r"[ \t]*Click\s+to\s+expand(?:\.{3}|\u2026)[ \t]*$")
FORUM_QUOTE_LINES = 30  # lines read back from a copy for the attribution that opens its quote (a quoted post of a
# few paragraphs; XenForo shows at most a screenful before `Click to expand...`)


def _forum_quote(document, line: int) -> bool:
    """Whether a 0-based line stands inside a forum reply's quote of an earlier post: the nearest attribution line
    above it (within FORUM_QUOTE_LINES) comes after the last quote's end. The fix is then unsafe."""
    for k in range(line - 1, max(-1, line - 1 - FORUM_QUOTE_LINES), -1):
        text = document.line_text(k)
        if _QUOTE_END.match(text):
            return False
        if _FORUM_ATTRIBUTION.match(text) or is_attribution(text):
            return True
    return False


def _introduced(match, later: str) -> bool:
    if match.kind != "glued" or not match.prefix.endswith(":") or len(words(match.prefix)) < INTRODUCTION_MIN_WORDS:
        return False
    later = normalize(later)  # the prefix is the normalised paragraph's
    copy = later[later.find(match.prefix) + len(match.prefix):].lstrip() if match.prefix in later else ""
    return bool(copy) and copy[0] not in "\"'“‘«"


def _one_per_series(found: list) -> list:
    """Runs that copy one passage again and again, each right after the one before (a record that holds its
    headline, dek and byline fifty times over), merged into one run that counts its copies: one finding for the
    series, not one per copy. Linear in the runs: a series is gathered as a list and made a run once."""
    series: list[list] = []  # [first run, its copies' matches, how many copies, the later range so far]
    for run in found:
        size = run.later[1] - run.later[0] + 1
        last = series[-1] if series else None
        if last is not None and run.later[0] == last[3][1] + 1 and size == last[0].later[1] - last[0].later[0] + 1 \
                and _same_passage(run, last[0], last[3], size):
            last[1].extend(run.matches)
            last[2] += 1
            last[3] = (last[3][0], run.later[1])
        else:
            series.append([run, list(run.matches), 1, run.later])
    return [first if copies == 1 else repeats.Run(tuple(matches), copies) for first, matches, copies, _ in series]


def _same_passage(run, first, later: tuple[int, int], size: int) -> bool:
    """Whether `run` (of `size` paragraphs) copies the passage that a series copies: matched to the series' first
    copy's source (`first` is the series' first run), or to one of the copies the series holds (`later`, their
    range; an exact copy is matched to the closest earlier one)."""
    (c, d), (low, high) = run.earlier, later
    return (c, d) == first.earlier or (d - c + 1 == size and low <= c <= high - size + 1 and (c - low) % size == 0)


def _variant(text: str) -> bool:
    """Whether a paragraph that nearly repeats another is a variant of it, written on purpose: a line of code or a
    formula changed (`=10-MOD(MID($A1,2,1)+...` given again for longer numbers), or a sentence that introduces
    what follows it with a colon (`... to be Members of the Council for a term of two years:` over another list
    of names than the one before)."""
    text = text.strip()
    return text.endswith(":") or looks_like_code(text)


def _table_cell(text: str) -> bool:
    """Whether a paragraph is a table's row or cell that a converter wrote as a line of text (`|Proof of identity||`,
    `|`): a table's cells say again what its text says, as tables do."""
    text = text.strip()
    return text.startswith("|") or text.endswith("|")


# A list's items (a line with no sentence's end, or a label ending in a colon) of at most ITEM_MAX_WORDS words: a
# run of them repeated in a longer list whose other items differ is the entries' shared items ("Must be at least
# 18 years old ..." / "Must hold a current CPR certificate ..." / "Cons:" under each of five certifications), as
# the author wrote them.
ITEM_MAX_WORDS = 25


def _item(text: str) -> bool:
    return len(words(text)) <= ITEM_MAX_WORDS and (not ends_sentence(text) or text.rstrip().endswith(":"))


def _shared_items(document, run) -> bool:
    """Whether a repeated run is items of a list shared by two entries: every paragraph of both copies a list's
    item (see ITEM_MAX_WORDS), and the later copy between two other items that are not copies, in one list."""
    paras = document.paragraphs
    (a, b), (c, d) = run.later, run.earlier
    if b + 1 >= len(paras) or a <= d + 1:
        return False
    inside = [document.block_text(paras[k]) for k in (*range(a, b + 1), *range(c, d + 1))]
    around = [document.block_text(paras[a - 1]), document.block_text(paras[b + 1])]
    if a == b and _the_title(document, inside[0]):
        return False  # the page's title printed again among its menu's lines (a title, a breadcrumb, a heading)
    if not all(map(_item, inside + around[1:])):
        return False  # (the neighbours are no copies: a run is as long as its copies go)
    return _item(around[0]) or _introduces(around[0])  # or a procedure's first steps, shared by the next one's
    # ("Follow these steps to turn on location for the legacy browser:" / "Go to Start > Settings ..." / ...)


_LIST_OPENS = ("<ol>", "<ol ", "<ul>", "<ul ", "<li>", "<li ")
_LIST_CLOSES = ("</ol>", "</ul>")


def _html_list_steps(document, run) -> bool:
    """Whether a repeated run is the first steps of a list in HTML markup that goes on with other items (a help
    page gives a procedure for each setting, each opening `<ol>` / `<li>Go to Start > Settings > Privacy`): the
    markup says they are a list's items, and the list differs after them."""
    paras = document.paragraphs
    a, b = run.later
    if b + 1 >= len(paras):
        return False
    copy = [document.block_text(paras[k]) for k in range(a, b + 1)]
    after = document.block_text(paras[b + 1]).lstrip()
    return (copy[0].lstrip().startswith(_LIST_OPENS) and not any(c in t for t in copy for c in _LIST_CLOSES)
            and not after.startswith(_LIST_CLOSES))


_CLOSING_TAGS = lazyre.compile(r"(?:\s*</?\w+>)+\s*$")


INTRODUCTION_TAIL = 200  # characters of a paragraph's end read for its colon and the closing tags after it


def _introduces(text: str) -> bool:
    """Whether a paragraph introduces the list after it: it ends with a colon (an HTML page's closing tags
    aside: `... follow these steps:</p>`). Only its end is read: the pattern retries at every tag of a long run."""
    return _CLOSING_TAGS.sub("", text[-INTRODUCTION_TAIL:]).rstrip().endswith(":")


TITLE_CHARS = 1000  # what of the first line a title can be compared with (an item has at most ITEM_MAX_WORDS words)


def _the_title(document, text: str) -> bool:
    """Whether a paragraph is the document's title: its first line opens with the paragraph's words (a page's
    title line adds the site's name: `<title> - Orange County District Attorney`)."""
    own = text.split()
    first = document.line_text(0)[:TITLE_CHARS].split()  # (a title's length: not a whole article on one line)
    return len(first) >= len(own) and [w.lower() for w in first[:len(own)]] == [w.lower() for w in own]


TEMPLATE_COPIES = 3  # near copies of one paragraph from which they are a template's entries, not a defect


def _templated(matches: dict, norms: list[str]) -> set[int]:
    """Paragraphs that are near copies in a group of TEMPLATE_COPIES or more (a changelog's `Moved to
    CHANGELOG_V6.md#6.1.0` line after line, a table's rows written as paragraphs): a template filled in with
    different values. A scraper repeats a paragraph once or twice; the dev corpus never more than twice. An entry
    that repeats an earlier one word for word is still a repeat, and counts once."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])  # halve the path: a long chain of copies stays cheap
            x = parent[x]
        return x

    near = [j for j, m in matches.items() if m.kind != "exact"]
    for j in near:
        parent[root(j)] = root(matches[j].earlier)
    # (entries filled in differently: a page's title printed three times under its site's longer title is one
    # entry, not three)
    sizes = Counter(root(j) for j in {norms[j]: j for j in near}.values())
    first_of = {}
    for j, norm in enumerate(norms):
        first_of.setdefault(norm, j)
    return {j for j in near if sizes[root(j)] >= TEMPLATE_COPIES and first_of[norms[j]] == j}


def _copies_from(document, copies: set) -> int:
    """The first block number from which every paragraph is a later copy (`copies`: their block numbers)."""
    blocks = document.blocks
    n = len(blocks)
    while n > 0 and (blocks[n - 1].kind != "paragraph" or blocks[n - 1].index in copies):
        n -= 1
    return n


def _separator_before(document, block, copies_from: int):
    """The block right before a later copy when it is a separator line of punctuation (`------`, `* * *`, `###`) and
    every paragraph after it is a later copy (from block `copies_from` on): a scraper's separator between a body and
    the body pasted again, which deleting the copies alone would leave dangling at the end. Else None."""
    blocks = document.blocks
    if block.index < 2 or block.index < copies_from:
        return None
    before = blocks[block.index - 1]
    text = document.block_text(before).strip()
    return before if text and len(text) <= 40 and not any(c.isalnum() for c in text) else None


def _headline_copy(document, first):
    """The first of the blocks right before a repeated run that repeat the document's headline or dateline (the
    whole document was pasted again, its head included), else None."""
    blocks = document.blocks
    heads = _heads_before(document, first.index)
    start, n = None, first.index - 1
    while heads and n > 0 and blocks[n].kind != "headline" and len(heads) >= first.index - n:
        if _key(document, blocks[n]) not in _heads_before(document, n):
            break  # (a head that repeats one before it: a dateline is no copy of itself)
        start, n = blocks[n], n - 1
    return start


def _heads_before(document, index: int) -> set:
    """The keys of the headlines and datelines before block `index`. The
    document's are listed once, not read again for each of thousands of repeated runs."""
    return {key for n, key in document.analysis(_Heads) if n < index}


class _Heads:
    """(block index, key) of the document's headlines and datelines."""

    @staticmethod
    def compute(document) -> list:
        return [(b.index, _key(document, b)) for b in document.blocks if b.kind in ("headline", "dateline")]


def _headline_line(document, first):
    """(where the deletion starts, where the line starts) when the paragraph right before a repeated run ends with
    a line that repeats the document's headline or dateline (the document pasted again after a single line
    break), else None. The deletion takes the line break before the line."""
    blocks = document.blocks
    if first.index < 2 or blocks[first.index - 1].kind != "paragraph":
        return None
    before = blocks[first.index - 1]
    text = document.text
    newline = text.rfind("\n", before.start, before.end)
    if newline == -1:
        return None
    if tuple(normalize(text[newline + 1:before.end]).split()) not in _heads_before(document, first.index - 1):
        return None
    return (newline - 1 if text[newline - 1:newline] == "\r" else newline), newline + 1


def _key(document, block) -> tuple[str, ...]:
    return tuple(normalize(document.block_text(block)).split())


def _same_but_space(a: str, b: str) -> bool:
    return a.split() == b.split()


def _describe(run, exact: bool) -> str:
    if exact:
        return "exact copy"
    kinds = [m.kind for m in run.matches]
    low = min(m.similarity for m in run.matches)
    parts = []
    glued = [m.prefix for m in run.matches if m.kind == "glued"]
    if glued:
        shown = glued[0] if len(glued[0]) <= 40 else glued[0][:39] + "\u2026"
        parts.append(f'with "{shown}" glued in front')
    if "truncated" in kinds:
        parts.append("cut short")
    if "extended" in kinds:
        parts.append("sentences added at the end")
    if "reordered" in kinds:
        parts.append("sentences moved or left out")
    near = sum(k != "exact" for k in kinds)
    parts.append(f"{len(kinds) - near} exact, {near} near" if len(kinds) > 1 else "near copy")
    return f"{', '.join(parts)}; similarity {low:.2f}"
