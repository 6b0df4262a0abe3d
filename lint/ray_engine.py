"""`doclint check --engine ray`: the same check over many JSONL shards, on a Ray cluster.

Imported only with `--engine ray`; needs `pip install "doclint[ray]"`. The plan:

1. Ray Data reads every shard (local paths, or any URI pyarrow's filesystems
   open: s3://, gs://, hdfs://, ...) in chunks of records;
2. workers run the document rules on each chunk with the same Worker as a
   local run (doclint.worker), which also computes the corpus signatures;
3. every corpus rule's group keys (LSH band keys, paragraph hashes) are
   grouped across the corpus, a shuffle; only documents that share a key with
   another document can be reported, so only their signatures come back;
4. the driver runs the corpus rules on those documents in run order (shard
   order as given, then record number), which gives the same diagnostics as
   one machine checking every document;
5. the report is printed as a local run prints it; with `--output-dir`, each
   shard's diagnostics go to `diagnostics/<shard>.jsonl`, a `summary.json`
   beside them, and with `--fix` the cleaned shards to `shards/<shard>`
   (shards are never rewritten in place).

Determinism: chunks are keyed by (shard, first record) and every result is
sorted by those keys before use, so neither the number of workers nor the
order in which they finish changes the output.
"""
from __future__ import annotations

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
    """Document rules and signatures for one chunk, with the Worker a local run uses."""
    worker = _worker(blob)
    options, linters = worker.options, worker.linters
    records = Records(display, options.text_field, options.id_field)
    done, messages = [], []
    for offset, raw in enumerate(pickle.loads(row["blob"])):
        record = records.parse(raw, row["first"] + offset)
        if record is None:
            continue
        out = worker(Task(f"{display}#{record.number}", record.text.encode("utf-8"), record.where(display),
                          row["linter"]))
        if out.diverged:  # as a local run says it
            messages.append(("error", f"{out.display}: fixes did not converge after the pass limit; "
                                      f"the document was left as it was"))
        for d in out.diagnostics:
            d.rule = d.rule.code  # re-attached on the driver
        keys = {}
        for n, rule in enumerate(linters.primary.corpus_rules):
            sig = out.signatures.get(rule.code)
            found = rule.group_keys(sig) if sig is not None else []
            keys[n] = None if found is None else [_key64(rule.code, key) for key in found]
        done.append((record.number, out.diagnostics, out.new_text, out.fixed, out.stub, out.signatures, keys))
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    return {"shard": row["shard"], "linter": row["linter"], "first": row["first"],
            "blob": pickle.dumps((done, records.messages + messages)),
            "worker": os.getpid(), "peak_kb": peak}


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
    for shard, blob in zip(batch["shard"], batch["blob"]):
        done, _ = pickle.loads(blob)
        for number, *_, found in done:
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

    # 3: the shuffle: group keys across the corpus; keep documents that share one
    t = time.perf_counter()
    wanted = _shared_documents(checked, linters.primary)
    result.timings["shuffle"] = time.perf_counter() - t

    # 4: document diagnostics, and the corpus rules over the documents that may be reported
    t = time.perf_counter()
    items, changes = _gather(checked, linters, wanted, result)
    found = _corpus_rules(linters.primary, items)
    drops = corpus.plan_drops(found, set(shards), options.unsafe_fixes) if options.fix else {}
    dropped = {(file, n) for file, numbers in drops.items() for n in numbers}
    result.fixed += len(dropped)
    result.changed += len(dropped) + sum(len(c) for c in changes.values())
    result.diagnostics += corpus.without_dropped(found, dropped)
    from doclint.diagnostics import Diagnostic

    result.diagnostics.sort(key=Diagnostic.sort_key)
    result.timings["corpus"] = time.perf_counter() - t

    # 5: per-shard output
    result.timings["total"] = time.perf_counter() - started
    if placement.output_dir:
        t = time.perf_counter()
        index = {path: i for i, path in displays.items()}
        _write_outputs(options, placement, shards, result, changes, {index[f]: n for f, n in drops.items()})
        result.timings["write"] = time.perf_counter() - t
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


def _gather(checked, linters, wanted: dict, result: RunResult) -> tuple[dict, dict]:
    """The checked chunks' diagnostics and messages into the result; (the corpus rules' items by rule code, the
    fixed texts by shard and record number)."""
    from doclint.rule import CorpusRule

    everything = {r.code for r in linters.primary.corpus_rules if type(r).group_keys is CorpusRule.group_keys}
    rules = [{r.code: r for r in linter.rules} for linter in linters.all]
    items: dict[str, list] = {code: [] for code in wanted}
    changes: dict[int, dict[int, str]] = {}
    peaks: dict[int, int] = {}
    messages = []
    for row in checked.iter_rows():  # in any order: everything below is sorted by (shard, record) afterwards
        peaks[row["worker"]] = max(peaks.get(row["worker"], 0), row["peak_kb"])
        shard = row["shard"]
        done, chunk_messages = pickle.loads(row["blob"])
        messages.append(((shard, row["first"]), chunk_messages))
        for number, diagnostics, new_text, fixed, stub, signatures, _ in done:
            result.documents += 1
            for d in diagnostics:
                d.rule = rules[row["linter"]][d.rule]
            result.diagnostics += diagnostics
            result.fixed += fixed
            if new_text is not None:
                changes.setdefault(shard, {})[number] = new_text
            doc = _doc_id(shard, number)
            for code in items:
                if code in signatures and (code in everything or doc in wanted[code]):
                    items[code].append(((shard, number), stub, signatures[code]))
    result.messages = [m for _, chunk_messages in sorted(messages, key=lambda m: m[0]) for m in chunk_messages]
    result.failed = any(level == "error" for level, _ in result.messages)
    result.worker_peak_mb = {pid: kb / 1024 for pid, kb in sorted(peaks.items())}
    return items, changes


def _corpus_rules(linter, items: dict) -> list:
    """Each corpus rule over the documents that may be reported, in run order (shard as given, then record)."""
    found = []
    for code, rule_items in items.items():
        rule = next(r for r in linter.corpus_rules if r.code == code)
        rule_items.sort(key=lambda item: item[0])
        kept = [(stub, rule.keep(sig) if sig is not None else None) for _, stub, sig in rule_items]
        if len(kept) >= 2:
            rule_found = linter.check_corpus_rule(rule, kept)
            corpus.name_related_records(rule_found, kept)  # as the local engine does: related records by id
            found += rule_found
    return without_superseded(found)  # as the local engine does: one finding where two rules read one leftover


def _shared_documents(checked, linter) -> dict[str, set[int]]:
    """For each corpus rule, the documents that share one of its group keys with another document."""
    codes = [r.code for r in linter.corpus_rules]
    wanted: dict[str, set[int]] = {code: set() for code in codes}
    groups = checked.map_batches(_group_batch, batch_format="numpy")
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


def _write_outputs(options: CheckOptions, placement: Placement, shards: list[str], result: RunResult, changes: dict,
                   drops: dict) -> None:
    import ray

    from doclint.reporters import diagnostic_to_json

    root = _absolute(placement.output_dir).rstrip("/")
    names = shard_names(shards)
    per_shard: dict[str, list] = {s: [] for s in shards}
    for d in result.diagnostics:
        per_shard.setdefault(d.extra.get("record", {}).get("file", d.path), []).append(d)
    counts: dict[str, int] = {}
    for shard, name in zip(shards, names):
        base = name.removesuffix(".gz").removesuffix(".GZ")
        base = base if base.endswith(".jsonl") else base.rsplit(".", 1)[0] + ".jsonl"
        with open_output(f"{root}/diagnostics/{base}") as out:
            for d in per_shard.get(shard, []):
                out.write(json.dumps(diagnostic_to_json(d), ensure_ascii=False).encode("utf-8") + b"\n")
                counts[d.code] = counts.get(d.code, 0) + 1
    if options.fix:
        rewrite = ray.remote(_write_fixed_shard)
        ray.get([rewrite.remote(_absolute(shard), f"{root}/shards/{name}", options.text_field, changes.get(i, {}),
                                drops.get(i, set())) for i, (shard, name) in enumerate(zip(shards, names))])
    summary = {"shards": len(shards), "documents": result.documents, "diagnostics": len(result.diagnostics),
               "by_rule": dict(sorted(counts.items())), "fixed": result.fixed if options.fix else 0,
               "seconds": {k: round(v, 3) for k, v in result.timings.items()},
               "worker_peak_mb": [round(v, 1) for v in result.worker_peak_mb.values()]}
    with open_output(f"{root}/summary.json") as out:
        out.write(json.dumps(summary, indent=2).encode("utf-8") + b"\n")


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
