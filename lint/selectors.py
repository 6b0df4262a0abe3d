"""Rule selectors: how `--select`, the configuration's lists and suppression comments name rules."""
from __future__ import annotations


def selects(selector: str, rule) -> bool:
    """Whether a selector (a code, a code prefix, a name, a category or ALL) names the rule (a class or an
    instance)."""
    s = selector.strip()
    return bool(s) and (s.upper() == "ALL" or s.lower() in (rule.category, rule.name)
                        or rule.code.startswith(s.upper()))
