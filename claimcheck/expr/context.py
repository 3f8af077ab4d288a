"""What names an expression may use, by the scope of its check and the claim types it applies to."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.expr import types as T


@dataclass(frozen=True)
class Context:
    scope: str                       # claim | article | corpus | literal
    value_type: T.Type | None = None  # the type of a claim's `value` for the check's claim types
    count_nouns: frozenset[str] = frozenset()

    def roots(self) -> dict[str, T.Type]:
        if self.scope == "literal":
            return {}
        if self.scope == "claim":
            return dict(self.claim_fields())
        return {"a": T.CLAIM, "b": T.CLAIM}

    def claim_fields(self) -> dict[str, T.Type]:
        value = self.value_type or T.Type("interval", element=None)
        return {
            "value": value, "kind": T.STRING, "type": T.STRING, "key": T.STRING,
            "entities": T.STRINGS, "tense": T.STRING, "hedges": T.STRINGS,
            "attribution": T.STRING, "text": T.STRING, "sentence": T.STRING, "unit": T.STRING,
            "ordinal": T.NUMBER, "source": T.STRING, "article": T.ARTICLE, "fact": T.FACT,
            "event": T.STRING, "participants": T.STRINGS, "place": T.STRING, "measure": T.STRING,
            "story": T.STRING, "granularity": T.STRING,
        }

    def fields_of(self, t: T.Type) -> dict[str, T.Type]:
        if t.record == "claim":
            return self.claim_fields()
        if t.record == "article":
            return {"id": T.STRING, "title": T.STRING, "source": T.STRING, "published": T.DATE}
        if t.record == "fact":
            return {"id": T.STRING, "value": self.value_type or T.NONE, "source": T.STRING,
                    "as_of": T.STRING}
        if t.kind == "interval" and t.element is not None:
            if t.element.kind == "date":
                return {"start": T.DATE, "end": T.DATE}
            return {"low": t.element, "high": t.element}
        return {}
