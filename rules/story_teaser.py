"""story-teaser (S112): teasers for another story at a paragraph's edge, found by the source-tag scanner."""
from __future__ import annotations

from doclint.rules.source_tag import SourceTagRule


class StoryTeaser(SourceTagRule):
    """Teaser for another story left at a paragraph's edge: `Read more: <headline>`.

    ## What it does
    Flags a teaser cue (`Read more:`, `Also read:`, `Related:`, `See also:`,
    `Watch |`, `Don't miss:`) followed by another story's headline, on its
    own line or glued to the start or end of a paragraph. Where a headline
    glued before a paragraph ends is chosen by how new its words are to the
    document, by the words of prose that headlines leave out, by the length
    of the document's own headline, and by what opens the paragraph after
    it; in a run over twenty files or more, a teaser that gives another
    document's headline word for word ends where that headline ends. A cue
    that opens a one-line paragraph takes the whole line, unless it ends with
    a full stop (a short paragraph may be glued after the headline); so does
    one whose headline is in title case to the line's end, inside a block
    of lines too (`Suggested Read: 7 Cruises In Barcelona For A Sea
    Retreat`). One or two capitalised words before the noun `Read` make a
    cue (`Suggested Read:`, `Further Read:`, `People Also Read:`; not
    `First Reading:`, which heads a liturgy's text). A cue
    alone on its line (`Also read:`) is flagged too (not, in Markdown, one
    over a list of links or code: a documentation's `See also:`), and so is a heading of
    the author's other posts (`Also by Jane Roe:`); a cue written with
    capitals and no mark before a headline on a line of its own (`Read Also
    NEW YORK TIMES Confesses ...`) is judged, its fix unsafe. A cue with
    its colon and the headline after it that close a line after a word with
    no full stop (`... sobrina de Lucero. Foto: Tomada de redes Lee también:
    Lucero, molesta ...`: the page's caption had none) is taken too, its
    start judged, so unsafe; only a teaser's cue, no other tag, is read
    there. A teaser flattened into
    running text after another sentence is `inline-teaser` (S104).

    ## Why is this bad?
    A teaser's headline is another article's: it splices an unrelated
    sentence into the text.

    ## Example
    ```
    Read more: Melzer shocks Agassi in San Jose The Ethiopian won the Boston marathon.
    ```

    ## Fix safety
    The fix deletes the cue and the headline. It is safe for a cue alone on
    its line and for a cue followed by an address; unsafe wherever the
    headline's end was judged (a teaser glued before a paragraph, or one
    that fills its line).
    """

    code = "S112"
    name = "story-teaser"
