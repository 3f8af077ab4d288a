"""The unit table (claimcheck/extract/units.py) agrees with pint's registry."""

from __future__ import annotations

import pytest

from claimcheck.extract.units import UNIT_WORDS, UNITS, registry, to_base, unit_info


@pytest.mark.parametrize("name", sorted(UNITS))
def test_every_unit_name_is_pint_s(name):
    registry().parse_units(name)


@pytest.mark.parametrize("written", sorted(UNIT_WORDS))
def test_every_written_form_reads_as_its_unit(written):
    canonical, dimension, factor, _ = unit_info(written)
    assert canonical == str(registry().parse_units(UNIT_WORDS[written]))
    assert factor > 0 and dimension


def test_symbols_pint_knows_mean_what_pint_says():
    for written in ("mg", "km", "mm", "nm", "ml", "kWh", "MW", "ft", "yd", "lb", "oz", "ha"):
        assert str(registry().parse_units(written)) == unit_info(written)[0], written


def test_temperatures_convert_with_their_offset():
    low, high, unit, _ = to_base("°C", 0, 100)
    assert (round(low, 2), round(high, 2), unit) == (273.15, 373.15, "kelvin")
    low, _, _, _ = to_base("°F", 32, 32)
    assert round(low, 2) == 273.15


def test_ambiguous_words_are_not_units():
    for word in ("in", "a", "h", "s", "min", "pound", "pounds", "t"):
        assert word not in UNIT_WORDS
