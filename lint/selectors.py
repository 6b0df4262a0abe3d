"""Rule selectors: how `--select`, the configuration's lists and suppression comments name rules."""
from __future__ import annotations

# Codes and names that rules no longer carry, and the codes of the rules that took over what each named (as ruff
# redirects its old codes). A selector naming an old code (or a prefix of one, `S10`) or an old name selects the
# rules it redirects to, wherever selectors are read: `select`, `ignore`, per-file ignores, severities, fix
# safety, suppression comments, `supersedes`; an old name's option table (`[rules.source-tag]`) configures them.
REDIRECTS: dict[str, tuple[str, ...]] = {
    # source-tag was one rule (S101) over every wording of its scanner; it is now one rule per kind of leftover,
    # sharing that scanner (docs/source-tags.md).
    "S101": ("S111", "S112", "S113", "S114"),
    "source-tag": ("S111", "S112", "S113", "S114"),
}


def redirected(selector: str) -> tuple[str, ...]:
    """The codes an old code or name redirects to (empty when it is no old code or name)."""
    s = selector.strip()
    return REDIRECTS.get(s.upper()) or REDIRECTS.get(s.lower()) or ()


def selects(selector: str, rule) -> bool:
    """Whether a selector (a code, a code prefix, a name, a category or ALL) names the rule (a class or an
    instance); an old code, a prefix of one or an old name names the rules it redirects to (REDIRECTS)."""
    s = selector.strip()
    if not s:
        return False
    if s.upper() == "ALL" or s.lower() in (rule.category, rule.name) or rule.code.startswith(s.upper()):
        return True
    return any(rule.code in codes and (old == s.lower() or old.startswith(s.upper()))
               for old, codes in REDIRECTS.items())


def expand(codes) -> frozenset:
    """Codes with each old code replaced by the codes it redirects to (for `supersedes`)."""
    return frozenset(c for code in codes for c in (redirected(code) or (code,)))
