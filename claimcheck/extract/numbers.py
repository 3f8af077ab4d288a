"""Numbers as people write them in news copy, with the precision their writing implies.

"2,600" is read as 2,550–2,650 (rounded to the hundred), "4,209" as 4,208.5–4,209.5, "1.2 million"
as 1.15–1.25 million: the half-unit of the last significant digit, as statcheck reads reported values,
but never wider than ±5% ("100,000" is a round figure, not "anything from 50,000 to 150,000").
Numbers in words are rougher by nature and keep the half-unit scaled: "three thousand" is 2,500–3,500,
while "three hundred and fifty" is exact to the unit, as is "two thousand and twelve".
Fractions ("half a million", "two and a half", "10 1/2", "1½") are taken as written; a minus sign
(ASCII or U+2212) before the digits makes the number negative.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_BIG = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000}
SCALES = {**_BIG, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
          "mln": 1_000_000, "bln": 1_000_000_000,   # wire style: "2.4 mln dlrs"
          "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000, "t": 1_000_000_000_000,
          "dozen": 12, "dozens": 12, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
# denominators of fractions written in words ("two-thirds", "a quarter", "three fifths")
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
             "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
VULGAR = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 1 / 8}

WORD_NUMBERS = sorted([*_UNITS, *_TENS], key=len, reverse=True)
_WORD = "|".join(WORD_NUMBERS)
_BIG_ALT = "|".join(_BIG)
_FRACTION = "|".join(sorted(FRACTIONS, key=len, reverse=True))
# Thousands separated by commas, or by (no-break, thin) spaces as in "120 000"; at most 15 digits
# before the point: longer numbers are not measurements anyone states.
# At most twelve groups, taken whole (possessive: fewer groups could only leave digits between
# the number and its unit): "123 123 123 …" run on for a megabyte would otherwise be matched to
# its end from each of its numbers, and backed off group by group, in quadratic time.
DIGITS = r"\d{1,3}(?:,\d{3}){1,12}+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,12}+(?!\d)(?:\.\d+)?|\d{1,15}(?:\.\d+)?(?!\d)"
SIGN = r"(?:[-\u2212](?=\d))?"
MIXED = r"(?:\s{1,2}\d/\d{1,2}(?![\d/])|[½¼¾⅓⅔⅛])?"
# A fraction on its own ("1/4 mile", "3/8 inch"): only the denominators measures are split into,
# so "9/11", "24/7" and dates ("4/22") are not read as fractions.
FRACTION_DIGITS = r"\d/(?:2|3|4|8|16|32)(?![\d/])"
SCALE = r"(?:hundred|thousand|million|billion|trillion|dozen|bn|mn|k|m)"
_SPACED_SCALE = r"(?:hundred|thousand|million|billion|trillion|dozens?|bn|mn|mln|bln|lakhs?|crores?)"
# A chain of number words: "three hundred and fifty", "twenty-five thousand", "two thousand and
# twelve". "and" only follows a scale word, so "two soldiers and three" stays two numbers.
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))\s+and\s+"
WORD_CHAIN = rf"(?:{_WORD})(?:(?:-|\s+|{_AND})(?:{_WORD}|{_BIG_ALT})\b)*"
_A_SCALE = rf"an?\s+(?:{_BIG_ALT}|dozen)(?:\s+(?:{_BIG_ALT}))*"
# a whole number and a fraction: "two and a half", "one and a fifth", "twenty and three fifths"
_AND_A = rf"(?:\s+and\s+(?:a|one|{_WORD})[- ](?:{_FRACTION})\b)"
_WORD_FRACTION = (rf"(?:(?:a|one|{_WORD})[- ](?:{_FRACTION})|half)"
                  rf"(?:(?:\s+of)?\s+(?:a|an)\s+(?:{_BIG_ALT}|dozen)\b)?")
# A number: digits or words, then optional scale words ("1.2 million", "two dozen", "120k", the
# wire's "two mln").
# A number in words is never followed by a fraction word: "two thirds of the cake" is a share,
# not two things called thirds.
_DIGIT_WORDS = "zero|one|two|three|four|five|six|seven|eight|nine"
# "three point five (million)": digits after the point one word each
_POINT = rf"(?:\s+point(?:\s+(?:{_DIGIT_WORDS}))+\b)"
NUMBER = (rf"(?:{SIGN}(?:{FRACTION_DIGITS}|{DIGITS}){MIXED}(?:\s?{_SPACED_SCALE}\b|(?<=\d)(?:k|m|bn)\b)?"
          rf"|{_WORD_FRACTION}|(?:{WORD_CHAIN}{_POINT}?|{_A_SCALE})(?![- ](?:{_FRACTION})\b){_AND_A}?(?:\s+(?:{_BIG_ALT}|dozens?|mln|bln)\b)*)")


@dataclass(frozen=True)
class Number:
    value: float
    half_width: float   # half the unit of the last significant digit, at most 5% of the value


_TOKEN = re.compile(r"\d/\d+|[-\u2212]?\d[\d.,\s]*\d(?![/\d])|[-\u2212]?\d(?!/)|[½¼¾⅓⅔⅛]|[a-zA-Z]+")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Number | None:
    """Read a number matched by NUMBER; None when it is not one (e.g. a lone "a"). Cached: news
    copy repeats its numbers ("two", "2021"), and a Number cannot change."""
    tokens = _TOKEN.findall(text.lower().replace("\u00a0", " ").replace("\u202f", " "))
    if not tokens:
        return None
    if len(tokens[0]) > MAX_NUMBER_CHARS or len(tokens) > 8:
        return None   # hundreds of digit groups, "a trillion trillion …": no measurement
    if tokens[0][0].isdigit() or tokens[0][0] in "-\u2212":
        number = _parse_digits(tokens)
    elif "point" in tokens:
        number = _parse_point(tokens)
    elif "and" in tokens and tokens[-1] in FRACTIONS:
        number = _mixed_words(tokens)
    else:
        number = _parse_words([t for t in tokens if t != "and"] if "and" in tokens else tokens)
    if number is None or not (math.isfinite(number.value) and math.isfinite(number.half_width)):
        return None
    return number


def _parse_digits(tokens: list[str]) -> Number | None:
    head, *rest = tokens
    negative = head[0] in "-\u2212"
    if "/" in head:   # "1/4 mile": a fraction on its own is exact, and less than one
        top, bottom = (int(part) for part in head.lstrip("-\u2212").split("/"))
        if not 0 < top < bottom:
            return None
        value, half = top / bottom, 0.0
    else:
        value, half = _digits(head.lstrip("-\u2212"))
    if rest and (rest[0] in VULGAR or "/" in rest[0]):
        value += _fraction(rest.pop(0))
        half = 0.0
    scaled = _scaled(value, half, rest)
    if scaled is None:
        return None
    value, half = scaled
    if half > 0.5:
        half = min(half, max(ROUNDING_CAP * value, 0.5))
    return Number(-value if negative else value, half)


def _scaled(value: float, half: float, scales: list[str]) -> tuple[float, float] | None:
    """The value and half-width times each scale word ("million"); None for a word that is none."""
    for scale in scales:
        factor = SCALES.get(scale)
        if factor is None:
            return None
        value *= factor
        half *= factor
    return value, half


def _fraction(token: str) -> float:
    if token in VULGAR:
        return VULGAR[token]
    top, bottom = token.split("/")
    return int(top) / int(bottom) if int(bottom) else 0.0


ROUNDING_CAP = 0.05
MAX_NUMBER_CHARS = 40


def _digits(token: str) -> tuple[float, float]:
    digits = re.sub(r"[,\s]", "", token)
    if "." in digits:
        decimals = len(digits.split(".", 1)[1])
        return float(digits), 0.5 * 10 ** -decimals
    value = int(digits)
    zeros = len(digits) - len(digits.rstrip("0")) if value else 0
    # Trailing zeros of a number of three digits or more read as rounding ("600-mile" is
    # 550–650); a two-digit number ("20 km") is taken at face value to the unit.
    if value < 100:
        zeros = 0
    return float(value), 0.5 * 10 ** zeros


_WIRE_SCALES = {"mln": "million", "bln": "billion"}


def _parse_words(words: list[str]) -> Number | None:
    """Words in the order written: small numbers add up, "hundred" multiplies what came since the
    last larger scale, "thousand" and up close a group. The half-width is half the scale applied
    after the last small number ("three thousand" ±500, "three hundred and fifty" ±0.5)."""
    if words[0] in FRACTIONS or (len(words) > 1 and words[1] in FRACTIONS):
        return _word_fraction([w for w in words if w != "of"])
    words = [_WIRE_SCALES.get(w, w) for w in words]     # "two mln" as "two million"
    total, group, half, seen = 0.0, 0.0, 0.5, False
    previous = None
    for i, w in enumerate(words):
        if w in ("a", "an"):
            if i + 1 >= len(words) or words[i + 1] not in {**_BIG, "dozen": 12, "half": 2, "quarter": 4}:
                return None
            if words[i + 1] in ("half", "quarter"):
                # "two and a half (million)": the fraction joins the number before it
                group += 1 / FRACTIONS[words[i + 1]]
                half = 0.0
                previous = "fraction"
                continue
            group, seen = 1.0, True
            half = 0.5
            previous = "unit"
        elif w in ("half", "quarter") and previous == "fraction":
            continue
        elif w in _UNITS or w in _TENS:
            v = _UNITS.get(w, _TENS.get(w))
            if previous == "unit" or (previous == "tens" and w in _TENS) or (previous == "tens" and v >= 10):
                return None   # "one two", "twenty thirty"
            group += v
            half, seen = 0.5, True
            previous = "tens" if w in _TENS else "unit"
        elif w in ("dozen", "dozens") or w in _BIG:
            if not seen:
                return None
            dozen = w.startswith("dozen")
            factor = 12 if dozen else _BIG[w]
            if w == "hundred" or dozen:
                group *= factor
            else:
                total += group * factor
                group = 0.0
            half = 0.1 * group if dozen else half * factor   # "two dozen": about 24
            previous = "scale"
        else:
            return None
    if not seen:
        return None
    if half == 0 and any(w in _BIG for w in words):
        half = ROUNDING_CAP * (total + group)   # "two and a half million" is a round figure
    return Number(total + group, half)


def _mixed_words(tokens: list[str]) -> Number | None:
    """A whole number, "and", a fraction: "two and a half", "one hundred and three quarters"
    (100¾, as "and" after a scale word joins the whole number), "twenty and three fifths".
    Exact, as fractions are."""
    at = len(tokens) - 1 - tokens[::-1].index("and")
    whole = _parse_words([t for t in tokens[:at] if t != "and"])
    part = _word_fraction(tokens[at + 1:])
    if whole is None or part is None or part.value >= 1:
        return None
    return Number(whole.value + part.value, 0.0)


def _word_fraction(words: list[str]) -> Number | None:
    """"half", "a quarter", "two-thirds", "half a million", "three quarters of" (without "of")."""
    scale = 1.0
    if words[-1] in _BIG or words[-1] == "dozen":
        scale = SCALES[words[-1]]
        if len(words) < 3 or words[-2] not in ("a", "an"):
            return None
        words = words[:-2]
    if words == ["half"]:
        numerator = 1
    elif len(words) == 2 and words[0] in ("a", "one"):
        numerator = 1
    elif len(words) == 2 and words[0] in _UNITS:
        numerator = _UNITS[words[0]]
    else:
        return None
    denominator = FRACTIONS.get(words[-1])
    if denominator is None or (numerator > 1 and not words[-1].endswith("s") and words[-1] != "half"):
        return None
    value = numerator / denominator * scale
    return Number(value, ROUNDING_CAP * value if scale > 1 else 0.0)


def _parse_point(tokens: list[str]) -> Number | None:
    """"three point five million": the whole part in words, one word per decimal digit."""
    at = tokens.index("point")
    whole = _parse_words(tokens[:at])
    digits = []
    rest = tokens[at + 1:]
    while rest and rest[0] in _UNITS and _UNITS[rest[0]] < 10:
        digits.append(str(_UNITS[rest.pop(0)]))
    if whole is None or not digits:
        return None
    value = whole.value + float("0." + "".join(digits))
    scaled = _scaled(value, 0.5 * 10 ** -len(digits), rest)
    return None if scaled is None else Number(*scaled)
