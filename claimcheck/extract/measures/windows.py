"""Run a measure's pattern only near its anchors (a currency sign, "%", a unit of time).

A pattern that begins with a number would otherwise be tried at every position of the article;
the anchors are found in one RE2 pass (scan.Scanner) and the pattern searched in the merged
stretches of text around them.
"""

from __future__ import annotations

import re

from claimcheck.extract.scan import Scanner


def stretches(anchors: Scanner, text: str, before: int, after: int,
              lead: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Merged [start, end) stretches from `before` characters ahead of each anchor to `after`
    characters past it; with `lead`, only anchors whose preceding text ends as `lead` says (a
    digit or a number word just before "years")."""
    merged: list[list[int]] = []
    for start in anchors.starts(text):
        if lead is not None and not lead.search(text, max(0, start - 24), start):
            continue
        lo, hi = max(0, start - before), min(len(text), start + after)
        while lo > 0 and not text[lo - 1].isspace() and start - lo < before + 40:
            lo -= 1   # a stretch starts at a word's start: never inside "1,200"
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


def matches(pattern: re.Pattern, anchors: Scanner, text: str, before: int, after: int,
            lead: re.Pattern | None = None) -> list[re.Match]:
    """Every match of `pattern` within the stretches around the anchors, in text order."""
    found = []
    for lo, hi in stretches(anchors, text, before, after, lead):
        found.extend(pattern.finditer(text, lo, hi))
    return found


# what must end the text just before a unit or currency name written after its number
NUMBER_LEAD = re.compile(r"(?i)(?:\d|\d[½¼¾⅓⅔⅛]|\b(?:an?|one|two|three|four|five|six|seven|eight|"
                         r"nine|ten|eleven|twelve|teen|ty|hundred|thousand|million|billion|"
                         r"trillion|bn|mn|m|k|dozen|half|quarter|several|few)|[a-z]+teen|[a-z]+ty)"
                         r"(?:\s*(?:-|–|to|or)?\s*|-)(?:[A-Z][a-z]+\s+)?$")
