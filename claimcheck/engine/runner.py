"""Evaluate checks by scope: each claim, pairs within an article, pairs across the corpus (within
one story, unless a check says `within: corpus`)."""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from claimcheck import stories as story_grouping
from claimcheck.engine import coverage
from claimcheck.engine.confidence import DEFAULT_MIN_CONFIDENCE, confidence
from claimcheck.engine.fingerprint import fingerprint
from claimcheck.engine.pairs import conflicts, groups, signature
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


class _Explanations:
    """Whether two claims of one key, in two articles, disagree because they are about two
    things. Built per key group. An article's claims are read as classes of equal signatures
    (what the check can see of them: equal signatures give equal results), so an article
    repeating one claim a thousand times costs one comparison, not a thousand per pair."""

    def __init__(self, by_article: dict[str, list[Claim]], holds, sign: Callable[[Claim], tuple]):
        self.holds = holds
        self._agrees: dict[tuple[tuple, tuple], bool] = {}
        self._signs = {id(claim): sign(claim) for claims in by_article.values() for claim in claims}
        self.classes: dict[str, list[_Class]] = {}
        for article, claims in by_article.items():
            by_sign: dict[tuple, _Class] = {}
            for claim in claims:
                signed = self._signs[id(claim)]
                by_sign.setdefault(signed, _Class(signed, claim)).add(claim)
            self.classes[article] = list(by_sign.values())

    def __call__(self, subject: Claim, partner: Claim) -> bool:
        """A claim that agrees with its own copy in the other article is that copy's
        counterpart (a republished wire story); each article naming a claim that agrees with
        the other's is two events, not two outlets at odds; and one article telling both apart
        ("following their September 9 call, they will meet on Monday" beside a report of
        Monday's meeting) is the evidence that both exist."""
        like_subject = [c for c in self.classes[partner.span.article] if self._agree(subject, c.example)]
        like_partner = [c for c in self.classes[subject.span.article] if self._agree(c.example, partner)]
        if any(subject.twin in c.twins for c in like_subject) or \
                any(partner.twin in c.twins for c in like_partner):
            return True
        if like_subject and like_partner:
            return True
        return (any(c.apart_from(partner, self._signs[id(partner)]) for c in like_subject)
                or any(c.apart_from(subject, self._signs[id(subject)]) for c in like_partner))

    def _agree(self, x: Claim, y: Claim) -> bool:
        """Whether the check holds both ways between x and y, once per pair of signatures."""
        key = (self._signs[id(x)], self._signs[id(y)])
        if key not in self._agrees:
            forward, backward = self.holds(x, y), self.holds(y, x)
            self._agrees[key] = forward is not False and backward is not False and bool(forward or backward)
        return self._agrees[key]


class _Class:
    """Claims of one article with one signature, as `_Explanations` reads them."""

    def __init__(self, sign: tuple, example: Claim):
        self.sign, self.example = sign, example
        self.twins: set[str] = set()
        self.tenses: set[str] = set()
        self.sentences: dict[tuple[str, int], int] = defaultdict(int)

    def add(self, claim: Claim) -> None:
        if claim.twin is not None:
            self.twins.add(claim.twin)
        if claim.tense != "unknown":
            self.tenses.add(claim.tense)
        self.sentences[_sentence_of(claim)] += 1

    def apart_from(self, claim: Claim, sign: tuple) -> bool:
        """Whether one of these claims is told as another thing than `claim`, of the same
        article: in another tense ("following their call on September 9, they will meet on
        Monday"), or beside it in one sentence ("Vodafone launched in November, Orange followed
        in early December"). A headline's figure against the body's, or "Tuesday, December 8",
        is the article disagreeing with itself."""
        if claim.tense != "unknown" and self.tenses - {claim.tense}:
            return True
        beside = self.sentences.get(_sentence_of(claim), 0) - (sign == self.sign)
        return beside > 0


def _sentence_of(claim: Claim) -> tuple[str, int]:
    """Which sentence of its article a claim is in: its text and where it starts."""
    at = claim.sentence.find(claim.span.text)
    return claim.sentence, claim.span.start - max(at, 0)


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
        crowded = {a for a, cs in by_article.items() if len(cs) > 1}   # articles explained reads
        explained = None if same_article else \
            _Explanations(by_article, holds, lambda c: signature(c, fields, env_base))
        for subject, partners, _ in conflicts(group, holds, fields, env_base, same_article, None):
            if not same_article:
                if subject.span.article in crowded:
                    partners = [p for p in partners if not explained(subject, p)]
                else:   # only the partner's article can explain: skip the lone ones here
                    partners = [p for p in partners if p.span.article not in crowded
                                or not explained(subject, p)]
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
