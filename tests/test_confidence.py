"""Confidence that two claims are about the same thing, and low confidence lowered to info.
Every article here was written for these tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from claimcheck.corpus.formats import parse_article
from claimcheck.engine import run_checks
from claimcheck.engine.confidence import confidence, sentence_similarity
from claimcheck.errors import RuleError
from claimcheck.rules import load_pack
from claimcheck.stories import of_articles

ROOT = Path(__file__).resolve().parent.parent
REPORT = ("date 2021-12-14 Russia has massed 120,000 troops near Ukraine, defence sources said, "
          "and more units are moving west by rail. Satellite pictures show new field camps, "
          "fuel depots and tank columns parked in snowy fields. Western governments warned of "
          "sanctions if the build-up continues.")
OTHER_EVENT = ("date 2021-12-15 Engineers finished repairs on a gas compressor station after a "
               "fire that burned for two days. About 300 soldiers from Russia guarded the plant "
               "near the road while inspectors toured it. Pressure in the pipeline is back "
               "to normal, the operator said, and deliveries to customers will resume at night.")


def _corpus(*texts):
    return [parse_article(t, f"a{i}.txt", f"a{i}.txt")[0] for i, t in enumerate(texts)]


def _run(pack, extractor, articles):
    claims = [c for a in articles for c in extractor.extract(a)]
    return run_checks(pack, articles, claims), claims


def _pack(tmp_path, check: str):
    (tmp_path / "check.yaml").write_text(check)
    return load_pack([str(ROOT / "rules" / "claim-types.yaml"), str(ROOT / "rules" / "entities.yaml"),
                      str(ROOT / "rules" / "world" / "world.yaml"), str(tmp_path / "check.yaml")])


ANY_TROOPS = """
checks:
  - id: troops-anywhere
    description: Troop counts for the same countries anywhere in the corpus.
    severity: error
    scope: corpus
    within: {within}
    claim_types: [troop_count]
    {where}
    assert: a.value ~ b.value within 10%
    message: "{{b.text}} against {{a.text}} (stories {{a.story}} and {{b.story}})"
"""


def test_one_report_republished_with_one_figure_changed_is_sure_and_stays_an_error(default_pack,
                                                                                  extractor):
    articles = _corpus(REPORT, REPORT.replace("120,000", "60,000"))
    result, _ = _run(default_pack, extractor, articles)
    (finding,) = [f for f in result.findings if f.rule == "troop-count-conflict"]
    assert finding.confidence >= 0.9 and finding.severity == "error" and finding.lowered_from is None
    assert "apart from the figure" in finding.confidence_reason
    assert [loc.story for loc in finding.locations] == ["a0.txt", "a0.txt"]


def test_the_same_key_in_another_story_is_not_compared_by_default(default_pack, extractor):
    articles = _corpus(REPORT, OTHER_EVENT)
    result, claims = _run(default_pack, extractor, articles)
    keys = {c.key for c in claims if c.claim_type == "troop_count"}
    assert len(keys) == 1   # the same key: only the stories keep them apart
    assert not [f for f in result.findings if f.rule == "troop-count-conflict"]
    left = result.coverage["checks"]["troop-count-conflict"]["left_out"]
    assert left == {"no other claim with its key in its story": 2}


def test_across_stories_a_pair_is_low_confidence_and_lowered_to_info(tmp_path, extractor):
    pack = _pack(tmp_path, ANY_TROOPS.format(within="corpus", where=""))
    result, _ = _run(pack, extractor, _corpus(REPORT, OTHER_EVENT))
    (finding,) = result.findings
    assert finding.confidence < 0.5 and "different stories" in finding.confidence_reason
    assert finding.severity == "info" and finding.lowered_from == "error"
    assert finding.as_dict()["lowered_from"] == "error"
    assert "stories a0.txt and a1.txt" in finding.message


def test_min_confidence_is_set_per_check(tmp_path, extractor):
    check = ANY_TROOPS.format(within="corpus", where="") + "    min_confidence: 0.1\n"
    result, _ = _run(_pack(tmp_path, check), extractor, _corpus(REPORT, OTHER_EVENT))
    assert [f.severity for f in result.findings] == ["error"]
    configured = _pack(tmp_path, ANY_TROOPS.format(within="corpus", where="")).configured(
        min_confidence=0.1)
    result, _ = _run(configured, extractor, _corpus(REPORT, OTHER_EVENT))
    assert [f.severity for f in result.findings] == ["error"]


def test_same_story_in_an_expression(tmp_path, extractor):
    pack = _pack(tmp_path, ANY_TROOPS.format(within="corpus", where="where: same_story(a, b)"))
    result, _ = _run(pack, extractor, _corpus(REPORT, OTHER_EVENT))
    assert result.findings == []
    result, _ = _run(pack, extractor, _corpus(REPORT, REPORT.replace("120,000", "60,000")))
    assert len(result.findings) == 1


def test_same_story_takes_two_claims(tmp_path):
    with pytest.raises(RuleError, match="same_story"):
        _pack(tmp_path, ANY_TROOPS.format(within="corpus", where="where: same_story(a.value, b)"))
    with pytest.raises(RuleError, match="within"):
        _pack(tmp_path, ANY_TROOPS.format(within="everywhere", where=""))


def test_frames_that_differ_make_a_pair_unsure(default_pack, extractor):
    articles = _corpus(REPORT, REPORT.replace("120,000", "60,000"))
    stories = of_articles(articles, default_pack.vocabulary)
    a, b = [c for art in articles for c in extractor.extract(art) if c.claim_type == "troop_count"]
    sure, _ = confidence(a, b, stories)
    framed = dict(event="deployment", measure="deployed", participants=("Russia",))
    high, why = confidence(replace(a, **framed), replace(b, **framed), stories)
    assert high >= sure and "same event" in why
    low, why = confidence(replace(a, measure="deployed"), replace(b, measure="killed"), stories)
    assert low <= 0.2 and "different measures" in why
    low, why = confidence(replace(a, participants=("Modi", "Putin")),
                          replace(b, participants=("Xi Jinping", "Biden")), stories)
    assert low <= 0.15 and "no participant in common" in why
    low, _ = confidence(replace(a, event="meeting"), replace(b, event="attack"), stories)
    assert low <= 0.2
    related, why = confidence(replace(a, event="meeting"), replace(b, event="call"), stories)
    assert related >= sure and "related events (meeting, call)" in why


def test_sentence_similarity_leaves_out_the_value(default_pack, extractor):
    articles = _corpus(REPORT, REPORT.replace("120,000", "60,000"), OTHER_EVENT)
    a, b, c = [x for art in articles for x in extractor.extract(art) if x.claim_type == "troop_count"]
    assert sentence_similarity(a, b) == 1.0
    assert sentence_similarity(a, c) < 0.3


def test_claim_findings_have_no_confidence(default_pack, extractor):
    text = "date 2021-12-10 The drills involved some 20,000,000 soldiers from China."
    result, _ = _run(default_pack, extractor, _corpus(text))
    (finding,) = result.findings
    assert finding.confidence is None and finding.severity == "warning"
