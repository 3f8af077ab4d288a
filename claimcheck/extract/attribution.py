"""Who a claim is attributed to, where the sentence says so: "according to Ukrainian defence
sources", "…, a state broadcaster reported", "…, analysts say"."""

from __future__ import annotations

import re

_VERBS = r"(?:said|says|say|told|tells|reported|reports|claimed|claims|announced|estimated|estimates)"
_ACCORDING = re.compile(r"(?i:\baccording\s+to|\bciting|\bas\s+reported\s+by)\s+"
                        r"(?P<who>[^,.;:()\"“”]{3,80}?)"
                        r"(?=\s*(?:[,.;:()\"“”]|$|\s(?:who|which|that)\b))")
# ", the operator said." / ", a Kremlin spokesman told reporters" / ", analysts say."
_TRAILING = re.compile(r"[,\"”’]\s+(?P<who>(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s+" + _VERBS +
                       r"(?:\s+(?:reporters|journalists))?(?=\s*[.,;\"”’]|\s*$)")
# "The Kremlin on Tuesday confirmed that …" / "A spokesman for the ministry told a briefing that …"
_LEADING = re.compile(r"^(?P<who>(?:[\w'’.-]+\s+){0,7}?[\w'’.-]+)\s+(?:on\s+\w+\s+)?"
                      r"(?:said|says|told|tells|reported|confirmed|announced|claimed|warned)\b"
                      r"(?:\s+[\w'’-]+){0,4}?\s+that\b")
_WORD_BEFORE_VERB = {"it", "he", "she", "they", "we", "i", "you", "this", "that"}


# Words each pattern cannot match without: a cheap test before its regex.
_ACCORDING_WORDS = ("according", "citing", "reported")
_TRAILING_WORDS = ("said", "say", "told", "tell", "report", "claim", "announced", "estimat")


def attribution_of(sentence: str) -> str | None:
    lowered = sentence.lower()
    m = _ACCORDING.search(sentence) if any(w in lowered for w in _ACCORDING_WORDS) else None
    if m:
        return " ".join(m["who"].split())
    for find, needed in ((_TRAILING.search, _TRAILING_WORDS), (_LEADING.match, ("that",))):
        m = find(sentence) if any(w in sentence for w in needed) else None
        if m and m["who"].lower() not in _WORD_BEFORE_VERB:
            return " ".join(m["who"].split())
    return None
