"""Third-party rules load through the `doclint.rules` entry-point group and from config paths."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from conftest import run_cli

PLUGIN = Path(__file__).parent / "plugins" / "shouting.py"
TEXT = b"BREAKING NEWS FROM THE WIRE\n\nCalm text.\n"


def test_local_rule_module_from_config(tmp_path):
    shutil.copy(PLUGIN, tmp_path / "shouting.py")
    (tmp_path / "doclint.toml").write_text('plugins = ["shouting.py"]\n')
    (tmp_path / "a.txt").write_bytes(TEXT)
    p = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path)
    assert [d["code"] for d in json.loads(p.stdout)["diagnostics"]] == ["X001"]
    assert "X001   shouting" in run_cli("rules", cwd=tmp_path).stdout.decode()
    assert "## Why is this bad?" in run_cli("rule", "X001", cwd=tmp_path).stdout.decode()


def test_rule_from_an_installed_entry_point(tmp_path):
    # A minimal installed distribution: a module and a dist-info with entry_points.txt.
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(PLUGIN, site / "doclint_shouting.py")
    info = site / "doclint_shouting-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: doclint-shouting\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[doclint.rules]\nX001 = doclint_shouting:Shouting\n")
    env = {**os.environ, "PYTHONPATH": str(site)}
    (tmp_path / "a.txt").write_bytes(TEXT)
    p = run_cli("check", "--format", "json", "--select", "X001", "a.txt", cwd=tmp_path, env=env)
    assert [d["code"] for d in json.loads(p.stdout)["diagnostics"]] == ["X001"]
    # without the distribution the selector names no rule
    assert run_cli("check", "--select", "X001", "a.txt", cwd=tmp_path).returncode == 2


def test_conflicting_code_is_a_config_error(tmp_path):
    (tmp_path / "clash.py").write_text(PLUGIN.read_text().replace('"X001"', '"W101"'))
    (tmp_path / "doclint.toml").write_text('plugins = ["clash.py"]\n')
    (tmp_path / "a.txt").write_bytes(TEXT)
    p = run_cli("check", "a.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"conflicts with W101" in p.stderr


def test_index_reuses_findings_of_a_local_rule_until_its_source_changes(tmp_path):
    # The local module's name was drawn from hash(), which differs between processes: the index's key changed in
    # every run and nothing was ever reused. Its key holds the module's source instead: edits are seen.
    shutil.copy(PLUGIN, tmp_path / "shouting.py")
    (tmp_path / "doclint.toml").write_text('plugins = ["shouting.py"]\n')
    doc = tmp_path / "a.txt"
    doc.write_bytes(TEXT)
    first = run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout
    assert [d["code"] for d in json.loads(first)["diagnostics"]] == ["X001"]
    stat = doc.stat()
    doc.write_bytes(TEXT.lower())  # same size and mtime: only a run that reads the file sees the change
    os.utime(doc, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout == first  # from the index
    module = tmp_path / "shouting.py"
    module.write_text(module.read_text().replace('"Line is all capitals"', '"Shouting"'))
    assert json.loads(run_cli("check", "--format", "json", "a.txt", cwd=tmp_path).stdout)["diagnostics"] == []


def _counting_scans(monkeypatch, tmp_path):
    """The entry-point cache in a fresh folder, and a list that grows by one at each scan of installed metadata."""
    import importlib.metadata

    from doclint import registry

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("DOCLINT_NO_ENTRY_POINT_CACHE", raising=False)
    scans = []
    real = importlib.metadata.entry_points

    def counting(**kw):
        scans.append(kw)
        return real(**kw)

    monkeypatch.setattr(importlib.metadata, "entry_points", counting)
    return registry, scans


def test_entry_point_cache_survives_files_written_in_the_current_folder(tmp_path, monkeypatch):
    registry, scans = _counting_scans(monkeypatch, tmp_path)
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    monkeypatch.setattr("sys.path", ["", *[p for p in __import__("sys").path if p]])
    first = registry._entry_point_specs()
    (project / "notes.txt").write_text("a file a user wrote\n")
    assert registry._entry_point_specs() == first
    assert len(scans) == 1
    # a distribution installed into the current folder is a new key
    (project / "x-1.0.dist-info").mkdir()
    registry._entry_point_specs()
    assert len(scans) == 2


def test_entry_point_cache_keeps_several_keys(tmp_path, monkeypatch):
    import sys

    registry, scans = _counting_scans(monkeypatch, tmp_path)
    other = tmp_path / "bin"
    other.mkdir()
    rest = [p for p in sys.path if p]
    for first in ("", str(other), "", str(other)):  # `python -m doclint` and the `doclint` script, in turns
        monkeypatch.setattr("sys.path", [first, *rest])
        registry._entry_point_specs()
    assert len(scans) == 2


def test_entry_point_cache_that_cannot_be_read_is_scanned_again(tmp_path, monkeypatch):
    registry, scans = _counting_scans(monkeypatch, tmp_path)
    expected = registry._entry_point_specs()
    cache = tmp_path / "cache" / "doclint" / "entry-points.json"
    for broken in ("{not json", '{"entries": [1, 2]}', '{"entries": {"k": 5}}', "[]"):
        cache.write_text(broken)
        assert registry._entry_point_specs() == expected
    assert ("D101", "doclint.rules.repeated_passage:RepeatedPassage") in expected
    assert len(scans) == 5
