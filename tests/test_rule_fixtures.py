"""Data-driven rule tests: tests/fixtures/rules/<rule-name>.toml, one [[case]] per behaviour.

A case gives `text` and `flags` (1-based lines where the rule's diagnostics
start; [] means it must not flag), optionally `fixed` (the text after --fix,
or after --fix --unsafe-fixes with `unsafe = true`), `options` (the rule's
options), `select` (other rules to run alongside), `path` (the file name,
default doc.txt), `encoding` (how `text` is written to bytes, default utf-8)
and `messages` (a text each diagnostic's message must contain, in order).
A file named for an old rule that redirects to several (`source-tag.toml`:
S101, now S111-S114, doclint.selectors.REDIRECTS) runs its cases with all
of them, its `flags` counting the findings of any, and `codes`, optionally,
giving the code of each finding in order: the cases of the rule before its
split, with the rule each finding now goes to.
A corpus rule's case gives `documents` (texts named doc0.txt, doc1.txt, ...,
or with another `suffix`) instead of `text`; `flags` lists the indexes of the documents it reports and
`related`, optionally, the related paths of each diagnostic; `fixed`, the
indexes of the documents left in a JSONL corpus of them after
`doclint check --fix --unsafe-fixes` (run as users run it).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import fix, lint, make_linter, run_cli
from doclint.document import Document
from doclint.selectors import redirected

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
REGISTRY = make_linter().registry


def _cases():
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["case"]):
            yield pytest.param(path.stem, case, id=f"{path.stem}:{case.get('name', i)}")


@pytest.mark.parametrize("rule_name,case", list(_cases()))
def test_fixture_case(rule_name, case, tmp_path):
    if REGISTRY.lookup(rule_name) is None and redirected(rule_name):
        return _redirected_case(rule_name, case)
    rule = REGISTRY.lookup(rule_name)
    assert rule is not None, f"fixture file for unknown rule {rule_name}"
    options = {rule.name: case["options"]} if "options" in case else None
    if "documents" in case:  # a corpus rule: `flags` lists the indexes of the documents reported
        linter = make_linter([rule.code], options)
        suffix = case.get("suffix", ".txt")
        docs = [Document.from_bytes(f"doc{i}{suffix}", t.encode()) for i, t in enumerate(case["documents"])]
        found = linter.check_corpus(docs)
        assert sorted({int(d.path[3:-len(suffix)]) for d in found}) == case["flags"], [(d.path, d.message) for d in found]
        for d in found:
            assert d.message and all(r.path.startswith("doc") for r in d.related)
        if "related" in case:
            assert [sorted(r.path for r in d.related) for d in found] == case["related"]
        if "fixed" in case:
            assert _fixed_corpus(tmp_path, rule, case) == case["fixed"]
            assert _fixed_corpus(tmp_path, rule, case, again=True) == case["fixed"], "fix is not idempotent"
        return
    select = case.get("select", [rule.code])
    data = case["text"].encode(case.get("encoding", "utf-8"))
    diagnostics = [d for d in lint(data, select, options, path=case.get("path", "doc.txt")) if d.code == rule.code]
    assert [d.line for d in diagnostics] == case["flags"], [(d.line, d.message) for d in diagnostics]
    for d in diagnostics:
        assert d.message
    if "messages" in case:
        assert len(case["messages"]) == len(diagnostics)
        for d, expected in zip(diagnostics, case["messages"]):
            assert expected in d.message, d.message
    if "fixed" in case:
        unsafe = case.get("unsafe", False)
        path = case.get("path", "doc.txt")
        fixed = fix(data, select, options, unsafe=unsafe, path=path)
        assert fixed == case["fixed"]
        assert fix(fixed, select, options, unsafe=unsafe, path=path) == fixed, "fix is not idempotent"
        if unsafe:  # an unsafe fix must not be applied by plain --fix
            assert fix(data, [rule.code], options, path=path) != case["fixed"]


def _redirected_case(old_name: str, case: dict) -> None:
    """A case of an old rule's fixture file, run with the rules it redirects to (see the module's docstring)."""
    codes = list(redirected(old_name))
    options = {old_name: case["options"]} if "options" in case else None
    select = case.get("select", codes)
    data = case["text"].encode(case.get("encoding", "utf-8"))
    path = case.get("path", "doc.txt")
    diagnostics = [d for d in lint(data, select, options, path=path) if d.code in codes]
    assert [d.line for d in diagnostics] == case["flags"], [(d.line, d.code, d.message) for d in diagnostics]
    if "codes" in case:
        assert [d.code for d in diagnostics] == case["codes"], [(d.line, d.code, d.message) for d in diagnostics]
    if "messages" in case:
        assert [expected in d.message for d, expected in zip(diagnostics, case["messages"])] == [True] * len(diagnostics)
    if "fixed" in case:
        unsafe = case.get("unsafe", False)
        fixed = fix(data, select, options, unsafe=unsafe, path=path)
        assert fixed == case["fixed"]
        assert fix(fixed, select, options, unsafe=unsafe, path=path) == fixed, "fix is not idempotent"
        if unsafe:  # an unsafe fix must not be applied by plain --fix
            assert fix(data, codes, options, path=path) != case["fixed"]


def _fixed_corpus(tmp_path, rule, case, again=False) -> list[int]:
    """Indexes of the documents left in a JSONL corpus of the case's documents after an unsafe fix."""
    import json

    corpus = tmp_path / "corpus.jsonl"
    if not again:
        corpus.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(case["documents"])))
        options = "".join(f"{k} = {json.dumps(v)}\n" for k, v in case.get("options", {}).items())
        (tmp_path / "doclint.toml").write_text(f"[rules.{rule.name}]\n{options}")
    p = run_cli("check", "--no-cache", "--select", rule.code, "--fix", "--unsafe-fixes", corpus.name, cwd=tmp_path)
    assert p.returncode in (0, 1), p.stderr.decode()
    return [json.loads(line)["id"] for line in corpus.read_text().splitlines()]


@pytest.mark.parametrize("rule", REGISTRY.rules, ids=lambda r: r.code)
def test_every_rule_has_fixtures_and_docs(rule):
    path = FIXTURES / f"{rule.name}.toml"
    assert path.exists(), f"{rule.code}: add {path.relative_to(FIXTURES.parent.parent.parent)}"
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    assert any(c["flags"] for c in cases), "needs a case that flags"
    assert any(not c["flags"] for c in cases), "needs a case that does not flag"
    if rule.fixable:
        assert any("fixed" in c for c in cases), "needs a case that shows the fix"
    doc = rule.documentation()
    for heading in ("## What it does", "## Why is this bad?", "## Example"):
        assert heading in doc, f"{rule.code} docstring lacks {heading!r}"
    if rule.fixable:
        assert "## Fix safety" in doc
