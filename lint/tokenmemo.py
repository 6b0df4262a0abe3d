"""Words' token ids, kept on disk between runs so that a small run need not load the tokenizer.

Loading the embeddings' tokenizer (parsing its 1.8 MB JSON) costs some 50 ms,
about a sixth of a one-file check, to tokenise a few hundred words that the
last run mostly tokenised too. The memo keeps each word's ids in an SQLite
file of the user's cache (see doclint.usercache), under a key made of the
tokenizer file's path, size and modification time: any other tokenizer file
gets its own memo, so the ids read back are the ids that very tokenizer gave.
A process asks the memo only while it knows fewer than MEMO_BATCH words (a
corpus loads the tokenizer anyway, and tokenises faster than it could look
words up, document after document); words longer than MEMO_WORD characters
are not kept. A write that finds the file locked by another process gives
up after 50 ms; a read that does turns the memo off for the rest of the
process. A new memo file replaces the memos of other tokenizer files. A memo that
cannot be opened, read or written is no error: the tokenizer does the work.
Set DOCLINT_NO_TOKEN_MEMO=1 to bypass it.
"""
from __future__ import annotations

import os
from array import array

from doclint import usercache

MEMO_BATCH = 4096  # words the process knows, from which it tokenises without the memo (a corpus: see above)
MEMO_WORD = 64  # characters: a longer run of text is rare, and its ids many
MAX_WORDS = 500_000  # rows (some 20 MB) after which the memo starts afresh
_FORMAT = 1  # changes when what is stored changes
_CHUNK = 500  # words asked of SQLite at a time (its limit on a statement's parameters is 999 in old versions)


class TokenMemo:
    """The memo of one tokenizer file."""

    def __init__(self, path: str):
        self.path = path
        self._db = None
        self._pid = os.getpid()
        self._broken = False

    def _connect(self):
        if self._pid != os.getpid():  # a worker forked after the parent opened it: SQLite wants its own connection
            self._db, self._pid = None, os.getpid()
        if self._db is None and not self._broken:
            try:
                import sqlite3

                os.makedirs(os.path.dirname(self.path), exist_ok=True)
                db = sqlite3.connect(self.path, timeout=0.05, isolation_level=None, check_same_thread=False)
                db.execute("CREATE TABLE IF NOT EXISTS words (word TEXT UNIQUE NOT NULL, ids BLOB NOT NULL)")
                self._db = db
            except Exception:  # a read-only or full disk, a damaged file: no memo
                self._broken = True
        return self._db

    def get(self, words: list[str]) -> dict[str, list[int]]:
        """The ids of those of the words the memo holds."""
        db = self._connect()
        found: dict[str, list[int]] = {}
        if db is None:
            return found
        try:
            for k in range(0, len(words), _CHUNK):
                part = words[k:k + _CHUNK]
                query = f"SELECT word, ids FROM words WHERE word IN ({','.join('?' * len(part))})"
                for word, blob in db.execute(query, part):
                    found[word] = array("I", blob).tolist()
        except Exception:
            self._broken, self._db = True, None
            return {}
        return found

    def put(self, pairs: list[tuple[str, list[int]]]) -> None:
        """Keep the words' ids (the words of at most MEMO_WORD characters)."""
        db = self._connect()
        rows = [(w, array("I", ids).tobytes()) for w, ids in pairs if len(w) <= MEMO_WORD]
        if db is None or not rows:
            return
        try:
            db.execute("BEGIN")
            (size,) = db.execute("SELECT coalesce(max(rowid), 0) FROM words").fetchone()
            if size + len(rows) > MAX_WORDS:
                db.execute("DELETE FROM words")
            db.executemany("INSERT OR IGNORE INTO words VALUES (?, ?)", rows)
            db.execute("COMMIT")
        except Exception:  # another process holds the lock, the disk is full: keep going without
            try:
                db.execute("ROLLBACK")
            except Exception:
                pass


_memos: dict[str, TokenMemo | None] = {}


def for_file(tokenizer_file: str) -> TokenMemo | None:
    """The memo of a tokenizer file, or None when it is bypassed or the file cannot be read."""
    if os.environ.get("DOCLINT_NO_TOKEN_MEMO"):
        return None
    if tokenizer_file not in _memos:
        import hashlib

        try:
            st = os.stat(tokenizer_file)
        except OSError:
            _memos[tokenizer_file] = None
        else:
            key = f"{_FORMAT}\n{os.path.abspath(tokenizer_file)}\n{st.st_size}\n{st.st_mtime_ns}"
            name = f"token-ids-{hashlib.sha1(key.encode()).hexdigest()[:16]}.sqlite"
            path = usercache.path(name)
            if not os.path.exists(path):  # a new tokenizer file: the memos of others go
                usercache.forget_others(path, "token-ids-", ".sqlite")
            _memos[tokenizer_file] = TokenMemo(path)
    return _memos[tokenizer_file]
