"""WordPattern finds what the pattern with its leading boundary written in finds."""

import re

from hypothesis import example, given, settings, strategies as st

from claimcheck.word_pattern import WordPattern

# letters, digits, an accented letter (a word character for Python's re, not for ASCII), spaces,
# a hyphen and an apostrophe: every kind of place a boundary can be at
TEXT = st.text(alphabet="ateh o2'-é_T", max_size=40)
BODIES = ["the|they|that", "t(?:he)?", "'t|he", "[A-Z][a-z]+", "e+"]


@settings(max_examples=500, deadline=None)
@given(TEXT, st.sampled_from(BODIES), st.integers(0, 10), st.integers(0, 45))
@example("he'tthe", "'t|he", 0, 45)     # a body that starts with no word character: \b after a letter
@example("éthe the", "the|they|that", 0, 45)   # a word character that is not ASCII
@example("a they", "the|they|that", 2, 45)      # pos at a boundary the text before decides
def test_matches_as_a_leading_word_boundary_would(text, body, pos, endpos):
    written = re.compile(r"\b(?:" + body + ")")
    fast = WordPattern("(?:" + body + ")")
    assert [m.span() for m in fast.finditer(text, pos, endpos)] == \
        [m.span() for m in written.finditer(text, pos, endpos)]
    expected = written.search(text, pos, endpos)
    found = fast.search(text, pos, endpos)
    assert (found and found.span()) == (expected and expected.span())
    assert bool(fast.match(text, pos, endpos)) == bool(written.match(text, pos, endpos))


@settings(max_examples=500, deadline=None)
@given(TEXT, st.sampled_from(BODIES))
@example("-the o'the", "the|they|that")
def test_not_after_reads_as_a_negative_lookbehind(text, body):
    written = re.compile(r"(?<![\w-])(?:" + body + ")")
    fast = WordPattern("(?:" + body + ")", not_after="-")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in written.finditer(text)]
