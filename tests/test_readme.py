"""The README stays true: its rule table matches `doclint rules`, it names every option, CI runs its test command."""
from __future__ import annotations

import json
import re

from conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_table_matches_doclint_rules():
    rows = json.loads(run_cli("rules", "--format", "json", "--isolated").stdout)
    table = README.split("<!-- rules-table")[1].split("<!-- /rules-table -->")[0]
    documented = [tuple(c.strip() for c in line.strip("|").split("|"))
                  for line in table.splitlines() if re.match(r"\| [A-Z]\d{3} \|", line)]
    expected = [(r["code"], r["name"], r["category"], r["fixable"], r["summary"]) for r in rows]
    assert documented == expected


def test_ci_runs_the_readme_test_command():
    quick = README.split("## Quick start")[1].split("## Usage")[0]
    commands = re.findall(r"```sh\n(.+?)\n```", quick)
    assert commands == ['pip install ".[embeddings]" && doclint check seeds/',
                        'pip install -e ".[test]" && python -m pytest']
    assert commands[1] in (ROOT / ".ci" / "run").read_text()


def test_every_rule_option_is_in_the_readme():
    rows = json.loads(run_cli("rules", "--format", "json", "--isolated").stdout)
    from doclint.registry import Registry

    registry = Registry.discover()
    for row in rows:
        for field in registry.lookup(row["code"]).option_fields():
            assert f"`{field.name.replace('_', '-')}`" in README, (row["code"], field.name)


def test_every_check_option_is_in_the_readme_table():
    from doclint.cli import check

    table = README.split("### Options of `doclint check`")[1].split("### Exit codes")[0]
    for param in check.params:
        for opt in param.opts + param.secondary_opts:
            if opt.startswith("--") and opt != "--help":
                assert re.search(re.escape(opt) + r"(?![\w-])", table), opt


def test_the_readme_passes_its_own_check():
    """doclint's own page, checked as users check theirs: its examples of damage are marked as meant, with the
    suppression comments it documents."""
    p = run_cli("check", "--isolated", "--no-cache", ROOT / "README.md")
    assert p.returncode == 0, p.stdout.decode()


def test_the_pre_commit_recipe_names_this_version_s_tag_and_existing_hooks():
    import yaml

    from doclint import __version__

    recipe = README.split("## pre-commit")[1].split("```yaml\n")[1].split("```")[0]
    (repo,) = yaml.safe_load(recipe)["repos"]
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert repo["rev"] == f"v{__version__}"  # the annotated tag of this version (git tag -a v0.1.0)
    assert {h["id"] for h in repo["hooks"]} <= set(hooks)
    assert all(h["language"] == "python" for h in hooks.values())
    ci = README.split("## CI")[1].split("## Corpus mode")[0]
    assert ci.count(f"@v{__version__}") == 2 and "pip install doclint\n" not in README


def test_the_projects_own_documentation_passes_its_own_check():
    # The README, docs/ and the generated rule pages: their examples of defects sit under suppression comments,
    # and nothing else in them may read as a defect (a rule page's "Category: ... Severity: ..." line once read
    # as a blog's filing furniture on all 35 pages).
    result = run_cli("check", "--isolated", "--no-cache", str(ROOT / "README.md"), str(ROOT / "docs"))
    assert result.returncode == 0, result.stdout.decode()
