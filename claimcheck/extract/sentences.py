"""Split article text into sentences with their offsets, without breaking at "Dec." or "U.S."."""

from __future__ import annotations

import re
from typing import NamedTuple

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "st",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "approx", "inc", "corp", "ltd", "co", "u.s", "u.k", "u.n", "e.g", "i.e",
}
# The end mark is part of the match (a lookbehind for it would be tried at every character).
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n|\n(?=#)")
_LAST_WORD = re.compile(r"(?<![\w.])([\w.]+)\.$")


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        # only the word before a full stop matters ("Dec." does not end a sentence); a blank
        # line or a heading always does
        if text[m.start()] == "." and "\n\n" not in m.group():
            word = _LAST_WORD.search(text, max(start, cut - 12), cut)
            if word and (word.group(1).lower() in _ABBREVIATIONS or _is_initial(text, word)):
                continue
        _append(sentences, text, start, cut)
        start = m.end()
    _append(sentences, text, start, len(text))
    return sentences


def _is_initial(text: str, word: re.Match) -> bool:
    """A middle initial after a name: "Donald J. Trump", "George W. Bush"."""
    letter = word.group(1)
    return len(letter) == 1 and letter.isupper() and bool(
        re.search(r"\b[A-Z][a-z]+ $", text[max(0, word.start() - 20):word.start()]))


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + len(chunk) - len(chunk.lstrip())
        out.append(Sentence(s, s + len(stripped), stripped))
