"""How sure the engine is that two claims are about the same thing: a score from 0 to 1 and a
short reason, from three kinds of evidence.

* The story: claims of one article, or of articles in one story, start high (higher the more alike
  the articles are); claims of different stories (a check that compares across the corpus) start
  low.
* The frames (claimcheck/extract/frames.py): the same event, measure, place and participants
  raise it; a different event or measure, or participants with nobody in common, bring it down
  hard, whatever else agrees. A field only one of the claims has says nothing.
* The sentences: two sentences that are the same apart from the figure (one report republished
  with one number changed) are about the same thing almost surely.

The weights are judgement, calibrated on the tests' articles; the reason says which evidence
counted, so a reader can weigh it too.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from claimcheck.model import Claim
from claimcheck.stories import Stories

DEFAULT_MIN_CONFIDENCE = 0.5   # pair findings below it are lowered to info
NEAR_IDENTICAL = 0.85          # sentence similarity, apart from the value, for "one figure changed"
# Frame words that outlets use for one and the same thing: "will meet by video" in one report is
# "a video call" or "talks" in another. Two labels of one family are related, not different;
# labels outside these families are compared as written.
FAMILIES = {
    "event": [("meeting", "meet", "summit", "talks", "call", "video call", "conference",
               "visit", "negotiations", "discussion"),
              ("attack", "strike", "shelling", "bombing", "raid", "assault", "offensive"),
              ("deployment", "build-up", "buildup", "exercise", "drills")],
    "measure": [("deployed", "massed", "stationed", "gathered", "assembled", "amassed"),
                ("killed", "dead", "died", "death toll")],
}


def confidence(a: Claim, b: Claim, stories: Stories | None) -> tuple[float, str]:
    score, reasons = _story(a, b, stories)
    ceiling = 1.0
    for field, weight, cap in (("event", 0.1, 0.2), ("measure", 0.05, 0.2), ("place", 0.05, 0.3)):
        x, y = getattr(a, field), getattr(b, field)
        if x is None or y is None:
            continue
        if x == y:
            score += weight
            reasons.append(f"same {field} ({x})")
        elif _related(field, x, y):
            reasons.append(f"related {field}s ({x}, {y})")
        else:
            ceiling = min(ceiling, cap)
            reasons.append(f"different {field}s ({x}, {y})")
    score, ceiling = _participants(a, b, score, ceiling, reasons)
    similar = sentence_similarity(a, b)
    if similar >= NEAR_IDENTICAL:
        score = max(score, 0.95)
        reasons.append("the sentences match apart from the figure")
    elif similar >= 0.6:
        score += 0.1
        reasons.append("similar sentences")
    return round(max(0.0, min(score, ceiling, 1.0)), 2), "; ".join(reasons)


def _related(field: str, x: str, y: str) -> bool:
    x, y = x.lower(), y.lower()
    return any(x in family and y in family for family in FAMILIES.get(field, ()))


def _story(a: Claim, b: Claim, stories: Stories | None) -> tuple[float, list[str]]:
    if a.span.article == b.span.article:
        return 0.8, ["same article"]
    if stories is None:
        return 0.5, ["stories unknown"]
    similarity = stories.similarity(a.span.article, b.span.article) or 0.0
    if stories.same(a.span.article, b.span.article):
        return 0.55 + 0.35 * min(1.0, similarity / 0.5), [f"same story (similarity {similarity:.2f})"]
    return 0.25, [f"different stories (similarity {similarity:.2f})"]


def _participants(a: Claim, b: Claim, score: float, ceiling: float, reasons: list[str]):
    pa, pb = set(a.participants), set(b.participants)
    if not pa or not pb:
        return score, ceiling
    if pa == pb:
        reasons.append("same participants")
        return score + 0.1, ceiling
    if not pa & pb:
        reasons.append("no participant in common")
        return score, min(ceiling, 0.15)
    if pa <= pb or pb <= pa or len(pa & pb) >= 2:
        # two parties in common: "the German chancellor met Putin" and "Scholz met the
        # Russian president" share Germany and Russia, whoever each names in person
        reasons.append("overlapping participants")
        return score + 0.05, ceiling
    reasons.append("different participants")
    return score, min(ceiling, 0.35)


def sentence_similarity(a: Claim, b: Claim) -> float:
    """How alike the two sentences are once each claim's own text is taken out (0–1, by words)."""
    return _similarity(_without_value(a), _without_value(b))


@lru_cache(maxsize=4096)
def _similarity(x: tuple[str, ...], y: tuple[str, ...]) -> float:
    if not x or not y:
        return 0.0
    return SequenceMatcher(None, x, y, autojunk=False).ratio()


def _without_value(claim: Claim) -> tuple[str, ...]:
    sentence, text = claim.sentence, claim.span.text
    at = sentence.find(text) if text else -1
    if at >= 0:
        sentence = sentence[:at] + " " + sentence[at + len(text):]
    return tuple(sentence.lower().split())
