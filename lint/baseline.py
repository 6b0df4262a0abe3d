"""Baselines: adopting doclint on documents that already have many findings.

`--write-baseline FILE` records every current finding; `--baseline FILE` then
reports only findings that are not in it. A finding is matched by its rule,
its file (a JSONL record by its file and id) and a hash of the text it flags
with a little of the same line around it, never by line number: an edit
elsewhere in the file does not bring recorded findings back, an edit at a
finding does. Findings recorded several times (the same text flagged twice)
are counted, and only as many are hidden.

    {"doclint-baseline": 1, "findings": [{"rule": "W102", "path": "docs/a.txt", "hash": "…", "count": 2}]}
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

VERSION = 1
# Characters of the line on each side of the span that go into its hash: enough to tell apart two findings of
# one rule with the same text (two trailing spaces on different lines), little enough that an edit a few words
# away leaves the finding recorded.
CONTEXT = 24


class BaselineError(Exception):
    """A baseline file that cannot be read (exit 2)."""


def fingerprint(code: str, text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", max(0, start - CONTEXT), start) + 1 or max(0, start - CONTEXT)
    line_end = text.find("\n", end, end + CONTEXT)
    after = text[end:line_end if line_end >= 0 else end + CONTEXT]
    data = "\0".join((code, text[line_start:start], text[start:end], after))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _texts(diagnostics, sources, text_field: str) -> dict[str, str]:
    """The current text of every document with a finding, by its displayed path: files read again, the records
    of a JSONL corpus in one pass over it."""
    from doclint.document import Document
    from doclint.io.discovery import read_document
    from doclint.io.jsonl import open_lines

    by_display = {s.display: s for s in sources if s.path is not None}
    texts: dict[str, str] = {}
    wanted: dict[str, set[int]] = {}
    for d in diagnostics:
        record = d.extra.get("record")
        if record:
            wanted.setdefault(record["file"], set()).add(record["number"])
        elif d.path not in texts and d.path in by_display:
            try:
                texts[d.path] = Document.from_bytes(d.path, read_document(by_display[d.path].path)).text
            except OSError:
                pass
    for file, numbers in wanted.items():
        if file not in by_display:
            continue
        try:
            with open_lines(by_display[file].path) as f:
                for number, raw in enumerate(f, 1):
                    if number in numbers:
                        try:
                            texts[f"{file}#{number}"] = json.loads(raw)[text_field]
                        except (ValueError, KeyError, TypeError):
                            pass
        except OSError:
            pass
    return texts


def keys(diagnostics, sources, folder: Path, text_field: str = "text",
         code=lambda d: d.code) -> list[tuple[str, str, str] | None]:
    """(rule, path, hash) of each diagnostic, paths relative to `folder` (the baseline file's); None where the
    text could not be read again, or where `code` (the code to record a diagnostic under) gives none."""
    texts = _texts(diagnostics, sources, text_field)
    out = []
    for d in diagnostics:
        record = d.extra.get("record")
        file = record["file"] if record else d.path
        text = texts.get(d.path)
        if text is None or not code(d):
            out.append(None)
            continue
        path = Path(os.path.relpath(os.path.abspath(file), folder)).as_posix()
        if record:
            path = f"{path}#{record['id']}"
        out.append((code(d), path, fingerprint(code(d), text, d.start, d.end)))
    return out


def _old_code(d) -> str:
    """The code a diagnostic's rule had before it was split (doclint.selectors.REDIRECTS), or ""."""
    from doclint.selectors import REDIRECTS

    return next((old for old, codes in REDIRECTS.items() if old[:1].isupper() and d.code in codes), "")


def write(path: Path, diagnostics, sources, text_field: str = "text") -> int:
    counts = Counter(k for k in keys(diagnostics, sources, path.absolute().parent, text_field) if k)
    rows = [{"rule": rule, "path": file, "hash": digest, "count": n}
            for (rule, file, digest), n in sorted(counts.items())]
    body = ",\n".join(f"  {json.dumps(row, ensure_ascii=False)}" for row in rows)
    data = f'{{"doclint-baseline": {VERSION}, "findings": [\n{body}\n]}}\n'.encode("utf-8")
    from doclint.io.atomic import atomic_write

    atomic_write(path, data)
    return sum(counts.values())


def load(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("doclint-baseline") != VERSION:
            raise ValueError(f"not a doclint baseline of version {VERSION}")
        return Counter({(r["rule"], r["path"], r["hash"]): int(r["count"]) for r in data["findings"]})
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BaselineError(f"{path}: not a doclint baseline ({exc}); write one with --write-baseline") from exc


def apply(path: Path, diagnostics, sources, text_field: str = "text") -> tuple[list, int]:
    """(the diagnostics the baseline does not hold, how many it hid), in the order given."""
    recorded = load(path)
    folder = path.absolute().parent
    current = keys(diagnostics, sources, folder, text_field)
    # a baseline written before a rule was split records its findings under the old code
    before = (keys(diagnostics, sources, folder, text_field, code=_old_code)
              if any(_old_code(d) for d in diagnostics) else [None] * len(diagnostics))
    kept, hidden = [], 0
    for d, *candidates in zip(diagnostics, current, before):
        key = next((k for k in candidates if k is not None and recorded[k] > 0), None)
        if key is not None:
            recorded[key] -= 1
            hidden += 1
        else:
            kept.append(d)
    return kept, hidden
