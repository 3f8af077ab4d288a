"""What the checks did not see: claims by type with and without a key, and per check how many
claims it applied to, how many pairs it compared and which claims it left out, and why.

A plain dict, so that the results cache stores it with the findings and the summary of a warm
run is the one of a cold run."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from claimcheck.model import Article, Claim
from claimcheck.stories import Stories

NO_KEY = "no key"
NO_TWIN = "sentence too short to match a copy"
NO_DATE = "no publication date"
NO_FACT = "no reference fact"
NOT_CURRENT = "reference fact not current at publication"
ALONE = "no other claim with its key"
ALONE_IN_STORY = "no other claim with its key in its story"
ALONE_IN_ARTICLE = "no other claim with its key in its article"
ONLY_ITS_ARTICLE = "no claim with its key in another article"


def claims_by_type(claims: Sequence[Claim]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for claim in claims:
        entry = out.setdefault(claim.claim_type, {"claims": 0, "with_key": 0, "without_key": 0})
        entry["claims"] += 1
        entry["with_key" if claim.key is not None else "without_key"] += 1
    return dict(sorted(out.items()))


def stories_summary(stories: Stories) -> dict[str, int]:
    sizes = stories.sizes()
    return {"stories": len(sizes),
            "articles_sharing_a_story": sum(n for n in sizes.values() if n > 1),
            "largest": max(sizes.values(), default=0)}


def has_current_fact(claim: Claim, facts: dict) -> bool:
    fact = facts.get(claim.key) if claim.key else None
    return fact is not None and fact.current_on(claim.published)


def claim_check(claims: Sequence[Claim], uses_fact: bool, facts: dict) -> dict:
    left_out = Counter(NO_FACT if c.key not in facts else NOT_CURRENT for c in claims
                       if uses_fact and not has_current_fact(c, facts))
    return {"claims": len(claims), "pairs": 0, "left_out": dict(sorted(left_out.items()))}


def pair_check(claims: Sequence[Claim], groups: list[list[Claim]], same_article: bool,
               story: Callable[[Claim], str] | None, articles: dict[str, Article],
               reads_date: bool, key: Callable[[Claim], str | None] = lambda c: c.key,
               no_key: str = NO_KEY) -> dict:
    """`groups`: the buckets the check compared; `story`: a claim's story, when the check
    compares only within one; `key`: what groups claims (their key, or their twin)."""
    left_out: Counter[str] = Counter()
    compared = {id(c) for g in groups if same_article or _spans_articles(g) for c in g}
    grouped = {id(c) for g in groups for c in g}
    by_key: dict[str, int] = defaultdict(int)
    for claim in claims:
        if key(claim) is not None:
            by_key[key(claim)] += 1
    for claim in claims:
        article = articles.get(claim.span.article)
        if key(claim) is None:
            left_out[no_key] += 1
        elif reads_date and article is not None and article.published is None:
            left_out[NO_DATE] += 1
        elif id(claim) in grouped and id(claim) not in compared:
            left_out[ONLY_ITS_ARTICLE] += 1
        elif id(claim) not in compared:
            left_out[ALONE_IN_ARTICLE if same_article else
                     ALONE_IN_STORY if story is not None and by_key[key(claim)] > 1 else ALONE] += 1
    return {"claims": len(claims), "pairs": sum(_pairs(g, same_article) for g in groups),
            "left_out": dict(sorted(left_out.items()))}


def _spans_articles(group: list[Claim]) -> bool:
    """Whether a group holds claims of more than one article (asked once per group: asked per
    claim, it made coverage quadratic in the size of a big story's group)."""
    if not group:
        return False
    first = group[0].span.article
    return any(c.span.article != first for c in group)


def _pairs(group: list[Claim], same_article: bool) -> int:
    """Pairs the check looks at in a group: within one article, or across two."""
    n = len(group)
    if same_article:
        return n * (n - 1) // 2
    per_article = Counter(c.span.article for c in group)
    return n * (n - 1) // 2 - sum(m * (m - 1) // 2 for m in per_article.values())
