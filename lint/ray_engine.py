"""`doclint check --engine ray`: the same check over many JSONL shards, on a Ray cluster.

Imported only with `--engine ray`; needs `pip install "doclint[ray]"`. The plan:

1. Ray Data reads every shard (local paths, or any URI pyarrow's filesystems
   open: s3://, gs://, hdfs://, ...) in chunks of records;
2. workers run the document rules on each chunk with the same code as a local
   run (`runner._work`), and compute the corpus rules' signatures;
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

import gzip
import io
import json
import os
import pickle
import sys
import time
from dataclasses import dataclass, field

CHUNK = 256  # records per task of document rules


@dataclass
class RayOptions:
    address: str | None = None
    output_dir: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    text_field: str = "text"
    id_field: str = "id"
    num_cpus: int | None = None  # for a local instance
    progress: bool = False


@dataclass
class RayResult:
    diagnostics: list = field(default_factory=list)
    messages: list = field(default_factory=list)
    fixed: int = 0
    changed: int = 0
    documents: int = 0
    failed: bool = False
    timings: dict = field(default_factory=dict)
    worker_peak_mb: dict = field(default_factory=dict)  # peak resident memory of each worker that checked chunks


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("ray") is not None


# -- reading and writing shards, local or remote --------------------------------------------------

def _is_uri(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _absolute(path: str) -> str:
    """Workers do not share the driver's working directory: local paths are made absolute."""
    return path if _is_uri(path) else os.path.abspath(path.removeprefix("file://"))


def open_input(path: str):
    """A binary stream of the shard's decompressed bytes."""
    if _is_uri(path):
        import pyarrow.fs

        fs, inner = pyarrow.fs.FileSystem.from_uri(path)
        raw = fs.open_input_stream(inner)
    else:
        raw = open(path.removeprefix("file://"), "rb")
    return gzip.GzipFile(fileobj=raw) if path.lower().endswith(".gz") else raw


def open_output(path: str):
    """A binary stream that writes the file (compressed for .gz); local files appear only when complete."""
    if _is_uri(path):
        import pyarrow.fs

        fs, inner = pyarrow.fs.FileSystem.from_uri(path)
        fs.create_dir(inner.rsplit("/", 1)[0], recursive=True)
        raw = fs.open_output_stream(inner)
    else:
        raw = _AtomicFile(path.removeprefix("file://"))
    return gzip.GzipFile(fileobj=raw, mode="wb") if path.lower().endswith(".gz") else raw


class _AtomicFile(io.RawIOBase):
    def __init__(self, path: str):
        import tempfile

        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        self.path = path
        fd, self.tmp = tempfile.mkstemp(prefix=".doclint-", dir=os.path.dirname(os.path.abspath(path)))
        self.f = os.fdopen(fd, "wb")

    def writable(self):
        return True

    def write(self, data):
        return self.f.write(data)

    def close(self):
        if not self.closed:
            self.f.close()
            os.replace(self.tmp, self.path)
        super().close()


# -- worker side ----------------------------------------------------------------------------------

_WORKER: dict = {}


def _linter(blob: bytes):
    """The linter and run options, unpickled once per worker process."""
    if _WORKER.get("blob") != blob:
        from doclint import runner

        linter, options = pickle.loads(blob)
        for rule in linter.rules:
            rule.prepare()
        runner._LINTER, runner._OPTIONS = linter, options
        _WORKER.update(blob=blob, linter=linter, options=options)
    return _WORKER["linter"], _WORKER["options"]


def _read_chunks(row: dict, chunk: int = CHUNK):
    """Rows of up to `chunk` raw lines of one shard, each with the number of its first line."""
    lines, first = [], 1
    with open_input(row["path"]) as f:
        for number, raw in enumerate(f, 1):
            if not lines:
                first = number
            lines.append(raw)
            if len(lines) == chunk:
                yield {"shard": row["shard"], "first": first, "blob": pickle.dumps(lines)}
                lines = []
    if lines:
        yield {"shard": row["shard"], "first": first, "blob": pickle.dumps(lines)}


def _check_chunk(row: dict, blob: bytes, display: str) -> dict:
    """Document rules and signatures for one chunk, with the code a local run uses."""
    from doclint import runner

    linter, options = _linter(blob)
    result = runner.RunResult()
    done = []
    for offset, raw in enumerate(pickle.loads(row["blob"])):
        number = row["first"] + offset
        record = runner._parse(raw, number, display, options, result)
        if record is None:
            continue
        _, text, rid = record
        out = runner._work(runner._Task(f"{display}#{number}", text.encode("utf-8"),
                                        {"id": rid, "number": number, "file": display}))
        if out.diverged:  # as a local run says it
            result.messages.append(("error", f"{out.display}: fixes did not converge after the pass limit; "
                                             f"the document was left as it was"))
        for d in out.diagnostics:
            d.rule = d.rule.code  # re-attached on the driver
        keys = {}
        for n, rule in enumerate(linter.corpus_rules):
            sig = out.signatures.get(rule.code)
            found = rule.group_keys(sig) if sig is not None else []
            keys[n] = None if found is None else [_key64(rule.code, key) for key in found]
        done.append((number, out.diagnostics, out.new_text, out.fixed, out.stub, out.signatures, keys))
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    return {"shard": row["shard"], "first": row["first"], "blob": pickle.dumps((done, result.messages)),
            "worker": os.getpid(), "peak_kb": peak}


def _key64(code: str, key) -> int:
    """A group key as a signed 64-bit integer (16 bytes per shuffled row with the document number)."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(f"{code}:{key!r}".encode(), digest_size=8).digest(), "little", signed=True)


def _doc_id(shard: int, number: int) -> int:
    return shard << 40 | number  # up to 2^40 lines per shard, 2^23 shards


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

def run(linter, shards: list[str], options: RayOptions) -> RayResult:
    import ray
    from doclint import runner
    from doclint.diagnostics import Diagnostic

    result = RayResult()
    started = time.perf_counter()
    # A local instance's workers inherit this process's environment (one BLAS thread: see cli.main); a
    # cluster's workers get the cluster's own, set in its runtime environment (a per-job runtime_env here
    # would make Ray start fresh workers for it, which costs seconds per worker).
    init = dict(address=options.address, log_to_driver=False, configure_logging=True, logging_level="ERROR",
                include_dashboard=False)
    if options.address is None and options.num_cpus:
        init["num_cpus"] = options.num_cpus
    if not ray.is_initialized():
        ray.init(**init)
    result.timings["start"] = time.perf_counter() - started
    import logging

    import ray.data

    for name in ("ray", "ray.data"):  # the report goes to stdout and problems to stderr; Ray's chatter to neither
        logging.getLogger(name).setLevel(logging.ERROR)
        for handler in logging.getLogger(name).handlers:
            handler.setLevel(logging.ERROR)

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = options.progress and sys.stderr.isatty()
    context.print_on_execution_start = False
    # Blocks of checked chunks are passed on at 16 MB, not Ray Data's default 128 MB: a worker then holds
    # a few chunks' results instead of most of a shard's.
    context.target_max_block_size = 16 * 1024 * 1024
    from ray.data.context import ShuffleStrategy

    # Sort-based shuffles run as plain tasks; the default hash shuffle starts aggregator actors, which on a
    # small cluster cost more than the grouping itself.
    context.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED

    run_options = runner.RunOptions(fix=options.fix, unsafe_fixes=options.unsafe_fixes, text_field=options.text_field,
                                    id_field=options.id_field, signatures=bool(linter.corpus_rules))
    blob = pickle.dumps((linter, run_options))
    displays = {i: path for i, path in enumerate(shards)}

    # 1-2: read and check, in chunks
    files = ray.data.from_items([{"shard": i, "path": _absolute(path)} for i, path in enumerate(shards)],
                                override_num_blocks=max(1, len(shards)))
    checked = (files.flat_map(_read_chunks)
               .map(lambda row: _check_chunk(row, blob, displays[row["shard"]]))
               .materialize())
    result.timings["check"] = time.perf_counter() - started - result.timings["start"]

    # 3: the shuffle: group keys across the corpus; keep documents that share one
    t = time.perf_counter()
    wanted = _shared_documents(checked, linter)
    from doclint.rule import CorpusRule

    everything = {r.code for r in linter.corpus_rules if type(r).group_keys is CorpusRule.group_keys}
    result.timings["shuffle"] = time.perf_counter() - t

    # 4: document diagnostics, and the corpus rules over the documents that may be reported
    t = time.perf_counter()
    by_code = {r.code: r for r in linter.rules}
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
                d.rule = by_code[d.rule]
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
    corpus = []
    for code, rule_items in items.items():
        rule = by_code[code]
        rule_items.sort(key=lambda item: item[0])  # run order: shard as given, then record number
        kept = [(stub, rule.keep(sig) if sig is not None else None) for _, stub, sig in rule_items]
        if len(kept) >= 2:
            found = []
            for stub, d in rule.check_corpus(kept, linter.context):
                found += linter.unsuppressed([linter.finish(d, rule, stub)], stub)
            runner._name_related_records(found, kept)  # as the local engine does: related records by id
            corpus += found
    drops: dict[int, set[int]] = {}
    if options.fix and options.unsafe_fixes:
        index = {path: i for i, path in displays.items()}
        left = []
        for d in corpus:
            if d.fix and d.fix.drop_record:
                drops.setdefault(index[d.extra["record"]["file"]], set()).add(d.extra["record"]["number"])
                result.fixed += 1
                result.changed += 1
            else:
                left.append(d)
        corpus = left
    result.diagnostics += corpus
    result.diagnostics.sort(key=Diagnostic.sort_key)
    result.changed += sum(len(c) for c in changes.values())
    result.timings["corpus"] = time.perf_counter() - t

    # 5: per-shard output
    result.timings["total"] = time.perf_counter() - started
    if options.output_dir:
        t = time.perf_counter()
        _write_outputs(options, shards, result, changes, drops)
        result.timings["write"] = time.perf_counter() - t
    return result


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


def _write_outputs(options: RayOptions, shards: list[str], result: RayResult, changes: dict, drops: dict) -> None:
    import ray

    from doclint.reporters import diagnostic_to_json

    root = _absolute(options.output_dir).rstrip("/")
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
        ray.get([rewrite.remote(_absolute(shard), f"{root}/shards/{name}", options.text_field, changes.get(i, {}), drops.get(i, set()))
                 for i, (shard, name) in enumerate(zip(shards, names))])
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
