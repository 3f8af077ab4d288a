"""The summary's coverage: what each check did not see, and why. Articles written for this test."""

from __future__ import annotations

from claimcheck.corpus.formats import parse_article
from claimcheck.engine import run_checks

ARTICLES = {
    "twice.txt": "date 2021-12-14 Russia has massed 120,000 troops near Ukraine. A week ago "
                 "Russia had 90,000 troops near Ukraine, officials said.",
    "undated.txt": "Russia has massed 100,000 troops near Ukraine.",
    "keyless.txt": "date 2021-12-14 Some 5,000 troops arrived at the camp overnight.",
    "elsewhere.txt": "date 2021-12-20 Far from the front, Belarus keeps 3,000 troops in its barracks "
                     "for a winter parade through the capital.",
}


def test_coverage_counts_claims_pairs_and_reasons(default_pack, extractor):
    articles = [parse_article(text, name, name)[0] for name, text in ARTICLES.items()]
    claims = [c for a in articles for c in extractor.extract(a)]
    coverage = run_checks(default_pack, articles, claims).coverage
    troops = coverage["claims_by_type"]["troop_count"]
    assert troops == {"claims": 5, "with_key": 4, "without_key": 1}
    check = coverage["checks"]["troop-count-conflict"]
    assert check["scope"] == "corpus" and check["within"] == "story"
    assert check["claims"] == 5 and check["pairs"] == 0
    assert check["left_out"] == {"no key": 1, "no publication date": 1,
                                 "no claim with its key in another article": 2,
                                 "no other claim with its key": 1}
    inside = coverage["checks"]["border-length-inconsistent"]
    assert inside == {"scope": "article", "claims": 0, "pairs": 0, "left_out": {}}
    assert coverage["stories"]["stories"] == len(ARTICLES)
