"""Amounts of money: "$1.2bn", "US$300 million", "€45", "20 billion yuan", "5,000 rubles", "£3m".

The unit is the ISO 4217 code of the currency; the dimension names it too ("[currency:USD]"), so
amounts are compared only within one currency (no exchange rates are assumed). A bare "$" is US
dollars, a bare "¥" yen. The number is read like any other ("$1.2bn" is 1.15–1.25 billion).
"""

from __future__ import annotations

import re

from claimcheck.extract.measures.windows import NUMBER_LEAD, matches
from claimcheck.extract.numbers import NUMBER, parse_number
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
         "mexican pesos": "MXN", "cents": "USD/100"}
_CODE = {**{c: c for c in CODES}, "RMB": "CNY"}

_SYMBOL = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_CODE_ALT = "|".join(CODES)
_NAME = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(NAMES, key=len, reverse=True))
_NUM = rf"(?P<num>(?i:{NUMBER}))"
_RANGE = rf"(?:\s*(?:-|–|to)\s*(?:{_SYMBOL})?\s?(?P<num2>(?i:{NUMBER})))?"
# the currency before the number ("$5", "USD 5") or after it ("5 euros", "5 million EUR")
_BEFORE = re.compile(
    rf"(?:(?P<symbol>{_SYMBOL})\s?|(?P<code>{_CODE_ALT})\s)(?![-\u2212])"
    rf"{_NUM}{_RANGE}(?![\w%])(?:\s+(?P<after>(?i:{_NAME}))\b)?(?P<code2>)?(?P<name>)?")
_AFTER = re.compile(rf"(?P<symbol>)?(?P<code>)?(?P<after>)?{_NUM}{_RANGE}\s*"
                    rf"(?:(?P<code2>{_CODE_ALT})\b|(?P<name>(?i:{_NAME}))\b)")
_START = Scanner(rf"{_SYMBOL}|\b(?:{_CODE_ALT})\b")
_AFTER_START = Scanner(rf"\b(?:{_CODE_ALT})\b|(?i:\b(?:{_NAME})\b)")
# "won" is a verb after a number as often as a currency: only with a scale word before it
_WON_NEEDS_SCALE = re.compile(r"(?i)(?:million|billion|trillion|bn|m)\s+$")


def find(text: str) -> list[QuantityMention]:
    found: list[QuantityMention] = []
    taken = -1
    candidates = sorted([*matches(_BEFORE, _START, text, 0, 60), *matches(_AFTER, _AFTER_START, text, 40, 40, NUMBER_LEAD)],
                        key=lambda m: (m.start(), -m.end()))
    for m in candidates:
        if m.start() < taken:
            continue
        if m.start() and (text[m.start() - 1].isalnum() and not m["symbol"]):
            continue
        mention = _mention(m, text)
        if mention is not None:
            found.append(mention)
            taken = m.end()
    return _between(found, text)


_BETWEEN = re.compile(r"(?i)\bbetween\s+$")


def _between(found: list[QuantityMention], text: str) -> list[QuantityMention]:
    """"between $5 million and $7 million" is one range, as the quantity finder reads ranges."""
    merged: list[QuantityMention] = []
    for mention in found:
        last = merged[-1] if merged else None
        if (last is not None and last.unit == mention.unit and last.hedge is None
                and text[last.end:mention.start].strip().lower() == "and"
                and _BETWEEN.search(text, max(0, last.start - 12), last.start)
                and last.low <= mention.high):
            start = _BETWEEN.search(text, max(0, last.start - 12), last.start).start()
            merged[-1] = QuantityMention(start, mention.end, text[start:mention.end], last.low,
                                         mention.high, last.unit, last.base_low,
                                         mention.base_high, last.base_unit, last.dimension, None)
        else:
            merged.append(mention)
    return merged


def currency_of(m: re.Match) -> tuple[str, float] | None:
    """(ISO code, factor) of a match: "cents" are hundredths of a dollar."""
    if m["symbol"]:
        code = SYMBOLS[m["symbol"]]
        if m["after"]:  # "$5 million Canadian dollars": the name decides
            code = NAMES[" ".join(m["after"].lower().split())]
    elif m["code"] or m["code2"]:
        code = _CODE[m["code"] or m["code2"]]
    else:
        name = " ".join(m["name"].lower().split())
        if name == "won" and not _WON_NEEDS_SCALE.search(m.string, 0, m.start("name")):
            return None
        code = NAMES[name]
    if code.endswith("/100"):
        return code[:-4], 0.01
    return code, 1.0


def _mention(m: re.Match, text: str) -> QuantityMention | None:
    currency = currency_of(m)
    first = parse_number(m["num"])
    if currency is None or first is None or first.value < 0:
        return None
    if not m["num"][0].isdigit() and not (m["symbol"] or m["code"]) and first.value < 2:
        return None   # "a dollar", "one euro coin": not an amount anyone reports
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
