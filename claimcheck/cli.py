"""The command line: flags, files and exit codes live here and nowhere else.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 the run itself failed.
"""

from __future__ import annotations

import argparse
import errno
import gc
import io
import os
import sys

from claimcheck import __version__
from claimcheck.conventions import (add_changed_flag, add_config_flag, add_input_flags,
                                    add_selection_flags)
from claimcheck.errors import ClaimcheckError
from claimcheck.printable import printable
from claimcheck.model import SEVERITIES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "json", "sarif", "junit", "github", "markdown", "html")


class _Parser(argparse.ArgumentParser):
    """argparse, but its errors are the one-line form every other error has."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(EXIT_ERROR, printable(f"claimcheck: error: {message} (see '{self.prog} --help')")
                  + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimcheck", description="Check the numeric and temporal claims of a "
                     "news corpus against YAML rules.")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_Parser)

    check = sub.add_parser("check", help="check a corpus against the rules (the CI gate)")
    _corpus_flags(check)
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("-o", "--output", metavar="FILE",
                       help="write the report to FILE (atomically) instead of standard output")
    check.add_argument("--write-baseline", metavar="FILE",
                       help="record today's findings as accepted, then exit 0")
    add_changed_flag(check)
    _statistics_flag(check)

    report = sub.add_parser("report", help="write an HTML report, findings.json and findings.sarif")
    _corpus_flags(report)
    report.add_argument("-o", "--output-dir", metavar="DIR",
                        help="where to write (default: reports/, or output_dir in the config)")
    _statistics_flag(report)

    extract = sub.add_parser("extract", help="print the claims extracted from articles")
    extract.add_argument("paths", nargs="*", metavar="PATH",
                         help="article files or directories; '-' reads one from standard input")
    _rules_flag(extract)
    _speed_flags(extract)
    add_input_flags(extract)
    extract.add_argument("--format", choices=("jsonl", "table", "csv", "parquet"), default="table",
                         help="csv and parquet: one row per claim (parquet needs "
                              "claimcheck[parquet])")
    extract.add_argument("-o", "--output", metavar="FILE",
                         help="write to FILE (atomically) instead of standard output")

    rules = sub.add_parser("rules", help="validate, test, list a rule pack, or print its schema")
    rules.add_argument("action", choices=("validate", "test", "list", "schema", "docs"),
                       help="validate: load and type-check; test: run every check's examples; "
                            "list: the checks; schema: print the JSON Schema of rule files; "
                            "docs: write a page per check (what SARIF's helpUri links to)")
    rules.add_argument("dir", nargs="*", metavar="DIR", help="rule files or directories")
    rules.add_argument("-o", "--output-dir", metavar="DIR",
                       help="docs: where to write (default: rule_docs in the config, or docs/rules)")
    rules.add_argument("--format", choices=("markdown", "html"), default="markdown",
                       help="docs: Markdown (read on GitHub) or HTML pages")
    add_config_flag(rules)

    explain = sub.add_parser("explain", help="describe one check: what it finds, examples, severity")
    explain.add_argument("rule_id", metavar="RULE_ID")
    _rules_flag(explain)
    add_config_flag(explain)
    return parser


def _corpus_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article files or directories (default: corpus in the config); "
                             "'-' reads one article from standard input")
    _rules_flag(parser)
    _speed_flags(parser)
    add_input_flags(parser)
    add_selection_flags(parser)
    parser.add_argument("--fail-on", choices=SEVERITIES,
                        help="exit 1 when a finding is at or above this severity (default: error)")
    parser.add_argument("--baseline", metavar="FILE",
                        help="ignore findings recorded in FILE (see --write-baseline)")


def _speed_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true",
                        help="exit 2 when any input was skipped (an unreadable file or folder, a "
                             "bad record, an article over its budget, no articles, no checks)")
    parser.add_argument("-j", "--jobs", type=_positive, metavar="N",
                        help="extract with N processes (default: the cores other processes leave free)")
    parser.add_argument("--no-cache", action="store_true",
                        help="do not read or write the claim cache in .claimcheck/")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="run on a Dask cluster: a scheduler's address (tcp://HOST:PORT), "
                             "or local[:N] for N local worker processes (needs claimcheck[dask])")
    talk = parser.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true",
                      help="no progress bar, notes or status lines: only the output, warnings "
                           "and errors")
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="print each stage of the run with its count and duration")


def _statistics_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--statistics", action="store_true",
                        help="print, on standard error, the findings of each check by severity "
                             "and the claims and pairs it compared")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _rules_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", action="append", metavar="DIR",
                        help="rule files or directories (repeatable; default: ./rules)")


def main(argv: list[str] | None = None) -> int:
    _tolerant_streams()
    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)   # for reports that record the run
    # A run builds hundreds of thousands of small objects and almost no reference cycles: with
    # the default thresholds, the collector rescans them all again and again.
    gc.set_threshold(100_000, 50, 100)
    if hasattr(args, "quiet"):   # a bar before the heavy imports: a cold run shows it at once
        from claimcheck.progress import for_run
        args.progress = for_run(args.quiet, args.verbose)
    try:
        from claimcheck import commands  # late: `--help` should not load pint and dateparser
        try:
            return getattr(commands, f"cmd_{args.command}")(args)
        finally:
            if hasattr(args, "progress"):
                args.progress.close()
    except ClaimcheckError as exc:
        print(exc.with_context(), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader of standard output went away (`claimcheck … | head`)
        _quiet_stdout()
        print("claimcheck: error: cannot write to standard output: Broken pipe (its reader "
              "closed it)", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
    except RecursionError:
        print("claimcheck: error: input nests too deeply to process", file=sys.stderr)
        return EXIT_ERROR
    except MemoryError:
        print("claimcheck: error: out of memory", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 2
        print(printable(f"claimcheck: internal error: {type(exc).__name__}: {exc} (please "
                        "report this; set CLAIMCHECK_DEBUG=1 for a traceback)"), file=sys.stderr)
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        return EXIT_ERROR


class _Closed(io.TextIOBase):
    """Standard output closed before the run (`>&-`): writing to it is a one-line error."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it was closed before the run")


def _tolerant_streams() -> None:
    """A closed standard error is a sink (a warning must never land in standard output, which
    print() falls back to); a closed standard output fails where it is written to. A terminal
    or a pipe whose encoding cannot show a character ("│", "é" under PYTHONIOENCODING=ascii)
    gets an escape for it instead of failing the run."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        sys.stdout = _Closed()
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _quiet_stdout() -> None:
    """After a closed pipe or a full disk, keep Python from complaining again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def write(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:  # a full disk (ENOSPC), an I/O error: the run's output is lost
        _quiet_stdout()
        raise ClaimcheckError(f"cannot write to standard output: {exc.strerror or exc}") from None


def warn(message: str) -> None:
    print(printable(message), file=sys.stderr)
