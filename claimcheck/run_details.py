"""What a report says about the run itself, beside its findings (SARIF's `invocations` and
`automationDetails`, and each rule's `helpUri`): how it was called, when, how it ended, and the
warnings it went past."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone

from claimcheck.report.rule_links import rule_links


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


def run_details(args, paths: list[str], warnings, exit_code: int, started: str,
                rule_ids: list[str], rule_docs: str | None) -> dict:
    return {"exit_code": exit_code, "arguments": list(getattr(args, "argv", None) or []),
            "working_directory": os.getcwd(), "started": started, "ended": now(),
            "category": category(paths), "warnings": [_warning(w) for w in warnings],
            "rule_docs": rule_links(rule_docs, rule_ids)}


def category(paths: list[str]) -> str:
    """What the run checks, for code scanning to tell analyses apart: `claimcheck/corpus`."""
    names = sorted("stdin" if p == "-" else re.sub(r"[^\w.\-]+", "-", p.strip("/")) or "root"
                   for p in paths)
    named = "+".join(names)
    return f"claimcheck/{named or 'corpus'}"


def _warning(w) -> dict:
    text = str(w)
    level = "note" if ": note: " in text else "warning"
    return {"level": level, "message": getattr(w, "message", text), "path": getattr(w, "path", None),
            "line": getattr(w, "line", None) or 1, "column": getattr(w, "column", None) or 1}
