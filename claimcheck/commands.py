"""What each subcommand does, between parsing its flags (cli) and printing (reporters)."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from claimcheck.atomic import write_atomic
from claimcheck.baseline import read_baseline, write_baseline
from claimcheck.cache import CacheDamaged, ClaimCache
from claimcheck.changed import corpus_for_changed, touching
from claimcheck.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, use_color, warn, write
from claimcheck.config import Config, default_rules, discover as discover_config, load_config
from claimcheck.conventions import file_filter, read_stdin_if_named
from claimcheck.engine.confidence import DEFAULT_MIN_CONFIDENCE
from claimcheck.errors import UsageError, suggestion
from claimcheck.parallel import default_jobs
from claimcheck.pipeline import Outcome, check_corpus, extract_corpus
from claimcheck.printable import printable
from claimcheck.progress import Silent
from claimcheck.report import REPORTERS
from claimcheck.report.table import claims_table
from claimcheck.rules import RulePack
from claimcheck.rules.outline import load_outlined
from claimcheck.rules.pack import compared
from claimcheck.run_details import now, run_details
from claimcheck.selection import select_checks
from claimcheck.statistics import statistics
from claimcheck.strict import empty_pack_warnings, strict_failure

CACHE_FILE = ".claimcheck/cache.sqlite"
PACK_OUTLINES = ".claimcheck/packs"
DEFAULT_REPORTS = "reports"


def discover(args=None) -> Config:
    """The configuration --config names, or the one found from the working directory up."""
    path = getattr(args, "config", None)
    return load_config(path) if path else discover_config()


def _pack(args, config: Config, outlined: bool = False) -> RulePack:
    """`outlined`: the pack may be an outline (rules/outline.py) that loads itself when needed."""
    paths = getattr(args, "rules", None) or getattr(args, "dir", None) or list(config.rules) \
        or default_rules()
    if outlined and not args.no_cache:
        pack = load_outlined(paths, PACK_OUTLINES)
    else:
        from claimcheck.rules.loader import load_pack   # late: it loads lark and pint
        pack = load_pack(paths)
    try:
        pack = pack.configured(config.disable, config.severity, config.min_confidence)
    except KeyError as exc:
        raise UsageError(f"{exc.args[0]} (in 'disable' or 'severity')", config.path, 1, 1) from None
    return select_checks(pack, getattr(args, "select", None), getattr(args, "ignore", None))


def _paths(args, config: Config) -> list[str]:
    paths = args.paths or list(config.corpus)
    if not paths:
        raise UsageError("no articles given: name files or directories, or set 'corpus' in "
                         "claimcheck.yaml")
    read_stdin_if_named(args, paths)
    return paths


def _with_cache(args, pack: RulePack, work):
    """Run `work(cache)` with the claim cache open, or with None under --no-cache. A cache that
    cannot be opened or fails part-way (locked, damaged, disk full) is a warning: the work is
    done again without it."""
    cache = None
    if not args.no_cache:
        try:
            cache = ClaimCache(CACHE_FILE, pack.digest)
        except (OSError, sqlite3.Error) as exc:
            warn(f"{CACHE_FILE}:1:1: warning: claim cache unavailable ({exc}); extracting everything")
    try:
        return work(cache)
    except sqlite3.Error as exc:
        if cache is None:
            raise
        warn(f"{CACHE_FILE}:1:1: warning: claim cache failed ({exc}); extracting everything")
        if isinstance(exc, CacheDamaged):
            cache.forget_files()
        return work(None)
    finally:
        if cache is not None:
            cache.close()


def _progress(args) -> Silent:
    """The run's progress bar or timings (cli.main sets them up), or silence."""
    if getattr(args, "progress", None) is None:
        args.progress = Silent()
    return args.progress


def _run(args, config: Config, full: bool = False) -> tuple[RulePack, Outcome, str]:
    """`full`: the report shows every claim, not only the findings."""
    _progress(args).stage("loading rules")
    pack = _pack(args, config, outlined=not args.dask)   # the workers need a whole pack
    baseline_file = args.baseline or config.baseline
    known = None
    if baseline_file and not getattr(args, "write_baseline", None):
        if args.baseline or os.path.exists(baseline_file):
            known = read_baseline(baseline_file)
        else:  # named in the configuration, not written yet: nothing is accepted so far
            warn(f"{baseline_file}:1:1: warning: baseline not found (write it with "
                 f"'claimcheck check --write-baseline {baseline_file}'); every finding counts")
    if getattr(args, "changed", False):
        paths = corpus_for_changed(args.paths, list(config.corpus))
    else:
        paths = _paths(args, config)
    jobs = args.jobs or default_jobs()
    if args.dask:
        from claimcheck import dask_engine
        outcome = _with_cache(args, pack, lambda cache: dask_engine.check(
            args.dask, paths, pack, known, full, config.stories, _progress(args), cache))
    else:
        outcome = _with_cache(args, pack, lambda cache: check_corpus(
            paths, pack, known, jobs, cache, full, config.stories, file_filter(args), _progress(args)))
    _progress(args).close()
    if getattr(args, "changed", False):
        outcome.findings = touching(outcome.findings, args.paths, paths)
    outcome.warnings[:0] = empty_pack_warnings(pack)
    _warn_all(outcome.warnings)
    for note in outcome.notes if not args.quiet else ():
        warn(f"claimcheck: note: {note}")
    return pack, outcome, args.fail_on or config.fail_on or "error"


def _warn_all(warnings) -> None:
    """Problems the run went on past: printed as warnings, in the errors' one-line form."""
    for w in warnings:
        warn(str(w).replace(": error: ", ": warning: ", 1))


def _exit(outcome: Outcome, fail_on: str, args=None) -> int:
    if args is not None and args.strict:
        strict = strict_failure(outcome.warnings)
        if strict:
            warn(strict)
            return EXIT_ERROR
    return EXIT_FINDINGS if outcome.failing(fail_on) else EXIT_OK


def cmd_check(args) -> int:
    started = now()
    config = discover(args)
    full = args.format in ("html", "junit")  # they show every article, not only those with findings
    pack, outcome, fail_on = _run(args, config, full)
    if args.write_baseline:
        write_baseline(args.write_baseline, outcome.findings)
        warn(f"claimcheck: wrote {len(outcome.findings)} findings to the baseline {args.write_baseline}")
        return EXIT_OK
    color = use_color() and args.format == "text" and not args.output
    code = _exit(outcome, fail_on, args)
    data = outcome.as_dict(fail_on, pack, full=full)
    if args.format == "sarif":   # the run itself (times, command line): SARIF's invocations
        data["run"] = _details(args, config, pack, outcome, code, started)
    text = REPORTERS[args.format](data, color)
    if args.output:
        write_atomic(args.output, text)
    else:
        write(text)
    if args.statistics:
        for line in statistics(outcome, pack):
            warn(line)
    return code


def _details(args, config: Config, pack: RulePack, outcome: Outcome, code: int, started: str):
    paths = list(config.corpus) if getattr(args, "changed", False) else \
        args.paths or list(config.corpus)
    return run_details(args, paths, outcome.warnings, code, started,
                       [c.id for c in pack.checks], config.rule_docs)


def cmd_report(args) -> int:
    started = now()
    config = discover(args)
    pack, outcome, fail_on = _run(args, config, full=True)
    out = Path(args.output_dir or config.output_dir or DEFAULT_REPORTS)
    code = _exit(outcome, fail_on, args)
    full = outcome.as_dict(fail_on, pack, full=True)
    full["run"] = _details(args, config, pack, outcome, code, started)
    files = {"report.html": REPORTERS["html"](full), "findings.sarif": REPORTERS["sarif"](full),
             "findings.json": REPORTERS["json"](outcome.as_dict(fail_on, pack))}
    for name, text in files.items():
        write_atomic(out / name, text)
    if not args.quiet:
        write(printable(f"wrote {', '.join(str(out / n) for n in files)}") + "\n")
    if args.statistics:
        for line in statistics(outcome, pack):
            warn(line)
    return code


def cmd_extract(args) -> int:
    config = discover(args)
    _progress(args).stage("loading rules")
    pack = _pack(args, config)
    paths, jobs = _paths(args, config), args.jobs or default_jobs()

    def extract(cache):  # claims decoded here, where a damaged cache entry can still be redone
        extraction = extract_corpus(paths, pack, jobs, cache, file_filter(args), _progress(args))
        _progress(args).stage("grouping stories")
        return (extraction.claims.load(), extraction.warnings, extraction.stories(config.stories),
                extraction.articles)
    if args.dask:
        from claimcheck import dask_engine
        extraction = _with_cache(args, pack, lambda cache: dask_engine.extract(
            args.dask, paths, pack, _progress(args), cache))
        _progress(args).stage("grouping stories")
        claims, warnings = extraction.claims.load(), extraction.warnings
        stories, articles = extraction.stories(config.stories), extraction.articles
    else:
        claims, warnings, stories, articles = _with_cache(args, pack, extract)
    _progress(args).close()
    warnings[:0] = empty_pack_warnings(pack, need_checks=False)
    _warn_all(warnings)
    if args.format in ("csv", "parquet"):
        from claimcheck.report.claims_export import write_claim_rows   # late: it loads the API
        write_claim_rows(args.format, args.output, claims, articles, stories)
    elif args.format == "jsonl":
        _emit(args.output, "".join(json.dumps({**c.as_dict(), "story": stories.story(c.span.article)},
                                              ensure_ascii=False) + "\n" for c in claims))
    else:
        _emit(args.output, claims_table(claims))
    strict = strict_failure(warnings) if args.strict else None
    if strict:
        warn(strict)
        return EXIT_ERROR
    return EXIT_OK


def _emit(output: str | None, text: str) -> None:
    if output:
        write_atomic(output, text)
    else:
        write(text)


def cmd_rules(args) -> int:
    if args.action == "schema":
        from claimcheck.rules.json_schema import rule_file_schema
        write(json.dumps(rule_file_schema(), indent=2) + "\n")
        return EXIT_OK
    config = discover(args)
    pack = _pack(args, config)
    if args.action == "docs":
        from claimcheck.report.rule_links import DEFAULT_FOLDER
        from claimcheck.rules.docs import write_pages
        folder = args.output_dir or (config.rule_docs if config.rule_docs and "{id}" not in
                                     config.rule_docs else DEFAULT_FOLDER)
        written = write_pages(pack, folder, args.format)
        write(printable(f"wrote {len(written)} pages to {folder}") + "\n")
        return EXIT_OK
    if args.action in ("validate", "test"):
        _warn_all(empty_pack_warnings(pack))
    if args.action == "validate":
        write(f"ok: {len(pack.files)} files, {len(pack.vocabulary.claim_types)} claim types, "
              f"{len(pack.vocabulary.entities)} entities, {len(pack.facts)} facts, "
              f"{len(pack.checks)} checks\n")
        return EXIT_OK
    if args.action == "list":
        width = max((len(c.id) for c in pack.checks), default=0)
        write("".join(f"{c.id:<{width}}  {c.severity:<7}  {c.scope:<7}  {', '.join(c.claim_types)}\n"
                      for c in pack.checks))
        return EXIT_OK
    from claimcheck.examples import run_examples   # late: it loads the extractor and engine
    results = run_examples(pack)
    for r in results:
        status = "PASS" if r.ok else "FAIL"
        line = f"{status} {r.check} {r.expect} example {r.index}"
        write(line + ("" if r.ok else f"  ({r.path}:{r.line}: {r.detail})") + "\n")
    failed = sum(not r.ok for r in results)
    for check in pack.checks:
        if not check.examples:
            warn(f"{check.path}:{check.line}:1: warning: check '{check.id}' has no examples")
    write(f"{len(results) - failed} passed, {failed} failed\n")
    return EXIT_FINDINGS if failed else EXIT_OK


def cmd_explain(args) -> int:
    pack = _pack(args, discover(args))
    check = pack.check(args.rule_id)
    if check is None:
        hint = suggestion(args.rule_id, [c.id for c in pack.checks])
        raise UsageError(f"no check with id '{args.rule_id}'{hint}")
    out = [f"{check.id}  ({check.severity}, {check.scope} scope, claim types: "
           f"{', '.join(check.claim_types)})", f"defined at {check.path}:{check.line}", "",
           check.description, ""]
    if check.where is not None:
        out.append(f"applies where: {check.where.source}")
    out += [f"asserts:       {check.assertion.source}", f"message:       {check.message_text}"]
    if check.scope == "corpus":
        out.append(f"compares:      {compared(check)}")
    if check.scope != "claim":
        threshold = check.min_confidence if check.min_confidence is not None \
            else DEFAULT_MIN_CONFIDENCE
        out.append(f"lowered to info below confidence {threshold:g}")
    out.append("")
    from claimcheck.examples import explain_examples   # late: it loads the extractor and engine
    out += explain_examples(check)
    write("\n".join(out).rstrip() + "\n")
    return EXIT_OK
