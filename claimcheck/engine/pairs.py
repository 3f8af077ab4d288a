"""Pairwise checks (article and corpus scope) at corpus scale.

Claims are grouped by key first: only claims about the same thing are compared. Inside a group,
claims that agree on every field the check reads ("value", "tense", "article.published", …) are
interchangeable, so they form one class and the check runs once per pair of classes, not once per
pair of claims: a thousand articles repeating "on Wednesday" cost one evaluation, not half a
million. Each disagreement is then reported once, from the side of the claims that disagree with
the most others (one outlier against three agreeing articles is one finding, not three).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Callable, Iterable

from claimcheck.expr import EvaluationError
from claimcheck.expr import runtime
from claimcheck.expr import types as T
from claimcheck.model import Claim

Holds = Callable[[Claim, Claim], "bool | None"]   # the check on an ordered pair; None: not applicable


def groups(claims: Iterable[Claim], by_article: bool,
           story: Callable[[Claim], str] | None = None,
           key: Callable[[Claim], str | None] = lambda c: c.key) -> list[list[Claim]]:
    """Claims that may be compared: same key (or what `key` gives: a twin), and same article
    (`by_article`) or same story (`story` gives a claim's story) when the check is scoped so."""
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        what = key(claim)
        if what is None:
            continue
        if by_article:
            bucket = (claim.span.article, what)
        elif story is not None:
            bucket = (story(claim), what)
        else:
            bucket = (what,)
        buckets[bucket].append(claim)
    return [sorted(v, key=order) for _, v in sorted(buckets.items()) if len(v) > 1]


def order(claim: Claim) -> tuple:
    return claim.span.article, claim.span.start


def signature(claim: Claim, fields: frozenset[str], env: dict) -> tuple:
    """What the check can see of a claim: equal signatures give equal results."""
    parts = []
    for name in sorted(fields):
        try:
            if name.startswith("article."):
                article = runtime.field_getter(T.CLAIM, "article")(claim, env)
                parts.append(runtime.field_getter(T.ARTICLE, name[8:])(article, env))
            elif name.startswith("fact."):
                parts.append(claim.key)
            else:
                parts.append(runtime.field_getter(T.CLAIM, name)(claim, env))
        except EvaluationError:
            parts.append(EvaluationError)
    return tuple(parts)


def conflicts(group: list[Claim], holds: Holds, fields: frozenset[str], env: dict,
              same_article: bool, limit: int | None = None) -> list[tuple[Claim, list[Claim], int]]:
    """(subject, the first `limit` partners, how many partners in all) for every claim reported
    as disagreeing, in corpus order."""
    classes: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in group:
        classes[signature(claim, fields, env)].append(claim)
    members = list(classes.values())
    edges = _failing_edges(members, holds)
    return _cover(members, edges, same_article, limit)


def _failing_edges(members: list[list[Claim]], holds: Holds) -> dict[int, dict[int, tuple[bool, bool]]]:
    """For each pair of classes (i, j): (pairs fail when the i-member comes first,
    pairs fail when the j-member comes first)."""
    edges: dict[int, dict[int, tuple[bool, bool]]] = defaultdict(dict)
    for i, ci in enumerate(members):
        for j in range(i, len(members)):
            cj = members[j]
            if i == j and len(ci) < 2:
                continue
            a, b = (ci[0], cj[0]) if i != j else (ci[0], ci[1])
            forward, backward = holds(a, b) is False, holds(b, a) is False
            if forward or backward:
                edges[i][j] = (forward, backward)
                edges[j][i] = (backward, forward)
    return edges


def _cover(members, edges, same_article: bool, limit: int | None):
    alive = set(range(len(members)))
    result = []
    while True:
        degree = {i: sum(len(members[j]) for j in edges.get(i, {}) if j in alive)
                  for i in alive if any(j in alive for j in edges.get(i, {}))}
        if not degree:
            break
        chosen = max(degree, key=lambda i: (degree[i], order(members[i][-1])))
        neighbours = {j: sides for j, sides in edges[chosen].items() if j in alive}
        if chosen not in neighbours and all(a == b for a, b in neighbours.values()):
            result.extend(_uniform(members, chosen, neighbours, same_article, limit))
        else:
            result.extend(_ordered(members, chosen, neighbours, same_article, limit))
        alive.discard(chosen)
    return sorted(result, key=lambda r: order(r[0]))


def _uniform(members, chosen, neighbours, same_article, limit):
    """Every member of the chosen class disagrees with every member of its neighbours, whatever
    their order: sort the partners once for the class, not once per member."""
    pool = sorted((o for j in neighbours for o in members[j]), key=order)
    per_article = Counter(o.span.article for o in pool)
    for subject in members[chosen]:
        own = per_article[subject.span.article]
        total = own if same_article else len(pool) - own
        if total == 0:
            continue
        shown = []
        for other in pool:
            if (other.span.article == subject.span.article) == same_article:
                shown.append(other)
                if limit is not None and len(shown) >= limit:
                    break
        yield subject, shown, total


def _ordered(members, chosen, neighbours, same_article, limit):
    """The general case: which pairs fail depends on which claim comes first."""
    for subject in members[chosen]:
        partners = [other for j, (first, second) in neighbours.items() for other in members[j]
                    if other is not subject
                    and (other.span.article == subject.span.article) == same_article
                    and (first if order(subject) < order(other) else second)
                    and (j != chosen or order(other) < order(subject))]
        if partners:
            partners.sort(key=order)
            yield subject, partners[:limit] if limit is not None else partners, len(partners)
