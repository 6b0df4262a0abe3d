from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from conftest import ROOT, SEED, lint, run_cli

CONTRACT = {"path", "code", "name", "category", "severity", "message", "line", "column", "end_line",
            "end_column", "start", "end", "fix", "related"}


def test_json_contract_on_the_seed():
    p = run_cli("check", "--format", "json", SEED.relative_to(ROOT), cwd=ROOT)
    data = json.loads(p.stdout)
    assert data["version"] == 1
    text = SEED.read_text(encoding="utf-8")
    for d in data["diagnostics"]:
        assert CONTRACT <= set(d)
        assert d["category"] in {"duplicate", "off-topic", "source-tag", "encoding", "whitespace"}
        # 1-based line/column agree with 0-based code-point offsets
        lines = text.split("\n")
        assert sum(len(l) + 1 for l in lines[: d["line"] - 1]) + d["column"] - 1 == d["start"]
        if d["end"] > d["start"]:
            last = d["end"] - 1
            line = text.count("\n", 0, last) + 1
            col = last - (text.rfind("\n", 0, last) + 1) + 2
            assert (d["end_line"], d["end_column"]) == (line, col)
        if d["fix"]:
            assert d["fix"]["applicability"] in {"safe", "unsafe"}
            assert all({"start", "end", "replacement"} == set(e) for e in d["fix"]["edits"])
        for r in d["related"]:
            assert {"path", "line", "column", "message"} <= set(r)


def test_json_span_of_nbsp_separator():
    p = run_cli("check", "--format", "json", "--select", "W101", "-", input="a\n\u00a0\nb\n".encode())
    (d,) = json.loads(p.stdout)["diagnostics"]
    assert (d["line"], d["column"], d["end_line"], d["end_column"], d["start"], d["end"]) == (2, 1, 2, 2, 2, 3)
    assert d["fix"] == {"applicability": "safe", "message": "Empty the line",
                        "edits": [{"start": 2, "end": 3, "replacement": ""}]}


def test_sarif_validates_against_the_schema():
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
    p = run_cli("check", "--format", "sarif", SEED.relative_to(ROOT), cwd=ROOT)
    sarif = json.loads(p.stdout)
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    assert run["results"] and run["tool"]["driver"]["rules"]
    assert any("fixes" in r for r in run["results"])
    assert all("What it does" in r["help"]["text"] for r in run["tool"]["driver"]["rules"])


def test_github_workflow_commands():
    p = run_cli("check", "--format", "github", "--stdin-filename", "a,b.txt", "-", input=b"x \n")
    assert p.stdout.decode() == ("::warning file=a%2Cb.txt,line=1,col=2,endLine=1,endColumn=3,title=W102::"
                                 "W102 [trailing-whitespace] Trailing whitespace (1 character)\n")


def test_text_summary_counts_fixes():
    out = run_cli("check", "-", input=b"x \n\n\n\ny").stdout.decode()
    assert out.endswith("Found 3 problems (3 fixable with --fix).\n")


def test_jsonl_records_are_located_on_their_own_line_of_the_corpus(tmp_path):
    # Lines and columns of a record's diagnostic count inside its text: as a place in the corpus file they would
    # point at another record. SARIF and GitHub annotations put them on the record's line and say the rest.
    body = " ".join(f"word{i} appears in this sentence number {i}." for i in range(40))
    records = [{"id": "x", "text": body}, "not json", {"id": "y", "text": "Title\n\nA line with a trailing space \n"},
               {"id": "z", "text": "Other " + body}]
    (tmp_path / "c.jsonl").write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))
    args = ("check", "--no-cache", "--select", "W102,D201", "c.jsonl")
    sarif = json.loads(run_cli(*args, "--format", "sarif", cwd=tmp_path).stdout)
    jsonschema.validate(sarif, json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text()))
    results = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    w102 = results["W102"]
    assert w102["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "endLine": 3}
    assert w102["properties"]["textRegion"]["startLine"] == 3 and "line 3, column 29" in w102["message"]["text"]
    related = results["D201"]["relatedLocations"][0]["physicalLocation"]
    assert related == {"artifactLocation": {"uri": "c.jsonl"}, "region": {"startLine": 1, "endLine": 1}}
    github = run_cli(*args, "--format", "github", cwd=tmp_path).stdout.decode().splitlines()
    assert github[0].startswith("::warning file=c.jsonl,line=3,endLine=3,title=W102::record 3 (id y), line 3:29 of")


def test_show_source_prints_a_window_of_a_long_line_not_the_whole_of_it(tmp_path):
    # A 5 MB line with 58,823 findings printed 300 MB: the whole line (and spaces up to the column) per finding.
    from conftest import run_cli

    doc = tmp_path / "long.txt"
    doc.write_text("word\u00a0word " * 20000 + "\n", encoding="utf-8")  # 20,000 findings on a 200 KB line
    p = run_cli("check", "--no-cache", "--select", "W103", "--show-source", doc.name, cwd=tmp_path)
    out = p.stdout.decode()
    assert out.count("W103") == 20000
    assert len(out) < 20000 * 400  # a window per finding (was 20000 * 100 KB on average)
    import re

    assert re.search("\n      1 \\| \u2026[^\n]{100}\u2026\n {8}\\| {32}\\^\n", out)  # cut on both sides


def test_show_source_caret_counts_display_columns():
    # The caret stood under the wrong character after double-width (Chinese) characters.
    from doclint.reporters import _source_excerpt

    text = "中文字 trailing \nnext\n"
    (d,) = [d for d in lint(text, select=["W102"])]
    assert _source_excerpt(text, d) == ("      1 | 中文字 trailing \n"
                                        "        |                ^\n")
    text = "e\u0301t\u00e9 \n"  # a combining accent takes no column
    (d,) = lint(text, select=["W102"])
    assert _source_excerpt(text, d).endswith("        |    ^\n")
