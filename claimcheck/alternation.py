"""Regex alternations of plain words that Python's re can run fast."""

from __future__ import annotations

import re


def word_alternation(words) -> str:
    """An alternation of plain words as a trie of their letters ("m(?:et|ade)|s(?:aid|…)").

    It matches what the words joined longest first would: where several fit at one place, the
    longest is tried first. But Python's re rejects a word after a letter or two instead of
    trying every word in turn, at every place it scans."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        by_first.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in by_first.items():
        longer = [r for r in rests if r]
        if not longer:
            parts.append(re.escape(first))
        elif len(rests) == 1:
            parts.append(re.escape(first + rests[0]))
        else:
            parts.append(f"{re.escape(first)}(?:{word_alternation(longer)}){'?' if '' in rests else ''}")
    return "|".join(parts)
