"""Temporal expressions: find them in a text and resolve each to a closed interval of days.

Explicit dates are parsed by dateparser; everything relative ("on Wednesday", "last Monday",
"over the weekend", "in July", "next year") is resolved against the publication date, in the
direction the sentence's tense points. Without a publication date relative expressions are left
unresolved (never resolved against today).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from typing import Callable

from claimcheck.extract.scan import NeedleSet
from claimcheck.extract.temporal import calendar_names, compounds, holidays, numeric, ranges, relative, years  # noqa: F401 (they register patterns)
from claimcheck.extract.scan import lower
from claimcheck.extract.temporal.patterns import DIGITS, PATTERNS, PREP


@dataclass(frozen=True)
class TimeExpression:
    start: int          # offsets within the text searched
    end: int
    text: str
    first: date
    last: date
    granularity: str


_LEADING_PREPOSITION = re.compile(rf"(?i:(?:{PREP}|early\s+in|late\s+in)\s+(?:the\s+month\s+of\s+)?)")


_NEEDLES = {needle for p in PATTERNS for group in p.needs for needle in group} - set(DIGITS)
_AS_WRITTEN = NeedleSet(n for n in _NEEDLES if n[0].isupper())
_LOWER_CASE = NeedleSet(n for n in _NEEDLES if not n[0].isupper())
_DIGIT_RUN = re.compile(r"\d+")


def _needles_in(text: str, lowered: str) -> set[str]:
    """Which pattern needles occur in the text: capitalised ones as written, others in lower case."""
    present = _AS_WRITTEN.present(text) | _LOWER_CASE.present(lowered)
    if _DIGIT_RUN.search(text):
        present.update(DIGITS)
    return present


# Each distinct needle group is a bit; a needle sets the bits of the groups it is in, and a
# pattern needs the bits of all its groups: which patterns an article needs is then a few ORs.
_GROUPS = list(dict.fromkeys(group for p in PATTERNS for group in p.needs))
_GROUP_BITS: dict[str, int] = {}
for _bit, _group in enumerate(_GROUPS):
    for _needle in _group:
        _GROUP_BITS[_needle] = _GROUP_BITS.get(_needle, 0) | 1 << _bit
_NEEDS_BITS = [sum(1 << _GROUPS.index(group) for group in set(p.needs)) for p in PATTERNS]


def _active(present: set[str]) -> tuple[int, ...]:
    """The patterns whose every needle group has a needle in the text."""
    found = 0
    for needle in present:
        found |= _GROUP_BITS.get(needle, 0)
    return _active_for(found)


@lru_cache(maxsize=1024)
def _active_for(found: int) -> tuple[int, ...]:
    return tuple(i for i, needs in enumerate(_NEEDS_BITS) if needs & found == needs)


def _windows(text: str, lowered: str, group: tuple[str, ...], present: set[str],
             memo: dict, within: tuple[int, int]) -> list[tuple[int, int]]:
    """Merged spans of text around every occurrence of the group's needles, `within` characters
    before and after: a pattern only needs to run there, not over the whole article."""
    if (group, within) in memo:
        return memo[group, within]
    if group == DIGITS:
        hits = [(m.start(), m.end()) for m in _DIGIT_RUN.finditer(text)]
    else:
        hits = []
        for needle in present.intersection(group):
            haystack = text if needle[0].isupper() else lowered
            i = haystack.find(needle)
            while i != -1:
                hits.append((i, i + len(needle)))
                i = haystack.find(needle, i + 1)
        hits.sort()
    spans: list[tuple[int, int]] = []
    before, after = within
    for start, end in hits:
        lo, hi = max(0, start - before), min(len(text), end + after)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    memo[group, within] = spans
    return spans


def find_time_expressions(text: str, ref: date | None,
                          direction_at: Callable[[int, int], str]) -> list[TimeExpression]:
    """All temporal expressions in `text`, longest first where they overlap.

    `direction_at(start, end)` tells the tense governing the expression at that place.
    """
    candidates = []
    lowered = lower(text)
    present = _needles_in(text, lowered)
    memo: dict = {}
    seen: set[tuple[int, int, int]] = set()
    for order in _active(present):
        p = PATTERNS[order]
        haystack = lowered if p.lowered else text
        for lo, hi in _windows(text, lowered, p.needs[-1], present, memo, p.within):
            for m in p.regex.finditer(haystack, lo, hi):
                if (order, m.start(), m.end()) in seen:
                    continue
                seen.add((order, m.start(), m.end()))
                lead = _LEADING_PREPOSITION.match(m.group()) if p.strip_preposition else None
                start = m.start() + (lead.end() if lead else 0)
                candidates.append((start, -(m.end() - start), order, m, p.handler))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    found: list[TimeExpression] = []
    taken_until = -1
    for start, _, _, m, handler in candidates:
        if start < taken_until:
            continue
        try:
            resolved = handler(m, ref, direction_at(start, m.end()))
        except (ValueError, OverflowError):
            continue  # "2021-02-30", or "next year" said in 9999: not a date, so not a claim
        if resolved is None:
            continue
        first, last, granularity = resolved
        found.append(TimeExpression(start, m.end(), text[start:m.end()], first, last, granularity))
        taken_until = m.end()
    return found
