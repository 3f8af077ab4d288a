"""Tense markers: the regex is compiled with word tries for speed; it must find what the plain
alternation of the same words finds, on every sentence of the corpus and the gold file."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from claimcheck.corpus import load_corpus
from claimcheck.extract import tense
from claimcheck.extract.sentences import split_sentences
from claimcheck.extract.tense import FUTURE, PAST, markers, tense_at

ROOT = Path(__file__).resolve().parent.parent


def _sentences() -> list[str]:
    texts = [a.text for a in load_corpus([str(ROOT / "corpus")]).articles]
    texts += [entry["text"] for entry in yaml.safe_load((ROOT / "tests/gold/sentences.yaml").read_text())]
    return [s.text for t in texts for s in split_sentences(t)]


def test_the_trie_regex_finds_what_the_plain_alternation_finds():
    plain = re.compile(
        r"(?P<future>\b(?:" + "|".join(tense._FUTURE) + r")\b)"
        r"|(?P<perfect>\b(?:has|have)\s+(?:been\s+)?\w+(?:ed|en|wn|ne|t)\b)"
        r"|(?P<past>\b(?:" + "|".join(tense._IRREGULAR_PAST) + r")\b(?!-)|\b\w{3,}ed\b(?!-))"
        r"|(?P<present>\b(?:" + "|".join(tense._PRESENT) + r")\b)", re.I)
    sentences = _sentences()
    assert len(sentences) > 100
    found = 0
    for sentence in sentences:
        expected = [(m.span(), m.lastgroup) for m in plain.finditer(sentence)]
        assert [(m.span(), m.lastgroup) for m in tense._MARKER.finditer(sentence)] == expected, sentence
        found += len(expected)
    assert found > 150


def test_the_nearest_marker_before_decides_and_else_the_first_after():
    sentence = "Officials said on Monday that the leaders will meet on Wednesday."
    found = markers(sentence)
    assert tense_at(found, sentence.index("Wednesday"), len(sentence) - 1) == FUTURE
    assert tense_at(found, sentence.index("Monday"), sentence.index(" that")) == PAST
    opening = "On Sunday the ministers met in Liverpool."
    assert tense_at(markers(opening), 3, 9) == PAST
