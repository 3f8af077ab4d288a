"""Types of the expression language. Quantities carry their dimension, so "km vs days" is caught
when a rule loads, not when it meets an article."""

from __future__ import annotations

from dataclasses import dataclass

DIMENSIONLESS = "dimensionless"


@dataclass(frozen=True)
class Type:
    kind: str                      # quantity | date | interval | percent | string | bool | list | none | record
    dimension: str | None = None   # quantities: "[length]", "[time]", "dimensionless"
    element: "Type | None" = None  # intervals and lists: what they hold
    record: str | None = None      # records: "claim" | "article" | "fact"

    def __str__(self) -> str:
        if self.kind == "quantity":
            if self.dimension == DIMENSIONLESS:
                return "number"
            if self.dimension == "[time]":
                return "duration"
            return f"quantity {self.dimension}"
        if self.kind in ("interval", "list"):
            return f"{self.kind} of {self.element}"
        if self.kind == "record":
            return str(self.record)
        return self.kind


def quantity(dimension: str) -> Type:
    return Type("quantity", dimension=dimension)


NUMBER = quantity(DIMENSIONLESS)
DURATION = quantity("[time]")
DATE = Type("date")
STRING = Type("string")
BOOL = Type("bool")
PERCENT = Type("percent")
NONE = Type("none")
STRINGS = Type("list", element=STRING)
ARTICLE = Type("record", record="article")
CLAIM = Type("record", record="claim")
FACT = Type("record", record="fact")


def interval(of: Type) -> Type:
    return Type("interval", element=of)


def scalar_of(t: Type) -> Type:
    """The element type of an interval, or the type itself: scalars act as one-point intervals."""
    return t.element if t.kind == "interval" else t


def same_scalar(a: Type, b: Type) -> bool:
    a, b = scalar_of(a), scalar_of(b)
    if a.kind != b.kind:
        return False
    return a.kind != "quantity" or a.dimension == b.dimension
