"""docs/rules/<CODE>.md: generated from the rules' docstrings, kept up to date, linked from SARIF and `doclint rule`."""
from __future__ import annotations

import json

from conftest import ROOT, run_cli


def test_rule_pages_are_up_to_date():
    from doclint.registry import Registry
    from doclint.ruledocs import render

    rules = Registry.discover().rules
    pages = ROOT / "docs" / "rules"
    stale = [r.code for r in rules if not (pages / f"{r.code}.md").is_file()
             or (pages / f"{r.code}.md").read_text(encoding="utf-8") != render(r)]
    extra = sorted({p.stem for p in pages.glob("*.md")} - {r.code for r in rules})
    assert not stale and not extra, (f"rule pages out of date: {stale}, pages of no rule: {extra}; "
                                     f"run `python -m doclint.ruledocs docs/rules`")


def test_doclint_rule_prints_the_page_and_where_it_is():
    out = run_cli("rule", "E101").stdout.decode()
    assert out == (ROOT / "docs" / "rules" / "E101.md").read_text(encoding="utf-8") + \
        "\nThis page in the repository: docs/rules/E101.md\n"


def test_sarif_links_each_rule_to_its_page(tmp_path):
    (tmp_path / "d.txt").write_text("a \n")
    sarif = json.loads(run_cli("check", "--no-cache", "--format", "sarif", "d.txt", cwd=tmp_path).stdout)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["W102"]["helpUri"].endswith("docs/rules/W102.md")
