"""The user's cache folder: what a run keeps of other versions' and other installs' files."""
from __future__ import annotations

import os

from doclint import usercache


def _files(folder, names):
    for n, name in enumerate(names):
        path = folder / name
        path.write_text(name)
        os.utime(path, ns=(10**18 + n * 10**9, 10**18 + n * 10**9))  # written in this order


def test_forget_others_keeps_the_files_written_last(tmp_path):
    _files(tmp_path, [f"words-{n}.json" for n in range(6)] + ["other-kind.json"])
    usercache.forget_others(str(tmp_path / "words-0.json"), "words-", ".json")
    kept = sorted(p.name for p in tmp_path.iterdir())
    # the file in use, the KEEP_OTHERS written last, and files of another kind
    assert kept == ["other-kind.json", "words-0.json", "words-3.json", "words-4.json", "words-5.json"]
    assert usercache.KEEP_OTHERS == 3


def test_two_installs_do_not_delete_each_others_files(tmp_path):
    _files(tmp_path, ["words-a.json", "words-b.json"])
    for _ in range(3):  # a pre-commit hook's doclint and a project's, in turns
        usercache.forget_others(str(tmp_path / "words-a.json"), "words-", ".json")
        usercache.forget_others(str(tmp_path / "words-b.json"), "words-", ".json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["words-a.json", "words-b.json"]


def test_a_folder_that_cannot_be_read_is_no_error(tmp_path):
    usercache.forget_others(str(tmp_path / "missing" / "words-a.json"), "words-", ".json")
