"""The command-line conventions of linters (ruff, flake8, Vale): `-` for standard input,
`--exclude`, .gitignore, `--select`/`--ignore` and `--config`. Their flags are declared here and
read by commands.py, so the parser in cli.py only calls `add_*`."""

from __future__ import annotations

import argparse
from datetime import date

from claimcheck.errors import UsageError


def add_config_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE",
                        help="read settings from FILE (claimcheck.yaml, or a pyproject.toml with "
                             "[tool.claimcheck]) instead of looking for one from here upwards")


def add_input_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--exclude", action="append", metavar="GLOB", default=[],
                        help="do not read files matching GLOB (gitignore syntax; repeatable)")
    parser.add_argument("--no-gitignore", action="store_true",
                        help="read files that .gitignore names too")
    parser.add_argument("--published", metavar="DATE", type=_date,
                        help="the publication date of the article read from standard input "
                             "('-') when it has no date line")
    add_config_flag(parser)


def add_changed_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--changed", action="store_true",
                        help="the PATHs are changed files (as pre-commit passes them): check the "
                             "configured corpus and report only findings that touch them")


def add_selection_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--select", action="append", metavar="RULE",
                        help="run only these checks (ids or globs, comma-separated; repeatable)")
    parser.add_argument("--ignore", action="append", metavar="RULE",
                        help="do not run these checks (ids or globs, comma-separated; repeatable)")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, found {text!r}") from None


def file_filter(args):
    """What not to read, from the flags (none for commands without them)."""
    from claimcheck.corpus.ignore import FileFilter
    return FileFilter(getattr(args, "exclude", None) or (),
                      gitignore=not getattr(args, "no_gitignore", False))


def read_stdin_if_named(args, paths: list[str]) -> None:
    """Standard input is read before the run when `-` is among the paths."""
    from claimcheck.corpus import stdin
    if stdin.STDIN in paths:
        stdin.capture(getattr(args, "published", None))
    elif getattr(args, "published", None):
        raise UsageError("--published dates the article read from standard input: give '-' "
                         "among the paths")
