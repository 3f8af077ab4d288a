"""Evaluate checks by scope: each claim, pairs within an article, pairs across the corpus (within
one story, unless a check says `within: corpus`)."""

from __future__ import annotations

from collections import defaultdict

from claimcheck import stories as story_grouping
from claimcheck.engine import coverage
from claimcheck.engine.confidence import DEFAULT_MIN_CONFIDENCE, confidence
from claimcheck.engine.fingerprint import fingerprint
from claimcheck.engine.pairs import conflicts, groups
from claimcheck.engine.result import EngineResult
from claimcheck.expr import EvaluationError
from claimcheck.expr.runtime import story_of
from claimcheck.model import Article, Claim, Finding, Location
from claimcheck.rules import Check, RulePack
from claimcheck.stories import Stories


def run_checks(pack: RulePack, articles: list[Article], claims: list[Claim],
               only: set[str] | None = None, stories: Stories | None = None) -> EngineResult:
    """`stories`: the corpus's stories; without them they are grouped here, from the articles'
    text (which articles restored from the cache do not have)."""
    if stories is None:
        stories = story_grouping.of_articles(articles, pack.vocabulary)
    result = EngineResult(stories=dict(stories.of))
    env_base = {"facts": pack.facts, "articles": {a.id: a for a in articles}, "stories": stories}
    by_type: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_type[claim.claim_type].append(claim)
    checks = {}
    for check in pack.checks:
        if only is not None and check.id not in only:
            continue
        applicable = [c for t in check.claim_types for c in by_type.get(t, ())]
        if check.scope == "claim":
            _claim_scope(check, applicable, env_base, result)
            checks[check.id] = coverage.claim_check(applicable, check.uses_fact, pack.facts)
        else:
            checks[check.id] = _pair_scope(check, applicable, env_base, result)
        checks[check.id] = {"scope": check.scope, **({"within": check.within}
                            if check.scope == "corpus" else {}), **checks[check.id]}
    result.coverage = {"claims_by_type": coverage.claims_by_type(claims),
                       "stories": coverage.stories_summary(stories), "checks": checks}
    result.findings = without_repeated_twins(result.findings, pack)
    result.findings.sort(key=lambda f: (f.locations[0].article, f.locations[0].start, f.rule))
    return result


def without_repeated_twins(findings: list[Finding], pack: RulePack) -> list[Finding]:
    """A twin finding says again what a check by key already said of the same claims (the copies
    share a key too): only the keyed finding is kept."""
    twin_rules = {c.id for c in pack.checks if c.compare_by == "twin"}
    said = set()
    for f in findings:
        if f.rule not in twin_rules:
            spans = {(loc.article, loc.start) for loc in f.locations}
            said.update((a, b) for a in spans for b in spans if a != b)
    return [f for f in findings if f.rule not in twin_rules or not _said(f, said)]


def _said(finding: Finding, said: set) -> bool:
    first, *others = [(loc.article, loc.start) for loc in finding.locations]
    return all((first, other) in said for other in others)


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
        if check.uses_fact and not coverage.has_current_fact(claim, env_base["facts"]):
            continue
        env = {**env_base, "claim": claim}
        if _holds(check, env, result) is False:
            result.findings.append(Finding(check.id, check.severity, check.scope, check.message(env),
                                           (Location.of(claim, story_of(claim, env_base)),),
                                           (claim,), fingerprint(check.id, claim)))


MAX_PARTNERS = 10   # a finding lists this many of the claims it disagrees with, and counts the rest


def _explained(subject: Claim, partner: Claim, by_article: dict[str, list[Claim]], holds) -> bool:
    """Whether two claims of one key disagree because they are about two things: each article
    also has a claim that agrees with the other's, or one of them has, told apart from its own
    claim ("following their September 9 call, they will meet on Monday" beside
    a report of Monday's meeting). An article that names both is the evidence that both exist."""
    def agree(x: Claim, y: Claim) -> bool:
        forward, backward = holds(x, y), holds(y, x)
        return forward is not False and backward is not False and bool(forward or backward)

    def apart(x: Claim, y: Claim) -> bool:
        """Two claims of one article told as two things: in other tenses ("following their
        call on September 9, they will meet on Monday"), or side by side in one sentence
        ("Vodafone launched in November, Orange followed in early December"). A headline's
        figure against the body's, or "Tuesday, December 8", is the article disagreeing with
        itself."""
        if x.sentence == y.sentence and x.span.start != y.span.start:
            return True
        return x.tense != y.tense and "unknown" not in (x.tense, y.tense)
    if _matched(subject, partner, by_article, agree) or _matched(partner, subject, by_article, agree):
        return True
    partner_says = [other for other in by_article[partner.span.article]
                    if other is not partner and agree(subject, other)]
    subject_says = [other for other in by_article[subject.span.article]
                    if other is not subject and agree(other, partner)]
    if partner_says and subject_says:
        return True     # both articles name both: two meetings, not two outlets at odds
    return (any(apart(other, partner) for other in partner_says)
            or any(apart(other, subject) for other in subject_says))


def _matched(claim: Claim, other: Claim, by_article: dict[str, list[Claim]], agree) -> bool:
    """Whether `claim` has its own copy in `other`'s article (the same sentence, the same place
    in it, the same day: a republished wire story) and agrees with it: then it is that claim's
    counterpart, not `other`, that it must be compared with."""
    return claim.twin is not None and any(
        c.twin == claim.twin and agree(claim, c) for c in by_article[other.span.article] if c is not other)


def _pair_scope(check: Check, claims: list[Claim], env_base: dict, result: EngineResult) -> dict:
    same_article = check.scope == "article"
    stories = env_base["stories"]
    fields = check.assertion.fields | (check.where.fields if check.where else frozenset())

    def holds(a: Claim, b: Claim) -> bool | None:
        return _holds(check, {**env_base, "a": a, "b": b}, result)

    def story(claim: Claim) -> str:
        return story_of(claim, env_base)

    by_story = story if check.scope == "corpus" and check.within == "story" else None
    key = _twin if check.compare_by == "twin" else _key
    compared = groups(claims, by_article=same_article, story=by_story, key=key)
    for group in compared:
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in group:
            by_article[claim.span.article].append(claim)
        crowded = {a for a, cs in by_article.items() if len(cs) > 1}   # articles _explained reads
        for subject, partners, _ in conflicts(group, holds, fields, env_base, same_article, None):
            if not same_article:
                if subject.span.article in crowded:
                    partners = [p for p in partners if not _explained(subject, p, by_article, holds)]
                else:   # only the partner's article can explain: skip the lone ones here
                    partners = [p for p in partners if p.span.article not in crowded
                                or not _explained(subject, p, by_article, holds)]
                if not partners:
                    continue
            shown, total = partners[:MAX_PARTNERS], len(partners)
            env = {**env_base, "a": shown[0], "b": subject}
            message = check.message(env)
            if total > 1:
                message += f" (and {total - 1} more)"
            score, reason = max((confidence(subject, other, stories) for other in shown),
                                key=lambda sr: sr[0])
            severity, lowered = check.severity, None
            threshold = check.min_confidence if check.min_confidence is not None \
                else DEFAULT_MIN_CONFIDENCE
            if score < threshold and severity != "info":
                severity, lowered = "info", check.severity
            result.findings.append(Finding(
                check.id, severity, check.scope, message,
                tuple(Location.of(c, story(c)) for c in (subject, *shown)), (subject, *shown),
                fingerprint(check.id, subject), score, reason, lowered))
    return coverage.pair_check(claims, compared, same_article, by_story, env_base["articles"],
                               "article.published" in fields, key,
                               coverage.NO_TWIN if key is _twin else coverage.NO_KEY)


def _key(claim: Claim) -> str | None:
    return claim.key


def _twin(claim: Claim) -> str | None:
    return claim.twin
