from __future__ import annotations

from dataclasses import dataclass

from doclint.diagnostics import Diagnostic
from doclint.rule import CorpusRule, option
from doclint.text import normalize, stable_hash, words


@dataclass(frozen=True)
class Options:
    min_documents: int = option(5, "Report a paragraph found in at least this many documents.")
    min_words: int = option(8, "Shorter paragraphs (sign-offs, tags) are left to other rules.")

    def validate(self):
        return "min-documents must be 2 or more" if self.min_documents < 2 else None


class BoilerplateParagraph(CorpusRule):
    """The same paragraph in many documents: a footer, a disclaimer, a subscription prompt.

    ## What it does
    Counts, across the documents of one run, the paragraphs whose normalised
    text is identical, and reports every occurrence of those found in at least
    `min-documents` documents, with the count and one other location.

    ## Why is this bad?
    Boilerplate is not content. Repeated across a corpus it dominates
    statistics and is memorised by models trained on the text.

    ## Example
    `This article is for information only and does not constitute financial
    advice.` at the end of 40 documents.

    ## Fix safety
    No fix: boilerplate is sometimes wanted (a licence notice); remove it with
    a pattern in your pipeline once you have decided.
    """

    code = "D202"
    name = "boilerplate-paragraph"
    category = "duplicate"
    severity = "info"
    Options = Options

    def signature(self, document):
        out = []
        for block in document.paragraphs:
            norm = normalize(document.block_text(block))
            if len(words(norm)) >= self.options.min_words:
                out.append((stable_hash(norm), block.start, block.end))
        return out

    def check_corpus(self, items, context):
        where: dict[int, list[tuple[int, int, int]]] = {}
        for n, (_, sig) in enumerate(items):
            for h, start, end in sig:
                where.setdefault(h, []).append((n, start, end))
        for h, places in where.items():
            docs = sorted({n for n, _, _ in places})
            if len(docs) < self.options.min_documents:
                continue
            for n, start, end in places:
                other = next(m for m in docs if m != n)
                other_doc = items[other][0]
                _, ostart, oend = next(p for p in places if p[0] == other)
                message = f"Boilerplate paragraph: found in {len(docs)} documents (e.g. {other_doc.path})"
                yield items[n][0], Diagnostic(start, end, message,
                                              related=(self.related(other_doc, ostart, oend, "same paragraph"),))
