from __future__ import annotations

import re
from dataclasses import dataclass

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.layout import HEADLINE, RST_LINK
from doclint.repeats import removal_end, removal_start
from doclint.rule import Rule, option
from doclint.text import BLOCK_MARK, CLOSERS, MARK_LEAD, SENTENCE_ENDS

# A prompt opens with a verb telling the reader to go somewhere or do something there (`Visit ...`, `Follow ...`,
# `Watch the documentary HERE: ...`, `To learn more about ..., visit ...`), in any case (`SEE MORE ... AT: ...`).
# Examples: "Visit www.example.com for more news.", "Learn how to protect your savings at www.example.com",
# "Follow Example Celebs on Snapchat, Instagram and Twitter.", a market report's "Purchase a copy of this report @
# http://...", "Inquire For Discount @ http://...", "Browse more detail information about X at: http://...",
# "Complete report available @ http://...", AddThis's "- See more at: http://...#sthash.x.dpuf" (a dash may lead).
_OPENING = lazyre.compile(
    r"\s*(?:[-–—•]\s*)?(?:please\s+)?(?:visit|follow|subscribe|share|watch|read|learn|click|tap|join|sign\s+up|download|get|see"
    r"|find|check\s+out|listen|like|e-?mail|contact|send|tune\s+in|support|donate|register"
    r"|go\s+to|head\s+to|catch\s+up|discover|explore|stay\s+(?:informed|updated|connected|tuned)"
    r"|purchase|buy|order|inquire|enquire|browse|access|complete\s+report)\b"
    r"|\s*(?:for|to)\s+(?:more|the\s+latest|learn\s+more|find\s+out\s+more|read\s+more|see\s+more)\b"
    r"|\s*to\s+(?:order|buy|purchase)\s+(?:this|the|a|your)\s+(?:book|copy|dvd|cd|report|guide|ebook)\b"
    r"|\s*if\s+you(?:['’]re|\s+are)\s+interested\s+in\s+(?:keeping\s+up|following|more|learning)\b",
    re.IGNORECASE)
# Where it sends the reader: an address or a mail address (a handle alone, "@example", and "click here" are
# page-furniture's prompts).
_LINK = lazyre.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:com|org|net|co|io|info|news|tv)\b|\]\(|@[\w-]+(?:\.[\w-]+)+",
                       re.IGNORECASE)  # (a mail address at any domain: "Email questions to column@med.example.edu.")
# An embedded post's picture link (`... pic.twitter.com/c763ZNm3CK — Jane Doe (@janedoe) March 9, 2023`): the post's
# attachment, no address a prompt sends the reader to (the post's "Watch the interview Thursday" is the post's text).
_PICTURE_LINK = lazyre.compile(r"pic\.twitter\.com/\w+")
# A sentence that starts after the address: the prompt was glued before a paragraph of the text, which is not its.
_AFTER = lazyre.compile(f"[{re.escape(SENTENCE_ENDS)}][{re.escape(CLOSERS)}]*" + r"""\s+["“]?[A-Z]""")
_PLATFORMS = lazyre.compile(r"\b(?:facebook|twitter|instagram|youtube|snapchat|tiktok|telegram|whatsapp|linkedin"
                            r"|pinterest|threads|reddit|rumble|gab|gettr|truth\s+social|substack|patreon)\b", re.IGNORECASE)
# A line that is only a platform's name and its address: "[FACEBOOK]: http://www.facebook.com/example".
_PLATFORM_LINE = lazyre.compile(rf"\s*\[?\s*{_PLATFORMS.pattern}\s*\]?\s*(?:link)?\s*:\s*\S+\s*(?:\([^()\n]{{0,80}}\))?\s*$",
                                re.IGNORECASE)


@dataclass(frozen=True)
class Options:
    max_words: int = option(40, "The longest prompt, in words.")
    edge_blocks: int = option(6, "How many of the last prose blocks of a document (and its first two) a prompt may "
                                 "stand in: sites put them at the edges.")


# A Markdown link (`[the documentation](https://...)`) survives in scraped text (scrapers convert pages to
# Markdown), unlike a reStructuredText one (layout.RST_LINK): it counts as the author's only in a text written in
# Markdown (a heading, a code fence), whatever its file's name (a package's description).
_MARKDOWN_LINK = lazyre.compile(r"\[[^\]\n]+\]\((?:https?://|www\.|/)[^)\s]*\)")
_MARKDOWN_SOURCE = lazyre.compile(r"^(?:#{1,6} [A-Za-z]|```)", re.MULTILINE)


class LinkPrompt(Rule):
    """A prompt that sends the reader to another page: `Visit www.example.com for more news.`

    ## What it does
    Flags a short paragraph or line (at most `max-words` words) that opens
    with a verb telling the reader to go somewhere or do something there
    (visit, follow, subscribe, share, watch, learn, join, sign up, download,
    purchase, inquire, browse, request, `For more ...`, `To learn more ...`,
    in any case) and says where: an address, a mail address at any domain, two social
    platforms or a newsletter (`Sign up for our weekly newsletter.`, `Sign up
    for the US opinion email.`), or,
    for a paragraph that is the prompt alone, of four to sixteen words,
    the word `here` closing it, where the link was (`Get the original
    recipe here.`); and a line that is only a platform's name and its address
    (`[FACEBOOK]: http://...`). It reads the edges of a document, its first
    two and last `edge-blocks` prose blocks (the first line counts as one
    even where it reads as the document's headline: `Follow CBSDFW.COM:
    Facebook | Twitter`), where sites put such prompts
    (the last ones of three words or more too: a row of share buttons, one
    to a line, is no edge's text); `If you are interested in keeping up
    with ...` opens a prompt too, and what the reader will find at the
    address may follow it at any length (`Visit Example.news to learn more
    about ...`);
    a prompt whose line ends handing over its address with `@` or `at:`
    (a market report's `Purchase a copy of this report @ http://...`,
    `Browse more detail information about X at: http://...`) anywhere; and
    a line that hands its address over with `@`, whatever words open it
    (`Any Query? Ask to Expert @ https://...`), and a market report's order
    line, anywhere (`Get Sample Copy of X Market ... is now available at
    http://...`, `Make an Order this Report at http://...`). Among the last
    three prose blocks, a `More information` heading alone on its line and
    the paragraph under it, of at most 30 words, that says where to read
    more even with no address (`The U.S. National Institutes of Health has
    more on insomnia.`, `For more about pacemakers, visit the U.S. National
    Library of Medicine.`), are one prompt.
    An embedded post's picture link (`pic.twitter.com/...`) is no address:
    the post's own words (`Watch his interview Thursday 8pm.`) are the
    post's; so are a transcript's turns (paragraphs that open with a
    speaker's name and a colon, two speakers or more taking two turns or
    more: `Mike Gleason: ... For more information, simply go to
    WeldonOnline.com ...`). Markdown files and e-mail are left alone: there the links are the
    author's (`See the docs at https://...`); so is, in any text, a prompt
    whose link is written in reStructuredText (`` `docs <https://...>`_ ``,
    which survives only in an author's source) or, in a text written in
    Markdown (a heading, a code fence), in Markdown (`See [the
    documentation](https://...)`; scrapers convert pages to Markdown, so a
    Markdown link alone proves nothing), a header's field
    (`Download-URL: https://...`), and a contact field after the text's own
    sentences on its line (`The shop is at 33 Store Street. Email:
    info@example.com.`; on a line of its own it is a prompt). A prompt followed by another
    sentence on its line was glued before the text's own paragraph: that is
    `page-furniture`'s to cut.

    ## Why is this bad?
    The prompt belongs to the page and its site, not to the article: it
    repeats across a site's documents and points to places the text does
    not need.

    ## Example
    ```
    ... the plan was approved on Tuesday.

    Visit www.example.com for alternative news, commentary and more.
    ```

    ## Fix safety
    The fix deletes the paragraph or line. It is unsafe: a press release's
    closing `To learn more, visit ...` is sometimes wanted.
    """

    code = "S105"
    supersedes = frozenset({"S111", "S112", "S113", "S114"})  # the same leftover read by its wording: one finding
    name = "link-prompt"
    category = "source-tag"
    fixable = "unsafe"
    Options = Options

    def check(self, document, context):
        if document.markdown or document.is_mail:
            return
        runs = document.prose_runs
        # (the first line a scrape kept may be the page's prompt, read as the document's headline: `Follow
        # CBSDFW.COM: Facebook | Twitter` over a local station's story)
        prose = [b for n, b in enumerate(runs) if b.kind == "paragraph" or (n == 0 and b.kind == HEADLINE)]
        # (a page's row of share buttons, one word to a line, is no edge's text: the edge is read above it)
        wordy = []  # the last edge_blocks blocks of more than EDGE_MIN_WORDS words, read from the end
        for b in reversed(prose):
            if len(wordy) == self.options.edge_blocks:
                break
            if len(document.text[b.start:b.end].split(None, EDGE_MIN_WORDS)) > EDGE_MIN_WORDS:
                wordy.append(b)
        edges = list({b.index: b for b in prose[:2] + prose[2:][-self.options.edge_blocks:]
                      + wordy[::-1]}.values())
        if len(prose) == 1:  # a document on one line: its first and last sentences are its edges
            edges = prose
        turns = _speaker_turns(document, prose)
        for block in edges:
            if block.index in turns:
                continue  # a transcript's speaker says it: the host's own words ("For more information, go to ...")
            body = document.text[block.start:block.end]
            for a, b in self._prompts(body, document, block.start):
                yield self._diagnostic(document, block, block.start + a, block.start + b)
        yield from _more_information(document, prose)
        inside = {b.index for b in edges}
        for block in prose:  # a prompt that hands over its address with "@" or "at:" is one wherever it stands
            if block.index in inside or block.index in turns or "@" not in (
                    body := document.text[block.start:block.end]) and ":" not in body:
                continue
            for a, b in self._prompts(body, document, block.start):
                if _HANDED_OVER.search(body, a, b) or _ORDER_LINE.match(body, a, b):
                    yield self._diagnostic(document, block, block.start + a, block.start + b)

    def _prompts(self, body: str, document, at: int):
        """(start, end) in the block's text of each prompt: a sentence, or a whole line, opening so and saying where."""
        opening = MARK_LEAD.match(body).end()  # where the block's text starts, past its indent and mark
        for start in _starts(body):
            line_end = body.find("\n", start)
            line_end = len(body) if line_end == -1 else line_end
            line = body[start:line_end]
            if _PLATFORM_LINE.match(line) and (start <= opening or body[start - 1] == "\n"):
                yield start, start + len(line.rstrip())
                continue
            handed_over = (start <= opening or body[start - 1] == "\n") and bool(_HANDED_OVER_AT.search(line)
                                                                         or _ORDER_LINE.match(line))
            if not _OPENING.match(line) and not handed_over:
                continue  # (a line that hands its address over with "@" is a prompt whatever its first words)
            if start and body[start - 1] not in "\n" and _CONTACT_FIELD.match(line):
                continue  # a contact field after a sentence: "The shop is at 33 Store Street. Email: info@example.com."
            if start and body[start - 1] == "\n" and document.continues(document.line_of(at + start)):
                continue  # a hard-wrapped sentence goes on: "... and how to\nsubscribe to our email newsletter"
            end = start + len(line.rstrip()) if handed_over else _sentence_end(body, start, line_end)
            sentence = body[start:end]
            if (RST_LINK.search(sentence) or document.in_field_block(document.line_of(at + start))
                    or (_MARKDOWN_LINK.search(sentence) and _MARKDOWN_SOURCE.search(document.text))):
                continue  # a link written in markup is the author's cross-reference; a header's field is data
            links = list(_LINK.finditer(_PICTURE_LINK.sub(lambda m: " " * len(m.group()), sentence)))
            platforms = len(_PLATFORMS.findall(sentence))
            newsletter = bool(_SIGN_UP.match(sentence) and _NEWSLETTER.search(sentence))
            here = (start <= opening and end >= len(body.rstrip()) and bool(_HERE.search(sentence))
                    and HERE_MIN_WORDS <= len(sentence.split()) <= HERE_MAX_WORDS)
            if len(sentence.split()) > self.options.max_words or not (links or platforms >= 2 or newsletter or here):
                continue
            if (links and platforms < 2 and len(sentence[links[-1].end():].split()) > _AFTER_LINK_WORDS
                    and not _PURPOSE.match(sentence, links[-1].end())):
                continue  # the sentence goes on about something else: the text's own
            yield start, end

    @staticmethod
    def _diagnostic(document, block, a: int, b: int) -> Diagnostic:
        text = document.text
        shown = text[a:b] if b - a <= 60 else text[a:a + 59] + "\u2026"
        lead = MARK_LEAD.match(text, block.start).end()
        if (a, b) == (lead, block.end):
            if text[block.start:lead].strip():
                a = block.start  # (the block's mark before it, `<p> `, goes with it)
            edit = Edit(removal_start(document, block), removal_end(document, block))  # the whole block, with the
            # break before it (or, the first, the breaks after it)
        else:
            start = a
            while start > block.start and text[start - 1] in " \t":
                start -= 1
            edit = Edit(start, b) if start > block.start else Edit(a, min(block.end, b + 1) if text[b:b + 1] == " "
                                                                    else b)
        return Diagnostic(a, b, f'Prompt sending the reader to another page: "{shown}"',
                          fix=Fix.unsafe(edit, message="Delete the prompt"))


# A transcript's turns: paragraphs that open with a speaker's name and a colon (`Mike Gleason: Well, that will do it
# for this week. ... For more information, simply go to WeldonOnline.com ...`), where TRANSCRIPT_SPEAKERS names or more
# each open TRANSCRIPT_TURNS paragraphs or more: what a speaker says is speech, not the page's prompt.
_SPEAKER = lazyre.compile(r"[ \t]*((?:[A-Z][\w'’.-]+[ \t]+){0,2}[A-Z][\w'’.-]+):[ \t]+\S")
TRANSCRIPT_SPEAKERS = 2
TRANSCRIPT_TURNS = 2


def _speaker_turns(document, prose) -> set[int]:
    """The indexes of the blocks that are a transcript's turns (see _SPEAKER)."""
    opened = {}
    for b in prose:
        m = _SPEAKER.match(document.text, b.start, b.end)
        if m:
            opened.setdefault(m.group(1), []).append(b.index)
    speakers = [name for name, blocks in opened.items() if len(blocks) >= TRANSCRIPT_TURNS]
    if len(speakers) < TRANSCRIPT_SPEAKERS:
        return set()
    return {k for name in speakers for k in opened[name]}


# A news site's closing pointer under its own heading, naming where to read more with no address ("More
# information" / "The U.S. National Institutes of Health has more on insomnia.", "For more about pacemakers, visit
# the U.S. National Library of Medicine."): the heading alone on its line, then one paragraph of at most
# POINTER_MAX_WORDS words that says where, among the document's last MORE_INFORMATION_BLOCKS prose blocks. Or the
# heading, which may say "see" ("For More Information See:"), over nothing but addresses to the end of the text, one
# to a block, at most MORE_ADDRESSES of them (a blog's closing list of the pages it sends the reader to).
_MORE_HEADING = lazyre.compile(r"\s*(?:for\s+)?more\s+info(?:rmation)?\w?\s*(?:,\s*)?(?:(?:please\s+)?(?:see|visit|go\s+to))?"
                               r"\s*:?\s*$", re.IGNORECASE)
_POINTER = lazyre.compile(r"\b(?:visit|has\s+more|have\s+more|offers\s+more|find\s+out|learn\s+more|go\s+to|"
                          r"read\s+more|see)\b", re.IGNORECASE)
_ADDRESS_ALONE = lazyre.compile(r"\s*(?:https?://|www\.)\S+\s*")
POINTER_MAX_WORDS = 30
MORE_INFORMATION_BLOCKS = 3
MORE_ADDRESSES = 6


def _more_information(document, prose):
    """The closing pointer under a "More information" heading (see _MORE_HEADING), heading and paragraph, or heading
    and the addresses after it."""
    text = document.text
    for k, heading in enumerate(prose[:-1]):
        if heading.first_line != heading.last_line or not _MORE_HEADING.match(text, heading.start, heading.end):
            continue
        after, pointer = prose[k + 1:], prose[k + 1]
        body = text[pointer.start:pointer.end]
        addresses = len(after) <= MORE_ADDRESSES and all(_ADDRESS_ALONE.fullmatch(text, b.start, b.end) for b in after)
        if not addresses and (k < len(prose) - MORE_INFORMATION_BLOCKS or len(body.split()) > POINTER_MAX_WORDS
                              or not _POINTER.search(body) or pointer.index != heading.index + 1):
            continue
        end = after[-1].end if addresses else pointer.end
        shown = " ".join(text[heading.start:end].split())
        shown = shown if len(shown) <= 60 else shown[:59] + "\u2026"
        yield Diagnostic(heading.start, end, f'Prompt sending the reader to another page: "{shown}"',
                         fix=Fix.unsafe(Edit(removal_start(document, heading), end), message="Delete the prompt"))


# An address handed over as a form's field or an order line does ("Purchase a copy of this report @ http://...",
# "Browse more detail information about X at: http://..."), ending its line: a prompt even in a document's middle,
# where market reports and shops put them between paragraphs.
# An address handed over with "@" ends a line whatever words open it: "Any Query? Ask to Expert @ https://...",
# "Inquiry before Buying@ http://..." (a mail address has no scheme after its "@").
_HANDED_OVER_AT = lazyre.compile(r"\S\s*@\s*(?:https?://|www\.)\S+\s*$")
# A market report's order lines, which stand between its paragraphs: a request for a sample, a discount or the
# report, ending at the address it is made at ("Get Sample Copy of X Market ... is now available at
# http://...", "Make an Order this Report at http://...", "Inquire For Complete Report Copy of X ... http://...").
_ORDER_LINE = lazyre.compile(r"\s*(?:(?:get|request|download)\s+(?:a\s+|free\s+|your\s+)?(?:sample|discount|brochure|pdf\s+sample)"
                             r"|make\s+an?\s+(?:order|purchase|enquiry|inquiry)|(?:inquire|enquire)\s+(?:for|before)"
                             r"|(?:order|purchase|buy)\s+(?:a\s+|this\s+|the\s+)?(?:complete\s+|full\s+)?report)\b"
                             r"[^\n]{0,300}?\s(?:at\s*:?|@|:)?\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
EDGE_MIN_WORDS = 2  # a block of two words or fewer (`Facebook`, `Share this:`) is a button, not the text's edge


# A paragraph of its own whose link was its last word, "here", the address gone with the markup: "Get the original
# recipe here.", "Find out more reasons why the town is worth a visit here." (at a document's edges, as the rest).
_HERE = lazyre.compile(r"\bhere\s*[.!]?$", re.IGNORECASE)
HERE_MAX_WORDS = 16  # a call to follow a link; the text's own sentences that end in "here" run longer
HERE_MIN_WORDS = 4  # what to find there named ("Get the original recipe here."), not a greeting ("See you here.")
_HANDED_OVER = lazyre.compile(r"(?:@|\b(?:at|here)\s*:)\s*(?:https?://|www\.)\S+\s*\.?\s*$", re.IGNORECASE | re.MULTILINE)
# A newsletter is a place a prompt sends the reader to, with no address: "Sign up for our Life, But Better
# newsletter for tips on living well.", "Subscribe to get the newsletter in your inbox every morning."
# what a sign-up prompt offers: a newsletter, the reader's inbox, or a site's named e-mail ("Sign up for the US
# opinion email.", "... for our daily email")
_NEWSLETTER = lazyre.compile(r"\bnewsletters?\b|\binbox\b|\b(?:daily|weekly|morning|evening|opinion|briefing)\s+e-?mails?\b",
                             re.IGNORECASE)
_SIGN_UP = lazyre.compile(r"\s*(?:please\s+)?(?:sign\s+up|subscribe)\s+(?:for|to)\b", re.IGNORECASE)  # not "Send them
# to sign up for your newsletter" (a marketer's advice), "Get into the habit of unsubscribing from every newsletter"
# (advice), nor "Click here to subscribe ..." (page-furniture's, safely)
# A field of an address that the text gives after its own sentences is the author's (a contact block on lines of
# its own, a press release's, is a prompt).
_CONTACT_FIELD = lazyre.compile(r"\s*(?:e-?mail|contact)\s*:", re.IGNORECASE)
_AFTER_LINK_WORDS = 12  # "Visit www.example.com for alternative news, commentary and preparedness info."
# What the reader will find there, however long it runs: "Visit Example.news to learn more about how health experts
# are learning to fight the coronavirus."
_PURPOSE = lazyre.compile(r"\s+(?:to\s+(?:learn|read|find\s+out|see)\s+(?:more|about)|for\s+(?:more|the\s+latest))\b",
                          re.IGNORECASE)


def _starts(body: str):
    """Where a prompt may start: a line's start (past a block's mark, `<p> `), or a sentence's after another on
    its line."""
    yield MARK_LEAD.match(body).end()
    for m in _LINE_OR_SENTENCE_START.finditer(body):
        yield m.end()


_END = lazyre.compile(f"[{re.escape(SENTENCE_ENDS)}][{re.escape(CLOSERS)}]*" + r"""(?=[ \t]+["“]?[A-Z])""")
_LINE_OR_SENTENCE_START = lazyre.compile(rf"\n[ \t]*(?:{BLOCK_MARK}[ \t]*)?(?=\S)|" + f"[{re.escape(SENTENCE_ENDS)}][{re.escape(CLOSERS)}]*"
                                         + r"""[ \t]+(?=["“]?[A-Z])""")


def _sentence_end(body: str, start: int, line_end: int) -> int:
    """Where the sentence starting at `start` ends on its line (a full stop inside an address is no end)."""
    for m in _END.finditer(body, start, line_end):
        return m.end()
    return start + len(body[start:line_end].rstrip())
