"""credit-between-sentences (S114): a bracketed credit between two sentences, found by the source-tag scanner."""
from __future__ import annotations

from doclint.rules.source_tag import SourceTagRule


class CreditBetweenSentences(SourceTagRule):
    """A short credit in brackets between two sentences of a paragraph: `... debate. (Source: Reuters) Critics ...`.

    ## What it does
    Flags a bracketed credit that stands after a sentence's end and before a
    capitalised word, where a scraper joined a paragraph that ended with the
    credit to the next: a credit with a cue word (`(Source: ...)`, `(Photo:
    ...)`, `(With inputs from ...)`) or a wire service's (`(Reuters)`), of at
    most eight words and with no sentence end inside it. The families that
    may stand there are those with `mid = true` in
    `rules/source_tag_families.toml`. An agency code (`(ONS)` names what the
    sentence before spoke of), an address, and a bracket that opens a
    sentence (`(Sources close to the talks said ...)`) are not flagged. So is
    a photo's credit after a bar closing its caption, before the headline,
    as Politico's pages print it (`... in Linden, N.J. | Jane Doe/Boston
    Herald via AP U.S. attorney sees ...`, `... | Getty Clinton ...`): a
    photographer and an outlet joined by a slash, or a wire's or a picture
    library's name; its end is judged.

    ## Why is this bad?
    The credit belongs to the page, not the article; left between two
    sentences it breaks the text where no tool that reads paragraphs' edges
    looks.

    ## Example
    ```
    The bill passed after a long debate. (Source: Reuters) Critics said it went too far.
    ```

    ## Fix safety
    The fix deletes the credit and the space before it. It is always unsafe:
    only where the credit stands says it is not the author's.
    """

    code = "S114"
    name = "credit-between-sentences"
    fixable = "unsafe"
