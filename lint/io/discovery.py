"""Finding the files to check: explicit paths, walked folders, stdin.

Only regular files are read: a FIFO would block the run forever and a
character device (a `*.txt` symlink to /dev/zero) would never end. Such
entries, files larger than MAX_FILE_BYTES and paths that cannot be examined
are skipped with a message; the run goes on with the rest.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from doclint.config import Config, Configs
from doclint.io.jsonl import is_jsonl

# A document is held whole in memory, several times over while the rules read it: bench/pathological.py peaks
# at about 18 times the size of its 9 MB one-line input. 64 MB therefore needs about 1.2 GB; anything larger is
# a corpus dump, which belongs in JSONL (streamed record by record, so the limit does not apply to it).
MAX_FILE_BYTES = 64 * 1024 * 1024
GIT_TIMEOUT = 120  # seconds for `git ls-files` to list what a repository ignores (a huge tree takes seconds)


@dataclass(frozen=True)
class Source:
    """One input to check. `root` is the folder it was found under (for symlink safety)."""

    path: Path | None  # None for stdin
    display: str
    root: Path


@dataclass
class Found:
    """What discovery found: the sources in a stable order, errors (paths that do not exist or cannot be read:
    the run exits 2) and skipped entries (not regular files, too large: a warning each)."""

    sources: list[Source] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def discover(paths: list[str], configs: Configs | Config, stdin_filename: str | None = None) -> Found:
    """The files to check for `paths` (the current folder when none): named files as they are, folders walked
    with the include and exclude globs of the configuration governing each folder (see config.Configs)."""
    if isinstance(configs, Config):
        configs = Configs.only(configs)
    walk = _Walk(configs)
    for arg in paths or ["."]:
        if arg == "-":
            walk.found.sources.append(Source(None, stdin_filename or "-", Path.cwd()))
            continue
        p = Path(arg)
        try:
            st = p.stat()
        except FileNotFoundError:
            walk.found.errors.append(f"{arg}: cannot read: a broken symlink" if p.is_symlink()
                                     else f"{arg}: no such file or directory")
            continue
        except OSError as exc:  # a folder on the way that may not be entered, a symlink loop
            walk.found.errors.append(f"{arg}: cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(st.st_mode):
            walk.folder(p)
        elif not configs.for_path(p).is_excluded(p):
            walk.add(p, p.absolute().parent.resolve(), st)
    return walk.found


class _Walk:
    """What discover gathers: each file once, in a stable order."""

    def __init__(self, configs: Configs):
        self.configs = configs
        self.found = Found()
        self.seen: set[str] = set()

    def add(self, f: Path, root: Path, st: os.stat_result) -> None:
        key = os.path.normpath(f)
        if key in self.seen:
            return
        self.seen.add(key)
        problem = unreadable_kind(f, st)
        if problem:
            self.found.skipped.append(f"{_display(f)}: {problem}; skipped")
        else:
            self.found.sources.append(Source(f, _display(f), root))

    def folder(self, p: Path) -> None:
        found, root, files = self.found, p.resolve(), []
        ignored = git_ignored(p, found) if self.configs.obeys_gitignore(p) else set()

        def walk_error(exc: OSError) -> None:
            found.errors.append(f"{_display(Path(exc.filename or '?'))}: cannot read folder: {exc.strerror or exc}")

        for folder, dirs, names in os.walk(p, onerror=walk_error, followlinks=False):
            here = Path(folder)
            config = self.configs.for_path(here)
            dirs[:] = sorted(d for d in dirs if not config.is_excluded(here / d) and not (here / d).is_symlink()
                             and os.path.abspath(here / d) not in ignored)
            files += [here / n for n in names if config.is_included(here / n) and not config.is_excluded(here / n)
                      and os.path.abspath(here / n) not in ignored]
        for f in sorted(files, key=lambda x: x.as_posix()):
            try:
                self.add(f, root, f.stat())
            except OSError as exc:
                if f.is_symlink() and isinstance(exc, FileNotFoundError):
                    found.skipped.append(f"{_display(f)}: is a broken symlink; skipped")
                    continue
                found.errors.append(f"{_display(f)}: cannot read: {exc.strerror or exc}")


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


def git_ignored(folder: Path, found: Found) -> set[str]:
    """Absolute paths of the files and folders under `folder` that its git repository ignores (.gitignore,
    .git/info/exclude, the user's excludes file), as ruff obeys them; empty outside a repository. Git answers:
    files it tracks are never ignored, whatever a pattern says."""
    import subprocess

    absolute = Path(os.path.abspath(folder))
    if not any((f / ".git").exists() for f in [absolute, *absolute.parents]):
        return set()
    try:
        p = subprocess.run(["git", "-C", str(absolute), "ls-files", "-z", "--others", "--ignored",
                            "--exclude-standard", "--directory"], capture_output=True, timeout=GIT_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        found.skipped.append(f"{folder}: .gitignore not read ({exc}); use --no-respect-gitignore to say so")
        return set()
    if p.returncode != 0:
        message = p.stderr.decode(errors="replace").strip().splitlines()[:1] or ["git failed"]
        found.skipped.append(f"{folder}: .gitignore not read (git: {message[0]})")
        return set()
    return {os.path.normpath(absolute / name.decode(errors="surrogateescape"))
            for name in p.stdout.split(b"\0") if name}


def unreadable_kind(path: Path, st: os.stat_result) -> str | None:
    """Why a file found is not read (None when it is read): not a regular file, or too large."""
    mode = st.st_mode
    if not stat.S_ISREG(mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
                else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "not a regular file")
        return f"is {kind}, not a regular file"
    if st.st_size > MAX_FILE_BYTES and not is_jsonl(path):
        return (f"is larger than {MAX_FILE_BYTES // 2**20} MB ({st.st_size / 2**20:.0f} MB); "
                f"split it, or store it as JSONL records")
    return None


def read_document(path: Path) -> bytes:
    """The bytes of a file found by discover, never more than MAX_FILE_BYTES (a file that grew since is an error)."""
    with open(path, "rb") as f:
        data = f.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise OSError(f"grew larger than {MAX_FILE_BYTES // 2**20} MB while being read")
    return data


def _display(p: Path) -> str:
    s = p.as_posix()
    return s[2:] if s.startswith("./") else s


def safe_to_write(source: Source) -> bool:
    """False for a symlink that points outside the tree it was found in."""
    if source.path is None:
        return False
    if not source.path.is_symlink():
        return True
    target = source.path.resolve()
    try:
        target.relative_to(source.root)
    except ValueError:
        try:
            target.relative_to(Path.cwd().resolve())
        except ValueError:
            return False
    return True
