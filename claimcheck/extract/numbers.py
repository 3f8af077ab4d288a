"""Numbers as people write them in news copy, with the precision their writing implies.

"2,600" is read as 2,550–2,650 (rounded to the hundred), "4,209" as 4,208.5–4,209.5, "1.2 million"
as 1.15–1.25 million: the half-unit of the last significant digit, as statcheck reads reported values,
but never wider than ±5% ("100,000" is a round figure, not "anything from 50,000 to 150,000").
Numbers in words are rougher by nature and keep the half-unit scaled: "three thousand" is 2,500–3,500.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "mn": 1_000_000,
          "bn": 1_000_000_000, "dozen": 12}

WORD_NUMBERS = sorted([*_UNITS, *_TENS], key=len, reverse=True)
_WORD = "|".join(WORD_NUMBERS)
# Thousands separated by commas, or by (no-break, thin) spaces as in "120 000"; at most 15 digits
# before the point: longer numbers are not measurements anyone states.
# At most twelve groups, taken whole (possessive: fewer groups could only leave digits between
# the number and its unit): "123 123 123 …" run on for a megabyte would otherwise be matched to
# its end from each of its numbers, and backed off group by group, in quadratic time.
DIGITS = r"\d{1,3}(?:,\d{3}){1,12}+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,12}+(?!\d)(?:\.\d+)?|\d{1,15}(?:\.\d+)?(?!\d)"
WORDS = rf"(?:a|an|{_WORD})(?:[- ](?:{_WORD}))?"
SCALE = r"(?:hundred|thousand|million|billion|trillion|dozen|bn|mn|k|m)"
# A number: digits or words, then optional scale words ("1.2 million", "two dozen", "120k").
NUMBER = rf"(?:(?:{DIGITS})(?:\s?{SCALE}\b|(?<=\d)(?:k|m|bn)\b)?|(?:{WORDS})(?:\s{SCALE})+|(?:{_WORD})(?:-(?:{_WORD}))?)"


@dataclass(frozen=True)
class Number:
    value: float
    half_width: float   # half the unit of the last significant digit, at most 5% of the value


def parse_number(text: str) -> Number | None:
    """Read a number matched by NUMBER; None when it is not one (e.g. a lone "a")."""
    tokens = re.findall(r"\d[\d.,\s]*\d|\d|[a-zA-Z]+", text.lower().replace("\u00a0", " ").replace("\u202f", " "))
    if not tokens:
        return None
    head, *scales = tokens
    if len(head) > MAX_NUMBER_CHARS or len(scales) > 4:
        return None   # hundreds of digit groups, "a trillion trillion …": no measurement
    capped = head[0].isdigit()
    if capped:
        value, half = _digits(head)
    else:
        words = [head]
        while scales and scales[0] in _UNITS or (scales and scales[0] in _TENS):
            words.append(scales.pop(0))
        value = _words(words)
        if value is None:
            return None
        half = 0.5
    for scale in scales:
        factor = SCALES.get(scale)
        if factor is None:
            return None
        value *= factor
        half *= factor
    if capped and half > 0.5:
        half = min(half, max(ROUNDING_CAP * value, 0.5))
    if not (math.isfinite(value) and math.isfinite(half)):
        return None
    return Number(value, half)


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


def _words(words: list[str]) -> float | None:
    if words[0] in ("a", "an"):
        return 1.0 if len(words) == 1 else None
    total = 0
    for w in words:
        if w in _UNITS:
            total += _UNITS[w]
        elif w in _TENS:
            total += _TENS[w]
        else:
            return None
    return float(total)
