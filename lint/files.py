"""The local executor's check of files and stdin: read here, checked by the pool's workers, written back when
fixed; files the index answers for are not read at all."""
from __future__ import annotations

import itertools

from doclint.document import Document
from doclint.io.discovery import Source
from doclint.worker import DocumentResult


def check_files(run, sources: list[Source]) -> None:
    """Check every file (`run` is the runner.LocalRun)."""
    by_name = {s.display: s for s in sources}
    reused: list[DocumentResult] = []
    read: dict[str, bytes] = {}  # the bytes of files in flight, to store them or to name their encoding
    keep_bytes = run.index is not None or run.options.diff

    def tasks():
        for source in sources:
            done = from_index(run, source)
            if done is not None:
                reused.append(done)
                continue
            data = run.read(source)
            if data is not None:
                if keep_bytes:
                    read[source.display] = data
                yield run.task(source, data)

    # Lazily: the results come as the workers finish them, so that progress is drawn while the work is done.
    # Files the index answered for come last.
    for done in itertools.chain(run.pool.map(tasks(), len(sources)), reused):
        run.progress.step()
        _finish(run, by_name[done.display], done, read.pop(done.display, None))


def _finish(run, source: Source, done: DocumentResult, data: bytes | None) -> None:
    result, index = run.result, run.index
    if done.binary_at is not None:
        result.warning(f"{done.display}: binary file (NUL byte at offset {done.binary_at}); not checked")
        result.skipped += 1
        return
    run.collect(done)
    linter = run.linters.number(source.path)
    if done.new_bytes is None:
        if data is not None and index is not None and not done.diverged:
            index.store(source.path, data, done.diagnostics, done.stub, done.signatures, linter)
        return
    result.changed += 1
    if run.options.diff:
        encodings = (encoding_name(data), encoding_name(done.new_bytes)) if data is not None else None
        result.messages.append(("diff", (done.display, done.old_text, done.new_text, encodings)))
    elif source.path is None:
        result.stdin_out = done.new_bytes
    elif run.write(source, done) and index is not None:
        index.store(source.path, done.new_bytes, done.diagnostics, done.stub, done.signatures, linter)


def lookup(run, source: Source):
    """What the index holds for this file, if it is still valid for this run."""
    try:
        stat = source.path.stat()
    except OSError:
        return None
    number = run.linters.number(source.path)
    cached = run.index.lookup(source.path, stat, number)
    if cached is not None and run.plan.signatures:
        if not run.linters.corpus_codes(number, source.display) <= cached[2].keys():
            return None  # stored by a run that needed no signatures (doclint 0.1 did that for a lone file)
    return cached


def from_index(run, source: Source) -> DocumentResult | None:
    """A finished task from the index, unless the file is not there, --show-source wants its text, or --fix
    would change it."""
    if run.index is None or source.path is None or run.options.keep_texts:
        return None
    cached = lookup(run, source)
    if cached is None:
        return None
    diagnostics, stub, signatures = cached
    if run.would_fix(diagnostics):
        return None
    for d in diagnostics:
        old = d.path
        d.path = source.display
        d.related = tuple(r if r.path != old else type(r)(source.display, *_after_path(r)) for r in d.related)
    if stub is not None:
        stub.path = source.display
    return DocumentResult(source.display, diagnostics, stub=stub, signatures=signatures or {})


def _after_path(related) -> tuple:
    """A Related location's fields after its path."""
    return related.line, related.column, related.end_line, related.end_column, related.message


def encoding_name(data: bytes) -> str:
    """How a file's bytes are encoded, as a diff header names it: `UTF-8`, `UTF-8 with a byte-order mark`,
    `UTF-16`, or the legacy encoding that decodes them (`cp1252`)."""
    document = Document.from_bytes("", data)
    name = {"utf-8": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(document.encoding, document.encoding)
    return f"{name} with a byte-order mark" if document.bom and name == "UTF-8" else name


