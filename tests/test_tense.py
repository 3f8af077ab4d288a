"""Tense markers are read lazily, from the left; the answers must be those of reading the whole
sentence first, for every place an expression could sit."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from claimcheck.corpus import load_corpus
from claimcheck.extract.sentences import split_sentences
from claimcheck.extract.tense import FUTURE, PAST, TenseReader

ROOT = Path(__file__).resolve().parent.parent


def _sentences() -> list[str]:
    texts = [a.text for a in load_corpus([str(ROOT / "corpus")]).articles]
    texts += [entry["text"] for entry in yaml.safe_load((ROOT / "tests/gold/sentences.yaml").read_text())]
    return [s.text for t in texts for s in split_sentences(t)]


def test_reading_lazily_answers_as_reading_everything():
    sentences = _sentences()
    assert len(sentences) > 100
    places = 0
    for sentence in sentences:
        words = [m.span() for m in re.finditer(r"\w+", sentence)]
        for start, end in words + [(s, e2) for (s, _), (_, e2) in zip(words, words[1:])]:
            lazy = TenseReader(sentence).tense_at(start, end)
            assert lazy == TenseReader(sentence).read_all().tense_at(start, end), (sentence, start)
            places += 1
    assert places > 2000


def test_the_nearest_marker_before_decides_and_else_the_first_after():
    sentence = "Officials said on Monday that the leaders will meet on Wednesday."
    reader = TenseReader(sentence)
    assert reader.tense_at(sentence.index("Wednesday"), len(sentence) - 1) == FUTURE
    assert reader.tense_at(sentence.index("Monday"), sentence.index(" that")) == PAST
    opening = "On Sunday the ministers met in Liverpool."
    assert TenseReader(opening).tense_at(3, 9) == PAST
