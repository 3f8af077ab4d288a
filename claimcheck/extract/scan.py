"""Where in an article a pattern could start, and which needles it holds, found in one linear pass.

Python's re tries every alternative of an alternation ("one|two|…|twelve") at every position of
the text; RE2 (google-re2) runs it as one automaton. The places found are only candidates: the
finders then match their full Python patterns there, so a scan may find more places than the
patterns accept, never fewer. RE2's \\b is ASCII-only, so it finds at least Python's word
boundaries; its \\s knows no no-break space, so write SPACE where Python's \\s is meant. RE2 reads
UTF-8, so a text holding a lone surrogate (a broken JSON escape) is scanned by Python's re
instead.
"""

from __future__ import annotations

import re

import re2

# Every character Python's \s matches (U+3000 is the last), as a class both engines read.
SPACE = "[" + "".join(c for c in map(chr, range(0x3001)) if re.match(r"\s", c)) + "]"


class Scanner:
    """Where a pattern matches in a text: RE2 for the scan, Python's re where RE2 cannot read."""

    def __init__(self, pattern: str):
        options = re2.Options()
        options.log_errors = False
        self._fast = re2.compile(pattern, options)
        self._slow = re.compile(pattern)

    def starts(self, text: str) -> list[int]:
        try:
            return [m.start() for m in self._fast.finditer(_bytes_if_ascii(text))]
        except UnicodeEncodeError:
            return [m.start() for m in self._slow.finditer(text)]


class NeedleSet:
    """Which of many plain strings occur in a text: one pass of an RE2 set, where testing each
    with `in` reads the text once per string."""

    def __init__(self, needles):
        self.needles = sorted(needles)
        options = re2.Options()
        options.log_errors = False
        self._set = re2.Set.SearchSet(options)
        for needle in self.needles:
            self._set.Add(re2.escape(needle))
        self._set.Compile()

    def present(self, text: str) -> set[str]:
        try:
            hits = self._set.Match(text) or ()
        except UnicodeEncodeError:
            return {n for n in self.needles if n in text}
        return {self.needles[i] for i in hits}


def _bytes_if_ascii(text: str) -> str | bytes:
    """ASCII text as bytes, at the same offsets: RE2's wrapper maps every offset of a str match
    from UTF-8 bytes back to characters, which costs more than the scan itself."""
    return text.encode("ascii") if text.isascii() else text


def lower(text: str) -> str:
    """The text in lower case, at the same offsets: where lowering would change its length (a
    few Unicode letters), the text as it is, whose capitalised words then go unread."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text
