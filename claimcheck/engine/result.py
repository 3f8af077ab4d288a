"""What a run of the checks yields; plain data, so the cache can hand it back without the engine."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.model import Finding


@dataclass
class EngineResult:
    findings: list[Finding] = field(default_factory=list)
    skipped: dict[str, tuple[int, str]] = field(default_factory=dict)  # rule → (count, first reason)
    coverage: dict = field(default_factory=dict)   # see claimcheck/engine/coverage.py
    stories: dict[str, str] = field(default_factory=dict)   # article id → story id

    def notes(self) -> list[str]:
        return [f"{rule}: not applied to {count} claim(s) it could not evaluate ({reason})"
                for rule, (count, reason) in sorted(self.skipped.items())]
