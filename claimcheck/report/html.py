"""A one-file HTML report for people who would rather look than read: the counts, each finding
with its conflicting passages side by side (filterable by rule and severity), findings by article,
a timeline of the dated claims and, when the result carries them (`claims`, `articles`), the
claims of each article.

It leads with findings and stays small at any corpus size: a finding shows its subject and
SHOWN_PARTNERS passages (the rest as locations), the first FULL_FINDINGS findings in full and the
rest one line each, articles with findings before clean ones and at most CLAIM_TABLES claim
tables, the timeline only the articles in findings (timeline.py) — every cap says what it left out.

The page needs nothing from the network (inline CSS and SVG). Its policy allows one script, the
findings filter (templates/filter.js), by its hash; without it every finding is shown. Article
text only ever reaches it through the template's autoescape."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import resources

from claimcheck import __version__
from claimcheck.report import timeline
from claimcheck.report.sanitize import clean, one_line

SEVERITIES = ("error", "warning", "info")
_RANK = {s: i for i, s in enumerate(reversed(SEVERITIES))}
_SPACE = re.compile(r"\s+")
SHOWN_PARTNERS = 3      # passages a finding shows beside its subject; the rest are locations
FULL_FINDINGS = 400     # findings shown with their passages; the rest one line each
ARTICLE_ROWS = 1500     # rows of the findings-by-article table
CLAIM_TABLES = 300      # articles whose claims are listed, those with findings first


def render(result: dict, color: bool = False) -> str:
    script = _filter_script()
    return _template().render(**view(result), script=script, script_hash=_digest(script))


@lru_cache(maxsize=1)
def _filter_script() -> str:
    return resources.files("claimcheck.report").joinpath("templates/filter.js").read_text("utf-8")


def _digest(script: str) -> str:
    """The script's hash, as the content security policy names the one script it allows."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


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
    by_rule = _by_rule(findings, rules, claims)
    tables, clean_articles = _claim_tables(claims, articles, severity_of, anchors_of)
    rows = _by_article(findings)
    return {
        "summary": result["summary"], "severities": SEVERITIES, "has_claims": "claims" in result,
        "dated": sum(1 for c in claims if c.get("kind") == "date"),
        "by_rule": by_rule, "filter": _filter_counts(findings),
        "by_article": rows[:ARTICLE_ROWS], "rows_left_out": max(0, len(rows) - ARTICLE_ROWS),
        "claim_tables": tables, "clean_articles": clean_articles,
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
        groups.setdefault(f["rule"], []).append(f)
    out = [{"id": rule, "info": rules.get(rule, {}), "findings": fs,
            "severity": max((f["severity"] for f in fs), key=lambda s: _RANK.get(s, 0))}
           for rule, fs in groups.items()]
    out.sort(key=lambda g: (-_RANK.get(g["severity"], 0), g["id"]))
    shown = 0
    for g in out:
        g["findings"] = [_detailed(f, index) if (shown := shown + 1) <= FULL_FINDINGS else f
                         for f in sorted(g["findings"], key=lambda f: -_RANK.get(f["severity"], 0))]
    return out


def _detailed(finding: dict, index: dict) -> dict:
    """A finding with its passages: the subject and the first SHOWN_PARTNERS others; the rest
    of its locations as `more`."""
    by_span = {_key(c): c for c in finding.get("claims") or []}
    locations = finding.get("locations") or []
    passages = [_passage(loc, by_span.get(_key(loc)) or index.get(_key(loc)), i == 0)
                for i, loc in enumerate(locations[:SHOWN_PARTNERS + 1])]
    return dict(finding, passages=passages, more=locations[SHOWN_PARTNERS + 1:])


def _filter_counts(findings: list[dict]) -> dict:
    """What the filter offers: each severity and each rule, with how many findings it has."""
    severities = {s: sum(1 for f in findings if f["severity"] == s) for s in SEVERITIES}
    rules: dict[str, int] = {}
    for f in findings:
        rules[f["rule"]] = rules.get(f["rule"], 0) + 1
    return {"severities": severities, "rules": sorted(rules.items()), "total": len(findings)}


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


def _by_article(findings: list[dict]) -> list[dict]:
    """One row per location a finding shows (its subject and first partners), by article."""
    rows: list[dict] = []
    for f in findings:
        for i, loc in enumerate((f.get("locations") or [])[:SHOWN_PARTNERS + 1]):
            rows.append({"article": loc["article"], "finding": f, "line": loc.get("line"),
                         "column": loc.get("column"), "text": one_line(loc.get("text", "")),
                         "primary": i == 0})
    rows.sort(key=lambda r: (r["article"], r["line"] or 0))
    for i, r in enumerate(rows):
        r["first"] = i == 0 or rows[i - 1]["article"] != r["article"]
    return rows


def _claim_tables(claims: list[dict], articles: dict, severity_of: dict,
                  anchors_of: dict) -> tuple[list, dict]:
    """The claim tables to show, articles with findings first, at most CLAIM_TABLES; and what
    was left out: how many articles (with and without findings) and claims."""
    tables: dict[str, list[dict]] = {a: [] for a in articles}
    for c in claims:
        tables.setdefault(c["article"], []).append(c)
    flagged = {a for a, cs in tables.items() if any(_key(c) in severity_of for c in cs)}
    order = sorted((a for a, cs in tables.items() if cs), key=lambda a: (a not in flagged, a))
    shown = []
    for a in order[:CLAIM_TABLES]:
        rows = [dict(c, text=one_line(c.get("text", "")), shown=describe(c.get("value")),
                     severity=severity_of.get(_key(c)), anchors=anchors_of.get(_key(c), []))
                for c in sorted(tables[a], key=lambda c: c.get("start") or 0)]
        shown.append({"article": articles.get(a, {"id": a}), "claims": rows,
                      "flagged": sum(1 for c in rows if c["severity"])})
    rest = order[CLAIM_TABLES:]
    return shown, {"articles": sum(1 for a in rest if a not in flagged),
                   "flagged": sum(1 for a in rest if a in flagged),
                   "claims": sum(len(tables[a]) for a in rest)}


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
