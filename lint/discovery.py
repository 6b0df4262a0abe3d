"""Finding the files to check: explicit paths, walked folders, stdin."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from doclint.config import Config


@dataclass(frozen=True)
class Source:
    """One input to check. `root` is the folder it was found under (for symlink safety)."""

    path: Path | None  # None for stdin
    display: str
    root: Path


def discover(paths: list[str], config: Config, stdin_filename: str | None = None) -> tuple[list[Source], list[str]]:
    """(sources in a stable order, error messages for paths that do not exist)."""
    sources: list[Source] = []
    errors: list[str] = []
    seen: set[str] = set()
    for arg in paths or ["."]:
        if arg == "-":
            sources.append(Source(None, stdin_filename or "-", Path.cwd()))
            continue
        p = Path(arg)
        if not p.exists() and not p.is_symlink():
            errors.append(f"{arg}: no such file or directory")
            continue
        if p.is_dir():
            root = p.resolve()
            found = []
            for folder, dirs, files in os.walk(p, followlinks=False):
                here = Path(folder)
                dirs[:] = sorted(d for d in dirs if not config.is_excluded(here / d) and not (here / d).is_symlink())
                for name in files:
                    f = here / name
                    if config.is_included(f) and not config.is_excluded(f):
                        found.append(f)
            for f in sorted(found, key=lambda x: x.as_posix()):
                key = os.path.normpath(f)
                if key not in seen:
                    seen.add(key)
                    sources.append(Source(f, _display(f), root))
        else:
            if config.is_excluded(p):
                continue
            key = os.path.normpath(p)
            if key not in seen:
                seen.add(key)
                sources.append(Source(p, _display(p), p.absolute().parent.resolve()))
    return sources, errors


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
