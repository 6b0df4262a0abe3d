from __future__ import annotations

import re
from dataclasses import dataclass

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule, option

# A teaser flattened into the running text: a label, a colon and another story's headline, which ends where the
# link ended: at a question mark, or at " ." (news datasets write a space and a full stop where a line without
# punctuation ended: "Read more: Democracy was the real winner .", "First Person: Caught in grief's riptide .").
# The label is a few capitalised words or a quoted series name ("'Finding Jesus':"), never a speaker's name in
# capitals ("SMITH:") nor "Q"/"A" of an interview.
_TEASER = re.compile(
    r"(?P<label>(?:[A-Z][a-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}|['‘\"“][A-Z][^'’\"”\n]{1,30}['’\"”]))"
    r":\s+(?P<headline>[A-Z0-9\"'“‘][^.?!\n]{2,110}?(?:\s\.|\?))(?=\s+[A-Z\"'“‘(]|\s*$)")
_LINE_END_MARK = re.compile(r"\S\s\.(?=\s|$)")  # " ." where a line without punctuation ended


@dataclass(frozen=True)
class Options:
    max_headline_words: int = option(14, "The longest headline after the label.")
    max_marks: int = option(4, "A text with more lines that ended without punctuation (` .`) than this is a list or "
                                "a guide broken by subheadings (`Mermaid Bar: Secret escape .`), not an article "
                                "with teasers: it is not read.")


class InlineTeaser(Rule):
    """A teaser for another story flattened into the running text: `Read more: <headline> .`

    ## What it does
    In text whose lines were joined (a dataset's articles stored on one
    line), a link to another story stays as a sentence of its own: a short
    label and a colon, then the other story's headline, ending where the
    link ended, at a question mark or at ` .` (the mark such datasets leave
    where a line had no punctuation): `Read more: Who is Nigeria's Muhammadu
    Buhari?`, `Opinion: Why we crave the abuse of Jeremy Clarkson .`,
    `'Finding Jesus': Shroud of Turin Q&A .`. It is read inside a line,
    after another sentence (a teaser opening a line is `story-teaser`'s).
    Speakers' labels in capitals (`SMITH:`), an interview's `Q:` and text
    broken by more than `max-marks` such line ends (a guide's subheadings)
    are left alone.

    ## Why is this bad?
    Another story's headline in the middle of this one breaks its text and
    repeats across every story that links to it.

    ## Example
    ```
    ... a tough regime. Read more: Who is Nigeria's Muhammadu Buhari? Violent protests after the vote ...
    ```

    ## Fix safety
    The fix deletes the label and the headline. It is unsafe: where a
    headline ends is read from punctuation that the text's own sentences use
    too.
    """

    code = "S104"
    supersedes = frozenset({"S111", "S112", "S113", "S114"})  # the same leftover read by its wording: one finding
    name = "inline-teaser"
    category = "source-tag"
    fixable = "unsafe"
    Options = Options

    def check(self, document, context):
        text = document.text
        if ":" not in text or len(_LINE_END_MARK.findall(text)) > self.options.max_marks:
            return
        for block in document.prose_runs:
            body = text[block.start:block.end]
            for m in re.finditer(r"""[.!?…]["'”’)\]]*\s+""", body):
                t = _TEASER.match(body, m.end())
                if t is None or "\n" in body[m.start():m.end()]:
                    continue  # a teaser opening a line is story-teaser's
                label = t.group("label").strip("'‘\"“’”")
                if label.isupper() or len(label) < 2 or len(t.group("headline").split()) > self.options.max_headline_words:
                    continue
                a, b = block.start + t.start(), block.start + t.end()
                start = a
                while start > block.start and text[start - 1] in " \t":
                    start -= 1
                shown = text[a:b] if b - a <= 60 else text[a:a + 59] + "\u2026"
                yield Diagnostic(a, b, f'Teaser for another story inside the text: "{shown}"',
                                 fix=Fix.unsafe(Edit(start, b), message="Delete the teaser"))
