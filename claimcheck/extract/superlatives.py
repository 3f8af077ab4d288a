"""Superlatives that rank a thing in the world: "the longest land border in the world", "the
world's second-largest army". Each is a rank claim (1 = the largest) of the claim type named
below, if the pack declares it; its key comes from the countries named in the clause, as for any
claim, and a check compares the rank with the rank the pack's fact tables give.

Only world and continent rankings count ("Russia's longest border" ranks within Russia's borders,
so it is not one; "Africa's most populous country" ranks within Africa, and its key says so), and
precision comes first: the superlative must be written next to its noun, and a ranking that
leaves one out ("the largest country in Europe after Russia") is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.extract.ordinals import ORDINALS

# claim type → what is ranked: superlatives, each followed by the nouns it ranks
RANKINGS = {
    "border_rank": r"longest\s+(?:land\s+|international\s+|shared\s+|common\s+)?"
                   r"(?:border|frontier|boundary)",
    "army_rank": r"(?:largest|biggest)\s+(?:active\s+|standing\s+)?(?:army|armed\s+forces|military)",
    "population_rank": r"(?:most\s+popul(?:ous|ated)\s+(?:country|nation)|(?:largest|biggest)\s+"
                       r"(?:country|nation)\s+by\s+population)",
    "area_rank": r"(?:largest|biggest)\s+(?:country|nation)(?:\s+by\s+(?:area|size|land\s+mass))?"
                 r"(?!\s+(?:by|in\s+terms\s+of)\s+(?:population|economy|GDP|output))",
}


_SUPERLATIVE_WORDS = ("longest", "largest", "biggest", "most popul")
_BEFORE, _AFTER = 40, 120        # room for "the world's second-" and "… in the world"


CONTINENTS = {"africa": "Africa", "asia": "Asia", "europe": "Europe", "north america": "North America",
              "south america": "South America", "oceania": "Oceania", "african": "Africa",
              "asian": "Asia", "european": "Europe", "north american": "North America",
              "south american": "South America"}
_CONTINENT = r"(?:Africa|Asia|Europe|North\s+America|South\s+America|Oceania)"
_CONTINENTAL = r"(?:African|Asian|European|North\s+American|South\s+American)"


@dataclass(frozen=True)
class RankMention:
    start: int
    end: int
    text: str
    rank: int
    claim_type: str
    within: str = ""        # the continent ranked within; "" for the world


class SuperlativeFinder:
    """Built once per pack, for the ranking claim types it declares."""

    def __init__(self, claim_types: set[str]):
        self._patterns = [(ct, _pattern(RANKINGS[ct])) for ct in RANKINGS if ct in claim_types]
        # the ranked words start at the superlative word: where none of them does ("the biggest
        # bank"), the full patterns need not run around it
        self._ranked = re.compile("|".join(RANKINGS[ct] for ct, _ in self._patterns) or "(?!)", re.I)

    def find(self, text: str) -> list[RankMention]:
        """The full patterns run only around a superlative word: most articles have none, and a
        pattern that may start with "the world's second-" cannot be searched for quickly."""
        found = {}
        for at in _superlative_words(text) if self._patterns else ():
            if not self._ranked.match(text, at):
                continue
            lo, hi = max(0, at - _BEFORE), at + _AFTER
            for claim_type, pattern in self._patterns:
                for m in pattern.finditer(text, lo, hi):
                    within = m["continent"] or m["in_continent"] or m["on_continent"]
                    if (m["world"] or m["after"] or within) and m.start() <= at < m.end() \
                            and not _LEAVES_ONE_OUT.match(text, m.end()):
                        ordinal = (m["ord"] or "first").lower()
                        found[m.start()] = RankMention(
                            m.start(), m.end(), m.group(), ORDINALS.get(ordinal, 1), claim_type,
                            CONTINENTS[" ".join(within.lower().split())] if within else "")
        return sorted(found.values(), key=lambda r: r.start)


def _superlative_words(text: str):
    """Where a superlative word starts (str.find on the lowered text beats a case-blind regex)."""
    lowered = text.lower()
    if len(lowered) != len(text):          # "İ" lowers to two characters: offsets would shift
        yield from (m.start() for m in re.finditer(r"(?i)longest|largest|biggest|most popul", text))
        return
    for word in _SUPERLATIVE_WORDS:
        at = lowered.find(word)
        while at != -1:
            yield at
            at = lowered.find(word, at + 1)


# "the largest country in Europe after Russia", "Asia's biggest army apart from China's"
_LEAVES_ONE_OUT = re.compile(r"[\s,]+(?:after|behind|apart\s+from|aside\s+from|outside(?:\s+of)?|"
                             r"excluding|except(?:\s+for)?|other\s+than|save|bar|besides)\b", re.I)


def _pattern(ranked: str) -> re.Pattern:
    ordinal = "|".join(o for o in ORDINALS if o != "first")
    return re.compile(
        rf"(?:\bthe\s+)?(?:(?P<world>(?:world|globe|planet)['’]s\s+)|(?P<continent>{_CONTINENT})['’]s\s+)?"
        rf"(?:(?P<ord>{ordinal})[\s-]+)?\b{ranked}\b"
        rf"(?:(?P<after>\s+(?:in\s+the\s+world|on\s+(?:earth|the\s+planet)|anywhere|worldwide|"
        rf"of\s+any\s+(?:two\s+)?(?:countries|nations)))"
        rf"|\s+in\s+(?P<in_continent>{_CONTINENT})\b(?![-–]|\s+(?:and|or)\b)"
        rf"|\s+(?:on|in)\s+the\s+(?P<on_continent>{_CONTINENTAL})\s+continent\b)?"
        rf"(?!\s+(?:by|in\s+terms\s+of)\s+(?:population|economy|GDP|output|people))", re.I)
