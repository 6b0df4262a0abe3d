"""The document model's blocks: where paragraphs are, whatever separates them."""
from __future__ import annotations

from doclint.document import Document

ONE = "The council voted on Tuesday to keep all five branch libraries open, reversing an earlier plan."
TWO = "The closures had been expected to save money, but six thousand residents signed a petition."
THREE = "The council will review the library service again in two years, the leader said."


def _blocks(text: str) -> list[tuple[str, str]]:
    document = Document("doc.txt", text)
    return [(b.kind, document.block_text(b)) for b in document.blocks]


def test_paragraphs_separated_by_blank_lines():
    assert _blocks(f"Libraries stay open\n\n{ONE}\n\n{TWO}\n") == [
        ("headline", "Libraries stay open"), ("paragraph", ONE), ("paragraph", TWO)]


def test_without_any_blank_line_every_line_is_a_paragraph_even_when_the_file_ends_with_a_line_break():
    # The empty "line" after the final line break is no separator: it once made the whole text one block.
    expected = [("headline", "Libraries stay open"), ("paragraph", ONE), ("paragraph", TWO)]
    assert _blocks(f"Libraries stay open\n{ONE}\n{TWO}\n") == expected
    assert _blocks(f"Libraries stay open\n{ONE}\n{TWO}") == expected
    assert _blocks(f"\n\nLibraries stay open\n{ONE}\n{TWO}\n\n\n") == expected


def test_lines_that_end_sentences_are_paragraphs_after_a_blank_line_too():
    # A headline, a blank line, then paragraphs separated by single line breaks (as many corpora store text).
    assert _blocks(f"Libraries stay open\n\n{ONE}\n{TWO}\n{THREE}\n") == [
        ("headline", "Libraries stay open"), ("paragraph", ONE), ("paragraph", TWO), ("paragraph", THREE)]


def test_hard_wrapped_lines_stay_one_paragraph():
    wrapped = ("The council voted on Tuesday to keep all five branch\nlibraries open, reversing an earlier plan "
               "that would\nhave closed two of them to save money. Residents\nsigned a petition against it.")
    assert _blocks(f"Libraries stay open\n\n{wrapped}\n\n{THREE}\n") == [
        ("headline", "Libraries stay open"), ("paragraph", wrapped), ("paragraph", THREE)]


def test_a_list_without_full_stops_stays_one_block():
    listed = "- Wi-Fi hotspots and printers\n- Braille collections and audiobooks\n- Genealogy archives"
    assert _blocks(f"Libraries stay open\n\n{ONE}\n\n{listed}\n") == [
        ("headline", "Libraries stay open"), ("paragraph", ONE), ("paragraph", listed)]


def test_a_two_line_wrapped_paragraph_is_no_headline_and_paragraph():
    # Its first line ends mid-sentence, like a headline; its second opens in lower case, unlike a paragraph.
    wrapped = "The council voted on Tuesday to keep all five branch\nlibraries open, reversing an earlier plan."
    assert _blocks(f"Libraries stay open\n\n{wrapped}\n\n{THREE}\n") == [
        ("headline", "Libraries stay open"), ("paragraph", wrapped), ("paragraph", THREE)]


def test_hard_wrapped_text_without_any_blank_line_is_one_paragraph():
    # Newswire and e-mail wrap lines mid-sentence with no blank line anywhere: the wrapped lines are one paragraph.
    wrapped = ["The council voted on Tuesday to keep all five branch", "libraries open, reversing an earlier plan",
               "that would have closed two of them to save money."]
    assert [text for _, text in _blocks("\n".join(wrapped) + "\n")] == ["\n".join(wrapped)]


def test_newswire_paragraphs_open_with_an_indented_line():
    # No blank line: each paragraph's first line is indented, its wrapped lines are not; a sign-off closes it.
    story = ("Productivity in the non-farm business sector fell at an\nannual rate of 2.2 pct, the department said.\n"
             "    Previously, the department said productivity fell 1.7\npct in the fourth quarter.\n"
             "    The decline followed a drop in the third quarter.\n Wire\n")
    assert [text.strip() for _, text in _blocks(story)] == [
        "Productivity in the non-farm business sector fell at an\nannual rate of 2.2 pct, the department said.",
        "Previously, the department said productivity fell 1.7\npct in the fourth quarter.",
        "The decline followed a drop in the third quarter.", "Wire"]


def test_example_code_covers_markdown_fences_comments_code_spans_and_indented_lines_and_not_in_plain_text():
    text = "Use `a&amp;b` here.\n\n```\nx &amp; y `z`\n```\n\n    indented &amp;\n\nprose &amp; more <!-- c &amp; -->\n"
    doc = Document("doc.md", text)
    inside = [text.index("a&amp;b"), text.index("x &amp;"), text.index("indented"), text.index("c &amp;")]
    assert all(doc.in_example_code(i) for i in inside)
    assert not doc.in_example_code(text.index("prose"))
    spans = doc.example_code
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:]))  # disjoint, sorted: the fence's span holds `z`
    assert not Document("doc.txt", text).in_example_code(text.index("a&amp;b"))


def test_an_interactive_session_is_example_code_in_any_text_but_mail_quoted_three_times_is_not():
    text = ("Usage\n\n    >>> wcwidth.width('\\t', tabsize=4)\n    8\n    >>> Markup('&lt;em&gt;')\n    Markup('&lt;em&gt;')\n"
            "\nprose &amp; more\n\n>>> The question is, does anyone want to focus on it &amp; more?\n")
    doc = Document("README.txt", text)
    assert doc.in_example_code(text.index("'\\t'")) and doc.in_example_code(text.rindex("Markup('&lt;"))
    assert not doc.in_example_code(text.index("prose")) and not doc.in_example_code(text.index("The question"))


def test_a_code_span_may_wrap_onto_the_next_line_but_not_across_a_blank_line():
    text = "Prose with `a span that\nwraps (Source: X) here` and more.\n\nA `stray backtick.\n\nLater` prose.\n"
    doc = Document("doc.md", text)
    assert doc.in_example_code(text.index("(Source"))
    assert not doc.in_example_code(text.index("stray")) and not doc.in_example_code(text.index("Later"))


def test_code_in_mail_and_plain_text_is_a_block_of_its_own_kind():
    text = ("From: Jane Doe <jane@example.org>\nSubject: reconnecting\n\nMy factory looks like this:\n\n"
            "class ClientFactory(protocol.ClientFactory):\n    def clientConnectionFailed(self, connector, reason):\n"
            "        reactor.stop()\n\nWhat am I missing? The call (with two arguments) never returns.\n")
    kinds = [(kind, text.split("\n", 1)[0]) for kind, text in _blocks(text)]
    assert kinds == [("mail-header", "From: Jane Doe <jane@example.org>"), ("paragraph", "My factory looks like this:"),
                     ("code", "class ClientFactory(protocol.ClientFactory):"),
                     ("paragraph", "What am I missing? The call (with two arguments) never returns.")]


def test_markdown_structure_is_never_prose():
    text = ("---\ntitle: Guide\n---\n\n# Install\n\n- Bread\n- Milk\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
            "[home]: https://example.org\n\n<!-- a note -->\n\n{{< tab \"pip\" >}}\n\n> quoted\n\nProse at last.\n")
    doc = Document("guide.md", text)
    assert [b.kind for b in doc.blocks] == ["front-matter", "heading", "list", "table", "link-definition", "comment",
                                            "directive", "quote", "paragraph"]


def test_an_email_header_block_quotes_and_attribution_lines_are_known():
    text = ("From: Jane Doe <jane@example.org>\nDate: Mon, 3 Jan 2011 10:00:00 +0000\n\nThanks, that works.\n\n"
            "On Sun, Jan 2, 2011 at 9:00 PM, John Roe <john@example.org>\nwrote:\n> Try the nightly build.\n")
    doc = Document("msg.txt", text)
    assert [b.kind for b in doc.blocks] == ["mail-header", "paragraph", "attribution", "quote"]


def test_a_line_continues_the_one_before_when_it_wraps_or_goes_on_in_lower_case():
    long_line = ("Following these guidelines helps maintainers and the community understand your report, reproduce the"
                 " behaviour, and find")
    document = Document("doc.txt", f"Reports\n\n{long_line}\nrelated reports.\n\n{ONE}\nRelated stories\n\n"
                                   "bitcoin-dev mailing list\nbitcoin-dev@lists.example.org\nhttps://lists.example.org/\n")
    assert document.continues(3)  # past the wrap width, but the sentence goes on in lower case
    assert not document.continues(6)  # a sentence ended: a capital opens a line of its own
    assert not document.continues(9) and not document.continues(10)  # an address or a link opens no sentence's rest


def test_a_sentence_ends_at_its_mark_but_not_after_a_month_or_a_title():
    text = "I asked Mr. Bay why. He voted on Dec. 28 with Dr. Roe. It passed!\n"
    doc = Document.from_bytes("a.txt", text.encode())
    assert [text[a:b] for a, b in doc.sentences] == ["I asked Mr. Bay why.", "He voted on Dec. 28 with Dr. Roe.",
                                                     "It passed!"]
