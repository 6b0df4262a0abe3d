from __future__ import annotations

import collections
import itertools
from array import array
from dataclasses import dataclass

from doclint import lazyre
from doclint.diagnostics import Diagnostic
from doclint.layout import HEADLINE, MIME_PART_HEADERS, PARAGRAPH, UNDERLINE, is_rst_markup
from doclint.rule import CorpusRule, option
from doclint.text import SENTENCE_BREAK, WORD, looks_like_code, normalize, stable_hash, without_link_addresses, words

# A document's edges, where sites put their leftovers: its first three prose blocks (a title, a reader poll and a
# syndicated teaser stood above FakeNewsCorpus pages' stories: `% of readers think this story is Fact.` /
# `Headline: Bitcoin & Blockchain Searches Exceed Trump! ...`) and its last three (a bio, a policy, a sign-off).
EDGE_FIRST_BLOCKS = 3
EDGE_LAST_BLOCKS = 3

# Unit flags, packed in a signature
_EDGE = 1  # among the first EDGE_FIRST_BLOCKS or the last EDGE_LAST_BLOCKS prose blocks of its document
_EXTREME = 2  # the first or the last line of its document that holds a word
_REPORTED = 4  # a document rule of the same category reported it (a wording rule read it): counted, not reported
_PART = 8  # the opening or closing words of a unit, not the whole unit (see PART_WORDS)
_FIELDS = 6  # hash, start, end, words, flags, the rest of its unit's hash (a part's; 0 for a whole unit)
# A unit's opening or closing words recur while the rest of it differs: `Listen 4 min Comment on this story Comment
# Gift Article Share` (the minutes vary), `Drug Discovery eBook Compilation of the top interviews ... Download a free
# copy` (the topic varies). Parts of PART_WORDS words are learned from units of at most PART_UNIT_WORDS words, where
# they make PART_SHARE of the unit or more: a stock phrase closing a sentence of prose ("..., the company said in a
# statement.") is a smaller share of a longer unit.
PART_WORDS = (8, 12, 16)
PART_UNIT_WORDS = 24
PART_SHARE = 2 / 3
# A longer unit that is a document's first or last may open or close with a site's whole menu or footer, the story
# glued to it (a crawl that joined a page's lines: `Artificial Intelligence View All AI, ML and Deep Learning ...
# Development Languages <the headline> Share on Facebook ...`, 150 words of menu): its opening and closing 32, 64
# and 128 words are learned too, however small a share of it they make (six entries more for each of the two),
# when they read as a menu or a footer, not as the story's sentences: at most one sentence's end in each
# LONG_PART_SENTENCE_WORDS words (an updated copy of one article, stored on one line, shares its opening sentences
# with the others and differs after them).
LONG_PART_WORDS = (32, 64, 128)
LONG_PART_SENTENCE_WORDS = 32

@dataclass(frozen=True)
class Options:
    min_documents: int = option(3, "A fragment must stand in at least this many documents (at two, a quotation "
                                   "shared by two articles looks the same).")
    min_documents_long: int = option(5, "... and a fragment of more than `long-words` words in at least this many "
                                        "(a reader's comment or a wire paragraph reprinted on three pages is prose).")
    long_words: int = option(12, "The length in words beyond which a fragment needs `min-documents-long` documents.")
    edge_share: float = option(0.8, "A fragment must stand at a document's edge (one or two words: its first or last "
                                    "line) in this share of its occurrences (a bio, a policy, a sign-off).")
    markdown: bool = option(False, "Also learn from documentation: Markdown files and plain texts whose headings "
                                   "are underlined (documentation repeats its own notes on purpose).")

    def validate(self):
        if self.min_documents < 2 or self.min_documents_long < self.min_documents:
            return "min-documents must be 2 or more, and min-documents-long at least min-documents"
        if not 0 <= self.edge_share <= 1:
            return "edge-share must be in [0, 1]"
        return None


# A heading underlined with `-` or `=` (reStructuredText, Markdown's setext headings, plain-text release notes and
# manuals): a document's own structure, however many documents share it ("Backward compatibility notes").
def _underlined(text: str, start: int, end: int) -> bool:
    """Whether the unit text[start:end] is such a heading, with its underline or without it."""
    newline = text.find("\n", end)
    return (newline != -1 and UNDERLINE.match(text, newline + 1) is not None) or any(
        UNDERLINE.fullmatch(line) for line in text[start:end].split("\n")[1:])


# A byline at the top of a post (`By Jane Doe`, `Posted on by janedoe`, `Written by: Jane Doe`, or a bare `By` whose
# linked name the scraper dropped, `By .` as a tokenised dataset keeps it): an author's name, which a blog's posts
# share, and not a leftover (the labelling guide leaves bylines at the very top alone).
_BYLINE = lazyre.compile(r"(?i:(?:(?:posted|written|published|updated)(?:\s+on)?\s+)?by)\s*:?(?:\s+(?:"
                         r"(?=[\w.@-]*[^\W\d_])[\w.@-]+|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}))?\s*\.?")
BYLINE_LINES = 4  # the lines with words that a post's top holds: a title, a deck, a date, then the byline (a tech
# news site's posts: title, deck, `by Jane Roe`, date; three posts of one writer shared it in a blind set)
# A field of a message's header written in its body, as `git send-email` puts a patch's author and date above it
# (`From: Jan Doe <jan@example.org>`, `Date: Mon, 5 May 2025 10:00:00 +0200`): a patch series repeats them.
_IN_BODY_FIELD = lazyre.compile(r"\s*(?:From|Date|Subject|To|Cc|Signed-off-by|Reviewed-by|Acked-by|Tested-by"
                                r"|Content-[\w-]+|MIME-Version):\s")
MAIL_MIN_WORDS = 4  # words of a fragment learned from e-mail (a kernel list's senders closed 3-5 messages alike)
_SHORT = 2  # words: a fragment this short is a sign-off or a cue, which sites put at the very first or last line


class RecurringLeftover(CorpusRule):
    """The same line or block at many documents' edges, around text that differs: a site's leftovers.

    ## What it does
    Learns, from the documents checked together (a folder, a JSONL corpus,
    or the repository's documents through the index), the fragments a site
    or an archive leaves in every document it publishes: a sign-off
    (` Reuter`), a slogan or a subscription prompt on its own line, a
    comment policy, a bio. It needs no wording list. A fragment is a whole
    prose line or paragraph (headings, lists, code, quotes and an e-mail's
    headers are never fragments, nor a header's field that a patch carries
    in its body, `From: Jan Doe <jan@example.org>`, nor a raw multipart message's
    boundary and part headers, `Content-Type: text/plain; charset="UTF-8"`), or the opening or closing 8, 12 or 16
    words of a line of at most 24 words, when they make two thirds of it or
    more (`Listen 4 min Comment on this story Comment Gift Article Share`,
    where the minutes differ), or the opening or closing 32, 64 or 128
    words of a document's first or last line, however long, when they hold
    at most one sentence's end in 32 words and most of their words are
    capitalised, as a menu's labels are (a site's menu that a crawl glued
    before each story's headline: `Artificial Intelligence View All AI, ML
    and Deep Learning ... <the headline> ...`; an updated copy of one
    article shares its opening sentences, or one long lede, with the
    others, and is no menu).
    Units are compared by the text a reader sees:
    a Markdown link's address is left out (an aggregator's
    `[Original/Source Press Release](...)`, each linking its own story, is
    one fragment). It is reported when

    - it stands in at least `min-documents` (3) documents, or
      `min-documents-long` (5) when it has more than `long-words` (12) words;
    - its surroundings vary: at least that many different neighbourhoods
      (the nearest lines before and after it that no other document shares:
      a site's other footer lines, even those seen twice, are passed over;
      for opening or closing words, the rest of their line), so that copies
      of one article, or of a passage quoted in a thread, do not count;
    - it stands at a document's edge (the first three or last three
      paragraphs, or behind a block of short lines, eight words at most,
      that other documents share and that reaches the first or last line:
      a footer of ten links; for one or
      two words, the first or last line) in
      `edge-share` (80%) of its occurrences.

    Dates, lines of code, reStructuredText markup, a byline among a
    document's first two lines (`By Jane Doe`, `Posted on by janedoe`, a
    bare `By` whose name the scraper dropped, `By .` as a tokenised
    dataset keeps it: a blog's posts share their author), fragments of
    fewer than
    four words in e-mail (a sender's `Best regards,` and name) and
    documentation (unless `markdown = true`): Markdown files and plain texts
    with a heading underlined with `=` or `-` (a project's release notes all
    close with `Also contains various documentation updates ...`) are left
    out. The message says how many documents share the fragment and
    names one of them as a related location. Where a document rule of the
    same category already reported the fragment by its wording (` Reuter`
    is also `source-credit`'s), that finding stands alone: the fragment
    still counts towards the documents that share it, but is not reported
    twice.

    ## Why is this bad?
    A site's leftovers are not the article: repeated over a corpus they
    dominate its statistics, and models trained on it learn to end every
    story with ` Reuter`.

    ## Example
    Sixty newswire stories that each end with the line ` Reuter`:
    `Recurring leftover: "Reuter" stands at the edge of 60 of the documents
    checked together`.

    ## Fix safety
    No fix yet: the finding names the fragment so that a pipeline can strip
    it; whether a site's slogan belongs to the text is for its owner to say.
    """

    code = "S201"
    supersedes = frozenset({"D202"})  # the same leftover read by its wording: one finding
    name = "recurring-leftover"
    category = "source-tag"
    severity = "warning"
    Options = Options

    def signature(self, document):
        """The document's units in order, packed: (hash, start, end, words, flags) each."""
        if not self.options.markdown and document.is_documentation:
            return None  # documentation: a project's pages say their own notes again on purpose
        prose = [b for b in document.blocks if b.kind in (PARAGRAPH, HEADLINE)]
        if not prose:
            return None
        units: list[tuple[int, int, int]] = []  # start, end, edge flag
        n = len(prose)
        for k, block in enumerate(prose):
            edge = _EDGE if k < EDGE_FIRST_BLOCKS or k >= n - EDGE_LAST_BLOCKS else 0
            units.append((block.start, block.end, edge))
            if block.first_line != block.last_line:  # the lines of a block that stand alone (no wrap on either side)
                for line in range(block.first_line, block.last_line + 1):
                    if ((line > block.first_line and document.continues(line))
                            or (line < block.last_line and document.continues(line + 1))):
                        continue
                    start, end = document.line_span(line)
                    units.append((start, end, edge))
        units.sort()
        word_lines = [i for i, (s, e, _) in enumerate(units) if any(c.isalpha() for c in document.text[s:e])]
        extreme = {word_lines[0], word_lines[-1]} if word_lines else set()
        top = set(word_lines[:BYLINE_LINES])
        kept: dict[str, list[int]] = {}  # normalised text -> [start, end, words, flags], in document order
        # In e-mail, a sender closes every message alike (`Best regards,` / `Krzysztof`): the sender's own words.
        least = MAIL_MIN_WORDS if document.is_mail else 1
        reported = [(d.start, d.end) for d in document.findings if d.rule.category == self.category]
        for i, (start, end, edge) in enumerate(units):
            text = document.text[start:end]
            # compared as a reader sees it: an aggregator's footer links, each to its own story, are one fragment
            norm = normalize(without_link_addresses(text))
            flags = edge | (_EXTREME if i in extreme else 0)
            if any(a < end and start < b for a, b in reported):
                flags |= _REPORTED
            if norm in kept:  # a block of one line and the line: one unit, the tighter span, both positions
                kept[norm][3] |= flags
                continue
            if i in top and _BYLINE.fullmatch(text.strip()):
                continue  # an author's byline, however many posts share it
            if document.is_mail and (_IN_BODY_FIELD.match(text) or _mime_headers(text)):
                continue  # a patch's own header in the body (`From: Jan Doe <jan@example.org>`): its author, not a
                # leftover; a raw multipart message's part headers (`--<boundary>` / `Content-Type: text/plain`): structure
            count = len(words(norm))
            if (count >= least and not looks_like_code(text) and not is_rst_markup(text)
                    and not _underlined(document.text, start, end)
                    and not document.in_field_block(document.line_of(start))):
                kept[norm] = [start, end, count, flags]
        out = array("q")
        for norm, (start, end, count, flags) in kept.items():
            out.extend((_hash(norm), start, end, count, flags, 0))
        for norm, (start, end, count, flags) in kept.items():
            if PART_WORDS[0] < count <= PART_UNIT_WORDS:
                out.extend(_parts(document.text, start, end, flags, PART_WORDS, PART_SHARE))
            elif count > LONG_PART_WORDS[0] and flags & _EXTREME:
                out.extend(_parts(document.text, start, end, flags, LONG_PART_WORDS, 0.0))
        return out if out else None

    def group_keys(self, signature):
        """The fragments' hashes: a fragment recurs only if other documents share it."""
        return list(signature[0::_FIELDS]) if signature is not None else []

    def check_corpus(self, items, context):
        items = [(stub, sig) for stub, sig in items if sig is not None]
        places: dict[int, list[tuple[int, int]]] = {}  # hash -> (item, unit index)
        for n, (_, sig) in enumerate(items):
            seen = set()
            for u in range(len(sig) // _FIELDS):
                h = sig[u * _FIELDS]
                if h not in seen:
                    seen.add(h)
                    places.setdefault(h, []).append((n, u))
        candidates = {h for h, where in places.items() if len(where) >= self.options.min_documents}
        shared = {h for h, where in places.items() if len(where) >= 2}  # a site's other lines, seen twice or more
        wholes, parts = [], []
        for h in sorted(candidates, key=lambda h: places[h][0]):
            where = places[h]
            first = items[where[0][0]][1]
            part = bool(first[where[0][1] * _FIELDS + 4] & _PART)
            if self._recurs(items, where, shared, part):
                (parts if part else wholes).append(where)
        taken: dict[int, list[tuple[int, int]]] = {}  # item -> spans reported
        for where in wholes:
            yield from self._report(items, where, taken)
        for where in sorted(parts, key=lambda w: -items[w[0][0]][1][w[0][1] * _FIELDS + 3]):  # longest first
            yield from self._report(items, where, taken)

    def _recurs(self, items, where, shared, part: bool) -> bool:
        """Whether the fragment standing at `where` is a site's leftover: in enough documents, around text that
        differs (the units around it, or for a part, the rest of its unit), at the documents' edges."""
        o = self.options
        length = items[where[0][0]][1][where[0][1] * _FIELDS + 3]
        if length > o.long_words and len(where) < o.min_documents_long:
            return False
        edges = extremes = 0
        for n, u in where:
            flags = items[n][1][u * _FIELDS + 4]
            # at an edge, or behind a site's block of short recurring lines that reaches the edge (a footer of links)
            edges += bool(flags & _EDGE) or (not part and (_behind_footer(items[n][1], u, -1, shared)
                                                            or _behind_footer(items[n][1], u, 1, shared)))
            extremes += bool(flags & _EXTREME)
        if part:
            environments = len({items[n][1][u * _FIELDS + 5] for n, u in where})
            if environments < o.min_documents:
                return False  # the same line everywhere: a whole unit's finding, or copies of one text
        else:
            around = [(_neighbour(items[n][1], u, -1, shared), _neighbour(items[n][1], u, 1, shared))
                      for n, u in where]
            if (len(set(around)) < o.min_documents
                    or max(len({b for b, _ in around}), len({a for _, a in around})) < o.min_documents):
                return False  # copies of one text, not a site's leftover around many
        if length > _SHORT and edges < o.edge_share * len(where):
            return False
        return length > _SHORT or extremes >= o.edge_share * len(where)

    def _report(self, items, where, taken: dict):
        first_doc, first_unit = where[0]
        for n, u in where:
            sig = items[n][1]
            start, end, flags = sig[u * _FIELDS + 1], sig[u * _FIELDS + 2], sig[u * _FIELDS + 4]
            if flags & _REPORTED:
                continue  # the document's own rules said it, by its wording
            if any(a < end and start < b for a, b in taken.get(n, ())):
                continue  # a longer part, or the whole unit, is reported already
            taken.setdefault(n, []).append((start, end))
            other_n, other_u = where[1] if (n, u) == (first_doc, first_unit) else where[0]
            other, osig = items[other_n]
            ostart, oend = osig[other_u * _FIELDS + 1], osig[other_u * _FIELDS + 2]
            what = ("line" if sig[u * _FIELDS + 3] <= 30 else "block") if not flags & _PART else "words"
            message = (f"Recurring leftover: the same {what} stand{'s' if what != 'words' else ''} in {len(where)} "
                       f"of the documents checked together, around text that differs (e.g. {other.path})")
            yield items[n][0], Diagnostic(start, end, message,
                                          related=(self.related(other, ostart, oend, "same fragment"),))


def _mime_headers(text: str) -> bool:
    """Whether a unit is a MIME boundary with the part's headers under it (not the preamble before the first
    boundary, `This is a multi-part message in MIME format.`, which is a leftover for a reader)."""
    return text.lstrip(" \t>").startswith("--") and MIME_PART_HEADERS.fullmatch(text) is not None


def _hash(norm: str) -> int:
    return stable_hash(norm) & 0x7FFF_FFFF_FFFF_FFFF


def _parts(text: str, start: int, end: int, flags: int, sizes: tuple[int, ...], share: float) -> list[int]:
    """The opening and closing words of the unit text[start:end], of each of `sizes` that makes `share` of it or
    more, packed as signature entries. Of a long unit only the two ends are read (a record may be one line of
    megabytes), and the rest of it beside a long part is hashed as it stands, not normalised."""
    head, tail, count = _ends(text, start, end, max(max(sizes), PART_UNIT_WORDS))  # (a short unit: every word)
    out: list[int] = []
    for k in sizes:
        if k >= count or k < share * count:
            continue
        long = k > PART_UNIT_WORDS
        head_end, tail_start = head[k - 1][1], tail[-k][0]
        for a, b, rest in ((start, head_end, text[head_end:end]), (tail_start, end, text[start:tail_start])):
            if long and (len(SENTENCE_BREAK.findall(text, a, b)) > k // LONG_PART_SENTENCE_WORDS
                         or not _menu_like(text[a:b])):
                continue  # the story's own sentences (see LONG_PART_WORDS)
            around = stable_hash(rest) & 0x7FFF_FFFF_FFFF_FFFF if long else _hash(normalize(rest))
            out.extend((_hash(normalize(text[a:b])), a, b, k, flags | _PART, around))
    return out


MENU_CAPITALS = 0.6  # the share of a menu's or a footer's words that open with a capital (its links' labels:
# `Artificial Intelligence View All AI, ML and Deep Learning ...`); a story's lede, one long sentence, has few


def _menu_like(text: str) -> bool:
    """Whether a long part reads as a menu or a footer, most of its words capitalised (see MENU_CAPITALS)."""
    found = [w for w in text.split() if w[:1].isalpha()]
    return bool(found) and sum(w[:1].isupper() for w in found) >= MENU_CAPITALS * len(found)


_TAIL_CHARS = 40  # characters a word takes at most, read back from a long unit's end to find its last words


def _ends(text: str, start: int, end: int, keep: int) -> tuple[list, list, int]:
    """The spans of the first and last `keep` words of text[start:end], and its number of words (at least `keep` + 1
    where it has more: a long unit's words are not all counted)."""
    found = WORD.finditer(text, start, end)
    head = [(m.start(), m.end()) for m in itertools.islice(found, keep)]
    if next(found, None) is None:
        return head, head, len(head)  # every word read
    window = max(head[-1][1], end - keep * _TAIL_CHARS)
    tail = [(m.start(), m.end()) for m in WORD.finditer(text, window, end)][1:]  # (the first may be cut)
    if len(tail) < keep:  # words longer than the window allowed for: read the unit whole
        tail = list(collections.deque(((m.start(), m.end()) for m in WORD.finditer(text, start, end)), maxlen=keep))
    return head, tail[-keep:], keep + 1


FOOTER_LINE_WORDS = 8  # the most words of a footer's line (a link, a label: `Pickup - [citybuzz.co]`); a sentence of
# prose that other documents share (copies, quotations) is longer and no footer


def _behind_footer(sig, u: int, step: int, recurring: set) -> bool:
    """Whether every unit from unit u to the document's start (step -1) or end (+1) is a short line that other
    documents share (see FOOTER_LINE_WORDS): u stands at the edge behind a site's footer."""
    k = u + step
    while 0 <= k < len(sig) // _FIELDS and not sig[k * _FIELDS + 4] & _PART:
        if sig[k * _FIELDS] not in recurring or sig[k * _FIELDS + 3] > FOOTER_LINE_WORDS:
            return False
        k += step
    return k != u + step  # (a unit already at the edge is the flag's to say)


def _neighbour(sig, u: int, step: int, recurring: set) -> int:
    """The hash of the nearest unit before (step -1) or after (+1) unit u that no other document shares, or a marker
    for the document's edge: a block of recurring lines (a footer of three lines) is judged by what is around it."""
    k = u + step
    while 0 <= k < len(sig) // _FIELDS and not sig[k * _FIELDS + 4] & _PART:  # parts come after every unit
        h = sig[k * _FIELDS]
        if h not in recurring:
            return h
        k += step
    return -1 if step < 0 else -2
