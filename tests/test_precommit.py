"""The real `pre-commit try-repo` against this checkout, in a scratch git repository."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEED

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.fail("git is required for the pre-commit test")
    repo = tmp_path_factory.mktemp("repo")
    _git("init", "-q", cwd=repo)
    _git("config", "user.email", "t@example.com", cwd=repo)
    _git("config", "user.name", "t", cwd=repo)
    return repo


def _try_repo(repo, hook, *files):
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "NO_COLOR": "1"}
    return subprocess.run([*PRE_COMMIT, "try-repo", str(ROOT), hook, "--files", *files], cwd=repo,
                          capture_output=True, text=True, env=env, timeout=900)


def test_hook_fails_on_the_seed_and_passes_on_a_clean_file(scratch):
    shutil.copy(SEED, scratch / "seed.txt")
    (scratch / "clean.txt").write_text("A clean title\n\nA clean paragraph of text.\n")
    _git("add", ".", cwd=scratch)
    bad = _try_repo(scratch, "doclint", "seed.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "W101" in bad.stdout
    # the hook installs the embeddings: its off-topic finding gives the similarity, as a full install's does
    off_topic = [line for line in bad.stdout.splitlines() if "T101" in line]
    assert off_topic and all("similarity" in line for line in off_topic), bad.stdout
    good = _try_repo(scratch, "doclint", "clean.txt")
    assert good.returncode == 0, good.stdout + good.stderr


def test_fix_hook_rewrites_the_file(scratch):
    (scratch / "fixme.txt").write_text("Title\n\n\n\nBody text here. \n")
    _git("add", ".", cwd=scratch)
    p = _try_repo(scratch, "doclint-fix", "fixme.txt")
    assert p.returncode == 1  # pre-commit fails a hook that modified files
    assert (scratch / "fixme.txt").read_text() == "Title\n\nBody text here.\n"


def test_one_changed_file_finds_its_near_duplicate_elsewhere_in_the_repository(scratch):
    article = " ".join(f"Sentence {i} of the original article reports on subject {i % 5}." for i in range(50))
    (scratch / "original.txt").write_text("Original headline\n\n" + article + "\n")
    _git("add", "original.txt", cwd=scratch)
    _git("commit", "-qm", "original", cwd=scratch)
    (scratch / "copy.txt").write_text("Copied headline\n\n" + article + " And one more.\n")
    _git("add", "copy.txt", cwd=scratch)
    p = _try_repo(scratch, "doclint", "copy.txt")
    assert p.returncode == 1, p.stdout + p.stderr
    assert "D201 [near-duplicate-document]" in p.stdout and "original.txt" in p.stdout
