"""Stories: articles on one event join, articles on another event about the same country do not.
Every article here was written for these tests."""

from __future__ import annotations

from datetime import date, timedelta
from dataclasses import replace

import random

import pytest

from claimcheck.corpus.formats import parse_article
from claimcheck import stories as S

SUMMIT = ("date 2021-12-14 Xi Jinping and Vladimir Putin will hold a video summit on Wednesday, the "
          "Kremlin said, their second conversation of the year. Aides said the two leaders would "
          "discuss gas exports through the Power of Siberia pipeline, the crisis around Ukraine and "
          "the Winter Olympics in Beijing. Putin is expected to confirm that he will attend the "
          "opening ceremony of the Games in February.")
SUMMIT_REWORDED = ("date 2021-12-15 Russia's president and China's leader are set to talk by video "
                   "link, with energy deals and the Beijing Games high on the agenda. Putin has "
                   "accepted an invitation to the Olympics opening in February, his adviser told "
                   "journalists, and Xi will press for more pipeline gas from Siberia. The talks "
                   "come as Western capitals accuse Moscow of massing forces near Ukraine.")
SAME_COUNTRY_OTHER_EVENT = (
    "date 2021-12-16 China's central bank cut the reserve requirement ratio for lenders by half a "
    "point, freeing funds for property developers squeezed by falling home sales. Economists in "
    "Shanghai said the move would ease credit for small firms. Stocks in Shenzhen rose after the "
    "announcement, while the yuan slipped against the dollar.")
FLOODS = ("date 2021-12-15 Floods in the north of Vestria cut off three villages after the Grenna "
          "river burst its banks. Rescue crews used boats to reach stranded families, and the army "
          "sent two helicopters to the valley.")


def _article(text: str, name: str):
    return parse_article(text, name, name)[0]


def _stories(default_pack, *texts, **settings):
    articles = [_article(t, f"a{i}.txt") for i, t in enumerate(texts)]
    return articles, S.of_articles(articles, default_pack.vocabulary, S.StorySettings(**settings))


def test_two_outlets_on_one_summit_in_other_words_are_one_story(default_pack):
    _, stories = _stories(default_pack, SUMMIT, SUMMIT_REWORDED)
    assert stories.same("a0.txt", "a1.txt")
    assert stories.story("a1.txt") == "a0.txt"   # the first article's id names the story


def test_another_event_about_the_same_country_in_the_same_week_is_another_story(default_pack):
    _, stories = _stories(default_pack, SUMMIT, SUMMIT_REWORDED, SAME_COUNTRY_OTHER_EVENT, FLOODS)
    assert stories.same("a0.txt", "a1.txt")
    assert not stories.same("a0.txt", "a2.txt") and not stories.same("a1.txt", "a2.txt")
    assert stories.story("a3.txt") == "a3.txt"
    assert stories.similarity("a0.txt", "a2.txt") < S.StorySettings().threshold


def test_a_republished_copy_is_the_same_story(default_pack):
    copy = SUMMIT.replace("on Wednesday", "on Thursday").replace("2021-12-14", "2021-12-15")
    _, stories = _stories(default_pack, SUMMIT, copy)
    assert stories.same("a0.txt", "a1.txt") and stories.similarity("a0.txt", "a1.txt") > 0.9


def test_articles_further_apart_than_the_window_are_not_linked(default_pack):
    later = SUMMIT.replace("2021-12-14", "2021-12-24")
    _, stories = _stories(default_pack, SUMMIT, later)
    assert not stories.same("a0.txt", "a1.txt")
    _, wide = _stories(default_pack, SUMMIT, later, window_days=10)
    assert wide.same("a0.txt", "a1.txt")


def test_an_undated_article_is_a_story_of_its_own(default_pack):
    undated = SUMMIT.replace("date 2021-12-14 ", "")
    _, stories = _stories(default_pack, SUMMIT, undated)
    assert stories.story("a1.txt") == "a1.txt" and not stories.same("a0.txt", "a1.txt")


def test_stories_do_not_depend_on_input_order_or_the_run(default_pack):
    texts = [SUMMIT, SUMMIT_REWORDED, SAME_COUNTRY_OTHER_EVENT, FLOODS]
    articles = [_article(t, f"a{i}.txt") for i, t in enumerate(texts)]
    first = S.of_articles(articles, default_pack.vocabulary).of
    for shift in range(1, 4):
        shuffled = articles[shift:] + articles[:shift]
        assert S.of_articles(shuffled, default_pack.vocabulary).of == first
    # the story id is the earliest article, whatever its name
    renamed = [replace(a, id=f"z{i}.txt") if i == 0 else a for i, a in enumerate(articles)]
    assert S.of_articles(renamed, default_pack.vocabulary).story("a1.txt") == "z0.txt"


def test_signatures_fold_aliases_and_count_names_twice(default_pack):
    sign = S.signer(default_pack.vocabulary)
    terms = set(sign(_article("date 2021-12-14 Moscow has deployed troops, the Kremlin said.", "x.txt")))
    assert "@russia" in terms and "@russia~2" in terms
    assert "deploy" in terms and "troop" in terms
    assert not {"said", "the", "has"} & terms


def test_a_large_corpus_is_grouped_in_about_linear_time(default_pack):
    """300 made-up articles, three per story: candidates stay near the number of articles, not
    its square, and every story is found."""
    rng = random.Random(7)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "da", "fe"]

    def word():
        return "".join(rng.choice(syllables) for _ in range(4))

    start, texts = date(2021, 1, 1), []
    for story in range(100):
        words = [word() for _ in range(12)]
        day = (start + timedelta(days=story // 4)).isoformat()
        for version in range(3):
            texts.append(f"date {day} " + " ".join(rng.sample(words, 10)) + ".")
    articles = [_article(t, f"n{i:04}.txt") for i, t in enumerate(texts)]
    sign = S.signer(default_pack.vocabulary)
    signatures = {a.id: sign(a) for a in articles}
    terms = {k: frozenset(v) for k, v in signatures.items()}
    pairs = list(S._candidates(sorted(articles, key=lambda a: a.id), terms, S.StorySettings()))
    assert len(pairs) < 3 * len(articles)
    stories = S.group(articles, signatures)
    assert len(stories.sizes()) == 100 and set(stories.sizes().values()) == {3}


@pytest.mark.parametrize("threshold,joined", [(0.05, True), (0.6, False)])
def test_the_threshold_is_a_setting(default_pack, threshold, joined):
    _, stories = _stories(default_pack, SUMMIT, SUMMIT_REWORDED, threshold=threshold)
    assert stories.same("a0.txt", "a1.txt") == joined


def test_story_settings_and_min_confidence_come_from_the_configuration(tmp_path):
    from claimcheck.config import discover
    from claimcheck.errors import ClaimcheckError
    (tmp_path / "claimcheck.yaml").write_text(
        "min_confidence: 0.7\nstories: {window_days: 3, threshold: 0.25}\n")
    config = discover(tmp_path)
    assert config.min_confidence == 0.7
    assert config.stories == S.StorySettings(window_days=3, threshold=0.25)
    for bad in ("min_confidence: 2\n", "stories: {window: 3}\n", "stories: {threshold: 0}\n",
                "stories: 7\n"):
        (tmp_path / "claimcheck.yaml").write_text(bad)
        with pytest.raises(ClaimcheckError, match="min_confidence|stories"):
            discover(tmp_path)


def test_a_threshold_of_one_with_few_permutations_still_groups(default_pack):
    """MinHashLSH refuses to band 16 permutations for a threshold of 1 (one band); two bands are
    used instead, and identical copies still join."""
    text = "date 2021-12-14 Xi Jinping and Vladimir Putin will meet by video link on Wednesday."
    articles, stories = _stories(default_pack, text, text, threshold=1.0, num_perm=16)
    assert stories.same(articles[0].id, articles[1].id)


def test_the_bands_kept_for_the_usual_settings_are_those_minhashlsh_chooses():
    """stories.BANDS spares integrating (and importing scipy.integrate): each entry must be what
    datasketch itself chooses, with the weights the grouping uses."""
    from datasketch import MinHashLSH
    for (threshold, num_perm), bands in S.BANDS.items():
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=S.WEIGHTS)
        assert (lsh.b, lsh.r) == bands, (threshold, num_perm)
    assert (S.StorySettings().threshold, S.StorySettings().num_perm) in S.BANDS


@pytest.mark.parametrize("threshold", [S.StorySettings().threshold, 0.05, 0.25])
def test_stories_are_the_same_with_the_kept_bands_as_with_those_chosen_anew(default_pack, monkeypatch,
                                                                            threshold):
    texts = [SUMMIT, SUMMIT_REWORDED, SAME_COUNTRY_OTHER_EVENT, FLOODS,
             SUMMIT.replace("2021-12-14", "2021-12-16"), FLOODS.replace("2021-12-15", "2021-12-17")]
    articles, kept = _stories(default_pack, *texts, threshold=threshold)
    pairs = list(S._candidates(articles, kept.terms, S.StorySettings(threshold=threshold)))
    monkeypatch.setattr(S, "BANDS", {})
    _, chosen = _stories(default_pack, *texts, threshold=threshold)
    assert kept.of == chosen.of
    assert pairs == list(S._candidates(articles, chosen.terms, S.StorySettings(threshold=threshold)))


def test_grouping_with_the_usual_settings_does_not_import_scipy_integrate():
    """datasketch imports scipy.integrate at its top (a second); grouping stands it in while
    datasketch loads, and MinHashLSH still chooses bands for other settings with the real one."""
    probe = """
import sys
from claimcheck import stories as S
from claimcheck.corpus.formats import parse_article
texts = ["date 2021-12-14 Xi Jinping and Vladimir Putin will meet by video link on Wednesday.",
         "date 2021-12-15 Putin and Xi Jinping are to hold talks by video link this week."]
articles = [parse_article(t, f"a{i}.txt", f"a{i}.txt")[0] for i, t in enumerate(texts)]
stories = S.group(articles, {a.id: S.signature(a) for a in articles})
print(stories.of["a1.txt"], "scipy.integrate" in sys.modules)
from datasketch import MinHashLSH
lsh = MinHashLSH(threshold=0.33, num_perm=128, weights=S.WEIGHTS)
print(lsh.b, lsh.r, hasattr(sys.modules["scipy.integrate"], "dblquad"))
"""
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    from datasketch.lsh import _optimal_param
    b, r = _optimal_param(0.33, 128, *S.WEIGHTS)
    assert done.stdout.split("\n")[:2] == ["a0.txt False", f"{b} {r} True"]
