"""Unit words as written in news copy, read by one pint registry per process.

Only the words listed here are taken as units: letting pint guess at any word is how "a handshake"
becomes hectare·newton·day. Count nouns ("troops", "people") come from the rule pack.
"""

from __future__ import annotations

from functools import lru_cache

import pint

# written form (lowercase, singular or plural) → pint expression
UNIT_WORDS = {
    "km": "kilometer", "kms": "kilometer", "kilometre": "kilometer", "kilometres": "kilometer",
    "kilometer": "kilometer", "kilometers": "kilometer",
    "mile": "mile", "miles": "mile", "mi": "mile",
    "nautical mile": "nautical_mile", "nautical miles": "nautical_mile",
    "metre": "meter", "metres": "meter", "meter": "meter", "meters": "meter",
    "foot": "foot", "feet": "foot", "ft": "foot", "yard": "yard", "yards": "yard",
    "centimetre": "centimeter", "centimetres": "centimeter", "cm": "centimeter",
    "square kilometre": "kilometer**2", "square kilometres": "kilometer**2",
    "square kilometer": "kilometer**2", "square kilometers": "kilometer**2",
    "sq km": "kilometer**2", "square mile": "mile**2", "square miles": "mile**2",
    "sq mi": "mile**2", "hectare": "hectare", "hectares": "hectare", "acre": "acre", "acres": "acre",
    "tonne": "metric_ton", "tonnes": "metric_ton", "ton": "short_ton", "tons": "short_ton",
    "kg": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram",
    "kph": "kilometer/hour", "km/h": "kilometer/hour", "mph": "mile/hour",
    "kilometres per hour": "kilometer/hour", "kilometers per hour": "kilometer/hour",
    "km per hour": "kilometer/hour", "miles per hour": "mile/hour",
    "cubic metre": "meter**3", "cubic metres": "meter**3", "cubic meter": "meter**3",
    "cubic meters": "meter**3", "cubic kilometre": "kilometer**3", "cubic kilometres": "kilometer**3",
    "cubic metres per second": "meter**3/second", "cubic meters per second": "meter**3/second",
    "litre": "liter", "litres": "liter", "liter": "liter", "liters": "liter",
    "barrel": "oil_barrel", "barrels": "oil_barrel",
    "megawatt": "megawatt", "megawatts": "megawatt", "mw": "megawatt",
}

# words that also end a compound adjective ("a 2,600-mile border"): singular forms only
ADJECTIVE_UNITS = ("kilometre", "kilometer", "km", "mile", "metre", "meter", "foot", "ft", "yard",
                   "tonne", "ton", "hectare", "acre", "megawatt", "square-mile", "square-kilometre")

COUNT = "count"


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """pint parses its definitions file on every start (about half a second); with a cache folder
    it reads them back pre-parsed on later runs."""
    try:
        return pint.UnitRegistry(cache_folder=":auto:")
    except Exception:  # noqa: BLE001 - an unwritable cache folder must not stop a run
        return pint.UnitRegistry()


@lru_cache(maxsize=None)
def unit_info(written: str) -> tuple[str, str, float, str]:
    """(canonical unit name, dimension, factor to base units, base unit name) of a unit word.

    Only multiplicative units are listed, so a factor is all a conversion needs.
    """
    unit = registry().parse_units(UNIT_WORDS[written.lower().replace("-", " ")])
    base = (1 * unit).to_base_units()
    dimension = "dimensionless" if unit.dimensionless else str(unit.dimensionality)
    return str(unit), dimension, float(base.magnitude), str(base.units)


def to_base(written: str, low: float, high: float) -> tuple[float, float, str, str]:
    """Convert [low, high] in a written unit to base units: (low, high, base unit, dimension)."""
    _, dimension, factor, base_unit = unit_info(written)
    return low * factor, high * factor, base_unit, dimension
