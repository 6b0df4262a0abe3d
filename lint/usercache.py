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


def forget_others(kept: str, prefix: str, suffix: str) -> None:
    """Delete the cache's other files named `prefix...suffix` than `kept`: entries keyed by an older version of
    what they were derived from (an upgrade or an edit left them). A file that cannot be deleted stays."""
    folder, name = os.path.split(kept)
    try:
        others = [f for f in os.listdir(folder) if f.startswith(prefix) and f.endswith(suffix) and f != name]
    except OSError:
        return
    for other in others:
        try:
            os.remove(os.path.join(folder, other))
        except OSError:
            pass
