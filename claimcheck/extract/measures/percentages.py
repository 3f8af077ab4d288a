"""Percentages and percentage points: "7.5%", "40 per cent", "seven percent", "5-7%", "two
percentage points", and shares written as fractions ("two-thirds of voters", "a quarter of").

A percentage's unit is "percent" and its base value the fraction (7.5% → 0.075) and its dimension "[percent]";
percentage points are a unit of their own ("percentage_point"), never compared with percentages.
"""

from __future__ import annotations

import re

from claimcheck.extract.measures.windows import NUMBER_LEAD, matches
from claimcheck.extract.numbers import NUMBER, parse_number
from claimcheck.extract.scan import Scanner
from claimcheck.extract.quantities import QuantityMention, hedge_of, hedged

# a dimension of its own: a share is not a count ("7.5% of people were killed" is no toll)
PERCENT = "[percent]"
_NUM = rf"(?P<num>{NUMBER})"
_RANGE = rf"(?:\s*(?:%\s*)?(?:-|–|to|and)\s*(?P<num2>{NUMBER}))?"
_UNIT = r"(?P<unit>%|\s?(?:per\s?cent|pct)\b|\s(?P<points>percentage\s+points?|percent\s+points?)\b)"
_REGEX = re.compile(rf"(?i:{_NUM}{_RANGE}{_UNIT})")
# "two-thirds of", "a quarter of the", "three in four"? (not read: a ratio, not a share of a whole)
_SHARE = re.compile(r"(?i:\b(?P<num>(?:a|one|two|three|four|five|seven|nine)[- ]"
                    r"(?:half|thirds?|quarters?|fifths?|eighths?|tenths?)|half)\s+of\b)")
_NEEDLE = Scanner(r"(?i)%|per\s?cent|\bpct\b|\bpoints?\b")
_SHARE_NEEDLE = Scanner(r"(?i)\b(?:half|thirds?|quarters?|fifths?|eighths?|tenths?)\s+of\b")


def find(text: str) -> list[QuantityMention]:
    found = []
    for m in matches(_REGEX, _NEEDLE, text, 40, 20, NUMBER_LEAD):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "$€£¥"):
            continue
        mention = _mention(m, text)
        if mention is not None:
            found.append(mention)
    for m in matches(_SHARE, _SHARE_NEEDLE, text, 20, 20):
        if m["num"].lower() == "half" and text[m.end():m.end() + 4].lower() in (" an ", " a h"):
            continue
        number = parse_number(m["num"])
        if number is None or number.value >= 1:
            continue
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        value = number.value * 100
        found.append(QuantityMention(m.start(), m.end("num"), m["num"], value, value, "percent",
                                     number.value, number.value, "dimensionless", PERCENT,
                                     None))
    return sorted(found, key=lambda f: f.start)


def _mention(m: re.Match, text: str) -> QuantityMention | None:
    first = parse_number(m["num"])
    if first is None:
        return None
    hedge, start = hedge_of(text, m.start())
    if m["num2"]:
        second = parse_number(m["num2"])
        if second is None or second.value < first.value:
            return None
        low, high = first.value - first.half_width, second.value + second.half_width
    else:
        low, high = hedged(first.value, first.half_width, hedge)
    if m["points"]:
        return QuantityMention(start, m.end(), text[start:m.end()], low, high, "percentage_point",
                               low, high, "percentage_point", "[percentage_point]", hedge)
    return QuantityMention(start, m.end(), text[start:m.end()], low, high, "percent",
                           low / 100, high / 100, "dimensionless", PERCENT, hedge)
