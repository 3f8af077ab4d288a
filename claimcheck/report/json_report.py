"""JSON: the contract of DESIGN.md, {"findings": [...], "summary": {...}}."""

from __future__ import annotations

import json


def render(result: dict, color: bool = False) -> str:
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
