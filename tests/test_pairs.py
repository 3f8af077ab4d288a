"""Class-level pairing gives exactly the claim-level answer: every failing pair is reported once,
and nothing else, whatever the orientation of the assertion."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from claimcheck.engine.pairs import conflicts, order
from claimcheck.model import Claim, DateValue, Span


def _claims(seed: int, n: int) -> list[Claim]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = date(2021, 12, 10) + timedelta(days=rng.randrange(4))
        span = Span(f"a{rng.randrange(n // 2 + 1):03d}.txt", i * 10, i * 10 + 5, 1, 1, "x")
        out.append(Claim("meeting_date", DateValue(day, day, "day"), span, "s", key="k",
                         tense=rng.choice(["past", "future"])))
    return sorted(out, key=order)


RULES = {
    "symmetric": lambda a, b: a.value.start == b.value.start,
    "asymmetric": lambda a, b: a.value.start <= b.value.start,
    "with where": lambda a, b: None if a.tense != b.tense else a.value.start == b.value.start,
}


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("seed", range(5))
def test_class_pairing_matches_brute_force(rule, seed):
    claims = _claims(seed, 40)
    holds = RULES[rule]
    expected = {(id(a), id(b)) for i, a in enumerate(claims) for b in claims[i + 1:]
                if a.span.article != b.span.article and holds(a, b) is False}
    reported = set()
    for subject, partners, total in conflicts(claims, holds, frozenset({"value", "tense"}), {}, False):
        assert total == len(partners)
        for partner in partners:
            pair = tuple(sorted((subject, partner), key=order))
            key = (id(pair[0]), id(pair[1]))
            assert key not in reported, "a pair reported twice"
            reported.add(key)
    assert reported == expected
