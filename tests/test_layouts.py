"""The same article hard-wrapped, or stored on one line, gives the same findings as with blank-line paragraphs."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from conftest import fix, lint
from doclint.document import Document

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ARTICLES = tomllib.loads((Path(__file__).parent / "data" / "articles.toml").read_text("utf-8"))["article"]


def _damaged(article: dict) -> list[str]:
    """The article's paragraphs with defects of three kinds: a source tag glued before a paragraph, an HTML entity,
    and a paragraph pasted again later."""
    paras = list(article["paragraphs"])
    paras[1] = "(Source: www.example.com) " + paras[1]
    paras[2] = paras[2] + " Tickets &amp; passes are on sale now."
    paras.append(paras[0])
    return paras


def _layouts(article: dict) -> dict[str, str]:
    paras = _damaged(article)
    return {"blank lines": article["headline"] + "\n\n" + "\n\n".join(paras) + "\n",
            "wrapped at 70": article["headline"] + "\n\n" + "\n\n".join(
                textwrap.fill(p, 70, break_long_words=False, break_on_hyphens=False) for p in paras) + "\n",
            "one line": " ".join([article["headline"] + ".", *paras]) + "\n"}


def _found(text: str) -> set[tuple[str, str]]:
    """(rule code, the first non-space characters of the span): the same finding whatever the line breaks."""
    return {(d.code, "".join(text[d.start:d.end].split())[:24])
            for d in lint(text, ["S101", "E106", "D101", "D102"])}


@pytest.mark.parametrize("article", ARTICLES[:4], ids=lambda a: a["id"])
def test_wrapped_and_one_line_versions_give_the_same_findings(article):
    found = {name: _found(text) for name, text in _layouts(article).items()}
    assert ("S111", "(Source:www.example.com)") in found["blank lines"]
    assert found["wrapped at 70"] == found["blank lines"]
    # on one line the paragraphs are lost: the copy is found as a run of repeated sentences, the same span
    codes = {code for code, _ in found["one line"]}
    assert {"S111", "E106"} <= codes and codes & {"D101", "D102"}
    assert {f for f in found["one line"] if f[0] in ("S111", "E106")} == {
        f for f in found["blank lines"] if f[0] in ("S111", "E106")}


def test_an_article_on_one_line_is_read_as_pieces_cut_at_sentence_ends():
    article = ARTICLES[0]
    text = " ".join([article["headline"] + ".", *article["paragraphs"]]) + "\n"
    doc = Document("record.txt", text)
    assert len(doc.blocks) >= 8 and all(b.piece and b.first_line == 0 for b in doc.blocks)
    assert [doc.block_text(b) for b in doc.prose_runs] == [text.rstrip("\n")]  # the sentence rules read the line
    short = Document("short.txt", "A headline\n\nOne short paragraph. Another one.\n")
    assert not any(b.piece for b in short.blocks)


def test_a_file_of_lone_carriage_returns_is_read_as_lines_and_its_line_breaks_are_kept_unless_w105_is_fixed():
    # Some scraped corpora keep the classic Mac OS line break; most tools read such a file as one long line.
    layouts = _layouts(ARTICLES[0])
    lf = layouts["blank lines"]
    cr = lf.replace("\n", "\r")
    assert _found(cr) == _found(lf)  # the same findings, paragraphs and all
    assert [(d.code, d.line) for d in lint(cr, ["S111", "D101"])] == [(d.code, d.line) for d in lint(lf, ["S111", "D101"])]
    w105 = lint(cr, ["W105"])
    assert len(w105) == 1 and f"{cr.count(chr(13))} line breaks" in w105[0].message
    kept = fix(cr.encode(), ["S111", "W106"])  # other fixes keep the file's line breaks
    assert "\n" not in kept and "(Source:" not in kept and kept.endswith("\r")
    assert fix(cr.encode(), ["S111", "W105"]) == fix(lf.encode(), ["S111", "W105"])


def test_a_link_text_in_brackets_is_one_piece_of_a_long_line_and_its_teaser_is_found():
    article = ARTICLES[0]
    teaser = "[ALSO READ: OFFICIAL! The club signs its new striker. Fans cheer](https://www.example.com/sport/striker)"
    text = " ".join([article["headline"] + ".", *article["paragraphs"][:3], teaser, *article["paragraphs"][3:]]) + "\n"
    doc = Document("record.txt", text)
    assert any(teaser in doc.block_text(b) for b in doc.blocks)  # no piece ends inside the brackets
    assert [(d.code, d.start) for d in lint(text, ["S112"], path="record.txt")] == [("S112", text.index(teaser))]


def test_a_rule_that_supersedes_another_leaves_one_finding_where_both_read_the_same_leftover():
    # source-credit's wording families and credit-sentence's structure both read this credit: one finding, the
    # structural rule's; where only source-credit reads a tag, its finding stays. A rule that supersedes S101
    # (the code before the split) supersedes the rules it redirects to.
    text = ("Ceasefire holds\n\nThe ceasefire held overnight.\n\nNBC's Jane Doe and Ann Lee contributed to this report.\n"
            "\nSource: Reuters\n")
    for select in (["S111", "S102"], ["S101", "S102"]):
        assert [(d.code, d.line) for d in lint(text, select)] == [("S102", 5), ("S111", 7)]
    assert [(d.code, d.line) for d in lint(text, ["S101"])] == [("S111", 5), ("S111", 7)]


def test_a_credit_that_ends_where_a_link_ended_is_one_finding_the_credit_sentences():
    # inline-teaser reads a short sentence ending at " ." in an article on one line as a link's headline; a credit
    # sentence ending so is credit-sentence's, which supersedes it.
    text = ("The council approved the budget on Tuesday. The vote was close. Members argued for hours. The mayor "
            "welcomed the result. Critics said costs would rise. CNN's Jane Doe contributed to this report .\n")
    assert [d.code for d in lint(text, ["S104"])] == ["S104"]
    assert [d.code for d in lint(text, ["S102", "S104"])] == ["S102"]


def test_a_tag_deleted_from_the_first_piece_of_a_long_line_takes_nothing_of_the_line_before():
    # The first piece of a line starts the line: deleting a tag there must not join the line to the one above.
    body = " ".join(ARTICLES[1]["paragraphs"])
    text = f"{ARTICLES[1]['headline']}\nClick here to subscribe to our newsletter. {body}\n"
    fixed = fix(text.encode(), ["S101"])
    assert fixed.startswith(ARTICLES[1]["headline"] + "\n") and "Click here" not in fixed


PARALLEL_STEPS = """# Debugging

## With an editor

If you use the first editor, you can:

* Open the "Run and Debug" panel.

It will then start the server with your code and stop at your breakpoints.

{separator}

If you use the second editor, you can:

* Open the "Run" menu.

It will then start the server with your code and stop at your breakpoints.
"""


@pytest.mark.parametrize("separator, sections", [
    ("---", 2), ("**With the second editor**", 2), ("/// tip", 2), ("{* ../examples/debug.py hl[3] *}", 2),
    ("Then, with the second one:", 1)])
def test_markdown_opens_a_section_at_a_rule_a_bold_heading_a_block_or_an_include(separator, sections):
    # Parallel instructions for two editors say the same thing on purpose; plain prose between them is no
    # section break, so there the repeat stays a repeat (the case that makes this test able to fail).
    text = PARALLEL_STEPS.format(separator=separator)
    found = [d.line for d in lint(text, ["D101"], path="debugging.md")]
    assert found == ([] if sections == 2 else [17])


def test_a_markdown_link_target_is_never_a_credit():
    text = ("# Testing\n\nYou can read more in the [official documentation.](https://example.dev/lifespan/#tests)\n\n"
            "The closures were expected to save money. (https://example.com/report)\n")
    assert [d.line for d in lint(text, ["S1"], path="testing.md")] == [5]


MAILMAN_DIGEST = """Send harbour-dev mailing list submissions to
\tharbour-dev@lists.example.org

To subscribe or unsubscribe via the World Wide Web, visit
\thttps://lists.example.org/mailman/listinfo/harbour-dev

Today's Topics:

   1. Re: Moving the tide tables to the new format (Jane Roe)
   2. Re: Moving the tide tables to the new format (John Doe)


----------------------------------------------------------------------

Message: 1
Date: Tue, 30 Jan 2024 04:12:07 +0000
From: Jane Roe <jane@example.org>
Subject: Re: Moving the tide tables to the new format
Content-Type: text/plain; charset="utf-8"

I think the new format is better because every table keeps its own station name and the readers need no lookup.

Regards,
Jane
-------------- next part --------------
An HTML attachment was scrubbed...
URL: <http://lists.example.org/pipermail/harbour-dev/attachments/20240130/aaa/attachment.html>

------------------------------

Message: 2
Date: Tue, 30 Jan 2024 05:40:00 +0000
From: John Doe <john@example.org>
Subject: Re: Moving the tide tables to the new format
Content-Type: text/plain; charset="utf-8"

On Tue, Jan 30, 2024, Jane Roe wrote:
> I think the new format is better because every table keeps its own station name and the readers need no lookup.

Agreed, and the old files can be converted by the script in the tools folder.
-------------- next part --------------
An HTML attachment was scrubbed...
URL: <http://lists.example.org/pipermail/harbour-dev/attachments/20240130/bbb/attachment.html>
"""


def test_a_mailman_digest_is_mail_its_contents_and_headers_structure():
    # A digest that opens with its subscription notice: its table of contents (the same subject twice) and the
    # archive's notes under each message are no repeated passages; its separators and headers are furniture;
    # a message quoting an earlier one of the digest repeats it, as in mail that opens with a header block.
    doc = Document("digest.txt", MAILMAN_DIGEST)
    kinds = {doc.block_text(b).splitlines()[0].strip(): b.kind for b in doc.blocks}
    assert kinds["Today's Topics:"] == "list" and kinds["Message: 2"] == "mail-header"
    assert kinds["-------------- next part --------------"] == "mail-note"
    found = [(d.code, d.line, d.message.split(" (")[0]) for d in lint(MAILMAN_DIGEST, ["D101", "S121", "T101"])]
    assert [(code, line, what) for code, line, what in found if code == "D101"] == [
        ("D101", 38, "Quoted passage repeats line 21")]
    assert ("S121", 29, "Digest separator and message header") in found
    assert [line for code, line, what in found if what == "Archive note on a scrubbed attachment"] == [25, 41]


def test_two_links_into_one_document_are_no_near_copy():
    # Headings pasted with their anchors share a long address: the lines differ in what they name.
    base = "https://github.com/example/harbour/blob/main/doc/compressed_tables.md"
    text = (f"Compressed tables\n\n{base}#1-abstract1. Abstract\n\nThe tables drop what a reader can recompute from "
            f"the rest, and the tools restore it when they read the file.\n\n{base}#3-schema3. Schema\n\nEach table "
            "starts with a header that names its station and the hours it covers, then the rows.\n")
    assert lint(text, ["D101"]) == []
    assert [d.line for d in lint(text.replace("#3-schema3. Schema", "#1-abstract1. Abstract"), ["D101"])] == [7]


def test_a_raw_message_header_of_any_length_and_fields_is_one_header_block():
    # As a list archive stores a message: relays' fields (DKIM-Signature:, Authentication-Results:), folded lines,
    # more than sixty of them.
    relays = "".join(f"Received: from relay{n}.example.org (relay{n}.example.org [10.0.0.{n}])\n"
                     f"\tby mx.example.org (Postfix) with ESMTPS id {n:04X}\n" for n in range(40))
    text = ("Return-Path: <list-bounces@example.org>\n" + relays +
            "Authentication-Results: mx.example.org;\n dkim=pass header.d=example.org\n"
            "DKIM-Signature: v=1; a=rsa-sha256; d=example.org;\n (UTC)\n"
            "From: Jane Roe <jane@example.org>\nSubject: Re: tide tables\nThread-Topic: tide tables\n\n"
            "Thanks, the new format works for me.\n")
    doc = Document("message.txt", text)
    assert doc.blocks[0].kind == "mail-header" and doc.blocks[0].last_line == text.count("\n") - 3
    assert lint(text, ["S1", "S201"]) == []


def test_a_digest_stays_mail_once_a_fix_removed_its_notice():
    # The safe fix deletes the subscription notice that made the text a digest; the next pass must still read it
    # as mail (from its table of contents), or quoted passages become paragraphs whose exact copies are deleted.
    fixed = fix(MAILMAN_DIGEST, None)
    assert not fixed.startswith("Send harbour-dev") and fixed.lstrip().startswith("Today's Topics:")
    assert Document("digest.txt", fixed).blocks[0].kind == "mail-header"
    assert "> I think the new format is better" in fixed
    separator_first = fixed[fixed.index("-" * 20):]  # with its table of contents gone too
    assert Document("digest.txt", separator_first).blocks[0].kind == "mail-header"
    assert "> I think the new format is better" in fix(separator_first, None)


def test_an_underlined_heading_marks_plain_text_documentation_and_a_patch_separator_does_not():
    from doclint.layout import underlined_heading

    assert underlined_heading("Example v1.2 Release Notes\n==========================\n\n * A fix.\n")
    assert underlined_heading("Intro\n\nUpdates since v1.1\n------------------\n\nText.\n")
    assert not underlined_heading("Fix the parser.\n\nSigned-off-by: Jane Doe <jane@example.org>\n---\n drivers/x.c | 2 +-\n")
    assert not underlined_heading("The council met on Tuesday and voted on the harbour plan after a long debate.\n---\n")
    assert not underlined_heading("====\n----\n")


@pytest.mark.parametrize("text,markdown", [
    ("# Install\n\nRun it.\n\n## Use\n\n```sh\ndoclint check .\n```\n", True),  # headings and a fence
    ("---\ntitle: Notes\n---\n\nSee [a](https://a.org) and [b](./b.md).\n", True),  # front matter and links
    ("| a | b |\n|---|---|\n| 1 | 2 |\n\n[home]: https://example.org\n", True),  # a table and a link definition
    ("Council keeps libraries open\n\nThe [mayor](https://example.org) said so. #libraries\n", False),  # one mark
    ("From: jane@example.org\nSubject: notes\n\n# one\n\n## two\n\n```\ncode\n```\n", False),  # e-mail never is
    ("Prices rose # of items fell\n\nA ~~~ line and a `tick`.\n", False),
])
def test_a_text_without_a_markdown_name_is_markdown_by_two_of_its_marks(text, markdown):
    assert Document.from_bytes("page.txt", text.encode()).markdown is markdown
    assert Document.from_bytes("page.md", text.encode()).markdown is True  # the name says so


@pytest.mark.parametrize("sentence, captions", [
    ("Its ambassador told CNN it would act 'to protect its security' Battle: Yesterday a coalition began bombing.",
     ["Battle: Yesterday"]),
    ("Doting dad: He was overjoyed Back home: The family returned on Monday", ["Back home: The family"]),
    ("The minister said: The talks will go on until a deal is done.", []),  # a speaker, not a caption
    ("He left. Then came the verdict: Guilty on all counts.", []),  # a clause before the colon
    ("Scarlet racer: The whole collection includes models from Ferrari.", []),  # the label opens the sentence
])
def test_captions_that_run_on_inside_a_sentence_of_a_one_line_article_are_found_at_their_labels(sentence, captions):
    from doclint.repeats import captions_inside

    found = captions_inside(sentence, 0, len(sentence))
    assert [sentence[p:p + len(c)] for p, c in zip(found, captions)] == captions and len(found) == len(captions)


def test_an_interpreters_session_is_a_code_block_and_prose_is_not():
    # in mail, two blocks of code and its output that nearly repeat each other (a call run twice with another
    # argument) are no repeated passage (repeats._parallel)
    from doclint.repeats import code_block

    session = ('> seq(from = strptime("20030329", format="%Y%m%d"), to= strptime("20030402",\n'
               'format="%Y%m%d"), by="day")\n[1] "2003-03-29 00:00:00 CET" "2003-03-30 00:00:00\nCET"\n'
               '[3] "2003-03-31 01:00:00 CEST" "2003-04-01 01:00:00 CEST"')
    prose = "When I create a sequence of days that starts before\ndaylight saving time, I seem to lose a day."
    assert code_block(session) and not code_block(prose)


def test_a_month_abbreviation_before_a_day_ends_no_sentence_of_a_line():
    # A piece of an article on one line ends at a sentence's end, not at "Dec." before its day: a closing credit
    # read in the piece would lose its date ("This report ... was first published Dec." / "28, 2023.").
    article = ARTICLES[0]
    text = " ".join([article["headline"] + ".", *article["paragraphs"],
                     "This report by The Canadian Press was first published Dec. 28, 2023."]) + "\n"
    doc = Document("record.txt", text)
    assert not any(doc.block_text(b).endswith("Dec.") for b in doc.blocks)
    assert any(doc.block_text(b).endswith("published Dec. 28, 2023.") for b in doc.blocks)


def test_a_record_whose_line_breaks_are_written_newline_char_is_read_as_lines():
    # Multi-News's source articles are each one line, their line breaks written ` NEWLINE_CHAR `: read so, the
    # dataset's paragraphs give the findings the blank-line layout gives; positions stay in the file's one line,
    # the padding is no trailing space, and no fix cuts a token.
    layouts = _layouts(ARTICLES[0])
    lf = layouts["blank lines"]
    tokens = lf.rstrip("\n").replace("\n", " NEWLINE_CHAR ")
    assert "\n" not in tokens and _found(tokens) == _found(lf)
    found = lint(tokens, ["S111", "D101", "W102", "W104"])
    assert {d.code for d in found} == {"S111", "D101"} and all(d.line == 1 == d.end_line for d in found)
    assert {d.column for d in found} == {d.start + 1 for d in found}
    fixed = fix(tokens.encode(), ["S111", "D101", "E106"], unsafe=True)
    assert "(Source:" not in fixed and "&amp;" not in fixed
    assert fixed.replace("NEWLINE_CHAR", "").count("NEWLINE_CHA") == 0  # every token whole or gone
    as_lines = re.sub(r" ?NEWLINE_CHAR ?", "\n", fixed).strip()
    assert as_lines == fix(lf.encode(), ["S111", "D101", "E106"], unsafe=True).strip()
    assert fix(fixed.encode(), ["S111", "D101", "E106"], unsafe=True) == fixed
    assert lint("A NEWLINE_CHAR in a sentence, once, is a word.\n", ["W102"]) == []  # one token: no dataset's breaks
