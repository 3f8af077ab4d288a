"""Durations: "three days", "18 months", "a decade", "a 10-year plan", "two and a half hours",
"half an hour", "a year and a half".

The unit is the pint unit (day, month, year, decade, …), the base unit seconds. A numeral found by
the quantity finder followed by a unit of time (SUFFIX) is built here (after_number); "a"/"an"/
"one" only after a word that makes it a length of time ("lasted a decade", "for a year", "nearly a
week"), found by find(): "a day" on its own is as often a rate ("twice a day"). Expressions
anchored in time ("three days ago", "in two weeks") are dates, found first by the temporal finder.
"""

from __future__ import annotations

import re

from claimcheck.extract.numbers import parse_number
from claimcheck.extract.quantities import QuantityMention, hedge_of, stated_interval
from claimcheck.extract.scan import Scanner
from claimcheck.extract.units import to_base

UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
         "fortnight": "fortnight", "month": "month", "year": "year", "decade": "decade",
         "century": "century", "centuries": "century", "millennium": "millennium",
         "millennia": "millennium"}
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
# what follows a numeral to make it a duration: "three days", "a 10-year plan", "3-5 years"
SUFFIX = rf"(?:\s+|-)(?P<duration>(?i:{_UNIT}))(?:s|-long)?\b(?!-old)"
# "lasted a decade", "for a year", "nearly a week": the only readings of "a"/"an"/"one"
_SINGLE = re.compile(rf"(?i)\b(?:for|lasted|lasting|lasts|last|spent|spend|took|takes|take|within|"
                     rf"over|nearly|almost|about|around|than|after|of|past|whole|entire|full)\s+"
                     rf"(?P<num>an?|one)\s+(?P<duration>(?!second\b)(?:{_UNIT}))(?:-long)?\b(?![-'’])")
_NEEDLE = Scanner(rf"(?i)\b(?:an?|one)\s+(?:{_UNIT})\b")
# "half an hour", "a year and a half": fractions of one unit, durations wherever they stand
_HALF = re.compile(rf"(?i)\b(?:half\s+an?\s+(?P<unit_a>{_UNIT})|(?:an?|one)\s+(?P<unit_b>{_UNIT})\s+and\s+a\s+half)\b")
_HALF_NEEDLE = Scanner(r"(?i)\bhalf\s+an?\s|\band\s+a\s+half\b")


def find(text: str) -> list[QuantityMention]:
    """Durations of one unit written "a"/"an"/"one" after a word asking for a length of time."""
    found = []
    if _HALF_NEEDLE.starts(text):
        for m in _HALF.finditer(text):
            value = 0.5 if m["unit_a"] else 1.5
            found.append(_mention(m, text, value, value, None, m.start(), m["unit_a"] or m["unit_b"]))
    for start in _NEEDLE.starts(text):
        if any(f.start <= start < f.end for f in found):
            continue
        m = _SINGLE.search(text, max(0, start - 12), start + 20)
        if m is None or m.start("num") != start:
            continue
        found.append(_mention(m, text, 1.0, 1.0, None, m.start("num")))
    return found


def after_number(m: re.Match, text: str) -> QuantityMention | None:
    """A numeral followed by SUFFIX: "three days", "18 months", "3-5 years"."""
    first = parse_number(m["num"])
    if first is None or first.value <= 0:
        return None
    if m["num"].lower() == "one" or first.value < 1:
        return None   # "one day he left"
    if m["num"].isdigit() and len(m["num"]) == 4 and 1800 <= first.value <= 2100:
        return None   # "the 2019 year-end"
    hedge, start = hedge_of(text, m.start())
    bounds = stated_interval(m, first, hedge)
    if bounds is None:
        return None
    low, high = bounds
    return _mention(m, text, low, high, hedge, start)


def _mention(m: re.Match, text: str, low: float, high: float, hedge: str | None,
             start: int, written: str | None = None) -> QuantityMention:
    unit = UNITS[(written or m["duration"]).lower()]
    if unit == "decade":   # pint's "decade" is a logarithmic ratio: ten years
        base_low, base_high, base_unit, dimension = to_base("year", low * 10, high * 10)
    else:
        base_low, base_high, base_unit, dimension = to_base(unit, low, high)
    return QuantityMention(start, m.end(), text[start:m.end()], low, high, unit, base_low,
                           base_high, base_unit, dimension, hedge)
