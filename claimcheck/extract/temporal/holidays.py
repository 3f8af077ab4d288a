"""Holidays: "Christmas", "Christmas Eve", "New Year's Day", "Easter", "Thanksgiving", "Halloween"…

Fixed-date holidays are a table (HOLIDAYS: name → month, day); movable ones are computed (Easter
by the Gregorian computus, Thanksgiving as the fourth Thursday of November, and so on). Without a
year ("at Christmas") the occurrence the tense points to is taken, as for "in July".
"""

from __future__ import annotations

from datetime import date, timedelta

from claimcheck.extract import calendar as cal
from claimcheck.extract.temporal.patterns import pattern

HOLIDAYS = {"christmas day": (12, 25), "christmas": (12, 25), "christmas eve": (12, 24),
            "boxing day": (12, 26), "new year's day": (1, 1), "new year’s day": (1, 1),
            "new year's eve": (12, 31), "new year’s eve": (12, 31), "halloween": (10, 31),
            "valentine's day": (2, 14), "valentine’s day": (2, 14), "independence day": (7, 4),
            "bastille day": (7, 14), "st patrick's day": (3, 17), "st. patrick's day": (3, 17),
            "armistice day": (11, 11), "veterans day": (11, 11), "guy fawkes night": (11, 5)}


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (or, for n = -1, last) given weekday of a month."""
    if n < 0:
        last = cal.month_interval(year, month)[1]
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


MOVABLE = {"easter": lambda y: easter(y), "easter sunday": lambda y: easter(y),
           "easter monday": lambda y: easter(y) + timedelta(days=1),
           "good friday": lambda y: easter(y) - timedelta(days=2),
           "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
           "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
           "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
           "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
           "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3)}

_NAMES = sorted([*HOLIDAYS, *MOVABLE], key=len, reverse=True)
_ALT = "|".join(n.replace(".", r"\.").replace(" ", r"\s+") for n in _NAMES)


def _day(name: str, year: int) -> date:
    if name in MOVABLE:
        return MOVABLE[name](year)
    month, day = HOLIDAYS[name]
    return date(year, month, day)


# "the Christmas tree", "Easter eggs": a holiday naming a thing, not a day
_NOT_A_DAY = (r"(?!\s+(?i:trees?|cards?|shopping|markets?|part(?:y|ies)|lights|dinner|presents?|"
              r"gifts?|holidays?|break|decorations|carols?|message|address|truce|special|spirit|"
              r"rush|sales|season|period|offensive|uprising|attacks?|bombings?|rising|eggs?|"
              r"parade|bunny|island|honours|list|number|songs?|films?|movies?)\b)")


@pattern(rf"\b(?i:(?P<name>{_ALT}))(?![\w'’-]){_NOT_A_DAY}(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d)(?![\d-]))?",
         needs=("christmas", "new year", "easter", "halloween", "valentine", "independence day",
                "bastille", "patrick", "armistice", "veterans day", "guy fawkes", "good friday",
                "thanksgiving", "memorial day", "labor day", "boxing day", "luther king"))
def _holiday(m, ref, direction):
    raw = m["name"]
    if raw[0].islower():
        return None   # "christmas" in lower case is not how a date is written
    name = " ".join(raw.lower().split())
    if m["year"]:
        d = _day(name, int(m["year"]))
    elif ref is None:
        return None
    else:
        d = cal.pick([(_day(name, y),) * 2 for y in (ref.year - 1, ref.year, ref.year + 1)], ref,
                     direction)[0]
    return d, d, "day"
