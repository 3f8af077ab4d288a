"""Baselines: accept the findings a corpus has today, and fail only on new ones.

Findings are matched by fingerprint, which does not depend on line numbers, so a baseline keeps
matching when unrelated lines move.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimcheck.atomic import write_atomic
from claimcheck.errors import ClaimcheckError
from claimcheck.model import Finding

VERSION = 1


def write_baseline(path: str, findings: list[Finding]) -> None:
    entries = sorted(({"fingerprint": f.fingerprint, "rule": f.rule,
                       "article": f.locations[0].article, "message": f.message} for f in findings),
                     key=lambda e: (e["article"], e["rule"], e["fingerprint"]))
    write_atomic(path, json.dumps({"version": VERSION, "findings": entries}, indent=2,
                                  ensure_ascii=False) + "\n")


def read_baseline(path: str) -> set[str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ClaimcheckError(f"cannot read baseline: {exc.strerror or exc}", path, 1, 1) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClaimcheckError(f"baseline is not valid JSON: {exc.msg}", path, exc.lineno,
                              exc.colno) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ClaimcheckError("baseline must be an object with a 'findings' list (written by "
                              "--write-baseline)", path, 1, 1)
    return {e["fingerprint"] for e in data["findings"] if isinstance(e, dict) and "fingerprint" in e}


def split_by_baseline(findings: list[Finding], known: set[str]) -> tuple[list[Finding], int]:
    """(new findings, how many the baseline accepted)."""
    new = [f for f in findings if f.fingerprint not in known]
    return new, len(findings) - len(new)
