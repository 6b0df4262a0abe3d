"""Running a check over many inputs: files, stdin and JSONL corpora, in parallel, with progress.

Each document is a task: it is read in this process, checked (and fixed) in a
worker, and what comes back is small: its diagnostics, its fixed text if it
changed, a stub with its line index, and the corpus rules' signatures. Memory
therefore grows with the signatures, not with the corpus. Output order does
not depend on the number of workers.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from doclint.discovery import Source, safe_to_write
from doclint.document import Document
from doclint.fixer import atomic_write

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def is_jsonl(path: Path | None) -> bool:
    return path is not None and path.name.lower().endswith(JSONL_SUFFIXES)


@dataclass
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    jobs: int = 1
    progress: bool = False
    text_field: str = "text"
    id_field: str = "id"
    keep_texts: bool = False  # for --show-source
    index: object = None  # a cache.Index, or None with --no-cache
    tree: list = field(default_factory=list)  # every file of the tree, for corpus rules on partial runs
    signatures: bool = True  # compute corpus signatures (pointless, and costly to import, for a lone document)
    corpus_stats: bool = False  # count document frequencies over the files first (rules that judge rarity)
    stats_path: str | None = None  # where workers forked before the statistics existed find them (see run)


@dataclass
class RunResult:
    diagnostics: list = field(default_factory=list)
    fixed: int = 0
    changed: int = 0
    failed: bool = False
    stdin_out: bytes | None = None
    texts: dict = field(default_factory=dict)
    messages: list = field(default_factory=list)  # (level, text) for stderr
    documents: int = 0


@dataclass
class _Task:
    display: str
    data: bytes
    record: dict | None = None


@dataclass
class _Done:
    display: str
    diagnostics: list
    fixed: int = 0
    new_text: str | None = None  # the fixed text, when it changed
    new_bytes: bytes | None = None
    old_text: str | None = None
    stub: object = None
    signatures: dict = field(default_factory=dict)
    binary_at: int | None = None
    diverged: bool = False
    text: str | None = None


_LINTER = None  # the worker's linter (inherited by forked workers)
_OPTIONS: RunOptions | None = None


def _work(task: _Task) -> _Done:
    linter, o = _LINTER, _OPTIONS
    if o.stats_path is not None and getattr(linter.context, "corpus", None) is None:
        linter.context.corpus = _load_stats(o.stats_path)
    document = Document.from_bytes(task.display, task.data)
    document.record = task.record
    if document.binary:
        return _Done(task.display, [], binary_at=document.problem.byte_offset)
    done = _Done(task.display, [])
    if o.fix or o.diff:
        result = linter.fix(document, unsafe=o.unsafe_fixes)
        if not result.converged:
            done.diverged = True
            done.diagnostics = linter.check(document)
        else:
            done.diagnostics, done.fixed = result.diagnostics, result.fixed
            new = result.document.encode()
            # Written only when a fix was applied: a file no rule fixed keeps its bytes, even when its text, encoded
            # again, would differ from them (a legacy encoding left alone, UTF-16 of the other byte order).
            if result.fixed and new != task.data:
                done.new_text, done.new_bytes, done.old_text = result.document.text, new, document.text
            document = result.document
    else:
        done.diagnostics = linter.check(document)
    if linter.corpus_rules and o.signatures:
        done.stub = document.stub()
        done.signatures = linter.signatures(document)
    if o.keep_texts:
        done.text = document.text
    return done


def run(linter, sources: list[Source], options: RunOptions) -> RunResult:
    """Check (and fix) every source; with `options.corpus_stats`, count document frequencies first.

    One pool of workers serves the whole run: the statistics pass leaves in
    each worker the word tables of the words it met (doclint.lexicon, the
    embeddings), so that checking does not build them again. Those workers
    were forked before the statistics existed: they read them from a file
    written once the pass is over.
    """
    global _LINTER, _OPTIONS
    _LINTER, _OPTIONS = linter, options
    try:
        if options.corpus_stats:
            linter.context.corpus = corpus_stats(sources, options)
        return _run(linter, sources, options)
    finally:
        _close_pool()
        if options.stats_path is not None:
            Path(options.stats_path).unlink(missing_ok=True)
            options.stats_path = None


def _run(linter, sources: list[Source], options: RunOptions) -> RunResult:
    result = RunResult()
    has_jsonl = any(is_jsonl(s.path) for s in sources)
    progress = _Progress(options.progress, None if has_jsonl else len(sources))
    items = []  # (stub, signatures) for corpus rules
    files = [s for s in sources if not is_jsonl(s.path)]
    if files:
        _run_files(files, options, result, items, progress)
    for source in sources:
        if is_jsonl(source.path):
            _run_jsonl(source, options, result, items, progress)
    progress.close()
    if linter.corpus_rules:
        # Path order (records by number) decides which copy is reported; files reused from the index were
        # collected after the rest.
        items.sort(key=_order)
        checked = {stub.path for stub, _ in items}
        others = _tree_items(options, checked, result) if options.index is not None else []
        # On a partial run the files given come last, so that they are the ones reported.
        found = [d for d in linter.check_signatures(others + items) if d.path in checked]
        if options.fix and options.unsafe_fixes and not options.diff:
            found = _drop_records(found, {s.display: s for s in sources if is_jsonl(s.path)}, result)
        result.diagnostics += found
    if options.index is not None:
        options.index.close()
    return result


def _order(item) -> tuple[str, int]:
    """Where a checked document stands: its path, or for a JSONL record its file and record number."""
    stub = item[0]
    record = stub.record
    return (record["file"], record["number"]) if record and "file" in record else (stub.path, 0)


def corpus_stats(sources: list[Source], options: RunOptions):
    """Document frequencies over every file of the run (rules that judge rarity use them).

    Files are read and tokenised in the run's workers, each returning the
    counts of its share; JSONL corpora and stdin are not counted.
    """
    import pickle
    import tempfile

    from doclint.cohesion import CorpusStats

    paths = [s.path for s in sources if s.path is not None and not is_jsonl(s.path)]
    jobs = options.jobs
    if _POOL is None and options.jobs > 1:  # named before the workers are forked, so that they know it
        with tempfile.NamedTemporaryFile(prefix="doclint-stats-", suffix=".pickle", delete=False) as f:
            options.stats_path = f.name
    pool = _pool(options, len(paths) // 32)
    if pool is None:
        if options.stats_path is not None:
            Path(options.stats_path).unlink(missing_ok=True)
            options.stats_path = None  # no worker yet: the ones forked later inherit the statistics
        return _stats_of(paths)
    stats = CorpusStats()
    for part in pool.imap_unordered(_stats_of, [paths[n::jobs * 4] for n in range(jobs * 4)]):
        stats.merge(part)
    with open(options.stats_path, "wb") as f:
        pickle.dump(stats, f, protocol=pickle.HIGHEST_PROTOCOL)
    return stats


_STATS_LOADED: dict = {}


def _load_stats(path: str):
    """The statistics a worker forked before they existed reads once (the main process wrote them to `path`)."""
    import pickle

    if path not in _STATS_LOADED:
        with open(path, "rb") as f:
            _STATS_LOADED.clear()
            _STATS_LOADED[path] = pickle.load(f)
    return _STATS_LOADED[path]


def _stats_of(paths: list[Path]):
    from doclint.cohesion import CorpusStats

    stats = CorpusStats()
    for path in paths:
        try:
            document = Document.from_bytes(str(path), path.read_bytes())
        except OSError:
            continue  # reported when the file is checked
        if not document.binary:
            head = document.blocks[0] if document.blocks and document.blocks[0].kind == "headline" else None
            stats.add(document.text, document.block_text(head) if head else None)
    return stats


def _tree_items(options: RunOptions, checked: set, result: RunResult) -> list:
    """(stub, signatures) of the tree's other files: from the index, re-reading only changed ones."""
    items = []
    for source in options.tree:
        if source.display in checked or source.path is None:
            continue
        cached = _lookup(options, source)
        if cached is None:
            data = _read(source, RunResult())
            if data is None:
                continue
            done = _work(_Task(source.display, data))
            if done.binary_at is not None:
                continue
            options.index.store(source.path, data, done.diagnostics, done.stub, done.signatures)
            cached = (done.diagnostics, done.stub, done.signatures)
        _, stub, signatures = cached
        if stub is not None:
            stub.path = source.display
            items.append((stub, _LINTER.keep(signatures)))
    return sorted(items, key=lambda item: item[0].path)


def all_from_index(linter, sources: list[Source], options: RunOptions) -> bool:
    """Whether the index answers for every source, so that no document is checked (rules that count corpus
    statistics then need none). A file is checked again when it changed, when --show-source wants its text, and
    when --fix or --diff would change it: it must then be judged as the run that stored it judged it."""
    if options.index is None or options.keep_texts:
        return False
    for source in sources:
        if source.path is None or not options.index.fresh(source.path):
            return False
        if options.fix or options.diff:
            cached = _lookup(options, source, linter)
            if cached is None or _would_fix(cached[0], options):
                return False
    return True


def _lookup(options: RunOptions, source: Source, linter=None):
    """What the index holds for this file, if it is still valid for this run."""
    try:
        stat = source.path.stat()
    except OSError:
        return None
    cached = options.index.lookup(source.path, stat)
    if cached is not None and options.signatures:
        wanted = {r.code for r in (linter or _LINTER).rules_for(source.display) if r.scope == "corpus"}
        if not wanted <= cached[2].keys():
            return None  # stored by a run that needed no signatures (doclint 0.1 did that for a lone file)
    return cached


def _would_fix(diagnostics, options: RunOptions) -> bool:
    return (options.fix or options.diff) and any(d.fix and (d.fix.is_safe or options.unsafe_fixes)
                                                 for d in diagnostics)


def _from_cache(source: Source, cached, options: RunOptions) -> _Done | None:
    """A finished task from the index, unless --fix would change the file."""
    diagnostics, stub, signatures = cached
    if _would_fix(diagnostics, options):
        return None
    for d in diagnostics:
        old = d.path
        d.path = source.display
        d.related = tuple(r if r.path != old else type(r)(source.display, *_related_fields(r)) for r in d.related)
    if stub is not None:
        stub.path = source.display
    return _Done(source.display, diagnostics, stub=stub, signatures=signatures or {})


def _related_fields(related) -> tuple:
    """A Related location's fields after its path."""
    return related.line, related.column, related.end_line, related.end_column, related.message


_POOL = None  # the run's process pool, created when first needed and closed at the end of run()


def _pool(options: RunOptions, count: int):
    """The run's process pool for `count` tasks, or None when one process is better."""
    global _POOL
    if _POOL is not None:
        return _POOL
    if options.jobs <= 1 or count < 8:
        return None
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    for rule in _LINTER.rules:
        rule.prepare()
    _POOL = multiprocessing.get_context("fork").Pool(options.jobs)
    return _POOL


def _close_pool() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.terminate()
        _POOL = None


BATCH = 256  # tasks in flight at once: the pool's feeder would otherwise read the whole corpus ahead


def _map(tasks, options: RunOptions, count: int):
    import itertools

    pool = _pool(options, count)
    if pool is None:
        yield from map(_work, tasks)
        return
    tasks = iter(tasks)
    while batch := list(itertools.islice(tasks, BATCH)):
        yield from pool.imap(_work, batch, chunksize=8)


def _read(source: Source, result: RunResult) -> bytes | None:
    try:
        return sys.stdin.buffer.read() if source.path is None else source.path.read_bytes()
    except (OSError, ValueError) as exc:
        result.messages.append(("error", f"{source.display}: cannot read: {getattr(exc, 'strerror', None) or exc}"))
        result.failed = True
        return None


def _run_files(sources: list[Source], options: RunOptions, result: RunResult, items: list, progress) -> None:
    by_name = {s.display: s for s in sources}
    reused: list[_Done] = []
    read: dict[str, bytes] = {}

    def tasks():
        for s in sources:
            if options.index is not None and s.path is not None and not options.keep_texts:
                cached = _lookup(options, s)
                done = _from_cache(s, cached, options) if cached else None
                if done is not None:
                    reused.append(done)
                    continue
            data = _read(s, result)
            if data is not None:
                if options.index is not None:
                    read[s.display] = data
                yield _Task(s.display, data)

    for done in [*_map(tasks(), options, len(sources)), *reused]:
        source = by_name[done.display]
        progress.step()
        data = read.pop(done.display, None)
        if done.binary_at is not None:
            result.messages.append(("warning", f"{done.display}: binary file (NUL byte at offset {done.binary_at}); "
                                               f"not checked"))
            continue
        _collect(done, result, items)
        if done.new_bytes is None:
            if data is not None and not done.diverged:
                options.index.store(source.path, data, done.diagnostics, done.stub, done.signatures)
            continue
        result.changed += 1
        if options.diff:
            result.messages.append(("diff", (done.display, done.old_text, done.new_text)))
        elif source.path is None:
            result.stdin_out = done.new_bytes
        elif not safe_to_write(source):
            result.messages.append(("error", f"{done.display}: is a symlink to outside the checked tree; not rewritten"))
            result.failed = True
        else:
            try:
                atomic_write(source.path.resolve(), done.new_bytes)
                if data is not None:
                    options.index.store(source.path, done.new_bytes, done.diagnostics, done.stub, done.signatures)
            except OSError as exc:
                result.messages.append(("error", f"{done.display}: cannot write: {exc.strerror or exc}"))
                result.failed = True


def _collect(done: _Done, result: RunResult, items: list) -> None:
    result.documents += 1
    if done.diverged:
        result.messages.append(("error", f"{done.display}: fixes did not converge after the pass limit; "
                                         f"the document was left as it was"))
        result.failed = True
    result.diagnostics += done.diagnostics
    result.fixed += done.fixed
    if done.stub is not None:
        record = done.stub.record
        if record is not None and "file" in record:  # one string object for every record of a file
            record["file"] = sys.intern(record["file"])
        items.append((done.stub, _LINTER.keep(done.signatures)))
    if done.text is not None:
        result.texts[done.display] = done.text


def _open_text(path: Path, mode: str):
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, mode + "b")
    return open(path, mode + "b")


def _run_jsonl(source: Source, options: RunOptions, result: RunResult, items: list, progress) -> None:
    """Check every record of a JSONL file; with --fix, rewrite it keeping every other field and line.

    The rewrite streams to a temporary file beside the original, in record
    order, so memory holds only the records still in flight; lines that are
    not valid records are copied unchanged.
    """
    import collections

    path = source.path
    pending: collections.deque = collections.deque()  # raw lines and record numbers, in file order
    records: dict[int, dict] = {}
    fixing = options.fix and not options.diff
    rewrite = out = None
    if fixing:
        if not safe_to_write(source):
            result.messages.append(("error", f"{source.display}: is a symlink to outside the checked tree; not rewritten"))
            result.failed = True
            fixing = False
        else:
            rewrite = _Rewrite(path)
            out = rewrite.open()

    def flush(upto: int | None) -> None:
        while pending and (upto is None or not isinstance(pending[0], int) or pending[0] <= upto):
            entry = pending.popleft()
            if isinstance(entry, int):
                out.write(json.dumps(records.pop(entry), ensure_ascii=False).encode("utf-8") + b"\n")
            else:
                out.write(entry if entry.endswith(b"\n") else entry + b"\n")

    def tasks():
        try:
            f = _open_text(path, "r")
        except OSError as exc:
            result.messages.append(("error", f"{source.display}: cannot read: {exc.strerror or exc}"))
            result.failed = True
            return
        with f:
            for number, raw in enumerate(f, 1):
                record = _parse(raw, number, source.display, options, result)
                if fixing:
                    pending.append(raw if record is None else number)
                if record is None:
                    continue
                obj, text, rid = record
                if fixing:
                    records[number] = obj
                yield _Task(f"{source.display}#{number}", text.encode("utf-8"),
                            {"id": rid, "number": number, "file": source.display})

    changed = False
    try:
        for done in _map(tasks(), options, 1000):
            progress.step()
            _collect(done, result, items)
            number = int(done.display.rsplit("#", 1)[1])
            if done.new_text is not None:
                changed = True
                result.changed += 1
                if options.diff:
                    result.messages.append(("diff", (done.display, done.old_text, done.new_text)))
                elif fixing:
                    records[number][options.text_field] = done.new_text
            if fixing:
                flush(number)
        if fixing:
            flush(None)
            rewrite.close(replace=changed)
    except OSError as exc:
        result.messages.append(("error", f"{source.display}: cannot write: {exc.strerror or exc}"))
        result.failed = True
    finally:
        if rewrite is not None:
            rewrite.close(replace=False)  # no-op after a successful close


def _drop_records(diagnostics: list, jsonl: dict, result: RunResult) -> list:
    """Apply the fixes that drop whole JSONL records; return the diagnostics left.

    Records keep their line numbers through the streaming fix (one line in, one
    line out), so the dropped ones are found by number in a second pass that
    rewrites the file atomically, keeping its compression.
    """
    drops: dict[str, set[int]] = {}
    for d in diagnostics:
        record = d.extra.get("record")
        if d.fix and d.fix.drop_record and record and record["file"] in jsonl:
            drops.setdefault(record["file"], set()).add(record["number"])
    if not drops:
        return diagnostics
    done: set[tuple[str, int]] = set()
    for display, numbers in drops.items():
        source = jsonl[display]
        if not safe_to_write(source):
            continue  # already reported when its records were fixed
        rewrite = _Rewrite(source.path)
        try:
            out = rewrite.open()
            with _open_text(source.path, "r") as f:
                for number, raw in enumerate(f, 1):
                    if number not in numbers:
                        out.write(raw)
            rewrite.close(replace=True)
        except OSError as exc:
            result.messages.append(("error", f"{display}: cannot write: {exc.strerror or exc}"))
            result.failed = True
            continue
        finally:
            rewrite.close(replace=False)
        done |= {(display, n) for n in numbers}
        result.fixed += len(numbers)
        result.changed += len(numbers)
    return [d for d in diagnostics
            if not (d.fix and d.fix.drop_record and (d.extra["record"]["file"], d.extra["record"]["number"]) in done)]


class _Rewrite:
    """A stream to a temporary file beside `path` (gzip-compressed for .gz) that replaces it when closed with
    `replace=True`, and is deleted otherwise: the original is never half-written."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = self.raw = self.out = None

    def open(self):
        import tempfile

        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".doclint-tmp",
                                        dir=self.path.resolve().parent)
        self.raw = os.fdopen(fd, "wb")
        gz = self.path.name.lower().endswith(".gz")
        self.out = gzip.GzipFile(fileobj=self.raw, mode="wb") if gz else self.raw
        return self.out

    def close(self, replace: bool) -> None:
        if self.tmp is None:
            return
        try:
            if self.out is not self.raw:
                self.out.close()
            self.raw.close()
            if replace:
                os.chmod(self.tmp, os.stat(self.path).st_mode & 0o7777)
                os.replace(self.tmp, self.path.resolve())
                self.tmp = None
        finally:
            if self.tmp is not None:
                try:
                    os.unlink(self.tmp)
                except OSError:
                    pass
                self.tmp = None


def _parse(raw: bytes, number: int, display: str, options: RunOptions, result: RunResult):
    """(record, text, id) or None (with a message) for a line that cannot be checked."""
    if not raw.strip():
        return None
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        result.messages.append(("warning", f"{display}:{number}: malformed JSON line skipped ({exc})"))
        return None
    if not isinstance(obj, dict):
        result.messages.append(("warning", f"{display}:{number}: record is not a JSON object; skipped"))
        return None
    text = obj.get(options.text_field)
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        result.messages.append(("warning", f"{display}:{number}: field {options.text_field!r} is {what}; skipped"))
        return None
    rid = obj.get(options.id_field, number)
    return obj, text, rid


class _Progress:
    """Documents done, rate and time left on stderr, redrawn in place; only on a terminal."""

    def __init__(self, enabled: bool, total: int | None = None):
        self.enabled = enabled and sys.stderr.isatty()
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.last = 0.0

    def step(self) -> None:
        if not self.enabled:
            return
        self.done += 1
        now = time.monotonic()
        if now - self.last >= 0.2:
            self.last = now
            rate = self.done / max(now - self.start, 1e-9)
            left = ""
            if self.total and self.done <= self.total:
                left = f", {(self.total - self.done) / rate:.0f}s left"
            of = f"/{self.total}" if self.total else ""
            sys.stderr.write(f"\r\x1b[2Kdoclint: {self.done}{of} documents, {rate:.0f}/s{left}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()
