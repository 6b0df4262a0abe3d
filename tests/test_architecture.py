"""The shape of the package: one direction of imports, no reading of another module's private names, small
functions, evidence apart from product (see ARCHITECTURE.md)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGES = {"doclint": ROOT / "lint", "doclint.rules": ROOT / "rules"}
MAX_LINES = 60  # a function longer than a screen is read in pieces: split it
MAX_PARAMETERS = 8  # more, and the call sites stop saying what they pass: pass an options object


def _modules() -> dict[str, Path]:
    found = {}
    for package, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            name = ".".join((package, *parts))
            if package == "doclint" and parts[:1] == ("rules",):
                continue
            found[name] = path
    return found


MODULES = _modules()


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"), str(path))


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Line numbers of the imports inside `if TYPE_CHECKING:` (never executed)."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            lines |= {n.lineno for child in node.body for n in ast.walk(child) if hasattr(n, "lineno")}
    return lines


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules a module imports, at its top or inside a function alike."""
    tree = _tree(path)
    skip = _type_checking_only(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
            out |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names}
    return {m for m in out if m in MODULES and m != name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_imports_of_the_package_have_no_cycle():
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(cycle)


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def _private_reads(name: str, path: Path) -> list[str]:
    """`from doclint.x import _y` and `x._y` (x a module of the package) in a module other than x."""
    tree = _tree(path)
    aliases = {}  # local name -> module of the package
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("doclint"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if full in MODULES:
                    aliases[alias.asname or alias.name] = full
                elif alias.name.startswith("_") and not alias.name.startswith("__") and node.module != name:
                    out.append(f"{path.name}:{node.lineno}: {node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES and alias.asname:
                    aliases[alias.asname] = alias.name
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                and node.attr.startswith("_") and not node.attr.startswith("__") and aliases[node.value.id] != name):
            out.append(f"{path.name}:{node.lineno}: {aliases[node.value.id]}.{node.attr}")
    return out


def test_no_module_reads_another_modules_private_names():
    found = [hit for name, path in MODULES.items() for hit in _private_reads(name, path)]
    assert found == []


def test_the_private_name_finder_finds_one(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from doclint.runner import _call\nfrom doclint import runner\nrunner._install(None)\n")
    assert len(_private_reads("doclint.probe", probe)) == 2


# A rule may exceed the limits with a comment saying why on the line of its `def` (`# long: ...`).


def _long_functions(path: Path) -> list[str]:
    source = path.read_text("utf-8").splitlines()
    out = []
    for node in ast.walk(_tree(path)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if "# long:" in source[node.lineno - 1]:
            continue
        lines = node.end_lineno - node.lineno + 1
        args = node.args
        count = len(args.posonlyargs) + len(args.args) + len(args.kwonlyargs) + bool(args.vararg) + bool(args.kwarg)
        count -= bool(args.args and args.args[0].arg in ("self", "cls"))
        if lines > MAX_LINES or count > MAX_PARAMETERS:
            out.append(f"{path.name}:{node.lineno}: {node.name} ({lines} lines, {count} parameters)")
    return out


def test_functions_are_short_and_take_few_parameters():
    found = [hit for folder in ("lint", "rules") for path in sorted((ROOT / folder).rglob("*.py"))
             for hit in _long_functions(path)]
    assert found == []


def test_no_capability_of_a_rule_is_read_with_getattr():
    # A rule declares what it needs (`requires = frozenset({CorpusStatistics})`); an attribute read with a default
    # is a capability nobody declared.
    found = [f"{path.name}:{n}" for path in sorted((ROOT / "lint").rglob("*.py"))
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if re.search(r"getattr\((type\()?rule\)?,", line)]
    assert found == []


@pytest.mark.parametrize("folder", ["bench", "evals", "fit", "benchmarks"])
def test_tests_never_import_the_evidence(folder):
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name == "test_architecture.py":
            continue
        text = path.read_text("utf-8")
        assert (f'"{folder}"' not in text and f"'{folder}'" not in text and f"import {folder}" not in text
                and f"from {folder}" not in text), path.name


def test_analyses_are_asked_for_by_type_never_by_a_string():
    # Rules share analyses through Document.analysis(Kind, *parameters); a string key ("paragraph_matches") is a
    # name nobody declared, and two rules could mean different things by it.
    found = [f"{path.relative_to(ROOT)}:{n}" for folder in ("lint", "rules") for path in sorted((ROOT / folder).rglob("*.py"))
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if re.search(r"document\.cache\b|\.analysis\(\s*[\"']", line)]
    assert found == []


def test_sentence_ends_have_one_home():
    # Issue 26: the marks that end a sentence and the closers after them are text.SENTENCE_ENDS and text.CLOSERS;
    # a module writing its own class of them (`[.!?]`, `[.!?…]`) drifts from the others (one read `…`, one not).
    literal = re.compile(r"\[\.!\?…?\]")
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "lint").glob("*.py")) + sorted(
        (ROOT / "rules").glob("*.py")) if path.name != "text.py"
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if literal.search(line)]
    assert not offenders, offenders
