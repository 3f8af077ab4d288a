"""Text for a person at a terminal: findings grouped by article, each with the claim as written and,
for conflicts, the other side; coloured when the output is a terminal."""

from __future__ import annotations

from itertools import groupby

from claimcheck.report.sanitize import one_line

_COLORS = {"error": "31;1", "warning": "33;1", "info": "36", "dim": "2", "bold": "1"}


def render(result: dict, color: bool = False) -> str:
    def paint(text: str, style: str) -> str:
        return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if color else text

    lines: list[str] = []
    findings = result["findings"]
    for article, group in groupby(findings, key=lambda f: f["locations"][0]["article"]):
        lines.append(paint(one_line(article), "bold"))
        for f in group:
            loc = f["locations"][0]
            lines.append(f"  {loc['line']}:{loc['column']}  {paint(f['severity'], f['severity'])}  "
                         f"{one_line(f['message'])}  {paint(f['rule'], 'dim')}")
            if f.get("confidence") is not None:
                lowered = f" (lowered from {f['lowered_from']})" if f.get("lowered_from") else ""
                lines.append(paint(f"      confidence {f['confidence']:.2f}{lowered}: "
                                   f"{one_line(f.get('confidence_reason') or '')}", "dim"))
            lines.append(f"      {paint('│', 'dim')} {one_line(loc['text'])!s}")
            for other in f["locations"][1:]:
                where = f"{other['article']}:{other['line']}:{other['column']}"
                lines.append(f"      {paint('↔', 'dim')} {one_line(other['text'])}  {paint(where, 'dim')}")
        lines.append("")
    s = result["summary"]
    sev = s["by_severity"]
    counts = ", ".join(f"{sev[k]} {k}{'s' if sev[k] != 1 else ''}" for k in sev)
    verdict = (paint(f"{s['failing']} at or above {s['fail_on']}", "error") if s["failing"]
               else f"none at or above {s['fail_on']}")
    hidden = ", ".join(f"{s[k]} {k}" for k in ("baselined", "suppressed") if s.get(k))
    lines += coverage_lines(s.get("coverage") or {})
    lines.append(f"{s['findings']} finding{'s' if s['findings'] != 1 else ''} ({counts}) in "
                 f"{s['articles']} articles, {s['claims']} claims; {verdict}"
                 + (f" ({hidden} not shown)" if hidden else ""))
    return "\n".join(lines) + "\n"


def coverage_lines(coverage: dict) -> list[str]:
    """What was not checked, in two lines under the summary (each check's share: --statistics)."""
    if not coverage:
        return []
    types = coverage.get("claims_by_type") or {}
    keyless = {name: t["without_key"] for name, t in types.items() if t["without_key"]}
    total = sum(t["claims"] for t in types.values())
    detail = ", ".join(f"{name} {n}" for name, n in keyless.items())
    out = [f"coverage: {total} claims, {sum(keyless.values())} without a key"
           + (f" ({detail})" if detail else "")]
    stories = coverage.get("stories") or {}
    if stories:
        out.append(f"stories: {stories['stories']} ({stories['articles_sharing_a_story']} articles "
                   f"share one with another; the largest has {stories['largest']})")
    return out
