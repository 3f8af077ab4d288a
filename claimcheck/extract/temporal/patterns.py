"""The building blocks of temporal patterns, the pattern registry, and explicit-date parsing.

Explicit dates ("Dec. 15, 2021", "June 16") are parsed by dateparser; the pattern modules resolve
everything relative against the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Callable

from claimcheck.alternation import word_alternation
from claimcheck.word_pattern import WordPattern

_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"]
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH_WORDS = [name.capitalize() for name in _MONTH_NAMES] + \
    [f"{abbr.capitalize()}." for abbr in _MONTH_ABBR] + ["Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"]
MONTH = f"(?P<month>{word_alternation(_MONTH_WORDS)})(?![\\w-])"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?![\d-])"
PART = (r"(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        r"the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)")
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
COUNT = r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
PREP = "(?:" + word_alternation(["in", "during", "since", "until", "till", "by", "through", "throughout",
                                 "from", "before", "after", "of", "between", "and", "to"]) + ")"


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTH_ABBR.get(key) or _MONTH_NAMES.index(key) + 1


def parse_month_day(m: re.Match, end: int | None = None) -> tuple[int, int] | None:
    """(month, day) of an explicit date as written ("Dec. 15", "15th of December"), parsed by
    dateparser. A year that follows is left out, and the words are cached: a corpus names the
    same few hundred days of the year again and again, and dateparser takes a millisecond."""
    if end is None:
        end = m.start("year") if m.groupdict().get("year") else m.end()
    return _parse_month_day(" ".join(m.string[m.start():end].rstrip(",-– ").split()))


@lru_cache(maxsize=4096)
def _parse_month_day(text: str) -> tuple[int, int] | None:
    import dateparser  # imported here: loading it costs a noticeable fraction of a second

    parsed = dateparser.parse(
        text, languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month"], "PREFER_DAY_OF_MONTH": "first",
                  "RETURN_AS_TIMEZONE_AWARE": False, "RELATIVE_BASE": _NEUTRAL_BASE},
    )
    return None if parsed is None else (parsed.month, parsed.day)


# A leap year as the base, so dateparser accepts a year-less "February 29".
_NEUTRAL_BASE = datetime(2000, 1, 1)


_UNTIL_BEFORE = re.compile(r"(?i)\b(?:until|till|through)\s+$")


def after_until(m: re.Match) -> bool:
    """Whether the expression is a bound after "until" ("remanded until January 5"): it looks
    ahead from what the sentence tells, so its past tense does not date it."""
    return _UNTIL_BEFORE.search(m.string, max(0, m.start() - 8), m.start()) is not None


Handler = Callable[[re.Match, "date | None", str], "tuple[date, date, str] | None"]
PATTERNS: list["Pattern"] = []

# Cheap substring tests (on the lowercased sentence) that must pass before a pattern's regex runs:
# most sentences hold no temporal expression, and most patterns cannot match most sentences.
DIGITS = tuple("0123456789")
# Every way MONTH can begin, and no shorter: "Mar" alone would send every "Market" to the month patterns.
MONTHS = ("Jan", "Feb", "March", "Mar.", "April", "Apr.", "May", "June", "Jun.", "July", "Jul.", "Aug",
          "Sep", "Oct", "Nov", "Dec")
PARTS = ("early", "mid", "late", "end of", "beginning of", "start of", "middle of", "half of")
WEEKDAY_NEEDLES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = ("day", "week", "month", "year", "decade")


# A pattern's match lies within this many characters of one of its anchor needles, before and after.
MARGIN = 60


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern | WordPattern
    handler: Handler
    needs: tuple[tuple[str, ...], ...]
    strip_preposition: bool     # report "July", not "in July"
    lowered: bool = False       # run over the text in lower case
    within: tuple[int, int] = (MARGIN, MARGIN)


def pattern(*regexes: str, needs: tuple = (DIGITS,), strip_preposition: bool = False,
            lowered: bool = False, within: tuple[int, int] = (MARGIN, MARGIN)):
    """Register a handler for its regexes. `needs` lists groups of needles: every group must have
    one needle in the text (capitalised needles are matched as written, others in lower case); the
    regexes run only near the needles of the last group, so it should be the rarest, and at most
    `within` characters before and after one of them. Registration order breaks ties between
    matches of the same place and length.

    `lowered` runs a pattern written as case-insensitive (`(?i:…)` around every letter) over the
    text in lower case, as a case-sensitive one: Python's re is many times slower with IGNORECASE.
    Its handler then reads the match in lower case."""
    groups = (needs,) if needs and isinstance(needs[0], str) else needs
    # Large groups as sets: which patterns an article needs is decided by testing each group
    # against the needles present (temporal._active), and a set answers without reading the
    # whole group; DIGITS stays the tuple that names the digit group.
    groups = tuple(frozenset(group) if len(group) > 16 else group for group in groups)

    def register(handler: Handler) -> Handler:
        for regex in regexes:
            PATTERNS.append(Pattern(_compiled(regex, lowered), handler, groups, strip_preposition,
                                    lowered, within))
        return handler
    return register


def _compiled(regex: str, lowered: bool) -> re.Pattern | WordPattern:
    """The regex, case-sensitive where `lowered`, and without its leading word boundary where it
    starts with one (see WordPattern: the boundary hides from re the letters a match starts with)."""
    if lowered:
        regex = regex.replace("(?i:", "(?:")
        letters = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", regex)
        if any(c.isupper() for c in letters):
            raise ValueError(f"a lowered pattern must be written in lower case: {regex}")
    for boundary in (r"\b", r"(?<=\b)"):
        if regex.startswith(boundary) and not regex[len(boundary):].startswith("(?i"):
            return WordPattern(regex[len(boundary):])
    return re.compile(regex)
