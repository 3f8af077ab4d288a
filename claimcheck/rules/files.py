"""Which files make a rule pack: the YAML files named, or found under the folders named."""

from __future__ import annotations

import os
from pathlib import Path

from claimcheck.errors import RuleError


def rule_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            _all_readable(p)
            files.extend(sorted(f for f in p.rglob("*") if f.suffix in (".yaml", ".yml") and f.is_file()
                                and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.is_file():
            files.append(p)
        else:
            raise RuleError(f"no such rule file or directory: {arg}", arg, 1, 1)
    if not files:
        raise RuleError("no rule files (*.yaml) found", paths[0] if paths else "rules", 1, 1)
    return files


def _all_readable(root: Path) -> None:
    """A rule folder that cannot be listed would silently drop its rules: an error instead."""
    def fail(exc: OSError) -> None:
        raise RuleError(f"cannot read rule folder: {exc.strerror or exc}", exc.filename or str(root),
                        1, 1)
    for dirpath, dirnames, _ in os.walk(root, onerror=fail):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
