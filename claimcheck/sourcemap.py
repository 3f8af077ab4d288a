"""Map character offsets in an article's text back to 1-based line:column in the file it came from."""

from __future__ import annotations

from bisect import bisect_right


class SourceMap:
    """Text that sits contiguously in its file, starting at (base_line, base_column).

    CRLF is folded to LF before extraction; that changes offsets but not lines or columns, so
    positions reported for a CRLF file are the same as for its LF twin.
    """

    def __init__(self, base_line: int = 1, base_column: int = 1):
        self.base_line = base_line
        self.base_column = base_column
        self._line_starts: list[int] | None = None

    def _starts(self, text: str) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def locate(self, text: str, offset: int) -> tuple[int, int]:
        starts = self._starts(text)
        row = bisect_right(starts, offset) - 1
        column = offset - starts[row] + 1
        if row == 0:
            column += self.base_column - 1
        return self.base_line + row, column


class JsonStringMap(SourceMap):
    """Text decoded from one JSON string literal: it sits on a single file line, and every escape
    sequence (\\n, \\u00e9, …) is wider in the file than in the text. A surrogate pair
    (\\ud83d\\ude00) decodes to one character, and an escaped CR LF is folded to one LF."""

    def __init__(self, base_line: int, base_column: int, raw_literal: str):
        super().__init__(base_line, base_column)
        self._decoded_at: list[int] = []   # decoded offsets at which the file runs ahead …
        self._extra: list[int] = []        # … by this many characters in total
        extra = 0
        decoded = 0
        i = 0
        n = len(raw_literal)
        while i < n:
            if raw_literal[i] == "\\" and i + 1 < n:
                width = _escape_width(raw_literal, i)
                i += width
                decoded += 1
                extra += width - 1
                self._decoded_at.append(decoded)
                self._extra.append(extra)
            else:
                i += 1
                decoded += 1

    def locate(self, text: str, offset: int) -> tuple[int, int]:
        k = bisect_right(self._decoded_at, offset) - 1
        extra = self._extra[k] if k >= 0 else 0
        return self.base_line, self.base_column + offset + extra


def _escape_width(raw: str, i: int) -> int:
    """How many file characters the escape at raw[i] takes up for one character of text."""
    first, width = _escape(raw, i)
    if first == "\r" and _escape(raw, i + width)[0] == "\n":
        return width + _escape(raw, i + width)[1]
    if "\ud800" <= first <= "\udbff" and "\udc00" <= _escape(raw, i + width)[0] <= "\udfff":
        return width + 6
    return width


_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"'}


def _escape(raw: str, i: int) -> tuple[str, int]:
    """The character an escape at raw[i] stands for, and its width; ("", 0) if none is there."""
    if not raw.startswith("\\", i) or i + 1 >= len(raw):
        return "", 0
    if raw[i + 1] != "u":
        return _SIMPLE_ESCAPES.get(raw[i + 1], raw[i + 1]), 2
    try:
        return chr(int(raw[i + 2:i + 6], 16)), 6
    except ValueError:
        return "", 6
