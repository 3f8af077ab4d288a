"""`x differs from y by more than t`: even the closest readings of the two figures are further
apart than t.

Each figure is an interval (its precision as written, "at least 30" open above), so the
difference that counts is the gap between the intervals: none when they overlap. With a
percentage, the gap is measured against the smaller figure at its ends, as a newsroom says
"120,000 is 20% more than 100,000": the larger must exceed the smaller by more than t of the
smaller, in whichever order the two are written. With a quantity or a duration, the gap itself
must exceed it. So "at least 30" differs from 20 by more than 20% (30 is 50% above 20), but
not from 40 (40 may be the figure), and two open-ended figures never differ.

Unlike `x ~ y within t`, which widens both figures by t (20% each way, so 100 and 140 agree),
this reads as it works: 100 and 125 differ by more than 20%, 100 and 119 do not.
"""

from __future__ import annotations

import math
from datetime import date

from claimcheck.expr.runtime import SECONDS_PER_DAY, as_interval


def gap(x, y) -> tuple[float | date, float | date] | None:
    """The ends that face each other, (lower, higher), or None when the intervals overlap."""
    (xl, xh), (yl, yh) = as_interval(x), as_interval(y)
    if xh < yl:
        return xh, yl
    if yh < xl:
        return yh, xl
    return None


def differs(x, y, tolerance: float, relative: bool) -> bool:
    ends = gap(x, y)
    if ends is None:
        return False
    low, high = ends
    if isinstance(low, date) and isinstance(high, date):
        return (high - low).days * SECONDS_PER_DAY > tolerance   # a duration, in seconds
    assert isinstance(low, (int, float)) and isinstance(high, (int, float))
    distance = high - low
    if not relative:
        return distance > tolerance
    base = min(abs(low), abs(high))
    if math.isinf(distance):
        return True
    return distance > tolerance * base
