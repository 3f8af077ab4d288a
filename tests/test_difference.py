"""`x differs from y by more than t`: the gap between two figures as written, measured against
the smaller, defined for open-ended figures ("at least 30")."""

from __future__ import annotations

import math
from datetime import date

import pytest

from claimcheck.expr import Context, compile_expression
from claimcheck.expr.difference import differs

INF = math.inf


@pytest.mark.parametrize("x, y, tolerance, expected", [
    ((100, 100), (125, 125), 0.20, True),       # 125 is 25% above 100
    ((125, 125), (100, 100), 0.20, True),       # in either order
    ((100, 100), (119, 119), 0.20, False),
    ((100, 100), (120, 120), 0.20, False),      # exactly 20% more: not more than 20%
    ((108_000, 132_000), (57_000, 63_000), 0.20, True),   # about 120,000 vs 60,000
    ((95, 105), (120, 130), 0.10, True),        # closest readings 105 and 120: 14% apart
    ((95, 105), (110, 120), 0.10, False),       # 105 and 110: under 5%
    ((30, INF), (20, 20), 0.20, True),          # "at least 30" vs 20: at least 50% more
    ((30, INF), (40, 40), 0.20, False),         # 40 may be the figure
    ((30, INF), (100, INF), 0.0, False),        # two open-ended figures overlap
    ((0, 0), (5, 5), 0.5, True),                # nothing against something
    ((-10, -10), (-5, -5), 0.5, True),          # 5 apart, 100% of the smaller magnitude
])
def test_relative(x, y, tolerance, expected):
    assert differs(x, y, tolerance, relative=True) is expected


def test_absolute_and_dates():
    assert differs((4000, 4100), (4300, 4400), 150, relative=False)
    assert not differs((4000, 4100), (4200, 4400), 150, relative=False)
    day = 86400.0
    assert differs((date(2021, 12, 15),) * 2, (date(2021, 12, 18),) * 2, 2 * day, relative=False)
    assert not differs((date(2021, 12, 15),) * 2, (date(2021, 12, 17),) * 2, 2 * day, False)


@pytest.mark.parametrize("text, expected", [
    ("100 km differs from 125 km by more than 20%", True),
    ("100 km differs from 62 mile by more than 20%", False),   # 62 miles is 99.8 km
    ("100 km differs from 119 km by at most 20%", True),
    ("2021-12-15 differs from 2021-12-19 by more than 3 days", True),
    ("not (100 km differs from 125 km by more than 20%) or true", True),
])
def test_the_operator_reads_as_it_works(text, expected):
    assert compile_expression(text, Context("literal"))({}) is expected


def test_within_is_not_the_opposite():
    """`~ within 20%` widens both figures by 20%: 100 and 125 agree under it, yet 125 is 25%
    more than 100, so they differ by more than 20%."""
    within = compile_expression("100 km ~ 125 km within 20%", Context("literal"))({})
    differ = compile_expression("100 km differs from 125 km by more than 20%", Context("literal"))({})
    assert within is True and differ is True
