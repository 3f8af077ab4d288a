"""GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding, so
each finding shows as an annotation on the article's line in the run and the pull request.

Values are escaped as the workflow-command format requires (`%`, CR and LF in the message; also
`:` and `,` in properties), after terminal escapes and control characters are dropped, so article
text can neither end a command early nor start one of its own."""

from __future__ import annotations

import re

from claimcheck.report.sanitize import clean

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def render(result: dict, color: bool = False) -> str:
    return "".join(_command(f) + "\n" for f in result["findings"])


def _command(finding: dict) -> str:
    props: list[tuple[str, object]] = []
    locations = finding.get("locations") or []
    if locations:
        loc = locations[0]
        parts = _LINE_BREAK.split(loc.get("text") or "")
        end_line = loc["line"] + len(parts) - 1
        end_column = (loc["column"] + len(parts[0]) if len(parts) == 1 else len(parts[-1]) + 1)
        props += [("file", loc.get("file") or loc["article"].split("#")[0]), ("line", loc["line"]),
                  ("col", loc["column"])]
        if end_line != loc["line"]:
            props.append(("endLine", end_line))
        props.append(("endColumn", end_column))
    props.append(("title", finding["rule"]))
    head = ",".join(f"{name}={escape_property(value)}" for name, value in props)
    message = finding["message"]
    if finding.get("confidence") is not None:
        message += f" (confidence {finding['confidence']:.2f}: {finding.get('confidence_reason') or ''})"
    return f"::{COMMANDS.get(finding['severity'], 'warning')} {head}::{escape_data(message)}"


def escape_data(text: object) -> str:
    return clean(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: object) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
