"""Measures with a unit of their own: money, percentages and durations, one module each.

Like Duckling's rules, they consume the numerals the quantity finder has already found rather than
reparse the text: each module gives the SUFFIX that, after a numeral, makes it its measure
("yuan", "%", "days") and builds the mention (after_number); the quantity finder adds the suffixes
to its one pattern and hands a match to the module whose group matched. Each module's find()
reads only the forms that do not start with a numeral ("$5", "two-thirds of", "lasted a decade").
Their mentions are QuantityMention objects, typed and keyed like any quantity; none has a key in
the default pack (no claim type covers them), so they reach only checks a rule pack writes for them.
"""

from __future__ import annotations

from claimcheck.extract.measures import durations, money, percentages
from claimcheck.extract.quantities import QuantityMention

# group name in SUFFIX → the module building the mention, in the order they are tried
MODULES = {"money": money, "percent": percentages, "duration": durations}


def find_measures(text: str) -> list[QuantityMention]:
    """The forms not led by a numeral; a later finder never takes text an earlier one took."""
    found: list[QuantityMention] = []
    for module in MODULES.values():
        for mention in module.find(text):
            if not any(mention.start < f.end and f.start < mention.end for f in found):
                found.append(mention)
    return sorted(found, key=lambda m: m.start)
