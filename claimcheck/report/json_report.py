"""JSON: the contract of DESIGN.md, {"findings": [...], "summary": {...}}.

Written compactly: the indenting encoder is pure Python and costs more than the whole check on a
large corpus; pipe the output through `python -m json.tool` to read it."""

from __future__ import annotations

import json


def render(result: dict, color: bool = False) -> str:
    return json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n"
