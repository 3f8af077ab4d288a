"""What a rule pack tells the extractor: entities with aliases, claim types, and count nouns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.alternation import word_alternation


@dataclass(frozen=True)
class Entity:
    id: str                                  # canonical name, e.g. "Xi Jinping"
    kind: str                                # country | person | organization | place | …
    aliases: tuple[str, ...] = ()            # names and metonyms as written ("Beijing", "Chinese")
    country: str | None = None               # a person or place stands for this country in keys


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


@dataclass(frozen=True)
class Vocabulary:
    entities: tuple[Entity, ...] = ()
    claim_types: tuple[ClaimType, ...] = ()
    count_nouns: tuple[str, ...] = ()

    def alias_pattern(self) -> re.Pattern | None:
        """One regex over every alias; where several match, the longest ("Xi Jinping", not "Xi")."""
        aliases = {a for e in self.entities for a in (e.id, *e.aliases)}
        if not aliases:
            return None
        return re.compile(rf"(?<![\w-])(?:{word_alternation(aliases)})(?![\w-])")

    def entity_by_alias(self) -> dict[str, Entity]:
        table: dict[str, Entity] = {}
        for entity in self.entities:
            for alias in (entity.id, *entity.aliases):
                table.setdefault(alias, entity)
        return table
