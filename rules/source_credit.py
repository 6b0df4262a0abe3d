"""source-credit (S111): credits to a story's source left at a paragraph's edge, found by the source-tag scanner."""
from __future__ import annotations

from doclint.rules.source_tag import SourceTagRule


class SourceCredit(SourceTagRule):
    """Credit to a news agency, outlet, photographer or syndicating site left at a paragraph's edge.

    ## What it does
    Flags a credit that is not part of the article's sentences, on its own
    line or glued to the start or end of a paragraph: a cue and a source
    (`Source: Reuters`, `Image copyright AFP`, `Foto: dpa`, `Via BBC News`),
    a bracketed credit (`(Source:www.tbsnews.com)`, `(With inputs from
    PTI)`, `(AP Photo/John Doe)`, `(IANS)`), a wire's sign-off (`... said. -
    Reuters`, `Avec AFP`, `UNB, Dhaka`), a byline's credit at a line's end
    (`Photo by Jane Doe`, `Written by our staff reporter`), a contributor
    line (`Reuters contributed to this report.`), a copyright footer
    (`(c) 2024 Reuters. All rights reserved.`) and syndication notes (`This
    article was originally published on ...`, `The post ... appeared first
    on ...`, `A version of this piece also appeared on ...`, `SOURCE Acme
    Corporation`, `With files from The Canadian Press`, `With Post wires`,
    `By kind permission of Johnson Matthey.`, a caption's `Ashley Ludwig
    photo.`, `This report by The
    Canadian Press was first published Dec. 28, 2023.`, `See the original
    story at ...`). Tags that a site stacked at a story's end, each ending
    where the next begins, are found one by one back from the line's end
    (up to three more, a wire's `___` separator between them going with the
    next: `... said. This report by The Canadian Press was first published
    Dec. 28, 2023. ___ Follow @JClipperton_CP on X. Joshua Clipperton, The
    Canadian Press`). A wire's credit
    may be glued before a paragraph's first words (`— Yonhap Seoul and
    ...`, `SOURCE: dpa/UNB The talks ...`, `Reporting by UNB staff; Editing
    by Kyodo desk The two sides ...`: a credit chain ends before a
    capitalised word that opens a sentence); where such a credit ends is
    judged, so its fix is unsafe. An image's credit glued to the text's
    last word with no space, as datasets that joined a page's paragraphs
    keep it (`... November 5, 2017Featured image via Jane Doe/Getty
    Images`), is found there too. A photo credit after a dash closes
    a caption with no full stop of its own (`The team at the final - Photo:
    Jane Doe`); where a scraped gallery prints each caption and credit twice
    on one line, the first credit ends where the caption's copy begins. A
    cue with a colon (or a hat tip) that opens a short line of its own takes
    the whole line, whatever its words' shape (`Photo Credit: jiazi via
    Compfight cc`, `h/t Preamble to the U.S. Constitution @ example.com`).
    A paragraph that is only an address signs off the story when it is the
    story's own address (most words of its path are the story's:
    `https://example.com/2017/11/13/the-slow-turning-of-the-harbour-town/`)
    or a site's home page among the last blocks, and it ends the document or
    a part of it; the story's own address is also one under the title that
    opens the document, with the story under it, as datasets of saved pages
    record it (`Trump's First 100 Days ...` / `http://example.com.au/2017/04/27/
    trumps-first-100-days-.../`); not after a line that introduces it or the list of
    addresses it closes (`... is online:`, `For More Information See:`), not
    where three or more different addresses with a path stand alone (a story
    has one address of its own: several are the author's list of links), and
    not in Markdown, sectioned documents or mail (a link there is the
    author's answer). In Markdown, a whole line of the README's own credit
    is its text (`Source: https://...`, `Credits:`, `Reported by ...`);
    a wire's credit (`Reporting by ...; Editing by ...`) is still flagged. A reporter's name
    after a dash closing a paragraph's last sentence (`... the GAO
    reported. — Jane Doe`) is a sign-off where
    two lines of the document or more end so (a roundup's items), and not
    where the paragraph is one quotation with its speaker. A bracketed
    credit right after another tag that opens the line is flagged too
    (`Expand | Collapse (Photo: Reuters/Jane Doe) Ampoules ...`), and a
    photographer's credit whose outlet no wording knows (`(Jane Doe /
    Townist)`) where the same credit closes three lines of the document or
    more (`GALLERY_CREDITS`: a gallery's captions). A credit that a
    picture library or a wire closes is one whatever the photographer's
    name looks like (`Image Credit: sciencepics / Shutterstock` glued after
    a sentence, `d3sign via Getty Images`), and also where a title would
    stand (`Jane Doe via Getty Images` as a page's first line).

    The wordings are the `source-credit` families of
    `rules/source_tag_families.toml`; what follows a cue is judged by its
    shape: a domain, URL or handle; a short agency-like name, which ends well
    on a word that ends outlets' names (`Tribune`, `News`) and never on a
    possessive or a comma. A credit in brackets that closes a paragraph
    (`... in Geneva (Reuters)`, or a wire's reporting credit after another
    bracket: `... ($1 = 0.8019 euros) (Reporting by Jane Roe; Writing by John
    Doe)`) is flagged; one inside a sentence
    (`according to Reuters`, `(source: WHO)` mid-sentence) never is, nor is
    a licence's own copyright notice (a text with licence phrases, or a file
    named `LICENSE`, `NOTICE`, `COPYING`, `AUTHORS`, ...), an authorship
    line with its mail address (`Written by Jane Doe <jane@example.org>`),
    a writer's byline among the first two prose blocks or right above the
    story's first paragraph, below a page's menus and date (`SHARES` / `03
    Apr 2023` / `Written by Jane Roe` / the story), or a few short blocks
    above it (`written by Jane Roe` / `Sharing is caring!` / `0shares` / the
    story; a menu's block of short lines is no story),
    or a word of a list of short lines. Tags matched by the `extend-patterns`
    option are reported here. One scan serves `source-credit`,
    `story-teaser`, `page-furniture` and `credit-between-sentences`; before
    they were split, the four were one rule, `source-tag` (S101), and that
    code and name still select all four.

    ## Why is this bad?
    A credit belongs to the page, not the article: it repeats across a
    corpus's documents, breaks sentences apart, and teaches a model to emit
    agency names where a text has none.

    ## Example
    ```
    (Source:www.tbsnews.com)\u00a0During Russian President Vladimir Putin's visit...

    Image copyright Getty Images
    ```

    ## Fix safety
    The fix deletes the credit and the whitespace that glued it, or the whole
    line or paragraph when it stands alone. It is safe when the credit's
    extent is certain (a bracketed credit, a credit that fills its line); it
    is unsafe when the end of a source's name glued before the article's text
    was inferred (`Source: AP Italy skipper Marco Bortolami ...`, a credit
    before a caption's copy, a short line read whole, an address), when the
    credit's cue comes last (`... contributed to this report.`), for a
    bracketed credit after another tag (no paragraph's edge), for a
    gallery's repeated credit, and for a
    bracketed source that closes a line with no full stop (it may be a
    caption's citation).
    """

    code = "S111"
    name = "source-credit"
    supersedes = frozenset({"T101"})  # a paragraph that is a credit is no other story's
