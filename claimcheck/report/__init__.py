"""Reporters: one module per output format, each `render(result: dict, color: bool) -> str` over the
findings' dict form ({"findings": [...], "summary": {...}})."""

from claimcheck.report import json_report, text

REPORTERS = {"text": text.render, "json": json_report.render}

__all__ = ["REPORTERS"]
