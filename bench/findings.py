"""Whether two doclints find the same things: every finding and every fixed byte on folders of documents.

    python -m bench.findings FOLDER... [--python A B] [--env NAME=VALUE ...] [--save FILE]

For each interpreter (`--python`, default this one) and each `--env` setting
(a run with the setting and one without: `--env DOCLINT_NO_CORE=1` compares
the compiled core with the pure-Python path), each folder is copied to a
temporary folder and checked there as a whole (`doclint check --isolated
--no-cache --format json`), then fixed (`--fix --unsafe-fixes`). The JSON
report (paths made relative) and a hash of every file after the fix are the
run's result; the script prints whether every run's result equals the first
one's and, when not, the first differences. Speed is not measured here.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def result(python: str, folder: Path, env: dict) -> dict:
    """The findings and the fixed files' hashes of one doclint on a copy of the folder."""
    with tempfile.TemporaryDirectory(prefix="doclint-findings-") as tmp:
        copy = Path(tmp) / "docs"
        shutil.copytree(folder, copy)
        base = [python, "-m", "doclint", "check", "--isolated", "--no-cache", "--no-progress", "--jobs", "1"]
        report = subprocess.run([*base, "--format", "json", "docs"], cwd=tmp, env=env, capture_output=True,
                                text=True)
        if report.returncode not in (0, 1):
            sys.exit(f"{python}: doclint check failed ({report.returncode}):\n{report.stderr[-2000:]}")
        subprocess.run([*base, "--fix", "--unsafe-fixes", "--format", "json", "docs"], cwd=tmp, env=env,
                       capture_output=True)
        fixed = {str(p.relative_to(copy)): hashlib.sha256(p.read_bytes()).hexdigest()
                 for p in sorted(copy.rglob("*")) if p.is_file()}
        return {"findings": json.loads(report.stdout), "fixed": fixed}


def differences(a: dict, b: dict, limit: int = 5) -> list[str]:
    out = []
    ours = [json.dumps(d, sort_keys=True) for d in a["findings"]["diagnostics"]]
    theirs = [json.dumps(d, sort_keys=True) for d in b["findings"]["diagnostics"]]
    out += [f"only in the first: {d}" for d in sorted(set(ours) - set(theirs))[:limit]]
    out += [f"only in the second: {d}" for d in sorted(set(theirs) - set(ours))[:limit]]
    out += [f"fixed differently: {name}" for name in sorted(a["fixed"]) if a["fixed"][name] != b["fixed"].get(name)]
    return out[: 3 * limit]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--python", nargs="+", default=[sys.executable])
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE: also run with this setting")
    ap.add_argument("--save", type=Path, help="write the first run's results to this file as JSON")
    a = ap.parse_args()
    settings = [{}] + [dict([e.split("=", 1)]) for e in a.env]
    runs = [(py, s) for py in a.python for s in settings]
    same = True
    saved = {}
    for folder in a.folders:
        results = [result(py, folder, {**os.environ, **s}) for py, s in runs]
        saved[str(folder)] = results[0]
        count = len(results[0]["findings"]["diagnostics"])
        for (py, s), other in zip(runs[1:], results[1:]):
            diff = differences(results[0], other)
            same &= not diff
            print(f"{folder}: {py} {s or ''}: {'identical' if not diff else 'DIFFERENT'} ({count} findings, "
                  f"{len(results[0]['fixed'])} files)")
            for line in diff:
                print("   ", line[:300])
        if len(runs) == 1:
            print(f"{folder}: {count} findings, {len(results[0]['fixed'])} files")
    if a.save:
        a.save.write_text(json.dumps(saved, sort_keys=True) + "\n", encoding="utf-8")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
