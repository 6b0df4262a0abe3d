from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix

from doclint.repeats import removal_start
from doclint.rule import Rule, option
from doclint.text import ends_sentence

# A caption as some news sites print it under a photo, scraped into the text as a paragraph of its own: a few
# words that sum the picture up, a colon, then a sentence describing it, with no full stop ("Grief: Dorian
# Johnson leaves the funeral at the Friendly Temple", "Mean machine: Batman and Robin's flashy transportation has
# evolved considerably over the years"). The label opens with a capital, its other words (up to four in all) are in
# lower case (not a name, an outlet or a speaker in capitals: "CDC:", "COOPER:", "Rex Tillerson:"), or it is a
# quotation ("'You lucky son of a b****': The group marvel at the helmet").
_CAPTION = lazyre.compile(r"(?P<label>[A-Z][a-z'’]+(?: [a-z'’]+){0,3}|['‘][A-Z][^'‘’\n]{1,40}['’]): "
                          r"(?P<text>[A-Z0-9\"'‘“].*)")
# Labels of a record's fields, an interview's or a guide's: a page lists them, one a line, with no full stop
# ("When: Saturday at 7 pm in the old town hall", "Source: ...", "Step two: ..."); they are no captions.
# Examples: "Where", "Tickets", "Note", "Question", "Update".
FIELD_LABELS = frozenset("""when where who what why how date dates time times place venue location address tickets
ticket cost costs price prices admission contact phone email e-mail website web web site source sources credit
credits photo photos image images picture pictures video note notes update updates editor's question answer step
tip tips warning caution important summary conclusion example examples definition keywords tags category
categories topic topics subject posted filed published author authors by read related more""".split())


@dataclass(frozen=True)
class Options:
    min_captions: int = option(3, "The fewest captions a document must hold, each under a label of its own: a "
                                  "page that prints its photos' captions so prints several (4 to 7 in the pages "
                                  "seen), one such line alone is as often a subheading.")
    min_words: int = option(6, "The fewest words of a caption's description, after its label.")
    max_words: int = option(60, "The most words of a caption's description.")


class PhotoCaption(Rule):
    """Photo captions that a news page printed under its pictures, left in the text: `Grief: Dorian Johnson
    leaves the funeral`.

    ## What it does
    Flags paragraphs that are each one line shaped as some news sites
    print a photo's caption: a label of one to four words (a capital,
    then lower case: `Grief`, `Mean machine`, `Ringing in the ears`) or a
    quotation (`'You lucky son of a gun':`), a colon,
    and a description of `min-words` to `max-words` words that ends with
    no full stop. It reads a document only when it holds `min-captions`
    such paragraphs or more, each label different (a transcript's or an
    FAQ's labels repeat: `Q:`, `Questioner:`), standing apart among the
    story's paragraphs rather than in one run (a record's fields stand
    together: `When: ...`, `Where: ...`); labels that name a field,
    an interview's part or a guide's (`Note`, `Question`, `Step`,
    `Tickets`, `FIELD_LABELS` in the module) and labels in capitals or
    with a capitalised second word (a speaker, an outlet, a headline's
    subject: `COOPER:`, `Rex Tillerson:`) are never captions. Markdown
    files and mail are not read.

    ## Why is this bad?
    A caption describes a picture the text no longer has; scraped into the
    story it breaks its paragraphs with sentences that repeat or anticipate
    them, and a model trained on it learns to write them.

    ## Example
    ```
    The casket was carried to the church on Monday morning.

    Grief: Dorian Johnson, a key witness, leaves the funeral at the Friendly Temple

    Hundreds of mourners lined the streets.
    ```

    ## Fix safety
    The fix deletes the caption's paragraph. It is unsafe: the caption is
    told by its shape, and a label that opens the author's own sentence
    (`Result: the council kept the libraries open`) has the same shape.
    """

    code = "S106"
    name = "photo-caption"
    category = "source-tag"
    fixable = "unsafe"
    Options = Options

    def check(self, document, context):
        if document.markdown or document.is_mail or ": " not in document.text:
            return
        paragraphs = [b for b in document.blocks if b.kind == "paragraph" and b.first_line == b.last_line]
        found = [b for b in paragraphs if self._caption(document.block_text(b).strip())]
        if len(found) < self.options.min_captions:
            return
        labels = Counter(_CAPTION.match(document.block_text(b).strip())["label"].lower() for b in found)
        if any(n > 1 for n in labels.values()):
            return  # a label used twice: a transcript's or an FAQ's speakers, not captions
        if all(b.index == a.index + 1 for a, b in zip(found, found[1:])):
            return  # all in one run: a record's fields or a list, not captions among a story's paragraphs
        for block in found:
            body = document.block_text(block)
            a = block.start + len(body) - len(body.lstrip())
            b = block.start + len(body.rstrip())
            shown = document.text[a:b] if b - a <= 60 else document.text[a:a + 59] + "\u2026"
            yield Diagnostic(a, b, f'Photo caption left in the text: "{shown}"',
                             fix=Fix.unsafe(Edit(removal_start(document, block), block.end),
                                            message="Delete the caption"))

    def _caption(self, line: str) -> bool:
        m = _CAPTION.fullmatch(line)
        label = m["label"].lower() if m else ""
        if m is None or ends_sentence(line) or label in FIELD_LABELS or label.split()[0] in FIELD_LABELS:
            return False
        return self.options.min_words <= len(m["text"].split()) <= self.options.max_words
