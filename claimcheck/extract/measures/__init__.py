"""Measures with a unit of their own: money, percentages and durations, one module each.

Each module's `find(text)` yields QuantityMention objects like the quantity finder's, so the
extractor types and keys them the same way; none of them has a key (no claim type of the default
pack covers them), so they only reach checks that a rule pack writes for them.
"""

from __future__ import annotations

from claimcheck.extract.measures import durations, money, percentages
from claimcheck.extract.quantities import QuantityMention


def find_measures(text: str) -> list[QuantityMention]:
    """Money, then percentages, then durations; a later finder never takes text an earlier took."""
    found: list[QuantityMention] = []
    for finder in (money.find, percentages.find, durations.find):
        for mention in finder(text):
            if not any(mention.start < f.end and f.start < mention.end for f in found):
                found.append(mention)
    return sorted(found, key=lambda m: m.start)
