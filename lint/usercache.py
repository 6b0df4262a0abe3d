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
