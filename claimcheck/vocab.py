"""What a rule pack tells the extractor: entities with aliases, claim types, and count nouns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from claimcheck.alternation import word_alternation


@dataclass(frozen=True)
class Term:
    """A time an entity stood for a country: a leader's term of office. Open ends are None."""
    country: str
    since: date | None = None
    until: date | None = None                # the first day out of office

    def covers(self, when: date) -> bool:
        return (self.since is None or self.since <= when) and (self.until is None or when < self.until)


@dataclass(frozen=True)
class Entity:
    id: str                                  # canonical name, e.g. "Xi Jinping"
    kind: str                                # country | person | organization | place | …
    aliases: tuple[str, ...] = ()            # names and metonyms as written ("Beijing", "Chinese")
    country: str | None = None               # a person or place stands for this country in keys
    terms: tuple[Term, ...] = ()             # …or only during these terms (leaders)

    def country_at(self, when: date | None) -> str | None:
        """The country this entity stands for on `when`: a leader only while in office. With no
        date, a leader stands for a country only if every term was for that one country."""
        if self.kind == "country":
            return self.id
        if not self.terms:
            return self.country
        if when is None:
            countries = {t.country for t in self.terms}
            return countries.pop() if len(countries) == 1 else None
        return next((t.country for t in self.terms if t.covers(when)), None)

    def in_office(self, when: date | None) -> bool:
        return when is not None and any(t.covers(when) for t in self.terms)


@dataclass(frozen=True)
class ClaimType:
    id: str
    kind: str                                # quantity | date
    description: str = ""
    dimension: str | None = None             # for quantities: "[length]", "count", …
    units: tuple[str, ...] = ()              # count nouns or unit words that select this type
    triggers: tuple[str, ...] = ()           # words near the value that select this type
    key: tuple[str, ...] = ()                # entity kinds, by priority, whose members form the key
    min_key_entities: int = 1
    event: str | None = None                 # for dates: the event its triggers name ("meeting")
    measures: tuple[str, ...] = ()           # for counts: what they may count ("killed", …)
    key_places: bool = True                  # whether the place named ("near Ukraine") joins the key


@lru_cache(maxsize=4)
def _alias_regex(aliases: frozenset[str]) -> re.Pattern:
    """Built once per set of aliases (a fifth of a second for the world gazetteer), as the
    extractor and the story signer both ask for it. Cached here, not on the vocabulary: a Dask
    worker may pickle the vocabulary in one thread while another builds the pattern."""
    return re.compile(rf"(?<!\w)(?:{word_alternation(aliases)})(?!\w)")


@dataclass(frozen=True)
class Vocabulary:
    entities: tuple[Entity, ...] = ()
    claim_types: tuple[ClaimType, ...] = ()
    count_nouns: tuple[str, ...] = ()
    # aliases that may also name other countries ("Korean": North Korea too), and the keys the
    # pack has facts for: an ambiguous name takes the reading that makes a key with a fact
    readings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    known_keys: frozenset[str] = frozenset()

    def alias_pattern(self) -> re.Pattern | None:
        """One regex over every alias; where several match, the longest ("Xi Jinping", not "Xi").
        A hyphen joins names ("the Russian-Ukrainian border"), so it does not end a word here."""
        aliases = frozenset(a for e in self.entities for a in (e.id, *e.aliases))
        return _alias_regex(aliases) if aliases else None

    def entity_by_alias(self) -> dict[str, Entity]:
        table: dict[str, Entity] = {}
        for entity in self.entities:
            for alias in (entity.id, *entity.aliases):
                table.setdefault(alias, entity)
        return table

    def entities_by_alias(self) -> dict[str, tuple[Entity, ...]]:
        """Every entity an alias may name ("Bush": two presidents), in pack order."""
        table: dict[str, list[Entity]] = {}
        for entity in self.entities:
            for alias in dict.fromkeys((entity.id, *entity.aliases)):
                table.setdefault(alias, []).append(entity)
        return {alias: tuple(found) for alias, found in table.items()}
