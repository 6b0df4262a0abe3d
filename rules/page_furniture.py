"""page-furniture (S113): the web page around an article left in its text, found by the source-tag scanner."""
from __future__ import annotations

from doclint.rules.source_tag import SourceTagRule


class PageFurniture(SourceTagRule):
    """The web page around the article left in its text: prompts, buttons, navigation, banners.

    ## What it does
    Flags what a scraper kept of the page: prompts that send the reader
    elsewhere (`Follow us on Twitter @newsdesk`, `Click here to subscribe to
    our newsletter.`, `Share this article`, `Download our app`), page labels
    and buttons (`Advertisement`, `2 min read`, `Tags: a, b, c`, `Back to
    top`, `Comments (12)`, `Facebook Twitter WhatsApp Email`, a blog's
    widgets: `Tag Archives: ...`, `Archives Select Month March 2021 ...`,
    `0 shares`, `Post navigation`, an image's
    controls: `Enlarge this image toggle caption <credit>`, `VIEW GALLERY -
    2 IMAGES`, an embedded video's length and title: `00:28 Jane Doe tries
    a chip butty – video`), an opinion page's disclaimer (`The views
    expressed in this commentary are solely those of Jane Doe.`), a page
    speaking of itself to its reader (`On this page you will find today's
    show transcript ...`, `Thank you for using Example News!`), an editor's note on the story itself (`Update, March 24:
    This story, originally published ..., has been updated ...`), section headers (`Related stories`, `Most read`), paywall and
    cookie banners, an embedded post's leftovers (`Media playback is
    unsupported on your device`, `Watch on YouTube`), a blog's furniture
    (`Filed under: A, B Tagged: C`, `Comment Policy: ...`, a notice that
    its articles may be republished or shared whole, a page break:
    `Continued below...`), calls to like, share or comment on a line of
    their own (`Spread the word! LIKE and SHARE this article ...`, `Please
    post your comments in the comments below.`; closing the author's own
    paragraph, the same words are the author's)
    and an encyclopedia's frame (`From Wikipedia, the free encyclopedia`,
    `History[edit]`).

    A prompt that its own words close (`... @handle`, `... newsletter.`) is
    flagged on its own line or glued to a paragraph's start or end. Furniture
    that is only words (`Advertisement`, `Most read`) counts as a whole line
    (also the first line, where a title would stand: a page's toolbar above
    the story),
    unless the line is shaped as a heading and the next paragraph's first
    sentence is about its words (`Privacy policy` / `Our privacy policy
    explains ...`); furniture of two words or more is also flagged where it
    ends a paragraph after its last sentence (`... the vote. Print this
    page`; not in Markdown, where a README's paragraph may close so: `More
    on serializers later.`). Prose that uses the same words (`Follow us,
    the mayor told the crowd`, `Share prices fell 3%`) is not flagged, nor,
    in Markdown and mail, a call right before the address it gives
    (`Register here:` over `https://...`: the writer's own).

    ## Why is this bad?
    These lines belong to the page, not the article: they repeat across
    documents, break sentences apart, and teach models to emit them.

    ## Example
    ```
    Shares fell. Follow us on Instagram @wirefeed

    Advertisement
    ```

    ## Fix safety
    The fix deletes the furniture and the whitespace that glued it, or the
    whole line or paragraph when it stands alone. It is safe when its extent
    is certain (a whole line, a prompt its own words close); unsafe for
    furniture found only by where it stands (words of furniture glued to a
    paragraph's end).
    """

    code = "S113"
    name = "page-furniture"
