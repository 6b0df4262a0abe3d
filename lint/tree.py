"""The project's other files, for the corpus rules on a partial run: a pre-commit run on one changed file still
finds its near-duplicate elsewhere in the project."""
from __future__ import annotations

import os

from doclint.files import lookup
from doclint.io.discovery import read_document
from doclint.io.jsonl import is_jsonl


def tree_items(run, checked: set) -> list:
    """(stub, signatures) of the project's files not checked in this run (`run` is the runner.LocalRun): from
    the index when it has them, else read and checked in the run's workers. JSONL corpora are compared only when
    they are checked."""
    items, unread = [], []
    named = {os.path.realpath(s.path) for s in run.plan.tree if s.display in checked}  # the same files, named
    named |= {os.path.realpath(p) for p in run.plan.checked_paths}  # otherwise (`/abs/README.md`, `./a.txt`)
    for source in run.plan.tree:
        if source.path is None or is_jsonl(source.path) or os.path.realpath(source.path) in named:
            continue
        cached = lookup(run, source) if run.index is not None else None
        if cached is None:
            unread.append(source)
        elif cached[1] is not None:
            items.append((source, cached[1], cached[2]))
    items += _check(run, unread)
    out = []
    for source, stub, signatures in items:
        stub.path = source.display
        out.append((stub, run.linters.primary.keep(signatures)))
    return sorted(out, key=lambda item: item[0].path)


def _check(run, unread: list) -> list:
    """(source, stub, signatures) of files read and checked now; stored in the index as they are read."""
    read: dict[str, bytes] = {}
    storing = run.index is not None and not run.options.fixing
    def tasks():
        for source in unread:
            try:  # a file of the tree that cannot be read is no error of this run
                data = read_document(source.path)
            except (OSError, ValueError):
                continue
            if storing:
                read[source.display] = data
            yield run.task(source, data)

    by_name = {s.display: s for s in unread}
    out = []
    for done in run.pool.map(tasks(), len(unread)):
        source, data = by_name[done.display], read.pop(done.display, None)
        if done.binary_at is None and done.stub is not None:
            if data is not None:
                run.index.store(source.path, data, done.diagnostics, done.stub, done.signatures,
                                run.linters.number(source.path))
            out.append((source, done.stub, done.signatures))
    return out
