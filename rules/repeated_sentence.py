from __future__ import annotations

import re
from bisect import bisect_right
from difflib import SequenceMatcher
from collections import Counter
from dataclasses import dataclass

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.repeats import (caption_first, caption_label, captions_code, captions_inside, code_block,
                             heading_starts, indented_block, numbers_only, paragraph_matches, removal_start, same_section,
                             visible_words)

from doclint.rule import Rule, option
from doclint.text import (QUOTE_MARKS, SENTENCE_BREAK, SENTENCE_ENDS, ends_sentence, is_legal_file, legal_phrases,
                          looks_like_code, mostly_addresses, normalize, words)

_END_MARKS = " " + SENTENCE_ENDS


@dataclass(frozen=True)
class Options:
    min_words: int = option(8, "Sentences shorter than this many words are never reported.")
    min_words_inside: int = option(15, "A repeat inside another paragraph (not a pull quote standing alone) "
                                       "needs at least this many words: shorter ones are usually deliberate.")


class RepeatedSentence(Rule):
    """Sentence repeated later in the document, as a pull quote or inside another paragraph.

    ## What it does
    Flags a sentence of at least `min-words` words that appears again: as its
    own paragraph (a pull quote copied out of the article) or inside another
    paragraph (then it needs `min-words-inside` words: short sentences repeated
    in the running text are usually deliberate). Paragraphs already reported by `repeated-passage` are skipped.
    A pull quote is reported where it stands alone, even when it comes first,
    unless it is the first paragraph under a headline (an article's lead,
    which a later paragraph may restate) or at least half of the document's
    paragraphs (four or more) are a single sentence (a common news style):
    then a sentence standing alone is an ordinary paragraph, and the later
    occurrence is the repeat. Where both stand alone, the later is reported,
    unless the first reads as a photo's caption printed before the paragraph
    it was written from: it points to its picture (`(pictured)`) where the
    other does not, or runs to eight words or more with no full stop where
    the other ends with one.
    The same quotation used twice inside otherwise different paragraphs (a
    quote attributed twice) is not reported, nor, in a document with
    headings, a paragraph next to a code example that repeats one next to
    another example (documentation introduces its examples in the same
    words). Sentences are compared without
    their final punctuation (a caption or a dek has none). A paragraph of one
    sentence that nearly repeats an earlier sentence (runs of six words shared
    with it cover three quarters of it and 40% of the earlier one: a caption
    rewritten from the text) is reported too, where one of the two reads as a
    caption or a pull quote (one line or a wrapped one, no full stop of its
    own, no line of code, not an item of a list in HTML markup (`<li>Go to
    Start ...`: a procedure's step), not mostly web addresses or files' paths such as a
    traceback's frames, not three quoted-printable escapes or more, not in a
    mail's HTML copy of its text), except in
    documents in sections and between
    entries of a series that differ only in numbers: release notes' parallel
    sentences end as sentences do. A caption that rewords a clause of an
    earlier sentence of prose, with words of its own that break the six-word
    runs (`The shop assistant then kept his amazing news a secret for a week`
    after `But the modest shop assistant kept his news a secret for a week,
    ...`), is reported when three quarters of its words, in order, lie within
    one and a half times its length of that sentence; not before the
    sentence (a headline or a subheading sums up in other words), not
    between two captions (parallel entries) and not in a licence. A paragraph
    of one sentence whose words stand word for word in one run inside an
    earlier, longer sentence of prose is a pull quote cut from it (`The
    council has given the town its waterfront back.`). A sentence of a web
    article's dek (its first paragraph under the headline, holding a full
    stop; not in Markdown or a text in sections) that the body says again
    needs only `min-words` words: the page printed the dek and the body one
    after the other. A header's field (`Summary: ...`) said again by the
    text under it is not reported, nor is a section's heading that a
    table of contents' numbered entry names in nearly the same words, nor a
    page's title on its own line (twelve words at most) under the same
    words as a list's item (a breadcrumb's last item), nor such a line in
    title case that nearly repeats a sentence (a heading that echoes its
    section, as pull quotes are not written). A paragraph that opens with the last
    eight words or more of the paragraph before it (a page cut into
    overlapping windows) is reported from its start to the end of the
    overlap, unless the paragraph before is little more than those words (a
    heading restated by the text under it) or they are a link's address (a
    card's picture linking `.../from-traces-to-insights/` over the title
    `From Traces to Insights`). So is a run
    of eight words or more repeated right after itself on one line (`Jane Doe
    at the premiere Jane Doe at the premiere`: a scraper's doubled caption),
    also with a label of one or two words glued between the copies (`...
    Harper Ave.staff writer(Left to right) ...`: the caption printed again
    after its byline's role), in an article stored on one line across its
    sentences; words between the copies with spaces on both sides are the
    author's, and so is a run the document holds three times or more (a
    song's refrain, sung twice after each verse).
    In an article stored on one line (a dataset's record), a sentence that
    opens with a photo caption's label (`Doting dad: He was overjoyed ...`:
    one to four words and a colon; not a speaker, `Jane Doe said:`, nor a
    clause, `The reason is simple:`) is a caption, and the near repeats
    above are looked for between it and the other sentences (compared
    without the label); the later of the two is reported. A caption has no
    full stop, so the next caption runs on from it (`... 'white people
    companies' Fighting words: In a tweet ...`): a label after a word that
    ends no sentence opens a caption of its own there. A sentence whose full
    stop stands apart from its last word (`... face the charge of assault
    .`: the record joined the page's caption to the text) is a caption too.
    Such a caption, known by its label at a sentence's start or by its
    spaced full stop, rewords a sentence when 60% of its words (not three
    quarters) lie in order in it.
    A picture's caption printed right after it whose words are the
    picture's alternative text, ending its line (`![Share previews with
    people outside your team](img.jpg)Share previews with people outside
    your team`: a page scraped to Markdown keeps both), is reported too.
    A file named as legal text (`LICENSE`, `NOTICE`, `COPYING`, ...) is not
    checked: its agreements close with the same sentences on purpose.

    ## Why is this bad?
    Pull quotes and re-inserted sentences are layout leftovers: in plain text
    they read as the same sentence twice.

    ## Example
    ```
    The bank raised rates to their highest level in six years on Thursday.

    Rates are at their highest level in six years, said the bank.

    The bank raised rates to their highest level in six years on Thursday.
    ```

    ## Fix safety
    The fix deletes the repeated sentence (or its paragraph, when it stands
    alone), the second copy of a doubled run, or a window's repeated opening. It is unsafe: the repeat may
    be deliberate emphasis, and which of two copies that differ in their
    punctuation to keep is a choice.
    """

    code = "D102"
    name = "repeated-sentence"
    category = "duplicate"
    fixable = "unsafe"
    Options = Options

    def check(self, document, context):
        if is_legal_file(document.path):
            return  # a LICENSE or NOTICE file bundles its parts' licences, each in the same words on purpose
        blocks = document.blocks
        starts = [b.start for b in blocks]
        paras = document.paragraphs
        copied = {paras[j].index for j in paragraph_matches(document)}
        seen: dict[str, tuple[int, int, int]] = {}
        near = _NearIndex(lambda: legal_phrases(document.text) < 2)  # a licence's clauses are alike by design
        text = document.text
        windows = self._windows(document, copied)  # in document order: their starts ascend
        yield from windows
        window_starts = [w.start for w in windows]
        for start, end, cut in _with_captions(document, blocks, starts):
            b = blocks[bisect_right(starts, start) - 1]
            if b.kind != "paragraph" or b.index in copied or document.in_code(start) or document.in_html_part(start):
                continue  # (a mail's HTML copy of its text is mail-furniture's whole)
            k = bisect_right(window_starts, start) - 1
            if k >= 0 and start < windows[k].end:
                continue  # inside a window's repeat, reported whole
            norm = normalize(text[start:end]).rstrip(_END_MARKS)  # a caption or a dek has no full stop
            alone = (start, end) == (b.start, b.end) and not b.piece  # a piece of a long line is running text
            inline = _inline_caption(text, start, end, b)  # a caption the page printed inside an article on one line
            if norm in seen:
                first, similar = seen[norm], False
                if visible_words(norm) < self.options.min_words:
                    continue
            else:  # words are counted only for repeats and near repeats: most sentences occur once
                seen[norm] = (start, end, b.index)
                # a near repeat is a caption or a pull quote standing alone: no full stop of its own (a dek, a
                # caption) or a quotation's closing mark; a reference's or a changelog's parallel sentences,
                # which end as sentences do, and lines of code are not rewritten copies
                caption = alone and text[start:end].rstrip()[-1:] not in ".!?:;" and not text[start:end].lstrip(
                    ).startswith(("<li>", "<li ")) and not any(  # (an item of a list in HTML markup, a procedure's step)
                    map(looks_like_code, text[start:end].splitlines())) and all(
                    map(document.continues, range(b.first_line + 1, b.last_line + 1)))  # one line, or wrapped
                if inline is not None:  # compared without its label, which the sentence it repeats has not
                    caption, norm = True, normalize(text[inline:end]).rstrip(_END_MARKS)
                # (a label found inside a sentence may be a clause's colon: "... an anchor in Orlando: Trump ...")
                first, similar = near.match(norm, (start, end, b.index), caption, alone,
                                            inline is not None and not cut), True
                if first is None:
                    continue
            found = self._repeat(document, blocks, starts, (start, end, b), first, norm, similar)
            if found is not None:
                yield found
        yield from self._stutters(document, copied)
        yield from self._alt_text_copies(document)

    def _alt_text_copies(self, document):
        """A picture's caption printed right after the picture, whose alternative text is the same words
        (`![Share previews with people outside your team](img.jpg)Share previews with people outside your team`):
        a page scraped to Markdown keeps both. The visible copy is reported."""
        text = document.text
        if "![" not in text:
            return
        for m in _ALT_COPY.finditer(text):
            if len(words(m.group("alt"))) < self.options.min_words or document.in_code(m.start()):
                continue
            c, d = m.start("copy"), m.end("copy")
            yield Diagnostic(c, d, f"Caption repeats the picture's alternative text ({len(words(text[c:d]))} words)",
                             fix=Fix.unsafe(Edit(m.end("address"), d), message="Delete the caption's copy"),
                             related=(self.related(document, m.start("alt"), m.end("alt"), "the alternative text"),))

    def _stutters(self, document, copied: set):
        """A run of words repeated right after itself on one line: a scraper's doubled caption ("1 of 7 Jane Doe at
        the premiere Photo: Example Jane Doe at the premiere Photo: Example")."""
        text, every = document.text, None
        for block in document.prose_runs:  # (an article stored on one line read whole: a copy may span its pieces)
            if block.index in copied:
                continue
            for _, ls, le in document.block_lines(block):
                for (a, b), (c, d) in _doubled(text, ls, le):
                    every = every if every is not None else _lowered_words(text)
                    if _copies(every, _lowered_words(text, a, b)) >= REFRAIN_COPIES:
                        continue  # a song's refrain, sung twice and again after each verse: the author's
                    gap = _WORD.search(text, b, c)  # words between the copies (a label) stay
                    start = c if gap else b
                    c = c if gap else b + len(text[b:c]) - len(text[b:c].lstrip())  # the copy and the punctuation
                    yield Diagnostic(c, d, f"Passage repeated right after itself ({len(words(text[c:d]))} words)",
                                     fix=Fix.unsafe(Edit(start, d), message="Delete the second copy"),
                                     related=(self.related(document, a, b, "first copy"),))

    def _windows(self, document, copied: set) -> list[Diagnostic]:
        """Paragraphs that open with the end of the paragraph before them (see _overlap)."""
        text, paras, found = document.text, document.paragraphs, []
        for before, after in zip(paras, paras[1:]):
            if before.index in copied or after.index in copied or after.index != before.index + 1:
                continue
            overlap = _overlap(text, before, after)
            if overlap is not None and not _in_address(text, before.start, *overlap[0]):
                (a, b), (c, d) = overlap
                count = len(words(text[c:d]))
                closing = text[b:before.end].rstrip()  # the stop after the words the paragraph before ends with
                if closing and text.startswith(closing, d):
                    d += len(closing)
                end = d + len(text[d:after.end]) - len(text[d:after.end].lstrip())
                found.append(Diagnostic(c, d, f"Paragraph opens with the last {count} words of the one before it",
                                        fix=Fix.unsafe(Edit(c, end), message="Delete the repeat"),
                                        related=(self.related(document, a, b, "first copy"),)))
        return found

    def _repeat(self, document, blocks, starts, later, first, norm: str, similar: bool):  # long: the pull-quote cases
        """The diagnostic for a sentence that repeats (or, `similar`, nearly repeats) an earlier one, or None."""
        text, paras = document.text, document.paragraphs
        start, end, b = later
        first_start, first_end, first_block = first
        if not same_section(document, first_start, start) or (similar and heading_starts(document)):
            return None  # documentation repeats a note under another heading, and writes parallel entries, on purpose
        if heading_starts(document) and captions_code(document, b) and captions_code(document, blocks[first_block]):
            return None  # documentation introduces two examples in the same words ("... using the `package` key:")
        if document.is_mail and all(indented_block(document.block_text(x)) or code_block(document.block_text(x))
                                    for x in (b, blocks[first_block])):
            return None  # output or code pasted into a message may print the same lines twice
        if similar and document.in_field_block(document.line_of(first_start)):
            return None  # a header's field (`Summary: ...`) that the body's first line says again
        if similar and _contents_and_heading(document, (first_start, first_end), (start, end)):
            return None
        alone = (start, end) == (b.start, b.end) and not b.piece
        first_alone = ((first_start, first_end) == (blocks[first_block].start, blocks[first_block].end)
                       and not blocks[first_block].piece)
        if first_alone and not alone and first_block == 0 and not ends_sentence(text[first_start:first_end]):
            return None  # the document's title, restated in its text (a review's citation names the books again)
        if first_alone and not alone and (first_block == paras[0].index > 0
                                          or _one_sentence_style(document, blocks, starts)):
            # the first paragraph under a headline is the article's lead, never a pull quote; and where
            # one-sentence paragraphs are the house style, the first is an ordinary paragraph: the later
            # occurrence is the repeat
            first_alone = False
        # an article stored on one line that prints a photo's caption rewritten from one of its sentences
        inline = similar and (_inline_caption(text, start, end, b) is not None
                              or _inline_caption(text, first_start, first_end, blocks[first_block]) is not None)
        if not alone and not first_alone and not inline:
            if similar or any(q in norm for q in QUOTE_MARKS):
                return None  # a quotation used twice in different contexts; a near copy inside prose is prose
            if len(words(norm)) < self.options.min_words_inside and not _from_dek(document, first_block):
                return None
        if alone and _page_heading(text, first_start, start, end, similar):
            return None  # a page's title under its breadcrumb's last item, or a heading that echoes the text
        if first_alone and alone and caption_first(text[first_start:first_end], text[start:end]):
            alone = False  # a photo's caption printed before the paragraph it was written from: the caption goes
        if first_alone and not alone:  # report the pull quote, wherever it stands
            start, end, b, first_start, first_end, first_block = (
                first_start, first_end, blocks[first_block], start, end, b.index)
            alone = True
        line = document.position(first_start)[0]
        if alone:
            edit = Edit(removal_start(document, b), b.end)
            what = "Paragraph (a pull quote or a caption?) " + ("nearly repeats" if similar else "repeats")
        else:
            # a piece of a long line is cut at sentence ends: the spaces around it belong to its line
            low, high = document.line_span(b.first_line) if b.piece else (b.start, b.end)
            before, after = start, _skip_space(text, end, high)
            while before > low and text[before - 1] in " \t":
                before -= 1
            if before > low and text[before - 1] == "\n" and (after == high or text[after] in "\r\n"):
                before -= 2 if text[before - 2:before] == "\r\n" else 1  # a whole line: its line break goes too
                edit = Edit(before, after)
            else:
                edit = Edit(before, end) if before > low else Edit(start, after)
            what = "Sentence (a photo's caption?) nearly repeats" if inline else "Sentence repeats"
        count = len(words(normalize(text[start:end])))
        return Diagnostic(start, end, f"{what} a sentence from line {line} ({count} words)",
                          fix=Fix.unsafe(edit, message="Delete the repeat"),
                          related=(self.related(document, first_start, first_end, "first occurrence"),))


def _with_captions(document, blocks, starts):
    """The document's sentences (start, end, and whether a caption's label cut the piece from its sentence), those
    of an article stored on one line cut where a caption opens inside them (repeats.captions_inside): a caption
    has no full stop, so the next one runs on from it."""
    text = document.text
    for start, end in document.sentences:
        b = blocks[bisect_right(starts, start) - 1]
        inside = b.piece and b.kind == "paragraph" and text.find(":", start, end) != -1
        cuts = captions_inside(text, start, end) if inside else []
        for a, z in zip([start, *cuts], [*cuts, end]):
            while z > a and text[z - 1].isspace():  # the space before the next caption is no part of this one
                z -= 1
            yield a, z, a != start


def _inline_caption(text: str, start: int, end: int, block) -> int | None:
    """Where the sentence of a caption that opens at `start` inside an article stored on one line begins, after
    its label (repeats.caption_label), or at `start` where its full stop stands apart (see _SPACED_STOP); None for
    any other sentence."""
    if not block.piece:
        return None
    label = caption_label(text, start)
    if label is None and _SPACED_STOP.search(text, start, end):
        return start
    return label


# A caption's full stop that a dataset's extraction set apart from its last word ("... face the charge of assault
# ."): the page printed the caption as its own element, with no full stop, and the record joined it to the text
# with " ." as it joined the story's bullet points.
_SPACED_STOP = lazyre.compile(r"(?<=[\w'’\")\]])[ \u00a0]\.\s*\Z")


def _from_dek(document, block: int) -> bool:
    """Whether a block is a web article's dek: its first paragraph of prose, right after the headline, in a text
    that is neither Markdown nor in sections. A sentence of it that the body says again is a leftover of the page
    (the dek and the body printed one after the other), however short; documentation's summary is its own."""
    paras = document.paragraphs
    if not (paras and paras[0].index == block and block > 0 and document.blocks[block - 1].kind == "headline"):
        return False
    dek = document.block_text(paras[0])
    return ((ends_sentence(dek) or bool(SENTENCE_BREAK.search(dek)))  # a title the body opens with is no dek
            and not document.markdown and not heading_starts(document))


# A near repeat: a caption or a pull quote rewritten from a sentence of the text ("The father went to bed and it was
# only when he checked his phone ..." / "Assuming he had won, the father of three went to bed and it was only when
# he checked his phone ..."). Runs of NEAR_GRAM words shared with an earlier sentence cover NEAR_COVERAGE of the
# sentence and NEAR_COVERAGE_EARLIER of the earlier one; one of the two stands alone as a paragraph.
NEAR_GRAM = 6
PULL_QUOTE_CANDIDATES = 3  # earlier sentences, those sharing the most runs, that a pull quote is looked for in
NEAR_MIN_WORDS = 10
NEAR_COVERAGE = 0.75
NEAR_COVERAGE_EARLIER = 0.4
# A caption reworded from a clause of a longer sentence ("The supermarket worker then kept his amazing news a
# secret for a week" / "But the down-to-earth supermarket worker kept his news a secret for a week, even ..."):
# words that close up the caption's runs break its six-word runs. The caption's words, in order, make
# PARAPHRASE_SHARE of it, and the words of the sentence they are found in lie within PARAPHRASE_SPAN times the
# caption's length (one clause, not words strewn over a paragraph). Candidates share PARAPHRASE_GRAM-word runs.
PARAPHRASE_GRAM = 3
PARAPHRASE_SHARE = 0.75  # as NEAR_COVERAGE
PARAPHRASE_SPAN = 1.5
# A caption that an article stored on one line prints among its sentences, known as one by its label ("Taking a
# look: ...") or its full stop set apart (see _SPACED_STOP), is a caption for certain: the share it needs is lower.
# Daily Mail records of cnn_dailymail (a labelled sample: 2 + 4 more labelled repeats found at 0.6, none wrong; the
# same share for any caption took headlines and prompts written from a sentence of the text).
INLINE_PARAPHRASE_SHARE = 0.6


class _NearIndex:
    """The earlier sentences of a document by their word n-grams, to find near repeats."""

    def __init__(self, rewording=lambda: True):
        self._rewording = rewording  # whether to look for reworded captions too (see PARAPHRASE_SHARE), asked once
        self.reworded = None
        self.grams: dict[tuple, list[int]] = {}
        self.short_grams: dict[tuple, list[int]] = {}
        self._indexed = 0  # sentences in short_grams
        self.sentences: list[tuple] = []  # (span, word count, alone, normalised text)

    def match(self, norm: str, span: tuple, alone: bool, paragraph: bool = False, inline: bool = False
              ) -> tuple | None:
        """The earlier sentence this one nearly repeats, or None. `alone`: a caption (a paragraph with no full stop
        of its own); `paragraph`: a paragraph of one sentence, which may be a pull quote; `inline`: a caption
        printed inside an article stored on one line (see INLINE_PARAPHRASE_SHARE)."""
        tokens = words(norm)
        grams = [tuple(tokens[i:i + NEAR_GRAM]) for i in range(len(tokens) - NEAR_GRAM + 1)]
        # two links to one site share its address, not a sentence ("[GitHub release](https://x.org/tag/v2.1)"); two
        # frames of a traceback share their file's path
        near = (len(tokens) >= NEAR_MIN_WORDS and not mostly_addresses(norm)
                and len(_ESCAPE.findall(norm)) < ESCAPES)  # (quoted-printable's bytes: `=e4=ba=8e2022=e5=b9=b4`)
        found = self._near(tokens, grams, alone, norm, paragraph) if near else None
        if found is None and alone and near and _plain_prose(norm):
            if self.reworded is None:
                self.reworded = self._rewording()
            if self.reworded:
                found = self._reworded(tokens, INLINE_PARAPHRASE_SHARE if inline else PARAPHRASE_SHARE)
        n = len(self.sentences)
        self.sentences.append((span, len(tokens), alone, norm))
        for gram in set(grams):
            self.grams.setdefault(gram, []).append(n)
        return found

    def _short_grams(self) -> dict[tuple, list[int]]:
        """The earlier sentences by their runs of PARAPHRASE_GRAM words, indexed when a caption first asks (most
        documents have none)."""
        for n in range(self._indexed, len(self.sentences)):
            tokens = words(self.sentences[n][3])
            for gram in {tuple(tokens[i:i + PARAPHRASE_GRAM]) for i in range(len(tokens) - PARAPHRASE_GRAM + 1)}:
                self.short_grams.setdefault(gram, []).append(n)
        self._indexed = len(self.sentences)
        return self.short_grams

    def _reworded(self, tokens: list[str], share: float) -> tuple | None:
        """An earlier sentence of prose that this caption rewords (see PARAPHRASE_SHARE). Only a caption after the
        text it rewords: a headline or a subheading before a paragraph sums it up in other words, as writers do."""
        index = self._short_grams()
        short = {tuple(tokens[i:i + PARAPHRASE_GRAM]) for i in range(len(tokens) - PARAPHRASE_GRAM + 1)}
        shared: Counter = Counter(n for gram in short for n in index.get(gram, ()))
        for n, count in shared.most_common(3):
            earlier, _, earlier_caption, earlier_norm = self.sentences[n]
            caption, other = tokens, words(earlier_norm)
            if (count < 2 or earlier_caption or numbers_only(earlier_norm, " ".join(tokens))
                    or not _plain_prose(earlier_norm)):
                continue  # (two captions alike are parallel entries: "This product includes software from X")
            blocks = [m for m in SequenceMatcher(None, caption, other, autojunk=False).get_matching_blocks() if m.size]
            same = sum(m.size for m in blocks)
            if blocks and same >= share * len(caption) and (
                    blocks[-1].b + blocks[-1].size - blocks[0].b <= PARAPHRASE_SPAN * len(caption)):
                return earlier
        return None

    def _near(self, tokens: list[str], grams: list[tuple], alone: bool, norm: str, paragraph: bool) -> tuple | None:
        """An earlier sentence whose runs of NEAR_GRAM words cover this one (see NEAR_COVERAGE)."""
        shared: dict[int, set[int]] = {}
        for i, gram in enumerate(grams):
            for n in self.grams.get(gram, ()):
                shared.setdefault(n, set()).add(i)
        pull_quote = paragraph and not alone and _plain_prose(norm)
        for rank, (n, positions) in enumerate(sorted(shared.items(), key=lambda item: -len(item[1]))):
            earlier, count, earlier_alone, earlier_norm = self.sentences[n]
            if numbers_only(earlier_norm, norm):
                continue  # "The 14.x release line ..." / "The 12.x release line ...": entries of a series
            covered = len({i + k for i in positions for k in range(NEAR_GRAM)})
            if ((alone or earlier_alone) and covered >= NEAR_COVERAGE * len(tokens)
                    and covered >= NEAR_COVERAGE_EARLIER * count):
                return earlier
            if (pull_quote and rank < PULL_QUOTE_CANDIDATES and not earlier_alone
                    and _quoted_from(tokens, earlier_norm) and _plain_prose(earlier_norm)):
                return earlier  # a pull quote: a clause of the earlier sentence, word for word, standing alone
        return None


_NUMBERED = lazyre.compile(r"[ \t]*\d{1,2}[.)][ \t]")


def _contents_and_heading(document, first: tuple[int, int], later: tuple[int, int]) -> bool:
    """Whether two near copies are an entry of a page's table of contents and the heading of the section it names:
    one opens a numbered line (`5. The Galaxy S10's screen is lovely and design slick with a minor catch`), the
    other is a line of its own with no sentence's end (`The Samsung Galaxy S10's screen is lovely and design slick,
    with a minor catch`)."""
    numbered = [bool(_NUMBERED.match(document.line_text(document.line_of(a)))) for a, _ in (first, later)]
    if numbered[0] == numbered[1]:
        return False
    a, b = later if numbered[0] else first
    line = document.line_of(a)
    return document.line_text(line).strip() == document.text[a:b].strip() and not ends_sentence(document.text[a:b])


def _quoted_from(tokens: list[str], earlier_norm: str) -> bool:
    """Whether the sentence's words stand in the earlier sentence word for word, in one run."""
    other = words(earlier_norm)
    n = len(tokens)
    return any(other[i:i + n] == tokens for i in range(len(other) - n + 1) if other[i] == tokens[0])


_MARKUP = lazyre.compile(r"://|::|\]\(|[<>{}\[\]|`#=*_]")
_PLAIN_WORD = lazyre.compile(r"[\"'“‘(]*[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*[.,;:!?\"'”’)]*")
PLAIN_SHARE = 0.8  # of a sentence's words, plain words (no figures, code, addresses) for it to be read as prose


def _plain_prose(norm: str) -> bool:
    """Whether a sentence reads as plain prose, not markup, code, a list of links or a table row: no markup
    characters, and PLAIN_SHARE of its words are words of letters. Only such sentences are compared as reworded
    copies (documentation's badges and tables of contents share runs of words by their shape)."""
    tokens = norm.split()
    return (not _MARKUP.search(norm) and bool(tokens)
            and sum(bool(_PLAIN_WORD.fullmatch(t)) for t in tokens) >= PLAIN_SHARE * len(tokens))


# A line left in quoted-printable (`Jan Kiszka <jan@example.org> =E4=BA=8E2022=E5=B9=B46=E6=9C=8810=E6=`): its
# escapes' hexadecimal reads as words, alike in any two such lines. ESCAPES or more escapes: no sentence to compare.
_ESCAPE = lazyre.compile(r"=[0-9a-f]{2}")
ESCAPES = 3

STUTTER_MIN_WORDS = 8  # a passage of eight words or more, as a repeated sentence: shorter runs doubled may be a
# figure of speech ("very, very", "bye bye")


WINDOW_MAX = 200  # words: the longest overlap of two windows looked for (those seen ran 20-65 words)
_WINDOW_CHARS = WINDOW_MAX * 40  # characters that surely hold a paragraph's last WINDOW_MAX words
_OPENING_CHARS = 400  # characters read for a paragraph's first words (those of a window must all end the one before)


# A Markdown picture whose alternative text the page printed again as its visible caption, right after it.
# The copy ends its line: not a longer caption that opens with the same words.
_ALT_COPY = lazyre.compile(r"!\[(?P<alt>[^\[\]\n]{20,300})\](?P<address>\((?:[^()\s]|\([^()\s]*\))*\))"
                           r"[ \t]*(?P<copy>(?P=alt))(?=[" + re.escape(SENTENCE_ENDS) + r"]?[ \t]*(?:\r?\n|$))")


def _in_address(text: str, low: int, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a Markdown link's address (`[![Title](img.png)](https://example.com/
    title-of-the-post/)` over `[**Title of the post**](...)`: a page's card, its address's words no window)."""
    opening = text.rfind("](", low, start)
    return opening != -1 and not any(c.isspace() or c == ")" for c in text[opening + 2:end])


def _overlap(text: str, before, after):
    """((start, end) in `before`, (start, end) in `after`) when the paragraph `after` opens with the last
    STUTTER_MIN_WORDS to WINDOW_MAX words of the paragraph `before`, compared as lower-cased words: a scraper that
    cut a page into overlapping windows (`... as DB announced the selling of 8 billion euros worth of stock.` / `in
    May of 2014, the scramble for liquidity continued as DB announced the selling of 8 billion euros ...`). The
    longest such overlap, short of the whole later paragraph; the paragraph before keeps STUTTER_MIN_WORDS words
    of its own (a heading or a title restated by the text under it is no window: `How to apply the Apache License
    to your work.` / `To apply the Apache License to your work, attach ...`)."""
    opener = _WORD.search(text, after.start, after.end)
    ending = text[max(before.start, before.end - _WINDOW_CHARS):before.end]
    if opener is None:
        return None
    ending = ending.lower()
    firsts = _WORD.findall(text, opener.start(), min(after.end, opener.start() + _OPENING_CHARS))
    if any(word.lower() not in ending for word in firsts[:STUTTER_MIN_WORDS]):
        return None  # the later paragraph's first words are not among the last words of the one before: no window
    head = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, before.start, before.end)]
    tail = []
    for m in _WORD.finditer(text, after.start, after.end):
        tail.append((m.start(), m.end(), m.group().lower()))
        if len(tail) > WINDOW_MAX:
            break
    if not tail:
        return None
    first = len(head) - min(WINDOW_MAX, len(head) - STUTTER_MIN_WORDS, len(tail) - 1)  # the longest one first
    ends = [w for _, _, w in head[max(first, 0):]]
    opening = [w for _, _, w in tail]
    for n, word in enumerate(ends):
        k = len(ends) - n
        if k >= STUTTER_MIN_WORDS and word == opening[0] and ends[n:] == opening[:k]:
            return (head[-k][0], head[-1][1]), (tail[0][0], tail[k - 1][1])
    return None


def _doubled(text: str, start: int, end: int):
    """((start, end) of the first copy, (start, end) of the second) for each run of STUTTER_MIN_WORDS words or
    more that the line text[start:end] repeats right after itself, compared as lower-cased words; what lies
    between the two copies is no more than punctuation and spaces, or a label glued to a copy (see
    _glued_label)."""
    words_ = [w.lower() for w in _WORD.findall(text, start, end)]
    if len(set(zip(*(words_[k:] for k in range(STUTTER_MIN_WORDS))))) == max(len(words_) - STUTTER_MIN_WORDS + 1, 0):
        return  # no run of STUTTER_MIN_WORDS words comes twice in the line (most lines): nothing is doubled
    tokens = [(m.start(), m.end(), w) for m, w in zip(_WORD.finditer(text, start, end), words_)]
    at: dict[str, list[int]] = {}  # each word's positions, in order: a copy of length k starts with words_[i + k]
    for n, w in enumerate(words_):
        at.setdefault(w, []).append(n)
    i, n = 0, len(tokens)
    while i < n:
        found = _copy_at(words_, at, i)
        if found is not None:
            k, gap = found
            between = text[tokens[i + k - 1][1]:tokens[i + k + gap][0]]
            if (_glued_label(between) if gap else not between.strip(" \t.,;:—–-'\"’”")):
                yield (tokens[i][0], tokens[i + k - 1][1]), (tokens[i + k + gap][0], tokens[i + 2 * k + gap - 1][1])
                i += 2 * k + gap
                continue
        i += 1


STUTTER_GAP = 2  # words a doubled passage's copies may have between them: a label glued there, a caption printed
# twice around its byline's role ("(Left to right) Sen. Jane Roe ... .staff writer(Left to right) Sen. Jane Roe ...")
# The label is glued to a copy, with no space (a scraper joined the page's blocks: "....\xa0staff writerMembers of
# ..."): with spaces on both sides, the words between are the author's ("... factors that may influence the model.
# Accordingly, we identify three factors that may influence ..."), and so are other marks ("a/include/...
# b/include/...", a Markdown link whose text is its address).
_LABEL_BETWEEN = lazyre.compile(r"([.,;:!?)\]”’\"']*)(\s*)[^\W\d_]+(?:[ \t][^\W\d_]+)?(\s*)[(\[“‘\"']*")


def _glued_label(between: str) -> bool:
    """Whether the text between two copies is a label of one or two words glued to either copy (see above)."""
    m = _LABEL_BETWEEN.fullmatch(between)
    return m is not None and not (m.group(2) and m.group(3))


def _copy_at(words_: list[str], at: dict, i: int) -> tuple[int, int] | None:
    """(length, gap) of the copy of the run that starts at word i, repeated after at most STUTTER_GAP other words:
    the shortest of STUTTER_MIN_WORDS words or more, the closest first."""
    n = len(words_)
    positions = at[words_[i]]
    for p in range(bisect_right(positions, i + STUTTER_MIN_WORDS - 1), len(positions)):  # (no copy of a long list)
        j = positions[p]
        if j - i - STUTTER_GAP > min(_STUTTER_MAX, (n - i) // 2):
            break
        for gap in range(min(STUTTER_GAP, j - i - STUTTER_MIN_WORDS) + 1):
            k = j - i - gap
            if k <= min(_STUTTER_MAX, (n - i - gap) // 2) and words_[i:i + k] == words_[j:j + k]:
                return k, gap
    return None


# A run that the document holds this many times or more is a refrain (a song's lyrics sing `Do you think about me
# Like I think about you` twice after each verse: a page of lyrics in a blind set), not a scraper's doubled caption,
# which is printed twice in one place and nowhere else.
REFRAIN_COPIES = 3


def _lowered_words(text: str, start: int = 0, end: int | None = None) -> str:
    """The words of text[start:end], lower-cased, each with a space before and after (so that a run of them is
    found as a substring only at word boundaries)."""
    found = _WORD.findall(text, start, len(text) if end is None else end)
    return " " + " ".join(w.lower() for w in found) + " "


def _copies(words_: str, run: str) -> int:
    """How many times `run` stands in `words_` (both as _lowered_words gives them), copies that share the space
    between them counted apart, up to REFRAIN_COPIES."""
    count, i = 0, words_.find(run)
    while i != -1 and count < REFRAIN_COPIES:
        count, i = count + 1, words_.find(run, i + 1)
    return count


_STUTTER_MAX = 60  # words: a longer copy is a repeated passage (repeated-passage's)
_WORD = lazyre.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _one_sentence_style(document, blocks, starts) -> bool:
    """Whether at least half of four or more paragraphs are a single sentence (as in much news writing), so
    that a sentence standing alone is an ordinary paragraph rather than a pull quote."""
    return document.analysis(_OneSentenceStyle)


class _OneSentenceStyle:
    @staticmethod
    def compute(document) -> bool:
        blocks = document.blocks
        starts = [b.start for b in blocks]
        count = Counter(blocks[bisect_right(starts, start) - 1].index for start, _ in document.sentences)
        paras = document.paragraphs
        single = sum(count[p.index] == 1 for p in paras)
        return len(paras) >= 4 and single * 2 >= len(paras)


def _skip_space(text: str, i: int, limit: int) -> int:
    while i < limit and text[i] in " \t":
        i += 1
    return i


HEADING_WORDS = 12  # the most words of a page's title or of a section's heading
_LIST_MARK_BEFORE = lazyre.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)]|[-*+\u2022])[ \t]+$")


def _page_heading(text: str, first_start: int, start: int, end: int, similar: bool) -> bool:
    """Whether a paragraph of one short line (HEADING_WORDS words at most) that repeats an earlier sentence is a
    page's heading, not a pull quote: the earlier copy is an item of a list (the breadcrumb above a page's title:
    `5. How We Keep Pests Out of the Garden (Naturally!)` / `How We Keep Pests Out of the Garden (Naturally!)`),
    or, a near copy, it is written in title case, as headings are and pull quotes are not (`Find the Best Mattress
    for the Side Sleepers in Your Life` over a section that says `finding the best mattress for the side sleepers
    in your life`)."""
    line = text[start:end]
    if "\n" in line.strip() or len(line.split()) > HEADING_WORDS:
        return False
    if _LIST_MARK_BEFORE.search(text, max(0, first_start - 12), first_start):
        return True
    long = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return similar and len(long) >= 3 and all(w[0].isupper() for w in long)

