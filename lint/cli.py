"""The command line: `doclint check`, `doclint rules`, `doclint rule CODE`."""
from __future__ import annotations

import dataclasses
import difflib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from doclint import __version__
from doclint.config import ConfigError, load_config
from doclint.options import CheckOptions
from doclint.selectors import redirected

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


def _error(message: str) -> None:
    click.echo(f"doclint: error: {message}", err=True)


def _comma_list(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="doclint")
def main() -> None:
    """doclint: a quality and deduplication linter for plain-text documents."""
    # doclint parallelises with processes (--jobs); thread pools inside numpy's BLAS and the tokenizer
    # would only compete with them for the same cores. Set before either is imported; a user's setting wins.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--fix", is_flag=True, help="Apply safe fixes and rewrite the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix, also apply unsafe fixes; otherwise show them as fixable.")
@click.option("--diff", is_flag=True, help="Show what --fix would change as a unified diff; write nothing.")
@click.option("--select", multiple=True, help="Rules to enable (codes, prefixes, names, categories; comma-separated). Replaces the configured selection.")
@click.option("--extend-select", multiple=True, help="Rules to enable in addition to the selection.")
@click.option("--ignore", multiple=True, help="Rules to disable.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "sarif", "github"]), default=None,
              help="Output format (default: text, or github when GITHUB_ACTIONS=true).")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to this file.")
@click.option("--statistics", is_flag=True, help="Show counts per rule instead of each diagnostic.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems remain.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 only for findings of this severity or a more severe one (default: info, every "
                   "finding; config fail-level).")
@click.option("--exit-non-zero-on-fix", is_flag=True, help="Exit 1 when --fix changed any file, even if nothing remains.")
@click.option("--show-source", is_flag=True, help="Show the offending line under each diagnostic.")
@click.option("--quiet", "-q", is_flag=True, help="Print diagnostics only, no summary when clean.")
@click.option("--color/--no-color", default=None, help="Color the text output (default: only on a terminal).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--stdin-filename", help="The name to report for input read from `-`.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for document rules (default: the number of CPUs).")
@click.option("--progress/--no-progress", default=True, help="Show progress on stderr when it is a terminal.")
@click.option("--text-field", default="text", show_default=True, help="JSONL: the field holding each document's text.")
@click.option("--id-field", default="id", show_default=True, help="JSONL: the field identifying each record.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where the index lives (default: .doclint_cache beside the config file or at the repository root).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the index.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help='Where to run: this machine, or a Ray cluster for JSONL shards (pip install "doclint[ray]").')
@click.option("--ray-address", metavar="ADDRESS",
              help="With --engine ray: the cluster to join (default: RAY_ADDRESS, else a local instance with --jobs CPUs).")
@click.option("--output-dir", metavar="DIR",
              help="With --engine ray: write diagnostics per shard, a summary and, with --fix, the cleaned shards here "
                   "(a local folder or a URI).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="In a git repository, skip what .gitignore ignores when walking folders (default: on; "
                   "config respect-gitignore).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Report only findings not recorded in this baseline file (see --write-baseline).")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Record every current finding in this file, and exit 0: later runs with --baseline report only "
                   "new ones.")
@click.option("--show-files", is_flag=True, help="List the files the check would read, and exit.")
@click.option("--show-settings", is_flag=True,
              help="Show the configuration in effect (its file, the enabled rules and their options), and exit.")
def check(**given):  # the options above, by name: Request.from_click reads them
    """Check documents (files, folders, or `-` for stdin) and optionally fix them."""
    try:
        code = _check(Request.from_click(given))
    except ConfigError as exc:
        _error(str(exc))
        code = EXIT_ERROR
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:  # `doclint check ... | head`: the reader left; say nothing more, as cat would
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's own flush at exit must not fail
        code = 141  # 128 + SIGPIPE, what a shell reports for a command killed by a closed pipe
    except Exception as exc:  # a bug must still not print a traceback at users
        if os.environ.get("DOCLINT_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (set DOCLINT_DEBUG=1 for a traceback)")
        code = EXIT_ERROR
    sys.exit(code)


@dataclass(frozen=True)
class Request:
    """Everything `doclint check` was asked, read once from the command line: the check's options
    (CheckOptions, for the executors), which configuration and rules, where to run, and how to report."""

    paths: tuple
    options: CheckOptions
    select: tuple
    extend_select: tuple
    ignore: tuple
    config_path: Path | None
    isolated: bool
    stdin_filename: str | None
    fail_level: str | None
    respect_gitignore: bool | None
    no_cache: bool
    cache_dir: Path | None
    engine: str
    ray_address: str | None
    output_dir: str | None
    baseline_path: Path | None
    write_baseline: Path | None
    show_files: bool
    show_settings: bool
    jobs: int | None  # as given (None: not given; options.jobs is then the number of CPUs)
    report: ReportOptions

    @classmethod
    def from_click(cls, given: dict) -> "Request":
        options = CheckOptions(fix=given["fix"], unsafe_fixes=given["unsafe_fixes"], diff=given["diff"],
                               jobs=given["jobs"] or os.cpu_count() or 1, progress=given["progress"],
                               text_field=given["text_field"], id_field=given["id_field"],
                               keep_texts=given["show_source"])
        report = ReportOptions(**{f.name: given[f.name] for f in dataclasses.fields(ReportOptions)})
        fields = {f.name for f in dataclasses.fields(cls)} - {"options", "report", "paths"}
        return cls(paths=tuple(given["paths"]), options=options, report=report,
                   **{name: given[name] for name in fields})

    def linter_for(self, config, context=None):
        """The linter of one configuration, with the command line's selectors on top."""
        from doclint.engine import Linter
        from doclint.rule import Context

        return Linter.from_config(config, select=_comma_list(self.select) if self.select else None,
                                  extend_select=_comma_list(self.extend_select), ignore=_comma_list(self.ignore),
                                  context=context or Context(unsafe_fixes=self.options.unsafe_fixes))


@dataclass(frozen=True)
class ReportOptions:
    """How `doclint check` reports."""

    output_format: str | None
    output_file: str | None
    statistics: bool
    exit_zero: bool
    exit_non_zero_on_fix: bool
    show_source: bool
    quiet: bool
    color: bool | None


def _check(request: Request) -> int:
    from doclint.config import Configs
    from doclint.engine import Linters

    configs = Configs.load(request.config_path, isolated=request.isolated)
    configs.respect_gitignore = request.respect_gitignore
    config = configs.default
    if request.fail_level is not None:
        config.fail_level = request.fail_level
    primary = request.linter_for(config)
    linters = Linters(primary, configs, lambda other: request.linter_for(other, primary.context))
    if request.show_settings or request.show_files:  # say what a check would do, and do nothing
        if request.show_settings:
            _show_settings_for(request, configs, linters)
        return _show_files(request.paths, configs, request.stdin_filename, primary) if request.show_files else EXIT_OK
    if request.engine == "ray":
        result, errors = _run_ray(request, configs, linters)
        if result is None:
            return EXIT_ERROR
    else:
        if request.ray_address or request.output_dir:
            raise ConfigError("--ray-address and --output-dir need --engine ray")
        result, errors = _run_local(request, configs, linters)
    return _report(request, config, primary, result, errors)


def _report(request: Request, config, linter, result, errors: list) -> int:
    """Print what the run found (and apply a baseline); the exit code."""
    from doclint.reporters import report_order

    for message in errors:
        _error(message)
    for level, message in result.messages:
        if level == "diff":
            _write_diff(*message)
        else:
            click.echo(f"doclint: {level}: {message}", err=True)
    failed = bool(errors) or result.failed
    result.diagnostics.sort(key=report_order)
    hidden = 0
    if request.baseline_path or request.write_baseline:
        if request.engine == "ray":
            raise ConfigError("--baseline and --write-baseline work with the local engine")
        if request.write_baseline:
            from doclint import baseline

            count = baseline.write(request.write_baseline, result.diagnostics, result.sources,
                                   request.options.text_field)
            click.echo(f"Wrote a baseline of {count} finding{'s' * (count != 1)} to {request.write_baseline}.")
            return EXIT_ERROR if failed else EXIT_OK
        hidden = _apply_baseline(request, result)
    report = _build_report(request, config, linter, result, errors, hidden)
    nothing_checked = _write_report(request, report, result)
    options = request.options
    if failed or nothing_checked:  # nothing checked is no success: a typo'd path, an empty folder
        return EXIT_ERROR
    if request.report.exit_zero:
        return EXIT_OK
    if options.diff:
        return EXIT_PROBLEMS if result.changed else EXIT_OK
    if request.report.exit_non_zero_on_fix and options.fix and result.changed:
        return EXIT_PROBLEMS
    return EXIT_PROBLEMS if report.failing else EXIT_OK


def _apply_baseline(request: Request, result) -> int:
    """Leave out the findings the baseline records; how many."""
    from doclint import baseline

    try:
        result.diagnostics, hidden = baseline.apply(request.baseline_path, result.diagnostics, result.sources,
                                                    request.options.text_field)
    except baseline.BaselineError as exc:
        raise ConfigError(str(exc)) from exc
    return hidden


def _build_report(request: Request, config, linter, result, errors: list, hidden: int):
    from doclint.reporters import Report

    options = request.options
    return Report(result.diagnostics, fixed=result.fixed if options.fix else 0, fixing=options.writing,
                  unsafe_fixes=options.unsafe_fixes, rules=list(linter.rules), sources=result.texts,
                  fail_level=config.fail_level, baselined=hidden, checked=result.documents, skipped=result.skipped,
                  unreadable=len(errors) + result.unreadable)


def _write_report(request: Request, report, result) -> bool:
    """Write the report in its format, and stdin's fixed text; whether nothing was checked at all."""
    from doclint.reporters import WRITERS, not_checked

    shown = request.report
    output_format = shown.output_format
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if shown.statistics and output_format not in ("text", "json"):
        raise ConfigError(f"--statistics prints counts as text or json, not {output_format}")
    nothing_checked = report.checked == 0 and not report.diagnostics
    out = open(shown.output_file, "w", encoding="utf-8") if shown.output_file else None
    stream = out or (sys.stderr if result.stdin_out is not None else sys.stdout)
    try:
        color = shown.color
        if color is None:
            color = out is None and stream.isatty() and "NO_COLOR" not in os.environ
        if not (request.options.diff and output_format == "text" and not report.diagnostics):
            WRITERS[output_format](report, stream, color=color, show_source=shown.show_source,
                                   statistics=shown.statistics, quiet=shown.quiet)
        if nothing_checked and (output_format != "text" or request.options.diff or shown.quiet):
            left = not_checked(report)  # the text summary said it
            _error(f"no files checked{f' ({left})' if left else ''}")
    finally:
        if out:
            out.close()
    if result.stdin_out is not None:
        sys.stdout.buffer.write(result.stdin_out)
        sys.stdout.flush()
    return nothing_checked


def _run_local(request: Request, configs, linters):
    from doclint import runner
    from doclint.io.discovery import discover
    from doclint.io.jsonl import is_jsonl

    found = discover(list(request.paths), configs, request.stdin_filename)
    sources = found.sources
    for message in found.skipped:
        click.echo(f"doclint: warning: {message}", err=True)
    config, primary = configs.default, linters.primary
    root, _ = project_root(config)
    # The project's other files, for the corpus rules, with or without the index: --no-cache changes the speed,
    # never the findings.
    tree = _project_files(root, configs) if primary.corpus_rules and root else []
    for source in [*sources, *tree]:  # every configuration met, before worker processes are started
        linters.number(source.path)
    index = None
    if not request.no_cache and any(s.path is not None for s in sources) and (root or request.cache_dir):
        index = _open_index(linters, root, request.cache_dir)
    # Signatures cost an import of numpy for a lone document; they are needed when there is anything to compare
    # with, and whenever the index stores the document (a later run compares it with files added since).
    signatures = bool(primary.corpus_rules) and (
        len(sources) > 1 or any(is_jsonl(s.path) for s in sources) or index is not None or len(tree) > 1)
    plan = runner.Plan(index=index, tree=tuple(tree), checked_paths=tuple(s.path for s in sources if s.path),
                       signatures=signatures)
    plan = dataclasses.replace(plan, statistics=_count_statistics(linters, sources, request.options, plan))
    result = runner.run(linters, sources, request.options, plan)
    result.skipped += len(found.skipped)
    result.sources = sources
    return result, found.errors


def _count_statistics(linters, sources: list, options: CheckOptions, plan) -> bool:
    """Whether the run counts corpus statistics first: a rule requires them, the run has enough files, and the
    index does not answer for every file (no document is then checked)."""
    from doclint.rule import CorpusStatistics

    if len(sources) < 2 or not linters.requires(CorpusStatistics):
        return False
    from doclint.statistics import MIN_DOCUMENTS

    return len(sources) >= MIN_DOCUMENTS and not _all_from_index(linters, sources, options, plan)


def _all_from_index(linters, sources: list, options: CheckOptions, plan) -> bool:
    """Whether the index answers for every source, so that no document is checked. A file is checked again when
    it changed, when --show-source wants its text, and when --fix or --diff would change it: it must then be
    judged as the run that stored it judged it."""
    index = plan.index
    if index is None or options.keep_texts:
        return False
    for source in sources:
        number = linters.number(source.path)
        if source.path is None or not index.fresh(source.path, index.keys[number]):
            return False
        if options.fixing:
            stat = source.path.stat()
            cached = index.lookup(source.path, stat, number)
            if cached is None or any(d.fix and (d.fix.is_safe or options.unsafe_fixes) for d in cached[0]):
                return False
    return True


def _run_ray(request: Request, configs, linters):
    """(result, errors) of a run on Ray, or (None, []) after saying why it cannot run."""
    from doclint import ray_engine

    options = request.options
    if not ray_engine.available():
        _error('--engine ray needs the extra: pip install "doclint[ray]"')
        return None, []
    if options.diff:
        _error("--engine ray does not support --diff; use --fix with --output-dir")
        return None, []
    if options.fix and not request.output_dir:
        _error("--engine ray never rewrites shards in place: give --output-dir for the cleaned shards")
        return None, []
    shards, errors = _shards(request, configs)
    if not request.paths or not shards:
        _error("--engine ray needs JSONL shards to check")
        return None, errors
    placement = ray_engine.Placement(address=request.ray_address, output_dir=request.output_dir,
                                     num_cpus=request.jobs)
    return ray_engine.run(linters, shards, options, placement), errors


def _shards(request: Request, configs) -> tuple[list, list]:
    """The JSONL shards to check on Ray: URIs as given, local folders' JSONL files; errors for paths that
    cannot be read."""
    from doclint import ray_engine
    from doclint.io.discovery import Found, discover
    from doclint.io.jsonl import JSONL_SUFFIXES, is_jsonl

    shards, local = [], []
    for path in request.paths:
        (shards if ray_engine.is_uri(path) else local).append(path)
    shard_globs = dataclasses.replace(configs.default, include=[f"*{suffix}" for suffix in JSONL_SUFFIXES])
    found = discover(local, shard_globs) if local else Found()  # folders: their JSONL files
    for message in found.skipped:
        click.echo(f"doclint: warning: {message}", err=True)
    for source in found.sources:
        if is_jsonl(source.path):
            shards.append(source.display)
        else:
            click.echo(f"doclint: warning: {source.display}: not a JSONL shard (.jsonl, .jsonl.gz, .ndjson); "
                       f"--engine ray skips it", err=True)
    return shards, found.errors


def project_root(config):
    """(the project's root folder or None, how it was found): see io.discovery.project_root."""
    from doclint.io.discovery import project_root as find

    return find(config.path, Path.cwd())


def _project_files(root: Path, configs) -> list:
    """The files of the project the corpus rules compare the checked files with."""
    from doclint.io.discovery import discover

    try:
        rel = os.path.relpath(root)
    except ValueError:
        rel = str(root)
    return discover([rel], configs).sources


def _open_index(linters, root: Path | None, cache_dir: Path | None):
    """The persistent index: in --cache-dir, else in the project's root (never in a plain working folder); None
    when it cannot be used (a warning says why)."""
    from doclint.io.index import Index, config_key

    folder = cache_dir or root / ".doclint_cache"
    primary = config_key(linters.primary)
    keys = [primary] + [f"{primary}+{config_key(linter)}" for linter in linters.all[1:]]
    try:
        return Index(folder, keys, warn=lambda m: click.echo(f"doclint: warning: {m}", err=True))
    except Exception as exc:  # noqa: BLE001 - an unusable cache must not stop the check
        click.echo(f"doclint: warning: cache disabled: {exc}", err=True)
        return None


def _show_files(paths, configs, stdin_filename, linter) -> int:
    """What `--show-files` prints: the files a check of `paths` would read, then the project's other files the
    corpus rules would compare them with; exit 2 for paths that cannot be read."""
    from doclint.io.discovery import discover

    found = discover(list(paths), configs, stdin_filename)
    for source in found.sources:
        click.echo(source.display)
    root, how = project_root(configs.default)
    if linter.corpus_rules and root:
        checked = {os.path.normpath(s.path.absolute()) for s in found.sources if s.path is not None}
        others = [s for s in _project_files(root, configs) if os.path.normpath(s.path.absolute()) not in checked]
        if others:
            codes = ", ".join(r.code for r in linter.corpus_rules)
            click.echo(f"\nCompared with ({codes}: the other files of the project {root}, {how}):")
            for source in others:
                click.echo(f"  {source.display}")
    for message in found.skipped:
        click.echo(f"doclint: warning: {message}", err=True)
    for message in found.errors:
        _error(message)
    return EXIT_ERROR if found.errors else EXIT_OK


def _show_settings_for(request: Request, configs, linters) -> None:
    """What `--show-settings [PATH...]` prints: for each path (the current folder when none), the configuration
    that governs it (see config.Configs)."""
    paths = [p for p in request.paths if p != "-"] or ["."]
    for n, path in enumerate(paths):
        if len(paths) > 1:
            click.echo(f"{chr(10) if n else ''}Settings for {path}:")
        linter = linters[linters.number(Path(path))]
        _show_settings(linter.config, linter, request.isolated)


def _show_settings(config, linter, isolated: bool) -> None:
    """Where the configuration came from, what it selects, each rule's options."""
    found = "ignored (--isolated): defaults" if isolated else "none found: defaults"
    from doclint.ruledocs import toml_value

    click.echo(f"Configuration: {config.path or found}")
    click.echo(f"Include: {', '.join(config.include)}")
    click.echo(f"Exclude: {', '.join(config.exclude)}")
    for pattern, selectors in config.per_file_ignores.items():
        click.echo(f"Per-file ignores: {pattern}: {', '.join(selectors)}")
    for plugin in config.plugins:
        click.echo(f"Plugin: {plugin}")
    click.echo(f"Enabled rules ({len(linter.rules)}):")
    for rule in linter.rules:
        configured = [f"severity {rule.severity}"] if rule.severity != type(rule).severity else []
        if rule.fix_applicability is not None:
            configured.append(f"fixes {rule.fix_applicability.value}")
        click.echo(f"  {rule.code} {rule.name}{'  (' + ', '.join(configured) + ')' if configured else ''}")
        defaults = type(rule).Options()
        for f in type(rule).option_fields():
            value, default = getattr(rule.options, f.name), getattr(defaults, f.name)
            changed = "" if value == default else f"  (default {toml_value(default)})"
            click.echo(f"      {f.name.replace('_', '-')} = {toml_value(value)}{changed}{_in_use(rule, f.name, value)}")


def _in_use(rule, name: str, value) -> str:
    """What an "auto" option resolves to on this machine, for --show-settings."""
    if name == "backend" and value == "auto":
        from doclint import embeddings

        return f"  (in use: {'embeddings' if embeddings.available() else 'lexical: the embeddings extra is not installed'})"
    return ""


def _write_diff(path: str, before: str, after: str, encodings: tuple[str, str] | None = None) -> None:
    """A unified diff of the text; a fix that also changes the file's encoding says so in the headers (after a
    tab, where a diff puts a date), and one that changes only the encoding says that alone."""
    old_label = new_label = ""
    if encodings and encodings[0] != encodings[1]:
        if before == after:
            click.echo(f"Files a/{path} and b/{path} differ in encoding only: {encodings[0]} -> {encodings[1]}")
            return
        old_label, new_label = f"\t(encoding {encodings[0]})", f"\t(encoding {encodings[1]})"
    lines = difflib.unified_diff(_lines(before), _lines(after), fromfile=f"a/{path}{old_label}",
                                 tofile=f"b/{path}{new_label}")
    for line in lines:
        click.echo(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n", nl=False)


def _lines(text: str) -> list[str]:
    """The text's lines with their ends, broken at line feeds only, as a file's lines are (str.splitlines also
    breaks at form feeds, U+2028 and other characters a diff must show inside a line)."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _registry(config_path, isolated):
    from doclint.registry import Registry, RegistryError

    try:
        return Registry.discover(load_config(config_path, isolated=isolated).plugins)
    except (ConfigError, RegistryError) as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--isolated", is_flag=True)
def list_rules(output_format, config_path, isolated):
    """List every rule: code, name, category, fix, enabled by default."""
    registry = _registry(config_path, isolated)
    rows = [{"code": r.code, "name": r.name, "category": r.category, "fixable": r.fixable or "no",
             "default": r.default_enabled, "summary": r.summary()} for r in registry.rules]
    if output_format == "json":
        import json

        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(f"{'code':6} {'name':28} {'category':11} {'fix':9} {'default':7} summary")
    for r in rows:
        click.echo(f"{r['code']:6} {r['name']:28} {r['category']:11} {r['fixable']:9} "
                   f"{'yes' if r['default'] else 'no':7} {r['summary']}")


@main.command("rule")
@click.argument("code_or_name")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--isolated", is_flag=True)
def show_rule(code_or_name, config_path, isolated):
    """Print a rule's documentation and options."""

    registry = _registry(config_path, isolated)
    rule = registry.lookup(code_or_name)
    if rule is None and redirected(code_or_name):
        rules = [registry.lookup(code) for code in redirected(code_or_name)]
        click.echo(f"{code_or_name} is now {len(rules)} rules that share its scanner; selecting it selects them all:")
        for r in filter(None, rules):
            click.echo(f"  {r.code} {r.name}: {r.summary()}")
        click.echo("See `doclint rule CODE` for each.")
        return
    if rule is None:
        _error(f"unknown rule {code_or_name!r} (see `doclint rules`)")
        sys.exit(EXIT_ERROR)
    from doclint.ruledocs import page_path, render

    click.echo(render(rule), nl=False)
    click.echo(f"\nThis page in the repository: {page_path(rule)}")
