"""Entities named near a claim (from the pack's gazetteer) and the claim type and key they imply."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from claimcheck.alternation import word_alternation
from claimcheck.vocab import ClaimType, Entity, Vocabulary

_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|\s-\s|,\s+(?:while|whereas|but|although|though|and)\b")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: Entity
    country: str | None = None     # the country the entity stands for at the article's date
    readings: tuple[str, ...] = ()  # other countries an ambiguous name may stand for


class EntityIndex:
    """Built once per vocabulary: alias lookup and trigger patterns per claim type."""

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self._pattern = vocabulary.alias_pattern()
        self._by_alias = vocabulary.entities_by_alias()
        self._readings = dict(vocabulary.readings)
        self._facts_for = {k.split(":", 1)[0] for k in vocabulary.known_keys}
        # run over text in lower case (scan.lower): faster than IGNORECASE
        self._triggers = {
            ct.id: re.compile(r"\b(?:" + word_alternation({t.lower() for t in ct.triggers}, space=r"\s+") + r")\b")
            for ct in vocabulary.claim_types if ct.triggers
        }

    def mentions(self, text: str, when: date | None = None) -> list[Mention]:
        """Entities named in `text`. `when` is the article's date: a leader stands for their
        country only while in office then; where an alias names several people, the one in
        office wins, else the first the pack lists."""
        if self._pattern is None:
            return []
        found = []
        for m in self._pattern.finditer(text):
            candidates = self._by_alias[m.group()]
            entity = candidates[0] if len(candidates) == 1 else _choose(candidates, m.group(), when)
            if (entity.kind == "person" and " " not in m.group() or m.group() in GIVEN_NAMES) \
                    and in_personal_name(text, m.start(), m.end(), entity):
                continue        # "John Davis" is not Philip Davis; "Chad Johnson" is not Chad
            found.append(Mention(m.start(), m.end(), entity, entity.country_at(when),
                                 self._readings.get(m.group(), ())))
        return found

    def has_trigger(self, claim_type: ClaimType, text: str) -> bool:
        """Whether `text`, in lower case, holds one of the type's triggers."""
        pattern = self._triggers.get(claim_type.id)
        return pattern is not None and pattern.search(text) is not None

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
                elif kind == "country" and mention.country:
                    ids.add(mention.country)
            if kind == "country" and ids:
                ids = self._reading(claim_type, ids, mentions)
            if len(ids) >= minimum:
                return tuple(sorted(ids))
        return ()

    def _reading(self, claim_type: ClaimType, ids: set[str], mentions: list[Mention]) -> set[str]:
        """Where the key has no fact but reading an ambiguous name otherwise gives one that
        does ("the Chinese-Korean border": North Korea), take that reading."""
        if claim_type.id not in self._facts_for or self._known(claim_type, ids):
            return ids
        for mention in mentions:
            for other in mention.readings:
                for swapped in (ids - {mention.country} | {other}, ids | {other}):
                    if self._known(claim_type, swapped):
                        return swapped
        return ids

    def _known(self, claim_type: ClaimType, members: set[str]) -> bool:
        return f"{claim_type.id}:{'|'.join(sorted(members))}" in self.vocabulary.known_keys


# Country names that are also given names: "Chad Johnson", "Jordan Henderson", "India Walton".
GIVEN_NAMES = frozenset({"Chad", "Jordan", "Georgia", "India", "Kenya"})

# Capitalised words that may stand before a name without being a given name of it.
_NOT_A_GIVEN_NAME = frozenset("""
    The A An In On At By Of For From To With And But Or As While When After Before Since Until If
    Then So Yet Both Neither Nor That This These Those Its Their His Her Our Meanwhile Also
    President Prime Minister Premier Chancellor King Queen Prince Princess Emir Sheikh Sultan
    Mr Mrs Ms Dr Gen General Sen Senator Rep Gov Governor Secretary Leader Chairman Chief
    Presidents Leaders Ministers Messrs Kings Premiers
    Foreign Defence Defense Vice Deputy Former Acting Interim Crown Pope Ambassador Envoy
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Today Yesterday Tomorrow Earlier Later Last
    Next However Still Now Instead Under Against Between Over Without Within Through During
""".split())
_SURNAME_AFTER = re.compile(r" (?:[A-Z][a-z]+|[A-Z][a-z]*['’][A-Z][a-z]+)\b")
_WORD_BEFORE = re.compile(r"(?:^|\s)([A-Z][a-z]+)\.? $")


def in_personal_name(text: str, start: int, end: int, entity: Entity) -> bool:
    """Whether the name at [start, end) is part of someone else's name: a surname after another
    given name ("John Davis", "Michael Jordan"), or a given name before a surname ("Chad
    Johnson"). A title, a weekday, a function word or the person's own given name before it is
    no such sign ("President Davis", "On Monday Jordan said", "Tayyip Erdogan")."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is not None and before.group(1) not in _NOT_A_GIVEN_NAME and \
            not any(before.group(1) in name.split() for name in (entity.id, *entity.aliases)):
        return True
    if entity.kind == "person":
        return False
    after = _SURNAME_AFTER.match(text, end)
    return after is not None and after.group().strip() not in _NOT_A_GIVEN_NAME


def _choose(candidates: tuple[Entity, ...], alias: str, when: date | None) -> Entity:
    """The entity whose own name the alias is, else the one in office, else the first listed."""
    return next((e for e in candidates if e.id == alias), None) or next(
        (e for e in candidates if e.in_office(when)), candidates[0])


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of a sentence around [start, end): split at semicolons, dashes and ", while"."""
    left, right = 0, len(sentence)
    for break_start, break_end in _breaks(sentence):
        if break_end <= start:
            left = break_end
        elif break_start >= end:
            right = break_start
            break
    return left, right


@lru_cache(maxsize=64)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence breaks into clauses: found once for all the claims it holds."""
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence))
