"""Which mentions overlap spans already taken, in n log n: testing each mention against every
taken span costs the product of their numbers, which a long claim-dense article makes huge."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate


class Taken:
    """Spans (start, end), half-open, asked whether a span overlaps any of them."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        # spans starting before `end` overlap when the furthest of their ends passes `start`
        count = bisect_left(self._starts, end)
        return count > 0 and self._reach[count - 1] > start


def free(mentions, taken_spans) -> list:
    """The mentions that overlap none of `taken_spans`."""
    taken = Taken(taken_spans)
    return [m for m in mentions if not taken.overlaps(m.start, m.end)]
