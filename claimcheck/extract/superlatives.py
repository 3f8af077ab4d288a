"""Superlatives that rank a thing in the world: "the longest land border in the world", "the
world's second-largest army". Each is a rank claim (1 = the largest) of the claim type named
below, if the pack declares it; its key comes from the countries named in the clause, as for any
claim, and a check compares the rank with the rank the pack's fact tables give.

Only world rankings count ("Russia's longest border" ranks within Russia's borders, so it is not
one), and precision comes first: the superlative must be written next to its noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.extract.ordinals import ORDINALS

# claim type → (superlative adjectives, nouns they rank)
RANKINGS = {
    "border_rank": (("longest",), ("border", "frontier", "boundary")),
    "army_rank": (("largest", "biggest"), ("army", "armed forces", "military")),
}
_QUALIFIERS = r"(?:(?:land|international|shared|common|active|standing)\s+)?"


@dataclass(frozen=True)
class RankMention:
    start: int
    end: int
    text: str
    rank: int
    claim_type: str


class SuperlativeFinder:
    """Built once per pack, for the ranking claim types it declares."""

    def __init__(self, claim_types: set[str]):
        self._patterns = [(ct, _pattern(*RANKINGS[ct])) for ct in RANKINGS if ct in claim_types]

    def find(self, text: str) -> list[RankMention]:
        found = []
        for claim_type, pattern in self._patterns:
            for m in pattern.finditer(text):
                if not (m["world"] or m["after"]):
                    continue
                ordinal = (m["ord"] or "first").lower()
                found.append(RankMention(m.start(), m.end(), m.group(), ORDINALS.get(ordinal, 1),
                                         claim_type))
        return sorted(found, key=lambda r: r.start)


def _pattern(adjectives: tuple[str, ...], nouns: tuple[str, ...]) -> re.Pattern:
    ordinal = "|".join(o for o in ORDINALS if o != "first")
    noun = "|".join(n.replace(" ", r"\s+") for n in nouns)
    return re.compile(
        rf"(?:\bthe\s+)?(?P<world>(?:world|globe|planet)['’]s\s+)?"
        rf"(?:(?P<ord>{ordinal})[\s-]+)?\b(?:{'|'.join(adjectives)})\s+{_QUALIFIERS}"
        rf"(?:{noun})\b"
        rf"(?P<after>\s+(?:in\s+the\s+world|on\s+(?:earth|the\s+planet)|anywhere|worldwide|"
        rf"of\s+any\s+(?:two\s+)?(?:countries|nations)))?", re.I)
