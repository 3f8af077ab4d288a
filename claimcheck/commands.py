"""What each subcommand does, between parsing its flags (cli) and printing (reporters)."""

from __future__ import annotations

import json

import difflib

from claimcheck.cli import EXIT_FINDINGS, EXIT_OK, exit_code, rule_paths, use_color, warn, write
from claimcheck.engine import run_checks
from claimcheck.errors import UsageError
from claimcheck.examples import run_examples
from claimcheck.pipeline import Outcome, extract_corpus
from claimcheck.report import REPORTERS
from claimcheck.report.table import claims_table
from claimcheck.rules import load_pack
from claimcheck.rules.json_schema import rule_file_schema


def _show_warnings(warnings) -> None:
    for w in warnings:
        warn(str(w).replace(": error: ", ": warning: ", 1))


def cmd_check(args) -> int:
    pack = load_pack(rule_paths(args))
    articles, claims, warnings = extract_corpus(args.paths, pack)
    result = run_checks(pack, articles, claims)
    outcome = Outcome(articles, claims, result.findings, warnings, result.notes())
    _show_warnings(warnings)
    for note in outcome.notes:
        warn(f"claimcheck: note: {note}")
    write(REPORTERS[args.format](outcome.as_dict(args.fail_on, pack),
                                 use_color() and args.format == "text"))
    return exit_code(outcome.findings, args.fail_on)


def cmd_extract(args) -> int:
    pack = load_pack(rule_paths(args))
    articles, claims, warnings = extract_corpus(args.paths, pack)
    _show_warnings(warnings)
    if args.format == "jsonl":
        write("".join(json.dumps(c.as_dict(), ensure_ascii=False) + "\n" for c in claims))
    else:
        write(claims_table(claims))
    return EXIT_OK


def cmd_rules(args) -> int:
    if args.action == "schema":
        write(json.dumps(rule_file_schema(), indent=2) + "\n")
        return EXIT_OK
    pack = load_pack(rule_paths(args))
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
    untested = [c.id for c in pack.checks if not c.examples]
    for check_id in untested:
        warn(f"claimcheck: warning: check '{check_id}' has no examples")
    write(f"{len(results) - failed} passed, {failed} failed\n")
    return EXIT_FINDINGS if failed else EXIT_OK


def cmd_explain(args) -> int:
    pack = load_pack(rule_paths(args))
    check = pack.check(args.rule_id)
    if check is None:
        close = difflib.get_close_matches(args.rule_id, [c.id for c in pack.checks], n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise UsageError(f"no check with id '{args.rule_id}'{hint}")
    out = [f"{check.id}  ({check.severity}, {check.scope} scope, claim types: "
           f"{', '.join(check.claim_types)})", f"defined at {check.path}:{check.line}", "",
           check.description, ""]
    if check.where is not None:
        out.append(f"applies where: {check.where.source}")
    out += [f"asserts:       {check.assertion.source}", f"message:       {check.message_text}", ""]
    for expect in ("pass", "fail"):
        for example in (check.examples or {}).get(expect) or []:
            texts = example if isinstance(example, list) else [example]
            out.append(f"must {expect}:")
            out += [f"  - {t}" for t in texts]
    write("\n".join(out).rstrip() + "\n")
    return EXIT_OK

