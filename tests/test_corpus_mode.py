"""Corpus mode: JSONL corpora, parallel runs, progress."""
from __future__ import annotations

import gzip
import json

import pytest

from conftest import run_cli

RECORDS = [
    {"id": "a", "text": "Council vote\n\nA clean paragraph of text here.\n", "lang": "en"},
    {"id": "b", "text": "Title\n\nTony Blair&#39;s plan. \n", "meta": {"x": 1}},
    "not json at all",
    {"id": "c", "body": "no text field"},
    {"id": "d", "text": 42},
    {"text": "Weather\n\nNo id here, trailing space \n"},
]


def _write(path, records, gz=False):
    lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(lines) if gz else lines)


@pytest.mark.parametrize("gz", [False, True], ids=["jsonl", "jsonl.gz"])
def test_jsonl_check_reports_records_and_skips_bad_lines(tmp_path, gz):
    corpus = tmp_path / ("c.jsonl.gz" if gz else "c.jsonl")
    _write(corpus, RECORDS, gz)
    p = run_cli("check", "--format", "json", corpus.name, cwd=tmp_path)
    assert p.returncode == 1, p.stderr.decode()
    diags = json.loads(p.stdout)["diagnostics"]
    assert {(d["path"], d["record"]["id"], d["record"]["number"], d["code"], d["line"]) for d in diags} == {
        (corpus.name, "b", 2, "E106", 3), (corpus.name, "b", 2, "W102", 3), (corpus.name, 6, 6, "W102", 3)}
    err = p.stderr.decode()
    assert f"{corpus.name}:3: malformed JSON line skipped" in err
    assert f"{corpus.name}:4: field 'text' is missing; skipped" in err
    assert f"{corpus.name}:5: field 'text' is not a string (int); skipped" in err
    text = run_cli("check", corpus.name, cwd=tmp_path).stdout.decode()
    assert f"{corpus.name}#2[id=b]:3:11: E106 [html-entity]" in text


@pytest.mark.parametrize("gz", [False, True], ids=["jsonl", "jsonl.gz"])
def test_jsonl_fix_keeps_fields_order_and_unparsable_lines(tmp_path, gz):
    corpus = tmp_path / ("c.jsonl.gz" if gz else "c.jsonl")
    _write(corpus, RECORDS, gz)
    run_cli("check", "--fix", corpus.name, cwd=tmp_path)
    raw = corpus.read_bytes()
    lines = (gzip.decompress(raw) if gz else raw).decode().splitlines()
    assert len(lines) == len(RECORDS)
    assert json.loads(lines[0]) == RECORDS[0]
    assert json.loads(lines[1]) == {"id": "b", "text": "Title\n\nTony Blair's plan.\n", "meta": {"x": 1}}
    assert lines[2] == "not json at all"
    assert json.loads(lines[3]) == RECORDS[3] and json.loads(lines[4]) == RECORDS[4]
    assert json.loads(lines[5])["text"] == "Weather\n\nNo id here, trailing space\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != ".doclint_cache"] == [corpus.name]


def test_a_record_text_without_a_final_line_break_is_not_a_file_without_one(tmp_path):
    records = [{"id": "a", "text": "Title\n\nA clean paragraph of text here."}, {"id": "b", "text": "One line"}]
    _write(tmp_path / "c.jsonl", records)
    p = run_cli("check", "--no-cache", "c.jsonl", cwd=tmp_path)
    assert p.returncode == 0 and b"W106" not in p.stdout, p.stdout.decode()
    run_cli("check", "--no-cache", "--fix", "c.jsonl", cwd=tmp_path)
    assert [json.loads(line) for line in (tmp_path / "c.jsonl").read_text().splitlines()] == records
    (tmp_path / "a.txt").write_text(records[0]["text"])  # the same text as a file is reported
    assert b"W106" in run_cli("check", "--no-cache", "a.txt", cwd=tmp_path).stdout


def test_near_duplicate_records(tmp_path):
    body = " ".join(f"word{i} appears in this sentence number {i}." for i in range(40))
    _write(tmp_path / "c.jsonl", [{"id": "x", "text": body}, {"id": "y", "text": "Other " + body}])
    diags = json.loads(run_cli("check", "--format", "json", "--select", "D201", "c.jsonl", cwd=tmp_path).stdout)
    (d,) = diags["diagnostics"]
    assert d["record"]["id"] == "y" and "Near-duplicate of c.jsonl#1" in d["message"]


@pytest.mark.parametrize("gz", [False, True], ids=["jsonl", "jsonl.gz"])
def test_unsafe_fix_drops_the_later_near_duplicate_record(tmp_path, gz):
    body = " ".join(f"word{i} appears in this sentence number {i}." for i in range(40))
    records = [{"id": "x", "text": body, "lang": "en"}, "not json", {"id": "y", "text": "Other " + body},
               {"id": "z", "text": "Something else entirely. \n"}, {"id": "w", "text": body}]
    corpus = tmp_path / ("c.jsonl.gz" if gz else "c.jsonl")
    _write(corpus, records, gz)
    original = corpus.read_bytes()

    def lines():
        raw = corpus.read_bytes()
        return (gzip.decompress(raw) if gz else raw).decode().splitlines()

    p = run_cli("check", "--format", "json", "--select", "D201,W102", "--fix", corpus.name, cwd=tmp_path)
    remaining = json.loads(p.stdout)["diagnostics"]
    assert [(d["record"]["id"], d["fix"]["applicability"], d["fix"]["drop_record"]) for d in remaining] == [
        ("y", "unsafe", True), ("w", "unsafe", True)]
    assert len(lines()) == 5  # plain --fix never drops a record (the trailing space was fixed)
    assert json.loads(lines()[3])["text"] == "Something else entirely.\n"

    p = run_cli("check", "--select", "D201,W102", "--fix", "--unsafe-fixes", corpus.name, cwd=tmp_path)
    assert p.returncode == 0, p.stdout.decode() + p.stderr.decode()
    assert "2 fixed, 0 remaining" in p.stdout.decode()
    kept = lines()
    assert json.loads(kept[0]) == records[0] and kept[1] == "not json"
    assert [json.loads(line)["id"] for line in kept[2:]] == ["z"]
    assert corpus.read_bytes() != original
    p = run_cli("check", "--select", "D201,W102", "--fix", "--unsafe-fixes", corpus.name, cwd=tmp_path)
    assert p.returncode == 0 and len(lines()) == 3  # idempotent
    assert [f.name for f in tmp_path.iterdir() if f.name != ".doclint_cache"] == [corpus.name]


def test_jobs_do_not_change_the_output(tmp_path):
    for i in range(30):
        extra = "Shared paragraph that repeats across files to make a corpus signal here." if i % 3 else ""
        (tmp_path / f"{i:02d}.txt").write_text(f"Title {i}\n\nBody {i} text. \n\n{extra}\n\n\n\nEnd&amp;.\n")
    outs = [run_cli("check", "--format", "json", "--jobs", str(j), ".", cwd=tmp_path).stdout for j in (1, 2)]
    assert outs[0] == outs[1] and json.loads(outs[0])["diagnostics"]


def test_jobs_do_not_change_the_output_of_rules_that_use_corpus_statistics(tmp_path):
    # From 256 files on, word statistics are counted by the workers that then check the files; they were forked
    # before the statistics existed and read them from a temporary file, which must not outlive the run.
    import os
    import tomllib

    from conftest import ROOT

    arts = tomllib.loads((ROOT / "tests" / "data" / "articles.toml").read_text(encoding="utf-8"))["article"]
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(260):
        paragraphs = list(arts[i % len(arts)]["paragraphs"])
        donor = arts[(i + 1 + i // len(arts)) % len(arts)]
        if donor is not arts[i % len(arts)]:
            paragraphs.insert(2 + i % 3, donor["paragraphs"][i % len(donor["paragraphs"])])
        (docs / f"{i:03d}.txt").write_text(f"Report {i}\n\n" + "\n\n".join(paragraphs) + f"\n\nFiled as {i}.\n")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    outs = [run_cli("check", "--no-cache", "--select", "T101", "--format", "json", "--jobs", str(j), "docs",
                    cwd=tmp_path, env=env).stdout for j in (1, 2)]
    assert outs[0] == outs[1]
    assert len(json.loads(outs[0])["diagnostics"]) > 100
    assert list(scratch.iterdir()) == []


def test_no_progress_on_a_pipe(tmp_path):
    for i in range(10):
        (tmp_path / f"{i}.txt").write_text("ok\n")
    p = run_cli("check", ".", cwd=tmp_path)
    assert p.stderr == b""


ARTICLE = " ".join(f"Sentence {i} of the article talks about topic {i % 7} at some length." for i in range(60))


def test_index_reuses_unchanged_files(tmp_path):
    (tmp_path / ".git").mkdir()  # the index lives in a project: a repository, or beside a config file
    doc = tmp_path / "a.txt"
    doc.write_text("Title\n\nText with trailing space. \n")
    first = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout
    assert (tmp_path / ".doclint_cache" / ".gitignore").read_text().strip().endswith("*")
    stat = doc.stat()
    doc.write_text("Title\n\nText with trailing space.X\n")  # same size, no trailing space; same mtime
    import os

    os.utime(doc, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout == first  # from the index
    fresh = run_cli("check", "--format", "json", "--no-cache", "a.txt", cwd=tmp_path).stdout
    assert fresh != first  # the new content, read again


def test_corrupt_or_foreign_index_is_rebuilt(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("ok\n")
    cache = tmp_path / ".doclint_cache"
    cache.mkdir()
    (cache / "index.sqlite").write_bytes(b"this is not a database" * 100)
    p = run_cli("check", "a.txt", cwd=tmp_path)
    assert p.returncode == 0 and b"rebuilding the cache" in p.stderr
    import sqlite3

    (cache / "index.sqlite").unlink()
    db = sqlite3.connect(cache / "index.sqlite")
    db.execute("CREATE TABLE other (x)")
    db.commit()
    db.close()
    p = run_cli("check", "a.txt", cwd=tmp_path)
    assert p.returncode == 0 and b"not a doclint index" in p.stderr
    assert run_cli("check", "a.txt", cwd=tmp_path).stderr == b""


def test_partial_run_finds_a_near_duplicate_elsewhere_in_the_tree(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "b_original.txt").write_text("Original\n\n" + ARTICLE + "\n")
    (tmp_path / "docs" / "c_other.txt").write_text("Other\n\n" + ARTICLE.replace("topic", "theme") + "\n")
    (tmp_path / "docs" / "a_copy.txt").write_text("Copy\n\n" + ARTICLE + " One more sentence.\n")
    p = run_cli("check", "--format", "json", "--select", "D201", "docs/a_copy.txt", cwd=tmp_path)
    (d,) = json.loads(p.stdout)["diagnostics"]
    assert d["path"] == "docs/a_copy.txt" and "docs/b_original.txt" in d["message"]
    p = run_cli("check", "--no-cache", "--select", "D201", "docs/a_copy.txt", cwd=tmp_path)  # only slower
    assert p.returncode == 1 and b"docs/b_original.txt" in p.stdout
    # --cache-dir moves the index, not the tree: the project is still the repository, not the index's parent
    elsewhere = tmp_path / "outside" / "index"
    (tmp_path / "outside" / "stray.txt").parent.mkdir()
    (tmp_path / "outside" / "stray.txt").write_text("Stray\n\n" + ARTICLE + "\n")
    p = run_cli("check", "--format", "json", "--select", "D201", "--cache-dir", elsewhere, "docs/a_copy.txt",
                cwd=tmp_path)
    (d,) = json.loads(p.stdout)["diagnostics"]
    assert "docs/b_original.txt" in d["message"] and elsewhere.exists()


def test_shared_config_from_elsewhere_does_not_widen_the_tree(tmp_path):
    # `--config ~/configs/doclint.toml` once made ~/configs' folder the tree: every text file beside the config
    # (here a copy of the article) was indexed and compared, and the index landed there.
    shared = tmp_path / "configs"
    shared.mkdir()
    (shared / "doclint.toml").write_text("[rules.too-many-blank-lines]\nmax-blank-lines = 2\n")
    (shared / "unrelated.txt").write_text("Unrelated\n\n" + ARTICLE + "\n")
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / "a.txt").write_text("Copy\n\n" + ARTICLE + " One more sentence.\n")
    p = run_cli("check", "--format", "json", "--select", "D201", "--config", shared / "doclint.toml", "a.txt",
                cwd=project)
    assert json.loads(p.stdout)["diagnostics"] == []
    assert (project / ".doclint_cache").is_dir() and not (shared / ".doclint_cache").exists()
    # a config inside the project still roots the tree, even when the run starts in a subfolder
    (project / "doclint.toml").write_text("")
    (project / "sub").mkdir()
    (project / "b.txt").write_text("Original\n\n" + ARTICLE + "\n")
    p = run_cli("check", "--format", "json", "--select", "D201", "--config", project / "doclint.toml",
                "../a.txt", cwd=project / "sub")
    (d,) = json.loads(p.stdout)["diagnostics"]
    assert "b.txt" in d["message"]


def test_index_entry_of_a_lone_file_still_takes_part_in_later_corpus_checks(tmp_path):
    # A run on one file in a tree of one once stored it without signatures; a later run that reused the entry
    # never compared the file with anything: a copy added next to it went unreported.
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("Copy\n\n" + ARTICLE + " One more sentence.\n")
    assert run_cli("check", "--select", "D201", "a.txt", cwd=tmp_path).returncode == 0
    (tmp_path / "b.txt").write_text("Original\n\n" + ARTICLE + "\n")
    for args in (["."], ["b.txt"]):
        p = run_cli("check", "--format", "json", "--select", "D201", *args, cwd=tmp_path)
        (d,) = json.loads(p.stdout)["diagnostics"]
        assert d["path"] == "b.txt" and "a.txt" in d["message"]


def test_index_entry_without_signatures_is_checked_again(tmp_path):
    # Indexes written before the fix above hold such entries: they must not be trusted for corpus checks.
    from doclint.io.index import Index, config_key
    from doclint.config import load_config
    from doclint.document import Document
    from doclint.engine import Linter

    (tmp_path / ".git").mkdir()
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Copy\n\n" + ARTICLE + " One more sentence.\n")
    b.write_text("Original\n\n" + ARTICLE + "\n")
    linter = Linter.from_config(load_config(cwd=tmp_path), select=["D201"])
    index = Index(tmp_path / ".doclint_cache", config_key(linter))
    index.store(a, a.read_bytes(), [], Document.from_bytes("a.txt", a.read_bytes()).stub(), {})
    index.close()
    p = run_cli("check", "--format", "json", "--select", "D201", ".", cwd=tmp_path)
    (d,) = json.loads(p.stdout)["diagnostics"]
    assert d["path"] == "b.txt" and "a.txt" in d["message"]


def test_a_record_is_not_dropped_for_a_copy_outside_the_corpus(tmp_path):
    # The tree's text file holds the same article as record x: the corpus keeps x (its only copy of the text)
    # and drops y, the later copy inside the corpus. Both are still reported.
    body = " ".join(f"word{i} appears in this sentence number {i}." for i in range(40))
    (tmp_path / ".git").mkdir()
    (tmp_path / "article.txt").write_text(body + "\n")
    corpus = tmp_path / "c.jsonl"
    _write(corpus, [{"id": "x", "text": body}, {"id": "y", "text": "Other " + body}])
    p = run_cli("check", "--format", "json", "--select", "D201", "c.jsonl", cwd=tmp_path)
    found = {d["record"]["id"]: d for d in json.loads(p.stdout)["diagnostics"]}
    assert sorted(found) == ["x", "y"]
    assert found["x"]["fix"] is None and "article.txt" in found["x"]["message"]
    assert found["y"]["fix"]["drop_record"] and found["y"]["fix"]["message"] == "Drop this record (keep c.jsonl#1[id=x])"
    run_cli("check", "--select", "D201", "--fix", "--unsafe-fixes", "c.jsonl", cwd=tmp_path)
    assert [json.loads(line)["id"] for line in corpus.read_text().splitlines()] == ["x"]


def test_records_keep_their_order_past_record_nine(tmp_path):
    # Records are named corpus.jsonl#N: ordered as text, #11 would come before #2 and the earlier copy would be
    # reported and dropped instead of the later one.
    body = " ".join(f"word{i} appears in this sentence number {i}." for i in range(40))
    records = [{"id": f"r{n}", "text": f"Filler record {n} with words of its own, number {n}.\n"} for n in range(1, 13)]
    records[1] = {"id": "first", "text": body}
    records[10] = {"id": "copy", "text": "Copy " + body}
    corpus = tmp_path / "c.jsonl"
    _write(corpus, records)
    p = run_cli("check", "--no-cache", "--format", "json", "--select", "D201", "c.jsonl", cwd=tmp_path)
    (d,) = json.loads(p.stdout)["diagnostics"]
    assert d["record"] == {"id": "copy", "number": 11} and "c.jsonl#2" in d["message"]
    run_cli("check", "--no-cache", "--select", "D201", "--fix", "--unsafe-fixes", "c.jsonl", cwd=tmp_path)
    ids = [json.loads(line)["id"] for line in corpus.read_text().splitlines()]
    assert "first" in ids and "copy" not in ids and len(ids) == 11


@pytest.mark.parametrize("mode", ["--fix", "--diff", "--show-source"])
def test_files_checked_again_after_a_cached_run_have_their_corpus_statistics(tmp_path, mode):
    # After a full run stored every file in the index, a run that checks files again (--fix and --diff when a
    # stored finding has a fix to apply, --show-source always) must judge them as the stored run did: with the
    # statistics of the documents checked together, not without (the off-topic rule then weighed words otherwise).
    import shutil
    from pathlib import Path

    shutil.copy(Path(__file__).parent / "plugins" / "statistics_probe.py", tmp_path)
    (tmp_path / "doclint.toml").write_text('plugins = ["statistics_probe.py"]\nselect = ["X002"]\n')
    for n in range(25):
        (tmp_path / f"{n:02}.txt").write_text(f"Title {n}\n\nMARK\n")
    first = json.loads(run_cli("check", "--format", "json", ".", cwd=tmp_path).stdout)["diagnostics"]
    assert [d["message"] for d in first] == ["A marker (with statistics)"] * 25
    p = run_cli("check", "--unsafe-fixes", mode, ".", cwd=tmp_path)
    if mode == "--fix":
        assert (tmp_path / "00.txt").read_text() == "Title 0\n\nMARK-with\n"
    elif mode == "--diff":
        assert p.stdout.count(b"+MARK-with\n") == 25
    else:
        assert p.stdout.count(b"A marker (with statistics)") == 25
    again = json.loads(run_cli("check", "--format", "json", ".", cwd=tmp_path).stdout)["diagnostics"]
    assert [d["message"] for d in again] == ([] if mode == "--fix" else [d["message"] for d in first])


def test_a_teaser_that_names_another_document_s_headline_is_cut_there(tmp_path):
    # In a run over twenty files or more, story-teaser knows the documents' headlines: a teaser glued before a
    # paragraph that gives another document's headline word for word ends where that headline ends, where the
    # words alone leave the end in doubt.
    import tomllib

    from conftest import ROOT

    arts = tomllib.loads((ROOT / "tests" / "data" / "articles.toml").read_text(encoding="utf-8"))["article"]

    def doc(art, paragraphs):
        return art["headline"] + "\n\n" + "\n\n".join(paragraphs) + "\n"

    for i in range(21):
        (tmp_path / f"{i:02d}.txt").write_text(doc(arts[i % 8], arts[i % 8]["paragraphs"][:6]), encoding="utf-8")
    host, other = arts[7], arts[2]
    paragraphs = host["paragraphs"][:6]
    glued = paragraphs[:2] + ["Read more: " + other["headline"] + " " + paragraphs[2]] + paragraphs[3:]
    (tmp_path / "teaser.txt").write_text(doc(host, glued), encoding="utf-8")
    # a line that is no sentence glued after the headline: without the headline, the whole line is the teaser
    short = paragraphs[:3] + ["Kick-off 3pm"] + paragraphs[3:]
    line = paragraphs[:3] + ["Read more: " + arts[1]["headline"] + " Kick-off 3pm"] + paragraphs[3:]
    (tmp_path / "line.txt").write_text(doc(host, line), encoding="utf-8")
    p = run_cli("check", "--no-cache", "--select", "S112", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)
    assert p.returncode == 0, p.stdout
    assert (tmp_path / "teaser.txt").read_text(encoding="utf-8") == doc(host, paragraphs)
    assert (tmp_path / "line.txt").read_text(encoding="utf-8") == doc(host, short)


def test_a_text_field_no_record_has_is_an_error_naming_the_fields_seen(tmp_path):
    # `--text-field contnet` printed a warning per record, then "All checks passed!" and exit 0.
    records = [{"id": n, "content": f"Record {n} text. \n", "lang": "en"} for n in range(30)]
    _write(tmp_path / "c.jsonl", records)
    for args in (["--text-field", "contnet"], []):  # a typo, and a corpus whose text is in another field
        p = run_cli("check", "--no-cache", *args, "c.jsonl", cwd=tmp_path)
        err = p.stderr.decode()
        assert p.returncode == 2, err
        assert "c.jsonl: no record has a text field" in err and "(fields seen: 'content', 'id', 'lang')" in err
        assert err.count("; skipped") == 10 and "20 more records without a string field" in err
        assert b"All checks passed" not in p.stdout
    p = run_cli("check", "--no-cache", "--text-field", "content", "c.jsonl", cwd=tmp_path)
    assert p.returncode == 1 and p.stdout.count(b"W102") == 30


@pytest.mark.parametrize("kind", ["files", "records"])
def test_progress_is_drawn_while_the_documents_are_checked(tmp_path, monkeypatch, kind):
    # The results list was built before the loop that draws progress: one line appeared, at the end.
    import io
    import itertools
    import sys

    from conftest import make_linter
    from doclint import progress, runner, worker
    from doclint.config import Config
    from doclint.io.discovery import discover
    from doclint.options import CheckOptions

    if kind == "files":
        for i in range(6):
            (tmp_path / f"{i}.txt").write_text(f"Document {i}. \n")
    else:
        _write(tmp_path / "c.jsonl", [{"id": i, "text": f"Document {i}. \n"} for i in range(6)])
    events = []

    class Terminal(io.StringIO):
        def isatty(self):
            return True

        def write(self, text):
            events.append("draw")
            return super().write(text)

    work = worker.Worker.__call__
    monkeypatch.setattr(worker.Worker, "__call__", lambda self, task: events.append("work") or work(self, task))
    monkeypatch.setattr(progress.Progress, "clock", staticmethod(itertools.count(0, 1.0).__next__))  # 1 s a call
    monkeypatch.setattr(sys, "stderr", Terminal())
    sources = discover([str(tmp_path)], Config(include=["*.txt", "*.jsonl"])).sources
    result = runner.run(make_linter(["W"]), sources, CheckOptions(jobs=1, progress=True))
    assert len(result.diagnostics) == 6
    last_work = max(n for n, e in enumerate(events) if e == "work")
    assert events.index("draw") < last_work, events


def test_records_are_reported_in_file_order_and_related_records_have_their_ids(tmp_path):
    # Records were sorted as strings (#100 before #11), and a related location named c.jsonl#1, without the id.
    body = " ".join(f"word{i} appears in this sentence number {i}." for i in range(40))
    records = [{"id": f"r{n}", "text": f"Record {n}. \n"} for n in range(1, 13)]
    records[0] = {"id": "first", "text": body}
    records[10] = {"id": "copy", "text": "Copy " + body}
    _write(tmp_path / "c.jsonl", records)
    p = run_cli("check", "--no-cache", "--select", "W102,D201", "c.jsonl", cwd=tmp_path)
    lines = [line for line in p.stdout.decode().splitlines() if line.startswith("c.jsonl#")]
    numbers = [int(line.split("#")[1].split("[")[0]) for line in lines]
    assert numbers == sorted(numbers) and 11 in numbers and 12 in numbers
    assert "    note: c.jsonl#1[id=first]:1:1:" in p.stdout.decode()
    diags = json.loads(run_cli("check", "--no-cache", "--format", "json", "--select", "D201", "c.jsonl",
                               cwd=tmp_path).stdout)["diagnostics"]
    assert diags[0]["related"][0]["record"] == {"id": "first", "number": 1}


def test_a_plain_working_folder_is_no_project(tmp_path):
    # Checking one named file in a folder with neither a repository nor a config file compared it with every
    # file below the current folder (a backup copy made every article an "exact duplicate"), wrote the index
    # there, and --no-cache changed the findings.
    (tmp_path / "news").mkdir()
    (tmp_path / "news.before_fix").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Original\n\n" + ARTICLE + "\n")
    (tmp_path / "news.before_fix" / "a.txt").write_text("Original\n\n" + ARTICLE + "\n")
    for cache in ([], ["--no-cache"]):
        p = run_cli("check", *cache, "--select", "D201", "news/a.txt", cwd=tmp_path)
        assert p.returncode == 0, p.stdout.decode()
    assert not (tmp_path / ".doclint_cache").exists()
    p = run_cli("check", "--show-files", "news/a.txt", cwd=tmp_path)
    assert p.stdout.decode() == "news/a.txt\n"
    # in a repository, the other files are compared, and --show-files says which
    (tmp_path / ".git").mkdir()
    p = run_cli("check", "--show-files", "news/a.txt", cwd=tmp_path)
    assert p.stdout.decode() == (f"news/a.txt\n\nCompared with (D201, D202, S201: the other files of the project "
                                 f"{tmp_path}, a git repository):\n  news.before_fix/a.txt\n")
    for cache in ([], ["--no-cache"]):
        assert run_cli("check", *cache, "--select", "D201", "news/a.txt", cwd=tmp_path).returncode == 1


def test_a_file_named_by_another_path_is_not_its_own_duplicate(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("Original\n\n" + ARTICLE + "\n")
    for name in (str(tmp_path / "a.txt"), "./a.txt"):
        p = run_cli("check", "--no-cache", "--select", "D201", name, cwd=tmp_path)
        assert p.returncode == 0, p.stdout.decode()


def test_an_unchanged_jsonl_corpus_is_answered_by_the_index(tmp_path, monkeypatch):
    # JSONL corpora were never stored in the index: a second run over an unchanged corpus checked every record again.
    import sqlite3

    from conftest import make_linter
    from doclint import runner, worker
    from doclint.io.discovery import Source
    from doclint.io.index import Index, config_key
    from doclint.options import CheckOptions

    body = " ".join(f"word{i} appears in this sentence number {i}." for i in range(40))
    corpus = tmp_path / "c.jsonl"
    _write(corpus, [*RECORDS, {"id": "first", "text": body}, {"id": "copy", "text": "Copy " + body}])
    linter = make_linter(["W102", "E106", "D201"])
    checked = []
    call = worker.Worker.__call__
    monkeypatch.setattr(worker.Worker, "__call__", lambda self, task: checked.append(task.display) or call(self, task))

    def run(display):
        plan = runner.Plan(index=Index(tmp_path / "cache", config_key(linter)), signatures=True)
        result = runner.run(linter, [Source(corpus, display, tmp_path)], CheckOptions(), plan)
        return sorted((d.path, d.code, d.message) for d in result.diagnostics), result.messages, result.documents

    first = run("c.jsonl")
    assert len(checked) == 5 and {code for _, code, _ in first[0]} == {"W102", "E106", "D201"}
    with sqlite3.connect(tmp_path / "cache" / "index.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM records").fetchone() == (5,)
    checked.clear()
    assert run("c.jsonl") == first and checked == []  # the same findings and messages, nothing checked
    renamed = run("./c.jsonl")  # under another name, the records are named after it
    assert checked == [] and {path.split("#")[0] for path, _, _ in renamed[0]} == {"./c.jsonl"}
    assert renamed[1][0][1].startswith("./c.jsonl:3: malformed JSON line skipped")
    _write(corpus, RECORDS)  # changed: checked again
    assert run("c.jsonl")[2] == 3 and len(checked) == 3


WIRE_STORIES = ["Harbour plan approved\nThe council approved the harbour plan on Tuesday.\n Reuter\n",
                "Bus fares to rise\nBus fares will rise by five cents in March, the operator said.\n Reuter\n",
                "Library opens late\nThe central library will stay open until nine on weekdays.\n Reuter\n"]


@pytest.mark.parametrize("select, expected", [("S111,S201", {"S111"}), ("S201", {"S201"})])
def test_a_leftover_a_wording_rule_reports_is_not_reported_again_by_the_corpus_rule(tmp_path, select, expected):
    """The same sign-off read by its wording (source-credit) and learned from the corpus (recurring-leftover): one
    finding per document, the wording rule's; the corpus rule still counts it, and reports it when alone."""
    for n, text in enumerate(WIRE_STORIES):
        (tmp_path / f"s{n}.txt").write_text(text)
    p = run_cli("check", "--isolated", "--no-cache", "--format", "json", "--select", select, ".", cwd=tmp_path)
    found = [(d["path"], d["line"], d["code"]) for d in json.loads(p.stdout)["diagnostics"]]
    assert sorted(found) == [(f"s{n}.txt", 3, code) for n in range(3) for code in sorted(expected)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_leaves_the_garbage_collector_as_it_found_it(tmp_path, monkeypatch, jobs):
    # A run freezes what start-up built so that collections skip it; a program that runs doclint again (a test
    # session, an editor's server) must collect what the run left, so the run unfreezes on its way out.
    import gc

    from conftest import make_linter
    from doclint import runner
    from doclint.config import Config
    from doclint.io.discovery import discover
    from doclint.options import CheckOptions

    for i in range(12):
        (tmp_path / f"{i}.txt").write_text(f"Document {i}. \n")
    sources = discover([str(tmp_path)], Config(include=["*.txt"])).sources
    frozen = []
    check = runner.LocalRun._check
    monkeypatch.setattr(runner.LocalRun, "_check", lambda self, s: frozen.append(gc.get_freeze_count()) or check(self, s))
    result = runner.run(make_linter(["W"]), sources, CheckOptions(jobs=jobs))
    assert len(result.diagnostics) == 12
    assert frozen[0] > 0  # start-up's objects were frozen for the check
    assert gc.get_freeze_count() == 0


def test_a_paragraph_a_wording_rule_reports_in_every_document_is_one_finding_not_two(tmp_path):
    # The site's comment policy under five stories: page furniture by its wording (S113), and once found in five
    # documents by boilerplate-paragraph (D202). One finding is enough where the wording rule took the paragraph whole.
    policy = ("Please adhere to our commenting policy to avoid being banned. As a privately owned web site, we "
              "reserve the right to remove any comment and ban any user at any time.")
    footer = "This article first appeared in print in the weekend edition of the paper, on page twelve."
    stories = ["The council approved the harbour plan on Tuesday after a long debate about its cost.",
               "Bus fares will rise by five cents in March, the operator said on Monday morning.",
               "The central library will stay open until nine on weekdays from next month on.",
               "A new bridge over the river will open in May, two years later than planned.",
               "The city's schools will hire forty more teachers this autumn, the board said."]
    for i, story in enumerate(stories):
        (tmp_path / f"{i}.txt").write_text(f"Story {i}\n\n{story}\n\n{footer}\n\n{policy}\n")
    found = run_cli("check", "--isolated", "--no-cache", "--select", "D202,S113", "--format", "json",
                    "--no-progress", tmp_path)
    codes = sorted((d["code"], d["line"]) for d in json.loads(found.stdout)["diagnostics"])
    assert codes.count(("S113", 7)) == 5 and ("D202", 7) not in codes, codes
    assert codes.count(("D202", 5)) == 5, codes  # the footer no wording rule reads is still found across documents
