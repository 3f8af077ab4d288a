"""Entities named near a claim (from the pack's gazetteer) and the claim type and key they imply."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.alternation import word_alternation
from claimcheck.vocab import ClaimType, Entity, Vocabulary

_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|\s-\s|,\s+(?:while|whereas|but|although|though|and)\b")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: Entity


class EntityIndex:
    """Built once per vocabulary: alias lookup and trigger patterns per claim type."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self._pattern = vocabulary.alias_pattern()
        self._by_alias = vocabulary.entity_by_alias()
        self._by_id = {e.id: e for e in vocabulary.entities}
        self._triggers = {
            ct.id: re.compile(r"(?i)\b(?:" + word_alternation(ct.triggers, space=r"\s+") + r")\b")
            for ct in vocabulary.claim_types if ct.triggers
        }

    def mentions(self, text: str) -> list[Mention]:
        if self._pattern is None:
            return []
        return [Mention(m.start(), m.end(), self._by_alias[m.group()])
                for m in self._pattern.finditer(text)]

    def has_trigger(self, claim_type: ClaimType, text: str) -> bool:
        pattern = self._triggers.get(claim_type.id)
        return pattern is not None and pattern.search(text) is not None

    def trigger_pattern(self, claim_type: ClaimType) -> re.Pattern | None:
        return self._triggers.get(claim_type.id)

    def key_members(self, claim_type: ClaimType, mentions: list[Mention],
                    minimum: int | None = None) -> tuple[str, ...]:
        """Entity ids that form the key: the first kind in the type's `key` list with enough
        members (`minimum`, else the type's). A person or place stands for its country when
        countries are asked for."""
        minimum = claim_type.min_key_entities if minimum is None else max(minimum, 1)
        for kind in claim_type.key:
            ids = set()
            for mention in mentions:
                entity = mention.entity
                if entity.kind == kind:
                    ids.add(entity.id)
                elif kind == "country" and entity.country:
                    ids.add(entity.country)
            if len(ids) >= minimum:
                return tuple(sorted(ids))
        return ()


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of a sentence around [start, end): split at semicolons, dashes and ", while"."""
    left, right = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right
