"""Evaluate checks by scope: each claim, pairs within an article, pairs across the corpus."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from claimcheck.engine.fingerprint import fingerprint
from claimcheck.engine.pairs import conflicts, groups
from claimcheck.expr import EvaluationError
from claimcheck.model import Article, Claim, Finding, Location
from claimcheck.rules import Check, RulePack


@dataclass
class EngineResult:
    findings: list[Finding] = field(default_factory=list)
    skipped: dict[str, tuple[int, str]] = field(default_factory=dict)  # rule → (count, first reason)

    def notes(self) -> list[str]:
        return [f"{rule}: not applied to {count} claim(s) it could not evaluate ({reason})"
                for rule, (count, reason) in sorted(self.skipped.items())]


def run_checks(pack: RulePack, articles: list[Article], claims: list[Claim],
               only: set[str] | None = None) -> EngineResult:
    result = EngineResult()
    env_base = {"facts": pack.facts, "articles": {a.id: a for a in articles}}
    by_type: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_type[claim.claim_type].append(claim)
    for check in pack.checks:
        if only is not None and check.id not in only:
            continue
        applicable = [c for t in check.claim_types for c in by_type.get(t, ())]
        if check.scope == "claim":
            _claim_scope(check, applicable, env_base, result)
        else:
            _pair_scope(check, applicable, env_base, result)
    result.findings.sort(key=lambda f: (f.locations[0].article, f.locations[0].start, f.rule))
    return result


def _holds(check: Check, env: dict, result: EngineResult) -> bool | None:
    """True or False for the assertion, None where the check does not apply."""
    try:
        if check.where is not None and not check.where(env):
            return None
        return bool(check.assertion(env))
    except EvaluationError as exc:
        count, reason = result.skipped.get(check.id, (0, str(exc)))
        result.skipped[check.id] = (count + 1, reason)
        return None


def _claim_scope(check: Check, claims: list[Claim], env_base: dict, result: EngineResult) -> None:
    for claim in claims:
        if check.uses_fact and claim.key not in env_base["facts"]:
            continue
        env = {**env_base, "claim": claim}
        if _holds(check, env, result) is False:
            result.findings.append(Finding(check.id, check.severity, check.scope, check.message(env),
                                           (Location.of(claim),), (claim,),
                                           fingerprint(check.id, claim)))


MAX_PARTNERS = 10   # a finding lists this many of the claims it disagrees with, and counts the rest


def _pair_scope(check: Check, claims: list[Claim], env_base: dict, result: EngineResult) -> None:
    same_article = check.scope == "article"
    fields = check.assertion.fields | (check.where.fields if check.where else frozenset())

    def holds(a: Claim, b: Claim) -> bool | None:
        return _holds(check, {**env_base, "a": a, "b": b}, result)

    for group in groups(claims, by_article=same_article):
        for subject, shown, total in conflicts(group, holds, fields, env_base, same_article,
                                               MAX_PARTNERS):
            env = {**env_base, "a": shown[0], "b": subject}
            message = check.message(env)
            if total > 1:
                message += f" (and {total - 1} more)"
            result.findings.append(Finding(
                check.id, check.severity, check.scope, message,
                tuple(Location.of(c) for c in (subject, *shown)), (subject, *shown),
                fingerprint(check.id, subject)))
