"""Years and the parts of them named in words: "June of 1992", "April of last year", "early next
year", "2019's first quarter", "the 14th century", "in nineteen ninety-five", and a year used as a
modifier ("a 2010 commando raid", "his 2007 campaign")."""

from __future__ import annotations

from datetime import date

from claimcheck.extract import calendar as cal
from claimcheck.extract.temporal.compounds import _after_words
from claimcheck.extract.temporal.patterns import DIGITS, MONTH, MONTHS, month_number, pattern

_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\d-])"


@pattern(rf"\b{MONTH}(?i:\s+of\s+){_YEAR}", needs=(MONTHS, ("of 1", "of 2")))
def _month_of_year(m, ref, direction):
    first, last = cal.month_interval(int(m["year"]), month_number(m["month"]))
    return first, last, "month"


_CENTURY_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                  "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
                  "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                  "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                  "twentieth": 20, "twenty-first": 21}


@pattern(r"(?i:\bthe\s+(?:(?P<part>early|mid|late)[\s-]+)?(?:(?P<n>1\d|20|21|[1-9])(?:st|nd|rd|th)|"
         r"(?P<word>" + "|".join(sorted(_CENTURY_WORDS, key=len, reverse=True)) + r"))[\s-]+century\b)",
         needs=("century",), lowered=True)
def _century(m, ref, direction):
    """"the 14th century" is 1300–1399, as "the 1300s" is, and as news and TimeML (ISO 8601's
    century "13") read it; the calendar's 1301–1400 only shifts one year at each end."""
    n = int(m["n"]) if m["n"] else _CENTURY_WORDS[m["word"].lower()]
    first, last = date(max(1, 100 * (n - 1)), 1, 1), date(100 * n - 1, 12, 31)
    if m["part"]:
        first, last = cal.part_of((first, last), m["part"])
    return first, last, "century"


# "a 2010 commando raid", "his 2007 campaign", "Brazil's 2014 World Cup": a year used as a
# modifier, after an article or a possessive and before a word ("the 2022 earthquake" is left
# to the frames: it names an event, and the date is not what is claimed)
@pattern(_after_words("a", "an", "his", "her", "its", "their", "our", "whose")[:-1]
         + r"|(?<=['’]s )|(?<=s['’] ))"
         r"(?P<year>(?:19|20)\d\d)(?=\s+[A-Za-z])(?!\s+(?:people|troops|soldiers|votes|residents)\b)",
         needs=(tuple(f"{w} {c}" for w in ("a", "an", "his", "her", "its", "their", "our", "whose",
                                          "'s", "’s", "s'", "s’") for c in ("19", "20")),))
def _year_modifier(m, ref, direction):
    year = int(m["year"])
    if ref is not None and year > ref.year + 10:
        return None
    first, last = cal.year_interval(year)
    return first, last, "year"


_TEENS = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_YEAR_WORDS = {w: i for i, w in enumerate(_ONES.split("|"), 1)}
_YEAR_WORDS.update({w: i for i, w in enumerate(_TEENS.split("|"), 10)})
_YEAR_WORDS.update({w: 10 * i for i, w in enumerate(_TENS.split("|"), 2)})


@pattern(r"(?i:(?<=\b)(?:in|since|until|by|of|from)\s+)(?i:(?P<century>seventeen|eighteen|nineteen|twenty)"
         rf"[\s-]+(?P<rest>hundred|oh[\s-](?:{_ONES})|(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS})"
         rf"|two\s+thousand(?:(?:\s+and)?[\s-]+(?P<small>(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|{_ONES}))?)\b"
         r"(?![\s-]+(?:people|years|of|thousand|hundred|million|[a-z]+s\b))",
         needs=("nineteen", "eighteen", "seventeen", "twenty", "two thousand"), strip_preposition=True)
def _spelled_year(m, ref, direction):
    """"in nineteen ninety-five", "since two thousand and twelve", "in nineteen hundred"."""
    if m["century"]:
        century = _YEAR_WORDS[m["century"].lower()] * 100
        rest = m["rest"].lower().replace("oh", "").replace("-", " ").split()
        year = century + (0 if rest == ["hundred"] else sum(_YEAR_WORDS[w] for w in rest))
    else:
        small = (m["small"] or "").lower().replace("-", " ").split()
        year = 2000 + sum(_YEAR_WORDS[w] for w in small)
    first, last = cal.year_interval(year)
    return first, last, "year"


@pattern(r"(?i:\b(?P<part>early|mid|late)[\s-]+(?P<mod>next|last|this)\s+year)\b", needs=("next year", "last year", "this year"), lowered=True)
def _part_of_relative_year(m, ref, direction):
    if ref is None:
        return None
    year = ref.year + {"next": 1, "last": -1, "this": 0}[m["mod"].lower()]
    first, last = cal.part_of(cal.year_interval(year), m["part"])
    return first, last, "part-of-year"


@pattern(rf"\b{MONTH}(?i:\s+(?:of\s+)?(?P<mod>last|next|this)\s+year)\b",
         needs=(MONTHS, ("last year", "next year", "this year")))
def _month_of_relative_year(m, ref, direction):
    """"April of last year", "June next year": the month in that year (not the nearest April)."""
    if ref is None:
        return None
    year = ref.year + {"last": -1, "next": 1, "this": 0}[m["mod"].lower()]
    first, last = cal.month_interval(year, month_number(m["month"]))
    return first, last, "month"


@pattern(r"\b(?P<year>1[6-9]\d\d|20\d\d)['’]s\s+(?i:(?P<nth>first|second|third|fourth|final|last)\s+"
         r"(?P<unit>quarter|half))\b", needs=(DIGITS, ("'s first", "'s second", "'s third", "'s fourth",
                                                      "’s first", "’s second", "’s third", "’s fourth",
                                                      "'s final", "'s last", "’s final", "’s last")))
def _year_s_part(m, ref, direction):
    """"2019's first quarter", "2020's second half"."""
    year, nth = int(m["year"]), m["nth"].lower()
    index = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 0, "last": 0}[nth]
    if m["unit"].lower() == "quarter":
        first, last = cal.quarter_interval(year, index or 4)
        return first, last, "quarter"
    if index > 2:
        return None
    half = index or 2
    first, last = (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))
    return first, last, "half-year"
