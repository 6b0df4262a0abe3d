"""The persistent index: an SQLite database of what doclint knows about each file of a tree.

For every file checked it stores the path, size, modification time and
content hash, the diagnostics found (under a key of doclint's version and the
configuration), the document's line-index stub and its corpus signatures. A
later run re-reads only files whose size or mtime changed, reuses the stored
diagnostics of the others, and compares the files it was given with every
indexed file of the tree, so a pre-commit run on one changed file still finds
its near-duplicate elsewhere.

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

SCHEMA_VERSION = 3  # 2: shingle hashes combine word hashes; 3: exact hash of the word hashes
TABLES = {"doclint_meta", "files"}


def project_root(config_path: Path | None, cwd: Path) -> tuple[Path | None, str]:
    """The project a run belongs to, and how it was found: the folder of its config file, else the repository
    root (the nearest folder upward with `.git`), else none.

    The config file counts only when the current folder is inside its folder: a shared config passed with
    --config from elsewhere (~/configs/doclint.toml) must not make its whole folder the project. A plain
    working folder is never a project: a backup copy beside the files checked would be compared with them.
    """
    cwd = cwd.resolve()
    if config_path is not None:
        folder = config_path.resolve().parent
        if folder == cwd or folder in cwd.parents:
            return folder, f"the folder of {config_path.name}"
    for folder in [cwd, *cwd.parents]:
        if (folder / ".git").exists():
            return folder, "a git repository"
    return None, ""


def config_key(linter) -> str:
    """A hash of doclint's version and everything in the configuration that changes diagnostics."""
    from doclint import __version__

    parts = [__version__]
    for rule in linter.rules:
        parts.append(f"{type(rule).__module__}.{type(rule).__name__}:{rule.code}:{rule.options!r}"
                     f"{_source_digest(type(rule))}:{rule.severity}:{getattr(rule, 'fix_applicability', None)}")
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
    def __init__(self, folder: Path, key: str, warn=lambda message: None):
        self.folder = folder
        self.path = folder / "index.sqlite"
        self.key = key
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
            if names and names != TABLES:
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
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("CREATE TABLE IF NOT EXISTS doclint_meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("""CREATE TABLE IF NOT EXISTS files (
            path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, hash TEXT, config TEXT,
            diagnostics BLOB, stub BLOB, signatures BLOB)""")
        db.execute("INSERT OR IGNORE INTO doclint_meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        return db

    @staticmethod
    def _key(path: Path) -> str:
        return str(path.resolve())

    def lookup(self, path: Path, stat: os.stat_result):
        """(diagnostics, stub, signatures) stored for this file, if it has not changed since."""
        try:
            with self.lock:
                row = self.db.execute("SELECT size, mtime_ns, config, diagnostics, stub, signatures FROM files "
                                      "WHERE path = ?", (self._key(path),)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if not row or row[0] != stat.st_size or row[1] != stat.st_mtime_ns or row[2] != self.key:
            return None
        try:
            return pickle.loads(row[3]), pickle.loads(row[4]), pickle.loads(row[5])
        except Exception:  # noqa: BLE001 - a bad entry is simply recomputed
            return None

    def fresh(self, path: Path) -> bool:
        """Whether the index holds this file as it is now (without loading what it holds)."""
        try:
            stat = path.stat()
            with self.lock:
                row = self.db.execute("SELECT size, mtime_ns, config FROM files WHERE path = ?",
                                      (self._key(path),)).fetchone()
        except (OSError, sqlite3.DatabaseError):
            return False
        return bool(row) and row[0] == stat.st_size and row[1] == stat.st_mtime_ns and row[2] == self.key

    def store(self, path: Path, data: bytes, diagnostics, stub, signatures) -> None:
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
                                 hashlib.sha256(data).hexdigest(), self.key, *blob))
        except sqlite3.DatabaseError as exc:
            self.warn(f"{self.path}: cannot store {path}: {exc}")

    def close(self) -> None:
        self.db.close()
