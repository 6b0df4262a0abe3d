"""Finding repeated paragraphs inside one document, shared by the duplicate rules.

Candidates come from one pass of hashing: normalised paragraph text (exact
repeats), and its clauses, first and last 40 characters (near repeats);
rapidfuzz scores only the candidate pairs. No all-pairs comparison.
"""
from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from doclint import lazyre
from doclint.document import Block, Document
from doclint.layout import (ATTRIBUTION, CODE, DIRECTIVE, HEADING, MAIL_HEADER, MAIL_NOTE, PARAGRAPH, RULE,
                            is_attribution, section_lines)
from doclint.text import (BULLETS, SENTENCE_ENDS, ends_sentence, looks_like_code, looks_like_log, mostly_addresses,
                          normalize, without_link_addresses, words)

MAX_POSTINGS = 64  # a shingle in more paragraphs than this is boilerplate, not evidence
MAX_CANDIDATES = 6
ADJACENT_MIN_WORDS = 3  # a shorter paragraph is never reported, even right after itself
_LIST_ITEM = lazyre.compile(rf"^\s*(?:[{re.escape(BULLETS)}]|\d{{1,3}}[.)])\s+")


# The defaults of repeated-passage, which other rules use to know which paragraphs are copies.
SIMILARITY = 0.9
MIN_WORDS = 8


def visible_words(norm: str) -> int:
    """The words of a normalised text that a reader sees: a Markdown link's address is none (`[By Jane
    Doe](https://example.com/tag/jane-doe/) 4 min read`, under each of a page's cards, is five words)."""
    return len(words(without_link_addresses(norm)))
MAX_PREFIX_WORDS = 15


@dataclass(frozen=True)
class Match:
    later: int  # index into document.paragraphs
    earlier: int
    similarity: float  # 0..1
    kind: str  # "exact", "near", "glued" (a tag glued in front), "truncated", "extended" (sentences added at the
    # end), "reordered" (sentences moved or left out)
    prefix: str = ""  # the glued text in front of the copy, for "glued"


# A separator (`- - -`, `* * *`, `___`) with text glued after it on the same line: no list item, whatever its first
# character (a scraper joined the separator and the copy that follows it). Each mark is followed by a space:
# `* **npm**: ...` is a list item whose text opens in bold.
_GLUED_SEPARATOR = lazyre.compile(r"^\s*(?:(?:-\s+){3,}|(?:\*\s+){3,}|(?:_\s+){3,})\S")


def is_list_item(text: str) -> bool:
    lines = [l for l in text.split("\n") if l.strip()]
    return bool(lines) and all(_LIST_ITEM.match(l) and not _GLUED_SEPARATOR.match(l) for l in lines)


class ParagraphNorms:
    """normalize() of each paragraph (document.paragraphs), for the rules that hash them."""

    @staticmethod
    def compute(document: Document) -> list[str]:
        return [normalize(document.block_text(b)) for b in document.paragraphs]


def paragraph_norms(document: Document) -> list[str]:
    return document.analysis(ParagraphNorms)


def paragraph_matches(document: Document, similarity: float = SIMILARITY, min_words: int = MIN_WORDS,
                      max_prefix_words: int = MAX_PREFIX_WORDS) -> dict[int, Match]:
    """For each paragraph that repeats an earlier one: the match, keyed by its index (computed once per document
    and parameters, see ParagraphMatches)."""
    return document.analysis(ParagraphMatches, similarity, min_words, max_prefix_words)


class ParagraphMatches:
    """The paragraphs that repeat an earlier one, with their matches (see paragraph_matches)."""

    @staticmethod
    def compute(document: Document, similarity: float, min_words: int, max_prefix_words: int) -> dict[int, Match]:
        return _paragraph_matches(document, similarity, min_words, max_prefix_words)


def _paragraph_matches(document: Document, similarity: float, min_words: int,
                       max_prefix_words: int) -> dict[int, Match]:
    paras = document.paragraphs
    norms = paragraph_norms(document)
    headings = heading_starts(document)
    exact: dict[str, int] = {}
    index: dict[int, list[int]] = defaultdict(list)
    matches: dict[int, Match] = {}
    for j, norm in enumerate(norms):
        n_words = norm.count(" ") + 1 if norm else 0
        if n_words < min_words or "](" in norm:  # count short ones exactly: "(source:www.x.com)" is four words
            n_words = visible_words(norm)
        keys, halves = _keys(norm)
        bare_keys = _bare_keys(norm)
        match = None
        if j and j - 1 not in matches and ADJACENT_MIN_WORDS <= n_words < min_words:
            match = _adjacent(j, norms[j - 1], norm, similarity)
        elif n_words >= min_words and not is_list_item(document.block_text(paras[j])):
            if norm in exact:
                match = Match(j, exact[norm], 1.0, "exact")
            else:
                counts = Counter(i for g in keys for i in index.get(g, ()))
                by_halves = Counter(i for g in halves for i in index.get(g, ()))
                whole_only = by_halves.keys() - counts.keys()
                counts.update(by_halves)
                candidates = _best(counts)
                for i in candidates:
                    match = _compare(i, j, norms[i], norm, similarity, max_prefix_words, whole=i in whole_only)
                    if match:
                        break
                else:  # no copy as written: one with its sentences moved, or some left out
                    match = next(filter(None, (_reordered(i, j, norms[i], norm) for i in candidates
                                               if i not in whole_only)), None)
                    if match is None:  # or stripped of its punctuation
                        bare = Counter(i for g in bare_keys for i in index.get(g, ()) if i not in counts)
                        match = next(filter(None, (_compare(i, j, norms[i], norm, similarity, max_prefix_words,
                                                            whole=True) for i in _best(bare))),
                                     None)
        if match and _parallel(document, headings, match, norms[match.earlier], norm, n_words):
            match = None
        if match:
            matches[j] = match
            continue  # later copies are compared with the first one, not with this copy
        exact.setdefault(norm, j)
        if n_words >= min_words:  # a shorter paragraph is no copy's original (see _index)
            _index(index, j, keys | halves | bare_keys)
    _extend_over_short(matches, norms)
    return matches


# A heading's underline closing a block: one punctuation mark repeated (reStructuredText's adornments, setext's)
_ADORNED = lazyre.compile(r"\n[ \t]*([=\-~^*+#\"'`])\1{2,}[ \t]*$")  # (not `...`: an ellipsis)
PARALLEL_MAX_WORDS = 40  # a paragraph this short that differs from an earlier one only in its slots is a parallel
# sentence (see slots_filled); the longer near copies seen with words replaced were copies (a reworded
# re-publication, a word swapped in)


def _parallel(document: Document, headings: list[int], match: Match, first: str, later: str, n_words: int) -> bool:
    """Whether a match is a parallel sentence or section rather than a copy."""
    paras = document.paragraphs
    if headings and not _same_section(headings, paras[match.earlier].start, paras[match.later].start):
        return True  # documentation says the same thing under two headings on purpose: parallel sections
    if headings and match.kind != "exact" and (numbers_only(first, later) or words_replaced(first, later)):
        # "The 14.x release line ..." / "The 12.x release line ...": entries of a series; "For public keys,
        # the following options ..." / "For private keys, ...": parallel sentences of a reference
        return True
    if match.kind != "exact" and negated(first, later):
        return True  # "Who Is Exempt From the Tax?" / "Who Is Not Exempt From the Tax?": opposites, no copy
    if match.kind == "near" and n_words <= PARALLEL_MAX_WORDS and slots_filled(
            document.block_text(paras[match.earlier]), document.block_text(paras[match.later])):
        return True
    if headings and not document.markdown and all(document.text[paras[k].start:paras[k].start + 1] in " \t"
                                                  for k in (match.earlier, match.later)):
        return True  # plain-text documentation's indented blocks are the bodies of its list items, directives and
        # literal blocks (`* #9695: ...` / `  with more Docutils nodes ...`, code under `.. code-block::`): entries
        # and examples, alike on purpose
    if headings and captions_code(document, paras[match.earlier]) and captions_code(document, paras[match.later]):
        return True  # "This conflict can also be declared using the `package` key:" over each of two examples
    if document.is_mail and all(indented_block(text) or code_block(text)
                                for text in (document.block_text(paras[k]) for k in (match.earlier, match.later))):
        return True  # a program's output or code pasted into a message, indented as mail sets it off: it may
        # print the same lines twice (two interfaces' descriptors, two runs' logs)
    if match.kind != "exact" and all(_ADORNED.search(document.block_text(paras[k])) for k in (match.earlier, match.later)):
        return True  # two headings underlined as reStructuredText and plain-text manuals do: a document's sections
    # two links to one site share its address, not a passage ("https://x.org/doc#3-schema")
    return match.kind != "exact" and mostly_addresses(document.block_text(paras[match.later]))


_QUOTE_MARKS = lazyre.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
# A shell command: a program's name, then an option or a path (`mdadm --assemble /dev/md123 ...`, `ls /etc`,
# `jython macros/imglib0.py /home/...`).
_COMMAND = lazyre.compile(r"[ \t]*(?:[$#][ \t]*)?[a-z][\w.+-]*[ \t]+(?:--?[A-Za-z]|/\S|[\w.-]+/[\w.-])[^\n]*")
PROMPT_LINES = 2  # the most lines of a command typed after a prompt's `>` (a script quoted again in a digest is longer)


def _quoted_code(text: str) -> bool:
    """Whether a quoted passage is a command typed after a prompt: at most PROMPT_LINES lines, half of them or more,
    without their quote marks, code or a shell command (a list's `- ` items, which a diff's removed lines look
    like, are not)."""
    lines = [line for line in _QUOTE_MARKS.sub("", text).splitlines() if line.strip()]
    code = sum(looks_like_code(line) or (_COMMAND.fullmatch(line) is not None and not ends_sentence(line))
               for line in lines)
    return 0 < len(lines) <= PROMPT_LINES and 2 * code >= len(lines)


def code_block(text: str) -> bool:
    """Whether half the lines of a block or more read as code or a program's output (an R session pasted into a
    message: `> seq(from = ..., by="day")` / `[1] "2003-03-29 ..."`; a build's log and the rules around its
    banners: `[INFO] Building jar`, `-------` / ` T E S T S`; a shell command: `jython macros/run.py /data/a.tif`)."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and 2 * sum(looks_like_code(line) or looks_like_log(line) or bool(_OUTPUT_INDEX.match(line))
                                   or (_COMMAND.fullmatch(line) is not None and not ends_sentence(line))
                                   or bool(_COUNTERS.match(line)) or bool(_DIFF_LINE.match(line))
                                   or not any(c.isalnum() for c in line) for line in lines) >= len(lines)


# A line of a patch: removed or added (`-#define X  Y`, `+\tif (cap->id == PCI_CAP_ID_MSI)`: a tab or no space after
# the sign, where a list's dash has a space), or a hunk's head (`@@ -218,7 +218,2 @@`): a patch's hunks show alike
# lines again.
_DIFF_LINE = lazyre.compile(r"[+-](?:\t|(?![+-]{2}\s)\S)|@@ ")
_COUNTERS = lazyre.compile(r"\s*(?:[A-Z][\w ]{0,30}:\s*[\d.]+\s*(?:\w+\s*)?,\s*){2,}")  # `Tests run: 0, Failures: 0, ...`
_OUTPUT_INDEX = lazyre.compile(r"\s*\[\d+\]\s")  # an interpreter's printed vector: `[1] "2003-03-29" ...`


PASTED_INDENT = 4  # spaces (a tab counts) before every line of a block that mail sets off as pasted material


def indented_block(text: str) -> bool:
    """Whether every non-blank line of a block is indented by PASTED_INDENT spaces or a tab."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith((" " * PASTED_INDENT, "\t")) for line in lines)


def _index(index: dict[int, list[int]], j: int, keys: set) -> None:
    """Paragraph j as a candidate original under its keys. Only paragraphs of min-words or more are: a short one,
    "Zzamong in Koreatown. (Jane Doe / Example)", would make every caption that ends "... in Koreatown. (Jane Doe
    / Example)" a copy of it with words glued in front."""
    for g in keys:
        postings = index[g]
        if len(postings) < MAX_POSTINGS:
            postings.append(j)


def captions_code(document: Document, paragraph: Block) -> bool:
    """Whether a paragraph of a structured document stands right before or after a code block: documentation
    introduces or sums up each of its examples, and says it in the same words for two examples on purpose."""
    blocks = document.blocks
    n = paragraph.index
    return (len(document.block_text(paragraph).split()) <= CAPTION_MAX_WORDS
            and any(0 <= k < len(blocks) and blocks[k].kind == CODE for k in (n - 1, n + 1)))


# An example's introduction or summary runs to a few sentences; a longer paragraph pasted twice is a repeat.
CAPTION_MAX_WORDS = 80


def heading_starts(document: Document) -> list[int]:
    """Where the sections of a structured document start, in order: in Markdown, its headings, and its template
    directives (a `{{< tab >}}` or `{{< step >}}` opens a section as a heading does), and, in a document with
    either, its thematic breaks (`---` between the steps for one editor and another's); in plain text, its
    entries' titles (see entry_titles). Computed once per document: every repeat found asks."""
    return document.analysis(HeadingStarts)


class HeadingStarts:
    """Where a document's sections start (see heading_starts)."""

    @staticmethod
    def compute(document: Document) -> list[int]:
        starts = [b.start for b in document.blocks if b.kind in (HEADING, DIRECTIVE)]
        if starts:
            starts = sorted(starts + [b.start for b in document.blocks if b.kind == RULE])
        return starts or plain_sections(document) or entry_titles(document)


def plain_sections(document: Document) -> list[int]:
    """Where the sections of plain-text documentation start (not Markdown, whose headings are blocks, nor mail): its
    underlined titles and its directives at the margin (layout.section_lines; reStructuredText, plain-text
    manuals)."""
    if document.markdown or document.is_mail or not document.is_documentation:
        return []
    lines = [document.line_text(n) for n in range(document.line_count)]
    return [document.line_starts[n] for n in section_lines(lines)]


ENTRY_TITLES = 4  # titles opening with the same word that make a plain text a reference in entries (entry_titles)
ENTRY_TITLE_WORDS = 12


def entry_titles(document: Document) -> list[int]:
    """Where the entries of a plain-text reference start: lines of their own, of at most ENTRY_TITLE_WORDS words,
    with no sentence's end and no field's colon, each over a paragraph of prose, ENTRY_TITLES or more of them
    opening with the same word and all different (`public static EnumSet<E> copyOf (EnumSet<E> s)`, `public static
    EnumSet<E> noneOf (...)`: an API's methods). Entries describe alike things in the same words on purpose (each
    method's `Parameters`). None in Markdown, mail or one-line text."""
    if document.markdown or document.is_mail:
        return []
    blocks, titles = document.blocks, {}
    for block, after in zip(blocks, blocks[1:]):
        if block.kind != PARAGRAPH or block.piece or block.first_line != block.last_line or after.kind != PARAGRAPH:
            continue
        title = document.block_text(block).strip()
        if (1 <= len(title.split()) <= ENTRY_TITLE_WORDS and not ends_sentence(title) and ":" not in title
                and ends_sentence(document.block_text(after).rstrip())):
            titles.setdefault(title.split()[0].lower(), {}).setdefault(title.lower(), block.start)
    starts = [start for same in titles.values() if len(same) >= ENTRY_TITLES for start in same.values()]
    return sorted(starts)


def same_section(document: Document, a: int, b: int) -> bool:
    """Whether offsets a < b lie under the same heading (always so in a text without headings)."""
    return _same_section(heading_starts(document), a, b)


def _same_section(headings: list[int], a: int, b: int) -> bool:
    import bisect

    return bisect.bisect_right(headings, a) == bisect.bisect_right(headings, b)


_NUMBER = lazyre.compile(r"\d+(?:[.,:x]\d*)*[a-z]?")


def numbers_only(a: str, b: str) -> bool:
    """Whether two normalised texts differ only in their numbers (versions, years, counts)."""
    return _bare(a) != _bare(b) and _bare(_NUMBER.sub("#", a)) == _bare(_NUMBER.sub("#", b))


def words_replaced(a: str, b: str) -> bool:
    """Whether one normalised text has words where the other has other words (`public` for `symmetric`,
    `req.abort()` for `req.destroy()`), beyond what a copy loses or gains at its ends or in its punctuation."""
    from difflib import SequenceMatcher

    x, y = _bare(a).lower().split(), _bare(b).lower().split()
    return any(op == "replace" and _letters(x[i1:i2]) != _letters(y[j1:j2])  # not "fig ures" for "figures", nor
               for op, i1, i2, j1, j2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes())  # "worldâ"


# A caption's pointer to its picture: "Dr. Tristan Rich (pictured) - head of exotics ...".
_PICTURED = lazyre.compile(r"\((?:pictured|pictured\s+(?:left|right|above|below|centre|center)|left|right|above"
                           r"|below|centre|center|inset)\)", re.IGNORECASE)
PHOTO_CAPTION_MAX_WORDS = 60  # a photo's caption is a sentence or two
PHOTO_CAPTION_MIN_WORDS = 8  # shorter, a line with no full stop is a label or a prompt ("Follow us on Twitter")


# A photo's caption that a page printed inside its running text, as an article stored on one line keeps it: a label
# of one to four words, a colon, then the caption's sentence ("Doting dad: He was overjoyed to see ...", "Ferrari
# F40: The vast majority of the cars ...", "Film lovers' favourite: ..."). Not a speaker or a clause introducing
# what follows: no pronoun opens the label, and it holds no verb of saying or being ("Mr Collins said: ...", "The
# reason is simple: ..."). Examples of labels: "Investigation", "On display", "Porsche 959", "Taking a look".
_CAPTION_LABEL = lazyre.compile(
    r"(?!(?:he|she|it|they|we|i|you|this|that|these|those|there|here|q|a)\b)"
    r"(?![^:\n]{0,%d}\b(?:said|says|say|told|tells|added|adds|asked|asks|wrote|writes|explained|warned|is|are|was|were|"
    r"be|been|has|have|had|will|would|can|could)\b)"
    r"[A-Z‘'][\w'’.-]*(?:[ \u00a0][\w'’.-]+){0,3}:[ \u00a0]+(?=[A-Z0-9‘'\"“])" % 120, re.IGNORECASE)
# (the verbs are looked for within 120 characters: a label of four words is shorter, and an unbounded look ahead
# would read a whole line of megabytes from each sentence of it)


def caption_label(text: str, start: int) -> int | None:
    """Where the caption's sentence begins, if the sentence at `start` opens with a caption's label (see
    _CAPTION_LABEL), else None."""
    m = _CAPTION_LABEL.match(text, start)
    if m is None or not (text[start].isupper() or text[start] in "‘'"):
        return None
    return m.end()


def captions_inside(text: str, start: int, end: int) -> list[int]:
    """Where captions open inside the sentence text[start:end] of an article stored on one line: a caption's label
    (see _CAPTION_LABEL) after a space, where the words before it end no sentence (a caption has no full stop of
    its own, so the page's next caption or paragraph runs on from it: "... 'white people companies' Fighting
    words: In a tweet ..."). Each is where a sentence of its own begins."""
    found = []
    opening = caption_label(text, start)  # a label that opens the sentence itself is no caption inside it
    for colon in _LABEL_COLON.finditer(text, opening or start + 1, end):
        words_before = list(_WORD_START.finditer(text, max(start + 1, colon.start() - _LABEL_CHARS), colon.start()))
        for w in words_before[-_LABEL_WORDS:]:  # the farthest word back that opens a label ending at this colon
            p = w.start()
            if not text[p].isupper() or text[p - 2:p - 1] in ("", *SENTENCE_ENDS, ":", ";", ","):
                continue
            m = _CAPTION_LABEL.match(text, p)
            if m is not None and m.start() == p and colon.start() < m.end() <= colon.end() + 1:
                found.append(p)
                break
    return found


_LABEL_COLON = lazyre.compile(r":[ \u00a0]+(?=[A-Z0-9‘'\"“])")
_WORD_START = lazyre.compile(r"(?<=[ \u00a0])[^\s]")
_LABEL_WORDS = 4  # as _CAPTION_LABEL: one to four words
_LABEL_CHARS = 60  # characters before a colon that hold a label's four words


def caption_first(earlier: str, later: str) -> bool:
    """Whether the first of two near copies is a photo's caption that a page printed before the paragraph it was
    written from: one line of at most PHOTO_CAPTION_MAX_WORDS words that points to its picture (`(pictured)`)
    where the paragraph does not, or that runs to PHOTO_CAPTION_MIN_WORDS words or more and ends with no full
    stop where the paragraph ends with one (news sites' captions have none)."""
    earlier, later = earlier.strip(), later.strip()
    if "\n" in earlier or len(earlier.split()) > PHOTO_CAPTION_MAX_WORDS:
        return False
    if len(later.split()) > 1.5 * len(earlier.split()):
        return False  # the later copy says more: "Title – “Name”. from Jane Doe on Vimeo." after the title
    if _PICTURED.search(earlier) and not _PICTURED.search(later):
        return True
    return len(earlier.split()) >= PHOTO_CAPTION_MIN_WORDS and not ends_sentence(earlier) and later.endswith(".")


_NEGATIONS = frozenset("not no never non nor n't cannot".split())


def negated(a: str, b: str) -> bool:
    """Whether two normalised texts differ only by words of negation (`not`, `never`, `no`): one says the opposite
    of the other (a pair of subheadings, `Who Is Exempt ...` / `Who Is Not Exempt ...`), it does not repeat it."""
    from difflib import SequenceMatcher

    x, y = _bare(a).lower().split(), _bare(b).lower().split()
    changed = [x[i1:i2] + y[j1:j2] for op, i1, i2, j1, j2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
               if op != "equal"]
    return bool(changed) and all(w in _NEGATIONS for words in changed for w in words)


def slots_filled(a: str, b: str) -> bool:
    """Whether two texts differ by words put in the same slot, each a name, a figure or a word the other text
    uses elsewhere: parallel sentences ("This product includes software from the LLVM project" / "... from the
    CMake project", "Considering kidney disease as a confounding factor, no competing risk between retinopathy and
    kidney disease ..." / "Considering retinopathy as ..."), not a copy with a word changed ("... a quarter of
    their normal level" / "... of their usual level")."""
    from difflib import SequenceMatcher

    x, y = _bare(a).split(), _bare(b).split()
    lx, ly = [w.lower() for w in x], [w.lower() for w in y]
    replaced = [(x[i1:i2], y[j1:j2]) for op, i1, i2, j1, j2 in SequenceMatcher(None, lx, ly, autojunk=False).get_opcodes()
                if op == "replace" and _letters(lx[i1:i2]) != _letters(ly[j1:j2])]
    if bool(replaced) and all(_slot(w, ly) for old, _ in replaced for w in old) and all(
            _slot(w, lx) for _, new in replaced for w in new):
        return True
    # or by identifiers, read whole: "Warning: obsolete 'jars/lwf-stubs-4.5.jar' still installed!" / "... 'jars/
    # scifio-devel-4.5.jar' ...", two lines of a program's output, not a copy
    x, y = a.split(), b.split()
    replaced = [(x[i1:i2], y[j1:j2]) for op, i1, i2, j1, j2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
                if op != "equal"]
    return bool(replaced) and all(_IDENTIFIER.search(w) for old, new in replaced for w in old + new)


# A word that is an identifier: a path, a file's or a package's name, a version ("jars/lwf-stubs-4.5-SNAPSHOT.jar",
# "org.example.Main", "ij_core-2.0"): it holds a slash or an underscore, or a dot or a hyphen between letters and
# figures.
_IDENTIFIER = lazyre.compile(r"[/_]|\w[.-]\w.*\d|\d.*\w[.-]\w")


def _slot(word: str, other: list[str]) -> bool:
    """A word that fills a slot: a name or an identifier (a capital), a figure, or a word the other text uses."""
    return word[:1].isupper() or word[:1].isdigit() or word.lower() in other


def _letters(words_: list[str]) -> str:
    """The words' ASCII letters and figures, run together: what a word split in two or garbled keeps."""
    return re.sub(r"[^a-z0-9]", "", "".join(words_))


def _bare(text: str) -> str:
    return " ".join(re.sub(r"[^\w#]+", " ", text).split())


def _best(counts: Counter) -> list[int]:
    """The candidates sharing the most keys, earliest first among equals (Counter.most_common breaks ties by the
    order keys were counted in, which follows string hashes: it varied from one run to the next)."""
    return heapq.nsmallest(MAX_CANDIDATES, counts, key=lambda i: (-counts[i], i))


def _extend_over_short(matches: dict[int, Match], norms: list[str]) -> None:
    """Grow runs over short paragraphs (a subheading, a list item, a credit line) that repeat exactly.

    Too short to report alone, such a paragraph is part of the copy when its
    neighbours in the copy and in the original are repeats of each other.
    """
    n = len(norms)
    for step in (1, -1):
        for j in sorted(matches, reverse=step < 0):
            m = matches[j]
            k, i = j + step, m.earlier + step
            while 0 <= k < n and k not in matches:
                while 0 <= i < n and i in matches:  # the original's neighbour, skipping copies
                    i += step
                if not (0 <= i < n and i < j and i != k and norms[i] == norms[k] and norms[k]):
                    break
                matches[k] = Match(k, i, 1.0, "exact")
                k, i = k + step, i + step


_CLAUSE = lazyre.compile(r"[.!?;:,]+\s+")
_PUNCTUATION = lazyre.compile(r"[^\w\s]+")


def _keys(norm: str) -> tuple[set, set]:
    """Candidate keys of a normalised paragraph: its clauses and its first and last 40 characters; and, in a
    paragraph of three clauses or fewer, the first and last 24 characters of each long clause (its halves).

    A near-copy with a few small edits keeps most clauses intact; a copy cut
    short keeps its start, a copy with a tag glued in front keeps its end.
    Where an edit falls in every clause (a word dropped from one, changed in
    the other), each keeps the half the edit missed. A half is weaker
    evidence (`Unions said the plant will close ...` shares one with `The
    plant will close ...`): a candidate found by halves alone is compared as a
    whole, never as a copy cut short or with something glued in front.
    """
    clauses = [c for c in _CLAUSE.split(norm) if len(c) >= 24]
    keys = set(map(hash, clauses))
    if len(norm) >= 40:
        keys.add(hash(("start", norm[:40])))
        keys.add(hash(("end", norm[-40:])))
    else:
        keys.add(hash(norm))
    halves = set()
    if len(clauses) <= 3:  # two or three edits cannot miss every clause of a longer paragraph
        halves = {hash((half, c[:24] if half else c[-24:])) for c in clauses if len(c) >= 48 for half in (0, 1)}
    return keys, halves


def _bare_keys(norm: str) -> set:
    """The first and last 40 characters of a normalised paragraph stripped of its punctuation: a copy stripped
    of it has one clause and no start or end in common with the original, but keeps these (a last resort for a
    paragraph no other key matched, compared as a whole)."""
    if len(norm) < 40:
        return set()
    bare = " ".join(_PUNCTUATION.sub("", norm).split())
    return {hash(("bare start", bare[:40])), hash(("bare end", bare[-40:]))}


def _adjacent(j: int, before: str, norm: str, threshold: float) -> Match | None:
    """A short paragraph is reported only when it repeats the paragraph right before it, word for word (its
    punctuation, case or spacing may differ): short lines that differ by a word are parallel items of a list
    (`Userdiff for Rust update.` / `Userdiff for CSS update.`), not a copy."""
    from rapidfuzz import fuzz

    if norm == before:
        return Match(j, j - 1, 1.0, "exact")
    if words(norm) != words(before):
        return None
    score = fuzz.ratio(before, norm) / 100
    return Match(j, j - 1, score, "near") if score >= threshold else None


def _compare(i: int, j: int, first: str, later: str, threshold: float, max_prefix_words: int,
             whole: bool = False) -> Match | None:
    """Whether `later` is a near-copy of `first`, as a whole or (unless `whole`) cut short or with a tag or
    teaser glued in front."""
    from rapidfuzz import fuzz

    score = fuzz.ratio(first, later, score_cutoff=threshold * 100) / 100  # 0 below the cutoff: computed faster
    if score:
        return Match(j, i, score, "near")
    if whole:
        return None
    if len(later) > len(first) and fuzz.ratio(first, later[-len(first):], score_cutoff=(threshold - 0.1) * 100):
        # a tag or teaser glued in front of a copy: the copy ends the paragraph, so the end of the paragraph as
        # long as the first copy is close to it (a cheap test: the alignment costs the product of the lengths)
        align = fuzz.partial_ratio_alignment(first, later, score_cutoff=threshold * 100)
        if align and align.dest_start > 0 and len(later) - align.dest_end <= 3:
            prefix = later[: align.dest_start]
            if 0 < len(words(prefix)) <= max_prefix_words:
                return Match(j, i, align.score / 100, "glued", prefix.strip())
    elif len(later) > len(first) and fuzz.ratio(first[:40], later[:40]) >= threshold * 100:
        # a copy with a sentence or two added at its end: the first copy is the start of this one, up to a
        # sentence's end, and at least EXTENDED_MIN_SHARE of it
        align = fuzz.partial_ratio_alignment(first, later, score_cutoff=threshold * 100)
        if (align and align.dest_start <= 3 and align.dest_end >= EXTENDED_MIN_SHARE * len(later)
                and later[:align.dest_end].rstrip()[-1:] in _SENTENCE_CLOSERS):
            return Match(j, i, align.score / 100, "extended")
    elif len(later) >= 0.4 * len(first) and fuzz.ratio(first[:40], later[:40]) >= threshold * 100:
        # a copy cut short, with or without "...": it starts as the paragraph does
        cut = later.rstrip(" .\u2026")
        score = fuzz.ratio(first[: len(cut)], cut) / 100
        if score >= threshold:
            return Match(j, i, score, "truncated")
    return None


_SENTENCE_END = lazyre.compile(f"(?<=[{re.escape(SENTENCE_ENDS)}])" + r"\s+")
_SENTENCE_CLOSERS = ".!?\"'\u201d\u2019)"


REORDERED_MIN_SHARE = 0.5  # a shorter selection of an earlier paragraph's sentences is left to repeated-sentence
EXTENDED_MIN_SHARE = 0.6  # a copy with more added at its end is left to repeated-sentence, which keeps the addition


def _reordered(i: int, j: int, first: str, later: str) -> Match | None:
    """`later` as two or more of `first`'s sentences, word for word, in another order or with some left out (a
    copy re-edited by moving sentences), and at least half as long: its share of the first copy's text is its
    similarity."""
    share = len(later) / max(len(first), 1)
    if share < REORDERED_MIN_SHARE:
        return None
    sentences = [s for s in _SENTENCE_END.split(later) if s]
    if len(sentences) < 2 or len(set(sentences)) < len(sentences):
        return None
    if not set(sentences) <= set(_SENTENCE_END.split(first)):
        return None
    return Match(j, i, round(min(share, 1.0), 2), "reordered")


@dataclass(frozen=True)
class Run:
    """Consecutive repeated paragraphs whose first copies are consecutive too; or, `copies` > 1, a series of
    copies of one passage, each right after the one before (its matches, copy after copy)."""

    matches: tuple[Match, ...]
    copies: int = 1

    @property
    def later(self) -> tuple[int, int]:
        return self.matches[0].later, self.matches[-1].later

    @property
    def earlier(self) -> tuple[int, int]:
        return self.matches[0].earlier, self.matches[-1].earlier


def runs(matches: dict[int, Match]) -> list[Run]:
    """Group matches into runs: later copies adjacent, first copies adjacent among the originals."""
    out: list[list[Match]] = []
    for j in sorted(matches):
        m = matches[j]
        if out:
            prev = out[-1][-1]
            between = range(prev.earlier + 1, m.earlier)
            adjacent = m.earlier > prev.earlier and all(i in matches for i in between)
            if m.later == prev.later + 1 and adjacent and m.earlier < out[-1][0].later:
                out[-1].append(m)
                continue
        out.append([m])
    return [Run(tuple(r)) for r in out]


def removal_start(document: Document, block: Block) -> int:
    """Where deleting `block` together with the separator before it starts."""
    blocks = document.blocks
    if block.index == 0 or (block.piece and blocks[block.index - 1].last_line != block.first_line):
        return block.start  # the first block, or the first piece of a long line: nothing of the line before goes
    return blocks[block.index - 1].end


def removal_end(document: Document, block: Block) -> int:
    """Where deleting `block` ends: at its end, or, for the document's first block, after the line breaks under it
    (the separator before a later block goes with that block; the first has none before it)."""
    end, text = block.end, document.text
    if block.index == 0 and not block.piece:
        while end < len(text) and text[end] in "\r\n":
            end += 1
    return end


@dataclass(frozen=True)
class QuotedRepeat:
    start: int  # the later copy: where its first line's text starts, after the quote markers
    end: int
    earlier: tuple[int, int]  # the first copy's (start, end)
    words: int


QUOTED_MIN_WORDS = MIN_WORDS  # a quoted passage is reported again from this many words, as a paragraph is


# A header's field that opens another message held in the same document, quoted or not (`>Message: 4`, `>From: ...`,
# Outlook's `Sent: ...` under `-----Original Message-----`).
_MESSAGE_FIELD = lazyre.compile(r"^[ \t]*(?:>[ \t]*)*(?:From|Subject|Date|Sent|Message):[ \t]", re.MULTILINE)


def quoted_repeats(document: Document) -> list[QuotedRepeat]:
    """In an e-mail, the quoted passages (one quote depth, between blank quoted lines) that repeat a passage that
    stands earlier in the same document, quoted or not, whole or as a part of it (a reply quotes the part it
    answers), from another message (see _another_message): a digest whose messages quote each other repeats
    itself. A message quoting a message the document does not hold repeats nothing, and neither does a reply that
    quotes a line to answer it and then, under its attribution, the whole message that line came from (`On Fri,
    ... wrote:`), nor an attribution quoted again."""
    if not document.is_mail:
        return []
    earlier: list[tuple[str, tuple[int, int]]] = []  # (bare text, span) of each passage read so far
    depths: list[int] = []  # the quote depth of each
    heads: dict[str, list[int]] = {}  # the first QUOTED_MIN_WORDS words of every place in a passage -> passages
    found = []
    patches: set[int] = set()  # the earlier passages that are a quoted patch's lines
    for start, end, depth, norm in _quoted_units(document):
        key = _bare(norm)
        tokens = key.split()
        if len(tokens) < QUOTED_MIN_WORDS:
            continue
        patch = _quoted_diff(document.text[start:end])
        if depth > 0:
            head = " ".join(tokens[:QUOTED_MIN_WORDS])
            holder = next((k for k in heads.get(head, ()) if f" {key} " in earlier[k][0]), None)
            # (a reviewer rewording a line of a quoted patch repeats nothing; the patch quoted again does; a command
            # after a prompt's `>` is no quotation: `> mdadm --assemble /dev/md123 ...` run again, an R session's
            # `> seq(from = strptime(...` written out again)
            if holder is not None and (patch or holder not in patches) and _another_message(
                    document, earlier[holder][1], depths[holder], start) and (
                    patch or not _quoted_code(document.text[start:end])):
                found.append(QuotedRepeat(_past_rules(document, start, end), end, earlier[holder][1], len(tokens)))
                continue
        if patch:
            patches.add(len(earlier))
        for at in range(len(tokens) - QUOTED_MIN_WORDS + 1):
            places = heads.setdefault(" ".join(tokens[at:at + QUOTED_MIN_WORDS]), [])
            if not places or places[-1] != len(earlier):
                places.append(len(earlier))
        earlier.append((f" {key} ", (start, end)))
        depths.append(depth)
    return found


def _another_message(document: Document, first: tuple[int, int], depth: int, later: int) -> bool:
    """Whether a quoted copy at `later` repeats the passage at `first` from another message: a header's field stands
    between them (a digest), or the first is the writer's own text (depth 0) and no attribution (`On Fri, ...,
    Jane Doe <jane at` / `example.org> wrote:` quoted again under the writer's own copy of it)."""
    if _MESSAGE_FIELD.search(document.text, first[1], later):
        return True
    lines = document.text[first[0]:first[1] + 200].split("\n")[:2]  # (its line and the document's next)
    # (an attribution may wrap anywhere: in the address, `... <jane at` / `example.org> wrote:`)
    return depth == 0 and not is_attribution(*lines) and not is_attribution(" ".join(line.strip() for line in lines))


_DIFF_LINE = lazyre.compile(r"^[ \t]*(?:>[ \t]?)*(?:[+-](?![+-]{2}\s*$)|@@ |diff --git )", re.MULTILINE)
DIFF_SHARE = 1 / 3  # of a quoted passage's lines changed by a diff (`+`, `-`, `@@`), from which it is a patch's hunk


def _quoted_diff(text: str) -> bool:
    """Whether a quoted passage is a quoted patch: DIFF_SHARE of its lines or more are a diff's (see _DIFF_LINE)."""
    if "\n>" not in text and not text.lstrip().startswith(">"):
        return False
    lines = text.count("\n") + 1
    marks = _DIFF_LINE.findall(text)
    # (a line added, or a hunk's head: a quoted list of `- ` items alone is no patch)
    return len(marks) >= DIFF_SHARE * lines and any(m.rstrip().endswith(("+", "@@", "diff --git")) for m in marks)


def _past_rules(document: Document, start: int, end: int) -> int:
    """Where a quoted passage's words start: past its opening lines that hold no word (`>#=========`, a rule
    drawn above a listing), which repeat nothing of their own."""
    line = document.line_of(start)
    while line + 1 < document.line_count and document.line_starts[line + 1] < end:
        if any(c.isalnum() for c in document.line_text(line)):
            break
        line += 1
    return max(start, document.line_starts[line])


# An e-mail body left in quoted-printable: a line ending at "=" continues on the next line (a soft line break,
# `considerin=` then `g`), and "=20" at a line's end is a space (`a weekend's worth of hacking=20`).
_SOFT_BREAK = lazyre.compile(r"(?<!=)=$")
_ENCODED_SPACE = lazyre.compile(r"=20$")


def _quoted_units(document: Document):
    """(start, end, quote depth, normalised text without quote markers) of each passage of an e-mail: its lines
    of one quote depth between blank lines, structure (header block, attributions, code) apart. A body left in
    quoted-printable is read as decoded: a soft line break joins the next line (whatever quote depth a reader's
    client gave the piece after it), and `=20` is a space."""
    from doclint.layout import unquote

    kinds = {}
    for block in document.blocks:
        for line in range(block.first_line, block.last_line + 1):
            kinds[line] = block.kind
    unit: list[tuple[int, int, int, str]] = []
    joined = False  # the last line ended at a soft line break
    for line in range(document.line_count + 1):
        text = document.line_text(line) if line < document.line_count else ""
        depth, cut = unquote(text)
        content = _ENCODED_SPACE.sub(" ", text[cut:])
        structure = kinds.get(line) in (MAIL_HEADER, ATTRIBUTION, CODE, MAIL_NOTE) or looks_like_log(content)
        if joined and unit and content.strip() and not structure:
            ls, le = document.line_span(line)
            last = unit[-1]
            unit[-1] = (last[0], le, last[2], last[3] + content.lstrip())
            joined = bool(_SOFT_BREAK.search(content))
            if joined:
                unit[-1] = (*unit[-1][:3], unit[-1][3][:-1])
            continue
        if unit and (not content.strip() or depth != unit[-1][2] or structure):
            start, end = unit[0][0], unit[-1][1]
            yield start, end, unit[0][2], normalize(" ".join(u[3] for u in unit))
            unit = []
        joined = False
        if content.strip() and not structure:
            ls, le = document.line_span(line)
            joined = bool(_SOFT_BREAK.search(content))
            unit.append((ls + cut, le, depth, content[:-1] if joined else content))
