from __future__ import annotations

import dataclasses
from collections import Counter
import re
from functools import lru_cache
from dataclasses import dataclass

from doclint import lazyre
from doclint.cohesion import NO_CORPUS, TermMatrix, content_terms, term_weights
from doclint.lexicon import term_key as _key
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.repeats import paragraph_matches, removal_start
from doclint.rule import CorpusStatistics, Rule, option
from doclint.text import (BULLETS, DAMAGE_SCREEN, ENDS_SENTENCE, QUOTE_MARKS, SCRIPTS, SENTENCE_BREAK, STOP_WORDS, WORD,
                          damaged, ends_sentence, legal_phrases, mostly_addresses, readable)

# Logistic weights over the evidence (see `doclint rule off-topic-paragraph` and README for how they were set).
# Lexical: mean naive-Bayes evidence against the rest and the neighbours, the same scaled by the square root of the
# number of terms (a mean over few words is weak evidence: scaled, it is a z-score), shared names, size, and the gap
# to the document's median paragraph.
LEXICAL = {"bias": -0.3, "rest": -0.6, "neighbours": -0.25, "names": -1.15, "size": -0.4, "rest_gap": -1.1,
           "rest_z": -3.15, "neighbours_z": -0.65}
# With embeddings: the same unscaled evidence, plus the cosine to the rest, its gap to the document's median, and
# the bridge (how much closer the paragraphs on either side are to each other than to the unit). Halfway between the
# previous weights (a fit on the dev corpus alone, no bridge) and a fit on it and paragraphs spliced into its clean
# articles (README: how the weights were set; fit/off_topic_weights.py). The end bridge (the last unit's, from
# one side) was added later, weighed below the bridge (a fit gives both alike; from 1.5 on, a false alarm on dev).
SEMANTIC = {"bias": -6.0, "rest": -3.7, "neighbours": -2.5, "names": -0.45, "size": 1.65, "rest_gap": -1.05,
            "cosine": -8.0, "gap": -7.2, "bridge": 1.5, "end_bridge": 1.0}
# The probability a paragraph needs, by backend. On the dev corpus every finding of the embeddings between 0.70
# and 0.75 was false (3 of 3) and none above; on real web pages the findings between 0.70 and 0.75 were authors'
# own asides (2 of 2 labelled). By words alone the findings between 0.70 and 0.75 were right (2 of 2 on dev).
SEMANTIC_THRESHOLD = 0.75
LEXICAL_THRESHOLD = 0.70
SHORT = 4  # documents with fewer judgeable paragraphs need a higher probability (see Options.min_paragraphs)
# A document of exactly SHORT judgeable paragraphs judges each against three: a margin over the threshold. A clean
# four-paragraph wire story (an agency's report on hibernating astronauts) had a paragraph at 0.75, the threshold;
# the dev corpus's intruders in four-paragraph articles stand at 0.81 and above.
SHORT_MARGIN = 0.05
# The lexical backend judges no document of fewer judgeable paragraphs: on short clean articles it flagged a
# paragraph in one of four (docs/off-topic.md), where the embeddings flagged none.
LEXICAL_MIN_PARAGRAPHS = 5
_QUOTES = "\"“‘'«"
_CLOSING = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}  # opening mark -> closing
_CONTACT = lazyre.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\b(?:https?://|www\.)\S+|\+\d[\d ().-]{7,}\d"
                          r"|\b(?:tel|phone|telephone|fax)\b[.:]?\s*\(?\d", re.IGNORECASE)
# An author's note closing (or opening) a piece: "Clark Boyd is technology correspondent for The World", "The writer
# is a former ambassador to Japan", "Jane Doe writes for the Ledger."
_AUTHOR_NOTE = lazyre.compile(
    r"the\s+(?:author|writer|columnist)\s+(?:is|was)\b"
    r"|(?:(?-i:[A-Z])[\w.'’-]+\s+){1,3}(?:(?:writes|reports)\s+(?:for|on|about)\b|(?:is|was)\b[^.!?]{0,140}?\b(?:correspondent"
    r"|reporter|editor|writer|columnist|journalist|contributor|producer|presenter|author|analyst|commentator|blogger"
    r"|freelancer?|professor|lecturer|researcher)s?\b)",
    re.IGNORECASE)
# An editorial note about the piece itself: "Correction: ...", "Editor's note: ...", "This article was amended ...",
# "The views expressed ... are the author's own", "Comments on this story are now closed".
_EDITORIAL = lazyre.compile(r"^\s*(?:correction|clarification|editor['’]?s\s+note|update|disclaimer|disclosure)\s*:"
                            r"|\bthis\s+(?:article|story|piece|publication|column|post|series)\b|\bthe\s+author['’]?s\s+own\b"
                            r"|\bour\s+series\b", re.IGNORECASE)
# Who a quotation is attributed to: a name (one to three capitalised words, after a title such as `Mr`) before a
# verb of speaking (`Mr Hadi says`, `Mike Lake, a spokesman for Yukos, said`) or after one (`said Avery Shenfeld`;
# not after `told`, whose object is the listener). Roles (`a spokesman said`) and pronouns (`he said`) name no one.
_SAYS = r"said|says|added|adds|explained|insisted|argued|warned|stated|noted|claimed"
_NAME = r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Prof)\.?\s+)?((?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})"
_SPEAKER = lazyre.compile(rf"{_NAME}(?:,[^,.\"“”]{{1,80}},)?\s+(?:{_SAYS}|told|tells)\b"
                          rf"|\b(?:{_SAYS}|(?i:according)\s+to)\s+{_NAME}")
# A quotation attributed to a pronoun ("..., she explained.", "said he"): the speaker is someone the text has named;
# "it read" quotes a post, a letter or a sign the text has named ("“... Horrible!” it read.").
_PRONOUN_SPEAKER = lazyre.compile(rf"[,\"”!?]\s*(?:he|she)\s+(?:{_SAYS}|told)\b|\b(?:{_SAYS})\s+(?:he|she)\b"
                                  rf"|[,\"”!?]\s*it\s+(?:read|reads|said|says|stated|added)\b")
# Names listed in a sentence ("... 17 states had such exemptions: Georgia, Indiana, Louisiana, Maryland, ..."): each a
# word the rest of the story does not use, so a paragraph that lists them looks foreign by its words alone.
ATTRIBUTION_WORDS = 6  # words outside the quotation marks of a paragraph that is one speaker's words: "she explained"
_QUOTED = lazyre.compile(r"“[^”]*”?|\"[^\"]*\"?")


# A speaker introduced by a role (`Don Gingerich, a delegate from Iowa, said "..."`): when another paragraph speaks of
# that role or body (`Delegates from the National Pork Producers Council voted ...`), the speaker is the story's own.
# A relative clause (`Lena Sorensen, who made the film ..., said`) says what the speaker did, not a role: not read.
_INTRODUCED = lazyre.compile(rf"{_NAME},\s+(?!(?:who|whose|whom|which|that|where|when)\b)([^,.\"“”]{{3,80}}),"
                             rf"\s+(?:{_SAYS}|told|tells)\b")
# A person introduced anywhere in the paragraph by a post at a body (`Stephen Vander Schaaf, President and CEO of ASI,
# is hopeful ...`): when another paragraph names that body (`Accessible Space, Inc. (ASI) of St. Paul will
# receive ...`), the person is the story's own. The body must be a name (a capitalised word), not a role's word.
_POST_AT_BODY = lazyre.compile(rf"{_NAME},\s+(?!(?:who|whose|whom|which|that|where|when)\b)[^,.\"“”]{{2,60}}?"
                               r"\b(?:of|at|for|from|with)\s+(?:the\s+)?((?-i:[A-Z])[^,.\"“”]{1,60}),")
# A paragraph that opens with a dateline of its own (`CAIRO - Egypt's opposition ...`, `ZEEBRUGGE, Belgium - ...`) is
# a brief: a document with BRIEFS of them is a digest of stories, each paragraph on a topic of its own (a wire's news
# summary; a Reuters digest of eight briefs had two of them flagged).
BRIEFS = 2
_BRIEF = lazyre.compile(r"\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?"
                    r"\s+(?:-{1,2}|[–—])\s")


# A paragraph whose words stand mostly inside quotation marks is a quotation with its introduction (`In a Facebook
# post Saturday, Riddering's wife, Amy Boyle Riddering, wrote, "My best friend, ..."`): a speaker's own words, whose
# vocabulary differs from the story's by nature. A blind set's only off-topic finding was such a paragraph (87% of
# its words quoted); another story's paragraph is a reporter's, mostly outside quotation marks.
QUOTED_SHARE = 0.75


def _mostly_quoted(text: str) -> bool:
    total = len(text.split())
    return total > 0 and len(_QUOTED.sub(" ", text).split()) <= (1 - QUOTED_SHARE) * total


def _said_by_pronoun(text: str) -> bool:
    """Whether a paragraph is a quotation and its attribution to a pronoun, nothing else (`"...," she explained.
    "..."`): the speaker is the story's person. Not a paragraph that goes on about someone after its quotation."""
    return bool(_PRONOUN_SPEAKER.search(text)) and len(_QUOTED.sub(" ", text).split()) <= ATTRIBUTION_WORDS


ENUMERATED = 5  # names in a row, separated by commas
_ENUMERATION = lazyre.compile(r"(?:(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2},\s+){%d,}(?:and\s+)?(?-i:[A-Z])"
                              % (ENUMERATED - 1))


_BULLET = lazyre.compile(rf"\s*(?:[{re.escape(BULLETS)}]|\(?\d{{1,2}}[.)])\s")  # "- ", "1. ", "(1) " (a note)


@dataclass(frozen=True)
class Options:
    backend: str = option("auto", '"lexical", "embeddings" (needs `pip install "doclint[embeddings]"`), '
                                  'or "auto": embeddings when installed.')
    threshold: float = option(0.0, "Report a paragraph whose off-topic probability is at least this (0-1); 0, "
                                   "the default, takes the backend's: 0.75 with the embeddings, 0.70 by words "
                                   "alone (`SEMANTIC_THRESHOLD`, `LEXICAL_THRESHOLD`).")
    min_terms: int = option(8, "Paragraphs with fewer content words are not judged.")
    min_paragraphs: int = option(3, "Documents with fewer judgeable paragraphs are not judged (with fewer than "
                                    "four, a paragraph needs a probability halfway between `threshold` and 1; "
                                    "with four, `threshold` and `SHORT_MARGIN`).")
    pairs: bool = option(True, "Also judge runs of two consecutive paragraphs together.")
    max_paragraphs: int = option(300, "Documents with more paragraphs are collections (a book, a dump of many "
                                      "texts), not articles: not judged.")

    def validate(self):
        if self.backend not in ("auto", "lexical", "embeddings"):
            return 'backend must be "auto", "lexical" or "embeddings"'
        if self.backend == "embeddings":
            from doclint import embeddings

            if not embeddings.available():
                return 'backend "embeddings" needs the extra: pip install "doclint[embeddings]"'
        if not 0 <= self.threshold < 1:
            return "threshold must be between 0 and 1"
        if self.max_paragraphs < self.min_paragraphs:
            return "max-paragraphs must be at least min-paragraphs"
        return None


class OffTopicParagraph(Rule):
    """Paragraph that does not belong to the article around it.

    ## What it does
    Scores every paragraph against the rest of its document and reports the
    outliers, with the evidence: how many of its content words occur
    elsewhere, which do not, and the resulting probability.

    The evidence is a naive-Bayes log-likelihood per content word (stop words
    removed, light stemming so `Korea` and `Korean` match): a word the rest of
    the document also uses is evidence of belonging, the more so the rarer it
    is; a word it never uses is mild evidence against. Rarity comes from the
    documents checked together (corpus document frequencies) when there are
    twenty or more (unless the document's typical word occurs in a tenth of
    them: the corpus is then full of copies of its story), otherwise every
    word counts alike. Shared names and the
    two neighbouring paragraphs add evidence. The lexical backend also scales
    the mean by the square root of the number of content words: a mean over
    few words is weak evidence. With the optional `embeddings`
    backend (static WordLlama embeddings shipped in a wheel, no download), the
    cosine between the paragraph and the rest of the document joins in, and
    so does how much closer the paragraphs on either side of it are to each
    other than to it (a spliced paragraph sits between two that were written
    to follow each other), or, for the paragraph that ends the document, how
    much closer the one before it is to its own predecessor than to it. The
    evidence is combined into a probability by fixed logistic weights, and
    a paragraph is reported at `threshold` or above: 0.75 with the
    embeddings, 0.70 by words alone (each backend's probabilities are its
    own; on the dev corpus no finding of the embeddings between 0.70 and
    0.75 was right, and on real web pages those were authors' asides).

    Repeated copies are judged once: the finding is on the first copy and
    names the later ones as related locations (the duplicate rules report and
    delete those). Words damaged by encoding errors (mojibake, entities,
    zero-width spaces) are read as their author wrote them. The rule abstains
    where evidence is thin: below near certainty (0.93), paragraphs that name
    no person or place of their own (another story's paragraph brings its
    names; an author's argument often names nothing new),
    paragraphs of fewer than `min-terms` content words,
    headlines and datelines, documents with fewer than `min-paragraphs`
    judgeable paragraphs (three; with three, a paragraph needs a probability
    halfway between `threshold` and 1, with four 0.05 more than `threshold`)
    or more than `max-paragraphs` (300: a
    book or a dump of many texts is no article), and paragraphs that open in
    lower case (they continue the one before: a scraper split a paragraph),
    except in lower-cased texts, and documents where more than a third of the
    paragraphs look foreign (a digest of unrelated items, not an article), or
    two paragraphs or more open with a dateline of their own (a wire's digest
    of briefs); e-mail (a header block or a digest's notice first) is not
    judged at all, nor is a document in sections, which changes topic at
    each by design: Markdown with headings, or plain text with two or more
    short title-cased lines each over a paragraph (`Cheaper Power for
    Farms`; one such line is as often a teaser or a caption).
    Fragments are scored but never flagged: quotations whose speaker is named
    elsewhere (written as a name in another paragraph; a paragraph with three
    quarters of its words in quotation marks is a quotation, its
    introduction first: `In a post, her husband, Tom Roe, wrote, "..."`), or attributed to a
    pronoun and nothing else (`"...," she explained.`: the speaker is the
    story's person; `"..." it read.`: a post or a letter it named), a
    paragraph wholly in brackets (`(Reporting by Jane Doe; editing by John
    Roe.)`: a note or a credit), the writer's thanks (`Thanks to Jane Roe and
    John Doe for reading drafts of this.`: people who helped with the text,
    named nowhere else), the writer's postscript or note (`P.S. The "whole
    nine yards" refers to ...`, `NB:`: an afterthought, off the topic by
    design), a paragraph that opens by naming the story's event as known (`The news
    ...`, `This decision ...`: it goes on with what the story told), a
    paragraph that opens by introducing its speaker with
    a role another paragraph names (`Jane Roe, a delegate from Iowa, said`),
    or that introduces someone by a post at a body another paragraph names
    (`John Doe, President and CEO of ASI,` in a release about ASI),
    a paragraph that shares two phrases of two content words with the rest
    of the document (`federal protections`, `Trump administration`: it goes
    on with the story's matters; one is any story's, `prime minister`),
    or with no speaker of
    their own after a paragraph that quotes someone (the speaker goes on),
    a paragraph of prose that lists five names or more in a row (`Georgia,
    Indiana, Louisiana, Maryland, ...`: each name is foreign to the rest by
    its word alone; a list standing alone is still judged), a line that is
    mostly a web address (`Full paper https://...`),
    bullet points (two or more, or a list item next to another), a list of
    names next to another (a line-up, its substitutes),
    contact details (an e-mail or web address, a telephone number), and,
    opening or closing the piece, an author's note (`Clark Boyd is technology
    correspondent for The World`) or an editorial note about the piece itself
    (`Correction: ...`, `This article was amended ...`), and a licence's
    notice (`THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY ...`). A
    paragraph that `source-credit` reports (`Republished with permission
    from ... Copyright (c) ...`) is left to it, and so is one inside what
    `credit-sentence` reports (a release's `About RTX` block). In
    Markdown, code blocks and comments are not judged. In an article stored
    on one line (a dataset's record), whose paragraphs are lost, the
    embeddings find the run of one to six sentences (25 words or more) that
    stands apart most: far from the rest of the text, between two sentences
    closer to each other than to it; that run is judged as a paragraph, the
    rest cut into runs of as many sentences, and reported at 0.98 or more
    (`Off-topic run of 3 sentences`). A run of four sentences or more that
    share no content word is a list of items (a show's rundown of the day's
    stories), not judged, nor is a run two of whose sentences tell the reader
    to look (`Go inside ... Get a sense of ... And see ...`: a page's pointer
    to its contents), nor a run that opens on what the sentence before it
    said (`One of the five ...`, `The others ...`, `They ...`: the story's
    sequel); by words alone no such article is judged. Runs
    of two consecutive paragraphs are judged together too (each paragraph
    seen alone then shares words with its partner): a pair needs a higher
    probability, halfway between `threshold` and 1, and each of its paragraphs
    at least half the threshold on its own.

    A paragraph written in a script the rest of the document hardly uses (80%
    of its 20 letters or more, against at most 2% of the rest's) is reported
    as such, also when it has too few space-separated words to be judged by
    them (Chinese, Japanese and Thai write none): `Off-topic paragraph (in
    another script: 100% of its letters are Chinese, Japanese or Korean,
    against 0% in the rest)`. A paragraph in another language written in the
    same script is found by its words, and the message says so when it has
    almost none of the English function words the rest is full of.

    ## Why is this bad?
    Aggregators and scrapers splice paragraphs from neighbouring stories into
    an article. The result misinforms readers and poisons training data.

    ## Example
    An article about a defence pact containing: `This week, over two million
    Muslims will finish their Haj pilgrimage...`

    ## Fix safety
    The fix deletes the paragraph and its separator. It is unsafe: this is a
    judgement, so plain `--fix` never applies it.
    """

    code = "T101"
    screen = DAMAGE_SCREEN  # what readable() repairs (see check)
    name = "off-topic-paragraph"
    category = "off-topic"
    fixable = "unsafe"
    Options = Options
    requires = frozenset({CorpusStatistics})

    def check(self, document, context):
        import numpy as np

        o = self.options
        if document.is_mail or any(b.kind == "heading" for b in document.blocks):
            return  # e-mail: a reply answers several points at once, a digest holds messages on threads of their
            # own; a document in sections (documentation, a README) changes topic at each heading by design
        if _subheadings(document, paras := document.paragraphs) >= SUBHEADINGS:
            return  # plain-text sections (`Hemp for Nutrition` over a paragraph): a new topic at each, as above
        run, group_texts, copies = None, None, {}  # run: in an article stored on one line, the unit it may report
        if any(p.piece for p in paras):
            grouped = self._one_line(document, paras)
            if grouped is None:
                return
            paras, run, group_texts = grouped
        else:
            copies = paragraph_matches(document)  # repeated copies are judged once, as their first copy
        # Markdown's code blocks and comments are no prose to judge, nor context for it
        originals = [i for i in range(len(paras)) if i not in copies and not document.in_code(paras[i].start)]
        if not o.min_paragraphs <= len(originals) <= o.max_paragraphs:
            return
        texts = [document.block_text(paras[i]) if run is None else group_texts[i] for i in originals]
        if _wrapped_lines(texts) or sum(bool(_BRIEF.match(t)) for t in texts) >= BRIEFS:
            return  # hard-wrapped lines, or a digest of briefs: no paragraph's words can say which belongs
        headlines = [document.block_text(b) for b in document.blocks if b.kind == "headline"]
        if document.suspects and damaged(document.text):  # damage splits and disguises words: read them unharmed
            texts, headlines = list(map(readable, texts)), list(map(readable, headlines))
        m = TermMatrix.of(texts, headlines)
        judged = np.flatnonzero((np.count_nonzero(m.uses, axis=1) >= o.min_terms) & ~np.array(_continuations(texts)))
        if len(judged) < o.min_paragraphs or (len(judged) < LEXICAL_MIN_PARAGRAPHS and not self._embeddings()):
            return
        units = _units(judged, o.pairs)
        features = _features(m, units, term_weights(m.term_ids, getattr(context, "corpus", None) or NO_CORPUS))
        semantic = self._semantic(m, units, features)
        scores = _probabilities(features, SEMANTIC if semantic else LEXICAL)
        first, last = units
        is_pair = last != first
        alone = np.zeros(len(texts))  # each paragraph's own score (an off-topic pair needs both to look so)
        alone[first[~is_pair]] = scores[~is_pair]
        threshold = _threshold(o.threshold or (SEMANTIC_THRESHOLD if semantic else LEXICAL_THRESHOLD), len(judged),
                               run is not None)
        pair_threshold = (1 + threshold) / 2  # a pair has more words, so more chance to look foreign
        bar = _bars(np.where(is_pair, pair_threshold, threshold), scores, units, m, (texts, headlines))
        reportable = (np.array(originals)[first] > 0) if run is None else (~is_pair & (np.array(originals)[first] == run))
        candidates = np.flatnonzero((scores >= bar) & reportable
                                    & (~is_pair | (np.minimum(alone[first], alone[last]) >= threshold / 2)))
        if np.count_nonzero(~is_pair & (scores >= threshold)) * 3 > len(judged):
            return  # more than a third of the paragraphs look foreign: a digest of unrelated items, not an article
        flagged = set()
        for u in sorted(candidates.tolist(), key=lambda u: (bool(is_pair[u]), -scores[u])):  # paragraphs first
            members = {int(first[u]), int(last[u])}
            if flagged & members or _abstains(m, texts, members, bool(is_pair[u])):
                continue
            flagged |= members
            bar = pair_threshold if is_pair[u] else threshold
            found = self._diagnostic(document, paras, texts, originals, m, sorted(members), features, u,
                                     float(scores[u]), semantic, bar)
            yield self._with_copies(document, copies, {originals[n] for n in members}, found)
        if run is None and _BEYOND_LATIN.search(document.text):  # a paragraph in a script the document does not
            yield from self._other_scripts(document, texts, originals, copies, flagged)  # otherwise use

    def _one_line(self, document, pieces):
        """An article stored on one line: its paragraphs are lost, and a sentence is too thin to judge. With the
        embeddings, the run of sentences that stands apart most is judged as a paragraph (see _one_line_groups);
        by words alone, nothing. None when the rule abstains."""
        if not self._embeddings() or len(pieces) > self.options.max_paragraphs:
            return None  # (as many sentences as a collection's paragraphs: no article, and no search over them)
        repeated = paragraph_matches(document)  # a sentence said again is judged once, as its first copy
        return _one_line_groups(document, [p for k, p in enumerate(pieces) if k not in repeated])

    def _other_scripts(self, document, texts, originals, copies, flagged):
        paras = document.paragraphs
        for n, note in _other_script(texts, flagged):
            para = paras[originals[n]]
            found = Diagnostic(para.start, para.end, f"Off-topic paragraph ({note})",
                               fix=Fix.unsafe(Edit(removal_start(document, para), para.end),
                                              message="Delete the paragraph"))
            yield self._with_copies(document, copies, {originals[n]}, found)

    def prepare(self) -> None:
        from doclint import embeddings

        if self.options.backend != "lexical" and embeddings.available():
            embeddings.preload()

    def _embeddings(self) -> bool:
        """Whether the rule judges with the embeddings (the backend asked for, or "auto" with the extra)."""
        from doclint import embeddings

        return self.options.backend == "embeddings" or (self.options.backend == "auto" and embeddings.available())

    def _semantic(self, m: TermMatrix, units, features) -> bool:
        if not self._embeddings():
            return False
        from doclint import embeddings

        import numpy as np

        vectors = embeddings.embed_words(m.word_ids, m.lengths).astype(np.float64)
        first, last = units
        # The cosine between a unit (a pair sums both vectors) and the sum of all the others, from the paragraphs'
        # dot products: no vector per unit is built.
        gram = vectors @ vectors.T
        row = gram.sum(axis=1)
        pair = last != first
        own_all = row[first] + np.where(pair, row[last], 0.0)  # own . (all paragraphs)
        own_own = gram[first, first] + np.where(pair, gram[last, last] + 2 * gram[first, last], 0.0)
        rest_rest = row.sum() - 2 * own_all + own_own
        norms = np.sqrt(np.maximum(own_own, 0.0) * np.maximum(rest_rest, 0.0))
        features["cosine"] = (own_all - own_own) / np.where(norms == 0, 1.0, norms)
        features["gap"] = features["cosine"] - _upper_median(features["cosine"][first == last])
        features["bridge"], features["end_bridge"] = _bridges(gram, first, last)
        return True

    def _with_copies(self, document, copies, flagged: set[int], found: Diagnostic) -> Diagnostic:
        """The finding, naming the later copies of its paragraphs (a body pasted twice repeats its intruder).

        The copies are related locations, not findings of their own: the
        duplicate rules report them, and deleting the copies is their fix.
        """
        later = [p for p, match in sorted(copies.items()) if match.earlier in flagged]
        if not later:
            return found
        paras = document.paragraphs
        lines = ", ".join(str(document.position(paras[p].start)[0]) for p in later)
        unit = next(u for u in ("Off-topic paragraph", "Off-topic run of 2 paragraphs") if found.message.startswith(u))
        return dataclasses.replace(
            found, message=found.message.replace(unit, f"{unit} (repeated at line {lines})", 1),
            related=tuple(self.related(document, paras[p].start, paras[p].end, "a copy") for p in later))

    def _diagnostic(self, document, paras, texts, originals, m, members, features, u, score, semantic, bar) -> Diagnostic:  # long: the evidence of one finding, as check computed it
        shown = {}  # each term as first written in the unit
        for n in members:
            for key, token in content_terms(texts[n]):
                shown.setdefault(key, token)
        own = m.uses[members].sum(axis=0)
        keys = m.terms_of(own > 0)
        shared = sorted(m.terms_of((own > 0) & (m.counts > own)))  # also used by another paragraph or a headline
        first, last = paras[originals[members[0]]], paras[originals[members[-1]]]
        unshared = [shown[k] for k in sorted(set(keys) - set(shared), key=lambda k: (not shown[k][:1].isupper(), k))]
        listed = ", ".join(unshared[:6]) + (", \u2026" if len(unshared) > 6 else "")
        what = "Off-topic paragraph" if len(members) == 1 else "Off-topic run of 2 paragraphs"
        if first.piece:  # a run of sentences of an article stored on one line
            sentences = sum(first.start <= p.start < last.end for p in document.paragraphs)
            what = f"Off-topic run of {sentences} sentence{'s' * (sentences > 1)}"
        language = (_BEYOND_LATIN.search(document.text) and _script_note(_script_counts(texts), members)
                    or _language_note(texts, members))
        if language:
            what += f" ({language})"
        n, s = len(keys), len(shared)
        if s == 0:
            evidence_text = f"none of its {n} content words ({listed}) occur elsewhere in the document"
        else:
            evidence_text = (f"{s} of its {n} content words occur elsewhere "
                             f"({', '.join(shown[k] for k in shared[:4])}); not: {listed}")
        extra = f", similarity {features['cosine'][u]:.2f}" if semantic else ""
        message = (f"{what}: {evidence_text} (probability {score:.2f}{extra}; "
                   f"threshold {bar:.2f})")
        fix = Fix.unsafe(Edit(removal_start(document, first), last.end), message="Delete the paragraph")
        return Diagnostic(first.start, last.end, message, fix=fix)


# An article stored on one line (a dataset's record) has lost its paragraphs. The run of sentences that stands apart
# most (farthest from the rest of the text by the embeddings, and between two sentences closer to each other than to
# it) is judged as a paragraph, the rest cut into runs of as many sentences around it. Measured with the dev
# corpus's articles joined into one line (`python -m evals.layout_equivalence`) and 290 real articles stored so
# (CNN and Daily Mail records, the real documents and the blind sets): every finding below 0.98 on dev was false in
# half the cases, and the real articles' runs stood at 0.99 at most.
ONE_LINE_THRESHOLD = 0.98
RUN_MAX_SENTENCES = 6  # the dev corpus's spliced paragraphs hold one to five sentences
RUN_MIN_WORDS = 25  # a run of fewer words is no paragraph's evidence (the shortest spliced paragraph: 28 words)
# How far the run must stand apart: half its bridge (how much closer the sentences on either side are to each
# other than to it) less its cosine to the rest of the text. Below 0, on dev, more finds were false than right.
RUN_MIN_SEPARATION = 0.0


def _one_line_groups(document, pieces):
    """The sentences of an article stored on one line (its pieces, later copies of a sentence left out) as
    paragraphs for the judgement: the run of sentences that stands apart most, and runs of as many sentences before
    and after it; with the run's index and each group's text. None when no run stands apart (see
    RUN_MIN_SEPARATION), the text is too short to hold one, or the run is a list of items, a page's rundown or the
    story's sequel (see _items, _addressed, _sequel)."""
    import numpy as np

    from doclint import embeddings
    from doclint.layout import Block

    texts = [document.block_text(p) for p in pieces]
    m = TermMatrix.of(texts)
    if len(texts) < 4 or int(m.lengths.sum()) < 2 * RUN_MIN_WORDS:
        return None
    found = _one_line_run(embeddings.embed_words(m.word_ids, m.lengths).astype(np.float64), m.lengths)
    if found is None:
        return None
    i, j = found
    if _items(texts[i:j]) or _addressed(texts[i:j]) or _sequel(texts[i]):
        return None
    size = j - i
    spans = ([(a, min(a + size, i)) for a in range(0, i, size)] + [(i, j)]
             + [(a, min(a + size, len(pieces))) for a in range(j, len(pieces), size)])
    groups = [Block(pieces[a].index, pieces[a].start, pieces[b - 1].end, pieces[a].first_line, pieces[b - 1].last_line,
                    pieces[a].kind, piece=True) for a, b in spans]
    return groups, next(k for k, (a, _) in enumerate(spans) if a == i), [" ".join(texts[a:b]) for a, b in spans]


RUN_LIST_SENTENCES = 4  # a run of this many sentences or more, no content word of which comes back in another of
# them, is a list of items (a show's rundown of the day's stories), not a paragraph: none of the dev corpus's
# spliced paragraphs of five sentences is one, two of its four-sentence ones are (and are then missed)


def _items(sentences: list[str]) -> bool:
    """Whether a run of sentences reads as a list of items: RUN_LIST_SENTENCES or more, sharing no content word."""
    if len(sentences) < RUN_LIST_SENTENCES:
        return False
    seen: set[str] = set()
    for sentence in sentences:
        own = {key for key, _ in content_terms(sentence)}
        if own & seen:
            return False
        seen |= own
    return True


# A run two of whose sentences open by telling the reader to go and look (`Go inside a Middle Eastern country ...
# Get a sense of what ... And see what's key to ...`: CNN Student News's rundown of a show) is the page's own
# pointer to its contents, not another story's paragraph. Examples of the verbs: "Go", "Get", "See", "Meet".
_READER_VERBS = frozenset("go get see find learn meet watch hear explore discover take check examine join look read "
                          "visit follow".split())
_LINKERS = frozenset("and then plus also".split())


def _addressed(sentences: list[str]) -> bool:
    """Whether two sentences of a run or more open with a verb telling the reader to look (see _READER_VERBS),
    perhaps after `And`: the run holds a page's rundown (with the page's lines around it, once --fix took those
    that are furniture)."""
    def opens(sentence: str) -> bool:
        first = [w.lower() for w in WORD.findall(sentence)[:2]]
        if first and first[0] in _LINKERS:
            first = first[1:]
        return bool(first) and first[0] in _READER_VERBS
    return sum(map(opens, sentences)) >= 2


def _one_line_run(unit_vectors, lengths):
    """(first, end) of the run of sentences that stands apart most, never the first sentence (the story's
    opening): of one to RUN_MAX_SENTENCES sentences and RUN_MIN_WORDS words or more, the one with the largest
    separation, if that is at least RUN_MIN_SEPARATION. Every run at once, from running sums of the vectors."""
    import numpy as np

    vectors = unit_vectors * np.sqrt(lengths)[:, None]  # a sentence weighs by its length
    n = len(vectors)
    sums = np.concatenate((np.zeros((1, vectors.shape[1])), np.cumsum(vectors, axis=0)))
    words = np.concatenate(([0], np.cumsum(lengths)))
    first = np.repeat(np.arange(1, n), RUN_MAX_SENTENCES)
    end = first + np.tile(np.arange(1, RUN_MAX_SENTENCES + 1), n - 1)
    keep = (end <= n) & (words[np.minimum(end, n)] - words[first] >= RUN_MIN_WORDS)
    first, end = first[keep], end[keep]
    if not len(first):
        return None
    runs = sums[end] - sums[first]
    rest = sums[n] - runs

    def cosine(a, b):
        denominator = np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1)
        return np.divide(np.einsum("ij,ij->i", a, b), denominator, out=np.zeros(len(a)), where=denominator > 0)

    before, after = vectors[first - 1], vectors[np.minimum(end, n - 1)]
    bridge = np.where(end < n, cosine(before, after) - np.maximum(cosine(before, runs), cosine(runs, after)), 0.0)
    separation = bridge / 2 - cosine(runs, rest)
    best = int(np.argmax(separation))  # the first of equals: the earliest, shortest run
    if separation[best] < RUN_MIN_SEPARATION:
        return None
    return int(first[best]), int(end[best])


def _threshold(chosen: float, judged: int, one_line: bool) -> float:
    """A paragraph's bar: `chosen` for an article of more than SHORT judged paragraphs; a short document's rest is
    two paragraphs and a headline, thinner evidence, so a higher bar; a run of sentences of an article stored on one
    line needs ONE_LINE_THRESHOLD."""
    threshold = (chosen if judged > SHORT else min(1.0, chosen + SHORT_MARGIN) if judged == SHORT
                 else (1 + chosen) / 2)
    return max(threshold, ONE_LINE_THRESHOLD) if one_line else threshold


def _language_note(texts, members) -> str:
    """"apparently in another language: ..." when the unit has almost none of the English function words the
    rest of the document is full of (a spliced paragraph in another language, or another script). Lists of
    names (a team line-up) have no function words either, so most of the unit's words must be lower case, or
    of a script without case (Arabic's), not numbers."""
    raw = [w for n in members for w in WORD.findall(texts[n])]
    if len(raw) < 12 or sum(w[0].isalpha() and not w[0].isupper() for w in raw) < len(raw) / 2:
        return ""
    share_in = sum(w.lower() in STOP_WORDS for w in raw) / len(raw)
    if share_in > 0.08:
        return ""  # an English paragraph: the rest of the document need not be read
    rest = [w for n, text in enumerate(texts) if n not in members for w in WORD.findall(text.lower())]
    share_rest = sum(w in STOP_WORDS for w in rest) / len(rest) if len(rest) >= 50 else 0.0
    if share_rest < 0.25:
        return ""
    return (f"apparently in another language: {share_in:.0%} of its words are English function words, "
            f"against {share_rest:.0%} in the rest")


# The letters of the scripts other than Latin that a paragraph may be written in. Chinese, Japanese and Korean
# count as one: a Japanese paragraph mixes kanji and kana.
# A screen for them: a character beyond Latin, its combining marks, punctuation and letterlike symbols. Cheap to
# compile (0.5 ms; the scripts' own classes take 10 ms, so they are compiled when a text needs them).
_BEYOND_LATIN = lazyre.compile("[^\x00-\u036f\u2000-\u214f]")


@lru_cache(maxsize=1)
def _script_res() -> dict:
    res = {name: lazyre.compiled_now(f"[{letters}]+") for name, letters in SCRIPTS.items()}
    res["Latin"] = lazyre.compiled_now("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
    return res


def _other_script(texts: list[str], skip: set) -> list[tuple[int, str]]:
    """Paragraphs written in a script the rest of the document hardly uses (a Chinese paragraph in an English
    article), with the note on the evidence (see _script_note). Such a paragraph often has too few
    space-separated words to be judged by its words (Chinese and Japanese write none). Quotations and fragments
    are left alone, and so is a document where a third of the paragraphs or more would be reported (a
    bilingual text)."""
    counts = _script_counts(texts)
    found = []
    for n in range(len(texts)):
        if n in skip or texts[n].lstrip()[:1] in _QUOTES:
            continue
        note = _script_note(counts, [n])
        if note and not _fragment(texts, n):
            found.append((n, note))
    return found if len(found) * 3 < len(texts) else []


def _script_counts(texts: list[str]) -> list[dict[str, int]]:
    """Each text's letters per script (counted by runs: a megabyte of Chinese is not a million strings)."""
    return [{name: sum(map(len, rx.findall(text))) for name, rx in _script_res().items()} for text in texts]


def _script_note(counts: list[dict[str, int]], members) -> str:
    """"in another script: ..." when the unit's letters are mostly of a script other than Latin that the rest of
    the document hardly uses: 20 letters or more, 80% of them in that script, against at most 2% of the rest's
    200 letters or more."""
    own = {name: sum(counts[n][name] for n in members) for name in counts[0]}
    rest = {name: sum(c[name] for c in counts) - own[name] for name in counts[0]}
    letters, rest_letters = sum(own.values()), sum(rest.values())
    script = max(own, key=own.get)
    if (script == "Latin" or letters < 20 or own[script] < 0.8 * letters or rest_letters < 200
            or rest[script] > 0.02 * rest_letters):
        return ""
    return (f"in another script: {own[script] / letters:.0%} of its letters are {script}, against "
            f"{rest[script] / rest_letters:.0%} in the rest")


SUBHEADINGS = 2  # title-cased lines over paragraphs that make a plain-text document one in sections (one such
# line is as often a teaser or a caption); a web page's op-ed in sections was the blind sets' false alarm
SUBHEADING_WORDS = 8
_TITLE_WORD = lazyre.compile(r"[^\W\d_]{4,}")


def _subheadings(document, paras) -> int:
    """How many paragraphs are a section's title: one short line in title case, without the punctuation that
    ends a sentence, a clause or a credit, followed by a paragraph of prose (`Hemp Improves Farming`)."""
    count = 0
    for para, after in zip(paras, paras[1:]):
        text = document.block_text(para).strip()
        words = text.split()
        long_words = _TITLE_WORD.findall(text)
        if (para.first_line == para.last_line and 1 <= len(words) <= SUBHEADING_WORDS and text[:1].isupper()
                and text[-1:] not in ".!?:;,)\"”’'" and long_words
                and sum(w[0].isupper() for w in long_words) * 2 > len(long_words)
                and ends_sentence(document.block_text(after).rstrip())):
            count += 1
    return count


def _abstains(m: TermMatrix, texts: list[str], members: set[int], pair: bool) -> bool:
    """Whether the rule abstains on a unit about to be flagged: a quotation whose speaker is named elsewhere in the
    document (or, `she explained`, before it) belongs to it; names listed in a sentence of prose, or links, are no
    evidence of another story's topic (a list standing alone, a line-up spliced in, is judged); a fragment of
    something around it cannot be judged by its words (see _fragment)."""
    n = min(members)
    quotation = not pair and (texts[n].lstrip()[:1] in _QUOTES or _mostly_quoted(texts[n]))
    if quotation and (_speaker_elsewhere(m, n, texts) or _said_by_pronoun(texts[n])):
        return True
    if not pair and _role_elsewhere(m, n, texts):
        return True
    if not pair and _BRACKETED.fullmatch(texts[n].strip()):
        return True  # "(Reporting by Jane Doe; editing by John Roe.)": a note or a credit in brackets, no story's text
    if not pair and _POSTSCRIPT.match(texts[n]):
        return True  # "P.S. The 'whole nine yards' refers to ...": the writer's own afterthought, off the topic by design
    if not pair and _THANKS.match(texts[n]):
        return True  # "Thanks to Jane Roe and John Doe for reading drafts of this.": the writer thanks the people
        # who helped with the text; their names are the document's own, however foreign to the rest
    if not pair and _STORY_EVENT.match(texts[n]):
        return True  # "The news generated a bump in Time Warner stock ...": it goes on with what the story told
    if not pair and len(_phrases(texts[n]) & set().union(*(_phrases(t) for k, t in enumerate(texts) if k != n))) >= \
            SHARED_PHRASES:
        return True  # "the Trump administration ended federal protections" ... "a judge found the Trump
        # administration improperly limited federal protections": the paragraph goes on with the story's matters
    if any((_ENUMERATION.search(texts[k]) and not _list_items(texts[k])) or mostly_addresses(texts[k]) for k in members):
        return True
    if sum(len(texts[k].split()) for k in members) > BODY_SHARE * sum(len(t.split()) for t in texts):
        return True  # the body of the document itself, among a page's title, a bio and a citation: nothing was
        # spliced into it
    if not pair and _first_person(texts[n]) and sum(_first_person(t) for k, t in enumerate(texts) if k != n) >= \
            FIRST_PERSON_PARAGRAPHS:
        return True  # the writer's own account goes on ("On my first night, I walked towards the beach ..."): a
        # memoir's or an op-ed's episode, in the voice of the paragraphs around it
    return any(_fragment(texts, k) for k in members)


_BRACKETED = lazyre.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # a paragraph wholly in one pair of brackets
_POSTSCRIPT = lazyre.compile(r"\s*(?:P\.\s?S\.|P\.P\.S\.|PS:|N\.\s?B\.|NB:)\s")  # a postscript, a note (not "PPS officials")
# An essay's or a post's acknowledgement: "Thanks to Jane Roe, John Doe and Ann Poe for reading drafts of this.",
# "Many thanks to ... for their comments.", "I would like to thank ...": the thanks open the paragraph and say what
# for (help with the text; not "Thanks to a technical glitch, she ended up with a bill for ...", the story's).
_THANKS = lazyre.compile(r"\s*(?:(?:many|special|and)\s+)?(?:thanks|thank\s+you)\s+(?:also\s+|again\s+)?to\s+"
                         r"[^.!?\n]{2,300}?\bfor\s+(?:(?:reading|reviewing|commenting)\b|(?:(?:their|his|her|the)\s+)?"
                         r"(?:help|comments|feedback|suggestions|advice|input|support|discussions?|review|edits)\b)"
                         r"|\s*(?:I|we)\s+(?:would|'d|’d)\s+like\s+to\s+thank\b",
                         re.IGNORECASE)


# A paragraph that tells in the first person (its own words, outside quotation marks: FIRST_PERSON_WORDS of "I",
# "my", "we", "our" ...) in a document where FIRST_PERSON_PARAGRAPHS others do is the writer's account going on.
# Another story's paragraph is a reporter's, in the third person; a first person there is inside a quotation.
FIRST_PERSON_WORDS = 2
FIRST_PERSON_PARAGRAPHS = 2
_FIRST_PERSON = lazyre.compile(r"\b(?:I|me|my|mine|myself|we|us|our|ours|ourselves)\b(?!['’]s)")


def _first_person(text: str) -> bool:
    """Whether a paragraph tells in the first person outside its quotations (see FIRST_PERSON_WORDS)."""
    return len(_FIRST_PERSON.findall(_QUOTED.sub(" ", text).replace("I'", "I ").replace("I’", "I "))) >= \
        FIRST_PERSON_WORDS


# A unit holding more than this share of the document's words is its body, not something spliced into it (a
# journal's review page: the review's one long paragraph under a title, the reviewer's bio and the citation).
BODY_SHARE = 0.5


# A paragraph that opens by naming the story's event as known to the reader ("The news ...", "The move ...", "This
# decision ..."): what the story told, gone on with (a stock price's move after the news). Other stories' paragraphs
# in the dev corpus open so 0 times in 94 ("The firm ...", "The report ..." do, and are not read so).
_STORY_EVENT = lazyre.compile(r"\s*(?:The|This|That)\s+(?:news|move|announcement|decision|revelation|development)\b")
SHARED_PHRASES = 2  # a paragraph that shares two phrases of two content words with the rest of its document (not
# one: `last year`, `prime minister` and `chief executive` are any story's) is about the same matters


def _phrases(text: str) -> set[tuple[str, str]]:
    """The text's pairs of adjacent words that are no stop words, in lower case (`federal protections`)."""
    tokens = [w.lower() for w in WORD.findall(text)]
    return {(a, b) for a, b in zip(tokens, tokens[1:])
            if a not in STOP_WORDS and b not in STOP_WORDS and a.isalpha() and b.isalpha() and len(a) > 2 < len(b)}


def _fragment(texts: list[str], n: int) -> bool:
    """Whether paragraph n is a fragment of something around it, which its words cannot judge (asked only of a
    paragraph about to be flagged): a quotation with no speaker of its own after a paragraph that quotes
    someone (the same speaker goes on), bullet points (two or more, or one next to another list; an indented
    paragraph after one is its body), a list of names next to another (a team's line-up, then its
    substitutes), contact details (a list with an e-mail address, a web address or a telephone number: `Media
    contact: ...`), or, opening or closing the piece, an author's note (one short sentence: `Clark Boyd is
    technology correspondent for The World`) or an editorial note about the piece itself (`Correction: ...`,
    `This article was amended ...`), or a licence's notice (two or more of its set phrases: `THE SOFTWARE IS
    PROVIDED "AS IS"`, `WITHOUT WARRANTY`). A one-line list alone among prose is otherwise judged: a line-up or a
    note spliced in from another story is an intruder."""
    if n > 0 and _speakerless_quote(texts[n]) and any(mark in texts[n - 1] for mark in QUOTE_MARKS):
        return True
    if n in (0, len(texts) - 1) and (_author_note(texts[n]) or _editorial_note(texts[n])):
        return True
    if legal_phrases(texts[n]) >= 2:
        return True
    items = _list_items(texts[n])
    if n > 0 and not items and _list_items(texts[n - 1]) and _indented(texts[n]):
        return True  # the body of the list item before it (`* CVE-2023-25652:` / `   By feeding ...`)
    return items >= 2 or (items == 1 and (bool(_CONTACT.search(texts[n])) or any(
        0 <= k < len(texts) and _list_items(texts[k]) for k in (n - 1, n + 1))))


def _indented(text: str) -> bool:
    return all(line[:1].isspace() for line in text.splitlines() if line.strip())


def _author_note(text: str) -> bool:
    """One short sentence that says who wrote the piece: a name (or `The writer`), then `is`, `was`, `writes` or
    `reports`, then a journalist's or scholar's role or where they work."""
    text = text.strip()
    return len(text.split()) <= 40 and not SENTENCE_BREAK.search(text) and bool(_AUTHOR_NOTE.match(text))


def _editorial_note(text: str) -> bool:
    """A short paragraph about the piece itself (a correction, an editor's note, a disclaimer, comments closed)."""
    return len(text.split()) <= 60 and bool(_EDITORIAL.search(text))


def _speaker_elsewhere(m: TermMatrix, n: int, texts: list[str]) -> bool:
    """Whether paragraph n, a quotation, quotes someone the rest of the document names: a speaker it names
    (`said Avery Shenfeld`, `Mr Hadi says`, `Mike Lake, a spokesman for Yukos, said`) occurs in another
    paragraph, written as a name there; with no named speaker (`he said`), any name it shares so will do."""
    import numpy as np

    others = np.delete(m.names, n, axis=0).any(axis=0)  # written as a name in another paragraph
    named = set(m.terms_of(m.uses[n] & others))
    speakers = {_key(w) for name in _SPEAKER.findall(texts[n]) for w in WORD.findall("".join(name))} - {None}
    return bool((speakers or set(m.terms_of(m.names[n]))) & named)


def _role_elsewhere(m: TermMatrix, n: int, texts: list[str]) -> bool:
    """Whether paragraph n opens by introducing its speaker with a role or body that another paragraph names
    (`Don Gingerich, a delegate from Iowa, said` in a story whose delegates voted), or introduces someone anywhere
    by a post at a body another paragraph names (`..., President and CEO of ASI,`): the story's own source."""
    import numpy as np

    introduced = _INTRODUCED.match(texts[n].lstrip())
    bodies = [m_.group(2) for m_ in _POST_AT_BODY.finditer(texts[n])]
    if not introduced and not bodies:
        return False
    others = np.delete(m.uses, n, axis=0).any(axis=0)
    shared = set(m.terms_of(m.uses[n] & others))
    if introduced and {_key(w) for w in WORD.findall(introduced.group(2))} & shared:
        return True
    return any({_key(w) for w in WORD.findall(body) if w[:1].isupper()} & shared for body in bodies)


def _speakerless_quote(text: str) -> bool:
    """A paragraph that is one quotation and nothing else: it opens with a quotation mark, and no mark closes
    the quotation before the paragraph ends (so no `, he said` follows one). News writing gives a speaker's
    next paragraphs this shape."""
    text = text.strip()
    close = _CLOSING.get(text[:1])
    if close is None:
        return False
    inner = text[1:-1] if text.endswith(close) else text[1:]
    return close not in inner and text[0] not in inner


def _list_items(text: str) -> int:
    """How many items the paragraph lists, as bullet points or as a list of names (mostly capitalised words
    and almost no function words: a paragraph in another language also lacks English function words, but its
    words are mostly lower case); 0 if it is not a list. An item may wrap onto indented lines (`* "git add -p"
    did not handle ...` / `  (a regression ...)`)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and _BULLET.match(lines[0]) and all(_BULLET.match(line) or line[:1].isspace() for line in lines[1:]):
        return sum(1 for line in lines if _BULLET.match(line))
    words = WORD.findall(text)
    return int(len(words) >= 6 and sum(w[0].isupper() or w[0].isdigit() for w in words) > len(words) / 2
               and sum(w in STOP_WORDS for w in words) <= len(words) * 0.08)  # "A Masi" is a name


def _wrapped_lines(texts: list[str]) -> bool:
    """Whether the "paragraphs" are hard-wrapped lines (a text with no blank line between its paragraphs): most
    are short and stop mid-sentence. Their words cannot say which paragraph belongs."""
    short = sum(len(t) <= 100 for t in texts)
    ending = sum(bool(ENDS_SENTENCE.search(t)) for t in texts)
    return short * 5 >= 4 * len(texts) and ending * 2 < len(texts)


def _continuations(texts: list[str]) -> list[bool]:
    """Which paragraphs open in lower case, and so continue the one before them (a scraper split a paragraph
    in two): context for the others, never judged alone. Not in a lower-cased text, where every one does."""
    opens_lower = []
    for text in texts:
        first = WORD.search(text)
        word = first.group() if first else ""
        opens_lower.append(not word or (word[0].isalpha() and word.islower()))  # "which"; not "iPhone", "50m"
    return opens_lower if sum(opens_lower) * 2 < len(texts) else [False] * len(texts)


CAUTIOUS = 0.93  # the probability a paragraph with thin evidence needs (see _cautious)
CAUTIOUS_TERMS = 15  # content words: a shorter paragraph says too little of its topic (13 of 88 dev intruders, all
# but one at 0.93 or more; real false alarms at 8-14 content words, 0.83-0.92)
_REFERS_BACK = lazyre.compile(r"\s*(?:they|he|she|it|we|his|her|their|its|them|those|these|one\s+of\s+(?:the|them)"
                              r"|the\s+others?)\b", re.IGNORECASE)


OWN_NAMES = 1  # names of its own (capitalised words inside its sentences that no other paragraph or headline uses)
# that a paragraph judged below CAUTIOUS needs: another story's paragraph brings its people and places; an author's
# argument or closing reflection often names nothing new (two false alarms at 0.78 and 0.86 on op-eds scraped from
# the web, docs/off-topic.md). Dev figures unchanged; two, not one, cost the project's own articles 0.08 of recall.


def _bars(bar, scores, units, m: TermMatrix, texts_and_headlines):
    """Each unit's bar, raised to near certainty where the evidence is thin: a person would not agree on less (see
    _cautious and OWN_NAMES). An author's opening paragraph (a self-introduction) is never judged at all."""
    import numpy as np

    texts, headlines = texts_and_headlines
    first, last = units
    cautious = np.array([_cautious(text, int(np.count_nonzero(m.uses[n]))) for n, text in enumerate(texts)])
    bar = np.where(cautious[first], np.maximum(bar, CAUTIOUS), bar)
    maybe = np.flatnonzero((scores >= bar) & (bar < CAUTIOUS))  # names are counted only where they decide
    if len(maybe):
        few = _own_names(texts, headlines, first[maybe], last[maybe]) < OWN_NAMES
        bar[maybe[few]] = CAUTIOUS
    return bar


def _own_names(texts: list[str], headlines: list[str], first, last):
    """How many names each unit writes that no other paragraph or headline uses: capitalised words that do not
    open a sentence (`Low-income families ...` opens one), compared in lower case."""
    import numpy as np

    words_of = [set(w.lower() for w in WORD.findall(t)) for t in texts]
    heads = set(w.lower() for h in headlines for w in WORD.findall(h))
    seen = Counter(w for ws in words_of for w in ws)  # in how many paragraphs each word stands

    def names(n: int) -> set[str]:
        return {w.lower() for sentence in SENTENCE_BREAK.split(texts[n]) for w in WORD.findall(sentence)[1:]
                if w[0].isupper() and not w.isupper() and w.lower() not in STOP_WORDS}

    counts = []
    for a, b in zip(first.tolist(), last.tolist()):
        members = {a, b}
        own = names(a) | names(b)
        counts.append(sum(1 for w in own if w not in heads
                          and seen[w] == sum(w in words_of[k] for k in members)))
    return np.array(counts)


def _sequel(text: str) -> bool:
    """Whether a run of sentences of an article stored on one line opens on what the sentence before it said ("One
    of the five had a heart-related issue ..." after "Five Americans ... have been released"): it goes on with the
    story, whatever its own words (a run's bar, ONE_LINE_THRESHOLD, is near certainty already)."""
    return bool(_REFERS_BACK.match(text))


def _cautious(text: str, terms: int) -> bool:
    """Whether a paragraph's words are thin evidence of its topic: it is short, or it opens with a pronoun that
    refers back to the paragraph before it (its words need not repeat the story's)."""
    return terms < CAUTIOUS_TERMS or bool(_REFERS_BACK.match(text))


def _units(judged, pairs: bool):
    """(first, last) paragraph of every unit judged: each judgeable paragraph, then each run of two."""
    import numpy as np

    if not pairs:
        return judged, judged
    runs = judged[:-1][np.diff(judged) == 1]  # judged is sorted: n and n + 1 both judged
    return np.concatenate((judged, runs)), np.concatenate((judged, runs + 1))


def _features(m: TermMatrix, units, weights) -> dict:
    """The lexical evidence of every unit at once, as arrays (see README: how the rule decides)."""
    import numpy as np

    first, last = units
    absent, gain = weights
    uses = m.uses.astype(np.int8)
    own = uses[first] + np.where((last != first)[:, None], uses[last], 0)  # how often the unit itself uses a term
    keys = own > 0
    shared = keys & (m.counts > own)  # also used by another paragraph or a headline
    padded = np.zeros((len(uses) + 2, uses.shape[1]), dtype=bool)  # a row of nothing before and after
    padded[1:-1] = m.uses
    neighbours = padded[first] | padded[last + 2]  # the paragraphs before and after the unit
    size = keys.sum(axis=1)
    base = keys @ absent
    rest = (base + shared @ gain) / size
    names = ((m.names[first] | m.names[last]) & shared).sum(axis=1)
    near = np.where(neighbours.any(axis=1), (base + (keys & neighbours) @ gain) / size, 0.0)
    return {
        "rest": rest,
        "neighbours": near,
        "rest_z": rest * np.sqrt(size),
        "neighbours_z": near * np.sqrt(size),
        "names": np.minimum(names, 3),
        "size": np.log(size),
        "rest_gap": rest - _upper_median(rest[first == last]),  # how far below the typical paragraph
    }


def _bridges(gram, first, last):
    """How much closer the paragraphs on either side of a unit are to each other than to the unit (cosines from
    the paragraphs' dot products): a spliced paragraph sits between two that were written to follow each other.
    0 for a unit at either end of the document. Then the same for a unit that ends the document, from one side:
    how much closer the paragraph before it is to its own predecessor than to the unit (a paragraph appended to an
    article follows one that was written to follow the paragraph before it); 0 elsewhere."""
    import numpy as np

    n = len(gram)
    norms = np.sqrt(np.maximum(np.diag(gram), 1e-12))
    before, after = np.maximum(first - 1, 0), np.minimum(last + 1, n - 1)

    def cosine(a, b):
        return gram[a, b] / (norms[a] * norms[b])

    inner = (first > 0) & (last < n - 1)
    bridge = np.where(inner, cosine(before, after) - np.maximum(cosine(before, first), cosine(last, after)), 0.0)
    ending = (last == n - 1) & (first >= 2)
    end_bridge = np.where(ending, cosine(np.maximum(first - 2, 0), before) - cosine(before, first), 0.0)
    return bridge, end_bridge


def _upper_median(values) -> float:
    return float(sorted(values)[len(values) // 2]) if len(values) else 0.0


def _probabilities(features: dict, weights: dict):
    import numpy as np

    names = [k for k in features if k in weights]
    z = weights["bias"] + np.array([weights[k] for k in names]) @ np.array([features[k] for k in names])
    return 1 / (1 + np.exp(-np.clip(z, -30.0, 30.0)))
