"""The command line: `doclint check`, `doclint rules`, `doclint rule CODE`."""
from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import click

from doclint import __version__
from doclint.config import ConfigError, load_config

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
def check(paths, fix, unsafe_fixes, diff, select, extend_select, ignore, output_format, output_file, statistics,
          exit_zero, fail_level, exit_non_zero_on_fix, show_source, quiet, color, config_path, isolated, stdin_filename,
          jobs, progress, text_field, id_field, cache_dir, no_cache, engine, ray_address, output_dir, respect_gitignore, baseline_path, write_baseline,
          show_files, show_settings):
    """Check documents (files, folders, or `-` for stdin) and optionally fix them."""
    try:
        code = _check(**locals())
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


def _check(paths, fix, unsafe_fixes, diff, select, extend_select, ignore, output_format, output_file, statistics,
           exit_zero, fail_level, exit_non_zero_on_fix, show_source, quiet, color, config_path, isolated, stdin_filename,
           jobs, progress, text_field, id_field, cache_dir, no_cache, engine, ray_address, output_dir, respect_gitignore, baseline_path, write_baseline,
           show_files, show_settings) -> int:
    from doclint.engine import Linter
    from doclint.reporters import WRITERS, Report, not_checked, report_order
    from doclint.rule import Context

    config = load_config(config_path, isolated=isolated)
    if respect_gitignore is not None:
        config.respect_gitignore = respect_gitignore
    if fail_level is not None:
        config.fail_level = fail_level
    linter = Linter.from_config(
        config,
        select=_comma_list(select) if select else None,
        extend_select=_comma_list(extend_select),
        ignore=_comma_list(ignore),
        context=Context(unsafe_fixes=unsafe_fixes),
    )
    if show_settings or show_files:  # say what a check would do, and do nothing
        if show_settings:
            _show_settings(config, linter, isolated)
        return _show_files(paths, config, stdin_filename, linter) if show_files else EXIT_OK
    if engine == "ray":
        result, errors = _run_ray(paths, config, linter, fix, unsafe_fixes, diff, jobs, progress, text_field, id_field,
                                  ray_address, output_dir)
        if result is None:
            return EXIT_ERROR
    else:
        if ray_address or output_dir:
            raise ConfigError("--ray-address and --output-dir need --engine ray")
        result, errors = _run_local(paths, config, linter, fix, unsafe_fixes, diff, jobs, progress, text_field,
                                    id_field, show_source, no_cache, cache_dir, stdin_filename)
    for message in errors:
        _error(message)
    for level, message in result.messages:
        if level == "diff":
            _write_diff(*message)
        else:
            click.echo(f"doclint: {level}: {message}", err=True)
    failed = bool(errors) or result.failed
    diagnostics, texts, stdin_out = result.diagnostics, getattr(result, "texts", {}), getattr(result, "stdin_out", None)
    fixed_total, changed_files = result.fixed, result.changed
    diagnostics.sort(key=report_order)
    hidden = 0
    if baseline_path or write_baseline:
        from doclint import baseline

        if engine == "ray":
            raise ConfigError("--baseline and --write-baseline work with the local engine")
        if write_baseline:
            count = baseline.write(write_baseline, diagnostics, result.sources, text_field)
            click.echo(f"Wrote a baseline of {count} finding{'s' * (count != 1)} to {write_baseline}.")
            return EXIT_ERROR if failed else EXIT_OK
        try:
            diagnostics, hidden = baseline.apply(baseline_path, diagnostics, result.sources, text_field)
        except baseline.BaselineError as exc:
            raise ConfigError(str(exc)) from exc

    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if statistics and output_format not in ("text", "json"):
        raise ConfigError(f"--statistics prints counts as text or json, not {output_format}")
    checked = getattr(result, "documents", None)
    report = Report(diagnostics, fixed=fixed_total if fix else 0, fixing=fix and not diff,
                    unsafe_fixes=unsafe_fixes, rules=list(linter.rules), sources=texts, fail_level=config.fail_level,
                    baselined=hidden,
                    checked=checked, skipped=getattr(result, "skipped", 0),
                    unreadable=len(errors) + getattr(result, "unreadable", 0))
    nothing_checked = checked == 0 and not diagnostics
    out = open(output_file, "w", encoding="utf-8") if output_file else None
    stream = out or (sys.stderr if stdin_out is not None else sys.stdout)
    try:
        if color is None:
            color = out is None and stream.isatty() and "NO_COLOR" not in os.environ
        if not (diff and output_format == "text" and not diagnostics):
            WRITERS[output_format](report, stream, color=color, show_source=show_source, statistics=statistics,
                                   quiet=quiet)
        if nothing_checked and (output_format != "text" or diff or quiet):  # the text summary said it
            left = not_checked(report)
            _error(f"no files checked{f' ({left})' if left else ''}")
    finally:
        if out:
            out.close()
    if stdin_out is not None:
        sys.stdout.buffer.write(stdin_out)
        sys.stdout.flush()

    if failed or nothing_checked:  # nothing checked is no success: a typo'd path, an empty folder
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    if diff:
        return EXIT_PROBLEMS if changed_files else EXIT_OK
    if exit_non_zero_on_fix and fix and changed_files:
        return EXIT_PROBLEMS
    return EXIT_PROBLEMS if report.failing else EXIT_OK


def _run_local(paths, config, linter, fix, unsafe_fixes, diff, jobs, progress, text_field, id_field, show_source,
               no_cache, cache_dir, stdin_filename):
    from doclint.discovery import discover
    from doclint.runner import RunOptions, all_from_index, is_jsonl, run

    found = discover(list(paths), config, stdin_filename)
    sources, errors = found.sources, found.errors
    for message in found.skipped:
        click.echo(f"doclint: warning: {message}", err=True)
    options = RunOptions(fix=fix, unsafe_fixes=unsafe_fixes, diff=diff, jobs=jobs or os.cpu_count() or 1,
                         progress=progress, text_field=text_field, id_field=id_field, keep_texts=show_source)
    root, _ = project_root(config)
    if not no_cache and any(s.path is not None for s in sources) and (root or cache_dir):
        _open_index(options, linter, root, cache_dir)
    # The project's other files, for the corpus rules, with or without the index: --no-cache changes the speed,
    # never the findings.
    options.tree = _project_files(root, config) if linter.corpus_rules and root else []
    options.checked_paths = [s.path for s in sources if s.path is not None]
    # Signatures cost an import of numpy for a lone document; they are needed when there is anything to compare
    # with, and whenever the index stores the document (a later run compares it with files added since).
    options.signatures = bool(linter.corpus_rules) and (
        len(sources) > 1 or any(is_jsonl(s.path) for s in sources) or options.index is not None
        or len(options.tree) > 1)
    if len(sources) >= 20 and any(getattr(r, "wants_corpus_stats", False) for r in linter.rules):
        options.corpus_stats = not all_from_index(linter, sources, options)
    result = run(linter, sources, options)
    result.skipped += len(found.skipped)
    result.sources = sources
    return result, errors


def _run_ray(paths, config, linter, fix, unsafe_fixes, diff, jobs, progress, text_field, id_field, ray_address,
             output_dir):
    """(result, errors) of a run on Ray, or (None, []) after saying why it cannot run."""
    from doclint import ray_engine
    from doclint.discovery import Found, discover
    from doclint.runner import is_jsonl

    if not ray_engine.available():
        _error('--engine ray needs the extra: pip install "doclint[ray]"')
        return None, []
    if diff:
        _error("--engine ray does not support --diff; use --fix with --output-dir")
        return None, []
    if fix and not output_dir:
        _error("--engine ray never rewrites shards in place: give --output-dir for the cleaned shards")
        return None, []
    shards, errors, local = [], [], []
    for path in paths:
        (shards if ray_engine._is_uri(path) else local).append(path)
    import dataclasses

    shard_globs = dataclasses.replace(config, include=["*.jsonl", "*.jsonl.gz", "*.ndjson", "*.ndjson.gz"])
    found = discover(local, shard_globs) if local else Found()  # folders: their JSONL files
    sources, errors = found.sources, found.errors
    for message in found.skipped:
        click.echo(f"doclint: warning: {message}", err=True)
    for source in sources:
        if is_jsonl(source.path):
            shards.append(source.display)
        else:
            click.echo(f"doclint: warning: {source.display}: not a JSONL shard (.jsonl, .jsonl.gz, .ndjson); "
                       f"--engine ray skips it", err=True)
    if not paths or not shards:
        _error("--engine ray needs JSONL shards to check")
        return None, errors
    options = ray_engine.RayOptions(address=ray_address, output_dir=output_dir, fix=fix, unsafe_fixes=unsafe_fixes,
                                    text_field=text_field, id_field=id_field, num_cpus=jobs, progress=progress)
    return ray_engine.run(linter, shards, options), errors


def project_root(config):
    """(the project's root folder or None, how it was found): see cache.project_root."""
    from doclint.cache import project_root as find

    return find(config.path, Path.cwd())


def _project_files(root: Path, config) -> list:
    """The files of the project the corpus rules compare the checked files with."""
    from doclint.discovery import discover

    try:
        rel = os.path.relpath(root)
    except ValueError:
        rel = str(root)
    return discover([rel], config).sources


def _open_index(options, linter, root: Path | None, cache_dir: Path | None) -> None:
    """Attach the persistent index: in --cache-dir, else in the project's root (never in a plain working folder)."""
    from doclint.cache import Index, config_key

    folder = cache_dir or root / ".doclint_cache"
    try:
        options.index = Index(folder, config_key(linter), warn=lambda m: click.echo(f"doclint: warning: {m}", err=True))
    except (OSError, Exception) as exc:  # an unusable cache must not stop the check
        click.echo(f"doclint: warning: cache disabled: {exc}", err=True)


def _show_files(paths, config, stdin_filename, linter) -> int:
    """What `--show-files` prints: the files a check of `paths` would read, then the project's other files the
    corpus rules would compare them with; exit 2 for paths that cannot be read."""
    from doclint.discovery import discover

    found = discover(list(paths), config, stdin_filename)
    for source in found.sources:
        click.echo(source.display)
    root, how = project_root(config)
    if linter.corpus_rules and root:
        checked = {os.path.normpath(s.path.absolute()) for s in found.sources if s.path is not None}
        others = [s for s in _project_files(root, config) if os.path.normpath(s.path.absolute()) not in checked]
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


def _show_settings(config, linter, isolated: bool) -> None:
    """What `--show-settings` prints: where the configuration came from, what it selects, each rule's options."""
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
        if getattr(rule, "fix_applicability", None) is not None:
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
    if rule is None:
        _error(f"unknown rule {code_or_name!r} (see `doclint rules`)")
        sys.exit(EXIT_ERROR)
    from doclint.ruledocs import page_path, render

    click.echo(render(rule), nl=False)
    click.echo(f"\nThis page in the repository: {page_path(rule)}")
