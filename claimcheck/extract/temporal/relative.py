"""Expressions relative to the publication date: weekdays, weekends, "last week", "next year",
"two weeks ago", "in three days", "yesterday"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimcheck.extract import calendar as cal
from claimcheck.extract.temporal.patterns import (COUNT, SMALL_NUMBERS, UNITS, WEEKDAY_NEEDLES,
                                                  WEEKDAYS, after_until, pattern)


_ORDINAL_BEFORE = re.compile(r"(?i)\b(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th)\s+$")


@pattern(r"(?:(?i:\b(?P<mod>last|next|this|this\s+coming|this\s+past|coming|past))\s+)?"
          r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b)\b"
          # "the Daily and Sunday Telegraph", "Saturday Night Live": a name, not a day
          r"(?!\s+(?:Telegraph|Times|Mirror|Express|Herald|Post|Mail|Independent|Tribune|Star|Sport|"
          r"People|Night\s+(?:Live|Football)))"
          # "Wednesday, Dec. 15": the date that follows says the day
          r"(?!,?\s+(?:the\s+)?(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
          r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+[0-3]?\d))",
          needs=WEEKDAY_NEEDLES, within=(24, 60))
def _weekday(m, ref, direction):
    # "the second Sunday" is not the coming Sunday (with its month it is compounds.py's); looked
    # at here, once a weekday is found, rather than as lookbehinds tried at every place
    if ref is None or (not m["mod"] and _ORDINAL_BEFORE.search(m.string, max(0, m.start() - 12), m.start())):
        return None
    mod = " ".join((m["mod"] or "").lower().split())
    mod = {"past": "this past"}.get(mod, mod)
    if not mod and direction == "past" and after_until(m):
        direction = "unknown"    # "the talks were postponed until Saturday": the nearer one
    d = cal.weekday_occurrence(ref, WEEKDAYS.index(m["wd"].lower()), mod, direction)
    return d, d, "day"


@pattern(r"(?i:\b(?P<mod>over\s+the|during\s+the|at\s+the|on\s+the|this|last|next|the\s+past|"
          r"the\s+coming|the\s+previous|the\s+following)\s+weekend)\b",
          needs=("weekend",), lowered=True)
def _weekend(m, ref, direction):
    if ref is None:
        return None
    mod = " ".join(m["mod"].lower().split())
    if mod == "the following":
        return None   # the weekend after the story's own time, which the publication date is not
    if mod in ("last", "the past", "the previous"):
        direction = "past"
    elif mod in ("next", "the coming"):
        direction = "future"
    monday = ref - timedelta(days=ref.weekday())
    this_weekend = (monday + timedelta(days=5), monday + timedelta(days=6))
    last_weekend = (this_weekend[0] - timedelta(days=7), this_weekend[1] - timedelta(days=7))
    next_weekend = (this_weekend[0] + timedelta(days=7), this_weekend[1] + timedelta(days=7))
    if mod == "this":
        first, last = this_weekend
    else:
        first, last = cal.pick([last_weekend, this_weekend, next_weekend], ref, direction)
    return first, last, "weekend"


@pattern(r"(?i:\b(?P<mod>last|next|this|the\s+current|the\s+past|the\s+coming|the\s+previous|the\s+following|"
          r"earlier\s+this|later\s+this|the\s+(?:rest|remainder)\s+of\s+(?:the|this)|"
          r"the\s+end\s+of(?:\s+(?:the|this|next|last))?)\s+"
          r"(?P<unit>week|month|quarter|year|decade)\b)",
          needs=("week", "month", "quarter", "year", "decade"), lowered=True)
def _relative_unit(m, ref, direction):
    if ref is None:
        return None
    mod = " ".join(m["mod"].lower().split())
    if mod == "the following":
        # after the story's own time, not the publication's ("over the following decade BP
        # received…"): no claim rather than a wrong one
        return None
    unit = m["unit"].lower()
    step = {"last": -1, "the previous": -1, "next": 1, "the coming": 1}.get(mod, 0)
    period = _period(ref, unit, step)
    if mod == "the past":
        return _trailing(ref, unit) + (unit,)
    if mod == "the coming":
        # "in the coming week", said on a Saturday, is the next seven days, not the weekend left
        return ref, _trailing_ahead(ref, unit), unit
    if mod == "earlier this":
        return period[0], ref, f"part-of-{unit}"
    if mod == "later this" or mod.startswith(("the rest of", "the remainder of")):
        return ref, period[1], f"part-of-{unit}"
    if mod.startswith("the end of"):
        which = mod.rsplit(" ", 1)[1]
        period = _period(ref, unit, {"next": 1, "last": -1}.get(which, 0))
        late = cal.part_of(period, "late")
        if which in ("the", "of") and direction == "past" and late[0] > ref and \
                not after_until(m):
            # "the toll peaked by the end of the year", said in March: last year's end (but
            # "was suspended until the end of the year" looks ahead from the suspension)
            late = cal.part_of(_period(ref, unit, -1), "late")
        return late + (f"part-of-{unit}",)
    return period[0], period[1], unit


def _period(ref: date, unit: str, step: int) -> cal.Interval:
    if unit == "week":
        return cal.week_of(ref + timedelta(days=7 * step))
    if unit == "quarter":
        shifted = cal.shift_months(ref.replace(day=1), 3 * step)
        return cal.quarter_interval(shifted.year, (shifted.month - 1) // 3 + 1)
    if unit == "month":
        shifted = cal.shift_months(ref.replace(day=1), step)
        return cal.month_interval(shifted.year, shifted.month)
    if unit == "year":
        return cal.year_interval(ref.year + step)
    decade = ref.year // 10 * 10 + 10 * step
    return date(decade, 1, 1), date(decade + 9, 12, 31)


def _trailing_ahead(ref: date, unit: str) -> date:
    """The end of "the coming week/month/year": one such span from the publication date."""
    if unit == "week":
        return ref + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    return cal.shift_months(ref, months)


def _trailing(ref: date, unit: str) -> cal.Interval:
    """"the past week/month/year": the span that ends on the publication date."""
    if unit == "week":
        return ref - timedelta(days=7), ref
    if unit in ("month", "quarter"):
        return cal.shift_months(ref, -1 if unit == "month" else -3), ref
    return cal.shift_months(ref, -12 * (10 if unit == "decade" else 1)), ref


@pattern(rf"(?i:\b{COUNT}\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|earlier|before))\b",
          needs=(UNITS, ("ago",)), lowered=True)
def _ago(m, ref, direction):
    if ref is None or m["dir"].lower() != "ago":
        return None
    return _offset(ref, m, -1)


_AMOUNT = (r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
           r"(?:day|week|month|year)s?")


@pattern(rf"\b(?i:(?P<parts>{_AMOUNT}(?:,?\s+(?:and\s+)?{_AMOUNT}){{1,3}})\s+ago)\b",
          needs=(UNITS, ("ago",)), lowered=True, within=(70, 3))
def _compound_ago(m, ref, direction):
    """"1 month and 21 days ago", "two years, three months ago": every part is taken off the
    publication date; the smallest unit said sets the precision."""
    if ref is None:
        return None
    parts = [(SMALL_NUMBERS.get(n) or int(n), unit) for n, unit in
             re.findall(r"(\w+)\s+(day|week|month|year)", m["parts"].lower())]
    months = sum(n * (12 if unit == "year" else 1) for n, unit in parts if unit in ("year", "month"))
    days = sum(n * (7 if unit == "week" else 1) for n, unit in parts if unit in ("week", "day"))
    d = cal.shift_months(ref, -months) - timedelta(days=days)
    smallest = min((unit for _, unit in parts), key=("day", "week", "month", "year").index)
    if smallest == "day":
        return d, d, "day"
    if smallest == "week":
        return d - timedelta(days=3), d + timedelta(days=3), "week"
    if smallest == "month":
        return cal.month_interval(d.year, d.month) + ("month",)
    return cal.year_interval(d.year) + ("year",)


@pattern(rf"(?i:\b(?:in|within)\s+{COUNT}\s+(?P<unit>day|week|month|year)s?(?:['’]\s*time)?)\b",
          needs=UNITS, lowered=True, within=(24, 20))
def _in_n(m, ref, direction):
    if ref is None or direction == "past":
        return None
    return _offset(ref, m, 1)


def _offset(ref: date, m: re.Match, sign: int):
    n = SMALL_NUMBERS.get(m["n"].lower()) or int(m["n"]) if not m["n"].isdigit() else int(m["n"])
    unit = m["unit"].lower()
    if unit == "day":
        d = ref + timedelta(days=sign * n)
        return d, d, "day"
    if unit == "week":
        centre = ref + timedelta(days=sign * 7 * n)
        return centre - timedelta(days=3), centre + timedelta(days=3), "week"
    if unit == "month":
        shifted = cal.shift_months(ref, sign * n)
        return cal.month_interval(shifted.year, shifted.month) + ("month",)
    years = n * (10 if unit == "decade" else 1)
    return cal.year_interval(ref.year + sign * years) + ("year",)


# "BBC Radio 4's Today programme", "NBC's Today show", "USA Today" are no dates
@pattern(r"(?<!usa\s)(?i:\b(?P<word>yesterday|today|tomorrow|tonight)\b)"
          r"(?!\s+(?:programme|program|show)\b)",
          needs=("yesterday", "today", "tomorrow", "tonight"), lowered=True)
def _deictic(m, ref, direction):
    if ref is None:
        return None
    d = ref + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m["word"].lower(), 0))
    return d, d, "day"
