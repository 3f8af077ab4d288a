"""Frames: what a claim is about — the predicate that governs its value, who takes part, where, and
for counts what is counted.

Rule-based attachment in the manner of HeidelTime: a date belongs to the predicate written next
to it. "The ministry said on Monday that the talks will resume" dates the saying, not the talks;
"the index closed at 3,000 on Monday" dates a market close; "the summit, announced on Monday, will
take place on Wednesday" dates the summit by its support verb ("take place") and its subject. Only
a date governed by one of a claim type's triggers is a claim of that type.

Every function here reads text in lower case (scan.lower), so that its patterns run without
Python's slower case-insensitive matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.alternation import word_alternation

# Acts that take the date written next to them, so that it is not the date of a meeting or event.
ACTS = {
    "report": ["said", "says", "say", "saying", "told", "tells", "tell", "announced", "announces",
               "announce", "announcing", "announcement", "confirmed", "confirms", "confirm",
               "reported", "reports", "stated", "added", "adding", "noted", "declared", "disclosed",
               "revealed", "claimed", "insisted", "warned", "warns", "stressed", "urged", "denied",
               "wrote", "tweeted", "posted", "quoted", "briefing", "briefed", "statement",
               "news conference", "press conference", "interview", "remarks", "commented",
               "explained", "acknowledged", "admitted", "unveiled", "published", "released",
               "issued", "agreed to", "decided", "proposed", "invited", "invitation", "report"],
    "office": ["inaugurated", "elected", "re-elected", "sworn in", "took office", "appointed",
               "born", "resigned", "ousted", "impeached", "became", "become", "becoming",
               "took power", "came to power", "assumed office", "assumed power"],
    "arrival": ["arrived", "arrives", "arrive", "arriving", "arrival", "landed", "lands",
                "departed", "departs", "departure", "left", "leaves", "returned", "returns",
                "flew", "flies", "travelled", "traveled", "reached"],
    "market": ["closed at", "opened at", "ended at", "finished at", "closed up", "closed down",
               "closed higher", "closed lower", "rose", "fell", "gained", "traded", "climbed",
               "dropped", "slipped", "jumped", "plunged", "surged", "edged", "index"],
    "fire": ["opened fire", "fired", "shelled", "bombed"],
}
# Verbs whose event is their subject's: "the summit will take place on Wednesday".
SUPPORT = {
    "occur": ["take place", "takes place", "took place", "taking place", "held", "be held",
              "go ahead", "goes ahead", "went ahead", "convene", "convenes", "convened"],
    "start": ["open", "opens", "opened", "begin", "begins", "began", "begun", "start", "starts",
              "started", "kick off", "kicks off", "kicked off", "launch", "launches", "launched"],
    "end": ["end", "ends", "ended", "close", "closes", "closed", "conclude", "concludes",
            "concluded", "wrap up", "wraps up", "wrapped up"],
    "resume": ["resume", "resumes", "resumed", "reopen", "reopens", "reopened"],
}
_ACT_OF = {w: kind for kind, words in ACTS.items() for w in words}
_PHASE_OF = {w: phase for phase, words in SUPPORT.items() for w in words}

# What a count counts, from the words around it ("45 were killed", "the death toll rose to 45").
MEASURES = {
    "casualties": ["killed or injured", "killed or wounded", "dead or injured", "dead or wounded",
                   "killed or seriously injured", "killed and injured", "killed and wounded",
                   "dead and injured", "dead and wounded", "casualties"],
    "killed": ["killed", "killing", "kills", "kill", "dead", "died", "die", "dies", "death",
               "deaths", "death toll", "toll", "fatalities", "perished", "lives", "bodies",
               "massacre", "massacred", "massacring", "slaughter", "slaughtered", "slain",
               "murdered", "murder", "murders", "murdering"],
    "injured": ["injured", "injuring", "injures", "wounded", "wounding", "hurt", "injuries"],
    "missing": ["missing", "unaccounted for"],
    "arrested": ["arrested", "arresting", "arrests", "detained", "detaining", "detained",
                 "in custody", "rounded up"],
    "convicted": ["convicted", "sentenced", "punished", "jailed", "charged", "indicted",
                  "disciplined", "dismissed", "prosecuted", "prosecuting", "court-martialled",
                  "on trial", "in absentia"],
    "evacuated": ["evacuated", "evacuating", "evacuation", "displaced", "fled", "homeless",
                  "stranded", "crossed", "crossing", "flee", "fleeing"],
    "rescued": ["rescued", "saved"],
    "population": ["population", "inhabitants", "city of", "town of", "village of", "nation of",
                   "country of", "home to", "populated", "people live", "living in"],
    "deployed": ["deployed", "deploying", "deploy", "deployment", "massed", "massing", "amassed",
                 "stationed", "gathered", "assembled", "positioned", "build-up", "buildup",
                 "concentrated", "sent", "send", "dispatched", "mobilised", "mobilized"],
}
_MEASURE_OF = {w: kind for kind, words in MEASURES.items() for w in words}
_MEASURE_RE = re.compile(r"(?<![\w-])(?:" + word_alternation(_MEASURE_OF, space=r"\s+") + r")(?![\w-])")
MEASURE_BEFORE, MEASURE_AFTER = 45, 40

# Disasters and violent events a toll is counted for; the first is the canonical name.
EVENTS = {
    "earthquake": ["earthquake", "earthquakes", "quake", "tremor", "temblor"],
    "explosion": ["explosion", "blast", "bombing", "bomb", "explosions", "blasts"],
    "attack": ["attack", "attacks", "assault", "raid", "ambush", "shooting", "massacre"],
    "crash": ["crash", "crashed", "collision", "derailment", "derailed", "plane crash"],
    "flood": ["flood", "floods", "flooding", "flash floods", "landslide", "landslides",
              "mudslide", "mudslides"],
    "storm": ["storm", "typhoon", "hurricane", "cyclone", "tornado", "tornadoes"],
    "fire": ["fire", "blaze", "wildfire", "wildfires", "fires", "inferno"],
    "clashes": ["clashes", "fighting", "violence", "riots", "unrest", "protests", "rebellion",
                "insurgency", "uprising", "conflict", "war", "civil war", "battle", "battles",
                "hostilities", "combat"],
    "sinking": ["sinking", "sank", "capsized", "shipwreck", "ferry disaster"],
    "stampede": ["stampede", "crush"],
    "outbreak": ["outbreak", "epidemic", "pandemic"],
}
_EVENT_OF = {w: kind for kind, words in EVENTS.items() for w in words}
_EVENT_RE = re.compile(r"\b(?:" + word_alternation(_EVENT_OF, space=r"\s+") + r")\b")

DATE_BEFORE, DATE_AFTER = 100, 40
# A date written before its noun dates it: "the March 5-8 visit", "Monday's summit", "the June
# 12 talks", with at most an adjective between.
MODIFIED_WITHIN = 24
_BETWEEN_MODIFIER = re.compile(r"(?:['’]s)?\s+(?:(?:planned|proposed|scheduled|virtual|video|"
                               r"state|official|bilateral|historic|landmark)\s+)?")
# A bound is not the date of what it bounds: "by the end of the year", "until March".
_BOUND = re.compile(r"\b(?:by|until|till|no\s+later\s+than)\s+(?:the\s+)?$")
# An act whose object is the trigger: the date goes with the act ("announced the talks on
# Monday", "agreed to this virtual summit last month").
# Not where the trigger heads a clause of its own: "announced that he will meet Kim on June 12"
# dates the meeting.
_ACT_ON = re.compile(r"\b(?:announced|confirmed|agreed\s+to|proposed|called\s+for|cancelled|"
                     r"canceled|requested|sought|welcomed|criticised|criticized|praised|reported)"
                     r"\s+(?:(?!(?:that|will|would|shall|could|might|to)\s)[\w'’-]+\s+){0,3}$")
# A support verb whose object is the trigger: "opened their two-day summit", "ended the talks".
_PHASE_BEFORE = re.compile(r"\b(?P<verb>" + word_alternation(
    [w for phase in ("start", "end", "resume") for w in SUPPORT[phase]], space=r"\s+") + r")"
    r"\s+(?:(?:the|a|an|their|its|his|her|this|that)\s+)?(?:[\w'’-]+\s+){0,2}$")
_FRONTED = re.compile(r"\s*(?:(?:late|early)\s+)?(?:on|by|in|until|since)?\s*")
# Words that may stand between an auxiliary and the support verb's subject or object.
_FILLER = {"will", "would", "shall", "could", "can", "may", "might", "must", "should", "be",
           "been", "being", "is", "are", "was", "were", "to", "has", "have", "had", "not",
           "also", "now", "officially", "formally", "finally", "due", "set", "expected",
           "scheduled", "slated", "planned", "its", "their", "his", "her", "the", "a", "an", "new",
           "this", "that", "which", "then", "soon", "again", "jointly"}
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass(frozen=True)
class Attachment:
    """The predicate that governs a date: a claim type's trigger (`claim_type` set), or an act
    (`act`: report, arrival, market, fire) that makes the date not a claim of any type."""
    claim_type: str | None
    event: str | None
    act: str | None = None
    trigger: int | None = None      # where the governing trigger starts in the clause


class Predicates:
    """Built once per rule pack: one pattern over every act, support verb and date trigger."""

    def __init__(self, type_of: dict[str, str], default_event: dict[str, str]):
        self.type_of = type_of                      # trigger (lower case, single spaces) → claim type
        self.default_event = default_event          # claim type → the event its triggers name
        words = {*_ACT_OF, *_PHASE_OF, *type_of}
        self.regex = re.compile(r"\b(?:" + word_alternation(words, space=r"\s+") + r")\b")

    def attach(self, clause: str, lo: int, hi: int, original: str | None = None) -> Attachment:
        """The predicate nearest before the date at [lo, hi) of its clause (else the first after
        it) decides what the date is the date of."""
        if _BOUND.search(clause, max(0, lo - 12), lo):
            return Attachment(None, None, "bound")      # "agreed to meet by the end of the year"
        modified = self._found(clause, hi, min(len(clause), hi + MODIFIED_WITHIN))
        kind = self.type_of.get(_norm(modified[0].group())) if modified else None
        if kind is not None and _BETWEEN_MODIFIER.fullmatch(clause, hi, modified[0].start()):
            # the date is written before its noun: "the March 5-8 visit"
            return Attachment(kind, self.default_event.get(kind), trigger=modified[0].start())
        before = self._found(clause, max(0, lo - DATE_BEFORE), lo)
        # a date that opens its clause ("On Monday evening, Biden and Xi will hold a summit")
        # is about the first predicate of the clause, however far
        reach = len(clause) if _FRONTED.fullmatch(clause, 0, lo) else min(len(clause), hi + DATE_AFTER)
        after = self._found(clause, hi, reach) if not before else []
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is None:
            return Attachment(None, None)
        start, end = chosen.span()
        word = " ".join(chosen.group().split())
        if word in _ACT_OF:
            return Attachment(None, None, _ACT_OF[word])
        if word in _PHASE_OF:
            return self._supported(clause, start, end, word, original or clause)
        if _ACT_ON.search(clause, max(0, start - 50), start):
            return Attachment(None, None, "report")     # "agreed to this virtual summit last month"
        kind = self.type_of[word]
        event = self.default_event.get(kind)
        phase = _PHASE_BEFORE.search(clause, max(0, start - 40), start)
        if phase is not None and event is not None:   # "opened their summit on Friday"
            event = f"{event}:{_PHASE_OF[' '.join(phase['verb'].split())]}"
        return Attachment(kind, event, trigger=start)

    def _found(self, text: str, lo: int, hi: int) -> list[re.Match]:
        return list(self.regex.finditer(text, lo, hi))

    def _supported(self, clause: str, start: int, end: int, word: str, original: str) -> Attachment:
        """A support verb ("will take place", "opened") takes its event from its subject: the
        last trigger before it in the clause ("the summit, announced on Monday, will take
        place"), else the claim type that lists the verb itself, named by its subject or object."""
        phase = _PHASE_OF[word]
        subject = [(m.start(), w) for m in self._found(clause, 0, start)
                   if (w := _norm(m.group())) in self.type_of and w not in _PHASE_OF]
        if subject:
            kind = self.type_of[subject[-1][1]]
            event = self.default_event.get(kind)
            return Attachment(kind, event if phase == "occur" else f"{event}:{phase}",
                              trigger=subject[-1][0])
        kind = self.type_of.get(word) or self.type_of.get(word.split()[-1])
        if kind is None:
            return Attachment(None, None)
        noun = _head_noun(original, start, end)
        return Attachment(kind, f"{phase}:{noun}" if noun else phase, trigger=start)


_DAY_OF = re.compile(r"\b(?P<nth>first|opening|second|third|fourth|fifth|final|last|closing)"
                     r"(?P<final>\s+and\s+(?:final|last|closing))?\s+day\s+of\s+(?:the|a|an|its|their)?\s*"
                     r"(?:[\w'’-]+\s+){0,2}$")
_DAYS_LONG = re.compile(r"\b(?P<n>two|three|four|five|six|seven|2|3|4|5|6|7)-day\s+(?:[\w'’-]+\s+){0,2}$")
_LENGTH = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_DAY_NUMBER = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ENDING = re.compile(r"\b(?:" + word_alternation(SUPPORT["end"], space=r"\s+") + r")\b")
UNKNOWN_LENGTH = 3   # days a meeting of unstated length may run: most summits take two or three


def dates_its_trigger(clause: str, trigger: int, at: int) -> bool:
    """Whether the date at `at` is written with its trigger ("a two-day summit in Accra on
    Saturday"), not further on after a comma ("on a four-day trip, will sign an agreement on
    Wednesday": a day of the trip, not its first)."""
    return trigger < at and at - trigger <= 45 and "," not in clause[trigger:at]


def days_around(clause: str, trigger: int) -> tuple[int, int]:
    """How many days before and after a dated day its event may run, from the words before its
    trigger: "opened a two-day summit on Saturday" runs on to Sunday, "the second and final day
    of the summit on Sunday" began on Saturday. (0, 0) for an event of one day or unknown."""
    lo = max(0, trigger - 60)
    long = _DAYS_LONG.search(clause, lo, trigger)
    length = (_LENGTH.get(long["n"]) or int(long["n"])) if long else None
    day = _DAY_OF.search(clause, lo, trigger)
    if day is not None:
        nth = day["nth"]
        if nth in _DAY_NUMBER:
            k = _DAY_NUMBER[nth]
            return k - 1, 0 if day["final"] else (length or max(UNKNOWN_LENGTH, k)) - k
        return (length or UNKNOWN_LENGTH) - 1, 0          # the final day
    if length is None:
        return 0, 0
    if _ENDING.search(clause, max(0, trigger - 80), trigger):
        return length - 1, 0                              # "ended a two-day visit on Sunday"
    return 0, length - 1                                  # "opened a two-day summit on Saturday"


_WITH_BOTH = re.compile(r"\bwith\s+(?:the\s+)?[A-Z][^,;:()]*?\s+and\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def partners_only(sentence: str, mentions: list) -> bool:
    """Whether every named party of a pairwise claim stands in one "with A and B": the partners
    of a third, unnamed or unknown, party ("the province shares a border with Pakistan and
    Afghanistan" is no border between those two)."""
    if len(mentions) < 2:
        return False
    return any(all(m.start() <= x.start and x.end <= m.end() for x in mentions)
               for m in _WITH_BOTH.finditer(sentence))


def in_parentheses(sentence: str, lo: int) -> bool:
    """A date in parentheses is an aside or a dateline ("(Sputnik - 05th December, 2021)"), not
    the date of what the sentence reports."""
    opening = sentence.rfind("(", 0, lo)
    return opening != -1 and sentence.rfind(")", opening, lo) == -1


_MINISTERS = re.compile(r"\b(?:ministers?|ministerial|secretary\s+of\s+state|secretaries|envoys?|ambassadors?|"
                        r"officials|delegations?|negotiators|diplomats|deputies|advisers?|advisors?|"
                        r"aides?|chiefs?\s+of\s+staff|generals?|commanders?)\b")
_LEADERS = re.compile(r"\b(?:president|presidents|prime\s+minister|prime\s+ministers|premier|"
                      r"chancellor|leaders?|heads?\s+of\s+(?:state|government)|king|queen|emir|"
                      r"crown\s+prince|supreme\s+leader|summit)\b")


def ministerial(scope_text: str) -> bool:
    """Whether the meeting in `scope_text` is one of ministers or officials, not of leaders:
    "Blinken met his Russian counterpart" is not the presidents' call."""
    return _MINISTERS.search(scope_text) is not None and _LEADERS.search(scope_text) is None


def _head_noun(clause: str, start: int, end: int) -> str | None:
    """The noun a support verb is about: its subject ("the new headquarters will open") or, where
    the subject is a name, its object ("NATO will open its new headquarters")."""
    words = [w for w in _WORD.findall(clause[:start]) if w.lower() not in _FILLER]
    if words and words[-1][0].islower():
        return words[-1].lower().removesuffix("'s").removesuffix("’s")
    after = []
    for w in _WORD.findall(clause[end:end + 60]):
        if w.lower() in ("in", "on", "at", "by", "from", "for", "with", "after", "before", "until"):
            break
        if w.lower() not in _FILLER:
            after.append(w)
    if after and after[-1][0].islower():
        return after[-1].lower()
    return None


# (a conversion in parentheses may come between: "about 95 km (60 miles) northeast of Islamabad")
_DISTANCE_AFTER = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?\)?\s*(?:[\w-]+\s+)?(?:from|away|inside|into|off|beyond|behind|short\s+of|"
                             r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|of\s+the)\b")


def is_distance(clause: str, hi: int) -> bool:
    """A length followed by "from", "away", "inside", "north of" … is a distance to a place
    ("three kilometres from the border"), not the length of something."""
    return _DISTANCE_AFTER.match(clause, hi) is not None


# An aside between a count and its verb, set off by commas: "some 4,000 people, many of them
# militants, have died".
_APPOSITIVE = re.compile(r"\s*,\s+(?:many|most|some|including|among|mostly|almost|nearly|half|all|"
                         r"both|none|one|two|three)\b[^,;:()]{0,70},")


def measure_near(clause: str, lo: int, hi: int, noun: str | None = None) -> str | None:
    """What a count measures: its own noun where that says ("35 deaths"), else the nearest
    measure word around it in its clause."""
    if noun is not None and noun in _MEASURE_OF:
        return _MEASURE_OF[noun]
    after = hi + MEASURE_AFTER
    aside = _APPOSITIVE.match(clause, hi)   # "4,000 people, many of them militants, have died"
    if aside is not None:
        after = aside.end() + MEASURE_AFTER
    best = None
    for m in _MEASURE_RE.finditer(clause, max(0, lo - MEASURE_BEFORE), min(len(clause), after)):
        distance = lo - m.end() if m.end() <= lo else m.start() - hi
        if distance < 0 or (m.end() > lo and m.group().endswith(" of")):
            continue    # "a village of 300 people", not "300 people from the village of Dujail"
        if best is None or distance < best[0]:
            best = (distance, _MEASURE_OF[_norm(m.group())])
    return best[1] if best else None


def is_event_noun(noun: str) -> bool:
    """Whether a counted noun names events ("two earthquakes", "three attacks") or things ("the
    bill killed 45 jobs", "the storm injured 30 cattle"), not people."""
    return noun in _EVENT_OF or noun.rstrip("s") in _EVENT_OF or noun in _THINGS


# Counted nouns that are no people, whatever the verb near them says.
_THINGS = {"jobs", "homes", "houses", "buildings", "vehicles", "cars", "trucks", "tanks", "aircraft",
           "planes", "warships", "ships", "boats", "animals", "cattle", "sheep", "livestock", "trees",
           "acres", "hectares", "points", "shares", "seats", "votes", "cases", "doses", "bills",
           "projects", "flights", "species", "nationalities", "countries", "provinces", "villages",
           "districts", "towns", "cities", "cuts"}   # "the death of a thousand cuts"


def event_in(text: str) -> str | None:
    """The disaster or violent event a sentence reports, by its canonical name."""
    m = _EVENT_RE.search(text)
    return _EVENT_OF[_norm(m.group())] if m else None


def _norm(word: str) -> str:
    return " ".join(word.lower().split())
