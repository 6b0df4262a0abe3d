"""The source-tag scanner: one scan per document, shared by the rules that report what it finds.

The scan reads each paragraph's boundaries (a line of its own, a paragraph's start or end, a bracket between two
sentences) for tags whose wordings are the families of `source_tag_families.toml`, and judges where a tag that is
followed by the article's text ends (ExtentWeights). Each tag goes to one rule, by its family's `kind`:

    S111 source-credit             credits to an agency, outlet, photographer or syndicating site
    S112 story-teaser              a cue and another story's headline: `Read more: ...`
    S113 page-furniture            prompts, buttons, navigation, banners of the page around the text
    S114 credit-between-sentences  a bracketed credit between two sentences (families with `mid`)

The rules share this module's options and ask for the scan as an analysis (`document.analysis(SourceTags, ...)`):
the scan runs once whichever of them are enabled. They were one rule, `source-tag` (S101); that code and name
redirect to the four (doclint.selectors.REDIRECTS).
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from doclint import lazyre, usercache
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.layout import RST_LINK, is_rst_markup
from doclint.repeats import removal_end, removal_start
from doclint.rule import CorpusStatistics, Rule, option
from doclint.text import (CLOSERS, MARK_LEAD, QUOTE_MARKS, SENTENCE_ENDS, STOP_WORDS, ends_sentence, is_legal_file, legal_phrases,
                          stem, words)

# The wordings are data: rules/source_tag_families.toml holds each family of tag wordings (its id, the rule that
# reports it, how its extent is found, the words it can start with, its pattern, examples that must flag and must
# not, where it was seen). They are read the first time a document is scanned, not when the module is imported.
FAMILIES_FILE = Path(__file__).with_name("source_tag_families.toml")
KINDS = ("source-credit", "story-teaser", "page-furniture")  # the rules a family's tags go to
EXTENTS = ("closed", "credit", "end", "line", "name", "headline")  # how a family's tag ends (see the TOML's header)
MID = "credit-between-sentences"  # the rule of a bracketed credit found between two sentences (a family's `mid`)
_PIECE = lazyre.compile(r"\{\{(\w+)\}\}")


class Family(NamedTuple):
    """One [[family]] of source_tag_families.toml, its pattern's pieces written out."""

    id: str
    kind: str
    extent: str
    starts: tuple[str, ...]
    pattern: str
    cue_last: str = ""
    mid: bool = False
    anywhere: bool = False
    judged: bool = False
    whole_line: bool = False
    flags: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    seen: str = ""


class Wordings:
    """The families, in the order they are tried, and what the scanner looks them up by: the families a tag can
    start with by its first word (`by_start`), those tried at any start when their last cue word is in the line
    (`cue_last`), those whose tags may stand between two sentences (`mid`). Each pattern is compiled the first time
    it is tried: a one-file run compiles the few its lines need."""

    def __init__(self, data: dict):
        self.pieces = _pieces(data["pieces"])
        self.families = [_family_of(entry, self.pieces) for entry in data["family"]]
        wires = " ".join(re.findall(r"\w+", self.pieces["WIRES"].lower()))
        self.by_start: dict[str, list[int]] = {}
        for n, family in enumerate(self.families):
            for start in " ".join(family.starts).replace("WIRES", wires).split():
                self.by_start.setdefault(start, []).append(n)
        self.by_id = {f.id: n for n, f in enumerate(self.families)}
        self.cue_last = {f.cue_last: n for n, f in enumerate(self.families) if f.cue_last}
        self.mid = [n for n, f in enumerate(self.families) if f.mid]
        self.anywhere = [n for n, f in enumerate(self.families) if f.anywhere]
        self.teaser_starts = frozenset(word for word, ns in self.by_start.items()
                                       if any(self.families[n].kind == "story-teaser" for n in ns))
        self._compiled: list = [None] * len(self.families)

    @functools.cached_property
    def library_last(self):
        """A picture library or a wire named last (`/ Shutterstock`, `via Getty Images`): a photographer's credit
        ends with it, whatever the photographer's name looks like (a library's contributors sign with handles)."""
        return lazyre.compiled_now(rf"(?:/|\bvia)\s*(?-i:{self.pieces['LIBRARIES']}|{self.pieces['WIRES']})\.?\s*$")

    @functools.cached_property
    def library(self):
        """A picture library's name (`Getty Images`, `Shutterstock`)."""
        return lazyre.compiled_now(self.pieces["LIBRARIES"])

    @functools.cached_property
    def wire(self):
        """A wire service's name (compiled when a credit's name is first judged)."""
        return lazyre.compiled_now(self.pieces["WIRES"])

    @functools.cached_property
    def wire_list(self):
        """Wire services and picture libraries named alone, one or several (`dpa`, `dpa/UNB`, `AFP, Getty Images`):
        a credit's whole source when nothing else follows its cue."""
        name = f"(?:{self.pieces['WIRES']}|{self.pieces['LIBRARIES']})"
        return lazyre.compiled_now(rf"{name}(?:\s*[/,&]\s*{name})*\.?")

    @functools.cached_property
    def address_or_handle(self):
        """An address or a handle after a cue (compiled when a cue is first followed by something)."""
        return lazyre.compiled_now(rf"\s*(?:{self.pieces['DOMAIN']}|{self.pieces['HANDLE']})")

    def compiled(self, n: int):
        if self._compiled[n] is None:
            self._compiled[n] = lazyre.compiled_now(self.families[n].pattern, re.IGNORECASE)
        return self._compiled[n]


def _pieces(raw: dict) -> dict[str, str]:
    """The shared pieces of the patterns, each written out (a piece may use the pieces before it)."""
    out: dict[str, str] = {}
    for name, value in raw.items():
        out[name] = _PIECE.sub(lambda m: out[m.group(1)], value)
    return out


# A tokenised dataset ends a sentence with a space and its stop (`Scroll down for video .`, cnn_dailymail's older
# articles): a whole line's furniture may close so.
_SPACED_STOP = rf"(?:\s[{re.escape(SENTENCE_ENDS)}](?=\s*$))?"


def _family_of(entry: dict, pieces: dict[str, str]) -> Family:
    if entry["kind"] not in KINDS or entry["extent"] not in EXTENTS:
        raise ValueError(f"source-tag family {entry.get('id')!r}: kind must be one of {KINDS}, extent one of {EXTENTS}")
    pattern = _PIECE.sub(lambda m: pieces[m.group(1)], entry["pattern"])
    if entry["extent"] == "line":
        pattern = f"(?:{pattern}){_SPACED_STOP}"
    return Family(entry["id"], entry["kind"], entry["extent"], tuple(entry["starts"]), pattern, entry.get("cue_last", ""),
                  entry.get("mid", False), entry.get("anywhere", False), entry.get("judged", False),
                  entry.get("whole_line", False), tuple(entry.get("flags", ())),
                  tuple(entry.get("passes", ())), entry.get("seen", ""))


@functools.lru_cache(maxsize=1)
def wordings() -> Wordings:
    """The families of source_tag_families.toml, read once per process."""
    return Wordings(_read_families(FAMILIES_FILE))


def _read_families(path: Path) -> dict:
    """The TOML's content. Parsing it costs a few milliseconds, so the parsed form is kept as JSON in the user's
    cache, under the hash of the file's bytes (any edit makes a new entry, which replaces the others); a cache
    that cannot be read or written is no error."""
    import hashlib
    import json
    import os

    raw = path.read_bytes()
    cache = usercache.path(f"source-tag-families-{hashlib.sha1(raw).hexdigest()[:16]}.json")
    try:
        with open(cache, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        pass
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    data = tomllib.loads(raw.decode("utf-8"))
    try:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        tmp = f"{cache}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f)
        os.replace(tmp, cache)
    except OSError:
        return data
    usercache.forget_others(cache, "source-tag-families-", ".json")
    return data


_MID_WORDS = 8  # a credit between sentences is short and no sentence: "(Sources close to the talks said ...)" is prose


_LONGEST_TAG = 2000  # characters: a tag glued to a line's end starts no further back (a line may be megabytes)
STACKED_TAGS = 3  # tags read before one that closes a line, each ending where the next begins (see _stacked)
_SENTENCE_END = lazyre.compile(f"[{re.escape(SENTENCE_ENDS)}][{re.escape(CLOSERS)}]*" + r"(\s*)")
_EDIT_LINK = lazyre.compile(r"\[\s*edit(?:\s+source)?\s*\]$", re.IGNORECASE)
_FIRST_WORD = lazyre.compile(r"[(\[{<©—–|#%-]|\d[\d.,]*[kKmM]?\s+[^\W\d_]+|[^\W\d_]+(?:'[a-z]+)?")
_TOKEN = lazyre.compile(r"\S+")
_AGENCY_WORDS = frozenset("""images image press news agency agence photos photo pictures picture media service services
wire associated international getty france-presse presse times post group network networks
agencies wires
""".split())
_CONNECTORS = frozenset({"&", "and", "of", "the", "/", "-", "via", "de", "del", "der"})
_SEPARATORS = frozenset({"/", "|"})  # between two names of one credit (a photographer's and an agency's)
# Words that end the names of news outlets and picture libraries: "Dhaka Tribune", "BBC News", "New Age",
# "Science Photo Library", "Getty Images".
_MASTHEAD_ENDS = frozenset("""images photos pictures photography library press news agency agencies media service
services wire network tribune star herald express journal guardian observer telegraph mail standard gazette chronicle
independent monitor mirror review today online age times post sun daily weekly magazine channel tv radio insider
association""".split())


def _name_end(token: str, whole: bool) -> float:
    """How well a credit's source name ends on `token` (the rest of the line follows unless `whole`): on a word that
    ends outlets' names, well; on a possessive or a comma, not at all ("Source: Al Jazeera Japan's | Honda ...",
    "Image copyright Getty Images Separately, | Fujitsu ...": those open the paragraph)."""
    word = token.strip("()[]:;.").lower()
    if not whole and (word.endswith(("'s", "’s")) or token.endswith(",")):
        return WEIGHTS.possessive_end
    return WEIGHTS.masthead_end if word in _MASTHEAD_ENDS else 0.0


@dataclass(frozen=True)
class ExtentWeights:
    """The numbers by which the scanner judges where a source's name or a teaser's headline ends when the article's
    text follows it on the line (Scanner._extent). Each candidate extent gets evidence that a tag is that long
    (`score`) and a judgement of whether a tag can end there (`shape`); the best sum wins, and a headline needs
    positive evidence. Each was set by hand with the cases it settles, which the fixtures keep
    (tests/fixtures/rules/), and measured by evals/source_tag_glued_teasers.py and
    evals/source_tag_teaser_extents.py (docs/source-tags.md gives the figures); the commit that set each is named.
    Then fit/source_tag_extents.py fitted them by coordinate ascent on glued teasers and credits, the headline
    lengths held (`--freeze headline_slack headline_min_usual headline_no_own name_words`: one site's headlines
    cannot say how long other sites' are): only `dangling_end` moved (docs/source-tags.md)."""

    # -- a source's name after a credit's cue ("Source: Dhaka Tribune | Governor Elena Varga said ...")
    name_words: int = 5  # f884095: a source's name takes at most five words ("Press Trust of India" takes four)
    name_word_cost: float = 0.6  # 4685e54: each word after the first costs evidence, so that a name stops at the
    # first word that may open the paragraph unless that word ends outlets' names (masthead_end outweighs it)
    masthead_end: float = 2.0  # 4685e54: "Tribune", "News", "Images" end a name (_MASTHEAD_ENDS)
    possessive_end: float = -3.0  # 4685e54: a possessive or a comma opens the paragraph ("Japan's | Honda ...")
    year_closes: float = 1.0  # 4548df4: a year after a name closes the credit ("© AFP 2024 | Council ...")
    wire_closes: float = 2.0  # 93de63c: a wire service's name closes the credit ("Source: Reuters | Governor ...")
    speaker_title: float = 1.5  # ed6a80b: the name stops before the title of the paragraph's speaker
    # -- another story's headline after a teaser's cue ("Read more: Markets fall on war fears | The council ...")
    headline_slack: int = 1  # 9888b6d: a site's headlines run up to one word longer than the document's own
    headline_min_usual: int = 5  # 9888b6d: however short the document's own headline, five words cost nothing
    headline_no_own: int = 99  # 9888b6d: with no headline of its own, a document sets no usual length
    headline_long: float = 1.0  # 9888b6d: each word beyond the usual length
    prose_word: float = 2.0  # 9888b6d: a word headlines leave out (_PROSE), a comma, a quotation mark inside
    figure_follows: float = 1.0  # 9888b6d: news does not open a sentence with a figure ("Rail fares to rise | 5%")
    dangling_end: float = 2.25  # f6eefaa, fitted (1.5 by hand): a headline does not end on a preposition or an
    # article ("... rates to")
    name_cut: float = 2.0  # f6eefaa: a headline does not end inside the name that opens the paragraph
    name_cut_resumes: float = 2.0  # f6eefaa: more so when the document's own words take the name's first part
    full_stop_end: float = 6.0  # 7bcc095: a headline has no full stop ("... rose after the announcement.")
    speaker_cut: float = 4.0  # 36b22c7: a speaker's name is not cut in two ("... Governor Elena | Varga said")
    speaker_role: float = 2.5  # 36b22c7: the paragraph opens with its speaker's role and name
    sentence_starts: float = 2.0  # f884095: a capitalised function word ("The", "But") opens the paragraph
    vocabulary_resumes: float = 1.0  # bf4e660: a capitalised word of the document's own vocabulary follows
    # -- both
    novelty: float = 1.0  # f884095: each content word the rest of the document never uses (+), or uses (-)
    whole_rest: float = 0.5  # f884095: nothing follows: the whole rest of the line is the tag


WEIGHTS = ExtentWeights()


@dataclass(frozen=True)
class Options:
    extend_patterns: list[str] = option([], "More regular expressions that match a whole tag (case-insensitive).")
    ignore_patterns: list[str] = option([], "Regular expressions: a tag whose text matches one is not reported "
                                            "(allowed bylines, house credits).")
    max_headline_words: int = option(14, "The longest teaser headline after a cue such as `Read more:` (ten words "
                                         "more where the line's end closes it).")

    def validate(self):
        for p in [*self.extend_patterns, *self.ignore_patterns]:
            try:
                re.compile(p)
            except re.error as exc:
                return f"invalid regular expression {p!r}: {exc}"
        return None


@dataclass
class _Tag:
    start: int
    end: int  # offsets in the document
    confident: bool
    what: str
    kind: str = ""  # how its extent was found: a family's extent, "mid", "caption" (before a caption's copy),
    # "address" (a line that is only the story's address), "page-address" (the same under the page's title),
    # "chained" (brackets right after a tag opening the line), or "" (a cue alone, a configured pattern)
    rule: str = "source-credit"  # the name of the rule that reports it


def _bracketed_credit(tag: _Tag, content: str) -> bool:
    """Whether a tag is a credit whose whole extent its brackets close (`( REUTERS/Jane Doe/Reuters )`)."""
    shown = content[tag.start:tag.end].strip()
    return tag.kind in ("closed", "credit") and shown[:1] in "([" and shown[-1:] in ")]"


class Finding(NamedTuple):
    """A tag the scanner found: where it is, the rule that reports it, the message and the edit that deletes it."""

    rule: str
    start: int
    end: int
    message: str
    edit: Edit
    confident: bool  # the tag's extent is certain: its fix is safe


class SourceTags:
    """The analysis (Document.analysis) the source-tag rules share: every tag of a document, found by one scan,
    each going to one rule. Its parameters are the scanner (one per set of options) and the headlines of the
    documents checked together (compared by identity)."""

    @staticmethod
    def compute(document, scanner: "Scanner", known: "Known") -> tuple[Finding, ...]:
        return tuple(scanner.scan(document, known.headlines))


class Known:
    """The headlines of the documents checked together (or None), as an analysis's parameter: the same set is the
    same parameter, whichever rule asks."""

    __slots__ = ("headlines",)

    def __init__(self, headlines):
        self.headlines = headlines

    def __eq__(self, other) -> bool:
        return isinstance(other, Known) and other.headlines is self.headlines

    def __hash__(self) -> int:
        return id(self.headlines)


@functools.lru_cache(maxsize=None)
def scanner(extend_patterns: tuple[str, ...], ignore_patterns: tuple[str, ...], max_headline_words: int) -> "Scanner":
    """The scanner of a set of options, made once: the rules configured alike share it, and so share one scan."""
    return Scanner(Options(list(extend_patterns), list(ignore_patterns), max_headline_words))


class SourceTagRule(Rule):
    """What the source-tag rules have in common: the scanner's options, its requirement, and a check that reports
    the scan's findings that go to the rule (`name`). Not a rule itself (it has no code)."""

    requires = frozenset({CorpusStatistics})  # the headlines of the documents checked together (see _known_headline)
    category = "source-tag"
    fixable = "sometimes"
    Options = Options

    def check(self, document, context):
        o = self.options
        scan = scanner(tuple(o.extend_patterns), tuple(o.ignore_patterns), o.max_headline_words)
        known = Known(context.corpus.headlines if context.corpus is not None else None)
        for found in document.analysis(SourceTags, scan, known):
            if found.rule == self.name:
                make = Fix.safe if found.confident else Fix.unsafe
                yield Diagnostic(found.start, found.end, found.message, fix=make(found.edit, message="Delete the tag"))


class Scanner:
    """Finds the tags of a document: at a paragraph's boundary, by the families of source_tag_families.toml, the
    extent of a name or a headline judged by ExtentWeights."""

    def __init__(self, options: Options):
        self.options = options
        self._extra = [re.compile(p, re.IGNORECASE) for p in options.extend_patterns]
        self._ignore = [re.compile(p, re.IGNORECASE) for p in options.ignore_patterns]
        self._headlines = None  # the headlines of the documents checked with the one being scanned, if known

    def scan(self, document, headlines):
        text = document.text
        self._headlines = headlines  # for this document
        copies = _copies(document)
        found: dict[int, list[str]] = {}  # block index -> texts of its tags
        for block in document.blocks:
            if block.kind not in ("paragraph", "headline") or document.in_code(block.start) or \
                    document.in_html_part(block.start):
                continue  # Markdown's code blocks and comments (code, not a page's text); a mail's HTML copy of its
                # text, mail-furniture's whole
            for line, ls, le in document.block_lines(block):
                content = text[ls:le]
                lead = MARK_LEAD.match(content).end()  # its indent, and a block's mark before it (`<p> `)
                trail = len(content.rstrip())
                if trail <= lead:
                    continue
                alone = _opens_line(document, block, line, content)
                first = alone
                tags = self._tags(content, lead, trail, document, first, first and line == block.last_line)
                if block.kind == "headline":
                    tags = _in_title(tags, content, lead, trail)
                if not tags:
                    tags = _address_tags(document, block, line, content, (lead, trail))
                if not tags and not alone and line == block.last_line:
                    ls, lead, trail, tags = self._wrapped_tail(document, line)
                for tag in tags:
                    a, b = ls + tag.start, ls + tag.end
                    if not alone and a == ls + lead and tag.kind != "page-address":
                        continue  # the words that open a line continuing a sentence end it ("is not\nrecommended.")
                    if _authors_own(document, line, a == ls + lead, tag.rule, text[a:b], content) or (
                            tag.rule == "source-credit" and _WRITER.match(text, a) and _leads(document, block)
                            and not (b == ls + trail and line == block.last_line and a > ls + lead
                                     and _closes_document(document, block))):
                        continue  # (and "... a 2 page brochure. Written by Jane Doe.": the byline, near the top;
                        # not where it closes the document's only paragraph: "... zapped left and right! Written by
                        # Jane Doe", a plot summary's credit)
                    if b == ls + trail and line < block.last_line and not ends_sentence(content, introduces=True):
                        tag.confident = False  # its end is where the line wraps, perhaps not where the tag ends
                    if tag.kind == "line" and block.first_line == block.last_line and (
                            (a == ls + lead and _heads_next(document, block, text[a:b]))
                            or _introduces_prose(document, block, content)):
                        continue  # a heading of the paragraph after it, a whole line ("Privacy policy" / "Our
                        # privacy policy ..."), or a line that introduces a passage the author quotes ("More from the
                        # Province:" / "…")
                    if (_NOTICE.search(text[a:b]) or tag.kind == "address") and _legal_text(document):
                        continue  # a licence's own copyright notice and addresses are its text
                    if any(p.search(text[a:b]) for p in self._ignore):
                        continue
                    if document.in_example_code(a):
                        continue  # an example in a Markdown code span: "`... a long debate. (Source: Reuters) ...`"
                    if text.startswith("](", a - 1):
                        continue  # a link's target: "[the official documentation.](https://...)"
                    found.setdefault(block.index, []).append(text[a:b])
                    # A copy of a paragraph that carried the same tag goes with repeated-passage's fix.
                    if any(_similar(text[a:b], t) for t in found.get(copies.get(block.index, -1), ())):
                        continue
                    yield self._finding(document, block, line, ls, le, lead, trail, a, b, tag)

    def _wrapped_tail(self, document, line: int):
        """A tag glued to the end of a hard-wrapped paragraph and broken across its last two lines ("... lay-off.
        Follow us\non Twitter @apnews"): the two lines read as one, the line break as a space (same offsets).
        Returns where they start, their content's lead and trail, and the tags that cross the break."""
        start, end = document.line_span(line - 1)[0], document.line_span(line)[1]
        joined = document.text[start:end].replace("\r", " ").replace("\n", " ")
        lead, trail = len(joined) - len(joined.lstrip()), len(joined.rstrip())
        cut = document.line_span(line)[0] - start
        return start, lead, trail, [t for t in self._tags(joined, lead, trail, document, False)
                                    if lead < t.start < cut]

    def _tags(self, content: str, lead: int, trail: int, document, first_line: bool, paragraph: bool = False):
        """Tags in one line: at its start (`first_line`: the line does not continue a sentence of the line
        before), at its end, or the whole line (`paragraph`: the line is a whole paragraph)."""
        body = content[lead:trail]
        found = []
        start_tag = self._match_at(body, 0, document, at_start=True, paragraph=paragraph)
        emoji = _EMOJI_LEAD.match(body) if start_tag is None else None
        if emoji:  # "📲 Participe do canal ... no WhatsApp": a prompt that a symbol opens
            start_tag = self._match_at(body[emoji.end():], 0, document, at_start=True, paragraph=paragraph)
            if start_tag:
                start_tag.start, start_tag.end = 0, start_tag.end + emoji.end()
        if start_tag and start_tag.kind == "name" and start_tag.end < len(body) and _credit_tail(body[start_tag.end:]):
            start_tag.end, start_tag.confident = len(body), False  # "Photo by John Doe on Unsplash": all of it
        if start_tag and start_tag.end < len(body) and body[start_tag.end - 1] == "." and body[start_tag.end].isalnum():
            start_tag = None  # "... mailing list at https://groups.|google.com ...": a full stop inside an address
        if (start_tag and start_tag.end < len(body) and not body[:start_tag.end].rstrip().endswith((".", "!", "?"))
                and _continues_sentence(body[start_tag.end:])):
            start_tag = None  # "(NTT) expects its profits ...": the sentence began before it, on the line above
        if start_tag and (first_line or start_tag.end == len(body)):
            found.append(start_tag)
            chained = self._chained(body, start_tag, document)
            if chained:
                start_tag = chained
                found.append(chained)
        if not start_tag or start_tag.end < len(body):
            for pos in _tag_starts(body, max(0, len(body) - _LONGEST_TAG)):
                if start_tag and pos < start_tag.end:
                    continue
                tag = self._match_at(body, pos, document, at_start=False)
                if tag and tag.end == len(body):
                    found.append(tag)
                    found += self._stacked(body, document, tag, start_tag)
                    break
            else:
                tag = self._closing_parenthesis(body, document, start_tag) or self._glued_cue(body, document,
                                                                                             start_tag)
                if tag:
                    found.append(tag)
        if "(" in body or "[" in body or "|" in body:
            found += self._between_sentences(body, found)
        if "—" in body or "–" in body:
            found += _reporter_sign_off(body, found, document)
        if ":" in body:
            found += _credits_before_copies(body, found)
        if "[" in body or "(" in body:
            found += _bracketed_anywhere(body, found)
        if not found:
            edit = _EDIT_LINK.search(body)  # "History[edit]": an encyclopedia's edit link glued to a heading
            if edit and edit.start() > 0:
                found.append(_Tag(edit.start(), len(body), True, "Page furniture (edit link)", rule="page-furniture"))
        for tag in found:
            tag.start += lead
            tag.end += lead
        return found

    def _chained(self, body: str, start_tag: _Tag, document) -> _Tag | None:
        """A credit in brackets right after a tag that opens the line (`Expand | Collapse (Photo: Reuters/Jane Doe)
        Ampoules ...`): the scraper glued the page's furniture and a photo's credit before its caption. Its brackets
        close it, but it stands at no paragraph's edge: unsafe."""
        pos = start_tag.end + len(body[start_tag.end:]) - len(body[start_tag.end:].lstrip())
        if body[pos:pos + 1] not in "([":
            return None
        tag = self._match_at(body, pos, document, at_start=True)  # as if the line began with it
        if tag is None or not _bracketed_credit(tag, body):
            return None
        tag.confident, tag.kind = False, "chained"
        return tag

    def _stacked(self, body: str, document, last: _Tag, start_tag) -> list[_Tag]:
        """The tags stacked before a tag that closes the line, each ending where the next begins (`... said. This
        report by The Canadian Press was first published Dec. 28, 2023. ___ Follow @JClipperton_CP on X.`, `...
        Copyright © 2023 Example News. All rights reserved.`): a site prints its leftovers one after the other at a
        story's end, and a dataset joined them to its last sentence. At most STACKED_TAGS more."""
        out = []
        for _ in range(STACKED_TAGS):
            edge = len(body[:last.start].rstrip())
            if body[:edge].endswith("___"):  # a wire's separator between them (`... 2023. ___ Follow ...`) goes too
                last.start = len(body[:edge].rstrip("_"))
                edge = len(body[:last.start].rstrip())
            low = start_tag.end if start_tag else 0
            head = body[:edge]  # read as if the line ended there: a closing credit's family counts only at an end
            first = low + len(head[low:]) - len(head[low:].lstrip())  # or the line's (or the opening tag's) end
            starts = _tag_starts(head, max(low, edge - _LONGEST_TAG))  # ("Reuters contributed to this report. ©
            for pos in itertools.chain((first,) if edge - first <= _LONGEST_TAG else (), starts):  # 2018 Example")
                tag = self._match_at(head, pos, document, at_start=False)
                if tag is not None and tag.end == edge:
                    out.append(tag)
                    last = tag
                    break
            else:
                return out
        return out

    def _glued_cue(self, body: str, document, start_tag) -> _Tag | None:
        """A teaser's cue with its colon and the headline it points to, closing the line after a word with no full
        stop (`... sobrina de Lucero. Foto: Tomada de redes Lee también: Lucero, molesta ...`, `... far from what
        you'd expect READ MORE: Breathtaking country home ...`): the page's caption or dek had none, and the
        dataset joined the cue to it. Only a teaser's cue is taken so: where it starts is judged, so unsafe."""
        low = max(0, len(body) - _LONGEST_TAG)
        colon = body.find(":", low)  # each colon is read back for its cue (most lines have none)
        teasers = wordings().teaser_starts
        while colon != -1:
            m = _GLUED_CUE.search(body, max(low, colon - _CUE_CHARS), colon + 1)
            colon = body.find(":", colon + 1)
            if m is None or body[m.end():m.end() + 1] not in (" ", "\u00a0") or \
                    (start_tag and m.start(1) < start_tag.end) or m.group(1).split()[0].lower() not in teasers:
                continue
            tag = self._match_at(body, m.start(1), document, at_start=False)
            if tag and tag.end == len(body) and tag.rule == "story-teaser":
                tag.confident = False
                return tag
        return None

    @staticmethod
    def _between_sentences(body: str, found: list) -> list:
        """Credits in brackets (or after a caption's bar) between two sentences of the line (the families with
        `mid`), outside the tags already found."""
        out = []
        w = wordings()
        for pos in _tag_starts(body):
            if (body[pos:pos + 1] not in "([|" or any(t.start <= pos < t.end for t in found)
                    or (out and pos < out[-1].end)):  # positions come in order: the last tag found is enough
                continue
            for n in w.mid:
                m = w.compiled(n).match(body, pos)
                if m is None:
                    continue
                after = body[m.end():m.end() + 2]
                if (len(after) == 2 and after[0] == " " and (after[1].isupper() or after[1] in "\"“‘")
                        and len(m.group().split()) <= _MID_WORDS and m.group()[-2:-1] not in ".!?"):
                    out.append(_Tag(pos, m.end(), False, _describe(MID, m.group()), "mid", MID))
                break
        return out

    def _closing_parenthesis(self, body: str, document, start_tag) -> _Tag | None:
        """A wire or photo credit in parentheses that closes the paragraph without a full stop before it: "... in
        Geneva (AFP)", "... was signed (AP Photo)." (a full stop after it stays). Not "(source: WHO)." or
        "(ONS).": those cite inside the sentence. Without a full stop after it either, a bracketed source or
        inputs credit ends a line that is no sentence, such as a fixture's: "Derby v Wigan (Source: Reuters)"
        (an unsafe fix: it may be a caption's citation)."""
        end = len(body) - 1 if body.endswith(".") else len(body)
        pos = max(body.rfind("(", 0, end), body.rfind("[", 0, end))
        if pos <= 0 or not body[pos - 1].isspace() or (start_tag and pos < start_tag.end):
            return None
        tag = self._match_at(body[:end], pos, document, at_start=False)
        if tag is None and end == len(body) and body[end - 1:end] == ")" and _PHOTO_CREDIT.fullmatch(body, pos, end):
            if document.analysis(_GalleryCredits).get(body[pos:end], 0) >= GALLERY_CREDITS:
                return _Tag(pos, end, False, "Source credit (a photo credit closing the captions)", "credit")
        if not tag or tag.end != end:
            return None
        if tag.kind == "closed" and end == len(body) and _SOURCE_CREDIT.match(body, pos):
            tag.confident = False
            return tag
        if tag.kind == "closed" and end == len(body) and _WIRE_CREDIT.match(body, pos):
            return tag  # "... ($1 = 0.8019 euros) (Reporting By Fiona Ortiz; Writing by Paul Day)": a wire's credit
        return tag if tag.kind == "credit" else None

    def _match_at(self, body: str, pos: int, document, at_start: bool, paragraph: bool = False) -> _Tag | None:
        for rx in self._extra:
            m = rx.match(body, pos)
            if m and m.end() > pos:
                return _Tag(pos, m.end(), True, "configured pattern")  # a source-credit
        w = wordings()
        furniture = glued = None
        for n in _candidates(w, body, pos):
            kind, rule = w.families[n].extent, w.families[n].kind
            m = w.compiled(n).match(body, pos)
            if not m:
                continue
            cue = m.group().strip()
            if glued is None and kind in ("line", "end") and pos == 0 and at_start and not w.families[n].whole_line:
                end = _glued_end(body, m.end(), w.compiled(n))
                if end is not None:  # where it ends is judged: unsafe; kept if no family takes the line as it is
                    glued = _Tag(0, end, False, _describe(rule, cue), kind, rule)
            if kind == "line" and (pos or m.end() < len(body)):
                if w.families[n].whole_line:
                    continue  # an author may close a paragraph with these words ("... Share your thoughts below!")
                if not (at_start or m.end() < len(body) or len(m.group().split()) < 2 or furniture):
                    # page furniture counts as a whole line, or as two words or more ending one (unless another
                    # family knows the words better)
                    furniture = _Tag(pos, m.end(), False, _describe(rule, cue), kind, rule)
                continue
            if kind in ("closed", "line", "end", "credit"):
                end = m.end()
                confident = not (w.families[n].cue_last or w.families[n].judged)  # a cue that comes last:
                # "Volunteers contributed to ..."; or a tag a reader may keep (an embedded post's attribution)
                if kind == "end" and end < len(body):
                    continue  # "- Reuters" credits the story at its end, never opens a paragraph
            else:
                rest = body[m.end():]
                if cue.lower().startswith("(c)") and not _YEAR_FIRST.match(rest):
                    continue  # "(a) ... (b) ... (c) Within a year": an enumeration; "(c) 2015 Example Ltd" credits
                if not rest.strip():
                    if pos == 0 and at_start:  # the cue alone on its line: "Also read:", "Source:" (a credit's
                        # cue with a colon alone may head the author's own list of sources: judged, so unsafe)
                        return _Tag(0, m.end(), rule != "source-credit" or not cue.endswith(":"), _describe(rule, cue),
                                    rule=rule)
                    continue  # a cue with nothing after it
                certain = _certain_source(w, rest, kind)
                if certain is not None:
                    end, confident = m.end() + certain, True
                elif (whole := self._whole_line(cue, rest, kind, document, paragraph, pos == 0)) is not None:
                    end, confident = m.end() + whole, False  # where a headline or a notice ends is judged: unsafe
                else:
                    n = (len(rest) if kind == "name" and paragraph and pos == 0 and _PERMISSION.match(cue)
                         and _credit_line(cue, rest) else self._extent(rest, kind, document, to_end=not at_start))
                    confident = n is not None and m.end() + n >= len(body.rstrip())  # the whole rest of the line
                    if n is None and kind == "name":  # (a whole credit taken so is judged: unsafe)
                        n = _whole_credit(cue, rest, paragraph and pos == 0, at_start)
                    if n is None:
                        continue
                    end = m.end() + n
                cue = body[pos:m.end()].strip()
            if not at_start and end < len(body.rstrip()):
                continue
            return _Tag(pos, end, confident, _describe(rule, cue), kind, rule)
        return furniture or glued

    def _whole_line(self, cue: str, rest: str, kind: str, document, paragraph: bool, first: bool) -> int | None:
        """How much of the rest of the line a cue takes whole, or None: a teaser's headline in a paragraph of one
        line or in title case (see _whole_teaser), a copyright notice that is a paragraph of its own (`© 2018
        Example Media Group.`, see _copyright_line)."""
        if kind == "name":
            return len(rest.rstrip()) if paragraph and first and _copyright_line(cue, rest) else None
        return self._whole_teaser(rest, kind, document) if paragraph or _title_case(rest) else None

    def _whole_teaser(self, rest: str, kind: str, document) -> int | None:
        """A teaser cue that opens a paragraph of one line, followed by a headline: the whole line ("Also read:
        Budget 2024: What changes for you?"), however many of its words the article shares. Not when the line ends
        with a full stop: that may be a short paragraph glued after the headline ("Read more: Markets fall Users
        welcomed the decision."). The headline of another document checked with this one ends it wherever the
        line goes on."""
        if kind != "headline":
            return None
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(rest)]
        known = _known_headline(tokens, self.options.max_headline_words, self._headlines)
        if known is not None:
            return known  # "Read more: <another document's headline> 2000 GMT": a short line glued after it
        if rest.rstrip().endswith("."):
            return None
        return self._extent(rest, kind, document, to_end=True)

    def _extent(self, rest: str, kind: str, document, to_end: bool = False) -> int | None:  # long: one scoring loop over the candidate extents, each weight with its reason
        """How many characters of `rest` the name or headline takes, or None when it is not a tag.

        `to_end`: the tag is glued to the end of a paragraph, so it must take all of `rest`.
        """
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(rest)]
        limit = WEIGHTS.name_words if kind == "name" else self.options.max_headline_words
        if not tokens:
            return None
        if kind == "name":  # a separator between a photographer and an agency is no word: "Jane Roe / Climate Visuals Countdown"
            limit += sum(1 for _, _, t in tokens[:2 * limit] if t in _SEPARATORS)
        if to_end:
            head = [t for _, _, t in tokens]
            limit += LINE_END_HEADLINE_WORDS if kind == "headline" else 0
            ok = len(tokens) <= limit and (_name_like(head) if kind == "name" else
                                            not any(_ends_sentence(t) and not t.endswith(";") for t in head[:-1]))
            # (a headline may hold a semicolon: "Sensex, Nifty end lower as IT stocks drag; HDFC Bank gains")
            return tokens[-1][1] if ok else None
        if kind == "headline":
            known = _known_headline(tokens, limit, self._headlines)
            if known is not None:
                return known
        vocab = _vocabulary(document)
        subject, surname = _attributed_subject([t for _, _, t in tokens])
        best, best_score, evidence = None, float("-inf"), (float("-inf"), 0)
        for b in range(1, min(limit, len(tokens)) + 1):
            head = [t for _, _, t in tokens[:b]]
            if kind == "name" and (not _name_like(head) or any(_ends_sentence(t) for t in head[:-1])):
                break
            if kind == "name" and surname is not None and b >= surname:
                break  # "Picture: PA | Governor Elena Varga said": a source's name is not the speaker's
            if kind == "headline" and any(_ends_sentence(t) for t in head[:-1]):
                break
            if kind == "headline" and b > 1 and _starts_sentence(head[-1], head[:-1]):
                break  # a sentence-case headline does not run into "The ..." or "But ..."
            if b < len(tokens):
                nxt = tokens[b][2]
                if not (nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in "\"'“‘("):
                    continue
                if kind == "name" and head[-1].lower() in _CONNECTORS:
                    continue  # "Reporting by the | BBC has shown ...": a name does not end on "the" or "of"
                if kind == "name" and _name_word(nxt) and not nxt[:1].isdigit() and nxt.lower() not in STOP_WORDS:
                    if nxt.lower() in _AGENCY_WORDS or nxt.lower().rstrip(",") in _COMPANY:
                        continue  # the name goes on: "Getty | Images", "Example Media | Ltd." (not "Reuters | MCI said")
            score = _novelty(head, vocab) - (WEIGHTS.name_word_cost * (b - 1) if kind == "name" else 0.0)
            shape = 0.0  # where a headline can end: chooses among extents, but is no evidence that there is one
            if kind == "headline":
                shape -= _prose(head) + WEIGHTS.headline_long * max(0, b - _usual_length(document))
            if kind == "name":
                shape += _name_end(head[-1], b == len(tokens))
            if kind == "headline" and b < len(tokens) and tokens[b][2][:1].isdigit():
                shape -= WEIGHTS.figure_follows  # news does not open a sentence with a figure: "Rail fares to rise | 5%" is one cut short
            if kind == "headline" and head[-1].lower() in _DANGLING:
                shape -= WEIGHTS.dangling_end  # "Bank cuts rates to": a headline does not end on a preposition or an article
            if (kind == "headline" and b < len(tokens) and b not in subject and _splits_name(head, tokens[b][2])
                    and _names_subject([t for _, _, t in tokens[b:]])):
                shape -= WEIGHTS.name_cut  # "... keep rising Grain grower Anna | Brandt said": a name is not cut in two
                if _resumes(tokens[b][2], head, vocab):
                    shape -= WEIGHTS.name_cut_resumes  # "... Chancellor Gordon | Brown": the document's own name takes its first part
            if kind == "headline" and b == len(tokens) and _ends_sentence(head[-1]) and head[-1].endswith("."):
                shape -= WEIGHTS.full_stop_end  # "... Shares in building firms rose after the announcement.": a headline has no full stop
            if b == surname:
                shape -= WEIGHTS.speaker_cut  # "... Governor Elena | Varga said": a speaker's name is not cut in two
            if kind == "name" and surname is not None and b == surname - 2 and tokens[b][2].lower() in _ROLES:
                score += WEIGHTS.speaker_title  # "Source: Dhaka Tribune | Governor Elena Varga said": the speaker's title
            if kind == "headline" and b in subject:
                score += WEIGHTS.speaker_role  # "... war fears | Grain grower Anna Brandt said": the paragraph's speaker and role
            elif kind == "headline" and b < len(tokens) and _starts_sentence(tokens[b][2], head):
                score += WEIGHTS.sentence_starts
            elif kind == "headline" and b < len(tokens) and _resumes(tokens[b][2], head, vocab):
                score += WEIGHTS.vocabulary_resumes  # "... war fears Council leader ...": a sentence-case headline ends where a capitalised
                # word of the document's own vocabulary follows
            if b == len(tokens):
                score += WEIGHTS.whole_rest  # nothing follows: the whole rest is the tag
            last = head[-1].strip("()[],;:.")
            if kind == "name" and b > 1 and re.fullmatch(r"(?:19|20)\d\d", last):
                score += WEIGHTS.year_closes  # a year closes a credit: "© AFP 2024 | Council leader ..."
                last = head[-2].strip("()[],;:.")
            if kind == "name" and wordings().wire.fullmatch(last):
                score += WEIGHTS.wire_closes  # a wire service's name ends a credit: "Source: Reuters Governor Elena Varga said ..."
            evidence = max(evidence, (score, -b))  # the best extent by evidence alone (the shortest of equals)
            if score + shape > best_score:
                best, best_score = b, score + shape
        if best is None or (kind == "headline" and evidence[0] <= 0 and -evidence[1] < len(tokens)):
            return None
        return tokens[best - 1][1]

    def _finding(self, document, block, line, ls, le, lead, trail, a, b, tag: _Tag) -> Finding:  # long: where the tag stands in its line and block
        text = document.text
        whole_line = a == ls + lead and b == ls + trail
        if whole_line and block.piece:  # a sentence of an article stored on one line
            edit = Edit(removal_start(document, block), block.end)
            where = "as a sentence of the text's line"
        elif whole_line and block.first_line == block.last_line:
            edit = Edit(removal_start(document, block), removal_end(document, block))
            where = "on its own line"
        elif whole_line:
            nl_end = document.line_starts[line + 1] if line + 1 < document.line_count else le
            edit = Edit(ls, nl_end) if line + 1 < document.line_count else Edit(document.line_span(line - 1)[1], le)
            where = "on its own line"
        elif a == ls + lead:
            end = b
            while end < le and text[end].isspace():
                end += 1
            edit = Edit(a, end)
            where = "glued to the start of a paragraph"
        else:
            start = a
            while start > ls and text[start - 1].isspace():
                start -= 1
            edit = Edit(start, b)
            where = ("glued to the end of a paragraph" if b == ls + trail else "closing a caption printed twice"
                     if tag.kind == "caption" else "after another tag at the start of a paragraph"
                     if tag.kind == "chained" else "between two sentences of a paragraph"
                     if _SENTENCE_END.match(text, max(ls, start - 2), start + 1) or text[start - 1:start] in ".!?"
                     else "inside a sentence")
        shown = text[a:b] if b - a <= 60 else text[a:a + 59] + "\u2026"
        if whole_line:  # the block's mark that opens the line goes with it (`<p> `, see text.MARK_LEAD)
            a = ls + len(text[ls:le]) - len(text[ls:le].lstrip())
        return Finding(tag.rule, a, b, f'{tag.what} {where}: "{shown}"', edit, tag.confident)


_YEAR_FIRST = lazyre.compile(r"\s*(?:(?:19|20)\d\d)\b")
_WIRE_CREDIT = lazyre.compile(r"[(\[]\s*(?:additional\s+)?(?:reporting|editing|writing)\s+by\s+(?-i:[A-Z])",
                              re.IGNORECASE)  # a name after it: not "(writing by hand helps them remember)"
_SOURCE_CREDIT = lazyre.compile(r"[(\[]\s*(?:sources?\b|(?:with\s+)?(?:additional\s+|agency\s+)?inputs?\b|courtesy\b)",
                                re.IGNORECASE)
_NOTICE = lazyre.compile(r"copyright|©|\(c\)|all\s+rights(?:\s+reserved)?", re.IGNORECASE)
_ADDRESS_IN_BRACKETS = lazyre.compile(r"^[(\[]\s*\S*(?:@|://)")
_AUTHOR_MAIL = lazyre.compile(r"<[^<>\s]+@[^<>\s]+>")
_CROSS_REFERENCE = lazyre.compile(r"`|\]\[|\]\(")  # code, or a Markdown link: a documentation's "See also:"
CROSS_REFERENCE_LINES = 2  # lines under a cue alone (a blank one, then the list's first item) read for its links
_LINK = lazyre.compile(r"https?://|www\.")


# (and a link to the story in another language, "En Español", which a page put above its title: no title is that)
_CALL = lazyre.compile(r"(?:subscribe|sign\s+up|listen\s+to|click|tap|download|join\s+(?:us|our)|en\s+espa[ñn]ol)\b",
                       re.IGNORECASE)
_TRUNCATION = lazyre.compile(r"[(\[]\s*(?:\.{3}|…)\s*[)\]]")  # `[...]`, as the excerpt-truncation family reads it


_PHOTO_CUE = lazyre.compile(r"(?:photo|image|picture|pic)s?(?:\s+credit)?\s*:\s*", re.IGNORECASE)


def _wire_photo(tag: _Tag, content: str) -> bool:
    """Whether a tag closing a line is a photo's credit naming a wire service or a picture library (`... Jihadi
    John. Photo: Reuters`, `... April 8, 2020. REUTERS/Jane Doe/File Photo`): a caption a page put first, where a
    title would stand; no title ends so."""
    if tag.rule != "source-credit" or content[tag.end:].strip():
        return False
    cue = _PHOTO_CUE.match(content, tag.start)
    if cue is None:  # a wire's name, then its photographer's: "... April 8, 2020. REUTERS/Jane Doe/File Photo"
        wire = wordings().wire.match(content, tag.start)
        return wire is not None and tag.start > 0 and content[wire.end():wire.end() + 1] == "/"
    name = content[cue.end():tag.end].strip().rstrip(".")
    return bool(wordings().wire.fullmatch(name) or wordings().library.fullmatch(name))


def _opens_line(document, block, line: int, content: str) -> bool:
    """Whether a tag may open the line: in hard-wrapped prose a line after a wrapped line continues its sentence,
    but a link's label alone on it (`Read more` under a teaser's headline) is no wrap's words."""
    stripped = content.strip()
    return (line == block.first_line or not document.continues(line) or bool(_LINK_LABEL.fullmatch(stripped))
            or bool(_CAPS_CUE.match(stripped)))


# A link's label alone on a line, in capitals: never the rest of a sentence a wrap cut ("... the report you can\nread
# more in"), so it opens a tag even under a line with no sentence's end (a teaser's headline over "Read more").
_LINK_LABEL = lazyre.compile(r"(?-i:Read\s+more|READ\s+MORE|Continue\s+reading|See\s+more)\s*(?:»|›|→|\.{3}|…)?")
# A credit's cue in capitals and its colon opening a line (`PHOTOGRAPH: SONY` under a picture's caption, as Wired's
# pages print it): no sentence a wrap cut goes on so, whatever the line before it ends with.
_CAPS_CUE = lazyre.compile(r"(?-i:(?:PHOTO(?:GRAPH)?S?|IMAGES?|PICTURES?|CREDITS?|SOURCES?|ILLUSTRATIONS?|VIDEO)"
                           r"(?:\s+CREDITS?)?)\s*:\s*\S")
_TOOLBARS = ("share-buttons", "archive-widgets", "cms-article-info", "embedded-media", "navigation-bar")


def _certain_source(w: Wordings, rest: str, kind: str) -> int | None:
    """Where a source whose extent is certain ends in the text after a cue: an address or a handle, or, for a
    name, wire services and picture libraries and nothing else (`Photo: dpa`, `SOURCE: dpa/UNB`)."""
    dm = w.address_or_handle.match(rest)
    if dm and (dm.end() == len(rest.rstrip()) or rest[dm.end():dm.end() + 1].isspace()):
        return dm.end()
    if kind == "name" and w.wire_list.fullmatch(rest.strip()):
        return len(rest.rstrip())
    return None


def _family_takes(family_id: str, tag: str) -> bool:
    """Whether the family of that id reads the tag whole."""
    w = wordings()
    return bool(w.compiled(w.by_id[family_id]).fullmatch(tag.strip()))


def _toolbar(line: str) -> bool:
    """Whether a line is a row of a page's buttons or widgets (`share-buttons`: "Listen 4 min Comment on this
    story Gift Article Share"; `archive-widgets`: "7.5k SHARES Facebook Twitter"; `cms-article-info`: "Category:
    Crime Created on ... Hits: 204"; `embedded-media`: "Media playback is not supported on this device", where a
    video opened a BBC story): furniture even where a title would stand, unlike a label a title may be ("Trending
    Now")."""
    w = wordings()
    return any(w.compiled(n).fullmatch(line) for n, f in enumerate(w.families) if f.id in _TOOLBARS)


def _authors_own(document, line: int, opens_line: bool, rule: str, tag: str, content: str) -> bool:
    """Whether what a family read as a tag is the author's in a project's own text (documentation, a changelog,
    a list): reStructuredText's markup and a header's fields; a "See also:" naming code or a Markdown link, or in
    Markdown alone on its line over a list of them; a
    prompt with a reStructuredText link, and in Markdown with any link (a README's "For
    more information go to https://...", also when the address is on the next line), and words of furniture
    after a sentence (`More on serializers later.`); in Markdown, a credit that is a whole line (`Source:
    https://...`, `Credits:`, `Reported by ...`; not a wire's credit); a credit naming its author's mail address in angle brackets (`Written
    by Jane Doe <jane@example.org>`); an address in brackets opening a line whose sentence the line before began
    (`... thanks to Volker Kuhlmann\n(v.k@example.nz).`); a credit's label and address that is an entry of a list
    of links a line ending with a colon introduces (`For More Information See:` / `Video: https://...`); a video's
    title after its cue, someone's work (`Video: Danny MacAskill's Imaginate`); a source's name that is a line of a list of short
    lines (`NGO\nNHK\nNI`); and in mail, `[...]` where a reply cut the message it quotes."""
    if is_rst_markup(content) or document.in_field_block(line):
        return True  # markup (`.. image:: https://...`) and a header's fields (`Keywords: json, schema`)
    if _TRUNCATION.fullmatch(tag.strip()) and document.is_mail:
        return True  # in mail, `[...]` marks where a reply cut the message it quotes: the replier's own mark
    if rule == "story-teaser" and _CROSS_REFERENCE.search(tag) and (document.markdown or tag[:1] != "["):
        return True  # (a whole bracketed teaser, "[ALSO READ: ...](https://...)", is a page's link outside Markdown)
    if (rule == "story-teaser" and document.markdown and tag.strip() == content.strip() and tag.rstrip().endswith(":")
            and any(_CROSS_REFERENCE.search(document.line_text(k))
                    for k in range(line + 1, min(line + CROSS_REFERENCE_LINES + 1, document.line_count)))):
        return True  # a documentation's "See also:" alone on its line over its list of links
    if rule == "page-furniture" and (RST_LINK.search(tag) or (document.markdown and _LINK.search(tag)) or (
            (document.markdown or document.is_mail) and opens_line and line + 1 < document.line_count
            and (document.continues(line + 1) or content.rstrip().endswith(":"))
            and _LINK.search(document.line_text(line + 1)))):
        return True  # (a prompt wrapped before its address: "Subscribe to the ... list at\nhttps://...", and in
        # mail the writer's own call before the address it gives: "Register here:\nhttps://...")
    if rule == "page-furniture" and document.markdown and not opens_line and not _family_takes("link-marker", tag):
        return True  # words of furniture closing a README's paragraph are its author's ("More on serializers later."),
        # but no author writes a link's note to screen readers, "[Read the paper(opens in a new window)](...)"
    if rule == "source-credit" and _AUTHOR_MAIL.search(tag):
        return True
    if (rule == "source-credit" and opens_line and tag.strip() == content.strip() and document.markdown
            and _README_CREDIT.match(tag)):
        return True  # a README's own line of credit ("Source: https://...", "Credits:"), not a wire's credit
    if rule == "source-credit" and tag.strip() == content.strip() and tag.rstrip().endswith(":") and any(
            _LINK.search(document.line_text(k)) for k in range(line + 1, min(line + 5, document.line_count))):
        return True  # "Sources:" heading the author's list of references and their addresses
    if rule == "source-credit" and _MEDIA_TITLE.match(tag):
        return True  # "Video: Danny MacAskill's Imaginate": a work's title, someone's, is no source of the page
    if rule == "source-credit" and tag.strip() == content.strip() and _LINK.search(tag) and _in_link_list(document,
                                                                                                       line):
        return True  # "For More Information See:" / "HR2899- https://..." / "Video: https://...": a reference
    before = document.line_text(line - 1).strip() if line > 0 else ""
    if opens_line and _ADDRESS_IN_BRACKETS.match(tag) and before and not ends_sentence(before):
        return True
    if rule == "source-credit" and opens_line and tag.strip() == content.strip() and len(tag.split()) <= 2:
        # (share buttons, one a line, are furniture of a page, not a list: they stay page-furniture's)
        after = document.line_text(line + 1).strip() if line + 1 < document.line_count else ""
        return all(0 < len(x.split()) <= 2 and not ends_sentence(x) for x in (before, after))
    return False


# A media cue, then a title with a possessive: the video's or picture's title (`Video: Danny MacAskill's Imaginate`),
# not whose it is (`Video: Reuters`, `Photo: Jane Doe/AP`).
_MEDIA_TITLE = lazyre.compile(r"\s*(?:videos?|audio|podcast|film)\s*:\s*[^\n:]{0,40}?\b[A-Z][\w.-]*['’]s\s+(?-i:[A-Z])",
                              re.IGNORECASE)
LIST_ENTRY_WORDS = 12  # an entry of a list of links: a label and its address, not a paragraph that holds one
LIST_ENTRIES = 20  # how far back, in entries, the line that introduces a list of links is looked for


def _in_link_list(document, line: int) -> bool:
    """Whether a line is an entry of a list of links that a line ending with a colon introduces: the lines
    before it, blank lines aside, are short entries that hold an address, back to `For More Information See:`
    (`HR2899- https://...` / `Video: https://...`), and the list has another entry than this one. A label there
    names what the address is, not a source."""
    entries = 0
    for k in range(line - 1, -1, -1):
        text = document.line_text(k).strip()
        if not text:
            continue
        if not _link_entry(text):
            return text.endswith(":") and (entries > 0 or _link_entry_follows(document, line))
        entries += 1
        if entries > LIST_ENTRIES:
            return False
    return False


def _link_entry_follows(document, line: int) -> bool:
    """Whether the next line that holds something after `line` is another entry of a list of links (a list has two
    entries or more: a lone `Source: <address>` under `... is prevalent:` credits a chart the scraper dropped)."""
    for k in range(line + 1, document.line_count):
        text = document.line_text(k).strip()
        if text:
            return _link_entry(text)
    return False


def _link_entry(text: str) -> bool:
    """Whether a line reads as an entry of a list of links: a label and an address, not a paragraph holding one."""
    return bool(_LINK.search(text)) and len(text.split()) <= LIST_ENTRY_WORDS


def _legal_text(document) -> bool:
    """A licence or a similar legal text: there "Copyright (c) ...", "All rights reserved." and a URL on its line
    are the text itself, not a scraper's leftovers (a LICENSE.txt in a repository)."""
    return document.analysis(_LegalText)


class _LegalText:
    @staticmethod
    def compute(document) -> bool:
        return is_legal_file(document.path) or legal_phrases(document.text) >= 2


# Words of page furniture that the prose after it may use by chance: they say nothing of what a heading is about.
_GENERIC = frozenset("""read more story stories article articles news latest video videos photo photos image images
page pages continue continues reading related below above source sources getty comment comments already here
today free back click view show hide leave post write""".split())


def _heads_next(document, block, line: str) -> bool:
    """Whether a line of page furniture is the heading of the paragraph after it: the first sentence of that
    paragraph uses one of the line's distinctive words ("Privacy policy" / "Our privacy policy explains ...",
    "Subscribe" / "To subscribe, open ..."): a help page's sections, an article's subheads."""
    blocks = document.blocks
    if len(line.split()) > 4 or re.search(r"[.?!:;]", line):
        return False  # not shaped as a heading: a prompt, a sentence, a list of tags
    if block.index + 1 >= len(blocks) or blocks[block.index + 1].kind != "paragraph":
        return False
    distinctive = [w for w in re.findall(r"[a-z]{4,}", line.lower()) if w not in STOP_WORDS and w not in _GENERIC]
    if not distinctive:
        return False
    own = {stem(w) for w in distinctive}  # the same word, or one of its family ("register" / "registering")
    prefixes = {w[:6] for w in distinctive if len(w) >= 6}
    following = document.block_text(blocks[block.index + 1])[:300]
    if len(following.split()) < 8:
        return False  # another line of furniture, not a section's text
    end = re.search(f"[{re.escape(SENTENCE_ENDS)}]" + r"(?:\s|$)", following)
    theirs = re.findall(r"[a-z]{4,}", following[:end.end() if end else None].lower())
    return any(stem(w) in own or (len(w) >= 6 and w[:6] in prefixes) for w in theirs)


BYLINE_BLOCKS = 2  # a writer's credit in the document's first prose blocks is its byline, which a page keeps at
# the top of its story (not a leftover): "A parents' guide ... A 2 page pdf brochure. Written by Jane Doe."
_WRITER = lazyre.compile(r"(?:written|words|text)\s+by\b", re.IGNORECASE)


# Words a headline may run beyond `max-headline-words` where the line's end closes it (a teaser glued to a
# paragraph's end, or filling its line): its end is certain, and some sites' headlines run long ("Read more: The
# pandemic has probably made you more vulnerable with coworkers—here's why that could be a good thing", 17 words).
LINE_END_HEADLINE_WORDS = 10


def _in_title(tags: list, content: str, lead: int, trail: int) -> list:
    """The tags of a title line that are tags: a title is the story's words, but for a credit in brackets after a
    caption a page put first, a line of buttons or labels that the page put above the story ("Listen 4 min Comment
    on this story Comment Gift Article Share"), a prompt that calls the reader to act ("Subscribe to Example Free
    Press for FREE": a label such as "Trending Now" may title a page), and a photo's credit that a picture library
    closes ("FG Trade via Getty Images": no title ends so), and a teaser that opens with a cue to read on ("READ
    MORE: <another story's headline>": a story's title is no pointer to another)."""
    return [t for t in tags if _bracketed_credit(t, content) or _wire_photo(t, content) or (
        (t.start, t.end) == (lead, trail) and (_toolbar(content[lead:trail]) or (
            t.rule == "page-furniture" and _CALL.match(content, lead)) or (
            t.rule == "story-teaser" and _READ_ON.match(content, lead)) or (
            t.rule == "source-credit" and wordings().library_last.search(content[lead:trail]))))]


# A teaser's cue to read on, as a line that a page put above its story opens with it: "READ MORE:", "Also read:".
_READ_ON = lazyre.compile(r"(?:read\s+(?:more|also|next)|also\s+read)\s*:", re.IGNORECASE)


def _closes_document(document, block) -> bool:
    """Whether a block is the document's last block of prose."""
    prose = [b.index for b in document.prose_runs if b.kind == "paragraph"]
    return bool(prose) and prose[-1] == block.index


def _leads(document, block) -> bool:
    """Whether a block is among the document's first BYLINE_BLOCKS prose blocks after its headline, or stands right
    above the story's first paragraph of STORY_WORDS words with only shorter lines before it (a page's menus, its
    share counter and date: `SHARES` / `03 Apr 2023` / `Written by Jane Roe` / the story), or at most
    BYLINE_GAP_BLOCKS short blocks above it (`written by Jane Roe` / `Sharing is caring!` / `0shares` / the story)."""
    paras = [b for b in document.prose_runs if b.kind == "paragraph"]
    if block.index in [b.index for b in paras[:BYLINE_BLOCKS]]:
        return True
    between = 0  # short blocks between the byline and the story (`Sharing is caring!` / `0shares` / the buttons)
    for b in paras:
        long = _story_paragraph(document.block_text(b))
        if b.index > block.index:
            if long or between == BYLINE_GAP_BLOCKS:
                return long
            between += 1
            continue
        if long and not document.in_field_block(b.first_line):
            return False  # the story had begun (not a record's fields: `URL: ...` / `Title: ...`): no byline
    return False


STORY_WORDS = 25  # words of a story's first paragraph, against a menu's or a date's short lines
BYLINE_GAP_BLOCKS = 4  # short blocks a page puts between a byline and its story (a share counter, its buttons, a
# reading time: `Sharing is caring!` / `0shares` / `* Pinterest ...`, a blog's theme in a blind set)
MENU_LINE_WORDS = 6  # words a line of a page's menu has on average, at most (`+ Natural Parenting`, `- Cakes &
# Cupcakes`, the odd `o Everything You Need to Know About Cloth Diapers`); a story's lines have 10 or more, wrapped or not


def _story_paragraph(text: str) -> bool:
    """Whether a block reads as a story's paragraph: STORY_WORDS words or more, on lines longer than a menu's (a
    page's menu, dozens of links one to a line, that a scrape kept as one block above the story, is none)."""
    count = len(text.split())
    return count >= STORY_WORDS and count > MENU_LINE_WORDS * len(text.strip().splitlines())


INTRODUCED_WORDS = 15  # a passage of at least this many words after a line ending in a colon is prose it
# introduces (an excerpt the author quotes), not the headlines of a teaser's list


def _introduces_prose(document, block, line: str) -> bool:
    """Whether a line that ends with a colon introduces a passage of prose: the next block opens with an ellipsis
    or a quotation mark, or runs to INTRODUCED_WORDS words and two sentences (`More from the Province:` /
    `…Recently the nature of the rhetoric has changed ...`). A teaser's label heads a list of short headlines."""
    if not line.rstrip().endswith(":") or block.index + 1 >= len(document.blocks):
        return False
    after = document.blocks[block.index + 1]
    if after.kind != "paragraph":
        return False
    following = document.block_text(after)[:600].lstrip()
    if following[:1] in "…\"“‘'" or following.startswith("..."):
        return True
    return len(following.split()) >= INTRODUCED_WORDS and len(re.findall(
        f"[{re.escape(SENTENCE_ENDS)}]" + r"\s+\S", following)) >= 1


def _tag_starts(body: str, start: int = 0):
    """Where a tag glued to the end of a line may start, from `start` on: after a sentence's end and the space
    that follows it, or with no space at all where a scraper joined two pieces of text ("... the vote.Share
    this article"): then the sentence ends in a letter, a number, a closing quotation mark or bracket or a
    percent sign ("the Scottish FA.Source: ...", "4%.Click here ...") and a capital or a bracket comes next
    (which a number's decimals never are: "3.5"); at a dash before a photo credit (see _DASH_CREDIT); and at an
    embedded post's picture link (`... I've reported pic.twitter.com/3U3...— Name (@handle) January 5, 2018`)."""
    starts = [m.start(1) for m in _DASH_CREDIT.finditer(body, start)]
    starts += [m.start() for m in _EMBEDDED_POST.finditer(body, start)]
    starts += [m.start() for m in _GLUED_CREDIT.finditer(body, start)]
    starts += [m.start(1) for m in _PIPE_CREDIT.finditer(body, start)]
    if "___" in body:
        starts += [m.end() for m in _SEPARATOR.finditer(body, start)]
    for m in _SENTENCE_END.finditer(body, start):
        if m.group(1):
            starts.append(m.end())
            continue
        before, after = body[m.start() - 1:m.start()], body[m.end():m.end() + 1]
        if (after and (before.isalnum() or before in "\"”’')%")
                and (after.isupper() or after in "([-—–©")):
            starts.append(m.end())
    yield from sorted(set(starts))


# A lead image's credit glued to the text's last word with no space, as a dataset that joined a page's paragraphs
# without one keeps it ("... November 5, 2017Featured image via Jane Doe/Getty Images", "... so enjoy!)Featured
# image via video screen capture", "... trolling Trump.Image via Twitter."), or a figure's source glued to its caption
# ("Apology to SickKids on the LockBit data leak siteSource: BleepingComputer"): where the credit starts.
_GLUED_CREDIT = lazyre.compile(r"(?=[FIPS])(?<=[a-z0-9)!?.”\"])(?=(?:Featured\s+[Ii]mage|Image|Photo|Picture)\s+"
                               r"(?:via|by|credit|courtesy)\b|Source:[ \t\u00a0]*\S)")
# A photo's credit after a bar closing its caption, as Politico's pages print it before the headline ("... in
# Linden, N.J. | Nicolaus Czarnecki/Boston Herald via AP U.S. attorney ...", "... | AP Photo Clinton demands ..."):
# where the credit starts (the families with a bar, see source_tag_families.toml).
_PIPE_CREDIT = lazyre.compile(r"\s(\|)\s*(?=(?-i:AP|Getty|Reuters|AFP|POLITICO)\b|(?-i:[A-Z])[\w.'’-]*(?:\s+[\w.'’-]+){0,3}\s*/)")
# A teaser's cue of one to three capitalised words and a colon, after a word and a space (see _glued_cue): where it
# may start. Its family decides whether the words are a cue.
_GLUED_CUE = lazyre.compile(r"[^\W_][ \u00a0]((?-i:[A-Z])[^\W\d_]*(?:[ \u00a0][^\W\d_]+){0,2}[ \u00a0]?:)\Z")
_CUE_CHARS = 60  # characters before a colon that surely hold a cue of three words and the word before it
# A wire's separator line, three underscores or more, that a dataset joined to the text before the closing notes it
# sets apart (`... 2023. ___ Follow @JClipperton_CP on X.`: The Canadian Press, The Associated Press): where the
# note after it starts.
_SEPARATOR = lazyre.compile(r"(?<!\S)_{3,}[ \t]+(?=\S)")
# An embedded post's picture link, glued to the post's text or after a space: where its credit starts.
_EMBEDDED_POST = lazyre.compile(r"pic\.twitter\.com/\w+")
# A photo credit after a dash closing a caption, which has no full stop of its own ("O ator com a filha — Foto:
# Reprodução/Instagram", "The team at the final – Photo: Jane Doe").
_DASH_CREDIT = lazyre.compile(r"\s([—–-]\s*)(?=(?:fotos?|photos?|images?|pictures?|bild|imagem|imagen|cr[ée]dito?s?)\s*:)",
                              re.IGNORECASE)


# A reporter's name after a dash closing a paragraph's last sentence ("... the GAO reported. — Jane Doe"): in a
# roundup each item ends so. One such line may be a quotation's attribution (an epigraph's "— Mark Twain"), so it
# counts only where SIGN_OFFS lines or more of the document end alike.
_SIGN_OFF = lazyre.compile(r"(?<=[.!?\"”’])\s+([—–]\s*(?-i:[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}))\s*$")
SIGN_OFFS = 2


def _reporter_sign_off(body: str, found: list, document) -> list:
    m = _SIGN_OFF.search(body)
    if (m is None or _one_quotation(body[:m.start(1)]) or any(t.end > m.start(1) for t in found)
            or document.analysis(_SignOffs) < SIGN_OFFS):
        return []  # (a quotation ends with its speaker: "“No one here gets out alive.” – Jim Morrison")
    return [_Tag(m.start(1), m.end(1), False, "Source credit (a reporter's sign-off)", "end")]


def _one_quotation(text: str) -> bool:
    """Whether a line opens with a quotation and holds no other (an epigraph's: `“No one here gets out alive.”`),
    unlike a reporter's paragraph of quotations and their speakers (`"Can I ...?" Walker said. "That will ..."`)."""
    return text.lstrip()[:1] in QUOTE_MARKS and sum(text.count(q) for q in QUOTE_MARKS) <= 2


# A photographer's name and where the photo is from, in brackets: `(Brian Feinzimer / LAist)`. An outlet that no
# family knows (`LAist`) is taken where the same credit closes GALLERY_CREDITS lines of the document or more (a
# gallery's captions); a name of two to four words (not `(Yes / No)`), the source capitalised.
_PHOTO_CREDIT = lazyre.compile(r"\(\s*(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*/\s*"
                               r"(?-i:[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})\s*\)")
GALLERY_CREDITS = 3


class _GalleryCredits:
    @staticmethod
    def compute(document) -> dict[str, int]:
        """How many lines each bracketed photo credit (see _PHOTO_CREDIT) closes."""
        counts: dict[str, int] = {}
        for line in document.text.splitlines():
            line = line.rstrip()
            if line.endswith(")"):
                m = _PHOTO_CREDIT.search(line, max(0, line.rfind("(")))
                if m and m.end() == len(line):
                    counts[m.group()] = counts.get(m.group(), 0) + 1
        return counts


class _SignOffs:
    @staticmethod
    def compute(document) -> int:
        """How many lines end with a reporter's sign-off (see _SIGN_OFF)."""
        return sum(1 for line in document.text.splitlines()
                   if _SIGN_OFF.search(line) and line.lstrip()[:1] not in QUOTE_MARKS)


def _bracketed_anywhere(body: str, found: list) -> list:
    """Tags of the families with `anywhere`: bracketed, so their brackets close them wherever they stand in a line
    (`... 2023] [ALSO READ: <headline>](https://...)`)."""
    out = []
    w = wordings()
    for n in w.anywhere:
        for m in w.compiled(n).finditer(body):
            if body[m.end():m.end() + 1] == "(" or any(t.start < m.end() and m.start() < t.end for t in found + out):
                continue  # a link to a page of the same site ("[See also: the CLI](cli.md)"), or taken already
            cue = m.group().split(":", 1)[0].lstrip("[( ").rstrip(")] ")
            out.append(_Tag(m.start(), m.end(), True, _describe(w.families[n].kind, cue), "closed",
                            w.families[n].kind))
    return out


_ADDRESS = lazyre.compile(r"(?:https?://|www\.)[^\s/]+(?P<path>/\S*)?")
ADDRESS_TAIL_BLOCKS = 3  # a home page's address signs off a story among its last blocks
SLUG_SHARE = 0.6  # of an address's words of four letters or more that the story uses: the story's own address


def _source_address(document, block, line: str) -> bool:
    """A paragraph that is only an address and signs off the story or one of its parts: the story's own
    address (most of the words of its path are the story's: `https://example.com/2017/11/13/the-unbearable-
    slowness-of-fourth-turnings/` under a text on the slowness of the Fourth Turning), or a site's home page
    among the last blocks (`http://example.blogspot.com/`). It ends the document or a part of it (a short line
    such as `PART 2` follows), and no line before it, or before the list of addresses it ends, introduces it
    (`Watch it here:`, `For More Information See:`)."""
    m = _ADDRESS.fullmatch(line)
    if m is None or document.markdown or document.is_mail or _QUOTED_LINE.search(document.text):
        return False  # documentation's links, and in mail an answer that is a link, are the author's
    blocks = document.blocks
    if any(b.kind == "heading" for b in blocks):
        return False
    n = block.index
    last = all(b.kind != "paragraph" or len(document.block_text(b).split()) <= 12 for b in blocks[n + 1:])
    part_ends = n + 1 < len(blocks) and len(document.block_text(blocks[n + 1]).split()) <= 3 and not ends_sentence(
        document.block_text(blocks[n + 1]))
    k = n - 1  # the block before the addresses this one closes a list of ("For More Information See:" / 4 links)
    while k >= 0 and _ADDRESS.fullmatch(document.block_text(blocks[k]).strip()):
        k -= 1
    before = document.block_text(blocks[k]).rstrip() if k >= 0 else ""
    if before.endswith(":") or not (last or part_ends or n >= len(blocks) - ADDRESS_TAIL_BLOCKS):
        return False
    if any(_SOURCES_HEADING.fullmatch(document.block_text(b).strip()) for b in blocks[max(0, n - 40):n]):
        return False  # an entry of the author's list of sources
    path = (m.group("path") or "").strip("/")
    if not path:
        return n >= len(blocks) - ADDRESS_TAIL_BLOCKS  # a home page
    if len(_story_addresses(document)) >= LINK_LIST:
        return False  # a story has one address of its own: several are the author's list of links to read
    return _the_story(path, document.text[:block.start] + document.text[block.end:])


def _the_story(path: str, story: str) -> bool:
    """Whether an address's path names the story (SLUG_SHARE of its three words or more of four letters, not an
    address's own words, stand in it): the story's own address."""
    slug = [w for w in re.findall(r"[a-z]{4,}", path.lower()) if w not in _ADDRESS_WORDS]
    story = story.lower()
    return len(slug) >= 3 and sum(w in story for w in slug) >= SLUG_SHARE * len(slug)


LINK_LIST = 3  # different addresses with a path, each a paragraph of its own, that make a list of links
PAGE_ADDRESS_LINE = 1  # the last line (from 0) where a page's own address may stand: right under its title


def _address_tags(document, block, line: int, content: str, bounds: tuple[int, int]) -> list[_Tag]:
    """A line that is only the story's own address, signing it off or under its title (see _source_address and
    _page_address), as a tag; or none."""
    lead, trail = bounds
    if block.first_line == block.last_line and _source_address(document, block, content[lead:trail]):
        return [_Tag(lead, trail, False, "Source credit (an address signing off the story)", "address")]
    if line <= PAGE_ADDRESS_LINE and _page_address(document, line, content[lead:trail]):
        return [_Tag(lead, trail, False, "Source credit (the page's own address under its title)", "page-address")]
    return []


def _page_address(document, line: int, content: str) -> bool:
    """A line that is only the story's own address (see _source_address: most of the words of its path are the
    story's), standing under the title that opens the document, as a dataset of saved pages records it (`Trump's
    First 100 Days Have Had Way More Days ...` / `http://www.theshovel.com.au/2017/04/27/trumps-first-100-days-...`)
    and with the story under it. Not in documentation, nor in mail."""
    m = _ADDRESS.fullmatch(content)
    if m is None or document.markdown or document.is_mail or not (m.group("path") or "").strip("/"):
        return False
    if line > 0 and not document.line_text(0).strip():
        return False  # the document's first line is its title
    ls, le = document.line_span(line)
    below = document.text[le:]
    return len(below.split()) >= PAGE_ADDRESS_STORY_WORDS and _the_story(m.group("path"), document.text[:ls] + below)


PAGE_ADDRESS_STORY_WORDS = 50  # words of story under a page's own address


def _story_addresses(document) -> set[str]:
    """The addresses with a path that stand as paragraphs of their own in a document (`http://x.com/a-b-c/`)."""
    found = set()
    for block in document.blocks:
        if block.kind == "paragraph" and block.first_line == block.last_line:
            m = _ADDRESS.fullmatch(document.block_text(block).strip())
            if m is not None and (m.group("path") or "").strip("/"):
                found.add(m.group(0).lower())
    return found


_QUOTED_LINE = lazyre.compile(r"^>", re.MULTILINE)
# The cues of a README's own credit lines: where it took something from, and whom it thanks.
_README_CREDIT = lazyre.compile(r"\s*(?:sources?|credits?|via|thanks|acknowledge?ments?|reported\s+by)\b", re.IGNORECASE)
_SOURCES_HEADING = lazyre.compile(r"(?:sources?|references?|links?|further\s+reading|bibliography|notes)\s*:?", re.IGNORECASE)
_ADDRESS_WORDS = frozenset("html shtml aspx http https www index more part news article story post posts blog "
                           "archives category".split())


_EMOJI_LEAD = lazyre.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]\uFE0F?\\s+")
_CREDIT_CUE = lazyre.compile(r"\S+\s*:\s*")
CAPTION_WORDS = 3  # a caption's copy is known by its first three words or more (a gallery's "1 de 7" prefix aside)


def _credits_before_copies(body: str, found: list) -> list:
    """Photo credits after a dash that close a caption printed twice on one line: a scraped gallery gives each
    picture's caption and credit, then the same again ("1 de 7 Pedro Alonso é pintor — Foto: Netflix Pedro
    Alonso é pintor — Foto: Netflix"). The credit ends where the caption's copy begins; the copy's own credit
    ends the line (see _tag_starts). Where the name ends is inferred, so its fix is unsafe."""
    out = []
    segment = 0  # where the current caption starts: the line's start, or the end of the last credit
    for m in _DASH_CREDIT.finditer(body):
        dash = m.start(1)
        if any(t.start <= dash < t.end for t in found):
            break  # the credit that ends the line, found already
        caption = _TOKEN.findall(body[segment:m.start()])
        cue = _CREDIT_CUE.match(body, m.end())
        rest = body[cue.end():]
        tokens = list(_TOKEN.finditer(rest))
        for b in range(1, min(WEIGHTS.name_words, len(tokens) - CAPTION_WORDS) + 1):
            head = [t.group() for t in tokens[:b]]
            if not _name_like(head) or any(_ends_sentence(t) for t in head):
                break
            following = [t.group() for t in tokens[b:b + CAPTION_WORDS]]
            if any(caption[i:i + CAPTION_WORDS] == following for i in range(len(caption) - CAPTION_WORDS + 1)):
                end = cue.end() + tokens[b - 1].end()
                out.append(_Tag(dash, end, False, _describe("source-credit", body[dash:cue.end()].strip()), "caption"))
                segment = end
                break
    return out


def _copies(document) -> dict[int, int]:
    """Block index of each repeated paragraph -> block index of its first copy (see repeated-passage)."""
    from doclint.repeats import paragraph_matches
    paras = document.paragraphs
    matches = paragraph_matches(document)
    return {paras[j].index: paras[m.earlier].index for j, m in matches.items()}


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(a.lower(), b.lower()) >= 80


def _continues_sentence(rest: str) -> bool:
    """What follows a tag glued to a line's start goes on with a sentence begun before it: it opens with a word in
    lower case (a verb, "expects"), or with a comma or a semicolon ("(PAT), or using ...": the abbreviation of
    the words before it), not with a capital, a figure or a quotation mark as a paragraph does."""
    if rest[:1] in ",;":
        return True
    word = rest.lstrip()[:1]
    return word.isalpha() and word.islower()


def _credit_tail(rest: str) -> bool:
    """What a tag leaves of a short line is more of the credit, not the article's text: a few words, no sentence
    end before the last, no full stop at all but a company's (`Doe on Unsplash`, `Smith; Editing by Tom Brown`,
    `Free Software Foundation, Inc. <https://fsf.org/>` after `Copyright (C) 2007`)."""
    words = rest.split()
    return 0 < len(words) <= 6 and not any(w.endswith((".", "!", "?")) and w.lower() not in _COMPANY for w in words)


CREDIT_LINE_WORDS = 8  # words after a credit's cue on a line of its own that the whole line is still the credit


def _whole_credit(cue: str, rest: str, whole_line: bool, at_start: bool) -> int | None:
    """How far a credit's cue takes what follows when its name was not judged a name, or None: the rest of a
    line of its own (`Photo Credit: jiazi via Compfight cc`, see _credit_line) or of a paragraph it is glued to
    the end of, when a picture library closes it (`... study. Image Credit: sciencepics / Shutterstock`)."""
    if whole_line and _credit_line(cue, rest):
        return len(rest)
    if not at_start and _library_credit(cue, rest):
        return len(rest.rstrip())
    return None


def _copyright_line(cue: str, rest: str) -> bool:
    """A paragraph of one line that a copyright's sign opens, then a year and a few words with no sentence's end
    before the last (`© 2018 Example Media Group.`): the whole line is the notice, however its holder's name is
    shaped. Its fix stays unsafe (a licence's own `Copyright (c) 2020 Jane Doe` is the author's)."""
    words = rest.split()
    return (cue.lstrip().lower().startswith(("©", "(c)", "copyright")) and _YEAR_FIRST.match(rest) is not None
            and 1 < len(words) <= CREDIT_LINE_WORDS and not any(w.endswith((".", "!", "?")) for w in words[:-1]))


def _library_credit(cue: str, rest: str) -> bool:
    """A credit's cue with a colon glued to the end of a paragraph, then a few words with no sentence in them that
    a picture library or a wire closes (`... a nationwide study. Image Credit: sciencepics / Shutterstock`)."""
    words = rest.split()
    return (cue.rstrip().endswith(":") and 0 < len(words) <= CREDIT_LINE_WORDS
            and bool(wordings().library_last.search(rest)) and not any(w.endswith(("!", "?")) for w in words)
            and not any(w.endswith(".") for w in words[:-1]))


# A cue that says whose permission a picture is printed by (`By kind permission of`, `Courtesy of`): what follows on
# its line is the holder's name, however shaped.
_PERMISSION = lazyre.compile(r"\s*(?:by\s+(?:kind\s+)?permission\s+of|reproduced\s+(?:by|with)\s+(?:kind\s+)?"
                             r"permission\s+(?:of|from)|courtesy\s+of)\s*$", re.IGNORECASE)


def _credit_line(cue: str, rest: str) -> bool:
    """A paragraph of one line that a credit's cue with a colon (or a hat tip, or a permission's `By kind
    permission of`) opens, and a few words with no sentence in them end: the whole line is the credit, whatever
    its words' shape (`Photo Credit: jiazi via Compfight cc`, `h/t Preamble to the U.S. Constitution @
    vocabulary.com`, `By kind permission of Johnson Matthey.`)."""
    words = rest.split()
    return ((cue.rstrip().endswith(":") or cue.lower().startswith(("h/t", "hat")) or _PERMISSION.match(cue) is not None)
            and 0 < len(words) <= CREDIT_LINE_WORDS
            and not any(_ends_sentence(w) and w.lower() not in _COMPANY and not _INITIALS.fullmatch(w)
                        for w in (words[:-1] if _name_like(words) else words)))  # (a name may close with a stop)


_INITIALS = lazyre.compile(r"(?:[A-Za-z]\.){2,}")  # "U.S.", "J.R.": no sentence ends there


_COMPANY = {"inc.", "ltd.", "co.", "corp.", "plc.", "llc.", "s.a.", "n.v.", "b.v.", "pty.", "l.p.", "llp.", "gmbh.",
            "ag.", "s.p.a."}


_WHAT = {"source-credit": "Source credit", "story-teaser": "Teaser for another story", "page-furniture": "Page furniture",
         MID: "Credit"}


def _describe(rule: str, cue: str) -> str:
    return _WHAT[rule] + f" ({cue.rstrip(':').strip()[:30]})"


def _starts_sentence(token: str, head: list[str]) -> bool:
    """A capitalised function word ("The", "But") after a sentence-case headline starts the article's text."""
    sentence_case = any(t[:1].islower() for t in head[1:])
    word = token.strip("\"'“‘(")
    return sentence_case and token[:1].isupper() and word.lower() in STOP_WORDS and not _acronym(word)


_DANGLING = frozenset("a an the to of in on at for with from by and or as".split())
TITLE_CASE_WORDS = 3  # fewest words of a rest of a line read as a title: "Suggested Read: Shopping In London"


def _title_case(rest: str) -> bool:
    """The rest of a line after a teaser's cue is a headline in title case, every word capitalised but the small
    ones (`Suggested Read: 7 Cruises In Barcelona For You To Have A Luxurious Sea Retreat`): no sentence of the
    page's own runs on after it on the line, so it is taken whole even inside a block of lines."""
    tokens = rest.split()
    return len(tokens) >= TITLE_CASE_WORDS and all(
        t[:1].isupper() or t[:1].isdigit() or not t[:1].isalpha() or t.lower() in _DANGLING for t in tokens) and \
        sum(t[:1].isupper() for t in tokens) * 2 > len(tokens)
# Words of prose that headlines leave out (headlinese drops auxiliaries, pronouns and relative words): in 918 news
# headlines each of these occurs in at most 1.3%, in the first eight words of their paragraphs in 1-11%. (Not `the`:
# in 3% of headlines, and as costly to take as to leave.)
_PROSE = frozenset("is are was were been being has have had would will do does did that which who whom whose "
                   "while although because if said he she it they his her their its some".split())


def _known_headline(tokens, limit: int, known) -> int | None:
    """Where the headline after a teaser's cue ends when it is, word for word, the headline of another document
    checked with this one (a site's teasers link to its own stories): the longest such, or None."""
    if not known:
        return None
    found, seen = None, []
    for _, end, token in tokens[:limit]:
        seen += words(token)
        if len(seen) >= 2 and " ".join(seen) in known:  # not a one-word "headline" such as "Results"
            found = end
    return found


def _usual_length(document) -> int:
    """How many words a teaser's headline may take before each more costs: one more than the document's own
    headline (a site links to its stories under headlines of its own style), or any number without one."""
    return document.analysis(_UsualLength)


class _UsualLength:
    @staticmethod
    def compute(document) -> int:
        own = next((b for b in document.blocks if b.kind == "headline"), None)
        if own is None:
            return WEIGHTS.headline_no_own
        return max(WEIGHTS.headline_min_usual, len(document.block_text(own).split()) + WEIGHTS.headline_slack)


def _prose(head: list[str]) -> float:
    """How much a candidate headline reads as the paragraph's prose: its words of prose, a comma in it or ending
    it, a double quotation mark opening a word after its first (a quotation opens the paragraph)."""
    cost = 0.0
    for n, token in enumerate(head):
        word = token.strip("\"'“”‘’()[],.:;!?").lower()
        if word in _PROSE:
            cost += WEIGHTS.prose_word
        if "," in token:  # inside a headline, or ending it: "Japan, | South Korea and Singapore ..."
            cost += WEIGHTS.prose_word
        if n and token[:1] in "\"“":
            cost += WEIGHTS.prose_word
    return cost


def _splits_name(head: list[str], token: str) -> bool:
    """A sentence-case headline ending on a capitalised word before another: the cut falls inside a name (not
    before a name that a comma closes: "... northern Italy | Marin, who won ...")."""
    last, word = head[-1].strip("\"'“‘(),:"), token.strip("\"'“‘(),:")
    sentence_case = len(head) > 1 and any(t[:1].islower() for t in head[1:])
    return (sentence_case and not token.endswith(",") and last[:1].isupper() and word[:1].isupper()
            and last.lower() not in STOP_WORDS and word.lower() not in STOP_WORDS)


# Titles and roles written before a name: "Governor Elena Varga", "Finance Minister Sue Essex".
_ROLES = frozenset("""governor minister president chancellor secretary mp mep senator mayor judge chief director professor
prof dr mr mrs ms sir lord lady king queen prince princess general captain coach manager chairman chairwoman chair
spokesman spokeswoman spokesperson leader ambassador commissioner inspector detective officer sergeant councillor
bishop archbishop pope premier envoy striker midfielder defender goalkeeper keeper winger skipper""".split())
_SPEECH = frozenset("said says told added announced warned explained insisted claimed argued stated noted".split())
_SUBJECT_VERBS = _SPEECH | frozenset("has had have is was will would could can may might must".split())


def _names_subject(tokens: list[str]) -> bool:
    """The capitalised words that open `tokens` are a clause's subject: a speech verb or an auxiliary follows them
    ("Gordon Brown said", "Tony Blair has promised"), so they hold a name that a cut before the last of them
    would split. Capitalised words followed by anything else ("Tuition fees ...", "Reports that ...") may as well
    open the paragraph right after a headline that ends on a name."""
    for n, token in enumerate(tokens[:8]):
        if not token[:1].isupper():
            return n > 0 and token.lower().strip(",.:;") in _SUBJECT_VERBS
        if token.endswith(","):
            return False
    return False


def _attributed_subject(tokens: list[str]) -> tuple[tuple[int, ...], int | None]:
    """Where the subject of a speech verb near the start begins, when it is a role written in lower case after a
    capitalised first word, then a name: "Grain grower Anna Brandt said", "Council leader Maria Okafor said",
    "Shadow chancellor Oliver Letwin said". A headline glued before a paragraph that opens so ends at the role's
    first word (its lower-case words are no headline's, and the name is no headline's end). A capitalised role
    right before the name ("Labour MP Jane Smith", "Governor Elena Varga") tells nothing of where it begins: ().
    Also returns where the name's last word is (a headline never ends between the two, and a source's name
    after a credit's cue ends before the speaker's), or None."""
    verb = next((n for n, t in enumerate(tokens[:24]) if t.lower() in _SPEECH), None)
    if (verb is None or verb < 4 or not (_capitalised(tokens[verb - 1]) and _capitalised(tokens[verb - 2]))
            or tokens[verb - 2].lower() in _MASTHEAD_ENDS or wordings().wire.fullmatch(tokens[verb - 2])):
        return (), None  # a person's name: "Anna Brandt" (not "Analysts said", which a headline's words may precede)
    name = verb - 2
    for k in range(1, 4):
        n = name - k
        if n < 1:
            break
        word = tokens[n]
        if _capitalised(word):
            return ((n,) if k >= 2 else ()), verb - 1
        if not word.isalpha() or word.lower() in STOP_WORDS:
            break
    return (), verb - 1


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and token.isalpha() and token.lower() not in STOP_WORDS


def _resumes(token: str, head: list[str], vocab: set[str]) -> bool:
    word = token.strip("\"'“‘(")
    return (any(t[:1].islower() for t in head[1:]) and token[:1].isupper() and word.isalpha()
            and not _acronym(word) and stem(word.lower()) in vocab)


def _acronym(word: str) -> bool:
    """"US", "IT": a country, a trade, not the words "us" and "it"."""
    return len(word) > 1 and word.isupper()


def _ends_sentence(token: str) -> bool:
    return token.endswith((".", "!", "?", ";")) and not token.endswith("...")


def _name_word(token: str) -> bool:
    t = token.strip("()[],;:")
    return bool(t) and (t[:1].isupper() or t[:1].isdigit() or t.lower() in _CONNECTORS or t.lower() in _AGENCY_WORDS)


def _name_like(head: list[str]) -> bool:
    """Words of a source's name; the last may close the sentence with a full stop ("Source: Reuters.")."""
    return all(_name_word(t) for t in head) and not head[-1].endswith(("!", "?", ";", "..."))


def _vocabulary(document) -> set[str]:
    """Stems of the document's words, counted over paragraphs: a word must occur in two to count."""
    return document.analysis(_Vocabulary)


class _Vocabulary:
    @staticmethod
    def compute(document) -> set[str]:
        from collections import Counter

        counts: Counter[str] = Counter()
        for block in document.blocks:
            counts.update({stem(w) for w in re.findall(r"[^\W\d_][\w'’-]*", document.block_text(block).lower())})
        return {w for w, c in counts.items() if c >= 2}


def _novelty(head: list[str], vocab: set[str]) -> float:
    """+1 for each content word the rest of the document never uses, -1 for each it does."""
    score = 0.0
    for token in head:
        word = token.strip("\"'“”‘’()[],.:;!?").lower()
        if not word or word in STOP_WORDS or not any(c.isalpha() for c in word):
            continue
        score += -WEIGHTS.novelty if stem(word) in vocab else WEIGHTS.novelty
    return score


def _candidates(w: Wordings, body: str, pos: int) -> list[int]:
    """The families worth trying at `pos`: those a tag may start with by its first word, and those whose last cue
    word is in the line."""
    first = _FIRST_WORD.match(body, pos)
    word = first.group().split()[-1] if first else ""
    candidates = list(w.by_start.get(word.lower(), ()))
    if not candidates and (glued := _GLUED_WORDS.match(word)):  # a scrape that dropped the spaces between a row's
        candidates = list(w.by_start.get(glued.group().lower(), ()))  # buttons: `FacebookTweetPin` as `Facebook`
    return candidates + [n for word, n in w.cue_last.items() if body.find(word, pos) != -1]


_GLUED_WORDS = lazyre.compile(r"[A-Z][a-z]+(?=[A-Z][a-z])")  # a capitalised word glued to the next one


GLUED_LINE_WORDS = 3  # furniture or a closing credit glued before a paragraph's first sentence: "Story continues
# below advertisement The council ...", "Reporting by Jane Doe; Editing by John Roe The council ..." (not "Home"
# before "Home Secretary ...": one or two words may open a sentence; a dash never opens a tag: "- Reuters The ...")
_SENTENCE_OPENS = lazyre.compile(r"\s+[\"“‘(]?[A-Z]")


def _glued_end(body: str, end: int, pattern) -> int | None:
    """Where a tag that counts only as a whole line or at a line's end (page furniture, a closing credit), matched
    at a paragraph's start up to `end`, ends if it stands glued before a sentence of the paragraph (a scraper
    joined the two); None if it does not. The shortest text the family's pattern takes whole before a sentence's
    start: a family's open tail may run on into the sentence ("Image caption <the caption>" took "Image caption
    Grain grower Anna Brandt said ..."), and leaving some of a tag is better than deleting an author's words."""
    if end >= len(body.rstrip()):
        return None  # the whole line: a tag of its own line, read as such
    for opening in _SENTENCE_OPENS.finditer(body):
        cut = opening.start()
        if cut > end:
            break
        before = body[:cut].split()
        if (len(before) >= GLUED_LINE_WORDS and body[:1] not in "-—–" and (cut == end or _ends_run(before[-1]))
                and pattern.fullmatch(body, 0, cut)):
            return cut
    return None


def _ends_run(word: str) -> bool:
    """Whether a tag may end after `word` before a capitalised one, short of where its family's pattern stops:
    after a full stop or a closing bracket, or a word in lower case ("... below advertisement The"), never inside
    a name ("Produced by Jupiter Research")."""
    return word[-1:] in ".!?…)]" or not word[:1].isupper()
