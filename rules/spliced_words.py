from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule, option
from doclint.layout import LIMITS, wraps
from doclint.repeats import removal_start
from doclint.text import SCRIPTS, SENTENCE_BREAK, SENTENCE_ENDS, ends_sentence

# A character beyond Latin, its combining marks, punctuation and letterlike symbols: a document without one has no
# words in another script (a cheap screen before the scripts' own classes).
_BEYOND_LATIN = lazyre.compile("[^\x00-\u036f\u2000-\u214f]")
_LATIN = lazyre.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")


@lru_cache(maxsize=1)
def _scripts() -> dict:
    return {name: lazyre.compiled_now(f"[{letters}]+(?:[ \u3000]+[{letters}]+){{0,3}}")
            for name, letters in SCRIPTS.items()}


@dataclass(frozen=True)
class Options:
    max_share: float = option(0.02, "A script is foreign to a document when it writes at most this share of the "
                                    "document's letters.")
    max_words: int = option(4, "The longest run of foreign words reported (a longer one is a quotation or a "
                               "paragraph: off-topic-paragraph's).")


class SplicedWords(Rule):
    """Words wedged into the text's sentences: spam keywords in another script, a link's text.

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

    Also a link's text left where a spun page linked from inside a sentence,
    its address dropped: a line of three words or more ends mid-sentence on a
    lower-case word without being filled to a wrap width (`Secondly, our
    flower`), and the next line opens with up to four plain words glued with no
    space to the sentence's next word (`Get the factsshipment solution makes
    ...`): a word of five letters or more that the document uses twice or more
    elsewhere, inside a glued whole it never uses, and the sentence goes on in
    lower case after it. Only in a text that keeps a paragraph to a line
    (its typical line longer than a wrap width, half its lines ending a
    sentence): a text hard-wrapped at 100 or 120 characters ends most lines
    mid-sentence, some short of the width. The texts spun pages give their
    links (`why not try this out`, `discover this info here`, `check this`,
    `official website`: `SPAM_ANCHORS`) are known, and read so glued to a
    short word (`check thisyour emotions`) or, when they name a link and
    nothing else, with their space kept (`official website preserving
    composure`), also under a short line in a text whose paragraphs stand
    on long lines between short headings; in a text that keeps a paragraph
    to a line, a known text of two words or more is read with its space
    kept too, the sentence going on in lower case after it (`in direction
    of assignment` / `see this website writing.`).

    And a sentence that sends the reader to a site (`visit`, `check out`,
    `head to`, `go to` and an address) standing inside a paragraph of prose,
    eight words or more of the paragraph on each side
    (`PROMOTION_CONTEXT`), where the site's name is nowhere else in the
    document: a spam link sold on a page (`... of all time. If you want to
    check some good card games, visit Cardsguy.com. Going through ...`). Not
    in Markdown or e-mail, where links are the author's.

    And, in any text but e-mail, the sentences spun spam pages and comments
    carry to sell a link, their words swapped for synonyms by a spinner:
    `If you have any sort of questions concerning where and how you can
    utilize <keyword>, you can call us at our own web site.`, `If you liked
    this short article and you would like to receive more info regarding
    <keyword> kindly visit our own web-page.` (where-and-how, or wanting more
    information, then our own web site, in one sentence).

    ## Why is this bad?
    Spliced words are not the author's: they break the sentence they sit in,
    and they are how spam pages feed keywords to search engines.

    ## Example
    ```
    Fresha is active in 120 countries, and we have booked 700 million appointments
    출장마사지 around the globe.

    Secondly, our flower
    Get the factsshipment solution makes certain timely shipment.
    ```

    ## Fix safety
    The fix deletes the words (a link's text with the line break before it,
    joining the sentence: `our flower shipment solution`), or the promotional
    sentence. It is unsafe: which words were wedged in is read from their
    shape.
    """

    code = "T102"
    name = "spliced-words"
    category = "off-topic"
    fixable = "unsafe"
    Options = Options

    def check(self, document, context):
        yield from _link_texts(document)
        yield from _promotions(document)
        yield from _spun(document)
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


ANCHOR_WORDS = 4  # the longest link text read as wedged ("Get the facts", "view it", "webpage": one to three)
GLUED_TAIL = 5  # letters of the sentence's next word, at least: shorter tails (`ski`, `and`, `ada`) end names and
# words of any language by chance
_GLUE_TOKEN = lazyre.compile(r"\S+")
_WORD_KEY = lazyre.compile(r"[a-z]+(?:['’][a-z]+)?")
_GLUED = lazyre.compile(r"[A-Za-z]+(?:['’]s)?")
_GOES_ON = lazyre.compile(r"[ \t]+[a-z]")  # the sentence goes on in lower case after the glued word
_CUT_LINE = lazyre.compile(r"[a-z][ \t]*\r?\n(?=[A-Za-z])")


def _link_texts(document):
    """A link's text wedged into a sentence that a line break cut (a spun spam page, its links' addresses
    dropped): a line ends mid-sentence on a lower-case word, not filled to a wrap width (`Secondly, our flower`),
    and the next line opens with a few words glued to the sentence's next word with no space (`Get the
    factsshipment solution makes ...`). The glued word's tail is a word the document uses elsewhere, and the
    glued whole is not. A known spam link's text (SPAM_ANCHORS) is read so also under a line of any length, in a
    text whose paragraphs stand on long lines among short headings."""
    text = document.text
    if not _CUT_LINE.search(text):
        return
    per_line = _lines_are_paragraphs(document)
    if not per_line and not _long_lines(document):
        return  # verse and hard-wrapped text end most lines mid-sentence, and join words at will
    words = None
    for cut_line in _CUT_LINE.finditer(text):  # a line that ends on a lower-case letter, and a line after it
        line = document.line_of(cut_line.end())
        previous = document.line_text(line - 1).rstrip()
        if not previous[-1:].isalpha() or not previous[-1].islower() or ends_sentence(previous):
            continue
        start = document.line_span(line)[0]
        if len(previous.split()) < 3 or document.in_code(start) or not _in_prose(document, start):
            continue
        content = document.line_text(line)
        found = _known_anchor(content, per_line)
        if found is None and per_line and not wraps(previous):
            if words is None:
                words = Counter(_WORD_KEY.findall(text.lower()))
            found = _glued_anchor(content, list(_GLUE_TOKEN.finditer(content))[:ANCHOR_WORDS], words)
        if found is None:
            continue
        anchor_end, tail = start + found[0], found[1]
        edit_end = anchor_end + len(content[found[0]:]) - len(content[found[0]:].lstrip(" \t"))
        yield Diagnostic(start, anchor_end,
                         f'Link text wedged into a sentence: "{text[start:anchor_end]}" (it cuts '
                         f'"{previous.split()[-1]} | {tail}" apart)',
                         fix=Fix.unsafe(Edit(document.line_span(line - 1)[0] + len(previous), edit_end, " "),
                                        message="Delete the link text and join the sentence"))


def _glued_anchor(content: str, tokens: list, words: Counter) -> tuple[int, str] | None:
    """Where a link's text of plain words glued to the sentence's next word ends in a cut line's content, and that
    word (see _glue_point), or None."""
    for token in tokens:
        if not _GLUED.fullmatch(token.group()):
            return None  # the link's text is plain words, and so is the word it is glued to
        cut = _glue_point(token.group(), words)
        if cut is not None and _GOES_ON.match(content, token.end()):
            return token.start() + cut, token.group()[cut:]
    return None


# A sentence that sends the reader to a site (`If you want to check some good social casinos, visit
# Example.com.`), standing inside a paragraph of prose with PROMOTION_CONTEXT words of the paragraph on each side:
# spliced into the text where the site's name is nowhere else in the document (a spam link sold on a page). At a
# paragraph's edge such a prompt is link-prompt's; a site the text names ("For details, visit the council's site
# at example.gov, the council said") is the author's.
PROMOTION_CONTEXT = 8
PROMOTION_SENTENCE = 200  # characters: the longest stretch read back from the prompt for its sentence's start
_CONTEXT_CHARS = 400  # characters that surely hold PROMOTION_CONTEXT words on either side
_PROMPT_TO_SITE = lazyre.compile(
    r"(?=[vchg])\b(?:visit|check\s+out|head\s+(?:over\s+)?to|go\s+to)\s+(?:us\s+at\s+)?(?:https?://)?"
    r"(?P<site>(?:www\.)?(?P<name>[A-Za-z][\w-]{2,})\.(?:com|net|org|io|co|info|biz))\b", re.IGNORECASE)
_SITE_WORD = lazyre.compile(r"[a-z][\w-]*")
_SENTENCE_AFTER = lazyre.compile(f"[^{re.escape(SENTENCE_ENDS)}\\n]{{0,80}}?[{re.escape(SENTENCE_ENDS)}](?=\\s|$)")


def _promotions(document):
    """Sentences spliced into a paragraph that send the reader to a site the document does not otherwise name
    (see PROMOTION_CONTEXT). Each prompt is found first, then its sentence around it, so that a long line costs
    what one pass over it does."""
    text = document.text
    if document.is_mail or document.markdown or not _PROMPT_TO_SITE.search(text):
        return
    names = None  # the document's words, counted once a prompt is read
    for block in document.paragraphs:
        for m in _PROMPT_TO_SITE.finditer(text, block.start, block.end):
            back = text[max(block.start, m.start() - PROMOTION_SENTENCE):m.start()]
            opening = None
            for opening in SENTENCE_BREAK.finditer(back):  # the last sentence's end before the prompt
                pass
            tail = _SENTENCE_AFTER.match(text, m.end(), block.end)
            if opening is None or tail is None:
                continue  # no sentence's start before it in the paragraph (near it), or no end after it
            start, end = m.start() - len(back[opening.end():].lstrip()), tail.end()
            before = text[max(block.start, start - _CONTEXT_CHARS):start]
            after = text[end:min(block.end, end + _CONTEXT_CHARS)]
            if len(before.split()) < PROMOTION_CONTEXT or len(after.split()) < PROMOTION_CONTEXT:
                continue  # at the paragraph's edge: link-prompt's
            name = m.group("name").lower()
            names = names if names is not None else Counter(_SITE_WORD.findall(text.lower()))
            if names[name] > _SITE_WORD.findall(text[start:end].lower()).count(name) or not _in_prose(document, start):
                continue  # the site the text is about, or a link in a list
            yield Diagnostic(start, end, f'Promotional sentence spliced into a paragraph: it sends the reader to '
                                         f'{m.group("site")}, a site the document does not otherwise name',
                             fix=Fix.unsafe(_deletion(text, start, end), message="Delete the sentence"))


# The sentences spun spam pages and comments carry to sell a link, each word swapped for a synonym by a spinner: "If
# you have any sort of questions concerning where and how you can utilize <keyword>, you can call us at our own web
# site.", "If you liked this short article and you would like to receive more info regarding <keyword> kindly visit
# our own web-page." (a forum's spam replies; the web crawls' pages). Two fixed turns make one, opening a sentence:
# where and how to use the keyword, or liking this post and wanting more information, then our (own) web site,
# within the sentence (a link's address may hold full stops; the spinner may write "the website"). "If you have any questions about where and how to
# vote, check the website of the commission." is no spam.
_SPUN = lazyre.compile(
    r"(?<![^\s])(?-i:If|In\s+case|Should|When)\s+you\s+(?:"  # a sentence's start, not "Don't worry if you ..."
    r"(?:have|had)\b(?:[^.!?\n]|\.(?=\S)){0,80}?\bwhere\s+(?:and|as\s+well\s+as|&)\s+(?:how|ways|the\s+way)\s+"
    r"(?:to|you\s+(?:can|could|may))\s+(?:use|utilize|utilise|make\s+use\s+of|employ|work\s+with|use)\b"
    r"|(?:liked|loved|enjoyed|cherished|adored|appreciated)\s+this\b(?:[^.!?\n]|\.(?=\S)){0,80}?\band\s+you\s+"
    r"(?:would\s+(?:like|love)|want|wish|desire)\s+to\s+(?:receive|get|obtain|acquire|be\s+given|collect)\s+"
    r"(?:more|much\s+more|additional|extra|further|even\s+more)\s+(?:info|information|details|facts|data))\b"
    r"(?:[^.!?\n]|\.(?=\S)){0,200}?\b(?:our|the)\s+(?:own\s+)?(?:web\s*-?\s*site|web\s*-?\s*page|internet\s+site|site|page)"
    r"\b[^.!?\n]{0,40}[.!]?", re.IGNORECASE)


def _spun(document):
    """Spun spam's sentences that sell a link (see _SPUN), in any text but mail."""
    text = document.text
    if document.is_mail or ("where" not in text and "more" not in text) or " you " not in text:
        return
    for m in _SPUN.finditer(text):
        if document.in_code(m.start()):
            continue
        block = next((b for b in document.blocks if b.start <= m.start() < b.end), None)
        whole = block is not None and text[block.start:block.end].strip() == m.group().strip()  # a paragraph
        edit = Edit(removal_start(document, block), block.end) if whole else _deletion(text, m.start(), m.end())
        yield Diagnostic(m.start(), m.end(), "Spun spam sentence that sells a link (\"If you have any questions "
                                             "concerning where and how to use ..., contact us at our own web site\")",
                         fix=Fix.unsafe(edit, message="Delete the sentence"))


LONG_LINE_SHARE = 0.75  # of a text's characters, in lines longer than a wrap width: its paragraphs stand on lines


def _long_lines(document) -> bool:
    """Whether most of a text's characters stand in lines longer than a wrap width (LONG_LINE_SHARE), and half of
    those lines end a sentence: its paragraphs keep to a line, whatever the many short headings between them do to
    its typical line (text hard-wrapped at 120 characters has long lines too, most of them ending mid-sentence)."""
    lines = [line for line in (document.line_text(n).strip() for n in range(document.line_count)) if line]
    long = [line for line in lines if len(line) > LIMITS.wrap_width]
    return (sum(map(len, long)) >= LONG_LINE_SHARE * max(1, sum(map(len, lines)))
            and 2 * sum(map(ends_sentence, long)) >= len(long))


def _lines_are_paragraphs(document) -> bool:
    """Whether the text keeps a paragraph to a line: its typical (median) line of text is longer than a wrap
    width (a scraped page's layout; a cut line is then a break no writer made), and at least half of its lines
    end a sentence (text hard-wrapped at a wider width, 100 or 120 characters, ends most lines mid-sentence)."""
    lines = [line for line in (document.line_text(n).strip() for n in range(document.line_count)) if line]
    lengths = sorted(map(len, lines))
    return bool(lengths) and lengths[len(lengths) // 2] > LIMITS.wrap_width and \
        2 * sum(map(ends_sentence, lines)) >= len(lines)


# The texts that spun spam pages give their links (their addresses dropped, the text left where the sentence was cut
# for it): a page's words do not say where such a link ends when they are common words (`check this` + `your
# emotions`, `discover this info here` + `of sharing`), so the texts themselves are known. Seen in webz.io's spun
# flower-shop and auction pages: `why not try this outfeeling of tranquility`, `discover this info hereof sharing`,
# `check thisyour emotions`, `webpageperson's day`, `official website preserving composure`, `web Centre details`.
SPAM_ANCHORS = (
    "why not try this out", "why not look here", "discover this info here", "discover this", "check this",
    "check this out", "check here", "see this", "see this here", "see this website", "see this site",
    "look at this website", "look at this site", "look at these guys", "visit this site", "visit this website",
    "visit this link", "visit here", "visit website", "visit site", "visit homepage", "go to this web-site",
    "go to this website", "go to this site", "navigate to this website", "navigate to this site", "click here",
    "click this", "click this link", "click this site", "click for more", "click for info", "click to read",
    "learn more here", "learn more", "read more here", "read this", "read the full info here", "read full article",
    "find out more", "find more", "find more info", "get more info", "more info", "more about the author",
    "additional info", "additional reading", "further reading", "useful reference", "useful resources",
    "helpful resources", "helpful site", "recommended site", "recommended reading", "great site", "important site",
    "informative post", "official source", "official site", "official website", "my company", "my review here",
    "my explanation", "his comment is here", "her latest blog", "his explanation", "blog link", "linked here",
    "web", "webpage", "website", "web site", "homepage", "home page", "this website",
    "this site", "this page", "this link", "this post", "this article", "original site",
    "you could look here", "you can look here", "you can try this out", "try this out", "try this website",
    "try these out", "pop over to these guys", "pop over to this web-site", "hop over to here",
    "hop over to this website", "straight from the source", "have a peek at this web-site",
    "have a peek here", "over at this website", "this contact form",
    "go right here", "right here", "click over here now", "click over here", "going here", "get redirected here",
    "view publisher site", "dig this", "see post", "see page",
    # more of the texts spun pages give their links (webz.io's essay-writing and business-opportunity pages:
    # `in direction of assignment\nsee this website writing.`, `students who have\nMore about the author to
    # have access`, `the assignment help you may\nmy response need from us.`)
    "my response", "her response", "his response", "her explanation", "his comment", "her comment is here",
    "look at this", "look what i found", "look at more info", "look at here now", "see here now",
    "go to these guys", "navigate to these guys", "navigate here", "check over here", "browse this site",
    "browse around this website", "visit your url", "your domain name", "similar site", "useful content",
    "pop over here", "pop over to this site", "discover more here", "click reference", "you can check here",
    "recommended you read", "great post to read", "try this site", "try this web-site", "visit our website",
    "helpful hints", "find out here", "published here", "useful source", "click for source",
    "please click for source", "visit the website", "visit the site", "why not find out more",
    "why not try these out", "click the following webpage", "click the following internet site",
    "simply click the up coming web site", "visit the up coming article", "click the up coming document",
    "click the next internet page", "visit the next site", "click through the following post",
    "mouse click the up coming website", "just click the next document", "click through the next webpage",
    "click through the next website page", "check out the post right here", "check this link right here now",
    "click here to find out more", "find more information", "clicking here",
)
# Of those, the ones that name a link and nothing else may stand with their space kept before the sentence's next
# word (`official website preserving composure`); a text of one word is read glued only when it is one of these
# (`webpageperson's`): other single words glued to a word are words of their own (`moreover`, `linked`), so none
# is listed but these.
LINK_ONLY_ANCHORS = frozenset({"web", "webpage", "website", "web site", "homepage", "home page", "official website",
                               "official site", "this website", "this site", "blog link", "more info"})
GLUED_ONE_WORD = frozenset({"webpage", "website", "homepage"})
GLUED_ONE_WORD_TAIL = 4  # letters of the word a one-word text is glued to, at least (`websites` is no `website|s`)


@lru_cache(maxsize=1)
def _anchor_pattern():
    phrases = sorted(SPAM_ANCHORS, key=len, reverse=True)  # the longest first: "check this out" before "check this"
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return lazyre.compiled_now(rf"(?i:{alternatives})(?P<glued>[a-z][a-z'’]+\b)?")


def _known_anchor(content: str, cut_short: bool = False) -> tuple[int, str] | None:
    """Where a known spam link's text (SPAM_ANCHORS) that opens a cut line ends, and the sentence's next word:
    glued to the text, the sentence going on in lower case after it (`check thisyour emotions`), or after a
    link-only text with its space kept (`official website preserving composure`); or, `cut_short` (in a text
    that keeps a paragraph to a line, where no line ends mid-sentence but where a link was cut out), after a text
    of two words or more with its space kept, the sentence going on in lower case (`see this website writing.`).
    None otherwise."""
    m = _anchor_pattern().match(content)
    if m is None:
        return None
    glued = m.group("glued")
    anchor = " ".join(content[:m.start("glued") if glued else m.end()].lower().split())
    if glued:
        one_word = " " not in anchor
        if (one_word and (anchor not in GLUED_ONE_WORD or len(glued) < GLUED_ONE_WORD_TAIL)) or not \
                _GOES_ON.match(content, m.end("glued")):
            return None
        return m.start("glued"), glued
    after = content[m.end():]
    if anchor in LINK_ONLY_ANCHORS and after[:1] in (" ", "\t") and after.lstrip(" \t")[:1].isalpha():
        return m.end(), after.split()[0]
    if cut_short and " " in anchor and _GOES_ON.match(after):
        return m.end(), after.split()[0]
    return None


def _glue_point(token: str, words: Counter) -> int | None:
    """Where a word of the document's starts inside a token that is no word of it (`facts|shipment`): the
    longest such tail of three letters or more, in lower case, after two letters or more; None if there is
    none."""
    key = token.lower().rstrip(".,;:!?")
    if not key[:1].isalpha() or words.get(key, 0) > 1:
        return None
    for cut in range(2, len(key) - 2):
        tail = key[cut:]
        if not token[cut].islower() or not token[cut - 1].isalpha():
            continue
        m = _WORD_KEY.match(tail)
        if m is None:
            continue
        base = re.sub(r"['’]s$", "", m.group())  # "person's": the document may write "person"
        if len(base) >= GLUED_TAIL and (words.get(m.group(), 0) or words.get(base, 0)) >= 2:
            return cut
    return None


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
