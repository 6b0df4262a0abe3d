"""page-furniture (S113): the web page around an article left in its text, found by the source-tag scanner."""
from __future__ import annotations

import re

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rules.source_tag import SourceTagRule
from doclint.text import ends_sentence

# A site's menu as a crawl extracts it: its items one a line, each a few words, at least MENU_ITEMS of them in a row
# (blank lines between them allowed), MENU_HITS or more and a third of them naming a site's sections or actions
# (below). A list of names, of ingredients or of a story's points names none of these; a word the rest of the
# document uses MENU_TOPIC times or more is its topic, not a menu's (`cart` on a dictionary's page for "cart").
# Examples of menus: "PPAA Home / About Our Blog / Commenting Policy / Become a Volunteer / Receive Care",
# "Post navigation / Get Involved / Subscribe to our weekly update: / Donate / Volunteer".
NAVIGATION_WORDS = frozenset("""home|about|about us|contact|contact us|blog|news|events|login|log in|sign in|sign up
|register|search|menu|faq|faqs|privacy policy|privacy|terms|terms of use|shop|cart|donate|subscribe|archives|archive
|categories|resources|services|products|support|careers|gallery|videos|photos|team|our work|get involved|volunteer
|links|sitemap|site map|help|my account|newsletter|store|press|partners|membership|join us|forum|forums|community
|downloads|portfolio|pricing|skip to content|main menu|navigation""".replace("\n", "").split("|")) | frozenset(
    # a page's share buttons, one a line ("Share / Facebook / Linkedin / Twitter / Email" on NIST's news pages)
    "share|facebook|twitter|linkedin|whatsapp|pinterest|reddit|tweet|print|email|e-mail".split("|")) | frozenset(
    # a news site's sections ("Fox Business / Money / Markets / Lifestyle / Real Estate / Tech / Sports / TV")
    """politics|world|business|sports|entertainment|health|science|technology|tech|opinion|lifestyle|travel|weather
|video|markets|money|real estate|local news|national|culture|arts|style|podcasts|tv|obituaries|crime|education
|economy|climate|environment|gaming|reviews|deals""".replace("\n", "").split("|"))
MENU_ITEMS = 4
MENU_ITEM_WORDS = 5
MENU_ITEM_CHARS = 50
MENU_HITS = 2
MENU_TOPIC = 3
_NAVIGATION = lazyre.compile(r"\b(?:" + "|".join(sorted(map(re.escape, NAVIGATION_WORDS), key=len, reverse=True))
                             + r")\b", re.IGNORECASE)


class PageFurniture(SourceTagRule):
    """The web page around the article left in its text: prompts, buttons, navigation, banners.

    ## What it does
    Flags what a scraper kept of the page: prompts that send the reader
    elsewhere (`Follow us on Twitter @newsdesk`, `Click here to subscribe to
    our newsletter.`, `Share this article`, `Download our app`), page labels
    and buttons (`Advertisement`, `2 min read`, `Tags: a, b, c`, a
    label alone on its line over the tags one to a line, `Tagged with:` /
    `Grand Theft` / `Vehicle Loan`, up to the page's next widget, lines
    that are only links to the site's tag pages (two or more, or one under
    a label of tags: `- [2026](https://example.com/news/?tags=2026)`, also
    in Markdown), a
    widget's label closing the page with nothing under it, `Authors:`,
    `Tags:`, `Posted in:`, `Back to
    top`, `Comments (12)`, `Facebook Twitter WhatsApp Email`, a blog's
    widgets: `Tag Archives: ...`, `Archives Select Month March 2021 ...`,
    `0 shares`, `Post navigation`, a row of links between a serial's pages:
    `Previous Chapter | Index | Next Chapter`, a tabloid's labels as a tokenised dataset
    keeps them: `PUBLISHED: .`, `Write caption here .`, `VIDEO <title> .`
    (line furniture may end at a spaced stop, ` .`), an image's
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

    A site's menu as a crawl extracts it is reported whole: four or more
    short lines in a row (five words at most, no sentence's end, not ending
    with a semicolon or a comma as a sentence's parts do; blank
    lines between them allowed), two or more and a third of them naming a
    site's sections or actions (`NAVIGATION_WORDS`: `Home`, `About Us`,
    `Donate`, `Volunteer`, ..., a news site's sections: `Politics`, `Tech`,
    `Real Estate`, ..., and share buttons: `Share` / `Facebook` /
    `Linkedin` / `Twitter` / `Email`), two of them different, unless the rest of
    the document uses the word three times or more (a dictionary's page for
    `cart`); a run under a label of the author's (`Services Provided:`,
    not `Menu:`) is a list. After its last item that names a section or an
    action, a line with a number or a release's mark (`FOR IMMEDIATE
    RELEASE`, `Friday, September 27, 2019`), or a label and what it labels
    (`Credit:` / `CTL`), ends the menu, and before its first such item a
    date or a number (the story's date over its share buttons) is not part
    of it: the page's own
    text. A list of
    names or of ingredients names none; Markdown and mail are not read so.

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
    paragraph's end) and for a menu (its items are judged).
    """

    code = "S113"
    name = "page-furniture"

    def check(self, document, context):
        page = not (document.markdown or document.is_mail)
        menus = list(_menus(document)) if page else []
        tags = list(_tag_lists(document)) if page and _TAG_CUE.search(document.text) else []
        tags += list(_tag_links(document)) if _TAG_ADDRESS.search(document.text) else []
        label = _empty_label(document) if page else None
        blocks = [(a, b) for a, b, _ in menus + tags]  # the scanner's findings inside them are theirs
        for found in super().check(document, context):
            if not any(a <= found.start < b for a, b in blocks):
                yield found
        for a, b, items in menus:
            shown = ", ".join(items[:4]) + (", …" if len(items) > 4 else "")
            yield Diagnostic(a, b, f"Navigation menu of the page ({len(items)} items: {shown})",
                             fix=Fix.unsafe(_menu_edit(document.text, a, b), message="Delete the menu"))
        if label is not None and not any(a <= label[0] < b for a, b in blocks):
            a, b, cut = label
            yield Diagnostic(a, b, f'A widget\'s label with nothing under it, closing the page: "{document.text[a:b]}"',
                             fix=Fix.safe(Edit(cut, b), message="Delete the label"))
        for a, b, items in tags:
            shown = ", ".join(items[:4]) + (", …" if len(items) > 4 else "")
            yield Diagnostic(a, b, f"The page's list of tags ({len(items)}: {shown})",
                             fix=Fix.unsafe(_menu_edit(document.text, a, b), message="Delete the tags"))


def _short_item(line: str) -> bool:
    return (0 < len(line.split()) <= MENU_ITEM_WORDS and len(line) <= MENU_ITEM_CHARS
            and not ends_sentence(line) and not line.endswith((";", ",")))  # (a list written as one sentence's
    # parts, `National Defense;` / `International Affairs;`, is the text's)


def _menus(document):
    """(start, end, items) of each run of a site's menu items (see NAVIGATION_WORDS)."""
    text, run = document.text, []
    for k in range(document.line_count + 1):
        line = document.line_text(k).strip() if k < document.line_count else "."  # a sentence closes the last run
        if not line:
            continue  # blank lines between a menu's items
        start = document.line_span(k)[0] if k < document.line_count else len(text)
        if _short_item(line) and not document.in_code(start):
            run.append((k, line))
            continue
        if len(run) >= MENU_ITEMS and _a_menu(text, run, document):
            # after its last item that names a section or an action, the menu ends at a line no menu holds: a
            # date, a number, a release's mark (`FOR IMMEDIATE RELEASE` / `Friday, September 27, 2019` under a
            # prosecutor's menu are the release's own)
            named = max((n for n, (_, item) in enumerate(run) if _NAVIGATION.search(item) and not item.endswith(":")),
                        default=0)  # (a label is no item: `Business Hours:` over the page's own hours)
            cut = next((n for n in range(named + 1, len(run)) if _NOT_AN_ITEM.search(run[n][1])
                        or run[n - 1][1].endswith(":") or run[n][1].endswith(":")), len(run))
            del run[cut:]  # (a label's own line is what it labels: `Share:` / `Press Release`, `Credit:` / `CTL`)
            # before its first item that names one, a date or a number is the page's own (a story's date over
            # its share buttons: `November 01, 2023` / `Share` / `Facebook` / ...)
            opening = min(n for n, (_, item) in enumerate(run) if _NAVIGATION.search(item))
            while opening and not _NOT_AN_ITEM.search(run[opening - 1][1]):
                opening -= 1
            del run[:opening]
            if len(run) >= MENU_ITEMS:
                first, last = run[0][0], run[-1][0]
                yield document.line_span(first)[0], document.line_span(last)[1], [item for _, item in run]
        run = []


def _a_menu(text: str, run, document) -> bool:
    """Whether a run of short lines names enough of a site's sections or actions (see NAVIGATION_WORDS) that the
    rest of the document does not write about."""
    label = run[0][1]
    if label.endswith(":") and not _NAVIGATION.fullmatch(label[:-1].strip()):
        return False  # a list under the author's label ("Services Provided:" over the services), not "Menu:"
    first, last = document.line_span(run[0][0])[0], document.line_span(run[-1][0])[1]
    rest = (text[:first] + " " + text[last:]).lower()
    hits, named = 0, set()
    for _, item in run:
        m = _NAVIGATION.search(item)
        if m and len(re.findall(rf"\b{re.escape(m.group().lower())}\b", rest)) < MENU_TOPIC:
            hits += 1
            named.add(m.group().lower())
    # (sections of one name, "Moving Services" / "Storage Services", are a list of a business's services)
    return len(named) >= MENU_HITS and hits * 3 >= len(run)


# A blog's or a news site's tags, their label alone on a line and one tag to a line under it ("Tagged with:" /
# "Salvador Roe" / "Sexual Assault"): the site's index, not the story. At most TAG_ITEMS of them.
_TAG_LABEL = lazyre.compile(r"(?:tags?|tagged(?:\s+(?:with|as|in|under))?|filed\s+(?:under|in)|categories|category)"
                            r"\s*:?", re.IGNORECASE)
_TAG_CUE = lazyre.compile(r"(?im)^[ \t]*(?:tag|filed|categor)")
TAG_ITEMS = 12
_NOT_A_TAG = lazyre.compile(r"(?:share|tweet|print|e-?mail|comments?|leave\s+a\s+(?:reply|comment)"
                            r"|(?:latest|recent|related|popular|more)\s+(?:posts|stories|articles|news))\b", re.IGNORECASE)


# A page's tags as links to its tag pages, one or more to a line, perhaps as a list (`- [2026](https://example.com/
# news/?tags=2026)` / `- [Codex](https://example.com/news/?tags=codex)`, a blog scraped to Markdown): two or more
# links, or one under a label of tags (`### Tags` / `[By LangChain](https://example.com/tag/by-langchain/)`).
_TAG_PAGE = r"\]\([^()\s]*(?:/tags?/|[?&]tags?=|/categor(?:y|ies)/)[^()\s]*\)"  # a link's address to a tag page
_TAG_ADDRESS = lazyre.compile(_TAG_PAGE)
_TAG_LINK = r"\[[^\[\]\n]{1,60}" + _TAG_PAGE
_TAG_LINK_LINE = lazyre.compile(rf"(?:[-*+][ \t]+)?{_TAG_LINK}(?:[ \t]*[,|·•]?[ \t]*{_TAG_LINK})*")
_LINK_TEXT = lazyre.compile(r"\[([^\[\]\n]{1,60})\]\(")


def _tag_links(document):
    """(start, end, items) of each run of lines that are only links to the page's tag pages (see _TAG_ADDRESS)."""
    run = []
    for k in range(document.line_count + 1):
        line = document.line_text(k).strip() if k < document.line_count else ""
        if line and _TAG_LINK_LINE.fullmatch(line) and not document.in_code(document.line_span(k)[0]):
            run.append(k)
            continue
        if not line and k < document.line_count and run:
            continue  # blank lines between a list's items
        if run:
            items = [t for n in run for t in _LINK_TEXT.findall(document.line_text(n))]
            before = next((document.line_text(n).strip() for n in range(run[0] - 1, -1, -1)
                           if document.line_text(n).strip()), "")
            if len(items) >= 2 or _TAG_LABEL.fullmatch(before.lstrip("#").strip()):
                yield document.line_span(run[0])[0], document.line_span(run[-1])[1], items
        run = []


def _tag_lists(document):
    """(start, end, items) of each tag label alone on its line with its tags under it (see _TAG_LABEL)."""
    k = 0
    while k < document.line_count:
        if not _TAG_LABEL.fullmatch(document.line_text(k).strip()):
            k += 1
            continue
        items, last, n = [], k, k + 1
        while n < document.line_count and len(items) < TAG_ITEMS:
            line = document.line_text(n).strip()
            if line and (not _short_item(line) or _NOT_A_TAG.match(line)):
                break  # (a sentence, or the page's next widget: `Share`, `Latest Posts`)
            if line:
                items.append(line)
                last = n
            n += 1
        if items:
            yield document.line_span(k)[0], document.line_span(last)[1], items
        k = last + 1


# A widget's label left as a document's last line, its content dropped by the scrape ("Authors:" under a CNN page,
# "Tags:", "Posted in:"): a label with nothing to label.
_EMPTY_LABEL = lazyre.compile(r"(?:authors?|by|tags?|tagged(?:\s+with)?|posted\s+in|filed\s+under|categories|category"
                              r"|topics|keywords|comments?)\s*:", re.IGNORECASE)


def _empty_label(document):
    """(start, end, where its deletion starts) of the document's last line with words when it is a widget's label
    alone (see _EMPTY_LABEL)."""
    k = document.line_count - 1
    while k > 0 and not document.line_text(k).strip():
        k -= 1
    line = document.line_text(k)
    if k == 0 or not _EMPTY_LABEL.fullmatch(line.strip()):
        return None
    start = document.line_span(k)[0] + len(line) - len(line.lstrip())
    before = k - 1
    while before > 0 and not document.line_text(before).strip():
        before -= 1
    # (the deletion runs from the end of the text's last line before it: the blank lines go, the final break stays)
    return start, start + len(line.strip()), document.line_span(before)[1]


_NOT_AN_ITEM = lazyre.compile(r"\d|\bfor\s+(?:immediate\s+)?release\b|\bembargoed\b", re.IGNORECASE)


def _menu_edit(text: str, start: int, end: int) -> Edit:
    """The deletion of a menu's lines with their line breaks, and of the blank lines after it where it opens the
    text or where a blank line before it already parts the text around it."""
    end += text[end:end + 1] == "\n"
    if start == 0 or text[max(0, start - 2):start] == "\n\n":
        while end < len(text) and text[end] == "\n":
            end += 1
    return Edit(start, end)
