"""Calendar arithmetic for resolving relative expressions against a publication date.

Each helper returns a closed interval (first day, last day). Direction is one of
"past", "future" or "unknown" (then the occurrence nearest the reference date is taken).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Interval = tuple[date, date]


def month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_interval(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def week_of(day: date) -> Interval:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def pick(candidates: list[Interval], ref: date, direction: str) -> Interval:
    """Choose among candidate occurrences: the latest one not after `ref` for the past, the
    earliest not before it for the future, else the one nearest to it (the past on a tie)."""
    past = [c for c in candidates if c[0] <= ref]
    future = [c for c in candidates if c[1] >= ref]
    if direction == "past" and past:
        return max(past)
    if direction == "future" and future:
        return min(future)

    def distance(c: Interval) -> tuple[int, int]:
        if c[0] <= ref <= c[1]:
            return 0, 0
        return min(abs((c[0] - ref).days), abs((c[1] - ref).days)), 0 if c[0] <= ref else 1
    return min(candidates, key=distance)


def weekday_occurrence(ref: date, weekday: int, modifier: str, direction: str) -> date:
    """The day meant by "Wednesday", "last Monday", "next Friday" said on `ref`.

    "last"/"next" name the weekday in the previous/next calendar week (so "last Monday" said on
    a Tuesday is eight days back, not yesterday); bare and "this" follow the tense.
    """
    monday = ref - timedelta(days=ref.weekday())
    if modifier == "last":
        return monday - timedelta(days=7 - weekday)
    if modifier == "next":
        return monday + timedelta(days=7 + weekday)
    back = ref - timedelta(days=(ref.weekday() - weekday) % 7)
    ahead = ref + timedelta(days=(weekday - ref.weekday()) % 7)
    if modifier == "this past":
        direction = "past"
    elif modifier in ("coming", "this coming") or (modifier == "this" and direction != "past"):
        direction = "future"   # "this Saturday" said in the present is the one ahead
    chosen = pick([(back, back), (ahead, ahead)], ref, direction)
    return chosen[0]


def month_occurrence(ref: date, month: int, modifier: str, direction: str) -> Interval:
    years = (ref.year - 1, ref.year, ref.year + 1)
    if modifier == "last":
        return max(month_interval(y, month) for y in years if (y, month) < (ref.year, ref.month))
    if modifier == "next":
        return min(month_interval(y, month) for y in years if (y, month) > (ref.year, ref.month))
    if modifier == "this":
        return month_interval(ref.year, month)
    return pick([month_interval(y, month) for y in years], ref, direction)


def day_occurrence(ref: date, month: int, day: int, direction: str) -> date | None:
    """A year-less date ("June 16"): the occurrence the tense points to."""
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        candidates.append((d, d))
    if not candidates:
        return None
    if direction == "past" and later_this_month(ref, month, day):
        return date(ref.year, month, day)
    return pick(candidates, ref, direction)[0]


def later_this_month(ref: date, month: int, day: int) -> bool:
    """A year-less day later in the publication month is this year's, though the verb is past
    ("in the run-up to the December 15 summit", published December 6): last year's would be
    written with its year."""
    return month == ref.month and day > ref.day


def part_of(interval: Interval, part: str) -> Interval:
    """"early"/"mid"/"late" (and their longer forms) of a month, year or decade: thirds of it."""
    start, end = interval
    days = (end - start).days + 1
    third = days // 3
    part = " ".join(part.lower().split())
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year
    if whole_year and part in _YEAR_THIRDS:
        first_month, last_month = _YEAR_THIRDS[part]   # a year's thirds by months: "late 2019" is Sep-Dec
        return date(start.year, first_month, 1), month_interval(start.year, last_month)[1]
    if part in ("early", "the beginning of", "the start of"):
        return start, start + timedelta(days=third - 1)
    if part in ("mid", "the middle of"):
        return start + timedelta(days=third), end - timedelta(days=days - 2 * third)
    if part in ("late", "the end of"):
        return end - timedelta(days=days - 2 * third - 1), end
    if part == "the first half of":
        return start, (date(start.year, 6, 30) if whole_year else start + timedelta(days=days // 2 - 1))
    if part == "the second half of":
        return (date(start.year, 7, 1) if whole_year else start + timedelta(days=days // 2)), end
    raise ValueError(part)


_YEAR_THIRDS = {"early": (1, 4), "the beginning of": (1, 4), "the start of": (1, 4), "mid": (5, 8),
                "the middle of": (5, 8), "late": (9, 12), "the end of": (9, 12)}


def month_part(year: int, month: int, part: str) -> Interval:
    """Early = days 1–10, mid = 11–20, late = 21 to the end, as newsrooms use them."""
    first, last = month_interval(year, month)
    part = " ".join(part.lower().split())
    if part in ("early", "the beginning of", "the start of"):
        return first, first.replace(day=10)
    if part in ("mid", "the middle of"):
        return first.replace(day=11), first.replace(day=20)
    if part in ("late", "the end of"):
        return first.replace(day=21), last
    return part_of((first, last), part)


def decade_part(decade: int, part: str | None) -> Interval:
    """"the 1950s" is 1950–1959; early = 0–3, mid = 3–6, late = 6–9 (the parts overlap by a year)."""
    if not part:
        return date(decade, 1, 1), date(decade + 9, 12, 31)
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[part.lower()]
    return date(decade + lo, 1, 1), date(decade + hi, 12, 31)


SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def season_interval(year: int, season: str) -> Interval:
    """Meteorological seasons of the northern hemisphere; winter runs December to February."""
    first = SEASON_MONTHS[season.lower()]
    start = date(year, first, 1)
    end_month, end_year = (first + 2 - 1) % 12 + 1, year + (first + 2 > 12)
    return start, month_interval(end_year, end_month)[1]


def quarter_interval(year: int, quarter: int) -> Interval:
    return date(year, 3 * quarter - 2, 1), month_interval(year, 3 * quarter)[1]


def shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
