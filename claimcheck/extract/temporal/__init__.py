"""Temporal expressions: find them in a text and resolve each to a closed interval of days.

Explicit dates are parsed by dateparser; everything relative ("on Wednesday", "last Monday",
"over the weekend", "in July", "next year") is resolved against the publication date, in the
direction the sentence's tense points. Without a publication date relative expressions are left
unresolved (never resolved against today).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from claimcheck.extract.temporal import calendar_names, relative  # noqa: F401 (they register patterns)
from claimcheck.extract.temporal.patterns import PATTERNS, PREP


@dataclass(frozen=True)
class TimeExpression:
    start: int          # offsets within the text searched
    end: int
    text: str
    first: date
    last: date
    granularity: str


_LEADING_PREPOSITION = re.compile(rf"(?i:(?:{PREP}|early\s+in|late\s+in)\s+(?:the\s+month\s+of\s+)?)")


def _has_any(group: tuple[str, ...], text: str, lowered: str, seen: dict) -> bool:
    if group not in seen:
        seen[group] = any(needle in (text if needle[0].isupper() else lowered) for needle in group)
    return seen[group]


def find_time_expressions(text: str, ref: date | None,
                          direction_at: Callable[[int, int], str]) -> list[TimeExpression]:
    """All temporal expressions in `text`, longest first where they overlap.

    `direction_at(start, end)` tells the tense governing the expression at that place.
    """
    candidates = []
    lowered = text.lower()
    present: dict[tuple[str, ...], bool] = {}
    for order, p in enumerate(PATTERNS):
        if not all(_has_any(group, text, lowered, present) for group in p.needs):
            continue
        for m in p.regex.finditer(text):
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
            continue  # e.g. "next year" said in 9999: past the calendar's end, so not a claim
        if resolved is None:
            continue
        first, last, granularity = resolved
        found.append(TimeExpression(start, m.end(), text[start:m.end()], first, last, granularity))
        taken_until = m.end()
    return found
