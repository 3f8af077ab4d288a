"""Which files under a corpus folder are not articles to read: those `--exclude` names, those git
ignores (every `.gitignore` from the repository's root down, and `.git/info/exclude`, matched by
pathspec as git matches them), and the project files a newsroom repository holds beside its
articles (README, LICENSE, …), which are skipped with a note rather than warned about as
undated articles."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from claimcheck.errors import CorpusError

if TYPE_CHECKING:
    import pathspec

PROJECT_FILES = {"readme", "license", "licence", "copying", "notice", "authors", "changelog",
                 "changes", "history", "contributing", "code_of_conduct", "security", "codeowners"}


class Note(CorpusError):
    """Not a problem: a file left out on purpose, said once on standard error (never --strict's
    business)."""

    def __str__(self) -> str:
        return super().__str__().replace(": error: ", ": note: ", 1)


def project_file(path: str) -> bool:
    """README.md, LICENSE.txt, CHANGELOG.md…: documents about the repository, not articles."""
    stem = os.path.basename(path).split(".", 1)[0].lower()
    return stem in PROJECT_FILES


class FileFilter:
    """`skips(path)` says why a file found under a folder is not read, or None. `exclude`:
    gitignore-style patterns, matched against the path relative to the working directory (a
    pattern without "/" matches a name at any depth: `drafts/`, `*.draft.md`)."""

    def __init__(self, exclude: Iterable[str] = (), gitignore: bool = True):
        exclude = list(exclude)
        # pathspec (and the matching backends it loads: a tenth of a warm re-check) only when
        # there is a pattern to match: most runs have no --exclude and no ignore file
        self.exclude = _spec(exclude) if exclude else None
        self.has_exclude = bool(self.exclude and self.exclude.patterns)
        self.gitignore = gitignore
        _repository.cache_clear()   # ignore files read afresh each run (a notebook edits them)
        _specs.cache_clear()

    def excludes(self, path: str, is_dir: bool = False, found: bool = True) -> bool:
        """`found`: met while walking a folder, where .gitignore applies too; a file named on the
        command line is read unless --exclude names it (git reads a file named to it, too)."""
        hit = self.has_exclude and self.exclude.match_file(_relative(path) + ("/" if is_dir else ""))
        return bool(hit or (found and self.gitignore and git_ignored(path, is_dir)))


def _relative(path: str) -> str:
    """The path from the working directory (absolute when outside it), with "/" separators; by
    string, not os.path.relpath, which costs more than the match on a corpus of 100,000 files."""
    absolute = os.path.abspath(path)
    here = os.getcwd().rstrip(os.sep) + os.sep
    rel = absolute[len(here):] if absolute.startswith(here) else absolute
    return rel.replace(os.sep, "/")


def git_ignored(path: str, is_dir: bool = False) -> bool:
    """Whether git ignores `path`: the last pattern that matches it, from the repository root's
    `.gitignore` down to its own folder's, decides (a `!pattern` re-includes)."""
    absolute = os.path.abspath(path)
    root = _repository(os.path.dirname(absolute))
    if root is None:
        return False
    decision = None
    for base, spec in _specs(os.path.dirname(absolute), root):
        rel = absolute[len(base.rstrip(os.sep)) + 1:].replace(os.sep, "/") + ("/" if is_dir else "")
        result = spec.check_file(rel)
        if result.include is not None:
            decision = result.include
    return bool(decision)


@lru_cache(maxsize=4096)
def _repository(folder: str) -> str | None:
    if os.path.exists(os.path.join(folder, ".git")):
        return folder
    parent = os.path.dirname(folder)
    return None if parent == folder else _repository(parent)


@lru_cache(maxsize=4096)
def _specs(folder: str, root: str) -> tuple[tuple[str, pathspec.GitIgnoreSpec], ...]:
    """The ignore files that apply in `folder`, outermost first."""
    above = () if folder == root else _specs(os.path.dirname(folder), root)
    files = [os.path.join(folder, ".gitignore")]
    if folder == root:
        files.insert(0, os.path.join(root, ".git", "info", "exclude"))
    own = []
    for name in files:
        try:
            with open(name, encoding="utf-8", errors="replace") as handle:
                own.append((folder, _spec(handle.read().splitlines())))
        except OSError:   # none there (the usual case), or unreadable: git would ignore it too
            continue
    return above + tuple(own)


def _spec(lines: list[str]) -> pathspec.GitIgnoreSpec:
    import pathspec   # late: see FileFilter
    return pathspec.GitIgnoreSpec.from_lines(lines)
