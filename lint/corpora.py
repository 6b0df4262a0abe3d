"""The local executor's check of a JSONL corpus: records streamed from the file, checked by the pool's workers,
the file rewritten as a stream when fixed; a corpus the index holds as it is now is not read at all."""
from __future__ import annotations

import hashlib

from doclint.io import jsonl
from doclint.io.discovery import Source, safe_to_write
from doclint.worker import DocumentResult, Task

# What a JSONL file counts for when the pool decides whether to fork (runner.MIN_POOL_TASKS): its records are not
# counted before they are read, and a corpus has many.
RECORD_TASKS = 1000


def check_corpus(run, source: Source) -> None:
    """Check every record of a JSONL file (`run` is the runner.LocalRun); with --fix, rewrite it keeping every
    other field and line."""
    if not _from_index(run, source):
        _CorpusCheck(run, source).check()


def index_key(run, source: Source) -> str:
    """What a stored corpus is valid for: the configuration's key, the text and id fields."""
    key = run.index.keys[run.linters.number(source.path)]
    fields = f"{key}\0{run.options.text_field}\0{run.options.id_field}"
    return hashlib.sha256(fields.encode()).hexdigest()[:32]


class _CorpusCheck:
    def __init__(self, run, source: Source):
        self.run, self.source, self.display = run, source, source.display
        options = run.options
        self.records = jsonl.Records(source.display, options.text_field, options.id_field)
        self.linter = run.linters.number(source.path)
        self.rewrite = None
        self.store = None
        self.stored_messages: list = []  # the messages, without the file's name, for a later run to say again
        self.read = False

    def check(self) -> None:
        run, options = self.run, self.run.options
        if options.writing:
            if safe_to_write(self.source):
                self.rewrite = jsonl.Rewrite(self.source.path, options.text_field)
            else:
                run.result.error(f"{self.display}: is a symlink to outside the checked tree; not rewritten")
        elif run.index is not None and not options.fixing and not options.keep_texts:
            self.store = run.index.store_corpus(self.source.path, index_key(run, self.source))
        changed = False
        try:
            for done in run.pool.map(self._tasks(), RECORD_TASKS):
                changed |= self._collect(done)
            if self.rewrite is not None:
                self.rewrite.finish(replace=changed)
            self._say(self.records.report())
            if self.store is not None and self.read:
                self.store.finish(self.stored_messages)
        except OSError as exc:
            run.result.error(f"{self.display}: cannot write: {exc.strerror or exc}")
        finally:
            if self.rewrite is not None:
                self.rewrite.finish(replace=False)  # a no-op after the file was put in place

    def _tasks(self):
        run = self.run
        try:
            f = jsonl.open_lines(self.source.path)
        except OSError as exc:
            run.result.error(f"{self.display}: cannot read: {exc.strerror or exc}")
            run.result.unreadable += 1
            return
        with f:
            for number, raw in enumerate(f, 1):
                if self.store is not None:
                    self.store.line(raw)
                record = self.records.parse(raw, number)
                self._say(self.records.messages)
                self.records.messages = []
                if self.rewrite is not None:
                    self.rewrite.line(raw, record)
                if record is not None:
                    yield Task(f"{self.display}#{number}", record.text.encode("utf-8"), record.where(self.display),
                               self.linter)
        self.read = True

    def _collect(self, done: DocumentResult) -> bool:
        """A record's result into the run's; whether its text changed."""
        run = self.run
        run.progress.step()
        number = int(done.display.rsplit("#", 1)[1])
        if self.store is not None:
            self.store.record(number, done.diagnostics, done.stub, done.signatures)
        self._remember([("warning", note) for note in done.notes])
        run.collect(done)
        if done.new_text is not None:
            run.result.changed += 1
            if run.options.diff:
                run.result.messages.append(("diff", (done.display, done.old_text, done.new_text)))
        if self.rewrite is not None:
            self.rewrite.done(number, done.new_text)
        return done.new_text is not None

    def _say(self, messages: list) -> None:
        for level, text in messages:
            (self.run.result.error if level == "error" else self.run.result.warning)(text)
        self._remember(messages)

    def _remember(self, messages: list) -> None:
        if self.store is not None:
            self.stored_messages += [(level, text[len(self.display):]) for level, text in messages]


def _from_index(run, source: Source) -> bool:
    """Report a corpus from the index, if it holds the file as it is now and --fix would change none of its
    records; whether it did."""
    if run.index is None or run.options.keep_texts:
        return False
    stored = run.index.corpus(source.path, index_key(run, source))
    if stored is None:
        return False
    messages, rows = stored
    results = [_renamed(source.display, *row) for row in rows]
    if any(run.would_fix(done.diagnostics) for done in results):
        return False
    for level, text in messages:
        (run.result.error if level == "error" else run.result.warning)(source.display + text)
    for done in results:
        run.progress.step()
        run.collect(done)
    return True


def _renamed(display: str, number: int, diagnostics: list, stub, signatures) -> DocumentResult:
    """A stored record's result under the name the corpus has in this run (`c.jsonl` or `./c.jsonl`)."""
    path = f"{display}#{number}"
    for d in diagnostics:
        old = d.path
        d.path = path
        if d.extra.get("record"):
            d.extra["record"]["file"] = display
        d.related = tuple(r if r.path != old else type(r)(path, r.line, r.column, r.end_line, r.end_column,
                                                          r.message) for r in d.related)
    if stub is not None:
        stub.path = path
        if stub.record:
            stub.record["file"] = display
    return DocumentResult(path, diagnostics, stub=stub, signatures=signatures or {})
