"""Readings the quantity finder's main pattern leaves to context: a number in a name ("Windows 10
users"), a ratio ("1 in 5 adults"), "minus", "m" after digits (metres or million), degrees written
as a letter ("38C"), and counts of any plural noun ("400 trees", but not "3 times" or "2019
elections").
"""

from __future__ import annotations

import re

from claimcheck.extract.numbers import NUMBER

# "Windows 10 users", "Section 230 protects", "Boeing 737 pilots": a number in a name
NAMED = re.compile(r"\b(?!(?:The|Some|About|Nearly|Over|Only|All|At|More|Fewer|Less|"
                   r"Around|Almost|Roughly|Up|Just|Another|By|In|On|For|With|Of|To|And|But|Exactly|"
                   r"Approximately|Those|These|Its|Their|His|Her|Our|Until|Since|"
                   r"After|Before|During|From|Under|Than|Then|When|While|Least|Most)\b)"
                   r"[A-Z][A-Za-z]*\.?\s+$")
MINUS = re.compile(r"(?i)\bminus\s+$")
RATIO = re.compile(r"(?i)(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s+(?:in|out\s+of)\s+$")
# "188 miles an hour", "5,000 litres a day": a rate of a unit that is not one already
PER = r"\s+(?:an?|per)\s+(?P<per>(?i:hour|day|minute|second|year|week|month))\b"
# races named by their distance: "the 60m hurdles", "the 400m relay", "the 100m freestyle"
_RACES = (r"(?:hurdles|relay|freestyle|backstroke|breaststroke|butterfly|medley|individual\s+medley|"
          r"sprint|dash|steeplechase|final|finals|heats?|semi-finals?|title|race|record|runners?|"
          r"hurdlers?|sprinters?|swimmers?|champions?|gold|silver|bronze|medal)")
# "1.8m tall", "the 2m-high wall", "the 60m hurdles": metres, where "1.8m" alone would be 1.8 million
_METRES = re.compile(r"(?P<num>\d{1,3}(?:\.\d+)?)(?P<unit>m)(?:-(?:high|tall|long|wide|deep)\b|"
                     r"(?=\s+(?:tall|high|long|wide|deep|away|below|above|underground|in\s+"
                     r"(?:height|length|diameter|depth)|" + _RACES + r")\b))")


# "ran the 100m", "sank 30m": "m" after digits with no currency before and no count after is
# metres ("£9m" is read by measures/money.py, "1.8m viewers" above as a count)
_BARE_METRES = re.compile(r"(?P<num>\d{1,4}(?:\.\d+)?)(?P<unit>m)(?![\w-]|[.,]\d)(?!\s+(?:[a-z]+s|people|men|women|children)\b)")


# "38C", "100F": degrees written as a capital letter right after the digits
DEGREES = re.compile(r"(?P<num>[-\u2212]?\d{1,3}(?:\.\d)?)(?P<unit>C|F)(?![\w'’-])")


LETTER_DEGREES = {"C": "°C", "F": "°F"}


def degrees(text: str, start: int) -> re.Match | None:
    m = DEGREES.match(text, start)
    if m is None:
        return None
    if NAMED.search(text, max(0, start - 30), start):
        return None   # "Category 5C"
    value = float(m["num"].replace("\u2212", "-"))
    plausible = -90 <= value <= 60 if m["unit"] == "C" else -130 <= value <= 140
    return m if plausible else None


# "25 pounds" is money as often as weight: weight only where the words around weigh something
POUNDS = re.compile(rf"(?P<num>(?i:{NUMBER}))\s+(?P<unit>pounds?)\b(?![-'’])")
_WEIGHING = re.compile(r"(?i)\b(?:weigh(?:s|ed|ing|t|ts)?|heav(?:y|ier|iest)|light(?:er|est)|"
                       r"los(?:e|es|t|ing)|drop(?:s|ped|ping)?|shed(?:s|ding)?|gain(?:s|ed|ing)?|"
                       r"baby|babies|newborn|tons?|tonnes?|kilo(?:gram)?s?|kg|ounces?|obes\w*|diet\w*)\b")


_PAYING = re.compile(r"(?i)\b(?:cost(?:s|ing)?|paid|pay(?:s|ing)?|fined?|price[sd]?|worth|spen[dt]|"
                     r"charged?|fees?|sal(?:ary|e)|wages?|bills?|tax(?:es)?|earn(?:s|ed)?|sold|bought|"
                     r"raised|donated|owed?|million|billion)\b[^.;]*$")


def weighed_pounds(text: str, start: int) -> re.Match | None:
    """"weighing 300 pounds", "lost 25 pounds", "a metric ton is 2,204.62 pounds": pounds of
    weight; a pound with a currency word near ("fined 25 pounds") is left to be money or nothing."""
    m = POUNDS.match(text, start)
    if m is None or not _WEIGHING.search(text, max(0, start - 60), min(len(text), m.end() + 30)):
        return None
    if _PAYING.search(text, max(0, start - 25), start):
        return None    # "weighed 50 pounds and cost 30 pounds"
    return m


# "rotate 90 degrees", "tilted 23.5 degrees": an angle; "rose 5 degrees" is left alone (weather)
ANGLE = re.compile(rf"(?P<num>(?i:{NUMBER}))\s*(?P<unit>degrees?|°)(?![\w°])"
                   r"(?!\s*(?:C|F|Celsius|Fahrenheit|centigrade)\b)")
_TURNING = re.compile(r"(?i)\b(?:rotat\w*|turn\w*|tilt\w*|angle[sd]?|swivel\w*|pivot\w*|veer\w*|"
                      r"inclin\w*|spun|spin\w*|twist\w*|bearing|heading|latitude|longitude)\b")


def angle(text: str, start: int) -> re.Match | None:
    m = ANGLE.match(text, start)
    if m is None or not (_TURNING.search(text, max(0, start - 30), start)
                         or _TURNING.match(text, m.end() + 1)):
        return None
    return m


def unit_read(m: re.Match, unit: str) -> str:
    """The unit word a reading's match stands for: "38C" is °C, pounds of weight are "lb",
    degrees of turning "arcdegree" (not the weather's degrees); other matches as written."""
    if m.re is DEGREES:
        return LETTER_DEGREES.get(unit, unit)
    return {POUNDS: "lb", ANGLE: "arcdegree"}.get(m.re, unit)


def bare_metres(text: str, start: int) -> re.Match | None:
    if start and text[start - 1] in "$€£¥₹₽₩₺₦₴₪":
        return None
    return _BARE_METRES.match(text, start)


def metres(text: str, start: int) -> re.Match | None:
    if start + 1 < len(text) and text[start].isdigit():
        return _METRES.match(text, start)
    return None


# A plural noun: a word ending in "s" (not "ss", "us", "is") or an irregular plural.
PLURAL = r"(?:[a-z][a-z-]*[a-hj-rtv-z]s|[a-z]*(?:men|people|children|police|cattle|sheep|aircraft|personnel|staff|crew|feet|teeth|geese|mice))"
# plural-looking words that are not counts of things, or are read by other finders
_NOT_COUNTS = frozenset("""times others ones years months weeks days hours minutes seconds decades
centuries percent pounds dollars francs shekels dirhams riyals reais hryvnias lire euros yen yuan rupees pesos rubles roubles cents pence bucks
kilometres kilometers miles metres meters feet inches yards acres hectares tonnes tons litres liters
gallons degrees points goals runs wickets sets games odds this its his has was does goes lens news
series means species whereas perhaps afterwards towards always sometimes aftermath nos yes
indoors outdoors overseas backwards forwards upwards downwards nowadays besides""".split())
_NOT_MODIFIERS = frozenset("""the a an of in on at to for by with from and or but as than that which
who were was are is be been being have has had will would could should may might must did do does
more most per each every all about over under some any no not its their his her our your my
year years month months week weeks day days old""".split()) - {"more"}


def generic_noun(m: re.Match) -> bool:
    noun = m["noun"]
    if noun in _NOT_COUNTS or (m["mods"] and m["mods"] in _NOT_MODIFIERS):
        return False
    number = m["num"]
    if number.isdigit() and len(number) == 4 and 1800 <= int(number) <= 2100:
        return False   # "2019 elections": a year
    return number.lower() not in ("one", "a", "an", "zero")


def counts_things(written: str, value: float) -> bool:
    """Whether a number can count things: not a fraction ("half", "two-thirds") or a negative."""
    return value >= 1 and float(value).is_integer() or value > 1000
