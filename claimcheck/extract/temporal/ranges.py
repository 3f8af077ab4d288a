"""Ranges written as one expression, resolved to one interval: "Nov 18-Dec 19, 2015", "from January
to April 2015", "between 2009 and 2010", "1957-58", "from 2010 to 2014".

A range starts where its first end starts, so it is preferred over the dates inside it (the
longest match at a place wins); the granularity says what the ends are ("days", "months",
"years"). A year written once ("from January to April 2015") holds for both ends.
"""

from __future__ import annotations

from datetime import date

from claimcheck.extract import calendar as cal
from claimcheck.extract.temporal.patterns import DIGITS, MONTH, MONTHS, month_number, pattern

_DAY1 = r"(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_MONTH2 = MONTH.replace("?P<month>", "?P<month2>")
_YEAR1 = r"(?P<year1>1[6-9]\d\d|20\d\d)"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\d-])"
_DASH = r"\s*[-–]\s*"


@pattern(rf"\b{MONTH}\s+{_DAY1}{_DASH}{_MONTH2}\s+{_DAY2}(?:,?\s+{_YEAR})?", needs=(DIGITS, MONTHS))
def _days_across_months(m, ref, direction):
    """"Nov 18-Dec 19, 2015": the year written, else the one the first day takes."""
    first_month, last_month = month_number(m["month"]), month_number(m["month2"])
    if m["year"]:
        year = int(m["year"])
        start_year = year - 1 if first_month > last_month else year
        first = date(start_year, first_month, int(m["day1"]))
    elif ref is None:
        return None
    else:
        first = cal.day_occurrence(ref, first_month, int(m["day1"]), direction)
        if first is None:
            return None
    last_year = first.year + (1 if last_month < first_month else 0)
    last = date(last_year, last_month, int(m["day2"]))
    return (first, last, "days") if last > first else None


@pattern(rf"(?i:\b(?:from|between)\s+){MONTH}(?:\s+{_YEAR1})?(?i:\s+(?:to|until|through|and)\s+|{_DASH})"
         rf"{_MONTH2}(?:,?\s+{_YEAR})?", needs=(MONTHS, ("from", "between")))
def _months(m, ref, direction):
    """"from January to April 2015", "between March 2019 and May 2020"."""
    first_month, last_month = month_number(m["month"]), month_number(m["month2"])
    if m["year"]:
        last_year = int(m["year"])
        first_year = int(m["year1"]) if m["year1"] else last_year - (first_month > last_month)
    elif m["year1"] or ref is None:
        return None
    else:
        first_year = cal.month_occurrence(ref, first_month, "", direction)[0].year
        last_year = first_year + (last_month < first_month)
    first = cal.month_interval(first_year, first_month)[0]
    last = cal.month_interval(last_year, last_month)[1]
    return (first, last, "months") if last > first else None


@pattern(rf"(?i:\b(?P<lead>from|between)\s+){_YEAR1}(?i:\s+(?:to|until|through|and)\s+|{_DASH})"
         rf"{_YEAR}", needs=(DIGITS, ("from", "between")))
def _years(m, ref, direction):
    """"between 2009 and 2010", "from 2010 to 2014"."""
    first, last = int(m["year1"]), int(m["year"])
    if not first < last <= first + 100:
        return None
    return date(first, 1, 1), date(last, 12, 31), "years"


@pattern(rf"(?<![\w/.-]){_YEAR1}[-–/](?P<short>\d\d)(?![\d/-])", needs=(DIGITS, ("-", "–", "/")))
def _season_years(m, ref, direction):
    """"1957-58", "the 2019/20 season": two consecutive years (a season, a fiscal year)."""
    first = int(m["year1"])
    if int(m["short"]) != (first + 1) % 100:
        return None
    return date(first, 1, 1), date(first + 1, 12, 31), "years"
