"""Regex alternations of plain words that Python's re can run fast."""

from __future__ import annotations

import re


def word_alternation(words, space: str = r"\ ") -> str:
    r"""An alternation of plain words as a trie of their letters ("m(?:et|ade)|s(?:aid|…)").

    It matches what the words joined longest first would: where several fit at one place, the
    longest is tried first. But Python's re rejects a word after a letter or two instead of
    trying every word in turn, at every place it scans. A space in a word becomes `space` (such
    as r"\s+", for words written across a line break)."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        by_first.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in by_first.items():
        longer = [r for r in rests if r]
        head = space if first == " " else re.escape(first)
        if not longer:
            parts.append(head)
        elif len(rests) == 1:
            parts.append(head + "".join(space if c == " " else re.escape(c) for c in rests[0]))
        else:
            parts.append(f"{head}(?:{word_alternation(longer, space)}){'?' if '' in rests else ''}")
    return "|".join(parts)
