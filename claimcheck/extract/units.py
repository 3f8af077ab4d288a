"""Unit words as written in news copy, read by one pint registry per process.

Which words are units is a table (`UNITS` below: pint unit name → the news spellings of its
symbol and abbreviations); the names, plurals and British spellings ("metres", "litres") are
derived from it, and what a unit means — its dimension and its conversion — is pint's. Only the
words listed are taken as units: letting pint guess at any word is how "a handshake" becomes
hectare·newton·day and "1 in 5" an inch. pint's answers for every unit listed here are kept in
claimcheck/unit_table.py (generated from pint, and checked against it by the tests), so pint
itself (a second to import and build) is loaded only for a unit that table does not know. Count
nouns ("troops", "people") come from the rule pack.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from claimcheck import unit_table

if TYPE_CHECKING:
    import pint

# pint unit name → extra written forms (symbols, news abbreviations). Names, plurals and British
# spellings of the name are added by written_forms(). Ambiguous symbols are left out on purpose:
# "in" (inch), "a" (year), "h", "s", "t", "l", "g", "min", "d".
UNITS: dict[str, tuple[str, ...]] = {
    # length
    "kilometer": ("km", "kms", "klm"), "meter": ("m",), "centimeter": ("cm",),
    "millimeter": ("mm",), "micrometer": ("µm", "μm", "micron", "microns"), "nanometer": ("nm",),
    "mile": ("mi",), "nautical_mile": ("nmi",), "foot": ("ft", "feet"), "inch": ("inches",),
    "yard": ("yd", "yds"),
    # area
    "kilometer**2": ("sq km", "km2", "km²", "km^2", "square kilometre", "square kilometres",
                     "square kilometer", "square kilometers", "square km", "km squared"),
    "meter**2": ("sq m", "m2", "m²", "m^2", "square metre", "square metres", "square meter",
                 "square meters"),
    "mile**2": ("sq mi", "square mile", "square miles"),
    "foot**2": ("sq ft", "square foot", "square feet"),
    "hectare": ("ha",), "acre": (),
    # volume
    "meter**3": ("cubic metre", "cubic metres", "cubic meter", "cubic meters", "m3", "m³", "m^3"),
    "kilometer**3": ("cubic kilometre", "cubic kilometres", "cubic kilometer", "cubic kilometers",
                     "km3", "km³", "km^3", "cubic km", "km cubed"),
    "foot**3": ("cubic foot", "cubic feet", "cu ft"),
    "liter": ("litre", "litres"), "milliliter": ("ml", "millilitre", "millilitres"),
    "centiliter": ("cl", "centilitre", "centilitres"),
    "tablespoon": ("tbsp",), "teaspoon": ("tsp",),
    "hectoliter": ("hl", "hectolitre", "hectolitres"),
    "gallon": ("gal", "gals"), "oil_barrel": ("barrel", "barrels", "bbl"),
    # mass
    "kilogram": ("kg", "kgs", "kilo", "kilos", "kilogramme", "kilogrammes"),
    "gram": ("gm", "gramme", "grammes"), "milligram": ("mg", "milligramme", "milligrammes"),
    "microgram": ("µg", "μg", "mcg", "microgramme", "microgrammes"), "metric_ton": ("tonne", "tonnes", "metric ton", "metric tons",
                                                      "metric tonne", "metric tonnes"),
    "short_ton": ("ton", "tons"), "pound": ("lb", "lbs"), "ounce": ("oz",),
    # speed and flow
    "kilometer/hour": ("kph", "kmph", "km/h", "kmh", "km/hr", "km per hour", "kilometres per hour",
                       "kilometers per hour", "kilometres an hour", "kilometers an hour"),
    "mile/hour": ("mph", "miles per hour", "miles an hour"), "knot": ("knots", "kn"),
    "meter/second": ("m/s", "metres per second", "meters per second"),
    "mile/gallon": ("mpg", "miles per gallon", "miles to the gallon"),
    "oil_barrel/day": ("bpd", "b/d", "barrels per day", "barrels a day"),
    "horsepower": ("hp", "bhp"),
    "meter**3/second": ("cubic metres per second", "cubic meters per second"),
    # temperature (offset units: see to_base)
    "degree_Celsius": ("°C", "ºC", "° C", "C°", "degrees Celsius", "degree Celsius", "degrees C",
                       "degrees centigrade", "celsius"),
    "degree_Fahrenheit": ("°F", "ºF", "° F", "degrees Fahrenheit", "degree Fahrenheit",
                          "degrees F", "fahrenheit"),
    # power and energy
    "watt": ("W",), "kilowatt": ("kW",), "megawatt": ("MW", "mw"), "gigawatt": ("GW",),
    "kilowatt_hour": ("kWh", "kilowatt-hour", "kilowatt-hours"),
    "megawatt_hour": ("MWh", "megawatt-hour", "megawatt-hours"),
    "gigawatt_hour": ("GWh", "gigawatt-hour", "gigawatt-hours"),
    "terawatt_hour": ("TWh", "terawatt-hour", "terawatt-hours"),
    "kilocalorie": ("kcal",), "calorie": ("cal",),
    # data
    "gigabyte": ("GB",), "terabyte": (), "megabyte": ("MB",),
    # angles ("degrees" alone is read as an angle only after words of turning: readings.angle)
    "radian": ("rad",), "turn": (), "arcdegree": (),
}
# derived forms that are not units in news copy: "five pounds" is money as often as weight
_NOT_UNITS = {"pound", "pounds"}

# A unit name said differently in British English, and names whose plural is not name + "s".
_BRITISH = {"meter": "metre", "liter": "litre"}
_NO_PLURAL = {"foot", "inch"}


def written_forms() -> dict[str, str]:
    """Every written form (lower case, except symbols whose case matters) → pint expression."""
    forms: dict[str, str] = {}
    for name, extra in UNITS.items():
        if "*" not in name and "/" not in name:
            words = {name.replace("_", " ")}
            for american, british in _BRITISH.items():
                if american in name:
                    words.add(name.replace(american, british).replace("_", " "))
            for word in list(words):
                if name not in _NO_PLURAL:
                    words.add(word + "s")
            for word in words - _NOT_UNITS:
                forms.setdefault(word, name)
        for form in extra:
            forms.setdefault(form if _CASED(form) else form.lower(), name)
    return forms


def _CASED(form: str) -> bool:
    """Symbols whose case carries meaning ("MW" megawatt, "mW" would be milliwatt; "W", "GB")."""
    return any(c.isupper() for c in form) and " " not in form and not form[0] in "°ºC"


UNIT_WORDS = written_forms()
# words written with a capital that are units only as written (case-sensitive in the regex)
CASED_UNITS = frozenset(f for f in UNIT_WORDS if _CASED(f))

# words that also end a compound adjective ("a 2,600-mile border"): singular forms only
ADJECTIVE_UNITS = ("kilometre", "kilometer", "km", "mile", "metre", "meter", "foot", "ft", "yard",
                   "tonne", "ton", "hectare", "acre", "megawatt", "square-mile", "square-kilometre",
                   "inch", "centimetre", "centimeter", "millimetre", "millimeter", "litre", "liter",
                   "gallon", "pound", "kilogram", "kilo", "mph", "square-foot", "megawatt-hour",
                   "kilowatt", "gigawatt", "acre", "nautical-mile", "metric-ton", "ounce", "gram")

COUNT = "count"
# units of time, read by measures/durations.py and in rates ("miles an hour"); not in UNIT_WORDS,
# so the quantity finder leaves "one day" alone
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "fortnight", "month", "year",
                        "decade", "century", "millennium"})


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """pint parses its definitions file on every start (about half a second); with a cache folder
    it reads them back pre-parsed on later runs."""
    import pint   # late: a run whose units are all in claimcheck/unit_table.py never needs it
    try:
        return pint.UnitRegistry(cache_folder=":auto:")
    except Exception:  # noqa: BLE001 - an unwritable cache folder must not stop a run
        return pint.UnitRegistry()


def _expression(written: str) -> str:
    if written in UNIT_WORDS or written in TIME_UNITS:
        return UNIT_WORDS.get(written, written)
    if "/" in written and written not in UNIT_WORDS:
        return written
    key = " ".join(written.lower().replace("-", " ").split())
    return UNIT_WORDS.get(key) or UNIT_WORDS[written.lower()]


@lru_cache(maxsize=None)
def unit_info(written: str) -> tuple[str, str, float, str]:
    """(canonical unit name, dimension, factor to base units, base unit name) of a unit word.

    For offset units (°C, °F) the factor is that of a temperature difference; to_base converts
    the values themselves.
    """
    expression = _expression(written)
    known = unit_table.units().get(expression)
    return known if known is not None else pint_unit_info(expression)


def pint_unit_info(expression: str) -> tuple[str, str, float, str]:
    """unit_info of a pint expression, as pint answers (claimcheck/unit_table.py keeps these)."""
    unit = registry().parse_units(expression)
    base = registry().Quantity(1, unit).to_base_units() if _offset(unit) else (1 * unit).to_base_units()
    dimension = "dimensionless" if unit.dimensionless else str(unit.dimensionality)
    if dimension == "dimensionless" and str(base.units) == "radian":
        dimension = "[angle]"   # pint counts angles as pure numbers: "90 degrees" is no count
    return str(unit), dimension, float(base.magnitude), str(base.units)


def _offset(unit) -> bool:
    return not registry()._units[str(unit)].is_multiplicative if str(unit) in registry()._units else False


def to_base(written: str, low: float, high: float) -> tuple[float, float, str, str]:
    """Convert [low, high] in a written unit to base units: (low, high, base unit, dimension)."""
    name, dimension, factor, base_unit = unit_info(written)
    if name in OFFSET_UNITS:
        known = unit_table.temperatures().get(name)
        if known is not None:   # pint's own arithmetic: value * scale + offset, in kelvin
            scale, offset = known
            return low * scale + offset, high * scale + offset, "kelvin", dimension
        q = registry().Quantity
        return (float(q(low, name).to("kelvin").magnitude), float(q(high, name).to("kelvin").magnitude),
                "kelvin", dimension)
    return low * factor, high * factor, base_unit, dimension


OFFSET_UNITS = ("degree_Celsius", "degree_Fahrenheit")


def pint_temperature(name: str) -> tuple[float, float]:
    """(scale, offset) of an offset unit's conversion to kelvin, as pint holds them."""
    converter = registry()._units[name].converter
    return float(converter.scale), float(converter.offset)


def rate_unit(written: str, per: str) -> str:
    """The written form of "<unit> an hour" / "<unit> per day" as one expression ("mile/hour")."""
    return f"{_expression(written)}/{per}"
