from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# The suite keeps what doclint caches between runs (entry points, parsed wordings, token ids) in a folder of its
# own, not in the user's: a test neither reads what another install left nor leaves anything behind.
_CACHE = tempfile.mkdtemp(prefix="doclint-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

from doclint.config import Config
from doclint.document import Document
from doclint.engine import Linter

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_cde6c8420819af79.txt"


def make_linter(select=None, options: dict | None = None, **kw) -> Linter:
    """A linter with only the given rules (all rules when select is None) and rule options by name."""
    config = Config(rule_options=options or {})
    return Linter.from_config(config, select=select if select is not None else ["ALL"], **kw)


def lint(text: str | bytes, select=None, options=None, path: str = "doc.txt"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return make_linter(select, options).check(Document.from_bytes(path, data))


def fix(text: str | bytes, select=None, options=None, unsafe=False, path: str = "doc.txt") -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return make_linter(select, options).fix(Document.from_bytes(path, data), unsafe=unsafe).document.text


def run_cli(*args, cwd=None, input: bytes | None = None, env=None):
    """Run doclint in a subprocess, the way users do."""
    return subprocess.run([sys.executable, "-m", "doclint", *map(str, args)], cwd=cwd, input=input,
                          capture_output=True, env=env, timeout=120)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
