"""Ordinals that place an event in a series: "their second meeting", "the first round of talks"."""

from __future__ import annotations

import re

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
            "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}

_ORDINAL_BEFORE = re.compile(r"(?i)\b(?P<word>" + "|".join(ORDINALS) + r")(?:[\s-]+[\w-]+){0,2}[\s-]*$")


def ordinal_before(clause: str, trigger: int) -> int | None:
    """The ordinal just before the trigger that governs a claim ("their second video summit"):
    an ordinal qualifying another noun of the clause is not the claim's."""
    m = _ORDINAL_BEFORE.search(clause, max(0, trigger - 40), trigger)
    return ORDINALS[m["word"].lower()] if m else None
