from __future__ import annotations

from dataclasses import dataclass

from doclint.diagnostics import Diagnostic
from doclint.rule import CorpusRule, option
from doclint.text import has_words, stable_hash


@dataclass(frozen=True)
class Options:
    min_documents: int = option(5, "Report a paragraph found in at least this many documents.")
    min_words: int = option(8, "Shorter paragraphs (sign-offs, tags) are left to other rules.")
    markdown: bool = option(False, "Also count documentation's paragraphs: Markdown files and plain texts whose "
                                   "headings are underlined (documentation repeats its own notes on purpose: a "
                                   "`Technical Details` note under six pages).")

    def validate(self):
        return "min-documents must be 2 or more" if self.min_documents < 2 else None


class BoilerplateParagraph(CorpusRule):
    """The same paragraph in many documents: a footer, a disclaimer, a subscription prompt.

    ## What it does
    Counts, across the documents of one run, the paragraphs whose normalised
    text is identical, and reports every occurrence of those found in at least
    `min-documents` documents, with the count and one other location.
    Documentation is left out unless `markdown = true`: Markdown files and
    plain texts with a heading underlined with `=` or `-` (release notes,
    manuals) repeat their own notes on purpose.
    Documents that are copies of one another (the same paragraphs in the
    same order: a file saved five times) count as one: they are one
    duplicate document, which `near-duplicate-document` reports. A
    paragraph that a rule of the source-tag category reports whole (page
    furniture read by its wording, a comment policy) is that rule's one
    finding, and not counted.

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
        from doclint.repeats import paragraph_norms

        if not self.options.markdown and document.is_documentation:
            return []  # documentation: a project's pages say their own notes again on purpose
        # a paragraph a wording rule already reported whole (`Please adhere to our commenting policy ...`, page
        # furniture by its words) is that rule's one finding
        reported = [(d.start, d.end) for d in document.findings if d.rule.category == "source-tag"]
        return [(stable_hash(norm), block.start, block.end)
                for block, norm in zip(document.paragraphs, paragraph_norms(document))
                if has_words(norm, self.options.min_words)
                and not any(a <= block.start and block.end <= b for a, b in reported)]

    def keep(self, signature):
        """Pack the (hash, start, end) triples into one flat array: a tenth of the memory of tuples."""
        from array import array

        return array("q", [x for triple in signature for x in triple])

    def group_keys(self, signature):
        """The paragraph hashes: a paragraph is boilerplate only if other documents share it."""
        if isinstance(signature, list):
            return [h for h, _, _ in signature]
        return list(signature[0::3])

    def check_corpus(self, items, context):
        common = self._common(items)
        where: dict[int, list[tuple[int, int, int]]] = {}
        for n, (_, sig) in enumerate(items):
            for k in range(0, len(sig), 3):
                if sig[k] in common:
                    where.setdefault(sig[k], []).append((n, sig[k + 1], sig[k + 2]))
        for h, places in where.items():
            docs = sorted({n for n, _, _ in places})
            for n, start, end in places:
                other = next(m for m in docs if m != n)
                other_doc = items[other][0]
                _, ostart, oend = next(p for p in places if p[0] == other)
                message = f"Boilerplate paragraph: found in {len(docs)} documents (e.g. {other_doc.path})"
                yield items[n][0], Diagnostic(start, end, message,
                                              related=(self.related(other_doc, ostart, oend, "same paragraph"),))

    def _common(self, items) -> set[int]:
        """Paragraph hashes found in at least `min-documents` documents, counted with numpy (no dict per paragraph)."""
        import numpy as np

        import itertools

        lengths = np.fromiter((len(sig) // 3 for _, sig in items), dtype=np.int64, count=len(items))
        total = int(lengths.sum())
        if not total:
            return set()
        # One flat array of hashes, filled without a temporary object per document (a 1 GB corpus has millions)
        h = np.fromiter(itertools.chain.from_iterable(sig[0::3] for _, sig in items), dtype=np.int64, count=total)
        # Documents that are copies of one another (the same paragraphs in the same order) count once: a file
        # saved five times is one duplicate document (near-duplicate-document's), not five sites' boilerplate.
        content = np.fromiter((hash(tuple(sig[0::3])) for _, sig in items), dtype=np.int64, count=len(items))
        owner = np.repeat(content, lengths)
        order = np.lexsort((owner, h))
        h, owner = h[order], owner[order]
        new = np.ones(len(h), dtype=bool)  # the first occurrence of each (hash, document)
        new[1:] = (h[1:] != h[:-1]) | (owner[1:] != owner[:-1])
        unique, counts = np.unique(h[new], return_counts=True)
        return set(unique[counts >= self.options.min_documents].tolist())
