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


def test_the_kept_unit_table_is_what_pint_answers_now():
    """claimcheck/unit_table.py spares a run pint (a second); regenerated from the installed pint,
    the units and the bundled rules, it must come out as committed."""
    from claimcheck import unit_table, unit_table_gen
    from claimcheck.versions import installed_versions
    hint = "regenerate it: python -m claimcheck.unit_table_gen"
    installed = installed_versions(["pint"])["pint"]
    if unit_table.PINT_VERSION != installed:
        # a run then asks pint itself (unit_table.current() is false): slower, never wrong
        pytest.skip(f"the table was made with pint {unit_table.PINT_VERSION}, {installed} is installed: {hint}")
    assert unit_table.current()
    assert unit_table_gen.generate() == unit_table_gen.TARGET.read_text(encoding="utf-8"), hint


def test_every_entry_of_the_unit_table_is_pint_s():
    from claimcheck import unit_table
    from claimcheck.expr.units import pint_unit
    from claimcheck.extract.units import pint_temperature, pint_unit_info
    for expression, info in unit_table.units().items():
        assert pint_unit_info(expression) == info, expression
    for name, conversion in unit_table.temperatures().items():
        assert pint_temperature(name) == conversion, name
    for unit, answer in unit_table.literals().items():
        assert pint_unit(unit) == answer, unit
    for unit in unit_table.unknown():
        with pytest.raises(ValueError):
            pint_unit(unit)


def test_temperatures_from_the_table_convert_exactly_as_pint_does():
    import random
    rng = random.Random(16)
    values = [rng.uniform(-300, 300) for _ in range(500)] + [0, 32, -40, 100, 36.6, 1e300,
                                                              float("inf"), -float("inf")]
    for written in ("°C", "°F", "degrees Celsius", "fahrenheit"):
        name = unit_info(written)[0]
        q = registry().Quantity
        for value in values:
            low, high, unit, _ = to_base(written, value, value + 1)
            assert (low, high, unit) == (float(q(value, name).to("kelvin").magnitude),
                                         float(q(value + 1, name).to("kelvin").magnitude), "kelvin")


def test_a_unit_the_table_does_not_know_is_asked_of_pint():
    from claimcheck.expr.units import literal_quantity
    from claimcheck import unit_table
    assert "furlong" not in unit_table.literals() and "furlong" not in unit_table.unknown()
    assert literal_quantity(2, "furlong", frozenset()) == (pytest.approx(402.336, rel=1e-5), "[length]")
    assert to_base("mile/hour/hour", 1, 1)[2] == "meter / second ** 2"
    with pytest.raises(ValueError, match="unknown unit"):
        literal_quantity(2, "wibble", frozenset())


def test_checking_the_sample_corpus_loads_no_pint_and_answers_as_with_it(tmp_path):
    """The bundled rules and the sample corpus need no unit the table lacks: a check without the
    cache (rules loaded, articles extracted) never imports pint, and answers as with pint."""
    import json
    import shutil
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "corpus", tmp_path / "corpus")
    shutil.copytree(root / "rules", tmp_path / "rules")
    probe = ("import sys, runpy\n{setup}\nsys.argv = ['claimcheck', 'check', 'corpus', '--rules', "
             "'rules', '--no-cache', '--format', 'json']\ntry: runpy.run_module('claimcheck', "
             "run_name='__main__')\nexcept SystemExit: pass\nprint('pint' in sys.modules, file=sys.stderr)")
    runs = {}
    for name, setup in (("table", ""), ("pint", "import claimcheck.unit_table as t; t.current = lambda: False")):
        done = subprocess.run([sys.executable, "-c", probe.format(setup=setup)], capture_output=True,
                              text=True, cwd=tmp_path)
        runs[name] = json.loads(done.stdout), done.stderr.strip().splitlines()[-1]
    assert runs["table"][1] == "False" and runs["pint"][1] == "True"
    assert runs["table"][0] == runs["pint"][0] and runs["table"][0]["findings"]


def test_a_dimension_named_in_a_rule_file_is_that_dimension():
    """`dimension: mass` is the dimension of kilograms, not pint's milliarcseconds ("mas")."""
    from claimcheck.expr.units import DIMENSION_NAMES, dimension_name
    assert dimension_name("mass") == dimension_name("kg") == "[mass]"
    assert dimension_name("time") == dimension_name("hours")
    assert dimension_name("length") == dimension_name("miles")
    for name in DIMENSION_NAMES:
        assert dimension_name(name) != "dimensionless" or name in ("count", "number"), name
