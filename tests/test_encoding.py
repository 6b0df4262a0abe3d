"""The encoding rules together: what a file is written as, and what is never rewritten."""
from __future__ import annotations

from conftest import run_cli


def test_a_file_whose_transcoding_is_not_offered_keeps_its_bytes(tmp_path):
    # Issue 29: E102 said "not fixed: the guess is uncertain", yet --fix rewrote the file as its Latin-1 reading
    # (the runner compared the text encoded as UTF-8 with the original bytes).
    data = b"caf\xe9 \x81 ok\x93\n"
    doc = tmp_path / "l.txt"
    doc.write_bytes(data)
    p = run_cli("check", "--isolated", "--no-cache", "--select", "encoding", "--fix", doc.name, cwd=tmp_path)
    assert "E102" in p.stdout.decode() and "not fixed" in p.stdout.decode(), p.stdout.decode()
    assert doc.read_bytes() == data
