"""Old codes and names keep working: source-tag (S101) was split into S111-S114, which share its scanner, and
every place that names rules reads S101 and `source-tag` as those four (doclint.selectors.REDIRECTS)."""
from __future__ import annotations

import json

import pytest

from conftest import lint, make_linter, run_cli
from doclint.config import Config
from doclint.document import Document
from doclint.engine import Linter
from doclint.selectors import REDIRECTS, expand, redirected

SPLIT = ("S111", "S112", "S113", "S114")
# one finding of each of the four rules
TEXT = ("A headline of the story\n\n"
        "The council met on Monday. (Source: Reuters) Critics said the budget was too small.\n\n"
        "Read more: Markets fall on war fears\n\n"
        "Follow us on Twitter @newsdesk\n\n"
        "Source: Reuters\n")
FOUND = [("S114", 3), ("S112", 5), ("S113", 7), ("S111", 9)]


def _found(diagnostics) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in diagnostics if d.code.startswith("S1")]


def test_the_text_has_one_finding_of_each_split_rule():
    assert _found(lint(TEXT, list(SPLIT))) == FOUND


def test_the_table_redirects_the_old_code_and_name_to_rules_that_exist():
    codes = {r.code for r in make_linter().registry.rules}
    assert REDIRECTS["S101"] == REDIRECTS["source-tag"] == SPLIT
    assert set(SPLIT) <= codes and "S101" not in codes
    assert redirected("s101") == redirected(" Source-Tag ") == SPLIT and redirected("S111") == ()
    assert expand({"S101", "D202"}) == {*SPLIT, "D202"}


@pytest.mark.parametrize("selector", ["S101", "source-tag", "S1", "S10", "S", "ALL"])
def test_an_old_code_its_prefixes_and_its_name_select_all_four(selector):
    assert set(SPLIT) <= {r.code for r in make_linter().registry.match(selector)}


def test_a_prefix_of_the_old_code_selects_what_it_selected_before():
    assert [r.code for r in make_linter().registry.match("S10")] == ["S102", "S103", "S104", "S105", "S106", "S107", *SPLIT]


@pytest.mark.parametrize("key", ["select", "ignore"])
@pytest.mark.parametrize("selector", ["S101", "source-tag"])
def test_config_select_and_ignore(key, selector):
    config = Config(**{key: [selector]})
    found = _found(Linter.from_config(config).check(Document.from_bytes("doc.txt", TEXT.encode())))
    assert found == (FOUND if key == "select" else [])


@pytest.mark.parametrize("selector", ["S101", "source-tag"])
def test_per_file_ignores(selector):
    linter = Linter.from_config(Config(per_file_ignores={"*.md": [selector]}))
    assert _found(linter.check(Document.from_bytes("page.md", TEXT.encode()))) == []
    assert _found(linter.check(Document.from_bytes("page.txt", TEXT.encode()))) == FOUND


def test_severity_and_fix_safety_by_the_old_code():
    linter = Linter.from_config(Config(severity={"S101": "error"}, extend_unsafe_fixes=["source-tag"]))
    for d in linter.check(Document.from_bytes("doc.txt", TEXT.encode())):
        if d.code in SPLIT:
            assert d.severity == "error" and d.fix.applicability.value == "unsafe"


def test_the_old_name_s_option_table_configures_all_four():
    options = {"source-tag": {"ignore-patterns": ["Reuters", "@newsdesk"]}}
    assert _found(lint(TEXT, list(SPLIT), options)) == [("S112", 5)]
    # a rule's own table wins over the old name's
    options["page-furniture"] = {"ignore-patterns": ["nothing of the kind"]}
    assert _found(lint(TEXT, list(SPLIT), options)) == [("S112", 5), ("S113", 7)]


@pytest.mark.parametrize("directive", ["doclint-disable source-tag", "doclint-disable S101",
                                       "doclint-disable-file S101: the credits are meant"])
def test_suppression_comments(directive):
    text = f"<!-- {directive} -->\n\n" + TEXT
    assert _found(lint(text, list(SPLIT), path="page.md")) == []
    others = f"<!-- {directive.replace('S101', 'S102').replace('source-tag', 'credit-sentence')} -->\n\n" + TEXT
    assert [code for code, _ in _found(lint(others, list(SPLIT), path="page.md"))] == IN_MARKDOWN


# In Markdown, `Source: Reuters` on a line of its own is the README's own credit (see source-credit).
IN_MARKDOWN = ["S114", "S112", "S113"]


def test_the_text_in_markdown_has_one_finding_of_each_split_rule_but_its_credit_line():
    assert [code for code, _ in _found(lint(TEXT, list(SPLIT), path="page.md"))] == IN_MARKDOWN


def test_disable_next_line_by_the_old_code():
    text = TEXT.replace("Follow us on", "<!-- doclint-disable-next-line S101 -->\nFollow us on")
    assert [code for code, _ in _found(lint(text, list(SPLIT), path="page.md"))] == ["S114", "S112"]


@pytest.mark.parametrize("args,expected", [
    (["--select", "S101"], {"S111", "S112", "S113", "S114"}),
    (["--select", "source-tag", "--ignore", "S101"], set()),
    (["--select", "S1", "--ignore", "source-tag"], set()),
    (["--select", "S1,W", "--ignore", "S101"], set()),
])
def test_the_command_line(tmp_path, args, expected):
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    p = run_cli("check", "--no-cache", "--isolated", "--format", "json", *args, "doc.txt", cwd=tmp_path)
    assert p.returncode in (0, 1), p.stderr.decode()
    assert {d["code"] for d in json.loads(p.stdout)["diagnostics"]} == expected


def test_the_config_file_and_its_per_file_ignores(tmp_path):
    (tmp_path / "doclint.toml").write_text('select = ["S101"]\n[per-file-ignores]\n"b.txt" = ["source-tag"]\n'
                                           '[rules.source-tag]\nignore-patterns = ["@newsdesk"]\n')
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    p = run_cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert p.returncode == 1, p.stderr.decode()
    found = [(d["path"], d["code"]) for d in json.loads(p.stdout)["diagnostics"]]
    assert found == [("a.txt", "S114"), ("a.txt", "S112"), ("a.txt", "S111")]


def test_doclint_rule_names_the_rules_an_old_code_became():
    p = run_cli("rule", "S101")
    assert p.returncode == 0
    for code in SPLIT:
        assert code.encode() in p.stdout
    assert run_cli("rule", "source-tag").stdout.replace(b"source-tag", b"S101", 1) == p.stdout


def test_a_baseline_that_records_the_old_code_still_hides_its_findings(tmp_path):
    from doclint.baseline import fingerprint

    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    p = run_cli("check", "--no-cache", "--isolated", "--format", "json", "--select", "S1", "doc.txt", cwd=tmp_path)
    found = json.loads(p.stdout)["diagnostics"]
    rows = [{"rule": "S101", "path": "doc.txt", "hash": fingerprint("S101", TEXT, d["start"], d["end"]), "count": 1}
            for d in found if d["code"] in ("S111", "S113")]
    (tmp_path / "base.json").write_text(json.dumps({"doclint-baseline": 1, "findings": rows}))
    p = run_cli("check", "--no-cache", "--isolated", "--format", "json", "--select", "S1", "--baseline", "base.json",
                "doc.txt", cwd=tmp_path)
    assert [d["code"] for d in json.loads(p.stdout)["diagnostics"]] == ["S114", "S112"]
