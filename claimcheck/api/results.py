"""What `claimcheck.check` and `claimcheck.extract` return: lists of claims and findings (the
model's frozen dataclasses) that also know their articles, so each can become a DataFrame with
the article's file, title, source and date beside every row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimcheck.api.rows import CLAIM_COLUMNS, FINDING_COLUMNS, claim_rows, finding_rows, to_pandas
from claimcheck.model import Article, Claim, Finding, severity_rank
from claimcheck.rules import RulePack


class ClaimList(list[Claim]):
    """The claims, in corpus order. `to_records()` and `to_pandas()` give one row per claim."""

    def __init__(self, claims: list[Claim], articles: dict[str, Article],
                 stories: dict[str, str] | None = None):
        super().__init__(claims)
        self.articles = articles
        self.stories = stories or {}

    def to_records(self) -> list[dict[str, Any]]:
        return claim_rows(self, self.articles, self.stories)

    def to_pandas(self):
        """A pandas DataFrame, one row per claim (needs `claimcheck[pandas]`)."""
        return to_pandas(self.to_records(), CLAIM_COLUMNS)


class FindingList(list[Finding]):
    """The findings, sorted by article and place. `to_records()` and `to_pandas()` give one row
    per finding, at its first location, with the others under `related`."""

    def __init__(self, findings: list[Finding], articles: dict[str, Article]):
        super().__init__(findings)
        self.articles = articles

    def to_records(self) -> list[dict[str, Any]]:
        return finding_rows(self, self.articles)

    def to_pandas(self):
        """A pandas DataFrame, one row per finding (needs `claimcheck[pandas]`)."""
        return to_pandas(self.to_records(), FINDING_COLUMNS)


@dataclass
class ExtractResult:
    articles: list[Article]
    claims: ClaimList
    warnings: list[str]              # what the run went past, one line each (file:line:column)
    rules: RulePack

    def to_pandas(self):
        """The claims as a DataFrame, one row per claim."""
        return self.claims.to_pandas()

    def __repr__(self) -> str:
        return (f"<ExtractResult: {len(self.claims)} claims in {len(self.articles)} articles, "
                f"{len(self.warnings)} warnings>")


@dataclass
class CheckResult(ExtractResult):
    findings: FindingList = field(default_factory=lambda: FindingList([], {}))
    stories: dict[str, str] = field(default_factory=dict)    # article id → story id
    coverage: dict = field(default_factory=dict)             # what was not checked, and why
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.claims.stories = self.stories

    def failing(self, severity: str = "error") -> list[Finding]:
        """The findings at or above `severity`: what makes the command line exit 1."""
        return [f for f in self.findings if severity_rank(f.severity) >= severity_rank(severity)]

    def to_pandas(self):
        """The findings as a DataFrame, one row per finding (`.claims.to_pandas()` for claims)."""
        return self.findings.to_pandas()

    def __repr__(self) -> str:
        return (f"<CheckResult: {len(self.findings)} findings ({len(self.failing())} errors), "
                f"{len(self.claims)} claims in {len(self.articles)} articles, "
                f"{len(self.warnings)} warnings>")
