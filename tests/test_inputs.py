"""What is read, and what a run says about what it could not read (issue 25: daily use)."""
from __future__ import annotations

import os

import pytest

from conftest import run_cli


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_and_a_device_in_a_checked_folder_are_skipped_not_read(tmp_path):
    # A FIFO named x.txt blocked the run forever; a *.txt symlink to /dev/zero was read until memory ran out.
    os.mkfifo(tmp_path / "x.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "a.txt").write_text("Trailing. \n")
    p = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert p.returncode == 1, p.stderr.decode()
    assert b"a.txt:1:10: W102" in p.stdout
    assert b"x.txt: is a named pipe (FIFO), not a regular file; skipped" in p.stderr
    assert b"zero.txt: is a character device, not a regular file; skipped" in p.stderr
    assert b"Not checked: 2 files skipped." in p.stdout
    p = run_cli("check", "--no-cache", "x.txt", cwd=tmp_path)  # named on the command line: the same
    assert p.returncode == 2 and b"No files checked (1 file skipped)." in p.stdout


def test_a_file_over_the_size_guard_is_skipped_with_a_reason(tmp_path):
    from doclint.io.discovery import MAX_FILE_BYTES

    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, and nothing must be read
    (tmp_path / "a.txt").write_text("Fine.\n")
    p = run_cli("check", "--no-cache", ".", cwd=tmp_path)
    assert p.returncode == 0, p.stderr.decode()
    assert b"huge.txt: is larger than 64 MB" in p.stderr
    assert b"No problems found in the files checked; 1 file skipped." in p.stdout


@pytest.mark.parametrize("make,expected", [
    (lambda d: None, b"No files checked."),  # an empty folder
    (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02" * 100), b"No files checked (1 file skipped)."),
], ids=["empty-folder", "all-skipped"])
def test_nothing_checked_is_said_and_is_no_success(tmp_path, make, expected):
    (tmp_path / "docs").mkdir()
    make(tmp_path / "docs")
    p = run_cli("check", "--no-cache", "docs", cwd=tmp_path)
    assert p.returncode == 2 and expected in p.stdout and b"All checks passed" not in p.stdout
    p = run_cli("check", "--no-cache", "--format", "json", "docs", cwd=tmp_path)
    assert p.returncode == 2 and b"no files checked" in p.stderr


def test_a_missing_path_is_no_pass(tmp_path):
    p = run_cli("check", "--no-cache", "missing.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"All checks passed" not in p.stdout
    assert b"No files checked (1 path could not be read)." in p.stdout
    (tmp_path / "a.txt").write_text("Fine.\n")
    p = run_cli("check", "--no-cache", "a.txt", "missing.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"No problems found in the files checked; 1 path could not be read." in p.stdout


DENY = """
import errno, os, sys
real_stat, real_open = os.stat, os.open
def deny(path):
    if "locked" in os.fspath(path):
        raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
def stat(path, *a, **k):
    deny(path)
    return real_stat(path, *a, **k)
def open_(path, *a, **k):
    deny(path)
    return real_open(path, *a, **k)
os.stat, os.open = stat, open_
import builtins, io
real_io_open = io.open
def io_open(file, *a, **k):
    if not isinstance(file, int):
        deny(file)
    return real_io_open(file, *a, **k)
builtins.open = io.open = io_open
from doclint.cli import main
sys.argv[0] = "doclint"
main()
"""


@pytest.mark.parametrize("target", ["locked/a.txt", "locked.txt"], ids=["in-a-closed-folder", "closed-file"])
def test_an_unreadable_named_path_is_reported_and_the_run_goes_on(tmp_path, target):
    # As root every file can be read: a wrapper refuses to open or examine paths holding "locked", as the system
    # does for another user's files. A path whose folder may not be entered made the run stop with an internal
    # error instead of checking the other files.
    import subprocess
    import sys

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("x \n")
    (tmp_path / "locked.txt").write_text("x \n")
    (tmp_path / "b.txt").write_text("Trailing. \n")
    p = subprocess.run([sys.executable, "-c", DENY, "check", "--no-cache", target, "b.txt"], cwd=tmp_path,
                       capture_output=True, timeout=120)
    assert p.returncode == 2, p.stderr.decode()
    assert f"{target}: cannot read: Permission denied".encode() in p.stderr
    assert b"b.txt:1:10: W102" in p.stdout and b"Traceback" not in p.stderr


def test_gitignore_is_obeyed_in_a_repository_with_a_switch_to_turn_it_off(tmp_path):
    # Files under an ignored folder were checked and rewritten by --fix.
    import subprocess

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("scratch/\n*.old.txt\n")
    (tmp_path / "scratch").mkdir()
    for name in ("a.txt", "scratch/b.txt", "c.old.txt", "tracked.old.txt"):
        (tmp_path / name).write_text("Trailing. \n")
    subprocess.run(["git", "add", "-f", "tracked.old.txt"], cwd=tmp_path, check=True)  # tracked: never ignored
    p = run_cli("check", "--show-files", ".", cwd=tmp_path)
    assert p.stdout.decode().split() == ["a.txt", "tracked.old.txt"]
    run_cli("check", "--fix", ".", cwd=tmp_path)
    assert (tmp_path / "scratch" / "b.txt").read_text() == "Trailing. \n"
    assert (tmp_path / "a.txt").read_text() == "Trailing.\n"
    p = run_cli("check", "--show-files", "--no-respect-gitignore", ".", cwd=tmp_path)
    assert p.stdout.decode().split() == ["a.txt", "c.old.txt", "scratch/b.txt", "tracked.old.txt"]
    (tmp_path / "doclint.toml").write_text("respect-gitignore = false\n")
    assert "scratch/b.txt" in run_cli("check", "--show-files", ".", cwd=tmp_path).stdout.decode()
