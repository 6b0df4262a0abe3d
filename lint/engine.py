"""The engine: runs the enabled rules over documents, fixes them, and runs corpus rules.

The CLI builds a `Linter` from the configuration; tests and other programs can
use it directly:

    linter = Linter.from_config(load_config(isolated=True))
    diagnostics = linter.check(Document.from_bytes("a.txt", data))
"""
from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from pathlib import Path

from doclint import lazyre
from doclint.config import Config, ConfigError, build_options
from doclint.diagnostics import Applicability, Diagnostic
from doclint.document import Document
from doclint.fixer import MAX_PASSES, apply_edits, clear_of, select_fixes, within_span
from doclint.registry import Registry
from doclint.rule import Context, Rule
from doclint.selectors import expand, redirected


@dataclass
class FixResult:
    document: Document  # the fixed document
    diagnostics: list[Diagnostic]  # what remains after fixing
    fixed: int  # diagnostics whose fix was applied
    converged: bool = True


def _configure(rules: list[Rule], registry: Registry, config: Config) -> None:
    """Set each rule's configured severity and fix safety on its instance. Selectors apply from the broadest
    (the most rules) to the narrowest, so `encoding = "error"` then `E104 = "warning"` leaves E104 a warning in
    either order; between the two fix lists, unsafe wins a tie."""
    def by_breadth(entries):
        return sorted(entries, key=lambda e: (-len(registry.match(e[0])), e[2]))

    for selector, level, _ in by_breadth([(s, v, 0) for s, v in config.severity.items()]):
        for rule in rules:
            if type(rule) in registry.match(selector):
                rule.severity = level
    fixes = [(s, Applicability.SAFE, 0) for s in config.extend_safe_fixes]
    fixes += [(s, Applicability.UNSAFE, 1) for s in config.extend_unsafe_fixes]
    for selector, applicability, _ in by_breadth(fixes):
        for rule in rules:
            if type(rule) in registry.match(selector):
                rule.fix_applicability = applicability


def _options_table(config: Config, rule_cls: type) -> dict:
    """The rule's option table: under its name, its code, or an old name or code that redirects to it."""
    for key in (rule_cls.name, rule_cls.code):
        if config.rule_options.get(key):
            return config.rule_options[key]
    return next((table for key, table in config.rule_options.items() if table and rule_cls.code in redirected(key)),
                {})


class Linter:
    def __init__(self, rules: list[Rule], config: Config | None = None, registry: Registry | None = None,
                 context: Context | None = None):
        self.rules = rules
        self.config = config or Config()
        self.registry = registry
        self.context = context or Context()
        self._per_path: dict[str, list[Rule]] = {}
        self._screen = _screen(rules)

    @classmethod
    def from_config(cls, config: Config, *, select=None, extend_select=(), ignore=(), registry=None,
                    context: Context | None = None) -> "Linter":
        """Enable rules by the config, with command-line selectors taking precedence."""
        from doclint.registry import RegistryError

        try:
            registry = registry or Registry.discover(config.plugins)
        except RegistryError as exc:
            raise ConfigError(f"{config.source}: {exc}") from exc
        for name in config.rule_options:
            if registry.lookup(name) is None and not redirected(name):
                raise ConfigError(f"{config.source}: [rules.{name}]: unknown rule (see `doclint rules`)")
        try:
            selected = registry.select(select if select is not None else config.select,
                                       [*config.extend_select, *extend_select], [*config.ignore, *ignore])
            for selectors in config.per_file_ignores.values():
                for s in selectors:
                    registry.match(s)
        except KeyError as exc:
            raise ConfigError(f"{config.source}: unknown rule selector {exc.args[0]!r} "
                              f"(use a code, code prefix, rule name, category or ALL)") from exc
        rules = []
        for rule_cls in selected:
            raw = _options_table(config, rule_cls)
            rules.append(rule_cls(build_options(rule_cls, raw, config.source)))
        try:
            _configure(rules, registry, config)
        except KeyError as exc:
            raise ConfigError(f"{config.source}: unknown rule selector {exc.args[0]!r} in severity or fix "
                              f"safety (use a code, code prefix, rule name, category or ALL)") from exc
        return cls(rules, config, registry, context)

    def rules_for(self, path: str) -> list[Rule]:
        if path not in self._per_path:
            ignored = self.config.ignored_for(path) if self.config.per_file_ignores else []
            if ignored and self.registry:
                drop = {r for s in ignored for r in self.registry.match(s)}
                self._per_path[path] = [r for r in self.rules if type(r) not in drop]
            else:
                self._per_path[path] = self.rules
        return self._per_path[path]

    @property
    def corpus_rules(self) -> list[Rule]:
        return [r for r in self.rules if r.scope == "corpus"]

    def check(self, document: Document) -> list[Diagnostic]:
        """Run the document rules; diagnostics come back sorted, with positions filled in."""
        out = []
        if document.binary:
            return out  # the CLI says it skipped the file
        reading = document.reading  # (a file of lone carriage returns read with LF breaks, at the same offsets)
        tokens = reading.line_tokens  # (a dataset's tokens read as line breaks: see Document.reading)
        shown = document.shown  # the lines the positions are given in
        for doc in (document, reading):
            if doc.screen is None:
                doc.screen = self._screen
        for rule in self.rules_for(document.path):
            if rule.scope != "document":
                continue
            raw = rule.raw_line_breaks or (tokens and rule.category == "whitespace")
            for diagnostic in rule.check(document if raw else reading, self.context):
                out.append(self.finish(diagnostic, rule, reading, tokens, shown))
        out = self.unsuppressed(without_superseded(out), reading)
        out.sort(key=Diagnostic.sort_key)
        return out

    @staticmethod
    def unsuppressed(diagnostics: list[Diagnostic], document) -> list[Diagnostic]:
        """The diagnostics the document's inline suppression comments leave (see doclint.suppression)."""
        found = getattr(document, "suppressions", None)
        if found is None:
            return diagnostics
        return [d for d in diagnostics if not found.suppresses(d.rule, d.line, d.start, d.end)]

    @staticmethod
    def finish(diagnostic: Diagnostic, rule: Rule, document: Document, tokens=(), shown=None) -> Diagnostic:
        """The diagnostic with its rule, path and positions (in `shown`, the lines a user's editor shows, by default
        the document), its fix kept to its span and clear of a dataset's line-break tokens (no edit cuts one)."""
        diagnostic.rule = rule
        applicability = rule.fix_applicability  # extend-safe-fixes, extend-unsafe-fixes
        if applicability is not None and diagnostic.fix is not None and diagnostic.fix.applicability != applicability:
            diagnostic.fix = dataclasses.replace(diagnostic.fix, applicability=applicability)
        diagnostic.path = document.path
        if getattr(document, "record", None):
            diagnostic.extra["record"] = document.record
        shown = shown or document
        diagnostic.line, diagnostic.column = shown.position(diagnostic.start)
        diagnostic.end_line, diagnostic.end_column = shown.end_position(diagnostic.start, diagnostic.end)
        if diagnostic.fix is not None and tokens:
            diagnostic.fix = clear_of(diagnostic.fix, tokens)
        if diagnostic.fix is not None and hasattr(document, "text") and not within_span(document.text, diagnostic):
            print(f"doclint: internal error: rule {rule.code} proposed a fix outside its span in "
                  f"{document.path}; the fix is ignored", file=sys.stderr)
            diagnostic.fix = None
        return diagnostic

    def fix(self, document: Document, *, unsafe: bool = False) -> FixResult:
        """Apply fixes until none is left, or MAX_PASSES is reached (then `converged` is False)."""
        fixed = 0
        for _ in range(MAX_PASSES):
            diagnostics = self.check(document)
            fixable = [d for d in diagnostics if d.fix and (unsafe or d.fix.is_safe)]
            if not fixable or not document.writable:
                return FixResult(document, diagnostics, fixed, True)
            chosen = {id(f) for f in select_fixes([d.fix for d in fixable])}
            taken = [d for d in fixable if id(d.fix) in chosen]
            edits = [e for d in taken for e in d.fix.edits]
            transcode = any(d.fix.transcode for d in taken)
            fixed += len(taken)
            document = document.with_text(apply_edits(document.text, edits), transcode=transcode)
        diagnostics = self.check(document)
        left = any(d.fix and (unsafe or d.fix.is_safe) for d in diagnostics)
        return FixResult(document, diagnostics, fixed, not left)

    def signatures(self, document: Document) -> dict:
        """The corpus rules' signatures of one document (computed where the document is checked)."""
        if document.binary:
            return {}
        reading = document.reading
        return {rule.code: rule.signature(reading) for rule in self.rules_for(document.path) if rule.scope == "corpus"}

    def keep(self, signatures: dict) -> dict:
        """Signatures in the form the main process holds them until the corpus check (see CorpusRule.keep)."""
        rules = {rule.code: rule for rule in self.corpus_rules}
        return {code: rules[code].keep(sig) if code in rules and sig is not None else sig
                for code, sig in signatures.items()}

    def check_corpus(self, documents: list[Document]) -> list[Diagnostic]:
        """Run the corpus rules over whole documents (in path order)."""
        if len(documents) < 2 or not self.corpus_rules:
            return []
        return self.check_signatures([(d.shown.stub(), self.keep(self.signatures(d))) for d in documents])

    def check_signatures(self, items: list) -> list[Diagnostic]:
        """Run the corpus rules over (document stub, {rule code: signature}) pairs, in path order."""
        out = []
        if len(items) < 2:
            return out  # nothing to compare
        for rule in self.corpus_rules:
            out += self.check_corpus_rule(rule, [(stub, sigs[rule.code]) for stub, sigs in items if rule.code in sigs])
        out = without_superseded(out)
        out.sort(key=Diagnostic.sort_key)
        return out

    def check_corpus_rule(self, rule: Rule, items: list) -> list[Diagnostic]:
        """One corpus rule over (document stub, signature) pairs in run order, its findings finished and
        unsuppressed: every executor runs corpus rules through here."""
        out = []
        for stub, diagnostic in rule.check_corpus(items, self.context):
            out += self.unsuppressed([self.finish(diagnostic, rule, stub)], stub)
        return out


def _screen(rules: list[Rule]):
    """One pattern for the characters every rule's screen names (see Rule.screen), or None when none has one."""
    import re

    chars = frozenset().union(*(type(rule).screen for rule in rules))
    return lazyre.compiled_now("[" + "".join(map(re.escape, sorted(chars))) + "]") if chars else None


def without_superseded(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics less those a rule's `supersedes` replaces: another rule's finding on an overlapping span
    of the same document."""
    import bisect

    winners: dict[str, list[tuple[int, int, frozenset]]] = {}
    for d in diagnostics:
        if d.rule.supersedes:
            winners.setdefault(d.path, []).append((d.start, d.end, expand(d.rule.supersedes)))
    if not winners:
        return diagnostics
    for spans in winners.values():
        spans.sort()
    longest = max(end - start for spans in winners.values() for start, end, _ in spans)

    def replaced(d: Diagnostic) -> bool:
        spans = winners.get(d.path, ())
        i = bisect.bisect_left(spans, (d.start - longest,))
        for start, end, codes in spans[i:]:
            if start >= max(d.end, d.start + 1):
                return False
            if d.code in codes and start < max(d.end, d.start + 1) and d.start < max(end, start + 1):
                return True
        return False

    return [d for d in diagnostics if not replaced(d)]


class Linters:
    """The linters of a run, one per configuration governing a checked file (see config.Configs); number 0 is
    the run's own. Document rules run with the linter of the document's configuration; corpus rules are the run's
    own, and a document takes part in those its own configuration enables for it."""

    def __init__(self, primary: Linter, configs=None, build=None):
        self.all = [primary]
        self._configs = configs  # config.Configs (the parent process only)
        self._build = build  # Config -> Linter
        self._numbers = {id(primary.config): 0}

    def __getstate__(self) -> dict:  # workers receive the linters, not the means of finding more
        return {**self.__dict__, "_configs": None, "_build": None}

    @property
    def primary(self) -> Linter:
        return self.all[0]

    @property
    def context(self) -> Context:
        return self.primary.context

    def __getitem__(self, number: int) -> Linter:
        return self.all[number]

    def number(self, path: Path | None) -> int:
        """The number of the linter for a file (built when its configuration is first met)."""
        if path is None or self._configs is None:
            return 0
        config = self._configs.for_path(path)
        if id(config) not in self._numbers:
            self._numbers[id(config)] = len(self.all)
            self.all.append(self._build(config))
        return self._numbers[id(config)]

    def corpus_codes(self, number: int, display: str) -> set[str]:
        """The run's corpus rules a document takes part in."""
        codes = {r.code for r in self.primary.rules_for(display) if r.scope == "corpus"}
        if number:
            codes &= {r.code for r in self.all[number].rules_for(display) if r.scope == "corpus"}
        return codes

    def signatures(self, document: Document, number: int) -> dict:
        """The run's corpus rules' signatures of a document."""
        if not number:
            return self.primary.signatures(document)
        codes = self.corpus_codes(number, document.path)
        if document.binary:
            return {}
        return {rule.code: rule.signature(document) for rule in self.primary.corpus_rules if rule.code in codes}

    def requires(self, requirement: type) -> bool:
        """Whether an enabled rule of any configuration declares this requirement (see Rule.requires)."""
        return any(requirement in rule.requires for linter in self.all for rule in linter.rules)
