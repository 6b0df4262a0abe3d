from __future__ import annotations

import json

import pytest

from conftest import run_cli
from doclint.config import ConfigError, load_config
from doclint.engine import Linter


def _codes(p):
    return {d["code"] for d in json.loads(p.stdout)["diagnostics"]}


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "d.txt").write_text("a \n\n\n\nb")
    return tmp_path


def test_pyproject_select_and_rule_options(tree):
    (tree / "pyproject.toml").write_text(
        '[tool.doclint]\nselect = ["whitespace"]\nignore = ["W106"]\n'
        '[tool.doclint.rules.too-many-blank-lines]\nmax-blank-lines = 3\n')
    assert _codes(run_cli("check", "--format", "json", ".", cwd=tree)) == {"W102"}


def test_nearest_config_upward_wins_and_doclint_toml(tree):
    (tree / "doclint.toml").write_text('select = ["W106"]\n')
    sub = tree / "sub"
    sub.mkdir()
    (sub / "e.txt").write_text("x ")
    assert _codes(run_cli("check", "--format", "json", ".", cwd=sub)) == {"W106"}
    (sub / ".doclint.toml").write_text('select = ["trailing-whitespace"]\n')
    assert _codes(run_cli("check", "--format", "json", ".", cwd=sub)) == {"W102"}
    # --isolated ignores both; --config picks one
    assert _codes(run_cli("check", "--isolated", "--format", "json", ".", cwd=sub)) == {"W102", "W106"}
    assert _codes(run_cli("check", "--config", tree / "doclint.toml", "--format", "json", ".", cwd=sub)) == {"W106"}


def test_cli_selectors_override_config(tree):
    (tree / "doclint.toml").write_text('select = ["W106"]\n')
    p = run_cli("check", "--select", "W102", "--extend-select", "W104", "--format", "json", ".", cwd=tree)
    assert _codes(p) == {"W102", "W104"}
    p = run_cli("check", "--ignore", "W106", "--format", "json", ".", cwd=tree)
    assert _codes(p) == set()


def test_per_file_ignores_and_exclude(tree):
    (tree / "skip").mkdir()
    (tree / "skip" / "x.txt").write_text("bad ")
    (tree / "doclint.toml").write_text(
        'exclude = ["skip"]\n[per-file-ignores]\n"d.txt" = ["W102"]\n')
    p = run_cli("check", "--format", "json", ".", cwd=tree)
    diags = json.loads(p.stdout)["diagnostics"]
    assert {d["path"] for d in diags} == {"d.txt"} and "W102" not in _codes(p)


@pytest.mark.parametrize("content,needle", [
    ('selekt = ["W"]\n', "unknown key 'selekt'"),
    ('select = "W"\n[rules.too-many-blank-lines]\nmax-blank-lines = "two"\n', "max-blank-lines: expected int"),
    ('[rules.too-many-blank-lines]\nmax-blank = 2\n', "unknown option"),
    ('[rules.no-such-rule]\nx = 1\n', "[rules.no-such-rule]: unknown rule"),
    ('select = ["W9"]\n', "unknown rule selector 'W9'"),
    ('select = [\n', "invalid TOML"),
    ('[rules.too-many-blank-lines]\nmax-blank-lines = -1\n', "must be 0 or more"),
    ('[rules.off-topic-paragraph]\nmax-paragraphs = 2\n', "max-paragraphs must be at least min-paragraphs"),
    ('plugins = ["missing.py"]\n', "cannot load rule module"),
])
def test_broken_config_exits_2_naming_file_and_key(tree, content, needle):
    (tree / "doclint.toml").write_text(content)
    p = run_cli("check", ".", cwd=tree)
    assert p.returncode == 2
    err = p.stderr.decode()
    assert needle in err and "doclint.toml" in err and "Traceback" not in err


def test_pyproject_without_doclint_table_is_skipped(tree):
    (tree / "pyproject.toml").write_text('[tool.other]\nx = 1\n')
    assert load_config(cwd=tree).path is None


def test_selectors_accept_codes_prefixes_names_categories(tree):
    cfg = load_config(isolated=True, cwd=tree)
    for selector, expected in [("W101", {"W101"}), ("W10", None), ("trailing-whitespace", {"W102"}),
                               ("whitespace", None), ("ALL", None)]:
        linter = Linter.from_config(cfg, select=[selector])
        codes = {r.code for r in linter.rules}
        if expected:
            assert codes == expected
        else:
            assert {"W101", "W102", "W106"} <= codes
    with pytest.raises(ConfigError):
        Linter.from_config(cfg, select=["nonsense"])


def test_fix_safety_and_severity_per_rule_and_a_fail_level(tmp_path):
    # Like ruff's extend-safe-fixes / extend-unsafe-fixes; severity per selector, the narrowest winning;
    # fail-level: fail CI on encoding damage, only report judgements.
    import json

    from conftest import run_cli

    (tmp_path / "doclint.toml").write_text(
        'extend-safe-fixes = ["bidi-control"]\nextend-unsafe-fixes = ["W102"]\nfail-level = "error"\n'
        '[severity]\nE104 = "warning"\nencoding = "error"\nwhitespace = "info"\n')
    doc = tmp_path / "d.txt"
    doc.write_text("a \n\nThe vote was close.\u202e\n")
    diags = json.loads(run_cli("check", "--format", "json", "d.txt", cwd=tmp_path).stdout)["diagnostics"]
    assert {d["code"]: (d["severity"], d["fix"]["applicability"]) for d in diags} == {
        "E105": ("error", "safe"), "W102": ("info", "unsafe")}
    p = run_cli("check", "--fix", "d.txt", cwd=tmp_path)  # the bidi control goes; the trailing space stays
    assert doc.read_text() == "a \n\nThe vote was close.\n" and p.returncode == 0, p.stdout.decode()
    assert b"1 of them below the fail level (error): reported, not failing." in p.stdout
    assert run_cli("check", "--fail-level", "info", "d.txt", cwd=tmp_path).returncode == 1
    out = run_cli("check", "--show-settings", cwd=tmp_path).stdout.decode()
    assert "E104 invisible-character  (severity warning)" in out and "W102 trailing-whitespace  (severity info, " \
        "fixes unsafe)" in out and "E105 bidi-control  (fixes safe)" in out
    (tmp_path / "doclint.toml").write_text('[severity]\nW102 = "fatal"\n')
    p = run_cli("check", "d.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"severity" in p.stderr


def _findings(p):
    return sorted((d["path"], d["code"]) for d in json.loads(p.stdout)["diagnostics"])


def test_each_file_obeys_the_configuration_of_its_own_folder(tmp_path):
    # The configuration was found from the current folder only: `doclint check sub/legacy` from the parent
    # ignored sub/pyproject.toml.
    (tmp_path / "doclint.toml").write_text('select = ["W"]\n')
    (tmp_path / "sub" / "legacy").mkdir(parents=True)
    (tmp_path / "sub" / "pyproject.toml").write_text(
        '[tool.doclint]\nselect = ["W"]\nignore = ["W102"]\nextend-exclude = ["skipped.txt"]\n')
    for folder in (tmp_path, tmp_path / "sub" / "legacy"):
        (folder / "a.txt").write_text("Trailing space. \n")
    (tmp_path / "sub" / "legacy" / "skipped.txt").write_text("Trailing space. \n")
    assert _findings(run_cli("check", "--format", "json", "sub/legacy", cwd=tmp_path)) == []
    assert _findings(run_cli("check", "--format", "json", "sub/legacy/a.txt", cwd=tmp_path)) == []
    assert _findings(run_cli("check", "--format", "json", ".", cwd=tmp_path)) == [("a.txt", "W102")]
    # --config governs every file; --isolated ignores every file
    p = run_cli("check", "--format", "json", "--config", "doclint.toml", "sub/legacy", cwd=tmp_path)
    assert _findings(p) == [("sub/legacy/a.txt", "W102"), ("sub/legacy/skipped.txt", "W102")]
    assert ("sub/legacy/a.txt", "W102") in _findings(run_cli("check", "--format", "json", "--isolated", ".",
                                                             cwd=tmp_path))
    # the command line's selectors apply on top of the file's own configuration
    p = run_cli("check", "--format", "json", "--extend-select", "W102", "sub/legacy", cwd=tmp_path)
    assert _findings(p) == []  # its ignore still wins, as in the configuration itself
    p = run_cli("check", "--format", "json", "--select", "W102", "sub/legacy", cwd=tmp_path)
    assert _findings(p) == []


def test_show_settings_shows_what_governs_a_path(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.doclint]\nignore = ["W102"]\n')
    (tmp_path / "sub" / "a.txt").write_text("a\n")
    out = run_cli("check", "--show-settings", "sub/a.txt", cwd=tmp_path).stdout.decode()
    assert f"Configuration: {tmp_path / 'sub' / 'pyproject.toml'}" in out and "W102" not in out
    out = run_cli("check", "--show-settings", ".", "sub", cwd=tmp_path).stdout.decode()
    assert out.startswith("Settings for .:\nConfiguration: none found: defaults\n")
    assert f"Settings for sub:\nConfiguration: {tmp_path / 'sub' / 'pyproject.toml'}\n" in out
