"""The engine's three scopes on small articles written for each case."""

from __future__ import annotations

from claimcheck.corpus.formats import parse_article
from claimcheck.engine import run_checks


def _run(pack, extractor, *texts, only=None):
    articles = [parse_article(t, f"a{i}.txt", f"a{i}.txt")[0] for i, t in enumerate(texts, start=1)]
    claims = [c for a in articles for c in extractor.extract(a)]
    return run_checks(pack, articles, claims, only=only).findings


def test_claim_scope_against_a_reference_fact(default_pack, extractor):
    ok = _run(default_pack, extractor, "date 2021-12-14 China and Russia share a 2,600-mile border.",
              only={"border-length-reference"})
    bad = _run(default_pack, extractor, "date 2021-12-14 China and Russia share a 4,000-mile border.",
               only={"border-length-reference"})
    assert ok == []
    (finding,) = bad
    assert finding.scope == "claim" and finding.locations[0].text == "4,000-mile"
    assert "4,179 km" in finding.message  # the Factbook table (4,133 + 46 km)


def test_article_scope_pairs_claims_of_one_key(default_pack, extractor):
    text = ("date 2021-12-15 Ukraine's 1,084 km border with Belarus is long. Later on, the roughly "
            "400-mile frontier between Ukraine and Belarus came up.")
    (finding,) = _run(default_pack, extractor, text, only={"border-length-inconsistent"})
    assert [loc.text for loc in finding.locations] == ["roughly 400-mile", "1,084 km"]
    # a value that reads as its text is not repeated in brackets; one that adds something is kept
    assert finding.message == ("roughly 400-mile (579 km–708 km) contradicts 1,084 km earlier in the article")


def test_corpus_scope_reports_the_outlier_once(default_pack, extractor):
    wednesday = "date 2021-12-14 Xi Jinping and Vladimir Putin will meet virtually on Wednesday."
    thursday = "date 2021-12-14 Xi Jinping and Vladimir Putin will hold talks on Thursday."
    findings = _run(default_pack, extractor, wednesday, wednesday, thursday,
                    only={"meeting-date-conflict"})
    (finding,) = findings
    assert finding.locations[0].article == "a3.txt"
    assert {loc.article for loc in finding.locations[1:]} == {"a1.txt", "a2.txt"}
    assert "(and 1 more)" in finding.message


def test_weekend_and_sunday_agree(default_pack, extractor):
    findings = _run(default_pack, extractor,
                    "date 2021-12-14 G7 foreign ministers met over the weekend in Liverpool.",
                    "date 2021-12-13 The Group of Seven wrapped up its meeting on Sunday.",
                    only={"meeting-date-conflict"})
    assert findings == []


def test_where_filters_pairs_far_apart_in_time(default_pack, extractor):
    findings = _run(default_pack, extractor,
                    "date 2021-12-14 Russia has massed 120,000 troops near Ukraine.",
                    "date 2022-02-20 Russia has massed 190,000 troops near Ukraine.",
                    only={"troop-count-conflict"})
    assert findings == []


def test_fingerprints_do_not_depend_on_position(default_pack, extractor):
    text = "China and Russia share a 4,000-mile border."
    first = _run(default_pack, extractor, f"date 2021-12-14 {text}", only={"border-length-reference"})
    moved = _run(default_pack, extractor, f"date 2021-12-14 An added lead sentence.\n\n{text}",
                 only={"border-length-reference"})
    assert first[0].fingerprint == moved[0].fingerprint
    assert first[0].locations[0].line != moved[0].locations[0].line


def test_default_rule_examples_pass(default_pack):
    from claimcheck.examples import run_examples
    results = run_examples(default_pack)
    assert results and all(r.ok for r in results), [r for r in results if not r.ok]


def test_a_pass_example_without_claims_of_its_types_fails(tmp_path):
    from claimcheck.examples import run_examples
    from claimcheck.rules import load_pack
    rules = (tmp_path / "r.yaml")
    rules.write_text("""
claim_types:
  - {id: dam_height, kind: quantity, dimension: length, triggers: [dam], key: [country]}
checks:
  - id: dam-height-plausible
    description: d
    severity: warning
    scope: claim
    claim_types: [dam_height]
    assert: value.high <= 400 m
    message: m
    examples:
      pass: ["date 2023-01-01 The dam is tall."]
""")
    (result,) = run_examples(load_pack([str(rules)]))
    assert not result.ok and "tests nothing" in result.detail


def test_only_an_anaphor_reads_the_sentence_before_for_a_key(extractor):
    """"They" points back to the sentence before; a sentence without one may be about anything
    else ("The camp lies three kilometres from the border"), so it borrows no key."""
    article = parse_article("date 2023-09-15 The strike began in the United States. About 13,000 "
                            "workers walked off the job.", "a.txt", "a.txt")[0]
    (claim,) = extractor.extract(article)
    assert claim.key is None
    article = parse_article("date 2023-09-15 The strike began in the United States. They said "
                            "about 13,000 workers walked off the job.", "a.txt", "a.txt")[0]
    (claim,) = extractor.extract(article)
    assert claim.key == "quantity:workers:United States"


def test_a_conflict_keeps_its_fingerprint_when_agreeing_articles_are_added(default_pack, extractor):
    wednesday = "date 2021-12-14 Xi Jinping and Vladimir Putin will meet virtually on Wednesday."
    thursday = "date 2021-12-14 Xi Jinping and Vladimir Putin will hold talks on Thursday."
    (before,) = _run(default_pack, extractor, wednesday, thursday, only={"meeting-date-conflict"})
    (after,) = _run(default_pack, extractor, wednesday, thursday, wednesday,
                    only={"meeting-date-conflict"})
    assert before.fingerprint == after.fingerprint
