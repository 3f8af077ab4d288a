"""Pairwise checks (article and corpus scope): group claims by key, test pairs inside each group,
and report each disagreement once, from the side of the claim that disagrees with the most others.

Grouping by key first keeps the cost proportional to the sizes of the groups, not the corpus squared.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from claimcheck.model import Claim

Pair = tuple[Claim, Claim]


def groups(claims: Iterable[Claim], by_article: bool) -> list[list[Claim]]:
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.key is None:
            continue
        bucket = (claim.span.article, claim.key) if by_article else (claim.key,)
        buckets[bucket].append(claim)
    return [sorted(v, key=_order) for _, v in sorted(buckets.items()) if len(v) > 1]


def candidate_pairs(group: list[Claim], same_article: bool) -> Iterable[Pair]:
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            if (a.span.article == b.span.article) == same_article:
                yield a, b


def cover(edges: list[Pair]) -> list[tuple[Claim, list[Claim]]]:
    """Greedy edge cover: repeatedly take the claim in the most failing pairs as the subject of one
    finding that lists all its partners. One outlier against three agreeing articles is one
    finding, not three; a tie goes to the later claim."""
    remaining = list(edges)
    result = []
    while remaining:
        degree: dict[Claim, int] = defaultdict(int)
        for a, b in remaining:
            degree[a] += 1
            degree[b] += 1
        subject = max(degree, key=lambda c: (degree[c], _order(c)))
        partners = [b if a is subject else a for a, b in remaining if subject in (a, b)]
        remaining = [(a, b) for a, b in remaining if subject not in (a, b)]
        result.append((subject, sorted(partners, key=_order)))
    return result


def _order(claim: Claim) -> tuple:
    return claim.span.article, claim.span.start
