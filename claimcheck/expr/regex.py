"""Regular expressions from rule files, compiled by RE2 (google-re2): linear time on any input."""

from __future__ import annotations

from functools import lru_cache

import re2

MAX_PATTERN = 1000


@lru_cache(maxsize=256)
def compile_regex(pattern: str):
    if len(pattern) > MAX_PATTERN:
        raise ValueError(f"pattern is longer than {MAX_PATTERN} characters")
    options = re2.Options()
    options.log_errors = False
    options.max_mem = 8 << 20
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else "invalid pattern"
        raise ValueError(reason.decode(errors="replace") if isinstance(reason, bytes) else str(reason)) from None
