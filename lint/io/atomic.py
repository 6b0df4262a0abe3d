"""The one way doclint writes a file: whole or not at all.

Bytes go to a temporary file beside the target; only a complete file takes its
place (a rename, or for a file with other hard links a copy through its inode,
so that every link sees the new text). An interrupted write leaves the target
as it was. A file already there keeps its permissions; a new one gets the
permissions any new file gets (0666 less the umask).
"""
from __future__ import annotations

import gzip
import os
import shutil
import stat
import tempfile
from pathlib import Path

TEMPORARY_SUFFIX = ".doclint-tmp"
COPY_BUFFER = 1 << 20  # bytes per read when a file with hard links is rewritten through its inode


class AtomicFile:
    """A binary stream to `path` that appears there only on commit() (or on leaving a `with` block without an
    error); discard() (or an error inside the block) removes it. Names ending in .gz are written gzip-compressed
    unless `compress` says otherwise; `make_dirs` creates the target's folder."""

    def __init__(self, path: Path | str, *, compress: bool | None = None, make_dirs: bool = False):
        self.path = Path(path)
        folder = self.path.resolve().parent
        if make_dirs:
            folder.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=TEMPORARY_SUFFIX, dir=folder)
        self.raw = os.fdopen(fd, "wb")
        if compress is None:
            compress = self.path.name.lower().endswith(".gz")
        self.out = gzip.GzipFile(fileobj=self.raw, mode="wb") if compress else self.raw

    def write(self, data: bytes) -> int:
        return self.out.write(data)

    def commit(self) -> None:
        """Put the finished file in the place of the target."""
        if self.tmp is None:
            return
        try:
            self._close(sync=True)
            os.chmod(self.tmp, _mode_for(self.path))
        except BaseException:
            self.discard()
            raise
        tmp, self.tmp = self.tmp, None
        replace_file(tmp, self.path.resolve())

    def discard(self) -> None:
        """Remove the temporary file; the target is left as it was (a no-op after commit)."""
        if self.tmp is None:
            return
        try:
            self._close(sync=False)
        except OSError:
            pass
        _remove(self.tmp)
        self.tmp = None

    def _close(self, sync: bool) -> None:
        if self.out is not self.raw:
            self.out.close()  # writes the gzip trailer into the raw file
        if sync and not self.raw.closed:
            self.raw.flush()
            os.fsync(self.raw.fileno())
        self.raw.close()

    def __enter__(self) -> "AtomicFile":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def atomic_write(path: Path | str, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (never compressed, whatever the name)."""
    with AtomicFile(path, compress=False) as f:
        f.write(data)


def _mode_for(path: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, else a new file's."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def replace_file(tmp: str, path: Path) -> None:
    """Put a finished temporary file in the place of `path` (renaming it there removes the temporary file).

    A file with other hard links is rewritten through its inode instead: renaming would leave the other links
    with the old text. The temporary file is removed only once the copy is complete and synced, so an
    interrupted copy leaves the whole new text beside the file; the error names it.
    """
    try:
        links = os.stat(path).st_nlink
    except FileNotFoundError:
        links = 1
    if links <= 1:
        try:
            os.replace(tmp, path)
        except BaseException:
            _remove(tmp)
            raise
        return
    try:
        with open(tmp, "rb") as src, open(path, "r+b") as dst:
            shutil.copyfileobj(src, dst, COPY_BUFFER)
            dst.truncate()
            dst.flush()
            os.fsync(dst.fileno())
    except OSError as exc:
        raise OSError(exc.errno, f"{exc.strerror or exc}; the fixed text is in {tmp}") from exc
    os.unlink(tmp)
