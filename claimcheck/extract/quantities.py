"""Numeric claims: a number (or a range of two) with a unit word or a count noun, and its hedge.

The interval says what the writer committed to: "2,600 miles" covers 2,550–2,650, "about 120,000"
widens that to ±10%, "more than 100,000" is open above, "nearly 120,000" is [108,000, 120,000].
A bare number with neither a unit nor a count noun is not a claim.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from claimcheck.alternation import word_alternation
from claimcheck.extract import readings
from claimcheck.extract.numbers import NUMBER, SCALES, WORD_NUMBERS, Number, parse_number
from claimcheck.extract.scan import SPACE, Scanner
from claimcheck.extract.units import (ADJECTIVE_UNITS, CASED_UNITS, COUNT, UNIT_WORDS, rate_unit,
                                      to_base, unit_info)

_APPROXIMATE = ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
                "almost", "nearly", "close to", "just under", "more than", "over", "at least",
                "just over", "well over", "upwards of", "up to", "as many as", "fewer than",
                "less than", "under", "at most", "no more than", "as few as")
HEDGE = "|".join(sorted(_APPROXIMATE, key=len, reverse=True)).replace(" ", r"\s+")
_LOWER_BOUNDS = {"more than", "over", "at least", "just over", "well over", "upwards of"}
_UPPER_BOUNDS = {"up to", "as many as", "fewer than", "less than", "under", "at most",
                 "no more than"}
_JUST_BELOW = {"almost", "nearly", "close to", "just under"}
APPROXIMATE_WIDTH = 0.10
_DEFINITE = re.compile(r"(?i)\b(?:the|these|those|both|all)\s+$")
_HEDGE_BEFORE = re.compile(rf"(?i:\b(?P<hedge>{HEDGE})\s+|\bbetween\s+)$")
# The word just before a number says whether a hedge can end there: most numbers have none, and
# searching the text before every number for every hedge is slow.
_HEDGE_LAST_WORDS = tuple({h.split()[-1] for h in _APPROXIMATE} | {"between"})
# where a number can start: the first digit of a run (digits after "," or "." go on a number), or
# a sign before a digit
_DIGITS = re.compile(r"[-\u2212\d][\d,.]*")
# "a" or "an" starts a number only before a scale word NUMBER reads after it ("a million",
# not "a market")
_WORD_NUMBER_START = Scanner(rf"(?i)\b(?:{'|'.join(WORD_NUMBERS)}|half)\b|\ban?{SPACE}(?:hundred|thousand|million|billion|trillion|dozen)")


@dataclass(frozen=True)
class QuantityMention:
    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str                  # as written, singular for unit words, as written for count nouns
    base_low: float
    base_high: float
    base_unit: str
    dimension: str
    hedge: str | None
    measure: str | None = None # what a count counts, where the finder knows it (see tolls.py)


class QuantityFinder:
    """Built once per vocabulary: one regex for every unit word and count noun it knows."""

    def __init__(self, count_nouns: tuple[str, ...]):
        units = sorted(UNIT_WORDS, key=len, reverse=True)
        # a trie of the unit words (claimcheck.alternation): one alternative per unit would be
        # tried in turn after every number
        lower_alt = word_alternation([u for u in units if u not in CASED_UNITS and u != "m"], r"\s+")
        lower_alt += "|" + _unit_re("m")
        cased_alt = word_alternation([u for u in units if u in CASED_UNITS], r"\s+")
        adjective_alt = "|".join(re.escape(u) for u in sorted(ADJECTIVE_UNITS, key=len, reverse=True))
        self.count_nouns = {n.lower() for n in count_nouns}
        noun_alt = word_alternation(self.count_nouns) if self.count_nouns else "(?!)"
        number = rf"(?P<num>(?i:{NUMBER}))"
        second = rf"(?:\s*(?:-|–|to|and)\s*(?P<num2>(?i:{NUMBER})))"
        # The number and what follows it; a hedge before it is looked for separately, once a
        # number has been found: a leading alternation of hedges would be tried at every
        # position of every article.
        # measures (money, percentages, durations) read a numeral followed by their suffix
        from claimcheck.extract.measures import MODULES   # they import this module
        self._measure_groups = tuple((name, f"{name}_code", module) for name, module in MODULES.items())
        suffixes = "".join(f"|{module.SUFFIX}" for module in MODULES.values())
        self.regex = re.compile(
            rf"{number}{second}?"
            rf"(?:-(?P<adj>(?i:{adjective_alt}))(?:-(?:high|tall|long|wide|deep|thick))?(?![\w-])"
            rf"|\s*(?P<unit>(?i:{lower_alt})|{cased_alt})(?![\w])(?:{readings.PER})?{suffixes}"
            rf"|\s+(?:(?P<mods>(?:[A-Za-z][\w'’-]*\s+){{0,2}}))(?P<noun>(?i:{noun_alt}))\b(?!['’]s))"
        )
        # any other plural noun right after the number, or after one modifier ("400 new trees")
        # (not a verb: "Section 230 protects the", "Rule 7 says that")
        self.generic = re.compile(rf"{number}\s+(?:(?P<mods>[a-z][a-z'’-]*)\s+)??(?P<noun>{readings.PLURAL})\b(?![-'’])"
                                  r"(?!\s+(?:the|a|an|his|her|its|their|these|those|him|them|it)\b|\s+\d)")

    def find(self, text: str, taken: list[tuple[int, int]] = ()) -> list[QuantityMention]:
        """Numbers start at a digit or at a number word; only those places are tried, and none
        inside a span already `taken` (sorted): the days and years of dates are no quantities."""
        # the character after each run of digits says which special readings can apply
        after = {m.start(): text[m.end():m.end() + 1] for m in _DIGITS.finditer(text)
                 if m.end() - m.start() > 1 or text[m.start()].isdigit()}
        found = []
        taken_until = -1
        ends = [end for _, end in taken]
        for start in sorted([*after, *_WORD_NUMBER_START.starts(text)]):
            if start < taken_until or (start and (text[start - 1].isalnum() or text[start - 1] in "_.,-/")):
                continue
            inside = bisect_right(ends, start)
            if inside < len(taken) and taken[inside][0] <= start:
                continue
            m = self._match(text, start, after.get(start))
            if m is None:
                continue
            mention = self._mention(m, text)
            if mention is not None:
                found.append(mention)
                taken_until = m.end()
        return found

    def _match(self, text: str, start: int, next_char: str | None) -> re.Match | None:
        """The main pattern, else the readings the character after the digits allows: metres
        ("1.8m tall"), degrees ("38C"), a count of any plural noun ("400 trees")."""
        m = self.regex.match(text, start)
        if m is not None:
            return m
        if next_char in ("C", "F"):
            return readings.degrees(text, start)
        metres = next_char == "m"
        if metres and (m := readings.metres(text, start)):
            return m
        if next_char is not None and not (next_char.isspace() or metres):
            return None
        if "pound" in text[start:start + 40] and (m := readings.weighed_pounds(text, start)) is not None:
            return m
        if "deg" in text[start:start + 40] and (m := readings.angle(text, start)) is not None:
            return m
        m = self.generic.match(text, start)   # "1.8m viewers" is a count before it is metres
        if m is None or not readings.generic_noun(m) or readings.NAMED.search(text, max(0, start - 30), start):
            return readings.bare_metres(text, start) if metres else None
        return m

    def _mention(self, m: re.Match, text: str) -> QuantityMention | None:
        groups = m.groupdict()
        for name, code, module in self._measure_groups:
            if groups.get(name) or groups.get(code):
                if groups.get("num2") and not _joined_as_range(m, text):
                    return None   # "USD 40 million and 50 million EUR": two amounts
                return module.after_number(m, text)
        if groups.get("adj") and groups["adj"].lower() == "pound":
            if _SCALED.search(m["num"]):   # "a 10 billion-pound deal" is sterling
                from claimcheck.extract.measures import money
                return money.sterling(m, text)
            groups["adj"] = "lb"           # "a 10-pound turkey"
        first = parse_number(m["num"])
        if first is None or (groups.get("mods") and _has_number_word(m["mods"])):
            return None
        if readings.RATIO.search(text, max(0, m.start() - 16), m.start()):
            return None  # "1 in 5 adults" is a share
        if groups.get("noun") and not readings.counts_things(m["num"], first.value):
            return None  # "half the residents" is a share, "one" a pronoun as often as a count
        if (groups.get("noun") and not m["num"][0].isdigit()
                and _DEFINITE.search(text, max(0, m.start("num") - 40), m.start("num"))):
            return None  # "the two leaders" refers back to people already named
        minus = None if groups.get("noun") else readings.MINUS.search(text, max(0, m.start() - 8), m.start())
        if minus is not None:   # "minus 7 degrees Celsius"
            first = Number(-first.value, first.half_width)
        before = _hedge_before(text, minus.start() if minus else m.start())
        hedge = " ".join(before["hedge"].lower().split()) if before and before["hedge"] else None
        bounds = stated_interval(m, first, hedge)
        if bounds is None:
            return None
        low, high = bounds
        if groups.get("noun"):
            unit = m["noun"].lower()
            base_low, base_high, base_unit, dimension = low, high, COUNT, COUNT
        else:
            unit = groups.get("adj") or m["unit"]
            unit = readings.unit_read(m, unit)
            unit = unit if unit in UNIT_WORDS else " ".join(unit.lower().split())
            if groups.get("per"):
                unit = rate_unit(unit, m["per"].lower())
            base_low, base_high, base_unit, dimension = to_base(unit, low, high)
            unit = _singular(unit)
        start = before.start() if before else (minus.start() if minus else m.start())
        return QuantityMention(start, m.end(), text[start:m.end()], low, high, unit,
                               base_low, base_high, base_unit, dimension, hedge)


_SCALED = re.compile(r"(?i)(?:million|billion|trillion|bn|mn|m)\s*$")


def _hedge_before(text: str, start: int) -> re.Match | None:
    tail = text[max(0, start - 20):start]
    word = tail.rstrip().lower()
    if len(word) == len(tail) or not word.endswith(_HEDGE_LAST_WORDS):
        return None
    return _HEDGE_BEFORE.search(text, max(0, start - 40), start)


def stated_interval(m: re.Match, first, hedge: str | None) -> tuple[float, float] | None:
    """[low, high] that a number (or a range: "3-5 years", group `num2`) commits to, with its
    hedge; None for a range that runs backwards."""
    if m.groupdict().get("num2"):
        second = parse_number(m["num2"])
        first = scaled_like(m["num"], first, m["num2"])    # "5-7 million people"
        if second is None or second.value < first.value:
            return None
        return first.value - first.half_width, second.value + second.half_width
    return hedged(first.value, first.half_width, hedge)


def hedged(value: float, half: float, hedge: str | None) -> tuple[float, float]:
    if hedge is None:
        return value - half, value + half
    if hedge in _LOWER_BOUNDS:
        return value, math.inf
    if hedge in _UPPER_BOUNDS:
        return (0.0, value) if value >= 0 else (-math.inf, value)
    width = max(half, APPROXIMATE_WIDTH * abs(value))
    if hedge in _JUST_BELOW:
        return value - width, value
    return value - width, value + width


def _has_number_word(words: str) -> bool:
    """Whether the words between a number and its noun join another number or noun ("5 cars
    and 3 troops", "two of the troops"); "24,000 police and troops" counts both forces."""
    if _FORCES_AND.fullmatch(words):
        return False
    return any(w.lower() in ("and", "or", "of", "to") for w in words.split())


_FORCES_AND = re.compile(r"(?i)(?:police(?:men)?|soldiers|troops|officers|guards|paramilitar(?:y|ies)|"
                         r"militia(?:men)?|sailors|marines)\s+(?:and|or)\s+")


def _singular(unit: str) -> str:
    return unit_info(unit)[0]


def _unit_re(unit: str) -> str:
    if unit == "m":
        return r"(?<=\s)m"   # "5 m" is metres; "5m" is five million unless readings.metres says otherwise
    return re.escape(unit).replace(r"\ ", r"\s+")


def _joined_as_range(m: re.Match, text: str) -> bool:
    """"5 to 7", "5-7"; "5 and 7" only after "between"."""
    if "and" not in text[m.end("num"):m.start("num2")].lower():
        return True
    return bool(re.search(r"(?i)\bbetween\s+$", text[max(0, m.start() - 12):m.start()]))


def hedge_of(text: str, start: int) -> tuple[str | None, int]:
    """The hedge written just before `start` ("about", "more than") and where the claim starts."""
    before = _hedge_before(text, start)
    if before is None or not before["hedge"]:
        return None, start
    return " ".join(before["hedge"].lower().split()), before.start()


def scaled_like(written: str, number, second_written: str):
    """"5-10 million": the first number of a range takes the scale word of the second."""
    words = second_written.lower().split()
    factor = SCALES.get(words[-1]) if len(words) > 1 and words[-1] in _SPACED_SCALES else None
    if factor is None or not written.replace(",", "").replace(".", "").isdigit():
        return number
    return Number(number.value * factor, number.half_width * factor)


_SPACED_SCALES = ("thousand", "million", "billion", "trillion", "bn", "mn", "mln", "bln")   # "5-7 mln dlrs"
