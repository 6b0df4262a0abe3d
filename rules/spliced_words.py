from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule, option
from doclint.text import SCRIPTS, ends_sentence

# A character beyond Latin, its combining marks, punctuation and letterlike symbols: a document without one has no
# words in another script (a cheap screen before the scripts' own classes).
_BEYOND_LATIN = re.compile("[^\x00-\u036f\u2000-\u214f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")


@lru_cache(maxsize=1)
def _scripts() -> dict:
    return {name: re.compile(f"[{letters}]+(?:[ \u3000]+[{letters}]+){{0,3}}") for name, letters in SCRIPTS.items()}


@dataclass(frozen=True)
class Options:
    max_share: float = option(0.02, "A script is foreign to a document when it writes at most this share of the "
                                    "document's letters.")
    max_words: int = option(4, "The longest run of foreign words reported (a longer one is a quotation or a "
                               "paragraph: off-topic-paragraph's).")


class SplicedWords(Rule):
    """Words in another script wedged into the text's sentences: spam keywords.

    ## What it does
    Flags what a spammer splices into running text to feed keywords to search
    engines: a run of one to `max-words` words in a script the document otherwise
    hardly uses (at most `max-share` of its letters), wedged into a sentence:
    the sentence goes on after it in lower case, and before it stands a
    lower-case word, or the break of a wrapped line (Korean keywords in an
    English page). Only prose is read (not lists, tables or code), and a run
    that opens with a capital (a name, in a script with capitals) is left
    alone, as are a name beside its transcription, in brackets, and a
    quotation.

    ## Why is this bad?
    Spliced words are not the author's: they break the sentence they sit in,
    and they are how spam pages feed keywords to search engines.

    ## Example
    ```
    Fresha is active in 120 countries, and we have booked 700 million appointments
    출장마사지 around the globe.
    ```

    ## Fix safety
    The fix deletes the words. It is unsafe: which words were wedged in is
    read from their shape.
    """

    code = "T102"
    name = "spliced-words"
    category = "off-topic"
    fixable = "unsafe"
    Options = Options

    def check(self, document, context):
        text = document.text
        if not _BEYOND_LATIN.search(text):
            return
        latin = sum(map(len, _LATIN.findall(text)))
        for name, pattern in _scripts().items():
            runs = [m for m in pattern.finditer(text)]
            letters = sum(len(m.group().replace(" ", "")) for m in runs)
            if not runs or letters > self.options.max_share * (latin + letters):
                continue
            for m in runs:
                if len(m.group().split()) > self.options.max_words or not _wedged(text, m.start(), m.end()):
                    continue
                if m.group()[0].isupper() or not _in_prose(document, m.start()):
                    continue  # a name (capitalised in a script with capitals), or a list's, a table's, code's
                yield Diagnostic(m.start(), m.end(), f'Words in another script ({name}) wedged into the text: '
                                                     f'"{m.group()}"', fix=Fix.unsafe(_deletion(text, m.start(), m.end()),
                                                                                     message="Delete the words"))


def _wedged(text: str, start: int, end: int) -> bool:
    """Whether a run of foreign words is wedged into a sentence: the text goes on after it in lower-case Latin
    words, and before it is a lower-case Latin word, or a line break where no sentence ended (the run opens the
    next line of a wrapped sentence). A name in its own script beside its transcription, in brackets or in a
    list (`**Сковорода Никита** <email>`), and a quotation are not."""
    after = re.match(r"[ \t]+([a-z][a-z'’-]*)\b", text[end:end + 40])
    if after is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if before.strip():
        return bool(re.search(r"\b[a-z][a-z'’-]*[ \t]+$", before))
    previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:max(0, line_start - 1)]
    return bool(previous.strip()) and not ends_sentence(previous, introduces=True)


def _in_prose(document, offset: int) -> bool:
    import bisect

    runs = document.prose_runs
    n = bisect.bisect_right([b.start for b in runs], offset) - 1
    return n >= 0 and runs[n].start <= offset < runs[n].end


def _deletion(text: str, start: int, end: int) -> Edit:
    """The words and one space next to them."""
    if end < len(text) and text[end] == " ":
        return Edit(start, end + 1)
    if start > 0 and text[start - 1] == " ":
        return Edit(start - 1, end)
    return Edit(start, end)
