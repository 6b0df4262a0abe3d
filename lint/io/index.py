"""The persistent index: an SQLite database of what doclint knows about each file of a tree.

For every file checked it stores the path, size, modification time and
content hash, the diagnostics found (under a key of doclint's version and the
configuration), the document's line-index stub and its corpus signatures. A
later run re-reads only files whose size or mtime changed, reuses the stored
diagnostics of the others, and compares the files it was given with every
indexed file of the tree, so a pre-commit run on one changed file still finds
its near-duplicate elsewhere.

A JSONL corpus is stored as a whole: a row for the file (its size, mtime,
content hash and the messages its reading gave, under a key that adds the text
and id fields), and a row per record (the record's diagnostics, stub and
signatures). The file's row is written after the last record's, so a run
interrupted while storing leaves no entry that looks complete.

Concurrent runs are safe (WAL journal, a busy timeout, one transaction per
write). A corrupt or foreign database file is rebuilt, with a warning.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import threading
from pathlib import Path

SCHEMA_VERSION = 4  # 2: shingle hashes combine word hashes; 3: exact hash of the word hashes; 4: JSONL records
TABLES = {"doclint_meta", "files", "records"}
RECORDS_PER_WRITE = 1000  # records stored per transaction: few transactions, little held in memory
BUSY_TIMEOUT = 30  # seconds a run waits for another run's write to the same index


def config_key(linter) -> str:
    """A hash of doclint's version and everything in the configuration that changes diagnostics."""
    from doclint import __version__

    parts = [__version__]
    for rule in linter.rules:
        parts.append(f"{type(rule).__module__}.{type(rule).__name__}:{rule.code}:{rule.options!r}"
                     f"{_source_digest(type(rule))}:{rule.severity}:{rule.fix_applicability}")
    parts.append(repr(sorted(linter.config.per_file_ignores.items())))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def _source_digest(rule_class) -> str:
    """For a rule from outside doclint (a local module, an installed plugin), a hash of its module's source: the
    stored findings are stale once its author edits it. doclint's own rules change with its version."""
    import sys

    module = sys.modules.get(rule_class.__module__)
    if module is None or module.__name__.startswith("doclint.") or not getattr(module, "__file__", None):
        return ""
    try:
        return ":" + hashlib.sha256(Path(module.__file__).read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


class Index:
    def __init__(self, folder: Path, keys: list[str] | str, warn=lambda message: None):
        self.folder = folder
        self.path = folder / "index.sqlite"
        self.keys = [keys] if isinstance(keys, str) else keys  # per linter number (engine.Linters): config_key
        self.warn = warn
        self.lock = threading.Lock()
        folder.mkdir(parents=True, exist_ok=True)
        gitignore = folder / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("# Created by doclint: this folder is a cache.\n*\n")
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if names and "doclint_meta" not in names or not names <= TABLES:
                raise sqlite3.DatabaseError(f"not a doclint index (tables: {', '.join(sorted(names))})")
            if names:
                row = db.execute("SELECT value FROM doclint_meta WHERE name='schema'").fetchone()
                if not row or int(row[0]) != SCHEMA_VERSION:
                    raise sqlite3.DatabaseError("index from another doclint version")
            return db
        except sqlite3.DatabaseError as exc:
            self.warn(f"{self.path}: {exc}; rebuilding the cache")
            try:
                db.close()
            except Exception:  # noqa: BLE001 - the connection may never have opened
                pass
            for suffix in ("", "-wal", "-shm"):
                try:
                    os.unlink(f"{self.path}{suffix}")
                except OSError:
                    pass
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        # The pool's feeder thread looks files up while the main thread stores results: one lock guards it.
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT * 1000}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("CREATE TABLE IF NOT EXISTS doclint_meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("""CREATE TABLE IF NOT EXISTS files (
            path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, hash TEXT, config TEXT,
            diagnostics BLOB, stub BLOB, signatures BLOB)""")
        db.execute("""CREATE TABLE IF NOT EXISTS records (
            file TEXT, number INTEGER, diagnostics BLOB, stub BLOB, signatures BLOB, PRIMARY KEY (file, number))""")
        db.execute("INSERT OR IGNORE INTO doclint_meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        return db

    @staticmethod
    def _key(path: Path) -> str:
        return str(path.resolve())

    def lookup(self, path: Path, stat: os.stat_result, linter: int = 0):
        """(diagnostics, stub, signatures) stored for this file, if it has not changed since."""
        try:
            with self.lock:
                row = self.db.execute("SELECT size, mtime_ns, config, diagnostics, stub, signatures FROM files "
                                      "WHERE path = ?", (self._key(path),)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if not row or row[0] != stat.st_size or row[1] != stat.st_mtime_ns or row[2] != self.keys[linter]:
            return None
        try:
            return pickle.loads(row[3]), pickle.loads(row[4]), pickle.loads(row[5])
        except Exception:  # noqa: BLE001 - a bad entry is simply recomputed
            return None

    def fresh(self, path: Path, key: str) -> bool:
        """Whether the index holds this file as it is now (without loading what it holds)."""
        try:
            stat = path.stat()
            with self.lock:
                row = self.db.execute("SELECT size, mtime_ns, config FROM files WHERE path = ?",
                                      (self._key(path),)).fetchone()
        except (OSError, sqlite3.DatabaseError):
            return False
        return bool(row) and row[0] == stat.st_size and row[1] == stat.st_mtime_ns and row[2] == key

    def store(self, path: Path, data: bytes, diagnostics, stub, signatures, linter: int = 0) -> None:
        try:
            stat = path.stat()
        except OSError:
            return
        blob = (pickle.dumps(diagnostics), pickle.dumps(stub), pickle.dumps(signatures))
        try:
            with self.lock, self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                (self._key(path), stat.st_size, stat.st_mtime_ns,
                                 hashlib.sha256(data).hexdigest(), self.keys[linter], *blob))
        except sqlite3.DatabaseError as exc:
            self.warn(f"{self.path}: cannot store {path}: {exc}")

    # -- JSONL corpora ----------------------------------------------------------------------------------------
    def corpus(self, path: Path, key: str):
        """(messages, rows) stored for this JSONL file under `key` if it has not changed since, else None; rows
        are (number, diagnostics, stub, signatures) in record order, read as they are iterated."""
        if not self.fresh(path, key):
            return None
        try:
            with self.lock:
                row = self.db.execute("SELECT diagnostics FROM files WHERE path = ?", (self._key(path),)).fetchone()
            messages = pickle.loads(row[0])
        except Exception:  # noqa: BLE001 - a bad entry is simply recomputed
            return None
        return messages, self._records(self._key(path))

    def _records(self, file: str):
        with self.lock:
            rows = self.db.execute("SELECT number, diagnostics, stub, signatures FROM records WHERE file = ? "
                                   "ORDER BY number", (file,)).fetchall()
        for number, diagnostics, stub, signatures in rows:
            yield number, pickle.loads(diagnostics), pickle.loads(stub), pickle.loads(signatures)

    def store_corpus(self, path: Path, key: str) -> "CorpusWriter":
        """A writer that stores a JSONL file's records as they are checked, and the file when it is complete."""
        return CorpusWriter(self, path, key)

    def _write(self, statements: list) -> bool:
        try:
            with self.lock, self.db:
                self.db.execute("BEGIN IMMEDIATE")
                for sql, rows in statements:
                    self.db.executemany(sql, rows)
            return True
        except sqlite3.DatabaseError as exc:
            self.warn(f"{self.path}: cannot store: {exc}")
            return False

    def close(self) -> None:
        self.db.close()


class CorpusWriter:
    """Stores a JSONL file in the index while it is checked: `record(...)` for each record in any order,
    `finish(messages)` once the whole file is read. Nothing is stored for a file whose reading failed."""

    def __init__(self, index: Index, path: Path, key: str):
        self.index, self.path, self.key = index, path, key
        self.file = index._key(path)
        self.rows: list = []
        self.hash = hashlib.sha256()
        self.ok = index._write([("DELETE FROM files WHERE path = ?", [(self.file,)]),
                                ("DELETE FROM records WHERE file = ?", [(self.file,)])])

    def line(self, raw: bytes) -> None:
        self.hash.update(raw)

    def record(self, number: int, diagnostics, stub, signatures) -> None:
        self.rows.append((self.file, number, pickle.dumps(diagnostics), pickle.dumps(stub), pickle.dumps(signatures)))
        if len(self.rows) >= RECORDS_PER_WRITE:
            self._flush()

    def _flush(self) -> None:
        if self.ok and self.rows:
            self.ok = self.index._write([("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?)", self.rows)])
        self.rows = []

    def finish(self, messages: list) -> None:
        self._flush()
        try:
            stat = self.path.stat()
        except OSError:
            return
        if self.ok:
            self.index._write([("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                [(self.file, stat.st_size, stat.st_mtime_ns, self.hash.hexdigest(), self.key,
                                  pickle.dumps(messages), None, None)])])
