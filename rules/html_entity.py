from __future__ import annotations

import html
from html.entities import html5

from dataclasses import dataclass

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix

from doclint.rule import Rule, option
from doclint.rules.mojibake import claimed, settled

# In Markdown, an entity reference is syntax: renderers show `&mdash;`, `&nbsp;`, `&#8217;` or `&lt;div&gt;` as the
# character, and authors write them on purpose (the real documents' labels call them no defect). What a reader sees
# wrong is an entity escaped twice, `&amp;quot;` (shown as `&quot;`), and one without its semicolon, which CommonMark
# does not read (`&mdash` stays as typed).
_DOUBLE_ESCAPE = lazyre.compile(r"&amp;(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _markdown_syntax(text: str, at: int, entity: str) -> bool:
    return entity.endswith(";") and not _DOUBLE_ESCAPE.match(text, at)


_ENTITY = lazyre.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
                         # without the semicolon, as browsers still read them: numeric references of two digits or more,
                         # and the common named ones ("&nbsp" may be glued to the next word, the others may not)
                         r"|&(?:#[0-9]{2,7}(?![0-9;])|#[xX][0-9a-fA-F]{2,6}(?![0-9a-fA-F;])|nbsp(?!;)"
                         r"|(?:amp|quot|lt|gt|mdash|ndash|rsquo|lsquo|rdquo|ldquo|hellip|copy|reg|trade)(?![A-Za-z0-9;]))")


@dataclass(frozen=True)
class Options:
    letters: bool = option(False, "Also flag entities that stand for letters or digits, such as `&#233;` (é).")


class HtmlEntity(Rule):
    """HTML entity left in plain text.

    ## What it does
    Flags named and numeric character references such as `&amp;`, `&quot;`,
    `&#39;`, `&#8217;` and `&nbsp;`: escapes of markup characters, quotes,
    spaces and punctuation that a scraper forgot to unescape. Also without
    their semicolon, as browsers still read them: numeric references
    (`It&#8217s`), `&nbsp` (even glued to the next word) and the common named
    ones followed by a space or punctuation (`Tom &amp Jerry`; never `AT&T`). Entities that
    stand for a letter or digit (`&#233;` for `é`) are left alone unless the
    `letters` option is on: some publishers write accented letters that way on
    purpose, and the text still reads unambiguously. An entity that is part of
    mojibake escaped for the web (`Ã&copy;` for `é`) is left to `mojibake`,
    which repairs the whole stretch. Inside a mail's HTML copy of its text
    (a MIME part of type text/html left in the text) entities are the
    markup's own: the part is `mail-furniture`'s. In Markdown files (`.md`),
    code spans, code blocks and HTML comments are left alone, and so are
    complete entity references (`&mdash;`, `&nbsp;`, `&lt;div&gt;`), which
    Markdown renders as their characters; an entity escaped twice
    (`&amp;quot;`, shown as `&quot;`) or without its semicolon is flagged.

    ## Why is this bad?
    The text was unescaped once too few times: readers see `&#39;` where an
    apostrophe belongs, and the same sentence stops matching itself.

    ## Example
    `Tony Blair&#39;s plan &amp; its critics`

    Use instead: `Tony Blair's plan & its critics`

    ## Fix safety
    The fix replaces the entity with the character it stands for. It is safe.
    (`&nbsp;` becomes a non-breaking space, which `non-breaking-space` then
    turns into a space.)
    """

    code = "E106"
    screen = frozenset("&")
    name = "html-entity"
    category = "encoding"
    severity = "warning"
    fixable = "safe"
    Options = Options

    def check(self, document, context):
        text = document.text
        if "&" not in document.suspects:
            return
        in_mojibake = None
        markdown = document.markdown
        for m in _ENTITY.finditer(text):
            entity = m.group()
            if entity[1] != "#" and (entity[1:] if entity.endswith(";") else entity[1:] + ";") not in html5:
                continue
            if document.in_example_code(m.start()) or (markdown and _markdown_syntax(text, m.start(), entity)):
                continue
            if document.in_html_part(m.start()):
                continue  # a mail's HTML copy of its text: entities are its syntax (the part is mail-furniture's)
            char = html.unescape(entity if entity.endswith(";") else entity + ";")
            if char == entity or (char.isalnum() and not self.options.letters):
                continue
            if in_mojibake is None:
                in_mojibake = claimed(document)
            if in_mojibake(m.start()):
                continue  # `Ã&copy;`: mojibake escaped for the web, repaired whole by the mojibake rule
            shown = char if char.isprintable() and not char.isspace() else f"U+{ord(char[0]):04X}"
            yield Diagnostic(m.start(), m.end(), f'HTML entity "{entity}" should be "{shown}"',
                             fix=settled(document, m.start(),
                                         Fix.safe(Edit(m.start(), m.end(), char), message=f"Replace with {shown}")))

