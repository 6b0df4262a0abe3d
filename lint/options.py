"""What a check is asked to do: built once by the command line, read (never changed) by every executor."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckOptions:
    fix: bool = False  # apply fixes and write the files
    unsafe_fixes: bool = False  # with fix (or diff), unsafe fixes too
    diff: bool = False  # compute the fixes, show them as a diff, write nothing
    jobs: int = 1  # worker processes
    progress: bool = False  # draw progress on stderr when it is a terminal
    text_field: str = "text"  # JSONL: the field holding each document's text
    id_field: str = "id"  # JSONL: the field identifying each record
    keep_texts: bool = False  # keep each document's text for the report (--show-source)

    @property
    def fixing(self) -> bool:
        """Whether fixes are computed (to write them, or to show them)."""
        return self.fix or self.diff

    @property
    def writing(self) -> bool:
        """Whether fixed documents are written back."""
        return self.fix and not self.diff
