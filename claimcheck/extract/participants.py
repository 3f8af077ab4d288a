"""Who takes part in what a claim reports, and where it happens.

The participants are read from the part of the clause that reports the event: not from the one
who reports it ("Beijing said that …", "…, the Kremlin said"), not from a relative clause about
something else ("…, a meeting that will be watched closely in China"), and not from a place
("in New Delhi"). A name the gazetteer does not know still counts, as written, so that two events
of unknown people are told apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.word_pattern import WordPattern
from claimcheck.extract.entities import Mention

_REPORT_VERB = (r"(?:said|says|say|saying|told|tells|announced|announces|confirmed|confirms|reported|"
                r"reports|stated|added|adding|noted|noting|claimed|warned|insisted|revealed|disclosed|"
                r"estimates|estimated|believes|believe|thinks|according\s+to\s+[^,;]{1,60})")
# "… said (at a regular briefing on Monday) (that|,)": what follows is the report.
_REPORTED = re.compile(rf"\b{_REPORT_VERB}\b(?:[^.;:,\"“”]{{0,60}}?(?:\s+that\b|,))?")
# ", the Kremlin said." / ", officials told reporters": a trailing attribution.
_TRAILING = re.compile(rf"[,\"”]\s+(?:[\w'’.-]+\s+){{0,6}}?{_REPORT_VERB}\b[^,;]*$")
# ", which …", ", a meeting that …", ", an effort to …", ", who …": a relative clause or an
# apposition about something else.
_RELATIVE = re.compile(r",\s+(?:which|who|whose|where|when|an?|the\s+[\w-]+\s+(?:that|which))\b")
# What an event is about is not who takes part in it: "talks on Ukraine", "to ease tensions with
# Ukraine", "the war in Ukraine".
_TOPIC_BEFORE = re.compile(r"\b(?:discuss(?:ed|es|ing)?|about|over|regarding|concerning|on|"
                           r"tensions?\s+(?:with|over|in)|(?:war|crisis|conflict|fighting|situation|"
                           r"invasion|attack|offensive|tensions)\s+(?:in|on|of|with|against)|"
                           r"(?:de-escalate|ease|defuse)\s+[\w\s]{0,30}?(?:with|over|in))\s+(?:the\s+)?$")
_CLOSING_COMMA = re.compile(r",(?!\d)")
# A purpose or topic phrase: "to discuss …", "to address …", "on ways to …".
_PURPOSE = WordPattern(r"(?:to|and)\s+(?:discuss|address|review|tackle|consider|examine|ease|"
                      r"de-escalate|defuse|resolve|settle|coordinate|condemn|counter|respond\s+to)\b")
# "the border with Ukraine", "Ukraine's border", "the Ukrainian frontier": where, not who.
_BORDER_BEFORE = re.compile(r"\b(?:border|borders|frontier|boundary)\s+(?:of|with)\s+(?:the\s+)?$")
_BORDER_AFTER = re.compile(r"(?:['’]s)?\s+(?:border|borders|frontier|boundary)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|across|around)\s+(?:the\s+)?(?:city\s+of\s+)?$")
_NAME = WordPattern(r"[A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z][a-z][\w'’-]*|[A-Z]\.))*")
_NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "By", "For", "But", "And", "Or", "If", "As", "After",
    "Before", "When", "While", "This", "That", "These", "Those", "It", "He", "She", "They", "We",
    "Their", "His", "Her", "Its", "Our", "There", "Mr", "Mrs", "Ms", "Dr", "President", "Prime",
    "Minister", "Premier", "Chancellor", "King", "Queen", "Prince", "Foreign", "Defence",
    "Defense", "Secretary", "General", "Gen", "Spokesman", "Spokeswoman", "Officials",
    "Western", "Eastern", "Northern", "Southern", "Central", "State", "Senior", "Vice", "Deputy",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Summit", "Talks", "Meeting", "Ministry", "Government", "Council", "Police",
    "Army", "Parliament", "Congress", "Senate", "Cabinet", "Embassy", "Kremlin", "White", "House",
    "Following", "According", "Despite", "During", "Under", "Meanwhile", "However", "Colonel",
    "Col", "Lt", "Sgt", "Capt", "Rescue", "Rescuers", "Communist", "Party", "Reuters", "Sputnik",
    "Xinhua", "Tass", "Interfax", "Bloomberg", "Agence", "France-Presse", "Associated", "Press",
    "News", "Agency", "Times", "Post", "Journal", "Daily", "Television", "Radio", "Channel",
    "Sources", "Source", "Analysts", "Diplomats", "Ministers", "Leaders", "Minister's", "Olympics",
    "Winter", "Summer", "Games", "Day", "Year", "Week", "Month", "Jr", "Sr",
}


# Capitalised words that are adjectives or titles rather than names, when they stand alone.
_NOT_NAME_ENDINGS = ("an", "ese", "ish", "ing", "ist", "ic", "al", "ern")


def _bare(word: str) -> str:
    return word.rstrip(".,").removesuffix("'s").removesuffix("’s")


@dataclass(frozen=True)
class Participants:
    known: tuple[Mention, ...]       # gazetteer mentions taking part
    names: tuple[str, ...]           # names the gazetteer does not know, as written
    place: Mention | str | None      # where it happens: a gazetteer mention or a name


def scope(sentence: str, left: int, right: int, lo: int, hi: int) -> tuple[int, int, list, int | None, int]:
    """The part of the clause [left, right) of `sentence` (in lower case: scan.lower) that
    reports the event at [lo, hi), and the holes in it: relative clauses and reporting
    participles before the claim (", who met Modi last week,", ", announced on Monday by
    Beijing,"), where the antecedent of a relative clause holding the claim ends, and where the
    clause began (before a reporter it leaves out)."""
    holes, clause_left = [], left
    for m in _REPORTED.finditer(sentence, left, lo):
        if sentence[left:m.start()].rstrip().endswith(","):
            holes.append((m.start(), m.end()))    # a participle set off by commas
        else:
            left = m.end()
    tail = _TRAILING.search(sentence, hi, right)
    if tail:
        right = tail.start()
    relative = _RELATIVE.search(sentence, hi, right)
    if relative:
        right = relative.start()
    holes = [h for h in holes if h[0] >= left]
    for m in _PURPOSE.finditer(sentence, left, right):
        # "met to address Russia's build-up along Ukraine's border": what they met about
        end = lo if m.start() < lo else right
        stop = _CLOSING_COMMA.search(sentence, m.end(), end)
        holes.append((m.start(), stop.start() if stop else end))
    antecedent = None
    for m in _RELATIVE.finditer(sentence, left, lo):
        closing = _CLOSING_COMMA.search(sentence, m.end(), lo)   # not the comma of "1,046"
        if closing:
            holes.append((m.start(), closing.start()))
        else:
            # the claim is in the relative clause ("…state of Arunachal Pradesh, which shares a
            # 1,046 km border with China"): it is about the clause and the name just before it
            holes.append((left, m.start()))
            antecedent = m.start()
    return left, right, holes, antecedent, clause_left


# "Trump on Thursday announced that he will meet Kim", "Biden and Putin said they would talk":
# the pronoun is who reports.
_PRONOUN_SUBJECT = re.compile(r"\s*(?:that\s+)?(?P<pronoun>he|she|they)\s")


def participants(sentence: str, low: str, bounds: tuple, mentions: list[Mention],
                 span: tuple[int, int]) -> Participants:
    """Gazetteer mentions and unknown names within `bounds` (from `scope`), places set apart.
    `low` is the sentence in lower case (scan.lower), for the patterns that ignore case."""
    left, right, holes, antecedent, clause_left = bounds
    known, place = [], None
    pronoun = _PRONOUN_SUBJECT.match(low, left) if clause_left < left else None
    if pronoun:
        reporters = [m for m in mentions if clause_left <= m.start < left and m.entity.kind == "person"]
        if len(reporters) == (2 if pronoun["pronoun"] == "they" else 1) or \
                (pronoun["pronoun"] == "they" and len(reporters) > 2):
            known.extend(reporters)     # people only: "officials in Washington said they…" is no one
    covered = list(holes)
    for m in mentions:
        if not (left <= m.start < right):
            continue
        if any(s <= m.start < e for s, e in holes) and m.end != antecedent:
            continue
        covered.append((m.start, m.end))
        if _TOPIC_BEFORE.search(low, max(left, m.start - 45), m.start):
            continue
        if (_PLACE_BEFORE.search(low, max(left, m.start - 25), m.start)
                or _BORDER_BEFORE.search(low, max(left, m.start - 25), m.start)
                or _BORDER_AFTER.match(low, m.end)):
            place = place or m
        else:
            known.append(m)
    names = []
    for m in _NAME.finditer(sentence, left, right):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in covered) or span[0] <= start < span[1]:
            continue
        words = [w for w in m.group().split()
                 if _bare(w) not in _NOT_NAMES and not _bare(w).isupper()]
        initial = start == 0 or sentence[:start].rstrip().endswith((":", "\"", "“", "(", "—"))
        possessive = m.group().endswith(("'s", "’s"))
        if not words or (len(words) < 2 and ((initial and not possessive)
                                             or _bare(words[0]).endswith(_NOT_NAME_ENDINGS))):
            continue
        name = " ".join(words).removesuffix("'s").removesuffix("’s")
        if _TOPIC_BEFORE.search(low, max(left, start - 45), start):
            continue
        if _PLACE_BEFORE.search(low, max(left, start - 25), start):
            place = place or name
        elif len(name) > 2:
            names.append(name)
    return Participants(tuple(known), tuple(dict.fromkeys(names)), place)
