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
MAX_BYTES = 64 * 1024 * 1024


def write_baseline(path: str, findings: list[Finding]) -> None:
    entries = sorted(({"fingerprint": f.fingerprint, "rule": f.rule,
                       "article": f.locations[0].article, "message": f.message} for f in findings),
                     key=lambda e: (e["article"], e["rule"], e["fingerprint"]))
    write_atomic(path, json.dumps({"version": VERSION, "findings": entries}, indent=2,
                                  ensure_ascii=False) + "\n")


def read_baseline(path: str) -> set[str]:
    try:
        if not Path(path).is_file():
            raise ClaimcheckError("cannot read baseline: not a regular file", path, 1, 1)
        if Path(path).stat().st_size > MAX_BYTES:
            raise ClaimcheckError(f"baseline is over {MAX_BYTES:,} bytes; not a baseline", path, 1, 1)
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ClaimcheckError(f"cannot read baseline: {exc.strerror or exc}", path, 1, 1) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ClaimcheckError("baseline is not UTF-8 text (a binary file?)", path, line, 1) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClaimcheckError(f"baseline is not valid JSON: {exc.msg}", path, exc.lineno,
                              exc.colno) from None
    except RecursionError:
        raise ClaimcheckError("baseline nests too deeply; not a baseline", path, 1, 1) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ClaimcheckError("baseline must be an object with a 'findings' list (written by "
                              "--write-baseline)", path, 1, 1)
    known = set()
    for number, entry in enumerate(data["findings"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise ClaimcheckError(f"baseline entry {number} has no string 'fingerprint' (write "
                                  "the baseline again with --write-baseline)", path, 1, 1)
        known.add(entry["fingerprint"])
    return known


def split_by_baseline(findings: list[Finding], known: set[str]) -> tuple[list[Finding], int]:
    """(new findings, how many the baseline accepted)."""
    new = [f for f in findings if f.fingerprint not in known]
    return new, len(findings) - len(new)
