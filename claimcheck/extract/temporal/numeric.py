"""Dates written with digits and codes: "5/12/2018", "22/04", "Dec/2018", "2019-Q1", "Q3 2020",
"H1 2020", "the first half of 2020", "fiscal 2021", "FY2021".

Day and month order: a part above 12 decides ("22/04" is 22 April, "4/22/2019" is 22 April);
otherwise DATE_ORDER does, month first by default ("5/12/2018" is 12 May 2018), as in the US
wire copy that writes numeric dates most. Set it to "DMY" for a corpus written day first
(set_date_order). Dotted dates ("12.05.2019") are day first whatever the setting. Fiscal years
are taken as calendar years unless FISCAL_START_MONTH says when they begin (a US federal fiscal
2021 starts in October 2020: set_fiscal_start(10)).
"""

from __future__ import annotations

from datetime import date

from claimcheck.extract import calendar as cal
from claimcheck.extract.temporal.patterns import DIGITS, MONTH, month_number, pattern

DATE_ORDER = "MDY"
FISCAL_START_MONTH = 1


def set_date_order(order: str) -> None:
    """ "MDY" (default) or "DMY": how an ambiguous "5/12/2018" is read."""
    global DATE_ORDER
    if order not in ("MDY", "DMY"):
        raise ValueError(order)
    DATE_ORDER = order


def set_fiscal_start(month: int) -> None:
    global FISCAL_START_MONTH
    FISCAL_START_MONTH = month


def _day_month(a: int, b: int, order: str | None = None) -> tuple[int, int] | None:
    """(day, month) of two numbers written day/month or month/day."""
    if a > 12 and b <= 12:
        return a, b
    if b > 12 and a <= 12:
        return b, a
    if a > 12 or b > 12:
        return None
    return (a, b) if (order or DATE_ORDER) == "DMY" else (b, a)


_DIGIT_PAIRS = "0123456789"


@pattern(r"(?<![\w/.-])(?P<a>[0-3]?\d)(?P<sep>[.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:1[6-9]|20)\d\d)(?![\w/-]|\.\d)",
         needs=(DIGITS, tuple(f"{a}{sep}{b}" for a in _DIGIT_PAIRS for sep in ".-" for b in "0123")))
@pattern(r"(?<![\w/.-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:1[6-9]|20)\d\d|\d\d)(?![\w/-])",
         needs=(DIGITS, tuple(f"{a}/" for a in _DIGIT_PAIRS)))
def _slashed(m, ref, direction):
    """"5/12/2018", "12-05-2019" (DATE_ORDER when ambiguous), "12.05.2019" (dots: day first)."""
    dotted = m.groupdict().get("sep") == "."
    parts = _day_month(int(m["a"]), int(m["b"]), "DMY" if dotted else None)
    if parts is None:
        return None
    year = int(m["year"])
    if year < 100:
        year += 2000 if year <= (ref.year % 100 if ref else 30) + 1 else 1900
    d = date(year, parts[1], parts[0])
    return d, d, "day"


_DATE_LEAD = "|".join(f"(?<=\\b{w} )" for w in ("on", "On", "by", "By", "dated", "since", "Since",
                                                   "until", "from", "From", "till", "before", "after"))


@pattern(rf"(?:{_DATE_LEAD})(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?![\w/-]|\.\d)",
         needs=(DIGITS, tuple(f"{a}/" for a in _DIGIT_PAIRS)))
def _slashed_no_year(m, ref, direction):
    """"on 22/04": only after a word that asks for a date, and where one part is above 12 (else
    a score, a fraction or "24/7" as often)."""
    a, b = int(m["a"]), int(m["b"])
    if ref is None or not (a > 12 or b > 12):
        return None
    day, month = _day_month(a, b) or (0, 0)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    d = cal.day_occurrence(ref, month, day, direction)
    return (d, d, "day") if d else None


@pattern(rf"\b{MONTH}/(?P<year>(?:1[6-9]|20)\d\d)\b",
         needs=(DIGITS, tuple(f"{m}/" for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                                 "sep", "oct", "nov", "dec", "sept."))))
def _month_slash_year(m, ref, direction):
    first, last = cal.month_interval(int(m["year"]), month_number(m["month"]))
    return first, last, "month"


@pattern(r"\b(?P<year>(?:19|20)\d\d)[-/ ]?Q(?P<q>[1-4])\b", r"\bQ(?P<q2>[1-4])[-/ ]?(?P<year2>(?:19|20)\d\d)\b",
         r"\b(?P<q3>[1-4])Q[-/ ]?(?P<year3>(?:19|20)\d\d)\b", needs=(DIGITS, ("Q",)))
def _quarter_code(m, ref, direction):
    """"2019-Q1", "Q1 2019", "1Q2019"."""
    groups = m.groupdict()
    year = int(groups.get("year") or groups.get("year2") or groups.get("year3"))
    quarter = int(groups.get("q") or groups.get("q2") or groups.get("q3"))
    first, last = cal.quarter_interval(year, quarter)
    return first, last, "quarter"


@pattern(r"\b(?P<h>H[12])[-/ ]?(?P<year>(?:19|20)\d\d)\b", r"\b(?P<year2>(?:19|20)\d\d)[-/ ]?(?P<h2>H[12])\b",
         needs=(DIGITS, ("H1", "H2")))
def _half_code(m, ref, direction):
    """"H1 2020", "2020 H2": the first or second half of a (calendar) year."""
    groups = m.groupdict()
    year = int(groups.get("year") or groups.get("year2"))
    half = (groups.get("h") or groups.get("h2"))[1]
    if half == "1":
        return date(year, 1, 1), date(year, 6, 30), "half-year"
    return date(year, 7, 1), date(year, 12, 31), "half-year"


@pattern(r"(?i:\b(?:fiscal(?:\s+year)?\s+|FY\s?))(?P<year>(?:19|20)\d\d)\b",
         r"(?i:\bFY\s?)(?P<short>\d\d)\b",
         needs=(("fiscal", "FY"),))
def _fiscal_year(m, ref, direction):
    """"fiscal 2021", "fiscal year 2021", "FY2021", "FY21"."""
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else 2000 + int(groups["short"])
    return _fiscal(year)


@pattern(r"(?i:\b(?P<mod>this|next|last|the\s+current|the\s+previous|the\s+next|the\s+coming)\s+"
         r"fiscal\s+year\b)", needs=("fiscal",), lowered=True)
def _relative_fiscal_year(m, ref, direction):
    if ref is None:
        return None
    mod = " ".join(m["mod"].lower().split())
    current = ref.year + (1 if FISCAL_START_MONTH > 1 and ref.month >= FISCAL_START_MONTH else 0)
    offset = {"next": 1, "the next": 1, "the coming": 1, "last": -1, "the previous": -1}.get(mod, 0)
    return _fiscal(current + offset)


def _fiscal(year: int):
    """The fiscal year named `year` (ending in that year when it does not start in January)."""
    if FISCAL_START_MONTH == 1:
        first, last = cal.year_interval(year)
    else:
        first = date(year - 1, FISCAL_START_MONTH, 1)
        last = cal.month_interval(year, FISCAL_START_MONTH - 1)[1]
    return first, last, "fiscal-year"


@pattern(r"(?<![\w/.-])(?P<year>(?:1[6-9]|20)\d\d)/(?P<m>[01]?\d)/(?P<day>[0-3]?\d)(?![\w/-])",
         needs=(DIGITS, tuple(f"{a}/" for a in _DIGIT_PAIRS)))
def _year_first_slashed(m, ref, direction):
    """"2015/08/12": year, month, day."""
    d = date(int(m["year"]), int(m["m"]), int(m["day"]))
    return d, d, "day"


@pattern(r"(?<![\w-])Q(?P<q>[1-4])(?![\w-]|\s*(?:19|20)\d\d)", needs=(("Q1", "Q2", "Q3", "Q4"),))
def _bare_quarter(m, ref, direction):
    """"in Q4": the quarter of the publication year, or the one before or after as the tense
    points."""
    if ref is None:
        return None
    quarter = int(m["q"])
    first, last = cal.pick([cal.quarter_interval(y, quarter) for y in (ref.year - 1, ref.year, ref.year + 1)],
                           ref, direction)
    return first, last, "quarter"
