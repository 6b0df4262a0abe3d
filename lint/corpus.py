"""What every executor does with the corpus rules' findings: name the records they relate, and plan the
records their fixes drop (one planner: the local engine and Ray apply the same plan)."""
from __future__ import annotations


def order(item) -> tuple[str, int]:
    """Where a checked document stands in a run, for (stub, signatures) items: its path, or for a JSONL record its
    file and record number. Path order decides which copy a corpus rule reports."""
    record = item[0].record
    return (record["file"], record["number"]) if record and "file" in record else (item[0].path, 0)


def name_related_records(diagnostics: list, items: list) -> None:
    """Give the corpus rules' findings the records their related locations are in (reporters name them with
    their ids: `corpus.jsonl#3[id=abc]`)."""
    records = None
    for d in diagnostics:
        if d.related:
            if records is None:
                records = {stub.path: stub.record for stub, _ in items if stub.record and "file" in stub.record}
            named = {r.path: records[r.path] for r in d.related if r.path in records}
            if named:
                d.extra["related_records"] = named


def drops_record(diagnostic, unsafe: bool) -> bool:
    """Whether applying the finding's fix removes its record from its corpus."""
    fix = diagnostic.fix
    return bool(fix and fix.drop_record and (fix.is_safe or unsafe) and diagnostic.extra.get("record"))


def plan_drops(diagnostics: list, corpora: set[str], unsafe: bool) -> dict[str, set[int]]:
    """The record numbers to drop from each JSONL corpus (by its displayed name) that the fixes of these findings
    remove, for the corpora that may be written."""
    drops: dict[str, set[int]] = {}
    for d in diagnostics:
        if drops_record(d, unsafe) and d.extra["record"]["file"] in corpora:
            drops.setdefault(d.extra["record"]["file"], set()).add(d.extra["record"]["number"])
    return drops


def without_dropped(diagnostics: list, dropped: set[tuple[str, int]]) -> list:
    """The findings left once the records (file, number) are dropped: a dropped record's own finding is fixed."""
    return [d for d in diagnostics
            if not (d.fix and d.fix.drop_record and d.extra.get("record")
                    and (d.extra["record"]["file"], d.extra["record"]["number"]) in dropped)]
