from __future__ import annotations

import json
import os
import stat

import pytest

from conftest import ROOT, SEED, run_cli


def test_seed_reports_whitespace_with_lines_and_exits_1():
    p = run_cli("check", "--select", "whitespace", SEED, cwd=ROOT)
    assert p.returncode == 1
    out = p.stdout.decode()
    assert "seeds/000_cde6c8420819af79.txt:9:1: W101 [blank-line-with-whitespace] [*]" in out
    assert ":48:18: W103 [non-breaking-space]" in out
    assert ":96:25: W106 [missing-final-newline]" in out
    assert "fixable with --fix" in out


def test_fix_seed_whitespace_then_second_run_changes_nothing(tmp_path):
    doc = tmp_path / "seed.txt"
    doc.write_bytes(SEED.read_bytes())
    p = run_cli("check", "--fix", "--select", "whitespace", doc, cwd=tmp_path)
    assert p.returncode == 0, p.stdout.decode() + p.stderr.decode()
    once = doc.read_bytes()
    assert "\u00a0" not in once.decode()
    p = run_cli("check", "--fix", "--exit-non-zero-on-fix", "--select", "whitespace", doc, cwd=tmp_path)
    assert p.returncode == 0
    assert doc.read_bytes() == once


def test_exit_codes(tmp_path):
    clean, dirty = tmp_path / "clean.txt", tmp_path / "dirty.txt"
    clean.write_text("Fine.\n")
    dirty.write_text("Trailing. \n")
    assert run_cli("check", clean, cwd=tmp_path).returncode == 0
    assert run_cli("check", dirty, cwd=tmp_path).returncode == 1
    assert run_cli("check", "--exit-zero", dirty, cwd=tmp_path).returncode == 0
    assert run_cli("check", "--select", "NOPE", dirty, cwd=tmp_path).returncode == 2
    assert run_cli("check", tmp_path / "missing.txt", cwd=tmp_path).returncode == 2
    p = run_cli("check", "--fix", "--exit-non-zero-on-fix", dirty, cwd=tmp_path)
    assert p.returncode == 1 and dirty.read_text() == "Trailing.\n"


def test_diff_writes_nothing(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("a \n")
    p = run_cli("check", "--diff", doc, cwd=tmp_path)
    assert p.returncode == 1
    assert "-a \n+a\n" in p.stdout.decode()
    assert doc.read_text() == "a \n"


def test_diff_breaks_lines_at_line_feeds_only(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_bytes("a\fb\n".encode())
    p = run_cli("check", "--diff", doc, cwd=tmp_path)
    assert "-a\fb\n+ab\n" in p.stdout.decode()  # one line of the file: splitlines() broke it at the form feed
    doc.write_bytes("The plan\u2028would cost more.\n".encode())
    p = run_cli("check", "--diff", doc, cwd=tmp_path)
    assert "-The plan\u2028would cost more.\n+The plan\n+would cost more.\n" in p.stdout.decode()


def test_stdin_and_stdin_filename(tmp_path):
    p = run_cli("check", "--stdin-filename", "x/news.txt", "-", input=b"word \n", cwd=tmp_path)
    assert p.returncode == 1
    assert "x/news.txt:1:5: W102" in p.stdout.decode()
    p = run_cli("check", "--fix", "-", input=b"word \n", cwd=tmp_path)
    assert p.stdout == b"word\n"


def test_folder_walk_skips_git_and_other_extensions(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("bad \n")
    (tmp_path / "code.py").write_text("bad \n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("bad \n")
    p = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    paths = {d["path"] for d in json.loads(p.stdout)["diagnostics"]}
    assert paths == {"sub/a.md"}


def test_show_files_lists_what_a_check_would_read(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("bad \n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.txt").write_text("bad \n")
    (tmp_path / "a.md").write_text("bad \n")
    (tmp_path / "code.py").write_text("bad \n")
    (tmp_path / "doclint.toml").write_text('extend-exclude = ["drafts"]\n')
    p = run_cli("check", "--show-files", ".", cwd=tmp_path)
    assert p.returncode == 0 and p.stdout.decode().split() == ["a.md"]
    p = run_cli("check", "--show-files", "a.md", "missing.txt", cwd=tmp_path)
    assert p.returncode == 2 and p.stdout.decode().split() == ["a.md"] and b"missing.txt" in p.stderr


def test_show_settings_names_the_config_the_rules_and_changed_options(tmp_path):
    (tmp_path / "doclint.toml").write_text('select = ["W"]\nignore = ["W102"]\n\n'
                                           '[rules.too-many-blank-lines]\nmax-blank-lines = 2\n')
    (tmp_path / "a.txt").write_text("bad \n")
    p = run_cli("check", "--show-settings", ".", cwd=tmp_path)
    out = p.stdout.decode()
    assert p.returncode == 0, p.stderr
    assert f"Configuration: {tmp_path / 'doclint.toml'}" in out
    assert "Enabled rules (5):" in out and "W104 too-many-blank-lines" in out and "W102" not in out
    assert "max-blank-lines = 2  (default 1)" in out and "max-blank-lines-at-end = 0\n" in out
    assert "a.txt" not in out  # settings only: nothing is checked
    p = run_cli("check", "--show-settings", "--isolated", "--select", "E106", ".", cwd=tmp_path)
    assert "Configuration: ignored (--isolated): defaults" in p.stdout.decode()
    assert "Enabled rules (1):" in p.stdout.decode() and "letters = false" in p.stdout.decode()


@pytest.mark.parametrize("content,expect,message", [
    (b"", 0, b"All checks passed!"),
    # a binary file is skipped; named alone, nothing is checked, which is no success
    (b"\x00\x01\x02binary\x00" * 100, 2, b"binary file (NUL byte at offset 0); not checked"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, 2, b"binary file (NUL byte at offset 8)"),
    (b"Headline\n\nThe talks\x00 ended on Friday.\n", 1, b"E103 [control-character]"),
    (b"Caf\xe9 \xa3 5 \x93quoted\x94\n", 1, b"it decodes as Windows-1252"),
    (b"x" * 5_000_000, 1, b"W106 [missing-final-newline]"),
    (b"The council met on Monday. " * 80_000 + b"Source: Reuters\n", 1, b"S111 [source-credit]"),
], ids=["empty", "binary", "png", "stray-nul-in-text", "cp1252", "5MB-line", "2MB-line-of-sentences-ending-in-a-tag"])
def test_bad_input_gives_messages_not_tracebacks(tmp_path, content, expect, message):
    doc = tmp_path / "in.txt"
    doc.write_bytes(content)
    p = run_cli("check", doc, cwd=tmp_path)
    assert p.returncode == expect, p.stderr.decode()
    assert message in p.stdout + p.stderr
    assert b"Traceback" not in p.stderr


def test_unreadable_path_is_an_error(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    p = run_cli("check", "dangling.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"dangling.txt: cannot read" in p.stderr and b"Traceback" not in p.stderr


def test_directory_given_as_file_is_reported(tmp_path):
    p = run_cli("check", tmp_path / "nope", cwd=tmp_path)
    assert p.returncode == 2 and b"no such file" in p.stderr and b"Traceback" not in p.stderr


def test_fix_keeps_permissions_and_writes_atomically(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("a \n")
    doc.chmod(0o640)
    run_cli("check", "--fix", doc, cwd=tmp_path)
    assert stat.S_IMODE(doc.stat().st_mode) == 0o640
    assert doc.read_text() == "a\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != ".doclint_cache"] == ["d.txt"]  # no temporary file


def test_fix_does_not_write_through_symlink_outside_tree(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("a \n")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "link.txt").symlink_to(outside)
    p = run_cli("check", "--fix", "link.txt", cwd=tree)
    assert p.returncode == 2 and b"symlink" in p.stderr
    assert outside.read_text() == "a \n"


def test_fix_keeps_crlf(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_bytes(b"a \r\nb\r\n")
    run_cli("check", "--fix", doc, cwd=tmp_path)
    assert doc.read_bytes() == b"a\r\nb\r\n"


def test_statistics_and_show_source(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("a \nb \n")
    out = run_cli("check", "--statistics", doc, cwd=tmp_path).stdout.decode()
    assert "2\tW102\t[*] trailing-whitespace" in out
    out = run_cli("check", "--show-source", doc, cwd=tmp_path).stdout.decode()
    assert "   1 | a \n        |  ^" in out


def test_output_file_and_quiet(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("ok\n")
    p = run_cli("check", "--quiet", doc, cwd=tmp_path)
    assert p.stdout == b""
    run_cli("check", "--format", "json", "--output-file", tmp_path / "r.json", doc, cwd=tmp_path)
    assert json.loads((tmp_path / "r.json").read_text())["diagnostics"] == []


def test_github_format_is_automatic_in_actions(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("a \n")
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    out = run_cli("check", "d.txt", cwd=tmp_path, env=env).stdout.decode()
    assert out.startswith("::warning file=d.txt,line=1,col=2,endLine=1,endColumn=3,title=W102::")


def test_rules_and_rule_commands():
    p = run_cli("rules")
    assert p.returncode == 0 and "W101   blank-line-with-whitespace" in p.stdout.decode()
    p = run_cli("rule", "too-many-blank-lines")
    out = p.stdout.decode()
    assert "## What it does" in out and "`max-blank-lines` (default `1`)" in out
    assert run_cli("rule", "W999").returncode == 2
    assert run_cli("--version").stdout.decode().startswith("doclint, version")


def test_python_dash_m_works():
    assert run_cli("--help").returncode == 0


def test_seed_second_copy_is_one_run_with_the_first_as_related():
    p = run_cli("check", "--format", "json", "--select", "D101", SEED.relative_to(ROOT), cwd=ROOT)
    (d,) = json.loads(p.stdout)["diagnostics"]
    assert (d["line"], d["end_line"]) == (52, 94)
    assert d["message"].startswith("Lines 52-94 repeat lines 8-50 (22 paragraphs")
    assert [(r["line"], r["column"]) for r in d["related"]] == [(8, 1)]


def test_closed_pipe_ends_quietly_with_141(tmp_path):
    import subprocess
    import sys

    (tmp_path / "many.txt").write_text("trailing \n" * 20000, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "doclint", "check", "--no-cache", str(tmp_path / "many.txt")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(100)
    proc.stdout.close()  # as `| head` does
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 141
    assert err == b""


def test_diff_shows_a_change_of_encoding(tmp_path):
    # A fix that only transcodes a Latin-1 file printed nothing, yet exited 1.
    doc = tmp_path / "d.txt"
    # (a sentence long enough for the encoding to be detected with confidence: then the transcode is a safe fix)
    text = "Le café est très chaud, et la crème brûlée du déjeuner était délicieuse à Noël."
    doc.write_bytes(f"{text}\n".encode("cp1252"))
    p = run_cli("check", "--no-cache", "--diff", doc.name, cwd=tmp_path)
    assert p.returncode == 1
    assert p.stdout.decode() == "Files a/d.txt and b/d.txt differ in encoding only: cp1252 -> UTF-8\n"
    doc.write_bytes(f"{text} \n".encode("cp1252"))  # the text changes too: the headers name both encodings
    out = run_cli("check", "--no-cache", "--diff", doc.name, cwd=tmp_path).stdout.decode()
    assert out.startswith("--- a/d.txt\t(encoding cp1252)\n+++ b/d.txt\t(encoding UTF-8)\n@@ -1 +1 @@\n")
    assert doc.read_bytes() == f"{text} \n".encode("cp1252")


def test_fix_keeps_hard_links(tmp_path):
    # A rename into place gave the fixed file a new inode: the other link kept the old text.
    doc, other = tmp_path / "d.txt", tmp_path / "link.txt"
    doc.write_text("a \n")
    os.link(doc, other)
    run_cli("check", "--no-cache", "--fix", doc.name, cwd=tmp_path)
    assert doc.read_text() == other.read_text() == "a\n" and os.path.samefile(doc, other)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.txt", "link.txt"]  # no temporary file left
    corpus, corpus_link = tmp_path / "c.jsonl", tmp_path / "c-link.jsonl"  # JSONL rewrites too
    corpus.write_text(json.dumps({"id": 1, "text": "b \n"}) + "\n")
    os.link(corpus, corpus_link)
    run_cli("check", "--no-cache", "--fix", corpus.name, cwd=tmp_path)
    assert json.loads(corpus_link.read_text())["text"] == "b\n" and os.path.samefile(corpus, corpus_link)


def test_statistics_mark_only_what_fix_would_fix_and_come_as_json(tmp_path):
    # --statistics marked [*] a rule whose only fix is unsafe, and --format json ignored it.
    doc = tmp_path / "d.txt"
    doc.write_text("a \n\nThe vote was close.\u202e\n")
    out = run_cli("check", "--no-cache", "--statistics", doc.name, cwd=tmp_path).stdout.decode()
    assert "1\tE105\t    bidi-control" in out and "1\tW102\t[*] trailing-whitespace" in out
    out = run_cli("check", "--no-cache", "--statistics", "--unsafe-fixes", doc.name, cwd=tmp_path).stdout.decode()
    assert "1\tE105\t[*] bidi-control" in out
    p = run_cli("check", "--no-cache", "--statistics", "--format", "json", doc.name, cwd=tmp_path)
    assert json.loads(p.stdout) == {"version": 1, "statistics": [
        {"code": "E105", "name": "bidi-control", "count": 1, "fixable": 0},
        {"code": "W102", "name": "trailing-whitespace", "count": 1, "fixable": 1}]}
    p = run_cli("check", "--no-cache", "--statistics", "--format", "sarif", doc.name, cwd=tmp_path)
    assert p.returncode == 2 and b"--statistics prints counts as text or json" in p.stderr


def test_rule_prints_options_as_toml_and_show_settings_says_which_backend_runs(tmp_path):
    out = run_cli("rule", "off-topic-paragraph").stdout.decode()
    assert "`pairs` (default `true`)" in out and "True" not in out
    out = run_cli("check", "--isolated", "--show-settings", "--select", "T101", cwd=tmp_path).stdout.decode()
    from doclint import embeddings

    in_use = "embeddings" if embeddings.available() else "lexical"
    assert f'backend = "auto"  (in use: {in_use}' in out


def test_a_baseline_hides_recorded_findings_wherever_their_lines_move(tmp_path):
    # Adopting doclint on documents with many findings: record them, then report only new ones. Findings are
    # matched by rule, path and a hash of their text, not by line: lines added above do not revive them.
    doc = tmp_path / "d.txt"
    doc.write_text("Title\n\nOld trailing. \n\nOld entity &amp; here.\n")
    p = run_cli("check", "--no-cache", "--write-baseline", "base.json", "d.txt", cwd=tmp_path)
    assert p.returncode == 0 and b"Wrote a baseline of 2 findings to base.json." in p.stdout
    rows = json.loads((tmp_path / "base.json").read_text())["findings"]
    assert sorted((r["rule"], r["path"], r["count"]) for r in rows) == [("E106", "d.txt", 1), ("W102", "d.txt", 1)]
    p = run_cli("check", "--no-cache", "--baseline", "base.json", "d.txt", cwd=tmp_path)
    assert p.returncode == 0 and b"2 findings recorded in the baseline not shown." in p.stdout
    doc.write_text("Title\n\nA new paragraph.\n\nNew trailing. \n\nOld trailing. \n\nOld entity &amp; here.\n")
    p = run_cli("check", "--no-cache", "--baseline", "base.json", "d.txt", cwd=tmp_path)
    assert p.returncode == 1 and p.stdout.decode().count("W102") == 1 and b"d.txt:5:14: W102" in p.stdout
    (tmp_path / "bad.json").write_text("{}")
    p = run_cli("check", "--no-cache", "--baseline", "bad.json", "d.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"bad.json: not a doclint baseline" in p.stderr


def test_a_baseline_names_jsonl_records_by_id(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": f"Record {i}. \n"}) + "\n" for i in ("a", "b")))
    run_cli("check", "--no-cache", "--write-baseline", "base.json", "c.jsonl", cwd=tmp_path)
    assert {r["path"] for r in json.loads((tmp_path / "base.json").read_text())["findings"]} == {"c.jsonl#a", "c.jsonl#b"}
    corpus.write_text("".join(json.dumps({"id": i, "text": f"Record {i}. \n"}) + "\n" for i in ("new", "a", "b")))
    p = run_cli("check", "--no-cache", "--baseline", "base.json", "c.jsonl", cwd=tmp_path)
    assert p.returncode == 1 and b"c.jsonl#1[id=new]" in p.stdout and b"id=a" not in p.stdout
