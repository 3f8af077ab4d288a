"""The one way through: corpus → extract → engine. Plain functions; the CLI adds files and flags."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.corpus import load_corpus
from claimcheck.engine import run_checks
from claimcheck.errors import CorpusError
from claimcheck.extract import Extractor
from claimcheck.model import SEVERITIES, Article, Claim, Finding, severity_rank
from claimcheck.rules import RulePack, load_pack


@dataclass
class Outcome:
    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    warnings: list[CorpusError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self, fail_on: str) -> dict:
        counts = {s: 0 for s in reversed(SEVERITIES)}
        for f in self.findings:
            counts[f.severity] += 1
        failing = sum(1 for f in self.findings if severity_rank(f.severity) >= severity_rank(fail_on))
        return {"articles": len(self.articles), "claims": len(self.claims),
                "findings": len(self.findings), "by_severity": counts, "fail_on": fail_on,
                "failing": failing, "warnings": len(self.warnings)}

    def as_dict(self, fail_on: str, pack: RulePack | None = None) -> dict:
        """The findings' dict form every reporter reads; `rules` describes the checks that ran."""
        out = {"findings": [f.as_dict() for f in self.findings], "summary": self.summary(fail_on)}
        if pack is not None:
            out["rules"] = {c.id: {"description": c.description, "severity": c.severity,
                                   "scope": c.scope, "claim_types": list(c.claim_types),
                                   "path": c.path, "line": c.line} for c in pack.checks}
        return out


def extract_corpus(paths: list[str], pack: RulePack) -> tuple[list[Article], list[Claim], list]:
    loaded = load_corpus(paths)
    extractor = Extractor(pack.vocabulary)
    claims = [claim for article in loaded.articles for claim in extractor.extract(article)]
    return loaded.articles, claims, loaded.warnings


def check_corpus(paths: list[str], rule_paths: list[str]) -> Outcome:
    pack = load_pack(rule_paths)
    articles, claims, warnings = extract_corpus(paths, pack)
    result = run_checks(pack, articles, claims)
    return Outcome(articles, claims, result.findings, warnings, result.notes())
