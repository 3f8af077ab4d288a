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
    return [piece for s in _split(text) for piece in windows(s)]


def _split(text: str) -> list[Sentence]:
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


# Work on a claim reads its whole sentence, so one sentence without full stops (a 20 MB run-on,
# a table flattened to one line) would cost time growing with the square of its length. Longer
# sentences are cut into windows, at a clause break (", " "; " ": ") or a space where there is one.
MAX_SENTENCE = 600


def windows(sentence: Sentence, limit: int = MAX_SENTENCE) -> list[Sentence]:
    if len(sentence.text) <= limit:
        return [sentence]
    out: list[Sentence] = []
    text, offset = sentence.text, 0
    while len(text) - offset > limit:
        cut = _cut(text, offset, offset + limit)
        _append(out, text, offset, cut)
        offset = cut
    _append(out, text, offset, len(text))
    return [Sentence(sentence.start + s.start, sentence.start + s.end, s.text) for s in out]


def _cut(text: str, start: int, end: int) -> int:
    """Where to end a window of text[start:end]: after the last clause break in its second half,
    else at its last space, else at `end`."""
    half = start + (end - start) // 2
    clause = max(text.rfind(mark, half, end) for mark in (", ", "; ", ": "))
    if clause != -1:
        return clause + 1
    space = max(text.rfind(" ", half, end), text.rfind("\n", half, end))
    return space if space != -1 else end
