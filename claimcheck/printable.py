"""Text bound for a terminal or a log, one message a line: control characters (a newline in a
file name would forge a second warning line; an escape code would reach the terminal raw),
bidirectional overrides and undecodable bytes are shown as Python-style escapes instead."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, line and paragraph separators,
# and lone surrogates (a file name's bytes that are not UTF-8 arrive as U+DC80…U+DCFF).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:   # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` with every unsafe character escaped: one line, nothing a terminal acts on."""
    return _UNSAFE.sub(_escape, str(text))
