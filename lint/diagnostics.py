"""Diagnostics, fixes and edits: what a rule reports and how it can be repaired."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Applicability(str, Enum):
    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes


@dataclass(frozen=True, order=True)
class Edit:
    """Replace text[start:end] (code-point offsets) with `replacement`."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True)
class Fix:
    """A set of edits applied together, or not at all.

    `transcode` asks the writer to save the document as plain UTF-8 (dropping a
    byte-order mark or a legacy encoding); it can come with no text edit.
    `drop_record` removes the whole document from its JSONL corpus (the record's
    line); it comes with no text edit, and files are never deleted.
    """

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    message: str = ""
    transcode: bool = False
    drop_record: bool = False

    @classmethod
    def safe(cls, *edits: Edit, message: str = "", transcode: bool = False) -> "Fix":
        return cls(tuple(sorted(edits)), Applicability.SAFE, message, transcode)

    @classmethod
    def unsafe(cls, *edits: Edit, message: str = "", transcode: bool = False) -> "Fix":
        return cls(tuple(sorted(edits)), Applicability.UNSAFE, message, transcode)

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE


@dataclass(frozen=True)
class Related:
    """Another location that explains a diagnostic (the first copy of a duplicate, another document)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str = ""


@dataclass
class Diagnostic:
    """A finding: a span of the text, what is wrong, and perhaps how to fix it.

    Rules create these with `start`, `end`, `message`, `fix` and `related`; the
    engine fills in the rule and the path.
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    rule: object = None  # the Rule instance, set by the engine
    path: str = ""
    # 1-based positions, set by the engine from the document's line index
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def name(self) -> str:
        return self.rule.name

    @property
    def category(self) -> str:
        return self.rule.category

    @property
    def severity(self) -> str:
        return self.rule.severity

    def sort_key(self):
        return (self.path, self.start, self.end, self.code)


def record_name(record: dict) -> str:
    """A JSONL record as output names it: `corpus.jsonl#12[id=abc]`."""
    return f"{record['file']}#{record['number']}[id={record['id']}]"
