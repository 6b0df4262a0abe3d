"""The rule API: what a rule module defines.

A rule is a class with a code, a kebab-case name, a category, a default
severity, an `Options` dataclass and a `check(document, context)` generator.
Its docstring is its documentation page, with the sections *What it does*,
*Why is this bad?*, *Example* and *Fix safety*; `doclint rule CODE` prints it.
"""
from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

from doclint.diagnostics import Applicability, Diagnostic, Fix, Related
from doclint.document import Document
from doclint.selectors import selects  # noqa: F401 (part of the rule API)

if TYPE_CHECKING:  # imported only for the annotation: the statistics need numpy, a lone document does not
    from doclint.cohesion import CorpusStats

CATEGORIES = ("duplicate", "off-topic", "source-tag", "encoding", "whitespace")
SEVERITIES = ("error", "warning", "info")
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example")


def option(default: Any, help: str) -> Any:
    """Declare a rule option with its default and a one-line explanation (shown by `doclint rule`)."""
    if isinstance(default, (list, dict, set)):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata={"help": help})
    return dataclasses.field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class NoOptions:
    """A rule without options."""


class CorpusStatistics:
    """A requirement a rule declares (`requires = frozenset({CorpusStatistics})`): the document frequencies and
    headlines of the files checked together (doclint.cohesion.CorpusStats), counted before the check when a run
    has enough files, and given to the rule as `context.corpus`."""


@dataclass
class Context:
    """What a rule may know beyond its document: the run's settings and corpus statistics."""

    unsafe_fixes: bool = False
    # The files' statistics, when a rule requires CorpusStatistics and the run counted them; None otherwise.
    corpus: CorpusStats | None = None


class Rule:
    """Base class of every rule. Subclasses set the class attributes and `check`."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    scope: ClassVar[str] = "document"  # or "corpus"
    default_enabled: ClassVar[bool] = True
    fixable: ClassVar[str | None] = None  # None, "safe", "unsafe" or "sometimes"
    Options: ClassVar[type] = NoOptions
    requires: ClassVar[frozenset] = frozenset()  # what the run must provide, e.g. {CorpusStatistics}
    # Codes of rules whose findings this rule's findings replace where their spans overlap (a rule that reads a
    # kind of leftover by its structure over one that reads the same text by its wording): one finding, not two.
    # An old code names the rules it redirects to (doclint.selectors.REDIRECTS).
    supersedes: ClassVar[frozenset] = frozenset()
    # The characters whose presence in a text may signal this rule's findings (a control, an "&"): the engine scans
    # each document once for the screens of all the rules it runs (Document.suspects). Empty: the rule reads all.
    screen: ClassVar[frozenset] = frozenset()
    # Whether the rule reads a file's line breaks as they are: a file whose every line break is a lone carriage
    # return is read by the other rules with LF breaks (Document.reading).
    raw_line_breaks: ClassVar[bool] = False
    # Set on an instance by the configuration (extend-safe-fixes, extend-unsafe-fixes): the applicability every
    # fix of the rule gets; None keeps each fix's own.
    fix_applicability: Applicability | None = None

    def __init__(self, options: Any = None):
        self.options = options if options is not None else self.Options()

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def prepare(self) -> None:
        """Load anything expensive before worker processes are forked (so that they share it)."""

    # -- helpers for rule authors -----------------------------------------
    @staticmethod
    def related(document: Document, start: int, end: int, message: str = "") -> Related:
        line, col = document.position(start)
        end_line, end_col = document.end_position(start, end)
        return Related(document.path, line, col, end_line, end_col, message)

    # -- documentation ------------------------------------------------------
    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.split("\n\n", 1)[0].replace("\n", " ").strip()

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def option_fields(cls) -> list[dataclasses.Field]:
        return list(dataclasses.fields(cls.Options))


class CorpusRule(Rule):
    """A rule that sees every document of a run.

    `signature(document)` computes a compact, picklable summary of one document;
    `check_corpus(items, context)` receives `(document, signature)` pairs in path
    order and yields `(document, Diagnostic)` pairs.
    """

    scope: ClassVar[str] = "corpus"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        return iter(())

    def signature(self, document: Document) -> Any:
        raise NotImplementedError

    def keep(self, signature: Any) -> Any:
        """The form in which the main process holds a signature until the corpus check.

        A run over a large corpus holds every signature at once, so a rule may
        return a smaller equivalent here (packed, or with bulky parts spilled to
        a temporary file) that its `check_corpus` understands. Default: as is.
        """
        return signature

    def group_keys(self, signature: Any) -> Iterable[Any] | None:
        """Keys such that only documents sharing a key with another document can be reported.

        A distributed run (`--engine ray`) groups documents by these keys (a
        shuffle) and gives `check_corpus` only the documents of groups with two
        or more members, in run order; the result must equal that of a run over
        every document. None (the default) means the rule needs every signature.
        """
        return None

    def check_corpus(self, items: list[tuple[Document, Any]], context: Context) -> Iterable[tuple[Document, Diagnostic]]:
        raise NotImplementedError


def validate_rule_class(cls: type) -> list[str]:
    """Problems that make a class unusable as a rule (empty when it is fine)."""
    import re

    problems = []
    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        return [f"{cls!r} is not a doclint Rule subclass"]
    if not re.fullmatch(r"[A-Z]{1,4}\d{3}", cls.code or ""):
        problems.append(f"code {cls.code!r} must be 1-4 capital letters and three digits")
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", cls.name or ""):
        problems.append(f"name {cls.name!r} must be kebab-case")
    if cls.category not in CATEGORIES:
        problems.append(f"category {cls.category!r} must be one of {', '.join(CATEGORIES)}")
    if cls.severity not in SEVERITIES:
        problems.append(f"severity {cls.severity!r} must be one of {', '.join(SEVERITIES)}")
    if not dataclasses.is_dataclass(cls.Options):
        problems.append("Options must be a dataclass")
    return problems


__all__ = ["option", "Rule", "CorpusRule", "Context", "CorpusStatistics", "Diagnostic", "Fix", "Related", "NoOptions", "CATEGORIES"]
