"""Durations: "three days", "18 months", "a decade", "a 10-year plan", "two and a half hours".

The unit is the pint unit (day, month, year, decade, …), the base unit seconds. A number of two or
more reads alone; "a"/"an"/"one" only after a word that makes it a length of time ("lasted a
decade", "for a year", "nearly a week"): "a day" on its own is as often a rate ("twice a day").
Expressions anchored in time ("three days ago", "in two weeks") are dates, found first.
"""

from __future__ import annotations

import re

from claimcheck.extract.measures.windows import NUMBER_LEAD, matches
from claimcheck.extract.numbers import NUMBER, Number, parse_number
from claimcheck.extract.scan import Scanner
from claimcheck.extract.quantities import QuantityMention, hedge_of, hedged
from claimcheck.extract.units import to_base

UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
         "fortnight": "fortnight", "month": "month", "year": "year", "decade": "decade",
         "century": "century", "centuries": "century", "millennium": "millennium",
         "millennia": "millennium"}
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_REGEX = re.compile(rf"(?i:(?P<num>{NUMBER}|\ban?\b)(?:\s*(?:-|–|to|or)\s*(?P<num2>{NUMBER}))?"
                    rf"(?:\s+|-)(?P<unit>{_UNIT})(?:s|-long)?)\b(?!-old)")
_SINGLE = re.compile(r"(?i)\b(?:for|lasted|lasting|lasts|last|spent|spend|took|takes|take|within|"
                     r"over|nearly|almost|about|around|than|after|of|past|whole|entire|full)\s+$")
_NEEDLE = Scanner(rf"(?i)\b(?:{_UNIT})")


def find(text: str) -> list[QuantityMention]:
    found = []
    for m in matches(_REGEX, _NEEDLE, text, 40, 20, NUMBER_LEAD):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "$€£¥.,-"):
            continue
        mention = _mention(m, text)
        if mention is not None:
            found.append(mention)
    return found


def _mention(m: re.Match, text: str) -> QuantityMention | None:
    first = Number(1.0, 0.0) if m["num"].lower() in ("a", "an") else parse_number(m["num"])
    if first is None or first.value <= 0:
        return None
    written = m["num"].lower()
    if written in ("a", "an", "one") and m["unit"].lower() == "second":
        return None   # "a second round", "one second thing"
    if written in ("a", "an", "one") or first.value < 1:
        if not _SINGLE.search(text, max(0, m.start() - 12), m.start()):
            return None
    if m["num"].isdigit() and len(m["num"]) == 4 and 1800 <= first.value <= 2100:
        return None
    unit = UNITS[m["unit"].lower()]
    hedge, start = hedge_of(text, m.start())
    if m["num2"]:
        second = parse_number(m["num2"])
        if second is None or second.value < first.value:
            return None
        low, high = first.value - first.half_width, second.value + second.half_width
    else:
        low, high = hedged(first.value, first.half_width, hedge)
    base_low, base_high, base_unit, dimension = durations_base(unit, low, high)
    return QuantityMention(start, m.end(), text[start:m.end()], low, high, unit, base_low,
                           base_high, base_unit, dimension, hedge)


def durations_base(unit: str, low: float, high: float):
    """Base values in seconds; pint's "decade" is a logarithmic ratio, so ten years are used."""
    if unit == "decade":
        return to_base("year", low * 10, high * 10)
    return to_base(unit, low, high)
