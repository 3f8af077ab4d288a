"""Percentages and percentage points: "7.5%", "40 per cent", "seven percent", "3-4%", "two
percentage points", and shares written as fractions ("two-thirds of voters", "a quarter of").

A percentage's unit is "percent", its base value the fraction (7.5% → 0.075) and its dimension
"[percent]" (a share is not a count: "7.5% of people were killed" is no toll); percentage points
are a unit of their own ("percentage_point"), never compared with percentages. A numeral followed
by SUFFIX is built by after_number; find() reads the shares written as fractions.
"""

from __future__ import annotations

import re

from claimcheck.extract.numbers import parse_number
from claimcheck.extract.quantities import QuantityMention, hedge_of, stated_interval
from claimcheck.extract.scan import Scanner

PERCENT = "[percent]"
SUFFIX = (r"(?P<percent>%|\s?(?i:per\s?cent|pct)\b(?!\s+points?\b)"
          r"|\s(?i:percentage\s+points?|percent\s+points?|per\s+cent\s+points?)\b)")
_SHARE = re.compile(r"(?i:(?<!and\s)(?<!and\sa\s)\b(?P<num>(?:a|one|two|three|four|five|seven|nine)[- ]"
                    r"(?:half|thirds?|quarters?|fifths?|eighths?|tenths?)|half)\s+of\b)")
_SHARE_NEEDLE = Scanner(r"(?i)\b(?:half|thirds?|quarters?|fifths?|eighths?|tenths?)\s+of\b")


def find(text: str) -> list[QuantityMention]:
    """Shares written as fractions: "two-thirds of the members", "a quarter of the homes"."""
    found = []
    for anchor in _SHARE_NEEDLE.starts(text):
        m = _SHARE.search(text, max(0, anchor - 12), anchor + 20)
        if m is None or m.end("num") <= anchor:
            continue
        number = parse_number(m["num"])
        if number is None or number.value >= 1 or (found and found[-1].start == m.start()):
            continue
        value = number.value * 100
        found.append(QuantityMention(m.start(), m.end("num"), m["num"], value, value, "percent",
                                     number.value, number.value, "dimensionless", PERCENT, None))
    return found


def after_number(m: re.Match, text: str) -> QuantityMention | None:
    """A numeral followed by SUFFIX: "7.5%", "3-4%", "about seventy percent", "2 points"."""
    first = parse_number(m["num"])
    if first is None:
        return None
    hedge, start = hedge_of(text, m.start())
    bounds = stated_interval(m, first, hedge)
    if bounds is None:
        return None
    low, high = bounds
    if "point" in m["percent"].lower():
        return QuantityMention(start, m.end(), text[start:m.end()], low, high, "percentage_point",
                               low, high, "percentage_point", "[percentage_point]", hedge)
    return QuantityMention(start, m.end(), text[start:m.end()], low, high, "percent",
                           low / 100, high / 100, "dimensionless", PERCENT, hedge)
