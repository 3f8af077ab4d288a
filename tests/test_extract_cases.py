"""Extraction cases from tests/cases/*.yaml: every expected claim found, nothing else."""

from __future__ import annotations

import fnmatch
import math
from datetime import date
from pathlib import Path

import pytest
import yaml

from claimcheck.corpus.formats import parse_article

CASES = Path(__file__).parent / "cases"


def _load(name):
    return yaml.safe_load((CASES / name).read_text(encoding="utf-8"))


def _article(case):
    published = case.get("published", date(2021, 12, 14))
    header = f"date {published.isoformat()} " if published else ""
    return parse_article(header + case["text"], "case.txt", "case.txt")[0]


DATE_FILES = ("temporal.yaml", "dates_ranges.yaml", "dates_numeric.yaml", "dates_compounds.yaml",
              "dates_holidays.yaml")


@pytest.mark.parametrize("case", [c for f in DATE_FILES for c in _load(f)], ids=lambda c: c["text"][:48])
def test_temporal(case, extractor):
    claims = [c for c in extractor.extract(_article(case)) if c.kind == "date"]
    assert [c.span.text for c in claims] == [e["text"] for e in case["claims"]]
    for claim, expected in zip(claims, case["claims"]):
        assert claim.value.start == expected["start"], claim
        assert claim.value.end == expected["end"], claim
        assert claim.value.granularity == expected["granularity"]
        if "tense" in expected:
            assert claim.tense == expected["tense"]


# one corpus per dimension: positives and negatives side by side
QUANTITY_FILES = ("quantities.yaml", "numbers.yaml", "units.yaml", "money.yaml", "percentages.yaml",
                  "durations.yaml")


@pytest.mark.parametrize("case", [c for f in QUANTITY_FILES for c in _load(f)], ids=lambda c: c["text"][:48])
def test_quantities(case, extractor):
    claims = [c for c in extractor.extract(_article(case)) if c.kind == "quantity"]
    assert [c.span.text for c in claims] == [e["text"] for e in case["claims"]]
    for claim, expected in zip(claims, case["claims"]):
        assert math.isclose(claim.value.low, expected["low"])
        assert math.isclose(claim.value.high, expected["high"]) or claim.value.high == expected["high"]
        assert claim.value.unit == expected["unit"]
        if "claim_type" in expected:
            assert claim.claim_type == expected["claim_type"]


def test_span_offsets_point_at_the_text(extractor):
    article = _article({"text": "Line one.\nRussia has massed 120,000 troops near Ukraine."})
    (claim,) = extractor.extract(article)
    assert article.text[claim.span.start:claim.span.end] == claim.span.text
    assert (claim.span.line, claim.span.column) == (2, 19)


def test_keys_agree_across_wordings(extractor):
    first = _article({"text": "China and Russia share the 2,600-mile border."})
    second = _article({"text": "Russia's 4,209 km frontier with China is busy."})
    keys = {c.key for a in (first, second) for c in extractor.extract(a)}
    assert keys == {"border_length:China|Russia"}


def test_meeting_key_from_leaders_or_nationalities(extractor):
    one = _article({"text": "Xi Jinping and Vladimir Putin will meet virtually on Wednesday."})
    two = _article({"text": "The Chinese and Russian leaders will hold a video call on Wednesday."})
    keys = {c.key for a in (one, two) for c in extractor.extract(a)}
    assert keys == {"meeting_date:China|Russia"}


def test_attribution_is_kept(extractor):
    article = _article({"text": "Russia has 120,000 troops near Ukraine, according to Ukrainian "
                                "defence sources."})
    (claim,) = extractor.extract(article)
    assert claim.attribution == "Ukrainian defence sources"


_FRAME_FIELDS = ("claim_type", "key", "event", "measure", "place", "tense", "ordinal", "twin")


@pytest.mark.parametrize("case", _load("frames.yaml"), ids=lambda c: c["text"][:60])
def test_frames(case, extractor):
    claims = extractor.extract(_article(case))
    assert [c.span.text for c in claims] == [e["text"] for e in case["claims"]]
    for claim, expected in zip(claims, case["claims"]):
        for name in _FRAME_FIELDS:
            if name in expected:
                want, got = expected[name], getattr(claim, name)
                if isinstance(want, str) and "*" in want:   # "*@2021-12-14": a sentence's twin
                    assert got is not None and fnmatch.fnmatchcase(got, want), (name, claim)
                else:
                    assert got == want, (name, claim)
        for name in ("start", "end"):
            if name in expected:
                assert getattr(claim.value, name) == expected[name], (name, claim)


def test_extracted_claims_have_every_field(extractor):
    """The extractor builds claims without their generated __init__ (model.built): each field
    must still be set, on the claim, its span and its value."""
    import dataclasses
    article = _article({"text": "Xi and Putin will meet on Wednesday. Russia has 120,000 troops near Ukraine."})
    claims = extractor.extract(article)
    assert len(claims) == 2
    for claim in claims:
        for obj in (claim, claim.span, claim.value):
            missing = [f.name for f in dataclasses.fields(obj) if f.name not in vars(obj)]
            assert not missing, (type(obj).__name__, missing)
