"""SARIF 2.1.0, as GitHub code scanning reads it: one run, the checks as `tool.driver.rules`, one
result per finding with the claim's region and, for a conflict, the other claims as related
locations. `partialFingerprints` carries the finding's fingerprint so alerts survive edits."""

from __future__ import annotations

import json
import os
import re
from importlib import metadata
from pathlib import PurePosixPath
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.report.sarif_run import invocation
from claimcheck.rules.pack import short_description

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "claimcheck/v1"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def render(result: dict, color: bool = False) -> str:
    details = result.get("run") or {}
    links = details.get("rule_docs") or {}
    rules = _rules(result, links)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    driver = {"name": "claimcheck", "version": __version__, "semanticVersion": __version__,
              "rules": rules}
    homepage = _homepage() or links.get("index")
    if homepage:
        driver["informationUri"] = homepage
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
           "results": [_result(f, index) for f in result["findings"]]}
    if details:
        run["automationDetails"] = {"id": f"{details['category']}/{details['started']}",
                                    "description": {"text": "claimcheck over "
                                                    + details["category"].split("/", 1)[1]}}
        run["invocations"] = [invocation(details)]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rules(result: dict, links: dict[str, str]) -> list[dict]:
    """Every check that ran (from `rules`), then any rule a finding names that `rules` lacks."""
    described = dict(result.get("rules") or {})
    for f in result["findings"]:
        described.setdefault(f["rule"], {"severity": f["severity"], "scope": f["scope"]})
    return [_rule(rule_id, info, links.get(rule_id)) for rule_id, info in described.items()]


def _rule(rule_id: str, info: dict, help_uri: str | None = None) -> dict:
    description = (info.get("description") or rule_id).strip()
    short = info.get("summary") or (short_description(description)
                                    if description != rule_id else rule_id)
    facts = [("scope", info.get("scope")), ("claim types", ", ".join(info.get("claim_types") or [])),
             ("defined in", f"{info['path']}:{info['line']}" if info.get("path") else None)]
    facts = [(name, value) for name, value in facts if value]
    text = "\n".join([description, "", *(f"{name}: {value}" for name, value in facts)]).strip()
    markdown = "\n".join([description, "", *(f"- **{name}**: `{value}`" for name, value in facts)])
    out = {"id": rule_id, "name": _pascal(rule_id),
           "shortDescription": {"text": short}, "fullDescription": {"text": description},
           "help": {"text": text, "markdown": markdown.strip()},
           "defaultConfiguration": {"level": LEVELS.get(info.get("severity"), "warning")},
           "properties": {"tags": ["claimcheck", *(t for t in [info.get("scope")] if t),
                                   *(info.get("claim_types") or [])]}}
    if help_uri:
        out["helpUri"] = help_uri
    return out


def _result(finding: dict, index: dict[str, int]) -> dict:
    locations = finding.get("locations") or []
    out = {"ruleId": finding["rule"], "ruleIndex": index[finding["rule"]],
           "level": LEVELS.get(finding["severity"], "warning"),
           "message": {"text": _message(finding["message"], locations[1:])},
           "partialFingerprints": {FINGERPRINT: finding["fingerprint"]},
           "properties": {"scope": finding["scope"]}}
    if finding.get("confidence") is not None:
        out["rank"] = round(finding["confidence"] * 100, 1)   # SARIF's 0–100 "how sure"
        out["properties"].update(confidence=finding["confidence"],
                                 confidenceReason=finding.get("confidence_reason") or "")
        if finding.get("lowered_from"):
            out["properties"]["loweredFrom"] = finding["lowered_from"]
    if locations:
        out["locations"] = [_location(locations[0])]
    if len(locations) > 1:
        out["relatedLocations"] = [
            {"id": i, **_location(loc),
             "message": {"text": f"{loc['text']} ({loc['article']}:{loc['line']}:{loc['column']})"}}
            for i, loc in enumerate(locations[1:], start=1)]
    return out


def _message(text: str, related: list[dict]) -> str:
    """The finding's message and, for a conflict, a link to each other claim: `[text](id)`
    points at the related location of that id (SARIF 3.11.6); brackets of the message itself
    are escaped so that they are not read as links."""
    escaped = re.sub(r"([\\\[\]])", r"\\\1", text)
    if not related:
        return escaped
    links = ", ".join(f"[{_link_text(loc)}]({i})" for i, loc in enumerate(related, start=1))
    return f"{escaped.rstrip('.')}. Compared with {links}."


def _link_text(loc: dict) -> str:
    text = re.sub(r"\s+", " ", loc.get("text") or "")
    return re.sub(r"([\\\[\]])", r"\\\1", f"{text} in {loc['article']}:{loc['line']}")


def _location(loc: dict) -> dict:
    out = {"physicalLocation": _physical(loc)}
    if loc.get("story"):
        out["properties"] = {"story": loc["story"]}
    return out


def _physical(loc: dict) -> dict:
    line, column, text = loc["line"], loc["column"], loc.get("text") or ""
    parts = _LINE_BREAK.split(text)
    end_line = line + len(parts) - 1
    end_column = column + len(text) if len(parts) == 1 else len(parts[-1]) + 1
    region = {"startLine": line, "startColumn": column, "endLine": end_line,
              "endColumn": end_column, "snippet": {"text": text}}
    return {"artifactLocation": _artifact(loc.get("file") or loc["article"].split("#")[0]),
            "region": region}


def _artifact(path: str) -> dict:
    """A relative POSIX URI against %SRCROOT% (the checkout); an absolute path becomes a file URI.
    A file name that is not UTF-8 is percent-encoded from its bytes as the file system has them."""
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return {"uri": "file://" + quote(os.fsencode(str(posix)))}
    parts = [p for p in posix.parts if p != "."]
    return {"uri": quote(os.fsencode("/".join(parts))), "uriBaseId": "%SRCROOT%"}


def _pascal(rule_id: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in re.split(r"[^0-9A-Za-z]+", rule_id))


def _homepage() -> str | None:
    """The project's address, as its package metadata declares it (none is declared yet)."""
    try:
        meta = metadata.metadata("claimcheck")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return meta.get("Home-page") or None
