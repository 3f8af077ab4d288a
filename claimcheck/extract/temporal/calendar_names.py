"""Calendar-named expressions: explicit dates, months, parts of months and years, decades,
seasons, quarters and years. Year-less ones take their year from the tense."""

from __future__ import annotations

import re
from datetime import date

from claimcheck.extract import calendar as cal
from claimcheck.extract.temporal.patterns import (DAY, DIGITS, MONTH, MONTHS, PART, PARTS, PREP,
                                                  YEAR, after_until, month_number, parse_month_day,
                                                  pattern)


@pattern(r"\b(?P<year>\d{4})-(?P<m>\d\d)-(?P<day>\d\d)\b", needs=(DIGITS, ("-",)), within=(10, 10))
def _iso(m, ref, direction):
    d = date(int(m["year"]), int(m["m"]), int(m["day"]))  # an impossible date raises: not a claim
    return d, d, "day"


@pattern(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}", rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}",
          needs=(DIGITS, MONTHS), within=(20, 35))
def _full_date(m, ref, direction):
    parsed = parse_month_day(m)
    if parsed is None:
        return None
    d = date(int(m["year"]), *parsed)  # "February 29, 2021" raises: not a claim
    return d, d, "day"


_RANGE_END = r"\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d-])"
_RELATIVE_YEAR = r",?\s+(?P<rel>(?i:next|last|this))\s+year\b"


@pattern(rf"\b{MONTH}\s+{DAY}(?:{_RANGE_END}(?:,?\s+{YEAR})?|{_RELATIVE_YEAR}|(?![,.]?\s*\d))",
         rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?:{_RELATIVE_YEAR})?",
         needs=(DIGITS, MONTHS), within=(20, 45))
def _month_day(m, ref, direction):
    """"June 16" (its year from the tense), "Nov. 4-5" and "June 28–30, 2022" (the days from the
    first to the last), "January 23 next year" (the year as said, whatever the tense)."""
    groups = m.groupdict()
    end = m.start("day2") if groups.get("day2") else m.start("rel") if groups.get("rel") else None
    parsed = parse_month_day(m, end)
    if parsed is None:
        return None
    month, day = parsed
    if groups.get("year"):
        first = date(int(groups["year"]), month, day)
    elif ref is None:
        return None
    elif groups.get("rel"):
        first = date(ref.year + {"next": 1, "last": -1, "this": 0}[groups["rel"].lower()], month, day)
    else:
        # "was remanded until January 5", said in December: the January ahead, the nearer one
        bound = "unknown" if direction == "past" and after_until(m) else direction
        first = cal.day_occurrence(ref, month, day, bound)
        if first is None:
            return None
    if not groups.get("day2"):
        return first, first, "day"
    last = date(first.year, month, int(groups["day2"]))  # "Nov. 30-31" raises: not a claim
    return (first, last, "days") if last > first else None


@pattern(rf"(?i:\b{PART})[\s-]+{MONTH}(?:,?\s+{YEAR})?", needs=(MONTHS, PARTS))
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


@pattern(rf"\b{MONTH},?\s+{YEAR}", needs=(DIGITS, MONTHS))
def _month_year(m, ref, direction):
    first, last = cal.month_interval(int(m["year"]), month_number(m["month"]))
    return first, last, "month"


@pattern(rf"(?i:\b(?P<mod>last|next|this|this\s+coming|coming))\s+{MONTH}",
          needs=(MONTHS, ("last", "next", "this", "coming")), within=(4, 30))
def _modified_month(m, ref, direction):
    if ref is None:
        return None
    mod = " ".join(m["mod"].lower().split())
    mod = "next" if mod in ("coming", "this coming") else mod
    first, last = cal.month_occurrence(ref, month_number(m["month"]), mod, direction)
    return first, last, "month"


@pattern(rf"(?<=\b)(?i:(?:{PREP}|early\s+in|late\s+in)\s+)(?:the\s+month\s+of\s+)?{MONTH}",
         needs=MONTHS, strip_preposition=True, within=(36, 16))
def _bare_month(m, ref, direction):
    if ref is None:
        return None
    if m.group().lower().startswith("since"):
        direction = "past"      # "since September": a month gone by
    first, last = cal.month_occurrence(ref, month_number(m["month"]), "", direction)
    return first, last, "month"


# "The summit is scheduled for March": "for" dates a month only after a word of planning (a bare
# "for May" is as often Theresa May, "for June" a person)
_PLANNED = ("scheduled", "set", "planned", "slated", "due", "expected", "pencilled", "penciled",
            "earmarked")


for _word in _PLANNED:   # resolved as "in March" is
    pattern(rf"(?<=\b{_word}\sfor\s){MONTH}(?![.,]?\s*\d)", needs=(MONTHS, (f"{_word} for",)),
            within=(0, 16))(_bare_month)


@pattern(rf"(?i:\b{PART}[\s-]+){YEAR}(?!['’]?s)", needs=(DIGITS, PARTS), within=(12, 30))
def _part_of_year(m, ref, direction):
    first, last = cal.part_of(cal.year_interval(int(m["year"])), m["part"])
    return first, last, "part-of-year"


@pattern(r"(?i:\bthe\s+(?:(?P<part>early|mid|late)[\s-]+)?)(?P<decade>1[6-9]\d0|20\d0)['’]?s\b",
          needs=("0s", "0's", "0’s"))
def _decade(m, ref, direction):
    if int(m["decade"]) % 100 == 0 and int(m["decade"]) < 1900:
        # "the 1800s" is the century; "the 1900s" and "the 2000s" stay decades as news uses them
        first, last = date(int(m["decade"]), 1, 1), date(int(m["decade"]) + 99, 12, 31)
        if m["part"]:
            return (*cal.part_of((first, last), m["part"]), "part-of-century")
        return first, last, "century"
    first, last = cal.decade_part(int(m["decade"]), m["part"])
    return first, last, "part-of-decade" if m["part"] else "decade"


_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
# "temperatures in the seventies", "highs in the '80s": degrees, not a decade
_WEATHER_NEAR = re.compile(r"(?i)temperature|degree|°|fahrenheit|celsius|\bhighs?\b|\blows?\b|\bheat\b")


@pattern(r"(?i:\bthe\s+(?:(?P<part>early|mid|late)[\s-]+)?)(?:['’](?P<short>[0-9]0)s\b|"
          r"(?i:(?P<word>" + "|".join(_DECADE_WORDS) + r"))\b)",
          needs=("0s", *_DECADE_WORDS))
def _short_decade(m, ref, direction):
    """"the '70s", "the late seventies": the latest such decade over by the publication year (the
    current one is written out: "the 2020s")."""
    if ref is None or _WEATHER_NEAR.search(m.string, max(0, m.start() - 60), m.end() + 40):
        return None
    tens = int(m["short"]) if m["short"] else _DECADE_WORDS[m["word"].lower()]
    decade = ref.year // 100 * 100 + tens
    if decade + 9 >= ref.year:
        decade -= 100
    first, last = cal.decade_part(decade, m["part"])
    return first, last, "part-of-decade" if m["part"] else "decade"


@pattern(r"(?i:\b(?:(?P<mod>last|next|this|the\s+coming|the\s+past|early|late)\s+|"
          r"(?:in|during|by|until|through)\s+(?:the\s+)?)(?P<season>winter|spring|summer|autumn|fall)"
          rf"(?:\s+(?:of\s+)?{YEAR})?\b)",
          needs=("winter", "spring", "summer", "autumn", "fall"), strip_preposition=True, lowered=True)
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


@pattern(r"(?i:\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
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
    elif groups.get("rel"):
        year = ref.year + {"next": 1, "last": -1}.get(groups["rel"].lower(), 0)
    else:
        # "its earnings in the fourth quarter were …", written in March: last year's
        years = (ref.year - 1, ref.year, ref.year + 1)
        first, last = cal.pick([cal.quarter_interval(y, quarter) for y in years], ref, direction)
        return first, last, "quarter"
    first, last = cal.quarter_interval(year, quarter)
    return first, last, "quarter"


@pattern(rf"(?<=\b)(?i:{PREP}\s+){YEAR}", needs=("16", "17", "18", "19", "20"),
         strip_preposition=True, lowered=True, within=(24, 10))
def _year(m, ref, direction):
    first, last = cal.year_interval(int(m["year"]))
    return first, last, "year"


# Spans that each pattern reports start at the expression, not at a leading preposition.
