"""Amounts of money: "$1.2bn", "US$300 million", "€45", "20 billion yuan", "5,000 rubles", "£3m".

The unit is the ISO 4217 code of the currency; the dimension names it too ("[currency:USD]"), so
amounts are compared only within one currency (no exchange rates are assumed). A bare "$" is US
dollars, a bare "¥" yen. The number is read like any other ("$1.2bn" is 1.15–1.25 billion).
"""

from __future__ import annotations

import re

from claimcheck.alternation import word_alternation
from claimcheck.extract.numbers import NUMBER, Number, parse_number
from claimcheck.extract.scan import Scanner

from claimcheck.extract.quantities import QuantityMention, hedge_of, hedged, scaled_like

# symbols and prefixed symbols written before the number
SYMBOLS = {"US$": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
           "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "€": "EUR",
           "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₦": "NGN",
           "₴": "UAH", "₪": "ILS", "Rs.": "INR", "Rs": "INR"}
# ISO codes written before or after the number ("USD 5 million", "5 million EUR")
CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "RUB", "CHF", "CAD", "AUD", "HKD",
         "KRW", "TRY", "BRL", "ZAR", "NGN", "UAH", "MXN", "SEK", "NOK", "DKK", "PLN", "SAR", "AED")
# currency names written after the number, longest first in the regex
NAMES = {"us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "dollars": "USD",
         "dollar": "USD", "australian dollars": "AUD", "canadian dollars": "CAD",
         "hong kong dollars": "HKD", "new zealand dollars": "NZD", "singapore dollars": "SGD",
         "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
         "british pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
         "rupees": "INR", "indian rupees": "INR", "rubles": "RUB", "roubles": "RUB",
         "swiss francs": "CHF", "won": "KRW", "south korean won": "KRW", "lira": "TRY",
         "turkish lira": "TRY", "rand": "ZAR", "naira": "NGN", "hryvnias": "UAH", "hryvnia": "UAH",
         "shekels": "ILS", "dirhams": "AED", "riyals": "SAR", "reais": "BRL",
         "mexican pesos": "MXN", "cents": "USD/100", "pence": "GBP/100",
         "argentine pesos": "ARS", "chilean pesos": "CLP", "colombian pesos": "COP",
         "philippine pesos": "PHP", "pakistani rupees": "PKR", "indonesian rupiah": "IDR",
         "rupiah": "IDR", "baht": "THB", "ringgit": "MYR", "zlotys": "PLN", "zloty": "PLN",
         "forints": "HUF", "forint": "HUF", "danish kroner": "DKK", "norwegian kroner": "NOK",
         "swedish kronor": "SEK", "kronor": "SEK", "kenyan shillings": "KES", "cedis": "GHS",
         # the currencies the euro replaced, which corpora of older news are full of (a bare
         # "francs" or "marks" could be any of several, so only with the country's name)
         "french francs": "FRF", "belgian francs": "BEF", "deutsche marks": "DEM",
         "deutschmarks": "DEM", "german marks": "DEM", "pesetas": "ESP", "dutch guilders": "NLG",
         "guilders": "NLG", "markka": "FIM", "markkaa": "FIM", "finnish markka": "FIM",
         "lire": "ITL", "italian lire": "ITL", "escudos": "PTE", "drachmas": "GRD",
         "austrian schillings": "ATS", "irish punts": "IEP",
         # wire abbreviations ("2.4 mln dlrs, or 15 cts a share", "50 mln stg")
         "dlrs": "USD", "dlr": "USD", "cts": "USD/100", "stg": "GBP"}
_CODE = {**{c: c for c in CODES}, "RMB": "CNY"}
_ZERO = Number(0.0, 0.0)

_SYMBOL = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_CODE_ALT = "|".join(CODES)
_NAME = word_alternation(NAMES, r"\s+")
# "$2.1T", "€10B": a magnitude letter right after the digits, where an amount of money is the
# only reading (a bare "10B" is a grade, a vitamin or a form)
_NUM = rf"(?P<num>(?i:{NUMBER}(?:(?<=\d)(?:b|tn|trn|t)\b)?))"
_RANGE = rf"(?:\s*(?:-|–|to)\s*(?:{_SYMBOL})?\s?(?P<num2>(?i:{NUMBER})))?"
# the currency before the number: "$5", "US$300 million", "USD 40 million"
_BEFORE = re.compile(
    rf"(?:(?P<symbol>{_SYMBOL})\s?|(?P<code>{_CODE_ALT})\s)(?![-\u2212])"
    rf"{_NUM}{_RANGE}(?![\w%])(?:\s+(?P<after>(?i:{_NAME}))\b)?")
_START = Scanner(rf"{_SYMBOL}|\b(?:{_CODE_ALT})\s")
# what follows a numeral found by the quantity finder: "20 billion yuan", "50 million EUR"
SUFFIX = rf"\s*(?:(?P<money_code>{_CODE_ALT})\b|(?P<money>(?i:{_NAME}))\b)"
# "won" is a verb after a number as often as a currency: only with a scale word before it
_WON_NEEDS_SCALE = re.compile(r"(?i)(?:million|billion|trillion|bn|m)\s+$")


def find(text: str) -> list[QuantityMention]:
    """Amounts written with the currency before the number; "between $5m and $7m" as one."""
    found: list[QuantityMention] = []
    taken = -1
    for start in _START.starts(text):
        if start < taken or (start and text[start - 1].isalnum() and text[start] not in SYMBOL_CHARS):
            continue
        m = _BEFORE.match(text, start)
        if m is None:
            continue
        mention = _mention(m, text, _before_currency(m))
        if mention is not None:
            found.append(mention)
            taken = m.end()
    return _between(found, text)


SYMBOL_CHARS = "$€£¥₹₽₩₺₦₴₪"


def after_number(m: re.Match, text: str) -> QuantityMention | None:
    """A numeral followed by SUFFIX (a currency code or name)."""
    if m["money_code"]:
        return _mention(m, text, (_CODE[m["money_code"]], 1.0))
    name = " ".join(m["money"].lower().split())
    if name == "won" and not _WON_NEEDS_SCALE.search(text, 0, m.start("money")):
        return None
    if not m["num"][0].isdigit() and (parse_number(m["num"]) or _ZERO).value < 2:
        return None   # "a dollar", "one euro coin": not an amount anyone reports
    return _mention(m, text, _named(name))


def sterling(m: re.Match, text: str) -> QuantityMention | None:
    """A scaled number before "-pound" ("a 10 billion-pound deal"): an amount in pounds sterling."""
    return _mention(m, text, ("GBP", 1.0))


def _before_currency(m: re.Match) -> tuple[str, float]:
    if m["symbol"]:
        code = SYMBOLS[m["symbol"]]
        if m["after"]:  # "$5 million Canadian dollars": the name decides
            code = _named(" ".join(m["after"].lower().split()))[0]
        return code, 1.0
    return _CODE[m["code"]], 1.0


def _named(name: str) -> tuple[str, float]:
    """(ISO code, factor) of a currency name: "cents" are hundredths of a dollar."""
    code = NAMES[name]
    if code.endswith("/100"):
        return code[:-4], 0.01
    return code, 1.0


def _mention(m: re.Match, text: str, currency: tuple[str, float]) -> QuantityMention | None:
    first = parse_number(m["num"])
    if first is None or first.value < 0:
        return None
    code, factor = currency
    hedge, start = hedge_of(text, m.start())
    if m["num2"]:
        second = parse_number(m["num2"])
        if second is None or second.value < first.value:
            return None
        first = scaled_like(m["num"], first, m["num2"])
        low, high = first.value - first.half_width, second.value + second.half_width
    else:
        low, high = hedged(first.value, first.half_width, hedge)
    low, high = low * factor, high * factor
    return QuantityMention(start, m.end(), text[start:m.end()], low, high, code, low, high, code,
                           f"[currency:{code}]", hedge)



_BETWEEN = re.compile(r"(?i)\bbetween\s+$")


def _between(found: list[QuantityMention], text: str) -> list[QuantityMention]:
    """"between $5 million and $7 million" is one range, as the quantity finder reads ranges."""
    merged: list[QuantityMention] = []
    for mention in found:
        last = merged[-1] if merged else None
        before = last and _BETWEEN.search(text, max(0, last.start - 12), last.start)
        if (before and last.unit == mention.unit and last.hedge is None
                and text[last.end:mention.start].strip().lower() == "and"
                and last.low <= mention.high):
            merged[-1] = QuantityMention(before.start(), mention.end, text[before.start():mention.end],
                                         last.low, mention.high, last.unit, last.base_low,
                                         mention.base_high, last.base_unit, last.dimension, None)
        else:
            merged.append(mention)
    return merged
