"""Where doclint keeps what it derives from installed files between runs: the user's cache folder.

`$XDG_CACHE_HOME/doclint/`, or `~/.cache/doclint/`. Everything kept there is a
pure function of files it names in its key (entry points, parsed wordings,
words' token ids), so deleting the folder loses only time; a cache that cannot
be read or written is no error.
"""
from __future__ import annotations

import os


def path(name: str) -> str:
    """The path of a file of the cache (its folder may not exist yet)."""
    folder = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(folder, "doclint", name)


# Other files of one kind the cache keeps beside the one a run uses: two installs of doclint (a pre-commit hook's
# environment and a project's) keep different wordings and tokenizers, and would otherwise delete each other's file
# at every run (a one-file check then spent some 115 ms rebuilding them).
KEEP_OTHERS = 3


def forget_others(kept: str, prefix: str, suffix: str) -> None:
    """Delete the cache's other files named `prefix...suffix` than `kept`, but the KEEP_OTHERS used last: entries
    keyed by an older version of what they were derived from (an upgrade or an edit left them), or by another
    install's. A file that cannot be deleted stays."""
    folder, name = os.path.split(kept)
    try:
        others = [f for f in os.listdir(folder) if f.startswith(prefix) and f.endswith(suffix) and f != name]
        dated = sorted(((os.stat(os.path.join(folder, f)).st_mtime_ns, f) for f in others), reverse=True)
    except OSError:
        return
    for _, other in dated[KEEP_OTHERS:]:
        try:
            os.remove(os.path.join(folder, other))
        except OSError:
            pass
