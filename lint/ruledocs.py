"""Rule documentation pages: `docs/rules/<CODE>.md`, generated from each rule's docstring and options.

    python -m doclint.ruledocs [FOLDER]     # writes the pages (default: docs/rules)

tests/test_rule_docs.py keeps the pages in the repository equal to what this module renders. `doclint
rule CODE` prints the same page, and SARIF output links each rule to it (`helpUri`).
"""
from __future__ import annotations

import sys
from pathlib import Path

from doclint.selectors import REDIRECTS

PAGES = Path("docs") / "rules"  # relative to the repository root


def toml_value(value) -> str:
    """A value as a configuration file writes it."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(toml_value, value)) + "]"
    return json.dumps(value) if isinstance(value, str) else repr(value)


def render(rule) -> str:
    """A rule's page: its name and code, what it is, its docstring, and its options with their defaults."""
    # A table, not a line of "Category: ... Severity: ...", which reads as a blog's filing furniture
    lines = [f"# {rule.name} ({rule.code})", "",
             "<!-- doclint-disable-file: this page's examples show the defects the rule finds -->", "",
             "| category | severity | fix | enabled by default |", "|---|---|---|---|",
             f"| {rule.category} | {rule.severity} | {rule.fixable or 'none'} | "
             f"{'yes' if rule.default_enabled else 'no'} |", "",
             rule.documentation()]
    fields = rule.option_fields()
    if fields:
        defaults = rule.Options()
        lines += ["", "## Options", ""]
        for f in fields:
            help_text = f": {f.metadata['help']}" if "help" in f.metadata else ""
            lines.append(f"- `{f.name.replace('_', '-')}` (default `{toml_value(getattr(defaults, f.name))}`){help_text}")
        lines += ["", f"Set them under `[tool.doclint.rules.{rule.name}]` in `pyproject.toml`, or "
                      f"`[rules.{rule.name}]` in `doclint.toml`."]
        for old, codes in REDIRECTS.items():
            if rule.code in codes and not old[:1].isupper():
                lines[-1] += (f" `[rules.{old}]`, the table of the rule they were split from, sets them for all of "
                              f"{', '.join(codes)} (a rule's own table wins).")
    return "\n".join(lines).rstrip() + "\n"


def page_path(rule) -> str:
    """Where the rule's page is in the repository (`docs/rules/E101.md`)."""
    return (PAGES / f"{rule.code}.md").as_posix()


def help_uri(rule) -> str | None:
    """A URI of the rule's page: the project's documentation URL when the installed package declares one
    (`[project.urls] Documentation`), else the page in the source tree doclint runs from (a clone, or an
    editable install of one), else None."""
    from importlib import metadata

    try:
        urls = metadata.metadata("doclint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return f"{url.strip().rstrip('/')}/rules/{rule.code}.md"
    page = Path(__file__).resolve().parent.parent / PAGES / f"{rule.code}.md"
    return page.as_uri() if page.is_file() else None


def write_pages(folder: Path, rules) -> list[Path]:
    """Write every rule's page into `folder` (and remove pages of rules that no longer exist)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for rule in rules:
        path = folder / f"{rule.code}.md"
        path.write_text(render(rule), encoding="utf-8")
        written.append(path)
    for stale in set(folder.glob("*.md")) - set(written):
        stale.unlink()
    return written


def main(argv: list[str]) -> int:
    from doclint.registry import Registry

    folder = Path(argv[0]) if argv else PAGES
    written = write_pages(folder, Registry.discover().rules)
    print(f"wrote {len(written)} rule pages to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
