"""`--engine ray`: a local Ray instance with two CPUs gives the local engine's diagnostics and fixes."""
from __future__ import annotations

import gzip
import json
import os
import shutil

import pytest
from click.testing import CliRunner

ray = pytest.importorskip("ray", reason='the ray extra is not installed (pip install "doclint[ray]")')

from doclint.cli import main  # noqa: E402

BODY = " ".join(f"Paragraph word{i} appears in this sentence about the harbour, number {i}." for i in range(30))
# (a footer no wording rule reads: the corpus rules find it, as they must on Ray too)
FOOTER = "The harbour committee meets on the first Monday of every month in the town hall, and anyone may attend."


def _article(n: int) -> str:
    return (f"Headline {n}\n\nStory {n} begins with the council meeting on day {n}, where members discussed budget "
            f"line {n} at length and agreed nothing.\n\n{FOOTER}\n")


def _shards(folder):
    """Three shards, one compressed: near-duplicates across shards, a footer in six documents, bad lines."""
    records = {
        "a.jsonl": [{"id": "a1", "text": "Title\n\nA clean paragraph of text here. \n"}, {"id": "a2", "text": BODY},
                    "not json", {"id": "a3", "text": "Tony Blair&#39;s plan.\n"},
                    *({"id": f"a{n}", "text": _article(n)} for n in range(4, 7))],
        "b.jsonl": [{"id": "b1", "text": "Other " + BODY, "meta": {"k": 1}}, {"id": "b2", "text": 7},
                    *({"id": f"b{n}", "text": _article(n)} for n in range(7, 10))],
        "c.jsonl.gz": [{"id": "c1", "text": BODY}, {"id": "c2", "text": "Something else entirely.\n"}],
    }
    paths = []
    for name, rows in records.items():
        data = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows).encode()
        (folder / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        paths.append(name)
    return paths


def _read(path):
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _cli(folder, *args):
    """doclint check in this process (so that it joins the test's Ray instance), run from `folder`."""
    old = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, ["check", "--no-cache", "--no-progress", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


def test_ray_engine_matches_the_local_engine(tmp_path, local_ray):
    shards = _shards(tmp_path)
    local = _cli(tmp_path, "--format", "json", *shards)
    on_ray = _cli(tmp_path, "--engine", "ray", "--format", "json", "--output-dir", "out", *shards)
    assert on_ray.exit_code == local.exit_code == 1, on_ray.output
    assert json.loads(on_ray.stdout) == json.loads(local.stdout)
    (tmp_path / "notes.txt").write_text("not a shard \n")
    folder = _cli(tmp_path, "--engine", "ray", "--format", "json", ".")  # a folder: its JSONL files, in order
    assert json.loads(folder.stdout) == json.loads(local.stdout)
    found = {(d["path"], d["record"]["id"], d["code"]) for d in json.loads(local.stdout)["diagnostics"]}
    assert {("b.jsonl", "b1", "D201"), ("c.jsonl.gz", "c1", "D201")} <= found  # across shards
    # the shared boilerplate paragraph, once per document: recurring-leftover's finding, which supersedes D202's
    assert sum(code in ("D202", "S201") for _, _, code in found) == 6
    per_shard = {p.name: [json.loads(line) for line in p.read_text().splitlines()]
                 for p in (tmp_path / "out" / "diagnostics").iterdir()}
    assert sorted(per_shard) == ["a.jsonl", "b.jsonl", "c.jsonl"]
    assert sum(map(len, per_shard.values())) == len(json.loads(local.stdout)["diagnostics"])
    for rows in per_shard.values():  # written by the shards' tasks in report order: records by number, then place
        places = [(d["record"]["number"], d["start"], d["end"]) for d in rows]
        assert places == sorted(places)
    assert per_shard["a.jsonl"] == [d for d in json.loads(local.stdout)["diagnostics"] if d["path"] == "a.jsonl"]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["shards"] == 3 and summary["documents"] == 12 and summary["by_rule"]["D201"] == 2


def test_ray_fix_writes_cleaned_shards_equal_to_a_local_fix(tmp_path, local_ray):
    shards = _shards(tmp_path)
    here = tmp_path / "local"
    here.mkdir()
    for name in shards:
        shutil.copy(tmp_path / name, here / name)
    originals = {name: (tmp_path / name).read_bytes() for name in shards}
    local = _cli(here, "--fix", "--unsafe-fixes", *shards)
    on_ray = _cli(tmp_path, "--engine", "ray", "--fix", "--unsafe-fixes", "--output-dir", "out", *shards)
    assert on_ray.exit_code == local.exit_code, on_ray.output
    assert on_ray.stdout.splitlines()[-1] == local.stdout.splitlines()[-1]  # the same fixed/remaining counts
    for name in shards:
        assert _read(tmp_path / "out" / "shards" / name) == _read(here / name), name
        assert (tmp_path / name).read_bytes() == originals[name]  # never in place
    assert len(_read(here / "b.jsonl").splitlines()) == 4  # b1, a near-duplicate of a2, was dropped


def test_ray_engine_refuses_an_in_place_fix(tmp_path):
    shards = _shards(tmp_path)
    p = _cli(tmp_path, "--engine", "ray", "--fix", *shards)
    assert p.exit_code == 2 and "--output-dir" in p.output
