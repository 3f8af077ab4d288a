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
# "from jan…", "between mar…": where a range of months or days can start (lower-cased text)
_FROM_MONTH = tuple(f"{lead} {month}" for lead in ("from", "between")
                    for month in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                  "oct", "nov", "dec"))


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
        return _nearest_range(ref, direction, first_month, int(m["day1"]), last_month, int(m["day2"]))
    last_year = first.year + (1 if last_month < first_month else 0)
    last = date(last_year, last_month, int(m["day2"]))
    return (first, last, "days") if last > first else None


@pattern(rf"(?i:\b(?:from|between)\s+){MONTH}\s+{_DAY1}(?:,?\s+{_YEAR1})?(?i:\s+(?:to|until|till|through|and)\s+|{_DASH})"
         rf"(?:{_MONTH2}\s+)?{_DAY2}(?:,?\s+{_YEAR})?", needs=(MONTHS, _FROM_MONTH))
def _days_from_to(m, ref, direction):
    """"from Nov 18 to Dec 19", "from June 3 to June 7, 2022", "between March 3 and 5"."""
    first_month = month_number(m["month"])
    last_month = month_number(m["month2"]) if m["month2"] else first_month
    if m["year1"] or m["year"]:
        last_year = int(m["year"]) if m["year"] else int(m["year1"]) + (last_month < first_month)
        first_year = int(m["year1"]) if m["year1"] else last_year - (last_month < first_month)
        first = date(first_year, first_month, int(m["day1"]))
    elif ref is None:
        return None
    else:
        return _nearest_range(ref, direction, first_month, int(m["day1"]), last_month, int(m["day2"]))
    last = date(first.year + (last_month < first_month), last_month, int(m["day2"]))
    return (first, last, "days") if last > first else None


# "from 4 to 22 January": run from "from"/"between" before a digit; "12-14 March": run just
# around the month, whose days stand at most a few characters before it
@pattern(rf"\b(?i:(?:from|between)\s+){_DAY1}(?i:\s+(?:to|until|till|through|and)\s+|{_DASH}){_DAY2}"
         rf"\s+(?i:of\s+)?{MONTH}(?:,?\s+{_YEAR})?",
         needs=(MONTHS, tuple(f"{lead} {d}" for lead in ("from", "between") for d in "0123456789")),
         within=(0, 50))
@pattern(rf"(?<![\w/.,:–-]){_DAY1}{_DASH}{_DAY2}\s+(?i:of\s+)?{MONTH}(?:,?\s+{_YEAR})?",
         needs=(DIGITS, MONTHS), within=(16, 20))
def _days_before_month(m, ref, direction):
    """"12-14 March 2019", "from 4 to 22 January", "between 3 and 12 of September": the days
    written before their month. Without the range, the last day alone would be taken for the
    whole ("22 January"). A dash joins two days only in order ("won 2-1 May 3" is a score)."""
    first_day, last_day, month = int(m["day1"]), int(m["day2"]), month_number(m["month"])
    if last_day <= first_day:
        return None
    if m["year"]:
        return date(int(m["year"]), month, first_day), date(int(m["year"]), month, last_day), "days"
    if ref is None:
        return None
    return _nearest_range(ref, direction, month, first_day, month, last_day)


def _nearest_range(ref, direction, first_month, first_day, last_month, last_day):
    """A year-less range of days: the occurrence the tense points to, taken whole, so that a
    range running through the publication date is this year's whichever the tense."""
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            first = date(year, first_month, first_day)
            last = date(year + (last_month < first_month), last_month, last_day)
        except ValueError:
            continue
        if last > first:
            candidates.append((first, last))
    if not candidates:
        return None
    if direction == "past" and cal.later_this_month(ref, first_month, first_day):
        return date(ref.year, first_month, first_day), \
            date(ref.year + (last_month < first_month), last_month, last_day), "days"
    first, last = cal.pick(candidates, ref, direction)
    return first, last, "days"


@pattern(rf"(?i:\b(?:from|between)\s+){MONTH}(?:\s+{_YEAR1})?(?i:\s+(?:to|until|through|and)\s+|{_DASH})"
         rf"{_MONTH2}(?:,?\s+{_YEAR})?", needs=(MONTHS, _FROM_MONTH))
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
         rf"{_YEAR}", needs=(DIGITS, ("from 1", "from 2", "between 1", "between 2")), lowered=True)
def _years(m, ref, direction):
    """"between 2009 and 2010", "from 2010 to 2014"."""
    first, last = int(m["year1"]), int(m["year"])
    if not first < last <= first + 100:
        return None
    return date(first, 1, 1), date(last, 12, 31), "years"


@pattern(rf"(?<![\w/.-]){_YEAR1}-(?P<mm>0[1-9]|1[0-2])(?![\d/-])", needs=(DIGITS, ("-0", "-1")))
def _year_month(m, ref, direction):
    """"2015-11": a month, unless it reads as two years in a row ("2010-11" is a season)."""
    year, month = int(m["year1"]), int(m["mm"])
    if month == (year + 1) % 100:
        return None
    first, last = cal.month_interval(year, month)
    return first, last, "month"


@pattern(rf"(?<![\w/.-]){_YEAR1}[-–/](?P<short>\d\d)(?![\d/-])", needs=(DIGITS, tuple(f"{d}{sep}" for d in "0123456789" for sep in "-–/")))
def _season_years(m, ref, direction):
    """"1957-58", "the 2019/20 season": two consecutive years (a season, a fiscal year)."""
    first = int(m["year1"])
    if int(m["short"]) != (first + 1) % 100:
        return None
    return date(first, 1, 1), date(first + 1, 12, 31), "years"


@pattern(rf"(?<![\w/.-]){_YEAR1}[-–]{_YEAR}(?![A-Za-z])", needs=(DIGITS, ("-1", "-2", "–1", "–2")))
def _year_span(m, ref, direction):
    """"1999-2000", "2010–2015": the years from the first to the last."""
    first, last = int(m["year1"]), int(m["year"])
    if not first < last <= first + 100:
        return None
    return date(first, 1, 1), date(last, 12, 31), "years"
