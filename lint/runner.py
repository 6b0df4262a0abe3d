"""The local executor: checks files, stdin and JSONL corpora on this machine, in a pool of worker processes.

Each document is a task: it is read in this process, checked (and fixed) by a
Worker (doclint.worker) in a worker process, and its result gathered here;
the corpus rules then run over every document's signatures. Output order does
not depend on the number of workers. With an index (doclint.io.index), files
and corpora that did not change since a run stored them are not checked again.
"""
from __future__ import annotations

import gc
import itertools
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from doclint import corpus
from doclint.corpora import check_corpus
from doclint.files import check_files
from doclint.engine import Linters
from doclint.io import jsonl
from doclint.io.atomic import atomic_write
from doclint.io.discovery import Source, read_document, safe_to_write
from doclint.options import CheckOptions
from doclint.progress import Progress
from doclint.results import RunResult
from doclint.tree import tree_items
from doclint.worker import DocumentResult, Task, Worker

# The pool is forked only for at least this many tasks: fewer finish in one process before a pool's workers have
# started (each forks and warms its rules' tables). A judgement, not a measurement: forking costs about as much
# as checking a few short documents.
MIN_POOL_TASKS = 8
# Counting a file's statistics costs a small share of checking it (tokens only, no rule): the statistics pass is
# worth a pool from MIN_POOL_TASKS * FILES_PER_STATISTICS_TASK files. A judgement, as MIN_POOL_TASKS is.
FILES_PER_STATISTICS_TASK = 32
STATISTICS_SHARES_PER_JOB = 4  # the statistics pass's files are cut in 4 shares per job, so that no job waits long
BATCH = 256  # tasks in flight at once: the pool's feeder would otherwise read the whole corpus ahead
CHUNK = 8  # tasks sent to a worker at once: fewer round trips, and documents still spread evenly over workers


@dataclass(frozen=True)
class Plan:
    """What the command line decided for a local run, besides the options."""

    index: object = None  # an io.index.Index, or None with --no-cache
    tree: tuple = ()  # the project's files, for corpus rules on partial runs
    checked_paths: tuple = ()  # the files named or found for this run
    signatures: bool = True  # compute corpus signatures (pointless, and costly to import, for a lone document)
    statistics: bool = False  # count corpus statistics over the files first (see doclint.statistics)


class Pool:
    """The run's worker processes, forked when first worth it (and never where fork is missing), each holding
    the run's Worker, which the pool's initializer installs; closed at the end of the run."""

    def __init__(self, worker: Worker, jobs: int):
        self.worker = worker
        self.jobs = jobs
        self.pool = None

    def get(self, count: int):
        """The pool for `count` tasks, or None when one process is better."""
        if self.pool is None and self.jobs > 1 and count >= MIN_POOL_TASKS:
            import multiprocessing

            if "fork" in multiprocessing.get_all_start_methods():
                self.worker.prepare()
                gc.freeze()  # (and what the run built before the workers are forked: their collections leave it alone)
                self.pool = multiprocessing.get_context("fork").Pool(self.jobs, _install, (self.worker,))
        return self.pool

    def map(self, tasks, count: int):
        """The results of the tasks in order, as they are done (lazily: progress is drawn while work is done)."""
        pool = self.get(count)
        if pool is None:
            yield from map(self.worker, tasks)
            return
        tasks = iter(tasks)
        while batch := list(itertools.islice(tasks, BATCH)):
            yield from pool.imap(_call, batch, chunksize=CHUNK)

    def count_statistics(self, paths: list[Path]):
        """Corpus statistics of the files, counted in the pool's processes. The pool is forked now when it is
        worth it, and kept for the check: its workers keep the word tables the pass built. They read the counts
        from a file written once the pass is over."""
        from doclint import statistics  # numpy, and the tables of words: only for runs that count statistics

        if self.pool is None and self.jobs > 1:  # named before the workers are forked, so that they know it
            with tempfile.NamedTemporaryFile(prefix="doclint-stats-", suffix=".pickle", delete=False) as f:
                self.worker.statistics_file = f.name
        pool = self.get(len(paths) // FILES_PER_STATISTICS_TASK)
        if pool is None:
            self._forget_statistics_file()  # no worker yet: the ones forked later inherit the statistics
            return statistics.count(paths)
        shares = self.jobs * STATISTICS_SHARES_PER_JOB
        stats = statistics.CorpusStats()
        for part in pool.imap_unordered(statistics.count, [paths[n::shares] for n in range(shares)]):
            stats.merge(part)
        statistics.save(stats, self.worker.statistics_file)
        return stats

    def _forget_statistics_file(self) -> None:
        if self.worker.statistics_file is not None:
            Path(self.worker.statistics_file).unlink(missing_ok=True)
            self.worker.statistics_file = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool = None
        self._forget_statistics_file()


_worker: Worker | None = None  # in a worker process only: the Worker the pool's initializer installed


def _install(worker: Worker) -> None:
    global _worker
    _worker = worker


def _call(task: Task) -> DocumentResult:
    return _worker(task)


class LocalRun:
    """One run of the local executor over its sources."""

    def __init__(self, linters: Linters, options: CheckOptions, plan: Plan):
        self.linters, self.options, self.plan = linters, options, plan
        self.index = plan.index
        self.worker = Worker(linters, options, plan.signatures)
        self.pool = Pool(self.worker, options.jobs)
        self.result = RunResult()
        self.items: list = []  # (stub, signatures) of every document checked, for the corpus rules
        self.progress: Progress | None = None

    def run(self, sources: list[Source]) -> RunResult:
        # The objects start-up built (modules, tables, models) live to the end of the run: the collector leaves them
        # alone until then (5% of a one-worker check of the dev corpus; forked workers copy fewer pages).
        gc.freeze()
        try:
            if self.plan.statistics:
                paths = [s.path for s in sources if s.path is not None and not jsonl.is_jsonl(s.path)]
                self.linters.context.corpus = self.pool.count_statistics(paths)
            self._check(sources)
        finally:
            self.pool.close()
            if self.index is not None:
                self.index.close()
            gc.unfreeze()  # a program that runs doclint again collects what this run left
        return self.result

    def _check(self, sources: list[Source]) -> None:
        corpora = [s for s in sources if jsonl.is_jsonl(s.path)]
        files = [s for s in sources if not jsonl.is_jsonl(s.path)]
        self.progress = Progress(self.options.progress, None if corpora else len(sources))
        if files:
            check_files(self, files)
        for source in corpora:
            check_corpus(self, source)
        self.progress.close()
        if self.linters.primary.corpus_rules:
            self._corpus_rules(corpora)

    def _corpus_rules(self, corpora: list[Source]) -> None:
        """The corpus rules over every document checked (and the project's other files on a partial run)."""
        linter = self.linters.primary
        # Path order (records by number) decides which copy is reported; files reused from the index were
        # collected after the rest.
        self.items.sort(key=corpus.order)
        checked = {stub.path for stub, _ in self.items}
        others = tree_items(self, checked) if self.plan.tree else []
        # On a partial run the files given come last, so that they are the ones reported.
        found = [d for d in linter.check_signatures(others + self.items) if d.path in checked]
        corpus.name_related_records(found, self.items)
        if self.options.writing:
            found = self._drop_records(found, {s.display: s for s in corpora})
        self.result.diagnostics += found

    def _drop_records(self, found: list, corpora: dict[str, Source]) -> list:
        """Apply the fixes that drop whole JSONL records, in a second pass over each corpus; the findings left."""
        writable = {display for display, source in corpora.items() if safe_to_write(source)}
        dropped: set[tuple[str, int]] = set()
        for display, numbers in corpus.plan_drops(found, writable, self.options.unsafe_fixes).items():
            try:
                jsonl.drop_lines(corpora[display].path, numbers)
            except OSError as exc:
                self.result.error(f"{display}: cannot write: {exc.strerror or exc}")
                continue
            dropped |= {(display, n) for n in numbers}
            self.result.fixed += len(numbers)
            self.result.changed += len(numbers)
        return corpus.without_dropped(found, dropped)

    # -- shared by the checks of files and of corpora ---------------------------------------------------------
    def task(self, source: Source, data: bytes) -> Task:
        return Task(source.display, data, linter=self.linters.number(source.path))

    def read(self, source: Source) -> bytes | None:
        try:
            return sys.stdin.buffer.read() if source.path is None else read_document(source.path)
        except (OSError, ValueError) as exc:
            self.result.error(f"{source.display}: cannot read: {getattr(exc, 'strerror', None) or exc}")
            self.result.unreadable += 1
            return None

    def collect(self, done: DocumentResult) -> None:
        """A checked document's result into the run's."""
        result = self.result
        result.documents += 1
        result.messages += [("warning", note) for note in done.notes]
        if done.diverged:
            result.error(f"{done.display}: fixes did not converge after the pass limit; "
                         f"the document was left as it was")
        result.diagnostics += done.diagnostics
        result.fixed += done.fixed
        if done.stub is not None:
            record = done.stub.record
            if record is not None and "file" in record:  # one string object for every record of a file
                record["file"] = sys.intern(record["file"])
            self.items.append((done.stub, self.linters.primary.keep(done.signatures)))
        if done.text is not None:
            result.texts[done.display] = done.text

    def would_fix(self, diagnostics: list) -> bool:
        """Whether --fix or --diff would change a document with these findings."""
        return self.options.fixing and any(d.fix and (d.fix.is_safe or self.options.unsafe_fixes)
                                           for d in diagnostics)

    def write(self, source: Source, done: DocumentResult) -> bool:
        """Write a fixed file back; whether it was written."""
        if not safe_to_write(source):
            self.result.error(f"{done.display}: is a symlink to outside the checked tree; not rewritten")
            return False
        try:
            atomic_write(source.path.resolve(), done.new_bytes)
            return True
        except OSError as exc:
            self.result.error(f"{done.display}: cannot write: {exc.strerror or exc}")
            return False


def run(linters: Linters, sources: list[Source], options: CheckOptions, plan: Plan = Plan()) -> RunResult:
    """Check (and fix) every source on this machine."""
    if not isinstance(linters, Linters):
        linters = Linters(linters)
    return LocalRun(linters, options, plan).run(sources)
