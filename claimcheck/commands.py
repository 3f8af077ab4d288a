"""What each subcommand does, between parsing its flags (cli) and printing (reporters)."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from claimcheck.atomic import write_atomic
from claimcheck.baseline import read_baseline, write_baseline
from claimcheck.cache import CacheDamaged, ClaimCache
from claimcheck.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, use_color, warn, write
from claimcheck.config import Config, discover
from claimcheck.engine.confidence import DEFAULT_MIN_CONFIDENCE
from claimcheck.errors import UsageError, suggestion
from claimcheck.examples import run_examples
from claimcheck.parallel import default_jobs
from claimcheck.pipeline import Outcome, check_corpus, extract_corpus
from claimcheck.printable import printable
from claimcheck.progress import Silent
from claimcheck.report import REPORTERS
from claimcheck.report.table import claims_table
from claimcheck.rules import RulePack, load_pack
from claimcheck.rules.json_schema import rule_file_schema
from claimcheck.statistics import statistics
from claimcheck.strict import empty_pack_warnings, strict_failure

DEFAULT_RULES = "rules"
CACHE_FILE = ".claimcheck/cache.sqlite"
DEFAULT_REPORTS = "reports"


def _pack(args, config: Config) -> RulePack:
    paths = getattr(args, "rules", None) or getattr(args, "dir", None) or list(config.rules) \
        or [DEFAULT_RULES]
    pack = load_pack(paths)
    try:
        return pack.configured(config.disable, config.severity, config.min_confidence)
    except KeyError as exc:
        raise UsageError(f"{exc.args[0]} (in 'disable' or 'severity')", config.path, 1, 1) from None


def _paths(args, config: Config) -> list[str]:
    paths = args.paths or list(config.corpus)
    if not paths:
        raise UsageError("no articles given: name files or directories, or set 'corpus' in "
                         "claimcheck.yaml")
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
    pack = _pack(args, config)
    baseline_file = args.baseline or config.baseline
    known = None
    if baseline_file and not getattr(args, "write_baseline", None):
        if args.baseline or os.path.exists(baseline_file):
            known = read_baseline(baseline_file)
        else:  # named in the configuration, not written yet: nothing is accepted so far
            warn(f"{baseline_file}:1:1: warning: baseline not found (write it with "
                 f"'claimcheck check --write-baseline {baseline_file}'); every finding counts")
    paths, jobs = _paths(args, config), args.jobs or default_jobs()
    if args.dask:
        from claimcheck import dask_engine
        outcome = _with_cache(args, pack, lambda cache: dask_engine.check(
            args.dask, paths, pack, known, full, config.stories, _progress(args), cache))
    else:
        outcome = _with_cache(args, pack, lambda cache: check_corpus(
            paths, pack, known, jobs, cache, full, config.stories, _progress(args)))
    _progress(args).close()
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
    config = discover()
    full = args.format in ("html", "junit")  # they show every article, not only those with findings
    pack, outcome, fail_on = _run(args, config, full)
    if args.write_baseline:
        write_baseline(args.write_baseline, outcome.findings)
        warn(f"claimcheck: wrote {len(outcome.findings)} findings to the baseline {args.write_baseline}")
        return EXIT_OK
    color = use_color() and args.format == "text" and not args.output
    text = REPORTERS[args.format](outcome.as_dict(fail_on, pack, full=full), color)
    if args.output:
        write_atomic(args.output, text)
    else:
        write(text)
    if args.statistics:
        for line in statistics(outcome, pack):
            warn(line)
    return _exit(outcome, fail_on, args)


def cmd_report(args) -> int:
    config = discover()
    pack, outcome, fail_on = _run(args, config, full=True)
    out = Path(args.output_dir or config.output_dir or DEFAULT_REPORTS)
    full = outcome.as_dict(fail_on, pack, full=True)
    files = {"report.html": REPORTERS["html"](full), "findings.sarif": REPORTERS["sarif"](full),
             "findings.json": REPORTERS["json"](outcome.as_dict(fail_on, pack))}
    for name, text in files.items():
        write_atomic(out / name, text)
    if not args.quiet:
        write(printable(f"wrote {', '.join(str(out / n) for n in files)}") + "\n")
    if args.statistics:
        for line in statistics(outcome, pack):
            warn(line)
    return _exit(outcome, fail_on, args)


def cmd_extract(args) -> int:
    config = discover()
    _progress(args).stage("loading rules")
    pack = _pack(args, config)
    paths, jobs = _paths(args, config), args.jobs or default_jobs()

    def extract(cache):  # claims decoded here, where a damaged cache entry can still be redone
        extraction = extract_corpus(paths, pack, jobs, cache, _progress(args))
        _progress(args).stage("grouping stories")
        return extraction.claims.load(), extraction.warnings, extraction.stories(config.stories)
    if args.dask:
        from claimcheck import dask_engine
        extraction = _with_cache(args, pack, lambda cache: dask_engine.extract(
            args.dask, paths, pack, _progress(args), cache))
        _progress(args).stage("grouping stories")
        claims, warnings = extraction.claims.load(), extraction.warnings
        stories = extraction.stories(config.stories)
    else:
        claims, warnings, stories = _with_cache(args, pack, extract)
    _progress(args).close()
    warnings[:0] = empty_pack_warnings(pack, need_checks=False)
    _warn_all(warnings)
    if args.format == "jsonl":
        write("".join(json.dumps({**c.as_dict(), "story": stories.story(c.span.article)},
                                 ensure_ascii=False) + "\n" for c in claims))
    else:
        write(claims_table(claims))
    strict = strict_failure(warnings) if args.strict else None
    if strict:
        warn(strict)
        return EXIT_ERROR
    return EXIT_OK


def cmd_rules(args) -> int:
    if args.action == "schema":
        write(json.dumps(rule_file_schema(), indent=2) + "\n")
        return EXIT_OK
    pack = _pack(args, discover())
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
    pack = _pack(args, discover())
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
        out.append(f"compares:      claims of articles in one {check.within}")
    if check.scope != "claim":
        threshold = check.min_confidence if check.min_confidence is not None \
            else DEFAULT_MIN_CONFIDENCE
        out.append(f"lowered to info below confidence {threshold:g}")
    out.append("")
    for expect in ("pass", "fail"):
        for example in (check.examples or {}).get(expect) or []:
            texts = example if isinstance(example, list) else [example]
            out.append(f"must {expect}:")
            out += [f"  - {t}" for t in texts]
    write("\n".join(out).rstrip() + "\n")
    return EXIT_OK
