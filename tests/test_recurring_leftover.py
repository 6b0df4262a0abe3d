"""recurring-leftover (S201) beyond its fixtures: which lines of an aggregator's footer it learns."""
from __future__ import annotations

from conftest import make_linter
from doclint.document import Document

STORIES = [
    ("Harbour plan approved", "The council approved the harbour plan on Tuesday after a long debate about its cost."),
    ("Bus fares to rise", "Bus fares will rise by five cents in March, the operator said on Monday."),
    ("Library opens late", "The central library will stay open until nine on weekdays from next month."),
]


def _release(n: int, title: str, body: str) -> str:
    """A press release as an aggregator republishes it: its story, then a footer of links, each to this story."""
    slug = title.lower().replace(" ", "-")
    return (f"# {title}\n\n{body}\n\n---\n\n[Original source press release](https://example.org/release/{n}/{slug})\n\n"
            f"[Summary of the news](https://summaries.example.net/{slug}/{n}a7f)\n\n"
            f"Pickup - [harbourtimes.example](https://harbourtimes.example/{slug})\n\n"
            f"[Discussion on the forum](https://forum.example.com/r/{n}/{slug})\n\n"
            f"![Registration](https://cdn.example.com/qr/{n}.webp)\n")


def _found_lines(texts):
    docs = [Document.from_bytes(f"doc{i}.txt", t.encode()) for i, t in enumerate(texts)]
    return sorted({(int(d.path[3]), d.line) for d in make_linter(["S201"]).check_corpus(docs)})


def test_footer_links_to_each_story_are_one_fragment_behind_the_footer_that_reaches_the_edge():
    # Compared by the text a reader sees, the links are the same lines in every document; "[Original source]" is
    # the fifth block from the end, at the edge only behind the footer's other recurring lines.
    found = _found_lines([_release(n, title, body) for n, (title, body) in enumerate(STORIES)])
    for doc in range(3):
        assert [line for d, line in found if d == doc] == [7, 9, 11, 13, 15]


def test_a_recurring_line_with_the_storys_own_text_after_it_is_not_at_the_edge():
    texts = [_release(n, title, body).replace("\n\n[Summary of the news]", f"\n\nMore on {title.lower()}: {body}\n\n"
                                                                       "[Summary of the news]", 1)
             for n, (title, body) in enumerate(STORIES)]
    found = _found_lines(texts)
    assert (0, 7) not in found and (0, 17) in found  # the story's own paragraph stands between it and the footer


def _raw_message(n: int, title: str, body: str) -> str:
    """A raw multipart message as a list archive keeps it: header, the text part, then the list's footer part."""
    return (f"From: writer{n}@example.org\nSubject: {title}\nMIME-Version: 1.0\n"
            f'Content-Type: multipart/mixed; boundary="===============4334112{n}=="\n\n'
            f'--===============4334112{n}==\nContent-Type: text/plain; charset="UTF-8"\n'
            "Content-Transfer-Encoding: quoted-printable\n\n"
            f"Hi all,\n\n{body}\n\nThanks,\nWriter {n}\n\n"
            f'--===============4334112{n}==\nContent-Type: text/plain; charset="us-ascii"\nMIME-Version: 1.0\n'
            f"Content-Transfer-Encoding: 7bit\nContent-Disposition: inline\n\n"
            f"Harbour users mailing list, archived for every member\n\n--===============4334112{n}==--\n")


def test_a_raw_messages_mime_part_headers_are_structure_not_a_leftover():
    texts = [_raw_message(n, title, body) for n, (title, body) in enumerate(STORIES)]
    docs = [Document.from_bytes(f"doc{i}.eml", t.encode()) for i, t in enumerate(texts)]
    assert all(d.is_mail for d in docs)
    found = sorted({(int(d.path[3]), d.line) for d in make_linter(["S201"]).check_corpus(docs)})
    assert found == [(0, 23), (1, 23), (2, 23)]  # the footer's line; no part's `Content-Type: ...` lines
