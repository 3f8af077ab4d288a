"""The command line: flags, files and exit codes live here and nowhere else.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 the run itself failed.
"""

from __future__ import annotations

import argparse
import os
import sys

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError
from claimcheck.model import SEVERITIES, severity_rank

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimcheck", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check a corpus against the rules")
    check.add_argument("paths", nargs="+", metavar="PATH", help="article files or directories")
    _rules_flag(check)
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--fail-on", choices=SEVERITIES, default="error",
                       help="exit 1 when a finding is at or above this severity (default: error)")

    extract = sub.add_parser("extract", help="print the claims extracted from articles")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    _rules_flag(extract)
    extract.add_argument("--format", choices=("jsonl", "table"), default="table")

    rules = sub.add_parser("rules", help="validate, test or list a rule pack")
    rules.add_argument("action", choices=("validate", "test", "list", "schema"),
                       help="validate: load and type-check; test: run every check's examples; "
                            "list: the checks; schema: print the JSON Schema of rule files")
    rules.add_argument("dir", nargs="*", default=None, metavar="DIR", help="rule files or directories")

    explain = sub.add_parser("explain", help="describe one check: what it finds, examples, severity")
    explain.add_argument("rule_id", metavar="RULE_ID")
    _rules_flag(explain)
    return parser


def _rules_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", action="append", metavar="DIR",
                        help="rule files or directories (repeatable; default: ./rules)")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except ClaimcheckError as exc:
        print(exc.with_context(), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
    except RecursionError:
        print("claimcheck: error: input nests too deeply to process", file=sys.stderr)
        return EXIT_ERROR


def _dispatch(args) -> int:
    from claimcheck import commands  # imported late: `--help` should not load pint and dateparser
    handler = getattr(commands, f"cmd_{args.command}")
    return handler(args)


def rule_paths(args) -> list[str]:
    given = getattr(args, "rules", None) or getattr(args, "dir", None)
    return given or ["rules"]


def write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def exit_code(findings, fail_on: str) -> int:
    threshold = severity_rank(fail_on)
    return EXIT_FINDINGS if any(severity_rank(f.severity) >= threshold for f in findings) else EXIT_OK


def warn(message: str) -> None:
    print(message, file=sys.stderr)

