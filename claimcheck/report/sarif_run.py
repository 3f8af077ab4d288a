"""SARIF's record of the run itself (`invocations`): how claimcheck was called, when, its exit
status, and the warnings it went past as `toolExecutionNotifications`, each at its file, line
and column."""

from __future__ import annotations

import shlex
from pathlib import Path, PurePosixPath
from urllib.parse import quote


def invocation(details: dict) -> dict:
    code = details["exit_code"]
    out = {"executionSuccessful": code in (0, 1), "exitCode": code,
           "exitCodeDescription": {0: "no findings at or above --fail-on",
                                   1: "findings at or above --fail-on"}.get(code, "the run failed"),
           "startTimeUtc": details["started"], "endTimeUtc": details["ended"],
           "arguments": details["arguments"],
           "commandLine": shlex.join(["claimcheck", *details["arguments"]]),
           "workingDirectory": {"uri": Path(details["working_directory"]).as_uri()},
           "toolExecutionNotifications": [_notification(w) for w in details["warnings"]]}
    return out


def _notification(w: dict) -> dict:
    out = {"level": w["level"], "message": {"text": w["message"]}}
    path = w.get("path")
    if path and path != "claimcheck":
        out["locations"] = [{"physicalLocation": {
            "artifactLocation": _artifact(path),
            "region": {"startLine": max(1, w["line"]), "startColumn": max(1, w["column"])}}}]
    return out


def _artifact(path: str) -> dict:
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote("/".join(p for p in posix.parts if p != ".")), "uriBaseId": "%SRCROOT%"}
