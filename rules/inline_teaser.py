from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.layout import LayoutLimits
from doclint.repeats import removal_start
from doclint.rule import Rule, option
from doclint.text import CLOSERS, SENTENCE_ENDS, is_legal_file

# A teaser flattened into the running text: a label, a colon and another story's headline, which ends where the
# link ended: at a question mark, or at " ." (news datasets write a space and a full stop where a line without
# punctuation ended: "Read more: Democracy was the real winner .", "First Person: Caught in grief's riptide .").
# Initialisms may stand inside the headline ("Read more: U.N. inspectors heading to Syria ... ."). The label is a few
# capitalised words or a quoted series name ("'Finding Jesus':"), never a speaker's name in
# capitals ("SMITH:") nor "Q"/"A" of an interview; an ordinal may open it ("13th Juror:"), or an outlet's initials
# before a word ("CNN Analysis:"), and a list's bullet may follow the headline.
_TEASER = lazyre.compile(
    r"(?P<label>(?:(?:[A-Z][a-z]|\d+(?:st|nd|rd|th)\s+[A-Z]|[A-Z]{2,5}\s+(?=[A-Z][a-z]))[\w'’-]*(?:\s+(?:[A-Za-z][\w'’-]*|(?:19|20)\d\d)){0,2}"
    r"|['‘\"“][A-Z][^'’\"”\n]{1,30}['’\"”]|[A-Za-z][\w-]{1,30}\.(?:com|org|net)))"  # or a partner site's address
    r":\s+(?P<headline>[A-Z0-9\"'“‘](?:[^.?!\n]|(?<=\b[A-Z])\.(?=[A-Z]\.|\s)){2,110}?(?:\s\.|[?!]))(?=\s+[A-Z\"'“‘(•]|\s*$)")
_READ_LABEL = lazyre.compile(r"(?:read|watch|see|more|also|related|don'?t\s+miss|must\s+read|check\s+out|listen|"
                             r"recommended|trending)\b", re.IGNORECASE)
# After a partner site's address, the headline may also end in a quoted phrase with no mark at all, before the next
# sentence's capital ("theGrio.com: Let's stop the 'struggle equation' Race in the United States is ..."): the
# address says a link's text is there, so any capital after the closing quote ends it (see _QUOTED_END for bare ones).
_SITE_TEASER = lazyre.compile(
    r"(?P<label>[A-Za-z][\w-]{1,30}\.(?:com|org|net)):\s+(?P<headline>[A-Z0-9\"'“‘](?:[^.?!\n]|(?<=\b[A-Z])\.(?=[A-Z]\.|\s))"
    r"{2,110}?\s['‘][^'‘’\n.?!]{1,60}?[^\W\d_]['’])(?=\s+[A-Z])")
_LINE_END_MARK = lazyre.compile(r"\S\s\.(?=\s|$)")  # " ." where a line without punctuation ended
# The same flattened link with no label, in an article stored on one line (a dataset's; see lint/layout.py): a
# sentence of a few words that ends at " ." where the text's own sentences end at "." ("... tickets go on sale
# Monday. Prince crowns dual rock charts . A venue has yet to be announced."). In text with its line breaks, " ."
# is the author's ("This is how they destroy the family .").
# Initialisms may stand inside it ("Lone wolf planned attack on U.S. Capitol, FBI says ."). A sentence that ends
# with a colon before the mark introduced what the dataset dropped (a list, an embedded post: "Here's what we
# know so far: ."), and one that ends with "said" is the end of a quotation's attribution ("Eric Starnes said .";
# headlines say "says"): the author's.
_BARE = lazyre.compile(r"(?P<headline>[A-Z0-9\"'“‘](?:[^.?!\n]|(?<=\b[A-Z])\.(?=[A-Z]\.|\s))+?)(?<!:)(?<!\bsaid)\s\.(?=\s+[A-Z\"'“‘(]|\s*$)")
# Or a headline that ends in a quoted phrase, where the link's text ended with no mark at all before the next
# sentence ("... didn't die that night. Fans remember 'the Day the Music Died' The crash has inspired ..."): the
# closing quote follows a letter (not "'Why?' He said") and a word that opens sentences comes right after it, not
# a name ("The man known as 'Jihadi John' Mohammed Emwazi was named").
_OPENERS = ("The", "A", "An", "But", "And", "He", "She", "It", "They", "We", "In", "On", "At", "This", "That",
            "These", "Those", "His", "Her", "Their", "Its", "Our", "After", "When", "While", "As", "For", "Now", "So",
            "Some", "Many", "Most", "There", "What", "How", "Why", "If", "Since", "Although", "However", "Meanwhile")
_QUOTED_END = lazyre.compile(r"(?P<headline>[A-Z0-9\"“](?:[^.?!\n'‘’]|(?<=\b[A-Z])\.(?=[A-Z]\.|\s))+?\s['‘][^'‘’\n.?!]{1,60}?"
                             rf"[^\W\d_]['’])(?=\s+(?:{'|'.join(_OPENERS)})\s)")
# A link to a profile of someone in the news, as a question with no label: "Who was co-pilot Andreas Lubitz?",
# "Who was Walter Scott?" (CNN's articles link their subject's profile so). Where the sentence after it names the
# person at once, it is the article's own subheading, answered below it ("Who was Odin Lloyd? Odin Lloyd's sister
# ...", "Who was Warren Weinstein? Weinstein had spent his life ..."): see _answered. ("Who was Walter Scott? The
# video shows Scott running ..." goes on with the story.)
_PROFILE = lazyre.compile(r"(?P<headline>Who\s+(?:was|is)\s+(?:[a-z][\w-]*\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)"
                          r"{0,3})\?)(?=\s+[A-Z\"“]|\s*$)")
ANSWER_WORDS = 3  # an answer to a profile question names its person within its first words
# A link to a video, a gallery or another story that a page marked with a closing chevron, flattened into the text
# (CNN's older articles: "Watch how officials worry about a biological terror attack » .", "Take a look at the slums
# where ... spend their Saturdays »"): a call to look, then the chevron that closed the link's text.
_ARROW_LINK = lazyre.compile(r"(?P<headline>(?:Watch|See|Take\s+a\s+look|Look|Read|Hear|Listen|Explore|View|Check\s+out|"
                             r"Find\s+out|Learn|Meet|Follow)\b[^.?!»\n]{3,140}?\s*»)(?:\s+\.)?(?=\s+[A-Z\"“‘']|\s*$)")


# A link to another story (or to the site's newsletter) that a page printed in square brackets between its
# paragraphs, kept between the sentences of an article on one line or as a line of its own (The New York Times's
# `[Read the documents.]`, `[Sign up for our politics newsletter ...]`; The Washington Post's `[Five things to
# remember about the Cubs' memorable victory]`): a capital opens it, no label with a colon (an editor's `[Update:
# ...]`), and no link's address follows it (a Markdown link).
_BRACKETED = lazyre.compile(r"\[(?P<headline>(?-i:[A-Z])(?![\w'’ ]{0,20}:)[^\[\]\n]{8,200})\](?!\()(?=\s+[A-Z\"“‘]|\s*$)")
BRACKETED_MIN_WORDS = 4  # fewer is a note (`[Emphasis added.]`), a name (`[Curtis Rueden]`), a picture's
# placeholder (`[Suspicious looking domain]`), unless a teaser's cue opens it (`[Read the documents.]`)
# A picture's credit in brackets (`[Photo via screengrab]`, `[Image Via fanpop.com]`): source-credit's.
_BRACKETED_CREDIT = lazyre.compile(r"(?:image|photo|picture|photograph|credit|source|courtesy)\b|.*\bvia\s",
                                   re.IGNORECASE)
# A source cited in brackets after a claim (`[Newsweek, 1/28/13]`, `[The White House, accessed 4/11/13]`, `[City of
# New York, December 2011]`): the author's reference, no link to a story.
_CITATION = lazyre.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|,\s+(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},\s+)?(?:1[89]|20)\d\d\b"
                           r"|\baccessed\b|\bemphasis\b|\bvia\s+(?:Nexis|Google)", re.IGNORECASE)


def _bracketed(text: str, at: int, document) -> re.Match | None:
    """A link printed in brackets at `at` (see _BRACKETED), or None: not in Markdown (a link's text) or e-mail."""
    if text[at:at + 1] != "[" or document.markdown or document.is_mail:
        return None
    t = _BRACKETED.match(text, at)
    if t is None or _CITATION.search(t.group("headline")) or _BRACKETED_CREDIT.match(t.group("headline")):
        return None
    return t if len(t.group("headline").split()) >= BRACKETED_MIN_WORDS or _CUE.match(t.group("headline")) else None


# A link's label glued to its headline, the two making a paragraph of their own: a page set the label apart
# (bold, another colour) and the headline as a link, and the scrape joined them with no space after the colon
# ("One week after reopening:Ocean City packed on sunny Saturday", "Digital sales boost:Walmart sales increase 10%
# as online buying grew 74% during coronavirus pandemic": USA Today's network). No sentence ends the line (a
# writer's "Here is a bit about it:To celebrate ..." does), and no address stands in it (a log's
# "Checkout:MacOSX / <http://...>").
_GLUED_LABEL = lazyre.compile(r"(?P<label>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,5}?[a-z])"
                              r":(?P<headline>[A-Z0-9\"“‘'][^\n]{10,160}?)\s*$")
GLUED_MIN_WORDS = 4  # words of the headline: "Ocean City packed on sunny Saturday"


def _glued_label(line: str) -> re.Match | None:
    """A paragraph of one line that is a link's label glued to its headline (see _GLUED_LABEL), or None."""
    t = _GLUED_LABEL.match(line)
    if t is None:
        return None
    headline = t.group("headline").rstrip()
    if (headline[-1] in SENTENCE_ENDS + ":;," or "://" in line or "www." in line or "@" in line
            or len(headline.split()) < GLUED_MIN_WORDS):
        return None
    return t


# A form's field, its label glued to its value (`Date Requested:February 10, 2005`, `Time Requested:04:20 PM`): where
# FORM_FIELDS lines of a document are so, a label glued to words is one more field (`Legislation creates:Neither
# Program nor Fund`), not a teaser's.
_FIELD = lazyre.compile(r"^[ \t|]*[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,4}:(?=[^\s/])", re.MULTILINE)
FORM_FIELDS = 2


def _form(document) -> bool:
    """Whether FORM_FIELDS lines or more of the document are a form's fields that no teaser could be (see _FIELD):
    their value is no headline."""
    fields = 0
    for m in _FIELD.finditer(document.text):
        end = document.text.find("\n", m.end())
        line = document.text[m.start():end if end != -1 else len(document.text)].strip(" \t|")
        fields += _glued_label(line) is None
        if fields >= FORM_FIELDS:
            return True
    return False


# A link card to another story kept as a line of its own: the story's headline, then the card's `Read more`
# (the Guardian's pages: "Tucker Carlson's sexist rants reveal an ugly truth | Moira Donegan Read more"). No
# sentence ends inside the headline, nor does it end with punctuation: a writer's "... said. Read more" is no card.
_READ_MORE_CARD = lazyre.compile(r"(?P<headline>[A-Z0-9\"“‘'][^\n]{10,200}?)\s+(?:Read more|READ MORE)\s*$")
CARD_WORDS = (3, 25)  # the fewest and the most words of the card's headline
_INNER_END = lazyre.compile(f"[{re.escape(SENTENCE_ENDS)}][{re.escape(CLOSERS)}]*\\s+[A-Z]")


def _read_more_card(line: str) -> re.Match | None:
    t = _READ_MORE_CARD.match(line)
    if t is None:
        return None
    headline = t.group("headline").rstrip()
    if (headline[-1] in SENTENCE_ENDS + ":;," or _INNER_END.search(headline) or "://" in line
            or not CARD_WORDS[0] <= len(headline.split()) <= CARD_WORDS[1]):
        return None
    return t


# A link to another story that a page printed in capitals on a line of its own between the story's lines (Fox News:
# "HARRIS WORLD BLAME GAME BEGINS AFTER CRUSHING LOSS TO TRUMP"): CAPITALS_MIN_WORDS words or more, no small letter,
# no mark that closes a sentence or a clause at its end (a shouted sentence, a contract's clause in capitals), in a
# text written in small letters (CAPITALS_PROSE_SHARE of its letters) whose lines on either side of it hold small
# letters (a contract's or a licence's paragraphs in capitals run over several lines).
CAPITALS_MIN_WORDS = 7  # fewer is a section's heading ("WHAT HAPPENS NEXT", a review's "TOO FAST TOO FURIOUS
# (DIGITAL BRIDGES)"); the shortest other story's headline seen so had 8 ("HARRIS MAKES LAST-DITCH APPEAL TO ...")
CAPITALS_PROSE_SHARE = 0.5
_CAPITALS_LINE = lazyre.compile(r"^[^\S\n]*(?P<headline>[\"“‘'(]?[A-Z0-9][^a-z\n]*[^\s.,;:!)a-z])[^\S\n]*$",
                                re.MULTILINE)  # (anchored at a line's start: a search tries no other place)
# A prompt in capitals is page furniture, which page-furniture (S113) reports by its wording ("CLICK HERE TO GET THE
# FOX NEWS APP"), no headline.
_CAPITALS_PROMPT = lazyre.compile(r"[\"“‘'(]?(?:CLICK|TAP|SUBSCRIBE|SIGN\s+UP|DOWNLOAD|FOLLOW|JOIN|SHARE|LIKE\s+US)\b")
# A book's or a document's own heading, or a notice, in capitals (`CHAPTER IV. THE RABBIT SENDS IN A LITTLE BILL`,
# `WARNING: DO NOT RUN THIS SCRIPT ON A PRODUCTION SERVER`): the author's.
_CAPITALS_HEADING = lazyre.compile(r"[\"“‘'(]?(?:CHAPTER|PART|BOOK|SECTION|ARTICLE|APPENDIX|ACT|SCENE|CANTO|WARNING|"
                                   r"NOTE|NOTICE|CAUTION|IMPORTANT|DISCLAIMER|ATTENTION)\b")


def _capitals_headline(document, line: int) -> re.Match | None:
    """The capitals headline that fills a line (see _CAPITALS_LINE), or None."""
    t = _CAPITALS_LINE.match(document.line_text(line))
    if (t is None or _CAPITALS_PROMPT.match(t.group("headline")) or _CAPITALS_HEADING.match(t.group("headline"))
            or "   " in t.group("headline") or _small_letters(t.group("headline"))):
        return None  # (three spaces: a table's columns, `UID   PID  PPID ...`; small letters of any script)
    words = t.group("headline").split()
    if len(words) < CAPITALS_MIN_WORDS or sum(any(c.isalpha() for c in w) for w in words) * 5 < len(words) * 4:
        return None  # (a row of figures or codes: `=C2=A0 =C2=A0 ...`, `8GB + 128GB / 8GB + 512GB`)
    return t


def _small_letters(line: str) -> bool:
    return any(c.islower() for c in line)


def _answered(body: str, t: re.Match) -> bool:
    """Whether the sentence after a profile question opens by naming its person (the last word of the name), or
    with `He` or `She`."""
    after = " ".join(body[t.end():].split()[:ANSWER_WORDS])
    return re.search(rf"\b{re.escape(t.group('name').split()[-1])}\b|^(?:He|She)\b", after) is not None


# A sentence end that is no initialism's or title's full stop ("U.S. ", "Mr. ", "DIY vs. Professional"): where a
# bare headline may start.
_SENTENCE_END = lazyre.compile(f"[{re.escape(SENTENCE_ENDS)}]"  # the mark first: look-behinds at every character
                               r"(?<!\b[A-Z].)(?<!\bMr.|\bMs.|\bDr.|\bSt.|\bvs.)(?<!\bMrs.)"  # cost 8 times more
                               f"[{re.escape(CLOSERS)}]*\\s+")


@dataclass(frozen=True)
class Options:
    max_headline_words: int = option(14, "The longest headline after the label.")
    max_marks: int = option(4, "A text with more lines that ended without punctuation (` .`) than this is a list or "
                                "a guide broken by subheadings (`Mermaid Bar: Secret escape .`), not an article "
                                "with teasers: it is not read.")
    min_bare_words: int = option(3, "The fewest words of a headline with no label (`Track the storm .`): two words "
                                    "are as often a subheading (`Big business .`).")
    max_bare_words: int = option(11, "The most words of a headline with no label: the text's own sentences that end "
                                     "at ` .` are longer (CNN's records hold other stories' headlines of 11 words, "
                                     "`Unreleased Kurt Cobain song to appear on 'Montage of Heck' soundtrack .`, "
                                     "and sentences ending at a link of 12: `The resurrection process took 70 days, "
                                     "according to the Air Force report .`).")
    max_bare: int = option(2, "A text with more headlines with no label than this is broken by subheadings: its "
                              "headlines with no label are not read (an article links to one or two other stories), "
                              "unless each is six words or more (a run of linked headlines).")


# More than `max-bare` headlines with no label are a guide's subheadings ("Sultry old days in town .", "Big
# business ."), unless every one of them is as long as a linked headline ("'Dad' gets a makeover in Super Bowl ads
# .", "Judgy moms and dads face off in hit ad ."): the six-word floor keeps a subheading of five words out.
RUN_MIN_WORDS = 6

# An article stored on one line, for the headlines with no label: a line of at least this many sentences, in a
# document of at most LayoutLimits.one_line_max_lines lines (a title and the article). Shorter than the layout's
# pieces (which cut only a long line): a short article on one line holds teasers as well.
_ONE_LINE_SENTENCES = 5


def _few_lines(document) -> bool:
    """Whether the document has at most LayoutLimits.one_line_max_lines lines that hold something (read until one
    more is found: most documents have many)."""
    count = 0
    for i in range(document.line_count):
        count += bool(document.line_text(i).strip())
        if count > LayoutLimits.one_line_max_lines:
            return False
    return True


# A photo's caption points to its picture ("In the lead: Jose Baxter (right) celebrates ...", "Grief: ... (pictured)"):
# a caption under a label, not a teaser's headline.
_POINTS = lazyre.compile(r"\((?:left|right|centre|center|above|below|top|bottom|pictured|inset|file)\)", re.IGNORECASE)
# The fewest words of a labelled teaser's headline: one word after a label is a list's item ("Creepy: Highlight .",
# an article's own ranking of apps), no headline.
LABELLED_MIN_WORDS = 2


# A transcript flattened into the text: speakers' names as labels ("Rambukkana: May I speak? Shepherd: The number
# of people is confidential?"). Two names or more that each label SPEAKER_TURNS turns or more are speakers, not a
# teaser's label (an article links to another story under one label, "First Person:", two or three times).
SPEAKER_TURNS = 3
_NAME_LABEL = lazyre.compile(r"(?<![\w'’-])([A-Z][a-z][\w'’-]*):\s")


# A label that opens with a pronoun introduces someone's words ("They ask: "Who am I supposed to be?""), as the
# author writes them; a linked headline's label names a section or a series ("Opinion:", "First Person:").
_PRONOUNS = frozenset("I You He She It We They This That These Those".split())
# A second clause after a comma with a pronoun as its subject: a sentence spliced on, no headline's way (`Be
# thankful for your mistakes, they will teach you valuable lessons .`; a headline puts a name there: `Boy, 15, Dies`).
_CLAUSE = lazyre.compile(r",\s+(?:I|you|he|she|it|we|they)\s+(?:will|would|can|could|may|might|must|should|are|is|"
                         r"was|were|have|has|had|do|does|did)\b")
# A sentence that opens with a personal pronoun is someone's words ("We will see ."), no headline: none of the linked
# headlines labelled in CNN's records opens so.
_PERSONAL = frozenset("I You He She It We They".split())
# A sentence whose link the dataset dropped before its ` .` points the reader on ("Instructions on how to do so can be
# found here .", "... see the project's Github page ."): the author's, no other story's headline (none of the labelled
# linked headlines ends so).
_POINTERS = frozenset("here there below above page site website link".split())
# A label that ends with a verb of saying introduces someone's words, not a linked headline ("People wonder: Is she
# playing it straight with us?", "Critics say: ...").
_SAYS = lazyre.compile(r"\b(?:say|says|said|ask|asks|asked|wonder|wonders|wondered|tell|tells|told|write|writes|wrote"
                       r"|add|adds|added|explain|explains|explained|argue|argues|argued|warn|warns|warned)$")


def _answers(turns: Counter) -> bool:
    """Whether one label answers in turns (SPEAKER_TURNS or more; `turns`: each one-word label's count): an
    interview, or an expert answering readers (`Lynn Santos: Where might there be other pieces of the "true
    cross"? ... Moss: There are churches ...`), whose questions, each under its asker's name, are no teasers."""
    return any(n >= SPEAKER_TURNS for n in turns.values())


def _speakers(turns: Counter) -> set[str]:
    """The one-word labels that take turns in a dialogue (see SPEAKER_TURNS; `turns`: each label's count)."""
    names = {name for name, n in turns.items() if n >= SPEAKER_TURNS}
    return names if len(names) >= 2 else set()


# A label that says it points elsewhere ("Read this:", "See more:", "Related:"), unlike a guide's subheading
# ("Mermaid Bar: Secret escape ."): read even in a text broken by more than `max-marks` line ends.
_CUE = lazyre.compile(r"(?:read|see|watch|related|also|more\s+from|don'?t\s+miss)\b", re.IGNORECASE)


# The pieces of text that end at ` .` ("... they destroy the family . Read more from WIRED: . 21 Awesomely
# Well-Designed Products We're Dying to Own ."), back to the sentence end before them. A piece that ends at a colon
# introduced what the dataset dropped (a list, a link's block), no line of its own.
_MARKED_PIECE = lazyre.compile(r"(?:^|(?<=[.?!]\s))[^.?!\n]{1,200}?\S\s\.(?=\s|$)")


def _linked_run(text: str) -> bool:
    """Whether every piece of text ending at ` .` (see _MARKED_PIECE), but one that introduces a dropped block, is
    a headline in title case as long as a linked one (RUN_MIN_WORDS words or more): a run of other stories'
    headlines, not a guide's subheadings ("Sultry old days in town .", "Big business .") nor a picture's captions
    cut where their lines ended ("Spinetti was born in Cwm, Wales, on .")."""
    pieces = [p.split()[:-1] for p in _MARKED_PIECE.findall(text) if not p.rstrip(" .").endswith(":")]
    return bool(pieces) and all(len(p) >= RUN_MIN_WORDS and _title_case(p) for p in pieces)


# A headline in title case ("12 Most Ancient and Magnificent Trees From Around the World") may run to
# `max-headline-words`: TITLE_CASE_SHARE of its words of four letters or more are capitalised, which the text's
# own sentences, longer than `max-bare-words`, are not.
TITLE_CASE_SHARE = 0.75


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    return len(long) >= 3 and sum(w[:1].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)


def _bare_headline(body: str, at: int, marks: int) -> re.Match | None:
    """A headline with no label at `at`: ending at ` .` in a text that ends lines so (`marks` of them), or in a
    quoted phrase (see _BARE, _QUOTED_END)."""
    return (_BARE.match(body, at) if marks else None) or _QUOTED_END.match(body, at)


def _stored_on_one_line(block, body: str) -> bool:
    return block.first_line == block.last_line and len(_SENTENCE_END.findall(body)) + 1 >= _ONE_LINE_SENTENCES


class InlineTeaser(Rule):
    """A teaser for another story flattened into the running text: `Read more: <headline> .`

    ## What it does
    In text whose lines were joined (a dataset's articles stored on one
    line), a link to another story stays as a sentence of its own: a short
    label (up to three words, perhaps an ordinal first: `13th Juror:`, or
    a partner site's address: `theGrio.com:`) and
    a colon, then the other story's headline, ending where the
    link ended, at a question mark or at ` .` (the mark such datasets leave
    where a line had no punctuation), or, after a cue to read on, at `!`
    (`Read this: Nigerian soul superstar Nneka is back!`; not a speaker's
    `Obama: Yes we can!`): `Read more: Who is Nigeria's Muhammadu
    Buhari?`, `Opinion: Why we crave the abuse of Jeremy Clarkson .`,
    `'Finding Jesus': Shroud of Turin Q&A .`. So is a call to look that
    ends with the chevron that closed a link's text (`Watch how officials
    worry about a biological terror attack » .`, `Take a look at the slums
    where ... »`), in any text. It is read inside a line,
    after another sentence (a teaser opening a line is `story-teaser`'s).
    Speakers' labels in capitals (`SMITH:`), an interview's `Q:` and the
    names of a transcript's speakers (two names or more that each label
    three turns or more: `Rambukkana: May I speak? Shepherd: ...`), a
    headline of one word (`Creepy: Highlight .`, an article's own ranked
    items; nor is such a sentence read as a headline with no label), a
    photo's caption that points to its picture (`In the lead: Jane Doe
    (right) celebrates ...`) are left
    alone, and so are questions under their askers' names where one label
    answers three times or more (an expert answering readers: `Jane Roe:
    Where did the ships land? Smith: They landed ...`), and a label that
    opens with a pronoun or ends with a verb of saying (`They ask: "Who am
    I supposed to be? "`, `People wonder: Is she playing it straight with
    us?`: the author introducing someone's words); in text broken by more than `max-marks` such line ends (a guide's
    subheadings), only a label that says it points elsewhere (`Read this:`,
    `See more:`, `Related:`) is read, unless every one of those lines is a
    headline in title case of six words or more (`12 Most Ancient and
    Magnificent Trees From Around the World .`: a run of linked headlines).

    In any text, a paragraph of one line that is a link's label glued to
    its headline, with no space after the colon, is read too (`One week
    after reopening:Ocean City packed on sunny Saturday`: a page set the
    label apart and the scrape joined it to the link): a label of up to six
    words, a headline of four words or more, no sentence's end closing the
    line and no address in it, and not in a form whose other fields are glued
    to their values so (`Date Requested:February 10, 2005` / `Legislation
    creates:Neither Program nor Fund`). So is a link's card kept as a line of its
    own: another story's headline (three to 25 words, no sentence ending
    inside it nor punctuation closing it) and then `Read more` (`Fox host
    under fire again over resurfaced comments Read more`). So is a link
    that a page printed in square brackets between its paragraphs, kept
    between two sentences or as a line of its own (`[Read the documents.]`,
    `[Five things to remember about the Cubs' memorable victory]`): a
    capital opens it, four words or more (fewer when a cue opens it:
    `Read`, `See`, `Watch`), no label with a colon (an editor's `[Update:
    ...]`), no address after it (a Markdown link; Markdown and e-mail are
    not read for it), not a source cited after a claim (`[Newsweek,
    1/28/13]`, `[City of New York, December 2011]`), nor a picture's credit
    (`[Photo via screengrab]`).

    In an article stored on one line (a line of five sentences or more, in a
    document of at most two lines), a headline with no label is read too:
    a sentence of `min-bare-words` to `max-bare-words` words (to
    `max-headline-words` in title case) ending at ` .`
    (`Prince crowns dual rock charts .`), where the article's own sentences
    end at `.` (not one that ends with a colon, which introduced what the
    dataset dropped: `Here's what we know so far: .`, nor with `said`, an
    attribution's end, nor one that opens with a personal pronoun: `We will
    see .`, nor one that ends by pointing at its dropped link: `... can be
    found here .`, `... see the project's Github page .`, nor one that
    splices on a clause after a comma with a pronoun as its subject: `Be
    thankful for your mistakes, they will teach you ...`); or a sentence of
    as many words that ends in a quoted phrase
    with no mark at all, where a word that opens sentences follows
    (`Fans remember 'the Day the Music Died' The crash ...`; not a quoted
    nickname before a name). A text with more than `max-bare` of them is broken by
    subheadings and they are left alone, unless every one is six words or
    more (a run of linked headlines); in text that kept its line breaks,
    a sentence ending at ` .` is the author's.

    In such an article, a question that links a profile of someone in the
    news is read too: `Who was Walter Scott?`, `Who was co-pilot Andreas
    Lubitz?` (a capitalised name, perhaps after one word of role), unless
    the sentence after it names the person (or says `He`, `She`) within
    its first three words, answering it as the article's own subheading
    (`Who was Odin Lloyd? Odin Lloyd's sister ...`).

    In any text but mail, Markdown, code and legal files, another story's headline
    that a page printed in capitals on a line of its own between the
    story's lines is read too (Fox News: `HARRIS WORLD BLAME GAME BEGINS
    AFTER CRUSHING LOSS TO TRUMP`): seven words or more with no small
    letter, no full stop, comma, colon, semicolon, exclamation mark or
    closing bracket at its end (a contract's clause or a shouted sentence
    in capitals; a review's `TOO FAST TOO FURIOUS (DIGITAL BRIDGES)`), not
    a prompt (`CLICK HERE ...`, page-furniture's) nor a heading or a notice
    of the author's (`CHAPTER IV. ...`, `WARNING: ...`), not the document's
    first or last line, in a text at least half of whose letters are
    small, with small letters on the lines on either side (a licence's or
    a contract's paragraph in capitals runs over several lines).

    ## Why is this bad?
    Another story's headline in the middle of this one breaks its text and
    repeats across every story that links to it.

    ## Example
    ```
    ... a tough regime. Read more: Who is Nigeria's Muhammadu Buhari? Violent protests after the vote ...
    ... tickets go on sale Monday. Prince crowns dual rock charts . A venue has yet to be announced ...
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
        marks = len(_LINE_END_MARK.findall(text))
        # a guide broken by subheadings: only a teaser's own cue counts (not a run of linked headlines, each long)
        broken = marks > self.options.max_marks and not _linked_run(text)
        one_line = not broken and _few_lines(document)  # headlines with no label: only in an article on one line
        yield from self._capitals(document)
        if ":" not in text and not one_line and "»" not in text and "READ MORE" not in text.upper() and "[" not in text:
            return  # no label, no link's chevron, no card, and no article on one line to hold a headline without one
        yield from self._glued(document)
        labelled, bare = [], []
        turns = Counter(_NAME_LABEL.findall(text))
        speakers = _speakers(turns)
        interview = _answers(turns)  # someone answers in turns: the labelled questions are the interviewers' (readers')
        for block in document.prose_runs:
            body = text[block.start:block.end]
            on_one_line = one_line and _stored_on_one_line(block, body)
            for m in _SENTENCE_END.finditer(body):
                if "\n" in body[m.start():m.end()]:
                    continue  # a teaser opening a line is story-teaser's
                if (t := _TEASER.match(body, m.end()) or _SITE_TEASER.match(body, m.end())) is not None:
                    if (self._labelled(t) and t.group("label") not in speakers
                            and not (broken and not _CUE.match(t.group("label")))
                            and not (interview and t.group("headline").endswith("?"))):
                        labelled.append((block.start, t))
                    continue  # a label's form that is no teaser's ("Kind of creepy: Sonar ."): no bare headline either
                if (t := _ARROW_LINK.match(body, m.end()) or _bracketed(body, m.end(), document)) is not None:
                    labelled.append((block.start, t))
                elif on_one_line and (t := _PROFILE.match(body, m.end())) is not None and not _answered(body, t):
                    labelled.append((block.start, t))
                elif on_one_line and (t := _bare_headline(body, m.end(), marks)) is not None and self._bare(t):
                    bare.append((block.start, t))
        if len(bare) > self.options.max_bare and any(
                len(t.group("headline").split()) < RUN_MIN_WORDS for _, t in bare):
            bare = []  # subheadings break the text; a run of linked headlines is all of a headline's length
        for at, t in sorted(labelled + bare, key=lambda found: found[0] + found[1].start()):
            a, b = at + t.start(), at + t.end()
            start = a
            while start > at and text[start - 1] in " \t":
                start -= 1
            shown = text[a:b] if b - a <= 60 else text[a:a + 59] + "\u2026"
            yield Diagnostic(a, b, f'Teaser for another story inside the text: "{shown}"',
                             fix=Fix.unsafe(Edit(start, b), message="Delete the teaser"))

    def _glued(self, document):
        """Paragraphs of one line that are a link's label glued to its headline (see _GLUED_LABEL), not in a form."""
        text = document.text
        form = None  # whether the document is a form (see _form): asked only once a glued label is found
        for block in document.prose_runs:
            if block.first_line != block.last_line or block.piece:
                continue
            body = text[block.start:block.end]
            shown = body if len(body) <= 60 else body[:59] + "\u2026"
            glued = ":" in body and _glued_label(body) is not None
            if glued and form is None:
                form = _form(document)
            if glued and not form:
                what = "its label glued to its headline"
            elif (t := _bracketed(body, 0, document)) is not None and t.end() == len(body.rstrip()):
                what = "in brackets"
            elif body.rstrip().upper().endswith("READ MORE") and _read_more_card(body) is not None:
                what = "a link's card closed by Read more"
            else:
                continue
            yield Diagnostic(block.start, block.end, f'Teaser for another story, {what}: "{shown}"',
                             fix=Fix.unsafe(Edit(removal_start(document, block), block.end),
                                            message="Delete the teaser"))

    def _capitals(self, document):
        """Other stories' headlines in capitals, each on a line of its own between the story's lines (see
        _CAPITALS_LINE); not in mail (a writer's shouting, a program's output), code or a file of legal text."""
        text = document.text
        if document.is_mail or document.markdown or is_legal_file(document.path) or not _CAPITALS_LINE.search(text):
            return  # (Markdown: a document's own notices in capitals, and its headings' own marks)
        if sum(c.islower() for c in text) < CAPITALS_PROSE_SHARE * sum(c.isalpha() for c in text):
            return  # a text in capitals (a telegram, an old wire's copy)
        filled = [i for i in range(document.line_count) if document.line_text(i).strip()]
        for k in range(1, len(filled) - 1):  # (the first line is the document's title, the last its own end)
            i = filled[k]
            t = _capitals_headline(document, i)
            if t is None or document.in_code(document.line_starts[i]) or not _small_letters(
                    document.line_text(filled[k - 1])) or not _small_letters(document.line_text(filled[k + 1])):
                continue
            a, b = document.line_starts[i] + t.start("headline"), document.line_starts[i] + t.end("headline")
            shown = text[a:b] if b - a <= 60 else text[a:a + 59] + "\u2026"
            start = document.line_starts[i]
            end = document.line_starts[i + 1] if i + 1 < document.line_count else len(text)  # (with its \r\n)
            yield Diagnostic(a, b, f'Teaser for another story, a headline in capitals on a line of its own: "{shown}"',
                             fix=Fix.unsafe(Edit(start, end), message="Delete the teaser"))

    def _labelled(self, t: re.Match) -> bool:
        """Whether a label and what follows it read as a teaser (a headline that ends with `!` only after a cue to
        read on: `Read this: Nigerian soul superstar Nneka is back!`, not a speaker's `Obama: Yes we can!`)."""
        label = t.group("label").strip("'‘\"“’”")
        return not label.isupper() and len(label) >= 2 and label.split()[0] not in _PRONOUNS and \
            not _SAYS.search(label) and \
            len(t.group("headline").split()) <= self.options.max_headline_words and \
            len(t.group("headline").rstrip(" .").split()) >= LABELLED_MIN_WORDS and not _POINTS.search(t.group()) and \
            (not t.group("headline").endswith("!") or _READ_LABEL.match(label) is not None)

    def _bare(self, t: re.Match) -> bool:
        words = t.group("headline").split()
        longest = self.options.max_headline_words if _title_case(words) else self.options.max_bare_words
        # (two spaces inside: a blog corpus's removed links, "That's because of  friction .", no line's end)
        return (self.options.min_bare_words <= len(words) <= longest and not t.group("headline").isupper()
                and "  " not in t.group("headline").strip() and words[0] not in _PERSONAL
                and words[-1].lower() not in _POINTERS and not _CLAUSE.search(t.group("headline")))
