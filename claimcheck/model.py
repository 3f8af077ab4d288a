"""The plain data that flows through the pipeline: articles, claims and findings (frozen dataclasses)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Union

from claimcheck.sourcemap import SourceMap

SEVERITIES = ("info", "warning", "error")
SCOPES = ("claim", "article", "corpus")


def built(cls, **fields):
    """A frozen dataclass from every one of its fields, without the generated __init__: that sets
    each field through object.__setattr__, which costs more than extracting a claim's value.
    Only for code that names every field (the extractor, the cache)."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Article:
    id: str                      # path relative to the corpus root (stable across machines)
    text: str                    # the body, with CRLF folded to LF and any BOM removed
    published: date | None
    title: str = ""
    source: str = ""
    path: str = ""               # the file as given on the command line, for messages
    sourcemap: SourceMap = field(default_factory=SourceMap, compare=False, repr=False)

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the article's file of a character offset in `text`."""
        return self.sourcemap.locate(self.text, offset)


@dataclass(frozen=True)
class QuantityValue:
    """[low, high] as stated (unit as written, e.g. "mile" or "troops"), and the same in base units."""
    low: float
    high: float
    unit: str
    base_low: float
    base_high: float
    base_unit: str
    dimension: str               # "[length]", "[time]", … or "count" for count nouns and bare numbers

    kind = "quantity"

    def as_dict(self) -> dict:
        return {"low": _finite(self.low), "high": _finite(self.high), "unit": self.unit,
                "base": {"low": _finite(self.base_low), "high": _finite(self.base_high),
                         "unit": self.base_unit},
                "dimension": self.dimension}

    def describe(self) -> str:
        return _describe_range(self.low, self.high, self.unit)


@dataclass(frozen=True)
class DateValue:
    """The closed interval [start, end] of days a temporal expression can mean."""
    start: date
    end: date
    granularity: str             # day | weekend | week | month | part-of-month | season | year | decade | …

    kind = "date"

    def as_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "granularity": self.granularity}

    def describe(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


Value = Union[QuantityValue, DateValue]


@dataclass(frozen=True)
class Span:
    article: str
    start: int
    end: int
    line: int
    column: int
    text: str
    file: str = ""               # the article's file as given on the command line


@dataclass(frozen=True)
class Claim:
    claim_type: str              # from the rule pack, or the generic "quantity" / "date"
    value: Value
    span: Span
    sentence: str
    entities: tuple[str, ...] = ()
    key: str | None = None       # what the claim must agree with, e.g. "border_length:China|Russia"
    tense: str = "unknown"       # past | present | future | unknown
    hedges: tuple[str, ...] = ()
    attribution: str | None = None
    published: date | None = None
    ordinal: int | None = None   # "the second meeting" → 2: where the claim sits in a series
    # The frame: what the claim is about (see claimcheck/extract/frames.py).
    event: str | None = None     # the predicate governing the value: "meeting", "call", "attack", …
    participants: tuple[str, ...] = ()   # every named party: entity ids, or unknown names as written
    place: str | None = None     # where it happens ("Geneva", "India"), if named
    measure: str | None = None   # for counts, what is counted: "killed", "injured", "deployed", …
    # Its sentence with every figure masked, hashed, with its place there and the publication
    # day: the same claim in a copy of a wire story published that day, whatever its key.
    twin: str | None = None

    @property
    def kind(self) -> str:
        return self.value.kind

    def as_dict(self) -> dict:
        return {
            "article": self.span.article, "claim_type": self.claim_type, "kind": self.kind,
            "text": self.span.text, "start": self.span.start, "end": self.span.end,
            "line": self.span.line, "column": self.span.column, "key": self.key,
            "entities": list(self.entities), "value": self.value.as_dict(), "tense": self.tense,
            "hedges": list(self.hedges), "attribution": self.attribution, "ordinal": self.ordinal,
            "event": self.event, "participants": list(self.participants), "place": self.place,
            "measure": self.measure, "twin": self.twin, "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Location:
    article: str
    line: int
    column: int
    start: int
    end: int
    text: str
    file: str = ""
    story: str | None = None     # the story the article belongs to (claimcheck/stories.py)

    @classmethod
    def of(cls, claim: Claim, story: str | None = None) -> "Location":
        s = claim.span
        return cls(s.article, s.line, s.column, s.start, s.end, s.text, s.file, story)

    def as_dict(self) -> dict:
        return {"article": self.article, "file": self.file, "line": self.line,
                "column": self.column, "start": self.start, "end": self.end, "text": self.text,
                "story": self.story}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    scope: str
    message: str
    locations: tuple[Location, ...]
    claims: tuple[Claim, ...]
    fingerprint: str
    # Pair findings: how sure the engine is that the claims are about the same thing (0–1), and
    # why; None for claim findings. `lowered_from`: the check's severity, when low confidence
    # made the finding an info.
    confidence: float | None = None
    confidence_reason: str = ""
    lowered_from: str | None = None

    def as_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "scope": self.scope,
                "message": self.message, "fingerprint": self.fingerprint,
                "confidence": self.confidence, "confidence_reason": self.confidence_reason,
                "lowered_from": self.lowered_from,
                "locations": [loc.as_dict() for loc in self.locations],
                "claims": [c.as_dict() for c in self.claims]}


def _finite(x: float) -> float | None:
    """JSON has no infinity: an open end of an interval is null."""
    if math.isinf(x):
        return None
    return int(x) if float(x).is_integer() else round(x, 6)


def _fmt(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4g}"


def _describe_range(low: float, high: float, unit: str) -> str:
    if math.isinf(high):
        return f"at least {_fmt(low)} {unit}"
    if low == high:
        return f"{_fmt(low)} {unit}"
    return f"{_fmt(low)}–{_fmt(high)} {unit}"
