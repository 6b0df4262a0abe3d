"""`doclint check --engine ray`: the same check over many JSONL shards, on a Ray cluster.

Imported only with `--engine ray`; needs `pip install "doclint[ray]"`. The plan:

1. Ray Data reads every shard (local paths, or any URI pyarrow's filesystems
   open: s3://, gs://, hdfs://, ...) in chunks of records;
2. workers run the document rules on each chunk with the same Worker as a
   local run (doclint.worker), which also computes the corpus signatures; a
   checked chunk stays in the object store, in columns (its diagnostics, its
   signatures, its group keys, its fixed texts, a few counts);
3. every corpus rule's group keys (LSH band keys, paragraph hashes) are
   grouped across the corpus, a shuffle; only documents that share a key with
   another document can be reported, so only their signatures come back to
   the driver, which never reads a chunk's other columns;
4. the driver runs the corpus rules on those documents in run order (shard
   order as given, then record number), which gives the same diagnostics as
   one machine checking every document;
5. with `--output-dir`, a task per shard writes the shard's diagnostics (the
   document rules' and the corpus rules') to `diagnostics/<shard>.jsonl` in
   report order, and with `--fix` the cleaned shard to `shards/<shard>`
   (shards are never rewritten in place); the driver writes `summary.json`
   and prints the report streamed from those files, a shard at a time, so
   that its memory does not grow with the corpus. Without `--output-dir` the
   driver gathers every diagnostic itself (a run small enough to print).

Determinism: chunks are keyed by (shard, first record) and every result is
sorted by those keys before use, so neither the number of workers nor the
order in which they finish changes the output.
"""
from __future__ import annotations

import atexit
import functools
import gzip
import json
import os
import pickle
import sys
import time
from dataclasses import dataclass

from doclint import corpus
from doclint.engine import without_superseded
from doclint.io.atomic import AtomicFile
from doclint.io.jsonl import Records
from doclint.options import CheckOptions
from doclint.results import RunResult
from doclint.worker import Task, Worker

CHUNK = 256  # records per task of document rules
# Blocks of checked chunks are passed on at 16 MB, not Ray Data's default 128 MB: a worker then holds a few
# chunks' results instead of most of a shard's.
BLOCK_BYTES = 16 * 1024 * 1024
SHARD_BITS = 40  # a document's number is its shard's number << 40 | its line: 2^40 lines per shard, 2^23 shards


@dataclass(frozen=True)
class Placement:
    """Where a Ray run goes: the cluster, and the folder (or URI) of its outputs."""

    address: str | None = None  # None: RAY_ADDRESS, else a local instance
    output_dir: str | None = None
    num_cpus: int | None = None  # for a local instance


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("ray") is not None


# -- reading and writing shards, local or remote --------------------------------------------------

def is_uri(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _absolute(path: str) -> str:
    """Workers do not share the driver's working directory: local paths are made absolute."""
    return path if is_uri(path) else os.path.abspath(path.removeprefix("file://"))


def open_input(path: str):
    """A binary stream of the shard's decompressed bytes."""
    if is_uri(path):
        import pyarrow.fs

        fs, inner = pyarrow.fs.FileSystem.from_uri(path)
        raw = fs.open_input_stream(inner)
    else:
        raw = open(path.removeprefix("file://"), "rb")
    return gzip.GzipFile(fileobj=raw) if path.lower().endswith(".gz") else raw


def open_output(path: str):
    """A binary stream that writes the file (compressed for .gz); local files appear only when complete."""
    if is_uri(path):
        import pyarrow.fs

        fs, inner = pyarrow.fs.FileSystem.from_uri(path)
        fs.create_dir(inner.rsplit("/", 1)[0], recursive=True)
        raw = fs.open_output_stream(inner)
        return gzip.GzipFile(fileobj=raw, mode="wb") if path.lower().endswith(".gz") else raw
    return AtomicFile(path.removeprefix("file://"), make_dirs=True)


# -- worker side ----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _worker(blob: bytes) -> Worker:
    """The run's Worker, unpickled once per worker process."""
    worker = pickle.loads(blob)
    worker.prepare()
    return worker


def _read_chunks(row: dict, chunk: int = CHUNK):
    """Rows of up to `chunk` raw lines of one shard, each with the number of its first line."""
    lines, first = [], 1
    with open_input(row["path"]) as f:
        for number, raw in enumerate(f, 1):
            if not lines:
                first = number
            lines.append(raw)
            if len(lines) == chunk:
                yield {"shard": row["shard"], "linter": row["linter"], "first": first, "blob": pickle.dumps(lines)}
                lines = []
    if lines:
        yield {"shard": row["shard"], "linter": row["linter"], "first": first, "blob": pickle.dumps(lines)}


def _check_chunk(row: dict, blob: bytes, display: str) -> dict:
    """Document rules and signatures for one chunk, with the Worker a local run uses; the results in columns, so
    that the driver reads only the ones it needs (see the module's plan)."""
    worker = _worker(blob)
    options, linters = worker.options, worker.linters
    records = Records(display, options.text_field, options.id_field)
    diagnostics, signatures, keys, changes, messages = [], [], [], {}, []
    documents = fixed = 0
    for offset, raw in enumerate(pickle.loads(row["blob"])):
        record = records.parse(raw, row["first"] + offset)
        if record is None:
            continue
        out = worker(Task(f"{display}#{record.number}", record.text.encode("utf-8"), record.where(display),
                          row["linter"]))
        documents += 1
        fixed += out.fixed
        if out.diverged:  # as a local run says it
            messages.append(("error", f"{out.display}: fixes did not converge after the pass limit; "
                                      f"the document was left as it was"))
        for d in out.diagnostics:
            d.rule = d.rule.code  # re-attached where the diagnostics are read
        diagnostics.append((record.number, out.diagnostics))
        if out.new_text is not None:
            changes[record.number] = out.new_text
        signatures.append((record.number, out.stub, out.signatures))
        keys.append((record.number, _group_keys(linters.primary, out.signatures)))
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    meta = (documents, fixed, len(changes), records.messages + messages, os.getpid(), peak)
    return {"shard": row["shard"], "linter": row["linter"], "first": row["first"], "meta": pickle.dumps(meta),
            "diag": pickle.dumps(diagnostics), "sig": pickle.dumps(signatures), "keys": pickle.dumps(keys),
            "changes": pickle.dumps(changes)}


def _group_keys(linter, signatures: dict) -> dict:
    """Each corpus rule's group keys of a document (by the rule's position), as 64-bit integers; None for a rule
    that needs every document."""
    keys = {}
    for n, rule in enumerate(linter.corpus_rules):
        sig = signatures.get(rule.code)
        found = rule.group_keys(sig) if sig is not None else []
        keys[n] = None if found is None else [_key64(rule.code, key) for key in found]
    return keys


def _key64(code: str, key) -> int:
    """A group key as a signed 64-bit integer (16 bytes per shuffled row with the document number)."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(f"{code}:{key!r}".encode(), digest_size=8).digest(), "little", signed=True)


def _doc_id(shard: int, number: int) -> int:
    return shard << SHARD_BITS | number


def _group_batch(batch: dict) -> dict:
    """One row per (group key, document) of the checked chunks in a batch: what the shuffle groups."""
    import numpy as np

    keys, docs, rules = [], [], []
    for shard, blob in zip(batch["shard"], batch["keys"]):
        for number, found in pickle.loads(blob):
            doc = _doc_id(int(shard), number)
            for n, ks in found.items():
                if ks:
                    keys += ks
                    docs += [doc] * len(ks)
                    rules += [n] * len(ks)
    return {"key": np.array(keys, dtype=np.int64), "doc": np.array(docs, dtype=np.int64),
            "rule": np.array(rules, dtype=np.int16)}


def _runs(batch: dict) -> dict:
    """The rows of a block of key-sorted rows whose key more than one document shares (vectorised).

    Equal keys may straddle two blocks, so every row of a block's first and last run is passed on too,
    marked `edge`; the driver merges those few across blocks.
    """
    import numpy as np

    k, d, r = batch["key"], batch["doc"], batch["rule"]
    if len(k) == 0:
        return {"key": k, "doc": d, "rule": r, "edge": np.zeros(0, dtype=bool)}
    order = np.lexsort((d, k))
    k, d, r = k[order], d[order], r[order]
    run_start = np.concatenate(([True], k[1:] != k[:-1]))
    new_doc = run_start | np.concatenate(([True], d[1:] != d[:-1]))
    starts = np.flatnonzero(run_start)
    sizes = np.diff(np.append(starts, len(k)))
    distinct = np.add.reduceat(new_doc.astype(np.int64), starts)
    edge = np.zeros(len(starts), dtype=bool)
    edge[[0, -1]] = True
    rows = np.repeat((distinct >= 2) | edge, sizes) & new_doc
    return {"key": k[rows], "doc": d[rows], "rule": r[rows], "edge": np.repeat(edge, sizes)[rows]}


# -- driver ---------------------------------------------------------------------------------------

def run(linters, shards: list[str], options: CheckOptions, placement: Placement) -> RunResult:
    """Check the shards on Ray (see the module's plan); the result as a local run gives it."""
    result = RunResult()
    started = time.perf_counter()
    _start(placement, options)
    result.timings["start"] = time.perf_counter() - started

    # 1-2: read and check, in chunks
    import ray.data

    blob = pickle.dumps(Worker(linters, options, signatures=bool(linters.primary.corpus_rules)))
    displays = dict(enumerate(shards))
    files = ray.data.from_items([{"shard": i, "path": _absolute(path), "linter": _linter_number(linters, path)}
                                 for i, path in enumerate(shards)], override_num_blocks=max(1, len(shards)))
    checked = (files.flat_map(_read_chunks)
               .map(lambda row: _check_chunk(row, blob, displays[row["shard"]]))
               .materialize())
    result.timings["check"] = time.perf_counter() - started - result.timings["start"]
    _count(checked, result)

    # 3: the shuffle: group keys across the corpus; keep documents that share one
    t = time.perf_counter()
    wanted = _shared_documents(checked, linters.primary)
    result.timings["shuffle"] = time.perf_counter() - t

    # 4: the corpus rules over the documents that may be reported
    t = time.perf_counter()
    found = _corpus_rules(linters.primary, _candidates(checked, linters, wanted))
    drops = corpus.plan_drops(found, set(shards), options.unsafe_fixes) if options.fix else {}
    dropped = {(file, n) for file, numbers in drops.items() for n in numbers}
    result.fixed += len(dropped)
    result.changed += len(dropped)
    found = corpus.without_dropped(found, dropped)
    result.timings["corpus"] = time.perf_counter() - t

    # 5: the diagnostics, per shard (written by the workers) or gathered here
    result.timings["total"] = time.perf_counter() - started
    if placement.output_dir:
        t = time.perf_counter()
        index = {path: i for i, path in displays.items()}
        outputs = Outputs(_absolute(placement.output_dir).rstrip("/"), shards, blob, options)
        result.diagnostics = outputs.write(checked, found, {index[f]: n for f, n in drops.items()}, linters)
        result.timings["write"] = time.perf_counter() - t
        outputs.summary(result)
    else:
        result.diagnostics = _gathered(checked, linters) + found
        from doclint.diagnostics import Diagnostic

        result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def _linter_number(linters, shard: str) -> int:
    """The linter of a local shard's configuration; a URI's is the run's own."""
    from pathlib import Path

    return 0 if is_uri(shard) else linters.number(Path(shard.removeprefix("file://")))


def _start(placement: Placement, options: CheckOptions) -> None:
    """Join (or start) the cluster, and set Ray Data up for the run."""
    import logging

    import ray

    # A local instance's workers inherit this process's environment (one BLAS thread: see cli.main); a
    # cluster's workers get the cluster's own, set in its runtime environment (a per-job runtime_env here
    # would make Ray start fresh workers for it, which costs seconds per worker).
    init = dict(address=placement.address, log_to_driver=False, configure_logging=True, logging_level="ERROR",
                include_dashboard=False)
    if placement.address is None and placement.num_cpus:
        init["num_cpus"] = placement.num_cpus
    if not ray.is_initialized():
        ray.init(**init)
    import ray.data
    from ray.data.context import ShuffleStrategy

    for name in ("ray", "ray.data"):  # the report goes to stdout and problems to stderr; Ray's chatter to neither
        logging.getLogger(name).setLevel(logging.ERROR)
        for handler in logging.getLogger(name).handlers:
            handler.setLevel(logging.ERROR)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = options.progress and sys.stderr.isatty()
    context.print_on_execution_start = False
    context.target_max_block_size = BLOCK_BYTES
    # Sort-based shuffles run as plain tasks; the default hash shuffle starts aggregator actors, which on a
    # small cluster cost more than the grouping itself.
    context.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED


def _count(checked, result: RunResult) -> None:
    """Documents, fixes, messages and workers' peak memory of the checked chunks (their small column only)."""
    peaks: dict[int, int] = {}
    messages = []
    for row in checked.select_columns(["shard", "first", "meta"]).iter_rows():
        documents, fixed, changed, chunk_messages, worker, peak = pickle.loads(row["meta"])
        result.documents += documents
        result.fixed += fixed
        result.changed += changed
        peaks[worker] = max(peaks.get(worker, 0), peak)
        messages.append(((row["shard"], row["first"]), chunk_messages))
    result.messages = [m for _, chunk_messages in sorted(messages, key=lambda m: m[0]) for m in chunk_messages]
    result.failed = any(level == "error" for level, _ in result.messages)
    result.worker_peak_mb = {pid: kb / 1024 for pid, kb in sorted(peaks.items())}


def _candidates(checked, linters, wanted: dict) -> dict[str, list]:
    """The signatures of the documents the corpus rules may report, by rule code: ((shard, record), stub, kept
    signature) each (kept as the rule keeps them: see CorpusRule.keep). The other documents' signatures never
    leave the workers."""
    import ray

    from doclint.rule import CorpusRule

    everything = {r.code for r in linters.primary.corpus_rules if type(r).group_keys is CorpusRule.group_keys}
    wanted_ref = ray.put(wanted)

    def keep(row: dict) -> dict:
        wanted = _wanted(wanted_ref)
        kept = []
        for number, stub, signatures in pickle.loads(row["sig"]):
            doc = _doc_id(row["shard"], number)
            sigs = {code: sig for code, sig in signatures.items()
                    if code in wanted and (code in everything or doc in wanted[code])}
            if sigs:
                kept.append((number, stub, sigs))
        return {"shard": row["shard"], "sig": pickle.dumps(kept)}

    rules = {r.code: r for r in linters.primary.corpus_rules}
    items: dict[str, list] = {code: [] for code in wanted}
    for row in checked.select_columns(["shard", "sig"]).map(keep).iter_rows():
        for number, stub, signatures in pickle.loads(row["sig"]):
            for code, sig in signatures.items():
                items[code].append(((row["shard"], number), stub, rules[code].keep(sig) if sig is not None else None))
    return items


@functools.lru_cache(maxsize=1)
def _wanted(ref) -> dict:
    """The documents the corpus rules may report (an object reference's value, read once per worker)."""
    import ray

    return ray.get(ref)


def _gathered(checked, linters) -> list:
    """Every document diagnostic, gathered on the driver (a run without --output-dir)."""
    rules = [{r.code: r for r in linter.rules} for linter in linters.all]
    out = []
    for row in checked.select_columns(["linter", "diag"]).iter_rows():
        for _, diagnostics in pickle.loads(row["diag"]):
            for d in diagnostics:
                d.rule = rules[row["linter"]][d.rule]
            out += diagnostics
    return out


def _corpus_rules(linter, items: dict) -> list:
    """Each corpus rule over the documents that may be reported, in run order (shard as given, then record)."""
    found = []
    for code, rule_items in items.items():
        rule = next(r for r in linter.corpus_rules if r.code == code)
        rule_items.sort(key=lambda item: item[0])
        kept = [(stub, sig) for _, stub, sig in rule_items]
        if len(kept) >= 2:
            rule_found = linter.check_corpus_rule(rule, kept)
            corpus.name_related_records(rule_found, kept)  # as the local engine does: related records by id
            found += rule_found
    return without_superseded(found)  # as the local engine does: one finding where two rules read one leftover


def _shared_documents(checked, linter) -> dict[str, set[int]]:
    """For each corpus rule, the documents that share one of its group keys with another document."""
    codes = [r.code for r in linter.corpus_rules]
    wanted: dict[str, set[int]] = {code: set() for code in codes}
    groups = checked.select_columns(["shard", "keys"]).map_batches(_group_batch, batch_format="numpy")
    if not codes or not groups.count():
        return wanted
    edges: dict[int, tuple[int, set]] = {}
    shared = groups.sort("key").map_batches(_runs, batch_format="numpy", batch_size=None)
    for batch in shared.iter_batches(batch_format="numpy", batch_size=None):
        inner = ~batch["edge"]
        for n in set(batch["rule"][inner].tolist()):
            wanted[codes[n]].update(batch["doc"][inner & (batch["rule"] == n)].tolist())
        for key, doc, n in zip(*(batch[c][batch["edge"]].tolist() for c in ("key", "doc", "rule"))):
            edges.setdefault(key, (n, set()))[1].add(doc)
    for n, docs in edges.values():  # runs at block edges, merged across blocks
        if len(docs) >= 2:
            wanted[codes[n]].update(docs)
    return wanted


def shard_names(shards: list[str]) -> list[str]:
    """Output names: each shard's file name, prefixed by its position when two share a name."""
    names = [s.rstrip("/").rsplit("/", 1)[-1] for s in shards]
    if len(set(names)) < len(names):
        names = [f"{i:05d}-{n}" for i, n in enumerate(names)]
    return names


class Outputs:
    """The files of a run with --output-dir: per shard its diagnostics (`diagnostics/<shard>.jsonl`) and, with
    --fix, the cleaned shard (`shards/<shard>`), each written by a task of its own; `summary.json`."""

    def __init__(self, root: str, shards: list[str], blob: bytes, options: CheckOptions):
        self.root, self.shards, self.blob, self.options = root, shards, blob, options
        self.names = shard_names(shards)
        self.counts: dict[str, int] = {}

    def write(self, checked, found: list, drops: dict, linters) -> "ShardDiagnostics":
        """Write every shard's files; the diagnostics, as the report reads them (from the files, a shard at a
        time). `found` are the corpus rules' findings, `drops` the records a fix drops, by shard."""
        import ray

        index = {path: i for i, path in enumerate(self.shards)}
        by_shard: dict[int, list] = {}
        for d in found:  # to the shards' tasks, with the rule as its code (re-attached where they are read)
            d.rule = d.rule.code
            by_shard.setdefault(index[d.extra["record"]["file"]], []).append(d)
        refs = {shard: ray.put(pickle.dumps(items)) for shard, items in by_shard.items()}
        atexit.register(_remove, f"{self.root}/{_REPORT}")
        sources = [_absolute(shard) for shard in self.shards]  # the workers' folder is not the driver's
        task = functools.partial(_write_shard, root=self.root, names=self.names, sources=sources,
                                 blob=self.blob, corpus_found=refs, drops=drops)
        written = (checked.select_columns(["shard", "linter", "first", "diag", "changes"])
                   .groupby("shard").map_groups(task, batch_format="numpy"))
        sizes = {}
        for row in written.iter_rows():
            sizes[row["shard"]] = row["count"]
            for code, n in pickle.loads(row["counts"]).items():
                self.counts[code] = self.counts.get(code, 0) + n
        for shard in range(len(self.shards)):
            if shard not in sizes:  # a shard without a record: an empty file all the same
                sizes[shard] = _write_shard(_empty_group(shard), root=self.root, names=self.names,
                                            sources=sources, blob=self.blob, corpus_found={}, drops=drops)["count"][0]
        return ShardDiagnostics(self, sizes, linters)

    def report_path(self, shard: int) -> str:
        return f"{self.root}/{_REPORT}/{_base(self.names[shard])}.pickle"

    def summary(self, result: RunResult) -> None:
        summary = {"shards": len(self.shards), "documents": result.documents, "diagnostics": len(result.diagnostics),
                   "by_rule": dict(sorted(self.counts.items())), "fixed": result.fixed if self.options.fix else 0,
                   "seconds": {k: round(v, 3) for k, v in result.timings.items()},
                   "worker_peak_mb": [round(v, 1) for v in result.worker_peak_mb.values()]}
        with open_output(f"{self.root}/summary.json") as out:
            out.write(json.dumps(summary, indent=2).encode("utf-8") + b"\n")


_REPORT = ".report"  # in the output folder: each shard's diagnostics pickled for the driver's report, until it exits
REPORT_BATCH = 1024  # diagnostics pickled together in a shard's report file: a few hundred KB read at a time


def _base(name: str) -> str:
    """A shard's output name without compression, as .jsonl."""
    base = name.removesuffix(".gz").removesuffix(".GZ")
    return base if base.endswith(".jsonl") else base.rsplit(".", 1)[0] + ".jsonl"


def _empty_group(shard: int) -> dict:
    """The rows of a shard that holds no line (no chunk was read from it)."""
    return {"shard": [shard], "linter": [], "first": [], "diag": [], "changes": []}


def _write_shard(batch: dict, *, root: str, names: list, sources: list, blob: bytes, corpus_found: dict,
                 drops: dict) -> dict:
    """One shard's outputs (a task per shard): its diagnostics in report order (records by number, then place)
    to `diagnostics/<shard>.jsonl` and, pickled, for the driver's report; with --fix, the cleaned shard.
    `corpus_found` holds the corpus rules' findings per shard (object references), `drops` the records a fix
    drops. Returns the shard, its number of diagnostics and the number per rule."""
    import numpy as np
    import ray

    from doclint.reporters import diagnostic_to_json

    worker = _worker(blob)
    shard = int(batch["shard"][0])
    order = np.argsort(np.asarray(batch["first"], dtype=np.int64), kind="stable")
    rules = [{r.code: r for r in linter.rules} for linter in worker.linters.all]
    found = pickle.loads(ray.get(corpus_found[shard])) if shard in corpus_found else []
    counts: dict[str, int] = {}
    written = 0
    base = _base(names[shard])
    with open_output(f"{root}/diagnostics/{base}") as out, open_output(f"{root}/{_REPORT}/{base}.pickle") as pickled:
        batch_out = []
        for linter, d in _in_report_order(batch, order, found):
            rule_code, d.rule = d.rule, rules[linter][d.rule]
            out.write(json.dumps(diagnostic_to_json(d), ensure_ascii=False).encode("utf-8") + b"\n")
            d.rule = rule_code
            counts[rule_code] = counts.get(rule_code, 0) + 1
            batch_out.append((linter, d))
            if len(batch_out) == REPORT_BATCH:
                pickle.dump(batch_out, pickled, protocol=pickle.HIGHEST_PROTOCOL)
                batch_out = []
            written += 1
        if batch_out:
            pickle.dump(batch_out, pickled, protocol=pickle.HIGHEST_PROTOCOL)
    if worker.options.fix:
        changes = {n: text for k in order for n, text in pickle.loads(batch["changes"][k]).items()}
        _write_fixed_shard(sources[shard], f"{root}/shards/{names[shard]}", worker.options.text_field,
                           changes, drops.get(shard, set()))
    return {"shard": [shard], "count": [written], "counts": [pickle.dumps(counts)]}


def _in_report_order(batch: dict, order, found: list):
    """(linter number, diagnostic) of a shard: the document rules' (chunk after chunk, each in record order)
    merged with the corpus rules' (the primary linter's), by record number and place; on a tie the document
    rule's first, as a local run's stable sort leaves them."""
    import heapq

    def documents():
        for k in order:
            linter = int(batch["linter"][k])
            for number, diagnostics in pickle.loads(batch["diag"][k]):
                for d in diagnostics:
                    yield (number, d.start, d.end, d.rule), linter, d

    corpus_rules = sorted((((d.extra["record"]["number"], d.start, d.end, d.rule), 0, d) for d in found),
                          key=lambda item: item[0])
    for _, linter, d in heapq.merge(documents(), corpus_rules, key=lambda item: item[0]):
        yield linter, d


class ShardDiagnostics:
    """The diagnostics of a run with --output-dir as the report reads them: from the files the shards' tasks
    wrote, one batch at a time, in report order (shards by name, then records by number). A report of any size
    is streamed, never held: iterating again reads the files again."""

    def __init__(self, outputs: Outputs, sizes: dict, linters):
        self.outputs, self.sizes = outputs, sizes
        self.rules = [{r.code: r for r in linter.rules} for linter in linters.all]

    def __len__(self) -> int:
        return sum(self.sizes.values())

    def __bool__(self) -> bool:
        return len(self) > 0

    def sort(self, key=None) -> None:
        """They are in report order already."""

    def __iter__(self):
        shards = self.outputs.shards
        for shard in sorted(range(len(shards)), key=shards.__getitem__):
            if not self.sizes.get(shard):
                continue
            with open_input(self.outputs.report_path(shard)) as f:
                while True:
                    try:
                        batch = pickle.load(f)
                    except EOFError:
                        break
                    for linter, d in batch:
                        d.rule = self.rules[linter][d.rule]
                        yield d


def _remove(folder: str) -> None:
    """Remove a folder of the outputs (local or remote), if it is there."""
    if is_uri(folder):
        import pyarrow.fs

        fs, inner = pyarrow.fs.FileSystem.from_uri(folder)
        try:
            fs.delete_dir(inner)
        except OSError:
            pass
        return
    import shutil

    shutil.rmtree(folder.removeprefix("file://"), ignore_errors=True)


def _write_fixed_shard(source: str, target: str, text_field: str, changes: dict, drops: set) -> None:
    """Copy a shard line by line, with fixed texts put back and dropped records left out."""
    with open_input(source) as f, open_output(target) as out:
        for number, raw in enumerate(f, 1):
            if number in drops:
                continue
            if number in changes:
                obj = json.loads(raw)
                obj[text_field] = changes[number]
                raw = json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"
            out.write(raw if raw.endswith(b"\n") else raw + b"\n")
