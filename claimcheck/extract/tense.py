"""Which way in time a sentence points, from its verbs and modals.

The marker nearest before the expression decides ("said on Monday that they will meet on Wednesday":
"said" governs Monday, "will" governs Wednesday); with none before it, the nearest after it.
"""

from __future__ import annotations

import re

from claimcheck.alternation import word_alternation
from claimcheck.extract.scan import lower

PAST, PRESENT, FUTURE, UNKNOWN = "past", "present", "future", "unknown"

_FUTURE = [
    r"will", r"won['’]t", r"shall", r"['’]ll", r"would", r"must(?!\s+have\b)",
    r"(?:is|are|was|were)\s+(?:expected|due|set|scheduled|slated|poised|planning|going|likely|"
    r"to\s+be|about)\s+to", r"(?:is|are)\s+(?:expected|due|set|scheduled|slated)",
    r"plans?\s+to", r"intends?\s+to", r"aims?\s+to", r"hopes?\s+to", r"upcoming", r"forthcoming",
    r"to\s+(?:run|last|continue|remain|stay|extend)(?=\s+(?:through|until|till|into)\b)",
    r"to\s+be\s+held", r"(?:is|are)\s+(?:meeting|holding|hosting|travelling|traveling|visiting)",
    r"(?:slated|scheduled|due|planned|poised|expected)\s+(?:for|on|to|in)",
    r"set\s+(?:for|on|to)",   # not "set in": "the record high set in late October" is past
    r"(?:is|are|was|were)\s+planning", r"(?:is|are|was|were)\s+to(?=\s+\w)", r"could", r"might", r"may(?=\s+(?:be|have|\w+\s))",
    # a timetable in the simple present: "Mugabe opens the conference on Friday"
    r"(?:opens|begins|starts|kicks\s+off|visits|arrives|departs|leaves\s+for|travels|flies|hosts|"
    r"resumes|meets|plays|faces|holds|heads\s+to)(?=(?i:[^.;:!?,]{0,60}\b(?:on\s+)?(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|tomorrow|next\s+(?:week|month))\b))",
]
_IRREGULAR_PAST = (
    "met", "held", "spoke", "said", "told", "took", "gave", "made", "was", "were", "had", "began",
    "came", "went", "saw", "found", "left", "sent", "won", "lost", "fell", "rose", "wrote", "led",
    "sat", "stood", "knew", "thought", "brought", "bought", "fought", "drew", "grew", "threw",
    "broke", "chose", "spoke", "struck", "hit", "put", "set", "shut", "ran", "flew", "built",
    "spent", "became", "got", "did", "agreed", "wrapped", "ended", "took", "begun", "done",
    "seen", "known", "given", "taken", "written", "driven", "shown", "grown", "thrown", "fallen",
    "risen", "beaten", "broken", "chosen", "spoken", "stolen", "frozen", "forgotten", "fought",
)
_NOT_PAST = {"expected", "scheduled", "planned", "proposed", "supposed", "need", "speed", "red",
             "bed", "led", "united", "based", "armed", "named", "so-called", "detailed", "hundred",
             "advanced", "limited", "related", "indeed", "seed", "feed", "shed", "weed"}
_PRESENT = ["is", "are", "says", "say", "meets", "holds", "has", "have"]


# Every marker starts at a word boundary: tested once per place, not once per alternative.
_MARKER = re.compile(
    r"\b(?:(?P<future>(?:" + "|".join(_FUTURE) + r")\b)"
    r"|(?P<perfect>(?:has|have)\s+(?:been\s+)?\w+(?:ed|en|wn|ne|t)\b)"
    r"|(?P<past>(?:" + word_alternation(_IRREGULAR_PAST) + r")\b(?!-)|\w{3,}ed\b(?!-)|following\b(?=\s+(?:their|the|his|her|its|a|an|last)\b))"
    r"|(?P<present>(?:" + word_alternation(_PRESENT) + r")\b))",
)   # run over the sentence in lower case: faster than IGNORECASE; "closed-door", "left-wing"
#   are adjectives, not past verbs


# Between a future marker and a participle of the same verb group: "will be held", "is due to be
# published", "would have met", "will stay closed". The participle is then not a past marker.
_SAME_GROUP = re.compile(r"(?:\s+(?:be|been|being|have|to|stay|remain|get|also|not|then|now|soon|likely|probably|"
                         r"jointly|formally|officially|again|only|just|finally|first|eventually))*\s+$")


# A plan told in the past perfect was made before: "had been scheduled for", "had planned to".
_PLAN_OF_THE_PAST = re.compile(r"\bhad\s+(?:(?:been|originally|initially|earlier|already)\s+){0,2}$")


def markers(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, tense) of every tense marker in a sentence, in order. A future marker wins
    over a nearer participle of its own verb group ("will be held from Nov. 28")."""
    found: list[tuple[int, int, str]] = []
    low = lower(sentence)
    for m in _MARKER.finditer(low):
        kind = m.lastgroup
        if kind == "past" and m.group() in _NOT_PAST:
            continue
        if kind == "future" and sentence[m.start()] == "M" and m.group() == "may":
            continue        # the month, not the modal
        if kind == "future" and low.endswith(("than ", "as "), 0, m.start()):
            continue        # "fewer jobs than expected in January": a comparison, not a plan
        tense = PAST if kind in ("past", "perfect") else kind
        if kind == "future" and _PLAN_OF_THE_PAST.search(low, max(0, m.start() - 40), m.start()):
            tense = PAST    # "talks had been scheduled for November, but were put off"
        if tense == PAST and found and found[-1][2] == FUTURE and \
                _SAME_GROUP.fullmatch(low, found[-1][1], m.start()):
            continue
        found.append((m.start(), m.end(), tense))
    return found


def tense_at(found: list[tuple[int, int, str]], start: int, end: int) -> str:
    """The tense governing the expression at [start, end) of the sentence."""
    before = [t for s, e, t in found if e <= start]
    if before:
        # a future marker anywhere before, after the last past one, wins over a present "is"
        for tense in reversed(before):
            if tense != PRESENT:
                return tense
        return PRESENT
    after = [t for s, e, t in found if s >= end and t != PRESENT]
    return after[0] if after else (PRESENT if any(s >= end for s, e, t in found) else UNKNOWN)
