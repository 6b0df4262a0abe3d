"""What a run gives back to the command line, whichever executor ran it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RunResult:
    diagnostics: list = field(default_factory=list)
    fixed: int = 0  # findings whose fix was applied
    changed: int = 0  # documents (files or records) changed
    failed: bool = False  # an error was reported: the run exits 2
    stdin_out: bytes | None = None  # the fixed text of stdin, for stdout
    texts: dict = field(default_factory=dict)  # display -> text, for --show-source
    messages: list = field(default_factory=list)  # (level, text) for stderr; ("diff", (...)) for --diff
    documents: int = 0  # documents checked
    skipped: int = 0  # inputs not checked: binary, not a regular file, too large
    unreadable: int = 0  # inputs that could not be read (reported as errors)
    sources: list = field(default_factory=list)  # what was checked (a baseline reads their texts again)
    timings: dict = field(default_factory=dict)  # seconds per stage (the Ray engine's summary)
    worker_peak_mb: dict = field(default_factory=dict)  # peak resident memory of each Ray worker

    def error(self, text: str) -> None:
        self.messages.append(("error", text))
        self.failed = True

    def warning(self, text: str) -> None:
        self.messages.append(("warning", text))
