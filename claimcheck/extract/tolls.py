"""Casualty tolls written without a count noun: "the death toll rose to 45", "killed at least 45",
"45 were killed", "300 injured", "put the number killed at 95".

A bare number is a claim only where a toll governs it; a number with a count noun ("45 people")
is found by the quantity finder, and its measure read from the words around it.
"""

from __future__ import annotations

import re

from claimcheck.extract.scan import lower
from claimcheck.word_pattern import is_word
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
# Patterns that start at a word of their own ("death toll", "put", "killed"): tried only where
# one of those words starts, with re's match, not searched for across the text around it.
_STARTING_AT: list[tuple[re.Pattern, tuple[str, ...]]] = [
    # "the death toll (from the quake) rose to at least 45", "the number of dead stood at 45"
    (re.compile(rf"(?:death\s+toll|toll|number\s+of\s+{_VICTIMS}|number\s+(?:killed|dead|injured|wounded))"
               rf"(?:\s+(?:from|in|of)\s+(?:[^.;:]|\.(?=\d)){{0,120}}?)?\s+(?:has\s+|had\s+|have\s+)?"
               rf"(?P<verb>rose|risen|rises|climbed|climbs|jumped|reached|reaches|hit|stood|stands|"
               rf"increased|is|was|went\s+up|surged|grew|passed|topped|exceeded)(?:\s+(?:to|at))?\s+{_N}"),
     ("death", "toll", "number")),
    # "resulted in a death toll of 288", "a toll of at least 45"
    (re.compile(rf"(?:death\s+)?toll\s+of\s+{_N}{_END}"), ("death", "toll")),
    # "put the death toll at 45", "put the number killed in the quake at 95"
    (re.compile(rf"put(?:s|ting)?\s+the\s+(?:death\s+toll|toll|number\s+(?:of\s+)?{_VICTIMS})"
               rf"(?:[^.;:]|\.(?=\d)){{0,80}}?\s+at\s+{_N}"),
     ("put",)),
    # "killed at least 45." / "wounding 300," / "killing all 150 on board" / "injured 18 more"
    (re.compile(rf"(?P<verb>killed|killing|kills|injured|injuring|wounded|wounding)\s+(?:all\s+)?{_N}"
                rf"(?:\s+(?:more|others))?(?:{_END}|(?=\s+(?:on\s+board|aboard|passengers|people)\b))"),
     ("killed", "killing", "kills", "injured", "injuring", "wounded", "wounding")),
]
# "45 were killed", "300 injured", "45 dead": searched for just before each of its verbs
_NUMBER_FIRST = re.compile(rf"(?<![\w.,-]){_N}\s+(?:others\s+|more\s+)?(?:(?:were|have\s+been|had\s+been|are|"
                           rf"was|been|reported|confirmed|have|has|had)\s+)*(?:(?:seriously|critically|severely|slightly|"
                           rf"gravely|badly|fatally)\s+)?(?P<verb>killed|dead|died|injured|wounded|missing|hurt)\b")
_TOLL_VERB = re.compile(r"\b(?:killed|dead|died|injured|wounded|missing|hurt)\b")
_NUMBERISH = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|"
                        r"seventy|eighty|ninety|hundred|thousand|million|dozen)")
_NEEDLES = ("kill", "dead", "died", "toll", "injur", "wound", "missing", "hurt", "fatal", "victim")
NUMBER_BEFORE_VERB = 60


def find_tolls(text: str) -> list[QuantityMention]:
    """Each toll number in the text, in text order, with its measure (killed, injured, missing)."""
    lowered = lower(text)
    found: dict[int, QuantityMention] = {}
    for lo, hi in _windows(lowered):
        if not _NUMBERISH.search(lowered, lo, hi):
            continue        # every toll has a number
        for pattern, words in _STARTING_AT:
            for start in _word_starts(lowered, words, lo, hi):
                m = pattern.match(lowered, start, hi)
                if m is not None:
                    _keep(found, m, text)
        for verb in _TOLL_VERB.finditer(lowered, lo, hi):
            for m in _NUMBER_FIRST.finditer(lowered, max(lo, verb.start() - NUMBER_BEFORE_VERB), verb.end()):
                _keep(found, m, text)
    return [found[k] for k in sorted(found)]


def _keep(found: dict[int, QuantityMention], m: re.Match, text: str) -> None:
    mention = _mention(m, text)
    if mention is not None:
        found.setdefault(mention.start, mention)


def _word_starts(lowered: str, words: tuple[str, ...], lo: int, hi: int) -> list[int]:
    """Where one of the words starts a word in lowered[lo:hi], in order."""
    starts = set()
    for word in words:
        i = lowered.find(word, lo, hi)
        while i != -1:
            if i == 0 or not is_word(lowered[i - 1]):
                starts.add(i)
            i = lowered.find(word, i + 1, hi)
    return sorted(starts)


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
