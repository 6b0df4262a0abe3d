"""The worker: turns a task (a document's bytes) into a document result, with the same code in every executor.

The local pool's processes and Ray's workers each hold one Worker and call it
for every task. What comes back is small: the diagnostics, the fixed text if
it changed, a stub with the document's line index, and the corpus rules'
signatures; memory in the process that gathers results therefore grows with
the signatures, not with the corpus.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from doclint.document import Document
from doclint.engine import Linters
from doclint.options import CheckOptions
from doclint.suppression import unknown_selectors


@dataclass(frozen=True)
class Task:
    display: str  # the name reports use: a path, or `corpus.jsonl#12` for a record
    data: bytes
    record: dict | None = None  # a JSONL record's file, number and id
    linter: int = 0  # the number of the linter of the document's configuration (see engine.Linters)


@dataclass
class DocumentResult:
    display: str
    diagnostics: list
    fixed: int = 0
    new_text: str | None = None  # the fixed text, when it changed
    new_bytes: bytes | None = None
    old_text: str | None = None
    stub: object = None
    signatures: dict = field(default_factory=dict)
    binary_at: int | None = None  # where the NUL byte of a binary file is (it is not checked)
    diverged: bool = False  # fixing did not converge: the document is left as it was
    text: str | None = None  # the document's text, for --show-source
    notes: list = field(default_factory=list)  # warnings about the document (a suppression naming no rule)


class Worker:
    """Checks (or fixes) one document per call. `signatures` says whether corpus signatures are computed (they
    cost an import of numpy, pointless for a lone document); `statistics_file` is where a worker started before
    the corpus statistics existed finds them (see statistics.save)."""

    def __init__(self, linters: Linters, options: CheckOptions, signatures: bool = True,
                 statistics_file: str | None = None):
        self.linters = linters
        self.options = options
        self.signatures = signatures
        self.statistics_file = statistics_file

    def prepare(self) -> None:
        """Load what the rules need before worker processes are started (so that forked ones share it)."""
        for linter in self.linters.all:
            for rule in linter.rules:
                rule.prepare()

    def __call__(self, task: Task) -> DocumentResult:
        if self.statistics_file is not None and self.linters.context.corpus is None:
            from doclint import statistics

            self.linters.context.corpus = statistics.load(self.statistics_file)
        linter = self.linters[task.linter]
        document = Document.from_bytes(task.display, task.data)
        document.record = task.record
        if document.binary:
            return DocumentResult(task.display, [], binary_at=document.problem.byte_offset)
        done = DocumentResult(task.display, [])
        if self.options.fixing:
            document = self._fix(linter, document, task.data, done)
        else:
            done.diagnostics = linter.check(document)
        if self.signatures and self.linters.primary.corpus_rules:
            done.stub = document.shown.stub()  # (positions in the lines an editor shows)
            document.reading.findings = done.diagnostics
            done.signatures = self.linters.signatures(document, task.linter)
        if self.options.keep_texts:
            done.text = document.text
        if document.suppressions is not None:
            done.notes = suppression_notes(linter, document)
        return done

    def _fix(self, linter, document: Document, data: bytes, done: DocumentResult) -> Document:
        """Fix the document into `done`; the document the signatures are computed from."""
        result = linter.fix(document, unsafe=self.options.unsafe_fixes)
        if not result.converged:
            done.diverged = True
            done.diagnostics = linter.check(document)
            return document
        done.diagnostics, done.fixed = result.diagnostics, result.fixed
        new = result.document.encode()
        if result.fixed and new != data:  # no fix applied: the bytes stay as they were, whatever their reading
            done.new_text, done.new_bytes, done.old_text = result.document.text, new, document.text
        return result.document


def suppression_notes(linter, document) -> list[str]:
    """Warnings for the selectors of the document's suppression comments that name no rule."""

    def known(selector: str) -> bool:
        try:
            return bool(linter.registry.match(selector)) if linter.registry else True
        except KeyError:
            return False

    return [f"{document.path}:{line}: suppression comment names no rule: {selector!r} (see `doclint rules`)"
            for line, selector in unknown_selectors(document, known)]
