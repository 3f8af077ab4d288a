"""Quantity literals in rules ("4209 km", "3 days") and how quantities are shown in messages.

Values are held as floats in pint's base units, so evaluation never calls pint: it is consulted
once per literal when a rule loads, and once per dimension for display, and not even then for the
units whose answers claimcheck/unit_table.py keeps (those of the bundled rules among them).
"""

from __future__ import annotations

from functools import lru_cache

from claimcheck import unit_table
from claimcheck.expr.types import DIMENSIONLESS
from claimcheck.extract.units import registry

DISPLAY_UNITS = {"[length]": "kilometer", "[time]": "day", "[mass]": "metric_ton",
                 "[length] ** 2": "kilometer ** 2", "[length] / [time]": "kilometer / hour"}
_SHORT = {"kilometer": "km", "day": "days", "metric_ton": "t", "kilometer ** 2": "km²",
          "kilometer / hour": "km/h"}


def literal_quantity(number: float, unit: str, count_nouns: frozenset[str]) -> tuple[float, str]:
    """(magnitude in base units, dimension) of `number unit`; count nouns are plain numbers."""
    if unit.lower() in count_nouns or unit.lower() == "count":
        return number, DIMENSIONLESS
    factor, dimension = _unit(unit)
    return number * factor, dimension


@lru_cache(maxsize=None)
def _unit(unit: str) -> tuple[float, str]:
    if unit.startswith("_"):
        raise ValueError(f"unknown unit '{unit}'")
    known = unit_table.literals().get(unit)
    if known is not None:
        return known
    if unit in unit_table.unknown():
        raise ValueError(f"unknown unit '{unit}'")
    return pint_unit(unit)


def pint_unit(unit: str) -> tuple[float, str]:
    """_unit as pint answers it (claimcheck/unit_table.py keeps these)."""
    import pint   # late: loaded only for a unit the table does not know
    try:
        parsed = registry().parse_units(unit)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError,
            ValueError, TypeError):
        raise ValueError(f"unknown unit '{unit}'") from None
    dimension = DIMENSIONLESS if parsed.dimensionless else str(parsed.dimensionality)
    return float((1 * parsed).to_base_units().magnitude), dimension


DIMENSION_NAMES = ("count", "number", "length", "area", "volume", "time", "mass", "speed",
                   "temperature", "current", "substance", "luminosity")
_DERIVED = {"area": "[length] ** 2", "volume": "[length] ** 3", "speed": "[length] / [time]"}


def known_dimension(spec: str) -> bool:
    """A dimension as rule files may write it: a name above, a bracketed pint dimension, or a unit."""
    spec = spec.strip()
    if spec in DIMENSION_NAMES or spec.strip("[]") in DIMENSION_NAMES or spec == DIMENSIONLESS:
        return True
    try:
        _unit(spec)
        return True
    except ValueError:
        return False


def dimension_name(spec: str) -> str:
    """A claim type's dimension as written in YAML ("length", "[length]", "km", "count")."""
    spec = spec.strip()
    if spec in ("count", "number", DIMENSIONLESS):
        return DIMENSIONLESS
    if spec.strip("[]") in _DERIVED:
        return _DERIVED[spec.strip("[]")]
    if spec.startswith("["):
        return spec
    if spec in DIMENSION_NAMES:
        return f"[{spec}]"          # "mass" is a dimension here, not pint's milliarcseconds
    try:
        return _unit(spec)[1]
    except ValueError:
        return f"[{spec}]"


@lru_cache(maxsize=None)
def _display(dimension: str) -> tuple[float, str]:
    unit = DISPLAY_UNITS.get(dimension)
    if unit is None:
        return 1.0, ""
    return _unit(unit)[0], _SHORT.get(unit, unit)


def show_quantity(magnitude: float, dimension: str) -> str:
    factor, unit = _display(dimension)
    value = magnitude / factor
    text = f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.3g}"
    return f"{text} {unit}".strip()
