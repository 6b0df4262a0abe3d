from __future__ import annotations

import re
from dataclasses import dataclass

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.repeats import removal_start
from doclint.rule import Rule, option
from doclint.text import SENTENCE_ENDS

# A dateline opens a story: a place, perhaps a date and a time, then the agency's tag in brackets and a
# separator ("London (CNN) -- ", "WASHINGTON (AP) — ", "Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- ",
# "USA -(Ammoland.com)- "), or the tag glued to the story's first word where a scraper lost the separator
# ("Beijing (CNN)China has linked ...").
_DATELINE = lazyre.compile(
    r"(?P<place>[A-Z][\w'’.]*(?:[ ,/:-]{1,3}[\w'’.]+){0,9}?)\s*[-—–]{0,2}\s*"
    r"(?P<tag>\((?P<agency>[A-Za-z][^()\n]{1,40}?)\))"
    r"(?P<sep>\s*\.?\s*(?:-{1,2}|[—–])\s*|\s*:\s+|\s+)?(?P<next>[A-Z0-9\"“‘'¿¡])")
# A press-release wire's dateline writes its tag between slashes, a dash after it ("NEW YORK, Jan. 5, 2024 /PRNewswire/
# -- ", "TORONTO, March 3, 2023 /CNW/ - ", "WILMINGTON, NC, July 08, 2024 /24-7PressRelease/ -- "): the slashes and the
# dash say it is a tag, whatever the wire's name.
_SLASHED = lazyre.compile(
    r"(?P<place>[A-Z][\w'’.]*(?:[ ,:-]{1,3}[\w'’.]+){0,9}?)\s+"
    r"(?P<tag>/(?P<agency>[A-Z0-9][\w.&'’+-]*(?:[ -][A-Z][\w.&'’+-]*){0,3})/)"
    r"(?P<sep>\s*(?:-{1,2}|[—–])\s*)(?P<next>[A-Z0-9\"“‘'])")
# A broadcaster's dateline with no brackets, as CNN's pages write it since 2022 ("Washington CNN — The ...", and
# "CNN —" on a line of its own where the place was lost): the outlet in capitals before a dash.
_BARE = lazyre.compile(r"(?P<place>(?:[A-Z][\w'’.]*(?:[ ,]{1,2}[A-Z][\w'’.]*){0,4}\s+)?)(?P<tag>(?-i:[A-Z]{2,6}))\s*[—–]"
                       r"(?:[ \t]*$|\s+(?=[\"“]?[A-Z0-9])(?![^\n]*[—–]))")  # the story starts after the dash, a capital
# opening it and no second dash closing an aside ("CNN — the network that broke the story — declined ..." is prose)
# A tag that opens a story with no place before it, glued to its first word, as the cnn_dailymail articles of
# CNN's partners open ("(Billboard)From Channing Tatum ...", "(The Hollywood Reporter)The ..."): a scraper cut the
# place and the dash. Only a name (capitalised words, connectors, an address) glued to a capital counts.
_OPENING = lazyre.compile(r"(?P<tag>\((?P<agency>(?:[A-Z][\w.'’+&-]*|of|the|and|\+|&)(?:\s(?:[A-Z][\w.'’+&-]*|of|the|"
                          r"and|\+|&)){0,4})\))(?P<next>[A-Z\"“‘'])")
# Or the tag alone and a dash, where the place was never written ("(Reuters Health) - Waning eyesight ..."): an
# outlet of OUTLETS among its words, or a name ending in "News" ("(HealthDay News) -- ...").
_DASHED_OPENING = lazyre.compile(r"(?P<tag>\((?P<agency>[A-Z][\w.'’+&-]*(?:\s[A-Z][\w.'’+&-]*){0,3})\))"
                                 r"\s*(?:-{1,2}|[—–])\s+(?P<next>[A-Z\"“‘'])")


def _dashed_opening(text: str):
    m = _DASHED_OPENING.match(text)
    if m is None:
        return None
    names = m["agency"].lower().split()
    return m if names[-1] == "news" or any(name in OUTLETS for name in names) else None


# Outlets whose tag may stand with no separator after it ("New York (AP) The ..."): wire services and broadcasters.
# Examples: "(Reuters)", "(AP)", "(CNN)", "(BBC)", "(EFE)".
OUTLETS = frozenset("""reuters ap afp upi efe dpa ansa ips pti ians ani xinhua tass kyodo yonhap bernama antara aa
cnn bbc nbc cbs abc npr pbs cnbc msnbc fox bloomberg cna ewtn rfe/rl voa rt ntv""".split())
def _known(agency: str) -> bool:
    """Whether a dateline's tag names outlets of OUTLETS: `(AP)`, `(CBS/AP)`, or a broadcaster's news service
    (`(CBS News)`, `(NBC News)`)."""
    names = agency.lower().split()
    return (agency.lower() in OUTLETS or all(part.strip().lower() in OUTLETS for part in agency.split("/"))
            or (len(names) == 2 and names[0] in OUTLETS and names[1] == "news"))


# Words of a block that may be a story's lead: shorter lines above it (a subtitle, a reader poll, a headline
# repeated by a scraper) do not count towards `paragraphs` (a FakeNewsCorpus page's dateline stood fourth).
LEAD_WORDS = 12
# A month's abbreviation ends with a full stop that ends no sentence ("MONDAY, Jan. 14, 2013 (HealthDay News) --",
# "WASHINGTON, Sept. 3 (UPI) --"), as does a US state's in AP style ("BEDFORD, Mass. (AP) --").
_DATE_ABBREVIATION = lazyre.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ala|Ariz|Ark|Calif|Colo|"
                                    r"Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|"
                                    r"Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)\.(?=\s)")
# A byline glued before the dateline on one line, as a wire's stories reach some sites ("By Jane Roe and John Doe
# BEIJING/SEOUL, Oct 9 (Reuters) - ..."): names of capitalised words, then the place in capitals.
_BYLINE_BEFORE = lazyre.compile(r"By\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:and\s+(?:[A-Z][\w.'’-]*\s+){1,4})?"
                                r"(?=(?-i:[A-Z]{2,})[/,\s])")
# The place of a wire's dateline further down a page (a story of the wire printed under the page's own): it opens in
# capitals ("OTTAWA, Ontario (AP) -- ...").
_WIRE_PLACE = lazyre.compile(r"(?-i:[A-Z]{2,}[A-Z.'’-]*)(?:[\s,/]|$)")
_MAX_PLACE_WORDS = 9  # "Vatican City, Jan 24, 2018 / 04:26 am": a place, a date and a time
# A place that ends a sentence: a full stop after a word in lower case or longer than a state's abbreviation
# ("... met on Monday. (Updated)The vote"), not after "Ga." or "Calif." ("ATLANTA, Ga. (CNN) --").
_SENTENCE_CLOSES = lazyre.compile(r"(?:\b[a-z]\w*|\b\w{6,})" + f"[{re.escape(SENTENCE_ENDS)}]$")
_DOMAIN = lazyre.compile(r"\b[\w-]+\.(?:com|org|net|co|news|info|tv)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Options:
    paragraphs: int = option(2, "How many of a document's first prose blocks of twelve words or more (with the "
                                   "shorter ones before them) may open with a dateline.")


class DatelineTag(Rule):
    """An agency's tag in a story's dateline: `London (CNN)`, `WASHINGTON (AP) —`.

    ## What it does
    Flags the bracketed tag of a dateline that opens one of the document's
    first prose blocks: a place (perhaps with a date and a time), then the
    agency or site in brackets, then a dash or the story's first word. The
    tag counts when a separator follows it (`(AP) —`, `(EFE).-`), when it is
    glued to the first word (`(CNN)China has ...`, where a scraper lost the
    dash), when it names an address (`(Ammoland.com)`), or when it names a
    wire service or a broadcaster (`OUTLETS` in the module), or a
    broadcaster's news service (`(CBS News)`); a press-release wire's tag
    between slashes with a dash after it (`NEW YORK, Jan. 5, 2024
    /PRNewswire/ --`, `/CNW/ -`) counts too. What follows in
    lower case is a sentence going on (`Apple (AAPL) shares rose`), never a
    dateline. The place and date are the author's and stay. A story whose
    place was cut may open with the tag alone, glued to its first word
    (`(Billboard)From ...`, `(The Hollywood Reporter)The ...`, as the
    partners' stories of a news dataset do): a bracketed name of capitalised
    words or an address, at the very start of the document's first
    paragraph, counts too, as does a tag there with a dash after it that
    names a wire service or a broadcaster or ends in `News` (`(Reuters
    Health) - Waning eyesight ...`). A month's or a US state's abbreviation
    in the place ends no sentence (`MONDAY, Jan. 14, 2013 (HealthDay News)
    --`). A byline glued before the dateline on the same
    line stays (`By Jane Roe BEIJING, Oct 9 (Reuters) - ...`). Further down
    the document, a paragraph that opens with a wire's dateline, its place
    in capitals, a wire service's or a broadcaster's tag and a dash
    (`OTTAWA, Ontario (AP) -- ...`: the wire's story printed under the
    page's own), counts as well.

    ## Why is this bad?
    The tag credits the distributor, not the story: over a corpus it is the
    same token at the start of thousands of documents.

    ## Example
    ```
    Beijing (CNN)China has linked violence in Xinjiang to ISIS.
    ```

    ## Fix safety
    The fix deletes the tag. It is safe when a separator follows it
    (`London (CNN) -- The` becomes `London -- The`; dashes glued before the
    tag go with it: `Mich. –-(Example.com)- The` becomes `Mich. - The`), and unsafe when only a
    space follows or the tag was glued to the first word: it is then
    replaced with a dash, a separator the document did not have. A
    broadcaster's dateline with no brackets (`Washington CNN — The ...`)
    loses its outlet by an unsafe fix (an outlet may be a sentence's
    subject); `CNN —` alone on its line goes by a safe one. A tag opening a
    story with no place goes by a safe fix when it names a wire service or
    a broadcaster, by an unsafe one otherwise.
    """

    code = "S103"
    supersedes = frozenset({"S111", "S112", "S113", "S114"})  # the same leftover read by its wording: one finding
    name = "dateline-tag"
    category = "source-tag"
    fixable = "sometimes"
    Options = Options

    def _leads(self, document):
        """The first `paragraphs` prose blocks of LEAD_WORDS words or more, and the shorter ones before them (a
        page's subtitle or a reader poll above the story: `% of readers think this story is Fact.`)."""
        long = 0
        for block in document.prose_runs:
            if block.kind != "paragraph":
                continue
            yield block
            long += len(document.text[block.start:block.end].split()) >= LEAD_WORDS
            if long >= self.options.paragraphs:
                return

    def check(self, document, context):
        first = next((b.start for b in document.prose_runs if b.kind == "paragraph"), None)
        leads = set()
        for block in self._leads(document):
            leads.add(block.index)
            yield from self._lead(document, block, first)
        for block in document.prose_runs:  # a wire's story printed further down: its dateline in capitals
            if block.kind == "paragraph" and block.index not in leads:
                text = document.text[block.start:min(block.end, block.start + 200)]
                m = _DATELINE.match(text, len(text) - len(text.lstrip(" \t")))  # (past a line's indent)
                if (m is not None and _WIRE_PLACE.match(m.group("place")) and m.group("agency").lower() in OUTLETS
                        and m.group("sep") and re.search(r"[-—–]", m.group("sep"))
                        and not _posted(document.text, block.start, block.end)):
                    yield self._dateline(document, block, m)

    def _lead(self, document, block, first):
        """The tag of a dateline opening one of the story's first blocks, if any (not an embedded post's)."""
        if _posted(document.text, block.start, block.end):
            return
        text = document.text[block.start:min(block.end, block.start + 200)]
        bare = _BARE.match(text)
        if bare and bare.group("tag").lower() in OUTLETS:
            yield self._bare(document, block, bare)
            return
        byline = _BYLINE_BEFORE.match(text)  # "By Jane Roe BEIJING, Oct 9 (Reuters) - ...": the byline stays
        skip = byline.end() if byline else len(text) - len(text.lstrip(" \t"))  # (past a line's indent)
        m = _DATELINE.match(text, skip)
        if m is None and (slashed := _SLASHED.match(text, skip)) is not None and \
                len(re.findall(r"[\w']+", slashed.group("place"))) <= _MAX_PLACE_WORDS and \
                re.search(r"[A-Za-z]{2}", slashed.group("agency")):  # a wire's name, not a fraction's `/4/`
            yield self._dateline(document, block, slashed)
            return
        opening = (_OPENING.match(text) or _dashed_opening(text)) if m is None and block.start == first else None
        if opening and len(opening["agency"]) > 1:
            yield self._opening(document, block.start, opening)
            return
        if m is None or len(re.findall(r"[\w']+", m.group("place"))) > _MAX_PLACE_WORDS:
            return
        agency, sep = m.group("agency"), m.group("sep")
        glued = sep is None
        dash = bool(sep and re.search(r"[-—–:]", sep))
        known = _known(agency)
        domain = _DOMAIN.search(agency)
        if not (glued or dash or known or domain) or (agency[:1].islower() and not domain):
            return
        if ":" in (sep or "") and not (known or domain):
            return  # "Ashraf Eassa (Qualcomm): It's hard ...": a contributor and their subject, a label for what follows
        place = _DATE_ABBREVIATION.sub(" ", m.group("place"))  # "MONDAY, Jan. 14, 2013 (HealthDay News) --"
        if re.search(f"[{re.escape(SENTENCE_ENDS)}]" + r"\s", place) or _SENTENCE_CLOSES.search(place):
            return  # a sentence before the brackets: prose, not a dateline
        yield self._dateline(document, block, m)

    @staticmethod
    def _dateline(document, block, m) -> Diagnostic:
        """The diagnostic for a dateline's tag (`m`, matched in the block's text): deleted with the spaces after it
        when a separator follows it, else replaced with a dash."""
        a, b = block.start + m.start("tag"), block.start + m.end("tag")
        shown = document.text[a:b]
        sep = m.group("sep")
        if sep and re.search(r"[-—–:]", sep):  # "London (CNN) -- The": the tag, a full stop glued to it and the
            # spaces after go; the dash stays
            b += document.text[b:b + 1] == "."
            end = b
            while end < block.end and document.text[end] == " ":
                end += 1
            start = a  # and dashes glued before the tag, as the dash after it stays ("Mich. –-(Example.com)- ")
            while start > block.start and document.text[start - 1] in "-—–":
                start -= 1
            fix = Fix.safe(Edit(start, end), message="Delete the tag")
            a = start
        else:  # glued to the first word, or a space alone: a dash takes its place
            spaced = document.text[a - 1:a].isspace()
            fix = Fix.unsafe(Edit(a, b, ("" if spaced else " ") + "\u2014" + (" " if sep is None else "")),
                             message="Replace the tag with a dash")
        return Diagnostic(a, b, f"Agency tag in a dateline: \"{shown}\"", fix=fix)

    @staticmethod
    def _opening(document, start: int, m) -> Diagnostic:
        """A tag with no place before it, glued to the story's first word: it goes, safely for a wire service or a
        broadcaster (`OUTLETS`), unsafely for another name (judged by its shape)."""
        a, b = start + m.start("tag"), start + m.end("tag")
        shown = document.text[a:b]
        make = Fix.safe if m["agency"].lower() in OUTLETS else Fix.unsafe
        end = start + m.start("next")  # the tag, and a dash after it with its spaces, if any
        return Diagnostic(a, end, f'Agency tag opening the story: "{shown}"', fix=make(Edit(a, end),
                                                                                        message="Delete the tag"))

    @staticmethod
    def _bare(document, block, m) -> Diagnostic:
        """The outlet of a dateline with no brackets: it and the space after it go, the place and the dash stay;
        a line of its own (`CNN —`) goes whole."""
        text = document.text
        a, b = block.start + m.start("tag"), block.start + m.end("tag")
        line_end = text.find("\n", a)
        line_end = len(text) if line_end == -1 else line_end
        shown = text[a:b]
        alone = not m.group("place") and not text[block.start + m.end():line_end].strip()
        if alone:
            b = line_end  # the tag and its dash, all the line holds
            edit = Edit(removal_start(document, block), block.end) if block.end <= line_end else Edit(a, line_end)
        else:
            edit = Edit(a, b + (text[b:b + 1] == " "))
        make = Fix.safe if alone else Fix.unsafe  # before a story's words, an outlet may be its subject ("Rival NBC —")
        return Diagnostic(a, b, f'Agency tag in a dateline: "{shown}"', fix=make(edit, message="Delete the tag"))


# An embedded post's attribution (`— Zeke Miller (@ZekeJMiller) March 22, 2019`): the text before it is the post's,
# quoted by the story, and a wire's dateline there is the post's own (a reporter posting a wire's alert).
_POST_ATTRIBUTION = lazyre.compile(r"[ \t]*[—–-]+[ \t]*[^()\n]{1,80}\(@\w{1,30}\)[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4}")


def _posted(text: str, start: int, end: int) -> bool:
    """Whether the paragraph text[start:end] is an embedded post: its attribution closes it, or opens the next line."""
    if _POST_ATTRIBUTION.search(text, start, end):
        return True
    nl = text.find("\n", end)
    return nl != -1 and _POST_ATTRIBUTION.match(text, nl + 1) is not None

