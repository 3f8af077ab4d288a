"""The world gazetteer end to end, on cases generated from the converted tables (rules/world/)
with fixed seeds: true border lengths pass, lengths 40–60% off are flagged, "the longest land
border in the world" is flagged for every pair but the longest, and two current leaders meeting
are keyed by both countries. Then the ambiguous names, one test each."""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from claimcheck.corpus.formats import parse_article
from claimcheck.engine import run_checks

ROOT = Path(__file__).resolve().parent.parent
WORLD = ROOT / "rules" / "world"
SHARED = ROOT.parent / "shared" / "data" / "world"
SEEDS = (11, 2026)
CASES = 120
PUBLISHED = "2026-02-02"
KM_PER_MILE = 1.609344


def _table(name: str) -> list[dict]:
    lines = [l for l in (WORLD / name).read_text(encoding="utf-8").splitlines()
             if not l.startswith("#")]
    return list(csv.DictReader(lines))


BORDERS = [b for b in _table("borders.csv") if float(b["length_km"]) >= 10]
ADJECTIVE = {c["id"]: c["adjective"] for c in _table("countries.csv")}
LEADERS = [l for l in _table("leaders.csv") if l["since"] and l["since"] <= PUBLISHED]
LONGEST = max(BORDERS, key=lambda b: float(b["length_km_max"]))


def _findings(pack, extractor, text: str, only: set[str]):
    article = parse_article(f"date {PUBLISHED} {text}", "a.txt", "a.txt")[0]
    claims = extractor.extract(article)
    return claims, run_checks(pack, [article], claims, only=only).findings


def _length_text(km: float, rng: random.Random) -> str:
    if km >= 100 and rng.random() < 0.3:
        return f"{km / KM_PER_MILE:,.0f}-mile"
    return f"{km:,.0f} km" if km >= 100 else f"{km:.1f} km"


def _border_sentence(a: str, b: str, length: str, rng: random.Random) -> str:
    forms = [f"The {length} border between {a} and {b} is quiet.",
             f"{a}'s {length} border with {b} is watched closely."]
    if ADJECTIVE[a] and ADJECTIVE[b]:
        forms.append(f"Patrols watch the {length} {ADJECTIVE[a]}-{ADJECTIVE[b]} border.")
    return rng.choice(forms)


def _border_case(pack, extractor, rng: random.Random, off: bool) -> bool:
    border = rng.choice(BORDERS)
    a, b = rng.sample([border["country_a"], border["country_b"]], 2)
    km = float(rng.choice([border["length_km"], border["length_km_max"]]))
    if off:
        km *= rng.choice([-1, 1]) * rng.uniform(0.4, 0.6) + 1
    claims, findings = _findings(pack, extractor, _border_sentence(a, b, _length_text(km, rng), rng),
                                 {"border-length-reference"})
    keyed = any(c.key == f"border_length:{'|'.join(sorted((a, b)))}" for c in claims)
    return keyed and bool(findings) == off


def _longest_case(pack, extractor, rng: random.Random) -> bool:
    border = rng.choice(BORDERS + [LONGEST])
    a, b = rng.sample([border["country_a"], border["country_b"]], 2)
    _, findings = _findings(pack, extractor, f"The {a}–{b} border is the longest land border in the "
                                             f"world.", {"border-rank-reference"})
    return bool(findings) == (border is not LONGEST and border != LONGEST)


def _meeting_case(pack, extractor, rng: random.Random) -> bool:
    first = rng.choice(LEADERS)
    second = rng.choice([l for l in LEADERS if l["country"] != first["country"]])
    claims, _ = _findings(pack, extractor, f"{first['id']} will meet {second['id']} in Geneva on "
                                           f"Wednesday.", set())
    want = f"meeting_date:{'|'.join(sorted((first['country'], second['country'])))}"
    return any(c.key == want for c in claims)


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_cases_are_right_98_percent_of_the_time(default_pack, extractor, seed):
    rng = random.Random(seed)
    results = {
        "true length passes": [_border_case(default_pack, extractor, rng, off=False) for _ in range(CASES)],
        "40-60% off is flagged": [_border_case(default_pack, extractor, rng, off=True) for _ in range(CASES)],
        "longest is checked": [_longest_case(default_pack, extractor, rng) for _ in range(CASES)],
        "leaders are keyed": [_meeting_case(default_pack, extractor, rng) for _ in range(CASES)],
    }
    for name, outcomes in results.items():
        assert sum(outcomes) / len(outcomes) >= 0.98, f"{name}: {sum(outcomes)}/{len(outcomes)}"


def test_the_longest_border_is_not_flagged_and_the_message_names_longer_ones(default_pack, extractor):
    _, ok = _findings(default_pack, extractor, "The Canada–US border is the longest land border in "
                                               "the world.", {"border-rank-reference"})
    _, (bad,) = _findings(default_pack, extractor, "The border between China and Russia is the "
                                                    "longest land border in the world.",
                          {"border-rank-reference"})
    assert ok == []
    assert "Canada–United States (8,891 km)" in bad.message
    assert "Kazakhstan–Russia (7,644 km)" in bad.message and "CIA World Factbook 2025" in bad.message


def test_extract_jsonl_keys_a_meeting_of_two_current_leaders(tmp_path):
    article = tmp_path / "meeting.txt"
    article.write_text(f"date {PUBLISHED} Narendra Modi will meet Petr Pavel in Geneva on Wednesday.\n")
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "extract", str(article), "--rules",
                           str(ROOT / "rules"), "--format", "jsonl", "--no-cache"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    keys = [json.loads(line)["key"] for line in proc.stdout.splitlines()]
    assert keys == ["meeting_date:Czechia|India"], proc.stderr


# Ambiguous names: what each stands for (None: no country), in sentences written for the tests.

def _countries(extractor, text: str, when: date | None = date(2026, 2, 2)) -> list:
    return [(text[m.start:m.end], m.country) for m in extractor.entities.mentions(text, when)]


@pytest.mark.parametrize("text, expected", [
    ("The mayor of Atlanta, Georgia, flew to Tbilisi.", [None, "Georgia"]),
    ("A Georgia governor and the state of Georgia sued.", [None, None]),
    ("Georgia's prime minister met Armenian officials.", ["Georgia", "Armenia"]),
    ("Exports to Latin America and South America rose, America's fell.", [None, None, "United States"]),
    ("North American and Central American buyers came.", [None, None]),
    ("Congo and the DRC are one; Congo-Brazzaville and the Republic of Congo another.",
     ["Democratic Republic of the Congo"] * 2 + ["Republic of the Congo"] * 2),
    ("Korea, South Korea and North Korea met on the Korean Peninsula.",
     ["South Korea", "South Korea", "North Korea", None]),
    ("Nigerien and Nigerian officers met in Niger, not Nigeria, near the Niger Delta.",
     ["Niger", "Nigeria", "Niger", "Nigeria", None]),
    ("Turkey, or Türkiye, and Turkish troops; a turkey for dinner.", ["Turkey"] * 3),
    ("Guinea, Guinea-Bissau, Equatorial Guinea, Papua New Guinea and New Guinea.",
     ["Guinea", "Guinea-Bissau", "Equatorial Guinea", "Papua New Guinea", None]),
    ("Burma (Myanmar), Czechia (the Czech Republic), Cabo Verde and Cape Verde.",
     ["Burma", "Burma", "Czechia", "Czechia", "Cabo Verde", "Cabo Verde"]),
    ("Eswatini, Swaziland, Ivory Coast, Cote d'Ivoire, the Holy See and East Timor.",
     ["Eswatini", "Eswatini", "Côte d'Ivoire", "Côte d'Ivoire", "Holy See (Vatican City)",
      "Timor-Leste"]),
    ("Micronesia, Federated States of, and the Federated States of Micronesia.",
     ["Federated States of Micronesia"] * 2),
    ("Russia's army, the Russians' view, Moscow said, the Kremlin said.", ["Russia"] * 4),
    ("Kazakh and Kazakhstani diplomats.", ["Kazakhstan"] * 2),
    ("The Group of Seven, the G-7, NATO and the UN.", [None] * 4),
    ("Chinese Taipei sailed the South China Sea to the Indian Ocean.", ["Taiwan", None, None]),
    # a country that is also a given name, inside a person's name, is not the country
    ("Chad Johnson and Michael Jordan met India Walton in Jordan; Chad said so.", ["Jordan", "Chad"]),
    ("On Monday Jordan and Chad said it; the Jordan Valley is not Jordan.", ["Jordan", "Chad", None, "Jordan"]),
])
def test_ambiguous_names(extractor, text, expected):
    assert [country for _, country in _countries(extractor, text)] == expected


def test_a_leader_stands_for_the_country_only_in_office(extractor):
    text = "Joe Biden spoke to Vladimir Putin."
    assert _countries(extractor, text, date(2022, 6, 1)) == [("Joe Biden", "United States"),
                                                               ("Vladimir Putin", "Russia")]
    assert _countries(extractor, text, date(2026, 2, 2)) == [("Joe Biden", None),
                                                               ("Vladimir Putin", "Russia")]
    # with no date, a person who led one country only stands for it
    assert _countries(extractor, text, None) == [("Joe Biden", "United States"),
                                                 ("Vladimir Putin", "Russia")]


def test_a_surname_after_another_given_name_is_someone_else(extractor):
    when = date(2024, 1, 1)
    assert extractor.entities.mentions("Rahul Modi, a farmer, said so.", when) == []
    for text in ("Prime Minister Modi said so.", "On Monday Modi said so.", "Narendra Modi said so."):
        assert [m.entity.id for m in extractor.entities.mentions(text, when)] == ["Narendra Modi"], text
    # a surname many people share is no alias alone; nor is a weekday or a group's name
    for text in ("Davis said so.", "They met for Friday prayers.", "Boko Haram fighters attacked."):
        assert [m.entity.kind for m in extractor.entities.mentions(text, date(2026, 1, 1))] == [], text
    assert [m.entity.id for m in extractor.entities.mentions("Presidents Xi and Putin met.", when)] == \
        ["Xi Jinping", "Vladimir Putin"]


def test_a_shared_surname_names_the_one_in_office(extractor):
    (_, (mention,)) = (None, extractor.entities.mentions("Bush spoke.", date(1990, 1, 1)))
    assert mention.entity.id == "George H. W. Bush"
    (mention,) = extractor.entities.mentions("Bush spoke.", date(2005, 1, 1))
    assert mention.entity.id == "George W. Bush"


def test_a_leader_out_of_office_keys_no_country(default_pack, extractor):
    claims, _ = _findings(default_pack, extractor, "Joe Biden will meet Xi Jinping on Wednesday.", set())
    assert [c.key for c in claims] == ["meeting_date:China"]


@pytest.mark.skipif(not SHARED.is_dir(), reason="the Factbook tables are not beside the project")
def test_committed_tables_are_what_the_converter_writes(tmp_path):
    from claimcheck.world.convert import convert
    convert(SHARED, tmp_path)
    for written in tmp_path.iterdir():
        assert written.read_text() == (WORLD / written.name).read_text(), \
            f"rerun: python -m claimcheck.world.convert {SHARED} rules/world"


def test_a_middle_initial_does_not_end_a_sentence():
    from claimcheck.extract.sentences import split_sentences
    text = "Donald J. Trump met George W. Bush. They spoke."
    assert [s.text for s in split_sentences(text)] == ["Donald J. Trump met George W. Bush.",
                                                      "They spoke."]


# The rule-file sections that read tables: errors name the CSV's line and column.

def _pack_with(tmp_path, yaml_text: str, **tables):
    from claimcheck.rules import load_pack
    (tmp_path / "pack.yaml").write_text(yaml_text)
    for name, text in tables.items():
        (tmp_path / f"{name}.csv").write_text(text)
    return load_pack([str(tmp_path / "pack.yaml")])


GAZETTEER = """gazetteers:
  - file: people.csv
    columns: {id: id, kind: kind, aliases: aliases, country: country, since: since, until: until}
"""
COUNTRIES = "# a comment\nid,kind,aliases,country,since,until\nRuritania,country,Ruritanian,,,\n"


def test_a_gazetteer_row_with_an_unknown_country_is_located(tmp_path):
    from claimcheck.errors import RuleError
    people = COUNTRIES + "Rudolf,person,King Rudolf,Graustark,1990-01-01,\n"
    with pytest.raises(RuleError) as caught:
        _pack_with(tmp_path, GAZETTEER, people=people)
    assert (caught.value.line, caught.value.column) == (4, 27)
    assert caught.value.path.endswith("people.csv") and "Graustark" in str(caught.value)


def test_a_gazetteer_date_must_be_iso(tmp_path):
    from claimcheck.errors import RuleError
    people = COUNTRIES + "Rudolf,person,King Rudolf,Ruritania,1 May 1990,\n"
    with pytest.raises(RuleError, match="not a date"):
        _pack_with(tmp_path, GAZETTEER, people=people)


def test_a_gazetteer_column_must_exist(tmp_path):
    from claimcheck.errors import RuleError
    with pytest.raises(RuleError, match="no column 'names'") as caught:
        _pack_with(tmp_path, GAZETTEER.replace("aliases: aliases", "aliases: names"),
                   people=COUNTRIES)
    assert caught.value.path.endswith("pack.yaml") and caught.value.line == 3


def test_fact_tables_declare_facts_and_ranks(tmp_path):
    yaml_text = GAZETTEER + """claim_types:
  - {id: border_length, kind: quantity, dimension: length, key: [country], min_key_entities: 2}
  - {id: border_rank, kind: quantity, dimension: count, key: [country], min_key_entities: 2}
fact_tables:
  - file: borders.csv
    claim_type: border_length
    entities: [a, b]
    value: km
    unit: km
    source: a survey
    as_of: "2020-01-01"
    rank_claim_type: border_rank
    rank_word: longer
"""
    people = COUNTRIES + "Graustark,country,,,,\nKravonia,country,,,,\n"
    borders = "a,b,km\nRuritania,Graustark,100\nKravonia,Ruritania,300\n"
    pack = _pack_with(tmp_path, yaml_text, people=people, borders=borders)
    fact = pack.facts["border_length:Graustark|Ruritania"]
    assert fact.interval == (100_000.0, 100_000.0) and fact.as_of == "2020-01-01"
    rank = pack.facts["border_rank:Graustark|Ruritania"]
    assert rank.interval == (2.0, 2.0)
    assert rank.source == "Kravonia–Ruritania (300 km) is longer (a survey)"
    unknown = borders + "Ruritania,Atlantis,5\n"
    from claimcheck.errors import RuleError
    with pytest.raises(RuleError, match="unknown entity 'Atlantis'") as caught:
        _pack_with(tmp_path, yaml_text, people=people, borders=unknown)
    assert (caught.value.line, caught.value.column) == (4, 11)


def test_a_changing_fact_checks_only_articles_of_its_time(tmp_path, default_pack, extractor):
    """A population of 2025 does not check a 2010 article: India passed China in 2023."""
    sentence = "China, the world's most populous country, began a census on Monday."
    def flagged(published):
        return _findings_on(default_pack, extractor, f"date {published} {sentence}",
                            {"population-rank-reference"})
    assert flagged("2026-01-10") and not flagged("2010-11-01")
    article = parse_article(f"date 2010-11-01 {sentence}", "a.txt", "a.txt")[0]
    coverage = run_checks(default_pack, [article], extractor.extract(article),
                          only={"population-rank-reference"}).coverage
    assert coverage["checks"]["population-rank-reference"]["left_out"] == {
        "reference fact not current at publication": 1}
    yaml_text = GAZETTEER + """claim_types:
  - {id: border_length, kind: quantity, dimension: length, key: [country], min_key_entities: 2}
fact_tables:
  - {file: borders.csv, claim_type: border_length, entities: [a, b], value: km, unit: km,
     source: a survey, as_of: "2020", current_for_years: 1}
"""
    people = COUNTRIES + "Graustark,country,,,,\n"
    fact = _pack_with(tmp_path, yaml_text, people=people,
                      borders="a,b,km\nRuritania,Graustark,100\n").facts["border_length:Graustark|Ruritania"]
    assert fact.current == ("2019-01-01", "2021-12-31")
    assert fact.current_on(date(2021, 6, 1)) and not fact.current_on(date(2022, 1, 1))
    assert not fact.current_on(None)
    from claimcheck.errors import RuleError
    with pytest.raises(RuleError, match="current_for_years"):
        _pack_with(tmp_path, yaml_text.replace("current_for_years: 1", "current_for_years: -2"),
                   people=people, borders="a,b,km\nRuritania,Graustark,100\n")


def _findings_on(pack, extractor, text: str, only: set[str]):
    article = parse_article(text, "a.txt", "a.txt")[0]
    return run_checks(pack, [article], extractor.extract(article), only=only).findings


def test_ranks_within_groups_from_a_second_table(tmp_path):
    yaml_text = GAZETTEER + """claim_types:
  - {id: area, kind: quantity, dimension: area, key: [country]}
  - {id: area_rank, kind: quantity, dimension: count, key: [country]}
fact_tables:
  - file: areas.csv
    claim_type: area
    entities: [id]
    value: km2
    unit: km**2
    source: a survey
    rank_claim_type: area_rank
    rank_within: {file: groups.csv, id: id, groups: groups, partly: partly}
"""
    people = COUNTRIES + "Graustark,country,,,,\nKravonia,country,,,,\n"
    areas = "id,km2\nRuritania,100\nGraustark,300\nKravonia,200\n"
    groups = "id,groups,partly\nRuritania,North,\nGraustark,North|South,North\nKravonia,North,\n"
    facts = _pack_with(tmp_path, yaml_text, people=people, areas=areas, groups=groups).facts
    assert facts["area_rank:Kravonia#North"].interval == (1.0, 2.0)   # Graustark only partly there
    assert facts["area_rank:Graustark#South"].interval == (1.0, 1.0)
    assert facts["area_rank:Ruritania"].interval == (3.0, 3.0)        # the world ranking stays
    from claimcheck.errors import RuleError
    with pytest.raises(RuleError, match="unknown entity 'Atlantis'") as caught:
        _pack_with(tmp_path, yaml_text, people=people, areas=areas, groups=groups + "Atlantis,North,\n")
    assert caught.value.path.endswith("groups.csv") and caught.value.line == 5


def test_superlatives_are_world_rankings_only(extractor):
    from claimcheck.extract.superlatives import SuperlativeFinder
    finder = SuperlativeFinder({"border_rank", "army_rank", "area_rank", "population_rank"})
    found = finder.find("İstanbul aside, Russia's longest border is with Kazakhstan; Nigeria is the "
                        "most populous country in Africa; the world's second-longest land border "
                        "runs there, and India is the most populous nation on earth.")
    assert [(r.text, r.rank, r.claim_type, r.within) for r in found] == [
        ("the most populous country in Africa", 1, "population_rank", "Africa"),
        ("the world's second-longest land border", 2, "border_rank", ""),
        ("the most populous nation on earth", 1, "population_rank", "")]


@pytest.mark.parametrize("text, found", [
    ("Ukraine, Europe's second-largest country, voted.", ("Europe's second-largest country", 2, "Europe")),
    ("Algeria is the biggest country on the African continent.",
     ("the biggest country on the African continent", 1, "Africa")),
    ("Egypt has the largest army in Africa.", ("the largest army in Africa", 1, "Africa")),
    # a ranking that leaves one out, a region that is no continent, another measure: not read
    ("Ukraine is the largest country in Europe after Russia.", None),
    ("Indonesia is the largest country in Southeast Asia.", None),
    ("Germany is the largest country in Europe by population.", None),
])
def test_continent_rankings(text, found):
    from claimcheck.extract.superlatives import SuperlativeFinder
    finder = SuperlativeFinder({"army_rank", "area_rank", "population_rank"})
    assert [(r.text, r.rank, r.within) for r in finder.find(text)] == ([found] if found else [])


def test_a_continent_ranks_countries_partly_in_it_both_ways(default_pack, extractor):
    """Russia is partly in Europe: Ukraine is Europe's largest country without it, second with
    it, so both readings pass; a rank outside that range is flagged, naming the continent."""
    facts = default_pack.facts
    assert facts["area_rank:Russia#Europe"].interval == (1.0, 1.0)
    assert facts["population_rank:Nigeria#Africa"].interval == (1.0, 1.0)
    low, high = facts["area_rank:Ukraine#Europe"].interval
    assert low == 2 and high > 2       # France's total area (with its overseas regions) is larger
    (finding,) = _findings_on(default_pack, extractor, "date 2026-01-05 Ethiopia is Africa's most "
                              "populous country.", {"population-rank-reference"})
    assert "Nigeria" in finding.message and "in Africa" in finding.message
    assert not _findings_on(default_pack, extractor, "date 2026-01-05 Germany, Europe's most populous "
                            "country, voted.", {"population-rank-reference"})


def test_the_pack_digest_covers_its_tables(tmp_path):
    first = _pack_with(tmp_path, GAZETTEER, people=COUNTRIES).digest
    second = _pack_with(tmp_path, GAZETTEER, people=COUNTRIES + "Graustark,country,,,,\n").digest
    assert first != second


def test_a_hand_written_fact_may_name_a_leader_of_the_tables(tmp_path):
    yaml_text = GAZETTEER + """claim_types:
  - {id: troop_count, kind: quantity, dimension: count, units: [troops], key: [country]}
facts:
  - {id: ruritania-army, claim_type: troop_count, entities: [King Rudolf], value: 5000, source: x}
"""
    people = COUNTRIES + "Rudolf,person,King Rudolf,Ruritania,1990-01-01,\n"
    assert "troop_count:Ruritania" in _pack_with(tmp_path, yaml_text, people=people).facts


@pytest.mark.parametrize("sentence, key", [
    ("Patrols watch the Chinese-Korean border, 1,352 km long.", "border_length:China|North Korea"),
    ("The Korean-South Korean border is 237 km long.", "border_length:North Korea|South Korea"),
    ("The Congolese-Gabonese border is 2,567 km long.", "border_length:Gabon|Republic of the Congo"),
    ("The Congolese-Ugandan border is 877 km long.",
     "border_length:Democratic Republic of the Congo|Uganda"),
    ("Korean and Chinese leaders will meet on Wednesday.", "meeting_date:China|South Korea"),
])
def test_an_ambiguous_name_takes_the_reading_with_a_fact(default_pack, extractor, sentence, key):
    claims, _ = _findings(default_pack, extractor, sentence, set())
    assert [c.key for c in claims] == [key]
