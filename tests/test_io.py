"""doclint.io: the one atomic writer and JSONL records."""
from __future__ import annotations

import gzip
import os

import pytest

from doclint.io.atomic import AtomicFile, atomic_write
from doclint.io.jsonl import Records


def test_a_new_file_gets_the_permissions_of_any_new_file(tmp_path):
    # The Ray engine's writer left its outputs readable by their owner alone (a temporary file's 0600).
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.txt", b"x")
        with AtomicFile(tmp_path / "out" / "new.jsonl.gz", make_dirs=True) as f:
            f.write(b"{}\n")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644
    assert gzip.decompress((tmp_path / "out" / "new.jsonl.gz").read_bytes()) == b"{}\n"


def test_an_error_while_writing_leaves_the_file_as_it_was(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with pytest.raises(RuntimeError):
        with AtomicFile(target) as f:
            f.write(b"new")
            raise RuntimeError
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o640


def test_records_say_which_lines_were_skipped_and_which_fields_were_seen():
    records = Records("c.jsonl", text_field="body")
    lines = [b'{"id": 1, "text": "a"}\n', b"not json\n", b"[1]\n", b"\n"]
    assert [records.parse(raw, n) for n, raw in enumerate(lines, 1)] == [None] * 4
    assert [m[1].split(": ", 1)[0] for m in records.messages] == ["c.jsonl:1", "c.jsonl:2", "c.jsonl:3"]
    (level, text), = records.report()
    assert level == "error" and "fields seen: 'id', 'text'" in text
