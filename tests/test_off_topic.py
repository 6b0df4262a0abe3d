"""The off-topic rule on the seed and on texts written for doclint (tests/data/articles.toml)."""
from __future__ import annotations

import textwrap
from collections import Counter

import pytest

from conftest import ROOT, SEED, lint

import numpy as np  # noqa: E402

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

OWN_CASES = tomllib.loads((ROOT / "tests" / "fixtures" / "rules" / "off-topic-paragraph.toml").read_text("utf-8"))["case"]

from doclint import embeddings, lexicon  # noqa: E402


def test_seed_haj_paragraph_is_the_only_one_flagged():
    found = lint(SEED.read_bytes(), ["T101"], {"off-topic-paragraph": {"backend": "embeddings"}})
    assert [d.line for d in found] == [20]
    assert "Haj" in found[0].message and "Mecca" in found[0].message


def test_seed_lexical_backend_flags_only_the_haj_paragraph():
    # The short NATO paragraph (10 content words, one shared) once looked off-topic to the lexical backend: a mean
    # over few words is weak evidence, which the square-root scaling of the evidence now says.
    found = lint(SEED.read_bytes(), ["T101"], {"off-topic-paragraph": {"backend": "lexical"}})
    assert [d.line for d in found] == [20]


def _spliced_articles():
    """(text, the intruder's line or None) for each article alone, and with the second paragraph of every other
    article inserted in its middle and at its end."""
    articles = tomllib.loads((ROOT / "tests" / "data" / "articles.toml").read_text("utf-8"))["article"]
    for host in articles:
        paragraphs = list(host["paragraphs"])
        yield host["headline"] + "\n\n" + "\n\n".join(paragraphs) + "\n", None
        for other in (a for a in articles if a is not host):
            for at in ((len(paragraphs) + 1) // 2, len(paragraphs)):
                body = paragraphs[:at] + [other["paragraphs"][1]] + paragraphs[at:]
                yield host["headline"] + "\n\n" + "\n\n".join(body) + "\n", 3 + 2 * at


# The embeddings' bar is 0.75 (docs/off-topic.md): 70 of these 112 intruders at precision 1.00, where 0.70 found 73.
@pytest.mark.parametrize("backend,recall,precision,clean", [("lexical", 0.7, 0.85, 2), ("embeddings", 0.6, 0.95, 1)])
def test_own_articles(backend, recall, precision, clean):
    from doclint.document import Document
    from doclint.rule import Context
    from doclint.rules.off_topic_paragraph import OffTopicParagraph, Options

    rule, counts = OffTopicParagraph(Options(backend=backend)), Counter()
    for n, (text, line) in enumerate(_spliced_articles()):
        document = Document.from_bytes(f"{n}.txt", text.encode())
        lines = [document.position(d.start)[0] for d in rule.check(document, Context())]
        if line is None:
            counts["clean flagged"] += bool(lines)
        else:
            counts.update(intruders=1, found=line in lines, flagged=len(lines), right=lines.count(line))
    assert counts["found"] / counts["intruders"] >= recall
    assert counts["right"] / counts["flagged"] >= precision
    assert counts["clean flagged"] <= clean


def test_embeddings_extra_is_installed_for_the_test_suite():
    # The test extra installs it, so that the semantic backend is exercised, not skipped.
    assert embeddings.available()


def test_auto_backend_uses_embeddings_when_installed():
    text = SEED.read_text(encoding="utf-8")
    (d,) = lint(text, ["T101"])
    assert "similarity" in d.message


def test_seed_haj_paragraph_is_flagged_once_naming_its_copy():
    # The seed's body is pasted twice: its first Haj paragraph is the finding, the copy (which the duplicate rule
    # deletes) a related location named in the message, for either backend.
    text = SEED.read_text(encoding="utf-8")
    lines = [n for n, line in enumerate(text.split("\n"), 1) if "Haj pilgrimage" in line]
    for options in (None, {"off-topic-paragraph": {"backend": "lexical"}}):
        (d,) = lint(text, ["T101"], options)
        assert f"(repeated at line {lines[1]})" in d.message
        assert [r.line for r in d.related] == [lines[1]]


def test_embedding_word_cache_starts_afresh_when_full(monkeypatch):
    # A long run meets ever new words: when the cache is full it restarts, and the words of the current call
    # that were cached before the restart must still be found (they once raised KeyError).
    texts = [f"common words and unique{n}a unique{n}b unique{n}c" for n in range(40)]
    expected = [embeddings.embed([t])[0] for t in texts]
    monkeypatch.setattr(lexicon, "MAX_WORDS", 10)
    lexicon._restart()
    embeddings.embed(["common words and"])
    got = [embeddings.embed([t])[0] for t in texts]
    assert len(lexicon.words) <= 10
    assert all(abs(a - b).max() < 1e-6 for a, b in zip(expected, got))


def test_embedding_is_the_mean_of_the_text_tokens_vectors():
    # Words are tokenised and summed one by one (a token position at a time): the result must equal the mean of
    # the token vectors of the whole text tokenised at once, as WordLlama computes it.
    import numpy as np

    tokenizer, matrix = embeddings.model()
    texts = ["Pilgrims perished in the intense heat near the Kaaba in Mecca.",
             "(Source:www.tbsnews.com) 2024 caf\u00e9 Korea-Russia pact, signed \u201cyesterday\u201d",
             "a", "supercalifragilisticexpialidocious antidisestablishmentarianism"]
    for text, got in zip(texts, embeddings.embed(texts)):
        ids = tokenizer.encode(text, add_special_tokens=False).ids
        mean = matrix[ids].astype(np.float64).mean(axis=0)
        assert float(got @ (mean / np.linalg.norm(mean))) > 0.9999, text


def test_words_tokenised_by_the_model_alone_get_the_pipelines_ids():
    # The BPE model is called per word, bypassing the tokenizer's pipeline: the ids must be the pipeline's, also
    # for a word holding a special token's text (which the pipeline matches before the model) and odd characters.
    tokenizer, _ = embeddings.model()
    words = ["the", "Kaaba", "Korea-Russia", "caf\u00e9", "\u201cyesterday\u201d", "(Source:www.tbsnews.com)",
             "\u041f\u0440\u0438\u0432\u0435\u0442", "\u5317\u671d\u9bae", "\U0001F600", "\x00", "\ufffd",
             "<s>", "a<s>b", "</s>x", "<unk>", "antidisestablishmentarianism", "2024", "a_b", "\u2581"]
    assert embeddings._direct(tokenizer) is not None  # the package's tokenizer takes the fast path
    assert embeddings._token_ids(words, tokenizer) == [e.ids for e in tokenizer.encode_batch(words,
                                                                                              add_special_tokens=False)]


def test_a_very_long_word_is_tokenised_in_pieces_and_embedded_as_a_whole_would_be():
    # A paragraph with no space (Chinese, a base64 blob) is one word: it is tokenised a piece at a time (the
    # model's Token objects for a megabyte took 100 MB) and summed apart from short words; its embedding must
    # stay what the whole text's tokens give.
    import numpy as np

    tokenizer, matrix = embeddings.model()
    tokenize, _ = embeddings._direct(tokenizer)
    word = "\u4e2d\u56fd\u7edf\u8ba1\u5c40\u5468\u4e00\u516c\u5e03\u7684\u6570\u636e\u663e\u793a\uff0c" * 400
    whole = [t.id for t in tokenize("\u2581" + word)]
    pieces = embeddings._long_word_ids(word, tokenizer.model.tokenize)
    assert tokenizer.decode(pieces.tolist()) == word  # the pieces' tokens spell the word, nothing added at a cut
    assert abs(len(pieces) - len(whole)) <= len(word) // embeddings.LONG_TEXT + 1
    (got,) = embeddings.embed([word])
    mean = matrix[whole].astype(np.float64).mean(axis=0)
    assert float(got @ (mean / np.linalg.norm(mean))) > 0.999


def test_embedding_sums_gathered_in_blocks_equal_one_gather():
    # A huge text is summed a block of words at a time; block edges inside and between texts change nothing.
    import numpy as np

    texts = ["alpha beta gamma delta", "", "epsilon zeta " * 7, "eta", "theta iota kappa"]
    split = [t.split() for t in texts]
    word_ids = lexicon.ids([w for words in split for w in words])
    lengths = np.array([len(words) for words in split])
    embeddings.embed_words(word_ids, lengths)  # fills the rows
    whole = embeddings._sums(word_ids, lengths)
    for block in (1, 3, 4, 5, 16):
        assert np.allclose(embeddings._sums(word_ids, lengths, block=block), whole, atol=1e-5), block


def test_embeddings_of_empty_and_blank_texts_are_zero():
    vectors = embeddings.embed(["", "  \n", "a real paragraph about football"])
    assert not vectors[0].any() and not vectors[1].any()
    assert abs(float((vectors[2] ** 2).sum()) - 1) < 1e-5


def test_continuations_are_paragraphs_opening_with_a_lower_case_word():
    from doclint.rules.off_topic_paragraph import _continuations

    texts = ["The council met.", "which it did on Tuesday.", "iPhone sales rose.", "£50m for Gerrard? Never.",
             "2004 was a good year.", "\u2014", "Rates held.", "Prices fell."]
    assert _continuations(texts) == [False, True, False, False, False, True, False, False]
    assert _continuations([t.lower() for t in texts]) == [False] * len(texts)  # a lower-cased text


def test_a_list_item_wrapped_onto_indented_lines_is_a_fragment_among_other_items():
    from doclint.rules.off_topic_paragraph import _fragment, _list_items

    texts = ["Fixes since 2.4.0",
             " * Relative dates between one and five years ago were rounded up when\n   shown as years and months.",
             " * Printing a selection printed the whole chapter when the selection\n   started inside a footnote.",
             "* Two items\n* in one paragraph",
             "A paragraph of prose\n  that wraps onto an indented line."]
    assert [_list_items(t) for t in texts] == [0, 1, 1, 2, 0]
    assert _fragment(texts, 1) and _fragment(texts, 2)  # items of a list separated by blank lines (release notes)
    assert not _fragment(texts[:1] + texts[4:] + texts[2:3], 1)
    body = ["Fixes", " * CVE-2023-0001:", "   By feeding crafted input to the importer, a path outside\n   the tree can be overwritten."]
    assert _fragment(body, 2)  # an indented paragraph after a list item is the item's body
    assert not _fragment(["Fixes", "The importer was rewritten.", body[2]], 2)


def test_term_weights_follow_the_statistics_and_the_lexicon(monkeypatch):
    # Weights are kept per lexicon term number: they must be recomputed when the statistics change and when the
    # lexicon starts afresh (the same number then means another term).
    import math

    from doclint.cohesion import BELONG, CorpusStats, term_weights

    def expected(stats, key):
        p = stats.p0(key)
        return math.log((1 - BELONG) / (1 - p))

    stats = CorpusStats()
    for n in range(30):
        stats.add(f"pilgrimage number{n}" if n < 3 else f"other words here number{n}")
    (term,) = lexicon.distinct_terms(["pilgrimage"])
    rare = [lexicon.distinct_terms([f"number{n}"])[0] for n in range(2)]  # the median term stays rare (see below)
    assert term_weights(np.array([term, *rare]), stats)[0][0] == expected(stats, "pilgrimag")
    for n in range(30):
        stats.add("pilgrimage again")
    assert term_weights(np.array([term, *rare]), stats)[0][0] == expected(stats, "pilgrimag")
    lexicon._restart()
    (other,) = lexicon.distinct_terms(["elsewhere"])
    rare = [lexicon.distinct_terms([f"number{n}"])[0] for n in range(2)]
    assert term_weights(np.array([other, *rare]), stats)[0][0] == expected(stats, "elsewher")


def test_a_corpus_of_copies_of_a_story_says_nothing_of_its_words_rarity():
    # Fifteen of thirty documents tell the same story: its words look common, and every paragraph of any copy
    # would share only common words. Its terms are weighed as without statistics; another story's are not.
    from doclint.cohesion import NO_CORPUS, CorpusStats, term_weights

    stats = CorpusStats()
    for n in range(30):
        stats.add("harvest drought reservoir farmers" if n % 2 else f"election ballot{n} candidate{n} turnout{n}")
    story = lexicon.distinct_terms("harvest drought reservoir farmers".split())
    alone = term_weights(story, NO_CORPUS)
    assert all(np.array_equal(a, b) for a, b in zip(term_weights(story, stats), alone))
    other = lexicon.distinct_terms("election ballot3 candidate3 turnout3".split())
    assert not np.array_equal(term_weights(other, stats)[0], term_weights(other, NO_CORPUS)[0])


def test_word_rows_are_the_same_from_the_float16_and_the_converted_matrix(monkeypatch):
    # A large batch of new words converts the whole matrix to float32 first; a small one converts the rows it
    # gathers. float16 converts exactly, so the rows must be bitwise equal.
    import numpy as np

    embeddings.embed(["Pilgrims perished in the intense heat near the Kaaba, Mecca (2024) caf\u00e9 \u201cquoted\u201d"])
    rows = {}
    for name, large in (("rows", 10**9), ("converted", 0)):
        monkeypatch.setattr(embeddings, "LARGE_BATCH", large)
        monkeypatch.setattr(embeddings, "_known", 0)  # fill every word of the lexicon again
        tokenizer, matrix = embeddings.model()
        embeddings._fill(tokenizer, matrix)
        rows[name] = embeddings._table[:len(lexicon.words)].copy()
    assert np.array_equal(rows["rows"], rows["converted"])


def test_encoding_damage_does_not_change_the_judgement():
    # Mojibake, entities and zero-width spaces split and disguise words ("Councilâ€™s" would be the term
    # "councilâ"): the rule reads the words as their author wrote them, so the evidence is that of the clean text.
    clean = OWN_CASES[0]["text"]  # a drought paragraph in a story about libraries
    damaged = (clean.replace("’", "â€™").replace("'", "â€™")
               .replace("council ", "council​ ").replace("Rivers used", "&quot;Rivers&quot; used")
               .replace("budget", "â€œbudgetâ€"))
    assert damaged.count("â€") >= 4
    options = {"off-topic-paragraph": {"backend": "lexical"}}
    expected = [(d.line, d.message) for d in lint(clean, ["T101"], options)]
    assert [(d.line, d.message) for d in lint(damaged, ["T101"], options)] == expected
    assert expected and "Rivers" in expected[0][1]


def test_bridge_says_how_much_closer_the_neighbours_are_to_each_other_than_to_the_unit():
    from doclint.rules.off_topic_paragraph import _bridges

    topic, other = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    vectors = np.array([topic, topic * 2, other, topic, topic + other * 0.1])  # paragraph 2 sits in another topic
    gram = vectors @ vectors.T
    first = last = np.arange(5)
    bridge, _ = _bridges(gram, first, last)
    assert bridge[0] == 0 and bridge[4] == 0  # at an end there is no pair of neighbours
    assert bridge[2] == pytest.approx(1.0)  # its neighbours agree perfectly and share nothing with it
    assert bridge[1] <= 0 and bridge[3] <= 0  # a paragraph that follows on from a neighbour: nothing to bridge
    pair, _ = _bridges(gram, np.array([2]), np.array([3]))  # a run of two, weighed by paragraphs 1 and 4:
    assert pair[0] == pytest.approx(0.0, abs=1e-9)  # 4 is as close to 3, inside the run, as to 1 before it


def test_end_bridge_weighs_the_last_unit_by_the_two_paragraphs_before_it():
    from doclint.rules.off_topic_paragraph import _bridges

    topic, other = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    appended = np.array([topic, topic, topic * 2, other])  # the last paragraph was added after an article
    first = last = np.arange(4)
    _, end = _bridges(appended @ appended.T, first, last)
    assert end[3] == pytest.approx(1.0)  # paragraph 2 is as close as can be to 1 and shares nothing with 3
    assert not end[:3].any()  # only a unit that ends the document has one
    closing = np.array([topic, topic, topic, topic + other])  # a last paragraph that goes on from the one before
    _, end = _bridges(closing @ closing.T, first, last)
    assert end[3] == pytest.approx(1 - 2 ** -0.5)
    _, end = _bridges(appended @ appended.T, np.array([2]), np.array([3]))  # a run of two at the end: by 1 and 0
    assert end[0] == pytest.approx(0.0, abs=1e-9)
    short = np.array([topic, other])  # a second paragraph has a single paragraph before it: nothing to compare
    assert not _bridges(short @ short.T, np.arange(2), np.arange(2))[1].any()


def test_hard_wrapped_lines_are_not_judged_as_paragraphs():
    # A text with no blank line between its paragraphs makes every line a block; wrapped lines are short and
    # stop mid-sentence, and their words cannot say which paragraph belongs (a wrapped copy of the dev corpus
    # drew twelve false alarms before the rule abstained).
    from doclint.rules.off_topic_paragraph import _wrapped_lines

    wrapped = textwrap.wrap(OWN_CASES[0]["text"].split("\n\n", 1)[1].replace("\n\n", " "), 72)
    assert _wrapped_lines(wrapped)
    paragraphs = [p for p in OWN_CASES[0]["text"].split("\n\n")[1:] if p.strip()]
    assert not _wrapped_lines(paragraphs)
    truncated = [p[:150] for p in paragraphs]  # long paragraphs cut mid-sentence are still paragraphs
    assert not _wrapped_lines(truncated)


def test_a_quotation_belongs_when_its_speaker_is_named_elsewhere():
    from doclint.cohesion import TermMatrix
    from doclint.rules.off_topic_paragraph import _speaker_elsewhere

    rest = ["Council leader Maria Okafor said the libraries would share staff on Tuesday with community centres.",
            "Opposition councillors warned that savings would have to be found elsewhere in the budget."]
    quotes = {
        '"Reservoirs are at a quarter of their level," Ms Okafor said.': True,  # named elsewhere
        '"Reservoirs are at a quarter of their level," said Tom Reyes on Tuesday.': False,  # only the day is shared
        '"Reservoirs are at a quarter of their level," Tom Reyes, a water official, told Okafor.': False,  # listener
        '"Reservoirs are at a quarter of their level," according to Dr Okafor.': True,
        '"Reservoirs are at a quarter of their level on Tuesday," he said.': True,  # no named speaker: any name
        '"Reservoirs are at a quarter of their level," he said.': False,
    }
    for quote, expected in quotes.items():
        texts = rest + [quote]
        assert _speaker_elsewhere(TermMatrix.of(texts), len(rest), texts) is expected, quote


def test_a_paragraph_sharing_two_phrases_with_the_rest_of_its_document_is_not_judged():
    from doclint.cohesion import TermMatrix
    from doclint.rules.off_topic_paragraph import _abstains, _phrases

    texts = ["State officials closed the salmon season after the number of adult fish fell to a record low.",
             "In 2020 the previous government ended federal protections for many streams, letting farms pump more.",
             "Boat owners spent thousands of dollars on new gear to catch rockfish and halibut instead.",
             "In 2021 a judge found the cuts to federal protections unlawful; the previous government had ignored "
             "warnings from biologists, and the new one is expected to widen the rules in 2024."]
    assert ("federal", "protections") in _phrases(texts[3]) and ("the", "cuts") not in _phrases(texts[3])
    m = TermMatrix.of(texts, [])
    assert _abstains(m, texts, {3}, pair=False)  # "federal protections", "previous government"
    one = texts[:3] + [texts[3].replace("previous government", "old cabinet")]
    assert not _abstains(TermMatrix.of(one, []), one, {3}, pair=False)  # one phrase is any story's


@pytest.mark.parametrize("text, story", [
    ("“There are more applications than places. Horrible!” it read. “Let's expand it to 250,000.”", True),
    ("“We will appeal,” she said. “The ruling is wrong.”", True),
    ("“It rained for a week,” the almanac notes, and farmers across the valley lost their first crop.", False),
    ("The news generated a bump in the group's stock, pushing it to $83.80.", True),
    ("This decision leaves the branch open until March.", True),
    ("The firm, which serves the province, wants a tariff rise of 60% to fund its pipes.", False),
    ("The report recommended that bodies of sport have a say in the bets offered.", False),
])
def test_a_quoted_post_and_a_paragraph_naming_the_storys_event_are_the_storys_own(text, story):
    # the rule abstains on them: a post the text has named ("it read"), the story's news gone on with ("The news
    # ..."); another story's paragraph opens with its own subject ("The firm", "The report": dev intruders)
    from doclint.rules.off_topic_paragraph import _STORY_EVENT, _said_by_pronoun

    assert (_said_by_pronoun(text) or bool(_STORY_EVENT.match(text))) is story


@pytest.mark.parametrize("paragraphs, flagged", [(4, False), (5, True)])
def test_a_four_paragraph_document_needs_a_margin_over_the_threshold(monkeypatch, paragraphs, flagged):
    # A clean four-paragraph wire story had a paragraph judged at the threshold itself: a document whose every
    # paragraph is judged against three others needs SHORT_MARGIN more; one of five is judged at the threshold.
    from doclint.rules import off_topic_paragraph as rule

    at_threshold = rule.SEMANTIC_THRESHOLD + rule.SHORT_MARGIN / 2

    def probabilities(features, weights):
        scores = np.full(len(next(iter(features.values()))), 0.1)
        scores[2] = at_threshold  # the third paragraph (one with evidence enough for the plain threshold)
        return scores

    monkeypatch.setattr(rule, "_probabilities", probabilities)
    monkeypatch.setattr(rule, "_bars", lambda bar, *rest: bar)  # no paragraph's own caution: the document's bar
    topics = ["The agency studied how sleeping crews would change a spacecraft bound for Mars, its supplies, its "
              "shielding, its living quarters and the number of engineers needed to keep every system running.",
              "Researchers said a hibernating crew would need less food, water, oxygen and room on the long cruise, "
              "which would shrink the spacecraft and cut the fuel its launch requires by nearly a third.",
              "The team's head said the idea was not so crazy, since hospitals already cool trauma patients, and "
              "bears lose little muscle or bone while their metabolism slows through the winter months.",
              "Challenges include building a ship that flies itself while the crew sleeps, padded with extra fat, "
              "through most of a cruise of half a year, and waking them safely before the landing.",
              "The agency will publish its full study of the mission's design, costs, risks and medical questions "
              "later this year, with a list of experiments to run on the space station first."]
    text = "Sleeping to Mars\n\n" + "\n\n".join(topics[:paragraphs]) + "\n"
    found = lint(text.encode(), ["T101"], {"off-topic-paragraph": {"backend": "embeddings", "pairs": False}})
    assert bool(found) is flagged, [d.message for d in found]


@pytest.mark.parametrize("third, flagged", [("(Reporting by Jane Roe, John Doe and Ann Lee; editing by Kim Park "
                                             "and Dan Roe in the newsroom in London.)", False),
                                            ("Reporting by Jane Roe, John Doe and Ann Lee; editing by Kim Park "
                                             "and Dan Roe in the newsroom in London.", True)])
def test_a_paragraph_wholly_in_brackets_is_a_note_not_another_story(monkeypatch, third, flagged):
    # A wire's credit in brackets under its story has none of the story's words: a note, never a spliced paragraph.
    from doclint.rules import off_topic_paragraph as rule

    def probabilities(features, weights):
        scores = np.full(len(next(iter(features.values()))), 0.1)
        scores[2] = 0.99
        return scores

    monkeypatch.setattr(rule, "_probabilities", probabilities)
    monkeypatch.setattr(rule, "_bars", lambda bar, *rest: bar)
    body = ["Shares of the office-space company fell sharply on Monday after lenders asked for new terms on its debt.",
            "The company's bonds due in 2025 weakened, hitting a yield of 16 percent, according to market data.",
            third,
            "Regulators are examining whether the company broke financial rules as it sought a public listing.",
            "The company declined to comment on the report, which cited people familiar with the inquiry."]
    found = lint(("Lenders press office firm\n\n" + "\n\n".join(body) + "\n").encode(), ["T101"],
                 {"off-topic-paragraph": {"backend": "embeddings", "pairs": False}})
    assert bool(found) is flagged, [d.message for d in found]


RELEASE = """\
COUNTY WINS $1.2 MILLION FOR RIVERSIDE LIBRARY

Senator Ann Miller announced today that Northfield Learning Trust (NLT) of Dover will receive $1,240,000 in federal grants from the Department of Education to build a new public library in Riverside.

"Libraries are where our children learn to love reading," said Miller. "I am glad this grant will give the families of Riverside the library they have asked for."

The grant will pay for a two-storey library on a plot given by the Town of Riverside, and for its books and computers during its first two years. Every resident of the county will be able to borrow from it.

Since extra pledges are still being gathered, nobody has fixed a day for the diggers to arrive. However, Thomas Albrecht Voss, Chairman and Director of NLT, hopes bulldozers will roll before next autumn.

The grant is made under the department's rural learning programme. It is paid in full and does not have to be returned so long as the library stays open to the public for at least twenty years.

NLT, a charity based in Delaware, has opened 41 learning centres in nine states since it was founded in 1985.
"""


def test_a_person_introduced_by_a_post_at_a_body_the_story_names_is_the_storys_own():
    # "Thomas Albrecht Voss, Chairman and Director of NLT," in a release that named NLT: the story's own source,
    # however few of the paragraph's other words the rest uses (0.93 without this)
    options = {"off-topic-paragraph": {"backend": "embeddings"}}
    assert lint(RELEASE.encode(), ["T101"], options) == []
    other = RELEASE.replace("Chairman and Director of NLT", "Chairman and Director of Harlow Dredging")
    assert [d.line for d in lint(other.encode(), ["T101"], options)] == [9]


def _one_line(text: str) -> str:
    """The text's paragraphs joined into one line, as datasets store articles."""
    return " ".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip()) + "\n"


def test_on_one_line_the_seeds_spliced_sentence_is_found_with_the_embeddings_alone():
    one_line = _one_line(SEED.read_text("utf-8"))
    found = lint(one_line.encode(), ["T101"], {"off-topic-paragraph": {"backend": "embeddings"}})
    assert len(found) == 1 and found[0].message.startswith("Off-topic run of 1 sentence:")
    assert one_line[found[0].start:found[0].end].startswith("This week, over two million Muslims")
    assert lint(one_line.encode(), ["T101"], {"off-topic-paragraph": {"backend": "lexical"}}) == []


def test_own_articles_on_one_line():
    # Measured: 6 of 112 intruders found, none wrongly, no clean article flagged (docs/off-topic.md); the run of
    # sentences must stand apart, and the judgement's bar is ONE_LINE_THRESHOLD.
    from doclint.document import Document
    from doclint.rule import Context
    from doclint.rules.off_topic_paragraph import OffTopicParagraph, Options

    rule, counts = OffTopicParagraph(Options(backend="embeddings")), Counter()
    for n, (text, line) in enumerate(_spliced_articles()):
        intruder = text.split("\n\n")[(line - 1) // 2] if line else None
        one_line = _one_line(text)
        found = [one_line[d.start:d.end] for d in rule.check(Document.from_bytes(f"{n}.txt", one_line.encode()),
                                                               Context())]
        if intruder is None:
            counts["clean flagged"] += bool(found)
        else:
            counts.update(flagged=len(found), right=sum(f.startswith(intruder[:40]) for f in found))
    assert counts["right"] >= 5 and counts["right"] == counts["flagged"]
    assert counts["clean flagged"] == 0


def test_a_one_line_run_of_unrelated_sentences_is_a_list_of_items():
    from doclint.rules.off_topic_paragraph import _items

    rundown = ["Voters went to the polls in a closely watched election.", "Aid workers are being monitored.",
               "Ancient artifacts were destroyed by militants.", "A football player walked away from his job."]
    assert _items(rundown)
    assert not _items(rundown[:3])  # fewer than RUN_LIST_SENTENCES
    assert not _items(rundown[:3] + ["The election was called early by the governor."])  # "election" comes back


def test_the_run_that_stands_apart_is_found_between_two_sentences_that_follow_each_other():
    from doclint.rules.off_topic_paragraph import _one_line_run

    vectors = np.array([[1.0, 0.1], [0.9, 0.2], [0.0, 1.0], [0.1, 1.0], [1.0, 0.0], [0.95, 0.1]])
    vectors /= np.linalg.norm(vectors, axis=1)[:, None]
    assert _one_line_run(vectors, np.array([15, 15, 15, 15, 15, 15])) == (2, 4)
    assert _one_line_run(vectors, np.array([15, 15, 5, 5, 15, 15])) is None  # the run is too short to judge


def test_a_one_line_run_telling_the_reader_where_to_look_is_a_rundown():
    from doclint.rules.off_topic_paragraph import _addressed

    rundown = ["Go inside a mountain kingdom at the centre of a border dispute.",
               "Get a sense of what the flooding has cost its farmers.", "And see why vinyl records are back."]
    assert _addressed(rundown)
    assert not _addressed(rundown[:1])  # one sentence is no rundown
    assert _addressed(rundown[:2] + ["The kingdom's king spoke on Monday."])  # the page's lines around a rundown
    assert not _addressed(rundown[:1] + ["The kingdom's king spoke on Monday.", "Floods cost farmers dearly."])


def test_a_shows_rundown_on_one_line_is_not_another_story():
    # A student news show's page stored on one line: its rundown of the day's stories, each sentence telling the
    # reader to look, stands apart from the page's words by design (flagged before _addressed).
    text = ("May 4, 2016 . Whether you teach civics, science or world history, we have material for your class today "
            "on Example Classroom News. Go inside a mountain kingdom at the centre of a border dispute. Get a sense of "
            "what the spring flooding has cost farmers along the river, and examine how engineers plan to stop it. And "
            "see why vinyl records are selling again. On this page you will find today's show Transcript and a place "
            "for you to ask to be on the Example Classroom News Roll Call. TRANSCRIPT . Click here to read the "
            "transcript of today's Example Classroom News program. Please note that there may be a delay between the "
            "time when the video is online and when the transcript is posted. Example Classroom News is made by a team "
            "of journalists who follow national and state teaching standards when producing the show. ROLL CALL . For "
            "a chance to be named on the next show, comment at the bottom of this page with your school's name, "
            "mascot, city and state. We pick schools from the comments on the previous show. You must be a teacher or "
            "a student aged 13 or older to ask for a mention on the Roll Call! Thank you for using Example Classroom "
            "News!")
    assert lint(text.encode(), ["T101"], {"off-topic-paragraph": {"backend": "embeddings"}}) == []


# A press release's About section: foreign to a release about a tender offer by its words, and the release's own
# text; credit-sentence reports the block (S102), and its paragraph is no other story's (S102 supersedes T101).
RELEASE_WITH_ABOUT = """Acme recommends shareholders reject mini-tender offer

ARLINGTON, Va., Nov. 3, 2025 -- Acme Corporation today received notice of an unsolicited mini-tender offer by Example Capital to purchase up to one million shares of Acme common stock at a price below the market price.

Acme does not endorse the offer and recommends that shareholders do not tender their shares. The offer is for less than five percent of the shares, which lets the bidder avoid many of the disclosure and procedural requirements that protect shareholders.

Acme urges investors to obtain current market quotations for their shares, to consult their broker or financial adviser, and to exercise caution with respect to the offer made by the bidder.

Acme requests that a copy of this release be included with all distributions of materials relating to the mini-tender offer for shares of Acme common stock.

About Acme

Acme is the world's largest maker of jet engines, avionics, missiles and satellites. With more than 185,000 employees on six continents, its engineers push the limits of aerospace science to redefine how airlines fly and how armies defend their nations.
"""


def test_an_about_blocks_paragraph_is_left_to_credit_sentence():
    found = lint(RELEASE_WITH_ABOUT, ["S102", "T101"], {"off-topic-paragraph": {"backend": "embeddings"}})
    assert [(d.code, d.line) for d in found] == [("S102", 11)]
    alone = lint(RELEASE_WITH_ABOUT, ["T101"], {"off-topic-paragraph": {"backend": "embeddings"}})
    assert [d.line for d in alone] == [13]  # what the rule would say on its own: the case is a real one



def test_a_run_that_opens_on_the_sentence_before_it_is_its_sequel():
    # A CNN record: "Five Americans ... have been released ... One of the five had a heart-related issue on Saturday
    # ...": the run's words are its own, but it goes on with what the lead said (a false run of a blind set).
    from doclint.rules.off_topic_paragraph import _sequel

    assert _sequel("One of the five had a heart-related issue on Saturday and has been discharged.")
    assert _sequel("The others have already gone home.") and _sequel("They were exposed in March.")
    assert not _sequel("One hundred people gathered at the stadium on Saturday.")
    assert not _sequel("A nurse had a heart-related issue on Saturday and has been discharged.")
