"""Compound and contextual dates: "the last week of July", "Tuesday of last week", "Monday 21",
"the 18th", "three days from today", "the day after tomorrow", "Jan-1", "15:00 GMT Saturday",
"in june" (years and their parts are in years.py).

Each is resolved against the publication date where it has no year of its own, in the direction
the tense points; a weekday written with a day of the month ("Monday 21") is the month near
publication in which that day falls on that weekday.
"""

from __future__ import annotations

from datetime import date, timedelta

from claimcheck.extract import calendar as cal
from claimcheck.extract.temporal.patterns import (COUNT, DIGITS, MONTH, MONTHS, SMALL_NUMBERS,
                                                  WEEKDAY_NEEDLES, WEEKDAYS, after_until,
                                                  month_number, pattern)

_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\d-])"
_ORDINAL_WEEK = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3,
                 "4th": 3, "last": -1, "final": -1}
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


@pattern(rf"(?i:\bthe\s+(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+week\s+of\s+)"
         rf"{MONTH}(?:,?\s+{_YEAR})?", needs=(MONTHS, ("week of",)))
def _week_of_month(m, ref, direction):
    """The n-th seven days of a month; the last week is its last seven days."""
    bounds = _month(m, ref, direction)
    if bounds is None:
        return None
    first, last = bounds
    n = _ORDINAL_WEEK[m["nth"].lower()]
    if n < 0:
        return last - timedelta(days=6), last, "week"
    start = first + timedelta(days=7 * n)
    return start, min(start + timedelta(days=6), last), "week"


@pattern(rf"\b{_WEEKDAY}(?i:\s+(?:of\s+)?(?P<mod>last|next|this)\s+week)\b",
         rf"(?i:\b(?P<mod2>last|next|this)\s+week(?:\s+on)?,?\s+){_WEEKDAY}\b(?!['’]s)",
         needs=(WEEKDAY_NEEDLES, ("last week", "next week", "this week")))
def _weekday_of_week(m, ref, direction):
    """"Tuesday of last week", "Friday next week", "next week on Friday", "last week Sunday":
    that weekday of the calendar week named (not "Monday's vote", which only follows it)."""
    if ref is None:
        return None
    monday = ref - timedelta(days=ref.weekday())
    groups = m.groupdict()
    shift = {"last": -7, "next": 7, "this": 0}[(groups.get("mod") or groups["mod2"]).lower()]
    d = monday + timedelta(days=shift + WEEKDAYS.index(m["wd"].lower()))
    return d, d, "day"


@pattern(rf"\b{_WEEKDAY},?\s+(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:/]|[.,]\d|\s*(?:of\s+)?"
         r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[a-z]|\d|%))",
         needs=(DIGITS, tuple(f"{wd}{sep}{d}" for wd in WEEKDAY_NEEDLES for sep in (" ", ", ", " the ")
                              for d in "0123456789")))
def _weekday_day(m, ref, direction):
    """"Monday 21": the month nearest publication whose 21st is a Monday."""
    if ref is None:
        return None
    weekday, day = WEEKDAYS.index(m["wd"].lower()), int(m["day"])
    candidates = []
    for offset in range(-6, 7):
        year, month = divmod(ref.year * 12 + ref.month - 1 + offset, 12)
        try:
            d = date(year, month + 1, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            candidates.append((d, d))
    if not candidates:
        return None
    d = cal.pick(candidates, ref, direction)[0]
    return d, d, "day"


def _after_words(*words: str) -> str:
    """A lookbehind for any of the words followed by one space, capitalised or not."""
    forms = {f for w in words for f in (w, w.capitalize())}
    return "(?:" + "|".join(f"(?<=\\b{f} )" for f in sorted(forms)) + ")"


@pattern(_after_words("on", "by", "until", "since", "from", "before", "after") +
         r"(?i:the\s+)(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
         # "on the 18th", "by the 18th and 19th", "until the 18th, when", not "the 17th APEC meeting"
         r"(?!\s+(?:[A-Z]|(?!(?:and|or|to|through|till|until|at|in|when|as|after|before|but|with|"
         r"from|for|if|while|so|then|because)\b)[a-z]))",
         needs=(DIGITS, tuple(f"{d}{s}" for d in "0123456789" for s in ("st", "nd", "rd", "th"))))
def _day_of_month(m, ref, direction):
    """"on the 18th": that day of the publication month, or of the month before or after as the
    tense points when the day is not in the publication month's direction."""
    if ref is None:
        return None
    day = int(m["day"])
    candidates = []
    for offset in (-1, 0, 1):
        year, month = divmod(ref.year * 12 + ref.month - 1 + offset, 12)
        try:
            candidates.append((date(year, month + 1, day),) * 2)
        except ValueError:
            continue
    if not candidates or not 1 <= day <= 31:
        return None
    d = cal.pick(candidates, ref, direction)[0]
    return d, d, "day"


_UNIT_DAYS = {"day": 1, "week": 7}


@pattern(rf"(?i:\b{COUNT}\s+(?P<unit>day|week|month|year)s?\s+(?:from\s+(?:today|now)|hence))\b",
         needs=("from today", "from now", "hence"), lowered=True)
def _from_today(m, ref, direction):
    """"three days from today", "two weeks from now"."""
    if ref is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else SMALL_NUMBERS[m["n"].lower()]
    unit = m["unit"].lower()
    if unit in _UNIT_DAYS:
        d = ref + timedelta(days=n * _UNIT_DAYS[unit])
        return (d, d, "day") if unit == "day" else (*cal.week_of(d), "week")
    if unit == "month":
        d = cal.shift_months(ref, n)
        return (*cal.month_interval(d.year, d.month), "month")
    return (*cal.year_interval(ref.year + n), "year")


# lower-case month names where they cannot be a word ("may", "march" and "august" can)
_LOWER_MONTHS = "january|february|april|june|july|september|october|november|december"


@pattern(rf"(?<=\b)(?:in|during|since|until|by|of|early\s+in|late\s+in)\s+(?P<month>{_LOWER_MONTHS})\b(?:\s+{_YEAR})?",
         needs=tuple(f"{lead} {month}" for lead in ("in", "during", "since", "until", "by", "of")
                     for month in _LOWER_MONTHS.split("|")), strip_preposition=True)
def _lower_month(m, ref, direction):
    bounds = _month(m, ref, direction)
    return None if bounds is None else (*bounds, "month")


def _month(m, ref, direction):
    """The month named in `m`, of its year or else the one the tense points to."""
    month = month_number(m["month"])
    if m["year"]:
        return cal.month_interval(int(m["year"]), month)
    if ref is None:
        return None
    return cal.month_occurrence(ref, month, "", direction)


@pattern(r"(?i:\bthe\s+day\s+(?P<rel>after\s+tomorrow|before\s+yesterday))\b",
         needs=("day after tomorrow", "day before yesterday"), lowered=True)
def _two_days_off(m, ref, direction):
    if ref is None:
        return None
    d = ref + timedelta(days=2 if m["rel"].lower().startswith("after") else -2)
    return d, d, "day"


@pattern(rf"(?i:\bthe\s+week\s+of\s+){MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
         rf"(?:,?\s+{_YEAR})?", needs=(MONTHS, ("week of",)))
def _week_of_day(m, ref, direction):
    """"the week of Jan 10": the Monday-to-Sunday week holding that day."""
    d = _day_of(month_number(m["month"]), int(m["day"]), m["year"], ref, direction)
    if d is None:
        return None
    first, last = cal.week_of(d)
    return first, last, "week"


def _day_of(month: int, day: int, year: str | None, ref, direction) -> date | None:
    """The day of a month written with its year, else its occurrence nearest the publication
    date in the tense's direction (None without a publication date). An impossible day raises."""
    if year:
        return date(int(year), month, day)
    if ref is None:
        return None
    return cal.day_occurrence(ref, month, day, direction)


@pattern(r"(?i:\b(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?P<mod>this|next|last)\s+month)\b",
         needs=(DIGITS, ("of this month", "of next month", "of last month")), lowered=True)
def _day_of_relative_month(m, ref, direction):
    if ref is None:
        return None
    shift = {"this": 0, "next": 1, "last": -1}[m["mod"].lower()]
    month_start = cal.shift_months(ref.replace(day=1), shift)
    d = month_start.replace(day=int(m["day"]))
    return d, d, "day"


_MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BARE_MONTH = MONTH[:MONTH.rindex("(?![")]   # the month without its guard against a dash


@pattern(r"(?<![\w/.-])" + _BARE_MONTH + r"[-/](?P<day>[0-3]?\d)(?![\d/-]|\.\d)",
         needs=(DIGITS, tuple(f"{m}{sep}" for m in _MONTH_PREFIXES for sep in "-/")))
def _month_dash_day(m, ref, direction):
    """"Jan-1", "Oct/2": a month and a day joined by a dash or a slash."""
    if ref is None:
        return None
    d = cal.day_occurrence(ref, month_number(m["month"]), int(m["day"]), direction)
    return (d, d, "day") if d else None


_CLOCK = (r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d\s*(?:[ap](?:\.m\.|m\b))?|\s*[ap](?:\.m\.|m\b))"
          r"(?:\s+(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PST|PDT|PT|local\s+time))?")


@pattern(rf"(?<![\w:.]){_CLOCK}(?:\s+on)?\s+{_WEEKDAY}\b(?!s\b)",
         rf"\b{_WEEKDAY}(?:\s+at)?\s+{_CLOCK}(?![\w:])",
         needs=(WEEKDAY_NEEDLES, tuple(f"{d}{s}" for d in "0123456789" for s in (":", "am", "pm", " am", " pm", " a.m", " p.m"))))
def _weekday_at_time(m, ref, direction):
    """"15:00 GMT Saturday", "Saturday at 3pm": a time of day makes a schedule, so outside the
    past tense the weekday is the one ahead."""
    if ref is None:
        return None
    # "was postponed until 15:00 GMT Saturday": the nearer Saturday, whatever the tense
    bound = ("unknown" if after_until(m) else "past") if direction == "past" else "future"
    d = cal.weekday_occurrence(ref, WEEKDAYS.index(m["wd"].lower()), "", bound)
    return d, d, "day"


# Days of the month written as ordinal words: "June first", "the second of August".
_ORDINAL_DAYS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
                 "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
                 "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                 "thirtieth": 30}
for _n, _word in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                            "eighth", "ninth"), start=1):
    _ORDINAL_DAYS[f"twenty-{_word}"] = _ORDINAL_DAYS[f"twenty {_word}"] = 20 + _n
_ORDINAL_DAYS["thirty-first"] = _ORDINAL_DAYS["thirty first"] = 31
_ORDINAL_DAY = ("(?P<ord>" + "|".join(w.replace(" ", r"\s+") for w in sorted(_ORDINAL_DAYS, key=len, reverse=True))
                + ")")
# The month and the ordinal word side by side are the needles: "first" and "second" alone are in
# most articles, and the patterns would run around each of them.
_MONTH_FORMS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
                "aug.", "sept.", "oct.", "nov.", "dec.", "jan", "feb", "aug", "sept", "oct", "nov", "dec")
_FIRST_WORDS = {w.split()[0].split("-")[0] for w in _ORDINAL_DAYS}
_LAST_WORDS = {w.split()[-1].split("-")[-1] for w in _ORDINAL_DAYS}


# After "June first" comes punctuation, a year or a word that starts a new phrase: "In May first
# responders…", "in January first lady…" are a month and an adjective.
_AFTER_DAY_WORD = (r"(?=\s*(?:[,.;:!?)'\"’”]|$)|\s+(?:\d|(?i:and|or|at|in|on|to|by|from|until|till|through|"
                   r"when|after|before|for|with|the|this|next|last|of|as|is|was|will|would|had|has|have)\b))")


@pattern(rf"\b{MONTH}\s+(?i:(?:the\s+)?{_ORDINAL_DAY})(?![\w-]){_AFTER_DAY_WORD}(?:,?\s+{_YEAR})?",
         needs=(tuple(f"{m} {the}{w}" for m in _MONTH_FORMS for the in ("", "the ") for w in _FIRST_WORDS),),
         within=(0, 40))
@pattern(rf"\b(?i:(?:the\s+)?{_ORDINAL_DAY}\s+of\s+){MONTH}(?:,?\s+{_YEAR})?",
         needs=(tuple(f"{w} of {m}" for m in _MONTH_FORMS for w in _LAST_WORDS),), within=(20, 16))
def _month_ordinal_word(m, ref, direction):
    """"June first", "May twenty-first, 2019", "the second of August": a day written in words."""
    d = _day_of(month_number(m["month"]), _ORDINAL_DAYS[" ".join(m["ord"].lower().split())],
                m["year"], ref, direction)            # "February thirtieth" raises: not a claim
    return None if d is None else (d, d, "day")


_LOWER_MONTH_NAMES = ("january|february|march|april|may|june|july|august|september|october|"
                      "november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?")
_NTH = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
        "last": -1}


@pattern(r"\b(?i:the\s+(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+"
         r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:of|in)\s+"
         rf"(?:(?P<month>{_LOWER_MONTH_NAMES})(?!\w)(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d)(?![\d-]))?"
         r"|(?P<rel>this|next|last)\s+month\b))",
         needs=(tuple(f"{nth} {wd}" for nth in _NTH for wd in WEEKDAY_NEEDLES),), lowered=True, within=(6, 40))
def _nth_weekday_of_month(m, ref, direction):
    """"the first Tuesday in November", "the last Friday of this month": that weekday's n-th
    occurrence in the month (its year, else the one the tense points to)."""
    if m["rel"]:
        if ref is None:
            return None
        start = cal.shift_months(ref.replace(day=1), {"this": 0, "next": 1, "last": -1}[m["rel"]])
        first, last = cal.month_interval(start.year, start.month)
    else:
        bounds = _month(m, ref, direction)
        if bounds is None:
            return None
        first, last = bounds
    weekday, n = WEEKDAYS.index(m["wd"]), _NTH[m["nth"]]
    if n < 0:
        d = last - timedelta(days=(last.weekday() - weekday) % 7)
    else:
        d = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * n)
        if d > last:
            return None   # "the fifth Sunday" of a month with four
    return d, d, "day"


@pattern(_after_words("for") + r"(?i:the\s+)(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?=\s*(?:[.;!?]|$))",
         needs=(DIGITS, tuple(f"for the {d}" for d in "123456789")), within=(0, 14))
def _set_for_day(m, ref, direction):
    """"The vote is set for the 21st.": a day of the month where nothing follows it (not "for
    the 21st time", "for the 3rd quarter")."""
    return _day_of_month(m, ref, direction)
