"""Casualty tolls written without a count noun: "the death toll rose to 45", "killed at least 45",
"45 were killed", "300 injured", "put the number killed at 95".

A bare number is a claim only where a toll governs it; a number with a count noun ("45 people")
is found by the quantity finder, and its measure read from the words around it.
"""

from __future__ import annotations

import re

from claimcheck.extract.scan import lower
from claimcheck.extract.numbers import NUMBER, parse_number
from claimcheck.extract.quantities import HEDGE, QuantityMention, hedged
from claimcheck.extract.units import COUNT

_N = rf"(?:(?P<hedge>{HEDGE})\s+)?(?P<num>{NUMBER})"
_VICTIMS = r"(?:dead|deaths|victims|fatalities|people\s+killed|killed|injured|wounded|casualties)"
_MEASURE_WORD = {"killed": "killed", "killing": "killed", "kills": "killed", "dead": "killed",
                 "died": "killed", "toll": "killed", "deaths": "killed", "victims": "killed",
                 "fatalities": "killed", "injured": "injured", "injuring": "injured",
                 "wounded": "injured", "wounding": "injured", "hurt": "injured",
                 "missing": "missing", "casualties": "killed"}
# What may follow a bare toll number: a full stop, a comma, a conjunction or a preposition.
_END = r"(?=\s*(?:[,.;:)\"”]|$|\s(?:and|in|on|at|when|after|as|while|during|across|with|from|near|since|including|so|by)\b))"
_PATTERNS: list[tuple[re.Pattern, tuple[str, ...]]] = [
    # "the death toll (from the quake) rose to at least 45", "the number of dead stood at 45"
    (re.compile(rf"\b(?:death\s+toll|toll|number\s+of\s+{_VICTIMS}|number\s+(?:killed|dead|injured|wounded))"
               rf"(?:\s+(?:from|in|of)\s+(?:[^.;:]|\.(?=\d)){{0,120}}?)?\s+(?:has\s+|had\s+|have\s+)?"
               rf"(?P<verb>rose|risen|rises|climbed|climbs|jumped|reached|reaches|hit|stood|stands|"
               rf"increased|is|was|went\s+up|surged|grew|passed|topped|exceeded)(?:\s+(?:to|at))?\s+{_N}"),
     ("toll", "number")),
    # "put the death toll at 45", "put the number killed in the quake at 95"
    (re.compile(rf"\bput(?:s|ting)?\s+the\s+(?:death\s+toll|toll|number\s+(?:of\s+)?{_VICTIMS})"
               rf"(?:[^.;:]|\.(?=\d)){{0,80}}?\s+at\s+{_N}"),
     ("put",)),
    # "killed at least 45." / "wounding 300,"
    (re.compile(rf"\b(?P<verb>killed|killing|kills|injured|injuring|wounded|wounding)\s+{_N}{_END}"),
     ("kill", "injur", "wound")),
    # "45 were killed", "300 injured", "45 dead"
    (re.compile(rf"(?<![\w.,-]){_N}\s+(?:(?:were|have\s+been|had\s+been|are|was|been|reported|"
               rf"confirmed)\s+)*(?P<verb>killed|dead|died|injured|wounded|missing|hurt)\b"),
     ("kill", "dead", "died", "injur", "wound", "missing", "hurt")),
]
_NUMBER_FIRST = _PATTERNS[-1][0]
_TOLL_VERB = re.compile(r"\b(?:killed|dead|died|injured|wounded|missing|hurt)\b")
_NUMBERISH = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)")
_NEEDLES = ("kill", "dead", "died", "toll", "injur", "wound", "missing", "hurt", "fatal", "victim")


def find_tolls(text: str) -> list[QuantityMention]:
    """Each toll number in the text, in text order, with its measure (killed, injured, missing)."""
    lowered = lower(text)
    windows = _windows(lowered)
    found: dict[int, QuantityMention] = {}
    for lo, hi in windows:
        chunk = lowered[lo:hi]
        if not _NUMBERISH.search(chunk):
            continue        # every toll has a number
        for pattern, needs in _PATTERNS:
            if not any(n in chunk for n in needs):
                continue
            # the pattern that starts at a number runs only just before its verb: scanning a
            # whole window for numbers at every place costs more than the rest together
            spans = ([(max(lo, v.start() - 60), v.end()) for v in _TOLL_VERB.finditer(lowered, lo, hi)]
                     if pattern is _NUMBER_FIRST else [(lo, hi)])
            for a, b in spans:
                for m in pattern.finditer(lowered, a, b):
                    mention = _mention(m, text)
                    if mention is not None:
                        found.setdefault(mention.start, mention)
    return [found[k] for k in sorted(found)]


def _mention(m: re.Match, text: str) -> QuantityMention | None:
    number = parse_number(m["num"])
    if number is None or (m["num"].isdigit() and len(m["num"]) == 4 and 1800 < number.value < 2100):
        return None  # a year, not a toll
    hedge = " ".join(m["hedge"].lower().split()) if m["hedge"] else None
    low, high = hedged(number.value, number.half_width, hedge)
    start = m.start("hedge") if m["hedge"] else m.start("num")
    measure = _MEASURE_WORD.get((m.groupdict().get("verb") or "").lower()) or _victims(m.group())
    return QuantityMention(start, m.end("num"), text[start:m.end("num")], low, high, "people",
                           low, high, COUNT, COUNT, hedge, measure)


WINDOW_BEFORE, WINDOW_AFTER = 80, 220


def _windows(lowered: str) -> list[tuple[int, int]]:
    """Merged stretches of text around each toll word: the patterns run only there."""
    hits = sorted(i for n in _NEEDLES for i in _occurrences(lowered, n))
    spans: list[tuple[int, int]] = []
    for i in hits:
        lo, hi = max(0, i - WINDOW_BEFORE), min(len(lowered), i + WINDOW_AFTER)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _occurrences(text: str, needle: str):
    i = text.find(needle)
    while i != -1:
        yield i
        i = text.find(needle, i + 1)


def _victims(phrase: str) -> str:
    lowered = phrase.lower()
    return "injured" if ("injured" in lowered or "wounded" in lowered) else "killed"
