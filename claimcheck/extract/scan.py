"""Where in an article a pattern could start, found in one linear pass.

Python's re tries every alternative of an alternation ("one|two|…|twelve") at every position of
the text; RE2 (google-re2) runs it as one automaton. The places found are only candidates: the
finders then match their full Python patterns there. RE2 reads UTF-8, so a text holding a lone
surrogate (a broken JSON escape) is scanned by Python's re instead, with the same result.
"""

from __future__ import annotations

import re

import re2


class Scanner:
    def __init__(self, pattern: str):
        options = re2.Options()
        options.log_errors = False
        self._fast = re2.compile(pattern, options)
        self._slow = re.compile(pattern)

    def starts(self, text: str) -> list[int]:
        try:
            return [m.start() for m in self._fast.finditer(text)]
        except UnicodeEncodeError:
            return [m.start() for m in self._slow.finditer(text)]

