"""Temporal expressions: find them in a sentence and resolve each to a closed interval of days.

Explicit dates are parsed by dateparser; everything relative ("on Wednesday", "last Monday",
"over the weekend", "in July", "next year") is resolved here against the publication date, in the
direction the sentence's tense points. Without a publication date relative expressions are left
unresolved (never resolved against today).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from claimcheck.extract import calendar as cal

_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"]
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
         r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|"
         r"Jan|Feb|Aug|Sept|Oct|Nov|Dec)(?![\w-])")
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\d-])"
PART = (r"(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        r"the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)")
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
COUNT = r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
PREP = r"(?:in|during|since|until|till|by|through|throughout|from|before|after|of|between|and|to)"


@dataclass(frozen=True)
class TimeExpression:
    start: int          # offsets within the text searched
    end: int
    text: str
    first: date
    last: date
    granularity: str


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTH_ABBR.get(key) or _MONTH_NAMES.index(key) + 1


@lru_cache(maxsize=4096)
def parse_explicit(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of an explicit date as written, parsed by dateparser.

    Cached by the string: the same date strings recur across a corpus, and dateparser is slow.
    """
    import dateparser  # imported here: loading it costs a noticeable fraction of a second

    has_year = re.search(r"\d{4}", text) is not None
    parsed = dateparser.parse(
        text, languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month"], "PREFER_DAY_OF_MONTH": "first",
                  "RETURN_AS_TIMEZONE_AWARE": False, "RELATIVE_BASE": _NEUTRAL_BASE},
    )
    if parsed is None:
        return None
    return parsed.month, parsed.day, parsed.year if has_year else None


# A leap year as the base, so dateparser accepts a year-less "February 29".
_NEUTRAL_BASE = __import__("datetime").datetime(2000, 1, 1)

Handler = Callable[[re.Match, "date | None", str], "tuple[date, date, str] | None"]
_PATTERNS: list[tuple[re.Pattern, Handler, tuple[str, ...]]] = []

# Cheap substring tests (on the lowercased sentence) that must pass before a pattern's regex runs:
# most sentences hold no temporal expression, and most patterns cannot match most sentences.
_DIGITS = tuple("0123456789")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PARTS = ("early", "mid", "late", "end of", "beginning of", "start of", "middle of", "half of")
_WEEKDAY_NEEDLES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = ("day", "week", "month", "year", "decade")


def _pattern(*regexes: str, needs: tuple = (_DIGITS,)):
    """Register a handler for its regexes. `needs` lists groups of needles: every group must have
    one needle in the text (capitalised needles are matched as written, others in lower case)."""
    groups = (needs,) if needs and isinstance(needs[0], str) else needs

    def register(handler: Handler) -> Handler:
        for regex in regexes:
            _PATTERNS.append((re.compile(regex), handler, groups))
        return handler
    return register


@_pattern(r"\b(?P<year>\d{4})-(?P<m>\d\d)-(?P<day>\d\d)\b", needs=(_DIGITS, ("-",)))
def _iso(m, ref, direction):
    try:
        d = date(int(m["year"]), int(m["m"]), int(m["day"]))
    except ValueError:
        return None
    return d, d, "day"


@_pattern(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}", rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}",
          needs=(_DIGITS, _MONTHS))
def _full_date(m, ref, direction):
    parsed = parse_explicit(m.group())
    if parsed is None or parsed[2] is None:
        return None
    try:
        d = date(parsed[2], parsed[0], parsed[1])
    except ValueError:
        return None
    return d, d, "day"


@_pattern(rf"\b{MONTH}\s+{DAY}(?![,.]?\s*\d)", rf"\b{DAY}\s+(?:of\s+)?{MONTH}",
          needs=(_DIGITS, _MONTHS))
def _month_day(m, ref, direction):
    parsed = parse_explicit(m.group())
    if parsed is None or ref is None:
        return None
    d = cal.day_occurrence(ref, parsed[0], parsed[1], direction)
    return (d, d, "day") if d else None


@_pattern(rf"(?i:\b{PART})[\s-]+{MONTH}(?:,?\s+{YEAR})?", needs=(_MONTHS, _PARTS))
def _part_of_month(m, ref, direction):
    month = month_number(m["month"])
    if m["year"]:
        year = int(m["year"])
    elif ref is None:
        return None
    else:
        year = cal.month_occurrence(ref, month, "", direction)[0].year
    first, last = cal.month_part(year, month, m["part"])
    return first, last, "part-of-month"


@_pattern(rf"\b{MONTH},?\s+{YEAR}", needs=(_DIGITS, _MONTHS))
def _month_year(m, ref, direction):
    first, last = cal.month_interval(int(m["year"]), month_number(m["month"]))
    return first, last, "month"


@_pattern(rf"(?i:\b(?P<mod>last|next|this|this\s+coming|coming))\s+{MONTH}",
          needs=(_MONTHS, ("last", "next", "this", "coming")))
def _modified_month(m, ref, direction):
    if ref is None:
        return None
    mod = " ".join(m["mod"].lower().split())
    mod = "next" if mod in ("coming", "this coming") else mod
    first, last = cal.month_occurrence(ref, month_number(m["month"]), mod, direction)
    return first, last, "month"


@_pattern(rf"(?<=\b)(?i:(?:{PREP}|early\s+in|late\s+in)\s+)(?:the\s+month\s+of\s+)?{MONTH}", needs=_MONTHS)
def _bare_month(m, ref, direction):
    if ref is None:
        return None
    first, last = cal.month_occurrence(ref, month_number(m["month"]), "", direction)
    return first, last, "month"


@_pattern(r"(?:(?i:\b(?P<mod>last|next|this|this\s+coming|this\s+past|coming|past))\s+)?"
          r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b)\b",
          needs=_WEEKDAY_NEEDLES)
def _weekday(m, ref, direction):
    if ref is None:
        return None
    mod = " ".join((m["mod"] or "").lower().split())
    mod = {"past": "this past"}.get(mod, mod)
    d = cal.weekday_occurrence(ref, _WEEKDAYS.index(m["wd"].lower()), mod, direction)
    return d, d, "day"


@_pattern(r"(?i:\b(?P<mod>over\s+the|during\s+the|at\s+the|on\s+the|this|last|next|the\s+past|"
          r"the\s+coming|the\s+previous|the\s+following)\s+weekend)\b",
          needs=("weekend",))
def _weekend(m, ref, direction):
    if ref is None:
        return None
    mod = " ".join(m["mod"].lower().split())
    if mod in ("last", "the past", "the previous"):
        direction = "past"
    elif mod in ("next", "the coming", "the following"):
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


@_pattern(r"(?i:\b(?P<mod>last|next|this|the\s+past|the\s+coming|the\s+previous|the\s+following|"
          r"earlier\s+this|later\s+this|the\s+end\s+of\s+(?:the|this|next|last))\s+"
          r"(?P<unit>week|month|quarter|year|decade)\b)",
          needs=("week", "month", "quarter", "year", "decade"))
def _relative_unit(m, ref, direction):
    if ref is None:
        return None
    mod = " ".join(m["mod"].lower().split())
    unit = m["unit"].lower()
    step = {"last": -1, "the previous": -1, "next": 1, "the following": 1, "the coming": 1}.get(mod, 0)
    period = _period(ref, unit, step)
    if mod == "the past":
        return _trailing(ref, unit) + (unit,)
    if mod == "the coming":
        period = _period(ref, unit, 0)
        return ref, period[1], unit
    if mod == "earlier this":
        return period[0], ref, f"part-of-{unit}"
    if mod == "later this":
        return ref, period[1], f"part-of-{unit}"
    if mod.startswith("the end of"):
        which = mod.rsplit(" ", 1)[1]
        period = _period(ref, unit, {"next": 1, "last": -1}.get(which, 0))
        return cal.part_of(period, "late") + (f"part-of-{unit}",)
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


def _trailing(ref: date, unit: str) -> cal.Interval:
    """"the past week/month/year": the span that ends on the publication date."""
    if unit == "week":
        return ref - timedelta(days=7), ref
    if unit in ("month", "quarter"):
        return cal.shift_months(ref, -1 if unit == "month" else -3), ref
    return cal.shift_months(ref, -12 * (10 if unit == "decade" else 1)), ref


@_pattern(rf"(?i:\b{COUNT}\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|earlier|before))\b",
          needs=(_UNITS, ("ago",)))
def _ago(m, ref, direction):
    if ref is None or m["dir"].lower() != "ago":
        return None
    return _offset(ref, m, -1)


@_pattern(rf"(?i:\b(?:in|within)\s+{COUNT}\s+(?P<unit>day|week|month|year)s?(?:['’]\s*time)?)\b",
          needs=(_UNITS, ("in ", "within ")))
def _in_n(m, ref, direction):
    if ref is None or direction == "past":
        return None
    return _offset(ref, m, 1)


def _offset(ref: date, m: re.Match, sign: int):
    n = _SMALL.get(m["n"].lower()) or int(m["n"]) if not m["n"].isdigit() else int(m["n"])
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


@_pattern(r"(?i:\b(?P<word>yesterday|today|tomorrow|tonight)\b)",
          needs=("yesterday", "today", "tomorrow", "tonight"))
def _deictic(m, ref, direction):
    if ref is None:
        return None
    d = ref + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m["word"].lower(), 0))
    return d, d, "day"


@_pattern(rf"(?i:\b{PART}[\s-]+){YEAR}(?!['’]?s)", needs=(_DIGITS, _PARTS))
def _part_of_year(m, ref, direction):
    first, last = cal.part_of(cal.year_interval(int(m["year"])), m["part"])
    return first, last, "part-of-year"


@_pattern(r"(?i:\bthe\s+(?:(?P<part>early|mid|late)[\s-]+)?)(?P<decade>1[6-9]\d0|20\d0)['’]?s\b",
          needs=("0s", "0's", "0’s"))
def _decade(m, ref, direction):
    first, last = cal.decade_part(int(m["decade"]), m["part"])
    return first, last, "part-of-decade" if m["part"] else "decade"


@_pattern(r"(?i:\b(?:(?P<mod>last|next|this|the\s+coming|the\s+past|early|late)\s+|"
          r"(?:in|during|by|until|through)\s+(?:the\s+)?)(?P<season>winter|spring|summer|autumn|fall)"
          rf"(?:\s+(?:of\s+)?{YEAR})?\b)",
          needs=("winter", "spring", "summer", "autumn", "fall"))
def _season(m, ref, direction):
    season = m["season"].lower()
    if m["year"]:
        year = int(m["year"])
        first, last = cal.season_interval(year, season)
        return first, last, "season"
    if ref is None:
        return None
    mod = " ".join((m["mod"] or "").lower().split())
    candidates = [cal.season_interval(y, season) for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)]
    current = [c for c in candidates if c[0] <= ref <= c[1]]
    if mod == "this" and current:
        first, last = current[0]
    elif mod in ("last", "the past"):
        first, last = max(c for c in candidates if c[1] < ref)
    elif mod in ("next", "the coming"):
        first, last = min(c for c in candidates if c[0] > ref)
    else:
        first, last = cal.pick(candidates, ref, direction)
    return first, last, "season"


@_pattern(r"(?i:\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
          rf"(?:\s+of\s+{YEAR}|\s+of\s+(?P<rel>this|next|last)\s+year)?\b)",
          r"\bQ(?P<q2>[1-4])\s+(?P<year2>20\d\d)\b",
          needs=("quarter", "q1", "q2", "q3", "q4"))
def _quarter(m, ref, direction):
    groups = m.groupdict()
    q_word = (groups.get("q") or groups["q2"]).lower()
    quarter = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
               "fourth": 4, "4th": 4}.get(q_word) or int(q_word)
    year_text = groups.get("year") or groups.get("year2")
    if year_text:
        year = int(year_text)
    elif ref is None:
        return None
    else:
        year = ref.year + {"next": 1, "last": -1}.get((groups.get("rel") or "").lower(), 0)
    first, last = cal.quarter_interval(year, quarter)
    return first, last, "quarter"


@_pattern(rf"(?<=\b)(?i:{PREP}\s+){YEAR}", needs=("16", "17", "18", "19", "20"))
def _year(m, ref, direction):
    first, last = cal.year_interval(int(m["year"]))
    return first, last, "year"


# Spans that each pattern reports start at the expression, not at a leading preposition.
_LEADING_PREPOSITION = re.compile(rf"(?i:(?:{PREP}|early\s+in|late\s+in)\s+(?:the\s+month\s+of\s+)?)")
assert _LEADING_PREPOSITION


def _has_any(group: tuple[str, ...], text: str, lowered: str, seen: dict) -> bool:
    if group not in seen:
        seen[group] = any(needle in (text if needle[0].isupper() else lowered) for needle in group)
    return seen[group]


def find_time_expressions(text: str, ref: date | None,
                          direction_at: Callable[[int, int], str]) -> list[TimeExpression]:
    """All temporal expressions in `text`, longest first where they overlap.

    `direction_at(start, end)` tells the tense governing the expression at that place.
    """
    candidates = []
    lowered = text.lower()
    present: dict[tuple[str, ...], bool] = {}
    for order, (regex, handler, groups) in enumerate(_PATTERNS):
        if not all(_has_any(group, text, lowered, present) for group in groups):
            continue
        strip = handler in (_bare_month, _year, _season)
        for m in regex.finditer(text):
            lead = _LEADING_PREPOSITION.match(m.group()) if strip else None
            start = m.start() + (lead.end() if lead else 0)
            candidates.append((start, -(m.end() - start), order, m, handler))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    found: list[TimeExpression] = []
    taken_until = -1
    for start, _, _, m, handler in candidates:
        if start < taken_until:
            continue
        try:
            resolved = handler(m, ref, direction_at(start, m.end()))
        except (ValueError, OverflowError):
            continue  # e.g. "next year" said in 9999: past the calendar's end, so not a claim
        if resolved is None:
            continue
        first, last, granularity = resolved
        found.append(TimeExpression(start, m.end(), text[start:m.end()], first, last, granularity))
        taken_until = m.end()
    return found
