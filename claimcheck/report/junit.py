"""JUnit XML, for CI systems that show test results: one testsuite per check, one testcase per
check and article. An article with findings for a check is a failing testcase; articles the
result lists without such findings pass. Built with ElementTree, so every character is escaped;
control characters and terminal escapes, which XML 1.0 cannot carry, are dropped first."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from claimcheck.report.sanitize import clean, one_line

_RANK = {"info": 0, "warning": 1, "error": 2}


def render(result: dict, color: bool = False) -> str:
    findings = result["findings"]
    rules = dict(result.get("rules") or {})
    for f in findings:
        rules.setdefault(f["rule"], {"severity": f["severity"], "scope": f["scope"]})
    articles = _articles(result)
    root = ET.Element("testsuites", name="claimcheck")
    totals = [0, 0]
    for rule_id, info in rules.items():
        mine = [f for f in findings if f["rule"] == rule_id]
        suite = _suite(rule_id, info, mine, articles)
        totals[0] += int(suite.get("tests"))
        totals[1] += int(suite.get("failures"))
        root.append(suite)
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _articles(result: dict) -> dict[str, str]:
    """Article id → file: every article the result lists, then every one a finding names."""
    out = {a["id"]: a.get("file") or a["id"] for a in result.get("articles") or []}
    for f in result["findings"]:
        for loc in f.get("locations") or []:
            out.setdefault(loc["article"], loc.get("file") or loc["article"])
    return out


def _suite(rule_id: str, info: dict, findings: list[dict], articles: dict[str, str]) -> ET.Element:
    by_article: dict[str, list[dict]] = {a: [] for a in articles}
    for f in findings:
        by_article.setdefault(_article(f), []).append(f)
    suite = ET.Element("testsuite", name=one_line(rule_id), tests=str(len(by_article)),
                       failures=str(sum(1 for fs in by_article.values() if fs)), errors="0",
                       skipped="0")
    props = ET.SubElement(suite, "properties")
    for name in ("severity", "scope", "description"):
        if info.get(name):
            ET.SubElement(props, "property", name=name, value=one_line(info[name]))
    for article, found in by_article.items():
        case = ET.SubElement(suite, "testcase", name=one_line(article),
                             classname=one_line(f"claimcheck.{rule_id}"), time="0")
        if articles.get(article):
            case.set("file", one_line(articles[article]))
        if found:
            worst = max(found, key=lambda f: _RANK.get(f["severity"], 0))["severity"]
            message = found[0]["message"] if len(found) == 1 else \
                f"{len(found)} findings: " + "; ".join(f["message"] for f in found)
            failure = ET.SubElement(case, "failure", message=one_line(message), type=one_line(worst))
            failure.text = clean("\n\n".join(_details(f) for f in found))
    return suite


def _article(finding: dict) -> str:
    locations = finding.get("locations") or []
    return locations[0]["article"] if locations else "(corpus)"


def _details(finding: dict) -> str:
    lines = []
    for i, loc in enumerate(finding.get("locations") or []):
        where = f"{loc['article']}:{loc['line']}:{loc['column']}"
        if i == 0:
            lines.append(f"{where}: {finding['severity']}: {finding['message']} [{finding['rule']}]")
            lines.append(f"    claim: {one_line(loc['text'])}")
        else:
            lines.append(f"    versus: {one_line(loc['text'])} ({where})")
    if not lines:
        lines.append(f"{finding['severity']}: {finding['message']} [{finding['rule']}]")
    if finding.get("confidence") is not None:
        lowered = f", lowered from {finding['lowered_from']}" if finding.get("lowered_from") else ""
        lines.append(f"    confidence: {finding['confidence']:.2f} "
                     f"({finding.get('confidence_reason') or ''}{lowered})")
    lines.append(f"    fingerprint: {finding['fingerprint']}")
    return "\n".join(lines)
