"""Stable finding fingerprints: what the finding is about, not where it sits.

Built from the rule, the articles, the claim types and keys, and the claims' text as written, so a
baseline keeps matching when unrelated lines are added above a claim.
"""

from __future__ import annotations

import hashlib

from claimcheck.model import Claim


def fingerprint(rule: str, subject: Claim) -> str:
    """A conflict is fingerprinted by the claim it is reported on, not by its partners: an
    article added later must not change the fingerprints of findings already in a baseline."""
    parts = [rule, _claim_part(subject)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:20]


def _claim_part(claim: Claim) -> str:
    return "\x1e".join((claim.span.article, claim.claim_type, claim.key or "",
                        " ".join(claim.span.text.split()), claim.sentence[:200]))
