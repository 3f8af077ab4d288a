"""Markdown for a pull-request comment or a job summary: a line of counts, then a table per
severity (rule, where, message, claim). Every cell is escaped — the inline Markdown punctuation
(and `$`, which GitHub reads as maths) by backslash, `<`, `>` and `&` as entities, line breaks as
spaces — so article text can neither break the table nor bring in emphasis, links or HTML."""

from __future__ import annotations

import re

from claimcheck.report.sanitize import one_line

SEVERITIES = ("error", "warning", "info")
HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
ICONS = {"error": "🔴", "warning": "🟠", "info": "🔵"}
_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def render(result: dict, color: bool = False) -> str:
    findings = result["findings"]
    lines = ["## claimcheck", "", _summary(result), ""]
    for severity in SEVERITIES:
        found = [f for f in findings if f["severity"] == severity]
        if not found:
            continue
        lines += [f"### {ICONS[severity]} {HEADINGS[severity]} ({len(found)})", "",
                  "| Rule | Where | Message | Claim | Confidence |",
                  "| --- | --- | --- | --- | --- |"]
        lines += [_row(f) for f in found]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(result: dict) -> str:
    s = result["summary"]
    sev = s.get("by_severity", {})
    counts = ", ".join(f"{sev.get(k, 0)} {_plural(sev.get(k, 0), k)}" for k in SEVERITIES)
    scope = (f"{s['articles']} {_plural(s['articles'], 'article')}, "
             f"{s['claims']} {_plural(s['claims'], 'claim')}")
    if not s["findings"]:
        head = f"✅ **No findings** in {scope}."
    else:
        head = f"**{s['findings']} {_plural(s['findings'], 'finding')}** ({counts}) in {scope}."
    verdict = (f" ❌ **{s['failing']} at or above `{s['fail_on']}`**: the check fails."
               if s.get("failing") else f" Nothing at or above `{s['fail_on']}`.")
    extra = [f"{s[k]} {k}" for k in ("suppressed", "baselined") if s.get(k)]
    return head + verdict + (f" ({', '.join(extra)})" if extra else "") + _coverage(s)


def _coverage(s: dict) -> str:
    coverage = s.get("coverage") or {}
    types = coverage.get("claims_by_type") or {}
    if not types:
        return ""
    keyless = sum(t["without_key"] for t in types.values())
    stories = coverage.get("stories") or {}
    left = {}
    for c in (coverage.get("checks") or {}).values():
        for why, n in c.get("left_out", {}).items():
            left[why] = left.get(why, 0) + n
    parts = [f"{keyless} of {sum(t['claims'] for t in types.values())} claims without a key"]
    if stories:
        parts.append(f"{stories['stories']} {_plural(stories['stories'], 'story')}")
    if left:
        parts.append("left out by checks: " + ", ".join(f"{n} {why}" for why, n in left.items()))
    return "\n\n" + cell("Coverage: " + "; ".join(parts) + ".")


def _row(finding: dict) -> str:
    locations = finding.get("locations") or []
    where = claim = ""
    if locations:
        first = locations[0]
        where = cell(f"{first['article']}:{first['line']}")
        claim = "“" + cell(first["text"]) + "”"
        others = [f"“{cell(loc['text'])}” ({cell(loc['article'])}:{loc['line']})"
                  for loc in locations[1:]]
        if others:
            claim += " ↔ " + "; ".join(others)
    sure = ""
    if finding.get("confidence") is not None:
        lowered = f" (lowered from {finding['lowered_from']})" if finding.get("lowered_from") else ""
        sure = cell(f"{finding['confidence']:.2f}{lowered}: {finding.get('confidence_reason') or ''}")
    return f"| {cell(finding['rule'])} | {where} | {cell(finding['message'])} | {claim} | {sure} |"


def cell(text: object) -> str:
    """One table cell's worth of literal text."""
    escaped = _SPECIAL.sub(r"\\\1", one_line(text))
    return "".join(_ENTITIES.get(ch, ch) for ch in escaped)


def _plural(n: int, word: str) -> str:
    if word == "info":
        return word
    if word == "story":
        return word if n == 1 else "stories"
    return word if n == 1 else word + "s"
