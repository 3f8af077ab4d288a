"""`claimcheck check --changed FILE…`: what a pre-commit hook needs. Corpus checks compare an
article with the rest of the corpus, so the whole configured corpus is checked (the claim cache
keeps that quick: unchanged files are not read again), and only the findings that touch one of
the files named (a changed article) are reported. When a named file is not an article of the
corpus (a rule file, the configuration), any finding may have changed: all are reported."""

from __future__ import annotations

import os

from claimcheck.errors import UsageError
from claimcheck.model import Finding


def corpus_for_changed(named: list[str], corpus: list[str]) -> list[str]:
    if not corpus:
        raise UsageError("--changed checks the files named against the configured corpus: set "
                         "'corpus' in claimcheck.yaml (or [tool.claimcheck] in pyproject.toml)")
    return list(corpus)


def touching(findings: list[Finding], named: list[str], corpus: list[str]) -> list[Finding]:
    """The findings with a location in one of the `named` files, or all of them when a named file
    lies outside the corpus folders."""
    roots = [os.path.abspath(p) for p in corpus]
    files = {os.path.abspath(p) for p in named}
    if any(not any(f == r or f.startswith(r.rstrip(os.sep) + os.sep) for r in roots) for f in files):
        return findings
    return [f for f in findings
            if any(os.path.abspath(loc.file) in files for loc in f.locations if loc.file)]
