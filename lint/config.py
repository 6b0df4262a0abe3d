"""Configuration: `[tool.doclint]` in pyproject.toml, or doclint.toml / .doclint.toml.

Each file is governed by the nearest configuration file in its own folder or
above it, as ruff resolves settings (`Configs`): `doclint check sub/legacy`
from the parent obeys `sub/pyproject.toml`. `--config PATH` makes one file
govern every file, and `--isolated` ignores every file. Unknown keys, unknown
rules and bad values raise ConfigError naming the file, the key and what is
allowed.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

CONFIG_FILES = (".doclint.toml", "doclint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ["*.txt", "*.md"]
DEFAULT_EXCLUDE = [".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".doclint_cache",
                   "build", "dist", ".tox", ".mypy_cache", ".pytest_cache"]
TOP_KEYS = {
    "select": "list of selectors",
    "extend-select": "list of selectors",
    "ignore": "list of selectors",
    "per-file-ignores": "table of glob = list of selectors",
    "include": "list of file name globs",
    "exclude": "list of path globs",
    "extend-exclude": "list of path globs",
    "plugins": "list of paths to local rule modules",
    "rules": "table of rule options",
    "respect-gitignore": "true or false",
    "extend-safe-fixes": "list of selectors whose unsafe fixes become safe",
    "extend-unsafe-fixes": "list of selectors whose safe fixes become unsafe",
    "severity": 'table of selector = "error", "warning" or "info"',
    "fail-level": '"error", "warning" or "info"',
}
SEVERITY_LEVELS = ("error", "warning", "info")  # most severe first


class ConfigError(Exception):
    """A configuration problem the user must fix (exit code 2)."""


@dataclass
class Config:
    path: Path | None = None  # the file it came from
    root: Path = field(default_factory=Path.cwd)  # the folder relative paths are resolved against
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    plugins: list[Path] = field(default_factory=list)
    rule_options: dict[str, dict] = field(default_factory=dict)  # rule name -> raw table
    respect_gitignore: bool = True  # walked folders of a git repository skip what .gitignore ignores
    extend_safe_fixes: list[str] = field(default_factory=list)
    extend_unsafe_fixes: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # selector -> severity
    fail_level: str = "info"  # the least severe finding that makes the run exit 1
    _root_abs: Path | None = field(default=None, repr=False, compare=False)

    @property
    def source(self) -> str:
        return str(self.path) if self.path else "command line"

    def _relative(self, path: Path) -> str:
        """The path relative to the config's folder (as given when it lies elsewhere)."""
        absolute = Path(os.path.abspath(path))
        root = self._root_abs or Path(os.path.abspath(self.root))
        self._root_abs = root
        try:
            return absolute.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    def is_excluded(self, path: Path) -> bool:
        rel = self._relative(path)
        match = _globs(tuple(self.exclude))
        return any(match(part) for part in rel.split("/")) or bool(match(rel))

    def is_included(self, path: Path) -> bool:
        return bool(_globs(tuple(self.include))(path.name))

    def ignored_for(self, path: str) -> list[str]:
        p = Path(path)
        rel = self._relative(p)
        out = []
        for pattern, selectors in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(p.name, pattern):
                out += selectors
        return out


@lru_cache(maxsize=32)
def _globs(patterns: tuple[str, ...]):
    """One compiled matcher for a list of globs (as fnmatch.fnmatch, without a regex per call)."""
    if not patterns:
        return lambda name: None
    regex = re.compile("|".join(f"(?:{fnmatch.translate(os.path.normcase(p))})" for p in patterns))
    return lambda name: regex.match(os.path.normcase(name))


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file in `start` or a folder above it."""
    for folder in [start, *start.parents]:
        found = _config_file_in(folder)
        if found is not None:
            return found
    return None


class Configs:
    """Which configuration governs each path. Precedence, first match wins:

    1. `--isolated`: the defaults, for every path;
    2. `--config FILE`: that file, for every path;
    3. the nearest configuration file in the path's own folder or a folder above it;
    4. for a path with none above it, the one found from the current folder upward (the run's own), else the
       defaults.

    Command-line selectors (`--select`, `--ignore`, ...) apply on top of whichever governs a file. The run's own
    configuration (`default`) also decides what belongs to the whole run: the project root, the index, the fail
    level, and the corpus rules, which compare documents across configurations.
    """

    def __init__(self, default: Config, fixed: bool = False):
        self.default = default
        self.fixed = fixed
        self._files: dict[Path, Config] = {default.path: default} if default.path else {}
        self._folders: dict[str, Config] = {}
        self.respect_gitignore: bool | None = None  # --respect-gitignore / --no-respect-gitignore, over every file

    @classmethod
    def load(cls, config_path: Path | None = None, *, isolated: bool = False, cwd: Path | None = None) -> "Configs":
        default = load_config(config_path, isolated=isolated, cwd=cwd)
        if default.path is not None:
            default.path = Path(os.path.abspath(default.path))
        return cls(default, fixed=isolated or config_path is not None)

    @classmethod
    def only(cls, config: Config) -> "Configs":
        """One configuration for every path (a program or a test that built its own)."""
        return cls(config, fixed=True)

    def for_path(self, path: Path) -> Config:
        """The configuration that governs a file, or the files of a folder."""
        if self.fixed:
            return self.default
        folder = os.path.abspath(path)
        if not os.path.isdir(folder):
            folder = os.path.dirname(folder)
        return self._for_folder(folder)

    def _for_folder(self, folder: str) -> Config:
        if folder not in self._folders:
            found = _config_file_in(Path(folder))
            if found is not None:
                if found not in self._files:
                    self._files[found] = load_config(found)
                self._folders[folder] = self._files[found]
            else:
                parent = os.path.dirname(folder)
                self._folders[folder] = self.default if parent == folder else self._for_folder(parent)
        return self._folders[folder]

    def obeys_gitignore(self, folder: Path) -> bool:
        """Whether walking this folder skips what .gitignore ignores."""
        if self.respect_gitignore is not None:
            return self.respect_gitignore
        return self.for_path(folder).respect_gitignore

    @property
    def all(self) -> list[Config]:
        """Every configuration met so far, the run's own first."""
        seen = [self.default]
        for config in self._files.values():
            if all(config is not other for other in seen):
                seen.append(config)
        return seen


def _config_file_in(folder: Path) -> Path | None:
    """The configuration file of this folder itself (not of a folder above), or None."""
    for name in CONFIG_FILES:
        candidate = folder / name
        if not candidate.is_file():
            continue
        if name != "pyproject.toml":
            return candidate
        try:
            if "doclint" in _read_toml(candidate).get("tool", {}):
                return candidate
        except ConfigError:
            return candidate  # report the broken file rather than skip it
    return None


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def load_config(path: Path | None = None, *, isolated: bool = False, cwd: Path | None = None) -> Config:
    cwd = cwd or Path.cwd()
    if isolated:
        return Config(root=cwd)
    if path is None:
        path = find_config_file(cwd)
        if path is None:
            return Config(root=cwd)
    elif not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("doclint", {})
        prefix = "tool.doclint"
    else:
        table = data.get("tool", {}).get("doclint", data)
        prefix = "tool.doclint" if "tool" in data else ""
    return parse_table(table, path, prefix)


def _list_of_str(value, where: str, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected {what}, got {value!r}")
    return value


def parse_table(table: dict, path: Path | None, prefix: str = "") -> Config:
    where = lambda key: f"{path or 'config'}: [{prefix}] {key}" if prefix else f"{path or 'config'}: {key}"
    cfg = Config(path=path, root=path.parent.resolve() if path else Path.cwd())
    for key, value in table.items():
        if key not in TOP_KEYS:
            allowed = ", ".join(sorted(TOP_KEYS))
            raise ConfigError(f"{where(key)}: unknown key {key!r} (allowed: {allowed})")
        if key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where(key)}: expected {TOP_KEYS[key]}")
            cfg.per_file_ignores = {k: _list_of_str(v, where(f"{key}.{k}"), "list of selectors") for k, v in value.items()}
        elif key == "severity":
            if not isinstance(value, dict) or not all(v in SEVERITY_LEVELS for v in value.values()):
                raise ConfigError(f"{where(key)}: expected {TOP_KEYS[key]}, got {value!r}")
            cfg.severity = dict(value)
        elif key == "fail-level":
            if value not in SEVERITY_LEVELS:
                raise ConfigError(f"{where(key)}: expected {TOP_KEYS[key]}, got {value!r}")
            cfg.fail_level = value
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise ConfigError(f"{where(key)}: expected {TOP_KEYS[key]}, got {value!r}")
            cfg.respect_gitignore = value
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{where(key)}: expected {TOP_KEYS[key]} ([{prefix + '.' if prefix else ''}rules.<rule-name>])")
            cfg.rule_options = value
        else:
            items = _list_of_str(value, where(key), TOP_KEYS[key])
            if key == "select":
                cfg.select = items
            elif key == "extend-select":
                cfg.extend_select = items
            elif key == "ignore":
                cfg.ignore = items
            elif key == "include":
                cfg.include = items
            elif key == "exclude":
                cfg.exclude = items
            elif key == "extend-exclude":
                cfg.exclude = cfg.exclude + items
            elif key == "extend-safe-fixes":
                cfg.extend_safe_fixes = items
            elif key == "extend-unsafe-fixes":
                cfg.extend_unsafe_fixes = items
            elif key == "plugins":
                cfg.plugins = [(cfg.root / p) for p in items]
    return cfg


def _coerce(value, tp, where: str):
    origin = typing.get_origin(tp)
    if tp is bool:
        if isinstance(value, bool):
            return value
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif tp is str:
        if isinstance(value, str):
            return value
    elif origin in (list, tuple):
        (inner,) = typing.get_args(tp)[:1] or (str,)
        if isinstance(value, list):
            return type(value)(_coerce(v, inner, where) for v in value) if origin is list else tuple(
                _coerce(v, inner, where) for v in value)
    else:
        return value
    name = getattr(tp, "__name__", str(tp))
    raise ConfigError(f"{where}: expected {name}, got {value!r}")


def build_options(rule_cls: type, raw: dict, source: str):
    """The rule's Options dataclass from a kebab-case config table, validated."""
    hints = typing.get_type_hints(rule_cls.Options)
    fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(rule_cls.Options)}
    kwargs = {}
    for key, value in raw.items():
        where = f"{source}: [rules.{rule_cls.name}] {key}"
        if key not in fields:
            allowed = ", ".join(sorted(fields)) or "none"
            raise ConfigError(f"{where}: unknown option for {rule_cls.code} [{rule_cls.name}] (allowed: {allowed})")
        f = fields[key]
        kwargs[f.name] = _coerce(value, hints[f.name], where)
    try:
        options = rule_cls.Options(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{source}: [rules.{rule_cls.name}]: {exc}") from exc
    validate = getattr(options, "validate", None)
    if validate:
        problem = validate()
        if problem:
            raise ConfigError(f"{source}: [rules.{rule_cls.name}]: {problem}")
    return options
