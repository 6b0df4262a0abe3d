"""Reporters only format: text, json, sarif and github."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from doclint import __version__
from doclint.diagnostics import Diagnostic, record_name

FORMATS = ("text", "json", "sarif", "github")
JSON_VERSION = 1


@dataclass
class Report:
    diagnostics: list[Diagnostic]
    fixed: int = 0  # diagnostics fixed by --fix
    fixing: bool = False
    unsafe_fixes: bool = False
    rules: list = field(default_factory=list)  # enabled rule classes, for SARIF
    sources: dict = field(default_factory=dict)  # path -> text, for --show-source
    fail_level: str = "info"  # the least severe finding that fails the run
    baselined: int = 0  # findings recorded in the baseline, not reported
    checked: int | None = None  # documents checked (None: not counted)
    skipped: int = 0  # inputs not checked: binary, not a regular file, too large
    unreadable: int = 0  # inputs that do not exist or could not be read


    @property
    def failing(self) -> int:
        """How many findings are at or above the fail level (the others are reported, and pass); counted as they
        are read, so that a report streamed from disk (a Ray run's) is never held whole."""
        from doclint.config import SEVERITY_LEVELS

        bar = SEVERITY_LEVELS.index(self.fail_level)
        return sum(SEVERITY_LEVELS.index(d.severity) <= bar for d in self.diagnostics)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def not_checked(report: Report) -> str:
    """What was left unchecked, for the summary: `2 files skipped, 1 could not be read` (empty when nothing)."""
    parts = [f"{_plural(report.skipped, 'file')} skipped"] if report.skipped else []
    if report.unreadable:
        parts.append(f"{report.unreadable} could not be read" if parts
                     else f"{_plural(report.unreadable, 'path')} could not be read")
    return ", ".join(parts)


def _record(d: Diagnostic) -> dict | None:
    return d.extra.get("record")


def _file(d: Diagnostic) -> str:
    """The file a diagnostic is in (for a JSONL record, the corpus file)."""
    record = _record(d)
    return record["file"] if record else d.path


def _where(d: Diagnostic) -> str:
    """The path as text output shows it: `corpus.jsonl#12[id=abc]` for a record."""
    record = _record(d)
    return record_name(record) if record else d.path


def report_order(d: Diagnostic) -> tuple:
    """The order of a report: by path, a JSONL corpus's records in file order (`#9` before `#10`, which a sort of
    their names as text put after it), then by place in the text."""
    record = _record(d)
    return (record["file"], record["number"]) if record else (d.path, 0), d.start, d.end, d.code


def _related_record(d: Diagnostic, r) -> dict | None:
    """The record a related location is in: the diagnostic's own, or one the corpus rules compared it with."""
    if r.path == d.path and _record(d):
        return _record(d)
    return d.extra.get("related_records", {}).get(r.path)


def _related_name(d: Diagnostic, r) -> str:
    record = _related_record(d, r)
    return record_name(record) if record else r.path


def diagnostic_to_json(d: Diagnostic) -> dict:
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.value,
            "message": d.fix.message,
            "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in d.fix.edits],
        }
        if d.fix.drop_record:
            fix["drop_record"] = True
    out = {
        "path": _file(d), "code": d.code, "name": d.name, "category": d.category, "severity": d.severity,
        "message": d.message, "line": d.line, "column": d.column, "end_line": d.end_line,
        "end_column": d.end_column, "start": d.start, "end": d.end, "fix": fix,
        "related": [_related_json(d, r) for r in d.related],
    }
    if _record(d):
        out["record"] = {"id": _record(d)["id"], "number": _record(d)["number"]}
    return out


def _fixable_now(d: Diagnostic, report: Report) -> bool:
    """Whether --fix (with the run's --unsafe-fixes) would apply the diagnostic's fix."""
    return d.fix is not None and (d.fix.is_safe or report.unsafe_fixes)


def statistics_rows(report: Report) -> list[dict]:
    """Counts per rule, most frequent first; `fixable` counts what --fix (with the run's --unsafe-fixes) would fix."""
    counts = Counter((d.code, d.name) for d in report.diagnostics)
    fixable = Counter(d.code for d in report.diagnostics if _fixable_now(d, report))
    return [{"code": code, "name": name, "count": n, "fixable": fixable[code]}
            for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _related_json(d: Diagnostic, r) -> dict:
    out = {"path": r.path, "line": r.line, "column": r.column, "message": r.message}
    record = _related_record(d, r)
    if record:
        out["record"] = {"id": record["id"], "number": record["number"]}
    return out


def write_json(report: Report, out: TextIO, *, statistics: bool = False, **_) -> None:
    """One JSON object; each diagnostic on its own line (json's C encoder: indent= would use the slow one).
    With --statistics, the counts per rule instead of the diagnostics."""
    if statistics:
        rows = ",".join(f"\n  {json.dumps(row)}" for row in statistics_rows(report))
        out.write(f'{{"version": {JSON_VERSION}, "statistics": [{rows}{chr(10) if rows else ""}]}}\n')
        return
    out.write(f'{{"version": {JSON_VERSION}, "diagnostics": [')
    for n, d in enumerate(report.diagnostics):
        out.write(",\n  " if n else "\n  ")
        out.write(json.dumps(diagnostic_to_json(d), ensure_ascii=False))
    out.write("\n]}\n" if report.diagnostics else "]}\n")


def _style(text: str, color: bool, **kw) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kw)


def fix_counts(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    safe = sum(1 for d in diagnostics if d.fix and d.fix.is_safe)
    unsafe = sum(1 for d in diagnostics if d.fix and not d.fix.is_safe)
    return safe, unsafe


def write_text(report: Report, out: TextIO, *, color: bool = False, show_source: bool = False,
               statistics: bool = False, quiet: bool = False) -> None:
    ds = report.diagnostics
    if statistics:
        fixable = {row["code"] for row in statistics_rows(report) if row["fixable"]}
        for row in statistics_rows(report):
            code, name, n = row["code"], row["name"], row["count"]
            mark = "[*]" if code in fixable else "   "
            out.write(f"{n:5d}\t{_style(code, color, fg='red', bold=True)}\t{mark} {name}\n")
    elif not quiet:
        for d in ds:
            loc = _style(f"{_where(d)}:{d.line}:{d.column}:", color, bold=True)
            mark = " [*]" if _fixable_now(d, report) else ""
            out.write(f"{loc} {_style(d.code, color, fg='red', bold=True)} [{d.name}]{mark} {d.message}\n")
            if show_source and d.path in report.sources:
                out.write(_source_excerpt(report.sources[d.path], d))
            for r in d.related:
                out.write(f"    {_style('note:', color, fg='cyan')} {_related_name(d, r)}:{r.line}:{r.column}: "
                          f"{r.message}\n")
    if quiet and not ds:
        return
    if report.baselined:
        out.write(f"{_plural(report.baselined, 'finding')} recorded in the baseline not shown.\n")
    safe, unsafe = fix_counts(ds)
    if report.fixing:
        if report.fixed or ds:
            out.write(f"Found {len(ds) + report.fixed} problem{'s' * (len(ds) + report.fixed != 1)} "
                      f"({report.fixed} fixed, {len(ds)} remaining).\n")
    elif ds:
        note = ""
        if report.unsafe_fixes and (safe or unsafe):
            note = f" ({safe + unsafe} fixable with --fix --unsafe-fixes)"
        elif safe or unsafe:
            parts = [f"{safe} fixable with --fix"] if safe else []
            if unsafe:
                parts.append(f"{unsafe} more with --unsafe-fixes" if safe else f"{unsafe} fixable with --fix --unsafe-fixes")
            note = f" ({', '.join(parts)})"
        out.write(f"Found {len(ds)} problem{'s' * (len(ds) != 1)}{note}.\n")
    below = len(ds) - report.failing
    if ds and below:
        out.write(f"{below} of them below the fail level ({report.fail_level}): reported, not failing.\n")
    if ds and not_checked(report):
        out.write(f"Not checked: {not_checked(report)}.\n")
    elif ds:
        pass
    elif report.checked == 0:
        left = not_checked(report)
        out.write(f"No files checked{f' ({left})' if left else ''}.\n")
    elif not quiet:
        left = not_checked(report)
        out.write(f"No problems found in the files checked; {left}.\n" if left else "All checks passed!\n")


# --show-source shows a window of the offending line, not the whole of it: a 5 MB line with 58,823 findings
# printed 300 MB. 100 columns fit a terminal of 110 with the gutter; 30 of them show what comes before the span.
SOURCE_WIDTH = 100
SOURCE_BEFORE = 30


def _width(char: str) -> int:
    """Columns a character takes in a terminal: 2 for East Asian wide ones, 0 for combining and format marks."""
    import unicodedata

    if char.isascii():
        return 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _printable(char: str) -> str:
    """A character as the excerpt shows it: a tab as a space, other controls as U+FFFD (not sent to the terminal)."""
    if char == "\t":
        return " "
    return "\ufffd" if ord(char) < 32 or 0x7F <= ord(char) < 0xA0 else char


def _source_excerpt(text: str, d: Diagnostic) -> str:
    """The line of a finding (a window of it, on a long line) with carets under the span, in display columns.
    Only the window is read: the line's ends are searched for within it, never across the whole line."""
    start = min(max(d.start, 0), len(text))
    left = max(0, start - SOURCE_BEFORE)
    line_start = text.rfind("\n", left, start) + 1 or left
    line_end = text.find("\n", start, line_start + SOURCE_WIDTH)
    right = line_start + SOURCE_WIDTH if line_end < 0 else line_end
    window = text[line_start:right].rstrip("\r\n")
    cut_left = line_start > 0 and text[line_start - 1] != "\n"
    cut_right = right < len(text) and text[right] not in "\r\n" and line_end < 0
    span_start = start - line_start
    span_end = min(max(d.end, start + 1), line_start + len(window)) - line_start
    shown = "".join(map(_printable, window))
    prefix = "\u2026" if cut_left else ""
    before = sum(map(_width, shown[:span_start]))
    under = max(1, sum(map(_width, shown[span_start:span_end])))
    caret = " " * (len(prefix) + before) + "^" * under
    suffix = "\u2026" if cut_right else ""
    return f"   {d.line:4d} | {prefix}{shown}{suffix}\n        | {caret}\n"


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def write_github(report: Report, out: TextIO, **_) -> None:
    for d in report.diagnostics:
        level = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
        record = _record(d)
        if record:  # the annotation goes on the record's own line of the corpus; the place in its text is said
            where = f"line={record['number']},endLine={record['number']}"
            prefix = f"record {record['number']} (id {record['id']}), line {d.line}:{d.column} of its text: "
        else:
            where = f"line={d.line},col={d.column},endLine={d.end_line},endColumn={d.end_column}"
            prefix = ""
        props = f"file={_gh_escape(_file(d), True)},{where},title={_gh_escape(d.code, True)}"
        out.write(f"::{level} {props}::{_gh_escape(f'{prefix}{d.code} [{d.name}] {d.message}')}\n")


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def _related(r) -> dict:
    """A related location; a JSONL record (`corpus.jsonl#12`) is its line of the corpus file."""
    from doclint.io.jsonl import is_jsonl

    file, _, number = r.path.rpartition("#")
    if number.isdigit() and is_jsonl(Path(file)):
        return {"artifactLocation": {"uri": _uri(file)}, "region": {"startLine": int(number), "endLine": int(number)}}
    return {"artifactLocation": {"uri": _uri(r.path)},
            "region": {"startLine": r.line, "startColumn": r.column, "endLine": r.end_line, "endColumn": r.end_column}}


def _sarif_related(d: Diagnostic, i: int, r) -> dict:
    out = {"id": i, "message": {"text": r.message or "related location"}, "physicalLocation": _related(r)}
    record = _related_record(d, r)
    if record:
        out["logicalLocations"] = [{"name": str(record["id"]), "fullyQualifiedName": f"{record['file']}#"
                                    f"{record['number']}", "kind": "object"}]
    return out


SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def write_sarif(report: Report, out: TextIO, **_) -> None:
    by_code = {d.rule.code: d.rule for d in report.diagnostics}
    by_code.update({r.code: r for r in report.rules})  # the configured rules (their severity as configured)
    rules = sorted(by_code.values(), key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "doclint", "version": __version__, "informationUri": "https://pypi.org/project/doclint/",
                "rules": [_sarif_rule(r) for r in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_sarif_result(d, index[d.code]) for d in report.diagnostics],
        }],
    }
    json.dump(sarif, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _sarif_rule(r) -> dict:
    from doclint.ruledocs import help_uri

    return {
        "id": r.code, "name": r.name,
        "shortDescription": {"text": r.summary() or r.name},
        "fullDescription": {"text": r.documentation() or r.name},
        "help": {"text": r.documentation() or r.name, "markdown": r.documentation() or r.name},
        **({"helpUri": help_uri(r)} if help_uri(r) else {}),
        "defaultConfiguration": {"level": SARIF_LEVELS.get(r.severity, "warning")},
        "properties": {"category": r.category, "fixable": r.fixable or "no"},
    }


def _sarif_result(d: Diagnostic, rule_index: int) -> dict:
    record = _record(d)
    if record:  # a record of a JSONL corpus: the region is its line of the file; the place in its text is said
        region = {"startLine": record["number"], "endLine": record["number"]}
        text = f"{d.message} (line {d.line}, column {d.column} of record {record['number']}'s text)"
    else:
        region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line,
                  "endColumn": d.end_column, "charOffset": d.start, "charLength": d.end - d.start}
        text = d.message
    result = {
        "ruleId": d.code, "ruleIndex": rule_index, "level": SARIF_LEVELS.get(d.severity, "warning"),
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(_file(d))}, "region": region}}],
    }
    if record:
        result["locations"][0]["logicalLocations"] = [
            {"name": str(record["id"]), "fullyQualifiedName": f"{_file(d)}#{record['number']}", "kind": "object"}]
        result["properties"] = {"record": {"id": record["id"], "number": record["number"]},
                                "textRegion": {"startLine": d.line, "startColumn": d.column,
                                               "endLine": d.end_line, "endColumn": d.end_column}}
    if d.related:
        result["relatedLocations"] = [_sarif_related(d, i, r) for i, r in enumerate(d.related)]
    if d.fix is not None and d.fix.edits and not record:
        result["fixes"] = [{
            "description": {"text": d.fix.message or f"{d.fix.applicability.value} fix"},
            "artifactChanges": [{
                "artifactLocation": {"uri": _uri(_file(d))},
                "replacements": [{"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                  "insertedContent": {"text": e.replacement}} for e in d.fix.edits],
            }],
        }]
    return result


WRITERS = {"text": write_text, "json": write_json, "sarif": write_sarif, "github": write_github}
