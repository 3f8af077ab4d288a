"""Article text is data, never control: before a reporter puts it into a format that a terminal,
an XML parser or a CI log reads, terminal escape sequences and control characters go."""

from __future__ import annotations

import re

# CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \) and two-character escapes (ESC @ … ESC _).
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])?")
# C0 controls but tab, LF and CR; DEL and C1 controls; lone surrogates; the non-characters
# U+FFFE and U+FFFF. Everything left is legal in XML 1.0.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n|[\r\n\t\u2028\u2029]")


def clean(text: object) -> str:
    """Drop escape sequences and control characters; keep tabs and line breaks."""
    return _CONTROLS.sub("", _ESCAPES.sub("", str(text)))


def one_line(text: object) -> str:
    """`clean`, with every line break and tab turned into a space."""
    return _BREAKS.sub(" ", clean(text))
