"""A one-file HTML report for people who would rather look than read: the counts, a timeline of
the dated claims, each finding with its conflicting passages side by side, findings by article
and, when the result carries them (`claims`, `articles`), every claim of every article.

The page needs nothing from the network (inline CSS and SVG, no script) and its policy forbids
scripts outright. Article text only ever reaches it through the template's autoescape."""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck import __version__
from claimcheck.report import timeline
from claimcheck.report.sanitize import clean, one_line

SEVERITIES = ("error", "warning", "info")
_RANK = {s: i for i, s in enumerate(reversed(SEVERITIES))}
_SPACE = re.compile(r"\s+")


def render(result: dict, color: bool = False) -> str:
    return _template().render(**view(result))


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, StrictUndefined
    env = Environment(loader=PackageLoader("claimcheck.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    return env.get_template("report.html")


def view(result: dict) -> dict:
    """Everything the template shows, already grouped and measured."""
    result = _scrub(result)
    findings = [dict(f, anchor=f"finding-{i}") for i, f in enumerate(result["findings"], start=1)]
    claims = _claims(result)
    severity_of: dict[tuple, str] = {}
    anchors_of: dict[tuple, list[str]] = {}
    for f in findings:
        for c in f.get("claims") or []:
            key = _key(c)
            anchors_of.setdefault(key, []).append(f["anchor"])
            if _RANK.get(f["severity"], 0) > _RANK.get(severity_of.get(key), -1):
                severity_of[key] = f["severity"]
    articles = _articles(result, claims)
    published = {a: info.get("published") for a, info in articles.items()}
    rules = result.get("rules") or {}
    return {
        "summary": result["summary"], "severities": SEVERITIES, "has_claims": "claims" in result,
        "dated": sum(1 for c in claims if c.get("kind") == "date"),
        "by_rule": _by_rule(findings, rules, claims),
        "by_article": _by_article(findings, articles),
        "claim_tables": _claim_tables(claims, articles, severity_of, anchors_of),
        "timeline": timeline.build(claims, severity_of, published),
        "articles": articles, "version": __version__,
    }


def _scrub(value):
    """A copy with terminal escapes and control characters gone from every string."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def _key(claim: dict) -> tuple:
    return claim.get("article"), claim.get("start"), claim.get("end")


def _claims(result: dict) -> list[dict]:
    """Every claim: the result's own list, else the claims its findings name (once each)."""
    if "claims" in result:
        return list(result["claims"])
    seen: dict[tuple, dict] = {}
    for f in result["findings"]:
        for c in f.get("claims") or []:
            seen.setdefault(_key(c), c)
    return list(seen.values())


def _articles(result: dict, claims: list[dict]) -> dict[str, dict]:
    out = {a["id"]: a for a in result.get("articles") or []}
    names = [c["article"] for c in claims] + [loc["article"] for f in result["findings"]
                                              for loc in f.get("locations") or []]
    for name in names:
        out.setdefault(name, {"id": name})
    return out


def _by_rule(findings: list[dict], rules: dict, claims: list[dict]) -> list[dict]:
    index = {_key(c): c for c in claims}
    groups: dict[str, list[dict]] = {}
    for f in findings:
        by_span = {_key(c): c for c in f.get("claims") or []}
        passages = [_passage(loc, by_span.get(_key(loc)) or index.get(_key(loc)), i == 0)
                    for i, loc in enumerate(f.get("locations") or [])]
        groups.setdefault(f["rule"], []).append(dict(f, passages=passages))
    out = [{"id": rule, "info": rules.get(rule, {}), "findings": fs,
            "severity": max((f["severity"] for f in fs), key=lambda s: _RANK.get(s, 0))}
           for rule, fs in groups.items()]
    return sorted(out, key=lambda g: (-_RANK.get(g["severity"], 0), g["id"]))


def _passage(loc: dict, claim: dict | None, primary: bool) -> dict:
    """The location's text inside its sentence, split around it for highlighting."""
    text = _SPACE.sub(" ", one_line(loc.get("text", ""))).strip()
    sentence = _SPACE.sub(" ", one_line((claim or {}).get("sentence") or "")).strip()
    at = sentence.find(text) if text else -1
    before, after = (sentence[:at], sentence[at + len(text):]) if at >= 0 else ("", "")
    return {"article": loc["article"], "line": loc.get("line"), "column": loc.get("column"),
            "before": before, "text": text, "after": after, "primary": primary,
            "value": describe((claim or {}).get("value")), "tense": (claim or {}).get("tense"),
            "attribution": (claim or {}).get("attribution"), "story": loc.get("story")}


def _by_article(findings: list[dict], articles: dict[str, dict]) -> list[dict]:
    rows: dict[str, list[dict]] = {}
    for f in findings:
        for i, loc in enumerate(f.get("locations") or []):
            rows.setdefault(loc["article"], []).append(
                {"finding": f, "line": loc.get("line"), "column": loc.get("column"),
                 "text": one_line(loc.get("text", "")), "primary": i == 0})
    return [{"article": articles.get(a, {"id": a}), "rows": sorted(rs, key=lambda r: r["line"] or 0)}
            for a, rs in sorted(rows.items())]


def _claim_tables(claims: list[dict], articles: dict, severity_of: dict, anchors_of: dict) -> list:
    tables: dict[str, list[dict]] = {a: [] for a in articles}
    for c in claims:
        tables.setdefault(c["article"], []).append(dict(
            c, text=one_line(c.get("text", "")), shown=describe(c.get("value")),
            severity=severity_of.get(_key(c)), anchors=anchors_of.get(_key(c), [])))
    return [{"article": articles[a], "claims": sorted(cs, key=lambda c: c.get("start") or 0),
             "flagged": sum(1 for c in cs if c["severity"])} for a, cs in tables.items() if cs]


def describe(value: dict | None) -> str:
    """A claim's value as a person reads it: a date range, or a quantity range with its unit."""
    if not value:
        return ""
    if "start" in value:
        start, end = value.get("start"), value.get("end")
        span = start if start == end else f"{start} – {end}"
        return f"{span} ({value['granularity']})" if value.get("granularity") else str(span)
    low, high, unit = value.get("low"), value.get("high"), value.get("unit") or ""
    if high is None:
        return f"at least {_number(low)} {unit}".strip()
    if low is None:
        return f"at most {_number(high)} {unit}".strip()
    if low == high:
        return f"{_number(low)} {unit}".strip()
    return f"{_number(low)}–{_number(high)} {unit}".strip()


def _number(x) -> str:
    if isinstance(x, (int, float)) and float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}" if isinstance(x, (int, float)) else str(x)
