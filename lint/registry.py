"""Finding rules: the `doclint.rules` entry-point group and local rule modules named in config.

An entry point may name a Rule class or a module; a module contributes every
Rule subclass it defines.  Selectors (`select`, `ignore`, ...) accept codes,
code prefixes, rule names, category names and `ALL`.
"""
from __future__ import annotations

import hashlib
import importlib.util
import inspect
import sys
from pathlib import Path
from types import ModuleType

from doclint import usercache
from doclint.rule import Rule, validate_rule_class
from doclint.selectors import selects

ENTRY_POINT_GROUP = "doclint.rules"


class RegistryError(Exception):
    """A rule could not be loaded or conflicts with another one."""


def _rules_in(obj) -> list[type]:
    if isinstance(obj, ModuleType):
        return [v for _, v in inspect.getmembers(obj, inspect.isclass)
                if issubclass(v, Rule) and v.__module__ == obj.__name__ and v.code]
    if isinstance(obj, (list, tuple)):
        return [r for item in obj for r in _rules_in(item)]
    return [obj]


# How many keys (interpreters, sets of installed packages) the entry-point cache holds at once.
ENTRY_POINT_CACHE_KEYS = 8
_DISTRIBUTION_SUFFIXES = (".dist-info", ".egg-info")


def _path_key(folder: str, cwd: str) -> str:
    """What of one sys.path folder decides the entry points found there.

    A folder's modification time changes when a package is installed into it or
    removed. The current folder (`''`, or its path under `python -m`) is the
    exception: its time changes with every file a user writes there, so it is
    keyed by the names of the distributions it holds (usually none)."""
    import os

    try:
        if folder in ("", cwd):
            names = sorted(n for n in os.listdir(folder or ".") if n.endswith(_DISTRIBUTION_SUFFIXES))
            return f"{folder}:{','.join(names)}"
        return f"{folder}:{os.stat(folder).st_mtime_ns}"
    except OSError:
        return f"{folder}:-"


def _entry_point_specs() -> list[tuple[str, str]]:
    """(name, "module:attr") of every entry point in the group.

    Scanning every installed distribution's metadata costs tens of milliseconds
    at each start, so the result is cached in a file keyed by the interpreter
    and the folders on sys.path (`_path_key`); the file keeps the result of the
    last `ENTRY_POINT_CACHE_KEYS` keys, so that `doclint` and `python -m doclint`
    (whose sys.path differ in their first folder) do not replace each other's.
    Set DOCLINT_NO_ENTRY_POINT_CACHE=1 to bypass the cache.
    """
    import hashlib
    import json
    import os

    try:
        cwd = os.getcwd()
    except OSError:
        cwd = ""
    key_parts = [_path_key(folder, cwd) for folder in sys.path]
    key = hashlib.sha1("\n".join([sys.version, *key_parts]).encode()).hexdigest()
    cache = usercache.path("entry-points.json")
    use_cache = not os.environ.get("DOCLINT_NO_ENTRY_POINT_CACHE")
    entries: dict = {}
    if use_cache:
        try:
            with open(cache, encoding="utf-8") as f:
                data = json.load(f)
            entries = data.get("entries") if isinstance(data, dict) else None
            if not isinstance(entries, dict):
                entries = {}
            if key in entries:
                return [(str(name), str(value)) for name, value in entries[key]]
        except (OSError, ValueError, TypeError):
            entries = {}
    from importlib.metadata import entry_points

    specs = sorted({(ep.name, ep.value) for ep in entry_points(group=ENTRY_POINT_GROUP)})
    if use_cache:
        kept = dict(list(entries.items())[-(ENTRY_POINT_CACHE_KEYS - 1):]) if ENTRY_POINT_CACHE_KEYS > 1 else {}
        kept[key] = specs
        try:
            os.makedirs(os.path.dirname(cache), exist_ok=True)
            tmp = f"{cache}.{os.getpid()}.tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump({"entries": kept}, f)
            os.replace(tmp, cache)
        except OSError:
            pass  # a read-only home is fine: no cache
    return specs


def _entry_point_rules() -> list[tuple[str, type]]:
    import importlib

    found = []
    for name, value in _entry_point_specs():
        module, _, attr = value.partition(":")
        try:
            obj = importlib.import_module(module.strip())
            for part in filter(None, attr.strip().split(".")):
                obj = getattr(obj, part)
        except Exception as exc:  # a broken third-party plugin must not crash the run
            raise RegistryError(f"cannot load rule entry point {name!r} ({value}): {exc}") from exc
        found += [(f"entry point {name} ({value})", r) for r in _rules_in(obj)]
    return found


def load_module_from_path(path: Path) -> ModuleType:
    # A stable name (hash() of a string differs between processes): the index keys its entries by the rules'
    # modules, and a name drawn anew in every run made it never reuse anything in a project with a local rule.
    name = f"doclint_local_rules_{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise RegistryError(f"cannot load rule module {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise RegistryError(f"cannot load rule module {path}: {type(exc).__name__}: {exc}") from exc
    return module


class Registry:
    """Every known rule, by code and by name."""

    def __init__(self, rules: list[type]):
        self.by_code: dict[str, type] = {}
        self.by_name: dict[str, type] = {}
        for cls in rules:
            self.add(cls)

    def add(self, cls: type, origin: str = "") -> None:
        problems = validate_rule_class(cls)
        if problems:
            raise RegistryError(f"invalid rule {getattr(cls, '__name__', cls)} {origin}: {'; '.join(problems)}")
        other = self.by_code.get(cls.code) or self.by_name.get(cls.name)
        if other is cls:
            return
        if other is not None:
            raise RegistryError(f"rule {cls.code} [{cls.name}] {origin} conflicts with {other.code} [{other.name}] "
                                f"({other.__module__}.{other.__name__})")
        self.by_code[cls.code] = cls
        self.by_name[cls.name] = cls

    @classmethod
    def discover(cls, plugin_paths: list[Path] = ()) -> "Registry":
        registry = cls([])
        for origin, rule in _entry_point_rules():
            registry.add(rule, f"from {origin}")
        for path in plugin_paths:
            for rule in _rules_in(load_module_from_path(path)):
                registry.add(rule, f"from {path}")
        return registry

    @property
    def rules(self) -> list[type]:
        return sorted(self.by_code.values(), key=lambda r: r.code)

    def lookup(self, code_or_name: str) -> type | None:
        return self.by_code.get(code_or_name.upper()) or self.by_name.get(code_or_name.lower())

    def match(self, selector: str) -> list[type]:
        """Rules a selector names; raises KeyError when it names none."""
        hits = [r for r in self.rules if selects(selector, r)]
        if not hits:
            raise KeyError(selector.strip())
        return hits

    def select(self, select: list[str] | None, extend_select: list[str] = (), ignore: list[str] = ()) -> list[type]:
        """The enabled rules: `select` (or the defaults) plus `extend_select`, minus `ignore`."""
        if select is None:
            chosen = {r for r in self.rules if r.default_enabled}
        else:
            chosen = {r for s in select for r in self.match(s)}
        chosen |= {r for s in extend_select for r in self.match(s)}
        chosen -= {r for s in ignore for r in self.match(s)}
        return sorted(chosen, key=lambda r: r.code)
