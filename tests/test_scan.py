"""The RE2 scans find what Python's re finds, also in text RE2 cannot read (a lone surrogate
from a broken JSON escape), where they fall back to it."""

from __future__ import annotations

from claimcheck.extract.scan import NeedleSet, Scanner


def test_scanner_starts_are_the_same_with_and_without_a_lone_surrogate():
    scanner = Scanner(r"(?i)\b(?:two|three)\b")
    text = "Two envoys met three times; two days later"
    assert scanner.starts(text) == [0, 15, 28]
    broken = text.replace("; ", ";\ud83d")
    assert scanner.starts(broken) == [0, 15, 28]


def test_needle_set_reports_every_needle_present_even_overlapping_ones():
    needles = NeedleSet(["week", "weekend", "end of", "day", "monday"])
    assert needles.present("over the weekend of Monday's talks".lower()) == \
        {"week", "weekend", "end of", "day", "monday"}
    assert needles.present("no such words \ud83d here") == set()
    assert needles.present("the weekend \ud83d") == {"week", "weekend"}


def test_number_words_after_a_no_break_space_are_still_found():
    from claimcheck.extract.quantities import QuantityFinder
    finder = QuantityFinder(("troops",))
    for text in ("about a\u00a0hundred troops", "a\u2009dozen troops", "a\u000bhundred troops"):
        assert [m.text for m in finder.find(text)] == [text], text
