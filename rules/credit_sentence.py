from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule, option

from doclint.text import CLOSERS, MARK_LEAD, SENTENCE_ENDS

# The shape of a credit, not a list of outlets: who (a list of people's names, each perhaps with its outlet and
# role: "CNN's Barbara Starr", "Journalist Monica Sarkar", "AP writers Jane Doe and John Roe") and what they did
# for the story (contributed to it, reported it from a place, wrote it, conducted its interview).
_NAME_WORD = r"(?:[A-Z][a-z]*(?:['’-][A-Za-z]+)+|[A-Z][a-z]+|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+|(?:van|de|der|von|da|del|la|le|bin|al|di))"
_NAME = rf"[A-Z][a-z]+(?:['’-][A-Za-z]+)*(?:\s+{_NAME_WORD}){{1,4}}"  # a first name and one to four more words
# "CNN's", "The Associated Press's" ('CNN"s': a typist's slip), "NBC News'"
_OUTLET = r"(?:(?:[A-Z][\w&.]*|the)(?:\s+[A-Z][\w&.]*){0,3}(?:['’\"]s|(?<=s)['’])\s+)"
_ROLE = (r"(?:(?:[Ss]taff|[Ss]enior|[Cc]hief|[Ss]pecial|[Ff]reelance)\s+)?(?:[Jj]ournalist|[Rr]eporter|[Ww]riter"
         r"|[Cc]orrespondent|[Pp]hotographer|[Pp]roducer|[Ee]ditor|[Pp]hotojournalist)s?\s+")
# A place of one to four capitalised words ("Seyne-les-Alpes", "Washington, D.C", "St. Louis"); a full stop only
# inside a word or after St, Mt and Ft: the credit's own full stop ends the sentence ("... from London. CNN's ...")
_PLACE_WORD = r"(?:(?:St|Mt|Ft)\.\s+)?[A-Z][\w'’-]*(?:\.[A-Z][\w'’-]*)*"
_PLACE = rf"{_PLACE_WORD}(?:(?:\s+|,\s+){_PLACE_WORD}){{0,3}}"
_PLACES = rf"{_PLACE}(?:,?\s+and\s+{_PLACE})?"  # "... reported and wrote in Atlanta and New York."
# a person, perhaps with where they were: "CNN's Matthew Chance in Moscow and Laura Smith-Spark in London"
# ("Associated Press journalists Jane Doe in Berlin, John Roe and Ann Lee in Caracas, Mei Lin in Dakar, Senegal and
# Dan Roe in Tehran contributed reporting.")
_PERSON = (rf"(?:{_OUTLET}?(?:[A-Z]{{2,}}\s+{_ROLE}|(?:[A-Z][a-z]+\s+){{1,2}}{_ROLE}|{_ROLE})?{_NAME}"
           rf"(?:\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?"
           rf"(?:,\s+[A-Z][\w'’.-]*(?=,?\s+and\s|\s+contributed))?)?)")
_AND = r"(?:\s*,\s*|,?\s+and\s+|,?\s+as\s+well\s+as\s+)"  # "X, Y and Z", "..., as well as journalists X and Y"
_PEOPLE = rf"{_PERSON}(?:{_AND}{_PERSON})*,?"  # (a comma may close the list: "..., as well as X, contributed")
_STORY = r"(?:this|the)\s+(?:report|story|article|coverage|piece)"
# "contributed to this report", "contributed reporting", "contributed to the reporting of this story" (a student
# paper's credit), "contributed additional reporting"
_DID = (rf"(?:also\s+)?(?:contributed(?:\s+(?:to\s+{_STORY}|(?:to\s+the\s+)?(?:additional\s+)?(?:reporting|research)"
        rf"(?:\s+(?:of|for|on|to)\s+{_STORY})?)|\s+(?:from|in)\s+{_PLACE})*"
        rf"|(?:reported|wrote)(?:\s+and\s+(?:reported|wrote))?(?:\s+{_STORY})?\s+(?:from|in)\s+{_PLACES}"
        rf"|conducted\s+the\s+interviews?(?:\s+(?:from|in)\s+{_PLACE})"
        rf"|(?:designed|produced|created|made|drew)\s+the\s+(?:graphics?|maps?|charts?|illustrations?|video)"
        rf"\s+(?:for|in)\s+{_STORY}"
        # a broadcast's credits, as public radio prints them under a transcript ("Marc Rivers and Emily Kopp produced
        # and edited this interview for broadcast. Beth Novey adapted it for the Web.")
        rf"|(?:produced|edited)(?:\s+and\s+(?:produced|edited))?\s+(?:this|the)\s+(?:interview|segment|story|piece)"
        rf"\s+for\s+(?:broadcast|radio|air)"
        rf"|adapted\s+it\s+for\s+the\s+[Ww]eb)")
# An outlet among the contributors ("NBC News' Jane Doe, The Associated Press and Reuters contributed to this
# report."): a name of one to four capitalised words, perhaps after "The", credited only with this report's own
# words (`to this report`, `reporting`), never with a study's ("Oxford University contributed to the research").
_ORG_NAME = r"(?:[Tt]he\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}"
# (an outlet only where no person's name stands: a name read both ways made a long list that fails to end in a credit
# cost two to the power of its names)
_AGENT = rf"(?:{_PERSON}|(?!{_PERSON}){_ORG_NAME})"
_AGENTS = rf"{_AGENT}(?:{_AND}{_AGENT})*,?"
_CONTRIBUTED_THIS = (r"(?:also\s+)?contributed\s+(?:to\s+this\s+(?:report|story|article)|(?:additional\s+)?reporting)"
                     rf"(?:\s+(?:from|in)\s+{_PLACE})*")
_CLAUSE = rf"(?:{_PEOPLE}\s+{_DID}|{_AGENTS}\s+{_CONTRIBUTED_THIS})"
# A credit sentence: one clause or several ("X reported from Lagos, while Y wrote from London.", "X reported from
# Moscow; Y reported and wrote from Atlanta.", "X reported from Kathmandu, Y reported from India and Z wrote this
# story from Atlanta."), then its full
# stop (news datasets write " ." where a paragraph ended).
_CREDIT = rf"{_CLAUSE}(?:(?:,?\s+(?:and|while)|;|,)\s+{_CLAUSE})*\s?\."
# What a syndicated copy says of where it first appeared, or of whom it came from.
_SYNDICATION = (r"(?:This|The)\s+(?:article|piece|story|post|report)(?:\s+below)?\s+(?:was|has\s+been|is)\s+"
                r"(?:written\s+by\s+[^.\n]{2,60}?\s+and\s+)?(?:originally\s+|first\s+)?"
                r"(?:produced|published|posted|contributed|syndicated|republished|provided)"
                r"(?:\s+for\s+and\s+posted)?\s+(?:by|at|on|in|with|from)\s+[^\n]{2,80}?(?:\.|(?=[ \t]*(?:\n|$)))"
                r"|Contributed\s+by\s+[A-Z][^\n]{1,60}?\s+of\s+(?:(?:www\.)?[\w-]+(?:\.[\w-]+)+"
                r"|(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,5})\s?\."
                r"|Delivered\s+by\s+(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}\s?\.?"
                # the wire's own credit line: "Information from The Associated Press was used in this report."
                r"|(?:Information|Material)\s+from\s+(?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}"
                r"(?:(?:,|\s+and)\s+(?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}){0,3}"
                r"\s+(?:was|were)\s+used\s+in\s+(?:this|the)\s+(?:report|story|article)\s?\.")


# An author's bio that a site appends after the story: a person's full name opening a sentence, then what they
# are or have done as a writer, within five words ("Jane Doe is an award-winning journalist", "... is the author
# of", "... has authored over 160 poems", "... is co-author, with ..., of"). Not a staff note naming the story's
# reporter ("Clark Boyd is technology correspondent for The World"): that is the outlet's own line, which news
# corpora keep as the story's text.
_BIO_ROLE = (r"(?:co-?)?authors?|authored|written|journalist|writer|reporter|columnist|contributor|blogger|publisher|poet"
             r"|novelist|commentator|essayist|broadcaster|founder|editor")
_GAP = r"(?:[\w'’-]+\s+){0,5}?"
_CREDENTIALS = r"(?:,\s+[A-Z][A-Za-z.]{1,7}){1,3},"  # "Jim Roe, CPP, is founder ...", "Jane Doe, Ph.D., is a writer"
_BIO = (rf"(?:[—–•]\s*)?(?P<name>{_NAME})(?:\s*\(@\w{{1,15}}\)|{_CREDENTIALS})?\s+(?:is|was|has\s+been|has)\s+{_GAP}"
        rf"(?:{_BIO_ROLE})\b")  # ("— Jane Doe is a writer", "Jane Doe (@janedoe) is a contributor to ...")
BIO_TAIL_BLOCKS = 4  # a bio stands among the last blocks of prose (fnc-style pages put a copyright line, an RSS
# link and the bio after the story)
BIO_STORY_BLOCKS = 3  # a bio read by its shape alone (_ROLE_AT) follows a story of at least this many blocks: in a
# short news item the first paragraphs introduce its people so ("Scrum-half Matt Dawson is an injury doubt for ...")
BIO_STORY_CHARS = 1500  # or, in the last block, this many characters of story before it in the same block (a
# scraper that joins a page's paragraphs with no space leaves a whole story and its bio in one block)
BLURB_TAIL_BLOCKS = 2  # a blurb about the site or an organisation closes the story: in its last two blocks, with
# nothing after it but the page's furniture ("Please adhere to our commenting policy ...", "Copyright ...")
_FURNITURE_OPENING = lazyre.compile(r"\s*(?:please|copyright|©|all\s+rights|comments?|follow|subscribe|share|click"
                                    r"|sign\s+up|join|support|donate)\b", re.IGNORECASE)
# A paragraph that quotes someone is the story's: an expert introduced late ("Sarah Jones is a senior economist at
# the University of Leeds. She said ...") or a company's spokesman, not a bio or a blurb.
_SPEECH = lazyre.compile(r"\b(?:said|says|told|tells|according\s+to)\b")
ABOUT_AFTER = 3  # blocks holding a sentence that may follow an About block (another company's, a contact line)
# A heading: no number after "About" ("About 200, police said."), no full stop.
_ABOUT = lazyre.compile(r"About(?:\s+(?:Us|(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z0-9&][\w.&'’-]*|of|and|"
                        r"for|the|de)){0,8}))(?:,\s+[^\n:.]{1,60})?)?\s*:?")  # "About Texas Tech University Health Sciences Center El Paso"
# The heading glued to the paragraph under it on one line ("About the FCFF:The FCFF is Oregon's oldest ..."): the
# heading's colon, then the blurb, which names what the heading names.
_ABOUT_GLUED = lazyre.compile(r"About\s+(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z0-9&][\w.&'’-]*){0,4}):\s*"
                              r"(?=(?:The\s+)?(?P=name)\b)")
# A press release's safe-harbour disclaimer: its heading ("Forward-Looking Statements", "Safe Harbor Statement",
# "Cautionary Note Regarding Forward-Looking Statements") over the paragraph that says the release holds such
# statements, or that paragraph alone ("This press release contains forward-looking statements within the meaning of
# ..."): the issuer's lawyers' text, the same under every release it sends.
_SAFE_HARBOR = lazyre.compile(r"(?:Cautionary\s+(?:Note|Statement|Language)s?\s+(?:Regarding|Concerning|About|on)\s+)?"
                              r"(?:Forward[-\s]Looking\s+Statements?|Safe\s+Harbou?r(?:\s+Statements?)?)"
                              r"(?:\s+(?:and|&)\s+[A-Z][\w\s]{0,40})?\s*:?", re.IGNORECASE)
_DISCLAIMS = lazyre.compile(r"(?:[^.\n]{0,120}?\bforward[-\s]looking\s+statements\b)", re.IGNORECASE)
_DISCLAIMER_OPENING = lazyre.compile(r"(?:This|The)\s+(?:press|news)\s+release\s+(?:contains|may\s+contain|includes|"
                                     r"may\s+include)\s+(?:certain\s+)?[\"“]?forward[-\s]looking\s+statements",
                                     re.IGNORECASE)
BYLINE_WORDS = 8  # a line this short that names the bio's person is a byline or a link, not the story's text
_CREDITED = lazyre.compile(r"(?:\bby|©|\bcopyright)\s*:?\s*(?:[A-Z][\w.'’-]*\s+){0,3}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns():
    """(credit, syndication): compiled when a document first needs them, not by every run's import."""
    return lazyre.compiled_now(_CREDIT), lazyre.compiled_now(_SYNDICATION)


@lru_cache(maxsize=1)
def _bio_pattern():
    return lazyre.compiled_now(_BIO)


# A bio by its shape, where it names no writing role: a full name opens the block, then what the person is and
# where ("Mike Gleason is a Director with Money Metals Exchange", "James W. King is Commander of the Albany
# Camp", "Alan Joel has been a practicing CPA in NYC"), or what they do, then the next sentence says so ("Tyler
# Cochran studies Political Science at Missouri State University. He is a Media Ambassador and Missouri State
# Chair for Young Americans for Liberty."). Read only at a tail block's start.
_IS_AT = (r"(?:is|was|has\s+been)\s+(?:an?\s+|(?=[A-Z]))(?:[\w'’-]+\s+){0,%d}?(?:of|with|at|for|in)\s+(?:the\s+)?"
          r"[A-Z]")  # a role, with "a" or capitalised: not "has been named in the Scotland squad"
_ENDS = re.escape(SENTENCE_ENDS)
_TITLE = r"(?:Mr|Mrs|Ms|Dr|Prof)\.?"
_SURNAME = r"[A-Z][\w'’-]+"
_TITLED = rf"{_TITLE}\s+{_SURNAME}"
# What a writer does for a living, said in the present (a bio's verbs, not a story's: "Mr. Doe practices law in ...")
_PRACTISES = r"(?:practi[cs]es?|teach(?:es)?|publish(?:es)?)"  # (not "works", "runs", "heads": a story's last
# source says so of themself: "Dr. Okafor works in the emergency department at ...")
_ROLE_AT = (rf"(?P<name>{_NAME})\s+(?:{_IS_AT % 4}|[a-z]+\b[^{_ENDS}\n]{{0,200}}?[{_ENDS}]\s+(?:He|She)\s+"
            rf"{_IS_AT % 6})"  # or a first name alone, said again as the next sentence's subject ("Jim publishes
            # TechnoFile Magazine. Jim is an affiliate with the Automobile Journalists Association ...")
            rf"|(?P<first>[A-Z][a-z]+)\s+[a-z]+\b[^{_ENDS}\n]{{0,200}}?[{_ENDS}]\s+(?P=first)\s+{_IS_AT % 6}"
            # or a name with its credentials, perhaps after a dash, where the role needs no article ("—Jane Roe, MD,
            # is division chief of gynecologic oncology at Example University Cancer Center.")
            rf"|(?:[—–]\s*)?(?P<credited>{_NAME}){_CREDENTIALS}\s+(?:is|was)\s+(?:[\w'’-]+\s+){{0,5}}?"
            rf"(?:of|with|at|for|in)\s+(?:the\s+)?[A-Z]"
            # or the writers by title and surname, as an opinion page's note names them ("Mr. Nye is a former dean
            # of the Harvard Kennedy School", "Mr. Lockhart and Ms. Nassour are respectively former chairs of ...",
            # "Messrs. Rivkin and Casey practice appellate and constitutional law in Washington.")
            rf"|(?P<honored>{_TITLED}(?:\s+and\s+(?:{_TITLE}\s+)?{_SURNAME})?|Messrs\.\s+{_SURNAME}\s+and\s+{_SURNAME})"
            rf"\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:respectively\s+|an?\s+|the\s+)"
            rf"(?:[\w'’-]+\s+){{0,5}}?(?:of|with|at|for|in)\s+(?:the\s+)?[A-Z]|{_PRACTISES}\s+(?:[^{_ENDS}\n]|\.(?=\w)){{0,120}}?"
            rf"\b(?:at|in|for|with|of|on)\s+(?:the\s+)?[A-Z])")


# A bio that says what its person writes in a later sentence, under a pronoun: a full name opens it, what the person
# did or is, then within three sentences `He has written ...`, `She is a columnist ...` or `he now spends his time
# writing` (NaturalNews's bios: "Zach C. Miller was raised ... He later found in himself a talent for writing ... He
# has written and published articles ..."). Read in the last blocks, quoting no one, as the other shapes.
_PRONOUN_BIO = (rf"(?P<name>{_NAME})\s+[a-z]+\b(?:[^{_ENDS}\n]{{0,300}}?[{_ENDS}]\s*){{1,3}}?[^{_ENDS}\n]{{0,80}}?"
                rf"\b(?:He|She|he|she)\s+(?:now\s+|also\s+)?(?:(?:is|was|has|had)\s+{_GAP}(?:{_BIO_ROLE})\b"
                rf"|spends\s+(?:his|her)\s+time\s+writing\b|writes\s+(?:for|about|on|a)\b)")


@lru_cache(maxsize=1)
def _pronoun_bio_pattern():
    return lazyre.compiled_now(_PRONOUN_BIO)


@lru_cache(maxsize=1)
def _role_at_pattern():
    return lazyre.compiled_now(_ROLE_AT)


# A site's or an organisation's blurb after the story: its name opens the block (a web address, or a name in
# capitals, perhaps with its initials: "American Chemical Society, ACS"), then what it is within six words
# ("LifeNews.com is an independent news agency devoted to ...", "... is a congressionally chartered independent
# membership organization"). A web address as its subject counts after any story; a name, after three blocks.
_BODY = (r"(?:agency|organi[sz]ation|company|corporation|firm|site|website|publication|magazine|newspaper|network"
         r"|non-?profit|outlet|platform|publisher|blog|portal|association|society|institute|foundation|coalition"
         r"|charity|think\s+tank|group)")
_SITE = r"(?P<site>(?:www\.)?[A-Z][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|info|news|tv|us))"
_ORG = r"(?P<org>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|and|for|the)){1,6}(?:,\s+[A-Z]{2,6})?)"
_BLURB = rf"(?:{_SITE}|{_ORG})\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,5}}?{_BODY}\b"


@lru_cache(maxsize=1)
def _blurb_pattern():
    return lazyre.compiled_now(_BLURB)


# The longest credit sentence looked for, in characters (CNN's longest seen, with five reporters and two
# places, run to some 300): the patterns' lists of names are matched within this window, never over a whole
# paragraph, where their alternatives could be tried in exponentially many ways.
CREDIT_MAX_CHARS = 400

# Cue words: a block without one of them holds no credit (one fast scan before the patterns).
_CUES = lazyre.compile(r"\b(?:contributed|reported|wrote|conducted|[Oo]riginally|published|posted|provided|"
                       r"[Dd]elivered|[Cc]ontributed|designed|produced|created|made|drew|edited|adapted|"
                       r"used\s+in\s+(?:this|the))\b")


@dataclass(frozen=True)
class Options:
    tail_sentences: int = option(6, "A credit for reporting, writing or an interview counts among the last this "
                                    "many sentences of the document (where stories put it); one for contributing "
                                    "or a syndication note, anywhere at a sentence's start.")


class CreditSentence(Rule):
    """Sentence that credits the people or the site behind the story, not part of its text.

    ## What it does
    Reads the shape of a credit, with no list of outlets: a sentence whose
    subject is a list of people's names (each perhaps with its outlet and
    role, and where the person was: `CNN's Barbara Starr, Justin Lear and Ray
    Sanchez`, `Journalist Monica Sarkar`, `CNN's Jane Doe in Moscow and John
    Roe in London`, `NBC News' Jane Doe`; a dash may set it off, `-- CNN's
    Jane Doe contributed ...`, and goes with it; outlets may stand among
    them where they contributed to this report: `Jane Doe, The Associated
    Press and Reuters contributed to this report.`; a list may go on with
    `as well as` and close with a comma: `..., as well as journalists Jane
    Doe and John Roe, contributed ...`) and whose verb says
    what they did for the story
    (`contributed to this report`, `reported from Boston`, `wrote the story
    in Atlanta`, `reported and wrote from Atlanta`, `conducted the interview
    in Cologne`, `designed the graphics in this report`, a broadcast's
    `produced and edited this interview for broadcast` and `adapted it for
    the Web`), possibly several
    such clauses joined by `and`, `while`, a comma or a semicolon, opening a
    sentence or glued after a linked headline that ends in a quoted phrase
    (`... is 'based on nothing' CNN's Jane Doe contributed ...`); each
    credit ends at its own full stop (a place's words keep only inner ones:
    `D.C`, `St. Louis`); and a syndication note (`This article
    was originally published at ...`, `This article has been contributed by
    ...`, `This story was provided by Example News, ...`, `Contributed by X
    of www.example.com.`, `Delivered by ...`, a wire's
    `Information from The Associated Press was used in this report.`). A
    credit for contributing and a syndication note count anywhere they open
    a sentence; one for reporting, writing or an interview only among the
    document's last `tail-sentences` sentences (in the story, `The BBC's John
    Simpson reported from Baghdad.` may be news).

    Also an author's bio that a site appends after the story: among the last
    four blocks of prose, a sentence that opens with a person's full name
    (perhaps with a handle or credentials: `Jim Roe, CPP, is ...`) and
    says, within five words, what they are or have done as a writer (`Jane
    Doe is an award-winning journalist`, `Jane Doe is a reporter at Example
    News.`, however short, `... is the author of`, `... has
    authored over 160 poems`), when the story has not named that person
    before (a byline, a short link line or a `copyright by:` credit aside)
    nor quotes them after it (`Ms Doe also says ...`: a person the story
    introduces); the finding runs to the end of its block. A bio that names no writer's
    role is read by its shape, only where a block opens with it after at
    least three blocks of story, in the last two, quoting no one (a late
    expert is quoted: `... economist at Leeds. She said ...`): a full name,
    then a role and where (`Jane
    Doe is a Director with Example Savings`, `... is Commander of the ...`,
    `... has been a practicing CPA in NYC`; with credentials, perhaps after
    a dash, a role with no article: `—Jane Doe, MD, is division chief of
    oncology at ...`), or what the person does and,
    in the next sentence, `He is` or `She is` a role somewhere (`Jane Doe
    studies Law at Example State University. She is a Fellow for ...`), or
    a first name alone said again as that sentence's subject (`Jim
    publishes Example Magazine. Jim is an affiliate with the ...`), or the
    writers by title and surname, as an opinion page's note names them,
    then a role and where or what they do for a living there (`Mr. Doe is a
    former dean of the Example School`, `Mr. Doe and Ms. Roe are
    respectively former chairs of ...`, `Messrs. Doe and Roe practice law
    in Washington.`), or,
    within the next three sentences, `He` or `She` and what they write
    (`Jane Doe was raised ... She has written articles about ...`, `... she
    now spends her time writing`). In the last block these may open right
    after a sentence with no space (`... food supply.Jane Doe was raised
    ...`: a scraper joined the page's paragraphs), with 1,500 characters of
    story before them in the block (`BIO_STORY_CHARS`).
    The last blocks are counted among those that hold a sentence, so a
    list of sources or links after the bio does not hide it. And a press
    release's or a site's About block after the story: a line `About
    <name>` (`About Us:`, `About Example Corp, a Sample Company:`, or
    `About` alone) after at
    least three blocks of story, with at most three blocks of sentences
    after it, and the paragraph under it; a name with an apostrophe is a
    section of the story (`About Musgraves' Co-Songwriters`), and `About`
    before a number no heading (`About 200, police said.`); the heading may
    be glued to its paragraph when the paragraph names what it names
    (`About the FCFF:The FCFF is Oregon's oldest ...`). And a press
    release's safe-harbour disclaimer: a heading `Forward-Looking
    Statements` (`Safe Harbor Statement`, `Cautionary Note Regarding
    Forward-Looking Statements`) on its own line over the paragraph that
    speaks of such statements, or that paragraph alone where it opens so
    (`This press release contains forward-looking statements ...`). And a blurb
    about the site or an organisation opening one of the last two blocks,
    after the story's first, with nothing but the page's furniture after it
    (`Please ...`, `Copyright ...`): a web address or a name in capitals the
    story has not named, then `is a` or `is an` and within six words what
    it is (`Example.com is an independent news agency ...`, `Example
    Society, ES is a chartered membership organization ...`), quoting no
    one; a name, not an address, only after three blocks. A staff note naming the
    story's reporter (`Clark Boyd is technology correspondent for The
    World`) and Markdown or sectioned documents (whose `Author` section is
    their own text) are left alone.

    ## Why is this bad?
    A credit line belongs to the page, not the article: it repeats across a
    corpus's stories and names people where the text names none.

    ## Example
    ```
    ... the ceasefire held overnight. CNN's Jane Doe and John Roe contributed to this report.
    ```

    ## Fix safety
    The fix deletes the sentence (a bio: to the end of its block). It is safe
    for a contribution credit (`... contributed to this report.`, whose
    extent its words close) and unsafe for the others, whose extent depends
    on reading names and places.
    """

    code = "S102"
    # the same leftover read by its wording (S111-S114) or as a headline with no label (S104): one finding; and a
    # credit's or an About block's paragraph is no other story's (T101: `About RTX` / `RTX is the world's largest
    # aerospace and defense company. ...`, foreign to a release about a tender offer by its words)
    supersedes = frozenset({"S111", "S112", "S113", "S114", "S104", "T101"})
    name = "credit-sentence"
    category = "source-tag"
    fixable = "sometimes"
    Options = Options

    def check(self, document, context):
        text = document.text
        if not document.markdown and not any(b.kind == "heading" for b in document.blocks):
            # a project's documentation is in sections: an "Author" or "About" section is its own text
            sentences = [b for b in document.prose_runs if _a_sentence(text[b.start:b.end])]  # see _a_sentence
            yield from self._bios(document, sentences)
            yield from self._blurbs(document, sentences)
            if "About" in text:
                yield from self._abouts(document)
            if "orward" in text:  # Forward-Looking Statements, forward-looking statements
                yield from self._disclaimers(document)
        if not _CUES.search(text):
            return
        credit, syndication = _patterns()
        prose = document.prose_runs
        glued = len(_GLUED_JOIN.findall(text)) >= GLUED_JOINS  # paragraphs joined with no space (see _credit_starts)
        ends = [m.end() for b in prose for m in _SENTENCE_END.finditer(text, b.start, b.end)]
        if glued:
            ends = sorted(ends + [m.end() for b in prose for m in _GLUED_JOIN.finditer(text, b.start, b.end)])
        tail_start = ends[-self.options.tail_sentences - 1] if len(ends) > self.options.tail_sentences else 0
        for block in prose:
            body = text[block.start:block.end]
            if not _CUES.search(body):
                continue
            found = 0  # where the last credit found ends: a start inside it is no credit's own
            for start in _credit_starts(body, glued):
                if start < found:
                    continue
                for pattern, kind in ((credit, "credit"), (syndication, "syndication")):
                    m = pattern.match(body, start, start + CREDIT_MAX_CHARS)
                    if m is None or not _ends_here(body, m.end(), glued):
                        continue
                    if not m.group().endswith(".") and block.first_line != block.last_line:
                        continue  # a note ends at its line's end only on a line of its own, not where a wrap cut it
                    a, b = block.start + _dash_before(body, m.start()), block.start + m.end()
                    contribution = kind == "credit" and "contributed" in m.group() and not _DID_ELSE.search(m.group())
                    if kind == "credit" and not contribution and a < tail_start:
                        continue  # "reported from", "wrote": news in the story, a credit at its end
                    yield self._diagnostic(document, block, a, b, kind, safe=contribution)
                    found = m.end()
                    break

    def _bios(self, document, sentences):
        """Author's bios among the last blocks of prose that hold a sentence: the sentence that opens one (see
        _BIO) to the end of its block, when the document has not named its person before (but in the lines right
        before it)."""
        text = document.text
        for n, block in enumerate(sentences[-BIO_TAIL_BLOCKS:], start=max(0, len(sentences) - BIO_TAIL_BLOCKS)):
            body = text[block.start:block.end]
            opening = len(body) - len(body.lstrip())
            cued = bool(_BIO_CUES.search(body))  # a writer's role; else only a bio by its shape, opening the block
            late = n >= max(BIO_STORY_BLOCKS, len(sentences) - BLURB_TAIL_BLOCKS)  # at the very end of the story
            last = n == len(sentences) - 1  # (a scraper may have joined the whole story into its last block)
            starts = [*_sentence_starts(body), *_glued_starts(body)] if cued or late or last else \
                [opening] if n >= BIO_STORY_BLOCKS else []
            for start in sorted(set(starts)):
                if n == 0 and start < BIO_STORY_CHARS:
                    continue  # no story before it: the story's own opening ("Tom Cruise has reportedly written ...")
                m = _bio_pattern().match(body, start) if cued else None
                if m is None and (late or (last and start >= BIO_STORY_CHARS)):  # by its shape, quoting no one
                    m = (_role_at_pattern().match(body, start) if start == opening or _ROLE_GLUED_NAME.match(body, start)
                         else None) or \
                        _pronoun_bio_pattern().match(body, start)
                    m = None if m is None or _SPEECH.search(body, start) else m
                if m is None:
                    continue
                a = block.start + m.start()
                found = m.groupdict()
                surname = (found.get("name") or found.get("first") or found.get("honored")
                           or found["credited"]).split()[-1]
                if _named_in_story(text, surname, a) or _quoted_after(text, surname, block.end):
                    continue  # the story's own subject: "... Doe is the author of the report", or a person it
                    # introduces and then quotes ("Jane Doe is an Indian blogger ..." / "Ms Doe also says ...")
                yield self._diagnostic(document, block, a, block.end, "bio", safe=False)
                break  # the bio runs to its block's end (co-authors' bios stand in blocks of their own)

    def _blurbs(self, document, sentences):
        """A site's or an organisation's blurb opening one of the last blocks of prose that hold a sentence, after
        the story's first (see _BLURB), to the end of its block."""
        text = document.text
        for n, block in enumerate(sentences[-BLURB_TAIL_BLOCKS:], start=max(0, len(sentences) - BLURB_TAIL_BLOCKS)):
            body = text[block.start:block.end]
            start = len(body) - len(body.lstrip())
            m = _blurb_pattern().match(body, start) if n > 0 and not _SPEECH.search(body) else None
            if m is None or not (m.group("site") or n >= BIO_STORY_BLOCKS):
                continue
            if any(not _FURNITURE_OPENING.match(text, b.start) for b in sentences[n + 1:]):
                continue  # the story goes on after it: a company it introduces, not the site's blurb
            name = (m.group("site") or m.group("org")).removeprefix("www.").removeprefix("The ")
            key = re.split(r"[\s.]", name, maxsplit=1)[0]  # "Amazon" of "Amazon.com", "American" of "American ..."
            if re.search(rf"\b{re.escape(key)}\b", text[:block.start], re.IGNORECASE):
                continue  # the story's own subject ("Amazon.com is the world's largest online retail company")
            yield self._diagnostic(document, block, block.start + start, block.end, "blurb", safe=False)

    def _disclaimers(self, document):
        """A press release's safe-harbour disclaimer after its story: the heading and the paragraph under it that
        speaks of forward-looking statements, or such a paragraph alone when it opens so (see _SAFE_HARBOR)."""
        text, blocks = document.text, document.blocks
        for n, block in enumerate(blocks[1:], start=1):
            body = text[block.start:block.end].strip()
            if block.kind != "paragraph":
                continue
            under = blocks[n + 1] if n + 1 < len(blocks) else None
            if (under is not None and block.first_line == block.last_line and _SAFE_HARBOR.fullmatch(body)
                    and under.kind == "paragraph" and _DISCLAIMS.match(text, under.start)):
                yield self._diagnostic(document, block, block.start, under.end, "disclaimer", safe=False)
            elif _DISCLAIMER_OPENING.match(body) and not _SAFE_HARBOR.fullmatch(
                    text[blocks[n - 1].start:blocks[n - 1].end].strip()):
                yield self._diagnostic(document, block, block.start, block.end, "disclaimer", safe=False)

    def _abouts(self, document):
        """A press release's or a site's About block after the story: a line `About <name>` (`About Us:`, `About
        Example Corp, a Sample Company:`) and the paragraph under it, among the last blocks (see _ABOUT)."""
        text, blocks = document.text, document.blocks
        sentence = [b.kind == "paragraph" and _a_sentence(text[b.start:b.end]) for b in blocks]
        before = list(itertools.accumulate(sentence, initial=0))  # before[n]: blocks of sentences before block n
        for n, block in enumerate(blocks):
            if (block.kind == "paragraph" and _ABOUT_GLUED.match(text, block.start) and before[n] >= BIO_STORY_BLOCKS
                    and before[-1] - before[n + 1] <= ABOUT_AFTER):
                yield self._diagnostic(document, block, block.start, block.end, "about", safe=False)
                continue
            if (n + 1 == len(blocks) or block.kind != "paragraph" or block.first_line != block.last_line
                    or not sentence[n + 1]):
                continue
            m = _ABOUT.fullmatch(text[block.start:block.end].strip())
            if (m is None or before[n] < BIO_STORY_BLOCKS or before[-1] - before[n + 2] > ABOUT_AFTER
                    or re.search(r"['’]", m.group("name") or "")):
                continue  # a section of the story ("About Musgraves' Co-Songwriters"), or not at its end
            yield self._diagnostic(document, block, block.start, blocks[n + 1].end, "about", safe=False)

    @staticmethod
    def _diagnostic(document, block, a: int, b: int, kind: str, safe: bool) -> Diagnostic:
        text = document.text
        start = a
        while start > block.start and text[start - 1] in " \t":
            start -= 1
        shown = " ".join(text[a:b].split())
        lead = MARK_LEAD.match(text, block.start).end()
        if a == lead and text[block.start:lead].strip():
            start = a = block.start  # the block's mark before it (`<p> `) goes with it
        if start == block.start:  # the sentence opens its block: it takes the space after it instead
            end = b
            while end < block.end and text[end] in " \t":
                end += 1
            edit = Edit(a, end)
        else:
            edit = Edit(start, b)
        if start == block.start and b >= block.end:  # blocks of their own: they and the break before them go
            prev = max((x.end for x in document.blocks if x.end <= block.start), default=block.start)
            edit = Edit(prev, b)
        what = {"credit": "Credit for the story's reporting", "syndication": "Syndication note",
                "bio": "Author's bio appended to the story",
                "blurb": "A blurb about the site or an organisation appended to the story",
                "about": "An About block (of a company, the site or the author) appended to the story",
                "disclaimer": "A press release's disclaimer about forward-looking statements"}[kind]
        shown = shown if len(shown) <= 60 else shown[:59] + "\u2026"
        make = Fix.safe if safe else Fix.unsafe
        return Diagnostic(a, b, f'{what}: "{shown}"', fix=make(edit, message="Delete the credit"))


def _a_sentence(body: str) -> bool:
    """Whether a block of prose holds a sentence (a sentence's end, and more than a byline's words or a writer's
    role: `Jane Doe is a reporter at Example.`): the blocks a bio is counted among, not a list of links or labels
    after it (`Sources:` / `Hemp plastics:` / an address)."""
    return bool(_SENTENCE_END.search(body)) and (len(body.split()) > BYLINE_WORDS or bool(_BIO_CUES.search(body)))


def _named_in_story(text: str, surname: str, before: int) -> bool:
    """Whether the text before a bio names its person as the story does: not in a byline or a link's line
    (`RSS Feed for Jane Doe`, at most BYLINE_WORDS words) nor as a credit (`copyright by: Jane Doe`)."""
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text[:before]):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if len(line.split()) <= BYLINE_WORDS or _CREDITED.search(text, max(line_start, m.start() - 40), m.start()):
            continue
        return True
    return False


def _quoted_after(text: str, surname: str, after: int) -> bool:
    """Whether a sentence after a bio's block says what its person says (`Ms Doe also says she ...`): the story
    goes on with the person it introduced, as no site's bio does."""
    for m in re.finditer(rf"\b{re.escape(surname)}\b", text[after:]):
        start = after + m.end()
        if _SPEECH.search(text[start:start + SPEAKS_WITHIN]):
            return True
    return False


SPEAKS_WITHIN = 40  # characters after a name within which its verb of saying stands ("Mehta also says", "Doe, 43, said")


_BIO_CUES = lazyre.compile(rf"\s(?:is|was|has)\s+{_GAP}(?:{_BIO_ROLE})\b")
_DID_ELSE = lazyre.compile(r"\b(?:reported|wrote|conducted)\b")
_SENTENCE_END = lazyre.compile(f"[{re.escape(SENTENCE_ENDS)}][{re.escape(CLOSERS)}]*" + r"(?=\s|$)")
_NEXT_SENTENCE = lazyre.compile(f"[{re.escape(SENTENCE_ENDS)}][{re.escape(CLOSERS)}]*" + r"""\s+(?=["“]?[A-Z])""")


# A closing quotation mark, then a capital: where a linked headline that ends in a quoted phrase leaves off and
# the credit glued after it begins (`... India's ban on documentary is 'based on nothing' CNN's Jane Doe contributed
# to this report .`).
_AFTER_QUOTE = lazyre.compile(r"(?<=[^\W\d_]['’\"”])\s+(?=[A-Z])")


def _credit_starts(body: str, glued: bool = False) -> list[int]:
    """Where a credit may start: a sentence's start (past a dash that sets it off: `-- CNN's Jane Roe contributed
    to this report.`), right after a quoted phrase that ends a headline, or, `glued`: in a text whose paragraphs
    were joined with no space (GLUED_JOINS of them), right after a sentence's end glued to the next (`... how people
    voted.Hancock reported from Springfield.`)."""
    starts = set(_sentence_starts(body)) | {m.end() for m in _AFTER_QUOTE.finditer(body)}
    if glued:
        starts |= {m.end() for m in _GLUED_JOIN.finditer(body)}
    return sorted(starts | {m.end() for m in _DASH_SET_OFF.finditer(body)})


# A sentence's end glued to the next sentence's capital, with no space: where a scraper joined a page's paragraphs
# (`... said.Peters has spent ...`, `... district."Staff writer ...`). A text shows GLUED_JOINS of them before they
# count as sentence starts: alone, `e.g.The` or a file's `.Name` may be anything.
_GLUED_JOIN = lazyre.compile(f"(?<=[a-z0-9)\\]\"”’][{re.escape(SENTENCE_ENDS)}])" + r"[\"”’]?(?=[A-Z][a-z])")
GLUED_JOINS = 3


def _dash_before(body: str, start: int) -> int:
    """Where a credit starts with the dash that sets it off (`-- CNN's Jane Roe contributed ...`), if one does."""
    m = _DASH_END.search(body, max(0, start - 4), start)
    return m.start() if m else start


_DASH_END = lazyre.compile(r"(?:--|[—–])\s*$")


# A dash setting a closing credit off from the sentence before it ("... the area. -- CNN's Jane Roe contributed")
_DASH_SET_OFF = lazyre.compile(r"(?:^|(?<=[.!?\"”'’]))\s*(?:--|[—–])\s*(?=[A-Z])")


def _glued_starts(body: str):
    """Offsets where a sentence glued to the one before it opens with a name (`... food supply.Zach C. Miller was
    raised ...`: a scraper joined a page's paragraphs with no space), or a name glued to the byline's role before
    it (`staff writerZoe Roe is a graduate of ...`, `ReporterAaron Roe, a third-generation newspaperman, ...`)."""
    for m in _GLUED_NAME.finditer(body):
        yield m.start()
    for m in _ROLE_GLUED_NAME.finditer(body):
        yield m.start()


_GLUED_NAME = lazyre.compile(f"(?<=[a-z][{re.escape(SENTENCE_ENDS)}])" + r"(?=[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+\s)")
# A name glued to the byline's role before it, where a page's author box was joined to the text: its bio opens there
# as at a block's start (`staff writerZoe Roe is a graduate of ...`).
_ROLE_GLUED_NAME = lazyre.compile(r"(?<=[rt])(?=[A-Z])(?:(?<=[Ww]riter)|(?<=[Rr]eporter)|(?<=[Ee]ditor)|(?<=[Cc]orrespondent)"
                                  r"|(?<=[Cc]olumnist))(?=[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+[\s,])")


def _sentence_starts(body: str):
    """Offsets where a sentence may start in a block: its start, and after a sentence's end and a space (an
    initial such as "E." is no end: the credit pattern reads names with initials whole)."""
    yield MARK_LEAD.match(body).end()  # past its indent and a block's mark (`<p> `)
    for m in _NEXT_SENTENCE.finditer(body):
        yield m.end()


def _ends_here(body: str, end: int, glued: bool = False) -> bool:
    """A credit sentence ends the block, or another sentence starts after it (`glued`: in a text whose paragraphs
    were joined with no space, a word glued to its full stop opens the next: `... contributed.staff writer`)."""
    rest = body[end:end + 3]
    if glued and body[end - 1:end] == "." and rest[:1].isalpha():
        return True
    return not rest.strip() or (rest[:1].isspace() and (rest.strip()[:1].isupper() or rest.strip()[:1] in "\"“'‘(["))
