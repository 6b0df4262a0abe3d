"""JSONL corpora: reading records in file order, and rewriting a corpus as a stream.

A record is one line holding a JSON object whose text field (`--text-field`)
is a string. Lines that are not records (blank, malformed, not an object,
without the text field) are skipped with a warning, and copied unchanged by a
rewrite: the rewrite changes the text field of fixed records, and leaves out
dropped ones, nothing else.
"""
from __future__ import annotations

import collections
import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

from doclint.io.atomic import AtomicFile

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
# Per file: a corpus whose text is in another field would print a warning per record; after this many, one line
# says how many more were skipped.
MISSING_FIELD_WARNINGS = 10
# Records whose field names are tallied for the error that names the fields seen: enough to see every field of a
# regular corpus, few enough to cost nothing on a large one.
FIELDS_TALLIED = 1000
FIELDS_NAMED = 12  # field names the error lists, the most frequent first


def is_jsonl(path: Path | None) -> bool:
    return path is not None and path.name.lower().endswith(JSONL_SUFFIXES)


def open_lines(path: Path):
    """A binary stream of the file's lines, decompressed for .gz."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


@dataclass(frozen=True)
class Record:
    number: int  # its line in the file, from 1
    obj: dict
    text: str
    id: object

    def where(self, display: str) -> dict:
        """The record as a document names it (diagnostics, reporters): its file, line number and id."""
        return {"id": self.id, "number": self.number, "file": display}


@dataclass
class Records:
    """Parses the lines of one JSONL file, remembering what it saw: the messages for lines skipped, and at the
    end whether any record had the text field at all (`report`)."""

    display: str
    text_field: str = "text"
    id_field: str = "id"
    messages: list = field(default_factory=list)  # (level, text)
    objects: int = 0
    with_text: int = 0
    missing: int = 0
    seen: dict = field(default_factory=dict)  # field name -> records holding it (the first FIELDS_TALLIED)

    def parse(self, raw: bytes, number: int) -> Record | None:
        """The record on this line, or None (with a warning) for a line that cannot be checked."""
        if not raw.strip():
            return None
        try:
            obj = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            return self._skip(f"{self.display}:{number}: malformed JSON line skipped ({exc})")
        if not isinstance(obj, dict):
            return self._skip(f"{self.display}:{number}: record is not a JSON object; skipped")
        self.objects += 1
        if self.objects <= FIELDS_TALLIED:
            for name in obj:
                self.seen[name] = self.seen.get(name, 0) + 1
        text = obj.get(self.text_field)
        if not isinstance(text, str):
            self.missing += 1
            if self.missing > MISSING_FIELD_WARNINGS:
                return None
            what = "missing" if text is None else f"not a string ({type(text).__name__})"
            return self._skip(f"{self.display}:{number}: field {self.text_field!r} is {what}; skipped")
        self.with_text += 1
        return Record(number, obj, text, obj.get(self.id_field, number))

    def _skip(self, message: str) -> None:
        self.messages.append(("warning", message))
        return None

    def report(self) -> list:
        """The messages about the whole file, once it is read: records skipped past the warnings printed, and an
        error when no record had the text field (a typo in --text-field must not pass as a clean corpus)."""
        out = []
        if self.missing > MISSING_FIELD_WARNINGS:
            out.append(("warning", f"{self.display}: {self.missing - MISSING_FIELD_WARNINGS} more records "
                                   f"without a string field {self.text_field!r} skipped"))
        if self.objects and not self.with_text:
            names = sorted(self.seen, key=lambda n: (-self.seen[n], n))[:FIELDS_NAMED]
            fields = ", ".join(f"{name!r}" for name in names)
            out.append(("error", f"{self.display}: no record has a text field {self.text_field!r} "
                                 f"(fields seen: {fields or 'none'}); name it with --text-field"))
        return out


class Rewrite:
    """The streaming rewrite of one JSONL file, in file order: every line is added as it is read (`line`), a
    record's new text when its check is done (`fixed`), and lines are written as soon as every record before them
    is done, so memory holds only the records still in flight. `finish(replace)` puts the file in place, or
    leaves the original untouched."""

    def __init__(self, path: Path, text_field: str):
        self.text_field = text_field
        self.out = AtomicFile(path)
        self.pending: collections.deque = collections.deque()  # raw lines, and numbers of records in flight
        self.records: dict[int, dict] = {}

    def line(self, raw: bytes, record: Record | None) -> None:
        if record is None:
            self.pending.append(raw)
        else:
            self.pending.append(record.number)
            self.records[record.number] = record.obj

    def done(self, number: int, new_text: str | None) -> None:
        """A record's check is over (with its fixed text, if it changed): write what can be written."""
        if new_text is not None:
            self.records[number][self.text_field] = new_text
        self._flush(number)

    def _flush(self, upto: int | None) -> None:
        pending = self.pending
        while pending and (upto is None or not isinstance(pending[0], int) or pending[0] <= upto):
            entry = pending.popleft()
            if isinstance(entry, int):
                self.out.write(json.dumps(self.records.pop(entry), ensure_ascii=False).encode("utf-8") + b"\n")
            else:
                self.out.write(entry if entry.endswith(b"\n") else entry + b"\n")

    def finish(self, replace: bool) -> None:
        if replace:
            self._flush(None)
            self.out.commit()
        else:
            self.out.discard()


def drop_lines(path: Path, numbers: set[int]) -> None:
    """Rewrite a JSONL file without the lines of these numbers (records keep their line numbers through a
    streaming fix: one line in, one line out), keeping its compression."""
    with AtomicFile(path) as out, open_lines(path) as f:
        for number, raw in enumerate(f, 1):
            if number not in numbers:
                out.write(raw)
