"""A plain table of claims for `claimcheck extract --format table`."""

from __future__ import annotations

from claimcheck.model import Claim
from claimcheck.report.sanitize import one_line


def claims_table(claims: list[Claim]) -> str:
    rows = [("ARTICLE:LINE:COL", "TYPE", "TEXT", "VALUE", "TENSE", "KEY")]
    for c in claims:
        rows.append((f"{one_line(c.span.article)}:{c.span.line}:{c.span.column}", c.claim_type,
                     _clip(c.span.text, 36), c.value.describe(), c.tense, c.key or "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.append(f"{len(claims)} claim{'' if len(claims) == 1 else 's'}")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"
