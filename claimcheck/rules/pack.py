"""A loaded rule pack: the vocabulary for extraction, reference facts, and compiled checks."""

from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable

from claimcheck.errors import suggestion
from claimcheck.vocab import Vocabulary

if TYPE_CHECKING:
    from claimcheck.expr import Compiled


@dataclass(frozen=True)
class Fact:
    id: str
    claim_type: str
    key: str                       # the claim key it answers, e.g. "border_length:China|Russia"
    interval: tuple                # in base units (quantities) or dates
    text: str                      # the value as written in the rule file
    source: str
    path: str
    line: int
    as_of: str = ""                # when the source gave the value (ISO date), if known
    current: tuple[str, str] = ()  # first and last publication day it may check, where it changes

    def current_on(self, published: date | None) -> bool:
        """Whether the fact may check a claim published then: a population or an army's strength
        of 2025 says nothing of what a 2010 article rightly called the most populous country."""
        if not self.current:
            return True
        return published is not None and self.current[0] <= published.isoformat() <= self.current[1]


@dataclass(frozen=True)
class Check:
    id: str
    description: str
    severity: str
    scope: str
    claim_types: tuple[str, ...]
    where: Compiled | None
    assertion: Compiled
    message: Callable[[dict], str]
    message_text: str
    examples: Any
    path: str
    line: int
    within: str = "story"            # corpus scope: compare claims of one story, or of the corpus
    min_confidence: float | None = None   # pair findings less sure than this are lowered to info
    summary: str = ""                     # one sentence; see `short`
    compare_by: str = "key"               # pairs share a key, or a twin (claimcheck/model.py)

    @property
    def short(self) -> str:
        """One sentence: the summary, else the description's first clause."""
        return self.summary or short_description(self.description)

    @property
    def uses_fact(self) -> bool:
        return self.assertion.uses_fact or bool(self.where and self.where.uses_fact)


def compared(check) -> str:
    """What a corpus check compares, in words (explain, the rule docs)."""
    what = "copies of one sentence (twins)" if check.compare_by == "twin" else "claims"
    return f"{what} of articles in one {check.within}"


def short_description(description: str) -> str:
    """The first clause of a description's first sentence, as a sentence ("A border length far
    from the reference fact for that border: each widened…" → "A border length far from the
    reference fact for that border.")."""
    first = re.split(r"(?<=[.!?])\s+|:\s|;\s", description.strip(), maxsplit=1)[0]
    return first.rstrip(".!?") + "." if first else ""


@dataclass(frozen=True)
class RulePack:
    vocabulary: Vocabulary
    facts: dict[str, Fact] = field(default_factory=dict)
    checks: tuple[Check, ...] = ()
    files: tuple[str, ...] = ()
    digest: str = ""               # a hash of every rule file's content, for caches
    tables: dict[str, list[str]] = field(default_factory=dict, compare=False)  # rule file → tables it reads

    def loaded(self) -> "RulePack":
        """The pack with its checks compiled: itself (an outlined pack loads it; outline.py)."""
        return self

    def check(self, check_id: str) -> Check | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def selected(self, keep: set[str]) -> "RulePack":
        """Only the checks in `keep` (--select, --ignore)."""
        return replace(self, checks=tuple(c for c in self.checks if c.id in keep))

    def configured(self, disable: tuple[str, ...] = (), severity: dict | None = None,
                   min_confidence: float | None = None) -> "RulePack":
        """The pack with some checks turned off and some severities changed (from configuration);
        `min_confidence` is the default for checks that do not set their own."""
        return replace(self, checks=configured_checks(self.checks, disable, severity or {},
                                                      min_confidence))


def configured_checks(checks: tuple, disable: tuple[str, ...], severity: dict,
                      min_confidence: float | None) -> tuple:
    """`checks` (Check or CheckOutline) less those disabled, with severities as configured and
    `min_confidence` for those that set none; KeyError for an id that names no check."""
    known = {c.id for c in checks}
    for check_id in (*disable, *severity):
        if check_id not in known:
            raise KeyError(f"no check with id '{check_id}'{suggestion(check_id, known)}")
    return tuple(replace(c, severity=severity.get(c.id, c.severity),
                         min_confidence=c.min_confidence if c.min_confidence is not None
                         else min_confidence)
                 for c in checks if c.id not in disable)
