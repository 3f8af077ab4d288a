"""Aliases of a leader from the Factbook's `as_written` ("President Vladimir Vladimirovich PUTIN
(since 7 May 2012)"), which capitalises the surname: the full name, given name and surname, title
and surname, and the surname alone where it is safe."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

# Surnames that are English words but that news writes alone only for the person.
FAMOUS = {"Xi", "Trump", "Macron"}
# Given names many people share, which news never uses alone for one leader.
COMMON_NAMES = {"Muhammad", "Mohamed", "Mohammed", "Ahmad", "Ahmed", "Ali", "Abdullah",
                "Salman", "Hassan"}
# Names that stand alone in news for something else: a weekday ("Friday prayers" is not Godwin
# Friday), a group ("Boko Haram" is not Duma Boko), a given or family name many people share
# ("Christian", "Davis", "Rodríguez"), or a royal's given name used with a title ("King Harald").
NEVER_ALONE = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
               "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December", "Boko", "Christian", "Guillaume",
               "Pierre", "Michal", "Ibrahim", "Rashid", "Hamad", "Davis", "Mitchell", "Phillips",
               "Browne", "Nielsen", "Clausen", "Squires", "Connolly", "Rodríguez", "Bryan",
               "Harald", "Halina", "Tove", "Haitham", "Mishal", "Tamim", "Salam", "Levi", "Eman",
               "Philippe", "Heine", "Haas"}
MIN_SURNAME = 4
_DATE = re.compile(r"\b(\d{1,2} [A-Z][a-z]+ \d{4})\b")
_ROMAN = re.compile(r"[IVXL]+")
_PARTICLES = {"de", "da", "dos", "e", "van", "der", "el", "bin", "al", "Al"}
TITLE_WORDS = {"presidency", "president", "minister", "ministers", "king", "queen", "premier", "affairs",
               "political", "sir", "sr.", "gen.", "gnu", "cnsp", "prime", "interim", "transition",
               "acting", "crown", "prince", "chief", "caretaker", "dr.", "gnu", "cnsp"}


@dataclass(frozen=True)
class Leader:
    id: str                      # given name and surname, as news writes it: "Vladimir Putin"
    full: str                    # "Vladimir Vladimirovich Putin"
    surname: str
    title: str
    since: date | None


def parse_date(text: str) -> date | None:
    m = _DATE.search(text or "")
    for form in ("%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(m.group(1), form).date() if m else None
        except ValueError:
            continue
    return None


def parse(title: str, name: str, since: str, as_written: str, others=frozenset()) -> Leader | None:
    """None for rows that name another country's leader ("President of China XI Jinping") or no
    one we can read; `others` are country names, which such rows put before the name."""
    if not name.strip() or name.split()[0] in others:
        return None
    head = re.split(r"\(| is |\[|,", as_written)[0]
    tokens = head.split()
    caps = [i for i, t in enumerate(tokens) if _is_caps(t) and t.casefold() not in TITLE_WORDS]
    if not caps:
        return None
    known = {t.casefold() for t in name.split()} - TITLE_WORDS
    start = caps[0]
    while start > 0 and (tokens[start - 1].casefold() in known or tokens[start - 1] in _PARTICLES
                         and start > 1 and tokens[start - 2].casefold() in known):
        start -= 1
    end = caps[-1] + 1
    while end < len(tokens) and (tokens[end].casefold() in known or tokens[end] in _PARTICLES or (
            tokens[end - 1] in _PARTICLES or tokens[end - 1].startswith("al-")) and tokens[end][:1].isupper()
            or tokens[end].startswith("al-")):
        end += 1
    while end > caps[-1] + 1 and tokens[end - 1] in _PARTICLES:
        end -= 1
    regnal = {i for i in caps if i > caps[0] and _ROMAN.fullmatch(tokens[i])}   # "CHARLES III"
    words = [_title(t) if i in caps and i not in regnal else t for i, t in enumerate(tokens)]
    surname = " ".join(words[i] for i in caps) if regnal else " ".join(words[i] for i in caps)
    full = " ".join(words[start:end])
    if caps[0] == start:             # surname first ("XI Jinping", "KIM Jong Un") or one name
        given = name.casefold().split()
        prefix = [w.casefold() for w in words[start:start + len(given)]] == given
        # the profile's own shorter form, if it begins the name: "Muhammad Bin Salman"
        short = " ".join(words[start:start + len(given)]) if prefix and 1 < len(given) < end - start \
            else full
    else:
        short = f"{words[start]} {' '.join(words[caps[0]:caps[-1] + 1])}"
    clean_title = " ".join(tokens[:start]).strip()
    return Leader(short, full, surname or full, clean_title,
                  parse_date(since) or parse_date(as_written))


def aliases(leader: Leader, safe_surname: bool, extra=()) -> list[str]:
    out = [leader.id, leader.full, *extra]
    if leader.title and len(leader.title.split()) <= 3:
        out += [f"{leader.title} {leader.surname}", f"{leader.title} {leader.id}"]
    if safe_surname:
        out.append(leader.surname)
    return list(dict.fromkeys(a for a in out if a))


def surname_is_safe(surname: str, english_words: set[str], shared: bool) -> bool:
    """Alone, a surname names the leader unless it is an English word, short, or shared by two
    leaders in office at once."""
    if surname in FAMOUS:
        return True
    if surname in NEVER_ALONE:
        return False
    return not shared and surname not in COMMON_NAMES and len(surname) >= MIN_SURNAME and surname.lower() not in english_words \
        and " " not in surname


def _is_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and "." not in token and all(c.isupper() for c in letters)


def _title(token: str) -> str:
    return "-".join(p[:1] + p[1:].lower() for p in token.split("-"))
